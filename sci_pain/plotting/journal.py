"""Figures of a pain journal: timeline, calendar, day-and-week heatmap, body map, descriptors,
associations, N-of-1 phases, and a one-figure overview.

Every ``plot_x(data, *, ax=None, ...)`` computes with :mod:`sci_pain.analysis.core`,
:mod:`sci_pain.analysis.nof1` or :mod:`sci_pain.analysis.flags`, draws on ``ax`` (default: the current Axes)
and returns the Axes; none calls ``plt.show()``. Colours come from :mod:`sci_pain.style`
(Okabe-Ito and ``cividis``, readable with colour-vision deficiencies); pain is always on the
0-10 scale, so colours mean the same in every figure. Each figure has a title and axis labels
with units, and :func:`alt_text` gives the one-sentence description to show with it.

Drawing uses one artist per data series (no per-point loops), so redrawing for a dashboard
is cheap; colour bars live in an inset of the Axes, so ``ax.clear()`` removes them too.

Examples
--------
>>> import pandas as pd
>>> import matplotlib.pyplot as plt
>>> days = pd.date_range("2026-03-01", periods=21, freq="D")
>>> entries = pd.DataFrame({"timestamp": days, "pain": [4, 5, 6] * 7})
>>> fig, ax = plt.subplots()
>>> ax = plot_timeline(entries, ax=ax)
>>> ax.get_ylabel()
'Pain (NRS 0-10)'
>>> alt_text("timeline", entries)
'Timeline of pain (NRS 0-10) from 2026-03-01 to 2026-03-21: 21 entries on 21 of 21 days; the 7-day rolling mean went from 4.8 to 5.1 (daily means 4.0 to 6.0).'
>>> plt.close(fig)
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from sci_pain.analysis import (
    SEVERITIES,
    WEEKDAYS,
    AnalysisError,
    PhaseComparison,
    associations,
    compare_phases,
    daily_summary,
    daily_values,
    pain_by_leg_site,
    pain_by_quality,
    rolling_trend,
    scan_red_flags,
    summarize_journal,
    time_of_day_profile,
    time_of_day_weekday,
)
from sci_pain.analysis import as_entries as _as_entries
from sci_pain.analysis import numeric as _numeric
from sci_pain.analysis import timestamps as _timestamps
from sci_pain.journal import COLUMNS
from sci_pain.style import PALETTE, SEQUENTIAL_CMAP

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "PLOT_KINDS",
    "plot_timeline",
    "plot_calendar",
    "plot_time_of_day_weekday",
    "plot_body_map",
    "plot_descriptors",
    "plot_association",
    "plot_phases",
    "plot_overview",
    "alt_text",
    "journal_alt_text",
    "update_timeline",
    "update_calendar",
    "update_time_of_day_weekday",
    "update_body_map",
    "update_descriptors",
    "update_association",
    "update_overview",
    "association_alt_text",
]

PLOT_KINDS: tuple[str, ...] = (
    "timeline",
    "calendar",
    "time_of_day_weekday",
    "body_map",
    "descriptors",
    "association",
    "phases",
    "overview",
)
"""The figures :func:`alt_text` can describe (``plot_<kind>``)."""

PAIN_RANGE = (0.0, 10.0)
# Cells without entries are white with grey hatching, a pattern no colour of the scale has:
# a plain grey could be read as a mid-range mean on cividis (also in greyscale print).
_MISSING_COLOUR = "white"
_MISSING_HATCH = "////"
_MISSING_EDGE = "#8C8C8C"
_SEVERITY_COLOURS = {
    "routine": PALETTE["blue"],
    "soon": PALETTE["purple"],
    "same_day": PALETTE["orange"],
    "emergency": PALETTE["vermillion"],
}
_SEVERITY_MARKERS = {
    "routine": "o",
    "soon": "s",
    "same_day": "D",
    "emergency": "v",
}  # shape as well as colour
_GROUP_COLOURS = {
    "neuropathic": PALETTE["blue"],
    "nociceptive": PALETTE["orange"],
    "other": PALETTE["black"],
}
_NAMES = {
    "pain": "Pain",
    "interference": "Interference",
    "spasms": "Spasms",
    "activity_min": "Activity",
    "immobile_hours": "Longest time without moving",
    "sleep_hours": "Sleep",
}
_COLORBAR_LABEL = "sci_pain colorbar"
_MISSING_KEY_LABEL = "sci_pain no-entries key"


# --------------------------------------------------------------------------------------------
# helpers


def _axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.gca()


def _label(column: str, *, prefix: str = "", suffix: str = "") -> str:
    """An axis label with the column's unit: 'Pain (NRS 0-10)', 'Activity, day before (min)'."""
    name = prefix or _NAMES.get(column, column.replace("_", " ").capitalize())
    unit = COLUMNS[column].unit if column in COLUMNS else ""
    return f"{name}{suffix}" + (f" ({unit})" if unit else "")


def _cmap(name: str = SEQUENTIAL_CMAP):
    import matplotlib as mpl

    return mpl.colormaps[name].with_extremes(bad=(0.0, 0.0, 0.0, 0.0))  # hatch shows through


def _hatched(xy, width: float, height: float):
    """The 'no entries' background drawn under a heatmap: masked cells let it show."""
    from matplotlib.patches import Rectangle

    return Rectangle(
        xy,
        width,
        height,
        facecolor=_MISSING_COLOUR,
        edgecolor=_MISSING_EDGE,
        hatch=_MISSING_HATCH,
        linewidth=0,
        zorder=-1,
        label="no entries",
    )


def _text_colour(value: float) -> str:
    """Black or white, whichever contrasts more with the cell colour of ``value`` (WCAG)."""
    import matplotlib as mpl

    r, g, b, _ = mpl.colormaps[SEQUENTIAL_CMAP](
        (value - PAIN_RANGE[0]) / (PAIN_RANGE[1] - PAIN_RANGE[0])
    )
    lum = 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)
    return "black" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _colorbar(ax: Axes, mappable, label: str):
    """A colour bar in an inset of ``ax`` (replacing an earlier one), so redraws do not pile up."""
    for child in list(ax.child_axes):
        if child.get_label() in (_COLORBAR_LABEL, _MISSING_KEY_LABEL):
            child.remove()
    cax = ax.inset_axes([1.03, 0.0, 0.035, 1.0])
    cax.set_label(_COLORBAR_LABEL)
    colorbar = ax.get_figure().colorbar(mappable, cax=cax)
    colorbar.set_label(label)
    key = ax.inset_axes([1.03, -0.16, 0.035, 0.07])  # what the hatching means
    key.set_label(_MISSING_KEY_LABEL)
    key.add_patch(_hatched((0, 0), 1, 1))
    key.set_xlim(0, 1)
    key.set_ylim(0, 1)
    key.set_xticks([])
    key.set_yticks([])
    key.text(1.4, 0.5, "no entries", transform=key.transAxes, va="center", fontsize=9)
    return colorbar


def _date(value) -> str:
    return f"{pd.Timestamp(value):%Y-%m-%d}"


def _fmt(value: float, digits: int = 1) -> str:
    return (
        "n/a"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else (f"{value:.{digits}f}")
    )


def _no_data(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color="0.3")


def _phase_marks(phases) -> list[tuple[str, pd.Timestamp]]:
    """Normalise phases to a list of (label, date)."""
    if phases is None:
        return []
    if isinstance(phases, PhaseComparison):
        what = (phases.intervention or "B").replace("_", " ")
        marks = [(f"{what} starts", phases.start)]
        if phases.end is not None:
            marks.append((f"{what} ends", phases.end))
        return marks
    if isinstance(phases, Mapping):
        return [(str(label), pd.Timestamp(date)) for label, date in phases.items()]
    if isinstance(phases, (str, pd.Timestamp)) or not isinstance(phases, Sequence):
        return [("phase change", pd.Timestamp(phases))]
    return [("phase change", pd.Timestamp(date)) for date in phases]


