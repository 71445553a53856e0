"""Bearable (https://bearable.app) CSV exports: 0-10 pain health measurements become entries.

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import pandas as pd

from sci_pain.errors import JournalError
from sci_pain.journal.importers._common import (
    ImportedRecords,
    PathOrBuffer,
    csv_records,
    field_count_problem,
    field_text,
    header_index,
    missing_columns,
    norm_name,
    read_text,
    source_name,
    to_journal,
)
from sci_pain.journal.reader import Journal

__all__ = ["read_bearable", "read_bearable_records", "BEARABLE_SCALES"]

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
    """Classify Bearable's ``time of day``.

    Returns ``("clock", "HH:MM[:SS]")``, ``("part", part)``, ``("day", None)`` or
    ``("invalid", None)``.
    """
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
    return norm_name(_UNIT_SUFFIX.sub("", detail))


def _bearable_rows(
    text: str, name: str
) -> tuple[list[str], dict[str, int], list[tuple[int, list[str]]]]:
    header, records = csv_records(text, name=name)
    index = header_index(header)
    if "checkin_date" in index or "trackable_type" in index:
        msg = f"{name} looks like a Flaredown export, not a Bearable one: use read_flaredown()."
        raise JournalError(msg, path=name)
    required = [*_BEARABLE_REQUIRED]
    if "date" not in index and "date formatted" not in index:
        required.insert(0, "date")
    if any(c not in index for c in required):
        raise missing_columns(
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
    r"""Read a Bearable CSV export into a journal.

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
    '          timestamp  pain  row\n2026-03-02 08:10:00     4    2'
    >>> journal.problems.loc[0, "value"]
    'Symptom: Leg pain (Moderate) = 2'
    """
    names = [pain_measurement] if isinstance(pain_measurement, str) else list(pain_measurement)
    wanted = {_measurement_name(str(n)) for n in names}
    wanted_text = " or ".join(repr(str(n)) for n in names) or "''"
    name = source_name(path_or_buffer, "Bearable")
    text = read_text(path_or_buffer, app="Bearable", what="Bearable CSV export")
    header, index, records = _bearable_rows(text, name)
    found = ImportedRecords(source=name)
    for row, fields in records:
        if field_count_problem(found, row, fields, len(header)):
            continue
        category = field_text(index, fields, "category")
        detail = field_text(index, fields, "detail")
        rating = field_text(index, fields, "rating/amount")
        value = _bearable_value(category, detail, rating)
        if norm_name(category) not in ("health measurements", "health measurement"):
            found.report(row, "pain", value, _not_pain(category, wanted_text), kept=False)
        elif _measurement_name(detail) not in wanted:
            found.report(
                row,
                "pain",
                value,
                f"health measurement {detail!r} is not the 0-10 pain measurement "
                f"({wanted_text}; see pain_measurement=); not imported",
                kept=False,
            )
        else:
            stamp = _bearable_stamp(found, row, index, fields)
            if stamp is not None:
                label = _UNIT_SUFFIX.sub("", detail).strip()
                notes = field_text(index, fields, "notes")
                found.add(
                    row,
                    {
                        "timestamp": stamp,
                        "pain": rating,
                        "problem": None if norm_name(label) == "pain" else label,
                        "notes": notes or None,
                    },
                )
    return to_journal(found)


def _not_pain(category: str, wanted_text: str) -> str:
    """Say why a row that is not a health measurement holds no 0-10 pain rating."""
    kind = norm_name(category)
    if kind == "symptom":
        return (
            "Bearable rates symptoms 0-4 (none, mild, moderate, severe, unbearable), "
            "not 0-10; no 0-10 conversion is made, so it is not imported as a pain "
            f"rating (to import pain, log it as the 0-10 health measurement "
            f"{wanted_text})"
        )
    scale = BEARABLE_SCALES.get(kind)
    return (
        f"Bearable's {category or '(empty)'!r} rows hold no 0-10 pain rating"
        + (f" (their scale: {scale})" if scale else "")
        + "; not imported"
    )


def _bearable_stamp(
    found: ImportedRecords, row: int, index: dict[str, int], fields: list[str]
) -> str | None:
    """Return the row's timestamp (its date alone for a part of the day), or None if reported.

    A date or time of day that cannot be read is a problem that keeps the row out; a part of
    the day (``am``, ``pm``, ...) keeps the date alone, with a note.
    """
    date_text = field_text(index, fields, "date")
    day = _bearable_date(date_text, field_text(index, fields, "date formatted"))
    time_text = field_text(index, fields, "time of day")
    if day is None:
        shown = date_text or field_text(index, fields, "date formatted")
        found.report(
            row,
            "timestamp",
            shown,
            "not a date as Bearable writes it (like '22nd Sep 2020') nor YYYY-MM-DD; not imported",
            kept=False,
        )
        return None
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
        return None
    if how == "part":
        found.report(
            row,
            "timestamp",
            time_text,
            f"logged for the part of the day {clock!r}; Bearable does not say which hours "
            "that covers, so the date alone is kept",
            kept=True,
        )
    return f"{day.isoformat()}T{clock}" if how == "clock" else day.isoformat()


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
    name = source_name(path_or_buffer, "Bearable")
    text = read_text(path_or_buffer, app="Bearable", what="Bearable CSV export")
    _, index, records = _bearable_rows(text, name)
    out = []
    for row, fields in records:
        category = field_text(index, fields, "category")
        detail = field_text(index, fields, "detail")
        match = _SEVERITY.fullmatch(detail) if norm_name(category) == "symptom" else None
        day = _bearable_date(
            field_text(index, fields, "date"), field_text(index, fields, "date formatted")
        )
        out.append(
            {
                "row": row,
                "date": pd.Timestamp(day) if day else pd.NaT,
                "time_of_day": field_text(index, fields, "time of day"),
                "category": category,
                "name": match[1] if match else detail,
                "value": field_text(index, fields, "rating/amount"),
                "severity": match[2].capitalize() if match else "",
                "scale": BEARABLE_SCALES.get(norm_name(category), ""),
                "notes": field_text(index, fields, "notes"),
            }
        )
    columns = ["row", "date", "time_of_day", "category", "name", "value", "severity"]
    frame = pd.DataFrame(out, columns=[*columns, "scale", "notes"])
    frame["row"] = frame["row"].astype("int64")
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
