"""Tests for sci_pain.analysis.flags: each red-flag rule on hand-made journals, and the simulated episodes."""

from __future__ import annotations

import io
from functools import cache

import pandas as pd
import pytest
from frames import make_entries

from sci_pain.analysis.flags import (
    AD_NOT_ASSESSED,
    RED_FLAG_RULES,
    SEVERITIES,
    injury_level_at_or_above_t6,
    red_flag_episodes,
    scan_red_flags,
)
from sci_pain.errors import AnalysisError


def daily(n, *, start="2026-03-01", **columns) -> pd.DataFrame:
    stamps = [f"{d:%Y-%m-%d} 09:00" for d in pd.date_range(start, periods=n, freq="D")]
    pain = columns.pop("pain", [2] * n)
    return make_entries(stamps, pain, **columns)


def test_one_leg_swelling_with_a_pain_rise_is_urgent():
    pain = [2] * 20 + [5, 2, 3]
    swelling = ["none"] * 20 + ["left", "right", "none"]
    entries = daily(23, pain=pain, swelling=swelling)
    before = entries.copy()
    flags = scan_red_flags(entries, injury_level="T10")
    pd.testing.assert_frame_equal(entries, before)
    assert flags["flag"].tolist() == ["possible_dvt", "one_leg_swelling"]
    assert flags["row"].tolist() == [22, 23]  # rows as a spreadsheet shows them
    # painless DVT is common after SCI; a suspected DVT is an emergency, in the ladder's words
    assert flags["severity"].tolist() == ["emergency", "emergency"]
    dvt = flags.loc[0, "explanation"]
    assert "left leg is swollen" in dvt and "3.0 points above" in dvt
    assert "blood clot" in dvt and "only an examination can" in dvt  # explains, never diagnoses
    assert "often painless" in flags.loc[1, "explanation"]  # silent DVT after SCI
    assert "Emergency: seek care now" in flags.loc[1, "explanation"]
    assert "today" not in flags.loc[1, "explanation"]  # never "check today" for "urgent, now"


def test_spasm_surge_against_the_persons_own_days():
    spasms = [3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 4, 3, 12, 14, 13, 3]
    entries = daily(20, spasms=spasms)
    flags = scan_red_flags(entries, injury_level="T10")
    assert flags["flag"].unique().tolist() == ["spasm_surge"]
    assert flags["timestamp"].dt.day.tolist() == [18, 19]  # 3-day mean >= 2x usual, +4
    assert set(flags["severity"]) == {"same_day"}
    text = flags.loc[0, "explanation"]
    assert "14 spasms were recorded that day" in text and "usual 3 per day" in text
    assert "bladder" in text and "autonomic dysreflexia" not in text
    high = scan_red_flags(entries, injury_level="T4")
    assert set(high["severity"]) == {"emergency"}
    assert "autonomic dysreflexia" in high.loc[0, "explanation"]
    assert high.attrs["level_at_or_above_t6"] is True
    # a person with many spasms every day: the same rise is no surge
    busy = daily(20, spasms=[14, 12, 13] * 6 + [14, 13])
    assert scan_red_flags(busy, injury_level="T10").empty


def test_spasm_surge_flags_one_entry_per_day():
    stamps = [f"2026-03-{d:02d} {h}" for d in range(1, 21) for h in ("08:00", "20:00")]
    spasms = [2, 1] * 16 + [6, 9] * 3 + [2, 1]
    flags = scan_red_flags(make_entries(stamps, [2] * 40, spasms=spasms), injury_level="T10")
    assert flags["timestamp"].dt.day.tolist() == [17, 18, 19]
    assert flags["timestamp"].dt.hour.tolist() == [20, 20, 20]  # the entry with most spasms


def test_long_immobility_with_skin_changes():
    entries = daily(
        5,
        immobile_hours=[6.0, 2.0, 5.0, 8.0, 1.0],
        skin=["redness", "redness", "blister", "ok", "open_wound"],
    )
    flags = scan_red_flags(entries, injury_level="T10")
    assert flags[["flag", "severity"]].values.tolist() == [
        ["pressure_check", "soon"],
        ["pressure_check", "soon"],
        ["skin_damage", "soon"],
    ]
    assert flags["row"].tolist() == [2, 4, 6]
    first = flags.loc[0, "explanation"]
    assert "6 hours without a change of position" in first and "redness" in first
    assert "every 2 hours" in first and "stage 1" in first
    assert "open wound" in flags.loc[2, "explanation"]
    stricter = scan_red_flags(entries, immobile_hours=7, injury_level="T10")
    assert stricter["flag"].tolist() == ["skin_damage", "skin_damage"]


