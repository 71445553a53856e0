r"""Read the Privacy Friendly Pain Diary's backup (JSON) and its CSV export into a journal.

The Privacy Friendly Pain Diary (an Android app of the SECUSO group at KIT, source at
github.com/SecUSo/privacy-friendly-pain-diary) keeps **one entry per day**: the date, how
the person felt (``condition``), a pain description (intensity 0-10, body regions tapped on
a picture, the nature and the time of the pain), the medicines taken and a note. Everything
below was read from the app's source; nothing is copied from it.

The backup file
---------------
The app's backup goes through the Privacy Friendly Backup app
(``backup/BackupCreator.kt``, with ``DatabaseUtil.writeDatabase`` of
github.com/SecUSo/privacy-friendly-backup-api). It is one JSON object::

    {"database": {"version": 2,
                  "content": [{"tableName": "diaryentries",
                               "createSql": "CREATE TABLE `diaryentries` (...)",
                               "values": [{"_id": 1, "date": "2026-03-02", ...}, ...]},
                              ...]},
     "preferences": {...}, "preferences2": {...}}

``content`` lists every table of the app's SQLite database (database version 2, the Room
entities in ``database/model/``) with all its rows as objects, integers as JSON numbers:

=================  ==================================================================
table              columns
=================  ==================================================================
diaryentries       ``_id``, ``date`` (``yyyy-MM-dd``, ``database/utils/Converters.kt``),
                   ``painDescription_id``, ``condition`` (0-4 or null), ``notes``
paindescriptions   ``_id``, ``painLevel`` (0-10), ``bodyRegions`` (codes joined by
                   ``,``: ``"6,8"``), ``painQualities`` (``"stabbing,burning"``),
                   ``timesOfPain`` (``"morning,at night"``)
drugs              ``_id``, ``name``, ``dose`` (free text)
drugintakes        ``_id``, ``morning``, ``noon``, ``evening``, ``night`` (how many),
                   ``drug_id``, ``diaryEntry_id``
users              first name, last name, gender, date of birth: **never read**
=================  ==================================================================

(``room_master_table`` and ``sqlite_sequence`` are the database's own bookkeeping.)

The CSV export
--------------
A CSV export was written on the app's CSV branch (pull request 18, ``helpers/CsvHelper.java``,
not part of the released app): opencsv's ``CSVWriter`` with its defaults, so every field is
quoted, ``"`` inside a field is doubled, records end with ``\n`` and a note may span lines.
Eight columns, headed in the phone's language (English: ``Date``, ``Condition:``,
``Pain Intensity: (0-10)``, ``Location of the pain:``, ``Nature of the pain:``,
``Time of the pain:``, ``Medication taken:``, ``Comments:``; German: ``Datum``,
``Gemütszustand:``, ``Schmerzintensität: (0-10)``, ``Position der Schmerzen:``,
``Schmerzcharakter:``, ``Zeitpunkt der Schmerzen:``, ``Eingenommene Medikamente:``,
``Anmerkungen:``). The date is the phone's **short date format** (``11/24/19`` in the US,
``24.11.19`` in Germany, ``24/11/2019`` in the UK): day first or month first is read from the
file when a day above 12 shows it, and asked for (``date_order=``) when it does not
(:func:`~sci_pain.journal.importers._dates.in_importer_words`). Sets are written as Java prints them:
``[KNEE_LEFT, LOWER_LEG_LEFT]``, ``[stabbing, burning]``, and medicines as
``[[drug:[name:Ibuprofen,dose400 mg],quantityMorning:1,quantityNoon:0,quantityEvening:1,quantityNight:0],]``.

How the app's fields become journal columns
-------------------------------------------
================================  ============================================================
the app                           the journal
================================  ============================================================
date                              ``timestamp`` (the date alone: one entry per day)
pain intensity 0-10               ``pain``
body regions                      ``site`` and ``side`` (:data:`BODY_REGIONS`)
nature of the pain                ``quality``: stabbing, shooting, burning and throbbing are
                                  the journal's words; **dull** has no match and is reported
medicines taken                   ``interventions`` = ``medication`` when any was taken, and
                                  the medicines as entered in ``medication_taken`` (text)
condition (very bad ... good)     ``condition`` (text; no journal column)
time of the pain                  ``times_of_pain`` (text; no journal column)
notes                             ``notes``
================================  ============================================================

Columns with no place in the journal are kept as text after the journal's columns and named
in a note on row 1. A body region that is not on the leg, a second leg site, a pain word
without a match or an unknown code is reported on its entry (``kept`` True). An entry
without a usable date or pain rating is reported with ``kept`` False. ``row`` numbers the
entries as a spreadsheet would: in a backup, row 1 stands for the file and
``diaryentries.values[i]`` is row ``i + 2``; in a CSV export, the header is row 1.

Body regions and sides
----------------------
The app stores the regions tapped on a body picture as integer codes
(``database/entities/enums/BodyRegion.java``): 0-21 on the picture labelled "Front", 22-43
on the one labelled "Back". Which code a tap gives is decided by the colour under the finger
in one colour map used for both pictures (``getBodyRegion`` in
``activities/DiaryEntryActivity.java``, ``paindiary_person_fullbody_coloured.png``), and
``..._LEFT`` regions are on the **left half of the picture**. A picture of the front of a
body faces the viewer, so there the picture's left is the person's **right**; the back
picture is seen from behind, so there the picture's left is the person's left.
:data:`BODY_REGIONS` reads sides that way, and a note on row 1 says so: check with the
person when a side matters (one-sided swelling and calf pain point to a DVT).

Examples
--------
>>> import io, json
>>> backup = {
...     "database": {
...         "version": 2,
...         "content": [
...             {
...                 "tableName": "paindescriptions",
...                 "createSql": "",
...                 "values": [
...                     {
...                         "_id": 1,
...                         "painLevel": 6,
...                         "bodyRegions": "28",
...                         "painQualities": "burning",
...                         "timesOfPain": "evening",
...                     }
...                 ],
...             },
...             {
...                 "tableName": "diaryentries",
...                 "createSql": "",
...                 "values": [
...                     {
...                         "_id": 1,
...                         "date": "2026-03-02",
...                         "painDescription_id": 1,
...                         "condition": 1,
...                         "notes": "long day",
...                     }
...                 ],
...             },
...         ],
...     }
... }
>>> journal = read_privacy_friendly(io.StringIO(json.dumps(backup)))
>>> journal.entries[["row", "timestamp", "pain", "site", "side", "quality"]]
   row  timestamp  pain  site  side  quality
0    2 2026-03-02     6  knee  left  burning
>>> journal.entries.loc[0, "condition"], journal.entries.loc[0, "times_of_pain"]
('bad', 'evening')
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from typing import IO, Any, Union

from sci_pain.errors import JournalError
from sci_pain.journal._io import excerpt, read_bounded, size_text
from sci_pain.journal.dates import day_month_dates
from sci_pain.journal.importers._common import decode_text
from sci_pain.journal.importers._dates import in_importer_words, order_found_note
from sci_pain.journal.importers._pain_diary import (
    APP,
    BODY_REGIONS,
    CONDITION_BY_NAME,
    CONDITIONS,
    CSV_HEADERS,
    MAX_BYTES,
    MAX_REGION_CODES,
    PAIN_QUALITIES,
    REGION_BY_NAME,
    TIMES_OF_PAIN,
    BodyRegion,
    Found,
    count,
    found_journal,
    intake_text,
    quality_text,
    regions_text,
    times_text,
)
from sci_pain.journal.reader import Journal

__all__ = [
    "read_privacy_friendly",
    "BODY_REGIONS",
    "BodyRegion",
    "CONDITIONS",
    "PAIN_QUALITIES",
    "TIMES_OF_PAIN",
    "CSV_HEADERS",
    "MAX_BYTES",
    "is_privacy_friendly_backup",
    "is_privacy_friendly_csv",
]

PathOrBuffer = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

# ---------------------------------------------------------------------------------------------
# the backup JSON
# ---------------------------------------------------------------------------------------------

_TABLES = ("diaryentries", "paindescriptions", "drugs", "drugintakes")
_BOOKKEEPING = ("room_master_table", "sqlite_sequence", "android_metadata")
_PERSONAL = ("users",)


def is_privacy_friendly_backup(data: Any) -> bool:
    """Whether parsed JSON has the shape of a Privacy Friendly Pain Diary backup.

    Examples
    --------
    >>> is_privacy_friendly_backup(
    ...     {"database": {"version": 2, "content": [{"tableName": "diaryentries", "values": []}]}}
    ... )
    True
    >>> is_privacy_friendly_backup({"resourceType": "Bundle"})
    False
    """
    database = data.get("database") if isinstance(data, dict) else None
    content = database.get("content") if isinstance(database, dict) else None
    if not isinstance(content, list):
        return False
    names = {t.get("tableName") for t in content if isinstance(t, dict)}
    return bool(names & {*_TABLES, *_PERSONAL})


def _load_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        cut = error.pos >= len(text.rstrip()) - 1 or (
            error.msg.startswith("Unterminated string") and '"' not in text[error.pos + 1 :]
        )
        why = " The file ends too early: it was cut off while copying or saving." if cut else ""
        msg = (
            f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}).{why} Make the backup again in the app and pass that file."
        )
        raise JournalError(msg, path=name) from error
    except (ValueError, RecursionError) as error:
        msg = f"{name}: not readable as JSON ({type(error).__name__}: {excerpt(str(error), 100)})."
        raise JournalError(msg, path=name) from error


def _tables(data: Any, name: str, found: Found) -> dict[str, list]:
    if not isinstance(data, dict) or "database" not in data:
        kind = (
            "a FHIR resource: use read_fhir()"
            if isinstance(data, dict) and ("resourceType" in data)
            else f"a JSON {type(data).__name__}"
        )
        keys = ", ".join(repr(k) for k in list(data)[:8]) if isinstance(data, dict) else ""
        msg = (
            f"{name}: not a backup of the {APP}: it is {kind}"
            + (f" with keys {keys}" if keys else "")
            + '. A backup is an object {"database": {"version": ..., "content": [tables]}}, '
            "as the Privacy Friendly Backup app saves it."
        )
        raise JournalError(msg, path=name)
    database = data["database"]
    content = database.get("content") if isinstance(database, dict) else None
    if not isinstance(content, list):
        msg = (
            f'{name}: "database" holds no "content" list of tables, so there is nothing to '
            "read. Make the backup again in the app and pass that file."
        )
        raise JournalError(msg, path=name)
    version = database.get("version")
    if version != 2:
        found.note(
            None,
            str(version)[:20],
            f"database version {version!r}: this reader follows the app's database version 2; "
            "tables and columns are read where they match",
        )
    other = [k for k in data if k != "database"]
    if other:
        found.note(
            None,
            excerpt(", ".join(map(str, other)), 200),
            "app settings (reminders and the like), not diary data; not read",
        )
    tables: dict[str, list] = {}
    unknown: list[str] = []
    for position, table in enumerate(content):
        table_name = table.get("tableName") if isinstance(table, dict) else None
        values = table.get("values") if isinstance(table, dict) else None
        if not isinstance(table_name, str) or not isinstance(values, list):
            found.note(
                None,
                excerpt(str(table), 80),
                f"database.content[{position}] is not a table (tableName and values); not read",
            )
            continue
        if table_name in tables:
            msg = (
                f"{name}: holds the table {table_name!r} twice, so which rows count cannot be "
                "told. Make the backup again in the app and pass that file."
            )
            raise JournalError(msg, path=name)
        if table_name in _TABLES:
            tables[table_name] = values
        elif table_name in _PERSONAL:
            found.note(
                None,
                f"{len(values)} row(s)",
                "the users table (name, gender, date of birth) is personal and not diary "
                "data; never read",
            )
        elif table_name not in _BOOKKEEPING:
            unknown.append(table_name)
            close = difflib.get_close_matches(table_name, _TABLES, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            found.note(
                None,
                excerpt(table_name, 80),
                f"table {excerpt(table_name, 40)!r} with {len(values)} row(s) is not one of "
                f"the app's tables ({', '.join(_TABLES)}){hint}; not read",
            )
    if "diaryentries" not in tables:
        shown = ", ".join(repr(excerpt(t, 40)) for t in unknown[:6]) or "none"
        close = difflib.get_close_matches("diaryentries", unknown, n=1)
        hint = f" {close[0]!r} looks like it, but the app names it 'diaryentries'." if close else ""
        msg = (
            f"{name}: has no 'diaryentries' table, so there are no diary entries to read "
            f"(other tables: {shown}).{hint} Is it a backup of the {APP}? Make the backup "
            "again in the app and pass that file."
        )
        raise JournalError(msg, path=name)
    return tables


def _by_id(found: Found, table: str, values: list) -> dict[int, dict]:
    out: dict[int, dict] = {}
    bad = 0
    for record in values:
        ident = count(record.get("_id")) if isinstance(record, dict) else None
        if ident is None or ident in out:
            bad += 1
            continue
        out[ident] = record
    if bad:
        found.note(
            None,
            f"{bad} row(s)",
            f"rows of {table} without a readable, unique _id cannot be linked to an entry; "
            "not read",
        )
    return out


def _region_list(found: Found, row: int, text: Any) -> list[BodyRegion]:
    if text is None or text == "":
        return []
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        found.report(row, "site", str(text)[:80], "body regions are not text; not read", kept=True)
        return []
    codes = text.split(",", MAX_REGION_CODES)
    if len(codes) > MAX_REGION_CODES:
        found.report(
            row,
            "site",
            f"{size_text(len(text.encode()))} of codes",
            f"more than {MAX_REGION_CODES} body-region codes (the app has 44); the first "
            f"{MAX_REGION_CODES} are read",
            kept=True,
        )
        codes = codes[:MAX_REGION_CODES]
    regions = []
    for code in codes:
        number = count(code)
        region = BODY_REGIONS.get(number) if number is not None else None
        if region is None:
            found.report(
                row,
                "site",
                code.strip(),
                "not one of the app's body-region codes (0-43); ignored",
                kept=True,
            )
        elif region not in regions:
            regions.append(region)
    return regions


def _words(found: Found, row: int, column: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str):
        found.report(
            row, column, str(value)[:80], "not text as the app stores it; not read", kept=True
        )
        return []
    return value.split(",", 64)[:64]


def _backup(data: Any, name: str, date_format: str | None, date_order: str | None) -> Journal:
    found = Found(source=name)
    tables = _tables(data, name, found)
    descriptions = _by_id(found, "paindescriptions", tables.get("paindescriptions", []))
    drugs = _by_id(found, "drugs", tables.get("drugs", []))
    entries = tables["diaryentries"]
    entry_rows: dict[int, int] = {}
    for position, record in enumerate(entries):
        ident = count(record.get("_id")) if isinstance(record, dict) else None
        if ident is not None:
            entry_rows.setdefault(ident, position + 2)
    intakes: dict[int, list[dict]] = {}
    orphans = 0
    for intake in tables.get("drugintakes", []):
        owner = count(intake.get("diaryEntry_id")) if isinstance(intake, dict) else None
        if owner is None or owner not in entry_rows:
            orphans += 1
            continue
        intakes.setdefault(owner, []).append(intake)
    if orphans:
        found.note(
            "medication_taken",
            f"{orphans} row(s)",
            "medicine intakes that belong to no diary entry in the file; not read",
        )
    used: set[int] = set()
    dates: list[Any] = []
    for position, record in enumerate(entries):
        row = position + 2
        if not isinstance(record, dict):
            found.report(
                row,
                None,
                excerpt(str(record), 80),
                "not a diary entry (a JSON object with _id, date, ...); not imported",
                kept=False,
            )
            continue
        reference = count(record.get("painDescription_id"))
        description = descriptions.get(reference) if reference is not None else None
        if description is None:
            found.report(
                row,
                "pain",
                str(record.get("painDescription_id"))[:40],
                "the entry's pain description is not in the paindescriptions table, so it has "
                "no pain rating; not imported",
                kept=False,
            )
            continue
        used.add(reference)
        site, side = regions_text(
            found, row, _region_list(found, row, description.get("bodyRegions"))
        )
        condition = record.get("condition")
        feeling = None
        if condition is not None:
            feeling = CONDITIONS.get(count(condition))  # type: ignore[arg-type]
            if feeling is None:
                found.report(
                    row,
                    "condition",
                    str(condition)[:40],
                    "not one of the app's conditions (0 very bad ... 4 very good); cleared",
                    kept=True,
                )
        own = intakes.get(count(record.get("_id")), [])  # type: ignore[arg-type]
        medicines, taken = _medicines(found, row, own, drugs)
        notes = record.get("notes")
        dates.append(record.get("date"))
        found.rows.append(row)
        found.records.append(
            {
                "timestamp": record.get("date"),
                "pain": description.get("painLevel"),
                "side": side,
                "site": site,
                "quality": quality_text(
                    found, row, _words(found, row, "quality", description.get("painQualities"))
                ),
                "interventions": "medication" if taken else None,
                "notes": notes if isinstance(notes, str) else None,
                "condition": feeling,
                "times_of_pain": times_text(
                    found,
                    row,
                    _words(found, row, "times_of_pain", description.get("timesOfPain")),
                ),
                "medication_taken": medicines,
            }
        )
    unused = len(descriptions) - len(used)
    if unused:
        found.note(
            None,
            f"{unused} row(s)",
            "pain descriptions that belong to no diary entry in the file; not read",
        )
    _dates_to_iso(found, dates, name, "date", (date_format, date_order))
    return found_journal(found, date_format=date_format)


def _medicines(
    found: Found, row: int, intakes: list[dict], drugs: dict[int, dict]
) -> tuple[str | None, bool]:
    """Return an entry's medicines as text, and whether any was taken."""
    medicines, taken = [], False
    for intake in intakes:
        counts = [count(intake.get(k)) for k in ("morning", "noon", "evening", "night")]
        drug = drugs.get(count(intake.get("drug_id")))  # type: ignore[arg-type]
        if drug is None:
            found.report(
                row,
                "medication_taken",
                str(intake.get("drug_id"))[:40],
                "a medicine intake names a medicine that is not in the drugs table",
                kept=True,
            )
            drug = {}
        drug_name, dose = drug.get("name"), drug.get("dose")
        medicines.append(
            intake_text(
                drug_name if isinstance(drug_name, str) else "",
                dose if isinstance(dose, str) else "",
                counts,
            )
        )
        taken = taken or any(n and n > 0 for n in counts)
    return "; ".join(medicines) or None, taken


