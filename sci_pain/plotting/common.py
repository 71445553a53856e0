"""What the figures of this layer share: axes, colours, names, number formats, in-place updates.

A helper lives here when two figure modules need it, so each figure module holds only its own
figure. The figure modules use it as ``from sci_pain.plotting import common``; it is not part of
the layer's public API (:data:`sci_pain.plotting._EXPORTS`).

Examples
--------
>>> axis_label("sleep_hours", prefix="Sleep, day before")
'Sleep, day before (h)'
>>> column_name("immobile_hours")
'Longest time without moving'
>>> fmt(float("nan")), fmt(2.345, 2), day("2026-03-01 08:30")
('n/a', '2.35', '2026-03-01')
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sci_pain.analysis import PhaseComparison, scan_red_flags
from sci_pain.journal import COLUMNS, INTERFERENCE_COLUMNS
from sci_pain.style import PALETTE, SEQUENTIAL_CMAP

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "COLORBAR_LABEL",
    "FLAG_PREFIX",
    "GROUP_COLOURS",
    "MISSING_COLOUR",
    "MISSING_EDGE",
    "MISSING_HATCH",
    "MISSING_KEY_LABEL",
    "PAIN_RANGE",
    "SEVERITY_COLOURS",
    "SEVERITY_MARKERS",
    "flag_markers",
    "axis_label",
    "colorbar",
    "column_name",
    "current_axes",
    "date_axis",
    "date_numbers",
    "day",
    "fmt",
    "hatched",
    "lag_words",
    "no_data",
    "not_drawn_by",
    "numbers",
    "on_pain_scale",
    "phase_marks",
    "plural_s",
    "rating_colours",
    "resolve_flags",
    "same",
    "sequential_cmap",
    "set_cell_label",
    "set_offsets",
    "set_values",
    "set_xlim",
    "text_colour",
]

PAIN_RANGE = (0.0, 10.0)
"""Every colour scale of a rating runs over this range, so colours mean the same everywhere."""

# Cells without entries are white with grey hatching, a pattern no colour of the scale has:
# a plain grey could be read as a mid-range mean on cividis (also in greyscale print).
MISSING_COLOUR = "white"
MISSING_HATCH = "////"
MISSING_EDGE = "#8C8C8C"
SEVERITY_COLOURS = {
    "routine": PALETTE["blue"],
    "soon": PALETTE["purple"],
    "same_day": PALETTE["orange"],
    "emergency": PALETTE["vermillion"],
}
SEVERITY_MARKERS = {
    "routine": "o",
    "soon": "s",
    "same_day": "D",
    "emergency": "v",
}  # shape as well as colour
GROUP_COLOURS = {
    "neuropathic": PALETTE["blue"],
    "nociceptive": PALETTE["orange"],
    "other": PALETTE["black"],
}
COLORBAR_LABEL = "sci_pain colorbar"
MISSING_KEY_LABEL = "sci_pain no-entries key"
FLAG_PREFIX = "red flag: "


def flag_markers(ax: Axes) -> dict:
    """Return the red-flag markers drawn on ``ax``, by severity (``"same_day"``, ...).

    The markers are the collections labelled ``FLAG_PREFIX`` + the severity in words, as
    the timeline draws them (one per severity; emptied, not removed, when none is flagged).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        An Axes the timeline was drawn on.

    Returns
    -------
    dict
        Severity -> its PathCollection of markers (empty when no red flag is marked).

    Examples
    --------
    >>> import sci_pain as sp
    >>> ax = sp.plot_timeline(sp.load_example_journal("dvt"), flags=True)
    >>> sorted(flag_markers(ax))
    ['emergency', 'same_day']
    """
    return {
        c.get_label().removeprefix(FLAG_PREFIX).replace(" ", "_"): c
        for c in ax.collections
        if c.get_label().startswith(FLAG_PREFIX)
    }


# -- axes and names ---------------------------------------------------------------------------


def current_axes(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    """Return `ax`; else a new Axes of `figsize` when one is given, else the current Axes."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    if figsize is not None:
        return plt.subplots(figsize=figsize)[1]
    return plt.gca()


def column_name(column: str) -> str:
    """Return the display name of a journal column ('Pain', 'Sleep'); other names as given."""
    return COLUMNS[column].label if column in COLUMNS else column


def axis_label(column: str, *, prefix: str = "", suffix: str = "") -> str:
    """Return an axis label with the column's unit: 'Pain (NRS 0-10)', 'Activity, day before (min)'."""
    name = prefix or (
        COLUMNS[column].label if column in COLUMNS else column.replace("_", " ").capitalize()
    )
    unit = COLUMNS[column].unit if column in COLUMNS else ""
    return f"{name}{suffix}" + (f" ({unit})" if unit else "")


def on_pain_scale(column: str) -> bool:
    """Whether a column is rated 0-10 (its axis then always shows the whole scale)."""
    return column in ("pain", "interference", *INTERFERENCE_COLUMNS)


