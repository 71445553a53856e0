"""Scan a pain journal for patterns that call for a check by a clinician (red flags).

After a spinal cord injury, serious problems in the legs are often painless or show up in
unusual ways: a clot (deep vein thrombosis, DVT) as one swollen leg, a bladder infection or a
pressure injury as more spasms, or - with an injury at T6 or above - as autonomic dysreflexia
(AD), a dangerous rise in blood pressure. The scan looks for these patterns in the entries
(severities are steps of the referral ladder: emergency, same_day, soon, routine):

``possible_dvt`` and ``one_leg_swelling`` (emergency)
    One leg swollen, with or without pain clearly above the person's own recent level. A
    suspected DVT is an emergency; after SCI it is often silent (pain may be absent below the
    level) [SCIRE Project, venous thromboembolism: clinical presentation].
``both_legs_swelling`` (emergency)
    New swelling of both legs (clots can form in both legs).
``spasm_surge`` (same day; emergency at T6 or above)
    Days with far more spasms than the person's own usual days: irritation below the level
    (a full bladder or urine infection first, bowel, skin, an ingrown toenail, tight clothing,
    a fracture) worsens spasms [MSKTC spasticity factsheet]. At T6 or above the same triggers
    can set off AD [Consortium for Spinal Cord Medicine 2021].
``pressure_check`` and ``skin_damage`` (soon)
    A long time without a change of position (4 hours by default) with redness or worse at a
    pressure point, or a blister or open wound. Turning at least every 2 h in bed and
    offloading 1-2 min every 30 min in a wheelchair are the guideline intervals [PVA/CSCM
    pressure-ulcer guideline]; redness that does not fade is a stage 1 pressure injury
    [NPIAP 2016].

The patterns, their links to the red flags of the knowledge base, their urgency and their
wording are data (``data/knowledge/journal_flags.yaml``, beside ``red_flags.yaml``); the
urgency of a pattern linked to a red flag is that red flag's, in the words of the referral
ladder (``referral.yaml``). New swelling of **both** legs is flagged as well
(``both_legs_swelling``).

The injury level is required (``injury_level="T4"``, ``"L1"``, ...) or must be given as
``"unknown"``: the escalation for autonomic dysreflexia is then not assessed, and the result
says so in ``.attrs["notes"]`` ("Autonomic dysreflexia (AD) risk not assessed: injury level unknown").

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
>>> scan_red_flags(entries, injury_level="T10")[["row", "flag", "severity"]]
   row            flag severity
0    3  pressure_check     soon
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from sci_pain.analysis._day_grid import DayGrid as _DayGrid
from sci_pain.analysis._day_grid import baseline as _baseline
from sci_pain.analysis._entries import as_entries as _as_entries
from sci_pain.analysis._entries import categorical as _categorical
from sci_pain.analysis._entries import numeric as _numeric
from sci_pain.analysis._entries import require_columns as _require
from sci_pain.analysis._entries import timestamps as _timestamps
from sci_pain.errors import AnalysisError
from sci_pain.journal import SKIN, SWELLING

__all__ = [
    "SEVERITIES",
    "AD_NOT_ASSESSED",
    "FlagRule",
    "RED_FLAG_RULES",
    "injury_level_at_or_above_t6",
    "scan_red_flags",
    "red_flag_episodes",
]

SEVERITIES: tuple[str, ...] = ("routine", "soon", "same_day", "emergency")
"""Severity levels of the scan, least to most pressing: the steps of the referral ladder
(:func:`sci_pain.load_referral_ladder`, listed there most pressing first), so the scan, the
knowledge base and the report share one vocabulary."""

AD_NOT_ASSESSED = "Autonomic dysreflexia (AD) risk not assessed: injury level unknown"
"""What the scan states when the injury level is ``"unknown"``."""

_LEVEL = re.compile(r"^\s*([CTLS])\s*(\d{1,2})\s*$", re.I)
_SEGMENTS = {"C": 8, "T": 12, "L": 5, "S": 5}


def injury_level_at_or_above_t6(injury_level: str) -> bool | None:
    """Whether a neurological level of injury is at or above T6 (``None`` if unknown).

    Parameters
    ----------
    injury_level : str
        A level such as ``"C5"``, ``"T6"``, ``"T10"``, ``"L2"``; ``"at_or_above_T6"`` or
        ``"below_T6"`` when only that is known; or ``"unknown"``.

    Raises
    ------
    AnalysisError
        For anything else, listing what is valid.

    Examples
    --------
    >>> injury_level_at_or_above_t6("T6"), injury_level_at_or_above_t6("t7")
    (True, False)
    >>> injury_level_at_or_above_t6("unknown") is None
    True
    """
    if isinstance(injury_level, str):
        text = injury_level.strip()
        if text.lower() == "unknown":
            return None
        if text.lower() == "at_or_above_t6":
            return True
        if text.lower() == "below_t6":
            return False
        match = _LEVEL.match(text)
        if match:
            region, number = match.group(1).upper(), int(match.group(2))
            if 1 <= number <= _SEGMENTS[region]:
                return region == "C" or (region == "T" and number <= 6)
    msg = (
        f"injury_level must be a neurological level such as 'C5', 'T6', 'T10' or 'L2', "
        f"'at_or_above_T6', 'below_T6', or 'unknown' (then autonomic dysreflexia escalation "
        f"is not assessed), got {injury_level!r}"
    )
    raise AnalysisError(msg)


@dataclass(frozen=True)
class FlagRule:
    """One pattern the scan looks for (a record of ``data/knowledge/journal_flags.yaml``).

    Attributes
    ----------
    id : str
        The value in the ``flag`` column.
    title : str
        A short name for tables and plot legends.
    severity : str
        Default severity, a step of the referral ladder (see :data:`SEVERITIES`).
    needs : tuple of str
        Journal columns the rule reads.
    source : str
        Where the advice comes from (the formatted citations).
    red_flags : tuple of str
        Red flags of :func:`sci_pain.load_red_flags` the pattern can be a sign of.
    severity_at_or_above_t6 : str
        Severity when the injury is at or above T6.
    summary : str
        What the pattern may mean, in words.
    what_to_do : tuple of str
        What to do, in words.
    """

    id: str
    title: str
    severity: str
    needs: tuple[str, ...]
    source: str
    red_flags: tuple[str, ...] = ()
    severity_at_or_above_t6: str = ""
    summary: str = ""
    what_to_do: tuple[str, ...] = ()


@cache
def _rules() -> dict[str, FlagRule]:
    from sci_pain.knowledge import format_citation, load_journal_flag_rules

    return {
        fid: FlagRule(
            id=fid,
            title=row["title"],
            severity=row["urgency"],
            needs=row["needs"],
            source="; ".join(format_citation(k) for k in row["citations"]),
            red_flags=row["red_flags"],
            severity_at_or_above_t6=row["urgency_at_or_above_T6"],
            summary=row["summary"],
            what_to_do=row["what_to_do"],
        )
        for fid, row in load_journal_flag_rules().iterrows()
    }


RED_FLAG_RULES: dict[str, FlagRule] = dict(_rules())
"""The patterns of :func:`scan_red_flags` by id, read from ``journal_flags.yaml``."""


_COLUMNS = ["row", "timestamp", "flag", "severity", "title", "explanation"]


def _rows(entries: pd.DataFrame) -> np.ndarray:
    if "row" in entries.columns:
        return entries["row"].to_numpy()
    return entries.index.to_numpy()


@cache
def _step_words(step: str) -> str:
    """Return the referral ladder's words for a step: 'Emergency: seek care now. <action>'."""
    from sci_pain.knowledge import load_referral_ladder

    row = load_referral_ladder().loc[step]
    return f"{row['label']}. {row['action']}"


