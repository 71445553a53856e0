"""The clinic report's numbers, computed once: :class:`ReportModel` and :func:`build_report_model`.

:func:`~sci_pain.html.report.report_html` builds one model and renders it; every analysis the
page shows (the summary, red flags, trend, profiles, before-and-after comparisons, links) is
called here exactly once, and the sections only read the model.

Examples
--------
>>> import sci_pain as sp
>>> model = build_report_model(sp.load_example_journal("dvt"), injury_level="T10")
>>> model.has_pain, int(model.summary["entries"]) == len(model.entries)
(True, True)
>>> [(start.name, f"{start.start:%Y-%m-%d}") for start in model.starts]
[('medication', '2026-02-06')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from sci_pain.html._format import day, day_long, plural, source_name, treatment

__all__ = ["REPORT_ANALYSES", "InterventionStart", "ReportModel", "build_report_model"]

REPORT_ANALYSES: tuple[str, ...] = (
    "daily_values",
    "daily_summary",
    "summarize_journal",
    "rolling_trend",
    "trend_slope",
    "time_of_day_profile",
    "weekday_profile",
    "time_of_day_weekday",
    "pain_by_site",
    "pain_by_side",
    "pain_by_leg_site",
    "pain_by_quality",
    "pain_by_quality_group",
    "associations",
    "compare_phases",
    "scan_red_flags",
    "red_flag_episodes",
)
"""Every analysis (a name in :mod:`sci_pain.analysis`) the report shows, each computed once
here; ``tests/html/test_report_model.py`` counts the calls and ``benchmarks/bench_report.py``
reports them."""

MIN_EFFECTIVE_DAYS = 20
"""A link is called clear only with at least this many effective independent days.

