r"""FHIR R4 Bundles of 0-10 pain Observations (LOINC 72514-3), read and written.

**FHIR R4**: a Bundle (type ``collection`` or ``searchset``) of Observations with
``code`` LOINC ``72514-3`` "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
``valueInteger`` (or ``valueQuantity`` with the UCUM unit ``{score}``),
``effectiveDateTime`` and ``bodySite`` (https://hl7.org/fhir/R4/observation.html).
Body sites are SNOMED CT codes (:data:`SNOMED_SITES`); laterality is the HL7 extension
``observation-structureLaterality``
(https://hl7.org/fhir/extensions/StructureDefinition-observation-structureLaterality.html)
with the SNOMED CT qualifiers of the FHIR value set ``bodystructure-laterality``
(https://hl7.org/fhir/6.0.0-ballot4/valueset-bodystructure-laterality.html): 7771000 Left,
24028007 Right, 51440002 Right and left. On reading, the mCODE laterality qualifier
extension, the older qualifiers 419161000 (unilateral left) and 419465000 (unilateral right),
and a post-coordinated expression such as ``72696002:272741003=7771000`` (site refined by
272741003 |Laterality|) are understood too. ``row`` numbers the entries as a spreadsheet
numbers records: row 1 stands for the Bundle (the header's place), ``Bundle.entry[0]`` is
row 2.

The SNOMED CT codes for the leg sites were checked against public listings, not against a
SNOMED CT browser (which this project cannot reach): DICOM PS3.16 CID 4031 "Common Anatomic
Regions" (hip 29836001, thigh 68367000, knee 72696002, calf of leg 53840002, foot 56459004,
lower limb 61685007), and HL7 FHIR Shorthand value sets and concept maps in public
implementation guides (displays "Hip region structure", "Thigh structure", "Knee region
structure", "Structure of calf of leg", "Foot structure", "Lower limb structure", and
344001 "Ankle region structure"). Pre-coordinated one-sided codes (such as a code for "left
knee") are not mapped; such sites are reported and cleared.

Examples
--------
>>> import io
>>> from sci_pain.journal import read_journal
>>> journal = read_journal(io.StringIO("timestamp,pain,site,side\n2026-03-02 08:10,6,knee,left\n"))
>>> bundle = to_fhir(journal)
>>> obs = bundle["entry"][0]["resource"]
>>> obs["code"]["coding"][0]["code"], obs["valueInteger"], obs["bodySite"]["text"]
('72514-3', 6, 'left knee')
>>> read_fhir(bundle).entries[["timestamp", "pain", "site", "side"]]
            timestamp  pain  site  side
0 2026-03-02 08:10:00     6  knee  left
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

from sci_pain.errors import JournalError
from sci_pain.journal._io import excerpt
from sci_pain.journal.importers._common import (
    ImportedRecords,
    PathOrBuffer,
    read_text,
    source_name,
    to_journal,
)
from sci_pain.journal.reader import Journal
from sci_pain.journal.schema import SIDES, SITES

__all__ = [
    "read_fhir",
    "to_fhir",
    "LOINC_PAIN_SEVERITY",
    "LOINC_PAIN_SEVERITY_DISPLAY",
    "SNOMED_SITES",
    "SNOMED_LATERALITY",
]

LOINC_SYSTEM = "http://loinc.org"
SNOMED_SYSTEM = "http://snomed.info/sct"
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
LATERALITY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality"
_MCODE_LATERALITY_EXTENSION = (
    "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"
)
_SNOMED_LATERALITY_ATTRIBUTE = "272741003"

LOINC_PAIN_SEVERITY = "72514-3"
"""LOINC code of a 0-10 numeric pain rating: the journal's ``pain`` column."""

LOINC_PAIN_SEVERITY_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
"""LOINC display name of :data:`LOINC_PAIN_SEVERITY`."""

SNOMED_SITES: dict[str, tuple[str, str]] = {
    "hip": ("29836001", "Hip region structure"),
    "thigh": ("68367000", "Thigh structure"),
    "knee": ("72696002", "Knee region structure"),
    "calf": ("53840002", "Structure of calf of leg"),
    "ankle": ("344001", "Ankle region structure"),
    "foot": ("56459004", "Foot structure"),
    "whole_leg": ("61685007", "Lower limb structure"),
}
"""The journal's leg sites as SNOMED CT body structures: site -> (code, display)."""

