"""Day-first or month-first: read from the file when it says, asked for when it does not.

Dates such as ``03/04/2026`` are 3 April or 4 March, and only the person who wrote them
knows which. This module holds the one rule that the CSV reader (:func:`read_journal`) and
the importers follow, deciding **for the whole column at once**:

* a date whose first number is above 12 (``24/11/2019``) can only be day-first; one whose
  second number is above 12 (``11/24/2019``) only month-first; if the column holds such a
  date, every date in it is read in that order;
* when every date reads the same either way (``05/05/2026``), nothing needs deciding;
* when every day is 12 or less (``03/04/2026``, ``11/10/2026``), the order cannot be told
  from the file and is never guessed: a :class:`~sci_pain.errors.DateOrderError` asks for
  it, carrying the column, example dates with their rows, and the format for each order;
* a column that has both kinds (``24/11/2019`` and ``11/24/2019``) mixes orders: it is
  refused with the rows that disagree (``DateOrderError`` with ``mixed=True``).

A year written first with four digits (``2019/11/24``, ``2019.11.24``) is read year, month,
day; two-digit years are read as 2000-2099 (``24.11.19`` is 24 November 2019: a pain diary
kept on a phone is not older). Dates already in ISO 8601 (``2019-11-24``) are left as they
are, and so are cells that are not dates of these shapes, so that the validator reports them.

Examples
--------
>>> day_month_dates(["24/11/2019", "3/12/2019 08:30"], source="diary.csv", column="Date")
(['2019-11-24', '2019-12-03T08:30'], 'day first')
>>> try:
...     day_month_dates(["03/04/2026", "11/10/2026"], source="diary.csv", column="Date")
... except DateOrderError as error:
...     print(error)
...     print(error.needs_date_order, error.rows, error.formats["day first"])
diary.csv: the dates in column 'Date' could be day-first or month-first (e.g. 03/04/2026); choose the date order. Every day is 12 or less, so the file does not tell: 03/04/2026 (row 2) is 3 April 2026 day-first, 4 March 2026 month-first.
True (2, 3) %d/%m/%Y
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

from sci_pain.errors import DateOrderError, did_you_mean

__all__ = [
    "DATE_ORDERS",
    "DateOrderError",
    "date_order_formats",
    "date_order_note",
    "day_month_dates",
    "is_day_month_date",
    "strptime_format",
]

DATE_ORDERS: dict[str, str] = {
    "day first": "%d/%m/%Y",
    "month first": "%m/%d/%Y",
    "year first": "%Y/%m/%d",
}
"""The orders :func:`day_month_dates` knows, with the ``date_format`` that names each."""

_DATE_RE = re.compile(
    r"\s*(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?"
    r"(?:(\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*",
    re.ASCII,
)
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


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


def strptime_format(text: str, order: str) -> str | None:
    """Return the :func:`~datetime.datetime.strptime` format that reads a date in an order.

    Parameters
    ----------
    text : str
        A date as written (``31/03/2026 08:00``).
    order : {"day first", "month first", "year first"}
        The order of its day and month (a year written first is always read year, month,
        day).

    Returns
    -------
    str or None
        The format, with the separator, the year's width and the time (24-hour or AM/PM,
        seconds or not) as written; None when the text is not a day/month date of a shape
        :func:`day_month_dates` reads, or is already ISO 8601 (which needs no format).

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


def date_order_formats(example: str) -> dict[str, str]:
    """Return the ``strptime`` formats reading dates written like `example` in each order.

    Parameters
    ----------
    example : str
        A date as written in the file, with its time if it has one.

    Returns
    -------
    dict
        ``{"day first": ..., "month first": ...}`` from :func:`strptime_format` (the
        plain formats of :data:`DATE_ORDERS` when the example is not a day/month date).

    Examples
    --------
    >>> date_order_formats("03.04.24 8:05 PM")
    {'day first': '%d.%m.%y %I:%M %p', 'month first': '%m.%d.%y %I:%M %p'}
    >>> date_order_formats("03/04/2024 8:05PM")["month first"]
    '%m/%d/%Y %I:%M%p'
    """
    return {
        order: strptime_format(example, order) or DATE_ORDERS[order]
        for order in ("day first", "month first")
    }


