"""Widgets for exploring a pain journal: a dashboard, and "did it help?".

Wiring only. The dashboard hands every redraw to :class:`sci_pain.widgets.dashboard.JournalFigures`
(filtering, figures updated in place, blitting, PNG), reads uploads with
:func:`sci_pain.read_journal` and lists :func:`sci_pain.scan_red_flags`; "did it help?" calls
:func:`sci_pain.compare_phases` and :func:`sci_pain.plot_phases`. Both builders return their
container without displaying it, with CSS classes for the browser tests
(``sci-pain-dashboard``, ``sci-pain-did-it-help``), their controls in ``box.controls`` (set
``.value`` in code to drive them) and what they show as attributes.

A stored notebook (GitHub, nbviewer) cannot run the widgets; there they show their first
figure with its alt text instead.

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

import base64
import dataclasses
import datetime as _dt
import html
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

    from sci_pain.journal import Journal

__all__ = ["make_journal_dashboard", "make_did_it_help"]

_WIDE = {"description_width": "initial"}
_GIVEN = "__given__"
_ALL = "all"
_UPLOAD = "upload:"
_MAX_PROBLEM_ROWS = 40
_STYLE = (
    "<style>"
    ".sci-pain-dashboard table.sci-pain-problems,.sci-pain-did-it-help table.sci-pain-measures"
    "{border-collapse:collapse;font-size:0.9em;margin:4px 0}"
    ".sci-pain-dashboard table.sci-pain-problems th,.sci-pain-dashboard table.sci-pain-problems td,"
    ".sci-pain-did-it-help table.sci-pain-measures th,"
    ".sci-pain-did-it-help table.sci-pain-measures td"
    "{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top;"
    "white-space:normal}"
    ".sci-pain-alt{color:#444;font-size:0.9em;margin:2px 0 6px 0}"
    ".sci-pain-flags{border-left:6px solid #D55E00;padding:2px 10px;margin:4px 0}"
    ".sci-pain-flags ul{margin:2px 0;padding-left:18px}"
    ".sci-pain-message{border-left:6px solid #E69F00;padding:4px 10px;margin:4px 0}"
    ".sci-pain-warnings li{margin:2px 0}"
    "</style>"
)
_ASSOCIATION_NAMES = {
    "activity_min": "Activity (minutes)",
    "sleep_hours": "Sleep (hours)",
    "spasms": "Spasms (count)",
    "immobile_hours": "Longest time without moving (hours)",
}


# -- shared helpers ------------------------------------------------------------------------


def _message_html(title: str, error: Exception | str) -> str:
    return (
        f'<div class="sci-pain-message"><b>{html.escape(title)}</b> {html.escape(str(error))}</div>'
    )


def _img_html(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    text = html.escape(alt, quote=True)  # title: the alt text also shows on hover
    return (
        '<figure class="sci-pain-figure" style="margin:0">'
        f'<img src="data:image/png;base64,{data}" alt="{text}" title="{text}"'
        ' style="max-width:100%;height:auto"/></figure>'
    )


def _figure_output(png: bytes, alt: str) -> tuple[dict, ...]:
    """The ``outputs`` of an Output widget that shows a PNG as an ``<img>`` with alt text."""
    return (
        {
            "output_type": "display_data",
            "data": {"text/html": _img_html(png, alt), "text/plain": f"[Figure: {alt}]"},
            "metadata": {},
        },
    )


def _alt_html(alt: str) -> str:
    return f'<p class="sci-pain-alt"><b>Figure description:</b> {html.escape(alt)}</p>'


def _example_choices() -> list[tuple[str, str]]:
    from sci_pain.datasets import list_example_journals

    return [
        (f"Example: {row.cause}", row.name)
        for row in list_example_journals().itertuples(index=False)
    ]


def _as_journal(journal) -> Journal:
    """A Journal from a Journal, or from a frame of records (checked by the journal reader)."""
    import pandas as pd

    from sci_pain.journal import Journal, journal_from_frame

    if isinstance(journal, Journal):
        return journal
    if isinstance(journal, pd.DataFrame):
        return journal_from_frame(journal, source="your journal")
    msg = (
        f"journal= must be a Journal (from sci_pain.read_journal) or a DataFrame of journal "
        f"records, not {type(journal).__name__}"
    )
    raise TypeError(msg)


class _Journals:
    """The journals a widget can show: the one given, the examples, and uploads (cached)."""

    def __init__(self, journal):
        self.given = None if journal is None else _as_journal(journal)
        self.loaded: dict[str, Journal] = {}
        self.options: list[tuple[str, str]] = []
        if self.given is not None:
            self.options.append((f"your journal ({self.given.source})", _GIVEN))
        self.options.extend(_example_choices())

    def get(self, key: str) -> Journal:
        from sci_pain.datasets import load_example_journal

        if key == _GIVEN:
            return self.given
        if key not in self.loaded:
            # a short source label: a bundled file's path depends on the machine
            journal = load_example_journal(key)
            self.loaded[key] = dataclasses.replace(journal, source=f"{key}.csv")
        return self.loaded[key]

    def add_upload(self, name: str, journal: Journal) -> str:
        key = f"{_UPLOAD}{name}"
        self.loaded[key] = journal
        self.options = [o for o in self.options if o[1] != key] + [(f"uploaded: {name}", key)]
        return key


def _journal_dropdown(journals: _Journals):
    import ipywidgets as w

    return w.Dropdown(
        options=journals.options,
        value=journals.options[0][1],
        description="Journal:",
        tooltip="Choose an example journal (or your own, or an uploaded file).",
        style=_WIDE,
        layout=w.Layout(width="max-content"),
    )


class _Hold:
    """Set while controls are changed in code, so that one redraw follows, not many."""

    def __init__(self):
        self.active = False

    def __enter__(self):
        self.active = True

    def __exit__(self, *exc):
        self.active = False


def _static_bundle(box, title: str, get_png_alt: Callable[[], tuple[bytes, str] | None]):
    """Give a widget a static fallback for stored notebooks: its current figure and alt text."""
    from sci_pain.widgets.quiz import STATIC_HTML_MIMETYPE

    widget_bundle = box._repr_mimebundle_

    def bundle(include=None, exclude=None):
        data = dict(widget_bundle(include=include, exclude=exclude) or {})
        shown = get_png_alt()
        note = (
            f"<p><b>{html.escape(title)}</b> (interactive: open this notebook in JupyterLab "
            f"and run it to use the controls)</p>"
        )
        data[STATIC_HTML_MIMETYPE] = note + (
            _img_html(shown[0], shown[1]) + _alt_html(shown[1]) if shown else ""
        )
        data["text/plain"] = f"[{title}: interactive widget]"
        return data

    box._repr_mimebundle_ = bundle


# -- the dashboard ---------------------------------------------------------------------------


def _journal_html(journal: Journal) -> str:
    import pandas as pd

    text = f"<p><b>Journal:</b> {html.escape(journal.summary())}</p>"
    if journal.problems.empty:
        return text + "<p>No problems: every record was read as written.</p>"
    problems = journal.problems
    more = len(problems) - _MAX_PROBLEM_ROWS
    with pd.option_context("display.max_colwidth", None):
        table = problems.head(_MAX_PROBLEM_ROWS).to_html(
            index=False, na_rep="", border=0, classes="sci-pain-problems", escape=True
        )
    return (
        text + "<p><b>Problems found when reading</b> (row = the row a spreadsheet shows; kept = "
        "is the record among the entries?):</p>"
        + table
        + (f"<p>... and {more} more problems.</p>" if more > 0 else "")
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
    """A picture that says ``text`` in place of a figure (nothing of another journal)."""
    import pandas as pd

    from sci_pain.widgets.dashboard import JournalFigures

    empty = pd.DataFrame({"timestamp": pd.Series([], dtype="datetime64[ns]"), "pain": []})
    return JournalFigures(empty, dpi=dpi).message(kind, text)


def _flags_html(flags: pd.DataFrame) -> str:
    """The red flags among the entries shown, counted as episodes, in the one rendering."""
    from sci_pain.analysis import red_flag_episodes
    from sci_pain.html import render_red_flags

    n = len(red_flag_episodes(flags))
    return render_red_flags(
        flags,
        format="html",
        title=(
            f"⚠ Red flags in these entries ({n} {'episode' if n == 1 else 'episodes'}): "
            "in real life a swollen, warm or red leg means seeking care now, not more analysis."
        ),
        empty="No red-flag pattern in these entries (the scan only sees what was written).",
    )


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
        (:meth:`sci_pain.widgets.dashboard.JournalFigures.prepare`), then read the other journals
        of the list and draw their first view, so that the first switch to each is as
        quick as the rest. Needs a running event loop (a Jupyter kernel); elsewhere each
        figure is made when first shown.

    Returns
    -------
    ipywidgets.VBox
        CSS class ``sci-pain-dashboard``, with attributes ``controls`` (dict: ``journal``,
        ``upload``, ``kind``, ``window``, ``dates``, ``site``, ``side``, ``variable``,
        ``lag``; ``site`` and ``side`` take ``"all"`` or a value of the journal format),
        ``status`` (HTML: the journal's summary and problems, or an error), ``dates_label``
        (HTML: the dates shown, in words),
        ``flags`` (HTML), ``figure`` (the Image or Output), ``alt`` (HTML), ``picture``
        (the last :class:`sci_pain.widgets.dashboard.RenderedFigure`), ``journal`` (the Journal
        shown), ``figures`` (its :class:`~sci_pain.widgets.dashboard.JournalFigures`) and
        ``prepared`` (the journals whose first view was drawn while idle).

    Examples
    --------
    >>> box = make_journal_dashboard()
    >>> box.controls["site"].value = "foot"
    >>> box.controls["window"].value = 14
    >>> "14-day rolling mean" in box.alt.value
    True
    """
    import ipywidgets as w

    from sci_pain.analysis import ASSOCIATION_VARIABLES
    from sci_pain.journal import SIDES, SITES, no_pain_ratings_message, read_diary
    from sci_pain.widgets.dashboard import (
        DASHBOARD_KINDS,
        KIND_LABELS,
        JournalFigures,
        JournalView,
        journal_days,
    )

    if render not in ("image", "output"):
        msg = f"render must be 'image' or 'output', got {render!r}"
        raise ValueError(msg)
    journals = _Journals(journal)
    hold = _Hold()

    kind = w.Dropdown(
        options=[(KIND_LABELS[k], k) for k in DASHBOARD_KINDS],
        value="timeline",
        description="Figure:",
        tooltip="Which figure of the journal to show.",
        style=_WIDE,
        layout=w.Layout(width="max-content"),
    )
    window = w.IntSlider(
        value=7,
        min=1,
        max=28,
        description="Smoothing (days):",
        tooltip="Rolling-mean window of the timeline, in days (7 smooths out weekdays).",
        continuous_update=True,
        style=_WIDE,
    )
    chooser = _journal_dropdown(journals)
    upload = w.FileUpload(
        accept=".csv,.json,.txt,.xlsx,text/csv,application/json",
        multiple=False,
        description="Upload a diary",
        tooltip="Read your own journal file (a CSV, a Bearable or Flaredown export, or a "
        "FHIR Bundle); it stays on this computer.",
    )
    dates = w.SelectionRangeSlider(
        options=[("-", None)],
        description="Dates:",
        tooltip="First and last day shown.",
        continuous_update=True,
        readout=False,
        style=_WIDE,
        layout=w.Layout(width="60%"),
    )
    dates_label = w.HTML(layout=w.Layout(width="max-content"))
    site = w.Dropdown(
        description="Site:",
        tooltip="Only entries recorded at this site of the leg.",
        style=_WIDE,
        layout=w.Layout(width="max-content"),
    )
    side = w.Dropdown(
        description="Side:",
        tooltip="Only entries recorded for this side (left, right or both legs).",
        style=_WIDE,
        layout=w.Layout(width="max-content"),
    )
    variable = w.Dropdown(
        description="Measure:",
        tooltip="The daily measure set against daily mean pain.",
        style=_WIDE,
        layout=w.Layout(width="max-content"),
    )
    lag = w.IntSlider(
        value=0,
        min=0,
        max=3,
        description="Lag (days):",
        tooltip="0: the same day; 1: the measure on the day before the pain; ...",
        style=_WIDE,
    )
    controls = {
        "journal": chooser,
        "upload": upload,
        "kind": kind,
        "window": window,
        "dates": dates,
        "site": site,
        "side": side,
        "variable": variable,
        "lag": lag,
    }
    status, flags, alt = w.HTML(), w.HTML(), w.HTML()
    shown = w.HTML()  # which journal the figure belongs to, right above it
    if render == "image":
        figure = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
    else:
        figure = w.Output()
    association_row = w.HBox([variable, lag])

    state: dict[str, Any] = {
        "journal": None,
        "figures": None,
        "picture": None,
        "prepare": None,
        "prepared": set(),  # journals whose first view was drawn while idle
    }
    figures_by_journal: dict[int, JournalFigures] = {}

    def view() -> JournalView:
        start, end = dates.value if dates.value and dates.value[0] is not None else (None, None)
        return JournalView(
            start=start,
            end=end,
            site=None if site.value == _ALL else site.value,
            side=None if side.value == _ALL else side.value,
            window=window.value,
            variable=variable.value or "activity_min",
            lag=lag.value,
        )

    def show(picture, alt_text: str | None) -> None:
        if render == "image":
            figure.value = picture.png
        else:
            figure.outputs = _figure_output(picture.png, alt_text or picture.alt)

    def redraw(_change=None) -> None:
        if hold.active or state["figures"] is None:
            return
        window.disabled = kind.value not in ("timeline", "overview")
        association_row.layout.display = "" if kind.value == "association" else "none"
        figures, current = state["figures"], view()
        if current.start is not None:
            n_days = (current.end - current.start).days + 1
            dates_label.value = (
                f"{current.start:%d %b %Y} to {current.end:%d %b %Y} "
                f"({n_days} day{'s' * (n_days != 1)})"
            )
        try:
            picture = figures.render(kind.value, current, with_alt=False)
            if render == "image":
                show(picture, None)  # the picture first: that is what the eye waits for
            text = figures.alt_text(kind.value, current)
            if render == "output":
                show(picture, text)
            picture = dataclasses.replace(picture, alt=text)
            alt.value = _alt_html(text)
            flags.value = _flags_html(figures.flags_for(current))
        except ValueError as error:  # AnalysisError: the journal lacks what this figure needs
            picture = figures.message(kind.value, f"This figure cannot be drawn: {error}")
            show(picture, picture.alt)
            alt.value = _message_html("This figure cannot be drawn for this journal:", error)
            flags.value = ""
        state["picture"] = picture
        box.picture = picture

    def prepare_later() -> None:
        """Make the other figures while the kernel is idle (one per turn of the loop)."""
        import asyncio

        if not prepare:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not in a kernel: figures are made when first shown
            return
        token = state["prepare"] = object()

        def other_journal() -> str | None:
            """Read the next journal of the list and draw its first view, if not done."""
            for _, key in chooser.options:
                if key == chooser.value or key in state["prepared"]:
                    continue
                state["prepared"].add(key)
                journal = journals.get(key)
                if journal.entries.empty or journal.entries["timestamp"].isna().all():
                    continue
                if id(journal) not in figures_by_journal:
                    figures_by_journal[id(journal)] = JournalFigures(journal, dpi=dpi)
                figures_by_journal[id(journal)].render(kind.value, first_view(journal.entries))
                return key
            return None

        def step() -> None:
            figures = state["figures"]
            if state["prepare"] is not token or figures is None:
                return  # another journal was chosen: its own preparation runs
            try:
                made = figures.prepare(view(), skip=kind.value) or other_journal()
            except Exception:  # a figure that fails says why when it is chosen
                made = None
            if made is not None:
                loop.call_later(0.05, step)

        loop.call_later(0.3, step)

    def first_view(entries) -> JournalView:
        """The view a journal opens with (all its days, sites and sides)."""
        days = journal_days(entries)
        measures = [v for v in ASSOCIATION_VARIABLES if v in entries.columns]
        return JournalView(
            start=days[0],
            end=days[-1],
            window=window.value,
            variable=measures[0] if measures else "activity_min",
            lag=lag.value,
        )

    def set_journal(journal: Journal) -> None:
        state["journal"] = journal
        box.journal = journal
        status.value = _journal_html(journal)
        shown.value = _shown_html(journal)
        entries = journal.entries
        if entries.empty or entries["timestamp"].isna().all():
            # clear what the previous journal showed: its figure, flags and description
            state["figures"] = box.figures = None
            text = f"Nothing to show for {journal.source}: no entry of this journal was kept."
            picture = _message_picture(kind.value, text, dpi=dpi)
            show(picture, text)
            state["picture"] = box.picture = picture
            flags.value = ""
            dates_label.value = ""
            alt.value = _message_html("Nothing to show:", text)
            return
        key = id(journal)
        if key not in figures_by_journal:
            figures_by_journal[key] = JournalFigures(journal, dpi=dpi)
        state["figures"] = box.figures = figures_by_journal[key]
        days = journal_days(entries)
        present = {
            column: set(entries[column].dropna().astype(str))
            for column in ("site", "side")
            if column in entries.columns
        }
        measures = [v for v in ASSOCIATION_VARIABLES if v in entries.columns]
        with hold:
            dates.options = [(f"{d:%d %b %Y}", d) for d in days]
            dates.value = (days[0], days[-1])
            site.options = [("all sites", _ALL)] + [
                (s.replace("_", " "), s) for s in SITES if s in present.get("site", ())
            ]
            site.value = _ALL
            side.options = [("all sides", _ALL)] + [
                (s, s) for s in SIDES if s in present.get("side", ())
            ]
            side.value = _ALL
            variable.options = [(_ASSOCIATION_NAMES.get(v, v), v) for v in measures]
            variable.value = measures[0] if measures else None
        redraw()
        prepare_later()

    def choose(_change=None) -> None:
        if hold.active:
            return
        try:
            set_journal(journals.get(chooser.value))
        except ValueError as error:  # JournalError from a bundled file
            status.value = _message_html("This journal cannot be read:", error)

    def on_upload(_change=None) -> None:
        from sci_pain.journal import JournalError

        if not upload.value:
            return
        item = upload.value[-1]
        buffer = io.BytesIO(bytes(item["content"]))
        buffer.name = str(item["name"])
        try:
            # recognised by content: a journal CSV, a Bearable or Flaredown export, FHIR
            kind, journal = read_diary(buffer.getvalue(), name=buffer.name)
        except (JournalError, ValueError) as error:
            still = state["journal"]
            status.value = _message_html(f"{item['name']} cannot be read as a journal:", error) + (
                f"<p><b>Still shown below:</b> {html.escape(str(still.source))}, the journal "
                "chosen before. Nothing of the file that failed is shown.</p>"
                if still is not None
                else ""
            )
            shown.value = _shown_html(still, note=f"{item['name']} could not be read")
            return
        key = journals.add_upload(buffer.name, journal)
        with hold:
            chooser.options = journals.options
        chooser.value = key
        if chooser.value == key and state["journal"] is not journal:
            choose()
        message = no_pain_ratings_message(kind, journal)
        if message:
            status.value = (
                _message_html("What can be shown:", message)
                + "<p>Notebook 09's upload lists what the file holds, on its own scales.</p>"
                + status.value
            )

    for control in (kind, window, dates, site, side, variable, lag):
        control.observe(redraw, names="value")
    chooser.observe(choose, names="value")
    upload.observe(on_upload, names="value")

    header = w.HTML(
        _STYLE + "<h4>Journal dashboard</h4><p>Choose a figure and a journal (or upload your "
        "own CSV), then narrow the dates, the site and the side. The smoothing window sets "
        "the rolling mean of the timeline. Red flags among the entries shown are listed "
        "above the figure; its description is below it.</p>"
    )
    box = w.VBox(
        [
            header,
            w.HBox([kind, window]),
            w.HBox([chooser, upload]),
            w.HBox([dates, dates_label]),
            w.HBox([site, side]),
            association_row,
            status,
            shown,
            flags,
            figure,
            alt,
        ],
        layout=w.Layout(border="1px solid #bbb", padding="6px 12px"),
    )
    box.add_class("sci-pain-dashboard")
    box.controls = controls
    box.status, box.flags, box.figure, box.alt = status, flags, figure, alt
    box.dates_label = dates_label
    box.shown = shown
    box.prepared = state["prepared"]
    box.picture = box.journal = box.figures = None
    choose()

    def current() -> tuple[bytes, str] | None:
        picture = state["picture"]
        return None if picture is None else (picture.png, picture.alt)

    _static_bundle(box, "Journal dashboard", current)
    return box