Passed to :func:`~sci_pain.analysis.associations`, whose verdict the report shows."""


@dataclass(frozen=True)
class InterventionStart:
    """One recorded intervention: its first day, how often it was used, and why not compared.

    Attributes
    ----------
    name : str
        The intervention as recorded (``tens``, ``heat``, ...).
    start : pandas.Timestamp
        The first day it was recorded.
    days_used, days_after : int
        Days it was recorded on; days with ratings from ``start`` on.
    one_off : bool
        Recorded on one day only.
    reason : str or None
        Why it has no clear start (no comparison is made), or None.
    """

    name: str
    start: pd.Timestamp
    days_used: int
    days_after: int
    one_off: bool
    reason: str | None


@dataclass(frozen=True)
class ReportModel:
    """Everything the clinic report shows, computed once from one journal.

    An analysis that could not be done holds its :class:`~sci_pain.errors.AnalysisError`
    instead of a result, so the page can say why. ``None`` means "not applicable" (no pain
    ratings, or the journal lacks the column).

    Attributes
    ----------
    entries, problems : pandas.DataFrame
        The journal entries (timestamps parsed) and the problems found when reading.
    source, title, injury_level : str
        The file name shown (never a folder), the page title, the level of injury.
    n_records : int or None
        Records in the file, when known.
    summary, daily : pandas.Series, pandas.DataFrame
        :func:`~sci_pain.analysis.summarize_journal` and :func:`~sci_pain.analysis.daily_summary`.
    flags : pandas.DataFrame
        :func:`~sci_pain.analysis.scan_red_flags`.
    episodes : pandas.DataFrame
        The flags grouped into episodes (:func:`~sci_pain.analysis.red_flag_episodes`), as
        the red-flag box shows them.
    trend, rolling
        :func:`~sci_pain.analysis.trend_slope` and the 7-day
        :func:`~sci_pain.analysis.rolling_trend`.
    time_of_day, time_of_day_within, weekday
        The time-of-day profile (absolute and within each day) and the weekday profile.
    sites, sides, quality_groups
        Pain by site, side and kind of descriptor (None without the column).
    starts : tuple of InterventionStart
        Each recorded intervention.
    comparisons : dict
        Intervention name -> :class:`~sci_pain.analysis.PhaseComparison` (or its error), for
        the interventions with a clear start.
    links : pandas.DataFrame, AnalysisError or None
        :func:`~sci_pain.analysis.associations` at the Bonferroni ``link_confidence`` shared
        among ``n_links`` links. While it is still being computed in a second process
        (``build_report_model(..., background=True)``) a
        :class:`~sci_pain.html._background.Pending`; :meth:`finished` waits for it.
    figures : dict
        Figure kind (``"calendar"``, ``"timeline"``, ``"time_of_day_weekday"``, ``"body_map"``,
        ``"descriptors"``) -> its numbers from the plotting layer's ``<kind>_data`` (or the
        AnalysisError that says why it cannot be drawn). The phase plots use ``comparisons``.
    drawn : dict
        Figure kind -> its placeholder, asked of the drawing process before the sections
        are written (:func:`~sci_pain.html.report_sections.request_figures`); empty without
        one.
    drawing : Worker or None
        The second process that draws the figures
        (:func:`~sci_pain.html.report_sections.start_drawing`), or None: drawn here.
    """

    entries: pd.DataFrame
    problems: pd.DataFrame
    source: str
    title: str
    injury_level: str
    n_records: int | None = None
    summary: pd.Series | None = None
    daily: pd.DataFrame | None = None
    flags: pd.DataFrame | None = None
    episodes: pd.DataFrame | None = None
    trend: Any = None
    rolling: pd.DataFrame | None = None
    time_of_day: Any = None
    time_of_day_within: Any = None
    weekday: Any = None
    sites: pd.DataFrame | None = None
    sides: pd.DataFrame | None = None
    quality_groups: pd.DataFrame | None = None
    starts: tuple[InterventionStart, ...] = ()
    comparisons: dict[str, Any] = field(default_factory=dict)
    links: Any = None
    link_variables: dict[str, Any] = field(default_factory=dict)
    link_confidence: float = 0.95
    figures: dict[str, Any] = field(default_factory=dict)
    drawn: dict[str, Any] = field(default_factory=dict)
    drawing: Any = None

    @property
    def has_pain(self) -> bool:
        """Whether at least one entry has a pain rating."""
        return bool(len(self.entries) > 0 and self.entries["pain"].notna().any())

    def has(self, column: str) -> bool:
        """Whether the journal has ``column`` with at least one value."""
        return bool(column in self.entries.columns and self.entries[column].notna().any())

    def finished(self) -> ReportModel:
        """Return the model with every result in place (waits for a background computation)."""
        from sci_pain.html._background import Pending

        if isinstance(self.links, Pending):
            return replace(self, links=self.links.result())
        return self

    def close(self) -> None:
        """End the background computations whose results will not be read (after an error)."""
        from sci_pain.html._background import Pending

        if isinstance(self.links, Pending):
            self.links.close()
        if self.drawing is not None:
            self.drawing.close()

    @property
    def n_links(self) -> int:
        """How many links (variable and lag) were looked at."""
        return sum(len(lags) for lags in self.link_variables.values())


def _attempt(function: Callable, *args, **kwargs) -> Any:
    """Return the result of an analysis, or the AnalysisError that says why it failed."""
    from sci_pain.analysis import AnalysisError

    try:
        return function(*args, **kwargs)
    except AnalysisError as error:
        return error


def _coerce(journal) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Return entries (timestamps parsed), problems and source of a Journal or of entries."""
    from sci_pain.analysis import as_entries, timestamps
    from sci_pain.journal import problems_frame

    try:
        entries = as_entries(journal)
    except TypeError:
        msg = (
            "report_html needs a Journal (from sci_pain.read_journal or "
            f"sci_pain.load_example_journal) or its entries DataFrame, got {type(journal).__name__}"
        )
        raise TypeError(msg) from None
    if "pain" not in entries.columns or "timestamp" not in entries.columns:
        msg = (
            "a report needs journal entries with 'timestamp' and 'pain' columns; got "
            f"{', '.join(map(repr, map(str, entries.columns))) or 'no columns'}"
        )
        raise ValueError(msg)
    stamps = timestamps(entries, purpose="The report")  # checks the years too
    if not pd.api.types.is_datetime64_any_dtype(entries["timestamp"]):  # a hand-made frame
        entries = entries.assign(timestamp=stamps)
    problems = getattr(journal, "problems", None)
    if not isinstance(problems, pd.DataFrame):
        problems = problems_frame()
    source = "entries" if isinstance(journal, pd.DataFrame) else getattr(journal, "source", "")
    return entries, problems, source_name(source or "")