# How dates read under a date axis: "04 Apr" and "May 2026" as people write them, not
# matplotlib's "Apr-04" and "2026-May" (one entry per tick level: year ... microsecond).
_ZERO_FORMATS = ["", "%Y", "%b", "%d %b", "%H:%M", "%H:%M"]
_OFFSET_FORMATS = ["", "%Y", "%B %Y", "%d %B %Y", "%d %B %Y", "%d %B %Y, %H:%M"]


def date_axis(ax: Axes) -> None:
    """Concise automatic date ticks on the x axis, written as people write dates."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(
            locator, zero_formats=_ZERO_FORMATS, offset_formats=_OFFSET_FORMATS
        )
    )


def no_data(ax: Axes, message: str) -> None:
    """Write `message` in the middle of an empty panel."""
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color="0.3")


# -- colours ----------------------------------------------------------------------------------


def sequential_cmap(name: str = SEQUENTIAL_CMAP):
    """Return the rating colour map, transparent where a value is missing (the hatching shows)."""
    import matplotlib as mpl

    return mpl.colormaps[name].with_extremes(bad=(0.0, 0.0, 0.0, 0.0))


def rating_colours() -> dict[str, Any]:
    """Return the colour keywords of a heatmap of ratings: the colour map over 0-10.

    Every heatmap colours a mean the same way (``ax.imshow(values, **rating_colours())``);
    masked cells are see-through, so the :func:`hatched` background shows.
    """
    return {"cmap": sequential_cmap(), "vmin": PAIN_RANGE[0], "vmax": PAIN_RANGE[1]}


def hatched(xy, width: float, height: float):
    """Return the 'no entries' background for under a heatmap (masked cells let it show)."""
    from matplotlib.patches import Rectangle

    return Rectangle(
        xy,
        width,
        height,
        facecolor=MISSING_COLOUR,
        edgecolor=MISSING_EDGE,
        hatch=MISSING_HATCH,
        linewidth=0,
        zorder=-1,
        label="no entries",
    )


def text_colour(value: float) -> str:
    """Black or white, whichever contrasts more with the cell colour of `value` (WCAG).

    Decided once per colour of the colour map (a table), looked up as the colour map itself
    looks up a value: a heatmap's cell labels are coloured on every update.
    """
    x = (value - PAIN_RANGE[0]) / (PAIN_RANGE[1] - PAIN_RANGE[0])
    if not 0.0 <= x <= 1.0:  # under, over or missing: the colour map's own extremes
        import matplotlib as mpl

        return _contrast(*mpl.colormaps[SEQUENTIAL_CMAP](x)[:3])
    colours = _text_colours()
    return colours[min(int(x * len(colours)), len(colours) - 1)]


@cache
def _text_colours() -> tuple[str, ...]:
    import matplotlib as mpl

    cmap = mpl.colormaps[SEQUENTIAL_CMAP]
    return tuple(_contrast(*cmap(i)[:3]) for i in range(cmap.N))  # an int is a table index


def _contrast(r: float, g: float, b: float) -> str:
    lum = 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)
    return "black" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def colorbar(ax: Axes, mappable, label: str, *, missing: str = "no entries"):
    """Add a colour bar in an inset of `ax` (replacing an earlier one): redraws do not pile up.

    Under it, a hatched key says what hatching means (`missing`).
    """
    for child in list(ax.child_axes):
        if child.get_label() in (COLORBAR_LABEL, MISSING_KEY_LABEL):
            child.remove()
    cax = ax.inset_axes([1.03, 0.0, 0.035, 1.0])
    cax.set_label(COLORBAR_LABEL)
    bar = ax.get_figure().colorbar(mappable, cax=cax)
    bar.set_label(label)
    key = ax.inset_axes([1.03, -0.16, 0.035, 0.07])  # what the hatching means
    key.set_label(MISSING_KEY_LABEL)
    key.add_patch(hatched((0, 0), 1, 1))
    key.set_xlim(0, 1)
    key.set_ylim(0, 1)
    key.set_xticks([])
    key.set_yticks([])
    key.text(1.4, 0.5, missing, transform=key.transAxes, va="center", fontsize=9)
    return bar


# -- words and numbers ------------------------------------------------------------------------


def day(value) -> str:
    """Write a date as ``YYYY-MM-DD``."""
    return f"{pd.Timestamp(value):%Y-%m-%d}"


def fmt(value: float | None, digits: int = 1) -> str:
    """Write a number with `digits` decimals, or ``"n/a"`` when it is missing."""
    missing = value is None or (isinstance(value, float) and math.isnan(value))
    return "n/a" if missing else f"{value:.{digits}f}"


def plural_s(count: int) -> str:
    """``"s"`` unless `count` is 1."""
    return "" if count == 1 else "s"


def lag_words(lag: int, *, article: bool = False) -> str:
    """Say a lag: 'same day', 'day before', '3 days before' (`article`: 'the same day', ...)."""
    if lag in (0, 1):
        words = "same day" if lag == 0 else "day before"
        return f"the {words}" if article else words
    return f"{lag} days before"


def phase_marks(phases) -> list[tuple[str, pd.Timestamp]]:
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


def resolve_flags(entries: pd.DataFrame, flags) -> pd.DataFrame | None:
    """Return the red flags to mark: None, a scan of `entries` (``flags=True``) or the table given."""
    if flags is None or flags is False:
        return None
    if flags is True:
        return scan_red_flags(entries, injury_level="unknown")
    if isinstance(flags, pd.DataFrame):
        return flags
    msg = "flags must be None, True (scan the journal) or a table from scan_red_flags"
    raise TypeError(msg)


# -- the numbers of a figure ------------------------------------------------------------------


def _same_option(given: Any, kept: Any) -> bool:
    if given is kept:
        return True
    simple = (str, int, float, bool, type(None))
    return isinstance(given, simple) and isinstance(kept, simple) and given == kept


def numbers(compute: Callable[..., Any], entries, data, /, **options: Any):
    """Return the numbers of a figure: `data` when given, else ``compute(entries, **options)``.

    Every ``plot_<kind>`` and ``update_<kind>`` takes either the entries (and computes) or
    ``data=`` from ``<kind>_data`` (and draws only). With `data`, an option that shapes the
    numbers (``column``, ``window``, ...) must be left at its default or equal the one the
    data was made with: a different value would draw numbers that disagree with it.

    Raises
    ------
    TypeError
        If neither or both of `entries` and `data` are given.
    ValueError
        If an option differs from the one `data` was made with.
    """
    name = compute.__name__
    if data is None:
        if entries is None:
            msg = f"give the entries to draw, or data= from {name}(entries)"
            raise TypeError(msg)
        return compute(entries, **options)
    if entries is not None:
        msg = f"give either the entries or data= (from {name}), not both"
        raise TypeError(msg)
    defaults = {p.name: p.default for p in inspect.signature(compute).parameters.values()}
    for option, value in options.items():
        if _same_option(value, defaults.get(option)) or _same_option(
            value, getattr(data, option, None)
        ):
            continue
        msg = (
            f"{option}={value!r} differs from the data, made with "
            f"{option}={getattr(data, option, None)!r}; give {option} to {name} instead"
        )
        raise ValueError(msg)
    return data


# -- in-place updates -------------------------------------------------------------------------
#
# A dashboard redraws the same kind of figure many times with other entries (another date
# range, site, smoothing window). Re-plotting creates every artist again and forces a full
# draw; the ``update_<kind>`` functions instead change the artists a ``plot_<kind>`` call made,
# in place, and return the artists whose appearance changed, so that a renderer can redraw
# only those (blitting, see :class:`sci_pain.widgets.dashboard.JournalFigures`).


def not_drawn_by(function: str, what: str) -> ValueError:
    """Return the error for an update of an Axes that the matching plot function did not draw."""
    msg = (
        f"this Axes was not drawn by {function} ({what} not found); draw it with {function} "
        f"first, then update it"
    )
    return ValueError(msg)


def same(old, new) -> bool:
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


def set_offsets(collection, offsets: np.ndarray) -> bool:
    """Set a collection's offsets; return whether they changed."""
    if same(collection.get_offsets(), offsets):
        return False
    collection.set_offsets(offsets)
    return True


