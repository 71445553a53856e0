"""The reader's vectorised paths give exactly what the row-wise parsers give.

``iso_fast`` reads ISO 8601 timestamps from Arrow's bytes; ``parse_text_arrow`` strips and
unescapes text on Arrow. Each is checked against the row-wise parser it stands in for, on
generated texts that include the shapes where they could differ (impossible dates, leap
seconds, years outside 1900-2100, foreign digits, spaces, quotes, line ends).
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_pain.journal import _parse
from sci_pain.journal.reader import read_journal

_ISO_LIKE = st.builds(
    "{:04d}-{:02d}-{:02d}{}{:02d}:{:02d}{}".format,
    st.integers(1800, 2200) | st.sampled_from([0, 1, 9999, 1900, 2100, 2101]),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from(["T", " ", "t", "_"]),
    st.integers(0, 25),
    st.integers(0, 61),
    st.sampled_from(["", ":00", ":59", ":60", ":7", ".5", ":00.250"]),
)
_TEXTS = _ISO_LIKE | _ISO_LIKE.map(lambda t: t[:10]) | _ISO_LIKE.map(lambda t: t[:16]) | st.text()


def _row_wise(texts: list[str]) -> np.ndarray:
    """Timestamps as the row-wise parsers read them (object Index: no Arrow fast path)."""
    uniques = pd.Index(texts, dtype=object)
    parsed, _, _ = _parse.parse_uniques(uniques, _parse_column("timestamp"), None)
    return parsed.values[:-1]


def _parse_column(name: str):
    from sci_pain.journal.schema import COLUMNS

    return COLUMNS[name]


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=40, unique=True))
def test_iso_fast_reads_only_what_the_row_wise_parsers_read_and_the_same_time(texts):
    fast = _parse.iso_fast(pd.Index(texts, dtype="str"))
    slow = _row_wise(texts)
    read = ~np.isnat(fast)
    # whatever the fast path reads, the row-wise parsers read as the same time
    assert (fast[read] == slow[read]).all(), [t for t, r in zip(texts, read, strict=True) if r]


def test_iso_fast_refuses_what_must_be_a_problem():
    texts = [
        "2026-02-30",  # not a day
        "2026-03-01T24:00",
        "2026-03-01 08:60",
        "2026-03-01T08:00:60",  # a leap second is a problem, never the next minute
        "0001-01-01",
        "9999-12-31 23:59",
        "2026-03-01t08:00",
        "2026/03/01",
        "\uff12026-03-01",
        " 2026-03-01",
    ]
    assert np.isnat(_parse.iso_fast(pd.Index(texts, dtype="str"))).all()


def test_iso_fast_reads_every_plain_shape():
    texts = ["2026-03-01", "2026-03-01T08:05", "2026-03-01 08:05", "2024-02-29T23:59:59"]
    got = _parse.iso_fast(pd.Index(texts, dtype="str"))
    want = np.array(
        ["2026-03-01", "2026-03-01T08:05", "2026-03-01T08:05", "2024-02-29T23:59:59"],
        dtype="datetime64[us]",
    )
    assert (got == want).all()


def test_iso_fast_reads_every_day_of_the_plausible_years_as_numpy_does():
    """The calendar tables give NumPy's date for every day from 1900 to 2100, in each
    shape, and no date past the end of its month (29 February only in leap years)."""
    days = np.arange("1900-01-01", "2101-01-01", dtype="datetime64[D]")
    texts = days.astype(str)
    rng = np.random.default_rng(5)
    seconds = rng.integers(0, 86_400, days.size).astype("timedelta64[s]")
    times = days.astype("datetime64[s]") + seconds
    for shape, want in (
        (texts, days),
        (np.char.replace(times.astype(str), "T", " "), times),
        (times.astype("datetime64[m]").astype(str), times.astype("datetime64[m]")),
    ):
        got = _parse.iso_fast(pd.Index(shape, dtype="str"))
        assert (got == want.astype("datetime64[us]")).all()
    years = np.arange(1900, 2101)
    ends = [f"{y}-{m:02d}-{d}" for y in years for m, d in ((2, 29), (2, 30), (4, 31), (12, 32))]
    real = np.array(
        [
            end.endswith("-02-29") and is_leap
            for end, is_leap in zip(
                ends,
                np.repeat((years % 4 == 0) & ((years % 100 != 0) | (years % 400 == 0)), 4),
                strict=True,
            )
        ]
    )
    assert (~np.isnat(_parse.iso_fast(pd.Index(ends, dtype="str")))).tolist() == real.tolist()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text() | st.sampled_from(["'=1", " x ", "a\r\nb", "\x1cz", "'", ""])))
def test_text_on_arrow_equals_the_row_wise_text_parser(texts):
    texts = list(dict.fromkeys(texts))
    uniques = pd.Index(texts, dtype="str")
    fast, empty = _parse.parse_text_arrow(uniques)
    slow = _parse.parse_text(_parse.texts_of(texts))
    assert [None if pd.isna(v) else v for v in fast.values] == list(slow.values)
    assert fast.missing.tolist() == slow.missing.tolist() == empty.tolist()


_HOSTILE_TEXTS = st.text() | st.sampled_from(
    ["'=1", " x ", "a\r\nb", "\rx", "x\r", "\x1cz", "z\x7f", "'", "", "é", "aé", "éa", "~!"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HOSTILE_TEXTS | st.none()), st.integers(0, 3), st.booleans())
def test_texts_looked_at_are_those_the_regular_expression_finds(texts, cut, large):
    """The byte checks pick exactly the texts the pattern picks, in sliced and large arrays."""
    strings = pa.array(texts, pa.large_string() if large else pa.string())
    strings = strings.slice(min(cut, len(strings)))
    expected = pc.match_substring_regex(strings, _parse._TEXT_TO_LOOK_AT).fill_null(True)
    assert _parse._texts_to_look_at(strings).tolist() == expected.to_pylist()


def test_a_file_with_every_timestamp_shape_reads_as_before():
    text = (
        "timestamp,pain\n"
        "2026-03-01T08:00,1\n2026-03-01 09:00,2\n2026-03-01T10:00:30,3\n"
        "2026-03-01T10:00:30.5,4\n2026-03-02,5\n2026-02-30,6\n2026-03-01T08:00:60,7\n"
        " 2026-03-03 07:00 ,8\n0001-01-01,9\n"
    )
    journal = read_journal(io.StringIO(text))
    assert journal.entries["pain"].tolist() == [1, 2, 3, 4, 5, 8]
    assert journal.problems["row"].tolist() == [7, 8, 10]
    assert "seconds must be 0-59" in journal.problems["problem"].iloc[1]
    assert "outside 1900-2100" in journal.problems["problem"].iloc[2]


def _assert_duplicates_as_pandas(frame, journal, expected) -> None:
    """The journal's duplicate problems are pandas' ``duplicated`` rows (``expected``, as
    spreadsheet rows), each naming the row of its first copy."""
    problems = journal.problems[journal.problems["row"] > 1]
    assert problems["row"].tolist() == expected.tolist()
    first = frame.groupby(list(frame.columns), sort=False).ngroup()
    first_row = first.map(pd.Series(frame.index, index=first).groupby(level=0).min()) + 2
    assert problems["problem"].tolist() == [
        f"duplicate of row {first_row[r - 2]}; record not kept" for r in expected
    ]


def test_duplicates_found_column_by_column_equal_pandas_duplicated():
    """Exact duplicates (narrowed column by column) are what pandas finds on the whole record."""
    rng = np.random.default_rng(7)
    n = 600
    frame = pd.DataFrame(
        {
            "timestamp": rng.choice(["2026-03-01 08:00", "2026-03-02 09:30", "2026-03-03"], n),
            "pain": rng.integers(0, 3, n).astype(str),
            "site": rng.choice(["knee", "calf", ""], n),
            "notes": rng.choice(["", "a", "b, c"], n),
            "mood": rng.choice(["x", "y"], n),  # an unknown column counts too
        }
    )
    journal = read_journal(io.StringIO(frame.to_csv(index=False)))
    expected = frame.index[frame.duplicated(keep="first")] + 2
    _assert_duplicates_as_pandas(frame, journal, expected)
    assert sorted(journal.entries["row"]) == sorted(set(range(2, n + 2)) - set(expected))


def test_duplicates_among_many_times_and_values_equal_pandas_duplicated():
    """Many times and many values per column: the record keys grow large and are renumbered
    (by sorting, as they come in time order), and the duplicates are still pandas' own."""
    rng = np.random.default_rng(11)
    n = 4000
    times = pd.date_range("2026-01-01", periods=900, freq="min").strftime("%Y-%m-%d %H:%M")
    frame = pd.DataFrame(
        {
            "timestamp": rng.choice(times, n),
            "pain": rng.integers(0, 2, n).astype(str),
            "notes": rng.choice([f"note {i}" for i in range(3)] + [""], n),
            "person": rng.choice([f"p{i}" for i in range(500)], n),  # unknown column: text
        }
    )
    frame = pd.concat([frame, frame.sample(300, random_state=1)], ignore_index=True)
    journal = read_journal(io.StringIO(frame.to_csv(index=False)))
    expected = frame.index[frame.duplicated(keep="first")] + 2
    assert expected.size >= 300
    _assert_duplicates_as_pandas(frame, journal, expected)


