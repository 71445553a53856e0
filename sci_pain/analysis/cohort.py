"""Questions across the people of a cohort, each answered per person and then counted.

How many people in a class show an evening pattern, in how many do spasms and pain rise
together, how many had a red-flag episode? Each question is answered per person first
(:func:`evening_pattern`, :func:`spasm_pain_links`, :func:`cohort_red_flags`), then counted
with an honest interval for the share (:func:`prevalence`, :func:`wilson_interval`). The
cohort itself (reading, storage, SQL) is :class:`~sci_pain.journal.Cohort`.

This is about patterns in diaries, for teaching. It never diagnoses anyone.

Examples
--------
>>> from sci_pain.journal import cohort_from_frame
>>> from sci_pain.simulate import simulate_cohort
>>> cohort = cohort_from_frame(simulate_cohort(6, 30, seed=1), person="person_id")
>>> summary = prevalence(evening_pattern(cohort, min_entries=5), column="evening_pattern")
>>> int(summary["people"] + summary["not_assessed"])
6
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from sci_pain.analysis.flags import (
    injury_level_at_or_above_t6,
    red_flag_episodes,
    scan_red_flags,
)
from sci_pain.analysis.links import spearman_rows
from sci_pain.errors import CohortError
from sci_pain.journal import Cohort

__all__ = [
    "INJURY_LEVELS",
    "wilson_interval",
    "prevalence",
    "evening_pattern",
    "spasm_pain_links",
    "cohort_red_flags",
]

INJURY_LEVELS: tuple[str, ...] = ("at_or_above_T6", "below_T6", "unknown")
"""Injury levels that need no neurological level (a level such as ``"T4"`` works too)."""


def wilson_interval(k: int, n: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """Return Wilson's score interval for a proportion ``k / n`` (Wilson 1927).

    Unlike the textbook ``p ± z sqrt(p (1 - p) / n)`` it stays inside 0 to 1 and does not
    collapse to a single point when ``k`` is 0 or ``n``; recommended for small samples
    (Brown, Cai & DasGupta 2001).

    Parameters
    ----------
    k : int
        How many have it.
    n : int
        How many were assessed.
    confidence : float, default 0.95
        The interval's confidence level.

    Returns
    -------
    tuple of float
        ``(low, high)``; ``(nan, nan)`` when ``n`` is 0.

    Raises
    ------
    CohortError
        If ``k`` is not between 0 and ``n``.

    Examples
    --------
    >>> low, high = wilson_interval(12, 40)
    >>> round(low, 3), round(high, 3)
    (0.181, 0.454)
    >>> wilson_interval(0, 10)[0]
    0.0
    """
    from statistics import NormalDist

    if n <= 0:
        return (math.nan, math.nan)
    if not 0 <= k <= n:
        msg = f"k must be between 0 and n = {n}, got {k}"
        raise CohortError(msg)
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))


def prevalence(table: pd.DataFrame, *, column: str, confidence: float = 0.95) -> pd.Series:
    """Count the people with ``column`` true, out of those assessed, with a Wilson interval.

    People with a missing value (too few entries to tell) are counted apart, not as "no".

    Parameters
    ----------
    table : DataFrame
        One row per person, such as :func:`evening_pattern` returns.
    column : str
        A boolean column of ``table`` (missing = not assessed).
    confidence : float, default 0.95
        As for :func:`wilson_interval`.

    Returns
    -------
    Series
        ``people`` (assessed), ``with`` (true), ``share``, ``ci_low``, ``ci_high``,
        ``not_assessed``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"link": pd.array([True, False, None], dtype="boolean")})
    >>> prevalence(table, column="link")[["people", "with", "not_assessed"]].astype(int).tolist()
    [2, 1, 1]
    """
    values = table[column]
    assessed = values.notna()
    k = int(values[assessed].astype(bool).sum())
    n = int(assessed.sum())
    low, high = wilson_interval(k, n, confidence=confidence)
    return pd.Series(
        {
            "people": n,
            "with": k,
            "share": k / n if n else math.nan,
            "ci_low": low,
            "ci_high": high,
            "not_assessed": int((~assessed).sum()),
        }
    )


def _entries_of(cohort) -> pd.DataFrame:
    """Return the cohort's long table of entries (a Cohort, or a frame with ``person``)."""
    if isinstance(cohort, Cohort):
        return cohort.entries
    if isinstance(cohort, pd.DataFrame) and "person" in cohort.columns:
        return cohort
    msg = "expected a Cohort (from read_journals or cohort_from_frame) or a frame with 'person'"
    raise CohortError(msg)


