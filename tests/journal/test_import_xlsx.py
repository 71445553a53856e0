"""Journals kept in a spreadsheet (.xlsx): the CSV reader's checks, bounded work, no traceback.

Workbooks are written here with openpyxl (in memory), so each test shows exactly what the
sheet holds. The central check: the same table as a CSV file and as a workbook gives the same
entries and the same problems (row, column, value, problem, kept).
"""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pandas as pd
import pytest
from openpyxl import Workbook

from sci_pain.journal.importers import xlsx
from sci_pain.journal.importers.xlsx import is_xlsx, read_journal_xlsx
from sci_pain.journal.reader import JournalError, read_journal

ROWS = [
    ["timestamp", "pain", "site", "side", "quality", "sleep_hours", "notes", "mood"],
    ["2026-03-01 08:00", "4", "Knee", "left", "burning, tingling", "7,5", "ok", "fine"],
    ["2026-03-01 20:00", "11", "calf", "right", "", "", "", ""],
    ["2026-03-02 08:00", "3", "fot", "both", "aching", "6", "=1+1", ""],
    ["", "", "", "", "", "", "", ""],
    ["2026-03-02", "x", "", "", "", "", "", ""],
    ["2026-03-01 08:00", "4", "Knee", "left", "burning, tingling", "7,5", "ok", "fine"],
    ["not a date", "5", "hip", "", "", "", "", ""],
    ["2026-03-03 07:30", "5", "hip", "left", "stabbing", "-1", "", ""],
]


