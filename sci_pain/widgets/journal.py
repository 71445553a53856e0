"""The journal dashboard: pick or upload a journal, filter it, choose a figure.

Wiring only. Every redraw is handed to :class:`sci_pain.widgets.dashboard.JournalFigures`
(filtering, figures updated in place, blitting, PNG); uploads are read with
:func:`sci_pain.journal.read_diary` (through :mod:`sci_pain.widgets._journals`, as in the upload
widget) and the red flags listed by :func:`sci_pain.html.render_red_flags`. The builder returns
its container without displaying it, with the CSS class ``sci-pain-dashboard``, its controls in
``box.controls`` (set ``.value`` in code to drive them) and what it shows as attributes.

A stored notebook (GitHub, nbviewer) cannot run the widget; there it shows its first figure
with its alt text instead (:func:`sci_pain.widgets._base.static_fallback`).

Examples
--------
>>> box = make_journal_dashboard()
>>> box.controls["kind"].value = "calendar"
>>> box.picture.title
'Daily mean pain: calendar'
>>> box.controls["window"].disabled  # the calendar has no smoothing
True
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import gc
import html
from typing import TYPE_CHECKING, Literal

from sci_pain.errors import did_you_mean
from sci_pain.widgets._base import WIDE, dropdown, message_html, slider, static_fallback
from sci_pain.widgets._journals import (
    Journals,
    JournalWidget,
    date_order_control,
    journal_dropdown,
    journal_html,
    read_upload,
    upload_control,
    uploaded_file,
)

if TYPE_CHECKING:
    import pandas as pd

    from sci_pain.journal import Journal
    from sci_pain.widgets.dashboard import JournalFigures, JournalView

__all__ = ["make_journal_dashboard"]

_ALL = "all"
_READERS_LOADED: list[bool] = []  # once per session: see _Dashboard.prepare_reading
_ASSOCIATION_NAMES = {
    "activity_min": "Activity (minutes)",
    "sleep_hours": "Sleep (hours)",
    "spasms": "Spasms (count)",
    "immobile_hours": "Longest time without moving (hours)",
}
_HEADER = (
    "<h4>Journal dashboard</h4><p>Choose a figure and a journal (or upload your "
    "own diary), then narrow the dates, the site and the side. The smoothing window sets "
    "the rolling mean of the timeline. Red flags among the entries shown are listed "
    "above the figure; its description is below it.</p>"
)


def _shown_html(journal: Journal | None, *, note: str = "") -> str:
    """Which journal the figure below belongs to (and why it is still shown, if it is)."""
    if journal is None:
        return ""
    extra = f" ({html.escape(note)}; the figure is still this journal's)" if note else ""
    return (
        f'<p class="sci-pain-shown"><b>Figure of:</b> {html.escape(str(journal.source))}{extra}</p>'
    )


def _message_picture(kind: str, text: str, *, dpi: int):
    """Render a picture that says ``text`` in place of a figure (nothing of another journal)."""
    import pandas as pd

    from sci_pain.widgets.dashboard import JournalFigures

    empty = pd.DataFrame({"timestamp": pd.Series([], dtype="datetime64[ns]"), "pain": []})
    return JournalFigures(empty, dpi=dpi).message(kind, text)


def _flags_html(flags: pd.DataFrame, episodes: pd.DataFrame) -> str:
    """Show the red flags among the entries shown, counted as episodes, in the one rendering.

    ``episodes`` are the flags' :func:`sci_pain.red_flag_episodes`, grouped once by the caller.
    """
    from sci_pain.html import render_red_flags

    n = len(episodes)
    return render_red_flags(
        flags,
        episodes=episodes,
        format="html",
        title=(
            f"⚠ Red flags in these entries ({n} {'episode' if n == 1 else 'episodes'}): "
            "in real life a swollen, warm or red leg means seeking care now, not more analysis."
        ),
        empty="No red-flag pattern in these entries (the scan only sees what was written).",
    )


def _dates_text(view: JournalView) -> str:
    n_days = (view.end - view.start).days + 1
    return f"{view.start:%d %b %Y} to {view.end:%d %b %Y} ({n_days} day{'s' * (n_days != 1)})"


def _day_options(first: _dt.date, n_days: int) -> list[tuple[str, _dt.date]]:
    """Label ``n_days`` calendar days from ``first`` for the date slider: ``("05 Jan 2026", day)``."""
    return list(_labelled_days(first, n_days))


@functools.lru_cache(maxsize=8)
def _labelled_days(first: _dt.date, n_days: int) -> tuple[tuple[str, _dt.date], ...]:
    # made once per span of days: a journal uploaded again (corrected) covers the same days
    days = (first + _dt.timedelta(days=i) for i in range(n_days))
    return tuple((f"{d:%d %b %Y}", d) for d in days)


def _present(values: pd.Series) -> set[str]:
    """Return the values a column holds, as text (missing values left out).

    For a categorical column of text (as the reader types ``site`` and ``side``), the
    categories that some entry uses, read from the codes instead of turning every entry
    into text.
    """
    import numpy as np
    import pandas as pd

    if isinstance(values.dtype, pd.CategoricalDtype) and all(
        isinstance(category, str) for category in values.cat.categories
    ):
        codes = values.cat.codes.to_numpy()
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(values.cat.categories)))
        return {str(category) for category in values.cat.categories.take(used)}
    return set(values.dropna().astype(str))


def _has_entries(journal: Journal) -> bool:
    entries = journal.entries
    return not (entries.empty or entries["timestamp"].isna().all())


def _controls(journals: Journals) -> dict:
    """Make the dashboard's controls, by name (their values are set when a journal is shown)."""
    import ipywidgets as w

    from sci_pain.widgets.dashboard import DASHBOARD_KINDS, KIND_LABELS

    return {
        "journal": journal_dropdown(journals),
        "upload": upload_control(
            "Upload a diary",
            "Read your own journal file (a CSV or .xlsx journal, a Bearable, Flaredown or "
            "Pain Diary export, or a FHIR Bundle); it stays on this computer.",
        ),
        "date_order": date_order_control(),
        "kind": dropdown(
            "Figure:",
            "Which figure of the journal to show.",
            options=[(KIND_LABELS[k], k) for k in DASHBOARD_KINDS],
            value="timeline",
        ),
        "window": slider(
            "Smoothing (days):",
            "Rolling-mean window of the timeline, in days (7 smooths out weekdays).",
            value=7,
            low=1,
            high=28,
            continuous=True,
        ),
        "dates": w.SelectionRangeSlider(
            options=[("-", None)],
            description="Dates:",
            tooltip="First and last day shown.",
            continuous_update=True,
            readout=False,
            style=WIDE,
            layout=w.Layout(width="60%"),
        ),
        "site": dropdown("Site:", "Only entries recorded at this site of the leg."),
        "side": dropdown(
            "Side:", "Only entries recorded for this side (left, right or both legs)."
        ),
        "variable": dropdown("Measure:", "The daily measure set against daily mean pain."),
        "lag": slider(
            "Lag (days):",
            "0: the same day; 1: the measure on the day before the pain; ...",
            value=0,
            low=0,
            high=3,
            continuous=True,
        ),
    }


