"""The report's "Interventions: did it help?" section and the words it judges changes with.

Each intervention with a clear start (see :func:`~sci_pain.html.report_model.intervention_starts`)
is shown with its before-and-after comparison from the model, judged in words by
:func:`change_verdict` (both IMMPACT thresholds at once) and Parker and Vannest's NAP bands.
"""

from __future__ import annotations

import dataclasses
import math
from functools import partial

import pandas as pd

from sci_pain.html._format import day, day_long, escape, num, paragraph, plural, sentence, treatment
from sci_pain.html.report_model import ReportModel
from sci_pain.html.report_sections import Highlights, Section, figure_or_reason, section

__all__ = ["IMMPACT", "change_verdict", "flags_near", "interventions_section"]

IMMPACT = {"points": 2.0, "moderate_pct": 30.0, "substantial_pct": 50.0}
"""Both must be met for an important change (Farrar 2001; Dworkin 2008), see change_verdict."""


def _nap_words(value: float) -> str:
    """Parker & Vannest's (2009) rough bands for NAP."""
    if value >= 0.93:
        return "a strong effect by Parker and Vannest's rough bands (0.93 or more)"
    if value >= 0.66:
        return "a medium effect by Parker and Vannest's rough bands (0.66 to 0.92)"
    if value > 0.5:
        return "a weak effect by Parker and Vannest's rough bands (up to 0.65)"
    return "no improvement (0.5 means no difference; below it the 'after' days tended to be worse)"


def change_verdict(mean_a: float, mean_b: float) -> tuple[str, str]:
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
    >>> label, sentence = change_verdict(1.1, 1.5)
    >>> label
    'no important change'
    >>> print(sentence)  # doctest: +NORMALIZE_WHITESPACE
    Pain was 0.4 points (36%) higher after: a small change, below what counts as clinically
    important (0.4 points is less than 2 points; both 2 points and 30% are needed). From a
    low 'before' mean of 1.1, a small change in points is a large percentage.
    >>> change_verdict(2.0, 3.2)[0]
    'small worsening'
    >>> change_verdict(6.0, 3.5)[0]
    'moderate improvement'
    >>> change_verdict(6.0, 2.5)[0]
    'substantial improvement'
    >>> change_verdict(5.0, 7.0)[0]
    'moderate worsening'
    """
    limits = IMMPACT
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
            f"Pain was {num(size)} points ({pct_text}) {'lower' if better else 'higher'} "
            f"after: a {level} {'improvement' if better else 'worsening'} by the "
            f"IMMPACT/Farrar thresholds ({rule} of the 'before' mean)."
        )
        return label, sentence
    why = []
    if size < limits["points"]:
        why.append(f"{num(size)} points is less than {limits['points']:.0f} points")
    if pct < limits["moderate_pct"]:
        why.append(f"{pct_text} is less than {limits['moderate_pct']:.0f}%")
    low_baseline = size < limits["points"] and pct >= limits["moderate_pct"]
    sentence = (
        f"Pain was {num(size)} points ({pct_text}) {'lower' if better else 'higher'} after: "
        f"a small change, below what counts as clinically important ({' and '.join(why)}; "
        f"both {limits['points']:.0f} points and {limits['moderate_pct']:.0f}% are needed)."
    )
    if low_baseline:
        sentence += (
            f" From a low 'before' mean of {num(mean_a)}, a small change in points is a "
            "large percentage."
        )
    if size < 0.5:
        return "no important change", sentence
    return f"small {'improvement' if better else 'worsening'}", sentence


def flags_near(flags: pd.DataFrame | None, start: pd.Timestamp, days: int = 7) -> list[str]:
    """Caution when red flags were recorded within ``days`` of an intervention's start."""
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


