"""The ISNCSCI dermatomes and the ISCIP dermatome rule for at-level and below-level SCI pain.

At-level SCI pain is neuropathic pain felt from the dermatome of the neurological level to three
dermatomes below it; below-level SCI pain is felt more than three dermatomes below (Bryce et al.
2012, ISCIP part I). The functions here are pure: the case marking, the figures and the tests
call them.

Examples
--------
>>> iscip_zone("T8", "T10")
'at_level'
>>> iscip_zone("T8", "L1")
'below_level'
"""

from __future__ import annotations

from functools import cache

from sci_pain._resources import data_path, load_yaml
from sci_pain.errors import CaseError, did_you_mean

__all__ = [
    "DERMATOMES",
    "at_level_dermatomes",
    "iscip_zone",
    "load_dermatome_landmarks",
    "zone_rule",
]

DERMATOMES: tuple[str, ...] = (
    *(f"C{i}" for i in range(2, 9)),
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 6)),
    *(f"S{i}" for i in range(1, 4)),
    "S4-5",
)
"""The ISNCSCI sensory dermatomes from head to sacrum (C2 ... S4-5), in order. A neurological
level of injury is named by the same segments (Kirshblum et al. 2011)."""


@cache
def _landmarks() -> dict[str, str]:
    records = load_yaml(data_path("knowledge", "dermatome_landmarks.yaml"))
    return {dermatome: record["landmark"] for dermatome, record in records.items()}


def load_dermatome_landmarks() -> dict[str, str]:
    """Return where to test each dermatome: the ISNCSCI key sensory points, in plain words.

    Read from ``data/knowledge/dermatome_landmarks.yaml`` (Kirshblum et al. 2011); dermatomes
    without a common landmark are left out.

    Returns
    -------
    dict of str to str
        Landmark by dermatome, from head to sacrum (a new dict on each call).

    Examples
    --------
    >>> load_dermatome_landmarks()["T10"]
    'navel'
    """
    return dict(_landmarks())


def _dermatome_index(value: object, what: str) -> int:
    if value not in DERMATOMES:
        msg = f"{what} {value!r} is not a dermatome; use one of {list(DERMATOMES)}.{did_you_mean(value, DERMATOMES)}"
        raise CaseError(msg)
    return DERMATOMES.index(value)


def iscip_zone(level: str, dermatome: str) -> str:
    """Where a dermatome lies relative to a neurological level, by the ISCIP rule.

    Returns ``"above_level"``, ``"at_level"`` (the level's dermatome and the three below it)
    or ``"below_level"`` (more than three dermatomes below).

    Examples
    --------
    >>> [iscip_zone("T4", d) for d in ("T2", "T4", "T7", "T8")]
    ['above_level', 'at_level', 'at_level', 'below_level']
    >>> iscip_zone("C6", "C8")
    'at_level'
    >>> iscip_zone("T8", "T44")
    Traceback (most recent call last):
    ...
    sci_pain.errors.CaseError: dermatome 'T44' is not a dermatome; ...
    """
    lvl = _dermatome_index(level, "level")
    derm = _dermatome_index(dermatome, "dermatome")
    below = derm - lvl
    if below < 0:
        return "above_level"
    return "at_level" if below <= 3 else "below_level"


def at_level_dermatomes(level: str) -> tuple[str, ...]:
    """Return the at-level zone of a neurological level: its dermatome and the three below it.

    Examples
    --------
    >>> at_level_dermatomes("L1")
    ('L1', 'L2', 'L3', 'L4')
    >>> at_level_dermatomes("S3")
    ('S3', 'S4-5')
    """
    i = _dermatome_index(level, "level")
    return DERMATOMES[i : i + 4]


def zone_rule(level: str, dermatome: str) -> str:
    """Return the dermatome rule for a pain at `dermatome` after an injury at `level`, in words.

    Parameters
    ----------
    level : str
        Neurological level of injury (one of :data:`DERMATOMES`).
    dermatome : str
        The dermatome where the pain is felt.

    Returns
    -------
    str
        The at-level zone, where the dermatome lies and what that means for a neuropathic pain.

    Examples
    --------
    >>> print(zone_rule("L1", "L3"))  # doctest: +NORMALIZE_WHITESPACE
    At-level zone for L1: L1, L2, L3, L4. L3 is 2 dermatomes below the level L1: within the
    level and three below, so a neuropathic pain there caused by the SCI is at-level.
    """
    zone = iscip_zone(level, dermatome)
    steps = DERMATOMES.index(dermatome) - DERMATOMES.index(level)
    zone_words = ", ".join(at_level_dermatomes(level))
    if zone == "above_level":
        where = f"{dermatome} is above the level {level}: SCI pain cannot come from there"
    elif steps == 0:
        where = f"{dermatome} is the level's own dermatome"
    else:
        where = (
            f"{dermatome} is {steps} dermatome{'s' if steps != 1 else ''} below the level {level}"
        )
    meaning = {
        "at_level": "within the level and three below, so a neuropathic pain there caused by the SCI is at-level",
        "below_level": "more than three below, so a neuropathic pain there caused by the SCI is below-level",
        "above_level": "a neuropathic pain there is 'other neuropathic' (e.g. carpal tunnel syndrome)",
    }[zone]
    return f"At-level zone for {level}: {zone_words}. {where}: {meaning}."
