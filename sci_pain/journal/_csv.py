"""Bytes -> columns of codes for the journal reader (private).

Turns decoded bytes into the header and one ``(codes, uniques)`` pair per column, with
file-level faults raised as :class:`~sci_pain.errors.JournalError`. A regular file (every
record as wide as the header) is parsed by Arrow's CSV reader; any other by pandas' C
parser, which handles every fault; both give the same records. The columns are then
coded by :mod:`sci_pain.journal._codes`: no Python string per cell, and the checks work on
the *distinct* values, which is what makes the reader fast.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd
import pyarrow as pa

from sci_pain.errors import JournalError
from sci_pain.journal._codes import coded_columns, mostly_distinct_head
from sci_pain.journal._io import MAX_COLUMNS, excerpt
from sci_pain.journal.schema import COLUMN_ORDER

__all__: list[str] = []

_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
# A last record appended to every file before parsing: finding it as the last record shows
# that the parser read the whole file (a garbled end would swallow it).
_SENTINEL = "\u00ff\u00ff"
_TEXT = pd.ArrowDtype(pa.string())
"""Every cell is read as an Arrow string: no type guessing, no Python object per cell."""
_FIELDS_RE = re.compile(r"Expected (\d+) fields? in line (\d+), saw (\d+)")


@dataclass
class RawTable:
    """What the CSV parser saw: header cells and, per position, codes and uniques."""

    header: list[str]
    codes: list[np.ndarray]
    uniques: list[pd.Index]
    n_records: int
    delimiter: str
    encoding: str
    # positions (0-based record index) of records the parser could not split correctly
    bad_positions: list[int] = field(default_factory=list)
    bad_values: list[str] = field(default_factory=list)
    bad_messages: list[str] = field(default_factory=list)
    # (position, column position, value, message): problems on records that are kept
    swallowed: list[tuple[int, int, str, str]] = field(default_factory=list)


class _Joined(io.RawIOBase):
    """Several byte strings read as one file, without copying them into one."""

    def __init__(self, *parts: bytes) -> None:
        super().__init__()
        self._parts = [memoryview(p) for p in parts if len(p)]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._parts and not len(self._parts[0]):
            self._parts.pop(0)
        if not self._parts:
            return 0
        part = self._parts[0]
        n = min(len(buffer), len(part))
        buffer[:n] = part[:n]
        self._parts[0] = part[n:]
        return n


def _read_csv(data: bytes | tuple[bytes, ...], source: str, **options) -> pd.DataFrame:
    """Parse with pandas' C parser and the options every call shares; errors as JournalError."""
    parts = data if isinstance(data, tuple) else (data,)
    handle = io.BufferedReader(_Joined(*parts), buffer_size=1 << 20)
    try:
        return pd.read_csv(
            handle,
            index_col=False,
            na_filter=False,
            skip_blank_lines=False,
            quotechar='"',
            doublequote=True,
            engine="c",
            **options,
        )
    except pd.errors.EmptyDataError as error:
        msg = (
            f"{source}: the first line is empty; the header line (timestamp,pain,...) must "
            "be the first line of the file."
        )
        raise JournalError(msg, path=source) from error
    except (UnicodeError, OverflowError) as error:
        msg = f"{source}: cannot be read as CSV ({error})."
        raise JournalError(msg, path=source) from error