def set_values(mappable, values) -> bool:
    """Colour a heatmap's cells or a collection's shapes by other values; return whether they changed.

    Missing values (NaN) are masked, so the hatched "no entries" background shows through.
    """
    from matplotlib.image import AxesImage

    new = np.ma.masked_invalid(values)
    if same(mappable.get_array(), new):
        return False
    if isinstance(mappable, AxesImage):
        mappable.set_data(new)
    else:
        mappable.set_array(new)
    return True


def set_cell_label(text, value: float) -> bool:
    """Write a cell's mean as the heatmaps do (hidden when missing); return whether it changed."""
    missing = math.isnan(value)
    label = "" if missing else f"{value:.1f}"
    colour = "black" if missing else text_colour(value)
    if (text.get_text(), text.get_visible(), text.get_color()) == (label, not missing, colour):
        return False
    text.set_text(label)
    text.set_color(colour)
    text.set_visible(not missing)
    return True


def date_numbers(values) -> np.ndarray:
    """Dates as matplotlib's day numbers (an empty array for no dates)."""
    import matplotlib.dates as mdates

    values = np.asarray(values)
    if values.size == 0:
        return np.empty(0)
    return mdates.date2num(values)


def set_xlim(ax: Axes, low: float, high: float) -> bool:
    """Set the x limits; return whether they changed."""
    if np.allclose(ax.get_xlim(), (low, high), rtol=0, atol=1e-9):
        return False
    ax.set_xlim(low, high)
    return True
