"""The knowledge-base files, declared once, and a validator that reports every problem.

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

This module holds the fields of each file (:data:`SCHEMAS`), the controlled vocabularies
(ISCIP categories, levels, sites, situations, ...) and :func:`find_problems`, which checks the
files the way pandera checks a frame: lazily, collecting every problem into a table of
(file, record, field, value, problem) instead of stopping at the first. The loaders in
:mod:`sci_pain.knowledge.loaders` run it once and raise :class:`KnowledgeError` if anything is wrong.

Examples
--------
>>> from sci_pain.knowledge.schema import SCHEMAS, SITUATIONS, find_problems
>>> SCHEMAS["causes"].fields["iscip_subtype"].allowed[:3]
('musculoskeletal', 'visceral', 'other_nociceptive')
>>> list(SITUATIONS)[:3]
['always', 'impaired_sensation', 'impaired_circulation']
>>> len(find_problems())  # the bundled files are clean
0
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sci_pain._resources import data_path
from sci_pain.errors import KnowledgeError
from sci_pain.journal import COLUMNS as JOURNAL_COLUMNS
from sci_pain.journal import SITES as JOURNAL_SITES

__all__ = [
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
    "KnowledgeError",
    "read_knowledge",
    "find_problems",
    "validate_knowledge",
    "markdown_table",
    "update_readme_tables",
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
    "references": FileSchema(
        "references", "references.yaml", "key", "Sources cited anywhere in the knowledge base.", REFERENCE_FIELDS
    ),
    "causes": FileSchema(
        "causes", "causes.yaml", "id", "Causes of leg pain after SCI.", CAUSE_FIELDS
    ),
    "management": FileSchema(
        "management", "management.yaml", "id", "Management options with cautions.", MANAGEMENT_FIELDS
    ),
    "red_flags": FileSchema(
        "red_flags", "red_flags.yaml", "id", "Red flags and what to do.", RED_FLAG_FIELDS
    ),
    "findings": FileSchema(
        "findings", "findings.yaml", "id", "Findings for the reasoning aid.", FINDING_FIELDS
    ),
    "referral": FileSchema(
        "referral", "referral.yaml", "id", "The referral ladder: how soon, and who.", REFERRAL_FIELDS
    ),
    "journal_flags": FileSchema(
        "journal_flags", "journal_flags.yaml", "id", "Red-flag patterns of the journal scan.", JOURNAL_FLAG_FIELDS
    ),
}  # fmt: skip
"""Every knowledge-base file by name, in loading order."""

CITING_FILES: tuple[str, ...] = ("scores.yaml",)
"""Other files in the knowledge folder whose citations must resolve in ``references.yaml``.

