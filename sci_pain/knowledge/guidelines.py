"""The CanPainSCI neuropathic-pain recommendations as data (no doses), and their SCI cautions.

``data/knowledge/canpainsci.yaml`` holds the approach ("trial, re-evaluate, then change"), the
recommendations by level (first line, grade B, not first line, non-drug) and the SCI-specific
cautions, each with its citations and the situation that brings it. The worked cases
(:mod:`sci_pain.course.cases`) name these cautions by id in their plans; :func:`canpainsci_for`
gives the guideline for one cause and one person, which the management matcher shows whenever it
shows neuropathic SCI pain.

Examples
--------
>>> table = load_canpainsci()
>>> table.loc[table["level"] == "first line", "options"].iloc[0]
'pregabalin, gabapentin'
>>> canpainsci_cautions().loc["sedation_falls", "who"]
'everyone, especially people who transfer or walk'
>>> canpainsci_approach().startswith("Trial, re-evaluate, then change")
True
>>> advice = canpainsci_for("neuropathic_below_level", situation="injury_at_or_above_T6")
>>> bool(advice.cautions.loc["ad_constipation_retention", "applies"])
True
>>> canpainsci_for("spasticity") is None
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from sci_pain._resources import data_path, load_yaml

__all__ = [
    "load_canpainsci",
    "canpainsci_cautions",
    "canpainsci_approach",
    "find_canpainsci_problems",
    "CanPainSCIAdvice",
    "canpainsci_for",
    "CANPAINSCI_SUBTYPES",
]

_FILE = ("knowledge", "canpainsci.yaml")
_RECOMMENDATION_KEYS = ("id", "level", "kind", "options", "text", "citations")
_CAUTION_KEYS = ("id", "who", "situation", "text", "citations")

CANPAINSCI_SUBTYPES: tuple[str, ...] = ("at_level_sci", "below_level_sci")
"""The ISCIP subtypes CanPainSCI is written for: neuropathic pain caused by the SCI."""


@cache
def _raw() -> dict:

    return load_yaml(data_path(*_FILE))


def find_canpainsci_problems() -> list[str]:
    """Every problem in ``canpainsci.yaml`` (missing fields, unknown citation keys), as text.

    Examples
    --------
    >>> find_canpainsci_problems()
    []
    """
    from sci_pain.knowledge.loaders import load_references
    from sci_pain.knowledge.schema import SITUATIONS

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
            situation = record.get("situation")
            if section == "cautions" and situation and situation not in SITUATIONS:
                problems.append(
                    f"{where}: {section}[{i}].situation: {situation!r} is not a situation; "
                    f"allowed: {', '.join(SITUATIONS)}"
                )
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
    """Return the recommendations: ``id``, ``level``, ``kind``, ``options`` (joined), ``text``, ``citations``."""
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
    """Return the SCI-specific cautions, indexed by id: ``who``, ``situation``, ``text``, ``citations``.

    ``situation`` is a key of :data:`sci_pain.knowledge.schema.SITUATIONS`: ``always``, or the
    situation that brings the caution (``injury_at_or_above_T6``).
    """
    rows = [
        {
            "id": r["id"],
            "who": r["who"],
            "situation": r["situation"],
            "text": " ".join(r["text"].split()),
            "citations": tuple(r["citations"]),
        }
        for r in _raw()["cautions"]
    ]
    return pd.DataFrame(rows).set_index("id")


def canpainsci_approach() -> str:
    """Return the approach in one paragraph: trial, re-evaluate, then change."""
    return " ".join(_raw()["approach"]["text"].split())


@dataclass(frozen=True, eq=False)
class CanPainSCIAdvice:
    """The CanPainSCI guideline for one cause of neuropathic SCI pain and one person.

    Attributes
    ----------
    cause : str
        The cause id (``neuropathic_at_level`` or ``neuropathic_below_level``).
    approach : str
        "Trial, re-evaluate, then change" in one paragraph (:func:`canpainsci_approach`).
    recommendations : pandas.DataFrame
        :func:`load_canpainsci`: one row per recommendation, in the guideline's order (first
        line, its alternative, grade B, not first line, non-drug). No doses.
    cautions : pandas.DataFrame
        :func:`canpainsci_cautions` with a bool column ``applies``: the caution applies to this
        person (its situation is ``always`` or one of theirs). Cautions that apply come first.
    citations : tuple of str
        Reference keys of everything shown, without repeats.
    """

    cause: str
    approach: str
    recommendations: pd.DataFrame
    cautions: pd.DataFrame
    citations: tuple[str, ...]

    @property
    def levels(self) -> list[tuple[str, pd.DataFrame]]:
        """The recommendations grouped by level (grade), in the guideline's order."""
        frame = self.recommendations
        return [(level, frame[frame["level"] == level]) for level in frame["level"].unique()]


def canpainsci_for(cause: str, *, situation: str | Iterable[str] = ()) -> CanPainSCIAdvice | None:
    """Return the CanPainSCI guideline for a cause and a person, or None if it does not apply.

    CanPainSCI covers neuropathic pain caused by the spinal cord injury (ISCIP at-level and
    below-level neuropathic pain); for every other cause this returns None. The cautions are
    marked by whether they apply to the person's situations, as in :func:`management_for`.

    Parameters
    ----------
    cause : str
        A cause id, label or alias (see :func:`sci_pain.knowledge.get_cause`).
    situation : str or iterable of str
        The person's situations (keys of :data:`sci_pain.knowledge.SITUATIONS`).

    Returns
    -------
    CanPainSCIAdvice or None

    Raises
    ------
    UnknownNameError
        When `cause` or a `situation` is not known, as for :func:`management_for`. A known
        cause that CanPainSCI does not cover is not an error: it gives None.

    Examples
    --------
    >>> advice = canpainsci_for("at-level neuropathic pain")
    >>> [level for level, _ in advice.levels][:3]
    ['first line', 'first line (alternative)', 'grade B (formerly second line)']
    >>> advice.cautions.loc[advice.cautions["applies"]].index.tolist()
    ['sedation_falls', 'bladder_bowel', 'serotonin']
    """
    from sci_pain.knowledge.loaders import get_cause, resolve_situations

    found = get_cause(cause)
    person = set(resolve_situations(situation)) | {"always"}
    if found.iscip_subtype not in CANPAINSCI_SUBTYPES:
        return None
    cautions = canpainsci_cautions()
    applies = cautions["situation"].isin(person)
    cautions = cautions.assign(applies=applies).iloc[(~applies).argsort(kind="stable")]
    recommendations = load_canpainsci()
    keys = [*(_raw()["approach"]["citations"])]
    keys += [k for text in recommendations["citations"] for k in text.split(", ")]
    keys += [k for ks in cautions["citations"] for k in ks]
    return CanPainSCIAdvice(
        cause=found.id,
        approach=canpainsci_approach(),
        recommendations=recommendations,
        cautions=cautions,
        citations=tuple(dict.fromkeys(keys)),
    )