def _persons(cohort, entries: pd.DataFrame) -> pd.Index:
    """Return every person: a Cohort's people (read or not), else those with entries."""
    if isinstance(cohort, Cohort):
        return pd.Index(cohort.people["person"], name="person")
    return pd.Index(sorted(entries["person"].unique()), name="person")


def evening_pattern(
    cohort,
    *,
    difference: float = 1.0,
    min_entries: int = 10,
    column: str = "pain",
) -> pd.DataFrame:
    """Tell, per person, whether pain is higher in the evening than in the morning.

    For each person, each rating is compared with that person's mean of the same day (so
    good and bad days cancel out), as in ``time_of_day_profile(relative=True)``; the
    evening (18-24 h) and morning (06-12 h) means of these differences are compared. A
    person shows an *evening pattern* when the evening is at least ``difference`` points
    above the morning.

    Parameters
    ----------
    cohort : Cohort or DataFrame
        The people, or their entries in one frame with a ``person`` column.
    difference : float, default 1.0
        NRS points.
    min_entries : int, default 10
        Fewer morning or evening ratings than this: not assessed (missing), rather than a
        "no" that the data cannot support.
    column : str, default "pain"

    Returns
    -------
    DataFrame
        Indexed by ``person``: ``morning``, ``evening`` (mean within-day differences),
        ``n_morning``, ``n_evening``, ``evening_minus_morning``, ``evening_pattern``
        (boolean, missing when not assessed). Summarise with :func:`prevalence`.

    Examples
    --------
    >>> from sci_pain.journal import cohort_from_frame
    >>> from sci_pain.simulate import simulate_cohort
    >>> cohort = cohort_from_frame(simulate_cohort(4, 30, seed=1), person="person_id")
    >>> list(evening_pattern(cohort).columns[-2:])
    ['evening_minus_morning', 'evening_pattern']
    """
    entries = _entries_of(cohort)
    ts = entries["timestamp"]
    values = entries[column].to_numpy(dtype=float, na_value=np.nan)
    person, people = pd.factorize(entries["person"], sort=True)
    day = ts.dt.normalize().to_numpy().astype("datetime64[D]").astype(np.int64)
    kept = ~np.isnan(values) & ts.notna().to_numpy() & (person >= 0)
    values, person, day = values[kept], person[kept], day[kept]
    hour = ts.dt.hour.to_numpy(dtype=float, na_value=np.nan)[kept]
    # each rating against the person's mean of the same day (a person's day as one number)
    person_day = person * (day.max(initial=0) - day.min(initial=0) + 1) + (day - day.min(initial=0))
    relative = values - pd.Series(values).groupby(person_day).transform("mean").to_numpy()
    part = np.where(hour >= 18, 1, np.where((hour >= 6) & (hour < 12), 0, -1))  # evening, morning
    used = part >= 0
    parts = (
        pd.Series(relative[used])
        .groupby(person[used] * 2 + part[used])
        .agg(["mean", "size"])
        .reindex(np.arange(2 * len(people)))
    )
    persons = _persons(cohort, entries)
    out = pd.DataFrame(index=persons)
    for offset, name in ((0, "morning"), (1, "evening")):
        own = parts.iloc[offset::2].set_axis(people)
        out[name] = own["mean"].reindex(persons).astype(float)
        out[f"n_{name}"] = own["size"].reindex(persons).fillna(0).astype(np.int64)
    out["evening_minus_morning"] = out["evening"] - out["morning"]
    enough = (out["n_morning"] >= min_entries) & (out["n_evening"] >= min_entries)
    flag = pd.array(out["evening_minus_morning"] >= difference, dtype="boolean")
    flag[~enough.to_numpy()] = pd.NA
    out["evening_pattern"] = flag
    return out


