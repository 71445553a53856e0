"""Open every notebook in JupyterLab in headless Chromium, run it, use its widgets.

For each notebook: open a copy, clear outputs, Run All Cells, wait until every code cell has run,
fail on any error output or widget that could not render, move the widgets listed in
``INTERACTIONS`` and check that what they drive changed, and save a screenshot to
``build/screenshots/`` (``make screenshots`` refreshes ``docs/screenshots/``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

from .axe import serious_violations
from .conftest import (
    ROOT,
    SCREENSHOTS,
    assert_widgets_rendered,
    open_and_run,
    scroll_into_view,
    wait_idle,
    wait_still,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
_SHOWS_TEXT = {  # notebooks whose code shows sentences with sp.show_text
    f"{p.stem}.ipynb"
    for p in (ROOT / "notebooks" / "src").glob("[0-9][0-9]_*.py")
    if "sp.show_text(" in p.read_text(encoding="utf-8")
}

# What to move in each notebook lives in interactions/<notebook stem>.yaml: a list of
# {action, scope, arg} where scope is a CSS selector (builders add classes such as
# `sci-pain-dashboard` to their containers):
#   quiz      answer option `arg` of the first question of the first self-check, press Check
#             (options in the order sp.load_quiz gives; with `expect`, the feedback says it);
#   dropdown  pick option number `arg` of the first drop-down inside `scope`;
#   slider    press ArrowRight `arg` times on the first slider inside `scope`;
#   checkbox  tick the first tick box inside `scope`;
#   button    click the first button inside `scope`;
#   toggle    click toggle button `arg` of the first row of toggle buttons inside `scope`;
#   type      type `text` into number box `arg` inside `scope` and press Enter, as a learner
#             does (a value the widget must not clamp, for example).
# After a dropdown/slider/checkbox/button/type the HTML of `scope` must change. With `result` (a
# CSS selector inside `scope`), the first such box must then be in view on the 1366 x 768 screen
# without scrolling: its top edge inside the viewport, and part of it visible; with `expect`,
# that box must also show this text. An entry `screenshot: <selector>` scrolls that element's
# bottom (or with `block: start`, its top) into view before the notebook's screenshot.
INTERACTIONS_DIR = Path(__file__).with_name("interactions")


def _interactions(name: str) -> list[dict]:
    path = INTERACTIONS_DIR / f"{Path(name).stem}.yaml"
    if not path.is_file():
        return []
    return [
        {"arg": 0, "result": None, "text": "", "expect": None, **i}
        for i in yaml.safe_load(path.read_text())
        if "action" in i
    ]


def _screenshot_of(name: str) -> tuple[str, str] | None:
    """What a notebook's screenshot shows (``screenshot:`` and ``block:`` in its file)."""
    path = INTERACTIONS_DIR / f"{Path(name).stem}.yaml"
    entries = yaml.safe_load(path.read_text()) if path.is_file() else []
    found = next((e for e in entries if "screenshot" in e), None)
    return (found["screenshot"], found.get("block", "end")) if found else None


def _assert_in_view(page, scope: str, result: str) -> None:
    """The result box shows on screen right after the change, without scrolling."""
    box = page.locator(scope).first.locator(result).first.bounding_box()
    size = page.viewport_size
    assert box is not None, f"{scope} {result} is not displayed"
    top, left = box["y"], box["x"]
    assert 0 <= top <= size["height"] - 40 and 0 <= left <= size["width"] - 40, (
        f"{scope} {result} is out of view after the change: its box starts at x={left:.0f}, "
        f"y={top:.0f} on a {size['width']} x {size['height']} screen"
    )
    # and nothing in it is cut at the right: no text or table inside the result reaches past
    # the column that holds it (which clips it), nor past the screen
    element = page.locator(scope).first.locator(result).first
    beyond = element.evaluate(
        """(e, width) => {
          const edge = Math.min(e.parentElement.getBoundingClientRect().right, width);
          let worst = 0;
          for (const c of [e, ...e.querySelectorAll('*')]) {
            const b = c.getBoundingClientRect();
            if (b.width > 0) worst = Math.max(worst, b.right - edge);
          }
          return worst;
        }""",
        size["width"],
    )
    assert beyond <= 1, f"{scope} {result} is cut at the right by {beyond:.0f} px"


