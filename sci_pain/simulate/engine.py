"""Simulated pain journals whose effects are known.

A :class:`Persona` is a made-up person: which pain they rate, how they keep their journal, and
the effects built into their ratings (evening worsening, poor sleep, spasms, a therapy session
the day before, an intervention from a given day, a pressure injury, a DVT episode, a slow
trend). :func:`simulate_journal` turns a persona into a journal in the format of
:mod:`sci_pain.journal.schema`; because every effect is a documented parameter, a learner can
check whether an analysis recovers it. The six personas, one per main cause of leg pain after
spinal cord injury, live in ``data/journals/personas.yaml``; their example journals
(``data/journals/<name>.csv``) are this module's output for a fixed seed
(``tools/make_example_journals.py``), byte for byte. :func:`simulate_cohort` makes many people at
once, fast, for scale work.

All data are synthetic: no record describes a real person.

The pain model
--------------
Entries are made in up to three slots a day: morning (07:00-09:30), afternoon (13:00-15:30)
and evening (19:30-22:00); the written time is rounded to 5 or 15 minutes. On day ``d``
(0 = the first day) in slot ``s``, before rounding to a whole number and clipping to 0-10::

    pain = baseline_pain
         + afternoon_effect (afternoon entries) or evening_effect (evening entries)
         + sleep_effect_per_hour * (sleep_reference_hours - sleep_hours of the night before)
         + spasm_effect * spasms written in the entry
         + activity_effect_per_10min
               * max(0, session minutes on day d - activity_lag_days - activity_reference_min) / 10
         + intervention_effect * ramp(intervention_start_day, intervention_ramp_days)
         + redness_pain_effect or blister_pain_effect while the skin shows them
         + dvt_pain_effect * ramp(dvt_start_day, dvt_ramp_days) during the DVT episode
         + trend_per_30_days * d / 30
         + day noise (AR(1): day_noise_sd, day_noise_autocorr) + entry noise (entry_noise_sd)

where ``ramp(start, n)`` is 0 before day ``start`` (and from the end day of an intervention or
episode) and ``min(1, (d - start + 1) / n)`` from it, so ``n = 0`` or ``1`` is a step.
``spasms``, ``activity_min`` and ``immobile_hours`` cover the time since the previous entry *on
the same day*; a day's first entry covers the night before and the day so far. ``sleep_hours``
is written in the day's first entry only. There is no exercise session on a bed-bound day (nor
at weekends when ``therapy_weekdays_only``). The spasm rate is ``spasms_mean``, times
``intervention_spasm_factor`` (ramped like the intervention effect) and ``skin_spasm_factor``
(while the skin is not ``ok``). :func:`built_in_effects` lists a persona's parameters.

Examples
--------
>>> journal = simulate_journal("neuropathic", days=28, seed=1)
>>> list(journal.columns[:3])
['timestamp', 'pain', 'problem']
>>> journal["problem"].iloc[0]
'burning feet'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sci_pain.journal import (
    COLUMN_ORDER,
    INTERFERENCE_COLUMNS,
    INTERVENTIONS,
    MULTI_SEPARATOR,
    QUALITIES,
    SKIN,
)
from sci_pain.simulate._arrays import first_on_or_after, persona_values
from sci_pain.simulate.notes import write_notes
from sci_pain.simulate.persona import (
    DEFAULT_START,
    Persona,
    as_persona,
    list_personas,
    parse_start,
)

__all__ = [
    "SLOTS",
    "simulate_journal",
    "simulate_cohort",
]

SLOTS: dict[str, tuple[int, int]] = {
    "morning": (7 * 60, 9 * 60 + 30),
    "afternoon": (13 * 60, 15 * 60 + 30),
    "evening": (19 * 60 + 30, 22 * 60),
}
"""Entry slots and their time windows in minutes after midnight (inclusive)."""


# Text columns: pandas 3's default "str" dtype, spelled so that pandas 2.3 (the floor) gives the
# same (there, dtype="str" would turn an empty cell into the text "None").
_TEXT = pd.StringDtype(na_value=np.nan)
_N_SLOTS = len(SLOTS)
_NIGHT_MAX_HOURS = 10.0  # longest possible immobile stretch in the overnight interval
_DAY_MAX_HOURS = 6.0  # ... and in a daytime interval

# --------------------------------------------------------------------------------------------
# The simulator


def _check_days(days: object) -> int:
    if isinstance(days, bool) or not isinstance(days, (int, np.integer)) or days < 1:
        msg = f"days must be a whole number of days, at least 1, got {days!r}"
        raise ValueError(msg)
    return int(days)


def _rng(seed: object) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        msg = f"seed must be a non-negative whole number or a numpy.random.Generator, got {seed!r}"
        raise ValueError(msg)
    return np.random.default_rng(int(seed))


def simulate_journal(
    persona: str | Persona,
    *,
    days: int = 120,
    seed: int | np.random.Generator = 0,
    start: str = DEFAULT_START,
) -> pd.DataFrame:
    r"""Simulate one person's pain journal.

    Parameters
    ----------
    persona : str or Persona
        A bundled persona's name (see :func:`list_personas`) or a :class:`Persona`.
    days : int
        Number of days (day 0 is ``start``).
    seed : int or numpy.random.Generator
        Seed; the same seed gives the same journal.
    start : str
        Date of day 0 (ISO 8601).

    Returns
    -------
    pandas.DataFrame
        The journal as its CSV holds it, one row per entry in time order, columns in
        ``journal_schema.COLUMN_ORDER`` except the Basic Data Set columns the personas do not
        model (``pain_number``, ``iscip_subtype`` and the three separate interference
        ratings): ``timestamp`` as ISO 8601 text (``2026-01-05T08:15``);
        ``pain``, ``interference``, ``spasms`` and ``activity_min`` as nullable ``Int64``;
        ``immobile_hours`` and ``sleep_hours`` as ``Float64`` (half hours); the other columns
        as text. Empty cells are missing values.
        ``frame.to_csv(path, index=False, lineterminator="\n")`` writes a journal file; read
        it back typed and checked with :func:`sci_pain.journal.reader.read_journal`.

    Raises
    ------
    ValueError
        For an unknown persona name (with close matches), or an invalid ``days``, ``seed``
        or ``start``.

    See Also
    --------
    built_in_effects : the effects this journal was simulated with.
    simulate_cohort : many people at once.

    Examples
    --------
    >>> journal = simulate_journal("neuropathic", days=60, seed=3)
    >>> hour = journal["timestamp"].str.slice(11, 13).astype(int)
    >>> evening = journal.loc[hour >= 19, "pain"].mean()
    >>> morning = journal.loc[hour < 12, "pain"].mean()
    >>> bool(evening > morning)
    True
    """
    p = as_persona(persona)
    days = _check_days(days)
    rng = _rng(seed)
    day0 = parse_start(start)
    columns = _simulate([p], np.zeros(1, dtype=np.intp), days, rng, day0, np.zeros(1))
    del columns["_person"]
    return pd.DataFrame(columns)


def simulate_cohort(
    n_people: int,
    days: int,
    *,
    seed: int | np.random.Generator,
    personas: Iterable[str | Persona] | None = None,
    baseline_sd: float = 1.0,
    start: str = DEFAULT_START,
) -> pd.DataFrame:
    """Simulate the journals of many people at once (vectorized; a million entries in seconds).

    Parameters
    ----------
    n_people : int
        Number of people.
    days : int
        Days per person; everyone starts on ``start``.
    seed : int or numpy.random.Generator
        Seed; the same seed gives the same cohort.
    personas : str, Persona or iterable of them, optional
        Personas to cycle through: person ``i`` (1-based) follows
        ``personas[(i - 1) % len(personas)]``. Default: every bundled persona, in file order.
    baseline_sd : float
        SD of a per-person shift of ``baseline_pain`` (NRS points), so that people with the
        same persona differ.
    start : str
        Date of day 0 (ISO 8601).

    Returns
    -------
    pandas.DataFrame
        A ``person_id`` column (``int64``, 1 to ``n_people``) followed by the columns of
        :func:`simulate_journal`, sorted by person and time. About 2.2 entries per person-day.

    Examples
    --------
    >>> cohort = simulate_cohort(12, 30, seed=0)
    >>> cohort["person_id"].nunique()
    12
    >>> list(cohort.columns[:3])
    ['person_id', 'timestamp', 'pain']
    """
    if isinstance(n_people, bool) or not isinstance(n_people, (int, np.integer)) or n_people < 1:
        msg = f"n_people must be a whole number, at least 1, got {n_people!r}"
        raise ValueError(msg)
    days = _check_days(days)
    rng = _rng(seed)
    day0 = parse_start(start)
    if personas is None:
        personas = list_personas()
    elif isinstance(personas, (str, Persona)):
        personas = [personas]
    chosen = [as_persona(p) for p in personas]
    if not chosen:
        msg = f"personas must name at least one persona, e.g. {list(list_personas())}"
        raise ValueError(msg)
    if not (isinstance(baseline_sd, (int, float)) and baseline_sd >= 0):
        msg = f"baseline_sd must be a non-negative number of NRS points, got {baseline_sd!r}"
        raise ValueError(msg)
    which = np.arange(int(n_people)) % len(chosen)
    offset = rng.normal(0.0, baseline_sd, size=int(n_people)) if baseline_sd else np.zeros(n_people)
    columns = _simulate(chosen, which, days, rng, day0, offset)
    person = columns.pop("_person")
    return pd.DataFrame({"person_id": person.astype(np.int64) + 1, **columns})


def _ramp(day: np.ndarray, start: np.ndarray, ramp_days: np.ndarray, end: np.ndarray) -> np.ndarray:
    """(people, days) weight: 0 before ``start`` and from ``end``; rises to 1 over ``ramp_days``."""
    since = day[None, :] - start[:, None]
    weight = np.clip((since + 1) / np.maximum(ramp_days, 1)[:, None], 0.0, 1.0)
    active = (since >= 0) & (day[None, :] < end[:, None])
    return np.where(active, weight, 0.0)


def _round_to(x: np.ndarray, step: float) -> np.ndarray:
    return np.floor(x / step + 0.5) * step


def _simulate(
    personas: Sequence[Persona],
    which: np.ndarray,
    days: int,
    rng: np.random.Generator,
    day0: np.datetime64,
    offset: np.ndarray,
) -> dict[str, Any]:
    """Simulate the columns: arrays over (people, days, slots), no loop over entries.

    The random draws happen in a fixed order (days, then entries, timestamps, text,
    interventions, notes, blank cells), so that a seed gives the same journal byte for byte.
    """

    def par(name: str) -> np.ndarray:
        return persona_values(personas, which, name)

    d = _days(par, personas, which, days, day0, offset, rng)
    e = _entries(par, d, days, rng)
    timestamp = _timestamps(e, days, day0, rng)
    k = np.asarray(which)[e.person]  # persona index of each entry
    text = _text_cells(personas, k, e, d, rng)
    interventions = _interventions(personas, which, k, e, d, rng)
    notes = write_notes(
        personas=personas,
        which=which,
        k=k,
        person=e.person,
        entry_day=e.entry_day,
        entry_slot=e.entry_slot,
        first_of_day=e.first_of_day,
        spasms=e.spasms,
        big_entry=e.big_entry,
        big_day=d.big_day,
        sleep=d.sleep,
        in_stretch=d.in_stretch,
        in_dvt=d.in_dvt,
        n_slots=_N_SLOTS,
        rng=rng,
    )
    return _columns(personas, k, e, d, timestamp, text, interventions, notes, rng)


@dataclass(frozen=True)
class _Days:
    """Day-level quantities, each an array over (people, days)."""

    sleep: np.ndarray
    in_stretch: np.ndarray
    session: np.ndarray
    big_day: np.ndarray
    intervention_on: np.ndarray
    skin_level: np.ndarray
    in_dvt: np.ndarray
    spasm_rate: np.ndarray
    day_pain: np.ndarray


def _days(
    par: Callable[[str], np.ndarray],
    personas: Sequence[Persona],
    which: np.ndarray,
    days: int,
    day0: np.datetime64,
    offset: np.ndarray,
    rng: np.random.Generator,
) -> _Days:
    """Draw the day-level quantities: noise, sleep, sessions, events, spasm rate, day pain."""
    n_people = len(which)
    day = np.arange(days, dtype=float)
    day_noise = _day_noise(par, n_people, days, rng)
    sleep = rng.normal(
        par("sleep_mean_hours")[:, None], par("sleep_sd_hours")[:, None], (n_people, days)
    )
    sleep = np.clip(_round_to(sleep, 0.5), 3.0, 10.0)

    stretch_start = par("immobile_stretch_start_day")
    stretch_end = stretch_start + par("immobile_stretch_days")
    in_stretch = (day[None, :] >= stretch_start[:, None]) & (day[None, :] < stretch_end[:, None])
    session, big_day, activity_pain = _sessions(par, day, day0, in_stretch, rng)

    intervention_weight = _ramp(
        day,
        par("intervention_start_day"),
        par("intervention_ramp_days"),
        par("intervention_end_day"),
    )
    has_intervention = np.array([p.intervention is not None for p in personas])[which]
    intervention_weight = np.where(has_intervention[:, None], intervention_weight, 0.0)
    intervention_on = (
        _ramp(day, par("intervention_start_day"), np.zeros(n_people), par("intervention_end_day"))
        > 0
    )
    intervention_on &= has_intervention[:, None]

    skin_level, skin_pain = _skin(par, day, stretch_start, stretch_end)

    dvt_start = par("dvt_start_day")
    dvt_end = dvt_start + par("dvt_days")
    dvt_weight = _ramp(day, dvt_start, par("dvt_ramp_days"), dvt_end)
    in_dvt = (day[None, :] >= dvt_start[:, None]) & (day[None, :] < dvt_end[:, None])

    spasm_rate = par("spasms_mean")[:, None] * (
        1 + (par("intervention_spasm_factor")[:, None] - 1) * intervention_weight
    )
    spasm_rate = spasm_rate * np.where(skin_level > 0, par("skin_spasm_factor")[:, None], 1.0)
    spasm_rate = spasm_rate * rng.gamma(4.0, 0.25, (n_people, days))

    day_pain = (
        par("baseline_pain")[:, None]
        + offset[:, None]
        + par("sleep_effect_per_hour")[:, None] * (par("sleep_reference_hours")[:, None] - sleep)
        + activity_pain
        + par("intervention_effect")[:, None] * intervention_weight
        + skin_pain
        + par("dvt_pain_effect")[:, None] * dvt_weight
        + par("trend_per_30_days")[:, None] * day[None, :] / 30.0
        + day_noise
    )
    return _Days(
        sleep=sleep,
        in_stretch=in_stretch,
        session=session,
        big_day=big_day,
        intervention_on=intervention_on,
        skin_level=skin_level,
        in_dvt=in_dvt,
        spasm_rate=spasm_rate,
        day_pain=day_pain,
    )


def _day_noise(
    par: Callable[[str], np.ndarray], n_people: int, days: int, rng: np.random.Generator
) -> np.ndarray:
    """Draw each person's day-to-day noise, an AR(1) series over days."""
    noise_sd = par("day_noise_sd")
    phi = par("day_noise_autocorr")
    innovations = rng.standard_normal((n_people, days)) * (noise_sd * np.sqrt(1 - phi**2))[:, None]
    day_noise = np.empty((n_people, days))
    day_noise[:, 0] = rng.standard_normal(n_people) * noise_sd
    for d in range(1, days):  # a loop over days, vectorized over people
        day_noise[:, d] = phi * day_noise[:, d - 1] + innovations[:, d]
    return day_noise


