"""Personas: made-up people whose pain journals have known, built-in effects.

A :class:`Persona` says which pain a person rates, how they keep their journal and the effects
built into their ratings; :class:`Note` is a free-text note they may write. The six bundled
personas, one per main cause of leg pain after spinal cord injury, live in
``data/journals/personas.yaml`` (:func:`list_personas`, :func:`load_persona`).
:func:`built_in_effects` lists a persona's effects from its parameters (never written twice);
:mod:`sci_pain.simulate.engine` turns a persona into a journal.

All data are synthetic: no record describes a real person.

Examples
--------
>>> list_personas()[:2]
('neuropathic', 'spasticity')
>>> load_persona("dvt").dvt_side
'left'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from sci_pain._docs import shared_docs
from sci_pain._resources import data_path, load_yaml
from sci_pain.errors import did_you_mean
from sci_pain.journal import INTERVENTIONS, QUALITIES, SIDES, SITES, SWELLING

__all__ = [
    "DEFAULT_START",
    "NOTE_TRIGGERS",
    "Note",
    "Persona",
    "as_persona",
    "built_in_effects",
    "effects_summary",
    "list_personas",
    "load_persona",
    "parse_start",
    "persona_records",
    "unknown_name_message",
]

NOTE_TRIGGERS: tuple[str, ...] = (
    "random",
    "evening",
    "poor_sleep",
    "many_spasms",
    "big_activity",
    "after_big_activity",
    "intervention_start",
    "stretch_start",
    "stretch_ongoing",
    "redness_start",
    "blister_start",
    "dvt_start",
    "dvt_second_day",
    "dvt_ongoing",
    "weight",
)
"""When a persona's note may be written (see :class:`Note`)."""

_PERSONAS_FILE = ("journals", "personas.yaml")
DEFAULT_START = "2026-01-05"
"""Day 0 of a simulated journal unless told otherwise (ISO 8601)."""


@dataclass(frozen=True)
class Note:
    """A free-text note a persona may write.

    Attributes
    ----------
    when : str
        One of :data:`NOTE_TRIGGERS`: ``random`` (any entry), ``evening`` (evening entries),
        ``poor_sleep`` (first entry of a day after a night more than 1.5 h below
        ``sleep_reference_hours``), ``many_spasms`` (an entry with at least twice
        ``spasms_mean`` spasms), ``big_activity`` (the entry that records a long session),
        ``after_big_activity`` (first entry ``activity_lag_days`` after one), and the first
        entry on or after an event day (``intervention_start``, ``stretch_start``,
        ``redness_start``, ``blister_start``, ``dvt_start``, ``dvt_second_day``), any entry
        during the bed-bound stretch or DVT episode (``stretch_ongoing``, ``dvt_ongoing``), or
        the first entry of every 14th day (``weight``; ``{weight_kg}`` in the text is filled in).
    text : str
        The note (synthetic; never starts with ``=``, ``+``, ``-`` or ``@``).
    prob : float
        Chance that a matching entry gets the note.
    """

    when: str
    text: str
    prob: float = 1.0

    def __post_init__(self) -> None:
        if self.when not in NOTE_TRIGGERS:
            hint = did_you_mean(self.when, NOTE_TRIGGERS)
            msg = f"note trigger {self.when!r} is not one of {list(NOTE_TRIGGERS)}.{hint}"
            raise ValueError(msg)
        if not 0 <= self.prob <= 1:
            msg = f"note {self.text!r}: prob must be between 0 and 1, got {self.prob!r}"
            raise ValueError(msg)
        if not self.text or self.text[0] in "=+-@":
            msg = f"note text must be non-empty and not start with '=', '+', '-' or '@': {self.text!r}"
            raise ValueError(msg)


