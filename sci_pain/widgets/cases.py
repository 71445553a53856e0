"""Widgets for the worked cases: choose a person, classify each pain, then work each step.

Every builder returns a container (not displayed) whose controls are attributes, so tests set
``.value`` and read what changed. The marking and the model answers come from
:mod:`sci_pain.course.cases`; the figures from :mod:`sci_pain.plotting.journal` and
:mod:`sci_pain.plotting.cases`. The ``show_*`` functions display a builder's widget with a static
fallback for stored notebooks (the default case, with its model answers under ``<details>``).

Examples
--------
>>> explorer = make_case_explorer()
>>> explorer.controls["case"].value = "tom_t8_day10_calf"
>>> "Tom, 29" in explorer.story.value
True
>>> exercise = make_iscip_exercise(explorer)
>>> exercise.controls["pain"].value = "rib_band"
>>> exercise.controls["type"].value = "neuropathic"
>>> exercise.controls["subtype"].value = "at_level_sci"
>>> "Correct" in exercise.feedback.value
True
"""

from __future__ import annotations

import html

from sci_pain.course import case_journal, list_cases, load_case, model_answer_html
from sci_pain.errors import did_you_mean
from sci_pain.html import score_html
from sci_pain.knowledge import ISCIP_LABELS, ISCIP_SUBTYPE_OF, ISCIP_TYPES
from sci_pain.widgets._base import BORDER, WIDE, feedback_html, show, static_fallback

__all__ = [
    "make_case_explorer",
    "make_iscip_exercise",
    "make_case_step",
    "show_case_explorer",
    "show_iscip_exercise",
    "show_case_step",
]

_STEP_QUESTIONS = {
    "screen": "Predict each screen before you see it: positive (at risk, likely) or negative?",
    "red_flags": "Which red flags are present now? Tick every one that applies (none is possible).",
    "plan": "Which management options belong in this person's plan now? Tick them.",
    "referral": "How soon does this person need to be seen?",
    "biopsychosocial": "What would you ask about mood, sleep and coping, and what would you "
    "offer? Think, then open the model answer.",
}


def _esc(text: object) -> str:
    return html.escape(" ".join(str(text).split()))


def _feedback(correct: bool, text: str) -> str:
    return feedback_html(correct, rest=f" {_esc(text)}")


def _story_html(case_id: str) -> str:
    case = load_case(case_id)
    exam = "".join(f"<li>{_esc(e)}</li>" for e in case.examination)
    pains = "".join(f"<li><i>“{_esc(p.words)}”</i> ({_esc(p.location)})</li>" for p in case.pains)
    return (
        f'<div class="sci-pain-case-story"><h4>{_esc(case.summary)}</h4>'
        f"<p><i>{_esc(case.setting)}</i></p>"
        f"<p><b>In {_esc(case.name)}'s words:</b> {_esc(case.story)}</p>"
        f"<p><b>Examination</b></p><ul>{exam}</ul>"
        f"<p><b>The pains to classify</b></p><ol>{pains}</ol></div>"
    )


def _timeline(case_id: str):
    from sci_pain.plotting import alt_text, plot_timeline

    case = load_case(case_id)
    entries = case_journal(case).entries
    title = f"{case.name}'s journal: {case.journal['problem']}"
    ax = plot_timeline(entries, flags=True, title=title)
    return ax, alt_text("timeline", entries, flags=True)


def make_case_explorer(case_id: str | None = None):
    """Choose a case and read its story, examination, pains and pain journal.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls["case"]`` (Dropdown of case ids), ``box.story`` (HTML) and
        ``box.figure`` (Output with the journal's timeline, red flags marked).
    """
    import ipywidgets as w

    from sci_pain.widgets.display import replace_output

    table = list_cases()
    options = [(f"{r.name}: {r.level} AIS {r.ais_grade}", r.id) for r in table.itertuples()]
    case = w.Dropdown(
        options=options,
        value=case_id or options[0][1],
        description="Case:",
        style=WIDE,
        layout=w.Layout(width="420px"),
    )
    story = w.HTML()
    figure = w.Output()
    effects = w.HTML()

    def update(_change=None):
        story.value = _story_html(case.value)
        ax, alt = _timeline(case.value)
        replace_output(figure, ax, alt=alt)
        described = " ".join(load_case(case.value).journal["description"].split())
        effects.value = (
            "<details><summary>What is built into this simulated journal</summary>"
            f"<p>{_esc(described)}</p></details>"
        )

    case.observe(update, names="value")
    update()
    box = w.VBox(
        [case, story, figure, effects],
        layout=w.Layout(**BORDER),
    )
    box.add_class("sci-pain-case")
    box.controls, box.story, box.figure, box.effects = {"case": case}, story, figure, effects
    return box


def _case_of(explorer, case_id: str | None) -> str:
    if explorer is not None:
        return explorer.controls["case"].value
    return case_id or str(list_cases()["id"].iloc[0])


