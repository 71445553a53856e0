from __future__ import annotations

import html
import json
from pathlib import Path

import sci_pain as sp

ROOT = Path(__file__).resolve().parents[2]


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


def test_first_look_has_a_static_figure_with_hover_text():
    # issue 14: stored notebook 00 showed only "[Interactive widget ...]" for the first look,
    # and its promise that the description shows on hover was not kept (no title attribute)
    from sci_pain.widgets import STATIC_HTML_MIMETYPE

    box = sp.make_first_look("neuropathic")
    box.controls["window"].value = 14
    static = box._repr_mimebundle_()[STATIC_HTML_MIMETYPE]
    assert static.count("<img ") == 1
    alt = html.escape(box.alt_text, quote=True)
    assert f'alt="{alt}"' in static and f'title="{alt}"' in static
    assert "14-day rolling mean" in static


def test_stored_notebook_00_shows_the_first_look_figure():
    nb = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    outputs = [
        o
        for cell in nb["cells"]
        if cell["cell_type"] == "code" and "make_first_look" in "".join(cell["source"])
        for o in cell["outputs"]
    ]
    assert outputs, "notebook 00 has no first-look output"
    page = "".join("".join(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert "<img " in page and 'title="' in page
