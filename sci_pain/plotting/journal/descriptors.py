"""The descriptor chart: how often each pain descriptor was used, neuropathic and nociceptive.

:func:`descriptors_data` counts the descriptors, :func:`plot_descriptors` (or
:func:`update_descriptors`, in place) draws the counts and :func:`descriptors_alt_text`
describes them.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import sci_pain as sp
>>> data = descriptors_data(sp.load_example_journal("neuropathic"))
>>> fig, ax = plt.subplots()
>>> plot_descriptors(data=data, ax=ax).get_yticklabels()[0].get_text()
'burning'
>>> descriptors_alt_text(data)  # doctest: +ELLIPSIS
'Bar chart of pain descriptors: neuropathic descriptors ... times (most often burning, ...'
>>> plt.close(fig)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain.analysis import as_entries, pain_by_quality
from sci_pain.plotting import common

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

    Attributes
    ----------
    table : DataFrame
        :func:`sci_pain.pain_by_quality`: one row per descriptor in vocabulary order, with
        ``quality``, ``group`` and ``count``.
    """

    table: pd.DataFrame


def descriptors_data(entries) -> DescriptorsData:
    """Compute what :func:`plot_descriptors` draws and :func:`descriptors_alt_text` describes.

    Parameters
    ----------
    entries : DataFrame or Journal

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
    entries : DataFrame or Journal, optional
        The entries to draw (or give `data`).
    ax : Axes, optional
    title : str, optional
    show_unused : bool, default True
        Keep descriptors never used (zero-length bars) so the vocabulary is visible.
    data : DescriptorsData, optional
        The numbers from :func:`descriptors_data`, instead of the entries.

    Returns
    -------
    Axes
        With one BarContainer (``ax.containers[0]``), bars in vocabulary order (neuropathic
        first, top to bottom), blue for neuropathic and orange for nociceptive descriptors.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> fig, ax = plt.subplots()
    >>> plot_descriptors(journal, ax=ax).get_yticklabels()[0].get_text()
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


def descriptors_alt_text(data: DescriptorsData) -> str:
    """One sentence describing a descriptor chart, from its numbers.

    Parameters
    ----------
    data : DescriptorsData
        From :func:`descriptors_data`.

    Returns
    -------
    str

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


def update_descriptors(ax: Axes, entries=None, *, data: DescriptorsData | None = None) -> list:
    """Show other entries on a descriptor chart drawn by :func:`plot_descriptors`, in place.

    The bars change length and the count axis follows. If the set of descriptors changed
    (a descriptor outside the vocabulary came or went), the Axes is drawn again and returned.

    Parameters
    ----------
    ax : Axes
        An Axes drawn by :func:`plot_descriptors`.
    entries : DataFrame or Journal, optional
        The entries to show (or give `data`).
    data : DescriptorsData, optional
        The numbers from :func:`descriptors_data`, instead of the entries.

    Returns
    -------
    list
        The artists whose appearance changed (bars, the count axis), or ``[ax]`` when the
        whole Axes was drawn again.

    Raises
    ------
    ValueError
        If `ax` holds no descriptor chart.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("neuropathic").entries
    >>> fig, ax = plt.subplots()
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
