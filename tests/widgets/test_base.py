"""Tests for sci_pain.widgets._base: the static fallback, guarded(), the shared HTML pieces."""

from __future__ import annotations

from importlib import resources

import ipywidgets as w
import pytest

from sci_pain.widgets._base import (
    STATIC_HTML_MIMETYPE,
    FigureView,
    figure_static_html,
    guarded,
    notice_html,
    static_fallback,
    style_html,
)

STYLES = sorted(
    p.name.removesuffix(".css")
    for p in resources.files("sci_pain.widgets").joinpath("styles").iterdir()
    if p.name.endswith(".css")
)


@pytest.mark.parametrize("name", STYLES)
def test_every_stylesheet_is_read_as_a_style_element(name):
    css = style_html(name)
    assert css.startswith("<style>") and css.endswith("</style>")
    assert css.count("{") == css.count("}") > 0
    assert "<" not in css[len("<style>") : -len("</style>")]  # nothing that ends the element


def test_the_static_fallback_shows_the_state_when_displayed():
    box = w.VBox()
    state = {"text": "first"}
    static_fallback(box, lambda: f"<p>{state['text']}</p>", lambda: f"[{state['text']}]")
    state["text"] = "second"
    bundle = box._repr_mimebundle_()
    assert bundle[STATIC_HTML_MIMETYPE] == "<p>second</p>" and bundle["text/plain"] == "[second]"
    assert "application/vnd.jupyter.widget-view+json" in bundle  # the live widget stays


def test_guarded_shows_errors_in_a_widget_and_lets_others_through():
    result = w.HTML()

    def broken():
        raise KeyError("<script>")

    guarded(broken, result)()
    assert 'class="sci-pain-error" role="alert"' in result.value
    assert "&lt;script&gt;" in result.value and "<script>" not in result.value
    only_values = guarded(broken, result, catch=ValueError)
    with pytest.raises(KeyError):
        only_values()


def test_a_notice_escapes_its_title_and_text():
    text = notice_html("<b>", "a & b", css_class="x", colour="#000", role="alert", tag="p")
    assert text == (
        '<p class="x" role="alert" style="border-left:6px solid #000;padding:4px 10px">'
        "<b>&lt;b&gt;</b> a &amp; b</p>"
    )


def test_a_figure_view_keeps_what_it_shows_for_the_static_view():
    view = FigureView()
    assert figure_static_html("A widget", None) == view.static_html("A widget")
    view.show(b"\x89PNG fake", "First description")
    view.describe("A better description")
    (output,) = view.figure.outputs
    assert 'alt="First description"' in output["data"]["text/html"]
    static = view.static_html("A widget")
    assert "A better description" in static and "First description" not in static
    assert "Figure description:</b> A better description" in view.alt.value
    image = FigureView(image=True)
    image.show(b"png bytes", "")
    assert image.figure.value == b"png bytes"
