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
  must be ISO 8601 (``2026-03-01T08:00``, ``2026-03-01 08:00``, seconds optional, or a date
  alone); day/month dates are never guessed unless ``date_format=`` says how to read them.
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

import difflib
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from sci_pain.errors import JournalError
from sci_pain.journal import _io as _journal_io
from sci_pain.journal import _parse as _journal_parse
from sci_pain.journal.schema import (
    COLUMN_ORDER,
    COLUMNS,
    MULTI_SEPARATOR,
    PROBLEM_COLUMNS,
    REQUIRED,
    Column,
)

__all__ = [
    "Journal",
    "JournalError",
    "read_journal",
    "journal_from_frame",
    "problems_frame",
    "deidentify",
    "explode_multi",
    "multi_indicators",
    "has_quality",
    "has_intervention",
]

ROW = "row"
"""Name of the entries column holding each record's spreadsheet row number."""

_TEXT_DTYPE = pd.StringDtype(na_value=np.nan)
_MULTI_COLUMNS = tuple(name for name, c in COLUMNS.items() if c.kind == "multi")


# -- the Journal -----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Journal:
    """A pain journal: typed entries plus a table accounting for every record.

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
    >>> journal = read_journal(io.StringIO("timestamp,pain\\n2026-03-01,3\\n2026-03-02,x\\n"))
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
            f"{self.source}: {_plural(self.n_records, 'record')}, {self.n_entries} kept, "
            f"{self.n_dropped} not kept; {_plural(record_problems, 'problem')} in "
            f"{_plural(self.n_problem_records, 'record')}"
        )
        if header:
            text += f"; {_plural(header, 'note')} on the header"
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
        """Write the entries as a journal CSV (UTF-8, ``\\n`` line ends).

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
        >>> journal = read_journal(io.StringIO("timestamp,pain,notes\\n2026-03-01 08:00,3,=1+1\\n"))
        >>> print(journal.to_csv().splitlines()[1])
        2026-03-01T08:00,3,,,,,,,,,,,,,'=1+1
        >>> read_journal(io.StringIO(journal.to_csv())).entries.loc[0, "notes"]
        '=1+1'
        """
        text = _to_csv_text(self.entries)
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
        """Return a copy fit to share with a class; see :func:`deidentify`."""
        return deidentify(self, seed=seed)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


# -- problems tables -------------------------------------------------------------------------


def problems_frame(records: Iterable[Mapping | Sequence] = ()) -> pd.DataFrame:
    """Build a problems table with the standard columns and dtypes.

    Parameters
    ----------
    records : iterable of mappings or sequences
        Each ``(row, column, value, problem, kept)``; ``column`` and ``value`` may be None.

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (int64), ``column``, ``value``, ``problem`` (str), ``kept`` (bool).

    Examples
    --------
    >>> problems_frame([(7, "pain", "12", "out of range; record not kept", False)])
       row column value                        problem   kept
    0    7   pain    12  out of range; record not kept  False
    """
    frame = pd.DataFrame(list(records), columns=list(PROBLEM_COLUMNS))
    return _typed_problems(frame)


_VALUE_LIMIT = 200
"""Longest cell quoted in ``problems["value"]``; longer cells are cut, with their size."""


def _typed_problems(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reindex(columns=list(PROBLEM_COLUMNS))
    values = frame["value"].to_numpy(dtype=object, na_value=None)
    values = np.array(
        [None if v is None else _journal_io.excerpt(str(v), _VALUE_LIMIT) for v in values],
        dtype=object,
    )
    return pd.DataFrame(
        {
            "row": frame["row"].to_numpy(dtype=np.int64),
            "column": pd.array(frame["column"].to_numpy(dtype=object), dtype=_TEXT_DTYPE),
            "value": pd.array(values, dtype=_TEXT_DTYPE),
            "problem": pd.array(frame["problem"].to_numpy(dtype=object), dtype=_TEXT_DTYPE),
            "kept": frame["kept"].to_numpy(dtype=bool),
        },
        index=pd.RangeIndex(len(frame)),
    )


# -- header handling -------------------------------------------------------------------------


def _normalize_header(text: str) -> str:
    text = text.strip().lstrip("\ufeff").strip().casefold()
    return re.sub(r"[\s\-]+", "_", text)


def _suggest(name: str, choices: Iterable[str]) -> list[str]:
    choices = list(choices)
    lowered = {_normalize_header(c): c for c in choices}
    hits = [c for c in choices if name in _normalize_header(c).split("_")]
    hits += [lowered[m] for m in difflib.get_close_matches(name, list(lowered), n=3, cutoff=0.75)]
    return list(dict.fromkeys(hits))


def _map_header(
    header: Sequence[str], columns: Mapping[str, str] | None, source: str
) -> tuple[list[str | None], list[dict]]:
    """Canonical name (or None for unknown) per header position, and header problems."""
    columns = dict(columns or {})
    for target in columns.values():
        if target not in COLUMNS:
            msg = (
                f"columns= maps onto {target!r}, which is not a journal column; valid: "
                f"{', '.join(COLUMN_ORDER)}{_hint(target, COLUMN_ORDER)}."
            )
            raise JournalError(msg, path=source)
    stripped = [h.strip().lstrip("\ufeff").strip() for h in header]
    by_text = {h: i for i, h in enumerate(stripped)}
    by_norm = {_normalize_header(h): i for i, h in enumerate(stripped)}
    names: list[str | None] = [None] * len(header)
    for key, target in columns.items():
        position = by_text.get(key.strip(), by_norm.get(_normalize_header(key)))
        if position is None:
            msg = (
                f"{source}: columns= maps {key!r}, but the file has no such column; "
                f"found: {_quoted(stripped)}{_hint(key, stripped)}."
            )
            raise JournalError(msg, path=source)
        names[position] = target
    for i, text in enumerate(stripped):
        if names[i] is None and _normalize_header(text) in COLUMNS:
            if _normalize_header(text) in columns.values():
                continue  # columns= chose another header for this name
            names[i] = _normalize_header(text)
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name is None:
            continue
        if name in seen:
            msg = (
                f"{source}: columns {stripped[seen[name]]!r} (column {seen[name] + 1}) and "
                f"{stripped[i]!r} (column {i + 1}) both mean {name!r}; rename or delete one, "
                "or choose one with columns=."
            )
            raise JournalError(msg, path=source)
        seen[name] = i
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        raise _missing_columns_error(missing, stripped, source)
    return names, []


def _hint(word: str, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(map(repr, matches))}?)" if matches else ""


def _quoted(items: Iterable[str]) -> str:
    items = list(items)
    shown = ", ".join(repr(i) for i in items[:30])
    return shown + (f", ... ({len(items)} in all)" if len(items) > 30 else "")


def _looks_like_data(cell: str) -> bool:
    cell = cell.strip()
    return bool(
        re.fullmatch(r"[+-]?\d+([.,]\d+)?", cell) or re.fullmatch(r"\d{1,4}[-/.]\d{1,2}.*", cell)
    )


def _missing_columns_error(missing: list[str], found: list[str], source: str) -> JournalError:
    found_shown = [f for f in found if f] or ["(none)"]
    if not any(_normalize_header(f) in COLUMNS for f in found) and any(
        _looks_like_data(f) for f in found
    ):
        msg = (
            f"{source}: no header line: the first line ({', '.join(found_shown[:6])}) looks "
            "like a record. Add a first line naming the columns, for example "
            "'timestamp,pain,site,notes'."
        )
        return JournalError(msg, path=source)
    suggestions = []
    for name in missing:
        close = _suggest(name, [f for f in found if f])
        if close:
            suggestions.append(f"{close[0]!r} for {name!r}")
    msg = (
        f"{source}: missing required column{'s' * (len(missing) > 1)} "
        f"{', '.join(map(repr, missing))}. Found columns: {_quoted(found_shown)}."
    )
    if len(found) == 1:
        msg += (
            " Only one column was found: is the delimiter one of comma, semicolon or tab? "
            "Pass delimiter= if it is another character."
        )
    elif suggestions:
        mapping = ", ".join(f"{s.split(' for ')[0]}: {s.split(' for ')[1]}" for s in suggestions)
        msg += (
            f" Did you mean {' and '.join(suggestions)}? Rename the header, or pass "
            f"columns={{{mapping}}}."
        )
    else:
        msg += " Rename the headers or pass columns={'your header': 'pain', ...}."
    return JournalError(msg, path=source)


def _extra_names(
    header: Sequence[str], names: list[str | None]
) -> tuple[list[str | None], list[dict]]:
    """Names for unknown columns and a row-1 problem for each."""
    taken = {ROW, *COLUMN_ORDER}
    out: list[str | None] = list(names)
    problems = []
    for i, name in enumerate(names):
        if name is not None:
            continue
        text = header[i].strip().lstrip("\ufeff").strip()
        label = _journal_parse.unescape(text) or f"column_{i + 1}"
        if label.casefold() in {t.casefold() for t in taken}:
            label = f"extra_{label}"
        base, n = label, 2
        while label in taken:
            label, n = f"{base}_{n}", n + 1
        taken.add(label)
        out[i] = label
        close = _suggest(_normalize_header(text), COLUMN_ORDER) if text else []
        hint = (
            f"; it looks like the {close[0].replace('_', ' ')} column: rename the header "
            f"to '{close[0].replace('_', ' ')}', or match the columns when reading the file"
            if close
            else ""
        )
        what = (
            f"unknown column, kept as text in {label!r}"
            if text
            else (f"column {i + 1} has no header; its values are kept as text in {label!r}")
        )
        problems.append({"row": 1, "column": label, "value": text or None, "problem": what + hint})
    return out, problems


# -- the core: coded columns -> Journal ------------------------------------------------------


@dataclass
class _Coded:
    name: str
    column: Column | None  # None: an unknown column, kept as text
    codes: np.ndarray
    uniques: Sequence


_RECORD_NOT_KEPT = "record not kept"


def _assemble(
    coded: list[_Coded],
    rows: np.ndarray,
    *,
    source: str,
    date_format: str | None,
    encoding: str | None,
    header_problems: list[dict],
    bad: tuple[list[int], list[str], list[str]] = ([], [], []),
    extra_problems: pd.DataFrame | None = None,
    notes: Sequence[tuple[int, str, str, str]] = (),
) -> Journal:
    n = len(rows)
    chunks: list[tuple[np.ndarray, str | None, np.ndarray, np.ndarray]] = []
    dropped = np.zeros(n, dtype=bool)
    empty = np.ones(n, dtype=bool)
    parsed: dict[str, _journal_parse.Parsed] = {}
    for item in coded:
        column = item.column or _TEXT_COLUMN
        result, texts_array, is_empty = _journal_parse.parse_uniques(
            item.uniques, column, date_format
        )
        parsed[item.name] = result
        # (per-record work is skipped when no distinct value calls for it)
        absent_cells = bool((item.codes < 0).any())
        if empty.any():
            if absent_cells or is_empty[:-1].any():
                empty &= is_empty[item.codes]
            else:
                empty[:] = False
        has_problem = np.not_equal(result.problems, None)
        where = (
            np.flatnonzero(has_problem[item.codes])
            if has_problem.any()
            else np.array([], dtype=np.intp)
        )
        if column.required:
            dropped[where] = True
        if column.required and (absent_cells or result.missing[:-1].any()):
            absent = np.flatnonzero(result.missing[item.codes])
            if absent.size:
                message = np.empty(absent.size, dtype=object)
                message[:] = f"missing {column.name}; {_RECORD_NOT_KEPT}"
                chunks.append((absent, item.name, texts_array[item.codes[absent]], message))
                dropped[absent] = True
        if where.size:
            codes = item.codes[where]
            chunks.append((where, item.name, texts_array[codes], result.problems[codes]))
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
        extra = _typed_problems(extra_problems)
        not_kept = extra.loc[~extra["kept"], "row"].to_numpy()
        dropped |= np.isin(rows, not_kept) & ~empty
    # exact duplicates among the records that would be kept
    candidates = np.flatnonzero(~dropped & ~empty)
    first_of = _duplicates(coded, parsed, candidates)
    if first_of is not None:
        later, first = first_of
        dropped[later] = True
        message = np.array([f"duplicate of row {r}; {_RECORD_NOT_KEPT}" for r in rows[first]])
        chunks.append((later, None, np.full(later.size, None, dtype=object), message))
    keep = np.flatnonzero(~dropped & ~empty)
    entries = _entries(coded, parsed, rows, keep)
    problems = _problems(chunks, rows, dropped, header_problems, extra)
    return Journal(entries=entries, problems=problems, source=source, encoding=encoding)


_TEXT_COLUMN = Column("extra", "text", "", "")


def _duplicates(coded, parsed, candidates):
    """(later positions, first positions) of records with equal values, or None.

    Values are compared as read (typed), so ``2026-03-01`` and ``2026-03-01T00:00``, or
    ``Knee`` and ``knee``, are the same. Columns are combined one at a time into a record
    key, timestamp first; as soon as every key is distinct there is no duplicate.
    """
    if candidates.size < 2:
        return None
    key = None
    everything = candidates.size == coded[0].codes.size
    ordered = sorted(coded, key=lambda c: (c.name != "timestamp", -len(c.uniques)))
    for item in ordered:
        values = parsed[item.name].values
        ids, _ = pd.factorize(values, use_na_sentinel=False)
        codes = item.codes if everything else item.codes[candidates]
        column_ids = ids[codes].astype(np.int64, copy=False)
        if key is None:  # ids are already small whole numbers: count them without hashing
            key = column_ids
            distinct = int(np.count_nonzero(np.bincount(key)))
        else:
            key, uniques = pd.factorize(key * (len(values) + 1) + column_ids)
            distinct = len(uniques)
        if distinct == candidates.size:
            return None
    duplicated = pd.Series(key).duplicated(keep="first").to_numpy()
    if not duplicated.any():
        return None
    first_index = pd.Series(np.arange(key.size)).groupby(key).transform("min").to_numpy()
    later = candidates[duplicated]
    first = candidates[first_index[duplicated]]
    return later, first


def _entries(coded, parsed, rows, keep) -> pd.DataFrame:
    """Typed entries for the records at positions ``keep``, sorted by time.

    Every column is built per unique value and then taken by the records' codes, so the
    work per record is one integer take per column.
    """
    by_name = {item.name: item for item in coded}
    everything = keep.size == rows.size  # then codes are used as they are, without a take
    if "timestamp" in by_name and keep.size > 1:
        # sort by the rank of each distinct time: with fewer than 65,536 distinct times
        # the ranks fit in 16 bits, which NumPy sorts stably with a radix sort
        codes = by_name["timestamp"].codes
        values = parsed["timestamp"].values
        order = np.argsort(values, kind="stable")
        ordered = values[order]
        rank = np.empty(values.size, dtype=np.int64)  # equal times share a rank
        rank[order] = np.cumsum(np.r_[True, ordered[1:] != ordered[:-1]]) - 1
        rank = rank.astype(np.uint16 if values.size <= 1 << 16 else np.int64)
        keys = rank[codes if everything else codes[keep]]
        if not (keys[1:] >= keys[:-1]).all():
            keep = keep[np.argsort(keys, kind="stable")]
            everything = False

    def select(codes: np.ndarray) -> np.ndarray:
        return codes if everything else codes[keep]

    n = keep.size
    data: dict[str, object] = {ROW: rows[keep].astype(np.int64, copy=False)}
    for name in COLUMN_ORDER:
        column = COLUMNS[name]
        item = by_name.get(name)
        if item is None:
            data[name] = _empty_column(column, n)
        else:
            data[name] = _typed(parsed[name].values, select(item.codes), column)
    for item in coded:
        if item.column is None:
            data[item.name] = _typed(parsed[item.name].values, select(item.codes), _TEXT_COLUMN)
    return pd.DataFrame(data, index=pd.RangeIndex(n), copy=False)


def _typed(values: np.ndarray, codes: np.ndarray, column: Column):
    """Column of ``values[codes]`` (values per unique, last slot = missing) in its dtype."""
    if column.kind in ("datetime", "float"):
        return values[codes]
    if column.kind == "int":
        mask = np.isnan(values)
        numbers = np.where(mask, 0, values).astype(column.dtype.numpy_dtype)
        return pd.arrays.IntegerArray(numbers[codes], mask[codes])
    if column.kind == "category":
        return pd.Categorical.from_codes(values[codes], dtype=column.dtype)
    # text: a small string array of the uniques, taken by code (no per-record validation)
    # (a code of -1 takes the last slot, "missing", as in NumPy)
    return pd.array(values, dtype=_TEXT_DTYPE).take(codes)


def _empty_column(column: Column, n: int):
    if column.kind == "datetime":
        return np.full(n, np.datetime64("NaT", "us"))
    if column.kind == "category":
        return pd.Categorical.from_codes(np.full(n, -1, dtype=np.int8), dtype=column.dtype)
    return pd.array([None] * n, dtype=column.dtype) if n else pd.array([], dtype=column.dtype)


def _problems(chunks, rows, dropped, header_problems, extra) -> pd.DataFrame:
    parts = []
    if header_problems:
        head = pd.DataFrame(header_problems, columns=["row", "column", "value", "problem"])
        head["kept"] = True
        parts.append(head)
    for positions, column, values, messages in chunks:
        parts.append(
            pd.DataFrame(
                {
                    "row": rows[positions],
                    "column": column,
                    "value": values,
                    "problem": messages,
                    "kept": ~dropped[positions],
                }
            )
        )
    if extra is not None:
        extra = extra.copy()
        inside = np.isin(extra["row"].to_numpy(), rows)
        if inside.any():
            dropped_rows = rows[dropped]
            extra.loc[inside, "kept"] = ~np.isin(extra.loc[inside, "row"].to_numpy(), dropped_rows)
        parts.append(extra)
    if not parts:
        return problems_frame()
    frame = _typed_problems(
        pd.concat([p.astype({"value": object}) for p in parts], ignore_index=True)
    )
    return frame.sort_values("row", kind="stable", ignore_index=True)


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
        raise _missing_columns_error(missing, labels, source)
    names: list[str | None] = [c if c in COLUMNS else None for c in labels]
    names, header_problems = _extra_names(labels, names)
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
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Journal:
    """Read a pain-journal CSV without losing a record.

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

    See Also
    --------
    journal_from_frame : the same checks for records already in a DataFrame.

    Examples
    --------
    >>> import io
    >>> text = "Timestamp ;Pain level;Quality\\n01/03/2026 08:00;3;Burning, pins and needles\\n"
    >>> journal = read_journal(
    ...     io.StringIO(text), columns={"Pain level": "pain"}, date_format="%d/%m/%Y %H:%M"
    ... )
    >>> journal.entries[["timestamp", "pain", "quality"]]
                timestamp  pain                   quality
    0 2026-03-01 08:00:00     3  burning;pins_and_needles
    """
    _check_date_format(date_format, _journal_io.source_name(path_or_buffer))
    data, source, was_text = _journal_io.load(path_or_buffer, binary_check=encoding is None)
    data, parser_encoding, label = _journal_io.decode(data, encoding, source, was_text=was_text)
    sep, skip = _journal_io.sniff(data, parser_encoding, delimiter, source)
    table = _journal_io.parse(data, parser_encoding, label, sep, skip, source)
    names, _ = _map_header(table.header, columns, source)
    names, header_problems = _extra_names(table.header, names)
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
        bad=(table.bad_positions, table.bad_values, table.bad_messages),
        notes=notes,
    )


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


# -- writing ---------------------------------------------------------------------------------


def _escape(series: pd.Series) -> pd.Series:
    needs = series.str.match(_journal_parse._NEEDS_ESCAPE_PATTERN).fillna(False).astype(bool)
    if not needs.any():
        return series
    return series.where(~needs, "'" + series)


def _format_timestamps(values: pd.Series) -> pd.Series:
    ts = pd.Series(values, copy=False)
    if ts.isna().all():
        return ts.astype(object).where(ts.notna(), None)
    seconds = ts.dt.second.fillna(0).astype(bool).any()
    fraction = ts.dt.microsecond.fillna(0).astype(bool).any()
    fmt = "%Y-%m-%dT%H:%M" + (":%S" if seconds or fraction else "") + (".%f" if fraction else "")
    if not fraction:
        text = ts.dt.strftime(fmt) if len(ts) < 5000 else _fast_iso(ts, seconds)
    else:
        text = ts.dt.strftime(fmt)
    return text


def _fast_iso(ts: pd.Series, seconds: bool) -> pd.Series:
    text = ts.astype("datetime64[s]").astype(str)  # "2026-03-01 08:00:00"
    text = text.str.slice(0, 10) + "T" + text.str.slice(11, 19 if seconds else 16)
    return text.where(ts.notna(), None)


def _to_csv_text(entries: pd.DataFrame) -> str:
    out: dict[str, pd.Series] = {}
    for name in COLUMN_ORDER:
        column = COLUMNS[name]
        if name not in entries:
            out[name] = pd.Series([None] * len(entries), dtype=object, index=entries.index)
            continue
        values = entries[name]
        if column.kind == "datetime":
            out[name] = _format_timestamps(values)
        elif column.kind == "text":
            out[name] = _escape(values.astype(_TEXT_DTYPE))
        else:
            out[name] = values
    for name in entries.columns:
        if name != ROW and name not in COLUMNS:
            out[name] = _escape(entries[name].astype(_TEXT_DTYPE))
    frame = pd.DataFrame(out, index=entries.index)
    header = _escape(pd.Series(list(out), dtype=_TEXT_DTYPE)).tolist()
    return frame.to_csv(index=False, header=header, lineterminator="\n")


# -- de-identification -----------------------------------------------------------------------


_REMOVED = "[text removed]"
_QUOTED_RE = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
_SAFE_VALUE_RE = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", re.ASCII)


def _safe_words() -> frozenset[str]:
    """Words a problem may quote after de-identification: column names and vocabularies."""
    words = {*COLUMN_ORDER, *PROBLEM_COLUMNS, ROW}
    for column in COLUMNS.values():
        words.update(column.allowed or ())
    return frozenset(words)


def _scrub_value(value, column) -> object:
    """A cell quoted in a problem, or a placeholder when it could be free text."""
    if value is None or (isinstance(value, float) and value != value):
        return value
    text = str(value).strip()
    if column == "timestamp":
        return "[date removed]" if text else value
    if _SAFE_VALUE_RE.fullmatch(text) or text.casefold() in _journal_parse._NA_TOKENS:
        return text
    schema = COLUMNS.get(column) if isinstance(column, str) else None
    if schema is not None and schema.allowed and schema.kind in ("category", "multi"):
        items = [_journal_parse.normalize_token(i) for i in re.split(r"[;,|]", text)]
        if all(i in schema.allowed for i in items if i):
            return text
    return _REMOVED


def _scrub_message(message: str, safe: frozenset[str]) -> str:
    """Replace quoted text in a problem message, unless it is a column or vocabulary name."""

    def replace(match: re.Match) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if inner in safe or _SAFE_VALUE_RE.fullmatch(inner):
            return match.group(0)
        return f"'{_REMOVED}'"

    return _QUOTED_RE.sub(replace, message)


def deidentify(journal: Journal, *, seed: int | np.random.Generator | None = None) -> Journal:
    """Return a copy of a journal fit to share with a class.

    * Free text goes everywhere: ``notes``, every other free-text column of the format,
      and every unknown (extra) column are dropped, since free text can name people and
      places.
    * ``problem`` (the person's own words for a pain) is replaced by neutral labels
      ``pain 1``, ``pain 2``, ... in order of first appearance, so separate pains stay
      separate.
    * Every timestamp moves by the same random whole number of weeks (1 to 520, earlier or
      later): weekdays, times of day and the gaps between entries are unchanged.
    * In ``problems``, a ``value`` is kept only when it is a number or a value of the
      column's vocabulary; anything else a person typed (a name in ``site``, a phone
      number spread over a record's extra cells) becomes ``[text removed]`` and a raw
      timestamp ``[date removed]``, while ``problem`` keeps the reason (with any quoted
      text in it replaced alike). Notes about dropped columns are removed; ``source``
      becomes ``"deidentified"``. Reports and exports made from the result therefore hold
      no free text.

    What the date shift can and cannot protect: it hides the calendar dates (and so the
    birthdays, holidays and clinic visits a date could reveal) from someone who knows
    nothing else. It keeps, on purpose, what the teaching needs: weekday and time-of-day
    patterns, gaps, the length of the diary, and the season only roughly (a whole number of
    weeks moves it by up to a few days per year shifted). So it does not protect against
    anyone who knows one real date of the diary (a first entry, a hospital stay) and can
    line it up, nor against recognising a person by their routine (night shifts, a
    weekly therapy day) or a rare pattern; and with ``seed`` given, anyone who knows the seed
    can undo it. Share de-identified journals within a class, not publicly.

    Parameters
    ----------
    journal : Journal
    seed : int or numpy.random.Generator, optional
        Fixes the shift (for reproducible teaching material). Anyone who knows the seed can
        undo the shift: leave it out for a journal that is really shared.

    Returns
    -------
    Journal

    Examples
    --------
    >>> import io
    >>> text = "timestamp,pain,site,problem,notes\\n2026-03-02 08:00,3,Dr X knee,burning feet,saw Dr X\\n"
    >>> shared = deidentify(read_journal(io.StringIO(text)), seed=1)
    >>> shared.entries.loc[0, ["problem", "notes"]].tolist()
    ['pain 1', nan]
    >>> shared.entries.loc[0, "timestamp"].day_name(), shared.entries.loc[0, "timestamp"].hour
    ('Monday', 8)
    >>> shared.problems[["column", "value"]].values.tolist()
    [['site', '[text removed]']]
    """
    rng = np.random.default_rng(seed)
    weeks = int(rng.integers(1, 521)) * int(rng.choice([-1, 1]))
    entries = journal.entries.copy()
    unit = entries["timestamp"].dtype  # pandas 2.3 widens to ns when a Timedelta is added
    entries["timestamp"] = (entries["timestamp"] + pd.Timedelta(weeks=weeks)).astype(unit)
    labels = entries["problem"].dropna().unique()
    mapping = {label: f"pain {i}" for i, label in enumerate(labels, start=1)}
    entries["problem"] = entries["problem"].map(mapping).astype(_TEXT_DTYPE)
    for name, column in COLUMNS.items():
        if column.kind == "text" and name != "problem" and name in entries:
            entries[name] = pd.array([None] * len(entries), dtype=_TEXT_DTYPE)
    extra = [c for c in entries.columns if c != ROW and c not in COLUMNS]
    entries = entries.drop(columns=extra)
    problems = journal.problems
    # the notes about dropped columns go with them (they quote the column's header)
    about_extra = problems["column"].isin(extra).fillna(False).to_numpy(dtype=bool)
    problems = problems[~about_extra].reset_index(drop=True)
    columns = problems["column"].astype(object).where(problems["column"].notna(), None)
    values = [
        _scrub_value(v, c)
        for v, c in zip(problems["value"].astype(object), columns.tolist(), strict=True)
    ]
    safe = _safe_words()
    messages = [_scrub_message(str(m), safe) for m in problems["problem"].astype(object)]
    problems = _typed_problems(problems.assign(value=values, problem=messages))
    return Journal(entries=entries, problems=problems, source="deidentified", encoding=None)


# -- multi-value columns ---------------------------------------------------------------------


def _check_multi(entries: pd.DataFrame, column: str) -> list[str]:
    if column not in _MULTI_COLUMNS:
        msg = (
            f"{column!r} is not a multi-value column; choose one of "
            f"{', '.join(_MULTI_COLUMNS)}{_hint(column, _MULTI_COLUMNS)}."
        )
        raise ValueError(msg)
    if column not in entries:
        msg = f"entries have no {column!r} column."
        raise ValueError(msg)
    return list(COLUMNS[column].allowed)


def _split_uniques(series: pd.Series) -> tuple[np.ndarray, list[list[str]]]:
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, [str(u).split(MULTI_SEPARATOR) for u in uniques]


def explode_multi(entries: pd.DataFrame, column: str = "quality") -> pd.DataFrame:
    """One row per (entry, value) of a multi-value column.

    Parameters
    ----------
    entries : pandas.DataFrame
        ``Journal.entries``.
    column : {"quality", "interventions"}

    Returns
    -------
    pandas.DataFrame
        Columns ``row``, ``timestamp`` and ``column`` (a categorical over the vocabulary);
        the index repeats the entries' index. Entries without a value do not appear.

    Examples
    --------
    >>> import io
    >>> text = "timestamp,pain,quality\\n2026-03-01,3,burning;tingling\\n2026-03-02,2,\\n"
    >>> explode_multi(read_journal(io.StringIO(text)).entries, "quality")
       row  timestamp   quality
    0    2 2026-03-01   burning
    0    2 2026-03-01  tingling
    """
    allowed = _check_multi(entries, column)
    codes, items = _split_uniques(entries[column])
    counts = np.array([len(i) for i in items] + [0], dtype=np.int64)[codes]
    positions = np.repeat(np.arange(len(entries)), counts)
    flat_codes = {value: i for i, value in enumerate(allowed)}
    per_unique = [np.array([flat_codes.get(v, -1) for v in i], dtype=np.int8) for i in items]
    value_codes = (
        np.concatenate([per_unique[c] for c in codes if c >= 0])
        if positions.size
        else np.array([], dtype=np.int8)
    )
    out = entries.iloc[positions][[c for c in (ROW, "timestamp") if c in entries]].copy()
    out[column] = pd.Categorical.from_codes(value_codes, categories=allowed)
    return out


def multi_indicators(entries: pd.DataFrame, column: str = "quality") -> pd.DataFrame:
    """A boolean column per vocabulary value of a multi-value column.

    Parameters
    ----------
    entries : pandas.DataFrame
        ``Journal.entries``.
    column : {"quality", "interventions"}

    Returns
    -------
    pandas.DataFrame
        Same index as ``entries``; one bool column per allowed value, in vocabulary order.

    Examples
    --------
    >>> import io
    >>> text = "timestamp,pain,interventions\\n2026-03-01,3,tens;heat\\n2026-03-02,2,\\n"
    >>> flags = multi_indicators(read_journal(io.StringIO(text)).entries, "interventions")
    >>> flags[["heat", "tens", "rest"]]
        heat   tens   rest
    0   True   True  False
    1  False  False  False
    """
    allowed = _check_multi(entries, column)
    codes, items = _split_uniques(entries[column])
    table = np.zeros((len(items) + 1, len(allowed)), dtype=bool)
    index = {value: i for i, value in enumerate(allowed)}
    for u, values in enumerate(items):
        for value in values:
            if value in index:
                table[u, index[value]] = True
    return pd.DataFrame(table[codes], index=entries.index, columns=allowed)


def _has(entries: pd.DataFrame, column: str, value: str) -> pd.Series:
    allowed = _check_multi(entries, column)
    token = _journal_parse.normalize_token(value)
    if token not in allowed:
        msg = (
            f"{value!r} is not a {column} value; valid: {', '.join(allowed)}"
            f"{_hint(token, allowed)}."
        )
        raise ValueError(msg)
    codes, items = _split_uniques(entries[column])
    hit = np.array([token in i for i in items] + [False], dtype=bool)
    return pd.Series(hit[codes], index=entries.index, name=token)


def has_quality(entries: pd.DataFrame, descriptor: str) -> pd.Series:
    """Whether each entry's ``quality`` includes a descriptor.

    Parameters
    ----------
    entries : pandas.DataFrame
        ``Journal.entries``.
    descriptor : str
        A value of :data:`~sci_pain.journal.schema.QUALITIES` (case and spaces are forgiven).

    Returns
    -------
    pandas.Series of bool

    Examples
    --------
    >>> import io
    >>> text = "timestamp,pain,quality\\n2026-03-01,3,burning;tingling\\n2026-03-02,2,aching\\n"
    >>> has_quality(read_journal(io.StringIO(text)).entries, "Burning").tolist()
    [True, False]
    """
    return _has(entries, "quality", descriptor)


def has_intervention(entries: pd.DataFrame, intervention: str) -> pd.Series:
    """Whether each entry's ``interventions`` includes one intervention.

    Parameters
    ----------
    entries : pandas.DataFrame
        ``Journal.entries``.
    intervention : str
        A value of :data:`~sci_pain.journal.schema.INTERVENTIONS`.

    Returns
    -------
    pandas.Series of bool

    Examples
    --------
    >>> import io
    >>> text = "timestamp,pain,interventions\\n2026-03-01,3,TENS\\n2026-03-02,2,\\n"
    >>> has_intervention(read_journal(io.StringIO(text)).entries, "tens").tolist()
    [True, False]
    """
    return _has(entries, "interventions", intervention)
