"""The clinic report's sections, rendered from a :class:`~sci_pain.html.report_model.ReportModel`.

Each ``*_section`` function reads the model (it computes no analysis) and returns a
:class:`Section`, which the page template ``templates/report.html.j2`` lays out through
``templates/_section.html.j2``. What the first page repeats (the trend in words, the clearest
patterns, the changes after each intervention) is gathered in :class:`Highlights` while the
detailed sections are written, so both say the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from sci_pain.html._format import (
    day,
    day_long,
    escape,
    facts,
    missing,
    num,
    paragraph,
    plural,
    sentence,
    table,
    unavailable,
    when,
    words,
)
from sci_pain.html.report_drawing import DRAWING_LANES, start_drawing
from sci_pain.html.report_model import MIN_EFFECTIVE_DAYS, ReportModel

if TYPE_CHECKING:
    from sci_pain.html._background import Worker

__all__ = [
    "FOLD_HINTS",
    "Highlights",
    "NOT_A_DIAGNOSIS",
    "OPEN_SECTIONS",
    "PATTERN_POINTS",
    "DRAWING_LANES",
    "FIGURE_KINDS",
    "REPORT_SECTIONS",
    "Section",
    "about_section",
    "figure_or_reason",
    "fill_figures",
    "journal_figure",
    "flags_section",
    "glance_section",
    "links_section",
    "notes_section",
    "patterns_section",
    "period_section",
    "problems_section",
    "request_figures",
    "section",
    "start_drawing",
    "trend_section",
]

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

OPEN_SECTIONS = ("red-flags", "summary")
FOLD_HINTS = {
    "period": "facts, missed days, calendar",
    "trend": "slope and how it was worked out",
    "patterns": "time of day, weekday, sites, descriptors",
    "interventions": "each before-and-after comparison with its cautions",
    "links": "every link looked at, and when one is called clear",
    "notes": "the person's own notes",
    "problems": "what could not be read, row by row",
    "about": "the scale, the method, references",
}
PATTERN_POINTS = 1.0
"""A time-of-day, weekday or site difference shown on the first page is at least this big."""
NOT_A_DIAGNOSIS = (
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
_NO_PAIN = {
    "period": (
        "No entry with a pain rating could be read from this journal, so there is "
        "nothing to summarise. The table of problems at the end says why."
    ),
    "summary": (
        "No entry with a 0-10 pain rating could be read, so there is no trend, pattern "
        "or change to show. The problems found when reading the file (below) say why."
    ),
    "trend": "No pain ratings to follow over time.",
    "patterns": "No pain ratings to look for patterns in.",
}
_PART_WORDS = {"night": "at night", "morning": "in the morning"}
_MAX_PROBLEMS = 200
_MAX_NOTES = 40
_DPI = 100


@dataclass(frozen=True)
class Section:
    """One section of the page: its anchor, heading, HTML body, fold hint and whether open."""

    id: str
    title: str
    body: Markup
    hint: str = ""
    open: bool = False


@dataclass
class Highlights:
    """What the first page ("At a glance") repeats from the detailed sections."""

    trend_words: str = ""
    patterns: list[tuple[int, float, str]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)


def section(section_id: str, body: str, *, heading: str | None = None) -> Section:
    """Make a report section: open on the first page, else folded under its heading."""
    return Section(
        id=section_id,
        title=heading or REPORT_SECTIONS[section_id],
        body=Markup(body),  # built here; journal text escaped
        hint=FOLD_HINTS.get(section_id, ""),
        open=section_id in OPEN_SECTIONS,
    )


def _no_pain(model: ReportModel, section_id: str) -> Section | None:
    """Say there is nothing to show when no entry has a pain rating (else None)."""
    return None if model.has_pain else section(section_id, paragraph(_NO_PAIN[section_id]))


# --------------------------------------------------------------------------------------------
# figures


def figure_or_reason(
    what: str,
    draw: Callable,
    alt: Callable[[], str],
    *,
    caption: str | None = None,
    size=(9.0, 3.6),
    worker: Worker | None = None,
) -> str:
    """Draw on a fresh Axes in the sci_pain style and return ``<figure>``; or say why not.

    With a ``worker`` (:func:`start_drawing`) the figure is drawn there and a placeholder is
    returned, which :func:`fill_figures` replaces by the same ``<figure>``; ``draw`` and
    ``alt`` must then be picklable (``functools.partial`` of module-level functions).
    """
    if worker is not None:
        return _PLACEHOLDER.format(worker.submit(_draw_now, what, draw, alt, caption, size))
    return _draw_now(what, draw, alt, caption, size)


def _draw_now(what: str, draw: Callable, alt: Callable[[], str], caption, size) -> str:
    from matplotlib.figure import Figure

    from sci_pain.analysis import AnalysisError
    from sci_pain.html.figures import cropped_png, figure_html
    from sci_pain.plotting import fast_canvas_class
    from sci_pain.style import style_context

    try:
        with style_context():
            fig = Figure(figsize=size, dpi=_DPI)
            fast_canvas_class()(fig)  # each string rasterised once, as a whole (see _fastagg)
            draw(fig.add_subplot())
            png = cropped_png(fig, dpi=_DPI)
            return figure_html(fig, alt=alt(), caption=caption, dpi=_DPI, png=png)
    except (AnalysisError, ValueError, KeyError) as error:
        return unavailable(what, error)


_PLACEHOLDER = "<!--sci-pain figure {}-->"
"""Where a figure drawn by the worker goes (journal text is escaped: it cannot forge one)."""
_PLACED = re.compile(r"<!--sci-pain figure (\d+)-->")


def fill_figures(page: str, worker: Worker) -> str:
    """Put each figure the worker drew in place of its placeholder (waits for the worker)."""
    drawn = worker.results()
    return _PLACED.sub(lambda match: drawn[int(match.group(1))], page)


def _plot_kind(kind: str, data, ax) -> None:
    import sci_pain.plotting as plotting

    getattr(plotting, f"plot_{kind}")(data=data, ax=ax)


def _alt_kind(kind: str, data) -> str:
    import sci_pain.plotting as plotting

    return getattr(plotting, f"{kind}_alt_text")(data)


_FIGURES: dict[str, tuple[str, str, tuple[float, float]]] = {
    # kind: (what it is, when it cannot be drawn; caption; size in inches)
    "calendar": (
        "The calendar",
        "Each square is one day, coloured by that day's mean pain; hatched squares are days "
        "without an entry.",
        (9.0, 2.9),
    ),
    "timeline": (
        "The timeline",
        "Every entry as a dot, the 7-day rolling mean as a line; dashed lines mark when an "
        "intervention started and symbols along the top mark red flags.",
        (9.0, 3.0),
    ),
    "time_of_day_weekday": (
        "The weekday by time-of-day heatmap",
        "Mean pain for each weekday and part of the day; empty cells had no entry.",
        (7.5, 3.6),
    ),
    "body_map": (
        "The body map",
        "Both legs from hip to foot, coloured by mean pain at each site; hatched sites were "
        "never rated.",
        (6.0, 5.0),
    ),
    "descriptors": (
        "The descriptor chart",
        "How often each word was used to describe the pain.",
        (8.0, 3.6),
    ),
}
FIGURE_KINDS = tuple(_FIGURES)
"""The journal figures of the report, in the order they are asked for."""


def journal_figure(model: ReportModel, kind: str) -> str:
    """Draw one of the journal figures from the model's numbers, with its alt text.

    A figure already asked for by :func:`request_figures` is taken from ``model.drawn``.
    """
    drawn = model.drawn.get(kind)
    if drawn is not None:
        return drawn
    what, caption, size = _FIGURES[kind]
    data = model.figures[kind]
    if isinstance(data, Exception):
        return unavailable(what, data)
    return figure_or_reason(
        what,
        partial(_plot_kind, kind, data),
        partial(_alt_kind, kind, data),
        caption=caption,
        size=size,
        worker=model.drawing,
    )


def request_figures(model: ReportModel) -> ReportModel:
    """Ask the drawing process for every journal figure at once, before the text is written.

    So it draws them while this process writes the sections; without a drawing process
    (``model.drawing`` is None) the sections draw each figure where it goes. The page is the
    same either way.

    Returns
    -------
    ReportModel
        The model with ``drawn``: figure kind -> its placeholder (or why it cannot be drawn).
    """
    if model.drawing is None or not model.has_pain:
        return model
    kinds = [kind for kind in _FIGURES if kind in model.figures]
    return replace(model, drawn={kind: journal_figure(model, kind) for kind in kinds})


# --------------------------------------------------------------------------------------------
# red flags, period, trend


def flags_section(model: ReportModel) -> Section:
    """Show the red flags as episodes, in the package's one rendering of red flags."""
    from sci_pain.html.alerts import render_red_flags

    if model.flags is None:
        return section("red-flags", paragraph("There are no entries to scan."))
    return section(
        "red-flags",
        render_red_flags(
            model.flags,
            episodes=model.episodes,
            format="html",
            title=f"Act now, not at the visit. {_ACT_NOW}",
            empty=(
                "No red-flag pattern was found in what was recorded. This does not rule "
                "anything out: the scan only sees what was written down."
            ),
        ),
    )


