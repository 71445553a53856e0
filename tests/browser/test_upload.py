"""A no-code upload in JupyterLab in Chromium: notebook 09's upload widget, driven by clicks.

A file whose headers match no journal column and whose dates are written day first, every
day 12 or less (so the order cannot be told from the file), is uploaded through the widget's
file input; its columns are mapped with the drop-downs, the widget asks in plain words which
way round the dates are written, the date order is picked, and the pain timeline is drawn;
the clinic report and the de-identified CSV are made with the buttons and downloaded through
their links. No code is typed (issue 14's "must show", issue 12's date order).

Two screenshots show what the learner sees on the 1366 x 768 screen at the two steps that
matter (``09_upload_mapping.png``: the column drop-downs and the date-order question;
``09_upload.png``: the journal drawn, with the report and CSV download links), each checked to
hold its controls whole inside the notebook's visible area.
"""

from __future__ import annotations

import re
import time

import pytest

from . import conftest
from .conftest import ROOT, SCREENSHOTS, assert_widgets_rendered, open_and_run, wait_idle

pytestmark = pytest.mark.browser

NOTEBOOK = "09_your_own_journal.ipynb"
DIARY = (  # 3 to 6 April, day first: 03/04 could be 4 March, and nothing shows which
    "When;Level of pain;Where;Comment\n"
    "03/04/2026 08:00;4;foot;\n"
    "04/04/2026 20:00;6;foot;long day\n"
    "05/04/2026 08:00;5;calf;\n"
    "06/04/2026 08:00;3;calf;slept well\n"
)


def _pick(widget, label: str, option: str) -> None:
    """Choose `option` in the drop-down whose description is `label`."""
    name = re.compile(rf"^\s*{re.escape(label)}\s*$")
    dropdown = widget.locator(".widget-dropdown").filter(
        has=widget.page.locator("label", has_text=name)
    )
    dropdown.locator("select").first.select_option(label=option)


def _wait_text(widget, text: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in widget.inner_text():
            return
        time.sleep(0.2)
    pytest.fail(f"{text!r} did not appear within {seconds} s: {widget.inner_text()[:800]}")


def _learner_view(page, top, bottom, name: str) -> None:
    """Scroll `top` to the top of the notebook, check `top` to `bottom` show whole, save it.

    The screenshot is the screen as the learner sees it (the whole JupyterLab window), not a
    picture of the element alone, which for a widget taller than the notebook's scrolling
    area comes out cut and padded with grey.
    """
    conftest.scroll_into_view(top, "start")  # and wait until JupyterLab's scrolling has settled
    area = page.locator(".jp-NotebookPanel:visible .jp-WindowedPanel-outer").first.bounding_box()
    first, last = top.bounding_box(), bottom.bounding_box()
    assert first is not None and last is not None, f"{name}: a control is not displayed"
    assert (
        area["y"] - 1 <= first["y"] and last["y"] + last["height"] <= area["y"] + area["height"]
    ), f"{name}: the controls do not fit the notebook's visible area ({first}, {last}, {area})"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


def test_a_diary_with_unmatched_headers_and_day_first_dates_without_code(
    lab_server, page, tmp_path
):
    open_and_run(lab_server, page, NOTEBOOK)
    assert_widgets_rendered(page)

    widget = page.locator(".sci-pain-upload").first
    try:
        widget.wait_for(state="attached", timeout=30_000)
    except Exception:
        failed = ROOT / "build" / "browser-failures" / "09_upload.png"
        failed.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(failed), full_page=True)
        raise
    widget.scroll_into_view_if_needed()
    diary = tmp_path / "diary from my phone.csv"
    diary.write_text(DIARY, encoding="utf-8")
    with page.expect_file_chooser() as chooser:  # the Upload button opens the file picker
        widget.locator("button", has_text="Upload a diary file").first.click()
    chooser.value.set_files(str(diary))
    _wait_text(widget, "is a pain-journal CSV")
    _wait_text(widget, "Which column holds the date and time and pain")

    _pick(widget, "When", "date and time (required)")
    _pick(widget, "Level of pain", "pain, 0-10 (required)")
    _wait_text(widget, "Which way round are the dates written?")
    text = widget.inner_text()
    assert "could be day first or month first" in text and "date_format" not in text
    assert "The dates in the column When" in text  # the learner's header, not "timestamp"
    assert widget.locator(".sci-pain-figure img").count() == 0  # nothing drawn yet
    _learner_view(
        page,
        widget.locator(".widget-html", has_text="Recognised from its content").first,
        widget.locator(".widget-dropdown", has_text="Dates in the file are written").first,
        "09_upload_mapping.png",
    )
    _pick(widget, "Dates in the file are written:", "Day first (31/12/2024)")
    _wait_text(widget, "4 records, 4 kept")
    _pick(widget, "Where", "site on the leg")
    _pick(widget, "Comment", "notes")
    wait_idle(page)
    assert "Fri 03 Apr 2026, 08:00" in widget.inner_text()  # day first, as chosen
    figure = widget.locator(".sci-pain-figure img").first  # the journal, drawn
    figure.wait_for(state="visible", timeout=30_000)
    assert "Timeline of pain" in figure.get_attribute("alt")
    assert "from 2026-04-03 to 2026-04-06" in figure.get_attribute("alt")
    assert figure.bounding_box()["width"] > 300

    report = widget.locator("button", has_text="Make the clinic report").first
    report.click()
    link = widget.locator("a.sci-pain-download", has_text="clinic report").first
    link.wait_for(timeout=60_000)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "diary from my phone_report.html"
    saved = tmp_path / "report.html"
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "At a glance" in text
    assert "4 entries" in text

    widget.locator("button", has_text="Make a de-identified CSV").first.click()
    link = widget.locator("a.sci-pain-download", has_text="de-identified CSV").first
    link.wait_for(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    shared = tmp_path / "shared.csv"
    info.value.save_as(shared)
    content = shared.read_text(encoding="utf-8")
    assert content.startswith("timestamp,pain") and "long day" not in content
    assert content.count("\n") == 5

    # nothing was written next to the notebook: only the notebooks themselves are there
    assert sorted(p.suffix for p in lab_server.root.iterdir() if p.is_file()) == [".ipynb"] * len(
        [p for p in lab_server.root.iterdir() if p.is_file()]
    )
    _learner_view(
        page,
        widget.locator(".sci-pain-figure").first,
        widget.locator("a.sci-pain-download", has_text="de-identified CSV").first,
        "09_upload.png",
    )
    lab_server.shutdown_kernels()
