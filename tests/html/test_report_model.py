"""The report's model: each analysis computed once, entries alone accepted."""

from __future__ import annotations

import collections
import inspect
import io
import sys

import pandas as pd
import pytest

import sci_pain as sp
import sci_pain.analysis
from sci_pain.html.report import render_report, report_html
from sci_pain.html.report_model import REPORT_ANALYSES, ReportModel, build_report_model


def _options(function, args, kwargs) -> tuple:
    """What makes two calls the same analysis: every option, defaults filled in, not the data."""
    bound = inspect.signature(function).bind(*args, **kwargs)
    bound.apply_defaults()
    return tuple(
        f"{k}={v!r}"
        for k, v in bound.arguments.items()
        if not isinstance(v, pd.DataFrame | pd.Series | sp.Journal)
    )


@pytest.fixture
def calls(monkeypatch) -> collections.Counter:
    """Count each analysis call the report asks for, by name and options.

    Other layers import through the lazy ``sci_pain.analysis`` package, so it is patched
    there; a module of another layer that bound a name directly (``from ... import name``) is
    patched too. Calls inside the analysis layer (``trend_slope`` using ``daily_values``) are
    that layer's own business and not counted.
    """
    counts: collections.Counter = collections.Counter()
    for name in REPORT_ANALYSES:
        original = getattr(sci_pain.analysis, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            counts[(_name, *_options(_original, args, kwargs))] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(sci_pain.analysis, name, counted)
        for module in list(sys.modules.values()):
            owner = getattr(module, "__name__", "") or ""
            if (
                owner.startswith("sci_pain.")
                and not owner.startswith("sci_pain.analysis")
                and module.__dict__.get(name) is original
            ):
                monkeypatch.setattr(module, name, counted)
    return counts


@pytest.fixture(scope="module")
def one_year() -> sp.Journal:
    frame = sp.simulate_journal("dvt", days=365, seed=7)
    return sp.read_journal(io.StringIO(frame.to_csv(index=False)))


def test_building_the_model_runs_each_analysis_once(calls, one_year):
    model = build_report_model(one_year, injury_level="T10")
    assert isinstance(model, ReportModel)
    twice = {key: n for key, n in calls.items() if n > 1}
    assert not twice, f"analyses computed more than once: {twice}"
    names = {key[0] for key in calls}
    assert {"summarize_journal", "daily_summary", "scan_red_flags", "trend_slope"} <= names
    assert {"time_of_day_profile", "weekday_profile", "compare_phases", "associations"} <= names


def test_a_model_renders_the_same_page_as_report_html(one_year):
    model = build_report_model(one_year, injury_level="T10", title="A year")
    assert render_report(model) == report_html(one_year, injury_level="T10", title="A year")


def test_entries_alone_with_text_timestamps_give_a_report():
    """simulate_journal's frame holds timestamps as text; report_html promised entries work."""
    frame = sp.simulate_journal("dvt", days=120, seed=1)
    assert not pd.api.types.is_datetime64_any_dtype(frame["timestamp"])
    page = report_html(frame)
    assert 'id="interventions"' in page and "could not be worked out" not in page
    journal = sp.read_journal(io.StringIO(frame.to_csv(index=False)))
    assert page == report_html(journal.entries), "the same page as from the parsed entries"
    assert (
        frame["timestamp"].dtype == sp.simulate_journal("dvt", days=120, seed=1)["timestamp"].dtype
    ), "the caller's frame is left as it was"


def test_text_timestamps_that_are_not_dates_are_a_clear_error():
    frame = sp.simulate_journal("dvt", days=10, seed=1)
    frame.loc[3, "timestamp"] = "last tuesday"
    with pytest.raises(sp.AnalysisError, match="timestamp"):
        report_html(frame)


def test_one_report_runs_each_analysis_once(calls, one_year):
    """The whole page, figures and red-flag box included: no analysis is computed twice."""
    report_html(one_year, injury_level="T10")
    twice = {key: n for key, n in calls.items() if n > 1}
    assert not twice, f"analyses computed more than once for one report: {twice}"


def test_rendering_a_model_computes_nothing(calls, one_year):
    """The numbers are all in the model, the red-flag episodes included: the sections,
    figures and red-flag box only read them."""
    model = build_report_model(one_year, injury_level="T10")
    assert any(k[0] == "red_flag_episodes" for k in calls)  # computed with the model
    assert model.episodes is not None and len(model.episodes) > 0
    calls.clear()
    render_report(model)
    assert not calls, f"analyses computed while rendering: {dict(calls)}"
