"""Tests for sci_pain.analysis.nof1: worked examples, intervals, warnings, and the simulated trials."""

from __future__ import annotations

import io
import math
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from frames import make_entries
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import sci_pain as sp
from sci_pain.analysis import nof1
from sci_pain.analysis.core import AnalysisError

A = [2, 3, 5, 3]
B = [4, 5, 5, 7, 6]


def daily(pain, start="2026-03-01", **columns) -> pd.DataFrame:
    stamps = [f"{d:%Y-%m-%d} 09:00" for d in pd.date_range(start, periods=len(pain), freq="D")]
    return make_entries(stamps, pain, **columns)


# -- the worked example -------------------------------------------------------------------------


def test_worked_example_nap_and_tau_higher_is_better():
    assert nof1.nap(A, B, lower_is_better=False) == pytest.approx(0.90)
    result = nof1.compare_phases(A + B, start=len(A), lower_is_better=False)
    assert result.nap == pytest.approx(0.90)
    assert result.tau == pytest.approx(0.80)
    assert result.direction == "higher is better" and result.lower_is_better is False
    assert result.per == "observation" and (result.n_a, result.n_b) == (4, 5)
    assert result.mean_a == pytest.approx(3.25) and result.mean_b == pytest.approx(5.4)


def test_worked_example_for_pain_lower_is_better():
    # read as pain ratings, the same numbers got worse: NAP 0.10, Tau -0.80
    result = nof1.compare_phases(A + B, start=4)
    assert result.direction == "lower is better"
    assert result.nap == pytest.approx(0.10) and result.tau == pytest.approx(-0.80)
    assert result.clinical_category.endswith("worsening")


def test_pair_matrix_shows_every_pair_and_ties_count_half():
    matrix = nof1.pair_matrix(A, B, lower_is_better=False)
    assert matrix.shape == (4, 5)
    assert matrix.index.name == "A (baseline)" and matrix.columns.name == "B (treatment)"
    assert matrix.iloc[2].tolist() == [0.0, 0.5, 0.5, 1.0, 1.0]  # the baseline 5
    assert (matrix.to_numpy() == 0.5).sum() == 2
    assert matrix.to_numpy().mean() == pytest.approx(0.90)
    flipped = nof1.pair_matrix(A, B, lower_is_better=True)
    np.testing.assert_array_equal(flipped.to_numpy(), 1 - matrix.to_numpy())
    result = nof1.compare_phases(A + B, start=4, lower_is_better=False)
    pd.testing.assert_frame_equal(result.pair_matrix(), matrix)


def test_parker_vannest_2009_example():
    # Parker & Vannest (2009), reproduced in the SingleCaseES documentation: NAP = .96
    a = [4, 3, 4, 3, 4, 7, 5, 2, 3, 2]
    b = [5, 9, 7, 9, 7, 5, 9, 11, 11, 10, 9]
    assert nof1.nap(a, b, lower_is_better=False) == pytest.approx(106 / 110)
    assert round(nof1.nap(a, b, lower_is_better=False), 2) == 0.96


def test_trend_corrected_measures_on_a_continuing_line():
    # A = 1..5, B = 6..10: complete non-overlap, but B merely continues the baseline line
    a, b = [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]
    assert nof1.nap(a, b, lower_is_better=False) == 1.0
    assert nof1.tau_u(a, b, lower_is_better=False) == pytest.approx(0.6)
    corrected = nof1.baseline_corrected_tau(a, b, lower_is_better=False)
    assert corrected["corrected"] is True and corrected["tau"] == 0.0
    assert corrected["slope"] == pytest.approx(1.0) and corrected["intercept"] == pytest.approx(0)
    assert corrected["trend_p"] < 0.05


def test_baseline_corrected_tau_without_a_trend_is_kendalls_tau_b():
    a, b = [3, 3, 4, 5, 5, 2], [5, 6, 3, 2, 4, 4]
    result = nof1.baseline_corrected_tau(a, b, lower_is_better=False)
    assert result["corrected"] is False
    expected = stats.kendalltau([0] * 6 + [1] * 6, a + b).statistic
    assert result["tau"] == pytest.approx(expected)
    assert result["se"] == pytest.approx(math.sqrt(2 * (1 - expected**2) / 12))
    lower = nof1.baseline_corrected_tau(a, b, lower_is_better=True)
    assert lower["tau"] == pytest.approx(-result["tau"])
    assert lower["ci_low"] == pytest.approx(-result["ci_high"])
    forced = nof1.baseline_corrected_tau(a, b, lower_is_better=False, pretest_alpha=None)
    assert forced["corrected"] is True