@given(
    st.lists(st.integers(0, 40), max_size=60),
    st.lists(st.integers(-(2**62), 2**62), max_size=60),
)
@settings(max_examples=200, deadline=None)
def test_renumbered_keys_are_equal_where_the_keys_are_equal(groups, other):
    """_renumber keeps exactly the equalities of the keys, whichever way it numbers them."""
    from sci_pain.journal._order import _renumber

    sorted_first = np.sort(np.array(groups, dtype=np.int64)) * 7 + np.arange(len(groups)) % 3
    for key, nearly_sorted in ((sorted_first, True), (np.array(other, dtype=np.int64), False)):
        numbers = _renumber(key, nearly_sorted=nearly_sorted)
        assert numbers.dtype == np.int64
        assert (numbers[:, None] == numbers[None, :]).tolist() == (
            key[:, None] == key[None, :]
        ).tolist()
        assert numbers.size == 0 or numbers.max() < key.size


def test_a_long_mostly_distinct_column_skips_hashing_and_reads_the_same(monkeypatch):
    """Past 16,000 records a column whose first cells all differ is not hashed (every record
    its own value): entries and problems are those of the hashed reading."""
    from sci_pain.journal import _codes

    rng = np.random.default_rng(3)
    n = 20_000
    minutes = rng.permutation(n * 3)[:n]
    stamps = (np.datetime64("2026-01-01T00:00") + minutes.astype("timedelta64[m]")).astype(str)
    stamps = stamps.astype(object)
    faults = ["03/04/2026 08:00", "2026-02-30", "", "2026-02-30", " 03/04/2026 08:00", "x"]
    stamps[[5, 900, 15_000, 15_001, 16_000, 17_000]] = faults  # (repeated: read once each)
    notes = np.array([f"note {i}" for i in range(n)], dtype=object)
    notes[rng.random(n) < 0.5] = ""
    frame = pd.DataFrame(
        {"timestamp": stamps, "pain": rng.integers(0, 12, n).astype(str), "notes": notes}
    )
    frame = pd.concat([frame, frame.iloc[[10, 11]]], ignore_index=True)  # two duplicates
    text = frame.to_csv(index=False)
    fast = read_journal(io.StringIO(text))
    assert _codes._mostly_distinct(pa.array(frame["timestamp"].tolist()))
    monkeypatch.setattr(_codes, "_mostly_distinct", lambda strings: False)
    hashed = read_journal(io.StringIO(text))
    pd.testing.assert_frame_equal(fast.entries, hashed.entries)
    pd.testing.assert_frame_equal(fast.problems, hashed.problems)
    assert fast.problems["problem"].str.startswith("duplicate of row").sum() == 2
    assert fast.problems.loc[fast.problems["column"] == "timestamp", "row"].tolist() == [
        7,
        902,
        15_002,
        15_003,
        16_002,
        17_002,
    ]