def _words(year: int, month: int, day: int) -> str:
    return f"{day} {_MONTHS[month - 1]} {year}"


def _ambiguous(source, column, both) -> DateOrderError:
    (row, text, a, b, year) = both[0]
    msg = (
        f"{source}: the dates in column {column!r} could be day-first or month-first "
        f"(e.g. {text}); choose the date order. Every day is 12 or less, so the file does "
        f"not tell: {text} (row {row}) is {_words(year, b, a)} day-first, "
        f"{_words(year, a, b)} month-first."
    )
    return DateOrderError(
        msg,
        path=source,
        column=column,
        examples=[t for _, t, *_ in both[:3]],
        rows=[r for r, *_ in both[:3]],
        formats=date_order_formats(text),
    )


def _mixed(source, column, only_day, only_month) -> DateOrderError:
    (r1, t1, *_), (r2, t2, *_) = only_day[0], only_month[0]
    msg = (
        f"{source}: the dates in column {column!r} mix day-first and month-first: row {r1} "
        f"({t1}) can only be day-first and row {r2} ({t2}) only month-first. Correct the "
        "rows that are wrong, or choose the date order most rows use; rows that do not "
        "match it are reported."
    )
    return DateOrderError(
        msg,
        path=source,
        column=column,
        examples=[t1, t2],
        rows=[r1, r2],
        formats=date_order_formats(t1),
        mixed=True,
    )


def _classify(texts, numbers):
    """Match every text; sort the day/month dates by what their numbers allow."""
    parsed: list[tuple[int, re.Match, int, int, int | None] | None] = []
    only_day, only_month, both = [], [], []
    year_first = False
    for position, text in enumerate(texts):
        match = _DATE_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None or (match[2] == "-" and len(match[1]) == 4) or 2 < len(match[1]) < 4:
            parsed.append(None)  # not a day/month date, or ISO 8601 already
            continue
        if len(match[1]) == 4:
            year_first = True
            year, a, b = _year(match[1]), int(match[3]), int(match[4])  # month, day
            parsed.append((position, match, b, a, year) if _real(year, a, b) else None)
            continue
        year, a, b = _year(match[4]), int(match[1]), int(match[3])
        day_ok, month_ok = _real(year, b, a), _real(year, a, b)
        if not (day_ok or month_ok):
            parsed.append(None)
            continue
        parsed.append((position, match, a, b, year))
        shown = (numbers[position], text.strip(), a, b, year)
        if day_ok and not month_ok:
            only_day.append(shown)
        elif month_ok and not day_ok:
            only_month.append(shown)
        elif a != b:
            both.append(shown)
    return parsed, only_day, only_month, both, year_first


def _decide(source, column, only_day, only_month, both) -> str:
    """Return the order the column's dates show; raise a DateOrderError when they show none."""
    if only_day and only_month:
        raise _mixed(source, column, only_day, only_month)
    if both and not (only_day or only_month):
        raise _ambiguous(source, column, both)
    if only_month:
        return "month first"
    return "day first" if only_day else "either"


def _rewrite(texts, parsed, order: str) -> list[object]:
    """Write each date cell as ISO 8601 in `order`; leave the others as they are."""
    out = list(texts)
    for item in parsed:
        if item is None:
            continue
        position, match, a, b, year = item
        if order == "year first" and len(match[1]) != 4:
            continue  # chosen year first: a day/month date is left for the validator
        if len(match[1]) == 4 or order != "month first":
            day, month = a, b
        else:
            day, month = b, a
        clock = _clock(match)
        if not _real(year, month, day) or clock is None:
            continue
        out[position] = f"{year:04d}-{month:02d}-{day:02d}{clock}"
    return out


