"""Clinical scores met in leg pain after spinal cord injury: what every score shares.

====================  =========================================  ======================
Function              Scale                                      Source (citation key)
====================  =========================================  ======================
modified_ashworth     Modified Ashworth Scale (tone), 0 to 4     ``bohannon1987``
penn_spasm_frequency  Penn Spasm Frequency Scale, with severity  ``penn1989``,
                                                                 ``ninds_cde_psfs``
braden                Braden Scale (pressure-injury risk)        ``braden_form``, ``bergstrom1987``
wells_dvt             Wells score for DVT (2003 version)         ``wells2003``
bmi                   Body mass index, WHO and SCI thresholds    ``who2000``,
                                                                 ``laughton2009``
dn4                   DN4 neuropathic pain questionnaire         ``bouhassira2005``
scipi                 SCIPI, 4-item SCI neuropathic pain screen  ``bryce2014_scipi``,
                                                                 ``ninds_cde_scipi``
====================  =========================================  ======================

Each function checks its input, computes, and returns a small frozen dataclass. Item
wordings, points and bands are data, in ``data/knowledge/scores.yaml``. Out-of-range input
raises :class:`ScoreError` (a ``ValueError``) naming the item, the value and the valid
values. Besides its own fields (``total``, ``grade``, ``bmi`` ...), every result has:

==================  ==========================================================================
``title``           the scale's name
``band``            the band or grade meaning in words (``"moderate risk"``, ``"DVT likely"``)
``interpretation``  one or two sentences in words
``items``           tuple of :class:`ScoreItem` (key, label, answer, points)
``citations``       citation keys (resolved in ``data/knowledge/references.yaml``)
``caveat``          what to keep in mind, e.g. validity after SCI
``warning``         an urgent message (the Wells emergency note), else ``""``
``concern``         0-3, or ``None`` for descriptive scales; only picks the colour in HTML
``summary``         one line; ``to_frame()`` gives ``items`` as a DataFrame
==================  ==========================================================================

These are teaching calculators. They never diagnose a person, and a suspected DVT is an
emergency whatever a score says.

Examples
--------
>>> from sci_pain.analysis import braden, wells_dvt
>>> result = braden(
...     sensory_perception=2, moisture=3, activity=2, mobility=2, nutrition=3, friction_shear=2
... )
>>> result.total, result.band
(14, 'moderate risk')
>>> wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True).band
'DVT likely'

This module holds what the scales share: the data file, input checks, :class:`ScoreItem` and
the result base class. The scales live in :mod:`~sci_pain.analysis.spasticity` (Ashworth,
Penn), :mod:`~sci_pain.analysis.skin_dvt` (Braden, Wells), :mod:`~sci_pain.analysis.body`
(BMI) and :mod:`~sci_pain.analysis.neuropathic` (DN4, SCIPI); their HTML is
:func:`sci_pain.html.score_html`.
"""

from __future__ import annotations

import copy
import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import numpy as np
import pandas as pd

from sci_pain._resources import data_path, load_yaml
from sci_pain.errors import ScoreError, did_you_mean

__all__ = [
    "ScoreError",
    "ScoreItem",
    "ScoreResult",
    "score_definition",
]

ScaleName = Literal[
    "modified_ashworth", "penn_spasm_frequency", "braden", "wells_dvt", "bmi", "dn4", "scipi"
]

_FILE = ("knowledge", "scores.yaml")


# ---------------------------------------------------------------------------------------------
# errors


def item_error(
    scale: str, item: str, value: object, valid: Iterable, extra: str = ""
) -> ScoreError:
    valid = tuple(valid)
    msg = f"{scale}: {item!r} must be one of {list(valid)}; got {value!r}."
    if isinstance(value, str):
        msg += did_you_mean(value, [str(v) for v in valid], cutoff=0.5)
    if extra:
        msg += f" {extra}"
    return ScoreError(msg, scale=scale, item=item, value=value, valid=valid)


def missing_error(scale: str, missing: list[str], valid: Iterable) -> ScoreError:
    msg = (
        f"{scale}: every item needs an answer; missing {missing}. Each takes one of {list(valid)}."
    )
    return ScoreError(msg, scale=scale, item=missing[0], value=None, valid=valid)


# ---------------------------------------------------------------------------------------------
# the data file


