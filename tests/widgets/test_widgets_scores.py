"""Score widgets: driven by setting control values in code, asserting on the result HTML.

Every widget must show exactly what the pure function returns (``score_html`` of its
result), so the tests compare with that: no scoring logic can hide in a widget.
"""

from __future__ import annotations

import subprocess
import sys

import ipywidgets as w
import pytest
from widget_tree import descendants

import sci_pain as sp
from sci_pain.analysis import (
    ScoreError,
    bmi,
    braden,
    dn4,
    modified_ashworth,
    penn_spasm_frequency,
    wells_dvt,
)
from sci_pain.html import score_html
from sci_pain.widgets.scores import (
    make_ashworth_widget,
    make_bmi_widget,
    make_braden_widget,
    make_dn4_widget,
    make_penn_widget,
    make_wells_widget,
)

BUILDERS = {
    "ashworth": make_ashworth_widget,
    "penn": make_penn_widget,
    "braden": make_braden_widget,
    "wells": make_wells_widget,
    "bmi": make_bmi_widget,
    "dn4": make_dn4_widget,
}


def _values(box):
    return {name: control.value for name, control in box.controls.items()}


@pytest.mark.parametrize("name", BUILDERS)
def test_builder_returns_a_container_with_controls_and_result(name):
    box = BUILDERS[name]()
    assert isinstance(box, w.Box)
    assert isinstance(box.result, w.HTML)
    assert box.result in descendants(box)
    assert box.controls
    for control_name, control in box.controls.items():
        assert control.description.strip(), control_name
        tips = getattr(control, "tooltips", None) or [control.tooltip]
        assert all(tip and tip.strip() for tip in tips), control_name
        assert control in descendants(box)
    assert box.result.value  # a result (or a prompt) is shown before any change


@pytest.mark.parametrize("name", BUILDERS)
def test_builders_are_exported(name):
    builder = BUILDERS[name]
    assert getattr(sp, builder.__name__) is builder


def test_ipywidgets_is_imported_lazily():
    code = "import sys, sci_pain.widgets.scores; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- each widget --------------------------------------------------------------------------------


@pytest.mark.parametrize("grade", ["0", "1", "1+", "2", "3", "4"])
def test_ashworth_widget_shows_each_grade(grade):
    box = make_ashworth_widget()
    box.controls["grade"].value = grade
    assert box.result.value == score_html(modified_ashworth(grade))
    assert list(box.controls["grade"].options) == ["0", "1", "1+", "2", "3", "4"]
    assert len(box.controls["grade"].tooltips) == 6


def test_penn_widget_asks_for_severity_then_ignores_it_at_zero():
    box = make_penn_widget()
    assert box.result.value == score_html(penn_spasm_frequency(0))
    assert box.controls["severity"].disabled  # not asked without spasms
    box.controls["frequency"].value = 3
    assert not box.controls["severity"].disabled
    assert "now choose how strong they are" in box.result.value
    box.controls["severity"].value = 2
    assert box.result.value == score_html(penn_spasm_frequency(3, severity=2))
    box.controls["frequency"].value = 0
    assert "was ignored" in box.result.value


def test_braden_widget_starts_at_23_and_follows_each_subscale():
    box = make_braden_widget()
    assert box.result.value == score_html(braden(**_values(box)))
    assert "total 23" in box.result.value and "above the form" in box.result.value
    changes = {
        "sensory_perception": 2,
        "moisture": 3,
        "activity": 2,
        "mobility": 2,
        "nutrition": 3,
        "friction_shear": 2,
    }
    for name, points in changes.items():
        box.controls[name].value = points
        assert box.result.value == score_html(braden(**_values(box)))
    assert "total 14" in box.result.value and "moderate risk" in box.result.value


def test_braden_widget_with_a_single_cutoff():
    box = make_braden_widget(cutoffs=16)
    for name in ("sensory_perception", "activity", "mobility", "nutrition"):
        box.controls[name].value = 2  # 2 + 4 + 2 + 2 + 2 + 3 = 15
    assert box.result.value == score_html(braden(**_values(box), cutoffs=16))
    assert "total 15" in box.result.value and "at risk" in box.result.value


