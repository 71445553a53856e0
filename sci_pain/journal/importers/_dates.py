"""Day first or month first: read from the file when it says, asked for when it does not.

Dates such as ``03/04/2026`` are 3 April or 4 March, and only the person who wrote them
knows which. The importers for files whose dates follow the phone's or the spreadsheet's
language (the Privacy Friendly Pain Diary's CSV export, text dates in a spreadsheet) use
:func:`iso_dates` to decide, **for the whole file at once**:

* a date whose first number is above 12 (``24/11/2019``) can only be day first; one whose
  second number is above 12 (``11/24/2019``) only month first; if the file holds such a
  date, the whole file is read in that order;
* when every date reads the same either way (``05/05/2026``), nothing needs deciding;
* when every day is 12 or less (``03/04/2026``, ``11/10/2026``), the order cannot be told
  from the file, and a :class:`~sci_pain.errors.JournalError` says so, naming the file and
  the column; it carries ``needs_date_order = True`` and example dates, so that each front
  end (the upload widget, the command line) asks in its own words. The person who wrote the
  file then chooses the order (``order=`` here, ``date_order=`` in the readers);
* a file that has both kinds (``24/11/2019`` and ``11/24/2019``) mixes orders: it is refused
  with the rows that disagree.

A year written first with four digits (``2019/11/24``, ``2019.11.24``) is read year, month,
day; two-digit years are read as 2000-2099 (``24.11.19`` is 24 November 2019: a pain diary
kept on a phone is not older). Dates already in ISO 8601 (``2019-11-24``) are left as they
are. Cells that are not dates of these shapes are left as they are, so that the journal
validator reports them.

Examples
--------
>>> iso_dates(["24/11/2019", "3/12/2019 08:30"], source="diary.csv", column="Date")
(['2019-11-24', '2019-12-03T08:30'], 'day first')
>>> try:
...     iso_dates(["03/04/2026", "11/10/2026"], source="diary.csv", column="Date")
... except JournalError as error:
...     print(error)  # doctest: +NORMALIZE_WHITESPACE
diary.csv: the dates in column 'Date' could be day first or month first (every day is 12
or less, e.g. '03/04/2026', '11/10/2026'), and the order is never guessed: '03/04/2026' is a
different day each way. Choose the date order: day first (31/12/2024) or month first
(12/31/2024).
>>> iso_dates(["03/04/2026", "11/10/2026"], source="diary.csv", column="Date", order="day first")
(['2026-04-03', '2026-10-11'], 'day first')
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sci_pain.errors import JournalError

__all__ = ["iso_dates", "order_found_note", "strptime_format", "DATE_ORDERS"]

DATE_ORDERS: dict[str, str] = {
    "day first": "%d/%m/%Y",
    "month first": "%m/%d/%Y",
    "year first": "%Y/%m/%d",
}
"""The orders :func:`iso_dates` knows, with a ``date_format`` of each shape (slashes)."""

_DATE_RE = re.compile(
    r"\s*(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?"
    r"(?:(\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*",
    re.ASCII,
)


@dataclass
class _Cell:
    """A day/month date as found: the match, its first and second numbers, and the year."""

    match: re.Match
    a: int
    b: int
    year: int | None


@dataclass
class _Scan:
    """What a column's cells say: each cell read (or None) and the cells by what they show."""

    cells: list[_Cell | None]
    shown: dict[str, list[tuple[int, str]]]  # how -> [(row, text)]
    year_first: bool
    seps: dict[tuple[str, bool], int]


def _year(text: str) -> int | None:
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        return 2000 + int(text)
    return None


def _real(year: int | None, month: int, day: int) -> bool:
    if year is None:
        return False
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _clock(match: re.Match) -> str | None:
    """``THH:MM[:SS]`` (24-hour), ``""`` for no time, None for an impossible time."""
    if match[6] is None:
        return ""
    hour, minute = int(match[6]), int(match[7])
    second = match[8]
    if match[9]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[9] in "Pp" else 0)
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59):
        return None
    return f"T{hour:02d}:{minute:02d}" + (f":{second}" if second is not None else "")


def _scan_one(text: object) -> tuple[str | None, _Cell | None]:
    """Read one cell's shape: (how it reads, the cell) or (None, None) for other cells.

    ``how`` is ``"year first"``, ``"day first"`` or ``"month first"`` (only that way),
    ``"both"`` (a different day each way) or ``"either"`` (the same day both ways).
    A year written first that is not a real date gives ``("year first", None)``.
    """
    match = _DATE_RE.fullmatch(text) if isinstance(text, str) else None
    if match is None or (match[2] == "-" and len(match[1]) == 4):
        return None, None  # not a day/month date, or ISO 8601 already
    first, last = match[1], match[4]
    if len(first) == 4:
        year = _year(first)
        month, day = int(match[3]), int(last)
        real = _real(year, month, day)
        return "year first", (_Cell(match, day, month, year) if real else None)
    if len(first) > 2:
        return None, None
    year = _year(last)
    a, b = int(first), int(match[3])
    day_ok, month_ok = _real(year, b, a), _real(year, a, b)
    if not (day_ok or month_ok):
        return None, None
    if day_ok and not month_ok:
        how = "day first"
    elif month_ok and not day_ok:
        how = "month first"
    else:
        how = "both" if a != b else "either"
    return how, _Cell(match, a, b, year)