def test_times_that_recur_for_every_person_are_hashed_though_the_first_ones_differ():
    """A file sorted by person starts with one person's distinct times, but the same times
    recur for every person: the column is hashed (its distinct values read once each)."""
    from sci_pain.journal import _codes

    days = np.arange(3_000).astype("timedelta64[D]") + np.datetime64("2026-01-01T08:00")
    one_person = days.astype(str).tolist()
    column = pa.array(one_person * 10)  # ten people, the same 3,000 times each
    assert not _codes._mostly_distinct(column)
    assert _codes._mostly_distinct(
        pa.array([f"{t}:{p:02d}" for p in range(10) for t in one_person])
    )


def test_free_text_mostly_empty_is_not_hashed_and_reads_the_same(monkeypatch):
    """Notes are often empty, but their filled cells nearly all differ: the column is not
    hashed (empty cells count as missing, each filled one its own value) and entries and
    problems are those of the hashed reading, duplicates, blanks and escapes included."""
    from sci_pain.journal import _codes

    rng = np.random.default_rng(5)
    n = 20_000
    stamps = (np.datetime64("2026-01-01T00:00") + np.arange(n).astype("timedelta64[m]")).astype(str)
    stamps = stamps.astype(object)
    stamps[[3, 4000]] = ""  # missing timestamps: records not kept
    notes = np.array([f"walked {i} m" for i in range(n)], dtype=object)
    notes[rng.random(n) < 0.7] = ""
    notes[[10, 11, 12, 13]] = ["  ", "'=1+1", " padded ", "walked 5 m"]
    frame = pd.DataFrame(
        {"timestamp": stamps, "pain": rng.integers(0, 11, n).astype(str), "notes": notes}
    )
    frame = pd.concat([frame, frame.iloc[[10, 20, 30]]], ignore_index=True)  # duplicates
    text = frame.to_csv(index=False)
    assert _codes._mostly_distinct(pa.array(frame["notes"].tolist()))
    assert not _codes._mostly_distinct(pa.array(["", "a", "", "", "", "", "", "", "", ""] * 2000))
    fast = read_journal(io.StringIO(text))
    monkeypatch.setattr(_codes, "_mostly_distinct", lambda strings: False)
    hashed = read_journal(io.StringIO(text))
    pd.testing.assert_frame_equal(fast.entries, hashed.entries)
    pd.testing.assert_frame_equal(fast.problems, hashed.problems)
    assert fast.problems["problem"].str.startswith("duplicate of row").sum() == 3
    assert fast.entries.set_index("row").loc[[13, 14, 15], "notes"].tolist() == [
        "=1+1",
        "padded",
        "walked 5 m",
    ]


