"""Imports from Bearable, Flaredown and FHIR R4 (sci_pain.journal.importers).

Each import is checked end to end on a small synthetic fixture that follows the real format
(tests/fixtures/imports/), with the exact rows of every entry and every problem; the FHIR
export is checked in both directions; malformed files raise nothing but JournalError, and no
source record is ever lost.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sci_pain.journal import (
    LOINC_PAIN_SEVERITY,
    LOINC_PAIN_SEVERITY_DISPLAY,
    SNOMED_LATERALITY,
    SNOMED_SITES,
    read_bearable,
    read_bearable_records,
    read_fhir,
    read_flaredown,
    read_flaredown_records,
    to_fhir,
)
from sci_pain.journal.reader import JournalError, journal_from_frame
from sci_pain.journal.schema import SIDES, SITES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def _csv_rows(data: bytes | str) -> list[int]:
    """Spreadsheet rows of the non-blank records after the header, parsed independently."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    rows, header_seen = [], False
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, fields in enumerate(reader, start=1):
        if not any(f.strip() for f in fields):
            continue
        if header_seen:
            rows.append(number)
        header_seen = True
    return rows


def assert_accounted(journal, rows) -> None:
    """Every source record is an entry or has a kept == False problem: never both or neither."""
    entry_rows = set(journal.entries["row"].tolist())
    dropped = set(journal.problems.loc[~journal.problems["kept"].astype(bool), "row"].tolist())
    assert not entry_rows & dropped, f"rows both kept and dropped: {entry_rows & dropped}"
    assert journal.n_records == len(set(rows))
    assert set(rows) == entry_rows | dropped, (
        f"lost rows: {set(rows) - entry_rows - dropped}; unknown rows: "
        f"{(entry_rows | dropped) - set(rows)}"
    )


def _entries(journal, columns):
    frame = journal.entries[columns].copy()
    for column in columns:
        if column != "timestamp" and column != "pain" and column != "row":
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.to_dict("records")


def _problems(journal):
    return sorted(
        (int(r.row), None if pd.isna(r.column) else r.column, bool(r.kept))
        for r in journal.problems.itertuples(index=False)
    )


# ---------------------------------------------------------------------------------------------
# Bearable
# ---------------------------------------------------------------------------------------------


def test_bearable_export_gives_the_expected_entries_and_problems():
    journal = read_bearable(FIXTURES / "bearable_export.csv")
    assert _entries(journal, ["timestamp", "pain", "problem", "notes", "row"]) == [
        {
            "timestamp": pd.Timestamp("2026-03-02 08:10"),
            "pain": 4,
            "problem": None,
            "notes": None,
            "row": 2,
        },
        {
            "timestamp": pd.Timestamp("2026-03-02 21:30"),
            "pain": 7,
            "problem": None,
            "notes": "Burning feet after a long sit",
            "row": 3,
        },
        {  # logged for "pm": the date alone, no invented clock time (and a note)
            "timestamp": pd.Timestamp("2026-03-03"),
            "pain": 5,
            "problem": None,
            "notes": None,
            "row": 15,
        },
        {
            "timestamp": pd.Timestamp("2026-03-03 09:00"),
            "pain": 3,
            "problem": None,
            "notes": "Calmer morning,\nstretched first",
            "row": 8,
        },
        {  # logged for "all day": the date alone
            "timestamp": pd.Timestamp("2026-03-04"),
            "pain": 6,
            "problem": None,
            "notes": None,
            "row": 13,
        },
    ]
    assert _problems(journal) == [
        (4, "pain", False),  # symptom on Bearable's 0-4 scale: not converted
        (5, "pain", False),  # factors
        (6, "pain", False),  # sleep
        (7, "pain", False),  # mood
        (9, "pain", False),  # 12 is out of the 0-10 range (the reader's own validator)
        (10, "timestamp", False),  # 31st Feb
        (11, "pain", False),  # another health measurement (weight)
        (12, "pain", False),  # symptom
        (14, "pain", False),  # meds
        (15, "timestamp", True),  # "pm": which hours is not known, the date alone is kept
    ]
    assert_accounted(journal, _csv_rows((FIXTURES / "bearable_export.csv").read_bytes()))


def test_bearable_symptoms_keep_their_original_value_and_scale():
    problems = read_bearable(FIXTURES / "bearable_export.csv").problems.set_index("row")
    assert problems.loc[4, "value"] == "Symptom: Leg pain (Moderate) = 2"
    assert "0-4" in problems.loc[4, "problem"]
    assert "no 0-10 conversion is made" in problems.loc[4, "problem"]
    assert problems.loc[7, "value"] == "Mood: Meh | Tired = 5"


