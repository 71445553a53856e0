r"""Your own diary without code: upload it, map its columns, download a report and a copy.

Wiring only: :mod:`sci_pain.journal.upload` recognises and reads the file, :func:`sci_pain.report_html`
makes the report and :func:`sci_pain.deidentify` the copy to share. The builder returns its
container without displaying it (CSS class ``sci-pain-upload``), with its controls in
``box.controls`` (set ``.value`` in code to drive them) and what it shows as attributes.

Nothing is written to disk: the report and the de-identified CSV are offered as download
links that carry the file inside the page (``data:`` URLs), so nothing lands in the project
folder and nothing leaves the computer.

Examples
--------
>>> box = make_journal_upload(folder=None)
>>> load_file(box, "my diary.csv", b"When;Level of pain\n01/04/2026 08:00;4\n")
>>> box.kind, [d.description for d in box.mapping.children]
('journal', ['When', 'Level of pain'])
>>> box.mapping.children[0].value = "timestamp"
>>> box.mapping.children[1].value = "pain"
>>> "could be day first or month first" in box.status.value
True
>>> box.controls["date_order"].value = "day first"
>>> box.journal.n_entries, f"{box.journal.entries['timestamp'][0]:%d %B}"
(1, '01 April')
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import TYPE_CHECKING

from sci_pain.widgets._base import (
    BORDER,
    WIDE,
    FigureView,
    Hold,
    checkbox,
    dropdown,
    message_html,
    notice_html,
    style_html,
)
from sci_pain.widgets._journals import (
    date_order_control,
    journal_html,
    read_upload,
    upload_control,
    uploaded_file,
)

if TYPE_CHECKING:
    from sci_pain.journal import Journal

__all__ = ["make_journal_upload", "load_file"]

_MAX_MAPPED = 20


def _download_html(label: str, filename: str, mime: str, content: bytes) -> str:
    data = base64.b64encode(content).decode("ascii")
    size = f"{max(1, round(len(content) / 1024))} KB"
    return (
        f'<a class="sci-pain-download" download="{html.escape(filename, quote=True)}" '
        f'href="data:{mime};base64,{data}">⬇ {html.escape(label)} '
        f"({html.escape(filename)}, {size})</a>"
    )


def _context_html(table) -> str:
    if table.empty:
        return ""
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(str(value))}</td>"
            for value in (
                r.kind,
                r.item,
                r.scale,
                r.days,
                ""
                if r.first_day is None or str(r.first_day) == "NaT"
                else f"{r.first_day:%d %b %Y}",
                "" if r.last_day is None or str(r.last_day) == "NaT" else f"{r.last_day:%d %b %Y}",
                r.values,
            )
        )
        + "</tr>"
        for r in table.itertuples(index=False)
    )
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "Kind",
            "Item",
            "Scale (the app's own)",
            "Days logged",
            "First day",
            "Last day",
            "Values as written",
        )
    )
    return (
        "<p><b>What the file holds besides 0-10 pain</b>, each on the app's own scale "
        "(context only: nothing here is converted to a pain score):</p>"
        f'<table class="sci-pain-context"><thead><tr>{head}</tr></thead><tbody>{rows}'
        "</tbody></table>"
    )


def _my_files(folder: str | Path | None) -> list[Path]:
    """Diary files in the learner's folder (looked for here and one level up)."""
    if folder is None:
        return []
    for base in (Path(folder), Path("..") / folder):
        if base.is_dir():
            return sorted(
                p for p in base.iterdir() if p.suffix.lower() in (".csv", ".json", ".txt", ".xlsx")
            )
    return []


def load_file(box, name: str, content: bytes) -> None:
    """Hand a file to an upload widget, as the upload button does (for tests and scripts)."""
    box._load(name, bytes(content))


def _button(description: str, tooltip: str, icon: str):
    """Make a download button, off until a journal with pain ratings is read."""
    import ipywidgets as w

    return w.Button(
        description=description,
        tooltip=tooltip,
        icon=icon,
        disabled=True,
        layout=w.Layout(width="max-content"),
    )


