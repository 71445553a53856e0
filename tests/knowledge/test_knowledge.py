"""The knowledge base: schema, loaders, look-ups, management matching and the reasoning aid."""

from __future__ import annotations

import doctest
import html
import random
import re
import shutil

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

import sci_pain as sp
from sci_pain import course
from sci_pain._resources import data_path
from sci_pain.errors import KnowledgeError, UnknownNameError
from sci_pain.journal import COLUMNS as JOURNAL_COLUMNS
from sci_pain.journal import SITES as JOURNAL_SITES
from sci_pain.knowledge import loaders as knowledge
from sci_pain.knowledge import reasoning, records
from sci_pain.knowledge import schema as knowledge_schema
from sci_pain.knowledge import validate as knowledge_validate
from sci_pain.knowledge.schema import SCHEMAS, SITUATIONS
from sci_pain.knowledge.validate import find_problems, validate_knowledge

KNOWLEDGE = data_path("knowledge")
ISSUE_5_CAUSES = {
    "neuropathic_at_level",
    "neuropathic_below_level",
    "spasticity",
    "overuse_musculoskeletal",
    "muscle_atrophy",
    "pressure_injury",
    "weight_gain",
    "dvt",
    "heterotopic_ossification",
    "fragility_fracture",
    "autonomic_dysreflexia",
}
"""The causes issue 5 asks for."""


def raw(name: str) -> list[dict]:
    return yaml.safe_load((KNOWLEDGE / SCHEMAS[name].filename).read_text(encoding="utf-8"))


# -- the files as they are ------------------------------------------------------------------------


def test_bundled_knowledge_base_has_no_problems():
    problems = find_problems()
    assert problems.empty, problems.to_string()
    validate_knowledge()  # does not raise


def _citation_keys(node) -> list[str]:
    """Every value under a 'citations' or 'onset_citations' key, at any depth."""
    keys: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("citations", "onset_citations"):
                keys += list(value)
            else:
                keys += _citation_keys(value)
    elif isinstance(node, list):
        for item in node:
            keys += _citation_keys(item)
    return keys


@pytest.mark.parametrize("name", ["causes", "management", "red_flags", "findings"])
def test_every_citation_key_resolves_in_references(name):
    references = {r["key"] for r in raw("references")}
    keys = _citation_keys(raw(name))
    assert keys, f"{name}.yaml cites nothing"
    missing = sorted(set(keys) - references)
    assert not missing, f"{name}.yaml cites keys missing from references.yaml: {missing}"


@pytest.mark.parametrize("name", ["causes", "management", "red_flags", "findings"])
def test_every_record_has_a_citation(name):
    for record in raw(name):
        assert record.get("citations"), f"{name}.yaml record {record['id']!r} has no citations"


def raw_scores() -> dict:
    return yaml.safe_load((KNOWLEDGE / "scores.yaml").read_text(encoding="utf-8"))


def test_score_citations_resolve_and_every_scale_cites():
    references = {r["key"] for r in raw("references")}
    for scale, record in raw_scores().items():
        assert record.get("citations"), f"scores.yaml scale {scale!r} has no citations"
    missing = sorted(set(_citation_keys(raw_scores())) - references)
    assert not missing, f"scores.yaml cites keys missing from references.yaml: {missing}"


def test_every_reference_is_cited_somewhere():
    cited = set(_citation_keys(raw_scores()))
    for name in ("causes", "management", "red_flags", "findings"):
        cited |= set(_citation_keys(raw(name)))
    cited |= set(_citation_keys(yaml.safe_load(data_path("glossary.yaml").read_text("utf-8"))))
    cited |= set(_citation_keys(yaml.safe_load((KNOWLEDGE / "canpainsci.yaml").read_text())))
    for case in sorted((KNOWLEDGE.parent / "cases").glob("*.yaml")):  # the worked cases
        cited |= set(_citation_keys(yaml.safe_load(case.read_text(encoding="utf-8"))))
    unused = sorted({r["key"] for r in raw("references")} - cited)
    assert not unused, f"references.yaml has uncited entries: {unused}"


def test_management_targets_and_cause_management_agree_both_ways():
    causes = {c["id"]: set(c["management"]) for c in raw("causes")}
    options = {m["id"]: set(m["targets"]) for m in raw("management")}
    for cid, mids in causes.items():
        for mid in mids:
            assert mid in options, f"cause {cid!r} links unknown option {mid!r}"
            assert cid in options[mid], f"{mid!r} does not target {cid!r}"
    for mid, cids in options.items():
        for cid in cids:
            assert cid in causes, f"option {mid!r} targets unknown cause {cid!r}"
            assert mid in causes[cid], f"cause {cid!r} does not list {mid!r}"


def test_red_flags_and_cause_red_flags_agree_both_ways():
    causes = {c["id"]: set(c["red_flags"]) for c in raw("causes")}
    flags = {f["id"]: set(f["causes"]) for f in raw("red_flags")}
    for cid, fids in causes.items():
        for fid in fids:
            assert cid in flags[fid], f"red flag {fid!r} does not list cause {cid!r}"
    for fid, cids in flags.items():
        for cid in cids:
            assert fid in causes[cid], f"cause {cid!r} does not list red flag {fid!r}"


def test_findings_point_at_existing_causes_and_red_flags():
    causes = {c["id"] for c in raw("causes")}
    flags = {f["id"] for f in raw("red_flags")}
    for finding in raw("findings"):
        assert {e["cause"] for e in finding["effects"]} <= causes, finding["id"]
        assert set(finding["raises"]) <= flags, finding["id"]


