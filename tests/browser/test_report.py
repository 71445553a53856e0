"""Open a generated clinic report in headless Chromium (the same one as the notebook tests).

The report for the example journal with a DVT episode is written to a temporary folder and
opened from a ``file://`` URL. Every heading and figure must be visible, every image must
have decoded (``naturalWidth > 0``) and carry alt text, nothing may be fetched from anywhere
else, the print style must hide the contents list, and a full-page screenshot is saved to
``docs/screenshots/report.png`` (with a 256-colour palette, to keep the file small).
"""

from __future__ import annotations

import io

import pytest

import sci_pain as sp
from sci_pain.report import REPORT_SECTIONS

from .conftest import SCREENSHOTS

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
    assert page.locator(".flag.emergency", has_text="One swollen leg with rising pain").is_visible()

    images = page.evaluate(IMAGES)
    assert len(images) >= 6
    for image in images:
        assert image["complete"] and image["width"] > 0 and image["height"] > 0, image
        assert len(image["alt"].strip()) > 20, image
    for img in page.locator("img").all():
        img.scroll_into_view_if_needed()
        assert img.is_visible()
        assert img.bounding_box()["width"] > 200

    # nothing fetched but the page itself (figures are data: URLs), no errors, no CSP blocks
    assert [url for url in requests if not url.startswith(("file://", "data:"))] == []
    assert problems == []

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    _save_small_png(page.screenshot(full_page=True), SCREENSHOTS / "report.png")


def _save_small_png(png: bytes, path) -> None:
    """Save a screenshot with a 256-colour palette: a third of the size, same to the eye."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, dither=Image.Dither.NONE).save(path, optimize=True)


def test_report_prints_without_the_contents_list(page, report_file):
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    assert not page.locator("nav").first.is_visible()
    assert page.locator("#red-flags h2").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 50_000


def test_report_has_no_serious_or_critical_wcag_violation(page, report_file):
    from .axe import serious_violations

    page.goto(report_file.as_uri())
    page.wait_for_load_state("load")
    assert serious_violations(page) == []
