"""Cause widgets: driven by setting control values in code, asserting on what changed.

Each widget must show exactly what its library call returns (``cause_card_html``,
``explain_causes``, ``management_html``), so no clinical logic can hide in a widget.
"""

from __future__ import annotations

import re
import subprocess
import sys

import ipywidgets as w
import pytest
from widget_tree import descendants

import sci_pain as sp
from sci_pain.widgets import STATIC_HTML_MIMETYPE
from sci_pain.widgets import causes as widget_module
from sci_pain.widgets.causes import (
    make_cause_explorer,
    make_management_matcher,
    make_reasoning_aid,
)

BUILDERS = {
    "sci-pain-cause-explorer": make_cause_explorer,
    "sci-pain-reasoning-aid": make_reasoning_aid,
    "sci-pain-management-matcher": make_management_matcher,
}


def _position(text: str, needle: str) -> int:
    assert needle in text, f"{needle!r} not in the widget's HTML"
    return text.index(needle)


# -- all three ------------------------------------------------------------------------------------


@pytest.mark.parametrize("css_class", BUILDERS)
def test_builder_returns_a_labelled_container_with_its_css_class(css_class):
    box = BUILDERS[css_class]()
    assert isinstance(box, w.Box)
    assert css_class in box._dom_classes
    assert box.controls
    for name, control in box.controls.items():
        assert control.description.strip(), name
        assert control.tooltip and control.tooltip.strip(), name


@pytest.mark.parametrize("css_class", BUILDERS)
def test_builders_are_exported_and_return_without_displaying(css_class, capsys):
    builder = BUILDERS[css_class]
    assert getattr(sp, builder.__name__) is builder
    builder()
    assert capsys.readouterr().out == ""  # nothing displayed or printed


@pytest.mark.parametrize("css_class", BUILDERS)
def test_display_bundle_carries_a_static_view_and_a_short_text(css_class):
    box = BUILDERS[css_class]()
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    static = bundle[STATIC_HTML_MIMETYPE]
    assert 'class="sci-pain-static"' in static and "Run this notebook" in static
    assert len(bundle["text/plain"]) < 200 and "interactive" in bundle["text/plain"]


def test_ipywidgets_is_imported_lazily():
    code = "import sys, sci_pain.widgets.causes; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- the cause explorer ---------------------------------------------------------------------------


def test_explorer_offers_every_cause_and_starts_on_the_first():
    box = make_cause_explorer()
    dropdown = box.controls["cause"]
    assert isinstance(dropdown, w.Dropdown)
    assert [value for _, value in dropdown.options] == list(sp.load_causes().index)
    assert dropdown.value == sp.load_causes().index[0]
    assert box.card.value == sp.cause_card_html(dropdown.value)


@pytest.mark.parametrize("cause", list(sp.load_causes().index))
def test_explorer_shows_the_card_and_leg_figure_of_each_cause(cause):
    box = make_cause_explorer("neuropathic_at_level" if cause != "neuropathic_at_level" else "dvt")
    before = box.card.value
    box.controls["cause"].value = cause
    assert box.card.value != before
    assert box.card.value == sp.cause_card_html(cause)
    assert box.figure_alt == sp.alt_text_leg_sites(cause)
    (output,) = box.figure.outputs
    assert output["data"]["text/plain"] == f"[Figure: {box.figure_alt}]"
    html_img = output["data"]["text/html"]
    assert re.search(r'<img\b[^>]*\balt="[^"]+"', html_img)


def test_explorer_puts_red_flags_first_as_a_banner_when_the_cause_has_any():
    box = make_cause_explorer("dvt")
    card = box.card.value
    assert 'role="alert"' in card
    assert _position(card, "sci-pain-red-flags") < _position(card, "Mechanism")
    assert "emergency" in card
    box.controls["cause"].value = "muscle_atrophy"
    assert "sci-pain-red-flags" not in box.card.value


def test_explorer_card_shows_management_with_cautions_and_citations():
    box = make_cause_explorer("spasticity")
    card = box.card.value
    for heading in ("Mechanism", "Features", "Where in the leg", "Management", "References"):
        assert heading in card
    assert "Botulinum toxin" in card and "Heat" in card
    assert "Contraindicated" in card and "Reduced or absent sensation" in card
    assert "Bohannon" not in card  # only the cause's own references ...
    assert sp.format_citation(sp.get_cause("spasticity").citations[0]) in card  # ... all of them


def test_explorer_accepts_labels_and_suggests_close_matches():
    assert make_cause_explorer("blood clot").controls["cause"].value == "dvt"
    with pytest.raises(sp.UnknownNameError, match="neuropathic_below_level"):
        make_cause_explorer("neuropathc")