def test_bearable_newer_export_with_date_formatted_and_named_measurement():
    path = FIXTURES / "bearable_export_2024.csv"
    journal = read_bearable(path, pain_measurement="Leg pain")
    assert _entries(journal, ["timestamp", "pain", "problem", "notes", "row"]) == [
        {
            "timestamp": pd.Timestamp("2024-06-10 07:45"),
            "pain": 5,
            "problem": "Leg pain",
            "notes": None,
            "row": 2,
        },
        {
            "timestamp": pd.Timestamp("2024-06-10 19:20"),
            "pain": 8,
            "problem": "Leg pain",
            "notes": "After transfer practice",
            "row": 5,
        },
        {  # "7:30 AM"
            "timestamp": pd.Timestamp("2024-06-11 07:30"),
            "pain": 6,
            "problem": "Leg pain",
            "notes": None,
            "row": 7,
        },
    ]
    assert _problems(journal) == [
        (3, "pain", False),
        (4, "pain", False),  # "Leg pain (Unbearable)" = 4: not 0-10
        (6, "pain", False),
        (8, "timestamp", False),  # "noon" is not a time Bearable writes
    ]
    assert_accounted(journal, _csv_rows(path.read_bytes()))


def test_bearable_default_measurement_name_reports_other_measurements():
    journal = read_bearable(FIXTURES / "bearable_export_2024.csv")
    assert journal.entries.empty
    assert "pain_measurement=" in journal.problems.set_index("row").loc[2, "problem"]


def test_bearable_windows_1252_file_with_crlf():
    journal = read_bearable(FIXTURES / "bearable_cp1252.csv")
    assert journal.entries["notes"].tolist() == ["café visit"]


def test_bearable_records_keep_every_row_on_its_own_scale():
    records = read_bearable_records(FIXTURES / "bearable_export.csv")
    assert records["row"].tolist() == list(range(2, 16))
    symptom = records.set_index("row").loc[4]
    assert (symptom["name"], symptom["value"], symptom["severity"]) == ("Leg pain", "2", "Moderate")
    assert symptom["scale"].startswith("0-4")
    assert pd.isna(records.set_index("row").loc[10, "date"])  # 31st Feb


def test_bearable_field_count_mismatch_is_reported_not_dropped():
    text = (
        "date,weekday,time of day,category,rating/amount,detail,notes\n"
        '"2nd Mar 2026","Monday","08:10","Health measurements","4","Pain",""\n'
        '"2nd Mar 2026","Monday","09:10","Health measurements","5","Pain","a",extra\n'
    )
    journal = read_bearable(io.StringIO(text))
    assert journal.entries["row"].tolist() == [2]
    assert _problems(journal) == [(3, None, False)]


def test_bearable_semicolon_delimited_resave():
    text = (
        "date;weekday;time of day;category;rating/amount;detail;notes\n"
        "2nd Mar 2026;Monday;08:10;Health measurements;4;Pain;\n"
    )
    assert read_bearable(io.StringIO(text)).entries["pain"].tolist() == [4]


# ---------------------------------------------------------------------------------------------
# Flaredown
# ---------------------------------------------------------------------------------------------


def test_flaredown_long_format_reports_every_record_with_its_original_value():
    path = FIXTURES / "flaredown_long.csv"
    journal = read_flaredown(path)
    assert journal.entries.empty  # Flaredown has no 0-10 rating, and none is invented
    problems = journal.problems.set_index("row")
    assert problems.index.tolist() == list(range(2, 13))
    assert not problems["kept"].any()
    assert problems.loc[3, "value"] == "Symptom: Leg pain = 3"
    assert "0-4" in problems.loc[3, "problem"]
    assert "no 0-10 conversion is made" in problems.loc[3, "problem"]
    assert problems.loc[6, "value"] == "Treatment: Heat pad = 20 min"
    assert_accounted(journal, _csv_rows(path.read_bytes()))


def test_flaredown_never_copies_personal_columns():
    journal = read_flaredown(FIXTURES / "flaredown_long.csv")
    text = journal.problems.to_csv() + journal.entries.to_csv()
    for personal in ("female", "GB", ",34,"):
        assert personal not in text
    records = read_flaredown_records(FIXTURES / "flaredown_long.csv")
    assert set(records.columns) == {"row", "date", "type", "name", "value", "scale"}


