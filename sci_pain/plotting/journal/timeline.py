"""The timeline: every rating as a point, the rolling mean as a line, phases and red flags marked.

Three steps, as for every journal figure: :func:`timeline_data` computes the numbers,
:func:`plot_timeline` (or :func:`update_timeline`, in place) draws them, and
:func:`timeline_alt_text` describes them in one sentence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sci_pain.analysis import SEVERITIES, as_entries, daily_summary, numeric, rolling_trend
from sci_pain.analysis import timestamps as entry_times
from sci_pain.journal import COLUMNS
from sci_pain.plotting import common
from sci_pain.plotting._docs import shared_docs
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["TimelineData", "timeline_data", "plot_timeline", "update_timeline", "timeline_alt_text"]

_LEGEND: dict[str, Any] = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "fontsize": 9}


@dataclass(frozen=True, eq=False)
class TimelineData:
    """The numbers of a timeline, from :func:`timeline_data`.

    Each entry is a point (:attr:`timestamps`, :attr:`values`); :attr:`trend` is the line.

    Attributes
    ----------
    column : str
        The rating drawn.
    window : int
        The rolling-mean window in days.
    timestamps : ndarray of datetime64
        When each entry was made.
    values : ndarray of float
        Each entry's rating (NaN where it has none).
    trend : DataFrame
        :func:`sci_pain.rolling_trend` of the entries.
    daily : DataFrame
        :func:`sci_pain.daily_summary` of the entries.
    marks : tuple of (str, Timestamp)
        The phase lines: label and date.
    flags : DataFrame or None
        The red flags marked (a :func:`sci_pain.scan_red_flags` table), or None.
    """

    column: str
    window: int
    timestamps: np.ndarray
    values: np.ndarray
    trend: pd.DataFrame
    daily: pd.DataFrame
    marks: tuple[tuple[str, pd.Timestamp], ...] = ()
    flags: pd.DataFrame | None = None

    @property
    def flag_height(self) -> float:
        """Where the red-flag markers sit: above the top of the rating's axis."""
        top = common.PAIN_RANGE[1] if common.on_pain_scale(self.column) else np.nanmax(self.values)
        return float(top) + 0.6


@shared_docs(kind="timeline")
def timeline_data(
    entries, *, column: str = "pain", window: int = 7, phases=None, flags=None, daily=None
) -> TimelineData:
    """Compute what :func:`plot_timeline` draws and :func:`timeline_alt_text` describes.

    Parameters
    ----------
    %(entries)s
    %(column)s
    window : int, default 7
        Rolling-mean window in days (see :func:`sci_pain.rolling_trend`).
    phases : PhaseComparison, date, sequence of dates or mapping of label to date, optional
        Where a phase (e.g. an intervention) starts.
    flags : True or DataFrame, optional
        True scans the journal with :func:`sci_pain.scan_red_flags`; a table from it is used
        as is.
    daily : DataFrame, optional
        The entries' :func:`sci_pain.daily_summary` of ``column``, when the caller has it
        already (a dashboard slices it from the whole journal's): not computed again.

    Returns
    -------
    TimelineData

    Raises
    ------
    AnalysisError
        If the column is missing or not numeric, or the window is not a whole number >= 1.

    Examples
    --------
    >>> import sci_pain as sp
    >>> data = timeline_data(sp.load_example_journal("dvt"), flags=True)
    >>> data.window, len(data.values) == len(data.timestamps), len(data.flags) > 0
    (7, True, True)
    """
    entries = as_entries(entries)
    if daily is None:
        daily = daily_summary(entries, column=column)  # checks the column
    trend = rolling_trend(entries, window=window, column=column, daily=daily)
    return TimelineData(
        column=column,
        window=window,
        timestamps=entry_times(entries, purpose="the timeline").to_numpy(),
        values=numeric(entries, column),
        trend=trend,
        daily=daily,
        marks=tuple(common.phase_marks(phases)),
        flags=common.resolve_flags(entries, flags),
    )