def test_sites_and_journal_columns_use_the_journal_vocabulary():
    for cause in raw("causes"):
        assert set(cause["leg_sites"]) <= set(JOURNAL_SITES), cause["id"]
        assert set(cause["journal_columns"]) <= set(JOURNAL_COLUMNS), cause["id"]


def test_example_journals_named_by_causes_exist_and_carry_the_signature_columns():
    named = {c["id"]: c["example_journal"] for c in raw("causes") if c.get("example_journal")}
    without_example = {
        "neuropathic_at_level",
        "heterotopic_ossification",
        "fragility_fracture",
        "autonomic_dysreflexia",
    }
    assert set(named) == ISSUE_5_CAUSES - without_example
    causes = sp.load_causes()
    for cid, name in named.items():
        path = data_path("journals", f"{name}.csv")
        assert path.is_file(), f"{cid}: no example journal {path}"
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert set(causes.loc[cid, "journal_columns"]) <= set(header), cid
    assert causes.loc["heterotopic_ossification", "example_journal"] == ""


def test_no_doses_anywhere_in_the_knowledge_base():
    dose = re.compile(r"\b\d+(\.\d+)?\s*(mg|mcg|µg|g/day|mg/kg|ml|mL|units?|IU)\b")
    for path in KNOWLEDGE.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not dose.search(text), (
            f"{path.name} appears to give a dose: {dose.search(text)[0]!r}"
        )


def test_the_causes_issue_5_asks_for_are_all_there():
    assert set(sp.load_causes().index) == ISSUE_5_CAUSES


def test_management_options_cover_the_leaflet_and_the_guidelines():
    expected = {
        "physical_therapy",
        "medications",
        "botulinum_toxin",
        "diet",
        "electrical_stimulation",
        "heat",
        "orthotics",
        "rest",
        "pressure_relief",
        "dvt_prevention",
        "cbt_self_management",
        "topical_capsaicin",
    }
    assert set(sp.load_management().index) == expected


# -- facts from the fact sheet that the data must carry --------------------------------------------


def test_iscip_categories_follow_the_classification():
    causes = sp.load_causes()
    assert causes.loc["neuropathic_at_level", "iscip_subtype"] == "at_level_sci"
    assert causes.loc["neuropathic_below_level", "iscip_subtype"] == "below_level_sci"
    assert causes.loc["spasticity", "iscip_subtype"] == "musculoskeletal"  # muscle spasm pain
    assert causes.loc["fragility_fracture", "iscip_subtype"] == "musculoskeletal"  # femur fracture
    assert (
        causes.loc["autonomic_dysreflexia", "iscip_subtype"] == "other_nociceptive"
    )  # AD headache
    for cid, row in causes.iterrows():
        allowed = knowledge_schema.ISCIP_SUBTYPE_OF[row["iscip_type"]]
        assert row["iscip_subtype"] in allowed, cid


def test_onset_windows_match_the_fact_sheet():
    causes = sp.load_causes()
    dvt = causes.loc["dvt"]
    assert (dvt["onset_start_days"], dvt["onset_end_days"]) == (3, 90)  # from 72 h; first 3 months
    assert (dvt["peak_start_days"], dvt["peak_end_days"]) == (7, 10)
    ho = causes.loc["heterotopic_ossification"]
    assert (ho["onset_start_days"], ho["onset_end_days"]) == (19, 365)  # 19 days to 1 year
    assert ho["peak_end_days"] <= 120  # usually 1-4 months
    assert causes.loc["muscle_atrophy", "onset_end_days"] <= 24 * 7  # weeks, to 24 weeks
    assert causes.loc["weight_gain", "onset_end_days"] >= 10 * 365  # years
    for cid, row in causes.iterrows():
        assert 0 <= row["onset_start_days"] < row["onset_end_days"], cid
        assert row["onset_citations"], cid


def test_pressure_relief_and_sites_follow_the_guideline():
    relief = sp.load_management().loc["pressure_relief"]
    text = " ".join(relief["examples"]) + relief["evidence"]
    assert "1-2 minutes every 30 minutes" in text
    assert "every 2 hours" in text
    pressure = sp.get_cause("pressure_injury")
    assert {"sacrum", "ischium", "trochanter", "heel"} <= set(pressure.body_sites)
    assert "knee" not in pressure.leg_sites and "ankle" not in pressure.leg_sites


def test_medications_name_first_line_classes_and_opioids_not_first_line():
    meds = sp.load_management().loc["medications"]
    text = " ".join(meds["examples"]).lower()
    assert "first line: pregabalin or gabapentin" in text
    assert "amitriptyline" in text and "alternative" in text
    assert "not first line: opioids" in text
    notes = [c.text for c in meds["cautions"] if c.condition == "always"]
    assert any("Opioids are not first line" in n for n in notes)


def test_key_cautions_are_tied_to_situations():
    cautions = sp.load_cautions()

    def severity(option: str, condition: str) -> set[str]:
        rows = cautions[(cautions["management"] == option) & (cautions["condition"] == condition)]
        return set(rows["severity"].astype(str))

    assert severity("heat", "impaired_sensation") == {"contraindicated"}
    assert severity("electrical_stimulation", "pacemaker") == {"contraindicated"}
    assert severity("electrical_stimulation", "impaired_sensation") == {"precaution"}
    assert severity("topical_capsaicin", "injury_at_or_above_T6") == {"precaution"}
    assert severity("heat", "swollen_warm_leg") == {"seek_care_first"}
    assert set(cautions["condition"].astype(str)) <= set(SITUATIONS)