def _scan(texts: Sequence[object], numbers: Sequence[int]) -> _Scan:
    """Read the shape of every cell of a column, and what each says about the order."""
    scan = _Scan(cells=[], shown={}, year_first=False, seps={})
    for position, text in enumerate(texts):
        how, cell = _scan_one(text)
        if how == "year first":
            scan.year_first = True
        elif how is not None:
            key = (cell.match[2], len(cell.match[4]) == 2)
            scan.seps[key] = scan.seps.get(key, 0) + 1
            scan.shown.setdefault(how, []).append((numbers[position], str(text).strip()))
        scan.cells.append(cell)
    return scan


def _decide(scan: _Scan, source: str, column: str) -> str:
    """Return the order the column's dates show; raise a JournalError when they show none."""
    only_day, only_month = scan.shown.get("day first"), scan.shown.get("month first")
    if only_day and only_month:
        (r1, t1), (r2, t2) = only_day[0], only_month[0]
        msg = (
            f"{source}: the dates in column {column!r} mix day-first and month-first: row "
            f"{r1} ({t1!r}) can only be day first and row {r2} ({t2!r}) only month first. "
            "Correct the rows that are wrong, or choose the date order most rows use; rows "
            "that do not match it are reported."
        )
        raise _order_error(msg, source, column, [(r1, t1), (r2, t2)], mixed=True)
    both = scan.shown.get("both")
    if both and not (only_day or only_month):
        examples = [t for _, t in both[:3]]
        msg = (
            f"{source}: the dates in column {column!r} could be day first or month first "
            f"(every day is 12 or less, e.g. {', '.join(map(repr, examples))}), and the order "
            f"is never guessed: {examples[0]!r} is a different day each way. Choose the date "
            "order: day first (31/12/2024) or month first (12/31/2024)."
        )
        raise _order_error(msg, source, column, both[:3])
    if only_month:
        return "month first"
    if only_day:
        return "day first"
    return "year first" if scan.year_first and not scan.seps else "either"


def _order_error(
    msg: str, source: str, column: str, shown: list[tuple[int, str]], *, mixed: bool = False
) -> JournalError:
    """Make a JournalError that says, as data, that the date order must be chosen.

    Front ends (the upload widget, the command line, a notebook) read these attributes and
    phrase the fix in their own words: ``needs_date_order`` (True), ``column`` (the header
    as written), ``examples`` (dates as written) with their ``rows``, ``formats`` (the
    strptime format of the first example in each order) and ``mixed`` (True when one
    example can only be day first and the other only month first). The names are those of
    the journal reader's date-order error, so that a front end reads both alike.
    """
    error = JournalError(msg, path=source)
    error.needs_date_order = True
    error.column = column
    error.rows = tuple(row for row, _ in shown)
    error.examples = tuple(text for _, text in shown)
    error.formats = {
        order: strptime_format(error.examples[0], order) for order in ("day first", "month first")
    }
    error.mixed = mixed
    return error


def _rewrite(texts: Sequence[object], cells: list[_Cell | None], order: str) -> list[object]:
    """Write each date cell as ISO 8601 in the order given; leave the others as they are."""
    out = list(texts)
    for position, cell in enumerate(cells):
        if cell is None or (order == "year first" and len(cell.match[1]) != 4):
            continue  # chosen year first: a day/month date is left for the validator
        if len(cell.match[1]) == 4 or order != "month first":
            day, month = cell.a, cell.b
        else:
            day, month = cell.b, cell.a
        if not _real(cell.year, month, day):
            continue
        clock = _clock(cell.match)
        if clock is None:
            continue
        out[position] = f"{cell.year:04d}-{month:02d}-{day:02d}{clock}"
    return out


