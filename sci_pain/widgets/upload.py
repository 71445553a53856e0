"""Your own diary without code: upload it, map its columns, download a report and a copy.

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
>>> load_file(box, "my diary.csv", b"When;Level of pain\\n31/03/2026 08:00;4\\n")
>>> box.kind, [d.description for d in box.mapping.children]
('journal', ['When', 'Level of pain'])
>>> box.mapping.children[0].value = "timestamp"
>>> box.mapping.children[1].value = "pain"
>>> box.controls["date_format"].value = "%d/%m/%Y %H:%M"
>>> box.journal.n_entries
1
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sci_pain.widgets._base import (
    BORDER,
    WIDE,
    dropdown,
    message_html,
    notice_html,
    style_html,
)
from sci_pain.widgets._journals import journal_html, read_upload, upload_control, uploaded_file

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
                p for p in base.iterdir() if p.suffix.lower() in (".csv", ".json", ".txt")
            )
    return []


def load_file(box, name: str, content: bytes) -> None:
    """Hand a file to an upload widget, as the upload button does (for tests and scripts)."""
    box._load(name, bytes(content))


def make_journal_upload(*, folder: str | Path | None = "my_journals"):
    """Build the no-code upload: read a diary file, map it, make a report and a copy to share.

    Upload a file (or choose one from ``folder``): it is recognised by its content as a
    pain-journal CSV, a Bearable or Flaredown export, or a FHIR Bundle
    (:func:`sci_pain.journal.upload.detect_journal_format`). For a journal CSV whose headers do not
    match the format, a drop-down per unmatched header says what that column holds; the
    date format is picked from a list, with a preview of how the first dates read (day
    first and month first are never guessed). The summary and the problems table follow
    every change. When the file holds no 0-10 pain rating (Bearable and Flaredown rate
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
        ``mine``, ``date_format``, ``injury_level``, ``expand``, ``report``, ``csv``), ``mapping``
        (VBox of one Dropdown per unmatched header, its description the header),
        ``found`` (HTML: what the file was recognised as), ``dates`` (HTML: the date
        preview), ``status`` (HTML: summary and problems, or why nothing can be shown),
        ``context`` (HTML), ``downloads`` (HTML: the links), ``kind`` and ``journal``.
    """
    import ipywidgets as w

    from sci_pain.journal import (
        COLUMN_LABELS,
        DATE_FORMATS,
        JOURNAL_FORMATS,
        JournalError,
        detect_journal_format,
        diary_context,
        file_columns,
        no_pain_ratings_message,
        preview_dates,
    )

    upload = upload_control(
        "Upload a diary file",
        "A CSV journal, a Bearable or Flaredown export, or a FHIR Bundle; it stays "
        "on this computer.",
        width="max-content",
    )
    files = _my_files(folder)
    mine = dropdown(
        f"or a file in {Path(folder).name}/:" if folder else "or a file:",
        "Files you keep in your own folder (git ignores it).",
        options=[("(choose a file)", None)] + [(p.name, str(p)) for p in files],
        value=None,
        layout=w.Layout(width="max-content", display="" if files else "none"),
    )
    date_format = dropdown(
        "Dates in the file are written:",
        "How the date column writes dates; look at the preview next to it.",
        options=list(DATE_FORMATS),
        value=None,
    )
    t6 = dropdown(
        "Level of the injury (for the report's red flags):",
        "At or above T6 a surge of spasms is an emergency (autonomic dysreflexia).",
        options=[
            ("not known", "unknown"),
            ("at or above T6", "at_or_above_T6"),
            ("below T6", "below_T6"),
        ],
        value="unknown",
    )
    expand = w.Checkbox(
        value=False,
        description="Every section of the report open (a longer printout)",
        style=WIDE,
        indent=False,
        layout=w.Layout(width="max-content"),
    )
    report_button = w.Button(
        description="Make the clinic report",
        tooltip="A one-file HTML page to print or take to a clinic visit.",
        icon="file-text",
        disabled=True,
        layout=w.Layout(width="max-content"),
    )
    csv_button = w.Button(
        description="Make a de-identified CSV",
        tooltip="A copy to share with a class: no notes, pains renamed, dates moved.",
        icon="user-secret",
        disabled=True,
        layout=w.Layout(width="max-content"),
    )
    found, dates, status, context, downloads = (w.HTML() for _ in range(5))
    mapping = w.VBox()
    mapping_title = w.HTML()
    mapping_area = w.VBox([mapping_title, mapping, w.HBox([date_format, dates])])
    mapping_area.layout.display = "none"
    state: dict[str, Any] = {"data": None, "name": None, "kind": None, "journal": None}
    controls = {
        "upload": upload,
        "mine": mine,
        "date_format": date_format,
        "injury_level": t6,
        "expand": expand,
        "report": report_button,
        "csv": csv_button,
    }

    def set_journal(journal: Journal | None) -> None:
        state["journal"] = box.journal = journal
        usable = (
            journal is not None and journal.n_entries > 0 and journal.entries["pain"].notna().any()
        )
        report_button.disabled = csv_button.disabled = not usable
        show_link()

    def show_link(kind: str | None = None, link: str = "") -> None:
        """Keep one link per kind (report, CSV) for the journal shown; none for another."""
        links = state.setdefault("links", {})
        if kind is None:
            links.clear()
        else:
            links[kind] = link
        downloads.value = "".join(links[k] for k in ("report", "csv") if k in links)

    def columns_chosen() -> dict[str, str]:
        return {d.description: d.value for d in mapping.children if d.value is not None}

    def timestamp_header() -> str | None:
        _, matched = file_columns(state["data"])
        chosen = {**matched, **columns_chosen()}
        return next((h for h, column in chosen.items() if column == "timestamp"), None)

    def show_dates() -> None:
        header = timestamp_header()
        if header is None:
            dates.value = "<i>Choose the column with the date and time first.</i>"
            return
        shown = preview_dates(state["data"], header, date_format.value)
        items = "".join(
            f"<li><code>{html.escape(raw)}</code> → "
            + (html.escape(read) if read else "<b>not a date in this format</b>")
            + "</li>"
            for raw, read in shown
        )
        fits = [
            label
            for label, fmt in DATE_FORMATS
            if shown and all(read for _, read in preview_dates(state["data"], header, fmt))
        ]
        hint = ""
        if shown and not all(read for _, read in shown):
            hint = (
                "<p>Formats that read these dates: "
                + html.escape("; ".join(fits) or "none of the list")
                + ". Pick the one the file really uses: only you know whether 03/04 is "
                "3 April or 4 March.</p>"
            )
        dates.value = f"<ul style='margin:2px 0'>{items}</ul>{hint}"

    def reread(_change=None) -> None:
        if state["data"] is None or state["kind"] != "journal":
            return
        _, matched = file_columns(state["data"])
        chosen = {**matched, **columns_chosen()}
        show_dates()
        missing = [c for c in ("timestamp", "pain") if c not in chosen.values()]
        if missing:
            needed = " and ".join(COLUMN_LABELS[c].replace(" (required)", "") for c in missing)
            status.value = (
                f'<p class="sci-pain-needed"><b>Which column holds the {html.escape(needed)}?'
                "</b> Choose it in the drop-downs above: each names a column of your file.</p>"
            )
            set_journal(None)
            return
        _, journal, problem = read_upload(
            state["name"],
            state["data"],
            title=f"{state['name']} cannot be read:",
            columns=columns_chosen(),
            date_format=date_format.value,
        )
        set_journal(journal)
        if problem is not None:
            status.value = problem
            return
        message = no_pain_ratings_message("journal", journal)
        status.value = (
            message_html("Nothing to show yet:", message) if message else ""
        ) + journal_html(journal)

    def load(name: str, data: bytes) -> None:
        state.update(data=data, name=name, kind=None)
        box.kind = None
        context.value = ""
        show_link()
        mapping.children = ()
        mapping_area.layout.display = "none"
        try:
            kind = detect_journal_format(data, name=name)
        except JournalError as error:
            found.value = ""
            status.value = message_html(f"{name} cannot be read:", error)
            set_journal(None)
            return
        state["kind"] = box.kind = kind
        found.value = (
            f"<p><b>{html.escape(name)}</b> was recognised as {html.escape(JOURNAL_FORMATS[kind])}"
            " (from its content).</p>"
        )
        if kind == "journal":
            headers, matched = file_columns(data)
            unmatched = [h for h in headers if h not in matched][:_MAX_MAPPED]
            free = [c for c in COLUMN_LABELS if c not in matched.values()]
            with_hold = []
            for header in unmatched:
                column = dropdown(
                    header,
                    f"What the column {header!r} of your file holds.",
                    options=[("not used", None)] + [(COLUMN_LABELS[c], c) for c in free],
                    value=None,
                )
                column.observe(reread, names="value")
                with_hold.append(column)
            mapping.children = tuple(with_hold)
            matched_text = (
                ", ".join(f"{h} ({COLUMN_LABELS[c]})" for h, c in matched.items()) or "none"
            )
            mapping_title.value = (
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
            mapping_area.layout.display = ""
            reread()
            return
        _, journal, problem = read_upload(name, data, title=f"{name} cannot be read:")
        set_journal(journal)
        if problem is not None:
            status.value = problem
            return
        message = no_pain_ratings_message(kind, journal)
        status.value = (
            notice_html("What can be shown.", message) if message else journal_html(journal)
        )
        context.value = _context_html(diary_context(kind, data))

    def on_upload(_change=None) -> None:
        given = uploaded_file(upload)
        if given is not None:
            load(*given)

    def on_mine(_change=None) -> None:
        if mine.value is None:
            return
        path = Path(mine.value)
        load(path.name, path.read_bytes())

    def make_report(_button=None) -> None:
        from sci_pain.html import report_html

        journal = state["journal"]
        if journal is None:
            return
        report_button.disabled = True
        show_link("report", "<p>Making the report (a few seconds)...</p>")
        try:
            page = report_html(
                journal,
                title=f"Pain journal report: {Path(state['name']).stem}",
                injury_level=t6.value,
                expand=expand.value,
            )
        finally:
            report_button.disabled = False
        stem = Path(state["name"]).stem or "journal"
        show_link(
            "report",
            _download_html(
                "Download the clinic report", f"{stem}_report.html", "text/html", page.encode()
            )
            + (
                "<p>Open it in a browser to read or print it; it holds everything and "
                "fetches nothing. Nothing is saved on this computer until you download it.</p>"
            ),
        )

    def make_csv(_button=None) -> None:
        from sci_pain.journal import deidentify

        journal = state["journal"]
        if journal is None:
            return
        shared = deidentify(journal)
        stem = Path(state["name"]).stem or "journal"
        show_link(
            "csv",
            _download_html(
                "Download the de-identified CSV",
                f"{stem}_deidentified.csv",
                "text/csv",
                shared.to_csv().encode("utf-8"),
            )
            + (
                "<p>Notes and extra columns dropped, pains renamed, every date moved by the "
                "same random number of weeks. It lowers the risk of recognising the person; "
                "it does not remove it.</p>"
            ),
        )

    upload.observe(on_upload, names="value")
    mine.observe(on_mine, names="value")
    date_format.observe(reread, names="value")
    report_button.on_click(make_report)
    csv_button.on_click(make_csv)

    header = w.HTML(
        style_html("journal")
        + style_html("upload")
        + "<h4>Your own diary, without code</h4><p>Upload a diary "
        "file: a journal CSV from a spreadsheet, a Bearable or Flaredown export, or a FHIR "
        "Bundle. It is read on this computer and goes nowhere else. Then make a clinic "
        "report, or a de-identified copy to share with a class, and download it.</p>"
    )
    box = w.VBox(
        [
            header,
            w.HBox([upload, mine]),
            found,
            mapping_area,
            status,
            context,
            w.VBox([t6, expand]),
            w.HBox([report_button, csv_button]),
            downloads,
        ],
        layout=w.Layout(**BORDER),
    )
    box.add_class("sci-pain-upload")
    box.controls = controls
    box.mapping, box.found, box.dates, box.status = mapping, found, dates, status
    box.context, box.downloads = context, downloads
    box.kind = box.journal = None
    box._load = load
    return box
