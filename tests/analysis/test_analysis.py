"""Tests for sci_pain.analysis (daily, profiles, links) on small hand-made journals, and recovery of built-in effects."""

from __future__ import annotations

import io
import math
from functools import cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_pain import analysis as an
from sci_pain.errors import AnalysisError
from sci_pain.journal import COLUMNS, QUALITIES


def make_entries(timestamps, pain, **columns) -> pd.DataFrame:
    """A typed journal frame like ``Journal.entries`` (dtypes from the schema)."""
    n = len(timestamps)
    data = {
        "row": np.arange(2, n + 2),
        "timestamp": pd.to_datetime(pd.Series(timestamps)).astype("datetime64[us]"),
        "pain": pd.array(pain, dtype=COLUMNS["pain"].dtype),
    }
    for name, values in columns.items():
        data[name] = pd.Series(values, dtype=COLUMNS[name].dtype)
    return pd.DataFrame(data)


def days(start: str, n: int, time: str = "09:00") -> list[str]:
    return [f"{d:%Y-%m-%d} {time}" for d in pd.date_range(start, periods=n, freq="D")]


@pytest.fixture
def small():
    """Three days, one of them missed, with every optional numeric column."""
    return make_entries(
        ["2026-03-02 08:00", "2026-03-02 20:00", "2026-03-04 09:00", "2026-03-04 21:00"],
        [3, 5, 4, 8],
        spasms=[2, 4, None, 1],
        activity_min=[30.0, 0.0, 10.0, None],
        immobile_hours=[1.0, 3.5, 2.0, 2.5],
        sleep_hours=[7.0, None, 5.5, None],
        side=["left", "left", "both", "right"],
        site=["foot", "foot", "whole_leg", "calf"],
        quality=["burning;tingling", "burning;burning", "aching", None],
    )


# -- daily values and summaries ----------------------------------------------------------------


def test_daily_values_combines_each_column_as_documented(small):
    daily = an.daily_values(small)
    assert list(daily.index.strftime("%m-%d")) == ["03-02", "03-03", "03-04"]
    assert daily.loc["2026-03-02", "pain"] == 4.0
    assert daily.loc["2026-03-02", "spasms"] == 6.0  # summed
    assert daily.loc["2026-03-02", "activity_min"] == 30.0  # summed
    assert daily.loc["2026-03-02", "immobile_hours"] == 3.5  # longest
    assert daily.loc["2026-03-04", "sleep_hours"] == 5.5
    assert daily.loc["2026-03-03"].isna().all()  # the missed day stays, empty
    assert daily.loc["2026-03-04", "spasms"] == 1.0  # a missing count is not a zero


def test_daily_summary_counts_entries_and_missed_days(small):
    before = small.copy()
    summary = an.daily_summary(small)
    assert summary["entries"].tolist() == [2, 0, 2]
    assert summary["missed"].tolist() == [False, True, False]
    assert summary.loc["2026-03-04", ["mean", "min", "max"]].tolist() == [6.0, 4.0, 8.0]
    pd.testing.assert_frame_equal(small, before)


def test_summarize_journal(small):
    s = an.summarize_journal(small)
    assert s["days"] == 3 and s["days_with_entries"] == 2 and s["missed_days"] == 1
    assert s["entries"] == 4 and s["entries_per_day"] == 2.0
    assert s["mean"] == 5.0 and s["min"] == 3.0 and s["max"] == 8.0
    assert s["first_day"] == pd.Timestamp("2026-03-02")


def test_rolling_trend_uses_calendar_days():
    entries = make_entries(days("2026-01-05", 6), [1, 2, 3, 4, 5, 6])
    trend = an.rolling_trend(entries, window=3)
    # needs at least half the window (2 of 3 days) for a value
    np.testing.assert_array_equal(trend["rolling_mean"], [np.nan, 1.5, 2.0, 3.0, 4.0, 5.0])
    assert trend["days_in_window"].tolist() == [1, 2, 3, 3, 3, 3]
    with pytest.raises(AnalysisError, match="window"):
        an.rolling_trend(entries, window=0)


