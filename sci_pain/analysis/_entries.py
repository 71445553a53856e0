"""Shared input helpers of the analysis layer: check and convert journal entries.

Every analysis, plot and widget that takes "entries or a Journal" starts with :func:`as_entries`
and asks for columns with :func:`require_columns`, so that a missing column gives the same
message everywhere.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"timestamp": ["2026-01-05T08:00"], "pain": [4]})
>>> numeric(as_entries(frame), "pain")
array([4.])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from sci_pain.errors import AnalysisError, did_you_mean
from sci_pain.journal import COLUMNS, PLAUSIBLE_YEARS

__all__ = [
    "as_entries",
    "categorical",
    "check_choice",
    "check_confidence",
    "multi_values",
    "numeric",
    "require_columns",
    "timestamps",
]


def as_entries(data) -> pd.DataFrame:
    """Return the entries DataFrame of a Journal or the DataFrame itself."""
    if isinstance(data, pd.DataFrame):
        return data
    entries = getattr(data, "entries", None)
    if isinstance(entries, pd.DataFrame):
        return entries
    msg = (
        f"expected journal entries (a pandas DataFrame, or a Journal from "
        f"sci_pain.read_journal), got {type(data).__name__}"
    )
    raise TypeError(msg)


def require_columns(entries: pd.DataFrame, columns: Iterable[str], *, purpose: str) -> None:
    """Raise AnalysisError naming the first required column the frame lacks."""
    available = [str(c) for c in entries.columns]
    for column in columns:
        if column in entries.columns:
            continue
        hint = did_you_mean(column, available)
        known = COLUMNS.get(column)
        why = f" ({known.description})" if known is not None else ""
        msg = (
            f"{purpose} needs the column {column!r}{why}, but the journal has only "
            f"{', '.join(map(repr, available)) or 'no columns'}.{hint} Record it in the journal "
            f"or rename the column (read_journal(..., columns={{'your name': {column!r}}}))."
        )
        raise AnalysisError(msg, column=column, available=available)


def timestamps(entries: pd.DataFrame, *, purpose: str) -> pd.Series:
    """Return the ``timestamp`` column as datetime64 (parsing strings of hand-made frames).

    Every date-time must lie in the journal's plausible years
    (:data:`~sci_pain.journal.schema.PLAUSIBLE_YEARS`, 1900-2100), as :func:`read_journal`
    checks: a hand-made frame with an entry in year 1 or 9999 would otherwise make every
    daily analysis and calendar span millennia of empty days.

    Examples
    --------
    >>> frame = pd.DataFrame({"timestamp": ["2026-03-01 08:00", "9999-03-01 08:00"]})
    >>> timestamps(frame, purpose="The trend")
    Traceback (most recent call last):
    ...
    sci_pain.errors.AnalysisError: The trend needs dates in the years 1900-2100, but ...
    """
    require_columns(entries, ["timestamp"], purpose=purpose)
    ts = entries["timestamp"]
    if not pd.api.types.is_datetime64_any_dtype(ts):
        try:
            ts = pd.to_datetime(ts, format="ISO8601")
        except pd.errors.OutOfBoundsDatetime as exc:  # pandas 2: a year such as 9999 or 0001
            first, last = PLAUSIBLE_YEARS
            msg = (
                f"{purpose} needs dates in the years {first}-{last}, but the 'timestamp' column "
                f"holds one far outside them ({str(exc).split(', at position')[0]}). A year such "
                f"as 0001 or 9999 is a typing slip; correct it, or read the file with "
                f"sci_pain.read_journal, which reports such entries as problems and keeps them out."
            )
            raise AnalysisError(msg, column="timestamp", available=entries.columns) from None
        except (ValueError, TypeError, OverflowError) as exc:
            msg = (
                f"{purpose} needs date-times in the 'timestamp' column, but it holds "
                f"{ts.dtype} values that are not ISO 8601 date-times ({exc}). Read the file "
                f"with sci_pain.read_journal, which parses and checks them."
            )
            raise AnalysisError(msg, column="timestamp", available=entries.columns) from None
    _check_years(ts, purpose=purpose, available=entries.columns)
    return ts


def _check_years(ts: pd.Series, *, purpose: str, available) -> None:
    """Raise AnalysisError naming the entries dated outside the plausible years."""
    first, last = PLAUSIBLE_YEARS
    if ts.empty:
        return
    if _within_years(ts, first, last):
        return  # the usual case, decided from the first and last time alone
    years = ts.dt.year
    outside = ((years < first) | (years > last)).to_numpy(dtype=bool, na_value=False)
    if not outside.any():
        return
    bad = ts[outside]
    shown = ", ".join(
        f"{stamp.year:04d}-{stamp:%m-%d %H:%M} (index {index!r})"
        for index, stamp in bad.iloc[:3].items()
    )
    more = f" and {len(bad) - 3:,} more" if len(bad) > 3 else ""
    count = f"{len(bad):,} entr{'y is' if len(bad) == 1 else 'ies are'}"
    msg = (
        f"{purpose} needs dates in the years {first}-{last}, but {count} outside them: "
        f"{shown}{more}. A year such as 0001 or 9999 is a typing slip; correct it, or read "
        f"the file with sci_pain.read_journal, which reports such entries as problems and "
        f"keeps them out."
    )
    raise AnalysisError(msg, column="timestamp", available=available)


def _within_years(ts: pd.Series, first: int, last: int) -> bool:
    """Whether every time of a time-zone-naive datetime64 column lies in ``first``-``last``.

    Compared as integers with the first instant of ``first`` and of the year after ``last``
    (no year is worked out per entry); False also when it cannot tell this way (another
    dtype, a time zone): the caller then looks at every entry's year.
    """
    values = ts.to_numpy()
    if values.dtype.kind != "M":
        return False
    unit = np.datetime_data(values.dtype)[0]
    ticks = values.view(np.int64)
    nat = np.iinfo(np.int64).min
    valid = ticks[ticks != nat]
    if valid.size == 0:
        return True
    try:
        low = np.datetime64(f"{first:04d}-01-01", unit).astype(np.int64)
        high = np.datetime64(f"{last + 1:04d}-01-01", unit).astype(np.int64)
    except (ValueError, OverflowError):  # years this unit cannot hold: look at each entry
        return False
    return bool(valid.min() >= low and valid.max() < high)


def numeric(entries: pd.DataFrame, column: str) -> np.ndarray:
    """Return a numeric column as a float array with NaN for missing values."""
    values = entries[column]
    try:
        return pd.to_numeric(values, errors="raise").to_numpy(dtype=float, na_value=np.nan)
    except (ValueError, TypeError):
        msg = (
            f"the column {column!r} must hold numbers, but it holds {values.dtype} values "
            f"such as {values.dropna().iloc[:3].tolist()!r}"
        )
        raise AnalysisError(msg, column=column, available=entries.columns) from None


def categorical(entries: pd.DataFrame, column: str, allowed: Sequence[str], *, ordered=False):
    """Return a categorical column re-cast to the schema's categories (unknown values become NA)."""
    values = entries[column]
    if isinstance(values.dtype, pd.CategoricalDtype) and all(
        isinstance(category, str) for category in values.cat.categories
    ):  # re-cast the categories, not each value: values outside `allowed` become NA
        cast = values.cat.set_categories(list(allowed), ordered=ordered)
        return pd.Series(cast.array, index=entries.index, name=column)
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype("string")
    raw = values.to_numpy(dtype=object, na_value=None)
    known = np.isin(raw, list(allowed))
    return pd.Series(
        pd.Categorical(np.where(known, raw, None), list(allowed), ordered),
        index=entries.index,
        name=column,
    )


