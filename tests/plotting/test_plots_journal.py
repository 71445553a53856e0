"""Tests for sci_pain.plotting.journal: assert on the artists of the returned Axes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from frames import make_entries
from matplotlib.collections import PathCollection, PolyCollection, QuadMesh
from matplotlib.colors import to_hex

import sci_pain as sp
from sci_pain import analysis as an
from sci_pain.analysis import AnalysisError, compare_phases, scan_red_flags
from sci_pain.journal import NEUROPATHIC_QUALITIES
from sci_pain.plotting import journal as pj
from sci_pain.plotting.common import MISSING_KEY_LABEL, text_colour
from sci_pain.style import PALETTE


@pytest.fixture(scope="module")
def journal() -> pd.DataFrame:
    """Five weeks, two entries a day (two days missed), every column, a swelling episode."""
    rng = np.random.default_rng(7)
    days = [d for d in pd.date_range("2026-03-02", periods=35, freq="D") if d.day not in (10, 11)]
    stamps = [f"{d:%Y-%m-%d} {h}" for d in days for h in ("08:00", "20:30")]
    n = len(stamps)
    pain = np.clip(np.round(3 + 2 * (np.arange(n) % 2) + rng.normal(0, 0.8, n)), 0, 10)
    pain[-6:] += 3  # a rise at the end, with swelling of the left leg
    swelling = ["none"] * (n - 6) + ["left"] * 6
    return make_entries(
        stamps,
        np.clip(pain, 0, 10).astype(int),
        side=rng.choice(["left", "right", "both"], n),
        site=rng.choice(["foot", "calf", "whole_leg"], n),
        quality=rng.choice(["burning;tingling", "aching", "burning", "cramping;aching"], n),
        spasms=rng.poisson(2, n),
        activity_min=rng.choice([0.0, 30.0, 60.0], n),
        sleep_hours=rng.uniform(5, 8, n).round(1),
        immobile_hours=rng.uniform(1, 3, n).round(1),
        swelling=swelling,
        skin=["ok"] * n,
    )


def colorbar_label(ax) -> str:
    (cax,) = [c for c in ax.child_axes if c.get_label() == "sci_pain colorbar"]
    return cax.get_ylabel()


def test_timeline(journal):
    before = journal.copy()
    fig, ax = plt.subplots()
    out = pj.plot_timeline(journal, ax=ax, window=7, phases={"TENS": "2026-03-20"}, flags=True)
    pd.testing.assert_frame_equal(journal, before)
    assert out is ax
    assert ax.get_title() == "Pain over time"
    assert ax.get_ylabel() == "Pain (NRS 0-10)" and ax.get_xlabel() == "Date"
    points = ax.collections[0]
    assert isinstance(points, PathCollection) and points.get_label() == "entries"
    assert len(points.get_offsets()) == len(journal)
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "7-day rolling mean"]
    trend = an.rolling_trend(journal, window=7)["rolling_mean"].to_numpy()
    np.testing.assert_allclose(line.get_ydata(), trend)
    assert to_hex(line.get_color()) == PALETTE["blue"].lower()
    assert any(t.get_text() == "TENS" for t in ax.texts)  # the phase line's label
    flag_markers = [c for c in ax.collections if str(c.get_label()).startswith("red flag")]
    n_flags = len(scan_red_flags(journal, injury_level="unknown"))
    assert n_flags > 0
    assert sum(len(c.get_offsets()) for c in flag_markers) == n_flags
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "entries" in legend and "red flag: emergency" in legend


def test_a_rolling_mean_of_one_value_is_drawn_and_described_as_such():
    # four days of ratings: a 7-day mean needs 4 days, so it has one value (the last day);
    # a line through one point draws nothing although the legend names it
    four_days = make_entries(
        ["2026-04-03 10:00", "2026-04-04 20:00", "2026-04-05 09:00", "2026-04-06 21:00"],
        [4, 6, 5, 3],
    )
    fig, ax = plt.subplots()
    pj.plot_timeline(four_days, ax=ax)
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "7-day rolling mean"]
    assert np.isfinite(line.get_ydata().astype(float)).sum() == 1
    assert line.get_marker() == "o"  # the one value is a visible point
    text = pj.timeline_alt_text(pj.timeline_data(four_days))
    assert "too few days for a 7-day rolling mean to show a trend" in text
    assert "it has one value, 4.5" in text and "went from" not in text
    pj.update_timeline(ax, four_days, window=3)  # enough days for a 3-day mean: a line again
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "3-day rolling mean"]
    assert line.get_marker() == "None"
    assert "went from" in pj.timeline_alt_text(pj.timeline_data(four_days, window=3))
    plt.close(fig)


def test_timeline_uses_current_axes_and_phase_comparison(journal):
    fig, ax = plt.subplots()
    result = compare_phases(journal, start="2026-03-20")
    assert pj.plot_timeline(journal, phases=result) is ax
    assert [t.get_text() for t in ax.texts] == ["B starts"]


def test_calendar(journal):
    fig, ax = plt.subplots()
    pj.plot_calendar(journal, ax=ax)
    mesh = ax.collections[0]
    assert isinstance(mesh, QuadMesh)
    values = mesh.get_array()
    daily = an.daily_summary(journal)
    assert values.count() == (~daily["missed"]).sum()  # missed days are masked (hatched)
    assert np.ma.max(values) == pytest.approx(daily["mean"].max())
    assert mesh.get_clim() == (0.0, 10.0)  # the same scale in every figure
    assert "NRS 0-10" in colorbar_label(ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Mon", "Tue", "Wed", "Thu"] + [
        "Fri",
        "Sat",
        "Sun",
    ]
    assert ax.get_xticklabels()[0].get_text() == "Mar 2026"
    assert "Week" in ax.get_xlabel() and ax.get_title()


def test_redrawing_does_not_pile_up_colorbars(journal):
    fig, ax = plt.subplots()
    for _ in range(3):
        pj.plot_calendar(journal, ax=ax)
    assert len(ax.child_axes) == 2  # the colour bar and the "no entries" key
    ax.clear()
    pj.plot_calendar(journal, ax=ax)
    assert len(ax.child_axes) == 2 and len(fig.axes) == 1


@pytest.mark.parametrize(("by", "shape"), [("part", (7, 4)), ("hour", (7, 24))])
def test_time_of_day_weekday(journal, by, shape):
    fig, ax = plt.subplots()
    pj.plot_time_of_day_weekday(journal, ax=ax, by=by)
    (image,) = ax.images
    assert image.get_array().shape == shape
    table = an.time_of_day_weekday(journal, by=by)
    np.testing.assert_allclose(image.get_array().filled(np.nan), table.to_numpy())
    assert "NRS 0-10" in colorbar_label(ax)
    assert ax.get_ylabel() == "Day of week"
    assert ("(clock hours)" in ax.get_xlabel()) if by == "part" else ax.get_xlabel().endswith("(h)")
    n_texts = int(np.isfinite(table.to_numpy()).sum()) if by == "part" else 0
    assert len(ax.texts) == n_texts  # cell values written only for the small table


def test_body_map(journal):
    fig, ax = plt.subplots()
    pj.plot_body_map(journal, ax=ax)
    (patches,) = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(patches.get_paths()) == 12
    table = an.pain_by_leg_site(journal).set_index(["leg", "site"])
    expected = [
        table.loc[(leg, site), "mean"] for leg in ("right", "left") for site in an.LEG_SITES
    ]
    np.testing.assert_allclose(patches.get_array().filled(np.nan), expected)
    texts = {t.get_text() for t in ax.texts}
    assert {"Right\nleg", "Left\nleg", "hip", "foot"} <= texts
    assert colorbar_label(ax) == "Mean pain (NRS 0-10)"
    assert ax.get_xlabel() == "Front view" and ax.get_title() == "Mean pain by site"
    # front view: the person's right leg on the viewer's left
    right, left = (
        next(t for t in ax.texts if t.get_text() == f"{leg}\nleg") for leg in ("Right", "Left")
    )
    assert right.get_position()[0] < 0 < left.get_position()[0]
    key = next(c for c in ax.child_axes if c.get_label() == MISSING_KEY_LABEL)
    assert [t.get_text() for t in key.texts] == ["not rated"]


def _overlapping_texts(fig) -> list[tuple[str, str]]:
    """Pairs of visible, non-empty texts of ``fig`` whose drawn boxes overlap by over a pixel."""
    from itertools import combinations

    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [
        (text.get_text(), text.get_window_extent(renderer))
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip()
    ]
    return [
        (a, b)
        for (a, box_a), (b, box_b) in combinations(boxes, 2)
        if min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0) > 1
        and min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0) > 1
    ]


@pytest.mark.parametrize("size", [(6.4, 4.8), (6.0, 5.0), (9.0, 3.6), (7.5, 3.6), (9.0, 3.0)])
@pytest.mark.parametrize(
    "plot", ["plot_body_map", "plot_calendar", "plot_time_of_day_weekday", "plot_timeline"]
)
def test_no_text_runs_into_another(journal, plot, size):
    """Titles, axis labels, colour-bar ticks and the hatching key stay apart, at the report's and
    the notebooks' figure sizes (the body map's long x label once ran into the bar's "0")."""
    from sci_pain.style import style_context

    with style_context():
        fig = plt.figure(figsize=size)
        getattr(pj, plot)(journal, ax=fig.add_subplot())
        assert _overlapping_texts(fig) == []
        plt.close(fig)