SNOMED_LATERALITY: dict[str, tuple[str, str]] = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
    "both": ("51440002", "Right and left"),
}
"""The journal's sides as SNOMED CT laterality qualifiers: side -> (code, display)."""

_SITE_BY_CODE = {code: site for site, (code, _) in SNOMED_SITES.items()}
_SIDE_BY_CODE = {code: side for side, (code, _) in SNOMED_LATERALITY.items()}
_SIDE_BY_CODE.update({"419161000": "left", "419465000": "right"})  # older FHIR value set


_FHIR_DATETIME = re.compile(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?"
    r"(Z|[+-]\d{2}:\d{2})?)?)?)?"
)
_SCORE_UNITS = {"{score}", "score", "1", ""}
_WITHDRAWN = ("entered-in-error", "cancelled")
_OFFSET = re.compile(r"Z|[+-](0\d|1[0-4]):[0-5]\d")


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else None


def _list(obj: Any) -> list:
    if isinstance(obj, list):
        return obj
    return [] if obj is None else [obj]


def _codings(concept: Any) -> list[tuple[str, str, str]]:
    """(system, code, display) of every coding of a CodeableConcept (or a list of them)."""
    out = []
    for cc in _list(concept):
        for coding in _list(_get(cc, "coding")):
            system, code = _get(coding, "system"), _get(coding, "code")
            if isinstance(system, str) and isinstance(code, str):
                display = _get(coding, "display")
                out.append(
                    (system.strip(), code.strip(), display if isinstance(display, str) else "")
                )
    return out


def _load_bundle(source: Any) -> tuple[Any, str]:
    if isinstance(source, Mapping):
        return source, "<FHIR Bundle>"
    if isinstance(source, str) and source.lstrip().startswith("{"):
        text, name = source, "<FHIR JSON text>"
    else:
        name = source_name(source, "FHIR")
        text = read_text(source, app="FHIR", what="FHIR Bundle (JSON)")
    try:
        return json.loads(text), name
    except json.JSONDecodeError as exc:
        msg = f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        raise JournalError(msg, path=name) from exc
    except (ValueError, RecursionError) as exc:
        msg = f"{name}: not readable as JSON ({type(exc).__name__}: {exc})."[:300]
        raise JournalError(msg, path=name) from exc


def _fhir_time(text: Any, *, instant: bool = False) -> tuple[str | None, str]:
    """Return an ISO timestamp for the journal, or None and why there is none.

    The clock time is kept as written; the zone offset is dropped.
    """
    if not isinstance(text, str):
        return None, "the time is not text"
    match = _FHIR_DATETIME.fullmatch(text.strip())
    if not match:
        return None, "not a FHIR dateTime (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)"
    year, month, day, hour, minute, second = match.group(1, 2, 3, 4, 5, 6)
    if day is None:
        return None, "a partial date (year or month only); a diary entry needs a day"
    if instant and hour is None:
        return None, "an instant needs a time"
    try:
        if hour is None:
            return date(int(year), int(month), int(day)).isoformat(), ""
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None, "not a real date or time"
    return moment.isoformat(timespec="seconds"), ""


def _fhir_value(obs: dict) -> tuple[str | None, str]:
    """Return the pain rating as text for the validator, or None and why there is none."""
    if "valueInteger" in obs:
        return _number_text(obs["valueInteger"]), ""
    if "valueQuantity" in obs:
        quantity = obs["valueQuantity"]
        units = {
            u.strip()
            for u in (_get(quantity, "code"), _get(quantity, "unit"))
            if isinstance(u, str)
        }
        odd = sorted(units - _SCORE_UNITS)
        if odd:
            return None, (
                f"valueQuantity in {_short(odd[0])}, not a 0-10 score ({{score}}); no conversion is made"
            )
        return _number_text(_get(quantity, "value")), ""
    for key in obs:
        if isinstance(key, str) and key.startswith("value"):
            return None, f"{key} is not read: a 0-10 rating is a valueInteger"
    absent = _codings(_get(obs, "dataAbsentReason"))
    if absent:
        return None, f"no value (dataAbsentReason {_short(absent[0][1])})"
    return None, "no value (valueInteger)"


def _number_text(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)