def test_botulinum_toxin_is_for_focal_spasticity_and_dvt_prevention_for_clinicians():
    options = sp.load_management()
    assert options.loc["botulinum_toxin", "targets"] == ("spasticity",)
    assert "focal" in options.loc["botulinum_toxin", "evidence"]
    assert options.loc["dvt_prevention", "delivered_by"] == ("clinician",)
    assert "no evidence that TENS" in options.loc["electrical_stimulation", "evidence"]


def test_red_flags_use_educational_wording():
    flags = sp.load_red_flags()
    assert list(flags.index[:2]) == ["dvt", "autonomic_dysreflexia"]
    for fid, row in flags.iterrows():
        steps = " ".join(row["what_to_do"]).lower()
        assert "medical care" in steps, fid
    assert "T6" in flags.loc["autonomic_dysreflexia", "who"]


# -- loaders ------------------------------------------------------------------------------------

LOADERS = {
    "causes": (sp.load_causes, "cause", ["label", "iscip_type", "onset_start_days", "citations"]),
    "management": (sp.load_management, "management", ["label", "targets", "cautions", "evidence"]),
    "red_flags": (sp.load_red_flags, "red_flag", ["label", "urgency", "signs", "what_to_do"]),
    "references": (sp.load_references, "key", ["title", "year", "citation"]),
    "findings": (sp.load_findings, "finding", ["label", "group", "supports", "raises"]),
}


@pytest.mark.parametrize("name", list(LOADERS))
def test_loader_returns_a_documented_frame_indexed_by_id(name):
    loader, index_name, columns = LOADERS[name]
    frame = loader()
    ids = [r[SCHEMAS[name].id_field] for r in raw(name)]
    assert isinstance(frame, pd.DataFrame)
    assert frame.index.name == index_name
    assert sorted(frame.index) == sorted(ids)
    assert frame.index.is_unique
    assert set(columns) <= set(frame.columns)
    assert loader.__doc__ and "Returns" in loader.__doc__


@pytest.mark.parametrize("name", list(LOADERS))
def test_loader_returns_a_fresh_copy(name):
    loader, _, columns = LOADERS[name]
    frame = loader()
    first, column = frame.index[0], columns[0]
    frame.loc[first, column] = "changed"
    assert loader().loc[first, column] != "changed"


@pytest.mark.parametrize(
    ("loader", "column"),
    [
        (sp.load_causes, "descriptors"),
        (sp.load_causes, "leg_sites"),
        (sp.load_causes, "management"),
        (sp.load_causes, "citations"),
        (sp.load_management, "targets"),
        (sp.load_management, "cautions"),
        (sp.load_red_flags, "what_to_do"),
        (sp.load_references, "authors"),
        (sp.load_findings, "supports"),
    ],
)
def test_list_fields_are_tuples(loader, column):
    assert all(isinstance(value, tuple) for value in loader()[column])


@pytest.mark.parametrize(
    ("loader", "column", "categories"),
    [
        (sp.load_causes, "iscip_type", knowledge_schema.ISCIP_TYPES),
        (sp.load_causes, "iscip_subtype", knowledge_schema.ISCIP_SUBTYPES),
        (sp.load_causes, "level", knowledge_schema.LEVELS),
        (sp.load_causes, "laterality", knowledge_schema.LATERALITY),
        (sp.load_red_flags, "urgency", knowledge_schema.URGENCIES),
        (sp.load_findings, "group", knowledge_schema.FINDING_GROUPS),
    ],
)
def test_ordered_categoricals(loader, column, categories):
    dtype = loader()[column].dtype
    assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered
    assert tuple(dtype.categories) == tuple(categories)


def test_load_cautions_is_the_long_form_of_the_management_cautions():
    cautions = sp.load_cautions()
    assert list(cautions.columns) == ["management", "condition", "severity", "text", "citations"]
    total = sum(len(c) for c in sp.load_management()["cautions"])
    assert len(cautions) == total
    assert cautions["severity"].dtype.ordered


def test_references_have_a_locator_and_formatted_citation():
    refs = sp.load_references()
    for key, row in refs.iterrows():
        assert row["journal"] or row["publisher"] or row["url"], key
        assert row["title"] in row["citation"] or row["title"].rstrip(".") in row["citation"], key
    assert str(refs["year"].dtype) == "Int64"
    assert sp.format_citation("siddall2003").startswith("Siddall PJ")
    with pytest.raises(UnknownNameError, match="siddall2003"):
        sp.format_citation("sidall2003")


def test_findings_constant_and_list_findings():
    assert tuple(sp.list_findings().index) == sp.FINDINGS
    signs = sp.list_findings("sign")
    assert set(signs["group"].astype(str)) == {"sign"}
    assert "dvt" in signs.loc["one_leg_swollen", "raises"]
    with pytest.raises(UnknownNameError, match="did you mean|Did you mean"):
        sp.list_findings("signs")


def test_list_situations():
    situations = sp.list_situations()
    assert list(situations.index) == list(SITUATIONS)
    assert {"impaired_sensation", "pacemaker", "injury_at_or_above_T6", "swollen_warm_leg"} <= set(
        situations.index
    )


# -- the validator on broken files ---------------------------------------------------------------


