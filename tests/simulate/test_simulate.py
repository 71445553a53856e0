"""The journal simulator: schema-valid output, determinism, built-in effects, example files."""

from __future__ import annotations

import dataclasses
import socket
import time

import numpy as np
import pandas as pd
import pytest

import sci_pain
from sci_pain import datasets
from sci_pain import simulate as sim
from sci_pain.datasets import example_journal_path, list_example_journals, load_example_journal
from sci_pain.journal import schema as js
from sci_pain.simulate import (
    Persona,
    built_in_effects,
    list_personas,
    load_persona,
    simulate_cohort,
    simulate_journal,
)

NAMES = list(list_personas())
# The Basic Data Set columns the personas do not write (a person's file may leave them out too).
WRITTEN = tuple(
    c
    for c in js.COLUMN_ORDER
    if c not in ("pain_number", "iscip_subtype", *js.INTERFERENCE_COLUMNS)
)
START = pd.Timestamp("2026-01-05")


def day_of(frame: pd.DataFrame) -> pd.Series:
    """Day number (0 = 2026-01-05) of each entry."""
    return (pd.to_datetime(frame["timestamp"].str.slice(0, 10)) - START).dt.days


def hour_of(frame: pd.DataFrame) -> pd.Series:
    return frame["timestamp"].str.slice(11, 13).astype(int)


def as_float(series: pd.Series) -> np.ndarray:
    return series.astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def fit(y: np.ndarray, *columns: np.ndarray) -> np.ndarray:
    """Least-squares coefficients of y on an intercept and ``columns`` (rows with NaN dropped)."""
    x = np.column_stack([np.ones(len(y)), *columns]).astype(float)
    ok = ~np.isnan(x).any(axis=1) & ~np.isnan(y)
    return np.linalg.lstsq(x[ok], y[ok], rcond=None)[0]


@pytest.fixture(scope="module")
def journals() -> dict[str, pd.DataFrame]:
    """Long journals (360 days) of every persona, for estimating effects precisely."""
    return {name: simulate_journal(name, days=360, seed=7) for name in NAMES}


# --- format --------------------------------------------------------------------------------


def check_schema(frame: pd.DataFrame) -> None:
    assert tuple(frame.columns[-len(WRITTEN) :]) == WRITTEN
    stamps = pd.to_datetime(frame["timestamp"], format="%Y-%m-%dT%H:%M")
    assert stamps.notna().all()
    assert frame["pain"].notna().all()
    for name, column in js.COLUMNS.items():
        if name not in frame:
            continue
        values = frame[name].dropna()
        if column.range is not None:
            low, high = column.range
            assert (values >= low).all(), name
            if high is not None:
                assert (values <= high).all(), name
        if column.kind == "int":
            assert (values.astype(float) % 1 == 0).all(), name
        if column.kind == "category":
            assert set(values) <= set(column.allowed), name
        if column.kind == "multi":
            tokens = {t for cell in values for t in cell.split(js.MULTI_SEPARATOR)}
            assert tokens <= set(column.allowed), name
            # stored in vocabulary order, as the reader writes them
            for cell in set(values):
                parts = cell.split(js.MULTI_SEPARATOR)
                assert parts == sorted(parts, key=column.allowed.index), cell
        if column.kind == "text":
            assert not values.str.match(r"^[=+\-@]").any(), name


@pytest.mark.parametrize("name", NAMES)
def test_journal_matches_schema(name):
    frame = simulate_journal(name, days=120, seed=3)
    assert list(frame.columns) == list(WRITTEN)
    check_schema(frame)
    stamps = pd.to_datetime(frame["timestamp"], format="%Y-%m-%dT%H:%M")
    assert stamps.is_monotonic_increasing
    assert stamps.dt.date.min() >= START.date()
    assert stamps.dt.date.max() < (START + pd.Timedelta(days=120)).date()


def test_dtypes_are_as_written_in_a_csv():
    frame = simulate_journal("neuropathic", days=10, seed=0)
    assert frame["timestamp"].dtype == "str"
    for name in ("pain", "interference", "spasms", "activity_min"):
        assert frame[name].dtype == "Int64", name
    for name in ("immobile_hours", "sleep_hours"):
        assert frame[name].dtype == "Float64", name
    for name in (
        "problem",
        "side",
        "site",
        "quality",
        "swelling",
        "skin",
        "interventions",
        "notes",
    ):
        assert frame[name].dtype == "str", name


