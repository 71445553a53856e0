"""Teaching figures that put daily pain beside what drives it in an example journal.

One figure, ``plot_pain_and(entries, *, measure=..., ax=None, ...) -> Axes``, with its
one-sentence description from :func:`alt_text_pain_and`:

- daily mean pain (NRS 0-10) as a line on the left axis, optionally with a rolling mean;
- one driver on a second, right-hand axis: spasms or activity minutes per day, the longest
  time without moving, hours slept (bars), or the weight a person noted (points);
- days on which a leg was swollen or the skin at a pressure point was not intact, shaded;
- the day an intervention started, as a dashed line.

It is what notebooks 02-04 use to show that pain follows spasm counts, rises a day after a
jump in therapy minutes, and that a pressure injury or a clot shows in the journal. Daily
values come from :func:`sci_pain.analysis.daily_values`; colours from
:mod:`sci_pain.style` (Okabe-Ito), and shaded days carry a hatch as well as a colour.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import sci_pain as sp
>>> journal = sp.load_example_journal("spasticity")
>>> ax = plot_pain_and(journal, measure="spasms", marks="botulinum_toxin")
>>> ax.get_ylabel()
'Daily mean pain (NRS 0-10)'
>>> alt_text_pain_and(journal, measure="spasms").startswith("Daily mean pain")
True
>>> plt.close("all")
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain.analysis import DAILY_AGGREGATION, as_entries, daily_values, rolling_trend
from sci_pain.errors import did_you_mean
from sci_pain.journal import COLUMNS
from sci_pain.plotting import common
from sci_pain.plotting._docs import shared_docs
from sci_pain.plotting.common import day, fmt
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["MEASURES", "SHADES", "plot_pain_and", "alt_text_pain_and"]


def _per_day(column: str) -> tuple[str, str]:
    """Return a journal column's label and unit from the schema ('per day' for daily sums)."""
    label = common.column_name(column)
    summed = DAILY_AGGREGATION[column] == "sum"
    return (f"{label} per day" if summed else label), (COLUMNS[column].unit or "count")


MEASURES: dict[str, tuple[str, str]] = {
    **{
        column: _per_day(column)
        for column in ("spasms", "activity_min", "immobile_hours", "sleep_hours")
    },
    "weight_kg": ("Weight noted in the journal", "kg"),
}
"""What :func:`plot_pain_and` can draw beside pain: name -> (axis label, unit).

The journal columns are combined per day as :data:`sci_pain.analysis.DAILY_AGGREGATION`
says (spasms and activity summed, the longest immobile stretch, mean sleep), and take their
names and units from the journal schema (:data:`sci_pain.journal.COLUMNS`); ``weight_kg`` is read
from notes such as "Weighed myself: 78.3 kg".

Examples
--------
>>> MEASURES["spasms"], MEASURES["immobile_hours"]
(('Spasms per day', 'count'), ('Longest time without moving', 'h'))
"""

SHADES: dict[str, str] = {"swelling": "none", "skin": "ok"}
"""Journal columns that can be shaded: column -> its normal value (not shaded)."""

_SHADE_STYLE: dict[tuple[str, str], tuple[str, str, str]] = {
    # (column, value) -> (legend label, colour, hatch)
    ("skin", "redness"): ("skin: redness", PALETTE["yellow"], ""),
    ("skin", "blister"): ("skin: blister", PALETTE["vermillion"], "//"),
    ("skin", "open_wound"): ("skin: open wound", PALETTE["purple"], "xx"),
    ("swelling", "left"): ("left leg swollen", PALETTE["purple"], "\\\\"),
    ("swelling", "right"): ("right leg swollen", PALETTE["purple"], "//"),
    ("swelling", "both"): ("both legs swollen", PALETTE["purple"], "xx"),
}
_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)\s*kg\b", re.IGNORECASE)
_PAIN_LABEL = "Daily mean pain (NRS 0-10)"


# -- helpers ----------------------------------------------------------------------------------


def _choose(value: object, valid, what: str) -> str:
    valid = list(valid)
    if isinstance(value, str) and value in valid:
        return value
    msg = f"unknown {what} {value!r}; choose one of {', '.join(valid)}.{did_you_mean(value, valid)}"
    raise ValueError(msg)


def _shades(shade) -> tuple[str, ...]:
    if shade is None:
        return ()
    items = (shade,) if isinstance(shade, str) else tuple(shade)
    return tuple(_choose(s, SHADES, "shade column") for s in items)