def test_descriptors(journal):
    fig, ax = plt.subplots()
    pj.plot_descriptors(journal, ax=ax)
    bars = ax.containers[0]
    table = an.pain_by_quality(journal)
    assert [b.get_width() for b in bars] == table["count"].tolist()
    colours = [to_hex(b.get_facecolor()) for b in bars]
    n_neuro = len(NEUROPATHIC_QUALITIES)
    assert set(colours[:n_neuro]) == {PALETTE["blue"].lower()}
    assert set(colours[n_neuro:]) == {PALETTE["orange"].lower()}
    assert ax.get_yticklabels()[0].get_text() == "burning"
    assert "count" in ax.get_xlabel()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["neuropathic type", "nociceptive type"]
    fig, ax = plt.subplots()
    pj.plot_descriptors(journal, ax=ax, show_unused=False)
    assert len(ax.containers[0]) == int((table["count"] > 0).sum())


def test_association(journal):
    fig, ax = plt.subplots()
    pj.plot_association(journal, ax=ax, variable="sleep_hours", lag=1, n_boot=200)
    (points,) = ax.collections
    daily = an.daily_values(journal, ["pain", "sleep_hours"])
    assert len(points.get_offsets()) == len(daily)
    row = an.associations(journal, variables={"sleep_hours": (1,)}, n_boot=200).iloc[0]
    assert f"\u03c1 = {row['rho']:.2f}" in ax.get_title()
    assert f"n = {row['n']} days" in ax.get_title()
    assert ax.get_xlabel() == "Sleep, day before (h)"
    assert ax.get_ylabel() == "Daily mean pain (NRS 0-10)"
    with pytest.raises(AnalysisError, match="lag"):
        pj.plot_association(journal, ax=ax, lag=-1)