@dataclass(frozen=True)
class Persona:
    """A synthetic person whose pain journal has known, built-in effects.

    Change a field with :func:`dataclasses.replace` to simulate a variant (for example a
    bigger evening effect) and check whether an analysis recovers it. Day numbers count from 0
    (the first day of the journal); ``None`` means "never".

    Attributes
    ----------
    name, cause, description : str
        Identity of the persona; ``cause`` is the main cause of leg pain it illustrates.
    problem : str
        The ``problem`` label written in every entry (which pain is rated).
    side : str
        ``side`` written in every entry (one of ``journal_schema.SIDES``).
    site : str
        Usual ``site`` (one of ``journal_schema.SITES``).
    other_sites : tuple of str
        Sites written instead, each equally likely, with probability ``other_site_prob``.
    qualities : tuple of str
        Pain descriptors (from ``journal_schema.QUALITIES``): the first is always written, each
        other one with probability ``extra_quality_prob``.
    baseline_pain : float
        Pain (NRS 0-10) in the morning, after ``sleep_reference_hours`` of sleep, with no
        spasms, no extra activity and no event; the intercept of the model.
    afternoon_effect, evening_effect : float
        NRS points added to afternoon and evening entries (compared with morning).
    sleep_mean_hours, sleep_sd_hours : float
        Hours slept per night: normal, rounded to half hours, clipped to 3-10 h.
    sleep_reference_hours : float
        Sleep at which the sleep effect is zero.
    sleep_effect_per_hour : float
        NRS points added to every entry of a day per hour slept below the reference the night
        before (subtracted per hour above it).
    spasms_mean : float
        Mean number of spasms per interval between slots (overnight for the morning slot).
        Each day's rate varies (gamma, shape 4); counts are Poisson.
    spasm_effect : float
        NRS points per spasm written in the entry.
    activity_mean_min, activity_sd_min : float
        Minutes of the day's exercise or therapy session (normal, rounded to 5 min), held
        between the morning and afternoon slots.
    activity_jump_prob, activity_jump_min : float
        Chance that a day is a "big day", and the minutes a big day adds.
    activity_reference_min : float
        Session length at which the activity effect is zero.
    activity_effect_per_10min : float
        NRS points per 10 minutes of activity above the reference, ``activity_lag_days`` later
        (no effect below the reference).
    activity_lag_days : int
        Delay of the activity effect in days.
    therapy_weekdays_only : bool
        No session on Saturdays and Sundays (there is never one on a bed-bound day).
    session_intervention : str or None
        Intervention written in the entry that records a session (e.g. ``physical_therapy``).
    immobile_day_hours, immobile_night_hours, immobile_sd_hours : float
        Longest time without a change of position in a daytime interval and overnight
        (normal, rounded to half hours).
    immobile_stretch_start_day, immobile_stretch_days : int or None
        A stretch of days spent bed-bound with too little turning.
    immobile_stretch_extra_hours : float
        Hours added to every interval's longest immobile time during the stretch.
    redness_after_days, blister_after_days : int or None
        Days after the stretch starts when non-blanching redness, then a blister, appear
        (only if the stretch is still going on then).
    blister_heal_days, redness_heal_days : int
        Days after the stretch ends until the blister, then the redness, have healed.
    redness_pain_effect, blister_pain_effect : float
        NRS points added while the skin shows redness or a blister.
    skin_spasm_factor : float
        Spasm rate multiplier while the skin is not ``ok``.
    intervention : str or None
        The intervention on trial (from ``journal_schema.INTERVENTIONS``).
    intervention_start_day, intervention_end_day : int or None
        First day, and first day without it (``None``: until the end).
    intervention_daily : bool
        Written in the last entry of every day it is used (``True``) or once, in the first
        entry on or after the start day (``False``, e.g. an injection).
    intervention_effect : float
        NRS points added once it acts fully (negative = relief).
    intervention_ramp_days : int
        Days until it acts fully (0 = at once).
    intervention_spasm_factor : float
        Spasm rate multiplier once it acts fully.
    dvt_start_day, dvt_days : int or None
        A DVT episode: first day, and how many days swelling and added pain last.
    dvt_side : str
        Swollen leg (``left``, ``right`` or ``both``), written in ``swelling``.
    dvt_pain_effect : float
        NRS points added at the height of the episode.
    dvt_ramp_days : int
        Days for the added pain to rise to ``dvt_pain_effect``.
    trend_per_30_days : float
        Slow drift in NRS points per 30 days.
    weight_start_kg, weight_gain_kg_per_30_days : float or None
        Body weight on day 0 and its gain, for ``weight`` notes.
    day_noise_sd, day_noise_autocorr, entry_noise_sd : float
        Day-to-day noise (AR(1): stationary SD and lag-1 autocorrelation) and entry noise.
    interference_per_pain, interference_noise_sd : float
        ``interference`` = ``interference_per_pain`` * pain + noise, rounded, clipped to 0-10.
    interference_separately, mood_interference_per_pain, sleep_interference_per_pain, sleep_interference_per_lost_hour : bool, float
        Write the Basic Data Set's three ratings instead of ``interference``: activities as
        above; mood = ``mood_interference_per_pain`` * pain + noise; sleep (a day's first
        entry) = ``sleep_interference_per_pain`` * pain + ``sleep_interference_per_lost_hour``
        * hours slept below ``sleep_reference_hours`` + noise.
    missed_day_prob : float
        Chance that a whole day has no entry.
    morning_prob, afternoon_prob, evening_prob : float
        Chance of an entry in each slot on a day that is not missed.
    blank_cell_prob : float
        Chance that an optional cell is left empty.
    routine_interventions : tuple of (str, float)
        Interventions written in any entry with the given probability (no built-in effect).
    notes : tuple of Note
        Free-text notes; the first matching rule wins.
    sources : tuple of str
        Citations for the clinical picture (the effect sizes are illustrative).
    """

    name: str
    cause: str
    description: str
    problem: str
    side: str
    site: str
    qualities: tuple[str, ...]
    baseline_pain: float
    other_sites: tuple[str, ...] = ()
    other_site_prob: float = 0.0
    extra_quality_prob: float = 0.3
    afternoon_effect: float = 0.0
    evening_effect: float = 0.0
    sleep_mean_hours: float = 7.0
    sleep_sd_hours: float = 0.8
    sleep_reference_hours: float = 7.0
    sleep_effect_per_hour: float = 0.0
    spasms_mean: float = 1.0
    spasm_effect: float = 0.0
    activity_mean_min: float = 20.0
    activity_sd_min: float = 10.0
    activity_jump_prob: float = 0.0
    activity_jump_min: float = 0.0
    activity_reference_min: float = 30.0
    activity_effect_per_10min: float = 0.0
    activity_lag_days: int = 1
    therapy_weekdays_only: bool = False
    session_intervention: str | None = None
    immobile_day_hours: float = 1.5
    immobile_night_hours: float = 3.0
    immobile_sd_hours: float = 0.5
    immobile_stretch_start_day: int | None = None
    immobile_stretch_days: int = 0
    immobile_stretch_extra_hours: float = 0.0
    redness_after_days: int | None = None
    blister_after_days: int | None = None
    blister_heal_days: int = 7
    redness_heal_days: int = 14
    redness_pain_effect: float = 0.0
    blister_pain_effect: float = 0.0
    skin_spasm_factor: float = 1.0
    intervention: str | None = None
    intervention_start_day: int | None = None
    intervention_end_day: int | None = None
    intervention_daily: bool = True
    intervention_effect: float = 0.0
    intervention_ramp_days: int = 0
    intervention_spasm_factor: float = 1.0
    dvt_start_day: int | None = None
    dvt_days: int = 0
    dvt_side: str = "left"
    dvt_pain_effect: float = 0.0
    dvt_ramp_days: int = 0
    trend_per_30_days: float = 0.0
    weight_start_kg: float | None = None
    weight_gain_kg_per_30_days: float = 0.0
    day_noise_sd: float = 0.5
    day_noise_autocorr: float = 0.5
    entry_noise_sd: float = 0.6
    interference_per_pain: float = 0.7
    interference_noise_sd: float = 0.7
    interference_separately: bool = False
    mood_interference_per_pain: float = 0.5
    sleep_interference_per_pain: float = 0.4
    sleep_interference_per_lost_hour: float = 0.0
    missed_day_prob: float = 0.05
    morning_prob: float = 0.85
    afternoon_prob: float = 0.5
    evening_prob: float = 0.8
    blank_cell_prob: float = 0.02
    routine_interventions: tuple[tuple[str, float], ...] = ()
    notes: tuple[Note, ...] = ()
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Accept lists and mappings (as read from YAML); store tuples so the persona is hashable.
        routine = self.routine_interventions
        if isinstance(routine, dict):
            routine = routine.items()
        notes = tuple(n if isinstance(n, Note) else Note(**n) for n in self.notes)
        object.__setattr__(self, "qualities", tuple(self.qualities))
        object.__setattr__(self, "other_sites", tuple(self.other_sites))
        object.__setattr__(self, "routine_interventions", tuple((k, v) for k, v in routine))
        object.__setattr__(self, "notes", notes)
        object.__setattr__(self, "sources", tuple(self.sources))
        self._validate()

    def _validate(self) -> None:
        where = f"persona {self.name!r}"
        _check_vocabularies(self, where)
        _check_numbers(self, where)