def _flag_markers(ax: Axes, severity: str, dates, heights):
    return ax.scatter(
        dates,
        heights,
        marker=common.SEVERITY_MARKERS[severity],
        s=50,
        color=common.SEVERITY_COLOURS[severity],
        edgecolor=PALETTE["black"],
        linewidth=0.5,
        label=f"{common.FLAG_PREFIX}{severity.replace('_', ' ')}",
        zorder=4,
        clip_on=False,
    )


def _draw_phase_lines(ax: Axes, marks) -> None:
    for label, date in marks:
        ax.axvline(date, color=PALETTE["black"], linestyle="--", linewidth=1.2, zorder=1)
        ax.annotate(
            label,
            (date, 0.9),
            xycoords=("data", "axes fraction"),
            xytext=(3, -3),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=9,
        )


@shared_docs(kind="timeline")
def plot_timeline(
    entries=None,
    *,
    ax: Axes | None = None,
    column: str = "pain",
    window: int = 7,
    phases=None,
    flags=None,
    title: str | None = None,
    data: TimelineData | None = None,
) -> Axes:
    """Every rating as a point, the rolling mean as a line, phase starts and red flags marked.

    The rolling mean shows the trend through day-to-day ups and downs; red flags are drawn
    above the axis so they never hide a rating.

    Parameters
    ----------
    %(entries_to_draw)s
    %(ax)s
    %(column)s
        Each entry's rating is a point.
    window : int, default 7
        Rolling-mean window in days (see :func:`sci_pain.analysis.rolling_trend`).
    phases : PhaseComparison, date, sequence of dates or mapping of label to date, optional
        Vertical dashed lines where a phase (e.g. an intervention) starts.
    flags : True or DataFrame, optional
        True scans the journal with :func:`sci_pain.scan_red_flags`; a table from it is used
        as is. Flags are drawn along the top, with colour and shape by severity (circle:
        check, diamond: soon, triangle: urgent).
    %(title)s
    %(data_to_draw)s

    Returns
    -------
    Axes
        With the entries as a PathCollection (label ``"entries"``), the rolling mean as a
        Line2D (label ``"<window>-day rolling mean"``), phase lines and flag markers.

    Examples
    --------
    %(example)s
    >>> plot_timeline(entries, ax=ax, window=14).get_lines()[0].get_label()
    '14-day rolling mean'
    >>> plt.close(fig)
    """
    data = common.numbers(
        timeline_data, entries, data, column=column, window=window, phases=phases, flags=flags
    )
    ax = common.current_axes(ax)
    column = data.column
    ax.scatter(
        data.timestamps,
        data.values,
        s=16,
        color=PALETTE["sky_blue"],
        alpha=0.7,
        label="entries",
        zorder=2,
    )
    (line,) = ax.plot(
        data.trend.index.to_numpy(),
        data.trend["rolling_mean"].to_numpy(),
        color=PALETTE["blue"],
        label=f"{data.window}-day rolling mean",
        zorder=3,
    )
    _mark_a_lone_value(line)
    _draw_phase_lines(ax, data.marks)
    if data.flags is not None and len(data.flags):
        height = data.flag_height
        for severity in SEVERITIES:
            chosen = data.flags[data.flags["severity"] == severity]
            if len(chosen):
                _flag_markers(
                    ax, severity, chosen["timestamp"].to_numpy(), np.full(len(chosen), height)
                )
    if common.on_pain_scale(column):
        ax.set_ylim(-0.3, common.PAIN_RANGE[1] + 1.0)
        ax.set_yticks(range(0, 11, 2))
    common.date_axis(ax)
    ax.set_xlabel("Date")
    ax.set_ylabel(common.axis_label(column))
    ax.set_title(title or f"{common.column_name(column)} over time")
    ax.legend(**_LEGEND)
    return ax


