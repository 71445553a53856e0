"""The bundled example journals (sci_pain.datasets): listed, byte-identical to the simulator, readable."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

import sci_pain
from sci_pain import datasets
from sci_pain.datasets import example_journal_path, list_example_journals, load_example_journal
from sci_pain.simulate import list_personas, simulate_journal

NAMES = list(list_personas())


def test_list_example_journals():
    table = list_example_journals()
    assert list(table.columns) == [
        "name",
        "persona",
        "cause",
        "description",
        "effects",
        "days",
        "seed",
        "file",
    ]
    assert len(table) >= 6
    assert table["name"].is_unique and table["seed"].is_unique
    assert table["cause"].is_unique
    committed = {p.name for p in sci_pain.data_path("journals").glob("*.csv")}
    # messy_example.csv is hand-written for notebook 06, not simulated (data/README.md)
    assert committed - {"messy_example.csv"} == set(table["file"])


@pytest.mark.parametrize("name", NAMES)
def test_committed_example_is_byte_identical_to_the_simulator(name):
    row = list_example_journals().set_index("name").loc[name]
    frame = simulate_journal(row["persona"], days=int(row["days"]), seed=int(row["seed"]))
    expected = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    committed = example_journal_path(name).read_bytes()
    assert committed == expected, (
        f"data/journals/{name}.csv differs from the simulator's output; "
        "run python tools/make_example_journals.py and commit the result"
    )
    assert b"\r" not in committed


def test_regeneration_tool_reports_everything_up_to_date(repo_root, capsys):
    spec = importlib.util.spec_from_file_location(
        "make_example_journals", repo_root / "tools" / "make_example_journals.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.main(["--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("name", NAMES)
def test_load_example_journal_reads_every_entry_cleanly(name):
    if importlib.util.find_spec("sci_pain.journal.reader") is None:
        pytest.skip("sci_pain.journal.reader.read_journal is not written yet")
    journal = load_example_journal(name)
    raw = pd.read_csv(example_journal_path(name), dtype=str, keep_default_na=False)
    assert len(journal.problems) == 0, journal.problems
    assert len(journal.entries) == len(raw)
    assert journal.entries["pain"].astype(int).tolist() == raw["pain"].astype(int).tolist()


def test_example_journal_frame_is_what_the_file_holds():
    frame = datasets.example_journal_frame("overuse")
    assert datasets.to_csv_bytes(frame) == example_journal_path("overuse").read_bytes()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda: example_journal_path("dvtt"),
            "no example journal named 'dvtt'.*Did you mean 'dvt'",
        ),
        (lambda: load_example_journal("overus"), "Did you mean 'overuse'"),
        (lambda: datasets.example_journal_frame("neuropathc"), "Did you mean 'neuropathic'"),
    ],
)
def test_unknown_example_journal_names_suggest_close_matches(call, match):
    with pytest.raises(ValueError, match=match):
        call()
