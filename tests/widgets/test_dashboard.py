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
from sci_pain.plotting._fastagg import encode_png
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
    figures._slots["timeline"].canvas.reset()  # the next render draws everything
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
    others = [k for k in DASHBOARD_KINDS if k != "timeline"]
    assert made == others + [f"{k} rehearsed" for k in DASHBOARD_KINDS]
    assert figures.render("overview", view).cached  # the first switch finds it drawn


def test_after_the_rehearsal_no_control_draws_a_figure_whole(journal):
    # While idle each figure is drawn once for other dates and window: the first move of
    # any control afterwards (and going back to a control moved before) only blits.
    figures = JournalFigures(journal, cache_size=0)
    days = journal_days(journal)
    view = JournalView(start=days[0], end=days[-1])
    figures.render("timeline", view)
    while figures.prepare(view, skip="timeline") is not None:
        pass
    before = {kind: figures.full_draws(kind) for kind in DASHBOARD_KINDS}
    moves = [
        JournalView(start=days[0], end=days[-1], window=12),
        JournalView(start=days[10], end=days[-20], window=12),
        JournalView(start=days[10], end=days[-20], window=5, side="left"),
        JournalView(start=days[10], end=days[-20], window=5, lag=2),
        JournalView(start=days[0], end=days[-1], window=9),
    ]
    for kind in ("timeline", "calendar", "overview", "descriptors"):
        for moved in moves:
            figures.render(kind, moved)
        assert figures.full_draws(kind) == before[kind], kind


def test_a_background_goes_stale_when_an_artist_outside_its_set_changes(journal):
    # Each set of changing artists keeps its background; the dates' (the grid and the x
    # axis) outlives moves of the side (the grid), not the other way round.
    figures = JournalFigures(journal, cache_size=0)
    days = journal_days(journal)
    figures.render("calendar", JournalView())
    figures.render("calendar", JournalView(start=days[5], end=days[-20]))
    figures.render("calendar", JournalView(start=days[30], end=days[-20]))
    canvas = figures._slots["calendar"].canvas
    # the first picture's background (every artist drawn) went out of date at once
    assert figures.full_draws("calendar") == 2 and len(canvas.backgrounds) == 1
    figures.render("calendar", JournalView(start=days[30], end=days[-20], side="left"))
    assert figures.full_draws("calendar") == 2  # the grid is among the dates' artists
    assert len(canvas.backgrounds) == 2  # ... and now has a background of its own
    assert len(canvas.animated) < len(canvas.backgrounds[0][0])
    figures.render("calendar", JournalView(start=days[2], end=days[-40], side="left"))
    # the side's background (with the x axis of the earlier dates) is out of date now
    assert len(canvas.backgrounds) == 1 and canvas.animated == canvas.backgrounds[0][0]
    # moving the side again must not bring back the old x axis with it
    shown = figures.render("calendar", JournalView(start=days[2], end=days[-40]))
    assert figures.full_draws("calendar") == 2
    figures.draw("calendar")  # the same figure drawn whole
    a, b = _pixels(shown.png), _pixels(encode_png(canvas.canvas))
    assert (np.abs(a - b).max(axis=2) > 40).mean() < 0.002
    figures.render("calendar", JournalView(start=days[2], end=days[-40], side="left"))
    assert figures.full_draws("calendar") == 2  # drawing it whole forgot no background


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


@pytest.mark.parametrize("kind", ["timeline", "calendar", "overview", "association"])
def test_pinned_x_labels_stay_where_matplotlib_would_put_them(journal, kind):
    # After its first draw a dashboard figure keeps each x-axis label where it was
    # (matplotlib would measure every tick label again on every draw to place it): that
    # is right only while the tick labels below it keep their height.
    figures = JournalFigures(journal, cache_size=0)
    days = journal_days(journal)
    for start, end in [(0, -1), (3, -50), (40, -2), (60, -40), (0, 9)]:
        figures.render(kind, JournalView(start=days[start], end=days[end], lag=start % 3))
    figure = figures.figure(kind)
    renderer = figure.canvas.get_renderer()
    for ax in figure.axes:
        label = ax.xaxis.label
        if not (label.get_visible() and label.get_text() and ax.axison):
            continue
        assert ax.xaxis.get_label_position() == "bottom"
        boxes = [ax.spines["bottom"].get_window_extent(renderer)] + [
            t.get_window_extent(renderer)
            for t in ax.get_xticklabels()
            if t.get_visible() and t.get_text()
        ]
        auto = min(b.y0 for b in boxes) - ax.xaxis.labelpad * figure.dpi / 72
        pinned = label.get_transform().transform(label.get_position())[1]
        assert pinned == pytest.approx(auto, abs=1.5), (kind, label.get_text())


def _plain_numbers(kind: str, entries: pd.DataFrame):
    import sci_pain.plotting as pj

    return getattr(pj, f"{kind}_data")(entries)


