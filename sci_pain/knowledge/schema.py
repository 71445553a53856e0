"""The knowledge-base files, declared once: their fields, record types and vocabularies.

The knowledge base lives in ``data/knowledge/`` as YAML files, each a list of records:

================== ========== ============================================================
file               id field   one record per
================== ========== ============================================================
causes.yaml        ``id``     cause of leg pain (or painless leg problem) after SCI
management.yaml    ``id``     management option, with cautions tied to a person's situation
red_flags.yaml     ``id``     red flag: signs, why it is urgent, what to do now, who
findings.yaml      ``id``     finding for the reasoning aid, with its weight for each cause
referral.yaml      ``id``     step of the referral ladder: how soon, what to do, who
journal_flags.yaml ``id``     pattern of the journal scan, linked to red flags
references.yaml    ``key``    source; every citation key anywhere must resolve here
================== ========== ============================================================

This module holds the fields of each file (:data:`SCHEMAS`) and the controlled vocabularies
(ISCIP categories, levels, sites, situations, ...). Everything else is derived from these
declarations: :mod:`sci_pain.knowledge.validate` checks the files against them and writes the
field tables of ``data/knowledge/README.md``; :mod:`sci_pain.knowledge.records` turns a record
into Python values and builds the record classes (:class:`~sci_pain.knowledge.loaders.Cause`,
:class:`~sci_pain.knowledge.loaders.Caution`) from them.

Examples
--------
>>> SCHEMAS["causes"].fields["iscip_subtype"].allowed[:3]
('musculoskeletal', 'visceral', 'other_nociceptive')
>>> list(SITUATIONS)[:3]
['always', 'impaired_sensation', 'impaired_circulation']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sci_pain.journal import SITES as JOURNAL_SITES

__all__ = [
    "CAUSE_FIELDS",
    "CAUTION_FIELDS",
    "Field",
    "FileSchema",
    "SCHEMAS",
    "CITING_FILES",
    "ISCIP_TYPES",
    "ISCIP_SUBTYPES",
    "ISCIP_SUBTYPE_OF",
    "ISCIP_LABELS",
    "LEVELS",
    "LEVEL_LABELS",
    "LATERALITY",
    "LEG_SITES",
    "BODY_SITES",
    "SITUATIONS",
    "CAUTION_SEVERITIES",
    "MANAGEMENT_CATEGORIES",
    "DELIVERED_BY",
    "URGENCIES",
    "REFERRAL_STEPS",
    "SERVICES",
    "FINDING_GROUPS",
    "REFERENCE_KINDS",
    "WEIGHT_RANGE",
    "PROBLEM_COLUMNS",
]

# -- vocabularies --------------------------------------------------------------------------------

ISCIP_TYPES: tuple[str, ...] = ("nociceptive", "neuropathic", "other", "unknown")
"""Tier 1 of the ISCIP classification (Bryce et al. 2012), in its order."""

ISCIP_SUBTYPE_OF: dict[str, tuple[str, ...]] = {
    "nociceptive": ("musculoskeletal", "visceral", "other_nociceptive"),
    "neuropathic": ("at_level_sci", "below_level_sci", "other_neuropathic"),
    "other": ("other",),
    "unknown": ("unknown",),
}
"""Tier 2 (subtype) allowed under each tier 1 type."""

ISCIP_SUBTYPES: tuple[str, ...] = tuple(s for subs in ISCIP_SUBTYPE_OF.values() for s in subs)
"""Every tier 2 subtype, in ISCIP order."""

ISCIP_LABELS: dict[str, str] = {
    "nociceptive": "Nociceptive",
    "neuropathic": "Neuropathic",
    "other": "Other pain",
    "unknown": "Unknown pain",
    "musculoskeletal": "Nociceptive: musculoskeletal",
    "visceral": "Nociceptive: visceral",
    "other_nociceptive": "Nociceptive: other",
    "at_level_sci": "Neuropathic: at-level SCI pain",
    "below_level_sci": "Neuropathic: below-level SCI pain",
    "other_neuropathic": "Neuropathic: other",
}
"""Readable labels for ISCIP types and subtypes."""

LEVELS: tuple[str, ...] = ("at_level", "below_level", "not_level_specific")
"""Where a cause sits relative to the neurological level of injury."""

LEVEL_LABELS: dict[str, str] = {
    "at_level": "At the level of injury",
    "below_level": "Below the level of injury",
    "not_level_specific": "Not tied to the level",
}

LATERALITY: tuple[str, ...] = ("one_side", "either", "both_sides")
"""Typical sidedness: one leg, either pattern, or usually both legs."""

LATERALITY_LABELS: dict[str, str] = {
    "one_side": "One leg",
    "either": "One or both legs",
    "both_sides": "Usually both legs",
}

LEG_SITES: tuple[str, ...] = JOURNAL_SITES
"""Leg sites: the journal's site vocabulary (:data:`sci_pain.journal.schema.SITES`)."""

