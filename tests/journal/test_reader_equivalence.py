"""The reader's fast time order and duplicate search give what plain pandas gives.

``read_journal`` sorts the records by time once (whole seconds packed with the position into
one number, a plain sort) and looks for exact duplicates only among records that share a
time with a neighbour. Here both are replaced by a plain reference — ``numpy.lexsort`` on
(time, position), and ``DataFrame.duplicated`` on every typed value in file order — and the
whole journal (entries and problems) must come out the same: on the property tests' mutated
files, and on a long generated file with faulty cells, shared times, copies that read equal
(``Knee``/``knee``, ``2026-03-01``/``2026-03-01T00:00``), all-empty lines, and the fallback
order for fractions of a second.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from test_journal_properties import SETTINGS, journal_files

from sci_pain.errors import JournalError
from sci_pain.journal import _order
from sci_pain.journal.reader import read_journal


def _plain_time_order(coded, parsed, positions):
    item = next(c for c in coded if c.name == "timestamp")
    times = parsed["timestamp"].values.view(np.int64)[item.codes[positions]]
    order = np.lexsort((positions, times))
    return positions[order], times[order]


def _plain_duplicates(coded, parsed, candidates, times):
    in_file = np.sort(candidates)
    frame = pd.DataFrame(
        {str(k): pd.Series(parsed[c.name].values[c.codes[in_file]]) for k, c in enumerate(coded)}
    )
    duplicated = frame.duplicated(keep="first").to_numpy()
    if not duplicated.any():
        return None
    group = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    first = pd.Series(in_file).groupby(group).transform("min").to_numpy()
    return in_file[duplicated], first[duplicated]


def _read(data: bytes):
    try:
        return read_journal(io.BytesIO(data))
    except JournalError as error:
        return str(error)


def _assert_same_as_plain(data: bytes, monkeypatch) -> None:
    fast = _read(data)
    with monkeypatch.context() as patch:
        patch.setattr(_order, "time_order", _plain_time_order)
        patch.setattr(_order, "exact_duplicates", _plain_duplicates)
        plain = _read(data)
    if isinstance(fast, str) or isinstance(plain, str):
        assert fast == plain
        return
    pd.testing.assert_frame_equal(fast.entries, plain.entries)
    pd.testing.assert_frame_equal(fast.problems, plain.problems)


@SETTINGS
@given(journal_files())
def test_mutated_files_read_as_with_plain_sorting_and_duplicates(data):
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_same_as_plain(data, monkeypatch)


def _long_file(n: int, *, seed: int, fraction: bool = False) -> bytes:
    """A journal of ``n`` records (and some copies) as learners bring it, as CSV bytes."""
    rng = np.random.default_rng(seed)
    seconds = rng.integers(0, 400 * 86_400, n)
    seconds[rng.random(n) < 0.05] = 86_400 * 30  # a shared time (midnight: also a date alone)
    stamps = (np.datetime64("2026-01-01T00:00:00") + seconds.astype("timedelta64[s]")).astype(str)
    stamps = stamps.astype(object)
    midnight = stamps == "2026-01-31T00:00:00"
    stamps[midnight] = rng.choice(["2026-01-31", "2026-01-31T00:00", "2026-01-31 00:00"])
    faults = rng.random(n) < 0.02
    stamps[faults] = rng.choice(["2026-02-30", "03/04/2026 08:00", "", "x"], faults.sum())
    if fraction:
        stamps[n // 2] = "2026-03-01T08:00:00.5"
    pain = rng.integers(0, 11, n).astype(str).astype(object)
    pain[rng.random(n) < 0.02] = "x"
    frame = pd.DataFrame(
        {
            "timestamp": stamps,
            "pain": pain,
            "site": rng.choice(["knee", "Knee", "calf", "", "kne"], n),
            "quality": rng.choice(["burning", "Burning;aching", "aching, burning", ""], n),
            "notes": rng.choice(["", "", "slept badly", '"bad" day, again'], n),
        }
    )
    copies = frame.iloc[rng.integers(0, n, n // 20)].copy()
    copies["site"] = copies["site"].str.capitalize()  # reads as the same site
    both = pd.concat([frame, copies]).iloc[rng.permutation(n + len(copies))]
    text = both.to_csv(index=False, lineterminator="\n")
    lines = text.split("\n")
    lines[5:5] = [",,,,", ""]  # lines with nothing: no records, but they count as rows
    return "\n".join(lines).encode("utf-8")


@pytest.mark.parametrize(
    ("n", "fraction"),
    [
        (3_000, False),
        (20_000, False),  # long enough that mostly distinct times are not hashed
        (20_000, True),  # one fraction of a second: the stable argsort orders the records
    ],
)
def test_a_long_faulty_file_reads_as_with_plain_sorting_and_duplicates(n, fraction, monkeypatch):
    data = _long_file(n, seed=n, fraction=fraction)
    _assert_same_as_plain(data, monkeypatch)
    journal = read_journal(io.BytesIO(data))
    duplicates = journal.problems["problem"].str.startswith("duplicate of row")
    assert duplicates.sum() > n // 40  # the copies were found ...
    entries = journal.entries
    assert entries["timestamp"].is_monotonic_increasing  # ... and entries are in time order,
    ties = entries["timestamp"].duplicated(keep=False)
    assert ties.sum() > 10
    assert entries.loc[ties].groupby("timestamp")["row"].is_monotonic_increasing.all()
