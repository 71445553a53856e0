"""Marking a learner's answers to a worked case, and the model answers with their sources.

Every step of a case (:data:`~sci_pain.course.cases.STEPS`) has a marking function that returns
whether the answer is right and feedback in words: :func:`mark_iscip` (the ISCIP classification,
with the dermatome rule), :func:`mark_screen`, :func:`mark_red_flags`, :func:`mark_plan` and
:func:`mark_referral`. :func:`model_answer_markdown` and :func:`model_answer_html` give the model
answer to a step. The functions are pure: tests and widgets call them.

Educational only: the model answers reason about a person on paper; they never diagnose anyone
and never give a dose.

Examples
--------
>>> mark_iscip("neuropathic", "below_level_sci", level="T8", dermatome="T10").correct
False
>>> mark_referral("emergency", "tom_t8_day10_calf").correct
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sci_pain.course.cases import REFERRAL_URGENCIES, STEPS, Case, CasePain, load_case
from sci_pain.course.dermatomes import iscip_zone, zone_rule
from sci_pain.errors import CaseError, did_you_mean
from sci_pain.knowledge import ISCIP_LABELS, ISCIP_SUBTYPE_OF, ISCIP_SUBTYPES, ISCIP_TYPES

__all__ = [
    "IscipMark",
    "StepMark",
    "mark_iscip",
    "mark_plan",
    "mark_red_flags",
    "mark_referral",
    "mark_screen",
    "model_answer_html",
    "model_answer_markdown",
    "record_labels",
    "screen_result",
]


@dataclass(frozen=True)
class IscipMark:
    """The marking of one ISCIP answer.

    Attributes
    ----------
    correct : bool
        Type and subtype both right.
    type_correct, subtype_correct : bool
    feedback : str
        What was right or wrong, and the rule that decides it, in words.
    rule : str
        The dermatome rule applied to this pain (``""`` when it does not apply).
    """

    correct: bool
    type_correct: bool
    subtype_correct: bool
    feedback: str
    rule: str = ""


def _check_iscip_words(chosen_type: str | None, chosen_subtype: str | None) -> None:
    """Raise CaseError for a type or subtype outside the ISCIP vocabulary."""
    for value, valid, what in (
        (chosen_type, ISCIP_TYPES, "type"),
        (chosen_subtype, ISCIP_SUBTYPES, "subtype"),
    ):
        if value is not None and value not in valid:
            msg = f"ISCIP {what} {value!r} is not one of {list(valid)}.{did_you_mean(value, valid)}"
            raise CaseError(msg)


def _iscip_head(
    chosen_type: str | None, chosen_subtype: str | None, correct_type: str, correct_subtype: str
) -> str:
    """Return the first sentence of the feedback: what to choose next, or what was wrong."""
    if chosen_type is None:
        return "Choose a type first (nociceptive, neuropathic, other or unknown)."
    if chosen_type != correct_type:
        return f"Not quite: the type is {correct_type}, not {chosen_type}."
    if chosen_subtype is None:
        return f"Right type ({correct_type}). Now choose the subtype."
    if chosen_subtype != correct_subtype:
        return (
            f"Right type ({correct_type}), but the subtype is "
            f"{ISCIP_LABELS[correct_subtype]}, not {ISCIP_LABELS[chosen_subtype]}."
        )
    return f"Correct: {ISCIP_LABELS[correct_subtype]}."


def mark_iscip(
    chosen_type: str | None,
    chosen_subtype: str | None,
    *,
    pain: CasePain | None = None,
    level: str | None = None,
    dermatome: str | None = None,
    correct_type: str | None = None,
    correct_subtype: str | None = None,
) -> IscipMark:
    """Mark an ISCIP classification (type, then subtype) and explain the rule.

    Give either a case's ``pain`` (its model answer, dermatome and reasoning are used) or the
    facts directly. With only ``level`` and ``dermatome`` the correct answer is taken to be
    an SCI neuropathic pain, whose subtype the dermatome rule decides.

    Parameters
    ----------
    chosen_type, chosen_subtype : str or None
        The learner's answer (:data:`~sci_pain.knowledge.schema.ISCIP_TYPES`,
        :data:`~sci_pain.knowledge.schema.ISCIP_SUBTYPES`).
    pain : CasePain, optional
    level, dermatome : str, optional
        Neurological level and the pain's dermatome (needed with ``pain`` only if the pain is
        not from a case: a case pain carries its dermatome; pass the case's level).
    correct_type, correct_subtype : str, optional

    Returns
    -------
    IscipMark

    Raises
    ------
    CaseError
        For a type or subtype that is not in the ISCIP vocabulary (with close matches).

    Examples
    --------
    >>> m = mark_iscip("neuropathic", "at_level_sci", level="L1", dermatome="L3")
    >>> m.correct
    True
    >>> print(m.rule)
    At-level zone for L1: L1, L2, L3, L4. L3 is 2 dermatomes below the level L1: within the level and three below, so a neuropathic pain there caused by the SCI is at-level.
    >>> mark_iscip(
    ...     "nociceptive",
    ...     "musculoskeletal",
    ...     correct_type="neuropathic",
    ...     correct_subtype="other_neuropathic",
    ... ).feedback.split(".")[0]
    'Not quite: the type is neuropathic, not nociceptive'
    """
    _check_iscip_words(chosen_type, chosen_subtype)
    reasoning = ""
    if pain is not None:
        correct_type, correct_subtype = pain.iscip_type, pain.iscip_subtype
        dermatome = dermatome or pain.dermatome
        reasoning = " ".join(pain.reasoning.split())
    if correct_type is None and correct_subtype is None:
        if level is None or dermatome is None:
            msg = "mark_iscip needs a case pain, the correct answer, or a level and a dermatome"
            raise CaseError(msg)
        zone = iscip_zone(level, dermatome)
        correct_type = "neuropathic"
        correct_subtype = {"at_level": "at_level_sci", "below_level": "below_level_sci"}.get(
            zone, "other_neuropathic"
        )
    if correct_type is None:
        correct_type = next(t for t, subs in ISCIP_SUBTYPE_OF.items() if correct_subtype in subs)
    rule = zone_rule(level, dermatome) if level and dermatome else ""
    type_ok = chosen_type == correct_type
    sub_ok = chosen_subtype == correct_subtype
    head = _iscip_head(chosen_type, chosen_subtype, correct_type, correct_subtype)
    neuropathic_sci = {"at_level_sci", "below_level_sci"}
    show_rule = rule and (correct_subtype in neuropathic_sci or chosen_subtype in neuropathic_sci)
    parts = [head]
    if show_rule:
        parts.append(rule)
    if reasoning:
        parts.append(reasoning)
    return IscipMark(
        correct=type_ok and sub_ok,
        type_correct=type_ok,
        subtype_correct=sub_ok,
        feedback=" ".join(parts),
        rule=rule,
    )


# -- marking the other steps ---------------------------------------------------------------------


@dataclass(frozen=True)
class StepMark:
    """The marking of one step of a case: right or not, and feedback in words."""

    correct: bool
    feedback: str


def _flat(text: object) -> str:
    return " ".join(str(text).split())


def screen_result(case: str | Case, index: int = 0):
    """Compute a case's screen with the package's score function.

    Returns the score's result (``DN4Result``, ``SCIPIResult``, ``WellsResult``, ...).

    Examples
    --------
    >>> screen_result("tom_t8_day10_calf").band
    'DVT likely'
    """
    from sci_pain import analysis as scores

    screen = load_case(case).answers["screen"][index]
    return getattr(scores, screen["tool"])(**screen["answers"])


def _positive(result) -> bool:
    for name in ("positive", "likely", "at_risk", "sci_at_risk"):
        if hasattr(result, name):
            return bool(getattr(result, name))
    msg = f"no positive/negative reading for {type(result).__name__}"  # pragma: no cover
    raise CaseError(msg)


def mark_screen(predicted_positive: bool | None, case: str | Case, index: int = 0) -> StepMark:
    """Mark a prediction of whether a case's screen is positive (at risk, likely).

    Examples
    --------
    >>> mark_screen(True, "tom_t8_day10_calf").correct
    True
    >>> mark_screen(False, "sam_t10_overuse_weight").feedback.split(":")[0]
    'Not quite'
    """
    case = load_case(case)
    screen = case.answers["screen"][index]
    result = screen_result(case, index)
    if predicted_positive is None:
        return StepMark(False, "Choose positive or negative first.")
    right = bool(predicted_positive) == _positive(result)
    head = "Right" if right else "Not quite"
    return StepMark(
        right,
        f"{head}: {result.title} gives {result.summary.split(': ', 1)[1]}. {_flat(screen['text'])}",
    )


def record_labels(kind: str) -> dict[str, str]:
    """Map each record id of a knowledge file (``red_flags``, ``management``, ...) to its label."""
    return dict(_labels_cached(kind))


@cache
def _labels_cached(kind: str) -> tuple[tuple[str, str], ...]:
    from sci_pain.knowledge import read_knowledge

    records, _ = read_knowledge()
    return tuple((str(r.get("id")), str(r.get("label", r.get("id")))) for r in records[kind])


def _set_feedback(chosen, wanted, labels: dict[str, str], what: str) -> tuple[bool, str]:
    chosen, wanted = set(chosen or ()), set(wanted)
    missed = [labels.get(i, i) for i in wanted - chosen]
    extra = [labels.get(i, i) for i in chosen - wanted]
    if not missed and not extra:
        return True, f"Right: {what}."
    parts = []
    if missed:
        parts.append(f"missed: {'; '.join(sorted(missed))}")
    if extra:
        parts.append(f"not for this person now: {'; '.join(sorted(extra))}")
    return False, f"Not quite ({', '.join(parts)})."


def mark_red_flags(chosen, case: str | Case) -> StepMark:
    """Mark the red flags a learner says are present now (ids of ``red_flags.yaml``).

    Examples
    --------
    >>> mark_red_flags(["autonomic_dysreflexia"], "daniel_t4_ad_pressure").correct
    True
    >>> mark_red_flags([], "daniel_t4_ad_pressure").feedback.startswith("Not quite (missed")
    True
    """
    case = load_case(case)
    answer = case.answers["red_flags"]
    labels = record_labels("red_flags")
    unknown = [c for c in chosen or () if c not in labels]
    if unknown:
        msg = f"unknown red flag(s) {unknown}; known: {list(labels)}"
        raise CaseError(msg)
    what = "no red flag now" if not answer["present"] else "that is the red flag now"
    right, head = _set_feedback(chosen, answer["present"], labels, what)
    return StepMark(right, f"{head} {_flat(answer['text'])}")


def mark_plan(chosen, case: str | Case) -> StepMark:
    """Mark the management options a learner picks (ids of ``management.yaml``).

    Examples
    --------
    >>> mark_plan(
    ...     ["physical_therapy", "diet", "cbt_self_management"], "sam_t10_overuse_weight"
    ... ).correct
    True
    """
    case = load_case(case)
    plan = case.answers["plan"]
    labels = record_labels("management")
    right, head = _set_feedback(chosen, plan["management"], labels, "these are the options")
    cautions = " ".join(f"({i}) {_flat(c)}" for i, c in enumerate(plan["cautions"], start=1))
    return StepMark(right, f"{head} {_flat(plan['text'])} Cautions for {case.name}: {cautions}")


def mark_referral(urgency: str | None, case: str | Case) -> StepMark:
    """Mark how soon a learner would refer: ``emergency``, ``urgent`` or ``routine``.

    Examples
    --------
    >>> mark_referral("routine", "tom_t8_day10_calf").feedback.split(".")[0]
    'Not quite: this is emergency, not routine'
    """
    case = load_case(case)
    referral = case.answers["referral"]
    if urgency is not None and urgency not in REFERRAL_URGENCIES:
        msg = f"urgency {urgency!r} is not one of {list(REFERRAL_URGENCIES)}.{did_you_mean(urgency, REFERRAL_URGENCIES)}"
        raise CaseError(msg)
    if urgency is None:
        return StepMark(False, "Choose how soon first.")
    right = urgency == referral["urgency"]
    head = "Right" if right else f"Not quite: this is {referral['urgency']}, not {urgency}"
    return StepMark(right, f"{head}. To {referral['to']}: {_flat(referral['text'])}")


# -- model answers as Markdown ---------------------------------------------------------------------


def _cite(keys) -> str:
    from sci_pain.knowledge import format_citation

    return "; ".join(format_citation(k) for k in keys)


def model_answer_markdown(case: str | Case, step: str) -> str:
    """Return the model answer to one step of a case, as Markdown with its sources.

    Parameters
    ----------
    case : str or Case
    step : str
        One of :data:`STEPS`.

    Examples
    --------
    >>> text = model_answer_markdown("tom_t8_day10_calf", "referral")
    >>> text.splitlines()[0]
    '**Referral: emergency** - to the ward doctor now (same-hour medical review)'
    """
    case = load_case(case)
    if step not in STEPS:
        msg = f"no step {step!r}; the steps are {list(STEPS)}.{did_you_mean(step, STEPS)}"
        raise CaseError(msg)
    a = case.answers
    flat = lambda text: " ".join(str(text).split())  # noqa: E731
    lines: list[str] = []
    if step == "classification":
        for pain in case.pains:
            lines.append(
                f"- **{pain.words}** ({pain.location}, {pain.dermatome}): "
                f"**{pain.label}** - {pain.source}. {flat(pain.reasoning)} "
                f"*Sources:* {_cite(pain.citations)}"
            )
    elif step == "screen":
        for s in a["screen"]:
            lines.append(
                f"- **{s['tool']}** -> {s['expect']}. {flat(s['text'])} *Sources:* {_cite(s['citations'])}"
            )
    elif step == "red_flags":
        r = a["red_flags"]
        labels = record_labels("red_flags")
        present = "; ".join(labels.get(i, i) for i in r.get("present") or []) or "none"
        watch = "; ".join(labels.get(i, i) for i in r.get("watch") or []) or "none"
        lines.append(f"**Present now:** {present}. **Watch for:** {watch}.")
        lines.append(f"{flat(r['text'])} *Sources:* {_cite(r['citations'])}")
    elif step == "plan":
        p = a["plan"]
        labels = record_labels("management")
        options = "; ".join(labels.get(i, i) for i in p["management"])
        lines.append(f"**Options, in order:** {options}.")
        lines.append(flat(p["text"]))
        if "medications" in p["management"]:
            from sci_pain.knowledge import canpainsci_approach

            lines.append(f"**Approach (CanPainSCI):** {canpainsci_approach()}")
        lines.append("**Cautions for this person:**")
        lines.extend(f"- {flat(c)}" for c in p["cautions"])
        if p.get("guideline_cautions"):
            from sci_pain.knowledge import canpainsci_cautions

            table = canpainsci_cautions()
            lines.append("**CanPainSCI cautions that apply:**")
            lines.extend(
                f"- {table.loc[c, 'text']} ({table.loc[c, 'who']})" for c in p["guideline_cautions"]
            )
        lines.append(f"*Sources:* {_cite(p['citations'])}")
    elif step == "referral":
        r = a["referral"]
        lines.append(f"**Referral: {r['urgency']}** - to {r['to']}")
        lines.append(f"{flat(r['text'])} *Sources:* {_cite(r['citations'])}")
    else:
        b = a["biopsychosocial"]
        lines.append(f"{flat(b['text'])} *Sources:* {_cite(b['citations'])}")
    return "\n".join(lines)


def _inline(text: str) -> str:
    import html
    import re

    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)


def model_answer_html(case: str | Case, step: str, *, open_: bool = False) -> str:
    """Return the model answer to one step as HTML, folded under ``<details>``.

    Readers of a stored notebook (GitHub, nbviewer) can unfold it; in JupyterLab the step
    widgets show it after the learner has answered.

    Examples
    --------
    >>> html_text = model_answer_html("raj_t11_diabetes", "referral")
    >>> html_text.startswith('<details class="sci-pain-model-answer">')
    True
    """
    case = load_case(case)
    lines = model_answer_markdown(case, step).splitlines()
    parts, in_list = [], False
    for line in lines:
        if line.startswith("- "):
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{_inline(line[2:])}</li>")
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        parts.append(f"<p>{_inline(line)}</p>")
    if in_list:
        parts.append("</ul>")
    title = step.replace("_", " ")
    opened = " open" if open_ else ""
    return (
        f'<details class="sci-pain-model-answer"{opened}><summary><b>Model answer ({title}) '
        f"for {_inline(case.name)}</b></summary>{''.join(parts)}</details>"
    )
