"""SCIPI (Bryce et al. 2014) against worked examples, and its widget."""

from __future__ import annotations

import pytest

import sci_pain as sp
from sci_pain.analysis import ScoreError, scipi, score_definition
from sci_pain.html import score_html

ITEMS = ("electric_shocks", "tingling_pins_and_needles", "burning_or_freezing", "insensate_area")


def answers(*yes: str) -> dict:
    return {item: item in yes for item in ITEMS}


@pytest.mark.parametrize(
    ("yes", "total", "positive", "band"),
    [
        ((), 0, False, "non-neuropathic (0 of 4)"),
        (("electric_shocks",), 1, False, "possible neuropathic pain (1 of 4)"),
        # burning feet below a complete injury: burning, felt where there is no sensation
        (
            ("burning_or_freezing", "insensate_area"),
            2,
            True,
            "probable neuropathic pain (2 or more of 4)",
        ),
        (ITEMS, 4, True, "probable neuropathic pain (2 or more of 4)"),
    ],
)
def test_scipi_worked_examples(yes, total, positive, band):
    result = scipi(**answers(*yes))
    assert (result.total, result.positive, result.band) == (total, positive, band)
    assert [i.points for i in result.items] == [int(i in yes) for i in ITEMS]
    assert result.citations == ("bryce2014_scipi", "ninds_cde_scipi")
    assert f"{total}/4" in result.summary


def test_scipi_needs_every_answer_and_booleans():
    with pytest.raises(ScoreError, match="missing \\['insensate_area'\\]"):
        scipi(electric_shocks=True, tingling_pins_and_needles=False, burning_or_freezing=False)
    with pytest.raises(ScoreError, match="'electric_shocks' must be one of \\[True, False\\]"):
        scipi(**{**answers(), "electric_shocks": 1})


def test_scipi_html_and_definition():
    html = score_html(scipi(**answers("electric_shocks", "tingling_pins_and_needles")))
    assert "probable neuropathic pain" in html and "not a diagnosis" in html
    assert [i["key"] for i in score_definition("scipi")["items"]] == list(ITEMS)


def test_npsi_dimensions_are_explained_not_scored():
    record = score_definition("npsi_dimensions")
    assert [d["key"] for d in record["dimensions"]] == [
        "burning",
        "pressing",
        "paroxysmal",
        "evoked",
        "paresthesia_dysesthesia",
    ]
    assert not hasattr(sp, "npsi")


def test_scipi_widget_calls_the_score():
    box = sp.make_scipi_widget()
    assert "non-neuropathic" in box.result.value
    box.controls["electric_shocks"].value = True
    assert "possible neuropathic pain" in box.result.value
    box.controls["insensate_area"].value = True
    assert "probable neuropathic pain" in box.result.value
    assert "sci-pain-scipi" in box._dom_classes
