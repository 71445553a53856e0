"""Simulated pain journals whose effects are known, and the bundled example journals.

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
>>> list_example_journals()["name"].tolist()
['neuropathic', 'spasticity', 'overuse', 'pressure_injury', 'dvt', 'atrophy_weight']
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sci_pain._resources import data_path
from sci_pain.journal import (
    COLUMN_ORDER,
    INTERVENTIONS,
    MULTI_SEPARATOR,
    QUALITIES,
    SIDES,
    SITES,
    SKIN,
    SWELLING,
)

if TYPE_CHECKING:
    from sci_pain.journal import Journal

__all__ = [
    "Note",
    "Persona",
    "NOTE_TRIGGERS",
    "SLOTS",
    "load_persona",
    "list_personas",
    "built_in_effects",
    "simulate_journal",
    "simulate_cohort",
    "list_example_journals",
    "example_journal_path",
    "load_example_journal",
]

SLOTS: dict[str, tuple[int, int]] = {
    "morning": (7 * 60, 9 * 60 + 30),
    "afternoon": (13 * 60, 15 * 60 + 30),
    "evening": (19 * 60 + 30, 22 * 60),
}
"""Entry slots and their time windows in minutes after midnight (inclusive)."""

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
_DEFAULT_START = "2026-01-05"
# Text columns: pandas 3's default "str" dtype, spelled so that pandas 2.3 (the floor) gives the
# same (there, dtype="str" would turn an empty cell into the text "None").
_TEXT = pd.StringDtype(na_value=np.nan)
_N_SLOTS = len(SLOTS)
_POOR_SLEEP_MARGIN_HOURS = 1.5  # "poor_sleep" notes: sleep below the reference by this much
_NIGHT_MAX_HOURS = 10.0  # longest possible immobile stretch in the overnight interval
_DAY_MAX_HOURS = 6.0  # ... and in a daytime interval


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
            close = difflib.get_close_matches(str(self.when), NOTE_TRIGGERS, n=3)
            hint = f" Did you mean {close}?" if close else ""
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

        def check_in(field: str, value: object, allowed: Sequence[str]) -> None:
            if value not in allowed:
                close = difflib.get_close_matches(str(value), allowed, n=3)
                hint = f" Did you mean {close}?" if close else ""
                msg = f"{where}: {field}={value!r} is not one of {list(allowed)}.{hint}"
                raise ValueError(msg)

        check_in("side", self.side, SIDES)
        check_in("site", self.site, SITES)
        check_in("dvt_side", self.dvt_side, [s for s in SWELLING if s != "none"])
        for site in self.other_sites:
            check_in("other_sites", site, SITES)
        if not self.qualities:
            msg = f"{where}: qualities must name at least one descriptor from {list(QUALITIES)}"
            raise ValueError(msg)
        for quality in self.qualities:
            check_in("qualities", quality, QUALITIES)
        for name in ("intervention", "session_intervention"):
            if getattr(self, name) is not None:
                check_in(name, getattr(self, name), INTERVENTIONS)
        for name, prob in self.routine_interventions:
            check_in("routine_interventions", name, INTERVENTIONS)
            _check_prob(where, f"routine_interventions[{name!r}]", prob)
        for name in (
            "other_site_prob",
            "extra_quality_prob",
            "activity_jump_prob",
            "missed_day_prob",
            "morning_prob",
            "afternoon_prob",
            "evening_prob",
            "blank_cell_prob",
        ):
            _check_prob(where, name, getattr(self, name))
        if not 0 <= self.baseline_pain <= 10:
            msg = f"{where}: baseline_pain must be within 0-10 (NRS), got {self.baseline_pain!r}"
            raise ValueError(msg)
        if not -1 < self.day_noise_autocorr < 1:
            msg = f"{where}: day_noise_autocorr must be between -1 and 1, got {self.day_noise_autocorr!r}"
            raise ValueError(msg)
        for name in _DAY_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
                msg = f"{where}: {name} must be a whole number of days, 0 or more, got {value!r}"
                raise ValueError(msg)
        for name in _NONNEGATIVE_FIELDS:
            value = getattr(self, name)
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
def _persona_records() -> tuple[dict[str, Any], ...]:
    import yaml

    path = data_path(*_PERSONAS_FILE)
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
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
    for record in _persona_records():
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
            known = [f.name for f in dataclasses.fields(Persona)]
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


def load_persona(name: str) -> Persona:
    """Return a bundled persona by name.

    Parameters
    ----------
    name : str
        One of :func:`list_personas`.

    Returns
    -------
    Persona

    Raises
    ------
    ValueError
        For an unknown name; the message lists the personas and suggests close matches.

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
        raise ValueError(_unknown_name_message("persona", name, list(personas)))
    return personas[name]


