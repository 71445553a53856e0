"""Effect sizes for one person's before-and-after comparison: NAP, Tau, Tau-U, Tau-BC.

The statistics behind :func:`sci_pain.analysis.nof1.compare_phases` (see that module for the
references): the non-overlap of all pairs and its interval, Tau-U, the baseline-corrected Tau
with its Theil-Sen line, and the clinical judgement of a change in mean pain. Pairs are counted
without listing them, so long diaries stay fast.

Examples
--------
The worked example of non-overlap of all pairs (higher is better):

>>> round(nap([2, 3, 5, 3], [4, 5, 5, 7, 6], lower_is_better=False), 2)
0.9
"""

from __future__ import annotations

import math
import statistics
from typing import Any

import numpy as np
import pandas as pd

from sci_pain.errors import AnalysisError

__all__ = [
    "CLINICAL_THRESHOLDS",
    "baseline_corrected_tau",
    "judge_change",
    "nap",
    "nap_ci",
    "pair_matrix",
    "tau_u",
    "theil_sen",
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


def _normal_quantile(p: float) -> float:
    """Return the standard normal quantile (``scipy.stats.norm.ppf``), from the standard library."""
    return statistics.NormalDist().inv_cdf(p)


def _kendall_p_exact(n: int, c: int) -> float:
    """Return the exact two-sided p-value of Kendall's tau without ties, ``c`` discordant pairs.

    Kendall (1970)'s recursion for the number of permutations with at most ``c``
    inversions, as SciPy's ``kendalltau`` computes it for up to 33 observations.
    """
    c = min(c, n * (n - 1) // 2 - c)
    if n <= 2:
        return 1.0
    if c == 0:
        return 2.0 / math.factorial(n) if n < 171 else 0.0
    if c == 1:
        return 2.0 / math.factorial(n - 1) if n < 172 else 0.0
    if 4 * c == n * (n - 1):
        return 1.0
    new = np.zeros(c + 1)
    new[0:2] = 1.0
    for j in range(3, n + 1):
        new = np.cumsum(new) if n < 171 else np.cumsum(new) / j
        if j <= c:
            new[j:] -= new[: c + 1 - j]
    prob = 2.0 * np.sum(new) / math.factorial(n) if n < 171 else np.sum(new)
    return float(np.clip(prob, 0, 1))


def _tie_stats(codes: np.ndarray) -> tuple[int, int, int]:
    counts = np.bincount(codes).astype(np.int64)
    counts = counts[counts > 1]
    return (
        int((counts * (counts - 1) // 2).sum()),
        int((counts * (counts - 1.0) * (counts - 2)).sum()),
        int((counts * (counts - 1.0) * (2 * counts + 5)).sum()),
    )


def _kendall_tau(x, y) -> tuple[float, float]:
    """Return Kendall's tau-b and its two-sided p-value: ``scipy.stats.kendalltau(x, y)``.

    The same rules as SciPy (exact p-value without ties up to 33 observations, else the
    normal approximation with the tie-corrected variance), so that the report does not need
    SciPy; a test compares the two on many inputs.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    size = x.size
    _, y_codes = np.unique(y, return_inverse=True)
    _, x_codes = np.unique(x, return_inverse=True)
    order = np.lexsort((y_codes, x_codes))  # by x, equal x by y: those pairs never count
    xs, ys = x_codes[order], y_codes[order]
    dis = _inversions(ys)
    joint = np.r_[True, (xs[1:] != xs[:-1]) | (ys[1:] != ys[:-1]), True]
    runs = np.diff(np.nonzero(joint)[0]).astype(np.int64)
    ntie = int((runs * (runs - 1) // 2).sum())
    xtie, x0, x1 = _tie_stats(x_codes)
    ytie, y0, y1 = _tie_stats(y_codes)
    tot = size * (size - 1) // 2
    if xtie == tot or ytie == tot:
        return math.nan, math.nan
    con_minus_dis = tot - xtie - ytie + ntie - 2 * dis
    tau = con_minus_dis / np.sqrt(tot - xtie) / np.sqrt(tot - ytie)
    tau = float(min(1.0, max(-1.0, tau)))
    if xtie == 0 and ytie == 0 and (size <= 33 or min(dis, tot - dis) <= 1):
        return tau, _kendall_p_exact(size, tot - dis)
    m = size * (size - 1.0)
    var = (
        (m * (2 * size + 5) - x1 - y1) / 18 + (2 * xtie * ytie) / m + x0 * y0 / (9 * m * (size - 2))
    )
    z = con_minus_dis / math.sqrt(var)
    return tau, float(min(1.0, math.erfc(abs(z) / math.sqrt(2))))


# Below this many observations the slopes of all pairs are listed (as SciPy does): fast and
# small. Above it the median slope is found by counting (see _theil_sen_slope).
_ALL_PAIRS_LIMIT = 1500


def _theil_sen_slope(values: np.ndarray, times: np.ndarray) -> float:
    """Return the Theil-Sen slope, ``scipy.stats.theilslopes(values, times).slope``.

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
    """Return the sorted slopes in ``[low, high)``, from pairs close in one order.

    Only pairs at most ``most`` places apart in the order of ``values - low * times`` are
    looked at. A pair whose slope lies in the interval changes order between the interval's
    ends, and so does every observation between the two: with ``most`` such pairs in all, the
    pair is at most ``most`` places apart.
    """
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
    """Return the k-th smallest (0-based) of the pairwise slopes over pairs with distinct times.

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


def _all_slopes(values: np.ndarray, times: np.ndarray) -> np.ndarray:
    """Return the slopes (later minus earlier) of all pairs with distinct times, unordered.

    The same values as SciPy's ``deltay[deltax > 0] / deltax[deltax > 0]``, built one gap
    in time order at a time instead of from two n x n matrices (a quarter of the memory).
    """
    order = np.argsort(times, kind="stable")
    v, t = values[order], times[order]
    parts = []
    for gap in range(1, v.size):
        dt = t[gap:] - t[:-gap]
        dv = v[gap:] - v[:-gap]
        later = dt > 0
        parts.append(dv[later] / dt[later] if not later.all() else dv / dt)
    return np.concatenate(parts) if parts else np.empty(0)


# The interval needs three order statistics, each a search when the pairs are not listed:
# listing them stays faster (and bit-for-bit SciPy's) up to about five and a half years of
# days, at about 100 MB for the longest.
_INTERVAL_ALL_PAIRS_LIMIT = 2000


def _sen_ranks(values: np.ndarray, times: np.ndarray, n_pairs: int, z: float):
    """Return the ranks (0-based) of Sen's (1968) interval ends among the pairwise slopes."""
    n = values.size
    _, time_ties = np.unique(times, return_counts=True)
    _, value_ties = np.unique(values, return_counts=True)
    sigsq = (
        n * (n - 1) * (2 * n + 5)
        - sum(int(k) * (k - 1) * (2 * k + 5) for k in time_ties if k > 1)
        - sum(int(k) * (k - 1) * (2 * k + 5) for k in value_ties if k > 1)
    ) / 18.0
    if sigsq < 0:
        return None
    sigma = math.sqrt(sigsq)
    upper = min(int(np.round((n_pairs - z * sigma) / 2.0)), n_pairs - 1)
    lower = max(int(np.round((n_pairs + z * sigma) / 2.0)) - 1, 0)
    return (lower, upper) if upper >= 0 else None


def theil_sen(values, times, *, confidence: float = 0.95) -> tuple[float, float, float]:
    """Return the Theil-Sen slope with Sen's (1968) confidence interval.

    The slope is the median of the slopes between all pairs of observations with distinct
    times; the interval's ends are the order statistics of those slopes that Sen's equation
    2.6 picks (from the variance of Kendall's S with ties). The numbers are those of
    ``scipy.stats.theilslopes(values, times, alpha=confidence)`` (tested equal), found
    without SciPy; above 2,000 observations without listing every pair (then equal up to
    the last digit or so, when slopes of different pairs tie).

    Parameters
    ----------
    values, times : sequence of numbers
        Observations and when they were made.
    confidence : float, default 0.95

    Returns
    -------
    tuple of float
        ``(slope, low, high)``; NaN when no two observations have distinct times.

    Examples
    --------
    >>> slope, low, high = theil_sen([1, 2, 2, 4, 5, 5, 7], [0, 1, 2, 3, 4, 5, 6])
    >>> slope, bool(low <= slope <= high)
    (1.0, True)
    """
    values = np.asarray(values, dtype=float)
    times = np.asarray(times, dtype=float)
    alpha = 1.0 - confidence if confidence > 0.5 else confidence
    n_pairs = values.size * (values.size - 1) // 2 - _tie_pairs(times)
    if n_pairs <= 0:
        return math.nan, math.nan, math.nan
    ranks = _sen_ranks(values, times, n_pairs, _normal_quantile(alpha / 2.0))
    if values.size <= max(_ALL_PAIRS_LIMIT, _INTERVAL_ALL_PAIRS_LIMIT):
        slopes = _all_slopes(values, times)
        middle = sorted({(slopes.size - 1) // 2, slopes.size // 2})
        wanted = sorted(set(middle) | set(ranks or ()))
        slopes.partition(wanted)  # one partial sort for the median and the interval's ends
        slope = float(np.mean(slopes[middle]))  # np.median's arithmetic
        if ranks is None:
            return slope, math.nan, math.nan
        return slope, float(slopes[ranks[0]]), float(slopes[ranks[1]])
    slope = _theil_sen_slope(values, times)
    if ranks is None:
        return slope, math.nan, math.nan
    return slope, _kth_slope(values, times, ranks[0]), _kth_slope(values, times, ranks[1])


def pair_matrix(a, b, *, lower_is_better: bool = True) -> pd.DataFrame:
    """Return the comparison matrix behind NAP: every baseline value against every treatment value.

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


def _root(function, low: float, high: float) -> float:
    """Return the root of ``function`` between ``low`` and ``high`` (signs differ at the ends).

    Bisection to the last floating-point digit: the root ``scipy.optimize.brentq`` finds
    (within its tolerance of 2e-12), without SciPy.
    """
    f_low = function(low)
    if f_low == 0:
        return low
    if function(high) == 0:
        return high
    for _ in range(200):
        middle = (low + high) / 2
        if not low < middle < high:
            break
        f_middle = function(middle)
        if f_middle == 0:
            return middle
        if (f_middle < 0) == (f_low < 0):
            low, f_low = middle, f_middle
        else:
            high = middle
    return (low + high) / 2


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
    if n_a < 1 or n_b < 1:
        return (math.nan, math.nan)
    z = _normal_quantile(1 - (1 - confidence) / 2)
    h = (n_a + n_b) / 2 - 1

    def score(theta: float) -> float:
        # Newcombe's equation divided by theta (1 - theta), so that the trivial roots at
        # 0 and 1 disappear and the interval's ends are the only roots in (0, 1).
        return n_a * n_b * (value - theta) ** 2 * (2 - theta) * (1 + theta) / (
            theta * (1 - theta)
        ) - z**2 * (2 + h + (1 + 2 * h) * theta * (1 - theta))

    eps = 1e-12
    low = _root(score, eps, min(value, 1 - eps)) if value > 0 else 0.0
    high = _root(score, max(value, eps), 1 - eps) if value < 1 else 1.0
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
        result["trend_tau"], result["trend_p"] = _kendall_tau(t_a, a)
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
        tau = _kendall_tau(phase, values)[0]
        if lower_is_better:
            tau = -tau
    tau = 0.0 if tau == 0 else tau  # no negative zero
    se = math.sqrt(2 * (1 - tau**2) / (n_a + n_b))
    z = _normal_quantile(1 - (1 - confidence) / 2)
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
