r"""Multi-value columns (``quality``, ``interventions``): one row or one flag per value.

A multi-value cell holds several vocabulary values joined by ``;`` (``burning;tingling``),
stored in vocabulary order. These functions work on the distinct cells only, so a long journal
costs little more than a short one.

Examples
--------
>>> import io
>>> from sci_pain.journal import read_journal
>>> entries = read_journal(io.StringIO("timestamp,pain,quality\n2026-03-01,3,tingling\n")).entries
>>> has_quality(entries, "tingling").tolist()
[True]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sci_pain.journal._parse import normalize_token
from sci_pain.journal.problems import hint
from sci_pain.journal.schema import COLUMNS, MULTI_SEPARATOR, ROW

__all__ = ["explode_multi", "multi_indicators", "has_quality", "has_intervention"]

_MULTI_COLUMNS = tuple(name for name, c in COLUMNS.items() if c.kind == "multi")


def _check_multi(entries: pd.DataFrame, column: str) -> list[str]:
    """Return the vocabulary of a multi-value column that `entries` has; else ValueError."""
    if column not in _MULTI_COLUMNS:
        msg = (
            f"{column!r} is not a multi-value column; choose one of "
            f"{', '.join(_MULTI_COLUMNS)}{hint(column, _MULTI_COLUMNS)}."
        )
        raise ValueError(msg)
    if column not in entries:
        msg = f"entries have no {column!r} column."
        raise ValueError(msg)
    return list(COLUMNS[column].allowed)


def _split_uniques(series: pd.Series) -> tuple[np.ndarray, list[list[str]]]:
    """Return the codes of a multi-value column and the values of each distinct cell."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, [str(u).split(MULTI_SEPARATOR) for u in uniques]


def explode_multi(entries: pd.DataFrame, column: str = "quality") -> pd.DataFrame:
    r"""Return one row per (entry, value) of a multi-value column.

    Parameters
    ----------
    entries : pandas.DataFrame
        ``Journal.entries``; ``row`` and ``timestamp`` are carried along when present.
    column : {"quality", "interventions"}, default "quality"
        The multi-value column to spread out.

    Returns
    -------
    pandas.DataFrame
        Columns ``row``, ``timestamp`` and ``column`` (a categorical over the vocabulary);
        the index repeats the entries' index. Entries without a value do not appear.

    Examples
    --------
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> text = "timestamp,pain,quality\n2026-03-01,3,burning;tingling\n2026-03-02,2,\n"
    >>> explode_multi(read_journal(io.StringIO(text)).entries, "quality")
       row  timestamp   quality
    0    2 2026-03-01   burning
    0    2 2026-03-01  tingling
    """
    allowed = _check_multi(entries, column)
    codes, items = _split_uniques(entries[column])
    counts = np.array([len(i) for i in items] + [0], dtype=np.int64)[codes]
    positions = np.repeat(np.arange(len(entries)), counts)
    flat_codes = {value: i for i, value in enumerate(allowed)}
    per_unique = [np.array([flat_codes.get(v, -1) for v in i], dtype=np.int8) for i in items]
    value_codes = (
        np.concatenate([per_unique[c] for c in codes if c >= 0])
        if positions.size
        else np.array([], dtype=np.int8)
    )
    out = entries.iloc[positions][[c for c in (ROW, "timestamp") if c in entries]].copy()
    out[column] = pd.Categorical.from_codes(value_codes, categories=allowed)
    return out


def multi_indicators(entries: pd.DataFrame, column: str = "quality") -> pd.DataFrame:
    r"""Return a boolean column per vocabulary value of a multi-value column.

    Parameters
    ----------
    entries : pandas.DataFrame
        ``Journal.entries``, or any frame with `column`.
    column : {"quality", "interventions"}, default "quality"
        The column whose values become flags.

    Returns
    -------
    pandas.DataFrame
        Same index as ``entries``; one bool column per allowed value, in vocabulary order.

    Examples
    --------
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> text = "timestamp,pain,interventions\n2026-03-01,3,tens;heat\n2026-03-02,2,\n"
    >>> flags = multi_indicators(read_journal(io.StringIO(text)).entries, "interventions")
    >>> flags[["heat", "tens", "rest"]]
        heat   tens   rest
    0   True   True  False
    1  False  False  False
    """
    allowed = _check_multi(entries, column)
    codes, items = _split_uniques(entries[column])
    table = np.zeros((len(items) + 1, len(allowed)), dtype=bool)
    index = {value: i for i, value in enumerate(allowed)}
    for u, values in enumerate(items):
        for value in values:
            if value in index:
                table[u, index[value]] = True
    return pd.DataFrame(table[codes], index=entries.index, columns=allowed)


def _has(entries: pd.DataFrame, column: str, value: str) -> pd.Series:
    """Tell for each entry whether its multi-value `column` holds `value`."""
    allowed = _check_multi(entries, column)
    token = normalize_token(value)
    if token not in allowed:
        msg = (
            f"{value!r} is not a {column} value; valid: {', '.join(allowed)}{hint(token, allowed)}."
        )
        raise ValueError(msg)
    codes, items = _split_uniques(entries[column])
    hit = np.array([token in i for i in items] + [False], dtype=bool)
    return pd.Series(hit[codes], index=entries.index, name=token)


def has_quality(entries: pd.DataFrame, descriptor: str) -> pd.Series:
    r"""Tell for each entry whether its ``quality`` includes a descriptor.

    Parameters
    ----------
    entries : pandas.DataFrame
        ``Journal.entries`` (with a ``quality`` column).
    descriptor : str
        A value of :data:`~sci_pain.journal.schema.QUALITIES` (case and spaces are forgiven).

    Returns
    -------
    pandas.Series of bool
        Named after the descriptor, with the index of ``entries``.

    Examples
    --------
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> text = "timestamp,pain,quality\n2026-03-01,3,burning;tingling\n2026-03-02,2,aching\n"
    >>> has_quality(read_journal(io.StringIO(text)).entries, "Burning").tolist()
    [True, False]
    """
    return _has(entries, "quality", descriptor)


def has_intervention(entries: pd.DataFrame, intervention: str) -> pd.Series:
    r"""Tell for each entry whether its ``interventions`` include one intervention.

    Parameters
    ----------
    entries : pandas.DataFrame
        Journal entries with an ``interventions`` column.
    intervention : str
        A value of :data:`~sci_pain.journal.schema.INTERVENTIONS` (``"TENS"`` is ``tens``).

    Returns
    -------
    pandas.Series of bool
        True where the intervention was recorded; missing cells count as False.

    Examples
    --------
    >>> import pandas as pd
    >>> from sci_pain.journal import journal_from_frame
    >>> raw = pd.DataFrame(
    ...     {
    ...         "timestamp": ["2026-03-01", "2026-03-02"],
    ...         "pain": [3, 2],
    ...         "interventions": ["TENS", None],
    ...     }
    ... )
    >>> has_intervention(journal_from_frame(raw, source="diary").entries, "tens").tolist()
    [True, False]
    """
    return _has(entries, "interventions", intervention)
