"""The overview: one figure of a journal, built from the single-Axes journal figures.

:func:`overview_data` computes the numbers of every panel once, :func:`plot_overview` (or
:func:`update_overview`, in place) draws them and :func:`overview_alt_text` describes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from sci_pain.analysis import AnalysisError, as_entries, summarize_journal
from sci_pain.errors import did_you_mean
from sci_pain.plotting._docs import shared_docs
from sci_pain.plotting.common import day, fmt, no_data, not_drawn_by, numbers, plural_s
from sci_pain.plotting.common import resolve_flags as flags_table
from sci_pain.plotting.journal.body_map import (
    BodyMapData,
    body_map_data,
    plot_body_map,
    update_body_map,
)
from sci_pain.plotting.journal.calendar import (
    CalendarData,
    calendar_data,
    plot_calendar,
    update_calendar,
)
from sci_pain.plotting.journal.descriptors import (
    DescriptorsData,
    descriptors_data,
    plot_descriptors,
    update_descriptors,
)
from sci_pain.plotting.journal.time_of_day_weekday import (
    TimeOfDayWeekdayData,
    plot_time_of_day_weekday,
    time_of_day_weekday_data,
    update_time_of_day_weekday,
)
from sci_pain.plotting.journal.timeline import (
    TimelineData,
    plot_timeline,
    timeline_data,
    update_timeline,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "OVERVIEW_PANELS",
    "OverviewData",
    "overview_data",
    "plot_overview",
    "update_overview",
    "overview_alt_text",
]

OVERVIEW_PANELS: tuple[str, ...] = (
    "timeline",
    "calendar",
    "time_of_day_weekday",
    "body_map",
    "descriptors",
)
"""The panels of an overview, in the order of its Axes."""

_LEGEND: dict[str, Any] = {
    "loc": "upper center",
    "bbox_to_anchor": (0.5, -0.22),
    "ncol": 5,
    "fontsize": 9,
}
# Optional panels: what the journal must record for them.
_NEEDS = {"body_map": "site and side", "descriptors": "quality"}


@dataclass(frozen=True, eq=False)
class OverviewData:
    """The numbers of an overview, from :func:`overview_data`.

    Attributes
    ----------
    window : int
        The timeline's rolling-mean window in days.
    flags : DataFrame or None
        The red flags marked on the timeline.
    summary : Series
        :func:`sci_pain.summarize_journal` of the entries (for the title and the alt text).
    timeline, calendar, time_of_day_weekday, body_map, descriptors
        Each panel's numbers (None for a panel not computed, or not recorded in the journal).
    not_recorded : dict of str to str
        Panel -> the column the journal lacks for it (such panels say so instead of drawing).
    """

    window: int
    flags: pd.DataFrame | None
    summary: pd.Series
    timeline: TimelineData | None = None
    calendar: CalendarData | None = None
    time_of_day_weekday: TimeOfDayWeekdayData | None = None
    body_map: BodyMapData | None = None
    descriptors: DescriptorsData | None = None
    not_recorded: dict[str, str] = field(default_factory=dict)

    def panel(self, name: str):
        """Return the numbers of one panel (a ValueError if they were not computed)."""
        value = getattr(self, name)
        if value is None and name not in self.not_recorded:
            msg = (
                f"these overview numbers have no {name!r} panel; compute it with "
                f"overview_data(entries, panels=[..., {name!r}])"
            )
            raise ValueError(msg)
        return value


def _chosen_panels(panels: Sequence[str] | None) -> set[str]:
    chosen = set(OVERVIEW_PANELS if panels is None else panels)
    unknown = sorted(chosen - set(OVERVIEW_PANELS))
    if unknown:
        hint = did_you_mean(unknown[0], OVERVIEW_PANELS)
        msg = f"unknown panels {unknown}; choose from {', '.join(OVERVIEW_PANELS)}.{hint}"
        raise ValueError(msg)
    return chosen


@shared_docs(kind="overview")
def overview_data(
    entries,
    *,
    window: int = 7,
    flags=True,
    phases=None,
    panels: Sequence[str] | None = None,
    daily=None,
) -> OverviewData:
    """Compute what :func:`plot_overview` draws and :func:`overview_alt_text` describes.

    Each analysis runs once: the calendar reuses the timeline's daily summary, and the red
    flags are scanned once for the timeline and the description.

    Parameters
    ----------
    %(entries)s
    window : int, default 7
        The timeline's rolling-mean window in days.
    flags : True, DataFrame or None, default True
        The red flags to mark: True scans the journal once, for the timeline and the
        description.
    phases : optional
        As for :func:`plot_timeline`.
    panels : sequence of str, optional
        Compute only these panels (of :data:`OVERVIEW_PANELS`); default all. The summary
        and the flags are always computed.
    daily : DataFrame, optional
        The entries' :func:`sci_pain.daily_summary` of pain, when the caller has it already:
        the timeline, the calendar and the summary use it instead of computing it.

    Returns
    -------
    OverviewData

    Raises
    ------
    ValueError
        For an unknown panel.

    Examples
    --------
    >>> import pandas as pd
    >>> entries = pd.DataFrame(
    ...     {"timestamp": pd.date_range("2026-03-01", periods=14), "pain": [3, 4] * 7}
    ... )
    >>> overview_data(entries, flags=None).not_recorded
    {'body_map': 'side', 'descriptors': 'quality'}
    """
    entries = as_entries(entries)
    chosen = _chosen_panels(panels)
    parts: dict[str, Any] = {}
    if "timeline" in chosen:
        parts["timeline"] = timeline_data(
            entries, window=window, phases=phases, flags=flags, daily=daily
        )
        table = parts["timeline"].flags
    else:
        table = flags_table(entries, flags)
    if "calendar" in chosen:
        timeline = parts.get("timeline")
        if timeline:
            daily = timeline.daily
        parts["calendar"] = (
            CalendarData(column="pain", daily=daily)
            if daily is not None
            else calendar_data(entries)
        )
    if "time_of_day_weekday" in chosen:
        parts["time_of_day_weekday"] = time_of_day_weekday_data(entries)
    not_recorded: dict[str, str] = {}
    for name, compute in (("body_map", body_map_data), ("descriptors", descriptors_data)):
        if name in chosen:
            try:
                parts[name] = compute(entries)
            except AnalysisError as exc:
                not_recorded[name] = exc.column
    return OverviewData(
        window=window,
        flags=table,
        summary=summarize_journal(  # the daily summary the timeline has already
            entries, daily=parts["timeline"].daily if "timeline" in parts else daily
        ),
        not_recorded=not_recorded,
        **parts,
    )


def _headline(summary: pd.Series) -> str:
    return (
        f"Pain journal {day(summary['first_day'])} to {day(summary['last_day'])}: "
        f"{summary['entries']} entries, mean pain {fmt(summary['mean'])}"
    )


def _layout(fig: Figure) -> list:
    grid = fig.add_gridspec(
        3,
        2,
        hspace=0.6,
        wspace=0.45,
        height_ratios=[1.0, 1.0, 1.6],
        width_ratios=[1, 1.2],
        top=0.93,
        bottom=0.05,
    )
    cells = (grid[0, :], grid[1, 0], grid[1, 1], grid[2, 0], grid[2, 1])
    return [fig.add_subplot(cell) for cell in cells]


@shared_docs(kind="overview")
def plot_overview(
    entries=None,
    *,
    fig: Figure | None = None,
    window: int = 7,
    flags=True,
    phases=None,
    title: str | None = None,
    data: OverviewData | None = None,
) -> Figure:
    """One figure of a journal: timeline, calendar, time-of-day heatmap, body map, descriptors.

    A figure-level function: it builds (or fills) a Figure from the single-Axes functions
    and returns the Figure. Panels whose columns the journal lacks say so instead of failing.

    Parameters
    ----------
    %(entries_to_draw)s
    fig : Figure, optional
        Drawn into (cleared first); default a new 13 x 13 inch figure.
    window : int, default 7
    flags : True, DataFrame or None, default True
    phases : optional
        As for :func:`plot_timeline`.
    title : str, optional
        The figure's title; default the journal's period, entries and mean pain.
    %(data_to_draw)s
        They must hold every panel.

    Returns
    -------
    Figure
        With five Axes (plus colour-bar insets), in the order timeline, calendar,
        time-of-day heatmap, body map, descriptors.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> fig = plot_overview(sp.load_example_journal("dvt"))
    >>> [ax.get_title() for ax in fig.axes][:2]
    ['Pain over time', 'Daily mean pain: calendar']
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    data = numbers(overview_data, entries, data, window=window, flags=flags, phases=phases)
    panels = [data.panel(name) for name in OVERVIEW_PANELS]
    if fig is None:
        fig = plt.figure(figsize=(13, 13))
    else:
        fig.clear()
    ax_time, ax_cal, ax_tod, ax_body, ax_desc = _layout(fig)
    plot_timeline(ax=ax_time, data=panels[0])
    ax_time.legend(**_LEGEND)
    plot_calendar(ax=ax_cal, data=panels[1])
    plot_time_of_day_weekday(ax=ax_tod, data=panels[2])
    for name, panel_ax, function, numbers_ in (
        ("body_map", ax_body, plot_body_map, panels[3]),
        ("descriptors", ax_desc, plot_descriptors, panels[4]),
    ):
        if name in data.not_recorded:
            panel_ax.set_axis_off()
            panel_ax.set_title(name.replace("_", " ").capitalize())
            no_data(
                panel_ax,
                f"Not recorded in this journal\n({_NEEDS[name]}: {data.not_recorded[name]})",
            )
        else:
            function(ax=panel_ax, data=numbers_)
    fig.suptitle(title or _headline(data.summary), fontsize=14, fontweight="bold")
    return fig


