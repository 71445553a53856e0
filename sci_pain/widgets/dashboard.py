r"""The computation behind the journal dashboard: filter, update figures in place, render fast.

:func:`sci_pain.make_journal_dashboard` only wires controls to this module. Here a journal's
entries are filtered by date, site and side (:func:`sci_pain.analysis.filter_entries`), and
:class:`JournalFigures` keeps one matplotlib figure per plot kind, drawn once with
``plot_<kind>`` and then changed in place with ``update_<kind>`` from
:mod:`sci_pain.plotting.journal`. Rendering redraws only what changed:

* the update functions return the artists whose appearance changed;
* the first time a set of artists changes, the figure is drawn with those artists left out
  and the picture is kept as a background; while the same artists keep changing (a slider
  being dragged), each redraw restores the background and draws only them (*blitting*,
  :class:`sci_pain.plotting._fastagg.BlitCanvas`). A few backgrounds are kept, one per set
  of changing artists, each until an artist outside its set changes; a set within a kept
  one gets its own background from it without drawing the whole figure;
* while the dashboard waits for the user, each figure is rehearsed (:meth:`JournalFigures.rehearse`:
  drawn once for other dates and window), so the first move of any control finds a
  background and only blits; each figure's x-axis labels are pinned after its first render
  (matplotlib would measure every tick label again on each draw to place them);
* the picture is encoded as PNG by a small writer of our own, lightly compressed (zlib
  level 1), in bands of rows: a band whose pixels did not change keeps its compressed bytes
  (:class:`sci_pain.plotting._fastagg.BandedPng`); strings are laid out and rasterised once
  where the matplotlib version was checked for it (``_fastagg.TEXT_CACHE`` says whether);
* a date range's entries are one slice of the journal's (found by bisection when the
  entries are in time order); filtered entries, the red-flag scan and alt texts are cached, and so are the last PNGs, so
  going back to a view costs nothing; a date range's daily summary is sliced from the whole
  journal's, its heatmap, body map and descriptor chart are added up from per-day sums
  (:mod:`sci_pain.widgets._days`, made once per site and side), and the red-flag box is made
  once per set of flags shown;
* a journal chosen or uploaded next takes over the figure of the journal shown before when
  it fits as drawn (``reuse=``; so far the timeline), instead of building and laying out a
  new one.

No wall-clock time or randomness is involved: the same view gives the same picture.

Examples
--------
>>> import sci_pain as sp
>>> figures = JournalFigures(sp.load_example_journal("neuropathic"))
>>> shown = figures.render("timeline", JournalView(window=14))
>>> shown.png[:4], shown.title
(b'\x89PNG', 'Pain over time')
>>> "14-day rolling mean" in shown.alt
True
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sci_pain.analysis import (
    as_entries,
    daily_summary,
    filter_entries,
    scan_red_flags,
    timestamps,
)
from sci_pain.errors import did_you_mean
from sci_pain.plotting import PLOT_KINDS, BlitCanvas, encode_png
from sci_pain.widgets._days import SLICED_KINDS, day_tables

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "DASHBOARD_KINDS",
    "KIND_LABELS",
    "JournalView",
    "RenderedFigure",
    "JournalFigures",
]

DASHBOARD_KINDS: tuple[str, ...] = tuple(kind for kind in PLOT_KINDS if kind != "phases")
"""The figures the dashboard shows: each journal figure of :mod:`sci_pain.plotting.journal`
(``plot_<kind>``) but the phase plot, which "did it help?" shows."""

KIND_LABELS: dict[str, str] = {
    "timeline": "Timeline",
    "calendar": "Calendar",
    "time_of_day_weekday": "Time of day × weekday",
    "body_map": "Body map",
    "descriptors": "Descriptors",
    "association": "Association",
    "overview": "Overview",
}
"""How each kind is named in the dashboard's drop-down."""

_SIZES: dict[str, tuple[float, float]] = {
    "timeline": (9.0, 3.8),
    "calendar": (9.0, 3.0),
    "time_of_day_weekday": (7.5, 3.8),
    "body_map": (5.5, 5.0),
    "descriptors": (7.5, 4.0),
    "association": (7.5, 4.2),
    "overview": (11.0, 11.0),
}
_DPI_SCALE = {"overview": 0.85}  # 11 inches at 0.85 x 90 dpi: as wide as a notebook shows
_ASSOCIATION_SEED = 0


