"""The day sums counted with NumPy give what pandas' grouping gave (daily summary, red-flag scan).

``daily_summary`` and the red-flag scan's day grid add up whole-number ratings with
``np.bincount`` instead of grouping a frame; the year check compares the first and last
time instead of every entry's year. Each is checked here against the way it was done
before (kept below as the reference), on journals and on faulty and hostile input, where
the fast way must step aside.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

import sci_pain as sp
from sci_pain import analysis as an
from sci_pain.analysis._day_grid import DayGrid as _DayGrid
from sci_pain.analysis._entries import _check_years, _within_years
from sci_pain.analysis.daily import _daily_by_grouping
from sci_pain.errors import AnalysisError


def grouped_daily_summary(entries: pd.DataFrame, column: str = "pain") -> pd.DataFrame:
    """``daily_summary`` as it was: a frame grouped by day, then reindexed to the calendar."""
    values = pd.to_numeric(entries[column]).to_numpy(dtype=float, na_value=np.nan)
    columns = ["mean", "min", "max", "entries", "missed"]
    return _daily_by_grouping(entries["timestamp"], values, columns)


def grouped_grid(grid: _DayGrid, values: np.ndarray, how: str) -> np.ndarray:
    """``_DayGrid.daily`` as it was: a Series grouped by day position."""
    valid = grid.pos >= 0
    grouped = pd.Series(values[valid]).groupby(grid.pos[valid], sort=True)
    days = grouped.sum(min_count=1) if how == "sum" else grouped.mean()
    out = np.full(grid.size, np.nan)
    out[days.index.to_numpy()] = days.to_numpy(dtype=float)
    return out


def assert_same_daily(entries: pd.DataFrame, column: str = "pain") -> None:
    got = an.daily_summary(entries, column=column)
    want = grouped_daily_summary(entries, column)
    pd.testing.assert_frame_equal(got, want, check_freq=True)
    assert got.index.freq == want.index.freq
    # bit for bit, -0.0 and NaN included
    for name in ("mean", "min", "max"):
        assert got[name].to_numpy().tobytes() == want[name].to_numpy().tobytes()


def hand_made(times, values, unit: str = "us") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "timestamp": pd.to_datetime(pd.Series(times), format="ISO8601").astype(
                f"datetime64[{unit}]"
            ),
            "pain": pd.array(values, dtype="Float64"),
        }
    )


@pytest.mark.parametrize("name", sp.list_example_journals()["name"].tolist())
def test_the_daily_summary_of_every_example_journal_is_the_grouped_one(name):
    assert_same_daily(sp.load_example_journal(name).entries)


@pytest.mark.parametrize("column", ["pain", "spasms", "sleep_hours", "activity_min"])
def test_the_daily_summary_of_a_simulated_year_is_the_grouped_one(column):
    frame = sp.simulate_journal("neuropathic", days=365, seed=7)
    entries = sp.read_journal(io.StringIO(frame.to_csv(index=False))).entries
    assert_same_daily(entries, column)


@pytest.mark.parametrize(
    ("times", "values", "unit"),
    [
        # ratings with NaN, an unrated day, a missed day, times out of order
        (
            ["2026-03-02 20:00", "2026-03-02 08:00", "2026-03-05", "2026-03-04"],
            [4, 2, None, 7],
            "us",
        ),
        # fractions: the fast way steps aside (sums in another order could differ)
        (["2026-03-02 08:00", "2026-03-02 09:00", "2026-03-02 10:00"], [0.1, 0.2, 0.3], "us"),
        (["2026-03-02", "2026-03-03"], [1e300, 1e300], "us"),  # too large to add exactly
        (["2026-03-02", "2026-03-02", "2026-03-03"], [-0.0, 0.0, 0.0], "us"),  # which zero
        (["2026-03-02", "2026-03-02"], [float("inf"), 3], "us"),
        (["2026-03-02", None, "2026-03-04"], [1, 5, 2], "us"),  # an undated entry
        ([None, None], [1, 2], "us"),  # no dated entry at all
        (["1969-12-31 23:30", "1970-01-01 00:30", "1900-01-01"], [3, 4, 5], "us"),  # before 1970
        (["2026-03-02 23:59:59.999999", "2026-03-03 00:00"], [1, 2], "ns"),
        (["2026-03-02 12:00", "2026-03-02 13:00"], [5, 6], "s"),
        (["2026-03-02 12:00"], [None], "us"),  # one entry, unrated
        (["2026-03-02 12:00"], [8], "ms"),
    ],
)
def test_the_daily_summary_of_hand_made_and_hostile_frames_is_the_grouped_one(times, values, unit):
    assert_same_daily(hand_made(times, values, unit))


def test_a_daily_summary_with_a_time_zone_is_the_grouped_one():
    entries = hand_made(["2026-03-28 23:30", "2026-03-29 02:30", "2026-03-30 09:00"], [1, 2, 3])
    entries["timestamp"] = entries["timestamp"].dt.tz_localize("Europe/London")
    assert_same_daily(entries)


def test_random_journals_give_the_grouped_daily_summary(rng):
    for _ in range(40):
        n = int(rng.integers(1, 60))
        start = np.datetime64("2026-01-01T00:00", "m")
        times = start + rng.integers(0, 60 * 24 * 20, size=n).astype("timedelta64[m]")
        values = rng.integers(0, 11, size=n).astype(float)
        values[rng.random(n) < 0.2] = np.nan
        assert_same_daily(hand_made(times, values))


def test_the_scan_grid_counts_what_grouping_gave(rng):
    for _ in range(40):
        n = int(rng.integers(1, 80))
        people = int(rng.integers(1, 4))
        times = pd.Series(
            np.datetime64("2026-01-01T00:00", "m")
            + rng.integers(0, 60 * 24 * 30, size=n).astype("timedelta64[m]")
        ).astype("datetime64[us]")
        times[rng.random(n) < 0.1] = pd.NaT
        groups = rng.integers(0, people, size=n).astype(np.intp)
        grid = _DayGrid(times, groups, people, pad=18)
        whole = rng.integers(0, 40, size=n).astype(float)
        whole[rng.random(n) < 0.3] = np.nan
        fractions = whole / 7  # not whole: grouped as before
        for values in (whole, fractions, np.full(n, np.nan)):
            for how in ("sum", "mean"):
                got, want = grid.daily(values, how), grouped_grid(grid, values, how)
                assert got.tobytes() == want.tobytes()


def test_the_red_flag_scan_is_unchanged_on_the_dvt_example():
    flags = an.scan_red_flags(sp.load_example_journal("dvt"), injury_level="T4")
    assert list(flags.columns) == ["row", "timestamp", "flag", "severity", "title", "explanation"]
    assert "_person" not in flags.columns
    dvt = flags[flags["flag"] == "possible_dvt"].iloc[0]
    assert "points above this person's usual level over the previous 14 days" in dvt["explanation"]


@pytest.mark.parametrize(
    ("times", "inside"),
    [
        (["1900-01-01 00:00", "2100-12-31 23:59:59"], True),
        (["1899-12-31 23:59:59", "2026-01-01"], False),
        (["2026-01-01", "2101-01-01 00:00"], False),
        ([None, None], True),
    ],
)
def test_the_year_check_decides_from_the_first_and_last_time(times, inside):
    ts = pd.Series(pd.to_datetime(times, format="ISO8601")).astype("datetime64[s]")
    assert _within_years(ts, 1900, 2100) is inside
    if inside:
        _check_years(ts, purpose="The test", available=["timestamp"])
    else:
        with pytest.raises(AnalysisError, match="outside them"):
            _check_years(ts, purpose="The test", available=["timestamp"])


def test_the_year_check_of_zoned_or_text_times_looks_at_every_year():
    zoned = pd.Series(pd.to_datetime(["2026-01-01"])).dt.tz_localize("UTC")
    assert _within_years(zoned, 1900, 2100) is False  # not decided this way
    _check_years(zoned, purpose="The test", available=["timestamp"])
    assert _within_years(pd.Series(["2026-01-01"]), 1900, 2100) is False


def flags_frame_as_before(found: list[dict], person: bool) -> pd.DataFrame:
    """The scan's table as it was made: a frame per rule, joined, sorted, typed."""
    from sci_pain.analysis.flags import _COLUMNS, SEVERITIES

    if not found:
        return None  # the empty table did not change
    result = pd.concat([pd.DataFrame(piece) for piece in found], ignore_index=True)
    result = result.sort_values(["_person", "timestamp", "row"], kind="stable")
    result = result.reset_index(drop=True)
    result["severity"] = pd.Categorical(result["severity"], categories=SEVERITIES, ordered=True)
    for name in ("flag", "title", "explanation"):
        result[name] = result[name].astype("string")
    return result[[*_COLUMNS, "_person"] if person else _COLUMNS]


