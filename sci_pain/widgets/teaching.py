"""Widgets for the teaching notebooks: a slider that moves one journal figure.

The builder returns a container (not displayed) with ``controls`` (a dict from name to
control) and ``result`` (the HTML widget showing the figure with its alt text). Each change
of the slider calls one library plot, :func:`sci_pain.plot_association`, and nothing else;
an error is shown in the result instead of being swallowed.

Examples
--------
>>> import sci_pain as sp
>>> box = make_lag_widget(sp.load_example_journal("overuse"), n_boot=50)
>>> box.controls["lag"].value = 1
>>> "day before" in box.result.value
True
"""

from __future__ import annotations

from functools import partial

from sci_pain.style import PALETTE
from sci_pain.widgets._base import BORDER, guarded, notice_html, slider

__all__ = ["make_lag_widget"]


_error_html = partial(
    notice_html,
    "▲ This could not be drawn.",
    css_class="sci-pain-widget-error",
    colour=PALETTE["orange"],
    spaced=True,
)
"""How a figure that cannot be drawn is shown (``_error_html(error)``)."""


def make_lag_widget(
    entries,
    *,
    variable: str = "activity_min",
    max_lag: int = 3,
    n_boot: int = 200,
    seed: int = 0,
):
    """Build a slider for the lag between a daily measure and pain, redrawing the scatter plot.

    Moving the slider from 0 to 1 day shows, for example, that overuse pain follows the
    therapy minutes of the day before rather than those of the same day.

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries (see :func:`sci_pain.plot_association`).
    variable : str, default "activity_min"
        The daily measure put against pain (``activity_min``, ``spasms``, ``sleep_hours``,
        ``immobile_hours``, ``interference``).
    max_lag : int, default 3
        The largest lag offered, in days.
    n_boot, seed
        For the bootstrap interval of Spearman's rho (fewer resamples redraw faster).

    Returns
    -------
    ipywidgets.VBox
        With the CSS class ``sci-pain-lag-widget``, ``box.controls["lag"]`` (an IntSlider
        from 0 to ``max_lag``, starting at 0) and ``box.result`` (HTML: the figure with its
        alt text from :func:`sci_pain.journal_alt_text`).

    Raises
    ------
    ValueError
        If ``max_lag`` is not a whole number from 1 to 14.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt

    from sci_pain.html import figure_html
    from sci_pain.plotting import alt_text, plot_association

    if isinstance(max_lag, bool) or not isinstance(max_lag, int) or not 1 <= max_lag <= 14:
        msg = f"max_lag must be a whole number of days from 1 to 14, got {max_lag!r}"
        raise ValueError(msg)
    lag = slider(
        "Lag (days):",
        "0: the measure on the same day as the pain; 1: on the day before; ...",
        value=0,
        low=0,
        high=max_lag,
        step=1,
    )
    result = w.HTML(value="")

    def draw() -> None:
        options = {"variable": variable, "lag": lag.value, "n_boot": n_boot, "seed": seed}
        fig, ax = plt.subplots(figsize=(6.0, 4.2))
        try:
            plot_association(entries, ax=ax, **options)
            result.value = figure_html(fig, alt=alt_text("association", entries, **options))
        finally:
            plt.close(fig)

    # AnalysisError is a ValueError
    update = guarded(draw, result, catch=(ValueError, TypeError), describe=_error_html)

    lag.observe(update, names="value")
    update()
    intro = w.HTML(
        "<p>Move the slider to compare the pain of each day with the measure on the same "
        "day (0), the day before (1), and so on. Which lag gives the strongest link?</p>"
    )
    box = w.VBox([intro, lag, result], layout=w.Layout(**BORDER))
    box.add_class("sci-pain-lag-widget")
    box.controls, box.result = {"lag": lag}, result
    return box