def _check_in(where: str, field: str, value: object, allowed: Sequence[str]) -> None:
    if value not in allowed:
        hint = did_you_mean(value, allowed)
        msg = f"{where}: {field}={value!r} is not one of {list(allowed)}.{hint}"
        raise ValueError(msg)


def _check_vocabularies(p: Persona, where: str) -> None:
    """Check that every word a persona writes is in the journal's vocabulary."""
    _check_in(where, "side", p.side, SIDES)
    _check_in(where, "site", p.site, SITES)
    _check_in(where, "dvt_side", p.dvt_side, [s for s in SWELLING if s != "none"])
    for site in p.other_sites:
        _check_in(where, "other_sites", site, SITES)
    if not p.qualities:
        msg = f"{where}: qualities must name at least one descriptor from {list(QUALITIES)}"
        raise ValueError(msg)
    for quality in p.qualities:
        _check_in(where, "qualities", quality, QUALITIES)
    for name in ("intervention", "session_intervention"):
        if getattr(p, name) is not None:
            _check_in(where, name, getattr(p, name), INTERVENTIONS)
    for name, prob in p.routine_interventions:
        _check_in(where, "routine_interventions", name, INTERVENTIONS)
        _check_prob(where, f"routine_interventions[{name!r}]", prob)


_PROB_FIELDS = (
    "other_site_prob",
    "extra_quality_prob",
    "activity_jump_prob",
    "missed_day_prob",
    "morning_prob",
    "afternoon_prob",
    "evening_prob",
    "blank_cell_prob",
)


