"""The pain-journal format, declared once.

Every column of a journal CSV is described here: its name, type, allowed values or range,
unit and why it is recorded. The reader, the writer, the simulator, the importers, the
documentation (``data/README.md``) and the analysis all take column names and vocabularies
from this module instead of repeating strings.

Examples
--------
>>> from sci_pain.journal_schema import COLUMNS, REQUIRED
>>> REQUIRED
('timestamp', 'pain')
>>> COLUMNS["pain"].range
(0, 10)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Column",
    "COLUMNS",
    "COLUMN_ORDER",
    "REQUIRED",
    "SIDES",
    "SITES",
    "QUALITIES",
    "NEUROPATHIC_QUALITIES",
    "NOCICEPTIVE_QUALITIES",
    "SWELLING",
    "SKIN",
    "INTERVENTIONS",
]

Kind = Literal["datetime", "int", "float", "category", "multi", "text"]

SIDES: tuple[str, ...] = ("left", "right", "both")
"""Which leg hurts."""

SITES: tuple[str, ...] = ("hip", "thigh", "knee", "calf", "ankle", "foot", "whole_leg")
"""Where in the leg, ordered from hip to foot (``whole_leg`` last)."""

NEUROPATHIC_QUALITIES: tuple[str, ...] = (
    "burning",
    "tingling",
    "pins_and_needles",
    "electric",
    "shooting",
    "painful_cold",
)
"""Descriptors typical of neuropathic pain (DN4 interview items and ISCIP descriptors)."""

NOCICEPTIVE_QUALITIES: tuple[str, ...] = (
    "stabbing",
    "aching",
    "throbbing",
    "cramping",
    "pressing",
)
"""Descriptors more typical of nociceptive (musculoskeletal) pain."""

QUALITIES: tuple[str, ...] = NEUROPATHIC_QUALITIES + NOCICEPTIVE_QUALITIES
"""The whole descriptor vocabulary for the ``quality`` column."""

SWELLING: tuple[str, ...] = ("none", "left", "right", "both")
"""Visible swelling of a leg."""

SKIN: tuple[str, ...] = ("ok", "redness", "blister", "open_wound")
"""Worst skin finding at a pressure point, ordered by severity."""

INTERVENTIONS: tuple[str, ...] = (
    "physical_therapy",
    "stretching",
    "medication",
    "botulinum_toxin",
    "heat",
    "tens",
    "brace",
    "rest",
    "diet",
    "pressure_relief",
    "other",
)
"""What the person did or received since the previous entry."""


@dataclass(frozen=True)
class Column:
    """One column of the journal format.

    Attributes
    ----------
    name : str
        The column name in a CSV header (snake_case, with its unit where one exists).
    kind : {"datetime", "int", "float", "category", "multi", "text"}
        ``multi`` holds several values from ``allowed`` separated by ``;``.
    required : bool
        A record without a valid value in a required column is not kept.
    description : str
        What the value means.
    why : str
        Why it is recorded (shown to learners).
    unit : str
        Unit, or ``""``.
    range : tuple of float, optional
        Inclusive (low, high) for numeric columns; high may be None.
    allowed : tuple of str
        Allowed values for ``category`` and ``multi`` columns, in their natural order.
    ordered : bool
        Whether ``allowed`` has a meaningful order (ordered categorical).
    """

    name: str
    kind: Kind
    description: str
    why: str
    required: bool = False
    unit: str = ""
    range: tuple[float, float | None] | None = None
    allowed: tuple[str, ...] = field(default_factory=tuple)
    ordered: bool = False


_COLUMN_LIST: tuple[Column, ...] = (
    Column(
        "timestamp",
        "datetime",
        "When the entry was made: ISO 8601 date-time (2026-03-01T08:00 or 2026-03-01 08:00), "
        "or a date alone for a once-a-day entry.",
        "Momentary ratings recorded at the time avoid recall bias; the time of day shows "
        "patterns such as evening worsening.",
        required=True,
    ),
    Column(
        "pain",
        "int",
        "Pain intensity now on the 0-10 numeric rating scale (LOINC 72514-3): 0 no pain, "
        "10 worst pain imaginable.",
        "The core outcome recommended by IMMPACT; a change of about 2 points or 30% matters "
        "to people (Farrar 2001).",
        required=True,
        unit="NRS 0-10",
        range=(0, 10),
    ),
    Column(
        "problem",
        "text",
        "Which pain is rated, in the person's words (e.g. 'burning feet').",
        "People with SCI often have several pains of different types; the International SCI "
        "Pain Basic Data Set rates each one separately.",
    ),
    Column(
        "side",
        "category",
        "Which leg hurts.",
        "One-sided pain or swelling points to a local cause (such as DVT); symmetrical pain "
        "below the level is typical of neuropathic pain.",
        allowed=SIDES,
    ),
    Column(
        "site",
        "category",
        "Where in the leg, from hip to foot.",
        "Sites point to causes: the calf for DVT, the hip for heterotopic ossification, the "
        "knee region for fragility fractures.",
        allowed=SITES,
        ordered=True,
    ),
    Column(
        "quality",
        "multi",
        "Descriptors of the pain, separated by ';'.",
        "Burning, tingling or electric descriptors suggest neuropathic pain; aching or "
        "cramping suggest musculoskeletal pain.",
        allowed=QUALITIES,
    ),
    Column(
        "interference",
        "int",
        "How much pain interfered with activities, 0 (not at all) to 10 (completely).",
        "Interference is an IMMPACT domain: it shows what pain costs the person.",
        unit="0-10",
        range=(0, 10),
    ),
    Column(
        "spasms",
        "int",
        "Number of spasms since the previous entry.",
        "A surge in spasms is a warning sign of irritation below the level (bladder, skin, "
        "fracture).",
        unit="count",
        range=(0, None),
    ),
    Column(
        "activity_min",
        "float",
        "Minutes of exercise or therapy since the previous entry.",
        "Overuse pain follows a jump in activity, often a day later.",
        unit="min",
        range=(0, 1440),
    ),
    Column(
        "immobile_hours",
        "float",
        "Longest time without a change of position since the previous entry.",
        "Long immobility is the main risk for pressure injuries and DVT.",
        unit="h",
        range=(0, 24),
    ),
    Column(
        "sleep_hours",
        "float",
        "Hours slept last night.",
        "Poor sleep and pain feed each other; sleep is a supplementary IMMPACT domain.",
        unit="h",
        range=(0, 24),
    ),
    Column(
        "swelling",
        "category",
        "Visible swelling of a leg.",
        "Swelling of one leg, with warmth and redness, is a red flag for DVT.",
        allowed=SWELLING,
    ),
    Column(
        "skin",
        "category",
        "Worst skin finding at a pressure point.",
        "Redness that does not fade is a stage 1 pressure injury; an open wound needs care.",
        allowed=SKIN,
        ordered=True,
    ),
    Column(
        "interventions",
        "multi",
        "What was done or received since the previous entry, separated by ';'.",
        "Needed to ask 'did it help?' by comparing before and after.",
        allowed=INTERVENTIONS,
    ),
    Column(
        "notes",
        "text",
        "Free text.",
        "Context that no other column captures; removed by de-identification.",
    ),
)

COLUMNS: dict[str, Column] = {c.name: c for c in _COLUMN_LIST}
"""Every column of the format by name, in file order."""

COLUMN_ORDER: tuple[str, ...] = tuple(COLUMNS)
"""The order in which columns are written."""

REQUIRED: tuple[str, ...] = tuple(c.name for c in _COLUMN_LIST if c.required)
"""Columns a record cannot be kept without."""
