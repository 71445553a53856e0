"""The interactive self-check: one control, a Check button and feedback per question.

Examples
--------
>>> from sci_pain.course.quiz import load_quiz
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

__all__ = ["STATIC_HTML_MIMETYPE", "make_quiz", "show_quiz"]


# Long options wrap onto several lines instead of overlapping the next option.
_QUIZ_CSS = (
    "<style>.sci-pain-quiz .widget-radio-box label{white-space:normal;height:auto;"
    "line-height:1.35;margin:2px 0;align-items:flex-start}"
    ".sci-pain-quiz .widget-radio-box input{margin-top:3px}</style>"
)


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
    css = "correct" if feedback.correct else "wrong"
    colour = "#009E73" if feedback.correct else "#D55E00"
    icon = "✔" if feedback.correct else "✘"
    parts = [
        f'<div class="sci-pain-feedback {css}" style="border-left:4px solid {colour};'
        f'padding:2px 8px;margin:4px 0">',
        f"<b>{icon} {html.escape(feedback.message)}</b>",
    ]
    if feedback.explanation:
        parts.append(f"<br>{html.escape(feedback.explanation)}")
    parts.append("</div>")
    return "".join(parts)


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
    rows = [w.HTML(_QUIZ_CSS + f"<h4>{html.escape(quiz.title)}</h4>")]
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
    box = w.VBox(rows, layout=w.Layout(border="1px solid #bbb", padding="6px 12px"))
    box.add_class("sci-pain-quiz")
    box.controls, box.buttons, box.feedback = controls, buttons, feedback
    return box


STATIC_HTML_MIMETYPE = "text/x-sci-pain-static-html"
"""Where the static fallback travels in a live bundle. ``tools/build_notebooks.py`` turns it
into ``text/html`` when it strips live widget views from stored notebooks; a live JupyterLab
ignores it, so it always renders the widget itself."""


class _QuizDisplay:
    """Display bundle: the live widget, with a static HTML fallback for stored notebooks
    (GitHub/nbviewer show the questions with answers under ``<details>``)."""

    def __init__(self, quiz: Quiz, box):
        self.quiz, self.box = quiz, box

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.box._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle = dict(bundle)
        bundle[STATIC_HTML_MIMETYPE] = quiz_html(self.quiz)
        bundle["text/plain"] = f"{self.quiz.title}: {len(self.quiz.questions)} questions"
        return bundle


def show_quiz(quiz: Quiz):
    """Display a quiz in a notebook and return its widget.

    Live in JupyterLab it is interactive; in a static view (GitHub, nbviewer) the questions
    show with their answers folded under ``<details>``.
    """
    from IPython.display import display

    box = make_quiz(quiz)
    display(_QuizDisplay(quiz, box))
    return box
