"""A self-check answered with the keyboard alone, in JupyterLab (live widgets, not the site).

After Run All, focus goes to the first option of the first question of 00's self-check; from
there only keys are pressed: Tab to the correct option, Space to choose it, Tab to the Check
button, Enter to press it. The feedback must say the answer is correct, and axe-core must find no
serious or critical WCAG 2.1 A/AA violation in the quiz itself.
"""

from __future__ import annotations

import pytest

import sci_pain as sp

from .axe import serious_violations
from .conftest import open_and_run

pytestmark = pytest.mark.browser

NOTEBOOK = "00_start_here.ipynb"


def test_a_quiz_can_be_answered_with_the_keyboard_alone(lab_server, page):
    open_and_run(lab_server, page, NOTEBOOK)

    quiz = page.locator(".sci-pain-quiz").first
    quiz.scroll_into_view_if_needed()
    question = sp.load_quiz("00_start_here").questions[0]
    labels = [text.strip() for text in quiz.locator(".widget-radio-box label").all_inner_texts()]
    target = labels.index(question.correct_option)

    # ipywidgets' radio inputs share no name, so each is its own Tab stop (JupyterLab takes the
    # arrow keys to move between cells); Tab to the option, Space to choose it.
    radios = quiz.locator(".widget-radio-box input[type=radio]")
    radios.first.focus()
    for _ in range(target):
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert [radios.nth(i).is_checked() for i in range(radios.count())] == [
        i == target for i in range(radios.count())
    ]
    for _ in range(len(labels) + 2):  # onwards to the Check button
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Check":
            break
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Check", f"Tab went to {focused!r}, not the Check button"
    page.keyboard.press("Enter")
    feedback = quiz.locator(".sci-pain-feedback").first
    feedback.wait_for(timeout=30_000)
    assert "Correct" in feedback.inner_text() and "Not quite" not in feedback.inner_text()

    assert serious_violations(page, include=[".sci-pain-quiz"]) == []
    lab_server.shutdown_kernels()