def _flagged_journals():
    dvt = sp.load_example_journal("dvt").entries
    yield "dvt", dvt, {}
    sim = sp.read_journal(
        io.StringIO(sp.simulate_journal("spasticity", days=200, seed=4).to_csv(index=False))
    ).entries
    yield "spasticity", sim, {}
    two = pd.concat([dvt.assign(person="b"), sim.assign(person="a")], ignore_index=True)
    yield "two people", two, {"by": "person"}
    undated = dvt.copy()
    undated.loc[
        undated["swelling"].isin(["left", "right"]).to_numpy().nonzero()[0][:3], "timestamp"
    ] = pd.NaT
    yield "undated flags", undated, {}
    named = dvt.drop(columns="row")
    named.index = [f"entry {i}" for i in range(len(named))]  # rows named by text
    yield "rows named by text", named, {}
    ties = dvt.copy()
    ties["timestamp"] = ties["timestamp"].dt.normalize()  # many flags at the same time
    yield "same times", ties.iloc[::-1], {}  # and out of order


@pytest.mark.parametrize("case", list(_flagged_journals()), ids=lambda case: case[0])
def test_the_scan_table_is_made_as_before(case, monkeypatch):
    from sci_pain.analysis import flags

    _, entries, options = case
    made = flags._flags_frame
    seen = []

    def checked(found, *, person=True):
        got = made(found, person=person)
        want = flags_frame_as_before(found, person)
        if want is not None:
            pd.testing.assert_frame_equal(got, want)
        seen.append(len(got))
        return got

    monkeypatch.setattr(flags, "_flags_frame", checked)
    an.scan_red_flags(entries, injury_level="T4", **options)
    assert seen and seen[0] > 0
