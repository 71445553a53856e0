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
from sci_pain import analysis
from sci_pain.errors import AnalysisError

A = [2, 3, 5, 3]
B = [4, 5, 5, 7, 6]


def daily(pain, start="2026-03-01", **columns) -> pd.DataFrame:
    stamps = [f"{d:%Y-%m-%d} 09:00" for d in pd.date_range(start, periods=len(pain), freq="D")]
    return make_entries(stamps, pain, **columns)


# -- the worked example -------------------------------------------------------------------------


def test_worked_example_nap_and_tau_higher_is_better():
    assert analysis.nap(A, B, lower_is_better=False) == pytest.approx(0.90)
    result = analysis.compare_phases(A + B, start=len(A), lower_is_better=False)
    assert result.nap == pytest.approx(0.90)
    assert result.tau == pytest.approx(0.80)
    assert result.direction == "higher is better" and result.lower_is_better is False
    assert result.per == "observation" and (result.n_a, result.n_b) == (4, 5)
    assert result.mean_a == pytest.approx(3.25) and result.mean_b == pytest.approx(5.4)


def test_worked_example_for_pain_lower_is_better():
    # read as pain ratings, the same numbers got worse: NAP 0.10, Tau -0.80
    result = analysis.compare_phases(A + B, start=4)
    assert result.direction == "lower is better"
    assert result.nap == pytest.approx(0.10) and result.tau == pytest.approx(-0.80)
    assert result.clinical_category.endswith("worsening")


def test_pair_matrix_shows_every_pair_and_ties_count_half():
    matrix = analysis.pair_matrix(A, B, lower_is_better=False)
    assert matrix.shape == (4, 5)
    assert matrix.index.name == "A (baseline)" and matrix.columns.name == "B (treatment)"
    assert matrix.iloc[2].tolist() == [0.0, 0.5, 0.5, 1.0, 1.0]  # the baseline 5
    assert (matrix.to_numpy() == 0.5).sum() == 2
    assert matrix.to_numpy().mean() == pytest.approx(0.90)
    flipped = analysis.pair_matrix(A, B, lower_is_better=True)
    np.testing.assert_array_equal(flipped.to_numpy(), 1 - matrix.to_numpy())
    result = analysis.compare_phases(A + B, start=4, lower_is_better=False)
    pd.testing.assert_frame_equal(result.pair_matrix(), matrix)


def test_parker_vannest_2009_example():
    # Parker & Vannest (2009), reproduced in the SingleCaseES documentation: NAP = .96
    a = [4, 3, 4, 3, 4, 7, 5, 2, 3, 2]
    b = [5, 9, 7, 9, 7, 5, 9, 11, 11, 10, 9]
    assert analysis.nap(a, b, lower_is_better=False) == pytest.approx(106 / 110)
    assert round(analysis.nap(a, b, lower_is_better=False), 2) == 0.96


def test_trend_corrected_measures_on_a_continuing_line():
    # A = 1..5, B = 6..10: complete non-overlap, but B merely continues the baseline line
    a, b = [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]
    assert analysis.nap(a, b, lower_is_better=False) == 1.0
    assert analysis.tau_u(a, b, lower_is_better=False) == pytest.approx(0.6)
    corrected = analysis.baseline_corrected_tau(a, b, lower_is_better=False)
    assert corrected["corrected"] is True and corrected["tau"] == 0.0
    assert corrected["slope"] == pytest.approx(1.0) and corrected["intercept"] == pytest.approx(0)
    assert corrected["trend_p"] < 0.05


def test_baseline_corrected_tau_without_a_trend_is_kendalls_tau_b():
    a, b = [3, 3, 4, 5, 5, 2], [5, 6, 3, 2, 4, 4]
    result = analysis.baseline_corrected_tau(a, b, lower_is_better=False)
    assert result["corrected"] is False
    expected = stats.kendalltau([0] * 6 + [1] * 6, a + b).statistic
    assert result["tau"] == pytest.approx(expected)
    assert result["se"] == pytest.approx(math.sqrt(2 * (1 - expected**2) / 12))
    lower = analysis.baseline_corrected_tau(a, b, lower_is_better=True)
    assert lower["tau"] == pytest.approx(-result["tau"])
    assert lower["ci_low"] == pytest.approx(-result["ci_high"])
    forced = analysis.baseline_corrected_tau(a, b, lower_is_better=False, pretest_alpha=None)
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
    low, high = analysis.nap_ci(value, m, n)
    z = stats.norm.ppf(0.975)
    assert 0 < low < value < high < 1
    assert newcombe(low, value, m, n, z) == pytest.approx(0, abs=1e-6)
    assert newcombe(high, value, m, n, z) == pytest.approx(0, abs=1e-6)
    wider = analysis.nap_ci(value, m, n, confidence=0.99)
    assert wider[0] < low and wider[1] > high


