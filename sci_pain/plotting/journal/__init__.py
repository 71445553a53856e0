"""Figures of a pain journal, one module per kind.

Timeline, calendar, day-and-week heatmap, body map, descriptors, associations, N-of-1
phases, and a one-figure overview.

One module per figure kind, each in three steps (seaborn's statistics-then-plot split):

- ``<kind>_data(entries, **options)`` computes the figure's numbers with
  :mod:`sci_pain.analysis`, calling each analysis once, and returns them as a small frozen
  dataclass (:class:`TimelineData`, ...; a :class:`sci_pain.PhaseComparison` for phases);
- ``plot_<kind>(entries, *, ax=None, ...)`` draws on ``ax`` (default: the current Axes) and
  returns the Axes; given ``data=`` instead of the entries, it only draws. None calls
  ``plt.show()``. ``update_<kind>(ax, entries or data=...)`` redraws in place, for a dashboard;
- ``<kind>_alt_text(data)`` gives the one-sentence description from the same numbers
  (:func:`alt_text` does it by the kind's name, from entries or numbers).

Colours come from :mod:`sci_pain.style` (Okabe-Ito and ``cividis``, readable with
colour-vision deficiencies); pain is always on the 0-10 scale, so colours mean the same in
every figure. Each figure has a title and axis labels with units. Drawing uses one artist per
data series (no per-point loops), so redrawing for a dashboard is cheap; colour bars live in
an inset of the Axes, so ``ax.clear()`` removes them too.

Examples
--------
>>> import pandas as pd
>>> import matplotlib.pyplot as plt
>>> days = pd.date_range("2026-03-01", periods=21, freq="D")
>>> entries = pd.DataFrame({"timestamp": days, "pain": [4, 5, 6] * 7})
>>> fig, ax = plt.subplots()
>>> ax = plot_timeline(entries, ax=ax)
>>> ax.get_ylabel()
'Pain (NRS 0-10)'
>>> alt_text("timeline", entries)
'Timeline of pain (NRS 0-10) from 2026-03-01 to 2026-03-21: 21 entries on 21 of 21 days; the 7-day rolling mean went from 4.8 to 5.1 (daily means 4.0 to 6.0).'
>>> plt.close(fig)
"""

from sci_pain.plotting.journal.association import (
    AssociationData,
    association_alt_text,
    association_data,
    plot_association,
    update_association,
)
from sci_pain.plotting.journal.body_map import (
    BodyMapData,
    body_map_alt_text,
    body_map_data,
    plot_body_map,
    update_body_map,
)
from sci_pain.plotting.journal.calendar import (
    CalendarData,
    calendar_alt_text,
    calendar_data,
    plot_calendar,
    update_calendar,
)
from sci_pain.plotting.journal.describe import PLOT_KINDS, alt_text, journal_alt_text
from sci_pain.plotting.journal.descriptors import (
    DescriptorsData,
    descriptors_alt_text,
    descriptors_data,
    plot_descriptors,
    update_descriptors,
)
from sci_pain.plotting.journal.overview import (
    OVERVIEW_PANELS,
    OverviewData,
    overview_alt_text,
    overview_data,
    plot_overview,
    update_overview,
)
from sci_pain.plotting.journal.phases import phases_alt_text, phases_data, plot_phases
from sci_pain.plotting.journal.time_of_day_weekday import (
    TimeOfDayWeekdayData,
    plot_time_of_day_weekday,
    time_of_day_weekday_alt_text,
    time_of_day_weekday_data,
    update_time_of_day_weekday,
)
from sci_pain.plotting.journal.timeline import (
    TimelineData,
    plot_timeline,
    timeline_alt_text,
    timeline_data,
    update_timeline,
)

__all__ = [
    "PLOT_KINDS",
    "OVERVIEW_PANELS",
    "alt_text",
    "journal_alt_text",
    # timeline
    "TimelineData",
    "timeline_data",
    "plot_timeline",
    "update_timeline",
    "timeline_alt_text",
    # calendar
    "CalendarData",
    "calendar_data",
    "plot_calendar",
    "update_calendar",
    "calendar_alt_text",
    # time of day x weekday
    "TimeOfDayWeekdayData",
    "time_of_day_weekday_data",
    "plot_time_of_day_weekday",
    "update_time_of_day_weekday",
    "time_of_day_weekday_alt_text",
    # body map
    "BodyMapData",
    "body_map_data",
    "plot_body_map",
    "update_body_map",
    "body_map_alt_text",
    # descriptors
    "DescriptorsData",
    "descriptors_data",
    "plot_descriptors",
    "update_descriptors",
    "descriptors_alt_text",
    # association
    "AssociationData",
    "association_data",
    "plot_association",
    "update_association",
    "association_alt_text",
    # N-of-1 phases
    "phases_data",
    "plot_phases",
    "phases_alt_text",
    # overview
    "OverviewData",
    "overview_data",
    "plot_overview",
    "update_overview",
    "overview_alt_text",
]
