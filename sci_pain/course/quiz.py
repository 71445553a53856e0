"""Self-check questions kept as data, checked by pure functions.

A quiz is a YAML file in ``data/quizzes/`` (one per notebook). Each question is either
multiple choice (``kind: choice``, options with per-option feedback, exactly one correct) or
numeric (``kind: numeric``, an answer with a tolerance and feedback for too low / too high).
:func:`check_answer` returns the feedback for an answer; :func:`quiz_html` is the static
fallback (answers under ``<details>``) for readers on GitHub or nbviewer; the interactive
version is :func:`sci_pain.make_quiz`.

Examples
--------
>>> quiz = load_quiz("00_start_here")
>>> q = quiz.questions[0]
>>> check_answer(q, q.correct_option).correct
True
"""

from __future__ import annotations

import html
import math
import random
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sci_pain._resources import data_path
from sci_pain.errors import QuizError

__all__ = [
    "Option",
    "Question",
    "Quiz",
    "Feedback",
    "QuizError",
    "load_quiz",
    "read_quiz",
    "check_answer",
    "parse_number",
    "quiz_html",
    "SHUFFLE_SEED",
]

SHUFFLE_SEED = 14
"""Fixed seed for the option order. Each question's options are shuffled once, when the quiz is
read, by a generator seeded with this number and the question's id, so the order is the same on
every run and machine, and ``read_quiz(...).questions[i].options`` is the order learners see (the
widget, the static fallback and any answer key all follow it)."""


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question."""

    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """A self-check question.

    Attributes
    ----------
    id : str
        Unique within the quiz.
    kind : {"choice", "numeric"}
    prompt : str
        The question (Markdown-free plain text; may contain simple HTML-safe text).
    explanation : str
        Why the answer is what it is; shown after any answer and in the static fallback.
    options : tuple of Option
        For ``choice``.
    answer, tolerance : float
        For ``numeric``: correct when ``abs(value - answer) <= tolerance``.
    unit : str
        For ``numeric``: shown beside the input.
    too_low, too_high : str
        For ``numeric``: feedback for a wrong answer on either side.
    """

    id: str
    kind: Literal["choice", "numeric"]
    prompt: str
    explanation: str
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    too_low: str = ""
    too_high: str = ""

    @property
    def correct_option(self) -> str | None:
        """Text of the correct option (``None`` for numeric questions)."""
        for option in self.options:
            if option.correct:
                return option.text
        return None

    @property
    def answer_text(self) -> str:
        """The correct answer as text."""
        if self.kind == "choice":
            return self.correct_option or ""
        value = f"{self.answer:g}"
        return f"{value} {self.unit}".strip()


@dataclass(frozen=True)
class Quiz:
    """A titled list of questions."""

    title: str
    questions: tuple[Question, ...] = field(default_factory=tuple)
    source: str = ""


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer."""

    correct: bool
    message: str
    explanation: str = ""


def _fail(source: str, where: str, problem: str) -> QuizError:
    return QuizError(f"{source}: {where}: {problem}")


def _shuffled(options: list[Option], qid: str) -> tuple[Option, ...]:
    """The options in the fixed, seeded order learners see (independent of file order)."""
    rng = random.Random(SHUFFLE_SEED * 1_000_003 + zlib.crc32(qid.encode("utf-8")))
    order = list(options)
    rng.shuffle(order)
    return tuple(order)