def period_section(model: ReportModel) -> Section:
    """Show first and last day, entries, missed days, the pains' names, the calendar."""
    if (empty := _no_pain(model, "period")) is not None:
        return empty
    s = model.summary
    items = [
        (f"{day(s['first_day'])}", "first day"),
        (f"{day(s['last_day'])}", "last day"),
        (str(int(s["days"])), "calendar days"),
        (str(int(s["days_with_entries"])), "days with an entry"),
        (str(int(s["missed_days"])), "missed days (no entry)"),
        (str(int(s["entries"])), "entries"),
        (num(s["entries_per_day"]), "entries per day (on days with one)"),
        (f"{num(s['mean'])} / {num(s['median'], 0)}", "mean / median pain (0-10)"),
        (f"{num(s['min'], 0)} to {num(s['max'], 0)}", "lowest to highest pain"),
    ]
    for column, what in (
        ("interference", "mean interference"),
        ("interference_activities", "mean interference with daily activities (0-10)"),
        ("interference_mood", "mean interference with mood (0-10)"),
        ("interference_sleep", "mean interference with sleep (0-10)"),
    ):
        if model.has(column):
            items.append((num(model.entries[column].astype(float).mean()), what))
    body = [facts(items)]
    gap = _longest_gap(model.daily["missed"])
    if gap is not None:
        length, first, last = gap
        body.append(
            paragraph(
                f"The longest stretch without an entry was {plural(length, 'day')}, "
                f"{escape(day_long(first))} to {escape(day_long(last))}. Missed days are left "
                "out of every average below, not counted as pain-free."
            )
        )
    pains = _own_words(model.entries)
    if pains:
        body.append(paragraph(f"The pains were described as: {pains}."))
    body.append(journal_figure(model, "calendar"))
    return section("period", "".join(body))


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
    """List the person's own names for their pains (``problem``), with counts, escaped."""
    if "problem" not in entries.columns:
        return ""
    counts = entries["problem"].dropna().astype(str).str.strip()
    counts = counts[counts != ""].value_counts()
    if counts.empty:
        return ""
    shown = [
        f"\u201c{escape(name)}\u201d ({plural(int(n), 'entry', 'entries')})"
        for name, n in counts.head(8).items()
    ]
    more = f" and {len(counts) - 8} more" if len(counts) > 8 else ""
    return ", ".join(shown) + more


