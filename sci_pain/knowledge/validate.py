"""Checking the knowledge-base files against their declarations, and the README's field tables.

:func:`find_problems` checks the files the way pandera checks a frame: lazily, collecting every
problem into a table of (file, record, field, value, problem) instead of stopping at the first.
The loaders in :mod:`sci_pain.knowledge.loaders` run it once and raise :class:`KnowledgeError`
if anything is wrong. :func:`markdown_table` writes the fields of one file (from
:data:`~sci_pain.knowledge.schema.SCHEMAS`) as the table ``data/knowledge/README.md`` embeds.

Examples
--------
>>> len(find_problems())  # the bundled files are clean
0
>>> markdown_table("causes").splitlines()[0]
'| field | type | required | allowed values | description |'
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sci_pain._resources import data_path, load_yaml
from sci_pain.errors import KnowledgeError, did_you_mean
from sci_pain.journal import COLUMNS as JOURNAL_COLUMNS
from sci_pain.knowledge.schema import (
    CITING_FILES,
    ISCIP_SUBTYPE_OF,
    PROBLEM_COLUMNS,
    REFERRAL_STEPS,
    SCHEMAS,
    WEIGHT_RANGE,
    Field,
    FileSchema,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KnowledgeError",
    "find_problems",
    "markdown_table",
    "read_checked_knowledge",
    "read_knowledge",
    "show_value",
    "update_readme_tables",
    "validate_knowledge",
    "value_problems",
]

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
            raw = load_yaml(path)
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
                        schema.filename,
                        f"#{i}",
                        "",
                        show_value(item),
                        "each record must be a mapping",
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
        "value": show_value(value),
        "problem": problem,
    }


def show_value(value: object, width: int = 60) -> str:
    """Return a value as a problems table shows it: text as is, anything else as its repr, cut.

    Parameters
    ----------
    value : object
        The offending value (``None`` shows as ``""``).
    width : int, default 60
        At most this many characters; longer text ends with ``...``.

    Returns
    -------
    str

    Examples
    --------
    >>> show_value(["dvt", 3])
    "['dvt', 3]"
    >>> show_value("x" * 80, width=10)
    'xxxxxxx...'
    """
    if value is None:
        return ""
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= width else text[: width - 3] + "..."


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


_Problems = list[tuple[object, str]]
"""What a kind check returns: ``(value shown, problem)`` for each problem found."""


def _check_id(fld: Field, value: object) -> _Problems:
    if isinstance(value, str) and _ID_PATTERN.match(value):
        return []
    return [
        (
            value,
            "must be a name of letters, digits and underscores starting with a lower-case letter",
        )
    ]


def _check_text(fld: Field, value: object) -> _Problems:
    if not isinstance(value, str) or not value.strip():
        return [(value, "must be non-empty text")]
    if fld.kind == "str" and "\n" in value.strip():
        return [(value, "must be a single line")]
    return []


def _check_bool(fld: Field, value: object) -> _Problems:
    return [] if isinstance(value, bool) else [(value, "must be true or false")]


def _check_int(fld: Field, value: object) -> _Problems:
    whole = isinstance(value, int) and not isinstance(value, bool)
    return [] if whole else [(value, "must be a whole number")]


def _not_allowed(fld: Field, value: object) -> str:
    return f"must be one of {list(fld.allowed)}.{did_you_mean(value, fld.allowed)}"


def _check_category(fld: Field, value: object) -> _Problems:
    return [] if value in fld.allowed else [(value, _not_allowed(fld, value))]


def _check_list(fld: Field, value: object) -> _Problems:
    if not isinstance(value, list):
        return [(value, "must be a list (write [] for none)")]
    problems: _Problems = []
    if fld.nonempty and not value:
        problems.append((value, "must list at least one item"))
    if len(set(map(str, value))) != len(value):
        problems.append((value, "lists an item more than once"))
    for item in value:
        if not isinstance(item, str) or not item.strip():
            problems.append((item, "items must be non-empty text"))
        elif fld.kind == "category_list" and item not in fld.allowed:
            problems.append((item, _not_allowed(fld, item)))
    return problems


def _check_ref(fld: Field, value: object) -> _Problems:
    return [] if isinstance(value, str) else [(value, "must be a name")]


def _check_day_range(fld: Field, value: object) -> _Problems:
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        and all(math.isfinite(v) for v in value)
    )
    if not ok:
        return [(value, "must be [start, end]: two numbers of days after injury")]
    if not 0 <= value[0] < value[1]:
        return [(value, "needs 0 <= start < end (days after injury)")]
    return []


def _check_mapping(fld: Field, value: object) -> _Problems:
    ok = isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    )
    return [] if ok else [(value, "must map names to non-empty text")]


_KIND_CHECKS = {
    "id": _check_id,
    "str": _check_text,
    "text": _check_text,
    "bool": _check_bool,
    "int": _check_int,
    "category": _check_category,
    "str_list": _check_list,
    "category_list": _check_list,
    "ref_list": _check_list,
    "ref": _check_ref,
    "day_range": _check_day_range,
    "mapping": _check_mapping,
}
"""The check of each field kind but ``records`` (types and vocabularies, not references)."""


def value_problems(fld: Field, value: object) -> list[tuple[object, str]]:
    """Return the problems of one value against its field declaration.

    Types and vocabularies only: nested ``records`` and whether a reference names a record are
    checked by :func:`find_problems`.

    Parameters
    ----------
    fld : Field
        The declaration (any kind but ``records``).
    value : object
        The value as read from YAML (not ``None``).

    Returns
    -------
    list of (object, str)
        ``(value shown, problem)`` for each problem; empty when the value is fine.

    Examples
    --------
    >>> from sci_pain.knowledge.schema import CAUSE_FIELDS
    >>> value_problems(CAUSE_FIELDS["level"], "below")
    [('below', "must be one of ['at_level', 'below_level', 'not_level_specific']. Did you mean 'below_level'?")]
    """
    return _KIND_CHECKS[fld.kind](fld, value)


def _check_records(fld: Field, value: object, where: tuple[str, str, str], out: list[dict]) -> None:
    """Check a list of nested records, each against the field's subfields."""
    file, record, name = where
    if not isinstance(value, list):
        out.append(
            _problem(file, record, name, value, "must be a list of records (write [] for none)")
        )
        return
    if fld.nonempty and not value:
        out.append(_problem(file, record, name, value, "must list at least one record"))
    for i, item in enumerate(value, start=1):
        sub_where = f"{name}[{i}]"
        if not isinstance(item, dict):
            out.append(_problem(file, record, sub_where, item, "must be a mapping"))
            continue
        _check_record_fields(
            {f.name: f for f in fld.subfields}, item, (file, record, sub_where), out
        )


