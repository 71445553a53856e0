"""Spasticity scales: the Modified Ashworth Scale (tone) and the Penn Spasm Frequency Scale.

Examples
--------
>>> modified_ashworth("1+").summary
'Modified Ashworth Scale (MAS): grade 1+ - slight increase, catch then resistance through less than half the range'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import total_ordering

import pandas as pd

from sci_pain.analysis.scores import (
    ScoreItem,
    ScoreResult,
    as_float,
    choose,
    common_fields,
    item_error,
    score_records,
)

__all__ = [
    "AshworthResult",
    "MAS_GRADES",
    "PennResult",
    "modified_ashworth",
    "penn_spasm_frequency",
]


@total_ordering
@dataclass(frozen=True, eq=False, kw_only=True)
class AshworthResult(ScoreResult):
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

    def score_text(self) -> str:
        """Return the grade in words (``"grade 1+"``)."""
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
class PennResult(ScoreResult):
    """Penn Spasm Frequency Scale: frequency (0-4) and, when there are spasms, severity (1-3).

    Attributes
    ----------
    frequency : int
    severity : int or None
        ``None`` when frequency is 0 (severity is not asked then).
    """

    frequency: int
    severity: int | None

    def score_text(self) -> str:
        """Return frequency and severity in words (``"frequency 3, severity 2"``)."""
        if self.severity is None:
            return f"frequency {self.frequency}"
        return f"frequency {self.frequency}, severity {self.severity}"


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
        raise item_error(scale, item, value, grades)
    number = as_float(value)
    if number is not None and number.is_integer() and 0 <= number <= 4:
        return str(int(number))
    if number == 1.5:
        raise item_error(
            scale,
            item,
            value,
            grades,
            extra="1.5 is not a grade: '1+' is a category of its own between 1 and 2, "
            "not their midpoint. Pass '1+'.",
        )
    raise item_error(scale, item, value, grades)


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
    record = score_records()["modified_ashworth"]
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
        **common_fields(record),
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
    record = score_records()["penn_spasm_frequency"]
    freq_text = {int(o["value"]): str(o["text"]) for o in record["frequency"]}
    sev_text = {int(o["value"]): str(o["text"]).rstrip(".").lower() for o in record["severity"]}
    freq = choose(scale, "frequency", frequency, tuple(freq_text), freq_text)
    sev = None
    if severity is not None:
        sev = choose(scale, "severity", severity, tuple(sev_text), sev_text)
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
            raise item_error(
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
        **common_fields(record),
    )
