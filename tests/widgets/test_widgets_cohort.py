"""The cohort explorer: kernel-side state after setting controls."""

from __future__ import annotations

import pytest

import sci_pain as sp


@pytest.fixture(scope="module")
def cohort():
    return sp.cohort_from_frame(sp.simulate_cohort(40, 60, seed=7), person="person_id")


def test_threshold_changes_the_share_and_the_figure(cohort):
    box = sp.make_cohort_explorer(cohort)
    before = box.sentence
    box.controls["difference"].value = 0.5
    low = sp.prevalence(sp.evening_pattern(cohort, difference=0.5), column="evening_pattern")
    assert box.sentence.startswith(f"{int(low['with'])} of {int(low['people'])} people")
    assert box.sentence != before
    assert "0.5 points" in box.alt_text
    assert box.output.outputs  # the figure was replaced in place


def test_more_entries_needed_leaves_people_out_and_says_so():
    short = sp.cohort_from_frame(sp.simulate_cohort(10, 20, seed=7), person="person_id")
    box = sp.make_cohort_explorer(short)
    assert "too few" not in box.sentence
    box.controls["min_entries"].value = 15
    assert "too few entries to tell" in box.sentence


def test_confidence_changes_only_the_interval(cohort):
    box = sp.make_cohort_explorer(cohort)
    wide = box.sentence
    box.controls["confidence"].value = 0.8
    assert box.sentence.split(";")[0] == wide.split(";")[0]
    assert "80% interval" in box.sentence and wide != box.sentence
