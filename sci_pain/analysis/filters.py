"""Select journal entries by date, site and side; list a journal's days.

Pure functions over entries (the input is never changed). The journal dashboard filters with
them, and so can a notebook or a script.

Examples
--------
>>> import sci_pain as sp
>>> entries = sp.load_example_journal("dvt").entries
>>> len(filter_entries(entries, site="calf", side="left")) < len(entries)
True
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pandas as pd

from sci_pain.analysis._entries import as_entries, timestamps
from sci_pain.errors import AnalysisError, did_you_mean
from sci_pain.journal import SIDES, SITES

__all__ = ["filter_entries", "journal_days"]


def _day(value) -> pd.Timestamp | None:
    return None if value is None else pd.Timestamp(value).normalize()


def filter_entries(
    entries,
    *,
    start=None,
    end=None,
    site: str | None = None,
    side: str | None = None,
) -> pd.DataFrame:
    """Keep the entries from ``start`` to ``end`` (whole days) recorded at one site and side.

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries (or a Journal).
    start, end : date-like, optional
        First and last day to keep, inclusive; default: no limit.
    site : str, optional
        Keep entries whose recorded ``site`` is this (e.g. ``"foot"``); default all.
        ``whole_leg`` entries are not counted as every site here: the filter keeps what was
        written.
    side : str, optional
        Keep entries whose recorded ``side`` is this (``"left"``, ``"right"`` or ``"both"``).

    Returns
    -------
    DataFrame
        A subset of the rows, in the same order; the input is not changed (with no filter
        that removes a row, the input itself).

    Raises
    ------
    AnalysisError
        For a site or side outside the journal format's vocabulary (with close matches), or
        a filter on a column the journal lacks.

    Examples
    --------
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("dvt").entries
    >>> feb = filter_entries(entries, start="2026-02-01", end="2026-02-07", side="left")
    >>> f"{feb['timestamp'].min():%Y-%m-%d}", set(feb["side"])
    ('2026-02-01', {'left'})
    """
    entries = as_entries(entries)
    keep = np.ones(len(entries), dtype=bool)
    if start is not None or end is not None:
        days = entries["timestamp"].dt.normalize()
        if start is not None:
            keep &= (days >= _day(start)).to_numpy(dtype=bool, na_value=False)
        if end is not None:
            keep &= (days <= _day(end)).to_numpy(dtype=bool, na_value=False)
    for column, value, allowed in (("site", site, SITES), ("side", side, SIDES)):
        if value is not None:
            keep &= _matches(entries, column, value, allowed)
    if keep.all():
        return entries
    return entries.loc[keep]


def _matches(entries: pd.DataFrame, column: str, value: str, allowed) -> np.ndarray:
    """Which rows recorded ``value`` in ``column`` (checked against the vocabulary)."""
    if value not in allowed:
        msg = (
            f"{column} {value!r} is not in the journal format; choose one of {allowed}."
            f"{did_you_mean(value, allowed)}"
        )
        raise AnalysisError(msg, column=column)
    if column not in entries.columns:
        msg = f"the journal has no {column!r} column to filter on"
        raise AnalysisError(msg, column=column, available=entries.columns)
    return entries[column].astype(object).to_numpy() == value


def journal_days(entries) -> list[_dt.date]:
    """List every calendar day from a journal's first entry to its last (for a date slider).

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries (or a Journal).

    Returns
    -------
    list of datetime.date
        One date per day, first to last; empty when no entry has a time stamp.

    Examples
    --------
    >>> import sci_pain as sp
    >>> days = journal_days(sp.load_example_journal("dvt"))
    >>> days[0], len(days)
    (datetime.date(2026, 1, 5), 120)
    """
    entries = as_entries(entries)
    ts = timestamps(entries, purpose="The list of days").dropna()
    if ts.empty:
        return []
    first, last = ts.min().normalize(), ts.max().normalize()
    if first.tz is None:  # one calendar day after another, made by NumPy
        return np.arange(
            first.date(), last.date() + _dt.timedelta(days=1), dtype="datetime64[D]"
        ).tolist()
    return [d.date() for d in pd.date_range(first, last)]