def _check_value(fld: Field, value: object, where: tuple[str, str, str], out: list[dict]) -> None:
    """Check one value against its field declaration (types and vocabularies, not references)."""
    if fld.kind == "records":
        _check_records(fld, value, where, out)
        return
    file, record, name = where
    for shown, problem in _KIND_CHECKS[fld.kind](fld, value):
        out.append(_problem(file, record, name, shown, problem))


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
                    f"unknown field.{did_you_mean(key, fields) or f' Valid fields: {list(fields)}'}",
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


def _target(refers_to: str) -> str:
    """Where the names a field refers to are listed, in words."""
    return (
        "journal_schema.COLUMNS" if refers_to == "journal_columns" else SCHEMAS[refers_to].filename
    )


def _unknown_refs(
    fld: Field, value: object, name: str, known: dict[str, set[str]]
) -> list[tuple[str, str, str]]:
    """``(field, name, problem)`` for each name in one value that names no record."""
    valid = known.get(fld.refers_to or "", set())
    if fld.kind in ("ref", "ref_list") and fld.refers_to:
        values = [value] if fld.kind == "ref" else value
        items = values if isinstance(values, list) else []
        return [
            (name, item, f"not found in {_target(fld.refers_to)}.{did_you_mean(item, valid)}")
            for item in items
            if isinstance(item, str) and item not in valid
        ]
    if fld.kind == "mapping" and fld.refers_to and isinstance(value, dict):
        return [
            (
                f"{name}.{key}",
                key,
                f"not found in {_target(fld.refers_to)}.{did_you_mean(key, valid)}",
            )
            for key in value
            if key not in valid
        ]
    if fld.kind == "records" and isinstance(value, list):
        return [
            problem
            for i, item in enumerate(value, start=1)
            if isinstance(item, dict)
            for sub in fld.subfields
            if item.get(sub.name) is not None
            for problem in _unknown_refs(sub, item[sub.name], f"{name}[{i}].{sub.name}", known)
        ]
    return []