class _Dashboard(JournalWidget):
    """The dashboard's state and callbacks; ``box`` is what the builder returns."""

    css_class = "sci-pain-dashboard"

    def __init__(self, journals: Journals, *, render: str, dpi: int, prepare: bool):
        import ipywidgets as w

        super().__init__(journals, image=render == "image")
        self.render, self.dpi, self.prepare = render, dpi, prepare
        self.controls = c = _controls(journals)
        self.status, self.flags = w.HTML(), w.HTML()
        self.shown = w.HTML()  # which journal the figure belongs to, right above it
        self.dates_label = w.HTML(layout=w.Layout(width="max-content"))
        self.figure, self.alt = self.panel.figure, self.panel.alt
        self.association_row = w.HBox([c["variable"], c["lag"]])
        self.date_row = w.HBox([c["date_order"]])
        self.date_row.layout.display = "none"  # shown when an upload's dates need it
        self.upload: tuple[str, bytes] | None = None
        self.figures: JournalFigures | None = None
        self.picture = None
        self.preparing = None  # a token: the preparation that may still run
        self.prepared: set[str] = set()  # journals whose first view was drawn while idle
        self.by_journal: dict[int, JournalFigures] = {}
        self.box = self._layout()
        for name in ("kind", "window", "dates", "site", "side", "variable", "lag"):
            c[name].observe(self.redraw, names="value")
        c["journal"].observe(self.choose, names="value")
        c["upload"].observe(self.on_upload, names="value")
        c["date_order"].observe(self.on_date_order, names="value")

    def _layout(self):
        import ipywidgets as w

        c = self.controls
        box = self.frame(
            _HEADER,
            [
                w.HBox([c["kind"], c["window"]]),
                w.HBox([c["journal"], c["upload"], self.date_row]),
                w.HBox([c["dates"], self.dates_label]),
                w.HBox([c["site"], c["side"]]),
                self.association_row,
                self.status,
                self.shown,
                self.flags,
                self.figure,
                self.alt,
            ],
        )
        box.controls = c
        box.status, box.flags, box.figure, box.alt = self.status, self.flags, self.figure, self.alt
        box.dates_label, box.shown, box.prepared = self.dates_label, self.shown, self.prepared
        box.picture = box.journal = box.figures = None
        box.date_row = self.date_row
        return box

    # -- what is shown ------------------------------------------------------------------------
    def view(self) -> JournalView:
        """Return the view the controls select."""
        from sci_pain.widgets.dashboard import JournalView

        c = self.controls
        dates = c["dates"].value
        start, end = dates if dates and dates[0] is not None else (None, None)
        return JournalView(
            start=start,
            end=end,
            site=None if c["site"].value == _ALL else c["site"].value,
            side=None if c["side"].value == _ALL else c["side"].value,
            window=c["window"].value,
            variable=c["variable"].value or "activity_min",
            lag=c["lag"].value,
        )

    def first_view(self, entries) -> JournalView:
        """Return the view a journal opens with (all its days, sites and sides)."""
        from sci_pain.analysis import ASSOCIATION_VARIABLES, journal_days
        from sci_pain.widgets.dashboard import JournalView

        days = journal_days(entries)
        measures = [v for v in ASSOCIATION_VARIABLES if v in entries.columns]
        return JournalView(
            start=days[0],
            end=days[-1],
            window=self.controls["window"].value,
            variable=measures[0] if measures else "activity_min",
            lag=self.controls["lag"].value,
        )

    def show(self, picture, alt_text: str | None) -> None:
        """Put a picture in the figure widget."""
        self.panel.show(picture.png, alt_text or picture.alt)

    def keep(self, picture) -> None:
        self.picture = self.box.picture = picture

    def static_view(self) -> str:
        """Return the figure shown and its description, for a notebook read without a kernel."""
        return self.panel.static_html("Journal dashboard")

    # -- callbacks ---------------------------------------------------------------------------
    def redraw(self, _change=None) -> None:
        """Show the figure the controls select, its red flags and its description."""
        if self.hold.active or self.figures is None:
            return
        c, figures, current = self.controls, self.figures, self.view()
        kind = c["kind"].value
        c["window"].disabled = kind not in ("timeline", "overview")
        self.association_row.layout.display = "" if kind == "association" else "none"
        if current.start is not None:
            self.dates_label.value = _dates_text(current)
        try:
            picture = figures.render(kind, current, with_alt=False)
            if self.render == "image":
                self.show(picture, None)  # the picture first: that is what the eye waits for
            text = figures.alt_text(kind, current)
            if self.render == "output":
                self.show(picture, text)
            picture = dataclasses.replace(picture, alt=text)
            self.panel.describe(text)
            self.flags.value = figures.text(
                ("red flags", figures.flagged(current)),
                lambda: _flags_html(figures.flags_for(current), figures.episodes_for(current)),
            )
        except ValueError as error:  # AnalysisError: the journal lacks what this figure needs
            picture = figures.message(kind, f"This figure cannot be drawn: {error}")
            self.show(picture, picture.alt)
            self.alt.value = message_html("This figure cannot be drawn for this journal:", error)
            self.flags.value = ""
        self.keep(picture)

    def show_nothing(self, journal: Journal) -> None:
        """Clear what the previous journal showed: its figure, flags and description."""
        self.figures = self.box.figures = None
        text = f"Nothing to show for {journal.source}: no entry of this journal was kept."
        picture = _message_picture(self.controls["kind"].value, text, dpi=self.dpi)
        self.show(picture, text)
        self.keep(picture)
        self.flags.value = ""
        self.dates_label.value = ""
        self.alt.value = message_html("Nothing to show:", text)

    def figures_of(
        self, journal: Journal, *, reuse: JournalFigures | None = None
    ) -> JournalFigures:
        """Return the figures of a journal (made once per journal).

        ``reuse``: the figures shown until now, whose figures the new journal's may take
        over (:class:`sci_pain.widgets.dashboard.JournalFigures`).
        """
        from sci_pain.widgets.dashboard import JournalFigures

        key = id(journal)
        if key not in self.by_journal:
            self.by_journal[key] = JournalFigures(journal, dpi=self.dpi, reuse=reuse)
        return self.by_journal[key]

    def set_choices(self, entries) -> None:
        """Offer the dates, sites, sides and measures of a journal's entries, all selected."""
        from sci_pain.analysis import ASSOCIATION_VARIABLES, journal_days
        from sci_pain.journal import SIDES, SITES

        c = self.controls
        days = journal_days(entries)
        present = {
            column: _present(entries[column])
            for column in ("site", "side")
            if column in entries.columns
        }
        measures = [v for v in ASSOCIATION_VARIABLES if v in entries.columns]
        options = {
            "dates": _day_options(days[0], len(days)) if days else [],
            "site": [("all sites", _ALL)]
            + [(s.replace("_", " "), s) for s in SITES if s in present.get("site", ())],
            "side": [("all sides", _ALL)] + [(s, s) for s in SIDES if s in present.get("side", ())],
            "variable": [(_ASSOCIATION_NAMES.get(v, v), v) for v in measures],
        }
        values = {
            "dates": (days[0], days[-1]),
            "site": _ALL,
            "side": _ALL,
            "variable": measures[0] if measures else None,
        }
        with self.hold:
            for name, choices in options.items():
                # the same choices as now (another journal of the same days and sites) are
                # not set again: a control sends its choices to the browser when set
                if list(c[name].options) != choices:
                    c[name].options = choices
                c[name].value = values[name]

    def set_journal(self, journal: Journal) -> None:
        """Show a journal: its first view, then its summary and problems above it.

        The picture is made first (that is what the eye waits for); the summary and the
        problems table follow in the same step.
        """
        self.journal = self.box.journal = journal
        self.shown.value = _shown_html(journal)
        if not _has_entries(journal):
            self.status.value = journal_html(journal)
            self.show_nothing(journal)
            return
        self.figures = self.box.figures = self.figures_of(journal, reuse=self.figures)
        self.set_choices(journal.entries)
        try:
            self.redraw()
        finally:
            self.status.value = journal_html(journal)
        self.prepare_later()

    def choose(self, _change=None) -> None:
        """Show the journal the journal control selects."""
        if self.hold.active:
            return
        try:
            self.set_journal(self.journals.get(self.controls["journal"].value))
        except ValueError as error:  # JournalError from a bundled file
            self.status.value = message_html("This journal cannot be read:", error)

    def on_upload(self, _change=None) -> None:
        """Read an uploaded file; offer it as a journal and show it, or say why not."""
        given = uploaded_file(self.controls["upload"])
        if given is None:
            return
        self.upload = given
        self.date_row.layout.display = "none"
        with self.hold:
            self.controls["date_order"].value = None
        self.read_uploaded()

    def on_date_order(self, _change=None) -> None:
        """Read the uploaded file again in the date order chosen."""
        if not self.hold and self.upload is not None:
            self.read_uploaded()

    def read_uploaded(self) -> None:
        """Read the file uploaded last (in the date order chosen, if any) and show it."""
        from sci_pain.journal import no_pain_ratings_message

        name, data = self.upload
        # recognised by content: a journal CSV, a Bearable or Flaredown export, FHIR
        kind, journal, problem, error = read_upload(
            name,
            data,
            title=f"{name} cannot be read as a journal yet:",
            date_order=self.controls["date_order"].value,
        )
        if getattr(error, "needs_date_order", False):
            self.date_row.layout.display = ""
        if problem is not None:
            self.refuse_upload(name, problem)
            return
        chooser = self.controls["journal"]
        key = self.journals.add_upload(name, journal)
        with self.hold:
            chooser.options = self.journals.options
        chooser.value = key
        if chooser.value == key and self.journal is not journal:
            self.choose()
        message = no_pain_ratings_message(kind, journal)
        if message:
            self.status.value = (
                message_html("What can be shown:", message)
                + "<p>Notebook 09's upload lists what the file holds, on its own scales.</p>"
                + self.status.value
            )

    def refuse_upload(self, name: str, problem: str) -> None:
        """Say why a file cannot be read, and that the journal chosen before stays shown."""
        still = self.journal
        self.status.value = problem + (
            f"<p><b>Still shown below:</b> {html.escape(str(still.source))}, the journal "
            "chosen before. Nothing of the file that failed is shown.</p>"
            if still is not None
            else ""
        )
        self.shown.value = _shown_html(still, note=f"{name} could not be read")

    # -- while idle ----------------------------------------------------------------------------
    def prepare_later(self) -> None:
        """Make the other figures while the kernel is idle (one per turn of the loop)."""
        import asyncio

        if not self.prepare:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not in a kernel: figures are made when first shown
            return
        token = self.preparing = object()
        # The journal shown is long-lived (it stays offered): it is left out of full garbage
        # collections at once, not only when the preparation ends, so that a full collection
        # during the next upload walks only what that upload made (one such pause took
        # 160 ms in a run of uploads with no idle time between them). gc.freeze only sets
        # objects aside; the preparation's last step unfreezes and collects them
        # (_freeze_long_lived), so no garbage is kept for good.
        gc.freeze()

        def step() -> None:
            if self.preparing is not token:
                return  # another journal was chosen: its own preparation runs
            if self.figures is None:  # nothing to prepare (a journal without entries)
                _freeze_long_lived()
                return
            try:
                made = (
                    self.figures.prepare(self.view(), skip=self.controls["kind"].value)
                    or self.prepare_other_journal()
                    or self.prepare_reading()
                )
            except Exception:  # a figure that fails says why when it is chosen
                made = None
            if made is not None:
                loop.call_later(0.05, step)
            else:
                _freeze_long_lived()

        loop.call_later(0.3, step)

    def prepare_reading(self) -> str | None:
        """Read a two-line diary once, so that the readers are loaded before a real upload.

        The first upload of a session would otherwise also pay for loading the diary readers
        (each diary app's importer, the CSV engine). Returns ``"reading"`` the first time,
        then None.
        """
        if _READERS_LOADED:
            return None
        _READERS_LOADED.append(True)
        read_upload("warm-up.csv", b"timestamp,pain\n2026-01-05 08:00,3\n", title="")
        return "reading"

    def prepare_other_journal(self) -> str | None:
        """Read the next journal of the list and draw its first view, if not done."""
        chooser = self.controls["journal"]
        for _, key in chooser.options:
            if key == chooser.value or key in self.prepared:
                continue
            self.prepared.add(key)
            journal = self.journals.get(key)
            if not _has_entries(journal):
                continue
            self.figures_of(journal).render(
                self.controls["kind"].value, self.first_view(journal.entries)
            )
            return key
        return None


