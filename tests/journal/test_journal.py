"""Tests for sci_pain.journal.reader: each fault a real file contains, with exact row numbers."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sci_pain.journal import (
    Journal,
    JournalError,
    deidentify,
    explode_multi,
    has_intervention,
    has_quality,
    journal_from_frame,
    multi_indicators,
    problems_frame,
    read_journal,
)
from sci_pain.journal.schema import COLUMN_ORDER, COLUMNS, PROBLEM_COLUMNS, QUALITIES

HEADER = "timestamp,pain,site,quality,spasms,sleep_hours,notes"


def read_text(text: str, **kwargs) -> Journal:
    return read_journal(io.StringIO(text), **kwargs)


def read_bytes(data: bytes, **kwargs) -> Journal:
    return read_journal(io.BytesIO(data), **kwargs)


def problem_rows(journal: Journal, column: str | None = None, kept: bool | None = None):
    problems = journal.problems
    if column is not None:
        problems = problems[problems["column"] == column]
    if kept is not None:
        problems = problems[problems["kept"] == kept]
    return problems["row"].tolist()


def check_invariant(journal: Journal) -> None:
    """Every record is in entries XOR has a kept == False problem."""
    entries = set(journal.entries["row"])
    dropped = set(journal.problems.loc[~journal.problems["kept"], "row"])
    kept_problems = set(journal.problems.loc[journal.problems["kept"], "row"]) - {1}
    assert entries.isdisjoint(dropped)
    assert kept_problems <= entries
    assert len(journal.entries) == len(entries), "a row appears twice in entries"
    assert journal.n_records == len(entries) + len(dropped - {1})


# -- a clean file ----------------------------------------------------------------------------


CLEAN = f"""{HEADER}
2026-03-01T08:00,3,knee,burning;tingling,2,7.5,
2026-03-01 20:00,5,foot,aching,0,,evening
2026-03-02,4,,,,,
"""


def test_clean_file_has_typed_entries_and_no_problems():
    journal = read_text(CLEAN)
    assert journal.is_clean
    assert journal.problems.empty
    assert list(journal.problems.columns) == list(PROBLEM_COLUMNS)
    entries = journal.entries
    assert list(entries.columns) == ["row", *COLUMN_ORDER]
    for name in COLUMN_ORDER:
        assert entries[name].dtype == COLUMNS[name].dtype, name
    assert entries["row"].dtype == np.int64
    assert entries["row"].tolist() == [2, 3, 4]
    assert entries["timestamp"].tolist() == [
        pd.Timestamp("2026-03-01 08:00"),
        pd.Timestamp("2026-03-01 20:00"),
        pd.Timestamp("2026-03-02 00:00"),
    ]
    assert entries["pain"].tolist() == [3, 5, 4]
    assert entries["site"].cat.ordered
    assert list(entries["site"].cat.categories) == list(COLUMNS["site"].allowed)
    assert entries["quality"].tolist()[:2] == ["burning;tingling", "aching"]
    assert entries["sleep_hours"].iloc[0] == 7.5
    assert pd.isna(entries.loc[2, "site"]) and pd.isna(entries.loc[2, "spasms"])
    assert journal.summary().startswith("<buffer>: 3 records, 3 kept, 0 not kept; 0 problems")


def test_absent_optional_columns_are_present_and_empty():
    journal = read_text("timestamp,pain\n2026-03-01,3\n")
    assert list(journal.entries.columns) == ["row", *COLUMN_ORDER]
    assert journal.entries["site"].isna().all()
    assert journal.entries["skin"].dtype == COLUMNS["skin"].dtype


def test_header_only_file_is_an_empty_journal():
    journal = read_text("timestamp,pain\n")
    assert journal.n_records == 0 and journal.entries.empty and journal.problems.empty


def test_path_and_pathlike_and_binary_buffer(tmp_path: Path):
    path = tmp_path / "diary.csv"
    path.write_text(CLEAN, encoding="utf-8")
    for source in (path, str(path)):
        journal = read_journal(source)
        assert journal.source == str(path)
        assert journal.n_entries == 3
    with path.open("rb") as handle:
        assert read_journal(handle).n_entries == 3


# -- row numbers -----------------------------------------------------------------------------


def test_row_numbers_count_multiline_notes_as_one_row_and_blank_lines():
    text = (
        "timestamp,pain,notes\n"
        '2026-03-01 08:00,3,"a note\nover three\nlines"\n'  # row 2
        "2026-03-01 09:00,x,\n"  # row 3
        "\n"  # row 4: blank, not a record
        ",,\n"  # row 5: every cell empty, not a record
        "2026-03-01 10:00,99,\n"  # row 6
    )
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [2]
    assert journal.entries.loc[0, "notes"] == "a note\nover three\nlines"
    assert problem_rows(journal, "pain", kept=False) == [3, 6]
    assert journal.n_records == 3
    check_invariant(journal)


def test_equal_times_written_differently_stay_in_file_order():
    text = "timestamp,pain\n2026-03-01T00:00,1\n2026-03-01,2\n2026-03-01 00:00,3\n2026-02-28,4\n"
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [5, 2, 3, 4]


def test_unsorted_rows_are_sorted_by_time_keeping_their_row():
    text = "timestamp,pain\n2026-03-03,1\n2026-03-01,2\n2026-03-02,3\n2026-03-01,4\n"
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [3, 5, 4, 2]  # ties stay in file order
    assert journal.entries["pain"].tolist() == [2, 4, 3, 1]
    assert journal.entries.index.tolist() == [0, 1, 2, 3]


# -- required columns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        ("11", "out of range"),
        ("-1", "out of range"),
        ("5.5", "not a whole number"),
        ("seven", "not a number"),
        ("", "missing pain"),
        ("NA", "missing pain"),
        ("inf", "not a number"),
        ("1e400", "not a finite number"),
    ],
)
def test_invalid_pain_drops_the_record(cell, fragment):
    journal = read_text(f"timestamp,pain\n2026-03-01,3\n2026-03-02,{cell}\n2026-03-03,4\n")
    assert journal.entries["row"].tolist() == [2, 4]
    problems = journal.problems
    assert problems["row"].tolist() == [3]
    assert problems.loc[0, "column"] == "pain"
    assert fragment in problems.loc[0, "problem"]
    assert "record not kept" in problems.loc[0, "problem"]
    assert not problems.loc[0, "kept"]
    check_invariant(journal)


def test_whole_number_written_as_decimal_is_accepted():
    journal = read_text("timestamp,pain\n2026-03-01,5.0\n")
    assert journal.entries["pain"].tolist() == [5] and journal.is_clean


def test_missing_timestamp_drops_the_record():
    journal = read_text("timestamp,pain\n,3\n2026-03-02,4\n")
    assert problem_rows(journal, "timestamp", kept=False) == [2]
    assert "missing timestamp" in journal.problems.loc[0, "problem"]


@pytest.mark.parametrize(
    "cell", ["03/04/2026 08:00", "3.4.2026", "04-03-2026", "03/04/26", "12/31/2026 08:00"]
)
def test_day_month_dates_are_never_guessed(cell):
    journal = read_text(f"timestamp,pain\n2026-03-01,3\n{cell},4\n")
    assert problem_rows(journal, "timestamp", kept=False) == [3]
    message = journal.problems.loc[0, "problem"]
    assert "2026-03-01T08:00" in message and "2026-03-01 08:00" in message
    assert "date order given (day first or month first)" in message
    assert journal.problems.loc[0, "value"] == cell


def test_date_format_reads_day_month_and_still_accepts_iso():
    text = "timestamp,pain\n03/04/2026 08:00,4\n2026-04-04T08:00,5\n"
    journal = read_text(text, date_format="%d/%m/%Y %H:%M")
    assert journal.is_clean
    assert journal.entries["timestamp"].tolist() == [
        pd.Timestamp("2026-04-03 08:00"),
        pd.Timestamp("2026-04-04 08:00"),
    ]


def test_date_format_mismatch_is_reported():
    journal = read_text("timestamp,pain\n2026/04/03,4\n", date_format="%d/%m/%Y")
    assert problem_rows(journal, "timestamp", kept=False) == [2]
    assert "date_format='%d/%m/%Y'" in journal.problems.loc[0, "problem"]


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        ("2026-03-01T08:00+01:00", "time-zone"),
        ("2026-03-01T08:00Z", "time-zone"),
        ("2026-02-30", "not a real date"),
        ("2026-03-01T25:00", "not a real date"),
        ("yesterday", "not a date-time"),
    ],
)
def test_bad_timestamps(cell, fragment):
    journal = read_text(f"timestamp,pain\n{cell},4\n")
    assert problem_rows(journal, "timestamp", kept=False) == [2]
    assert fragment in journal.problems.loc[0, "problem"]


def test_iso_variants_are_accepted():
    text = (
        "timestamp,pain\n2026-03-01T08:00,1\n2026-03-01 09:00,2\n2026-03-01T10:00:30,3\n"
        "2026-03-01 11:00:00.250,4\n2026-03-02,5\n"
    )
    journal = read_text(text)
    assert journal.is_clean
    assert journal.entries["timestamp"].iloc[2] == pd.Timestamp("2026-03-01 10:00:30")
    assert journal.entries["timestamp"].iloc[3] == pd.Timestamp("2026-03-01 11:00:00.25")


# -- optional columns ------------------------------------------------------------------------


def test_invalid_optional_values_are_cleared_and_the_record_kept():
    text = (
        f"{HEADER}\n"
        "2026-03-01,3,kne,burning,2,7,\n"  # row 2: site
        "2026-03-02,3,knee,zap;aching,x,7,\n"  # row 3: one quality, spasms
        "2026-03-03,3,knee,zap,-2,25,\n"  # row 4: quality, spasms, sleep_hours
    )
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [2, 3, 4]
    problems = journal.problems
    assert list(zip(problems["row"], problems["column"], strict=True)) == [
        (2, "site"),
        (3, "quality"),
        (3, "spasms"),
        (4, "quality"),
        (4, "spasms"),
        (4, "sleep_hours"),
    ]
    assert problems["kept"].all()
    assert "did you mean knee?" in problems.loc[0, "problem"]
    assert "hip, thigh, knee" in problems.loc[0, "problem"]
    entries = journal.entries.set_index("row")
    assert pd.isna(entries.loc[2, "site"])
    assert entries.loc[3, "quality"] == "aching"  # the known value stays
    assert pd.isna(entries.loc[4, "quality"]) and pd.isna(entries.loc[4, "sleep_hours"])
    assert pd.isna(entries.loc[3, "spasms"])
    check_invariant(journal)


def test_problems_of_a_dropped_record_are_all_not_kept():
    journal = read_text("timestamp,pain,site\n2026-03-01,12,kne\n")
    assert journal.problems["kept"].tolist() == [False, False]
    assert journal.n_dropped == 1 and journal.n_entries == 0


def test_vocabulary_is_normalized():
    text = (
        "timestamp,pain,side,site,quality,swelling,skin,interventions\n"
        "2026-03-01,3,LEFT, Whole Leg ,Pins and needles| BURNING,None,Open-wound,"
        '"Physical therapy, TENS;tens"\n'
    )
    journal = read_text(text)
    assert journal.is_clean, journal.problems
    row = journal.entries.iloc[0]
    assert row["side"] == "left" and row["site"] == "whole_leg"
    assert row["quality"] == "burning;pins_and_needles"  # vocabulary order, no repeats
    assert row["swelling"] == "none" and row["skin"] == "open_wound"
    assert row["interventions"] == "physical_therapy;tens"


def test_na_tokens_are_missing_but_none_is_a_swelling_value():
    text = "timestamp,pain,spasms,swelling\n2026-03-01,3,NA,none\n2026-03-02,3,none,n/a\n"
    journal = read_text(text)
    assert journal.entries["swelling"].tolist()[0] == "none"
    assert pd.isna(journal.entries["spasms"].iloc[0])
    assert problem_rows(journal) == [3]  # "none" spasms is not a number
    assert journal.problems.loc[0, "column"] == "spasms"


def test_decimal_commas():
    text = 'timestamp;pain;sleep_hours;activity_min\n2026-03-01;3;7,5;"1,500"\n'
    journal = read_text(text)
    assert journal.entries.loc[0, "sleep_hours"] == 7.5
    assert problem_rows(journal, "activity_min", kept=True) == [2]
    assert "ambiguous" in journal.problems.loc[0, "problem"]


# -- duplicates ------------------------------------------------------------------------------


def test_exact_duplicates_are_reported_and_the_first_copy_kept():
    text = (
        "timestamp,pain,notes\n"
        "2026-03-01 08:00,3,same\n"  # 2
        "2026-03-01 08:00,4,same\n"  # 3: same time, other pain: not a duplicate
        "2026-03-01 08:00, 3 ,same \n"  # 4: duplicate of 2 (spaces around values ignored)
        "2026-03-02 08:00,5,\n"  # 5
        "2026-03-01 08:00,3,same\n"  # 6: duplicate of 2
    )
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [2, 3, 5]
    problems = journal.problems
    assert problems["row"].tolist() == [4, 6]
    assert problems["problem"].str.startswith("duplicate of row 2").all()
    assert not problems["kept"].any()
    assert problems["column"].isna().all()
    check_invariant(journal)


def test_a_duplicate_of_a_dropped_record_is_reported_once():
    journal = read_text("timestamp,pain\n2026-03-01,x\n2026-03-01,x\n")
    assert problem_rows(journal) == [2, 3]
    assert not journal.problems["problem"].str.contains("duplicate").any()


# -- encodings, delimiters, line ends, headers -----------------------------------------------

NOTE = "brûlure à 8h — pied"
NOTE_LATIN1 = "brûlure à 8h pied"  # no em dash in Latin-1


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (f"timestamp,pain,notes\n2026-03-01,3,{NOTE}\n".encode(), "utf-8"),
        (f"timestamp,pain,notes\n2026-03-01,3,{NOTE}\n".encode("utf-8-sig"), "utf-8-sig"),
        (f"timestamp,pain,notes\n2026-03-01,3,{NOTE}\n".encode("cp1252"), "cp1252"),
        (f"timestamp,pain,notes\n2026-03-01,3,{NOTE}\n".encode("utf-16"), "utf-16"),
    ],
)
def test_encodings(data, label):
    journal = read_bytes(data)
    assert journal.entries.loc[0, "notes"] == NOTE
    assert journal.encoding == label
    assert journal.is_clean


def test_latin1_fallback_when_not_cp1252():
    data = "timestamp,pain,notes\n2026-03-01,3,x\x81y\n".encode("latin-1")
    journal = read_bytes(data)
    assert journal.encoding == "latin-1"
    assert journal.entries.loc[0, "notes"] == "x\x81y"
    assert "read as latin-1" in journal.summary()


def test_explicit_encoding_and_its_errors():
    data = f"timestamp,pain,notes\n2026-03-01,3,{NOTE_LATIN1}\n".encode("latin-1")
    assert read_bytes(data, encoding="latin-1").entries.loc[0, "notes"] == NOTE_LATIN1
    with pytest.raises(JournalError, match="cannot be decoded as utf-8"):
        read_bytes(data, encoding="utf-8")
    with pytest.raises(JournalError, match="unknown encoding"):
        read_bytes(data, encoding="klingon")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_delimiters_and_line_ends(delimiter, newline):
    lines = [
        ["timestamp", "pain", "quality", "notes"],
        ["2026-03-01 08:00", "3", "burning", '"two\nlines"'],
        ["2026-03-02 08:00", "x", "", ""],
    ]
    text = newline.join(delimiter.join(line) for line in lines) + newline
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [2]
    assert journal.entries.loc[0, "notes"] == "two\nlines"
    assert problem_rows(journal, "pain", kept=False) == [3]


def test_explicit_delimiter():
    text = "timestamp|pain\n2026-03-01|3\n"
    with pytest.raises(JournalError, match="Only one column was found"):
        read_text(text)
    assert read_text(text, delimiter="|").n_entries == 1
    assert read_text("timestamp\tpain\n2026-03-01\t3\n", delimiter="tab").n_entries == 1
    with pytest.raises(JournalError, match="single character"):
        read_text(text, delimiter="||")


def test_excel_sep_hint_line():
    journal = read_text("sep=;\ntimestamp;pain\n2026-03-01;3\n")
    assert journal.entries["row"].tolist() == [2]


def test_header_case_and_spacing():
    text = " TIMESTAMP ,Pain ,Sleep Hours,activity-min\n2026-03-01,3,7,30\n"
    journal = read_text(text)
    assert journal.is_clean
    assert journal.entries.loc[0, "sleep_hours"] == 7.0
    assert journal.entries.loc[0, "activity_min"] == 30.0


def test_columns_mapping():
    text = "When,Pain level,Where\n2026-03-01,3,knee\n"
    journal = read_text(text, columns={"When": "timestamp", "pain level": "pain", "Where": "site"})
    assert journal.is_clean and journal.problems.empty
    assert journal.entries.loc[0, "site"] == "knee"


def test_columns_mapping_errors():
    text = "When,Pain level\n2026-03-01,3\n"
    with pytest.raises(JournalError, match="not a journal column.*did you mean 'pain'"):
        read_text(text, columns={"When": "timestamp", "Pain level": "pian"})
    with pytest.raises(JournalError, match="no such column"):
        read_text(text, columns={"Date": "timestamp"})


# -- unknown columns, overflowing records ----------------------------------------------------


def test_unknown_columns_are_kept_and_reported_once():
    text = (
        "timestamp,pain,Mood,row,sleep hrs,\n"
        "2026-03-01,3,=good,r1,7,\n"
        "2026-03-02,4,bad,r2,6,\n"
        "2026-03-03,5,,,,\n"
    )
    journal = read_text(text)
    assert journal.extra_columns == ["Mood", "extra_row", "sleep hrs"]
    assert list(journal.entries.columns)[-3:] == ["Mood", "extra_row", "sleep hrs"]
    assert journal.entries["Mood"].tolist()[:2] == ["=good", "bad"]
    assert journal.entries["extra_row"].dtype == "str"
    header = journal.problems[journal.problems["row"] == 1]
    assert header["column"].tolist() == ["Mood", "extra_row", "sleep hrs"]
    assert header["kept"].all()
    assert "rename the header to 'sleep hours'" in header["problem"].iloc[2]
    assert journal.is_clean  # header notes are not record problems
    assert "3 notes on the header" in journal.summary()


def test_unnamed_column_with_values_is_kept():
    journal = read_text("timestamp,pain,\n2026-03-01,3,x\n")
    assert journal.extra_columns == ["column_3"]
    assert journal.problems.loc[0, "row"] == 1


def test_records_with_too_many_fields_are_not_kept():
    text = (
        "timestamp,pain,notes\n"
        "2026-03-01,3,fine,,\n"  # 2: trailing empty fields are harmless
        "2026-03-02,4,tired, slept badly\n"  # 3: unquoted comma
        "2026-03-03,5\n"  # 4: short records are fine
        "2026-03-04,6,a,b,c,d,e,f,g\n"  # 5
    )
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [2, 4]
    assert problem_rows(journal, kept=False) == [3, 5]
    assert journal.problems.loc[0, "value"] == " slept badly"
    assert "double quotes" in journal.problems.loc[0, "problem"]
    check_invariant(journal)


@pytest.mark.filterwarnings("error")
def test_a_wide_first_record_loses_nothing():
    journal = read_text("timestamp,pain\n2026-03-01,3,extra\n2026-03-02,4\n")
    assert journal.entries["row"].tolist() == [3]
    assert journal.problems[["row", "value", "kept"]].values.tolist() == [[2, "extra", False]]


def test_unterminated_quote_drops_only_the_last_record():
    text = 'timestamp,pain,notes\n2026-03-01,3,ok\n2026-03-02,4,"never closed\n2026-03-03,5,x\n'
    journal = read_text(text)
    assert journal.entries["row"].tolist() == [2]
    assert problem_rows(journal, kept=False) == [3]
    assert "never closed" in journal.problems.loc[0, "problem"]


# -- file-level errors -----------------------------------------------------------------------


def test_missing_file(tmp_path: Path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(JournalError, match="no such file") as caught:
        read_journal(missing)
    assert caught.value.path == str(missing)
    assert isinstance(caught.value, ValueError)


def test_folder_instead_of_file(tmp_path: Path):
    with pytest.raises(JournalError, match="is a folder"):
        read_journal(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_file(data):
    with pytest.raises(JournalError, match="empty"):
        read_bytes(data)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "old Excel"),
        (b"%PDF-1.7\n", "PDF"),
        (b"timestamp,pain\n2026\x00-03-01,3\n", "NUL"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_binary_files(data, fragment):
    with pytest.raises(JournalError, match=fragment):
        read_bytes(data)


def test_no_header():
    with pytest.raises(JournalError, match="no header line"):
        read_text("2026-03-01,3\n2026-03-02,4\n")


def test_missing_required_columns_lists_found_and_close_matches():
    with pytest.raises(JournalError) as caught:
        read_text("timestamp,Pain level,notes\n2026-03-01,3,x\n")
    message = str(caught.value)
    assert "missing required column 'pain'" in message
    assert "'timestamp', 'Pain level', 'notes'" in message
    assert "Did you mean 'Pain level' for 'pain'?" in message
    assert "columns={'Pain level': 'pain'}" in message


def test_two_headers_for_one_column():
    with pytest.raises(JournalError, match="both mean 'pain'"):
        read_text("timestamp,pain,Pain \n2026-03-01,3,4\n")


def test_not_a_file_or_buffer():
    with pytest.raises(TypeError, match="file path or an open file"):
        read_journal(42)


# -- writing ---------------------------------------------------------------------------------

MESSY = (
    "Timestamp;Pain;Site;Quality;Notes;Problem;Mood\n"
    "2026-03-02 08:00;4;Knee;Burning, pins and needles;=1+1;+cramp;-ok\n"
    "2026-03-01 20:00;3;foot;;'=already;@home;\n"
    '2026-03-01 21:00;6;fot;;"two\nlines";\'+x;\n'
    "2026-03-03 08:00;x;;;;;\n"
)


def without_row(entries: pd.DataFrame) -> pd.DataFrame:
    return entries.drop(columns="row")


def test_round_trip_gives_equal_entries():
    journal = read_text(MESSY)
    text = journal.to_csv()
    again = read_text(text)
    pd.testing.assert_frame_equal(without_row(again.entries), without_row(journal.entries))
    assert again.to_csv() == text
    # only the header note about the unknown column is left
    assert again.problems["row"].tolist() == [1]


def test_written_columns_are_in_schema_order_then_extras():
    text = read_text(MESSY).to_csv()
    assert text.splitlines()[0].split(",") == [*COLUMN_ORDER, "Mood"]


def test_formula_cells_are_escaped():
    journal = read_text(MESSY)
    (line,) = [line for line in journal.to_csv().splitlines() if "2026-03-02" in line]
    assert "'=1+1" in line and "'+cramp" in line and "'-ok" in line
    entries = journal.entries.set_index("row")
    assert entries.loc[2, "notes"] == "=1+1"
    assert entries.loc[3, "notes"] == "=already"  # as a spreadsheet shows '=already
    assert entries.loc[4, "problem"] == "+x"
    assert "''=already" not in journal.to_csv()
    assert journal.to_csv().count("'=already") == 1


def test_escaping_rule_round_trips_quote_prefixed_text():
    raw = pd.DataFrame(
        {
            "timestamp": ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"],
            "pain": ["1", "2", "3", "4"],
            "notes": ["'=x", "''@y", "'plain", "-"],
        }
    )
    journal = journal_from_frame(raw, source="frame")
    assert journal.entries["notes"].tolist() == ["=x", "'@y", "'plain", "-"]
    again = read_text(journal.to_csv())
    assert again.entries["notes"].tolist() == journal.entries["notes"].tolist()


def test_timestamps_are_written_iso_with_seconds_only_when_needed():
    journal = read_text("timestamp,pain\n2026-03-01 08:00,3\n2026-03-02,4\n")
    assert journal.to_csv().splitlines()[1].startswith("2026-03-01T08:00,3")
    assert journal.to_csv().splitlines()[2].startswith("2026-03-02T00:00,4")
    seconds = read_text("timestamp,pain\n2026-03-01 08:00:30,3\n").to_csv()
    assert seconds.splitlines()[1].startswith("2026-03-01T08:00:30,3")


def test_to_csv_destinations(tmp_path: Path):
    journal = read_text(CLEAN)
    path = tmp_path / "out.csv"
    assert journal.to_csv(path) is None
    assert path.read_bytes() == journal.to_csv().encode("utf-8")
    text_buffer, byte_buffer = io.StringIO(), io.BytesIO()
    journal.to_csv(text_buffer)
    journal.to_csv(byte_buffer)
    assert text_buffer.getvalue() == journal.to_csv()
    assert byte_buffer.getvalue() == journal.to_csv().encode("utf-8")


def test_large_round_trip_uses_the_fast_timestamp_path():
    n = 6000
    times = pd.date_range("2026-01-01", periods=n, freq="37min")
    raw = pd.DataFrame({"timestamp": times.strftime("%Y-%m-%d %H:%M"), "pain": np.arange(n) % 11})
    journal = journal_from_frame(raw, source="big")
    again = read_text(journal.to_csv())
    pd.testing.assert_frame_equal(without_row(again.entries), without_row(journal.entries))


def test_round_trip_of_a_simulated_journal():
    simulate = pytest.importorskip("sci_pain.simulate.engine")
    frame = simulate.simulate_journal(simulate.list_personas()[0], days=30, seed=3)
    text = frame.to_csv(index=False, lineterminator="\n")
    journal = read_text(text)
    assert journal.is_clean, journal.problems
    again = read_text(journal.to_csv())
    pd.testing.assert_frame_equal(again.entries, journal.entries)


# -- de-identification -----------------------------------------------------------------------


def test_deidentify():
    journal = read_text(MESSY)
    before = journal.entries.copy()
    shared = deidentify(journal, seed=7)
    pd.testing.assert_frame_equal(journal.entries, before)  # input untouched
    entries = shared.entries
    assert entries["notes"].isna().all()
    assert "Mood" not in entries.columns
    assert set(entries["problem"].dropna()) <= {"pain 1", "pain 2", "pain 3"}
    shift = entries["timestamp"] - journal.entries["timestamp"]
    assert shift.nunique() == 1
    days = shift.iloc[0] / pd.Timedelta(days=1)
    assert days != 0 and days % 7 == 0 and abs(days) <= 520 * 7
    assert (
        entries["timestamp"].dt.day_of_week == journal.entries["timestamp"].dt.day_of_week
    ).all()
    assert (entries["timestamp"].dt.time == journal.entries["timestamp"].dt.time).all()
    assert shared.source == "deidentified"
    private = shared.problems["column"].isin(["timestamp", "notes", "problem"])
    assert shared.problems.loc[private, "value"].isna().all()
    assert shared.problems.loc[~private, "value"].notna().any()
    assert "Mood" not in shared.problems["column"].tolist()
    assert "Mood" in journal.problems["column"].tolist()
    assert len(shared.problems) == len(journal.problems) - 1
    # reproducible with a seed; the method is the function
    again = journal.deidentify(seed=7)
    pd.testing.assert_frame_equal(again.entries, entries)
    shifts = {(deidentify(journal, seed=s).entries["timestamp"].iloc[0]) for s in range(10)}
    assert len(shifts) > 1


def test_deidentified_journal_round_trips():
    shared = read_text(MESSY).deidentify(seed=1)
    again = read_text(shared.to_csv())
    pd.testing.assert_frame_equal(without_row(again.entries), without_row(shared.entries))


# -- journal_from_frame ----------------------------------------------------------------------


def test_journal_from_frame_with_objects_rows_and_extra_problems():
    raw = pd.DataFrame(
        {
            "timestamp": [
                pd.Timestamp("2026-03-01 08:00"),
                "2026-03-02 08:00",
                None,
                "2026-03-03 08:00",
            ],
            "pain": [3, 4.0, 5, np.nan],
            "site": pd.Categorical(["knee", "Foot", None, "hip"]),
            "sleep_hours": [7.5, "6,5", None, None],
        }
    )
    before = raw.copy()
    extra = problems_frame(
        [
            (100, "pain", "5 (severe)", "scale 1-5, kept as is", True),
            (11, None, None, "could not place the item", False),
            (99, None, "junk", "not a journal record", False),
        ]
    )
    journal = journal_from_frame(raw, source="app.csv", rows=[10, 11, 12, 13], extra_problems=extra)
    pd.testing.assert_frame_equal(raw, before)  # input untouched
    assert journal.source == "app.csv"
    assert journal.entries["row"].tolist() == [10]
    assert journal.entries["sleep_hours"].tolist() == [7.5]
    problems = journal.problems
    assert problems["row"].tolist() == [11, 12, 13, 99, 100]
    assert dict(zip(problems["row"], problems["kept"], strict=True)) == {
        11: False,
        12: False,
        13: False,
        99: False,
        100: True,
    }
    assert journal.n_dropped == 4  # rows 11, 12, 13 and the importer's row 99


def test_journal_from_frame_checks_its_arguments():
    with pytest.raises(JournalError, match="missing required column 'pain'"):
        journal_from_frame(pd.DataFrame({"timestamp": ["2026-03-01"]}), source="x")
    with pytest.raises(ValueError, match="rows has 1 numbers but raw has 2"):
        journal_from_frame(
            pd.DataFrame({"timestamp": ["2026-03-01"] * 2, "pain": [1, 2]}), source="x", rows=[2]
        )
    with pytest.raises(TypeError, match="DataFrame"):
        journal_from_frame([1, 2], source="x")


def test_journal_from_frame_keeps_unknown_columns():
    raw = pd.DataFrame({"timestamp": ["2026-03-01"], "pain": ["2"], "app_id": [17]})
    journal = journal_from_frame(raw, source="app")
    assert journal.entries.loc[0, "app_id"] == "17"
    assert journal.problems["row"].tolist() == [1]


def test_problems_frame_dtypes():
    frame = problems_frame()
    assert list(frame.columns) == list(PROBLEM_COLUMNS)
    assert frame["row"].dtype == np.int64 and frame["kept"].dtype == bool
    filled = problems_frame([{"row": 3, "column": "pain", "value": 12, "problem": "p", "kept": 0}])
    assert filled.loc[0, "value"] == "12" and filled["kept"].tolist() == [False]


# -- multi-value helpers ---------------------------------------------------------------------


def multi_journal() -> Journal:
    text = (
        "timestamp,pain,quality,interventions\n"
        "2026-03-01,3,burning;tingling,tens\n"
        "2026-03-02,2,,\n"
        "2026-03-03,4,aching,heat;tens\n"
    )
    return read_text(text)


def test_has_quality_and_has_intervention():
    entries = multi_journal().entries
    assert has_quality(entries, "burning").tolist() == [True, False, False]
    assert has_quality(entries, "Pins and needles").tolist() == [False] * 3
    assert has_intervention(entries, "TENS").tolist() == [True, False, True]
    with pytest.raises(ValueError, match="did you mean 'burning'"):
        has_quality(entries, "burnin")


def test_explode_multi_and_indicators():
    entries = multi_journal().entries
    long = explode_multi(entries, "quality")
    assert long["row"].tolist() == [2, 2, 4]
    assert long["quality"].tolist() == ["burning", "tingling", "aching"]
    assert list(long["quality"].cat.categories) == list(QUALITIES)
    flags = multi_indicators(entries, "interventions")
    assert flags["tens"].tolist() == [True, False, True]
    assert flags.to_numpy().sum() == 3
    with pytest.raises(ValueError, match="not a multi-value column"):
        explode_multi(entries, "site")
    empty = explode_multi(entries.iloc[[1]], "quality")
    assert empty.empty


def test_repr_and_summary():
    journal = read_text("timestamp,pain\n2026-03-01,3\n2026-03-02,x\n")
    assert repr(journal) == "<Journal '<buffer>': 1 entries, 1 not kept, 1 problems>"
    assert journal.summary() == (
        "<buffer>: 2 records, 1 kept, 1 not kept; 1 problem in 1 record; 2026-03-01 to 2026-03-01"
    )


# -- large files: the parser's fast paths ----------------------------------------------------


def big_text(n: int, *, newest_first: bool = False, unique_notes: bool = False) -> str:
    rng = np.random.default_rng(5)
    times = pd.date_range("2026-01-01", periods=n, freq="53min")
    if newest_first:
        times = times[::-1]
    notes = [f"note {i} {rng.integers(10**6)}" for i in range(n)] if unique_notes else [""] * n
    lines = [
        f"{t:%Y-%m-%dT%H:%M},{i % 11},{note}"
        for i, (t, note) in enumerate(zip(times, notes, strict=True))
    ]
    return "timestamp,pain,notes\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(("newest_first", "unique_notes"), [(False, False), (True, True)])
def test_many_distinct_values_in_any_order(newest_first, unique_notes):
    text = big_text(3000, newest_first=newest_first, unique_notes=unique_notes)
    journal = read_text(text)
    assert journal.is_clean and journal.n_entries == 3000
    assert journal.entries["timestamp"].is_monotonic_increasing
    first = journal.entries.iloc[0]
    assert first["row"] == (3001 if newest_first else 2)
    if unique_notes:
        assert journal.entries["notes"].nunique() == 3000
    again = read_text(journal.to_csv())
    pd.testing.assert_frame_equal(without_row(again.entries), without_row(journal.entries))


def test_a_bad_record_early_in_a_long_file():
    lines = big_text(1500).splitlines()
    lines[5] = lines[5] + ",x,y"  # row 6: too many fields, inside the parser's sample
    journal = read_text("\n".join(lines) + "\n")
    assert problem_rows(journal, kept=False) == [6]
    assert journal.n_entries == 1499


def test_numeric_looking_text_keeps_its_spelling():
    text = "timestamp,pain,notes,code\n2026-03-01,3,007,1.50\n2026-03-02,04,TRUE,1e3\n"
    journal = read_text(text)
    assert journal.entries["notes"].tolist() == ["007", "TRUE"]
    assert journal.entries["code"].tolist() == ["1.50", "1e3"]
    assert journal.entries["pain"].tolist() == [3, 4]


def test_journal_from_frame_with_typed_columns():
    raw = pd.DataFrame(
        {
            "timestamp": pd.to_datetime(["2026-03-02 08:00", "2026-03-01 08:00", None]),
            "pain": pd.array([3, 4, 5], dtype="Int64"),
            "site": pd.Categorical(["knee", "foot", "hip"]),
        }
    )
    journal = journal_from_frame(raw, source="typed")
    assert journal.entries["row"].tolist() == [3, 2]
    assert journal.entries["timestamp"].dtype == "datetime64[us]"
    assert problem_rows(journal, "timestamp", kept=False) == [4]
