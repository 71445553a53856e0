"""Tests for sci_pain.html.scores: a score result as HTML (band as text, escaping, sources)."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

import sci_pain as sp
from sci_pain.analysis import (
    bmi,
    braden,
    dn4,
    modified_ashworth,
    penn_spasm_frequency,
    scipi,
    wells_dvt,
)
from sci_pain.html import score_html

DN4_ITEMS = tuple(item["key"] for item in sp.score_definition("dn4")["items"])
"""The ten DN4 items (their list is checked against the questionnaire in tests/analysis)."""
RESULTS = {
    "ashworth": lambda: modified_ashworth("1+"),
    "penn": lambda: penn_spasm_frequency(3, severity=2),
    "braden": lambda: braden(
        sensory_perception=2, moisture=3, activity=2, mobility=2, nutrition=3, friction_shear=2
    ),
    "wells": lambda: wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True),
    "bmi": lambda: bmi(weight_kg=70.4, height_m=1.75),
    "dn4": lambda: dn4(**{**dict.fromkeys(DN4_ITEMS, False), "burning": True}),
    "scipi": lambda: scipi(
        electric_shocks=True,
        tingling_pins_and_needles=False,
        burning_or_freezing=True,
        insensate_area=False,
    ),
}


@pytest.mark.parametrize("name", RESULTS)
def test_html_shows_the_band_as_text_not_only_colour(name):
    result = RESULTS[name]()
    text = score_html(result)
    assert result._repr_html_() == text
    assert f"<b>{html.escape(result.band)}</b>" in text
    assert f"<b>{html.escape(result.title)}: {html.escape(result.score_text())}</b>" in text
    colours = set(sp.PALETTE.values())
    assert any(colour in text for colour in colours)
    assert "not a diagnosis" in text
    for key in result.citations:  # cited as people cite ("Bohannon & Smith 1987"), not by key
        assert key not in text
        assert html.escape(sp.readable(key)) in text


def test_html_escapes_text():
    result = dataclasses.replace(modified_ashworth("0"), interpretation="<script>x</script>")
    assert "<script>" not in score_html(result)
    assert "&lt;script&gt;x&lt;/script&gt;" in score_html(result)


def test_a_warning_comes_first():
    text = score_html(RESULTS["wells"]())
    assert "sci-pain-score-warning" in text
    assert text.index("sci-pain-score-warning") < text.index("sci-pain-score-band")
    assert "sci-pain-score-warning" not in score_html(RESULTS["bmi"]())


def test_a_long_band_wraps_in_a_narrow_column_with_its_symbol_kept_on_its_first_word():
    # the Ashworth 1+ band is a sentence: kept on one line it ran past the result's column
    # and was cut at the right on a laptop screen (browser test of notebook 02)
    text = score_html(sp.modified_ashworth("1+"))
    band = re.search(r'<span class="sci-pain-score-band"[^>]*>', text).group(0)
    assert "nowrap" not in band
    assert re.search(r"</span>&nbsp;<b>slight increase", text)