@pytest.fixture
def kb_copy(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    return folder


def _edit(folder, name: str, record_id: str, change) -> None:
    path = folder / SCHEMAS[name].filename
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    id_field = SCHEMAS[name].id_field
    record = next(r for r in records if r[id_field] == record_id)
    change(record)
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _row(problems: pd.DataFrame, file: str, record: str, field: str) -> pd.Series:
    match = problems[
        (problems["file"] == file) & (problems["record"] == record) & (problems["field"] == field)
    ]
    assert len(match) >= 1, problems.to_string()
    return match.iloc[0]


def test_broken_record_names_file_record_and_field(kb_copy):
    _edit(kb_copy, "causes", "dvt", lambda r: r.update(onset_days=["soon"]))
    problems = find_problems(kb_copy)
    row = _row(problems, "causes.yaml", "dvt", "onset_days")
    assert "two numbers of days" in row["problem"]
    with pytest.raises(KnowledgeError) as info:
        validate_knowledge(kb_copy)
    message = str(info.value)
    assert "causes.yaml" in message and "'dvt'" in message and "'onset_days'" in message
    assert isinstance(info.value.problems, pd.DataFrame) and len(info.value.problems) == len(
        problems
    )


def test_validator_collects_every_problem_not_just_the_first(kb_copy):
    def break_dvt(record):
        record["mechansim"] = record.pop("mechanism")
        record["level"] = "below"
        record["citations"] = [*record["citations"], "wells2030"]

    _edit(kb_copy, "causes", "dvt", break_dvt)
    _edit(kb_copy, "management", "heat", lambda r: r["cautions"][0].update(condition="numb_skin"))
    _edit(kb_copy, "findings", "burning", lambda r: r["effects"][0].update(weight=7))
    problems = find_problems(kb_copy)
    assert (
        "Did you mean 'mechanism'" in _row(problems, "causes.yaml", "dvt", "mechansim")["problem"]
    )
    assert "missing" in _row(problems, "causes.yaml", "dvt", "mechanism")["problem"]
    assert "below_level" in _row(problems, "causes.yaml", "dvt", "level")["problem"]
    assert "references.yaml" in _row(problems, "causes.yaml", "dvt", "citations")["problem"]
    assert (
        "impaired_sensation"
        in _row(problems, "management.yaml", "heat", "cautions[1].condition")["problem"]
    )
    assert "-3 to 3" in _row(problems, "findings.yaml", "burning", "effects[1].weight")["problem"]


def test_validator_checks_links_both_ways(kb_copy):
    _edit(kb_copy, "management", "heat", lambda r: r["targets"].append("dvt"))
    _edit(kb_copy, "red_flags", "fracture", lambda r: r["causes"].remove("spasticity"))
    problems = find_problems(kb_copy)
    assert "does not list 'heat'" in _row(problems, "management.yaml", "heat", "targets")["problem"]
    assert (
        "does not list 'spasticity'"
        in _row(problems, "causes.yaml", "spasticity", "red_flags")["problem"]
    )


def test_validator_checks_the_citations_of_the_scores(kb_copy):
    path = kb_copy / "scores.yaml"
    scores = yaml.safe_load(path.read_text(encoding="utf-8"))
    scores["braden"]["citations"] = ["bergstrom1978"]
    scores["dn4"]["citations"] = []
    path.write_text(yaml.safe_dump(scores, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems = find_problems(kb_copy)
    row = _row(problems, "scores.yaml", "braden", "citations")
    assert "references.yaml" in row["problem"] and "bergstrom1987" in row["problem"]
    assert "needs citations" in _row(problems, "scores.yaml", "dn4", "citations")["problem"]
    path.unlink()  # a folder without scores.yaml is fine: the loaders here do not need it
    assert find_problems(kb_copy).empty


def test_validator_reports_duplicates_syntax_errors_and_missing_files(kb_copy):
    refs = kb_copy / "references.yaml"
    refs.write_text(
        refs.read_text(encoding="utf-8") + "\n- key: siddall2003\n  kind: article\n  title: Again\n"
    )
    (kb_copy / "findings.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    (kb_copy / "red_flags.yaml").unlink()
    problems = find_problems(kb_copy)
    assert "duplicate" in _row(problems, "references.yaml", "siddall2003", "key")["problem"]
    assert problems["problem"].str.contains("YAML syntax error").any()
    assert problems["problem"].str.contains("file not found").any()


# -- get_cause --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "dvt",
        "DVT",
        "Deep vein thrombosis",
        "Deep vein thrombosis (DVT)",
        "blood clot",
        " deep-vein thrombosis ",
    ],
)
def test_get_cause_accepts_ids_labels_and_aliases(name):
    cause = sp.get_cause(name)
    assert isinstance(cause, sp.Cause)
    assert cause.id == "dvt" and cause.is_emergency is True
    assert cause.onset_start_days == 3.0


def test_get_cause_suggests_close_matches_on_a_typo():
    with pytest.raises(UnknownNameError) as info:
        sp.get_cause("neuropathc")
    error = info.value
    assert isinstance(error, KeyError) and isinstance(error, ValueError)
    assert {"neuropathic_below_level", "neuropathic_at_level"} <= set(error.suggestions)
    assert str(error).startswith("unknown cause 'neuropathc'. Did you mean")
    assert "spasticity" in error.valid


def test_get_cause_rejects_non_text():
    with pytest.raises(TypeError, match="as text"):
        sp.get_cause(3)


def test_cause_card_markdown_has_the_sections_and_citations():
    card = sp.get_cause("heterotopic_ossification").to_markdown()
    for part in ("### Heterotopic ossification", "Red flags", "Management options", "References"):
        assert part in card
    assert "van Kuijk" in card


# -- management_for ---------------------------------------------------------------------------------


def test_management_for_filters_cautions_to_the_person():
    plain = sp.management_for("spasticity")
    numb = sp.management_for("spasticity", situation=["impaired_sensation"])
    assert plain.loc["heat", "cautions"] == ()
    assert not plain.loc["heat", "contraindicated"]
    assert numb.loc["heat", "contraindicated"]
    assert numb.index[-1] == "heat"  # contraindicated options come last
    assert numb.loc["heat", "caution_text"][0].startswith("Contraindicated:")


def test_management_for_pacemaker_and_always_cautions():
    options = sp.management_for("neuropathic_below_level", situation="pacemaker")
    assert options.loc["electrical_stimulation", "contraindicated"]
    assert list(options.index) == ["medications", "cbt_self_management", "electrical_stimulation"]
    assert any(
        "Opioids are not first line" in t for t in options.loc["medications", "caution_text"]
    )
    assert "Cochrane" in options.loc["electrical_stimulation", "note"]


def test_management_for_accepts_labels_and_flags_seek_care_first():
    options = sp.management_for(
        "Spasticity and spasms", situation=["A swollen, warm or red leg now"]
    )
    assert options["seek_care_first"].any()
    assert options.loc["physical_therapy", "seek_care_first"]


def test_management_for_capsaicin_caution_after_high_injury():
    options = sp.management_for("neuropathic_at_level", situation=["injury_at_or_above_T6"])
    assert "autonomic dysreflexia" in " ".join(options.loc["topical_capsaicin", "caution_text"])


def test_management_for_unknown_situation_or_cause():
    with pytest.raises(UnknownNameError, match="pacemaker"):
        sp.management_for("dvt", situation=["pacemakr"])
    with pytest.raises(UnknownNameError, match="Did you mean 'spasticity'"):
        sp.management_for("spastisity")


# -- explain_causes ---------------------------------------------------------------------------------


def test_explain_causes_ranks_and_explains():
    result = sp.explain_causes(["burning", "diffuse_below_level", "worse_evening_or_night"])
    assert isinstance(result, sp.CauseExplanation)
    top = result.ranking.iloc[0]
    assert top["cause"] == "neuropathic_below_level"
    assert top["supporting"] == ("burning", "diffuse_below_level", "worse_evening_or_night")
    at_level = result.ranking.set_index("cause").loc["neuropathic_at_level"]
    assert at_level["against"] == ("diffuse_below_level",)
    assert list(result.ranking["score"]) == sorted(result.ranking["score"], reverse=True)
    assert result.ranking.index[0] == 1 and result.ranking.index.name == "rank"
    assert result.red_flags.empty
    assert "not a diagnosis" in result.disclaimer.lower()


def test_explain_causes_only_ranks_supported_causes_unless_asked():
    result = sp.explain_causes("after_more_activity")
    assert list(result.ranking["cause"]) == ["overuse_musculoskeletal"]
    everything = sp.explain_causes("after_more_activity", include_all=True)
    assert len(everything.ranking) == len(sp.load_causes())


def test_explain_causes_accepts_labels_and_drops_duplicates():
    result = sp.explain_causes(["One leg swollen", "one_leg_swollen", "Leg warm or red"])
    assert result.findings == ("one_leg_swollen", "leg_warm_or_red")


def test_explain_causes_unknown_findings_list_the_valid_ones():
    with pytest.raises(UnknownNameError) as info:
        sp.explain_causes(["burning", "burnin"])
    assert "Did you mean 'burning'" in str(info.value)
    assert "tingling_pins_and_needles" in str(info.value)  # the valid list
    with pytest.raises(UnknownNameError) as info:
        sp.explain_causes(["burnin", "one leg swolen"])
    assert "'burnin'" in str(info.value) and "'one leg swolen'" in str(info.value)
    assert "one_leg_swollen" in info.value.suggestions


def test_empty_findings_give_an_empty_result():
    result = sp.explain_causes([])
    assert result.ranking.empty and result.red_flags.empty
    assert "No cause is supported" in result.to_markdown()


def test_emergencies_come_before_urgent_red_flags():
    result = sp.explain_causes(
        [
            "swelling_after_transfer_or_fall",
            "headache_flushing_above_level",
            "wound_infected_or_deep",
        ]
    )
    assert list(result.red_flags.index) == [
        "dvt",
        "autonomic_dysreflexia",
        "fracture",
        "pressure_injury_infection",
        "heterotopic_ossification",
    ]
    assert result.red_flags.loc["fracture", "raised_by"] == ("swelling_after_transfer_or_fall",)


# -- issue 9: red flags wired right (each of these fails on the code before issue 9) -------------


@pytest.mark.parametrize("finding", ["leg_warm_or_red", "low_grade_fever"])
def test_warmth_redness_and_fever_raise_dvt_and_ho(finding):
    raised = list(sp.explain_causes([finding]).red_flags.index)
    assert raised == ["dvt", "heterotopic_ossification"]


def test_swelling_after_a_transfer_or_fall_raises_dvt_ho_and_fracture():
    raised = set(sp.explain_causes(["swelling_after_transfer_or_fall"]).red_flags.index)
    assert raised == {"dvt", "heterotopic_ossification", "fracture"}


@pytest.mark.parametrize(
    "finding",
    ["systolic_rise_over_baseline", "pounding_headache", "flushing_or_sweating_above_level"],
)
def test_blood_pressure_rise_headache_and_flushing_raise_ad_at_or_above_t6(finding):
    result = sp.explain_causes([finding, "injury_at_or_above_T6"])
    assert list(result.red_flags.index) == ["autonomic_dysreflexia"]
    assert str(result.red_flags.loc["autonomic_dysreflexia", "urgency"]) == "emergency"


def test_more_spasms_at_or_above_t6_raises_the_ad_check():
    high = sp.explain_causes(["with_more_spasms", "injury_at_or_above_T6"]).red_flags
    assert "autonomic_dysreflexia" in high.index
    assert high.loc["autonomic_dysreflexia", "raised_by"] == (
        "with_more_spasms",
        "injury_at_or_above_T6",
    )
    low = sp.explain_causes(["with_more_spasms", "injury_below_T6"]).red_flags
    assert "autonomic_dysreflexia" not in low.index
    assert "uti_urosepsis" in low.index  # the commonest trigger of a rise in spasms


def test_every_sign_of_a_red_flag_raises_it():
    """Property over the whole knowledge base: each sign finding raises its red flag."""
    flags = sp.load_red_flags()
    findings = sp.load_findings()
    assert flags["sign_findings"].map(len).gt(0).all()
    for fid, row in flags.iterrows():
        for finding in row["sign_findings"]:
            raised = sp.explain_causes([finding]).red_flags.index
            if fid not in findings.loc[finding, "raises"]:  # raised only with other findings
                (together,) = [w for f, w, _ in findings.loc[finding, "raises_with"] if f == fid]
                assert fid not in raised, (fid, finding)
                raised = sp.explain_causes([finding, *together]).red_flags.index
            assert fid in raised, (fid, finding)
    for finding, row in findings.iterrows():  # and nothing raises a flag it is not a sign of
        for fid in row["raises"]:
            assert finding in flags.loc[fid, "sign_findings"], (finding, fid)


# Each pattern of journal_flags.yaml written into 21 days of an otherwise quiet journal: the
# quiet values of every column, and the pattern's own values on its last days.
QUIET_DAYS = {
    "pain": [2] * 21,
    "swelling": ["none"] * 21,
    "spasms": [3, 2, 4, 3] * 5 + [3],
    "immobile_hours": [1.0] * 21,
    "skin": ["ok"] * 21,
}
JOURNAL_SIGNS = {
    "possible_dvt": {"pain": [2] * 20 + [6], "swelling": ["none"] * 20 + ["left"]},
    "one_leg_swelling": {"swelling": ["none"] * 20 + ["right"]},
    "both_legs_swelling": {"swelling": ["none"] * 20 + ["both"]},
    "spasm_surge": {"spasms": [3, 2, 4, 3] * 4 + [3, 12, 14, 13, 3]},
    "pressure_check": {"immobile_hours": [1.0] * 20 + [6.0], "skin": ["ok"] * 20 + ["redness"]},
    "skin_damage": {"skin": ["ok"] * 20 + ["open_wound"]},
}


def _journal_showing(pattern: str, *, start: int) -> pd.DataFrame:
    from frames import make_entries

    days = pd.date_range("2026-03-01", periods=21, freq="D") + pd.Timedelta(days=start)
    columns = QUIET_DAYS | JOURNAL_SIGNS.get(pattern, {})
    return make_entries([f"{d:%Y-%m-%d} 09:00" for d in days], **columns)


def test_every_journal_pattern_has_a_journal_showing_it():
    assert set(JOURNAL_SIGNS) == set(sp.load_journal_flag_rules().index)
    quiet = sp.scan_red_flags(_journal_showing("quiet", start=0), injury_level="C5")
    assert quiet.empty  # the quiet days raise nothing


@settings(max_examples=10, deadline=None)
@example(  # every pattern at once, beside a quiet journal
    people=[(p, "C5", 3 * i) for i, p in enumerate(sorted(JOURNAL_SIGNS))] + [("quiet", "L1", 0)],
    seed=random.Random(0),
)
@given(
    people=st.lists(
        st.tuples(
            st.sampled_from([*sorted(JOURNAL_SIGNS), "quiet"]),
            st.sampled_from(["C5", "T6", "T10", "L1", "unknown", "at_or_above_T6"]),
            st.integers(0, 30),
        ),
        min_size=1,
        max_size=6,
    ),
    seed=st.randoms(use_true_random=False),
)
def test_every_journal_pattern_raises_its_red_flags_in_a_cohort(people, seed):
    """Property over journal_flags.yaml, on the cohort path: each person whose journal shows a
    pattern is flagged with it, at the knowledge base's urgency, with an episode naming the red
    flags it can be a sign of, exactly as when their journal is scanned alone."""
    from sci_pain.analysis import RED_FLAG_RULES, SEVERITIES

    red_flags = sp.load_red_flags()
    journals = {
        f"p{i}": _journal_showing(pattern, start=start)
        for i, (pattern, _, start) in enumerate(people)
    }
    levels = {f"p{i}": level for i, (_, level, _) in enumerate(people)}
    long = pd.concat([j.assign(person=p) for p, j in journals.items()], ignore_index=True)
    order = list(range(len(long)))
    seed.shuffle(order)  # people's entries interleaved
    table = sp.cohort_red_flags(long.iloc[order], injury_level=levels)
    flags, episodes = table.attrs["flags"], table.attrs["episodes"]
    for i, (pattern, level, _) in enumerate(people):
        person = f"p{i}"
        alone = sp.scan_red_flags(journals[person], injury_level=level)
        mine = flags[flags["person"] == person] if len(flags) else alone.iloc[:0]
        assert mine["flag"].tolist() == alone["flag"].tolist(), person
        assert mine["explanation"].tolist() == alone["explanation"].tolist(), person
        if pattern == "quiet":
            assert mine.empty
            continue
        rule = RED_FLAG_RULES[pattern]
        raised = mine[mine["flag"] == pattern]
        assert len(raised), (pattern, level)
        high = sp.injury_level_at_or_above_t6(level) and rule.severity_at_or_above_t6
        assert set(raised["severity"].astype(str)) == {high or rule.severity}
        named = episodes.loc[episodes["person"] == person, "red_flags"]
        for red_flag in rule.red_flags:
            assert any(red_flag in linked for linked in named), (pattern, red_flag)
            urgency = str(red_flags.loc[red_flag, "urgency"])
            assert SEVERITIES.index(str(raised["severity"].iloc[0])) >= SEVERITIES.index(urgency)


def test_every_cause_shows_its_red_flags_and_referral_on_its_card():
    flags = sp.load_red_flags()
    ladder = sp.load_referral_ladder()
    for cid, cause in sp.load_causes().iterrows():
        card = sp.cause_card_html(cid)
        for fid in cause["red_flags"]:
            assert html.escape(flags.loc[fid, "label"]) in card, (cid, fid)
        assert html.escape(ladder.loc[cause["referral"], "label"]) in card, cid


def test_fracture_card_shows_dvt_and_overuse_card_links_fracture_and_dvt():
    assert "dvt" in sp.get_cause("fragility_fracture").red_flags
    assert {"fracture", "dvt"} <= set(sp.get_cause("overuse_musculoskeletal").red_flags)
    card = sp.cause_card_html("fragility_fracture")
    assert "Possible deep vein thrombosis" in card


@pytest.mark.parametrize(
    ("red_flag", "urgency"),
    [
        ("uti_urosepsis", "same_day"),
        ("neurological_decline", "same_day"),
        ("itb_withdrawal", "emergency"),
    ],
)
def test_missing_red_flags_are_cited_records(red_flag, urgency):
    row = sp.load_red_flags().loc[red_flag]
    assert str(row["urgency"]) == urgency
    assert row["signs"] and row["why_urgent"] and row["what_to_do"] and row["citations"]
    text = " ".join(row["what_to_do"]).lower()
    assert not re.search(r"\d+\s*(mg|mcg|µg|ml)\b", text)  # never a dose


def test_the_reasoning_aid_shows_the_referral_step_of_each_cause():
    result = sp.explain_causes(["aching", "after_more_activity"])
    assert result.ranking.loc[1, "referral"] == "routine"
    label = sp.load_referral_ladder().loc["routine", "label"]
    assert label in result.to_markdown() and html.escape(label) in result._repr_html_()


def test_referral_ladder_is_data_and_everything_points_into_it():
    ladder = sp.load_referral_ladder()
    assert ladder.index.tolist() == ["emergency", "same_day", "soon", "routine"]
    who = {w for ws in ladder["who"] for w in ws}
    assert {"emergency_department", "sci_team", "pain_service", "psychology"} <= who
    assert {"seating_clinic", "orthopaedics"} <= who
    assert set(sp.load_red_flags()["urgency"].astype(str)) <= {"emergency", "same_day"}
    assert set(sp.load_causes()["referral"].astype(str)) <= set(ladder.index)
    assert sp.load_red_flags()["refer_to"].map(len).gt(0).all()


def test_every_bundled_reference_is_complete():
    """Authors (or publisher), year (or year accessed for a page), title, journal or
    publisher, and a locator (DOI, PMID, PMCID or URL), for every reference."""
    from sci_pain.knowledge.validate import find_problems

    problems = find_problems(complete_references=True)
    assert problems.empty, problems.to_string()
    refs = sp.load_references()
    assert "chang2013" not in refs.index  # could not be completed: removed, citations replaced


def test_an_incomplete_reference_is_rejected(kb_copy):
    from sci_pain.knowledge.validate import find_problems

    _edit(
        kb_copy,
        "references",
        "siddall2003",
        lambda r: [r.pop(k, None) for k in ("doi", "pmid", "url", "pmcid")],
    )
    problems = find_problems(kb_copy, complete_references=True)
    row = problems[problems["record"] == "siddall2003"]
    assert "missing a locator" in row["problem"].iloc[0]


def test_a_sign_that_does_not_raise_its_flag_is_rejected(kb_copy):
    from sci_pain.knowledge.validate import find_problems

    _edit(kb_copy, "findings", "leg_warm_or_red", lambda r: r.update(raises=["dvt"]))
    problems = find_problems(kb_copy)
    assert "does not raise 'heterotopic_ossification'" in " ".join(problems["problem"])


def test_a_scan_pattern_cannot_be_less_pressing_than_its_red_flag(kb_copy):
    from sci_pain.knowledge.validate import find_problems

    _edit(kb_copy, "journal_flags", "one_leg_swelling", lambda r: r.update(urgency="same_day"))
    problems = find_problems(kb_copy)
    assert "most pressing urgency of its red flags" in " ".join(problems["problem"])


SWELLING_AND_WARMTH = [["one_leg_swollen", "leg_warm_or_red"], ["one_leg_swollen_and_warm"]]


@settings(max_examples=200, deadline=None)
@given(
    pair=st.sampled_from(SWELLING_AND_WARMTH),
    extra=st.lists(st.sampled_from(sorted(knowledge.load_findings().index)), max_size=12),
    seed=st.randoms(use_true_random=False),
)
def test_dvt_red_flag_comes_first_whenever_one_leg_is_swollen_and_warm(pair, extra, seed):
    findings = [*pair, *extra]
    seed.shuffle(findings)
    result = sp.explain_causes(findings)
    assert result.red_flags.index[0] == "dvt"
    markdown = result.to_markdown()
    assert markdown.index("Possible deep vein thrombosis") < markdown.index("| rank |")


def test_markdown_and_html_put_red_flags_first_and_escape_text():
    result = sp.explain_causes(["one_leg_swollen_and_warm", "first_3_months"])
    markdown = result.to_markdown()
    assert markdown.startswith("**Red flags")
    assert "Not a diagnosis" in markdown
    page = result._repr_html_()
    assert page.index('role="alert"') < page.index("<table>")
    hostile = result.ranking.assign(label="<script>alert(1)</script>")
    escaped = sp.CauseExplanation(result.findings, result.red_flags, hostile)._repr_html_()
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert (
        "<script>"
        not in sp.CauseExplanation(result.findings, result.red_flags, hostile).to_markdown()
    )


def test_readme_field_tables_are_up_to_date(tmp_path):
    readme = KNOWLEDGE / "README.md"
    copy = tmp_path / "README.md"
    copy.write_text(readme.read_text(encoding="utf-8"), encoding="utf-8")
    changed = knowledge_validate.update_readme_tables(copy)
    assert not changed, (
        "data/knowledge/README.md field tables are out of date: run "
        'python -c "from sci_pain.knowledge import update_readme_tables; update_readme_tables()"'
    )
    for name in SCHEMAS:
        assert f"markdown_table('{name}')" in readme.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "module",
    [knowledge, knowledge_schema, knowledge_validate, reasoning, records],
    ids=lambda m: m.__name__,
)
def test_doctests(module):
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags)
    assert result.attempted > 0 and result.failed == 0


