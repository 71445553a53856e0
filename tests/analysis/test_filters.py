"""Tests for sci_pain.analysis.filters: entries by date, site and side; a journal's days."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import sci_pain as sp
from sci_pain.analysis import AnalysisError, filter_entries, journal_days
from sci_pain.datasets import load_example_journal


@pytest.fixture(scope="module")
def journal():
    return load_example_journal("dvt")


def test_filter_entries(journal):
    entries = journal.entries
    assert filter_entries(entries) is entries
    feb = filter_entries(journal, start="2026-02-01", end=dt.date(2026, 2, 28))
    assert feb["timestamp"].min() >= pd.Timestamp("2026-02-01")
    assert feb["timestamp"].max() < pd.Timestamp("2026-03-01")
    assert feb["timestamp"].dt.normalize().max() == pd.Timestamp("2026-02-28")  # whole day
    calf = filter_entries(entries, site="calf", side="left")
    assert set(calf["site"]) == {"calf"} and set(calf["side"]) == {"left"}
    assert filter_entries(entries, site="hip").empty
    with pytest.raises(AnalysisError, match="site 'shin' is not in the journal format"):
        filter_entries(entries, site="shin")
    with pytest.raises(AnalysisError, match="no 'side' column"):
        filter_entries(entries[["timestamp", "pain"]], side="left")


def test_a_misspelled_side_gets_a_suggestion(journal):
    with pytest.raises(AnalysisError, match="Did you mean 'left'") as caught:
        filter_entries(journal, side="lefft")
    assert caught.value.column == "side"


def test_the_input_is_not_changed(journal):
    entries = journal.entries.copy()
    filter_entries(entries, start="2026-03-01", site="calf")
    pd.testing.assert_frame_equal(entries, journal.entries)


def test_journal_days(journal):
    days = journal_days(journal)
    assert days[0] == dt.date(2026, 1, 5) and days[-1] == dt.date(2026, 5, 4)
    assert len(days) == (days[-1] - days[0]).days + 1
    assert journal_days(journal.entries.iloc[:0]) == []


def test_filter_entries_is_an_analysis_name():
    assert sp.filter_entries is filter_entries
    assert sp.analysis.journal_days is journal_days
