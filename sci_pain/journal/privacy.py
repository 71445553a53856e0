r"""De-identification: a copy of a journal fit to share with a class.

Free text is dropped, the person's own names for their pains become ``pain 1``, ``pain 2``,
..., every time moves by the same whole number of weeks, and what a problem quotes is kept
only when it is a number or a vocabulary value. See :func:`deidentify` for what this can and
cannot protect.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from sci_pain.journal._parse import NA_TOKENS, normalize_token
from sci_pain.journal.problems import TEXT_DTYPE, typed_problems
from sci_pain.journal.reader import Journal
from sci_pain.journal.schema import COLUMN_ORDER, COLUMNS, PLAUSIBLE_YEARS, PROBLEM_COLUMNS, ROW

__all__ = ["deidentify"]


_REMOVED = "[text removed]"
_QUOTED_RE = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
_SAFE_VALUE_RE = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", re.ASCII)


def _safe_words() -> frozenset[str]:
    """Return the words a problem may quote after de-identification (names, vocabularies)."""
    words = {*COLUMN_ORDER, *PROBLEM_COLUMNS, ROW}
    for column in COLUMNS.values():
        words.update(column.allowed or ())
    return frozenset(words)


def _scrub_value(value, column) -> object:
    """Return a cell quoted in a problem, or a placeholder when it could be free text."""
    if value is None or (isinstance(value, float) and value != value):
        return value
    text = str(value).strip()
    if column == "timestamp":
        return "[date removed]" if text else value
    if _SAFE_VALUE_RE.fullmatch(text) or text.casefold() in NA_TOKENS:
        return text
    schema = COLUMNS.get(column) if isinstance(column, str) else None
    if schema is not None and schema.allowed and schema.kind in ("category", "multi"):
        items = [normalize_token(i) for i in re.split(r"[;,|]", text)]
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


def _within_plausible_years(stamps: pd.Series, weeks: int) -> int:
    """Return the shift in weeks, turned or shortened so no entry leaves the plausible years.

    Only a diary near 1900 or 2100 is affected: the analyses refuse dates outside those
    years, so a shifted journal must stay inside them.
    """
    if stamps.dropna().empty:
        return weeks
    first, last = stamps.min(), stamps.max()
    earliest = pd.Timestamp(f"{PLAUSIBLE_YEARS[0]}-01-01")
    latest = pd.Timestamp(f"{PLAUSIBLE_YEARS[1]}-12-31 23:59:59")
    room_before = (first - earliest).days // 7  # whole weeks it may move earlier
    room_after = (latest - last).days // 7  # and later
    size = abs(weeks)
    if size <= (room_after if weeks > 0 else room_before):
        return weeks
    if size <= (room_before if weeks > 0 else room_after):  # the other way fits
        return -weeks
    return room_after if room_after >= room_before else -room_before  # as far as fits


def deidentify(journal: Journal, *, seed: int | np.random.Generator | None = None) -> Journal:
    r"""Return a copy of a journal fit to share with a class.

    * Free text goes everywhere: ``notes``, every other free-text column of the format,
      and every unknown (extra) column are dropped, since free text can name people and
      places.
    * ``problem`` (the person's own words for a pain) is replaced by neutral labels
      ``pain 1``, ``pain 2``, ... in order of first appearance, so separate pains stay
      separate.
    * Every timestamp moves by the same random whole number of weeks (1 to 520, earlier or
      later): weekdays, times of day and the gaps between entries are unchanged. A diary
      within 10 years of 1900 or 2100 is moved the way that keeps it inside the
      plausible years (:data:`~sci_pain.journal.schema.PLAUSIBLE_YEARS`).
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
    >>> from sci_pain.journal import read_journal
    >>> text = "timestamp,pain,site,problem,notes\n2026-03-02 08:00,3,Dr X knee,burning feet,saw Dr X\n"
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
    weeks = _within_plausible_years(entries["timestamp"], weeks)
    unit = entries["timestamp"].dtype  # pandas 2.3 widens to ns when a Timedelta is added
    entries["timestamp"] = (entries["timestamp"] + pd.Timedelta(weeks=weeks)).astype(unit)
    labels = entries["problem"].dropna().unique()
    mapping = {label: f"pain {i}" for i, label in enumerate(labels, start=1)}
    entries["problem"] = entries["problem"].map(mapping).astype(TEXT_DTYPE)
    for name, column in COLUMNS.items():
        if column.kind == "text" and name != "problem" and name in entries:
            entries[name] = pd.array([None] * len(entries), dtype=TEXT_DTYPE)
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
    problems = typed_problems(problems.assign(value=values, problem=messages))
    return Journal(entries=entries, problems=problems, source="deidentified", encoding=None)
