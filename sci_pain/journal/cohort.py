"""A class's journals as one cohort: validated together, saved as Parquet, queried with DuckDB.

A lecturer who pools a class's de-identified journals, or a student exploring a simulated
class, asks questions *across people*: how many show an evening pattern, in how many do
spasms and pain rise together, how many had a red-flag episode? :func:`read_journals` reads
every journal with :func:`~sci_pain.read_journal` (each one validated, every record
accounted for) and stacks them into one long table with a ``person`` column, with one
problems table beside it. A journal that cannot be read at all is reported there, not
allowed to sink the cohort.

The tables are ordinary Parquet files (Apache Arrow's columnar format, written by pyarrow)
and are queried with SQL by DuckDB, an embedded database engine (no server):
:func:`cohort_query`. The same files can be read by pandas, Polars, Spark or Dask without
conversion: the file format is the contract.

The questions across people (:func:`~sci_pain.analysis.evening_pattern`,
:func:`~sci_pain.analysis.spasm_pain_links`, :func:`~sci_pain.analysis.cohort_red_flags`,
each summarised by :func:`~sci_pain.analysis.prevalence`) are answered in the analysis layer,
:mod:`sci_pain.analysis.cohort`; this module reads, stores and queries.

Examples
--------
>>> from sci_pain.simulate import simulate_cohort
>>> cohort = cohort_from_frame(simulate_cohort(6, 30, seed=1), person="person_id")
>>> cohort.people[["person", "n_records", "n_entries"]].head(2)
  person  n_records  n_entries
0      1         66         66
1      2         59         59
>>> cohort_query("SELECT count(DISTINCT person) AS people FROM entries", cohort)
   people
0       6
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sci_pain.errors import CohortError, JournalError, did_you_mean
from sci_pain.journal.problems import TEXT_DTYPE
from sci_pain.journal.reader import journal_from_frame, read_journal, read_journal_grouped

__all__ = [
    "Cohort",
    "CohortError",
    "read_journals",
    "cohort_from_frame",
    "read_cohort",
    "cohort_query",
    "run_in_workers",
]

PROBLEM_COLUMNS: tuple[str, ...] = ("person", "row", "column", "value", "reason", "kept")
PEOPLE_COLUMNS: tuple[str, ...] = (
    "person",
    "source",
    "status",
    "n_records",
    "n_entries",
    "n_dropped",
    "n_problems",
)
_FILES = {"entries": "entries.parquet", "problems": "problems.parquet", "people": "people.parquet"}
# Below this many journals, starting worker processes costs more than it saves.
_PARALLEL_FROM = 16
_PARALLEL_BYTES = 256 * 1024 * 1024
"""Journals that together hold fewer bytes are read in one process by :func:`read_journals`.

Journals with one header are read in one pass (:func:`_read_together`): 1,000 one-year
journals (60 MB, 700,000 records) take about 3 s of CPU time in one process, and took a third
more CPU time and more wall-clock time with two workers on two busy cores (starting them and
sending their tables back). Past about 3 million records the reading itself dominates."""


@dataclass(frozen=True)
class Cohort:
    """Many people's journals as one long table.

    Attributes
    ----------
    entries : DataFrame
        ``person`` (text) first, then the columns of ``Journal.entries`` (``row`` is the
        record's row in that person's file). Sorted by person, then time.
    problems : DataFrame
        ``person``, ``row`` (1 for the header or a whole file), ``column`` (missing for a
        whole record or file), ``value``, ``reason`` and ``kept`` (is the record in
        ``entries``?). A journal that could not be read has one row here with its reason.
    people : DataFrame
        One row per journal: ``person``, ``source`` (the file), ``status`` (``"read"`` or
        ``"unreadable"``), ``n_records``, ``n_entries``, ``n_dropped``, ``n_problems``.
        ``n_records == n_entries + n_dropped`` for every journal read.
    """

    entries: pd.DataFrame
    problems: pd.DataFrame
    people: pd.DataFrame

    @property
    def persons(self) -> list[str]:
        """Every person, including those whose journal could not be read."""
        return self.people["person"].tolist()

    def summary(self) -> str:
        """One line: people, journals read, records kept and not kept."""
        unreadable = int((self.people["status"] != "read").sum())
        return (
            f"{len(self.people)} journals: {len(self.people) - unreadable} read, "
            f"{unreadable} unreadable; {int(self.people['n_records'].sum())} records, "
            f"{len(self.entries)} kept, {int(self.people['n_dropped'].sum())} not kept"
        )

    def to_parquet(self, folder: str | os.PathLike) -> Path:
        """Write ``entries.parquet``, ``problems.parquet`` and ``people.parquet`` to a folder.

        Returns
        -------
        pathlib.Path
            The folder (created if needed).
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, file in _FILES.items():
            getattr(self, name).to_parquet(folder / file, engine="pyarrow", index=False)
        return folder

    def query(self, sql: str) -> pd.DataFrame:
        """Run SQL over this cohort's tables (see :func:`cohort_query`)."""
        return cohort_query(sql, self)


