"""Per-day sums behind three of the dashboard's figures, so that a date range is a slice.

The heatmap by weekday and part of the day, the body map and the descriptor chart each show
means and counts over the entries of a date range. Moving the date slider would compute them
again from the entries (a few milliseconds of pandas each, for a few hundred entries); here
each day's sums and counts are tabulated once per site and side, and a date range adds up
its days. The results are the same tables as :func:`sci_pain.time_of_day_weekday`,
:func:`sci_pain.time_of_day_profile`, :func:`sci_pain.pain_by_leg_site` and
:func:`sci_pain.pain_by_quality` of the range's entries, exactly: tables are only made when
every rating is a whole number (sums of whole numbers do not depend on their order), and a
test compares them with those functions over many ranges.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sci_pain.analysis import (
    LEG_SITES,
    categorical,
    multi_values,
    numeric,
    pain_by_leg_site,
    pain_by_quality,
    time_of_day_profile,
    time_of_day_weekday,
    timestamps,
)
from sci_pain.errors import AnalysisError
from sci_pain.journal import QUALITIES, SIDES, SITES

__all__ = ["SLICED_KINDS", "DayTables", "day_tables"]

SLICED_KINDS: tuple[str, ...] = ("time_of_day_weekday", "body_map", "descriptors")


class DayTables:
    """Each day's sums and counts for the heatmap, the body map and the descriptor chart.

    Parameters
    ----------
    entries : DataFrame
        The entries of one site and side, every day of the journal (not filtered by date).
    ts : Series
        Their timestamps (none missing, no time zone).
    values : ndarray of float
        Their pain ratings (NaN where missing); whole numbers only.
    origin : Timestamp
        Day 0 of the tables.

    Use :func:`day_tables`, which checks that the tables would be exact.
    """

    def __init__(self, entries: pd.DataFrame, ts: pd.Series, values: np.ndarray, origin):
        self.origin = origin
        day = ((ts.dt.normalize() - origin) // pd.Timedelta(days=1)).to_numpy()
        self.n_days = int(day.max()) + 1
        self._tables: dict[str, tuple] = {}
        self._templates: dict[str, object] = {}
        self._time_of_day(entries, ts, day, values)
        for make in (self._body_map, self._descriptors):
            try:
                make(entries, day, values)
            except AnalysisError:  # the column is not recorded: the figure says so
                continue

    # -- tabulating -------------------------------------------------------------------
    def _sum_by_day(self, day: np.ndarray, key: np.ndarray, weights, width: int) -> np.ndarray:
        flat = day.astype(np.intp) * width + key.astype(np.intp)
        sums = np.bincount(flat, weights=weights, minlength=self.n_days * width)
        return sums.reshape(self.n_days, width)

    def _time_of_day(self, entries, ts, day, values) -> None:
        hour = ts.dt.hour.to_numpy(dtype=float, na_value=np.nan)
        ok = ~np.isnan(values) & ~np.isnan(hour)
        key = ts.dt.day_of_week.to_numpy()[ok] * 4 + (hour[ok] // 6)
        day = day[ok]
        self._tables["time_of_day_weekday"] = (
            self._sum_by_day(day, key, values[ok], 28),
            self._sum_by_day(day, key, None, 28),
        )
        self._templates["time_of_day_weekday"] = (
            time_of_day_weekday(entries.iloc[:0]),
            time_of_day_profile(entries.iloc[:0])["mean"],
        )

    def _body_map(self, entries, day, values) -> None:
        template = pain_by_leg_site(entries.iloc[:0])
        side = categorical(entries, "side", SIDES).to_numpy(dtype=object)
        site_cat = categorical(entries, "site", SITES)
        site = site_cat.to_numpy(dtype=object)
        code = site_cat.cat.set_categories(list(LEG_SITES)).cat.codes.to_numpy()
        ok = ~np.isnan(values) & pd.notna(side) & pd.notna(site)
        n_sites = len(LEG_SITES)
        sums = np.zeros((self.n_days, 2 * n_sites))
        counts = np.zeros((self.n_days, 2 * n_sites))
        for leg_index, leg in enumerate(("left", "right")):
            on_leg = ok & ((side == leg) | (side == "both"))
            whole = on_leg & (site == "whole_leg")
            local = on_leg & ~whole & (code >= 0)
            cells = slice(leg_index * n_sites, (leg_index + 1) * n_sites)
            sums[:, cells] += self._sum_by_day(day[local], code[local], values[local], n_sites)
            counts[:, cells] += self._sum_by_day(day[local], code[local], None, n_sites)
            # an entry for the whole leg counts at each of its sites
            sums[:, cells] += np.bincount(day[whole], values[whole], self.n_days)[:, None]
            counts[:, cells] += np.bincount(day[whole], None, self.n_days)[:, None]
        self._tables["body_map"] = (sums, counts)
        self._templates["body_map"] = template

    def _descriptors(self, entries, day, values) -> None:
        template = pain_by_quality(entries.iloc[:0])
        exploded = multi_values(entries, "quality")
        known = exploded.isin(QUALITIES).to_numpy(dtype=bool)
        if not known.all():  # a descriptor outside the vocabulary adds a row of its own
            return
        position = entries.index.get_indexer(exploded.index)
        quality = pd.Categorical(exploded.to_numpy(), categories=list(QUALITIES)).codes
        pairs = pd.DataFrame({"entry": position, "quality": quality}).drop_duplicates()
        entry, quality = pairs["entry"].to_numpy(), pairs["quality"].to_numpy()
        rated = ~np.isnan(values[entry])
        width = len(QUALITIES)
        described = np.unique(position)
        self._tables["descriptors"] = (
            self._sum_by_day(day[entry], quality, None, width),
            self._sum_by_day(day[entry][rated], quality[rated], values[entry][rated], width),
            self._sum_by_day(day[entry][rated], quality[rated], None, width),
            np.bincount(day[described], minlength=self.n_days).astype(float),
        )
        self._templates["descriptors"] = template

    # -- a date range -------------------------------------------------------------------
    def has(self, kind: str) -> bool:
        """Whether ``kind``'s numbers can be sliced from these tables."""
        return kind in self._tables

    def _span(self, first, last) -> slice:
        start = (pd.Timestamp(first).normalize() - self.origin) // pd.Timedelta(days=1)
        end = (pd.Timestamp(last).normalize() - self.origin) // pd.Timedelta(days=1)
        return slice(max(int(start), 0), max(int(end) + 1, 0))

    def table(self, kind: str, first, last):
        """Return the analysis table(s) of ``kind`` for the entries from ``first`` to ``last``.

        ``time_of_day_weekday``: the weekday table and the part-of-day profile's means;
        ``body_map``: :func:`sci_pain.pain_by_leg_site`; ``descriptors``:
        :func:`sci_pain.pain_by_quality`.
        """
        span = self._span(first, last)
        totals = [part[span].sum(axis=0) for part in self._tables[kind]]
        template = self._templates[kind]
        if kind == "time_of_day_weekday":
            sums, counts = (total.reshape(7, 4) for total in totals)
            table, profile = template[0].copy(), template[1].copy()
            table[:] = _mean(sums, counts)
            profile[:] = _mean(sums.sum(axis=0), counts.sum(axis=0))
            return table, profile
        if kind == "body_map":
            sums, counts = totals
            table = template.copy()
            table["mean"] = _mean(sums, counts)
            table["n"] = counts.astype(int)
            return table
        count, sums, rated, described = totals
        table = template.copy()
        table["count"] = count.astype(int)
        table["mean_pain"] = _mean(sums, rated)
        table["share"] = count / described if described else np.nan
        return table


def _mean(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.where(counts > 0, counts, 1), np.nan)


def day_tables(entries: pd.DataFrame) -> DayTables | None:
    """Return the day tables of some entries, or None where slicing would not be exact.

    None when a rating is not a whole number (sums would depend on their order), a
    timestamp is missing or carries a time zone, or the index repeats a label.
    """
    if "pain" not in entries.columns or entries.empty or not entries.index.is_unique:
        return None
    try:
        ts = timestamps(entries, purpose="The dashboard")
        values = numeric(entries, "pain")
    except AnalysisError:
        return None
    if ts.isna().any() or getattr(ts.dt, "tz", None) is not None:
        return None
    finite = values[~np.isnan(values)]
    if not np.array_equal(finite, np.round(finite)) or np.abs(finite).max(initial=0) > 2**40:
        return None
    return DayTables(entries, ts, values, ts.min().normalize())
