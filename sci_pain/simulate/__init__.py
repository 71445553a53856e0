"""The journal simulator: personas, the engine and N-of-1 teaching examples.

The bundled example journals it made are read by :mod:`sci_pain.datasets`.
"""

from sci_pain._lazy import lazy_exports

# The layer's public API, loaded on first use: name -> submodule (relative to this package).
_EXPORTS: dict[str, str] = {
    "SLOTS": "engine",
    "simulate_cohort": "engine",
    "simulate_journal": "engine",
    "regression_to_the_mean": "nof1_examples",
    "DEFAULT_START": "persona",
    "NOTE_TRIGGERS": "persona",
    "Note": "persona",
    "Persona": "persona",
    "as_persona": "persona",
    "built_in_effects": "persona",
    "effects_summary": "persona",
    "list_personas": "persona",
    "load_persona": "persona",
    "parse_start": "persona",
    "persona_records": "persona",
    "unknown_name_message": "persona",
}
__getattr__, __dir__, __all__ = lazy_exports(__name__, _EXPORTS)