@pytest.mark.parametrize("name", ["dvt", "neuropathic", "overuse", "spasticity"])
def test_a_date_range_sliced_from_day_tables_equals_its_own_entries(name):
    # The heatmap, body map and descriptor chart of a date range are added up from each
    # day's sums (made once per site and side): they must be exactly the tables computed
    # from the range's own entries, alone and in the overview, for any dates, site and side.
    import random

    from sci_pain.widgets._days import SLICED_KINDS

    figures = JournalFigures(load_example_journal(name))
    days = journal_days(figures.entries)
    rng = random.Random(7)
    checked = 0
    for _ in range(40):
        a = rng.randrange(len(days))
        b = rng.randrange(a, len(days))
        view = JournalView(
            start=days[a],
            end=days[b],
            site=rng.choice([None, "calf", "foot", "whole_leg"]),
            side=rng.choice([None, "left", "right", "both"]),
        )
        entries = figures.entries_for(view)
        if entries.empty:
            continue
        figures.day_tables(view)  # made for the view's site and side
        sliced = figures.sliced(view, SLICED_KINDS)
        overview = figures.data("overview", view)
        for kind in SLICED_KINDS:
            try:
                plain = _plain_numbers(kind, entries)
            except AnalysisError:  # not recorded in this journal: nothing to slice
                assert kind not in sliced
                continue
            assert kind in sliced
            for shown in (sliced[kind], figures.data(kind, view), overview.panel(kind)):
                pd.testing.assert_frame_equal(shown.table, plain.table, check_exact=True)
                if kind == "time_of_day_weekday":
                    pd.testing.assert_series_equal(shown.profile, plain.profile, check_exact=True)
            checked += 1
    assert checked >= 12


def test_day_tables_are_not_used_where_they_would_not_be_exact(journal):
    # half points (sums would depend on their order), a descriptor outside the vocabulary
    # (a row of its own), a view without both ends: computed from the entries instead
    from sci_pain.widgets._days import day_tables

    halves = journal.entries.assign(pain=journal.entries["pain"].astype(float) + 0.5)
    assert day_tables(halves) is None
    days = journal_days(journal)
    view = JournalView(start=days[3], end=days[40])
    entries = journal.entries.copy()
    inside = entries.index[entries["timestamp"].dt.date == days[10]][0]
    entries.loc[inside, "quality"] = "gnawing"
    figures = JournalFigures(entries)
    # one view is computed from its entries; the tables are made when dates move again
    assert figures.sliced(view, ["body_map"]) == {}
    assert set(figures.sliced(view, ["descriptors", "body_map"])) == {"body_map"}
    shown = figures.data("descriptors", view).table
    assert "gnawing" in shown["quality"].tolist()
    pd.testing.assert_frame_equal(
        shown, _plain_numbers("descriptors", figures.entries_for(view)).table
    )
    assert figures.sliced(JournalView(start=days[3]), ["body_map"]) == {}


def test_another_journal_shows_its_own_sliced_numbers(journal):
    # Day tables belong to one journal: a figure taken over by the next journal, or the
    # same dates and filters asked of another journal, must show that journal's numbers.
    other = load_example_journal("overuse")
    before = JournalFigures(journal)
    days = journal_days(journal)
    view = JournalView(start=days[0], end=days[-1])
    before.day_tables(view)
    before.render("overview", view)
    after = JournalFigures(other, reuse=before)
    other_days = journal_days(other)
    view = JournalView(start=other_days[0], end=other_days[-1])
    after.day_tables(view)
    after.render("overview", view)
    for kind in ("time_of_day_weekday", "descriptors"):
        pd.testing.assert_frame_equal(
            after.data("overview", view).panel(kind).table,
            _plain_numbers(kind, after.entries_for(view)).table,
        )


def test_a_figure_taken_over_shows_the_new_journal_not_the_old():
    # The next journal's timeline is drawn on the figure (and canvas, with its kept
    # background and compressed rows) of the journal shown before: its picture must be
    # the one a figure made for it shows, with nothing of the old journal's points.
    from sci_pain import simulate_journal
    from sci_pain.journal import journal_from_frame

    first, second = (
        journal_from_frame(simulate_journal("neuropathic", days=120, seed=seed), source="test")
        for seed in (1, 2)
    )
    before = JournalFigures(first)
    for window in (7, 9):  # a background kept, and the rows of the last picture
        before.render("timeline", JournalView(window=window))
    figure = before.figure("timeline")
    after = JournalFigures(second, reuse=before)
    assert after.fits("timeline", figure)
    taken_over = after.render("timeline", JournalView(window=9))
    assert after.figure("timeline") is figure  # taken over, not made anew
    fresh = JournalFigures(second).render("timeline", JournalView(window=9))
    a, b = _pixels(taken_over.png), _pixels(fresh.png)
    assert a.shape == b.shape
    assert (np.abs(a - b).max(axis=2) > 40).mean() < 0.002
    old = _pixels(before.render("timeline", JournalView(window=9)).png)  # drawn again, anew
    assert (np.abs(a - old).max(axis=2) > 40).mean() > 0.002  # and that picture differs
