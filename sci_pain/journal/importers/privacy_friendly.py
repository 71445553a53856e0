"""Read the Privacy Friendly Pain Diary's backup (JSON) and its CSV export into a journal.

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
quoted, ``"`` inside a field is doubled, records end with ``\\n`` and a note may span lines.
Eight columns, headed in the phone's language (English: ``Date``, ``Condition:``,
``Pain Intensity: (0-10)``, ``Location of the pain:``, ``Nature of the pain:``,
``Time of the pain:``, ``Medication taken:``, ``Comments:``; German: ``Datum``,
``Gemütszustand:``, ``Schmerzintensität: (0-10)``, ``Position der Schmerzen:``,
``Schmerzcharakter:``, ``Zeitpunkt der Schmerzen:``, ``Eingenommene Medikamente:``,
``Anmerkungen:``). The date is the phone's **short date format** (``11/24/19`` in the US,
``24.11.19`` in Germany, ``24/11/2019`` in the UK): day first or month first is read from the
file when a day above 12 shows it, and asked for (``date_format=``) when it does not
(:func:`~sci_pain.journal.importers._dates.iso_dates`). Sets are written as Java prints them:
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
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple, Union

import pandas as pd

from sci_pain.errors import JournalError
from sci_pain.journal._io import excerpt
from sci_pain.journal.importers._dates import iso_dates
from sci_pain.journal.importers._source import read_limited, size_text
from sci_pain.journal.problems import problems_frame
from sci_pain.journal.reader import Journal, journal_from_frame
from sci_pain.journal.schema import PROBLEM_COLUMNS, QUALITIES

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

MAX_BYTES = 16 * 1024 * 1024
"""Largest backup or CSV export read: ten years of daily entries take about 2 MB."""

_MAX_REGION_CODES = 64  # the app has 44 regions; a longer list is cut and reported
_APP = "Privacy Friendly Pain Diary"


class BodyRegion(NamedTuple):
    """One of the app's body regions and what the journal makes of it.

    Attributes
    ----------
    code : int
        The integer stored in ``paindescriptions.bodyRegions``.
    name : str
        The app's name for it (``KNEE_LEFT``), as the CSV export writes it.
    picture : str
        ``"front"`` or ``"back"``: which body picture it was tapped on.
    site : str or None
        The journal's ``site``, or None for a region that is not on the leg.
    side : str or None
        The person's side (``"left"``/``"right"``) for a leg region, or None.
    """

    code: int
    name: str
    picture: str
    site: str | None
    side: str | None


_REGION_PARTS = (
    # (app name stem, journal site or None); codes 0-21 front, 22-43 back, left before right
    ("ABDOMEN", None),
    ("GROIN", None),
    ("THIGH", "thigh"),
    ("KNEE", "knee"),
    ("LOWER_LEG", "calf"),
    ("FOOT", "foot"),
    ("CHEST", None),
    ("NECK", None),
    ("HEAD", None),
    ("UPPER_ARM", None),
    ("LOWER_ARM", None),
    ("HAND", None),
)


def _body_regions() -> dict[int, BodyRegion]:
    regions: dict[int, BodyRegion] = {}
    for picture, offset, suffix in (("front", 0, ""), ("back", 22, "_BACK")):
        code = offset
        for stem, site in _REGION_PARTS:
            halves = ("",) if stem in ("NECK", "HEAD") else ("_LEFT", "_RIGHT")
            for half in halves:
                side = None
                if site is not None:
                    # the picture's left half is the person's right on the front picture
                    # (it faces the viewer) and the person's left on the back picture
                    person_left = (half == "_LEFT") == (picture == "back")
                    side = "left" if person_left else "right"
                regions[code] = BodyRegion(code, f"{stem}{half}{suffix}", picture, site, side)
                code += 1
    return regions


BODY_REGIONS: dict[int, BodyRegion] = _body_regions()
"""The app's 44 body-region codes (``BodyRegion.java``) and how the journal reads them.