@pytest.mark.parametrize("name", NAMES)
def test_entries_look_like_a_real_diary(name):
    frame = simulate_journal(name, days=120, seed=11)
    per_day = day_of(frame).value_counts()
    assert per_day.between(1, 3).all()
    assert 100 <= per_day.size < 120  # some whole days are missed
    assert (per_day < 3).mean() > 0.2  # and some single entries
    minutes = frame["timestamp"].str.slice(14, 16).astype(int)
    assert (minutes % 5 == 0).all()
    hours = hour_of(frame)
    assert hours.between(7, 22).all()
    assert not hours.isin([10, 11, 12, 16, 17, 18]).any()  # between the slots
    # sleep once a day, on the day's first entry
    first = ~day_of(frame).duplicated()
    assert frame.loc[~first, "sleep_hours"].isna().all()
    assert frame.loc[first, "sleep_hours"].notna().mean() > 0.9
    assert ((frame["sleep_hours"].dropna() * 2) % 1 == 0).all()  # half hours
    # the odd empty optional cell and the odd note; pain always there
    optional = ["problem", "side", "site", "quality", "interference", "spasms", "swelling", "skin"]
    assert frame[optional].isna().to_numpy().any()
    assert frame[optional].isna().to_numpy().mean() < 0.05
    assert 0 < frame["notes"].notna().sum() < len(frame) / 4
    # the labels fit the persona
    persona = load_persona(name)
    assert set(frame["problem"].dropna()) == {persona.problem}
    assert set(frame["side"].dropna()) == {persona.side}
    assert set(frame["site"].dropna()) <= {persona.site, *persona.other_sites}
    first_quality = frame["quality"].dropna().str.split(";")
    assert first_quality.map(lambda q: persona.qualities[0] in q).all()


def test_labels_fit_each_cause():
    neuro = set(js.NEUROPATHIC_QUALITIES)
    assert set(load_persona("neuropathic").qualities) <= neuro
    for name in ("spasticity", "overuse", "pressure_injury", "dvt", "atrophy_weight"):
        assert set(load_persona(name).qualities) <= set(js.NOCICEPTIVE_QUALITIES), name
    assert load_persona("neuropathic").side == "both"
    assert load_persona("neuropathic").site == "foot"
    assert load_persona("pressure_injury").site == "hip"
    assert load_persona("dvt").site == "calf"
    assert load_persona("dvt").dvt_side == load_persona("dvt").side == "left"
    assert load_persona("overuse").site == "knee"
    assert load_persona("spasticity").intervention == "botulinum_toxin"
    assert load_persona("neuropathic").intervention == "tens"


# --- determinism -----------------------------------------------------------------------------


def test_same_seed_same_journal_and_different_seed_different_journal():
    a = simulate_journal("spasticity", days=60, seed=5)
    b = simulate_journal("spasticity", days=60, seed=5)
    c = simulate_journal("spasticity", days=60, seed=6)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    d = simulate_journal("spasticity", days=60, seed=np.random.default_rng(5))
    pd.testing.assert_frame_equal(a, d)


def test_start_date_shifts_the_timestamps_only():
    a = simulate_journal("overuse", days=30, seed=1, start="2026-01-05")
    b = simulate_journal("overuse", days=30, seed=1, start="2026-01-12")  # also a Monday
    assert a.drop(columns="timestamp").equals(b.drop(columns="timestamp"))
    shift = pd.to_datetime(b["timestamp"]) - pd.to_datetime(a["timestamp"])
    assert (shift == pd.Timedelta(days=7)).all()


def test_simulating_does_not_modify_the_persona():
    persona = load_persona("neuropathic")
    before = dataclasses.asdict(persona)
    simulate_journal(persona, days=20, seed=0)
    assert dataclasses.asdict(persona) == before


# --- built-in effects ------------------------------------------------------------------------


