"""Clinical scores met in leg pain after spinal cord injury, one pure function each.

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
>>> result = braden(
...     sensory_perception=2, moisture=3, activity=2, mobility=2, nutrition=3, friction_shear=2
... )
>>> result.total, result.band
(14, 'moderate risk')
>>> wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True).band
'DVT likely'
"""

from __future__ import annotations

import copy
import difflib
import html
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, total_ordering
from typing import Any, Literal

import numpy as np
import pandas as pd

from sci_pain._resources import data_path
from sci_pain.errors import ScoreError
from sci_pain.style import PALETTE

__all__ = [
    "ScoreError",
    "ScoreItem",
    "AshworthResult",
    "PennResult",
    "BradenResult",
    "WellsResult",
    "BMIResult",
    "DN4Result",
    "SCIPIResult",
    "MAS_GRADES",
    "BRADEN_BANDS",
    "score_definition",
    "modified_ashworth",
    "penn_spasm_frequency",
    "braden",
    "wells_dvt",
    "bmi",
    "dn4",
    "scipi",
    "score_html",
]

ScaleName = Literal[
    "modified_ashworth", "penn_spasm_frequency", "braden", "wells_dvt", "bmi", "dn4", "scipi"
]

_FILE = ("knowledge", "scores.yaml")


# ---------------------------------------------------------------------------------------------
# errors


def _fail(scale: str, item: str, value: object, valid: Iterable, extra: str = "") -> ScoreError:
    valid = tuple(valid)
    msg = f"{scale}: {item!r} must be one of {list(valid)}; got {value!r}."
    if isinstance(value, str):
        close = difflib.get_close_matches(value, [str(v) for v in valid], n=3, cutoff=0.5)
        if close:
            msg += f" Did you mean {close}?"
    if extra:
        msg += f" {extra}"
    return ScoreError(msg, scale=scale, item=item, value=value, valid=valid)


def _missing(scale: str, missing: list[str], valid: Iterable) -> ScoreError:
    msg = (
        f"{scale}: every item needs an answer; missing {missing}. Each takes one of {list(valid)}."
    )
    return ScoreError(msg, scale=scale, item=missing[0], value=None, valid=valid)


# ---------------------------------------------------------------------------------------------
# the data file


@cache
def _definitions() -> dict[str, Any]:
    import yaml

    path = data_path(*_FILE)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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
    ValueError: no score named 'bradn'; known scores: [...]. Did you mean ['braden']?
    """
    records = _definitions()
    if not isinstance(name, str) or name not in records:
        known = sorted(records)
        close = difflib.get_close_matches(str(name), known, n=3)
        hint = f" Did you mean {close}?" if close else ""
        msg = f"no score named {name!r}; known scores: {known}.{hint}"
        raise ValueError(msg)
    return copy.deepcopy(records[name])


# ---------------------------------------------------------------------------------------------
# coercion: anything a user might pass becomes a clean value or a ScoreError


def _as_int(value: object) -> int | None:
    """An int for int-like values (3, numpy 3, 3.0); None for anything else (bools too)."""
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


def _as_bool(value: object) -> bool | None:
    """True/False for Python and NumPy booleans; None for anything else (0 and 1 too)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    return None


def _as_float(value: object) -> float | None:
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return None
        return number if math.isfinite(number) else None
    return None


def _choice(scale: str, item: str, value: object, valid: tuple[int, ...], labels: dict) -> int:
    number = _as_int(value)
    if number is None or number not in valid:
        meaning = "; ".join(f"{v} = {labels[v]}" for v in valid)
        raise _fail(scale, item, value, valid, extra=f"({meaning})")
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
class _Result:
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
        return f"{self.title}: {self._score_text()} - {self.band}"

    def _score_text(self) -> str:  # overridden where the score is not a total
        return f"total {getattr(self, 'total', '')}"

    def to_frame(self) -> pd.DataFrame:
        """The per-item breakdown as a DataFrame (columns item, label, answer, points)."""
        return pd.DataFrame(
            {
                "item": [i.key for i in self.items],
                "label": [i.label for i in self.items],
                "answer": [i.answer for i in self.items],
                "points": pd.array([i.points for i in self.items], dtype="Float64"),
            }
        )

    def _repr_html_(self) -> str:
        return score_html(self)


@total_ordering
@dataclass(frozen=True, eq=False, kw_only=True)
class AshworthResult(_Result):
    """A Modified Ashworth grade with its definition.

    Results compare by the order of their grades (``0 < 1 < 1+ < 2 < 3 < 4``), never by a
    number standing in for ``1+``.

    Attributes
    ----------
    grade : str
        One of :data:`MAS_GRADES` (``"0"``, ``"1"``, ``"1+"``, ``"2"``, ``"3"``, ``"4"``).
    rank : int
        Position in that order, 0 to 5 (``"1+"`` is 2, ``"2"`` is 3): for sorting, not sums.
    definition : str
    """

    grade: str
    rank: int
    definition: str

    def _score_text(self) -> str:
        return f"grade {self.grade}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AshworthResult):
            return NotImplemented
        return self.rank == other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, AshworthResult):
            return NotImplemented
        return self.rank < other.rank

    def __hash__(self) -> int:
        return hash(("MAS", self.rank))


@dataclass(frozen=True, kw_only=True)
class PennResult(_Result):
    """Penn Spasm Frequency Scale: frequency (0-4) and, when there are spasms, severity (1-3).

    Attributes
    ----------
    frequency : int
    severity : int or None
        ``None`` when frequency is 0 (severity is not asked then).
    """

    frequency: int
    severity: int | None

    def _score_text(self) -> str:
        if self.severity is None:
            return f"frequency {self.frequency}"
        return f"frequency {self.frequency}, severity {self.severity}"


