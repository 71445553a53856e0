"""The pain-journal format, declared once.

Every column of a journal CSV is described here: its name, type, allowed values or range,
unit and why it is recorded. The reader, the writer, the simulator, the importers, the
documentation (``data/README.md``) and the analysis all take column names and vocabularies
from this module instead of repeating strings.

Examples
--------
>>> from sci_pain.journal.schema import COLUMNS, REQUIRED
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
    "ISCIP_PAIN_TYPES",
    "INTERFERENCE_COLUMNS",
    "MULTI_SEPARATOR",
    "PROBLEM_COLUMNS",
    "ROW",
    "markdown_table",
    "TIMESTAMP_FORMATS",
    "PLAUSIBLE_YEARS",
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

ISCIP_PAIN_TYPES: tuple[str, ...] = (
    "musculoskeletal",
    "visceral",
    "other_nociceptive",
    "at_level_sci",
    "below_level_sci",
    "other_neuropathic",
    "other",
    "unknown",
)
"""The pain types of the ISCIP classification as the Basic Data Set records them, in ISCIP order.

One value names the type and its subtype at once: ``musculoskeletal``, ``visceral`` and
``other_nociceptive`` are nociceptive; ``at_level_sci``, ``below_level_sci`` and
``other_neuropathic`` are neuropathic; then ``other`` and ``unknown`` (Bryce et al. 2012).
The same values as the knowledge base's ``ISCIP_SUBTYPES``."""

INTERFERENCE_COLUMNS: tuple[str, ...] = (
    "interference_activities",
    "interference_mood",
    "interference_sleep",
)
"""The three interference ratings of the ISCIP Basic Data Set v2.0, each 0-10.

The older single ``interference`` column (interference with activities) is still read; it is
not merged into ``interference_activities``, so a journal keeps what its writer recorded."""


MULTI_SEPARATOR = ";"
"""Separator between the values of a ``multi`` column (``burning;tingling``)."""

PROBLEM_COLUMNS: tuple[str, ...] = ("row", "column", "value", "problem", "kept")
"""Columns of a journal's problems table (see ``sci_pain.journal.reader.Journal.problems``)."""

ROW = "row"
"""Name of the entries column holding each record's spreadsheet row number."""

PLAUSIBLE_YEARS: tuple[int, int] = (1900, 2100)
"""Years a journal entry may have (inclusive). A timestamp outside them (``0001``,
``9999``, a typing slip) is a problem on its record, never read, and the analyses refuse a
hand-made frame holding one: analyses and plots then span the data, not millennia of empty
calendar (two centuries of days is the most any of them draws)."""

TIMESTAMP_FORMATS: tuple[str, ...] = (
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d",
)
"""The ISO 8601 forms accepted in ``timestamp`` (a date alone means midnight)."""


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
    label : str
        The column's name for people (figure axes, table headers), without the unit.
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
    label: str = ""
    required: bool = False
    unit: str = ""
    range: tuple[float, float | None] | None = None
    allowed: tuple[str, ...] = field(default_factory=tuple)
    ordered: bool = False

    @property
    def dtype(self):
        """The pandas dtype of this column in ``Journal.entries``.

        ``datetime64[us]`` for timestamps, nullable ``Int8``/``Int32`` for whole numbers,
        ``float64`` (NaN when missing) for measurements, a ``CategoricalDtype`` over
        ``allowed`` for categories, and the string dtype ``str`` for text and for ``multi``
        columns (values joined by ``;``).

        Examples
        --------
        >>> COLUMNS["pain"].dtype
        Int8Dtype()
        >>> COLUMNS["site"].dtype.ordered
        True
        """
        import numpy as np
        import pandas as pd

        if self.kind == "datetime":
            return np.dtype("datetime64[us]")
        if self.kind == "int":
            high = self.range[1] if self.range else None
            return pd.Int8Dtype() if high is not None and high <= 127 else pd.Int32Dtype()
        if self.kind == "float":
            return np.dtype("float64")
        if self.kind == "category":
            return pd.CategoricalDtype(list(self.allowed), ordered=self.ordered)
        return pd.StringDtype(na_value=np.nan)