Codes 0-21 are on the front picture, 22-43 on the back one, in the app's order: abdomen,
groin, thigh, knee, lower leg, foot, chest (each left then right half of the picture), neck,
head, upper arm, lower arm, hand. Leg regions give the journal's ``site`` (thigh, knee,
foot, and ``calf`` for the lower leg, the journal's site between knee and ankle) and the
person's ``side``: the picture's left half is the person's right on the front picture and
the person's left on the back picture. Abdomen, groin, chest, neck, head, arms and hands are
not leg sites.

Examples
--------
>>> BODY_REGIONS[6]
BodyRegion(code=6, name='KNEE_LEFT', picture='front', site='knee', side='right')
>>> BODY_REGIONS[30]
BodyRegion(code=30, name='LOWER_LEG_LEFT_BACK', picture='back', site='calf', side='left')
>>> BODY_REGIONS[15].name, BODY_REGIONS[15].site
('HEAD', None)
"""

_REGION_BY_NAME = {r.name: r for r in BODY_REGIONS.values()}

CONDITIONS: dict[int, str] = {0: "very bad", 1: "bad", 2: "okay", 3: "good", 4: "very good"}
"""The app's ``condition`` (how the person felt, ``Condition.java``): code -> words."""

_CONDITION_BY_NAME = {words.upper().replace(" ", "_"): words for words in CONDITIONS.values()}

PAIN_QUALITIES: dict[str, str | None] = {
    "stabbing": "stabbing",
    "dull": None,
    "shooting": "shooting",
    "burning": "burning",
    "throbbing": "throbbing",
}
"""The app's pain words (``PainQuality.java``) -> the journal's ``quality`` (None: no match).

"Dull" is not "aching" (pain questionnaires such as the McGill list them as different
words), so it is reported rather than converted.
"""

TIMES_OF_PAIN: tuple[str, ...] = ("all day", "morning", "afternoon", "evening", "at night")
"""The app's times of the pain (``Time.java``), as stored and exported."""

CSV_HEADERS: dict[str, tuple[str, ...]] = {
    "English": (
        "Date",
        "Condition:",
        "Pain Intensity: (0-10)",
        "Location of the pain:",
        "Nature of the pain:",
        "Time of the pain:",
        "Medication taken:",
        "Comments:",
    ),
    "German": (
        "Datum",
        "Gemütszustand:",
        "Schmerzintensität: (0-10)",
        "Position der Schmerzen:",
        "Schmerzcharakter:",
        "Zeitpunkt der Schmerzen:",
        "Eingenommene Medikamente:",
        "Anmerkungen:",
    ),
}
"""The CSV export's header in the app's two languages (``res/values*/strings.xml``)."""

_EXTRA_NOTES = {
    "condition": (
        "the app's condition (how the person felt: very bad, bad, okay, good, very good) has "
        "no journal column; kept as text"
    ),
    "times_of_pain": (
        "the app's time of the pain (all day, morning, afternoon, evening, at night) has no "
        "journal column (the app keeps one entry per day); kept as text"
    ),
    "medication_taken": (
        "the medicines and how many were taken (morning, noon, evening, night), as entered in "
        "the app; kept as text, and entries with a medicine taken have 'medication' in "
        "interventions"
    ),
}
_SIDE_NOTE = (
    "the app stores which half of its body picture was tapped: on the front picture the "
    "picture's left half is the person's right leg, on the back picture the person's left; "
    "sides are read that way (check with the person when a side matters)"
)


# ---------------------------------------------------------------------------------------------
# what was found: records for the validator, and problems
# ---------------------------------------------------------------------------------------------


