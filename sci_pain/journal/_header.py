"""Header matching for the journal reader (private): header cells -> journal columns.

A header cell names a journal column when it matches ignoring case, surrounding spaces, and
spaces or hyphens for ``_`` (``" Sleep Hours"`` is ``sleep_hours``), or when ``columns=`` maps
it. Unknown columns are kept under their own name; a missing required column is an error that
names the headers that look like it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from sci_pain.errors import JournalError, close_matches
from sci_pain.journal._parse import unescape
from sci_pain.journal.problems import hint, quoted
from sci_pain.journal.schema import COLUMN_ORDER, COLUMNS, REQUIRED, ROW

__all__ = ["normalize_header", "suggest", "map_header", "missing_columns_error", "extra_names"]


def normalize_header(text: str) -> str:
    """Return a header cell as a column name would be written: ``" Sleep Hours"`` -> ``sleep_hours``."""
    text = text.strip().lstrip("\ufeff").strip().casefold()
    return re.sub(r"[\s\-]+", "_", text)


def suggest(name: str, choices: Iterable[str]) -> list[str]:
    """Return the choices that contain the word `name`, then those spelled like it."""
    choices = list(choices)
    lowered = {normalize_header(c): c for c in choices}
    hits = [c for c in choices if name in normalize_header(c).split("_")]
    hits += [lowered[m] for m in close_matches(name, lowered, cutoff=0.75)]
    return list(dict.fromkeys(hits))


def map_header(
    header: Sequence[str], columns: Mapping[str, str] | None, source: str
) -> tuple[list[str | None], list[dict]]:
    """Return the journal column (or None for an unknown one) of each header cell.

    ``columns`` (header -> journal column) is applied first; other cells are matched by
    :func:`normalize_header`. Raises JournalError for a bad ``columns`` entry, two cells
    meaning the same column, or a missing required column.
    """
    columns = dict(columns or {})
    for target in columns.values():
        if target not in COLUMNS:
            msg = (
                f"columns= maps onto {target!r}, which is not a journal column; valid: "
                f"{', '.join(COLUMN_ORDER)}{hint(target, COLUMN_ORDER)}."
            )
            raise JournalError(msg, path=source)
    stripped = [h.strip().lstrip("\ufeff").strip() for h in header]
    by_text = {h: i for i, h in enumerate(stripped)}
    by_norm = {normalize_header(h): i for i, h in enumerate(stripped)}
    names: list[str | None] = [None] * len(header)
    for key, target in columns.items():
        position = by_text.get(key.strip(), by_norm.get(normalize_header(key)))
        if position is None:
            msg = (
                f"{source}: columns= maps {key!r}, but the file has no such column; "
                f"found: {quoted(stripped)}{hint(key, stripped)}."
            )
            raise JournalError(msg, path=source)
        names[position] = target
    for i, text in enumerate(stripped):
        if names[i] is None and normalize_header(text) in COLUMNS:
            if normalize_header(text) in columns.values():
                continue  # columns= chose another header for this name
            names[i] = normalize_header(text)
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
        raise missing_columns_error(missing, stripped, source)
    return names


def _looks_like_data(cell: str) -> bool:
    cell = cell.strip()
    return bool(
        re.fullmatch(r"[+-]?\d+([.,]\d+)?", cell) or re.fullmatch(r"\d{1,4}[-/.]\d{1,2}.*", cell)
    )


def missing_columns_error(missing: list[str], found: list[str], source: str) -> JournalError:
    """Return the error for missing required columns, with the likely headers to map."""
    found_shown = [f for f in found if f] or ["(none)"]
    if not any(normalize_header(f) in COLUMNS for f in found) and any(
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
        close = suggest(name, [f for f in found if f])
        if close:
            suggestions.append(f"{close[0]!r} for {name!r}")
    msg = (
        f"{source}: missing required column{'s' * (len(missing) > 1)} "
        f"{', '.join(map(repr, missing))}. Found columns: {quoted(found_shown)}."
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


def extra_names(
    header: Sequence[str], names: list[str | None]
) -> tuple[list[str | None], list[dict]]:
    """Return names for the unknown columns, and a row-1 problem for each."""
    taken = {ROW, *COLUMN_ORDER}
    out: list[str | None] = list(names)
    problems = []
    for i, name in enumerate(names):
        if name is not None:
            continue
        text = header[i].strip().lstrip("\ufeff").strip()
        label = unescape(text) or f"column_{i + 1}"
        if label.casefold() in {t.casefold() for t in taken}:
            label = f"extra_{label}"
        base, n = label, 2
        while label in taken:
            label, n = f"{base}_{n}", n + 1
        taken.add(label)
        out[i] = label
        close = suggest(normalize_header(text), COLUMN_ORDER) if text else []
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
