"""What every widget builder shares: the static fallback, the error display, small HTML pieces.

* :func:`static_fallback` is the one way a widget shows something when its notebook is read
  without a kernel (GitHub, nbviewer, the course site): its display bundle carries a static
  HTML view under :data:`STATIC_HTML_MIMETYPE`, which ``tools/build_notebooks.py`` stores as
  the cell's ``text/html``; a live JupyterLab ignores it and renders the widget.
* :func:`guarded` wraps a callback so that an error is shown in the widget (by default as
  :func:`error_html`) instead of being swallowed in a log.
* :func:`notice_html`, :func:`message_html`, :func:`img_html`, :func:`figure_output` and
  :func:`alt_html` are the HTML pieces several widgets show; :func:`style_html` reads a
  widget's CSS from ``sci_pain/widgets/styles/<name>.css``.
* :func:`dropdown` and :func:`checkbox` make the controls with the layout every widget uses
  (the description in full, as wide as its content).

Examples
--------
>>> import ipywidgets as w
>>> box = static_fallback(w.VBox(), lambda: "<p>A picture</p>", "[A widget]")
>>> bundle = box._repr_mimebundle_()
>>> bundle[STATIC_HTML_MIMETYPE], bundle["text/plain"]
('<p>A picture</p>', '[A widget]')
>>> shown = []
>>> callback = guarded(lambda: 1 / 0, shown.append)
>>> callback()
>>> "ZeroDivisionError: division by zero" in shown[0]
True
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from sci_pain.style import PALETTE

__all__ = [
    "BORDER",
    "FigureView",
    "Hold",
    "STATIC_HTML_MIMETYPE",
    "WIDE",
    "alt_html",
    "checkbox",
    "dropdown",
    "error_html",
    "feedback_html",
    "figure_output",
    "figure_static_html",
    "guarded",
    "html_output",
    "img_html",
    "message_html",
    "notice_html",
    "show",
    "slider",
    "static_fallback",
    "style_html",
]

STATIC_HTML_MIMETYPE = "text/x-sci-pain-static-html"
"""Where the static fallback travels in a live bundle. ``tools/build_notebooks.py`` turns it
into ``text/html`` when it strips live widget views from stored notebooks; a live JupyterLab
ignores it, so it always renders the widget itself."""

WIDE = {"description_width": "initial"}
"""Widget style: show a control's description in full."""

BORDER = {"border": "1px solid #bbb", "padding": "6px 12px"}
"""Layout of a widget's outer box: a thin frame around its controls and results."""


# -- the static fallback ------------------------------------------------------------------------


def static_fallback(box, static_html: Callable[[], str], text: str | Callable[[], str]):
    """Give a widget a static view for notebooks read without a kernel; return the widget.

    The widget's display bundle gains ``static_html()`` under :data:`STATIC_HTML_MIMETYPE`
    and ``text`` as its ``text/plain`` form, both computed when it is displayed (so they show
    the widget's state at that moment).

    Parameters
    ----------
    box : ipywidgets.Widget
        The widget's container.
    static_html : callable
        Returns the static view (HTML, escaped by the caller).
    text : str or callable
        The plain-text form (what nbval compares and a text-only reader sees).

    Returns
    -------
    ipywidgets.Widget
        ``box`` itself.
    """
    widget_bundle = box._repr_mimebundle_

    def bundle(include=None, exclude=None, **kwargs):
        data = dict(widget_bundle(include=include, exclude=exclude, **kwargs) or {})
        data[STATIC_HTML_MIMETYPE] = static_html()
        data["text/plain"] = text() if callable(text) else text
        return data

    box._repr_mimebundle_ = bundle
    return box


def figure_static_html(title: str, shown: tuple[bytes, str] | None) -> str:
    """Return the static view of a one-figure widget: a note, the figure, its description.

    Parameters
    ----------
    title : str
        The widget's name.
    shown : (png, alt) or None
        The figure now shown, if any.
    """
    note = (
        f"<p><b>{html.escape(title)}</b> (interactive: open this notebook in JupyterLab "
        f"and run it to use the controls)</p>"
    )
    if shown is None:
        return note
    png, alt = shown
    return note + img_html(png, alt) + alt_html(alt)


def show(box):
    """Display a widget (with its static fallback) in a notebook and return it.

    Parameters
    ----------
    box : ipywidgets.Widget
        Usually given a static view by :func:`static_fallback` first.

    Returns
    -------
    ipywidgets.Widget
        ``box``, for code that sets its controls afterwards.
    """
    from IPython.display import display

    display(box)
    return box


class Hold:
    """True while controls are changed in code, so that one redraw follows, not many.

    Examples
    --------
    >>> hold = Hold()
    >>> with hold:
    ...     bool(hold)
    True
    >>> bool(hold)
    False
    """

    def __init__(self):
        self.active = False

    def __bool__(self) -> bool:
        return self.active

    def __enter__(self):
        self.active = True
        return self

    def __exit__(self, *exc):
        self.active = False