def _controls(folder: str | Path | None) -> dict:
    """Make the upload widget's controls, by name."""
    import ipywidgets as w

    files = _my_files(folder)
    return {
        "upload": upload_control(
            "Upload a diary file",
            "A CSV or .xlsx journal, a Bearable, Flaredown or Pain Diary export, or a FHIR "
            "Bundle; it stays on this computer.",
            width="max-content",
        ),
        "mine": dropdown(
            f"or a file in {Path(folder).name}/:" if folder else "or a file:",
            "Files you keep in your own folder (git ignores it).",
            options=[("(choose a file)", None)] + [(p.name, str(p)) for p in files],
            value=None,
            layout=w.Layout(width="max-content", display="" if files else "none"),
        ),
        "date_order": date_order_control(),
        "injury_level": dropdown(
            "Level of the injury (for the report's red flags):",
            "At or above T6 a surge of spasms is an emergency (autonomic dysreflexia).",
            options=[
                ("not known", "unknown"),
                ("at or above T6", "at_or_above_T6"),
                ("below T6", "below_T6"),
            ],
            value="unknown",
        ),
        "expand": checkbox(
            "Every section of the report open (a longer printout)",
            width="max-content",
            style=WIDE,
        ),
        "report": _button(
            "Make the clinic report",
            "A one-file HTML page to print or take to a clinic visit.",
            "file-text",
        ),
        "csv": _button(
            "Make a de-identified CSV",
            "A copy to share with a class: no notes, pains renamed, dates moved.",
            "user-secret",
        ),
    }


def _dates_html(examples: list[str], date_order: str | None) -> str:
    """Show how dates as written read in the order chosen (or that one must be chosen)."""
    from sci_pain.journal import preview_date_order

    if not examples:
        return ""
    if date_order is None:
        items = "".join(f"<li><code>{html.escape(t)}</code></li>" for t in examples)
        return f"<p>Dates as written:</p><ul style='margin:2px 0'>{items}</ul>"
    items = "".join(
        f"<li><code>{html.escape(raw)}</code> → "
        + (html.escape(read) if read else "<b>not a date in this order</b>")
        + "</li>"
        for raw, read in preview_date_order(examples, date_order)
    )
    return f"<p>Read as:</p><ul style='margin:2px 0'>{items}</ul>"


def _mapping_title(matched: dict[str, str], unmatched: list[str]) -> str:
    """Say which headers matched a journal column by name, and what is left to map."""
    from sci_pain.journal import COLUMN_LABELS

    matched_text = ", ".join(f"{h} ({COLUMN_LABELS[c]})" for h, c in matched.items()) or "none"
    return (
        "<p><b>Columns and dates.</b> Matched by name: "
        + html.escape(matched_text)
        + "."
        + (
            " Say what each other column of your file holds:"
            if unmatched
            else " Every column matched."
        )
        + "</p>"
    )


def _needed_html(missing: list[str]) -> str:
    """Ask for the column of each required field the mapping lacks."""
    from sci_pain.journal import COLUMN_LABELS

    needed = " and ".join(COLUMN_LABELS[c].replace(" (required)", "") for c in missing)
    return (
        f'<p class="sci-pain-needed"><b>Which column holds the {html.escape(needed)}?'
        "</b> Choose it in the drop-downs above: each names a column of your file.</p>"
    )


_REPORT_NOTE = (
    "<p>Open it in a browser to read or print it; it holds everything and "
    "fetches nothing. Nothing is saved on this computer until you download it.</p>"
)
_CSV_NOTE = (
    "<p>Notes and extra columns dropped, pains renamed, every date moved by the "
    "same random number of weeks. It lowers the risk of recognising the person; "
    "it does not remove it.</p>"
)
_HEADER = (
    "<h4>Your own diary, without code</h4><p>Upload a diary "
    "file: a journal CSV or .xlsx workbook from a spreadsheet, a Bearable, Flaredown or "
    "Privacy Friendly Pain Diary export, or a FHIR Bundle. It is read on this computer and "
    "goes nowhere else. Then make a clinic "
    "report, or a de-identified copy to share with a class, and download it.</p>"
)