def _trend_words(t: pd.Series) -> str:
    """Put the Theil-Sen slope in words: rose, fell, or no clear trend."""
    slope, lo, hi = float(t["slope_per_week"]), float(t["ci_low"]), float(t["ci_high"])
    over = float(t["change_over_period"])
    interval = f"95% interval {num(lo, 2)} to {num(hi, 2)} points per week"
    if lo > 0:
        return (
            f"<strong>Pain rose</strong> by about {num(slope, 2)} points per week "
            f"({interval}): about {num(over)} points over the {int(t['period_days'])} days."
        )
    if hi < 0:
        return (
            f"<strong>Pain fell</strong> by about {num(-slope, 2)} points per week "
            f"({interval}): about {num(-over)} points over the {int(t['period_days'])} days."
        )
    return (
        f"<strong>No clear trend.</strong> The estimate is {num(slope, 2, sign=True)} "
        f"points per week, but the {interval} includes no change."
    )


def trend_section(model: ReportModel, highlights: Highlights) -> Section:
    """Show the trend per week, the 7-day average at start and end, and the method."""
    if (empty := _no_pain(model, "trend")) is not None:
        return empty
    t = model.trend
    body = []
    if isinstance(t, Exception):
        body.append(unavailable("A trend", t))
    else:
        text = _trend_words(t)
        body.append(paragraph(text))
        highlights.trend_words = text
        over, lo, hi = float(t["change_over_period"]), float(t["ci_low"]), float(t["ci_high"])
        if abs(over) >= 2 and (lo > 0 or hi < 0):
            noticed = "A change of 2 points or more is one that most people notice (Farrar 2001)."
            body.append(paragraph(noticed))
            highlights.trend_words += " " + noticed
        trend = model.rolling["rolling_mean"].dropna()
        if len(trend) >= 2:
            body.append(
                paragraph(
                    f"The 7-day average went from {num(trend.iloc[0])} at the start "
                    f"({escape(day(trend.index[0]))}) to {num(trend.iloc[-1])} at the end "
                    f"({escape(day(trend.index[-1]))})."
                )
            )
        body.append(
            paragraph(
                "How this is worked out: the slope is the Theil-Sen estimate over the daily "
                f"means of {plural(int(t['n_days']), 'day')} (the median of the slopes "
                "between all pairs of days, so a few extreme days hardly move it). Its "
                "interval assumes the days are independent; diary days are like their "
                "neighbours, so the real uncertainty is larger.",
                "muted small",
            )
        )
    body.append(
        paragraph("The timeline of every entry is at the top of the report.", "muted small")
    )
    return section("trend", "".join(body))


