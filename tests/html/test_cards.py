"""HTML cards of the knowledge base: every cause renders, red flags first, cautions per person."""

from __future__ import annotations

import doctest
import html

import pytest

import sci_pain as sp
from sci_pain.html import cards

CAUSES = list(sp.load_causes().index)


@pytest.mark.parametrize("cause", CAUSES)
def test_every_cause_card_has_its_sections_in_order(cause):
    card = sp.cause_card_html(cause)
    record = sp.get_cause(cause)
    order = ["Mechanism", "Features", "Where in the leg", "Management, with cautions", "References"]
    positions = [card.index(h) for h in order]
    assert positions == sorted(positions)
    assert html.escape(record.label) in card
    for key in record.citations:
        assert html.escape(sp.format_citation(key)) in card
    for option in sp.load_management().loc[list(record.management), "label"]:
        assert html.escape(option) in card
    if record.red_flags:
        assert card.index('role="alert"') < card.index("Mechanism")
    else:
        assert 'role="alert"' not in card


def test_card_names_the_situation_of_each_caution():
    card = sp.cause_card_html("spasticity")
    assert "if: Reduced or absent sensation over the area" in card
    assert "if: A pacemaker" in card
    assert "for everyone" in card


def test_emergency_causes_say_so():
    assert "An emergency in itself" in sp.cause_card_html("autonomic_dysreflexia")
    assert "An emergency in itself" not in sp.cause_card_html("pressure_injury")


def test_red_flag_banner_lists_emergencies_first_with_what_to_do():
    banner = sp.red_flag_banner_html(["pressure_injury_infection", "autonomic_dysreflexia"])
    assert banner.index("Possible autonomic dysreflexia") < banner.index("Deep or infected")
    # the referral ladder's words, not the card's own
    assert "Emergency: seek care now" in banner and "Same day: see a clinician today" in banner
    assert "Sit the person upright" in banner
    with pytest.raises(KeyError, match="(?i)valid"):
        sp.red_flag_banner_html(["clot"])


def test_management_html_shows_only_the_cautions_that_apply():
    plain = sp.management_html("neuropathic_below_level")
    assert "contraindicated" not in plain.lower().replace("data-contraindicated", "")
    assert "Also has cautions for:</i> A pacemaker" in plain
    paced = sp.management_html("neuropathic_below_level", situation=["A pacemaker"])
    assert "Contraindicated for this person" in paced
    assert "The person:</i> A pacemaker" in paced
    # contraindicated options come last
    options = [part.split('"')[0] for part in paced.split('data-option="')[1:]]
    assert options[-1] == "electrical_stimulation"


def test_management_html_never_gives_a_dose():
    for cause in CAUSES:
        text = sp.management_html(cause, situation=list(sp.SITUATIONS))
        assert "mg" not in text.replace("mmHg", "")


def test_text_is_escaped(monkeypatch):
    from sci_pain.knowledge import loaders as knowledge

    real = knowledge.get_cause("dvt")
    fake = type(real)(**{**real.__dict__, "summary": "<script>alert(1)</script>"})
    monkeypatch.setattr(cards, "get_cause", lambda name: fake)
    card = cards.cause_card_html("dvt")
    assert "<script>" not in card and "&lt;script&gt;" in card


def test_public_names_are_exported():
    for name in cards.__all__:
        assert getattr(sp, name) is getattr(cards, name)


def test_doctests():
    result = doctest.testmod(cards, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