class _Upload:
    """The upload widget's state and callbacks; ``box`` is what the builder returns."""

    def __init__(self, folder: str | Path | None):
        import ipywidgets as w

        self.controls = c = _controls(folder)
        self.found, self.dates, self.status, self.context, self.downloads = (
            w.HTML() for _ in range(5)
        )
        self.date_note = w.HTML()  # the date order the file showed, when it decided it
        self.mapping = w.VBox()
        self.mapping_title = w.HTML()
        self.mapping_area = w.VBox([self.mapping_title, self.mapping])
        self.mapping_area.layout.display = "none"
        self.date_area = w.HBox([c["date_order"], self.dates])
        self.date_area.layout.display = "none"
        self.view = FigureView()
        self.data: bytes | None = None
        self.name: str | None = None
        self.kind: str | None = None
        self.journal: Journal | None = None
        self.examples: list[str] = []
        self.links: dict[str, str] = {}
        self.hold = Hold()
        c["upload"].observe(self.on_upload, names="value")
        c["mine"].observe(self.on_mine, names="value")
        c["date_order"].observe(self.on_date_order, names="value")
        c["report"].on_click(self.make_report)
        c["csv"].on_click(self.make_csv)
        self.box = self._layout()

    def _layout(self):
        import ipywidgets as w

        c = self.controls
        box = w.VBox(
            [
                w.HTML(style_html("journal") + style_html("upload") + _HEADER),
                w.HBox([c["upload"], c["mine"]]),
                self.found,
                self.date_note,
                self.mapping_area,
                self.date_area,
                self.status,
                self.view.figure,
                self.view.alt,
                self.context,
                w.VBox([c["injury_level"], c["expand"]]),
                w.HBox([c["report"], c["csv"]]),
                self.downloads,
            ],
            layout=w.Layout(**BORDER),
        )
        box.add_class("sci-pain-upload")
        box.controls = c
        box.mapping, box.found, box.dates, box.status = (
            self.mapping,
            self.found,
            self.dates,
            self.status,
        )
        box.context, box.downloads, box.date_note = self.context, self.downloads, self.date_note
        box.date_area, box.figure, box.figure_alt = self.date_area, self.view.figure, self.view.alt
        box.kind = box.journal = None
        box._load = self.load
        return box

    # -- what is shown -------------------------------------------------------------------
    def set_journal(self, journal: Journal | None) -> None:
        """Keep the journal read (or None); show its timeline; the buttons need pain ratings."""
        self.journal = self.box.journal = journal
        usable = (
            journal is not None and journal.n_entries > 0 and journal.entries["pain"].notna().any()
        )
        self.controls["report"].disabled = self.controls["csv"].disabled = not usable
        self.show_link()
        if usable:
            self.draw(journal)
        else:
            self.view.figure.outputs = ()
            self.view.shown = None
            self.view.alt.value = ""

    def draw(self, journal: Journal) -> None:
        """Draw the journal's pain timeline, described below it."""
        from matplotlib.figure import Figure

        from sci_pain.plotting import plot_timeline, render_png, timeline_alt_text, timeline_data

        data = timeline_data(journal, flags=True)
        figure = Figure(figsize=(8, 3), dpi=80, layout="constrained")
        plot_timeline(ax=figure.add_subplot(), data=data, title=f"Pain: {Path(self.name).name}")
        alt = timeline_alt_text(data)
        self.view.show(render_png(figure), alt)
        self.view.describe(alt)

    def show_link(self, kind: str | None = None, link: str = "") -> None:
        """Keep one link per kind (report, CSV) for the journal shown; none for another."""
        if kind is None:
            self.links.clear()
        else:
            self.links[kind] = link
        self.downloads.value = "".join(self.links[k] for k in ("report", "csv") if k in self.links)

    def columns_chosen(self) -> dict[str, str]:
        """Return the journal column chosen for each unmatched header."""
        return {d.description: d.value for d in self.mapping.children if d.value is not None}

    def show_dates(self, error: Exception | None) -> None:
        """Offer the date order when the dates need it, with how the first dates read."""
        if error is not None and getattr(error, "needs_date_order", False):
            self.examples = list(getattr(error, "examples", ()))
        if not self.examples:
            return
        self.date_area.layout.display = ""
        self.dates.value = _dates_html(self.examples, self.controls["date_order"].value)

    def show_order_found(self, journal: Journal | None) -> None:
        """Say which date order the file's own dates showed, when nobody had to choose it."""
        from sci_pain.journal import date_order_read

        said = None
        if journal is not None and self.controls["date_order"].value is None:
            said = date_order_read(journal)
        self.date_note.value = f"<p>{html.escape(said)}</p>" if said else ""

    # -- reading -------------------------------------------------------------------------
    def read(self, **options) -> Journal | None:
        """Read the file with the date order chosen; say what went wrong, or None."""
        _, journal, problem, error = read_upload(
            self.name,
            self.data,
            title=f"{self.name} cannot be read yet:",
            date_order=self.controls["date_order"].value,
            **options,
        )
        self.show_dates(error)
        self.show_order_found(journal)
        self.set_journal(journal)
        if problem is not None:
            self.status.value = problem
        return journal

    def reread(self, _change=None) -> None:
        """Read a journal CSV again with the columns and date order chosen."""
        from sci_pain.journal import file_columns, no_pain_ratings_message

        if self.data is None or self.kind != "journal":
            return
        _, matched = file_columns(self.data)
        chosen = {**matched, **self.columns_chosen()}
        missing = [c for c in ("timestamp", "pain") if c not in chosen.values()]
        if missing:
            self.status.value = _needed_html(missing)
            self.set_journal(None)
            return
        journal = self.read(columns=self.columns_chosen())
        if journal is None:
            return
        message = no_pain_ratings_message("journal", journal)
        self.status.value = (
            message_html("Nothing to show yet:", message) if message else ""
        ) + journal_html(journal)

    def on_date_order(self, _change=None) -> None:
        if self.hold.active or self.data is None:
            return
        if self.kind == "journal":
            self.reread()
        elif self.kind is not None:
            self.read_export()

    def load(self, name: str, data: bytes) -> None:
        """Recognise a file by its content, then read it (a journal CSV: map it first)."""
        from sci_pain.journal import JOURNAL_FORMATS, JournalError, detect_journal_format

        self.data, self.name, self.kind = data, name, None
        self.box.kind = None
        self.context.value = ""
        self.examples = []
        with self.hold:
            self.controls["date_order"].value = None
        self.dates.value = self.date_note.value = ""
        self.date_area.layout.display = "none"
        self.show_link()
        self.mapping.children = ()
        self.mapping_area.layout.display = "none"
        try:
            kind = detect_journal_format(data, name=name)
        except JournalError as error:
            self.found.value = ""
            self.status.value = message_html(f"{name} cannot be read:", error)
            self.set_journal(None)
            return
        self.kind = self.box.kind = kind
        self.found.value = (
            f"<p>Recognised from its content: <b>{html.escape(name)}</b> is "
            f"{html.escape(JOURNAL_FORMATS[kind])}.</p>"
        )
        if kind == "journal":
            self.map_columns()
        else:
            self.read_export()

    def map_columns(self) -> None:
        """Offer a drop-down per header that matched no journal column, then read the file."""
        from sci_pain.journal import COLUMN_LABELS, file_columns

        headers, matched = file_columns(self.data)
        unmatched = [h for h in headers if h not in matched][:_MAX_MAPPED]
        free = [c for c in COLUMN_LABELS if c not in matched.values()]
        columns = []
        for header in unmatched:
            column = dropdown(
                header,
                f"What the column {header!r} of your file holds.",
                options=[("not used", None)] + [(COLUMN_LABELS[c], c) for c in free],
                value=None,
            )
            column.observe(self.reread, names="value")
            columns.append(column)
        self.mapping.children = tuple(columns)
        self.mapping_title.value = _mapping_title(matched, unmatched)
        self.mapping_area.layout.display = ""
        self.reread()

    def read_export(self) -> None:
        """Read an app's export, a workbook or a FHIR Bundle; list what it holds besides pain."""
        from sci_pain.journal import diary_context, no_pain_ratings_message

        journal = self.read()
        if journal is None:
            return
        message = no_pain_ratings_message(self.kind, journal)
        self.status.value = (
            notice_html("What can be shown.", message) if message else journal_html(journal)
        )
        self.context.value = _context_html(diary_context(self.kind, self.data))

    def on_upload(self, _change=None) -> None:
        given = uploaded_file(self.controls["upload"])
        if given is not None:
            self.load(*given)

    def on_mine(self, _change=None) -> None:
        mine = self.controls["mine"]
        if mine.value is None:
            return
        path = Path(mine.value)
        self.load(path.name, path.read_bytes())

    # -- downloads -----------------------------------------------------------------------
    def make_report(self, _button=None) -> None:
        """Make the clinic report of the journal read and offer it as a download."""
        from sci_pain.html import report_html

        journal, button = self.journal, self.controls["report"]
        if journal is None:
            return
        button.disabled = True
        self.show_link("report", "<p>Making the report (a few seconds)...</p>")
        try:
            page = report_html(
                journal,
                title=f"Pain journal report: {Path(self.name).stem}",
                injury_level=self.controls["injury_level"].value,
                expand=self.controls["expand"].value,
            )
        finally:
            button.disabled = False
        stem = Path(self.name).stem or "journal"
        link = _download_html(
            "Download the clinic report", f"{stem}_report.html", "text/html", page.encode()
        )
        self.show_link("report", link + _REPORT_NOTE)

    def make_csv(self, _button=None) -> None:
        """Make a de-identified copy of the journal read and offer it as a download."""
        from sci_pain.journal import deidentify

        if self.journal is None:
            return
        shared = deidentify(self.journal)
        stem = Path(self.name).stem or "journal"
        link = _download_html(
            "Download the de-identified CSV",
            f"{stem}_deidentified.csv",
            "text/csv",
            shared.to_csv().encode("utf-8"),
        )
        self.show_link("csv", link + _CSV_NOTE)


