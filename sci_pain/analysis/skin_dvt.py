"""Skin and veins: the Braden Scale (pressure-injury risk) and the Wells score for DVT.

Examples
--------
>>> wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True).band
'DVT likely'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sci_pain.analysis.scores import (
    ScoreItem,
    ScoreResult,
    as_bool,
    as_int,
    choose,
    common_fields,
    item_error,
    missing_error,
    score_records,
)
from sci_pain.errors import ScoreError

__all__ = ["BRADEN_BANDS", "BradenResult", "WellsResult", "braden", "wells_dvt"]


@dataclass(frozen=True, kw_only=True)
class BradenResult(ScoreResult):
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
class WellsResult(ScoreResult):
    """Wells DVT total (-2 to 9) and the two-level category ("likely" from 2 up).

    Attributes
    ----------
    total : int
    likely : bool
    """

    total: int
    likely: bool


# ---------------------------------------------------------------------------------------------
# Braden


def _default_braden_bands() -> tuple[tuple[int, str], ...]:
    return tuple((int(b["max_total"]), str(b["label"])) for b in score_records()["braden"]["bands"])


BRADEN_BANDS: tuple[tuple[int, str], ...] = _default_braden_bands()
"""Default Braden banding as ``(max_total, label)`` pairs, in the words of the Braden form:
6-9 severe risk, 10-12 high, 13-14 moderate, 15-18 mild; 19-23 is above the form's bands (the
form has no "no risk" band, and after SCI no score means no risk)."""

_BRADEN_MIN, _BRADEN_MAX = 6, 23


def _braden_bands(cutoffs: object) -> tuple[tuple[int, str], ...]:
    scale, item = "Braden", "cutoffs"
    if cutoffs is None:
        return BRADEN_BANDS
    single = as_int(cutoffs)
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
        number = as_int(bound)
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
    record = score_records()["braden"]
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
        raise missing_error(scale, missing, (1, 2, 3, 4))
    items = []
    for sub in record["subscales"]:
        labels = {int(o["points"]): str(o["text"]) for o in sub["options"]}
        points = choose(scale, sub["key"], given[sub["key"]], tuple(labels), labels)
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
        **common_fields(record),
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
    record = score_records()["wells_dvt"]
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
        present = as_bool(given[entry["key"]])
        if present is None:
            raise item_error(scale, entry["key"], given[entry["key"]], (True, False))
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
        **common_fields(record),
    )