@shared_docs(kind="overview")
def overview_alt_text(data: OverviewData) -> str:
    """Describe an overview in one sentence, from the numbers of :func:`overview_data`.

    The journal's period, entries, missed days, mean pain and red flags, and the panels
    shown; each panel has its own description (:func:`alt_text` by kind).

    %(alt_text_of_data)s

    Examples
    --------
    >>> import sci_pain as sp
    >>> data = overview_data(sp.load_example_journal("overuse"), panels=())
    >>> overview_alt_text(data)  # doctest: +ELLIPSIS
    'Overview of a pain journal from ... entries, ... missed days, mean pain ...): a timeline ...'
    """
    summary = data.summary
    n_flags = 0 if data.flags is None else len(data.flags)
    return (
        f"Overview of a pain journal from {day(summary['first_day'])} to "
        f"{day(summary['last_day'])} ({summary['entries']} entries, "
        f"{summary['missed_days']} missed days, mean pain {fmt(summary['mean'])}): a timeline "
        f"with {n_flags} red flag{plural_s(n_flags)} marked, a calendar, a weekday by "
        f"time-of-day heatmap, a body map and a descriptor chart."
    )


def _update_panels(axes: list, data: OverviewData, chosen: set[str], *, first_day, start, end):
    """Update each chosen panel in place (a 'Not recorded' panel stays as it is)."""
    ax_time, ax_cal, ax_tod, ax_body, ax_desc = axes
    xlim = None
    if start is not None and end is not None:
        xlim = (pd.Timestamp(start), pd.Timestamp(end) + pd.Timedelta(days=1))
    changed: list = []
    if "timeline" in chosen:
        changed += update_timeline(
            ax_time, data=data.panel("timeline"), xlim=xlim, legend_kwargs=_LEGEND
        )
    if "calendar" in chosen:
        calendar = data.panel("calendar")
        changed += update_calendar(ax_cal, data=calendar, first_day=first_day, start=start, end=end)
    if "time_of_day_weekday" in chosen:
        changed += update_time_of_day_weekday(ax_tod, data=data.panel("time_of_day_weekday"))
    for name, panel, update in (
        ("body_map", ax_body, update_body_map),
        ("descriptors", ax_desc, update_descriptors),
    ):
        if name in chosen and panel.axison and name not in data.not_recorded:
            changed += update(panel, data=data.panel(name))
    return changed