def _dates_to_iso(
    found: Found, dates: list[Any], name: str, column: str, chosen: tuple[str | None, str | None]
) -> None:
    date_format, date_order = chosen
    if date_format is not None:
        return  # the validator reads them with the format given
    texts = [d if isinstance(d, str) else None for d in dates]
    with in_importer_words():
        converted, order = day_month_dates(
            texts, source=name, column=column, rows=found.rows, order=date_order
        )
    note = order_found_note(texts, found.rows, order, chosen=date_order)
    if note is not None:
        found.report(1, "timestamp", note[0] or None, note[1], kept=True)
    for record, original, new in zip(found.records, dates, converted, strict=True):
        if isinstance(original, str):
            record["timestamp"] = new


# ---------------------------------------------------------------------------------------------
# the CSV export
# ---------------------------------------------------------------------------------------------

_INTAKE_RE = re.compile(
    r"\[(?:drug:\[name:(?P<name>.*?),dose(?P<dose>.*?)\],)?quantityMorning:(?P<m>-?\d+),"
    r"quantityNoon:(?P<n>-?\d+),quantityEvening:(?P<e>-?\d+),quantityNight:(?P<x>-?\d+)\]",
    re.DOTALL,
)


def _header_language(header: list[str]) -> str | None:
    cells = tuple(h.strip().lstrip("\ufeff").strip() for h in header)
    for language, names in CSV_HEADERS.items():
        if cells == names:
            return language
    if len(cells) == 8 and cells[2].endswith("(0-10)"):
        return "other"
    return None


