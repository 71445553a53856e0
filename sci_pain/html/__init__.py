"""HTML for people: figures with alt text, tables, cause cards, red-flag banners, the report."""

from sci_pain._lazy import lazy_exports

# The layer's public API, loaded on first use: name -> submodule (relative to this package).
_EXPORTS: dict[str, str] = {
    "RedFlagItem": "alerts",
    "URGENCY_COLOURS": "alerts",
    "red_flag_items": "alerts",
    "render_red_flags": "alerts",
    "cause_card_html": "cards",
    "management_html": "cards",
    "red_flag_banner_html": "cards",
    "as_figure": "figures",
    "figure_html": "figures",
    "figure_png": "figures",
    "prose_html": "prose",
    "prose_text": "prose",
    "ProgressCallback": "report",
    "REPORT_SECTIONS": "report",
    "REPORT_STAGES": "report",
    "render_report": "report",
    "report_html": "report",
    "write_report": "report",
    "DRAWING_LANES": "report_drawing",
    "start_drawing": "report_drawing",
    "InterventionStart": "report_model",
    "ReportModel": "report_model",
    "build_report_model": "report_model",
    "score_html": "scores",
    "HumanTable": "tables",
    "column_label": "tables",
    "readable": "tables",
    "table": "tables",
}
__getattr__, __dir__, __all__ = lazy_exports(__name__, _EXPORTS)
