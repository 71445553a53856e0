"""The generated course pages (answer key, lesson plans, glossary page) are current and sound."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import yaml

import sci_pain as sp

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "build_course_docs", ROOT / "tools" / "build_course_docs.py"
)
docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docs)


def test_committed_course_pages_are_current():
    stale = [str(p.relative_to(ROOT)) for p in docs.stale_pages()]
    assert not stale, f"regenerate with `make course-docs`: {stale}"


def test_answer_key_follows_the_quiz_loader():
    key = (ROOT / "docs" / "instructor" / "answer_key.md").read_text("utf-8")
    quizzes = {p.stem for p in sp.data_path("quizzes").glob("*.yaml")}
    for record in sp.load_learning_path():
        stem = Path(record["file"]).stem
        if stem not in quizzes:
            continue
        section = key.split(f"## {docs._heading(record)}\n", 1)[1].split("\n## ", 1)[0]
        for q in sp.load_quiz(stem).questions:
            assert q.prompt in section
            if q.kind == "choice":
                letter = "ABCDEFGH"[[o.correct for o in q.options].index(True)]
                option = q.correct_option
                assert f"- {letter}. {option} **(correct)**" in section
                assert f"Answer: **{letter}** — {option}" in section
            else:
                assert f"Answer: **{q.answer_text}**" in section


def test_answer_key_would_notice_a_changed_quiz(monkeypatch):
    real = sp.load_quiz

    def reversed_options(name):
        quiz = real(name)
        questions = tuple(
            type(q)(**{**q.__dict__, "options": tuple(reversed(q.options))}) for q in quiz.questions
        )
        return type(quiz)(title=quiz.title, questions=questions, source=quiz.source)

    monkeypatch.setattr(sp, "load_quiz", reversed_options)
    assert ROOT / "docs" / "instructor" / "answer_key.md" in docs.stale_pages()


def test_lesson_plans_add_up_and_name_notebooks_on_the_path():
    plans = yaml.safe_load((ROOT / "docs" / "instructor" / "plans.yaml").read_text("utf-8"))
    on_path = {r["file"] for r in sp.load_learning_path()}
    for plan in plans:
        assert plan["file"] in on_path, plan["file"]
        assert sum(minutes for minutes, _ in plan["plan_50"]) == 50, plan["file"]
        assert sum(minutes for minutes, _ in plan["plan_120"]) == 120, plan["file"]
        assert len(plan["prompts"]) >= 2 and len(plan["misconceptions"]) >= 2, plan["file"]


def test_lesson_plans_page_lists_every_notebook_with_its_objectives():
    page = (ROOT / "docs" / "instructor" / "lesson_plans.md").read_text("utf-8")
    for record in sp.load_learning_path():
        assert f"## {docs._heading(record)}" in page
        for objective in record["objectives"]:
            assert objective in page
    # timings: each table's start column runs 0, then adds up the minutes
    assert re.search(r"\| 45 \| 5 \|", page)