def test_trend_slope_in_points_per_week():
    entries = make_entries(days("2026-01-05", 29), [2 + i // 7 for i in range(29)])
    slope = an.trend_slope(entries)
    assert slope["slope_per_week"] == pytest.approx(1.0, abs=0.15)
    assert slope["ci_low"] <= slope["slope_per_week"] <= slope["ci_high"]
    with pytest.raises(AnalysisError, match="at least 3 days"):
        an.trend_slope(entries.iloc[:2])


# -- profiles ----------------------------------------------------------------------------------


def test_time_of_day_profile_parts_and_hours():
    entries = make_entries(
        ["2026-03-02 08:00", "2026-03-02 14:00", "2026-03-02 20:00", "2026-03-03 21:00"],
        [2, 4, 6, 8],
    )
    profile = an.time_of_day_profile(entries)
    assert list(profile.index) == ["night", "morning", "afternoon", "evening"]
    assert profile["mean"].tolist()[1:] == [2.0, 4.0, 7.0]
    assert profile["n"].tolist() == [0, 1, 1, 2]
    hours = an.time_of_day_profile(entries, by="hour")
    assert len(hours) == 24 and hours.loc[20, "mean"] == 6.0
    with pytest.raises(AnalysisError, match="'part' or 'hour'"):
        an.time_of_day_profile(entries, by="minute")


def test_relative_profile_removes_good_and_bad_days():
    # the same +3 evening pattern on a good day (1 -> 4) and a bad day (5 -> 8)
    entries = make_entries(
        ["2026-03-02 08:00", "2026-03-02 20:00", "2026-03-03 08:00", "2026-03-03 20:00"],
        [1, 4, 5, 8],
    )
    raw = an.time_of_day_profile(entries)["mean"]
    relative = an.time_of_day_profile(entries, relative=True)["mean"]
    assert raw["morning"] == 3.0
    assert relative["morning"] == -1.5 and relative["evening"] == 1.5
    weekday = an.weekday_profile(entries, relative=True)["mean"]
    assert weekday["Monday"] == -2.0 and weekday["Tuesday"] == 2.0


def test_weekday_profile_and_table():
    entries = make_entries(
        ["2026-03-02 08:00", "2026-03-02 20:00", "2026-03-08 20:00"],  # Monday, Monday, Sunday
        [2, 6, 5],
    )
    weekday = an.weekday_profile(entries)
    assert list(weekday.index) == list(an.WEEKDAYS)
    assert weekday.loc["Monday", "mean"] == 4.0 and weekday.loc["Sunday", "n"] == 1
    table = an.time_of_day_weekday(entries)
    assert table.shape == (7, 4)
    assert table.loc["Monday", "evening"] == 6.0 and table.loc["Sunday", "evening"] == 5.0
    assert np.isnan(table.loc["Tuesday", "morning"])
    counts = an.time_of_day_weekday(entries, statistic="n")
    assert counts.to_numpy().sum() == 3
    assert an.time_of_day_weekday(entries, by="hour").shape == (7, 24)


# -- where and how --------------------------------------------------------------------------


def test_pain_by_site_and_side(small):
    site = an.pain_by_site(small)
    assert list(site.index) == list(COLUMNS["site"].allowed)
    assert site.loc["foot", "mean"] == 4.0 and site.loc["foot", "n"] == 2
    assert site.loc["hip", "n"] == 0
    both = an.pain_by_site(small, by_side=True)
    assert both.loc[("calf", "right"), "mean"] == 8.0
    side = an.pain_by_side(small)
    assert side.loc["left", "mean"] == 4.0 and side.loc["both", "n"] == 1


def test_pain_by_leg_site_spreads_both_sides_and_whole_leg(small):
    table = an.pain_by_leg_site(small).set_index(["leg", "site"])
    assert len(table) == 12
    # left foot: 3, 5 (left foot) and 4 (both legs, whole leg)
    assert table.loc[("left", "foot"), "mean"] == pytest.approx(4.0)
    assert table.loc[("left", "foot"), "n"] == 3
    assert table.loc[("right", "hip"), "mean"] == 4.0  # only the whole-leg entry
    assert table.loc[("right", "calf"), "mean"] == pytest.approx(6.0)  # 4 and 8


def test_pain_by_quality_groups_and_counts(small):
    table = an.pain_by_quality(small).set_index("quality")
    assert list(table.index[: len(QUALITIES)]) == list(QUALITIES)
    assert table.loc["burning", "count"] == 2  # "burning;burning" counts once
    assert table.loc["burning", "group"] == "neuropathic"
    assert table.loc["aching", "group"] == "nociceptive"
    assert table.loc["burning", "mean_pain"] == 4.0
    assert table.loc["burning", "share"] == pytest.approx(2 / 3)
    odd = make_entries(["2026-03-02 08:00"], [3], quality=["zapping"])
    assert an.pain_by_quality(odd).set_index("quality").loc["zapping", "group"] == "other"


def test_quality_groups(small):
    groups = an.quality_group(small)
    assert groups.tolist() == ["neuropathic", "neuropathic", "nociceptive", "none"]
    table = an.pain_by_quality_group(small)
    assert table.loc["neuropathic", "mean"] == 4.0 and table.loc["mixed", "n"] == 0


# -- associations -----------------------------------------------------------------------------


def test_autocorrelation():
    assert an.autocorrelation([1, 2, 3, 4, 5, 6]) == pytest.approx(1.0)
    assert an.autocorrelation([1, -1, 1, -1, 1, -1]) == pytest.approx(-1.0)
    assert math.isnan(an.autocorrelation([1, 2]))
    assert an.autocorrelation([1, 2, np.nan, 4, 5, 6, 7]) == pytest.approx(1.0)


def test_spearman_ci_is_seeded_and_brackets_rho(rng):
    x = rng.normal(size=60)
    y = x + rng.normal(scale=0.5, size=60)
    first = an.spearman_ci(x, y, n_boot=300, seed=3)
    again = an.spearman_ci(x, y, n_boot=300, seed=3)
    assert first == again
    assert first["ci_low"] < first["rho"] < first["ci_high"]
    assert first["n"] == 60 and first["block"] == 4  # ceil(60 ** (1/3))
    with pytest.raises(AnalysisError, match="equal length"):
        an.spearman_ci(x, y[:-1])


def test_block_bootstrap_widens_intervals_for_autocorrelated_days(rng):
    # two independent, strongly autocorrelated series (random walks): single-day resampling
    # pretends there are many independent days; blocks keep runs together
    widths = {1: [], 10: []}
    for i in range(10):
        x = np.cumsum(rng.normal(size=120))
        y = np.cumsum(rng.normal(size=120))
        for block in widths:
            r = an.spearman_ci(x, y, n_boot=400, block=block, seed=i)
            widths[block].append(r["ci_high"] - r["ci_low"])
    assert np.mean(widths[10]) > 1.5 * np.mean(widths[1])


@pytest.fixture
def lagged_activity():
    """60 days in which pain follows the previous day's activity (rho about 0.9 at lag 1)."""
    rng = np.random.default_rng(5)
    n = 60
    activity = rng.choice([20.0, 30.0, 90.0], size=n)
    pain = np.clip(np.round(2 + np.r_[0, activity[:-1]] / 30 + rng.normal(0, 0.3, n)), 0, 10)
    return make_entries(days("2026-01-05", n), pain.astype(int), activity_min=activity)


def test_associations_find_the_lag_and_report_n(lagged_activity):
    entries = lagged_activity
    table = an.associations(entries, n_boot=300)
    assert table["variable"].tolist() == ["activity_min"] * 3  # only present columns
    best = table.loc[table["rho"].idxmax()]
    assert best["lag_days"] == 1 and best["rho"] > 0.7 and best["ci_low"] > 0.4
    assert best["slope"] == pytest.approx(1 / 30, rel=0.3)
    assert best["slope_unit"] == "points per min"
    assert table.loc[table["lag_days"] == 1, "n"].item() == len(entries) - 1
    caution = table.attrs["caution"]
    assert "not causes" in caution and "3 associations" in caution and "Autocorrelation" in caution


def test_associations_adjust_for_which_entries_were_made():
    # pain is 2 in the morning and 6 in the evening; spasms are 3 per entry. Days with an
    # evening entry have a higher mean pain AND a higher spasm total, through the entry
    # pattern alone. Adjusting for time of day removes this false association.
    stamps, pain, spasms = [], [], []
    wobble = [0, 1, 0, -1]
    for i, day in enumerate(pd.date_range("2026-01-05", periods=40, freq="D")):
        stamps.append(f"{day:%Y-%m-%d} 08:00")
        pain.append(2 + wobble[i % 4])
        spasms.append(3)
        if i % 2 == 0:
            stamps.append(f"{day:%Y-%m-%d} 20:00")
            pain.append(6 + wobble[(i + 1) % 4])
            spasms.append(3)
    entries = make_entries(stamps, pain, spasms=spasms)
    raw = an.associations(entries, variables=["spasms"], adjust_time_of_day=False, n_boot=100)
    adjusted = an.associations(entries, variables=["spasms"], n_boot=100)
    assert raw["rho"].item() > 0.8
    assert abs(adjusted["rho"].item()) < 0.3


def test_associations_per_entry_and_errors(small):
    table = an.associations(small, per="entry", n_boot=50)
    assert set(table["lag_days"]) == {0} and set(table["per"]) == {"entry"}
    with pytest.raises(AnalysisError, match="only lag 0"):
        an.associations(small, per="entry", variables={"spasms": (1,)})
    with pytest.raises(AnalysisError, match="'spasm' is not a numeric journal column") as info:
        an.associations(small, variables=["spasm"])
    assert "'spasms'" in str(info.value)  # suggests the close match
    bare = make_entries(["2026-03-02 08:00"], [3])
    with pytest.raises(AnalysisError, match="at least one of the columns"):
        an.associations(bare)
    with pytest.raises(AnalysisError, match="needs the column 'sleep_hours'"):
        an.associations(bare, variables=["sleep_hours"])


def test_associations_verdict_uses_one_bonferroni_rule(lagged_activity):
    entries = lagged_activity
    table = an.associations(entries, n_boot=300)
    none = an.associations(entries, n_boot=300, correction="none")
    # three tests: each verdict reads a 1 - 0.05/3 interval, from the same resamples, so the
    # unadjusted columns are what they were and the adjusted interval is wider around them
    assert table["adj_confidence"].tolist() == pytest.approx([1 - 0.05 / 3] * 3)
    assert set(table["correction"]) == {"bonferroni"}
    for column in ("rho", "ci_low", "ci_high", "slope", "n"):
        assert table[column].equals(none[column])
    assert (table["adj_ci_low"] <= table["ci_low"]).all()
    assert (table["adj_ci_high"] >= table["ci_high"]).all()
    assert none["adj_ci_low"].equals(none["ci_low"]) and set(none["adj_confidence"]) == {0.95}
    lag1 = table.set_index("lag_days").loc[1]
    assert bool(lag1["clear"]) and lag1["verdict"] == "clear: more pain when it is higher"
    assert table["clear"].tolist() == table["verdict"].str.startswith("clear").tolist()
    words = table.attrs["correction"]
    assert "Bonferroni" in words and "98.33% interval" in words and "20 independent days" in words
    assert "Bonferroni" in table.attrs["caution"]
    assert "NO correction" in none.attrs["correction"]
    # too few independent days: never clear, however narrow the interval
    strict = an.associations(entries, n_boot=300, min_effective=10_000)
    assert not strict["clear"].any()
    assert set(strict["verdict"]) == {"not clear: too few independent days"}
    with pytest.raises(AnalysisError, match="correction must be"):
        an.associations(entries, correction="holm")


@cache
def _permuted_verdicts(seed: int) -> pd.DataFrame:
    """associations() on a simulated journal whose pain ratings are shuffled across entries.

    The shuffle breaks every link between pain and the other measures (and the time of day),
    so any link called clear is a false alarm. 200 resamples keep it fast; the verdict's
    test does not depend on them, and fewer resamples only make the interval noisier.
    """
    entries = persona_entries("spasticity", seed).copy()
    rng = np.random.default_rng(1000 + seed)
    entries["pain"] = entries["pain"].to_numpy()[rng.permutation(len(entries))]
    return an.associations(entries, n_boot=200, seed=seed)


PERMUTED_SEEDS = range(40)


def test_permuted_journals_call_few_links_clear():
    # With no real link, the Bonferroni verdict should call at least one of a journal's six
    # links clear in at most 5% of journals (the family-wise rate it controls), and each link
    # in at most 0.05 / 6 = 0.83%. 40 journals (240 links) are a sample: the bound is the
    # nominal rate plus 2 binomial standard errors, 5% + 2 * 3.4 = 12% of journals (at most
    # 4 of 40) and 0.83% + 2 * 0.59 = 2% of links. Measured: 1 journal, 1 link.
    links = pd.concat([_permuted_verdicts(seed).assign(journal=seed) for seed in PERMUTED_SEEDS])
    assert (links.groupby("journal").size() == 6).all()
    assert set(links["correction"]) == {"bonferroni"}
    # the same rule judged at 95% for each link alone: the verdict without the correction
    links["uncorrected"] = [
        an.link_verdict(r.rho, r.ci_low, r.ci_high, r.n_effective, alpha=0.05, n=r.n)
        .startswith("clear")
        for r in links.itertuples()
    ]  # fmt: skip
    per_journal = links.groupby("journal")[["clear", "uncorrected"]].any()
    assert per_journal["clear"].sum() <= 4
    assert links["clear"].mean() <= 0.02
    # and the bound can fail: uncorrected, about 1 - 0.95**6 = 26% of journals hold a false
    # "clear" link (measured: 9 of 40)
    assert per_journal["uncorrected"].sum() > 4


def test_association_caution_numbers():
    text = an.association_caution(n_comparisons=1, n_days=50, lag1=0.0)
    assert "1 association was examined" in text and "5%" in text


# -- input handling ------------------------------------------------------------------------------


def test_missing_column_error_names_it_and_suggests(small):
    renamed = small.rename(columns={"pain": "Pain"})
    with pytest.raises(AnalysisError) as info:
        an.daily_summary(renamed)
    message = str(info.value)
    assert "'pain'" in message and "Did you mean 'Pain'" in message
    assert info.value.column == "pain" and "Pain" in info.value.available


def test_accepts_a_journal_and_text_timestamps(small):
    class FakeJournal:
        entries = small

    assert an.summarize_journal(FakeJournal())["entries"] == 4
    text = small.assign(timestamp=small["timestamp"].dt.strftime("%Y-%m-%dT%H:%M"))
    pd.testing.assert_frame_equal(an.daily_summary(text), an.daily_summary(small))
    bad = small.assign(timestamp=["yesterday"] * 4)
    with pytest.raises(AnalysisError, match="timestamp"):
        an.daily_summary(bad)
    with pytest.raises(TypeError, match="DataFrame"):
        an.daily_summary([1, 2, 3])


def test_functions_never_modify_their_input(small):
    before = small.copy()
    an.daily_values(small)
    an.rolling_trend(small)
    an.time_of_day_profile(small, relative=True)
    an.pain_by_leg_site(small)
    an.pain_by_quality(small)
    an.quality_group(small)
    an.associations(small, n_boot=20)
    pd.testing.assert_frame_equal(small, before)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 23), st.integers(0, 10)),
        min_size=1,
        max_size=40,
    )
)
def test_daily_summary_accounts_for_every_entry(records):
    stamps = [pd.Timestamp("2026-01-05") + pd.Timedelta(days=d, hours=h) for d, h, _ in records]
    entries = make_entries(stamps, [p for _, _, p in records])
    summary = an.daily_summary(entries)
    assert summary["entries"].sum() == len(records)
    assert len(summary) == max(d for d, _, _ in records) - min(d for d, _, _ in records) + 1
    assert (summary["missed"] == (summary["entries"] == 0)).all()
    assert summary["mean"].dropna().between(0, 10).all()