def test_phases(journal):
    result = compare_phases(journal, start="2026-03-20", intervention="tens")
    fig, ax = plt.subplots()
    pj.plot_phases(result, ax=ax)
    before, after = ax.collections[:2]
    assert before.get_label() == "A: before" and after.get_label() == "B: after"
    assert len(before.get_offsets()) == result.n_a and len(after.get_offsets()) == result.n_b
    means = {ln.get_label(): ln.get_ydata()[0] for ln in ax.get_lines() if "mean" in ln.get_label()}
    assert means == {
        f"mean A {result.mean_a:.1f}": pytest.approx(result.mean_a),
        f"mean B {result.mean_b:.1f}": pytest.approx(result.mean_b),
    }
    (box,) = ax.texts
    assert f"NAP {result.nap:.2f}" in box.get_text() and "lower is better" in box.get_text()
    assert ax.get_title() == "Before and after tens"
    assert ax.get_ylabel() == "Daily mean pain (NRS 0-10)"
    # from entries and keywords, and for a plain sequence
    fig, ax = plt.subplots()
    pj.plot_phases(journal, ax=ax, start="2026-03-20")
    assert len(ax.collections[0].get_offsets()) == result.n_a
    fig, ax = plt.subplots()
    pj.plot_phases([2, 3, 5, 3, 4, 5, 5, 7, 6], ax=ax, start=4, lower_is_better=False)
    assert ax.get_xlabel() == "Observation (session)"
    assert "NAP 0.90" in ax.texts[0].get_text()