def test_iso_block_with_damaged_bytes_reads_what_pandas_reads_with_the_exact_format():
    """Random times 1899-2101 with bytes replaced at random (any of 256 values): the block
    parser reads a text exactly when pandas' exact format does and the year is plausible,
    and to the same time; so its small integer types never wrap into a wrong date."""
    rng = np.random.default_rng(3)
    m = 20_000
    low, high = (np.datetime64(f"{y}-06-01T00:00:00", "s").astype(np.int64) for y in (1899, 2101))
    text = np.datetime_as_string(rng.integers(low, high, m).astype("datetime64[s]"), unit="s")
    full = np.frombuffer(text.astype("S19").tobytes(), np.uint8).reshape(m, 19).copy()
    full[rng.random(m) < 0.05, 8] = ord("3")  # the 30th-39th: some not days
    for width, fmt in ((10, "%Y-%m-%d"), (16, "%Y-%m-%dT%H:%M"), (19, "%Y-%m-%dT%H:%M:%S")):
        block = full[:, :width].copy()
        damaged = rng.random(block.shape) < 0.002
        block[damaged] = rng.integers(0, 256, damaged.sum())
        values, ok = _parse._iso_block(block)
        texts = [bytes(row).decode("latin-1") for row in block]
        want = pd.to_datetime(pd.Series(texts), format=fmt, errors="coerce")
        want = want.where((want.dt.year >= 1900) & (want.dt.year <= 2100))
        assert ok.tolist() == want.notna().tolist()
        assert (values[ok] == want[ok].to_numpy().astype("datetime64[us]")).all()
