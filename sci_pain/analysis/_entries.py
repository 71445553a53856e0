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
from sci_pain.journal import COLUMNS

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
    """Return the ``timestamp`` column as datetime64 (parsing strings of hand-made frames)."""
    require_columns(entries, ["timestamp"], purpose=purpose)
    ts = entries["timestamp"]
    if pd.api.types.is_datetime64_any_dtype(ts):
        return ts
    try:
        return pd.to_datetime(ts, format="ISO8601")
    except (ValueError, TypeError) as exc:
        msg = (
            f"{purpose} needs date-times in the 'timestamp' column, but it holds "
            f"{ts.dtype} values that are not ISO 8601 date-times ({exc}). Read the file with "
            f"sci_pain.read_journal, which parses and checks them."
        )
        raise AnalysisError(msg, column="timestamp", available=entries.columns) from None


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
