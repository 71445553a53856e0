"""Day-first vs month-first dates (issue 12): one rule for the CSV reader and the importers.

The order is read from the file when its dates decide it (a day above 12), never guessed when
they do not (every day 12 or less: a DateOrderError asks for it, with structured details for
each front end), and a column that mixes both orders is refused naming the rows.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_pain.errors import DateOrderError, JournalError
from sci_pain.journal.dates import day_month_dates, is_day_month_date
from sci_pain.journal.importers._dates import iso_dates
from sci_pain.journal.reader import read_journal


def _read(text: str, **options):
    return read_journal(io.StringIO(text), **options)


def test_an_unambiguous_day_first_file_is_read_with_a_note():
    journal = _read("timestamp,pain\n03/04/2026 08:00,3\n24/11/2026 09:00,4\n05/04/2026 20:00,5\n")
    assert journal.entries["timestamp"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2026-04-03 08:00",
        "2026-04-05 20:00",
        "2026-11-24 09:00",
    ]
    note = journal.problems.set_index("row").loc[1]
    assert note["column"] == "timestamp" and note["value"] == "24/11/2026 09:00"
    assert note["problem"].startswith("dates read day-first, as the file shows")
    assert "24 November 2026" in note["problem"] and bool(note["kept"])
    assert journal.is_clean
    assert "dates read day-first" in journal.summary()


def test_a_month_first_file_is_read_month_first_and_impossible_dates_are_reported():
    journal = _read("timestamp,pain\n11/24/2026,3\n03/04/2026,4\n02/30/2026,5\n")
    assert journal.entries["timestamp"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-03-04",
        "2026-11-24",
    ]
    problems = journal.problems.set_index("row")
    assert problems.loc[1, "problem"].startswith("dates read month-first")
    assert "not a real date when read month-first" in problems.loc[4, "problem"]
    assert not problems.loc[4, "kept"]


def test_an_ambiguous_file_asks_for_the_order_with_structured_details():
    with pytest.raises(DateOrderError) as caught:
        _read("timestamp,pain\n03/04/2024 08:00,3\n11/10/2024 09:15,4\n05/05/2024 10:00,2\n")
    error = caught.value
    assert isinstance(error, JournalError) and error.needs_date_order and not error.mixed
    assert error.column == "timestamp" and error.path == "<buffer>"
    assert error.examples == ("03/04/2024 08:00", "11/10/2024 09:15") and error.rows == (2, 3)
    assert error.formats == {"day first": "%d/%m/%Y %H:%M", "month first": "%m/%d/%Y %H:%M"}
    message = str(error)
    assert "could be day-first or month-first (e.g. 03/04/2024 08:00); choose the date order" in (
        message
    )
    assert "3 April 2024 day-first, 4 March 2024 month-first" in message
    assert "date_format" not in message and "=" not in message
    # the format the error offers reads the file
    journal = _read(
        "timestamp,pain\n03/04/2024 08:00,3\n11/10/2024 09:15,4\n",
        date_format=error.formats["day first"],
    )
    assert journal.entries["timestamp"].dt.month.tolist() == [4, 10]


def test_other_errors_do_not_ask_for_a_date_order():
    with pytest.raises(JournalError) as caught:
        _read("")
    assert caught.value.needs_date_order is False


def test_a_file_mixing_orders_is_refused_naming_the_rows():
    with pytest.raises(DateOrderError) as caught:
        _read("timestamp,pain\n01/02/2026,1\n13/04/2026,3\n04/25/2026,4\n")
    error = caught.value
    assert error.mixed and error.needs_date_order and error.rows == (3, 4)
    assert "row 3 (13/04/2026) can only be day-first and row 4 (04/25/2026) only month-first" in (
        str(error)
    )


def test_iso_files_are_unaffected():
    iso = _read("timestamp,pain\n2026-03-04 08:00,3\n2026-03-05,4\n")
    assert len(iso.problems) == 0
    # a mostly-ISO file keeps its stray day/month date as a problem on its record, no note
    stray = _read("timestamp,pain\n2026-03-04,3\n2026-03-05,4\n03/04/2026,4\n")
    assert stray.problems["row"].tolist() == [4]
    assert "day/month order is never guessed" in stray.problems.loc[0, "problem"]
    assert stray.n_entries == 2


def test_a_given_date_format_is_used_and_nothing_is_inferred():
    journal = _read("timestamp,pain\n03/04/2026,3\n24/11/2026,4\n", date_format="%m/%d/%Y")
    assert journal.entries["timestamp"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-04"]
    assert journal.problems["row"].tolist() == [3]


_CELLS = st.one_of(
    st.builds(
        "{}{}{}{}{}{}".format,
        st.integers(1, 31),
        st.sampled_from("/.-"),
        st.integers(1, 13),
        st.sampled_from("/.-"),
        st.sampled_from(["2026", "26", "1999", "99"]),
        st.sampled_from(["", " 08:30", " 8:05 PM", "T23:59:59"]),
    ),
    st.sampled_from(["2026-03-04", "2026/03/04", "junk", "", "2026-03-04 08:00"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_CELLS, min_size=1, max_size=8))
def test_the_reader_rule_and_the_importers_rule_agree(cells):
    def outcome(function):
        try:
            return function(cells, source="s.csv", column="Date")
        except JournalError as error:
            return ("refused", "mix" in str(error))

    assert outcome(day_month_dates) == outcome(iso_dates)


@settings(max_examples=60, deadline=None)
@given(st.lists(_CELLS, min_size=1, max_size=8))
def test_the_reader_reads_a_day_month_file_as_the_rule_says(cells):
    cells = [c.replace(",", " ") for c in cells if c.strip()]
    if not cells:
        return
    text = "timestamp,pain\n" + "".join(f"{c},3\n" for c in cells)
    try:
        expected, _ = day_month_dates(cells, source="<buffer>", column="timestamp")
    except DateOrderError as error:
        iso = sum(1 for c in cells if c.startswith("2026-03-04"))
        if sum(map(is_day_month_date, cells)) > iso:  # most are day/month: refused
            with pytest.raises(DateOrderError) as caught:
                _read(text)
            assert caught.value.mixed == error.mixed
        return
    journal = _read(text)
    read = journal.entries.set_index("row")["timestamp"]
    for row, (cell, iso) in enumerate(zip(cells, expected, strict=True), start=2):
        if row in read.index and iso != cell:
            assert read[row] == np.datetime64(iso), (cell, iso)
