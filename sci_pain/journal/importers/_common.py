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
from sci_pain.journal._io import MAX_BYTES, existing_file
from sci_pain.journal.importers._source import size_text
from sci_pain.journal.problems import problems_frame
from sci_pain.journal.reader import Journal, journal_from_frame
from sci_pain.journal.schema import COLUMN_ORDER, PROBLEM_COLUMNS

__all__ = [
    "PathOrBuffer",
    "RECORD",
    "ImportedRecords",
    "to_journal",
    "source_name",
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

_CHUNK = 1 << 16


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
    if isinstance(source, (str, os.PathLike)):
        return str(source)
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, (str, os.PathLike)) else f"<{app} data>"


def read_text(source: Any, *, app: str, what: str) -> str:
    """Return the text of a path or an open file; file-level faults raise JournalError."""
    name = source_name(source, app)
    if isinstance(source, (str, os.PathLike)):
        path = existing_file(name, what="file", wanted=f"the {what} inside it")
        try:
            if path.is_file() and path.stat().st_size > MAX_BYTES:
                raise _too_large(name, what)
            with path.open("rb") as handle:
                data: Any = _read_bounded(handle.read, name=name, what=what)
        except OSError as exc:
            msg = f"{name}: cannot be read ({exc.strerror or exc}). Check its permissions."
            raise JournalError(msg, path=name) from exc
    elif hasattr(source, "read"):
        try:
            data = _read_bounded(source.read, name=name, what=what)
        except (OSError, ValueError) as exc:
            if isinstance(exc, JournalError):
                raise
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


def _too_large(name: str, what: str) -> JournalError:
    msg = (
        f"{name}: is larger than {size_text(MAX_BYTES)}, far more than a {what} of a pain "
        "diary holds; check that it is the right file."
    )
    return JournalError(msg, path=name)


def _read_bounded(read, *, name: str, what: str) -> Any:
    """Read an open file in chunks, refusing binary data and endless streams early.

    Binary data (``/dev/zero``) is refused at its first chunk, and more than
    :data:`MAX_BYTES` (an endless stream) after at most that much.
    """
    parts: list = []
    size = 0
    while True:
        try:
            chunk = read(_CHUNK)
        except TypeError:  # a read() that takes no size
            chunk = read()
            parts.append(chunk)
            size += len(chunk) if isinstance(chunk, (str, bytes, bytearray)) else 0
            break
        if not isinstance(chunk, (str, bytes, bytearray)) or not chunk:
            parts.append(chunk)  # not text: said below
            break
        if not parts:
            _refuse_binary(chunk, name=name, what=what)
        parts.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:
            raise _too_large(name, what)
    if size > MAX_BYTES:
        raise _too_large(name, what)
    parts = [p for p in parts if not isinstance(p, (str, bytes, bytearray)) or p] or [b""]
    if len(parts) == 1:
        return parts[0]
    return ("" if isinstance(parts[0], str) else b"").join(parts)


def _refuse_binary(chunk: Any, *, name: str, what: str) -> None:
    """Raise JournalError for a first chunk holding NUL (not UTF-16 text with its mark)."""
    if isinstance(chunk, str) and "\x00" in chunk:
        msg = f"{name} is not a text file (it contains NUL characters): pass the {what}."
        raise JournalError(msg, path=name)
    utf16 = isinstance(chunk, (bytes, bytearray)) and chunk.startswith((b"\xff\xfe", b"\xfe\xff"))
    if isinstance(chunk, (bytes, bytearray)) and not utf16 and b"\x00" in chunk:
        _decode(bytes(chunk), name=name, what=what)  # raises: NUL bytes, not text


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