def test_readme_regenerator_rewrites_a_stale_table(tmp_path):
    copy = tmp_path / "README.md"
    text = (KNOWLEDGE / "README.md").read_text(encoding="utf-8")
    stale = text.replace(knowledge_validate.markdown_table("causes"), "| stale |\n", 1)
    assert stale != text
    copy.write_text(stale, encoding="utf-8")
    assert knowledge_validate.update_readme_tables(copy)
    assert copy.read_text(encoding="utf-8") == text


# -- record types declared once ------------------------------------------------------------------


def test_cause_and_caution_attributes_are_the_declared_fields():
    import dataclasses

    cause_names = [f.name for f in dataclasses.fields(sp.Cause)]
    assert cause_names == [n for n, _ in records.record_attributes(knowledge_schema.CAUSE_FIELDS)]
    assert cause_names == ["id", *sp.load_causes().columns]
    caution_names = [f.name for f in dataclasses.fields(sp.Caution)]
    assert caution_names == list(knowledge_schema.CAUTION_FIELDS)


def test_a_new_declared_field_reaches_the_record_class():
    fields = {**knowledge_schema.CAUTION_FIELDS}
    fields["review_days"] = knowledge_schema.Field("review_days", "day_range", "When to review.")
    cls = records.record_class("Probe", fields, doc="probe")
    names = list(cls.__dataclass_fields__)
    assert names[-2:] == ["review_start_days", "review_end_days"]
    item = {"condition": "always", "severity": "note", "text": " a\n b ", "citations": ["k"]}
    values = records.record_values(fields, {**item, "review_days": [1, 7]})
    probe = cls(**values)
    assert (probe.text, probe.citations, probe.review_end_days) == ("a b", ("k",), 7.0)