def multi_values(entries: pd.DataFrame, column: str) -> pd.Series:
    """Return a ``;``-joined column exploded to one stripped value per row (index = entry index)."""
    values = entries[column].astype("string")
    exploded = values.str.split(";").explode().str.strip()
    return exploded[exploded.notna() & (exploded != "")]


def check_choice(name: str, value: object, allowed: Sequence[str]) -> None:
    """Raise AnalysisError unless the option `name` is one of `allowed`.

    Examples
    --------
    >>> check_choice("per", "week", ("day", "entry"))
    Traceback (most recent call last):
    ...
    sci_pain.errors.AnalysisError: per must be 'day' or 'entry', got 'week'
    """
    if value not in allowed:
        msg = f"{name} must be {' or '.join(map(repr, allowed))}, got {value!r}"
        raise AnalysisError(msg)


def check_confidence(confidence: float) -> None:
    """Raise AnalysisError unless `confidence` lies strictly between 0 and 1.

    Examples
    --------
    >>> check_confidence(95)
    Traceback (most recent call last):
    ...
    sci_pain.errors.AnalysisError: confidence must be between 0 and 1, got 95
    """
    if not 0 < confidence < 1:
        msg = f"confidence must be between 0 and 1, got {confidence!r}"
        raise AnalysisError(msg)
