"""Teaching figures: assert on the artists of the returned Axes, never on pixels."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

import sci_pain as sp
from sci_pain.plotting import teaching as pt
from sci_pain.style import PALETTE


@pytest.fixture
def entries():
    """Eight days by hand: spasms drive pain, the right leg swells on days 3-4, skin worsens."""
    days = pd.date_range("2026-03-02 08:00", periods=8, freq="D")
    return pd.DataFrame(
        {
            "timestamp": days,
            "pain": [2, 3, 6, 5, 2, 2, 7, 3],
            "spasms": [1, 2, 9, 8, 1, 0, 12, 2],
            "activity_min": [30.0, 90.0, 30.0, 0.0, 0.0, 60.0, 0.0, 0.0],
            "swelling": ["none", "none", "right", "right", "none", "none", "none", "none"],
            "skin": ["ok", "redness", "redness", "blister", pd.NA, "blister", "ok", "ok"],
            "interventions": [pd.NA, pd.NA, pd.NA, "stretching", pd.NA, "tens", "tens", pd.NA],
            "notes": ["Weighed myself: 70.5 kg", pd.NA, pd.NA, pd.NA, pd.NA, "71 kg", pd.NA, pd.NA],
        }
    )


def _twin(ax):
    others = [a for a in ax.figure.axes if a is not ax]
    assert len(others) == 1
    return others[0]


def test_draws_on_the_given_axes_with_title_units_and_palette(entries):
    fig, ax = plt.subplots()
    returned = pt.plot_pain_and(entries, measure="spasms", ax=ax)
    assert returned is ax
    assert ax.get_title() == "Daily pain and spasms per day"
    assert ax.get_ylabel() == "Daily mean pain (NRS 0-10)"
    assert ax.get_xlabel() == "Date"
    (line,) = [line for line in ax.get_lines() if line.get_label() == "daily mean pain"]
    assert to_hex(line.get_color()) == PALETTE["blue"].lower()
    assert list(line.get_ydata()) == [2, 3, 6, 5, 2, 2, 7, 3]
    twin = _twin(ax)
    assert twin.get_ylabel() == "Spasms per day (count)"
    bars = twin.containers[0]
    assert [b.get_height() for b in bars] == [1, 2, 9, 8, 1, 0, 12, 2]
    assert to_hex(bars[0].get_facecolor()) == PALETTE["orange"].lower()
    assert ax.get_zorder() > twin.get_zorder()  # pain in front of the bars
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["daily mean pain", "Spasms per day"]


def test_without_ax_uses_the_current_axes(entries):
    fig, ax = plt.subplots()
    assert pt.plot_pain_and(entries) is ax


def test_measure_none_draws_pain_only(entries):
    ax = pt.plot_pain_and(entries, measure=None)
    assert len(ax.figure.axes) == 1
    assert ax.get_title() == "Daily pain"


def test_weight_is_read_from_the_notes(entries):
    ax = pt.plot_pain_and(entries, measure="weight_kg")
    (line,) = _twin(ax).get_lines()
    assert list(line.get_ydata()) == [70.5, 71.0]
    assert _twin(ax).get_ylabel() == (
        "Weight noted in the journal (kg)\naxis starts at 69 kg, not 0"
    )


def test_shaded_days_and_bridged_gaps(entries):
    ax = pt.plot_pain_and(entries, measure=None, shade=["swelling", "skin"])
    labels = [p.get_label() for p in ax.patches if not p.get_label().startswith("_")]
    assert labels == ["right leg swollen", "skin: redness", "skin: blister"]
    days = pt._condition_days(entries, "skin")
    # day 5 has no skin record between two blister days: bridged; ok days are dropped
    assert list(days.index.day) == [3, 4, 5, 6, 7]
    assert list(days) == ["redness", "redness", "blister", "blister", "blister"]
    hatches = {p.get_label(): p.get_hatch() for p in ax.patches}
    assert hatches["skin: blister"] == "//"  # not colour alone


def test_marks_by_intervention_name_or_mapping(entries):
    ax = pt.plot_pain_and(entries, measure=None, marks="tens")
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == 1
    assert [t.get_text() for t in ax.texts] == ["tens"]
    ax2 = pt.plot_pain_and(
        entries, measure=None, marks={"start": "2026-03-04"}, ax=plt.figure().gca()
    )
    assert [t.get_text() for t in ax2.texts] == ["start"]


def test_window_adds_the_rolling_mean(entries):
    ax = pt.plot_pain_and(entries, measure=None, window=3)
    assert "3-day rolling mean" in [line.get_label() for line in ax.get_lines()]


def test_start_and_end_zoom_in(entries):
    ax = pt.plot_pain_and(entries, measure="spasms", start="2026-03-03", end="2026-03-05")
    (line,) = [line for line in ax.get_lines() if line.get_label() == "daily mean pain"]
    assert list(line.get_ydata()) == [3, 6, 5]


def test_input_does_not_change(entries):
    before = entries.copy()
    pt.plot_pain_and(entries, shade="skin", marks="tens")
    pt.alt_text_pain_and(entries, shade="skin", marks="tens", lag=1)
    pd.testing.assert_frame_equal(entries, before)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"measure": "spasm"}, "Did you mean 'spasms'"),
        ({"shade": "swelings"}, "Did you mean 'swelling'"),
        ({"marks": "botox"}, "never records the intervention 'botox'"),
        ({"measure": "sleep_hours"}, "lack"),
        ({"start": "2027-01-01"}, "no entries from 2027-01-01"),
    ],
)
def test_errors_say_what_is_valid(entries, kwargs, match):
    with pytest.raises(ValueError, match=match):
        pt.plot_pain_and(entries, **kwargs)


def test_not_a_journal():
    with pytest.raises(TypeError, match="expected journal entries"):
        pt.plot_pain_and([1, 2, 3])


def test_alt_text_is_one_sentence_with_the_numbers(entries):
    text = pt.alt_text_pain_and(
        entries, measure="spasms", lag=0, shade="swelling", marks="tens", window=3
    )
    assert text.startswith("Daily mean pain (NRS 0-10, blue line) and spasms per day")
    assert text.endswith(".") and "\n" not in text and ". " not in text
    assert "spasms per day 0 to 12" in text
    assert "Spearman rho" in text and "the same day" in text
    assert "right leg swollen 2026-03-04 to 2026-03-05" in text
    assert "tens on 2026-03-07" in text


def test_alt_text_lag_shifts_the_measure(entries):
    same = pt.alt_text_pain_and(entries, measure="activity_min", lag=0)
    before = pt.alt_text_pain_and(entries, measure="activity_min", lag=1)
    assert "the day before" in before and same != before
    with pytest.raises(ValueError, match="lag"):
        pt.alt_text_pain_and(entries, lag=-1)


def test_alt_text_for_weight_gives_first_and_last(entries):
    text = pt.alt_text_pain_and(entries, measure="weight_kg", lag=0)
    assert "weight noted 2 times, from 70.5 kg on 2026-03-02 to 71.0 kg on 2026-03-07" in text
    assert "Spearman" not in text


@pytest.mark.parametrize("name", ["spasticity", "overuse", "pressure_injury", "dvt"])
def test_example_journals_show_their_signature(name):
    journal = sp.load_example_journal(name)
    options = {
        "spasticity": {"measure": "spasms", "marks": "botulinum_toxin"},
        "overuse": {"measure": "activity_min"},
        "pressure_injury": {"measure": "immobile_hours", "shade": "skin"},
        "dvt": {"measure": None, "shade": "swelling", "marks": "medication"},
    }[name]
    ax = sp.plot_pain_and(journal, **options)
    assert ax.get_legend() is not None
    text = sp.alt_text_pain_and(journal, lag=1 if name == "overuse" else 0, **options)
    if name == "dvt":
        assert "left leg swollen 2026-02-04 to 2026-02-17" in text
    if name == "pressure_injury":
        assert "skin: blister" in text
    if name == "overuse":  # pain follows the activity of the day before
        same = sp.alt_text_pain_and(journal, lag=0, **options)
        rho = float(text.split("Spearman rho ")[1].split()[0])
        rho_same = float(same.split("Spearman rho ")[1].split()[0])
        assert rho > rho_same + 0.2


def test_weight_axis_is_marked_as_not_starting_at_zero():
    # issue 14: the weight axis started near the lowest weight without saying so, so a 4 kg
    # change looked like a doubling
    fig, ax = plt.subplots()
    pt.plot_pain_and(sp.load_example_journal("atrophy_weight"), measure="weight_kg", ax=ax)
    (twin,) = [a for a in fig.axes if a is not ax]
    low, high = twin.get_ylim()
    assert low > 0 and low == int(low)
    assert f"axis starts at {low:g} kg, not 0" in twin.get_ylabel()
    assert any(patch.get_label() == "_axis break" for patch in twin.patches)
    plt.close(fig)
    fig, ax = plt.subplots()  # a zero-based measure gets no such mark
    pt.plot_pain_and(sp.load_example_journal("spasticity"), measure="spasms", ax=ax)
    (twin,) = [a for a in fig.axes if a is not ax]
    assert twin.get_ylim()[0] == 0 and "not 0" not in twin.get_ylabel()
    plt.close(fig)