def spasm_pain_links(
    cohort,
    *,
    min_rho: float = 0.3,
    min_days: int = 28,
) -> pd.DataFrame:
    """Tell, per person, whether days with more spasms have more pain (Spearman's rho).

    Days are summarised as for :func:`~sci_pain.associations` (mean pain, total spasms);
    rho is computed over the days with both. A *link* is ``rho >= min_rho``. This is a
    screen across people, without the bootstrap interval and autocorrelation caution that
    :func:`~sci_pain.associations` gives one person: look at a linked person's journal
    before saying more.

    Parameters
    ----------
    cohort : Cohort or DataFrame
        As for :func:`evening_pattern`; days without a ``spasms`` count are left out.
    min_rho : float, default 0.3
        The smallest rho called a link.
    min_days : int, default 28
        Fewer days with both pain and spasms than this: not assessed (missing).

    Returns
    -------
    DataFrame
        Indexed by ``person``: ``rho``, ``n_days``, ``link`` (boolean, missing when fewer
        than ``min_days`` days have both).

    Examples
    --------
    >>> from sci_pain.journal import cohort_from_frame
    >>> from sci_pain.simulate import simulate_cohort
    >>> cohort = cohort_from_frame(simulate_cohort(3, 30, seed=1), person="person_id")
    >>> spasm_pain_links(cohort).columns.tolist()
    ['rho', 'n_days', 'link']
    """
    entries = _entries_of(cohort)
    persons = _persons(cohort, entries)
    out = pd.DataFrame(index=persons)
    out["rho"] = np.nan
    out["n_days"] = 0
    if "spasms" in entries.columns:
        daily = (
            pd.DataFrame(
                {
                    "person": entries["person"].to_numpy(),
                    "day": entries["timestamp"].dt.normalize(),
                    "pain": entries["pain"].to_numpy(dtype=float, na_value=np.nan),
                    "spasms": entries["spasms"].to_numpy(dtype=float, na_value=np.nan),
                }
            )
            .groupby(["person", "day"])
            .agg(pain=("pain", "mean"), spasms=("spasms", "sum"), counted=("spasms", "count"))
        )
        x = daily["spasms"].where(daily["counted"] > 0).to_numpy(dtype=float)
        y = daily["pain"].to_numpy(dtype=float)
        rho, n_days = _rho_per_person(daily.index.get_level_values("person"), x, y)
        out["rho"] = rho.reindex(persons).astype(float)
        out["n_days"] = n_days.reindex(persons).fillna(0).astype(np.int64)
    link = pd.array(out["rho"] >= min_rho, dtype="boolean")
    link[(out["n_days"] < min_days).to_numpy() | out["rho"].isna().to_numpy()] = pd.NA
    out["link"] = link
    return out


def _rho_per_person(person: pd.Index, x: np.ndarray, y: np.ndarray):
    """Spearman's rho and days with both, per person: each person's days are one row.

    ``person`` is sorted (a groupby's index), so each person's days are consecutive. People
    with as many days are stacked and computed together, row by row, exactly as one call per
    person would (no padding: every row holds only that person's days).
    """
    codes, people = pd.factorize(person)
    sizes = np.bincount(codes, minlength=len(people))
    starts = np.cumsum(sizes) - sizes
    rho = np.full(len(people), np.nan)
    both = ((~np.isnan(x)) & (~np.isnan(y))).astype(np.int64)
    n_days = np.add.reduceat(both, starts) if len(starts) else np.zeros(0, dtype=np.int64)
    for size in np.unique(sizes):
        group = np.flatnonzero(sizes == size)
        at = starts[group][:, None] + np.arange(size)
        rho[group] = np.where(n_days[group] > 0, spearman_rows(x[at], y[at]), np.nan)
    return pd.Series(rho, index=people), pd.Series(n_days, index=people)


def _scan_everyone(entries: pd.DataFrame, levels: dict) -> pd.DataFrame:
    """Scan every person's entries at once: the one place the cohort calls the scan.

    Each person's level is passed explicitly; ``"unknown"`` makes the scan state that the risk of
    autonomic dysreflexia was not assessed for that person.
    """
    return scan_red_flags(entries, injury_level=levels, by="person")