BODY_SITES: tuple[str, ...] = ("sacrum", "ischium", "trochanter", "heel", "buttock", "groin")
"""Other body sites, mainly the pressure points of the PVA guideline."""

SITUATIONS: dict[str, str] = {
    "always": "Everyone",
    "impaired_sensation": "Reduced or absent sensation over the area",
    "impaired_circulation": "Poor circulation in the area",
    "pacemaker": "A pacemaker",
    "injury_at_or_above_T6": "Injury at T6 or above (risk of autonomic dysreflexia)",
    "swollen_warm_leg": "A swollen, warm or red leg now",
    "broken_skin": "Broken skin or an open wound over the area",
    "low_bone_density": "Low bone density below the level, or a past fragility fracture",
}
"""A person's situations that management cautions can be tied to (id -> label).

``always`` cautions apply to everyone; the others apply when the person's situation includes
them (see :func:`sci_pain.management_for`)."""

CAUTION_SEVERITIES: tuple[str, ...] = ("contraindicated", "seek_care_first", "precaution", "note")
"""How serious a caution is, most serious first."""

CAUTION_SEVERITY_LABELS: dict[str, str] = {
    "contraindicated": "Do not use",
    "seek_care_first": "Seek care first",
    "precaution": "Precaution",
    "note": "Note",
}

MANAGEMENT_CATEGORIES: tuple[str, ...] = (
    "exercise_and_therapy",
    "medicine",
    "device",
    "self_care",
    "prevention",
    "psychological",
)

DELIVERED_BY: tuple[str, ...] = ("self", "therapist", "clinician")

DELIVERED_BY_LABELS: dict[str, str] = {
    "self": "the person",
    "therapist": "a therapist",
    "clinician": "a clinician",
}
"""Readable labels for who delivers a management option."""

MANAGEMENT_CATEGORY_LABELS: dict[str, str] = {
    "exercise_and_therapy": "Exercise and therapy",
    "medicine": "Medicine",
    "device": "Device",
    "self_care": "Self-care",
    "prevention": "Prevention",
    "psychological": "Psychological",
}
"""Readable labels for the management categories."""

REFERRAL_STEPS: tuple[str, ...] = ("emergency", "same_day", "soon", "routine")
"""The steps of the referral ladder (``referral.yaml``), most pressing first: ``emergency``
(seek care now), ``same_day``, ``soon`` (within days) and ``routine`` (the next planned
review). Red flags, causes and the journal scan's rules all point into it, and their words
(labels, what to do, who) come from ``referral.yaml`` alone."""

URGENCIES: tuple[str, ...] = ("emergency", "same_day")
"""The referral steps a red flag can have: ``emergency`` (now) or ``same_day``."""

SERVICES: dict[str, str] = {
    "emergency_department": "Emergency department (call emergency services)",
    "sci_team": "Spinal cord injury team",
    "primary_care": "GP or primary care team",
    "pain_service": "Pain service",
    "psychology": "Psychology",
    "seating_clinic": "Seating and wheelchair clinic",
    "orthopaedics": "Orthopaedics",
    "physiotherapy": "Physiotherapy",
    "wound_care": "Tissue viability (wound care) nurse",
    "urology": "Urology",
    "neurosurgery": "Neurosurgery",
}
"""Who a referral goes to (id -> label shown to learners)."""

FINDING_GROUPS: tuple[str, ...] = ("quality", "location", "timing", "pattern", "sign", "context")

REFERENCE_KINDS: tuple[str, ...] = ("article", "review", "guideline", "web_page", "book_chapter")

WEIGHT_RANGE: tuple[int, int] = (-3, 3)
"""Allowed finding weights (0 is not allowed: leave the cause out instead)."""