def _check_references(
    schema: FileSchema, record: dict, rid: str, known: dict[str, set[str]], out: list[dict]
) -> None:
    """Check that every ref/ref_list (also nested) names an existing record."""
    for fld in schema.fields.values():
        if record.get(fld.name) is not None:
            for name, item, problem in _unknown_refs(fld, record[fld.name], fld.name, known):
                out.append(_problem(schema.filename, rid, name, item, problem))


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def _check_back_link(
    where: tuple[str, object, str], target: tuple[str, dict, str], tid: object, out: list[dict]
) -> None:
    """Check that a link to record `tid` of another file is listed back there.

    `where` is ``(file, record id, field)`` of the link; `target` is ``(file, records by id,
    field that must list the record back)``.
    """
    file, rid, field_name = where
    target_file, targets, back_field = target
    if tid in targets and rid not in _as_list(targets[tid].get(back_field)):
        problem = f"{target_file} record {tid!r} does not list {rid!r} in its {back_field}"
        out.append(_problem(file, str(rid), field_name, tid, problem))


def _check_links(records: dict[str, list[dict]], out: list[dict]) -> None:
    """Cross-file rules: links that must agree both ways, and per-file consistency."""
    causes = {r.get("id"): r for r in records["causes"]}
    management = {r.get("id"): r for r in records["management"]}
    red_flags = {r.get("id"): r for r in records["red_flags"]}
    for cid, cause in causes.items():
        _check_cause(cid, cause, out)
        for mid in _as_list(cause.get("management")):
            where = ("causes.yaml", cid, "management")
            _check_back_link(where, ("management.yaml", management, "targets"), mid, out)
        for fid in _as_list(cause.get("red_flags")):
            where = ("causes.yaml", cid, "red_flags")
            _check_back_link(where, ("red_flags.yaml", red_flags, "causes"), fid, out)
    for mid, option in management.items():
        targets = _as_list(option.get("targets"))
        for cid in targets:
            where = ("management.yaml", mid, "targets")
            _check_back_link(where, ("causes.yaml", causes, "management"), cid, out)
        notes = option.get("target_notes")
        for cid in notes if isinstance(notes, dict) else ():
            if cid in causes and cid not in targets:
                problem = "has a note for a cause that is not among its targets"
                out.append(
                    _problem("management.yaml", str(mid), f"target_notes.{cid}", cid, problem)
                )
    for fid, flag in red_flags.items():
        for cid in _as_list(flag.get("causes")):
            where = ("red_flags.yaml", fid, "causes")
            _check_back_link(where, ("causes.yaml", causes, "red_flags"), cid, out)
    _check_red_flag_links(records, red_flags, out)
    for finding in records["findings"]:
        _check_weights(finding, out)


def _check_cause(cid: object, cause: dict, out: list[dict]) -> None:
    """Check that a cause's ISCIP subtype fits its type and its peak lies inside its onset."""
    iscip_type, subtype = cause.get("iscip_type"), cause.get("iscip_subtype")
    if iscip_type in ISCIP_SUBTYPE_OF and subtype not in ISCIP_SUBTYPE_OF[iscip_type]:
        allowed = list(ISCIP_SUBTYPE_OF[iscip_type])
        problem = f"is not a subtype of {iscip_type!r}; allowed: {allowed}"
        out.append(_problem("causes.yaml", str(cid), "iscip_subtype", subtype, problem))
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


def _check_weights(finding: dict, out: list[dict]) -> None:
    """Check that a finding's weights are non-zero, within WEIGHT_RANGE, one per cause."""
    low, high = WEIGHT_RANGE
    fid = str(finding.get("id"))
    seen: set[str] = set()
    for i, effect in enumerate(_as_list(finding.get("effects")), start=1):
        if not isinstance(effect, dict):
            continue
        weight, cause = effect.get("weight"), effect.get("cause")
        if (
            isinstance(weight, int)
            and not isinstance(weight, bool)
            and (weight == 0 or not low <= weight <= high)
        ):
            problem = f"must be a non-zero whole number from {low} to {high}"
            out.append(_problem("findings.yaml", fid, f"effects[{i}].weight", weight, problem))
        if cause in seen:
            out.append(
                _problem("findings.yaml", fid, f"effects[{i}].cause", cause, "cause listed twice")
            )
        seen.add(cause)


def _check_red_flag_links(records: dict[str, list[dict]], red_flags: dict, out: list[dict]) -> None:
    """Red flags, findings, the referral ladder and the journal scan's patterns agree."""
    _check_sign_findings(records["findings"], red_flags, out)
    steps = [r.get("id") for r in records.get("referral", [])]
    if records.get("referral") is not None and sorted(map(str, steps)) != sorted(REFERRAL_STEPS):
        problem = f"must hold each step of the ladder once: {list(REFERRAL_STEPS)}"
        out.append(_problem("referral.yaml", "", "id", steps, problem))
    for rule in records.get("journal_flags", []):
        _check_scan_urgency(rule, red_flags, out)