@cache
def score_records() -> dict[str, Any]:

    path = data_path(*_FILE)
    raw = load_yaml(path)
    required = {
        "modified_ashworth": ("title", "citations", "grades", "caveat"),
        "penn_spasm_frequency": ("title", "citations", "frequency", "severity", "caveat"),
        "braden": ("title", "citations", "subscales", "bands", "caveat"),
        "wells_dvt": ("title", "citations", "items", "likely_from", "sci_note", "emergency"),
        "bmi": ("title", "citations", "who_bands", "sci_threshold", "why_different", "caveat"),
        "dn4": ("title", "citations", "items", "positive_from", "caveat"),
        "scipi": ("title", "citations", "items", "positive_from", "caveat"),
    }
    if not isinstance(raw, dict):
        msg = f"{path}: expected a mapping of score names, got {type(raw).__name__}"
        raise ValueError(msg)
    for scale, keys in required.items():
        record = raw.get(scale)
        if not isinstance(record, dict):
            msg = f"{path}: the score {scale!r} is missing"
            raise ValueError(msg)
        absent = [key for key in keys if key not in record]
        if absent:
            msg = f"{path}: score {scale!r} lacks {absent}"
            raise ValueError(msg)
    return raw


def score_definition(name: ScaleName) -> dict[str, Any]:
    """Return the wordings, points, bands and citations of one score, from the data file.

    The widgets read their labels and tooltips here; notebooks can show a scale's items.

    Parameters
    ----------
    name : {"modified_ashworth", "penn_spasm_frequency", "braden", "wells_dvt", "bmi", "dn4"}

    Returns
    -------
    dict
        A copy of the record in ``data/knowledge/scores.yaml`` (changing it changes nothing).

    Raises
    ------
    ValueError
        For an unknown name; the message lists the known ones and suggests close matches.

    Examples
    --------
    >>> [s["key"] for s in score_definition("braden")["subscales"]][:2]
    ['sensory_perception', 'moisture']
    >>> score_definition("bradn")
    Traceback (most recent call last):
    ...
    ValueError: no score named 'bradn'; known scores: [...]. Did you mean 'braden'?
    """
    records = score_records()
    if not isinstance(name, str) or name not in records:
        known = sorted(records)
        msg = f"no score named {name!r}; known scores: {known}.{did_you_mean(name, known)}"
        raise ValueError(msg)
    return copy.deepcopy(records[name])


# ---------------------------------------------------------------------------------------------
# coercion: anything a user might pass becomes a clean value or a ScoreError


def as_int(value: object) -> int | None:
    """Return an int for int-like values (3, numpy 3, 3.0); None for anything else (bools too)."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return None
        if math.isfinite(number) and number.is_integer():
            return int(number)
    return None


def as_bool(value: object) -> bool | None:
    """True/False for Python and NumPy booleans; None for anything else (0 and 1 too)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    return None


def as_float(value: object) -> float | None:
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return None
        return number if math.isfinite(number) else None
    return None


def choose(scale: str, item: str, value: object, valid: tuple[int, ...], labels: dict) -> int:
    number = as_int(value)
    if number is None or number not in valid:
        meaning = "; ".join(f"{v} = {labels[v]}" for v in valid)
        raise item_error(scale, item, value, valid, extra=f"({meaning})")
    return number


# ---------------------------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class ScoreItem:
    """One line of a score's breakdown.

    Attributes
    ----------
    key : str
        The argument name (``"moisture"``).
    label : str
        What the form calls it (``"Moisture"``).
    answer : str
        The answer in words (``"3 - occasionally moist"``, ``"yes"``).
    points : int or float or None
        What the answer adds to the total (``None`` where nothing is summed).
    """

    key: str
    label: str
    answer: str
    points: int | float | None


@dataclass(frozen=True, kw_only=True)
class ScoreResult:
    """Fields and behaviour shared by every result (each scale adds its own fields)."""

    title: str
    band: str
    interpretation: str
    items: tuple[ScoreItem, ...]
    citations: tuple[str, ...]
    caveat: str
    warning: str = ""
    concern: int | None = None

    @property
    def summary(self) -> str:
        """One line: the scale, the score and its band."""
        return f"{self.title}: {self.score_text()} - {self.band}"

    def score_text(self) -> str:
        """Return the score in words (``"total 14"``); scales without a total override it."""
        return f"total {getattr(self, 'total', '')}"

    def to_frame(self) -> pd.DataFrame:
        """Return the per-item breakdown as a DataFrame (columns item, label, answer, points)."""
        return pd.DataFrame(
            {
                "item": [i.key for i in self.items],
                "label": [i.label for i in self.items],
                "answer": [i.answer for i in self.items],
                "points": pd.array([i.points for i in self.items], dtype="Float64"),
            }
        )

    def _repr_html_(self) -> str:
        from sci_pain.html import score_html

        return score_html(self)


def common_fields(record: dict) -> dict[str, Any]:
    return {"title": record["title"], "citations": tuple(record["citations"])}