def test_explorer_shows_a_callback_error_instead_of_swallowing_it(monkeypatch):
    box = make_cause_explorer("dvt")

    def broken(cause):
        raise RuntimeError("card renderer broke")

    monkeypatch.setattr(widget_module, "cause_card_html", broken)
    box.controls["cause"].value = "spasticity"
    assert "sci-pain-error" in box.card.value and "card renderer broke" in box.card.value


# -- the reasoning aid ----------------------------------------------------------------------------


def test_reasoning_aid_has_a_tick_box_per_finding_grouped_by_kind():
    box = make_reasoning_aid()
    findings = sp.list_findings()
    assert set(box.controls) == set(findings.index)
    assert all(isinstance(c, w.Checkbox) and c.value is False for c in box.controls.values())
    for fid, row in findings.iterrows():
        assert box.controls[fid].description == row["label"]
    assert list(box.groups) == list(findings["group"].cat.categories)
    for group, group_box in box.groups.items():
        header, *ticks = group_box.children
        assert isinstance(header, w.HTML) and header.value.startswith("<b>")
        expected = findings.index[findings["group"] == group]
        assert [c.description for c in ticks] == list(findings.loc[expected, "label"])


def test_reasoning_aid_disclaimer_is_always_visible():
    box = make_reasoning_aid()
    assert box.disclaimer in box.children
    assert "Not a diagnosis" in box.disclaimer.value
    for fid in ("burning", "one_leg_swollen_and_warm", "headache_flushing_above_level"):
        box.controls[fid].value = True
        assert "Not a diagnosis" in box.disclaimer.value
        # read once, above the result: not repeated at the foot of the ranked table
        everything = "".join(c.value for c in descendants(box) if isinstance(c, w.HTML))
        assert everything.count("Not a diagnosis") == 1
    shown = descendants(box)
    assert shown.index(box.disclaimer) < shown.index(box.result)


def test_ticking_one_leg_swollen_and_warm_puts_the_dvt_banner_first():
    box = make_reasoning_aid(["burning", "diffuse_below_level", "worse_evening_or_night"])
    assert "Red flags" not in box.result.value
    box.controls["one_leg_swollen_and_warm"].value = True
    result = box.result.value
    assert box.explanation.red_flags.index[0] == "dvt"
    banner = _position(result, "Red flags: seek medical care")
    assert banner < _position(result, "<table")
    assert _position(result, "Possible deep vein thrombosis") < _position(result, "<table")
    assert banner == min(result.index(s) for s in ("Red flags", "<table"))


def test_reasoning_aid_result_is_the_library_explanation():
    box = make_reasoning_aid()
    for fid in ("aching", "after_more_activity", "knee_region"):
        box.controls[fid].value = True
    expected = sp.explain_causes(["aching", "knee_region", "after_more_activity"])
    assert set(box.explanation.findings) == set(expected.findings)
    assert box.result.value == box.explanation.to_html(disclaimer=False)
    assert box.explanation.ranking.equals(expected.ranking)


def test_unticking_everything_returns_to_the_prompt():
    box = make_reasoning_aid(["one_leg_swollen", "calf"])
    assert box.controls["calf"].value is True
    assert "dvt" in box.explanation.red_flags.index
    box.clear.click()
    assert not any(c.value for c in box.controls.values())
    assert box.explanation.findings == ()
    assert "Tick the findings" in box.result.value


def test_reasoning_aid_rejects_unknown_findings_with_the_valid_ones():
    with pytest.raises(sp.UnknownNameError, match="one_leg_swollen"):
        make_reasoning_aid(["one leg swolen"])


def test_ad_emergency_shows_before_urgent_red_flags():
    box = make_reasoning_aid()
    box.controls["swelling_after_transfer_or_fall"].value = True
    box.controls["headache_flushing_above_level"].value = True
    flags = list(box.explanation.red_flags.index)
    # emergencies (DVT, since a fracture is itself a clot risk, and AD) before same-day ones
    assert flags[:2] == ["dvt", "autonomic_dysreflexia"] and "fracture" in flags
    result = box.result.value
    assert _position(result, "autonomic dysreflexia") < _position(result, "fracture below")


# -- the management matcher -----------------------------------------------------------------------


def test_matcher_offers_every_situation_but_always():
    box = make_management_matcher()
    situations = [k for k in box.controls if k != "cause"]
    assert situations == [s for s in sp.SITUATIONS if s != "always"]
    assert box.result.value == sp.management_html(box.controls["cause"].value)


