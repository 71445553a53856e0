"""Worked cases: people with SCI taken from their story to a plan, and the ISCIP marking rules.

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

The ISCIP marking (:func:`iscip_zone`, :func:`mark_iscip`) is pure: tests and widgets call it.
At-level SCI pain is neuropathic pain felt from the dermatome of the neurological level to three
dermatomes below it; below-level SCI pain is felt more than three dermatomes below (Bryce et al.
2012, ISCIP part I).

All cases are made up for teaching; none describes a real person. Educational only: the model
answers reason about a person on paper; they never diagnose anyone and never give a dose.

Examples
--------
>>> list_cases()["id"].tolist()[:2]
['daniel_t4_ad_pressure', 'aisha_l1_at_level']
>>> iscip_zone("T8", "T10")
'at_level'
>>> iscip_zone("T8", "L1")
'below_level'
>>> mark_iscip("neuropathic", "below_level_sci", level="T8", dermatome="T10").correct
False
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import io
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain._resources import data_path
from sci_pain.errors import CaseError
from sci_pain.knowledge import (
    ISCIP_LABELS,
    ISCIP_SUBTYPE_OF,
    ISCIP_SUBTYPES,
    ISCIP_TYPES,
    SITUATIONS,
    Field,
)

if TYPE_CHECKING:
    from sci_pain.journal import Journal
    from sci_pain.simulate import Persona

__all__ = [
    "DERMATOMES",
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
    "IscipMark",
    "find_case_problems",
    "validate_cases",
    "list_cases",
    "load_case",
    "case_persona",
    "case_journal",
    "case_effects",
    "iscip_zone",
    "at_level_dermatomes",
    "mark_iscip",
    "model_answer_markdown",
    "StepMark",
    "screen_result",
    "mark_screen",
    "mark_red_flags",
    "mark_plan",
    "mark_referral",
    "model_answer_html",
]

# -- vocabularies --------------------------------------------------------------------------------

DERMATOMES: tuple[str, ...] = (
    *(f"C{i}" for i in range(2, 9)),
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 6)),
    "S1",
    "S2",
    "S3",
    "S4-5",
)
"""The ISNCSCI sensory dermatomes from head to sacrum (C2 ... S4-5), in order. A neurological
level of injury is named by the same segments (Kirshblum et al. 2011)."""

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

_CITATIONS = Field(
    "citations",
    "ref_list",
    "Reference keys (references.yaml).",
    refers_to="references",
    nonempty=True,
)


def _fields(*items: Field) -> dict[str, Field]:
    return {f.name: f for f in items}


PAIN_FIELDS = _fields(
    Field("id", "id", "Unique within the case, e.g. 'burning_feet'."),
    Field("words", "str", "How the person describes it, in their own words."),
    Field("location", "str", "Where it is felt, in clinical words."),
    Field("dermatome", "category", "The dermatome where it is felt (most caudal if several).", allowed=DERMATOMES),
    Field("side", "category", "Side.", allowed=("left", "right", "both", "midline")),
    Field("descriptors", "str_list", "Descriptors the person uses.", nonempty=True),
    Field("iscip_type", "category", "Model answer: ISCIP tier 1.", allowed=ISCIP_TYPES),
    Field("iscip_subtype", "category", "Model answer: ISCIP tier 2.", allowed=ISCIP_SUBTYPES),
    Field("source", "str", "Model answer: ISCIP tier 3, the likely source, in words."),
    Field("reasoning", "text", "Why this classification: the rule and the findings."),
    _CITATIONS,
)  # fmt: skip
"""Fields of one pain (``pains`` in a case)."""

JOURNAL_FIELDS = _fields(
    Field("pain", "str", "Id of the pain the journal rates."),
    Field("problem", "str", "The label written in the journal's problem column."),
    Field("persona", "str", "Bundled persona the journal starts from (personas.yaml)."),
    Field("days", "int", "Number of days."),
    Field("seed", "int", "Seed of the simulation."),
    Field("start", "str", "Date of day 0 (ISO 8601)."),
    Field("description", "text", "The built-in effects, in words, with their values."),
    Field("overrides", "mapping_any", "Persona fields changed for this person.", required=False),
    Field("shows", "category_list", "Effects the journal shows (recovered by a test).", allowed=tuple(RECOVERABLE_EFFECTS), nonempty=True),
)  # fmt: skip
"""Fields of a case's ``journal``: how the simulator makes it."""

