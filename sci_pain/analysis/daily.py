"""Patterns in a pain journal: daily summaries, trends, profiles, descriptors and associations.

Pure functions over the entries of a journal (``Journal.entries`` from
:func:`sci_pain.read_journal`, or any DataFrame with the journal columns of
:mod:`sci_pain.journal.schema`). They never modify their input; every random step takes a
``seed``. A function that needs a column the frame does not have raises
:class:`AnalysisError` naming the column.

Most questions about a journal are asked per *day*: people make several entries on some days
and none on others, so entries are first summarised per calendar day (:func:`daily_values`):
the mean pain, the total spasms and activity minutes, the longest immobile stretch and the
hours slept. Days without an entry stay in the calendar as missing, so that "the day before"
really means the calendar day before.

Examples
--------
>>> import pandas as pd
>>> entries = pd.DataFrame(
...     {
...         "timestamp": pd.to_datetime(
...             ["2026-03-02 08:00", "2026-03-02 20:00", "2026-03-04 09:00"]
...         ),
...         "pain": pd.array([3, 5, 4], dtype="Int64"),
...     }
... )
>>> daily_summary(entries)[["mean", "entries", "missed"]]
            mean  entries  missed
date
2026-03-02   4.0        2   False
2026-03-03   NaN        0    True
2026-03-04   4.0        1   False
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from sci_pain.analysis._entries import as_entries as _as_entries
from sci_pain.analysis._entries import numeric as _numeric
from sci_pain.analysis._entries import require_columns as _require
from sci_pain.analysis._entries import timestamps as _timestamps
from sci_pain.analysis.nof1_stats import theil_sen
from sci_pain.errors import AnalysisError, did_you_mean

__all__ = [
    "DAILY_AGGREGATION",
    "check_daily_column",
    "daily_values",
    "daily_summary",
    "summarize_journal",
    "rolling_trend",
    "trend_slope",
]

DAILY_AGGREGATION: dict[str, str] = {
    "pain": "mean",
    "interference": "mean",
    "interference_activities": "mean",
    "interference_mood": "mean",
    "interference_sleep": "mean",
    "spasms": "sum",
    "activity_min": "sum",
    "immobile_hours": "max",
    "sleep_hours": "mean",
}
"""How entries of one day are combined per column.

