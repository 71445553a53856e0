"""A first look at an example journal, for the start-here notebook.

Examples
--------
>>> box = make_first_look("neuropathic")
>>> box.controls["window"].value = 14
>>> "14-day rolling mean" in box.alt_text
True
"""

from __future__ import annotations

import html

from sci_pain.widgets._base import dropdown, guarded, html_output, slider, static_fallback
from sci_pain.widgets._journals import example_choices

__all__ = ["make_first_look"]


def make_first_look(name: str = "neuropathic"):
    """Pick an example journal and a smoothing window; see its timeline with red flags.

    Parameters
    ----------
    name : str
        The example journal shown first (see :func:`sci_pain.list_example_journals`).

    Returns
    -------
    ipywidgets.VBox
        With ``controls`` (``journal``, ``window``), ``output`` (the figure) and
        ``alt_text`` (the description of the figure now shown). Its display bundle also
        carries a static copy of the figure shown, so a notebook stored without a kernel
        (GitHub, nbviewer) shows the picture, not an empty widget.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt

    from sci_pain.datasets import load_example_journal
    from sci_pain.plotting import alt_text, plot_timeline
    from sci_pain.widgets.display import replace_output

    journal = dropdown(
        "Journal:",
        "Which synthetic example journal to show",
        options=example_choices(),
        value=name,
        layout=w.Layout(width="420px"),
    )
    window = slider(
        "Smoothing (days):", "Width of the rolling mean, in days", value=7, low=1, high=28
    )
    output = w.Output()
    box = w.VBox([w.HBox([journal, window]), output])
    box.add_class("sci-pain-first-look")
    box.controls = {"journal": journal, "window": window}
    box.output = output
    cache: dict[str, object] = {}
    shown: dict[str, str] = {}

    def draw() -> None:
        if journal.value not in cache:
            cache[journal.value] = load_example_journal(journal.value)
        data = cache[journal.value]
        fig, ax = plt.subplots(figsize=(8, 3.6))
        plot_timeline(data, ax=ax, window=window.value, flags=True)
        box.alt_text = alt_text("timeline", data, window=window.value, flags=True)
        shown["html"] = replace_output(output, fig, alt=box.alt_text).html

    def show_error(text: str) -> None:
        output.outputs = html_output(text, "[The figure could not be drawn]")

    redraw = guarded(draw, show_error)
    journal.observe(redraw, names="value")
    window.observe(redraw, names="value")
    redraw()

    return static_fallback(
        box,
        lambda: (
            "<p><b>A first look at an example journal</b> (interactive: open this notebook in "
            "JupyterLab and run it to pick a journal and the smoothing)</p>"
            + shown["html"]
            + f"<p><i>What the figure shows:</i> {html.escape(box.alt_text)}</p>"
        ),
        lambda: f"[A first look at an example journal: {box.alt_text}]",
    )