def _check_numbers(p: Persona, where: str) -> None:
    """Check probabilities, the NRS baseline, the noise autocorrelation, days and amounts."""
    for name in _PROB_FIELDS:
        _check_prob(where, name, getattr(p, name))
    if not 0 <= p.baseline_pain <= 10:
        msg = f"{where}: baseline_pain must be within 0-10 (NRS), got {p.baseline_pain!r}"
        raise ValueError(msg)
    if not -1 < p.day_noise_autocorr < 1:
        msg = f"{where}: day_noise_autocorr must be between -1 and 1, got {p.day_noise_autocorr!r}"
        raise ValueError(msg)
    for name in _DAY_FIELDS:
        value = getattr(p, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            msg = f"{where}: {name} must be a whole number of days, 0 or more, got {value!r}"
            raise ValueError(msg)
    for name in _NONNEGATIVE_FIELDS:
        value = getattr(p, name)
        if value is not None and not (isinstance(value, (int, float)) and value >= 0):
            msg = f"{where}: {name} must be a number, 0 or more, got {value!r}"
            raise ValueError(msg)


_DAY_FIELDS = (
    "activity_lag_days",
    "immobile_stretch_start_day",
    "immobile_stretch_days",
    "redness_after_days",
    "blister_after_days",
    "blister_heal_days",
    "redness_heal_days",
    "intervention_start_day",
    "intervention_end_day",
    "intervention_ramp_days",
    "dvt_start_day",
    "dvt_days",
    "dvt_ramp_days",
)
_NONNEGATIVE_FIELDS = (
    "sleep_mean_hours",
    "sleep_sd_hours",
    "sleep_reference_hours",
    "spasms_mean",
    "activity_mean_min",
    "activity_sd_min",
    "activity_jump_min",
    "activity_reference_min",
    "immobile_day_hours",
    "immobile_night_hours",
    "immobile_sd_hours",
    "immobile_stretch_extra_hours",
    "skin_spasm_factor",
    "intervention_spasm_factor",
    "weight_start_kg",
    "day_noise_sd",
    "entry_noise_sd",
    "interference_noise_sd",
)


def _check_prob(where: str, name: str, value: object) -> None:
    if not isinstance(value, (int, float)) or not 0 <= value <= 1:
        msg = f"{where}: {name} is a probability and must be between 0 and 1, got {value!r}"
        raise ValueError(msg)


# --------------------------------------------------------------------------------------------
# Personas as data


@cache
def persona_records() -> tuple[dict[str, Any], ...]:
    """Return the raw records of ``data/journals/personas.yaml``, in file order (read once).

    Each record has ``name``, ``cause``, ``description``, ``sources``, ``example`` (the
    ``days`` and ``seed`` of its example journal), ``parameters`` (the :class:`Persona` fields)
    and optionally ``notes``.

    Returns
    -------
    tuple of dict

    Raises
    ------
    ValueError
        If the file is not a list of personas or a record lacks a required key.

    Examples
    --------
    >>> persona_records()[0]["example"]["seed"] >= 0
    True
    """
    path = data_path(*_PERSONAS_FILE)
    records = load_yaml(path)
    if not isinstance(records, list):
        msg = f"{path}: expected a list of personas, found {type(records).__name__}"
        raise ValueError(msg)
    required = {"name", "cause", "description", "sources", "example", "parameters"}
    for i, record in enumerate(records, start=1):
        missing = required - set(record)
        if missing:
            msg = f"{path}: persona {i} ({record.get('name', '?')!r}): missing {sorted(missing)}"
            raise ValueError(msg)
    return tuple(records)


@cache
def _personas() -> dict[str, Persona]:
    personas = {}
    for record in persona_records():
        try:
            personas[record["name"]] = Persona(
                name=record["name"],
                cause=record["cause"],
                description=record["description"],
                sources=record["sources"],
                notes=record.get("notes", ()),
                **record["parameters"],
            )
        except TypeError as error:
            known = [f.name for f in fields(Persona)]
            msg = (
                f"{data_path(*_PERSONAS_FILE)}: persona {record['name']!r}: {error}. "
                f"Parameters are the fields of Persona: {known}"
            )
            raise ValueError(msg) from error
    return personas


def list_personas() -> tuple[str, ...]:
    """Return the names of the bundled personas, in file order.

    Examples
    --------
    >>> list_personas()[:2]
    ('neuropathic', 'spasticity')
    """
    return tuple(_personas())


@shared_docs(error="ValueError", key="name", things="personas")
def load_persona(name: str) -> Persona:
    """Return a bundled persona by name.

    Parameters
    ----------
    name : str
        One of :func:`list_personas`.

    Returns
    -------
    Persona
        Frozen: change a field with :func:`dataclasses.replace`.

    %(raises_unknown_name)s

    Examples
    --------
    >>> persona = load_persona("neuropathic")
    >>> persona.evening_effect
    1.5
    >>> import dataclasses
    >>> dataclasses.replace(persona, evening_effect=3.0).evening_effect
    3.0
    """
    personas = _personas()
    if name not in personas:
        raise ValueError(unknown_name_message("persona", name, list(personas)))
    return personas[name]


def unknown_name_message(what: str, name: object, known: list[str]) -> str:
    """Return the message for an unknown persona or example-journal name.

    Parameters
    ----------
    what : str
        What was looked up (``"persona"``, ``"example journal"``).
    name : object
        The name given.
    known : list of str
        The valid names.

    Returns
    -------
    str

    Examples
    --------
    >>> unknown_name_message("persona", "dvvt", ["dvt", "overuse"])
    "no persona named 'dvvt'; choose one of ['dvt', 'overuse']. Did you mean 'dvt'?"
    """
    return f"no {what} named {name!r}; choose one of {known}.{did_you_mean(name, known, n=1)}"


def as_persona(persona: str | Persona) -> Persona:
    """Return `persona` itself, or the bundled persona of that name.

    Parameters
    ----------
    persona : str or Persona
        A :class:`Persona`, or a name for :func:`load_persona` (which raises ``ValueError`` for
        an unknown one).

    Returns
    -------
    Persona
        The persona, ready to simulate.

    Raises
    ------
    TypeError
        For anything but a name or a persona.

    Examples
    --------
    >>> as_persona("overuse").name
    'overuse'
    """
    if isinstance(persona, Persona):
        return persona
    if isinstance(persona, str):
        return load_persona(persona)
    msg = f"persona must be a name from {list(list_personas())} or a Persona, got {type(persona).__name__}"
    raise TypeError(msg)


# --------------------------------------------------------------------------------------------
# Built-in effects, described from the parameters (never written twice)


def built_in_effects(persona: str | Persona, *, start: str = DEFAULT_START) -> pd.DataFrame:
    """Return the effects built into a persona's journal, one row per parameter.

    Parameters
    ----------
    persona : str or Persona
        A bundled persona's name or a :class:`Persona`.
    start : str
        Date of day 0 (ISO 8601), used to give event days as dates.

    Returns
    -------
    pandas.DataFrame
        Columns ``effect`` (short name), ``parameter`` (the :class:`Persona` field), ``value``
        and ``meaning``. Only effects that are switched on are listed, plus the baseline.

    Examples
    --------
    >>> effects = built_in_effects("spasticity")
    >>> effects.set_index("parameter").loc["spasm_effect", "value"]
    0.3
    """
    p = as_persona(persona)
    day0 = parse_start(start)

    def date(day: int | None) -> str:
        return str(day0 + np.timedelta64(int(day), "D")) if day is not None else "never"

    rows = [
        (effect, parameter, getattr(p, parameter), meaning)
        for effect_rows in (_rhythm_rows, _intervention_rows, _pressure_rows, _dvt_and_trend_rows)
        for effect, parameter, meaning in effect_rows(p, date)
    ]
    frame = pd.DataFrame(rows, columns=["effect", "parameter", "value", "meaning"])
    return frame.astype({"effect": "str", "parameter": "str", "meaning": "str"})


_Rows = list[tuple[str, str, str]]
"""``(effect, parameter, meaning)`` rows of :func:`built_in_effects`."""


def _switched_on(table: tuple[tuple[str, str, str, object], ...]) -> _Rows:
    """Keep the ``(effect, parameter, meaning)`` of the rows whose last item is true."""
    return [(effect, parameter, meaning) for effect, parameter, meaning, on in table if on]


def _rhythm_rows(p: Persona, date: Callable[[int | None], str]) -> _Rows:
    """List the baseline and the everyday effects: time of day, sleep, spasms, activity."""
    sleep, activity = p.sleep_effect_per_hour, p.activity_effect_per_10min
    return _switched_on((
        ("baseline", "baseline_pain", "NRS pain in the morning with no other effect acting", True),
        ("time of day", "afternoon_effect", "NRS points added to afternoon entries", p.afternoon_effect),
        ("time of day", "evening_effect", "NRS points added to evening entries", p.evening_effect),
        ("sleep", "sleep_effect_per_hour", "NRS points per hour of sleep below the reference", sleep),
        ("sleep", "sleep_reference_hours", "hours of sleep at which the effect is zero", sleep),
        ("sleep interference", "sleep_interference_per_lost_hour",
         "interference-with-sleep points (0-10) per hour of sleep below the reference",
         p.interference_separately and p.sleep_interference_per_lost_hour),
        ("spasms", "spasm_effect", "NRS points per spasm written in the entry", p.spasm_effect),
        ("activity", "activity_effect_per_10min", "NRS points per 10 min above the reference", activity),
        ("activity", "activity_reference_min", "session minutes at which the effect is zero", activity),
        ("activity", "activity_lag_days", "days from the session to the pain", activity),
    ))  # fmt: skip


def _intervention_rows(p: Persona, date: Callable[[int | None], str]) -> _Rows:
    """List the trial intervention's parameters: when, and what it does."""
    if p.intervention is None or p.intervention_start_day is None:
        return []
    end = p.intervention_end_day
    return _switched_on((
        ("intervention", "intervention", "intervention written in the journal", True),
        ("intervention", "intervention_start_day", f"first day ({date(p.intervention_start_day)})", True),
        ("intervention", "intervention_end_day", f"first day without ({date(end)})", end is not None),
        ("intervention", "intervention_effect", "NRS points once it acts fully", p.intervention_effect),
        ("intervention", "intervention_spasm_factor", "spasm rate multiplier once it acts fully",
         p.intervention_spasm_factor != 1),
        ("intervention", "intervention_ramp_days", "days until it acts fully", p.intervention_ramp_days),
    ))  # fmt: skip


def _pressure_rows(p: Persona, date: Callable[[int | None], str]) -> _Rows:
    """List the bed-bound stretch and the pressure injury it causes."""
    if p.immobile_stretch_start_day is None or not p.immobile_stretch_days:
        return []
    effect = "pressure injury"
    first = f"first bed-bound day ({date(p.immobile_stretch_start_day)})"
    rows = [
        (effect, "immobile_stretch_start_day", first),
        (effect, "immobile_stretch_days", "days bed-bound"),
        (effect, "immobile_stretch_extra_hours", "hours added to the longest immobile time"),
    ]
    for name, label in (("redness_after_days", "redness"), ("blister_after_days", "blister")):
        days_after = getattr(p, name)
        if days_after is not None and days_after < p.immobile_stretch_days:
            day = p.immobile_stretch_start_day + days_after
            rows.append((effect, name, f"{label} from day {day} ({date(day)})"))
    for name in ("redness_pain_effect", "blister_pain_effect"):
        if getattr(p, name):
            rows.append((effect, name, "NRS points while the skin shows it"))
    rows += [
        (effect, "blister_heal_days", "days after the stretch until the blister heals"),
        (effect, "redness_heal_days", "days after the stretch until the redness fades"),
    ]
    if p.skin_spasm_factor != 1:
        rows.append((effect, "skin_spasm_factor", "spasm rate multiplier while the skin is not ok"))
    return rows


def _dvt_and_trend_rows(p: Persona, date: Callable[[int | None], str]) -> _Rows:
    """List the DVT episode and the slow trend."""
    rows = []
    if p.dvt_start_day is not None and p.dvt_days:
        rows += [
            ("DVT", "dvt_start_day", f"first day of swelling ({date(p.dvt_start_day)})"),
            ("DVT", "dvt_days", "days of swelling and added pain"),
            ("DVT", "dvt_side", "swollen leg"),
            ("DVT", "dvt_pain_effect", "NRS points at the height of the episode"),
            ("DVT", "dvt_ramp_days", "days for the added pain to rise"),
        ]
    if p.trend_per_30_days:
        rows.append(("trend", "trend_per_30_days", "NRS points per 30 days"))
    return rows


def _fmt(x: float) -> str:
    return f"{x:+g}"


def effects_summary(p: Persona, start: str = DEFAULT_START) -> str:
    """Return one line naming every built-in effect of a persona with its exact values.

    Parameters
    ----------
    p : Persona
        The persona.
    start : str
        Date of day 0 (ISO 8601), used to give event days as dates.

    Returns
    -------
    str
        Effects separated by ``"; "`` (the ``effects`` column of the example journals' table).

    See Also
    --------
    built_in_effects : the same effects as a table.

    Examples
    --------
    >>> effects_summary(load_persona("spasticity")).split("; ")[0]
    'baseline 2.5'
    """
    day0 = parse_start(start)

    def when(day: int) -> str:
        return f"day {day} ({day0 + np.timedelta64(int(day), 'D')})"

    parts = [
        part
        for summary in (_rhythm_summary, _intervention_summary, _pressure_summary, _dvt_summary)
        for part in summary(p, when)
    ]
    if p.trend_per_30_days:
        parts.append(f"trend {_fmt(p.trend_per_30_days)} per 30 days")
    return "; ".join(parts)


def _rhythm_summary(p: Persona, when: Callable[[int], str]) -> list[str]:
    """Describe the baseline and the everyday effects."""
    parts = [f"baseline {p.baseline_pain:g}"]
    if p.afternoon_effect or p.evening_effect:
        parts.append(
            f"afternoon {_fmt(p.afternoon_effect)}, evening {_fmt(p.evening_effect)} vs morning"
        )
    if p.sleep_effect_per_hour:
        parts.append(
            f"{_fmt(p.sleep_effect_per_hour)} per hour of sleep below {p.sleep_reference_hours:g} h"
        )
    if p.spasm_effect:
        parts.append(f"{_fmt(p.spasm_effect)} per spasm")
    if p.activity_effect_per_10min:
        parts.append(
            f"{_fmt(p.activity_effect_per_10min)} per 10 min of activity above "
            f"{p.activity_reference_min:g} min, "
            f"{p.activity_lag_days} day{'' if p.activity_lag_days == 1 else 's'} later"
        )
    return parts


def _intervention_summary(p: Persona, when: Callable[[int], str]) -> list[str]:
    """Describe the trial intervention."""
    if p.intervention is None or p.intervention_start_day is None:
        return []
    if p.intervention_daily:
        text = f"{p.intervention} from {when(p.intervention_start_day)}"
    else:
        text = f"{p.intervention} once, on {when(p.intervention_start_day)}"
    if p.intervention_end_day is not None:
        text += f" to day {p.intervention_end_day - 1}"
    effects = []
    if p.intervention_effect:
        effects.append(f"pain {_fmt(p.intervention_effect)}")
    if p.intervention_spasm_factor != 1:
        effects.append(f"spasms x{p.intervention_spasm_factor:g}")
    text += ": " + (", ".join(effects) if effects else "no built-in effect")
    if p.intervention_ramp_days:
        text += f" over {p.intervention_ramp_days} days"
    return [text]


def _pressure_summary(p: Persona, when: Callable[[int], str]) -> list[str]:
    """Describe the bed-bound stretch and the pressure injury."""
    if p.immobile_stretch_start_day is None or not p.immobile_stretch_days:
        return []
    first = p.immobile_stretch_start_day
    last = first + p.immobile_stretch_days - 1
    text = f"bed-bound days {first}-{last} (+{p.immobile_stretch_extra_hours:g} h immobile)"
    if p.redness_after_days is not None and p.redness_after_days < p.immobile_stretch_days:
        text += f", redness from day {first + p.redness_after_days} ({_fmt(p.redness_pain_effect)})"
    if p.blister_after_days is not None and p.blister_after_days < p.immobile_stretch_days:
        text += f", blister from day {first + p.blister_after_days} ({_fmt(p.blister_pain_effect)})"
    text += (
        f", blister healed by day {last + 1 + p.blister_heal_days}, redness by day "
        f"{last + 1 + p.redness_heal_days}"
    )
    if p.skin_spasm_factor != 1:
        text += f", spasms x{p.skin_spasm_factor:g} while the skin is not ok"
    return [text]


def _dvt_summary(p: Persona, when: Callable[[int], str]) -> list[str]:
    """Describe the DVT episode."""
    if p.dvt_start_day is None or not p.dvt_days:
        return []
    last = p.dvt_start_day + p.dvt_days - 1
    return [
        f"DVT {p.dvt_side} leg {when(p.dvt_start_day)} to day {last}: swelling {p.dvt_side}, "
        f"pain {_fmt(p.dvt_pain_effect)} reached over {p.dvt_ramp_days} days"
    ]


def parse_start(start: object) -> np.datetime64:
    """Return day 0 of a journal as a NumPy date.

    Parameters
    ----------
    start : str, datetime.date, numpy.datetime64 or pandas.Timestamp
        A date; text as ISO 8601 (``"2026-01-05"``).

    Returns
    -------
    numpy.datetime64
        The date, in days.

    Raises
    ------
    ValueError
        For anything that is not a date.

    Examples
    --------
    >>> str(parse_start("2026-01-05"))
    '2026-01-05'
    """
    try:
        if isinstance(start, (_dt.date, np.datetime64, pd.Timestamp)):
            return np.datetime64(pd.Timestamp(start).date(), "D")
        text = str(start)
        return np.datetime64(_dt.date.fromisoformat(text), "D")
    except (TypeError, ValueError) as error:
        msg = f"start must be a date like '2026-01-05' (ISO 8601, year-month-day), got {start!r}"
        raise ValueError(msg) from error
