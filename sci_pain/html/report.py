"""The clinic report: one self-contained HTML page about a pain journal.

:func:`report_html` turns a :class:`~sci_pain.journal.reader.Journal` into a page a person could
print or open on a phone at a clinic visit; :func:`write_report` writes it to a file (the
``sci-pain report`` command calls it). The page holds, in this order:

1. a note that the report is **not a diagnosis**;
2. **red flags** found by :func:`~sci_pain.analysis.flags.scan_red_flags`, first and prominent;
3. the **period**: first and last day, entries, missed days, the pain's spread, a calendar;
4. the **trend**: the Theil-Sen slope in points per week with its interval, in words;
5. **patterns**: time of day, weekday, sites and descriptors;
6. **interventions** with a clear start, each compared before and after with
   :func:`~sci_pain.analysis.nof1.compare_phases` (effect sizes in words, with their warnings);
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

import dataclasses
import html
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["REPORT_SECTIONS", "REPORT_STAGES", "ProgressCallback", "report_html", "write_report"]

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

REPORT_SECTIONS: dict[str, str] = {
    "red-flags": "Red flags",
    "summary": "At a glance",
    "period": "The period",
    "trend": "Trend",
    "patterns": "Patterns",
    "interventions": "Interventions: did it help?",
    "links": "Links with activity, sleep and spasms",
    "notes": "Notes from the journal",
    "problems": "Problems found when reading the file",
    "about": "About this report",
}
"""Section ids (HTML anchors) and headings of the report, in page order.

The first two are open; the others are folded (``<details>``) under their heading, so that
the report prints on a few pages. ``report_html(..., expand=True)`` opens them all.
"""

_OPEN_SECTIONS = ("red-flags", "summary")
_FOLD_HINTS = {
    "period": "facts, missed days, calendar",
    "trend": "slope and how it was worked out",
    "patterns": "time of day, weekday, sites, descriptors",
    "interventions": "each before-and-after comparison with its cautions",
    "links": "every link looked at, and when one is called clear",
    "notes": "the person's own notes",
    "problems": "what could not be read, row by row",
    "about": "the scale, the method, references",
}

_DPI = 100
_IMMPACT = {"points": 2.0, "moderate_pct": 30.0, "substantial_pct": 50.0}
"""Both must be met for an important change (Farrar 2001; Dworkin 2008), see _change_verdict."""
_MIN_EFFECTIVE_DAYS = 20
"""A link is called clear only with at least this many effective independent days.

Passed to :func:`~sci_pain.analysis.associations`, whose verdict the report shows."""
_PATTERN_POINTS = 1.0
"""A time-of-day, weekday or site difference shown on the first page is at least this big."""
_MAX_PROBLEMS = 200
_MAX_NOTES = 40
_MIN_PHASE_DAYS = 7
_REGULAR_SHARE = 0.25
_NOT_A_DIAGNOSIS = (
    "This report describes what was written in a pain journal. It is made by a teaching "
    "tool, not by a clinician: it does not diagnose anything, and it cannot tell what causes "
    "the pain or what to take. Bring it to your clinician and talk it through together."
)
_ACT_NOW = (
    "If something is happening now - one leg swollen, warm or red; breathlessness or chest "
    "pain; with an injury at T6 or above a pounding headache, flushing or sweating above the "
    "level; a pressure injury that is hot, smelly or oozing, or fever - seek medical care "
    "now. Do not wait for the appointment."
)
_ACRONYMS = {"tens": "TENS"}
_PART_WORDS = {"night": "at night", "morning": "in the morning"}
_REFERENCES = (
    "Farrar JT, et al. Clinical importance of changes in chronic pain intensity measured on "
    "an 11-point numerical pain rating scale. Pain. 2001;94:149-158.",
    "Dworkin RH, et al. Interpreting the clinical importance of treatment outcomes in chronic "
    "pain clinical trials: IMMPACT recommendations. J Pain. 2008;9:105-121.",
    "Parker RI, Vannest KJ. An improved effect size for single-case research: nonoverlap of "
    "all pairs. Behav Ther. 2009;40:357-367.",
    "Tarlow KR. An improved rank correlation effect size statistic for single-case designs: "
    "baseline corrected Tau. Behav Modif. 2017;41:427-467.",
    "Sen PK. Estimates of the regression coefficient based on Kendall's tau. J Am Stat "
    "Assoc. 1968;63:1379-1389.",
)

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; margin: 0 0 .2rem; line-height: 1.2; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 3px solid #0072B2; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p { margin: .45rem 0; }
.subtitle { color: #333; font-size: 1.05rem; margin: 0 0 1rem; }
.note { border: 2px solid #0072B2; background: #EAF3FA; border-radius: 6px;
  padding: .7rem 1rem; margin: 1rem 0; }
.act-now { border: 2px solid #9E3A00; background: #FDEEE4; border-radius: 6px;
  padding: .7rem 1rem; margin: 1rem 0; }
.flag { border-left: 8px solid #555; background: #F6F6F6; border-radius: 4px;
  padding: .6rem 1rem; margin: .9rem 0; }
.flag.emergency { border-left-color: #D55E00; background: #FDEEE4; }
.flag.same_day { border-left-color: #E69F00; background: #FDF5E3; }
.flag.soon { border-left-color: #CC79A7; background: #FAEFF5; }
.flag.routine { border-left-color: #0072B2; background: #EAF3FA; }
.flag h3 { margin: 0 0 .3rem; }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; letter-spacing: .03em;
  text-transform: uppercase; border: 2px solid currentColor; border-radius: 4px;
  padding: 0 .4rem; margin-right: .4rem; vertical-align: middle; background: #fff; }
.badge.emergency { color: #8A3300; }
.badge.same_day { color: #6B4800; }
.badge.soon { color: #7A2E5A; }
.badge.routine { color: #00466E; }
.ok { border-left: 8px solid #009E73; background: #E8F6F1; border-radius: 4px;
  padding: .6rem 1rem; margin: .9rem 0; }
.warning { border-left: 5px solid #E69F00; background: #FFF8E8; padding: .4rem .8rem;
  margin: .4rem 0; }
.muted { color: #4a4a4a; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.small { font-size: .9rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
  gap: .6rem; margin: .8rem 0; padding: 0; list-style: none; }
.facts li { border: 1px solid #ccc; border-radius: 6px; padding: .45rem .7rem; }
.facts .value { display: block; font-size: 1.35rem; font-weight: 700; }
.facts .label { display: block; font-size: .85rem; color: #444; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .93rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .55rem; text-align: left;
  vertical-align: top; }
th { background: #F0F0F0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.when { white-space: nowrap; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 0 2.5rem; align-items: flex-start; }
.side-by-side .half { flex: 1 1 22rem; }
tr.not-kept td { background: #FDF5E3; }
.wrap { overflow-wrap: anywhere; max-width: 28rem; }
figure { margin: .8rem 0 1.2rem; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #444; margin-top: .2rem; }
nav ol { columns: 2; margin: .4rem 0; }
nav a, a { color: #005A8C; }
footer { margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: .6rem;
  font-size: .9rem; color: #444; }
section.folded { margin-top: 1.2rem; }
details.fold > summary { cursor: pointer; padding: .3rem 0 .2rem;
  border-bottom: 3px solid #0072B2; }
details.fold > summary::marker { color: #0072B2; }
details.fold > summary h2 { display: inline; border: 0; margin: 0; padding: 0;
  font-size: 1.3rem; }
.hint { display: block; margin-left: 1.2rem; color: #4a4a4a; font-size: .9rem; }
.fold-body { padding-top: .3rem; }
details.fold-inner > summary { cursor: pointer; font-weight: 600; margin: .7rem 0 .3rem;
  color: #005A8C; }
.table-wrap { max-width: 100%; overflow-x: auto; }
#summary ul { padding-left: 1.3rem; }
#summary li { margin: .3rem 0; }
@media (max-width: 40rem) {
  main { padding: 1rem .8rem 2rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  nav ol { columns: 1; }
  table { font-size: .8rem; }
  th, td { padding: .15rem .25rem; overflow-wrap: anywhere; }
  td.when { white-space: normal; }
  .wrap { max-width: none; }
  .side-by-side .half { flex-basis: 100%; }
}
@page { margin: 15mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, .flag, .note, .act-now, .ok, tr, .facts li { break-inside: avoid;
    page-break-inside: avoid; }
  .note, .act-now, .flag, .ok, .warning, th, tr.not-kept td {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2 { margin-top: 1.2rem; }
  details.fold > summary { break-inside: avoid; page-break-inside: avoid; }
  details.fold > summary h2 { font-size: 12pt; }
  details:not([open]) > summary .hint { display: inline; margin-left: .5rem; font-size: 9pt; }
  details:not([open]) > summary .hint::before { content: "(folded: "; }
  details:not([open]) > summary .hint::after { content: ")"; }
  details.fold > summary { border-bottom-width: 1px; padding: .1rem 0; }
  section.folded { margin-top: .2rem; }
  .table-wrap { overflow: visible; }
}
"""