# --------------------------------------------------------------------------------------------
# patterns


def _profile_table(first: str, profile: pd.DataFrame, label=escape) -> str:
    return table(
        [first, "Mean pain", "Entries"],
        [[label(key), num(r["mean"]), str(int(r["n"]))] for key, r in profile.iterrows()],
        numeric=(1, 2),
    )


def _time_of_day(model: ReportModel, highlights: Highlights) -> list[str]:
    tod, within = model.time_of_day, model.time_of_day_within
    for result in (tod, within):
        if isinstance(result, Exception):
            return [unavailable("The time-of-day pattern", result)]
    body = [
        _profile_table("Part of the day", tod[tod["n"] > 0])
        + paragraph(
            "Night 0-6 h, morning 6-12 h, afternoon 12-18 h, evening 18-24 h.", "muted small"
        )
    ]
    enough = within[within["n"] >= 5]["mean"].dropna()
    if len(enough) < 2:
        return body
    hi, lo = enough.idxmax(), enough.idxmin()
    diff = float(enough.max() - enough.min())
    if diff >= 0.5:
        text = (
            f"Pain was highest {escape(_PART_WORDS.get(hi, f'in the {hi}'))} and "
            f"lowest {escape(_PART_WORDS.get(lo, f'in the {lo}'))}: comparing entries "
            f"of the same day, {escape(hi)} entries were on average {num(diff)} "
            f"points above {escape(lo)} entries."
        )
        body.append(paragraph(text))
        if diff >= PATTERN_POINTS:
            highlights.patterns.append((1, diff, text))
    else:
        most = f"{num(diff)} points at most." if diff >= 0.05 else "less than 0.1 points."
        body.append(
            paragraph(
                "Pain hardly changed over the day: within the same day, parts of the day "
                "differed by " + most
            )
        )
    return body