def test_nap_ci_at_the_ends_and_symmetry():
    low, high = analysis.nap_ci(1.0, 5, 5)
    assert high == 1.0 and 0.5 < low < 1.0
    assert analysis.nap_ci(0.0, 5, 5) == pytest.approx((1 - high, 1 - low))
    low, high = analysis.nap_ci(0.8, 6, 9)
    assert analysis.nap_ci(0.2, 6, 9) == pytest.approx((1 - high, 1 - low))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 10), min_size=1, max_size=15),
    st.lists(st.integers(0, 10), min_size=1, max_size=15),
)
def test_nap_properties(a, b):
    higher = analysis.nap(a, b, lower_is_better=False)
    lower = analysis.nap(a, b, lower_is_better=True)
    assert 0 <= higher <= 1
    assert higher + lower == pytest.approx(1.0)
    assert analysis.nap(b, a, lower_is_better=False) == pytest.approx(lower)
    low, high = analysis.nap_ci(higher, len(a), len(b))
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
    assert analysis.judge_change(before, after)[0] == category


def test_judge_change_direction_and_thresholds():
    assert analysis.judge_change(4.0, 6.5, lower_is_better=False)[0] == "substantial improvement"
    assert analysis.judge_change(
        6.0, 4.0, thresholds={"moderate_points": 3.0, "moderate_pct": 40.0}
    )[0] == ("minimal improvement")
    sentence = analysis.judge_change(6.0, 4.0)[1]
    assert "2.0 points" in sentence and "33%" in sentence and "moderate" in sentence


# -- comparing phases in a journal ----------------------------------------------------------------


def test_compare_phases_on_entries_finds_the_start_and_uses_days():
    pain = [6, 7, 6, 5, 7, 6, 6, 7, 6, 6, 4, 3, 4, 4, 3, 4, 3, 4, 4, 3]
    interventions = [None] * 10 + ["tens"] + [None, "tens"] * 4 + ["tens"]
    entries = daily(pain, interventions=interventions)
    extra = make_entries(["2026-03-11 20:00"], [5])  # a second entry on the first B day
    entries = pd.concat([entries, extra], ignore_index=True)
    before = entries.copy()
    result = analysis.compare_phases(entries, intervention="tens")
    pd.testing.assert_frame_equal(entries, before)
    assert result.start == pd.Timestamp("2026-03-11") and result.per == "day"
    assert (result.n_a, result.n_b) == (10, 10)
    assert result.b.iloc[0] == 4.5  # daily mean of 4 and 5
    assert result.mean_a == pytest.approx(6.2)
    assert result.change == pytest.approx(result.mean_b - 6.2)
    assert result.nap == 1.0 and result.tau == 1.0
    assert result.clinical_category == "moderate improvement"
    assert result.nap_ci[0] > 0.7 and result.nap_ci[1] == 1.0
    per_entry = analysis.compare_phases(entries, intervention="tens", per="entry")
    assert per_entry.n_b == 11 and per_entry.per == "entry"


def test_compare_phases_windows():
    entries = daily(list(range(10, 0, -1)) * 2)  # 20 days
    result = analysis.compare_phases(
        entries, start="2026-03-11", end="2026-03-16", baseline_days=4, washin_days=2
    )
    assert list(result.a.index.day) == [7, 8, 9, 10]
    assert list(result.b.index.day) == [13, 14, 15]
    assert result.excluded == 2


