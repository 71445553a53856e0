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

This module holds the controlled vocabularies (ISCIP categories, levels, sites, situations, ...)
and the schema of each file (:data:`SCHEMAS`), whose fields are declared as data in
``fields.yaml`` beside it (:func:`read_field_tables`). Everything else is derived from these
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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from sci_pain._resources import load_yaml
from sci_pain.journal import SITES as JOURNAL_SITES

__all__ = [
    "CAUSE_FIELDS",
    "CAUTION_FIELDS",
    "Field",
    "FileSchema",
    "FIELD_TABLES",
    "VOCABULARIES",
    "read_field_tables",
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


def read_field_tables(
    package: str, filename: str, vocabularies: Mapping[str, Iterable[str]]
) -> dict[str, dict[str, Field]]:
    """Read the field tables that a package ships as a YAML file.

    Each table maps a field name to the keyword arguments of :class:`Field`; ``allowed`` names a
    vocabulary of *vocabularies* and ``subfields`` a table declared earlier in the file.

    Parameters
    ----------
    package : str
        The package that holds the file, e.g. ``"sci_pain.knowledge"``.
    filename : str
        The file's name inside the package.
    vocabularies : mapping of str to iterable of str
        The controlled vocabularies the file may name, by name.

    Returns
    -------
    dict of str to dict of str to Field
        The tables in the order of the file, each field by name.

    Examples
    --------
    >>> tables = read_field_tables("sci_pain.knowledge", "fields.yaml", VOCABULARIES)
    >>> tables["causes"]["level"].allowed
    ('at_level', 'below_level', 'not_level_specific')
    """
    tables: dict[str, dict[str, Field]] = {}
    for table, entries in load_yaml(resources.files(package).joinpath(filename)).items():
        tables[table] = {}
        for name, entry in entries.items():
            options = dict(entry)
            if "allowed" in options:
                options["allowed"] = tuple(vocabularies[options["allowed"]])
            if "subfields" in options:
                options["subfields"] = tuple(tables[options["subfields"]].values())
            tables[table][name] = Field(name, **options)
    return tables


VOCABULARIES: dict[str, Iterable[str]] = {
    "ISCIP_TYPES": ISCIP_TYPES,
    "ISCIP_SUBTYPES": ISCIP_SUBTYPES,
    "LEVELS": LEVELS,
    "LATERALITY": LATERALITY,
    "LEG_SITES": LEG_SITES,
    "BODY_SITES": BODY_SITES,
    "SITUATIONS": SITUATIONS,
    "CAUTION_SEVERITIES": CAUTION_SEVERITIES,
    "MANAGEMENT_CATEGORIES": MANAGEMENT_CATEGORIES,
    "DELIVERED_BY": DELIVERED_BY,
    "REFERRAL_STEPS": REFERRAL_STEPS,
    "URGENCIES": URGENCIES,
    "SERVICES": SERVICES,
    "FINDING_GROUPS": FINDING_GROUPS,
    "REFERENCE_KINDS": REFERENCE_KINDS,
}
"""The vocabularies that ``fields.yaml`` names in ``allowed`` (a mapping gives its keys)."""

FIELD_TABLES: dict[str, dict[str, Field]] = read_field_tables(
    __package__, "fields.yaml", VOCABULARIES
)
"""The fields of every knowledge-base record type, declared in ``fields.yaml`` beside this module:
one table per file, and one per nested record (``cautions``, ``effects``, ``raise_with``)."""

CAUSE_FIELDS: dict[str, Field] = FIELD_TABLES["causes"]
"""Fields of a cause (``causes.yaml``)."""

CAUTION_FIELDS: dict[str, Field] = FIELD_TABLES["cautions"]
"""Fields of a caution (``cautions`` of a management option)."""

SCHEMAS: dict[str, FileSchema] = {
    name: FileSchema(name, f"{name}.yaml", id_field, description, FIELD_TABLES[name])
    for name, id_field, description in (
        ("references", "key", "Sources cited anywhere in the knowledge base."),
        ("causes", "id", "Causes of leg pain after SCI."),
        ("management", "id", "Management options with cautions."),
        ("red_flags", "id", "Red flags and what to do."),
        ("findings", "id", "Findings for the reasoning aid."),
        ("referral", "id", "The referral ladder: how soon, and who."),
        ("journal_flags", "id", "Red-flag patterns of the journal scan."),
    )
}
"""Every knowledge-base file by name, in loading order."""

CITING_FILES: tuple[str, ...] = ("scores.yaml", "dermatome_landmarks.yaml")
"""Other files in the knowledge folder whose citations must resolve in ``references.yaml``.

``scores.yaml`` (the clinical scores, read by :mod:`sci_pain.analysis.scores`) maps a scale name
to its record, ``dermatome_landmarks.yaml`` (read by
:func:`sci_pain.course.load_dermatome_landmarks`) a dermatome to its landmark; every record needs
``citations``, and every ``citations`` list at any depth is checked by :func:`find_problems`. A
folder without one of these files is not a problem (the loaders here do not need them)."""
