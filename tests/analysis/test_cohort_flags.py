"""The cohort's red-flag scan, run on the whole long table at once, equals each journal's own scan.

``cohort_red_flags`` scans everyone together (``scan_red_flags(..., by="person")``); each
person's flags and episodes must be exactly those of ``scan_red_flags`` and
``red_flag_episodes`` on that person's journal alone: same rows, words, severities, order and
types. A baseline or window leaking from one person into the next fails here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sci_pain.analysis import cohort_red_flags, red_flag_episodes, scan_red_flags
from sci_pain.analysis.flags import AD_NOT_ASSESSED
from sci_pain.errors import AnalysisError
from sci_pain.journal import cohort_from_frame
from sci_pain.simulate import simulate_cohort

LEVELS = ("T4", "T10", "unknown", "C5", "L1", "at_or_above_T6", "below_T6")


def assert_same_as_each_journal(cohort, injury_level) -> pd.DataFrame:
    """Compare the cohort's table, flags and episodes with one scan per person's journal."""
    table = cohort_red_flags(cohort, injury_level=injury_level)
    entries = cohort.entries if hasattr(cohort, "entries") else cohort
    flags, episodes = table.attrs["flags"], table.attrs["episodes"]
    people = list(table.index)
    scanned = entries["person"].unique()
    if len(flags):  # person by person, in the cohort's order
        order = flags["person"].map(people.index)
        assert order.is_monotonic_increasing
        assert episodes["person"].map(people.index).is_monotonic_increasing
    for person in people:
        level = injury_level if isinstance(injury_level, str) else injury_level.get(person)
        level = level or "unknown"
        assert table.loc[person, "injury_level"] == level
        if person not in scanned:  # no entries: not assessed, not "no flag"
            assert pd.isna(table.loc[person, "any_flag"]) and table.loc[person, "flags"] == 0
            assert table.loc[person, "notes"] == ""
            continue
        own = entries[entries["person"] == person].drop(columns="person")
        alone = scan_red_flags(own.reset_index(drop=True), injury_level=level)
        mine = flags[flags["person"] == person] if len(flags) else flags
        alone_episodes = red_flag_episodes(alone)
        my_episodes = episodes[episodes["person"] == person]
        if len(alone):  # (an empty table's column types are those of no flags at all)
            mine = mine.drop(columns="person").reset_index(drop=True)
            pd.testing.assert_frame_equal(mine, alone)
            my_episodes = my_episodes.drop(columns="person").reset_index(drop=True)
            pd.testing.assert_frame_equal(my_episodes, alone_episodes)
        assert len(mine) == len(alone) and len(my_episodes) == len(alone_episodes)
        row = table.loc[person]
        assert row["flags"] == len(alone) and row["episodes"] == len(alone_episodes)
        assert row["emergency"] == int((alone["severity"] == "emergency").sum())
        assert row["any_flag"] == bool(len(alone))
        assert row["notes"] == "; ".join(alone.attrs["notes"])
        if len(alone):
            assert (row["first"], row["last"]) == (
                alone["timestamp"].min(),
                alone["timestamp"].max(),
            )
    return table


def test_a_simulated_class_is_flagged_as_each_journal_alone():
    cohort = cohort_from_frame(simulate_cohort(40, 60, seed=11), person="person_id")
    rng = np.random.default_rng(3)
    levels = {p: LEVELS[i] for p, i in zip(cohort.persons, rng.integers(0, 7, 40), strict=True)}
    table = assert_same_as_each_journal(cohort, levels)
    assert table["flags"].sum() > 100 and table["any_flag"].sum() > 10  # something was compared
    assert {"possible_dvt", "spasm_surge", "pressure_check"} <= set(table.attrs["flags"]["flag"])
    assert_same_as_each_journal(cohort, "unknown")
    # the scan by person says so, and its episodes are grouped by person without being asked
    flags = scan_red_flags(cohort.entries, injury_level=levels, by="person")
    assert flags.attrs["by"] == "person" and set(flags.attrs["notes"]) == set(cohort.persons)
    pd.testing.assert_frame_equal(red_flag_episodes(flags), red_flag_episodes(flags, by="person"))
    assert len(red_flag_episodes(flags)) == table["episodes"].sum()


def _records(person, days, start="2026-03-01", **columns) -> pd.DataFrame:
    stamps = [f"{d:%Y-%m-%d} 09:00" for d in pd.date_range(start, periods=days, freq="D")]
    frame = pd.DataFrame({"person_id": person, "timestamp": stamps, "pain": 2, **columns})
    return frame.astype({"pain": "Int64"})


def edge_case_records() -> pd.DataFrame:
    quiet = simulate_cohort(4, 40, seed=5).astype({"person_id": str})
    no_entries = _records("no entries", 5).assign(timestamp="not a date")
    only_flagged = _records("only flagged", 4, swelling="left", skin="open_wound")
    ties = pd.concat(  # two entries at the same minute, differing, on every surge day
        [
            _records("ties", 20, spasms=[3, 2, 4, 3] * 4 + [12, 14, 13, 3]),
            _records("ties", 20, spasms=[3, 2, 4, 3] * 4 + [12, 14, 13, 3]).assign(pain=5),
        ]
    ).sort_values("timestamp", kind="stable")
    multi = _records(
        "multi-value",
        6,
        site=["calf;thigh", "knee", "calf;foot", "calf", "thigh;knee", "foot"],
        quality="burning;electric",
        interventions="heat;stretching",
        swelling=["none", "both", "both", "none", "both", "right"],
        immobile_hours=[6.0, 1.0, 5.0, 0.5, 8.0, 1.0],
        skin=["redness", "ok", "blister", "ok", "redness", "ok"],
    )
    late = _records("late starter", 30, start="2026-05-20", pain=[2] * 25 + [7] * 5)
    late["swelling"] = ["none"] * 25 + ["right"] * 5
    # swelling of both legs is "new" against the person's own previous entry, never another's
    both_before = _records("both legs A", 3, swelling=["none", "both", "both"])
    both_after = _records("both legs B", 4, swelling=["both", "both", "none", "both"])
    return pd.concat(
        [quiet, no_entries, only_flagged, ties, multi, late, both_before, both_after],
        ignore_index=True,
    )


def test_edge_cases_are_flagged_as_each_journal_alone():
    cohort = cohort_from_frame(edge_case_records(), person="person_id")
    assert cohort.people.set_index("person").loc["no entries", "n_entries"] == 0
    levels = {"ties": "C5", "multi-value": "T10", "only flagged": "T4"}
    table = assert_same_as_each_journal(cohort, levels)
    flags = table.attrs["flags"]
    only = flags[flags["person"] == "only flagged"]
    assert len(only) == 2 * 4  # every entry flagged twice: swelling and the wound
    tied = flags[(flags["person"] == "ties") & (flags["flag"] == "spasm_surge")]
    assert len(tied) == tied["timestamp"].dt.normalize().nunique() > 0  # one entry per day
    assert (tied["severity"] == "emergency").all()  # C5: a possible trigger of AD
    assert table.loc["late starter", "episodes"] == 1
    both = flags[(flags["person"] == "both legs B") & (flags["flag"] == "both_legs_swelling")]
    assert both["row"].tolist() == [2, 5]
    assert table.loc["1", "notes"] == AD_NOT_ASSESSED  # a quiet person, level unknown


def test_interleaved_and_shuffled_people_in_a_plain_frame():
    entries = cohort_from_frame(edge_case_records(), person="person_id").entries
    shuffled = entries.sample(frac=1.0, random_state=7)  # people's entries interleaved
    assert_same_as_each_journal(shuffled, {"ties": "T4"})


def test_a_per_person_level_needs_by_and_every_entry_a_person():
    entries = cohort_from_frame(simulate_cohort(3, 20, seed=1), person="person_id").entries
    with pytest.raises(AnalysisError, match="by='person'"):
        scan_red_flags(entries, injury_level={"1": "T4"})
    with pytest.raises(AnalysisError, match="T13"):
        scan_red_flags(entries, injury_level={"1": "T13"}, by="person")
    missing = entries.assign(person=entries["person"].mask(entries.index == 3))
    with pytest.raises(AnalysisError, match="column 'person'"):
        scan_red_flags(missing, injury_level="T4", by="person")
    with pytest.raises(AnalysisError, match="whole number of days"):
        scan_red_flags(entries, injury_level="T4", baseline_days=7.5)


def test_entries_without_a_person_are_named_by_row_in_words():
    entries = pd.DataFrame(
        {
            "timestamp": pd.to_datetime(
                ["2026-03-01 08:00", "2026-03-02 08:00", "2026-03-03 08:00"]
            ),
            "pain": [3, 4, 5],
            "person": ["a", None, None],
            "row": [2, 3, 4],
        }
    )
    with pytest.raises(AnalysisError, match=r"rows 3, 4 have none") as caught:
        scan_red_flags(entries, injury_level="T10", by="person")
    assert "[" not in str(caught.value).split(";")[-1]