def test_braden_widget_rejects_bad_cutoffs_when_built():
    with pytest.raises(ScoreError, match="cut-off"):
        make_braden_widget(cutoffs=40)


def test_wells_widget_starts_with_paralysis_ticked_and_always_warns():
    box = make_wells_widget()
    assert box.controls["paralysis_paresis_or_cast"].value is True
    assert box.result.value == score_html(wells_dvt(paralysis_paresis_or_cast=True))
    assert "DVT unlikely" in box.result.value and "emergency" in box.result.value
    box.controls["calf_swelling_3cm"].value = True
    assert box.result.value == score_html(wells_dvt(**_values(box)))
    assert "DVT likely" in box.result.value and "emergency" in box.result.value
    box.controls["alternative_diagnosis_as_likely"].value = True
    assert "total 0" in box.result.value


def test_bmi_widget_shows_both_thresholds():
    box = make_bmi_widget()
    box.controls["weight_kg"].value = 70.4
    box.controls["height_cm"].value = 175.0
    assert box.result.value == score_html(bmi(weight_kg=70.4, height_cm=175.0))
    assert "23.0 kg/m²" in box.result.value
    assert "at risk of obesity after SCI" in box.result.value
    assert "WHO: normal range" in box.result.value
    box.controls["weight_kg"].value = 60.0  # 19.6
    assert "not above the SCI threshold" in box.result.value


@pytest.mark.parametrize("frequency", [1, 2, 3, 4])
def test_penn_widget_never_shows_a_raw_validation_error(frequency):
    # issue 14: picking a frequency above 0 showed "'severity' must be one of [1, 2, 3];
    # got None"; now it asks for the severity in plain words
    box = make_penn_widget()
    box.controls["frequency"].value = frequency
    text = box.result.value
    assert "sci-pain-score-pending" in text and "spasm severity" in text
    for raw in ("'severity'", "got None", "must be one of", "[1, 2, 3]", "Check the answers"):
        assert raw not in text


@pytest.mark.parametrize(
    ("control", "typed", "words"),
    [
        ("height_cm", 17, "Height 17 cm is outside"),
        ("height_cm", 1.75, "Height 1.75 cm is outside"),
        ("height_cm", 300, "Height 300 cm is outside"),
        ("weight_kg", 1000, "Weight 1000 kg is outside"),
        ("weight_kg", 0, "Weight 0 kg is outside"),
    ],
)
def test_bmi_widget_never_clamps_and_says_what_is_out_of_range(control, typed, words):
    # issue 14: a typed height of 17 cm silently became 100 cm and gave a BMI of 70
    box = make_bmi_widget()
    box.controls[control].value = typed
    assert box.controls[control].value == typed  # kept as typed, not clamped
    text = box.result.value
    assert words in text and "no BMI is shown" in text
    assert "kg/m²</b>" not in text  # no BMI value
    assert "height_cm" not in text and "weight_kg" not in text
    box.controls[control].value = 175.0 if control == "height_cm" else 70.0
    assert "kg/m²" in box.result.value and "outside" not in box.result.value


def test_dn4_widget_counts_ticks():
    box = make_dn4_widget()
    assert "0/10" in box.result.value and "negative" in box.result.value
    for name in ("burning", "tingling", "numbness"):
        box.controls[name].value = True
    assert "negative" in box.result.value
    box.controls["brushing"].value = True
    assert box.result.value == score_html(dn4(**_values(box)))
    assert "positive" in box.result.value
    headings = [c.value for c in descendants(box) if isinstance(c, w.HTML)]
    assert any("Interview" in h for h in headings) and any("Examination" in h for h in headings)


def test_results_use_palette_colours_and_text():
    box = make_wells_widget()
    box.controls["calf_swelling_3cm"].value = True
    assert sp.PALETTE["vermillion"] in box.result.value  # colour ...
    assert "<b>DVT likely</b>" in box.result.value  # ... always with the words