def test_get_cause_values_match_load_causes():
    causes = sp.load_causes()
    for cid in causes.index:
        cause = sp.get_cause(cid)
        for column in causes.columns:
            expected = causes.loc[cid, column]
            got = getattr(cause, column)
            if isinstance(got, float) and np.isnan(got):
                assert np.isnan(expected)
            else:
                assert got == expected, (cid, column)


# -- the field tables, declared as data (fields.yaml, course/case_fields.yaml) --------------------

_CASE_KINDS = {"record", "answers", "mapping_any"}  # kinds that only a case file uses
_REFERS_TO = {"causes", "management", "red_flags", "findings", "references", "journal_columns"}


def _walk(fields):
    for fld in fields:
        yield fld
        yield from _walk(fld.subfields)


@pytest.mark.parametrize(
    "fields",
    [
        *knowledge_schema.FIELD_TABLES.values(),
        course.CASE_FIELDS,
    ],
    ids=[*knowledge_schema.FIELD_TABLES, "case"],
)
def test_every_declared_field_is_complete(fields):
    import typing

    kinds = set(typing.get_args(knowledge_schema.Kind)) | _CASE_KINDS
    for fld in _walk(fields.values()):
        assert fld.kind in kinds, fld
        assert fld.description.strip().endswith((".", "?")), fld
        assert (fld.refers_to is None) or fld.refers_to in _REFERS_TO, fld
        assert fld.kind.startswith("category") == bool(fld.allowed), fld
        assert fld.kind.startswith("record") == bool(fld.subfields), fld


def test_a_field_table_naming_an_unknown_vocabulary_fails():
    with pytest.raises(KeyError, match="REFERENCE_KINDS"):
        knowledge_schema.read_field_tables("sci_pain.knowledge", "fields.yaml", {})