def _snomed_expression(code: str) -> tuple[str, str | None]:
    """Focus concept and laterality of a SNOMED CT code or post-coordinated expression."""
    plain = re.sub(r"\|[^|]*\|", "", code)
    plain = re.sub(r"[\s{}()]", "", plain)
    focus, _, refinement = plain.partition(":")
    focus = focus.split("+")[0]
    side = None
    for part in refinement.split(","):
        attribute, _, value = part.partition("=")
        if attribute == _SNOMED_LATERALITY_ATTRIBUTE:
            side = _SIDE_BY_CODE.get(value)
    return focus, side


_SIDE_WORDS = {
    "left": "left",
    "right": "right",
    "both": "both",
    "bilateral": "both",
    "bilaterally": "both",
}


def _side_from_text(text: str) -> tuple[str | None, str | None]:
    """Return a side named in ``bodySite.text``, or a note when the words name more than one.

    >>> _side_from_text("Left knee"), _side_from_text("both legs")
    (('left', None), ('both', None))
    """
    words = {_SIDE_WORDS[w] for w in re.findall(r"[a-z]+", text.casefold()) if w in _SIDE_WORDS}
    if words == {"left", "right"}:
        words = {"both"}
    if len(words) == 1:
        return words.pop(), None
    if words:
        return None, "bodySite.text names more than one side; side left empty"
    return None, None


def _extension_side(concept: dict) -> str | None:
    """Return the side in a bodySite's laterality extension (HL7 or mCODE), if any."""
    for extension in _list(_get(concept, "extension")):
        if _get(extension, "url") in (LATERALITY_EXTENSION, _MCODE_LATERALITY_EXTENSION):
            for system, code, _ in _codings(_get(extension, "valueCodeableConcept")):
                if system == SNOMED_SYSTEM and code in _SIDE_BY_CODE:
                    return _SIDE_BY_CODE[code]
    return None


def _coded_site(concepts: list[dict]) -> tuple[str | None, str | None, list[str]]:
    """Return the site and side the SNOMED CT codes give, and the codes that are no leg site."""
    site = side = None
    unknown = []
    for concept in concepts:
        side = side or _extension_side(concept)
        for system, code, display in _codings(concept):
            if system != SNOMED_SYSTEM:
                continue
            focus, lateral = _snomed_expression(code)
            side = side or lateral
            if focus in _SITE_BY_CODE:
                site = site or _SITE_BY_CODE[focus]
            else:
                unknown.append(f"SNOMED CT {code}" + (f" ({display})" if display else ""))
    return site, side, unknown


def _fhir_body_site(body: Any) -> tuple[str | None, str | None, list[tuple[str, str, str]]]:
    """Return site, side and (column, value, problem) notes for a bodySite."""
    if body is None:
        return None, None, []
    concepts = [c for c in _list(body) if isinstance(c, dict)]
    if not concepts:
        return None, None, [("site", str(body)[:100], "bodySite is not a CodeableConcept; cleared")]
    site, side, unknown = _coded_site(concepts)
    notes = []
    texts = [t for t in (_get(c, "text") for c in concepts) if isinstance(t, str) and t]
    if side is None and texts:  # laterality written only in words: "left knee"
        side, unread = _side_from_text(" ".join(texts))
        if unread:
            notes.append(("side", excerpt(" ".join(texts)), unread))
    if site is None:
        # a side without a site (to_fhir writes "left leg") is not a problem
        shown = "; ".join(unknown) or ("; ".join(texts) if side is None else "")
        if shown:
            notes.append(
                (
                    "site",
                    shown,
                    "body site is not one of the journal's leg sites (SNOMED CT codes in "
                    "sci_pain.journal.SNOMED_SITES: " + ", ".join(SITES) + "); cleared",
                )
            )
    return site, side, notes


def _short(value: Any) -> str:
    """Quote a value from the file in a message: a short excerpt, with its size if cut."""
    text = repr(value)
    return excerpt(text, 60)