def is_privacy_friendly_csv(header: Sequence[str]) -> bool:
    """Whether a CSV header is the app's CSV export's (any language).

    Examples
    --------
    >>> is_privacy_friendly_csv(CSV_HEADERS["German"])
    True
    >>> is_privacy_friendly_csv(["timestamp", "pain"])
    False
    """
    return _header_language(list(header)) is not None


def _set_items(text: str) -> list[str] | None:
    """Split a Java set as printed (``[a, b]``); [] for ``""``/``[]``, None if not one."""
    value = text.strip()
    if not value:
        return []
    if not (value.startswith("[") and value.endswith("]")):
        return None
    inner = value[1:-1].strip()
    return [item.strip() for item in inner.split(",", 64)[:64]] if inner else []


def _csv_medicines(found: Found, row: int, text: str) -> tuple[str | None, bool]:
    value = text.strip()
    if value in ("", "[]"):
        return None, False
    medicines, taken, last = [], False, 0
    leftover = []
    for match in _INTAKE_RE.finditer(value):
        leftover.append(value[last : match.start()])
        last = match.end()
        counts = [int(match[k]) for k in ("m", "n", "e", "x")]
        dose = match["dose"] or ""
        medicines.append(intake_text(match["name"] or "", "" if dose == "null" else dose, counts))
        taken = taken or any(n > 0 for n in counts)
    leftover.append(value[last:])
    rest = "".join(leftover).replace("[", "").replace("]", "").replace(",", "").strip()
    if rest or not medicines:
        found.report(
            row,
            "medication_taken",
            value,
            "part of the medicines could not be read as the app writes them; kept as written",
            kept=True,
        )
        return value, taken
    return "; ".join(medicines), taken


