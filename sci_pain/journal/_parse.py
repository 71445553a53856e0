"""Per-value parsing for the journal reader (private).

Every column arrives as *codes* (one integer per record, ``-1`` when the cell is absent) and
*uniques* (the distinct raw values). The parsers below work on the uniques only — a journal of
a million records has a few dozen distinct ``pain`` or ``site`` values — and return arrays
that are indexed by the codes. Each returned array has one extra slot at the end for absent
cells, so that ``array[codes]`` maps ``-1`` to "missing" without a copy of the codes.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sci_pain.errors import close_matches
from sci_pain.journal.problems import TEXT_DTYPE
from sci_pain.journal.schema import (
    MULTI_SEPARATOR,
    PLAUSIBLE_YEARS,
    TIMESTAMP_FORMATS,
    Column,
)

__all__: list[str] = []

# Cells that mean "no value" in a non-text column. "none" is not one of them: it is a valid
# ``swelling`` value, and "no spasms" is not the same as "not recorded".
NA_TOKENS = frozenset({"na", "n/a", "nan", "null", "#n/a", "-", "--", "\u2014"})

# Characters a spreadsheet may run as a formula at the start of a cell: = + - @, tab and
# carriage return, and their full-width and small look-alikes (＝ ＋ － ＠ ﹦ ﹢ ﹣), which
# some spreadsheets fold into the ASCII ones.
_FORMULA_STARTS = "=+\\-@\\t\\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63"
_ESCAPED_RE = re.compile(f"'+[{_FORMULA_STARTS}]")
NEEDS_ESCAPE_PATTERN = f"^'*[{_FORMULA_STARTS}]"

_MULTI_SPLIT_RE = re.compile(r"[;,|]")
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_DECIMAL_COMMA_RE = re.compile(r"([+-]?\d*),(\d+)", re.ASCII)
_SLASH_DATE_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(\s.*)?")
_TZ_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)"
)
_ISO_SHAPE_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}([T ].*)?")

ACCEPTED_TIMESTAMPS = "accepted: 2026-03-01T08:00, 2026-03-01 08:00 (seconds optional), 2026-03-01"

_EARLIEST = np.datetime64(f"{PLAUSIBLE_YEARS[0]}-01-01T00:00", "us")
_LATEST = np.datetime64(f"{PLAUSIBLE_YEARS[1] + 1}-01-01T00:00", "us")
_LEAP_SECOND_RE = re.compile(r"\d:\d\d:6\d")


@dataclass
class Parsed:
    """Per-unique results (each array has ``len(uniques) + 1`` slots; the last is "absent")."""

    values: np.ndarray
    problems: np.ndarray  # object: None or a message
    missing: np.ndarray  # bool: the cell is empty (not a problem unless required)


# -- raw values -> text ---------------------------------------------------------------------


def as_text(value: object) -> str | None:
    """Raw cell -> stripped text, or None when empty/absent (any object is accepted)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Real):
        number = float(value)
        if math.isnan(number):
            return None
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | _dt.datetime):
        return value.isoformat(sep="T")
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def texts_of(uniques) -> list[str | None]:
    """Return the stripped text of every unique value, None for an empty one."""
    if isinstance(uniques, pd.Index | pd.api.extensions.ExtensionArray | np.ndarray):
        uniques = np.asarray(uniques, dtype=object).tolist()
    out: list[str | None] = []
    append = out.append
    for value in uniques:
        if type(value) is str:
            text = value.strip()
            append(text or None)
        else:
            append(as_text(value))
    return out


def _slots(n: int, dtype, fill) -> np.ndarray:
    array = np.empty(n + 1, dtype=dtype)
    array[:] = fill
    return array


def _missing_mask(texts: list[str | None], *, na_tokens: bool) -> np.ndarray:
    missing = np.ones(len(texts) + 1, dtype=bool)
    if not any(t is None for t in texts) and (not na_tokens or min(map(len, texts), default=0) > 4):
        missing[:-1] = False  # no empty cell, and every value longer than any NA token
    elif na_tokens:  # (every token is at most 4 characters long)
        missing[:-1] = [t is None or (len(t) <= 4 and t.casefold() in NA_TOKENS) for t in texts]
    else:
        missing[:-1] = [t is None for t in texts]
    return missing


