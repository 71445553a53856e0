"""Imports from diary apps (Bearable, Flaredown) and FHIR R4, in both directions.

Every import returns the same :class:`~sci_pain.journal.reader.Journal` as
:func:`~sci_pain.journal.reader.read_journal`, validated by the same code, with the same accounting:
each record of the source either becomes an entry (its source row in ``entries["row"]``) or
has a problem with ``kept == False`` that says why it was not imported. Nothing is dropped
silently.

No conversion between rating scales
-----------------------------------
The journal's ``pain`` is a 0-10 numeric rating (LOINC 72514-3). Bearable rates symptoms
0-4 (none, mild, moderate, severe, unbearable) and Flaredown rates conditions and symptoms
0-4 (0 not active ... 4 extremely active). A 0-4 rating is not a 0-10 rating with a coarser
grid: the anchors differ, the steps are not known to be equal, and no published mapping
between them exists that this package could cite. So **no conversion is made**. A record
without a 0-10 pain rating is reported (``kept == False``) and its original value, with its
scale, is kept in the problem's ``value`` and ``problem`` text. The tidy tables from
:func:`read_bearable_records` and :func:`read_flaredown_records` keep every record on its
own scale for learners who want to look at them anyway.

What each format is, and where that was learned
-----------------------------------------------
**Bearable** (https://bearable.app): a CSV export, one row per logged item, every field
quoted. Older exports have the header
``date,weekday,time of day,category,rating/amount,detail,notes`` (public exports in
github.com/andrewmiller0728/BearableDataProcessing, file
``src/main/resources/Bearable_Export_20210728.csv``, and github.com/gitsmol/pawprint,
``input_data/bearable-export-27-10-2021.csv``; parser tests in
github.com/OmegaJak/bearable-csv-analyzer ``src/model/parser.rs``). Newer exports add a
``date formatted`` column after ``date``, read as ``YYYY-MM-DD`` by third-party importers
(github.com/bcwilsondotcom/obsidian-bearable-import-plugin ``main.ts``;
github.com/rhermanek/bearable_viewer ``analyzer.py``); what the ``date`` column holds in those
newer files was not seen in a public file, so ``date formatted`` is preferred when it parses.

- ``date`` is written like ``22nd Sep 2020``.
- ``time of day`` is a clock time (``3:04``, ``21:30``), one of the parts of the day ``pre``,
  ``am``, ``mid``, ``pm``, ``all day``, or empty (sleep, water). Bearable does not document
  which clock hours the parts of the day cover (third-party code guesses 0-6, 6-12, 12-18,
  18-24 h), so an entry logged in a part of the day keeps its **date only**; no clock time is
  invented.
- ``category`` is ``Mood``, ``Energy``, ``Symptom``, ``Sleep``, ``Sleep quality``,
  ``Factors``, ``Meds/Supplements``, ``Food Diary``, ``Gratitudes``, ``Water``,
  ``Health measurements``, ``Bowel movements`` or the name of a custom rating.
- ``Symptom`` rows carry the severity in ``rating/amount`` and the name in ``detail`` as
  ``Name (Severity)``, e.g. ``Back (lower) pain (Moderate)``.
- Scales, from Bearable's own page "What are all the different scales used in Bearable?"
  (https://bearable.app/support/common-questions/what-are-all-the-different-scales-used-in-bearable):
  mood and energy 1-10; symptoms 0-4 (none, mild, moderate, severe, unbearable); sleep
  quality and custom ratings 1-5; bowel movements Bristol type 1-7; **health measurements
  are set up by the user and may be "a 0 - 10 pain scale"**.
- ``Health measurements`` rows have the measurement's name in ``detail`` and its value in
  ``rating/amount`` (as read by the obsidian-bearable-import-plugin,
  ``src/dataTypes/healthMeasurementsData.ts``; no public export with such rows was found).

So the only Bearable records imported as entries are **0-10 pain health measurements**: rows
of category ``Health measurements`` whose name matches ``pain_measurement`` (default
``"Pain"``; a trailing unit in parentheses such as ``Leg pain (0-10)`` is ignored when
matching). Everything else is reported.

**Flaredown** (https://flaredown.com), two exports:

- the long format of Flaredown's public data set on Kaggle
  (https://www.kaggle.com/flaredown/flaredown-autoimmune-symptom-tracker), header
  ``user_id,age,sex,country,checkin_date,trackable_id,trackable_type,trackable_name,trackable_value``,
  one row per tracked item per check-in, ``checkin_date`` as ``YYYY-MM-DD``, types
  ``Condition`` and ``Symptom`` (rated 0-4), ``Treatment`` (a free-text dose such as
  ``3 x 5mg``), ``Tag``, ``Food``, ``Weather`` and ``HBI`` (data set description as quoted in
  public write-ups; the 0-4 range is enforced by the app's model
  ``backend/app/models/checkin/fiveable.rb`` in github.com/rubyforgood/Flaredown);
- the app's own "export my data" CSV, one row per check-in: ``Date``, one column per
  condition, symptom and treatment by name, then ``Tags`` and ``Foods`` (``; ``-separated),
  as written by ``backend/app/jobs/data_export_job.rb`` in github.com/rubyforgood/Flaredown.

Flaredown has no 0-10 rating, so a Flaredown import has no entries: every record is reported
with its original value. ``age``, ``sex`` and ``country`` are never copied.

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
>>> from sci_pain.journal.reader import read_journal
>>> journal = read_journal(
...     io.StringIO("timestamp,pain,site,side\\n2026-03-02 08:10,6,knee,left\\n")
... )
>>> bundle = to_fhir(journal)
>>> obs = bundle["entry"][0]["resource"]
>>> obs["code"]["coding"][0]["code"], obs["valueInteger"], obs["bodySite"]["text"]
('72514-3', 6, 'left knee')
>>> read_fhir(bundle).entries[["timestamp", "pain", "site", "side"]]
            timestamp  pain  site  side
0 2026-03-02 08:10:00     6  knee  left
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import os
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Union

import pandas as pd

from sci_pain.journal._io import excerpt
from sci_pain.journal.reader import Journal, JournalError, journal_from_frame, problems_frame
from sci_pain.journal.schema import COLUMN_ORDER, PROBLEM_COLUMNS, SIDES, SITES

__all__ = [
    "read_bearable",
    "read_bearable_records",
    "read_flaredown",
    "read_flaredown_records",
    "read_fhir",
    "to_fhir",
    "LOINC_PAIN_SEVERITY",
    "LOINC_PAIN_SEVERITY_DISPLAY",
    "SNOMED_SITES",
    "SNOMED_LATERALITY",
    "BEARABLE_SCALES",
]

PathOrBuffer = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

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

BEARABLE_SCALES: dict[str, str] = {
    "mood": "1-10",
    "energy": "1-10",
    "symptom": "0-4 (none, mild, moderate, severe, unbearable)",
    "sleep quality": "1-5",
    "health measurements": "set up by the user",
    "bowel movements": "Bristol stool chart, type 1-7",
}
"""Bearable's rating scales by category (lower case), from Bearable's own support page.

