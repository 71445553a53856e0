"""Clinical scores: worked examples computed by hand from the source definitions.

Sources: Modified Ashworth (Bohannon & Smith 1987), Penn Spasm Frequency Scale (Penn et al.
1989; two-part form from the NINDS Common Data Elements), Braden (Bergstrom et al. 1987),
Wells DVT 2003 (Wells et al. 2003), BMI (WHO 2000; Laughton et al. 2009), DN4 (Bouhassira et
al. 2005).
"""

from __future__ import annotations

import dataclasses
import decimal
import fractions
import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sci_pain as sp
from sci_pain.analysis import (
    BRADEN_BANDS,
    MAS_GRADES,
    AshworthResult,
    BMIResult,
    BradenResult,
    DN4Result,
    PennResult,
    ScoreError,
    WellsResult,
    bmi,
    body,
    braden,
    dn4,
    modified_ashworth,
    neuropathic,
    penn_spasm_frequency,
    score_definition,
    scores,
    skin_dvt,
    spasticity,
    wells_dvt,
)
from sci_pain.html import score_html

BRADEN_KEYS = ["sensory_perception", "moisture", "activity", "mobility", "nutrition"]
WELLS_KEYS = [
    "active_cancer",
    "paralysis_paresis_or_cast",
    "bedridden_or_recent_surgery",
    "deep_vein_tenderness",
    "entire_leg_swollen",
    "calf_swelling_3cm",
    "pitting_oedema",
    "collateral_superficial_veins",
    "previous_dvt",
    "alternative_diagnosis_as_likely",
]
DN4_INTERVIEW = [
    "burning",
    "painful_cold",
    "electric_shocks",
    "tingling",
    "pins_and_needles",
    "numbness",
    "itching",
]
DN4_EXAM = ["hypoesthesia_touch", "hypoesthesia_pinprick", "brushing"]
DN4_KEYS = DN4_INTERVIEW + DN4_EXAM

ABOVE_BANDS = "above the form's risk bands (not 'no risk')"


def _braden_answers(**overrides):
    answers = dict.fromkeys(BRADEN_KEYS, 4) | {"friction_shear": 3}
    return answers | overrides


def _dn4_answers(*yes):
    return {key: key in yes for key in DN4_KEYS}


# -- the data file ------------------------------------------------------------------------------


def test_every_score_cites_its_primary_source():
    expected = {
        "modified_ashworth": ["bohannon1987"],
        "penn_spasm_frequency": ["penn1989", "ninds_cde_psfs"],
        "braden": ["braden_form", "bergstrom1987"],
        "wells_dvt": ["wells2003"],
        "bmi": ["who2000", "laughton2009"],
        "dn4": ["bouhassira2005"],
    }
    for name, keys in expected.items():
        assert score_definition(name)["citations"] == keys


def test_score_citations_resolve_in_references():
    names = ["modified_ashworth", "penn_spasm_frequency", "braden", "wells_dvt", "bmi", "dn4"]
    cited = {key for name in names for key in score_definition(name)["citations"]}
    references = sp.load_references()
    missing = sorted(cited - set(references.index))
    assert not missing, f"references.yaml does not have {missing}"
    for key in cited:
        assert sp.format_citation(key).strip(), key


def test_score_definition_is_a_copy_and_suggests_close_names():
    record = score_definition("braden")
    record["subscales"].clear()
    assert len(score_definition("braden")["subscales"]) == 6
    with pytest.raises(ValueError, match=r"Did you mean 'wells_dvt'\?"):
        score_definition("wells")


def test_public_names_are_exported():
    modules = (scores, spasticity, skin_dvt, body, neuropathic)
    for module in modules:
        for name in module.__all__:
            if name in {
                "ScoreResult",
                "ScreenResult",
                "yes_no_items",
            }:  # shared machinery, not for learners
                continue
            assert getattr(sp, name) is getattr(module, name), (module.__name__, name)
    assert sp.score_html is score_html


