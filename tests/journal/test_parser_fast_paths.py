"""The reader's faster steps after the parse give what the plain steps give.

* Arrow's CSV reader codes most columns as it parses them (dictionary arrays,
  ``_csv._parser_coded``): the journal must be the one read from plain strings, on the
  property tests' mutated files and on long files, with the parse sentinel's text in cells.
* Whether a cell holds a line end is read from the parsed columns (``_csv._has_line_end``),
  not from the file's line count: both must agree.
* Times are ordered by radix sorts (``_order._radix_order``): the order of ``numpy.lexsort``.
* The usual problems table is typed at once (``problems._chunk_problems``): the table the
  general path builds through a frame.
"""

from __future__ import annotations

import io
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_journal_properties import SETTINGS, journal_files

from sci_pain.errors import JournalError
from sci_pain.journal import _csv, _io, _order, problems, reader


def _read(data: bytes):
    try:
        return read_journal_bytes(data)
    except JournalError as error:
        return str(error)


def read_journal_bytes(data: bytes):
    return reader.read_journal(io.BytesIO(data))


def _assert_same(one, other) -> None:
    if isinstance(one, str) or isinstance(other, str):
        assert one == other
        return
    pd.testing.assert_frame_equal(one.entries, other.entries)
    pd.testing.assert_frame_equal(one.problems, other.problems)


def _as_strings(body, read, names):
    return [False] * len(names)


def _assert_parser_codes_change_nothing(data: bytes, monkeypatch, pick=None) -> None:
    coded = _read(data)
    with monkeypatch.context() as patch:
        patch.setattr(_csv, "_parser_coded", _as_strings)
        plain = _read(data)
    _assert_same(coded, plain)
    if pick is not None:  # some columns coded, the others not
        with monkeypatch.context() as patch:
            patch.setattr(_csv, "_parser_coded", lambda body, read, names: pick(len(names)))
            _assert_same(_read(data), plain)


@SETTINGS
@given(journal_files(), st.randoms(use_true_random=False))
def test_columns_coded_by_the_parser_read_as_plain_strings(data, random):
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_parser_codes_change_nothing(
            data, monkeypatch, pick=lambda n: [random.random() < 0.5 for _ in range(n)]
        )


def _long_file(n: int, *, seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    seconds = rng.integers(0, 400 * 86_400, n)
    stamps = (np.datetime64("2026-01-01T00:00:00") + seconds.astype("timedelta64[s]")).astype(str)
    stamps = stamps.astype(object)
    stamps[rng.random(n) < 0.02] = "2026-02-30"
    sentinel = _csv._SENTINEL
    frame = pd.DataFrame(
        {
            "timestamp": stamps,
            "pain": rng.choice(["1", "2", "x", "", sentinel], n),
            "site": rng.choice(["knee", "Knee", "kne", ""], n),
            "notes": rng.choice(["", "slept badly", '"bad"\nday', "café", sentinel], n),
            "mood": rng.choice(["x", "y", sentinel], n),
        }
    )
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


@pytest.mark.parametrize("seed", [1, 2])
def test_a_long_file_reads_the_same_with_columns_coded_by_the_parser(seed, monkeypatch):
    """Past the first 2,000 records the parser codes the repeating columns; the sentinel's
    text in cells (even in the last record) stays a value of its records."""
    data = _long_file(5_000, seed=seed)
    last = data.rstrip(b"\n").rsplit(b"\n", 1)[1].split(b",")
    last[1] = last[-1] = _csv._SENTINEL.encode("utf-8")
    data = data.rstrip(b"\n").rsplit(b"\n", 1)[0] + b"\n" + b",".join(last) + b"\n"
    _assert_parser_codes_change_nothing(data, monkeypatch, pick=lambda n: ([True, False] * n)[:n])
    journal = read_journal_bytes(data)
    assert (journal.entries["mood"] == _csv._SENTINEL).sum() > 300


def test_the_sentinel_is_no_distinct_value_unless_a_cell_holds_it():
    data = _long_file(3_000, seed=3).replace(_csv._SENTINEL.encode("utf-8"), b"z")
    text, _, label = _io.decode(data, None, "x")
    table = _csv.parse(text, "utf-8", label, ",", 0, "x")
    for codes, uniques in zip(table.codes, table.uniques, strict=True):
        assert _csv._SENTINEL not in set(uniques)
        assert codes.max() < len(uniques)
    table = _csv.parse(_long_file(3_000, seed=3), "utf-8", label, ",", 0, "x")
    assert _csv._SENTINEL in set(table.uniques[4])  # mood: a cell holds it


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        (pa.array(["a", "b\nc"]), True),
        (pa.array(["a", "b\nc"]).slice(0, 1), False),
        (pa.array(["a", "b\rc"]).slice(1), True),
        (pa.array([], pa.string()), False),
        (pa.array(["", ""]), False),
        (pa.array(["x\n", "y"], pa.large_string()), True),
        (pa.array(["x", "y\n"]).dictionary_encode(), True),
        (pa.array(["x\t", "y\x0b"]), False),
    ],
)
def test_a_line_end_is_found_in_any_cell(strings, expected):
    assert _csv._has_line_end(strings) is expected