_SCREEN_FIELDS = _fields(
    Field("tool", "category", "Score function.", allowed=SCREEN_TOOLS),
    Field("pain", "str", "Id of the pain screened, if the tool screens one pain.", required=False),
    Field("answers", "answers", "Arguments of the score function."),
    Field("expect", "str", "The band the answers give (checked by a test)."),
    Field("text", "text", "Model answer: what the screen shows and what it does not."),
    _CITATIONS,
)
_RED_FLAG_FIELDS = _fields(
    Field("present", "ref_list", "Red flags present now.", refers_to="red_flags"),
    Field("watch", "ref_list", "Red flags this person is at risk of: check, and tell them what to watch for.", refers_to="red_flags"),
    Field("text", "text", "Model answer."),
    _CITATIONS,
)  # fmt: skip
_PLAN_FIELDS = _fields(
    Field("management", "ref_list", "Management options (management.yaml), in order.", refers_to="management", nonempty=True),
    Field("cautions", "str_list", "Cautions for this person.", nonempty=True),
    Field("guideline_cautions", "str_list", "CanPainSCI caution ids (canpainsci.yaml) that apply.", required=False),
    Field("text", "text", "Model answer: the plan and its order."),
    _CITATIONS,
)  # fmt: skip
_REFERRAL_FIELDS = _fields(
    Field("urgency", "category", "How soon.", allowed=REFERRAL_URGENCIES),
    Field("to", "str", "To whom."),
    Field("text", "text", "Model answer: why, and what to say."),
    _CITATIONS,
)
_TEXT_FIELDS = _fields(Field("text", "text", "Model answer."), _CITATIONS)

ANSWER_FIELDS = _fields(
    Field("screen", "records", "Screens, one per tool used.", nonempty=True, subfields=tuple(_SCREEN_FIELDS.values())),
    Field("red_flags", "record", "Red flags.", subfields=tuple(_RED_FLAG_FIELDS.values())),
    Field("plan", "record", "Plan with this person's cautions.", subfields=tuple(_PLAN_FIELDS.values())),
    Field("referral", "record", "Referral.", subfields=tuple(_REFERRAL_FIELDS.values())),
    Field("biopsychosocial", "record", "Mood, sleep, coping and self-management.", subfields=tuple(_TEXT_FIELDS.values())),
)  # fmt: skip
"""Fields of a case's ``answers`` (the classification answer lives with each pain)."""

CASE_FIELDS = _fields(
    Field("id", "id", "Unique snake_case name; the file is data/cases/<id>.yaml."),
    Field("title", "str", "One line for the case list."),
    Field("name", "str", "A made-up first name."),
    Field("age", "int", "Age in years."),
    Field("neurological_level", "category", "Neurological level of injury (ISNCSCI).", allowed=DERMATOMES),
    Field("ais_grade", "category", "ASIA Impairment Scale grade.", allowed=AIS_GRADES),
    Field("time_since_injury", "str", "In words, e.g. '12 years'."),
    Field("days_since_injury", "int", "The same in days (for timing rules such as the DVT window)."),
    Field("setting", "str", "Where the person is seen."),
    Field("story", "text", "History in the person's own words."),
    Field("examination", "str_list", "Examination findings.", nonempty=True),
    Field("situations", "category_list", "Situations for management cautions (knowledge_schema.SITUATIONS).", allowed=tuple(SITUATIONS)),
    Field("pains", "records", "Two or three pains.", nonempty=True, subfields=tuple(PAIN_FIELDS.values())),
    Field("journal", "record", "How the simulator makes this person's journal.", subfields=tuple(JOURNAL_FIELDS.values())),
    Field("answers", "record", "Model answers for each step.", subfields=tuple(ANSWER_FIELDS.values())),
    _CITATIONS,
)  # fmt: skip
"""Top-level fields of a case file."""

PROBLEM_COLUMNS: tuple[str, ...] = ("file", "field", "value", "problem")


# -- checking --------------------------------------------------------------------------------------


