"""Render figures as accessible HTML: a PNG embedded with its alt text and caption.

Used by the notebooks (through :func:`sci_pain.show_figure`) and by the self-contained
clinic report, so that every figure a learner sees carries a one-sentence description.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> html = figure_html(fig, alt="An empty set of axes.")
>>> html.startswith("<figure") and 'alt="An empty set of axes."' in html
True
>>> 'title="An empty set of axes."' in html  # shown on hover
True
>>> plt.close(fig)
"""

from __future__ import annotations

import base64
import html
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["as_figure", "cropped_png", "figure_png", "figure_html"]


def as_figure(fig_or_ax: Figure | Axes) -> Figure:
    """Return the Figure of a Figure or of an Axes (or of an array of Axes).

    Raises
    ------
    TypeError
        If the object is neither a Figure nor an Axes.
    """
    candidate = fig_or_ax
    if hasattr(candidate, "flat"):  # numpy array of Axes from plt.subplots
        candidate = candidate.flat[0]
    if hasattr(candidate, "savefig"):
        return candidate
    figure = getattr(candidate, "figure", None)
    if figure is not None and hasattr(figure, "savefig"):
        return figure
    msg = f"expected a matplotlib Figure or Axes, got {type(fig_or_ax).__name__}"
    raise TypeError(msg)


def _tight_bbox(fig: Figure, dpi: int):
    """Return the area ``bbox_inches="tight"`` would keep, found without drawing the figure.

    ``savefig(bbox_inches="tight")`` draws the whole figure once without output only to
    measure it, then draws it again into the PNG. Measuring the artists' extents directly
    (what that first pass leads to) gives the same box, so the figure is drawn once: the
    PNG is byte for byte the same (a test compares them) at about two thirds of the time.
    A figure with a layout engine (constrained or tight layout) still takes the usual path,
    because its engine only runs during a draw.
    """
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if fig.get_layout_engine() is not None:
        return "tight"
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    with _dpi(fig, dpi):
        renderer = canvas.get_renderer()
        box = fig.get_tightbbox(renderer)
    pad = mpl.rcParams["savefig.pad_inches"]
    return box.padded(pad) if box is not None else "tight"


class _dpi:
    """Set a figure's dpi for a block (as savefig does while it prints), then restore it."""

    def __init__(self, fig: Figure, dpi: int) -> None:
        self.fig, self.dpi, self.before = fig, dpi, fig.dpi

    def __enter__(self) -> None:
        self.fig.dpi = self.dpi

    def __exit__(self, *exc) -> None:
        self.fig.dpi = self.before


def figure_png(fig_or_ax: Figure | Axes, *, dpi: int = 100) -> bytes:
    """Return the figure as PNG bytes, cropped to what it shows, drawn once.

    No timestamp metadata, so the output is reproducible; the crop is that of
    ``bbox_inches="tight"`` (same bytes), measured without a second drawing pass.
    """
    fig = as_figure(fig_or_ax)
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="png",
        dpi=dpi,
        bbox_inches=_tight_bbox(fig, dpi),
        metadata={"Software": None},
    )
    return buffer.getvalue()


_MARGIN_INCHES = (2.0, 1.0)
"""Room drawn around a report figure (left and right, top and bottom) for what lies outside it."""


