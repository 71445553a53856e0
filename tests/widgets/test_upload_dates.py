"""Day first or month first, asked for with one control on every upload path (issue 12).

The no-code upload (notebook 09) and the dashboard's upload read a journal CSV, an ``.xlsx``
workbook and a Privacy Friendly Pain Diary export. When a file's dates could be day first or
month first, each asks the same question in a clinician's words (never ``date_format=``),
with the same control (day first, month first, year first), and reads the file in the order
chosen; when the dates show their order (a day above 12), nothing is asked.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from uploads import upload

from sci_pain.journal import DATE_ORDER_CHOICES
from sci_pain.widgets import load_file, make_journal_dashboard, make_journal_upload

# unmatched headers AND dates whose every day is 12 or less: 03/04 is 3 April (day first)
AMBIGUOUS_CSV = (
    "When;Level of pain;Where\n"
    "01/04/2026 08:00;4;foot\n"
    "02/04/2026 20:00;6;foot\n"
    "03/04/2026 08:00;5;calf\n"
    "11/04/2026 08:00;3;calf\n"
)
PFPD_HEADER = (
    '"Date","Condition:","Pain Intensity: (0-10)","Location of the pain:",'
    '"Nature of the pain:","Time of the pain:","Medication taken:","Comments:"\n'
)


def _pfpd(*dates: str) -> bytes:
    rows = "".join(f'"{d}","GOOD","4","[FOOT_LEFT]","[dull]","[at night]","",""\n' for d in dates)
    return (PFPD_HEADER + rows).encode("utf-8")


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _dropdown(box, description):
    return next(d for d in box.mapping.children if d.description == description)


def _asks_in_plain_words(html: str) -> None:
    assert "Which way round are the dates written?" in html
    assert "could be day first or month first" in html
    for word in ("date_format", "date_order", "%d", "strptime", "="):
        assert word not in html.replace('class="', "").replace("style=", ""), word


def test_the_control_offers_the_three_orders_and_nothing_else():
    box = make_journal_upload(folder=None)
    labels = [label for label, _ in box.controls["date_order"].options]
    assert labels == ["(choose)", *(label for label, _ in DATE_ORDER_CHOICES)]
    assert labels[1:] == [
        "Day first (31/12/2024)",
        "Month first (12/31/2024)",
        "Year first / ISO (2024-12-31)",
    ]
    assert box.date_area.layout.display == "none"


def test_a_csv_with_unmatched_headers_and_ambiguous_dates_is_mapped_and_ordered():
    box = make_journal_upload(folder=None)
    load_file(box, "diary from my phone.csv", AMBIGUOUS_CSV.encode())
    assert box.date_area.layout.display == "none"  # nothing to ask before the date column
    _dropdown(box, "When").value = "timestamp"
    _dropdown(box, "Level of pain").value = "pain"
    assert box.journal is None and box.controls["report"].disabled
    _asks_in_plain_words(box.status.value)
    # the date column as the learner's file names it, not the journal's "timestamp"
    assert "in the column <b>When</b>" in box.status.value
    # the control is named (it sits above this message here, below it in the dashboard)
    assert "the drop-down <b>Dates in the file are written</b>" in box.status.value
    assert "01/04/2026 08:00" in box.status.value
    assert box.date_area.layout.display == ""
    assert "01/04/2026 08:00" in box.dates.value and box.figure.outputs == ()

    box.controls["date_order"].value = "day first"
    assert box.journal.n_entries == 4
    assert box.journal.entries["timestamp"].tolist()[-1] == pd.Timestamp("2026-04-11 08:00")
    assert "Wed 01 Apr 2026, 08:00" in box.dates.value
    assert box.date_area.layout.display == ""  # the choice stays in view, to change it
    assert set(box.journal.problems["row"]) == {1}  # only the note on 'Where', not mapped
    assert box.figure.outputs and "data:image/png" in str(box.figure.outputs)
    assert "Timeline of pain" in box.figure_alt.value  # the figure is drawn and described
    assert not box.controls["report"].disabled

    box.controls["date_order"].value = "month first"
    assert box.journal.entries["timestamp"].min() == pd.Timestamp("2026-01-04 08:00")
    assert "Sun 04 Jan 2026, 08:00" in box.dates.value

    _dropdown(box, "Where").value = "site"  # a later mapping keeps the order chosen
    assert box.journal.entries["timestamp"].min() == pd.Timestamp("2026-01-04 08:00")

    box.controls["date_order"].value = "year first"  # not how these are written: reported
    assert box.journal.n_entries == 0 and "Problems found" in box.status.value
    assert box.figure.outputs == ()

    load_file(box, "next.csv", b"timestamp,pain\n2026-03-01 08:00,3\n")
    assert box.controls["date_order"].value is None
    assert box.date_area.layout.display == "none" and box.journal.n_entries == 1


@pytest.mark.parametrize(
    ("name", "content", "day_first"),
    [
        ("export.csv", _pfpd("3/4/26", "4/3/26", "11/10/26"), pd.Timestamp("2026-04-03")),
        (
            "journal.xlsx",
            _xlsx([["timestamp", "pain"], ["03/04/2026 08:00", 3], ["11/10/2026 08:00", 4]]),
            pd.Timestamp("2026-04-03 08:00"),
        ),
    ],
    ids=["pain-diary", "xlsx"],
)
def test_a_pain_diary_export_and_a_workbook_get_the_same_control(name, content, day_first):
    box = make_journal_upload(folder=None)
    load_file(box, name, content)
    assert box.kind in ("privacy_friendly", "xlsx") and box.journal is None
    _asks_in_plain_words(box.status.value)
    assert box.date_area.layout.display == ""
    box.controls["date_order"].value = "day first"
    assert box.journal is not None and day_first in box.journal.entries["timestamp"].tolist()
    assert box.figure.outputs and not box.controls["report"].disabled


def test_dates_that_show_their_order_ask_nothing():
    box = make_journal_upload(folder=None)
    load_file(box, "export.csv", _pfpd("24.11.19", "3.12.19"))
    assert box.journal.n_entries == 2 and box.date_area.layout.display == "none"
    load_file(box, "diary.csv", b"timestamp;pain\n30/03/2026 08:00;4\n02/04/2026 08:00;5\n")
    assert box.journal.n_entries == 2 and box.date_area.layout.display == "none"
    assert box.journal.entries["timestamp"].max() == pd.Timestamp("2026-04-02 08:00")


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        (
            "diary.csv",
            b"timestamp;pain\n03/04/2026 08:00;4\n30/03/2026 08:00;5\n",
            "Dates read as day/month (day first), as the file shows: 30/03/2026 08:00 (row 3) "
            "can only be 30 March 2026.",
        ),
        (
            "diary.csv",
            b"timestamp,pain\n03/04/2026,4\n03/31/2026,5\n",
            "Dates read as month/day (month first), as the file shows: 03/31/2026 (row 3) can "
            "only be 31 March 2026.",
        ),
        (
            "export.csv",
            _pfpd("3.12.19", "24.11.19"),
            "Dates read as day/month (day first), as the file shows: 24.11.19 (row 3) can only "
            "be 24 November 2019.",
        ),
        (
            "diary.xlsx",
            _xlsx([["timestamp", "pain"], ["03/04/2026", 4], ["30/03/2026", 5]]),
            "Dates read as day/month (day first), as the file shows: 30/03/2026 (row 3) can "
            "only be 30 March 2026.",
        ),
    ],
)
def test_the_order_the_file_showed_is_said_in_plain_words(name, content, said):
    box = make_journal_upload(folder=None)
    load_file(box, name, content)
    assert box.journal.n_entries == 2 and box.date_area.layout.display == "none"
    assert box.date_note.value == f"<p>{said}</p>"
    # an ISO file says nothing; a chosen order needs no note either
    load_file(box, "iso.csv", b"timestamp,pain\n2026-03-30 08:00,4\n")
    assert box.date_note.value == ""
    load_file(box, "ask.csv", b"timestamp,pain\n03/04/2026,4\n05/04/2026,5\n")
    assert box.date_area.layout.display == "" and box.date_note.value == ""
    box.controls["date_order"].value = "day first"
    assert box.journal.n_entries == 2 and box.date_note.value == ""


def test_mixed_orders_name_the_rows_in_plain_words():
    box = make_journal_upload(folder=None)
    load_file(box, "diary.csv", b"timestamp;pain\n30/03/2026 08:00;4\n03/31/2026 08:00;5\n")
    status = box.status.value
    assert "can only be day first (row 2" in status and "only month first (row 3" in status
    assert "date_format" not in status and box.date_area.layout.display == ""
    box.controls["date_order"].value = "day first"
    assert box.journal.n_entries == 1  # the month-first row is reported, not guessed
    assert (box.journal.problems["row"] == 3).any()


def test_the_dashboards_upload_asks_for_the_order_and_then_draws_the_journal():
    box = make_journal_dashboard(render="output")
    assert box.date_row.layout.display == "none"
    before = box.journal
    text = "timestamp;pain\n01/04/2026 08:00;4\n02/04/2026 08:00;6\n03/04/2026 08:00;5\n"
    upload(box, "phone.csv", text.encode())
    _asks_in_plain_words(box.status.value)
    assert box.date_row.layout.display == "" and box.journal is before  # still the example
    assert "Still shown below" in box.status.value
    box.controls["date_order"].value = "day first"
    assert box.journal is not before and box.journal.n_entries == 3
    assert box.journal.entries["timestamp"].max() == pd.Timestamp("2026-04-03 08:00")
    assert box.controls["journal"].value == "upload:phone.csv"
    assert box.picture is not None and "from 2026-04-01 to 2026-04-03" in box.picture.alt
