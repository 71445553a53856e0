"""Bytes -> columns of codes for the journal reader (private).

Turns a file or buffer into the header and one ``(codes, uniques)`` pair per column, with
file-level faults raised as :class:`~sci_pain.journal.JournalError`. The CSV is parsed once
by pandas' C parser with ``dtype="category"``: the parser keeps one Python string per
*distinct* cell value, not one per cell, which is what makes the reader fast.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ._journal_errors import JournalError

__all__: list[str] = []

_DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_MAGIC = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)
_SAVE_AS_CSV = "open it in a spreadsheet and save it as 'CSV UTF-8 (comma delimited)'"
# A last record appended to every file before parsing: its value keeps pandas from turning
# a column's categories into numbers or booleans (which would change "007" into 7.0), and
# it sorts after digits, so the categories of a sorted timestamp column stay sorted (pandas
# then skips sorting them).
_SENTINEL = "\u00ff\u00ff"
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


def load(path_or_buffer) -> tuple[bytes, str, bool]:
    """Return (content, source name, content-was-already-text)."""
    if isinstance(path_or_buffer, str | os.PathLike):
        source = os.fspath(path_or_buffer)
        path = Path(source)
        if not path.exists():
            msg = (
                f"{source}: no such file. Check the name and the folder "
                f"(relative paths start from {Path.cwd()})."
            )
            raise JournalError(msg, path=source)
        if path.is_dir():
            msg = f"{source}: is a folder, not a journal file. Pass the path of a .csv file."
            raise JournalError(msg, path=source)
        try:
            return path.read_bytes(), source, False
        except OSError as error:
            msg = f"{source}: cannot be opened ({error.strerror or error})."
            raise JournalError(msg, path=source) from error
    read = getattr(path_or_buffer, "read", None)
    if read is None:
        msg = (
            "read_journal() needs a file path or an open file, not "
            f"{type(path_or_buffer).__name__}."
        )
        raise TypeError(msg)
    source = str(getattr(path_or_buffer, "name", "") or "<buffer>")
    try:
        content = read()
    except (OSError, UnicodeError) as error:
        msg = f"{source}: cannot be read ({error})."
        raise JournalError(msg, path=source) from error
    if isinstance(content, str):
        return content.encode("utf-8", errors="surrogatepass"), source, True
    return bytes(content), source, False


def decode(data: bytes, encoding: str | None, source: str, *, was_text: bool):
    """Check the content is text and return (UTF-8 bytes without BOM, "utf-8", label).

    The label names the encoding the file was in. Files in other encodings are transcoded
    to UTF-8 once here, so that the parser always reads UTF-8.
    """
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not body or body.isspace():
        msg = (
            f"{source}: the file is empty. A journal needs a header line "
            "(timestamp,pain,...) and one line per entry."
        )
        raise JournalError(msg, path=source)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            msg = f"{source}: this looks like {what}, not a CSV text file; {_SAVE_AS_CSV}."
            raise JournalError(msg, path=source)
    if encoding is None and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            msg = f"{source}: starts like UTF-16 text but cannot be decoded ({error.reason})."
            raise JournalError(msg, path=source) from error
        return _check_text(_utf8(text), "utf-16", source)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError as error:
            msg = (
                f"unknown encoding={encoding!r}; use for example 'utf-8', 'cp1252' or "
                "'latin-1', or leave it out to detect it."
            )
            raise JournalError(msg, path=source) from error
        except UnicodeDecodeError as error:
            msg = (
                f"{source}: cannot be decoded as {encoding} (byte {error.start}: "
                f"{error.reason}); leave encoding= out to detect it, or try 'cp1252'."
            )
            raise JournalError(msg, path=source) from error
        return _check_text(_utf8(text), encoding, source)
    if b"\x00" in data:
        msg = f"{source}: contains NUL bytes, so it is binary, not a CSV text file; {_SAVE_AS_CSV}."
        raise JournalError(msg, path=source)
    if data.isascii():
        return _check_text(data, "ascii", source)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        label = "utf-8-sig" if body is not data else "utf-8"
        return _check_text(body, label, source)
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        return _check_text(_utf8(text), fallback, source)
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _utf8(text: str) -> bytes:
    return text.lstrip("\ufeff").encode("utf-8", errors="surrogatepass")


def _check_text(data: bytes, label: str, source: str):
    if b"\x00" in data:
        msg = f"{source}: contains NUL characters, so it is not a CSV text file; {_SAVE_AS_CSV}."
        raise JournalError(msg, path=source)
    head = data[:4096].decode("utf-8", errors="replace")
    controls = sum(1 for char in head if ord(char) < 32 and char not in "\t\r\n\f")
    if controls > max(8, len(head) // 10):
        msg = f"{source}: is binary or not text (many control characters); {_SAVE_AS_CSV}."
        raise JournalError(msg, path=source)
    return data, "utf-8", label


def _split_header(text: str) -> tuple[str, bool]:
    """First line of the text (an Excel ``sep=`` hint line is skipped); was a hint found?"""
    text = text.lstrip("\ufeff")
    first, _, rest = text.partition("\n")
    first = first.rstrip("\r")
    if re.fullmatch(r"sep=.", first):
        return first, True
    return first, False


def sniff(data: bytes, encoding: str, delimiter: str | None, source: str) -> tuple[str, int]:
    """Return (delimiter, lines to skip before the header)."""
    head = data[:65536].decode(encoding, errors="replace")
    line, hint = _split_header(head)
    if delimiter is not None:
        named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
        delimiter = named.get(delimiter.lower(), delimiter) if len(delimiter) > 1 else delimiter
        if len(delimiter) != 1 or delimiter in '\r\n"':
            msg = f"delimiter={delimiter!r} is not a single character; use ',', ';' or '\\t'."
            raise JournalError(msg, path=source)
        return delimiter, int(hint)
    if hint:
        return line[4], 1
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties: comma, then semicolon
    return (best if counts[best] else ","), 0


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
    """pandas' C parser with the options every call shares; its errors as JournalError."""
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

    The header is read on its own first, with a sample of records. Then the records are
    parsed with ``dtype="category"``: the C parser hashes the raw bytes and keeps one Python
    string per distinct value. pandas sorts the categories unless they come out sorted, and
    sorting a million distinct strings is slow, so a column whose sample has mostly
    distinct, unsorted values (free-text notes, timestamps newest first) is parsed as
    objects and factorized here instead. (The header is kept out of the records, and the
    appended last record sorts after digits, so a sorted timestamp column stays sorted.)
    A record wider than the header widens the frame (the extra cells are checked in
    :func:`_flag_overflow`); an unterminated quote at the end of the file is closed and
    its record reported.
    """
    shared = {"sep": delimiter, "encoding": encoding}
    header, sample = _header_and_sample(data, source, skip, shared)
    many = _many_valued(sample, header)
    width = max(len(header), 1)
    names = list(range(width))
    closed_quote = False
    line_end = b"" if data.endswith((b"\n", b"\r")) else b"\n"
    for _attempt in range(12):
        sentinel = (delimiter.join([_SENTINEL] * len(names)) + "\n").encode("utf-8")
        try:
            with warnings.catch_warnings():
                # pandas drops the extra cells of a *first* record wider than `names`, with
                # only a warning: make it an error, and widen
                warnings.simplefilter("error", pd.errors.ParserWarning)
                frame = _read_csv(
                    (data, line_end + sentinel),
                    source,
                    header=None,
                    names=names,
                    dtype=defaultdict(lambda: "category", dict.fromkeys(many, object)),
                    skiprows=skip + 1,  # the header record (pandas counts quoted lines as one)
                    low_memory=False,  # one chunk: no union of categoricals across chunks
                    **shared,
                )
            break
        except pd.errors.ParserWarning:
            names = list(range(2 * len(names)))
            continue
        except pd.errors.ParserError as error:
            text = str(error)
            fields = _FIELDS_RE.search(text)
            if fields:
                names = list(range(max(int(fields.group(3)), 2 * len(names))))
                continue
            if "EOF inside string" in text and not closed_quote:
                data = data + b'"'
                line_end = b"\n"
                closed_quote = True
                continue
            msg = f"{source}: cannot be read as CSV ({_clean(text)})."
            raise JournalError(msg, path=source) from error
    else:  # pragma: no cover - a line with more than 2**12 times the header's fields
        msg = f"{source}: some lines have far more fields than the header."
        raise JournalError(msg, path=source)
    codes, uniques = [], []
    for column in frame.columns:
        series = frame[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            codes.append(series.cat.codes.to_numpy())
            uniques.append(series.cat.categories)
        else:  # hashed here, without sorting
            column_codes, column_uniques = pd.factorize(series.to_numpy(dtype=object))
            codes.append(column_codes)
            uniques.append(pd.Index(column_uniques, dtype=object))
    if not len(frame) or _cell(codes[0], uniques[0], len(frame) - 1) != _SENTINEL:
        msg = f"{source}: cannot be read as CSV (the end of the file is garbled)."
        raise JournalError(msg, path=source)
    table = RawTable(
        header=header,
        codes=[c[:-1] for c in codes],
        uniques=uniques,
        n_records=len(frame) - 1,
        delimiter=delimiter,
        encoding=label,
    )
    if len(names) > width:
        _flag_overflow(table, width)
    if closed_quote and table.n_records and _filled(table, table.n_records - 1):
        last = table.n_records - 1
        cells = [_cell(c, u, last) for c, u in zip(table.codes, table.uniques, strict=True)]
        value = delimiter.join(cell for cell in cells if cell)
        table.bad_positions.append(last)
        table.bad_values.append(value[:80] + ("..." if len(value) > 80 else ""))
        table.bad_messages.append(
            'a quote (") opened in this record is never closed, so the record runs to the '
            "end of the file; close the quote; record not kept"
        )
    return table


_SAMPLE_RECORDS = 1000


def _header_and_sample(data: bytes, source: str, skip: int, shared: dict):
    """The header cells, and the first records as objects (None if they do not parse)."""
    try:
        head = _read_csv(
            data,
            source,
            header=None,
            nrows=_SAMPLE_RECORDS + 1,
            dtype=object,
            skiprows=skip,
            **shared,
        )
    except pd.errors.ParserError:  # a bad record in the sample: read the header alone
        head = None
    if head is None:
        try:
            head = _read_csv(
                data, source, header=None, nrows=1, dtype=object, skiprows=skip, **shared
            )
        except pd.errors.ParserError as error:
            text = str(error)
            if "EOF inside string" in text:
                msg = (
                    f'{source}: a quote (") in the header line is never closed, so the whole '
                    "file reads as one header cell; close or remove the quote."
                )
            else:
                msg = f"{source}: the header line cannot be read as CSV ({_clean(text)})."
            raise JournalError(msg, path=source) from error
        sample = None
    else:
        sample = head.iloc[1:]
    header = ["" if _absent(v) else str(v) for v in head.iloc[0].tolist()] if len(head) else []
    # the header row may be shorter than the sample's widest record
    header = header[: _header_width(head.iloc[0].tolist())] if len(head) else []
    return header, sample


def _header_width(cells: list) -> int:
    """Fields in the header record (pandas pads it when later records are wider)."""
    width = len(cells)
    while width > 1 and _absent(cells[width - 1]):
        width -= 1
    return width


def _many_valued(sample: pd.DataFrame | None, header: list[str]) -> set[int]:
    """Positions of columns whose sample holds mostly distinct values that pandas would sort.

    A mostly distinct ``timestamp`` column in time order (or a cohort's timestamps, person
    by person) stays categorical: pandas finds its categories sorted, or sorts few. Any
    other mostly distinct column (free-text notes), or timestamps out of order (newest
    first), is parsed as objects.
    """
    if sample is None or len(sample) < 50:
        return set()
    positions = set()
    for position, column in enumerate(sample.columns):
        values = [v for v in sample[column].tolist() if isinstance(v, str) and v.strip()]
        if len(set(values)) <= 0.5 * len(sample):
            continue
        name = header[position].strip().casefold() if position < len(header) else ""
        if name == "timestamp":
            descents = sum(a > b for a, b in zip(values, values[1:], strict=False))
            if descents <= 0.05 * len(values):
                continue
        positions.add(position)
    return positions


def _absent(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _flag_overflow(table: RawTable, width: int) -> None:
    """Records with non-empty cells beyond the header's width cannot be placed."""
    extra_codes = table.codes[width:]
    extra_uniques = table.uniques[width:]
    del table.codes[width:], table.uniques[width:]
    if not extra_codes or table.n_records == 0:
        return
    overflow = np.zeros(table.n_records, dtype=bool)
    counts = np.zeros(table.n_records, dtype=np.int64)
    for codes, uniques in zip(extra_codes, extra_uniques, strict=True):
        filled = np.append([bool(str(u).strip()) for u in uniques], False)
        has = filled[codes]
        overflow |= has
        counts += has
    for position in np.flatnonzero(overflow):
        cells = [_cell(c, u, position) for c, u in zip(extra_codes, extra_uniques, strict=True)]
        value = table.delimiter.join(cells).rstrip(table.delimiter)
        table.bad_positions.append(int(position))
        table.bad_values.append(value[:80] + ("..." if len(value) > 80 else ""))
        name = _DELIMITER_NAMES.get(table.delimiter, repr(table.delimiter))
        table.bad_messages.append(
            f"more fields than the header has columns ({width}): an unquoted {name} "
            "inside a value? Put the value in double quotes; record not kept"
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
