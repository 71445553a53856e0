"""The plotting layer's docstrings: shared sections filled in, complete for a reader of help()."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import sci_pain as sp
import sci_pain.plotting as plotting
from sci_pain.plotting._docs import SECTIONS, fill, shared_docs

PLOTTING = Path(plotting.__file__).parent
PUBLIC_FUNCTIONS = sorted(
    name for name in plotting.__all__ if inspect.isfunction(getattr(plotting, name))
)


def _doc(name: str) -> str:
    return inspect.cleandoc(getattr(plotting, name).__doc__ or "")


def _section(doc: str, title: str) -> list[str]:
    """The lines of a numpydoc section, up to the next section or the end."""
    lines = doc.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line == title and set(lines[i + 1]) == {"-"}:
            body = []
            for nxt, after in zip(lines[i + 2 :], [*lines[i + 3 :], ""], strict=True):
                if after and set(after) == {"-"} and not nxt.startswith(" "):
                    break
                body.append(nxt)
            return body
    return []


def _documented(parameters: list[str]) -> set[str]:
    names: set[str] = set()
    for line in parameters:
        if line and not line.startswith(" "):
            names.update(n.strip() for n in line.split(" : ")[0].split(","))
    return names


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_no_placeholder_is_left_unfilled(name):
    doc = getattr(plotting, name).__doc__
    assert not re.search(r"%\(\w+\)s", doc), f"{name}: a %(...)s placeholder was not filled"
    assert "{kind}" not in doc and "{data_type}" not in doc, f"{name}: a field was not filled"


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_every_public_function_documents_parameters_returns_and_examples(name):
    doc = _doc(name)
    for title in ("Parameters", "Returns", "Examples"):
        assert _section(doc, title), f"{name} has no {title} section"


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_every_parameter_of_the_signature_is_documented(name):
    function = getattr(plotting, name)
    documented = {n.lstrip("*") for n in _documented(_section(_doc(name), "Parameters"))}
    missing = [p for p in inspect.signature(function).parameters if p not in documented]
    assert not missing, f"{name} does not document {missing}"


def test_help_shows_the_shared_descriptions_in_full():
    doc = inspect.cleandoc(sp.plot_calendar.__doc__)
    assert "entries : DataFrame or Journal, optional\n    The entries to draw" in doc
    assert "data : CalendarData, optional\n    The numbers from :func:`calendar_data`" in doc
    # a figure's own words continue the shared description
    assert "interference``.\n    Its daily mean colours each day's cell." in doc
    update = inspect.cleandoc(sp.update_body_map.__doc__)
    assert "ax : Axes\n    An Axes drawn by :func:`plot_body_map`." in update
    assert "redraw only those:\n    the sites and their value labels." in update


def test_the_example_set_up_is_written_out_for_a_learner_to_paste():
    doc = inspect.cleandoc(sp.update_body_map.__doc__)
    examples = "\n".join(_section(doc, "Examples"))
    assert examples.startswith(
        ">>> import matplotlib.pyplot as plt\n>>> import sci_pain as sp\n"
        '>>> entries = sp.load_example_journal("overuse").entries\n'
        ">>> fig, ax = plt.subplots()\n>>> ax = plot_body_map(entries, ax=ax)"
    )


def test_fill_indents_each_section_like_its_placeholder_and_keeps_the_rest():
    doc = "Summary, 95% sure.\n\n    Parameters\n    ----------\n    %(ax_drawn)s\n        More.\n"
    assert fill(doc, kind="calendar") == (
        "Summary, 95% sure.\n\n    Parameters\n    ----------\n    ax : Axes\n"
        "        An Axes drawn by :func:`plot_calendar`.\n        More.\n"
    )


def test_fill_gives_the_numbers_type_of_a_kind():
    assert "data : TimeOfDayWeekdayData, optional" in fill(
        "%(data_to_show)s", kind="time_of_day_weekday"
    )
    assert "data : PhaseComparison" in fill(
        "%(alt_text_of_data)s", kind="phases", data_type="PhaseComparison"
    )


def test_an_unknown_placeholder_fails_at_import_naming_the_function():
    with pytest.raises(KeyError, match=r"broken: no shared docstring section %\(entires\)s"):

        @shared_docs(kind="calendar")
        def broken():
            """Do nothing.

            %(entires)s
            """


def test_a_section_without_its_field_fails_naming_the_field():
    with pytest.raises(KeyError, match=r"needs kind= in shared_docs"):
        fill("%(ax_drawn)s", "update_x")


def test_a_placeholder_inside_a_line_is_left_alone():
    assert fill("see %(ax)s here") == "see %(ax)s here"


def test_every_shared_section_is_used_by_two_docstrings_or_more():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PLOTTING.rglob("*.py"))
    used_once = [name for name in SECTIONS if sources.count(f"%({name})s") < 2]
    assert not used_once, f"text one function needs belongs in its own docstring: {used_once}"