@dataclass(frozen=True, kw_only=True)
class BradenResult(_Result):
    """Braden total (6-23; lower means higher risk) and its band.

    Attributes
    ----------
    total : int
    at_risk : bool
        True unless the total falls in the highest (least-risk) band of the banding used.
    bands : tuple of (int, str)
        The banding used: ``(max_total, label)`` pairs in ascending order.
    """

    total: int
    at_risk: bool
    bands: tuple[tuple[int, str], ...]


@dataclass(frozen=True, kw_only=True)
class WellsResult(_Result):
    """Wells DVT total (-2 to 9) and the two-level category ("likely" from 2 up).

    Attributes
    ----------
    total : int
    likely : bool
    """

    total: int
    likely: bool


@dataclass(frozen=True, kw_only=True)
class BMIResult(_Result):
    """Body mass index with the general (WHO) band and the SCI threshold beside it.

    Attributes
    ----------
    bmi : float
        kg/m², rounded to one decimal (the bands apply to this rounded value).
    who_band : str
    sci_at_risk : bool
        True when the BMI is above the SCI threshold (22 kg/m²).
    sci_threshold : float
    """

    bmi: float
    who_band: str
    sci_at_risk: bool
    sci_threshold: float

    def _score_text(self) -> str:
        return f"{self.bmi:.1f} kg/m²"


@dataclass(frozen=True, kw_only=True)
class DN4Result(_Result):
    """DN4 total (0-10), positive from 4.

    Attributes
    ----------
    total : int
    positive : bool
    interview_total : int
        Items 1-7 (shown for teaching; no interview-only cut-off is applied).
    examination_total : int
        Items 8-10.
    """

    total: int
    positive: bool
    interview_total: int
    examination_total: int


@dataclass(frozen=True, kw_only=True)
class SCIPIResult(_Result):
    """SCIPI total (0-4): 0 non-neuropathic, 1 possible, 2 or more probable neuropathic pain.

    Attributes
    ----------
    total : int
    positive : bool
        ``total >= 2``.
    """

    total: int
    positive: bool

    def _score_text(self) -> str:
        return f"{self.total}/4"


def _common(record: dict) -> dict[str, Any]:
    return {"title": record["title"], "citations": tuple(record["citations"])}


# ---------------------------------------------------------------------------------------------
# Modified Ashworth

MAS_GRADES = pd.CategoricalDtype(["0", "1", "1+", "2", "3", "4"], ordered=True)
"""The Modified Ashworth grades as an ordered categorical: ``0 < 1 < 1+ < 2 < 3 < 4``.

Use it for a column of grades so that sorting, ``min``/``max`` and comparisons follow the
scale's order: ``pd.Series(["2", "1+"], dtype=MAS_GRADES).max()`` is ``"2"``.
"""


def _mas_grade(value: object) -> str:
    grades = tuple(MAS_GRADES.categories)
    scale, item = "Modified Ashworth", "grade"
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if text in grades:
            return text
        raise _fail(scale, item, value, grades)
    number = _as_float(value)
    if number is not None and number.is_integer() and 0 <= number <= 4:
        return str(int(number))
    if number == 1.5:
        raise _fail(
            scale,
            item,
            value,
            grades,
            extra="1.5 is not a grade: '1+' is a category of its own between 1 and 2, "
            "not their midpoint. Pass '1+'.",
        )
    raise _fail(scale, item, value, grades)


def modified_ashworth(grade: str | int) -> AshworthResult:
    """Look up a Modified Ashworth (MAS) grade: its place in the order and its definition.

    MAS grades resistance to passive movement on six ordered grades, 0, 1, 1+, 2, 3, 4
    (Bohannon & Smith 1987). It is *ordinal*: the grades have an order, but the steps between
    them are not equal and "1+" was added between 1 and 2 to split the lower grades. So grades
    are compared by their order (:data:`MAS_GRADES`, :attr:`AshworthResult.rank`), never by
    coding "1+" as 1.5: that number would claim that 1+ sits exactly halfway between 1 and 2
    and invite means such as "average MAS 1.5", which describe no patient. Summarise a group
    with counts or the median grade.

    Parameters
    ----------
    grade : str or int
        ``"0"``, ``"1"``, ``"1+"``, ``"2"``, ``"3"`` or ``"4"``; the whole grades may also be
        given as numbers (``1``, ``2.0``).

    Returns
    -------
    AshworthResult
        ``grade``, ``rank`` (0-5), ``definition``, ``band``, ``interpretation``, ``items``,
        ``citations`` (``("bohannon1987",)``) and ``caveat``. Results compare by rank.

    Raises
    ------
    ScoreError
        For anything else, including 1.5; the message lists the valid grades.

    See Also
    --------
    MAS_GRADES : the ordered categorical for a column of grades.

    Examples
    --------
    >>> r = modified_ashworth("1+")
    >>> r.grade, r.rank
    ('1+', 2)
    >>> r.definition
    'Slight increase in tone: a catch, followed by minimal resistance through the rest (less than half) of the range.'
    >>> modified_ashworth(1) < modified_ashworth("1+") < modified_ashworth("2")
    True
    >>> pd.Series(["2", "1+", "0"], dtype=MAS_GRADES).sort_values().tolist()
    ['0', '1+', '2']
    >>> modified_ashworth(1.5)
    Traceback (most recent call last):
    ...
    sci_pain.errors.ScoreError: Modified Ashworth: 'grade' must be one of ['0', '1', '1+', '2', '3', '4']; got 1.5. 1.5 is not a grade: ...
    """
    code = _mas_grade(grade)
    record = _definitions()["modified_ashworth"]
    entry = next(g for g in record["grades"] if str(g["grade"]) == code)
    definition = " ".join(str(entry["definition"]).split())
    grades = list(MAS_GRADES.categories)
    rank = grades.index(code)
    if rank == 0:
        position = "the lowest grade"
    elif rank == len(grades) - 1:
        position = "the highest grade"
    else:
        position = f"between {grades[rank - 1]} and {grades[rank + 1]}"
    return AshworthResult(
        grade=code,
        rank=rank,
        definition=definition,
        band=str(entry["short"]),
        interpretation=f"MAS {code} ({position} on the ordered scale 0 < 1 < 1+ < 2 < 3 < 4): {definition}",
        items=(ScoreItem("grade", "Modified Ashworth grade", code, None),),
        caveat=" ".join(str(record["caveat"]).split()),
        **_common(record),
    )