def _unknown_name_message(what: str, name: object, known: list[str]) -> str:
    close = difflib.get_close_matches(str(name), known, n=3)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return f"no {what} named {name!r}; choose one of {known}.{hint}"


def _as_persona(persona: str | Persona) -> Persona:
    if isinstance(persona, Persona):
        return persona
    if isinstance(persona, str):
        return load_persona(persona)
    msg = f"persona must be a name from {list(list_personas())} or a Persona, got {type(persona).__name__}"
    raise TypeError(msg)


# --------------------------------------------------------------------------------------------
# Built-in effects, described from the parameters (never written twice)


def built_in_effects(persona: str | Persona, *, start: str = _DEFAULT_START) -> pd.DataFrame:
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
    p = _as_persona(persona)
    day0 = _parse_start(start)
    rows: list[tuple[str, str, object, str]] = []

    def add(effect: str, parameter: str, meaning: str) -> None:
        rows.append((effect, parameter, getattr(p, parameter), meaning))

    def date(day: int | None) -> str:
        return str(day0 + np.timedelta64(int(day), "D")) if day is not None else "never"

    add("baseline", "baseline_pain", "NRS pain in the morning with no other effect acting")
    if p.afternoon_effect:
        add("time of day", "afternoon_effect", "NRS points added to afternoon entries")
    if p.evening_effect:
        add("time of day", "evening_effect", "NRS points added to evening entries")
    if p.sleep_effect_per_hour:
        add("sleep", "sleep_effect_per_hour", "NRS points per hour of sleep below the reference")
        add("sleep", "sleep_reference_hours", "hours of sleep at which the effect is zero")
    if p.spasm_effect:
        add("spasms", "spasm_effect", "NRS points per spasm written in the entry")
    if p.activity_effect_per_10min:
        add("activity", "activity_effect_per_10min", "NRS points per 10 min above the reference")
        add("activity", "activity_reference_min", "session minutes at which the effect is zero")
        add("activity", "activity_lag_days", "days from the session to the pain")
    if p.intervention is not None and p.intervention_start_day is not None:
        add("intervention", "intervention", "intervention written in the journal")
        add(
            "intervention",
            "intervention_start_day",
            f"first day ({date(p.intervention_start_day)})",
        )
        if p.intervention_end_day is not None:
            add(
                "intervention",
                "intervention_end_day",
                f"first day without ({date(p.intervention_end_day)})",
            )
        if p.intervention_effect:
            add("intervention", "intervention_effect", "NRS points once it acts fully")
        if p.intervention_spasm_factor != 1:
            add(
                "intervention",
                "intervention_spasm_factor",
                "spasm rate multiplier once it acts fully",
            )
        if p.intervention_ramp_days:
            add("intervention", "intervention_ramp_days", "days until it acts fully")
    if p.immobile_stretch_start_day is not None and p.immobile_stretch_days:
        add(
            "pressure injury",
            "immobile_stretch_start_day",
            f"first bed-bound day ({date(p.immobile_stretch_start_day)})",
        )
        add("pressure injury", "immobile_stretch_days", "days bed-bound")
        add(
            "pressure injury",
            "immobile_stretch_extra_hours",
            "hours added to the longest immobile time",
        )
        for name, label in (("redness_after_days", "redness"), ("blister_after_days", "blister")):
            days_after = getattr(p, name)
            if days_after is not None and days_after < p.immobile_stretch_days:
                day = p.immobile_stretch_start_day + days_after
                add("pressure injury", name, f"{label} from day {day} ({date(day)})")
        for name in ("redness_pain_effect", "blister_pain_effect"):
            if getattr(p, name):
                add("pressure injury", name, "NRS points while the skin shows it")
        add(
            "pressure injury", "blister_heal_days", "days after the stretch until the blister heals"
        )
        add(
            "pressure injury", "redness_heal_days", "days after the stretch until the redness fades"
        )
        if p.skin_spasm_factor != 1:
            add(
                "pressure injury",
                "skin_spasm_factor",
                "spasm rate multiplier while the skin is not ok",
            )
    if p.dvt_start_day is not None and p.dvt_days:
        add("DVT", "dvt_start_day", f"first day of swelling ({date(p.dvt_start_day)})")
        add("DVT", "dvt_days", "days of swelling and added pain")
        add("DVT", "dvt_side", "swollen leg")
        add("DVT", "dvt_pain_effect", "NRS points at the height of the episode")
        add("DVT", "dvt_ramp_days", "days for the added pain to rise")
    if p.trend_per_30_days:
        add("trend", "trend_per_30_days", "NRS points per 30 days")
    frame = pd.DataFrame(rows, columns=["effect", "parameter", "value", "meaning"])
    return frame.astype({"effect": "str", "parameter": "str", "meaning": "str"})


