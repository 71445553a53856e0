"""The interactive self-check: one control, a Check button and feedback per question.

Examples
--------
>>> from sci_pain.course import load_quiz
>>> quiz = make_quiz(load_quiz("00_start_here"))
>>> first = load_quiz("00_start_here").questions[0]
>>> quiz.controls[first.id].value = first.correct_option
>>> quiz.buttons[first.id].click()
>>> "sci-pain-feedback correct" in quiz.feedback[first.id].value
True
"""

from __future__ import annotations

import html

from sci_pain.course import Question, Quiz, check_answer, quiz_html
from sci_pain.widgets._base import (
    BORDER,
    feedback_html,
    show,
    static_fallback,
    style_html,
)

__all__ = ["make_quiz", "show_quiz"]


def _control(question: Question):
    import ipywidgets as w

    if question.kind == "choice":
        return w.RadioButtons(
            options=[o.text for o in question.options],
            value=None,
            description="",
            layout=w.Layout(width="100%"),
            style={"description_width": "0px"},
        )
    return w.Text(
        value="",
        placeholder=f"a number{(' in ' + question.unit) if question.unit else ''}",
        description="Answer:",
        layout=w.Layout(width="260px"),
    )


def _feedback_html(feedback) -> str:
    more = f"<br>{html.escape(feedback.explanation)}" if feedback.explanation else ""
    return feedback_html(feedback.correct, feedback.message, more)


def make_quiz(quiz: Quiz):
    """Build the interactive quiz (returned, not displayed).

    Parameters
    ----------
    quiz : Quiz
        From :func:`sci_pain.load_quiz` or :func:`sci_pain.read_quiz`.

    Returns
    -------
    ipywidgets.VBox
        With attributes ``controls``, ``buttons`` and ``feedback`` (dicts keyed by question
        id) so that tests and notebooks can set answers in code and read the feedback.
    """
    import ipywidgets as w

    controls, buttons, feedback = {}, {}, {}
    rows = [w.HTML(style_html("quiz") + f"<h4>{html.escape(quiz.title)}</h4>")]
    for number, question in enumerate(quiz.questions, start=1):
        control = _control(question)
        button = w.Button(
            description="Check",
            tooltip=f"Check your answer to question {number}",
            button_style="primary",
            layout=w.Layout(width="90px"),
        )
        result = w.HTML(value="")

        def on_click(_button, question=question, control=control, result=result):
            result.value = _feedback_html(check_answer(question, control.value))

        button.on_click(on_click)
        controls[question.id], buttons[question.id], feedback[question.id] = control, button, result
        rows.append(
            w.VBox(
                [
                    w.HTML(f"<p><b>{number}.</b> {html.escape(question.prompt)}</p>"),
                    control,
                    button,
                    result,
                ],
                layout=w.Layout(margin="0 0 10px 0"),
            )
        )
    box = w.VBox(rows, layout=w.Layout(**BORDER))
    box.add_class("sci-pain-quiz")
    box.controls, box.buttons, box.feedback = controls, buttons, feedback
    return box


def show_quiz(quiz: Quiz):
    """Display a quiz in a notebook and return its widget.

    Live in JupyterLab it is interactive; in a static view (GitHub, nbviewer) the questions
    show with their answers folded under ``<details>``.
    """
    box = make_quiz(quiz)
    text = f"{quiz.title}: {len(quiz.questions)} questions"
    return show(static_fallback(box, lambda: quiz_html(quiz), text))
