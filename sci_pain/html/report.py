"""The clinic report: one self-contained HTML page about a pain journal.

:func:`report_html` turns a :class:`~sci_pain.journal.reader.Journal` into a page a person could
print or open on a phone at a clinic visit; :func:`write_report` writes it to a file (the
``sci-pain report`` command calls it). The page holds, in this order:

1. a note that the report is **not a diagnosis**;
2. **red flags** found by :func:`~sci_pain.analysis.scan_red_flags`, first and prominent;
3. the **period**: first and last day, entries, missed days, the pain's spread, a calendar;
4. the **trend**: the Theil-Sen slope in points per week with its interval, in words;
5. **patterns**: time of day, weekday, sites and descriptors;
6. **interventions** with a clear start, each compared before and after with
   :func:`~sci_pain.analysis.compare_phases` (effect sizes in words, with their warnings);
7. **links** of pain with activity, sleep, spasms and immobility
   (:func:`~sci_pain.analysis.associations`) and their caution;
8. the person's own **notes**, and the **problems found when reading** the file (a table).

The page is self-contained: CSS inline, figures embedded as PNG ``data:`` URLs with alt text
(:func:`~sci_pain.html.figures.figure_html`), no scripts, no links to anything outside the page
(a Content-Security-Policy forbids it too), and a print style sheet. Every piece of text
that comes from the journal (notes, file name, values in the problems table, the title) is
HTML-escaped: a note ``<script>`` appears as the text ``<script>``. Nothing in the page
depends on the clock, so the same journal always gives the same page.

Examples
--------
>>> import sci_pain as sp
>>> page = report_html(sp.load_example_journal("dvt"))
>>> page.startswith("<!DOCTYPE html>"), "<script" in page, "http://" in page
(True, False, False)
>>> "Not a diagnosis" in page and 'id="red-flags"' in page
True
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sci_pain.html._format import day_long, plural
from sci_pain.html._templates import Markup, render, stylesheet
from sci_pain.html.report_interventions import interventions_section
from sci_pain.html.report_model import ReportModel, build_report_model
from sci_pain.html.report_sections import (
    NOT_A_DIAGNOSIS,
    REPORT_SECTIONS,
    Highlights,
    Section,
    about_section,
    fill_figures,
    flags_section,
    glance_section,
    links_section,
    notes_section,
    patterns_section,
    period_section,
    problems_section,
    request_figures,
    start_drawing,
    trend_section,
)

if TYPE_CHECKING:
    from sci_pain.html._background import Worker

__all__ = [
    "REPORT_SECTIONS",
    "REPORT_STAGES",
    "ProgressCallback",
    "render_report",
    "report_html",
    "write_report",
]

ProgressCallback = Callable[[int, int, str], None]
"""``progress(done, total, message)``: called before each stage and once at the end."""

REPORT_STAGES: tuple[str, ...] = (
    "Summarising the period",
    "Scanning for red flags",
    "Looking for patterns",
    "Comparing before and after interventions",
    "Drawing the trend",
    "Looking at links with activity, sleep and spasms",
    "Listing notes and reading problems",
    "Putting the page together",
)
"""The stages :func:`report_html` reports to its ``progress`` callback, in order."""


def report_html(
    journal,
    *,
    title: str | None = None,
    injury_level: str = "unknown",
    expand: bool = False,
    progress: ProgressCallback | None = None,
    parallel: bool = False,
    drawing: Worker | None = None,
) -> str:
    """Build the clinic report for a journal as one self-contained HTML page.

    The first page says what matters: the red flags, then "At a glance" (the period, the
    trend with the timeline, the two or three clearest patterns, and what changed after
    each intervention). The details follow, each folded under its heading (``<details>``),
    so that a year's journal prints on at most four A4 pages; ``expand=True`` opens them.

    Parameters
    ----------
    journal : Journal or DataFrame
        A :class:`~sci_pain.journal.reader.Journal` (its ``problems`` are listed at the end), or
        journal entries alone.
    title : str, optional
        The page title (escaped); default "Pain journal report".
    injury_level : str, default "unknown"
        The neurological level of injury (``"C5"``, ``"T6"``, ``"T10"``, ...) or
        ``"unknown"``; passed to :func:`~sci_pain.analysis.scan_red_flags`. At or above T6 a
        surge of spasms is flagged as an emergency (possible trigger of autonomic
        dysreflexia); with ``"unknown"`` the report states "Autonomic dysreflexia (AD)
        risk not assessed: injury level unknown".
    expand : bool, default False
        Open every folded section (for a full printout).
    progress : callable, optional
        ``progress(done, total, message)``, called before each of the
        :data:`REPORT_STAGES` (``done`` from 0) and once at the end with ``done == total``
        and ``"Done"``. Widgets connect it to a progress bar, the command line prints it.
        Nothing is printed when it is omitted.
    parallel : bool, default False
        Draw the figures in a second process (started at once, so that it imports matplotlib
        while this one computes the analyses, and draws while this one writes the text) and
        compute the links with activity, sleep and spasms (the block bootstrap) in a third,
        where that is safe (Linux, a process without other threads: ``sci-pain report`` asks
        for it; notebooks do not). The same page.
    drawing : Worker, optional
        The drawing process, when the caller started it already with
        :func:`~sci_pain.html.report_drawing.start_drawing` (``sci-pain report`` does, before
        it reads the journal); it is used instead of starting one here, and
        ended before this function returns or raises. The same page.

    Returns
    -------
    str
        The page: UTF-8 HTML5 with inline CSS, figures as PNG ``data:`` URLs with alt text,
        no scripts and no external resources; the same journal always gives the same text.

    Raises
    ------
    TypeError
        If ``journal`` is neither a Journal nor a DataFrame.

    See Also
    --------
    write_report : write the page to a file.

    Examples
    --------
    >>> import sci_pain as sp
    >>> stages = []
    >>> page = report_html(
    ...     sp.load_example_journal("neuropathic"),
    ...     title="Report for <me>",
    ...     progress=lambda done, total, message: stages.append(message),
    ... )
    >>> "<title>Report for &lt;me&gt;</title>" in page
    True
    >>> stages[0], stages[-1], len(stages)
    ('Summarising the period', 'Done', 9)
    """
    total = len(REPORT_STAGES)

    def stage(i: int) -> None:
        if progress is not None:
            progress(i, total, REPORT_STAGES[i])

    # the figures are drawn in a second process, started now: it imports matplotlib while
    # this one computes the analyses (the links in a third), then draws while this one writes
    if drawing is None and parallel:
        drawing = start_drawing()
    try:
        model = build_report_model(
            journal, title=title, injury_level=injury_level, progress=stage, background=parallel
        )
    except BaseException:
        if drawing is not None:
            drawing.close()
        raise
    model = replace(model, drawing=drawing)
    stage(7)
    try:
        model = request_figures(model)
        page = render_report(model, expand=expand)
    finally:
        model.close()  # no child process is left behind, even when drawing failed
    if progress is not None:
        progress(total, total, "Done")
    return page


def report_sections(model: ReportModel) -> list[Section]:
    """Render the sections of the page from the model, in page order.

    The detailed sections are written first: the first page ("At a glance") repeats what they
    found (the trend in words, the clearest patterns, the changes after each intervention).
    """
    highlights = Highlights()
    flags = flags_section(model)
    period = period_section(model)
    patterns = patterns_section(model, highlights)
    interventions = interventions_section(model, highlights)
    trend = trend_section(model, highlights)  # after the comparisons: the timeline marks them
    model = model.finished()  # the links, if computed in a second process while drawing
    links = links_section(model, highlights)
    glance = glance_section(model, highlights)
    return [
        flags,
        glance,
        period,
        trend,
        patterns,
        interventions,
        links,
        notes_section(model),
        problems_section(model),
        about_section(),
    ]


def render_report(model: ReportModel, *, expand: bool = False) -> str:
    """Render a :class:`~sci_pain.html.report_model.ReportModel` as the report page.

    Parameters
    ----------
    model : ReportModel
        From :func:`~sci_pain.html.report_model.build_report_model`.
    expand : bool, default False
        Open every folded section.

    Returns
    -------
    str
        The page (see :func:`report_html`).

    Examples
    --------
    >>> import sci_pain as sp
    >>> model = build_report_model(sp.load_example_journal("dvt"))
    >>> render_report(model, expand=True).count('<details class="fold" open>')
    8
    """
    s = model.summary
    period = None
    if s is not None:
        period = {
            "first": day_long(s["first_day"]),
            "last": day_long(s["last_day"]),
            "days": plural(int(s["days"]), "day"),
            "entries": plural(int(s["entries"]), "entry", "entries"),
        }
    page = render(
        "report.html.j2",
        title=model.title,
        source=model.source,
        period=period,
        css=Markup(stylesheet("report.css")),  # the package's own file
        not_a_diagnosis=NOT_A_DIAGNOSIS,
        contents=REPORT_SECTIONS,
        sections=report_sections(model),
        expand=expand,
    )
    return page if model.drawing is None else fill_figures(page, model.drawing)


def write_report(
    journal,
    path: str | os.PathLike,
    *,
    title: str | None = None,
    injury_level: str = "unknown",
    expand: bool = False,
    progress: ProgressCallback | None = None,
) -> Path:
    """Write the clinic report for a journal to an HTML file.

    Parameters
    ----------
    journal : Journal or DataFrame
        See :func:`report_html`.
    path : str or path
        The file to write (UTF-8); its folder must exist. Open it in any web browser, print
        it, or send it: it is a single file with everything inside.
    title, injury_level, expand, progress
        See :func:`report_html`.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    OSError
        If the file cannot be written (``FileNotFoundError``, before any work, when its
        folder does not exist).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import sci_pain as sp
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_report(sp.load_example_journal("dvt"), pathlib.Path(folder) / "report.html")
    ...     out.name, out.stat().st_size > 10_000
    ('report.html', True)
    """
    target = Path(path)
    if not target.parent.is_dir():  # fail before the work, not after it
        msg = f"cannot write {target}: the folder {target.parent} does not exist"
        raise FileNotFoundError(msg)
    page = report_html(
        journal, title=title, injury_level=injury_level, expand=expand, progress=progress
    )
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(page)
    return target