def _day(value) -> pd.Timestamp | None:
    return None if value is None else pd.Timestamp(value).normalize()


@dataclass(frozen=True)
class JournalView:
    """What the dashboard shows: a date range, a site and side, and the plot settings.

    Attributes
    ----------
    start, end : datetime.date or None
        First and last day shown (inclusive); None: the journal's first or last day.
    site, side : str or None
        Only entries recorded at this site, on this side (None: all).
    window : int
        Rolling-mean window in days (timeline and overview).
    variable : str
        The measure set against pain in the association plot.
    lag : int
        Days between that measure and the pain (association plot).
    """

    start: _dt.date | None = None
    end: _dt.date | None = None
    site: str | None = None
    side: str | None = None
    window: int = 7
    variable: str = "activity_min"
    lag: int = 0

    @property
    def filters(self) -> tuple:
        """The part of the view that selects entries."""
        return (self.start, self.end, self.site, self.side)

    def key(self, kind: str) -> tuple:
        """Return the part of the view a figure of ``kind`` depends on (for caching)."""
        if kind in ("timeline", "overview"):
            return (*self.filters, self.window)
        if kind == "association":
            return (*self.filters, self.variable, self.lag)
        return self.filters

    def describe(self) -> str:
        """Say the filters in words, e.g. ``"site foot, side left, 2026-03-01 to 2026-03-31"``."""
        parts = []
        if self.site:
            parts.append(f"site {self.site.replace('_', ' ')}")
        if self.side:
            parts.append(f"side {self.side}")
        if self.start or self.end:
            start = f"{self.start:%Y-%m-%d}" if self.start else "the start"
            end = f"{self.end:%Y-%m-%d}" if self.end else "the end"
            parts.append(f"{start} to {end}")
        return ", ".join(parts) or "all entries"


@dataclass(frozen=True)
class RenderedFigure:
    """A figure rendered for the dashboard.

    Attributes
    ----------
    kind : str
        One of :data:`DASHBOARD_KINDS`.
    png : bytes
        The picture.
    alt : str
        One sentence describing it (from :func:`sci_pain.plotting.journal.alt_text`).
    title : str
        The figure's title as drawn.
    n_entries : int
        Entries shown.
    width, height : int
        Size in pixels.
    cached : bool
        True when the picture came from the cache (nothing was drawn).
    """

    kind: str
    png: bytes = field(repr=False)
    alt: str
    title: str
    n_entries: int
    width: int
    height: int
    cached: bool = False


