"""Plumbing the importers share: a source's text, its CSV records, problems, the Journal.

Each importer turns its source into canonical raw records (journal column -> text) with the
source's row numbers, and problems for what it could not import; :func:`to_journal` hands
them to :func:`~sci_pain.journal.reader.journal_from_frame`, the reader's own validator.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any, Union

import pandas as pd

from sci_pain.errors import JournalError, close_matches
from sci_pain.journal._io import read_bounded
from sci_pain.journal._io import source_name as file_name
from sci_pain.journal.problems import problems_frame
from sci_pain.journal.reader import Journal, journal_from_frame
from sci_pain.journal.schema import COLUMN_ORDER, PROBLEM_COLUMNS

__all__ = [
    "PathOrBuffer",
    "RECORD",
    "ImportedRecords",
    "to_journal",
    "source_name",
    "decode_text",
    "read_text",
    "norm_name",
    "csv_records",
    "missing_columns",
    "field_text",
    "field_count_problem",
    "header_index",
]

PathOrBuffer = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
"""What the importers read: a path, or an open text or binary file."""

RECORD = None
"""The ``column`` of a problem about a whole record."""


@dataclass
class ImportedRecords:
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


def to_journal(found: ImportedRecords, *, date_format: str | None = None) -> Journal:
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


def source_name(source: Any, app: str) -> str:
    """Return the name messages give a file or an open file (``<Bearable data>`` if none)."""
    return file_name(source, unnamed=f"<{app} data>")


def read_text(source: Any, *, app: str, what: str) -> str:
    """Return the text of a path or an open file; file-level faults raise JournalError."""
    data, name = read_bounded(
        source, what="file", wanted=f"the {what} inside it", unnamed=f"<{app} data>"
    )
    text = decode_text(data, name=name, what=what).lstrip("\ufeff")
    if not text.strip():
        msg = f"{name} is empty: export the data from the app again and pass that {what}."
        raise JournalError(msg, path=name)
    return text


def decode_text(data: bytes, *, name: str, what: str) -> str:
    """Return an export's text: UTF-16 with its byte-order mark, UTF-8, else Windows-1252.

    An export is written by an app or a spreadsheet in one of these; a file with NUL bytes
    and no UTF-16 mark is not text (a workbook, an image) and is refused, naming `what`
    should be passed instead.

    Examples
    --------
    >>> decode_text("Schmerz: Gemütszustand".encode("cp1252"), name="x.csv", what="CSV export")
    'Schmerz: Gemütszustand'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            msg = f"{name}: starts like UTF-16 text but cannot be decoded ({exc.reason})."
            raise JournalError(msg, path=name) from exc
    if b"\x00" in data:
        msg = (
            f"{name}: is not a text file (it contains NUL bytes; a spreadsheet workbook or an "
            f"image?): pass the {what} as the app wrote it."
        )
        raise JournalError(msg, path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Windows spreadsheets


def norm_name(text: str) -> str:
    """Normalise a header or a name: no BOM, no quotes, lower case, single spaces."""
    return " ".join(text.replace("\ufeff", "").strip().strip('"').casefold().split())


def csv_records(text: str, *, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
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


def missing_columns(
    name: str, app: str, header: list[str], required: Iterable[str], hint: str
) -> JournalError:
    """Return the error for an export without the app's columns, with close matches."""
    found = [norm_name(h) for h in header]
    missing = [c for c in required if c not in found]
    guesses = []
    for column in missing:
        close = close_matches(column, found, n=1)
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


def field_text(header_index: dict[str, int], fields: list[str], column: str) -> str:
    index = header_index.get(column)
    if index is None or index >= len(fields):
        return ""
    return fields[index].strip()


def field_count_problem(found: ImportedRecords, row: int, fields: list[str], width: int) -> bool:
    """Report a record whose number of fields differs from the header's; True if reported."""
    if len(fields) == width:
        return False
    shown = " | ".join(fields)
    if len(shown) > 200:  # the size stated is the record's as written, one delimiter apart
        shown = f"{shown[:200]}... ({sum(map(len, fields)) + len(fields) - 1:,} characters)"
    found.report(
        row,
        RECORD,
        shown,
        f"record has {len(fields):,} fields but the header has {width:,} (an unquoted comma or "
        "a cut line?); not imported",
        kept=False,
    )
    return True


def header_index(header: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        index.setdefault(norm_name(h), i)
    return index