def make_iscip_exercise(explorer=None, *, case_id: str | None = None):
    """Classify each pain of a case by ISCIP type, then subtype, with feedback and a figure.

    Parameters
    ----------
    explorer : the box from :func:`make_case_explorer`, optional
        The exercise follows its case selector.
    case_id : str, optional
        The case to use without an explorer.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls`` with ``"pain"`` (ToggleButtons), ``"type"`` and ``"subtype"``
        (Dropdowns); ``box.feedback`` (HTML from :func:`sci_pain.mark_iscip`) and
        ``box.figure`` (Output with :func:`sci_pain.plot_dermatome_zones`).
    """
    import ipywidgets as w

    from sci_pain.course import mark_iscip
    from sci_pain.plotting import alt_text_dermatome_zones, plot_dermatome_zones
    from sci_pain.widgets.display import replace_output

    state = {"case": _case_of(explorer, case_id)}
    pain = w.ToggleButtons(description="Pain:", style=WIDE)
    kind = w.Dropdown(
        options=[("- choose the type -", None)] + [(t.capitalize(), t) for t in ISCIP_TYPES],
        value=None,
        description="1. ISCIP type:",
        style=WIDE,
    )
    subtype = w.Dropdown(
        options=[("- choose the type first -", None)], description="2. Subtype:", style=WIDE
    )
    words = w.HTML()
    feedback = w.HTML()
    figure = w.Output()

    def pain_options():
        case = load_case(state["case"])
        pain.options = [(p.id.replace("_", " "), p.id) for p in case.pains]
        pain.tooltips = [p.words for p in case.pains]

    def redraw(_change=None):
        case = load_case(state["case"])
        chosen = case.pain(pain.value)
        words.value = (
            f"<p><b>{_esc(case.name)} ({case.neurological_level} AIS {case.ais_grade}):</b> "
            f"<i>“{_esc(chosen.words)}”</i> - {_esc(chosen.location)}; descriptors: "
            f"{_esc(', '.join(chosen.descriptors))}.</p>"
        )
        marks = {chosen.location: chosen.dermatome}
        ax = plot_dermatome_zones(case.neurological_level, pains=marks)
        replace_output(
            figure, ax, alt=alt_text_dermatome_zones(case.neurological_level, pains=marks)
        )
        kind.value = None
        mark()

    def subtypes(_change=None):
        if kind.value is None:
            subtype.options = [("- choose the type first -", None)]
        else:
            choices = ISCIP_SUBTYPE_OF[kind.value]
            subtype.options = [("- choose the subtype -", None)] + [
                (ISCIP_LABELS[s], s) for s in choices
            ]
        subtype.value = None
        mark()

    def mark(_change=None):
        if kind.value is None:
            feedback.value = "<p><i>Choose the type, then the subtype.</i></p>"
            return
        case = load_case(state["case"])
        result = mark_iscip(
            kind.value,
            subtype.value,
            pain=case.pain(pain.value),
            level=case.neurological_level,
        )
        if subtype.value is None and result.type_correct:
            feedback.value = _feedback(True, result.feedback.split(". Now")[0] + ".")
        else:
            feedback.value = _feedback(result.correct, result.feedback)

    def new_case(change):
        state["case"] = change["new"]
        pain_options()
        pain.value = pain.options[0][1]
        redraw()

    pain_options()
    pain.value = pain.options[0][1]
    pain.observe(redraw, names="value")
    kind.observe(subtypes, names="value")
    subtype.observe(mark, names="value")
    if explorer is not None:
        explorer.controls["case"].observe(new_case, names="value")
    redraw()
    box = w.VBox(
        [kind, subtype, pain, words, feedback, figure],
        layout=w.Layout(**BORDER),
    )
    box.add_class("sci-pain-iscip")
    box.controls = {"pain": pain, "type": kind, "subtype": subtype}
    box.feedback, box.figure = feedback, figure
    return box


def _step_controls(step: str, case_id: str):
    import ipywidgets as w

    from sci_pain.course import record_labels

    if step == "screen":
        rows = {}
        for i, screen in enumerate(load_case(case_id).answers["screen"]):
            target = (
                f" for the pain '{screen['pain'].replace('_', ' ')}'" if screen.get("pain") else ""
            )
            rows[i] = w.RadioButtons(
                options=[("positive / at risk / likely", True), ("negative", False)],
                value=None,
                description=f"{screen['tool'].replace('_', ' ').upper()}{target}:",
                style=WIDE,
            )
        return rows
    if step in ("red_flags", "plan"):
        labels = record_labels("red_flags" if step == "red_flags" else "management")
        return {
            key: w.Checkbox(
                value=False, description=label, indent=False, layout=w.Layout(width="max-content")
            )
            for key, label in labels.items()
        }
    if step == "referral":
        return {
            "urgency": w.RadioButtons(
                options=[
                    ("emergency: now", "emergency"),
                    ("urgent: the same day", "urgent"),
                    ("routine: planned", "routine"),
                ],
                value=None,
                description="",
            )
        }
    return {}


