"""The compute-once API of the journal figures: ``<kind>_data`` computes, ``plot_<kind>(data=)``
and ``update_<kind>(data=)`` only draw, ``<kind>_alt_text(data)`` describes the same numbers.

For each kind: drawing from the entries and drawing from ``<kind>_data(entries)`` give the same
pixels and the same alt text, and drawing or describing from the numbers calls no analysis."""

from __future__ import annotations

import hashlib

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import sci_pain as sp
import sci_pain.analysis as analysis
from sci_pain.datasets import load_example_journal
from sci_pain.plotting import journal as pj

# kind -> the options given to plot_<kind> and <kind>_data alike
OPTIONS = {
    "timeline": {"window": 5, "flags": True, "phases": {"TENS": "2026-02-10"}},
    "calendar": {},
    "time_of_day_weekday": {"by": "part"},
    "body_map": {},
    "descriptors": {},
    "association": {"variable": "sleep_hours", "lag": 1, "n_boot": 50},
    "phases": {"start": "2026-02-15", "intervention": "tens"},
    "overview": {"flags": True, "window": 10},
}
KINDS = tuple(OPTIONS)


def _analysis_functions() -> dict[str, object]:
    names = [n for n in analysis.__all__ if callable(getattr(analysis, n)) and n[0].islower()]
    return {name: getattr(analysis, name) for name in names}


@pytest.fixture
def no_analysis(monkeypatch):
    """Make every analysis function (as the plotting modules see it) fail when called."""
    import sys

    functions = _analysis_functions()
    by_id = {id(f): n for n, f in functions.items()}

    def forbidden(name):
        def call(*args, **kwargs):
            raise AssertionError(f"{name} was called while drawing from precomputed numbers")

        return call

    modules = [m for n, m in sys.modules.items() if n.startswith("sci_pain.plotting") and m]
    for module in modules:
        for attr, value in list(vars(module).items()):
            if id(value) in by_id:
                monkeypatch.setattr(module, attr, forbidden(by_id[id(value)]))
    return functions


@pytest.fixture(scope="module")
def journal():
    return load_example_journal("dvt")


def _pixels(fig) -> str:
    fig.canvas.draw()
    return hashlib.sha256(np.asarray(fig.canvas.buffer_rgba()).tobytes()).hexdigest()


def _draw(kind: str, **kwargs) -> str:
    plot = getattr(pj, f"plot_{kind}")
    if kind == "overview":
        fig = plot(fig=plt.figure(figsize=(9, 9), dpi=50), **kwargs)
    else:
        fig, ax = plt.subplots(figsize=(6, 4), dpi=60)
        assert plot(ax=ax, **kwargs) is ax
    digest = _pixels(fig)
    plt.close(fig)
    return digest


@pytest.mark.parametrize("kind", KINDS)
def test_drawing_from_data_is_drawing_from_entries(kind, journal):
    options = OPTIONS[kind]
    data = getattr(pj, f"{kind}_data")(journal, **options)
    if kind == "phases":
        from_entries = _draw(kind, result_or_entries=journal, **options)
    else:
        from_entries = _draw(kind, entries=journal, **options)
    assert _draw(kind, data=data) == from_entries
    alt = getattr(pj, f"{kind}_alt_text")(data)
    described = data if kind == "phases" else journal
    assert alt == pj.alt_text(kind, described, **({} if kind == "phases" else options))
    assert pj.alt_text(kind, data) == alt  # the dispatcher takes the numbers as they are


@pytest.mark.parametrize("kind", KINDS)
def test_drawing_and_describing_from_data_call_no_analysis(kind, journal, request):
    data = getattr(pj, f"{kind}_data")(journal, **OPTIONS[kind])
    request.getfixturevalue("no_analysis")
    with pytest.raises(AssertionError, match="was called"):  # the guard is armed
        pj.plot_calendar(journal, ax=plt.subplots()[1])
    _draw(kind, data=data)
    getattr(pj, f"{kind}_alt_text")(data)
    pj.alt_text(kind, data)


def test_update_from_data_is_update_from_entries(journal):
    entries = journal.entries
    ts = entries["timestamp"]
    february = entries[(ts >= "2026-02-01") & (ts < "2026-03-01")]
    first = ts.min()
    cases = [
        ("timeline", {"window": 3, "flags": True}, {}),
        ("calendar", {}, {"first_day": first, "start": "2026-02-01", "end": "2026-02-28"}),
        ("time_of_day_weekday", {}, {}),
        ("body_map", {}, {}),
        ("descriptors", {}, {}),
        ("association", {"variable": "sleep_hours", "lag": 1, "n_boot": 20}, {}),
    ]
    for kind, options, placement in cases:
        plot, update = getattr(pj, f"plot_{kind}"), getattr(pj, f"update_{kind}")
        digests = []
        for use_data in (False, True):
            fig, ax = plt.subplots(figsize=(6, 4), dpi=60)
            plot(entries, ax=ax)
            if use_data:
                update(ax, data=getattr(pj, f"{kind}_data")(february, **options), **placement)
            else:
                update(ax, february, **options, **placement)
            digests.append(_pixels(fig))
            plt.close(fig)
        assert digests[0] == digests[1], kind
    # the overview, every panel and the title
    digests = []
    for use_data in (False, True):
        fig = pj.plot_overview(entries, fig=plt.figure(figsize=(9, 9), dpi=50))
        placement = {"first_day": first, "start": "2026-02-01", "end": "2026-02-28"}
        if use_data:
            pj.update_overview(fig, data=pj.overview_data(february), **placement)
        else:
            pj.update_overview(fig, february, **placement)
        digests.append(_pixels(fig))
        plt.close(fig)
    assert digests[0] == digests[1]


