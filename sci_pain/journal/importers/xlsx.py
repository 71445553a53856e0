"""Read a pain journal kept in a spreadsheet workbook (``.xlsx``) without losing a record.

A journal typed into Excel, LibreOffice or Google Sheets and saved as ``.xlsx`` has the same
columns as the journal CSV (:mod:`sci_pain.journal.schema`): :func:`read_journal_xlsx` reads
one sheet with :mod:`openpyxl` and hands the cells to the journal's own validator, so the
rules, the ``problems`` table (row, column, value, problem, kept) and the accounting are the
CSV reader's. What a workbook adds:

* ``row`` is the row number the spreadsheet shows; the header is the first row with a
  value (blank rows above it hold nothing). Rows where every cell is empty are skipped but
  still counted, as in a CSV file.
* Cells the spreadsheet holds as dates (``datetime`` cells) are read as they are, to the
  second. Dates typed as **text** (``03/04/2026``) follow the journal's rule that day and
  month are never guessed: when a day above 12 shows the order, the whole column is read in
  that order; when every day is 12 or less, a :class:`~sci_pain.errors.JournalError`
  asks for the order (``date_order=``; :func:`~sci_pain.journal.importers._dates.in_importer_words`).
* Formulas are read as the value the spreadsheet last computed and saved.
* Cells to the right of the last column with a header are reported on their row.
* Bounded work: a file larger than :data:`MAX_BYTES` or whose parts unpack to more than
  :data:`MAX_UNPACKED` is refused before it is read; a header with more than
  :data:`~sci_pain.journal._io.MAX_COLUMNS` columns is refused as in the CSV reader; at most
  1,048,576 rows (a spreadsheet's limit) are read; the work grows with the cells present,
  not with the row and column numbers they claim. A damaged workbook, an old ``.xls`` file
  or a file that is not a workbook gives a :class:`~sci_pain.errors.JournalError`
  that says so, never a traceback.

Examples
--------
>>> import io
>>> from openpyxl import Workbook
>>> book = Workbook()
>>> sheet = book.active
>>> sheet.append(["timestamp", "pain", "site"])
>>> sheet.append(["2026-03-02 08:00", 4, "Knee"])
>>> sheet.append(["2026-03-02 20:00", 11, "calf"])
>>> buffer = io.BytesIO()
>>> book.save(buffer)
>>> journal = read_journal_xlsx(io.BytesIO(buffer.getvalue()))
>>> journal.entries[["row", "timestamp", "pain", "site"]]
   row           timestamp  pain  site
0    2 2026-03-02 08:00:00     4  knee
>>> journal.problems[["row", "column", "value", "kept"]]
   row column value   kept
0    3   pain    11  False
"""

from __future__ import annotations

import datetime as _dt
import difflib
import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Union

import pandas as pd

from sci_pain.errors import JournalError
from sci_pain.journal._io import (
    MAX_COLUMNS,
    excerpt,
    read_bounded,
    size_text,
    source_name,
    too_large,
)
from sci_pain.journal.dates import day_month_dates
from sci_pain.journal.importers._dates import in_importer_words, order_found_note
from sci_pain.journal.problems import problems_frame
from sci_pain.journal.reader import Journal, journal_from_frame
from sci_pain.journal.schema import COLUMN_ORDER

__all__ = ["read_journal_xlsx", "MAX_BYTES", "MAX_UNPACKED", "is_xlsx"]

PathOrBuffer = Union[str, "os.PathLike[str]", IO[bytes]]

MAX_BYTES = 512 * 1024 * 1024
"""Largest workbook file read (as the CSV reader: a journal of a million entries is far less)."""

_WANTED = "the workbook file itself"

MAX_UNPACKED = 512 * 1024 * 1024
"""Most bytes a workbook's parts may unpack to (a workbook is a zip archive of XML files)."""

MAX_ROWS = 1_048_576
"""Rows read at most: the most a spreadsheet sheet can have."""

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected .xlsx
_SAVE_AS = "open it in the spreadsheet and save it as '.xlsx' (Excel Workbook) or as CSV"


