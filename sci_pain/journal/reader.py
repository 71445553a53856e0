r"""Read, check and write pain journals without losing a record.

A journal is a CSV file with one row per diary entry (columns in
:mod:`sci_pain.journal.schema`, documented in ``data/README.md``). :func:`read_journal` returns
a :class:`Journal`: the typed ``entries`` and a ``problems`` table that accounts for every
record. The rules:

* ``row`` is the row number a spreadsheet shows: the header is row 1, the first record row 2,
  a quoted note spanning several lines is one row. Lines where every cell is empty hold
  nothing and are skipped, but they still count, so the numbers match the spreadsheet.
* A record with a missing or invalid ``timestamp`` or ``pain`` is not kept (``kept`` False);
  an invalid optional value is cleared and the record kept (``kept`` True). Every record is
  in ``entries`` or has a ``kept == False`` problem, never both and never neither.
* An **exact duplicate** (every value the same as in an earlier record once read:
  ``2026-03-01`` and ``2026-03-01T00:00`` are the same time, ``Knee`` and ``knee`` the same
  site, a cleared invalid value counts as missing) is not kept: the first copy stays, and
  each later copy is reported as ``duplicate of row N`` with ``kept`` False. Repeated
  timestamps with different values are not duplicates (two pains rated at the same time).
* ``entries`` are sorted by time; records with equal times stay in file order.
* Text (``problem``, ``notes``, unknown columns) is stripped of surrounding spaces; line ends
  inside a quoted note become ``\n``.
* **Unknown columns** are kept in ``entries`` under their header as written (stripped of
  spaces) as text, after the schema columns, and reported once in row 1. A name that would
  clash with an entries column gets the prefix ``extra_``. A column with neither a header nor
  any value is dropped.
* Vocabulary values are matched case-insensitively with spaces and hyphens read as ``_``
  (``"Pins and needles"`` is ``pins_and_needles``); multi-value cells (``quality``,
  ``interventions``) may be separated by ``;``, ``,`` or ``|`` and are stored as ``;``-joined
  values in vocabulary order.
* Numbers may use a decimal comma (``7,5``); ``1,500`` is rejected as ambiguous. Timestamps
  are ISO 8601 (``2026-03-01T08:00``, ``2026-03-01 08:00``, seconds optional, or a date
  alone), or follow ``date_format=``. Day/month dates are never guessed: when most records
  have them (``24/11/2026``), the order is read from the column as a whole under the rule of
  :mod:`sci_pain.journal.dates` (a day above 12 shows day-first), and a note on the header
  says so; when every day is 12 or less, or the column mixes both orders, a
  :class:`~sci_pain.errors.DateOrderError` asks for the order. In a mostly ISO file a
  day/month date is a problem on its record.
  A timestamp outside the years 1900-2100 (``0001``, ``9999``: a typing slip), with a
  seconds value of 60, or written with digits other than 0-9 (Arabic-Indic, full-width) is a
  problem on its record; so is a number written with such digits.
* Bounded work: at most 512 MB are read (``/dev/zero`` is refused after its first 64 KB), a
  header may have at most 1,000 columns, a record wider than the header costs its bytes
  (its extra cells are reported, the records after it are read), and ``problems["value"]``
  quotes at most 200 characters of a cell, with the cell's size.
* A quoted cell that runs over lines which look like entries (a quote opened in a note and
  closed only records later) is reported on its record, naming those lines.
* Files may be UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252/Latin-1
  (tried in that order); delimited by comma, semicolon or tab (the most frequent in the
  header line); with ``\n``, ``\r\n`` or ``\r`` line ends; and may start with Excel's
  ``sep=`` line. Header names are matched ignoring case, surrounding spaces, and spaces or
  hyphens for ``_`` (``" Sleep Hours"`` is ``sleep_hours``).

Formula escaping (spreadsheets run a cell starting with ``=``, ``+``, ``-`` or ``@``, and some
treat a leading tab or carriage return alike): the writer puts a ``'`` before every text cell
(and unknown column name) that starts with one of them, or with quotes followed by one; the reader removes one leading ``'`` from such cells. So text
survives a round trip exactly, and a cell typed in a spreadsheet as ``'=1+1`` reads as
``=1+1``, as the spreadsheet shows it.

Examples
--------
>>> import io
>>> text = '''timestamp,pain,site,notes
... 2026-03-02 08:00,4,Knee,
... 2026-03-01 20:00,11,foot,too much
... 2026-03-01 21:00,6,fot,"walked
... far"
... '''
>>> journal = read_journal(io.StringIO(text))
>>> journal.entries[["row", "timestamp", "pain", "site"]]
   row           timestamp  pain  site
0    4 2026-03-01 21:00:00     6   NaN
1    2 2026-03-02 08:00:00     4  knee
>>> journal.problems[["row", "column", "value", "kept"]]
   row column value   kept
0    3   pain    11  False
1    4   site   fot   True
"""