def _show(value: object, width: int = 60) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _suggest(value: object, valid) -> str:
    close = difflib.get_close_matches(str(value), [str(v) for v in valid], n=3, cutoff=0.6)
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _is_number(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


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
        out.append({"file": file, "field": name, "value": _show(value), "problem": problem})

    if not isinstance(record, dict):
        bad(prefix or "(file)", record, "must be a mapping of field: value")
        return
    dot = "." if prefix else ""
    for key in record:
        if key not in fields:
            hint = _suggest(key, fields) or f" Valid fields: {list(fields)}"
            bad(f"{prefix}{dot}{key}", record[key], f"unknown field.{hint}")
    for fld in fields.values():
        name = f"{prefix}{dot}{fld.name}"
        value = record.get(fld.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if fld.required:
                bad(name, value, "required field is missing or empty")
            continue
        kind = fld.kind
        if kind == "id":
            if not isinstance(value, str) or not value.replace("_", "").isalnum():
                bad(name, value, "must be letters, digits and underscores")
        elif kind in ("str", "text"):
            if not isinstance(value, str):
                bad(name, value, "must be text")
            elif kind == "str" and "\n" in value.strip():
                bad(name, value, "must be a single line")
        elif kind == "int":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                bad(name, value, "must be a whole number, 0 or more")
        elif kind == "category":
            if value not in fld.allowed:
                bad(
                    name,
                    value,
                    f"must be one of {list(fld.allowed)}.{_suggest(value, fld.allowed)}",
                )
        elif kind in ("str_list", "category_list", "ref_list"):
            if not isinstance(value, list):
                bad(name, value, "must be a list (write [] for none)")
                continue
            if fld.nonempty and not value:
                bad(name, value, "must list at least one item")
            for item in value:
                if not isinstance(item, str) or not item.strip():
                    bad(name, item, "items must be non-empty text")
                elif kind == "category_list" and item not in fld.allowed:
                    bad(
                        name,
                        item,
                        f"must be one of {list(fld.allowed)}.{_suggest(item, fld.allowed)}",
                    )
                elif kind == "ref_list" and item not in known[fld.refers_to]:
                    where = f"data/knowledge/{fld.refers_to}.yaml"
                    bad(name, item, f"not found in {where}.{_suggest(item, known[fld.refers_to])}")
        elif kind in ("mapping_any", "answers"):
            if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
                bad(name, value, "must be a mapping of name: value")
            elif kind == "answers" and not all(
                isinstance(v, bool) or _is_number(v) for v in value.values()
            ):
                bad(name, value, "answers must be true/false or numbers")
        elif kind == "record":
            _check({f.name: f for f in fld.subfields}, value, file, name, known, out)
        elif kind == "records":
            if not isinstance(value, list) or (fld.nonempty and not value):
                bad(name, value, "must be a list of at least one record")
                continue
            for i, item in enumerate(value, start=1):
                _check({f.name: f for f in fld.subfields}, item, file, f"{name}[{i}]", known, out)


def _check_case_rules(record: dict, file: str, stem: str, out: list[dict]) -> None:
    """Rules across fields: file name, ISCIP tiers, pain ids, journal, screens."""
    from sci_pain import analysis as scores
    from sci_pain.simulate import list_personas

    def bad(name: str, value: object, problem: str) -> None:
        out.append({"file": file, "field": name, "value": _show(value), "problem": problem})

    if record.get("id") != stem:
        bad("id", record.get("id"), f"must equal the file name {stem!r}")
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
    journal = record.get("journal") if isinstance(record.get("journal"), dict) else {}
    if journal.get("pain") is not None and journal.get("pain") not in ids:
        bad("journal.pain", journal.get("pain"), f"must be one of the case's pains {ids}")
    if journal.get("persona") is not None and journal.get("persona") not in list_personas():
        personas = list_personas()
        bad(
            "journal.persona",
            journal.get("persona"),
            f"must be one of {list(personas)}.{_suggest(journal.get('persona'), personas)}",
        )
    answers = record.get("answers") if isinstance(record.get("answers"), dict) else {}
    plan = answers.get("plan") if isinstance(answers.get("plan"), dict) else {}
    if plan.get("guideline_cautions"):
        from sci_pain.knowledge import canpainsci_cautions

        known_cautions = list(canpainsci_cautions().index)
        for item in plan["guideline_cautions"]:
            if item not in known_cautions:
                bad(
                    "answers.plan.guideline_cautions",
                    item,
                    f"not a caution in data/knowledge/canpainsci.yaml.{_suggest(item, known_cautions)}",
                )
    for i, screen in enumerate(answers.get("screen") or [], start=1):
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
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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


@dataclass(frozen=True)
class CasePain:
    """One pain of a case, with its model classification.

    Attributes mirror :data:`PAIN_FIELDS`; ``label`` is the ISCIP label of the subtype.
    """

    id: str
    words: str
    location: str
    dermatome: str
    side: str
    descriptors: tuple[str, ...]
    iscip_type: str
    iscip_subtype: str
    source: str
    reasoning: str
    citations: tuple[str, ...]

    @property
    def label(self) -> str:
        return ISCIP_LABELS[self.iscip_subtype]


@dataclass(frozen=True)
class Case:
    """A worked case. Attributes mirror :data:`CASE_FIELDS`; ``journal`` and ``answers`` are
    plain dicts (copies; changing them changes nothing)."""

    id: str
    title: str
    name: str
    age: int
    neurological_level: str
    ais_grade: str
    time_since_injury: str
    days_since_injury: int
    setting: str
    story: str
    examination: tuple[str, ...]
    situations: tuple[str, ...]
    pains: tuple[CasePain, ...]
    journal: dict
    answers: dict
    citations: tuple[str, ...]

    def pain(self, pain_id: str) -> CasePain:
        """Return one pain by id (a :class:`CaseError` lists the ids if it is unknown)."""
        for pain in self.pains:
            if pain.id == pain_id:
                return pain
        ids = [p.id for p in self.pains]
        msg = f"case {self.id!r} has no pain {pain_id!r}; its pains: {ids}.{_suggest(pain_id, ids)}"
        raise CaseError(msg)

    @property
    def summary(self) -> str:
        """One line: name, age, level, AIS grade and time since injury."""
        return (
            f"{self.name}, {self.age}: {self.neurological_level} AIS {self.ais_grade}, "
            f"{self.time_since_injury} after injury"
        )


@cache
def _cases() -> dict[str, Case]:
    validate_cases()
    import yaml

    cases = {}
    for path in _case_files(None):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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


def load_case(case_id: str) -> Case:
    """Return one case by id.

    Raises
    ------
    CaseError
        For an unknown id; the message lists the cases and suggests close matches.

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
        msg = f"no case named {case_id!r}; the cases are {list(cases)}.{_suggest(case_id, cases)}"
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
    """The simulated journal of a bundled case (cached: it is the same for a given seed)."""
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


# -- ISCIP marking ---------------------------------------------------------------------------------


def _dermatome_index(value: object, what: str) -> int:
    if value not in DERMATOMES:
        msg = f"{what} {value!r} is not a dermatome; use one of {list(DERMATOMES)}.{_suggest(value, DERMATOMES)}"
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
    """The at-level zone of a neurological level: its dermatome and the three below it.

    Examples
    --------
    >>> at_level_dermatomes("L1")
    ('L1', 'L2', 'L3', 'L4')
    >>> at_level_dermatomes("S3")
    ('S3', 'S4-5')
    """
    i = _dermatome_index(level, "level")
    return DERMATOMES[i : i + 4]


@dataclass(frozen=True)
class IscipMark:
    """The marking of one ISCIP answer.

    Attributes
    ----------
    correct : bool
        Type and subtype both right.
    type_correct, subtype_correct : bool
    feedback : str
        What was right or wrong, and the rule that decides it, in words.
    rule : str
        The dermatome rule applied to this pain (``""`` when it does not apply).
    """

    correct: bool
    type_correct: bool
    subtype_correct: bool
    feedback: str
    rule: str = ""


def _zone_rule(level: str, dermatome: str) -> str:
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


def mark_iscip(
    chosen_type: str | None,
    chosen_subtype: str | None,
    *,
    pain: CasePain | None = None,
    level: str | None = None,
    dermatome: str | None = None,
    correct_type: str | None = None,
    correct_subtype: str | None = None,
) -> IscipMark:
    """Mark an ISCIP classification (type, then subtype) and explain the rule.

    Give either a case's ``pain`` (its model answer, dermatome and reasoning are used) or the
    facts directly. With only ``level`` and ``dermatome`` the correct answer is taken to be
    an SCI neuropathic pain, whose subtype the dermatome rule decides.

    Parameters
    ----------
    chosen_type, chosen_subtype : str or None
        The learner's answer (:data:`~sci_pain.knowledge.schema.ISCIP_TYPES`,
        :data:`~sci_pain.knowledge.schema.ISCIP_SUBTYPES`).
    pain : CasePain, optional
    level, dermatome : str, optional
        Neurological level and the pain's dermatome (needed with ``pain`` only if the pain is
        not from a case: a case pain carries its dermatome; pass the case's level).
    correct_type, correct_subtype : str, optional

    Returns
    -------
    IscipMark

    Raises
    ------
    CaseError
        For a type or subtype that is not in the ISCIP vocabulary (with close matches).

    Examples
    --------
    >>> m = mark_iscip("neuropathic", "at_level_sci", level="L1", dermatome="L3")
    >>> m.correct
    True
    >>> print(m.rule)
    At-level zone for L1: L1, L2, L3, L4. L3 is 2 dermatomes below the level L1: within the level and three below, so a neuropathic pain there caused by the SCI is at-level.
    >>> mark_iscip(
    ...     "nociceptive",
    ...     "musculoskeletal",
    ...     correct_type="neuropathic",
    ...     correct_subtype="other_neuropathic",
    ... ).feedback.split(".")[0]
    'Not quite: the type is neuropathic, not nociceptive'
    """
    for value, valid, what in (
        (chosen_type, ISCIP_TYPES, "type"),
        (chosen_subtype, ISCIP_SUBTYPES, "subtype"),
    ):
        if value is not None and value not in valid:
            msg = f"ISCIP {what} {value!r} is not one of {list(valid)}.{_suggest(value, valid)}"
            raise CaseError(msg)
    reasoning = ""
    if pain is not None:
        correct_type, correct_subtype = pain.iscip_type, pain.iscip_subtype
        dermatome = dermatome or pain.dermatome
        reasoning = " ".join(pain.reasoning.split())
    if correct_type is None and correct_subtype is None:
        if level is None or dermatome is None:
            msg = "mark_iscip needs a case pain, the correct answer, or a level and a dermatome"
            raise CaseError(msg)
        zone = iscip_zone(level, dermatome)
        correct_type = "neuropathic"
        correct_subtype = {"at_level": "at_level_sci", "below_level": "below_level_sci"}.get(
            zone, "other_neuropathic"
        )
    if correct_type is None:
        correct_type = next(t for t, subs in ISCIP_SUBTYPE_OF.items() if correct_subtype in subs)
    rule = _zone_rule(level, dermatome) if level and dermatome else ""
    type_ok = chosen_type == correct_type
    sub_ok = chosen_subtype == correct_subtype
    if chosen_type is None:
        head = "Choose a type first (nociceptive, neuropathic, other or unknown)."
    elif not type_ok:
        head = f"Not quite: the type is {correct_type}, not {chosen_type}."
    elif chosen_subtype is None:
        head = f"Right type ({correct_type}). Now choose the subtype."
    elif not sub_ok:
        head = (
            f"Right type ({correct_type}), but the subtype is "
            f"{ISCIP_LABELS[correct_subtype]}, not {ISCIP_LABELS[chosen_subtype]}."
        )
    else:
        head = f"Correct: {ISCIP_LABELS[correct_subtype]}."
    neuropathic_sci = {"at_level_sci", "below_level_sci"}
    show_rule = rule and (correct_subtype in neuropathic_sci or chosen_subtype in neuropathic_sci)
    parts = [head]
    if show_rule:
        parts.append(rule)
    if reasoning:
        parts.append(reasoning)
    return IscipMark(
        correct=type_ok and sub_ok,
        type_correct=type_ok,
        subtype_correct=sub_ok,
        feedback=" ".join(parts),
        rule=rule,
    )


# -- marking the other steps ---------------------------------------------------------------------


@dataclass(frozen=True)
class StepMark:
    """The marking of one step of a case: right or not, and feedback in words."""

    correct: bool
    feedback: str


def _flat(text: object) -> str:
    return " ".join(str(text).split())


def screen_result(case: str | Case, index: int = 0):
    """Compute a case's screen with the package's score function.

    Returns the score's result (``DN4Result``, ``SCIPIResult``, ``WellsResult``, ...).

    Examples
    --------
    >>> screen_result("tom_t8_day10_calf").band
    'DVT likely'
    """
    from sci_pain import analysis as scores

    screen = load_case(case).answers["screen"][index]
    return getattr(scores, screen["tool"])(**screen["answers"])


def _positive(result) -> bool:
    for name in ("positive", "likely", "at_risk", "sci_at_risk"):
        if hasattr(result, name):
            return bool(getattr(result, name))
    msg = f"no positive/negative reading for {type(result).__name__}"  # pragma: no cover
    raise CaseError(msg)


def mark_screen(predicted_positive: bool | None, case: str | Case, index: int = 0) -> StepMark:
    """Mark a prediction of whether a case's screen is positive (at risk, likely).

    Examples
    --------
    >>> mark_screen(True, "tom_t8_day10_calf").correct
    True
    >>> mark_screen(False, "sam_t10_overuse_weight").feedback.split(":")[0]
    'Not quite'
    """
    case = load_case(case)
    screen = case.answers["screen"][index]
    result = screen_result(case, index)
    if predicted_positive is None:
        return StepMark(False, "Choose positive or negative first.")
    right = bool(predicted_positive) == _positive(result)
    head = "Right" if right else "Not quite"
    return StepMark(
        right,
        f"{head}: {result.title} gives {result.summary.split(': ', 1)[1]}. {_flat(screen['text'])}",
    )


def record_labels(kind: str) -> dict[str, str]:
    """Map each record id of a knowledge file (``red_flags``, ``management``, ...) to its label."""
    return dict(_labels_cached(kind))


@cache
def _labels_cached(kind: str) -> tuple[tuple[str, str], ...]:
    from sci_pain.knowledge import read_knowledge

    records, _ = read_knowledge()
    return tuple((str(r.get("id")), str(r.get("label", r.get("id")))) for r in records[kind])


def _set_feedback(chosen, wanted, labels: dict[str, str], what: str) -> tuple[bool, str]:
    chosen, wanted = set(chosen or ()), set(wanted)
    missed = [labels.get(i, i) for i in wanted - chosen]
    extra = [labels.get(i, i) for i in chosen - wanted]
    if not missed and not extra:
        return True, f"Right: {what}."
    parts = []
    if missed:
        parts.append(f"missed: {'; '.join(sorted(missed))}")
    if extra:
        parts.append(f"not for this person now: {'; '.join(sorted(extra))}")
    return False, f"Not quite ({', '.join(parts)})."


def mark_red_flags(chosen, case: str | Case) -> StepMark:
    """Mark the red flags a learner says are present now (ids of ``red_flags.yaml``).

    Examples
    --------
    >>> mark_red_flags(["autonomic_dysreflexia"], "daniel_t4_ad_pressure").correct
    True
    >>> mark_red_flags([], "daniel_t4_ad_pressure").feedback.startswith("Not quite (missed")
    True
    """
    case = load_case(case)
    answer = case.answers["red_flags"]
    labels = record_labels("red_flags")
    unknown = [c for c in chosen or () if c not in labels]
    if unknown:
        msg = f"unknown red flag(s) {unknown}; known: {list(labels)}"
        raise CaseError(msg)
    what = "no red flag now" if not answer["present"] else "that is the red flag now"
    right, head = _set_feedback(chosen, answer["present"], labels, what)
    return StepMark(right, f"{head} {_flat(answer['text'])}")


def mark_plan(chosen, case: str | Case) -> StepMark:
    """Mark the management options a learner picks (ids of ``management.yaml``).

    Examples
    --------
    >>> mark_plan(
    ...     ["physical_therapy", "diet", "cbt_self_management"], "sam_t10_overuse_weight"
    ... ).correct
    True
    """
    case = load_case(case)
    plan = case.answers["plan"]
    labels = record_labels("management")
    right, head = _set_feedback(chosen, plan["management"], labels, "these are the options")
    cautions = " ".join(f"({i}) {_flat(c)}" for i, c in enumerate(plan["cautions"], start=1))
    return StepMark(right, f"{head} {_flat(plan['text'])} Cautions for {case.name}: {cautions}")


def mark_referral(urgency: str | None, case: str | Case) -> StepMark:
    """Mark how soon a learner would refer: ``emergency``, ``urgent`` or ``routine``.

    Examples
    --------
    >>> mark_referral("routine", "tom_t8_day10_calf").feedback.split(".")[0]
    'Not quite: this is emergency, not routine'
    """
    case = load_case(case)
    referral = case.answers["referral"]
    if urgency is not None and urgency not in REFERRAL_URGENCIES:
        msg = f"urgency {urgency!r} is not one of {list(REFERRAL_URGENCIES)}.{_suggest(urgency, REFERRAL_URGENCIES)}"
        raise CaseError(msg)
    if urgency is None:
        return StepMark(False, "Choose how soon first.")
    right = urgency == referral["urgency"]
    head = "Right" if right else f"Not quite: this is {referral['urgency']}, not {urgency}"
    return StepMark(right, f"{head}. To {referral['to']}: {_flat(referral['text'])}")


# -- model answers as Markdown ---------------------------------------------------------------------


def _cite(keys) -> str:
    from sci_pain.knowledge import format_citation

    return "; ".join(format_citation(k) for k in keys)


def model_answer_markdown(case: str | Case, step: str) -> str:
    """The model answer to one step of a case, as Markdown with its sources.

    Parameters
    ----------
    case : str or Case
    step : str
        One of :data:`STEPS`.

    Examples
    --------
    >>> text = model_answer_markdown("tom_t8_day10_calf", "referral")
    >>> text.splitlines()[0]
    '**Referral: emergency** - to the ward doctor now (same-hour medical review)'
    """
    case = load_case(case)
    if step not in STEPS:
        msg = f"no step {step!r}; the steps are {list(STEPS)}.{_suggest(step, STEPS)}"
        raise CaseError(msg)
    a = case.answers
    flat = lambda text: " ".join(str(text).split())  # noqa: E731
    lines: list[str] = []
    if step == "classification":
        for pain in case.pains:
            lines.append(
                f"- **{pain.words}** ({pain.location}, {pain.dermatome}): "
                f"**{pain.label}** - {pain.source}. {flat(pain.reasoning)} "
                f"*Sources:* {_cite(pain.citations)}"
            )
    elif step == "screen":
        for s in a["screen"]:
            lines.append(
                f"- **{s['tool']}** -> {s['expect']}. {flat(s['text'])} *Sources:* {_cite(s['citations'])}"
            )
    elif step == "red_flags":
        r = a["red_flags"]
        labels = record_labels("red_flags")
        present = "; ".join(labels.get(i, i) for i in r.get("present") or []) or "none"
        watch = "; ".join(labels.get(i, i) for i in r.get("watch") or []) or "none"
        lines.append(f"**Present now:** {present}. **Watch for:** {watch}.")
        lines.append(f"{flat(r['text'])} *Sources:* {_cite(r['citations'])}")
    elif step == "plan":
        p = a["plan"]
        labels = record_labels("management")
        options = "; ".join(labels.get(i, i) for i in p["management"])
        lines.append(f"**Options, in order:** {options}.")
        lines.append(flat(p["text"]))
        if "medications" in p["management"]:
            from sci_pain.knowledge import canpainsci_approach

            lines.append(f"**Approach (CanPainSCI):** {canpainsci_approach()}")
        lines.append("**Cautions for this person:**")
        lines.extend(f"- {flat(c)}" for c in p["cautions"])
        if p.get("guideline_cautions"):
            from sci_pain.knowledge import canpainsci_cautions

            table = canpainsci_cautions()
            lines.append("**CanPainSCI cautions that apply:**")
            lines.extend(
                f"- {table.loc[c, 'text']} ({table.loc[c, 'who']})" for c in p["guideline_cautions"]
            )
        lines.append(f"*Sources:* {_cite(p['citations'])}")
    elif step == "referral":
        r = a["referral"]
        lines.append(f"**Referral: {r['urgency']}** - to {r['to']}")
        lines.append(f"{flat(r['text'])} *Sources:* {_cite(r['citations'])}")
    else:
        b = a["biopsychosocial"]
        lines.append(f"{flat(b['text'])} *Sources:* {_cite(b['citations'])}")
    return "\n".join(lines)


def _inline(text: str) -> str:
    import html
    import re

    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)


def model_answer_html(case: str | Case, step: str, *, open_: bool = False) -> str:
    """The model answer to one step as HTML, folded under ``<details>``.

    Readers of a stored notebook (GitHub, nbviewer) can unfold it; in JupyterLab the step
    widgets show it after the learner has answered.

    Examples
    --------
    >>> html_text = model_answer_html("raj_t11_diabetes", "referral")
    >>> html_text.startswith('<details class="sci-pain-model-answer">')
    True
    """
    case = load_case(case)
    lines = model_answer_markdown(case, step).splitlines()
    parts, in_list = [], False
    for line in lines:
        if line.startswith("- "):
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{_inline(line[2:])}</li>")
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        parts.append(f"<p>{_inline(line)}</p>")
    if in_list:
        parts.append("</ul>")
    title = step.replace("_", " ")
    opened = " open" if open_ else ""
    return (
        f'<details class="sci-pain-model-answer"{opened}><summary><b>Model answer ({title}) '
        f"for {_inline(case.name)}</b></summary>{''.join(parts)}</details>"
    )
