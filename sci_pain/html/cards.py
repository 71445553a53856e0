"""HTML cards for the knowledge base: a cause, its red flags, management for one person.

Pure functions from the knowledge base (:mod:`sci_pain.knowledge.loaders`) to HTML strings, for
notebooks and for the widgets in :mod:`sci_pain.widgets.causes`, which only wire controls to
them. All text is escaped; colour (Okabe-Ito) only repeats what the words and symbols say.
The cause card is the template ``templates/cause_card.html.j2`` (with the pieces in
``templates/_card_parts.html.j2``); its red flags come from the one red-flag partial.

- :func:`red_flag_banner_html`: red flags as a banner (``role="alert"``), emergencies first.
- :func:`cause_card_html`: one cause: mechanism, features, where in the leg, red flags,
  management options with every caution and the situation it applies to, references.
- :func:`management_html`: the options for a cause with only the cautions that apply to a
  person's situation; contraindicated options marked and listed last.

Examples
--------
>>> card = cause_card_html("dvt")
>>> card.index("Red flags") < card.index("Mechanism")
True
>>> options = management_html("spasticity", situation=["impaired_sensation"])
>>> "Contraindicated for this person" in options
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from sci_pain.knowledge import (
    ISCIP_LABELS,
    LEVEL_LABELS,
    SITUATIONS,
    format_citation,
    get_cause,
    load_management,
    management_for,
    resolve_situations,
)
from sci_pain.style import PALETTE

__all__ = ["red_flag_banner_html", "cause_card_html", "management_html"]

_ALERT = PALETTE["vermillion"]
# Text needs 4.5:1 contrast on white (WCAG 2.1 AA); Okabe-Ito vermillion (3.9:1) and orange
# (2.3:1) are kept for borders and darkened, same hue, for words.
_ALERT_TEXT = "#A84A00"
_ORANGE_TEXT = "#8A5A00"
_SEVERITY_LOOK: dict[str, tuple[str, str, str]] = {
    # severity -> (symbol, words, colour)
    "contraindicated": ("✖", "Contraindicated", _ALERT_TEXT),
    "seek_care_first": ("⚠", "Seek medical care first", _ORANGE_TEXT),
    "precaution": ("▲", "Precaution", PALETTE["blue"]),
    "note": ("ℹ", "Note", "#666666"),
}
_LATERALITY = {
    "one_side": "usually one leg (either side)",
    "either": "one or both legs",
    "both_sides": "usually both legs",
}
_DELIVERED_BY = {"self": "the person", "therapist": "a therapist", "clinician": "a clinician"}
_EDUCATIONAL = (
    "Educational only: which option suits a person, and any medicine and its dose, is decided "
    "with their clinical team."
)


def _e(text: object) -> str:
    return html.escape(str(text))


def _words(name: str) -> str:
    return name.replace("_", " ")


def _severity_badge(severity: str, tail: str = "") -> str:
    symbol, words, colour = _SEVERITY_LOOK[severity]
    return (
        f'<span class="sci-pain-severity" data-severity="{_e(severity)}" '
        f'style="color:{colour};font-weight:bold;white-space:nowrap">'
        f"{symbol} {_e(words + tail)}</span>"
    )


def _references_html(keys: Iterable[str], *, folded: bool = False) -> str:
    keys = list(dict.fromkeys(keys))
    items = "".join(f"<li>{_e(format_citation(k))}</li>" for k in keys)
    body = f'<ol style="margin:2px 0;padding-left:1.6em;font-size:smaller">{items}</ol>'
    if folded:
        return (
            f'<details class="sci-pain-references"><summary>References ({len(keys)})</summary>'
            f"{body}</details>"
        )
    return (
        f'<div class="sci-pain-references"><p style="margin:6px 0 0 0;font-size:smaller">'
        f"<b>References</b></p>{body}</div>"
    )


def red_flag_banner_html(red_flags: Iterable[str], *, title: str | None = None) -> str:
    """Return a banner for red flags: label, urgency, signs and what to do now.

    Parameters
    ----------
    red_flags : iterable of str
        Red-flag ids (see :func:`sci_pain.load_red_flags`); shown emergencies first.
    title : str, optional
        The banner's heading (default ``"Red flags: seek medical care"``).

    Returns
    -------
    str
        A ``<div class="sci-pain-red-flags" role="alert">``, or ``""`` when there is none.

    Raises
    ------
    KeyError
        For an unknown red-flag id.

    Examples
    --------
    >>> banner = red_flag_banner_html(["fracture", "dvt"])
    >>> banner.index("deep vein thrombosis") < banner.index("fracture below")
    True
    >>> red_flag_banner_html([])
    ''
    """
    wanted = list(dict.fromkeys(red_flags))
    if not wanted:
        return ""
    from sci_pain.html.alerts import render_red_flags

    try:
        return render_red_flags(
            wanted, format="html", title=f"⚠ {title or 'Red flags: seek medical care'}"
        )
    except ValueError as exc:  # UnknownNameError is a KeyError and a ValueError
        raise KeyError(str(exc)) from exc


def cause_card_html(cause: str) -> str:
    """Return one cause as an HTML card.

    The card shows the red flags first (as a banner, when the cause has any), then the
    mechanism, the features (descriptors, timing, risk factors, what to look for, how it shows
    in a pain journal), where in the leg, the management options with every caution and the
    situation it applies to, and the references.

    Parameters
    ----------
    cause : str
        A cause id, label or alias (see :func:`sci_pain.get_cause`).

    Returns
    -------
    str
        A ``<div class="sci-pain-cause-card" data-cause="<id>">``.

    Raises
    ------
    UnknownNameError
        For an unknown cause (with close matches).

    See Also
    --------
    sci_pain.Cause.to_markdown : the same card as Markdown.

    Examples
    --------
    >>> card = cause_card_html("heterotopic ossification")
    >>> 'data-cause="heterotopic_ossification"' in card
    True
    >>> "sci-pain-red-flags" in cause_card_html("muscle_atrophy")
    False
    """
    from sci_pain.html._templates import Markup, render
    from sci_pain.knowledge import SERVICES, load_referral_ladder

    c = get_cause(cause)
    iscip = ISCIP_LABELS.get(str(c.iscip_subtype), str(c.iscip_subtype))
    level = LEVEL_LABELS.get(str(c.level), _words(str(c.level)))
    features = [
        ("Typical descriptors", "; ".join(c.descriptors)),
        ("Timing", c.timing),
        ("Risk factors", "; ".join(c.risk_factors)),
        ("Look for", "; ".join(c.look_for)),
        ("In a pain journal", c.journal_signature),
    ]
    sites = ", ".join(_words(s) for s in (*c.leg_sites, *c.body_sites))
    side = _LATERALITY.get(str(c.laterality), _words(str(c.laterality)))
    where = [("Sites", sites), ("Sides", side), ("More exactly", c.site_note)]
    options = [
        {
            "label": row["label"],
            "note": row["target_notes"].get(c.id) or row["summary"],
            "cautions": [_caution(k) for k in row["cautions"]],
        }
        for _, row in load_management().loc[list(c.management)].iterrows()
    ]
    return render(
        "cause_card.html.j2",
        cause=c,
        tags=[f"ISCIP: {iscip}", level],
        alert_colour=_ALERT_TEXT,
        red_flags=Markup(red_flag_banner_html(c.red_flags, title="Red flags: seek medical care")),
        referral={
            "label": load_referral_ladder().loc[c.referral, "label"],
            "who": "; ".join(SERVICES[w] for w in c.refer_to),
        },
        features=[(k, v) for k, v in features if v],
        where=[(k, v) for k, v in where if v],
        options=options,
        educational=_EDUCATIONAL,
        citations=[format_citation(k) for k in dict.fromkeys((*c.citations, *c.onset_citations))],
    )


def _caution(caution) -> dict[str, object]:
    """Describe a caution for the card: its severity badge, who it is for, its text."""
    symbol, words, colour = _SEVERITY_LOOK[caution.severity]
    who = (
        "for everyone"
        if caution.condition == "always"
        else f"if: {SITUATIONS[caution.condition].rstrip('.')}"
    )
    look = {"severity": caution.severity, "symbol": symbol, "words": words, "colour": colour}
    return {"look": look, "who": who, "text": caution.text}


def management_html(cause: str, *, situation: str | Iterable[str] = ()) -> str:
    """Return the management options for a cause with the cautions that apply to a person.

    Options come in the order of :func:`sci_pain.management_for`: the cause's teaching
    order, contraindicated options last and marked "Contraindicated for this person". Any
    "seek medical care first" caution that applies is repeated in a banner at the top. Each
    option also names the other situations that would bring a caution, so a learner sees
    what to tick.

    Parameters
    ----------
    cause : str
        A cause id, label or alias.
    situation : str or iterable of str
        The person's situations (keys of :data:`sci_pain.SITUATIONS`, or their labels).

    Returns
    -------
    str
        A ``<div class="sci-pain-management" data-cause="<id>">``; each option is a
        ``<div class="sci-pain-option" data-option="<id>" data-contraindicated="true|false">``.

    Raises
    ------
    UnknownNameError
        For an unknown cause or situation (with close matches).

    Examples
    --------
    >>> text = management_html("neuropathic_below_level", situation="pacemaker")
    >>> 'data-option="electrical_stimulation" data-contraindicated="true"' in text
    True
    """
    c = get_cause(cause)
    frame = management_for(c.id, situation=situation)
    person = set(resolve_situations(situation)) - {"always"}
    all_cautions = load_management()["cautions"]
    chosen = [label for sid, label in SITUATIONS.items() if sid in person]
    who = "; ".join(chosen) if chosen else "no situation ticked (cautions for everyone only)"
    parts = [
        f'<div class="sci-pain-management" data-cause="{_e(c.id)}">',
        f"<p style='margin:2px 0'><b>Management options for {_e(c.label)}</b><br>"
        f"<span style='font-size:smaller'><i>The person:</i> {_e(who)}</span></p>",
    ]
    first = list(
        dict.fromkeys(
            k.text for cautions in frame["cautions"] for k in cautions
            if k.severity == "seek_care_first"
        )
    )  # fmt: skip
    if first:
        steps = "".join(f"<li>{_e(t)}</li>" for t in first)
        parts.append(
            f'<div class="sci-pain-seek-care" role="alert" style="border:3px solid {_ALERT};'
            f'padding:0.4em 0.7em;margin:0.4em 0"><strong>⚠ Seek medical care first</strong>'
            f"<ul style='margin:0'>{steps}</ul></div>"
        )
    for mid, row in frame.iterrows():
        contra = bool(row["contraindicated"])
        border = _ALERT if contra else "#BBBBBB"
        who_does = ", ".join(_DELIVERED_BY.get(d, d) for d in row["delivered_by"])
        head = f"<b>{_e(row['label'])}</b>"
        if contra:
            head = f"{_severity_badge('contraindicated', ' for this person:')} {head}"
        block = [
            f'<div class="sci-pain-option" data-option="{_e(mid)}" '
            f'data-contraindicated="{str(contra).lower()}" style="border-left:6px solid {border};'
            'padding:2px 10px;margin:6px 0">',
            f"<p style='margin:2px 0'>{head} <span style='font-size:smaller'>"
            f"(by {_e(who_does)})</span></p>",
            f"<p style='margin:2px 0'>{_e(row['note'] or row['summary'])}</p>",
            f"<p style='margin:2px 0;font-size:smaller'><i>Evidence:</i> {_e(row['evidence'])}</p>",
        ]
        if row["cautions"]:
            lines = "".join(
                f"<li>{_severity_badge(k.severity)}: {_e(k.text)}</li>" for k in row["cautions"]
            )
            block.append(f"<ul style='margin:2px 0'>{lines}</ul>")
        else:
            block.append("<p style='margin:2px 0'>No caution applies to the situation ticked.</p>")
        applying = {k.condition for k in row["cautions"]}
        others = [
            SITUATIONS[k.condition]
            for k in all_cautions[mid]
            if k.condition != "always" and k.condition not in applying
        ]
        if others:
            block.append(
                "<p style='margin:2px 0;font-size:smaller;color:#555'><i>Also has cautions "
                f"for:</i> {_e('; '.join(dict.fromkeys(others)))}</p>"
            )
        block.append("</div>")
        parts.append("".join(block))
    parts.append(f"<p style='margin:4px 0;font-size:smaller'>{_e(_EDUCATIONAL)}</p>")
    parts.append(_references_html((k for keys in frame["citations"] for k in keys), folded=True))
    parts.append("</div>")
    return "".join(parts)