# ---------------------------------------------------------------------------------------------
# Penn Spasm Frequency Scale


def penn_spasm_frequency(frequency: int, *, severity: int | None = None) -> PennResult:
    """Score the Penn Spasm Frequency Scale: how often spasms come, and how strong they are.

    Part 1 rates frequency from 0 (no spasms) to 4 (more than 10 an hour) (Penn et al. 1989).
    Part 2 rates severity 1 (mild), 2 (moderate) or 3 (severe), and is *skipped* when there
    are no spasms (NINDS Common Data Elements).

    Decision on severity when frequency is 0: it is ignored, and the interpretation says so.
    The form does not ask it then, so it cannot be part of the result; ignoring it (rather
    than raising) lets a learner move the frequency back to 0 without first clearing the
    severity. An out-of-range severity still raises. When frequency is 1 or more, severity is
    required.

    Parameters
    ----------
    frequency : int
        0 to 4.
    severity : int or None, optional
        1 to 3; required when ``frequency`` > 0.

    Returns
    -------
    PennResult
        ``frequency``, ``severity`` (``None`` when frequency is 0), ``band``,
        ``interpretation``, ``items``, ``citations`` (``("penn1989", "ninds_cde_psfs")``),
        ``caveat``. The two parts are reported side by side, never added.

    Raises
    ------
    ScoreError
        If frequency is not 0-4, severity is not 1-3, or severity is missing when needed.

    Examples
    --------
    >>> r = penn_spasm_frequency(3, severity=2)
    >>> r.band
    'spasms more than once an hour; moderate'
    >>> r.interpretation
    'Spasms more than once an hour; severity: moderate.'
    >>> penn_spasm_frequency(0).severity is None
    True
    >>> penn_spasm_frequency(0, severity=2).interpretation
    'No spasms. Severity is not asked when there are no spasms, so the severity given (2) was ignored.'
    >>> penn_spasm_frequency(2)
    Traceback (most recent call last):
    ...
    sci_pain.errors.ScoreError: Penn Spasm Frequency: 'severity' must be one of [1, 2, 3]; got None. ...
    """
    scale = "Penn Spasm Frequency"
    record = _definitions()["penn_spasm_frequency"]
    freq_text = {int(o["value"]): str(o["text"]) for o in record["frequency"]}
    sev_text = {int(o["value"]): str(o["text"]).rstrip(".").lower() for o in record["severity"]}
    freq = _choice(scale, "frequency", frequency, tuple(freq_text), freq_text)
    sev = None
    if severity is not None:
        sev = _choice(scale, "severity", severity, tuple(sev_text), sev_text)
    note = ""
    if freq == 0:
        if sev is not None:
            note = (
                " Severity is not asked when there are no spasms, so the severity given "
                f"({sev}) was ignored."
            )
        sev = None
        band = "no spasms"
        interpretation = f"{freq_text[0]}{note}"
    else:
        if sev is None:
            raise _fail(
                scale,
                "severity",
                severity,
                tuple(sev_text),
                extra=f"Severity is required when there are spasms (frequency {freq}).",
            )
        band = f"{freq_text[freq].rstrip('.').lower()}; {sev_text[sev]}"
        interpretation = f"{freq_text[freq].rstrip('.')}; severity: {sev_text[sev]}."
    items = (
        # points None: the two parts are reported side by side, never summed
        ScoreItem("frequency", "Spasm frequency", f"{freq} - {freq_text[freq]}", None),
        ScoreItem(
            "severity",
            "Spasm severity",
            "not asked (no spasms)" if sev is None else f"{sev} - {sev_text[sev]}",
            None,
        ),
    )
    return PennResult(
        frequency=freq,
        severity=sev,
        band=band,
        interpretation=interpretation,
        items=items,
        caveat=" ".join(str(record["caveat"]).split()),
        **_common(record),
    )


# ---------------------------------------------------------------------------------------------
# Braden


def _default_braden_bands() -> tuple[tuple[int, str], ...]:
    return tuple((int(b["max_total"]), str(b["label"])) for b in _definitions()["braden"]["bands"])


BRADEN_BANDS: tuple[tuple[int, str], ...] = _default_braden_bands()
"""Default Braden banding as ``(max_total, label)`` pairs, in the words of the Braden form:
6-9 severe risk, 10-12 high, 13-14 moderate, 15-18 mild; 19-23 is above the form's bands (the
form has no "no risk" band, and after SCI no score means no risk)."""

