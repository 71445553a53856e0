"""Walk a widget's tree in tests (importable from tests/widgets: ``from widget_tree import``)."""

from __future__ import annotations


def descendants(widget) -> list:
    """Every widget inside ``widget``, depth first, in display order."""
    out = []
    for child in getattr(widget, "children", ()):
        out.append(child)
        out.extend(descendants(child))
    return out
