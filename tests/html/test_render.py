from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
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


def test_show_text_gives_html_that_wraps_between_words_and_the_same_plain_text():
    shown = sp.show_text("Pain <4> & rising", "Line one\nLine two", 3, display=False)
    assert shown.text == "Pain <4> & rising\nLine one\nLine two\n3"
    assert shown._repr_mimebundle_() == {"text/html": shown.html, "text/plain": shown.text}
    assert "<p>Pain &lt;4&gt; &amp; rising</p><p>Line one</p><p>Line two</p><p>3</p>" in shown.html
    assert "word-break:normal" in shown.html and "break-all" not in shown.html
    listed = sp.show_text("Sit up", "Loosen clothing", bullets=True, display=False)
    assert listed.text == "- Sit up\n- Loosen clothing"
    assert "<ul><li>Sit up</li><li>Loosen clothing</li></ul>" in listed.html


def test_show_text_displays_once_and_returns_nothing(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    assert sp.show_text("Mean pain 4.2") is None
    assert [s.text for s in shown] == ["Mean pain 4.2"]


def test_use_style_sets_colour_blind_safe_cycle():
    sp.use_style()
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    assert colours[:3] == [sp.PALETTE["blue"], sp.PALETTE["orange"], sp.PALETTE["green"]]


def _tight_png(fig, dpi=100):
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["calendar", "timeline", "time_of_day_weekday", "body_map"])
def test_png_is_the_tight_crop_drawn_once(kind, monkeypatch):
    # the report's figures (colour bars and keys in insets outside the Axes, titles, legends
    # below): the single drawing pass gives the bytes of savefig(bbox_inches="tight")
    from matplotlib.figure import Figure

    journal = sp.load_example_journal("dvt")
    draws = []
    original = Figure.draw

    def counted(self, renderer):
        draws.append(renderer)
        return original(self, renderer)

    for dpi in (72, 100):
        fig = Figure(figsize=(9.0, 3.6), dpi=100)
        getattr(sp, f"plot_{kind}")(journal, ax=fig.add_subplot())
        expected = _tight_png(fig, dpi)
        monkeypatch.setattr(Figure, "draw", counted)
        draws.clear()
        assert figure_png(fig, dpi=dpi) == expected
        assert len(draws) == 1  # savefig(bbox_inches="tight") draws twice
        monkeypatch.setattr(Figure, "draw", original)
        assert fig.dpi == 100  # left as it was


def test_png_with_a_layout_engine_keeps_the_usual_path():
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([1, 2, 3])
    ax.set_title("A title")
    assert figure_png(fig) == _tight_png(fig)
    plt.close(fig)


