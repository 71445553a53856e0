"""The numpydoc sections that many figures share, written once and filled into their docstrings.

Every journal figure takes the same ``entries``, ``ax`` and ``data`` parameters, every
``update_<kind>`` returns the same kind of list, and most examples start with the same four
lines. Each such section is written once, in :data:`SECTIONS`, and a docstring names it by a
placeholder on a line of its own (matplotlib's ``_docstring.interpd`` and pandas' ``@doc``
work the same way)::

    @shared_docs(kind="calendar")
    def update_calendar(ax, entries=None, *, first_day, column="pain", data=None):
        \"\"\"Show other entries on a calendar drawn by :func:`plot_calendar`, in place.
        ...
        %(ax_drawn)s
        %(entries_to_show)s
        ...

:func:`shared_docs` replaces each placeholder line by its section, indented like the
placeholder, after filling the section's ``{fields}`` from the decorator's keywords
(``kind="calendar"`` makes ``:func:`plot_{kind}``` read ``:func:`plot_calendar```). Lines
under a placeholder that are indented further continue the section's last description, so a
figure can add what is its own::

    %(data_to_draw)s
        Then `column` comes from it.

The function's ``__doc__`` is the filled text: ``help(sp.plot_calendar)``, Jupyter's ``?``,
Sphinx and the doctests see complete sections, and every example stays copy-paste runnable.
(A shared doctest namespace was the other way to drop the repeated set-up lines, but then
``help()`` would show examples that fail when a learner pastes them.) An unknown placeholder
or a missing field fails at import, naming the function; ``tests/plotting/test_docs.py``
checks that no public figure function keeps a placeholder.

**A new shared section**: add it to :data:`SECTIONS` (numpydoc text as in a docstring,
fields in braces, literal braces doubled) and use it in two or more docstrings; text that only
one function needs stays in that function's docstring.

Examples
--------
>>> print(fill("%(ax_drawn)s", kind="timeline"))
ax : Axes
    An Axes drawn by :func:`plot_timeline`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["SECTIONS", "FIELD_DEFAULTS", "shared_docs", "fill"]

F = TypeVar("F", bound=Callable[..., Any])

SECTIONS: dict[str, str] = {
    # -- parameters of <kind>_data(entries, ...) --
    "entries": """
        entries : DataFrame or Journal
            The journal: a :class:`sci_pain.Journal` (from :func:`sci_pain.read_journal` or
            :func:`sci_pain.load_example_journal`) or its ``entries`` table.
        """,
    "column": """
        column : str, default "pain"
            The rating drawn: a numeric journal column such as ``pain`` or ``interference``.
        """,
    # -- parameters of plot_<kind>(entries, *, ax=None, ...) --
    "entries_to_draw": """
        entries : DataFrame or Journal, optional
            The entries to draw: a :class:`sci_pain.Journal` or its ``entries`` table (or
            give `data`).
        """,
    "ax": """
        ax : Axes, optional
            The Axes to draw on; default the current Axes (``plt.gca()``).
        """,
    "ax_new_figure": """
        ax : Axes, optional
            The Axes to draw on; default a new figure of a size that fits the drawing.
        """,
    "title": """
        title : str, optional
            The Axes title; default one that says what is drawn.
        """,
    "data_to_draw": """
        data : {data_type}, optional
            The numbers from :func:`{kind}_data`, instead of the entries: they are only
            drawn, not computed again, and the options that shape them (such as `column`)
            come from them.
        """,
    "variable_and_lag": """
        variable : str, default "activity_min"
            One of ``activity_min``, ``sleep_hours``, ``spasms``, ``immobile_hours``,
            ``interference``.
        lag : int, default 0
            Days between the measure and the pain (1: the measure on the day before).
        """,
    "causes": """
        causes : DataFrame, optional
            As returned by :func:`sci_pain.load_causes` (default: all causes).
        """,
    # -- update_<kind>(ax, entries, ...): the dashboard's in-place redraw --
    "ax_drawn": """
        ax : Axes
            An Axes drawn by :func:`plot_{kind}`.
        """,
    "entries_to_show": """
        entries : DataFrame or Journal, optional
            The entries to show (or give `data`).
        """,
    "data_to_show": """
        data : {data_type}, optional
            The numbers from :func:`{kind}_data`, instead of the entries.
        """,
    "changed": """
        list
            The artists whose appearance changed, so that a dashboard can redraw only those:
        """,
    "not_drawn": """
        ValueError
            If `ax` was not drawn by :func:`plot_{kind}`.
        """,
    # -- alt texts --
    "alt_text": """
        str
            One sentence that describes the figure and its numbers, for people who cannot
            see it (screen readers, the ``alt`` of an image).
        """,
    "alt_text_of_data": """
        Parameters
        ----------
        data : {data_type}
            The numbers from :func:`{kind}_data`, as :func:`plot_{kind}` drew them (nothing is
            computed again).

        Returns
        -------
        str
            One sentence that describes the figure and its numbers, for people who cannot
            see it (screen readers, the ``alt`` of an image).
        """,
    # -- examples: the set-up most figure examples start with --
    "example": """
        >>> import matplotlib.pyplot as plt
        >>> import sci_pain as sp
        >>> entries = sp.load_example_journal("{journal}").entries
        >>> fig, ax = plt.subplots()
        """,
}
"""The shared sections by placeholder name: numpydoc text (dedented when filled) with ``{fields}``."""

FIELD_DEFAULTS: dict[str, str] = {"journal": "neuropathic"}
"""Fields a docstring may leave out: the example journal of ``%(example)s``."""

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)%\((?P<name>\w+)\)s[ \t]*$", re.MULTILINE)


def _data_type(kind: str) -> str:
    """Name the numbers of a kind: ``time_of_day_weekday`` -> ``TimeOfDayWeekdayData``."""
    return "".join(word.capitalize() for word in kind.split("_")) + "Data"


def fill(doc: str, owner: str = "a docstring", **fields: str) -> str:
    r"""Return `doc` with each placeholder line replaced by its section, indented to match.

    Parameters
    ----------
    doc : str
        A docstring with ``%(name)s`` placeholders, each on a line of its own.
    owner : str, default "a docstring"
        Who the docstring belongs to, for the error message.
    **fields : str
        The values of the sections' ``{fields}``; ``kind`` also gives ``data_type``
        (``calendar`` -> ``CalendarData``) unless that is given.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        For an unknown placeholder, or a section field without a value (naming `owner`).

    Examples
    --------
    >>> print(fill("Returns\n-------\n%(alt_text)s").splitlines()[2])
    str
    """
    values = {**FIELD_DEFAULTS, **fields}
    if "kind" in values:
        values.setdefault("data_type", _data_type(values["kind"]))

    def section(match: re.Match) -> str:
        name, indent = match["name"], match["indent"]
        if name not in SECTIONS:
            msg = f"{owner}: no shared docstring section %({name})s; there are {sorted(SECTIONS)}"
            raise KeyError(msg)
        try:
            text = inspect.cleandoc(SECTIONS[name]).format(**values)
        except KeyError as missing:
            msg = f"{owner}: the section %({name})s needs {missing.args[0]}= in shared_docs(...)"
            raise KeyError(msg) from None
        return "\n".join(indent + line if line else line for line in text.splitlines())

    return _PLACEHOLDER.sub(section, doc)


def shared_docs(**fields: str) -> Callable[[F], F]:
    """Fill the shared sections into the decorated function's docstring (see the module).

    Parameters
    ----------
    **fields : str
        The values of the sections' ``{fields}``, e.g. ``kind="calendar"``.

    Returns
    -------
    callable
        A decorator that returns the function itself, with its ``__doc__`` filled.
    """

    def decorate(function: F) -> F:
        if function.__doc__:
            function.__doc__ = fill(function.__doc__, function.__qualname__, **fields)
        return function

    return decorate
