"""The knowledge base is read with libyaml's loader when PyYAML has it: the same records."""

from __future__ import annotations

import yaml

from sci_pain._resources import data_path
from sci_pain.knowledge import read_knowledge
from sci_pain.knowledge.schema import SCHEMAS


def test_records_equal_pure_python_safe_load():
    records, problems = read_knowledge()
    assert problems == []
    root = data_path("knowledge")
    for name, schema in SCHEMAS.items():
        expected = yaml.safe_load((root / schema.filename).read_text(encoding="utf-8"))
        assert records[name] == expected, name


def test_a_syntax_error_still_names_its_line(tmp_path):
    root = data_path("knowledge")
    for schema in SCHEMAS.values():
        (tmp_path / schema.filename).write_text(
            (root / schema.filename).read_text(encoding="utf-8"), encoding="utf-8"
        )
    first = next(iter(SCHEMAS.values())).filename
    (tmp_path / first).write_text("- id: a\n  name: [unclosed\n", encoding="utf-8")
    _, problems = read_knowledge(tmp_path)
    assert any("YAML syntax error at line" in p["problem"] for p in problems), problems