def iso_dates(
    texts: Sequence[object],
    *,
    source: str,
    column: str,
    rows: Sequence[int] | None = None,
    order: str | None = None,
) -> tuple[list[object], str | None]:
    """Rewrite day/month dates as ISO 8601, with the order the file itself shows.

    Parameters
    ----------
    texts : sequence
        The cells of one date column; cells that are not ``str`` are returned unchanged.
    source : str
        The file's name, for messages.
    column : str
        The column's header as written in the file, for messages.
    rows : sequence of int, optional
        The spreadsheet row of each cell (default 2, 3, ...), for messages.
    order : {"day first", "month first", "year first"}, optional
        The order the person who wrote the file chose (:data:`DATE_ORDERS`). Given, it is
        used for every date and nothing is refused: a date that is not real in that order
        (``24/11/2019`` month first) is left as written, for the validator to report.

    Returns
    -------
    (cells, order)
        The cells with every day/month date of a readable shape as ISO 8601 text
        (``2019-11-24``, ``2019-11-24T08:30``), others unchanged; and the order used
        (``"day first"``, ``"month first"``, ``"year first"``, ``"either"`` when every date
        reads the same both ways, or None when there was no such date).

    Raises
    ------
    JournalError
        When no ``order`` is given and the order cannot be told (every day 12 or less) or
        the file mixes orders. The error carries ``needs_date_order = True``,
        ``column``, ``examples``, ``rows``, ``formats`` and ``mixed`` for the front ends.

    Examples
    --------
    >>> iso_dates(["11/24/19", "12/1/19 8:05 PM", "not a date"], source="x.csv", column="Date")
    (['2019-11-24', '2019-12-01T20:05', 'not a date'], 'month first')
    >>> iso_dates(["2019.11.24", "5.5.2020"], source="x.csv", column="Date")
    (['2019-11-24', '2020-05-05'], 'year first')
    >>> iso_dates(["03/04/2026"], source="x.csv", column="Date", order="month first")
    (['2026-03-04'], 'month first')
    """
    if order is not None and order not in DATE_ORDERS:
        msg = f"order must be one of {', '.join(map(repr, DATE_ORDERS))}, not {order!r}."
        raise ValueError(msg)
    numbers = list(rows) if rows is not None else list(range(2, len(texts) + 2))
    scan = _scan(texts, numbers)
    if not any(scan.cells):
        return list(texts), None
    if order is None:
        order = _decide(scan, source, column)
    out = _rewrite(texts, scan.cells, order)
    if order == "either" and scan.year_first:
        order = "year first"
    return out, order


def strptime_format(text: str, order: str) -> str | None:
    """Return the :func:`~datetime.datetime.strptime` format that reads a date in an order.

    For readers that take a format rather than an order (the journal CSV reader).

    Parameters
    ----------
    text : str
        A date as written (``31/03/2026 08:00``).
    order : {"day first", "month first", "year first"}

    Returns
    -------
    str or None
        None when the text is not a day/month date of a shape :func:`iso_dates` reads, or
        already ISO 8601 (which needs no format).

    Examples
    --------
    >>> strptime_format("31/03/2026 08:00", "day first")
    '%d/%m/%Y %H:%M'
    >>> strptime_format("3.4.26 8:05:10 PM", "month first")
    '%m.%d.%y %I:%M:%S %p'
    >>> strptime_format("2026/03/31", "year first"), strptime_format("2026-03-31", "day first")
    ('%Y/%m/%d', None)
    """
    match = _DATE_RE.fullmatch(text)
    if match is None or (match[2] == "-" and len(match[1]) == 4) or len(match[1]) == 3:
        return None
    sep = match[2]
    year = "%Y" if len(match[4]) == 4 else "%y"
    if len(match[1]) == 4:
        parts = ("%Y", "%m", "%d")
    elif order == "month first":
        parts = ("%m", "%d", year)
    else:
        parts = ("%d", "%m", year)
    fmt = sep.join(parts)
    if match[6] is not None:
        hour = "%I" if match[9] else "%H"
        fmt += ("T" if match[5] == "T" else " ") + f"{hour}:%M" + (":%S" if match[8] else "")
        if match[9]:
            fmt += " %p" if re.search(r"\s[AaPp]", text) else "%p"
    return fmt


def order_found_note(
    texts: Sequence[object], rows: Sequence[int], order: str | None, *, chosen: str | None
) -> tuple[str, str] | None:
    """Return (example, sentence) saying which order the file's dates showed, or None.

    Only when the order was read from the file (``chosen`` is None) and is one of
    :data:`DATE_ORDERS`: the importers then note it on row 1, as :func:`read_journal` does,
    so that nothing about how dates were read is silent.

    Examples
    --------
    >>> order_found_note(["3.12.19", "24.11.19"], [2, 3], "day first", chosen=None)[1]
    'dates read day-first, as the file shows: 24.11.19 (row 3) can only be 24 November 2019'
    >>> order_found_note(["3.12.19"], [2], "day first", chosen="day first") is None
    True
    """
    from sci_pain.journal.dates import date_order_note, is_day_month_date

    if chosen is not None or order not in DATE_ORDERS:
        return None
    pairs = [(t.strip(), r) for t, r in zip(texts, rows, strict=True) if is_day_month_date(t)]
    if not pairs:
        return None
    example, sentence = date_order_note([t for t, _ in pairs], [r for _, r in pairs], order)
    return example, sentence
