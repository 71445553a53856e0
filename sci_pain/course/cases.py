"""Worked cases: people with SCI taken from their story to a plan (records, loading, checking).

A case is a YAML file in ``data/cases/`` (one person per file). Its fields are declared once,
here (:data:`CASE_FIELDS` and the nested declarations), and :func:`find_case_problems` checks
every file against them the way :mod:`sci_pain.knowledge.schema` checks the knowledge base:
lazily, collecting every problem into a table of (file, field, value, problem). Citation keys
must resolve in ``data/knowledge/references.yaml``, red-flag ids in ``red_flags.yaml``,
management ids in ``management.yaml`` and the journal's persona in
``data/journals/personas.yaml``.

Each case has several pains (as in real life), each with its ISCIP type and subtype and the
dermatome where it is felt, a pain journal made by the simulator (:func:`case_journal`, seeded,
with documented built-in effects: :func:`case_effects`), and a model answer for every step of
the reasoning (classification, screen, red flags, plan with this person's cautions, referral,
the biopsychosocial side), each with its citations.

Marking a learner's answers and the model answers live in :mod:`sci_pain.course.marking`; the
dermatome rule of ISCIP in :mod:`sci_pain.course.dermatomes`.

All cases are made up for teaching; none describes a real person. Educational only: the model
answers reason about a person on paper; they never diagnose anyone and never give a dose.

Examples
--------
>>> list_cases()["id"].tolist()[:2]
['daniel_t4_ad_pressure', 'aisha_l1_at_level']
>>> load_case("tom_t8_day10_calf").neurological_level
'T8'
"""

from __future__ import annotations

import copy
import dataclasses
import io
import math
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain._docs import shared_docs
from sci_pain._resources import data_path, load_yaml
from sci_pain.course.dermatomes import DERMATOMES, iscip_zone
from sci_pain.errors import CaseError, did_you_mean
from sci_pain.knowledge import (
    ISCIP_LABELS,
    ISCIP_SUBTYPE_OF,
    ISCIP_SUBTYPES,
    ISCIP_TYPES,
    SITUATIONS,
    Field,
    read_field_tables,
    record_class,
    show_value,
    value_problems,
)

if TYPE_CHECKING:
    from sci_pain.journal import Journal
    from sci_pain.simulate import Persona

__all__ = [
    "AIS_GRADES",
    "AIS_MEANINGS",
    "SCREEN_TOOLS",
    "RECOVERABLE_EFFECTS",
    "REFERRAL_URGENCIES",
    "STEPS",
    "CASE_FIELDS",
    "PAIN_FIELDS",
    "JOURNAL_FIELDS",
    "ANSWER_FIELDS",
    "CaseError",
    "Case",
    "CasePain",
    "find_case_problems",
    "validate_cases",
    "list_cases",
    "load_case",
    "case_persona",
    "case_journal",
    "case_effects",
]

# -- vocabularies --------------------------------------------------------------------------------

AIS_GRADES: tuple[str, ...] = ("A", "B", "C", "D", "E")
"""ASIA Impairment Scale grades."""

AIS_MEANINGS: dict[str, str] = {
    "A": "Complete: no sensory or motor function is preserved in the sacral segments S4-S5.",
    "B": "Sensory incomplete: sensation but no motor function is preserved below the "
    "neurological level, including the sacral segments S4-S5, and no motor function more than "
    "three levels below the motor level on either side.",
    "C": "Motor incomplete: motor function is preserved below the level (with sacral sparing), "
    "and more than half "
    "of the key muscles below the single neurological level are weaker than antigravity "
    "(grade below 3).",
    "D": "Motor incomplete: motor function is preserved below the level, and at least half "
    "of the key muscles below the neurological level are antigravity or stronger (grade 3 "
    "or more).",
    "E": "Normal: sensation and motor function are normal in a person who had deficits before.",
}
"""What each AIS grade means (Kirshblum et al. 2011, ``kirshblum2011``)."""

SCREEN_TOOLS: tuple[str, ...] = ("dn4", "scipi", "wells_dvt", "braden", "bmi")
"""Scores a case's screening step may use (functions of :mod:`sci_pain.analysis.scores`)."""

