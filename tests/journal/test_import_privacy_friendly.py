"""The Privacy Friendly Pain Diary importer: backup JSON and CSV export.

The fixtures (tests/fixtures/imports/privacy_friendly_*) are synthetic and follow the real
formats, made by tests/fixtures/imports/make_privacy_friendly.py (a real SQLite database with
Room's SQL for the app's tables, written as the backup API writes it). Every diary entry must
end up as an entry or as a problem with kept == False; the personal users table is never
read; hostile files end in a JournalError or in problems, never in a traceback, and cost
work bounded by MAX_BYTES.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sci_pain.journal.importers import privacy_friendly as pf
from sci_pain.journal.importers.privacy_friendly import (
    BODY_REGIONS,
    CSV_HEADERS,
    read_privacy_friendly,
)
from sci_pain.journal.reader import JournalError
from sci_pain.journal.schema import QUALITIES, SITES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
BACKUP = FIXTURES / "privacy_friendly_backup.json"
EXPORT = FIXTURES / "privacy_friendly_export.csv"

COLUMNS = [
    "row",
    "timestamp",
    "pain",
    "site",
    "side",
    "quality",
    "interventions",
    "condition",
    "times_of_pain",
    "medication_taken",
    "notes",
]


def _records(journal):
    frame = journal.entries[COLUMNS].astype(object)
    frame = frame.where(frame.notna(), None)
    frame["timestamp"] = [f"{t:%Y-%m-%d}" for t in journal.entries["timestamp"]]
    frame["pain"] = [int(p) for p in journal.entries["pain"]]
    return frame.to_dict("records")


def _problems(journal):
    return [
        (int(r.row), None if pd.isna(r.column) else str(r.column), bool(r.kept))
        for r in journal.problems.itertuples(index=False)
    ]


def _one(journal, row, column):
    """The one problem on (row, column), as a dict."""
    problems = journal.problems
    found = problems[(problems["row"] == row) & (problems["column"] == column)]
    assert len(found) == 1, found
    return found.iloc[0].to_dict()


def _backup_data():
    return json.loads(BACKUP.read_text(encoding="utf-8"))


def _table(data, name):
    return next(t for t in data["database"]["content"] if t.get("tableName") == name)


def _quoted(fields):
    return ",".join('"' + f.replace('"', '""') + '"' for f in fields) + "\n"


def _export(rows, header=CSV_HEADERS["English"]):
    return _quoted(header) + "".join(_quoted(r) for r in rows)


def _row(date, pain="5", regions="[KNEE_LEFT]", notes=""):
    return [date, "OKAY", pain, regions, "[burning]", "[morning]", "", notes]


# -- the fixtures are what the generator makes ------------------------------------------------


def test_fixtures_are_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_pf", FIXTURES / "make_privacy_friendly.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = json.dumps(module.backup(), ensure_ascii=False, separators=(",", ":"))
    assert BACKUP.read_text(encoding="utf-8") == written
    assert EXPORT.read_bytes() == module.csv_export().encode("utf-8")


def test_backup_fixture_has_the_real_structure():
    data = _backup_data()
    assert list(data) == ["database", "preferences", "preferences2"]
    assert list(data["database"]) == ["version", "content"]
    names = [t["tableName"] for t in data["database"]["content"]]
    assert names == [
        "paindescriptions",
        "sqlite_sequence",
        "drugs",
        "drugintakes",
        "diaryentries",
        "users",
        "room_master_table",
    ]
    for table in data["database"]["content"]:
        assert list(table) == ["tableName", "createSql", "values"]
    assert _table(data, "diaryentries")["createSql"].startswith("CREATE TABLE `diaryentries`")


# -- the body-region codes ------------------------------------------------------------------------

# BodyRegion.java, in the app's order (code = position)
APP_REGIONS = [
    "ABDOMEN_LEFT",
    "ABDOMEN_RIGHT",
    "GROIN_LEFT",
    "GROIN_RIGHT",
    "THIGH_LEFT",
    "THIGH_RIGHT",
    "KNEE_LEFT",
    "KNEE_RIGHT",
    "LOWER_LEG_LEFT",
    "LOWER_LEG_RIGHT",
    "FOOT_LEFT",
    "FOOT_RIGHT",
    "CHEST_LEFT",
    "CHEST_RIGHT",
    "NECK",
    "HEAD",
    "UPPER_ARM_LEFT",
    "UPPER_ARM_RIGHT",
    "LOWER_ARM_LEFT",
    "LOWER_ARM_RIGHT",
    "HAND_LEFT",
    "HAND_RIGHT",
]


def test_body_region_codes_follow_the_app():
    assert sorted(BODY_REGIONS) == list(range(44))
    for code, name in enumerate(APP_REGIONS):
        assert BODY_REGIONS[code].name == name
        assert BODY_REGIONS[code + 22].name == name + "_BACK"
        assert BODY_REGIONS[code].picture == "front"
        assert BODY_REGIONS[code + 22].picture == "back"


def test_leg_regions_give_sites_and_the_persons_side():
    legs = {r.name: (r.site, r.side) for r in BODY_REGIONS.values() if r.site}
    assert len(legs) == 16  # thigh, knee, lower leg, foot; two halves; two pictures
    assert {site for site, _ in legs.values()} == {"thigh", "knee", "calf", "foot"} <= set(SITES)
    # the front picture faces the viewer: its left half is the person's right
    assert legs["KNEE_LEFT"] == ("knee", "right")
    assert legs["KNEE_RIGHT"] == ("knee", "left")
    # the back picture is seen from behind: its left half is the person's left
    assert legs["KNEE_LEFT_BACK"] == ("knee", "left")
    assert legs["LOWER_LEG_RIGHT_BACK"] == ("calf", "right")
    for name in ("GROIN_LEFT", "ABDOMEN_RIGHT_BACK", "HEAD", "NECK_BACK", "HAND_LEFT"):
        region = next(r for r in BODY_REGIONS.values() if r.name == name)
        assert region.site is None and region.side is None


def test_pain_words_map_to_the_journal_vocabulary_or_nowhere():
    assert set(pf.PAIN_QUALITIES) == {"stabbing", "dull", "shooting", "burning", "throbbing"}
    for word, quality in pf.PAIN_QUALITIES.items():
        assert quality is None or quality in QUALITIES, word
    assert pf.PAIN_QUALITIES["dull"] is None


# -- the backup, end to end ------------------------------------------------------------------------


def test_backup_entries_and_problems_are_exact():
    journal = read_privacy_friendly(BACKUP)
    assert _records(journal) == [
        {
            "row": 2,
            "timestamp": "2026-03-02",
            "pain": 6,
            "site": "knee",
            "side": "right",
            "quality": "burning;stabbing",
            "interventions": "medication",
            "condition": "bad",
            "times_of_pain": "evening",
            "medication_taken": "Medicine A 1 tablet: morning 1, evening 1; Medicine B: night 1",
            "notes": "Long day in the chair.",
        },
        {
            "row": 3,
            "timestamp": "2026-03-03",
            "pain": 4,
            "site": "calf",
            "side": "both",
            "quality": "burning",
            "interventions": None,
            "condition": "very bad",
            "times_of_pain": "at night",
            "medication_taken": None,
            "notes": None,
        },
        {
            "row": 4,
            "timestamp": "2026-03-04",
            "pain": 7,
            "site": "foot",
            "side": "both",
            "quality": "shooting",
            "interventions": None,  # an intake with nothing taken is not 'medication'
            "condition": "okay",
            "times_of_pain": "morning; afternoon",
            "medication_taken": "Medicine A 1 tablet: none taken",
            "notes": 'Said "ouch" twice,\nthen rested.',
        },
        {
            "row": 5,
            "timestamp": "2026-03-05",
            "pain": 3,
            "site": None,
            "side": "right",
            "quality": "throbbing",
            "interventions": None,
            "condition": "good",
            "times_of_pain": "all day",
            "medication_taken": None,
            "notes": None,
        },
        {
            "row": 6,
            "timestamp": "2026-03-06",
            "pain": 5,
            "site": None,
            "side": None,
            "quality": None,
            "interventions": None,
            "condition": None,
            "times_of_pain": None,
            "medication_taken": None,
            "notes": None,
        },
        {
            "row": 9,
            "timestamp": "2026-03-09",
            "pain": 2,
            "site": "thigh",
            "side": "right",
            "quality": "burning",
            "interventions": None,
            "condition": None,
            "times_of_pain": "evening",
            "medication_taken": None,
            "notes": None,
        },
    ]
    assert _problems(journal) == [
        (1, "condition", True),
        (1, "times_of_pain", True),
        (1, "medication_taken", True),
        (1, "side", True),
        (1, None, True),  # app settings
        (1, None, True),  # the users table, never read
        (1, "medication_taken", True),  # an intake of an entry not in the file
        (4, "quality", True),  # dull
        (5, "site", True),  # knee and foot
        (6, "site", True),  # head and neck
        (7, "pain", False),  # 11
        (8, "pain", False),  # no pain description
        (9, "site", True),  # code 99
        (9, "condition", True),  # code 9
    ]
    assert _one(journal, 9, "site")["value"] == "99"
    assert _one(journal, 4, "quality")["value"] == "dull"
    assert _one(journal, 6, "site")["value"] == "HEAD, NECK"


def test_backup_accounts_for_every_diary_entry():
    journal = read_privacy_friendly(BACKUP)
    n = len(_table(_backup_data(), "diaryentries")["values"])
    kept = set(journal.entries["row"])
    dropped = set(journal.problems.loc[~journal.problems["kept"], "row"])
    assert kept.isdisjoint(dropped)
    assert kept | dropped == set(range(2, n + 2))
    assert journal.n_records == n


def test_the_users_table_is_never_read():
    journal = read_privacy_friendly(BACKUP)
    text = journal.entries.astype(str).to_csv() + journal.problems.astype(str).to_csv()
    for personal in ("Firstname", "Lastname", "1970-01-01"):
        assert personal not in text


def test_path_bytes_text_and_dict_give_the_same_journal():
    by_path = read_privacy_friendly(BACKUP)
    for source in (
        io.BytesIO(BACKUP.read_bytes()),
        io.StringIO(BACKUP.read_text(encoding="utf-8")),
        _backup_data(),
    ):
        other = read_privacy_friendly(source)
        pd.testing.assert_frame_equal(other.entries, by_path.entries)
        pd.testing.assert_frame_equal(other.problems, by_path.problems)


# -- the CSV export, end to end ---------------------------------------------------------------------


def test_export_reads_like_the_backup_of_the_same_days():
    export = read_privacy_friendly(EXPORT)
    backup = read_privacy_friendly(BACKUP)
    fields = [c for c in COLUMNS if c != "medication_taken"]
    first = [{k: r[k] for k in fields} for r in _records(export)[:3]]
    same = [{k: r[k] for k in fields} for r in _records(backup)[:3]]
    for row in first:
        row["quality"] = ";".join(sorted(row["quality"].split(";")))
    for row in same:
        row["quality"] = ";".join(sorted(row["quality"].split(";")))
    assert first == same
    assert _records(export)[0]["medication_taken"] == (
        "Medicine A 1 tablet: morning 1, evening 1; Medicine B: night 1"
    )


def test_export_problems_are_exact():
    journal = read_privacy_friendly(EXPORT)
    assert list(journal.entries["row"]) == [2, 3, 4, 5, 6, 8]
    assert _problems(journal) == [
        (1, "condition", True),
        (1, "times_of_pain", True),
        (1, "medication_taken", True),
        (1, "side", True),
        (1, "timestamp", True),  # how the dates were read: the file shows month first
        (4, "quality", True),  # dull
        (5, "site", True),  # two sites
        (6, "site", True),  # neck and head
        (7, "pain", False),  # 11
        (8, "site", True),  # ELBOW_LEFT is not one of the app's regions
    ]
    assert journal.entries.loc[journal.entries["row"] == 5, "timestamp"].iloc[0] == pd.Timestamp(
        "2026-03-13"
    )
    note = journal.problems[journal.problems["column"] == "timestamp"].iloc[0]
    assert note["problem"].startswith("dates read month-first, as the file shows: 3/13/26 (row 5)")
    assert "can only be 13 March 2026" in note["problem"]


def test_export_quoting_is_opencsv_s():
    text = EXPORT.read_text(encoding="utf-8")
    header, *_ = text.split("\n", 1)
    assert header == ",".join(f'"{h}"' for h in CSV_HEADERS["English"])
    journal = read_privacy_friendly(EXPORT)
    assert 'Said "ouch" twice,\nthen rested.' in set(journal.entries["notes"].dropna())


def test_german_header_and_an_unknown_language_are_read():
    rows = [_row("24.11.19", "4")]
    german = read_privacy_friendly(io.StringIO(_export(rows, CSV_HEADERS["German"])))
    assert german.entries.loc[0, "timestamp"] == pd.Timestamp("2019-11-24")
    other = [f"Column {i}" for i in range(8)]
    other[2] = "Intensité de la douleur : (0-10)"
    journal = read_privacy_friendly(io.StringIO(_export(rows, other)))
    assert journal.n_entries == 1
    notes = journal.problems[journal.problems["row"] == 1]["problem"]
    assert notes.str.contains("by their place").any()


def test_a_record_with_the_wrong_number_of_fields_is_reported():
    text = _export([_row("24/11/2019")]) + '"25/11/2019","OKAY","3"\n'
    journal = read_privacy_friendly(io.StringIO(text))
    assert list(journal.entries["row"]) == [2]
    problem = journal.problems[journal.problems["row"] == 3].iloc[0]
    assert not problem["kept"] and "3 fields" in problem["problem"]


def test_unreadable_medicines_are_kept_as_written_and_reported():
    row = _row("24/11/2019")
    row[6] = "[[something else],]"
    journal = read_privacy_friendly(io.StringIO(_export([row])))
    assert journal.entries.loc[0, "medication_taken"] == "[[something else],]"
    assert (journal.problems["column"] == "medication_taken").any()


def test_unknown_pain_words_and_times_are_left_out_naming_the_apps_words():
    row = _row("24/11/2019")
    row[4], row[5] = "[burning, sparkly, dull]", "[morning, teatime]"
    journal = read_privacy_friendly(io.StringIO(_export([row])))
    assert journal.entries.loc[0, "quality"] == "burning"
    assert journal.entries.loc[0, "times_of_pain"] == "morning"
    sparkly = journal.problems[journal.problems["value"] == "sparkly"].iloc[0]
    assert sparkly["column"] == "quality" and bool(sparkly["kept"])
    assert sparkly["problem"].startswith("not one of the app's pain words (")
    dull = journal.problems[journal.problems["value"] == "dull"].iloc[0]
    assert "has no match among the journal's descriptors" in dull["problem"]
    teatime = _one(journal, 2, "times_of_pain")
    assert teatime["value"] == "teatime" and bool(teatime["kept"])
    assert teatime["problem"] == (
        "not one of the app's times of the pain (all day, morning, afternoon, evening, "
        "at night); left out"
    )


def test_a_header_that_is_not_the_apps_is_refused():
    with pytest.raises(JournalError, match="not a CSV export of the Privacy Friendly"):
        read_privacy_friendly(io.StringIO("timestamp,pain\n2026-03-01,3\n"))


# -- dates: never guessed ---------------------------------------------------------------------------


def test_ambiguous_dates_ask_for_the_format():
    text = _export([_row("3/4/26"), _row("4/3/26"), _row("11/10/26")])
    with pytest.raises(JournalError) as caught:
        read_privacy_friendly(io.StringIO(text))
    message = str(caught.value)
    assert (
        "<buffer>" in message and "'Date'" in message and "could be day first or month" in message
    )
    assert "date_format" not in message and "%d" not in message  # no programmer's words
    error = caught.value
    assert error.needs_date_order and error.column == "Date" and not error.mixed
    assert error.examples == ("3/4/26", "4/3/26", "11/10/26") and error.rows == (2, 3, 4)
    assert error.formats == {"day first": "%d/%m/%y", "month first": "%m/%d/%y"}
    by_order = read_privacy_friendly(io.StringIO(text), date_order="day first")
    assert dict(zip(by_order.entries["row"], by_order.entries["timestamp"], strict=True)) == {
        2: pd.Timestamp("2026-04-03"),
        3: pd.Timestamp("2026-03-04"),
        4: pd.Timestamp("2026-10-11"),
    }
    month = read_privacy_friendly(io.StringIO(text), date_order="month first")
    assert month.entries["timestamp"].min() == pd.Timestamp("2026-03-04")
    journal = read_privacy_friendly(io.StringIO(text), date_format="%d/%m/%y")
    dates = dict(zip(journal.entries["row"], journal.entries["timestamp"], strict=True))
    assert dates == {
        2: pd.Timestamp("2026-04-03"),
        3: pd.Timestamp("2026-03-04"),
        4: pd.Timestamp("2026-10-11"),
    }


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["3/4/26", "3/24/26"], ["2026-03-04", "2026-03-24"]),  # month first: 24 shows it
        (["4.3.26", "24.3.26"], ["2026-03-04", "2026-03-24"]),  # day first
        (["5/5/2026", "1/1/2026"], ["2026-05-05", "2026-01-01"]),  # the same either way
        (["2026/03/04", "2026/11/24"], ["2026-03-04", "2026-11-24"]),  # year first
    ],
)
def test_dates_that_show_their_order_are_read(dates, expected):
    journal = read_privacy_friendly(io.StringIO(_export([_row(d) for d in dates])))
    assert [f"{t:%Y-%m-%d}" for t in journal.entries["timestamp"]] == sorted(expected)


def test_dates_in_both_orders_are_refused_with_the_rows():
    text = _export([_row("24/11/2019"), _row("11/25/2019")])
    with pytest.raises(JournalError, match=r"row 2 .*row 3"):
        read_privacy_friendly(io.StringIO(text))


def test_an_impossible_date_is_a_problem_on_its_row():
    text = _export([_row("24/11/2019"), _row("31/02/2019")])
    journal = read_privacy_friendly(io.StringIO(text))
    assert list(journal.entries["row"]) == [2]
    assert journal.problems.set_index("row").loc[3, "column"] == "timestamp"


# -- hostile backups -------------------------------------------------------------------------------


def test_a_truncated_backup_says_it_was_cut_off():
    data = BACKUP.read_bytes()
    for cut in (len(data) // 2, len(data) - 1, 20):
        with pytest.raises(JournalError, match="cut off"):
            read_privacy_friendly(io.BytesIO(data[:cut]))


def test_a_wrong_table_name_is_named_and_refused():
    data = _backup_data()
    _table(data, "diaryentries")["tableName"] = "diaryentry"
    with pytest.raises(JournalError, match="'diaryentry' looks like it"):
        read_privacy_friendly(data)


def test_an_unknown_table_is_noted_and_the_rest_read():
    data = _backup_data()
    data["database"]["content"].append({"tableName": "paindescription", "values": [{}]})
    journal = read_privacy_friendly(data)
    assert journal.n_entries == 6
    note = journal.problems[journal.problems["value"] == "paindescription"]
    assert note["problem"].str.contains("did you mean 'paindescriptions'").all()


def test_a_table_twice_is_refused():
    data = _backup_data()
    data["database"]["content"].append(copy.deepcopy(_table(data, "diaryentries")))
    with pytest.raises(JournalError, match="twice"):
        read_privacy_friendly(data)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[]", "not a backup"),
        ('{"resourceType": "Bundle"}', "read_fhir"),
        ('{"database": {"version": 2}}', 'no "content"'),
        ('{"database": {"version": 2, "content": []}}', "no 'diaryentries' table"),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
        ("", "empty"),
        ("\x00\x01binary", "NUL"),
    ],
)
def test_files_that_are_not_backups_raise_journal_error(text, match):
    with pytest.raises(JournalError, match=match):
        read_privacy_friendly(io.BytesIO(text.encode("utf-8")))


def test_odd_values_are_problems_not_crashes():
    data = _backup_data()
    entries = _table(data, "diaryentries")["values"]
    entries.append("not an object")
    entries.append({"_id": 50, "date": None, "painDescription_id": 1})
    descriptions = _table(data, "paindescriptions")["values"]
    descriptions[0]["bodyRegions"] = ["6"]
    descriptions[1]["painQualities"] = 17
    journal = read_privacy_friendly(data)
    assert journal.n_records == len(entries)
    dropped = set(journal.problems.loc[~journal.problems["kept"], "row"])
    assert {len(entries), len(entries) + 1} <= dropped  # the string, and the entry without date
    assert "not text" in _one(journal, 2, "site")["problem"]
    assert "not text" in _one(journal, 3, "quality")["problem"]


def test_an_unknown_database_version_is_noted():
    data = _backup_data()
    data["database"]["version"] = 3
    journal = read_privacy_friendly(data)
    assert journal.problems["problem"].str.contains("database version 3").any()


def test_a_huge_list_of_body_region_codes_is_bounded():
    data = _backup_data()
    _table(data, "paindescriptions")["values"][0]["bodyRegions"] = ",".join(["6"] * 1_000_000)
    start = time.process_time()
    journal = read_privacy_friendly(data)
    assert time.process_time() - start < 5
    assert "first 64" in _one(journal, 2, "site")["problem"]
    assert journal.entries.loc[0, "site"] == "knee"


def test_a_huge_values_list_is_read_in_linear_time():
    data = _backup_data()
    description = _table(data, "paindescriptions")["values"][0]
    entries = [
        {"_id": i, "date": f"{2000 + i // 365}-01-01", "painDescription_id": description["_id"]}
        for i in range(1, 30_001)
    ]
    _table(data, "diaryentries")["values"] = entries
    _table(data, "drugintakes")["values"] = []
    start = time.process_time()
    journal = read_privacy_friendly(data)
    assert time.process_time() - start < 20
    assert journal.n_records == 30_000
    assert journal.n_entries == len({e["date"] for e in entries})  # the rest are duplicates


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(pf, "MAX_BYTES", 1000)
    big = tmp_path / "backup.json"
    big.write_text(BACKUP.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(JournalError, match="larger than 1000 bytes"):
        read_privacy_friendly(big)

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"[" * len(buffer)
            return len(buffer)

    with pytest.raises(JournalError, match="larger than"):
        read_privacy_friendly(Endless())


# -- the public API and the no-code upload path --------------------------------------------------


def test_public_names_and_the_upload_path():
    import sci_pain as sp
    from sci_pain.journal.upload import JOURNAL_FORMATS, no_pain_ratings_message

    assert sp.read_privacy_friendly is read_privacy_friendly
    assert "Privacy Friendly" in JOURNAL_FORMATS["privacy_friendly"]
    for path in (BACKUP, EXPORT):
        data = path.read_bytes()
        assert sp.detect_journal_format(data, name=path.name) == "privacy_friendly"
        kind, journal = sp.read_diary(data, name=path.name)
        assert kind == "privacy_friendly" and journal.source == path.name
        expected = read_privacy_friendly(path)
        pd.testing.assert_frame_equal(journal.entries, expected.entries)
        pd.testing.assert_frame_equal(journal.problems, expected.problems)
        assert no_pain_ratings_message(kind, journal) is None
    empty = _backup_data()
    _table(empty, "diaryentries")["values"] = []
    message = no_pain_ratings_message("privacy_friendly", read_privacy_friendly(empty))
    assert message.startswith("No diary entry of this Privacy Friendly Pain Diary file")


def test_the_upload_path_passes_the_date_format_and_names_a_cut_backup():
    import sci_pain as sp

    text = _export([_row("3/4/26"), _row("4/3/26")]).encode("utf-8")
    with pytest.raises(JournalError, match="Choose the date order"):
        sp.read_diary(text, name="export.csv")
    _, journal = sp.read_diary(text, name="export.csv", date_order="month first")
    assert journal.entries["timestamp"].min() == pd.Timestamp("2026-03-04")
    _, journal = sp.read_diary(text, name="export.csv", date_format="%m/%d/%y")
    assert journal.entries["timestamp"].min() == pd.Timestamp("2026-03-04")
    cut = BACKUP.read_bytes()[:500]
    assert sp.detect_journal_format(cut, name="backup.json") == "privacy_friendly"
    with pytest.raises(JournalError, match="cut off"):
        sp.read_diary(cut, name="backup.json")


def test_the_no_code_upload_reads_a_backup():
    from sci_pain.widgets import load_file, make_journal_upload

    box = make_journal_upload(folder=None)
    load_file(box, "pain diary backup.json", BACKUP.read_bytes())
    assert box.kind == "privacy_friendly" and box.journal.n_entries == 6
    assert "Privacy Friendly Pain Diary" in box.found.value
    assert not box.controls["report"].disabled


# -- mutated files: a journal or a JournalError, every entry accounted for ----------------------


def _mutate(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for position, kind, byte in edits:
        if not out:
            break
        i = position % len(out)
        if kind == "flip":
            out[i] = byte
        elif kind == "cut":
            del out[i:]
        elif kind == "insert":
            out.insert(i, byte)
        else:
            del out[i]
    return bytes(out)


EDITS = st.lists(
    st.tuples(
        st.integers(0, 1 << 20),
        st.sampled_from(["flip", "cut", "insert", "delete"]),
        st.sampled_from(list(b'",[]{}:0123456789\n\\ x\x00') + [0xFF]),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sampled_from(["backup", "export"]), edits=EDITS)
def test_mutated_files_end_in_a_journal_or_a_journal_error(which, edits):
    data = _mutate((BACKUP if which == "backup" else EXPORT).read_bytes(), edits)
    start = time.process_time()
    try:
        journal = read_privacy_friendly(io.BytesIO(data))
    except JournalError:
        return
    finally:
        assert time.process_time() - start < 2
    kept = set(journal.entries["row"])
    dropped = set(journal.problems.loc[~journal.problems["kept"], "row"]) - {1}
    assert kept.isdisjoint(dropped)
    assert journal.n_records == len(kept | dropped)
    if which == "backup":
        entries = _table(json.loads(data.decode("utf-8-sig", "replace")), "diaryentries")
        assert kept | dropped == set(range(2, len(entries["values"]) + 2))


def test_an_endless_device_costs_at_most_max_bytes():
    start = time.process_time()
    with pytest.raises(JournalError, match="larger than 16 MB"):
        read_privacy_friendly("/dev/zero")
    assert time.process_time() - start < 2


def test_a_long_note_is_kept():
    note = "walked far " * 30_000  # 330 KB, beyond the csv module's default field limit
    journal = read_privacy_friendly(io.StringIO(_export([_row("24/11/2019", notes=note)])))
    assert journal.entries.loc[0, "notes"] == note.strip()