# -- Modified Ashworth --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_grade", "code"),
    [
        ("1+", "1+"),
        (" 1+ ", "1+"),
        ("1 +", "1+"),
        (1, "1"),
        ("1", "1"),
        (np.int64(1), "1"),
        (1.0, "1"),
        (0, "0"),
        ("4", "4"),
        (4, "4"),
    ],
)
def test_ashworth_accepts_the_grade_as_text_or_number(given_grade, code):
    assert modified_ashworth(given_grade).grade == code


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        ("0", "No increase in muscle tone"),
        ("1", "catch and release"),
        ("1+", "less than half"),
        ("2", "moves easily"),
        ("3", "passive movement is difficult"),
        ("4", "rigid"),
    ],
)
def test_ashworth_definitions_follow_bohannon_and_smith(code, phrase):
    result = modified_ashworth(code)
    assert isinstance(result, AshworthResult)
    assert phrase in result.definition
    assert result.definition in result.interpretation
    assert result.citations == ("bohannon1987",)
    assert result.items[0].answer == code


def test_ashworth_grades_compare_by_order_not_by_number():
    ordered = ["0", "1", "1+", "2", "3", "4"]
    assert list(MAS_GRADES.categories) == ordered and MAS_GRADES.ordered
    results = [modified_ashworth(code) for code in ordered]
    assert [r.rank for r in results] == list(range(6))
    shuffled = [results[i] for i in (3, 0, 5, 2, 4, 1)]
    assert sorted(shuffled) == results
    assert modified_ashworth(1) < modified_ashworth("1+") < modified_ashworth(2)
    assert modified_ashworth("1") == modified_ashworth(1)
    assert max(results).grade == "4"
    series = pd.Series(["2", "1+", "1", "0"], dtype=MAS_GRADES)
    assert series.max() == "2"
    assert series.sort_values().tolist() == ["0", "1", "1+", "2"]
    assert (series > "1").tolist() == [True, True, False, False]


def test_ashworth_rejects_one_point_five_and_says_why():
    with pytest.raises(ScoreError, match=r"'1\+' is a category of its own") as info:
        modified_ashworth(1.5)
    assert info.value.item == "grade"
    assert info.value.valid == ("0", "1", "1+", "2", "3", "4")


@pytest.mark.parametrize("bad", [5, -1, "5", "1++", "one", None, True, 2.5, [1], math.nan])
def test_ashworth_out_of_range_names_the_valid_grades(bad):
    with pytest.raises(ScoreError, match=r"'grade' must be one of \['0', '1', '1\+', '2'"):
        modified_ashworth(bad)


def test_ashworth_suggests_close_matches():
    with pytest.raises(ScoreError, match=r"Did you mean '1\+'"):
        modified_ashworth("1+ +")


# -- Penn Spasm Frequency Scale -----------------------------------------------------------------


def test_penn_no_spasms_has_no_severity():
    result = penn_spasm_frequency(0)
    assert isinstance(result, PennResult)
    assert (result.frequency, result.severity, result.band) == (0, None, "no spasms")
    assert result.items[1].answer == "not asked (no spasms)"
    assert result.citations == ("penn1989", "ninds_cde_psfs")


def test_penn_severity_is_ignored_with_a_note_when_frequency_is_zero():
    result = penn_spasm_frequency(0, severity=3)
    assert result.severity is None
    assert "the severity given (3) was ignored" in result.interpretation


@pytest.mark.parametrize(
    ("frequency", "severity", "phrase"),
    [
        (1, 1, "only when stimulated"),
        (2, 3, "less than once an hour"),
        (3, 2, "more than once an hour"),
        (4, 1, "more than 10 times an hour"),
    ],
)
def test_penn_reports_frequency_and_severity_side_by_side(frequency, severity, phrase):
    result = penn_spasm_frequency(frequency, severity=severity)
    assert (result.frequency, result.severity) == (frequency, severity)
    assert phrase in result.band
    assert ["mild", "moderate", "severe"][severity - 1] in result.band
    assert [i.answer[0] for i in result.items] == [str(frequency), str(severity)]
    assert [i.points for i in result.items] == [None, None]  # two answers, never summed


def test_penn_requires_severity_when_there_are_spasms():
    with pytest.raises(ScoreError, match="Severity is required") as info:
        penn_spasm_frequency(2)
    assert info.value.item == "severity"