RECOVERABLE_EFFECTS: dict[str, str] = {
    "evening": "pain is higher in evening entries than in morning ones (evening_effect)",
    "sleep": "pain is higher after a short night (sleep_effect_per_hour)",
    "sleep_interference": (
        "pain interferes more with sleep after a short night (sleep_interference_per_lost_hour)"
    ),
    "spasms": "pain rises with the spasms written in the entry (spasm_effect)",
    "activity_next_day": "pain rises the day after a long session (activity_effect_per_10min)",
    "trend": "pain drifts slowly upwards (trend_per_30_days)",
    "intervention": "pain is lower once the trial intervention acts (intervention_effect)",
    "swelling": "one leg is written as swollen from a given day (dvt_start_day, dvt_side)",
    "swelling_pain": "pain rises while the leg is swollen (dvt_pain_effect)",
    "painless_swelling": "the swelling adds no pain (dvt_pain_effect is 0)",
    "skin_spasms": "spasms increase while the skin is not intact (skin_spasm_factor)",
    "painless_skin": "the skin changes add no pain (redness/blister_pain_effect are 0)",
}
"""Effects a case's journal may claim to show; a test recovers each with the analysis layer."""

REFERRAL_URGENCIES: tuple[str, ...] = ("emergency", "urgent", "routine")
"""``emergency``: seek care now; ``urgent``: the same day; ``routine``: a planned referral."""

STEPS: tuple[str, ...] = (
    "classification",
    "screen",
    "red_flags",
    "plan",
    "referral",
    "biopsychosocial",
)
"""The reasoning steps every case has a model answer for, in order."""

_CASES_DIR = ("cases",)

# -- the schema, declared once ---------------------------------------------------------------------

_FIELD_TABLES = read_field_tables(
    __package__,
    "case_fields.yaml",
    {
        "AIS_GRADES": AIS_GRADES,
        "DERMATOMES": DERMATOMES,
        "ISCIP_SUBTYPES": ISCIP_SUBTYPES,
        "ISCIP_TYPES": ISCIP_TYPES,
        "RECOVERABLE_EFFECTS": RECOVERABLE_EFFECTS,
        "REFERRAL_URGENCIES": REFERRAL_URGENCIES,
        "SCREEN_TOOLS": SCREEN_TOOLS,
        "SIDES": ("left", "right", "both", "midline"),
        "SITUATIONS": SITUATIONS,
    },
)
# The fields of a case file and of its nested records, declared in case_fields.yaml beside this
# module; the nested answers (screen, red_flags, plan, referral, text) are reached through
# ANSWER_FIELDS' subfields.

PAIN_FIELDS: dict[str, Field] = _FIELD_TABLES["pains"]
"""Fields of one pain (``pains`` in a case)."""

JOURNAL_FIELDS: dict[str, Field] = _FIELD_TABLES["journal"]
"""Fields of a case's ``journal``: how the simulator makes it."""

ANSWER_FIELDS: dict[str, Field] = _FIELD_TABLES["answers"]
"""Fields of a case's ``answers`` (the classification answer lives with each pain)."""

CASE_FIELDS: dict[str, Field] = _FIELD_TABLES["case"]
"""Top-level fields of a case file."""

PROBLEM_COLUMNS: tuple[str, ...] = ("file", "field", "value", "problem")


# -- checking --------------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


_Problems = list[tuple[object, str]]
"""What a kind check returns: ``(value shown, problem)`` for each problem found."""


def _check_id(fld: Field, value: object, known: dict[str, set[str]]) -> _Problems:
    ok = isinstance(value, str) and value.replace("_", "").isalnum()
    return [] if ok else [(value, "must be letters, digits and underscores")]


def _check_text(fld: Field, value: object, known: dict[str, set[str]]) -> _Problems:
    if not isinstance(value, str):
        return [(value, "must be text")]
    if fld.kind == "str" and "\n" in value.strip():
        return [(value, "must be a single line")]
    return []


def _check_int(fld: Field, value: object, known: dict[str, set[str]]) -> _Problems:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return [] if ok else [(value, "must be a whole number, 0 or more")]


def _check_listed(fld: Field, value: object, known: dict[str, set[str]]) -> _Problems:
    """Categories and lists as the knowledge base checks them, plus the case's references."""
    problems = value_problems(fld, value)
    if fld.kind == "ref_list" and isinstance(value, list):
        valid = known[fld.refers_to]
        where = f"data/knowledge/{fld.refers_to}.yaml"
        problems += [
            (item, f"not found in {where}.{did_you_mean(item, valid)}")
            for item in value
            if isinstance(item, str) and item.strip() and item not in valid
        ]
    return problems