class _LRU(OrderedDict):
    """A small least-recently-used cache."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def fetch(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = compute()
        if self.size > 0:
            self[key] = value
            while len(self) > self.size:
                self.popitem(last=False)
        return value


@dataclass
class _Slot:
    """One figure of one kind, with its canvas."""

    kind: str
    figure: Figure
    canvas: BlitCanvas
    shown: tuple | None = None  # the view key the figure's artists show
    data: Any = None  # the numbers they were drawn with (``<kind>_data``)

    def title(self) -> str:
        if self.kind == "overview":
            return self.figure.get_suptitle()
        return self.figure.axes[0].get_title()


class JournalFigures:
    """One figure per plot kind for one journal, updated in place and rendered to PNG.

    Parameters
    ----------
    journal : Journal or DataFrame
        The journal (or its entries).
    dpi : int, default 90
        Resolution of the pictures.
    n_boot : int, default 200
        Bootstrap replicates for the association plot's interval (fewer than the analysis
        default, so that the plot follows a control at once; the interval's ends move by a
        few hundredths).
    cache_size : int, default 48
        How many rendered pictures to keep (0: none).
    injury_level : str, default "unknown"
        Passed to :func:`sci_pain.scan_red_flags` (``"T4"``, ``"L1"``, ... or
        ``"unknown"``, which the red-flag list then states).
    reuse : JournalFigures, optional
        The figures of the journal shown before (a dashboard passes them when another
        journal is chosen or uploaded). A figure of a kind that fits this journal as drawn
        (see :meth:`fits`) is taken over from them and updated in place with this journal's
        numbers, instead of being built and laid out again; they make that kind anew if
        they need it later.

    Examples
    --------
    >>> import sci_pain as sp
    >>> figures = JournalFigures(sp.load_example_journal("dvt"))
    >>> first = figures.render("calendar", JournalView(side="left"))
    >>> again = figures.render("calendar", JournalView(side="left"))
    >>> again.cached, again.png == first.png
    (True, True)
    """

    def __init__(
        self,
        journal,
        *,
        dpi: int = 90,
        n_boot: int = 200,
        cache_size: int = 48,
        injury_level: str = "unknown",
        reuse: JournalFigures | None = None,
    ):
        self.entries = as_entries(journal)
        self._donor = reuse
        self.injury_level = injury_level
        self.dpi = dpi
        self.n_boot = n_boot
        ts = timestamps(self.entries, purpose="The dashboard").dropna()
        self.first_day = ts.min().normalize() if len(ts) else None
        self._slots: dict[str, _Slot] = {}
        self._filtered = _LRU(16)
        self._flagged = _LRU(64)
        self._flag_tables = _LRU(16)
        self._episodes = _LRU(16)
        self._texts = _LRU(64)
        self._unavailable: set[str] = set()
        self._rehearsed: set[str] = set()
        self._alts = _LRU(256)
        self._numbers = _LRU(32)
        self._daily = _LRU(8)
        self._days = _LRU(8)
        self._days_asked: dict[tuple, int] = {}
        self._pictures = _LRU(cache_size)
        self._flags: pd.DataFrame | None = None
        self._sorted_times: np.ndarray | bool | None = None  # see _dated_slice

    # -- data ----------------------------------------------------------------------------
    @property
    def flags(self) -> pd.DataFrame:
        """:func:`sci_pain.scan_red_flags` of the whole journal (scanned once).

        The scan looks at each day against the person's own recent days, so it runs on the
        whole journal; :meth:`flags_for` then keeps the flagged entries a view shows.
        """
        if self._flags is None:
            self._flags = scan_red_flags(self.entries, injury_level=self.injury_level)
        return self._flags

    def entries_for(self, view: JournalView) -> pd.DataFrame:
        """Return the entries a view shows (cached).

        :func:`sci_pain.filter_entries`; when the journal's entries are in time order (as a
        journal usually is), its dates are found by bisection and the rows between taken
        as one slice, instead of comparing every entry's day and copying the rows kept.
        """

        def compute() -> pd.DataFrame:
            entries = self.entries
            if view.start is not None or view.end is not None:
                found = self._dated_slice(view.start, view.end)
                if found is not None:
                    entries = found if len(found) < len(entries) else entries
                    return filter_entries(entries, site=view.site, side=view.side)
            return filter_entries(
                entries, start=view.start, end=view.end, site=view.site, side=view.side
            )

        return self._filtered.fetch(view.filters, compute)

    def _dated_slice(self, start, end) -> pd.DataFrame | None:
        """Return the entries from ``start`` to ``end`` (whole days) as one slice (None: unsorted)."""
        if self._sorted_times is None:
            ts = self.entries["timestamp"]
            times = ts.to_numpy()
            ordered = times.dtype.kind == "M" and not ts.hasnans and ts.is_monotonic_increasing
            self._sorted_times = times if ordered else False
        times = self._sorted_times
        if times is False:
            return None
        low = 0 if start is None else times.searchsorted(_day(start).to_datetime64(), "left")
        high = len(times)
        if end is not None:
            after = (_day(end) + pd.Timedelta(days=1)).to_datetime64()
            high = times.searchsorted(after, "left")
        return self.entries.iloc[low:high]

    def daily_for(self, view: JournalView) -> pd.DataFrame:
        """Return :func:`sci_pain.daily_summary` of the pain of the entries a view shows.

        Sliced from the daily summary of all the journal's days at the view's site and side
        (made once per site and side), from the first to the last day of the view's entries:
        the same frame as summarising those entries, without grouping them again on every
        move of the date slider.
        """
        whole = JournalView(site=view.site, side=view.side)
        days = self._daily.fetch(whole.filters, lambda: daily_summary(self.entries_for(whole)))
        ts = self.entries_for(view)["timestamp"]
        first, last = ts.min(), ts.max()
        if pd.isna(first):
            return days.iloc[:0]
        return days.loc[first.normalize() : last.normalize()]

    def flagged(self, view: JournalView) -> tuple[int, ...]:
        """Return which red flags a view shows: their positions in :attr:`flags` (cached).

        Views that show the same flags (most moves of the date slider) share what is made
        from them: the table, its episodes and the red-flag box.
        """

        def compute() -> tuple[int, ...]:
            entries = self.entries_for(view)
            rows = entries["row"] if "row" in entries.columns else entries.index
            shown = self.flags["row"].isin(np.asarray(rows)).to_numpy(dtype=bool)
            return tuple(np.flatnonzero(shown).tolist())

        return self._flagged.fetch(view.filters, compute)

    def flags_for(self, view: JournalView) -> pd.DataFrame:
        """Return the red flags among the entries a view shows (cached)."""
        positions = self.flagged(view)
        return self._flag_tables.fetch(
            positions, lambda: self.flags.iloc[list(positions)].reset_index(drop=True)
        )

    def episodes_for(self, view: JournalView) -> pd.DataFrame:
        """Return the red flags a view shows grouped into episodes (cached).

        :func:`sci_pain.red_flag_episodes` of :meth:`flags_for`: grouped once per set of
        flags shown, however often the controls change.
        """
        from sci_pain.analysis import red_flag_episodes

        return self._episodes.fetch(
            self.flagged(view), lambda: red_flag_episodes(self.flags_for(view))
        )

    def text(self, key: Hashable, compute: Callable[[], str]) -> str:
        """Return a text the dashboard shows next to the figures, made once per ``key``.

        For texts that depend on the view only through ``key`` (the red-flag box depends on
        the dates, site and side, not on the kind of figure or the smoothing window).
        """
        return self._texts.fetch(key, compute)

    # -- figures -------------------------------------------------------------------------
    def figure(self, kind: str) -> Figure:
        """Return the live figure of a kind (drawn on first use)."""
        return self._slot(kind).figure

    def draw(self, kind: str) -> None:
        """Draw the current figure of a kind completely with Agg, without blitting.

        For comparison in benchmarks. The backgrounds its canvas keeps stay usable
        (drawing changes no artist), so the next :meth:`render` may still blit.
        """
        from sci_pain.style import style_context

        with style_context():
            self._slot(kind).canvas.draw()

    def full_draws(self, kind: str) -> int:
        """How many times the figure of a kind was drawn completely (the rest were blits)."""
        return self._slot(kind).canvas.full_draws if kind in self._slots else 0

    def _slot(self, kind: str, view: JournalView | None = None) -> _Slot:
        if kind not in DASHBOARD_KINDS:
            msg = (
                f"unknown figure kind {kind!r}; choose one of {', '.join(DASHBOARD_KINDS)}."
                f"{did_you_mean(kind, DASHBOARD_KINDS)}"
            )
            raise ValueError(msg)
        if kind not in self._slots:
            self._slots[kind] = self._adopt(kind) or self._new_slot(kind, view)
        return self._slots[kind]

    def fits(self, kind: str, figure: Figure) -> bool:
        """Whether a figure of ``kind`` drawn for another journal can show this one in place.

        ``update_<kind>`` changes what depends on the entries; what it keeps must be the
        same as a figure drawn for this journal would have. So far only the timeline is
        taken over: it keeps its axes, title, layout and legend, and its legend names the
        red-flag severities it was drawn with, so it fits a journal flagged with exactly
        the same severities (the rating's scale, 0-10, is the same for every journal).
        """
        if kind != "timeline":
            return False
        from sci_pain.plotting import flag_markers

        return set(flag_markers(figure.axes[0])) == set(self.flags["severity"].astype(str))

    def _adopt(self, kind: str) -> _Slot | None:
        """Take over the figure of ``kind`` from the journal shown before, if it fits."""
        donor = self._donor
        slot = donor._slots.get(kind) if donor is not None else None
        if slot is None or not self.fits(kind, slot.figure):
            return None
        del donor._slots[kind]  # the figure is this journal's now
        # Its canvas keeps its background: the update reports every artist it changes, and
        # one outside the background's changing set makes the next render draw everything.
        slot.shown, slot.data = None, None
        return slot

    def _new_slot(self, kind: str, view: JournalView | None = None) -> _Slot:
        from matplotlib.figure import Figure

        import sci_pain.plotting as pj
        from sci_pain.style import style_context

        # Drawn as plot_<kind> draws the whole journal with its default settings (so that
        # the layout does not depend on the settings of the moment), with the numbers of
        # the view about to be shown when that view is the whole journal with those
        # settings (as the first view usually is): computed once, for both.
        data = None
        if view is not None and kind != "association":
            plain = JournalView(start=view.start, end=view.end, site=view.site, side=view.side)
            if self.entries_for(plain) is self.entries:
                data = self.data(kind, plain)
        entries = None if data is not None else self.entries
        with style_context():
            figure = Figure(figsize=_SIZES[kind], dpi=self.dpi * _DPI_SCALE.get(kind, 1.0))
            canvas = BlitCanvas(figure)  # attach the Agg canvas before drawing
            if kind == "overview":
                flags = {} if data is not None else {"flags": self.flags}
                pj.plot_overview(entries, fig=figure, data=data, **flags)
            else:
                ax = figure.add_subplot()
                plot = getattr(pj, f"plot_{kind}")
                if kind == "association":
                    plot(self.entries, ax=ax, n_boot=0)
                elif kind == "timeline" and data is None:
                    plot(entries, ax=ax, flags=self.flags)
                else:
                    plot(entries, ax=ax, data=data)
                figure.tight_layout()
        return _Slot(kind, figure, canvas)

    def _update(self, slot: _Slot, view: JournalView) -> list:
        key = view.key(slot.kind)
        if slot.shown == key:
            return []  # the artists already show this view
        panels = None
        if slot.kind == "overview" and slot.shown is not None and slot.shown[:-1] == key[:-1]:
            panels = ("timeline",)  # only the smoothing window changed
        data = self.data(slot.kind, view, panels=panels)
        changed = self._apply(slot, view, data, panels)
        slot.shown, slot.data = key, data
        return changed

    def _apply(self, slot: _Slot, view: JournalView, data, panels) -> list:
        """Change the figure's artists to show ``data``; return those that changed."""
        import sci_pain.plotting as pj

        kind = slot.kind
        if kind == "overview":
            return pj.update_overview(
                slot.figure,
                first_day=self.first_day,
                start=view.start or self.first_day,
                end=view.end or self.last_day,
                panels=panels,
                data=data,
            )
        ax = slot.figure.axes[0]
        if kind == "timeline":
            start = _day(view.start) or self.first_day
            end = _day(view.end) or self.last_day
            xlim = (start - pd.Timedelta(hours=12), end + pd.Timedelta(hours=36))
            return pj.update_timeline(ax, xlim=xlim, data=data)
        if kind == "calendar":
            return pj.update_calendar(
                ax, first_day=self.first_day, start=view.start, end=view.end, data=data
            )
        return getattr(pj, f"update_{kind}")(ax, data=data)

    @property
    def last_day(self) -> pd.Timestamp:
        """Return the day of the journal's last entry."""
        return self.entries["timestamp"].max().normalize()

    def data(self, kind: str, view: JournalView, *, panels=None):
        """Return the numbers a kind of figure shows for a view: its ``<kind>_data`` (cached).

        Computed once per view, then used both to update the figure and to describe it.

        Parameters
        ----------
        kind : str
            One of :data:`DASHBOARD_KINDS`.
        view : JournalView
        panels : tuple of str, optional
            For the overview: only these panels (the summary and flags always).
        """
        import sci_pain.plotting as pj

        def compute():
            entries = self.entries_for(view)
            if kind in SLICED_KINDS:
                sliced = self.sliced(view, (kind,))
                if sliced:
                    return sliced[kind]
            if kind in ("timeline", "overview"):
                options = {
                    "window": view.window,
                    "flags": self.flags_for(view),
                    "daily": self.daily_for(view),
                }
                if kind == "overview":
                    wanted = pj.OVERVIEW_PANELS if panels is None else panels
                    sliced = self.sliced(view, [name for name in wanted if name in SLICED_KINDS])
                    options["panels"] = [name for name in wanted if name not in sliced]
                    return replace(pj.overview_data(entries, **options), **sliced)
                return getattr(pj, f"{kind}_data")(entries, **options)
            if kind == "association":
                return pj.association_data(
                    entries,
                    variable=view.variable,
                    lag=view.lag,
                    n_boot=self.n_boot,
                    seed=_ASSOCIATION_SEED,
                )
            if kind == "calendar":
                return pj.CalendarData(column="pain", daily=self.daily_for(view))
            return getattr(pj, f"{kind}_data")(entries)

        return self._numbers.fetch((kind, view.key(kind), panels), compute)

    def sliced(self, view: JournalView, kinds) -> dict:
        """Return the numbers of those ``kinds`` that the day tables give for a view.

        The heatmap, body map and descriptor chart of a date range are added up from each
        day's sums, tabulated once per site and side (:mod:`sci_pain.widgets._days`), instead
        of being computed again from the entries on every move of the date slider. Kinds the
        tables cannot give exactly (a view without both ends, a rating that is not a whole
        number, a descriptor outside the vocabulary) are left out: computed from the entries.
        """
        import sci_pain.plotting as pj

        if not kinds or view.start is None or view.end is None:
            return {}
        tables = self.day_tables(view, build=False)
        found: dict[str, Any] = {}
        for kind in kinds:
            if tables is None or not tables.has(kind):
                continue
            table = tables.table(kind, view.start, view.end)
            if kind == "time_of_day_weekday":
                found[kind] = pj.TimeOfDayWeekdayData(
                    column="pain", by="part", table=table[0], profile=table[1]
                )
            elif kind == "body_map":
                found[kind] = pj.BodyMapData(column="pain", table=table)
            else:
                found[kind] = pj.DescriptorsData(table=table)
        return found

    def day_tables(self, view: JournalView, *, build: bool = True):
        """Return the day tables of a view's site and side (None where they are not exact).

        Made when ``build`` is true, or when a date range of that site and side is asked for
        the second time (the date slider is moving): a single view is computed faster from
        its entries than the tables are made (about 17 ms for a one-year journal).
        :meth:`rehearse` makes them while the dashboard waits.
        """
        filters = (None, None, view.site, view.side)
        if filters not in self._days:
            asked = self._days_asked.get(filters, 0) + 1
            self._days_asked[filters] = asked
            if not build and asked < 2:
                return None
        whole = JournalView(site=view.site, side=view.side)
        return self._days.fetch(filters, lambda: day_tables(self.entries_for(whole)))

    def association(self, view: JournalView) -> pd.Series:
        """Return the association of daily pain with the view's measure and lag (cached).

        The row of :func:`sci_pain.associations` that the association plot and its alt
        text both show, computed once.
        """
        return self.data("association", view).result

    def prepare(self, view: JournalView, *, skip: str | None = None) -> str | None:
        """Make the next figure not made yet and render it for ``view``; return its kind.

        A dashboard calls this while it waits for the user, one step at a time, so that the
        first switch to another kind of figure finds it drawn. A kind the journal cannot
        draw is skipped (choosing it shows why). Once every kind is made, each figure
        (``skip`` too) is rehearsed: drawn once for other dates (:meth:`rehearse`), so that
        the first move of a control redraws only what it changes; those steps return
        ``"<kind> rehearsed"``. Returns None when there is nothing left to do.
        """
        for kind in DASHBOARD_KINDS:
            if kind == skip or kind in self._slots or kind in self._unavailable:
                continue
            try:
                self.render(kind, view)
            except ValueError:
                self._unavailable.add(kind)
            return kind
        for kind in DASHBOARD_KINDS:
            if kind in self._slots and kind not in self._rehearsed:
                self._rehearsed.add(kind)
                # a figure not drawable for those dates is drawn whole when moved
                with suppress(ValueError):
                    self.rehearse(kind, view)
                return f"{kind} rehearsed"
        return None

    def rehearse(self, kind: str, view: JournalView) -> None:
        """Draw a kind's figure once for the second half of ``view``'s dates (and window + 1).

        Moving the dates and the smoothing window changes nearly every artist that any
        control changes (the window relabels the legend), and the
        figure's canvas keeps the picture of everything else as a background
        (:class:`sci_pain.plotting._fastagg.BlitCanvas`): the first move of a control then
        redraws only the artists it changes, not the whole figure. The picture shown is
        not replaced; the next render updates the figure from what it shows now.
        """
        first = _day(view.start) or self.first_day
        last = _day(view.end) or self.last_day
        if first is None or last <= first:
            return
        middle = (first + (last - first) / 2).normalize()
        other = replace(view, start=middle.date(), end=last.date(), window=view.window + 1)
        self.render(kind, other, with_alt=False)
        if kind in (*SLICED_KINDS, "overview"):
            self.day_tables(view)

    def alt_text(self, kind: str, view: JournalView) -> str:
        """Return the alt text of a kind's figure for a view (cached).

        Built from the numbers the figure was just drawn with (``<kind>_alt_text`` of
        :meth:`data`), not computed again.
        """
        import sci_pain.plotting as pj

        def compute() -> str:
            if self.entries_for(view).empty:
                return self._empty_message(view)
            slot = self._slots.get(kind)
            if slot is not None and slot.shown == view.key(kind) and slot.data is not None:
                data = slot.data  # what the figure shows now
            else:  # described before it is drawn: the overview's sentence needs no panel
                data = self.data(kind, view, panels=() if kind == "overview" else None)
            return getattr(pj, f"{kind}_alt_text")(data)

        return self._alts.fetch((kind, view.key(kind)), compute)

    @staticmethod
    def _empty_message(view: JournalView) -> str:
        return f"No entries to show for {view.describe()}: widen the dates or choose all sites."

    def render(self, kind: str, view: JournalView, *, with_alt: bool = True) -> RenderedFigure:
        """Render a kind of figure for a view, redrawing only what changed.

        Parameters
        ----------
        kind : str
            One of :data:`DASHBOARD_KINDS`.
        view : JournalView
        with_alt : bool, default True
            Describe the figure too. A dashboard may show the picture first and then ask
            :meth:`alt_text` (``alt`` is then ``""``).

        Returns
        -------
        RenderedFigure

        Raises
        ------
        ValueError
            For an unknown kind; AnalysisError when the journal lacks what the figure needs
            (e.g. no ``site`` column for the body map).
        """
        from sci_pain.style import style_context

        key = (kind, view.key(kind))
        if key in self._pictures:
            picture = replace(self._pictures.fetch(key, lambda: None), cached=True)
            return replace(picture, alt=self.alt_text(kind, view)) if with_alt else picture
        entries = self.entries_for(view)
        if entries.empty:
            picture = self._render_message(kind, self._empty_message(view))
        else:
            slot = self._slot(kind, view)
            with style_context():
                changed = self._update(slot, view)
                png = slot.canvas.render(changed)
            width, height = slot.canvas.canvas.get_width_height(physical=True)
            picture = RenderedFigure(
                kind=kind,
                png=png,
                alt="",
                title=slot.title(),
                n_entries=len(entries),
                width=width,
                height=height,
            )
        self._pictures.fetch(key, lambda: picture)
        return replace(picture, alt=self.alt_text(kind, view)) if with_alt else picture

    def message(self, kind: str, message: str) -> RenderedFigure:
        """Render a picture that says ``message`` instead of a figure (and has it as alt text)."""
        return self._render_message(kind, message)

    def _render_message(self, kind: str, message: str) -> RenderedFigure:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        figure = Figure(figsize=(6.0, 1.2), dpi=self.dpi)
        canvas = FigureCanvasAgg(figure)
        figure.text(0.5, 0.5, message, ha="center", va="center", wrap=True, color="0.25")
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        return RenderedFigure(kind, encode_png(canvas), message, "", 0, width, height)