def _assert_chooser_stays_in_view(page, scope: str) -> None:
    """Reading down a long cause card, the chooser beside it stays on screen (sticky).

    The page is scrolled far enough that a chooser which did not stay would leave the top of
    the screen, while the card still fills it.
    """
    widget = page.locator(scope).first
    select = widget.locator(".widget-dropdown select").first
    chooser = select.bounding_box()
    card = widget.locator(".sci-pain-result").first.bounding_box()
    delta = chooser["y"] + 150
    assert card["y"] + card["height"] - delta > 300, "the card is too short to test this"
    page.mouse.move(card["x"] + 20, 400)
    page.mouse.wheel(0, delta)
    card_box = widget.locator(".sci-pain-result").first
    wait_still(card_box, moved_from=card["y"])  # the page scrolled and came to rest
    after = select.bounding_box()
    assert after is not None and 0 <= after["y"] <= page.viewport_size["height"] - 20, (
        f"the cause chooser scrolled out of view while reading the card (y={after['y']:.0f})"
    )
    moved = card_box.bounding_box()["y"]
    page.mouse.wheel(0, -delta)
    wait_still(card_box, moved_from=moved)


# Text the package shows (HTML, tables, widgets) wraps between words and is never cut: no
# element breaks words anywhere (word-break: break-all, overflow-wrap: anywhere), and no label,
# cell, paragraph or list item hides part of its text (overflow hidden or an ellipsis with
# content wider than it). Printed text (JupyterLab's own <pre>, which breaks anywhere) is not
# the package's styling and is left out.
_CUT_OR_BROKEN_TEXT = """
() => {
  const found = [];
  const texts = 'p, li, td, th, label, .widget-label, .widget-html-content, summary, h4, b';
  for (const el of document.querySelectorAll('.jp-OutputArea-output :not(pre)')) {
    const style = getComputedStyle(el);
    const words = (el.innerText || '').trim().slice(0, 60);
    if (!words || el.offsetParent === null) continue;
    if (style.wordBreak === 'break-all' || style.overflowWrap === 'anywhere') {
      found.push(`breaks words anywhere: ${el.tagName}.${el.className}: ${words}`);
    }
    const hides = style.overflowX === 'hidden' || style.textOverflow === 'ellipsis';
    if (el.matches(texts) && hides && el.scrollWidth > el.clientWidth + 1) {
      found.push(`cut: ${el.tagName}.${el.className}: ${words}`);
    }
  }
  return found.slice(0, 10);
}
"""


# Prose is shown so that it wraps between words: nothing in an output that reads as a sentence
# (three words in a row) is laid out with word-break: break-all, JupyterLab's style for printed
# text (its <pre>); a file listed line by line ("line  1 | ...", tests/test_learner_text.py's
# LISTINGS) is the one printed output meant. The sentences sp.show_text shows (.sci-pain-text)
# are checked to keep whole words: word-break normal, breaking inside a word only to fit.
_PROSE_BROKEN_ANYWHERE = """
() => {
  const found = [];
  const sentence = /[A-Za-z]{2,}[,;:]? [A-Za-z]{2,}[,;:]? [A-Za-z]{2,}/;
  const listing = /^line +\\d+ \\| /;
  for (const el of document.querySelectorAll('.jp-OutputArea-output, .jp-OutputArea-output *')) {
    const text = (el.innerText || '').trim();
    if (!text || el.offsetParent === null) continue;
    const style = getComputedStyle(el);
    if (el.matches('.sci-pain-text') &&
        (style.wordBreak !== 'normal' || style.overflowWrap !== 'break-word')) {
      found.push(`shown text wraps as ${style.wordBreak}/${style.overflowWrap}: ${text.slice(0, 60)}`);
    }
    if (style.wordBreak !== 'break-all' || !sentence.test(text)) continue;
    const lines = text.split('\\n').filter(line => line.trim());
    if (lines.every(line => listing.test(line))) continue;
    found.push(`${el.tagName}.${el.className}: ${text.slice(0, 80)}`);
  }
  return found.slice(0, 10);
}
"""


def test_every_notebook_moves_at_least_one_widget():
    missing = [name for name in NOTEBOOKS if not _interactions(name)]
    assert not missing, (
        f"no widget interaction declared in tests/browser/interactions for {missing}"
    )


def _html(page, scope: str) -> str:
    return page.locator(scope).first.inner_html()


