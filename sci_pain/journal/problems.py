"""Problems tables: a journal's account of every fault, and the words of its messages.

Every journal, read from a file, imported from an app or built from a frame, carries a table
with one row per problem: the record's spreadsheet ``row`` (1 for the header), the ``column``
(missing for a whole record), the ``value`` as read, the ``problem`` (what is wrong and what
was done) and whether the record was ``kept``. :func:`problems_frame` builds such a table
with its dtypes; the small helpers below word the messages the same way everywhere.

Examples
--------
>>> problems_frame([(3, "pain", "11", "out of range; record not kept", False)]).dtypes["row"]
dtype('int64')
>>> plural(1, "record"), plural(2, "record")
('1 record', '2 records')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sci_pain.errors import close_matches
from sci_pain.journal._io import excerpt
from sci_pain.journal.schema import PROBLEM_COLUMNS

__all__ = [
    "problems_frame",
    "typed_problems",
    "problems_from_arrays",
    "gather_problems",
    "TEXT_DTYPE",
    "VALUE_LIMIT",
    "plural",
    "hint",
    "quoted",
]

TEXT_DTYPE = pd.StringDtype(na_value=np.nan)
"""The dtype of every text column of ``entries`` and ``problems`` (missing is NaN)."""

VALUE_LIMIT = 200
"""Longest cell quoted in ``problems["value"]``; longer cells are cut, with their size."""


def problems_frame(records: Iterable[Mapping | Sequence] = ()) -> pd.DataFrame:
    """Build a problems table with the standard columns and dtypes.

    Parameters
    ----------
    records : iterable of mappings or sequences
        Each ``(row, column, value, problem, kept)``; ``column`` and ``value`` may be None.

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (int64), ``column``, ``value``, ``problem`` (str), ``kept`` (bool).

    Examples
    --------
    >>> problems_frame([(7, "pain", "12", "out of range; record not kept", False)])
       row column value                        problem   kept
    0    7   pain    12  out of range; record not kept  False
    """
    frame = pd.DataFrame(list(records), columns=list(PROBLEM_COLUMNS))
    return typed_problems(frame)


def typed_problems(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` as a problems table: standard columns and dtypes, values cut to size.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``row``, ``column``, ``value``, ``problem``, ``kept`` (others are dropped).

    Returns
    -------
    pandas.DataFrame
        A new frame with a fresh ``RangeIndex``; a ``value`` longer than
        :data:`VALUE_LIMIT` characters is cut and its size given.
    """
    frame = frame.reindex(columns=list(PROBLEM_COLUMNS))
    return problems_from_arrays(
        frame["row"].to_numpy(dtype=np.int64),
        frame["column"].to_numpy(dtype=object),
        frame["value"].to_numpy(dtype=object, na_value=None),
        frame["problem"].to_numpy(dtype=object),
        frame["kept"].to_numpy(dtype=bool),
    )


def problems_from_arrays(row, column, value, problem, kept) -> pd.DataFrame:
    """Build a problems table from one array per column (object arrays for the texts).

    What :func:`typed_problems` returns, without a frame of objects in between: the texts
    go to Arrow at once.
    """
    return pd.DataFrame(
        {
            "row": np.asarray(row, dtype=np.int64),
            "column": _texts(column),
            "value": _values(value),
            "problem": _texts(problem),
            "kept": np.asarray(kept, dtype=bool),
        },
        index=pd.RangeIndex(len(row)),
    )


def gather_problems(chunks, rows, dropped, header_problems=(), extra=None) -> pd.DataFrame:
    """Return a journal's problems table, sorted by row: the header's, the columns', the app's.

    Parameters
    ----------
    chunks : list of tuple
        One ``(positions, column, values, problems)`` per column with faults: the positions
        of the faulty records (into `rows`), the column's name, the cells as read and what is
        wrong with each.
    rows : numpy.ndarray
        Each record's spreadsheet row.
    dropped : numpy.ndarray of bool
        Whether each record was not kept.
    header_problems : sequence of tuple, optional
        ``(row, column, value, problem)`` of the header (those records are kept).
    extra : pandas.DataFrame, optional
        A problems table from an importer; its ``kept`` is set from `dropped` for its rows.

    Examples
    --------
    >>> rows, dropped = np.array([2, 3, 4]), np.array([False, True, False])
    >>> chunks = [(np.array([1]), "pain", ["11"], ["out of range; record not kept"])]
    >>> gather_problems(chunks, rows, dropped)[["row", "column", "kept"]].to_dict("records")
    [{'row': 3, 'column': 'pain', 'kept': False}]
    """
    if extra is None and (chunks or header_problems) and _plain_notes(header_problems):
        return _chunk_problems(chunks, rows, dropped, header_problems)  # (the usual case)
    return _all_problems(chunks, rows, dropped, header_problems, extra)


def _plain_notes(header_problems) -> bool:
    """Tell whether the header's problems are plain: an int row and texts (value None or text)."""
    return all(
        isinstance(p, dict)
        and type(p.get("row")) is int
        and (p.get("column") is None or type(p.get("column")) is str)
        and (p.get("value") is None or type(p.get("value")) is str)
        and type(p.get("problem")) is str
        for p in header_problems
    )


