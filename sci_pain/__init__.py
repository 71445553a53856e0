"""sci_pain — leg pain after spinal cord injury, and pain journals, for teaching.

Use it as ``import sci_pain as sp``. Public names are loaded on first use, so that
``import sci_pain`` stays fast and pulls in neither ipywidgets nor SciPy until needed.

Examples
--------
>>> import sci_pain as sp
>>> sp.PALETTE["orange"]
'#E69F00'
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it (relative to this package)
_EXPORTS: dict[str, str] = {
    # plotting style and accessible figures
    "PALETTE": "style",
    "CYCLE": "style",
    "SEQUENTIAL_CMAP": "style",
    "use_style": "style",
    "style_context": "style",
    "figure_html": "render",
    "show_figure": "widgets.display",
    # self-checks
    "Quiz": "quiz",
    "Question": "quiz",
    "QuizError": "quiz",
    "load_quiz": "quiz",
    "read_quiz": "quiz",
    "check_answer": "quiz",
    "quiz_html": "quiz",
    "make_quiz": "widgets.quiz",
    "show_quiz": "widgets.quiz",
    # data files
    "data_path": "_resources",
    # learning path
    "load_learning_path": "learning_path",
    "learning_path_table": "learning_path",
    # -- journal format, reader, writer, CLI (sci_pain.journal) --
    "Journal": "journal",
    "JournalError": "journal",
    "read_journal": "journal",
    "journal_from_frame": "journal",
    "problems_frame": "journal",
    "deidentify": "journal",
    "explode_multi": "journal",
    "multi_indicators": "journal",
    "has_quality": "journal",
    "has_intervention": "journal",
    # -- diary-app imports and FHIR (sci_pain.imports) --
    "read_bearable": "imports",
    "read_bearable_records": "imports",
    "read_flaredown": "imports",
    "read_flaredown_records": "imports",
    "read_fhir": "imports",
    "to_fhir": "imports",
    # -- simulator and example journals (sci_pain.simulate) --
    "Persona": "simulate",
    "load_persona": "simulate",
    "list_personas": "simulate",
    "built_in_effects": "simulate",
    "simulate_journal": "simulate",
    "simulate_cohort": "simulate",
    "list_example_journals": "simulate",
    "example_journal_path": "simulate",
    "load_example_journal": "simulate",
    # -- knowledge base and reasoning aid (sci_pain.knowledge) --
    "load_causes": "knowledge",
    "load_management": "knowledge",
    "load_cautions": "knowledge",
    "load_red_flags": "knowledge",
    "load_referral_ladder": "knowledge",
    "load_journal_flag_rules": "knowledge",
    "load_references": "knowledge",
    "load_findings": "knowledge",
    "list_findings": "knowledge",
    "list_situations": "knowledge",
    "format_citation": "knowledge",
    "get_cause": "knowledge",
    "management_for": "knowledge",
    "explain_causes": "knowledge",
    "FINDINGS": "knowledge",
    "SITUATIONS": "knowledge",
    "DISCLAIMER": "knowledge",
    "Cause": "knowledge",
    "Caution": "knowledge",
    "CauseExplanation": "knowledge",
    "UnknownNameError": "knowledge",
    "KnowledgeError": "knowledge",
    "validate_knowledge": "knowledge_schema",
    "find_problems": "knowledge_schema",
    # -- cause figures (sci_pain.plots_causes) --
    "plot_cause_map": "plots_causes",
    "plot_leg_sites": "plots_causes",
    "plot_cause_timeline": "plots_causes",
    "alt_text_cause_map": "plots_causes",
    "alt_text_leg_sites": "plots_causes",
    "alt_text_cause_timeline": "plots_causes",
    # -- clinical scores (sci_pain.scores, sci_pain.widgets.scores) --
    "ScoreError": "scores",
    "ScoreItem": "scores",
    "AshworthResult": "scores",
    "PennResult": "scores",
    "BradenResult": "scores",
    "WellsResult": "scores",
    "BMIResult": "scores",
    "DN4Result": "scores",
    "MAS_GRADES": "scores",
    "BRADEN_BANDS": "scores",
    "score_definition": "scores",
    "modified_ashworth": "scores",
    "penn_spasm_frequency": "scores",
    "braden": "scores",
    "wells_dvt": "scores",
    "bmi": "scores",
    "dn4": "scores",
    "score_html": "scores",
    "make_ashworth_widget": "widgets.scores",
    "make_penn_widget": "widgets.scores",
    "make_braden_widget": "widgets.scores",
    "make_wells_widget": "widgets.scores",
    "make_bmi_widget": "widgets.scores",
    "make_dn4_widget": "widgets.scores",
    # -- journal analysis, N-of-1, red-flag scan, journal plots --
    "AnalysisError": "analysis",
    "daily_values": "analysis",
    "daily_summary": "analysis",
    "summarize_journal": "analysis",
    "rolling_trend": "analysis",
    "trend_slope": "analysis",
    "time_of_day_profile": "analysis",
    "weekday_profile": "analysis",
    "time_of_day_weekday": "analysis",
    "pain_by_site": "analysis",
    "pain_by_side": "analysis",
    "pain_by_leg_site": "analysis",
    "pain_by_quality": "analysis",
    "quality_group": "analysis",
    "pain_by_quality_group": "analysis",
    "autocorrelation": "analysis",
    "spearman_ci": "analysis",
    "associations": "analysis",
    "association_caution": "analysis",
    "PhaseComparison": "nof1",
    "CLINICAL_THRESHOLDS": "nof1",
    "compare_phases": "nof1",
    "pair_matrix": "nof1",
    "nap": "nof1",
    "nap_ci": "nof1",
    "judge_change": "nof1",
    "baseline_corrected_tau": "nof1",
    "tau_u": "nof1",
    "FlagRule": "flags",
    "RED_FLAG_RULES": "flags",
    "scan_red_flags": "flags",
    "red_flag_episodes": "flags",
    "injury_level_at_or_above_t6": "flags",
    "render_red_flags": "alerts",
    "red_flag_items": "alerts",
    "plot_timeline": "plots_journal",
    "plot_calendar": "plots_journal",
    "plot_time_of_day_weekday": "plots_journal",
    "plot_body_map": "plots_journal",
    "plot_descriptors": "plots_journal",
    "plot_association": "plots_journal",
    "plot_phases": "plots_journal",
    "plot_overview": "plots_journal",
    "journal_alt_text": "plots_journal",
    # -- teaching figures and widgets for notebooks 02-04 (plots_teaching, widgets.teaching) --
    "plot_pain_and": "plots_teaching",
    "alt_text_pain_and": "plots_teaching",
    "make_lag_widget": "widgets.teaching",
    # -- widgets for causes and journals, report --
    "cause_card_html": "cards",
    "management_html": "cards",
    "red_flag_banner_html": "cards",
    "make_cause_explorer": "widgets.causes",
    "make_reasoning_aid": "widgets.causes",
    "make_management_matcher": "widgets.causes",
    "make_first_look": "widgets.intro",
    "make_journal_reader_explorer": "widgets.reading",
    "write_report": "report",
    "report_html": "report",
    "make_journal_dashboard": "widgets.journal",
    "make_did_it_help": "widgets.journal",
    "make_journal_upload": "widgets.upload",
    "detect_journal_format": "upload",
    "read_diary": "upload",
    "diary_context": "upload",
    "JournalFigures": "dashboard",
    "JournalView": "dashboard",
    "filter_entries": "dashboard",
    "update_timeline": "plots_journal",
    "update_calendar": "plots_journal",
    "update_time_of_day_weekday": "plots_journal",
    "update_body_map": "plots_journal",
    "update_descriptors": "plots_journal",
    "update_association": "plots_journal",
    "update_overview": "plots_journal",
    "regression_to_the_mean": "nof1_examples",
    "association_alt_text": "plots_journal",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str):
    module_name = _EXPORTS.get(name)
    if module_name is None:
        msg = f"module 'sci_pain' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value  # cache: later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return __all__