def _suffix(column: Column) -> str:
    """Say what happens to a record with a faulty value in this column."""
    return "record not kept" if column.required else "value cleared"


def _words(values) -> str:
    """Vocabulary values as a reader writes them (``pins and needles``; both forms are read)."""
    return ", ".join(value.replace("_", " ") for value in values)


def _close(word: str, vocabulary, n: int = 2) -> str:
    """Return ``" (did you mean pins and needles?)"`` for close vocabulary values, or ``""``."""
    matches = close_matches(word, vocabulary, n=n)
    if not matches:
        return ""
    return " (did you mean " + " or ".join(m.replace("_", " ") for m in matches) + "?)"


# -- text ----------------------------------------------------------------------------------


def unescape(text: str) -> str:
    r"""Undo the writer's formula escaping: ``'=1+1`` -> ``=1+1`` (one quote removed).

    Line ends inside the text become ``\n`` (a lone ``\r`` would end the record when the
    text is written again).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[1:] if _ESCAPED_RE.match(text) else text


# A text that may change when stripped and unescaped: it starts or ends with anything but a
# printable ASCII character other than space, starts with a quote, holds a carriage return,
# or is empty. Every other text is kept exactly as it is.
_TEXT_TO_LOOK_AT = r"^[^!-~]|[^!-~]$|^'|\r|^$"


def parse_text_arrow(uniques: pd.Index) -> tuple[Parsed, np.ndarray]:
    """Do :func:`parse_text` on distinct values held as Arrow strings.

    No Python string is made for each: only the texts :data:`_TEXT_TO_LOOK_AT` finds are
    stripped and unescaped one by one. Returns the result (``values`` a string array with
    a last missing slot) and whether each unique is empty.

    >>> parsed, empty = parse_text_arrow(pd.Index([" a ", "b", "'=1", ""], dtype="str"))
    >>> list(parsed.values), empty.tolist()
    (['a', 'b', '=1', nan, nan], [False, False, False, True, True])
    """
    strings = pa.array(uniques.array)
    if isinstance(strings, pa.ChunkedArray):
        strings = strings.combine_chunks()
    if pa.types.is_null(strings.type):  # no values (older pyarrow types them as null)
        strings = strings.cast(pa.string())
    n = len(strings)
    look = _texts_to_look_at(strings)
    missing = np.zeros(n + 1, dtype=bool)
    missing[-1] = True
    at = np.flatnonzero(look)
    if at.size:
        texts = texts_of(strings.take(at).to_pylist())
        missing[at] = [t is None for t in texts]
        changed = pa.array([None if t is None else unescape(t) for t in texts], strings.type)
        strings = pc.replace_with_mask(strings, pa.array(look), changed)
    values = pd.array(pa.concat_arrays([strings, pa.nulls(1, strings.type)]), dtype=TEXT_DTYPE)
    return Parsed(values, _slots(n, object, None), missing), missing.copy()


def _texts_to_look_at(strings: pa.Array) -> np.ndarray:
    """Tell which texts :data:`_TEXT_TO_LOOK_AT` finds (a null too), from their bytes.

    The first and last byte of each text and the carriage returns of all of them are
    looked at in NumPy, without a regular expression run on every text: a character
    outside printable ASCII starts and ends with a byte outside it in UTF-8.
    """
    n = len(strings)
    large = pa.types.is_large_string(strings.type)
    offsets = np.frombuffer(
        strings.buffers()[1],
        dtype=np.int64 if large else np.int32,
        count=n + 1,
        offset=strings.offset * (8 if large else 4),
    ).astype(np.int64)
    buffer = strings.buffers()[2]
    data = np.frombuffer(buffer, dtype=np.uint8) if buffer is not None else np.zeros(0, np.uint8)
    starts, ends = offsets[:-1], offsets[1:]
    look = ends == starts  # empty (or null)
    filled = np.flatnonzero(~look)
    first, last = data[starts[filled]], data[ends[filled] - 1]
    look[filled] = (
        (first < ord("!"))
        | (first > ord("~"))
        | (first == ord("'"))
        | (last < ord("!"))
        | (last > ord("~"))
    )
    returns = np.flatnonzero(data[offsets[0] : offsets[-1]] == ord("\r")) + offsets[0]
    if returns.size:  # (the text holding a byte is the first whose end lies after it)
        look[np.searchsorted(ends, returns, side="right")] = True
    if strings.null_count:
        look |= np.asarray(strings.is_null())
    return look


def parse_text(texts: list[str | None]) -> Parsed:
    n = len(texts)
    values = _slots(n, object, None)
    values[:-1] = [None if t is None else unescape(t) for t in texts]
    return Parsed(values, _slots(n, object, None), _missing_mask(texts, na_tokens=False))


# -- vocabularies ----------------------------------------------------------------------------


def normalize_token(text: str) -> str:
    """Light normalization of a vocabulary value: ``"Pins and needles"`` -> ``pins_and_needles``.

    Case is folded, ``&`` becomes ``and``, and runs of spaces or hyphens become ``_``.
    """
    text = re.sub(r"\s*&\s*", " and ", text.strip().casefold())
    return re.sub(r"[\s\-]+", "_", text).strip("_")


def _vocabulary_arrays(texts: list[str | None], column: Column, dtype, fill):
    """Return the per-unique arrays of a vocabulary column, its value -> position map, its words.

    The arrays are ``values`` (filled with `fill`), ``problems`` and ``missing``.
    """
    n = len(texts)
    positions = {value: i for i, value in enumerate(column.allowed)}
    arrays = (
        _slots(n, dtype, fill),
        _slots(n, object, None),
        _missing_mask(texts, na_tokens=False),
    )
    return (*arrays, positions, _words(column.allowed))


def parse_category(texts: list[str | None], column: Column) -> Parsed:
    """Values are integer codes into ``column.allowed`` (-1 when missing or invalid)."""
    values, problems, missing, lookup, allowed = _vocabulary_arrays(texts, column, np.int8, -1)
    for i, text in enumerate(texts):
        if text is None:
            continue
        token = normalize_token(text)
        code = lookup.get(token)
        if code is not None:
            values[i] = code
        elif text.casefold() in NA_TOKENS:
            missing[i] = True
        else:
            problems[i] = (
                f"not a valid {column.name}; allowed: {allowed}"
                f"{_close(token, column.allowed)}; {_suffix(column)}"
            )
    return Parsed(values, problems, missing)


def parse_multi(texts: list[str | None], column: Column) -> Parsed:
    """Values are ``;``-joined normalized items in vocabulary order (None when empty)."""
    values, problems, missing, order, allowed = _vocabulary_arrays(texts, column, object, None)
    for i, text in enumerate(texts):
        if text is None:
            continue
        if text.casefold() in NA_TOKENS:
            missing[i] = True
            continue
        items = {normalize_token(item) for item in _MULTI_SPLIT_RE.split(text)} - {""}
        known = sorted(items & order.keys(), key=order.__getitem__)
        unknown = sorted(items - order.keys())
        if known:
            values[i] = MULTI_SEPARATOR.join(known)
        else:
            missing[i] = True
        if unknown:
            hints = "".join(_close(item, column.allowed, n=1) for item in unknown)
            action = "other values kept" if known else _suffix(column)
            problems[i] = (
                f"{len(unknown)} unknown {column.name} value(s) removed; allowed: {allowed}"
                f"{hints}; {action}"
            )
    return Parsed(values, problems, missing)


# -- numbers -------------------------------------------------------------------------------


def _number_from_text(text: str) -> tuple[float | None, str | None]:
    """Slow path for the few values ``pd.to_numeric`` refuses (decimal commas, words)."""
    match = _DECIMAL_COMMA_RE.fullmatch(text)
    if match:
        whole, fraction = match.groups()
        if len(fraction) == 3 and whole.lstrip("+-") not in ("", "0"):
            return None, (
                "ambiguous: a decimal comma or a thousands separator? "
                f"write {whole}.{fraction} or {whole}{fraction}"
            )
        return float(f"{whole}.{fraction}"), None
    if _NUMBER_RE.fullmatch(text):
        return float(text), None
    if _foreign_digits(text):
        return None, _FOREIGN_DIGITS
    return None, "not a number"


_FOREIGN_DIGITS = (
    "written with digits other than 0-9 (Arabic-Indic, full-width or similar); type it "
    "with the digits 0-9"
)


def _foreign_digits(text: str) -> bool:
    """Tell whether the text holds digits outside ASCII (``'٣'``, ``'３'``)."""
    return not text.isascii() and any(c.isdigit() and not c.isascii() for c in text)


def parse_number(texts: list[str | None], column: Column) -> Parsed:
    """Values are float64 (NaN when missing or invalid); ints are checked to be whole."""
    n = len(texts)
    missing = _missing_mask(texts, na_tokens=True)
    problems = _slots(n, object, None)
    raw = np.empty(n, dtype=object)
    raw[:] = [None if m else t for t, m in zip(texts, missing[:-1], strict=True)]
    numbers = pd.to_numeric(raw, errors="coerce")
    numbers = np.asarray(numbers, dtype="float64")
    values = _slots(n, np.float64, np.nan)
    values[:-1] = numbers
    # values pd.to_numeric did not understand, or understood too generously ("inf", "1e400")
    suspicious = np.flatnonzero((~np.isfinite(numbers)) & ~missing[:-1])
    for i in suspicious:
        number, message = _number_from_text(texts[i])
        if number is not None and not math.isfinite(number):
            number, message = None, "not a finite number"
        values[i] = np.nan if number is None else number
        if message:
            problems[i] = f"{message}; {_suffix(column)}"
    low, high = column.range if column.range else (None, None)
    whole = column.kind == "int"
    if whole and high is None:
        high = 2**31 - 1
    unit = f" {column.unit}" if column.unit in ("min", "h") else ""
    span = f"{low:g} to {high:g}" if high is not None else f"at least {low:g}"
    bad = np.zeros(n + 1, dtype=bool)
    finite = np.isfinite(values)
    if low is not None:
        bad |= finite & (values < low)
    if high is not None:
        bad |= finite & (values > high)
    for i in np.flatnonzero(bad):
        problems[i] = f"out of range: {column.name} must be {span}{unit}; {_suffix(column)}"
        values[i] = np.nan
    if whole:
        fractional = np.isfinite(values) & (values != np.floor(values))
        for i in np.flatnonzero(fractional):
            problems[i] = (
                f"not a whole number: {column.name} must be a whole number from {span}; "
                f"{_suffix(column)}"
            )
            values[i] = np.nan
    return Parsed(values, problems, missing)


# -- timestamps -----------------------------------------------------------------------------


_OUTSIDE_YEARS = (
    f"the year is outside {PLAUSIBLE_YEARS[0]}-{PLAUSIBLE_YEARS[1]}, the years a journal entry "
    "can have (a typing slip?); record not kept"
)


def _plausible_year(year: int) -> bool:
    return PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]


def _timestamp_problem(text: str, date_format: str | None) -> str:
    if date_format is not None and not _ISO_SHAPE_RE.fullmatch(text):
        return (
            f"does not match date_format={date_format!r} and is not ISO 8601 "
            f"({ACCEPTED_TIMESTAMPS}); record not kept"
        )
    if _TZ_RE.fullmatch(text):
        return (
            "time-zone offsets are not accepted: write the local time without an offset "
            f"({ACCEPTED_TIMESTAMPS}); record not kept"
        )
    if _ISO_SHAPE_RE.fullmatch(text):
        year = text.lstrip()[:4]
        if year.isascii() and year.isdigit() and not _plausible_year(int(year)):
            return _OUTSIDE_YEARS  # older pandas cannot even hold such a date: same problem
        return f"not a real date or time ({ACCEPTED_TIMESTAMPS}); record not kept"
    if _SLASH_DATE_RE.fullmatch(text):
        return (
            "not ISO 8601, and day/month order is never guessed "
            f"({ACCEPTED_TIMESTAMPS}), or read the file with its date order given "
            "(day first or month first); "
            "record not kept"
        )
    return f"not a date-time ({ACCEPTED_TIMESTAMPS}); record not kept"


_ISO_DIGITS = {
    10: (0, 1, 2, 3, 5, 6, 8, 9),
    16: (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15),
    19: (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18),
}


_TEN = np.uint8(10)
# separators less ord("0"), as the digit matrix holds them (wrapped round below "0")
_SHIFTED = {c: np.uint8((ord(c) - ord("0")) % 256) for c in "-T :"}


def _iso_block(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parse equal-length ISO 8601 texts given as a bytes matrix (one row per text).

    Returns the datetime64[us] values and whether each text was read. Only the strict
    shapes of :data:`~sci_pain.journal.schema.TIMESTAMP_FORMATS` without a fraction of a
    second (``2026-03-01``, ``2026-03-01T08:00`` or with a space, with ``:SS``), real
    dates and times with seconds 0-59, in the plausible years; everything else is left to
    the row-wise parsers.

    The numbers are computed in the smallest types that hold them (one byte for a month,
    two for a year): where a character is not a digit they are garbage, but that text is
    already refused.
    """
    width = block.shape[1]
    # one contiguous row per character position: each check below reads one row
    digits = np.ascontiguousarray(block.T)
    digits -= np.uint8(ord("0"))  # (bytes below "0" wrap round to large numbers)
    ok = digits[list(_ISO_DIGITS[width])].max(axis=0) < _TEN
    ok &= (digits[4] == _SHIFTED["-"]) & (digits[7] == _SHIFTED["-"])
    if width >= 16:
        ok &= (digits[10] == _SHIFTED["T"]) | (digits[10] == _SHIFTED[" "])
        ok &= digits[13] == _SHIFTED[":"]
    if width == 19:
        ok &= digits[16] == _SHIFTED[":"]
    # (types given explicitly: NumPy 1 and 2 promote numbers with a scalar differently)
    year = digits[0].astype(np.uint16) * np.uint16(1000)
    year += digits[1].astype(np.uint16) * np.uint16(100)
    year += (digits[2] * _TEN + digits[3]).astype(np.uint16)
    month, day = digits[5] * _TEN + digits[6], digits[8] * _TEN + digits[9]
    ok &= (year >= PLAUSIBLE_YEARS[0]) & (year <= PLAUSIBLE_YEARS[1])
    ok &= (month >= 1) & (month <= 12) & (day >= 1)
    seconds = None
    if width >= 16:
        hour, minute = digits[11] * _TEN + digits[12], digits[14] * _TEN + digits[15]
        ok &= (hour <= 23) & (minute <= 59)
        seconds = hour.astype(np.int32) * np.int32(3600) + minute.astype(np.int32) * np.int32(60)
    if width == 19:
        second = digits[17] * _TEN + digits[18]
        ok &= second <= 59
        seconds += second
    # (the tables are looked up at a harmless place for the texts already refused)
    year = np.where(ok, year - np.uint16(PLAUSIBLE_YEARS[0]), np.uint16(0))
    month = np.where(ok, month, np.uint8(1))
    leap = _LEAP[year]
    ok &= day <= _MONTH_DAYS[month] + (leap & (month == 2))  # (the 30th of February is not a day)
    days = _YEAR_STARTS[year] + (_MONTH_STARTS[month] + (leap & (month > 2)) + day - 1)
    micro = days * 86_400
    if seconds is not None:
        micro += seconds
    micro *= 1_000_000
    micro[~ok] = np.iinfo(np.int64).min  # NaT
    return micro.view("datetime64[us]"), ok