def test_rules_that_cannot_run_are_named():
    flags = scan_red_flags(daily(5), injury_level="T10")
    assert flags.empty
    assert list(flags.columns) == ["row", "timestamp", "flag", "severity", "title", "explanation"]
    assert any("spasm_surge" in s for s in flags.attrs["skipped"])
    assert any("pressure_check" in s for s in flags.attrs["skipped"])
    no_pain = daily(3, swelling=["left", "none", "none"]).drop(columns="pain")
    flags = scan_red_flags(no_pain, injury_level="T10")
    assert flags["flag"].tolist() == ["one_leg_swelling"]
    assert "possible_dvt (needs pain)" in flags.attrs["skipped"]


def test_output_types_and_order():
    entries = daily(
        22,
        pain=[2] * 20 + [6, 6],
        swelling=["none"] * 20 + ["right", "right"],
        immobile_hours=[1.0] * 21 + [6.0],
        skin=["ok"] * 21 + ["redness"],
    )
    flags = scan_red_flags(entries, injury_level="T10")
    assert flags["timestamp"].is_monotonic_increasing
    assert list(flags["severity"].cat.categories) == list(SEVERITIES)
    assert flags["severity"].cat.ordered
    assert set(flags["flag"]) <= set(RED_FLAG_RULES)
    assert flags.sort_values("severity", ascending=False)["severity"].iloc[0] == "emergency"
    assert (flags["title"] == flags["flag"].map(lambda f: RED_FLAG_RULES[f].title)).all()


def test_errors():
    with pytest.raises(AnalysisError, match="'timestamp'"):
        scan_red_flags(pd.DataFrame({"pain": [1, 2]}), injury_level="T10")
    with pytest.raises(AnalysisError, match="pain_rise must be positive"):
        scan_red_flags(daily(3), pain_rise=0, injury_level="T10")


def test_rows_fall_back_to_the_index():
    entries = daily(3, immobile_hours=[6.0, 1, 1], skin=["redness", "ok", "ok"])
    flags = scan_red_flags(entries.drop(columns="row").set_axis([10, 11, 12]), injury_level="T10")
    assert flags["row"].tolist() == [10]


# -- recovery of the simulated episodes (issue 6, item 2) ---------------------------------------

simulate = pytest.importorskip("sci_pain.simulate", reason="sci_pain.simulate is not there yet")
DAY0 = pd.Timestamp("2026-01-05")  # day 0 of every simulated journal


@cache
def persona_entries(name: str, seed: int) -> pd.DataFrame:
    from sci_pain.journal import read_journal

    frame = simulate.simulate_journal(name, days=120, seed=seed)
    return read_journal(io.StringIO(frame.to_csv(index=False, lineterminator="\n"))).entries


def day_numbers(timestamps: pd.Series) -> set[int]:
    return set(((timestamps.dt.normalize() - DAY0) / pd.Timedelta(days=1)).astype(int))


@pytest.mark.parametrize("seed", [105, 1, 2, 3])
def test_dvt_episode_is_flagged_on_the_right_days(seed):
    persona = simulate.load_persona("dvt")
    entries = persona_entries("dvt", seed)
    flags = scan_red_flags(entries, injury_level="T10")
    swelling_flags = flags[flags["flag"].isin(["possible_dvt", "one_leg_swelling"])]
    episode = set(range(persona.dvt_start_day, persona.dvt_start_day + persona.dvt_days))
    entry_days = day_numbers(entries["timestamp"])
    assert day_numbers(swelling_flags["timestamp"]) == episode & entry_days
    urgent = swelling_flags[swelling_flags["flag"] == "possible_dvt"]
    first_urgent = min(day_numbers(urgent["timestamp"]))
    # pain rises by dvt_pain_effect over dvt_ramp_days: flagged urgent within the ramp
    assert persona.dvt_start_day <= first_urgent <= persona.dvt_start_day + persona.dvt_ramp_days
    assert (urgent["severity"] == "emergency").all()
    assert all(f"{persona.dvt_side} leg is swollen" in t for t in swelling_flags["explanation"])