@SETTINGS
@given(journal_files())
def test_cells_with_line_ends_are_found_when_the_file_has_more_lines_than_records(data):
    try:
        text, _, _ = _io.decode(data, None, "x")
        delimiter, skip = _io.sniff(text, "utf-8", None, "x")
        header, wider = _csv._read_header(text, "utf-8", delimiter, skip, "x")
    except JournalError:
        return
    columns = None if wider else _csv._arrow_records(text, header, delimiter, skip)
    if columns is None:
        return
    more_lines = _csv._line_count(text.rstrip(b"\r\n")) > skip + 1 + len(columns[0])
    assert any(map(_csv._has_line_end, columns)) == more_lines


def _times(values: np.ndarray, codes: np.ndarray):
    """Coded timestamps as time_order reads them (values per distinct time, last: absent)."""
    values = np.append(values.astype("datetime64[us]"), np.datetime64("NaT", "us"))
    coded = [SimpleNamespace(name="timestamp", codes=codes)]
    return coded, {"timestamp": SimpleNamespace(values=values)}


def _assert_ordered_as_lexsort(values, codes, positions) -> None:
    """``time_order`` of the records at ``positions`` (times ``values[codes]``) is lexsort's
    by (time, position), and the times it returns are theirs in that order."""
    coded, parsed = _times(values, codes)
    got, times = _order.time_order(coded, parsed, positions)
    micro = parsed["timestamp"].values.view(np.int64)[codes[positions]]
    order = np.lexsort((positions, micro))
    assert (got == positions[order]).all()
    assert (times == micro[order]).all()


@pytest.mark.parametrize(
    ("n_distinct", "unit", "span"),
    [
        (300, "s", 10**6),  # few distinct times: ranks in one radix pass
        (70_000, "s", 10**8),  # many, whole seconds: two radix passes
        (70_000, "ms", 10**8),  # many, fractions of a second: the stable argsort
        (70_000, "s", 6 * 10**9),  # whole seconds over 190 years: the stable argsort
    ],
)
def test_times_are_ordered_as_lexsort_orders_them(n_distinct, unit, span):
    rng = np.random.default_rng(n_distinct)
    values = np.datetime64("1900-01-01T00:00:00", unit) + rng.integers(0, span, n_distinct)
    values[rng.random(n_distinct) < 0.01] = np.datetime64("NaT")  # unread distinct values
    read = np.flatnonzero(~np.isnat(values))
    codes = rng.choice(read, 150_000)
    positions = np.sort(rng.choice(codes.size, 120_000, replace=False))
    _assert_ordered_as_lexsort(values, codes, positions)


@pytest.mark.parametrize("fraction_kept", [False, True])
def test_a_fraction_of_a_second_outside_the_records_sorted_changes_no_order(fraction_kept):
    """Whole seconds are judged on the records sorted: a time with a fraction that only a
    record left out carries (or, kept, one that is sorted) gives lexsort's order either way."""
    rng = np.random.default_rng(5)
    n_distinct = 70_000
    values = np.datetime64("2000-01-01T00:00:00", "us") + rng.integers(0, 10**8, n_distinct) * (
        10**6
    )
    values[:50] += np.timedelta64(250, "ms")  # fractions of a second
    codes = rng.integers(0, n_distinct, 150_000)
    with_fraction = codes < 50
    positions = np.flatnonzero(~with_fraction | fraction_kept)
    _assert_ordered_as_lexsort(values, codes, positions)


def _chunks(rng, n: int):
    """Problems found together, as the reader collects them (some columns None)."""
    long = "k" * 300
    chunks = []
    for column in ("pain", None, "site", "pain", "notes"):
        positions = np.sort(rng.choice(n, rng.integers(0, min(n, 40)), replace=False))
        values = rng.choice(np.array(["x", None, long, "", "café"], dtype=object), positions.size)
        if column == "notes":  # text values arrive as a string array
            values = pd.array(values, dtype="str")
        messages = rng.choice(
            np.array(["bad; record not kept", "odd; value cleared"]), positions.size
        )
        chunks.append((positions, column, values, messages.astype(object)))
    return chunks


@pytest.mark.parametrize("seed", range(5))
def test_problems_typed_at_once_equal_the_general_table(seed):
    rng = np.random.default_rng(seed)
    n = 60
    rows = np.arange(2, n + 2, dtype=np.int64)
    rows[10:] += 3  # (blank lines before: row numbers are not positions)
    dropped = rng.random(n) < 0.3
    chunks = _chunks(rng, n)
    got = problems._chunk_problems(chunks, rows, dropped)
    want = problems._all_problems(chunks, rows, dropped, [], None)
    pd.testing.assert_frame_equal(got, want)
    assert got["value"].str.len().max() <= 230  # cut to size, with the size said