def test_neuropathic_evening_sleep_and_tens_effects(journals):
    frame = journals["neuropathic"]
    persona = load_persona("neuropathic")
    pain = as_float(frame["pain"])
    hour = hour_of(frame).to_numpy()
    morning, afternoon, evening = hour < 12, (hour >= 12) & (hour < 18), hour >= 18
    assert pain[evening].mean() - pain[morning].mean() == pytest.approx(
        persona.evening_effect, abs=0.3
    )
    assert pain[afternoon].mean() - pain[morning].mean() == pytest.approx(
        persona.afternoon_effect, abs=0.3
    )
    day = day_of(frame)
    sleep = as_float(frame.groupby(day)["sleep_hours"].transform("first"))
    tens = (day >= persona.intervention_start_day).to_numpy()
    _, b_aft, b_eve, b_sleep, b_tens = fit(
        pain, afternoon, evening, persona.sleep_reference_hours - sleep, tens
    )
    assert b_eve == pytest.approx(persona.evening_effect, abs=0.25)
    assert b_aft == pytest.approx(persona.afternoon_effect, abs=0.25)
    assert b_sleep == pytest.approx(persona.sleep_effect_per_hour, abs=0.13)
    assert b_tens == pytest.approx(persona.intervention_effect, abs=0.45)
    assert b_tens < 0
    # tens is logged every day from the start day, never before
    logged = frame["interventions"].fillna("").str.contains("tens")
    assert not logged[day < persona.intervention_start_day].any()
    assert set(day[logged]) == set(day[day >= persona.intervention_start_day])


def test_a_changed_parameter_changes_the_data():
    persona = dataclasses.replace(load_persona("neuropathic"), evening_effect=3.0)
    frame = simulate_journal(persona, days=240, seed=2)
    pain, hour = as_float(frame["pain"]), hour_of(frame).to_numpy()
    assert pain[hour >= 18].mean() - pain[hour < 12].mean() == pytest.approx(3.0, abs=0.35)
    flat = dataclasses.replace(load_persona("neuropathic"), evening_effect=0.0, afternoon_effect=0)
    frame = simulate_journal(flat, days=240, seed=2)
    pain, hour = as_float(frame["pain"]), hour_of(frame).to_numpy()
    assert pain[hour >= 18].mean() - pain[hour < 12].mean() == pytest.approx(0.0, abs=0.25)


def test_spasticity_pain_follows_spasms_and_botulinum_toxin_halves_them(journals):
    frame = journals["spasticity"]
    persona = load_persona("spasticity")
    pain, spasms = as_float(frame["pain"]), as_float(frame["spasms"])
    ok = ~np.isnan(spasms)
    assert np.corrcoef(spasms[ok], pain[ok])[0, 1] > 0.5
    assert fit(pain, spasms)[1] == pytest.approx(persona.spasm_effect, abs=0.05)
    day = day_of(frame).to_numpy()
    start = persona.intervention_start_day
    before = np.nanmean(spasms[day < start])
    after = np.nanmean(spasms[day >= start + persona.intervention_ramp_days])
    assert after / before == pytest.approx(persona.intervention_spasm_factor, abs=0.2)
    # botulinum toxin acts on pain only through spasms
    relief = np.mean(pain[day < start]) - np.mean(
        pain[day >= start + persona.intervention_ramp_days]
    )
    assert relief > 0
    assert relief == pytest.approx(persona.spasm_effect * (before - after), abs=0.6)
    injected = frame["interventions"].fillna("").str.contains("botulinum_toxin")
    assert injected.sum() == 1
    assert day[injected.to_numpy()][0] >= start


def test_overuse_pain_rises_one_day_after_a_long_session(journals):
    frame = journals["overuse"]
    persona = load_persona("overuse")
    day = day_of(frame)
    daily = pd.DataFrame(index=pd.RangeIndex(360))
    daily["pain"] = frame["pain"].astype(float).groupby(day).mean()
    daily["act"] = frame["activity_min"].astype(float).groupby(day).sum()
    daily["act"] = daily["act"].fillna(0.0)  # no entry that day: no session recorded
    excess = lambda minutes: np.maximum(minutes - persona.activity_reference_min, 0) / 10  # noqa: E731
    lagged = excess(daily["act"].shift(persona.activity_lag_days)).to_numpy()
    same_day = excess(daily["act"]).to_numpy()
    _, b_lag, b_same = fit(daily["pain"].to_numpy(), lagged, same_day)
    assert b_lag == pytest.approx(persona.activity_effect_per_10min, abs=0.1)
    assert b_same == pytest.approx(0.0, abs=0.08)
    # therapy on weekdays only, and labelled
    weekday = (START + pd.to_timedelta(day, unit="D")).dt.day_of_week
    assert (frame.loc[weekday >= 5, "activity_min"].fillna(0) == 0).all()
    written = frame["activity_min"].notna()
    has_session = frame.loc[written, "activity_min"] > 0
    labelled = frame.loc[written, "interventions"].fillna("").str.contains("physical_therapy")
    assert (labelled == has_session).all()