_BRADEN_MIN, _BRADEN_MAX = 6, 23


def _braden_bands(cutoffs: object) -> tuple[tuple[int, str], ...]:
    scale, item = "Braden", "cutoffs"
    if cutoffs is None:
        return BRADEN_BANDS
    single = _as_int(cutoffs)
    if single is not None:
        if not _BRADEN_MIN <= single < _BRADEN_MAX:
            msg = (
                f"{scale}: a single cut-off must be a total from {_BRADEN_MIN} to "
                f"{_BRADEN_MAX - 1} (at risk at or below it); got {cutoffs!r}."
            )
            raise ScoreError(msg, scale=scale, item=item, value=cutoffs)
        return ((single, "at risk"), (_BRADEN_MAX, "not at risk"))
    how = (
        "Pass an int (at risk at or below it, e.g. 16), or a mapping {max_total: label} in "
        "which the largest max_total is 23, e.g. {12: 'high risk', 18: 'some risk', "
        "23: 'no risk'}."
    )
    try:
        pairs = dict(cutoffs).items() if isinstance(cutoffs, (Mapping, list, tuple)) else None
    except (TypeError, ValueError):
        pairs = None
    if not pairs:
        msg = f"{scale}: cannot read cutoffs {cutoffs!r}. {how}"
        raise ScoreError(msg, scale=scale, item=item, value=cutoffs)
    bands = []
    for bound, label in pairs:
        number = _as_int(bound)
        if number is None or not _BRADEN_MIN <= number <= _BRADEN_MAX:
            msg = f"{scale}: cut-off {bound!r} is not a total from 6 to 23. {how}"
            raise ScoreError(msg, scale=scale, item=item, value=cutoffs)
        if not isinstance(label, str) or not label.strip():
            msg = f"{scale}: the band ending at {bound!r} needs a label (text). {how}"
            raise ScoreError(msg, scale=scale, item=item, value=cutoffs)
        bands.append((number, label.strip()))
    bands.sort()
    if len({b for b, _ in bands}) != len(bands) or bands[-1][0] != _BRADEN_MAX:
        msg = f"{scale}: cut-offs {cutoffs!r} must be distinct and end at 23. {how}"
        raise ScoreError(msg, scale=scale, item=item, value=cutoffs)
    return tuple(bands)


def braden(
    *,
    sensory_perception: int | None = None,
    moisture: int | None = None,
    activity: int | None = None,
    mobility: int | None = None,
    nutrition: int | None = None,
    friction_shear: int | None = None,
    cutoffs: int | Mapping[int, str] | None = None,
) -> BradenResult:
    """Score the Braden Scale for pressure-injury risk (Bergstrom et al. 1987).

    Six subscales are summed: sensory perception, moisture, activity, mobility and
    nutrition (each 1-4) and friction and shear (1-3), for a total of 6 to 23. **Lower totals
    mean higher risk.** Each subscale's 1 is the worst state (e.g. "completely limited").

    Sources band the total differently, so the cut-offs are configurable. The default is the
    form's own bands (:data:`BRADEN_BANDS`): 9 or less severe risk, 10-12 high, 13-14
    moderate, 15-18 mild; 19-23 is above the form's bands, never "no risk".

    Parameters
    ----------
    sensory_perception, moisture, activity, mobility, nutrition : int
        1 to 4 each. All six subscales are required.
    friction_shear : int
        1 to 3.
    cutoffs : int or mapping, optional
        ``None`` for the default banding. An int ``c`` is a single cut-off: "at risk" when the
        total is ``c`` or less, "not at risk" above it; so "at risk at 16 or less" is
        ``cutoffs=16`` and "at risk below 18" is ``cutoffs=17`` (totals are whole numbers). A
        mapping ``{max_total: label}`` gives your own bands, each covering totals up to and
        including its key; the largest key must be 23.

    Returns
    -------
    BradenResult
        ``total``, ``band``, ``at_risk``, ``bands`` (the banding used), ``interpretation``,
        ``items`` (each subscale with its points), ``citations`` (``("braden_form",
        "bergstrom1987")``),
        ``caveat``.

    Raises
    ------
    ScoreError
        If a subscale is missing or out of range (the message names it and lists the valid
        points with their meanings), or if ``cutoffs`` cannot be read.

    Examples
    --------
    All subscales at their best (4, and 3 for friction and shear) give the maximum, 23:

    >>> best = dict(sensory_perception=4, moisture=4, activity=4, mobility=4, nutrition=4)
    >>> r = braden(**best, friction_shear=3)
    >>> r.total, r.band, r.at_risk
    (23, "above the form's risk bands (not 'no risk')", False)

    A wheelchair user with no sensation below the level ("very limited", "chairfast",
    "very limited" mobility) and friction a potential problem:

    >>> r = braden(
    ...     sensory_perception=2, moisture=3, activity=2, mobility=2, nutrition=3, friction_shear=2
    ... )
    >>> r.total, r.band
    (14, 'moderate risk')
    >>> braden(
    ...     sensory_perception=2,
    ...     moisture=3,
    ...     activity=2,
    ...     mobility=2,
    ...     nutrition=3,
    ...     friction_shear=2,
    ...     cutoffs=16,
    ... ).band
    'at risk'
    >>> braden(**best, friction_shear=4)
    Traceback (most recent call last):
    ...
    sci_pain.errors.ScoreError: Braden: 'friction_shear' must be one of [1, 2, 3]; got 4. (1 = Problem; 2 = Potential problem; 3 = No apparent problem)
    """
    scale = "Braden"
    record = _definitions()["braden"]
    bands = _braden_bands(cutoffs)
    given = {
        "sensory_perception": sensory_perception,
        "moisture": moisture,
        "activity": activity,
        "mobility": mobility,
        "nutrition": nutrition,
        "friction_shear": friction_shear,
    }
    missing = [key for key, value in given.items() if value is None]
    if missing:
        raise _missing(scale, missing, (1, 2, 3, 4))
    items = []
    for sub in record["subscales"]:
        labels = {int(o["points"]): str(o["text"]) for o in sub["options"]}
        points = _choice(scale, sub["key"], given[sub["key"]], tuple(labels), labels)
        items.append(
            ScoreItem(sub["key"], sub["label"], f"{points} - {labels[points].lower()}", points)
        )
    total = sum(item.points for item in items)
    index = next(i for i, (bound, _) in enumerate(bands) if total <= bound)
    label = bands[index][1]
    n = len(bands)
    concern = round(3 * (n - 1 - index) / (n - 1)) if n > 1 else None
    lower = _BRADEN_MIN if index == 0 else bands[index - 1][0] + 1
    span = f"{lower}-{bands[index][0]}" if lower != bands[index][0] else f"{lower}"
    interpretation = (
        f"Braden total {total} of {_BRADEN_MAX} (range {_BRADEN_MIN}-{_BRADEN_MAX}; lower "
        f"means higher risk): {label} (this banding puts {span} there)."
    )
    return BradenResult(
        total=total,
        at_risk=index < n - 1,
        bands=bands,
        band=label,
        interpretation=interpretation,
        items=tuple(items),
        caveat=" ".join(str(record["caveat"]).split()),
        concern=concern,
        **_common(record),
    )