@dataclass
class _Found:
    source: str
    records: list[dict[str, Any]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    notes: list[tuple[str | None, str, str]] = field(default_factory=list)  # row-1 notes
    sided: bool = False

    def report(self, row: int, column: str | None, value: Any, problem: str, *, kept: bool):
        text = "" if value is None else excerpt(str(value), 200)
        self.problems.append(
            {"row": row, "column": column, "value": text, "problem": problem, "kept": kept}
        )

    def note(self, column: str | None, value: str, problem: str) -> None:
        self.notes.append((column, value, problem))


_COLUMNS = ("timestamp", "pain", "side", "site", "quality", "interventions", "notes")


def _journal(found: _Found, *, date_format: str | None) -> Journal:
    extras = [c for c in _EXTRA_NOTES if any(r.get(c) for r in found.records)]
    columns = [*_COLUMNS, *extras]
    raw = pd.DataFrame(
        [[record.get(c) for c in columns] for record in found.records],
        columns=columns,
        dtype=object,
    )
    problems = problems_frame([[p[c] for c in PROBLEM_COLUMNS] for p in found.problems])
    journal = journal_from_frame(
        raw,
        source=found.source,
        rows=found.rows,
        extra_problems=problems,
        date_format=date_format,
    )
    # the validator calls extra columns "unknown": say what they are instead
    table = journal.problems
    generic = (table["row"] == 1) & table["column"].isin(extras)
    notes = [(c, "", _EXTRA_NOTES[c]) for c in extras]
    if found.sided:
        notes.append(("side", "", _SIDE_NOTE))
    notes += found.notes
    mine = problems_frame([(1, c, v or None, p, True) for c, v, p in notes])
    merged = pd.concat([mine, table[~generic]], ignore_index=True)
    merged = merged.sort_values("row", kind="stable", ignore_index=True)
    return Journal(
        entries=journal.entries,
        problems=problems_frame(merged.to_dict("records")),
        source=journal.source,
        encoding=journal.encoding,
    )


# ---------------------------------------------------------------------------------------------
# the shared meaning of a diary entry's fields
# ---------------------------------------------------------------------------------------------


def _regions(found: _Found, row: int, regions: list[BodyRegion]) -> tuple[str | None, str | None]:
    """site and side of an entry's regions; reports what does not map."""
    legs = [r for r in regions if r.site is not None]
    others = [r.name for r in regions if r.site is None]
    if others:
        found.report(
            row,
            "site",
            ", ".join(others),
            "not on the leg (the journal records leg pain): not read as a site",
            kept=True,
        )
    sites = list(dict.fromkeys(r.site for r in legs))
    site = sites[0] if len(sites) == 1 else None
    if len(sites) > 1:
        found.report(
            row,
            "site",
            ", ".join(r.name for r in legs),
            f"several leg sites ({', '.join(sites)}): the journal holds one site per entry, "
            "so site is left empty",
            kept=True,
        )
    sides = {r.side for r in legs if r.side}
    side = None
    if sides:
        found.sided = True
        side = "both" if len(sides) > 1 else sides.pop()
    return site, side


def _qualities(found: _Found, row: int, words: list[str]) -> str | None:
    out = []
    for word in words:
        key = word.strip().casefold()
        if not key:
            continue
        if key in PAIN_QUALITIES and PAIN_QUALITIES[key] is not None:
            out.append(PAIN_QUALITIES[key])
        elif key in PAIN_QUALITIES:
            found.report(
                row,
                "quality",
                word,
                f"the app's {word!r} has no match among the journal's descriptors "
                f"({', '.join(QUALITIES)}); left out",
                kept=True,
            )
        else:
            found.report(
                row,
                "quality",
                word,
                f"not one of the app's pain words ({', '.join(PAIN_QUALITIES)}); left out",
                kept=True,
            )
    return ";".join(dict.fromkeys(out)) or None


def _times(found: _Found, row: int, words: list[str]) -> str | None:
    out = []
    for word in words:
        key = word.strip().casefold()
        if not key:
            continue
        if key in TIMES_OF_PAIN:
            out.append(key)
        else:
            found.report(
                row,
                "times_of_pain",
                word,
                f"not one of the app's times of the pain ({', '.join(TIMES_OF_PAIN)}); left out",
                kept=True,
            )
    return "; ".join(dict.fromkeys(out)) or None


def _count(value: Any) -> int | None:
    """Read a medicine count (JSON number or text); None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,9}\s*", value, re.ASCII):
        return int(value)
    return None


def _intake_text(name: str, dose: str, counts: Sequence[int | None]) -> str:
    label = " ".join(p for p in (name.strip(), dose.strip()) if p) or "a medicine (no name)"
    parts = [
        f"{when} {n}"
        for when, n in zip(("morning", "noon", "evening", "night"), counts, strict=True)
        if n
    ]
    return f"{label}: {', '.join(parts) if parts else 'none taken'}"


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


def _decode(data: bytes, name: str, what: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            msg = f"{name}: starts like UTF-16 text but cannot be decoded ({error.reason})."
            raise JournalError(msg, path=name) from error
    if b"\x00" in data[:65536]:
        msg = (
            f"{name}: is not a text file (it contains NUL bytes): pass the {what} as the app "
            "wrote it."
        )
        raise JournalError(msg, path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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


def _tables(data: Any, name: str, found: _Found) -> dict[str, list]:
    if not isinstance(data, dict) or "database" not in data:
        kind = (
            "a FHIR resource: use read_fhir()"
            if isinstance(data, dict) and ("resourceType" in data)
            else f"a JSON {type(data).__name__}"
        )
        keys = ", ".join(repr(k) for k in list(data)[:8]) if isinstance(data, dict) else ""
        msg = (
            f"{name}: not a backup of the {_APP}: it is {kind}"
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
            ", ".join(map(str, other))[:200],
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
            f"(other tables: {shown}).{hint} Is it a backup of the {_APP}? Make the backup "
            "again in the app and pass that file."
        )
        raise JournalError(msg, path=name)
    return tables


def _by_id(found: _Found, table: str, values: list) -> dict[int, dict]:
    out: dict[int, dict] = {}
    bad = 0
    for record in values:
        ident = _count(record.get("_id")) if isinstance(record, dict) else None
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


def _region_list(found: _Found, row: int, text: Any) -> list[BodyRegion]:
    if text is None or text == "":
        return []
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        found.report(row, "site", str(text)[:80], "body regions are not text; not read", kept=True)
        return []
    codes = text.split(",", _MAX_REGION_CODES)
    if len(codes) > _MAX_REGION_CODES:
        found.report(
            row,
            "site",
            f"{size_text(len(text.encode()))} of codes",
            f"more than {_MAX_REGION_CODES} body-region codes (the app has 44); the first "
            f"{_MAX_REGION_CODES} are read",
            kept=True,
        )
        codes = codes[:_MAX_REGION_CODES]
    regions = []
    for code in codes:
        number = _count(code)
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


def _words(found: _Found, row: int, column: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str):
        found.report(
            row, column, str(value)[:80], "not text as the app stores it; not read", kept=True
        )
        return []
    return value.split(",", 64)[:64]


def _backup(data: Any, name: str, date_format: str | None) -> Journal:
    found = _Found(source=name)
    tables = _tables(data, name, found)
    descriptions = _by_id(found, "paindescriptions", tables.get("paindescriptions", []))
    drugs = _by_id(found, "drugs", tables.get("drugs", []))
    entries = tables["diaryentries"]
    entry_rows: dict[int, int] = {}
    for position, record in enumerate(entries):
        ident = _count(record.get("_id")) if isinstance(record, dict) else None
        if ident is not None:
            entry_rows.setdefault(ident, position + 2)
    intakes: dict[int, list[dict]] = {}
    orphans = 0
    for intake in tables.get("drugintakes", []):
        owner = _count(intake.get("diaryEntry_id")) if isinstance(intake, dict) else None
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
        reference = _count(record.get("painDescription_id"))
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
        site, side = _regions(found, row, _region_list(found, row, description.get("bodyRegions")))
        condition = record.get("condition")
        feeling = None
        if condition is not None:
            feeling = CONDITIONS.get(_count(condition))  # type: ignore[arg-type]
            if feeling is None:
                found.report(
                    row,
                    "condition",
                    str(condition)[:40],
                    "not one of the app's conditions (0 very bad ... 4 very good); cleared",
                    kept=True,
                )
        own = intakes.get(_count(record.get("_id")), [])  # type: ignore[arg-type]
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
                "quality": _qualities(
                    found, row, _words(found, row, "quality", description.get("painQualities"))
                ),
                "interventions": "medication" if taken else None,
                "notes": notes if isinstance(notes, str) else None,
                "condition": feeling,
                "times_of_pain": _times(
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
    _dates_to_iso(found, dates, name, "date", date_format)
    return _journal(found, date_format=date_format)


def _medicines(
    found: _Found, row: int, intakes: list[dict], drugs: dict[int, dict]
) -> tuple[str | None, bool]:
    """Return an entry's medicines as text, and whether any was taken."""
    medicines, taken = [], False
    for intake in intakes:
        counts = [_count(intake.get(k)) for k in ("morning", "noon", "evening", "night")]
        drug = drugs.get(_count(intake.get("drug_id")))  # type: ignore[arg-type]
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
            _intake_text(
                drug_name if isinstance(drug_name, str) else "",
                dose if isinstance(dose, str) else "",
                counts,
            )
        )
        taken = taken or any(n and n > 0 for n in counts)
    return "; ".join(medicines) or None, taken


