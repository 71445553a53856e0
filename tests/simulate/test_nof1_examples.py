"""Tests for sci_pain.simulate.nof1_examples: a useless treatment started after the worst week."""

from __future__ import annotations

import pandas as pd
import pytest

from sci_pain.simulate.engine import load_persona
from sci_pain.simulate.nof1_examples import regression_to_the_mean


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return regression_to_the_mean("neuropathic", n_people=12, seed=5)


def test_one_row_per_person_with_a_start_after_two_weeks(table):
    assert table["person_id"].tolist() == list(range(1, 13))
    first, last = pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-05") + pd.Timedelta(days=89)
    assert (table["start"] >= first + pd.Timedelta(days=14)).all()
    assert (table["start"] <= last - pd.Timedelta(days=13)).all()


def test_the_worst_week_makes_a_useless_treatment_look_good(table):
    assert (table["worst_week_mean"] > table["after_mean"]).mean() >= 0.9
    assert table["change_worst_week_baseline"].mean() < -0.5
    assert table["nap_worst_week_baseline"].mean() > 0.65
    # against the whole baseline the illusion mostly goes, and the comparison warns
    assert abs(table["change_whole_baseline"].mean()) < 0.4
    assert table["rtm_warning"].mean() >= 0.5


def test_the_intervention_effect_is_removed_from_the_persona():
    persona = load_persona("neuropathic")
    assert persona.intervention_effect != 0
    same = regression_to_the_mean(persona, n_people=3, seed=1)
    by_name = regression_to_the_mean("neuropathic", n_people=3, seed=1)
    pd.testing.assert_frame_equal(same, by_name)


def test_too_short_a_journal_says_so():
    with pytest.raises(ValueError, match="simulate more days"):
        regression_to_the_mean(n_people=2, days=20, seed=1)
