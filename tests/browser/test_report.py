"""Open a generated clinic report in headless Chromium (the same one as the notebook tests).

The report for the example journal with a DVT episode is written to a temporary folder and
opened from a ``file://`` URL. Every heading and figure must be visible, every image must
have decoded (``naturalWidth > 0``) and carry alt text, nothing may be fetched from anywhere
else, the print style must hide the contents list, and a full-page screenshot is saved to
``build/screenshots/report.png`` (``docs/screenshots/`` with ``make screenshots``) (with a 256-colour palette, to keep the file small).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import sci_pain as sp
from sci_pain.html import REPORT_SECTIONS

from .conftest import ROOT, SCREENSHOTS

pytestmark = pytest.mark.browser

IMAGES = """() => Array.from(document.images).map(img => ({
    alt: img.getAttribute('alt') || '',
    complete: img.complete,
    width: img.naturalWidth,
    height: img.naturalHeight,
}))"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    return sp.write_report(sp.load_example_journal("dvt"), folder / "report.html")


def test_report_opens_in_chromium_with_every_figure(page, report_file):
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(report_file.as_uri())
    page.wait_for_load_state("load")

    assert page.title() == "Pain journal report"
    assert page.locator("h1").first.is_visible()
    headings = page.locator("h2").all_inner_texts()
    assert headings == list(REPORT_SECTIONS.values())
    for heading in page.locator("h2").all():
        assert heading.is_visible()
    note = page.locator(".note", has_text="Not a diagnosis")
    assert note.first.is_visible()

    # red flags come first and are visible without scrolling far
    first_flag = page.locator(".flag").first
    assert first_flag.is_visible() and "flag emergency" in first_flag.get_attribute("class")
    assert page.locator(".flag.emergency", has_text="one swollen leg with rising pain").is_visible()

    images = page.evaluate(IMAGES)
    assert len(images) >= 6
    for image in images:
        assert image["complete"] and image["width"] > 0 and image["height"] > 0, image
        assert len(image["alt"].strip()) > 20, image
    # the details are folded under their headings: open each by clicking it
    for summary in page.locator("details.fold > summary").all():
        summary.click()
    assert page.locator("details.fold:not([open])").count() == 0
    for img in page.locator("img").all():
        img.scroll_into_view_if_needed()
        assert img.is_visible()
        assert img.bounding_box()["width"] > 200

    # nothing fetched but the page itself (figures are data: URLs), no errors, no CSP blocks
    assert [url for url in requests if not url.startswith(("file://", "data:"))] == []
    assert problems == []

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.reload()  # folded again, as it opens
    page.wait_for_load_state("load")
    _save_small_png(page.screenshot(full_page=True), SCREENSHOTS / "report.png")


def _save_small_png(png: bytes, path) -> None:
    """Save a screenshot with a 256-colour palette: a third of the size, same to the eye."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    Path(path).parent.mkdir(parents=True, exist_ok=True)  # build/ is absent in a fresh clone
    image.quantize(colors=256, dither=Image.Dither.NONE).save(path, optimize=True)


def test_report_prints_without_the_contents_list(page, report_file):
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    assert not page.locator("nav").first.is_visible()
    assert page.locator("#red-flags h2").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 50_000


@pytest.fixture(scope="module")
def year_reports(tmp_path_factory):
    """One-year journals (one with red flags and an intervention) as default and open reports."""
    folder = tmp_path_factory.mktemp("year")
    out = {}
    for persona in ("dvt", "neuropathic"):
        frame = sp.simulate_journal(persona, days=365, seed=1)
        journal = sp.journal_from_frame(frame, source=f"{persona}_year.csv")
        out[persona] = sp.write_report(journal, folder / f"{persona}.html")
        out[f"{persona}-open"] = sp.write_report(
            journal, folder / f"{persona}-open.html", expand=True
        )
    return out


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("persona", ["dvt", "neuropathic"])
def test_a_one_year_report_prints_on_at_most_four_a4_pages(page, year_reports, persona):
    page.goto(year_reports[persona].as_uri())
    page.wait_for_load_state("load")
    pdf = page.pdf(format="A4", print_background=True)
    pages = _pdf_pages(pdf)
    assert 1 <= pages <= 4, f"{persona}: {pages} A4 pages"
    # the folded details are what keeps it short: opened, the same report is much longer
    page.goto(year_reports[f"{persona}-open"].as_uri())
    page.wait_for_load_state("load")
    assert _pdf_pages(page.pdf(format="A4", print_background=True)) > pages + 2
    if persona == "dvt":
        out = ROOT / "build" / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        (out / "report_year_dvt.pdf").write_bytes(pdf)


@pytest.mark.parametrize("which", ["dvt", "dvt-open"])
def test_report_fits_a_390px_phone_without_horizontal_scroll(browser, year_reports, which):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    phone = context.new_page()
    try:
        phone.goto(year_reports[which].as_uri())
        phone.wait_for_load_state("load")
        if which.endswith("-open"):  # every table, the flagged days' too
            phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        widths = phone.evaluate(
            """() => ({
                page: document.documentElement.scrollWidth,
                view: window.innerWidth,
                wide: Array.from(document.querySelectorAll('.table-wrap, figure, .facts, p'))
                    .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
                    .map(e => e.className || e.tagName),
            })"""
        )
        assert widths["view"] == 390
        assert widths["page"] <= widths["view"], widths
        assert widths["wide"] == [], widths  # no table or figure scrolls sideways either
        out = ROOT / "build" / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=str(out / f"report_phone_{which}.png"))
    finally:
        context.close()


def test_report_has_no_serious_or_critical_wcag_violation(page, report_file):
    from .axe import serious_violations

    page.goto(report_file.as_uri())
    page.wait_for_load_state("load")
    assert serious_violations(page) == []