def test_flaredown_app_export():
    path = FIXTURES / "flaredown_app_export.csv"
    journal = read_flaredown(path)
    assert journal.entries.empty
    assert journal.problems["row"].tolist() == [2, 3, 4]
    assert journal.problems.loc[0, "value"] == (
        "Date=2026-03-02; Spinal cord injury=2; Leg pain=3; Burning feet=2; "
        "Tags=slept badly; long sit"
    )
    assert_accounted(journal, _csv_rows(path.read_bytes()))


def test_flaredown_file_of_several_people_needs_a_user_id():
    path = FIXTURES / "flaredown_two_users.csv"
    with pytest.raises(JournalError, match="user_id="):
        read_flaredown(path)
    journal = read_flaredown(path, user_id="SYNTHETIC-USER-B")
    problems = journal.problems.set_index("row")
    assert problems.loc[3, "value"] == "Symptom: Leg pain = 1"
    assert problems.loc[2, "column"] == "user_id"  # another person: reported, not copied
    assert problems.loc[2, "value"] == ""
    assert_accounted(journal, _csv_rows(path.read_bytes()))
    with pytest.raises(JournalError, match="SYNTHETIC-USER-B"):
        read_flaredown(path, user_id="SYNTHETIC-USER-C")


def test_flaredown_records():
    records = read_flaredown_records(FIXTURES / "flaredown_long.csv")
    assert records["row"].tolist() == list(range(2, 13))
    assert records.loc[records["type"] == "Symptom", "scale"].unique().tolist() == ["0-4"]
    assert pd.isna(records.set_index("row").loc[11, "date"])  # 2026-02-30
    app = read_flaredown_records(FIXTURES / "flaredown_app_export.csv")
    assert app.loc[0].to_dict() == {
        "row": 2,
        "date": pd.Timestamp("2026-03-02"),
        "type": "",
        "name": "Spinal cord injury",
        "value": "2",
        "scale": "",
    }


# ---------------------------------------------------------------------------------------------
# FHIR
# ---------------------------------------------------------------------------------------------


def test_read_fhir_bundle():
    journal = read_fhir(FIXTURES / "fhir_bundle.json")
    assert _entries(journal, ["timestamp", "pain", "site", "side", "notes", "row"]) == [
        {
            "timestamp": pd.Timestamp("2026-03-02 08:10"),
            "pain": 6,
            "site": "knee",
            "side": "left",
            "notes": None,
            "row": 3,
        },
        {  # valueQuantity {score}; post-coordinated laterality
            "timestamp": pd.Timestamp("2026-03-02 21:30"),
            "pain": 7,
            "site": "foot",
            "side": "both",
            "notes": "burning after a long sit",
            "row": 4,
        },
        {
            "timestamp": pd.Timestamp("2026-03-03"),
            "pain": 3,
            "site": None,
            "side": None,
            "notes": None,
            "row": 5,
        },
        {  # a body site outside the leg vocabulary is cleared (reported, kept)
            "timestamp": pd.Timestamp("2026-03-03 12:00"),
            "pain": 5,
            "site": None,
            "side": None,
            "notes": None,
            "row": 6,
        },
        {  # effectiveInstant; mCODE laterality qualifier
            "timestamp": pd.Timestamp("2026-03-04 07:45"),
            "pain": 2,
            "site": "calf",
            "side": "right",
            "notes": None,
            "row": 12,
        },
    ]
    assert _problems(journal) == [
        (2, "resource", False),  # a Patient
        (6, "site", True),  # heart
        (7, "pain", False),  # heart rate
        (8, "status", False),  # entered-in-error
        (9, "pain", False),  # 11 is out of range (the reader's own validator)
        (10, "pain", False),  # dataAbsentReason
        (11, "timestamp", False),  # no effective time
        (13, "pain", False),  # a 0-100 mm scale: no conversion
    ]
    assert_accounted(journal, range(2, 14))  # row 1 is the Bundle


def test_fhir_to_journal_to_fhir_round_trip():
    first = read_fhir(FIXTURES / "fhir_bundle.json")
    bundle = to_fhir(first)
    json.dumps(bundle)  # serialisable as it is
    second = read_fhir(bundle)
    columns = ["timestamp", "pain", "site", "side"]
    assert _entries(second, columns) == _entries(first, columns)
    assert second.problems.empty


