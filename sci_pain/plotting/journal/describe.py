"""One sentence for any journal figure: :func:`alt_text` by kind, from entries or numbers.

Each figure kind has its own ``<kind>_alt_text(data)``, which takes the numbers that
``<kind>_data`` computed (and the plot drew). :func:`alt_text` is the entry point by kind's
name: it takes the entries (and computes), or those numbers.

Examples
--------
>>> import sci_pain as sp
>>> alt_text("body_map", sp.load_example_journal("spasticity"))  # doctest: +ELLIPSIS
'Body map of both legs from hip to foot coloured by mean pain (NRS 0-10): highest at the right ...'
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from sci_pain.analysis import PhaseComparison
from sci_pain.errors import did_you_mean
from sci_pain.plotting.journal.association import (
    AssociationData,
    association_alt_text,
    association_data,
)
from sci_pain.plotting.journal.body_map import BodyMapData, body_map_alt_text, body_map_data
from sci_pain.plotting.journal.calendar import CalendarData, calendar_alt_text, calendar_data
from sci_pain.plotting.journal.descriptors import (
    DescriptorsData,
    descriptors_alt_text,
    descriptors_data,
)
from sci_pain.plotting.journal.overview import OverviewData, overview_alt_text, overview_data
from sci_pain.plotting.journal.phases import phases_alt_text, phases_data
from sci_pain.plotting.journal.time_of_day_weekday import (
    TimeOfDayWeekdayData,
    time_of_day_weekday_alt_text,
    time_of_day_weekday_data,
)
from sci_pain.plotting.journal.timeline import TimelineData, timeline_alt_text, timeline_data

__all__ = ["PLOT_KINDS", "alt_text", "journal_alt_text"]

# kind -> (its numbers' type, the function computing them, the sentence from them)
_KINDS: dict[str, tuple[type, Callable[..., Any], Callable[[Any], str]]] = {
    "timeline": (TimelineData, timeline_data, timeline_alt_text),
    "calendar": (CalendarData, calendar_data, calendar_alt_text),
    "time_of_day_weekday": (
        TimeOfDayWeekdayData,
        time_of_day_weekday_data,
        time_of_day_weekday_alt_text,
    ),
    "body_map": (BodyMapData, body_map_data, body_map_alt_text),
    "descriptors": (DescriptorsData, descriptors_data, descriptors_alt_text),
    "association": (AssociationData, association_data, association_alt_text),
    "phases": (PhaseComparison, phases_data, phases_alt_text),
    "overview": (OverviewData, overview_data, overview_alt_text),
}

PLOT_KINDS: tuple[str, ...] = tuple(_KINDS)
"""The figures :func:`alt_text` can describe (``plot_<kind>``)."""


def _options(compute: Callable[..., Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Keep the keywords `compute` takes (a plot's other keywords, e.g. ``title``, are left out)."""
    parameters = inspect.signature(compute).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return kwargs
    return {name: value for name, value in kwargs.items() if name in parameters}


def alt_text(kind: str, data, **kwargs: Any) -> str:
    """One sentence describing a figure of :mod:`sci_pain.plotting.journal`, with its numbers.

    Parameters
    ----------
    kind : str
        One of :data:`PLOT_KINDS` (the ``plot_<kind>`` function drawn).
    data : DataFrame, Journal, PhaseComparison or the numbers from ``<kind>_data``
        What was plotted. Numbers are described as they are (no analysis runs again).
    **kwargs
        With entries: the keywords given to the plot function (``column``, ``window``,
        ``flags``, ``variable``, ``lag``, ``by``, ... ) so the description matches the figure.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For an unknown kind (close matches are suggested).
    AnalysisError
        With entries that lack a column the figure needs (``site`` and ``side`` for a body
        map, ``quality`` for the descriptors).

    Examples
    --------
    >>> import sci_pain as sp
    >>> alt_text("calender", None)
    Traceback (most recent call last):
    ...
    ValueError: unknown figure kind 'calender'; choose one of timeline, calendar, time_of_day_weekday, body_map, descriptors, association, phases, overview. Did you mean 'calendar'?
    """
    if kind not in _KINDS:
        hint = did_you_mean(kind, PLOT_KINDS)
        msg = f"unknown figure kind {kind!r}; choose one of {', '.join(PLOT_KINDS)}.{hint}"
        raise ValueError(msg)
    numbers_type, compute, describe = _KINDS[kind]
    if not isinstance(data, numbers_type):
        if kind == "overview":  # the sentence needs the summary and flags, not the panels
            kwargs = {**kwargs, "panels": ()}
        data = compute(data, **_options(compute, kwargs))
    return describe(data)


journal_alt_text = alt_text
"""The same as :func:`alt_text`, under the name ``sci_pain.journal_alt_text``."""
