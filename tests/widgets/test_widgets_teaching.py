"""The teaching widgets, driven by setting values in code."""

from __future__ import annotations

import pytest

import sci_pain as sp

pytest.importorskip("ipywidgets")


@pytest.fixture(scope="module")
def overuse():
    return sp.load_example_journal("overuse")


def test_lag_widget_redraws_with_alt_text(overuse):
    box = sp.make_lag_widget(overuse, n_boot=50)
    assert "sci-pain-lag-widget" in box._dom_classes
    slider = box.controls["lag"]
    assert (slider.value, slider.min, slider.max) == (0, 0, 3)
    first = box.result.value
    assert "<img" in first and "same day" in first
    slider.value = 1
    assert box.result.value != first
    assert 'alt="Scatter plot of daily mean pain against activity (day before)' in box.result.value


def test_lag_widget_other_variable_and_max_lag(overuse):
    box = sp.make_lag_widget(sp.load_example_journal("spasticity"), variable="spasms", max_lag=2)
    assert box.controls["lag"].max == 2
    assert "spasms" in box.result.value


def test_lag_widget_shows_errors_instead_of_raising(overuse):
    box = sp.make_lag_widget(overuse, variable="no_such_column", n_boot=20)
    assert "sci-pain-widget-error" in box.result.value


@pytest.mark.parametrize("max_lag", [0, 15, 1.5, True])
def test_lag_widget_checks_max_lag(overuse, max_lag):
    with pytest.raises(ValueError, match="max_lag"):
        sp.make_lag_widget(overuse, max_lag=max_lag)


@pytest.mark.parametrize(
    ("builder", "css"),
    [
        ("make_ashworth_widget", "sci-pain-ashworth"),
        ("make_penn_widget", "sci-pain-penn"),
        ("make_braden_widget", "sci-pain-braden"),
        ("make_wells_widget", "sci-pain-wells"),
        ("make_bmi_widget", "sci-pain-bmi"),
        ("make_dn4_widget", "sci-pain-dn4"),
    ],
)
def test_score_widgets_carry_their_own_css_class(builder, css):
    """The browser tests find each score widget by its own class (tests/browser/interactions)."""
    box = getattr(sp, builder)()
    assert {"sci-pain-score-widget", css} <= set(box._dom_classes)