def _journal_with_every_site_and_side():
    rows = []
    for i, site in enumerate([*SITES, None]):
        for j, side in enumerate([*SIDES, None]):
            rows.append(
                {
                    "timestamp": f"2026-03-{1 + i:02d}T{8 + j:02d}:{5 * j:02d}",
                    "pain": str((i + j) % 11),
                    "site": site,
                    "side": side,
                    "notes": "free text never leaves" if i == 0 else None,
                    "problem": "burning feet" if j == 0 else None,
                }
            )
    raw = pd.DataFrame(rows, dtype=object)
    return journal_from_frame(raw, source="synthetic", rows=list(range(2, len(rows) + 2)))


def test_journal_to_fhir_to_journal_round_trip():
    journal = _journal_with_every_site_and_side()
    assert journal.problems.empty
    back = read_fhir(to_fhir(journal, utc_offset="-05:00"))
    columns = ["timestamp", "pain", "site", "side"]
    assert _entries(back, columns) == _entries(journal, columns)
    assert back.problems.empty


@settings(max_examples=60, deadline=None)
@given(
    records=st.lists(
        st.tuples(
            st.datetimes(
                min_value=pd.Timestamp("0001-01-01"), max_value=pd.Timestamp("9999-12-31")
            ),
            st.integers(0, 10),
            st.sampled_from([*SITES, None]),
            st.sampled_from([*SIDES, None]),
        ),
        max_size=12,
    ),
    offset=st.sampled_from(["Z", "+00:00", "+05:30", "-11:00"]),
)
def test_any_journal_survives_the_fhir_round_trip(records, offset):
    raw = pd.DataFrame(
        [
            {"timestamp": moment.replace(microsecond=0), "pain": pain, "site": site, "side": side}
            for moment, pain, site, side in records
        ],
        columns=["timestamp", "pain", "site", "side"],
        dtype=object,
    )
    journal = journal_from_frame(raw, source="generated")
    back = read_fhir(to_fhir(journal, utc_offset=offset))
    columns = ["timestamp", "pain", "site", "side"]
    # exact duplicates are reported by the reader on both sides alike
    assert _entries(back, columns) == _entries(journal, columns)
    assert back.n_dropped == 0