def parse(data: bytes, encoding: str, label: str, delimiter: str, skip: int, source: str):
    """Parse the CSV into a :class:`RawTable`.

    The header record is read on its own first (Python's :mod:`csv`, so a header of a
    million cells costs milliseconds and is refused). Then the records are parsed by pandas'
    C parser straight into Arrow strings (:data:`_TEXT`: no type guessing, so ``007``
    stays ``007``, and no Python string per cell), and each column is dictionary-encoded by
    Arrow into codes and distinct values (:func:`~sci_pain.journal._codes.coded_columns`; a long column whose first
    cells nearly all differ, such as timestamps to the second, is not hashed: each record is
    its own value).

    When the C parser meets a record wider than the header, the file is parsed again with
    only the header's columns plus one *guard* column (``usecols``), so a record 200,000
    fields wider than the header costs no more than its bytes, and the wide records are
    found by :func:`_flag_overflow`. An unterminated quote at the end of the file is closed
    and its record reported. A last record (the sentinel) is appended to the file: finding
    it again as the last record shows that the parser read the file to its end.
    """
    shared = {"sep": delimiter, "encoding": encoding}
    header, first_wider = _read_header(data, encoding, delimiter, skip, source)
    width = max(len(header), 1)
    columns = None if first_wider else _arrow_records(data, header, delimiter, skip, label)
    if columns is not None:  # the usual file: read by Arrow, no pandas frame in between
        n_records = len(columns[0])
        codes, uniques = coded_columns(columns, n_records)
        table = RawTable(header, codes, uniques, n_records, delimiter, label)
        # (only a quoted cell can span lines: then it holds a line end)
        if b'"' in data and (broken := [i for i, c in enumerate(columns) if _has_line_end(c)]):
            _flag_swallowed(table, broken)
        return table
    guard = first_wider  # set when some record is wider than the header
    names = list(range(width + 1 if guard else width))
    closed_quote = False
    line_end = b"" if data.endswith((b"\n", b"\r")) else b"\n"
    while True:
        # (the sentinel has a cell for each name: pandas refuses more names than the
        # widest record has fields)
        sentinel = (delimiter.join([_SENTINEL] * len(names)) + "\n").encode("utf-8")
        try:
            with warnings.catch_warnings():
                # pandas drops the extra cells of a *first* record wider than `names`, with
                # only a warning: make it an error
                warnings.simplefilter("error", pd.errors.ParserWarning)
                frame = _read_csv(
                    (data, line_end + sentinel),
                    source,
                    header=None,
                    names=names,
                    # with a guard, fields beyond it are skipped, not an error
                    usecols=names if guard else None,
                    dtype=_TEXT,
                    skiprows=skip + 1,  # the header record (pandas counts quoted lines as one)
                    **shared,
                )
            break
        except pd.errors.ParserWarning:
            names, guard = list(range(width + 1)), True
            continue
        except pd.errors.ParserError as error:
            text = str(error)
            if not guard and _FIELDS_RE.search(text):
                names, guard = list(range(width + 1)), True
                continue
            if "EOF inside string" in text and not closed_quote:
                data = data + b'"'
                line_end = b"\n"
                closed_quote = True
                continue
            msg = f"{source}: cannot be read as CSV ({_clean(text)})."
            raise JournalError(msg, path=source) from error
    n_records = len(frame) - 1
    if n_records < 0 or frame.iloc[n_records, 0] != _SENTINEL:
        msg = f"{source}: cannot be read as CSV (the end of the file is garbled)."
        raise JournalError(msg, path=source)
    codes, uniques = coded_columns([pa.array(frame[c].array) for c in frame.columns], n_records)
    guard_codes, guard_uniques = (codes.pop(), uniques.pop()) if guard else (None, None)
    table = RawTable(
        header=header,
        codes=codes,
        uniques=uniques,
        n_records=n_records,
        delimiter=delimiter,
        encoding=label,
    )
    if guard:
        _flag_overflow(table, width, guard_codes, guard_uniques, data, skip)
    # a cell spans lines only when the file has more lines than records
    if _line_count(data) > skip + 1 + n_records:
        _flag_swallowed(table)
    if closed_quote and table.n_records and _filled(table, table.n_records - 1):
        _flag_unclosed_quote(table)
    return table


def _has_line_end(strings: pa.Array) -> bool:
    """Tell whether a cell of the column holds a line end (a dictionary's values are looked at).

    The bytes of the cells are looked at as one block, not cell by cell.
    """
    if pa.types.is_dictionary(strings.type):
        strings = strings.dictionary
    if not len(strings):
        return False
    offsets = np.frombuffer(
        strings.buffers()[1],
        dtype=np.int64 if pa.types.is_large_string(strings.type) else np.int32,
        count=len(strings) + 1,
        offset=strings.offset * (8 if pa.types.is_large_string(strings.type) else 4),
    )
    data = strings.buffers()[2]
    if data is None:
        return False
    text = np.frombuffer(data, dtype=np.uint8)[int(offsets[0]) : int(offsets[-1])]
    if not (text <= ord("\r")).any():  # (no control character at all: the usual case)
        return False
    return bool(((text == ord("\n")) | (text == ord("\r"))).any())


def _line_count(data: bytes) -> int:
    r"""Return the number of lines in the text (``\n``, ``\r\n`` or ``\r`` ends a line)."""
    lines = data.count(b"\n")
    if b"\r" in data:
        lines += data.count(b"\r") - data.count(b"\r\n")
    return lines + (not data.endswith((b"\n", b"\r")))


_ARROW_THREADS = False
"""Arrow's CSV reader on one thread: on two busy cores its threads cost a third more CPU time
for little gain in wall-clock time, and a cohort already reads journals in parallel (on
2026-12-04, load 8, a million records: 2.2 s CPU and 5.5 s wall on one thread, 2.8 s and
6.6 s with threads)."""
_LINE_END_RE = re.compile(rb"\r\n|\r|\n")