def _step_feedback(step: str, case_id: str, controls: dict) -> str:
    """Mark one step's answers (:mod:`sci_pain.course` marks; nothing is judged here)."""
    from sci_pain.course import mark_plan, mark_red_flags, mark_referral, mark_screen, screen_result

    if step == "screen":
        parts = []
        for i, control in controls.items():
            mark = mark_screen(control.value, case_id, i)
            parts.append(_feedback(mark.correct, mark.feedback))
            if control.value is not None:
                parts.append(score_html(screen_result(case_id, i)))
        return "".join(parts)
    if step == "red_flags":
        mark = mark_red_flags([k for k, c in controls.items() if c.value], case_id)
    elif step == "plan":
        mark = mark_plan([k for k, c in controls.items() if c.value], case_id)
    elif step == "referral":
        mark = mark_referral(controls["urgency"].value, case_id)
    else:
        return ""
    return _feedback(mark.correct, mark.feedback)


def make_case_step(explorer=None, step: str = "red_flags", *, case_id: str | None = None):
    """One reasoning step of a case as a self-check: answer, press Check, read the feedback.

    Parameters
    ----------
    explorer : the box from :func:`make_case_explorer`, optional
    step : {"screen", "red_flags", "plan", "referral", "biopsychosocial"}
    case_id : str, optional

    Returns
    -------
    ipywidgets.VBox
        ``box.controls`` (by red-flag id, management id, screen number, or ``"urgency"``),
        ``box.button`` (Check) and ``box.feedback`` (HTML: the marking and the model answer).

    Examples
    --------
    >>> box = make_case_step(step="referral", case_id="tom_t8_day10_calf")
    >>> box.controls["urgency"].value = "emergency"
    >>> box.button.click()
    >>> "Right" in box.feedback.value and "Model answer" in box.feedback.value
    True
    """
    import ipywidgets as w

    if step not in _STEP_QUESTIONS:
        msg = (
            f"no step {step!r}; the steps with a self-check are {list(_STEP_QUESTIONS)}."
            f"{did_you_mean(step, _STEP_QUESTIONS)}"
        )
        raise ValueError(msg)
    state = {"case": _case_of(explorer, case_id)}
    question = w.HTML(f"<p><b>{html.escape(_STEP_QUESTIONS[step])}</b></p>")
    holder = w.VBox()
    button = w.Button(
        description="Check" if step != "biopsychosocial" else "Show model answer",
        button_style="primary",
    )
    feedback = w.HTML()
    box = w.VBox(
        [question, holder, button, feedback],
        layout=w.Layout(**BORDER),
    )

    def build():
        controls = _step_controls(step, state["case"])
        holder.children = list(controls.values())
        box.controls = controls
        feedback.value = ""

    def check(_button=None):
        text = _step_feedback(step, state["case"], box.controls)
        feedback.value = text + model_answer_html(state["case"], step, open_=True)

    def new_case(change):
        state["case"] = change["new"]
        build()

    button.on_click(check)
    if explorer is not None:
        explorer.controls["case"].observe(new_case, names="value")
    build()
    box.add_class(f"sci-pain-step-{step.replace('_', '-')}")
    box.button, box.feedback = button, feedback
    return box


# -- display with a static fallback for stored notebooks ---------------------------------------


def _show(box, static_html: str, text: str):
    return show(static_fallback(box, lambda: static_html, text))


_STATIC_NOTE = (
    "<p><i>Static view: run this notebook in JupyterLab to choose another case and answer "
    "the self-checks. Shown: {name}.</i></p>"
)


def show_case_explorer(case_id: str | None = None):
    """Display :func:`make_case_explorer` (static fallback: the story and journal figure)."""
    from sci_pain.html import figure_html

    box = make_case_explorer(case_id)
    case_id = box.controls["case"].value
    ax, alt = _timeline(case_id)
    static = (
        _STATIC_NOTE.format(name=_esc(load_case(case_id).name))
        + _story_html(case_id)
        + figure_html(ax.figure, alt=alt)
    )
    import matplotlib.pyplot as plt

    plt.close(ax.figure)
    return _show(box, static, f"Case explorer: {load_case(case_id).name}")


def show_iscip_exercise(explorer=None, *, case_id: str | None = None):
    """Display :func:`make_iscip_exercise` (static fallback: the model classification)."""
    box = make_iscip_exercise(explorer, case_id=case_id)
    case_id = _case_of(explorer, case_id)
    static = _STATIC_NOTE.format(name=_esc(load_case(case_id).name)) + model_answer_html(
        case_id, "classification"
    )
    return _show(box, static, f"ISCIP exercise: {load_case(case_id).name}")


def show_case_step(explorer=None, step: str = "red_flags", *, case_id: str | None = None):
    """Display :func:`make_case_step` (static fallback: the question and the model answer)."""
    box = make_case_step(explorer, step, case_id=case_id)
    case_id = _case_of(explorer, case_id)
    static = (
        f"<p><b>{html.escape(_STEP_QUESTIONS[step])}</b></p>"
        + _STATIC_NOTE.format(name=_esc(load_case(case_id).name))
        + model_answer_html(case_id, step)
    )
    name = load_case(case_id).name
    return _show(box, static, f"Case step ({step.replace('_', ' ')}): {name}")