# --------------------------------------------------------------------------------------------
# reading


def _person_names(paths: Sequence[Path], person: Sequence[str] | None) -> list[str]:
    if person is None:
        names = [p.stem for p in paths]
    else:
        names = [str(p) for p in person]
        if len(names) != len(paths):
            msg = f"person has {len(names)} names for {len(paths)} journals; give one per file"
            raise CohortError(msg)
    seen: dict[str, int] = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
    repeated = sorted(n for n, k in seen.items() if k > 1)
    if repeated:
        msg = (
            f"two journals would be the same person: {', '.join(map(repr, repeated[:5]))}. "
            f"Rename the files or pass person=[...] with one distinct name per file."
        )
        raise CohortError(msg)
    return names


def _files(folder_or_files) -> list[Path]:
    if isinstance(folder_or_files, (str, os.PathLike)):
        path = Path(folder_or_files)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
            if not files:
                msg = f"{path}: no .csv journals in this folder"
                raise CohortError(msg)
            return files
        return [path]
    files = [Path(p) for p in folder_or_files]
    if not files:
        msg = "no journals given: pass a folder or a list of CSV files"
        raise CohortError(msg)
    return files


def _read_one(task: tuple[str, str]) -> tuple:
    """Validate one journal (in a worker process when parallel)."""
    person, path = task
    try:
        journal = read_journal(path)
    except JournalError as error:
        return person, path, None, None, str(error), None
    return person, path, journal.entries, journal.problems, None, None


def _plain(data: bytes, person: str = "") -> tuple[bytes, bytes, np.ndarray | None] | None:
    """Return (header line, data lines, record ends) of a file that can be read with others.

    The data lines end in a newline; the record ends are the positions of the newlines that
    end a record, None when every newline does (no quoted cell runs over a line end, as in
    a note of two paragraphs). None instead of the triple when the file does not qualify.
    ``person`` is not used (records are told apart by their file, not by their text).

    A file qualifies when reading it inside one bigger file cannot change a thing: UTF-8,
    comma-separated (as the reader would sniff it), every quote where a CSV reader reads it
    as one (opening a cell, closing it, or doubled inside it), no carriage returns, no blank
    line, and every record with as many fields as the header. Anything else is read on its
    own. Many files are checked at once by :func:`_check_together`; this is the same check
    for one file.
    """
    split = _split_plain(data)
    if split is None:
        return None
    header, body = split
    raw = np.frombuffer(body, dtype=np.uint8)
    bad, ends, _ = _check_together(raw, np.array([raw.size]), header.count(b","))
    if bad[0]:
        return None
    return header, body, ends if ends.size != body.count(b"\n") else None


