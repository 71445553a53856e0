"""The free-text notes of a simulated journal: which entries get one, and what it says.

Each :class:`~sci_pain.simulate.persona.Note` of a persona names a trigger
(:data:`~sci_pain.simulate.persona.NOTE_TRIGGERS`); :func:`write_notes` finds the entries that
match it and writes the note into some of them, at most one note per entry.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sci_pain.simulate._arrays import first_on_or_after, persona_values
from sci_pain.simulate.persona import Persona

__all__ = ["POOR_SLEEP_MARGIN_HOURS", "write_notes"]

POOR_SLEEP_MARGIN_HOURS = 1.5
"""``poor_sleep`` notes: sleep below the persona's reference by at least this much."""


def write_notes(
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
    n_slots: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Write each persona's notes into the entries their triggers pick (one note per entry).

    Parameters
    ----------
    personas, which, k
        The cohort's personas, each person's persona and each entry's persona (indices).
    person, entry_day, entry_slot, first_of_day, spasms, big_entry
        One value per entry.
    big_day, sleep, in_stretch, in_dvt
        Day-level arrays (people, days).
    n_slots : int
        Entry slots a day (the last is the evening).
    rng : numpy.random.Generator
        Draws which matching entries get a note, and the weights written.

    Returns
    -------
    numpy.ndarray
        The note of each entry, or ``None``.
    """
    n = person.size
    notes = np.full(n, None, dtype=object)
    taken = np.zeros(n, dtype=bool)
    pday = (person, entry_day)

    def par(name: str) -> np.ndarray:
        return persona_values(personas, which, name)

    def first_after(day_by_person: np.ndarray) -> np.ndarray:
        return first_on_or_after(person, entry_day, day_by_person)

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
        "evening": lambda: entry_slot == n_slots - 1,
        "poor_sleep": lambda: (
            first_of_day
            & (sleep[pday] < par("sleep_reference_hours")[person] - POOR_SLEEP_MARGIN_HOURS)
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