def _comparison_words(r, item, label: str, verdict: str, pct: str, warnings) -> str:
    """Word one before-and-after comparison (template ``_comparison.html.j2``)."""
    from sci_pain.html._templates import render

    how = (
        f"given once, on {day_long(item.start)}"
        if item.one_off
        else (
            f"first recorded on {day_long(item.start)}, then on {item.days_used} of the "
            f"{item.days_after} days with ratings"
        )
    )
    return render(
        "_comparison.html.j2",
        heading=sentence(treatment(item.name)),
        how=sentence(how),
        mean_a=num(r.mean_a),
        days_a=plural(r.n_a, "day"),
        mean_b=num(r.mean_b),
        days_b=plural(r.n_b, "day"),
        change=num(r.change, sign=True),
        pct=pct,
        label=label,
        verdict=verdict,
        nap_percent=f"{100 * r.nap:.0f}",
        nap=num(r.nap, 2),
        nap_low=num(r.nap_ci[0], 2),
        nap_high=num(r.nap_ci[1], 2),
        nap_words=_nap_words(r.nap),
        tau=num(r.tau_bc, 2),
        tau_low=num(r.tau_bc_ci[0], 2),
        tau_high=num(r.tau_bc_ci[1], 2),
        corrected=bool(r.trend_corrected),
        warnings=warnings,
    )


def _plot_phases(comparison, title: str, ax) -> None:
    from sci_pain.plotting import plot_phases

    plot_phases(comparison, ax=ax, title=title)


def _phases_alt_text(comparison) -> str:
    from sci_pain.plotting import alt_text

    return alt_text("phases", comparison)


def _comparison(model: ReportModel, item, highlights: Highlights) -> str:
    """Show one intervention's comparison: words, cautions and the phase plot."""
    name, start, r = item.name, item.start, model.comparisons[item.name]
    pct = "" if math.isnan(r.change_pct) else f", {num(r.change_pct, 0, sign=True)}%"
    label, verdict = change_verdict(r.mean_a, r.mean_b)
    # the figure and its alt text say the same as the words (both thresholds at once)
    r = dataclasses.replace(r, clinical_category=label, clinical_text=verdict)
    highlights.changes.append(
        f"<strong>{escape(sentence(treatment(name)))}</strong> (from {escape(day(start))}): "
        f"mean pain {num(r.mean_a)} before, {num(r.mean_b)} after "
        f"({num(r.change, 2 if abs(r.change) < 0.1 else 1, sign=True)} points{pct}): "
        f"<strong>{escape(label)}</strong>"
        + (f"; {plural(len(r.warnings), 'caution')} in the details" if r.warnings else "")
        + "."
    )
    warnings = [*flags_near(model.flags, start), *r.warnings]
    lines = [_comparison_words(r, item, label, verdict, pct, warnings)]
    lines.append(
        figure_or_reason(
            f"The phase plot for {name}",
            partial(_plot_phases, r, f"Before and after {treatment(name)}"),
            partial(_phases_alt_text, r),
            caption=f"Daily mean pain before (A) and after (B) {treatment(name)} started; "
            "horizontal lines are the phase means.",
            size=(9.0, 3.6),
            worker=model.drawing,
        )
    )
    return "".join(lines)


def interventions_section(model: ReportModel, highlights: Highlights) -> Section:
    """Compare each intervention with a clear start before and after; say why not for others."""
    if not model.starts:
        return section(
            "interventions",
            paragraph(
                "No intervention is recorded in the journal (the 'interventions' column), so "
                "there is nothing to compare before and after."
            ),
        )
    body = [
        paragraph(
            "For each intervention with a clear start, the days before its first recorded use "
            "(A) are compared with the days from then on (B), one daily mean pain per day. "
            "Lower pain is better. An A-B comparison shows what changed, not why: something "
            "else that changed at the same time could explain it."
        )
    ]
    skipped = []
    for item in model.starts:
        why = item.reason or model.comparisons.get(item.name)
        if item.reason:
            skipped.append(
                f"<li><strong>{escape(treatment(item.name))}</strong>: {escape(why)}.</li>"
            )
        elif isinstance(why, Exception):
            skipped.append(
                f"<li><strong>{escape(treatment(item.name))}</strong>: {escape(why)}</li>"
            )
        else:
            body.append(_comparison(model, item, highlights))
            continue
        highlights.not_compared.append(treatment(item.name))
    if skipped:
        body.append("<h3>Not compared</h3><ul>" + "".join(skipped) + "</ul>")
    return section("interventions", "".join(body))