def _check_mapping(fld: Field, value: object, known: dict[str, set[str]]) -> _Problems:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        return [(value, "must be a mapping of name: value")]
    if fld.kind == "answers" and not all(
        isinstance(v, bool) or _is_number(v) for v in value.values()
    ):
        return [(value, "answers must be true/false or numbers")]
    return []


_KIND_CHECKS = {
    "id": _check_id,
    "str": _check_text,
    "text": _check_text,
    "int": _check_int,
    "category": _check_listed,
    "str_list": _check_listed,
    "category_list": _check_listed,
    "ref_list": _check_listed,
    "mapping_any": _check_mapping,
    "answers": _check_mapping,
}
"""The check of each field kind but the nested ``record`` and ``records``."""


def _check(
    fields: dict[str, Field],
    record: object,
    file: str,
    prefix: str,
    known: dict[str, set[str]],
    out: list[dict],
) -> None:
    """Check one record against its declaration; append a problem per mistake."""

    def bad(name: str, value: object, problem: str) -> None:
        out.append({"file": file, "field": name, "value": show_value(value), "problem": problem})

    if not isinstance(record, dict):
        bad(prefix or "(file)", record, "must be a mapping of field: value")
        return
    dot = "." if prefix else ""
    for key in record:
        if key not in fields:
            hint = did_you_mean(key, fields) or f" Valid fields: {list(fields)}"
            bad(f"{prefix}{dot}{key}", record[key], f"unknown field.{hint}")
    for fld in fields.values():
        name = f"{prefix}{dot}{fld.name}"
        value = record.get(fld.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if fld.required:
                bad(name, value, "required field is missing or empty")
        elif fld.kind in ("record", "records"):
            _check_nested(fld, value, file, name, known, out)
        else:
            for shown, problem in _KIND_CHECKS[fld.kind](fld, value, known):
                bad(name, shown, problem)


def _check_nested(
    fld: Field, value: object, file: str, name: str, known: dict[str, set[str]], out: list[dict]
) -> None:
    """Check a nested record, or each of a list of them, against the field's subfields."""
    subfields = {f.name: f for f in fld.subfields}
    if fld.kind == "record":
        _check(subfields, value, file, name, known, out)
        return
    if not isinstance(value, list) or (fld.nonempty and not value):
        out.append(
            {
                "file": file,
                "field": name,
                "value": show_value(value),
                "problem": "must be a list of at least one record",
            }
        )
        return
    for i, item in enumerate(value, start=1):
        _check(subfields, item, file, f"{name}[{i}]", known, out)


_Bad = Callable[[str, object, str], None]
"""Records one problem: ``bad(field, value, problem)``."""


def _check_case_rules(record: dict, file: str, stem: str, out: list[dict]) -> None:
    """Rules across fields: file name, ISCIP tiers, pain ids, journal, screens."""

    def bad(name: str, value: object, problem: str) -> None:
        out.append({"file": file, "field": name, "value": show_value(value), "problem": problem})

    if record.get("id") != stem:
        bad("id", record.get("id"), f"must equal the file name {stem!r}")
    ids = _check_pains(record, bad)
    _check_journal(_mapping(record.get("journal")), ids, bad)
    answers = _mapping(record.get("answers"))
    _check_guideline_cautions(_mapping(answers.get("plan")), record.get("situations"), bad)
    _check_screens(answers.get("screen") or [], ids, bad)


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _check_pains(record: dict, bad: _Bad) -> list:
    """Check the number of pains, their ids and ISCIP tiers; return their ids."""
    pains = [p for p in record.get("pains") or [] if isinstance(p, dict)]
    if not 2 <= len(pains) <= 3:
        bad("pains", len(pains), "a case has two or three pains (as in the ISCIP Basic Data Set)")
    ids = [p.get("id") for p in pains]
    if len(set(ids)) != len(ids):
        bad("pains", ids, "pain ids must be unique within the case")
    level = record.get("neurological_level")
    for i, pain in enumerate(pains, start=1):
        t, s = pain.get("iscip_type"), pain.get("iscip_subtype")
        if t in ISCIP_SUBTYPE_OF and s not in ISCIP_SUBTYPE_OF[t]:
            bad(
                f"pains[{i}].iscip_subtype",
                s,
                f"is not a subtype of {t!r}: {list(ISCIP_SUBTYPE_OF[t])}",
            )
        if s in ("at_level_sci", "below_level_sci") and level in DERMATOMES:
            zone = iscip_zone(level, pain.get("dermatome"))
            if zone != s.removesuffix("_sci"):
                bad(
                    f"pains[{i}].dermatome",
                    pain.get("dermatome"),
                    f"is {zone.replace('_', '-')} for level {level}, but the answer says {s}",
                )
    return ids


def _check_journal(journal: dict, ids: list, bad: _Bad) -> None:
    """Check that the journal rates one of the case's pains and starts from a bundled persona."""
    from sci_pain.simulate import list_personas

    if journal.get("pain") is not None and journal.get("pain") not in ids:
        bad("journal.pain", journal.get("pain"), f"must be one of the case's pains {ids}")
    personas = list_personas()
    if journal.get("persona") is not None and journal.get("persona") not in personas:
        bad(
            "journal.persona",
            journal.get("persona"),
            f"must be one of {list(personas)}.{did_you_mean(journal.get('persona'), personas)}",
        )


def _check_guideline_cautions(plan: dict, situations: object, bad: _Bad) -> None:
    """Check the plan's guideline cautions: cautions of canpainsci.yaml, none of the person's missed.

    A plan with medications names every CanPainSCI caution brought by one of the person's
    own situations (an injury at T6 or above brings the dysreflexia cautions).
    """
    from sci_pain.knowledge import canpainsci_cautions

    table = canpainsci_cautions()
    named = plan.get("guideline_cautions") or []
    if "medications" in (plan.get("management") or []) and isinstance(situations, list):
        brought = table.index[table["situation"].isin(situations)]
        for item in (c for c in brought if c not in named):
            bad(
                "answers.plan.guideline_cautions",
                item,
                f"missing: the person's situation {table.loc[item, 'situation']!r} brings this "
                "CanPainSCI caution to a plan with medications",
            )
    known_cautions = list(table.index)
    for item in named:
        if item not in known_cautions:
            bad(
                "answers.plan.guideline_cautions",
                item,
                f"not a caution in data/knowledge/canpainsci.yaml.{did_you_mean(item, known_cautions)}",
            )


def _check_screens(screens: list, ids: list, bad: _Bad) -> None:
    """Check each screen's pain, and that its answers give the band it expects."""
    from sci_pain import analysis as scores

    for i, screen in enumerate(screens, start=1):
        if not isinstance(screen, dict) or screen.get("tool") not in SCREEN_TOOLS:
            continue
        if screen.get("pain") is not None and screen.get("pain") not in ids:
            bad(f"answers.screen[{i}].pain", screen.get("pain"), f"must be one of {ids}")
        try:
            result = getattr(scores, screen["tool"])(**(screen.get("answers") or {}))
        except (TypeError, ValueError) as err:
            bad(
                f"answers.screen[{i}].answers",
                screen.get("answers"),
                f"the score rejects them: {err}",
            )
            continue
        if screen.get("expect") != result.band:
            bad(
                f"answers.screen[{i}].expect",
                screen.get("expect"),
                f"the answers give {result.band!r}",
            )


def _known_ids() -> dict[str, set[str]]:
    from sci_pain.knowledge import SCHEMAS, read_knowledge

    records, _ = read_knowledge()
    return {
        name: {str(r.get(schema.id_field)) for r in records[name]}
        for name, schema in SCHEMAS.items()
    }


def _case_files(folder: str | Path | None) -> list[Path]:
    root = Path(folder) if folder is not None else data_path(*_CASES_DIR)
    return sorted(root.glob("*.yaml"))


def _read(path: Path, out: list[dict]) -> dict | None:
    import yaml

    try:
        raw = load_yaml(path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        out.append(
            {"file": path.name, "field": "", "value": "", "problem": f"YAML syntax error{line}"}
        )
        return None
    if not isinstance(raw, dict):
        out.append(
            {
                "file": path.name,
                "field": "",
                "value": type(raw).__name__,
                "problem": "a case file must be a mapping",
            }
        )
        return None
    return raw


def find_case_problems(folder: str | Path | None = None) -> pd.DataFrame:
    """Check every case file and return a table of problems (empty when all are valid).

    Parameters
    ----------
    folder : str or Path, optional
        A folder of ``*.yaml`` case files; defaults to the bundled ``data/cases``.

    Returns
    -------
    pandas.DataFrame
        Columns ``file``, ``field`` (a dotted path such as ``pains[2].dermatome``), ``value``
        and ``problem``.

    Examples
    --------
    >>> len(find_case_problems())  # the bundled cases are clean
    0
    """
    out: list[dict] = []
    known = _known_ids()
    files = _case_files(folder)
    if not files:
        out.append(
            {
                "file": str(folder),
                "field": "",
                "value": "",
                "problem": "no case files (*.yaml) found",
            }
        )
    for path in files:
        raw = _read(path, out)
        if raw is None:
            continue
        _check(CASE_FIELDS, raw, path.name, "", known, out)
        _check_case_rules(raw, path.name, path.stem, out)
    return pd.DataFrame(out, columns=list(PROBLEM_COLUMNS)).astype(pd.StringDtype(na_value=np.nan))


def validate_cases(folder: str | Path | None = None) -> None:
    """Raise :class:`CaseError` (with ``.problems``) if any case file has a problem.

    Examples
    --------
    >>> validate_cases()  # silent when every case is valid
    """
    problems = find_case_problems(folder)
    if len(problems):
        lines = [
            f"- {r.file}: {r.field}: {r.problem} (value: {r.value!r})"
            for r in problems.itertuples()
        ]
        msg = f"{len(problems)} problem(s) in the case files:\n" + "\n".join(lines[:20])
        raise CaseError(msg, problems)


# -- loading ---------------------------------------------------------------------------------------


class _PainMethods:
    @property
    def label(self) -> str:
        """Return the ISCIP subtype in words, e.g. 'Below-level SCI pain'."""
        return ISCIP_LABELS[self.iscip_subtype]


CasePain = record_class(
    "CasePain",
    PAIN_FIELDS,
    base=_PainMethods,
    doc="""One pain of a case, with its model classification.

    Its attributes are the fields of :data:`PAIN_FIELDS` (declared once, in
    ``course/case_fields.yaml``), lists as tuples; ``label`` is the ISCIP label of the subtype.
    """,
)


class _CaseMethods:
    def pain(self, pain_id: str) -> CasePain:
        """Return one pain by id (a :class:`CaseError` lists the ids if it is unknown)."""
        for pain in self.pains:
            if pain.id == pain_id:
                return pain
        ids = [p.id for p in self.pains]
        msg = f"case {self.id!r} has no pain {pain_id!r}; its pains: {ids}.{did_you_mean(pain_id, ids)}"
        raise CaseError(msg)

    @property
    def summary(self) -> str:
        """One line: name, age, level, AIS grade and time since injury."""
        return (
            f"{self.name}, {self.age}: {self.neurological_level} AIS {self.ais_grade}, "
            f"{self.time_since_injury} after injury"
        )


Case = record_class(
    "Case",
    CASE_FIELDS,
    base=_CaseMethods,
    doc="""A worked case.

    Its attributes are the fields of :data:`CASE_FIELDS` (declared once, in
    ``course/case_fields.yaml``): lists as tuples, ``pains`` as :class:`CasePain` records,
    ``journal`` and ``answers`` as plain dicts (copies; changing them changes nothing).
    """,
)


@cache
def _cases() -> dict[str, Case]:
    validate_cases()

    cases = {}
    for path in _case_files(None):
        raw = load_yaml(path)
        pains = tuple(
            CasePain(
                **{**p, "descriptors": tuple(p["descriptors"]), "citations": tuple(p["citations"])}
            )
            for p in raw["pains"]
        )
        cases[raw["id"]] = Case(
            **{
                **raw,
                "examination": tuple(raw["examination"]),
                "situations": tuple(raw.get("situations") or ()),
                "pains": pains,
                "citations": tuple(raw["citations"]),
            }
        )
    order = sorted(cases.values(), key=lambda c: _ORDER.index(c.id) if c.id in _ORDER else 99)
    return {c.id: c for c in order}


_ORDER = (
    "daniel_t4_ad_pressure",
    "aisha_l1_at_level",
    "tom_t8_day10_calf",
    "margaret_c6_fall_knee",
    "sam_t10_overuse_weight",
    "raj_t11_diabetes",
)


def list_cases() -> pd.DataFrame:
    """Return the bundled cases, one row each.

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``title``, ``name``, ``age``, ``level``, ``ais_grade``,
        ``time_since_injury`` and ``pains`` (how many).

    Examples
    --------
    >>> table = list_cases()
    >>> len(table) >= 6
    True
    >>> table.set_index("id").loc["tom_t8_day10_calf", "level"]
    'T8'
    """
    rows = [
        {
            "id": c.id,
            "title": c.title,
            "name": c.name,
            "age": c.age,
            "level": c.neurological_level,
            "ais_grade": c.ais_grade,
            "time_since_injury": c.time_since_injury,
            "pains": len(c.pains),
        }
        for c in _cases().values()
    ]
    frame = pd.DataFrame(rows)
    return frame.astype(
        dict.fromkeys(("id", "title", "name", "level", "ais_grade", "time_since_injury"), "str")
    )


@shared_docs(error="CaseError", key="id", things="cases")
def load_case(case_id: str) -> Case:
    """Return one case by id.

    %(raises_unknown_name)s

    Examples
    --------
    >>> case = load_case("aisha_l1_at_level")
    >>> case.neurological_level, case.ais_grade, len(case.pains)
    ('L1', 'B', 2)
    """
    cases = _cases()
    if isinstance(case_id, Case):
        return case_id
    if case_id not in cases:
        msg = (
            f"no case named {case_id!r}; the cases are {list(cases)}.{did_you_mean(case_id, cases)}"
        )
        raise CaseError(msg)
    found = cases[case_id]
    return dataclasses.replace(
        found, journal=copy.deepcopy(found.journal), answers=copy.deepcopy(found.answers)
    )


# -- the journal -----------------------------------------------------------------------------------


def case_persona(case: str | Case) -> Persona:
    """Return the simulator persona behind a case's journal (its overrides applied).

    The persona's ``problem`` is ``journal.problem``; ``name`` is ``case:<id>``.

    Examples
    --------
    >>> case_persona("raj_t11_diabetes").problem
    'burning feet and fingertips'
    """
    from sci_pain.simulate import load_persona

    case = load_case(case)
    spec = case.journal
    base = load_persona(spec["persona"])
    overrides = dict(spec.get("overrides") or {})
    try:
        return dataclasses.replace(
            base,
            name=f"case:{case.id}",
            problem=spec["problem"],
            description=" ".join(spec["description"].split()),
            **overrides,
        )
    except (TypeError, ValueError) as err:
        msg = f"data/cases/{case.id}.yaml: journal.overrides: {err}"
        raise CaseError(msg) from err


def case_journal(case: str | Case) -> Journal:
    """Simulate a case's pain journal (seeded) and read it as a typed journal.

    Returns
    -------
    sci_pain.journal.reader.Journal
        ``.entries`` and ``.problems`` (empty), ``source`` ``"case <id>"``.

    Examples
    --------
    >>> journal = case_journal("sam_t10_overuse_weight")
    >>> journal.entries["problem"].iloc[0]
    'aching knees'
    >>> len(journal.problems)
    0
    """
    journal = _case_journal(load_case(case).id)
    return dataclasses.replace(
        journal, entries=journal.entries.copy(), problems=journal.problems.copy()
    )


@cache
def _case_journal(case_id: str) -> Journal:
    """Return the simulated journal of a bundled case (cached: the same for a given seed)."""
    from sci_pain.journal import read_journal
    from sci_pain.simulate import simulate_journal

    case = load_case(case_id)
    spec = case.journal
    frame = simulate_journal(
        case_persona(case), days=int(spec["days"]), seed=int(spec["seed"]), start=spec["start"]
    )
    text = frame.to_csv(index=False, lineterminator="\n")
    journal = read_journal(io.StringIO(text))
    return dataclasses.replace(journal, source=f"case {case.id}")


def case_effects(case: str | Case) -> pd.DataFrame:
    """Return the effects built into a case's journal (see :func:`sci_pain.built_in_effects`).

    Examples
    --------
    >>> effects = case_effects("aisha_l1_at_level").set_index("parameter")
    >>> float(effects.loc["evening_effect", "value"])
    1.5
    """
    from sci_pain.simulate import built_in_effects

    case = load_case(case)
    return built_in_effects(case_persona(case), start=case.journal["start"])
