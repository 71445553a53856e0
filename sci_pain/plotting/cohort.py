"""Figures of a class cohort: one value per person, and how many pass a threshold.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> from sci_pain.analysis import evening_pattern
>>> from sci_pain.journal import cohort_from_frame
>>> from sci_pain.simulate.engine import simulate_cohort
>>> table = evening_pattern(cohort_from_frame(simulate_cohort(20, 60, seed=1), person="person_id"))
>>> ax = plot_evening_pattern(table, difference=1.0)
>>> ax.get_xlabel()
'Evening minus morning, within the same days (NRS points)'
>>> alt_text_evening_pattern(table, difference=1.0).startswith("Histogram of 20 people")
True
>>> plt.close("all")
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sci_pain.plotting._docs import shared_docs
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["plot_evening_pattern", "alt_text_evening_pattern", "prevalence_sentence"]


@shared_docs()
def plot_evening_pattern(table: pd.DataFrame, *, difference: float = 1.0, ax: Axes | None = None):
    """Histogram of each person's evening-minus-morning difference, with the threshold.

    Parameters
    ----------
    table : DataFrame
        From :func:`sci_pain.evening_pattern`.
    difference : float, default 1.0
        The threshold drawn (NRS points).
    %(ax_new_figure)s
        An Axes that already shows this plot has it replaced (a widget's redraw): the same
        picture as on a new Axes, without making its ticks again.

    Returns
    -------
    Axes
        One bar stack per bin (below the threshold, and at or above it: the evening
        pattern), and the threshold as a dashed line (``gid="threshold"``).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> table = pd.DataFrame(
    ...     {"evening_minus_morning": [-0.5, 0.4, 1.2, 2.0], "evening_pattern": [0, 0, 1, 1]}
    ... )
    >>> ax = plot_evening_pattern(table, difference=1.0)
    >>> ax.get_title()
    'Evening pattern: evening at least 1 points above the morning'
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.4))
    elif any(line.get_gid() == "threshold" for line in ax.lines):
        _remove_plot(ax)
    assessed = table["evening_pattern"].notna().to_numpy()
    values = table["evening_minus_morning"].to_numpy(dtype=float)[assessed]
    low = math.floor(min(values.min(initial=0.0), -1.0) * 2) / 2
    high = math.ceil(max(values.max(initial=0.0), difference + 0.5) * 2) / 2
    bins = np.arange(low, high + 0.25, 0.25)
    above = values >= difference
    ax.hist(
        [values[~above], values[above]],
        bins=bins,
        stacked=True,
        color=[PALETTE["sky_blue"], PALETTE["vermillion"]],
        label=["below the threshold", "evening pattern"],
        edgecolor="white",
    )
    ax.axvline(difference, color=PALETTE["black"], linestyle="--", linewidth=1.2, gid="threshold")
    ax.set_xlabel("Evening minus morning, within the same days (NRS points)")
    ax.set_ylabel("People")
    ax.set_title(f"Evening pattern: evening at least {difference:g} points above the morning")
    ax.legend(frameon=False, loc="upper left")
    return ax


def _remove_plot(ax: Axes) -> None:
    """Remove an earlier evening-pattern plot's bars, line and legend, and its data limits."""
    for container in list(ax.containers):
        container.remove()
    for artist in [*ax.patches, *ax.lines]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.relim()
    ax.set_autoscale_on(True)


def prevalence_sentence(summary: pd.Series, *, what: str, confidence: float = 0.95) -> str:
    """Write a sentence for a :func:`sci_pain.prevalence` summary, with its interval.

    Parameters
    ----------
    summary : Series
        From :func:`sci_pain.prevalence`.
    what : str
        What the people counted have, as it reads after "3 of 20 people": ``"have an
        evening pattern"``.
    confidence : float, default 0.95
        The interval's confidence, as given to :func:`sci_pain.prevalence`.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> summary = pd.Series(
    ...     {"people": 20, "with": 5, "ci_low": 0.11, "ci_high": 0.47, "not_assessed": 0}
    ... )
    >>> prevalence_sentence(summary, what="have an evening pattern")
    '5 of 20 people (25%) have an evening pattern; 95% interval 11% to 47% (Wilson).'
    """
    n, k = int(summary["people"]), int(summary["with"])
    if n == 0:
        return f"Nobody had enough entries to tell whether they {what}."
    text = (
        f"{k} of {n} people ({100 * k / n:.0f}%) {what}; {100 * confidence:.0f}% interval "
        f"{100 * summary['ci_low']:.0f}% to {100 * summary['ci_high']:.0f}% (Wilson)."
    )
    if summary["not_assessed"]:
        text += f" {int(summary['not_assessed'])} had too few entries to tell."
    return text


@shared_docs()
def alt_text_evening_pattern(table: pd.DataFrame, *, difference: float = 1.0) -> str:
    """One sentence describing :func:`plot_evening_pattern` for screen readers.

    Parameters
    ----------
    table : DataFrame
        From :func:`sci_pain.evening_pattern`, as given to :func:`plot_evening_pattern`.
    difference : float, default 1.0
        The threshold drawn (NRS points).

    Returns
    -------
    %(alt_text)s

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"evening_minus_morning": [0.4, 1.2], "evening_pattern": [0, 1]})
    >>> alt_text_evening_pattern(table)  # doctest: +ELLIPSIS
    'Histogram of 2 people by how much higher their evening pain is than their morning pain ...'
    """
    assessed = table["evening_pattern"].notna()
    values = table.loc[assessed, "evening_minus_morning"]
    k = int((values >= difference).sum())
    return (
        f"Histogram of {int(assessed.sum())} people by how much higher their evening pain is "
        f"than their morning pain on the same days; {k} are at or above the dashed line at "
        f"{difference:g} point{'' if difference == 1 else 's'}."
    )