PROBLEM_COLUMNS: tuple[str, ...] = ("file", "record", "field", "value", "problem")
"""Columns of the problems table returned by :func:`find_problems`."""

Kind = Literal[
    "id", "str", "text", "bool", "int", "str_list", "category", "category_list",
    "ref", "ref_list", "day_range", "mapping", "records",
]  # fmt: skip


@dataclass(frozen=True)
class Field:
    """One field of a knowledge-base record.

    Attributes
    ----------
    name : str
        The YAML key.
    kind : str
        ``id`` (unique snake_case name), ``str`` (one line), ``text`` (a paragraph),
        ``bool``, ``int``, ``str_list``, ``category`` / ``category_list`` (values from
        ``allowed``), ``ref`` / ``ref_list`` (ids of another file, named by ``refers_to``),
        ``day_range`` (``[start, end]`` in days after injury), ``mapping`` (cause id -> text)
        or ``records`` (a list of nested records described by ``subfields``).
    description : str
        What the field holds (shown in ``data/knowledge/README.md``).
    required : bool
        Whether the field must be present and non-empty.
    allowed : tuple of str
        Allowed values for categories, in their natural order.
    refers_to : str, optional
        ``causes``, ``management``, ``red_flags``, ``findings``, ``references`` or
        ``journal_columns``.
    nonempty : bool
        For lists: at least one item.
    subfields : tuple of Field
        For ``records``.
    """

    name: str
    kind: Kind
    description: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    refers_to: str | None = None
    nonempty: bool = False
    subfields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class FileSchema:
    """The schema of one knowledge-base file."""

    name: str
    filename: str
    id_field: str
    description: str
    fields: dict[str, Field] = field(default_factory=dict)


def _fields(*items: Field) -> dict[str, Field]:
    return {f.name: f for f in items}


_CITATIONS = Field(
    "citations",
    "ref_list",
    "Reference keys (references.yaml) supporting the record.",
    refers_to="references",
    nonempty=True,
)

CAUSE_FIELDS = _fields(
    Field("id", "id", "Unique snake_case name, e.g. 'dvt'."),
    Field("label", "str", "Full name shown to learners."),
    Field("short_label", "str", "A short name for figures."),
    Field("aliases", "str_list", "Other names accepted by get_cause.", required=False),
    Field("iscip_type", "category", "ISCIP tier 1 pain type.", allowed=ISCIP_TYPES),
    Field("iscip_subtype", "category", "ISCIP tier 2 subtype.", allowed=ISCIP_SUBTYPES),
    Field("iscip_note", "text", "Why the ISCIP category was chosen, if not obvious.", required=False),
    Field("level", "category", "Relation to the level of injury.", allowed=LEVELS),
    Field("summary", "str", "The mechanism in one line."),
    Field("mechanism", "text", "The mechanism in a paragraph."),
    Field("descriptors", "str_list", "Typical descriptors, in words.", nonempty=True),
    Field("timing", "text", "When it typically appears, in words."),
    Field("onset_days", "day_range", "[start, end] of the typical onset window, days after injury."),
    Field("peak_days", "day_range", "[start, end] of the peak, days after injury.", required=False),
    Field(
        "onset_citations",
        "ref_list",
        "References for the onset window.",
        refers_to="references",
        nonempty=True,
    ),
    Field("ongoing_risk", "bool", "Whether the risk continues after the onset window.", required=False),
    Field("leg_sites", "category_list", "Leg sites (journal vocabulary).", allowed=LEG_SITES, nonempty=True),
    Field("body_sites", "category_list", "Pressure points and other body sites.", allowed=BODY_SITES, required=False),
    Field("site_note", "text", "Where exactly, in words.", required=False),
    Field("laterality", "category", "One leg, either, or usually both.", allowed=LATERALITY),
    Field("risk_factors", "str_list", "Risk factors.", nonempty=True),
    Field("look_for", "str_list", "What to look for.", nonempty=True),
    Field("red_flags", "ref_list", "Red flags linked to this cause.", refers_to="red_flags"),
    Field("referral", "category", "Referral step when this cause is suspected (without a red flag).", allowed=REFERRAL_STEPS),
    Field("refer_to", "category_list", "Who to go to.", allowed=tuple(SERVICES), nonempty=True),
    Field("management", "ref_list", "Management options, in teaching order.", refers_to="management", nonempty=True),
    Field("journal_signature", "text", "How it tends to show in a pain journal."),
    Field(
        "journal_columns",
        "ref_list",
        "Journal columns that carry the signature.",
        refers_to="journal_columns",
        nonempty=True,
    ),
    Field(
        "example_journal",
        "str",
        "Name of the example journal (data/journals/<name>.csv) that builds the signature in.",
        required=False,
    ),
    Field("is_emergency", "bool", "An emergency in itself (outlined as a red flag in figures).", required=False),
    _CITATIONS,
)  # fmt: skip