def _require(entries: pd.DataFrame, column: str, purpose: str) -> None:
    if column not in entries.columns:
        msg = (
            f"{purpose} needs the journal column {column!r}, which these entries lack; "
            f"they have {', '.join(map(str, entries.columns))}."
        )
        raise ValueError(msg)


def _weights(entries: pd.DataFrame) -> pd.Series:
    """Return the first weight (kg) noted on each day, from the ``notes`` column."""
    _require(entries, "notes", "measure 'weight_kg'")
    notes = entries["notes"].astype("string")
    found = notes.str.extract(_WEIGHT, expand=False).astype("Float64").astype(float)
    dates = pd.to_datetime(entries["timestamp"]).dt.normalize()
    weights = pd.Series(found.to_numpy(), index=pd.DatetimeIndex(dates, name="date")).dropna()
    if weights.empty:
        msg = "no weight found in the notes: write it as, for example, 'Weighed myself: 78.3 kg'."
        raise ValueError(msg)
    return weights.groupby(level=0).first().rename("weight_kg")


def _measure(entries: pd.DataFrame, measure: str) -> pd.Series:
    if measure == "weight_kg":
        return _weights(entries)
    _require(entries, measure, f"measure {measure!r}")
    return daily_values(entries, [measure])[measure]


def _condition_days(entries: pd.DataFrame, column: str) -> pd.Series:
    """Per calendar day, the abnormal value of ``column`` (worst skin, commonest swelling).

    A day is abnormal when any entry records an abnormal value. Days without any record of
    the column take the value of the days around them when both sides agree (a missed day
    inside a blister stays a blister day); days recorded as normal are dropped.
    """
    _require(entries, column, f"shading {column!r}")
    normal = SHADES[column]
    allowed = list(COLUMNS[column].allowed)
    values = entries[column].astype("string")
    dates = pd.to_datetime(entries["timestamp"]).dt.normalize()
    frame = pd.DataFrame({"date": dates.to_numpy(), "value": values.to_numpy()})
    frame = frame[frame["value"].isin(allowed)]
    empty = pd.Series(dtype="string", index=pd.DatetimeIndex([], name="date"))
    if frame.empty:
        return empty
    rank = {v: i for i, v in enumerate(allowed)}
    if column == "skin":  # ordered: the worst finding of the day
        pick = frame.assign(rank=frame["value"].map(rank)).sort_values(["date", "rank"])
        daily = pick.groupby("date")["value"].last()
    else:  # the commonest abnormal value, else normal
        daily = frame.groupby("date")["value"].agg(
            lambda v: v[v != normal].value_counts().index[0] if (v != normal).any() else normal
        )
    days = pd.date_range(daily.index.min(), daily.index.max(), freq="D", name="date")
    daily = daily.astype("string").reindex(days)
    before, after = daily.ffill(), daily.bfill()
    daily = daily.fillna(before.where(before == after))
    daily = daily[daily.notna() & (daily != normal)]
    return daily if len(daily) else empty


def _spans(days: pd.Series) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """Return the runs of consecutive calendar days with the same value: (value, first day, last day)."""
    spans: list[tuple[str, pd.Timestamp, pd.Timestamp]] = []
    for date, value in days.items():
        if spans and spans[-1][0] == value and date - spans[-1][2] == pd.Timedelta(days=1):
            spans[-1] = (value, spans[-1][1], date)
        else:
            spans.append((str(value), date, date))
    return spans


def _marks(entries: pd.DataFrame, marks) -> list[tuple[str, pd.Timestamp]]:
    """Normalise marks: an intervention name (first day recorded) or {label: date}."""
    if marks is None:
        return []
    if isinstance(marks, str):
        _require(entries, "interventions", f"marking the intervention {marks!r}")
        listed = entries["interventions"].astype("string").fillna("").str.split(";")
        recorded = listed.map(lambda items: marks in [i.strip() for i in items])
        if not recorded.any():
            names = sorted({i.strip() for items in listed for i in items if i.strip()})
            msg = (
                f"the journal never records the intervention {marks!r}; it records "
                f"{', '.join(names) or 'none'}.{did_you_mean(marks, names)}"
            )
            raise ValueError(msg)
        first = pd.to_datetime(entries.loc[recorded.to_numpy(), "timestamp"]).min()
        return [(marks.replace("_", " "), first.normalize())]
    if isinstance(marks, Mapping):
        return [(str(label), pd.Timestamp(date)) for label, date in marks.items()]
    msg = f"marks must be an intervention name or a mapping of label to date, got {marks!r}"
    raise TypeError(msg)