def _sessions(
    par: Callable[[str], np.ndarray],
    day: np.ndarray,
    day0: np.datetime64,
    in_stretch: np.ndarray,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw the exercise sessions; return minutes, long-session days and the pain they add."""
    n_people, days = in_stretch.shape
    weekday = (
        day.astype(np.int64) + int(day0.astype("datetime64[D]").view("int64")) + 3
    ) % 7  # 0 = Monday
    session = rng.normal(
        par("activity_mean_min")[:, None], par("activity_sd_min")[:, None], (n_people, days)
    )
    big_day = rng.random((n_people, days)) < par("activity_jump_prob")[:, None]
    session = np.maximum(_round_to(session, 5.0), 0.0) + np.where(
        big_day, par("activity_jump_min")[:, None], 0.0
    )
    # no session at weekends (if therapy_weekdays_only) or while bed-bound
    rest_day = (par("therapy_weekdays_only")[:, None] > 0) & (weekday[None, :] >= 5)
    rest_day |= in_stretch
    session = np.where(rest_day, 0.0, session)
    big_day &= ~rest_day & (session > 0)

    lag = par("activity_lag_days").astype(np.int64)
    lagged_index = day.astype(np.int64)[None, :] - lag[:, None]
    lagged = np.take_along_axis(session, np.clip(lagged_index, 0, days - 1), axis=1)
    lagged = np.where(lagged_index >= 0, lagged, 0.0)
    activity_pain = (
        par("activity_effect_per_10min")[:, None]
        * np.maximum(lagged - par("activity_reference_min")[:, None], 0.0)
        / 10.0
    )
    return session, big_day, activity_pain


def _skin(
    par: Callable[[str], np.ndarray],
    day: np.ndarray,
    stretch_start: np.ndarray,
    stretch_end: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Return the skin level (0 ok, 1 redness, 2 blister) by day, and the pain it adds."""
    n_people, days = len(stretch_start), len(day)
    redness_day = stretch_start + par("redness_after_days")
    blister_day = stretch_start + par("blister_after_days")
    redness_day = np.where(redness_day < stretch_end, redness_day, np.inf)
    blister_day = np.where(blister_day < stretch_end, blister_day, np.inf)
    skin_level = np.zeros((n_people, days), dtype=np.int64)
    red = (day[None, :] >= redness_day[:, None]) & (
        day[None, :] < (stretch_end + par("redness_heal_days"))[:, None]
    )
    blister = (day[None, :] >= blister_day[:, None]) & (
        day[None, :] < (stretch_end + par("blister_heal_days"))[:, None]
    )
    skin_level[red] = 1
    skin_level[blister] = 2
    skin_pain = np.select(
        [skin_level == 1, skin_level == 2],
        [par("redness_pain_effect")[:, None], par("blister_pain_effect")[:, None]],
        0.0,
    )
    return skin_level, skin_pain


@dataclass(frozen=True)
class _Entries:
    """One value per entry, in person and time order."""

    person: np.ndarray
    entry_day: np.ndarray
    entry_slot: np.ndarray
    first_of_day: np.ndarray
    last_of_day: np.ndarray
    spasms: np.ndarray
    activity: np.ndarray
    big_entry: np.ndarray
    immobile_hours: np.ndarray
    pain: np.ndarray
    interference: np.ndarray

    @property
    def pday(self) -> tuple[np.ndarray, np.ndarray]:
        """Index of each entry's (person, day) in a day-level array."""
        return self.person, self.entry_day


def _immobile(
    par: Callable[[str], np.ndarray], in_stretch: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Draw the longest immobile time of each interval, in half hours (people, days, slots)."""
    n_slots, days = _N_SLOTS, in_stretch.shape[1]
    immobile_mean = np.repeat(par("immobile_day_hours")[:, None, None], n_slots, axis=2)
    immobile_mean = np.repeat(immobile_mean, days, axis=1)
    immobile_mean[:, :, 0] = par("immobile_night_hours")[:, None]
    immobile_mean += np.where(in_stretch, par("immobile_stretch_extra_hours")[:, None], 0.0)[
        :, :, None
    ]
    immobile = rng.normal(immobile_mean, par("immobile_sd_hours")[:, None, None])
    immobile_cap = np.array([_NIGHT_MAX_HOURS] + [_DAY_MAX_HOURS] * (n_slots - 1))
    return np.clip(_round_to(immobile, 0.5), 0.5, immobile_cap)


@dataclass(frozen=True)
class _Segments:
    """The slots each entry covers: since the previous entry on the same day.

    A day's first entry covers the night before and the day so far, i.e. from slot 0 of its
    day. ``start`` and ``end`` (inclusive) index the flattened (people, days, slots) arrays.
    """

    start: np.ndarray
    end: np.ndarray
    first_of_day: np.ndarray
    last_of_day: np.ndarray

    @classmethod
    def of(
        cls,
        flat_index: np.ndarray,
        person: np.ndarray,
        entry_day: np.ndarray,
        entry_slot: np.ndarray,
    ) -> _Segments:
        """Return the segments of entries at `flat_index` (sorted by person and time)."""
        n = flat_index.size
        same_day = np.zeros(n, dtype=bool)
        same_day[1:] = (person[1:] == person[:-1]) & (entry_day[1:] == entry_day[:-1])
        previous = np.concatenate([[-1], flat_index[:-1]])[:n].astype(np.int64)
        last_of_day = np.ones(n, dtype=bool)
        last_of_day[:-1] = ~same_day[1:]
        return cls(
            start=np.where(same_day, previous + 1, flat_index - entry_slot),
            end=flat_index,
            first_of_day=~same_day,
            last_of_day=last_of_day,
        )

    def sum(self, values: np.ndarray) -> np.ndarray:
        """Return the sum of `values` over each entry's slots."""
        cumulative = np.concatenate([[0], np.cumsum(values.ravel())])
        return cumulative[self.end + 1] - cumulative[self.start]

    def max(self, values: np.ndarray) -> np.ndarray:
        """Return the largest of `values` over each entry's slots."""
        n = self.end.size
        if n == 0:
            return np.zeros(0)
        padded = np.concatenate([values.ravel(), [0.0]])
        bounds = np.empty(2 * n, dtype=np.int64)
        bounds[0::2] = self.start
        bounds[1::2] = self.end + 1
        return np.maximum.reduceat(padded, bounds)[0::2]


def _entries(
    par: Callable[[str], np.ndarray], d: _Days, days: int, rng: np.random.Generator
) -> _Entries:
    """Draw the slot-level values, choose which slots have an entry, and sum them per entry."""
    n_people = d.sleep.shape[0]
    n_slots = _N_SLOTS
    session, big_day, in_stretch = d.session, d.big_day, d.in_stretch
    spasm_rate, day_pain = d.spasm_rate, d.day_pain
    # ---- slot-level quantities (people, days, slots); interval s ends at slot s
    spasms_interval = rng.poisson(np.repeat(spasm_rate[:, :, None], n_slots, axis=2))
    activity_interval = np.zeros((n_people, days, n_slots))
    activity_interval[:, :, 1] = session  # the session is held between morning and afternoon
    big_interval = np.zeros((n_people, days, n_slots))
    big_interval[:, :, 1] = big_day
    immobile = _immobile(par, in_stretch, rng)

    slot_effect = np.stack(
        [np.zeros(n_people), par("afternoon_effect"), par("evening_effect")], axis=1
    )  # (people, slots)
    entry_noise = (
        rng.standard_normal((n_people, days, n_slots)) * par("entry_noise_sd")[:, None, None]
    )

    # ---- which slots have an entry
    missed_day = rng.random((n_people, days)) < par("missed_day_prob")[:, None]
    slot_prob = np.stack([par("morning_prob"), par("afternoon_prob"), par("evening_prob")], axis=1)
    present = (rng.random((n_people, days, n_slots)) < slot_prob[:, None, :]) & ~missed_day[
        :, :, None
    ]
    flat_index = np.flatnonzero(present.ravel())
    per_person = days * n_slots
    person = flat_index // per_person
    position = flat_index % per_person
    entry_day = position // n_slots
    entry_slot = position % n_slots

    segments = _Segments.of(flat_index, person, entry_day, entry_slot)
    spasms = segments.sum(spasms_interval).astype(np.int64)
    activity = segments.sum(activity_interval)
    big_entry = segments.sum(big_interval) > 0
    immobile_hours = segments.max(immobile)

    pday = (person, entry_day)
    latent = (
        day_pain[pday]
        + slot_effect[person, entry_slot]
        + par("spasm_effect")[person] * spasms
        + entry_noise.ravel()[flat_index]
    )
    pain = np.clip(np.floor(latent + 0.5), 0, 10).astype(np.int64)
    interference = rng.normal(
        par("interference_per_pain")[person] * pain, par("interference_noise_sd")[person]
    )
    interference = np.clip(np.floor(interference + 0.5), 0, 10).astype(np.int64)

    return _Entries(
        person=person,
        entry_day=entry_day,
        entry_slot=entry_slot,
        first_of_day=segments.first_of_day,
        last_of_day=segments.last_of_day,
        spasms=spasms,
        activity=activity,
        big_entry=big_entry,
        immobile_hours=immobile_hours,
        pain=pain,
        interference=interference,
    )


def _timestamps(
    e: _Entries, days: int, day0: np.datetime64, rng: np.random.Generator
) -> np.ndarray:
    """Draw each entry's written time within its slot, rounded to 5 or 15 minutes."""
    entry_slot, entry_day, n = e.entry_slot, e.entry_day, e.person.size
    window = np.array(list(SLOTS.values()))
    minute = rng.integers(window[entry_slot, 0], window[entry_slot, 1] + 1)
    step = np.where(rng.random(n) < 0.5, 15, 5)
    minute = (np.floor(minute / step + 0.5) * step).astype(np.int64)
    # formatted once per distinct day and minute, then joined (fast for millions of entries)
    dates = (day0 + np.arange(days).astype("timedelta64[D]")).astype(str).astype(object)
    clock = np.array([f"T{m // 60:02d}:{m % 60:02d}" for m in range(1440)], dtype=object)
    timestamp = dates[entry_day] + clock[minute]

    return timestamp


def _text_cells(
    personas: Sequence[Persona], k: np.ndarray, e: _Entries, d: _Days, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Write problem, side, site, quality, swelling and skin, via small per-persona tables."""
    n, pday = e.person.size, e.pday
    in_dvt, skin_level = d.in_dvt, d.skin_level
    problem = np.array([p.problem for p in personas], dtype=object)[k]
    side = np.array([p.side for p in personas], dtype=object)[k]

    max_other = max(1, *(len(p.other_sites) for p in personas))
    site_table = np.array(
        [
            [p.site, *p.other_sites, *([p.site] * (max_other - len(p.other_sites)))]
            for p in personas
        ],
        dtype=object,
    )
    n_other = np.array([len(p.other_sites) for p in personas])[k]
    use_other = (rng.random(n) < np.array([p.other_site_prob for p in personas])[k]) & (n_other > 0)
    pick = 1 + np.floor(rng.random(n) * np.maximum(n_other, 1)).astype(np.int64)
    site = site_table[k, np.where(use_other, pick, 0)]

    max_extra = max(len(p.qualities) for p in personas) - 1
    quality_table = np.array(
        [_quality_combinations(p.qualities, max_extra) for p in personas], dtype=object
    )
    extra = (
        rng.random((n, max(max_extra, 1)))[:, :max_extra]
        < np.array([p.extra_quality_prob for p in personas])[k][:, None]
    )
    code = (
        (extra * (1 << np.arange(max_extra))).sum(axis=1)
        if max_extra
        else np.zeros(n, dtype=np.int64)
    )
    quality = quality_table[k, code]

    swelling = np.where(
        in_dvt[pday], np.array([p.dvt_side for p in personas], dtype=object)[k], "none"
    )
    skin = np.array(SKIN, dtype=object)[skin_level[pday]]

    return {
        "problem": problem,
        "side": side,
        "site": site,
        "quality": quality,
        "swelling": swelling,
        "skin": skin,
    }


def _interventions(
    personas: Sequence[Persona],
    which: np.ndarray,
    k: np.ndarray,
    e: _Entries,
    d: _Days,
    rng: np.random.Generator,
) -> np.ndarray:
    """Write the interventions: a bit mask over INTERVENTIONS, turned into text once per mask."""
    n, pday, person, entry_day = e.person.size, e.pday, e.person, e.entry_day
    activity, last_of_day, intervention_on = e.activity, e.last_of_day, d.intervention_on
    bit = {name: 1 << i for i, name in enumerate(INTERVENTIONS)}
    mask = np.zeros(n, dtype=np.int64)
    for j, p in enumerate(personas):
        rows = k == j
        if not rows.any():
            continue
        for name, prob in p.routine_interventions:
            hit = rows & (rng.random(n) < prob)
            mask |= np.where(hit, bit[name], 0)
        if p.session_intervention is not None:
            mask |= np.where(rows & (activity > 0), bit[p.session_intervention], 0)
        if p.intervention is not None and p.intervention_start_day is not None:
            if p.intervention_daily:
                logged = rows & last_of_day & intervention_on[pday]
            else:
                logged = rows & first_on_or_after(
                    person, entry_day, persona_values(personas, which, "intervention_start_day")
                )
                logged &= entry_day < (
                    p.intervention_end_day if p.intervention_end_day is not None else np.inf
                )
            mask |= np.where(logged, bit[p.intervention], 0)
    interventions = _masks_to_text(mask)
    return interventions


def _columns(
    personas: Sequence[Persona],
    k: np.ndarray,
    e: _Entries,
    d: _Days,
    timestamp: np.ndarray,
    cells: dict[str, np.ndarray],
    interventions: np.ndarray,
    notes: np.ndarray,
    rng: np.random.Generator,
) -> dict[str, Any]:
    """Leave optional cells empty now and then, and type every column as the journal's CSV."""
    n, pday, person, first_of_day = e.person.size, e.pday, e.person, e.first_of_day
    pain, interference, spasms, activity = e.pain, e.interference, e.spasms, e.activity
    immobile_hours, sleep = e.immobile_hours, d.sleep
    problem, side, site, quality = cells["problem"], cells["side"], cells["site"], cells["quality"]
    swelling, skin = cells["swelling"], cells["skin"]
    # ---- optional cells left empty now and then
    blank_prob = np.array([p.blank_cell_prob for p in personas])[k]
    optional = ("problem", "side", "site", "quality", "interference", "spasms", "activity_min",
                "immobile_hours", "sleep_hours", "swelling", "skin")  # fmt: skip
    blank = dict(zip(optional, (rng.random((len(optional), n)) < blank_prob[None, :]), strict=True))

    def text(values: np.ndarray, empty: np.ndarray) -> pd.api.extensions.ExtensionArray:
        values = values.copy()
        values[empty] = None
        return pd.array(values, dtype=_TEXT)

    def integers(values: np.ndarray, empty: np.ndarray) -> pd.api.extensions.ExtensionArray:
        return pd.arrays.IntegerArray(values.astype(np.int64), empty)

    def floats(values: np.ndarray, empty: np.ndarray) -> pd.api.extensions.ExtensionArray:
        return pd.arrays.FloatingArray(values.astype(np.float64), empty)

    sleep_written = sleep[pday]
    columns: dict[str, Any] = {
        "_person": person,
        "timestamp": pd.array(timestamp, dtype=_TEXT),
        "pain": integers(pain, np.zeros(n, dtype=bool)),
        "problem": text(problem, blank["problem"]),
        "side": text(side, blank["side"]),
        "site": text(site, blank["site"]),
        "quality": text(quality, blank["quality"]),
        "interference": integers(interference, blank["interference"]),
        "spasms": integers(spasms, blank["spasms"]),
        "activity_min": integers(np.rint(activity), blank["activity_min"]),
        "immobile_hours": floats(immobile_hours, blank["immobile_hours"]),
        "sleep_hours": floats(sleep_written, blank["sleep_hours"] | ~first_of_day),
        "swelling": text(swelling, blank["swelling"]),
        "skin": text(skin, blank["skin"]),
        "interventions": text(interventions, interventions == None),  # noqa: E711
        "notes": text(notes, notes == None),  # noqa: E711
    }
    separate = np.array([p.interference_separately for p in personas], dtype=bool)[k]
    if separate.any():
        columns.update(_interference_ratings(personas, k, e, d, blank_prob, separate, rng))
        columns["interference"] = integers(interference, blank["interference"] | separate)
    written = [
        name
        for name in COLUMN_ORDER
        if name not in _NOT_SIMULATED or (name in INTERFERENCE_COLUMNS and separate.any())
    ]
    if separate.all():
        written.remove("interference")
    missing = set(written) - set(columns)
    if missing:  # pragma: no cover - guards against a schema change
        msg = f"the simulator does not produce the journal columns {sorted(missing)}"
        raise RuntimeError(msg)
    return {"_person": columns["_person"], **{name: columns[name] for name in written}}


def _interference_ratings(personas, k, e, d, blank_prob, separate, rng) -> dict[str, Any]:
    """Draw the Basic Data Set's three interference ratings for the personas that write them.

    Drawn after every other column, so journals of personas without them stay byte-identical.
    """
    n, first_of_day = e.person.size, e.first_of_day

    def value(name: str) -> np.ndarray:
        return np.array([getattr(p, name) for p in personas], dtype=np.float64)[k]

    lost = np.clip(value("sleep_reference_hours") - d.sleep[e.pday], 0, None)
    means = {
        "interference_mood": value("mood_interference_per_pain") * e.pain,
        "interference_sleep": value("sleep_interference_per_pain") * e.pain
        + value("sleep_interference_per_lost_hour") * lost,
    }
    noise_sd = value("interference_noise_sd")
    out: dict[str, Any] = {}
    for name in INTERFERENCE_COLUMNS:
        if name == "interference_activities":
            rating = e.interference
        else:
            rating = np.clip(np.floor(rng.normal(means[name], noise_sd) + 0.5), 0, 10)
        empty = ~separate | (rng.random(n) < blank_prob)
        if name == "interference_sleep":
            empty |= ~first_of_day
        out[name] = pd.arrays.IntegerArray(rating.astype(np.int64), empty)
    return out


_NOT_SIMULATED: frozenset[str] = frozenset(("pain_number", "iscip_subtype", *INTERFERENCE_COLUMNS))
"""Optional Basic Data Set columns left out of simulated journals, as a person's own file may
leave out any optional column; the three interference ratings are written for personas with
``interference_separately`` (the single ``interference`` is then left empty for them)."""


def _quality_combinations(qualities: tuple[str, ...], max_extra: int) -> list[str]:
    """Text for every subset code: the first descriptor always, bit j adds descriptor j + 1.

    Descriptors are written in vocabulary order (``journal_schema.QUALITIES``), as the reader
    stores them, so that reading and writing a journal gives back the same text.
    """
    combos = []
    for code in range(1 << max_extra):
        chosen = [qualities[0]]
        chosen += [q for j, q in enumerate(qualities[1:]) if code >> j & 1]
        combos.append(MULTI_SEPARATOR.join(sorted(chosen, key=QUALITIES.index)))  # vocabulary order
    return combos


def _masks_to_text(mask: np.ndarray) -> np.ndarray:
    unique, inverse = np.unique(mask, return_inverse=True)
    table = np.array(
        [
            MULTI_SEPARATOR.join(n for i, n in enumerate(INTERVENTIONS) if m >> i & 1) or None
            for m in unique
        ],
        dtype=object,
    )
    return table[inverse] if mask.size else np.empty(0, dtype=object)