# -- recovery of the effects built into the simulated personas (issue 6, item 2) ---------------

simulate = pytest.importorskip("sci_pain.simulate", reason="sci_pain.simulate is not there yet")


@cache
def persona_entries(name: str, seed: int) -> pd.DataFrame:
    """A simulated journal, written to CSV and read back as typed ``Journal.entries``."""
    from sci_pain.journal import read_journal

    frame = simulate.simulate_journal(name, days=120, seed=seed)
    text = frame.to_csv(index=False, lineterminator="\n")
    return read_journal(io.StringIO(text)).entries


def parameter(name: str, field: str):
    return getattr(simulate.load_persona(name), field)


EXAMPLE_SEEDS = {  # the seeds of the bundled example journals (data/journals/personas.yaml)
    "neuropathic": 101,
    "spasticity": 102,
    "overuse": 103,
    "pressure_injury": 104,
    "dvt": 105,
    "atrophy_weight": 106,
}


@pytest.mark.parametrize("seed", [EXAMPLE_SEEDS["neuropathic"], 1, 2])
def test_recovers_neuropathic_evening_and_afternoon_effects(seed):
    profile = an.time_of_day_profile(persona_entries("neuropathic", seed), relative=True)["mean"]
    evening = parameter("neuropathic", "evening_effect")  # 1.5 points vs morning
    afternoon = parameter("neuropathic", "afternoon_effect")  # 0.5
    assert profile["evening"] - profile["morning"] == pytest.approx(evening, abs=0.35)
    assert profile["afternoon"] - profile["morning"] == pytest.approx(afternoon, abs=0.3)


