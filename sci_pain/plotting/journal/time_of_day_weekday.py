"""The day-and-week heatmap: mean rating by weekday (rows) and part of the day or hour (columns).

:func:`time_of_day_weekday_data` computes the table, :func:`plot_time_of_day_weekday` (or
:func:`update_time_of_day_weekday`, in place) draws it and
:func:`time_of_day_weekday_alt_text` describes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from sci_pain.analysis import WEEKDAYS, as_entries, time_of_day_profile, time_of_day_weekday
from sci_pain.plotting import common
from sci_pain.plotting._docs import shared_docs

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "TimeOfDayWeekdayData",
    "time_of_day_weekday_data",
    "plot_time_of_day_weekday",
    "update_time_of_day_weekday",
    "time_of_day_weekday_alt_text",
]

_PARTS = ["night\n0-6 h", "morning\n6-12 h", "afternoon\n12-18 h", "evening\n18-24 h"]
_CELL_TEXT = {"ha": "center", "va": "center", "fontsize": 11, "fontweight": "bold"}


@dataclass(frozen=True, eq=False)
class TimeOfDayWeekdayData:
    """The numbers of a day-and-week heatmap, from :func:`time_of_day_weekday_data`.

    :attr:`values` is the table as the heatmap draws it.

    Attributes
    ----------
    column : str
        The rating drawn.
    by : {"part", "hour"}
        Columns by part of the day (4) or by hour (24).
    table : DataFrame
        :func:`sci_pain.time_of_day_weekday`: weekdays down, parts of the day or hours across.
    profile : Series or None
        The overall mean of each part of the day (:func:`sci_pain.time_of_day_profile`),
        for ``by="part"``; None for hours.
    """

    column: str
    by: str
    table: pd.DataFrame
    profile: pd.Series | None = None

    @property
    def values(self) -> np.ndarray:
        """The table as floats (NaN where a cell has no entries)."""
        return self.table.to_numpy(dtype=float)


@shared_docs(kind="time_of_day_weekday")
def time_of_day_weekday_data(
    entries, *, by: Literal["part", "hour"] = "part", column: str = "pain"
) -> TimeOfDayWeekdayData:
    """Compute what :func:`plot_time_of_day_weekday` draws and its alt text describes.

    Parameters
    ----------
    %(entries)s
    by : {"part", "hour"}, default "part"
        Columns by part of the day (night, morning, afternoon, evening) or by clock hour.
    %(column)s

    Returns
    -------
    TimeOfDayWeekdayData

    Examples
    --------
    >>> import sci_pain as sp
    >>> data = time_of_day_weekday_data(sp.load_example_journal("neuropathic"), by="hour")
    >>> data.table.shape, data.profile is None
    ((7, 24), True)
    """
    entries = as_entries(entries)
    table = time_of_day_weekday(entries, by=by, column=column)
    profile = None
    if by == "part":
        profile = time_of_day_profile(entries, column=column)["mean"]
    return TimeOfDayWeekdayData(column=column, by=by, table=table, profile=profile)


def _label_axes(ax: Axes, by: str) -> None:
    ax.set_yticks(np.arange(7), [d[:3] for d in WEEKDAYS])
    if by == "part":
        ax.set_xticks(np.arange(4), _PARTS)
        ax.set_xlabel("Part of day (clock hours)")
    else:
        ax.set_xticks(np.arange(0, 24, 3), [str(h) for h in range(0, 24, 3)])
        ax.set_xlabel("Hour of day (h)")
    ax.set_ylabel("Day of week")
    ax.grid(False)


@shared_docs(kind="time_of_day_weekday")
def plot_time_of_day_weekday(
    entries=None,
    *,
    ax: Axes | None = None,
    by: Literal["part", "hour"] = "part",
    column: str = "pain",
    annotate: bool | None = None,
    title: str | None = None,
    data: TimeOfDayWeekdayData | None = None,
) -> Axes:
    """Draw a heatmap of the mean rating by weekday (rows) and part of the day or hour.

    Cells are coloured on the fixed 0-10 scale and cells without entries are hatched: read
    along a row for the course of a day, down a column for the same time on each weekday.

    Parameters
    ----------
    %(entries_to_draw)s
    %(ax)s
    by : {"part", "hour"}, default "part"
        Columns by part of the day (4) or by clock hour (24).
    %(column)s
        Its mean colours each cell.
    annotate : bool, optional
        Write each cell's mean in it (default: for the 7 x 4 parts-of-day table only).
    %(title)s
    %(data_to_draw)s

    Returns
    -------
    Axes
        With an AxesImage of the table (``ax.images[0]``) and a colour bar.

    Examples
    --------
    %(example)s
    >>> plot_time_of_day_weekday(entries, ax=ax).images[0].get_array().shape
    (7, 4)
    >>> plt.close(fig)
    """
    data = common.numbers(time_of_day_weekday_data, entries, data, by=by, column=column)
    ax = common.current_axes(ax)
    values = data.values
    image = ax.imshow(
        np.ma.masked_invalid(values),
        **common.rating_colours(),
        aspect="auto",
        interpolation="nearest",
    )
    ax.add_patch(common.hatched((-0.5, -0.5), values.shape[1], 7))
    _label_axes(ax, data.by)
    if annotate is None:
        annotate = data.by == "part"
    if annotate:
        rows, cols = np.nonzero(~np.isnan(values))
        for r, c in zip(rows, cols, strict=True):  # at most 28 cells
            v = values[r, c]
            ax.text(c, r, f"{v:.1f}", color=common.text_colour(v), **_CELL_TEXT)
    name = common.column_name(data.column).lower()
    ax.set_title(title or f"Mean {name} by weekday and time of day")
    common.colorbar(
        ax, image, common.axis_label(data.column, prefix=f"Mean {data.column.replace('_', ' ')}")
    )
    return ax


@shared_docs(kind="time_of_day_weekday")
def time_of_day_weekday_alt_text(data: TimeOfDayWeekdayData) -> str:
    """Describe a day-and-week heatmap in one sentence, from the numbers of :func:`time_of_day_weekday_data`.

    It names the highest and the lowest cell (weekday and part of the day or hour) and, by
    parts of the day, the overall mean of each part.

    %(alt_text_of_data)s

    Examples
    --------
    >>> import sci_pain as sp
    >>> data = time_of_day_weekday_data(sp.load_example_journal("overuse"), by="hour")
    >>> time_of_day_weekday_alt_text(data)  # doctest: +ELLIPSIS
    'Heatmap of mean pain by weekday and hour: highest on ...s at ... h (...), lowest on ...'
    """
    stacked = data.table.stack().dropna()
    if stacked.empty:
        return "Heatmap of mean pain by weekday and time of day with no entries."
    by = data.by
    (hi_day, hi_time), (lo_day, lo_time) = stacked.idxmax(), stacked.idxmin()

    def when(weekday, time) -> str:
        return f"{weekday} {time}s" if by == "part" else f"{weekday}s at {time} h"

    profile = ""
    if data.profile is not None:
        means = data.profile.dropna()
        profile = "; overall " + ", ".join(f"{p} {common.fmt(v)}" for p, v in means.items())
    return (
        f"Heatmap of mean {data.column.replace('_', ' ')} by weekday and "
        f"{'part of day' if by == 'part' else 'hour'}: highest on {when(hi_day, hi_time)} "
        f"({common.fmt(stacked.max())}), lowest on {when(lo_day, lo_time)} ({common.fmt(stacked.min())})"
        f"{profile}."
    )


@shared_docs(kind="time_of_day_weekday")
def update_time_of_day_weekday(
    ax: Axes,
    entries=None,
    *,
    by: Literal["part", "hour"] = "part",
    column: str = "pain",
    annotate: bool | None = None,
    data: TimeOfDayWeekdayData | None = None,
) -> list:
    """Show other entries on a heatmap drawn by :func:`plot_time_of_day_weekday`, in place.

    The cells take the means of the given entries (hatched where there are none) and the
    cell labels follow; the axes, the title and the colour bar stay.

    Parameters
    ----------
    %(ax_drawn)s
        It must have been drawn with the same ``by``.
    %(entries_to_show)s
    by : {"part", "hour"}, default "part"
        As the heatmap was drawn with.
    %(column)s
    annotate : bool, optional
        Write each cell's mean in it (default: for parts of the day).
    %(data_to_show)s

    Returns
    -------
    %(changed)s
        the image and the cell labels.

    Raises
    ------
    %(not_drawn)s
        Or if it was drawn with another ``by``.

    Examples
    --------
    %(example)s
    >>> ax = plot_time_of_day_weekday(entries, ax=ax)
    >>> mondays = entries[entries["timestamp"].dt.day_of_week == 0]
    >>> changed = update_time_of_day_weekday(ax, mondays)
    >>> int(ax.images[0].get_array().count())  # cells with a value: Monday's parts of the day
    3
    >>> plt.close(fig)
    """
    data = common.numbers(time_of_day_weekday_data, entries, data, by=by, column=column)
    values = data.values
    if not ax.images or np.shape(ax.images[0].get_array()) != values.shape:
        raise common.not_drawn_by(
            f"plot_time_of_day_weekday(by={data.by!r})", "a heatmap of that shape"
        )
    image = ax.images[0]
    changed: list = [image] if common.set_values(image, values) else []
    if annotate is None:
        annotate = data.by == "part"
    if annotate:
        changed += _update_cell_labels(ax, values)
    return changed


def _update_cell_labels(ax: Axes, values: np.ndarray) -> list:
    cells = {}
    for text in ax.texts:
        x, y = text.get_position()
        cells[(round(float(y)), round(float(x)))] = text
    texts_changed = False
    for (row, col), value in np.ndenumerate(values):
        text = cells.get((row, col))
        if text is None:
            if np.isnan(value):
                continue
            text = cells[(row, col)] = ax.text(col, row, "", **_CELL_TEXT)
        texts_changed |= common.set_cell_label(text, value)
    # all cell labels, so that the set of changing artists stays the same
    return list(cells.values()) if texts_changed else []