def _resolve_flags(entries: pd.DataFrame, flags) -> pd.DataFrame | None:
    if flags is None or flags is False:
        return None
    if flags is True:
        return scan_red_flags(entries, injury_level="unknown")
    if isinstance(flags, pd.DataFrame):
        return flags
    msg = "flags must be None, True (scan the journal) or a table from scan_red_flags"
    raise TypeError(msg)


# --------------------------------------------------------------------------------------------
# timeline


def plot_timeline(
    entries,
    *,
    ax: Axes | None = None,
    column: str = "pain",
    window: int = 7,
    phases=None,
    flags=None,
    title: str | None = None,
) -> Axes:
    """Every rating as a point, the rolling mean as a line, phase starts and red flags marked.

    Parameters
    ----------
    entries : DataFrame or Journal
    ax : Axes, optional
    column : str, default "pain"
    window : int, default 7
        Rolling-mean window in days (see :func:`sci_pain.analysis.core.rolling_trend`).
    phases : PhaseComparison, date, sequence of dates or mapping of label to date, optional
        Vertical dashed lines where a phase (e.g. an intervention) starts.
    flags : True or DataFrame, optional
        True scans the journal with :func:`sci_pain.scan_red_flags`; a table from it is used
        as is. Flags are drawn along the top, with colour and shape by severity (circle:
        check, diamond: soon, triangle: urgent).
    title : str, optional

    Returns
    -------
    Axes
        With the entries as a PathCollection (label ``"entries"``), the rolling mean as a
        Line2D (label ``"<window>-day rolling mean"``), phase lines and flag markers.
    """
    import matplotlib.dates as mdates

    entries = _as_entries(entries)
    ax = _axes(ax)
    trend = rolling_trend(entries, window=window, column=column)  # checks the columns
    ts = _timestamps(entries, purpose="the timeline").to_numpy()
    values = _numeric(entries, column)
    ax.scatter(ts, values, s=16, color=PALETTE["sky_blue"], alpha=0.7, label="entries", zorder=2)
    ax.plot(
        trend.index.to_numpy(),
        trend["rolling_mean"].to_numpy(),
        color=PALETTE["blue"],
        label=f"{window}-day rolling mean",
        zorder=3,
    )
    top = PAIN_RANGE[1] if column in ("pain", "interference") else np.nanmax(values)
    for label, date in _phase_marks(phases):
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
    table = _resolve_flags(entries, flags)
    if table is not None and len(table):
        y = top + 0.6
        for severity in SEVERITIES:
            chosen = table[table["severity"] == severity]
            if len(chosen):
                ax.scatter(
                    chosen["timestamp"].to_numpy(),
                    np.full(len(chosen), y),
                    marker=_SEVERITY_MARKERS[severity],
                    s=50,
                    color=_SEVERITY_COLOURS[severity],
                    edgecolor=PALETTE["black"],
                    linewidth=0.5,
                    label=f"red flag: {severity.replace('_', ' ')}",
                    zorder=4,
                    clip_on=False,
                )
    if column in ("pain", "interference"):
        ax.set_ylim(-0.3, PAIN_RANGE[1] + 1.0)
        ax.set_yticks(range(0, 11, 2))
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("Date")
    ax.set_ylabel(_label(column))
    ax.set_title(title or f"{_NAMES.get(column, column)} over time")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
    return ax


# --------------------------------------------------------------------------------------------
# calendar


