"""The CanPainSCI neuropathic-pain recommendations as data (no doses), and their SCI cautions.

``data/knowledge/canpainsci.yaml`` holds the approach ("trial, re-evaluate, then change"), the
recommendations by level (first line, grade B, not first line, non-drug) and the SCI-specific
cautions, each with its citations. The worked cases (:mod:`sci_pain.course.cases`) name these cautions
by id in their plans.

Examples
--------
>>> table = load_canpainsci()
>>> table.loc[table["level"] == "first line", "options"].iloc[0]
'pregabalin, gabapentin'
>>> canpainsci_cautions().loc["sedation_falls", "who"]
'everyone, especially people who transfer or walk'
>>> canpainsci_approach().startswith("Trial, re-evaluate, then change")
True
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from sci_pain._resources import data_path

__all__ = [
    "load_canpainsci",
    "canpainsci_cautions",
    "canpainsci_approach",
    "find_canpainsci_problems",
]

_FILE = ("knowledge", "canpainsci.yaml")
_RECOMMENDATION_KEYS = ("id", "level", "kind", "options", "text", "citations")
_CAUTION_KEYS = ("id", "who", "text", "citations")


@cache
def _raw() -> dict:
    import yaml

    return yaml.safe_load(data_path(*_FILE).read_text(encoding="utf-8"))


def find_canpainsci_problems() -> list[str]:
    """Every problem in ``canpainsci.yaml`` (missing fields, unknown citation keys), as text.

    Examples
    --------
    >>> find_canpainsci_problems()
    []
    """
    from sci_pain.knowledge.loaders import load_references

    keys = set(load_references().index)
    raw, problems = _raw(), []
    where = "data/knowledge/canpainsci.yaml"
    for section, required in (
        ("recommendations", _RECOMMENDATION_KEYS),
        ("cautions", _CAUTION_KEYS),
    ):
        for i, record in enumerate(raw.get(section) or [], start=1):
            missing = [k for k in required if not record.get(k)]
            if missing:
                problems.append(f"{where}: {section}[{i}]: missing {missing}")
            for key in record.get("citations") or []:
                if key not in keys:
                    problems.append(
                        f"{where}: {section}[{i}].citations: {key!r} not in references.yaml"
                    )
    for key in (raw.get("approach") or {}).get("citations") or []:
        if key not in keys:
            problems.append(f"{where}: approach.citations: {key!r} not in references.yaml")
    text = str(raw).lower()
    for unit in (" mg", "mg/", " mcg", "µg"):
        if unit in text:
            problems.append(
                f"{where}: mentions a dose unit {unit.strip()!r}; the package never gives doses"
            )
    return problems


def load_canpainsci() -> pd.DataFrame:
    """The recommendations: ``id``, ``level``, ``kind``, ``options`` (joined), ``text``, ``citations``."""
    rows = [
        {
            **{k: r[k] for k in ("id", "level", "kind", "text")},
            "options": ", ".join(r["options"]),
            "citations": ", ".join(r["citations"]),
        }
        for r in _raw()["recommendations"]
    ]
    return pd.DataFrame(rows).astype(pd.StringDtype(na_value=np.nan))


def canpainsci_cautions() -> pd.DataFrame:
    """The SCI-specific cautions, indexed by id: ``who``, ``text``, ``citations``."""
    rows = [
        {
            "id": r["id"],
            "who": r["who"],
            "text": " ".join(r["text"].split()),
            "citations": tuple(r["citations"]),
        }
        for r in _raw()["cautions"]
    ]
    return pd.DataFrame(rows).set_index("id")


def canpainsci_approach() -> str:
    """The approach in one paragraph: trial, re-evaluate, then change."""
    return " ".join(_raw()["approach"]["text"].split())
