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

__all__ = ["as_figure", "figure_png", "figure_html"]


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


def figure_html(
    fig_or_ax: Figure | Axes, *, alt: str, caption: str | None = None, dpi: int = 100
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
    data = base64.b64encode(figure_png(fig_or_ax, dpi=dpi)).decode("ascii")
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