def test_matcher_marks_heat_contraindicated_over_numb_skin_and_lists_it_last():
    box = make_management_matcher("spasticity")
    assert not box.options["contraindicated"].any()
    before = box.result.value
    box.controls["impaired_sensation"].value = True
    assert box.result.value != before
    assert bool(box.options.loc["heat", "contraindicated"])
    assert box.options.index[-1] == "heat"
    assert 'data-option="heat" data-contraindicated="true"' in box.result.value
    assert "Contraindicated for this person" in box.result.value
    assert box.result.value == sp.management_html("spasticity", situation=["impaired_sensation"])


def test_matcher_pacemaker_rules_out_electrical_stimulation():
    box = make_management_matcher("neuropathic_below_level")
    box.controls["pacemaker"].value = True
    assert bool(box.options.loc["electrical_stimulation", "contraindicated"])
    assert 'data-option="electrical_stimulation" data-contraindicated="true"' in box.result.value
    assert 'data-option="medications" data-contraindicated="false"' in box.result.value


def test_matcher_capsaicin_caution_appears_with_a_high_injury():
    box = make_management_matcher("neuropathic_at_level")
    assert (
        "autonomic dysreflexia"
        not in box.result.value.split("topical_capsaicin")[1].split("Also has cautions")[0]
    )
    box.controls["injury_at_or_above_T6"].value = True
    assert any(
        "autonomic dysreflexia" in t for t in box.options.loc["topical_capsaicin", "caution_text"]
    )


def test_matcher_swollen_warm_leg_puts_seek_care_first_on_top():
    box = make_management_matcher("overuse_musculoskeletal", situation=["swollen_warm_leg"])
    assert box.controls["swollen_warm_leg"].value is True
    result = box.result.value
    assert _position(result, "Seek medical care first") < _position(result, "sci-pain-option")


def test_matcher_changing_the_cause_changes_the_options():
    box = make_management_matcher("dvt")
    assert list(box.options.index) == ["dvt_prevention"]
    box.controls["cause"].value = "pressure_injury"
    assert "pressure_relief" in box.options.index
    assert "1-2 minutes every 30 minutes" in box.result.value


def test_matcher_rejects_unknown_situations():
    with pytest.raises(sp.UnknownNameError, match="pacemaker"):
        make_management_matcher(situation=["pacemakr"])


def _reasoning_aid_steps() -> list[list[str]]:
    """The bold phrases of each numbered step under "Now tick findings yourself" in 01."""
    from pathlib import Path

    source = (
        Path(__file__).resolve().parents[2] / "notebooks/src/01_causes_overview.py"
    ).read_text(encoding="utf-8")
    text = source.split("Now tick findings yourself", 1)[1].split("# %%", 1)[0]
    text = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    steps = re.split(r"\s\d\.\s", " " + text)[1:]
    return [re.findall(r"\*\*(.+?)\*\*", step) for step in steps]


def test_notebook_01_reasoning_aid_steps_can_be_done():
    # issue 14: step 4 named findings the aid does not have, and the causes it asked about never
    # showed a "finding against"; every bold phrase must start a tick box's label, and step 4
    # must end with a finding against a ranked cause
    steps = _reasoning_aid_steps()
    assert len(steps) >= 4
    box = make_reasoning_aid()
    labels = {c.description.lower(): fid for fid, c in box.controls.items()}
    for number, phrases in enumerate(steps, start=1):
        for phrase in phrases:
            if phrase.lower() == "untick all":
                box.clear.click()
                continue
            matches = [fid for label, fid in labels.items() if label.startswith(phrase.lower())]
            assert len(matches) == 1, f"step {number}: {phrase!r} is not one tick box's label"
            box.controls[matches[0]].value = True
    ranking = box.explanation.ranking
    against = ranking[ranking["against"].map(len) > 0]
    assert len(against), "step 4 shows no finding against any cause"
    assert "Pain in an area with little or no normal sensation" in box.result.value


def test_explorer_card_sits_beside_the_chooser_in_a_column_that_stays_in_view():
    box = make_cause_explorer("dvt")
    row = next(c for c in box.children if box.card in getattr(c, "children", ()))
    side = row.children[0]
    assert row.children[1] is box.card and row.layout.flex_flow == "row wrap"
    assert box.controls["cause"] in side.children and box.figure in side.children
    assert "sci-pain-sticky" in side._dom_classes and "sci-pain-result" in box.card._dom_classes
    css = box.children[0].value
    assert "position: sticky" in css and ".sci-pain-sticky" in css