@pytest.mark.parametrize(
    ("kwargs", "item"),
    [
        ({"frequency": 5}, "frequency"),
        ({"frequency": -1}, "frequency"),
        ({"frequency": "3"}, "frequency"),
        ({"frequency": 0, "severity": 4}, "severity"),
        ({"frequency": 0, "severity": 0}, "severity"),
        ({"frequency": 2, "severity": 1.5}, "severity"),
    ],
)
def test_penn_out_of_range_names_the_item(kwargs, item):
    with pytest.raises(ScoreError) as info:
        penn_spasm_frequency(**kwargs)
    assert info.value.item == item
    assert f"{item!r} must be one of" in str(info.value)


# -- Braden -------------------------------------------------------------------------------------


def test_braden_all_best_is_23_no_risk():
    result = braden(**_braden_answers())  # 4 + 4 + 4 + 4 + 4 + 3
    assert isinstance(result, BradenResult)
    assert (result.total, result.band, result.at_risk) == (23, ABOVE_BANDS, False)
    assert "no risk" not in result.band.replace("'no risk'", "")  # the form has no such band
    assert result.citations == ("braden_form", "bergstrom1987")
    assert [i.points for i in result.items] == [4, 4, 4, 4, 4, 3]


def test_braden_all_worst_is_6_very_high_risk():
    result = braden(**dict.fromkeys([*BRADEN_KEYS, "friction_shear"], 1))
    assert (result.total, result.band, result.at_risk) == (6, "severe risk", True)


def test_braden_wheelchair_user_worked_example():
    # very limited sensation 2, occasionally moist 3, chairfast 2, very limited mobility 2,
    # adequate nutrition 3, potential friction problem 2: 2 + 3 + 2 + 2 + 3 + 2 = 14
    result = braden(
        sensory_perception=2, moisture=3, activity=2, mobility=2, nutrition=3, friction_shear=2
    )
    assert (result.total, result.band) == (14, "moderate risk")
    assert "lower means higher risk" in result.interpretation


def _answers_for_total(total):
    """Hand-built answers: start at all 1s (6) and raise subscales in order until the total."""
    answers, extra = dict.fromkeys([*BRADEN_KEYS, "friction_shear"], 1), total - 6
    for key in answers:
        room = (3 if key == "friction_shear" else 4) - 1
        step = min(room, extra)
        answers[key] += step
        extra -= step
    assert sum(answers.values()) == total
    return answers


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (6, "severe risk"),
        (9, "severe risk"),
        (10, "high risk"),
        (12, "high risk"),
        (13, "moderate risk"),
        (14, "moderate risk"),
        (15, "mild risk"),
        (18, "mild risk"),
        (19, ABOVE_BANDS),
        (23, ABOVE_BANDS),
    ],
)
def test_braden_default_bands_at_their_edges(total, band):
    assert braden(**_answers_for_total(total)).band == band


@pytest.mark.parametrize(
    ("cutoffs", "total", "at_risk"),
    [
        (16, 16, True),  # "at risk at 16 or less"
        (16, 17, False),
        (17, 17, True),  # "at risk below 18" is a cut-off of 17 for whole-number totals
        (17, 18, False),
    ],
)
def test_braden_single_cutoff(cutoffs, total, at_risk):
    result = braden(**_answers_for_total(total), cutoffs=cutoffs)
    assert result.at_risk is at_risk
    assert result.band == ("at risk" if at_risk else "not at risk")
    assert result.bands == ((cutoffs, "at risk"), (23, "not at risk"))


def test_braden_custom_bands_as_mapping_or_pairs():
    bands = {23: "no risk", 12: "high", 18: "some"}
    assert braden(**_answers_for_total(17), cutoffs=bands).band == "some"
    assert braden(**_answers_for_total(12), cutoffs=list(bands.items())).band == "high"
    assert braden(**_answers_for_total(19), cutoffs=bands).at_risk is False


def test_braden_concern_never_rises_as_the_total_rises():
    concerns = [braden(**_answers_for_total(t)).concern for t in range(6, 24)]
    assert concerns == sorted(concerns, reverse=True)
    assert concerns[0] == 3 and concerns[-1] == 0