_COLUMN_LIST: tuple[Column, ...] = (
    Column(
        "timestamp",
        "datetime",
        "When the entry was made: ISO 8601 date-time (2026-03-01T08:00 or 2026-03-01 08:00), "
        "or a date alone for a once-a-day entry.",
        "Momentary ratings recorded at the time avoid recall bias; the time of day shows "
        "patterns such as evening worsening.",
        label="Date and time",
        required=True,
    ),
    Column(
        "pain",
        "int",
        "Pain intensity now on the 0-10 numeric rating scale (LOINC 72514-3): 0 no pain, "
        "10 worst pain imaginable.",
        "The core outcome recommended by IMMPACT; a change of about 2 points or 30% matters "
        "to people (Farrar 2001).",
        label="Pain",
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
        label="Problem",
    ),
    Column(
        "pain_number",
        "int",
        "Which of the person's (up to) three worst pains this entry rates, numbered as in the "
        "International SCI Pain Basic Data Set: 1 the worst, 2 the next, 3 the third. Rate "
        "several pains at the same time on several rows with the same timestamp.",
        "The Basic Data Set records location, type and intensity for each of the three worst "
        "pains separately, because one person often has pains of different types.",
        label="Pain number",
        unit="1-3",
        range=(1, 3),
    ),
    Column(
        "iscip_subtype",
        "category",
        "The ISCIP type of the pain rated, at subtype level (the type follows from it): musculoskeletal, visceral or "
        "other nociceptive; at-level SCI, below-level SCI or other neuropathic; other; "
        "unknown.",
        "The Basic Data Set classifies each pain with the ISCIP classification; management "
        "follows the type (neuropathic pain is not treated like overuse pain).",
        label="ISCIP pain type",
        allowed=ISCIP_PAIN_TYPES,
        ordered=True,
    ),
    Column(
        "side",
        "category",
        "Which leg hurts.",
        "One-sided pain or swelling points to a local cause (such as DVT); symmetrical pain "
        "below the level is typical of neuropathic pain.",
        label="Side",
        allowed=SIDES,
    ),
    Column(
        "site",
        "category",
        "Where in the leg, from hip to foot.",
        "Sites point to causes: the calf for DVT, the hip for heterotopic ossification, the "
        "knee region for fragility fractures.",
        label="Site",
        allowed=SITES,
        ordered=True,
    ),
    Column(
        "quality",
        "multi",
        "Descriptors of the pain, separated by ';'.",
        "Burning, tingling or electric descriptors suggest neuropathic pain; aching or "
        "cramping suggest musculoskeletal pain.",
        label="Quality",
        allowed=QUALITIES,
    ),
    Column(
        "interference",
        "int",
        "How much pain interfered with activities, 0 (not at all) to 10 (completely). The "
        "older single rating: still read; new journals can rate activities, mood and sleep "
        "separately in the three columns below.",
        "Interference is an IMMPACT domain: it shows what pain costs the person.",
        label="Interference",
        unit="0-10",
        range=(0, 10),
    ),
    Column(
        "interference_activities",
        "int",
        "How much pain interfered with day-to-day activities, 0 (no interference) to 10 "
        "(extreme interference), as in the ISCIP Basic Data Set v2.0.",
        "The Basic Data Set rates interference with activities, mood and sleep separately, "
        "so that a change in one is not hidden by the others.",
        label="Interference with daily activities",
        unit="0-10",
        range=(0, 10),
    ),
    Column(
        "interference_mood",
        "int",
        "How much pain interfered with mood, 0 (no interference) to 10 (extreme "
        "interference), as in the ISCIP Basic Data Set v2.0.",
        "Emotional functioning is an IMMPACT domain; low mood and pain feed each other.",
        label="Interference with mood",
        unit="0-10",
        range=(0, 10),
    ),
    Column(
        "interference_sleep",
        "int",
        "How much pain interfered with sleep, 0 (no interference) to 10 (extreme "
        "interference), as in the ISCIP Basic Data Set v2.0.",
        "Poor sleep and pain feed each other; sleep is a supplementary IMMPACT domain.",
        label="Interference with sleep",
        unit="0-10",
        range=(0, 10),
    ),
    Column(
        "spasms",
        "int",
        "Number of spasms since the previous entry.",
        "A surge in spasms is a warning sign of irritation below the level (bladder, skin, "
        "fracture).",
        label="Spasms",
        unit="count",
        range=(0, None),
    ),
    Column(
        "activity_min",
        "float",
        "Minutes of exercise or therapy since the previous entry.",
        "Overuse pain follows a jump in activity, often a day later.",
        label="Activity",
        unit="min",
        range=(0, 1440),
    ),
    Column(
        "immobile_hours",
        "float",
        "Longest time without a change of position since the previous entry.",
        "Long immobility is the main risk for pressure injuries and DVT.",
        label="Longest time without moving",
        unit="h",
        range=(0, 24),
    ),
    Column(
        "sleep_hours",
        "float",
        "Hours slept last night.",
        "Poor sleep and pain feed each other; sleep is a supplementary IMMPACT domain.",
        label="Sleep",
        unit="h",
        range=(0, 24),
    ),
    Column(
        "swelling",
        "category",
        "Visible swelling of a leg.",
        "Swelling of one leg, with warmth and redness, is a red flag for DVT.",
        label="Swelling",
        allowed=SWELLING,
    ),
    Column(
        "skin",
        "category",
        "Worst skin finding at a pressure point.",
        "Redness that does not fade is a stage 1 pressure injury; an open wound needs care.",
        label="Skin",
        allowed=SKIN,
        ordered=True,
    ),
    Column(
        "interventions",
        "multi",
        "What was done or received since the previous entry, separated by ';'.",
        "Needed to ask 'did it help?' by comparing before and after.",
        label="Interventions",
        allowed=INTERVENTIONS,
    ),
    Column(
        "notes",
        "text",
        "Free text.",
        "Context that no other column captures; removed by de-identification.",
        label="Notes",
    ),
)

