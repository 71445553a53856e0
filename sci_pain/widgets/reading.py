"""A widget for reading a pain journal: pick a journal, see what the reader made of it.

The builder only wires library calls to controls: :func:`sci_pain.read_journal` (through
:func:`sci_pain.load_example_journal` for the bundled examples), ``Journal.summary()``, the
``Journal.problems`` table, :func:`sci_pain.plot_timeline` and
:func:`sci_pain.journal_alt_text`. Nothing is computed here.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from sci_pain.errors import did_you_mean
from sci_pain.style import PALETTE
from sci_pain.widgets._base import BORDER, dropdown, guarded, notice_html, style_html

if TYPE_CHECKING:
    from sci_pain.journal import Journal

__all__ = ["MESSY_EXAMPLE", "make_journal_reader_explorer"]

MESSY_EXAMPLE = "messy_example"
"""Name of the bundled messy journal (``data/journals/messy_example.csv``) in the widget."""
_MESSY_LABEL = "Example: a messy file, read as it is"
"""How the messy journal is offered in the drop-down (the header names it the same way)."""


def _bundled() -> dict[str, tuple[str, Callable[[], Journal]]]:
    """List the example journals and the messy file: name -> (dropdown label, loader)."""
    from sci_pain._resources import data_path
    from sci_pain.datasets import list_example_journals, load_example_journal
    from sci_pain.journal import read_journal

    choices: dict[str, tuple[str, Callable[[], Journal]]] = {}
    for row in list_example_journals().itertuples(index=False):
        choices[row.name] = (
            f"Example: {row.cause}",
            lambda name=row.name: load_example_journal(name),
        )
    choices[MESSY_EXAMPLE] = (
        _MESSY_LABEL,
        lambda: read_journal(data_path("journals", f"{MESSY_EXAMPLE}.csv")),
    )
    return choices


def _labelled(journal: Journal, name: str) -> Journal:
    """Relabel a journal's source briefly: a bundled file's path depends on the machine."""
    return dataclasses.replace(journal, source=f"{name}.csv")


def _summary_html(journal: Journal) -> str:
    return (
        f"<p><b>Summary:</b> {html.escape(journal.summary())}<br>"
        f"<b>Nothing lost:</b> records in the file: {journal.n_records} = "
        f"{journal.n_entries} kept in the entries + {journal.n_dropped} not kept.</p>"
    )


def _problems_html(journal: Journal) -> str:
    import pandas as pd

    if journal.problems.empty:
        return "<p><b>Problems:</b> none; every record was read as written.</p>"
    # as a learner reads it: headers in words, "yes"/"no" instead of Python's True/False
    shown = journal.problems.assign(kept=journal.problems["kept"].map({True: "yes", False: "no"}))
    shown.columns = [str(c).capitalize() for c in shown.columns]
    with pd.option_context("display.max_colwidth", None):
        table = shown.to_html(index=False, na_rep="", border=0, classes="sci-pain-problems")
    return (
        "<p><b>Problems</b> (Row: the row number a spreadsheet shows; Kept: is the record "
        f"in the entries?):</p>{table}"
    )


def _figure_html(journal: Journal, label: str) -> str:
    from matplotlib.figure import Figure

    from sci_pain.html import figure_html
    from sci_pain.plotting import journal_alt_text, plot_timeline

    if journal.n_entries == 0:
        return "<p><b>Timeline:</b> no entries were kept, so there is nothing to plot.</p>"
    figure = Figure(figsize=(8, 2.8))
    plot_timeline(journal, ax=figure.subplots(), title=f"Pain over time: {label}")
    return figure_html(
        figure,
        alt=journal_alt_text("timeline", journal),
        caption="Dots: each rating. Line: the mean of the last 7 days, drawn once at least "
        "half of those days have ratings.",
    )


_error_html = partial(
    notice_html,
    "This journal cannot be shown.",
    css_class="sci-pain-reader-error",
    colour=PALETTE["orange"],
    tag="p",
)
"""How a journal that cannot be read is shown (``_error_html(error)``)."""


def make_journal_reader_explorer(journals: Mapping[str, Journal] | None = None, *, value=None):
    """Build a journal picker showing the summary, the problems table and the timeline.

    Parameters
    ----------
    journals : mapping of str to Journal, optional
        Journals to choose from, by name. By default the bundled example journals (see
        :func:`sci_pain.list_example_journals`) and ``messy_example``, a small messy file
        read as it is (``data/journals/messy_example.csv``); each is read when first chosen.
    value : str, optional
        The name shown first (default: the first one).

    Returns
    -------
    ipywidgets.VBox
        With CSS class ``sci-pain-reader`` and the attributes ``controls`` (``{"journal":
        Dropdown}``, whose values are the names), ``summary`` and ``problems`` (HTML
        widgets: ``Journal.summary()`` with the record count, and the problems table) and
        ``figure`` (HTML widget: :func:`sci_pain.plot_timeline` with its alt text).

    Raises
    ------
    ValueError
        If ``journals`` is empty or ``value`` is not one of its names.

    Examples
    --------
    >>> box = make_journal_reader_explorer()
    >>> box.controls["journal"].value
    'neuropathic'
    >>> "236 records" in box.summary.value
    True
    >>> box.controls["journal"].value = "messy_example"
    >>> "duplicate of row 9" in box.problems.value
    True
    """
    import ipywidgets as w

    if journals is None:
        choices = _bundled()
    else:
        choices = {
            name: (name, lambda journal=journal: journal) for name, journal in journals.items()
        }
    if not choices:
        msg = "journals= is empty; pass a mapping of name -> Journal, or leave it out."
        raise ValueError(msg)
    if value is None:
        value = next(iter(choices))
    if value not in choices:
        msg = (
            f"value={value!r} is not one of the journals: {', '.join(choices)}."
            f"{did_you_mean(value, choices)}"
        )
        raise ValueError(msg)

    chooser = dropdown(
        "Journal:",
        "Choose a journal to read: its summary, problems and timeline appear below.",
        options=[(label, name) for name, (label, _) in choices.items()],
        value=value,
    )
    summary, problems, figure = w.HTML(), w.HTML(), w.HTML()
    cache: dict[str, Journal] = {}

    def show_journal() -> None:
        name = chooser.value
        if name not in cache:
            journal = choices[name][1]()
            cache[name] = _labelled(journal, name) if journals is None else journal
        journal = cache[name]
        summary.value = _summary_html(journal)
        problems.value = _problems_html(journal)
        # the figure's title names the journal as the drop-down does, not by its file name
        label = choices[name][0].removeprefix("Example: ") if journals is None else name
        figure.value = _figure_html(journal, label)

    def show_error(text: str) -> None:
        summary.value, problems.value, figure.value = text, "", ""

    # JournalError, AnalysisError: show it, don't swallow it
    update = guarded(show_journal, show_error, catch=ValueError, describe=_error_html)
    chooser.observe(update, names="value")
    update()
    header = w.HTML(
        style_html("reader")
        + "<h4>Read a journal</h4><p>Pick a journal. Below it: the reader's one-line "
        "summary, the table of problems it found (the bundled examples are clean; try "
        f"<i>{_MESSY_LABEL}</i>), and every rating over time.</p>"
    )
    box = w.VBox(
        [header, chooser, summary, problems, figure],
        layout=w.Layout(**BORDER),
    )
    box.add_class("sci-pain-reader")
    box.controls = {"journal": chooser}
    box.summary, box.problems, box.figure = summary, problems, figure
    return box
