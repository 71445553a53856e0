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


def test_a_redraw_on_the_same_axes_is_the_same_picture_as_a_new_plot(cohort):
    """The explorer redraws in place: bars, line and legend replaced, not piled up."""
    from matplotlib.figure import Figure

    from sci_pain.plotting._fastagg import render_png

    def figure():
        fig = Figure(figsize=(7, 3.4), dpi=60)
        return fig, fig.add_subplot()

    wide = sp.evening_pattern(cohort, difference=0.5, min_entries=3)
    narrow = sp.evening_pattern(cohort, difference=2.5, min_entries=20)
    reused, ax = figure()
    sp.plot_evening_pattern(wide, difference=0.5, ax=ax)
    sp.plot_evening_pattern(narrow, difference=2.5, ax=ax)
    fresh, new_ax = figure()
    sp.plot_evening_pattern(narrow, difference=2.5, ax=new_ax)
    assert len(ax.patches) == len(new_ax.patches) and len(ax.lines) == 1
    assert ax.get_xlim() == new_ax.get_xlim() and ax.get_ylim() == new_ax.get_ylim()
    assert render_png(reused) == render_png(fresh)


def test_the_interval_redraws_nothing_and_settings_seen_before_are_not_recomputed(
    cohort, monkeypatch
):
    from sci_pain import analysis

    calls = []
    real = analysis.evening_pattern
    monkeypatch.setattr(
        analysis, "evening_pattern", lambda *a, **k: calls.append(k) or real(*a, **k)
    )
    box = sp.make_cohort_explorer(cohort)
    shown = box.output.outputs
    box.controls["confidence"].value = 0.8
    assert box.output.outputs is shown and "80% interval" in box.sentence
    box.controls["difference"].value = 2.0
    box.controls["difference"].value = 1.0
    assert box.output.outputs == shown  # the same picture as before, from the cache
    assert len(calls) == 2  # the first setting and 2.0, each once
