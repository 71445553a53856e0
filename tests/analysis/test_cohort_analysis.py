"""Questions across a cohort's people: evening pattern, spasm-pain links, red flags, shares."""

from __future__ import annotations

import pandas as pd
import pytest

from sci_pain.analysis import cohort as co
from sci_pain.analysis import time_of_day_profile
from sci_pain.errors import CohortError
from sci_pain.journal import cohort_from_frame
from sci_pain.simulate import simulate_cohort


def test_evening_pattern_equals_the_single_journal_profile():
    cohort = cohort_from_frame(simulate_cohort(12, 60, seed=5), person="person_id")
    table = co.evening_pattern(cohort, difference=0.5, min_entries=5)
    for person, entries in cohort.entries.groupby("person"):
        profile = time_of_day_profile(entries.drop(columns="person"), relative=True)
        assert table.loc[person, "evening"] == pytest.approx(profile.loc["evening", "mean"])
        assert table.loc[person, "morning"] == pytest.approx(profile.loc["morning", "mean"])
        assert table.loc[person, "n_evening"] == profile.loc["evening", "n"]
    summary = co.prevalence(table, column="evening_pattern")
    assert summary["people"] + summary["not_assessed"] == 12
    assert summary["with"] == int(table["evening_pattern"].sum())


def test_too_few_entries_are_not_counted_as_no():
    cohort = cohort_from_frame(simulate_cohort(3, 4, seed=1), person="person_id")
    table = co.evening_pattern(cohort, min_entries=30)
    assert table["evening_pattern"].isna().all()
    assert co.prevalence(table, column="evening_pattern")["not_assessed"] == 3


def test_wilson_interval_known_values():
    # Newcombe (1998), table I: 81/263 -> 0.2553 to 0.3662
    low, high = co.wilson_interval(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)
    assert co.wilson_interval(0, 20)[0] == 0.0
    assert co.wilson_interval(20, 20)[1] == 1.0


def test_spasm_pain_links_per_person():
    cohort = cohort_from_frame(simulate_cohort(6, 60, seed=2), person="person_id")
    table = co.spasm_pain_links(cohort, min_days=20)
    from scipy import stats

    for person, entries in cohort.entries.groupby("person"):
        daily = entries.groupby(entries["timestamp"].dt.normalize()).agg(
            pain=("pain", "mean"), spasms=("spasms", lambda v: v.sum(min_count=1))
        )
        daily = daily.astype(float).dropna()  # a day without a spasm count is not zero
        rho = stats.spearmanr(daily["spasms"], daily["pain"]).statistic
        assert table.loc[person, "rho"] == pytest.approx(rho)
        assert table.loc[person, "n_days"] == len(daily)


def test_red_flag_episodes_need_a_level_and_say_when_it_is_unknown(monkeypatch):
    cohort = cohort_from_frame(simulate_cohort(4, 60, seed=3), person="person_id")
    with pytest.raises(TypeError):
        co.cohort_red_flags(cohort)  # no default level
    with pytest.raises(CohortError, match="injury_level 'T99'"):
        co.cohort_red_flags(cohort, injury_level="T99")
    calls = []
    real = co._scan_everyone

    def spy(entries, levels):
        calls.append(levels)
        return real(entries, levels)

    monkeypatch.setattr(co, "_scan_everyone", spy)
    table = co.cohort_red_flags(cohort, injury_level={"1": "T4", "2": "below_T6"})
    assert calls == [{"1": "T4", "2": "below_T6", "3": "unknown", "4": "unknown"}]  # one scan
    assert (
        table.loc["3", "notes"]
        == "Autonomic dysreflexia (AD) risk not assessed: injury level unknown"
    )
    assert table.loc["1", "notes"] == ""
    flags = table.attrs["flags"]
    counts = flags.groupby("person").size() if len(flags) else pd.Series(dtype=int)
    for person in table.index:
        assert table.loc[person, "flags"] == counts.get(person, 0)
        assert bool(table.loc[person, "any_flag"]) == (counts.get(person, 0) > 0)
        assert (table.loc[person, "episodes"] > 0) == bool(table.loc[person, "any_flag"])
        assert table.loc[person, "episodes"] <= table.loc[person, "flags"]
    unknown = co.cohort_red_flags(cohort, injury_level="unknown")
    assert (
        unknown["notes"] == "Autonomic dysreflexia (AD) risk not assessed: injury level unknown"
    ).all()