def test_overview(journal):
    fig = pj.plot_overview(journal)
    main = list(fig.axes)
    assert len(main) == 5
    titles = [ax.get_title() for ax in main]
    assert titles[0] == "Pain over time" and titles[3] == "Mean pain by site"
    assert fig._suptitle.get_text().startswith("Pain journal 2026-03-02 to 2026-04-05")
    again = pj.plot_overview(journal, fig=fig)  # drawn into the same figure, cleared first
    assert again is fig and len(fig.axes) == 5


def test_overview_without_optional_columns():
    entries = make_entries(
        [f"2026-03-{d:02d} 09:00" for d in range(1, 15)], [3, 4, 5, 4, 3, 4, 5] * 2
    )
    fig = pj.plot_overview(entries, flags=None)
    body, descriptors = fig.axes[3], fig.axes[4]
    assert "Not recorded in this journal" in body.texts[0].get_text()
    assert "quality" in descriptors.texts[0].get_text()


def test_alt_text_for_every_kind(journal):
    result = compare_phases(journal, start="2026-03-20", intervention="tens")
    summary = an.summarize_journal(journal)
    for kind in pj.PLOT_KINDS:
        data = result if kind == "phases" else journal
        text = pj.alt_text(kind, data)
        assert text.endswith(".") and len(text) < 500
        assert any(ch.isdigit() for ch in text), kind
    timeline = pj.alt_text("timeline", journal, flags=True)
    assert f"{summary['entries']} entries" in timeline and "red flag" in timeline
    assert "2026-03-02 to 2026-04-05" in timeline
    calendar = pj.alt_text("calendar", journal)
    assert f"{int(summary['missed_days'])} missed days" in calendar
    phases = pj.alt_text("phases", result)
    assert f"mean {result.mean_a:.1f} over {result.n_a} days before" in phases
    association = pj.alt_text("association", journal, variable="spasms", n_boot=200)
    assert "number" not in association and "spasms" in association
    assert pj.journal_alt_text is pj.alt_text
    with pytest.raises(ValueError, match="Did you mean 'calendar'"):
        pj.alt_text("calender", journal)


def test_plots_leave_input_unchanged(journal):
    before = journal.copy()
    for function in (
        pj.plot_timeline,
        pj.plot_calendar,
        pj.plot_time_of_day_weekday,
        pj.plot_body_map,
        pj.plot_descriptors,
        pj.plot_association,
    ):
        fig, ax = plt.subplots()
        function(journal, ax=ax)
    pd.testing.assert_frame_equal(journal, before)


def example_names() -> list[str]:
    try:
        from sci_pain.datasets import list_example_journals
    except ImportError:  # pragma: no cover - the simulator lands separately
        return []
    return list_example_journals()["name"].tolist()


@pytest.mark.parametrize("name", example_names())
def test_every_example_journal_draws_and_is_described(name):
    from sci_pain.datasets import load_example_journal

    journal = load_example_journal(name)
    fig = pj.plot_overview(journal)
    assert len(fig.axes) == 5
    assert all(ax.get_title() for ax in fig.axes)
    text = pj.alt_text("overview", journal)
    assert f"{len(journal.entries)} entries" in text
    fig, ax = plt.subplots()
    pj.plot_association(journal, ax=ax, variable="spasms", n_boot=100)
    assert len(ax.collections[0].get_offsets()) > 100


