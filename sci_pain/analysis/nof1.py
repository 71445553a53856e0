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
from sci_pain.analysis._entries import check_choice, check_confidence
from sci_pain.analysis._entries import multi_values as _multi
from sci_pain.analysis._entries import numeric as _numeric
from sci_pain.analysis._entries import require_columns as _require
from sci_pain.analysis._entries import timestamps as _timestamps
from sci_pain.analysis.links import autocorrelation
from sci_pain.analysis.nof1_stats import (
    baseline_corrected_tau,
    judge_change,
    nap,
    nap_ci,
    pair_matrix,
    tau_u,
)
from sci_pain.errors import AnalysisError, did_you_mean

__all__ = [
    "MIN_PHASE_DAYS",
    "REGULAR_SHARE",
    "PhaseComparison",
    "SHORT_BASELINE_DAYS",
    "compare_phases",
    "intervention_starts",
]

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
        """Return the comparison matrix behind NAP for these phases (see :func:`pair_matrix`)."""
        return pair_matrix(self.a, self.b, lower_is_better=self.lower_is_better)

    def to_frame(self) -> pd.DataFrame:
        """Return the measures as a table: measure, estimate, ci_low, ci_high, meaning."""
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
        """Return the comparison in a few plain sentences, with the warnings."""
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
    """Return the outcome as a Series (by date, or by position) and the entries it came from."""
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
        found = sorted(set(exploded.unique()))
        hint = did_you_mean(intervention, INTERVENTIONS)
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
    _check_options(per, confidence)
    series, entries, unit = _phase_series(entries_or_series, column=column, per=per)
    series = series.dropna()
    if start is None:
        start = _start_from_journal(entries, intervention)
    phases = _split_phases(
        series,
        start=start,
        end=end,
        unit=unit,
        baseline_days=baseline_days,
        washin_days=washin_days,
    )
    a, b = phases.a, phases.b
    value = nap(a, b, lower_is_better=lower_is_better)
    ci = nap_ci(value, len(a), len(b), confidence=confidence)
    time_a, time_b = _phase_times(phases)
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
    category, sentence = judge_change(
        mean_a, mean_b, lower_is_better=lower_is_better, thresholds=thresholds
    )
    lag1 = _lag1_within_phases(phases, unit)
    warnings = [
        *_size_warnings(phases, unit),
        *_trend_warnings(bc, column=column, lower_is_better=lower_is_better),
        *_autocorrelation_warnings(lag1, unit),
        *_rtm_warnings(a, window=rtm_window, lower_is_better=lower_is_better),
        *_baseline_use_warnings(entries, intervention, phases),
        "An A-B comparison shows what changed, not why: something else that changed at the "
        "same time (season, medicines, activity, expectations) could explain it.",
    ]
    return PhaseComparison(
        outcome=column,
        lower_is_better=lower_is_better,
        direction="lower is better" if lower_is_better else "higher is better",
        per=unit,
        intervention=intervention,
        start=phases.start,
        end=phases.end,
        a=a,
        b=b,
        mean_a=mean_a,
        mean_b=mean_b,
        change=change,
        change_pct=100 * change / abs(mean_a) if mean_a else math.nan,
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
        excluded=phases.excluded,
        confidence=confidence,
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------------------------
# the steps of compare_phases


def _check_options(per: str, confidence: float) -> None:
    """Raise AnalysisError for an unknown ``per`` or a confidence outside (0, 1)."""
    check_choice("per", per, ("day", "entry"))
    check_confidence(confidence)


def _start_from_journal(entries: pd.DataFrame | None, intervention: str | None) -> pd.Timestamp:
    """When ``intervention`` was first recorded; the error says what to pass instead."""
    if intervention is None or entries is None:
        msg = (
            "compare_phases needs start= (when phase B begins), or journal entries and "
            "intervention= so that the start can be found in the 'interventions' column"
        )
        raise AnalysisError(msg)
    return _intervention_start(entries, intervention)


@dataclass(frozen=True)
class _Phases:
    """The observations cut into phases: A (baseline) and B (treatment), with their masks."""

    series: pd.Series
    in_a: np.ndarray
    in_b: np.ndarray
    start: Any
    end: Any
    excluded: int

    @property
    def dated(self) -> bool:
        return isinstance(self.series.index, pd.DatetimeIndex)

    @property
    def a(self) -> pd.Series:
        return self.series[self.in_a]

    @property
    def b(self) -> pd.Series:
        return self.series[self.in_b]


def _split_phases(series: pd.Series, *, start, end, unit, baseline_days, washin_days) -> _Phases:
    """Cut the observations at ``start`` (and ``end``); both phases must hold observations."""
    if isinstance(series.index, pd.DatetimeIndex):
        phases = _split_dated(series, start, end, unit, baseline_days, washin_days)
    else:
        phases = _split_sequence(series, start, end, baseline_days, washin_days)
    n_a, n_b = int(phases.in_a.sum()), int(phases.in_b.sum())
    if n_a == 0 or n_b == 0:
        series, start, end = phases.series, phases.start, phases.end
        span = (
            f"{series.index.min():%Y-%m-%d} to {series.index.max():%Y-%m-%d}"
            if phases.dated and len(series)
            else f"{len(series)} observations"
        )
        msg = (
            f"both phases need observations, but the baseline has {n_a} and the "
            f"treatment phase {n_b} (data: {span}; start {start!r}"
            f"{'' if end is None else f', end {end!r}'}). Choose a start inside the data."
        )
        raise AnalysisError(msg)
    return phases


def _split_dated(series, start, end, unit, baseline_days, washin_days) -> _Phases:
    """Phases of dated observations (daily means when ``unit`` is "day")."""
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
    return _Phases(series, in_a, in_b, start, end, excluded)


def _split_sequence(series, start, end, baseline_days, washin_days) -> _Phases:
    """Phases of a plain sequence, cut at positions or index labels."""
    position = np.arange(len(series))
    first_b = _position(series.index, start, "start")
    last_b = len(series) if end is None else _position(series.index, end, "end")
    in_a = position < first_b
    if baseline_days is not None:
        in_a &= position >= first_b - int(baseline_days)
    in_b = (position >= first_b + int(washin_days)) & (position < last_b)
    excluded = int(min(int(washin_days), max(last_b - first_b, 0)))
    return _Phases(series, in_a, in_b, start, end, excluded)


def _phase_times(phases: _Phases) -> tuple[np.ndarray, np.ndarray]:
    """Return the times of the A and B observations: days since the first A day, or positions."""
    a, b = phases.a, phases.b
    if phases.dated:
        origin = a.index.min()
        time_a = ((a.index - origin) / pd.Timedelta(days=1)).to_numpy(dtype=float)
        time_b = ((b.index - origin) / pd.Timedelta(days=1)).to_numpy(dtype=float)
        return time_a, time_b
    pos = pd.Series(np.arange(len(phases.series)), index=phases.series.index)
    return pos[phases.in_a].to_numpy(dtype=float), pos[phases.in_b].to_numpy(dtype=float)


def _lag1_within_phases(phases: _Phases, unit: str) -> float:
    """Lag-1 autocorrelation with each phase's mean removed (calendar days kept for daily data)."""
    a, b = phases.a, phases.b
    residuals = pd.concat([a - a.mean(), b - b.mean()])
    if phases.dated and unit == "day":
        residuals = residuals.asfreq("D")
    return autocorrelation(residuals.to_numpy(dtype=float))


def _size_warnings(phases: _Phases, unit: str) -> list[str]:
    """Too few observations in a phase, or a daily baseline under two weeks."""
    n_a, n_b = len(phases.a), len(phases.b)
    if n_a < 5 or n_b < 5:
        return [
            f"Few observations ({n_a} before, {n_b} after): single-case standards ask "
            f"for at least 5 per phase (Kratochwill et al. 2010), and the intervals are wide."
        ]
    if phases.dated and unit == "day" and n_a < SHORT_BASELINE_DAYS:
        return [
            f"Short baseline: only {n_a} days before the start (under two weeks). It may "
            f"not show this person's usual ups and downs, including differences between "
            f"weekdays, so a change after the start is hard to judge; a longer, stable "
            f"baseline helps."
        ]
    return []


def _trend_warnings(bc: dict, *, column: str, lower_is_better: bool) -> list[str]:
    """Warn when the baseline was already improving or worsening (Kendall's test, p < 0.05)."""
    trend_p = bc["trend_p"]
    if math.isnan(trend_p) or trend_p >= 0.05:
        return []
    improving = (bc["trend_tau"] < 0) == lower_is_better
    return [
        f"The baseline already had a trend (Kendall's tau {bc['trend_tau']:.2f}, "
        f"p = {trend_p:.3f}): {column} was "
        f"{'improving' if improving else 'getting worse'} before the start. Tau-BC "
        f"({bc['tau']:.2f}) removes this trend; trust it more than NAP and Tau here."
    ]


def _autocorrelation_warnings(lag1: float, unit: str) -> list[str]:
    """Consecutive observations are alike (lag-1 r above 0.2)."""
    if math.isnan(lag1) or lag1 <= 0.2:
        return []
    return [
        f"Autocorrelation: consecutive {unit}s are alike (lag-1 r = {lag1:.2f}). NAP, Tau "
        f"and their intervals assume independent observations, so the intervals are too "
        f"narrow and the effect can look more certain than it is."
    ]


def _rtm_warnings(a: pd.Series, *, window: int, lower_is_better: bool) -> list[str]:
    """Return the regression-to-the-mean warning, if any, as a list."""
    rtm = _rtm_warning(a, window=window, lower_is_better=lower_is_better)
    return [rtm] if rtm else []


def _baseline_use_warnings(entries, intervention: str | None, phases: _Phases) -> list[str]:
    """Warn when the intervention was also recorded during the baseline."""
    if intervention is None or entries is None or "interventions" not in entries.columns:
        return []
    ts = _timestamps(entries, purpose="compare_phases")
    exploded = _multi(entries, "interventions")
    used = ts.loc[exploded.index[exploded == intervention]]
    before = used[used.dt.normalize() < phases.start] if phases.dated else used.iloc[:0]
    if not len(before):
        return []
    return [
        f"{intervention!r} was also recorded {len(before)} time(s) during the baseline, "
        f"so phase A is not free of it."
    ]


# --------------------------------------------------------------------------------------------
# which interventions have a clear start

MIN_PHASE_DAYS = 7
"""An intervention has a clear start only with at least this many rated days before and after."""

REGULAR_SHARE = 0.25
"""An intervention used again and again must be recorded on at least this share of the rated
days from its first use on; rarer use mixes days with and without it in the "after" phase."""

_STARTS_COLUMNS = {
    "start": "datetime64[ns]",  # in fact the unit of the journal's timestamps
    "days_used": "int64",
    "days_before": "int64",
    "days_after": "int64",
    "share": "float64",
    "one_off": "bool",
    "problem": "object",
    "clear": "bool",
}


def intervention_starts(
    entries,
    *,
    column: str = "pain",
    min_phase_days: int = MIN_PHASE_DAYS,
    regular_share: float = REGULAR_SHARE,
) -> pd.DataFrame:
    """Each recorded intervention: its first day, how it was used, and whether it has a clear start.

    A before-and-after comparison (:func:`compare_phases`) makes sense only for an
    intervention with a clear start: at least ``min_phase_days`` days with a rating before its
    first use and as many from it on, and, unless it was used once only, recorded on at least
    ``regular_share`` of the rated days since its first use.

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries with ``timestamp``, ``interventions`` and ``column``.
    column : str, default "pain"
        The rating whose days count as "days with ratings".
    min_phase_days : int, default :data:`MIN_PHASE_DAYS`
    regular_share : float, default :data:`REGULAR_SHARE`

    Returns
    -------
    DataFrame
        One row per intervention of the journal vocabulary that was recorded, in the
        vocabulary's order, indexed by ``intervention``: ``start`` (the first day it was
        recorded), ``days_used`` (days it was recorded), ``days_before`` and ``days_after``
        (days with a rating before ``start``, and from ``start`` on), ``share``
        (``days_used / days_after``, 0 without days after), ``one_off`` (recorded on one day
        only), ``problem`` (``"no_baseline"``: too few rated days before; ``"late_start"``: too
        few from it on; ``"irregular"``: used now and then; None: a clear start) and ``clear``
        (no problem). Empty without an ``interventions`` column.

    Raises
    ------
    AnalysisError
        If ``timestamp`` or ``column`` is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> days = pd.date_range("2026-03-01", periods=20, freq="D")
    >>> entries = pd.DataFrame(
    ...     {
    ...         "timestamp": days,
    ...         "pain": [5] * 20,
    ...         "interventions": [None] * 10 + ["tens"] * 10,
    ...     }
    ... )
    >>> starts = intervention_starts(entries)
    >>> starts[["start", "days_before", "days_after", "clear"]]
                      start  days_before  days_after  clear
    intervention
    tens         2026-03-11           10          10   True
    """
    from sci_pain.journal import INTERVENTIONS

    entries = _as_entries(entries)
    purpose = "finding when each intervention started"
    _require(entries, [column], purpose=purpose)
    ts = _timestamps(entries, purpose=purpose)
    days = ts.dt.normalize()
    dtypes = {**_STARTS_COLUMNS, "start": days.dtype}
    empty = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})
    empty.index.name = "intervention"
    if "interventions" not in entries.columns:
        return empty
    exploded = _multi(entries, "interventions")
    rated = pd.DatetimeIndex(days[entries[column].notna()].unique()).sort_values()
    rows = {}
    for name in INTERVENTIONS:
        used = pd.DatetimeIndex(days.loc[exploded.index[exploded == name]].unique()).sort_values()
        if len(used):
            rows[name] = _start_row(used, rated, min_phase_days, regular_share)
    if not rows:
        return empty
    table = pd.DataFrame.from_dict(rows, orient="index")[list(_STARTS_COLUMNS)]
    table["problem"] = pd.Series([row["problem"] for row in rows.values()], table.index, object)
    table.index.name = "intervention"
    return table


def _start_row(used: pd.DatetimeIndex, rated: pd.DatetimeIndex, min_days, regular) -> dict:
    """One row of :func:`intervention_starts`: the days an intervention was used, judged."""
    start = used[0]
    before = int((rated < start).sum())
    after = int((rated >= start).sum())
    share = len(used) / after if after else 0.0
    one_off = len(used) == 1
    if before < min_days:
        problem = "no_baseline"
    elif after < min_days:
        problem = "late_start"
    elif not one_off and share < regular:
        problem = "irregular"
    else:
        problem = None
    return {
        "start": start,
        "days_used": len(used),
        "days_before": before,
        "days_after": after,
        "share": share,
        "one_off": one_off,
        "problem": problem,
        "clear": problem is None,
    }
