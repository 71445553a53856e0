"""Is pain linked to activity, sleep or spasms? Rank correlations with honest intervals.

Diary days are not independent (today is much like yesterday), so :func:`associations` gives
each Spearman correlation a moving-block bootstrap interval, counts the *effective* number of
independent days from the autocorrelation, corrects for looking at several links at once and
says in words whether a link is clear (:func:`link_verdict`, :func:`association_caution`).

Examples
--------
>>> import numpy as np
>>> steady_rise = np.arange(40.0)
>>> round(autocorrelation(steady_rise), 2)
1.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from sci_pain.analysis._entries import as_entries as _as_entries
from sci_pain.analysis._entries import check_choice, check_confidence
from sci_pain.analysis._entries import numeric as _numeric
from sci_pain.analysis._entries import require_columns as _require
from sci_pain.analysis._entries import timestamps as _timestamps
from sci_pain.analysis.daily import check_daily_column, daily_values
from sci_pain.errors import AnalysisError
from sci_pain.journal import (
    COLUMNS,
    INTERFERENCE_COLUMNS,
)

__all__ = [
    "ASSOCIATION_VARIABLES",
    "MIN_EFFECTIVE_DAYS",
    "association_caution",
    "association_p_value",
    "associations",
    "autocorrelation",
    "correction_words",
    "link_verdict",
    "spearman_ci",
    "spearman_rows",
]

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


def _rank_table(codes: np.ndarray, n_codes: int) -> np.ndarray:
    """Average ranks (1-based) within each row of value codes, 0 where the code is ``n_codes``.

    What :func:`_rank_codes` computes (ranks are exact halves), for the bootstrap: missing
    values carry the code ``n_codes``, one past the largest, so they rank last without
    moving anyone's rank, and one gather from a small table of ranks per code gives every
    rank at once.
    """
    rows = codes.shape[0]
    width = n_codes + 1
    slot = codes + (np.arange(rows) * width)[:, None]
    counts = np.bincount(slot.ravel(), minlength=rows * width).reshape(rows, width)
    table = np.cumsum(counts, axis=-1) - counts + (counts + 1) / 2.0
    table[:, n_codes] = 0.0
    return table.ravel()[slot]


def _resampled_rows(x, y, cx, nx, cy, ny, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Spearman's rho and the least-squares slope of each bootstrap row, in one pass.

    The same numbers as :func:`spearman_rows` and :func:`_slope_rows` on the resampled
    values (bit for bit; tests pin them), with the masks and gathers shared. Rank sums are exact in floating
    point (ranks are halves, and the mean rank of ``m`` values is ``(m + 1) / 2``), so rho
    comes from sums of products without centring each row first.
    """
    bx, by = cx[index], cy[index]
    both = (bx >= 0) & (by >= 0)
    m = both.sum(axis=-1)
    rx = _rank_table(np.where(both, bx, nx), nx)
    ry = _rank_table(np.where(both, by, ny), ny)
    centre = (m + 1) / 2.0
    shift = m * centre * centre
    with np.errstate(invalid="ignore", divide="ignore"):
        num = (rx * ry).sum(axis=-1) - shift
        den = np.sqrt(((rx * rx).sum(axis=-1) - shift) * ((ry * ry).sum(axis=-1) - shift))
        rho = np.where((m >= 3) & (den > 0), num / den, np.nan)
        xb, yb = x[index], y[index]
        dx = np.where(both, xb - (np.where(both, xb, 0.0).sum(axis=-1) / m)[:, None], 0.0)
        dy = np.where(both, yb - (np.where(both, yb, 0.0).sum(axis=-1) / m)[:, None], 0.0)
        sxx = (dx * dx).sum(axis=-1)
        slope = np.where((m >= 3) & (sxx > 0), (dx * dy).sum(axis=-1) / sxx, np.nan)
    return rho, slope


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
    check_confidence(confidence)
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
        rhos[first : first + chunk], slopes[first : first + chunk] = _resampled_rows(
            x, y, cx, nx, cy, ny, index
        )
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
    "interference_activities": "interference with daily activities",
    "interference_mood": "interference with mood",
    "interference_sleep": "interference with sleep",
    "pain": "pain",
}