@pytest.mark.parametrize("seed", [104, 1, 2])
def test_pressure_injury_is_flagged_when_redness_appears(seed):
    persona = simulate.load_persona("pressure_injury")
    flags = scan_red_flags(persona_entries("pressure_injury", seed), injury_level="T10")
    stretch_start = persona.immobile_stretch_start_day
    stretch = set(range(stretch_start, stretch_start + persona.immobile_stretch_days))
    pressure = flags[flags["flag"] == "pressure_check"]
    flagged = day_numbers(pressure["timestamp"])
    redness_day = stretch_start + persona.redness_after_days
    blister_day = stretch_start + persona.blister_after_days
    redness_gone = stretch_start + persona.immobile_stretch_days + persona.redness_heal_days
    assert flagged <= set(range(redness_day, redness_gone + 1))  # only while the skin is red
    assert len(flagged & stretch) >= 0.75 * len(flagged)  # mostly while bed-bound
    assert min(flagged) in (redness_day, redness_day + 1)  # the first day of redness
    blistered = pressure["explanation"].str.contains("blister or open wound needs")
    soon = day_numbers(pressure.loc[blistered, "timestamp"])
    assert min(soon) in (blister_day, blister_day + 1)  # the blister is named
    wounds = day_numbers(flags.loc[flags["flag"] == "skin_damage", "timestamp"])
    last_blister_day = stretch_start + persona.immobile_stretch_days + persona.blister_heal_days
    assert wounds and wounds <= set(range(blister_day, last_blister_day + 1))


@pytest.mark.parametrize("seed", [104, 1, 2])
def test_more_spasms_while_the_skin_is_broken_are_flagged(seed):
    # spasms double (skin_spasm_factor) while the skin is not intact
    persona = simulate.load_persona("pressure_injury")
    flags = scan_red_flags(persona_entries("pressure_injury", seed), injury_level="T10")
    surges = day_numbers(flags.loc[flags["flag"] == "spasm_surge", "timestamp"])
    redness_day = persona.immobile_stretch_start_day + persona.redness_after_days
    healed = (
        persona.immobile_stretch_start_day
        + persona.immobile_stretch_days
        + persona.redness_heal_days
    )
    assert surges & set(range(redness_day, healed + 1))


@pytest.mark.parametrize(
    "name", ["neuropathic", "spasticity", "overuse", "dvt", "atrophy_weight", "pressure_injury"]
)
def test_false_alarms_are_few(name):
    seeds = {"neuropathic": 101, "spasticity": 102, "overuse": 103}
    seeds |= {"pressure_injury": 104, "dvt": 105, "atrophy_weight": 106}
    flags = scan_red_flags(persona_entries(name, seeds[name]), injury_level="T10")
    assert not (flags["flag"] == "possible_dvt").any() or name == "dvt"
    assert not flags["flag"].isin(["pressure_check", "skin_damage"]).any() or (
        name == "pressure_injury"
    )
    # surges of spasms with no built-in cause: at most a handful of days in 120
    surge_days = day_numbers(flags.loc[flags["flag"] == "spasm_surge", "timestamp"])
    if name == "pressure_injury":  # spasms double while the skin is not intact
        persona = simulate.load_persona(name)
        stretch = persona.immobile_stretch_start_day
        start = stretch + persona.redness_after_days
        end = stretch + persona.immobile_stretch_days + persona.redness_heal_days
        surge_days -= set(range(start, end + 1))
    assert len(surge_days) <= (12 if name == "spasticity" else 6)


# -- issue 9: wiring fixes (each fails on the code before it) --------------------------------------


def test_new_swelling_of_both_legs_is_flagged():
    entries = daily(6, swelling=["none", "none", "both", "both", "none", "both"])
    flags = scan_red_flags(entries, injury_level="T10")
    both = flags[flags["flag"] == "both_legs_swelling"]
    assert both["row"].tolist() == [4, 7]  # new on day 3, and new again on day 6
    assert set(both["severity"]) == {"emergency"}
    assert "Both legs are swollen" in both["explanation"].iloc[0]


def test_the_injury_level_is_required():
    entries = daily(3)
    with pytest.raises(TypeError):
        scan_red_flags(entries)  # no silent "below T6"
    with pytest.raises(AnalysisError, match="unknown"):
        scan_red_flags(entries, injury_level="T13")


