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
from sci_pain.journal.importers._dates import in_importer_words
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


def test_the_importers_follow_the_readers_rule_in_their_own_words():
    # one rule (journal/dates.py): the importers' error is the reader's, with its data, and
    # only the message offers the choice as the upload widget and ``date_order`` name it
    for cells, mixed in (
        (["03/04/2026", "11/10/2026"], False),
        (["30/03/2026", "03/31/2026"], True),
    ):
        with pytest.raises(DateOrderError) as reader:
            day_month_dates(cells, source="s.csv", column="Date")
        with pytest.raises(DateOrderError) as importer, in_importer_words():
            day_month_dates(cells, source="s.csv", column="Date")
        for name in ("path", "column", "examples", "rows", "formats", "mixed"):
            assert getattr(importer.value, name) == getattr(reader.value, name), name
        assert importer.value.mixed is mixed and importer.value.needs_date_order
        words = str(importer.value)
        assert ("mix day-first and month-first" if mixed else "Choose the date order") in words
        assert "day first" in words and "date_format" not in words and "date_order" not in words
    with pytest.raises(ValueError, match="order must be one of .* Did you mean 'day first'"):
        day_month_dates(["03/04/2026"], source="s.csv", column="Date", order="day-first")


@pytest.mark.parametrize("written", ["03/04/2024 8:05PM", "03.04.24 8:05 pm", "3-4-2024T20:05:09"])
def test_the_formats_an_order_error_offers_read_its_example(written):
    import datetime as dt

    with pytest.raises(DateOrderError) as caught:
        day_month_dates([written], source="s.csv", column="Date")
    for order, fmt in caught.value.formats.items():
        read = dt.datetime.strptime(written, fmt)
        assert (read.day, read.month) == ((3, 4) if order == "day first" else (4, 3)), order


def test_an_order_chosen_reads_every_day_month_date_and_refuses_nothing():
    text = (
        "timestamp,pain\n03/04/2026 08:00,3\n4.5.26 8:05 PM,4\n2026-05-06 09:00,5\n"
        "2026-05-07 09:00,5\n2026-05-08 09:00,5\n13/04/2026,6\n"
    )
    journal = _read(text, date_order="month first")
    assert journal.entries["timestamp"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2026-03-04 08:00",
        "2026-04-05 20:05",
        "2026-05-06 09:00",
        "2026-05-07 09:00",
        "2026-05-08 09:00",
    ]
    problem = journal.problems.set_index("row").loc[7, "problem"]
    assert problem.startswith("not a real date when read month-first, the order chosen")
    assert "date_format" not in problem
    assert _read(text, date_order="day first").n_entries == 6
    year = _read(text, date_order="year first")
    assert year.n_entries == 3 and set(year.problems["row"]) == {2, 3, 7}


def test_an_order_that_is_not_one_is_refused_with_a_hint():
    with pytest.raises(JournalError, match="date_order='dayfirst'.*Did you mean 'day first'"):
        _read("timestamp,pain\n03/04/2026,3\n", date_order="dayfirst")


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
