"""Body size: the body mass index with the WHO bands and the lower threshold used after SCI.

Examples
--------
>>> bmi(weight_kg=70, height_m=1.75).bmi
22.9
"""

from __future__ import annotations

from dataclasses import dataclass

from sci_pain.analysis.scores import (
    ScoreItem,
    ScoreResult,
    as_float,
    common_fields,
    score_records,
)
from sci_pain.errors import ScoreError

__all__ = ["BMIResult", "bmi"]


@dataclass(frozen=True, kw_only=True)
class BMIResult(ScoreResult):
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

    def score_text(self) -> str:
        """Return the score in words (``"22.9 kg/m²"``)."""
        return f"{self.bmi:.1f} kg/m²"


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
    record = score_records()["bmi"]
    weight = as_float(weight_kg)
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
    height = as_float(given)
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
        **common_fields(record),
    )