# -- intervals --------------------------------------------------------------------------------


def newcombe(theta, value, m, n, z):
    """Newcombe's (2006) method 5 equation as published (roots at the interval's ends)."""
    h = (m + n) / 2 - 1
    return m * n * (value - theta) ** 2 * (2 - theta) * (1 + theta) - z**2 * theta * (1 - theta) * (
        2 + h + (1 + 2 * h) * theta * (1 - theta)
    )


@pytest.mark.parametrize(("value", "m", "n"), [(0.9, 4, 5), (0.5, 10, 10), (0.73, 7, 12)])
def test_nap_ci_solves_newcombes_equation(value, m, n):
    low, high = nof1.nap_ci(value, m, n)
    z = stats.norm.ppf(0.975)
    assert 0 < low < value < high < 1
    assert newcombe(low, value, m, n, z) == pytest.approx(0, abs=1e-6)
    assert newcombe(high, value, m, n, z) == pytest.approx(0, abs=1e-6)
    wider = nof1.nap_ci(value, m, n, confidence=0.99)
    assert wider[0] < low and wider[1] > high


def test_nap_ci_at_the_ends_and_symmetry():
    low, high = nof1.nap_ci(1.0, 5, 5)
    assert high == 1.0 and 0.5 < low < 1.0
    assert nof1.nap_ci(0.0, 5, 5) == pytest.approx((1 - high, 1 - low))
    low, high = nof1.nap_ci(0.8, 6, 9)
    assert nof1.nap_ci(0.2, 6, 9) == pytest.approx((1 - high, 1 - low))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 10), min_size=1, max_size=15),
    st.lists(st.integers(0, 10), min_size=1, max_size=15),
)
def test_nap_properties(a, b):
    higher = nof1.nap(a, b, lower_is_better=False)
    lower = nof1.nap(a, b, lower_is_better=True)
    assert 0 <= higher <= 1
    assert higher + lower == pytest.approx(1.0)
    assert nof1.nap(b, a, lower_is_better=False) == pytest.approx(lower)
    low, high = nof1.nap_ci(higher, len(a), len(b))
    assert 0 <= low <= higher <= high <= 1


# -- judging the change ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "category"),
    [
        (6.0, 2.5, "substantial improvement"),  # -58%
        (6.0, 4.0, "moderate improvement"),  # -2 points (33%)
        (8.0, 6.0, "moderate improvement"),  # -2 points although only 25%
        (5.0, 4.3, "minimal improvement"),  # -14%
        (5.0, 4.8, "no important change"),
        (4.0, 6.0, "substantial worsening"),  # +50%
        (5.0, 7.0, "moderate worsening"),
    ],
)
def test_judge_change(before, after, category):
    assert nof1.judge_change(before, after)[0] == category


def test_judge_change_direction_and_thresholds():
    assert nof1.judge_change(4.0, 6.5, lower_is_better=False)[0] == "substantial improvement"
    assert nof1.judge_change(6.0, 4.0, thresholds={"moderate_points": 3.0, "moderate_pct": 40.0})[
        0
    ] == ("minimal improvement")
    sentence = nof1.judge_change(6.0, 4.0)[1]
    assert "2.0 points" in sentence and "33%" in sentence and "moderate" in sentence


# -- comparing phases in a journal ----------------------------------------------------------------


