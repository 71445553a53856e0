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

from sci_pain.widgets._base import WIDE, guarded, slider

__all__ = ["make_cohort_explorer"]


def make_cohort_explorer(cohort, *, difference: float = 1.0, min_entries: int = 10):
    """Build sliders for an evening pattern; see a histogram and the share of people.

    The sliders set the evening-pattern threshold and the entries needed; the sentence gives
    the share of people with the pattern and its Wilson interval.

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

    def draw() -> None:
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

    redraw = guarded(draw, summary)
    for control in (threshold, needed, confidence):
        control.observe(redraw, names="value")
    redraw()
    return box
