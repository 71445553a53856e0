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
  from the file, and a :class:`~sci_pain.errors.JournalError` asks for it, naming
  the file, the column and the parameter that gives it (``date_format=``);
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
diary.csv: the dates in column 'Date' can be read day first or month first (every day is 12
or less, e.g. '03/04/2026', '11/10/2026'), and the order is never guessed: '03/04/2026' is a
different day each way. Say how the dates are written with date_format=, e.g.
date_format='%d/%m/%Y' (day first) or date_format='%m/%d/%Y' (month first).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

from sci_pain.errors import JournalError

__all__ = ["iso_dates", "DATE_ORDERS"]

DATE_ORDERS: dict[str, str] = {
    "day first": "%d/%m/%Y",
    "month first": "%m/%d/%Y",
    "year first": "%Y/%m/%d",
}
"""The orders :func:`iso_dates` knows, with the ``date_format`` that names each."""

_DATE_RE = re.compile(
    r"\s*(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?"
    r"(?:(\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*",
    re.ASCII,
)


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


def _example(sep: str, short_year: bool, order: str) -> str:
    year = "%y" if short_year else "%Y"
    parts = {"day first": ("%d", "%m", year), "month first": ("%m", "%d", year)}[order]
    return sep.join(parts)


def iso_dates(  # noqa: C901 (to split: see the closing note of issue 10)
    texts: Sequence[object],
    *,
    source: str,
    column: str,
    rows: Sequence[int] | None = None,
    parameter: str = "date_format",
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
    parameter : str, default "date_format"
        The keyword argument a caller passes to give the format; named in messages.

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
        When the order cannot be told (every day 12 or less) or the file mixes orders.

    Examples
    --------
    >>> iso_dates(["11/24/19", "12/1/19 8:05 PM", "not a date"], source="x.csv", column="Date")
    (['2019-11-24', '2019-12-01T20:05', 'not a date'], 'month first')
    >>> iso_dates(["2019.11.24", "5.5.2020"], source="x.csv", column="Date")
    (['2019-11-24', '2020-05-05'], 'year first')
    """
    numbers = list(rows) if rows is not None else list(range(2, len(texts) + 2))
    parsed: list[tuple[int, re.Match, int, int, int | None] | None] = []
    only_day: list[tuple[int, str]] = []  # (row, text) readable only day first
    only_month: list[tuple[int, str]] = []
    both: list[tuple[int, str]] = []  # readable both ways, differently
    year_first = False
    seps: dict[tuple[str, bool], int] = {}
    for position, text in enumerate(texts):
        match = _DATE_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None or (match[2] == "-" and len(match[1]) == 4):
            parsed.append(None)  # not a day/month date, or ISO 8601 already
            continue
        first, last = match[1], match[4]
        if len(first) == 4:
            year_first = True
            year = _year(first)
            a, b = int(match[3]), int(last)  # month, day
            parsed.append((position, match, b, a, year) if _real(year, a, b) else None)
            continue
        if len(first) > 2:
            parsed.append(None)
            continue
        year = _year(last)
        a, b = int(first), int(match[3])
        day_ok, month_ok = _real(year, b, a), _real(year, a, b)
        if not (day_ok or month_ok):
            parsed.append(None)
            continue
        parsed.append((position, match, a, b, year))
        seps[(match[2], len(last) == 2)] = seps.get((match[2], len(last) == 2), 0) + 1
        shown = (numbers[position], text.strip())
        if day_ok and not month_ok:
            only_day.append(shown)
        elif month_ok and not day_ok:
            only_month.append(shown)
        elif a != b:
            both.append(shown)
    if not any(parsed):
        return list(texts), None
    sep, short = max(seps, key=seps.__getitem__) if seps else ("/", False)
    if only_day and only_month:
        (r1, t1), (r2, t2) = only_day[0], only_month[0]
        msg = (
            f"{source}: the dates in column {column!r} mix day-first and month-first: row "
            f"{r1} ({t1!r}) can only be day first and row {r2} ({t2!r}) only month first. "
            f"Correct the rows that are wrong, or pass {parameter}= with the order most rows "
            f"use (e.g. {parameter}={_example(sep, short, 'day first')!r}); rows that do not "
            "match it are reported."
        )
        raise JournalError(msg, path=source)
    if both and not (only_day or only_month):
        examples = ", ".join(repr(t) for _, t in both[:3])
        msg = (
            f"{source}: the dates in column {column!r} can be read day first or month first "
            f"(every day is 12 or less, e.g. {examples}), and the order is never guessed: "
            f"{examples.split(', ')[0]} is a different day each way. Say how the dates are "
            f"written with {parameter}=, e.g. {parameter}={_example(sep, short, 'day first')!r} "
            f"(day first) or {parameter}={_example(sep, short, 'month first')!r} (month first)."
        )
        raise JournalError(msg, path=source)
    if only_month:
        order = "month first"
    elif only_day:
        order = "day first"
    else:
        order = "year first" if year_first and not seps else "either"
    out = list(texts)
    for item in parsed:
        if item is None:
            continue
        position, match, a, b, year = item
        if len(match[1]) == 4:
            day, month = a, b
        elif order == "month first":
            day, month = b, a
        else:
            day, month = a, b
        if not _real(year, month, day):
            continue
        clock = _clock(match)
        if clock is None:
            continue
        out[position] = f"{year:04d}-{month:02d}-{day:02d}{clock}"
    if order == "either" and year_first:
        order = "year first"
    return out, order