def day_month_dates(
    texts: Sequence[object],
    *,
    source: str,
    column: str,
    rows: Sequence[int] | None = None,
    order: str | None = None,
) -> tuple[list[object], str | None]:
    """Rewrite day/month dates as ISO 8601, in the order the column itself shows.

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
        (``24/11/2019`` month first) is left as written, for the validator to report, and
        so is every day/month date when the order is ``"year first"``.

    Returns
    -------
    (cells, order)
        The cells with every day/month date of a readable shape as ISO 8601 text
        (``2019-11-24``, ``2019-11-24T08:30``), others unchanged; and the order used
        (``"day first"``, ``"month first"``, ``"year first"``, ``"either"`` when every
        date reads the same both ways, or None when there was no such date).

    Raises
    ------
    DateOrderError
        When no ``order`` is given and the order cannot be told (every day 12 or less) or
        the column mixes orders; its ``needs_date_order`` is True and it names the column,
        examples and rows.
    ValueError
        When ``order`` is not one of :data:`DATE_ORDERS`.

    Examples
    --------
    >>> day_month_dates(["11/24/19", "12/1/19 8:05 PM", "not a date"], source="x", column="Date")
    (['2019-11-24', '2019-12-01T20:05', 'not a date'], 'month first')
    >>> day_month_dates(["2019.11.24", "5.5.2020"], source="x.csv", column="Date")
    (['2019-11-24', '2020-05-05'], 'year first')
    >>> day_month_dates(["03/04/2026"], source="x.csv", column="Date", order="month first")
    (['2026-03-04'], 'month first')
    """
    if order is not None and order not in DATE_ORDERS:
        msg = (
            f"order must be one of {', '.join(map(repr, DATE_ORDERS))}, not {order!r}."
            + did_you_mean(order, DATE_ORDERS, n=1)
        )
        raise ValueError(msg)
    numbers = list(rows) if rows is not None else list(range(2, len(texts) + 2))
    parsed, only_day, only_month, both, year_first = _classify(texts, numbers)
    if not any(parsed):
        return list(texts), None
    if order is None:
        order = _decide(source, column, only_day, only_month, both)
    out = _rewrite(texts, parsed, order)
    if order == "either" and year_first:
        order = "year first"
    return out, order


def is_day_month_date(text: object) -> bool:
    """Tell whether `text` is written as a day/month date (not ISO 8601) of a known shape.

    >>> is_day_month_date("03/04/2026 08:00"), is_day_month_date("2026-03-04"), is_day_month_date(3)
    (True, False, False)
    """
    if not isinstance(text, str):
        return False
    match = _DATE_RE.fullmatch(text)
    return match is not None and not (match[2] == "-" and len(match[1]) == 4)


def date_order_note(texts: Sequence[str], rows: Sequence[int], order: str) -> tuple[str, str]:
    """Return the example and the sentence that tell how a column's dates were read.

    Parameters
    ----------
    texts : sequence of str
        The day/month dates as written, in row order.
    rows : sequence of int
        The row of each.
    order : {"day first", "month first", "year first"}
        The order :func:`day_month_dates` found.

    Returns
    -------
    (example, sentence)

    Examples
    --------
    >>> date_order_note(["03/04/2026", "24/11/2026"], [2, 3], "day first")[1]
    'dates read day-first, as the file shows: 24/11/2026 (row 3) can only be 24 November 2026'
    """
    for text, row in zip(texts, rows, strict=True):
        match = _DATE_RE.fullmatch(text)
        if match is None:
            continue
        a, b = int(match[1]), int(match[3])
        if order == "year first" and len(match[1]) == 4:
            year, month, day = a, b, int(match[4])
        elif order == "day first" and a > 12:
            year, month, day = _year(match[4]), b, a
        elif order == "month first" and b > 12:
            year, month, day = _year(match[4]), a, b
        else:
            continue
        if year is None or not _real(year, month, day):
            continue
        shown = text.strip()
        how = order.replace(" ", "-")
        if order == "year first":
            return shown, f"dates read {how} (year, month, day): {shown} (row {row}) is " + (
                _words(year, month, day)
            )
        return shown, (
            f"dates read {how}, as the file shows: {shown} (row {row}) can only be "
            f"{_words(year, month, day)}"
        )
    return "", f"dates read {order.replace(' ', '-')}"