def _parse_question(raw: object, index: int, source: str, *, shuffle: bool = True) -> Question:
    where = f"question {index + 1}"
    if not isinstance(raw, dict):
        raise _fail(source, where, "each question must be a mapping")
    qid = str(raw.get("id") or f"q{index + 1}")
    where = f"question {index + 1} ({qid!r})"
    kind = raw.get("kind")
    for key in ("prompt", "explanation"):
        if not str(raw.get(key) or "").strip():
            raise _fail(source, where, f"missing {key!r}")
    common = {
        "id": qid,
        "prompt": str(raw["prompt"]).strip(),
        "explanation": str(raw["explanation"]).strip(),
    }
    if kind == "choice":
        raw_options = raw.get("options")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            raise _fail(source, where, "a choice question needs a list of at least 2 options")
        options = []
        for option in raw_options:
            if not isinstance(option, dict) or not str(option.get("text") or "").strip():
                raise _fail(source, where, "each option needs a 'text'")
            options.append(
                Option(
                    text=str(option["text"]).strip(),
                    correct=bool(option.get("correct", False)),
                    feedback=str(option.get("feedback") or "").strip(),
                )
            )
        n_correct = sum(o.correct for o in options)
        if n_correct != 1:
            raise _fail(source, where, f"exactly one option must be correct, found {n_correct}")
        if len({o.text for o in options}) != len(options):
            raise _fail(source, where, "option texts must be unique")
        ordered = _shuffled(options, qid) if shuffle else tuple(options)
        return Question(kind="choice", options=ordered, **common)
    if kind == "numeric":
        try:
            answer = float(raw["answer"])
            tolerance = float(raw.get("tolerance", 0.0))
        except (KeyError, TypeError, ValueError):
            raise _fail(source, where, "a numeric question needs a number 'answer'") from None
        if tolerance < 0 or not math.isfinite(answer):
            raise _fail(source, where, "'answer' must be finite and 'tolerance' >= 0")
        return Question(
            kind="numeric",
            answer=answer,
            tolerance=tolerance,
            unit=str(raw.get("unit") or ""),
            too_low=str(raw.get("too_low") or "Too low.").strip(),
            too_high=str(raw.get("too_high") or "Too high.").strip(),
            **common,
        )
    raise _fail(source, where, f"'kind' must be 'choice' or 'numeric', got {kind!r}")


def read_quiz(path: str | Path, *, shuffle: bool = True) -> Quiz:
    """Read a quiz from a YAML file.

    This is the one place where the options of a multiple-choice question get their order:
    they are shuffled with a fixed seed (:data:`SHUFFLE_SEED` and the question id), so the
    position of the correct option does not depend on how the file was written, and every
    view of the quiz shows the same order.

    Parameters
    ----------
    path : str or Path
        A YAML file with ``title`` and a list of ``questions``.
    shuffle : bool, default True
        ``False`` keeps the options in file order (for checking the file itself).

    Returns
    -------
    Quiz

    Raises
    ------
    QuizError
        If the file is malformed; the message names the file and the question.
    """
    import yaml

    path = Path(path)
    source = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise QuizError(f"{source}: no such quiz file") from None
    except yaml.YAMLError as err:
        raise QuizError(f"{source}: not valid YAML: {err}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise QuizError(f"{source}: expected a mapping with a 'questions' list")
    questions = tuple(
        _parse_question(q, i, source, shuffle=shuffle) for i, q in enumerate(raw["questions"])
    )
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise QuizError(f"{source}: duplicate question ids {duplicates}")
    return Quiz(title=str(raw.get("title") or "Self-check"), questions=questions, source=source)


def load_quiz(name: str) -> Quiz:
    """Load a bundled quiz by name (the file name in ``data/quizzes`` without ``.yaml``).

    Raises
    ------
    QuizError
        If there is no such quiz; the message lists the bundled ones.

    Examples
    --------
    >>> load_quiz("00_start_here").title
    'Check yourself'
    """
    folder = data_path("quizzes")
    path = folder / f"{name}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.yaml"))
        import difflib

        close = difflib.get_close_matches(name, known, n=3)
        hint = f" Did you mean {close}?" if close else ""
        raise QuizError(f"no bundled quiz named {name!r}; bundled quizzes: {known}.{hint}")
    return read_quiz(path)


_NUMBER = re.compile(
    r"^\s*([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(?:/\s*(\d+(?:[.,]\d*)?))?\s*(.*?)\s*\.?\s*$"
)
_PERCENT_WORDS = {"%", "percent", "per cent", "pc"}


def _unit_forms(unit: str) -> set[str]:
    """Ways a learner may write ``unit`` after the number ("2 points", "2 pts", "30%")."""
    unit = unit.strip().lower()
    if not unit:
        return set()
    forms = {unit}
    if unit == "%":
        return forms | _PERCENT_WORDS
    singular = unit[:-1] if unit.endswith("s") else unit
    forms |= {singular, singular + "s"}
    short = {"points": {"pt", "pts", "point"}, "minutes": {"min", "mins", "minute"}}
    forms |= short.get(unit, set())
    if unit.startswith("kg/m"):
        forms |= {"kg/m2", "kg/m^2", "kg/m²", "kg per m2", "kg per square metre"}
    return forms