def test_pressure_injury_follows_a_long_immobile_stretch(journals):
    frame = journals["pressure_injury"]
    p = load_persona("pressure_injury")
    day = day_of(frame)
    first, end = (
        p.immobile_stretch_start_day,
        p.immobile_stretch_start_day + p.immobile_stretch_days,
    )
    in_stretch = (day >= first) & (day < end)
    immobile = frame["immobile_hours"].astype(float)
    assert immobile[in_stretch].mean() - immobile[~in_stretch].mean() > 3
    skin = frame["skin"]
    redness_day, blister_day = first + p.redness_after_days, first + p.blister_after_days
    assert (skin[day < redness_day].dropna() == "ok").all()
    assert (skin[(day >= redness_day) & (day < blister_day)].dropna() == "redness").all()
    assert (
        skin[(day >= blister_day) & (day < end + p.blister_heal_days)].dropna() == "blister"
    ).all()
    healing = (day >= end + p.blister_heal_days) & (day < end + p.redness_heal_days)
    assert (skin[healing].dropna() == "redness").all()
    assert (skin[day >= end + p.redness_heal_days].dropna() == "ok").all()
    # one short episode: day-to-day noise makes these estimates rough (SD about 0.4 and 0.3
    # over seeds), hence the wide tolerances
    pain = frame["pain"].astype(float)
    blister = skin == "blister"
    assert pain[blister].mean() - pain[day < first].mean() == pytest.approx(
        p.blister_pain_effect, abs=1.3
    )
    spasms = frame["spasms"].astype(float)
    assert spasms[skin != "ok"].mean() / spasms[skin == "ok"].mean() == pytest.approx(
        p.skin_spasm_factor, abs=0.9
    )
    assert (frame.loc[in_stretch, "activity_min"].fillna(0) == 0).all()  # bed-bound


def test_dvt_episode_swells_one_leg_and_raises_pain(journals):
    frame = journals["dvt"]
    p = load_persona("dvt")
    day = day_of(frame)
    episode = (day >= p.dvt_start_day) & (day < p.dvt_start_day + p.dvt_days)
    swelling = frame["swelling"]
    assert (swelling[episode].dropna() == p.dvt_side).all()
    assert (swelling[~episode].dropna() == "none").all()
    pain = frame["pain"].astype(float)
    peak = (day >= p.dvt_start_day + p.dvt_ramp_days) & episode
    before = day < p.dvt_start_day
    # one episode of ten days at full height: a rough estimate (SD about 0.3 over seeds)
    assert pain[peak].mean() - pain[before].mean() == pytest.approx(p.dvt_pain_effect, abs=1.1)
    notes = frame.loc[episode, "notes"].dropna()
    assert notes.str.contains("warm").any()
    assert frame["notes"].dropna().str.contains("\n").any()  # a quoted multi-line note


def test_atrophy_weight_trend(journals):
    frame = journals["atrophy_weight"]
    p = load_persona("atrophy_weight")
    slope = fit(as_float(frame["pain"]), day_of(frame).to_numpy())[1] * 30
    assert slope == pytest.approx(p.trend_per_30_days, abs=0.1)
    weights = frame["notes"].dropna().str.extract(r"Weighed myself: ([\d.]+) kg")[0].dropna()
    assert len(weights) >= 10
    assert weights.astype(float).iloc[-1] > weights.astype(float).iloc[0]


def test_built_in_effects_lists_the_persona_parameters():
    for name in NAMES:
        persona = load_persona(name)
        table = built_in_effects(name)
        assert list(table.columns) == ["effect", "parameter", "value", "meaning"]
        for row in table.itertuples():
            assert getattr(persona, row.parameter) == row.value
    table = built_in_effects("neuropathic").set_index("parameter")
    assert table.loc["evening_effect", "value"] == 1.5
    assert table.loc["intervention_start_day", "meaning"] == "first day (2026-03-02)"


# --- cohort ----------------------------------------------------------------------------------


def test_cohort_has_person_ids_and_cycles_personas():
    cohort = simulate_cohort(13, 40, seed=1)
    assert list(cohort.columns) == ["person_id", *WRITTEN]
    assert cohort["person_id"].dtype == np.int64
    assert sorted(cohort["person_id"].unique()) == list(range(1, 14))
    check_schema(cohort)
    problems = cohort.groupby("person_id")["problem"].agg(lambda s: s.dropna().iloc[0])
    for person_id, problem in problems.items():
        assert problem == load_persona(NAMES[(person_id - 1) % len(NAMES)]).problem
    stamps = pd.to_datetime(cohort["timestamp"])
    assert (stamps.groupby(cohort["person_id"]).diff().dropna() > pd.Timedelta(0)).all()
    pd.testing.assert_frame_equal(cohort, simulate_cohort(13, 40, seed=1))


