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
from test_parser_fast_paths import _chunks

from sci_pain.errors import JournalError
from sci_pain.journal import _codes, reader
from sci_pain.journal.reader import journal_from_frame, read_journal


def _plain_rows_of(rows, keep):
    return rows[keep].astype(np.int64, copy=False)


def _attempt(read):
    """The result of ``read()``: a Journal, or the error's text."""
    try:
        return read()
    except JournalError as error:
        return str(error)


def _assert_equal(fast, plain) -> None:
    if isinstance(fast, str) or isinstance(plain, str):
        assert fast == plain
        return
    pd.testing.assert_frame_equal(fast.entries, plain.entries, check_exact=True)
    assert fast.entries.dtypes.tolist() == plain.entries.dtypes.tolist()
    pd.testing.assert_frame_equal(fast.problems, plain.problems, check_exact=True)


def _assert_same(read) -> None:
    """``read()`` gives the same journal with the codes as they are and ``rows[keep]``."""
    fast = _attempt(read)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_codes, "narrowed", lambda codes, slots: codes)
        patch.setattr(reader, "_rows_of", _plain_rows_of)
        plain = _attempt(read)
    _assert_equal(fast, plain)


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
        (50_000, 40_000),  # uint16 where no code is -1, else as they are
        (140_000, 70_000),  # as they are
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
        ([0, 40_000, -1], 40_002, np.int64),  # (left as it is)
        ([0, 70_000], 70_002, np.int64),
    ],
)
def test_codes_are_narrowed_to_a_type_that_holds_every_slot(codes, slots, dtype):
    wide = np.array(codes, dtype=np.int64)
    narrow = _codes.narrowed(wide, slots)
    assert narrow.dtype == dtype
    assert narrow.tolist() == codes
    values = np.arange(slots)
    assert values[narrow].tolist() == values[wide].tolist()


@pytest.mark.parametrize(("codes", "slots"), [([0, 5], 5), ([0, -2], 5), ([3, 4], 3)])
def test_codes_outside_the_slots_are_left_as_they_are(codes, slots):
    """(none come from the parsers: a take by them fails or wraps as it did before)"""
    wide = np.array(codes, dtype=np.int32)
    assert _codes.narrowed(wide, slots) is wide


def test_rows_are_the_positions_plus_the_first_row_only_when_they_count_up_by_one():
    keep = np.array([4, 0, 2], dtype=np.intp)
    for rows in (
        np.arange(2, 7, dtype=np.int64),
        np.array([2, 3, 5, 4, 6], dtype=np.int64),  # the right ends, not one by one
        np.array([10, 20, 30, 40, 50], dtype=np.int64),
    ):
        got = reader._rows_of(rows, keep)
        assert got.dtype == np.int64 and got.tolist() == rows[keep].tolist()


# -- the problems table: the header's problems typed at once with the chunks' -----------------


def _notes(rng, k: int, *, row=1):
    """Problems on the header as the reader makes them (some values None, one long)."""
    values = [None, "Mood", "k" * 300, "", "café"]
    return [
        {
            "row": row if row is not None else int(rng.integers(0, 20)),
            "column": str(rng.choice(["mood", "extra_pain", "x"])),
            "value": values[int(rng.integers(0, len(values)))],
            "problem": "unknown column, kept as text",
        }
        for _ in range(k)
    ]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("with_chunks", [False, True])
@pytest.mark.parametrize("row", [1, None])  # (None: rows among the records' rows)
def test_header_problems_typed_at_once_equal_the_general_table(seed, with_chunks, row):
    from sci_pain.journal import problems

    rng = np.random.default_rng(seed)
    n = 50
    rows = np.arange(2, n + 2, dtype=np.int64)
    rows[10:] += 3
    dropped = rng.random(n) < 0.3
    chunks = _chunks(rng, n) if with_chunks else []
    notes = _notes(rng, int(rng.integers(1, 4)), row=row)
    assert problems._plain_notes(notes)
    got = problems.gather_problems(chunks, rows, dropped, notes)
    want = problems._all_problems(chunks, rows, dropped, notes, None)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


