"""The descriptor chart: how often each pain descriptor was used, neuropathic and nociceptive.

:func:`descriptors_data` counts the descriptors, :func:`plot_descriptors` (or
:func:`update_descriptors`, in place) draws the counts and :func:`descriptors_alt_text`
describes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain.analysis import as_entries, pain_by_quality
from sci_pain.plotting import common
from sci_pain.plotting._docs import shared_docs

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "DescriptorsData",
    "descriptors_data",
    "plot_descriptors",
    "update_descriptors",
    "descriptors_alt_text",
]


@dataclass(frozen=True, eq=False)
class DescriptorsData:
    """The numbers of a descriptor chart, from :func:`descriptors_data`.

    One bar per row of :attr:`table`, in its order.

    Attributes
    ----------
    table : DataFrame
        :func:`sci_pain.pain_by_quality`: one row per descriptor in vocabulary order, with
        ``quality``, ``group`` and ``count``.
    """

    table: pd.DataFrame


@shared_docs(kind="descriptors")
def descriptors_data(entries) -> DescriptorsData:
    """Compute what :func:`plot_descriptors` draws and :func:`descriptors_alt_text` describes.

    Parameters
    ----------
    %(entries)s
        It needs the ``quality`` column.

    Returns
    -------
    DescriptorsData

    Raises
    ------
    AnalysisError
        If the journal has no ``quality`` column.

    Examples
    --------
    >>> import sci_pain as sp
    >>> descriptors_data(sp.load_example_journal("neuropathic")).table["quality"].iloc[0]
    'burning'
    """
    return DescriptorsData(table=pain_by_quality(as_entries(entries)))


def _tick_labels(table: pd.DataFrame) -> list[str]:
    return [q.replace("_", " ") for q in table["quality"]]


@shared_docs(kind="descriptors")
def plot_descriptors(
    entries=None,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    show_unused: bool = True,
    data: DescriptorsData | None = None,
) -> Axes:
    """Draw a bar chart of how often each pain descriptor was used.

    Neuropathic descriptors in blue, nociceptive ones in orange.

    Parameters
    ----------
    %(entries_to_draw)s
    %(ax)s
    %(title)s
    show_unused : bool, default True
        Keep descriptors never used (zero-length bars) so the vocabulary is visible.
    %(data_to_draw)s

    Returns
    -------
    Axes
        With one BarContainer (``ax.containers[0]``), bars in vocabulary order (neuropathic
        first, top to bottom), blue for neuropathic and orange for nociceptive descriptors.

    Examples
    --------
    %(example)s
    >>> plot_descriptors(entries, ax=ax).get_yticklabels()[0].get_text()
    'burning'
    >>> plt.close(fig)
    """
    from matplotlib.patches import Patch

    table = common.numbers(descriptors_data, entries, data).table
    ax = common.current_axes(ax)
    if not show_unused:
        table = table[table["count"] > 0]
    positions = np.arange(len(table))
    colours = [common.GROUP_COLOURS[g] for g in table["group"]]
    ax.barh(positions, table["count"].to_numpy(), color=colours, height=0.7)
    ax.set_yticks(positions, _tick_labels(table))
    ax.invert_yaxis()
    ax.set_xlabel("Entries mentioning the descriptor (count)")
    ax.set_ylabel("Descriptor")
    groups = [g for g in ("neuropathic", "nociceptive", "other") if g in set(table["group"])]
    ax.legend(
        handles=[Patch(facecolor=common.GROUP_COLOURS[g], label=f"{g} type") for g in groups],
        loc="lower right",
    )
    ax.grid(axis="y", visible=False)
    ax.set_title(title or "Pain descriptors: neuropathic vs nociceptive")
    return ax


@shared_docs(kind="descriptors")
def descriptors_alt_text(data: DescriptorsData) -> str:
    """Describe a descriptor chart in one sentence, from the numbers of :func:`descriptors_data`.

    For the neuropathic and the nociceptive descriptors: how often they were used in all,
    and the most frequent one.

    %(alt_text_of_data)s

    Examples
    --------
    >>> import sci_pain as sp
    >>> descriptors_alt_text(descriptors_data(sp.load_example_journal("overuse")))
    ... # doctest: +ELLIPSIS
    'Bar chart of pain descriptors: ...; nociceptive descriptors ... times (most often ...).'
    """
    table = data.table
    parts = []
    for group in ("neuropathic", "nociceptive"):
        sub = table[(table["group"] == group) & (table["count"] > 0)]
        if sub.empty:
            parts.append(f"no {group} descriptor")
            continue
        top = sub.loc[sub["count"].idxmax()]
        parts.append(
            f"{group} descriptors {int(sub['count'].sum())} times (most often "
            f"{top['quality'].replace('_', ' ')}, {int(top['count'])})"
        )
    return f"Bar chart of pain descriptors: {parts[0]}; {parts[1]}."


@shared_docs(kind="descriptors")
def update_descriptors(ax: Axes, entries=None, *, data: DescriptorsData | None = None) -> list:
    """Show other entries on a descriptor chart drawn by :func:`plot_descriptors`, in place.

    The bars change length and the count axis follows. If the set of descriptors changed
    (a descriptor outside the vocabulary came or went), the Axes is drawn again and returned.

    Parameters
    ----------
    %(ax_drawn)s
    %(entries_to_show)s
    %(data_to_show)s

    Returns
    -------
    %(changed)s
        the bars and the count axis, or ``[ax]`` when the whole Axes was drawn again.

    Raises
    ------
    %(not_drawn)s
        It looks for the bars.

    Examples
    --------
    %(example)s
    >>> ax = plot_descriptors(entries, ax=ax)
    >>> changed = update_descriptors(ax, entries.iloc[:10])
    >>> float(max(bar.get_width() for bar in ax.containers[0]))  # burning, in 9 of 10
    9.0
    >>> plt.close(fig)
    """
    if not ax.containers:
        raise common.not_drawn_by("plot_descriptors", "the bars")
    data = common.numbers(descriptors_data, entries, data)
    bars = ax.containers[0]
    shown = [t.get_text() for t in ax.get_yticklabels()]
    if shown != _tick_labels(data.table):
        title = ax.get_title()
        legend = ax.get_legend()
        ax.clear()
        if legend is not None:
            legend.remove()
        plot_descriptors(ax=ax, title=title, data=data)
        return [ax]
    changed: list = []
    counts = data.table["count"].to_numpy(dtype=float)
    for bar, count in zip(bars, counts, strict=True):
        if bar.get_width() != count:
            bar.set_width(count)
            changed.append(bar)
    if common.set_xlim(ax, 0.0, max(float(counts.max()) if counts.size else 0.0, 1.0) * 1.05):
        changed.append(ax.xaxis)
    return changed
