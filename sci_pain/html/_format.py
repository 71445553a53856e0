"""Small pieces of text and HTML shared by the report's modules: numbers, days, tables.

Every function that returns HTML escapes what it is given, except where its docstring says
the cells are HTML already.

Examples
--------
>>> num(-0.04), num(2.345, 2, sign=True), plural(1, "day"), plural(3, "entry", "entries")
('−0.0', '+2.35', '1 day', '3 entries')
>>> escape("<b>")
'&lt;b&gt;'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "day",
    "day_long",
    "escape",
    "facts",
    "missing",
    "num",
    "paragraph",
    "plural",
    "sentence",
    "source_name",
    "table",
    "treatment",
    "unavailable",
    "when",
    "words",
]

_ACRONYMS = {"tens": "TENS"}


def escape(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def missing(value: Any) -> bool:
    """Tell whether a value is None, NA, NaT or NaN (never an error for other values)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def num(value: Any, digits: int = 1, *, sign: bool = False) -> str:
    """Round a number for people, with a true minus sign; ``"n/a"`` when missing."""
    if missing(value):
        return "n/a"
    value = float(value)
    if value == 0:
        value = 0.0  # no "-0.0"
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    return text.replace("-", "\u2212")


def day(value: Any) -> str:
    """Format a day as ``2024-03-01``."""
    return "n/a" if missing(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def day_long(value: Any) -> str:
    """Format a day as ``Fri 2024-03-01``."""
    return "n/a" if missing(value) else f"{pd.Timestamp(value):%a %Y-%m-%d}"


def when(value: Any) -> str:
    """Format a day, with the time of day when there is one."""
    if missing(value):
        return "n/a"
    ts = pd.Timestamp(value)
    return f"{ts:%a %Y-%m-%d}" if ts == ts.normalize() else f"{ts:%a %Y-%m-%d %H:%M}"


def plural(n: int, word: str, plural: str | None = None) -> str:
    """Count a noun: ``1 day``, ``2 days``; ``plural`` for irregular words."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def words(name: Any) -> str:
    """Write a snake_case name as words."""
    return str(name).replace("_", " ")


def treatment(name: Any) -> str:
    """Name an intervention for people: ``tens`` -> ``TENS``, ``heat`` -> ``heat``."""
    return _ACRONYMS.get(str(name), words(name))


def sentence(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower-case the rest)."""
    return text[:1].upper() + text[1:]


def paragraph(text: str, cls: str | None = None) -> str:
    """Wrap ``text``, which is HTML already, in ``<p>``."""
    return f'<p class="{cls}">{text}</p>' if cls else f"<p>{text}</p>"


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str | None = None,
    numeric: Sequence[int] = (),
    nowrap: Sequence[int] = (),
    row_classes: Sequence[str] | None = None,
) -> str:
    """Build an HTML table; ``header`` and ``caption`` are escaped, cells are HTML already."""
    from sci_pain.html._templates import Markup, render

    numeric, nowrap = set(numeric), set(nowrap)
    # the widest row decides how many columns get a class
    width = max([len(header), *(len(row) for row in rows)]) if rows else len(header)
    kinds = ["num" if i in numeric else "when" if i in nowrap else "wrap" for i in range(width)]
    return render(
        "_table.html.j2",
        header=header,
        rows=[[Markup(cell) for cell in row] for row in rows],
        caption=caption,
        kinds=kinds,
        row_classes=row_classes,
    )


def facts(items: Iterable[tuple[str, str]]) -> str:
    """Show key figures as a grid of (value, label) boxes, both escaped."""
    from sci_pain.html._templates import render

    return render("_facts.html.j2", items=list(items))


def unavailable(what: str, error: Exception) -> str:
    """Say, muted, that ``what`` could not be worked out, and why."""
    return paragraph(
        f"{escape(what)} could not be worked out from this journal: {escape(error)}", "muted"
    )


def source_name(source: Any) -> str:
    """Return the file name of a source (never its folder, which can hold a person's name)."""
    text = str(source or "")
    if not text or text.startswith("<"):
        return text
    return Path(text).name or text