_RATINGS = ("pain", "interference", *INTERFERENCE_COLUMNS)
"""The 0-10 ratings, whose part-of-day pattern can be removed before comparing."""


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
    _check_association_options(correction=correction, confidence=confidence, per=per)
    chosen = _chosen_variables(entries, variables, per=per, purpose=purpose)
    _require(entries, [column, *chosen], purpose=purpose)
    outcome, series_of, unit_word = _association_series(
        entries, chosen, column=column, per=per, adjust_time_of_day=adjust_time_of_day
    )
    r_outcome = autocorrelation(outcome)
    n_tests = sum(len(v) for v in chosen.values())
    adj_confidence = (
        1 - (1 - confidence) / n_tests if correction == "bonferroni" and n_tests else confidence
    )
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
            rows.append(
                _link_row(
                    stats_,
                    variable=variable,
                    lag=lag,
                    per=per,
                    column=column,
                    unit=unit,
                    lag1_product=r_outcome * r_var,
                    adj_confidence=adj_confidence,
                    correction=correction,
                    min_effective=min_effective,
                    unit_word=unit_word,
                )
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


def _link_row(
    stats_: dict,
    *,
    variable: str,
    lag: int,
    per: str,
    column: str,
    unit: str,
    lag1_product: float,
    adj_confidence: float,
    correction: str,
    min_effective: float,
    unit_word: str,
) -> dict:
    """Return one row of :func:`associations`: the bootstrap's numbers, judged and worded."""
    n_eff = math.nan  # effective independent observations (Pyper & Peterman 1998)
    if not math.isnan(lag1_product):
        n_eff = stats_["n"] * (1 - lag1_product) / (1 + lag1_product)
    verdict = link_verdict(
        stats_["rho"],
        stats_["adj_ci_low"],
        stats_["adj_ci_high"],
        n_eff,
        alpha=1 - adj_confidence,
        n=stats_["n"],
        min_effective=min_effective,
        outcome=_DESCRIBE.get(column, column),
        unit=unit_word,
    )
    return {
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
        "p_value": association_p_value(stats_["rho"], stats_["n"] if math.isnan(n_eff) else n_eff),
        "correction": correction,
        "clear": verdict.startswith("clear"),
        "verdict": verdict,
    }


def _check_association_options(*, correction: str, confidence: float, per: str) -> None:
    """Raise AnalysisError for an unknown correction or ``per``, or a confidence outside (0, 1)."""
    check_choice("correction", correction, ("bonferroni", "none"))
    check_confidence(confidence)
    check_choice("per", per, ("day", "entry"))


def _chosen_variables(entries, variables, *, per: str, purpose: str) -> dict[str, tuple[int, ...]]:
    """Return the variables to examine with their lags, checked (default: those the journal has)."""
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
        check_daily_column(variable, purpose=purpose)
        if any(k < 0 for k in lags):
            msg = f"lags must be 0 or more days, got {lags!r} for {variable!r}"
            raise AnalysisError(msg, column=variable)
        if per == "entry" and any(k != 0 for k in lags):
            msg = (
                f"per='entry' pairs each entry with its own {variable!r}, so only lag 0 is "
                f"possible; use per='day' for lags of {lags!r} days"
            )
            raise AnalysisError(msg, column=variable)
    return chosen


def _association_series(entries, chosen, *, column: str, per: str, adjust_time_of_day: bool):
    """Return the outcome, each variable's series and the unit word ("days" or "entries")."""
    ts = _timestamps(entries, purpose="associations")
    outcome_values = _adjusted_outcome(entries, column, adjust_time_of_day and column in _RATINGS)
    if per == "entry":
        order = np.argsort(ts.to_numpy(), kind="stable")
        series_of = {v: pd.Series(_numeric(entries, v)[order]) for v in chosen}
        return outcome_values[order], series_of, "entries"
    others = [v for v in chosen if v != column]
    frame = daily_values(entries, others) if others else None
    outcome_daily = (
        pd.Series(outcome_values, index=entries.index).groupby(ts.dt.normalize().to_numpy()).mean()
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
    return outcome, series_of, "days"


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
    """Return the plain-words verdict on one link (the one rule of :func:`associations`).

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
    """Return a plain-language caution for a table of associations, with its own numbers.

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