@pytest.mark.parametrize(
    ("note", "plain"),
    [
        ({"row": 1, "column": "x", "problem": "p", "kept": False}, True),  # kept is set: True
        ({"row": 1, "column": None, "value": "v", "problem": "p"}, True),
        ({"row": np.int64(1), "column": "x", "value": None, "problem": "p"}, False),
        ({"row": 1, "column": "x", "value": 5, "problem": "p"}, False),
        ({"row": 1, "column": "x", "value": float("nan"), "problem": "p"}, False),
        ({"row": True, "column": "x", "value": "v", "problem": "p"}, False),
    ],
)
def test_header_problems_not_plain_take_the_general_path_and_all_give_its_table(note, plain):
    from sci_pain.journal import problems

    assert problems._plain_notes([note]) is plain
    rows, dropped = np.arange(2, 5), np.zeros(3, dtype=bool)
    for chunks in ([], _chunks(np.random.default_rng(1), 3)):
        got = problems.gather_problems(chunks, rows, dropped, [note])
        want = problems._all_problems(chunks, rows, dropped, [note], None)
        pd.testing.assert_frame_equal(got, want, check_exact=True)


@SETTINGS
@given(journal_files())
def test_mutated_files_have_the_problems_of_the_general_table(data):
    from sci_pain.journal import problems

    def general(chunks, rows, dropped, header_problems=(), extra=None):
        return problems._all_problems(chunks, rows, dropped, header_problems, extra)

    fast = _attempt(lambda: read_journal(io.BytesIO(data)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "gather_problems", general)
        plain = _attempt(lambda: read_journal(io.BytesIO(data)))
    _assert_equal(fast, plain)


# -- the parse sentinel: an ASCII file's codes are not scanned for it --------------------------


def _tables(data: bytes):
    """(fast, scanned) raw tables of the parser for the file's bytes: the second with every
    dictionary column's codes scanned for the sentinel's."""
    from sci_pain.journal import _csv, _io

    text, _, label = _io.decode(data, None, "x")
    delimiter, skip = _io.sniff(text, "utf-8", None, "x")
    fast = _csv.parse(text, "utf-8", label, delimiter, skip, "x")
    scan = _csv._without_sentinel
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_csv, "_without_sentinel", lambda coded, n, alone: scan(coded, n))
        scanned = _csv.parse(text, "utf-8", label, delimiter, skip, "x")
    return fast, scanned


@pytest.mark.parametrize("sentinel_in_cells", [False, True])
def test_an_ascii_file_drops_the_sentinel_as_the_scan_does(sentinel_in_cells):
    from sci_pain.journal import _csv

    frame = _frame(6_000, 50, seed=2)
    if sentinel_in_cells:  # (then the file is not ASCII: the codes are scanned)
        frame.loc[5, "ward"] = _csv._SENTINEL
        frame.loc[5_999, "notes"] = _csv._SENTINEL  # the last new value, as the sentinel's
    data = frame.to_csv(index=False).encode("utf-8")
    assert data.isascii() is not sentinel_in_cells
    fast, scanned = _tables(data)
    assert fast.n_records == scanned.n_records == 6_000
    for name, codes, uniques, other_codes, other_uniques in zip(
        frame.columns, fast.codes, fast.uniques, scanned.codes, scanned.uniques, strict=True
    ):
        assert codes.tolist() == other_codes.tolist()
        assert uniques.tolist() == other_uniques.tolist()
        assert (_csv._SENTINEL in set(uniques)) is (_csv._SENTINEL in set(frame[name]))
        assert codes.max() < len(uniques)
    _assert_same(lambda: read_journal(io.BytesIO(data)))


# -- the time order of records whose positions count up by one: no take of them --------------