CAUTION_FIELDS = _fields(
    Field("condition", "category", "Situation the caution applies to.", allowed=tuple(SITUATIONS)),
    Field("severity", "category", "How serious.", allowed=CAUTION_SEVERITIES),
    Field("text", "text", "The caution, in words."),
    _CITATIONS,
)

MANAGEMENT_FIELDS = _fields(
    Field("id", "id", "Unique snake_case name, e.g. 'heat'."),
    Field("label", "str", "Name shown to learners."),
    Field("category", "category", "Kind of option.", allowed=MANAGEMENT_CATEGORIES),
    Field("summary", "text", "What it is."),
    Field("examples", "str_list", "Examples (drug classes and names, never doses).", required=False),
    Field("targets", "ref_list", "Causes it targets.", refers_to="causes", nonempty=True),
    Field("target_notes", "mapping", "Cause id -> a note specific to that cause.", required=False, refers_to="causes"),
    Field("evidence", "text", "The evidence in one or two sentences."),
    Field("delivered_by", "category_list", "Who does it.", allowed=DELIVERED_BY, nonempty=True),
    Field(
        "cautions",
        "records",
        "Cautions and contraindications, each tied to a situation.",
        required=False,
        subfields=tuple(CAUTION_FIELDS.values()),
    ),
    _CITATIONS,
)  # fmt: skip

RED_FLAG_FIELDS = _fields(
    Field("id", "id", "Unique snake_case name, e.g. 'dvt'."),
    Field("label", "str", "Name shown to learners."),
    Field("urgency", "category", "Referral step: emergency (now) or same_day.", allowed=URGENCIES),
    Field("refer_to", "category_list", "Who to go to, most pressing first.", allowed=tuple(SERVICES), nonempty=True),
    Field("causes", "ref_list", "Causes this red flag belongs to.", refers_to="causes", nonempty=True),
    Field("who", "text", "Who is at risk.", required=False),
    Field("signs", "str_list", "Signs to act on.", nonempty=True),
    Field("why_urgent", "text", "Why it is urgent."),
    Field("what_to_do", "str_list", "What to do now (educational wording, never a dose).", nonempty=True),
    Field(
        "sign_findings",
        "ref_list",
        "Findings of the reasoning aid that are signs of this red flag; each must raise it.",
        refers_to="findings",
        nonempty=True,
    ),
    _CITATIONS,
)  # fmt: skip

RAISE_WITH_FIELDS = _fields(
    Field("red_flag", "ref", "Red flag id.", refers_to="red_flags"),
    Field(
        "with",
        "ref_list",
        "Findings that must also be present.",
        refers_to="findings",
        nonempty=True,
    ),
    Field("why", "text", "Why the combination raises it."),
)

REFERRAL_FIELDS = _fields(
    Field("id", "category", "Step of the ladder.", allowed=REFERRAL_STEPS),
    Field("label", "str", "Name shown to learners, e.g. 'Emergency: seek care now'."),
    Field("when", "str", "How soon, in words."),
    Field("action", "text", "What to do, in words."),
    Field("who", "category_list", "Who is usually seen at this step.", allowed=tuple(SERVICES), nonempty=True),
    Field("examples", "str_list", "Examples of situations at this step.", nonempty=True),
    _CITATIONS,
)  # fmt: skip

