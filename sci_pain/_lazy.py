"""Lazy public names for a package: each name's module is imported on first use.

``import sci_pain`` and ``import sci_pain.<layer>`` stay fast and pull in neither ipywidgets nor
SciPy until a name that needs them is used. Each package lists its public names once, in a table
``name -> submodule``; this module turns the table into the package's ``__getattr__`` and
``__dir__`` (PEP 562).

Examples
--------
>>> getattr_, dir_ = lazy_exports("sci_pain", {"PALETTE": "style"})
>>> getattr_("PALETTE")["orange"]
'#E69F00'
>>> dir_()
['PALETTE']
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, table: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` functions that load `table`'s names on first use.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    table : mapping of str to str
        Public name -> the submodule that defines it, relative to `package` (``"journal.reader"``).

    Returns
    -------
    tuple of callable
        ``(__getattr__, __dir__)`` to assign at the package's top level.
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

    return __getattr__, __dir__