_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int32)
_MONTH_STARTS = np.concatenate([[0], np.cumsum(_MONTH_DAYS)[:-1]]).astype(np.int32)
"""Days before the first of each month (1-12) in a year that is not a leap year."""
_YEARS = np.arange(PLAUSIBLE_YEARS[0], PLAUSIBLE_YEARS[1] + 1)
_LEAP = (_YEARS % 4 == 0) & ((_YEARS % 100 != 0) | (_YEARS % 400 == 0))
_YEAR_STARTS = np.array([f"{y:04d}-01-01" for y in _YEARS], dtype="datetime64[D]").astype(np.int64)
"""Days from 1970-01-01 to the first of January of each plausible year (NumPy's calendar)."""


def iso_fast(uniques: pd.Index) -> np.ndarray:
    """Read the strictly ISO 8601 texts among ``uniques`` at once, NaT for the others.

    The texts are not turned into Python strings: their bytes are taken from the Arrow
    buffer, grouped by length, and parsed as digit matrices by :func:`_iso_block`. A
    text read here gives the same time as the row-wise parsers would.

    >>> iso_fast(pd.Index(["2026-03-01T08:00", "2026-02-30", "1/3/2026", "2026-03-01 08:00:59"]))
    array(['2026-03-01T08:00:00.000000',                        'NaT',
                                  'NaT', '2026-03-01T08:00:59.000000'],
          dtype='datetime64[us]')
    """
    strings = pa.array(uniques.array) if len(uniques) else pa.array([], pa.string())
    if isinstance(strings, pa.ChunkedArray):
        strings = strings.combine_chunks()
    strings = strings.cast(pa.large_binary())
    values = np.full(len(strings), np.datetime64("NaT", "us"))
    lengths = np.asarray(pc.binary_length(strings).fill_null(0))
    for width in _ISO_DIGITS:
        where = np.flatnonzero(lengths == width)
        if not where.size:
            continue
        block = strings.take(where)
        offsets = np.frombuffer(block.buffers()[1], dtype=np.int64)[
            block.offset : block.offset + len(block) + 1
        ]
        data = np.frombuffer(block.buffers()[2], dtype=np.uint8)
        start = int(offsets[0])
        matrix = data[start : start + width * len(block)].reshape(-1, width)
        block_values, _ = _iso_block(matrix)
        values[where] = block_values
    return values