@shared_docs(kind="timeline")
def timeline_alt_text(data: TimelineData) -> str:
    """Describe a timeline in one sentence, from the numbers of :func:`timeline_data`.

    It gives the period, the entries and days with entries, where the rolling mean started
    and ended, the range of the daily means, the phase lines and the red flags by severity.

    %(alt_text_of_data)s

    Examples
    --------
    >>> import sci_pain as sp
    >>> data = timeline_data(sp.load_example_journal("dvt"), flags=True)
    >>> timeline_alt_text(data)  # doctest: +ELLIPSIS
    'Timeline of pain (NRS 0-10) from 2026-01-05 to ...; ... red flags marked (...).'
    """
    column, daily = data.column, data.daily
    trend = data.trend["rolling_mean"].dropna()
    unit = COLUMNS[column].unit if column in COLUMNS else ""
    first, last = (daily.index.min(), daily.index.max()) if len(daily) else (pd.NaT, pd.NaT)
    days_with = int((~daily["missed"]).sum()) if len(daily) else 0
    if len(trend) >= 2:
        trend_words = (
            f"the {data.window}-day rolling mean went from {common.fmt(trend.iloc[0])} to "
            f"{common.fmt(trend.iloc[-1])}"
        )
    else:  # the mean needs ratings on half the days of a window (rolling_trend)
        needed = math.ceil(data.window / 2)
        trend_words = (
            f"too few days for a {data.window}-day rolling mean to show a trend (it needs "
            f"ratings on {needed} days of a window; "
            + (f"it has one value, {common.fmt(trend.iloc[0])})" if len(trend) else "it has none)")
        )
    text = (
        f"Timeline of {column.replace('_', ' ')}{f' ({unit})' if unit else ''} from "
        f"{common.day(first)} to {common.day(last)}: {len(data.values)} entries on {days_with} of "
        f"{len(daily)} days; {trend_words} (daily means "
        f"{common.fmt(daily['mean'].min())} to {common.fmt(daily['mean'].max())})"
    )
    if data.marks:
        text += "; dashed lines mark " + ", ".join(
            f"{lab} on {common.day(d)}" for lab, d in data.marks
        )
    if data.flags is not None:
        counts = data.flags["severity"].value_counts()
        parts = [
            f"{int(counts[s])} {s.replace('_', ' ')}"
            for s in reversed(SEVERITIES)
            if counts.get(s, 0)
        ]
        n = len(data.flags)
        text += f"; {n} red flag{common.plural_s(n)} marked" + (
            f" ({', '.join(parts)})" if parts else ""
        )
    return text + "."


# -- in place ---------------------------------------------------------------------------------


def _mark_a_lone_value(line) -> None:
    """Show a rolling mean of one value as a point: a line through one point draws nothing."""
    lone = np.isfinite(np.asarray(line.get_ydata(orig=True), dtype=float)).sum() == 1
    line.set_marker("o" if lone else "None")
    line.set_markersize(5)


def _update_line(ax: Axes, line, data: TimelineData) -> list:
    """Move the rolling-mean line and relabel it (and its legend entry) for the window."""
    changed: list = []
    x = common.date_numbers(data.trend.index.to_numpy())
    y = data.trend["rolling_mean"].to_numpy(dtype=float)
    old = (np.asarray(line.get_xdata(orig=True)), np.asarray(line.get_ydata(orig=True)))
    old_x = common.date_numbers(old[0]) if np.issubdtype(old[0].dtype, np.datetime64) else old[0]
    if not (common.same(old_x, x) and common.same(old[1], y)):
        line.set_data(x, y)
        _mark_a_lone_value(line)
        changed.append(line)
    label = f"{data.window}-day rolling mean"
    legend = ax.get_legend()
    if line.get_label() != label:
        if legend is not None:
            for text in legend.get_texts():
                if text.get_text() == line.get_label():
                    text.set_text(label)
        line.set_label(label)
        if legend is not None:
            changed.append(legend)
    return changed