def _weekday(model: ReportModel, highlights: Highlights) -> list[str]:
    week = model.weekday
    if isinstance(week, Exception):
        return [unavailable("The weekday pattern", week)]
    rated = week[week["n"] > 0]
    body = [_profile_table("Weekday", rated)]
    means = rated[rated["n"] >= 5]["mean"].dropna()
    if len(means) < 2:
        return body
    spread = float(means.max() - means.min())
    if spread < 0.5:
        body.append(
            paragraph(f"Little difference between weekdays (at most {num(spread)} points).")
        )
        return body
    text = (
        f"Highest on {escape(means.idxmax())}s ({num(means.max())}), lowest on "
        f"{escape(means.idxmin())}s ({num(means.min())}): a difference of "
        f"{num(spread)} points, which may reflect the week's routine "
        "(therapy days, work, visits)."
    )
    body.append(paragraph(text))
    if spread >= PATTERN_POINTS:
        highlights.patterns.append((1, spread, text))
    return body


def _sites(model: ReportModel, highlights: Highlights) -> list[str]:
    if model.sites is None:
        return [paragraph("The journal does not record where the pain is (site).", "muted")]
    rated = model.sites[model.sites["n"] > 0]
    enough = rated[rated["n"] >= 5]["mean"].dropna()
    if len(enough) >= 2 and float(enough.max() - enough.min()) >= PATTERN_POINTS:
        spread = float(enough.max() - enough.min())
        highlights.patterns.append(
            (
                1,
                spread,
                f"Pain was rated highest at the {escape(words(enough.idxmax()))} (mean "
                f"{num(enough.max())}) and lowest at the {escape(words(enough.idxmin()))} "
                f"({num(enough.min())}), {num(spread)} points apart.",
            )
        )
    body = [_profile_table("Site", rated, lambda site: escape(words(site)))]
    if model.sides is not None:
        sides = model.sides[model.sides["n"] > 0]
        shown = "; ".join(
            f"{escape(side)} {plural(int(r['n']), 'entry', 'entries')} (mean {num(r['mean'])})"
            for side, r in sides.iterrows()
        )
        body.append(paragraph(f"Side: {shown}."))
    body.append(journal_figure(model, "body_map"))
    return body


def _descriptors(model: ReportModel) -> list[str]:
    if model.quality_groups is None:
        return [paragraph("The journal does not record how the pain feels (quality).", "muted")]
    groups = model.quality_groups
    rated = groups[(groups["n"] > 0) & (groups.index != "none")]
    total = int(rated["n"].sum())
    body = []
    if total:
        kinds = "; ".join(
            f"{escape(group)} {int(r['n'])} ({100 * r['n'] / total:.0f}%, mean pain "
            f"{num(r['mean'])})"
            for group, r in rated.iterrows()
        )
        body.append(
            paragraph(
                f"Entries by kind of descriptor: {kinds}. Burning, tingling, pins and needles, "
                "electric, shooting or painful cold suggest nerve (neuropathic) pain; aching, "
                "throbbing, cramping, stabbing or pressing suggest muscle, joint or bone "
                "(nociceptive) pain. Only an examination can tell."
            )
        )
    body.append(journal_figure(model, "descriptors"))
    return body


def patterns_section(model: ReportModel, highlights: Highlights) -> Section:
    """Show time of day, weekday (with the heatmap), sites and descriptors."""
    if (empty := _no_pain(model, "patterns")) is not None:
        return empty
    body = [
        '<div class="side-by-side"><div class="half">',
        "<h3>Time of day</h3>",
        *_time_of_day(model, highlights),
        '</div><div class="half">',
        "<h3>Day of the week</h3>",
        *_weekday(model, highlights),
        "</div></div>",
        journal_figure(model, "time_of_day_weekday"),
        "<h3>Where it hurts</h3>",
        *_sites(model, highlights),
        "<h3>What the pain feels like</h3>",
        *_descriptors(model),
    ]
    return section("patterns", "".join(body))