from __future__ import annotations

import functools
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from sci_pain.errors import JournalError, did_you_mean
from sci_pain.journal import _codes, _csv, _order
from sci_pain.journal import _io as _journal_io
from sci_pain.journal import _parse as _journal_parse
from sci_pain.journal._header import extra_names, map_header, missing_columns_error
from sci_pain.journal._write import to_csv_text
from sci_pain.journal.dates import (
    DATE_ORDERS,
    date_order_note,
    day_month_dates,
    is_day_month_date,
)
from sci_pain.journal.problems import (
    TEXT_DTYPE,
    gather_problems,
    plural,
    typed_problems,
)
from sci_pain.journal.schema import COLUMN_ORDER, COLUMNS, REQUIRED, ROW, Column

__all__ = ["Journal", "JournalError", "read_journal", "journal_from_frame"]


# -- the Journal -----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Journal:
    r"""A pain journal: typed entries plus a table accounting for every record.

    Parameters
    ----------
    entries : pandas.DataFrame
        One row per kept record, sorted by ``timestamp`` (ties in file order): ``row`` (the
        spreadsheet row, int64), then every column of :data:`~sci_pain.journal.schema.COLUMNS`
        with its dtype (``Column.dtype``; absent columns are all missing), then any unknown
        columns as text.
    problems : pandas.DataFrame
        Columns ``row`` (int64; 1 for the header), ``column`` (missing for a whole-record
        problem), ``value`` (the cell as read), ``problem`` (what is wrong and what was
        done), ``kept`` (bool: is the record in ``entries``?), sorted by row.
    source : str
        Where the records came from (a file name, ``<buffer>`` or an importer's label).
    encoding : str, optional
        The text encoding the file was read with, when there was a file.

    See Also
    --------
    read_journal, journal_from_frame, deidentify

    Examples
    --------
    >>> import io
    >>> journal = read_journal(io.StringIO("timestamp,pain\n2026-03-01,3\n2026-03-02,x\n"))
    >>> journal.n_records, journal.n_entries, journal.n_dropped
    (2, 1, 1)
    >>> print(journal.summary())
    <buffer>: 2 records, 1 kept, 1 not kept; 1 problem in 1 record; 2026-03-01 to 2026-03-01
    """

    entries: pd.DataFrame
    problems: pd.DataFrame
    source: str
    encoding: str | None = field(default=None)

    # -- counts ------------------------------------------------------------------------------
    @property
    def n_entries(self) -> int:
        """Number of records kept in ``entries``."""
        return len(self.entries)

    @property
    def n_dropped(self) -> int:
        """Number of records not kept (each has a ``kept == False`` problem)."""
        dropped = self.problems.loc[~self.problems["kept"].astype(bool), "row"]
        return int(dropped[dropped > 1].nunique())

    @property
    def n_records(self) -> int:
        """Number of records in the source: ``n_entries + n_dropped``."""
        return self.n_entries + self.n_dropped

    @property
    def n_problem_records(self) -> int:
        """Number of records (header excluded) with at least one problem."""
        rows = self.problems["row"]
        return int(rows[rows > 1].nunique())

    @property
    def is_clean(self) -> bool:
        """True when no record has a problem (header notes such as unknown columns aside)."""
        return self.n_problem_records == 0

    @property
    def extra_columns(self) -> list[str]:
        """Columns of ``entries`` that are not in the journal format (kept as text)."""
        return [c for c in self.entries.columns if c != ROW and c not in COLUMNS]

    def summary(self) -> str:
        """One line: records kept and not kept, problems, and the time span.

        Returns
        -------
        str
        """
        header = int((self.problems["row"] == 1).sum())
        record_problems = len(self.problems) - header
        text = (
            f"{self.source}: {plural(self.n_records, 'record')}, {self.n_entries} kept, "
            f"{self.n_dropped} not kept; {plural(record_problems, 'problem')} in "
            f"{plural(self.n_problem_records, 'record')}"
        )
        if header:
            text += f"; {plural(header, 'note')} on the header"
            notes = self.problems.loc[self.problems["row"] == 1, "problem"].astype(str)
            for note in notes[notes.str.startswith("dates read ")]:
                text += "; " + note.split(",")[0].split(":")[0]
        if self.n_entries:
            first = self.entries["timestamp"].min()
            last = self.entries["timestamp"].max()
            if pd.notna(first):
                text += f"; {first:%Y-%m-%d} to {last:%Y-%m-%d}"
        if self.encoding not in (None, "ascii", "utf-8", "utf-8-sig"):
            text += f"; read as {self.encoding}"
        return text

    def __repr__(self) -> str:
        return (
            f"<Journal {self.source!r}: {self.n_entries} entries, "
            f"{self.n_dropped} not kept, {len(self.problems)} problems>"
        )

    # -- output ------------------------------------------------------------------------------
    def to_csv(self, path_or_buffer: str | os.PathLike | io.IOBase | None = None) -> str | None:
        r"""Write the entries as a journal CSV (UTF-8, ``\n`` line ends).

        Columns are written in schema order (every schema column, empty when absent), then
        unknown columns; ``row`` is not written. Timestamps are ISO 8601
        (``2026-03-01T08:00``; seconds only when some entry has them). Text cells that a
        spreadsheet would run as a formula are escaped with a leading ``'``, which
        :func:`read_journal` removes, so ``read_journal(j.to_csv())`` has equal entries
        (``row`` apart, which numbers the new file).

        Parameters
        ----------
        path_or_buffer : str, path or file, optional
            Where to write. When omitted, the CSV text is returned.

        Returns
        -------
        str or None

        Examples
        --------
        >>> import io
        >>> journal = read_journal(io.StringIO("timestamp,pain,notes\n2026-03-01 08:00,3,=1+1\n"))
        >>> line = journal.to_csv().splitlines()[1]
        >>> line[:19], line.split(",")[-1]
        ('2026-03-01T08:00,3,', "'=1+1")
        >>> read_journal(io.StringIO(journal.to_csv())).entries.loc[0, "notes"]
        '=1+1'
        """
        text = to_csv_text(self.entries)
        if path_or_buffer is None:
            return text
        if isinstance(path_or_buffer, str | os.PathLike):
            with Path(path_or_buffer).open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            return None
        try:
            path_or_buffer.write(text)
        except TypeError:
            path_or_buffer.write(text.encode("utf-8"))
        return None

    def deidentify(self, *, seed: int | np.random.Generator | None = None) -> Journal:
        """Return a copy fit to share with a class; see :func:`~sci_pain.journal.deidentify`."""
        from sci_pain.journal.privacy import deidentify

        return deidentify(self, seed=seed)


