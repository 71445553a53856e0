from __future__ import annotations

import sci_pain as sp


def _shown(box) -> str:
    (output,) = box.output.outputs
    return output["data"]["text/html"]


def test_first_look_redraws_when_controls_change():
    box = sp.make_first_look("neuropathic")
    first_html, first_alt = _shown(box), box.alt_text
    assert "7-day rolling mean" in first_alt and 'alt="' in first_html
    box.controls["window"].value = 21
    assert "21-day rolling mean" in box.alt_text and _shown(box) != first_html
    box.controls["journal"].value = "dvt"
    assert box.alt_text != first_alt
    assert box.output.outputs[0]["data"]["text/plain"] == f"[Figure: {box.alt_text}]"


def test_first_look_offers_every_example_journal():
    box = sp.make_first_look()
    values = [value for _, value in box.controls["journal"].options]
    assert values == list(sp.list_example_journals()["name"])