def cropped_png(fig_or_ax: Figure | Axes, *, dpi: int = 100) -> bytes:
    r"""Return the figure as an RGB PNG cropped to what it shows, without measuring it first.

    The clinic report's path (:func:`figure_png` elsewhere). The figure is drawn once on a
    canvas with room around it (:data:`_MARGIN_INCHES`: tick labels and legends often lie
    outside a figure without a layout engine), the crop is found from the pixels (what is not
    the background, plus ``savefig.pad_inches``), and the picture is written by
    :func:`~sci_pain.plotting.encode_rgb` (zlib level 6, no Pillow). ``bbox_inches="tight"``
    measures every artist before drawing, about as long as the drawing itself. The picture
    is the same up to a pixel of margin, on the figure's own pixel grid. A figure with a
    layout engine, or one that reaches the edge of the room drawn (it might have been cut),
    takes :func:`figure_png`'s path. (An artist lying wholly beyond that room would be lost:
    the report's figures reach at most about an inch outside, and a test compares each kind
    with the tight crop.)

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1))
    >>> _ = fig.add_subplot().set_ylabel("pain (0-10)")
    >>> cropped_png(fig)[:4]
    b'\x89PNG'
    """
    import matplotlib as mpl
    import numpy as np
    from matplotlib.colors import to_rgba_array
    from matplotlib.transforms import Bbox

    from sci_pain.plotting import encode_rgb

    fig = as_figure(fig_or_ax)
    if fig.get_layout_engine() is not None:
        return figure_png(fig, dpi=dpi)
    (x_room, y_room), (width, height) = _MARGIN_INCHES, fig.get_size_inches()
    columns, rows = round((width + 2 * x_room) * dpi), round((height + 2 * y_room) * dpi)
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="rgba",
        dpi=dpi,
        bbox_inches=Bbox([[-x_room, -y_room], [width + x_room, height + y_room]]),
    )
    raw = buffer.getbuffer()
    if len(raw) != rows * columns * 4:  # a size that is not whole pixels
        return figure_png(fig, dpi=dpi)
    pixels = np.frombuffer(raw, dtype=np.uint8).reshape(rows, columns, 4)
    background = np.round(to_rgba_array(fig.get_facecolor()) * 255).astype(np.uint8)[0]
    # a pixel is ink when any of its four bytes differs from the background's: compared as
    # one 32-bit number per pixel (a reduction over the 4 bytes took a fifth of the drawing)
    ink = pixels.view(np.uint32)[..., 0] != background.view(np.uint32)[0]
    ink_rows, ink_columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    pad = round(mpl.rcParams["savefig.pad_inches"] * dpi)
    near_edge = len(ink_rows) and (  # (a glyph cut at the edge may leave its first pixels blank)
        ink_rows[0] < pad
        or ink_rows[-1] >= rows - pad
        or ink_columns[0] < pad
        or ink_columns[-1] >= columns - pad
    )
    if not len(ink_rows) or near_edge:  # nothing drawn, or it may reach beyond the room
        return figure_png(fig, dpi=dpi)
    top, bottom = ink_rows[0] - pad, ink_rows[-1] + 1 + pad
    left, right = ink_columns[0] - pad, ink_columns[-1] + 1 + pad
    return encode_rgb(pixels[top:bottom, left:right], level=6)


def figure_html(
    fig_or_ax: Figure | Axes,
    *,
    alt: str,
    caption: str | None = None,
    dpi: int = 100,
    png: bytes | None = None,
) -> str:
    """Return an HTML ``<figure>`` with the PNG embedded, its alt text and a caption.

    Parameters
    ----------
    fig_or_ax : Figure or Axes
        What to render.
    alt : str
        One sentence that describes what the figure shows, for screen readers and for
        anyone reading without images. Required and non-empty.
    caption : str, optional
        Visible caption under the figure; defaults to none.
    dpi : int
        Resolution of the embedded PNG.
    png : bytes, optional
        The picture, already made (the clinic report passes :func:`cropped_png`'s); by
        default :func:`figure_png`'s.

    Returns
    -------
    str
        Self-contained HTML (no external resources); text is escaped.

    Raises
    ------
    ValueError
        If ``alt`` is empty.
    """
    if not alt or not alt.strip():
        msg = "every figure needs alt text: pass alt='One sentence that says what it shows.'"
        raise ValueError(msg)
    if png is None:
        png = figure_png(fig_or_ax, dpi=dpi)
    data = base64.b64encode(png).decode("ascii")
    text = html.escape(alt, quote=True)  # title: the alt text also shows on hover
    parts = [
        '<figure class="sci-pain-figure" style="margin:0">',
        f'<img src="data:image/png;base64,{data}" alt="{text}" title="{text}"'
        ' style="max-width:100%;height:auto"/>',
    ]
    if caption:
        parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
    parts.append("</figure>")
    return "".join(parts)