def _why_not_compared(row) -> str | None:
    """Say why an intervention has no clear start to compare around (None when it has one).

    ``row`` is a row of :func:`sci_pain.analysis.intervention_starts`, whose ``problem`` names
    the rule that failed; the words here are the report's.
    """
    start, before, after = row["start"], int(row["days_before"]), int(row["days_after"])
    if row["problem"] == "no_baseline":
        return (
            f"it was recorded from early on (first on {day_long(start)}, with "
            f"{plural(before, 'day')} of ratings before), so there is no 'before' to "
            "compare with"
        )
    if row["problem"] == "late_start":
        return (
            f"it started near the end (on {day_long(start)}), leaving "
            f"{plural(after, 'day')} of ratings after it"
        )
    if row["problem"] == "irregular":
        return (
            f"it was used now and then (on {int(row['days_used'])} of the {after} days with "
            f"ratings since {day(start)}), so the days after its first use mix days with and "
            "without it"
        )
    return None


def intervention_starts(entries: pd.DataFrame) -> tuple[InterventionStart, ...]:
    """List each recorded intervention: first day, days used, whether it has a clear start.

    The rule is :func:`sci_pain.analysis.intervention_starts`; this adds the report's words
    for why an intervention is not compared.

    Examples
    --------
    >>> import sci_pain as sp
    >>> starts = intervention_starts(sp.load_example_journal("dvt").entries)
    >>> [(s.name, s.reason is None) for s in starts]
    [('medication', True)]
    """
    from sci_pain.analysis import intervention_starts as starts_of

    if not entries["pain"].notna().any():
        return ()
    return tuple(
        InterventionStart(
            name=str(name),
            start=row["start"],
            days_used=int(row["days_used"]),
            days_after=int(row["days_after"]),
            one_off=bool(row["one_off"]),
            reason=_why_not_compared(row),
        )
        for name, row in starts_of(entries).iterrows()
    )


def _call(function: Callable, *args, **kwargs) -> Any:
    return function(*args, **kwargs)


def _period(entries: pd.DataFrame) -> dict[str, Any]:
    from sci_pain.analysis import summarize_journal

    return {"summary": summarize_journal(entries)}


def _patterns(model: ReportModel) -> dict[str, Any]:
    from sci_pain.analysis import (
        pain_by_quality_group,
        pain_by_side,
        pain_by_site,
        time_of_day_profile,
        time_of_day_weekday,
        weekday_profile,
    )
    from sci_pain.plotting import TimeOfDayWeekdayData, body_map_data, descriptors_data

    entries = model.entries
    found = {
        "time_of_day": _attempt(time_of_day_profile, entries),
        "time_of_day_within": _attempt(time_of_day_profile, entries, relative=True),
        "weekday": _attempt(weekday_profile, entries),
        "sites": pain_by_site(entries) if model.has("site") else None,
        "sides": pain_by_side(entries) if model.has("site") and model.has("side") else None,
        "quality_groups": pain_by_quality_group(entries) if model.has("quality") else None,
    }
    # the heatmap's numbers: its table, and the profile computed above (what
    # plotting.time_of_day_weekday_data would compute a second time)
    table = _attempt(time_of_day_weekday, entries, by="part")
    tod = found["time_of_day"]
    heatmap = next((r for r in (table, tod) if isinstance(r, Exception)), None)
    figures = {
        "time_of_day_weekday": heatmap
        or TimeOfDayWeekdayData(column="pain", by="part", table=table, profile=tod["mean"])
    }
    if model.has("site"):
        figures["body_map"] = _attempt(body_map_data, entries)
    if model.has("quality"):
        figures["descriptors"] = _attempt(descriptors_data, entries)
    return {**found, "figures": figures}


def _comparisons(model: ReportModel) -> dict[str, Any]:
    from sci_pain.analysis import compare_phases

    return {
        s.name: _attempt(compare_phases, model.entries, start=s.start, intervention=s.name)
        for s in model.starts
        if s.reason is None
    }


def _trend(model: ReportModel) -> dict[str, Any]:
    """Compute the slope and the timeline's numbers (its rolling mean and daily summary)."""
    from sci_pain.analysis import daily_summary, trend_slope
    from sci_pain.plotting import CalendarData, timeline_data

    marks = {
        f"{treatment(s.name)} starts": s.start
        for s in model.starts
        if not isinstance(model.comparisons.get(s.name, ValueError()), Exception)
    }
    trend = _attempt(trend_slope, model.entries)
    timeline = _attempt(
        timeline_data, model.entries, window=7, phases=marks or None, flags=model.flags
    )
    if isinstance(timeline, Exception):
        daily, rolling = daily_summary(model.entries), None
    else:
        daily, rolling = timeline.daily, timeline.trend
    figures = {
        **model.figures,
        "timeline": timeline,
        "calendar": CalendarData(column="pain", daily=daily),
    }
    return {"trend": trend, "rolling": rolling, "daily": daily, "figures": figures}