def make_journal_upload(*, folder: str | Path | None = "my_journals"):
    """Build the no-code upload: read a diary file, map it, make a report and a copy to share.

    Upload a file (or choose one from ``folder``): it is recognised by its content as a
    pain-journal CSV or ``.xlsx`` workbook, a Bearable, Flaredown or Privacy Friendly Pain
    Diary export, or a FHIR Bundle
    (:func:`sci_pain.journal.upload.detect_journal_format`). For a journal CSV whose headers do not
    match the format, a drop-down per unmatched header says what that column holds. For
    every kind of file whose dates could be day first or month first (every day 12 or
    less), the widget asks which, in plain words, and offers the date order (day first,
    month first, year first) with how the first dates read: nothing is guessed. The summary,
    the problems table and the pain timeline follow every change. When the file holds no 0-10 pain rating (Bearable and Flaredown rate
    symptoms 0-4), the widget says what cannot be shown and lists what the file does hold,
    on its own scales.

    Two buttons make the clinic report (:func:`sci_pain.report_html`) and a de-identified
    CSV (:func:`sci_pain.deidentify`) and offer each as a download link. Nothing is written
    to disk.

    Parameters
    ----------
    folder : str or path, optional
        A folder of the learner's own files (default ``my_journals``, looked for in the
        working folder and the one above it); None: upload only.

    Returns
    -------
    ipywidgets.VBox
        CSS class ``sci-pain-upload``, with attributes ``controls`` (dict: ``upload``,
        ``mine``, ``date_order``, ``injury_level``, ``expand``, ``report``, ``csv``), ``mapping``
        (VBox of one Dropdown per unmatched header, its description the header),
        ``found`` (HTML: what the file was recognised as), ``date_area`` (the date order
        and ``dates``, HTML: how the first dates read; shown when the dates need it),
        ``date_note`` (HTML: the order the file's dates showed, when nobody had to choose,
        e.g. "Dates read as day/month (day first), as the file shows: ..."),
        ``figure`` and ``figure_alt`` (the pain timeline and its description),
        ``status`` (HTML: summary and problems, or why nothing can be shown),
        ``context`` (HTML), ``downloads`` (HTML: the links), ``kind`` and ``journal``.
    """
    return _Upload(folder).box