# -- the core: coded columns -> Journal ------------------------------------------------------


@dataclass
class _Coded:
    name: str
    column: Column | None  # None: an unknown column, kept as text
    codes: np.ndarray
    uniques: Sequence


_RECORD_NOT_KEPT = "record not kept"


_Chunk = tuple[np.ndarray, str | None, np.ndarray, np.ndarray]
"""Problems found together: (record positions, column, values, messages)."""


def _day_month_order(
    item, result, texts, rows, source, date_order=None, has_problem=None
) -> dict | None:
    """Read a timestamp column's day/month dates in the order it shows, or the one chosen.

    Applies when no ``date_format`` was given. With a ``date_order`` chosen, every
    day/month date (``24/11/2026``) is read in it. Without one, it applies when more
    records have day/month dates than ISO ones:
    :func:`~sci_pain.journal.dates.day_month_dates` decides the order for the whole
    column (or raises :class:`~sci_pain.errors.DateOrderError`), the dates are read in it,
    and a note on the header (returned) says how. A file that is mostly ISO 8601 keeps its
    few day/month dates as problems on their records. ``has_problem`` (whether each
    distinct value has a problem, and the last slot) is kept up to date with the problems
    changed here.
    """
    if has_problem is None:
        has_problem = np.not_equal(result.problems, None)
    unread = np.flatnonzero(has_problem[:-1])
    if not unread.size:
        return None
    read = ~np.isnat(result.values[:-1])
    if date_order is None:
        # records with an unread time against records with a read one, counted through a
        # flag per distinct value taken by code (-1, an absent cell, takes the last: False)
        records_unread = np.count_nonzero(np.append(has_problem[:-1], False)[item.codes])
        if records_unread <= np.count_nonzero(np.append(read, False)[item.codes]):
            return None  # (the day/month dates are among the unread: fewer than the ISO ones)
    counts = np.bincount(item.codes[item.codes >= 0], minlength=len(result.problems) - 1)
    candidates = [i for i in unread.tolist() if is_day_month_date(texts[i])]
    if not candidates:
        return None
    if date_order is None and counts[candidates].sum() <= counts[read].sum():
        return None
    first = np.full(counts.size, rows.size, dtype=np.int64)
    present = np.flatnonzero(item.codes >= 0)
    np.minimum.at(first, item.codes[present], present)
    candidates.sort(key=lambda i: first[i])
    written = [texts[i].strip() for i in candidates]
    at_rows = rows[first[candidates]].tolist()
    converted, order = day_month_dates(
        written, source=source, column=item.name, rows=at_rows, order=date_order
    )
    if order is None:  # no real date among them (13/13/2026): they stay problems
        return None
    again, _, _ = _journal_parse.parse_uniques(
        pd.Index(converted, dtype=object), COLUMNS["timestamp"], None
    )
    how = order.replace(" ", "-")
    whose = "the order chosen" if date_order else "the order of this file's dates"
    for k, i in enumerate(candidates):
        result.values[i] = again.values[k]
        result.problems[i] = again.problems[k]
        if converted[k] == written[k]:  # not a real date in the column's order
            result.problems[i] = f"not a real date when read {how}, {whose}; {_RECORD_NOT_KEPT}"
        has_problem[i] = result.problems[i] is not None
    if order == "either" or date_order is not None:
        return None  # nothing to tell, or the person said the order themselves
    example, sentence = date_order_note(written, at_rows, order)
    return {"row": 1, "column": item.name, "value": example or None, "problem": sentence}