# --------------------------------------------------------------------------------------------
# links, the first page, notes, problems, about


def _link_row(r: pd.Series, model: ReportModel, highlights: Highlights) -> tuple[list[str], bool]:
    """Return one row of the links table (text) and whether the link is clear (a highlight)."""
    from sci_pain.analysis import link_verdict

    n_eff = r["n_effective"]
    verdict = link_verdict(
        float(r["rho"]),
        float(r["ci_low"]),
        float(r["ci_high"]),
        float(n_eff),
        alpha=1 - model.link_confidence,
        n=float(r["n"]),
        min_effective=MIN_EFFECTIVE_DAYS,
    )
    clear = verdict.startswith("clear")
    if clear:
        highlights.patterns.append(
            (
                0,
                abs(float(r["rho"])),
                f"{escape(sentence(str(r['description'])))}: higher values went with "
                f"{'more' if float(r['rho']) > 0 else 'less'} pain (rho {num(r['rho'], 2)}, "
                f"interval {num(r['ci_low'], 2)} to {num(r['ci_high'], 2)}, allowing for "
                f"{model.n_links} links looked at). A link, not a cause.",
            )
        )
    row = [  # text: the template escapes it
        str(r["description"]),
        num(r["rho"], 2),
        f"{num(r['ci_low'], 2)} to {num(r['ci_high'], 2)}",
        str(int(r["n"])),
        "n/a" if missing(n_eff) else f"{float(n_eff):.0f}",
        verdict,
    ]
    return row, clear


def links_section(model: ReportModel, highlights: Highlights) -> Section:
    """Show each link of pain with activity, sleep, spasms, immobility, and when it is clear."""
    if model.links is None:
        return section(
            "links",
            paragraph(
                "The journal records none of activity, sleep, spasms or immobility.", "muted"
            ),
        )
    if isinstance(model.links, Exception):
        return section("links", unavailable("Links", model.links))
    rows, clear = [], []
    for _, r in model.links.iterrows():
        row, is_clear = _link_row(r, model, highlights)
        rows.append(row)
        if is_clear:
            clear.append(r["description"])
    from sci_pain.html._templates import render

    body = render(
        "_links.html.j2",
        rows=rows,
        clear=clear,
        n_tests=model.n_links,
        level=f"{100 * model.link_confidence:.1f}".rstrip("0").rstrip("."),
        min_effective=MIN_EFFECTIVE_DAYS,
        caution=model.links.attrs.get("caution", ""),
    )
    return section("links", body)


def _glance_changes(highlights: Highlights) -> list[str]:
    body = ["<h3>What changed after each intervention</h3>"]
    if highlights.changes:
        body.append("<ul>" + "".join(f"<li>{line}</li>" for line in highlights.changes) + "</ul>")
        body.append(
            paragraph(
                "A change counts as important only when it is at least 2 points and at least "
                "30% of the 'before' mean (IMMPACT). Before and after shows what changed, not "
                "why.",
                "muted small",
            )
        )
    else:
        body.append(paragraph("No intervention has a before and after to compare."))
    if highlights.not_compared:
        body.append(
            paragraph(
                f"Not compared: {escape(', '.join(highlights.not_compared))} (the details say why).",
                "muted small",
            )
        )
    return body