Custom ratings, whose category is the rating's own name, use 1-5.
"""

_RECORD = None  # the ``column`` of a problem about a whole record

# ---------------------------------------------------------------------------------------------
# shared plumbing: reading text, CSV records, problems, building the Journal
# ---------------------------------------------------------------------------------------------


@dataclass
class _Import:
    """What a parser found: canonical raw records, their source rows, and problems."""

    source: str
    records: list[dict[str, str | None]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: int, record: dict[str, str | None]) -> None:
        self.records.append(record)
        self.rows.append(row)

    def report(self, row: int, column: str | None, value: Any, problem: str, *, kept: bool) -> None:
        text = "" if value is None else str(value)
        self.problems.append(
            {"row": row, "column": column, "value": text, "problem": problem, "kept": kept}
        )


def _journal(found: _Import, *, date_format: str | None = None) -> Journal:
    """Validate the canonical records with the reader's own validator."""
    used = {key for record in found.records for key in record}
    columns = [c for c in COLUMN_ORDER if c in used or c in ("timestamp", "pain")]
    raw = pd.DataFrame(
        [[record.get(c) for c in columns] for record in found.records],
        columns=columns,
        dtype=object,
    )
    problems = problems_frame([[p[c] for c in PROBLEM_COLUMNS] for p in found.problems])
    return journal_from_frame(
        raw,
        source=found.source,
        rows=found.rows,
        extra_problems=problems,
        date_format=date_format,
    )


def _source_name(source: Any, app: str) -> str:
    if isinstance(source, (str, os.PathLike)):
        return str(source)
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, (str, os.PathLike)) else f"<{app} data>"