JOURNAL_FLAG_FIELDS = _fields(
    Field("id", "id", "The value in the scan's flag column, e.g. 'possible_dvt'."),
    Field("title", "str", "A short name for tables and legends."),
    Field(
        "red_flags",
        "ref_list",
        "Red flags of red_flags.yaml this pattern can be a sign of ([] for none).",
        refers_to="red_flags",
    ),
    Field("urgency", "category", "Referral step of the pattern (that of its red flag when it has one).", allowed=REFERRAL_STEPS),
    Field("urgency_at_or_above_T6", "category", "Referral step when the injury is at or above T6.", allowed=REFERRAL_STEPS, required=False),
    Field("needs", "ref_list", "Journal columns the rule reads.", refers_to="journal_columns", nonempty=True),
    Field("summary", "text", "What the pattern may mean, in words."),
    Field("what_to_do", "str_list", "What to do (used when no red flag gives the steps).", nonempty=True),
    _CITATIONS,
)  # fmt: skip

EFFECT_FIELDS = _fields(
    Field("cause", "ref", "Cause id.", refers_to="causes"),
    Field("weight", "int", "Support (+1..+3) or argue against (-1..-3)."),
)

FINDING_FIELDS = _fields(
    Field("id", "id", "Unique name, e.g. 'one_leg_swollen'."),
    Field("label", "str", "What a learner ticks."),
    Field("group", "category", "Kind of finding.", allowed=FINDING_GROUPS),
    Field(
        "effects",
        "records",
        "Causes it supports or argues against.",
        nonempty=True,
        subfields=tuple(EFFECT_FIELDS.values()),
    ),
    Field("raises", "ref_list", "Red flags this finding raises.", refers_to="red_flags"),
    Field(
        "raises_with",
        "records",
        "Red flags this finding raises only together with other findings.",
        required=False,
        subfields=tuple(RAISE_WITH_FIELDS.values()),
    ),
    Field("note", "text", "Caveats (weak evidence, patterns built into examples).", required=False),
    _CITATIONS,
)

REFERENCE_FIELDS = _fields(
    Field("key", "id", "Unique citation key, e.g. 'siddall2003'."),
    Field("kind", "category", "Kind of source.", allowed=REFERENCE_KINDS),
    Field("title", "str", "Title."),
    Field("authors", "str_list", "Authors as 'Surname AB'; 'et al.' allowed last.", required=False),
    Field("year", "int", "Year of publication.", required=False),
    Field(
        "accessed",
        "int",
        "For a web page that shows no year: the year it was read.",
        required=False,
    ),
    Field("journal", "str", "Journal (abbreviated).", required=False),
    Field("volume", "str", "Volume.", required=False),
    Field("pages", "str", "Pages or article number.", required=False),
    Field("doi", "str", "DOI without the https://doi.org/ prefix.", required=False),
    Field("pmid", "str", "PubMed id.", required=False),
    Field("pmcid", "str", "PubMed Central id (PMC...).", required=False),
    Field("url", "str", "Web address.", required=False),
    Field("publisher", "str", "Publisher or website, for pages and guidelines.", required=False),
    Field(
        "note",
        "text",
        "What the project uses it for; what is missing or uncertain.",
        required=False,
    ),
)

SCHEMAS: dict[str, FileSchema] = {
    name: FileSchema(name, f"{name}.yaml", id_field, description, fields)
    for name, id_field, description, fields in (
        ("references", "key", "Sources cited anywhere in the knowledge base.", REFERENCE_FIELDS),
        ("causes", "id", "Causes of leg pain after SCI.", CAUSE_FIELDS),
        ("management", "id", "Management options with cautions.", MANAGEMENT_FIELDS),
        ("red_flags", "id", "Red flags and what to do.", RED_FLAG_FIELDS),
        ("findings", "id", "Findings for the reasoning aid.", FINDING_FIELDS),
        ("referral", "id", "The referral ladder: how soon, and who.", REFERRAL_FIELDS),
        ("journal_flags", "id", "Red-flag patterns of the journal scan.", JOURNAL_FLAG_FIELDS),
    )
}
"""Every knowledge-base file by name, in loading order."""

CITING_FILES: tuple[str, ...] = ("scores.yaml",)
"""Other files in the knowledge folder whose citations must resolve in ``references.yaml``.

``scores.yaml`` (the clinical scores, read by :mod:`sci_pain.analysis.scores`) is a mapping from a
scale name to its record; every record needs ``citations``, and every ``citations`` list at
any depth is checked by :func:`find_problems`. A folder without the file is not a problem
(the loaders here do not need it)."""