def _links(model: ReportModel, *, background: bool = False) -> dict[str, Any]:
    from sci_pain.analysis import ASSOCIATION_VARIABLES, associations
    from sci_pain.html._background import in_background

    chosen = {v: lags for v, lags in ASSOCIATION_VARIABLES.items() if model.has(v)}
    if not chosen:
        return {}
    n_tests = sum(len(lags) for lags in chosen.values())
    # the library's one rule (analysis.link_verdict, which also fills associations' "verdict"
    # column) decides what is clear. The report picks the Bonferroni level itself, so that the
    # intervals it prints are the ones judged: 95% shared among the links examined (this is
    # what associations' default correction="bonferroni" does, judged at 95%).
    confidence = 1 - 0.05 / n_tests
    links = (in_background if background else _call)(
        _attempt,
        associations,
        model.entries,
        variables=chosen,
        n_boot=2000,
        seed=0,
        confidence=confidence,
        correction="none",
        min_effective=MIN_EFFECTIVE_DAYS,
    )
    return {"links": links, "link_variables": chosen, "link_confidence": confidence}


def build_report_model(
    journal,
    *,
    title: str | None = None,
    injury_level: str = "unknown",
    progress: Callable[[int], None] | None = None,
    background: bool = False,
) -> ReportModel:
    """Compute everything the clinic report shows, each analysis once.

    Parameters
    ----------
    journal : Journal or DataFrame
        A :class:`~sci_pain.journal.Journal` or journal entries alone (timestamps may be
        strings, as in :func:`sci_pain.simulate_journal` output).
    title : str, optional
        The page title; default "Pain journal report".
    injury_level : str, default "unknown"
        Passed to :func:`~sci_pain.analysis.scan_red_flags`.
    progress : callable, optional
        ``progress(stage)``, called with the index of each of
        :data:`~sci_pain.html.report.REPORT_STAGES` 0 to 6 before its analyses.
    background : bool, default False
        Compute the links (the block bootstrap, the slowest analysis) in a second process,
        where that is safe (Linux, no other thread), so that the caller can draw the figures
        meanwhile; ``model.finished()`` waits for them. The numbers are the same.

    Returns
    -------
    ReportModel

    Raises
    ------
    TypeError
        If ``journal`` is neither a Journal nor a DataFrame.
    ValueError
        If the entries lack a ``timestamp`` or ``pain`` column.

    Examples
    --------
    >>> import sci_pain as sp
    >>> frame = sp.simulate_journal("dvt", days=30, seed=1)  # timestamps as text
    >>> model = build_report_model(frame)
    >>> model.source, model.entries["timestamp"].dtype.kind
    ('entries', 'M')
    """
    from sci_pain.analysis import red_flag_episodes, scan_red_flags

    def stage(i: int) -> None:
        if progress is not None:
            progress(i)

    entries, problems, source = _coerce(journal)
    n_records = getattr(journal, "n_records", None)
    model = ReportModel(
        entries=entries,
        problems=problems,
        source=source,
        title=title or "Pain journal report",
        injury_level=injury_level,
        n_records=n_records if isinstance(n_records, int) else None,
    )
    stage(0)
    if model.has_pain:
        model = replace(model, **_period(entries))
    stage(1)
    if len(entries):
        flags = scan_red_flags(entries, injury_level=injury_level)
        model = replace(model, flags=flags, episodes=red_flag_episodes(flags))
    stage(2)
    if model.has_pain:
        model = replace(model, **_patterns(model))
    stage(3)
    model = replace(model, starts=intervention_starts(entries))
    model = replace(model, comparisons=_comparisons(model))
    stage(4)
    if model.has_pain:
        model = replace(model, **_trend(model))
    stage(5)
    if model.has_pain:
        # forked last: the child inherits a heap grown by the analyses, where a fresh one
        # spends about a second of a five-year journal's bootstrap in page faults
        model = replace(model, **_links(model, background=background))
    stage(6)
    return model
