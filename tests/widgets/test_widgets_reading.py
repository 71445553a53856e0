"""The journal reader explorer: driven by setting the dropdown in code.

The widget must show what the library says (``Journal.summary()``, the problems table, the
timeline's alt text), so the tests compare with the library's own output.
"""

from __future__ import annotations

import io
import subprocess
import sys

import ipywidgets as w
import pytest

import sci_pain as sp
from sci_pain.widgets.reading import MESSY_EXAMPLE, make_journal_reader_explorer

EXAMPLES = sp.list_example_journals()["name"].tolist()


@pytest.fixture(scope="module")
def box():
    return make_journal_reader_explorer()


def test_builder_returns_a_container_with_a_class_controls_and_outputs(box):
    assert isinstance(box, w.VBox)
    assert "sci-pain-reader" in box._dom_classes
    dropdown = box.controls["journal"]
    assert isinstance(dropdown, w.Dropdown)
    assert dropdown.description.strip() and dropdown.tooltip.strip()
    for part in (dropdown, box.summary, box.problems, box.figure):
        assert part in box.children
    assert box.summary.value and box.problems.value and box.figure.value


def test_options_are_the_examples_then_the_messy_file(box):
    names = [value for _, value in box.controls["journal"].options]
    assert names == [*EXAMPLES, MESSY_EXAMPLE]
    assert box.controls["journal"].value == EXAMPLES[0]


def test_builder_is_exported():
    assert sp.make_journal_reader_explorer is make_journal_reader_explorer


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_shows_its_summary_no_problems_and_a_described_timeline(box, name):
    box.controls["journal"].value = name
    journal = sp.load_example_journal(name)
    expected = journal.summary().replace(journal.source, f"{name}.csv")
    assert expected in box.summary.value
    assert f"records in the file: {journal.n_records} =" in box.summary.value
    assert "none; every record was read as written" in box.problems.value
    assert sp.journal_alt_text("timeline", journal) in box.figure.value
    assert box.figure.value.startswith("<figure") and "<img" in box.figure.value


def test_messy_file_shows_every_problem_row_and_the_count(box):
    box.controls["journal"].value = MESSY_EXAMPLE
    assert "messy_example.csv: 10 records, 7 kept, 3 not kept" in box.summary.value
    assert "records in the file: 10 = 7 kept in the entries + 3 not kept" in box.summary.value
    for text in ("Shin", "out of range", "03/04/2026 08:00", "duplicate of row 9", "Weather"):
        assert text in box.problems.value
    assert box.problems.value.count("<tr") == 1 + 7  # header + one row per problem
    # issue 14: the table showed Python's True/False and the title the file name messy_example
    assert ">True<" not in box.problems.value and ">False<" not in box.problems.value
    assert "<td>yes</td>" in box.problems.value and "<td>no</td>" in box.problems.value
    assert "from 2026-03-30 to 2026-04-04: 7 entries" in box.figure.value


def test_the_timeline_title_names_the_journal_as_the_drop_down_does(monkeypatch):
    # issue 14: the messy file's timeline was titled "Pain over time: messy_example"
    import sci_pain.plotting

    titles = []
    draw = sci_pain.plotting.plot_timeline

    def recording(*args, title=None, **kwargs):
        titles.append(title)
        return draw(*args, title=title, **kwargs)

    monkeypatch.setattr(sci_pain.plotting, "plot_timeline", recording)
    box = sp.make_journal_reader_explorer(value=MESSY_EXAMPLE)
    assert titles == ["Pain over time: a messy file, read as it is"]
    box.controls["journal"].value = "overuse"
    assert titles[-1] == "Pain over time: overuse (musculoskeletal) pain"


def test_changing_back_redraws(box):
    box.controls["journal"].value = MESSY_EXAMPLE
    messy = box.summary.value, box.problems.value, box.figure.value
    box.controls["journal"].value = EXAMPLES[0]
    assert (box.summary.value, box.problems.value, box.figure.value) != messy
    assert "Problems:</b> none" in box.problems.value


def test_no_machine_specific_path_is_shown(box, repo_root):
    for name in [*EXAMPLES, MESSY_EXAMPLE]:
        box.controls["journal"].value = name
        assert str(repo_root) not in box.summary.value + box.problems.value


def test_own_journals_and_an_empty_one():
    clean = sp.read_journal(io.StringIO("timestamp,pain\n2026-03-01 08:00,3\n2026-03-02 08:00,4\n"))
    empty = sp.read_journal(io.StringIO("timestamp,pain\nyesterday,3\n"))
    box = make_journal_reader_explorer({"mine": clean, "broken": empty}, value="broken")
    assert "&lt;buffer&gt;: 1 record, 0 kept, 1 not kept" in box.summary.value
    assert "nothing to plot" in box.figure.value
    box.controls["journal"].value = "mine"
    assert "records in the file: 2 = 2 kept in the entries + 0 not kept" in box.summary.value
    assert "<img" in box.figure.value


def test_bad_arguments_say_what_is_valid():
    with pytest.raises(ValueError, match="empty"):
        make_journal_reader_explorer({})
    with pytest.raises(ValueError, match="neuropathic"):
        make_journal_reader_explorer(value="neuropathy")


def test_ipywidgets_is_imported_lazily():
    code = "import sys, sci_pain.widgets.reading; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_misspelled_journal_name_gets_a_suggestion():
    with pytest.raises(ValueError, match="Did you mean 'neuropathic'"):
        make_journal_reader_explorer(value="neuropatic")
