"""The messy example journal (data/journals/messy_example.csv) and what the reader makes of it.

Notebook 06 walks through this file row by row and data/README.md ("## Messy example") lists
its faults, so its problems table is pinned here exactly; a change in the reader's messages
shows up here first.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

import sci_pain as sp

PATH = sp.data_path("journals", "messy_example.csv")
DAY_FIRST = "%d/%m/%Y %H:%M"
SLEEP = {"Sleep hrs": "sleep_hours"}
ACCEPTED = "accepted: 2026-03-01T08:00, 2026-03-01 08:00 (seconds optional), 2026-03-01"
QUALITIES = (
    "burning, tingling, pins and needles, electric, shooting, painful cold, stabbing, aching, "
    "throbbing, cramping, pressing"
)

EXPECTED = [
    (
        1,
        "Sleep hrs",
        "Sleep hrs",
        "unknown column, kept as text in 'Sleep hrs'; it looks like the sleep hours column: "
        "rename the header to 'sleep hours', or match the columns when reading the file",
        True,
    ),
    (1, "Weather", "Weather", "unknown column, kept as text in 'Weather'", True),
    (
        4,
        "site",
        "Shin",
        "not a valid site; allowed: hip, thigh, knee, calf, ankle, foot, whole leg; value cleared",
        True,
    ),
    (5, "pain", "55", "out of range: pain must be 0 to 10; record not kept", False),
    (
        7,
        "quality",
        "burning, stinging",
        f"1 unknown quality value(s) removed; allowed: {QUALITIES} (did you mean tingling?); "
        "other values kept",
        True,
    ),
    (
        8,
        "timestamp",
        "03/04/2026 08:00",
        f"not ISO 8601, and day/month order is never guessed ({ACCEPTED}), or read the file "
        "with its date order given (day first or month first); record not kept",
        False,
    ),
    (10, None, None, "duplicate of row 9; record not kept", False),
]


def _rows(problems: pd.DataFrame) -> list[tuple]:
    out = []
    for row in problems.itertuples(index=False):
        column = None if pd.isna(row.column) else row.column
        value = None if pd.isna(row.value) else row.value
        out.append((int(row.row), column, value, row.problem, bool(row.kept)))
    return out


def _assert_nothing_lost(journal, n_records: int) -> None:
    kept = journal.entries["row"].tolist()
    dropped = journal.problems.loc[~journal.problems["kept"], "row"].tolist()
    assert len(kept) == len(set(kept)) and len(dropped) == len(set(dropped))
    assert not set(kept) & set(dropped)
    assert sorted(kept + dropped) == list(range(2, n_records + 2))
    assert journal.n_records == n_records == journal.n_entries + journal.n_dropped


def test_the_file_is_messy_in_every_way_the_notebook_shows():
    data = PATH.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # byte-order mark
    text = data.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.split(";") == [
        "TIMESTAMP",
        "Pain ",
        "Site",
        "Quality",
        "Sleep hrs",
        "Notes",
        "Weather",
    ]
    assert ";6,5;" in text  # decimal comma
    assert '"Slept well.\nHeels checked: skin ok"' in text  # quoted multi-line note
    assert "\r" not in text
    assert len(text.splitlines()) == 12  # header + 10 records, one of them on two lines


def test_problems_are_exactly_the_documented_ones():
    journal = sp.read_journal(PATH)
    assert list(journal.problems.columns) == ["row", "column", "value", "problem", "kept"]
    assert _rows(journal.problems) == EXPECTED
    assert journal.encoding == "utf-8-sig"
    assert journal.entries["row"].tolist() == [2, 3, 4, 6, 7, 9, 11]
    assert journal.extra_columns == ["Sleep hrs", "Weather"]


def test_nothing_is_lost():
    journal = sp.read_journal(PATH)
    _assert_nothing_lost(journal, n_records=10)
    assert (journal.n_entries, journal.n_dropped) == (7, 3)
    assert journal.n_problem_records == 5


def test_invalid_optional_values_are_cleared_and_the_record_kept():
    entries = sp.read_journal(PATH).entries.set_index("row")
    assert pd.isna(entries.loc[4, "site"]) and entries.loc[4, "pain"] == 5
    assert entries.loc[7, "quality"] == "burning"
    assert entries.loc[3, "quality"] == "burning;tingling"
    assert entries.loc[6, "notes"] == "Slept well.\nHeels checked: skin ok"
    assert entries.loc[2, "Sleep hrs"] == "6,5"  # an unknown column stays text


def test_date_format_and_columns_fix_rows_8_and_the_sleep_column():
    journal = sp.read_journal(PATH, date_format=DAY_FIRST, columns=SLEEP)
    _assert_nothing_lost(journal, n_records=10)
    assert [(p[0], p[1]) for p in _rows(journal.problems)] == [
        (1, "Weather"),
        (4, "site"),
        (5, "pain"),
        (7, "quality"),
        (10, None),
    ]
    entries = journal.entries.set_index("row")
    assert entries.loc[8, "timestamp"] == pd.Timestamp("2026-04-03 08:00")
    assert entries.loc[2, "sleep_hours"] == pytest.approx(6.5)  # decimal comma
    assert entries["sleep_hours"].count() == 5
    # sorted by time, so row 8 (3 April) comes after row 9 (2 April)
    assert journal.entries["row"].tolist() == [2, 3, 4, 6, 7, 9, 8, 11]


def test_editing_the_text_fixes_the_out_of_range_pain():
    text = PATH.read_text(encoding="utf-8-sig")
    assert text.count("21:00;55;") == 1
    fixed = text.replace("21:00;55;", "21:00;5;")
    journal = sp.read_journal(io.StringIO(fixed), date_format=DAY_FIRST, columns=SLEEP)
    _assert_nothing_lost(journal, n_records=10)
    assert (journal.n_entries, journal.n_dropped) == (9, 1)
    assert _rows(journal.problems)[-1] == (
        10,
        None,
        None,
        "duplicate of row 9; record not kept",
        False,
    )
    assert journal.entries.set_index("row").loc[5, "pain"] == 5