def _fmt(x: float) -> str:
    return f"{x:+g}"


def _effects_summary(p: Persona, start: str = _DEFAULT_START) -> str:
    """One line naming every built-in effect with its exact values."""
    day0 = _parse_start(start)

    def when(day: int) -> str:
        return f"day {day} ({day0 + np.timedelta64(int(day), 'D')})"

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
    if p.intervention is not None and p.intervention_start_day is not None:
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
        parts.append(text)
    if p.immobile_stretch_start_day is not None and p.immobile_stretch_days:
        first = p.immobile_stretch_start_day
        last = first + p.immobile_stretch_days - 1
        text = f"bed-bound days {first}-{last} (+{p.immobile_stretch_extra_hours:g} h immobile)"
        if p.redness_after_days is not None and p.redness_after_days < p.immobile_stretch_days:
            text += (
                f", redness from day {first + p.redness_after_days} ({_fmt(p.redness_pain_effect)})"
            )
        if p.blister_after_days is not None and p.blister_after_days < p.immobile_stretch_days:
            text += (
                f", blister from day {first + p.blister_after_days} ({_fmt(p.blister_pain_effect)})"
            )
        text += (
            f", blister healed by day {last + 1 + p.blister_heal_days}, redness by day "
            f"{last + 1 + p.redness_heal_days}"
        )
        if p.skin_spasm_factor != 1:
            text += f", spasms x{p.skin_spasm_factor:g} while the skin is not ok"
        parts.append(text)
    if p.dvt_start_day is not None and p.dvt_days:
        last = p.dvt_start_day + p.dvt_days - 1
        parts.append(
            f"DVT {p.dvt_side} leg {when(p.dvt_start_day)} to day {last}: swelling {p.dvt_side}, "
            f"pain {_fmt(p.dvt_pain_effect)} reached over {p.dvt_ramp_days} days"
        )
    if p.trend_per_30_days:
        parts.append(f"trend {_fmt(p.trend_per_30_days)} per 30 days")
    return "; ".join(parts)


# --------------------------------------------------------------------------------------------
# The simulator