def _split_plain(data: bytes) -> tuple[bytes, bytes] | None:
    """Return (header line, data lines ending in a newline) of a file, or None.

    None when the file cannot be read with others for a reason seen without looking at
    each record (see :func:`_plain`).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data or b"\r" in data:
        return None
    header, _, body = data.partition(b"\n")
    if (
        b'"' in header
        or header.count(b",") < max(header.count(b";"), header.count(b"\t"), 1)
        or header.lower().startswith(b"sep=")
    ):
        return None
    if not body.endswith(b"\n"):
        body += b"\n"
    if body.startswith(b"\n"):  # (a blank line further on has no comma: refused later)
        return None
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if body.count(b'"') % 2:  # a quote left open would run on into the next file
        return None
    return header, body


def _check_together(
    raw: np.ndarray, sizes: np.ndarray, commas_per_record: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Check the data lines of many files at once, as one array of bytes.

    ``raw`` holds the files' data lines one after another (each file's ending in a newline
    and holding an even number of quotes), ``sizes`` their lengths in bytes. Returns a
    flag per file that does not qualify (see :func:`_plain`: a quote out of place, a
    record with too few or too many fields), the positions of the newlines that end a
    record, and the file of each of those records.
    """
    ends_of_files = np.cumsum(sizes)
    newlines = np.flatnonzero(raw == ord("\n"))
    commas = np.flatnonzero(raw == ord(","))
    bad = np.zeros(sizes.size, dtype=bool)
    quotes = np.flatnonzero(raw == ord('"'))
    if quotes.size:
        # every file holds an even number of quotes, so pairs never span two files
        opening, closing = quotes[0::2], quotes[1::2]
        before = raw[np.maximum(opening - 1, 0)]
        before[opening == 0] = ord("\n")
        after = raw[np.minimum(closing + 1, raw.size - 1)]
        after[closing + 1 >= raw.size] = ord("\n")
        misplaced = ~(_AROUND_QUOTES[before] & _AROUND_QUOTES[after])
        bad[np.searchsorted(ends_of_files, opening[misplaced], side="right")] = True
        # a newline is inside a quoted cell when an odd number of quotes precede it
        newlines = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    if not newlines.size:  # (every line end inside quotes)
        return np.ones(sizes.size, dtype=bool), newlines, newlines
    per_record = np.diff(np.searchsorted(commas, newlines), prepend=0)
    if quotes.size:  # the commas inside quoted cells, taken off their record's count
        inside = np.searchsorted(commas, closing) - np.searchsorted(commas, opening)
        record = np.minimum(np.searchsorted(newlines, opening), newlines.size - 1)
        per_record -= np.bincount(record, weights=inside, minlength=newlines.size).astype(
            per_record.dtype
        )
    owner = np.searchsorted(ends_of_files, newlines, side="right")
    bad[owner[per_record != commas_per_record]] = True
    return bad, newlines, owner


_AROUND_QUOTES = np.zeros(256, dtype=bool)
_AROUND_QUOTES[[ord(","), ord("\n"), ord('"')]] = True
"""The bytes that may stand before a cell's opening quote or after its closing one."""


def _read_together(persons: list[str], paths: list[str], header: bytes, bodies: list[bytes]):
    """Read journals with one header as one file; split the result by person.

    ``bodies`` are the files' data lines (from :func:`_split_plain`). The files are checked
    at once (:func:`_check_together`); the reader is told each record's file, so that
    records of two people are never duplicates and the entries come in the order of
    ``persons``, each person's in time order. Row numbers and references to rows are made
    per file. Returns a list of results as :func:`_read_one` gives them: those of the files
    that do not qualify, then one for the block.
    """
    text = b"".join([header, b"\n", *bodies])
    raw = np.frombuffer(text, dtype=np.uint8)[len(header) + 1 :]
    sizes = np.array([len(body) for body in bodies], dtype=np.int64)
    bad, _, owner = _check_together(raw, sizes, header.count(b","))
    if bad.any():  # (rare) those alone, the others together
        good = np.flatnonzero(~bad)
        results = [_read_one((persons[i], paths[i])) for i in np.flatnonzero(bad)]
        if good.size == 1:
            results.append(_read_one((persons[good[0]], paths[good[0]])))
        elif good.size:
            results.extend(
                _read_together(
                    [persons[i] for i in good],
                    [paths[i] for i in good],
                    header,
                    [bodies[i] for i in good],
                )
            )
        return results
    lines = np.bincount(owner, minlength=len(persons))
    first = np.concatenate([[2], 2 + np.cumsum(lines)[:-1]])  # global row of each file's first
    try:
        journal = read_journal_grouped(_InMemory(text), groups=owner)
    except (JournalError, ValueError):  # (not expected) each file on its own
        return [_read_one(task) for task in zip(persons, paths, strict=True)]

    def local(rows: np.ndarray) -> np.ndarray:
        return rows - first[owner[rows - 2]] + 2

    entries = journal.entries
    at = entries["row"].to_numpy()
    who = owner[at - 2]
    entries = entries.drop(columns=["person"], errors="ignore").assign(row=local(at))
    problems = journal.problems
    header_problems = problems[problems["row"] == 1]
    records = problems[problems["row"] > 1]
    at = records["row"].to_numpy()
    records = records.assign(row=local(at), _who=owner[at - 2])
    total = int(lines.sum())

    def renumber(match) -> str:
        row = int(match.group(1))
        return f"row {local(np.array([row]))[0]}" if 2 <= row < total + 2 else match.group(0)

    records["problem"] = records["problem"].str.replace(r"\brow (\d+)\b", renumber, regex=True)
    names = pc.take(pa.array(persons, type=pa.string()), who)
    entries.insert(0, "person", pd.array(names, dtype=TEXT_DTYPE))
    persons_of = np.asarray(persons, dtype=object)
    records = records.assign(person=persons_of[records["_who"].to_numpy()]).drop(columns="_who")
    # every person's file has the same header: the same notes on it, once per person
    each = np.tile(np.arange(len(header_problems)), len(persons))
    header_problems = header_problems.iloc[each].assign(
        person=np.repeat(persons_of, len(header_problems))
    )
    problems = pd.concat([header_problems, records], ignore_index=True)
    kept = np.bincount(who, minlength=len(persons))
    if who.size > 1 and not (who[1:] >= who[:-1]).all():  # (not expected) person order
        entries = entries.iloc[np.argsort(who, kind="stable")].reset_index(drop=True)
    # one result for the whole block: splitting it per person and stacking it again costs
    # more than reading it
    return [(list(persons), list(paths), entries, problems, None, kept)]