def is_xlsx(data: bytes) -> bool:
    r"""Whether bytes look like an ``.xlsx`` workbook (a zip archive), from the first bytes.

    Examples
    --------
    >>> is_xlsx(b"PK\x03\x04..."), is_xlsx(b"timestamp,pain\n")
    (True, False)
    """
    return bytes(data[:4]) == _ZIP_MAGIC


def _normalize(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lstrip("\ufeff").strip().casefold())


def _cannot_open(name: str, error: OSError) -> JournalError:
    msg = f"{name}: cannot be opened ({error.strerror or error}). Check its permissions."
    return JournalError(msg, path=name)


def _head_of_file(path: Path, name: str) -> tuple[bytes, Any]:
    """Check a regular file's size and read its first bytes; the file is read later."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise too_large(name, MAX_BYTES, "workbook file")
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise _cannot_open(name, error) from error
    return head, path


def _head_and_source(path_or_buffer: Any, name: str) -> tuple[bytes, Any]:
    """Return the first bytes, and the workbook as a path or in memory (None: not one)."""
    is_path = isinstance(path_or_buffer, str | os.PathLike)
    if is_path and Path(path_or_buffer).is_file():
        return _head_of_file(Path(path_or_buffer), name)
    if is_path and Path(path_or_buffer).exists() and not Path(path_or_buffer).is_dir():
        # a device or a pipe (/dev/zero): look at its first bytes before reading on
        try:
            with Path(path_or_buffer).open("rb") as handle:
                return _head_then_rest(handle, name)
        except OSError as error:
            raise _cannot_open(name, error) from error
    if hasattr(path_or_buffer, "read"):
        seekable = getattr(path_or_buffer, "seekable", None)
        if callable(seekable) and seekable():
            path_or_buffer.seek(0)  # a zip archive is read whole: where the file stands is moot
        return _head_then_rest(path_or_buffer, name)
    # a missing path, a folder, or not a file at all: read_bounded says which
    read_bounded(path_or_buffer, limit=MAX_BYTES, what="workbook file", wanted=_WANTED)
    return b"", None


def _check_head(head: bytes, name: str) -> None:
    """Refuse what does not start like an .xlsx workbook, saying what it is instead."""
    if not head:
        msg = f"{name}: is empty: save the journal from the spreadsheet again and pass that file."
        raise JournalError(msg, path=name)
    if head == _OLE_MAGIC:
        msg = (
            f"{name}: is an old Excel .xls workbook or a password-protected one, which is "
            f"not read: {_SAVE_AS} (without a password)."
        )
        raise JournalError(msg, path=name)
    if head[:4] != _ZIP_MAGIC:
        msg = (
            f"{name}: is not an .xlsx workbook (an .xlsx file is a zip archive, and this one "
            "does not start like one). If it is a CSV file, read it with read_journal(); "
            f"otherwise {_SAVE_AS}."
        )
        raise JournalError(msg, path=name)


def _check_archive(source: Any, name: str) -> None:
    """Refuse a damaged zip, an inflated one, or one that holds no workbook."""
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        msg = (
            f"{name}: the Excel workbook is damaged and cannot be opened ({excerpt(str(error), 80)}); "
            f"{_SAVE_AS} again."
        )
        raise JournalError(msg, path=name) from error
    if isinstance(source, io.BytesIO):
        source.seek(0)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        msg = (
            f"{name}: its parts unpack to {size_text(unpacked)}, more than the "
            f"{size_text(MAX_UNPACKED)} a pain journal could need; it is not read (a damaged "
            "or a deliberately inflated file?)."
        )
        raise JournalError(msg, path=name)
    if "xl/workbook.xml" not in {part.filename for part in parts}:
        msg = (
            f"{name}: is a zip archive but not an Excel workbook (it has no xl/workbook.xml; "
            f"a Word or LibreOffice document?): {_SAVE_AS}."
        )
        raise JournalError(msg, path=name)


def _open(path_or_buffer: Any) -> tuple[Any, str]:
    """Check the workbook before anything is unpacked; return it as a path or in memory."""
    name = source_name(path_or_buffer)
    head, source = _head_and_source(path_or_buffer, name)
    _check_head(head, name)
    _check_archive(source, name)
    return source, name


def _head_then_rest(stream: Any, name: str) -> tuple[bytes, io.BytesIO | None]:
    """Read the first 8 bytes, and the whole content only if they start like a workbook."""
    try:
        head = stream.read(8)
    except (OSError, ValueError) as error:
        msg = f"{name}: cannot be read ({error})."
        raise JournalError(msg, path=name) from error
    if isinstance(head, str):
        msg = f"{name}: is open as text; an .xlsx workbook must be opened in binary mode ('rb')."
        raise JournalError(msg, path=name)
    head = bytes(head or b"")
    if head[:4] != _ZIP_MAGIC:
        return head, None
    rest, _ = read_bounded(stream, limit=MAX_BYTES, what="workbook file", wanted=_WANTED)
    if len(head) + len(rest) > MAX_BYTES:
        raise too_large(name, MAX_BYTES, "workbook file")
    return head, io.BytesIO(head + rest)


def _damaged(name: str, error: BaseException) -> JournalError:
    detail = excerpt(f"{type(error).__name__}: {error}", 100)
    msg = f"{name}: the Excel workbook is damaged and cannot be read ({detail}); {_SAVE_AS} again."
    return JournalError(msg, path=name)


def _sheet(book: Any, sheet: int | str | None, name: str):
    sheets = list(book.worksheets)
    names = [s.title for s in sheets]
    if not sheets:
        msg = f"{name}: the workbook has no sheet with cells (only charts?)."
        raise JournalError(msg, path=name)
    if sheet is None:
        return sheets[0], names[1:]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if not 0 <= sheet < len(sheets):
            msg = (
                f"{name}: has {len(sheets)} sheet(s), so sheet={sheet} does not exist; sheets "
                f"are counted from 0: {', '.join(f'{i}: {n!r}' for i, n in enumerate(names))}."
            )
            raise JournalError(msg, path=name)
        return sheets[sheet], [n for n in names if n != names[sheet]]
    if isinstance(sheet, str):
        if sheet in names:
            return sheets[names.index(sheet)], [n for n in names if n != sheet]
        close = difflib.get_close_matches(sheet, names, n=2, cutoff=0.5)
        hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
        msg = (
            f"{name}: has no sheet called {sheet!r}; its sheets are "
            f"{', '.join(map(repr, names))}.{hint}"
        )
        raise JournalError(msg, path=name)
    msg = f"sheet must be a sheet's name or its number (from 0), not {type(sheet).__name__}."
    raise TypeError(msg)


def _rows(book: Any, sheet: Any) -> Iterator[tuple[int, dict[int, Any]]]:
    """(spreadsheet row, {column number: value}) for each row the sheet's XML holds.

    openpyxl's own row iterator fills in every row and column a sheet *claims* (one cell in
    row 1,000,000 costs a million empty rows); its sheet parser yields only the cells
    present, so it is used when this openpyxl has it, and the iterator otherwise.
    """
    try:
        from openpyxl.worksheet._reader import WorkSheetParser
        from openpyxl.xml.constants import SHEET_MAIN_NS

        formula_tag = f"{{{SHEET_MAIN_NS}}}f"

        class Parser(WorkSheetParser):
            def parse_cell(self, element):
                cell = super().parse_cell(element)
                if cell.get("value") is None and element.find(formula_tag) is not None:
                    cell["value"] = NO_SAVED_VALUE
                return cell

        options: dict[str, Any] = {
            "data_only": True,
            "epoch": book.epoch,
            "date_formats": book._date_formats,
        }
        if hasattr(book, "_timedelta_formats"):
            options["timedelta_formats"] = book._timedelta_formats
        source = sheet._get_source()
        parser = Parser(source, sheet._shared_strings, **options)
    except (ImportError, AttributeError, TypeError):
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_row=MAX_ROWS), 1):
            yield number, {i: v for i, v in enumerate(values, start=1) if v is not None}
        return
    try:
        for number, cells in parser.parse():
            if number > MAX_ROWS:
                break
            yield number, {c["column"]: c["value"] for c in cells if c.get("value") is not None}
    finally:
        source.close()


class _NoSavedValue:
    """A formula cell whose result was never saved (a file written by a program)."""

    def __repr__(self) -> str:
        return "<formula without a saved value>"


NO_SAVED_VALUE = _NoSavedValue()


def _cell(value: Any) -> Any:
    """Turn a workbook value into one for the validator: datetimes to the second."""
    if isinstance(value, _dt.datetime):
        rounded = value + _dt.timedelta(microseconds=500_000)
        return rounded.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.time | _dt.timedelta):
        return str(value)
    return value


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def read_journal_xlsx(
    path_or_buffer: PathOrBuffer,
    *,
    sheet: int | str | None = None,
    columns: Mapping[str, str] | None = None,
    date_format: str | None = None,
    date_order: str | None = None,
) -> Journal:
    """Read a pain journal from an ``.xlsx`` workbook, with the CSV reader's checks.

    Parameters
    ----------
    path_or_buffer : str, path or binary file
        The workbook.
    sheet : str or int, optional
        The sheet to read, by name or by number from 0. By default the first sheet; the
        others are named in a note on row 1.
    columns : mapping, optional
        Header in the sheet -> journal column, e.g. ``{"Pain level": "pain"}``. Headers are
        otherwise matched ignoring case, surrounding spaces, and spaces/hyphens vs ``_``.
    date_format : str, optional
        A :func:`~datetime.datetime.strptime` format for dates typed as text, e.g.
        ``"%d/%m/%Y %H:%M"``; ``date_order`` is simpler.
    date_order : {"day first", "month first", "year first"}, optional
        How dates typed as text are written. Needed when such dates can be read both day
        first and month first (the error's ``needs_date_order`` is True); cells the
        spreadsheet holds as dates need none.

    Returns
    -------
    Journal
        As :func:`~sci_pain.journal.reader.read_journal` returns it; ``row`` is the
        spreadsheet's row number.

    Raises
    ------
    JournalError
        If the file is missing, too large, not an ``.xlsx`` workbook (an old ``.xls``, a
        CSV, a damaged zip), has no header or lacks ``timestamp`` or ``pain``, or if its
        text dates can be read both day first and month first and neither ``date_order``
        nor ``date_format`` is given.

    See Also
    --------
    read_journal : the same for a CSV file.

    Examples
    --------
    >>> import io
    >>> from openpyxl import Workbook
    >>> book = Workbook()
    >>> book.active.append(["When", "Pain level"])
    >>> book.active.append(["24/03/2026 08:00", 3])
    >>> book.active.append(["02/04/2026 08:00", 5])
    >>> buffer = io.BytesIO()
    >>> book.save(buffer)
    >>> journal = read_journal_xlsx(buffer, columns={"When": "timestamp", "Pain level": "pain"})
    >>> journal.entries[["row", "timestamp", "pain"]]
       row           timestamp  pain
    0    2 2026-03-24 08:00:00     3
    1    3 2026-04-02 08:00:00     5
    """
    import openpyxl

    if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, int | str)):
        msg = f"sheet must be a sheet's name or its number (from 0), not {type(sheet).__name__}."
        raise TypeError(msg)
    source, name = _open(path_or_buffer)
    mapping = {_normalize(str(k)): v for k, v in (columns or {}).items()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it cannot use
            book = openpyxl.load_workbook(source, read_only=True, data_only=True)
            try:
                target, others = _sheet(book, sheet, name)
                header, header_row, records, rows, extra, formulas = _read_cells(book, target, name)
            finally:
                book.close()
    except JournalError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _damaged(name, error) from error
    labels = []
    for i, text in enumerate(header):
        key = _normalize(text)
        target_name = mapping.get(key) or (key if key in COLUMN_ORDER else None)
        labels.append(target_name or text or f"column_{i + 1}")
    raw = pd.DataFrame(records, columns=labels, dtype=object)
    notes = []
    if "timestamp" in labels and date_format is None:
        position = labels.index("timestamp")
        cells = raw.iloc[:, position].tolist()
        with in_importer_words():
            converted, order = day_month_dates(
                cells, source=name, column=header[position], rows=rows, order=date_order
            )
        raw.isetitem(position, pd.Series(converted, dtype=object))
        note = order_found_note(cells, rows, order, chosen=date_order)
        if note is not None:
            notes.append((1, "timestamp", note[0] or None, note[1], True))
    if others:
        notes.append(
            (
                1,
                None,
                excerpt(", ".join(others), 200),
                f"sheet {target.title!r} read; the workbook's other sheets are not",
                True,
            )
        )
    if header_row > 1:
        notes.append(
            (1, None, None, f"the header is on row {header_row}; the rows above it are empty", True)
        )
    for number, i in formulas:
        notes.append(
            (
                number,
                labels[i],
                None,
                "a formula whose result was never saved (the file was written by a program, "
                "not by a spreadsheet): open the file in the spreadsheet and save it; read as "
                "empty",
                True,
            )
        )
    problems = problems_frame(notes + extra)
    return journal_from_frame(
        raw, source=name, rows=rows, extra_problems=problems, date_format=date_format
    )


def _header_cells(cells: dict[int, Any], number: int, name: str) -> list[str]:
    """Return the header row's texts, refusing a header wider than any journal."""
    width = max(cells)
    if width > MAX_COLUMNS:
        msg = (
            f"{name}: the header row (row {number}) reaches column {width:,}; a pain "
            f"journal has {len(COLUMN_ORDER)} and at most {MAX_COLUMNS:,} are read. "
            "Is this the right sheet?"
        )
        raise JournalError(msg, path=name)
    return [_header_text(cells.get(i)) for i in range(1, width + 1)]


@dataclass
class _Cells:
    """What the sheet's rows below the header hold, as the validator will be given it."""

    width: int
    records: list[list[Any]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    extra: list[tuple] = field(default_factory=list)
    formulas: list[tuple[int, int]] = field(default_factory=list)

    def add(self, number: int, cells: dict[int, Any]) -> None:
        """Keep one row's values (up to the header's width); report cells beyond it."""
        values = [_cell(cells.get(i)) for i in range(1, self.width + 1)]
        for i, value in enumerate(values):
            if value is NO_SAVED_VALUE:
                values[i] = None
                self.formulas.append((number, i))
        beyond = [(c, v) for c, v in cells.items() if c > self.width]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            if beyond:
                self.extra.append(_beyond(number, beyond, kept=False))
            return
        if beyond:
            self.extra.append(_beyond(number, beyond, kept=True))
        self.records.append(values)
        self.rows.append(number)


def _read_cells(book: Any, sheet: Any, name: str):
    header: list[str] | None = None
    header_row = 0
    found = _Cells(width=0)
    last = 0
    disorder = 0
    for number, cells in _rows(book, sheet):
        if number <= last:
            disorder += 1
            continue
        last = number
        if not cells:
            continue
        if header is None:
            header, header_row = _header_cells(cells, number, name), number
            found.width = len(header)
            continue
        found.add(number, cells)
    if header is None:
        msg = (
            f"{name}: sheet {sheet.title!r} is empty; the header row (timestamp, pain, ...) "
            "must be its first row with a value."
        )
        raise JournalError(msg, path=name)
    if disorder:
        found.extra.append(
            (
                1,
                None,
                f"{disorder} row(s)",
                "rows stored out of order in the workbook (a damaged file?); not read",
                True,
            )
        )
    return header, header_row, found.records, found.rows, found.extra, found.formulas


def _beyond(number: int, cells: list[tuple[int, Any]], *, kept: bool) -> tuple:
    from openpyxl.utils import get_column_letter

    cells.sort()
    shown = "; ".join(f"{get_column_letter(min(c, 16384))}={v}" for c, v in cells[:5])
    more = f" and {len(cells) - 5} more" if len(cells) > 5 else ""
    what = "; record not kept" if not kept else ""
    return (
        number,
        None,
        excerpt(shown + more, 200),
        f"{len(cells)} cell(s) to the right of the last column with a header: not read{what}",
        kept,
    )