def _parse_start(start: object) -> np.datetime64:
    try:
        if isinstance(start, (_dt.date, np.datetime64, pd.Timestamp)):
            return np.datetime64(pd.Timestamp(start).date(), "D")
        text = str(start)
        return np.datetime64(_dt.date.fromisoformat(text), "D")
    except (TypeError, ValueError) as error:
        msg = f"start must be a date like '2026-01-05' (ISO 8601, year-month-day), got {start!r}"
        raise ValueError(msg) from error


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
    start: str = _DEFAULT_START,
) -> pd.DataFrame:
    """Simulate one person's pain journal.

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
        ``journal_schema.COLUMN_ORDER``: ``timestamp`` as ISO 8601 text (``2026-01-05T08:15``);
        ``pain``, ``interference``, ``spasms`` and ``activity_min`` as nullable ``Int64``;
        ``immobile_hours`` and ``sleep_hours`` as ``Float64`` (half hours); the other columns
        as text. Empty cells are missing values.
        ``frame.to_csv(path, index=False, lineterminator="\\n")`` writes a journal file; read
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
    p = _as_persona(persona)
    days = _check_days(days)
    rng = _rng(seed)
    day0 = _parse_start(start)
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
    start: str = _DEFAULT_START,
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
    day0 = _parse_start(start)
    if personas is None:
        personas = list_personas()
    elif isinstance(personas, (str, Persona)):
        personas = [personas]
    chosen = [_as_persona(p) for p in personas]
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


def _param(personas: Sequence[Persona], which: np.ndarray, name: str) -> np.ndarray:
    """Per-person float array of a persona field (None -> +inf, i.e. 'never')."""
    values = [getattr(p, name) for p in personas]
    table = np.array([np.inf if v is None else float(v) for v in values])
    return table[which]


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
    """The vectorized engine: arrays over (people, days, slots); no loop over entries."""
    n_people = len(which)
    n_slots = _N_SLOTS
    day = np.arange(days, dtype=float)

    def par(name: str) -> np.ndarray:
        return _param(personas, which, name)

    # ---- day-level quantities (people, days)
    noise_sd = par("day_noise_sd")
    phi = par("day_noise_autocorr")
    innovations = rng.standard_normal((n_people, days)) * (noise_sd * np.sqrt(1 - phi**2))[:, None]
    day_noise = np.empty((n_people, days))
    day_noise[:, 0] = rng.standard_normal(n_people) * noise_sd
    for d in range(1, days):  # a loop over days, vectorized over people
        day_noise[:, d] = phi * day_noise[:, d - 1] + innovations[:, d]

    sleep = rng.normal(
        par("sleep_mean_hours")[:, None], par("sleep_sd_hours")[:, None], (n_people, days)
    )
    sleep = np.clip(_round_to(sleep, 0.5), 3.0, 10.0)

    stretch_start = par("immobile_stretch_start_day")
    stretch_end = stretch_start + par("immobile_stretch_days")
    in_stretch = (day[None, :] >= stretch_start[:, None]) & (day[None, :] < stretch_end[:, None])
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

    # ---- slot-level quantities (people, days, slots); interval s ends at slot s
    spasms_interval = rng.poisson(np.repeat(spasm_rate[:, :, None], n_slots, axis=2))
    activity_interval = np.zeros((n_people, days, n_slots))
    activity_interval[:, :, 1] = session  # the session is held between morning and afternoon
    big_interval = np.zeros((n_people, days, n_slots))
    big_interval[:, :, 1] = big_day
    immobile_mean = np.repeat(par("immobile_day_hours")[:, None, None], n_slots, axis=2)
    immobile_mean = np.repeat(immobile_mean, days, axis=1)
    immobile_mean[:, :, 0] = par("immobile_night_hours")[:, None]
    immobile_mean += np.where(in_stretch, par("immobile_stretch_extra_hours")[:, None], 0.0)[
        :, :, None
    ]
    immobile = rng.normal(immobile_mean, par("immobile_sd_hours")[:, None, None])
    immobile_cap = np.array([_NIGHT_MAX_HOURS] + [_DAY_MAX_HOURS] * (n_slots - 1))
    immobile = np.clip(_round_to(immobile, 0.5), 0.5, immobile_cap)

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
    n = flat_index.size

    # Entry segments: since the previous entry on the same day (a day's first entry covers the
    # night before and the day so far, i.e. from slot 0 of its day).
    same_day = np.zeros(n, dtype=bool)
    same_day[1:] = (person[1:] == person[:-1]) & (entry_day[1:] == entry_day[:-1])
    previous = np.concatenate([[-1], flat_index[:-1]])[:n].astype(np.int64)
    seg_start = np.where(same_day, previous + 1, flat_index - entry_slot)
    seg_end = flat_index  # inclusive
    first_of_day = ~same_day
    last_of_day = np.ones(n, dtype=bool)
    last_of_day[:-1] = ~same_day[1:]

    def segment_sum(values: np.ndarray) -> np.ndarray:
        cumulative = np.concatenate([[0], np.cumsum(values.ravel())])
        return cumulative[seg_end + 1] - cumulative[seg_start]

    def segment_max(values: np.ndarray) -> np.ndarray:
        if n == 0:
            return np.zeros(0)
        padded = np.concatenate([values.ravel(), [0.0]])
        bounds = np.empty(2 * n, dtype=np.int64)
        bounds[0::2] = seg_start
        bounds[1::2] = seg_end + 1
        return np.maximum.reduceat(padded, bounds)[0::2]

    spasms = segment_sum(spasms_interval).astype(np.int64)
    activity = segment_sum(activity_interval)
    big_entry = segment_sum(big_interval) > 0
    immobile_hours = segment_max(immobile)

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

    # ---- timestamps
    window = np.array(list(SLOTS.values()))
    minute = rng.integers(window[entry_slot, 0], window[entry_slot, 1] + 1)
    step = np.where(rng.random(n) < 0.5, 15, 5)
    minute = (np.floor(minute / step + 0.5) * step).astype(np.int64)
    # formatted once per distinct day and minute, then joined (fast for millions of entries)
    dates = (day0 + np.arange(days).astype("timedelta64[D]")).astype(str).astype(object)
    clock = np.array([f"T{m // 60:02d}:{m % 60:02d}" for m in range(1440)], dtype=object)
    timestamp = dates[entry_day] + clock[minute]

    # ---- text columns, via small per-persona lookup tables
    k = np.asarray(which)[person]  # persona index of each entry
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

    # interventions: a bit mask over journal_schema.INTERVENTIONS, turned into text once per mask
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
                logged = rows & _first_on_or_after(
                    person, entry_day, _param(personas, which, "intervention_start_day")
                )
                logged &= entry_day < (
                    p.intervention_end_day if p.intervention_end_day is not None else np.inf
                )
            mask |= np.where(logged, bit[p.intervention], 0)
    interventions = _masks_to_text(mask)

    notes = _notes(
        personas=personas,
        which=which,
        k=k,
        person=person,
        entry_day=entry_day,
        entry_slot=entry_slot,
        first_of_day=first_of_day,
        spasms=spasms,
        big_entry=big_entry,
        big_day=big_day,
        sleep=sleep,
        in_stretch=in_stretch,
        in_dvt=in_dvt,
        rng=rng,
    )

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
    missing = set(COLUMN_ORDER) - set(columns)
    if missing:  # pragma: no cover - guards against a schema change
        msg = f"the simulator does not produce the journal columns {sorted(missing)}"
        raise RuntimeError(msg)
    return {"_person": columns["_person"], **{name: columns[name] for name in COLUMN_ORDER}}


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


def _first_on_or_after(
    person: np.ndarray, entry_day: np.ndarray, day_by_person: np.ndarray
) -> np.ndarray:
    """Mask of each person's first entry on or after their own event day (inf = never)."""
    out = np.zeros(person.size, dtype=bool)
    candidates = np.flatnonzero(entry_day >= day_by_person[person])
    if candidates.size:
        _, first = np.unique(person[candidates], return_index=True)
        out[candidates[first]] = True
    return out