def test_braden_every_combination_totals_and_bands_by_hand():
    hand_bands = [(9, "severe risk"), (12, "high risk"), (14, "moderate risk")]
    hand_bands += [(18, "mild risk"), (23, ABOVE_BANDS)]
    assert hand_bands == list(BRADEN_BANDS)
    for combo in itertools.product(range(1, 5), range(1, 5), range(1, 5), range(1, 5), [1, 4]):
        for friction in (1, 2, 3):
            answers = dict(zip(BRADEN_KEYS, combo, strict=True)) | {"friction_shear": friction}
            total = sum(combo) + friction
            expected = next(label for bound, label in hand_bands if total <= bound)
            result = braden(**answers)
            assert (result.total, result.band) == (total, expected)


def test_braden_missing_subscales_are_listed():
    with pytest.raises(ScoreError, match=r"missing \['sensory_perception', 'activity'"):
        braden(moisture=3, mobility=2, nutrition=3, friction_shear=2)


@pytest.mark.parametrize(
    ("item", "value", "valid"),
    [
        ("friction_shear", 4, "[1, 2, 3]"),
        ("moisture", 0, "[1, 2, 3, 4]"),
        ("nutrition", 5, "[1, 2, 3, 4]"),
        ("activity", True, "[1, 2, 3, 4]"),
        ("mobility", 2.5, "[1, 2, 3, 4]"),
        ("sensory_perception", "4", "[1, 2, 3, 4]"),
    ],
)
def test_braden_out_of_range_names_item_value_and_valid_points(item, value, valid):
    with pytest.raises(ScoreError) as info:
        braden(**_braden_answers(**{item: value}))
    message = str(info.value)
    assert f"{item!r} must be one of {valid}; got {value!r}" in message
    assert "1 = " in message  # the meaning of each point is shown
    assert (info.value.scale, info.value.item, info.value.value) == ("Braden", item, value)


@pytest.mark.parametrize(
    "cutoffs",
    [23, 5, "16", 16.5, True, {}, {18: "x"}, {12: "", 23: "y"}, {"a": "x", 23: "y"}, [1, 2]],
)
def test_braden_unreadable_cutoffs_explain_the_forms(cutoffs):
    with pytest.raises(ScoreError) as info:
        braden(**_braden_answers(), cutoffs=cutoffs)
    assert info.value.item == "cutoffs"


# -- Wells DVT ----------------------------------------------------------------------------------


def test_wells_paralysis_plus_calf_is_two_likely():
    result = wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True)  # 1 + 1
    assert isinstance(result, WellsResult)
    assert (result.total, result.likely, result.band) == (2, True, "DVT likely")
    assert "would be 1 (unlikely)" in result.interpretation
    assert result.citations == ("wells2003",)


def test_wells_paralysis_alone_is_one_unlikely():
    result = wells_dvt(paralysis_paresis_or_cast=True)
    assert (result.total, result.band) == (1, "DVT unlikely")


def test_wells_alternative_diagnosis_subtracts_two():
    assert wells_dvt(alternative_diagnosis_as_likely=True).total == -2
    everything = dict.fromkeys(WELLS_KEYS, True)
    assert wells_dvt(**everything).total == 9 - 2
    assert wells_dvt(**everything | {"alternative_diagnosis_as_likely": False}).total == 9


@pytest.mark.parametrize("present", [[], ["paralysis_paresis_or_cast"], WELLS_KEYS[:5]])
def test_wells_always_carries_the_sci_note_and_the_emergency_warning(present):
    result = wells_dvt(**dict.fromkeys(present, True))
    assert "paralysis item scores for everyone" in result.caveat
    assert "one point nearer" in result.caveat
    assert "not established" in result.caveat
    assert "Teaching calculator" in result.warning and "emergency" in result.warning
    assert result.warning in " ".join(score_html(result).split())


def test_wells_every_subset_by_hand():
    for mask in itertools.product([False, True], repeat=len(WELLS_KEYS)):
        answers = dict(zip(WELLS_KEYS, mask, strict=True))
        total = sum(mask[:9]) - 2 * mask[9]
        result = wells_dvt(**answers)
        assert result.total == total
        assert result.likely is (total >= 2)


def test_wells_accepts_numpy_booleans():
    assert wells_dvt(previous_dvt=np.bool_(True), entire_leg_swollen=np.True_).total == 2


