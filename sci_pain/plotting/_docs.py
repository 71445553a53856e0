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

:func:`shared_docs` fills them in with the machinery of :mod:`sci_pain._docs` (which
describes it), after filling the section's ``{fields}`` from the decorator's keywords
(``kind="calendar"`` makes ``:func:`plot_{kind}``` read ``:func:`plot_calendar```). Lines
under a placeholder that are indented further continue the section's last description, so a
figure can add what is its own::

    %(data_to_draw)s
        Then `column` comes from it.

Every example stays copy-paste runnable. (A shared doctest namespace was the other way to drop
the repeated set-up lines, but then ``help()`` would show examples that fail when a learner
pastes them.) ``tests/plotting/test_docs.py`` checks that no public figure function keeps a
placeholder.

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

from collections.abc import Callable

from sci_pain._docs import F, filled_by
from sci_pain._docs import fill as fill_sections

__all__ = ["SECTIONS", "FIELD_DEFAULTS", "shared_docs", "fill"]

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


def _data_type(kind: str) -> str:
    """Name the numbers of a kind: ``time_of_day_weekday`` -> ``TimeOfDayWeekdayData``."""
    return "".join(word.capitalize() for word in kind.split("_")) + "Data"


def fill(doc: str, owner: str = "a docstring", **fields: str) -> str:
    r"""Return `doc` with each placeholder line replaced by its section of :data:`SECTIONS`.

    As :func:`sci_pain._docs.fill` (the same parameters, return value and errors), with
    :data:`FIELD_DEFAULTS`; ``kind`` also gives ``data_type`` (``calendar`` ->
    ``CalendarData``) unless that is given.

    Examples
    --------
    >>> print(fill("Returns\n-------\n%(alt_text)s").splitlines()[2])
    str
    """
    values = {**FIELD_DEFAULTS, **fields}
    if "kind" in values:
        values.setdefault("data_type", _data_type(values["kind"]))
    return fill_sections(doc, owner, sections=SECTIONS, **values)


def shared_docs(**fields: str) -> Callable[[F], F]:
    """Fill the figures' shared sections into the decorated function's docstring.

    As :func:`sci_pain._docs.shared_docs` (a decorator that returns the function with its
    ``__doc__`` filled), with this module's :func:`fill`: e.g. ``shared_docs(kind="calendar")``.
    """
    return filled_by(fill, **fields)