def test_compare_phases_on_entries_finds_the_start_and_uses_days():
    pain = [6, 7, 6, 5, 7, 6, 6, 7, 6, 6, 4, 3, 4, 4, 3, 4, 3, 4, 4, 3]
    interventions = [None] * 10 + ["tens"] + [None, "tens"] * 4 + ["tens"]
    entries = daily(pain, interventions=interventions)
    extra = make_entries(["2026-03-11 20:00"], [5])  # a second entry on the first B day
    entries = pd.concat([entries, extra], ignore_index=True)
    before = entries.copy()
    result = nof1.compare_phases(entries, intervention="tens")
    pd.testing.assert_frame_equal(entries, before)
    assert result.start == pd.Timestamp("2026-03-11") and result.per == "day"
    assert (result.n_a, result.n_b) == (10, 10)
    assert result.b.iloc[0] == 4.5  # daily mean of 4 and 5
    assert result.mean_a == pytest.approx(6.2)
    assert result.change == pytest.approx(result.mean_b - 6.2)
    assert result.nap == 1.0 and result.tau == 1.0
    assert result.clinical_category == "moderate improvement"
    assert result.nap_ci[0] > 0.7 and result.nap_ci[1] == 1.0
    per_entry = nof1.compare_phases(entries, intervention="tens", per="entry")
    assert per_entry.n_b == 11 and per_entry.per == "entry"


def test_compare_phases_windows():
    entries = daily(list(range(10, 0, -1)) * 2)  # 20 days
    result = nof1.compare_phases(
        entries, start="2026-03-11", end="2026-03-16", baseline_days=4, washin_days=2
    )
    assert list(result.a.index.day) == [7, 8, 9, 10]
    assert list(result.b.index.day) == [13, 14, 15]
    assert result.excluded == 2


def test_compare_phases_on_a_dated_series():
    series = pd.Series(
        [5, 6, 5, 6, 5, 3, 2, 3, 2, 3], index=pd.date_range("2026-01-01", periods=10, freq="D")
    )
    result = nof1.compare_phases(series, start="2026-01-06")
    assert result.nap == 1.0 and result.per == "day"


def test_regression_to_the_mean_warning():
    # a stable baseline with the worst week just before the start
    baseline = [4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 4, 7, 8, 7, 8, 7, 8, 8]
    entries = daily(baseline + [5, 4, 5, 4, 5, 4, 5, 4])
    result = nof1.compare_phases(entries, start="2026-03-22")
    text = " ".join(result.warnings)
    assert "Regression to the mean" in text and "mean 7.6" in text
    calm = daily([4, 5, 4, 8, 8, 8, 7, 7, 8, 5, 4, 5, 4, 4, 5, 4, 5] + [4, 3, 4, 3])
    calm_result = nof1.compare_phases(calm, start="2026-03-18")
    assert not any("Regression to the mean" in w for w in calm_result.warnings)


def test_warnings_for_trend_few_points_and_baseline_use():
    falling = daily(
        [9, 9, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4, 3],
        interventions=[None, "tens"] + [None] * 11,
    )
    result = nof1.compare_phases(falling, start="2026-03-11", intervention="tens")
    text = " ".join(result.warnings)
    assert "already had a trend" in text and "improving" in text
    assert "Few observations (10 before, 3 after)" in text
    assert "'tens' was also recorded 1 time(s) during the baseline" in text
    assert result.trend_corrected is True
    assert result.tau_bc < result.tau  # the baseline trend explains much of the fall
    assert "what changed, not why" in result.warnings[-1]


def test_summary_and_table():
    result = nof1.compare_phases(A + B, start=4, lower_is_better=False, intervention="practice")
    summary = result.summary()
    assert "Before practice: mean pain 3.2" in summary and "NAP 0.90" in summary
    table = result.to_frame().set_index("measure")
    assert table.loc["NAP", "estimate"] == pytest.approx(0.9)
    assert table.loc["Tau", "ci_low"] == pytest.approx(2 * result.nap_ci[0] - 1)
    assert {"Tau-BC", "Tau-U", "change %"} <= set(table.index)


def test_compare_phases_errors():
    entries = daily([5, 5, 4, 4], interventions=[None, None, "heat", None])
    with pytest.raises(AnalysisError, match="needs start="):
        nof1.compare_phases(entries)
    with pytest.raises(AnalysisError, match="never records the intervention 'tense'") as info:
        nof1.compare_phases(entries, intervention="tense")
    assert "'tens'" in str(info.value) and "'heat'" in str(info.value)
    with pytest.raises(AnalysisError, match="both phases need observations"):
        nof1.compare_phases(entries, start="2027-01-01")
    with pytest.raises(AnalysisError, match="must be dates"):
        nof1.compare_phases(entries, start="next tuesday")
    with pytest.raises(AnalysisError, match="per must be"):
        nof1.compare_phases(entries, start="2026-03-03", per="week")
    series = pd.Series([1, 2, 3], index=["a", "b", "c"])
    with pytest.raises(AnalysisError, match="not a position or index label"):
        nof1.compare_phases(series, start="z")
    assert nof1.compare_phases(series, start="b").n_a == 1