def _window(entries: pd.DataFrame, start, end) -> pd.DataFrame:
    """Return the entries from ``start`` to ``end`` (whole days, both included)."""
    if start is None and end is None:
        return entries
    _require(entries, "timestamp", "choosing a period")
    stamps = pd.to_datetime(entries["timestamp"])
    keep = pd.Series(True, index=entries.index)
    if start is not None:
        keep &= stamps >= pd.Timestamp(start).normalize()
    if end is not None:
        keep &= stamps < pd.Timestamp(end).normalize() + pd.Timedelta(days=1)
    if not keep.any():
        msg = (
            f"no entries from {start} to {end}; the journal runs from "
            f"{common.day(stamps.min())} to {common.day(stamps.max())}."
        )
        raise ValueError(msg)
    return entries[keep.to_numpy()]


def _digits(measure: str) -> int:
    return 0 if MEASURES[measure][1] in ("count", "min") else 1


# -- the figure -------------------------------------------------------------------------------


def _mark_not_zero_based(ax: Axes, values, name: str, unit: str) -> None:
    """Mark a y axis that does not start at 0, so a small change is not read as a large one.

    The axis gets whole-number limits, its label says where it starts, and a break mark (a
    zigzag) is drawn at the foot of its spine.
    """
    import math

    low = math.floor(float(np.nanmin(values))) - 1
    high = math.ceil(float(np.nanmax(values))) + 1
    if low <= 0:
        ax.set_ylim(bottom=0)
        ax.set_ylabel(f"{name} ({unit})", color="0.2")
        return
    ax.set_ylim(low, high)
    ax.set_ylabel(f"{name} ({unit})\naxis starts at {low:g} {unit}, not 0", color="0.2")
    from matplotlib.patches import Polygon
    from matplotlib.transforms import ScaledTranslation

    # a zigzag across the foot of the right spine, in points from that corner, so it keeps its
    # shape whatever the figure size
    at_corner = ax.figure.dpi_scale_trans + ScaledTranslation(1.0, 0.0, ax.transAxes)
    zigzag = [(x / 72, y / 72) for x, y in ((-6, 2), (6, 6), (-6, 10), (6, 14))]
    ax.add_patch(
        Polygon(
            zigzag,
            closed=False,
            fill=False,
            edgecolor="0.2",
            linewidth=1.5,
            clip_on=False,
            transform=at_corner,
            label="_axis break",
        )
    )


@dataclass(frozen=True, eq=False)
class _PainAnd:
    """What :func:`plot_pain_and` draws and :func:`alt_text_pain_and` describes."""

    frame: pd.DataFrame  # the entries of the days shown
    measure: str | None
    pain: pd.Series  # daily mean pain
    values: pd.Series | None  # the measure per day (weight: per day noted)
    trend: pd.Series | None  # the rolling mean of pain, when a window is given
    conditions: dict[str, pd.Series]  # shade column -> its abnormal days
    marks: list[tuple[str, pd.Timestamp]]


def _pain_and(entries, *, measure, window, shade, marks, start, end) -> _PainAnd:
    """Check the options and compute the figure's numbers, each analysis once."""
    frame = _window(as_entries(entries), start, end)
    if measure is not None:
        measure = _choose(measure, MEASURES, "measure")
    shades = _shades(shade)
    values = _measure(frame, measure) if measure is not None else None
    pain = daily_values(frame, ["pain"])["pain"]
    mark_list = _marks(frame, marks)
    conditions = {column: _condition_days(frame, column) for column in shades}
    trend = rolling_trend(frame, window=window)["rolling_mean"] if window else None
    return _PainAnd(frame, measure, pain, values, trend, conditions, mark_list)


def _draw_measure(ax: Axes, measure: str, values: pd.Series) -> Axes:
    """Draw the measure on a twin Axes: bars, or points for the weight."""
    twin = ax.twinx()
    name, unit = MEASURES[measure]
    colour = PALETTE["orange"]
    if measure == "weight_kg":
        twin.plot(
            values.index, values.to_numpy(), color=colour, marker="s", linestyle="-", label=name
        )
        _mark_not_zero_based(twin, values.to_numpy(dtype=float), name, unit)
    else:
        twin.bar(values.index, values.to_numpy(), width=0.8, color=colour, alpha=0.5, label=name)
        twin.set_ylim(bottom=0)
        twin.set_ylabel(f"{name} ({unit})", color="0.2")
    twin.grid(False)
    twin.spines["right"].set_visible(True)
    return twin


