"""Where and when it hurts: profiles over the day and the week, and pain by site, side and quality.

Pure functions over journal entries (see :mod:`sci_pain.analysis.daily`); each returns a table
with the mean, spread and count of ratings per group.

Examples
--------
>>> PARTS_OF_DAY
('night', 'morning', 'afternoon', 'evening')
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from sci_pain.analysis._entries import as_entries as _as_entries
from sci_pain.analysis._entries import categorical as _categorical
from sci_pain.analysis._entries import multi_values as _multi
from sci_pain.analysis._entries import numeric as _numeric
from sci_pain.analysis._entries import require_columns as _require
from sci_pain.analysis._entries import timestamps as _timestamps
from sci_pain.errors import AnalysisError
from sci_pain.journal import (
    NEUROPATHIC_QUALITIES,
    NOCICEPTIVE_QUALITIES,
    QUALITIES,
    SIDES,
    SITES,
)

__all__ = [
    "LEG_SITES",
    "PARTS_OF_DAY",
    "WEEKDAYS",
    "pain_by_leg_site",
    "pain_by_quality",
    "pain_by_quality_group",
    "pain_by_side",
    "pain_by_site",
    "quality_group",
    "time_of_day_profile",
    "time_of_day_weekday",
    "weekday_profile",
]

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
    r"""Mean rating by part of the day (night, morning, afternoon, evening) or by clock hour.

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
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> csv = "timestamp,pain\n2026-03-02 08:00,3\n2026-03-02 20:00,6\n"
    >>> time_of_day_profile(read_journal(io.StringIO(csv)))["mean"].tolist()
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
    """Return a weekday x time-of-day table of the mean rating (or of the number of entries).

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
    r"""Mean rating at each site of each leg, as drawn on a body map.

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
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> csv = "timestamp,pain,side,site\n2026-03-02,4,left,foot\n2026-03-03,6,both,foot\n"
    >>> t = pain_by_leg_site(read_journal(io.StringIO(csv))).set_index(["leg", "site"])
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
