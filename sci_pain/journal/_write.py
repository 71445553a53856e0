"""Writing a journal's entries as CSV (private): the inverse of the reader.

Columns in schema order, then unknown columns; ISO 8601 times; text cells that a spreadsheet
would run as a formula escaped with a leading ``'``, which the reader removes.
"""

from __future__ import annotations

import pandas as pd

from sci_pain.journal._parse import NEEDS_ESCAPE_PATTERN
from sci_pain.journal.problems import TEXT_DTYPE
from sci_pain.journal.schema import COLUMN_ORDER, COLUMNS, ROW

__all__ = ["escape", "to_csv_text"]


def escape(series: pd.Series) -> pd.Series:
    """Put a ``'`` before each text cell that a spreadsheet would run as a formula."""
    needs = series.str.match(NEEDS_ESCAPE_PATTERN).fillna(False).astype(bool)
    if not needs.any():
        return series
    return series.where(~needs, "'" + series)


def _format_timestamps(values: pd.Series) -> pd.Series:
    """ISO 8601 text of each time, with seconds (and fractions) only when some time has them."""
    ts = pd.Series(values, copy=False)
    if ts.isna().all():
        return ts.astype(object).where(ts.notna(), None)
    seconds = ts.dt.second.fillna(0).astype(bool).any()
    fraction = ts.dt.microsecond.fillna(0).astype(bool).any()
    fmt = "%Y-%m-%dT%H:%M" + (":%S" if seconds or fraction else "") + (".%f" if fraction else "")
    if not fraction:
        text = ts.dt.strftime(fmt) if len(ts) < 5000 else _fast_iso(ts, seconds)
    else:
        text = ts.dt.strftime(fmt)
    return text


def _fast_iso(ts: pd.Series, seconds: bool) -> pd.Series:
    text = ts.astype("datetime64[s]").astype(str)  # "2026-03-01 08:00:00"
    text = text.str.slice(0, 10) + "T" + text.str.slice(11, 19 if seconds else 16)
    return text.where(ts.notna(), None)


def to_csv_text(entries: pd.DataFrame) -> str:
    """Return entries as journal CSV text (see :meth:`~sci_pain.journal.reader.Journal.to_csv`)."""
    out: dict[str, pd.Series] = {}
    for name in COLUMN_ORDER:
        column = COLUMNS[name]
        if name not in entries:
            out[name] = pd.Series([None] * len(entries), dtype=object, index=entries.index)
            continue
        values = entries[name]
        if column.kind == "datetime":
            out[name] = _format_timestamps(values)
        elif column.kind == "text":
            out[name] = escape(values.astype(TEXT_DTYPE))
        else:
            out[name] = values
    for name in entries.columns:
        if name != ROW and name not in COLUMNS:
            out[name] = escape(entries[name].astype(TEXT_DTYPE))
    frame = pd.DataFrame(out, index=entries.index)
    header = escape(pd.Series(list(out), dtype=TEXT_DTYPE)).tolist()
    return frame.to_csv(index=False, header=header, lineterminator="\n")
