"""Arrow's CSV reader stands in for pandas' C parser on regular files: same journal, always.

``_csv._arrow_records`` reads a file whose records all have the header's number of cells;
anything else (blank lines inside, short or wide records, a quote never closed, a header cell
over several lines) goes to the pandas path, which handles every fault. The two must give
equal entries and problems (or the same JournalError) on every file: checked on the property
tests' mutated journals and on hand-made edge cases.
"""

from __future__ import annotations

import io
import tracemalloc
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from test_journal_properties import SETTINGS, journal_files

from sci_pain.errors import JournalError
from sci_pain.journal import _csv, _io
from sci_pain.journal.reader import _empty_column, read_journal
from sci_pain.journal.schema import COLUMNS


def _both(data: bytes):
    """(journal or error text) read with Arrow where it applies, and with pandas only."""

    def read():
        try:
            return read_journal(io.BytesIO(data))
        except JournalError as error:
            return str(error)

    arrow = read()
    with mock.patch.object(_csv, "_arrow_records", lambda *args: None):
        pandas = read()
    return arrow, pandas


def _assert_same(data: bytes) -> None:
    arrow, pandas = _both(data)
    if isinstance(pandas, str) or isinstance(arrow, str):
        assert arrow == pandas
        return
    pd.testing.assert_frame_equal(arrow.entries, pandas.entries)
    pd.testing.assert_frame_equal(arrow.problems, pandas.problems)
    assert arrow.encoding == pandas.encoding


def _uses_arrow(data: bytes) -> bool:
    text, _, label = _io.decode(data, None, "x")
    delimiter, skip = _io.sniff(text, "utf-8", None, "x")
    header, _ = _csv._read_header(text, "utf-8", delimiter, skip, "x")
    return _csv._arrow_records(text, header, delimiter, skip) is not None


@SETTINGS
@given(journal_files())
def test_arrow_and_pandas_read_every_mutated_file_the_same(data):
    _assert_same(data)


PLAIN = (
    b"timestamp,pain,site,notes\n"
    b'2026-03-01 08:00,3,knee,"walked\nfar, then ""rested"""\n'
    b"2026-03-01 09:00,x,kne,\n"
    b'2026-03-01 08:00,3,Knee,"walked\r\nfar, then ""rested"""\n'
    b'2026-03-02,4,,ab"c\n'
    b'2026-03-03,5,,"ab"c\n'
)


@pytest.mark.parametrize(
    "data",
    [
        PLAIN,
        PLAIN + b"\n\n\r\n",  # blank lines at the end: no record
        PLAIN.replace(b"\n", b"\r\n"),
        PLAIN.replace(b"\n", b"\r"),
        b"sep=;\ntimestamp;pain\n2026-03-01;3\n",
        b'"timestamp","pain"\n"2026-03-01","3"\n',
    ],
)
def test_regular_files_are_read_by_arrow_and_give_the_pandas_result(data):
    assert _uses_arrow(data)
    _assert_same(data)


@pytest.mark.parametrize(
    "data",
    [
        b"timestamp,pain\n2026-03-01\n2026-03-02,4\n",  # a short record
        b"timestamp,pain\n2026-03-01,3,extra\n2026-03-02,4\n",  # a wide record (later)
        b'timestamp,pain,notes\n2026-03-01,3,"never closed\n2026-03-02,4,\n',
        b'"time\nstamp",pain\n2026-03-01,3\n',  # a header cell over two lines
        b"timestamp,pain\n",  # no record
        b"timestamp\n2026-03-01\n",  # one column
    ],
)
def test_irregular_files_go_to_pandas_and_read_the_same(data):
    assert not _uses_arrow(data)
    _assert_same(data)


def test_a_blank_line_inside_is_an_empty_record_either_way():
    # (Arrow reads it as a record of empty cells; older Arrow refuses it, and pandas reads it)
    data = b"timestamp,pain\n2026-03-01,3\n\n2026-03-02,4\n"
    _assert_same(data)
    assert read_journal(io.BytesIO(data)).entries["row"].tolist() == [2, 4]


def test_a_missing_column_is_filled_without_an_object_per_record():
    """An absent optional column (most files lack the Basic Data Set's columns) costs its
    bytes, not a Python object per record: a million records of an Int8 column stay under
    3 MB (a list of a million Nones alone is 8 MB)."""
    n = 1_000_000
    for name in ("pain_number", "sleep_hours", "notes", "site", "timestamp"):
        column = COLUMNS[name]
        tracemalloc.start()
        try:
            values = _empty_column(column, n)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        series = pd.Series(values)
        assert series.dtype == column.dtype, name
        assert len(series) == n and series.isna().all(), name
        if name == "pain_number":
            assert peak < 3_000_000, peak
    assert _empty_column(COLUMNS["pain"], 0).dtype == COLUMNS["pain"].dtype
    assert np.isnat(_empty_column(COLUMNS["timestamp"], 3)).all()


def test_an_absent_text_column_is_what_taking_a_missing_value_gave():
    """An absent text column is made as all-null Arrow strings, not taken record by record:
    the same array, type and memory as taking the one missing value for every record."""
    from sci_pain.journal.reader import _typed

    for n in (0, 1, 1000):
        fast = _empty_column(COLUMNS["notes"], n)
        slow = _typed(np.array([None], dtype=object), np.zeros(n, dtype=np.intp), COLUMNS["notes"])
        assert fast.dtype == slow.dtype
        assert fast._pa_array.type == slow._pa_array.type
        assert fast.nbytes == slow.nbytes
        assert pd.Series(fast).equals(pd.Series(slow))