def _draw_pain(ax: Axes, numbers: _PainAnd, window: int | None) -> None:
    pain = numbers.pain
    ax.plot(
        pain.index,
        pain.to_numpy(),
        color=PALETTE["blue"],
        linewidth=1.2,
        marker="o",
        markersize=2.5,
        label="daily mean pain",
    )
    if numbers.trend is not None:
        ax.plot(
            numbers.trend.index,
            numbers.trend.to_numpy(),
            color=PALETTE["black"],
            linewidth=2.5,
            label=f"{window}-day rolling mean",
        )


def _draw_shades(ax: Axes, conditions: dict[str, pd.Series]) -> None:
    """Shade the abnormal days, one legend entry per kind of finding."""
    half = pd.Timedelta(hours=12)
    for column, days in conditions.items():
        seen: set[str] = set()
        for value, first, last in _spans(days):
            label, fill, hatch = _SHADE_STYLE[(column, value)]
            ax.axvspan(
                first - half,
                last + half,
                facecolor=fill,
                alpha=0.3,
                hatch=hatch,
                edgecolor=PALETTE["black"] if hatch else "none",
                linewidth=0,
                label=label if label not in seen else "_nolegend_",
                zorder=0,
            )
            seen.add(label)


def _draw_marks(ax: Axes, marks: list[tuple[str, pd.Timestamp]]) -> None:
    for label, date in marks:
        ax.axvline(date, color=PALETTE["black"], linestyle="--", linewidth=1.2)
        ax.annotate(
            label,
            (date, 0.98),
            xycoords=("data", "axes fraction"),
            xytext=(3, 0),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=9,
        )


def _legend(ax: Axes, twin: Axes | None) -> None:
    """One legend under the figure for the pain Axes and the twin, pain drawn in front."""
    handles, labels = ax.get_legend_handles_labels()
    if twin is not None:
        ax.set_zorder(twin.get_zorder() + 1)  # pain line in front of the bars
        ax.patch.set_visible(False)
        more, more_labels = twin.get_legend_handles_labels()
        handles, labels = handles + more, labels + more_labels
    ax.legend(
        handles,
        labels,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncol=min(4, len(labels)),
        fontsize=9,
    )


@shared_docs()
def plot_pain_and(
    entries,
    *,
    measure: str | None = "spasms",
    ax: Axes | None = None,
    window: int | None = None,
    shade: str | list[str] | None = None,
    marks: str | Mapping | None = None,
    start=None,
    end=None,
    title: str | None = None,
) -> Axes:
    """Daily mean pain beside one driver, with abnormal days shaded and interventions marked.

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries with ``timestamp`` and ``pain`` (and the columns asked for below).
    measure : str or None, default "spasms"
        A key of :data:`MEASURES`: ``spasms``, ``activity_min``, ``immobile_hours``,
        ``sleep_hours`` (bars) or ``weight_kg`` (points, read from the notes). ``None``:
        pain only.
    ax : Axes, optional
        Where pain is drawn (default: the current Axes); the measure goes on a twin Axes
        sharing its x axis, placed behind it.
    window : int, optional
        Also draw the rolling mean of pain over this many days
        (:func:`sci_pain.analysis.rolling_trend`).
    shade : {"swelling", "skin"} or list of them, optional
        Shade the days on which a leg was swollen, or the worst skin finding at a pressure
        point was redness, a blister or an open wound (each with its own colour and hatch).
    marks : str or mapping, optional
        An intervention name (``"botulinum_toxin"``: a dashed line on the first day the journal
        records it) or ``{label: date}``.
    start, end : date-like, optional
        Show only the entries of these days (both included), to zoom in on a few weeks.
    %(title)s

    Returns
    -------
    Axes
        The pain Axes: the daily means as a Line2D labelled ``"daily mean pain"`` (and
        ``"<window>-day rolling mean"``), shaded days as patches labelled as in the legend,
        marks as dashed lines. The twin Axes (the other Axes of ``ax.figure``) holds the
        measure, as bars or a Line2D labelled with its name from :data:`MEASURES`.

    Raises
    ------
    ValueError
        For an unknown measure or shade column (with close matches), a column the entries
        lack, a period without entries, or an intervention the journal never records.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import sci_pain as sp
    >>> ax = plot_pain_and(
    ...     sp.load_example_journal("dvt"), measure=None, shade="swelling", marks="medication"
    ... )
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['daily mean pain', 'left leg swollen']
    >>> plt.close("all")
    """
    numbers = _pain_and(
        entries, measure=measure, window=window, shade=shade, marks=marks, start=start, end=end
    )
    measure = numbers.measure
    ax = common.current_axes(ax)
    twin = _draw_measure(ax, measure, numbers.values) if measure is not None else None
    _draw_pain(ax, numbers, window)
    _draw_shades(ax, numbers.conditions)
    _draw_marks(ax, numbers.marks)
    ax.set_ylim(0, 10.5)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(_PAIN_LABEL, color=PALETTE["blue"])
    ax.set_xlabel("Date")
    common.date_axis(ax)
    _legend(ax, twin)
    what = "" if measure is None else f" and {MEASURES[measure][0].lower()}"
    ax.set_title(title or f"Daily pain{what}")
    return ax


