"""The calendar heatmap: one cell per day (weeks across, Monday to Sunday down).

:func:`calendar_data` computes the daily means, :func:`plot_calendar` (or
:func:`update_calendar`, in place) draws them and :func:`calendar_alt_text` describes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain.analysis import WEEKDAYS, as_entries, daily_summary
from sci_pain.plotting import common
from sci_pain.plotting._docs import shared_docs

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["CalendarData", "calendar_data", "plot_calendar", "update_calendar", "calendar_alt_text"]


@dataclass(frozen=True, eq=False)
class CalendarData:
    """The numbers of a calendar heatmap, from :func:`calendar_data`.

    One row of :attr:`daily` per calendar day, from the journal's first day to its last.

    Attributes
    ----------
    column : str
        The rating drawn.
    daily : DataFrame
        :func:`sci_pain.daily_summary` of the entries (one row per calendar day).
    """

    column: str
    daily: pd.DataFrame


@shared_docs(kind="calendar")
def calendar_data(entries, *, column: str = "pain") -> CalendarData:
    """Compute what :func:`plot_calendar` draws and :func:`calendar_alt_text` describes.

    Parameters
    ----------
    %(entries)s
    %(column)s

    Returns
    -------
    CalendarData

    Examples
    --------
    >>> import sci_pain as sp
    >>> data = calendar_data(sp.load_example_journal("neuropathic"))
    >>> data.daily.columns.tolist()
    ['mean', 'min', 'max', 'entries', 'missed']
    """
    return CalendarData(column=column, daily=daily_summary(as_entries(entries), column=column))


def _month_labels(month_starts: pd.DatetimeIndex) -> list[str]:
    """'Jan 2026', 'Feb', ...: the year at the first label and at each January."""
    return [
        f"{d:%b %Y}" if d.month == 1 or i == 0 else f"{d:%b}" for i, d in enumerate(month_starts)
    ]


def _week_ticks(days: pd.DatetimeIndex, first_monday: pd.Timestamp) -> tuple[np.ndarray, list]:
    """Where to label the weeks: each month's first week (or about 12 years for long data)."""
    month_starts = days[days.day == 1]
    if days[0].day != 1:
        month_starts = days[:1].append(month_starts)
    if len(month_starts) > 24:  # years of data: label years, at most about 12 of them
        month_starts = month_starts[(month_starts.month == 1) | (month_starts == days[0])]
        step = max(1, -(-len(month_starts) // 12))
        month_starts = month_starts[::step]
        labels = [f"{d:%Y}" for d in month_starts]
    else:
        labels = _month_labels(month_starts)
    ticks = ((month_starts - first_monday) / pd.Timedelta(days=1)).to_numpy(dtype=int) // 7
    return ticks + 0.5, labels


def _draw_grid(ax: Axes, daily: pd.DataFrame):
    """Draw the cells: daily means on the 0-10 scale, days outside the journal blank, missed hatched."""
    from matplotlib.colors import ListedColormap

    days = daily.index
    first_monday = days[0] - pd.Timedelta(days=int(days[0].day_of_week))
    offset = ((days - first_monday) / pd.Timedelta(days=1)).to_numpy(dtype=int)
    week, weekday = offset // 7, offset % 7
    n_weeks = int(week.max()) + 1
    grid = np.full((7, n_weeks), np.nan)
    grid[weekday, week] = daily["mean"].to_numpy(dtype=float)
    outside = np.ones((7, n_weeks), dtype=bool)
    outside[weekday, week] = False
    edges = (np.arange(n_weeks + 1), np.arange(8))
    mesh = ax.pcolormesh(
        *edges,
        np.ma.masked_invalid(grid),
        **common.rating_colours(),
        edgecolors="white",
        linewidth=0.5,
    )
    ax.pcolormesh(
        *edges,
        np.ma.masked_where(~outside, np.zeros_like(grid)),
        cmap=ListedColormap(["white"]),
        edgecolors="white",
        linewidth=0.5,
    )
    ax.add_patch(common.hatched((0, 0), n_weeks, 7))
    ax.set_xlim(0, n_weeks)
    ax.set_ylim(7, 0)
    ax.set_xticks(*_week_ticks(days, first_monday))
    return mesh


@shared_docs(kind="calendar")
def plot_calendar(
    entries=None,
    *,
    ax: Axes | None = None,
    column: str = "pain",
    title: str | None = None,
    data: CalendarData | None = None,
) -> Axes:
    """Draw a calendar heatmap: one cell per day (weeks across, Monday to Sunday down).

    Cells are coloured by the day's mean rating on the fixed 0-10 scale; days without an
    entry are hatched (a pattern, so they cannot be mistaken for a colour of the scale).

    Parameters
    ----------
    %(entries_to_draw)s
    %(ax)s
    %(column)s
        Its daily mean colours each day's cell.
    %(title)s
    %(data_to_draw)s

    Returns
    -------
    Axes
        With a QuadMesh of the daily means (``ax.collections[0]``) and a colour bar in an
        inset Axes.

    Examples
    --------
    %(example)s
    >>> plot_calendar(entries, ax=ax).get_title()
    'Daily mean pain: calendar'
    >>> plt.close(fig)
    """
    data = common.numbers(calendar_data, entries, data, column=column)
    ax = common.current_axes(ax)
    column = data.column
    ax.set_title(title or f"Daily mean {common.column_name(column).lower()}: calendar")
    ax.set_ylabel("Day of week")
    ax.set_xlabel("Week (month shown at its first week); hatched = no entry")
    if data.daily.empty:
        common.no_data(ax, "No entries")
        return ax
    mesh = _draw_grid(ax, data.daily)
    ax.set_yticks(np.arange(7) + 0.5, [d[:3] for d in WEEKDAYS])
    ax.grid(False)
    common.colorbar(
        ax, mesh, common.axis_label(column, prefix=f"Daily mean {column.replace('_', ' ')}")
    )
    return ax


@shared_docs(kind="calendar")
def calendar_alt_text(data: CalendarData) -> str:
    """Describe a calendar heatmap in one sentence, from the numbers of :func:`calendar_data`.

    It gives the period, the days with entries and the missed days, and the days with the
    highest and the lowest mean.

    %(alt_text_of_data)s

    Examples
    --------
    >>> import pandas as pd
    >>> empty = pd.DataFrame({"timestamp": pd.to_datetime([]), "pain": []})
    >>> calendar_alt_text(calendar_data(empty))
    'Calendar heatmap with no entries.'
    """
    daily = data.daily
    if daily.empty:
        return "Calendar heatmap with no entries."
    means = daily["mean"].dropna()
    return (
        f"Calendar heatmap of daily mean {data.column.replace('_', ' ')} from "
        f"{common.day(daily.index[0])} to {common.day(daily.index[-1])}, one cell per day: "
        f"{int((~daily['missed']).sum())} days with entries and {int(daily['missed'].sum())} "
        f"missed days hatched; highest {common.fmt(means.max())} on {common.day(means.idxmax())}, lowest "
        f"{common.fmt(means.min())} on {common.day(means.idxmin())}."
    )


# -- in place ---------------------------------------------------------------------------------


def _days_shown(first_day, n_weeks: int, start, end) -> tuple[pd.Timestamp, ...]:
    """Return the grid's first Monday and the first and last day to show, within the grid."""
    first_monday = pd.Timestamp(first_day).normalize()
    first_monday -= pd.Timedelta(days=int(first_monday.day_of_week))
    last_grid_day = first_monday + pd.Timedelta(days=7 * n_weeks - 1)
    low = max(pd.Timestamp(start).normalize(), first_monday) if start else first_monday
    high = min(pd.Timestamp(end).normalize(), last_grid_day) if end else last_grid_day
    return first_monday, low, high


@shared_docs(kind="calendar")
def update_calendar(
    ax: Axes,
    entries=None,
    *,
    first_day,
    column: str = "pain",
    start=None,
    end=None,
    data: CalendarData | None = None,
) -> list:
    """Show other entries on a calendar drawn by :func:`plot_calendar`, in place.

    The grid keeps the weeks it was drawn with: each day's cell takes the mean of the given
    entries (hatched when it has none, or when it is outside ``start`` to ``end``), and the
    view narrows to the weeks from ``start`` to ``end``, with month labels for those weeks.

    Parameters
    ----------
    %(ax_drawn)s
    %(entries_to_show)s
    first_day : date
        The first day of the entries the calendar was drawn with (its first cell's week).
    %(column)s
    start, end : date, optional
        The days to show (inclusive); default the whole grid.
    %(data_to_show)s

    Returns
    -------
    %(changed)s
        the grid, and the x axis when the weeks shown changed.

    Raises
    ------
    %(not_drawn)s
        It looks for the grid of days.

    Examples
    --------
    %(example)s
    >>> ax = plot_calendar(entries, ax=ax)
    >>> first = entries["timestamp"].min()
    >>> changed = update_calendar(
    ...     ax, entries, first_day=first, start="2026-02-01", end="2026-02-28"
    ... )
    >>> ax.get_xticklabels()[0].get_text()
    'Feb 2026'
    >>> plt.close(fig)
    """
    from matplotlib.collections import QuadMesh

    meshes = [c for c in ax.collections if isinstance(c, QuadMesh)]
    if not meshes:
        raise common.not_drawn_by("plot_calendar", "the grid of days")
    data = common.numbers(calendar_data, entries, data, column=column)
    mesh = meshes[0]
    n_weeks = int(np.shape(mesh.get_array())[1])
    first_monday, low_day, high_day = _days_shown(first_day, n_weeks, start, end)
    grid = np.full((7, n_weeks), np.nan)
    if len(data.daily):
        days = data.daily.index
        offset = ((days - first_monday) / pd.Timedelta(days=1)).to_numpy(dtype=int)
        keep = (days >= low_day) & (days <= high_day) & (offset >= 0) & (offset < 7 * n_weeks)
        means = data.daily["mean"].to_numpy(dtype=float)
        grid[offset[keep] % 7, offset[keep] // 7] = means[keep]
    changed: list = [mesh] if common.set_values(mesh, grid) else []

    def week(date: pd.Timestamp) -> int:
        return int((date - first_monday) / pd.Timedelta(days=1)) // 7

    if high_day < low_day:
        return changed
    if common.set_xlim(ax, float(week(low_day)), float(week(high_day) + 1)):
        month_starts = pd.date_range(low_day, high_day, freq="MS")
        # label the partial first month only if its weeks leave room before the next label
        if low_day.day != 1 and (len(month_starts) == 0 or (month_starts[0] - low_day).days >= 14):
            month_starts = pd.DatetimeIndex([low_day]).append(month_starts)
        ax.set_xticks([week(d) + 0.5 for d in month_starts], _month_labels(month_starts))
        changed.append(ax.xaxis)
    return changed