# ---------------------------------------------------------------------------------------------
# Wells DVT


def wells_dvt(
    *,
    active_cancer: bool = False,
    paralysis_paresis_or_cast: bool = False,
    bedridden_or_recent_surgery: bool = False,
    deep_vein_tenderness: bool = False,
    entire_leg_swollen: bool = False,
    calf_swelling_3cm: bool = False,
    pitting_oedema: bool = False,
    collateral_superficial_veins: bool = False,
    previous_dvt: bool = False,
    alternative_diagnosis_as_likely: bool = False,
) -> WellsResult:
    """Score the Wells rule for deep vein thrombosis, 2003 version (Wells et al. 2003).

    Nine findings add 1 point each (active cancer; paralysis, paresis or a recent leg cast;
    bedridden 3 days or more or major surgery within 12 weeks; tenderness along the deep
    veins; whole leg swollen; calf swollen by 3 cm or more; pitting oedema in the symptomatic
    leg; collateral superficial veins; previous DVT) and "another diagnosis at least as
    likely as DVT" subtracts 2. A total of 2 or more is "DVT likely", 1 or less "DVT
    unlikely".

    **This is a teaching calculator.** A suspected DVT is an emergency, whatever the score:
    the result always carries that warning. After spinal cord injury the paralysis item
    scores for everyone, so the total starts one point nearer "likely"; validation of the
    score in people with SCI is not established. Both notes are always included.

    Parameters
    ----------
    active_cancer, paralysis_paresis_or_cast, bedridden_or_recent_surgery, \
deep_vein_tenderness, entire_leg_swollen, calf_swelling_3cm, pitting_oedema, \
collateral_superficial_veins, previous_dvt, alternative_diagnosis_as_likely : bool
        Whether each finding is present; findings not given count as absent.

    Returns
    -------
    WellsResult
        ``total`` (-2 to 9), ``likely``, ``band``, ``interpretation``, ``items``,
        ``citations`` (``("wells2003",)``), ``caveat`` (the SCI note) and ``warning`` (the
        emergency note).

    Raises
    ------
    ScoreError
        If an item is not True or False (0/1 and "yes" are not accepted: say True or False).

    Examples
    --------
    Paralysis (which every person with SCI scores) plus a calf 3 cm bigger: 1 + 1 = 2.

    >>> r = wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True)
    >>> r.total, r.band
    (2, 'DVT likely')
    >>> wells_dvt(paralysis_paresis_or_cast=True).band
    'DVT unlikely'
    >>> "not established" in r.caveat, r.warning.startswith("Teaching calculator only.")
    (True, True)
    """
    scale = "Wells DVT"
    record = _definitions()["wells_dvt"]
    given = {
        "active_cancer": active_cancer,
        "paralysis_paresis_or_cast": paralysis_paresis_or_cast,
        "bedridden_or_recent_surgery": bedridden_or_recent_surgery,
        "deep_vein_tenderness": deep_vein_tenderness,
        "entire_leg_swollen": entire_leg_swollen,
        "calf_swelling_3cm": calf_swelling_3cm,
        "pitting_oedema": pitting_oedema,
        "collateral_superficial_veins": collateral_superficial_veins,
        "previous_dvt": previous_dvt,
        "alternative_diagnosis_as_likely": alternative_diagnosis_as_likely,
    }
    items = []
    for entry in record["items"]:
        present = _as_bool(given[entry["key"]])
        if present is None:
            raise _fail(scale, entry["key"], given[entry["key"]], (True, False))
        points = int(entry["points"]) if present else 0
        items.append(ScoreItem(entry["key"], entry["label"], "yes" if present else "no", points))
    total = sum(item.points for item in items)
    likely_from = int(record["likely_from"])
    likely = total >= likely_from
    band = "DVT likely" if likely else "DVT unlikely"
    interpretation = (
        f"Wells total {total}: {band} ({likely_from} or more is 'likely', "
        f"{likely_from - 1} or less 'unlikely'). A category of pre-test probability: it "
        "never rules a clot in or out."
    )
    if given["paralysis_paresis_or_cast"]:
        without = total - 1
        other = "likely" if without >= likely_from else "unlikely"
        interpretation += (
            f" Without the paralysis item, which everyone with SCI scores, the total would be "
            f"{without} ({other})."
        )
    return WellsResult(
        total=total,
        likely=likely,
        band=band,
        interpretation=interpretation,
        items=tuple(items),
        caveat=" ".join(str(record["sci_note"]).split()),
        warning=" ".join(str(record["emergency"]).split()),
        concern=3 if likely else 1,
        **_common(record),
    )


