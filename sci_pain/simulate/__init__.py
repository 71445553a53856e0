"""The journal simulator: personas, the engine and N-of-1 teaching examples."""

from sci_pain._lazy import lazy_exports

# The layer's public API, loaded on first use: name -> submodule (relative to this package).
_EXPORTS: dict[str, str] = {
    "NOTE_TRIGGERS": "engine",
    "Note": "engine",
    "Persona": "engine",
    "SLOTS": "engine",
    "built_in_effects": "engine",
    "example_journal_path": "engine",
    "list_example_journals": "engine",
    "list_personas": "engine",
    "load_example_journal": "engine",
    "load_persona": "engine",
    "simulate_cohort": "engine",
    "simulate_journal": "engine",
    "regression_to_the_mean": "nof1_examples",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