def _csv_export(text: str, name: str, date_format: str | None, date_order: str | None) -> Journal:
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_BYTES))  # a long note is a note, not a broken file
    try:
        return _csv_rows(text, name, date_format, date_order)
    finally:
        csv.field_size_limit(limit)


def _csv_rows(text: str, name: str, date_format: str | None, date_order: str | None) -> Journal:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"')
    found = Found(source=name)
    header: list[str] | None = None
    dates: list[Any] = []
    try:
        for number, fields in enumerate(reader, start=1):
            if header is None:
                if not any(f.strip() for f in fields):
                    continue
                header = fields
                if _header_language(header) is None:
                    raise _not_the_export(name, header)
                if _header_language(header) == "other":
                    found.note(
                        None,
                        excerpt(" | ".join(header), 200),
                        "header in a language this reader does not know; columns read by "
                        "their place, as the app writes them",
                    )
                continue
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != 8:
                found.report(
                    number,
                    None,
                    " | ".join(fields),
                    f"record has {len(fields)} fields but the export has 8 (a cut line, or "
                    "a quote that was removed?); not imported",
                    kept=False,
                )
                continue
            _csv_record(found, number, fields, dates)
    except csv.Error as error:
        msg = f"{name}: not readable as CSV near line {reader.line_num} ({error})."
        raise JournalError(msg, path=name) from error
    if header is None:
        msg = f"{name}: is empty: export the diary again from the app and pass that CSV file."
        raise JournalError(msg, path=name)
    _dates_to_iso(found, dates, name, header[0].strip() or "Date", (date_format, date_order))
    return found_journal(found, date_format=date_format)


