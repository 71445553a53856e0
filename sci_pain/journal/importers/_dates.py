"""Day first or month first in the importers: the journal's one rule, in the importers' words.

The importers for files whose dates follow the phone's or the spreadsheet's language (the
Privacy Friendly Pain Diary's CSV export, text dates in a spreadsheet) read them with
:func:`sci_pain.journal.dates.day_month_dates` (the rule the CSV reader follows, deciding for
the whole file at once) inside :func:`in_importer_words`, which gives its error the message the
importers' callers show: when every day is 12 or less, or the file mixes the orders, the
:class:`~sci_pain.errors.DateOrderError` offers the choice as the upload widget and the
readers' ``date_order`` name it (day first, month first). Its data (``needs_date_order``,
``column``, ``examples``, ``rows``, ``formats``, ``mixed``) are those of the reader's error.

Examples
--------
>>> from sci_pain.journal.dates import day_month_dates
>>> with in_importer_words():
...     day_month_dates(["24/11/2019", "3/12/2019 08:30"], source="diary.csv", column="Date")
(['2019-11-24', '2019-12-03T08:30'], 'day first')
>>> try:
...     with in_importer_words():
...         day_month_dates(["03/04/2026", "11/10/2026"], source="diary.csv", column="Date")
... except DateOrderError as error:
...     print(error)  # doctest: +NORMALIZE_WHITESPACE
diary.csv: the dates in column 'Date' could be day first or month first (every day is 12
or less, e.g. '03/04/2026', '11/10/2026'), and the order is never guessed: '03/04/2026' is a
different day each way. Choose the date order: day first (31/12/2024) or month first
(12/31/2024).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sci_pain.errors import DateOrderError

__all__ = ["in_importer_words", "order_found_note"]


def _in_importer_words(error: DateOrderError) -> str:
    """Say what the reader's error found, with the choice as the importers' callers offer it."""
    source, column, examples = error.path, error.column, error.examples
    if error.mixed:
        (r1, r2), (t1, t2) = error.rows, examples
        return (
            f"{source}: the dates in column {column!r} mix day-first and month-first: row "
            f"{r1} ({t1!r}) can only be day first and row {r2} ({t2!r}) only month first. "
            "Correct the rows that are wrong, or choose the date order most rows use; rows "
            "that do not match it are reported."
        )
    return (
        f"{source}: the dates in column {column!r} could be day first or month first "
        f"(every day is 12 or less, e.g. {', '.join(map(repr, examples))}), and the order "
        f"is never guessed: {examples[0]!r} is a different day each way. Choose the date "
        "order: day first (31/12/2024) or month first (12/31/2024)."
    )


@contextmanager
def in_importer_words() -> Iterator[None]:
    """Give a :class:`~sci_pain.errors.DateOrderError` raised inside the importers' message.

    Wrap a call of :func:`~sci_pain.journal.dates.day_month_dates`, the one day/month rule:
    the error keeps its type and data (``needs_date_order``, ``column``, ``examples``,
    ``rows``, ``formats``, ``mixed``) and only its message changes, to offer the choice as
    the upload widget and the importers' ``date_order`` name it.

    Examples
    --------
    >>> from sci_pain.journal.dates import day_month_dates
    >>> with in_importer_words():
    ...     day_month_dates(["11/24/19", "12/1/19 8:05 PM", "x"], source="x.csv", column="Date")
    (['2019-11-24', '2019-12-01T20:05', 'x'], 'month first')
    """
    try:
        yield
    except DateOrderError as error:
        error.args = (_in_importer_words(error),)  # the same error and data, in these words
        raise


def order_found_note(
    texts: Sequence[object], rows: Sequence[int], order: str | None, *, chosen: str | None
) -> tuple[str, str] | None:
    """Return (example, sentence) saying which order the file's dates showed, or None.

    Only when the order was read from the file (``chosen`` is None) and is one of
    :data:`~sci_pain.journal.dates.DATE_ORDERS`: the importers then note it on row 1, as
    :func:`~sci_pain.journal.reader.read_journal` does, so that nothing about how dates
    were read is silent.

    Examples
    --------
    >>> order_found_note(["3.12.19", "24.11.19"], [2, 3], "day first", chosen=None)[1]
    'dates read day-first, as the file shows: 24.11.19 (row 3) can only be 24 November 2019'
    >>> order_found_note(["3.12.19"], [2], "day first", chosen="day first") is None
    True
    """
    from sci_pain.journal.dates import DATE_ORDERS, date_order_note, is_day_month_date

    if chosen is not None or order not in DATE_ORDERS:
        return None
    pairs = [(t.strip(), r) for t, r in zip(texts, rows, strict=True) if is_day_month_date(t)]
    if not pairs:
        return None
    return date_order_note([t for t, _ in pairs], [r for _, r in pairs], order)
