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

import difflib
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from sci_pain.errors import AnalysisError
from sci_pain.journal import COLUMNS

__all__ = ["as_entries", "categorical", "multi_values", "numeric", "require_columns", "timestamps"]


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
        close = difflib.get_close_matches(column, available, n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        known = COLUMNS.get(column)
        why = f" ({known.description})" if known is not None else ""
        msg = (
            f"{purpose} needs the column {column!r}{why}, but the journal has only "
            f"{', '.join(map(repr, available)) or 'no columns'}.{hint} Record it in the journal "
            f"or rename the column (read_journal(..., columns={{'your name': {column!r}}}))."
        )
        raise AnalysisError(msg, column=column, available=available)


def timestamps(entries: pd.DataFrame, *, purpose: str) -> pd.Series:
    """The ``timestamp`` column as datetime64 (parsing strings of hand-made frames)."""
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
    """A numeric column as a float array with NaN for missing values."""
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
    """A categorical column re-cast to the schema's categories (unknown values become NA)."""
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
    """A ``;``-joined column exploded to one stripped value per row (index = entry index)."""
    values = entries[column].astype("string")
    exploded = values.str.split(";").explode().str.strip()
    return exploded[exploded.notna() & (exploded != "")]
