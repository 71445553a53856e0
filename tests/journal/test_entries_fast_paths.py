"""Building the entries from narrowed codes gives what the codes as they are give.

``_entries`` takes each column's codes in the narrowest integer type that holds its slot
numbers (a take by the time order then reads a quarter of the memory), and the rows as the
positions plus the first row when the rows count up by one. Here both are replaced by the
plain reference (the codes as they are, ``rows[keep]``) and the whole journal must come out
the same, dtypes included: on the property tests' mutated files, and on frames with every
column kind, absent cells and from a few to more than 65,536 distinct values.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from test_journal_properties import SETTINGS, journal_files

from sci_pain.errors import JournalError
from sci_pain.journal import reader
from sci_pain.journal.reader import journal_from_frame, read_journal


def _plain_rows_of(rows, keep):
    return rows[keep].astype(np.int64, copy=False)


def _both(read):
    """(fast, plain) results of ``read()``: a Journal each, or the error's text."""

    def attempt():
        try:
            return read()
        except JournalError as error:
            return str(error)

    fast = attempt()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "_narrowed", lambda codes, slots: codes)
        patch.setattr(reader, "_rows_of", _plain_rows_of)
        plain = attempt()
    return fast, plain


def _assert_same(read) -> None:
    fast, plain = _both(read)
    if isinstance(fast, str) or isinstance(plain, str):
        assert fast == plain
        return
    pd.testing.assert_frame_equal(fast.entries, plain.entries, check_exact=True)
    assert fast.entries.dtypes.tolist() == plain.entries.dtypes.tolist()
    pd.testing.assert_frame_equal(fast.problems, plain.problems, check_exact=True)


@SETTINGS
@given(journal_files())
def test_mutated_files_read_as_with_the_codes_as_they_are(data):
    _assert_same(lambda: read_journal(io.BytesIO(data)))


def _frame(n: int, distinct: int, *, seed: int) -> pd.DataFrame:
    """Every column kind, ``distinct`` values in the free columns, some cells absent."""
    rng = np.random.default_rng(seed)
    minutes = rng.integers(0, distinct, n)
    stamps = (np.datetime64("2026-01-01T00:00") + minutes.astype("timedelta64[m]")).astype(str)
    stamps = stamps.astype(object)
    stamps[rng.random(n) < 0.01] = None
    stamps[rng.random(n) < 0.01] = "2026-02-30"
    words = np.array([f"walked {i} m" for i in range(distinct)], dtype=object)
    notes = words[rng.integers(0, distinct, n)]
    notes[rng.random(n) < 0.3] = None
    pain = rng.integers(-1, 12, n).astype(object)
    pain[rng.random(n) < 0.02] = None
    return pd.DataFrame(
        {
            "timestamp": stamps,
            "pain": pain,
            "site": rng.choice(["knee", "Knee", "calf", "kne", None], n),
            "quality": rng.choice(["burning", "Burning;aching", "aching, x", None], n),
            "spasms": rng.integers(0, distinct, n).astype(float),
            "activity_min": np.round(rng.uniform(0, distinct, n), 1),
            "notes": notes,
            "ward": words[rng.integers(0, distinct, n)],  # an unknown column: text
        }
    )


@pytest.mark.parametrize(
    ("n", "distinct"),
    [
        (0, 3),
        (1, 3),
        (500, 5),
        (3_000, 126),  # int8 holds the codes and the missing slot ...
        (3_000, 127),  # ... and no more
        (3_000, 250),  # uint8, int16
        (50_000, 40_000),  # uint16 where no code is -1, else int32
        (140_000, 70_000),  # int32 throughout
    ],
)
def test_entries_from_a_frame_are_those_of_the_codes_as_they_are(n, distinct):
    frame = _frame(n, distinct, seed=n + distinct)
    _assert_same(lambda: journal_from_frame(frame, source="app"))
    # rows that do not count up by one, and rows at the ends of int64
    rows = np.arange(n, dtype=np.int64) * 3 + 7
    _assert_same(lambda: journal_from_frame(frame, source="app", rows=rows))
    if n > 2:
        edge = np.arange(n, dtype=np.int64) + np.iinfo(np.int64).max - n + 1
        _assert_same(lambda: journal_from_frame(frame, source="app", rows=edge))
        wraps = edge.copy()
        wraps[n // 2 :] = np.iinfo(np.int64).min + np.arange(n - n // 2)
        _assert_same(lambda: journal_from_frame(frame, source="app", rows=wraps))


def test_a_file_with_many_distinct_values_reads_as_with_the_codes_as_they_are():
    frame = _frame(40_000, 300, seed=1)
    text = frame.to_csv(index=False)
    _assert_same(lambda: read_journal(io.StringIO(text)))


@pytest.mark.parametrize(
    ("codes", "slots", "dtype"),
    [
        ([0, 1, -1], 3, np.int8),
        ([0, 126, -1], 128, np.int8),  # slot 127 (missing) is the last int8 holds
        ([0, 127, -1], 129, np.int16),  # slot 128 does not fit int8, -1 not uint8
        ([0, 127], 129, np.uint8),
        ([0, 30_000, -1], 30_002, np.int16),
        ([0, 40_000], 40_002, np.uint16),
        ([0, 40_000, -1], 40_002, np.int32),
    ],
)
def test_codes_are_narrowed_to_a_type_that_holds_every_slot(codes, slots, dtype):
    wide = np.array(codes, dtype=np.int64)
    narrow = reader._narrowed(wide, slots)
    assert narrow.dtype == dtype
    assert narrow.tolist() == codes
    values = np.arange(slots)
    assert values[narrow].tolist() == values[wide].tolist()


@pytest.mark.parametrize(("codes", "slots"), [([0, 5], 5), ([0, -2], 5), ([3, 4], 3)])
def test_codes_outside_the_slots_are_left_as_they_are(codes, slots):
    """(none come from the parsers: a take by them fails or wraps as it did before)"""
    wide = np.array(codes, dtype=np.int32)
    assert reader._narrowed(wide, slots) is wide


def test_rows_are_the_positions_plus_the_first_row_only_when_they_count_up_by_one():
    keep = np.array([4, 0, 2], dtype=np.intp)
    for rows in (
        np.arange(2, 7, dtype=np.int64),
        np.array([2, 3, 5, 4, 6], dtype=np.int64),  # the right ends, not one by one
        np.array([10, 20, 30, 40, 50], dtype=np.int64),
    ):
        got = reader._rows_of(rows, keep)
        assert got.dtype == np.int64 and got.tolist() == rows[keep].tolist()
