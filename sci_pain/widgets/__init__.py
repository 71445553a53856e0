"""The widget layer: builders that wire library functions to ipywidgets controls.

Only this sub-package imports ipywidgets or IPython. Builders return the container without
displaying it; the notebooks display it.
"""

from sci_pain._lazy import lazy_exports

# The layer's public API, loaded on first use: name -> submodule (relative to this package).
_EXPORTS: dict[str, str] = {
    "make_case_explorer": "cases",
    "make_case_step": "cases",
    "make_iscip_exercise": "cases",
    "show_case_explorer": "cases",
    "show_case_step": "cases",
    "show_iscip_exercise": "cases",
    "make_cause_explorer": "causes",
    "make_management_matcher": "causes",
    "make_reasoning_aid": "causes",
    "make_cohort_explorer": "cohort",
    "DASHBOARD_KINDS": "dashboard",
    "JournalFigures": "dashboard",
    "JournalView": "dashboard",
    "KIND_LABELS": "dashboard",
    "RenderedFigure": "dashboard",
    "FigureHTML": "display",
    "TextHTML": "display",
    "replace_output": "display",
    "show_figure": "display",
    "show_text": "display",
    "make_first_look": "intro",
    "make_did_it_help": "did_it_help",
    "make_journal_dashboard": "journal",
    "STATIC_HTML_MIMETYPE": "_base",
    "make_quiz": "quiz",
    "show_quiz": "quiz",
    "MESSY_EXAMPLE": "reading",
    "make_journal_reader_explorer": "reading",
    "make_ashworth_widget": "scores",
    "make_bmi_widget": "scores",
    "make_braden_widget": "scores",
    "make_dn4_widget": "scores",
    "make_penn_widget": "scores",
    "make_scipi_widget": "scores",
    "make_wells_widget": "scores",
    "make_lag_widget": "teaching",
    "load_file": "upload",
    "make_journal_upload": "upload",
}
__getattr__, __dir__, __all__ = lazy_exports(__name__, _EXPORTS)