def _chunk_problems(chunks, rows, dropped, header_problems=()) -> pd.DataFrame:
    """Return the problems table of the header's (plain) problems and the chunks, typed at once.

    What :func:`_all_problems` builds through a frame of objects: the header's problems
    (kept) first, then the chunks', in a stable sort by row.
    """
    no_texts = np.array([], dtype=object)
    positions = np.concatenate([np.array([], dtype=np.intp)] + [c[0] for c in chunks])
    positions = positions.astype(np.intp, copy=False)
    head = len(header_problems)
    row = np.concatenate(
        [np.array([p["row"] for p in header_problems], dtype=np.int64), rows[positions]]
    ).astype(np.int64, copy=False)
    order = np.argsort(row, kind="stable")
    names = np.array([c[1] for c in chunks], dtype=object)

    def texts(key: str, parts) -> np.ndarray:
        noted = np.array([p.get(key) for p in header_problems] + [None], dtype=object)[:-1]
        return np.concatenate([noted, no_texts, *parts])[order]

    return problems_from_arrays(
        row[order],
        texts("column", [np.repeat(names, [len(c[0]) for c in chunks])]),
        texts("value", [np.asarray(c[2], dtype=object) for c in chunks]),
        texts("problem", [np.asarray(c[3], dtype=object) for c in chunks]),
        np.concatenate([np.ones(head, dtype=bool), ~dropped[positions]])[order],
    )


def _all_problems(chunks, rows, dropped, header_problems, extra) -> pd.DataFrame:
    """Return the problems table from every source, through one frame (the general case)."""
    parts = []
    if header_problems:
        head = pd.DataFrame(header_problems, columns=["row", "column", "value", "problem"])
        head["kept"] = True
        parts.append(head)
    if chunks:  # one frame for every chunk (in chunk order; the sort below is stable)
        positions = np.concatenate([c[0] for c in chunks]).astype(np.intp, copy=False)
        parts.append(
            pd.DataFrame(
                {
                    "row": rows[positions],
                    "column": np.concatenate(
                        [np.full(len(c[0]), c[1], dtype=object) for c in chunks]
                    ),
                    "value": np.concatenate([np.asarray(c[2], dtype=object) for c in chunks]),
                    "problem": np.concatenate([np.asarray(c[3], dtype=object) for c in chunks]),
                    "kept": ~dropped[positions],
                }
            )
        )
    if extra is not None:
        extra = extra.copy()
        inside = np.isin(extra["row"].to_numpy(), rows)
        if inside.any():
            dropped_rows = rows[dropped]
            extra.loc[inside, "kept"] = ~np.isin(extra.loc[inside, "row"].to_numpy(), dropped_rows)
        parts.append(extra)
    if not parts:
        return problems_frame()
    frame = typed_problems(
        pd.concat([p.astype({"value": object}) for p in parts], ignore_index=True)
    )
    return frame.sort_values("row", kind="stable", ignore_index=True)


def _texts(texts: np.ndarray):
    """Return a text column from an object array of texts (None or NaN for missing)."""
    try:
        strings = pa.array(texts, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowException, TypeError):  # other objects: as pandas makes them text
        return pd.array(texts, dtype=TEXT_DTYPE)
    return pd.array(strings, dtype=TEXT_DTYPE)


def _values(values: np.ndarray):
    """Return the ``value`` column: each cell as text, cut to :data:`VALUE_LIMIT` characters.

    Texts are measured at once (Arrow); only the few longer cells are cut one by one.
    """
    try:
        strings = pa.array(values, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowException, TypeError):  # numbers or other objects: made text one by one
        strings = pa.array([None if v is None else str(v) for v in values], type=pa.large_string())
    long = np.flatnonzero(np.asarray(pc.utf8_length(strings).fill_null(0)) > VALUE_LIMIT)
    if long.size:
        texts = np.array(strings.to_pylist(), dtype=object)
        texts[long] = [excerpt(t, VALUE_LIMIT) for t in texts[long]]
        strings = pa.array(texts, type=pa.large_string())
    return pd.array(strings.cast(pa.large_string()), dtype=TEXT_DTYPE)


def plural(n: int, word: str) -> str:
    """Return ``"1 record"`` or ``"2 records"``: a count with its word."""
    return f"{n} {word}{'s' * (n != 1)}"


def hint(word: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x' or 'y'?)"`` for the close matches of `word`, or ``""``.

    Examples
    --------
    >>> hint("pian", ["pain", "site"])
    " (did you mean 'pain'?)"
    """
    matches = close_matches(word, choices)
    return f" (did you mean {' or '.join(map(repr, matches))}?)" if matches else ""


def quoted(items: Iterable[str]) -> str:
    """Return the items quoted and comma-separated, at most 30 of them (then the count)."""
    items = list(items)
    shown = ", ".join(repr(i) for i in items[:30])
    return shown + (f", ... ({len(items)} in all)" if len(items) > 30 else "")