@shared_docs(kind="overview")
def update_overview(
    fig: Figure,
    entries=None,
    *,
    first_day,
    window: int = 7,
    flags=True,
    start=None,
    end=None,
    title: str | None = None,
    panels: Sequence[str] | None = None,
    data: OverviewData | None = None,
) -> list:
    """Show other entries on a figure drawn by :func:`plot_overview`, in place.

    Each panel is updated with its ``update_<kind>`` function; panels that said "Not
    recorded in this journal" stay as they are. The title follows the entries.

    Parameters
    ----------
    fig : Figure
        A figure drawn by :func:`plot_overview`.
    %(entries_to_show)s
    first_day : date
        The first day of the entries the overview was drawn with (for the calendar).
    window, flags, title
        As for :func:`plot_overview`.
    start, end : date, optional
        The days to show (inclusive); default all.
    panels : sequence of str, optional
        Update only these panels (``"timeline"``, ``"calendar"``,
        ``"time_of_day_weekday"``, ``"body_map"``, ``"descriptors"``) and not the title,
        e.g. only ``["timeline"]`` when only the smoothing window changed. Default: all,
        and the title.
    %(data_to_show)s
        They must hold at least the panels updated.

    Returns
    -------
    %(changed)s
        those of each panel, and the title.

    Raises
    ------
    ValueError
        If `fig` was not drawn by :func:`plot_overview`, or for an unknown panel.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("dvt").entries
    >>> fig = plot_overview(entries)
    >>> march = entries[entries["timestamp"] >= "2026-03-01"]
    >>> changed = update_overview(fig, march, first_day=entries["timestamp"].min())
    >>> fig.get_suptitle().startswith("Pain journal 2026-03-01")
    True
    >>> plt.close(fig)
    """
    if len(fig.axes) < 5:
        raise not_drawn_by("plot_overview", "its five panels")
    chosen = _chosen_panels(panels)
    if data is None and entries is not None:
        data = overview_data(entries, window=window, flags=flags, panels=panels)
    else:
        data = numbers(overview_data, entries, data, window=window, flags=flags)
    changed = _update_panels(fig.axes[:5], data, chosen, first_day=first_day, start=start, end=end)
    if panels is not None:
        return changed
    if title is None:
        summary = data.summary
        has_entries = summary["entries"] and pd.notna(summary["first_day"])
        title = _headline(summary) if has_entries else "Pain journal: no entries"
    if fig.get_suptitle() != title:
        changed.append(fig.suptitle(title, fontsize=14, fontweight="bold"))
    return changed
