"""The N-of-1 phase plot: baseline (A) and treatment (B) points, phase means, the change.

The numbers of this figure are a :class:`sci_pain.PhaseComparison`: :func:`phases_data`
(which is :func:`sci_pain.compare_phases`) computes them, :func:`plot_phases` draws them and
:func:`phases_alt_text` describes them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd

from sci_pain.analysis import PhaseComparison, compare_phases
from sci_pain.plotting._docs import shared_docs
from sci_pain.plotting.common import axis_label, current_axes, date_axis
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["phases_data", "plot_phases", "phases_alt_text"]


def phases_data(result_or_entries, **compare: Any) -> PhaseComparison:
    """Compute what :func:`plot_phases` draws: :func:`sci_pain.compare_phases`.

    Parameters
    ----------
    result_or_entries : PhaseComparison, or anything :func:`sci_pain.compare_phases` takes
        A PhaseComparison is returned as it is.
    **compare
        The keywords for ``compare_phases`` (``start=``, ``intervention=``, ...).

    Returns
    -------
    PhaseComparison

    Examples
    --------
    >>> import sci_pain as sp
    >>> phases_data([2, 3, 5, 3, 4, 5, 5, 7, 6], start=4).n_a
    4
    """
    if isinstance(result_or_entries, PhaseComparison):
        return result_or_entries
    return compare_phases(result_or_entries, **compare)


def _summary_box(ax: Axes, result: PhaseComparison) -> None:
    pct = "" if math.isnan(result.change_pct) else f" ({result.change_pct:+.0f}%)"
    ax.text(
        0.99,
        0.98,
        f"change {result.change:+.1f} points{pct}: {result.clinical_category}\n"
        f"NAP {result.nap:.2f} ({result.nap_ci[0]:.2f}-{result.nap_ci[1]:.2f}), "
        f"Tau-BC {result.tau_bc:.2f}\n{result.direction}",
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=9,
        bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "0.7"},
    )


@shared_docs(kind="phases")
def plot_phases(
    result_or_entries=None,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    data: PhaseComparison | None = None,
    **compare: Any,
) -> Axes:
    """Draw the N-of-1 phase plot: baseline (A) and treatment (B) points, means, the change.

    The box in the corner gives the change in points (and percent) with its clinical
    category, the non-overlap of the phases (NAP, with its interval) and Tau-BC, which
    corrects for a trend already present in the baseline.

    Parameters
    ----------
    result_or_entries : PhaseComparison, or anything :func:`sci_pain.compare_phases` takes
        When not a PhaseComparison, ``compare`` holds the keywords for ``compare_phases``
        (``start=``, ``intervention=``, ...).
    %(ax)s
    %(title)s
    data : PhaseComparison, optional
        The numbers from :func:`phases_data`, instead of `result_or_entries`.
    **compare
        The keywords for :func:`sci_pain.compare_phases`.

    Returns
    -------
    Axes
        A points as one PathCollection (label ``"A: before"``), B points as another
        (``"B: after"``), each phase mean as a horizontal Line2D, a dashed line at the start,
        and a text with the change, NAP and Tau-BC.

    Raises
    ------
    TypeError
        If both or neither of `result_or_entries` and `data` are given, or `data` comes
        with keywords for ``compare_phases``.

    Examples
    --------
    %(example)s
    >>> plot_phases(entries, intervention="tens", ax=ax).get_title()
    'Before and after tens'
    >>> plt.close(fig)
    """
    if (result_or_entries is None) == (data is None) or (data is not None and compare):
        msg = "give either the entries (with keywords for compare_phases) or data=, not both"
        raise TypeError(msg)
    result = data if data is not None else phases_data(result_or_entries, **compare)
    ax = current_axes(ax)
    a, b = result.a, result.b
    xa, xb = a.index.to_numpy(), b.index.to_numpy()
    ax.scatter(xa, a.to_numpy(), s=24, color=PALETTE["blue"], label="A: before", zorder=3)
    ax.scatter(
        xb, b.to_numpy(), s=24, color=PALETTE["orange"], marker="s", label="B: after", zorder=3
    )
    for x, mean, colour, name in (
        (xa, result.mean_a, PALETTE["blue"], "A"),
        (xb, result.mean_b, PALETTE["orange"], "B"),
    ):
        label = f"mean {name} {mean:.1f}"
        ax.plot([x[0], x[-1]], [mean] * 2, color=colour, linestyle="-", label=label)
    ax.axvline(result.start, color=PALETTE["black"], linestyle="--", linewidth=1.2)
    _summary_box(ax, result)
    if result.outcome in ("pain", "interference"):
        ax.set_ylim(-0.3, 10.5)
    if isinstance(a.index, pd.DatetimeIndex):
        date_axis(ax)
        ax.set_xlabel("Date")
    else:
        ax.set_xlabel("Observation (session)")
    prefix = {"day": "Daily mean ", "entry": "", "observation": ""}[result.per]
    outcome = result.outcome
    ax.set_ylabel(
        axis_label(outcome, prefix=f"{prefix}{outcome.replace('_', ' ')}" if prefix else "")
    )
    what = (result.intervention or "intervention").replace("_", " ")
    ax.set_title(title or f"Before and after {what}")
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.14), ncol=4, fontsize=9)
    return ax


@shared_docs(kind="phases", data_type="PhaseComparison")
def phases_alt_text(data: PhaseComparison) -> str:
    """Describe a phase plot in one sentence, from the numbers of :func:`phases_data`.

    The mean before and after with their counts, the change (points, percent and its
    clinical category), NAP, Tau-BC and the direction.

    %(alt_text_of_data)s

    Examples
    --------
    >>> phases_alt_text(phases_data([2, 3, 5, 3, 4, 5, 5, 7, 6], start=4))
    ... # doctest: +ELLIPSIS
    'Phase plot of pain before and after the intervention: mean 3.2 over 4 observations ...'
    """
    result = data
    what = (result.intervention or "the intervention").replace("_", " ")
    pct = "" if math.isnan(result.change_pct) else f", {result.change_pct:+.0f}%"
    return (
        f"Phase plot of {result.outcome} before and after {what}: mean {result.mean_a:.1f} "
        f"over {result.n_a} {result.per}s before and {result.mean_b:.1f} over {result.n_b} "
        f"after (change {result.change:+.1f} points{pct}, {result.clinical_category}; NAP "
        f"{result.nap:.2f}, Tau-BC {result.tau_bc:.2f}; {result.direction})."
    )