def _bundle_entries(data: Any, name: str) -> list:
    """Return ``Bundle.entry``, after checking that `data` is a Bundle this reader reads."""
    if not isinstance(data, Mapping):
        msg = f"{name}: expected a FHIR Bundle (a JSON object), found a {type(data).__name__}."
        raise JournalError(msg, path=name)
    kind = data.get("resourceType")
    if kind != "Bundle":
        hint = " Wrap it in a Bundle of type 'collection'." if kind == "Observation" else ""
        msg = f"{name}: resourceType is {_short(kind)}, not 'Bundle'.{hint}"
        raise JournalError(msg, path=name)
    if data.get("type") not in ("collection", "searchset"):
        msg = (
            f"{name}: a Bundle of type {_short(data.get('type'))} is not read: pass a Bundle of type "
            "'collection' or 'searchset' (e.g. a search result or to_fhir()'s output)."
        )
        raise JournalError(msg, path=name)
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        msg = f"{name}: Bundle.entry is a {type(entries).__name__}, not a list of entries."
        raise JournalError(msg, path=name)
    return entries


def read_fhir(bundle: PathOrBuffer | Mapping[str, Any], *, subject: str | None = None) -> Journal:
    """Read a FHIR R4 Bundle of 0-10 pain Observations (LOINC 72514-3) into a journal.

    Parameters
    ----------
    bundle : dict, str, path or file
        The Bundle as a dict (parsed JSON), as JSON text, or a path or open file holding it.
        Its ``type`` is ``collection`` or ``searchset``.
    subject : str, optional
        Whose Observations to read (``subject.reference``) when the Bundle holds several
        people's; the others are reported.

    Returns
    -------
    Journal
        One entry per Observation with code LOINC 72514-3, a value and a time: ``timestamp``
        from ``effectiveDateTime`` (or ``effectiveInstant``, or ``effectivePeriod.start``),
        ``pain`` from ``valueInteger`` (or ``valueQuantity`` in ``{score}``), ``site`` and
        ``side`` from ``bodySite`` (:data:`SNOMED_SITES`, :data:`SNOMED_LATERALITY`),
        ``notes`` from ``note``. ``row`` numbers the entries as a spreadsheet numbers the
        records of a CSV file: row 1 stands for the Bundle itself (the header's place), so
        ``Bundle.entry[i]`` (0-based) is row ``i + 2`` and the first entry is row 2. (Row 1
        is reserved: :class:`~sci_pain.journal.reader.Journal` counts records from row 2.)
        Times keep the clock reading as written; the zone offset is dropped
        (journal times are local clock times), and fractions of a second are dropped.
        Every other entry (another resource, another code, a withdrawn Observation, no
        value, no time) is in ``problems`` with ``kept == False``.

    Raises
    ------
    JournalError
        If the file is missing or not JSON, the JSON is not a Bundle of type
        ``collection`` or ``searchset``, or it holds several subjects and ``subject`` is
        not given.

    See Also
    --------
    to_fhir : the other direction.

    Examples
    --------
    >>> bundle = {
    ...     "resourceType": "Bundle",
    ...     "type": "collection",
    ...     "entry": [
    ...         {
    ...             "resource": {
    ...                 "resourceType": "Observation",
    ...                 "status": "final",
    ...                 "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
    ...                 "effectiveDateTime": "2026-03-02T08:10:00+01:00",
    ...                 "valueInteger": 6,
    ...                 "bodySite": {
    ...                     "coding": [{"system": "http://snomed.info/sct", "code": "72696002"}]
    ...                 },
    ...             }
    ...         }
    ...     ],
    ... }
    >>> read_fhir(bundle).entries[["row", "timestamp", "pain", "site"]]
       row           timestamp  pain  site
    0    2 2026-03-02 08:10:00     6  knee
    """
    data, name = _load_bundle(bundle)
    entries = _bundle_entries(data, name)
    found = ImportedRecords(source=name)
    pain_obs: list[tuple[int, dict]] = []
    for number, entry in enumerate(entries, start=2):  # row 1: the Bundle itself
        resource = _get(entry, "resource")
        kind = _get(resource, "resourceType")
        if not isinstance(resource, dict):
            found.report(
                number, "resource", "", "entry holds no resource; not imported", kept=False
            )
        elif kind != "Observation":
            found.report(
                number,
                "resource",
                str(kind)[:100],
                f"a {kind} resource, not an Observation; not imported",
                kept=False,
            )
        elif (LOINC_SYSTEM, LOINC_PAIN_SEVERITY) not in {
            (s, c) for s, c, _ in _codings(_get(resource, "code"))
        }:
            codes = [f"{c} ({d})" if d else c for _, c, d in _codings(_get(resource, "code"))]
            found.report(
                number,
                "pain",
                excerpt("; ".join(codes), 200),
                f"Observation code is not LOINC {LOINC_PAIN_SEVERITY} (0-10 pain severity); "
                "not imported",
                kept=False,
            )
        else:
            pain_obs.append((number, resource))
    references = [_get(_get(obs, "subject"), "reference") for _, obs in pain_obs]
    people = list(dict.fromkeys(r for r in references if isinstance(r, str) and r))
    if subject is None and len(people) > 1:
        shown = ", ".join(map(repr, people[:5])) + (" ..." if len(people) > 5 else "")
        msg = (
            f"{name} holds pain ratings of {len(people)} subjects, and a journal is one "
            f"person's: pass subject= one of {shown}."
        )
        raise JournalError(msg, path=name)
    for (number, obs), reference in zip(pain_obs, references, strict=True):
        if subject is not None and reference != subject:
            found.report(
                number,
                "subject",
                "",
                f"an Observation of another subject (not {_short(subject)}); not part of this journal",
                kept=False,
            )
            continue
        _fhir_observation(found, number, obs)
    return to_journal(found)