def _read_bytes_or_text(source: Any, *, app: str, what: str) -> str:
    """Return the text of a path or an open file; file-level faults raise JournalError."""
    name = _source_name(source, app)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            msg = (
                f"{name}: no such file. Check the path (a relative path starts from the "
                f"folder Python runs in) and pass the {what} itself."
            )
            raise JournalError(msg, path=name)
        if path.is_dir():
            msg = f"{name} is a folder, not a file: pass the {what} inside it."
            raise JournalError(msg, path=name)
        try:
            data: Any = path.read_bytes()
        except OSError as exc:
            msg = f"{name}: cannot be read ({exc.strerror or exc}). Check its permissions."
            raise JournalError(msg, path=name) from exc
    elif hasattr(source, "read"):
        try:
            data = source.read()
        except (OSError, ValueError) as exc:
            msg = f"{name}: cannot be read ({exc}). Pass an open file or a path."
            raise JournalError(msg, path=name) from exc
    else:
        msg = (
            f"cannot read a {what} from a {type(source).__name__}: pass a path (str or "
            "pathlib.Path) or an open file."
        )
        raise TypeError(msg)
    if isinstance(data, str):
        text = data
        if "\x00" in text:
            msg = f"{name} is not a text file (it contains NUL characters): pass the {what}."
            raise JournalError(msg, path=name)
    elif isinstance(data, (bytes, bytearray)):
        text = _decode(bytes(data), name=name, what=what)
    else:
        msg = f"{name}: reading it gave a {type(data).__name__}, not text or bytes."
        raise JournalError(msg, path=name)
    text = text.lstrip("\ufeff")
    if not text.strip():
        msg = f"{name} is empty: export the data from the app again and pass that {what}."
        raise JournalError(msg, path=name)
    return text


