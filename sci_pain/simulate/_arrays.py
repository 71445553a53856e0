"""Per-person arrays shared by the simulator's steps (engine and notes)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sci_pain.simulate.persona import Persona

__all__ = ["first_on_or_after", "persona_values"]


def persona_values(personas: Sequence[Persona], which: np.ndarray, name: str) -> np.ndarray:
    """Return a persona field for each person, as floats (``None`` -> ``inf``, i.e. 'never').

    Parameters
    ----------
    personas : sequence of Persona
        The personas of a cohort.
    which : numpy.ndarray
        Each person's persona, as an index into `personas`.
    name : str
        A numeric :class:`~sci_pain.simulate.persona.Persona` field.

    Returns
    -------
    numpy.ndarray
        One float per person.

    Examples
    --------
    >>> from sci_pain.simulate import load_persona
    >>> persona_values([load_persona("dvt")], np.array([0, 0]), "dvt_days").tolist()
    [14.0, 14.0]
    """
    values = [getattr(p, name) for p in personas]
    table = np.array([np.inf if v is None else float(v) for v in values])
    return table[which]


def first_on_or_after(
    person: np.ndarray, entry_day: np.ndarray, day_by_person: np.ndarray
) -> np.ndarray:
    """Return a mask of each person's first entry on or after their own event day.

    Parameters
    ----------
    person, entry_day : numpy.ndarray
        Each entry's person and day, sorted by person and time.
    day_by_person : numpy.ndarray
        Each person's event day (``inf`` = never).

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> first_on_or_after(np.array([0, 0, 0, 1]), np.array([1, 3, 5, 2]), np.array([2, np.inf]))
    array([False,  True, False, False])
    """
    out = np.zeros(person.size, dtype=bool)
    candidates = np.flatnonzero(entry_day >= day_by_person[person])
    if candidates.size:
        _, first = np.unique(person[candidates], return_index=True)
        out[candidates[first]] = True
    return out
