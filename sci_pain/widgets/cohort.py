"""Explore a class cohort: how many people show an evening pattern, and how sure we can be.

Examples
--------
>>> from sci_pain.journal import cohort_from_frame
>>> from sci_pain.simulate import simulate_cohort
>>> box = make_cohort_explorer(
...     cohort_from_frame(simulate_cohort(30, 60, seed=1), person="person_id")
... )
>>> box.controls["difference"].value = 0.5
>>> "of 30 people" in box.sentence
True
"""

from __future__ import annotations

from sci_pain.widgets._base import WIDE, figure_output, guarded, slider

__all__ = ["make_cohort_explorer"]


def make_cohort_explorer(cohort, *, difference: float = 1.0, min_entries: int = 10):
    """Build sliders for an evening pattern; see a histogram and the share of people.

    The sliders set the evening-pattern threshold and the entries needed; the sentence gives
    the share of people with the pattern and its Wilson interval. Each setting's table is
    computed once and its figure drawn once, in place on one figure (the last pictures are
    kept, so going back costs nothing); the interval's confidence changes only the sentence.

    Parameters
    ----------
    cohort : Cohort
    difference : float, default 1.0
    min_entries : int, default 10

    Returns
    -------
    ipywidgets.VBox
        With ``controls`` (``difference``, ``min_entries``, ``confidence``), ``output``,
        ``summary`` (the HTML sentence widget), ``sentence`` and ``alt_text``.
    """
    import html
    from collections import OrderedDict

    import ipywidgets as w
    from matplotlib.figure import Figure

    from sci_pain.analysis import evening_pattern, prevalence
    from sci_pain.plotting import (
        alt_text_evening_pattern,
        plot_evening_pattern,
        prevalence_sentence,
        render_png,
    )
    from sci_pain.style import style_context

    wide = w.Layout(width="420px")
    threshold = slider(
        "Evening higher by at least (points):",
        None,
        value=difference,
        low=0.5,
        high=3.0,
        whole=False,
        step=0.25,
        layout=wide,
    )
    needed = slider(
        "Entries needed (morning and evening):",
        None,
        value=min_entries,
        low=3,
        high=30,
        layout=wide,
    )
    confidence = w.Dropdown(
        options=[("80%", 0.8), ("90%", 0.9), ("95%", 0.95), ("99%", 0.99)],
        value=0.95,
        description="Interval:",
        style=WIDE,
    )
    summary = w.HTML()
    output = w.Output()
    box = w.VBox([threshold, needed, confidence, summary, output])
    box.add_class("sci-pain-cohort-explorer")
    box.controls = {"difference": threshold, "min_entries": needed, "confidence": confidence}
    box.output = output
    box.summary = summary
    with style_context():  # one figure, redrawn in place (drawn once per change, no crop pass)
        fig = Figure(figsize=(7, 3.4), dpi=100)
        fig.subplots_adjust(left=0.08, right=0.94, top=0.9, bottom=0.15)
        ax = fig.add_subplot()
    tables = {}  # (difference, entries needed) -> the table, each computed once
    pictures = OrderedDict()  # the same -> (PNG, alt text), the last few drawn

    def table():
        key = (threshold.value, needed.value)
        if key not in tables:
            tables[key] = evening_pattern(cohort, difference=key[0], min_entries=key[1])
        return tables[key]

    def count() -> None:  # the interval's confidence changes only the sentence
        counts = prevalence(table(), column="evening_pattern", confidence=confidence.value)
        box.sentence = prevalence_sentence(
            counts, what="show an evening pattern", confidence=confidence.value
        )
        summary.value = f"<p><b>{html.escape(box.sentence)}</b></p>"

    def picture(key) -> tuple[bytes, str]:
        if key not in pictures:
            with style_context():  # replaces the bars drawn before, keeps the axes' ticks
                plot_evening_pattern(table(), difference=threshold.value, ax=ax)
                png = render_png(fig)
            pictures[key] = (png, alt_text_evening_pattern(table(), difference=threshold.value))
            while len(pictures) > 32:
                pictures.popitem(last=False)
        pictures.move_to_end(key)
        return pictures[key]

    def draw() -> None:
        count()
        png, box.alt_text = picture((threshold.value, needed.value))
        output.outputs = figure_output(png, box.alt_text)

    redraw = guarded(draw, summary)
    threshold.observe(redraw, names="value")
    needed.observe(redraw, names="value")
    confidence.observe(guarded(count, summary), names="value")
    redraw()
    return box
