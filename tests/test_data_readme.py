"""data/README.md documents the data as they are: generated tables are up to date."""

from __future__ import annotations

import re

import pytest

from sci_pain.journal import schema as js
from sci_pain.simulate import engine as simulate


@pytest.fixture(scope="module")
def readme(repo_root) -> str:
    return (repo_root / "data" / "README.md").read_text(encoding="utf-8")


def generated(readme: str, key: str) -> str:
    pattern = rf"<!-- BEGIN generated: {re.escape(key)} -->\n(.*?)<!-- END generated -->"
    match = re.search(pattern, readme, re.S)
    assert match, f"data/README.md has no generated section {key!r}"
    return match.group(1)


def test_data_dictionary_is_the_schema(readme):
    assert generated(readme, "sci_pain.journal.schema.markdown_table()") == js.markdown_table(), (
        "data/README.md's data dictionary is out of date: run python tools/make_example_journals.py"
    )


def test_every_column_is_documented_with_type_range_unit_and_why(readme):
    table = generated(readme, "sci_pain.journal.schema.markdown_table()")
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(js.COLUMN_ORDER)
    for row, column in zip(rows, js.COLUMNS.values(), strict=True):
        assert column.why in row
        assert column.unit in row
        for value in column.allowed:
            assert f"`{value}`" in row


def test_markdown_table_escapes_pipes_and_has_one_row_per_column():
    lines = js.markdown_table().splitlines()
    assert len(lines) == 2 + len(js.COLUMNS)
    n_cells = lines[0].count("|")
    assert all(line.replace("\\|", "").count("|") == n_cells for line in lines)


def test_example_journals_table_is_up_to_date(readme):
    assert (
        generated(readme, "sci_pain.simulate.engine example journals")
        == simulate._examples_markdown()
    ), (
        "data/README.md's table of example journals is out of date: "
        "run python tools/make_example_journals.py"
    )


def test_provenance_is_stated(readme):
    for phrase in ("synthetic", "simulate_journal", "seed", "tools/make_example_journals.py"):
        assert phrase in readme
    assert "real person" in readme
    for row in simulate.list_example_journals().itertuples():
        assert f"`{row.file}`" in readme
        assert f"| {row.seed} |" in readme


def test_sections_for_knowledge_base_and_quizzes(readme):
    lines = readme.splitlines()
    knowledge = lines.index("## Knowledge base")
    assert "See data/knowledge/README.md." in lines[knowledge + 1 : knowledge + 3]
    quizzes = lines.index("## Quizzes")
    following = " ".join(lines[quizzes + 1 : quizzes + 3])
    assert "data/quizzes/" in following and "YAML" in following
