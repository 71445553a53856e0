"""Explore a class cohort: how many people show an evening pattern, and how sure can we be?

Examples
--------
>>> from sci_pain.journal import cohort_from_frame
>>> from sci_pain.simulate.engine import simulate_cohort
>>> box = make_cohort_explorer(
...     cohort_from_frame(simulate_cohort(30, 60, seed=1), person="person_id")
... )
>>> box.controls["difference"].value = 0.5
>>> "of 30 people" in box.sentence
True
"""

from __future__ import annotations

__all__ = ["make_cohort_explorer"]


def make_cohort_explorer(cohort, *, difference: float = 1.0, min_entries: int = 10):
    """Sliders for the evening-pattern threshold and the entries needed; a histogram and a
    sentence with the share of people and its Wilson interval.

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

    import ipywidgets as w
    import matplotlib.pyplot as plt

    from sci_pain.analysis import evening_pattern, prevalence
    from sci_pain.plotting import (
        alt_text_evening_pattern,
        plot_evening_pattern,
        prevalence_sentence,
    )
    from sci_pain.widgets.display import replace_output

    style = {"description_width": "initial"}
    threshold = w.FloatSlider(
        value=difference,
        min=0.5,
        max=3.0,
        step=0.25,
        description="Evening higher by at least (points):",
        style=style,
        layout=w.Layout(width="420px"),
        continuous_update=False,
    )
    needed = w.IntSlider(
        value=min_entries,
        min=3,
        max=30,
        description="Entries needed (morning and evening):",
        style=style,
        layout=w.Layout(width="420px"),
        continuous_update=False,
    )
    confidence = w.Dropdown(
        options=[("80%", 0.8), ("90%", 0.9), ("95%", 0.95), ("99%", 0.99)],
        value=0.95,
        description="Interval:",
        style=style,
    )
    summary = w.HTML()
    output = w.Output()
    box = w.VBox([threshold, needed, confidence, summary, output])
    box.add_class("sci-pain-cohort-explorer")
    box.controls = {"difference": threshold, "min_entries": needed, "confidence": confidence}
    box.output = output
    box.summary = summary

    def redraw(_change=None) -> None:
        table = evening_pattern(cohort, difference=threshold.value, min_entries=needed.value)
        counts = prevalence(table, column="evening_pattern", confidence=confidence.value)
        box.sentence = prevalence_sentence(
            counts, what="show an evening pattern", confidence=confidence.value
        )
        summary.value = f"<p><b>{html.escape(box.sentence)}</b></p>"
        fig, ax = plt.subplots(figsize=(7, 3.4))
        plot_evening_pattern(table, difference=threshold.value, ax=ax)
        box.alt_text = alt_text_evening_pattern(table, difference=threshold.value)
        replace_output(output, fig, alt=box.alt_text)

    for control in (threshold, needed, confidence):
        control.observe(redraw, names="value")
    redraw()
    return box