def test_compare_phases_on_a_dated_series():
    series = pd.Series(
        [5, 6, 5, 6, 5, 3, 2, 3, 2, 3], index=pd.date_range("2026-01-01", periods=10, freq="D")
    )
    result = analysis.compare_phases(series, start="2026-01-06")
    assert result.nap == 1.0 and result.per == "day"


def test_regression_to_the_mean_warning():
    # a stable baseline with the worst week just before the start
    baseline = [4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 4, 7, 8, 7, 8, 7, 8, 8]
    entries = daily(baseline + [5, 4, 5, 4, 5, 4, 5, 4])
    result = analysis.compare_phases(entries, start="2026-03-22")
    text = " ".join(result.warnings)
    assert "Regression to the mean" in text and "mean 7.6" in text
    calm = daily([4, 5, 4, 8, 8, 8, 7, 7, 8, 5, 4, 5, 4, 4, 5, 4, 5] + [4, 3, 4, 3])
    calm_result = analysis.compare_phases(calm, start="2026-03-18")
    assert not any("Regression to the mean" in w for w in calm_result.warnings)


def test_warnings_for_trend_few_points_and_baseline_use():
    falling = daily(
        [9, 9, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4, 3],
        interventions=[None, "tens"] + [None] * 11,
    )
    result = analysis.compare_phases(falling, start="2026-03-11", intervention="tens")
    text = " ".join(result.warnings)
    assert "already had a trend" in text and "improving" in text
    assert "Few observations (10 before, 3 after)" in text
    assert "'tens' was also recorded 1 time(s) during the baseline" in text
    assert result.trend_corrected is True
    assert result.tau_bc < result.tau  # the baseline trend explains much of the fall
    assert "what changed, not why" in result.warnings[-1]


def test_summary_and_table():
    result = analysis.compare_phases(A + B, start=4, lower_is_better=False, intervention="practice")
    summary = result.summary()
    assert "Before practice: mean pain 3.2" in summary and "NAP 0.90" in summary
    table = result.to_frame().set_index("measure")
    assert table.loc["NAP", "estimate"] == pytest.approx(0.9)
    assert table.loc["Tau", "ci_low"] == pytest.approx(2 * result.nap_ci[0] - 1)
    assert {"Tau-BC", "Tau-U", "change %"} <= set(table.index)


def test_compare_phases_errors():
    entries = daily([5, 5, 4, 4], interventions=[None, None, "heat", None])
    with pytest.raises(AnalysisError, match="needs start="):
        analysis.compare_phases(entries)
    with pytest.raises(AnalysisError, match="never records the intervention 'tense'") as info:
        analysis.compare_phases(entries, intervention="tense")
    assert "'tens'" in str(info.value) and "'heat'" in str(info.value)
    with pytest.raises(AnalysisError, match="both phases need observations"):
        analysis.compare_phases(entries, start="2027-01-01")
    with pytest.raises(AnalysisError, match="must be dates"):
        analysis.compare_phases(entries, start="next tuesday")
    with pytest.raises(AnalysisError, match="per must be"):
        analysis.compare_phases(entries, start="2026-03-03", per="week")
    series = pd.Series([1, 2, 3], index=["a", "b", "c"])
    with pytest.raises(AnalysisError, match="not a position or index label"):
        analysis.compare_phases(series, start="z")
    assert analysis.compare_phases(series, start="b").n_a == 1


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
        result = analysis.compare_phases(persona_entries("neuropathic", seed), intervention="tens")
        assert result.start == day0 + pd.Timedelta(days=persona.intervention_start_day)
        assert result.direction == "lower is better"
        changes.append(result.change)
    # built in: -0.5 points (small, like TENS in the Cochrane review); each journal is noisy,
    # the average over six simulated people is close
    assert np.mean(changes) == pytest.approx(persona.intervention_effect, abs=0.25)
    assert all(c < 0.2 for c in changes)
    example = analysis.compare_phases(persona_entries("neuropathic", 101), intervention="tens")
    assert example.nap > 0.5 and example.clinical_category in (
        "minimal improvement",
        "no important change",
    )  # a small change, below the 30% / 2-point threshold