@pytest.mark.parametrize("bad", ["yes", 1, 0, None, 1.0, "True"])
def test_wells_items_must_be_true_or_false(bad):
    with pytest.raises(ScoreError, match=r"'previous_dvt' must be one of \[True, False\]"):
        wells_dvt(previous_dvt=bad)


# -- BMI ----------------------------------------------------------------------------------------


def test_bmi_23_is_at_risk_after_sci_but_normal_for_who():
    result = bmi(weight_kg=70.4, height_m=1.75)  # 70.4 / 1.75**2 = 22.99 -> 23.0
    assert isinstance(result, BMIResult)
    assert result.bmi == 23.0
    assert result.who_band == "normal range"
    assert result.sci_at_risk is True
    assert result.citations == ("who2000", "laughton2009")
    assert "73.9%" in result.interpretation  # Laughton 2009: BMI 30 missed 73.9%
    assert "fat" in result.interpretation


def test_bmi_threshold_is_strictly_above_22():
    assert bmi(weight_kg=71.28, height_m=1.8).bmi == 22.0  # 71.28 / 3.24 = 22.0
    assert bmi(weight_kg=71.28, height_m=1.8).sci_at_risk is False
    assert bmi(weight_kg=71.61, height_m=1.8).sci_at_risk is True  # 22.1


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (18.4, "underweight"),
        (18.5, "normal range"),
        (24.9, "normal range"),
        (25.0, "overweight (pre-obese)"),
        (29.9, "overweight (pre-obese)"),
        (30.0, "obese class I"),
        (35.0, "obese class II"),
        (40.0, "obese class III"),
    ],
)
def test_bmi_who_bands(value, band):
    result = bmi(weight_kg=value * 4, height_m=2.0)  # height 2 m: BMI = weight / 4
    assert result.bmi == value
    assert result.who_band == band
    assert band in result.band


def test_bmi_height_in_cm_or_m_agree():
    assert bmi(weight_kg=80, height_cm=180).bmi == bmi(weight_kg=80, height_m=1.8).bmi == 24.7


@pytest.mark.parametrize(
    ("kwargs", "item"),
    [
        ({"weight_kg": 70}, "height_m"),
        ({"weight_kg": 70, "height_m": 1.7, "height_cm": 170}, "height_m"),
        ({"weight_kg": 0, "height_m": 1.7}, "weight_kg"),
        ({"weight_kg": 500, "height_m": 1.7}, "weight_kg"),
        ({"weight_kg": "70", "height_m": 1.7}, "weight_kg"),
        ({"weight_kg": math.nan, "height_m": 1.7}, "weight_kg"),
        ({"weight_kg": True, "height_m": 1.7}, "weight_kg"),
        ({"weight_kg": 70, "height_m": 170}, "height_m"),
        ({"weight_kg": 70, "height_cm": 1.7}, "height_cm"),
        ({"weight_kg": 70, "height_m": math.inf}, "height_m"),
    ],
)
def test_bmi_out_of_range_names_item_and_range(kwargs, item):
    with pytest.raises(ScoreError) as info:
        bmi(**kwargs)
    assert info.value.item == item
    assert item in str(info.value)


# -- DN4 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yes", "total", "positive"),
    [
        ([], 0, False),
        (["burning", "tingling", "hypoesthesia_touch"], 3, False),
        (["burning", "tingling", "numbness", "brushing"], 4, True),
        (DN4_INTERVIEW, 7, True),
        (DN4_KEYS, 10, True),
    ],
)
def test_dn4_cutoff_is_four_of_ten(yes, total, positive):
    result = dn4(**_dn4_answers(*yes))
    assert isinstance(result, DN4Result)
    assert (result.total, result.positive) == (total, positive)
    assert result.band.startswith("positive" if positive else "negative")
    assert result.citations == ("bouhassira2005",)


def test_dn4_subtotals_for_interview_and_examination():
    result = dn4(**_dn4_answers("burning", "itching", "brushing", "hypoesthesia_pinprick"))
    assert (result.interview_total, result.examination_total) == (2, 2)
    assert [i.key for i in result.items] == DN4_KEYS


def test_dn4_needs_the_examination_items():
    # no interview-only version: leaving out the examination is an error, not a 7-item score
    with pytest.raises(ScoreError, match=r"missing \['hypoesthesia_touch'"):
        dn4(**dict.fromkeys(DN4_INTERVIEW, True))


