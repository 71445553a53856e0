"""Tests for the update_<kind> functions of sci_pain.plotting.journal: an updated figure holds the
same artists' data as a fresh plot of the same entries, and says what changed."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PolyCollection, QuadMesh

from sci_pain.analysis import AnalysisError, pain_by_quality, scan_red_flags
from sci_pain.datasets import load_example_journal
from sci_pain.plotting import journal as pj


@pytest.fixture(scope="module")
def entries() -> pd.DataFrame:
    return load_example_journal("dvt").entries


@pytest.fixture(scope="module")
def february(entries) -> pd.DataFrame:
    ts = entries["timestamp"]
    return entries[(ts >= "2026-02-01") & (ts < "2026-03-01")]


def _masked(values) -> np.ndarray:
    return np.ma.filled(np.ma.asarray(values, dtype=float), np.nan)


def _axes():
    return plt.subplots()[1]


def test_timeline_update_matches_a_fresh_plot(entries, february):
    flags = scan_red_flags(entries, injury_level="unknown")
    ax = pj.plot_timeline(entries, ax=_axes(), flags=flags)
    feb_flags = flags[flags["timestamp"].between("2026-02-01", "2026-02-28 23:59")]
    changed = pj.update_timeline(ax, february, window=3, flags=feb_flags)
    fresh = pj.plot_timeline(february, ax=_axes(), window=3, flags=feb_flags)
    points = next(c for c in ax.collections if c.get_label() == "entries")
    fresh_points = next(c for c in fresh.collections if c.get_label() == "entries")
    np.testing.assert_allclose(points.get_offsets(), fresh_points.get_offsets())
    assert ax.lines[0].get_label() == "3-day rolling mean"
    np.testing.assert_allclose(
        _masked(ax.lines[0].get_ydata()), _masked(fresh.lines[0].get_ydata()), equal_nan=True
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "3-day rolling mean" in legend
    assert points in changed and ax.lines[0] in changed and ax.xaxis in changed
    for severity in ("emergency", "same_day"):
        label = f"red flag: {severity.replace('_', ' ')}"
        marker = next(c for c in ax.collections if c.get_label() == label)
        shown = feb_flags[feb_flags["severity"] == severity]
        assert len(marker.get_offsets()) == len(shown)
    # nothing new: nothing changed
    assert pj.update_timeline(ax, february, window=3, flags=feb_flags) == []


def test_timeline_markers_are_emptied_then_added_with_a_new_legend(entries, february):
    flags = scan_red_flags(entries, injury_level="unknown")
    march = entries[entries["timestamp"] >= "2026-03-01"]
    march_flags = flags[flags["timestamp"] >= "2026-03-01"]
    ax = pj.plot_timeline(entries, ax=_axes(), flags=flags)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    pj.update_timeline(ax, march, flags=march_flags)
    urgent = next(c for c in ax.collections if c.get_label() == "red flag: emergency")
    assert len(urgent.get_offsets()) == 0  # emptied ...
    assert [t.get_text() for t in ax.get_legend().get_texts()] == labels  # ... legend kept
    # a timeline drawn without flags gains markers and a legend entry
    ax = pj.plot_timeline(march, ax=_axes())
    old_legend = ax.get_legend()
    changed = pj.update_timeline(ax, february, flags=flags)
    assert old_legend in changed and ax.get_legend() in changed
    assert "red flag: emergency" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_timeline_xlim_follows_the_dates(entries):
    ax = pj.plot_timeline(entries, ax=_axes())
    pj.update_timeline(ax, entries, xlim=("2026-02-01", "2026-03-01"))
    low, high = ax.get_xlim()
    assert (low, high) == pytest.approx(
        (
            pd.Timestamp("2026-02-01").value / 86_400e9,
            pd.Timestamp("2026-03-01").value / 86_400e9,
        )
    )


def test_calendar_update_keeps_the_grid_and_narrows_the_view(entries, february):
    first = entries["timestamp"].min()
    ax = pj.plot_calendar(entries, ax=_axes())
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    shape = mesh.get_array().shape
    changed = pj.update_calendar(
        ax, february, first_day=first, start="2026-02-01", end="2026-02-28"
    )
    assert mesh in changed and ax.xaxis in changed
    assert mesh.get_array().shape == shape
    values = _masked(mesh.get_array())
    daily = february.groupby(february["timestamp"].dt.normalize())["pain"].mean()
    assert np.nansum(values) == pytest.approx(float(daily.sum()))
    assert np.count_nonzero(~np.isnan(values)) == len(daily)
    low, high = ax.get_xlim()
    assert high - low == 5  # 2 Feb is a Monday: the weeks of 26 Jan to 23 Feb
    assert ax.get_xticklabels()[0].get_text() == "Feb 2026"
    fresh = pj.plot_calendar(february, ax=_axes())
    fresh_values = _masked(
        next(c for c in fresh.collections if isinstance(c, QuadMesh)).get_array()
    )
    assert np.nansum(fresh_values) == pytest.approx(np.nansum(values))


def test_time_of_day_weekday_update_matches_a_fresh_plot(entries, february):
    ax = pj.plot_time_of_day_weekday(entries, ax=_axes())
    changed = pj.update_time_of_day_weekday(ax, february)
    fresh = pj.plot_time_of_day_weekday(february, ax=_axes())
    np.testing.assert_allclose(
        _masked(ax.images[0].get_array()), _masked(fresh.images[0].get_array()), equal_nan=True
    )
    shown = sorted(t.get_text() for t in ax.texts if t.get_visible() and t.get_text())
    assert shown == sorted(t.get_text() for t in fresh.texts)
    assert ax.images[0] in changed
    assert set(ax.texts) <= set(changed)  # every cell label, so the changing set is stable
    with pytest.raises(ValueError, match="plot_time_of_day_weekday"):
        pj.update_time_of_day_weekday(ax, february, by="hour")


def test_body_map_update_matches_a_fresh_plot(entries, february):
    ax = pj.plot_body_map(entries, ax=_axes())
    calves = february[february["site"] == "calf"]
    pj.update_body_map(ax, calves)
    fresh = pj.plot_body_map(calves, ax=_axes())
    polys = next(c for c in ax.collections if isinstance(c, PolyCollection))
    fresh_polys = next(c for c in fresh.collections if isinstance(c, PolyCollection))
    np.testing.assert_allclose(
        _masked(polys.get_array()), _masked(fresh_polys.get_array()), equal_nan=True
    )
    values = sorted(t.get_text() for t in ax.texts if t.get_visible() and "." in t.get_text())
    assert values == sorted(t.get_text() for t in fresh.texts if "." in t.get_text())


def test_descriptors_update_changes_bar_lengths(entries, february):
    ax = pj.plot_descriptors(entries, ax=_axes())
    changed = pj.update_descriptors(ax, february)
    fresh = pj.plot_descriptors(february, ax=_axes())
    widths = [bar.get_width() for bar in ax.containers[0]]
    assert widths == [bar.get_width() for bar in fresh.containers[0]]
    assert ax.xaxis in changed
    assert ax.get_xlim()[1] == pytest.approx(max(widths) * 1.05)


def test_descriptors_update_redraws_when_the_descriptors_differ(entries):
    ax = pj.plot_descriptors(entries, ax=_axes(), show_unused=False)
    assert pj.update_descriptors(ax, entries) == [ax]
    assert len(ax.containers[0]) == len(pain_by_quality(entries))


def test_association_update_matches_a_fresh_plot(entries):
    ax = pj.plot_association(entries, ax=_axes(), n_boot=50)
    changed = pj.update_association(ax, entries, variable="sleep_hours", lag=1, n_boot=50)
    fresh = pj.plot_association(entries, ax=_axes(), variable="sleep_hours", lag=1, n_boot=50)
    assert ax.get_title() == fresh.get_title()
    assert ax.get_xlabel() == fresh.get_xlabel() == "Sleep, day before (h)"
    np.testing.assert_allclose(
        ax.collections[0].get_offsets(), fresh.collections[0].get_offsets(), equal_nan=True
    )
    assert ax.title in changed and ax.xaxis in changed
    with pytest.raises(AnalysisError, match="lag"):
        pj.update_association(ax, entries, lag=-1)


def test_overview_update_updates_every_panel(entries, february):
    fig = pj.plot_overview(entries)
    changed = pj.update_overview(
        fig, february, first_day=entries["timestamp"].min(), start="2026-02-01", end="2026-02-28"
    )
    assert fig.get_suptitle().startswith("Pain journal 2026-02-01 to 2026-02-28")
    axes = {artist.axes for artist in changed if getattr(artist, "axes", None) is not None}
    assert set(fig.axes[:5]) <= axes
    assert (
        pj.update_overview(
            fig,
            february,
            first_day=entries["timestamp"].min(),
            start="2026-02-01",
            end="2026-02-28",
        )
        == []
    )


def test_updates_refuse_an_axes_drawn_otherwise(entries):
    ax = _axes()
    ax.plot([1, 2], [3, 4])
    for update in (
        pj.update_timeline,
        pj.update_time_of_day_weekday,
        pj.update_body_map,
        pj.update_descriptors,
        pj.update_association,
    ):
        with pytest.raises(ValueError, match="was not drawn by"):
            update(ax, entries)
    with pytest.raises(ValueError, match="plot_calendar"):
        pj.update_calendar(ax, entries, first_day="2026-01-05")
    with pytest.raises(ValueError, match="plot_overview"):
        pj.update_overview(ax.figure, entries, first_day="2026-01-05")


def test_updates_leave_their_input_unchanged(entries):
    before = entries.copy()
    ax = pj.plot_timeline(entries, ax=_axes())
    pj.update_timeline(ax, entries.iloc[::2], window=3, flags=True)
    pd.testing.assert_frame_equal(entries, before)


def test_set_values_masks_missing_cells_and_says_whether_anything_changed():
    from sci_pain.plotting import common

    ax = _axes()
    image = ax.imshow(np.ma.masked_invalid([[1.0, np.nan]]))
    mesh = ax.pcolormesh(np.ma.masked_invalid([[1.0, np.nan]]))
    for mappable in (image, mesh):
        assert not common.set_values(mappable, [[1.0, np.nan]])
        assert common.set_values(mappable, [[np.nan, 4.0]])
        values = np.ma.asarray(mappable.get_array())
        assert np.ma.getmaskarray(values).ravel().tolist() == [True, False]
        assert float(values.ravel()[1]) == 4.0


def test_cell_label_colours_from_the_table_match_the_colour_map():
    # text_colour looks the colour up in a table made once, as the colour map indexes a
    # value; the answer must be the one computed from the colour map for that value.
    import matplotlib as mpl

    from sci_pain.plotting import common
    from sci_pain.style import SEQUENTIAL_CMAP

    cmap = mpl.colormaps[SEQUENTIAL_CMAP]

    def by_the_map(value: float) -> str:
        r, g, b, _ = cmap((value - 0) / 10)
        lum = sum(
            w * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
            for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=True)
        )
        return "black" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"

    values = np.concatenate(
        [np.linspace(-1, 11, 4801), np.arange(257) * 10 / 256, [np.nan, 10.0, 0.0]]
    )
    colours = [common.text_colour(v) for v in values]
    assert colours == [by_the_map(v) for v in values]
    assert {"black", "white"} <= set(colours)