def _parse_columns(
    coded: list[_Coded],
    n: int,
    date_format: str | None,
    rows,
    source,
    notes,
    date_order: str | None = None,
):
    """Parse every column's distinct values (day/month dates in `date_order`, if chosen).

    Returns the parsed values by column, the problems found (as :data:`_Chunk`), and per
    record whether it is dropped (a required value missing or invalid) and whether it is
    empty (every cell empty). Notes on the header (how dates were read) go to `notes`.
    """
    chunks: list[_Chunk] = []
    dropped = np.zeros(n, dtype=bool)
    still_empty = None  # positions of the records whose cells are all empty so far
    parsed: dict[str, _journal_parse.Parsed] = {}
    for item in coded:
        column = item.column or _TEXT_COLUMN
        result, texts_array, is_empty = _journal_parse.parse_uniques(
            item.uniques, column, date_format
        )
        has_problem = np.not_equal(result.problems, None)
        if column.kind == "datetime" and date_format is None:
            note = _day_month_order(
                item, result, texts_array, rows, source, date_order, has_problem
            )
            if note is not None:
                notes.append(note)
        parsed[item.name] = result
        # (per-record work is skipped when no distinct value calls for it)
        absent_cells = bool((item.codes < 0).any())
        codes = _codes.Lookup(item.codes)
        if still_empty is None or still_empty.size:
            if not (absent_cells or is_empty[:-1].any()):
                still_empty = np.array([], dtype=np.intp)
            elif still_empty is None:
                still_empty = np.flatnonzero(codes.of(is_empty))
            else:  # (only the records empty so far are looked at)
                still_empty = still_empty[is_empty[item.codes[still_empty]]]
        where = (
            np.flatnonzero(codes.of(has_problem))
            if has_problem.any()
            else np.array([], dtype=np.intp)
        )
        if column.required:
            dropped[where] = True
        if column.required and (absent_cells or result.missing[:-1].any()):
            absent = np.flatnonzero(codes.of(result.missing))
            if absent.size:
                message = np.empty(absent.size, dtype=object)
                message[:] = f"missing {column.name}; {_RECORD_NOT_KEPT}"
                chunks.append((absent, item.name, texts_array[item.codes[absent]], message))
                dropped[absent] = True
        if where.size:
            codes = item.codes[where]
            chunks.append((where, item.name, texts_array[codes], result.problems[codes]))
    empty = np.zeros(n, dtype=bool) if coded else np.ones(n, dtype=bool)
    if still_empty is not None:
        empty[still_empty] = True
    return parsed, chunks, dropped, empty