# -- errors and notices -------------------------------------------------------------------------


def notice_html(
    title: str,
    text: object,
    *,
    css_class: str = "sci-pain-message",
    colour: str | None = None,
    role: str | None = None,
    tag: str = "div",
    spaced: bool = False,
) -> str:
    """Return a boxed notice: a bold title, then the text (both escaped).

    Parameters
    ----------
    title : str
        In bold, e.g. ``"▲ Check the answers."``.
    text : object
        The message (an exception shows its message).
    css_class : str, default "sci-pain-message"
        Its CSS class (``sci-pain-message`` is styled by the journal widgets' CSS).
    colour : str, optional
        A left border of this colour, drawn inline (for widgets without their own CSS).
    role : str, optional
        An ARIA role, e.g. ``"alert"``.
    tag : str, default "div"
    spaced : bool, default False
        With ``colour``: a margin above and below.

    Returns
    -------
    str

    Examples
    --------
    >>> notice_html("Nothing to show:", "no entries <yet>")
    '<div class="sci-pain-message"><b>Nothing to show:</b> no entries &lt;yet&gt;</div>'
    """
    attributes = f' class="{css_class}"'
    if role:
        attributes += f' role="{role}"'
    if colour:
        margin = ";margin:4px 0" if spaced else ""
        attributes += f' style="border-left:6px solid {colour};padding:4px 10px{margin}"'
    return f"<{tag}{attributes}><b>{html.escape(title)}</b> {html.escape(str(text))}</{tag}>"


def message_html(title: str, error: Exception | str) -> str:
    """Return a message of a journal widget: what could not be done, and why.

    Examples
    --------
    >>> message_html("Cannot be read:", "no 'pain' column")
    '<div class="sci-pain-message"><b>Cannot be read:</b> no &#x27;pain&#x27; column</div>'
    """
    return notice_html(title, error)


def feedback_html(correct: bool, title: str = "", rest: str = "") -> str:
    """Feedback on an answer: a green tick or a red cross, a bold title, then more HTML.

    Parameters
    ----------
    correct : bool
    title : str, optional
        In bold after the tick or cross (escaped).
    rest : str, optional
        HTML after it (escaped by the caller).

    Examples
    --------
    >>> feedback_html(True, "Right.").endswith('margin:4px 0"><b>✔ Right.</b></div>')
    True
    """
    colour = PALETTE["green"] if correct else PALETTE["vermillion"]
    icon = "✔" if correct else "✘"
    css = "correct" if correct else "wrong"
    bold = f"{icon} {html.escape(title)}" if title else icon
    return (
        f'<div class="sci-pain-feedback {css}" style="border-left:4px solid {colour};'
        f'padding:2px 8px;margin:4px 0"><b>{bold}</b>{rest}</div>'
    )


def error_html(error: Exception) -> str:
    """Describe an unexpected error of a callback, to show in the widget (role ``alert``).

    Examples
    --------
    >>> "KeyError: &#x27;x&#x27;" in error_html(KeyError("x"))
    True
    """
    return notice_html(
        "Something went wrong:",
        f"{type(error).__name__}: {error}",
        css_class="sci-pain-error",
        colour=PALETTE["vermillion"],
        role="alert",
    )


def guarded(
    update: Callable[[], None],
    show_error: Callable[[str], None] | Any,
    *,
    catch: type[Exception] | tuple[type[Exception], ...] = Exception,
    describe: Callable[[Exception], str] = error_html,
) -> Callable:
    """Wrap a widget's update so that an error is shown in the widget, not swallowed.

    Parameters
    ----------
    update : callable
        Called without arguments on every change.
    show_error : callable or widget
        Receives the HTML describing an error; a widget (e.g. the HTML widget of the
        result) shows it as its ``value``.
    catch : exception type or tuple, default Exception
        The errors to show; others propagate.
    describe : callable, default :func:`error_html`
        Turns a caught error into HTML.

    Returns
    -------
    callable
        A callback for ``control.observe(...)`` (it ignores the change it is given).
    """
    if not callable(show_error):
        widget = show_error

        def show_error(text: str) -> None:
            widget.value = text

    def callback(_change=None) -> None:
        try:
            update()
        except catch as err:  # shown to the learner, not hidden in a log
            show_error(describe(err))

    return callback


# -- figures and styles -------------------------------------------------------------------------