COLUMNS: dict[str, Column] = {c.name: c for c in _COLUMN_LIST}
"""Every column of the format by name, in file order."""

COLUMN_ORDER: tuple[str, ...] = tuple(COLUMNS)
"""The order in which columns are written."""

REQUIRED: tuple[str, ...] = tuple(c.name for c in _COLUMN_LIST if c.required)
"""Columns a record cannot be kept without."""


_KIND_LABELS: dict[str, str] = {
    "datetime": "date-time",
    "int": "whole number",
    "float": "number",
    "category": "one value",
    "multi": "list, `;`-separated",
    "text": "text",
}


def _allowed_text(column: Column, words: bool = False) -> str:
    if column.kind == "datetime":
        return "ISO 8601: `2026-03-01T08:00`, `2026-03-01 08:00` or a date alone `2026-03-01`"
    if column.allowed:
        shown = (v.replace("_", " ") if words else v for v in column.allowed)
        values = ", ".join(f"`{value}`" for value in shown)
        return f"{values} (ordered)" if column.ordered else values
    if column.range is not None:
        low, high = column.range
        return f"{low:g} or more" if high is None else f"{low:g} to {high:g}"
    return "free text"


def markdown_table(words: bool = False) -> str:
    r"""Return the data dictionary of the journal format as a Markdown table.

    One row per column in file order: name, type, whether it is required, allowed values or
    range, unit, meaning and why it is recorded. ``data/README.md`` holds this table (a test
    checks that it is up to date; ``tools/make_example_journals.py`` rewrites it).

    With ``words=True`` names and values are written with spaces (``sleep hours``,
    ``pins and needles``), as a learner may write them: the reader accepts both forms.

    Returns
    -------
    str
        The table, ending in a newline.

    Examples
    --------
    >>> print(markdown_table().splitlines()[0])
    | Column | Type | Required | Allowed values or range | Unit | Meaning | Why it is recorded |
    >>> markdown_table().count("\n") == len(COLUMNS) + 2
    True
    >>> "`sleep hours`" in markdown_table(words=True), "`sleep_hours`" in markdown_table()
    (True, True)
    """

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    lines = [
        "| Column | Type | Required | Allowed values or range | Unit | Meaning | Why it is recorded |",
        "|---|---|---|---|---|---|---|",
    ]
    for column in _COLUMN_LIST:
        cells = (
            f"`{column.name.replace('_', ' ') if words else column.name}`",
            _KIND_LABELS[column.kind],
            "yes" if column.required else "no",
            _allowed_text(column, words),
            column.unit,
            column.description,
            column.why,
        )
        lines.append("| " + " | ".join(cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