def _pixels(png):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _ink(pixels):
    """The pixels that are not background, and (height, width) of the box around them."""
    ink = (pixels < 250).any(axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return ink, (rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1)


@pytest.mark.parametrize(
    "kind", ["calendar", "timeline", "time_of_day_weekday", "body_map", "descriptors"]
)
def test_the_reports_png_shows_what_the_tight_crop_shows(kind):
    # the report's figures reach outside their figure (colour bars, legends below or beside):
    # drawn once with room around, cropped from the pixels, nothing is cut, the margin is
    # savefig's pad all round, and the drawing is the tight crop's
    from matplotlib.figure import Figure

    from sci_pain.html.figures import cropped_png

    fig = Figure(figsize=(9.0, 3.6), dpi=100)
    getattr(sp, f"plot_{kind}")(sp.load_example_journal("dvt"), ax=fig.add_subplot())
    tight, ours = _pixels(figure_png(fig)), _pixels(cropped_png(fig))
    assert ours.shape != tight.shape or not np.array_equal(ours, tight)  # not figure_png's
    ink, box = _ink(ours)
    assert not ink[:8].any() and not ink[-8:].any() and not ink[:, :8].any()
    assert not ink[:, -8:].any()
    tight_ink, tight_box = _ink(tight)
    cut = tight_ink[0].any() or tight_ink[-1].any() or tight_ink[:, 0].any()
    if cut or tight_ink[:, -1].any():
        # matplotlib's own tight box cut something off (3.8 cuts the body map's caption
        # here): the report's picture must hold at least what it holds
        assert box[0] >= tight_box[0] and box[1] >= tight_box[1]
        assert ink.sum() >= tight_ink.sum()
    else:  # the same drawing: the same extent of ink to within antialiasing
        assert abs(box[0] - tight_box[0]) <= 2 and abs(box[1] - tight_box[1]) <= 2
        assert abs(int(ink.sum()) - int(tight_ink.sum())) < 0.03 * ink.sum()


def test_the_reports_png_takes_the_usual_path_when_it_cannot_see_everything():
    from matplotlib.figure import Figure

    from sci_pain.html.figures import cropped_png

    empty = Figure(figsize=(2, 1))  # nothing drawn: no crop to find
    assert cropped_png(empty) == figure_png(empty)
    far = Figure(figsize=(2, 1))  # reaches the edge of the room drawn around it: might be cut
    far.add_subplot().text(-1.6, 0.5, "far to the left", transform=far.axes[0].transAxes)
    assert cropped_png(far) == figure_png(far)
    fig, ax = plt.subplots(layout="constrained")
    assert cropped_png(fig) == figure_png(fig)
    plt.close(fig)


def _cropped_png_by_bytes(fig, dpi=100):
    """``cropped_png`` as it found the ink before: each pixel's four bytes compared one by one.

    Kept here to pin the faster comparison (one 32-bit number per pixel) against it; only the
    cases that reach the crop are used (the others take ``figure_png``'s path either way).
    """
    import io

    import matplotlib as mpl
    from matplotlib.colors import to_rgba_array
    from matplotlib.transforms import Bbox

    from sci_pain.html.figures import _MARGIN_INCHES
    from sci_pain.plotting import encode_rgb

    (x_room, y_room), (width, height) = _MARGIN_INCHES, fig.get_size_inches()
    columns, rows = round((width + 2 * x_room) * dpi), round((height + 2 * y_room) * dpi)
    buffer = io.BytesIO()
    room = Bbox([[-x_room, -y_room], [width + x_room, height + y_room]])
    fig.savefig(buffer, format="rgba", dpi=dpi, bbox_inches=room)
    pixels = np.frombuffer(buffer.getbuffer(), dtype=np.uint8).reshape(rows, columns, 4)
    background = np.round(to_rgba_array(fig.get_facecolor()) * 255).astype(np.uint8)[0]
    ink = (pixels != background).any(axis=2)
    ink_rows, ink_columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    pad = round(mpl.rcParams["savefig.pad_inches"] * dpi)
    top, bottom = ink_rows[0] - pad, ink_rows[-1] + 1 + pad
    left, right = ink_columns[0] - pad, ink_columns[-1] + 1 + pad
    return encode_rgb(pixels[top:bottom, left:right], level=6)


def _one_faint_pixel_wide(facecolor, colour):
    """A figure whose only ink is a thin line differing from the background in some bytes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2), facecolor=facecolor)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.plot([0.1, 0.3], [0.2, 0.2], color=colour, linewidth=0.3, antialiased=False)
    return fig


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: _plotted("calendar"), id="calendar"),
        pytest.param(lambda: _plotted("descriptors"), id="descriptors"),
        # ink in one byte only: blue, red, then alpha alone (on a see-through background)
        pytest.param(lambda: _one_faint_pixel_wide("white", (1, 1, 0.99)), id="blue-byte"),
        pytest.param(lambda: _one_faint_pixel_wide("white", (0.99, 1, 1)), id="red-byte"),
        pytest.param(lambda: _one_faint_pixel_wide((1, 1, 1, 0), (1, 1, 1, 0.5)), id="alpha"),
        pytest.param(lambda: _one_faint_pixel_wide((0.2, 0.4, 0.6, 0.8), "black"), id="tinted"),
    ],
)
def test_the_reports_crop_finds_the_same_ink_as_comparing_byte_by_byte(make):
    from sci_pain.html.figures import cropped_png

    fig = make()
    expected = _cropped_png_by_bytes(fig)
    assert cropped_png(fig) == expected != figure_png(fig)


def _plotted(kind):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9.0, 3.6), dpi=100)
    getattr(sp, f"plot_{kind}")(sp.load_example_journal("dvt"), ax=fig.add_subplot())
    return fig