def _try_formats(candidates: np.ndarray, todo: np.ndarray, values: np.ndarray, formats):
    """Parse ``candidates[todo]`` with each format in turn; return what is still unparsed."""
    for fmt in formats:
        if todo.size == 0:
            break
        try:
            parsed = pd.to_datetime(candidates[todo], format=fmt, errors="coerce")
        except (ValueError, OverflowError, TypeError):  # a bad date_format, or odd values
            parsed = pd.to_datetime(
                [_safe_datetime(candidates[i], fmt) for i in todo], errors="coerce"
            )
        parsed = np.asarray(parsed.as_unit("us"), dtype="datetime64[us]")
        ok = ~np.isnat(parsed)
        values[todo[ok]] = parsed[ok]
        todo = todo[~ok]
    return todo


def parse_timestamps(texts: list[str | None], date_format: str | None = None) -> Parsed:
    """Values are datetime64[us] (NaT when missing or invalid).

    Each accepted format is tried in turn on the values still unparsed, with an exact
    format (pandas' fast path): a file written in one format is parsed in one pass.
    """
    n = len(texts)
    missing = _missing_mask(texts, na_tokens=True)
    values = _slots(n, "datetime64[us]", np.datetime64("NaT", "us"))
    candidates = np.empty(n, dtype=object)
    candidates[:] = texts
    formats = ((date_format,) if date_format else ()) + TIMESTAMP_FORMATS
    todo = _try_formats(candidates, np.flatnonzero(~missing[:-1]), values, formats)
    problems = _slots(n, object, None)
    for i in todo:
        problems[i] = _timestamp_problem(texts[i], date_format)
    return Parsed(values, problems, missing)


