"""The course website (`make site`) in headless Chromium, opened from file:// as a lecturer would.

The site is built once per session from the stored notebooks into a temporary folder. Every
page must load without errors or outside requests, show the clinical disclaimer, have no broken
local links or anchors, no broken images, alt text on every image, and no serious or critical
WCAG 2.1 A/AA violation (axe-core). Notebook pages must carry the self-checks' static answers
and widget notes instead of placeholders; a page shows one search box, and search finds a
glossary term; the print style must hide the navigation. Screenshots of the home page, a
notebook page and the instructor guide go to docs/screenshots/.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from .axe import serious_violations, start_axe
from .conftest import ROOT, SCREENSHOTS
from .test_report import _save_small_png

pytestmark = pytest.mark.browser

_spec = importlib.util.spec_from_file_location("build_site", ROOT / "tools" / "build_site.py")
build_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_site)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return build_site.build(tmp_path_factory.mktemp("site") / "site")


def _pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("*.html") if "_static" not in p.parts and p.name != "genindex.html"
    )


PAGE_FACTS = """() => ({
    images: Array.from(document.images).map(img => ({
        src: img.currentSrc.slice(0, 60), alt: img.getAttribute('alt'),
        complete: img.complete, width: img.naturalWidth})),
    links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
    ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
    disclaimer: (document.querySelector('.bd-header-announcement') || {}).innerText || '',
    text: document.body.innerText,
})"""


def test_the_site_has_every_notebook_on_the_learning_path(site):
    import sci_pain as sp

    for record in sp.load_learning_path():
        assert (site / "notebooks" / record["file"].replace(".ipynb", ".html")).is_file()
    for page in ("notebooks/glossary", "docs/instructor/index", "docs/instructor/answer_key"):
        assert (site / f"{page}.html").is_file(), page
    assert (site / "searchindex.js").is_file()


# Pages are audited two at a time, each in its own browser context (its own renderer
# process), so that axe-core, most of this test's time, uses both cores of the machine.
_SIDE_BY_SIDE = 2


def test_every_page_loads_with_links_images_disclaimer_and_no_serious_axe_violation(browser, site):
    requests: list[str] = []
    errors: list[str] = []
    contexts = [
        browser.new_context(viewport={"width": 1366, "height": 768}) for _ in range(_SIDE_BY_SIDE)
    ]
    tabs = [context.new_page() for context in contexts]
    for tab in tabs:
        tab.set_default_timeout(60_000)
        tab.on("request", lambda r: requests.append(r.url))
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    anchors: dict[Path, set[str]] = {}
    wanted: list[tuple[Path, str, str]] = []
    report: dict[str, list] = {}
    paths = _pages(site)
    try:
        for first in range(0, len(paths), _SIDE_BY_SIDE):
            chunk = list(zip(tabs, paths[first : first + _SIDE_BY_SIDE], strict=False))
            facts = {}
            for tab, path in chunk:
                tab.goto(path.as_uri())
                tab.wait_for_load_state("load")
                facts[path] = tab.evaluate(PAGE_FACTS)
                start_axe(tab)
            for tab, path in chunk:
                report[str(path.relative_to(site))] = serious_violations(tab)
            for path, page_facts in facts.items():
                name = str(path.relative_to(site))
                _check_page(name, page_facts)
                anchors[path] = set(page_facts["ids"])
                for link in page_facts["links"]:
                    url = urlparse(link)
                    if url.scheme == "file":
                        wanted.append((Path(unquote(url.path)), url.fragment, name))
    finally:
        for context in contexts:
            context.close()
    assert len(report) == len(paths)
    assert not errors, errors
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    for target, fragment, source in wanted:
        assert target.is_file(), f"{source} links to a missing file {target}"
        if fragment and target in anchors:
            assert fragment in anchors[target], (
                f"{source} links to a missing anchor {target.name}#{fragment}"
            )
    assert {name: v for name, v in report.items() if v} == {}


def _check_page(name: str, facts: dict) -> None:
    assert "Educational only" in facts["disclaimer"], name
    assert "never gives a dose" in facts["disclaimer"], name
    for image in facts["images"]:
        assert image["complete"] and image["width"] > 0, (name, image)
        assert image["alt"] is not None, (name, image)
        if image["src"].startswith("data:image/png"):  # a notebook figure
            assert len(image["alt"].strip()) > 20, (name, image)
    assert "[Interactive widget" not in facts["text"], name


def test_a_notebook_page_has_figures_static_answers_and_widget_notes(page, site):
    page.goto((site / "notebooks" / "04_red_flags.html").as_uri())
    figures = page.locator("figure.sci-pain-figure img")
    assert figures.count() >= 3
    assert len(figures.first.get_attribute("alt")) > 20
    notes = page.locator(".widget-note")
    assert notes.count() >= 2
    assert "Interactive in JupyterLab" in notes.first.inner_text()
    # the self-check's static fallback: the question, then the answer under a disclosure
    quiz = page.locator(".sci-pain-quiz-static").first
    quiz.scroll_into_view_if_needed()
    assert "pressure injuries" in quiz.locator("li p").first.inner_text()
    answer = quiz.locator("details").first
    assert not answer.locator("p").first.is_visible()
    # keyboard only: focus the disclosure and press Enter to show the answer
    answer.locator("summary").focus()
    page.keyboard.press("Enter")
    assert answer.locator("p", has_text="Answer:").is_visible()
    assert "sacrum" in answer.inner_text()
    # glossary links resolve to terms on the glossary page
    link = page.locator("a[href*='glossary.html#braden-scale']").first
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("glossary.html#braden-scale")
    assert page.locator("#braden-scale").is_visible()
    page.goto((site / "notebooks" / "04_red_flags.html").as_uri())
    page.evaluate("window.scrollTo(0, 0)")
    _save_small_png(page.screenshot(), SCREENSHOTS / "site_notebook.png")


def test_search_finds_a_glossary_term(page, site):
    page.goto((site / "search.html").as_uri() + "?q=allodynia")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=30_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("glossary" in h for h in hrefs), hrefs


# Anything a reader could take for a search box: the theme's search buttons (which open its search
# dialog), a search field, and Sphinx's own sidebar search box.
SEARCH_BOXES = ".search-button__button, .search-button-field, input[type=search], #searchbox form"


@pytest.mark.parametrize("width", [1366, 390], ids=["laptop", "phone"])
def test_a_page_shows_one_search_box_and_it_searches(page, site, width):
    page.set_viewport_size({"width": width, "height": 768})
    page.goto((site / "notebooks" / "04_red_flags.html").as_uri())
    page.wait_for_load_state("load")
    boxes = page.locator(SEARCH_BOXES).filter(visible=True)
    shown = boxes.evaluate_all("els => els.map(e => e.outerHTML.slice(0, 90))")
    assert len(shown) == 1, shown
    boxes.first.click()
    field = page.locator("#pst-search-dialog input[type=search]")
    field.fill("allodynia")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=allodynia*")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=30_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("glossary" in h for h in hrefs), hrefs


def test_print_style_keeps_content_and_disclaimer_and_hides_navigation(page, site):
    page.goto((site / "notebooks" / "02_nerve_damage_and_spasticity.html").as_uri())
    page.emulate_media(media="print")
    assert not page.locator(".bd-sidebar-primary").is_visible()
    assert page.locator(".bd-header-announcement").is_visible()
    assert page.locator("main h1").first.is_visible()


def test_home_and_instructor_guide_screenshots(page, site):
    page.goto((site / "index.html").as_uri())
    toc = page.locator(".bd-sidebar-primary nav a").all_inner_texts()
    assert any("Red flags" in t for t in toc) and any("Glossary" in t for t in toc)
    _save_small_png(page.screenshot(), SCREENSHOTS / "site_home.png")
    page.goto((site / "docs" / "instructor" / "index.html").as_uri())
    assert page.get_by_role("heading", name="Instructor guide", level=1).is_visible()
    assert page.locator("text=git-pull?repo=").first.is_visible()
    _save_small_png(page.screenshot(), SCREENSHOTS / "site_instructor_guide.png")
