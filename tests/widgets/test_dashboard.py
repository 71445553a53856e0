"""Tests for sci_pain.widgets.dashboard: views, in-place figures, blitting and PNG.

(Filtering is tested in tests/analysis/test_filters.py, the fast Agg path in test_fastagg.py.)
"""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from sci_pain.analysis import AnalysisError, filter_entries, journal_days, scan_red_flags
from sci_pain.datasets import load_example_journal
from sci_pain.widgets.dashboard import DASHBOARD_KINDS, JournalFigures, JournalView


@pytest.fixture(scope="module")
def journal():
    return load_example_journal("dvt")


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_journal_days_and_views(journal):
    days = journal_days(journal)
    assert days[0] == dt.date(2026, 1, 5) and days[-1] == dt.date(2026, 5, 4)
    assert journal_days(journal.entries.iloc[:0]) == []
    view = JournalView(start=days[3], site="calf", window=14, lag=2)
    assert view.key("timeline") == (days[3], None, "calf", None, 14)
    assert view.key("calendar") == (days[3], None, "calf", None)
    assert view.key("association") == (days[3], None, "calf", None, "activity_min", 2)
    assert view.describe() == "site calf, 2026-01-08 to the end"
    assert JournalView().describe() == "all entries"


def test_every_kind_renders_with_title_and_alt(journal):
    figures = JournalFigures(journal)
    for kind in DASHBOARD_KINDS:
        picture = figures.render(kind, JournalView(side="left"))
        assert picture.png[:8] == b"\x89PNG\r\n\x1a\n"
        assert _pixels(picture.png).shape == (picture.height, picture.width, 3)
        assert picture.title and picture.alt
        assert picture.n_entries == len(filter_entries(journal, side="left"))
    with pytest.raises(ValueError, match="unknown figure kind 'pie'"):
        figures.render("pie", JournalView())
    with pytest.raises(ValueError, match="Did you mean 'calendar'"):
        figures.render("calender", JournalView())


def test_flags_are_scanned_on_the_whole_journal_then_filtered(journal):
    figures = JournalFigures(journal)
    pd.testing.assert_frame_equal(figures.flags, scan_red_flags(journal, injury_level="unknown"))
    march = JournalView(start=dt.date(2026, 3, 1))
    shown = figures.flags_for(march)
    assert (shown["timestamp"] >= pd.Timestamp("2026-03-01")).all()
    feb = figures.flags_for(JournalView(start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 28)))
    assert "possible_dvt" in set(feb["flag"])


def test_pictures_are_cached_and_redraws_are_blits(journal):
    figures = JournalFigures(journal)
    first = figures.render("timeline", JournalView())
    assert not first.cached
    for window in range(2, 12):
        figures.render("timeline", JournalView(window=window))
    # one full draw when the figure was made, one when the window started changing
    assert figures.full_draws("timeline") == 2
    again = figures.render("timeline", JournalView())
    assert again.cached and again.png == first.png and again.alt == first.alt
    quiet = JournalFigures(journal, cache_size=0)
    quiet.render("calendar", JournalView())
    assert not quiet.render("calendar", JournalView()).cached


def test_a_blit_draws_what_a_full_draw_draws(journal):
    figures = JournalFigures(journal, cache_size=0)
    figures.render("timeline", JournalView())
    for window in (3, 9, 14):
        blitted = figures.render("timeline", JournalView(window=window))
    figures.draw("timeline")  # forget the background: the next render draws everything
    full = figures.render("timeline", JournalView(window=4))
    full = figures.render("timeline", JournalView(window=14))
    a, b = _pixels(blitted.png), _pixels(full.png)
    assert (np.abs(a - b).max(axis=2) > 40).mean() < 0.002


def test_empty_views_render_a_message(journal):
    figures = JournalFigures(journal)
    picture = figures.render("body_map", JournalView(site="hip"))
    assert picture.n_entries == 0
    assert picture.alt.startswith("No entries to show for site hip")
    assert picture.png[:4] == b"\x89PNG"


def test_a_journal_without_sites_cannot_draw_a_body_map():
    journal = load_example_journal("neuropathic")
    entries = journal.entries.drop(columns=["site", "side"])
    with pytest.raises(AnalysisError, match="the body map needs the column 'side'"):
        JournalFigures(entries).render("body_map", JournalView())


def test_prepare_makes_every_other_kind_once(journal):
    figures = JournalFigures(journal)
    view = JournalView(window=10)
    figures.render("timeline", view)
    made = []
    while (kind := figures.prepare(view, skip="timeline")) is not None:
        made.append(kind)
    assert made == [k for k in DASHBOARD_KINDS if k != "timeline"]
    assert figures.render("overview", view).cached  # the first switch finds it drawn


@pytest.mark.parametrize(
    ("kind", "module", "analysis", "view"),
    [
        ("timeline", "timeline", "rolling_trend", JournalView(window=11)),
        ("association", "association", "associations", JournalView(lag=2)),
    ],
)
def test_a_new_view_is_computed_once_for_its_figure_and_its_description(
    journal, monkeypatch, kind, module, analysis, view
):
    import importlib

    plotting_module = importlib.import_module(f"sci_pain.plotting.journal.{module}")
    original = getattr(plotting_module, analysis)
    calls = []

    def counted(*args, **kwargs):
        calls.append(analysis)
        return original(*args, **kwargs)

    figures = JournalFigures(journal)
    figures.render(kind, JournalView())  # the figure is made
    monkeypatch.setattr(plotting_module, analysis, counted)
    shown = figures.render(kind, view)  # a new view: drawn and described
    assert calls == [analysis]
    assert shown.alt == figures.alt_text(kind, view) and calls == [analysis]


@pytest.mark.parametrize(
    ("start", "end", "site", "side"),
    [
        (None, None, None, None),
        (dt.date(2026, 2, 3), dt.date(2026, 2, 20), None, None),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 9), "calf", None),
        (dt.date(2026, 3, 2), dt.date(2026, 4, 30), None, "left"),
        (dt.date(2026, 4, 1), dt.date(2026, 4, 2), "foot", "right"),
    ],
)
def test_a_date_range_is_summarised_as_its_own_entries_are(journal, start, end, site, side):
    # The daily summary of a view is sliced from the whole journal's (made once per site
    # and side): it must be the summary of the view's own entries, and the timeline's and
    # overview's numbers the same as computed from those entries.
    from sci_pain.analysis import daily_summary
    from sci_pain.plotting import overview_data, timeline_data

    figures = JournalFigures(journal)
    figures.render("timeline", JournalView())  # the whole journal's summary is cached
    view = JournalView(start=start, end=end, site=site, side=side, window=5)
    entries = figures.entries_for(view)
    pd.testing.assert_frame_equal(figures.daily_for(view), daily_summary(entries))
    shown = figures.data("timeline", view)
    alone = timeline_data(entries, window=5, flags=figures.flags_for(view))
    pd.testing.assert_frame_equal(shown.trend, alone.trend)
    pd.testing.assert_frame_equal(shown.daily, alone.daily)
    overview = figures.data("overview", view)
    whole = overview_data(entries, window=5, flags=figures.flags_for(view))
    pd.testing.assert_series_equal(overview.summary, whole.summary)
    pd.testing.assert_frame_equal(overview.calendar.daily, whole.calendar.daily)
    pd.testing.assert_frame_equal(figures.data("calendar", view).daily, whole.calendar.daily)
