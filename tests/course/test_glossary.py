"""The glossary: schema, loader, clinical coverage, and the notebooks' links into it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import sci_pain as sp
from sci_pain._resources import data_path
from sci_pain.course.glossary import GlossaryError, glossary_anchor, read_glossary

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(glossary\.md#([^)\s]*)\)")

# Terms a mixed class meets in the notebooks; the issue names most of them.
REQUIRED = [
    "Allodynia",
    "AIS grade",
    "ISCIP",
    "At-level neuropathic pain",
    "Below-level neuropathic pain",
    "Spasticity",
    "Spasm",
    "Clonus",
    "Braden Scale",
    "Wells score",
    "NAP",
    "Tau-U",
    "Regression to the mean",
    "Autonomic dysreflexia",
    "DVT",
    "Heterotopic ossification",
    "DN4",
    "Modified Ashworth Scale",
    "Penn Spasm Frequency Scale",
]


def test_bundled_glossary_is_valid_and_large_enough():
    terms = sp.load_glossary()
    assert len(terms) >= 40
    names = [t.term for t in terms]
    assert names == sorted(names, key=str.lower), "keep data/glossary.yaml in alphabetical order"
    missing = [t for t in REQUIRED if t not in names]
    assert not missing, f"glossary lacks {missing}"


def test_every_term_is_complete_and_cited():
    references = {
        r["key"]
        for r in yaml.safe_load(data_path("knowledge", "references.yaml").read_text("utf-8"))
    }
    for term in sp.load_glossary():
        assert term.short.endswith(".") and len(term.short) < 140, term.term
        assert len(term.explanation) > len(term.short), term.term
        assert term.citations and set(term.citations) <= references, term.term
        assert term.related, term.term


def test_glossary_never_names_a_dose():
    text = data_path("glossary.yaml").read_text("utf-8")
    assert not re.search(r"\d\s*(mg|mcg|µg|ml|units?)\b", text, flags=re.I)


def test_glossary_term_lookup_and_anchor():
    assert sp.glossary_term("Tau-U").anchor == "tau-u"
    assert sp.glossary_term("tau-u").term == "Tau-U"
    assert glossary_anchor("Complete and incomplete injury") == "complete-and-incomplete-injury"
    with pytest.raises(KeyError, match="allodynia"):
        sp.glossary_term("alodynia")


def _write(tmp_path, records) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(yaml.safe_dump(records), encoding="utf-8")
    return path


GOOD = {
    "term": "Clonus",
    "short": "Rhythmic jerks.",
    "explanation": "Longer.",
    "citations": ["msktc_spasticity"],
    "related": ["Clonus"],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"citations": ["nobody2099"]}, r"citation keys not in references.yaml: \['nobody2099'\]"),
        ({"related": ["Spasm"]}, r"related terms not in the glossary: \['Spasm'\]"),
        ({"short": ""}, r"record 1 \('Clonus'\): missing or empty \['short'\]"),
        ({"colour": "red"}, r"unknown fields \['colour'\]"),
        ({"citations": "msktc_spasticity"}, r"'citations' must be a list"),
    ],
)
def test_malformed_glossary_names_file_term_and_field(tmp_path, change, message):
    path = _write(tmp_path, [{**GOOD, **change}])
    with pytest.raises(GlossaryError, match=message) as info:
        read_glossary(path)
    assert str(path) in str(info.value)


def test_duplicate_terms_are_reported(tmp_path):
    path = _write(tmp_path, [GOOD, {**GOOD, "term": "clonus"}])
    with pytest.raises(GlossaryError, match="duplicate terms"):
        read_glossary(path)


def _notebook_links() -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text("utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        links[path.name] = LINK.findall(text)
    return links


def test_every_glossary_link_in_a_notebook_names_an_existing_term():
    anchors = {t.anchor for t in sp.load_glossary()}
    broken = {name: sorted(set(found) - anchors) for name, found in _notebook_links().items()}
    broken = {name: bad for name, bad in broken.items() if bad}
    assert not broken, f"glossary links to terms that do not exist: {broken}"


def test_notebooks_link_terms_to_the_glossary():
    links = _notebook_links()
    assert sum(len(found) for found in links.values()) >= 30
    assert "allodynia" in links["02_nerve_damage_and_spasticity.ipynb"]


def test_link_pattern_catches_a_broken_link():
    # the check above would see a misspelt anchor
    assert LINK.findall("see [clonus](glossary.md#clonnus) here") == ["clonnus"]