# ---------------------------------------------------------------------------------------------
# BMI

_WEIGHT_KG = (20.0, 400.0)
_HEIGHT_M = (1.0, 2.5)


def bmi(
    *, weight_kg: float, height_m: float | None = None, height_cm: float | None = None
) -> BMIResult:
    """Body mass index (kg/m²) with the SCI-specific threshold beside the general bands.

    BMI = weight / height². The general adult (WHO) bands are: under 18.5 underweight,
    18.5-24.9 normal range, 25-29.9 overweight, 30 and over obese (classes I, II, III from
    30, 35, 40). After spinal cord injury a lower threshold applies: a BMI **above 22 kg/m²**
    counts as a high risk of obesity (Laughton et al. 2009).

    Why they differ: muscle below the level wastes after SCI and fat takes its place, so the
    same weight for height hides more fat. In Laughton's sample the general cut-off of 30
    missed 73.9% of the people who were obese by body fat.

    Parameters
    ----------
    weight_kg : float
        20 to 400 kg.
    height_m, height_cm : float
        Height in metres (1.0 to 2.5) or in centimetres (100 to 250); give exactly one.

    Returns
    -------
    BMIResult
        ``bmi`` (rounded to 0.1; bands apply to the rounded value, so what you read is what
        is banded), ``who_band``, ``sci_at_risk``, ``sci_threshold``, ``band``,
        ``interpretation``, ``items``, ``citations`` (``("who2000", "laughton2009")``),
        ``caveat``.

    Raises
    ------
    ScoreError
        If a value is not a finite number in range, or if both or neither height is given.

    Examples
    --------
    A BMI of 23.0 is in the WHO normal range but above the SCI threshold:

    >>> r = bmi(weight_kg=70.4, height_m=1.75)
    >>> r.bmi, r.who_band, r.sci_at_risk
    (23.0, 'normal range', True)
    >>> r.band
    'at risk of obesity after SCI (BMI > 22); WHO: normal range'
    >>> bmi(weight_kg=62.0, height_cm=175).bmi
    20.2
    """
    scale = "BMI"
    record = _definitions()["bmi"]
    weight = _as_float(weight_kg)
    if weight is None or not _WEIGHT_KG[0] <= weight <= _WEIGHT_KG[1]:
        msg = (
            f"{scale}: 'weight_kg' must be a number from {_WEIGHT_KG[0]:g} to "
            f"{_WEIGHT_KG[1]:g} (kilograms); got {weight_kg!r}."
        )
        raise ScoreError(msg, scale=scale, item="weight_kg", value=weight_kg)
    if (height_m is None) == (height_cm is None):
        msg = (
            f"{scale}: give the height once, as height_m (metres) or height_cm (centimetres); "
            f"got height_m={height_m!r}, height_cm={height_cm!r}."
        )
        raise ScoreError(msg, scale=scale, item="height_m", value=(height_m, height_cm))
    if height_m is not None:
        item, given, factor = "height_m", height_m, 1.0
    else:
        item, given, factor = "height_cm", height_cm, 100.0
    height = _as_float(given)
    low, high = _HEIGHT_M[0] * factor, _HEIGHT_M[1] * factor
    if height is None or not low <= height <= high:
        unit = "metres" if factor == 1.0 else "centimetres"
        msg = (
            f"{scale}: {item!r} must be a number from {low:g} to {high:g} ({unit}); got {given!r}."
        )
        raise ScoreError(msg, scale=scale, item=item, value=given)
    height_metres = height / factor
    value = round(weight / height_metres**2, 1)
    who_band = next(
        str(b["label"])
        for b in sorted(record["who_bands"], key=lambda b: -float(b["min_bmi"]))
        if value >= float(b["min_bmi"])
    )
    threshold = float(record["sci_threshold"])
    at_risk = value > threshold
    sci_text = (
        f"at risk of obesity after SCI (BMI > {threshold:g})"
        if at_risk
        else f"not above the SCI threshold ({threshold:g})"
    )
    if who_band.startswith("obese"):
        concern = 3
    elif at_risk:
        concern = 2
    elif who_band == "underweight":
        concern = 1
    else:
        concern = 0
    interpretation = (
        f"BMI {value:.1f} kg/m². General (WHO) adult band: {who_band}. SCI threshold "
        f"(Laughton 2009): {sci_text}. " + " ".join(str(record["why_different"]).split())
    )
    items = (
        ScoreItem("weight_kg", "Weight (kg)", f"{weight:g}", None),
        ScoreItem("height_m", "Height (m)", f"{height_metres:.2f}", None),
    )
    return BMIResult(
        bmi=value,
        who_band=who_band,
        sci_at_risk=at_risk,
        sci_threshold=threshold,
        band=f"{sci_text}; WHO: {who_band}",
        interpretation=interpretation,
        items=items,
        caveat=" ".join(str(record["caveat"]).split()),
        concern=concern,
        **_common(record),
    )


