from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

import sci_pain as sp
from sci_pain.html.figures import as_figure, figure_html, figure_png


def test_figure_html_embeds_png_with_escaped_alt():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    html = figure_html(ax, alt='Pain "rises" <fast>', caption="A & B")
    assert 'alt="Pain &quot;rises&quot; &lt;fast&gt;"' in html
    assert "<figcaption>A &amp; B</figcaption>" in html
    assert "data:image/png;base64," in html and "http" not in html


def test_alt_text_is_required():
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="alt text"):
        figure_html(fig, alt="  ")


def test_png_is_reproducible():
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    assert figure_png(fig) == figure_png(fig)


def test_as_figure_rejects_other_objects():
    with pytest.raises(TypeError, match="Figure or Axes"):
        as_figure("not a figure")


def test_show_figure_closes_and_returns_text_form():
    fig, ax = plt.subplots()
    shown = sp.show_figure(ax, alt="A line.", display=False)
    assert shown._repr_mimebundle_()["text/plain"] == "[Figure: A line.]"
    assert not plt.fignum_exists(fig.number)


def test_use_style_sets_colour_blind_safe_cycle():
    sp.use_style()
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    assert colours[:3] == [sp.PALETTE["blue"], sp.PALETTE["orange"], sp.PALETTE["green"]]