@shared_docs()
def alt_text_pain_and(
    entries,
    *,
    measure: str | None = "spasms",
    lag: int | None = None,
    window: int | None = None,
    shade: str | list[str] | None = None,
    marks: str | Mapping | None = None,
    start=None,
    end=None,
) -> str:
    """One sentence describing :func:`plot_pain_and`, with its numbers.

    Parameters
    ----------
    entries, measure, window, shade, marks, start, end
        As given to :func:`plot_pain_and`.
    lag : int, optional
        Also quote Spearman's rho between daily pain and the measure ``lag`` days earlier
        (0: the same day, 1: the day before). Not drawn; it only adds to the sentence. Not
        used for ``weight_kg``, noted on a few days only: its first and last values are given.

    Returns
    -------
    %(alt_text)s

    Raises
    ------
    ValueError
        As :func:`plot_pain_and` raises them, and for a `lag` that is not a whole number of
        days from 0 up.

    Examples
    --------
    >>> import sci_pain as sp
    >>> alt_text_pain_and(sp.load_example_journal("overuse"), measure="activity_min", lag=1)
    'Daily mean pain (NRS 0-10, blue line) and activity per day (min, orange bars) from ...'
    """
    if lag is not None and (not isinstance(lag, (int, np.integer)) or lag < 0):
        msg = f"lag must be a whole number of days >= 0, got {lag!r}"
        raise ValueError(msg)
    numbers = _pain_and(
        entries, measure=measure, window=window, shade=shade, marks=marks, start=start, end=end
    )
    pain = numbers.pain
    days = pd.date_range(pain.index.min(), pain.index.max(), freq="D", name="date")
    text = "Daily mean pain (NRS 0-10, blue line)" + _measure_words(numbers, days, lag)
    if numbers.trend is not None:
        trend = numbers.trend.dropna()
        text += (
            f"; the {window}-day rolling mean of pain went from {fmt(trend.iloc[0])} to "
            f"{fmt(trend.iloc[-1])}"
        )
    for column, condition_days in numbers.conditions.items():
        spans = _spans(condition_days)
        if not spans:
            text += f"; no day with {column} recorded"
            continue
        parts = [f"{_SHADE_STYLE[(column, v)][0]} {day(a)} to {day(b)}" for v, a, b in spans]
        text += "; shaded " + ", ".join(parts)
    for label, date in numbers.marks:
        text += f"; a dashed line marks {label} on {day(date)}"
    return text + "."


def _measure_words(numbers: _PainAnd, days: pd.DatetimeIndex, lag: int | None) -> str:
    """Say pain's range and the measure's (with rho for a lag): the middle of the sentence."""
    pain, values, measure = numbers.pain, numbers.values, numbers.measure
    period = f"from {day(days[0])} to {day(days[-1])}"
    pain_range = f"{fmt(pain.min())} to {fmt(pain.max())}"
    if measure is None:
        return f" {period}: {pain_range}"
    name, unit = MEASURES[measure]
    lower = name.lower()
    if measure == "weight_kg":
        return (
            f" and {lower} ({unit}, orange points) {period}: pain {pain_range}; weight "
            f"noted {len(values)} times, from {fmt(values.iloc[0])} kg on "
            f"{day(values.index[0])} to {fmt(values.iloc[-1])} kg on {day(values.index[-1])}"
        )
    digits = _digits(measure)
    text = (
        f" and {lower} ({unit}, orange bars) {period}: pain {pain_range}, {lower} "
        f"{fmt(values.min(), digits)} to {fmt(values.max(), digits)}"
    )
    if lag is not None:
        aligned = values.reindex(days).shift(lag)
        rho = pain.reindex(days).corr(aligned, method="spearman")
        words = common.lag_words(lag, article=True)
        text += f"; Spearman rho {fmt(rho, 2)} between daily pain and {lower} {words}"
    return text