def _add_parser_problems(
    chunks: list[_Chunk],
    dropped: np.ndarray,
    empty: np.ndarray,
    bad: tuple[list[int], list[str], list[str]],
    notes: Sequence[tuple[int, str, str, str]],
) -> None:
    """Add the CSV parser's problems: records it could not split (dropped), and notes."""
    bad_positions = np.asarray(bad[0], dtype=np.int64)
    if bad_positions.size:
        empty[bad_positions] = False
        dropped[bad_positions] = True
        chunks.append(
            (
                bad_positions,
                None,
                np.asarray(bad[1], dtype=object),
                np.asarray(bad[2], dtype=object),
            )
        )
    for position, name, value, message in notes:  # problems on records that stay kept
        chunks.append(
            (
                np.array([position], dtype=np.int64),
                name,
                np.array([value], dtype=object),
                np.array([message], dtype=object),
            )
        )


def _assemble(
    coded: list[_Coded],
    rows: np.ndarray,
    *,
    source: str,
    date_format: str | None,
    encoding: str | None,
    header_problems: list[dict],
    date_order: str | None = None,
    bad: tuple[list[int], list[str], list[str]] = ([], [], []),
    extra_problems: pd.DataFrame | None = None,
    notes: Sequence[tuple[int, str, str, str]] = (),
    groups: np.ndarray | None = None,
) -> Journal:
    """Build a Journal from coded columns: every record either kept or with a reason.

    Used by :func:`read_journal` (columns from the CSV parser, with its ``bad`` records and
    ``notes``) and :func:`journal_from_frame` (columns of a frame, with the importers'
    ``extra_problems``). All-empty lines are not records; exact duplicates are not kept.
    ``groups`` (a number per record; records of two are never duplicates): order by group.
    """
    header_problems = list(header_problems)
    # (narrow codes: every take by them below reads a quarter of the memory or less)
    coded = [
        _Coded(c.name, c.column, _codes.narrowed(c.codes, len(c.uniques) + 1), c.uniques)
        for c in coded
    ]
    parsed, chunks, dropped, empty = _parse_columns(
        coded, len(rows), date_format, rows, source, header_problems, date_order
    )
    _add_parser_problems(chunks, dropped, empty, bad, notes)
    # an all-empty line is not a record: drop it and its "missing timestamp" problems
    dropped &= ~empty
    chunks = [
        (pos[keep], col, val[keep], msg[keep])
        for pos, col, val, msg in chunks
        if (keep := ~empty[pos]).any()
    ]
    # importers' problems: kept False means the record must not be kept
    extra = None
    if extra_problems is not None and len(extra_problems):
        extra = typed_problems(extra_problems)
        not_kept = extra.loc[~extra["kept"], "row"].to_numpy()
        dropped |= np.isin(rows, not_kept) & ~empty
    # the records that would be kept, in time order; then exact duplicates among them
    candidates, times = _order.time_order(coded, parsed, np.flatnonzero(~dropped & ~empty))
    if groups is not None:
        candidates, times = _order.group_order(candidates, times, groups)
    first_of = _order.exact_duplicates(coded, parsed, candidates, times)
    if first_of is not None:
        later, first = first_of
        dropped[later] = True
        message = np.array([f"duplicate of row {r}; {_RECORD_NOT_KEPT}" for r in rows[first]])
        chunks.append((later, None, np.full(later.size, None, dtype=object), message))
        candidates = candidates[~dropped[candidates]]
    entries = _entries(coded, parsed, rows, candidates)
    problems = gather_problems(chunks, rows, dropped, header_problems, extra)
    return Journal(entries=entries, problems=problems, source=source, encoding=encoding)


_TEXT_COLUMN = Column("extra", "text", "", "")


def _entries(coded, parsed, rows, keep) -> pd.DataFrame:
    """Typed entries for the records at positions ``keep`` (in time order), in that order.

    Every column is built per unique value and then taken by the records' codes, so the
    work per record is one integer take per column.
    """
    by_name = {item.name: item for item in coded}
    # every record, in file order: the codes are used as they are, without a take
    everything = keep.size == rows.size and bool((keep[1:] > keep[:-1]).all())

    def select(name: str) -> np.ndarray:
        codes = by_name[name].codes
        return codes if everything else codes[keep]

    n = keep.size
    data: dict[str, object] = {ROW: _rows_of(rows, keep)}
    for name in COLUMN_ORDER:
        column = COLUMNS[name]
        if name not in by_name:
            data[name] = _empty_column(column, n)
        else:
            data[name] = _typed(parsed[name].values, select(name), column)
    for item in coded:
        if item.column is None:
            data[item.name] = _typed(parsed[item.name].values, select(item.name), _TEXT_COLUMN)
    return pd.DataFrame(data, index=pd.RangeIndex(n), copy=False)


