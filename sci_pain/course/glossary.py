"""The glossary for a mixed class: terms kept as data in ``data/glossary.yaml``.

Each record has a term, a one-sentence definition, a longer explanation, citation keys that
resolve in ``data/knowledge/references.yaml`` and related terms. Notebooks link the first use
of a term as ``[allodynia](glossary.md#allodynia)``; :func:`glossary_markdown` writes the page
those links open (``notebooks/glossary.md``, also on the course site).

Examples
--------
>>> terms = load_glossary()
>>> len(terms) >= 40
True
>>> term = glossary_term("allodynia")
>>> term.short
'Pain from something that does not normally hurt, such as light touch or clothing.'
>>> glossary_anchor("AIS grade")
'ais-grade'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sci_pain._resources import data_path, load_yaml
from sci_pain.course._yaml import read_yaml
from sci_pain.errors import GlossaryError, close_matches, did_you_mean

__all__ = [
    "GlossaryError",
    "GlossaryTerm",
    "glossary_anchor",
    "read_glossary",
    "load_glossary",
    "glossary_term",
    "glossary_markdown",
]

_FIELDS = ("term", "short", "explanation", "citations", "related")


@dataclass(frozen=True)
class GlossaryTerm:
    """One glossary entry."""

    term: str
    anchor: str
    short: str
    explanation: str
    citations: tuple[str, ...]
    related: tuple[str, ...]


def glossary_anchor(term: str) -> str:
    """Return the link anchor of a term: lower case, spaces as hyphens, other punctuation dropped.

    This is the anchor GitHub and MyST give the term's heading, so
    ``glossary.md#<anchor>`` works on GitHub, in JupyterLab's Markdown viewer and on the site.

    Examples
    --------
    >>> glossary_anchor("N-of-1 comparison")
    'n-of-1-comparison'
    """
    text = re.sub(r"[^\w\- ]", "", term.strip().lower())
    return text.replace(" ", "-")


def _references(path: Path) -> dict[str, dict]:

    return {r["key"]: r for r in load_yaml(path)}


def read_glossary(
    path: str | Path, *, references: str | Path | None = None
) -> tuple[GlossaryTerm, ...]:
    """Read and check a glossary file.

    Parameters
    ----------
    path : str or Path
        A YAML list of records with ``term``, ``short``, ``explanation``, ``citations`` and
        ``related``.
    references : str or Path, optional
        The references file citation keys must resolve in; the bundled
        ``knowledge/references.yaml`` by default.

    Returns
    -------
    tuple of GlossaryTerm
        In file order.

    Raises
    ------
    GlossaryError
        On a missing or empty field, a duplicate term, a citation key that is not a reference,
        or a related term that is not in the glossary; the message names the file and term.
    """
    path = Path(path)
    source = str(path)
    raw = read_yaml(path, error=GlossaryError, what="glossary")
    if not isinstance(raw, list):
        raise GlossaryError(f"{source}: expected a list of terms")
    known_refs = _references(
        Path(references) if references else data_path("knowledge", "references.yaml")
    )

    terms = [_term(record, f"{source}: record {i}", known_refs) for i, record in enumerate(raw, 1)]

    anchors = [t.anchor for t in terms]
    duplicates = sorted({a for a in anchors if anchors.count(a) > 1})
    if duplicates:
        raise GlossaryError(f"{source}: duplicate terms {duplicates}")
    names = {t.term for t in terms}
    for t in terms:
        bad = [r for r in t.related if r not in names]
        if bad:
            close = {r: close_matches(r, names, n=1) for r in bad}
            msg = f"{source}: term {t.term!r}: related terms not in the glossary: {bad} ({close})"
            raise GlossaryError(msg)
    return tuple(terms)


def _term(record: object, where: str, known_refs) -> GlossaryTerm:
    """Check one record of a glossary file and return its term."""
    if not isinstance(record, dict):
        raise GlossaryError(f"{where}: expected a mapping with fields {list(_FIELDS)}")
    where = f"{where} ({record.get('term', '?')!r})"
    missing = [f for f in _FIELDS if not record.get(f)]
    if missing:
        raise GlossaryError(f"{where}: missing or empty {missing}")
    unknown = sorted(set(record) - set(_FIELDS))
    if unknown:
        raise GlossaryError(f"{where}: unknown fields {unknown}; allowed: {list(_FIELDS)}")
    for field in ("citations", "related"):
        if not isinstance(record[field], list):
            raise GlossaryError(f"{where}: '{field}' must be a list")
    bad = [key for key in record["citations"] if key not in known_refs]
    if bad:
        close = {k: close_matches(k, known_refs, n=1) for k in bad}
        raise GlossaryError(
            f"{where}: citation keys not in references.yaml: {bad} (close matches: {close})"
        )
    return GlossaryTerm(
        term=str(record["term"]).strip(),
        anchor=glossary_anchor(str(record["term"])),
        short=" ".join(str(record["short"]).split()),
        explanation=" ".join(str(record["explanation"]).split()),
        citations=tuple(record["citations"]),
        related=tuple(str(r) for r in record["related"]),
    )


@cache
def load_glossary() -> tuple[GlossaryTerm, ...]:
    """Return the bundled glossary (``data/glossary.yaml``), checked, in alphabetical order."""
    return read_glossary(data_path("glossary.yaml"))


def glossary_term(name: str) -> GlossaryTerm:
    """Return one bundled term by its name or anchor (case-insensitive).

    Raises
    ------
    KeyError
        If there is no such term; the message suggests close matches.
    """
    by_anchor = {t.anchor: t for t in load_glossary()}
    anchor = glossary_anchor(name)
    if anchor in by_anchor:
        return by_anchor[anchor]
    raise KeyError(f"no glossary term {name!r}.{did_you_mean(anchor, by_anchor)}")


def _cite(ref: dict) -> str:
    authors = ", ".join(ref.get("authors") or []) or ref.get("publisher") or ""
    parts = [p for p in (authors, f"({ref['year']})" if ref.get("year") else "") if p]
    text = " ".join(parts)
    text = f"{text}. {ref['title']}." if text else f"{ref['title']}."
    if ref.get("journal"):
        detail = ref["journal"]
        if ref.get("volume"):
            detail += f" {ref['volume']}"
            if ref.get("pages"):
                detail += f":{ref['pages']}"
        text += f" *{detail}*."
    elif ref.get("publisher") and ref.get("authors"):
        text += f" {ref['publisher']}."
    if ref.get("doi"):
        text += f" doi:{ref['doi']}"
    elif ref.get("url"):
        text += f" <{ref['url']}>"
    return text


def glossary_markdown(terms: tuple[GlossaryTerm, ...] | None = None) -> str:
    """Return the glossary as one Markdown page (a level-2 heading per term).

    Examples
    --------
    >>> page = glossary_markdown()
    >>> page.startswith("# Glossary")
    True
    >>> "## Allodynia" in page
    True
    """
    terms = load_glossary() if terms is None else terms
    refs = _references(data_path("knowledge", "references.yaml"))
    by_name = {t.term: t for t in terms}
    lines = [
        "# Glossary",
        "",
        "Terms a mixed class of nursing, physiotherapy, occupational therapy and medical students "
        "meets in these notebooks, each with a short definition, a longer explanation and its "
        "sources. Educational only: the course never diagnoses a person and never gives a dose.",
        "",
        "<!-- Generated from data/glossary.yaml by tools/build_course_docs.py; do not edit. -->",
        "",
        " · ".join(f"[{t.term}](#{t.anchor})" for t in terms),
        "",
    ]
    for t in terms:
        related = ", ".join(f"[{r}](#{by_name[r].anchor})" for r in t.related if r in by_name)
        sources = "; ".join(_cite(refs[k]) for k in t.citations if k in refs)
        lines += [
            f"## {t.term}",
            "",
            f"**{t.short}**",
            "",
            t.explanation,
            "",
            f"*Related:* {related}",
            "",
            f"*Sources:* {sources}",
            "",
        ]
    return "\n".join(lines)