def plot_calendar(
    entries, *, ax: Axes | None = None, column: str = "pain", title: str | None = None
) -> Axes:
    """A calendar heatmap: one cell per day (weeks across, Monday to Sunday down).

    Cells are coloured by the day's mean rating on the fixed 0-10 scale; days without an
    entry are hatched (a pattern, so they cannot be mistaken for a colour of the scale).

    Returns
    -------
    Axes
        With a QuadMesh of the daily means (``ax.collections[0]``) and a colour bar in an
        inset Axes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> fig, ax = plt.subplots()
    >>> plot_calendar(journal, ax=ax).get_title()
    'Daily mean pain: calendar'
    >>> plt.close(fig)
    """
    from matplotlib.colors import ListedColormap

    entries = _as_entries(entries)
    ax = _axes(ax)
    daily = daily_summary(entries, column=column)
    ax.set_title(title or f"Daily mean {_NAMES.get(column, column).lower()}: calendar")
    ax.set_ylabel("Day of week")
    ax.set_xlabel("Week (month shown at its first week); hatched = no entry")
    if daily.empty:
        _no_data(ax, "No entries")
        return ax
    days = daily.index
    first_monday = days[0] - pd.Timedelta(days=int(days[0].day_of_week))
    offset = ((days - first_monday) / pd.Timedelta(days=1)).to_numpy(dtype=int)
    week, weekday = offset // 7, offset % 7
    n_weeks = int(week.max()) + 1
    grid = np.full((7, n_weeks), np.nan)
    grid[weekday, week] = daily["mean"].to_numpy(dtype=float)
    outside = np.ones((7, n_weeks), dtype=bool)
    outside[weekday, week] = False
    mesh = ax.pcolormesh(
        np.arange(n_weeks + 1),
        np.arange(8),
        np.ma.masked_invalid(grid),
        cmap=_cmap(),
        vmin=PAIN_RANGE[0],
        vmax=PAIN_RANGE[1],
        edgecolors="white",
        linewidth=0.5,
    )
    ax.pcolormesh(
        np.arange(n_weeks + 1),
        np.arange(8),
        np.ma.masked_where(~outside, np.zeros_like(grid)),
        cmap=ListedColormap(["white"]),
        edgecolors="white",
        linewidth=0.5,
    )
    ax.add_patch(_hatched((0, 0), n_weeks, 7))
    ax.set_xlim(0, n_weeks)
    ax.set_ylim(7, 0)
    ax.set_yticks(np.arange(7) + 0.5, [d[:3] for d in WEEKDAYS])
    month_starts = days[days.day == 1]
    if days[0].day != 1:
        month_starts = days[:1].append(month_starts)
    if len(month_starts) > 24:  # years of data: label years, at most about 12 of them
        month_starts = month_starts[(month_starts.month == 1) | (month_starts == days[0])]
        step = max(1, -(-len(month_starts) // 12))
        month_starts = month_starts[::step]
        labels = [f"{d:%Y}" for d in month_starts]
    else:
        labels = [
            f"{d:%b %Y}" if d.month == 1 or i == 0 else f"{d:%b}"
            for i, d in enumerate(month_starts)
        ]
    ticks = ((month_starts - first_monday) / pd.Timedelta(days=1)).to_numpy(dtype=int) // 7
    ax.set_xticks(ticks + 0.5, labels)
    ax.grid(False)
    _colorbar(ax, mesh, _label(column, prefix=f"Daily mean {column.replace('_', ' ')}"))
    return ax


# --------------------------------------------------------------------------------------------
# time of day x weekday


def plot_time_of_day_weekday(
    entries,
    *,
    ax: Axes | None = None,
    by: Literal["part", "hour"] = "part",
    column: str = "pain",
    annotate: bool | None = None,
    title: str | None = None,
) -> Axes:
    """A heatmap of the mean rating by weekday (rows) and part of the day or hour (columns).

    Parameters
    ----------
    by : {"part", "hour"}, default "part"
    annotate : bool, optional
        Write each cell's mean in it (default: for the 7 x 4 parts-of-day table only).

    Returns
    -------
    Axes
        With an AxesImage of the table (``ax.images[0]``) and a colour bar.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> fig, ax = plt.subplots()
    >>> plot_time_of_day_weekday(journal, ax=ax).images[0].get_array().shape
    (7, 4)
    >>> plt.close(fig)
    """
    entries = _as_entries(entries)
    ax = _axes(ax)
    table = time_of_day_weekday(entries, by=by, column=column)
    values = table.to_numpy(dtype=float)
    image = ax.imshow(
        np.ma.masked_invalid(values),
        cmap=_cmap(),
        vmin=PAIN_RANGE[0],
        vmax=PAIN_RANGE[1],
        aspect="auto",
        interpolation="nearest",
    )
    ax.add_patch(_hatched((-0.5, -0.5), values.shape[1], 7))
    ax.set_yticks(np.arange(7), [d[:3] for d in WEEKDAYS])
    if by == "part":
        ax.set_xticks(
            np.arange(4),
            ["night\n0-6 h", "morning\n6-12 h", "afternoon\n12-18 h", "evening\n18-24 h"],
        )
        ax.set_xlabel("Part of day (clock hours)")
    else:
        ax.set_xticks(np.arange(0, 24, 3), [str(h) for h in range(0, 24, 3)])
        ax.set_xlabel("Hour of day (h)")
    ax.set_ylabel("Day of week")
    ax.grid(False)
    if annotate is None:
        annotate = by == "part"
    if annotate:
        rows, cols = np.nonzero(~np.isnan(values))
        for r, c in zip(rows, cols, strict=True):  # at most 28 cells
            v = values[r, c]
            ax.text(
                c,
                r,
                f"{v:.1f}",
                ha="center",
                va="center",
                fontsize=11,
                fontweight="bold",
                color=_text_colour(v),
            )
    ax.set_title(title or f"Mean {_NAMES.get(column, column).lower()} by weekday and time of day")
    _colorbar(ax, image, _label(column, prefix=f"Mean {column.replace('_', ' ')}"))
    return ax


# --------------------------------------------------------------------------------------------
# body map

# Schematic outline of one leg, front view, as (site, polygon) with x relative to the leg's
# centre line and y from the sole (0) to the top of the hip (10).
_LEG_SHAPES: tuple[tuple[str, tuple[tuple[float, float], ...]], ...] = (
    ("hip", ((-0.85, 10.0), (0.85, 10.0), (0.8, 8.6), (-0.8, 8.6))),
    ("thigh", ((-0.8, 8.6), (0.8, 8.6), (0.55, 5.6), (-0.55, 5.6))),
    ("knee", ((-0.55, 5.6), (0.55, 5.6), (0.5, 4.7), (-0.5, 4.7))),
    ("calf", ((-0.5, 4.7), (0.5, 4.7), (0.58, 3.9), (0.33, 2.0), (-0.33, 2.0), (-0.58, 3.9))),
    ("ankle", ((-0.33, 2.0), (0.33, 2.0), (0.35, 1.2), (-0.35, 1.2))),
    ("foot", ((-0.35, 1.2), (0.35, 1.2), (0.55, 0.0), (-0.55, 0.0))),
)
_LEG_CENTRES = {"right": -1.5, "left": 1.5}  # front view: the right leg on the viewer's left


def plot_body_map(
    entries, *, ax: Axes | None = None, column: str = "pain", title: str | None = None
) -> Axes:
    """Both legs from hip to foot, each site coloured by its mean rating (front view).

    The person's right leg is drawn on the viewer's left, as in clinical pain drawings, and
    both legs are labelled. Entries for ``both`` sides count for each leg and entries for the
    ``whole_leg`` for each of its sites (see :func:`sci_pain.analysis.core.pain_by_leg_site`).
    Sites never rated are hatched.

    Returns
    -------
    Axes
        With one PolyCollection of the 12 sites (``ax.collections[0]``, its array holds the
        means: right leg hip to foot, then left leg) and a colour bar in NRS 0-10.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> fig, ax = plt.subplots()
    >>> len(plot_body_map(journal, ax=ax).collections[0].get_paths())
    12
    >>> plt.close(fig)
    """
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import Normalize
    from matplotlib.patches import Polygon

    entries = _as_entries(entries)
    ax = _axes(ax)
    table = pain_by_leg_site(entries, column=column).set_index(["leg", "site"])
    polygons, means, centres = [], [], []
    for leg in ("right", "left"):
        cx = _LEG_CENTRES[leg]
        for site, shape in _LEG_SHAPES:
            polygons.append([(cx + x, y) for x, y in shape])
            means.append(float(table.loc[(leg, site), "mean"]))
            ys = [y for _, y in shape]
            centres.append((cx, (min(ys) + max(ys)) / 2))
    means = np.asarray(means)
    collection = PolyCollection(
        polygons,
        array=np.ma.masked_invalid(means),
        cmap=_cmap(),
        norm=Normalize(*PAIN_RANGE),
        edgecolors=PALETTE["black"],
        linewidths=0.8,
    )
    ax.add_collection(collection)
    for polygon in polygons:  # sites without entries show this hatching (their mean is masked)
        ax.add_patch(
            Polygon(
                polygon,
                facecolor=_MISSING_COLOUR,
                edgecolor=_MISSING_EDGE,
                hatch=_MISSING_HATCH,
                linewidth=0,
                zorder=collection.get_zorder() - 0.5,
            )
        )
    shown = ~np.isnan(means)
    for (x, y), value in zip(np.asarray(centres)[shown], means[shown], strict=True):
        ax.text(
            x,
            y,
            f"{value:.1f}",
            ha="center",
            va="center",
            fontsize=8,
            color=_text_colour(value),
        )
    for site, shape in _LEG_SHAPES:
        ys = [y for _, y in shape]
        ax.text(0, (min(ys) + max(ys)) / 2, site, ha="center", va="center", fontsize=8)
    for leg, cx in _LEG_CENTRES.items():
        ax.text(cx, 10.3, f"{leg.capitalize()}\nleg", ha="center", va="bottom", fontsize=9)
    ax.set_xlim(-2.6, 2.6)
    ax.set_ylim(-0.3, 11.6)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(False)
    ax.set_xlabel("Front view (right leg on the viewer's left);\nhatched = not rated")
    ax.set_title(title or f"Mean {_NAMES.get(column, column).lower()} by site")
    _colorbar(ax, collection, _label(column, prefix=f"Mean {column.replace('_', ' ')}"))
    return ax


# --------------------------------------------------------------------------------------------
# descriptors


def plot_descriptors(
    entries, *, ax: Axes | None = None, title: str | None = None, show_unused: bool = True
) -> Axes:
    """A bar chart of how often each pain descriptor was used, neuropathic and nociceptive.

    Parameters
    ----------
    show_unused : bool, default True
        Keep descriptors never used (zero-length bars) so the vocabulary is visible.

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

    entries = _as_entries(entries)
    ax = _axes(ax)
    table = pain_by_quality(entries)
    if not show_unused:
        table = table[table["count"] > 0]
    positions = np.arange(len(table))
    colours = [_GROUP_COLOURS[g] for g in table["group"]]
    ax.barh(positions, table["count"].to_numpy(), color=colours, height=0.7)
    ax.set_yticks(positions, [q.replace("_", " ") for q in table["quality"]])
    ax.invert_yaxis()
    ax.set_xlabel("Entries mentioning the descriptor (count)")
    ax.set_ylabel("Descriptor")
    groups = [g for g in ("neuropathic", "nociceptive", "other") if g in set(table["group"])]
    ax.legend(
        handles=[Patch(facecolor=_GROUP_COLOURS[g], label=f"{g} type") for g in groups],
        loc="lower right",
    )
    ax.grid(axis="y", visible=False)
    ax.set_title(title or "Pain descriptors: neuropathic vs nociceptive")
    return ax


# --------------------------------------------------------------------------------------------
# association


def _lag_phrase(lag: int) -> str:
    return {0: "same day", 1: "day before"}.get(lag, f"{lag} days before")


def plot_association(
    entries,
    *,
    variable: str = "activity_min",
    lag: int = 0,
    ax: Axes | None = None,
    column: str = "pain",
    n_boot: int = 1000,
    seed: int = 0,
    title: str | None = None,
) -> Axes:
    """Daily pain against another daily measure ``lag`` days earlier, with Spearman's rho.

    Parameters
    ----------
    variable : str, default "activity_min"
        One of ``activity_min``, ``sleep_hours``, ``spasms``, ``immobile_hours``,
        ``interference``.
    lag : int, default 0
        Days between the measure and the pain (1: the measure on the day before).
    n_boot, seed
        For the block-bootstrap interval (see :func:`sci_pain.analysis.core.associations`).

    Returns
    -------
    Axes
        With the days as one PathCollection; the title gives rho, its interval and n.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> fig, ax = plt.subplots()
    >>> plot_association(journal, variable="sleep_hours", ax=ax, n_boot=200).get_xlabel()
    'Sleep, same day (h)'
    >>> plt.close(fig)
    """
    entries = _as_entries(entries)
    ax = _axes(ax)
    if lag < 0:
        msg = f"lag must be 0 or more days, got {lag!r}"
        raise AnalysisError(msg)
    result = associations(
        entries, variables={variable: (lag,)}, column=column, n_boot=n_boot, seed=seed
    ).iloc[0]
    daily = daily_values(entries, [column, variable])
    x = daily[variable].shift(lag).to_numpy(dtype=float)
    y = daily[column].to_numpy(dtype=float)
    ax.scatter(x, y, s=22, color=PALETTE["blue"], alpha=0.6, edgecolor="none")
    name = _NAMES.get(variable, variable)
    ax.set_xlabel(_label(variable, prefix=f"{name}, {_lag_phrase(lag)}"))
    ax.set_ylabel(_label(column, prefix=f"Daily mean {column.replace('_', ' ')}"))
    if column in ("pain", "interference"):
        ax.set_ylim(-0.3, 10.3)
    ax.set_title(
        title
        or (
            f"{_NAMES.get(column, column)} vs {name.lower()} ({_lag_phrase(lag)})\n"
            f"Spearman \u03c1 = {_fmt(result['rho'], 2)} (95% CI {_fmt(result['ci_low'], 2)} "
            f"to {_fmt(result['ci_high'], 2)}), n = {int(result['n'])} days"
        )
    )
    return ax


# --------------------------------------------------------------------------------------------
# N-of-1 phases


def plot_phases(
    result_or_entries, *, ax: Axes | None = None, title: str | None = None, **compare
) -> Axes:
    """The N-of-1 phase plot: baseline (A) and treatment (B) points, phase means, the change.

    Parameters
    ----------
    result_or_entries : PhaseComparison, or anything :func:`sci_pain.compare_phases` takes
        When not a PhaseComparison, ``compare`` holds the keywords for ``compare_phases``
        (``start=``, ``intervention=``, ...).
    ax : Axes, optional
    title : str, optional

    Returns
    -------
    Axes
        A points as one PathCollection (label ``"A: before"``), B points as another
        (``"B: after"``), each phase mean as a horizontal Line2D, a dashed line at the start,
        and a text with the change, NAP and Tau-BC.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> journal = sp.load_example_journal("neuropathic")
    >>> fig, ax = plt.subplots()
    >>> plot_phases(journal, intervention="tens", ax=ax).get_title()
    'Before and after tens'
    >>> plt.close(fig)
    """
    if isinstance(result_or_entries, PhaseComparison):
        result = result_or_entries
    else:
        result = compare_phases(result_or_entries, **compare)
    ax = _axes(ax)
    a, b = result.a, result.b
    dated = isinstance(a.index, pd.DatetimeIndex)
    xa = a.index.to_numpy()
    xb = b.index.to_numpy()
    ax.scatter(xa, a.to_numpy(), s=24, color=PALETTE["blue"], label="A: before", zorder=3)
    ax.scatter(
        xb, b.to_numpy(), s=24, color=PALETTE["orange"], marker="s", label="B: after", zorder=3
    )
    ax.plot(
        [xa[0], xa[-1]],
        [result.mean_a] * 2,
        color=PALETTE["blue"],
        linestyle="-",
        label=f"mean A {result.mean_a:.1f}",
    )
    ax.plot(
        [xb[0], xb[-1]],
        [result.mean_b] * 2,
        color=PALETTE["orange"],
        linestyle="-",
        label=f"mean B {result.mean_b:.1f}",
    )
    start = result.start
    ax.axvline(start, color=PALETTE["black"], linestyle="--", linewidth=1.2)
    what = (result.intervention or "intervention").replace("_", " ")
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
    if result.outcome in ("pain", "interference"):
        ax.set_ylim(-0.3, 10.5)
    if dated:
        import matplotlib.dates as mdates

        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_xlabel("Date")
    else:
        ax.set_xlabel("Observation (session)")
    prefix = {"day": "Daily mean ", "entry": "", "observation": ""}[result.per]
    ax.set_ylabel(
        _label(
            result.outcome, prefix=f"{prefix}{result.outcome.replace('_', ' ')}" if prefix else ""
        )
    )
    ax.set_title(title or f"Before and after {what}")
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.14), ncol=4, fontsize=9)
    return ax


# --------------------------------------------------------------------------------------------
# overview


def plot_overview(
    entries,
    *,
    fig: Figure | None = None,
    window: int = 7,
    flags=True,
    phases=None,
    title: str | None = None,
) -> Figure:
    """One figure of a journal: timeline, calendar, time-of-day heatmap, body map, descriptors.

    A figure-level function: it builds (or fills) a Figure from the single-Axes functions
    and returns the Figure. Panels whose columns the journal lacks say so instead of failing.

    Parameters
    ----------
    entries : DataFrame or Journal
    fig : Figure, optional
        Drawn into (cleared first); default a new 13 x 13 inch figure.
    window : int, default 7
    flags : True, DataFrame or None, default True
    phases : optional
        As for :func:`plot_timeline`.
    title : str, optional

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

    entries = _as_entries(entries)
    if fig is None:
        fig = plt.figure(figsize=(13, 13))
    else:
        fig.clear()
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
    ax_time = fig.add_subplot(grid[0, :])
    ax_cal = fig.add_subplot(grid[1, 0])
    ax_tod = fig.add_subplot(grid[1, 1])
    ax_body = fig.add_subplot(grid[2, 0])
    ax_desc = fig.add_subplot(grid[2, 1])
    plot_timeline(entries, ax=ax_time, window=window, flags=flags, phases=phases)
    ax_time.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=5, fontsize=9)
    plot_calendar(entries, ax=ax_cal)
    plot_time_of_day_weekday(entries, ax=ax_tod)
    panels = ((ax_body, plot_body_map, "site and side"), (ax_desc, plot_descriptors, "quality"))
    for panel_ax, function, needs in panels:
        try:
            function(entries, ax=panel_ax)
        except AnalysisError as exc:
            panel_ax.set_axis_off()
            panel_ax.set_title(
                function.__name__.replace("plot_", "").replace("_", " ").capitalize()
            )
            _no_data(panel_ax, f"Not recorded in this journal\n({needs}: {exc.column})")
    summary = summarize_journal(entries)
    fig.suptitle(
        title
        or (
            f"Pain journal {_date(summary['first_day'])} to {_date(summary['last_day'])}: "
            f"{summary['entries']} entries, mean pain {_fmt(summary['mean'])}"
        ),
        fontsize=14,
        fontweight="bold",
    )
    return fig


# --------------------------------------------------------------------------------------------
# alt text


def alt_text(kind: str, data, **kwargs: Any) -> str:
    """One sentence describing a figure of :mod:`sci_pain.plotting.journal`, with its numbers.

    Parameters
    ----------
    kind : str
        One of :data:`PLOT_KINDS` (the ``plot_<kind>`` function drawn).
    data : DataFrame, Journal or PhaseComparison
        What was plotted.
    **kwargs
        The keywords given to the plot function (``column``, ``window``, ``flags``,
        ``variable``, ``lag``, ``by``, ... ) so the description matches the figure.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For an unknown kind (close matches are suggested).

    Examples
    --------
    >>> import sci_pain as sp
    >>> alt_text("body_map", sp.load_example_journal("spasticity"))  # doctest: +ELLIPSIS
    'Body map of both legs from hip to foot coloured by mean pain (NRS 0-10): highest at the right ...'
    """
    if kind not in PLOT_KINDS:
        close = difflib.get_close_matches(kind, PLOT_KINDS, n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = f"unknown figure kind {kind!r}; choose one of {', '.join(PLOT_KINDS)}.{hint}"
        raise ValueError(msg)
    return _ALT[kind](data, **kwargs)


def _alt_timeline(data, *, column="pain", window=7, flags=None, phases=None, **_) -> str:
    entries = _as_entries(data)
    summary = summarize_journal(entries, column=column)
    trend = rolling_trend(entries, window=window, column=column)["rolling_mean"].dropna()
    daily = daily_summary(entries, column=column)["mean"]
    unit = COLUMNS[column].unit if column in COLUMNS else ""
    text = (
        f"Timeline of {column.replace('_', ' ')}{f' ({unit})' if unit else ''} from "
        f"{_date(summary['first_day'])} to {_date(summary['last_day'])}: "
        f"{summary['entries']} entries on {summary['days_with_entries']} of {summary['days']} "
        f"days; the {window}-day rolling mean went from "
        f"{_fmt(trend.iloc[0] if len(trend) else math.nan)} to "
        f"{_fmt(trend.iloc[-1] if len(trend) else math.nan)} (daily means "
        f"{_fmt(daily.min())} to {_fmt(daily.max())})"
    )
    marks = _phase_marks(phases)
    if marks:
        text += "; dashed lines mark " + ", ".join(f"{lab} on {_date(d)}" for lab, d in marks)
    table = _resolve_flags(entries, flags)
    if table is not None:
        counts = table["severity"].value_counts()
        parts = [
            f"{int(counts[s])} {s.replace('_', ' ')}"
            for s in reversed(SEVERITIES)
            if counts.get(s, 0)
        ]
        text += f"; {len(table)} red flag{'s' if len(table) != 1 else ''} marked" + (
            f" ({', '.join(parts)})" if parts else ""
        )
    return text + "."


def _alt_calendar(data, *, column="pain", **_) -> str:
    daily = daily_summary(_as_entries(data), column=column)
    if daily.empty:
        return "Calendar heatmap with no entries."
    means = daily["mean"].dropna()
    return (
        f"Calendar heatmap of daily mean {column.replace('_', ' ')} from "
        f"{_date(daily.index[0])} to {_date(daily.index[-1])}, one cell per day: "
        f"{int((~daily['missed']).sum())} days with entries and {int(daily['missed'].sum())} "
        f"missed days hatched; highest {_fmt(means.max())} on {_date(means.idxmax())}, lowest "
        f"{_fmt(means.min())} on {_date(means.idxmin())}."
    )


def _alt_time_of_day_weekday(data, *, column="pain", by="part", **_) -> str:
    entries = _as_entries(data)
    table = time_of_day_weekday(entries, by=by, column=column)
    stacked = table.stack().dropna()
    if stacked.empty:
        return "Heatmap of mean pain by weekday and time of day with no entries."
    (hi_day, hi_time), (lo_day, lo_time) = stacked.idxmax(), stacked.idxmin()

    def when(day, time) -> str:
        return f"{day} {time}s" if by == "part" else f"{day}s at {time} h"

    profile = ""
    if by == "part":
        means = time_of_day_profile(entries, column=column)["mean"].dropna()
        profile = "; overall " + ", ".join(f"{p} {_fmt(v)}" for p, v in means.items())
    return (
        f"Heatmap of mean {column.replace('_', ' ')} by weekday and "
        f"{'part of day' if by == 'part' else 'hour'}: highest on {when(hi_day, hi_time)} "
        f"({_fmt(stacked.max())}), lowest on {when(lo_day, lo_time)} ({_fmt(stacked.min())})"
        f"{profile}."
    )


def _alt_body_map(data, *, column="pain", **_) -> str:
    table = pain_by_leg_site(_as_entries(data), column=column)
    rated = table.dropna(subset=["mean"])
    if rated.empty:
        return "Body map of both legs with no site rated."
    hi = rated.loc[rated["mean"].idxmax()]
    lo = rated.loc[rated["mean"].idxmin()]
    if len(rated) == 1:
        return (
            f"Body map of both legs from hip to foot coloured by mean "
            f"{column.replace('_', ' ')} (NRS 0-10): only the {hi['leg']} {hi['site']} was "
            f"rated ({_fmt(hi['mean'])}, {int(hi['n'])} entries); the other "
            f"{len(table) - 1} sites are hatched (not rated)."
        )
    return (
        f"Body map of both legs from hip to foot coloured by mean {column.replace('_', ' ')} "
        f"(NRS 0-10): highest at the {hi['leg']} {hi['site']} ({_fmt(hi['mean'])}, "
        f"{int(hi['n'])} entries), lowest at the {lo['leg']} {lo['site']} "
        f"({_fmt(lo['mean'])}); {len(table) - len(rated)} of {len(table)} sites not rated."
    )


def _alt_descriptors(data, **_) -> str:
    table = pain_by_quality(_as_entries(data))
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


def _alt_association(
    data, *, variable="activity_min", lag=0, column="pain", n_boot=1000, seed=0, **_
) -> str:
    row = associations(
        _as_entries(data), variables={variable: (lag,)}, column=column, n_boot=n_boot, seed=seed
    ).iloc[0]
    return (
        f"Scatter plot of daily mean {column.replace('_', ' ')} against "
        f"{_NAMES.get(variable, variable).lower()} ({_lag_phrase(lag)}), one point per day: "
        f"Spearman rho {_fmt(row['rho'], 2)} (95% CI {_fmt(row['ci_low'], 2)} to "
        f"{_fmt(row['ci_high'], 2)}), n = {int(row['n'])} days."
    )


def _alt_phases(data, **compare) -> str:
    result = data if isinstance(data, PhaseComparison) else compare_phases(data, **compare)
    what = (result.intervention or "the intervention").replace("_", " ")
    pct = "" if math.isnan(result.change_pct) else f", {result.change_pct:+.0f}%"
    return (
        f"Phase plot of {result.outcome} before and after {what}: mean {result.mean_a:.1f} "
        f"over {result.n_a} {result.per}s before and {result.mean_b:.1f} over {result.n_b} "
        f"after (change {result.change:+.1f} points{pct}, {result.clinical_category}; NAP "
        f"{result.nap:.2f}, Tau-BC {result.tau_bc:.2f}; {result.direction})."
    )


def _alt_overview(data, *, flags=True, **_) -> str:
    entries = _as_entries(data)
    summary = summarize_journal(entries)
    table = _resolve_flags(entries, flags)
    n_flags = 0 if table is None else len(table)
    return (
        f"Overview of a pain journal from {_date(summary['first_day'])} to "
        f"{_date(summary['last_day'])} ({summary['entries']} entries, "
        f"{summary['missed_days']} missed days, mean pain {_fmt(summary['mean'])}): a timeline "
        f"with {n_flags} red flag{'s' if n_flags != 1 else ''} marked, a calendar, a weekday by "
        f"time-of-day heatmap, a body map and a descriptor chart."
    )


journal_alt_text = alt_text
"""The same as :func:`alt_text`, under the name ``sci_pain.journal_alt_text``."""

_ALT = {
    "timeline": _alt_timeline,
    "calendar": _alt_calendar,
    "time_of_day_weekday": _alt_time_of_day_weekday,
    "body_map": _alt_body_map,
    "descriptors": _alt_descriptors,
    "association": _alt_association,
    "phases": _alt_phases,
    "overview": _alt_overview,
}


# --------------------------------------------------------------------------------------------
# fast updates for interactive use
#
# A dashboard redraws the same kind of figure many times with other entries (another date
# range, site, smoothing window). Re-plotting creates every artist again and forces a full
# draw; the ``update_<kind>`` functions instead change the artists a ``plot_<kind>`` call made,
# in place, and return the artists whose appearance changed, so that a renderer can redraw
# only those (blitting, see :class:`sci_pain.widgets.dashboard.JournalFigures`). They compute with the
# same analysis functions as the plots, so an updated figure shows what a fresh plot would.

_TIMELINE_LEGEND: dict[str, Any] = {
    "loc": "upper left",
    "bbox_to_anchor": (1.01, 1.0),
    "fontsize": 9,
}
_OVERVIEW_LEGEND: dict[str, Any] = {
    "loc": "upper center",
    "bbox_to_anchor": (0.5, -0.22),
    "ncol": 5,
    "fontsize": 9,
}
_FLAG_PREFIX = "red flag: "
_OVERVIEW_PANELS = ("timeline", "calendar", "time_of_day_weekday", "body_map", "descriptors")


def _not_drawn_by(function: str, what: str) -> ValueError:
    msg = (
        f"this Axes was not drawn by {function} ({what} not found); draw it with {function} "
        f"first, then update it"
    )
    return ValueError(msg)


def _same(old, new) -> bool:
    """Whether two (possibly masked) arrays hold the same values, NaN equal to NaN."""
    old_mask, new_mask = np.ma.getmaskarray(old), np.ma.getmaskarray(new)
    try:
        old_values = np.ma.filled(np.ma.asarray(old, dtype=float), np.nan)
        new_values = np.ma.filled(np.ma.asarray(new, dtype=float), np.nan)
    except (TypeError, ValueError):
        return False
    return (
        old_values.shape == new_values.shape
        and np.array_equal(old_mask, new_mask)
        and np.array_equal(old_values, new_values, equal_nan=True)
    )


def _set_offsets(collection, offsets: np.ndarray) -> bool:
    """Set a collection's offsets; return whether they changed."""
    if _same(collection.get_offsets(), offsets):
        return False
    collection.set_offsets(offsets)
    return True


def _set_label(text, value: float) -> bool:
    """Write a cell's mean as the heatmaps do (hidden when missing); return whether it changed."""
    missing = math.isnan(value)
    label = "" if missing else f"{value:.1f}"
    colour = "black" if missing else _text_colour(value)
    if (text.get_text(), text.get_visible(), text.get_color()) == (label, not missing, colour):
        return False
    text.set_text(label)
    text.set_color(colour)
    text.set_visible(not missing)
    return True


def _date_numbers(values) -> np.ndarray:
    import matplotlib.dates as mdates

    values = np.asarray(values)
    if values.size == 0:
        return np.empty(0)
    return mdates.date2num(values)


def _set_xlim(ax: Axes, low: float, high: float) -> bool:
    """Set the x limits; return whether they changed."""
    if np.allclose(ax.get_xlim(), (low, high), rtol=0, atol=1e-9):
        return False
    ax.set_xlim(low, high)
    return True


def update_timeline(
    ax: Axes,
    entries,
    *,
    column: str = "pain",
    window: int = 7,
    flags=None,
    xlim=None,
    legend_kwargs: Mapping[str, Any] | None = None,
) -> list:
    """Show other entries on a timeline drawn by :func:`plot_timeline`, in place.

    The points, the rolling mean, the red-flag markers and the x limits are changed; phase
    lines, labels and the title stay. Meant for redrawing fast in a dashboard.

    Parameters
    ----------
    ax : Axes
        An Axes drawn by :func:`plot_timeline` (or an earlier update).
    entries : DataFrame or Journal
    column : str, default "pain"
        The column the timeline was drawn for.
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

    Returns
    -------
    list
        The artists whose appearance changed (the x axis when the limits changed; an old and
        a new legend when it was rebuilt), for a renderer that redraws only those.

    Raises
    ------
    ValueError
        If ``ax`` holds no timeline.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("neuropathic").entries
    >>> fig, ax = plt.subplots()
    >>> ax = plot_timeline(entries, ax=ax)
    >>> changed = update_timeline(ax, entries, window=14)
    >>> [type(artist).__name__ for artist in changed], ax.lines[0].get_label()
    (['Line2D', 'Legend'], '14-day rolling mean')
    >>> plt.close(fig)
    """
    entries = _as_entries(entries)
    points = next((c for c in ax.collections if c.get_label() == "entries"), None)
    line = next((ln for ln in ax.lines if ln.get_label().endswith("-day rolling mean")), None)
    if points is None or line is None:
        raise _not_drawn_by("plot_timeline", "the points or the rolling-mean line")
    trend = rolling_trend(entries, window=window, column=column)  # checks the columns
    ts = _timestamps(entries, purpose="the timeline").to_numpy()
    values = _numeric(entries, column)
    changed: list = []
    if _set_offsets(points, np.column_stack([_date_numbers(ts), values])):
        changed.append(points)
    x = _date_numbers(trend.index.to_numpy())
    y = trend["rolling_mean"].to_numpy(dtype=float)
    old = (np.asarray(line.get_xdata(orig=True)), np.asarray(line.get_ydata(orig=True)))
    old_x = _date_numbers(old[0]) if np.issubdtype(old[0].dtype, np.datetime64) else old[0]
    if not (_same(old_x, x) and _same(old[1], y)):
        line.set_data(x, y)
        changed.append(line)
    label = f"{window}-day rolling mean"
    legend = ax.get_legend()
    if line.get_label() != label:
        if legend is not None:
            for text in legend.get_texts():
                if text.get_text() == line.get_label():
                    text.set_text(label)
        line.set_label(label)
        if legend is not None:
            changed.append(legend)

    table = _resolve_flags(entries, flags)
    markers = {
        c.get_label().removeprefix(_FLAG_PREFIX).replace(" ", "_"): c
        for c in ax.collections
        if c.get_label().startswith(_FLAG_PREFIX)
    }
    placed = [np.asarray(m.get_offsets()) for m in markers.values() if len(m.get_offsets())]
    if placed:
        y_flag = float(placed[0][0, 1])
    else:
        top = PAIN_RANGE[1] if column in ("pain", "interference") else np.nanmax(values)
        y_flag = float(top) + 0.6
    rebuild, flags_changed = False, False
    for severity in SEVERITIES:
        chosen = table[table["severity"] == severity] if table is not None else pd.DataFrame()
        artist = markers.get(severity)
        if len(chosen) == 0:
            # emptied, not removed: the legend keeps its entry and its place
            if artist is not None:
                flags_changed |= _set_offsets(artist, np.empty((0, 2)))
            continue
        offsets = np.column_stack(
            [_date_numbers(chosen["timestamp"].to_numpy()), np.full(len(chosen), y_flag)]
        )
        if artist is None:
            artist = ax.scatter(
                chosen["timestamp"].to_numpy(),
                offsets[:, 1],
                marker=_SEVERITY_MARKERS[severity],
                s=50,
                color=_SEVERITY_COLOURS[severity],
                edgecolor=PALETTE["black"],
                linewidth=0.5,
                label=f"{_FLAG_PREFIX}{severity.replace('_', ' ')}",
                zorder=4,
                clip_on=False,
            )
            markers[severity] = artist
            rebuild = True
        else:
            flags_changed |= _set_offsets(artist, offsets)
    if flags_changed or rebuild:  # all markers, so that the set of changing artists stays
        changed.extend(markers.values())
    if rebuild:
        changed.append(legend)
        changed.append(ax.legend(**dict(legend_kwargs or _TIMELINE_LEGEND)))

    if xlim is not None:
        low, high = _date_numbers([pd.Timestamp(v).to_datetime64() for v in xlim])
    elif len(ts) and not pd.isna(ts.min()):
        low, high = _date_numbers([ts.min(), ts.max()])
        margin = max(1.0, 0.05 * (high - low))
        low, high = low - margin, high + margin
    else:
        low, high = ax.get_xlim()
    if _set_xlim(ax, low, high):
        changed.append(ax.xaxis)
    return [artist for artist in changed if artist is not None]


def update_calendar(
    ax: Axes,
    entries,
    *,
    first_day,
    column: str = "pain",
    start=None,
    end=None,
) -> list:
    """Show other entries on a calendar drawn by :func:`plot_calendar`, in place.

    The grid keeps the weeks it was drawn with: each day's cell takes the mean of the given
    entries (hatched when it has none, or when it is outside ``start`` to ``end``), and the
    view narrows to the weeks from ``start`` to ``end``, with month labels for those weeks.

    Parameters
    ----------
    ax : Axes
        An Axes drawn by :func:`plot_calendar`.
    entries : DataFrame or Journal
    first_day : date
        The first day of the entries the calendar was drawn with (its first cell's week).
    column : str, default "pain"
    start, end : date, optional
        The days to show (inclusive); default the whole grid.

    Returns
    -------
    list
        The artists whose appearance changed (the grid, and the x axis when the weeks shown
        changed).

    Raises
    ------
    ValueError
        If ``ax`` holds no calendar.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("neuropathic").entries
    >>> fig, ax = plt.subplots()
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

    entries = _as_entries(entries)
    meshes = [c for c in ax.collections if isinstance(c, QuadMesh)]
    if not meshes:
        raise _not_drawn_by("plot_calendar", "the grid of days")
    mesh = meshes[0]
    n_weeks = int(np.shape(mesh.get_array())[1])
    first_monday = pd.Timestamp(first_day).normalize()
    first_monday -= pd.Timedelta(days=int(first_monday.day_of_week))
    last_grid_day = first_monday + pd.Timedelta(days=7 * n_weeks - 1)
    low_day = max(pd.Timestamp(start).normalize(), first_monday) if start else first_monday
    high_day = min(pd.Timestamp(end).normalize(), last_grid_day) if end else last_grid_day
    grid = np.full((7, n_weeks), np.nan)
    daily = daily_summary(entries, column=column)
    if len(daily):
        days = daily.index
        offset = ((days - first_monday) / pd.Timedelta(days=1)).to_numpy(dtype=int)
        keep = (days >= low_day) & (days <= high_day) & (offset >= 0) & (offset < 7 * n_weeks)
        grid[offset[keep] % 7, offset[keep] // 7] = daily["mean"].to_numpy(dtype=float)[keep]
    changed: list = []
    new = np.ma.masked_invalid(grid)
    if not _same(mesh.get_array(), new):
        mesh.set_array(new)
        changed.append(mesh)

    def week(day: pd.Timestamp) -> int:
        return int((day - first_monday) / pd.Timedelta(days=1)) // 7

    if high_day < low_day:
        return changed
    if _set_xlim(ax, float(week(low_day)), float(week(high_day) + 1)):
        month_starts = pd.date_range(low_day, high_day, freq="MS")
        # label the partial first month only if its weeks leave room before the next label
        if low_day.day != 1 and (len(month_starts) == 0 or (month_starts[0] - low_day).days >= 14):
            month_starts = pd.DatetimeIndex([low_day]).append(month_starts)
        ax.set_xticks(
            [week(d) + 0.5 for d in month_starts],
            [
                f"{d:%b %Y}" if d.month == 1 or i == 0 else f"{d:%b}"
                for i, d in enumerate(month_starts)
            ],
        )
        changed.append(ax.xaxis)
    return changed


def update_time_of_day_weekday(
    ax: Axes,
    entries,
    *,
    by: Literal["part", "hour"] = "part",
    column: str = "pain",
    annotate: bool | None = None,
) -> list:
    """Show other entries on a heatmap drawn by :func:`plot_time_of_day_weekday`, in place.

    Parameters
    ----------
    ax : Axes
        An Axes drawn by :func:`plot_time_of_day_weekday` with the same ``by``.
    entries : DataFrame or Journal
    by : {"part", "hour"}, default "part"
    column : str, default "pain"
    annotate : bool, optional
        Write each cell's mean in it (default: for parts of the day).

    Returns
    -------
    list
        The artists whose appearance changed (the image and the cell labels).

    Raises
    ------
    ValueError
        If ``ax`` holds no heatmap of this shape.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("neuropathic").entries
    >>> fig, ax = plt.subplots()
    >>> ax = plot_time_of_day_weekday(entries, ax=ax)
    >>> mondays = entries[entries["timestamp"].dt.day_of_week == 0]
    >>> changed = update_time_of_day_weekday(ax, mondays)
    >>> int(ax.images[0].get_array().count())  # cells with a value: Monday's parts of the day
    3
    >>> plt.close(fig)
    """
    entries = _as_entries(entries)
    table = time_of_day_weekday(entries, by=by, column=column)
    values = table.to_numpy(dtype=float)
    if not ax.images or np.shape(ax.images[0].get_array()) != values.shape:
        raise _not_drawn_by(f"plot_time_of_day_weekday(by={by!r})", "a heatmap of that shape")
    image = ax.images[0]
    changed: list = []
    new = np.ma.masked_invalid(values)
    if not _same(image.get_array(), new):
        image.set_data(new)
        changed.append(image)
    if annotate is None:
        annotate = by == "part"
    if not annotate:
        return changed
    cells = {}
    for text in ax.texts:
        x, y = text.get_position()
        cells[(round(float(y)), round(float(x)))] = text
    texts_changed = False
    for (row, col), value in np.ndenumerate(values):
        text = cells.get((row, col))
        missing = bool(np.isnan(value))
        if text is None:
            if missing:
                continue
            text = cells[(row, col)] = ax.text(
                col, row, "", ha="center", va="center", fontsize=11, fontweight="bold"
            )
        texts_changed |= _set_label(text, value)
    if texts_changed:  # all cell labels, so that the set of changing artists stays the same
        changed.extend(cells.values())
    return changed


def update_body_map(ax: Axes, entries, *, column: str = "pain") -> list:
    """Show other entries on a body map drawn by :func:`plot_body_map`, in place.

    Parameters
    ----------
    ax : Axes
        An Axes drawn by :func:`plot_body_map`.
    entries : DataFrame or Journal
    column : str, default "pain"

    Returns
    -------
    list
        The artists whose appearance changed (the sites and their value labels).

    Raises
    ------
    ValueError
        If ``ax`` holds no body map.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("overuse").entries
    >>> fig, ax = plt.subplots()
    >>> ax = plot_body_map(entries, ax=ax)
    >>> changed = update_body_map(ax, entries[entries["site"] == "knee"])
    >>> int(ax.collections[0].get_array().count())  # sites with a value: the knees
    1
    >>> plt.close(fig)
    """
    from matplotlib.collections import PolyCollection

    entries = _as_entries(entries)
    collection = next((c for c in ax.collections if isinstance(c, PolyCollection)), None)
    if collection is None or len(collection.get_paths()) != 2 * len(_LEG_SHAPES):
        raise _not_drawn_by("plot_body_map", "the twelve sites")
    table = pain_by_leg_site(entries, column=column).set_index(["leg", "site"])
    means, centres = [], []
    for leg in ("right", "left"):
        cx = _LEG_CENTRES[leg]
        for site, shape in _LEG_SHAPES:
            means.append(float(table.loc[(leg, site), "mean"]))
            ys = [y for _, y in shape]
            centres.append((cx, (min(ys) + max(ys)) / 2))
    changed: list = []
    new = np.ma.masked_invalid(np.asarray(means))
    if not _same(collection.get_array(), new):
        collection.set_array(new)
        changed.append(collection)
    texts = {}
    for text in ax.texts:
        x, y = text.get_position()
        texts[(round(float(x), 3), round(float(y), 3))] = text
    labels, texts_changed = [], False
    for (x, y), value in zip(centres, means, strict=True):
        text = texts.get((round(x, 3), round(y, 3)))
        if text is None:
            if math.isnan(value):
                continue
            text = ax.text(x, y, "", ha="center", va="center", fontsize=8)
        labels.append(text)
        texts_changed |= _set_label(text, value)
    if texts_changed:  # all value labels, so that the set of changing artists stays the same
        changed.extend(labels)
    return changed


def update_descriptors(ax: Axes, entries) -> list:
    """Show other entries on a descriptor chart drawn by :func:`plot_descriptors`, in place.

    The bars change length and the count axis follows. If the set of descriptors changed
    (a descriptor outside the vocabulary came or went), the Axes is drawn again and returned.

    Parameters
    ----------
    ax : Axes
        An Axes drawn by :func:`plot_descriptors`.
    entries : DataFrame or Journal

    Returns
    -------
    list
        The artists whose appearance changed (bars, the count axis), or ``[ax]`` when the
        whole Axes was drawn again.

    Raises
    ------
    ValueError
        If ``ax`` holds no descriptor chart.

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
    entries = _as_entries(entries)
    if not ax.containers:
        raise _not_drawn_by("plot_descriptors", "the bars")
    bars = ax.containers[0]
    table = pain_by_quality(entries)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    wanted = [q.replace("_", " ") for q in table["quality"]]
    if shown != wanted:
        title = ax.get_title()
        legend = ax.get_legend()
        ax.clear()
        if legend is not None:
            legend.remove()
        plot_descriptors(entries, ax=ax, title=title)
        return [ax]
    changed: list = []
    counts = table["count"].to_numpy(dtype=float)
    for bar, count in zip(bars, counts, strict=True):
        if bar.get_width() != count:
            bar.set_width(count)
            changed.append(bar)
    if _set_xlim(ax, 0.0, max(float(counts.max()) if counts.size else 0.0, 1.0) * 1.05):
        changed.append(ax.xaxis)
    return changed


def _association_title(column: str, variable: str, lag: int, row) -> str:
    name = _NAMES.get(variable, variable)
    return (
        f"{_NAMES.get(column, column)} vs {name.lower()} ({_lag_phrase(lag)})\n"
        f"Spearman \u03c1 = {_fmt(row['rho'], 2)} (95% CI {_fmt(row['ci_low'], 2)} "
        f"to {_fmt(row['ci_high'], 2)}), n = {int(row['n'])} days"
    )


def association_alt_text(result, *, variable: str, lag: int = 0, column: str = "pain") -> str:
    """The alt text of :func:`plot_association` from a row of :func:`sci_pain.associations`.

    The same sentence as ``alt_text("association", ...)``, without computing the
    association again (a dashboard computes it once for the figure and its description).

    Parameters
    ----------
    result : Series
        The row of ``associations(entries, variables={variable: (lag,)}, ...)``.
    variable, lag, column
        As given to :func:`plot_association`.

    Returns
    -------
    str

    Examples
    --------
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("neuropathic").entries
    >>> row = sp.associations(entries, variables={"sleep_hours": (0,)}, n_boot=100).iloc[0]
    >>> association_alt_text(row, variable="sleep_hours") == alt_text(
    ...     "association", entries, variable="sleep_hours", n_boot=100
    ... )
    True
    """
    return (
        f"Scatter plot of daily mean {column.replace('_', ' ')} against "
        f"{_NAMES.get(variable, variable).lower()} ({_lag_phrase(lag)}), one point per day: "
        f"Spearman rho {_fmt(result['rho'], 2)} (95% CI {_fmt(result['ci_low'], 2)} to "
        f"{_fmt(result['ci_high'], 2)}), n = {int(result['n'])} days."
    )


def update_association(
    ax: Axes,
    entries,
    *,
    variable: str = "activity_min",
    lag: int = 0,
    column: str = "pain",
    n_boot: int = 1000,
    seed: int = 0,
    title: str | None = None,
    result=None,
) -> list:
    """Show other entries, variable or lag on a scatter drawn by :func:`plot_association`.

    Parameters
    ----------
    ax : Axes
        An Axes drawn by :func:`plot_association`.
    entries : DataFrame or Journal
    variable, lag, column, n_boot, seed, title
        As for :func:`plot_association`.
    result : Series, optional
        The row of :func:`sci_pain.associations` for this variable and lag, when already
        computed (then ``n_boot`` and ``seed`` are not used).

    Returns
    -------
    list
        The artists whose appearance changed (the points, the title with rho, the x axis).

    Raises
    ------
    ValueError
        If ``ax`` holds no association scatter (AnalysisError for a bad variable or lag).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("overuse").entries
    >>> fig, ax = plt.subplots()
    >>> ax = plot_association(entries, ax=ax, n_boot=0)
    >>> changed = update_association(ax, entries, lag=1, n_boot=0)
    >>> ax.get_xlabel()
    'Activity, day before (min)'
    >>> plt.close(fig)
    """
    entries = _as_entries(entries)
    if lag < 0:
        msg = f"lag must be 0 or more days, got {lag!r}"
        raise AnalysisError(msg)
    points = ax.collections[0] if ax.collections else None
    if points is None or not ax.get_title():
        raise _not_drawn_by("plot_association", "the points")
    if result is None:
        result = associations(
            entries, variables={variable: (lag,)}, column=column, n_boot=n_boot, seed=seed
        ).iloc[0]
    row = result
    daily = daily_values(entries, [column, variable])
    x = daily[variable].shift(lag).to_numpy(dtype=float)
    y = daily[column].to_numpy(dtype=float)
    changed: list = []
    if _set_offsets(points, np.column_stack([x, y])):
        changed.append(points)
    new_title = title or _association_title(column, variable, lag, row)
    if ax.get_title() != new_title:
        ax.set_title(new_title)
        changed.append(ax.title)
    name = _NAMES.get(variable, variable)
    xlabel = _label(variable, prefix=f"{name}, {_lag_phrase(lag)}")
    finite = x[np.isfinite(x) & np.isfinite(y)]
    if finite.size:
        low, high = float(finite.min()), float(finite.max())
        margin = 0.05 * (high - low) or 0.5
        low, high = low - margin, high + margin
    else:
        low, high = 0.0, 1.0
    moved = _set_xlim(ax, low, high)
    if ax.get_xlabel() != xlabel:
        ax.set_xlabel(xlabel)
        moved = True
    if moved:
        changed.append(ax.xaxis)
    return changed


def update_overview(
    fig: Figure,
    entries,
    *,
    first_day,
    window: int = 7,
    flags=True,
    start=None,
    end=None,
    title: str | None = None,
    panels: Sequence[str] | None = None,
) -> list:
    """Show other entries on a figure drawn by :func:`plot_overview`, in place.

    Each panel is updated with its ``update_<kind>`` function; panels that said "Not
    recorded in this journal" stay as they are. The title follows the entries.

    Parameters
    ----------
    fig : Figure
        A figure drawn by :func:`plot_overview`.
    entries : DataFrame or Journal
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

    Returns
    -------
    list
        The artists whose appearance changed, across the panels.

    Raises
    ------
    ValueError
        If ``fig`` was not drawn by :func:`plot_overview`.

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
    entries = _as_entries(entries)
    if len(fig.axes) < 5:
        raise _not_drawn_by("plot_overview", "its five panels")
    ax_time, ax_cal, ax_tod, ax_body, ax_desc = fig.axes[:5]
    xlim = None
    if start is not None and end is not None:
        xlim = (pd.Timestamp(start), pd.Timestamp(end) + pd.Timedelta(days=1))
    chosen = set(_OVERVIEW_PANELS if panels is None else panels)
    unknown = chosen - set(_OVERVIEW_PANELS)
    if unknown:
        msg = f"unknown panels {sorted(unknown)}; choose from {', '.join(_OVERVIEW_PANELS)}"
        raise ValueError(msg)
    changed: list = []
    if "timeline" in chosen:
        changed += update_timeline(
            ax_time,
            entries,
            window=window,
            flags=flags,
            xlim=xlim,
            legend_kwargs=_OVERVIEW_LEGEND,
        )
    if "calendar" in chosen:
        changed += update_calendar(ax_cal, entries, first_day=first_day, start=start, end=end)
    if "time_of_day_weekday" in chosen:
        changed += update_time_of_day_weekday(ax_tod, entries)
    for name, panel, update in (
        ("body_map", ax_body, update_body_map),
        ("descriptors", ax_desc, update_descriptors),
    ):
        if name in chosen and panel.axison:  # a "Not recorded" panel stays as it is
            changed += update(panel, entries)
    if panels is not None:
        return changed
    if title is None:
        summary = summarize_journal(entries)
        if summary["entries"] and pd.notna(summary["first_day"]):
            title = (
                f"Pain journal {_date(summary['first_day'])} to {_date(summary['last_day'])}: "
                f"{summary['entries']} entries, mean pain {_fmt(summary['mean'])}"
            )
        else:
            title = "Pain journal: no entries"
    if fig.get_suptitle() != title:
        changed.append(fig.suptitle(title, fontsize=14, fontweight="bold"))
    return changed