def test_updates_from_data_call_no_analysis(journal, request):
    entries = journal.entries
    february = entries[entries["timestamp"].dt.month == 2]
    first = entries["timestamp"].min()
    numbers = {
        "timeline": pj.timeline_data(february, flags=True),
        "calendar": pj.calendar_data(february),
        "time_of_day_weekday": pj.time_of_day_weekday_data(february),
        "body_map": pj.body_map_data(february),
        "descriptors": pj.descriptors_data(february),
        "association": pj.association_data(february, n_boot=0),
        "overview": pj.overview_data(february),
    }
    axes = {}
    for kind in numbers:
        if kind == "overview":
            axes[kind] = pj.plot_overview(entries)
        else:
            axes[kind] = getattr(pj, f"plot_{kind}")(entries, ax=plt.subplots()[1])
    request.getfixturevalue("no_analysis")
    for kind, data in numbers.items():
        update = getattr(pj, f"update_{kind}")
        placement = {"first_day": first} if kind in ("calendar", "overview") else {}
        assert isinstance(update(axes[kind], data=data, **placement), list)


def test_data_and_entries_together_or_neither_are_refused(journal):
    data = pj.calendar_data(journal)
    ax = plt.subplots()[1]
    with pytest.raises(TypeError, match="not both"):
        pj.plot_calendar(journal, ax=ax, data=data)
    with pytest.raises(TypeError, match="give the entries"):
        pj.plot_calendar(ax=ax)
    with pytest.raises(TypeError, match="not both"):
        pj.plot_phases(journal, data=pj.phases_data(journal, start="2026-02-15"))


def test_an_option_that_disagrees_with_the_data_is_refused(journal):
    data = pj.timeline_data(journal, window=14)
    ax = plt.subplots()[1]
    with pytest.raises(ValueError, match="window=3 differs from the data.*window=14"):
        pj.update_timeline(pj.plot_timeline(data=data, ax=ax), data=data, window=3)
    pj.plot_timeline(data=data, ax=plt.subplots()[1], window=14)  # the same value is fine
    with pytest.raises(ValueError, match="column='spasms'"):
        pj.plot_calendar(data=pj.calendar_data(journal), column="spasms")
    with pytest.raises(ValueError, match="flags"):
        pj.plot_timeline(data=data, flags=True)
    association = pj.association_data(journal, n_boot=50)
    pj.plot_association(data=association, n_boot=50, ax=plt.subplots()[1])
    with pytest.raises(ValueError, match="n_boot=60 differs from the data, made with n_boot=50"):
        pj.plot_association(data=association, n_boot=60)


def test_the_overview_computes_each_analysis_once(journal, monkeypatch):
    import sys

    counts: dict[str, int] = {}
    functions = _analysis_functions()
    by_id = {id(f): n for n, f in functions.items()}

    def counted(name, function):
        def call(*args, **kwargs):
            counts[name] = counts.get(name, 0) + 1
            return function(*args, **kwargs)

        return call

    for module in [m for n, m in sys.modules.items() if n.startswith("sci_pain.plotting") and m]:
        for attr, value in list(vars(module).items()):
            if id(value) in by_id:
                monkeypatch.setattr(module, attr, counted(by_id[id(value)], value))
    data = pj.overview_data(journal)
    pj.plot_overview(data=data)
    pj.overview_alt_text(data)
    assert counts == {
        "as_entries": counts["as_entries"],  # only reads the input, no computation
        "rolling_trend": 1,
        "daily_summary": 1,
        "timestamps": 1,
        "numeric": 1,
        "scan_red_flags": 1,
        "time_of_day_weekday": 1,
        "time_of_day_profile": 1,
        "pain_by_leg_site": 1,
        "pain_by_quality": 1,
        "summarize_journal": 1,
    }


def test_the_overview_groups_the_days_once(journal, monkeypatch):
    # the summary in the title and the alt text takes the timeline's daily summary instead
    # of grouping the entries by day a second time (the dashboard's date range redraws it)
    import sci_pain.analysis.daily as daily
    import sci_pain.plotting.journal.timeline as timeline

    original = daily.daily_summary
    calls = []

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(daily, "daily_summary", counted)  # summarize_journal's own call
    monkeypatch.setattr(timeline, "daily_summary", counted)
    data = pj.overview_data(journal)
    assert len(calls) == 1
    assert data.summary.equals(analysis.summarize_journal(journal))


def test_numbers_are_frozen(journal):
    data = pj.timeline_data(journal)
    with pytest.raises(AttributeError):
        data.window = 3
    assert isinstance(sp.timeline_data(journal), pj.TimelineData)
    assert isinstance(data.trend, pd.DataFrame)


def test_every_kind_has_its_four_steps_on_the_layer_api():
    import sci_pain.plotting as plotting

    for kind in pj.PLOT_KINDS:
        steps = [f"{kind}_data", f"plot_{kind}", f"{kind}_alt_text"]
        steps += [] if kind == "phases" else [f"update_{kind}"]
        for name in steps:
            assert getattr(plotting, name) is getattr(pj, name), name
    for name in plotting.__all__:  # every public name of the layer resolves
        assert getattr(plotting, name) is not None
    for name in ("timeline_data", "overview_data", "association_data", "journal_alt_text"):
        assert getattr(sp, name) is getattr(plotting, name)