def _freeze_long_lived() -> None:
    """Leave what exists now out of Python's full garbage collections (``gc.freeze``).

    Called once a dashboard has made everything it prepares while idle. Its figures, the
    journals and the loaded modules live as long as the dashboard; without this, every
    full collection walks them all (some 260,000 objects for a one-year journal, about
    200 ms), and one falls on a random control change, often an upload. Frozen objects are
    freed as usual when nothing refers to them; only the collector's search for reference
    cycles skips them. So that cycles among objects dropped since the last freeze (an
    earlier dashboard's figures, after its cell was run again) are not kept for good, they
    are unfrozen and collected first, while the kernel is idle.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def make_journal_dashboard(
    journal=None,
    *,
    render: Literal["output", "image"] = "output",
    dpi: int = 90,
    prepare: bool = True,
):
    """Build the journal dashboard: pick or upload a journal, filter it, choose a figure.

    Controls: the journal (an example, the one given, or an uploaded CSV), a CSV upload, the
    figure kind, the smoothing window, the date range, site and side filters, and for the
    association plot the measure and its lag. Above the figure, the red flags among the
    entries shown; below it, its description (alt text). An upload is read with
    :func:`sci_pain.read_journal` and its problems table shown; a file that cannot be read
    at all shows the reader's message.

    Redraws change the figure in place and redraw only what changed
    (:class:`sci_pain.widgets.dashboard.JournalFigures`), so they follow a slider at once.

    Parameters
    ----------
    journal : Journal or DataFrame, optional
        A journal to show first (e.g. from :func:`sci_pain.read_journal`, or the frame of
        :func:`sci_pain.simulate_journal`); the example journals are offered too.
    render : {"output", "image"}, default "output"
        Show the figure in an ``Output`` as an HTML ``<img>`` with its alt text, or in an
        ``ipywidgets.Image`` (the PNG sent as bytes; an Image widget has no alt text, so the
        description below the figure is then its only text version).
    dpi : int, default 90
        Resolution of the figures.
    prepare : bool, default True
        While the kernel waits for the user, make the other kinds of figure one by one
        (:meth:`sci_pain.widgets.dashboard.JournalFigures.prepare`) and rehearse each, then
        read the other journals of the list and draw their first view, so that the first
        switch to each is as quick as the rest, and load the diary readers for a first
        upload. Then everything made so far is left out of Python's full garbage
        collections (``gc.freeze``), which would otherwise walk it all (some 200 ms) at a
        random control change. Needs a running event loop (a Jupyter kernel); elsewhere each
        figure is made when first shown.

    Returns
    -------
    ipywidgets.VBox
        CSS class ``sci-pain-dashboard``, with attributes ``controls`` (dict: ``journal``,
        ``upload``, ``date_order`` (shown in ``date_row`` when an upload's dates could be
        day first or month first), ``kind``, ``window``, ``dates``, ``site``, ``side``,
        ``variable``, ``lag``; ``site`` and ``side`` take ``"all"`` or a value of the journal
        format),
        ``status`` (HTML: the journal's summary and problems, or an error), ``dates_label``
        (HTML: the dates shown, in words),
        ``flags`` (HTML), ``figure`` (the Image or Output), ``alt`` (HTML), ``picture``
        (the last :class:`sci_pain.widgets.dashboard.RenderedFigure`), ``journal`` (the Journal
        shown), ``figures`` (its :class:`~sci_pain.widgets.dashboard.JournalFigures`) and
        ``prepared`` (the journals whose first view was drawn while idle).

    Raises
    ------
    ValueError
        For a ``render`` other than ``"output"`` or ``"image"``.

    Examples
    --------
    >>> box = make_journal_dashboard()
    >>> box.controls["site"].value = "foot"
    >>> box.controls["window"].value = 14
    >>> "14-day rolling mean" in box.alt.value
    True
    """
    if render not in ("image", "output"):
        msg = (
            f"render must be 'image' or 'output', got {render!r}."
            f"{did_you_mean(render, ('image', 'output'))}"
        )
        raise ValueError(msg)
    dashboard = _Dashboard(Journals(journal), render=render, dpi=dpi, prepare=prepare)
    dashboard.choose()
    return static_fallback(
        dashboard.box, dashboard.static_view, "[Journal dashboard: interactive widget]"
    )