# No scripts, no network: images only from data: URLs, styles only from this page.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'"


# --------------------------------------------------------------------------------------------
# small helpers


def _e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _num(value: Any, digits: int = 1, *, sign: bool = False) -> str:
    if _missing(value):
        return "n/a"
    value = float(value)
    if value == 0:
        value = 0.0  # no "-0.0"
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    return text.replace("-", "\u2212")


def _day(value: Any) -> str:
    return "n/a" if _missing(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def _day_long(value: Any) -> str:
    return "n/a" if _missing(value) else f"{pd.Timestamp(value):%a %Y-%m-%d}"


def _when(value: Any) -> str:
    if _missing(value):
        return "n/a"
    ts = pd.Timestamp(value)
    return f"{ts:%a %Y-%m-%d}" if ts == ts.normalize() else f"{ts:%a %Y-%m-%d %H:%M}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _words(name: Any) -> str:
    return str(name).replace("_", " ")


def _treatment(name: Any) -> str:
    """An intervention's name for people: ``tens`` -> ``TENS``, ``heat`` -> ``heat``."""
    return _ACRONYMS.get(str(name), _words(name))


def _sentence(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower-case the rest)."""
    return text[:1].upper() + text[1:]


def _p(text: str, cls: str | None = None) -> str:
    return f'<p class="{cls}">{text}</p>' if cls else f"<p>{text}</p>"


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str | None = None,
    numeric: Sequence[int] = (),
    nowrap: Sequence[int] = (),
    row_classes: Sequence[str] | None = None,
) -> str:
    """An HTML table; ``header`` and ``caption`` are escaped, cells must already be HTML."""
    numeric, nowrap = set(numeric), set(nowrap)

    def kind(i: int) -> str:
        return "num" if i in numeric else "when" if i in nowrap else "wrap"

    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{_e(caption)}</caption>")
    cells = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{_e(h)}</th>'
        for i, h in enumerate(header)
    )
    parts.append(f"<thead><tr>{cells}</tr></thead><tbody>")
    for index, row in enumerate(rows):
        cls = row_classes[index] if row_classes else ""
        tds = "".join(f'<td class="{kind(i)}">{cell}</td>' for i, cell in enumerate(row))
        parts.append(f'<tr class="{cls}">{tds}</tr>' if cls else f"<tr>{tds}</tr>")
    parts.append("</tbody></table>")
    return '<div class="table-wrap">' + "".join(parts) + "</div>"


def _facts(items: Iterable[tuple[str, str]]) -> str:
    lis = "".join(
        f'<li><span class="value">{_e(value)}</span><span class="label">{_e(label)}</span></li>'
        for value, label in items
    )
    return f'<ul class="facts">{lis}</ul>'


def _unavailable(what: str, error: Exception) -> str:
    return _p(f"{_e(what)} could not be worked out from this journal: {_e(error)}", "muted")


def _source_name(source: Any) -> str:
    """The file name of a source (never a folder path, which can hold a person's name)."""
    text = str(source or "")
    if not text or text.startswith("<"):
        return text
    return Path(text).name or text


# --------------------------------------------------------------------------------------------
# figures


def _figure(draw: Callable, *, alt: str, caption: str | None = None, size=(9.0, 3.6)) -> str:
    """Draw on a fresh Axes (no pyplot state) in the sci_pain style; return ``<figure>``."""
    from matplotlib.figure import Figure

    from sci_pain.html.figures import figure_html
    from sci_pain.style import style_context

    with style_context():
        fig = Figure(figsize=size, dpi=_DPI)
        ax = fig.add_subplot()
        draw(ax)
        return figure_html(fig, alt=alt, caption=caption, dpi=_DPI)


def _safe_figure(what: str, draw: Callable, alt: Callable[[], str], **kwargs) -> str:
    from sci_pain.analysis import AnalysisError

    try:
        return _figure(draw, alt=alt(), **kwargs)
    except (AnalysisError, ValueError, KeyError) as error:
        return _unavailable(what, error)


# --------------------------------------------------------------------------------------------
# the analyses, gathered once


@dataclass
class _Context:
    entries: pd.DataFrame
    problems: pd.DataFrame
    source: str
    title: str
    injury_level: str
    flags: pd.DataFrame | None = None
    phases: dict[str, pd.Timestamp] = field(default_factory=dict)
    summary: pd.Series | None = None
    daily: pd.DataFrame | None = None
    n_figures: int = 0
    # what the first page says, gathered by the detailed sections
    trend_words: str = ""
    patterns: list[tuple[int, float, str]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)

    @property
    def has_pain(self) -> bool:
        return len(self.entries) > 0 and self.entries["pain"].notna().any()

    def has(self, column: str) -> bool:
        return column in self.entries.columns and self.entries[column].notna().any()


def _coerce(journal) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    from sci_pain.journal import problems_frame

    if isinstance(journal, pd.DataFrame):
        return journal, problems_frame(), "entries"
    entries = getattr(journal, "entries", None)
    if not isinstance(entries, pd.DataFrame):
        msg = (
            "report_html needs a Journal (from sci_pain.read_journal or "
            f"sci_pain.load_example_journal) or its entries DataFrame, got {type(journal).__name__}"
        )
        raise TypeError(msg)
    problems = getattr(journal, "problems", None)
    if not isinstance(problems, pd.DataFrame):
        problems = problems_frame()
    return entries, problems, str(getattr(journal, "source", "") or "")


# --------------------------------------------------------------------------------------------
# sections


def _section(section_id: str, body: str, *, heading: str | None = None) -> str:
    """A report section: open on the first page, else folded under its heading."""
    title = heading or REPORT_SECTIONS[section_id]
    if section_id in _OPEN_SECTIONS:
        return (
            f'<section id="{section_id}" aria-labelledby="{section_id}-h">'
            f'<h2 id="{section_id}-h">{_e(title)}</h2>{body}</section>'
        )
    hint = _FOLD_HINTS.get(section_id, "")
    return (
        f'<section id="{section_id}" class="folded" aria-labelledby="{section_id}-h">'
        f'<details class="fold"><summary><h2 id="{section_id}-h">{_e(title)}</h2>'
        + (f'<span class="hint">{_e(hint)}</span>' if hint else "")
        + f'</summary><div class="fold-body">{body}</div></details></section>'
    )


def _period_section(ctx: _Context) -> str:
    from sci_pain.analysis import daily_summary, summarize_journal
    from sci_pain.plotting import alt_text, plot_calendar

    if not ctx.has_pain:
        return _section(
            "period",
            _p(
                "No entry with a pain rating could be read from this journal, so there is "
                "nothing to summarise. The table of problems at the end says why."
            ),
        )
    s = summarize_journal(ctx.entries)
    daily = daily_summary(ctx.entries)
    ctx.summary, ctx.daily = s, daily
    per_day = s["entries_per_day"]
    facts = [
        (f"{_day(s['first_day'])}", "first day"),
        (f"{_day(s['last_day'])}", "last day"),
        (str(int(s["days"])), "calendar days"),
        (str(int(s["days_with_entries"])), "days with an entry"),
        (str(int(s["missed_days"])), "missed days (no entry)"),
        (str(int(s["entries"])), "entries"),
        (_num(per_day), "entries per day (on days with one)"),
        (f"{_num(s['mean'])} / {_num(s['median'], 0)}", "mean / median pain (0-10)"),
        (f"{_num(s['min'], 0)} to {_num(s['max'], 0)}", "lowest to highest pain"),
    ]
    if ctx.has("interference"):
        facts.append((_num(ctx.entries["interference"].astype(float).mean()), "mean interference"))
    body = [_facts(facts)]
    gap = _longest_gap(daily["missed"])
    if gap is not None:
        length, first, last = gap
        body.append(
            _p(
                f"The longest stretch without an entry was {_plural(length, 'day')}, "
                f"{_e(_day_long(first))} to {_e(_day_long(last))}. Missed days are left "
                "out of every average below, not counted as pain-free."
            )
        )
    pains = _own_words(ctx.entries)
    if pains:
        body.append(_p(f"The pains were described as: {pains}."))
    body.append(
        _safe_figure(
            "The calendar",
            lambda ax: plot_calendar(ctx.entries, ax=ax),
            lambda: alt_text("calendar", ctx.entries),
            caption="Each square is one day, coloured by that day's mean pain; hatched squares "
            "are days without an entry.",
            size=(9.0, 2.9),
        )
    )
    return _section("period", "".join(body))


def _longest_gap(missed: pd.Series) -> tuple[int, pd.Timestamp, pd.Timestamp] | None:
    values = missed.to_numpy(dtype=bool)
    if not values.any():
        return None
    best, start, run_start = 0, 0, None
    for i, flag in enumerate([*values, False]):
        if flag and run_start is None:
            run_start = i
        elif not flag and run_start is not None:
            if i - run_start > best:
                best, start = i - run_start, run_start
            run_start = None
    return best, missed.index[start], missed.index[start + best - 1]


def _own_words(entries: pd.DataFrame) -> str:
    """The person's own names for their pains (``problem``), with counts, escaped."""
    if "problem" not in entries.columns:
        return ""
    counts = entries["problem"].dropna().astype(str).str.strip()
    counts = counts[counts != ""].value_counts()
    if counts.empty:
        return ""
    shown = [
        f"\u201c{_e(name)}\u201d ({_plural(int(n), 'entry', 'entries')})"
        for name, n in counts.head(8).items()
    ]
    more = f" and {len(counts) - 8} more" if len(counts) > 8 else ""
    return ", ".join(shown) + more


def _flags_section(ctx: _Context) -> str:
    """The red flags: one call to the package's one rendering of red flags, as episodes."""
    from sci_pain.analysis import scan_red_flags
    from sci_pain.html.alerts import render_red_flags

    if len(ctx.entries) == 0:
        return _section("red-flags", _p("There are no entries to scan."))
    ctx.flags = scan_red_flags(ctx.entries, injury_level=ctx.injury_level)
    return _section(
        "red-flags",
        render_red_flags(
            ctx.flags,
            format="html",
            title=f"Act now, not at the visit. {_ACT_NOW}",
            empty=(
                "No red-flag pattern was found in what was recorded. This does not rule "
                "anything out: the scan only sees what was written down."
            ),
        ),
    )


def _trend_section(ctx: _Context) -> str:
    from sci_pain.analysis import AnalysisError, rolling_trend, trend_slope

    if not ctx.has_pain:
        return _section("trend", _p("No pain ratings to follow over time."))
    body = []
    try:
        t = trend_slope(ctx.entries)
    except AnalysisError as error:
        body.append(_unavailable("A trend", error))
    else:
        slope, lo, hi = float(t["slope_per_week"]), float(t["ci_low"]), float(t["ci_high"])
        over = float(t["change_over_period"])
        interval = f"95% interval {_num(lo, 2)} to {_num(hi, 2)} points per week"
        if lo > 0:
            words = (
                f"<strong>Pain rose</strong> by about {_num(slope, 2)} points per week "
                f"({interval}): about {_num(over)} points over the {int(t['period_days'])} days."
            )
        elif hi < 0:
            words = (
                f"<strong>Pain fell</strong> by about {_num(-slope, 2)} points per week "
                f"({interval}): about {_num(-over)} points over the {int(t['period_days'])} days."
            )
        else:
            words = (
                f"<strong>No clear trend.</strong> The estimate is {_num(slope, 2, sign=True)} "
                f"points per week, but the {interval} includes no change."
            )
        body.append(_p(words))
        ctx.trend_words = words
        if abs(over) >= 2 and (lo > 0 or hi < 0):
            noticed = "A change of 2 points or more is one that most people notice (Farrar 2001)."
            body.append(_p(noticed))
            ctx.trend_words += " " + noticed
        trend = rolling_trend(ctx.entries, window=7)["rolling_mean"].dropna()
        if len(trend) >= 2:
            body.append(
                _p(
                    f"The 7-day average went from {_num(trend.iloc[0])} at the start "
                    f"({_e(_day(trend.index[0]))}) to {_num(trend.iloc[-1])} at the end "
                    f"({_e(_day(trend.index[-1]))})."
                )
            )
        body.append(
            _p(
                "How this is worked out: the slope is the Theil-Sen estimate over the daily "
                f"means of {_plural(int(t['n_days']), 'day')} (the median of the slopes "
                "between all pairs of days, so a few extreme days hardly move it). Its "
                "interval assumes the days are independent; diary days are like their "
                "neighbours, so the real uncertainty is larger.",
                "muted small",
            )
        )
    body.append(_p("The timeline of every entry is at the top of the report.", "muted small"))
    return _section("trend", "".join(body))


def _patterns_section(ctx: _Context) -> str:
    from sci_pain.analysis import (
        AnalysisError,
        pain_by_quality_group,
        pain_by_side,
        pain_by_site,
        time_of_day_profile,
        weekday_profile,
    )
    from sci_pain.plotting import (
        alt_text,
        plot_body_map,
        plot_descriptors,
        plot_time_of_day_weekday,
    )

    if not ctx.has_pain:
        return _section("patterns", _p("No pain ratings to look for patterns in."))
    body = ['<div class="side-by-side"><div class="half">', "<h3>Time of day</h3>"]
    try:
        tod = time_of_day_profile(ctx.entries)
        within = time_of_day_profile(ctx.entries, relative=True)
    except AnalysisError as error:
        body.append(_unavailable("The time-of-day pattern", error))
    else:
        rated = tod[tod["n"] > 0]
        body.append(
            _table(
                ["Part of the day", "Mean pain", "Entries"],
                [[_e(part), _num(r["mean"]), str(int(r["n"]))] for part, r in rated.iterrows()],
                numeric=(1, 2),
            )
            + _p("Night 0-6 h, morning 6-12 h, afternoon 12-18 h, evening 18-24 h.", "muted small")
        )
        enough = within[within["n"] >= 5]["mean"].dropna()
        if len(enough) >= 2:
            hi, lo = enough.idxmax(), enough.idxmin()
            diff = float(enough.max() - enough.min())
            if diff >= 0.5:
                text = (
                    f"Pain was highest {_e(_PART_WORDS.get(hi, f'in the {hi}'))} and "
                    f"lowest {_e(_PART_WORDS.get(lo, f'in the {lo}'))}: comparing entries "
                    f"of the same day, {_e(hi)} entries were on average {_num(diff)} "
                    f"points above {_e(lo)} entries."
                )
                body.append(_p(text))
                if diff >= _PATTERN_POINTS:
                    ctx.patterns.append((1, diff, text))
            else:
                body.append(
                    _p(
                        "Pain hardly changed over the day: within the same day, parts of "
                        "the day differed by "
                        + (
                            f"{_num(diff)} points at most."
                            if diff >= 0.05
                            else "less than 0.1 points."
                        )
                    )
                )
    body.append('</div><div class="half">')
    body.append("<h3>Day of the week</h3>")
    try:
        week = weekday_profile(ctx.entries)
    except AnalysisError as error:
        body.append(_unavailable("The weekday pattern", error))
    else:
        rated = week[week["n"] > 0]
        body.append(
            _table(
                ["Weekday", "Mean pain", "Entries"],
                [[_e(day), _num(r["mean"]), str(int(r["n"]))] for day, r in rated.iterrows()],
                numeric=(1, 2),
            )
        )
        means = rated[rated["n"] >= 5]["mean"].dropna()
        if len(means) >= 2:
            spread = float(means.max() - means.min())
            if spread < 0.5:
                body.append(
                    _p(f"Little difference between weekdays (at most {_num(spread)} points).")
                )
            else:
                text = (
                    f"Highest on {_e(means.idxmax())}s ({_num(means.max())}), lowest on "
                    f"{_e(means.idxmin())}s ({_num(means.min())}): a difference of "
                    f"{_num(spread)} points, which may reflect the week's routine "
                    "(therapy days, work, visits)."
                )
                body.append(_p(text))
                if spread >= _PATTERN_POINTS:
                    ctx.patterns.append((1, spread, text))
    body.append("</div></div>")
    body.append(
        _safe_figure(
            "The weekday by time-of-day heatmap",
            lambda ax: plot_time_of_day_weekday(ctx.entries, ax=ax),
            lambda: alt_text("time_of_day_weekday", ctx.entries),
            caption="Mean pain for each weekday and part of the day; empty cells had no entry.",
            size=(7.5, 3.6),
        )
    )
    body.append("<h3>Where it hurts</h3>")
    if ctx.has("site"):
        sites = pain_by_site(ctx.entries)
        rated = sites[sites["n"] > 0]
        enough = rated[rated["n"] >= 5]["mean"].dropna()
        if len(enough) >= 2 and float(enough.max() - enough.min()) >= _PATTERN_POINTS:
            spread = float(enough.max() - enough.min())
            ctx.patterns.append(
                (
                    1,
                    spread,
                    f"Pain was rated highest at the {_e(_words(enough.idxmax()))} (mean "
                    f"{_num(enough.max())}) and lowest at the {_e(_words(enough.idxmin()))} "
                    f"({_num(enough.min())}), {_num(spread)} points apart.",
                )
            )
        body.append(
            _table(
                ["Site", "Mean pain", "Entries"],
                [
                    [_e(_words(site)), _num(r["mean"]), str(int(r["n"]))]
                    for site, r in rated.iterrows()
                ],
                numeric=(1, 2),
            )
        )
        if ctx.has("side"):
            sides = pain_by_side(ctx.entries)
            sides = sides[sides["n"] > 0]
            body.append(
                _p(
                    "Side: "
                    + "; ".join(
                        f"{_e(side)} {_plural(int(r['n']), 'entry', 'entries')} (mean "
                        f"{_num(r['mean'])})"
                        for side, r in sides.iterrows()
                    )
                    + "."
                )
            )
        body.append(
            _safe_figure(
                "The body map",
                lambda ax: plot_body_map(ctx.entries, ax=ax),
                lambda: alt_text("body_map", ctx.entries),
                caption="Both legs from hip to foot, coloured by mean pain at each site; hatched "
                "sites were never rated.",
                size=(6.0, 5.0),
            )
        )
    else:
        body.append(_p("The journal does not record where the pain is (site).", "muted"))
    body.append("<h3>What the pain feels like</h3>")
    if ctx.has("quality"):
        groups = pain_by_quality_group(ctx.entries)
        rated = groups[(groups["n"] > 0) & (groups.index != "none")]
        total = int(rated["n"].sum())
        if total:
            body.append(
                _p(
                    "Entries by kind of descriptor: "
                    + "; ".join(
                        f"{_e(group)} {int(r['n'])} ({100 * r['n'] / total:.0f}%, mean pain "
                        f"{_num(r['mean'])})"
                        for group, r in rated.iterrows()
                    )
                    + ". Burning, tingling, pins and needles, electric, shooting or painful "
                    "cold suggest nerve (neuropathic) pain; aching, throbbing, cramping, "
                    "stabbing or pressing suggest muscle, joint or bone (nociceptive) pain. "
                    "Only an examination can tell."
                )
            )
        body.append(
            _safe_figure(
                "The descriptor chart",
                lambda ax: plot_descriptors(ctx.entries, ax=ax),
                lambda: alt_text("descriptors", ctx.entries),
                caption="How often each word was used to describe the pain.",
                size=(8.0, 3.6),
            )
        )
    else:
        body.append(_p("The journal does not record how the pain feels (quality).", "muted"))
    return _section("patterns", "".join(body))


def _intervention_starts(ctx: _Context) -> list[dict[str, Any]]:
    """Each recorded intervention: first day, days used, and whether it has a clear start."""
    from sci_pain.journal import explode_multi

    if not ctx.has("interventions") or not ctx.has_pain:
        return []
    exploded = explode_multi(ctx.entries, "interventions")
    if exploded.empty:
        return []
    days_with_pain = ctx.entries.loc[ctx.entries["pain"].notna(), "timestamp"].dt.normalize()
    days_with_pain = pd.DatetimeIndex(days_with_pain.unique()).sort_values()
    out = []
    for name, group in exploded.groupby("interventions", observed=True, sort=True):
        used = pd.DatetimeIndex(group["timestamp"].dt.normalize().unique()).sort_values()
        start = used[0]
        before = int((days_with_pain < start).sum())
        after = int((days_with_pain >= start).sum())
        share = len(used) / after if after else 0.0
        one_off = len(used) == 1
        if before < _MIN_PHASE_DAYS:
            reason = (
                f"it was recorded from early on (first on {_day_long(start)}, with "
                f"{_plural(before, 'day')} of ratings before), so there is no 'before' to "
                "compare with"
            )
        elif after < _MIN_PHASE_DAYS:
            reason = (
                f"it started near the end (on {_day_long(start)}), leaving "
                f"{_plural(after, 'day')} of ratings after it"
            )
        elif not one_off and share < _REGULAR_SHARE:
            reason = (
                f"it was used now and then (on {len(used)} of the {after} days with ratings "
                f"since {_day(start)}), so the days after its first use mix days with and "
                "without it"
            )
        else:
            reason = None
        out.append(
            {
                "name": str(name),
                "start": start,
                "days_used": len(used),
                "days_after": after,
                "one_off": one_off,
                "reason": reason,
            }
        )
    return out


def _nap_words(value: float) -> str:
    """Parker & Vannest's (2009) rough bands for NAP."""
    if value >= 0.93:
        return "a strong effect by Parker and Vannest's rough bands (0.93 or more)"
    if value >= 0.66:
        return "a medium effect by Parker and Vannest's rough bands (0.66 to 0.92)"
    if value > 0.5:
        return "a weak effect by Parker and Vannest's rough bands (up to 0.65)"
    return "no improvement (0.5 means no difference; below it the 'after' days tended to be worse)"


def _change_verdict(mean_a: float, mean_b: float) -> tuple[str, str]:
    """Judge a change in mean pain (lower is better) with both IMMPACT thresholds at once.

    A change counts as important only when it is **at least 2 points and at least 30%** of
    the "before" mean (Farrar 2001; Dworkin 2008), and as substantial when it is also at
    least 50%. Requiring both keeps a low baseline from turning a small change into a
    large one: +0.4 points from 1.1 is 36% but far below 2 points.

    Returns
    -------
    (label, sentence)
        ``label`` is one of "substantial improvement", "moderate improvement", "small
        improvement" (half a point or more, below the thresholds), "no important change",
        "small worsening", "moderate worsening", "substantial worsening".

    Examples
    --------
    >>> label, sentence = _change_verdict(1.1, 1.5)
    >>> label
    'no important change'
    >>> print(sentence)  # doctest: +NORMALIZE_WHITESPACE
    Pain was 0.4 points (36%) higher after: a small change, below what counts as clinically
    important (0.4 points is less than 2 points; both 2 points and 30% are needed). From a
    low 'before' mean of 1.1, a small change in points is a large percentage.
    >>> _change_verdict(2.0, 3.2)[0]
    'small worsening'
    >>> _change_verdict(6.0, 3.5)[0]
    'moderate improvement'
    >>> _change_verdict(6.0, 2.5)[0]
    'substantial improvement'
    >>> _change_verdict(5.0, 7.0)[0]
    'moderate worsening'
    """
    limits = _IMMPACT
    diff = float(mean_b) - float(mean_a)
    size = abs(diff)
    pct = 100 * size / abs(mean_a) if mean_a else math.inf
    pct_text = f"{pct:.0f}%" if math.isfinite(pct) else "an undefined share"
    better = diff < 0
    if size >= limits["points"] and pct >= limits["substantial_pct"]:
        level = "substantial"
    elif size >= limits["points"] and pct >= limits["moderate_pct"]:
        level = "moderate"
    else:
        level = None
    if level is not None:
        label = f"{level} {'improvement' if better else 'worsening'}"
        rule = (
            f"at least {limits['points']:.0f} points and {limits['substantial_pct']:.0f}%"
            if level == "substantial"
            else f"at least {limits['points']:.0f} points and {limits['moderate_pct']:.0f}%"
        )
        sentence = (
            f"Pain was {_num(size)} points ({pct_text}) {'lower' if better else 'higher'} "
            f"after: a {level} {'improvement' if better else 'worsening'} by the "
            f"IMMPACT/Farrar thresholds ({rule} of the 'before' mean)."
        )
        return label, sentence
    why = []
    if size < limits["points"]:
        why.append(f"{_num(size)} points is less than {limits['points']:.0f} points")
    if pct < limits["moderate_pct"]:
        why.append(f"{pct_text} is less than {limits['moderate_pct']:.0f}%")
    low_baseline = size < limits["points"] and pct >= limits["moderate_pct"]
    sentence = (
        f"Pain was {_num(size)} points ({pct_text}) {'lower' if better else 'higher'} after: "
        f"a small change, below what counts as clinically important ({' and '.join(why)}; "
        f"both {limits['points']:.0f} points and {limits['moderate_pct']:.0f}% are needed)."
    )
    if low_baseline:
        sentence += (
            f" From a low 'before' mean of {_num(mean_a)}, a small change in points is a "
            "large percentage."
        )
    if size < 0.5:
        return "no important change", sentence
    return f"small {'improvement' if better else 'worsening'}", sentence


def _flags_near(flags: pd.DataFrame | None, start: pd.Timestamp, days: int = 7) -> list[str]:
    """A caution when red flags were recorded within ``days`` of an intervention's start."""
    from sci_pain.analysis import RED_FLAG_RULES

    if flags is None or flags.empty:
        return []
    day = flags["timestamp"].dt.normalize()
    near = flags[
        (day >= start - pd.Timedelta(days=days)) & (day <= start + pd.Timedelta(days=days))
    ]
    if near.empty:
        return []
    titles = sorted({RED_FLAG_RULES[f].title.lower() for f in near["flag"] if f in RED_FLAG_RULES})
    return [
        f"Red flags were recorded within {days} days of the start ({'; '.join(titles)}). The "
        "intervention may have been a response to them, so the change mixes the course of "
        "that problem with any effect of the intervention."
    ]


def _interventions_section(ctx: _Context, starts: list[dict[str, Any]]) -> str:
    from sci_pain.analysis import AnalysisError, compare_phases
    from sci_pain.plotting import alt_text, plot_phases

    if not starts:
        return _section(
            "interventions",
            _p(
                "No intervention is recorded in the journal (the 'interventions' column), so "
                "there is nothing to compare before and after."
            ),
        )
    body = [
        _p(
            "For each intervention with a clear start, the days before its first recorded use "
            "(A) are compared with the days from then on (B), one daily mean pain per day. "
            "Lower pain is better. An A-B comparison shows what changed, not why: something "
            "else that changed at the same time could explain it."
        )
    ]
    skipped = []
    for item in starts:
        name, start = item["name"], item["start"]
        if item["reason"]:
            skipped.append(
                f"<li><strong>{_e(_treatment(name))}</strong>: {_e(item['reason'])}.</li>"
            )
            ctx.not_compared.append(_treatment(name))
            continue
        try:
            r = compare_phases(ctx.entries, start=start, intervention=name)
        except AnalysisError as error:
            skipped.append(f"<li><strong>{_e(_treatment(name))}</strong>: {_e(error)}</li>")
            ctx.not_compared.append(_treatment(name))
            continue
        ctx.phases[name] = start
        how = (
            f"given once, on {_day_long(start)}"
            if item["one_off"]
            else (
                f"first recorded on {_day_long(start)}, then on {item['days_used']} of the "
                f"{item['days_after']} days with ratings"
            )
        )
        pct = "" if math.isnan(r.change_pct) else f", {_num(r.change_pct, 0, sign=True)}%"
        label, verdict = _change_verdict(r.mean_a, r.mean_b)
        # the figure and its alt text say the same as the words (both thresholds at once)
        r = dataclasses.replace(r, clinical_category=label, clinical_text=verdict)
        ctx.changes.append(
            f"<strong>{_e(_sentence(_treatment(name)))}</strong> (from {_e(_day(start))}): "
            f"mean pain {_num(r.mean_a)} before, {_num(r.mean_b)} after "
            f"({_num(r.change, 2 if abs(r.change) < 0.1 else 1, sign=True)} points{pct}): "
            f"<strong>{_e(label)}</strong>"
            + (f"; {_plural(len(r.warnings), 'caution')} in the details" if r.warnings else "")
            + "."
        )
        lines = [
            f"<h3>{_e(_sentence(_treatment(name)))}</h3>",
            _p(f"{_e(_sentence(how))}."),
            _p(
                f"<strong>Before:</strong> mean pain {_num(r.mean_a)} over "
                f"{_plural(r.n_a, 'day')}. <strong>After:</strong> {_num(r.mean_b)} over "
                f"{_plural(r.n_b, 'day')}. Change {_num(r.change, sign=True)} points{pct}: "
                f"<strong>{_e(label)}</strong>."
            ),
            _p(_e(verdict)),
            _p(
                f"Pairing every day before with every day after, the 'after' day was better "
                f"(less pain, ties counting half) in {100 * r.nap:.0f}% of pairs (NAP {_num(r.nap, 2)}, 95% interval "
                f"{_num(r.nap_ci[0], 2)} to {_num(r.nap_ci[1], 2)}; 50% means no "
                f"difference): {_e(_nap_words(r.nap))}. Allowing for a trend that was "
                f"already under way before, Tau-BC is {_num(r.tau_bc, 2)} (interval "
                f"{_num(r.tau_bc_ci[0], 2)} to {_num(r.tau_bc_ci[1], 2)}; 0 means no change"
                + ("; the baseline trend was removed" if r.trend_corrected else "")
                + ")."
            ),
        ]
        warnings = [*_flags_near(ctx.flags, start), *r.warnings]
        if warnings:
            lines.append(
                "".join(
                    f'<div class="warning" role="note"><strong>Caution:</strong> {_e(w)}</div>'
                    for w in warnings
                )
            )
        lines.append(
            _safe_figure(
                f"The phase plot for {name}",
                lambda ax, r=r, name=name: plot_phases(
                    r, ax=ax, title=f"Before and after {_treatment(name)}"
                ),
                lambda r=r: alt_text("phases", r),
                caption=f"Daily mean pain before (A) and after (B) {_treatment(name)} started; "
                "horizontal lines are the phase means.",
                size=(9.0, 3.6),
            )
        )
        body.append("".join(lines))
    if skipped:
        body.append("<h3>Not compared</h3><ul>" + "".join(skipped) + "</ul>")
    return _section("interventions", "".join(body))


def _links_section(ctx: _Context) -> str:
    from sci_pain.analysis import (
        ASSOCIATION_VARIABLES,
        AnalysisError,
        associations,
        link_verdict,
    )

    present = [v for v in ASSOCIATION_VARIABLES if ctx.has(v)]
    if not ctx.has_pain or not present:
        return _section(
            "links",
            _p("The journal records none of activity, sleep, spasms or immobility.", "muted"),
        )
    chosen = {v: ASSOCIATION_VARIABLES[v] for v in present}
    n_tests = sum(len(lags) for lags in chosen.values())
    # the library's one rule (analysis.link_verdict, which also fills associations' "verdict"
    # column) decides what is clear. The report picks the Bonferroni level itself, so that the
    # intervals it prints are the ones judged: 95% shared among the links examined (this is
    # what associations' default correction="bonferroni" does, judged at 95%).
    confidence = 1 - 0.05 / n_tests
    try:
        table = associations(
            ctx.entries,
            variables=chosen,
            n_boot=2000,
            seed=0,
            confidence=confidence,
            correction="none",
            min_effective=_MIN_EFFECTIVE_DAYS,
        )
    except AnalysisError as error:
        return _section("links", _unavailable("Links", error))
    rows = []
    clear = []
    for _, r in table.iterrows():
        n_eff = r["n_effective"]
        verdict = link_verdict(
            float(r["rho"]),
            float(r["ci_low"]),
            float(r["ci_high"]),
            float(n_eff),
            alpha=1 - confidence,
            n=float(r["n"]),
            min_effective=_MIN_EFFECTIVE_DAYS,
        )
        if verdict.startswith("clear"):
            clear.append(r["description"])
            ctx.patterns.append(
                (
                    0,
                    abs(float(r["rho"])),
                    f"{_e(_sentence(str(r['description'])))}: higher values went with "
                    f"{'more' if float(r['rho']) > 0 else 'less'} pain (rho {_num(r['rho'], 2)}, interval {_num(r['ci_low'], 2)} to "
                    f"{_num(r['ci_high'], 2)}, allowing for {n_tests} links looked at). "
                    "A link, not a cause.",
                )
            )
        rows.append(
            [
                _e(r["description"]),
                _num(r["rho"], 2),
                f"{_num(r['ci_low'], 2)} to {_num(r['ci_high'], 2)}",
                str(int(r["n"])),
                "n/a" if _missing(n_eff) else f"{float(n_eff):.0f}",
                _e(verdict),
            ]
        )
    level = f"{100 * confidence:.1f}".rstrip("0").rstrip(".")
    body = [
        _p(
            "Spearman's rho runs from \u22121 to 1: 0 means no link, a positive value that more "
            "pain went with more of the other measure. Each pain day is paired with the "
            "measure on the same day or on a day before."
        ),
        _p(
            f"<strong>When a link is called clear.</strong> {_plural(n_tests, 'link')} "
            f"{'was' if n_tests == 1 else 'were'} looked at, so each interval is a {level}% "
            f"interval (Bonferroni: 95% shared among {n_tests}), and a link is called clear "
            f"only when that interval excludes 0, a test that allows for similar neighbouring "
            f"days agrees, and the days hold at least {_MIN_EFFECTIVE_DAYS} independent "
            "days' worth of information (neighbouring days are alike; the table shows this "
            "as independent days)."
        ),
        _table(
            ["Pain vs", "Rho", f"{level}% interval", "Days", "Independent days", "In words"],
            rows,
            numeric=(1, 2, 3, 4),
        ),
        _p(
            f"Clear links: {_e('; '.join(clear))}." if clear else "No link is clear by these rules."
        ),
        f'<div class="warning" role="note"><strong>Read with care:</strong> '
        f"{_e(table.attrs.get('caution', ''))}</div>",
    ]
    return _section("links", "".join(body))


def _glance_section(ctx: _Context) -> str:
    """The first page after the red flags: period, trend, clearest patterns, changes."""
    from sci_pain.plotting import alt_text, plot_timeline

    if not ctx.has_pain:
        return _section(
            "summary",
            _p(
                "No entry with a 0-10 pain rating could be read, so there is no trend, pattern "
                "or change to show. The problems found when reading the file (below) say why."
            ),
        )
    body = []
    s = ctx.summary
    if s is not None:
        body.append(
            _p(
                f"<strong>{_plural(int(s['days']), 'day')}</strong> "
                f"({_e(_day(s['first_day']))} to {_e(_day(s['last_day']))}), "
                f"{_plural(int(s['entries']), 'entry', 'entries')}, "
                f"{_plural(int(s['missed_days']), 'day')} without an entry. Mean pain "
                f"{_num(s['mean'])} out of 10 (lowest {_num(s['min'], 0)}, highest "
                f"{_num(s['max'], 0)})."
            )
        )
    body.append("<h3>Trend</h3>")
    body.append(_p(ctx.trend_words or "A trend could not be worked out (too few days)."))
    marks = {f"{_treatment(name)} starts": start for name, start in ctx.phases.items()}
    body.append(
        _safe_figure(
            "The timeline",
            lambda ax: plot_timeline(ctx.entries, ax=ax, flags=ctx.flags, phases=marks or None),
            lambda: alt_text("timeline", ctx.entries, flags=ctx.flags, phases=marks or None),
            caption="Every entry as a dot, the 7-day rolling mean as a line; dashed lines "
            "mark when an intervention started and symbols along the top mark red flags.",
            size=(9.0, 3.0),
        )
    )
    body.append("<h3>Clearest patterns</h3>")
    ranked = sorted(ctx.patterns, key=lambda p: (p[0], -p[1]))[:3]
    if ranked:
        body.append("<ul>" + "".join(f"<li>{text}</li>" for _, _, text in ranked) + "</ul>")
    else:
        body.append(
            _p(
                f"None stands out: no part of the day, weekday or site differs by "
                f"{_num(_PATTERN_POINTS)} point or more, and no link with activity, sleep or "
                "spasms is clear."
            )
        )
    body.append("<h3>What changed after each intervention</h3>")
    if ctx.changes:
        body.append("<ul>" + "".join(f"<li>{line}</li>" for line in ctx.changes) + "</ul>")
        body.append(
            _p(
                "A change counts as important only when it is at least 2 points and at least "
                "30% of the 'before' mean (IMMPACT). Before and after shows what changed, not "
                "why.",
                "muted small",
            )
        )
    else:
        body.append(_p("No intervention has a before and after to compare."))
    if ctx.not_compared:
        body.append(
            _p(
                f"Not compared: {_e(', '.join(ctx.not_compared))} (the details say why).",
                "muted small",
            )
        )
    body.append(
        _p(
            "The details follow, folded under their headings: open one to read it. A "
            "printout shows the headings only: to print everything, open the sections "
            "first.",
            "muted small",
        )
    )
    return _section("summary", "".join(body))


def _notes_section(ctx: _Context) -> str:
    if not ctx.has("notes"):
        return _section("notes", _p("No notes were written in the journal.", "muted"))
    notes = ctx.entries.loc[ctx.entries["notes"].notna(), ["timestamp", "notes"]]
    notes = notes[notes["notes"].astype(str).str.strip() != ""]
    shown = notes.tail(_MAX_NOTES)
    intro = _p(
        f"{_plural(len(notes), 'note')} in total"
        + (f"; the last {_MAX_NOTES} are shown" if len(notes) > _MAX_NOTES else "")
        + ". Notes are the person's own words, shown as written."
    )
    rows = [
        [_e(_when(ts)), _e(text)]
        for ts, text in zip(shown["timestamp"], shown["notes"], strict=True)
    ]
    return _section("notes", intro + _table(["When", "Note"], rows, nowrap=(0,)))


def _problems_section(ctx: _Context, n_records: int | None) -> str:
    problems = ctx.problems
    if problems.empty:
        return _section(
            "problems", '<div class="ok">No problems: every record was read as written.</div>'
        )
    kept = problems["kept"].astype(bool)
    rows_not_kept = problems.loc[~kept & (problems["row"] > 1), "row"].nunique()
    header_notes = int((problems["row"] == 1).sum())
    lead = (
        f"{_plural(len(problems), 'problem')} in "
        f"{_plural(int(problems.loc[problems['row'] > 1, 'row'].nunique()), 'record')}"
    )
    if n_records is not None:
        lead += f" of {n_records}"
    lead += f"; {_plural(int(rows_not_kept), 'record')} could not be used (not kept)"
    if header_notes:
        lead += f"; {_plural(header_notes, 'note')} on the header row"
    shown = problems.head(_MAX_PROBLEMS)
    rows, classes = [], []
    for row, column, value, problem, keep in zip(
        shown["row"],
        shown["column"].astype(object),
        shown["value"].astype(object),
        shown["problem"].astype(object),
        shown["kept"].astype(bool),
        strict=True,
    ):
        rows.append(
            [
                str(int(row)),
                "" if _missing(column) else _e(column),
                "" if _missing(value) else f"<code>{_e(value)}</code>",
                "yes" if keep else "<strong>no</strong>",
                "" if _missing(problem) else _e(problem),
            ]
        )
        classes.append("" if keep else "not-kept")
    body = [
        _p(
            f"{_e(lead)}. Row numbers are those a spreadsheet shows (the header is row 1). "
            "Records marked <strong>no</strong> are left out of everything above; fix them in "
            "the file and make the report again."
        ),
        _table(
            ["Row", "Column", "Value", "Kept", "Problem"],
            rows,
            numeric=(0,),
            row_classes=classes,
        ),
    ]
    if len(problems) > _MAX_PROBLEMS:
        body.append(
            _p(
                f"... and {len(problems) - _MAX_PROBLEMS} more; run "
                "<code>sci-pain validate FILE --max-problems 0</code> to list them all.",
                "muted small",
            )
        )
    return _section("problems", "".join(body))


def _about_section() -> str:
    from sci_pain import __version__

    refs = "".join(f"<li>{_e(r)}</li>" for r in _REFERENCES)
    body = (
        _p(
            "Pain is the 0-10 numeric rating scale (0 no pain, 10 worst imaginable). Averages "
            "over days use one mean per calendar day, so days with many entries do not weigh "
            "more. All numbers describe one person's diary; they are not tests of a "
            "treatment and they cannot rule a problem in or out."
        )
        + _p(
            f"Made with sci_pain {_e(__version__)}, a package for teaching. {_e(_NOT_A_DIAGNOSIS)}"
        )
        + f'<h3>References</h3><ul class="small">{refs}</ul>'
    )
    return _section("about", body)


# --------------------------------------------------------------------------------------------
# public API


def report_html(
    journal,
    *,
    title: str | None = None,
    injury_level: str = "unknown",
    expand: bool = False,
    progress: ProgressCallback | None = None,
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
        ``"unknown"``; passed to :func:`~sci_pain.analysis.flags.scan_red_flags`. At or above T6 a
        surge of spasms is flagged as an emergency (possible trigger of autonomic
        dysreflexia); with ``"unknown"`` the report states "AD escalation not assessed:
        injury level unknown".
    expand : bool, default False
        Open every folded section (for a full printout).
    progress : callable, optional
        ``progress(done, total, message)``, called before each of the
        :data:`REPORT_STAGES` (``done`` from 0) and once at the end with ``done == total``
        and ``"Done"``. Widgets connect it to a progress bar, the command line prints it.
        Nothing is printed when it is omitted.

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
    entries, problems, source = _coerce(journal)
    if "pain" not in entries.columns or "timestamp" not in entries.columns:
        msg = (
            "a report needs journal entries with 'timestamp' and 'pain' columns; got "
            f"{', '.join(map(repr, map(str, entries.columns))) or 'no columns'}"
        )
        raise ValueError(msg)
    ctx = _Context(
        entries=entries,
        problems=problems,
        source=_source_name(source),
        title=title or "Pain journal report",
        injury_level=injury_level,
    )
    total = len(REPORT_STAGES)

    def stage(i: int) -> None:
        if progress is not None:
            progress(i, total, REPORT_STAGES[i])

    stage(0)
    period = _period_section(ctx)
    stage(1)
    flags = _flags_section(ctx)
    stage(2)
    patterns = _patterns_section(ctx)
    stage(3)
    interventions = _interventions_section(ctx, _intervention_starts(ctx))
    stage(4)
    trend = _trend_section(ctx)  # after the comparisons: the timeline marks their starts
    stage(5)
    links = _links_section(ctx)
    stage(6)
    notes = _notes_section(ctx)
    n_records = getattr(journal, "n_records", None)
    problems_html = _problems_section(ctx, n_records if isinstance(n_records, int) else None)
    glance = _glance_section(ctx)
    stage(7)
    page = _page(
        ctx,
        [flags, glance, period, trend, patterns, interventions, links, notes, problems_html],
        expand=expand,
    )
    if progress is not None:
        progress(total, total, "Done")
    return page


def _page(ctx: _Context, sections: list[str], *, expand: bool = False) -> str:
    s = ctx.summary
    subtitle = "Pain journal"
    if ctx.source:
        subtitle += f" <strong>{_e(ctx.source)}</strong>"
    if s is not None:
        subtitle += (
            f": {_e(_day_long(s['first_day']))} to {_e(_day_long(s['last_day']))} "
            f"({_plural(int(s['days']), 'day')}, "
            f"{_plural(int(s['entries']), 'entry', 'entries')})"
        )
    toc = "".join(
        f'<li><a href="#{key}">{_e(value)}</a></li>' for key, value in REPORT_SECTIONS.items()
    )
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="sci_pain">\n'
        f"<title>{_e(ctx.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f'<header><h1>{_e(ctx.title)}</h1><p class="subtitle">{subtitle}</p></header>\n'
        f'<div class="note" role="note"><strong>Not a diagnosis; bring this to your '
        f"clinician.</strong> {_e(_NOT_A_DIAGNOSIS)}</div>\n"
        f'<nav aria-label="Contents"><strong>Contents</strong><ol>{toc}</ol></nav>\n'
        + "\n".join(sections)
        + "\n"
        + _about_section()
        + "\n<footer>Made for teaching with sci_pain. Not a diagnosis; bring this to your "
        "clinician.</footer>\n</main>\n</body>\n</html>\n"
    )
    if expand:  # only the report's own markup has this exact tag: journal text is escaped
        page = page.replace('<details class="fold">', '<details class="fold" open>')
    return page


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
