r"""A diary file of any supported kind, read without code: recognise it, map it, show it.

The no-code upload (:func:`sci_pain.make_journal_upload`) and the dashboard hand a file's
bytes to this module:

- :func:`detect_journal_format` recognises the journal's own CSV, a journal saved as a
  spreadsheet workbook (``.xlsx``), a Bearable export, a Flaredown export, a Privacy Friendly
  Pain Diary backup or CSV export, or a FHIR Bundle **by content** (the first bytes, the
  header or the JSON), not by the file name;
- :func:`read_diary` reads it with the matching public reader
  (:func:`~sci_pain.read_journal`, :func:`~sci_pain.read_bearable`,
  :func:`~sci_pain.read_flaredown`, :func:`~sci_pain.read_fhir`);
- :func:`file_columns` and :func:`preview_dates` give the controls what they offer when a
  journal CSV's headers or dates do not match the format (:data:`DATE_FORMATS`);
- day first or month first is never guessed, for every kind of file: when the dates show
  their order (a day above 12), they are read in it; when they do not, the reader raises a
  :class:`~sci_pain.errors.JournalError` whose ``needs_date_order`` is True, and the front
  end asks the person to choose one of :data:`DATE_ORDER_CHOICES`, passed back as
  ``date_order`` (:func:`preview_date_order` shows how dates read in each);
- :func:`diary_context` lists what an app export holds besides 0-10 pain ratings
  (symptoms, sleep, mood, medication...), each on the app's own scale. Nothing is ever
  converted to a 0-10 pain score.

Examples
--------
>>> detect_journal_format(b"timestamp,pain\n2026-03-01 08:00,4\n")
'journal'
>>> detect_journal_format(b"date,weekday,time of day,category,rating/amount,detail,notes\n")
'bearable'
>>> detect_journal_format(b'{"resourceType": "Bundle", "type": "collection", "entry": []}')
'fhir'
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
from typing import Literal

import pandas as pd

from sci_pain.journal.reader import Journal, JournalError
from sci_pain.journal.schema import COLUMN_ORDER

__all__ = [
    "JOURNAL_FORMATS",
    "DATE_FORMATS",
    "DATE_ORDER_CHOICES",
    "COLUMN_LABELS",
    "detect_journal_format",
    "read_diary",
    "file_columns",
    "preview_dates",
    "preview_date_order",
    "date_order_read",
    "no_pain_ratings_message",
    "diary_context",
]

JournalFormat = Literal["journal", "xlsx", "bearable", "flaredown", "privacy_friendly", "fhir"]

JOURNAL_FORMATS: dict[str, str] = {
    "journal": "a pain-journal CSV (the format of this package)",
    "xlsx": "a pain journal saved as a spreadsheet workbook (.xlsx)",
    "bearable": "a Bearable export",
    "flaredown": "a Flaredown export",
    "privacy_friendly": "a Privacy Friendly Pain Diary backup or CSV export",
    "fhir": "a FHIR Bundle of pain observations (from a health record)",
}
"""The kinds of file :func:`detect_journal_format` recognises, in words."""

DATE_FORMATS: tuple[tuple[str, str | None], ...] = (
    ("Year first: 2026-03-31 08:00 (the journal format)", None),
    ("Day first: 31/03/2026 08:00", "%d/%m/%Y %H:%M"),
    ("Day first, no time: 31/03/2026", "%d/%m/%Y"),
    ("Day first: 31.03.2026 08:00", "%d.%m.%Y %H:%M"),
    ("Day first: 31-03-2026 08:00", "%d-%m-%Y %H:%M"),
    ("Day first, short year: 31/03/26 08:00", "%d/%m/%y %H:%M"),
    ("Month first: 03/31/2026 08:00", "%m/%d/%Y %H:%M"),
    ("Month first, no time: 03/31/2026", "%m/%d/%Y"),
    ("Month first, 12-hour clock: 03/31/2026 08:00 PM", "%m/%d/%Y %I:%M %p"),
)
"""The date formats a learner can pick from: (what it looks like, strptime format or None).