def _arrow_records(data: bytes, header: list[str], delimiter: str, skip: int, label: str = ""):
    """Return the records of a regular file as Arrow strings (an array per column), or None.

    Arrow's CSV reader (C++, no Python object per cell) reads what pandas' C parser reads,
    with the same rules: ``"`` quotes a cell only at its start, ``""`` inside quotes is one
    quote, a quoted cell may span lines, empty cells are empty texts, nothing is stripped.
    It is used only where the two cannot differ; None (read the file with pandas, which
    handles every fault) when a header cell spans lines, the header is alone or one
    column wide, or any record does not have exactly the header's number of cells (blank
    lines inside the file, short or wide records, a quote never closed: Arrow refuses
    them). Blank lines at the end are left out: they hold no record. The sentinel record
    is appended as in :func:`parse` and must come back as the last record.
    """
    width = len(header)
    if width < 2 or any("\n" in cell or "\r" in cell for cell in header):
        return None
    start = 0
    for _ in range(skip + 1):
        end = _LINE_END_RE.search(data, start)
        if end is None:
            return None
        start = end.end()
    body = memoryview(data)[start:]
    stop = len(data)
    while stop > start and data[stop - 1] in b"\r\n":  # (blank lines at the end: no record)
        stop -= 1
    stop -= start
    if stop <= 0:
        return None
    sentinel = ("\n" + delimiter.join([_SENTINEL] * width) + "\n").encode("utf-8")
    names = [f"c{i}" for i in range(width)]
    # (ASCII is valid UTF-8: nothing to check; the label "ascii" says so already)
    ascii_only = label == "ascii" or data.isascii()
    read = partial(
        _arrow_read,
        names=names,
        delimiter=delimiter,
        quoted=data.find(b'"', start) >= 0,
        ascii_only=ascii_only,
    )
    coded = _parser_coded(body[:stop], read, names)
    types = {
        name: pa.dictionary(pa.int32(), pa.string()) if code else pa.string()
        for name, code in zip(names, coded, strict=True)
    }
    table = read(
        io.BufferedReader(_Joined(body[:stop], sentinel), buffer_size=1 << 20), types=types
    )
    if table is None:
        return None
    n = table.num_rows - 1
    if n < 1 or table.num_columns != width or table.column(0)[n].as_py() != _SENTINEL:
        return None
    if any(coded):
        table = table.unify_dictionaries()  # (one dictionary per column, not per block)
    columns = []
    for column in table.columns:
        strings = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if pa.types.is_dictionary(strings.type):
            strings = _without_sentinel(strings, n, alone=ascii_only)
        columns.append(strings.slice(0, n))
    return columns


_HEAD_RECORDS = 2000
"""Records looked at before parsing, to choose the columns the parser codes."""


def _parser_coded(body: memoryview, read, names: list[str]) -> list[bool]:
    """Choose the columns Arrow's CSV reader codes as it parses them (dictionary arrays).

    Those whose first records repeat (most columns: pain, site, ...), judged on the first
    :data:`_HEAD_RECORDS` records parsed on their own; every column of a shorter file. A
    column whose first cells nearly all differ (times to the second, notes) is read as
    strings, and :func:`~sci_pain.journal._codes.coded_columns` codes it or not. Either
    way the codes and distinct values are the same; only the work differs.
    """
    head = _head(body, _HEAD_RECORDS)
    if head is None:
        return [True] * len(names)
    sample = read(head, types=dict.fromkeys(names, pa.string()))
    if sample is None or sample.num_columns != len(names):
        return [False] * len(names)
    return [not mostly_distinct_head(column) for column in sample.columns]


def _head(body: memoryview, records: int):
    """Return the first ``records`` lines of the body as a file to parse (None if shorter).

    Only the first :data:`_HEAD_BYTES` are looked at: a file whose first records are longer
    is treated as a short one.
    """
    head = bytes(body[:_HEAD_BYTES])
    if head.count(b"\n") < records:
        return None
    end = -1
    for _ in range(records):
        end = head.find(b"\n", end + 1)
    return pa.BufferReader(pa.py_buffer(head[: end + 1]))


_HEAD_BYTES = 1 << 19