def _check_timestamps(parsed: Parsed, raw: np.ndarray, checked: np.ndarray | None = None) -> Parsed:
    """Refuse times read from foreign digits, a seconds value of 60, or implausible years.

    ``raw`` holds the text of each unique (None when empty), with the last "absent" slot;
    ``checked`` marks the uniques :func:`iso_fast` read (ASCII digits, seconds 0-59 already).
    """
    values = parsed.values
    read = ~np.isnat(values[:-1])
    outside = read & ((values[:-1] < _EARLIEST) | (values[:-1] >= _LATEST))
    for i in np.flatnonzero(outside).tolist():
        parsed.problems[i] = _OUTSIDE_YEARS
        values[i] = np.datetime64("NaT", "us")
    unchecked = read & ~outside if checked is None else read & ~outside & ~checked
    candidates = np.flatnonzero(unchecked)
    texts = [t for t in raw[candidates].tolist() if isinstance(t, str)]
    joined = "\n".join(texts)  # one check in C for the usual all-ASCII, no-":6" case
    if joined.isascii() and ":6" not in joined:
        return parsed
    for i in candidates.tolist():
        text = raw[i]
        if not isinstance(text, str):
            continue
        if not text.isascii():
            if _foreign_digits(text):
                problem = f"the date or time is {_FOREIGN_DIGITS}; record not kept"
            else:
                problem = f"not a date-time ({ACCEPTED_TIMESTAMPS}); record not kept"
        elif ":6" in text and _LEAP_SECOND_RE.search(text):
            problem = "seconds must be 0-59 (60 is not read as the next minute); record not kept"
        else:
            continue
        parsed.problems[i] = problem
        values[i] = np.datetime64("NaT", "us")
    return parsed