@pytest.mark.parametrize("seed", [EXAMPLE_SEEDS["neuropathic"], 1, 2])
def test_recovers_neuropathic_poor_sleep_effect(seed):
    table = an.associations(
        persona_entries("neuropathic", seed), variables=["sleep_hours"], n_boot=500
    )
    row = table.iloc[0]
    built_in = -parameter("neuropathic", "sleep_effect_per_hour")  # -0.5 points per hour slept
    assert row["rho"] < 0 and row["ci_high"] < 0
    assert row["slope"] == pytest.approx(built_in, abs=0.2)


@pytest.mark.parametrize("seed", [EXAMPLE_SEEDS["spasticity"], 1, 2])
def test_recovers_spasticity_pain_following_spasms(seed):
    entries = persona_entries("spasticity", seed)
    per_entry = an.associations(entries, variables=["spasms"], per="entry", n_boot=500).iloc[0]
    built_in = parameter("spasticity", "spasm_effect")  # 0.3 points per spasm in the entry
    assert per_entry["rho"] > 0.5
    assert per_entry["slope"] == pytest.approx(built_in, abs=0.06)
    daily = an.associations(entries, variables=["spasms"], n_boot=500).iloc[0]
    assert daily["ci_low"] > 0.4  # also clear in daily means


def test_recovers_overuse_pain_one_day_after_more_activity():
    lag = parameter("overuse", "activity_lag_days")  # 1 day
    reference = parameter("overuse", "activity_reference_min")  # 30 min
    effect = parameter("overuse", "activity_effect_per_10min")  # 0.3 points per 10 min above
    slopes = []
    for seed in (EXAMPLE_SEEDS["overuse"], 1, 2, 3, 4, 5, 6, 7):
        entries = persona_entries("overuse", seed)
        table = an.associations(entries, variables={"activity_min": (0, 1, 2)}, n_boot=300)
        assert table.loc[table["rho"].idxmax(), "lag_days"] == lag  # in every journal
        if seed == EXAMPLE_SEEDS["overuse"]:
            assert table.set_index("lag_days").loc[lag, "ci_low"] > 0
        # size: regress daily pain on the minutes above the reference the day before
        daily = an.daily_values(entries, ["pain", "activity_min"])
        excess_10min = (daily["activity_min"].shift(lag) - reference).clip(lower=0) / 10
        fit = an.spearman_ci(excess_10min.to_numpy(), daily["pain"].to_numpy(), n_boot=0)
        assert fit["slope"] == pytest.approx(effect, abs=0.12)
        slopes.append(fit["slope"])
    assert np.mean(slopes) == pytest.approx(effect, abs=0.05)


