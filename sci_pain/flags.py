"""Scan a pain journal for patterns that call for a check by a clinician (red flags).

After a spinal cord injury, serious problems in the legs are often painless or show up in
unusual ways: a clot (deep vein thrombosis, DVT) as one swollen leg, a bladder infection or a
pressure injury as more spasms, or - with an injury at T6 or above - as autonomic dysreflexia
(AD), a dangerous rise in blood pressure. The scan looks for three patterns in the entries:

``possible_dvt`` (urgent)
    One leg swollen and pain clearly above the person's own recent level. DVT is an
    emergency; after SCI it is often silent (pain may be absent below the level), so one-leg
    swelling without a pain rise is flagged urgent too (``one_leg_swelling``) [SCIRE Project,
    venous thromboembolism: clinical presentation].
``spasm_surge`` (soon; urgent when ``level_at_or_above_t6``)
    Days with far more spasms than the person's own usual days: irritation below the
    level (bladder, bowel, skin, an ingrown toenail, tight clothing, a fracture) worsens
    spasms [MSKTC spasticity factsheet]. At T6 or above the same triggers can set off AD
    [Consortium for Spinal Cord Medicine 2020].
``pressure_check`` (check; soon for a blister or open wound)
    A long time without a change of position (4 hours by default) with redness or worse at
    a pressure point. Turning at least every 2 h in bed and offloading 1-2 min every 30 min
    in a wheelchair are the guideline intervals [PVA/CSCM pressure-ulcer guideline]; redness
    that does not fade is a stage 1 pressure injury [NPIAP 2016]. A blister or open wound
    without long immobility is flagged as ``skin_damage`` (soon).

The wording explains and points to the next step; it never diagnoses. The scan only sees
what was written in the journal: no flag does not mean no problem.

Examples
--------
>>> import pandas as pd
>>> entries = pd.DataFrame(
...     {
...         "row": [2, 3],
...         "timestamp": pd.to_datetime(["2026-03-01 09:00", "2026-03-02 09:00"]),
...         "pain": [3, 4],
...         "immobile_hours": [2.0, 6.0],
...         "skin": ["ok", "redness"],
...     }
... )
>>> scan_red_flags(entries)[["row", "flag", "severity"]]
   row            flag severity
0    3  pressure_check    check
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sci_pain.analysis import (
    AnalysisError,
    _as_entries,
    _categorical,
    _numeric,
    _require,
    _timestamps,
)
from sci_pain.journal_schema import SKIN, SWELLING

__all__ = ["SEVERITIES", "FlagRule", "RED_FLAG_RULES", "scan_red_flags"]

SEVERITIES: tuple[str, ...] = ("check", "soon", "urgent")
"""Severity levels, least to most pressing: check at the next chance, see someone soon
(today or tomorrow), seek care now."""


@dataclass(frozen=True)
class FlagRule:
    """One pattern the scan looks for.

    Attributes
    ----------
    id : str
        The value in the ``flag`` column.
    title : str
        A short name for tables and plot legends.
    severity : str
        Default severity (see :data:`SEVERITIES`).
    needs : tuple of str
        Journal columns the rule reads.
    source : str
        Where the advice comes from.
    """

    id: str
    title: str
    severity: str
    needs: tuple[str, ...]
    source: str


RED_FLAG_RULES: dict[str, FlagRule] = {
    rule.id: rule
    for rule in (
        FlagRule(
            "possible_dvt",
            "One swollen leg with rising pain",
            "urgent",
            ("pain", "swelling"),
            "SCIRE Project, venous thromboembolism: clinical presentation (one-sided swelling, warmth, redness, low-grade fever; many DVTs cause no symptoms)",
        ),
        FlagRule(
            "one_leg_swelling",
            "One swollen leg",
            "urgent",
            ("swelling",),
            "SCIRE Project, venous thromboembolism: clinical presentation (one-sided swelling, warmth, redness, low-grade fever; many DVTs cause no symptoms)",
        ),
        FlagRule(
            "spasm_surge",
            "Surge of spasms",
            "soon",
            ("spasms",),
            "MSKTC factsheet Spasticity and SCI (irritation below the level worsens spasms); Consortium for Spinal Cord Medicine 2020, autonomic dysreflexia (PMC8152175)",
        ),
        FlagRule(
            "pressure_check",
            "Long immobility with skin changes",
            "check",
            ("immobile_hours", "skin"),
            "Consortium for Spinal Cord Medicine/PVA, Pressure Ulcer Prevention and Treatment Following SCI (2014); NPIAP staging (Edsberg et al. 2016)",
        ),
        FlagRule(
            "skin_damage",
            "Blister or open wound",
            "soon",
            ("skin",),
            "NPIAP staging (Edsberg et al. 2016, J Wound Ostomy Continence Nurs 43:585)",
        ),
    )
}
"""The rules of :func:`scan_red_flags` by id."""

_COLUMNS = ["row", "timestamp", "flag", "severity", "title", "explanation"]


def _baseline(daily: pd.Series, days: int, min_days: int) -> pd.Series:
    """Median of the previous ``days`` calendar days (not including the day itself)."""
    return daily.rolling(f"{days}D", closed="left", min_periods=min_days).median()


def _daily(ts: pd.Series, values: np.ndarray, how: str) -> pd.Series:
    frame = pd.Series(values, index=ts.dt.normalize().to_numpy())
    grouped = frame.groupby(level=0, sort=True)
    daily = grouped.sum(min_count=1) if how == "sum" else grouped.mean()
    if len(daily):
        daily = daily.reindex(pd.date_range(daily.index.min(), daily.index.max(), freq="D"))
    return daily


def _rows(entries: pd.DataFrame) -> np.ndarray:
    if "row" in entries.columns:
        return entries["row"].to_numpy()
    return entries.index.to_numpy()


def scan_red_flags(
    entries,
    *,
    level_at_or_above_t6: bool = False,
    pain_rise: float = 2.0,
    baseline_days: int = 14,
    spasm_factor: float = 2.0,
    spasm_min_increase: float = 4.0,
    surge_days: int = 3,
    immobile_hours: float = 4.0,
) -> pd.DataFrame:
    """Find journal entries that show a red-flag pattern, each explained in words.

    Each rule runs only when the journal has the columns it needs; rules whose columns are
    missing are skipped and named in ``.attrs["skipped"]``.

    Parameters
    ----------
    entries : DataFrame or Journal
        Journal entries with ``timestamp`` and any of ``pain``, ``swelling``, ``spasms``,
        ``immobile_hours`` and ``skin``.
    level_at_or_above_t6 : bool, default False
        True if the injury is at T6 or above: a surge of spasms is then also a possible
        trigger of autonomic dysreflexia, and is flagged as urgent.
    pain_rise : float, default 2.0
        Points above the person's own recent level (median daily mean pain of the previous
        ``baseline_days`` days) that count as a pain rise.
    baseline_days : int, default 14
        Length of the person's own recent baseline, in days.
    spasm_factor : float, default 2.0
        Spasms per day, averaged over the last ``surge_days`` days, must reach this multiple
        of the person's usual daily count (the median of the ``baseline_days`` days before)
        ...
    spasm_min_increase : float, default 4.0
        ... and exceed it by at least this many spasms a day, to count as a surge. (Averaging
        over a few days and asking for both a ratio and an absolute rise keep false alarms
        rare for people whose spasm counts vary a lot from day to day.)
    surge_days : int, default 3
        Days averaged for the comparison; the day flagged is the last of them, and it must
        itself exceed the usual count by ``spasm_min_increase``.
    immobile_hours : float, default 4.0
        Hours without a change of position that count as long immobility (twice the 2-hour
        turning interval in bed).

    Returns
    -------
    DataFrame
        One row per flagged entry and rule, in time order: ``row`` (the entry's row in its
        file, or its index), ``timestamp``, ``flag`` (an id of :data:`RED_FLAG_RULES`),
        ``severity`` (ordered categorical: check < soon < urgent), ``title`` and
        ``explanation``. ``.attrs["skipped"]`` lists rules that could not run.

    Raises
    ------
    AnalysisError
        If ``timestamp`` is missing, or a threshold is not positive.

    Notes
    -----
    The scan is a teaching aid for reading a diary. It is not a diagnostic test, and it only
    sees what was recorded.

    Examples
    --------
    The example journal with a DVT episode (swelling from 2026-02-04, pain rising after):

    >>> import sci_pain as sp
    >>> flags = scan_red_flags(sp.load_example_journal("dvt"))
    >>> dvt = flags[flags["flag"] == "possible_dvt"]
    >>> str(dvt["severity"].iloc[0]), f"{dvt['timestamp'].min():%Y-%m-%d}"
    ('urgent', '2026-02-05')
    """
    entries = _as_entries(entries)
    purpose = "the red-flag scan"
    _require(entries, ["timestamp"], purpose=purpose)
    for name, value in {
        "pain_rise": pain_rise,
        "baseline_days": baseline_days,
        "spasm_factor": spasm_factor,
        "surge_days": surge_days,
        "immobile_hours": immobile_hours,
    }.items():
        if not value > 0:
            msg = f"{name} must be positive, got {value!r}"
            raise AnalysisError(msg)
    ts = _timestamps(entries, purpose=purpose)
    rows = _rows(entries)
    found: list[pd.DataFrame] = []
    skipped: list[str] = []

    def add(mask: np.ndarray, flag: str, severity, explain) -> None:
        """Add the entries where ``mask`` holds; ``explain(i)`` words entry position ``i``."""
        where = np.flatnonzero(np.asarray(mask, dtype=bool))
        if where.size == 0:
            return
        found.append(
            pd.DataFrame(
                {
                    "row": rows[where],
                    "timestamp": ts.to_numpy()[where],
                    "flag": flag,
                    "severity": severity if isinstance(severity, str) else severity[where],
                    "title": RED_FLAG_RULES[flag].title,
                    "explanation": [explain(i) for i in where],  # flagged entries only
                }
            )
        )

    def available(flag: str) -> bool:
        missing = [c for c in RED_FLAG_RULES[flag].needs if c not in entries.columns]
        if missing:
            skipped.append(f"{flag} (needs {', '.join(missing)})")
        return not missing

    # -- one-leg swelling, with or without a pain rise ---------------------------------------
    if available("one_leg_swelling"):
        swelling = _categorical(entries, "swelling", SWELLING).to_numpy(dtype=object)
        one_leg = np.isin(swelling, ["left", "right"])
        pain = np.full(len(entries), np.nan)
        base = np.full(len(entries), np.nan)
        if "pain" in entries.columns:
            pain = _numeric(entries, "pain")
            baseline = _baseline(_daily(ts, pain, "mean"), baseline_days, min_days=3)
            base = baseline.reindex(ts.dt.normalize()).to_numpy(dtype=float)
        else:
            skipped.append("possible_dvt (needs pain)")
        rise = pain - base
        is_dvt = one_leg & (rise >= pain_rise)

        def explain_dvt(i: int) -> str:
            return (
                f"The {swelling[i]} leg is swollen and pain is {pain[i]:.0f}/10, {rise[i]:.1f} "
                f"points above this person's usual level over the previous {baseline_days} "
                f"days (median {base[i]:.1f}). One swollen leg with rising pain can be a sign "
                f"of a blood clot (deep vein thrombosis, DVT), which needs medical care now: "
                f"contact a clinician or emergency services today. This scan cannot tell what "
                f"it is; only an examination can."
            )

        def explain_swelling(i: int) -> str:
            return (
                f"The {swelling[i]} leg is swollen. After a spinal cord injury a blood clot "
                f"(deep vein thrombosis, DVT) is often painless, so one-leg swelling alone "
                f"needs a clinician's check today. If the leg is also "
                f"warm, red or painful, or there is breathlessness or chest pain, seek care now."
            )

        add(is_dvt, "possible_dvt", "urgent", explain_dvt)
        add(one_leg & ~is_dvt, "one_leg_swelling", "urgent", explain_swelling)
    else:
        skipped.append("possible_dvt (needs swelling)")

    # -- a surge of spasms against the person's own usual days -------------------------------
    if available("spasm_surge"):
        spasms = _numeric(entries, "spasms")
        daily = _daily(ts, spasms, "sum")
        # the mean over the last `surge_days` days (the day and the days before it) ...
        recent = daily.rolling(f"{surge_days}D", min_periods=max(1, surge_days - 1)).mean()
        # ... against the median of the `baseline_days` days before that window
        before = daily.shift(surge_days - 1, freq="D")
        baseline = _baseline(before, baseline_days, min_days=5).reindex(daily.index)
        surge_day = (
            (recent >= spasm_factor * baseline.clip(lower=1))
            & (recent - baseline >= spasm_min_increase)
            & (daily - baseline >= spasm_min_increase)  # and the day itself is high
        ).fillna(False)
        day = ts.dt.normalize()
        on_surge_day = surge_day.reindex(day).to_numpy(dtype=bool) & ~np.isnan(spasms)
        # flag the entry of each surge day with the most spasms (the first if tied)
        candidates = pd.Series(np.where(on_surge_day, spasms, -np.inf), index=entries.index)
        best = candidates.groupby(day.to_numpy()).transform("max").to_numpy()
        chosen = on_surge_day & (candidates.to_numpy() == best)
        chosen &= pd.Series(chosen).groupby(day.to_numpy()).cumsum().to_numpy() == 1
        day_total = daily.reindex(day).to_numpy(dtype=float)
        day_recent = recent.reindex(day).to_numpy(dtype=float)
        day_base = baseline.reindex(day).to_numpy(dtype=float)
        window = "that day" if surge_days == 1 else f"a day over the last {surge_days} days"
        ad = (
            " With an injury at T6 or above, the same triggers can set off autonomic "
            "dysreflexia: if there is a pounding headache, flushing or sweating above the "
            "injury, a blocked nose or blurred vision, sit up, loosen clothing, check the "
            "blood pressure and follow the AD plan or call emergency services."
            if level_at_or_above_t6
            else ""
        )

        def explain_surge(i: int) -> str:
            return (
                f"{day_total[i]:.0f} spasms were recorded that day and {day_recent[i]:.0f} "
                f"{window}, against a usual {day_base[i]:.0f} per day in the {baseline_days} "
                f"days before. A new surge of spasms often means something is irritating the "
                f"body below the injury: look for a full bladder or urine infection, "
                f"constipation, a pressure sore, an ingrown toenail, tight clothing or straps, "
                f"or an injury such as a fracture, and tell a clinician if it continues.{ad}"
            )

        add(chosen, "spasm_surge", "urgent" if level_at_or_above_t6 else "soon", explain_surge)

    # -- long immobility with skin changes ---------------------------------------------------
    skin_level = skin_name = None
    if "skin" in entries.columns:
        skin = _categorical(entries, "skin", SKIN, ordered=True)
        skin_level = skin.cat.codes.to_numpy()  # -1 missing, 0 ok, 1 redness, 2 blister, ...
        skin_name = skin.astype(object).to_numpy()
    long_still = np.zeros(len(entries), dtype=bool)
    if available("pressure_check"):
        hours = _numeric(entries, "immobile_hours")
        long_still = hours >= immobile_hours
        affected = long_still & (skin_level >= 1)
        wound = skin_level >= 2

        def explain_pressure(i: int) -> str:
            what = str(skin_name[i]).replace("_", " ")
            seen = (
                "A blister or open wound needs to be seen by a nurse or doctor soon."
                if wound[i]
                else "Redness that does not fade needs to be seen by a nurse or doctor."
            )
            return (
                f"{hours[i]:g} hours without a change of position, and the skin shows {what}. "
                f"Long pressure on skin without full feeling can start a pressure injury, "
                f"sometimes deep under intact skin. Take the pressure off that spot and check "
                f"whether the redness fades when pressed lightly (redness that does not fade is "
                f"a stage 1 pressure injury); change position at least every 2 hours in bed and "
                f"offload for 1-2 minutes every 30 minutes in a wheelchair. {seen}"
            )

        add(affected, "pressure_check", np.where(wound, "soon", "check"), explain_pressure)
    if skin_level is not None:

        def explain_wound(i: int) -> str:
            return (
                f"The skin shows {str(skin_name[i]).replace('_', ' ')}. Broken or blistered "
                f"skin on a leg without full feeling can get worse unnoticed and can trigger "
                f"more spasms (or, at T6 and above, autonomic dysreflexia): keep pressure off "
                f"it and have it seen by a nurse or doctor soon."
            )

        add((skin_level >= 2) & ~long_still, "skin_damage", "soon", explain_wound)
    else:
        skipped.append("skin_damage (needs skin)")

    if found:
        result = pd.concat(found, ignore_index=True)
        result = result.sort_values(["timestamp", "row"], kind="stable").reset_index(drop=True)
    else:
        result = pd.DataFrame({c: pd.Series(dtype=object) for c in _COLUMNS})
        result["timestamp"] = pd.Series(dtype="datetime64[ns]")
    result["severity"] = pd.Categorical(result["severity"], categories=SEVERITIES, ordered=True)
    result["flag"] = result["flag"].astype("string")
    result["title"] = result["title"].astype("string")
    result["explanation"] = result["explanation"].astype("string")
    result = result[_COLUMNS]
    result.attrs["skipped"] = sorted(set(skipped))
    result.attrs["level_at_or_above_t6"] = level_at_or_above_t6
    return result