def _contrast(a, b) -> float:
    from matplotlib.colors import to_rgb

    def lum(colour):
        channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    la, lb = sorted((lum(to_rgb(a)), lum(to_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_heatmap_missing_cells_cannot_be_read_as_a_pain_colour():
    # issue 14: missing cells were a flat light grey, close to mid-range cividis in greyscale;
    # now they are white with hatching (two very different colours in one cell) and keyed
    import matplotlib as mpl

    from sci_pain.style import SEQUENTIAL_CMAP

    journal = sp.load_example_journal("overuse")
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    pj.plot_time_of_day_weekday(journal, ax=ax)
    values = ax.images[0].get_array()
    assert values.mask[:, 0].all()  # no entries at night in this journal
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    # centre of the night cell (row 3, column 0) in pixels
    x, y = ax.transData.transform((0, 3))
    height = pixels.shape[0]
    patch = pixels[int(height - y) - 8 : int(height - y) + 8, int(x) - 8 : int(x) + 8]
    colours = patch.reshape(-1, 3)
    assert np.ptp(colours.mean(axis=1)) > 0.3, "a missing cell must be patterned, not a flat fill"
    scale = mpl.colormaps[SEQUENTIAL_CMAP](np.linspace(0, 1, 101))[:, :3]
    background = colours[colours.mean(axis=1).argmax()]
    distance = np.sqrt(((scale - background) ** 2).sum(axis=1)).min()
    assert distance > 0.25, "the missing background is too close to a colour of the scale"
    keys = [c for c in ax.child_axes if c.get_label() == MISSING_KEY_LABEL]
    assert keys and any(t.get_text() == "no entries" for t in keys[0].texts)
    plt.close(fig)


@pytest.mark.parametrize("name", ["neuropathic", "overuse", "spasticity"])
def test_heatmap_cell_numbers_are_readable(name):
    # issue 14: white text on mid-range cells was hard to read; every number now has a WCAG
    # contrast of at least 4.5 against its cell, at 11 pt bold
    import matplotlib as mpl

    from sci_pain.style import SEQUENTIAL_CMAP

    journal = sp.load_example_journal(name)
    fig, ax = plt.subplots()
    pj.plot_time_of_day_weekday(journal, ax=ax)
    assert ax.texts
    for text in ax.texts:
        value = float(text.get_text())
        cell = mpl.colormaps[SEQUENTIAL_CMAP](value / 10)
        assert text.get_fontsize() >= 11
        assert _contrast(text.get_color(), cell) >= 4.5, (text.get_text(), text.get_color())
    # the in-place update writes its numbers with the same rule
    for value in np.linspace(0, 10, 41):
        colour = text_colour(float(value))
        assert _contrast(colour, mpl.colormaps[SEQUENTIAL_CMAP](value / 10)) >= 4.5
    plt.close(fig)


@pytest.mark.parametrize(
    ("days", "hourly"),
    [(120, False), (4, True)],
    ids=["four months", "four days"],
)
def test_date_axes_write_dates_as_people_do(days, hourly):
    # issue 14: timelines read "2026-May" under the axis and "Apr-04" between the hours
    import datetime as dt
    import re

    start = dt.datetime(2026, 1, 5, 8)
    step = dt.timedelta(hours=12) if hourly else dt.timedelta(days=1)
    n = days * 2 if hourly else days
    entries = pd.DataFrame({"timestamp": [start + i * step for i in range(n)], "pain": [4.0] * n})
    fig, ax = plt.subplots()
    pj.plot_timeline(entries, ax=ax)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    offset = ax.xaxis.get_major_formatter().get_offset()
    assert not re.search(r"\d{4}-[A-Z][a-z]{2}|[A-Z][a-z]{2}-\d{2}", " ".join([*labels, offset]))
    expected = r"\d{2} [A-Z][a-z]+ 2026" if hourly else r"[A-Z][a-z]+ 2026"
    assert re.fullmatch(expected, offset), offset
    if hourly:
        assert any(re.fullmatch(r"\d{2} [A-Z][a-z]{2}", label) for label in labels), labels