def cohort_red_flags(cohort, *, injury_level: str | Mapping[str, str]) -> pd.DataFrame:
    """Find, per person, the red-flag patterns and episodes in their journal.

    Each person's journal is scanned with :func:`~sci_pain.scan_red_flags` and its flagged
    entries grouped into episodes with :func:`~sci_pain.red_flag_episodes` (a swollen leg
    noted on 30 entries over 6 days is one episode): everyone at once over the long table
    (``by="person"``), each person against their own baselines, with the same flags and
    episodes as scanning each journal on its own.

    Parameters
    ----------
    cohort : Cohort or DataFrame
        As for :func:`evening_pattern`; each person's journal is scanned on its own.
    injury_level : str or mapping of person to str
        As for :func:`~sci_pain.scan_red_flags` (a level such as ``"T4"``,
        ``"at_or_above_T6"``, ``"below_T6"`` or ``"unknown"``), for everyone or per person
        (persons left out of a mapping are ``"unknown"``). There is no default: at or above
        T6 a surge of spasms can set off autonomic dysreflexia, which is escalated; with
        ``"unknown"`` that escalation is not assessed, and ``notes`` says so.

    Returns
    -------
    DataFrame
        Indexed by ``person``: ``flags`` (flagged entries), ``episodes``, ``emergency``
        (flagged entries at the top of the referral ladder), ``first`` and ``last``
        (timestamps), ``any_flag`` (boolean; missing for a person without entries),
        ``injury_level``, ``notes`` (what the scan states, e.g. that the AD risk was not
        assessed). ``.attrs["flags"]`` holds every flag with its person and
        ``.attrs["episodes"]`` every episode with its person, person by person.

    Examples
    --------
    >>> from sci_pain.journal import cohort_from_frame
    >>> from sci_pain.simulate import simulate_cohort
    >>> cohort = cohort_from_frame(simulate_cohort(5, 60, seed=3), person="person_id")
    >>> table = cohort_red_flags(cohort, injury_level="unknown")
    >>> int(table["episodes"].sum()) == len(table.attrs["episodes"])
    True
    """
    entries = _entries_of(cohort)
    persons = _persons(cohort, entries)
    if isinstance(injury_level, str):
        levels = dict.fromkeys(persons, injury_level)
    else:
        levels = {p: injury_level.get(p, "unknown") for p in persons}
    for value in sorted(set(levels.values())):
        try:  # the scan's own check of a level
            injury_level_at_or_above_t6(value)
        except (ValueError, TypeError) as error:
            msg = f"injury_level {value!r}: {error}"
            raise CohortError(msg) from None
    found = _scan_everyone(entries, levels)
    notes, found.attrs = found.attrs["notes"], {}  # per person: not copied by every step below
    place = {who: i for i, who in enumerate(persons)}
    in_order = np.argsort(found["person"].map(place).to_numpy(), kind="stable")
    flags = found.iloc[in_order].reset_index(drop=True)
    episodes = red_flag_episodes(found, by="person")
    episodes = episodes.iloc[
        np.argsort(episodes["person"].map(place).to_numpy(), kind="stable")
    ].reset_index(drop=True)
    by_person = flags.groupby("person", sort=False)
    scanned = pd.Index(entries["person"].unique())
    table = pd.DataFrame(index=persons)
    table["flags"] = by_person.size().reindex(persons, fill_value=0).astype(np.int64)
    table["episodes"] = (
        episodes.groupby("person").size().reindex(persons, fill_value=0).astype(np.int64)
    )
    emergency = (flags["severity"] == "emergency").groupby(flags["person"]).sum()
    table["emergency"] = emergency.reindex(persons, fill_value=0).astype(np.int64)
    table["first"] = by_person["timestamp"].min().reindex(persons)
    table["last"] = by_person["timestamp"].max().reindex(persons)
    any_flag = pd.array(table["flags"].to_numpy() > 0, dtype="boolean")
    any_flag[~persons.isin(scanned)] = pd.NA
    table["any_flag"] = any_flag
    table["injury_level"] = [levels[who] for who in persons]
    table["notes"] = ["; ".join(notes.get(who, [])) for who in persons]
    episodes.attrs = {}
    table.attrs["flags"] = flags if len(flags) else pd.DataFrame()
    table.attrs["episodes"] = episodes
    return table