def _not_the_export(name: str, header: list[str]) -> JournalError:
    shown = ", ".join(repr(excerpt(h, 40)) for h in header[:10]) + (
        " ..." if len(header) > 10 else ""
    )
    expected = ", ".join(repr(h) for h in CSV_HEADERS["English"])
    msg = (
        f"{name}: not a CSV export of the {APP}: its header is {shown}, and the app writes "
        f"{expected} (or the same in German). For a pain-journal CSV use read_journal()."
    )
    return JournalError(msg, path=name)


def _csv_record(found: Found, row: int, fields: list[str], dates: list[Any]) -> None:
    date, condition, pain, regions, qualities, times, medicines, notes = (f.strip() for f in fields)
    names = _set_items(regions)
    region_list: list[BodyRegion] = []
    if names is None:
        found.report(
            row,
            "site",
            regions,
            "body regions not written as the app writes them ([KNEE_LEFT, ...]); not read",
            kept=True,
        )
    else:
        for item in names:
            region = REGION_BY_NAME.get(item.upper())
            if region is None:
                found.report(
                    row, "site", item, "not one of the app's body regions; ignored", kept=True
                )
            elif region not in region_list:
                region_list.append(region)
    site, side = regions_text(found, row, region_list)
    feeling = None
    if condition:
        feeling = CONDITION_BY_NAME.get(condition.upper())
        if feeling is None:
            found.report(
                row,
                "condition",
                condition,
                "not one of the app's conditions (VERY_BAD, BAD, OKAY, GOOD, VERY_GOOD); cleared",
                kept=True,
            )
    quality_words = _set_items(qualities)
    time_words = _set_items(times)
    for column, words, value in (
        ("quality", quality_words, qualities),
        ("times_of_pain", time_words, times),
    ):
        if words is None:
            found.report(
                row, column, value, "not written as the app writes it ([a, b]); not read", kept=True
            )
    medication, taken = _csv_medicines(found, row, medicines)
    dates.append(date)
    found.rows.append(row)
    found.records.append(
        {
            "timestamp": date,
            "pain": pain,
            "side": side,
            "site": site,
            "quality": quality_text(found, row, quality_words or []),
            "interventions": "medication" if taken else None,
            "notes": notes or None,
            "condition": feeling,
            "times_of_pain": times_text(found, row, time_words or []),
            "medication_taken": medication,
        }
    )