``scores.yaml`` (the clinical scores, read by :mod:`sci_pain.analysis.scores`) is a mapping from a
scale name to its record; every record needs ``citations``, and every ``citations`` list at
any depth is checked by :func:`find_problems`. A folder without the file is not a problem
(the loaders here do not need it)."""

_ID_PATTERN = re.compile(r"^[a-z][A-Za-z0-9_]*$")


# -- reading --------------------------------------------------------------------------------------


def _folder(folder: str | Path | None) -> Path:
    return Path(folder) if folder is not None else data_path("knowledge")


def read_knowledge(folder: str | Path | None = None) -> tuple[dict[str, list[dict]], list[dict]]:
    """Read the five YAML files without checking their fields.

    Parameters
    ----------
    folder : str or Path, optional
        A folder holding the five files; defaults to the bundled ``data/knowledge``.

    Returns
    -------
    records : dict
        File name (``causes``, ...) -> list of record dicts (empty if unreadable).
    problems : list of dict
        Problems found while reading (missing file, YAML syntax error, wrong top level).
    """
    import yaml

    root = _folder(folder)
    records: dict[str, list[dict]] = {}
    problems: list[dict] = []
    for name, schema in SCHEMAS.items():
        path = root / schema.filename
        records[name] = []
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(_problem(schema.filename, "", "", "", f"file not found in {root}"))
            continue
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = f" at line {where.line + 1}" if where is not None else ""
            problems.append(
                _problem(schema.filename, "", "", "", f"YAML syntax error{line}: {exc}")
            )
            continue
        if not isinstance(raw, list):
            problems.append(
                _problem(
                    schema.filename,
                    "",
                    "",
                    type(raw).__name__,
                    "the file must be a list of records",
                )
            )
            continue
        for i, item in enumerate(raw, start=1):
            if not isinstance(item, dict):
                problems.append(
                    _problem(
                        schema.filename, f"#{i}", "", _show(item), "each record must be a mapping"
                    )
                )
                continue
            records[name].append(item)
    return records, problems


# -- checking -------------------------------------------------------------------------------------


def _problem(file: str, record: str, field_name: str, value: object, problem: str) -> dict:
    return {
        "file": file,
        "record": record,
        "field": field_name,
        "value": _show(value),
        "problem": problem,
    }


def _show(value: object, width: int = 60) -> str:
    if value is None:
        return ""
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= width else text[: width - 3] + "..."


def _suggest(value: str, valid) -> str:
    close = difflib.get_close_matches(str(value), [str(v) for v in valid], n=3, cutoff=0.6)
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _check_value(fld: Field, value: object, where: tuple[str, str, str], out: list[dict]) -> None:
    """Check one value against its field declaration (types and vocabularies, not references)."""
    file, record, name = where

    def bad(problem: str) -> None:
        out.append(_problem(file, record, name, value, problem))

    kind = fld.kind
    if kind == "id":
        if not isinstance(value, str) or not _ID_PATTERN.match(value):
            bad(
                "must be a name of letters, digits and underscores starting with a lower-case letter"
            )
    elif kind in ("str", "text"):
        if not isinstance(value, str) or not value.strip():
            bad("must be non-empty text")
        elif kind == "str" and "\n" in value.strip():
            bad("must be a single line")
    elif kind == "bool":
        if not isinstance(value, bool):
            bad("must be true or false")
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            bad("must be a whole number")
    elif kind == "category":
        if value not in fld.allowed:
            bad(f"must be one of {list(fld.allowed)}.{_suggest(value, fld.allowed)}")
    elif kind in ("str_list", "category_list", "ref_list"):
        if not isinstance(value, list):
            bad("must be a list (write [] for none)")
            return
        if fld.nonempty and not value:
            bad("must list at least one item")
        if len(set(map(str, value))) != len(value):
            bad("lists an item more than once")
        for item in value:
            if not isinstance(item, str) or not item.strip():
                out.append(_problem(file, record, name, item, "items must be non-empty text"))
            elif kind == "category_list" and item not in fld.allowed:
                out.append(
                    _problem(
                        file,
                        record,
                        name,
                        item,
                        f"must be one of {list(fld.allowed)}.{_suggest(item, fld.allowed)}",
                    )
                )
    elif kind == "ref":
        if not isinstance(value, str):
            bad("must be a name")
    elif kind == "day_range":
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            and all(math.isfinite(v) for v in value)
        )
        if not ok:
            bad("must be [start, end]: two numbers of days after injury")
        elif not 0 <= value[0] < value[1]:
            bad("needs 0 <= start < end (days after injury)")
    elif kind == "mapping":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            bad("must map names to non-empty text")
    elif kind == "records":
        if not isinstance(value, list):
            bad("must be a list of records (write [] for none)")
            return
        if fld.nonempty and not value:
            bad("must list at least one record")
        for i, item in enumerate(value, start=1):
            sub_where = f"{name}[{i}]"
            if not isinstance(item, dict):
                out.append(_problem(file, record, sub_where, item, "must be a mapping"))
                continue
            _check_record_fields(
                {f.name: f for f in fld.subfields}, item, (file, record, sub_where), out
            )


def _check_record_fields(
    fields: dict[str, Field], record: dict, where: tuple[str, str, str], out: list[dict]
) -> None:
    file, rid, prefix = where
    dot = "." if prefix else ""
    for key in record:
        if key not in fields:
            out.append(
                _problem(
                    file,
                    rid,
                    f"{prefix}{dot}{key}",
                    record[key],
                    f"unknown field.{_suggest(key, fields) or f' Valid fields: {list(fields)}'}",
                )
            )
    for fld in fields.values():
        name = f"{prefix}{dot}{fld.name}"
        if fld.name not in record or record[fld.name] is None:
            if fld.required:
                out.append(_problem(file, rid, name, None, "required field is missing"))
            continue
        value = record[fld.name]
        if fld.required and _is_blank(value) and fld.kind not in ("ref_list", "records"):
            out.append(_problem(file, rid, name, value, "required field is empty"))
            continue
        _check_value(fld, value, (file, rid, name), out)


def _refs(records: dict[str, list[dict]]) -> dict[str, set[str]]:
    known = {
        name: {str(r.get(schema.id_field)) for r in records[name]}
        for name, schema in SCHEMAS.items()
    }
    known["journal_columns"] = set(JOURNAL_COLUMNS)
    return known


def _check_references(
    schema: FileSchema, record: dict, rid: str, known: dict[str, set[str]], out: list[dict]
) -> None:
    """Check that every ref/ref_list (also nested) names an existing record."""

    def check(fld: Field, value: object, name: str) -> None:
        if fld.kind in ("ref", "ref_list") and fld.refers_to:
            values = [value] if fld.kind == "ref" else value
            if not isinstance(values, list):
                return
            for item in values:
                if isinstance(item, str) and item not in known[fld.refers_to]:
                    target = (
                        "journal_schema.COLUMNS"
                        if fld.refers_to == "journal_columns"
                        else SCHEMAS[fld.refers_to].filename
                    )
                    out.append(
                        _problem(
                            schema.filename,
                            rid,
                            name,
                            item,
                            f"not found in {target}.{_suggest(item, known[fld.refers_to])}",
                        )
                    )
        elif fld.kind == "mapping" and fld.refers_to and isinstance(value, dict):
            for key in value:
                if key not in known[fld.refers_to]:
                    out.append(
                        _problem(
                            schema.filename,
                            rid,
                            f"{name}.{key}",
                            key,
                            f"not found in {SCHEMAS[fld.refers_to].filename}."
                            f"{_suggest(key, known[fld.refers_to])}",
                        )
                    )
        elif fld.kind == "records" and isinstance(value, list):
            for i, item in enumerate(value, start=1):
                if isinstance(item, dict):
                    for sub in fld.subfields:
                        if item.get(sub.name) is not None:
                            check(sub, item[sub.name], f"{name}[{i}].{sub.name}")

    for fld in schema.fields.values():
        if record.get(fld.name) is not None:
            check(fld, record[fld.name], fld.name)


def _check_links(records: dict[str, list[dict]], out: list[dict]) -> None:
    """Cross-file rules: links that must agree both ways, and per-file consistency."""
    causes = {r.get("id"): r for r in records["causes"]}
    management = {r.get("id"): r for r in records["management"]}
    red_flags = {r.get("id"): r for r in records["red_flags"]}

    def as_list(value: object) -> list:
        return value if isinstance(value, list) else []

    for cid, cause in causes.items():
        iscip_type, subtype = cause.get("iscip_type"), cause.get("iscip_subtype")
        if iscip_type in ISCIP_SUBTYPE_OF and subtype not in ISCIP_SUBTYPE_OF[iscip_type]:
            out.append(
                _problem(
                    "causes.yaml",
                    str(cid),
                    "iscip_subtype",
                    subtype,
                    f"is not a subtype of {iscip_type!r}; allowed: {list(ISCIP_SUBTYPE_OF[iscip_type])}",
                )
            )
        peak, onset = cause.get("peak_days"), cause.get("onset_days")
        if (
            isinstance(peak, list)
            and isinstance(onset, list)
            and len(peak) == len(onset) == 2
            and all(isinstance(v, (int, float)) for v in peak + onset)
            and onset[0] < onset[1]
            and not onset[0] <= peak[0] < peak[1] <= onset[1]
        ):
            out.append(
                _problem("causes.yaml", str(cid), "peak_days", peak, "must lie inside onset_days")
            )
        for mid in as_list(cause.get("management")):
            if mid in management and cid not in as_list(management[mid].get("targets")):
                out.append(
                    _problem(
                        "causes.yaml",
                        str(cid),
                        "management",
                        mid,
                        f"management.yaml record {mid!r} does not list {cid!r} in its targets",
                    )
                )
        for fid in as_list(cause.get("red_flags")):
            if fid in red_flags and cid not in as_list(red_flags[fid].get("causes")):
                out.append(
                    _problem(
                        "causes.yaml",
                        str(cid),
                        "red_flags",
                        fid,
                        f"red_flags.yaml record {fid!r} does not list {cid!r} in its causes",
                    )
                )
    for mid, option in management.items():
        targets = as_list(option.get("targets"))
        for cid in targets:
            if cid in causes and mid not in as_list(causes[cid].get("management")):
                out.append(
                    _problem(
                        "management.yaml",
                        str(mid),
                        "targets",
                        cid,
                        f"causes.yaml record {cid!r} does not list {mid!r} in its management",
                    )
                )
        notes = option.get("target_notes")
        if isinstance(notes, dict):
            for cid in notes:
                if cid in causes and cid not in targets:
                    out.append(
                        _problem(
                            "management.yaml",
                            str(mid),
                            f"target_notes.{cid}",
                            cid,
                            "has a note for a cause that is not among its targets",
                        )
                    )
    for fid, flag in red_flags.items():
        for cid in as_list(flag.get("causes")):
            if cid in causes and fid not in as_list(causes[cid].get("red_flags")):
                out.append(
                    _problem(
                        "red_flags.yaml",
                        str(fid),
                        "causes",
                        cid,
                        f"causes.yaml record {cid!r} does not list {fid!r} in its red_flags",
                    )
                )
    _check_red_flag_links(records, red_flags, out)
    low, high = WEIGHT_RANGE
    for finding in records["findings"]:
        fid = str(finding.get("id"))
        seen: set[str] = set()
        for i, effect in enumerate(as_list(finding.get("effects")), start=1):
            if not isinstance(effect, dict):
                continue
            weight, cause = effect.get("weight"), effect.get("cause")
            if (
                isinstance(weight, int)
                and not isinstance(weight, bool)
                and (weight == 0 or not low <= weight <= high)
            ):
                out.append(
                    _problem(
                        "findings.yaml",
                        fid,
                        f"effects[{i}].weight",
                        weight,
                        f"must be a non-zero whole number from {low} to {high}",
                    )
                )
            if cause in seen:
                out.append(
                    _problem(
                        "findings.yaml", fid, f"effects[{i}].cause", cause, "cause listed twice"
                    )
                )
            seen.add(cause)


def _check_red_flag_links(records: dict[str, list[dict]], red_flags: dict, out: list[dict]) -> None:
    """Red flags, findings, the referral ladder and the journal scan's patterns agree."""

    def as_list(value: object) -> list:
        return value if isinstance(value, list) else []

    raised: dict[str, set[str]] = {}  # finding -> red flags it raises (alone or with others)
    for finding in records["findings"]:
        fid = str(finding.get("id"))
        flags = set(map(str, as_list(finding.get("raises"))))
        for item in as_list(finding.get("raises_with")):
            if isinstance(item, dict) and isinstance(item.get("red_flag"), str):
                flags.add(item["red_flag"])
        raised[fid] = flags
    for rid, flag in red_flags.items():
        signs = as_list(flag.get("sign_findings"))
        for fid in signs:
            if fid in raised and rid not in raised[fid]:
                out.append(
                    _problem(
                        "red_flags.yaml",
                        str(rid),
                        "sign_findings",
                        fid,
                        f"findings.yaml record {fid!r} does not raise {rid!r} (add it to its "
                        "raises or raises_with)",
                    )
                )
    for fid, flags in raised.items():
        for rid in sorted(flags):
            if rid in red_flags and fid not in as_list(red_flags[rid].get("sign_findings")):
                out.append(
                    _problem(
                        "findings.yaml",
                        fid,
                        "raises",
                        rid,
                        f"red_flags.yaml record {rid!r} does not list {fid!r} in its sign_findings",
                    )
                )
    steps = [r.get("id") for r in records.get("referral", [])]
    if records.get("referral") is not None and sorted(map(str, steps)) != sorted(REFERRAL_STEPS):
        out.append(
            _problem(
                "referral.yaml",
                "",
                "id",
                steps,
                f"must hold each step of the ladder once: {list(REFERRAL_STEPS)}",
            )
        )
    rank = {s: i for i, s in enumerate(REFERRAL_STEPS)}
    for rule in records.get("journal_flags", []):
        linked = [red_flags[f] for f in as_list(rule.get("red_flags")) if f in red_flags]
        urgencies = [f.get("urgency") for f in linked if f.get("urgency") in rank]
        if urgencies and rule.get("urgency") in rank:
            most = min(urgencies, key=rank.__getitem__)
            if rule["urgency"] != most:
                out.append(
                    _problem(
                        "journal_flags.yaml",
                        str(rule.get("id")),
                        "urgency",
                        rule["urgency"],
                        f"must be {most!r}, the most pressing urgency of its red flags, so the "
                        "scan never words a red flag as less pressing than the knowledge base",
                    )
                )