# ---------------------------------------------------------------------------------------------
# DN4


def dn4(
    *,
    burning: bool | None = None,
    painful_cold: bool | None = None,
    electric_shocks: bool | None = None,
    tingling: bool | None = None,
    pins_and_needles: bool | None = None,
    numbness: bool | None = None,
    itching: bool | None = None,
    hypoesthesia_touch: bool | None = None,
    hypoesthesia_pinprick: bool | None = None,
    brushing: bool | None = None,
) -> DN4Result:
    """Score the DN4 neuropathic pain questionnaire (Bouhassira et al. 2005).

    Ten yes/no items, one point per yes. Seven come from the interview: burning, painful
    cold, electric shocks (the pain's character) and tingling, pins and needles, numbness,
    itching (in the same area). Three come from examining the painful area: reduced touch
    sensation, reduced pinprick sensation, pain caused or increased by brushing. A total of
    **4 or more out of 10** is a positive screen for a neuropathic component.

    All ten answers are required. The 7-item interview-only version is *not* offered: its
    cut-off could not be confirmed from the primary source here, and published validations
    differ (3/7 and 4/7 are both in use). The interview subtotal is reported for teaching
    only.

    Parameters
    ----------
    burning, painful_cold, electric_shocks, tingling, pins_and_needles, numbness, itching : bool
        Interview items.
    hypoesthesia_touch, hypoesthesia_pinprick, brushing : bool
        Examination items.

    Returns
    -------
    DN4Result
        ``total``, ``positive``, ``interview_total``, ``examination_total``, ``band``,
        ``interpretation``, ``items``, ``citations`` (``("bouhassira2005",)``), ``caveat``.

    Raises
    ------
    ScoreError
        If an answer is missing or is not True/False.

    Examples
    --------
    >>> answers = dict.fromkeys(
    ...     [
    ...         "burning",
    ...         "painful_cold",
    ...         "electric_shocks",
    ...         "tingling",
    ...         "pins_and_needles",
    ...         "numbness",
    ...         "itching",
    ...         "hypoesthesia_touch",
    ...         "hypoesthesia_pinprick",
    ...         "brushing",
    ...     ],
    ...     False,
    ... )
    >>> r = dn4(**{**answers, "burning": True, "tingling": True, "hypoesthesia_touch": True})
    >>> r.total, r.band
    (3, 'negative (below 4/10)')
    >>> dn4(
    ...     **{**answers, "burning": True, "tingling": True, "numbness": True, "brushing": True}
    ... ).band
    'positive (4/10 or more)'
    """
    scale = "DN4"
    record = _definitions()["dn4"]
    given = {
        "burning": burning,
        "painful_cold": painful_cold,
        "electric_shocks": electric_shocks,
        "tingling": tingling,
        "pins_and_needles": pins_and_needles,
        "numbness": numbness,
        "itching": itching,
        "hypoesthesia_touch": hypoesthesia_touch,
        "hypoesthesia_pinprick": hypoesthesia_pinprick,
        "brushing": brushing,
    }
    items = _yes_no_items(scale, record, given)
    parts = {}
    for entry, item in zip(record["items"], items, strict=True):
        parts[entry["part"]] = parts.get(entry["part"], 0) + item.points
    total = sum(item.points for item in items)
    cut = int(record["positive_from"])
    positive = total >= cut
    band = f"positive ({cut}/10 or more)" if positive else f"negative (below {cut}/10)"
    meaning = (
        "suggests a neuropathic component; a clinician should assess the pain"
        if positive
        else "does not suggest a neuropathic component on its own; it does not rule one out"
    )
    interpretation = (
        f"DN4 {total}/10 ({parts.get('interview', 0)}/7 from the interview, "
        f"{parts.get('examination', 0)}/3 from the examination): screen {band}; this "
        f"{meaning}."
    )
    return DN4Result(
        total=total,
        positive=positive,
        interview_total=parts.get("interview", 0),
        examination_total=parts.get("examination", 0),
        band=band,
        interpretation=interpretation,
        items=tuple(items),
        caveat=" ".join(str(record["caveat"]).split()),
        concern=2 if positive else 0,
        **_common(record),
    )


def _yes_no_items(scale: str, record: dict, given: dict) -> list[ScoreItem]:
    """Score a yes/no screen (DN4, SCIPI): one point per "yes", in the record's item order."""
    missing = [key for key, value in given.items() if value is None]
    if missing:
        raise _missing(scale, missing, (True, False))
    items = []
    for entry in record["items"]:
        answer = _as_bool(given[entry["key"]])
        if answer is None:
            raise _fail(scale, entry["key"], given[entry["key"]], (True, False))
        items.append(
            ScoreItem(entry["key"], entry["label"], "yes" if answer else "no", int(answer))
        )
    return items


# ---------------------------------------------------------------------------------------------
# SCIPI