def test_to_fhir_writes_a_valid_looking_r4_bundle():
    journal = _journal_with_every_site_and_side()
    bundle = to_fhir(journal)
    assert bundle["resourceType"] == "Bundle"
    assert bundle["type"] == "collection"
    assert len(bundle["entry"]) == len(journal.entries)
    text = json.dumps(bundle)
    assert "free text never leaves" not in text
    assert "burning feet" not in text
    ids = set()
    for entry in bundle["entry"]:
        obs = entry["resource"]
        assert entry["fullUrl"] == f"urn:uuid:{obs['id']}"
        ids.add(obs["id"])
        assert obs["resourceType"] == "Observation"
        assert obs["status"] == "final"
        assert obs["category"][0]["coding"][0]["code"] == "survey"
        coding = obs["code"]["coding"][0]
        assert (coding["system"], coding["code"], coding["display"]) == (
            "http://loinc.org",
            LOINC_PAIN_SEVERITY,
            "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        )
        assert coding["display"] == LOINC_PAIN_SEVERITY_DISPLAY
        assert obs["subject"] == {"reference": "Patient/anonymous"}
        assert obs["effectiveDateTime"].endswith("+00:00")
        assert isinstance(obs["valueInteger"], int)
        body = obs.get("bodySite", {})
        assert all(c["system"] == "http://snomed.info/sct" for c in body.get("coding", []))
    assert len(ids) == len(bundle["entry"])
    assert to_fhir(journal) == bundle  # deterministic: no random ids, no clock


def test_to_fhir_writes_a_once_a_day_entry_as_a_date():
    raw = pd.DataFrame({"timestamp": ["2026-03-01", "2026-03-01 21:15"], "pain": ["3", "5"]})
    bundle = to_fhir(journal_from_frame(raw, source="daily"), utc_offset="Z")
    times = [e["resource"]["effectiveDateTime"] for e in bundle["entry"]]
    assert times == ["2026-03-01", "2026-03-01T21:15:00Z"]


def test_to_fhir_body_site_codes():
    journal = _journal_with_every_site_and_side()
    bodies = [e["resource"].get("bodySite") for e in to_fhir(journal)["entry"]]
    left_knee = next(b for b in bodies if b and b.get("text") == "left knee")
    assert left_knee["coding"][0]["code"] == SNOMED_SITES["knee"][0] == "72696002"
    extension = left_knee["extension"][0]
    assert extension["url"].endswith("observation-structureLaterality")
    assert extension["valueCodeableConcept"]["coding"][0]["code"] == SNOMED_LATERALITY["left"][0]
    assert None in bodies  # no site and no side: no bodySite at all


def test_to_fhir_of_an_empty_journal_has_no_empty_array():
    journal = journal_from_frame(
        pd.DataFrame({"timestamp": [], "pain": []}, dtype=object), source="empty", rows=[]
    )
    assert to_fhir(journal) == {"resourceType": "Bundle", "type": "collection"}
    assert read_fhir(to_fhir(journal)).entries.empty


@pytest.mark.parametrize("offset", ["", "UTC", "+1:00", "+15:00", 5])
def test_to_fhir_rejects_a_bad_offset(offset):
    with pytest.raises(ValueError, match="utc_offset"):
        to_fhir(_journal_with_every_site_and_side(), utc_offset=offset)


def test_read_fhir_several_subjects_need_a_choice():
    bundle = to_fhir(_journal_with_every_site_and_side())
    bundle["entry"][0]["resource"]["subject"] = {"reference": "Patient/other"}
    with pytest.raises(JournalError, match="subject="):
        read_fhir(bundle)
    journal = read_fhir(bundle, subject="Patient/other")
    assert journal.entries["row"].tolist() == [2]
    assert_accounted(journal, range(2, len(bundle["entry"]) + 2))


def test_read_fhir_accepts_json_text_and_open_files():
    path = FIXTURES / "fhir_bundle.json"
    expected = read_fhir(path).entries["pain"].tolist()
    assert read_fhir(path.read_text()).entries["pain"].tolist() == expected
    with path.open("rb") as handle:
        assert read_fhir(handle).entries["pain"].tolist() == expected


# ---------------------------------------------------------------------------------------------
# file-level faults: JournalError that names the file and the fix
# ---------------------------------------------------------------------------------------------


READERS = [read_bearable, read_flaredown, read_fhir, read_bearable_records, read_flaredown_records]


@pytest.mark.parametrize("reader", READERS, ids=lambda f: f.__name__)
def test_missing_file(reader, tmp_path):
    with pytest.raises(JournalError, match="no such file"):
        reader(tmp_path / "nope.csv")


@pytest.mark.parametrize("reader", READERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("content", [b"", b"  \n\n", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_empty_or_binary_file(reader, content, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(JournalError, match="export.csv"):
        reader(path)


def test_wrong_app_is_named():
    with pytest.raises(JournalError, match="read_flaredown"):
        read_bearable(FIXTURES / "flaredown_long.csv")
    with pytest.raises(JournalError, match="read_bearable"):
        read_flaredown(FIXTURES / "bearable_export.csv")


def test_missing_columns_suggest_close_matches():
    text = "date,weekday,time of day,category,rating,detail,notes\n"
    with pytest.raises(JournalError, match="rating/amount") as error:
        read_bearable(io.StringIO(text))
    assert "'rating'" in str(error.value)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "Bundle"),
        ('{"resourceType": "Observation"}', "Wrap it in a Bundle"),
        ('{"resourceType": "Bundle", "type": "transaction"}', "collection"),
        ('{"resourceType": "Bundle", "type": "collection", "entry": {}}', "entry"),
    ],
)
def test_read_fhir_file_faults(content, match, tmp_path):
    path = tmp_path / "bundle.json"
    path.write_text(content)
    with pytest.raises(JournalError, match=match):
        read_fhir(path)


def test_wrong_argument_type_is_a_type_error():
    with pytest.raises(TypeError, match="path"):
        read_bearable(42)


# ---------------------------------------------------------------------------------------------
# garbage: only JournalError, and never a lost record
# ---------------------------------------------------------------------------------------------

_CSV_FIXTURES = {
    "bearable": ((FIXTURES / "bearable_export.csv").read_bytes(), read_bearable),
    "flaredown": ((FIXTURES / "flaredown_long.csv").read_bytes(), read_flaredown),
    "flaredown_app": ((FIXTURES / "flaredown_app_export.csv").read_bytes(), read_flaredown),
}
_NOISE = st.sampled_from(
    [b",", b'"', b"\n", b"\r\n", b";", b"\t", b"\x00", b"\xff", b"\xe9", b"=", b"12", b"pm", b""]
)


@st.composite
def _mutated(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "truncate", "replace"]))
        if action == "insert":
            data[position:position] = draw(_NOISE)
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 20))]
        elif action == "truncate":
            del data[position:]
        else:
            data[position : position + 1] = draw(st.binary(min_size=0, max_size=3))
    return bytes(data)