class _InMemory:
    """An open file over bytes in memory whose ``read`` gives them all at once.

    The reader then keeps the bytes as they are (a ``BytesIO`` is read in pieces that are
    joined again: a copy of the whole class's journals).
    """

    def __init__(self, data: bytes):
        self._data = data

    def read(self, _size: int = -1) -> bytes:
        data, self._data = self._data, b""
        return data


def _read_chunk(chunk: list[tuple[str, str]]) -> list[tuple]:
    """Validate a chunk of journals: those that qualify in one read per header, others alone.

    A journal qualifies when :func:`_plain` accepts it.
    """
    groups: dict[bytes, list] = {}
    alone = []
    for person, path in chunk:
        try:
            data = Path(path).read_bytes()
        except OSError:
            alone.append((person, path))
            continue
        plain = _split_plain(data)
        if plain is None:
            alone.append((person, path))
        else:
            groups.setdefault(plain[0], []).append((person, path, plain[1]))
    results = [_read_one((person, path)) for person, path in alone]
    for header, members in groups.items():
        if len(members) == 1:
            person, path, _ = members[0]
            results.append(_read_one((person, path)))
            continue
        for block in _blocks(members):
            persons, paths, bodies = (list(x) for x in zip(*block, strict=True))
            results.extend(_read_together(persons, paths, header, bodies))
    return results


_BLOCK_BYTES = 256 * 1024 * 1024
"""Journals read as one file hold at most this many bytes together (half the reader's limit)."""


def _blocks(members: list[tuple]) -> list[list[tuple]]:
    """Split (person, path, data lines) in order into blocks of :data:`_BLOCK_BYTES` at most."""
    blocks: list[list[tuple]] = [[]]
    size = 0
    for member in members:
        if blocks[-1] and size + len(member[2]) > _BLOCK_BYTES:
            blocks.append([])
            size = 0
        blocks[-1].append(member)
        size += len(member[2])
    return blocks