def _decode(data: bytes, *, name: str, what: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            msg = f"{name}: starts like UTF-16 text but cannot be decoded ({exc.reason})."
            raise JournalError(msg, path=name) from exc
    if b"\x00" in data:
        msg = (
            f"{name} is not a text file (it contains NUL bytes; a spreadsheet workbook or an "
            f"image?): pass the {what}, saved as CSV/JSON text."
        )
        raise JournalError(msg, path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # Windows spreadsheets
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _norm(text: str) -> str:
    """Normalise a header or a name: no BOM, no quotes, lower case, single spaces."""
    return " ".join(text.replace("\ufeff", "").strip().strip('"').casefold().split())


def _csv_records(text: str, *, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Split CSV text into a header and (spreadsheet row, fields) records.

    Rows are numbered as a spreadsheet shows them: every CSV record counts (a quoted
    multi-line field is one record), the header is the first non-blank record. Blank records
    are skipped: they hold nothing to lose.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    try:
        for number, fields in enumerate(reader, start=1):
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header = fields
            else:
                records.append((number, fields))
    except csv.Error as exc:
        msg = f"{name}: not readable as CSV near line {reader.line_num} ({exc})."
        raise JournalError(msg, path=name) from exc
    return header or [], records


def _missing_columns(
    name: str, app: str, header: list[str], required: Iterable[str], hint: str
) -> JournalError:
    found = [_norm(h) for h in header]
    missing = [c for c in required if c not in found]
    guesses = []
    for column in missing:
        close = difflib.get_close_matches(column, found, n=1, cutoff=0.6)
        if close:
            guesses.append(f"{close[0]!r} for {column!r}?")
    shown = ", ".join(repr(h) for h in header[:12]) + (" ..." if len(header) > 12 else "")
    msg = (
        f"{name}: not a {app} export: missing column(s) {', '.join(map(repr, missing))}. "
        f"Columns found: {shown or 'none'}."
    )
    if guesses:
        msg += " Close matches: " + " ".join(guesses)
    return JournalError(msg + " " + hint, path=name)


def _fields(header_index: dict[str, int], fields: list[str], column: str) -> str:
    index = header_index.get(column)
    if index is None or index >= len(fields):
        return ""
    return fields[index].strip()


def _field_count_problem(found: _Import, row: int, fields: list[str], width: int) -> bool:
    """Report a record whose number of fields differs from the header's; True if reported."""
    if len(fields) == width:
        return False
    found.report(
        row,
        _RECORD,
        " | ".join(fields)[:200],
        f"record has {len(fields)} fields but the header has {width} (an unquoted comma or "
        "a cut line?); not imported",
        kept=False,
    )
    return True


def _index(header: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        index.setdefault(_norm(h), i)
    return index


# ---------------------------------------------------------------------------------------------
# Bearable
# ---------------------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_BEARABLE_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})", re.I)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?", re.I)
_BEARABLE_PARTS = ("pre", "am", "mid", "pm")
_SEVERITY = re.compile(r"(.*?)\s*\((none|mild|moderate|severe|unbearable)\)\s*", re.I)
_UNIT_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
_BEARABLE_REQUIRED = ("time of day", "category", "rating/amount", "detail")


def _bearable_date(text: str, formatted: str) -> date | None:
    for pattern, value in ((_ISO_DATE, formatted), (_BEARABLE_DATE, text)):
        match = pattern.fullmatch(value.strip())
        if not match:
            continue
        try:
            if pattern is _ISO_DATE:
                return date(int(match[1]), int(match[2]), int(match[3]))
            month = _MONTHS.get(match[2].casefold())
            if month is not None:
                return date(int(match[3]), month, int(match[1]))
        except ValueError:
            continue
    return None


def _bearable_time(text: str) -> tuple[str, str | None]:
    """Classify Bearable's ``time of day``: ("clock", "HH:MM[:SS]"), ("part", part), ("day",
    None) or ("invalid", None)."""
    value = " ".join(text.strip().casefold().split())
    if value in ("", "all day", "all-day"):
        return "day", None
    if value in _BEARABLE_PARTS:
        return "part", value
    match = _CLOCK.fullmatch(value)
    if match:
        hour, minute = int(match[1]), int(match[2])
        second = int(match[3]) if match[3] else 0
        if match[4]:
            if not 1 <= hour <= 12:
                return "invalid", None
            hour = hour % 12 + (12 if match[4] == "p" else 0)
        if hour < 24 and minute < 60 and second < 60:
            clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if match[3] else "")
            return "clock", clock
    return "invalid", None


def _measurement_name(detail: str) -> str:
    return _norm(_UNIT_SUFFIX.sub("", detail))


def _bearable_rows(
    text: str, name: str
) -> tuple[list[str], dict[str, int], list[tuple[int, list[str]]]]:
    header, records = _csv_records(text, name=name)
    index = _index(header)
    if "checkin_date" in index or "trackable_type" in index:
        msg = f"{name} looks like a Flaredown export, not a Bearable one: use read_flaredown()."
        raise JournalError(msg, path=name)
    required = [*_BEARABLE_REQUIRED]
    if "date" not in index and "date formatted" not in index:
        required.insert(0, "date")
    if any(c not in index for c in required):
        raise _missing_columns(
            name,
            "Bearable",
            header,
            required,
            "Export again from Bearable (Settings > Export data) and pass that CSV file.",
        )
    return header, index, records


def _bearable_value(category: str, detail: str, rating: str) -> str:
    text = category or "(no category)"
    if detail:
        text += f": {detail}"
    if rating:
        text += f" = {rating}"
    return text


def read_bearable(
    path_or_buffer: PathOrBuffer,
    *,
    pain_measurement: str | Iterable[str] = "Pain",
) -> Journal:
    """Read a Bearable CSV export into a journal.

    Only **0-10 pain health measurements** become entries: rows of category
    ``Health measurements`` whose name is ``pain_measurement`` (Bearable lets you set up a
    health measurement as "a 0 - 10 pain scale"). Symptoms, rated 0-4 in Bearable (none,
    mild, moderate, severe, unbearable), are **not converted** to 0-10: each is reported
    with its original value and scale, as is every other row (mood, sleep, factors, ...).

    Parameters
    ----------
    path_or_buffer : str, path or file
        The CSV file exported from Bearable.
    pain_measurement : str or iterable of str, default "Pain"
        Name(s) of the health measurement that holds 0-10 pain ratings, matched without
        case and ignoring a trailing unit in parentheses (``"Leg pain (0-10)"`` matches
        ``"leg pain"``).

    Returns
    -------
    Journal
        ``entries`` with ``timestamp`` (the clock time, or the date alone when the row was
        logged for a part of the day such as ``am`` or for ``all day``), ``pain``,
        ``problem`` (the measurement's name unless it is just "Pain"), ``notes`` and ``row``
        (the CSV file's spreadsheet row). ``problems`` lists every row not imported, with
        ``kept == False`` and its original value.

    Raises
    ------
    JournalError
        If the file is missing, empty, not text, or lacks Bearable's columns.

    See Also
    --------
    read_bearable_records : every row of the export, each on its own scale.
    read_journal : the journal's own CSV format.

    Examples
    --------
    >>> import io
    >>> csv_text = '''date,weekday,time of day,category,rating/amount,detail,notes
    ... "2nd Mar 2026","Monday","08:10","Health measurements","4","Pain",""
    ... "2nd Mar 2026","Monday","pm","Symptom","2","Leg pain (Moderate)",""
    ... '''
    >>> journal = read_bearable(io.StringIO(csv_text))
    >>> journal.entries[["timestamp", "pain", "row"]].to_string(index=False)
    '          timestamp  pain  row\\n2026-03-02 08:10:00     4    2'
    >>> journal.problems.loc[0, "value"]
    'Symptom: Leg pain (Moderate) = 2'
    """
    names = [pain_measurement] if isinstance(pain_measurement, str) else list(pain_measurement)
    wanted = {_measurement_name(str(n)) for n in names}
    wanted_text = " or ".join(repr(str(n)) for n in names) or "''"
    name = _source_name(path_or_buffer, "Bearable")
    text = _read_bytes_or_text(path_or_buffer, app="Bearable", what="Bearable CSV export")
    header, index, records = _bearable_rows(text, name)
    found = _Import(source=name)
    for row, fields in records:
        if _field_count_problem(found, row, fields, len(header)):
            continue
        category = _fields(index, fields, "category")
        detail = _fields(index, fields, "detail")
        rating = _fields(index, fields, "rating/amount")
        kind = _norm(category)
        value = _bearable_value(category, detail, rating)
        if kind not in ("health measurements", "health measurement"):
            if kind == "symptom":
                problem = (
                    "Bearable rates symptoms 0-4 (none, mild, moderate, severe, unbearable), "
                    "not 0-10; no 0-10 conversion is made, so it is not imported as a pain "
                    f"rating (to import pain, log it as the 0-10 health measurement "
                    f"{wanted_text})"
                )
            else:
                scale = BEARABLE_SCALES.get(kind)
                problem = (
                    f"Bearable's {category or '(empty)'!r} rows hold no 0-10 pain rating"
                    + (f" (their scale: {scale})" if scale else "")
                    + "; not imported"
                )
            found.report(row, "pain", value, problem, kept=False)
            continue
        if _measurement_name(detail) not in wanted:
            found.report(
                row,
                "pain",
                value,
                f"health measurement {detail!r} is not the 0-10 pain measurement "
                f"({wanted_text}; see pain_measurement=); not imported",
                kept=False,
            )
            continue
        date_text = _fields(index, fields, "date")
        day = _bearable_date(date_text, _fields(index, fields, "date formatted"))
        time_text = _fields(index, fields, "time of day")
        if day is None:
            shown = date_text or _fields(index, fields, "date formatted")
            found.report(
                row,
                "timestamp",
                shown,
                "not a date as Bearable writes it (like '22nd Sep 2020') nor YYYY-MM-DD; "
                "not imported",
                kept=False,
            )
            continue
        how, clock = _bearable_time(time_text)
        if how == "invalid":
            found.report(
                row,
                "timestamp",
                f"{date_text} {time_text}".strip(),
                f"time of day {time_text!r} is neither a clock time (H:MM) nor one of "
                "Bearable's parts of the day (pre, am, mid, pm, all day); not imported",
                kept=False,
            )
            continue
        stamp = f"{day.isoformat()}T{clock}" if how == "clock" else day.isoformat()
        if how == "part":
            found.report(
                row,
                "timestamp",
                time_text,
                f"logged for the part of the day {clock!r}; Bearable does not say which hours "
                "that covers, so the date alone is kept",
                kept=True,
            )
        label = _UNIT_SUFFIX.sub("", detail).strip()
        notes = _fields(index, fields, "notes")
        found.add(
            row,
            {
                "timestamp": stamp,
                "pain": rating,
                "problem": None if _norm(label) == "pain" else label,
                "notes": notes or None,
            },
        )
    return _journal(found)


def read_bearable_records(path_or_buffer: PathOrBuffer) -> pd.DataFrame:
    """Every row of a Bearable CSV export in a tidy table, each value on its own scale.

    Nothing is converted: a symptom keeps its 0-4 severity, a mood its 1-10 rating. Use it
    to look at what :func:`read_bearable` does not import as pain.

    Parameters
    ----------
    path_or_buffer : str, path or file
        The CSV file exported from Bearable.

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (spreadsheet row), ``date`` (datetime64; NaT when unreadable),
        ``time_of_day`` (as written), ``category``, ``name`` (the symptom or item without
        its severity), ``value`` (``rating/amount`` as written), ``severity`` (the
        symptom's severity word), ``scale`` (from :data:`BEARABLE_SCALES`) and ``notes``.

    Examples
    --------
    >>> import io
    >>> csv_text = '''date,weekday,time of day,category,rating/amount,detail,notes
    ... "2nd Mar 2026","Monday","pm","Symptom","2","Leg pain (Moderate)",""
    ... '''
    >>> read_bearable_records(io.StringIO(csv_text))[["name", "value", "severity"]]
           name value  severity
    0  Leg pain     2  Moderate
    """
    name = _source_name(path_or_buffer, "Bearable")
    text = _read_bytes_or_text(path_or_buffer, app="Bearable", what="Bearable CSV export")
    _, index, records = _bearable_rows(text, name)
    out = []
    for row, fields in records:
        category = _fields(index, fields, "category")
        detail = _fields(index, fields, "detail")
        match = _SEVERITY.fullmatch(detail) if _norm(category) == "symptom" else None
        day = _bearable_date(
            _fields(index, fields, "date"), _fields(index, fields, "date formatted")
        )
        out.append(
            {
                "row": row,
                "date": pd.Timestamp(day) if day else pd.NaT,
                "time_of_day": _fields(index, fields, "time of day"),
                "category": category,
                "name": match[1] if match else detail,
                "value": _fields(index, fields, "rating/amount"),
                "severity": match[2].capitalize() if match else "",
                "scale": BEARABLE_SCALES.get(_norm(category), ""),
                "notes": _fields(index, fields, "notes"),
            }
        )
    columns = ["row", "date", "time_of_day", "category", "name", "value", "severity"]
    frame = pd.DataFrame(out, columns=[*columns, "scale", "notes"])
    frame["row"] = frame["row"].astype("int64")
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


# ---------------------------------------------------------------------------------------------
# Flaredown
# ---------------------------------------------------------------------------------------------

_FLAREDOWN_LONG_REQUIRED = ("checkin_date", "trackable_type", "trackable_name", "trackable_value")
_FLAREDOWN_RATED = ("condition", "symptom")


def _flaredown_layout(text: str, name: str) -> tuple[str, list[str], dict[str, int], list]:
    header, records = _csv_records(text, name=name)
    index = _index(header)
    if all(c in index for c in _FLAREDOWN_LONG_REQUIRED):
        return "long", header, index, records
    if header and _norm(header[0]) == "date" and "tags" in index and "foods" in index:
        return "app", header, index, records
    if "rating/amount" in index and "category" in index:
        msg = f"{name} looks like a Bearable export, not a Flaredown one: use read_bearable()."
        raise JournalError(msg, path=name)
    raise _missing_columns(
        name,
        "Flaredown",
        header,
        _FLAREDOWN_LONG_REQUIRED,
        "Flaredown files have either the columns user_id, age, sex, country, checkin_date, "
        "trackable_id, trackable_type, trackable_name, trackable_value (the public data set) "
        "or Date, one column per condition, symptom and treatment, Tags, Foods (the app's "
        "export).",
    )


def _flaredown_user(
    name: str, index: dict[str, int], records: list, user_id: str | None
) -> str | None:
    if "user_id" not in index:
        return None
    users = [u for u in dict.fromkeys(_fields(index, f, "user_id") for _, f in records) if u]
    if user_id is None:
        if len(users) > 1:
            shown = ", ".join(map(repr, users[:5])) + (" ..." if len(users) > 5 else "")
            msg = (
                f"{name} holds check-ins of {len(users)} people, and a journal is one "
                f"person's: pass user_id= one of {shown}."
            )
            raise JournalError(msg, path=name)
        return users[0] if users else None
    if user_id not in users:
        close = difflib.get_close_matches(str(user_id), users, n=3, cutoff=0.6)
        hint = f" Close matches: {', '.join(map(repr, close))}." if close else ""
        msg = f"{name}: no check-ins with user_id {user_id!r} ({len(users)} people in the file).{hint}"
        raise JournalError(msg, path=name)
    return user_id


def _flaredown_problem(kind: str) -> str:
    key = _norm(kind)
    if key in _FLAREDOWN_RATED:
        return (
            f"Flaredown rates {key}s 0-4 (0 not active ... 4 extremely active), not 0-10; no "
            "0-10 conversion is made, so it is not imported as a pain rating"
        )
    if key == "treatment":
        return "a Flaredown treatment (with its dose as free text), not a pain rating; not imported"
    return f"a Flaredown {kind or '(untyped)'} record, not a pain rating; not imported"


def read_flaredown(path_or_buffer: PathOrBuffer, *, user_id: str | None = None) -> Journal:
    """Read a Flaredown export into a journal, reporting every record.

    Flaredown rates conditions and symptoms 0-4 and has no 0-10 pain rating, and no 0-10
    conversion is made, so a Flaredown import has **no entries**: every record is in
    ``problems`` (``kept == False``) with its original value and the reason. This keeps the
    accounting honest and shows why the scales cannot be mixed; to analyse Flaredown
    ratings on their own 0-4 scale, use :func:`read_flaredown_records`.

    Both exports are understood: the long format of Flaredown's public data set (``user_id,
    age, sex, country, checkin_date, trackable_id, trackable_type, trackable_name,
    trackable_value``) and the app's own export (``Date``, one column per trackable,
    ``Tags``, ``Foods``). ``age``, ``sex`` and ``country`` are never copied.

    Parameters
    ----------
    path_or_buffer : str, path or file
        The Flaredown CSV file.
    user_id : str, optional
        Whose check-ins to read when the file holds several people's (the public data
        set does). Check-ins of other people are reported as not part of this journal
        (one problem each, without their values), so for the whole public data set
        (millions of rows) select the person's rows with pandas first.

    Returns
    -------
    Journal

    Raises
    ------
    JournalError
        If the file is missing, empty, not text, lacks Flaredown's columns, or holds
        several people's check-ins and ``user_id`` is not given (or not found).

    Examples
    --------
    >>> import io
    >>> csv_text = '''Date,Leg pain,Physiotherapy,Tags,Foods
    ... 2026-03-02,3,,slept badly,
    ... '''
    >>> journal = read_flaredown(io.StringIO(csv_text))
    >>> len(journal.entries), journal.problems.loc[0, "value"]
    (0, 'Date=2026-03-02; Leg pain=3; Tags=slept badly')
    """
    name = _source_name(path_or_buffer, "Flaredown")
    text = _read_bytes_or_text(path_or_buffer, app="Flaredown", what="Flaredown CSV export")
    layout, header, index, records = _flaredown_layout(text, name)
    found = _Import(source=name)
    width = len(header)
    if layout == "app":
        for row, fields in records:
            if _field_count_problem(found, row, fields, width):
                continue
            cells = [
                f"{h.strip()}={v.strip()}" for h, v in zip(header, fields, strict=True) if v.strip()
            ]
            found.report(
                row,
                "pain",
                "; ".join(cells),
                "a Flaredown check-in: conditions and symptoms rated 0-4, treatments as "
                "dose text; no 0-10 pain rating, and no 0-10 conversion is made; not imported",
                kept=False,
            )
        return _journal(found)
    person = _flaredown_user(name, index, records, user_id)
    for row, fields in records:
        if _field_count_problem(found, row, fields, width):
            continue
        if person is not None and _fields(index, fields, "user_id") != person:
            found.report(
                row,
                "user_id",
                "",
                f"a check-in of another person in the file (not user_id {person!r}); not "
                "part of this journal",
                kept=False,
            )
            continue
        kind = _fields(index, fields, "trackable_type")
        item = _fields(index, fields, "trackable_name")
        value = _fields(index, fields, "trackable_value")
        shown = f"{kind or '(untyped)'}: {item}" + (f" = {value}" if value else "")
        found.report(row, "pain", shown, _flaredown_problem(kind), kept=False)
    return _journal(found)


def read_flaredown_records(
    path_or_buffer: PathOrBuffer, *, user_id: str | None = None
) -> pd.DataFrame:
    """Every record of a Flaredown export in a tidy table, each value on its own scale.

    Parameters
    ----------
    path_or_buffer : str, path or file
        The Flaredown CSV file (either export, see :func:`read_flaredown`).
    user_id : str, optional
        Whose check-ins to keep when the file holds several people's.

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (spreadsheet row), ``date`` (datetime64; NaT when unreadable),
        ``type`` (Condition, Symptom, Treatment, Tag, Food, Weather, HBI; empty for the
        app's export, which does not say), ``name``, ``value`` (as written) and ``scale``
        ("0-4" for conditions and symptoms). No personal columns (age, sex, country).

    Examples
    --------
    >>> import io
    >>> csv_text = '''Date,Leg pain,Tags,Foods
    ... 2026-03-02,3,slept badly,
    ... '''
    >>> read_flaredown_records(io.StringIO(csv_text))[["name", "value"]]
           name        value
    0  Leg pain            3
    1      Tags  slept badly
    """
    name = _source_name(path_or_buffer, "Flaredown")
    text = _read_bytes_or_text(path_or_buffer, app="Flaredown", what="Flaredown CSV export")
    layout, header, index, records = _flaredown_layout(text, name)
    out = []
    if layout == "app":
        for row, fields in records:
            day = _iso_day(fields[0] if fields else "")
            for h, v in zip(header[1:], fields[1:], strict=False):
                if v.strip():
                    out.append(
                        {"row": row, "date": day, "type": "", "name": h.strip(), "value": v.strip()}
                    )
    else:
        person = _flaredown_user(name, index, records, user_id)
        for row, fields in records:
            if person is not None and _fields(index, fields, "user_id") != person:
                continue
            kind = _fields(index, fields, "trackable_type")
            out.append(
                {
                    "row": row,
                    "date": _iso_day(_fields(index, fields, "checkin_date")),
                    "type": kind,
                    "name": _fields(index, fields, "trackable_name"),
                    "value": _fields(index, fields, "trackable_value"),
                }
            )
    frame = pd.DataFrame(out, columns=["row", "date", "type", "name", "value"])
    frame["row"] = frame["row"].astype("int64")
    frame["date"] = pd.to_datetime(frame["date"])
    frame["scale"] = ["0-4" if _norm(t) in _FLAREDOWN_RATED else "" for t in frame["type"]]
    return frame


# Flaredown's app export writes each check-in's day as midnight UTC:
# "2024-03-04T00:00:00+00:00" (also seen: "...T00:00:00.000Z"); the day is what counts.
_FLAREDOWN_MIDNIGHT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?\s*(?:Z|UTC|[+-]00:?00)?)?",
    re.ASCII,
)


def _iso_day(text: str) -> pd.Timestamp:
    """The day of a Flaredown ``checkin_date`` (``2024-03-04`` or ``2024-03-04T00:00:00+00:00``).

    >>> _iso_day("2024-03-04T00:00:00+00:00"), _iso_day("2024-03-04 08:00")
    (Timestamp('2024-03-04 00:00:00'), NaT)
    """
    match = _FLAREDOWN_MIDNIGHT.fullmatch(text.strip())
    if match:
        try:
            return pd.Timestamp(date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            pass
    return pd.NaT


# ---------------------------------------------------------------------------------------------
# FHIR R4
# ---------------------------------------------------------------------------------------------

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
        name = _source_name(source, "FHIR")
        text = _read_bytes_or_text(source, app="FHIR", what="FHIR Bundle (JSON)")
    try:
        return json.loads(text), name
    except json.JSONDecodeError as exc:
        msg = f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        raise JournalError(msg, path=name) from exc
    except (ValueError, RecursionError) as exc:
        msg = f"{name}: not readable as JSON ({type(exc).__name__}: {exc})."[:300]
        raise JournalError(msg, path=name) from exc


def _fhir_time(text: Any, *, instant: bool = False) -> tuple[str | None, str]:
    """An ISO timestamp for the journal (the clock time as written, offset dropped), or an
    explanation of why there is none."""
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
    """The pain rating as text for the validator, or why there is none."""
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
                f"valueQuantity in {odd[0]!r}, not a 0-10 score ({{score}}); no conversion is made"
            )
        return _number_text(_get(quantity, "value")), ""
    for key in obs:
        if isinstance(key, str) and key.startswith("value"):
            return None, f"{key} is not read: a 0-10 rating is a valueInteger"
    absent = _codings(_get(obs, "dataAbsentReason"))
    if absent:
        return None, f"no value (dataAbsentReason {absent[0][1]!r})"
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
    """A side named in ``bodySite.text``, or a note when the words name more than one.

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


def _fhir_body_site(body: Any) -> tuple[str | None, str | None, list[tuple[str, str, str]]]:
    """site, side and (column, value, problem) notes for a bodySite."""
    if body is None:
        return None, None, []
    concepts = [c for c in _list(body) if isinstance(c, dict)]
    if not concepts:
        return None, None, [("site", str(body)[:100], "bodySite is not a CodeableConcept; cleared")]
    site = side = None
    unknown = []
    for concept in concepts:
        for extension in _list(_get(concept, "extension")):
            if _get(extension, "url") in (LATERALITY_EXTENSION, _MCODE_LATERALITY_EXTENSION):
                for system, code, _ in _codings(_get(extension, "valueCodeableConcept")):
                    if system == SNOMED_SYSTEM and code in _SIDE_BY_CODE:
                        side = side or _SIDE_BY_CODE[code]
        for system, code, display in _codings(concept):
            if system != SNOMED_SYSTEM:
                continue
            focus, lateral = _snomed_expression(code)
            side = side or lateral
            if focus in _SITE_BY_CODE:
                site = site or _SITE_BY_CODE[focus]
            else:
                unknown.append(f"SNOMED CT {code}" + (f" ({display})" if display else ""))
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
                    "sci_pain.journal.importers._all.SNOMED_SITES: "
                    + ", ".join(SITES)
                    + "); cleared",
                )
            )
    return site, side, notes


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
    if not isinstance(data, Mapping):
        msg = f"{name}: expected a FHIR Bundle (a JSON object), found a {type(data).__name__}."
        raise JournalError(msg, path=name)
    kind = data.get("resourceType")
    if kind != "Bundle":
        hint = " Wrap it in a Bundle of type 'collection'." if kind == "Observation" else ""
        msg = f"{name}: resourceType is {kind!r}, not 'Bundle'.{hint}"
        raise JournalError(msg, path=name)
    if data.get("type") not in ("collection", "searchset"):
        msg = (
            f"{name}: a Bundle of type {data.get('type')!r} is not read: pass a Bundle of type "
            "'collection' or 'searchset' (e.g. a search result or to_fhir()'s output)."
        )
        raise JournalError(msg, path=name)
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        msg = f"{name}: Bundle.entry is a {type(entries).__name__}, not a list of entries."
        raise JournalError(msg, path=name)
    found = _Import(source=name)
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
                "; ".join(codes)[:200],
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
                f"an Observation of another subject (not {subject!r}); not part of this journal",
                kept=False,
            )
            continue
        _fhir_observation(found, number, obs)
    return _journal(found)


def _fhir_observation(found: _Import, number: int, obs: dict) -> None:
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
    """Write a journal's pain ratings as a FHIR R4 Bundle of Observations.

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

    Examples
    --------
    >>> import io
    >>> from sci_pain.journal.reader import read_journal
    >>> journal = read_journal(io.StringIO("timestamp,pain,side\\n2026-03-02 08:10,6,left\\n"))
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
        key = f"sci_pain/{number}/{effective}/{int(pain)}/{site}/{side}"
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
            "valueInteger": int(pain),
        }
        body = _body_site(site, side)
        if body:
            resource["bodySite"] = body
        out.append({"fullUrl": f"urn:uuid:{ident}", "resource": resource})
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "collection"}
    if out:  # FHIR JSON allows no empty arrays
        bundle["entry"] = out
    return bundle


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
