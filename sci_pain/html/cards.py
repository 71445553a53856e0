"""HTML cards for the knowledge base: a cause, its red flags, management for one person.

Pure functions from the knowledge base (:mod:`sci_pain.knowledge.loaders`) to HTML strings, for
notebooks and for the widgets in :mod:`sci_pain.widgets.causes`, which only wire controls to
them. All text is escaped; colour (Okabe-Ito) only repeats what the words and symbols say.
The cause card and the management options are the templates ``templates/cause_card.html.j2``
and ``templates/management.html.j2`` (with the pieces in ``templates/_card_parts.html.j2``);
the card's red flags come from the one red-flag partial.

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

from collections.abc import Iterable

from sci_pain.html._templates import Markup, render
from sci_pain.knowledge import (
    ISCIP_LABELS,
    LEVEL_LABELS,
    SITUATIONS,
    canpainsci_for,
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


def _words(name: str) -> str:
    return name.replace("_", " ")


def _look(severity: str, tail: str = "") -> dict[str, str]:
    """Describe a severity badge (``_card_parts.html.j2``): symbol, words and colour."""
    symbol, words, colour = _SEVERITY_LOOK[severity]
    return {"severity": severity, "symbol": symbol, "words": words + tail, "colour": colour}


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
    who = (
        "for everyone"
        if caution.condition == "always"
        else f"if: {SITUATIONS[caution.condition].rstrip('.')}"
    )
    return {"look": _look(caution.severity), "who": who, "text": caution.text}


def management_html(cause: str, *, situation: str | Iterable[str] = ()) -> str:
    """Return the management options for a cause with the cautions that apply to a person.

    Options come in the order of :func:`sci_pain.management_for`: the cause's teaching
    order, contraindicated options last and marked "Contraindicated for this person". Any
    "seek medical care first" caution that applies is repeated in a banner at the top. Each
    option also names the other situations that would bring a caution, so a learner sees
    what to tick. For neuropathic SCI pain (at-level or below-level) the CanPainSCI guideline
    comes first (:func:`sci_pain.canpainsci_for`): the approach "trial, re-evaluate, then
    change", the recommendations by level, and the SCI-specific cautions for this person. No
    doses, ever.

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
        ``<div class="sci-pain-option" data-option="<id>" data-contraindicated="true|false">``;
        the guideline, when it applies, a ``<div class="sci-pain-guideline">`` with one
        ``<tr data-level="...">`` per recommendation and one ``<li data-caution="<id>">`` per
        caution that applies.

    Raises
    ------
    UnknownNameError
        For an unknown cause or situation (with close matches).

    Examples
    --------
    >>> text = management_html("neuropathic_below_level", situation="pacemaker")
    >>> 'data-option="electrical_stimulation" data-contraindicated="true"' in text
    True
    >>> 'data-caution="capsaicin_ad"' in text, "Trial, re-evaluate, then change" in text
    (False, True)
    """
    c = get_cause(cause)
    frame = management_for(c.id, situation=situation)
    guideline = canpainsci_for(c.id, situation=situation)
    person = set(resolve_situations(situation)) - {"always"}
    all_cautions = load_management()["cautions"]
    chosen = [label for sid, label in SITUATIONS.items() if sid in person]
    first = dict.fromkeys(
        k.text
        for cautions in frame["cautions"]
        for k in cautions
        if k.severity == "seek_care_first"
    )
    return render(
        "management.html.j2",
        cause=c,
        person="; ".join(chosen) if chosen else "no situation ticked (cautions for everyone only)",
        seek_care_first=list(first),
        alert_colour=_ALERT,
        contraindicated=_look("contraindicated", " for this person:"),
        options=[_option(mid, row, all_cautions[mid]) for mid, row in frame.iterrows()],
        guideline=_guideline(guideline),
        caution_look=_look("precaution"),
        educational=_EDUCATIONAL,
        citations=[
            format_citation(k)
            for k in dict.fromkeys(
                [
                    *(k for ks in frame["citations"] for k in ks),
                    *(guideline.citations if guideline else ()),
                ]
            )
        ],
    )


def _guideline(advice) -> dict[str, object] | None:
    """Describe the CanPainSCI guideline for the template: levels, cautions that apply, others."""
    if advice is None:
        return None
    cautions = advice.cautions
    return {
        "approach": advice.approach,
        "rows": advice.recommendations.to_dict("records"),
        "applying": [
            {"id": cid, "who": row["who"], "text": row["text"]}
            for cid, row in cautions[cautions["applies"]].iterrows()
        ],
        "others": "; ".join(
            dict.fromkeys(SITUATIONS[s] for s in cautions.loc[~cautions["applies"], "situation"])
        ),
    }


def _option(mid: str, row, every_caution) -> dict[str, object]:
    """Describe one management option for a person: who gives it, cautions that apply, others."""
    contra = bool(row["contraindicated"])
    applying = {k.condition for k in row["cautions"]}
    others = [
        SITUATIONS[k.condition]
        for k in every_caution
        if k.condition != "always" and k.condition not in applying
    ]
    return {
        "id": mid,
        "label": row["label"],
        "contraindicated": contra,
        "border": _ALERT if contra else "#BBBBBB",
        "delivered_by": ", ".join(_DELIVERED_BY.get(d, d) for d in row["delivered_by"]),
        "note": row["note"] or row["summary"],
        "evidence": row["evidence"],
        "cautions": [{"look": _look(k.severity), "text": k.text} for k in row["cautions"]],
        "others": "; ".join(dict.fromkeys(others)),
    }