@pytest.mark.parametrize("seed", [EXAMPLE_SEEDS["atrophy_weight"], 1, 2, 3])
def test_recovers_slow_upward_trend(seed):
    trend = an.trend_slope(persona_entries("atrophy_weight", seed))
    per_30_days = trend["slope_per_week"] * 30 / 7
    assert per_30_days == pytest.approx(parameter("atrophy_weight", "trend_per_30_days"), abs=0.2)
    assert trend["ci_low"] > 0


@pytest.mark.parametrize("name", ["overuse", "dvt", "atrophy_weight"])
def test_no_evening_effect_where_none_is_built_in(name):
    profile = an.time_of_day_profile(persona_entries(name, EXAMPLE_SEEDS[name]), relative=True)
    assert abs(profile.loc["evening", "mean"] - profile.loc["morning", "mean"]) < 0.3


def test_the_notebook_and_the_output_name_the_correction():
    # issue 12, item 6: the correction is named where the verdict is read
    from pathlib import Path

    source = Path(__file__).parents[2] / "notebooks" / "src" / "07_patterns_in_a_journal.py"
    text = source.read_text(encoding="utf-8")
    assert "**Bonferroni correction**" in text and "many comparisons" in text
    entries = make_entries(days("2026-01-05", 30), [3] * 30, activity_min=[20.0] * 30)
    table = an.associations(entries, n_boot=50)
    assert "Bonferroni" in table.attrs["correction"] and set(table["correction"]) == {"bonferroni"}


@pytest.mark.parametrize("ordered", [False, True])
def test_categorical_recasts_a_categorical_column_as_it_recasts_text(ordered):
    # A categorical column is re-cast by its categories (fast); the result must be the same
    # as re-casting its values as text: unknown values and missing ones become NA.
    from sci_pain.analysis import categorical

    values = ["left", None, "both", "sideways", "right", "left"]
    index = [5, 3, 9, 1, 2, 7]
    as_text = pd.DataFrame({"side": pd.array(values, dtype="string")}, index=index)
    as_categories = pd.DataFrame(
        {"side": pd.Categorical(values, categories=["sideways", "right", "left", "both", "up"])},
        index=index,
    )
    allowed = ["left", "right", "both"]
    expected = categorical(as_text, "side", allowed, ordered=ordered)
    got = categorical(as_categories, "side", allowed, ordered=ordered)
    pd.testing.assert_series_equal(got, expected, check_exact=True)
    assert got.isna().tolist() == [False, True, False, True, False, False]
    assert list(got.cat.categories) == allowed and got.cat.ordered is ordered