# -- recovery of the simulated interventions (issue 6, item 2) ----------------------------------

simulate = pytest.importorskip(
    "sci_pain.simulate.engine", reason="sci_pain.simulate.engine is not there yet"
)


@cache
def persona_entries(name: str, seed: int) -> pd.DataFrame:
    from sci_pain.journal import read_journal

    frame = simulate.simulate_journal(name, days=120, seed=seed)
    return read_journal(io.StringIO(frame.to_csv(index=False, lineterminator="\n"))).entries


def test_tens_trial_shows_the_simulated_change():
    persona = simulate.load_persona("neuropathic")
    day0 = pd.Timestamp("2026-01-05")
    changes = []
    for seed in (101, 1, 2, 3, 4, 5):  # 101: the bundled example journal
        result = nof1.compare_phases(persona_entries("neuropathic", seed), intervention="tens")
        assert result.start == day0 + pd.Timedelta(days=persona.intervention_start_day)
        assert result.direction == "lower is better"
        changes.append(result.change)
    # built in: -0.5 points (small, like TENS in the Cochrane review); each journal is noisy,
    # the average over six simulated people is close
    assert np.mean(changes) == pytest.approx(persona.intervention_effect, abs=0.25)
    assert all(c < 0.2 for c in changes)
    example = nof1.compare_phases(persona_entries("neuropathic", 101), intervention="tens")
    assert example.nap > 0.5 and example.clinical_category in (
        "minimal improvement",
        "no important change",
    )  # a small change, below the 30% / 2-point threshold


@pytest.mark.parametrize("seed", [102, 1, 2])
def test_botulinum_toxin_phase_shows_the_simulated_change(seed):
    persona = simulate.load_persona("spasticity")
    entries = persona_entries("spasticity", seed)
    washin = persona.intervention_ramp_days  # acts fully after 10 days
    spasms = nof1.compare_phases(
        entries, intervention="botulinum_toxin", column="spasms", washin_days=washin
    )
    day0 = pd.Timestamp("2026-01-05")
    assert spasms.start >= day0 + pd.Timedelta(days=persona.intervention_start_day)
    assert spasms.start <= day0 + pd.Timedelta(days=persona.intervention_start_day + 3)
    ratio = spasms.mean_b / spasms.mean_a
    assert ratio == pytest.approx(persona.intervention_spasm_factor, abs=0.15)  # halved
    pain = nof1.compare_phases(entries, intervention="botulinum_toxin", washin_days=washin)
    # pain follows spasms: spasm_effect points per spasm times the fall in spasms per entry
    expected = persona.spasm_effect * (spasms.mean_b - spasms.mean_a)
    assert pain.change == pytest.approx(expected, abs=0.4)
    assert pain.change < 0 and pain.nap > 0.6 and pain.nap_ci[0] > 0.5


def test_short_daily_baseline_gets_a_warning_and_notebook_08_says_so():
    # issue 14: notebook 08's "overuse + rest" exercise said nothing about its 13-day baseline
    result = sp.compare_phases(sp.load_example_journal("overuse"), intervention="rest")
    assert any(w.startswith("Short baseline: only 13 days") for w in result.warnings)
    longer = sp.compare_phases(sp.load_example_journal("neuropathic"), intervention="tens")
    assert not any(w.startswith("Short baseline") for w in longer.warnings)
    box = sp.make_did_it_help()
    box.controls["journal"].value = "overuse"
    box.controls["intervention"].value = "rest"
    assert "Short baseline" in box.summary.value
    root = Path(__file__).resolve().parents[2]
    source = (root / "notebooks" / "src" / "08_did_it_help.py").read_text(encoding="utf-8")
    exercise = source.split("the **overuse** journal and *rest*", 1)[1].split("# %%", 1)[0]
    assert "baseline" in exercise and "two weeks" in exercise