def _arrow_read(source, *, names, delimiter, quoted, ascii_only, types):
    """Parse with Arrow's CSV reader and the options every read shares; None on any fault."""
    import pyarrow.csv as pa_csv

    try:
        return pa_csv.read_csv(
            source,
            read_options=pa_csv.ReadOptions(
                column_names=names, block_size=1 << 22, use_threads=_ARROW_THREADS
            ),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter,
                quote_char='"',
                double_quote=True,
                escape_char=False,
                newlines_in_values=quoted,
                ignore_empty_lines=False,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=types,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=not ascii_only,
            ),
        )
    except (pa.ArrowException, ValueError, UnicodeError):
        return None


def _without_sentinel(coded: pa.DictionaryArray, n: int, *, alone: bool = False):
    """Leave the sentinel record's value out of the distinct values when no record has it.

    It is then the last distinct value (values are in order of first appearance). With
    ``alone`` (an ASCII file, where no cell can hold the sentinel's non-ASCII text) the
    records' codes are not looked at; otherwise they are, for the sentinel's code.
    """
    dictionary = coded.dictionary
    last = len(dictionary) - 1
    indices = coded.indices.slice(0, n)
    if dictionary[last].as_py() != _SENTINEL:
        return coded
    if not alone and np.asarray(indices).max(initial=-1) == last:
        return coded
    # (every code is below `last` now: nothing for Arrow to check)
    return pa.DictionaryArray.from_arrays(indices, dictionary.slice(0, last), safe=False)


def _flag_unclosed_quote(table: RawTable) -> None:
    """Report the last record, whose quote was never closed (the parser closed it at the end).

    The record runs to the end of the file: it is not kept, and the lines it swallowed that
    look like entries are named.
    """
    last = table.n_records - 1
    cells = [_cell(c, u, last) for c, u in zip(table.codes, table.uniques, strict=True)]
    value = table.delimiter.join(cell for cell in cells if cell)
    looks = _entry_lines(value)
    table.swallowed = [note for note in table.swallowed if note[0] != last]
    table.bad_positions.append(last)
    table.bad_values.append(excerpt(value))
    table.bad_messages.append(
        'a quote (") opened in this record is never closed, so the record runs to the '
        "end of the file"
        + (f", swallowing {_lines_named(looks)}" if looks else "")
        + "; close the quote; record not kept"
    )


def _read_header(data: bytes, encoding: str, delimiter: str, skip: int, source: str):
    """Return the header cells, and whether the first record is wider, read with :mod:`csv`.

    (pandas notices a wide *first* record only after building a column for each of its
    fields, which for 200,000 fields takes minutes.)
    """
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace", newline="")
    reader = csv.reader(stream, delimiter=delimiter, quotechar='"', doublequote=True)
    try:
        for _ in range(skip):
            next(reader, None)
        header = next(reader, None)
    except csv.Error as error:
        msg = f"{source}: the header line cannot be read as CSV ({error})."
        raise JournalError(msg, path=source) from error
    try:
        first = next(reader, None)
        more = first is not None
    except csv.Error:  # a record follows (with a cell larger than csv's limit)
        first, more = None, True
    if header is None or header == []:
        msg = (
            f"{source}: the first line is empty; the header line (timestamp,pain,...) must "
            "be the first line of the file."
        )
        raise JournalError(msg, path=source)
    if not more and any("\n" in cell or "\r" in cell for cell in header):
        msg = (
            f'{source}: a quote (") in the header line is never closed, so the whole '
            "file reads as one header cell; close or remove the quote."
        )
        raise JournalError(msg, path=source)
    if len(header) > MAX_COLUMNS:
        msg = (
            f"{source}: the header line has {len(header):,} columns; a pain journal has "
            f"{len(COLUMN_ORDER)} and at most {MAX_COLUMNS:,} are read. Is this the right "
            "file, or is the delimiter wrong? Pass delimiter= to choose it."
        )
        raise JournalError(msg, path=source)
    broken = [cell for cell in header if "\n" in cell or "\r" in cell]
    swallowed = [line for cell in broken for line in _entry_lines(cell)]
    if swallowed:
        msg = (
            f'{source}: a quote (") in the header line runs over {_lines_named(swallowed)}, '
            "so they would become a column name; close or remove the quote."
        )
        raise JournalError(msg, path=source)
    return header, first is not None and len(first) > len(header)


def _wide_records(data: bytes, skip: int, delimiter: str, width: int, n_records: int):
    """{position: fields} of the records with more than ``width`` fields, split by :mod:`csv`.

    None when :mod:`csv` and the C parser do not agree on the number of records (then
    the guard column alone decides).
    """
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace", newline="")
    reader = csv.reader(stream, delimiter=delimiter, quotechar='"', doublequote=True)
    found: dict[int, list[str]] = {}
    limit = csv.field_size_limit()
    count = 0
    try:
        csv.field_size_limit(max(limit, len(data) + 1))
        for _ in range(skip + 1):
            next(reader, None)
        for position, fields in enumerate(reader):
            count = position + 1
            if len(fields) > width:
                found[position] = fields
    except csv.Error:
        return None
    finally:
        csv.field_size_limit(limit)
    return found if count == n_records else None


