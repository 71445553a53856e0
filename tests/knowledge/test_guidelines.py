"""CanPainSCI as data, used by the management matcher (issue 11, item 5)."""

from __future__ import annotations

import re

import pytest

import sci_pain as sp
from sci_pain.knowledge import guidelines

NEUROPATHIC_SCI = ("neuropathic_at_level", "neuropathic_below_level")
DOSE = re.compile(r"\d\s*(mg|mcg|µg|g\b|ml|units?)\b|\bdose of\b|\bper day\b|\bdaily dose", re.I)


def test_the_guideline_is_given_for_neuropathic_sci_pain_only():
    for cause in sp.load_causes().index:
        advice = sp.canpainsci_for(cause)
        assert (advice is not None) == (cause in NEUROPATHIC_SCI), cause


def test_the_recommendations_come_by_level_first_line_first():
    advice = sp.canpainsci_for("neuropathic_below_level")
    levels = [level for level, _ in advice.levels]
    assert levels.index("first line") < levels.index("grade B (formerly second line)")
    assert levels.index("grade B (formerly second line)") < levels.index("recommended (non-drug)")
    first = dict(advice.levels)["first line"]
    assert first["options"].tolist() == ["pregabalin, gabapentin"]
    grade_b = dict(advice.levels)["grade B (formerly second line)"]
    assert set(grade_b["options"]) == {"tramadol", "lamotrigine"}
    assert advice.approach.startswith("Trial, re-evaluate, then change")


@pytest.mark.parametrize(
    ("situation", "applying"),
    [
        ((), {"sedation_falls", "bladder_bowel", "serotonin"}),
        (
            ("injury_at_or_above_T6",),
            {
                "sedation_falls",
                "bladder_bowel",
                "serotonin",
                "ad_constipation_retention",
                "capsaicin_ad",
            },
        ),
    ],
)
def test_the_sci_cautions_follow_the_persons_situation(situation, applying):
    advice = sp.canpainsci_for("neuropathic_at_level", situation=situation)
    cautions = advice.cautions
    assert set(cautions.index[cautions["applies"]]) == applying
    # the ones that apply come first
    assert cautions["applies"].tolist() == sorted(cautions["applies"], reverse=True)


def test_every_caution_names_a_known_situation_and_a_bad_one_is_a_problem(monkeypatch):
    assert set(sp.canpainsci_cautions()["situation"]) <= set(sp.SITUATIONS)
    raw = guidelines._raw()
    broken = {**raw, "cautions": [{**raw["cautions"][0], "situation": "injury_above_T6"}]}
    monkeypatch.setattr(guidelines, "_raw", lambda: broken)
    problems = guidelines.find_canpainsci_problems()
    assert any("cautions[1].situation: 'injury_above_T6' is not a situation" in p for p in problems)


def test_management_html_shows_the_guideline_for_neuropathic_pain_without_doses():
    text = sp.management_html("neuropathic_below_level", situation="injury_at_or_above_T6")
    assert 'data-guideline="canpainsci"' in text
    block = text[text.index("sci-pain-guideline") : text.index('class="sci-pain-option"')]
    for level in ("first line", "grade B (formerly second line)", "recommended (non-drug)"):
        assert f'data-level="{level}"' in block
    assert "Trial, re-evaluate, then change" in block
    assert 'data-caution="ad_constipation_retention"' in block
    assert 'data-caution="sedation_falls"' in block
    assert not DOSE.search(re.sub(r"<[^>]+>", " ", text))
    # the references list the guideline's sources too
    assert "CanPain SCI" in text or "Loh" in text


def test_management_html_shows_no_guideline_for_other_causes():
    assert "sci-pain-guideline" not in sp.management_html("spasticity")
    assert "sci-pain-guideline" not in sp.management_html("overuse_musculoskeletal")


def test_the_matcher_shows_the_guideline_when_it_shows_neuropathic_pain():
    box = sp.make_management_matcher("spasticity")
    assert box.guideline is None
    assert "sci-pain-guideline" not in box.result.value
    box.controls["cause"].value = "neuropathic_below_level"
    assert box.guideline is not None
    assert 'data-guideline="canpainsci"' in box.result.value
    assert 'data-caution="ad_constipation_retention"' not in box.result.value
    box.controls["injury_at_or_above_T6"].value = True
    assert bool(box.guideline.cautions.loc["ad_constipation_retention", "applies"])
    assert 'data-caution="ad_constipation_retention"' in box.result.value
    box.controls["injury_at_or_above_T6"].value = False
    assert 'data-caution="ad_constipation_retention"' not in box.result.value