def scipi(
    *,
    electric_shocks: bool | None = None,
    tingling_pins_and_needles: bool | None = None,
    burning_or_freezing: bool | None = None,
    insensate_area: bool | None = None,
) -> SCIPIResult:
    """Score the 4-item Spinal Cord Injury Pain Instrument (Bryce et al. 2014).

    One point per yes: the pain feels like electric shocks; it feels like tingling or pins
    and needles; it feels hot-burning or cold-freezing; it is felt in an area without normal
    sensation. **2 or more of 4** is a positive screen (probable neuropathic pain); 1 means
    possible and 0 non-neuropathic pain (NINDS Common Data Elements summary). In the
    preliminary validation, 2 or more gave a sensitivity of 78% and a specificity of 73%.

    Parameters
    ----------
    electric_shocks, tingling_pins_and_needles, burning_or_freezing, insensate_area : bool
        All four answers are required.

    Returns
    -------
    SCIPIResult
        ``total``, ``positive``, ``band``, ``interpretation``, ``items``, ``citations``
        (``("bryce2014_scipi", "ninds_cde_scipi")``), ``caveat``.

    Raises
    ------
    ScoreError
        If an answer is missing or is not True/False.

    Examples
    --------
    Burning feet below a complete injury, felt where there is no sensation:

    >>> r = scipi(
    ...     electric_shocks=False,
    ...     tingling_pins_and_needles=False,
    ...     burning_or_freezing=True,
    ...     insensate_area=True,
    ... )
    >>> r.total, r.band
    (2, 'probable neuropathic pain (2 or more of 4)')

    An aching shoulder after transfers:

    >>> scipi(
    ...     electric_shocks=False,
    ...     tingling_pins_and_needles=False,
    ...     burning_or_freezing=False,
    ...     insensate_area=False,
    ... ).band
    'non-neuropathic (0 of 4)'
    """
    scale = "SCIPI"
    record = _definitions()["scipi"]
    given = {
        "electric_shocks": electric_shocks,
        "tingling_pins_and_needles": tingling_pins_and_needles,
        "burning_or_freezing": burning_or_freezing,
        "insensate_area": insensate_area,
    }
    items = _yes_no_items(scale, record, given)
    total = sum(item.points for item in items)
    cut = int(record["positive_from"])
    positive = total >= cut
    if positive:
        band = f"probable neuropathic pain ({cut} or more of 4)"
        meaning = "suggests neuropathic pain; a clinician should assess and classify it"
    elif total == 1:
        band = "possible neuropathic pain (1 of 4)"
        meaning = "is below the cut-off; it neither confirms nor rules out neuropathic pain"
    else:
        band = "non-neuropathic (0 of 4)"
        meaning = "does not suggest neuropathic pain; it does not rule it out"
    interpretation = f"SCIPI {total}/4: {band}; this {meaning}."
    return SCIPIResult(
        total=total,
        positive=positive,
        band=band,
        interpretation=interpretation,
        items=tuple(items),
        caveat=" ".join(str(record["caveat"]).split()),
        concern=2 if positive else (1 if total == 1 else 0),
        **_common(record),
    )


# ---------------------------------------------------------------------------------------------
# HTML: what the widgets (and notebooks, via _repr_html_) show

# concern level -> (Okabe-Ito colour, symbol); None is a descriptive scale (no risk ladder)
_LOOK = {
    None: (PALETTE["blue"], "ℹ"),
    0: (PALETTE["green"], "✔"),
    1: (PALETTE["sky_blue"], "●"),
    2: (PALETTE["orange"], "▲"),
    3: (PALETTE["vermillion"], "⚠"),
}


def _points_text(points: float | None) -> str:
    if points is None:
        return ""
    return "0" if points == 0 else f"{points:+g}"


def _sources(keys) -> str:
    """Citation keys as people cite them: "Bohannon & Smith 1987", "Penn et al. 1989"."""
    from sci_pain.html import readable

    return "; ".join(readable(key) for key in keys)


def score_html(result: _Result) -> str:
    """Render a score result as HTML: band, interpretation, item table, caveat, sources.

    The band is shown as text with a symbol; the colour (Okabe-Ito, colour-blind safe) only
    repeats it. A warning, when present, comes first. All text is escaped.

    Parameters
    ----------
    result : AshworthResult, PennResult, BradenResult, WellsResult, BMIResult or DN4Result

    Returns
    -------
    str

    Examples
    --------
    >>> html_text = score_html(wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True))
    >>> "DVT likely" in html_text and "emergency" in html_text
    True
    """
    esc = html.escape
    colour, symbol = _LOOK.get(result.concern, _LOOK[None])
    parts = [
        f'<div class="sci-pain-score" data-concern="{esc(str(result.concern))}" '
        f'style="border-left:6px solid {colour};padding:4px 10px;margin:4px 0">'
    ]
    if result.warning:
        parts.append(
            f'<p class="sci-pain-score-warning" style="border:2px solid {PALETTE["vermillion"]};'
            f'padding:4px 8px"><b>⚠ {esc(result.warning)}</b></p>'
        )
    parts.append(
        f'<p style="margin:2px 0"><b>{esc(result.title)}: {esc(result._score_text())}</b> '
        f'<span class="sci-pain-score-band" style="white-space:nowrap">'
        f'<span style="color:{colour}">{symbol}</span> <b>{esc(result.band)}</b></span></p>'
    )
    parts.append(f'<p style="margin:2px 0">{esc(result.interpretation)}</p>')
    rows = "".join(
        f"<tr><td>{esc(i.label)}</td><td>{esc(i.answer)}</td>"
        f"<td style='text-align:right'>{_points_text(i.points)}</td></tr>"
        for i in result.items
    )
    parts.append(
        '<table style="border-collapse:collapse;margin:4px 0"><thead><tr><th style="text-align:'
        'left">Item</th><th style="text-align:left">Answer</th><th>Points</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    if result.caveat:
        parts.append(f'<p style="margin:2px 0"><i>Note:</i> {esc(result.caveat)}</p>')
    parts.append(
        f'<p style="margin:2px 0;font-size:smaller">Source: {esc(_sources(result.citations))}. '
        "For learning only; not a diagnosis.</p></div>"
    )
    return "".join(parts)
