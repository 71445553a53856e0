"""Show figures and HTML in a notebook with their alt text.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> show_figure(ax, alt="An empty plot.", display=False).alt
'An empty plot.'
>>> plt.close("all")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sci_pain.html import as_figure, figure_html

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["FigureHTML", "replace_output", "show_figure"]


class FigureHTML:
    """A rendered figure: HTML for notebooks, its alt text as the plain-text form.

    The plain-text form is what nbval compares and what a text-only reader sees.
    """

    def __init__(self, html: str, alt: str):
        self.html = html
        self.alt = alt

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": f"[Figure: {self.alt}]"}


def show_figure(
    fig_or_ax: Figure | Axes,
    *,
    alt: str,
    caption: str | None = None,
    close: bool = True,
    display: bool = True,
) -> FigureHTML:
    """Display a matplotlib figure as an image with alt text (and close it).

    Parameters
    ----------
    fig_or_ax : Figure or Axes
        The figure to show; an Axes shows its whole figure.
    alt : str
        One sentence saying what the figure shows (required).
    caption : str, optional
        A visible caption.
    close : bool
        Close the figure afterwards so the inline backend does not show it a second time.
    display : bool
        Display it now (default); with False, only return the object.

    Returns
    -------
    FigureHTML or None
        The rendered figure when ``display=False``; ``None`` when it was displayed, so that
        a ``sp.show_figure(...)`` on a cell's last line does not show the figure twice.
    """
    fig = as_figure(fig_or_ax)
    shown = FigureHTML(figure_html(fig, alt=alt, caption=caption), alt)
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    if display:
        from IPython.display import display as ipy_display

        ipy_display(shown)
        return None
    return shown


def replace_output(output, fig_or_ax: Figure | Axes, *, alt: str, caption: str | None = None):
    """Show a figure in an ``ipywidgets.Output``, replacing what it showed, and close it.

    The output's ``outputs`` are replaced in one assignment, so the redraw does not flicker
    and works the same in a kernel, under nbval and in tests (no capture context needed).

    Returns
    -------
    FigureHTML
        What is now shown (its ``alt`` is the figure's description).
    """
    shown = show_figure(fig_or_ax, alt=alt, caption=caption, display=False)
    bundle = shown._repr_mimebundle_()
    output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
    return shown