def _notes(
    *,
    personas: Sequence[Persona],
    which: np.ndarray,
    k: np.ndarray,
    person: np.ndarray,
    entry_day: np.ndarray,
    entry_slot: np.ndarray,
    first_of_day: np.ndarray,
    spasms: np.ndarray,
    big_entry: np.ndarray,
    big_day: np.ndarray,
    sleep: np.ndarray,
    in_stretch: np.ndarray,
    in_dvt: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    n = person.size
    notes = np.full(n, None, dtype=object)
    taken = np.zeros(n, dtype=bool)
    pday = (person, entry_day)

    def par(name: str) -> np.ndarray:
        return _param(personas, which, name)

    def first_after(day_by_person: np.ndarray) -> np.ndarray:
        return _first_on_or_after(person, entry_day, day_by_person)

    lag = par("activity_lag_days").astype(np.int64)
    lag_source = entry_day - lag[person]
    after_big = np.zeros(n, dtype=bool)
    ok = lag_source >= 0
    after_big[ok] = big_day[person[ok], lag_source[ok]]
    stretch_start = par("immobile_stretch_start_day")
    stretch_days = par("immobile_stretch_days")
    redness = stretch_start + par("redness_after_days")
    blister = stretch_start + par("blister_after_days")
    triggers = {
        "random": lambda: np.ones(n, dtype=bool),
        "evening": lambda: entry_slot == _N_SLOTS - 1,
        "poor_sleep": lambda: (
            first_of_day
            & (sleep[pday] < par("sleep_reference_hours")[person] - _POOR_SLEEP_MARGIN_HOURS)
        ),
        "many_spasms": lambda: spasms >= np.maximum(2 * par("spasms_mean")[person], 1),
        "big_activity": lambda: big_entry,
        "after_big_activity": lambda: after_big & first_of_day,
        "intervention_start": lambda: first_after(par("intervention_start_day")),
        "stretch_start": lambda: first_after(np.where(stretch_days > 0, stretch_start, np.inf)),
        "stretch_ongoing": lambda: in_stretch[pday],
        "redness_start": lambda: first_after(
            np.where(redness < stretch_start + stretch_days, redness, np.inf)
        ),
        "blister_start": lambda: first_after(
            np.where(blister < stretch_start + stretch_days, blister, np.inf)
        ),
        "dvt_start": lambda: first_after(
            np.where(par("dvt_days") > 0, par("dvt_start_day"), np.inf)
        ),
        "dvt_second_day": lambda: first_after(
            np.where(par("dvt_days") > 1, par("dvt_start_day") + 1, np.inf)
        ),
        "dvt_ongoing": lambda: in_dvt[pday],
        "weight": lambda: first_of_day & (entry_day % 14 == 0),
    }
    for j, p in enumerate(personas):
        rows = k == j
        if not rows.any():
            continue
        for rule in p.notes:
            hit = rows & ~taken & triggers[rule.when]() & (rng.random(n) < rule.prob)
            if not hit.any():
                continue
            if "{weight_kg}" in rule.text and p.weight_start_kg is not None:
                kg = p.weight_start_kg + p.weight_gain_kg_per_30_days * entry_day[hit] / 30.0
                kg = kg + rng.normal(0.0, 0.3, hit.sum())
                before, after = rule.text.split("{weight_kg}", 1)
                filled = np.char.add(np.char.add(before, np.char.mod("%.1f", kg)), after)
                notes[hit] = filled.astype(object)
            else:
                notes[hit] = rule.text
            taken |= hit
    return notes


# --------------------------------------------------------------------------------------------
# The bundled example journals


def _example(name: str) -> dict[str, Any]:
    records = {r["name"]: r for r in _persona_records()}
    if name not in records:
        raise ValueError(_unknown_name_message("example journal", name, list(records)))
    return records[name]


def list_example_journals() -> pd.DataFrame:
    """Return the bundled example journals and the effects built into each.

    Returns
    -------
    pandas.DataFrame
        One row per journal: ``name`` (for :func:`load_example_journal`), ``persona`` (for
        :func:`load_persona`), ``cause``, ``description``, ``effects`` (every built-in effect
        with its exact value; see :func:`built_in_effects` for a table), ``days``, ``seed``
        and ``file`` (the CSV's name in ``data/journals``).

    Examples
    --------
    >>> table = list_example_journals()
    >>> table.set_index("name").loc["overuse", "cause"]
    'overuse (musculoskeletal) pain'
    """
    rows = []
    for record in _persona_records():
        persona = load_persona(record["name"])
        rows.append(
            {
                "name": record["name"],
                "persona": persona.name,
                "cause": persona.cause,
                "description": persona.description,
                "effects": _effects_summary(persona),
                "days": int(record["example"]["days"]),
                "seed": int(record["example"]["seed"]),
                "file": f"{record['name']}.csv",
            }
        )
    frame = pd.DataFrame(rows)
    text_columns = ["name", "persona", "cause", "description", "effects", "file"]
    return frame.astype(dict.fromkeys(text_columns, "str"))


def example_journal_path(name: str) -> Path:
    """Return the path of a bundled example journal's CSV file.

    Parameters
    ----------
    name : str
        One of ``list_example_journals()["name"]``.

    Raises
    ------
    ValueError
        For an unknown name; the message lists the journals and suggests close matches.

    Examples
    --------
    >>> example_journal_path("dvt").name
    'dvt.csv'
    """
    _example(name)
    return data_path("journals", f"{name}.csv")


def load_example_journal(name: str) -> Journal:
    """Read a bundled example journal with :func:`sci_pain.journal.reader.read_journal`.

    Parameters
    ----------
    name : str
        One of ``list_example_journals()["name"]``.

    Returns
    -------
    sci_pain.journal.reader.Journal
        ``.entries`` (typed, sorted by time) and ``.problems`` (empty for these files).

    Raises
    ------
    ValueError
        For an unknown name; the message lists the journals and suggests close matches.

    Examples
    --------
    >>> journal = load_example_journal("spasticity")
    >>> len(journal.problems)
    0
    >>> journal.entries["problem"].iloc[0]
    'cramping right calf'
    """
    import dataclasses

    from sci_pain.journal import read_journal

    path = example_journal_path(name)
    # Label it by file name: an absolute path would end up in notebook outputs and reports.
    return dataclasses.replace(read_journal(path), source=path.name)


def _example_frame(name: str) -> pd.DataFrame:
    """The frame whose CSV is the committed example journal ``name``."""
    record = _example(name)
    return simulate_journal(
        name,
        days=int(record["example"]["days"]),
        seed=int(record["example"]["seed"]),
        start=_DEFAULT_START,
    )


def _to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV bytes as committed: no index, ``\\n`` line ends, UTF-8 (the same on every platform)."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


_MARKDOWN_HEADER = (
    "| Journal | Cause | Days | Seed | Built-in effects (day 0 = 2026-01-05) |",
    "|---|---|---|---|---|",
)


def _examples_markdown() -> str:
    """The table of example journals in ``data/README.md`` (kept up to date by a test)."""
    lines = list(_MARKDOWN_HEADER)
    for row in list_example_journals().itertuples(index=False):
        cells = (f"`{row.file}`", row.cause, str(row.days), str(row.seed), row.effects)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