@pytest.mark.parametrize("name", sorted(_CSV_FIXTURES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_csv_exports_raise_only_journal_error_and_lose_nothing(name, data):
    original, reader = _CSV_FIXTURES[name]
    content = data.draw(_mutated(original))
    try:
        journal = reader(io.BytesIO(content))
    except JournalError:
        return
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return  # the reader fell back to cp1252; the independent count would not match
    assert_accounted(journal, _csv_rows(text))


@settings(max_examples=40, deadline=None)
@given(content=st.binary(max_size=300))
@pytest.mark.parametrize("reader", [read_bearable, read_flaredown, read_fhir])
def test_random_bytes_raise_only_journal_error(reader, content):
    with contextlib.suppress(JournalError):
        reader(io.BytesIO(content))


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["72514-3", "http://loinc.org", "2026-03-02", "2026-13-02T25:00", "7771000"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_BUNDLE = json.loads((FIXTURES / "fhir_bundle.json").read_text())


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


_BUNDLE_PATHS = [p for p in _paths(_BUNDLE) if p]


@settings(max_examples=150, deadline=None)
@given(changes=st.lists(st.tuples(st.sampled_from(_BUNDLE_PATHS), _JSON), min_size=1, max_size=4))
def test_mutated_fhir_bundles_raise_only_journal_error_and_lose_nothing(changes):
    bundle = copy.deepcopy(_BUNDLE)
    for path, value in changes:
        node = bundle
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        journal = read_fhir(bundle)
    except JournalError:
        return
    entries = bundle.get("entry")
    assert_accounted(journal, range(2, len(entries) + 2) if isinstance(entries, list) else [])


# -- day first or month first: the importers' rule, and an order chosen by the person ------------


def test_the_importers_date_rule_reads_every_date_in_the_order_chosen_and_refuses_nothing():
    from sci_pain.journal.dates import day_month_dates

    dates = ["03/04/2026", "24/11/2019 8:05 PM", "11/24/2019", "2026/04/03", "soon"]
    day, order = day_month_dates(dates, source="x.csv", column="Date", order="day first")
    assert order == "day first"
    assert day == ["2026-04-03", "2019-11-24T20:05", "11/24/2019", "2026-04-03", "soon"]
    month, _ = day_month_dates(dates, source="x.csv", column="Date", order="month first")
    assert month == ["2026-03-04", "24/11/2019 8:05 PM", "2019-11-24", "2026-04-03", "soon"]
    year, _ = day_month_dates(dates, source="x.csv", column="Date", order="year first")
    assert year == ["03/04/2026", "24/11/2019 8:05 PM", "11/24/2019", "2026-04-03", "soon"]
    with pytest.raises(ValueError, match="order must be one of"):
        day_month_dates(dates, source="x.csv", column="Date", order="sideways")


def test_a_date_order_error_says_as_data_what_the_front_ends_need():
    from sci_pain.journal.dates import day_month_dates
    from sci_pain.journal.importers._dates import in_importer_words

    with pytest.raises(JournalError) as caught, in_importer_words():
        day_month_dates(["30/03/2026", "05/05/2026", "03/31/2026"], source="x.csv", column="When")
    error = caught.value
    assert error.needs_date_order and error.mixed and error.column == "When"
    assert error.rows == (2, 4) and error.examples == ("30/03/2026", "03/31/2026")
    assert "row 2 ('30/03/2026')" in str(error) and "date_format" not in str(error)
    same, order = day_month_dates(["05/05/2026", "01/01/2026"], source="x.csv", column="When")
    assert order == "either" and same == ["2026-05-05", "2026-01-01"]


@pytest.mark.parametrize(
    ("text", "order", "fmt"),
    [
        ("31/03/2026 08:00", "day first", "%d/%m/%Y %H:%M"),
        ("03/31/2026 8:05 PM", "month first", "%m/%d/%Y %I:%M %p"),
        ("3.4.26", "day first", "%d.%m.%y"),
        ("2026/03/31T08:00:10", "day first", "%Y/%m/%dT%H:%M:%S"),
        ("2026-03-31 08:00", "day first", None),
        ("yesterday", "day first", None),
    ],
)
def test_strptime_format_reads_the_date_it_was_made_from(text, order, fmt):
    import datetime as dt

    from sci_pain.journal import strptime_format

    assert strptime_format(text, order) == fmt
    if fmt is not None:
        dt.datetime.strptime(text, fmt)  # reads it