def test_cohort_with_chosen_personas_and_no_person_shift():
    cohort = simulate_cohort(4, 30, seed=2, personas=["dvt"], baseline_sd=0)
    assert set(cohort["problem"].dropna()) == {"aching left calf"}
    pd.testing.assert_frame_equal(
        cohort, simulate_cohort(4, 30, seed=2, personas="dvt", baseline_sd=0)
    )


def test_cohort_is_vectorized_and_fast():
    simulate_cohort(6, 10, seed=0)  # warm up (reads the personas file)
    t0 = time.perf_counter()
    cohort = simulate_cohort(400, 120, seed=0)
    elapsed = time.perf_counter() - t0
    assert len(cohort) > 90_000
    # about 1.5 s per million entries on a laptop; allow a slow machine ten times that
    assert elapsed < 15 * len(cohort) / 1_000_000 + 1


def test_public_names_are_exported():
    for name in (
        "Persona",
        "load_persona",
        "list_personas",
        "built_in_effects",
        "simulate_journal",
        "simulate_cohort",
    ):
        assert getattr(sci_pain, name) is getattr(sim, name)
        assert name in sim.__all__
    for name in ("list_example_journals", "example_journal_path", "load_example_journal"):
        assert getattr(sci_pain, name) is getattr(datasets, name)
        assert name in datasets.__all__


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: simulate_journal("neuropathc"), "Did you mean 'neuropathic'"),
        (lambda: load_persona("spasticty"), "Did you mean 'spasticity'"),
        (lambda: example_journal_path("dvtt"), "Did you mean 'dvt'"),
        (lambda: load_example_journal("overus"), "Did you mean 'overuse'"),
        (lambda: simulate_journal("dvt", days=0), "days must be"),
        (lambda: simulate_journal("dvt", days=2.5), "days must be"),
        (lambda: simulate_journal("dvt", seed=-1), "seed must be"),
        (lambda: simulate_journal("dvt", start="05/01/2026"), "ISO 8601"),
        (lambda: simulate_cohort(0, 10, seed=0), "n_people must be"),
        (lambda: simulate_cohort(3, 10, seed=0, personas=["dvt", "atrophy"]), "atrophy_weight"),
    ],
)
def test_user_mistakes_give_helpful_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_unknown_names_list_what_is_valid():
    with pytest.raises(ValueError, match="choose one of") as info:
        simulate_journal("sciatica")
    for name in NAMES:
        assert name in str(info.value)


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"site": "kneee"}, r"site='kneee'.*Did you mean 'knee'\?"),
        ({"side": "lft"}, "Did you mean"),
        ({"qualities": ("burnin",)}, "burning"),
        ({"intervention": "botox"}, "INTERVENTIONS|botulinum_toxin|one of"),
        ({"morning_prob": 1.5}, "probability"),
        ({"baseline_pain": 11}, "0-10"),
        ({"dvt_start_day": 2.5}, "whole number of days"),
        ({"spasms_mean": -1}, "0 or more"),
        ({"notes": ({"when": "evenin", "text": "x"},)}, "Did you mean"),
        ({"notes": ({"when": "random", "text": "=1+1"},)}, "must be non-empty"),
    ],
)
def test_invalid_persona_fields_are_named(change, match):
    with pytest.raises(ValueError, match=match):
        dataclasses.replace(load_persona("neuropathic"), **change)


def test_persona_from_plain_python_values():
    persona = Persona(
        name="mine",
        cause="test",
        description="a hand-made persona",
        problem="sore knee",
        side="left",
        site="knee",
        qualities=["aching"],
        baseline_pain=3,
        routine_interventions={"stretching": 0.5},
        notes=[{"when": "random", "text": "ok", "prob": 0.1}],
    )
    frame = simulate_journal(persona, days=20, seed=0)
    check_schema(frame)
    assert frame["interventions"].dropna().eq("stretching").all()


# --- no network ------------------------------------------------------------------------------


def test_simulating_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the simulator tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    simulate_journal("dvt", days=30, seed=0)
    simulate_cohort(12, 20, seed=0)
    list_example_journals()