def _rows_of(rows: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Return ``rows[keep]`` as int64: ``keep`` plus the first row when the rows count up by one."""
    if _order.counts_up(rows):
        return keep.astype(np.int64, copy=False) + np.int64(rows[0])
    return rows[keep].astype(np.int64, copy=False)


def _typed(values: np.ndarray, codes: np.ndarray, column: Column):
    """Column of ``values[codes]`` (values per unique, last slot = missing) in its dtype."""
    if column.kind in ("datetime", "float", "int", "category"):
        # (NumPy casts other codes to intp inside each take, more slowly than this one cast)
        codes = codes.astype(np.intp, copy=False)
    if column.kind in ("datetime", "float"):
        return values[codes]
    if column.kind == "int":
        mask = np.isnan(values)
        numbers = np.where(mask, 0, values).astype(_dtype(column).numpy_dtype)
        return pd.arrays.IntegerArray(numbers[codes], mask[codes])
    if column.kind == "category":
        return pd.Categorical.from_codes(values[codes], dtype=_dtype(column), validate=False)
    # text: a small string array of the uniques, taken by code by Arrow (no per-record
    # validation; a code of -1 takes the last slot, "missing")
    if not isinstance(values, pd.api.extensions.ExtensionArray):
        values = pd.array(values, dtype=TEXT_DTYPE)
    strings = pa.array(values)
    if codes.size and codes.min() < 0:
        codes = np.where(codes < 0, len(strings) - 1, codes)
    return pd.array(_codes.take_texts(strings, codes), dtype=TEXT_DTYPE)


@functools.lru_cache(maxsize=256)
def _dtype(column: Column):
    """Return ``column.dtype``, made once per column.

    A categorical dtype takes a millisecond to make (its categories are checked), and
    pandas dtypes do not change, so one serves every journal.
    """
    return column.dtype


def _empty_column(column: Column, n: int):
    """Return an all-missing column of ``n`` records in its dtype (no object per record)."""
    if column.kind == "datetime":
        return np.full(n, np.datetime64("NaT", "us"))
    if column.kind == "category":
        return pd.Categorical.from_codes(np.full(n, -1, dtype=np.int8), dtype=_dtype(column))
    if column.kind == "float":
        return np.full(n, np.nan)
    if column.kind == "int":
        numbers = np.zeros(n, dtype=_dtype(column).numpy_dtype)
        return pd.arrays.IntegerArray(numbers, np.ones(n, dtype=bool))
    return pd.array(pa.nulls(n, pa.large_string()), dtype=TEXT_DTYPE)


# -- public constructors ---------------------------------------------------------------------


def journal_from_frame(
    raw: pd.DataFrame,
    *,
    source: str,
    rows: Sequence[int] | np.ndarray | None = None,
    extra_problems: pd.DataFrame | None = None,
    date_format: str | None = None,
) -> Journal:
    """Check and type raw journal records held in a DataFrame.

    This is the validator behind :func:`read_journal`, for code that gets records from
    elsewhere (the diary-app importers): the same rules, the same accounting.

    Parameters
    ----------
    raw : pandas.DataFrame
        One row per record; columns named as in the journal format (any subset that
        includes ``timestamp`` and ``pain``). Cells may be strings or Python/NumPy objects
        (numbers, ``datetime``); missing cells are ``None``/NaN/empty strings. Other columns
        are kept as text and reported as unknown.
    source : str
        A label for messages and ``Journal.source`` (e.g. ``"bearable.csv"``).
    rows : sequence of int, optional
        The source row number of each record, for ``entries["row"]`` and ``problems``;
        defaults to 2, 3, ... as in a spreadsheet with a header.
    extra_problems : pandas.DataFrame, optional
        Problems found before this step (columns row, column, value, problem, kept; see
        :func:`problems_frame`). They are merged in; a ``kept == False`` problem on a row of
        ``raw`` removes that record; for rows not in ``raw`` ``kept`` is left as given.
    date_format : str, optional
        A :func:`~datetime.datetime.strptime` format for non-ISO timestamps.

    Returns
    -------
    Journal
        ``entries`` and ``problems`` under the rules of :func:`read_journal`.

    Raises
    ------
    JournalError
        If ``timestamp`` or ``pain`` is not a column of ``raw``.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"timestamp": ["2026-03-01 08:00", "01/03/2026"], "pain": [3, 4]})
    >>> journal = journal_from_frame(raw, source="app", rows=[10, 11])
    >>> journal.entries[["row", "pain"]]
       row  pain
    0   10     3
    >>> journal.problems[["row", "column", "kept"]]
       row     column   kept
    0   11  timestamp  False
    """
    if not isinstance(raw, pd.DataFrame):
        msg = f"journal_from_frame() needs a pandas DataFrame, not {type(raw).__name__}."
        raise TypeError(msg)
    _check_date_format(date_format, source)
    n = len(raw)
    if rows is None:
        row_numbers = np.arange(2, n + 2, dtype=np.int64)
    else:
        row_numbers = np.asarray(rows, dtype=np.int64)
        if row_numbers.shape != (n,):
            msg = f"rows has {row_numbers.size} numbers but raw has {n} records."
            raise ValueError(msg)
    labels = [str(c) for c in raw.columns]
    if len(set(labels)) != len(labels):
        doubled = sorted({c for c in labels if labels.count(c) > 1})
        msg = f"{source}: duplicate column names {doubled}."
        raise JournalError(msg, path=source)
    missing = [name for name in REQUIRED if name not in labels]
    if missing:
        raise missing_columns_error(missing, labels, source)
    names: list[str | None] = [c if c in COLUMNS else None for c in labels]
    names, header_problems = extra_names(labels, names)
    coded = []
    for position, name in enumerate(names):
        series = raw.iloc[:, position]
        if isinstance(series.dtype, pd.CategoricalDtype):
            codes = series.cat.codes.to_numpy()
            uniques = series.cat.categories
        else:
            codes, uniques = pd.factorize(series, use_na_sentinel=True)
        coded.append(_Coded(name, COLUMNS.get(name), codes, uniques))
    return _assemble(
        coded,
        row_numbers,
        source=source,
        date_format=date_format,
        encoding=None,
        header_problems=header_problems,
        extra_problems=extra_problems,
    )


def read_journal(
    path_or_buffer: str | os.PathLike | io.IOBase,
    *,
    columns: Mapping[str, str] | None = None,
    date_format: str | None = None,
    date_order: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Journal:
    r"""Read a pain-journal CSV without losing a record.

    Parameters
    ----------
    path_or_buffer : str, path or file
        A CSV file (path, or an open text or binary file).
    columns : mapping, optional
        Header in the file -> journal column, e.g. ``{"Pain level": "pain"}``. Headers are
        otherwise matched ignoring case, surrounding spaces, and spaces/hyphens vs ``_``.
    date_format : str, optional
        A :func:`~datetime.datetime.strptime` format for timestamps that are not ISO 8601,
        e.g. ``"%d/%m/%Y %H:%M"``. ISO 8601 timestamps are always accepted.
    date_order : {"day first", "month first", "year first"}, optional
        How the file writes its day/month dates, when the person knows it: every such date
        (``03/04/2026``, ``3.4.26 8:05 PM``, any separator or time) is read in that order
        and nothing is refused; a date that is not real in it is a problem on its record.
        Needed only when the dates do not show the order themselves (every day 12 or
        less). A ``date_format`` takes precedence.
    encoding : str, optional
        The text encoding. By default UTF-8 (with or without BOM) is tried, then
        Windows-1252, then Latin-1; UTF-16 with a BOM is recognised.
    delimiter : str, optional
        By default the most frequent of comma, semicolon and tab in the header line.

    Returns
    -------
    Journal
        ``entries`` and ``problems``; see :class:`Journal` and the rules in
        :mod:`sci_pain.journal.reader`.

    Raises
    ------
    JournalError
        When the file as a whole cannot be read: missing, empty, binary, no header line,
        missing ``timestamp`` or ``pain`` column. Faults in single records never raise.
        A :class:`~sci_pain.errors.DateOrderError` (``needs_date_order`` True) when the
        dates could be day-first or month-first: pass ``date_order`` (or ``date_format``,
        one of its ``formats``).

    See Also
    --------
    journal_from_frame : the same checks for records already in a DataFrame.

    Examples
    --------
    >>> import io
    >>> text = "Timestamp ;Pain level;Quality\n01/03/2026 08:00;3;Burning, pins and needles\n"
    >>> journal = read_journal(
    ...     io.StringIO(text), columns={"Pain level": "pain"}, date_format="%d/%m/%Y %H:%M"
    ... )
    >>> journal.entries[["timestamp", "pain", "quality"]]
                timestamp  pain                   quality
    0 2026-03-01 08:00:00     3  burning;pins_and_needles
    >>> text = "When,Pain\n03/04/2026,3\n11/04/2026 8:05 PM,4\n"
    >>> journal = read_journal(
    ...     io.StringIO(text), columns={"When": "timestamp"}, date_order="month first"
    ... )
    >>> journal.entries["timestamp"].dt.strftime("%d %B %Y %H:%M").tolist()
    ['04 March 2026 00:00', '04 November 2026 20:05']
    """
    return read_journal_grouped(
        path_or_buffer,
        columns=columns,
        date_format=date_format,
        date_order=date_order,
        encoding=encoding,
        delimiter=delimiter,
    )


def read_journal_grouped(
    path_or_buffer,
    *,
    columns=None,
    date_format=None,
    date_order=None,
    encoding=None,
    delimiter=None,
    groups: np.ndarray | None = None,
) -> Journal:
    """:func:`read_journal` of several journals' records, ``groups`` telling whose (cohort)."""
    _check_date_format(date_format, _journal_io.source_name(path_or_buffer))
    _check_date_order(date_order, _journal_io.source_name(path_or_buffer))
    data, source = _journal_io.read_bounded(path_or_buffer, text_only=encoding is None)
    data, parser_encoding, label = _journal_io.decode(data, encoding, source)
    sep, skip = _journal_io.sniff(data, parser_encoding, delimiter, source)
    table = _csv.parse(data, parser_encoding, label, sep, skip, source)
    names = map_header(table.header, columns, source)
    names, header_problems = extra_names(table.header, names)
    coded = []
    for position, name in enumerate(names):
        codes, uniques = table.codes[position], table.uniques[position]
        if (
            COLUMNS.get(name) is None
            and not table.header[position].strip()
            and not _any_value(codes, uniques)
        ):
            continue  # no header, no values: nothing to keep
        coded.append(_Coded(name, COLUMNS.get(name), codes, uniques))
    kept_names = {c.name for c in coded}
    header_problems = [p for p in header_problems if p["column"] in kept_names]
    rows = np.arange(2, table.n_records + 2, dtype=np.int64)
    notes = [
        (record, names[column], value, message)
        for record, column, value, message in table.swallowed
    ]
    return _assemble(
        coded,
        rows,
        source=source,
        date_format=date_format,
        encoding=label,
        header_problems=header_problems,
        date_order=date_order,
        bad=(table.bad_positions, table.bad_values, table.bad_messages),
        notes=notes,
        groups=groups,
    )