def parse_uniques(uniques, column: Column, date_format: str | None):
    """Parse the distinct raw values of a column.

    Returns
    -------
    parsed : Parsed
    texts : numpy.ndarray
        The stripped text of each unique (None when empty), plus a last None slot.
    empty : numpy.ndarray of bool
        Whether each unique is empty, plus a last True slot.

    Timestamps take a shortcut: the raw strings are parsed as they are, and only the few
    that no exact format reads (spaces around them, other formats, faults) are stripped
    and looked at one by one.
    """
    if column.kind == "datetime" and isinstance(uniques, pd.Index) and uniques.dtype == "str":
        # the text of each unique, as a Python string only where it is needed: for the
        # uniques iso_fast does not read (the others have no problem to quote)
        raw = np.empty(len(uniques) + 1, dtype=object)
        values = _slots(len(uniques), "datetime64[us]", np.datetime64("NaT", "us"))
        formats = ((date_format,) if date_format else ()) + TIMESTAMP_FORMATS
        if date_format is None or date_format[:2] in ("%d", "%m"):
            # (a date_format starting so never reads an ISO text: the ISO reading stands)
            values[:-1] = iso_fast(uniques)
            todo = np.flatnonzero(np.isnat(values[:-1]))
        else:
            todo = np.arange(len(uniques))
        raw[todo] = np.asarray(uniques[todo], dtype=object)
        read_fast = np.ones(len(uniques), dtype=bool)
        read_fast[todo] = False
        # the same text may stand at several positions (a column read without hashing):
        # each distinct text is read once, then copied to its other positions
        unread = todo
        same, _ = pd.factorize(raw[unread], use_na_sentinel=False)
        firsts = np.unique(same, return_index=True)[1]
        todo = _try_formats(raw, unread[firsts], values, formats)
        problems = _slots(len(uniques), object, None)
        missing = np.zeros(len(uniques) + 1, dtype=bool)
        missing[-1] = True
        empty = missing.copy()
        if todo.size:
            rest = texts_of(raw[todo])
            sub = parse_timestamps(rest, date_format)
            raw[todo] = rest
            values[todo] = sub.values[:-1]
            problems[todo] = sub.problems[:-1]
            missing[todo] = sub.missing[:-1]
            empty[todo] = [t is None for t in rest]
        if firsts.size < unread.size:
            first = unread[firsts][same]  # the position read for each unread one
            for array in (values, problems, missing, empty, raw):
                array[unread] = array[first]
        raw[-1] = None
        return _check_timestamps(Parsed(values, problems, missing), raw, read_fast), raw, empty
    if column.kind == "text" and _arrow_strings(uniques):
        # (text never has problems, so its texts are not needed for messages: the values
        # stand in for them)
        parsed, empty = parse_text_arrow(uniques)
        return parsed, parsed.values, empty
    texts = texts_of(uniques)
    texts_array = np.empty(len(texts) + 1, dtype=object)
    texts_array[:-1] = texts
    empty = np.ones(len(texts) + 1, dtype=bool)
    if any(t is None for t in texts):
        empty[:-1] = [t is None for t in texts]
    else:
        empty[:-1] = False
    parsed = parse_column(texts, column, date_format)
    if column.kind == "datetime":
        parsed = _check_timestamps(parsed, texts_array)
    return parsed, texts_array, empty


def _arrow_strings(uniques) -> bool:
    """Tell whether the distinct values are a string Index backed by Arrow."""
    return (
        isinstance(uniques, pd.Index)
        and isinstance(uniques.dtype, pd.StringDtype)
        and uniques.dtype.storage == "pyarrow"
    )


def _safe_datetime(text: str, fmt: str):
    try:
        return pd.to_datetime(text, format=fmt)
    except (ValueError, OverflowError, TypeError):
        return pd.NaT


def parse_column(texts: list[str | None], column: Column, date_format: str | None) -> Parsed:
    """Dispatch on the column kind."""
    if column.kind == "datetime":
        return parse_timestamps(texts, date_format)
    if column.kind in ("int", "float"):
        return parse_number(texts, column)
    if column.kind == "category":
        return parse_category(texts, column)
    if column.kind == "multi":
        return parse_multi(texts, column)
    return parse_text(texts)