def _check_sign_findings(findings: list[dict], red_flags: dict, out: list[dict]) -> None:
    """Check that sign findings raise their red flag, and each finding raising one is a sign."""
    raised: dict[str, set[str]] = {}  # finding -> red flags it raises (alone or with others)
    for finding in findings:
        flags = set(map(str, _as_list(finding.get("raises"))))
        for item in _as_list(finding.get("raises_with")):
            if isinstance(item, dict) and isinstance(item.get("red_flag"), str):
                flags.add(item["red_flag"])
        raised[str(finding.get("id"))] = flags
    for rid, flag in red_flags.items():
        for fid in _as_list(flag.get("sign_findings")):
            if fid in raised and rid not in raised[fid]:
                problem = (
                    f"findings.yaml record {fid!r} does not raise {rid!r} (add it to its "
                    "raises or raises_with)"
                )
                out.append(_problem("red_flags.yaml", str(rid), "sign_findings", fid, problem))
    for fid, flags in raised.items():
        for rid in sorted(flags):
            where = ("findings.yaml", fid, "raises")
            _check_back_link(where, ("red_flags.yaml", red_flags, "sign_findings"), rid, out)


def _check_scan_urgency(rule: dict, red_flags: dict, out: list[dict]) -> None:
    """Check that a scan pattern is as pressing as the most pressing of its red flags."""
    rank = {s: i for i, s in enumerate(REFERRAL_STEPS)}
    linked = [red_flags[f] for f in _as_list(rule.get("red_flags")) if f in red_flags]
    urgencies = [f.get("urgency") for f in linked if f.get("urgency") in rank]
    if not urgencies or rule.get("urgency") not in rank:
        return
    most = min(urgencies, key=rank.__getitem__)
    if rule["urgency"] != most:
        problem = (
            f"must be {most!r}, the most pressing urgency of its red flags, so the "
            "scan never words a red flag as less pressing than the knowledge base"
        )
        out.append(
            _problem("journal_flags.yaml", str(rule.get("id")), "urgency", rule["urgency"], problem)
        )


REFERENCE_LOCATORS: tuple[str, ...] = ("doi", "pmid", "pmcid", "url")
"""A reference needs at least one of these to be found again."""


def _check_reference_complete(record: dict, out: list[dict]) -> None:
    """Check for authors (or a publisher), year, title, journal or publisher, and a locator."""
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
            raw = load_yaml(path)
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
                        hint = did_you_mean(str(key), known["references"])
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
    return read_checked_knowledge(folder, complete_references=complete_references)[1]


def read_checked_knowledge(
    folder: str | Path | None = None, *, complete_references: bool = False
) -> tuple[dict[str, list[dict]], pd.DataFrame]:
    """Read the knowledge-base files once and check them: the records and every problem.

    What :func:`read_knowledge` and :func:`find_problems` return, from one reading of the
    files (the loaders use it: the files are parsed once per process, not twice).

    Parameters
    ----------
    folder : str or Path, optional
        A folder holding the YAML files; defaults to the bundled ``data/knowledge``.
    complete_references : bool, default False
        See :func:`find_problems`.

    Returns
    -------
    records : dict
        As :func:`read_knowledge`.
    problems : pandas.DataFrame
        As :func:`find_problems`.

    Examples
    --------
    >>> records, problems = read_checked_knowledge()
    >>> len(problems), "causes" in records
    (0, True)
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
    return records, pd.DataFrame(out, columns=list(PROBLEM_COLUMNS), dtype=object)


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
        msg = f"unknown knowledge-base file {name!r}; valid: {list(SCHEMAS)}.{did_you_mean(name, SCHEMAS)}"
        raise ValueError(msg)
    header = [
        "| field | type | required | allowed values | description |",
        "|---|---|---|---|---|",
    ]
    return "\n".join(header + _table_rows(SCHEMAS[name].fields)) + "\n"


_GENERATED = re.compile(
    r"(<!-- BEGIN generated: sci_pain\.knowledge\.markdown_table\('(\w+)'\) -->\n)(.*?)"
    r"(<!-- END generated -->)",
    re.S,
)


def update_readme_tables(path: str | Path | None = None) -> bool:
    """Rewrite the generated field tables in ``data/knowledge/README.md``.

    Each section between ``<!-- BEGIN generated: sci_pain.knowledge.markdown_table('x') -->``
    and ``<!-- END generated -->`` is replaced by :func:`markdown_table` for ``x``.

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