def _validate_together(frame: pd.DataFrame, person: str) -> Cohort:
    """Validate many people's records in one frame (see :func:`cohort_from_frame`)."""
    original = frame[person]
    try:  # people numbered 1, 2, ..., 10 stay in that order (not "1", "10", "2")
        order = np.argsort(original.to_numpy(), kind="stable")
    except TypeError:
        order = np.argsort(original.astype(str).to_numpy(), kind="stable")
    who = original.astype(str).to_numpy()
    raw = frame.drop(columns=[person]).iloc[order].reset_index(drop=True)
    who = who[order]
    local = pd.Series(who).groupby(who, sort=False).cumcount().to_numpy() + 2
    key = "person" if "person" not in raw.columns else "_person_"
    raw[key] = who
    positions = np.arange(2, len(raw) + 2, dtype=np.int64)
    journal = journal_from_frame(raw, source="cohort", rows=positions)
    entries = journal.entries
    at = entries["row"].to_numpy() - 2
    entries = entries.drop(columns=[key]).assign(row=local[at])
    entries.insert(0, "person", pd.array(who[at], dtype=TEXT_DTYPE))
    rank = {p: i for i, p in enumerate(pd.unique(who))}
    entries = entries.iloc[
        np.lexsort((entries["timestamp"].to_numpy(), entries["person"].map(rank).to_numpy()))
    ].reset_index(drop=True)
    problems = journal.problems
    problems = problems[~((problems["row"] == 1) & (problems["column"] == key))]
    persons = pd.unique(who)
    header = problems[problems["row"] == 1]
    records = problems[problems["row"] > 1]
    at = records["row"].to_numpy() - 2
    records = records.assign(row=local[at], person=who[at])
    # a reason may point at another record ("duplicate of row 72"): give its own row number
    records["problem"] = records["problem"].str.replace(
        r"\brow (\d+)\b",
        lambda m: (
            f"row {local[int(m.group(1)) - 2]}"
            if 2 <= int(m.group(1)) < len(raw) + 2
            else m.group(0)
        ),
        regex=True,
    )
    header = pd.concat([header.assign(person=p) for p in persons], ignore_index=True)
    problems = pd.concat([header, records], ignore_index=True).rename(columns={"problem": "reason"})
    problems = problems.iloc[
        np.lexsort((problems["row"].to_numpy(), problems["person"].map(rank).to_numpy()))
    ].reset_index(drop=True)
    problems = problems.reindex(columns=list(PROBLEM_COLUMNS))
    n_entries = entries.groupby("person").size().reindex(persons, fill_value=0)
    dropped = records.loc[~records["kept"].astype(bool)]
    n_dropped = dropped.groupby("person")["row"].nunique().reindex(persons, fill_value=0)
    n_problems = problems.groupby("person").size().reindex(persons, fill_value=0)
    people = pd.DataFrame(
        {
            "person": persons,
            "source": f"{person} column",
            "status": "read",
            "n_records": (n_entries + n_dropped).to_numpy(),
            "n_entries": n_entries.to_numpy(),
            "n_dropped": n_dropped.to_numpy(),
            "n_problems": n_problems.to_numpy(),
        }
    ).astype(dict.fromkeys(("person", "source", "status"), TEXT_DTYPE))
    return Cohort(entries=entries, problems=_typed_problems(problems), people=people)


def _typed_problems(problems: pd.DataFrame) -> pd.DataFrame:
    """Return a cohort's problems table with its columns in order and their dtypes.

    Text columns take the journals' text dtype, so a missing ``column`` or ``value`` stays
    missing (``astype(str)`` on pandas 2 wrote it as the word "None").
    """
    problems = problems.reindex(columns=list(PROBLEM_COLUMNS))
    text = dict.fromkeys(("person", "column", "value", "reason"), TEXT_DTYPE)
    return problems.astype({**text, "row": np.int64, "kept": bool})


def _block_people(persons: list, sources: list, kept, problems) -> list[tuple]:
    """Return a ``people`` row per journal of a block read together (:func:`_read_together`).

    ``kept`` is the number of entries of each person.
    """
    kept = [int(k) for k in kept]
    records = problems[problems["row"] > 1]
    gone = records.loc[~records["kept"].astype(bool)].groupby("person")["row"].nunique()
    gone = gone.reindex(persons, fill_value=0).tolist()
    counted = problems["person"].value_counts().reindex(persons, fill_value=0).tolist()
    return [
        (who, str(path), "read", k + g, k, g, c)
        for who, path, k, g, c in zip(persons, sources, kept, gone, counted, strict=True)
    ]


def _unreadable(person: str, error: str) -> pd.DataFrame:
    """Return the one problem of a journal that could not be read at all."""
    return pd.DataFrame(
        {
            "person": [person],
            "row": [1],
            "column": [None],
            "value": [None],
            "reason": [f"journal not read: {error}"],
            "kept": [False],
        }
    )