def parse_number(question: Question, answer: object) -> float | None:
    """Read a numeric answer written the way people write numbers.

    Accepts a decimal comma ("2,4"), the question's unit after the number ("2 points",
    "30 minutes", "30%"), a fraction ("2/3") and, for a proportion without a unit, a
    percentage ("66.7%" for 0.667). Returns ``None`` when the text is not such a number.

    Examples
    --------
    >>> q = Question(id="x", kind="numeric", prompt="?", explanation=".", answer=30, unit="%")
    >>> parse_number(q, "30 %"), parse_number(q, "30 percent"), parse_number(q, "thirty")
    (30.0, 30.0, None)
    """
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return float(answer)
    match = _NUMBER.match(str(answer))
    if not match:
        return None
    number, denominator, rest = match.groups()
    value = float(number.replace(",", "."))
    if denominator is not None:
        bottom = float(denominator.replace(",", "."))
        if bottom == 0:
            return None
        value /= bottom
    rest = rest.lower().strip()
    if not rest:
        return value
    if rest in _unit_forms(question.unit):
        return value
    proportion = not question.unit.strip() and question.answer is not None
    if proportion and 0 <= question.answer <= 1 and rest in _PERCENT_WORDS:
        return value / 100
    return None


def check_answer(question: Question, answer: object) -> Feedback:
    """Check one answer and return feedback.

    Parameters
    ----------
    question : Question
    answer : str or float or None
        The option text for a choice question; a number for a numeric one. ``None`` (no
        answer yet) is never correct.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> from sci_pain.course.quiz import Question
    >>> q = Question(
    ...     id="x",
    ...     kind="numeric",
    ...     prompt="2 + 2?",
    ...     explanation="Arithmetic.",
    ...     answer=4,
    ...     too_low="More.",
    ...     too_high="Less.",
    ... )
    >>> check_answer(q, 3).message
    'Not quite. More.'
    >>> check_answer(q, 4).correct
    True
    >>> check_answer(q, "four").message
    "'four' is not a number: type it in digits."
    """
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(False, "Choose or enter an answer first.", "")
    if question.kind == "choice":
        for option in question.options:
            if option.text == answer:
                verdict = "Correct." if option.correct else "Not quite."
                message = f"{verdict} {option.feedback}".strip()
                return Feedback(option.correct, message, question.explanation)
        valid = [o.text for o in question.options]
        msg = f"{answer!r} is not an option of question {question.id!r}; options: {valid}"
        raise ValueError(msg)
    value = parse_number(question, answer)
    if value is None:
        unit = f" (in {question.unit})" if question.unit else ""
        msg = f"{str(answer).strip()!r} is not a number{unit}: type it in digits."
        return Feedback(False, msg, "")
    if abs(value - question.answer) <= question.tolerance + 1e-9:
        return Feedback(True, "Correct.", question.explanation)
    side = question.too_low if value < question.answer else question.too_high
    return Feedback(False, f"Not quite. {side}".strip(), question.explanation)


def quiz_html(quiz: Quiz) -> str:
    """Return the quiz as static HTML, each answer and explanation under ``<details>``.

    This is what a reader sees where widgets cannot run (GitHub, nbviewer, a printout).
    All text is escaped.

    Examples
    --------
    >>> "<details>" in quiz_html(load_quiz("00_start_here"))
    True
    """
    esc = html.escape
    parts = [f'<div class="sci-pain-quiz-static"><h4>{esc(quiz.title)}</h4><ol>']
    for q in quiz.questions:
        parts.append(f"<li><p>{esc(q.prompt)}</p>")
        if q.kind == "choice":
            parts.append("<ul>" + "".join(f"<li>{esc(o.text)}</li>" for o in q.options) + "</ul>")
        parts.append(
            f"<details><summary>Show the answer</summary><p><b>Answer:</b> {esc(q.answer_text)}</p>"
            f"<p>{esc(q.explanation)}</p></details></li>"
        )
    parts.append("</ol></div>")
    return "".join(parts)
