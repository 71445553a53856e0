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

import difflib
import math
from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from sci_pain.errors import AnalysisError
from sci_pain.journal import (
    COLUMNS,
    NEUROPATHIC_QUALITIES,
    NOCICEPTIVE_QUALITIES,
    QUALITIES,
    SIDES,
    SITES,
)

__all__ = [
    "AnalysisError",
    "DAILY_AGGREGATION",
    "PARTS_OF_DAY",
    "WEEKDAYS",
    "LEG_SITES",
    "ASSOCIATION_VARIABLES",
    "daily_values",
    "daily_summary",
    "summarize_journal",
    "rolling_trend",
    "trend_slope",
    "time_of_day_profile",
    "weekday_profile",
    "time_of_day_weekday",
    "pain_by_site",
    "pain_by_side",
    "pain_by_leg_site",
    "pain_by_quality",
    "quality_group",
    "pain_by_quality_group",
    "autocorrelation",
    "spearman_ci",
    "associations",
    "association_caution",
    "correction_words",
    "association_p_value",
    "link_verdict",
    "MIN_EFFECTIVE_DAYS",
]


from sci_pain.analysis._entries import (
    as_entries as _as_entries,
)
from sci_pain.analysis._entries import (
    categorical as _categorical,
)
from sci_pain.analysis._entries import (
    multi_values as _multi,
)
from sci_pain.analysis._entries import (
    numeric as _numeric,
)
from sci_pain.analysis._entries import (
    require_columns as _require,
)
from sci_pain.analysis._entries import (
    timestamps as _timestamps,
)

DAILY_AGGREGATION: dict[str, str] = {
    "pain": "mean",
    "interference": "mean",
    "spasms": "sum",
    "activity_min": "sum",
    "immobile_hours": "max",
    "sleep_hours": "mean",
}
"""How entries of one day are combined per column.

Counts and minutes "since the previous entry" add up over a day; the longest immobile stretch
is the day's maximum; ratings and hours slept are averaged.
"""

PARTS_OF_DAY: tuple[str, ...] = ("night", "morning", "afternoon", "evening")
"""Parts of the day: night 00-06 h, morning 06-12 h, afternoon 12-18 h, evening 18-24 h."""

WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
"""Days of the week, Monday first (ISO 8601)."""

MIN_EFFECTIVE_DAYS = 20
"""A link is called clear only with at least this many effective independent days."""


ASSOCIATION_VARIABLES: dict[str, tuple[int, ...]] = {
    "activity_min": (0, 1, 2),
    "sleep_hours": (0,),
    "spasms": (0,),
    "immobile_hours": (0,),
}
"""Variables whose association with daily pain is examined by default, with their lags in days.

Activity is examined on the same day and one and two days before, because overuse pain often
follows a jump in activity a day later. ``sleep_hours`` is "last night", so lag 0 already
looks at the night before the day's pain.
"""


# --------------------------------------------------------------------------------------------
# input helpers (shared by sci_pain.analysis.nof1, sci_pain.analysis.flags and sci_pain.plotting.journal)


