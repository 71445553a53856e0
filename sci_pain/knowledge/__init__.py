"""The cited knowledge base.

Declarations (schema), checks (validate), record values (records), loaders and the reasoning
aid (reasoning).
"""

from sci_pain._lazy import lazy_exports

# The layer's public API, loaded on first use: name -> submodule (relative to this package).
_EXPORTS: dict[str, str] = {
    "FINDINGS": "loaders",
    "canpainsci_approach": "guidelines",
    "canpainsci_cautions": "guidelines",
    "find_canpainsci_problems": "guidelines",
    "load_canpainsci": "guidelines",
    "Cause": "loaders",
    "CauseExplanation": "reasoning",
    "Caution": "loaders",
    "DISCLAIMER": "reasoning",
    "KnowledgeError": "loaders",
    "SITUATIONS": "loaders",
    "UnknownNameError": "loaders",
    "explain_causes": "reasoning",
    "format_citation": "loaders",
    "get_cause": "loaders",
    "list_findings": "loaders",
    "list_situations": "loaders",
    "load_causes": "loaders",
    "load_cautions": "loaders",
    "load_findings": "loaders",
    "load_journal_flag_rules": "loaders",
    "load_management": "loaders",
    "load_red_flags": "loaders",
    "load_references": "loaders",
    "load_referral_ladder": "loaders",
    "management_for": "reasoning",
    "resolve_findings": "loaders",
    "resolve_situations": "loaders",
    "BODY_SITES": "schema",
    "CAUTION_SEVERITIES": "schema",
    "CITING_FILES": "schema",
    "DELIVERED_BY": "schema",
    "FINDING_GROUPS": "schema",
    "CAUSE_FIELDS": "schema",
    "CAUTION_FIELDS": "schema",
    "Field": "schema",
    "FileSchema": "schema",
    "ISCIP_LABELS": "schema",
    "ISCIP_SUBTYPES": "schema",
    "ISCIP_SUBTYPE_OF": "schema",
    "ISCIP_TYPES": "schema",
    "LATERALITY": "schema",
    "LEG_SITES": "schema",
    "LEVELS": "schema",
    "LEVEL_LABELS": "schema",
    "MANAGEMENT_CATEGORIES": "schema",
    "PROBLEM_COLUMNS": "schema",
    "REFERENCE_KINDS": "schema",
    "REFERRAL_STEPS": "schema",
    "SCHEMAS": "schema",
    "SERVICES": "schema",
    "URGENCIES": "schema",
    "WEIGHT_RANGE": "schema",
    "find_problems": "validate",
    "markdown_table": "validate",
    "read_knowledge": "validate",
    "show_value": "validate",
    "update_readme_tables": "validate",
    "validate_knowledge": "validate",
    "value_problems": "validate",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