None is ISO 8601 (year first), which the reader always accepts. Day first and month first
are never guessed: ``03/04/2026`` is 3 April or 4 March, and only the person who wrote it
knows which.
"""

DATE_ORDER_CHOICES: tuple[tuple[str, str], ...] = (
    ("Day first (31/12/2024)", "day first"),
    ("Month first (12/31/2024)", "month first"),
    ("Year first / ISO (2024-12-31)", "year first"),
)
"""The date orders a person can choose for any diary file: (what it looks like, ``date_order``)."""

COLUMN_LABELS: dict[str, str] = {
    "timestamp": "date and time (required)",
    "pain": "pain, 0-10 (required)",
    "problem": "name of the pain, in own words",
    "pain_number": "which of the three worst pains, 1-3",
    "iscip_subtype": "ISCIP pain type",
    "side": "side (left, right, both)",
    "site": "site on the leg",
    "quality": "what the pain feels like",
    "interference": "interference with activities, 0-10",
    "interference_activities": "interference with daily activities, 0-10",
    "interference_mood": "interference with mood, 0-10",
    "interference_sleep": "interference with sleep, 0-10",
    "spasms": "number of spasms",
    "activity_min": "minutes of activity",
    "immobile_hours": "hours without moving",
    "sleep_hours": "hours slept",
    "swelling": "swelling",
    "skin": "skin",
    "interventions": "what was done for the pain",
    "notes": "notes",
}
"""How each journal column is offered in the column-mapping controls."""

_FLAREDOWN_LONG = {"checkin_date", "trackable_type", "trackable_name", "trackable_value"}
_BEARABLE = {"category", "rating/amount", "detail"}


def _text(data: bytes | str, limit: int = 65536) -> str:
    if isinstance(data, str):
        return data[:limit]
    head = data[:limit]
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return head.decode(encoding)
        except UnicodeDecodeError:
            continue
    return head.decode("latin-1")


def _norm(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lstrip("\ufeff").strip().casefold())


def _header(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and lines[0].lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter, lines = lines[0].strip()[4], lines[1:]
    elif lines:
        first = lines[0]
        delimiter = max(",;\t", key=first.count)
    if not lines:
        return []
    return next(csv.reader([lines[0]], delimiter=delimiter), [])


def detect_journal_format(data: bytes | str, *, name: str | None = None) -> JournalFormat:
    r"""Recognise what kind of diary file this is, from its content.

    Parameters
    ----------
    data : bytes or str
        The file's content (only its start is looked at).
    name : str, optional
        The file name, used in the error message only: the kind is never taken from it.

    Returns
    -------
    {"journal", "xlsx", "bearable", "flaredown", "privacy_friendly", "fhir"}
        See :data:`JOURNAL_FORMATS`. A CSV that is none of the apps' exports is taken to be
        a pain journal (its columns may still need mapping).

    Raises
    ------
    JournalError
        For JSON that is neither a FHIR Bundle nor a Pain Diary backup, or an empty file.

    Examples
    --------
    >>> detect_journal_format("Date,Leg pain,Tags,Foods\n2026-03-02,3,,\n")
    'flaredown'
    >>> detect_journal_format("When;Level of pain\n31/03/2026 08:00;4\n")
    'journal'
    """
    from sci_pain.journal.importers.privacy_friendly import (
        is_privacy_friendly_backup,
        is_privacy_friendly_csv,
    )
    from sci_pain.journal.importers.xlsx import is_xlsx

    label = name or "the file"
    if isinstance(data, bytes | bytearray | memoryview) and is_xlsx(bytes(data[:4])):
        return "xlsx"
    text = _text(data).lstrip("\ufeff").lstrip()
    if not text:
        msg = f"{label}: the file is empty, so there is nothing to read."
        raise JournalError(msg, path=name)
    if text[0] in "{[":
        try:
            parsed = json.loads(_text(data, limit=1 << 62) if text[0] == "{" else "null")
        except json.JSONDecodeError:
            parsed = None
        if isinstance(parsed, dict) and parsed.get("resourceType") == "Bundle":
            return "fhir"
        if '"resourceType"' in text and '"Bundle"' in text:
            return "fhir"
        if is_privacy_friendly_backup(parsed) or (parsed is None and '"tableName"' in text):
            return "privacy_friendly"
        msg = (
            f"{label} holds JSON, but not a FHIR Bundle nor a Pain Diary backup: the files "
            "this package reads are a pain-journal CSV or .xlsx workbook, a Bearable or "
            "Flaredown CSV export, a Privacy Friendly Pain Diary backup or CSV export, or a "
            "FHIR Bundle."
        )
        raise JournalError(msg, path=name)
    header = {_norm(h).replace("_", " ") for h in _header(text)}
    normalized = {_norm(h) for h in _header(text)}
    if header >= _BEARABLE or normalized >= _BEARABLE:
        return "bearable"
    if normalized >= _FLAREDOWN_LONG:
        return "flaredown"
    columns = _header(text)
    if columns and _norm(columns[0]) == "date" and {"tags", "foods"} <= normalized:
        return "flaredown"
    if is_privacy_friendly_csv(columns):
        return "privacy_friendly"
    return "journal"


def read_diary(
    data: bytes | str,
    *,
    name: str = "my_journal.csv",
    columns: dict[str, str] | None = None,
    date_format: str | None = None,
    date_order: str | None = None,
) -> tuple[JournalFormat, Journal]:
    r"""Read a diary file of any recognised kind into a journal.

    Parameters
    ----------
    data : bytes or str
        The file's content.
    name : str
        The file's name (shown in the journal's ``source`` and in messages).
    columns, date_format
        For a pain-journal CSV or workbook: passed to :func:`sci_pain.read_journal` or
        :func:`sci_pain.read_journal_xlsx` (header in the file -> journal column; a
        :func:`~datetime.datetime.strptime` format). ``date_format`` also goes to
        :func:`sci_pain.read_privacy_friendly`, whose CSV export writes the phone's dates.
    date_order : {"day first", "month first", "year first"}, optional
        How the file writes its dates (:data:`DATE_ORDER_CHOICES`), for a pain-journal CSV
        or workbook and a Pain Diary export; needed only when the dates do not show it
        themselves (every day 12 or less). Bearable, Flaredown and FHIR write dates in
        one unambiguous way and need none.

    Returns
    -------
    (kind, Journal)
        The kind from :func:`detect_journal_format`, and the journal read by its reader.

    Raises
    ------
    JournalError
        When the file cannot be read at all (the reader's message says why). When the
        dates could be day first or month first and ``date_order`` is not given, its
        ``needs_date_order`` is True and ``examples`` holds dates as written.

    Examples
    --------
    >>> kind, journal = read_diary(
    ...     b"When;Level of pain\n01/04/2026 08:00;4\n",
    ...     columns={"When": "timestamp", "Level of pain": "pain"},
    ...     date_order="day first",
    ... )
    >>> f"{journal.entries['timestamp'][0]:%d %B %Y}"
    '01 April 2026'
    >>> kind, journal = read_diary(
    ...     b"When;Level of pain\n31/03/2026 08:00;4\n",
    ...     columns={"When": "timestamp", "Level of pain": "pain"},
    ...     date_format="%d/%m/%Y %H:%M",
    ... )
    >>> kind, journal.n_entries, f"{journal.entries['timestamp'][0]:%Y-%m-%d}"
    ('journal', 1, '2026-03-31')
    """
    from sci_pain.journal.importers.bearable import read_bearable
    from sci_pain.journal.importers.fhir import read_fhir
    from sci_pain.journal.importers.flaredown import read_flaredown
    from sci_pain.journal.importers.privacy_friendly import read_privacy_friendly
    from sci_pain.journal.importers.xlsx import read_journal_xlsx
    from sci_pain.journal.reader import read_journal

    kind = detect_journal_format(data, name=name)
    buffer = io.BytesIO(data.encode("utf-8") if isinstance(data, str) else bytes(data))
    buffer.name = name
    if kind == "bearable":
        return kind, read_bearable(buffer)
    if kind == "flaredown":
        return kind, read_flaredown(buffer)
    if kind == "xlsx":
        return kind, read_journal_xlsx(
            buffer, columns=columns or None, date_format=date_format, date_order=date_order
        )
    if kind == "privacy_friendly":
        return kind, read_privacy_friendly(buffer, date_format=date_format, date_order=date_order)
    if kind == "fhir":
        return kind, read_fhir(buffer)
    return kind, read_journal(
        buffer, columns=columns or None, date_format=date_format, date_order=date_order
    )


_ORDER_WORDS = {
    "day-first": "day/month (day first)",
    "month-first": "month/day (month first)",
    "year-first": "year/month/day (year first)",
}
_ORDER_NOTE_RE = re.compile(r"dates read (day-first|month-first|year-first)\b(.*)", re.DOTALL)


def date_order_read(journal) -> str | None:
    r"""Say, in a clinician's words, which date order was found in the file, or None.

    The reader and the importers decide the order by themselves only when the dates show it
    (a day above 12, as in ``24/11/2026``), and then note it on row 1 of the problems. This
    turns that note into the sentence an upload shows. None when no such note exists: the
    dates were ISO 8601 (``2026-11-24``), or the order was chosen by the person.

    Parameters
    ----------
    journal : Journal
        A journal as read by :func:`read_diary` (or any reader).

    Returns
    -------
    str or None
        The sentence, e.g. "Dates read as day/month (day first), as the file shows: ...".

    Examples
    --------
    >>> import io
    >>> from sci_pain.journal import read_journal
    >>> journal = read_journal(io.StringIO("timestamp,pain\n03/04/2026,3\n24/11/2026,4\n"))
    >>> date_order_read(journal)
    'Dates read as day/month (day first), as the file shows: 24/11/2026 (row 3) can only be 24 November 2026.'
    >>> date_order_read(read_journal(io.StringIO("timestamp,pain\n2026-11-24,4\n"))) is None
    True
    """
    problems = journal.problems
    notes = problems[(problems["row"] == 1) & problems["kept"].astype(bool)]
    for message in notes["problem"].astype(str):
        match = _ORDER_NOTE_RE.match(message)
        if match:
            rest = match.group(2).split("; ", 1)[0].rstrip(".")
            return f"Dates read as {_ORDER_WORDS[match.group(1)]}{rest}."
    return None


def preview_date_order(texts: list[str], date_order: str | None) -> list[tuple[str, str | None]]:
    r"""How dates as written read in an order: (as written, as read or None).

    Examples
    --------
    >>> preview_date_order(["03/04/2026 08:00", "13/04/2026"], "month first")
    [('03/04/2026 08:00', 'Wed 04 Mar 2026, 08:00'), ('13/04/2026', None)]
    """
    from sci_pain.journal.dates import day_month_dates

    if date_order is None:
        return [(text, None) for text in texts]
    read, _ = day_month_dates(list(texts), source="", column="", order=date_order)
    out = []
    for text, iso in zip(texts, read, strict=True):
        try:
            when = _dt.datetime.fromisoformat(str(iso)) if iso != text else None
        except ValueError:
            when = None
        clock = "" if when is None or "T" not in str(iso) else ", %H:%M"
        out.append((text, when.strftime(f"%a %d %b %Y{clock}") if when else None))
    return out


def file_columns(data: bytes | str) -> tuple[list[str], dict[str, str]]:
    r"""Return a journal CSV's headers, and the journal column each one matches by itself.

    Headers match a journal column ignoring case, surrounding spaces and spaces or hyphens
    against ``_`` (as :func:`sci_pain.read_journal` matches them); the others need to be
    mapped by the learner.

    Returns
    -------
    (headers, matched)
        Every header as written, and ``{header: journal column}`` for those that match.

    Examples
    --------
    >>> file_columns(b"When;Pain;Where\n")
    (['When', 'Pain', 'Where'], {'Pain': 'pain'})
    """
    headers = [h.strip().lstrip("\ufeff").strip() for h in _header(_text(data))]
    matched = {h: _norm(h) for h in headers if _norm(h) in COLUMN_ORDER}
    return headers, matched


def _column_values(data: bytes | str, header: str, n: int) -> list[str]:
    text = _text(data)
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and lines[0].lower().startswith("sep="):
        lines = lines[1:]
    if not lines:
        return []
    delimiter = max(",;\t", key=lines[0].count)
    rows = list(csv.reader(lines[: n + 1], delimiter=delimiter))
    names = [h.strip().lstrip("\ufeff").strip() for h in rows[0]]
    if header not in names:
        return []
    i = names.index(header)
    return [row[i].strip() for row in rows[1:] if len(row) > i and row[i].strip()]


def preview_dates(
    data: bytes | str, header: str, date_format: str | None, *, n: int = 3
) -> list[tuple[str, str | None]]:
    r"""How the first dates of a column read with a format: (as written, as read or None).

    Examples
    --------
    >>> preview_dates(b"When;Pain\n31/03/2026 08:00;4\n", "When", "%d/%m/%Y %H:%M")
    [('31/03/2026 08:00', 'Tue 31 Mar 2026, 08:00')]
    >>> preview_dates(b"When;Pain\n31/03/2026 08:00;4\n", "When", "%m/%d/%Y %H:%M")
    [('31/03/2026 08:00', None)]
    """
    out = []
    for value in _column_values(data, header, n):
        try:
            if date_format is None:
                when = _dt.datetime.fromisoformat(value.replace("Z", ""))
            else:
                when = _dt.datetime.strptime(value, date_format)
        except ValueError:
            out.append((value, None))
            continue
        clock = "" if (when.hour, when.minute) == (0, 0) and len(value) <= 10 else ", %H:%M"
        out.append((value, when.strftime(f"%a %d %b %Y{clock}")))
    return out


def no_pain_ratings_message(kind: JournalFormat, journal: Journal) -> str | None:
    r"""Say what cannot be shown when an import holds no 0-10 pain rating, in plain words.

    Returns None when the journal has entries with pain ratings.

    Examples
    --------
    >>> from sci_pain.journal import read_flaredown
    >>> journal = read_flaredown(io.StringIO("Date,Leg pain,Tags,Foods\n2026-03-02,3,,\n"))
    >>> print(no_pain_ratings_message("flaredown", journal))  # doctest: +ELLIPSIS
    This Flaredown export holds no 0-10 pain ratings. ...
    """
    if journal.n_entries > 0 and journal.entries["pain"].notna().any():
        return None
    why = {
        "bearable": (
            "This Bearable export holds no 0-10 pain ratings. Bearable rates symptoms 0-4 "
            "(none, mild, moderate, severe, unbearable): a different scale, and no published "
            "conversion to 0-10 exists, so none is made."
        ),
        "flaredown": (
            "This Flaredown export holds no 0-10 pain ratings. Flaredown rates conditions and "
            "symptoms 0-4 (not active to extremely active): a different scale, and no "
            "published conversion to 0-10 exists, so none is made."
        ),
        "fhir": (
            "This FHIR Bundle holds no 0-10 pain rating (an Observation with LOINC code "
            "72514-3 and a value)."
        ),
        "journal": "No entry of this file has both a readable date and a 0-10 pain rating.",
        "xlsx": "No entry of this workbook has both a readable date and a 0-10 pain rating.",
        "privacy_friendly": (
            "No diary entry of this Privacy Friendly Pain Diary file has both a readable date "
            "and a 0-10 pain intensity."
        ),
    }[kind]
    cannot = (
        " So what needs pain ratings cannot be shown: the dashboard's figures, the trend, "
        "the patterns of pain, before-and-after comparisons and the clinic report."
    )
    can = (
        " What the file does hold is listed below on its own scales, as context: it can be "
        "read and talked about, but it is not a pain score."
        if kind in ("bearable", "flaredown")
        else " The problems table below says why each record was not read."
    )
    tip = (
        " To record pain in Bearable in a way this package can read, set up a health "
        "measurement called 'Pain' on a 0-10 scale."
        if kind == "bearable"
        else ""
    )
    return why + cannot + can + tip


def diary_context(kind: JournalFormat, data: bytes | str) -> pd.DataFrame:
    r"""Return what an app export holds besides 0-10 pain: a row per item, on its own scale.

    Parameters
    ----------
    kind : {"bearable", "flaredown"}
        From :func:`detect_journal_format`; other kinds give an empty table.
    data : bytes or str
        The export.

    Returns
    -------
    DataFrame
        Columns ``kind`` (symptom, sleep, mood, medication... as the app names it),
        ``item``, ``scale`` (the app's own), ``days`` (days logged), ``first_day``,
        ``last_day`` and ``values`` (the range as written, never converted).

    Examples
    --------
    >>> text = '''date,weekday,time of day,category,rating/amount,detail,notes
    ... "2nd Mar 2026","Monday","pm","Symptom","2","Leg pain (Moderate)",""
    ... "3rd Mar 2026","Tuesday","pm","Symptom","3","Leg pain (Severe)",""
    ... "3rd Mar 2026","Tuesday","","Sleep","7.5","",""
    ... '''
    >>> table = diary_context("bearable", text)
    >>> table[["kind", "item", "days", "values"]].to_string(index=False)
    '   kind     item  days values\n  Sleep    Sleep     1    7.5\nSymptom Leg pain     2 2 to 3'
    """
    from sci_pain.journal.importers.bearable import read_bearable_records
    from sci_pain.journal.importers.flaredown import read_flaredown_records

    columns = ["kind", "item", "scale", "days", "first_day", "last_day", "values"]
    buffer = io.StringIO(data if isinstance(data, str) else _text(data, limit=1 << 62))
    if kind == "bearable":
        records = read_bearable_records(buffer).rename(columns={"category": "kind"})
        records["item"] = records["name"].where(records["name"].astype(str) != "", records["kind"])
    elif kind == "flaredown":
        records = read_flaredown_records(buffer).rename(columns={"type": "kind", "name": "item"})
        records["kind"] = records["kind"].where(records["kind"].astype(str) != "", "item")
    else:
        return pd.DataFrame(columns=columns)
    rows = []
    for (what, item), group in records.groupby(["kind", "item"], sort=True):
        values = group["value"].astype(str).str.strip()
        values = values[values != ""]
        numbers = pd.to_numeric(values, errors="coerce").dropna()
        if len(numbers) == len(values) and len(numbers):
            low, high = numbers.min(), numbers.max()
            shown = f"{low:g}" if low == high else f"{low:g} to {high:g}"
        else:
            distinct = list(dict.fromkeys(values))
            shown = ", ".join(distinct[:3]) + (" ..." if len(distinct) > 3 else "")
        days = group["date"].dropna()
        scale = str(group["scale"].iloc[0]) if "scale" in group else ""
        rows.append(
            {
                "kind": str(what),
                "item": str(item),
                "scale": scale or "as written",
                "days": int(days.dt.normalize().nunique()),
                "first_day": days.min(),
                "last_day": days.max(),
                "values": shown,
            }
        )
    return pd.DataFrame(rows, columns=columns)