def _fhir_observation(found: ImportedRecords, number: int, obs: dict) -> None:
    status = obs.get("status")
    if status in _WITHDRAWN:
        found.report(
            number, "status", status, f"status {status!r}: withdrawn; not imported", kept=False
        )
        return
    period_note = ""
    if "effectiveDateTime" in obs:
        stamp, why = _fhir_time(obs["effectiveDateTime"])
        shown = obs["effectiveDateTime"]
    elif "effectiveInstant" in obs:
        stamp, why = _fhir_time(obs["effectiveInstant"], instant=True)
        shown = obs["effectiveInstant"]
    elif "effectivePeriod" in obs:
        shown = _get(obs["effectivePeriod"], "start")
        stamp, why = _fhir_time(shown)
        period_note = "effectivePeriod: its start is used as the entry's time"
    else:
        stamp, shown = None, ""
        why = "no effectiveDateTime: an entry needs a time"
    pain, no_value = _fhir_value(obs)
    if stamp is None:
        found.report(number, "timestamp", str(shown)[:100], f"{why}; not imported", kept=False)
    if pain is None:
        found.report(number, "pain", "", f"{no_value}; not imported", kept=False)
    if stamp is None or pain is None:
        return
    if period_note:
        found.report(number, "timestamp", str(shown)[:100], period_note, kept=True)
    site, side, notes = _fhir_body_site(obs.get("bodySite"))
    for column, value, problem in notes:
        found.report(number, column, value, problem, kept=True)
    texts = [_get(n, "text") for n in _list(obs.get("note"))]
    note = "; ".join(t.strip() for t in texts if isinstance(t, str) and t.strip())
    found.add(
        number,
        {"timestamp": stamp, "pain": pain, "side": side, "site": site, "notes": note or None},
    )