def _update_flags(ax: Axes, data: TimelineData, legend_kwargs) -> list:
    """Move, empty or add the red-flag markers; rebuild the legend when a severity is new."""
    markers = common.flag_markers(ax)
    placed = [np.asarray(m.get_offsets()) for m in markers.values() if len(m.get_offsets())]
    height = float(placed[0][0, 1]) if placed else data.flag_height
    table = data.flags
    rebuild, moved = False, False
    # the columns once, as arrays: a table filtered per severity would be copied each time
    if table is None:
        severities, all_dates = np.empty(0, dtype=object), np.empty(0, dtype="datetime64[ns]")
    else:
        severities = table["severity"].to_numpy(dtype=object)
        all_dates = table["timestamp"].to_numpy()
    for severity in SEVERITIES:
        dates = all_dates[severities == severity]
        artist = markers.get(severity)
        if len(dates) == 0:
            # emptied, not removed: the legend keeps its entry and its place
            if artist is not None:
                moved |= common.set_offsets(artist, np.empty((0, 2)))
            continue
        if artist is None:
            markers[severity] = _flag_markers(ax, severity, dates, np.full(len(dates), height))
            rebuild = True
        else:
            offsets = np.column_stack([common.date_numbers(dates), np.full(len(dates), height)])
            moved |= common.set_offsets(artist, offsets)
    changed: list = []
    if moved or rebuild:  # all markers, so that the set of changing artists stays
        changed.extend(markers.values())
    if rebuild:
        changed.append(ax.get_legend())
        changed.append(ax.legend(**dict(legend_kwargs or _LEGEND)))
    return changed


def _update_xlim(ax: Axes, timestamps: np.ndarray, xlim) -> list:
    if xlim is not None:
        low, high = common.date_numbers([pd.Timestamp(v).to_datetime64() for v in xlim])
    elif len(timestamps) and not pd.isna(timestamps.min()):
        low, high = common.date_numbers([timestamps.min(), timestamps.max()])
        margin = max(1.0, 0.05 * (high - low))
        low, high = low - margin, high + margin
    else:
        low, high = ax.get_xlim()
    return [ax.xaxis] if common.set_xlim(ax, low, high) else []


@shared_docs(kind="timeline")
def update_timeline(
    ax: Axes,
    entries=None,
    *,
    column: str = "pain",
    window: int = 7,
    flags=None,
    xlim=None,
    legend_kwargs: Mapping[str, Any] | None = None,
    data: TimelineData | None = None,
) -> list:
    """Show other entries on a timeline drawn by :func:`plot_timeline`, in place.

    The points, the rolling mean, the red-flag markers and the x limits are changed; phase
    lines, labels and the title stay. Meant for redrawing fast in a dashboard.

    Parameters
    ----------
    %(ax_drawn)s
        It may have been updated before.
    %(entries_to_show)s
    %(column)s
        The one the timeline was drawn for.
    window : int, default 7
        Rolling-mean window in days; the legend follows.
    flags : True or DataFrame, optional
        As for :func:`plot_timeline`; None shows no flag markers. Markers of a severity no
        longer flagged are emptied but keep their legend entry; a severity flagged for the
        first time gets markers and the legend is rebuilt.
    xlim : (date, date), optional
        The dates at the left and right edges. Default: the entries' first and last day,
        with a margin.
    legend_kwargs : mapping, optional
        How to place the legend when the flag markers change kind (it is then rebuilt);
        default as :func:`plot_timeline` places it.
    %(data_to_show)s
        Then `column`, `window` and `flags` come from it.

    Returns
    -------
    %(changed)s
        the points, the line, the markers, the x axis when the limits changed, and an old
        and a new legend when it was rebuilt.

    Raises
    ------
    %(not_drawn)s
        It looks for the points and the rolling-mean line.

    Examples
    --------
    %(example)s
    >>> ax = plot_timeline(entries, ax=ax)
    >>> changed = update_timeline(ax, entries, window=14)
    >>> [type(artist).__name__ for artist in changed], ax.lines[0].get_label()
    (['Line2D', 'Legend'], '14-day rolling mean')
    >>> plt.close(fig)
    """
    points = next((c for c in ax.collections if c.get_label() == "entries"), None)
    line = next((ln for ln in ax.lines if ln.get_label().endswith("-day rolling mean")), None)
    if points is None or line is None:
        raise common.not_drawn_by("plot_timeline", "the points or the rolling-mean line")
    data = common.numbers(timeline_data, entries, data, column=column, window=window, flags=flags)
    changed: list = []
    if common.set_offsets(
        points, np.column_stack([common.date_numbers(data.timestamps), data.values])
    ):
        changed.append(points)
    changed += _update_line(ax, line, data)
    changed += _update_flags(ax, data, legend_kwargs)
    changed += _update_xlim(ax, data.timestamps, xlim)
    return [artist for artist in changed if artist is not None]
