"""Red flags, rendered one way everywhere: one HTML rendering and one plain-text rendering.

The reasoning aid (:func:`sci_pain.explain_causes`), the cause cards, the journal scan
(:func:`sci_pain.scan_red_flags`), the dashboard and the clinic report all show red flags
through :func:`render_red_flags`. Whatever the source, each red flag becomes an item with
the same parts, in the same order: the urgency in the words of the referral ladder
(``data/knowledge/referral.yaml``: "Emergency: seek care now", "Same day: see a clinician
today", ...), the red flag's name, what raised it (findings, or the journal's entries grouped
into episodes), why it is urgent, what to do now, and who to go to.

Examples
--------
>>> import sci_pain as sp
>>> text = render_red_flags(["fracture", "dvt"], format="text")
>>> print(text.splitlines()[1])
- [Emergency: seek care now] Possible deep vein thrombosis (blood clot)
>>> "Same day: see a clinician today" in text
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

import pandas as pd

__all__ = ["RedFlagItem", "red_flag_items", "render_red_flags", "URGENCY_COLOURS"]

URGENCY_COLOURS: dict[str, str] = {
    "emergency": "#D55E00",  # vermillion (Okabe-Ito)
    "same_day": "#E69F00",  # orange
    "soon": "#CC79A7",  # reddish purple
    "routine": "#0072B2",  # blue
}
"""Border colours by referral step (colour-blind-safe; the words always say it too)."""


@dataclass(frozen=True)
class RedFlagItem:
    """One red flag ready to render.

    Attributes
    ----------
    id : str
        Red-flag id (``red_flags.yaml``) or journal-scan pattern id.
    label : str
        Name shown.
    urgency : str
        Referral step (``emergency``, ``same_day``, ``soon``, ``routine``).
    evidence : tuple of str
        What raised it ("Raised by: ...", "29 entries on 14 days, ...").
    why : str
        Why it is urgent.
    what_to_do : tuple of str
        What to do now (educational, never a dose).
    refer_to : tuple of str
        Who to go to, in words.
    """

    id: str
    label: str
    urgency: str
    evidence: tuple[str, ...] = ()
    why: str = ""
    what_to_do: tuple[str, ...] = ()
    refer_to: tuple[str, ...] = ()


def _ladder():
    from sci_pain.knowledge import load_referral_ladder

    return load_referral_ladder()


def _without_ladder_words(explanation: str, severity: str) -> str:
    """Return a scan's explanation without its referral-ladder sentence.

    The card shows the ladder's step in its badge and under "How soon"; said a third time
    inside "First time" it only lengthens an urgent card. Explanations that do not hold
    the sentence are returned as they are.

    >>> _without_ladder_words(
    ...     "The left leg is swollen. Emergency: seek care now. Call emergency services or go "
    ...     "to the emergency department now. Say that the person has a spinal cord injury and "
    ...     "what is suspected (for example a clot or autonomic dysreflexia). Call at once.",
    ...     "emergency",
    ... )
    'The left leg is swollen. Call at once.'
    """
    row = _ladder().loc[severity]
    words = f"{row['label']}. {row['action']}"
    if words not in explanation:
        return explanation
    return " ".join(explanation.replace(words, " ").split())


def _services(ids: Iterable[str]) -> tuple[str, ...]:
    from sci_pain.knowledge import SERVICES

    return tuple(SERVICES.get(i, i) for i in ids)


def _from_knowledge(ids: Iterable[str], raised_by: dict[str, tuple[str, ...]] | None = None):
    from sci_pain.knowledge import UnknownNameError, load_findings, load_red_flags

    flags = load_red_flags()
    wanted = list(dict.fromkeys(ids))
    unknown = [f for f in wanted if f not in flags.index]
    if unknown:
        from sci_pain.errors import close_matches

        valid = list(flags.index)
        raise UnknownNameError(unknown[0], "red flag", close_matches(unknown[0], valid), valid)
    labels = load_findings()["label"]
    items = []
    for fid in [f for f in flags.index if f in wanted]:  # emergencies first, file order
        row = flags.loc[fid]
        evidence = ()
        if raised_by and raised_by.get(fid):
            evidence = ("Raised by: " + "; ".join(labels.get(f, f) for f in raised_by[fid]),)
        items.append(
            RedFlagItem(
                id=fid,
                label=row["label"],
                urgency=str(row["urgency"]),
                evidence=evidence,
                why=row["why_urgent"],
                what_to_do=row["what_to_do"],
                refer_to=_services(row["refer_to"]),
            )
        )
    return items


def _day(ts: pd.Timestamp) -> str:
    return f"{ts:%a %Y-%m-%d}"


def _from_scan(flags: pd.DataFrame, episodes: pd.DataFrame | None = None):
    from sci_pain.knowledge import load_red_flags

    known = load_red_flags()
    if episodes is None:
        from sci_pain.analysis import red_flag_episodes

        episodes = red_flag_episodes(flags)
    items = []
    for ep in episodes.itertuples():
        linked = [f for f in ep.red_flags if f in known.index]
        count = f"{ep.entries} {'entry' if ep.entries == 1 else 'entries'}"
        span = (
            f"on {_day(ep.start)}"
            if ep.days == 1
            else f"on {ep.days} days between {_day(ep.start)} and {_day(ep.end)}"
        )
        patterns = "; ".join(
            dict.fromkeys(
                t[:1].lower() + t[1:]  # (a title inside a sentence: "one swollen leg")
                for t in flags.loc[flags["flag"].isin(ep.patterns), "title"].astype(str)
            )
        )
        evidence = [f"In the journal: {count} {span} ({patterns})."]
        first = _without_ladder_words(ep.first_explanation, str(ep.severity))
        evidence.append(f"First time: {first}")
        if ep.entries > 1 and ep.last_explanation != ep.first_explanation:
            evidence.append(
                f"Most recent: {_without_ladder_words(ep.last_explanation, str(ep.severity))}"
            )
        if len(linked) == 1:
            row = known.loc[linked[0]]
            label, why, todo = row["label"], row["why_urgent"], row["what_to_do"]
            refer = _services(row["refer_to"])
        else:
            from sci_pain.analysis import RED_FLAG_RULES

            rule = RED_FLAG_RULES[ep.flag]
            label, why, todo = rule.title, rule.summary, rule.what_to_do
            refer = _services(
                dict.fromkeys(w for f in linked for w in known.loc[f, "refer_to"])
                or _ladder().loc[str(ep.severity), "who"]
            )
            if linked:
                evidence.append(
                    "Can be a sign of: " + "; ".join(known.loc[f, "label"] for f in linked) + "."
                )
        items.append(
            RedFlagItem(
                id=ep.key,
                label=label,
                urgency=str(ep.severity),
                evidence=tuple(evidence),
                why=why,
                what_to_do=tuple(todo),
                refer_to=refer,
            )
        )
    notes = list(flags.attrs.get("notes") or [])
    return _one_card_per_flag(items), notes


def _one_card_per_flag(items: list[RedFlagItem]) -> list[RedFlagItem]:
    """Merge the episodes of one red flag into one card: every episode listed, details once.

    A year of entries can hold several episodes of the same flag; repeating its explanation,
    what to do and who to see for each one buried the report under pages of identical text.
    The card keeps one "In the journal" line per episode (numbered when there are several),
    then the first episode's details.
    """
    merged: dict[str, list[RedFlagItem]] = {}
    for item in items:
        merged.setdefault(item.id, []).append(item)
    out = []
    for group in merged.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        seen = [line for item in group for line in item.evidence[:1]]
        episodes = tuple(
            f"Episode {i} of {len(seen)}: {line.removeprefix('In the journal: ')}"
            for i, line in enumerate(seen, start=1)
        )
        order = {s: i for i, s in enumerate(_ladder().index)}
        first = min(group, key=lambda item: order.get(item.urgency, len(order)))  # most pressing
        details = tuple(
            dict.fromkeys(line for line in first.evidence[1:] if not line.startswith("Most recent"))
        )
        out.append(replace(first, evidence=episodes + details))
    return out


def red_flag_items(source, *, episodes=None) -> tuple[list[RedFlagItem], list[str]]:
    """Turn any red-flag source into items to render, most pressing first, and notes.

    Parameters
    ----------
    source : iterable of str, CauseExplanation, its ``red_flags`` frame, or a scan table
        Red-flag ids (``red_flags.yaml``); a result of :func:`sci_pain.explain_causes` (or
        its ``.red_flags``); or a table from :func:`sci_pain.scan_red_flags`, whose entries
        are grouped into episodes (:func:`sci_pain.red_flag_episodes`).
    episodes : DataFrame, optional
        For a scan table: its :func:`sci_pain.red_flag_episodes`, when the caller already
        has them (the clinic report's model), so that they are not grouped again.

    Returns
    -------
    items : list of RedFlagItem
    notes : list of str
        What was not assessed (e.g. "Autonomic dysreflexia (AD) risk not assessed: injury level unknown").
    """
    if hasattr(source, "red_flags") and hasattr(source, "ranking"):
        source = source.red_flags
    if isinstance(source, pd.DataFrame):
        if {"flag", "severity", "explanation"}.issubset(source.columns):
            items, notes = _from_scan(source, episodes)
        else:
            raised = (
                {k: tuple(v) for k, v in source["raised_by"].items()}
                if "raised_by" in source.columns
                else None
            )
            items, notes = _from_knowledge(source.index, raised), []
    elif isinstance(source, str):
        items, notes = _from_knowledge([source]), []
    else:
        items, notes = _from_knowledge(source), []
    order = {s: i for i, s in enumerate(_ladder().index)}
    items.sort(key=lambda item: order.get(item.urgency, len(order)))  # stable
    return items, notes


def _html(items: list[RedFlagItem], notes: list[str], title: str, empty: str) -> str:
    """Render the red-flag box with the one partial ``templates/_red_flags.html.j2``."""
    from sci_pain.html._templates import render

    ladder = _ladder()
    shown = []
    for item in items:
        step = ladder.loc[item.urgency] if item.urgency in ladder.index else None
        shown.append(
            {
                "label": item.label,
                "urgency": item.urgency,
                "colour": URGENCY_COLOURS.get(item.urgency, "#000000"),
                "words": step["label"] if step is not None else item.urgency,
                "evidence": item.evidence,
                "why": item.why,
                "what_to_do": item.what_to_do,
                "action": step["action"] if step is not None else None,
                "refer_to": "; ".join(item.refer_to),
            }
        )
    return render("_red_flags.html.j2", items=shown, notes=notes, title=title, empty=empty)


def _text(items, notes, title, empty, e: Callable[[str], str]) -> str:
    ladder = _ladder()
    lines = []
    if items:
        lines.append(e(title))
    elif empty:
        lines.append(e(empty))
    for item in items:
        step = ladder.loc[item.urgency] if item.urgency in ladder.index else None
        words = step["label"] if step is not None else item.urgency
        lines.append(f"- [{e(words)}] {e(item.label)}")
        for line in item.evidence:
            lines.append(f"  - {e(line)}")
        if item.why:
            lines.append(f"  - Why: {e(item.why)}")
        for s in item.what_to_do:
            lines.append(f"  - {e(s)}")
        if step is not None:
            lines.append(f"  - How soon: {e(step['action'])}")
        if item.refer_to:
            lines.append(f"  - Who: {e('; '.join(item.refer_to))}")
    for note in notes:
        lines.append(f"{e(note)}.")
    return "\n".join(lines)


def render_red_flags(
    source,
    *,
    format: Literal["html", "text"] = "html",
    title: str = "Red flags: seek medical care",
    empty: str = "",
    escape: Callable[[str], str] | None = None,
    episodes: pd.DataFrame | None = None,
) -> str:
    """Render red flags from any source, most pressing first, in the ladder's words.

    The one rendering of red flags in the package: the reasoning aid, the cause cards, the
    dashboard and the clinic report all call it.

    Parameters
    ----------
    source
        See :func:`red_flag_items`: red-flag ids, a :func:`sci_pain.explain_causes` result,
        or a table from :func:`sci_pain.scan_red_flags` (shown as episodes).
    format : {"html", "text"}
        HTML (one ``role="alert"`` box; each flag a ``div.flag.<urgency>``) or plain text
        (one line per flag, details indented; also valid Markdown).
    title : str
        Heading shown above the flags.
    empty : str
        What to say when there is no red flag ("" for nothing).
    escape : callable, optional
        For ``format="text"``: escape each piece of text (e.g. for Markdown).
    episodes : DataFrame, optional
        See :func:`red_flag_items`.

    Returns
    -------
    str

    Examples
    --------
    >>> html_text = render_red_flags(["dvt"])
    >>> 'class="flag emergency"' in html_text and "Emergency department" in html_text
    True
    """
    items, notes = red_flag_items(source, episodes=episodes)
    if format == "html":
        return _html(items, notes, title, empty)
    if format == "text":
        return _text(items, notes, title, empty, escape or (lambda t: t))
    msg = f"format must be 'html' or 'text', got {format!r}"
    raise ValueError(msg)