def _rank(order: Sequence[str], persons: pd.Series) -> np.ndarray:
    """Return each person's place in `order`."""
    rank = pd.Series(np.arange(len(order)), index=pd.Index(order))
    return rank.reindex(persons).to_numpy()


def _stacked_entries(
    parts: list[pd.DataFrame],
    order: Sequence[str] | None,
    held: Sequence[tuple[Sequence[str], Sequence[int]]] = (),
) -> pd.DataFrame:
    """Return the entries of every journal in one table, ``person`` first.

    ``held`` gives for each part its people in the order of its rows and the number of
    rows of each (a part holds each person's rows together); people in `order` are then
    put in order from these, without comparing a name per row.
    """
    if parts:
        entries = pd.concat(parts, ignore_index=True)
    else:
        entries = journal_from_frame(
            pd.DataFrame({"timestamp": [], "pain": []}), source="empty"
        ).entries.assign(person=pd.Series([], dtype=TEXT_DTYPE))
    entries = entries[["person", *[c for c in entries.columns if c != "person"]]]
    entries["person"] = entries["person"].astype(TEXT_DTYPE)
    if order is not None and held:  # people in the order asked for; each one's as read
        place = {name: i for i, name in enumerate(order)}
        ranks = np.array([place[name] for names, _ in held for name in names], dtype=np.int64)
        if not (ranks[1:] >= ranks[:-1]).all():  # else already in that order: no copy
            counts = np.concatenate([np.asarray(n, dtype=np.int64) for _, n in held])
            rank = np.repeat(ranks, counts)
            entries = entries.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)
    elif order is not None:
        rank = _rank(order, entries["person"])
        if not (rank[1:] >= rank[:-1]).all():  # else already in that order: no copy
            entries = entries.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)
    return entries


def _gather(results: Iterable[tuple], order: Sequence[str] | None = None) -> Cohort:
    """Return the cohort of the journals' results (from :func:`_read_chunk`), in `order`."""
    entry_parts, problem_parts, people, held = [], [], [], []
    for person, source, entries, problems, error, kept in results:
        if isinstance(person, list):  # a block of journals read together (_read_together)
            entry_parts.append(entries)
            held.append((person, kept))
            problems = problems.rename(columns={"problem": "reason"})
            problem_parts.append(problems)
            people.extend(_block_people(person, source, kept, problems))
        elif error is not None:
            problem_parts.append(_unreadable(person, error))
            people.append((person, str(source), "unreadable", 0, 0, 0, 1))
        else:
            kept = len(entries)
            dropped_rows = problems.loc[~problems["kept"].astype(bool), "row"]
            dropped = int(dropped_rows[dropped_rows > 1].nunique())
            entry_parts.append(entries.assign(person=person))
            held.append(([person], [kept]))
            if len(problems):
                problem_parts.append(
                    problems.rename(columns={"problem": "reason"}).assign(person=person)
                )
            people.append(
                (person, str(source), "read", kept + dropped, kept, dropped, len(problems))
            )
    entries = _stacked_entries(entry_parts, order, held)
    # each part typed first (no part's all-missing column leaves its dtype to chance): the
    # table is then typed as it is joined
    problems = pd.concat(
        [_typed_problems(part) for part in problem_parts or [pd.DataFrame()]], ignore_index=True
    )
    people_frame = pd.DataFrame(people, columns=list(PEOPLE_COLUMNS)).astype(
        dict.fromkeys(("person", "source", "status"), TEXT_DTYPE)
    )
    if order is not None:
        where = np.argsort(_rank(order, people_frame["person"]), kind="stable")
        people_frame = people_frame.iloc[where].reset_index(drop=True)
        where = np.lexsort((problems["row"].to_numpy(), _rank(order, problems["person"])))
        problems = problems.iloc[where].reset_index(drop=True)
    return Cohort(entries=entries, problems=problems, people=people_frame)


def _workers(workers: int | None, n_tasks: int) -> int:
    """Return the processes to use: as asked, else up to 2 from :data:`_PARALLEL_FROM` tasks."""
    if workers is not None:
        return workers
    return min(2, os.cpu_count() or 1) if n_tasks >= _PARALLEL_FROM else 1