Counts and minutes "since the previous entry" add up over a day; the longest immobile stretch
is the day's maximum; ratings and hours slept are averaged.
"""


def check_daily_column(column: str, *, purpose: str) -> None:
    """Raise AnalysisError unless `column` is a numeric journal column of :data:`DAILY_AGGREGATION`.

    Parameters
    ----------
    column : str
        The column asked for.
    purpose : str
        What needs it, for the message.

    Examples
    --------
    >>> check_daily_column("spasm", purpose="the trend")
    Traceback (most recent call last):
    ...
    sci_pain.errors.AnalysisError: the trend: 'spasm' is not a numeric journal column; ...
    """
    if column not in DAILY_AGGREGATION:
        hint = did_you_mean(column, DAILY_AGGREGATION)
        msg = (
            f"{purpose}: {column!r} is not a numeric journal column; choose one of "
            f"{', '.join(map(repr, DAILY_AGGREGATION))}.{hint}"
        )
        raise AnalysisError(msg, column=column)


def daily_values(entries, columns: Sequence[str] | None = None) -> pd.DataFrame:
    r"""Combine entries into one row per calendar day, keeping days without entries.

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries with a ``timestamp`` column and the requested columns.
    columns : sequence of str, optional
        Numeric columns to combine, each as :data:`DAILY_AGGREGATION` says (mean pain, total
        spasms and activity minutes, longest immobile stretch, mean hours slept). Default:
        every one of those columns the frame has.

    Returns
    -------
    DataFrame
        Indexed by ``date`` (every calendar day from the first to the last entry), one float
        column per requested column; NaN where a day has no value.

    Raises
    ------
    AnalysisError
        If a requested column is missing or not numeric.

    Examples
    --------
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> csv = "timestamp,pain,spasms\n2026-03-02 08:00,3,2\n2026-03-02 20:00,5,4\n"
    >>> daily_values(read_journal(io.StringIO(csv)), ["pain", "spasms"])
                pain  spasms
    date
    2026-03-02   4.0     6.0
    """
    entries = _as_entries(entries)
    purpose = "daily values"
    if columns is None:
        columns = [c for c in DAILY_AGGREGATION if c in entries.columns]
    columns = list(columns)
    for column in columns:
        check_daily_column(column, purpose=purpose)
    _require(entries, columns, purpose=purpose)
    ts = _timestamps(entries, purpose=purpose)
    if len(ts) == 0 or ts.isna().all():
        return pd.DataFrame(
            {c: pd.Series(dtype=float) for c in columns},
            index=pd.DatetimeIndex([], name="date"),
        )
    frame = pd.DataFrame({c: _numeric(entries, c) for c in columns}, index=entries.index)
    frame["date"] = ts.dt.normalize().to_numpy()
    grouped = frame.groupby("date", sort=True)
    out = {}
    for column in columns:
        how = DAILY_AGGREGATION[column]
        if how == "sum":
            out[column] = grouped[column].sum(min_count=1)
        else:
            out[column] = grouped[column].agg(how)
    result = pd.DataFrame(out, columns=columns)
    calendar = pd.date_range(result.index.min(), result.index.max(), freq="D", name="date")
    return result.reindex(calendar)


def daily_summary(entries, *, column: str = "pain") -> pd.DataFrame:
    """Mean, minimum and maximum of a rating per calendar day, with entry counts and missed days.

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries with ``timestamp`` and ``column``.
    column : str, default "pain"
        The numeric column to summarise.

    Returns
    -------
    DataFrame
        Indexed by ``date`` (every day from the first to the last entry), with columns
        ``mean``, ``min``, ``max`` (float, NaN on days without a value), ``entries`` (number
        of entries that day, any column) and ``missed`` (True for a day without any entry).

    See Also
    --------
    summarize_journal : the same as one line for a whole journal.
    """
    entries = _as_entries(entries)
    purpose = f"the daily summary of {column!r}"
    _require(entries, [column], purpose=purpose)
    ts = _timestamps(entries, purpose=purpose)
    values = _numeric(entries, column)
    columns = ["mean", "min", "max", "entries", "missed"]
    counted = _daily_by_counting(ts, values, columns)
    return counted if counted is not None else _daily_by_grouping(ts, values, columns)


def _daily_by_grouping(ts: pd.Series, values: np.ndarray, columns: list[str]) -> pd.DataFrame:
    """Return :func:`daily_summary`'s frame by grouping the entries by day with pandas.

    Works for any times and values; :func:`_daily_by_counting` gives the same frame faster
    where it applies.
    """
    frame = pd.DataFrame({"value": values, "date": ts.dt.normalize()})
    frame = frame[frame["date"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="date"))
    grouped = frame.groupby("date", sort=True)
    result = grouped["value"].agg(["mean", "min", "max"])
    result["entries"] = grouped.size()
    calendar = pd.date_range(result.index.min(), result.index.max(), freq="D", name="date")
    result = result.reindex(calendar)
    result["entries"] = result["entries"].fillna(0).astype(int)
    result["missed"] = result["entries"] == 0
    return result[columns]


def _daily_by_counting(ts: pd.Series, values: np.ndarray, columns: list[str]):
    """Return :func:`daily_summary`'s frame from one pass of counting over the days, or None.

    For times without a time zone and ratings that are whole numbers (as a journal's are):
    their sums are exact in any order, so the daily means are the very numbers pandas'
    grouped mean gives, without building and grouping a frame. None for anything else
    (the caller groups as before), and for a day of no dated entry at all.
    """
    times = ts.to_numpy()
    if times.dtype.kind != "M":
        return None
    rated = ~np.isnan(values)
    whole = values[rated]
    if not (
        np.abs(whole).sum() < 2**53
        and np.array_equal(whole, np.round(whole))
        and not np.signbit(whole[whole == 0]).any()  # -0.0: which zero is the minimum
    ):
        return None
    days = times.astype("datetime64[D]")  # whole days, earlier times floored as normalize()
    dated = ~np.isnat(days)
    if not dated.any():
        return None
    number = days.view(np.int64)
    first, last = number[dated].min(), number[dated].max()
    size = int(last - first + 1)
    day = number - first
    entries = np.bincount(day[dated], minlength=size)
    with_value = dated & rated
    at = day[with_value]
    value = values[with_value]
    count = np.bincount(at, minlength=size)
    low = np.full(size, np.inf)
    high = np.full(size, -np.inf)
    np.minimum.at(low, at, value)
    np.maximum.at(high, at, value)
    some = count > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.bincount(at, weights=value, minlength=size) / count
    unit = times.dtype
    calendar = pd.date_range(
        pd.Timestamp(np.datetime64(int(first), "D").astype(unit)),
        pd.Timestamp(np.datetime64(int(last), "D").astype(unit)),
        freq="D",
        name="date",
    )
    result = pd.DataFrame(
        {
            "mean": np.where(some, mean, np.nan),
            "min": np.where(some, low, np.nan),
            "max": np.where(some, high, np.nan),
            "entries": entries.astype(int),
            "missed": entries == 0,
        },
        index=calendar,
    )
    return result[columns]


def summarize_journal(entries, *, column: str = "pain", daily=None) -> pd.Series:
    """One line about a whole journal: its period, entries, missed days and the rating's spread.

    Parameters
    ----------
    entries : DataFrame or Journal
    column : str, default "pain"
    daily : DataFrame, optional
        The entries' :func:`daily_summary` of ``column``, when the caller has it already (a
        figure that shows both): it is not computed again.

    Returns
    -------
    Series
        ``first_day``, ``last_day`` (Timestamps), ``days`` (calendar days covered),
        ``days_with_entries``, ``missed_days``, ``entries``, ``entries_per_day`` (per day
        with entries), and the ``mean``, ``median``, ``sd``, ``min`` and ``max`` of the
        rating over entries.

    Examples
    --------
    >>> import pandas as pd
    >>> entries = pd.DataFrame(
    ...     {
    ...         "timestamp": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-05"]),
    ...         "pain": [2, 4, 6],
    ...     }
    ... )
    >>> s = summarize_journal(entries)
    >>> int(s["days"]), int(s["missed_days"]), float(s["mean"])
    (4, 2, 4.0)
    >>> s.equals(summarize_journal(entries, daily=daily_summary(entries)))
    True
    """
    entries = _as_entries(entries)
    if daily is None:
        daily = daily_summary(entries, column=column)
    values = _numeric(entries, column)
    values = values[~np.isnan(values)]
    days_with = int((~daily["missed"]).sum()) if len(daily) else 0
    return pd.Series(
        {
            "first_day": daily.index.min() if len(daily) else pd.NaT,
            "last_day": daily.index.max() if len(daily) else pd.NaT,
            "days": len(daily),
            "days_with_entries": days_with,
            "missed_days": int(daily["missed"].sum()) if len(daily) else 0,
            "entries": len(entries),
            "entries_per_day": len(entries) / days_with if days_with else math.nan,
            "mean": float(values.mean()) if values.size else math.nan,
            "median": float(np.median(values)) if values.size else math.nan,
            "sd": float(values.std(ddof=1)) if values.size > 1 else math.nan,
            "min": float(values.min()) if values.size else math.nan,
            "max": float(values.max()) if values.size else math.nan,
        },
        name=column,
        dtype=object,
    )


def rolling_trend(
    entries, *, window: int = 7, column: str = "pain", center: bool = False, daily=None
) -> pd.DataFrame:
    """Daily mean of a rating and its rolling mean over ``window`` calendar days.

    Parameters
    ----------
    entries : DataFrame or Journal
    window : int, default 7
        Window length in calendar days (a week smooths out weekday patterns).
    column : str, default "pain"
    center : bool, default False
        False: each day's value averages that day and the ``window - 1`` days before (what a
        person could know on that day). True: the window is centred on the day.
    daily : DataFrame, optional
        The entries' :func:`daily_summary` of ``column``, when the caller has it already
        (for a column whose days are combined by their mean, as pain's are): its ``mean``
        is the daily mean, not computed again.

    Returns
    -------
    DataFrame
        Indexed by ``date``; columns ``mean`` (daily mean, NaN on missed days),
        ``rolling_mean`` (mean of the daily means in the window, needing at least half the
        window's days) and ``days_in_window`` (days with a value in the window).

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> trend = rolling_trend(journal, window=7)
    >>> trend.columns.tolist()
    ['mean', 'rolling_mean', 'days_in_window']
    """
    if not isinstance(window, (int, np.integer)) or window < 1:
        msg = f"window must be a whole number of days >= 1, got {window!r}"
        raise AnalysisError(msg)
    if daily is not None and DAILY_AGGREGATION.get(column) == "mean":
        daily = daily["mean"]
    else:
        daily = daily_values(entries, [column])[column]
    min_periods = max(1, math.ceil(window / 2))
    rolling = daily.rolling(window, min_periods=min_periods, center=center)
    return pd.DataFrame(
        {
            "mean": daily,
            "rolling_mean": rolling.mean(),
            "days_in_window": daily.notna().rolling(window, min_periods=1, center=center).sum(),
        }
    )


def trend_slope(entries, *, column: str = "pain", confidence: float = 0.95) -> pd.Series:
    """Return the Theil-Sen slope of the daily means, in rating points per week, with its interval.

    The Theil-Sen estimator is the median of the slopes between all pairs of days (Sen 1968),
    so a few extreme days hardly move it. Its interval assumes independent days; with
    autocorrelated diaries it is too narrow (see :func:`association_caution`).

    Parameters
    ----------
    entries : DataFrame or Journal
    column : str, default "pain"
    confidence : float, default 0.95

    Returns
    -------
    Series
        ``slope_per_week``, ``ci_low``, ``ci_high`` (points per week), ``change_over_period``
        (slope times the period's length), ``n_days`` (days with a value) and
        ``period_days``.

    Raises
    ------
    AnalysisError
        If fewer than 3 days have a value.

    Examples
    --------
    >>> import pandas as pd
    >>> days = pd.date_range("2026-01-05", periods=15, freq="D")
    >>> entries = pd.DataFrame({"timestamp": days, "pain": [2 + i / 7 for i in range(15)]})
    >>> round(float(trend_slope(entries)["slope_per_week"]), 2)
    1.0
    """
    daily = daily_values(entries, [column])[column].dropna()
    if len(daily) < 3:
        msg = f"a trend needs at least 3 days with a value in {column!r}, got {len(daily)}"
        raise AnalysisError(msg, column=column)
    day_number = ((daily.index - daily.index[0]) / pd.Timedelta(days=1)).to_numpy(dtype=float)
    slope, low, high = theil_sen(daily.to_numpy(), day_number, confidence=confidence)
    period = float(day_number[-1])
    return pd.Series(
        {
            "slope_per_week": 7 * slope,
            "ci_low": 7 * low,
            "ci_high": 7 * high,
            "change_over_period": slope * period,
            "n_days": len(daily),
            "period_days": period + 1,
        },
        name=column,
    )
