"""Numpydoc sections that several docstrings share, written once and filled in at import.

A docstring names a section by a placeholder on a line of its own (matplotlib's
``_docstring.interpd`` and pandas' ``@doc`` work the same way), and the function is decorated
with :func:`shared_docs`, which replaces each placeholder line by its section, indented like the
placeholder, after filling the section's ``{fields}`` from the decorator's keywords::

    @shared_docs(error="ValueError", key="name", things="personas")
    def load_persona(name):
        \"\"\"Return a bundled persona by name.

        %(raises_unknown_name)s
        ...

Lines under a placeholder that are indented further continue the section's last description,
so a function can add what is its own. The function's ``__doc__`` is the filled text:
``help()``, Jupyter's ``?``, Sphinx and the doctests see complete sections. An unknown
placeholder or a missing field fails at import, naming the function.

The sections every layer may use are in :data:`SECTIONS`; a layer with sections of its own
(the figures' shared parameters, in :mod:`sci_pain.plotting._docs`) passes them to
:func:`fill` and :func:`filled_by`. **A new shared section** goes where the functions that use
it can import it (numpydoc text as in a docstring, fields in braces, literal braces doubled),
and is used in two or more docstrings; text that only one function needs stays in that
function's docstring.

Examples
--------
>>> text = fill("%(raises_unknown_name)s", error="KeyError", key="name", things="examples")
>>> text.splitlines()[2:]
['KeyError', '    For an unknown name; the message lists the examples and suggests close matches.']
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

__all__ = ["SECTIONS", "fill", "filled_by", "shared_docs"]

F = TypeVar("F", bound=Callable[..., Any])

SECTIONS: dict[str, str] = {
    "raises_unknown_name": """
        Raises
        ------
        {error}
            For an unknown {key}; the message lists the {things} and suggests close matches.
        """,
}
"""The shared sections of every layer by placeholder name: numpydoc text with ``{fields}``."""

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)%\((?P<name>\w+)\)s[ \t]*$", re.MULTILINE)


def fill(
    doc: str,
    owner: str = "a docstring",
    *,
    sections: Mapping[str, str] = SECTIONS,
    **fields: str,
) -> str:
    r"""Return `doc` with each placeholder line replaced by its section, indented to match.

    Parameters
    ----------
    doc : str
        A docstring with ``%(name)s`` placeholders, each on a line of its own.
    owner : str, default "a docstring"
        Who the docstring belongs to, for the error message.
    sections : mapping of str to str, default :data:`SECTIONS`
        The sections by placeholder name.
    **fields : str
        The values of the sections' ``{fields}``.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        For an unknown placeholder, or a section field without a value (naming `owner`).

    Examples
    --------
    >>> fill("Text\n    %(x)s", sections={"x": "- {item}"}, item="one")
    'Text\n    - one'
    """

    def section(match: re.Match) -> str:
        name, indent = match["name"], match["indent"]
        if name not in sections:
            msg = f"{owner}: no shared docstring section %({name})s; there are {sorted(sections)}"
            raise KeyError(msg)
        try:
            text = inspect.cleandoc(sections[name]).format(**fields)
        except KeyError as missing:
            msg = f"{owner}: the section %({name})s needs {missing.args[0]}= in shared_docs(...)"
            raise KeyError(msg) from None
        return "\n".join(indent + line if line else line for line in text.splitlines())

    return _PLACEHOLDER.sub(section, doc)


def filled_by(fill_doc: Callable[..., str], **fields: str) -> Callable[[F], F]:
    """Return a decorator that fills a function's docstring with ``fill_doc(doc, owner, ...)``.

    Parameters
    ----------
    fill_doc : callable
        :func:`fill`, or a layer's own fill with its sections.
    **fields : str
        The values of the sections' ``{fields}``.

    Returns
    -------
    callable
        A decorator that returns the function itself, with its ``__doc__`` filled.
    """

    def decorate(function: F) -> F:
        if function.__doc__:
            function.__doc__ = fill_doc(function.__doc__, function.__qualname__, **fields)
        return function

    return decorate


def shared_docs(**fields: str) -> Callable[[F], F]:
    """Fill the sections of :data:`SECTIONS` into the decorated function's docstring.

    Parameters
    ----------
    **fields : str
        The values of the sections' ``{fields}``, e.g. ``things="personas"``.

    Returns
    -------
    callable
        A decorator that returns the function itself, with its ``__doc__`` filled.
    """
    return filled_by(fill, **fields)