def _check_column_name(column: str, *, purpose: str) -> None:
    if column not in DAILY_AGGREGATION:
        close = difflib.get_close_matches(column, list(DAILY_AGGREGATION), n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = (
            f"{purpose}: {column!r} is not a numeric journal column; choose one of "
            f"{', '.join(map(repr, DAILY_AGGREGATION))}.{hint}"
        )
        raise AnalysisError(msg, column=column)


def _nonempty(entries: pd.DataFrame, column: str, *, purpose: str) -> None:
    if entries[column].notna().sum() == 0:
        msg = f"{purpose}: the journal has no entry with a value in {column!r}"
        raise AnalysisError(msg, column=column, available=entries.columns)


# --------------------------------------------------------------------------------------------
# daily values, summaries and trend


def daily_values(entries, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Combine entries into one row per calendar day, keeping days without entries.

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
    >>> import pandas as pd
    >>> entries = pd.DataFrame(
    ...     {
    ...         "timestamp": pd.to_datetime(["2026-03-02 08:00", "2026-03-02 20:00"]),
    ...         "pain": [3, 5],
    ...         "spasms": [2, 4],
    ...     }
    ... )
    >>> daily_values(entries)
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
        _check_column_name(column, purpose=purpose)
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
    frame = pd.DataFrame({"value": _numeric(entries, column), "date": ts.dt.normalize()})
    frame = frame[frame["date"].notna()]
    columns = ["mean", "min", "max", "entries", "missed"]
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


def summarize_journal(entries, *, column: str = "pain") -> pd.Series:
    """One line about a whole journal: its period, entries, missed days and the rating's spread.

    Parameters
    ----------
    entries : DataFrame or Journal
    column : str, default "pain"

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
    """
    entries = _as_entries(entries)
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
    entries, *, window: int = 7, column: str = "pain", center: bool = False
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
    """The Theil-Sen slope of the daily means, in rating points per week, with its interval.

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
    from scipy import stats

    daily = daily_values(entries, [column])[column].dropna()
    if len(daily) < 3:
        msg = f"a trend needs at least 3 days with a value in {column!r}, got {len(daily)}"
        raise AnalysisError(msg, column=column)
    day_number = ((daily.index - daily.index[0]) / pd.Timedelta(days=1)).to_numpy(dtype=float)
    result = stats.theilslopes(daily.to_numpy(), day_number, alpha=confidence)
    period = float(day_number[-1])
    return pd.Series(
        {
            "slope_per_week": 7 * result.slope,
            "ci_low": 7 * result.low_slope,
            "ci_high": 7 * result.high_slope,
            "change_over_period": result.slope * period,
            "n_days": len(daily),
            "period_days": period + 1,
        },
        name=column,
    )


# --------------------------------------------------------------------------------------------
# profiles over the day and the week


def _part_of_day(hours: pd.Series) -> pd.Categorical:
    codes = (hours.to_numpy(dtype=float, na_value=np.nan) // 6).astype(float)
    codes = np.where(np.isnan(codes), -1, codes).astype(int)
    return pd.Categorical.from_codes(codes, categories=list(PARTS_OF_DAY), ordered=True)


def _profile(values: np.ndarray, keys, categories) -> pd.DataFrame:
    frame = pd.DataFrame({"value": values, "key": keys})
    grouped = frame.groupby("key", observed=False, sort=True)["value"]
    result = pd.DataFrame({"mean": grouped.mean(), "sd": grouped.std(), "n": grouped.count()})
    result = result.reindex(categories)
    result["n"] = result["n"].fillna(0).astype(int)
    return result


def _values_for_profile(entries, column: str, relative: bool, purpose: str):
    entries = _as_entries(entries)
    _require(entries, [column], purpose=purpose)
    ts = _timestamps(entries, purpose=purpose)
    values = _numeric(entries, column)
    if relative:
        day = ts.dt.normalize()
        day_mean = pd.Series(values, index=entries.index).groupby(day.to_numpy()).transform("mean")
        values = values - day_mean.to_numpy(dtype=float)
    return ts, values


def time_of_day_profile(
    entries,
    *,
    by: Literal["part", "hour"] = "part",
    column: str = "pain",
    relative: bool = False,
) -> pd.DataFrame:
    """Mean rating by part of the day (night, morning, afternoon, evening) or by clock hour.

    Parameters
    ----------
    entries : DataFrame or Journal
    by : {"part", "hour"}, default "part"
        ``"part"``: the four :data:`PARTS_OF_DAY`; ``"hour"``: hours 0-23.
    column : str, default "pain"
    relative : bool, default False
        If True, each entry is first expressed as its difference from the mean of its own
        day. The profile then shows the pattern *within* days (e.g. "evenings are 1.5 points
        worse than that day's average"), unaffected by good and bad days.

    Returns
    -------
    DataFrame
        Indexed by part of day (ordered categorical) or hour; columns ``mean``, ``sd``, ``n``.

    Notes
    -----
    An entry recorded with a date only carries the time 00:00 and counts as night.

    Examples
    --------
    >>> import pandas as pd
    >>> entries = pd.DataFrame(
    ...     {
    ...         "timestamp": pd.to_datetime(["2026-03-02 08:00", "2026-03-02 20:00"]),
    ...         "pain": [3, 6],
    ...     }
    ... )
    >>> time_of_day_profile(entries)["mean"].tolist()
    [nan, 3.0, nan, 6.0]
    """
    purpose = "the time-of-day profile"
    if by not in ("part", "hour"):
        msg = f"by must be 'part' or 'hour', got {by!r}"
        raise AnalysisError(msg)
    ts, values = _values_for_profile(entries, column, relative, purpose)
    if by == "part":
        keys = _part_of_day(ts.dt.hour)
        result = _profile(values, keys, pd.CategoricalIndex(PARTS_OF_DAY, ordered=True))
        result.index = pd.CategoricalIndex(
            PARTS_OF_DAY, categories=PARTS_OF_DAY, ordered=True, name="part_of_day"
        )
    else:
        result = _profile(values, ts.dt.hour.to_numpy(), pd.Index(range(24)))
        result.index = pd.RangeIndex(24, name="hour")
    return result


def weekday_profile(entries, *, column: str = "pain", relative: bool = False) -> pd.DataFrame:
    """Mean rating by day of the week, Monday to Sunday.

    Parameters
    ----------
    entries : DataFrame or Journal
    column : str, default "pain"
    relative : bool, default False
        If True, each entry is first expressed as its difference from the journal's overall
        mean, so the profile reads as "Mondays are 0.8 points above average".

    Returns
    -------
    DataFrame
        Indexed by ``weekday`` (ordered categorical, :data:`WEEKDAYS`); columns ``mean``,
        ``sd``, ``n`` (entries).

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> weekday_profile(journal).index[0]
    'Monday'
    """
    purpose = "the weekday profile"
    ts, values = _values_for_profile(entries, column, False, purpose)
    if relative:
        values = values - np.nanmean(values)
    result = _profile(values, ts.dt.day_of_week.to_numpy(), pd.Index(range(7)))
    result.index = pd.CategoricalIndex(WEEKDAYS, categories=WEEKDAYS, ordered=True, name="weekday")
    return result


def time_of_day_weekday(
    entries,
    *,
    by: Literal["part", "hour"] = "part",
    column: str = "pain",
    statistic: Literal["mean", "n"] = "mean",
) -> pd.DataFrame:
    """A weekday x time-of-day table of the mean rating (or of the number of entries).

    Parameters
    ----------
    entries : DataFrame or Journal
    by : {"part", "hour"}, default "part"
        Columns are the four parts of the day or the 24 clock hours.
    column : str, default "pain"
    statistic : {"mean", "n"}, default "mean"

    Returns
    -------
    DataFrame
        7 rows (Monday to Sunday) by 4 or 24 columns; NaN (for ``"mean"``) where no entry
        falls in a cell.

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> table = time_of_day_weekday(journal)
    >>> table.shape, table.columns.tolist()
    ((7, 4), ['night', 'morning', 'afternoon', 'evening'])
    """
    purpose = "the time-of-day by weekday table"
    if by not in ("part", "hour"):
        msg = f"by must be 'part' or 'hour', got {by!r}"
        raise AnalysisError(msg)
    if statistic not in ("mean", "n"):
        msg = f"statistic must be 'mean' or 'n', got {statistic!r}"
        raise AnalysisError(msg)
    ts, values = _values_for_profile(entries, column, False, purpose)
    if by == "part":
        col_keys = _part_of_day(ts.dt.hour).codes
        labels = list(PARTS_OF_DAY)
        col_name = "part_of_day"
    else:
        col_keys = ts.dt.hour.to_numpy()
        labels = list(range(24))
        col_name = "hour"
    n_cols = len(labels)
    row_keys = ts.dt.day_of_week.to_numpy()
    ok = ~np.isnan(values) & (col_keys >= 0)
    flat = row_keys[ok].astype(int) * n_cols + col_keys[ok].astype(int)
    counts = np.bincount(flat, minlength=7 * n_cols).reshape(7, n_cols).astype(float)
    if statistic == "n":
        table = counts
    else:
        sums = np.bincount(flat, weights=values[ok], minlength=7 * n_cols).reshape(7, n_cols)
        with np.errstate(invalid="ignore", divide="ignore"):
            table = np.where(counts > 0, sums / np.where(counts > 0, counts, 1), np.nan)
    return pd.DataFrame(
        table,
        index=pd.CategoricalIndex(WEEKDAYS, categories=WEEKDAYS, ordered=True, name="weekday"),
        columns=pd.Index(labels, name=col_name),
    )


# --------------------------------------------------------------------------------------------
# where and how it hurts


def _group_stats(values: np.ndarray, keys: pd.Series, categories) -> pd.DataFrame:
    frame = pd.DataFrame({"value": values, "key": keys.to_numpy()})
    grouped = frame.groupby("key", observed=False, sort=False)["value"]
    result = pd.DataFrame(
        {"mean": grouped.mean(), "median": grouped.median(), "n": grouped.count()}
    ).reindex(categories)
    result["n"] = result["n"].fillna(0).astype(int)
    return result


def pain_by_site(entries, *, column: str = "pain", by_side: bool = False) -> pd.DataFrame:
    """Mean and median rating for each site, from hip to foot (and ``whole_leg``).

    Parameters
    ----------
    entries : DataFrame or Journal
        Needs ``site`` (and ``side`` when ``by_side``).
    column : str, default "pain"
    by_side : bool, default False
        If True, one row per (site, side) pair.

    Returns
    -------
    DataFrame
        Indexed by ``site`` (ordered as :data:`sci_pain.journal.schema.SITES`) or by
        (``site``, ``side``); columns ``mean``, ``median``, ``n``. Sites never recorded have
        ``n == 0``.

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> table = pain_by_site(journal)
    >>> table.index[table["n"].argmax()]
    'foot'
    """
    entries = _as_entries(entries)
    purpose = "pain by site"
    needed = [column, "site", "side"] if by_side else [column, "site"]
    _require(entries, needed, purpose=purpose)
    values = _numeric(entries, column)
    site = _categorical(entries, "site", SITES, ordered=True)
    if not by_side:
        result = _group_stats(values, site, list(SITES))
        result.index = pd.CategoricalIndex(SITES, categories=SITES, ordered=True, name="site")
        return result
    side = _categorical(entries, "side", SIDES)
    frame = pd.DataFrame({"value": values, "site": site.to_numpy(), "side": side.to_numpy()})
    grouped = frame.groupby(["site", "side"], observed=False, sort=True)["value"]
    result = pd.DataFrame(
        {"mean": grouped.mean(), "median": grouped.median(), "n": grouped.count()}
    )
    result["n"] = result["n"].astype(int)
    return result


def pain_by_side(entries, *, column: str = "pain") -> pd.DataFrame:
    """Mean and median rating for the left leg, the right leg and both legs.

    Returns
    -------
    DataFrame
        Indexed by ``side`` (left, right, both); columns ``mean``, ``median``, ``n``.

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> pain_by_side(journal)["n"].idxmax()
    'both'
    """
    entries = _as_entries(entries)
    _require(entries, [column, "side"], purpose="pain by side")
    values = _numeric(entries, column)
    result = _group_stats(values, _categorical(entries, "side", SIDES), list(SIDES))
    result.index = pd.CategoricalIndex(SIDES, categories=SIDES, name="side")
    return result


LEG_SITES: tuple[str, ...] = tuple(s for s in SITES if s != "whole_leg")
"""The sites of one leg on a body map, hip to foot (``whole_leg`` spreads over all of them)."""


def pain_by_leg_site(entries, *, column: str = "pain") -> pd.DataFrame:
    """Mean rating at each site of each leg, as drawn on a body map.

    An entry for ``both`` sides counts for the left and the right leg; an entry for the
    ``whole_leg`` counts for every site of that leg. Entries without a side or a site are
    left out (they cannot be placed).

    Returns
    -------
    DataFrame
        12 rows: ``leg`` (left, right) by ``site`` (hip to foot); columns ``leg``, ``site``,
        ``mean``, ``n`` (entries covering that place).

    Examples
    --------
    >>> import pandas as pd
    >>> entries = pd.DataFrame(
    ...     {
    ...         "timestamp": pd.to_datetime(["2026-03-02", "2026-03-03"]),
    ...         "pain": [4, 6],
    ...         "side": ["left", "both"],
    ...         "site": ["foot", "foot"],
    ...     }
    ... )
    >>> t = pain_by_leg_site(entries).set_index(["leg", "site"])
    >>> float(t.loc[("left", "foot"), "mean"]), float(t.loc[("right", "foot"), "mean"])
    (5.0, 6.0)
    """
    entries = _as_entries(entries)
    _require(entries, [column, "side", "site"], purpose="the body map")
    values = _numeric(entries, column)
    side = _categorical(entries, "side", SIDES).to_numpy(dtype=object)
    site_cat = _categorical(entries, "site", SITES)
    site = site_cat.to_numpy(dtype=object)
    n_sites = len(LEG_SITES)
    site_code = site_cat.cat.set_categories(
        list(LEG_SITES)
    ).cat.codes.to_numpy()  # -1: whole leg, NA
    sums = np.zeros((2, n_sites))
    counts = np.zeros((2, n_sites))
    ok = ~np.isnan(values) & pd.notna(side) & pd.notna(site)
    for leg_index, leg in enumerate(("left", "right")):
        on_leg = ok & ((side == leg) | (side == "both"))
        whole = on_leg & (site == "whole_leg")
        local = on_leg & ~whole & (site_code >= 0)
        codes = site_code[local]
        counts[leg_index] += np.bincount(codes, minlength=n_sites)
        sums[leg_index] += np.bincount(codes, weights=values[local], minlength=n_sites)
        counts[leg_index] += whole.sum()
        sums[leg_index] += values[whole].sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.where(counts > 0, counts, 1), np.nan)
    return pd.DataFrame(
        {
            "leg": np.repeat(["left", "right"], n_sites),
            "site": pd.Categorical(np.tile(LEG_SITES, 2), categories=list(LEG_SITES), ordered=True),
            "mean": means.ravel(),
            "n": counts.ravel().astype(int),
        }
    )


def _group_of_quality(quality: str) -> str:
    if quality in NEUROPATHIC_QUALITIES:
        return "neuropathic"
    if quality in NOCICEPTIVE_QUALITIES:
        return "nociceptive"
    return "other"


def pain_by_quality(entries, *, column: str = "pain") -> pd.DataFrame:
    """How often each pain descriptor was used, and the mean rating when it was.

    Descriptors are grouped as typical of neuropathic pain (burning, tingling, pins and
    needles, electric, shooting, painful cold: DN4 and ISCIP descriptors) or of nociceptive,
    mostly musculoskeletal pain (stabbing, aching, throbbing, cramping, pressing). The groups
    are a teaching aid, not a diagnosis: screening tools such as DN4 also need an examination.

    Returns
    -------
    DataFrame
        One row per descriptor of :data:`sci_pain.journal.schema.QUALITIES` (neuropathic
        first), plus any unknown descriptor found (group ``"other"``); columns ``quality``,
        ``group``, ``count`` (entries mentioning it), ``share`` (of entries with any
        descriptor) and ``mean_pain`` (mean rating of those entries).

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> table = pain_by_quality(journal)
    >>> table.loc[table["count"].idxmax(), ["quality", "group"]].tolist()
    ['burning', 'neuropathic']
    """
    entries = _as_entries(entries)
    _require(entries, [column, "quality"], purpose="pain by descriptor")
    values = pd.Series(_numeric(entries, column), index=entries.index)
    exploded = _multi(entries, "quality")
    described = exploded.index.unique()
    frame = pd.DataFrame(
        {
            "entry": exploded.index,
            "quality": exploded.to_numpy(),
            "value": values[exploded.index].to_numpy(),
        }
    ).drop_duplicates(["entry", "quality"])  # "burning;burning" counts once
    grouped = frame.groupby("quality", sort=False)["value"]
    counts = grouped.size()
    means = grouped.mean()
    extra = [q for q in counts.index if q not in QUALITIES]
    order = list(QUALITIES) + sorted(extra)
    result = pd.DataFrame(
        {
            "quality": order,
            "group": [_group_of_quality(q) for q in order],
            "count": counts.reindex(order).fillna(0).astype(int).to_numpy(),
            "mean_pain": means.reindex(order).to_numpy(dtype=float),
        }
    )
    n_described = len(described)
    result["share"] = result["count"] / n_described if n_described else np.nan
    return result[["quality", "group", "count", "share", "mean_pain"]]


def quality_group(entries) -> pd.Series:
    """Classify each entry by its descriptors: neuropathic, nociceptive, mixed or none.

    Returns
    -------
    Series
        Ordered categorical, same index as ``entries``: ``"neuropathic"`` (only neuropathic
        descriptors), ``"nociceptive"`` (only nociceptive ones), ``"mixed"`` (both) or
        ``"none"`` (no descriptor recorded).

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> quality_group(journal).value_counts().idxmax()
    'neuropathic'
    """
    entries = _as_entries(entries)
    _require(entries, ["quality"], purpose="descriptor groups")
    exploded = _multi(entries, "quality")
    neuro = exploded.isin(NEUROPATHIC_QUALITIES).groupby(level=0).any()
    noci = exploded.isin(NOCICEPTIVE_QUALITIES).groupby(level=0).any()
    neuro = neuro.reindex(entries.index, fill_value=False).to_numpy(dtype=bool)
    noci = noci.reindex(entries.index, fill_value=False).to_numpy(dtype=bool)
    labels = np.select(
        [neuro & noci, neuro, noci], ["mixed", "neuropathic", "nociceptive"], default="none"
    )
    categories = ["neuropathic", "nociceptive", "mixed", "none"]
    return pd.Series(
        pd.Categorical(labels, categories=categories),
        index=entries.index,
        name="quality_group",
    )


def pain_by_quality_group(entries, *, column: str = "pain") -> pd.DataFrame:
    """Mean and median rating of entries described as neuropathic, nociceptive, mixed or not.

    Returns
    -------
    DataFrame
        Indexed by ``quality_group``; columns ``mean``, ``median``, ``n``.

    Examples
    --------
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> pain_by_quality_group(journal).index.tolist()
    ['neuropathic', 'nociceptive', 'mixed', 'none']
    """
    entries = _as_entries(entries)
    _require(entries, [column, "quality"], purpose="pain by descriptor group")
    groups = quality_group(entries)
    categories = list(groups.cat.categories)
    result = _group_stats(_numeric(entries, column), groups.astype(object), categories)
    result.index = pd.CategoricalIndex(categories, categories=categories, name="quality_group")
    return result


# --------------------------------------------------------------------------------------------
# associations


def autocorrelation(values, *, lag: int = 1) -> float:
    """Lag-``lag`` autocorrelation of a series, skipping missing values pairwise.

    For a daily series, lag 1 compares each day with the day before: values near 1 mean
    today's pain is much like yesterday's, so consecutive days carry overlapping information.

    Examples
    --------
    >>> round(autocorrelation([1, 2, 3, 4, 5, 6, 7, 8]), 2)
    1.0
    """
    x = np.asarray(pd.Series(values).to_numpy(dtype=float, na_value=np.nan))
    if lag < 1 or x.size <= lag + 2:
        return math.nan
    a, b = x[:-lag], x[lag:]
    ok = ~np.isnan(a) & ~np.isnan(b)
    if ok.sum() < 3:
        return math.nan
    a, b = a[ok], b[ok]
    if a.std() == 0 or b.std() == 0:
        return math.nan
    return float(np.corrcoef(a, b)[0, 1])


def _masked(x: np.ndarray, y: np.ndarray):
    both = ~np.isnan(x) & ~np.isnan(y)
    return np.where(both, x, np.nan), np.where(both, y, np.nan), both.sum(axis=-1)


def _codes(values: np.ndarray) -> tuple[np.ndarray, int]:
    """Dense integer codes of a 1-D series's values in sorted order (-1 for missing)."""
    codes = np.full(values.shape, -1, dtype=np.int64)
    present = ~np.isnan(values)
    uniques, inverse = np.unique(values[present], return_inverse=True)
    codes[present] = inverse
    return codes, uniques.size


def _rank_codes(codes: np.ndarray, n_codes: int) -> np.ndarray:
    """Average ranks (1-based) within each row of value codes; code -1 (missing) gives NaN.

    The same numbers as ``scipy.stats.rankdata(values, axis=-1, nan_policy="omit")`` (ranks
    are exact halves, so nothing can round differently), found by counting instead of
    sorting: a value's average rank is the number of smaller values in its row plus half of
    one more than its ties. Linear in the size of ``codes``, which is what lets the
    bootstrap rank thousands of resampled rows quickly.
    """
    rows, cols = codes.shape
    present = codes >= 0
    if n_codes == 0:
        return np.full((rows, cols), np.nan)
    slot = codes + (np.arange(rows) * n_codes)[:, None]
    counts = np.bincount(slot[present], minlength=rows * n_codes).reshape(rows, n_codes)
    below = np.cumsum(counts, axis=-1) - counts
    flat = np.where(present, slot, 0).ravel()
    ranks = below.ravel()[flat] + (counts.ravel()[flat] + 1) / 2.0
    return np.where(present, ranks.reshape(rows, cols), np.nan)


def spearman_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Spearman rho of each row pair, using only positions where both are present."""
    x, y, n = _masked(x, y)
    squeeze = x.ndim == 1
    x, y = np.atleast_2d(x), np.atleast_2d(y)
    cx, nx = _codes(x.ravel())
    cy, ny = _codes(y.ravel())
    rx = _rank_codes(cx.reshape(x.shape), nx)
    ry = _rank_codes(cy.reshape(y.shape), ny)
    rho = _pearson_rows(rx, ry, np.atleast_1d(n))
    return rho[0] if squeeze else rho


def _spearman_resampled(cx, nx, cy, ny, index: np.ndarray) -> np.ndarray:
    """Spearman rho of each bootstrap row, from the codes of the original series."""
    bx, by = cx[index], cy[index]
    both = (bx >= 0) & (by >= 0)
    bx, by = np.where(both, bx, -1), np.where(both, by, -1)
    return _pearson_rows(_rank_codes(bx, nx), _rank_codes(by, ny), both.sum(axis=-1))


def _nansum(values: np.ndarray, present: np.ndarray, *, keepdims: bool = False) -> np.ndarray:
    # What np.nansum does (zeros for the missing, then a plain sum), without its checks
    # and copies: the same numbers, faster on the bootstrap's many rows.
    return np.where(present, values, 0.0).sum(axis=-1, keepdims=keepdims)


def _centred(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = _nansum(values, present, keepdims=True) / present.sum(axis=-1, keepdims=True)
    return values - mean


def _pearson_rows(x: np.ndarray, y: np.ndarray, n: np.ndarray) -> np.ndarray:
    px, py = ~np.isnan(x), ~np.isnan(y)
    both = px & py
    with np.errstate(invalid="ignore", divide="ignore"):
        dx, dy = _centred(x, px), _centred(y, py)
        num = _nansum(dx * dy, both)
        den = np.sqrt(_nansum(dx * dx, px) * _nansum(dy * dy, py))
        rho = num / den
    return np.where((n >= 3) & (den > 0), rho, np.nan)


def _slope_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least-squares slope of y on x for each row pair (pairwise complete)."""
    x, y, n = _masked(x, y)
    px, py = ~np.isnan(x), ~np.isnan(y)
    with np.errstate(invalid="ignore", divide="ignore"):
        dx, dy = _centred(x, px), _centred(y, py)
        sxx = _nansum(dx * dx, px)
        slope = _nansum(dx * dy, px & py) / sxx
    return np.where((n >= 3) & (sxx > 0), slope, np.nan)


# Resampled values handled at once by the block bootstrap (per array; about 1.6 MB each, small enough to stay in cache).
_BOOTSTRAP_CHUNK_VALUES = 200_000


def _block_bootstrap(x, y, *, n_boot, block, confidence, seed, adjusted=None) -> dict:
    """Spearman rho and the least-squares slope with moving-block bootstrap intervals.

    ``adjusted``, a second confidence level, adds ``adj_ci_low`` and ``adj_ci_high``: the
    rho interval at that level from the same resamples (the draws do not change).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        msg = f"x and y must be 1-D and of equal length, got shapes {x.shape} and {y.shape}"
        raise AnalysisError(msg)
    if not 0 < confidence < 1:
        msg = f"confidence must be between 0 and 1, got {confidence!r}"
        raise AnalysisError(msg)
    n_total = x.size
    n = int((~np.isnan(x) & ~np.isnan(y)).sum())
    rho = float(spearman_rows(x, y)) if n_total else math.nan
    slope = float(_slope_rows(x, y)) if n_total else math.nan
    if block is None:
        block = max(1, math.ceil(max(n_total, 1) ** (1 / 3)))
    block = int(min(max(block, 1), max(n_total, 1)))
    result = {
        "rho": rho,
        "ci_low": math.nan,
        "ci_high": math.nan,
        "slope": slope,
        "slope_ci_low": math.nan,
        "slope_ci_high": math.nan,
        "n": n,
        "block": block,
    }
    if adjusted is not None:
        if not 0 < adjusted < 1:
            msg = f"adjusted confidence must be between 0 and 1, got {adjusted!r}"
            raise AnalysisError(msg)
        result["adj_ci_low"] = result["adj_ci_high"] = math.nan
    if n < 4 or math.isnan(rho) or n_boot < 1:
        return result
    rng = np.random.default_rng(seed)
    n_blocks = math.ceil(n_total / block)
    # Every block start is drawn at once, as before (n_boot x n_blocks integers: small), so
    # the random draws and the results do not depend on the chunk size; the resampled series
    # (n_boot x n values, several times over while ranking) are built a chunk of replicates
    # at a time, which keeps memory flat in the length of the journal.
    starts = rng.integers(0, n_total - block + 1, size=(n_boot, n_blocks))
    offsets = np.arange(block)
    (cx, nx), (cy, ny) = _codes(x), _codes(y)
    chunk = max(1, _BOOTSTRAP_CHUNK_VALUES // max(n_total, 1))
    rhos = np.empty(n_boot)
    slopes = np.empty(n_boot)
    for first in range(0, n_boot, chunk):
        part = starts[first : first + chunk]
        index = (part[:, :, None] + offsets).reshape(len(part), -1)[:, :n_total]
        xb, yb = x[index], y[index]
        rhos[first : first + chunk] = _spearman_resampled(cx, nx, cy, ny, index)
        slopes[first : first + chunk] = _slope_rows(xb, yb)
    alpha = (1 - confidence) / 2
    for name, values in (("", rhos), ("slope_", slopes)):
        values = values[~np.isnan(values)]
        if values.size:
            low, high = np.quantile(values, [alpha, 1 - alpha])
            result[f"{name}ci_low"], result[f"{name}ci_high"] = float(low), float(high)
    if adjusted is not None:
        values = rhos[~np.isnan(rhos)]
        if values.size:
            a = (1 - adjusted) / 2
            low, high = np.quantile(values, [a, 1 - a])
            result["adj_ci_low"], result["adj_ci_high"] = float(low), float(high)
    return result


def spearman_ci(
    x,
    y,
    *,
    n_boot: int = 2000,
    block: int | None = None,
    confidence: float = 0.95,
    seed: int | np.random.Generator | None = 0,
) -> dict:
    """Spearman's rank correlation of two aligned daily series with a moving-block bootstrap CI.

    Neighbouring days of a diary are alike (autocorrelation). An ordinary bootstrap, which
    resamples single days, treats them as independent and gives intervals that are too narrow.
    The moving-block bootstrap (Künsch 1989) resamples runs of ``block`` consecutive days
    instead, so that the dependence inside each run is kept; the interval is the percentile
    interval of the resampled rho values. Days where either value is missing stay in place
    (so blocks keep their calendar meaning) and are skipped when rho is computed.

    Parameters
    ----------
    x, y : array-like
        Equal-length series on the same calendar (NaN for missing).
    n_boot : int, default 2000
        Bootstrap replicates.
    block : int, optional
        Block length in days. Default ``ceil(n ** (1/3))``, the rate that is optimal for
        the block bootstrap's variance estimate (Hall, Horowitz & Jing 1995); with strong,
        long-lasting autocorrelation longer blocks are safer. ``block=1`` is the ordinary
        bootstrap.
    confidence : float, default 0.95
    seed : int or numpy Generator, default 0

    Returns
    -------
    dict
        ``rho``, ``ci_low``, ``ci_high``, ``n`` (days with both values), ``block``; also
        the least-squares ``slope`` of y on x with ``slope_ci_low`` and ``slope_ci_high``
        from the same resamples.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.arange(30.0)
    >>> r = spearman_ci(x, x + np.sin(x), n_boot=200, seed=1)
    >>> r["rho"] > 0.9, r["n"]
    (True, 30)
    """
    return _block_bootstrap(x, y, n_boot=n_boot, block=block, confidence=confidence, seed=seed)


_DESCRIBE = {
    "activity_min": "minutes of activity or therapy",
    "sleep_hours": "hours slept",
    "spasms": "number of spasms",
    "immobile_hours": "longest time without moving",
    "interference": "interference",
    "pain": "pain",
}


def _lag_words(lag: int) -> str:
    if lag == 0:
        return "the same day"
    if lag == 1:
        return "the day before"
    return f"{lag} days before"


def _adjusted_outcome(entries: pd.DataFrame, column: str, adjust: bool) -> np.ndarray:
    """Entry values, optionally with the part-of-day pattern removed (mean kept)."""
    values = _numeric(entries, column)
    if not adjust:
        return values
    ts = _timestamps(entries, purpose="associations")
    part = (ts.dt.hour.to_numpy() // 6).astype(int)
    series = pd.Series(values)
    part_mean = series.groupby(part).transform("mean").to_numpy(dtype=float)
    return values - part_mean + np.nanmean(values)


def associations(
    entries,
    *,
    variables: Mapping[str, Sequence[int]] | Sequence[str] | None = None,
    column: str = "pain",
    per: Literal["day", "entry"] = "day",
    adjust_time_of_day: bool = True,
    n_boot: int = 2000,
    block: int | None = None,
    confidence: float = 0.95,
    seed: int | None = 0,
    correction: Literal["bonferroni", "none"] = "bonferroni",
    min_effective: float = MIN_EFFECTIVE_DAYS,
) -> pd.DataFrame:
    """Rank correlations of pain with activity, sleep, spasms and immobility, at lags in days.

    For each variable and lag *k*, the day's mean pain is paired with the variable's daily
    value *k* calendar days earlier (see :data:`DAILY_AGGREGATION`), and Spearman's rho is
    computed with a moving-block bootstrap interval (:func:`spearman_ci`). The least-squares
    slope gives the size in units: pain points per minute, per hour slept, per spasm. The
    number of days with both values is given as ``n``, with a rough effective number of
    independent days ``n_effective = n (1 - r_x r_y) / (1 + r_x r_y)`` from the lag-1
    autocorrelations of the two series (Bartlett 1935; Pyper & Peterman 1998).

    Parameters
    ----------
    entries : DataFrame or Journal
    variables : mapping of str to lags, or sequence of str, optional
        Default :data:`ASSOCIATION_VARIABLES` restricted to the columns present. A sequence of
        names takes lag 0 for each.
    column : str, default "pain"
        The outcome.
    per : {"day", "entry"}, default "day"
        ``"entry"`` pairs each entry's rating with the same entry's value (spasms or
        immobile hours since the previous entry), lag 0 only: finer grained than daily means
        for measures written with every entry.
    adjust_time_of_day : bool, default True
        Remove the part-of-day pattern from the ratings first. Otherwise a day with only a
        morning entry looks like a good day when pain is worse in the evening, and any
        measure that depends on how many entries were made that day (a daily total of
        spasms, say) would seem linked to pain through that alone.
    n_boot : int, default 2000
    block : int, optional
        Block length in days, or entries (default: ``ceil(n ** (1/3))``).
    confidence : float, default 0.95
    seed : int, default 0
        Seed of the bootstrap; each row uses its own stream derived from it.
    correction : {"bonferroni", "none"}, default "bonferroni"
        How the verdict allows for the number of links tested. Every (variable, lag) row is
        one test, so with *m* rows and ``confidence`` 0.95 the verdict reads a
        ``1 - 0.05 / m`` interval and needs ``p_value`` below ``0.05 / m`` (Bonferroni):
        the chance that any of the *m* is called clear when none is real stays at or below
        5%, even when the tests are correlated (lags of one variable are). ``"none"``
        judges each link at ``confidence`` on its own: for teaching what goes wrong, or for
        a caller that has already chosen an adjusted ``confidence`` (the clinic report).
    min_effective : float, default :data:`MIN_EFFECTIVE_DAYS`
        A link is called clear only when ``n_effective`` is at least this (neighbouring
        days are alike, so the bootstrap interval of a short, smooth diary is unreliable).

    Returns
    -------
    DataFrame
        One row per (variable, lag): ``variable``, ``lag_days``, ``per``, ``description``,
        ``rho``, ``ci_low``, ``ci_high`` (the unadjusted interval at ``confidence``),
        ``slope`` (pain points per unit of the variable), ``slope_ci_low``,
        ``slope_ci_high``, ``slope_unit``, ``n``, ``n_effective``, ``block``; then the
        verdict (:func:`link_verdict`): ``adj_ci_low``, ``adj_ci_high`` (the rho interval
        the verdict reads, from the same resamples), ``adj_confidence`` (its level),
        ``p_value`` (unadjusted, :func:`association_p_value`), ``correction``, ``clear``
        (bool) and ``verdict`` in words ("clear: more pain when it is higher", "clear: less
        pain when it is higher", "no clear link", "not clear: too few independent days",
        "too few days"). ``.attrs["caution"]`` holds :func:`association_caution` for this
        table; ``.attrs["correction"]`` says in words which correction the verdict used.

    Raises
    ------
    AnalysisError
        If a requested variable is not a column of the journal, or none of the default
        variables is, or a lag is asked for with ``per="entry"``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> days = pd.date_range("2026-01-01", periods=40, freq="D")
    >>> rng = np.random.default_rng(0)
    >>> sleep = rng.uniform(4, 9, 40)
    >>> entries = pd.DataFrame(
    ...     {"timestamp": days, "pain": np.round(10 - sleep), "sleep_hours": sleep}
    ... )
    >>> table = associations(entries, n_boot=200)
    >>> (
    ...     str(table.loc[0, "variable"]),
    ...     int(table.loc[0, "lag_days"]),
    ...     bool(table.loc[0, "rho"] < -0.9),
    ... )
    ('sleep_hours', 0, True)
    >>> round(float(table.loc[0, "slope"]), 1), str(table.loc[0, "slope_unit"])
    (-1.0, 'points per h')
    """
    entries = _as_entries(entries)
    purpose = "associations"
    if correction not in ("bonferroni", "none"):
        msg = f"correction must be 'bonferroni' or 'none', got {correction!r}"
        raise AnalysisError(msg)
    if not 0 < confidence < 1:
        msg = f"confidence must be between 0 and 1, got {confidence!r}"
        raise AnalysisError(msg)
    if per not in ("day", "entry"):
        msg = f"per must be 'day' or 'entry', got {per!r}"
        raise AnalysisError(msg)
    if variables is None:
        chosen = {v: lags for v, lags in ASSOCIATION_VARIABLES.items() if v in entries.columns}
        if per == "entry":
            chosen = dict.fromkeys(chosen, (0,))
        if not chosen:
            msg = (
                f"associations need at least one of the columns "
                f"{', '.join(map(repr, ASSOCIATION_VARIABLES))}; the journal has "
                f"{', '.join(map(repr, map(str, entries.columns)))}"
            )
            raise AnalysisError(msg, available=entries.columns)
    elif isinstance(variables, Mapping):
        chosen = {v: tuple(int(k) for k in lags) for v, lags in variables.items()}
    else:
        chosen = dict.fromkeys(variables, (0,))
    for variable, lags in chosen.items():
        _check_column_name(variable, purpose=purpose)
        if any(k < 0 for k in lags):
            msg = f"lags must be 0 or more days, got {lags!r} for {variable!r}"
            raise AnalysisError(msg, column=variable)
        if per == "entry" and any(k != 0 for k in lags):
            msg = (
                f"per='entry' pairs each entry with its own {variable!r}, so only lag 0 is "
                f"possible; use per='day' for lags of {lags!r} days"
            )
            raise AnalysisError(msg, column=variable)
    _require(entries, [column, *chosen], purpose=purpose)
    ts = _timestamps(entries, purpose=purpose)
    outcome_values = _adjusted_outcome(
        entries, column, adjust_time_of_day and column in ("pain", "interference")
    )
    if per == "day":
        others = [v for v in chosen if v != column]
        frame = daily_values(entries, others) if others else None
        outcome_daily = (
            pd.Series(outcome_values, index=entries.index)
            .groupby(ts.dt.normalize().to_numpy())
            .mean()
        )
        calendar = (
            frame.index
            if frame is not None
            else pd.date_range(outcome_daily.index.min(), outcome_daily.index.max(), name="date")
        )
        outcome = outcome_daily.reindex(calendar).to_numpy(dtype=float)
        series_of = {v: frame[v] for v in others}
        if column in chosen:
            series_of[column] = pd.Series(outcome, index=calendar)
        unit_word = "days"
    else:
        order = np.argsort(ts.to_numpy(), kind="stable")
        outcome = outcome_values[order]
        series_of = {v: pd.Series(_numeric(entries, v)[order]) for v in chosen}
        unit_word = "entries"
    r_outcome = autocorrelation(outcome)
    n_tests = sum(len(v) for v in chosen.values())
    adj_confidence = (
        1 - (1 - confidence) / n_tests if correction == "bonferroni" and n_tests else confidence
    )
    outcome_word = _DESCRIBE.get(column, column)
    seeds = np.random.SeedSequence(seed).spawn(n_tests)
    rows = []
    i = 0
    for variable, lags in chosen.items():
        series = series_of[variable]
        r_var = autocorrelation(series.to_numpy(dtype=float))
        unit = COLUMNS[variable].unit if variable in COLUMNS else ""
        for lag in lags:
            x = series.shift(lag).to_numpy(dtype=float)
            stats_ = _block_bootstrap(
                x,
                outcome,
                n_boot=n_boot,
                block=block,
                confidence=confidence,
                seed=np.random.default_rng(seeds[i]),
                adjusted=adj_confidence,
            )
            i += 1
            product = r_outcome * r_var
            n_eff = math.nan
            if not math.isnan(product):
                n_eff = stats_["n"] * (1 - product) / (1 + product)
            verdict = link_verdict(
                stats_["rho"],
                stats_["adj_ci_low"],
                stats_["adj_ci_high"],
                n_eff,
                alpha=1 - adj_confidence,
                n=stats_["n"],
                min_effective=min_effective,
                outcome=outcome_word,
                unit=unit_word,
            )
            rows.append(
                {
                    "variable": variable,
                    "lag_days": int(lag),
                    "per": per,
                    "description": (
                        f"{_DESCRIBE.get(column, column)} vs "
                        f"{_DESCRIBE.get(variable, variable)} "
                        f"{_lag_words(lag) if per == 'day' else 'in the same entry'}"
                    ),
                    "rho": stats_["rho"],
                    "ci_low": stats_["ci_low"],
                    "ci_high": stats_["ci_high"],
                    "slope": stats_["slope"],
                    "slope_ci_low": stats_["slope_ci_low"],
                    "slope_ci_high": stats_["slope_ci_high"],
                    "slope_unit": f"points per {unit}" if unit else "points per unit",
                    "n": stats_["n"],
                    "n_effective": n_eff,
                    "block": stats_["block"],
                    "adj_ci_low": stats_["adj_ci_low"],
                    "adj_ci_high": stats_["adj_ci_high"],
                    "adj_confidence": adj_confidence,
                    "p_value": association_p_value(
                        stats_["rho"], stats_["n"] if math.isnan(n_eff) else n_eff
                    ),
                    "correction": correction,
                    "clear": verdict.startswith("clear"),
                    "verdict": verdict,
                }
            )
    table = pd.DataFrame(rows)
    table.attrs["correction"] = correction_words(
        n_tests, confidence=confidence, correction=correction, min_effective=min_effective,
        unit=unit_word,
    )  # fmt: skip
    table.attrs["caution"] = association_caution(
        n_comparisons=len(table),
        n_days=int((~np.isnan(outcome)).sum()),
        lag1=r_outcome,
        confidence=confidence,
        unit=unit_word,
        correction=correction,
    )
    return table


def _level(confidence: float) -> str:
    return f"{100 * confidence:.2f}".rstrip("0").rstrip(".")


def association_p_value(rho: float, n_effective: float) -> float:
    """Two-sided p-value of a rank correlation with autocorrelation allowed for.

    Under no link, Spearman's rho over *n* independent days has a variance of about
    ``1 / (n - 1)``; with autocorrelated days, *n* is replaced by the effective number of
    independent days (Pyper & Peterman 1998). This is what keeps the verdict honest when the
    bootstrap interval alone would be too narrow (a percentile interval far in the tail of a
    short diary's resamples); see :func:`link_verdict`.

    Examples
    --------
    >>> round(association_p_value(0.3, 44), 3)
    0.049
    """
    if rho is None or n_effective is None or math.isnan(rho) or math.isnan(n_effective):
        return math.nan
    if n_effective <= 2:
        return math.nan
    z = abs(rho) * math.sqrt(n_effective - 1)
    return math.erfc(z / math.sqrt(2))


def link_verdict(
    rho: float,
    ci_low: float,
    ci_high: float,
    n_effective: float,
    *,
    alpha: float,
    n: float | None = None,
    min_effective: float = MIN_EFFECTIVE_DAYS,
    outcome: str = "pain",
    unit: str = "days",
) -> str:
    """The plain-words verdict on one link: the one rule of :func:`associations` and the report.

    A link is clear only when (1) the days hold at least ``min_effective`` independent days
    of information, (2) its interval (already at the level ``1 - alpha``, Bonferroni-adjusted
    by the caller when several links were tested) excludes 0, and (3) the large-sample test
    :func:`association_p_value` agrees (p below ``alpha``). ``n`` stands in for
    ``n_effective`` when that could not be worked out.

    Examples
    --------
    >>> link_verdict(0.5, 0.3, 0.7, 60, alpha=0.05 / 6)
    'clear: more pain when it is higher'
    >>> link_verdict(-0.6, -0.8, -0.3, 12, alpha=0.05 / 6)
    'not clear: too few independent days'
    >>> link_verdict(0.2, 0.01, 0.4, 60, alpha=0.05 / 6)  # p = 0.12
    'no clear link'
    """
    if rho is None or any(math.isnan(v) for v in (rho, ci_low, ci_high)):
        return f"too few {unit}"
    if n_effective is None or math.isnan(n_effective):
        n_effective = math.nan if n is None else float(n)
    if not math.isnan(n_effective) and n_effective < min_effective:
        return f"not clear: too few independent {unit}"
    p = association_p_value(rho, n_effective)
    if math.isnan(p) or p >= alpha:
        return "no clear link"
    if ci_low > 0:
        return f"clear: more {outcome} when it is higher"
    if ci_high < 0:
        return f"clear: less {outcome} when it is higher"
    return "no clear link"


def correction_words(
    n_tests: int,
    *,
    confidence: float = 0.95,
    correction: str = "bonferroni",
    min_effective: float = MIN_EFFECTIVE_DAYS,
    unit: str = "days",
) -> str:
    """In plain words, when :func:`associations` calls a link clear.

    Examples
    --------
    >>> print(correction_words(6))  # doctest: +NORMALIZE_WHITESPACE
    6 links were looked at, so each is judged at the 99.17% level (Bonferroni correction: the
    5% chance of a false alarm is shared among the 6). A link is called clear only when its
    99.17% interval excludes 0, a test that allows for similar neighbouring days agrees
    (p below 0.0083), and the data hold at least 20 independent days' worth of information.
    """
    links = f"{n_tests} link{'s were' if n_tests != 1 else ' was'} looked at"
    miss = f"{100 * (1 - confidence):.0f}%"
    if correction == "bonferroni" and n_tests > 1:
        adjusted = 1 - (1 - confidence) / n_tests
        how = (
            f"{links}, so each is judged at the {_level(adjusted)}% level (Bonferroni "
            f"correction: the {miss} chance of a false alarm is shared among the {n_tests})"
        )
    elif correction == "bonferroni":
        adjusted = confidence
        how = f"{links}, so it is judged at the {_level(confidence)}% level (no correction needed)"
    else:
        adjusted = confidence
        how = (
            f"{links}, each judged on its own at the {_level(confidence)}% level with NO "
            f"correction for multiple testing, so false alarms add up"
        )
    return (
        f"{how}. A link is called clear only when its {_level(adjusted)}% interval excludes "
        f"0, a test that allows for similar neighbouring {unit} agrees (p below "
        f"{1 - adjusted:.2g}), and the data "
        f"hold at least {min_effective:g} independent {unit}' worth of information."
    )


def association_caution(
    *,
    n_comparisons: int,
    n_days: int | None = None,
    lag1: float | None = None,
    confidence: float = 0.95,
    unit: str = "days",
    correction: str | None = None,
) -> str:
    """A plain-language caution for a table of associations, with its own numbers.

    Parameters
    ----------
    n_comparisons : int
        How many associations were looked at.
    n_days : int, optional
        Days (or entries) with a pain value.
    lag1 : float, optional
        Lag-1 autocorrelation of daily pain (:func:`autocorrelation`).
    confidence : float, default 0.95
    unit : str, default "days"
        What ``n_days`` counts ("days" or "entries").
    correction : {"bonferroni", "none"}, optional
        The correction the table's verdict used, if any; it is named in the caution.

    Examples
    --------
    >>> text = association_caution(n_comparisons=6, n_days=90, lag1=0.5)
    >>> "26%" in text and "as 30 separate days" in text
    True
    """
    miss = 1 - confidence
    p_any = 1 - confidence**n_comparisons if n_comparisons > 0 else 0.0
    parts = [
        "These are associations, not causes.",
        "Confounding: something else (an infection, a bad week, a new medicine, the weather) "
        "can move pain and these measures together, and pain can change behaviour too: people "
        "sleep less and move less because it hurts.",
    ]
    if lag1 is not None and not math.isnan(lag1) and n_days:
        r = max(min(lag1, 0.99), -0.99)
        n_eff = n_days * (1 - r) / (1 + r)
        parts.append(
            f"Autocorrelation: each rating is much like the one before (lag-1 correlation "
            f"{lag1:.2f}), so {n_days} {unit} hold roughly as much independent information as "
            f"{max(1, round(n_eff, -1 if n_eff >= 20 else 0)):.0f} separate {unit} would. The "
            f"block bootstrap widens the intervals for this, but they remain approximate."
        )
    else:
        parts.append(
            "Autocorrelation: neighbouring days are alike, so a diary holds less independent "
            "information than its number of days suggests; the intervals are approximate."
        )
    parts.append(
        f"Many comparisons: {n_comparisons} association"
        f"{'s were' if n_comparisons != 1 else ' was'} examined. Even with no real link, about "
        f"1 interval in {round(1 / miss)} excludes zero by chance, so the chance that at least "
        f"one of these does is about {100 * p_any:.0f}%."
    )
    if correction == "bonferroni" and n_comparisons > 1:
        parts.append(
            f"The 'clear' verdict allows for this (Bonferroni correction): it reads a "
            f"{_level(1 - miss / n_comparisons)}% interval for each link, which keeps that "
            f"chance at about {100 * miss:.0f}% or less."
        )
    parts.append(
        "Treat a striking association as a question to test, for example with a planned "
        "before-and-after comparison (notebook 08, 'Did it help?'), not as an answer."
    )
    return " ".join(parts)
