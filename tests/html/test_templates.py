"""The HTML layer's templates: shipped in the package, autoescaped, one red-flag partial."""

from __future__ import annotations

import html

import pytest

import sci_pain as sp
import sci_pain.html._templates as templates
from sci_pain.html import render_red_flags

HOSTILE = "<script>alert('x')</script> & \"quotes\""


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The names of the templates loaded (pages, and the partials they include), in order."""
    names: list[str] = []
    environment = templates.environment()
    original = environment.get_template

    def spy(name, *args, **kwargs):
        names.append(name)
        return original(name, *args, **kwargs)

    monkeypatch.setattr(environment, "get_template", spy)
    return names


def test_templates_are_read_from_the_package():
    folder = templates.resources.files("sci_pain.html") / "templates"
    names = {p.name for p in folder.iterdir()}
    assert {
        "_red_flags.html.j2",
        "_section.html.j2",
        "report.html.j2",
        "report.css",
        "cause_card.html.j2",
        "_card_parts.html.j2",
        "management.html.j2",
        "_table.html.j2",
        "_facts.html.j2",
        "_about.html.j2",
        "score.html.j2",
        "_links.html.j2",
        "_problems.html.j2",
        "_comparison.html.j2",
    } <= names
    assert "print-color-adjust" in templates.stylesheet("report.css")


@pytest.mark.parametrize("field", ["title", "empty"])
def test_red_flag_text_is_escaped_like_the_rest_of_the_package(field):
    ids = ["dvt"] if field == "title" else []
    box = render_red_flags(ids, **{field: HOSTILE})
    assert "<script" not in box
    assert html.escape(HOSTILE, quote=True) in box  # &#x27; and &quot;, as html.escape does


def test_a_scan_note_is_escaped():
    flags = sp.scan_red_flags(sp.load_example_journal("spasticity").entries, injury_level="T4")
    flags.attrs["notes"] = [HOSTILE]
    box = render_red_flags(flags)
    assert f'<p class="note"><strong>{html.escape(HOSTILE)}.</strong></p>' in box


def test_markup_built_by_the_package_is_not_escaped_twice():
    box = templates.render(
        "_section.html.j2",
        section={
            "id": "x",
            "title": "T",
            "body": templates.Markup("<p>a &amp; b</p>"),
            "open": 0,
            "hint": "",
        },
        expand=True,
    )
    assert "<p>a &amp; b</p>" in box and "&lt;p&gt;" not in box
    assert '<details class="fold" open>' in box


@pytest.mark.parametrize(
    "show",
    [
        pytest.param(lambda: sp.cause_card_html("dvt"), id="cause card"),
        pytest.param(lambda: sp.red_flag_banner_html(["fracture"]), id="banner"),
        pytest.param(
            lambda: sp.explain_causes(["one_leg_swollen_and_warm"])._repr_html_(),
            id="reasoning aid",
        ),
        pytest.param(
            lambda: sp.report_html(sp.load_example_journal("dvt")).count("sci-pain-red-flags"),
            id="report",
        ),
    ],
)
def test_every_red_flag_box_comes_from_the_one_partial(rendered, show):
    show()
    assert "_red_flags.html.j2" in rendered


def test_the_cause_card_is_its_template_with_the_red_flag_partial(rendered):
    card = sp.cause_card_html("dvt")
    assert rendered[:2] == ["_red_flags.html.j2", "cause_card.html.j2"]
    assert set(rendered) == {"_red_flags.html.j2", "cause_card.html.j2", "_card_parts.html.j2"}
    assert card.count("<details") == card.count("</details>") == 4  # 3 folds + references


def test_management_options_are_their_template(rendered):
    text = sp.management_html("neuropathic_below_level", situation="pacemaker")
    assert set(rendered) == {"management.html.j2", "_card_parts.html.j2"}
    assert 'data-option="electrical_stimulation" data-contraindicated="true"' in text


def test_report_tables_come_from_the_table_partial_and_escape_their_headers():
    from sci_pain.html._format import table

    text = table(["<b>Site</b>", "Mean"], [["<i>calf</i>", "4.0"]], numeric=(1,), caption="a&b")
    assert text == (
        '<div class="table-wrap"><table><caption>a&amp;b</caption><thead><tr>'
        '<th scope="col">&lt;b&gt;Site&lt;/b&gt;</th><th scope="col" class=num>Mean</th>'
        '</tr></thead><tbody><tr><td class="wrap"><i>calf</i></td><td class="num">4.0</td>'
        "</tr></tbody></table></div>"
    )


def test_score_results_are_their_template(rendered):
    result = sp.modified_ashworth("1+")
    assert "grade 1+" in result._repr_html_()
    assert rendered == ["score.html.j2"]


def test_the_report_sections_with_markup_are_templates(rendered):
    # the links, the problems and each before-and-after comparison: wording and markup live
    # in templates
    page = sp.report_html(sp.load_example_journal("dvt"), injury_level="T10")
    assert {"_links.html.j2", "_problems.html.j2", "_comparison.html.j2"} <= set(rendered)
    assert "<strong>When a link is called clear.</strong>" in page
    assert "No problems: every record was read as written." in page
