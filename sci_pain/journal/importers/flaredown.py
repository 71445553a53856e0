r"""Flaredown (https://flaredown.com) exports: every record reported, none converted to 0-10.

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

Examples
--------
>>> import io
>>> read_flaredown(io.StringIO("Date,Leg pain,Tags,Foods\n2026-03-02,3,,\n")).n_dropped
1
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from sci_pain.errors import JournalError, close_matches
from sci_pain.journal.importers import _common
from sci_pain.journal.reader import Journal

__all__ = ["read_flaredown", "read_flaredown_records"]

_FLAREDOWN_LONG_REQUIRED = ("checkin_date", "trackable_type", "trackable_name", "trackable_value")
_FLAREDOWN_RATED = ("condition", "symptom")


def _flaredown_layout(text: str, name: str) -> tuple[str, list[str], dict[str, int], list]:
    header, records = _common.csv_records(text, name=name)
    index = _common.header_index(header)
    if all(c in index for c in _FLAREDOWN_LONG_REQUIRED):
        return "long", header, index, records
    if header and _common.norm_name(header[0]) == "date" and "tags" in index and "foods" in index:
        return "app", header, index, records
    if "rating/amount" in index and "category" in index:
        msg = f"{name} looks like a Bearable export, not a Flaredown one: use read_bearable()."
        raise JournalError(msg, path=name)
    raise _common.missing_columns(
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
    users = [
        u for u in dict.fromkeys(_common.field_text(index, f, "user_id") for _, f in records) if u
    ]
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
        close = close_matches(str(user_id), users)
        hint = f" Close matches: {', '.join(map(repr, close))}." if close else ""
        msg = f"{name}: no check-ins with user_id {user_id!r} ({len(users)} people in the file).{hint}"
        raise JournalError(msg, path=name)
    return user_id


def _flaredown_problem(kind: str) -> str:
    key = _common.norm_name(kind)
    if key in _FLAREDOWN_RATED:
        return (
            f"Flaredown rates {key}s 0-4 (0 not active ... 4 extremely active), not 0-10; no "
            "0-10 conversion is made, so it is not imported as a pain rating"
        )
    if key == "treatment":
        return "a Flaredown treatment (with its dose as free text), not a pain rating; not imported"
    return f"a Flaredown {kind or '(untyped)'} record, not a pain rating; not imported"


def read_flaredown(path_or_buffer: _common.PathOrBuffer, *, user_id: str | None = None) -> Journal:
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
        Without entries; ``problems`` holds every record, its original value and why.

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
    name = _common.source_name(path_or_buffer, "Flaredown")
    text = _common.read_text(path_or_buffer, app="Flaredown", what="Flaredown CSV export")
    layout, header, index, records = _flaredown_layout(text, name)
    found = _common.ImportedRecords(source=name)
    width = len(header)
    if layout == "app":
        for row, fields in records:
            if _common.field_count_problem(found, row, fields, width):
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
        return _common.to_journal(found)
    person = _flaredown_user(name, index, records, user_id)
    for row, fields in records:
        if _common.field_count_problem(found, row, fields, width):
            continue
        if person is not None and _common.field_text(index, fields, "user_id") != person:
            found.report(
                row,
                "user_id",
                "",
                f"a check-in of another person in the file (not user_id {person!r}); not "
                "part of this journal",
                kept=False,
            )
            continue
        kind = _common.field_text(index, fields, "trackable_type")
        item = _common.field_text(index, fields, "trackable_name")
        value = _common.field_text(index, fields, "trackable_value")
        shown = f"{kind or '(untyped)'}: {item}" + (f" = {value}" if value else "")
        found.report(row, "pain", shown, _flaredown_problem(kind), kept=False)
    return _common.to_journal(found)


def read_flaredown_records(
    path_or_buffer: _common.PathOrBuffer, *, user_id: str | None = None
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
    name = _common.source_name(path_or_buffer, "Flaredown")
    text = _common.read_text(path_or_buffer, app="Flaredown", what="Flaredown CSV export")
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
            if person is not None and _common.field_text(index, fields, "user_id") != person:
                continue
            kind = _common.field_text(index, fields, "trackable_type")
            out.append(
                {
                    "row": row,
                    "date": _iso_day(_common.field_text(index, fields, "checkin_date")),
                    "type": kind,
                    "name": _common.field_text(index, fields, "trackable_name"),
                    "value": _common.field_text(index, fields, "trackable_value"),
                }
            )
    frame = pd.DataFrame(out, columns=["row", "date", "type", "name", "value"])
    frame["row"] = frame["row"].astype("int64")
    frame["date"] = pd.to_datetime(frame["date"])
    frame["scale"] = [
        "0-4" if _common.norm_name(t) in _FLAREDOWN_RATED else "" for t in frame["type"]
    ]
    return frame


# Flaredown's app export writes each check-in's day as midnight UTC:
# "2024-03-04T00:00:00+00:00" (also seen: "...T00:00:00.000Z"); the day is what counts.
_FLAREDOWN_MIDNIGHT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?\s*(?:Z|UTC|[+-]00:?00)?)?",
    re.ASCII,
)


def _iso_day(text: str) -> pd.Timestamp:
    """Return the day of a Flaredown ``checkin_date`` (``2024-03-04`` or with a midnight time).

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