def _dates_to_iso(
    found: _Found, dates: list[Any], name: str, column: str, date_format: str | None
) -> None:
    if date_format is not None:
        return  # the validator reads them with the format given
    texts = [d if isinstance(d, str) else None for d in dates]
    converted, _ = iso_dates(texts, source=name, column=column, rows=found.rows)
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


def _csv_medicines(found: _Found, row: int, text: str) -> tuple[str | None, bool]:
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
        medicines.append(_intake_text(match["name"] or "", "" if dose == "null" else dose, counts))
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


def _csv_export(text: str, name: str, date_format: str | None) -> Journal:
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_BYTES))  # a long note is a note, not a broken file
    try:
        return _csv_rows(text, name, date_format)
    finally:
        csv.field_size_limit(limit)


def _csv_rows(text: str, name: str, date_format: str | None) -> Journal:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"')
    found = _Found(source=name)
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
    _dates_to_iso(found, dates, name, header[0].strip() or "Date", date_format)
    return _journal(found, date_format=date_format)


def _not_the_export(name: str, header: list[str]) -> JournalError:
    shown = ", ".join(repr(excerpt(h, 40)) for h in header[:10]) + (
        " ..." if len(header) > 10 else ""
    )
    expected = ", ".join(repr(h) for h in CSV_HEADERS["English"])
    msg = (
        f"{name}: not a CSV export of the {_APP}: its header is {shown}, and the app writes "
        f"{expected} (or the same in German). For a pain-journal CSV use read_journal()."
    )
    return JournalError(msg, path=name)


