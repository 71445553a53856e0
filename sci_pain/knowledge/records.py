"""Python values and record classes derived from the field declarations of the knowledge base.

A record type is declared once, as fields in :mod:`sci_pain.knowledge.schema`; what a loader
needs is derived from there:

- :func:`record_values` turns one validated YAML record into Python values by field kind: text
  with its line breaks folded, lists as tuples, a missing optional value as ``""`` or
  ``False``, and a ``day_range`` ``onset_days: [3, 90]`` as two floats ``onset_start_days``
  and ``onset_end_days``;
- :func:`record_attributes` names and types the same values;
- :func:`record_class` builds a frozen dataclass with those attributes, so that
  :class:`~sci_pain.knowledge.loaders.Cause` and :class:`~sci_pain.knowledge.loaders.Caution`
  never repeat the fields of ``causes.yaml`` and of a caution.

Examples
--------
>>> from sci_pain.knowledge.schema import SCHEMAS
>>> names = [name for name, _ in record_attributes(SCHEMAS["causes"].fields)]
>>> names[12:14]
['onset_start_days', 'onset_end_days']
>>> record_values(
...     SCHEMAS["management"].fields["cautions"].subfields,
...     {
...         "condition": "always",
...         "severity": "note",
...         "text": "Check   the skin.",
...         "citations": ["x2020"],
...     },
... )
{'condition': 'always', 'severity': 'note', 'text': 'Check the skin.', 'citations': ('x2020',)}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import make_dataclass

from sci_pain.knowledge.schema import Field

__all__ = ["fold_text", "record_attributes", "record_class", "record_values"]

_LISTS = ("str_list", "category_list", "ref_list")

_TYPES: dict[str, str] = {
    "id": "str",
    "str": "str",
    "text": "str",
    "bool": "bool",
    "int": "int | None",
    "category": "str",
    "ref": "str",
    "str_list": "tuple[str, ...]",
    "category_list": "tuple[str, ...]",
    "ref_list": "tuple[str, ...]",
    "day_range": "float",
    "mapping": "dict[str, str]",
    "records": "tuple",
    "record": "dict",
}
"""The Python type of each field kind, as an annotation."""


def fold_text(value: object) -> str:
    """Return text on one line with its runs of white space folded; ``""`` for a missing value.

    Parameters
    ----------
    value : object
        A YAML value (folded block scalars keep their line breaks).

    Returns
    -------
    str

    Examples
    --------
    >>> fold_text("Burning pain   below the level. ")
    'Burning pain below the level.'
    >>> fold_text(None)
    ''
    """
    return " ".join(str(value).split()) if value is not None else ""


def _range_names(name: str) -> tuple[str, str]:
    """``onset_days`` -> ``onset_start_days``, ``onset_end_days``."""
    stem = name.removesuffix("_days")
    return f"{stem}_start_days", f"{stem}_end_days"


def _fields(fields: Mapping[str, Field] | Iterable[Field]) -> tuple[Field, ...]:
    return tuple(fields.values()) if isinstance(fields, Mapping) else tuple(fields)


def record_attributes(fields: Mapping[str, Field] | Iterable[Field]) -> list[tuple[str, str]]:
    """Return the attribute names and types of the Python values of a record type.

    Parameters
    ----------
    fields : mapping of str to Field, or iterable of Field
        The record's field declarations, in order.

    Returns
    -------
    list of (str, str)
        ``(name, annotation)`` in field order; a ``day_range`` gives two attributes.

    Examples
    --------
    >>> from sci_pain.knowledge.schema import SCHEMAS
    >>> record_attributes(SCHEMAS["causes"].fields)[:2]
    [('id', 'str'), ('label', 'str')]
    """
    attributes = []
    for fld in _fields(fields):
        if fld.kind == "day_range":
            attributes += [(name, _TYPES["day_range"]) for name in _range_names(fld.name)]
        else:
            attributes.append((fld.name, _TYPES[fld.kind]))
    return attributes


def _value(fld: Field, value: object, records: Mapping[str, Callable]) -> object:
    """Return the Python value of one field (not a ``day_range``)."""
    kind = fld.kind
    if kind in _LISTS:
        return tuple(value) if isinstance(value, list) else ()
    if kind == "text":
        return fold_text(value)
    if kind == "str":
        return str(value) if value is not None else ""
    if kind == "bool":
        return bool(value)
    if kind == "mapping":
        return {key: fold_text(text) for key, text in (value or {}).items()}
    if kind == "records":
        make = records.get(fld.name)
        items = value or []
        return tuple(make(item) for item in items) if make else tuple(items)
    return value  # id, int, category, ref: as written (None when an optional one is missing)


def record_values(
    fields: Mapping[str, Field] | Iterable[Field],
    record: Mapping[str, object],
    *,
    records: Mapping[str, Callable] | None = None,
) -> dict[str, object]:
    """Return the Python values of one validated record, by the kinds of its fields.

    Parameters
    ----------
    fields : mapping of str to Field, or iterable of Field
        The record's field declarations, in order.
    record : mapping
        The record as read from YAML (already checked by
        :func:`~sci_pain.knowledge.validate.find_problems`).
    records : mapping of str to callable, optional
        For a ``records`` field: a function that makes one nested item (e.g. a
        :class:`~sci_pain.knowledge.loaders.Caution` from its record). Without one, the
        nested items are kept as they are, in a tuple.

    Returns
    -------
    dict
        Keyed by :func:`record_attributes`' names, in the same order: text folded to one line,
        lists as tuples, a missing optional ``str``, ``text`` or list as ``""`` or ``()``, a
        missing ``bool`` as ``False``, a ``day_range`` as two floats (NaN when missing).

    Examples
    --------
    >>> from sci_pain.knowledge.schema import SCHEMAS
    >>> values = record_values(SCHEMAS["causes"].fields, {"onset_days": [3, 90]})
    >>> values["onset_start_days"], values["peak_end_days"], values["aliases"]
    (3.0, nan, ())
    """
    records = records or {}
    values: dict[str, object] = {}
    for fld in _fields(fields):
        value = record.get(fld.name)
        if fld.kind == "day_range":
            start, end = value or (float("nan"), float("nan"))
            values.update(zip(_range_names(fld.name), (float(start), float(end)), strict=True))
        else:
            values[fld.name] = _value(fld, value, records)
    return values


def record_class(
    name: str,
    fields: Mapping[str, Field] | Iterable[Field],
    *,
    doc: str,
    base: type = object,
) -> type:
    """Return a frozen dataclass whose attributes are the values of a record type.

    Parameters
    ----------
    name : str
        The class name.
    fields : mapping of str to Field, or iterable of Field
        The record's field declarations: the only place its fields are written.
    doc : str
        The class docstring.
    base : type, optional
        A class holding the methods (for example ``to_markdown``).

    Returns
    -------
    type
        A frozen dataclass; build one with ``cls(**record_values(fields, record))``.

    Examples
    --------
    >>> from sci_pain.knowledge.schema import SCHEMAS
    >>> Ref = record_class("Ref", SCHEMAS["references"].fields, doc="A reference.")
    >>> Ref.__dataclass_fields__["year"].type
    'int | None'
    """
    cls = make_dataclass(
        name,
        record_attributes(fields),
        bases=(base,),
        frozen=True,
        namespace={"__doc__": doc, "__module__": __name__ if base is object else base.__module__},
    )
    cls.__qualname__ = name
    return cls