def glance_section(model: ReportModel, highlights: Highlights) -> Section:
    """Sum up on the first page: period, trend, clearest patterns, changes."""
    if (empty := _no_pain(model, "summary")) is not None:
        return empty
    body = []
    s = model.summary
    if s is not None:
        body.append(
            paragraph(
                f"<strong>{plural(int(s['days']), 'day')}</strong> "
                f"({escape(day(s['first_day']))} to {escape(day(s['last_day']))}), "
                f"{plural(int(s['entries']), 'entry', 'entries')}, "
                f"{plural(int(s['missed_days']), 'day')} without an entry. Mean pain "
                f"{num(s['mean'])} out of 10 (lowest {num(s['min'], 0)}, highest "
                f"{num(s['max'], 0)})."
            )
        )
    body.append("<h3>Trend</h3>")
    body.append(
        paragraph(highlights.trend_words or "A trend could not be worked out (too few days).")
    )
    body.append(journal_figure(model, "timeline"))
    body.append("<h3>Clearest patterns</h3>")
    ranked = sorted(highlights.patterns, key=lambda p: (p[0], -p[1]))[:3]
    if ranked:
        body.append("<ul>" + "".join(f"<li>{text}</li>" for _, _, text in ranked) + "</ul>")
    else:
        body.append(
            paragraph(
                f"None stands out: no part of the day, weekday or site differs by "
                f"{num(PATTERN_POINTS)} point or more, and no link with activity, sleep or "
                "spasms is clear."
            )
        )
    body.extend(_glance_changes(highlights))
    body.append(
        paragraph(
            "The details follow, folded under their headings: open one to read it. A "
            "printout shows the headings only: to print everything, open the sections "
            "first.",
            "muted small",
        )
    )
    return section("summary", "".join(body))


def notes_section(model: ReportModel) -> Section:
    """List the person's own notes, the last ones when there are many."""
    if not model.has("notes"):
        return section("notes", paragraph("No notes were written in the journal.", "muted"))
    notes = model.entries.loc[model.entries["notes"].notna(), ["timestamp", "notes"]]
    notes = notes[notes["notes"].astype(str).str.strip() != ""]
    shown = notes.tail(_MAX_NOTES)
    intro = paragraph(
        f"{plural(len(notes), 'note')} in total"
        + (f"; the last {_MAX_NOTES} are shown" if len(notes) > _MAX_NOTES else "")
        + ". Notes are the person's own words, shown as written."
    )
    rows = [
        [escape(when(ts)), escape(text)]
        for ts, text in zip(shown["timestamp"], shown["notes"], strict=True)
    ]
    return section("notes", intro + table(["When", "Note"], rows, nowrap=(0,)))


def _problems_lead(problems: pd.DataFrame, n_records: int | None) -> str:
    kept = problems["kept"].astype(bool)
    rows_not_kept = problems.loc[~kept & (problems["row"] > 1), "row"].nunique()
    header_notes = int((problems["row"] == 1).sum())
    lead = (
        f"{plural(len(problems), 'problem')} in "
        f"{plural(int(problems.loc[problems['row'] > 1, 'row'].nunique()), 'record')}"
    )
    if n_records is not None:
        lead += f" of {n_records}"
    lead += f"; {plural(int(rows_not_kept), 'record')} could not be used (not kept)"
    if header_notes:
        lead += f"; {plural(header_notes, 'note')} on the header row"
    return lead


def problems_section(model: ReportModel) -> Section:
    """List the problems found when reading the file, row by row (the first 200)."""
    from sci_pain.html._templates import render

    problems = model.problems
    shown = problems.head(_MAX_PROBLEMS)
    rows = [
        {
            "row": int(row),
            "column": None if missing(column) else str(column),
            "value": None if missing(value) else str(value),
            "kept": bool(keep),
            "problem": None if missing(problem) else str(problem),
        }
        for row, column, value, problem, keep in zip(
            shown["row"],
            shown["column"].astype(object),
            shown["value"].astype(object),
            shown["problem"].astype(object),
            shown["kept"].astype(bool),
            strict=True,
        )
    ]
    body = render(
        "_problems.html.j2",
        problems=rows,
        lead=_problems_lead(problems, model.n_records) if rows else "",
        more=max(0, len(problems) - _MAX_PROBLEMS),
    )
    return section("problems", body)


def about_section() -> Section:
    """Describe the scale, the method, the version and the references."""
    from sci_pain import __version__
    from sci_pain.html._templates import render

    body = render("_about.html.j2", version=__version__, not_a_diagnosis=NOT_A_DIAGNOSIS)
    return section("about", body)
