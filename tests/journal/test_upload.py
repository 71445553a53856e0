"""Tests for sci_pain.journal.upload and the no-code upload widget (sci_pain.widgets.upload)."""

from __future__ import annotations

import base64
import io
import json
import re

import pandas as pd
import pytest

import sci_pain as sp
from sci_pain.journal.reader import JournalError
from sci_pain.journal.upload import (
    DATE_FORMATS,
    detect_journal_format,
    diary_context,
    file_columns,
    no_pain_ratings_message,
    preview_dates,
    read_diary,
)
from sci_pain.widgets import load_file, make_journal_upload

BEARABLE_SYMPTOMS = """date,weekday,time of day,category,rating/amount,detail,notes
"2nd Mar 2026","Monday","pm","Symptom","2","Leg pain (Moderate)",""
"3rd Mar 2026","Tuesday","am","Symptom","3","Leg pain (Severe)","bad night"
"3rd Mar 2026","Tuesday","","Sleep","6.5","",""
"3rd Mar 2026","Tuesday","08:00","Mood","7","",""
"4th Mar 2026","Wednesday","09:00","Meds/Supplements","1","Gabapentin",""
"""
FLAREDOWN_APP = "Date,Leg pain,Baclofen,Tags,Foods\n2026-03-02,3,10 mg,slept badly,\n"
# unmatched headers, day-first dates (31/03 cannot be month first; 02/04 could be either)
UNMATCHED = (
    "When;Level of pain;Where;Comment\n"
    "30/03/2026 08:00;4;foot;\n"
    "31/03/2026 20:00;6;foot;long day\n"
    "02/04/2026 08:00;3;calf;\n"
)


def _fhir_bytes() -> bytes:
    journal = sp.read_journal(io.StringIO("timestamp,pain\n2026-03-02 08:10,6\n"))
    return json.dumps(sp.to_fhir(journal)).encode()


# -- recognising files by content -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"timestamp,pain\n2026-03-01,4\n", "journal"),
        (UNMATCHED.encode(), "journal"),
        (BEARABLE_SYMPTOMS.encode(), "bearable"),
        (("\ufeff" + BEARABLE_SYMPTOMS).encode("utf-8"), "bearable"),
        (FLAREDOWN_APP.encode(), "flaredown"),
        (
            b"user_id,age,sex,country,checkin_date,trackable_id,trackable_type,trackable_name,"
            b"trackable_value\nu1,30,f,NZ,2026-03-02,1,Symptom,Leg pain,3\n",
            "flaredown",
        ),
        (_fhir_bytes(), "fhir"),
    ],
)
def test_files_are_recognised_by_content_not_by_name(content, kind):
    assert detect_journal_format(content, name="journal.csv") == kind
    assert detect_journal_format(content, name="export.txt") == kind


def test_json_that_is_not_fhir_and_empty_files_say_why():
    with pytest.raises(JournalError, match="not a FHIR Bundle"):
        detect_journal_format(b'{"hello": 1}', name="x.json")
    with pytest.raises(JournalError, match="the file is empty"):
        detect_journal_format(b"  \n", name="x.csv")


def test_read_diary_uses_the_matching_reader():
    kind, journal = read_diary(_fhir_bytes(), name="record.json")
    assert kind == "fhir" and journal.n_entries == 1
    kind, journal = read_diary(BEARABLE_SYMPTOMS.encode(), name="bearable.csv")
    assert kind == "bearable" and journal.n_entries == 0


def test_columns_and_dates_for_the_mapping_controls():
    headers, matched = file_columns(UNMATCHED.encode())
    assert headers == ["When", "Level of pain", "Where", "Comment"] and matched == {}
    assert preview_dates(UNMATCHED.encode(), "When", None)[0] == ("30/03/2026 08:00", None)
    assert preview_dates(UNMATCHED.encode(), "When", "%d/%m/%Y %H:%M")[2] == (
        "02/04/2026 08:00",
        "Thu 02 Apr 2026, 08:00",
    )
    labels = [label for label, _ in DATE_FORMATS]
    assert any("Day first" in label for label in labels)
    assert any("Month first" in label for label in labels)


def test_no_pain_ratings_are_never_converted_and_the_rest_is_context():
    _, journal = read_diary(BEARABLE_SYMPTOMS.encode(), name="bearable.csv")
    message = no_pain_ratings_message("bearable", journal)
    assert "no 0-10 pain ratings" in message and "0-4" in message
    assert "cannot be shown" in message and "clinic report" in message
    table = diary_context("bearable", BEARABLE_SYMPTOMS.encode())
    rows = {row.item: row for row in table.itertuples(index=False)}
    assert rows["Leg pain"].scale.startswith("0-4") and rows["Leg pain"].values == "2 to 3"
    assert rows["Leg pain"].days == 2
    assert rows["Sleep"].values == "6.5" and rows["Gabapentin"].kind == "Meds/Supplements"
    assert rows["Mood"].scale == "1-10"
    flaredown = diary_context("flaredown", FLAREDOWN_APP)
    assert set(flaredown["item"]) == {"Leg pain", "Baclofen", "Tags"}
    assert no_pain_ratings_message("journal", sp.load_example_journal("dvt")) is None


