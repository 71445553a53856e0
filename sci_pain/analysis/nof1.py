"""Did it help? Before-and-after (A-B) comparisons for one person's journal.

An N-of-1 comparison sets a baseline phase A (before an intervention) against a phase B
(after it started) in one person's ratings. This module reports:

- the phase means and the change, judged against clinical thresholds for pain: a reduction
  of about 2 points or 30% is moderately important (Farrar et al. 2001, *Pain* 94:149),
  10-20% minimally and 50% or more substantially important (IMMPACT, Dworkin et al. 2008,
  *J Pain* 9:105);
- NAP, the non-overlap of all pairs (Parker & Vannest 2009, *Behav Ther* 40:357): of all
  pairs of one A and one B observation, the share in which B is better, ties counting half.
  0.5 means no difference, 1 complete non-overlap. Its confidence interval is Newcombe's
  (2006, *Stat Med* 25:559) score-type "method 5", built on the Hanley & McNeil (1982)
  variance;
- Tau = 2 NAP - 1 (Parker, Vannest, Davis & Sauber 2011, *Behav Ther* 42:284), the same
  information on a -1 to 1 scale;
- baseline-corrected Tau (Tarlow 2017, *Behav Modif* 41:427): when the baseline already
  shows a trend (Kendall's test, p < 0.05), the Theil-Sen line of the baseline is removed
  from both phases before Kendall's tau-b between phase and rating is computed, so that a
  change that was under way anyway is not credited to the intervention; also Tau-U (Parker
  et al. 2011) for comparison;
- warnings: few observations, a baseline under two weeks, a baseline trend, autocorrelation, and regression to the mean
  when the intervention starts right after the worst week of the baseline.

The direction is always explicit: ``lower_is_better=True`` (the default, for pain) means a
fall is an improvement, and every effect size is signed so that positive means *better*.

All of these measures treat observations as independent. Diary days are not (today is much
like yesterday), so the intervals are too narrow, and an A-B design cannot rule out that
something else changed at the same time. They describe one person's data; they do not prove
that the intervention works.

Examples
--------
The worked example of non-overlap of all pairs (higher is better):

>>> result = compare_phases([2, 3, 5, 3, 4, 5, 5, 7, 6], start=4, lower_is_better=False)
>>> round(result.nap, 2), round(result.tau, 2)
(0.9, 0.8)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from sci_pain.analysis._entries import as_entries as _as_entries
from sci_pain.analysis._entries import multi_values as _multi
from sci_pain.analysis._entries import numeric as _numeric
from sci_pain.analysis._entries import require_columns as _require
from sci_pain.analysis._entries import timestamps as _timestamps
from sci_pain.analysis.core import AnalysisError, autocorrelation

__all__ = [
    "CLINICAL_THRESHOLDS",
    "PhaseComparison",
    "compare_phases",
    "pair_matrix",
    "nap",
    "nap_ci",
    "judge_change",
    "baseline_corrected_tau",
    "tau_u",
]

CLINICAL_THRESHOLDS: dict[str, float] = {
    "minimal_pct": 10.0,
    "moderate_pct": 30.0,
    "moderate_points": 2.0,
    "substantial_pct": 50.0,
}
"""Thresholds for judging a change in a 0-10 pain rating.

A reduction of about 2 points or 30% corresponds to "much improved" (Farrar et al. 2001);
IMMPACT calls 10-20% minimally, 30% or more moderately and 50% or more substantially
important (Dworkin et al. 2008). They were derived from groups in trials, for improvement;
applying them to one person's diary, or to a worsening, is a rule of thumb.
"""


# --------------------------------------------------------------------------------------------
# non-overlap


def _as_array(values, name: str) -> np.ndarray:
    if isinstance(values, pd.Series):
        array = values.to_numpy(dtype=float, na_value=np.nan)
    else:
        array = np.asarray(values, dtype=float)
    if array.ndim != 1:
        msg = f"{name} must be a one-dimensional sequence of numbers, got shape {array.shape}"
        raise AnalysisError(msg)
    return array[~np.isnan(array)]


# --------------------------------------------------------------------------------------------
# counting pairs without listing them
#
# NAP, Tau-U and the Theil-Sen slope are defined over all pairs of observations; listing the
# pairs costs n^2 time and memory (a year of entries is ~10^6 pairs, twenty years ~10^9).
# The helpers below count the same pairs from sorted values (O(n log n)) and give the same
# numbers; tests compare them with the all-pairs definitions on many random inputs.


def _better_worse(a: np.ndarray, b: np.ndarray, *, lower_is_better: bool) -> tuple[int, int]:
    """(pairs where the B value is better, pairs where it is worse) over all A-B pairs."""
    ordered = np.sort(a)
    below = np.searchsorted(ordered, b, side="left").sum()  # A values below each B value
    above = (a.size - np.searchsorted(ordered, b, side="right")).sum()
    if lower_is_better:
        return int(above), int(below)
    return int(below), int(above)


def _inversions(codes: np.ndarray) -> int:
    """Pairs ``p < q`` with ``codes[p] > codes[q]`` (integer codes), by bottom-up merging.

    Each round pairs neighbouring sorted blocks and counts, for every element of a right
    block, the elements of its left block that are larger (a binary search); then merges.
    O(n log^2 n) with NumPy sorts, no Python loop over elements.
    """
    n = codes.size
    if n < 2:
        return 0
    current = codes.astype(np.int64)
    span = int(current.max()) + 1
    position = np.arange(n)
    total = 0
    width = 1
    while width < n:
        block = position // width
        pair = block // 2
        left = block % 2 == 0
        left_keys = pair[left] * span + current[left]  # ascending: pairs, then sorted blocks
        right_pair = pair[~left]
        right_keys = right_pair * span + current[~left]
        larger_from = np.searchsorted(left_keys, right_keys, side="right")
        left_end = np.searchsorted(left_keys, (right_pair + 1) * span, side="left")
        total += int((left_end - larger_from).sum())
        current = np.sort(pair * span + current) - pair * span
        width *= 2
    return total


def _tie_pairs(values: np.ndarray) -> int:
    _, counts = np.unique(values, return_counts=True)
    return int((counts * (counts - 1) // 2).sum())


def _kendall_s_sorted(values: np.ndarray) -> int:
    """Kendall's S of ``values`` against their order (time): concordant minus discordant."""
    n = values.size
    _, codes = np.unique(values, return_inverse=True)
    discordant = _inversions(codes)
    untied = n * (n - 1) // 2 - _tie_pairs(values)
    return untied - 2 * discordant