def _check_date_order(date_order: str | None, source: str) -> None:
    """Refuse a ``date_order`` that is not one of the orders.

    >>> _check_date_order("day-first", "x")
    Traceback (most recent call last):
    ...
    sci_pain.errors.JournalError: x: date_order='day-first' is not an order of dates; choose 'day first', 'month first' or 'year first'. Did you mean 'day first'?
    """
    if date_order is None or date_order in DATE_ORDERS:
        return
    msg = (
        f"{source}: date_order={date_order!r} is not an order of dates; choose "
        f"{', '.join(map(repr, list(DATE_ORDERS)[:-1]))} or {list(DATE_ORDERS)[-1]!r}."
        + did_you_mean(date_order, DATE_ORDERS, n=1)
    )
    raise JournalError(msg, path=source)


def _check_date_format(date_format: str | None, source: str) -> None:
    """Refuse a ``date_format`` that cannot read a day: bad directives, or no day/month/year.

    >>> _check_date_format("%d/%m/%Y %H:%M", "x")
    >>> _check_date_format("%d/%m", "x")
    Traceback (most recent call last):
    ...
    sci_pain.errors.JournalError: date_format='%d/%m' has no year ...
    """
    if date_format is None:
        return
    import time

    example = "for example '%d/%m/%Y %H:%M' (day/month/year) or '%m/%d/%Y' (month/day/year)"
    if not isinstance(date_format, str) or not date_format.strip():
        msg = f"date_format={date_format!r} is not a date format; {example}."
        raise JournalError(msg, path=source)
    try:
        time.strptime("", date_format)
    except ValueError as error:
        text = str(error)
        if "does not match format" not in text:
            msg = f"date_format={date_format!r} cannot be used ({text}); {example}."
            raise JournalError(msg, path=source) from None
    directives = set(re.findall(r"%(.)", date_format.replace("%%", "")))
    parts = {"year": "YyG", "month": "mbBj", "day": "dej"}
    for part, letters in parts.items():
        if not directives & set(letters):
            msg = (
                f"date_format={date_format!r} has no {part} (such as "
                f"%{letters[0]}): it would put every entry on a made-up {part}; {example}."
            )
            raise JournalError(msg, path=source)


def _any_value(codes: np.ndarray, uniques) -> bool:
    filled = np.append([bool(str(u).strip()) for u in uniques], False)
    return bool(filled[codes].any()) if codes.size else False