@pytest.mark.parametrize("bad", ["yes", 1, 0.0, "no"])
def test_dn4_answers_must_be_true_or_false(bad):
    with pytest.raises(ScoreError, match=r"'numbness' must be one of \[True, False\]"):
        dn4(**_dn4_answers() | {"numbness": bad})


# -- results ---------------------------------------------------------------------------------

ALL_RESULTS = {
    "ashworth": lambda: modified_ashworth("1+"),
    "penn": lambda: penn_spasm_frequency(3, severity=2),
    "braden": lambda: braden(**_braden_answers()),
    "wells": lambda: wells_dvt(paralysis_paresis_or_cast=True),
    "bmi": lambda: bmi(weight_kg=70.4, height_m=1.75),
    "dn4": lambda: dn4(**_dn4_answers("burning")),
}


@pytest.mark.parametrize("name", ALL_RESULTS)
def test_results_are_frozen_and_carry_the_common_fields(name):
    result = ALL_RESULTS[name]()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.band = "changed"
    assert result.band and result.interpretation and result.citations
    assert result.summary.startswith(result.title)
    frame = result.to_frame()
    assert list(frame.columns) == ["item", "label", "answer", "points"]
    assert len(frame) == len(result.items)


# -- garbage in: only ValueError out ------------------------------------------------------------

GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.complex_numbers(),
    st.fractions(),
    st.decimals(allow_nan=True),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.sampled_from([pd.NA, np.nan, np.array([1, 2]), np.int8(3), np.float32(2.0), object()]),
)


def _only_value_errors(call, expected_type):
    try:
        result = call()
    except ValueError as err:
        assert isinstance(err, ScoreError) or "score named" in str(err)
    else:
        assert isinstance(result, expected_type)


@settings(max_examples=150, deadline=None)
@given(value=GARBAGE)
def test_garbage_ashworth(value):
    _only_value_errors(lambda: modified_ashworth(value), AshworthResult)


@settings(max_examples=150, deadline=None)
@given(frequency=GARBAGE, severity=GARBAGE)
def test_garbage_penn(frequency, severity):
    _only_value_errors(lambda: penn_spasm_frequency(frequency, severity=severity), PennResult)


@settings(max_examples=150, deadline=None)
@given(
    item=st.sampled_from([*BRADEN_KEYS, "friction_shear", "cutoffs"]),
    value=st.one_of(GARBAGE, st.dictionaries(st.integers(), st.text(max_size=3), max_size=3)),
)
def test_garbage_braden(item, value):
    _only_value_errors(lambda: braden(**_braden_answers() | {item: value}), BradenResult)


@settings(max_examples=150, deadline=None)
@given(item=st.sampled_from(WELLS_KEYS), value=GARBAGE)
def test_garbage_wells(item, value):
    _only_value_errors(lambda: wells_dvt(**{item: value}), WellsResult)


@settings(max_examples=150, deadline=None)
@given(weight=GARBAGE, height=GARBAGE, unit=st.sampled_from(["height_m", "height_cm"]))
def test_garbage_bmi(weight, height, unit):
    _only_value_errors(lambda: bmi(weight_kg=weight, **{unit: height}), BMIResult)


@settings(max_examples=150, deadline=None)
@given(
    weight=st.floats(min_value=20, max_value=400),
    height=st.floats(min_value=1.0, max_value=2.5),
)
def test_bmi_in_range_is_always_computed(weight, height):
    result = bmi(weight_kg=weight, height_m=height)
    assert result.bmi == round(weight / height**2, 1)
    assert result.sci_at_risk is (result.bmi > 22)


@settings(max_examples=150, deadline=None)
@given(item=st.sampled_from(DN4_KEYS), value=GARBAGE)
def test_garbage_dn4(item, value):
    _only_value_errors(lambda: dn4(**_dn4_answers() | {item: value}), DN4Result)


def test_decimal_and_fraction_inputs():
    # Fractions are real numbers and accepted; Decimals are not numbers.Real and are refused
    assert braden(**_braden_answers(moisture=fractions.Fraction(3))).total == 22
    with pytest.raises(ScoreError):
        braden(**_braden_answers(moisture=decimal.Decimal(3)))
