"""Show figures (with their alt text) and sentences for people in a notebook.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> show_figure(ax, alt="An empty plot.", display=False).alt
'An empty plot.'
>>> plt.close("all")
>>> show_text("Mean pain 4.2 over 14 days.", display=False).text
'Mean pain 4.2 over 14 days.'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sci_pain.html import as_figure, figure_html, prose_html, prose_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["FigureHTML", "TextHTML", "replace_output", "show_figure", "show_text"]


class TextHTML:
    """Something to show: HTML for notebooks and the course site, and its plain-text form.

    The plain-text form is what nbval compares and what a text-only reader sees.
    """

    def __init__(self, html: str, text: str):
        self.html = html
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": self.text}


class FigureHTML(TextHTML):
    """A rendered figure: HTML for notebooks, its alt text as the plain-text form."""

    def __init__(self, html: str, alt: str):
        super().__init__(html, f"[Figure: {alt}]")
        self.alt = alt


def show_text(*lines: object, bullets: bool = False, display: bool = True) -> TextHTML | None:
    """Display sentences for people: HTML that wraps between words, with a plain-text form.

    Use it in notebooks instead of ``print`` for anything a learner reads: JupyterLab shows
    printed text in a monospace block that can break a line in the middle of a word
    (``word-break: break-all``); this shows the text as paragraphs (or a bulleted list), and
    the same lines as the plain text that nbval compares and a reader without HTML sees.

    Parameters
    ----------
    *lines : object
        The text, one paragraph per argument (each shown with ``str``); a line break inside
        one starts a new paragraph. Text is never read as markup (``<`` stays ``<``).
    bullets : bool, default False
        Show the lines as a bulleted list (``- `` before each in the plain text).
    display : bool
        Display it now (default); with False, only return the object.

    Returns
    -------
    TextHTML or None
        The text with ``.html`` and ``.text`` when ``display=False``; ``None`` when it was
        displayed, so a ``sp.show_text(...)`` on a cell's last line is not shown twice.

    See Also
    --------
    sci_pain.table : a DataFrame as a table for people.

    Examples
    --------
    >>> import sci_pain as sp
    >>> shown = sp.show_text(
    ...     "Raise the legs.", "Loosen tight clothing.", bullets=True, display=False
    ... )
    >>> print(shown.text)
    - Raise the legs.
    - Loosen tight clothing.
    >>> shown.html.count("<li>")
    2
    """
    shown = TextHTML(prose_html(lines, bullets=bullets), prose_text(lines, bullets=bullets))
    if display:
        from IPython.display import display as ipy_display

        ipy_display(shown)
        return None
    return shown


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