# Counts the kernel's busy spells from now on (the notebook's execution indicator leaving
# "busy"): a widget change reaches the kernel as a message, and the kernel shows busy while it
# answers it (redraws), idle once its outputs have been sent.
_COUNT_BUSY_SPELLS = """() => {
  window.__sciPainSpells = 0;
  if (window.__sciPainWatch) window.__sciPainWatch.disconnect();
  window.__sciPainWatch = new MutationObserver(records => {
    window.__sciPainSpells += records.filter(r => r.oldValue === 'busy').length;
  });
  window.__sciPainWatch.observe(document.body, {
    subtree: true, attributes: true, attributeFilter: ['data-status'], attributeOldValue: true,
  });
}"""
_KERNEL_ANSWERED = """() => window.__sciPainSpells > 0 &&
  document.querySelector('.jp-Notebook-ExecutionIndicator').dataset.status === 'idle'"""


def _wait_changed(page, scope: str, before: str, seconds: float = 30) -> str:
    """Wait until the kernel has answered the change, and the HTML of `scope` differs from
    `before` and has stopped changing (the same over 0.2 s, with the kernel idle).

    Call ``page.evaluate(_COUNT_BUSY_SPELLS)`` just before the change. Waiting for the kernel's
    answer, not for a fixed quiet spell, a redraw that comes late under load is not missed.
    """
    deadline, last, stable_since = time.monotonic() + seconds, None, time.monotonic()
    while time.monotonic() < deadline:
        current = _html(page, scope)
        if current != last or not page.evaluate(_KERNEL_ANSWERED):
            last, stable_since = current, time.monotonic()
        if current != before and time.monotonic() - stable_since > 0.2:
            return current
        time.sleep(0.05)
    answered = page.evaluate(_KERNEL_ANSWERED)
    pytest.fail(
        f"{scope} did not change within {seconds} s after moving its widget"
        + ("" if answered else " (the kernel did not answer the change)")
    )


def _interact(
    page,
    action: str,
    scope: str,
    arg: int = 0,
    result: str | None = None,
    text: str = "",
    expect: str | None = None,
) -> None:
    widget = page.locator(scope).first
    widget.scroll_into_view_if_needed()
    if action != "quiz":  # the learner looks at the widget from its top, then changes it
        scroll_into_view(widget, "start")
    if action == "quiz":
        widget.locator(".widget-radio-box input[type=radio]").nth(arg).check()
        widget.locator("button", has_text="Check").first.click()
        feedback = widget.locator(".sci-pain-feedback").first
        feedback.wait_for(timeout=30_000)
        if expect is not None:
            assert expect in feedback.inner_text(), feedback.inner_text()
        return
    before = _html(page, scope)
    page.evaluate(_COUNT_BUSY_SPELLS)
    if action == "dropdown":
        select = widget.locator(".widget-dropdown select").first
        select.scroll_into_view_if_needed()  # a learner sees the control they change
        select.select_option(index=arg)
    elif action == "slider":
        handle = widget.locator(".widget-slider .noUi-handle").first
        handle.focus()
        for _ in range(arg):
            handle.press("ArrowRight")
    elif action == "checkbox":
        tick = widget.locator(".widget-checkbox input[type=checkbox]").first
        tick.scroll_into_view_if_needed()
        tick.check()
    elif action == "button":
        widget.locator("button").first.click()
    elif action == "toggle":
        choice = widget.locator(".widget-toggle-buttons").first.locator("button").nth(arg)
        choice.scroll_into_view_if_needed()
        choice.click()
    elif action == "type":
        number = widget.locator("input[type=number]").nth(arg)
        number.scroll_into_view_if_needed()
        number.fill(str(text))
        number.press("Enter")
    else:
        raise ValueError(f"unknown action {action!r}")
    _wait_changed(page, scope, before)
    wait_idle(page)
    if result:
        _assert_in_view(page, scope, result)
        if expect is not None:
            shown = page.locator(scope).first.locator(result).first.inner_text()
            assert expect in shown, f"{scope} {result} shows {shown!r}, not {expect!r}"
        if scope == ".sci-pain-cause-explorer":
            _assert_chooser_stays_in_view(page, scope)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # what the learner sees right then
        page.screenshot(path=str(SCREENSHOTS / f"in-view-{scope.lstrip('.')}.png"))