def _plain_order(coded, parsed, positions):
    item = next(c for c in coded if c.name == "timestamp")
    times = parsed["timestamp"].values.view(np.int64)[item.codes[positions]]
    order = np.lexsort((positions, times))
    return positions[order], times[order]


@pytest.mark.parametrize("distinct", [50, 70_000])  # rank order; seconds or argsort
@pytest.mark.parametrize("where", ["all", "from 7", "one", "gaps", "none"])
def test_the_time_order_of_counting_positions_is_the_plain_order(distinct, where):
    from types import SimpleNamespace

    from sci_pain.journal import _order
    from sci_pain.journal._parse import Parsed

    rng = np.random.default_rng(distinct)
    n = 100_000
    values = np.empty(distinct + 1, dtype="datetime64[us]")
    values[:-1] = np.datetime64("2026-01-01T00:00:00", "us") + rng.integers(
        0, 10**7, distinct
    ).astype("timedelta64[s]")
    values[-1] = np.datetime64("NaT")
    codes = rng.integers(0, distinct, n).astype(np.int32)
    coded = [SimpleNamespace(name="timestamp", codes=codes)]
    parsed = {
        "timestamp": Parsed(values, np.full(distinct + 1, None), np.zeros(distinct + 1, bool))
    }
    positions = {
        "all": np.arange(n),
        "from 7": np.arange(7, n),
        "one": np.array([5]),
        "gaps": np.flatnonzero(rng.random(n) < 0.9),
        "none": np.array([], dtype=np.intp),
    }[where]
    assert _order.counts_up(positions) is (where in ("all", "from 7", "one"))
    got, got_times = _order.time_order(coded, parsed, positions)
    want, want_times = _plain_order(coded, parsed, positions)
    assert got.dtype == positions.dtype
    assert got.tolist() == want.tolist()
    assert got_times.tolist() == want_times.tolist()


def test_numbers_count_up_only_one_by_one():
    top = np.iinfo(np.int64).max
    assert _order_counts_up(np.array([top - 1, top]))
    assert not _order_counts_up(np.array([top, np.iinfo(np.int64).min, 0]))  # (wraps)
    assert not _order_counts_up(np.array([1, 3, 2, 4]))  # the right ends, not one by one
    assert not _order_counts_up(np.array([2, 2]))


def _order_counts_up(numbers):
    from sci_pain.journal import _order

    return _order.counts_up(numbers)


# -- many distinct texts are taken through 32-bit offsets -------------------------------------


@pytest.mark.parametrize("kind", ["large", "string", "chunked"])
def test_many_texts_taken_through_32_bit_offsets_are_the_texts_taken_as_they_are(kind):
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = np.random.default_rng(4)
    n = _codes._MANY_TEXTS + 10
    texts = [f"walked {i} m" if i % 7 else None for i in range(n)] + ["", "café\\n"]
    strings = pa.array(texts, type=pa.string() if kind == "string" else pa.large_string())
    if kind == "chunked":
        strings = pa.chunked_array([strings.slice(0, 5), strings.slice(5)])
    codes = rng.integers(0, len(strings), 3 * n)
    got = _codes.take_texts(strings, codes)
    want = pc.take(strings, codes)
    assert got.type == want.type == strings.type
    assert got.equals(want)


def test_many_texts_in_a_file_read_as_taken_as_they_are():
    frame = _frame(3 * (1 << 16), 1 << 17, seed=5)  # (ward: more distinct texts than the cut)
    text = frame.to_csv(index=False)
    fast = _attempt(lambda: read_journal(io.StringIO(text)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_codes, "_MANY_TEXTS", 10**12)
        plain = _attempt(lambda: read_journal(io.StringIO(text)))
    _assert_equal(fast, plain)


def test_each_column_dtype_is_made_once_and_is_the_schemas():
    from sci_pain.journal.schema import COLUMNS

    for column in COLUMNS.values():
        assert reader._dtype(column) == column.dtype
        assert reader._dtype(column) is reader._dtype(column)