def _slopes_below(values: np.ndarray, times: np.ndarray, slope: float) -> int:
    """Pairs with distinct times whose slope (later minus earlier) is below ``slope``."""
    residual = values - slope * times
    order = np.lexsort((residual, times))  # by time; equal times by residual (never counted)
    _, codes = np.unique(residual[order], return_inverse=True)
    return _inversions(codes)


# Below this many observations the slopes of all pairs are listed (as SciPy does): fast and
# small. Above it the median slope is found by counting (see _theil_sen_slope).
_ALL_PAIRS_LIMIT = 1500


def _theil_sen_slope(values: np.ndarray, times: np.ndarray) -> float:
    """The Theil-Sen slope, ``scipy.stats.theilslopes(values, times).slope``.

    Up to ``_ALL_PAIRS_LIMIT`` observations the median of all pairwise slopes, as SciPy
    computes it. Above, without listing the pairs: the number of pairwise slopes below a
    value ``s`` is the number of pairs whose order by ``values - s * times`` is the reverse
    of their order in time (an inversion count, O(n log^2 n)), so bisection on ``s`` narrows
    an interval that holds the wanted order statistic until it holds only a few slopes; those
    few are listed (a pair whose slope lies in the interval is at most that many places apart
    in the order at the interval's lower end) and the one wanted is picked.
    """
    values = np.asarray(values, dtype=float)
    times = np.asarray(times, dtype=float)
    n = values.size
    if n <= _ALL_PAIRS_LIMIT:
        dt = times[:, None] - times
        dv = values[:, None] - values
        slopes = dv[dt > 0] / dt[dt > 0]
        return float(np.median(slopes)) if slopes.size else math.nan
    total = n * (n - 1) // 2 - _tie_pairs(times)
    if total == 0:
        return math.nan
    wanted = sorted({(total - 1) // 2, total // 2})
    picked = [_kth_slope(values, times, k) for k in wanted]
    return float(np.mean(picked)) if len(picked) == 2 else float(picked[0])


def _slopes_between(values, times, low: float, high: float, most: int) -> np.ndarray:
    """Sorted slopes in ``[low, high)`` of pairs at most ``most`` places apart in the order
    of ``values - low * times``. A pair whose slope lies in the interval changes order between
    the interval's ends, and so does every observation between the two: with ``most`` such
    pairs in all, the pair is at most ``most`` places apart."""
    order = np.lexsort((times, values - low * times))
    v, t = values[order], times[order]
    found = []
    for gap in range(1, min(most, values.size - 1) + 1):
        dt = t[gap:] - t[:-gap]
        dv = v[gap:] - v[:-gap]
        later, earlier = dt > 0, dt < 0
        slopes = np.concatenate([dv[later] / dt[later], (-dv[earlier]) / (-dt[earlier])])
        found.append(slopes[(slopes >= low) & (slopes < high)])
    return np.sort(np.concatenate(found)) if found else np.empty(0)


def _kth_slope(values: np.ndarray, times: np.ndarray, k: int) -> float:
    """The k-th smallest (0-based) of the pairwise slopes over pairs with distinct times.

    Quickselect on slopes that are never listed: keep an interval ``[low, high)`` known to
    hold the k-th slope (by counting slopes below its ends); take as pivot the slope at the
    wanted quantile of a sample of pairs that fall in the interval (or its midpoint), count
    the slopes within a hair of the pivot, and keep the side that holds the k-th. When only a few slopes are left they are listed and the
    k-th picked; when very many equal the pivot (ratings are whole numbers, so slopes tie)
    the pivot is the answer.
    """
    unique_times = np.unique(times)
    steepest = float(np.ptp(values)) / float(np.diff(unique_times).min())
    margin = max(1.0, steepest) * 1e-9
    low, high = -steepest - margin, steepest + margin
    below_low, below_high = 0, _slopes_below(values, times, high)
    # The smallest change of slope that still moves ``values - slope * times`` in floating
    # point, so that counts just below and just above a pivot differ by the slopes equal to it.
    resolution = (
        1e-12 * max(float(np.abs(values).max()), 1.0) / max(float(np.abs(times).max()), 1.0)
    )
    few = 64
    n = values.size
    sampler = np.random.default_rng(0)  # pivots only: the answer does not depend on them
    for _ in range(200):
        if below_high - below_low <= few:
            break
        i, j = sampler.integers(0, n, size=(2, 8 * n))
        dt = times[i] - times[j]
        keep = dt != 0
        sample = (values[i] - values[j])[keep] / dt[keep]
        sample = np.sort(sample[(sample >= low) & (sample < high)])
        if sample.size >= 8:  # a pivot at the wanted quantile of the slopes in the interval
            share = (k - below_low + 0.5) / (below_high - below_low)
            pivot = float(sample[min(int(share * sample.size), sample.size - 1)])
        else:
            near = _slopes_between(values, times, low, high, 1)
            middle = (low + high) / 2
            pivot = float(near[near.size // 2]) if near.size and not low < middle < high else middle
        hair = max(1e-10 * abs(pivot), resolution)
        under = _slopes_below(values, times, pivot - hair)
        over = _slopes_below(values, times, pivot + hair)
        if under > k:
            high, below_high = pivot - hair, under
        elif over <= k:
            low, below_low = pivot + hair, over
        else:  # the k-th slope is within a hair of the pivot
            if over - under > few:
                return pivot
            low, high, below_low, below_high = pivot - hair, pivot + hair, under, over
            break
    candidates = _slopes_between(values, times, low, high, below_high - below_low)
    position = k - below_low
    if candidates.size == below_high - below_low and 0 <= position < candidates.size:
        return float(candidates[position])
    # Rounding put a slope on the wrong side of an end of the interval: list all pairs.
    dt = times[:, None] - times
    dv = values[:, None] - values
    return float(np.sort(dv[dt > 0] / dt[dt > 0])[k])


def pair_matrix(a, b, *, lower_is_better: bool = True) -> pd.DataFrame:
    """The comparison matrix behind NAP: every baseline value against every treatment value.

    Each cell is 1 when the treatment-phase value (column) is better than the baseline value
    (row), 0.5 when they tie, and 0 when it is worse. NAP is the mean of the matrix.

    Parameters
    ----------
    a, b : sequence of numbers or Series
        Baseline (A) and treatment (B) observations; missing values are dropped.
    lower_is_better : bool, default True
        True for pain (a lower B value is better); False when higher is better.

    Returns
    -------
    DataFrame
        Rows labelled by the A values (index name ``"A (baseline)"``), columns by the B
        values (``"B (treatment)"``).

    Examples
    --------
    >>> m = pair_matrix([2, 3, 5, 3], [4, 5, 5, 7, 6], lower_is_better=False)
    >>> m.loc[5.0].tolist()
    [0.0, 0.5, 0.5, 1.0, 1.0]
    >>> float(m.to_numpy().mean())
    0.9
    """
    a = _as_array(a, "a")
    b = _as_array(b, "b")
    diff = b[None, :] - a[:, None]
    if lower_is_better:
        diff = -diff
    matrix = (diff > 0) + 0.5 * (diff == 0)
    return pd.DataFrame(
        matrix.astype(float),
        index=pd.Index(a, name="A (baseline)"),
        columns=pd.Index(b, name="B (treatment)"),
    )


def nap(a, b, *, lower_is_better: bool = True) -> float:
    """Non-overlap of all pairs (Parker & Vannest 2009): the share of A-B pairs where B is better.

    Ties count half. 0.5 means no difference; 1 means every B value is better than every A
    value; below 0.5 B is worse.

    Examples
    --------
    >>> nap([2, 3, 5, 3], [4, 5, 5, 7, 6], lower_is_better=False)
    0.9
    >>> nap([2, 3, 5, 3], [4, 5, 5, 7, 6], lower_is_better=True)
    0.1
    """
    a = _as_array(a, "a")
    b = _as_array(b, "b")
    if a.size == 0 or b.size == 0:
        msg = f"NAP needs at least one value in each phase, got {a.size} and {b.size}"
        raise AnalysisError(msg)
    better, worse = _better_worse(a, b, lower_is_better=lower_is_better)
    pairs = a.size * b.size
    score = better + 0.5 * (pairs - better - worse)  # ties count half
    return round(float(score / pairs), 12)


def nap_ci(value: float, n_a: int, n_b: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """Newcombe's (2006) method-5 confidence interval for NAP (or any Mann-Whitney AUC).

    The interval holds the values ``theta`` for which
    ``(theta - NAP)^2 <= z^2 V(theta)``, where ``V`` is the Hanley-McNeil (1982) variance
    with both phase lengths replaced by their mean: a score-type interval that stays inside
    [0, 1] and behaves well near the ends, unlike the plain Wald interval.

    Examples
    --------
    >>> low, high = nap_ci(0.9, 4, 5)
    >>> round(low, 2), round(high, 2)
    (0.5, 0.99)
    """
    from scipy import optimize, stats

    if n_a < 1 or n_b < 1:
        return (math.nan, math.nan)
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    h = (n_a + n_b) / 2 - 1

    def score(theta: float) -> float:
        # Newcombe's equation divided by theta (1 - theta), so that the trivial roots at
        # 0 and 1 disappear and the interval's ends are the only roots in (0, 1).
        return n_a * n_b * (value - theta) ** 2 * (2 - theta) * (1 + theta) / (
            theta * (1 - theta)
        ) - z**2 * (2 + h + (1 + 2 * h) * theta * (1 - theta))

    eps = 1e-12
    low = optimize.brentq(score, eps, min(value, 1 - eps)) if value > 0 else 0.0
    high = optimize.brentq(score, max(value, eps), 1 - eps) if value < 1 else 1.0
    return (float(low), float(high))


def tau_u(a, b, *, lower_is_better: bool = True) -> float:
    """Tau-U with baseline-trend correction (Parker, Vannest, Davis & Sauber 2011).

    ``(S_AB - S_A) / (n_A n_B)``, where S_AB counts A-B pairs in which B is better minus
    pairs in which it is worse, and S_A is Kendall's S of the baseline against time (a
    baseline already improving reduces the result). Unlike Tarlow's baseline-corrected Tau
    it is not bounded by -1 and 1 and mixes trend and level; it is given for comparison.

    Examples
    --------
    >>> tau_u([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], lower_is_better=False)
    0.6
    """
    a = _as_array(a, "a")
    b = _as_array(b, "b")
    sign = -1.0 if lower_is_better else 1.0
    better, worse = _better_worse(a, b, lower_is_better=lower_is_better)
    s_ab = float(better - worse)
    s_a = float(_kendall_s_sorted(sign * a))
    return round((s_ab - s_a) / (a.size * b.size), 12)


def baseline_corrected_tau(
    a,
    b,
    *,
    lower_is_better: bool = True,
    time_a=None,
    time_b=None,
    pretest_alpha: float | None = 0.05,
    confidence: float = 0.95,
) -> dict:
    """Baseline-corrected Tau (Tarlow 2017).

    1. Test the baseline for a trend: Kendall's tau between time and the A values.
    2. If the trend is significant (p < ``pretest_alpha``; always when ``pretest_alpha`` is
       None), fit the Theil-Sen line to the baseline (slope: median of pairwise slopes;
       intercept: median of ``a - slope * time``) and subtract it from both phases.
    3. Tau-BC is Kendall's tau-b between the phase (0 for A, 1 for B) and the (corrected)
       values, signed so that positive means B is better. Its standard error is
       ``sqrt(2 (1 - tau^2) / (n_A + n_B))`` as in Tarlow's calculator, with a Wald interval
       clipped to [-1, 1].

    Parameters
    ----------
    a, b : sequence of numbers
        Baseline and treatment values, in time order.
    lower_is_better : bool, default True
    time_a, time_b : sequence of numbers, optional
        When each observation was made (e.g. day numbers); default: sessions 1, 2, ...
        numbered across both phases.
    pretest_alpha : float or None, default 0.05
    confidence : float, default 0.95

    Returns
    -------
    dict
        ``tau``, ``ci_low``, ``ci_high``, ``se``, ``corrected`` (bool), ``slope`` and
        ``intercept`` of the baseline line (per time unit), ``trend_tau`` and ``trend_p``
        (the baseline trend test). ``trend_tau`` is Kendall's tau of the raw baseline values
        against time, not signed by direction: for pain, negative means pain was already
        falling.

    Examples
    --------
    A baseline rising steadily into a phase that continues the same line shows no effect
    once the trend is removed:

    >>> r = baseline_corrected_tau([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], lower_is_better=False)
    >>> r["corrected"], r["tau"]
    (True, 0.0)
    """
    from scipy import stats

    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    n_a, n_b = a.size, b.size
    t_a = np.arange(1, n_a + 1, dtype=float) if time_a is None else np.asarray(time_a, float)
    t_b = (
        np.arange(n_a + 1, n_a + n_b + 1, dtype=float)
        if time_b is None
        else np.asarray(time_b, float)
    )
    result: dict[str, Any] = {
        "tau": math.nan,
        "ci_low": math.nan,
        "ci_high": math.nan,
        "se": math.nan,
        "corrected": False,
        "slope": math.nan,
        "intercept": math.nan,
        "trend_tau": math.nan,
        "trend_p": math.nan,
    }
    if n_a < 2 or n_b < 1:
        return result
    if np.ptp(a) > 0:
        trend = stats.kendalltau(t_a, a)
        result["trend_tau"], result["trend_p"] = float(trend.statistic), float(trend.pvalue)
    slope = _theil_sen_slope(a, t_a) if n_a >= 2 else 0.0
    intercept = float(np.median(a - slope * t_a))
    result["slope"], result["intercept"] = slope, intercept
    correct = pretest_alpha is None or (
        not math.isnan(result["trend_p"]) and result["trend_p"] < pretest_alpha
    )
    if correct:
        a = a - intercept - slope * t_a
        b = b - intercept - slope * t_b
        result["corrected"] = True
    values = np.concatenate([a, b])
    values = np.round(values, 10)  # residuals that tie in exact arithmetic tie here too
    phase = np.concatenate([np.zeros(n_a), np.ones(n_b)])
    if np.ptp(values) == 0:
        tau = 0.0
    else:
        tau = float(stats.kendalltau(phase, values).statistic)
        if lower_is_better:
            tau = -tau
    tau = 0.0 if tau == 0 else tau  # no negative zero
    se = math.sqrt(2 * (1 - tau**2) / (n_a + n_b))
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    result.update(
        tau=round(tau, 12),
        se=se,
        ci_low=max(-1.0, tau - z * se),
        ci_high=min(1.0, tau + z * se),
    )
    return result


# --------------------------------------------------------------------------------------------
# judging the change


def judge_change(
    baseline_mean: float,
    treatment_mean: float,
    *,
    lower_is_better: bool = True,
    thresholds: dict[str, float] | None = None,
) -> tuple[str, str]:
    """Judge a change in mean pain against the clinical thresholds.

    Parameters
    ----------
    baseline_mean, treatment_mean : float
        Phase means on the 0-10 scale.
    lower_is_better : bool, default True
    thresholds : dict, optional
        Overrides of :data:`CLINICAL_THRESHOLDS`.

    Returns
    -------
    (category, sentence)
        ``category`` is one of "substantial improvement", "moderate improvement",
        "minimal improvement", "no important change", "minimal worsening", "moderate
        worsening", "substantial worsening"; ``sentence`` says why, with the numbers.

    Examples
    --------
    >>> judge_change(6.0, 4.0)[0]
    'moderate improvement'
    >>> judge_change(6.0, 2.5)[0]
    'substantial improvement'
    >>> judge_change(5.0, 5.2)[0]
    'no important change'
    """
    limits = {**CLINICAL_THRESHOLDS, **(thresholds or {})}
    better = (
        (baseline_mean - treatment_mean) if lower_is_better else (treatment_mean - baseline_mean)
    )
    pct = 100 * better / abs(baseline_mean) if baseline_mean else math.nan
    size = abs(better)
    size_pct = abs(pct) if not math.isnan(pct) else math.nan

    def at_least(pct_limit: float | None, points_limit: float | None = None) -> bool:
        by_pct = pct_limit is not None and not math.isnan(size_pct) and size_pct >= pct_limit
        by_points = points_limit is not None and size >= points_limit
        return by_pct or by_points

    if at_least(limits["substantial_pct"]):
        level = "substantial"
    elif at_least(limits["moderate_pct"], limits["moderate_points"]):
        level = "moderate"
    elif at_least(limits["minimal_pct"]):
        level = "minimal"
    else:
        level = None
    pct_text = "" if math.isnan(pct) else f" ({abs(pct):.0f}% of the baseline mean)"
    direction = "better" if better > 0 else "worse"
    if level is None:
        category = "no important change"
        sentence = (
            f"The mean changed by {size:.1f} points{pct_text}, less than the "
            f"{limits['minimal_pct']:.0f}% that counts as a minimally important change."
        )
    else:
        category = f"{level} {'improvement' if better > 0 else 'worsening'}"
        rule = {
            "substantial": f"at least {limits['substantial_pct']:.0f}%",
            "moderate": (
                f"at least {limits['moderate_points']:.0f} points or {limits['moderate_pct']:.0f}%"
            ),
            "minimal": f"at least {limits['minimal_pct']:.0f}%",
        }[level]
        sentence = (
            f"The mean is {size:.1f} points {direction}{pct_text}: a {level} change by the "
            f"IMMPACT/Farrar thresholds ({rule})."
        )
    return category, sentence


# --------------------------------------------------------------------------------------------
# the comparison


@dataclass(frozen=True)
class PhaseComparison:
    """The result of :func:`compare_phases`.

    Effect sizes are signed so that positive means phase B is *better* in the direction
    given by ``lower_is_better``. ``change`` is the raw difference ``mean_b - mean_a``.

    Attributes
    ----------
    outcome : str
        The column compared (e.g. ``"pain"``).
    lower_is_better : bool
    direction : str
        ``"lower is better"`` or ``"higher is better"``.
    per : {"day", "entry", "observation"}
        What one observation is: a daily mean, a single entry, or an element of a sequence.
    intervention : str or None
    start, end : Timestamp or label
        First observation of B; end of B (exclusive) or None.
    a, b : Series
        The baseline and treatment observations, indexed by date (or position).
    mean_a, mean_b, change, change_pct : float
        Phase means, ``mean_b - mean_a`` and that change in % of ``mean_a``.
    nap, nap_ci : float, (float, float)
    tau, tau_ci : float, (float, float)
    tau_bc, tau_bc_ci : float, (float, float)
        Baseline-corrected Tau (Tarlow 2017) and its interval.
    trend_corrected : bool
        Whether the baseline trend was removed for ``tau_bc``.
    baseline_trend_tau, baseline_trend_p : float
        Kendall's tau of the baseline against time and its p value (for pain, negative means
        the pain was already falling).
    baseline_slope : float
        Theil-Sen slope of the baseline, per day (per observation for sequences).
    tau_u : float
        Tau-U (A vs B minus baseline trend; Parker et al. 2011), for comparison.
    lag1_autocorrelation : float
        Lag-1 autocorrelation within phases (each phase's mean removed).
    clinical_category, clinical_text : str
        See :func:`judge_change`.
    excluded : int
        Observations of B left out as wash-in.
    confidence : float
    warnings : tuple of str
    """

    outcome: str
    lower_is_better: bool
    direction: str
    per: str
    intervention: str | None
    start: Any
    end: Any
    a: pd.Series = field(repr=False)
    b: pd.Series = field(repr=False)
    mean_a: float
    mean_b: float
    change: float
    change_pct: float
    nap: float
    nap_ci: tuple[float, float]
    tau: float
    tau_ci: tuple[float, float]
    tau_bc: float
    tau_bc_ci: tuple[float, float]
    trend_corrected: bool
    baseline_trend_tau: float
    baseline_trend_p: float
    baseline_slope: float
    tau_u: float
    lag1_autocorrelation: float
    clinical_category: str
    clinical_text: str
    excluded: int
    confidence: float
    warnings: tuple[str, ...] = ()

    @property
    def n_a(self) -> int:
        """Number of baseline observations."""
        return len(self.a)

    @property
    def n_b(self) -> int:
        """Number of treatment observations."""
        return len(self.b)

    def pair_matrix(self) -> pd.DataFrame:
        """The comparison matrix behind NAP for these phases (see :func:`pair_matrix`)."""
        return pair_matrix(self.a, self.b, lower_is_better=self.lower_is_better)

    def to_frame(self) -> pd.DataFrame:
        """The measures as a table: ``measure``, ``estimate``, ``ci_low``, ``ci_high``, ``meaning``."""
        level = f"{100 * self.confidence:.0f}%"
        better = "lower" if self.lower_is_better else "higher"
        rows = [
            ("mean A (baseline)", self.mean_a, math.nan, math.nan, f"{self.n_a} {self.per}s"),
            ("mean B (treatment)", self.mean_b, math.nan, math.nan, f"{self.n_b} {self.per}s"),
            ("change B - A", self.change, math.nan, math.nan, f"{better} is better"),
            ("change %", self.change_pct, math.nan, math.nan, self.clinical_category),
            (
                "NAP",
                self.nap,
                *self.nap_ci,
                f"share of A-B pairs where B is better ({level} CI); 0.5 = no difference",
            ),
            ("Tau", self.tau, *self.tau_ci, "2 NAP - 1; 0 = no difference, 1 = no overlap"),
            (
                "Tau-BC",
                self.tau_bc,
                *self.tau_bc_ci,
                "baseline-corrected Tau (Tarlow 2017)"
                + ("; baseline trend removed" if self.trend_corrected else "; no trend removed"),
            ),
            ("Tau-U", self.tau_u, math.nan, math.nan, "Tau minus baseline trend (Parker 2011)"),
        ]
        return pd.DataFrame(rows, columns=["measure", "estimate", "ci_low", "ci_high", "meaning"])

    def summary(self) -> str:
        """The comparison in a few plain sentences, with the warnings."""
        what = self.intervention or "the intervention"
        unit = f"{self.per}s"
        pct = "" if math.isnan(self.change_pct) else f", {self.change_pct:+.0f}%"
        lines = [
            f"Before {what}: mean {self.outcome} {self.mean_a:.1f} over {self.n_a} {unit}; "
            f"after: {self.mean_b:.1f} over {self.n_b} {unit} (change {self.change:+.1f} "
            f"points{pct}; {self.direction}).",
            self.clinical_text,
            f"In {100 * self.nap:.0f}% of all before-after pairs the 'after' value was better "
            f"(NAP {self.nap:.2f}, {100 * self.confidence:.0f}% CI {self.nap_ci[0]:.2f} to "
            f"{self.nap_ci[1]:.2f}; Tau {self.tau:.2f}). After allowing for a baseline trend, "
            f"Tau-BC is {self.tau_bc:.2f} ({self.tau_bc_ci[0]:.2f} to {self.tau_bc_ci[1]:.2f}).",
        ]
        lines.extend(self.warnings)
        return "\n".join(lines)


def _phase_series(data, *, column: str, per: str) -> tuple[pd.Series, pd.DataFrame | None, str]:
    """The outcome as a Series (by date, or by position) and the entries it came from."""
    if isinstance(data, pd.DataFrame) or hasattr(data, "entries"):
        entries = _as_entries(data)
        purpose = "compare_phases"
        _require(entries, [column], purpose=purpose)
        ts = _timestamps(entries, purpose=purpose)
        values = pd.Series(_numeric(entries, column), index=pd.DatetimeIndex(ts), name=column)
        return values, entries, ("day" if per == "day" else "entry")
    if isinstance(data, pd.Series):
        series = pd.Series(
            data.to_numpy(dtype=float, na_value=np.nan), index=data.index, name=data.name
        )
        if isinstance(series.index, pd.DatetimeIndex):
            return series, None, ("day" if per == "day" else "entry")
        return series, None, "observation"
    try:
        values = np.asarray(data, dtype=float)
    except (TypeError, ValueError):
        msg = (
            f"compare_phases needs journal entries, a Series or a sequence of numbers, "
            f"got {type(data).__name__}"
        )
        raise AnalysisError(msg) from None
    return pd.Series(values, name=column), None, "observation"


def _intervention_start(entries: pd.DataFrame, intervention: str) -> pd.Timestamp:
    from sci_pain.journal import INTERVENTIONS

    _require(entries, ["interventions"], purpose=f"finding when {intervention!r} started")
    exploded = _multi(entries, "interventions")
    hits = exploded.index[exploded == intervention]
    if len(hits) == 0:
        import difflib

        found = sorted(set(exploded.unique()))
        close = difflib.get_close_matches(intervention, list(INTERVENTIONS), n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = (
            f"the journal never records the intervention {intervention!r}; recorded: "
            f"{', '.join(map(repr, found)) or 'none'}.{hint} Pass start= to say when it began."
        )
        raise AnalysisError(msg, column="interventions", available=entries.columns)
    ts = _timestamps(entries, purpose="compare_phases")
    return ts.loc[hits].min()


def _position(labels: pd.Index, label, name: str) -> int:
    """Position of the first observation at or after ``label`` in a sequence's index."""
    if pd.api.types.is_numeric_dtype(labels) and labels.is_monotonic_increasing:
        try:
            return int(np.searchsorted(labels.to_numpy(), label, side="left"))
        except (TypeError, ValueError):
            pass
    try:
        found = labels.get_loc(label)
    except KeyError:
        found = None
    if not isinstance(found, (int, np.integer)):
        msg = (
            f"{name} {label!r} is not a position or index label of the observations "
            f"(labels run from {labels[0]!r} to {labels[-1]!r})"
            if len(labels)
            else f"{name} {label!r} cannot be placed: there are no observations"
        )
        raise AnalysisError(msg)
    return int(found)


SHORT_BASELINE_DAYS = 14
"""A daily baseline shorter than this (two weeks, so every weekday at least twice) gets a
warning that it may not show the person's usual variation."""


def _rtm_warning(a: pd.Series, *, window: int, lower_is_better: bool) -> str | None:
    """Warn when the last window of the baseline was its worst (regression to the mean)."""
    if isinstance(a.index, pd.DatetimeIndex):
        span = (a.index.max() - a.index.min()).days + 1 if len(a) else 0
        if span < 2 * window:
            return None
        rolling = a.rolling(f"{window}D").mean()
        complete = a.index >= a.index.min() + pd.Timedelta(days=window - 1)
        windows = rolling[complete]
        unit = "days"
    else:
        if len(a) < 2 * window:
            return None
        windows = a.rolling(window).mean().dropna()
        unit = "observations"
    if windows.empty:
        return None
    last = float(windows.iloc[-1])
    worst = float(windows.max() if lower_is_better else windows.min())
    if not math.isclose(last, worst, abs_tol=1e-9):
        return None
    word = "highest" if lower_is_better else "lowest"
    return (
        f"Regression to the mean: the last {window} {unit} before the start were the worst "
        f"stretch of the baseline (mean {last:.1f}, {word} of any {window} {unit}, vs "
        f"{float(a.mean()):.1f} overall). People often start something new when pain peaks, "
        f"and pain tends to drift back toward its usual level anyway, so part of any "
        f"improvement may have happened without the intervention. A longer, stable baseline, "
        f"or stopping and restarting the intervention (A-B-A-B), tells more."
    )


def compare_phases(
    entries_or_series,
    *,
    start=None,
    end=None,
    intervention: str | None = None,
    column: str = "pain",
    lower_is_better: bool = True,
    per: Literal["day", "entry"] = "day",
    baseline_days: int | None = None,
    washin_days: int = 0,
    confidence: float = 0.95,
    trend_pretest_alpha: float | None = 0.05,
    rtm_window: int = 7,
    thresholds: dict[str, float] | None = None,
) -> PhaseComparison:
    """Compare a baseline phase (A) with a phase after an intervention started (B).

    Parameters
    ----------
    entries_or_series : DataFrame, Journal, Series or sequence of numbers
        Journal entries (``timestamp`` and ``column``); or a Series indexed by date; or a
        plain Series or sequence of observations in time order (then ``start`` is the
        position or index label of the first B observation).
    start : date-like or label, optional
        When phase B starts (a date, "2026-03-15", or for sequences a position). If omitted,
        the first entry that records ``intervention`` in its ``interventions`` column.
    end : date-like or label, optional
        End of phase B (exclusive), e.g. when a trial stopped. Default: the last observation.
    intervention : str, optional
        What started (e.g. ``"tens"``); used to find ``start`` and in the wording.
    column : str, default "pain"
    lower_is_better : bool, default True
        The direction of improvement: True for pain. Effect sizes are signed so that
        positive means better in this direction.
    per : {"day", "entry"}, default "day"
        For dated data: compare daily means (default; days are the unit of a diary, and a
        day with many entries would otherwise weigh more), or single entries.
    baseline_days : int, optional
        Use only this many days (observations, for sequences) before ``start`` as the
        baseline. Default: everything before ``start``.
    washin_days : int, default 0
        Leave out the first days of B (e.g. a botulinum-toxin injection takes days to act).
    confidence : float, default 0.95
    trend_pretest_alpha : float or None, default 0.05
        Baseline trend test level for Tau-BC (None: always remove the baseline trend).
    rtm_window : int, default 7
        Window (days, or observations) for the regression-to-the-mean check.
    thresholds : dict, optional
        Overrides of :data:`CLINICAL_THRESHOLDS`.

    Returns
    -------
    PhaseComparison

    Raises
    ------
    AnalysisError
        If ``start`` is missing and cannot be found, a column is missing, or a phase is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> days = pd.date_range("2026-03-01", periods=20, freq="D")
    >>> pain = [6, 7, 6, 5, 7, 6, 6, 7, 6, 6, 4, 3, 4, 4, 3, 4, 3, 4, 4, 3]
    >>> entries = pd.DataFrame({"timestamp": days, "pain": pain})
    >>> r = compare_phases(entries, start="2026-03-11", intervention="tens")
    >>> r.direction, round(r.change, 1), r.clinical_category, r.nap
    ('lower is better', -2.6, 'moderate improvement', 1.0)
    """
    if per not in ("day", "entry"):
        msg = f"per must be 'day' or 'entry', got {per!r}"
        raise AnalysisError(msg)
    if not 0 < confidence < 1:
        msg = f"confidence must be between 0 and 1, got {confidence!r}"
        raise AnalysisError(msg)
    series, entries, unit = _phase_series(entries_or_series, column=column, per=per)
    series = series.dropna()
    dated = isinstance(series.index, pd.DatetimeIndex)
    if start is None:
        if intervention is None or entries is None:
            msg = (
                "compare_phases needs start= (when phase B begins), or journal entries and "
                "intervention= so that the start can be found in the 'interventions' column"
            )
            raise AnalysisError(msg)
        start = _intervention_start(entries, intervention)
    if dated:
        try:
            start = pd.Timestamp(start).normalize()
            end = None if end is None else pd.Timestamp(end).normalize()
        except (TypeError, ValueError):
            msg = f"start and end must be dates (e.g. '2026-03-15'), got {start!r} and {end!r}"
            raise AnalysisError(msg) from None
        if unit == "day":
            series = series.groupby(series.index.normalize()).mean()
            series.index.name = "date"
        series = series.sort_index()
        in_a = series.index < start
        if baseline_days is not None:
            in_a &= series.index >= start - pd.Timedelta(days=int(baseline_days))
        in_b = series.index >= start + pd.Timedelta(days=int(washin_days))
        excluded = int(((series.index >= start) & ~in_b).sum())
        if end is not None:
            in_b &= series.index < end
    else:
        position = np.arange(len(series))
        first_b = _position(series.index, start, "start")
        last_b = len(series) if end is None else _position(series.index, end, "end")
        in_a = position < first_b
        if baseline_days is not None:
            in_a &= position >= first_b - int(baseline_days)
        in_b = (position >= first_b + int(washin_days)) & (position < last_b)
        excluded = int(min(int(washin_days), max(last_b - first_b, 0)))
    a = series[in_a]
    b = series[in_b]
    if len(a) == 0 or len(b) == 0:
        span = (
            f"{series.index.min():%Y-%m-%d} to {series.index.max():%Y-%m-%d}"
            if dated and len(series)
            else f"{len(series)} observations"
        )
        msg = (
            f"both phases need observations, but the baseline has {len(a)} and the "
            f"treatment phase {len(b)} (data: {span}; start {start!r}"
            f"{'' if end is None else f', end {end!r}'}). Choose a start inside the data."
        )
        raise AnalysisError(msg)

    value = nap(a, b, lower_is_better=lower_is_better)
    ci = nap_ci(value, len(a), len(b), confidence=confidence)
    if dated:
        origin = a.index.min()
        time_a = ((a.index - origin) / pd.Timedelta(days=1)).to_numpy(dtype=float)
        time_b = ((b.index - origin) / pd.Timedelta(days=1)).to_numpy(dtype=float)
    else:
        pos = pd.Series(np.arange(len(series)), index=series.index)
        time_a = pos[in_a].to_numpy(dtype=float)
        time_b = pos[in_b].to_numpy(dtype=float)
    bc = baseline_corrected_tau(
        a.to_numpy(),
        b.to_numpy(),
        lower_is_better=lower_is_better,
        time_a=time_a,
        time_b=time_b,
        pretest_alpha=trend_pretest_alpha,
        confidence=confidence,
    )
    mean_a, mean_b = float(a.mean()), float(b.mean())
    change = mean_b - mean_a
    change_pct = 100 * change / abs(mean_a) if mean_a else math.nan
    category, sentence = judge_change(
        mean_a, mean_b, lower_is_better=lower_is_better, thresholds=thresholds
    )
    residuals = pd.concat([a - a.mean(), b - b.mean()])
    if dated:
        residuals = residuals.asfreq("D") if unit == "day" else residuals
    lag1 = autocorrelation(residuals.to_numpy(dtype=float))

    warnings: list[str] = []
    if len(a) < 5 or len(b) < 5:
        warnings.append(
            f"Few observations ({len(a)} before, {len(b)} after): single-case standards ask "
            f"for at least 5 per phase (Kratochwill et al. 2010), and the intervals are wide."
        )
    elif dated and unit == "day" and len(a) < SHORT_BASELINE_DAYS:
        warnings.append(
            f"Short baseline: only {len(a)} days before the start (under two weeks). It may "
            f"not show this person's usual ups and downs, including differences between "
            f"weekdays, so a change after the start is hard to judge; a longer, stable "
            f"baseline helps."
        )
    trend_p = bc["trend_p"]
    if not math.isnan(trend_p) and trend_p < 0.05:
        improving = (bc["trend_tau"] < 0) == lower_is_better
        warnings.append(
            f"The baseline already had a trend (Kendall's tau {bc['trend_tau']:.2f}, "
            f"p = {trend_p:.3f}): {column} was "
            f"{'improving' if improving else 'getting worse'} before the start. Tau-BC "
            f"({bc['tau']:.2f}) removes this trend; trust it more than NAP and Tau here."
        )
    if not math.isnan(lag1) and lag1 > 0.2:
        warnings.append(
            f"Autocorrelation: consecutive {unit}s are alike (lag-1 r = {lag1:.2f}). NAP, Tau "
            f"and their intervals assume independent observations, so the intervals are too "
            f"narrow and the effect can look more certain than it is."
        )
    rtm = _rtm_warning(a, window=rtm_window, lower_is_better=lower_is_better)
    if rtm:
        warnings.append(rtm)
    if intervention is not None and entries is not None and "interventions" in entries.columns:
        ts = _timestamps(entries, purpose="compare_phases")
        exploded = _multi(entries, "interventions")
        used = ts.loc[exploded.index[exploded == intervention]]
        before = used[used.dt.normalize() < start] if dated else used.iloc[:0]
        if len(before):
            warnings.append(
                f"{intervention!r} was also recorded {len(before)} time(s) during the baseline, "
                f"so phase A is not free of it."
            )
    warnings.append(
        "An A-B comparison shows what changed, not why: something else that changed at the "
        "same time (season, medicines, activity, expectations) could explain it."
    )

    return PhaseComparison(
        outcome=column,
        lower_is_better=lower_is_better,
        direction="lower is better" if lower_is_better else "higher is better",
        per=unit,
        intervention=intervention,
        start=start,
        end=end,
        a=a,
        b=b,
        mean_a=mean_a,
        mean_b=mean_b,
        change=change,
        change_pct=change_pct,
        nap=value,
        nap_ci=ci,
        tau=round(2 * value - 1, 12),
        tau_ci=(2 * ci[0] - 1, 2 * ci[1] - 1),
        tau_bc=bc["tau"],
        tau_bc_ci=(bc["ci_low"], bc["ci_high"]),
        trend_corrected=bc["corrected"],
        baseline_trend_tau=bc["trend_tau"],
        baseline_trend_p=bc["trend_p"],
        baseline_slope=bc["slope"],
        tau_u=tau_u(a, b, lower_is_better=lower_is_better),
        lag1_autocorrelation=lag1,
        clinical_category=category,
        clinical_text=sentence,
        excluded=excluded,
        confidence=confidence,
        warnings=tuple(warnings),
    )