def to_fhir(
    journal: Journal,
    *,
    subject: str = "Patient/anonymous",
    utc_offset: str = "+00:00",
) -> dict[str, Any]:
    r"""Write a journal's pain ratings as a FHIR R4 Bundle of Observations.

    One Observation per entry: status ``final``, category ``survey``, code LOINC
    ``72514-3`` (:data:`LOINC_PAIN_SEVERITY_DISPLAY`), ``valueInteger`` = ``pain``,
    ``effectiveDateTime`` = ``timestamp``, and ``bodySite`` from ``site`` (SNOMED CT,
    :data:`SNOMED_SITES`) and ``side`` (the ``observation-structureLaterality`` extension,
    :data:`SNOMED_LATERALITY`). Only these travel: other columns have no standard place in
    a pain-severity Observation, and free text (``problem``, ``notes``) is left out so that
    no personal details leave with the file. Ids are derived from the content, so the same
    journal always gives the same Bundle.

    Parameters
    ----------
    journal : Journal
        The journal (or a DataFrame of entries with at least ``timestamp`` and ``pain``).
    subject : str, default "Patient/anonymous"
        The reference written in ``Observation.subject``: a placeholder, never a name or a
        record number.
    utc_offset : str, default "+00:00"
        Journal times are local clock times without a zone, but FHIR requires one when a
        time is given. This offset (``"Z"`` or ``"+hh:mm"``/``"-hh:mm"``) is written after
        each time; :func:`read_fhir` keeps the clock time as written, so the round trip is
        exact whatever the offset. An entry at exactly 00:00 is written as a date alone
        (``2026-03-01``): the journal cannot tell a once-a-day entry from one made at
        midnight, and both read back as the same timestamp. Seconds are kept, fractions of
        a second are not.

    Returns
    -------
    dict
        A Bundle of type ``collection``, ready for :func:`json.dump`.

    Raises
    ------
    ValueError
        If ``utc_offset`` is not an offset.
    TypeError
        If ``journal`` is neither a Journal nor a frame with ``timestamp`` and ``pain``.

    Examples
    --------
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> journal = read_journal(io.StringIO("timestamp,pain,side\n2026-03-02 08:10,6,left\n"))
    >>> obs = to_fhir(journal, utc_offset="+01:00")["entry"][0]["resource"]
    >>> obs["effectiveDateTime"], obs["valueInteger"], obs["subject"]
    ('2026-03-02T08:10:00+01:00', 6, {'reference': 'Patient/anonymous'})
    >>> obs["bodySite"]["text"]
    'left leg'
    """
    if not isinstance(utc_offset, str) or not _OFFSET.fullmatch(utc_offset):
        msg = f"utc_offset must be 'Z' or like '+01:00' or '-05:00', not {utc_offset!r}."
        raise ValueError(msg)
    entries = getattr(journal, "entries", journal)
    if not isinstance(entries, pd.DataFrame) or not {"timestamp", "pain"} <= set(entries):
        msg = (
            "to_fhir() needs a Journal (from read_journal() or an import) or a DataFrame of "
            f"entries with 'timestamp' and 'pain'; got a {type(journal).__name__}."
        )
        raise TypeError(msg)
    out = []
    for number, record in enumerate(entries.to_dict("records"), start=1):
        stamp = pd.Timestamp(record["timestamp"])
        pain = record["pain"]
        if pd.isna(stamp) or pd.isna(pain):
            continue
        site = _present(record.get("site"))
        side = _present(record.get("side"))
        if stamp == stamp.normalize():  # a once-a-day entry (or one made at 00:00)
            effective = stamp.date().isoformat()
        else:
            effective = stamp.isoformat(timespec="seconds") + utc_offset
        ident, resource = _observation(number, effective, int(pain), site, side, subject)
        out.append({"fullUrl": f"urn:uuid:{ident}", "resource": resource})
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "collection"}
    if out:  # FHIR JSON allows no empty arrays
        bundle["entry"] = out
    return bundle


def _observation(
    number: int, effective: str, pain: int, site: str | None, side: str | None, subject: str
) -> tuple[str, dict[str, Any]]:
    """Return the id and the Observation of one entry (its id derived from its content)."""
    key = f"sci_pain/{number}/{effective}/{pain}/{site}/{side}"
    ident = str(uuid.uuid5(uuid.NAMESPACE_URL, key))
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": ident,
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": OBSERVATION_CATEGORY_SYSTEM,
                        "code": "survey",
                        "display": "Survey",
                    }
                ]
            }
        ],
        "code": {
            "coding": [
                {
                    "system": LOINC_SYSTEM,
                    "code": LOINC_PAIN_SEVERITY,
                    "display": LOINC_PAIN_SEVERITY_DISPLAY,
                }
            ],
            "text": "Pain severity (0-10 numeric rating scale)",
        },
        "subject": {"reference": subject},
        "effectiveDateTime": effective,
        "valueInteger": pain,
    }
    body = _body_site(site, side)
    if body:
        resource["bodySite"] = body
    return ident, resource


def _present(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value)
    return text or None


def _body_site(site: str | None, side: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if side in SNOMED_LATERALITY:
        code, display = SNOMED_LATERALITY[side]
        body["extension"] = [
            {
                "url": LATERALITY_EXTENSION,
                "valueCodeableConcept": {
                    "coding": [{"system": SNOMED_SYSTEM, "code": code, "display": display}]
                },
            }
        ]
    if site in SNOMED_SITES:
        code, display = SNOMED_SITES[site]
        body["coding"] = [{"system": SNOMED_SYSTEM, "code": code, "display": display}]
    if body:
        where = "leg" if site in (None, "whole_leg") else site
        if side == "both" and where == "leg":
            where = "legs"
        body["text"] = " ".join(w for w in (side if side in SIDES else None, where) if w)
    return body
