"""Figures: each takes ``ax=None`` and returns the Axes, with alt text beside it."""

from sci_pain._lazy import lazy_exports

# The layer's public API, loaded on first use: name -> submodule (relative to this package).
_EXPORTS: dict[str, str] = {
    "LANDMARKS": "cases",
    "alt_text_dermatome_zones": "cases",
    "plot_dermatome_zones": "cases",
    "RED_FLAG_COLOUR": "causes",
    "SUBTYPE_COLOURS": "causes",
    "alt_text_cause_map": "causes",
    "alt_text_cause_timeline": "causes",
    "alt_text_leg_sites": "causes",
    "plot_cause_map": "causes",
    "plot_cause_timeline": "causes",
    "plot_leg_sites": "causes",
    "alt_text_evening_pattern": "cohort",
    "plot_evening_pattern": "cohort",
    "prevalence_sentence": "cohort",
    "PLOT_KINDS": "journal",
    "alt_text": "journal",
    "association_alt_text": "journal",
    "journal_alt_text": "journal",
    "plot_association": "journal",
    "plot_body_map": "journal",
    "plot_calendar": "journal",
    "plot_descriptors": "journal",
    "plot_overview": "journal",
    "plot_phases": "journal",
    "plot_time_of_day_weekday": "journal",
    "plot_timeline": "journal",
    "update_association": "journal",
    "update_body_map": "journal",
    "update_calendar": "journal",
    "update_descriptors": "journal",
    "update_overview": "journal",
    "update_time_of_day_weekday": "journal",
    "update_timeline": "journal",
    "MEASURES": "teaching",
    "SHADES": "teaching",
    "alt_text_pain_and": "teaching",
    "plot_pain_and": "teaching",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