@pytest.mark.parametrize("seed", [102, 1, 2])
def test_botulinum_toxin_phase_shows_the_simulated_change(seed):
    persona = simulate.load_persona("spasticity")
    entries = persona_entries("spasticity", seed)
    washin = persona.intervention_ramp_days  # acts fully after 10 days
    spasms = analysis.compare_phases(
        entries, intervention="botulinum_toxin", column="spasms", washin_days=washin
    )
    day0 = pd.Timestamp("2026-01-05")
    assert spasms.start >= day0 + pd.Timedelta(days=persona.intervention_start_day)
    assert spasms.start <= day0 + pd.Timedelta(days=persona.intervention_start_day + 3)
    ratio = spasms.mean_b / spasms.mean_a
    assert ratio == pytest.approx(persona.intervention_spasm_factor, abs=0.15)  # halved
    pain = analysis.compare_phases(entries, intervention="botulinum_toxin", washin_days=washin)
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


# -- intervention_starts: which interventions have a clear start --------------------------------


def _with_interventions(interventions, pain=None) -> pd.DataFrame:
    pain = [5] * len(interventions) if pain is None else pain
    return daily(pain, interventions=interventions)


def test_intervention_starts_clear_start_counts_rated_days():
    entries = _with_interventions([None] * 10 + ["tens"] * 10)
    starts = analysis.intervention_starts(entries)
    row = starts.loc["tens"]
    assert row["start"] == pd.Timestamp("2026-03-11")
    assert (row["days_used"], row["days_before"], row["days_after"]) == (10, 10, 10)
    assert row["share"] == 1.0 and not row["one_off"]
    assert row["problem"] is None and row["clear"]


def test_intervention_starts_names_each_problem():
    early = ["tens"] * 20  # no days before
    late = [None] * 16 + ["stretching"] * 4  # 4 days after
    rare = [None] * 10 + ["medication"] + [None] * 9  # used once: a one-off is still clear
    now_and_then = [None] * 10 + ["heat", None, None, None, None, "heat"] + [None] * 4
    joined = [
        ";".join(v for v in values if v) or None
        for values in zip(early, late, rare, now_and_then, strict=True)
    ]
    starts = analysis.intervention_starts(_with_interventions(joined))
    assert starts["problem"].to_dict() == {
        "stretching": "late_start",
        "medication": None,
        "heat": "irregular",
        "tens": "no_baseline",
    }
    assert starts.loc["heat", "share"] == pytest.approx(2 / 10)
    assert starts.loc["medication", "one_off"] and starts.loc["medication", "clear"]
    # rows follow the vocabulary's order, as the report lists them
    from sci_pain.journal import INTERVENTIONS

    assert list(starts.index) == [i for i in INTERVENTIONS if i in starts.index]


def test_intervention_starts_counts_only_days_with_a_rating():
    pain = [None] * 5 + [4] * 15
    entries = _with_interventions([None] * 10 + ["tens"] * 10, pain=pain)
    row = analysis.intervention_starts(entries).loc["tens"]
    assert (row["days_before"], row["days_after"]) == (5, 10)
    assert row["problem"] == "no_baseline"
    # the thresholds can be chosen
    assert analysis.intervention_starts(entries, min_phase_days=5).loc["tens", "clear"]


def test_intervention_starts_without_interventions_is_empty_but_typed():
    entries = daily([3] * 5)
    starts = analysis.intervention_starts(entries)
    assert starts.empty and starts.index.name == "intervention"
    assert list(starts.columns) == [
        "start",
        "days_used",
        "days_before",
        "days_after",
        "share",
        "one_off",
        "problem",
        "clear",
    ]
    assert analysis.intervention_starts(_with_interventions([None] * 5)).empty


def test_intervention_starts_names_a_missing_rating_column():
    entries = _with_interventions([None, "tens"]).drop(columns="pain")
    with pytest.raises(AnalysisError, match="'pain'"):
        analysis.intervention_starts(entries)


def test_intervention_starts_agrees_with_first_use_in_the_example_journals():
    for name in sp.list_example_journals()["name"]:
        entries = sp.load_example_journal(name).entries
        starts = analysis.intervention_starts(entries)
        exploded = entries["interventions"].astype("string").str.split(";").explode()
        for intervention, row in starts.iterrows():
            first = entries.loc[exploded.index[exploded == intervention], "timestamp"].min()
            assert row["start"] == first.normalize(), (name, intervention)