# ---------------------------------------------------------------------------------------------
# the public reader
# ---------------------------------------------------------------------------------------------


def read_privacy_friendly(
    path_or_buffer: PathOrBuffer | Mapping[str, Any],
    *,
    date_format: str | None = None,
    date_order: str | None = None,
) -> Journal:
    r"""Read a Privacy Friendly Pain Diary backup (JSON) or CSV export into a journal.

    Which of the two it is, is told from the content. Every diary entry becomes a journal
    entry or is reported with the reason; what has no journal column is kept as text
    (``condition``, ``times_of_pain``, ``medication_taken``) and named on row 1; the
    personal ``users`` table is never read. The mapping is in this module's documentation
    and :data:`BODY_REGIONS`.

    Parameters
    ----------
    path_or_buffer : str, path, file or dict
        The backup file (``.json``, as the Privacy Friendly Backup app saves it) or the CSV
        export, as a path or an open file; or the backup already parsed (a dict).
    date_format : str, optional
        A :func:`~datetime.datetime.strptime` format for the dates, e.g. ``"%d.%m.%y"``.
        Rarely needed: ``date_order`` says the same for any of the app's date shapes.
    date_order : {"day first", "month first", "year first"}, optional
        How the phone wrote the dates. Needed only when the CSV export's dates can be read
        both day first and month first (every day 12 or less): the reader never guesses,
        and says so (the error's ``needs_date_order`` is True).

    Returns
    -------
    Journal
        One entry per diary day with ``timestamp`` (the date), ``pain``, ``site``,
        ``side``, ``quality``, ``interventions``, ``notes`` and the app's extra fields as
        text. ``row``: row 1 stands for the file (or the CSV header); in a backup
        ``diaryentries.values[i]`` is row ``i + 2``.

    Raises
    ------
    JournalError
        If the file is missing, larger than :data:`MAX_BYTES`, not valid JSON (cut off),
        not a backup of this app (no ``diaryentries`` table) or not its CSV export, or if
        its dates can be read both day first and month first and neither ``date_order``
        nor ``date_format`` is given.

    See Also
    --------
    read_journal : the journal's own CSV format.
    read_bearable, read_flaredown, read_fhir : other apps and health records.

    Examples
    --------
    >>> import io
    >>> export = (
    ...     '"Date","Condition:","Pain Intensity: (0-10)","Location of the pain:",'
    ...     '"Nature of the pain:","Time of the pain:","Medication taken:","Comments:"\n'
    ...     '"24.11.19","GOOD","4","[FOOT_LEFT, FOOT_RIGHT]","[dull]","[at night]","",""\n'
    ... )
    >>> journal = read_privacy_friendly(io.StringIO(export))
    >>> journal.entries[["timestamp", "pain", "site", "side", "condition"]]
       timestamp  pain  site  side condition
    0 2019-11-24     4  foot  both      good
    >>> mine = journal.problems[journal.problems["row"] == 2]
    >>> print(mine[["column", "value", "kept"]].to_string(index=False))
     column value  kept
    quality  dull  True
    """
    if isinstance(path_or_buffer, Mapping):
        return _backup(dict(path_or_buffer), "<Pain Diary backup>", date_format, date_order)
    raw, name = read_bounded(
        path_or_buffer, limit=MAX_BYTES, what=f"{APP} file", wanted=f"the {APP} file itself"
    )
    text = decode_text(raw, name=name, what=f"{APP} backup or CSV export").lstrip("\ufeff")
    if not text.strip():
        msg = f"{name}: is empty: make the backup or export again in the app and pass that file."
        raise JournalError(msg, path=name)
    if text.lstrip().startswith(("{", "[")):
        return _backup(_load_json(text, name), name, date_format, date_order)
    return _csv_export(text, name, date_format, date_order)