def _workbook(rows, *, title="journal", extra_sheets=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append([None if cell == "" else cell for cell in row])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, as a spreadsheet keeps '=1+1 typed with a quote
    for name in extra_sheets:
        book.create_sheet(name).append(["nothing", "here"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _one(journal, row, column):
    """The one problem on (row, column), as a dict."""
    problems = journal.problems
    found = problems[(problems["row"] == row) & (problems["column"] == column)]
    assert len(found) == 1, found
    return found.iloc[0].to_dict()


def _csv(rows) -> str:
    out = io.StringIO()
    import csv

    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def test_a_workbook_reads_exactly_like_the_same_csv():
    from_csv = read_journal(io.StringIO(_csv(ROWS)))
    from_xlsx = read_journal_xlsx(io.BytesIO(_workbook(ROWS)))
    pd.testing.assert_frame_equal(from_xlsx.entries, from_csv.entries)
    pd.testing.assert_frame_equal(from_xlsx.problems, from_csv.problems)
    assert from_xlsx.n_records == from_csv.n_records == 7
    assert from_xlsx.summary().split(":", 1)[1] == from_csv.summary().split(":", 1)[1]


def test_numbers_and_dates_held_as_such_are_read():
    moment = dt.datetime(2026, 3, 1, 8, 0) - dt.timedelta(microseconds=3)  # Excel's rounding
    rows = [
        ["Timestamp", " Pain ", "Sleep Hours"],
        [moment, 4, 7.5],
        [dt.date(2026, 3, 2), 6.0, 8],
        [dt.datetime(2026, 3, 3, 21, 15, 30), 7.5, None],
    ]
    journal = read_journal_xlsx(io.BytesIO(_workbook(rows)))
    assert list(journal.entries["timestamp"]) == [
        pd.Timestamp("2026-03-01 08:00"),
        pd.Timestamp("2026-03-02"),
    ]
    assert list(journal.entries["pain"]) == [4, 6]
    assert list(journal.entries["sleep_hours"]) == [7.5, 8.0]
    problem = journal.problems.set_index("row").loc[4]
    assert problem["column"] == "pain" and not problem["kept"]  # 7.5 is not a whole number


def test_columns_and_sheet_are_chosen_like_read_journal():
    rows = [["When", "Level of pain"], ["2026-03-01 08:00", 3]]
    data = _workbook(rows, title="Diary", extra_sheets=["Notes"])
    journal = read_journal_xlsx(
        io.BytesIO(data), sheet="Diary", columns={"When": "timestamp", "Level of pain": "pain"}
    )
    assert journal.n_entries == 1
    note = journal.problems[journal.problems["row"] == 1]
    assert note["value"].tolist() == ["Notes"]
    with pytest.raises(JournalError, match="Did you mean 'Diary'"):
        read_journal_xlsx(io.BytesIO(data), sheet="Dairy")
    with pytest.raises(JournalError, match="sheet=5 does not exist"):
        read_journal_xlsx(io.BytesIO(data), sheet=5)
    with pytest.raises(JournalError, match="pain"):
        read_journal_xlsx(io.BytesIO(data), sheet=1)  # the "Notes" sheet has no journal columns


def test_rows_are_the_sheets_own_numbers():
    book = Workbook()
    sheet = book.active
    sheet["A3"], sheet["B3"] = "timestamp", "pain"
    sheet["A4"], sheet["B4"] = "2026-03-01", 3
    sheet["A9"], sheet["B9"] = "2026-03-02", 12
    buffer = io.BytesIO()
    book.save(buffer)
    journal = read_journal_xlsx(buffer)
    assert list(journal.entries["row"]) == [4]
    assert journal.problems.set_index("row").loc[9, "column"] == "pain"
    assert journal.problems["problem"].str.contains("header is on row 3").any()


def test_cells_right_of_the_header_are_reported():
    book = Workbook()
    sheet = book.active
    sheet.append(["timestamp", "pain"])
    sheet.append(["2026-03-01", 3, None, "stray"])
    sheet["F3"] = "only out here"
    buffer = io.BytesIO()
    book.save(buffer)
    journal = read_journal_xlsx(buffer)
    assert list(journal.entries["row"]) == [2]
    problems = journal.problems.set_index("row")
    assert problems.loc[2, "value"] == "D=stray" and problems.loc[2, "kept"]
    assert problems.loc[3, "value"] == "F=only out here" and not problems.loc[3, "kept"]


# -- dates typed as text: never guessed ---------------------------------------------------------


def test_ambiguous_text_dates_ask_for_the_format():
    rows = [["When", "pain"], ["03/04/2026 08:00", 3], ["11/10/2026", 4]]
    with pytest.raises(JournalError) as caught:
        read_journal_xlsx(io.BytesIO(_workbook(rows)), columns={"When": "timestamp"})
    message = str(caught.value)
    assert "<buffer>" in message and "'When'" in message and "Choose the date order" in message
    assert caught.value.needs_date_order and caught.value.column == "When"
    assert caught.value.examples == ("03/04/2026 08:00", "11/10/2026")
    assert caught.value.formats["day first"] == "%d/%m/%Y %H:%M"
    by_order = read_journal_xlsx(
        io.BytesIO(_workbook(rows)), columns={"When": "timestamp"}, date_order="month first"
    )
    assert by_order.entries["timestamp"].tolist() == [
        pd.Timestamp("2026-03-04 08:00"),
        pd.Timestamp("2026-11-10"),
    ]
    journal = read_journal_xlsx(
        io.BytesIO(_workbook(rows)), columns={"When": "timestamp"}, date_format="%m/%d/%Y %H:%M"
    )
    assert journal.entries.loc[0, "timestamp"] == pd.Timestamp("2026-03-04 08:00")
    assert journal.problems["column"].tolist() == ["timestamp"]  # 11/10/2026 has no time


def test_text_dates_that_show_their_order_are_read():
    rows = [["timestamp", "pain"], ["03/04/2026 08:00", 3], ["24/04/2026 8:00 PM", 4]]
    journal = read_journal_xlsx(io.BytesIO(_workbook(rows)))
    assert list(journal.entries["timestamp"]) == [
        pd.Timestamp("2026-04-03 08:00"),
        pd.Timestamp("2026-04-24 20:00"),
    ]


# -- files that are not workbooks, damaged ones, and bounded work ------------------------------


def test_a_csv_an_xls_and_a_document_are_named_for_what_they_are(tmp_path):
    with pytest.raises(JournalError, match="read_journal"):
        read_journal_xlsx(io.BytesIO(b"timestamp,pain\n2026-03-01,3\n"))
    with pytest.raises(JournalError, match=r"old Excel \.xls"):
        read_journal_xlsx(io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)))
    document = io.BytesIO()
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(JournalError, match="not an Excel workbook"):
        read_journal_xlsx(document)
    with pytest.raises(JournalError, match="no such file"):
        read_journal_xlsx(tmp_path / "missing.xlsx")
    with pytest.raises(JournalError, match="empty"):
        read_journal_xlsx(io.BytesIO(b""))


def _damaged(data: bytes):
    yield "cut in half", data[: len(data) // 2]
    yield "cut before the end", data[:-30]
    for position in range(40, len(data) - 40, max(1, len(data) // 25)):
        flipped = bytearray(data)
        flipped[position] ^= 0xFF
        yield f"byte {position} flipped", bytes(flipped)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    for part in ("xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"):
        broken = io.BytesIO()
        with zipfile.ZipFile(broken, "w") as archive:
            for filename, content in parts.items():
                if filename == part:
                    content = content[: len(content) // 2]
                archive.writestr(filename, content)
        yield f"{part} cut", broken.getvalue()


def test_a_damaged_workbook_gives_a_journal_error_never_a_traceback():
    data = _workbook(ROWS)
    outcomes = {"journal": 0, "error": 0}
    for label, damaged in _damaged(data):
        try:
            journal = read_journal_xlsx(io.BytesIO(damaged))
        except JournalError as error:
            assert "<buffer>" in str(error), label
            outcomes["error"] += 1
        else:  # a flip inside a cell's text can leave a readable workbook
            assert journal.n_records <= 8, label
            outcomes["journal"] += 1
    assert outcomes["error"] >= 5


def test_a_header_wider_than_the_limit_is_refused():
    book = Workbook()
    book.active.append(["timestamp", "pain"])
    book.active.cell(row=1, column=1001, value="wide")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(JournalError, match="column 1,001"):
        read_journal_xlsx(buffer)


def test_far_away_cells_cost_nothing_for_the_space_between():
    book = Workbook()
    sheet = book.active
    sheet.append(["timestamp", "pain"])
    sheet.append(["2026-03-01", 3])
    sheet.cell(row=1_000_000, column=16_000, value="far away")
    buffer = io.BytesIO()
    book.save(buffer)
    start = time.process_time()
    journal = read_journal_xlsx(buffer)
    assert time.process_time() - start < 2
    assert journal.n_entries == 1
    far = journal.problems.set_index("row").loc[1_000_000]
    assert not far["kept"] and "to the right of the last column" in far["problem"]


def test_an_endless_device_is_refused_after_its_first_bytes():
    start = time.process_time()
    with pytest.raises(JournalError, match="not an .xlsx workbook"):
        read_journal_xlsx("/dev/zero")
    with pytest.raises(JournalError, match="binary mode"):
        read_journal_xlsx(io.StringIO("PK text"))
    assert time.process_time() - start < 1


def test_a_workbook_that_unpacks_too_large_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_UNPACKED", 2000)
    with pytest.raises(JournalError, match="unpack to"):
        read_journal_xlsx(io.BytesIO(_workbook(ROWS)))


def test_a_file_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_BYTES", 1000)
    path = tmp_path / "journal.xlsx"
    path.write_bytes(_workbook(ROWS))
    with pytest.raises(JournalError, match="larger than 1000 bytes"):
        read_journal_xlsx(path)
    with pytest.raises(JournalError, match="larger than 1000 bytes"):
        read_journal_xlsx(io.BytesIO(path.read_bytes()))


def test_a_path_reads_like_a_buffer(tmp_path):
    path = tmp_path / "journal.xlsx"
    path.write_bytes(_workbook(ROWS))
    by_path = read_journal_xlsx(path)
    assert by_path.source == str(path)
    pd.testing.assert_frame_equal(
        by_path.entries, read_journal_xlsx(io.BytesIO(path.read_bytes())).entries
    )


def test_is_xlsx_looks_at_the_first_bytes():
    assert is_xlsx(_workbook(ROWS))
    assert not is_xlsx(b"timestamp,pain\n")


def test_a_formula_without_a_saved_result_is_reported():
    book = Workbook()
    book.active.append(["timestamp", "pain", "sleep_hours"])
    book.active.append(["2026-03-01", 3, "=7+1"])  # openpyxl saves no result for it
    book.active.append(["2026-03-02", "=2+2", 7])
    buffer = io.BytesIO()
    book.save(buffer)
    journal = read_journal_xlsx(buffer)
    assert list(journal.entries["row"]) == [2]
    assert pd.isna(journal.entries.loc[0, "sleep_hours"])
    formula = _one(journal, 2, "sleep_hours")
    assert "never saved" in formula["problem"] and formula["kept"]
    assert not journal.problems.loc[journal.problems["row"] == 3, "kept"].any()


def test_without_openpyxls_sheet_parser_the_public_iterator_gives_the_same(monkeypatch):
    import openpyxl.worksheet._reader as reader

    expected = read_journal_xlsx(io.BytesIO(_workbook(ROWS)))
    monkeypatch.delattr(reader, "WorkSheetParser")
    fallback = read_journal_xlsx(io.BytesIO(_workbook(ROWS)))
    pd.testing.assert_frame_equal(fallback.entries, expected.entries)
    pd.testing.assert_frame_equal(fallback.problems, expected.problems)


def test_public_names_and_the_upload_path():
    import sci_pain as sp
    from sci_pain.journal.upload import JOURNAL_FORMATS, no_pain_ratings_message

    assert sp.read_journal_xlsx is read_journal_xlsx
    assert ".xlsx" in JOURNAL_FORMATS["xlsx"]
    data = _workbook(ROWS)
    assert sp.detect_journal_format(data, name="journal.xlsx") == "xlsx"
    kind, journal = sp.read_diary(data, name="journal.xlsx")
    assert kind == "xlsx" and journal.source == "journal.xlsx"
    pd.testing.assert_frame_equal(journal.entries, read_journal_xlsx(io.BytesIO(data)).entries)
    rows = [["When", "Level"], ["03/04/2026", 3]]
    with pytest.raises(JournalError, match="Choose the date order"):
        sp.read_diary(
            _workbook(rows), name="j.xlsx", columns={"When": "timestamp", "Level": "pain"}
        )
    _, journal = sp.read_diary(
        _workbook(rows),
        name="j.xlsx",
        columns={"When": "timestamp", "Level": "pain"},
        date_order="day first",
    )
    assert journal.entries.loc[0, "timestamp"] == pd.Timestamp("2026-04-03")
    _, journal = sp.read_diary(
        _workbook(rows),
        name="j.xlsx",
        columns={"When": "timestamp", "Level": "pain"},
        date_format="%d/%m/%Y",
    )
    assert journal.entries.loc[0, "timestamp"] == pd.Timestamp("2026-04-03")
    nothing = read_journal_xlsx(io.BytesIO(_workbook([["timestamp", "pain"], ["x", 3]])))
    assert no_pain_ratings_message("xlsx", nothing).startswith("No entry of this workbook")


def test_the_no_code_upload_reads_a_workbook():
    from sci_pain.widgets import load_file, make_journal_upload

    box = make_journal_upload(folder=None)
    load_file(box, "my journal.xlsx", _workbook(ROWS))
    assert box.kind == "xlsx" and box.journal.n_entries == 3
    assert "spreadsheet workbook" in box.found.value


def test_the_command_line_validates_a_workbook(tmp_path, capsys):
    from sci_pain.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, main

    path = tmp_path / "journal.xlsx"
    path.write_bytes(_workbook(ROWS))
    assert main(["validate", str(path)]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert "7 records, 3 kept, 4 not kept" in out
    clean = tmp_path / "clean.xlsx"
    clean.write_bytes(_workbook([["timestamp", "pain"], ["2026-03-01 08:00", 3]]))
    assert main(["validate", str(clean)]) == EXIT_OK
    ambiguous = tmp_path / "ambiguous.xlsx"
    ambiguous.write_bytes(_workbook([["timestamp", "pain"], ["03/04/2026", 3]]))
    assert main(["validate", str(ambiguous)]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "--date-order day-first" in err and "--date-format '%d/%m/%Y'" in err
    assert "date_format=" not in err
    assert main(["validate", str(ambiguous), "--date-format", "%d/%m/%Y"]) == EXIT_OK
    assert main(["validate", str(ambiguous), "--date-order", "month-first"]) == EXIT_OK
    assert "2026-03-04" in capsys.readouterr().out