def _save_and_read(page, path: Path, seconds: float = 60) -> dict:
    """Save the notebook with Ctrl+S and return the saved file once JupyterLab has written it.

    Waits for the file to change and hold an execution count in every code cell (a fixed
    pause could read the copy from before the run, which has no errors to find). Ctrl+S is
    pressed again every 15 s until the file changes (saving twice is harmless).
    """
    before = path.stat().st_mtime_ns
    deadline, pressed = time.monotonic() + seconds, 0.0
    while time.monotonic() < deadline:
        if path.stat().st_mtime_ns == before and time.monotonic() - pressed > 15:
            page.keyboard.press("Control+s")
            pressed = time.monotonic()
        if path.stat().st_mtime_ns != before:
            try:
                saved = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:  # caught while JupyterLab was writing it
                saved = None
            code = [c for c in (saved or {}).get("cells", []) if c["cell_type"] == "code"]
            if saved and all(c["execution_count"] for c in code if "".join(c["source"]).strip()):
                return saved
        time.sleep(0.1)
    pytest.fail(f"JupyterLab did not save {path.name} with every cell run within {seconds} s")


def _next_notebook(request) -> str | None:
    """The notebook of the test that runs right after this one, if it is one of these tests."""
    items = request.session.items
    index = items.index(request.node)
    following = items[index + 1] if index + 1 < len(items) else None
    if following is None or getattr(following, "originalname", None) != request.node.originalname:
        return None
    return following.callspec.params["name"]


@pytest.fixture
def notebook_page(request, notebook_pages):
    """This test's notebook open in a page of its own, the next test's notebook opening ahead.

    Yields the page, the JavaScript errors it has had since it opened, and the next notebook
    (whose kernel this test must leave running).
    """
    name = request.node.callspec.params["name"]
    page, errors = notebook_pages.take(name)
    following = _next_notebook(request)
    if following:
        notebook_pages.open(following)  # loads JupyterLab while this test runs
    yield page, errors, [following] if following else []
    notebook_pages.close(name)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_its_widgets_respond(lab_server, notebook_pages, notebook_page, name):
    page, page_errors, ahead = notebook_page
    started = name in notebook_pages.started
    open_and_run(lab_server, page, name, opened=True, started=started, keep=ahead)
    for following in ahead:  # its cells run while this notebook's widgets are moved
        notebook_pages.run_ahead(following)

    # no widget failed to render, and nothing printed a traceback
    assert_widgets_rendered(page)
    assert (
        page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
            has_text="Traceback",
        ).count()
        == 0
    )

    for interaction in _interactions(name):
        try:
            _interact(page, **interaction)
        except Exception:
            failed = ROOT / "build" / "browser-failures" / f"{Path(name).stem}.png"
            failed.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(failed))
            print(f"screenshot of the failure: {failed}")
            raise

    for following in ahead:  # if its kernel was not ready before
        notebook_pages.run_ahead(following)
    assert_widgets_rendered(page)  # also after the widgets redrew
    unreadable = page.evaluate(_CUT_OR_BROKEN_TEXT)
    assert unreadable == [], "text a learner cannot read whole:\n" + "\n".join(unreadable)
    broken = page.evaluate(_PROSE_BROKEN_ANYWHERE)
    assert broken == [], "prose that breaks mid-word (printed?):\n" + "\n".join(broken)
    if name in _SHOWS_TEXT:  # and the shown sentences are there to be checked
        assert page.locator(".jp-OutputArea-output .sci-pain-text").count() > 0, name
    # the notebook's own outputs (figures, tables, quizzes, score widgets, dashboard) meet WCAG
    # 2.1 A/AA: no serious or critical axe-core violation. JupyterLab's chrome is out of scope,
    # and so are ipywidgets' slider handles (its markup has no accessible name; see
    # docs/accessibility.md).
    # JupyterLab's output containers scroll wide tables without being focusable
    # (scrollable-region-focusable): JupyterLab's markup, so that rule is left out here; the
    # same tables on the course site pass it.
    found = serious_violations(page, include=[".jp-OutputArea"], exclude=[".noUi-handle"])
    found = [v for v in found if v["id"] != "scrollable-region-focusable"]
    assert found == [], found
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shown = _screenshot_of(name)  # what the notebook's picture should show whole
    if shown:
        selector, block = shown
        scroll_into_view(page.locator(selector).first, block)
    page.screenshot(path=str(SCREENSHOTS / f"{Path(name).stem}.png"))

    # the saved copy holds no error output (JupyterLab saved what ran)
    saved = _save_and_read(page, lab_server.root / name)
    errors = [
        output
        for cell in saved["cells"]
        if cell["cell_type"] == "code"
        for output in cell["outputs"]
        if output["output_type"] == "error"
    ]
    assert not errors, f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    assert not [e for e in page_errors if "widget" in e.lower()], page_errors
    lab_server.shutdown_kernels(keep=ahead)
