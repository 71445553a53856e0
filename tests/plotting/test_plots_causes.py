"""Cause figures: assert on the artists of the returned Axes, never on pixels."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

import sci_pain as sp
from sci_pain.journal import SITES
from sci_pain.plotting import causes as pc
from sci_pain.style import PALETTE

VERMILLION = PALETTE["vermillion"].lower()
PLOTS = {
    "cause_map": (pc.plot_cause_map, pc.alt_text_cause_map, ()),
    "leg_sites": (pc.plot_leg_sites, pc.alt_text_leg_sites, ("dvt",)),
    "cause_timeline": (pc.plot_cause_timeline, pc.alt_text_cause_timeline, ()),
}


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def by_gid(artists, gid):
    found = [a for a in artists if a.get_gid() == gid]
    assert found, f"no artist with gid {gid!r}"
    return found[0]


@pytest.mark.parametrize("name", list(PLOTS))
def test_plot_returns_labelled_axes_and_draws_on_the_given_axes(name):
    plot, _, args = PLOTS[name]
    fig, ax = plt.subplots()
    returned = plot(*args, ax=ax)
    assert returned is ax
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert ax.get_legend() is not None
    assert len(fig.axes) == 1


@pytest.mark.parametrize("name", list(PLOTS))
def test_plot_makes_its_own_figure_without_ax(name):
    plot, _, args = PLOTS[name]
    before = plt.get_fignums()
    ax = plot(*args)
    assert ax.figure.number not in before


@pytest.mark.parametrize("name", list(PLOTS))
def test_alt_text_is_one_sentence(name):
    _, alt_text, args = PLOTS[name]
    text = alt_text(*args)
    assert text.endswith(".") and "\n" not in text and len(text) > 40
    assert ". " not in text


# -- cause map --------------------------------------------------------------------------------------


def test_cause_map_places_every_cause_by_mechanism_and_level():
    causes = sp.load_causes()
    ax = pc.plot_cause_map()
    for cid, row in causes.iterrows():
        text = by_gid(ax.texts, cid)
        assert text.get_text() == row["short_label"]
    x = {cid: by_gid(ax.texts, cid).get_position()[0] for cid in causes.index}
    y = {cid: by_gid(ax.texts, cid).get_position()[1] for cid in causes.index}
    assert x["neuropathic_at_level"] > 1 and x["neuropathic_below_level"] > 1
    assert all(x[c] < 1 for c in ("dvt", "spasticity", "pressure_injury", "autonomic_dysreflexia"))
    assert y["neuropathic_at_level"] > y["neuropathic_below_level"] > y["weight_gain"]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Nociceptive", "Neuropathic"]


def test_cause_map_outlines_emergencies_as_red_flags():
    causes = sp.load_causes()
    ax = pc.plot_cause_map()
    for cid, row in causes.iterrows():
        box = by_gid(ax.texts, cid).get_bbox_patch()
        red = to_hex(box.get_edgecolor()) == VERMILLION
        assert red == bool(row["is_emergency"]), cid
        if red:
            assert box.get_linestyle() in ("--", "dashed")
    assert {"dvt", "autonomic_dysreflexia"} == set(causes.index[causes["is_emergency"]])
    assert "Red flag: emergency" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_cause_map_uses_okabe_ito_colours():
    ax = pc.plot_cause_map()
    palette = {c.lower() for c in PALETTE.values()}
    for text in ax.texts:
        if text.get_gid():
            edge = to_hex(text.get_bbox_patch().get_edgecolor())
            face = to_hex(text.get_bbox_patch().get_facecolor())  # drops the alpha
            assert edge in palette and face in palette


# -- leg sites --------------------------------------------------------------------------------------


def face(ax, gid) -> str:
    return to_hex(by_gid(ax.patches, gid).get_facecolor())


def test_leg_figure_has_every_journal_site_on_both_legs():
    ax = pc.plot_leg_sites()
    for side in ("right", "left"):
        for site in SITES:
            by_gid(ax.patches, f"{side}:{site}")
    by_gid(ax.patches, "sacrum")
    highlighted = [p for p in ax.patches if p.get_label() == "typical site"]
    assert highlighted == []


def test_dvt_highlights_the_calf_of_one_leg():
    ax = pc.plot_leg_sites("dvt")
    assert face(ax, "right:calf") == VERMILLION
    assert face(ax, "left:calf") != VERMILLION
    assert face(ax, "right:foot") != VERMILLION
    assert by_gid(ax.patches, "right:calf").get_label() == "typical site"
    assert by_gid(ax.texts, "note:one_side").get_text().startswith("usually one leg")
    assert "DVT" in ax.get_title()


def test_pressure_injury_highlights_the_pressure_points_not_the_whole_hip_or_foot():
    ax = pc.plot_leg_sites("Pressure injury")
    for gid in ("sacrum", "right:ischium", "left:trochanter", "left:heel"):
        assert face(ax, gid) == VERMILLION, gid
    for gid in ("right:hip", "left:foot", "right:knee"):
        assert face(ax, gid) != VERMILLION, gid


def test_below_level_neuropathic_pain_highlights_both_legs():
    ax = pc.plot_leg_sites("neuropathic_below_level")
    for side in ("right", "left"):
        assert by_gid(ax.patches, f"{side}:whole_leg").get_label() == "typical site"
        assert face(ax, f"{side}:foot") == VERMILLION
    assert not [t for t in ax.texts if t.get_gid() == "note:one_side"]


def test_leg_sites_accepts_explicit_sites_and_rejects_unknown_ones():
    ax = pc.plot_leg_sites(sites=["knee", "heel"])
    assert face(ax, "right:knee") == VERMILLION and face(ax, "left:heel") == VERMILLION
    with pytest.raises(ValueError, match="valid sites"):
        pc.plot_leg_sites(sites=["kneecap"])
    with pytest.raises(sp.UnknownNameError, match="Did you mean"):
        pc.plot_leg_sites("deep vein thrombosys")


def test_leg_sites_alt_text_names_the_sites():
    text = pc.alt_text_leg_sites("dvt")
    assert "calf" in text and "one leg" in text and "Deep vein thrombosis" in text
    assert "heel" in pc.alt_text_leg_sites("pressure_injury")


# -- timeline ---------------------------------------------------------------------------------------


def test_timeline_draws_one_bar_per_cause_on_a_log_axis():
    causes = sp.load_causes()
    ax = pc.plot_cause_timeline()
    assert ax.get_xscale() == "log"
    for cid, row in causes.iterrows():
        bar = by_gid(ax.patches, cid)
        start = max(row["onset_start_days"], 1.0)
        assert bar.get_x() == pytest.approx(start)
        assert bar.get_x() + bar.get_width() == pytest.approx(row["onset_end_days"])
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    by_onset = causes.sort_values(["onset_start_days", "onset_end_days"], kind="stable")
    assert ticks == list(by_onset["short_label"])  # earliest onset at the top


def test_timeline_shows_the_teaching_points():
    ax = pc.plot_cause_timeline()
    dvt = by_gid(ax.patches, "dvt")
    assert dvt.get_x() + dvt.get_width() <= 91  # highest in the first 3 months
    peak = by_gid(ax.patches, "peak:dvt")
    assert (peak.get_x(), peak.get_x() + peak.get_width()) == pytest.approx((7, 10))
    ho = by_gid(ax.patches, "heterotopic_ossification")
    assert ho.get_x() < 60  # first months
    atrophy = by_gid(ax.patches, "muscle_atrophy")
    assert atrophy.get_x() + atrophy.get_width() <= 24 * 7  # over weeks
    weight = by_gid(ax.patches, "weight_gain")
    assert weight.get_x() + weight.get_width() >= 10 * 365  # over years
    assert to_hex(dvt.get_edgecolor()) == VERMILLION
    assert to_hex(weight.get_edgecolor()) != VERMILLION


def test_timeline_ongoing_risk_lines_follow_the_data():
    causes = sp.load_causes()
    ax = pc.plot_cause_timeline()
    gids = {c.get_gid() for c in ax.collections}
    for cid, row in causes.iterrows():
        drawn = f"ongoing:{cid}" in gids
        assert drawn == (bool(row["ongoing_risk"]) and row["onset_end_days"] < 10950 * 1.3), cid
    ax2 = pc.plot_cause_timeline(show_ongoing=False)
    assert not any(str(c.get_gid()).startswith("ongoing:") for c in ax2.collections)


def test_timeline_accepts_a_subset_of_causes():
    subset = sp.load_causes().loc[["dvt", "weight_gain"]]
    ax = pc.plot_cause_timeline(subset)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["DVT", "Weight gain"]
    assert "2 causes" in pc.alt_text_cause_timeline(subset)