def img_html(png: bytes, alt: str) -> str:
    """Return a PNG as an ``<img>`` in a ``<figure>``, with its alt text (also on hover)."""
    data = base64.b64encode(png).decode("ascii")
    text = html.escape(alt, quote=True)
    return (
        '<figure class="sci-pain-figure" style="margin:0">'
        f'<img src="data:image/png;base64,{data}" alt="{text}" title="{text}"'
        ' style="max-width:100%;height:auto"/></figure>'
    )


def html_output(html_text: str, text: str) -> tuple[dict, ...]:
    """Return the ``outputs`` of an Output widget showing HTML (``text``: its plain form).

    Assigned to ``output.outputs`` in one step, so that a redraw does not flicker.
    """
    return (
        {
            "output_type": "display_data",
            "data": {"text/html": html_text, "text/plain": text},
            "metadata": {},
        },
    )


def figure_output(png: bytes, alt: str) -> tuple[dict, ...]:
    """Return the ``outputs`` of an Output widget showing a PNG as an ``<img>`` with alt text."""
    return html_output(img_html(png, alt), f"[Figure: {alt}]")


class FigureView:
    """Where a widget shows its figure: an ``<img>`` with alt text (or an Image), described below.

    Parameters
    ----------
    image : bool, default False
        Show the PNG in an ``ipywidgets.Image`` (sent as bytes; no alt text, so the
        description below is its only text version) instead of an ``Output``.

    Attributes
    ----------
    figure : ipywidgets.Output or ipywidgets.Image
    alt : ipywidgets.HTML
        The description below the figure (or a message in its place).
    shown : (bytes, str) or None
        The picture shown and its description, for :meth:`static_html`.
    """

    def __init__(self, *, image: bool = False):
        import ipywidgets as w

        self.image = image
        if image:
            self.figure = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        else:
            self.figure = w.Output()
        self.alt = w.HTML()
        self.shown: tuple[bytes, str] | None = None

    def show(self, png: bytes, alt: str) -> None:
        """Show a picture (in an Output, as an ``<img>`` with ``alt``) and keep it."""
        if self.image:
            self.figure.value = png
        else:
            self.figure.outputs = figure_output(png, alt)
        self.shown = (png, alt)

    def describe(self, alt: str) -> None:
        """Describe the figure below it (and keep the description for the static view)."""
        self.alt.value = alt_html(alt)
        if self.shown is not None:
            self.shown = (self.shown[0], alt)

    def static_html(self, title: str) -> str:
        """Return the static view of the widget: a note, the picture, its description."""
        return figure_static_html(title, self.shown)


def alt_html(alt: str) -> str:
    """Return a figure's description, to show below it."""
    return f'<p class="sci-pain-alt"><b>Figure description:</b> {html.escape(alt)}</p>'


@cache
def style_html(name: str) -> str:
    """Return the CSS of ``sci_pain/widgets/styles/<name>.css`` in a ``<style>`` element.

    Examples
    --------
    >>> style_html("quiz").startswith("<style>")
    True
    """
    css = resources.files("sci_pain.widgets").joinpath("styles", f"{name}.css").read_text("utf-8")
    return f"<style>{css}</style>"


# -- controls -----------------------------------------------------------------------------------


def dropdown(description: str, tooltip: str | None = None, **kwargs):
    """Make a Dropdown with its description in full, as wide as its content.

    Parameters
    ----------
    description, tooltip : str
    **kwargs
        ``options``, ``value`` and any other Dropdown argument.
    """
    import ipywidgets as w

    kwargs.setdefault("style", WIDE)
    kwargs.setdefault("layout", w.Layout(width="max-content"))
    return w.Dropdown(description=description, tooltip=tooltip, **kwargs)


def slider(
    description: str,
    tooltip: str | None,
    *,
    value,
    low,
    high,
    continuous: bool = False,
    whole: bool = True,
    **kwargs,
):
    """Make a slider with its description in full.

    Parameters
    ----------
    description, tooltip : str
    value, low, high : int or float
        Where it starts, and its ends.
    continuous : bool, default False
        Redraw while the handle is dragged (True) or when it is let go.
    whole : bool, default True
        Whole numbers (IntSlider) or not (FloatSlider).
    **kwargs
        Any other slider argument (``step``, ``layout``).
    """
    import ipywidgets as w

    kind = w.IntSlider if whole else w.FloatSlider
    if tooltip is not None:
        kwargs["tooltip"] = tooltip
    return kind(
        value=value,
        min=low,
        max=high,
        description=description,
        continuous_update=continuous,
        style=WIDE,
        **kwargs,
    )


def checkbox(
    description: str,
    tooltip: str | None = None,
    *,
    value: bool = False,
    width: str = "auto",
    **kwargs,
):
    """Make a tick box whose label starts at the box (no indent)."""
    import ipywidgets as w

    return w.Checkbox(
        value=value,
        description=description,
        tooltip=tooltip,
        indent=False,
        layout=w.Layout(width=width),
        **kwargs,
    )