def test_unknown_level_is_stated_in_the_output():
    spasms = [3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 4, 3, 12, 14, 13, 3]
    flags = scan_red_flags(daily(20, spasms=spasms), injury_level="unknown")
    assert flags.attrs["notes"] == [AD_NOT_ASSESSED]
    assert AD_NOT_ASSESSED == "Autonomic dysreflexia (AD) risk not assessed: injury level unknown"
    assert AD_NOT_ASSESSED in flags.loc[0, "explanation"]
    assert flags.attrs["level_at_or_above_t6"] is None
    known = scan_red_flags(daily(20, spasms=spasms), injury_level="C6")
    assert known.attrs["notes"] == [] and set(known["severity"]) == {"emergency"}


@pytest.mark.parametrize(
    ("level", "expected"),
    [("C5", True), ("T6", True), ("t6", True), ("T7", False), ("L2", False), ("unknown", None)],
)
def test_injury_levels(level, expected):
    assert injury_level_at_or_above_t6(level) is expected


def test_rules_are_data_and_share_the_knowledge_bases_urgency():
    from sci_pain.knowledge import load_journal_flag_rules, load_red_flags

    rules = load_journal_flag_rules()
    assert list(RED_FLAG_RULES) == list(rules.index)
    flags = load_red_flags()
    for fid, rule in rules.iterrows():
        for red_flag in rule["red_flags"]:
            assert SEVERITIES.index(rule["urgency"]) >= SEVERITIES.index(
                str(flags.loc[red_flag, "urgency"])
            ), fid


def test_episodes_group_consecutive_days_of_one_red_flag():
    pain = [2] * 20 + [6, 6, 2, 2, 2, 2]
    swelling = ["none"] * 20 + ["left"] * 3 + ["none", "none", "left"]
    flags = scan_red_flags(daily(26, pain=pain, swelling=swelling), injury_level="T10")
    assert len(flags) == 4
    episodes = red_flag_episodes(flags)
    assert episodes["key"].tolist() == ["dvt", "dvt"]  # possible_dvt and one-leg swelling
    assert episodes["days"].tolist() == [3, 1]
    assert episodes["entries"].tolist() == [3, 1]
    assert episodes["patterns"].iloc[0] == ("possible_dvt", "one_leg_swelling")


def test_episodes_of_one_red_flag_make_one_card_that_lists_every_episode():
    """A year with three DVT episodes shows one DVT card, not three copies of its advice."""
    import sci_pain as sp
    from sci_pain.html import red_flag_items, render_red_flags

    frame = sp.simulate_journal("dvt", days=365, seed=1)
    journal = sp.journal_from_frame(frame, source="dvt_year.csv")
    flags = sp.scan_red_flags(journal.entries, injury_level="unknown")
    episodes = sp.red_flag_episodes(flags)
    items, _ = red_flag_items(flags)
    assert len(items) == len({item.id for item in items}) < len(episodes)
    dvt = next(item for item in items if item.id == "dvt")
    n_dvt = int((episodes["key"] == "dvt").sum())
    assert n_dvt > 1
    assert sum(line.startswith("Episode ") for line in dvt.evidence) == n_dvt
    text = render_red_flags(flags, format="text")
    assert text.count("Possible deep vein thrombosis") == 1
    assert f"Episode {n_dvt} of {n_dvt}" in text


@pytest.mark.parametrize("persona", ["dvt", "pressure_injury", "spasticity", "neuropathic"])
def test_a_card_says_its_referral_step_once_not_again_in_its_evidence(persona):
    """The badge and "How soon" give the ladder's step; "First time" and "Most recent"
    keep what was seen and why, without the ladder's sentence a third time."""
    import sci_pain as sp
    from sci_pain.html import red_flag_items, render_red_flags

    ladder = sp.load_referral_ladder()
    sentences = [f"{row.label}. {row.action}" for row in ladder.itertuples()]
    frame = sp.simulate_journal(persona, days=365, seed=3)
    flags = sp.scan_red_flags(
        sp.journal_from_frame(frame, source="x").entries, injury_level="unknown"
    )
    items, _ = red_flag_items(flags)
    if persona != "neuropathic":
        assert items, f"the {persona} year shows a red flag"
    for item in items:
        assert item.urgency in ladder.index
        for line in item.evidence:
            assert not any(sentence in line for sentence in sentences), line
        assert any(line.startswith(("First time: ", "Episode ")) for line in item.evidence)
    text = render_red_flags(flags, format="text")
    for item in items:
        assert ladder.loc[item.urgency, "label"] in text
        assert ladder.loc[item.urgency, "action"] in text  # under "How soon", once per card
