"""Lazy public names for a package: each name's module is imported on first use.

``import sci_pain`` and ``import sci_pain.<layer>`` stay fast and pull in neither ipywidgets nor
SciPy until a name that needs them is used. Each package lists its public names once, in a table
``name -> submodule``; this module turns the table into the package's ``__getattr__`` and
``__dir__`` (PEP 562) and its ``__all__``, so that a package sets up its public API in one line.

Examples
--------
>>> getattr_, dir_, all_ = lazy_exports("sci_pain", {"PALETTE": "style"})
>>> getattr_("PALETTE")["orange"]
'#E69F00'
>>> dir_(), all_
(['PALETTE'], ['PALETTE'])
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, table: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """Return ``__getattr__``, ``__dir__`` and ``__all__`` for a package whose names load on first use.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    table : mapping of str to str
        Public name -> the submodule that defines it, relative to `package` (``"journal.reader"``).

    Returns
    -------
    tuple
        ``(__getattr__, __dir__, __all__)`` to assign at the package's top level: two functions
        and the sorted list of public names.
    """

    def __getattr__(name: str) -> object:
        module_name = table.get(name)
        if module_name is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(f"{package}.{module_name}"), name)
        setattr(sys.modules[package], name, value)  # cache: later look-ups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted(table)

    return __getattr__, __dir__, sorted(table)