def _flag_overflow(table, width, guard_codes, guard_uniques, data, skip) -> None:
    """Report the records with non-empty cells beyond the header's width: they cannot be placed.

    Called only when the C parser found a record wider than the header. Every record is
    then split again by :mod:`csv` (linear in the file's size) to see all its extra cells;
    should the two splits disagree on the records, the guard column (the first cell
    beyond the header) alone decides.
    """
    name = _DELIMITER_NAMES.get(table.delimiter, repr(table.delimiter))
    wide = _wide_records(data, skip, table.delimiter, width, table.n_records)
    if wide is None:
        filled = np.append([bool(str(u).strip()) for u in guard_uniques], False)
        wide = {
            int(p): [""] * width + [_cell(guard_codes, guard_uniques, p)]
            for p in np.flatnonzero(filled[guard_codes[:-1]])
        }
        exact = False
    else:
        exact = True
    for position, record in sorted(wide.items()):
        extra = record[width:]
        if not any(cell.strip() for cell in extra):
            continue
        value = table.delimiter.join(extra).strip(table.delimiter)
        # a quoted cell among the extra ones may have swallowed lines
        looks = _entry_lines(value)
        swallowing = f"; its extra cells run over {_lines_named(looks)}" if looks else ""
        table.bad_positions.append(position)
        table.bad_values.append(excerpt(value))
        fields_note = f"{len(extra):,} more fields" if exact else "more fields"
        table.bad_messages.append(
            f"{fields_note} than the header has columns ({width}): an unquoted {name} "
            f"inside a value? Put the value in double quotes{swallowing}; record not kept"
        )


# a date as the reader reads it (ISO, or day/month with / . or -), then a delimiter, a time
# or the end of the line
_ENTRY_LINE_RE = re.compile(
    r'\s*"?\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})([T ,;\t]|$)', re.ASCII
)


def _entry_lines(text: str) -> list[str]:
    """Lines after the first of a cell that start like a journal entry (a date)."""
    lines = re.split(r"\r\n?|\n", text)
    return [line for line in lines[1:] if _ENTRY_LINE_RE.match(line)]


def _lines_named(lines: list[str]) -> str:
    shown = ", ".join(repr(excerpt(line, 40)) for line in lines[:3])
    more = f" and {len(lines) - 3} more" if len(lines) > 3 else ""
    return f"{len(lines)} line{'s' * (len(lines) != 1)} that look like entries ({shown}{more})"


def _flag_swallowed(table: RawTable, columns: list[int] | None = None) -> None:
    """Cells spanning lines that look like entries: a quote opened and closed far later.

    Such a cell holds whole records (``"oops`` in a note, closed by the next quote in the
    file); they are named in a problem on that record, which stays kept. Only the
    ``columns`` (positions) are looked at, when given: those with a line end in some cell.
    """
    for position, (codes, uniques) in enumerate(zip(table.codes, table.uniques, strict=True)):
        if columns is not None and position not in columns:
            continue
        if uniques.dtype != object and uniques.dtype != "str":
            continue
        # one vectorised pass for the usual case: no line break at all
        broken = np.flatnonzero(np.asarray(uniques.str.contains(r"[\r\n]", regex=True), dtype=bool))
        if not broken.size:
            continue
        flagged = {
            int(code): lines
            for code in broken
            if isinstance(value := uniques[code], str) and (lines := _entry_lines(value))
        }
        for code, lines in flagged.items():
            for record in np.flatnonzero(codes == code).tolist():
                table.swallowed.append(
                    (
                        record,
                        position,
                        excerpt(str(uniques[code])),
                        f'this cell runs over {_lines_named(lines)}: a quote (") opened '
                        "here is probably closed only in a later record, so those entries "
                        "were not read on their own; close the quote (the text is kept as "
                        "it is)",
                    )
                )


def _filled(table: RawTable, position: int) -> bool:
    return any(
        _cell(c, u, position).strip() for c, u in zip(table.codes, table.uniques, strict=True)
    )


def _cell(codes: np.ndarray, uniques: pd.Index, position: int) -> str:
    code = codes[position]
    return str(uniques[code]) if code >= 0 else ""


def _clean(text: str) -> str:
    return text.replace("Error tokenizing data. C error: ", "").strip()