def scan_red_flags(
    entries,
    *,
    injury_level: str | Mapping[Hashable, str],
    by: str | None = None,
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
        ``immobile_hours`` and ``skin``; with ``by``, many people's entries in one long table.
    injury_level : str, or mapping of person to str with ``by``
        Required: the neurological level of injury (``"C5"``, ``"T6"``, ``"T10"``, ...),
        ``"at_or_above_T6"`` / ``"below_T6"`` when only that is known, or ``"unknown"``. At
        or above T6 a surge of spasms is also a possible trigger of autonomic dysreflexia
        and is flagged as an emergency; with ``"unknown"`` that escalation is not assessed
        and ``.attrs["notes"]`` says so (:data:`AD_NOT_ASSESSED`). With ``by``, one level for
        everyone or a level per person (people left out of the mapping are ``"unknown"``).
    by : str, optional
        A column naming whose journal each entry belongs to (``"person"`` in a cohort's long
        table). Each person's entries are scanned as their own journal - every baseline is
        that person's own - all people at once; the result gains that column.
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
        One row per flagged entry and rule, in time order (with ``by``: person by person, in
        the order they first appear, each in time order): ``row`` (the entry's row in its
        file, or its index), ``timestamp``, ``flag`` (an id of :data:`RED_FLAG_RULES`),
        ``severity`` (ordered categorical of the referral ladder's steps: routine < soon <
        same_day < emergency), ``title`` and ``explanation`` (and the ``by`` column).
        ``.attrs["skipped"]`` lists rules that could not run; ``.attrs["notes"]`` what was
        not assessed; ``.attrs["injury_level"]`` and ``.attrs["level_at_or_above_t6"]``
        (``None`` if unknown) the level used. With ``by`` these three are dictionaries by
        person, and ``.attrs["by"]`` names the column.

    Raises
    ------
    AnalysisError
        If ``timestamp`` (or the ``by`` column) is missing, a threshold is not positive, a
        number of days is not whole, an entry has no person, or an ``injury_level`` is not
        a level or ``"unknown"``.

    Notes
    -----
    The scan is a teaching aid for reading a diary. It is not a diagnostic test, and it only
    sees what was recorded.

    Examples
    --------
    The example journal with a DVT episode (swelling from 2026-02-04, pain rising after):

    >>> import sci_pain as sp
    >>> flags = scan_red_flags(sp.load_example_journal("dvt"), injury_level="T10")
    >>> dvt = flags[flags["flag"] == "possible_dvt"]
    >>> str(dvt["severity"].iloc[0]), f"{dvt['timestamp'].min():%Y-%m-%d}"
    ('emergency', '2026-02-05')
    >>> scan_red_flags(sp.load_example_journal("dvt"), injury_level="unknown").attrs["notes"]
    ['Autonomic dysreflexia (AD) risk not assessed: injury level unknown']

    Two people's journals in one long table, each scanned as their own:

    >>> import pandas as pd
    >>> two = pd.concat(
    ...     [
    ...         sp.load_example_journal(name).entries.assign(person=name)
    ...         for name in ("dvt", "overuse")
    ...     ]
    ... )
    >>> both = scan_red_flags(two, injury_level={"dvt": "T10"}, by="person")
    >>> both.attrs["notes"]["overuse"]
    ['Autonomic dysreflexia (AD) risk not assessed: injury level unknown']
    """
    entries = _as_entries(entries)
    purpose = "the red-flag scan"
    _require(entries, ["timestamp"] if by is None else ["timestamp", by], purpose=purpose)
    _check_positive(
        pain_rise=pain_rise,
        baseline_days=baseline_days,
        spasm_factor=spasm_factor,
        surge_days=surge_days,
        immobile_hours=immobile_hours,
    )
    baseline_days, surge_days = _whole_days(baseline_days=baseline_days, surge_days=surge_days)
    groups, persons, levels = _people(entries, by, injury_level)
    states = [injury_level_at_or_above_t6(level) for level in levels]
    scan = _Scan(
        entries,
        _timestamps(entries, purpose=purpose),
        groups,
        states,
        pad=baseline_days + surge_days + 1,
    )
    _swelling_flags(scan, pain_rise=pain_rise, baseline_days=baseline_days)
    if scan.available("spasm_surge"):
        _spasm_flags(
            scan,
            baseline_days=baseline_days,
            spasm_factor=spasm_factor,
            spasm_min_increase=spasm_min_increase,
            surge_days=surge_days,
        )
    _skin_flags(scan, immobile_hours=immobile_hours)
    result = _flags_frame(scan.found, person=by is not None)
    result.attrs["skipped"] = sorted(set(scan.skipped))
    notes = [[AD_NOT_ASSESSED] if state is None else [] for state in states]
    if by is None:
        result.attrs["injury_level"] = str(levels[0])
        result.attrs["level_at_or_above_t6"] = states[0]
        result.attrs["notes"] = notes[0]
        return result
    result[by] = persons.take(result.pop("_person").to_numpy())
    result.attrs["by"] = by
    result.attrs["injury_level"] = {p: str(v) for p, v in zip(persons, levels, strict=True)}
    result.attrs["level_at_or_above_t6"] = dict(zip(persons, states, strict=True))
    result.attrs["notes"] = dict(zip(persons, notes, strict=True))
    return result


# --------------------------------------------------------------------------------------------
# the steps of scan_red_flags


def _check_positive(**thresholds: float) -> None:
    """Raise AnalysisError naming the first threshold that is not positive."""
    for name, value in thresholds.items():
        if not value > 0:
            msg = f"{name} must be positive, got {value!r}"
            raise AnalysisError(msg)


def _whole_days(**days: float) -> tuple[int, ...]:
    """Return numbers of days as ints; raise AnalysisError naming one that is not whole."""
    for name, value in days.items():
        if value != int(value):
            msg = f"{name} must be a whole number of days, got {value!r}"
            raise AnalysisError(msg)
    return tuple(int(value) for value in days.values())


def _people(entries: pd.DataFrame, by: str | None, injury_level):
    """Return each entry's person number, the people (first seen first) and their levels."""
    if by is None:
        if not isinstance(injury_level, str):
            msg = (
                f"injury_level must be one level for one journal (such as 'T10' or 'unknown'), "
                f"got {type(injury_level).__name__}; a level per person needs by='person'"
            )
            raise AnalysisError(msg)
        return np.zeros(len(entries), dtype=np.intp), pd.Index([None]), [injury_level]
    codes, persons = pd.factorize(entries[by], sort=False)
    if (codes < 0).any():
        rows = ", ".join(str(row) for row in _rows(entries)[codes < 0][:3].tolist())
        msg = f"every entry needs a value in the column {by!r}; rows {rows} have none"
        raise AnalysisError(msg, column=by, available=entries.columns)
    if isinstance(injury_level, str):
        levels = [injury_level] * len(persons)
    else:
        levels = [injury_level.get(p, "unknown") for p in persons]
    return codes.astype(np.intp), persons, levels


class _Scan:
    """The entries being scanned (one or many people), the flags found and the rules skipped."""

    def __init__(self, entries, ts, groups, states, *, pad: int) -> None:
        self.entries = entries
        self.ts = ts
        self.groups = groups
        self.states = states  # per person: at or above T6 (True/False), or None if unknown
        self.rows = _rows(entries)
        self.rules = _rules()
        self.grid = _DayGrid(ts, groups, len(states), pad)
        self.words = {step: _step_words(step) for step in SEVERITIES}
        self.found: list[dict] = []  # the columns of the flags of each rule, one dict each
        self.skipped: list[str] = []

    def add(self, mask: np.ndarray, flag: str, severity, explain) -> None:
        """Add the entries where ``mask`` holds; ``explain(i)`` words entry position ``i``."""
        where = np.flatnonzero(np.asarray(mask, dtype=bool))
        if where.size == 0:
            return
        self.found.append(
            {
                "row": self.rows[where],
                "timestamp": self.ts.to_numpy()[where],
                "flag": flag,
                "severity": severity if isinstance(severity, str) else severity[where],
                "title": self.rules[flag].title,
                "explanation": [explain(i) for i in where],  # flagged entries only
                "_person": self.groups[where],
            }
        )

    def available(self, flag: str) -> bool:
        """Whether the journal has the columns of rule ``flag`` (if not, note it as skipped)."""
        missing = [c for c in self.rules[flag].needs if c not in self.entries.columns]
        if missing:
            self.skipped.append(f"{flag} (needs {', '.join(missing)})")
        return not missing


def _swelling_flags(scan: _Scan, *, pain_rise: float, baseline_days: int) -> None:
    """One-leg swelling (a possible DVT when pain rises too) and new swelling of both legs."""
    if not scan.available("one_leg_swelling"):
        scan.skipped.append("possible_dvt (needs swelling)")
        return
    entries, rules, words = scan.entries, scan.rules, scan.words
    swelling = _categorical(entries, "swelling", SWELLING).to_numpy(dtype=object)
    one_leg = np.isin(swelling, ["left", "right"])
    both = swelling == "both"
    # "new": the person's previous entry that recorded swelling did not record both legs
    new_both = both & ~_previous_is_both(swelling, scan.groups, len(scan.states))
    pain = np.full(len(entries), np.nan)
    base = np.full(len(entries), np.nan)
    if "pain" in entries.columns:
        pain = _numeric(entries, "pain")
        baseline = _baseline(scan.grid.daily(pain, "mean"), baseline_days, min_days=3)
        base = scan.grid.at_entries(baseline)
    else:
        scan.skipped.append("possible_dvt (needs pain)")
    rise = pain - base
    is_dvt = one_leg & (rise >= pain_rise)

    def explain_dvt(i: int) -> str:
        return (
            f"The {swelling[i]} leg is swollen and pain is {pain[i]:.0f}/10, {rise[i]:.1f} "
            f"points above this person's usual level over the previous {baseline_days} "
            f"days (median {base[i]:.1f}). {rules['possible_dvt'].summary} "
            f"{words['emergency']} This scan cannot tell what it is; only an "
            f"examination can."
        )

    def explain_swelling(i: int) -> str:
        return (
            f"The {swelling[i]} leg is swollen. {rules['one_leg_swelling'].summary} "
            f"{words['emergency']} Call emergency services at once if there is "
            f"breathlessness or chest pain."
        )

    def explain_both(i: int) -> str:
        return (
            f"Both legs are swollen, newly in this journal. "
            f"{rules['both_legs_swelling'].summary} {words['emergency']} Call "
            f"emergency services at once if there is breathlessness or chest pain."
        )

    scan.add(is_dvt, "possible_dvt", rules["possible_dvt"].severity, explain_dvt)
    scan.add(
        one_leg & ~is_dvt,
        "one_leg_swelling",
        rules["one_leg_swelling"].severity,
        explain_swelling,
    )
    scan.add(new_both, "both_legs_swelling", rules["both_legs_swelling"].severity, explain_both)


def _previous_is_both(swelling: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Whether each entry's person last recorded swelling of both legs before that entry."""
    missing = pd.isna(swelling)
    if n_groups == 1:  # one journal: the last entry before that recorded swelling at all
        recorded_at = np.where(missing, -1, np.arange(len(swelling)))
        last = np.maximum.accumulate(recorded_at) if len(swelling) else recorded_at
        before = np.concatenate([[-1], last[:-1]]).astype(np.intp)
        return (before >= 0) & (swelling[np.maximum(before, 0)] == "both")
    recorded = pd.Series(np.where(missing, None, swelling), dtype=object)
    previous = recorded.groupby(groups).ffill().groupby(groups).shift(1)
    return previous.to_numpy(dtype=object) == "both"


def _spasm_flags(
    scan: _Scan,
    *,
    baseline_days: int,
    spasm_factor: float,
    spasm_min_increase: float,
    surge_days: int,
) -> None:
    """Flag a surge of spasms against the person's own usual days: one entry per surge day."""
    grid = scan.grid
    spasms = _numeric(scan.entries, "spasms")
    daily = grid.daily(spasms, "sum")
    # the mean over the last `surge_days` days (the day and the days before it) ...
    recent = (
        pd.Series(daily).rolling(surge_days, min_periods=max(1, surge_days - 1)).mean()
    ).to_numpy()
    # ... against the median of the `baseline_days` days before that window
    baseline = _baseline(daily, baseline_days, min_days=5, lag=surge_days - 1)
    with np.errstate(invalid="ignore"):
        surge_day = (
            (recent >= spasm_factor * np.clip(baseline, 1, None))
            & (recent - baseline >= spasm_min_increase)
            & (daily - baseline >= spasm_min_increase)  # and the day itself is high
        )
    on_surge_day = grid.at_entries(surge_day, fill=False) & ~np.isnan(spasms)
    # flag the entry of each surge day with the most spasms (the first if tied)
    candidates = np.where(on_surge_day, spasms, -np.inf)
    best = np.full(grid.size, -np.inf)
    np.maximum.at(best, grid.pos[on_surge_day], candidates[on_surge_day])
    top = np.flatnonzero(on_surge_day & (candidates == grid.at_entries(best, fill=np.nan)))
    _, first = np.unique(grid.pos[top], return_index=True)
    chosen = np.zeros(len(spasms), dtype=bool)
    chosen[top[first]] = True
    day_total = grid.at_entries(daily)
    day_recent = grid.at_entries(recent)
    day_base = grid.at_entries(baseline)
    window = "that day" if surge_days == 1 else f"a day over the last {surge_days} days"
    rule = scan.rules["spasm_surge"]
    worded = [_surge_severity_and_ad_words(rule, state, scan.words) for state in scan.states]
    severity = np.array([s for s, _ in worded], dtype=object)[scan.groups]

    def explain_surge(i: int) -> str:
        return (
            f"{day_total[i]:.0f} spasms were recorded that day and {day_recent[i]:.0f} "
            f"{window}, against a usual {day_base[i]:.0f} per day in the {baseline_days} "
            f"days before. A new surge of spasms often means something is irritating the "
            f"body below the injury: look for a full bladder or urine infection (the "
            f"commonest), constipation, a pressure sore, an ingrown toenail, tight clothing "
            f"or straps, or an injury such as a fracture. {scan.words['same_day']}"
            f"{worded[scan.groups[i]][1]}"
        )

    scan.add(chosen, "spasm_surge", severity, explain_surge)


def _surge_severity_and_ad_words(rule: FlagRule, level_at_or_above_t6: bool | None, words):
    """Return a spasm surge's severity and its words on autonomic dysreflexia, by injury level."""
    if level_at_or_above_t6:
        ad = (
            " With an injury at T6 or above, the same triggers can set off autonomic "
            "dysreflexia (AD): check now for a pounding headache, flushing or sweating above "
            "the injury, a blocked nose or blurred vision, and the blood pressure (a rise "
            "of 20-30 mmHg or more over the person's usual value); if present, sit up, "
            "loosen clothing and follow the AD plan. " + words["emergency"]
        )
        return rule.severity_at_or_above_t6, ad
    ad = (
        f" {AD_NOT_ASSESSED}: with an injury at T6 or above the same triggers can set off AD."
        if level_at_or_above_t6 is None
        else ""
    )
    return rule.severity, ad


def _skin_flags(scan: _Scan, *, immobile_hours: float) -> None:
    """Long immobility with skin changes, and skin damage without long immobility."""
    entries, rules, words = scan.entries, scan.rules, scan.words
    skin_level = skin_name = None
    if "skin" in entries.columns:
        skin = _categorical(entries, "skin", SKIN, ordered=True)
        skin_level = skin.cat.codes.to_numpy()  # -1 missing, 0 ok, 1 redness, 2 blister, ...
        skin_name = skin.astype(object).to_numpy()
    long_still = np.zeros(len(entries), dtype=bool)
    if scan.available("pressure_check"):
        hours = _numeric(entries, "immobile_hours")
        long_still = hours >= immobile_hours
        affected = long_still & (skin_level >= 1)
        wound = skin_level >= 2

        def explain_pressure(i: int) -> str:
            what = str(skin_name[i]).replace("_", " ")
            seen = (
                "A blister or open wound needs to be seen by a nurse or doctor."
                if wound[i]
                else "Redness that does not fade needs to be seen by a nurse or doctor."
            )
            return (
                f"{hours[i]:g} hours without a change of position, and the skin shows {what}. "
                f"Long pressure on skin without full feeling can start a pressure injury, "
                f"sometimes deep under intact skin. Take the pressure off that spot and check "
                f"whether the redness fades when pressed lightly (redness that does not fade is "
                f"a stage 1 pressure injury); change position at least every 2 hours in bed and "
                f"offload for 1-2 minutes every 30 minutes in a wheelchair. {seen} "
                f"{words[rules['pressure_check'].severity]}"
            )

        scan.add(affected, "pressure_check", rules["pressure_check"].severity, explain_pressure)
    if skin_level is None:
        scan.skipped.append("skin_damage (needs skin)")
        return

    def explain_wound(i: int) -> str:
        return (
            f"The skin shows {str(skin_name[i]).replace('_', ' ')}. Broken or blistered "
            f"skin on a leg without full feeling can get worse unnoticed and can trigger "
            f"more spasms (or, at T6 and above, autonomic dysreflexia): keep pressure off "
            f"it and have it seen by a nurse or doctor. "
            f"{words[rules['skin_damage'].severity]}"
        )

    scan.add(
        (skin_level >= 2) & ~long_still,
        "skin_damage",
        rules["skin_damage"].severity,
        explain_wound,
    )


def _flags_frame(found: list[dict], *, person: bool = True) -> pd.DataFrame:
    """Return the flags found, person by person in time order, typed (empty if none).

    ``found``: the columns of each rule's flags (:meth:`_Scan.add`). ``person``: keep the
    column ``_person`` (each flag's person number).
    """
    columns = [*_COLUMNS, "_person"] if person else _COLUMNS
    sorted_flags = _flags_in_order(found)
    if sorted_flags is not None:
        table = {
            "row": sorted_flags["row"],
            "timestamp": sorted_flags["timestamp"],
            "flag": pd.array(sorted_flags["flag"], dtype="string"),
            "severity": pd.Categorical(
                sorted_flags["severity"], categories=SEVERITIES, ordered=True
            ),
            "title": pd.array(sorted_flags["title"], dtype="string"),
            "explanation": pd.array(sorted_flags["explanation"], dtype="string"),
            "_person": sorted_flags["_person"],
        }
        return pd.DataFrame({name: table[name] for name in columns})
    if found:
        result = pd.concat([pd.DataFrame(piece) for piece in found], ignore_index=True)
        result = result.sort_values(["_person", "timestamp", "row"], kind="stable")
        result = result.reset_index(drop=True)
    else:
        result = pd.DataFrame({c: pd.Series(dtype=object) for c in _COLUMNS})
        result["timestamp"] = pd.Series(dtype="datetime64[ns]")
        result["_person"] = pd.Series(dtype=np.intp)
    result["severity"] = pd.Categorical(result["severity"], categories=SEVERITIES, ordered=True)
    result["flag"] = result["flag"].astype("string")
    result["title"] = result["title"].astype("string")
    result["explanation"] = result["explanation"].astype("string")
    return result[columns]


def _flags_in_order(found: list[dict]) -> dict[str, np.ndarray] | None:
    """Return the columns of the flags found, joined and sorted by person, time and row.

    What ``sort_values(["_person", "timestamp", "row"], kind="stable")`` gives a frame of
    them, done on the arrays (one stable ``np.lexsort``), when the rows are whole numbers
    and every flag has a time without a time zone (as in a journal read from a file).
    None otherwise (no flag, an undated one, rows named otherwise): the caller sorts a
    frame as before.
    """
    if not found:
        return None
    joined = {}
    for name in found[0]:
        parts = []
        for piece in found:
            value, n = piece[name], len(piece["row"])
            if isinstance(value, str):
                value = np.full(n, value, dtype=object)
            parts.append(np.asarray(value, dtype=object if name == "explanation" else None))
        joined[name] = np.concatenate(parts)
    rows, stamps = joined["row"], joined["timestamp"]
    if rows.dtype.kind not in "iu" or stamps.dtype.kind != "M" or np.isnat(stamps).any():
        return None
    order = np.lexsort((rows, stamps.view(np.int64), joined["_person"]))
    return {name: values[order] for name, values in joined.items()}


_EPISODE_COLUMNS = [
    "key",
    "flag",
    "patterns",
    "title",
    "severity",
    "start",
    "end",
    "days",
    "entries",
    "rows",
    "first_explanation",
    "last_explanation",
    "red_flags",
]


def red_flag_episodes(flags: pd.DataFrame, *, gap_days: int = 1, by: str | None = None):
    """Group the flagged entries of :func:`scan_red_flags` into episodes.

    Consecutive flagged days of one red flag form one episode: a journal with a swollen leg
    recorded on 30 entries over 6 days has one episode, not 30 red flags. Patterns that are
    signs of the same single red flag (``possible_dvt``, ``one_leg_swelling`` and
    ``both_legs_swelling`` all point to ``dvt``) share episodes.

    Parameters
    ----------
    flags : DataFrame
        A table from :func:`scan_red_flags`.
    gap_days : int, default 1
        Flagged days at most this many days apart belong to the same episode (1: consecutive
        calendar days).
    by : str, optional
        A column naming whose journal each flag comes from: episodes are each person's own.
        Default: the column the scan grouped by (``flags.attrs["by"]``), if any.

    Returns
    -------
    DataFrame
        One row per episode, most pressing first, then by start (with ``by``: person by
        person, in the order they first appear, and the ``by`` column first): ``key`` (the
        red flag id, or the pattern id for a pattern without exactly one red flag), ``flag``
        (the most pressing pattern of the episode, first if tied), ``patterns`` (tuple),
        ``title``, ``severity`` (the most pressing of the episode; ordered categorical as in
        the scan), ``start``, ``end`` (first and last flagged entry), ``days`` (flagged
        calendar days), ``entries``, ``rows`` (tuple of the entries' rows),
        ``first_explanation``, ``last_explanation``, ``red_flags`` (linked red-flag ids,
        tuple). The scan's ``attrs`` are kept.

    Examples
    --------
    >>> import sci_pain as sp
    >>> flags = scan_red_flags(sp.load_example_journal("dvt"), injury_level="T10")
    >>> episodes = red_flag_episodes(flags)
    >>> len(flags) > len(episodes)
    True
    """
    by = flags.attrs.get("by") if by is None else by
    columns = _EPISODE_COLUMNS if by is None else [by, *_EPISODE_COLUMNS]
    attrs = dict(flags.attrs)
    if attrs:  # pandas copies attrs deeply at every step: a cohort's are per person
        flags = flags.copy(deep=False)
        flags.attrs = {}
    result = _episodes(flags, gap_days, by) if len(flags) else pd.DataFrame([], columns=columns)
    result["severity"] = pd.Categorical(result["severity"], categories=SEVERITIES, ordered=True)
    if len(result):
        order = list(_rules())
        result = result.assign(
            _rank=-result["severity"].cat.codes.astype(int),
            _rule=[order.index(f) if f in order else len(order) for f in result["flag"]],
        ).sort_values(["_person", "_rank", "start", "_rule"], kind="stable")
        result = result[columns].reset_index(drop=True)
    result.attrs = attrs
    return result


def _episodes(flags: pd.DataFrame, gap_days: int, by: str | None) -> pd.DataFrame:
    """Return the episodes of a non-empty flags table, each person's red flags in turn."""
    rules = _rules()

    def key_of(flag: str) -> str:
        linked = rules[flag].red_flags if flag in rules else ()
        return linked[0] if len(linked) == 1 else flag

    n = len(flags)
    if by is None:
        person, people = np.zeros(n, dtype=np.intp), pd.Index([None])
    else:
        person, people = pd.factorize(flags[by], sort=False)
    flag = flags["flag"].astype(str).to_numpy(dtype=object)
    kinds, kind = np.unique(flag, return_inverse=True)
    key = np.array([key_of(k) for k in kinds], dtype=object)[kind]
    key_number = pd.factorize(key)[0]
    ts = flags["timestamp"]
    # in time order (undated last), each person's red flags in the order they first appear
    dated = ts.notna().to_numpy()
    stamp = ts.to_numpy().astype("datetime64[ns]").astype(np.int64)
    in_time = np.lexsort((np.where(dated, stamp, np.iinfo(np.int64).max), person))
    pair = person[in_time] * (key_number.max() + 1) + key_number[in_time]
    pair = pd.factorize(pair, sort=False)[0]
    by_pair = np.argsort(pair, kind="stable")
    order, pair = in_time[by_pair], pair[by_pair]
    day = ts.dt.normalize().to_numpy().astype("datetime64[D]").astype(np.int64)[order]
    dated = dated[order]
    gap = np.r_[0, np.diff(day)]
    new = np.r_[True, pair[1:] != pair[:-1]] | ~dated | ~np.r_[True, dated[:-1]]
    new |= gap > gap_days
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], n]
    episode = np.cumsum(new) - 1
    codes = pd.Categorical(flags["severity"], categories=SEVERITIES).codes[order]
    worst = np.maximum.reduceat(codes, starts)
    top = np.minimum.reduceat(np.where(codes == worst[episode], np.arange(n), n), starts)
    new_day = dated & (new | (gap != 0))
    sorted_flags = flags.iloc[order]
    flag_list = sorted_flags["flag"].astype(str).tolist()
    row_list = sorted_flags["row"].tolist()
    stamps = sorted_flags["timestamp"].tolist()
    text = sorted_flags["explanation"].astype(str).tolist()
    titles = sorted_flags["title"].astype(str).tolist()
    tops = [flag_list[t] for t in top]
    table = {
        "key": key[order][starts].tolist(),
        "flag": tops,
        "patterns": [
            tuple(dict.fromkeys(flag_list[s:e])) for s, e in zip(starts, ends, strict=True)
        ],
        "title": [titles[t] for t in top],
        "severity": [SEVERITIES[c] for c in worst],
        "start": [stamps[s] for s in starts],
        "end": [stamps[e - 1] for e in ends],
        "days": np.add.reduceat(new_day, starts).astype(int).tolist(),
        "entries": (ends - starts).tolist(),
        "rows": [tuple(row_list[s:e]) for s, e in zip(starts, ends, strict=True)],
        "first_explanation": [text[s] for s in starts],
        "last_explanation": [text[e - 1] for e in ends],
        "red_flags": [rules[f].red_flags if f in rules else () for f in tops],
    }
    if by is not None:
        table = {by: people.take(person[order][starts]), **table}
    return pd.DataFrame(table).assign(_person=person[order][starts])
