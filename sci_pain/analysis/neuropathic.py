"""Neuropathic pain screens: DN4 (Bouhassira et al. 2005) and SCIPI (Bryce et al. 2014).

Both score yes/no answers, one point per yes (:func:`yes_no_items`); :func:`dn4` and
:func:`scipi` each show a worked example.
"""

from __future__ import annotations

from dataclasses import dataclass

from sci_pain.analysis.scores import (
    ScoreItem,
    ScoreResult,
    as_bool,
    common_fields,
    item_error,
    missing_error,
    score_records,
)

__all__ = ["DN4Result", "SCIPIResult", "ScreenResult", "dn4", "scipi", "yes_no_items"]


@dataclass(frozen=True, kw_only=True)
class ScreenResult(ScoreResult):
    """A yes/no screen: one point per yes, positive from a cut-off.

    Attributes
    ----------
    total : int
    positive : bool
        ``total`` at or above the screen's cut-off.
    """

    total: int
    positive: bool


@dataclass(frozen=True, kw_only=True)
class DN4Result(ScreenResult):
    """DN4 total (0-10), positive from 4.

    Attributes
    ----------
    interview_total : int
        Items 1-7 (shown for teaching; no interview-only cut-off is applied).
    examination_total : int
        Items 8-10.
    """

    interview_total: int
    examination_total: int


@dataclass(frozen=True, kw_only=True)
class SCIPIResult(ScreenResult):
    """SCIPI total (0-4): 0 non-neuropathic, 1 possible, from 2 probable neuropathic pain."""

    def score_text(self) -> str:
        """Return the score in words (``"2/4"``)."""
        return f"{self.total}/4"


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
    record, items, total, cut = _screen("dn4", "DN4", given)
    parts = {}
    for entry, item in zip(record["items"], items, strict=True):
        parts[entry["part"]] = parts.get(entry["part"], 0) + item.points
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
        **common_fields(record),
    )


def _screen(key: str, scale: str, given: dict) -> tuple[dict, list[ScoreItem], int, int]:
    """Return a yes/no screen's record, scored items, total and cut-off (positive from)."""
    record = score_records()[key]
    items = yes_no_items(scale, record, given)
    return record, items, sum(item.points for item in items), int(record["positive_from"])


def yes_no_items(scale: str, record: dict, given: dict) -> list[ScoreItem]:
    """Score a yes/no screen (DN4, SCIPI): one point per "yes", in the record's item order."""
    missing = [key for key, value in given.items() if value is None]
    if missing:
        raise missing_error(scale, missing, (True, False))
    items = []
    for entry in record["items"]:
        answer = as_bool(given[entry["key"]])
        if answer is None:
            raise item_error(scale, entry["key"], given[entry["key"]], (True, False))
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
        If one of the four answers is missing, or is not True or False.

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
    given = {
        "electric_shocks": electric_shocks,
        "tingling_pins_and_needles": tingling_pins_and_needles,
        "burning_or_freezing": burning_or_freezing,
        "insensate_area": insensate_area,
    }
    record, items, total, cut = _screen("scipi", "SCIPI", given)
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
        **common_fields(record),
    )