REFERENCE_LOCATORS: tuple[str, ...] = ("doi", "pmid", "pmcid", "url")
"""A reference needs at least one of these to be found again."""


def _check_reference_complete(record: dict, out: list[dict]) -> None:
    """Authors (or a publisher for a page), year, title, journal or publisher, and a locator."""
    key = str(record.get("key"))
    missing = []
    if _is_blank(record.get("authors")) and _is_blank(record.get("publisher")):
        missing.append("authors (or publisher)")
    if record.get("year") is None and not (
        record.get("kind") == "web_page" and record.get("accessed") is not None
    ):
        missing.append("year (or, for a web page without one, the year accessed)")
    if _is_blank(record.get("journal")) and _is_blank(record.get("publisher")):
        missing.append("journal or publisher")
    if all(_is_blank(record.get(k)) for k in REFERENCE_LOCATORS):
        missing.append("a locator (doi, pmid, pmcid or url)")
    if missing:
        out.append(
            _problem(
                "references.yaml",
                key,
                "",
                "",
                f"incomplete reference: missing {', '.join(missing)}",
            )
        )


def _citation_lists(node: object, path: str = ""):
    """Yield (field path, value) for every ``citations``/``onset_citations`` at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            name = f"{path}.{key}" if path else str(key)
            if key in ("citations", "onset_citations"):
                yield name, value
            else:
                yield from _citation_lists(value, name)
    elif isinstance(node, list):
        for i, item in enumerate(node, start=1):
            yield from _citation_lists(item, f"{path}[{i}]")


def _check_citing_files(root: Path, known: dict[str, set[str]], out: list[dict]) -> None:
    """Check that every record of :data:`CITING_FILES` cites, and cites known references."""
    import yaml

    for filename in CITING_FILES:
        path = root / filename
        if not path.is_file():
            continue
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = f" at line {where.line + 1}" if where is not None else ""
            out.append(_problem(filename, "", "", "", f"YAML syntax error{line}: {exc}"))
            continue
        if not isinstance(raw, dict):
            out.append(
                _problem(filename, "", "", type(raw).__name__, "the file must map names to records")
            )
            continue
        for rid, record in raw.items():
            if not isinstance(record, dict):
                out.append(
                    _problem(filename, str(rid), "", record, "each record must be a mapping")
                )
                continue
            if _is_blank(record.get("citations")):
                out.append(
                    _problem(filename, str(rid), "citations", None, "every record needs citations")
                )
            for name, value in _citation_lists(record):
                if not isinstance(value, list):
                    out.append(_problem(filename, str(rid), name, value, "must be a list of keys"))
                    continue
                for key in value:
                    if not isinstance(key, str) or key not in known["references"]:
                        hint = _suggest(str(key), known["references"])
                        out.append(
                            _problem(
                                filename,
                                str(rid),
                                name,
                                key,
                                f"not found in references.yaml.{hint}",
                            )
                        )


def find_problems(folder: str | Path | None = None, *, complete_references: bool = False):
    """Check the knowledge-base files and return every problem as a table.

    Checks each record's fields (required, type, allowed values, no unknown fields, unique
    ids), that every reference resolves (citation keys, cause, management, red-flag and
    journal-column names), and that links agree both ways (a cause's ``management`` and the
    option's ``targets``; a cause's ``red_flags`` and the red flag's ``causes``). The
    citations of :data:`CITING_FILES` (the clinical scores) must resolve too.

    Parameters
    ----------
    folder : str or Path, optional
        A folder holding the YAML files; defaults to the bundled ``data/knowledge``.
    complete_references : bool, default False
        Also require every reference to be complete: authors (or a publisher), year (or, for
        a web page without one, the year accessed), title, journal or publisher, and a
        locator (DOI, PMID, PMCID or URL).

    Returns
    -------
    pandas.DataFrame
        One row per problem, columns ``file``, ``record``, ``field``, ``value``,
        ``problem``; empty when the files are clean.

    See Also
    --------
    validate_knowledge : raise instead of returning.

    Examples
    --------
    >>> find_problems().columns.tolist()
    ['file', 'record', 'field', 'value', 'problem']
    """
    import pandas as pd

    records, out = read_knowledge(folder)
    for name, schema in SCHEMAS.items():
        seen: set[str] = set()
        for i, record in enumerate(records[name], start=1):
            rid = record.get(schema.id_field)
            rid_text = str(rid) if rid is not None else f"#{i}"
            if isinstance(rid, str):
                if rid in seen:
                    out.append(
                        _problem(schema.filename, rid_text, schema.id_field, rid, "duplicate id")
                    )
                seen.add(rid)
            _check_record_fields(schema.fields, record, (schema.filename, rid_text, ""), out)
    known = _refs(records)
    for name, schema in SCHEMAS.items():
        for i, record in enumerate(records[name], start=1):
            rid = record.get(schema.id_field)
            _check_references(schema, record, str(rid) if rid is not None else f"#{i}", known, out)
    _check_links(records, out)
    if complete_references:
        for record in records["references"]:
            _check_reference_complete(record, out)
    _check_citing_files(_folder(folder), known, out)
    return pd.DataFrame(out, columns=list(PROBLEM_COLUMNS), dtype=object)


def validate_knowledge(folder: str | Path | None = None) -> None:
    """Raise :class:`KnowledgeError` listing every problem in the knowledge-base files.

    Parameters
    ----------
    folder : str or Path, optional
        A folder holding the five YAML files; defaults to the bundled ``data/knowledge``.

    Raises
    ------
    KnowledgeError
        With ``.problems`` (a DataFrame) and a message naming file, record and field.

    Examples
    --------
    >>> validate_knowledge()  # the bundled files are clean: nothing happens
    """
    problems = find_problems(folder)
    if len(problems):
        lines = [
            f"- {p.file}: record {p.record!r}: field {p.field!r}: {p.problem}"
            + (f" (value: {p.value!r})" if p.value else "")
            if p.field
            else f"- {p.file}: record {p.record!r}: {p.problem}"
            for p in problems.head(20).itertuples()
        ]
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        msg = (
            f"{len(problems)} problem(s) in the knowledge base ({_folder(folder)}):\n"
            + "\n".join(lines)
            + more
        )
        raise KnowledgeError(msg, problems)


def _table_rows(fields: dict[str, Field], prefix: str = "") -> list[str]:
    rows = []
    for fld in fields.values():
        if fld.allowed:
            values = ", ".join(f"`{v}`" for v in fld.allowed)
        elif fld.refers_to:
            values = (
                f"ids in {SCHEMAS[fld.refers_to].filename}"
                if fld.refers_to in SCHEMAS
                else ("journal column names")
            )
        else:
            values = ""
        kind = fld.kind + (" (non-empty)" if fld.nonempty else "")
        required = "yes" if fld.required else "no"
        cells = [f"`{prefix}{fld.name}`", kind, required, values, fld.description]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        if fld.subfields:
            rows += _table_rows({f.name: f for f in fld.subfields}, f"{prefix}{fld.name}[].")
    return rows


def markdown_table(name: str) -> str:
    """Return the fields of one knowledge-base file as a Markdown table.

    ``data/knowledge/README.md`` embeds these tables; a test checks they are up to date.

    Parameters
    ----------
    name : str
        ``causes``, ``management``, ``red_flags``, ``findings`` or ``references``.

    Examples
    --------
    >>> print(markdown_table("red_flags").splitlines()[2])
    | `id` | id | yes |  | Unique snake_case name, e.g. 'dvt'. |
    """
    if name not in SCHEMAS:
        msg = f"unknown knowledge-base file {name!r}; valid: {list(SCHEMAS)}.{_suggest(name, SCHEMAS)}"
        raise ValueError(msg)
    header = [
        "| field | type | required | allowed values | description |",
        "|---|---|---|---|---|",
    ]
    return "\n".join(header + _table_rows(SCHEMAS[name].fields)) + "\n"


_GENERATED = re.compile(
    r"(<!-- BEGIN generated: sci_pain\.knowledge_schema\.markdown_table\('(\w+)'\) -->\n)(.*?)"
    r"(<!-- END generated -->)",
    re.S,
)


def update_readme_tables(path: str | Path | None = None) -> bool:
    """Rewrite the generated field tables in ``data/knowledge/README.md``.

    Each section between ``<!-- BEGIN generated: sci_pain.knowledge.schema.markdown_table('x')
    -->`` and ``<!-- END generated -->`` is replaced by :func:`markdown_table` for ``x``.

    Parameters
    ----------
    path : str or Path, optional
        The README; defaults to the bundled ``data/knowledge/README.md``.

    Returns
    -------
    bool
        Whether the file changed.
    """
    path = Path(path) if path is not None else data_path("knowledge", "README.md")
    text = path.read_text(encoding="utf-8")
    new = _GENERATED.sub(lambda m: m.group(1) + markdown_table(m.group(2)) + m.group(4), text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