def _csv_record(found: _Found, row: int, fields: list[str], dates: list[Any]) -> None:
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
            region = _REGION_BY_NAME.get(item.upper())
            if region is None:
                found.report(
                    row, "site", item, "not one of the app's body regions; ignored", kept=True
                )
            elif region not in region_list:
                region_list.append(region)
    site, side = _regions(found, row, region_list)
    feeling = None
    if condition:
        feeling = _CONDITION_BY_NAME.get(condition.upper())
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
            "quality": _qualities(found, row, quality_words or []),
            "interventions": "medication" if taken else None,
            "notes": notes or None,
            "condition": feeling,
            "times_of_pain": _times(found, row, time_words or []),
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
) -> Journal:
    """Read a Privacy Friendly Pain Diary backup (JSON) or CSV export into a journal.

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
        Needed only when the CSV export's dates can be read both day first and month first
        (every day 12 or less): the reader never guesses, and says so.

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
        its dates can be read both day first and month first and ``date_format`` is not
        given.

    See Also
    --------
    read_journal : the journal's own CSV format.
    read_bearable, read_flaredown, read_fhir : other apps and health records.

    Examples
    --------
    >>> import io
    >>> export = (
    ...     '"Date","Condition:","Pain Intensity: (0-10)","Location of the pain:",'
    ...     '"Nature of the pain:","Time of the pain:","Medication taken:","Comments:"\\n'
    ...     '"24.11.19","GOOD","4","[FOOT_LEFT, FOOT_RIGHT]","[dull]","[at night]","",""\\n'
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
        return _backup(dict(path_or_buffer), "<Pain Diary backup>", date_format)
    raw, name = read_limited(path_or_buffer, limit=MAX_BYTES, what=f"{_APP} file")
    text = _decode(raw, name, f"{_APP} backup or CSV export").lstrip("\ufeff")
    if not text.strip():
        msg = f"{name}: is empty: make the backup or export again in the app and pass that file."
        raise JournalError(msg, path=name)
    if text.lstrip().startswith(("{", "[")):
        return _backup(_load_json(text, name), name, date_format)
    return _csv_export(text, name, date_format)