def _reading_workers(workers: int | None, files: Sequence[Path]) -> int:
    """Return the processes :func:`read_journals` uses: as asked, else by the files' size.

    Up to 2 when the files hold :data:`_PARALLEL_BYTES` or more, else 1.
    """
    if workers is not None:
        return workers
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:  # (reported when it is read)
            continue
    return min(2, os.cpu_count() or 1) if total >= _PARALLEL_BYTES else 1


def run_in_workers(function: Callable, tasks: list, workers: int | None = None) -> list:
    """Return ``[function(task) for task in tasks]``, computed in worker processes if many.

    Used to validate many people's journals; the results keep the tasks' order.

    Parameters
    ----------
    function : callable
        A module-level function of one task (it is sent to the workers by pickling).
    tasks : list
        One argument per call.
    workers : int, optional
        Processes to use. Default: up to 2 (the cores of a teaching laptop) from 16 tasks
        on, else 1 (starting processes costs about a second). With 1, or fewer than two
        tasks, everything runs here.

    Returns
    -------
    list

    Examples
    --------
    >>> run_in_workers(abs, [-1, 2, -3], workers=1)
    [1, 2, 3]
    """
    workers = _workers(workers, len(tasks))
    if workers <= 1 or len(tasks) < 2:
        return [function(task) for task in tasks]
    import multiprocessing
    import threading

    # Fork is quickest and needs no re-import of the calling script, but is unsafe in a
    # process that runs other threads (a Jupyter kernel does): there, use a fork server.
    methods = multiprocessing.get_all_start_methods()
    single = threading.active_count() == 1
    method = "fork" if single and "fork" in methods else methods[0]
    context = multiprocessing.get_context(method)
    chunk = max(1, math.ceil(len(tasks) / (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, tasks, chunksize=chunk))


def read_journals(
    folder_or_files: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    person: Sequence[str] | None = None,
    workers: int | None = None,
    save_to: str | os.PathLike | None = None,
) -> Cohort:
    """Read and validate many journals into one cohort (one long table with ``person``).

    Each file is read with :func:`~sci_pain.read_journal`: every record is kept or reported,
    exactly as for a single journal. A file that cannot be read at all (empty, not a CSV, no
    ``pain`` column) becomes one row of ``problems`` and ``status == "unreadable"`` in
    ``people``; the other journals are still read.

    Parameters
    ----------
    folder_or_files : folder, file, or iterable of files
        A folder (every ``*.csv`` in it, in name order) or the files themselves.
    person : sequence of str, optional
        One name per file; default the file name without ``.csv``. Names must be distinct.
    workers : int, optional
        Processes to validate in. Default: up to 2 (the cores of a teaching laptop) when
        the files hold 256 MB or more (some 3 million records), else 1: journals with the
        same header are read in one pass, which for fewer records is quicker in one process
        than starting workers and sending their tables back.
    save_to : folder, optional
        Also write the cohort there as Parquet (:meth:`Cohort.to_parquet`).

    Returns
    -------
    Cohort
        Every journal's entries and problems, and one row of counts per journal.

    Raises
    ------
    CohortError
        If the folder holds no CSV file, or two journals would get the same name.

    Examples
    --------
    >>> from sci_pain._resources import data_path
    >>> folder = data_path("journals")
    >>> cohort = read_journals(folder)
    >>> cohort.people[["person", "status", "n_records", "n_entries"]].head(3)
               person status  n_records  n_entries
    0  atrophy_weight   read        251        251
    1             dvt   read        246        246
    2   messy_example   read         10          7
    """
    files = _files(folder_or_files)
    names = _person_names(files, person)
    tasks = [(name, str(path)) for name, path in zip(names, files, strict=True)]
    workers = _reading_workers(workers, files)
    size = math.ceil(len(tasks) / max(1, workers))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    results = run_in_workers(_read_chunk, chunks, workers)
    cohort = _gather((r for part in results for r in part), names)
    if save_to is not None:
        cohort.to_parquet(save_to)
    return cohort


def cohort_from_frame(
    frame: pd.DataFrame,
    *,
    person: str = "person",
    save_to: str | os.PathLike | None = None,
) -> Cohort:
    """Validate records of many people held in one DataFrame (e.g. :func:`simulate_cohort`).

    The records are checked with :func:`~sci_pain.journal_from_frame` in one pass, with the
    person as part of every record, so that the result is the same as checking each
    person's records as a file of their own (``row`` counts from 2 within each person),
    only much faster than one call per person.

    Parameters
    ----------
    frame : DataFrame
        Journal columns (as text or numbers) and a column naming the person.
    person : str, default "person"
        That column's name.
    save_to : folder, optional
        As for :func:`read_journals`.

    Returns
    -------
    Cohort
        As from :func:`read_journals`; ``people["source"]`` names the person column.

    Raises
    ------
    CohortError
        If ``person`` is not a column of ``frame``.
    """
    if person not in frame.columns:
        msg = (
            f"the frame has no column {person!r} naming the person; its columns are "
            f"{', '.join(map(str, frame.columns))}."
            f"{did_you_mean(person, map(str, frame.columns), n=1)}"
        )
        raise CohortError(msg)
    cohort = _validate_together(frame, person)
    if save_to is not None:
        cohort.to_parquet(save_to)
    return cohort


def read_cohort(folder: str | os.PathLike) -> Cohort:
    """Read a cohort saved by :meth:`Cohort.to_parquet` (or ``read_journals(save_to=...)``).

    Raises
    ------
    CohortError
        If one of the three Parquet files is missing.
    """
    folder = Path(folder)
    missing = [file for file in _FILES.values() if not (folder / file).is_file()]
    if missing:
        msg = (
            f"{folder}: not a saved cohort, missing {', '.join(missing)}. Save one with "
            f"read_journals(..., save_to=folder) or cohort.to_parquet(folder)."
        )
        raise CohortError(msg)
    tables = {
        name: _text_typed(pd.read_parquet(folder / file, engine="pyarrow"))
        for name, file in _FILES.items()
    }
    return Cohort(**tables)


def _text_typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give text columns read back from Parquet the journals' text dtype.

    pandas 2 reads them as objects with None for missing; every text column of a cohort is
    saved as text, so every object column read back is one.
    """
    text = [name for name, dtype in frame.dtypes.items() if pd.api.types.is_object_dtype(dtype)]
    return frame.astype(dict.fromkeys(text, TEXT_DTYPE)) if text else frame


# --------------------------------------------------------------------------------------------
# SQL


def cohort_query(sql: str, source: Cohort | str | os.PathLike) -> pd.DataFrame:
    """Answer an SQL question over a cohort with DuckDB (embedded; no server, no network).

    Three tables can be named: ``entries``, ``problems`` and ``people`` (see
    :class:`Cohort`). For a saved cohort DuckDB reads the Parquet files directly, reading
    only the columns the query needs.

    Parameters
    ----------
    sql : str
        One SQL query, e.g.
        ``"SELECT person, avg(pain) AS mean_pain FROM entries GROUP BY person"``.
    source : Cohort or folder
        A cohort in memory, or a folder written by :meth:`Cohort.to_parquet`.

    Returns
    -------
    DataFrame

    Raises
    ------
    CohortError
        If the query is not valid SQL or names a table or column that does not exist; the
        message lists the tables and columns there are.
    """
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        if isinstance(source, Cohort):
            import pyarrow as pa

            for name in _FILES:
                table = pa.Table.from_pandas(getattr(source, name), preserve_index=False)
                con.register(name, table)
            columns = {name: list(getattr(source, name).columns) for name in _FILES}
        else:
            folder = Path(source)
            read_cohort_files = [folder / file for file in _FILES.values()]
            missing = [p.name for p in read_cohort_files if not p.is_file()]
            if missing:
                msg = f"{folder}: not a saved cohort, missing {', '.join(missing)}"
                raise CohortError(msg)
            for name, file in _FILES.items():
                path = str(folder / file).replace("'", "''")
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
            columns = {
                name: [row[0] for row in con.execute(f"DESCRIBE {name}").fetchall()]
                for name in _FILES
            }
        try:
            return con.execute(sql).df()
        except duckdb.Error as error:
            listing = "; ".join(f"{t}: {', '.join(map(str, c))}" for t, c in columns.items())
            msg = f"the query could not run: {str(error).splitlines()[0]}\nTables: {listing}"
            raise CohortError(msg) from None
    finally:
        con.close()
