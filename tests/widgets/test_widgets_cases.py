"""Case widgets: set control values in code and check what changed (kernel-side state)."""

from __future__ import annotations

import sci_pain as sp


def test_case_explorer_switches_story_and_journal():
    box = sp.make_case_explorer()
    first = box.story.value
    figure = box.figure.outputs[0]["data"]["text/plain"]
    box.controls["case"].value = "raj_t11_diabetes"
    assert box.story.value != first and "Raj, 62" in box.story.value
    assert box.figure.outputs[0]["data"]["text/plain"] != figure
    assert "evening" in box.effects.value
    assert "sci-pain-case" in box._dom_classes


def test_iscip_exercise_marks_type_then_subtype_and_follows_the_case():
    explorer = sp.make_case_explorer("aisha_l1_at_level")
    box = sp.make_iscip_exercise(explorer)
    assert box.controls["pain"].value == "groin_thighs"
    box.controls["type"].value = "nociceptive"
    assert "Not quite: the type is neuropathic" in box.feedback.value
    box.controls["type"].value = "neuropathic"
    assert [v for _, v in box.controls["subtype"].options][1:] == [
        "at_level_sci",
        "below_level_sci",
        "other_neuropathic",
    ]
    box.controls["subtype"].value = "below_level_sci"
    assert "At-level zone for L1: L1, L2, L3, L4" in box.feedback.value
    box.controls["subtype"].value = "at_level_sci"
    assert "Correct" in box.feedback.value
    before = box.figure.outputs[0]["data"]["text/plain"]
    explorer.controls["case"].value = "daniel_t4_ad_pressure"
    assert box.controls["pain"].value == "headache"
    assert box.controls["type"].value is None
    assert box.figure.outputs[0]["data"]["text/plain"] != before
    box.controls["type"].value = "nociceptive"
    box.controls["subtype"].value = "other_nociceptive"
    assert "Correct" in box.feedback.value


def test_steps_mark_and_show_the_model_answer():
    explorer = sp.make_case_explorer("daniel_t4_ad_pressure")
    flags = sp.make_case_step(explorer, "red_flags")
    flags.controls["autonomic_dysreflexia"].value = True
    flags.button.click()
    assert "✔" in flags.feedback.value and "sci-pain-model-answer" in flags.feedback.value
    plan = sp.make_case_step(explorer, "plan")
    plan.controls["heat"].value = True
    plan.button.click()
    assert "Not quite" in plan.feedback.value and "Cautions for Daniel" in plan.feedback.value
    screen = sp.make_case_step(explorer, "screen")
    screen.controls[0].value = True  # Braden 15: at risk
    screen.button.click()
    assert "Right: Braden" in screen.feedback.value and "sci-pain-score" in screen.feedback.value
    explorer.controls["case"].value = "sam_t10_overuse_weight"
    referral = sp.make_case_step(explorer, "referral")
    referral.controls["urgency"].value = "emergency"
    referral.button.click()
    assert "Not quite: this is routine" in referral.feedback.value
    assert "medications" in plan.controls and "autonomic_dysreflexia" in flags.controls
    bps = sp.make_case_step(explorer, "biopsychosocial")
    bps.button.click()
    assert "Model answer (biopsychosocial) for Sam" in bps.feedback.value


def test_static_fallbacks_carry_the_model_answer(monkeypatch):
    import IPython.display

    from sci_pain.widgets import STATIC_HTML_MIMETYPE

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    box = sp.show_case_step(step="plan", case_id="tom_t8_day10_calf")
    assert shown == [box]
    bundle = box._repr_mimebundle_()
    model = sp.model_answer_html("tom_t8_day10_calf", "plan")
    assert model.startswith("<details") and bundle[STATIC_HTML_MIMETYPE].endswith(model)
    name = sp.load_case("tom_t8_day10_calf").name  # the text form names the person, not the id
    assert bundle["text/plain"] == f"Case step (plan): {name}"
    assert "application/vnd.jupyter.widget-view+json" in bundle  # live, too


def test_a_misspelled_step_gets_a_suggestion():
    import pytest

    with pytest.raises(ValueError, match="no step 'red_flag'.*Did you mean 'red_flags'"):
        sp.make_case_step(step="red_flag", case_id="tom_t8_day10_calf")