# -- the widget ------------------------------------------------------------------------------


def _dropdown(box, header):
    return next(d for d in box.mapping.children if d.description == header)


def _link(html_text: str, mime: str) -> bytes:
    match = re.search(rf'href="data:{re.escape(mime)};base64,([^"]+)"', html_text)
    assert match, html_text[:300]
    return base64.b64decode(match[1])


def test_unmatched_headers_and_day_first_dates_are_mapped_with_controls(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing may be written where the notebook runs
    box = make_journal_upload()
    load_file(box, "my diary.csv", UNMATCHED.encode())
    assert box.kind == "journal"
    assert (
        "Recognised from its content: <b>my diary.csv</b> is a pain-journal CSV" in box.found.value
    )
    assert [d.description for d in box.mapping.children] == [
        "When",
        "Level of pain",
        "Where",
        "Comment",
    ]
    assert "Which column holds the date and time and pain, 0-10?" in box.status.value
    assert box.journal is None and box.controls["report"].disabled
    _dropdown(box, "When").value = "timestamp"
    _dropdown(box, "Level of pain").value = "pain"
    # 30/03 and 31/03 can only be day first: the file shows its order, nothing is asked
    assert box.controls["date_order"].value is None
    assert box.date_area.layout.display == "none"
    assert box.journal.n_entries == 3
    assert box.journal.entries["timestamp"].iloc[-1] == pd.Timestamp("2026-04-02 08:00")
    _dropdown(box, "Where").value = "site"
    _dropdown(box, "Comment").value = "notes"
    assert list(box.journal.entries["site"].astype(str)) == ["foot", "foot", "calf"]
    assert set(box.journal.problems["row"]) <= {1}  # at most a note on the header
    assert not box.controls["report"].disabled

    box.controls["report"].click()
    page = _link(box.downloads.value, "text/html").decode()
    assert page.startswith("<!DOCTYPE html>") and 'download="my diary_report.html"' in (
        box.downloads.value
    )
    assert "Pain journal report: my diary" in page
    box.controls["csv"].click()
    shared = _link(box.downloads.value, "text/csv").decode()
    assert "data:text/html" in box.downloads.value  # the report's link stays
    load_file(box, "other.csv", b"timestamp,pain\n2026-03-01 08:00,3\n")
    assert box.downloads.value == ""  # no link of the previous file
    again = sp.read_journal(io.StringIO(shared))
    assert again.n_entries == 3 and "long day" not in shared
    assert list(tmp_path.iterdir()) == []


def test_a_symptom_only_export_says_what_cannot_be_shown():
    box = make_journal_upload(folder=None)
    load_file(box, "bearable export.txt", BEARABLE_SYMPTOMS.encode())
    assert box.kind == "bearable" and box.journal.n_entries == 0
    assert "holds no 0-10 pain ratings" in box.status.value
    assert "What the file holds besides 0-10 pain" in box.context.value
    assert "Leg pain" in box.context.value and "Gabapentin" in box.context.value
    assert box.controls["report"].disabled and box.controls["csv"].disabled
    assert box.mapping.children == ()


def test_files_in_my_journals_can_be_chosen(tmp_path, monkeypatch):
    folder = tmp_path / "my_journals"
    folder.mkdir()
    (folder / "flaredown.csv").write_text(FLAREDOWN_APP)
    monkeypatch.chdir(tmp_path)
    box = make_journal_upload()
    mine = box.controls["mine"]
    assert [label for label, _ in mine.options] == ["(choose a file)", "flaredown.csv"]
    mine.value = mine.options[1][1]
    assert box.kind == "flaredown"
    assert "holds no 0-10 pain ratings" in box.status.value


def test_a_file_that_cannot_be_read_says_why():
    box = make_journal_upload(folder=None)
    load_file(box, "notes.json", b'{"note": "not a diary"}')
    assert "notes.json cannot be read" in box.status.value
    assert box.journal is None


def test_the_dashboard_recognises_an_app_export_by_content():
    from uploads import upload

    from sci_pain.widgets import make_journal_dashboard

    box = make_journal_dashboard()
    upload(box, "export.csv", BEARABLE_SYMPTOMS.encode())
    assert "holds no 0-10 pain ratings" in box.status.value
    assert box.picture.alt.startswith("Nothing to show for export.csv")


def test_my_journals_is_ignored_by_git():
    from pathlib import Path

    ignored = (Path(__file__).parents[2] / ".gitignore").read_text().splitlines()
    assert "my_journals/" in ignored


def test_notebook_09_tells_the_learner_where_to_keep_their_files():
    # issue 14: learners keep their own files in a folder git ignores, "and the notebook says so"
    import json
    from pathlib import Path

    nb = json.loads(
        (Path(__file__).parents[2] / "notebooks" / "09_your_own_journal.ipynb").read_text()
    )
    prose = [
        "".join(c["source"]) for c in nb["cells"][:4] if c["cell_type"] == "markdown"
    ]  # said before the first upload, not at the end
    said = [p for p in prose if "`my_journals`" in p]
    assert said, "notebook 09 does not say where to keep one's own files before the upload"
    assert ".gitignore" in said[0] and "git never records" in said[0]
