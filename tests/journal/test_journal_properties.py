"""Property tests: mutated journal files never raise anything but JournalError, never lose a
record, and whatever is read writes back to equal entries."""

from __future__ import annotations

import csv
import io
import os
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from sci_pain.journal import _io as _journal_io
from sci_pain.journal.reader import JournalError, read_journal
from sci_pain.journal.schema import (
    COLUMN_ORDER,
    COLUMNS,
    INTERVENTIONS,
    QUALITIES,
    SIDES,
    SITES,
    SKIN,
    SWELLING,
)

# SCI_PAIN_EXAMPLES=5000 pytest tests/journal/test_journal_properties.py for a longer hunt
EXAMPLES = int(os.environ.get("SCI_PAIN_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- valid cells, and cells that real files contain ------------------------------------------

# Python 3.10's csv writer cannot write a NUL character (3.11 quotes it), so on 3.10 the cells
# have none; NUL bytes still reach the reader through the byte mutations below.
junk = (
    st.text(max_size=12)
    if sys.version_info >= (3, 11)
    else st.text(st.characters(blacklist_characters="\x00"), max_size=12)
)
valid_cells = {
    "timestamp": st.builds(
        lambda day, minute, sep: f"2026-03-{day:02d}{sep}{minute // 60:02d}:{minute % 60:02d}",
        st.integers(1, 28),
        st.integers(0, 24 * 60 - 1),
        st.sampled_from(["T", " "]),
    )
    | st.sampled_from(["2026-03-01", "01/03/2026", "2026-02-30"]),
    "pain": st.integers(0, 10).map(str) | st.sampled_from(["11", "-1", "5.5", "NA", ""]),
    "problem": junk,
    "side": st.sampled_from([*SIDES, "Left", "L"]),
    "site": st.sampled_from([*SITES, "Whole leg", "kne"]),
    "quality": st.lists(st.sampled_from([*QUALITIES, "Pins and needles", "zap"]), max_size=3).map(
        ";".join
    ),
    "interference": st.integers(0, 12).map(str),
    "spasms": st.integers(0, 30).map(str) | st.just("none"),
    "activity_min": st.floats(0, 200, allow_nan=False).map(lambda x: f"{x:.1f}"),
    "immobile_hours": st.sampled_from(["0", "1.5", "2,5", "30", "x"]),
    "sleep_hours": st.sampled_from(["", "7", "7,5", "6.25", "1,500"]),
    "swelling": st.sampled_from(SWELLING),
    "skin": st.sampled_from(SKIN),
    "interventions": st.lists(st.sampled_from(INTERVENTIONS), max_size=2).map(";".join),
    "notes": junk | st.sampled_from(["=1+1", "-x", "'@y", 'say "hi"', "a\nb", "a,b;c\td"]),
}


@st.composite
def journal_files(draw) -> bytes:
    """A journal CSV: random columns, records, delimiter, line end, encoding; then mutated."""
    optional = [c for c in COLUMN_ORDER if c not in ("timestamp", "pain")]
    columns = ["timestamp", "pain", *draw(st.lists(st.sampled_from(optional), unique=True))]
    if draw(st.booleans()):
        columns.append(draw(st.sampled_from(["mood", "Row", "", "=x", "Pain level"])))
    columns = draw(st.permutations(columns))
    n = draw(st.integers(0, 12))
    records = [
        [draw(valid_cells[c]) if c in valid_cells else draw(junk) for c in columns]
        for _ in range(n)
    ]
    if records and draw(st.booleans()):  # an exact duplicate
        records.insert(draw(st.integers(0, len(records))), list(draw(st.sampled_from(records))))
    header = [draw(st.sampled_from([c, c.upper(), f" {c} "])) for c in columns]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(records)
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        data = draw(mutation(data))
    return data


def mutation(data: bytes):
    position = st.integers(0, len(data))
    return st.one_of(
        position.map(lambda i: data[:i]),  # truncation
        st.tuples(position, st.binary(max_size=4)).map(
            lambda p: data[: p[0]] + p[1] + data[p[0] :]
        ),
        st.tuples(position, st.sampled_from([b'"', b",", b";", b"\t", b"\n", b"\r", b"\xe9"])).map(
            lambda p: data[: p[0]] + p[1] + data[p[0] :]
        ),
        st.tuples(position, st.integers(1, 8)).map(lambda p: data[: p[0]] + data[p[0] + p[1] :]),
    )


# -- the reference: what Python's csv module sees --------------------------------------------

_DECODE = {"ascii": "ascii", "utf-16": "utf-16", "utf-8-sig": "utf-8-sig"}


def reference_rows(data: bytes, label: str) -> set[int]:
    """Spreadsheet row numbers of the non-empty records, as the csv module splits them."""
    text = data.decode(_DECODE.get(label, label))
    parser_bytes = text.encode("utf-8")
    delimiter, skip = _journal_io.sniff(parser_bytes, "utf-8", None, "reference")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter))
    records = rows[1 + skip :]
    return {i + 2 for i, record in enumerate(records) if any(cell.strip() for cell in record)}


def check(journal) -> None:
    entries, problems = journal.entries, journal.problems
    entry_rows = entries["row"].tolist()
    dropped = set(problems.loc[~problems["kept"], "row"]) - {1}
    assert len(entry_rows) == len(set(entry_rows)), "a record appears twice"
    assert dropped.isdisjoint(entry_rows), "a record both kept and not kept"
    assert set(problems.loc[problems["kept"], "row"]) - {1} <= set(entry_rows)
    assert journal.n_records == len(entry_rows) + len(dropped)
    for name in COLUMN_ORDER:
        assert entries[name].dtype == COLUMNS[name].dtype, name
    assert entries["timestamp"].notna().all() and entries["pain"].notna().all()
    assert entries["timestamp"].is_monotonic_increasing


@pytest.mark.filterwarnings("error")  # a parser warning can mean lost cells
@SETTINGS
@given(journal_files())
def test_mutated_files_raise_only_journal_error_and_lose_no_record(data):
    try:
        journal = read_journal(io.BytesIO(data))
    except JournalError as error:
        event(f"JournalError: {str(error).split(':')[1][:30]}")
        return
    event("read")
    check(journal)
    kept = set(journal.entries["row"])
    dropped = set(journal.problems.loc[~journal.problems["kept"], "row"]) - {1}
    assert kept | dropped == reference_rows(data, journal.encoding)


@SETTINGS
@given(journal_files())
def test_whatever_is_read_writes_back_to_equal_entries(data):
    try:
        journal = read_journal(io.BytesIO(data))
    except JournalError:
        return
    assume(journal.n_entries > 0)
    text = journal.to_csv()
    again = read_journal(io.StringIO(text))
    pd.testing.assert_frame_equal(
        again.entries.drop(columns="row"), journal.entries.drop(columns="row")
    )
    assert again.n_dropped == 0
    assert again.to_csv() == text


@settings(max_examples=EXAMPLES + 50, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_journal_error(data):
    try:
        journal = read_journal(io.BytesIO(data))
    except JournalError:
        return
    check(journal)


@pytest.mark.filterwarnings("error")
@settings(max_examples=EXAMPLES + 50, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_after_a_valid_header_loses_nothing(text):
    data = ("timestamp,pain,notes\n" + text).encode("utf-8")
    try:
        journal = read_journal(io.BytesIO(data))
    except JournalError:
        return
    check(journal)
    kept = set(journal.entries["row"])
    dropped = set(journal.problems.loc[~journal.problems["kept"], "row"]) - {1}
    assert kept | dropped == reference_rows(data, journal.encoding)