# -- did it help? ----------------------------------------------------------------------------


def _comparison_html(result) -> str:

    lines = [line for line in result.summary().split("\n") if line not in result.warnings]
    name = result.intervention or ""
    if "_" in name:  # "botulinum_toxin" reads as "botulinum toxin"
        lines = [line.replace(name, name.replace("_", " ")) for line in lines]
    from sci_pain.html import table

    measures = table(result.to_frame()).html.replace(
        'class="sci-pain-table"', 'class="sci-pain-table sci-pain-measures"', 1
    )
    warnings = "".join(f"<li>⚠ {html.escape(text)}</li>" for text in result.warnings)
    if result.excluded:
        lines.append(
            f"Wash-in: {result.excluded} day{'s' * (result.excluded != 1)} at the start of "
            "phase B left out (the wash-in slider; it goes back to 0 for another journal)."
        )
    return (
        "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + measures
        + (
            f'<p><b>Read with care:</b></p><ul class="sci-pain-warnings">{warnings}</ul>'
            if warnings
            else ""
        )
    )


def make_did_it_help(journal=None, *, dpi: int = 90):
    """Build "did it help?": pick an intervention and its start, see before against after.

    The phase plot (:func:`sci_pain.plot_phases`) shows the daily means before (A) and after
    (B) the start, and below it the comparison in words, its measures (NAP, Tau, Tau-BC with
    intervals) and every warning of :func:`sci_pain.compare_phases` (few days, a baseline
    trend, autocorrelation, regression to the mean, confounding).

    Parameters
    ----------
    journal : Journal or DataFrame, optional
        A journal to show first; the example journals are offered too.
    dpi : int, default 90

    Returns
    -------
    ipywidgets.VBox
        CSS class ``sci-pain-did-it-help``, with attributes ``controls`` (dict: ``journal``,
        ``intervention``, ``start``, ``washin``), ``figure`` (Output: the phase plot as an
        ``<img>`` with alt text), ``alt`` (HTML),
        ``summary`` (HTML: the comparison in words, the measures and the warnings),
        ``result`` (the last :class:`sci_pain.PhaseComparison`, or None) and ``journal``.

    Examples
    --------
    >>> box = make_did_it_help()
    >>> box.controls["intervention"].value
    'tens'
    >>> "Before tens" in box.summary.value
    True
    """
    import ipywidgets as w
    from matplotlib.figure import Figure

    from sci_pain.analysis import compare_phases
    from sci_pain.analysis import multi_values as _multi
    from sci_pain.journal import INTERVENTIONS
    from sci_pain.plotting import alt_text, plot_phases
    from sci_pain.style import style_context
    from sci_pain.widgets.dashboard import journal_days, render_png

    journals = _Journals(journal)
    hold = _Hold()
    chooser = _journal_dropdown(journals)
    intervention = w.Dropdown(
        description="Intervention:",
        tooltip="What started (latest first): its first recorded use is taken as the start.",
        style=_WIDE,
        layout=w.Layout(width="max-content"),
    )
    start = w.SelectionSlider(
        options=[("-", 0)],
        description="Phase B starts:",
        tooltip="The first day of the treatment phase (B); the days before are the baseline (A).",
        continuous_update=False,
        style=_WIDE,
        layout=w.Layout(width="80%"),
    )
    washin = w.IntSlider(
        value=0,
        min=0,
        max=28,
        description="Wash-in (days):",
        tooltip="Days at the start of B left out, for a treatment that takes time to act.",
        continuous_update=False,
        style=_WIDE,
    )
    controls = {"journal": chooser, "intervention": intervention, "start": start, "washin": washin}
    figure, alt, summary = w.Output(), w.HTML(), w.HTML()
    with style_context():
        fig = Figure(figsize=(8.5, 4.2), dpi=dpi)
        fig.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.25)
        ax = fig.add_subplot()
    state: dict[str, Any] = {"journal": None, "result": None, "png": None}

    def first_use(entries, name) -> Any:
        if name is None or "interventions" not in entries.columns:
            return None
        exploded = _multi(entries, "interventions")
        hits = entries.loc[exploded.index[exploded == name].unique(), "timestamp"]
        return None if hits.empty else hits.min().date()

    def redraw(_change=None) -> None:
        if hold.active or state["journal"] is None or not isinstance(start.value, _dt.date):
            return
        entries = state["journal"].entries
        try:
            result = compare_phases(
                entries,
                start=start.value,
                intervention=intervention.value,
                washin_days=washin.value,
            )
        except ValueError as error:  # AnalysisError: e.g. a phase without days
            state["result"] = box.result = None
            summary.value = _message_html("No comparison:", error)
            return
        with style_context():
            ax.clear()
            plot_phases(result, ax=ax)
            png = render_png(fig)
        text = alt_text("phases", result)
        figure.outputs = _figure_output(png, text)
        alt.value = _alt_html(text)
        summary.value = _comparison_html(result)
        state["result"] = box.result = result
        state["png"] = (png, text)

    def set_journal(journal: Journal) -> None:
        state["journal"] = box.journal = journal
        entries = journal.entries
        days = journal_days(entries)
        used = set()
        if "interventions" in entries.columns:
            used = set(_multi(entries, "interventions"))
        # in order of first use; the one started last (the longest baseline) comes first
        names = sorted(
            (i for i in INTERVENTIONS if i in used),
            key=lambda name: first_use(entries, name),
            reverse=True,
        )
        with hold:
            # a wash-in belongs to one treatment of one journal: never carry it over
            washin.value = 0
            start.options = [(f"{d:%d %b %Y}", d) for d in days[1:]] or [("-", 0)]
            intervention.options = [(n.replace("_", " "), n) for n in names] + [
                ("(none: compare before and after the start day)", None)
            ]
            intervention.value = names[0] if names else None
            place_start()
        redraw()

    def place_start() -> None:
        day = first_use(state["journal"].entries, intervention.value)
        options = [value for _, value in start.options]
        if day not in options:
            day = options[len(options) // 2]
        start.value = day

    def on_intervention(_change=None) -> None:
        if hold.active:
            return
        with hold:
            place_start()
        redraw()

    def choose(_change=None) -> None:
        try:
            set_journal(journals.get(chooser.value))
        except ValueError as error:
            summary.value = _message_html("This journal cannot be read:", error)

    chooser.observe(choose, names="value")
    intervention.observe(on_intervention, names="value")
    start.observe(redraw, names="value")
    washin.observe(redraw, names="value")
    header = w.HTML(
        _STYLE + "<h4>Did it help?</h4><p>Choose a journal and an intervention: the start "
        "of phase B is its first recorded use (move it to see how much the answer depends on "
        "it). Pain is better when lower.</p>"
    )
    box = w.VBox(
        [header, chooser, intervention, start, washin, figure, alt, summary],
        layout=w.Layout(border="1px solid #bbb", padding="6px 12px"),
    )
    box.add_class("sci-pain-did-it-help")
    box.controls = controls
    box.figure, box.alt, box.summary = figure, alt, summary
    box.result = box.journal = None
    choose()
    _static_bundle(box, "Did it help?", lambda: state["png"])
    return box
