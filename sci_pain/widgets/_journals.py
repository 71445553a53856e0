"""The journals a widget offers, and reading an uploaded diary: shared by the journal widgets.

The dashboard, "did it help?" and the upload widget let a learner choose an example journal,
pass their own, or upload a file. This module holds that once: :class:`Journals` (the
choices, read when first chosen), :func:`journal_dropdown`, :func:`upload_control` with
:func:`uploaded_file` and :func:`read_upload` (one reading of an uploaded file, for the
dashboard's upload button and the upload widget alike), and :func:`journal_html` (a journal's
summary and problems table).

Examples
--------
>>> journals = Journals(None)
>>> journals.options[0]
('Example: below-level neuropathic pain', 'neuropathic')
>>> journals.get("neuropathic").source
'neuropathic.csv'
"""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING

from sci_pain.widgets._base import BORDER, WIDE, FigureView, Hold, message_html, style_html

if TYPE_CHECKING:
    from sci_pain.journal import Journal

__all__ = [
    "GIVEN",
    "JournalWidget",
    "Journals",
    "as_journal",
    "example_choices",
    "journal_dropdown",
    "journal_html",
    "date_order_control",
    "date_order_html",
    "read_upload",
    "upload_control",
    "uploaded_file",
]

GIVEN = "__given__"
"""The dropdown value of the journal passed to a builder."""
_UPLOAD = "upload:"
_MAX_PROBLEM_ROWS = 40
_ACCEPT = ".csv,.json,.txt,.xlsx,text/csv,application/json"


def example_choices() -> list[tuple[str, str]]:
    """List the example journals as dropdown options: ``("Example: <cause>", name)``."""
    from sci_pain.datasets import list_example_journals

    return [
        (f"Example: {row.cause}", row.name)
        for row in list_example_journals().itertuples(index=False)
    ]


def as_journal(journal) -> Journal:
    """Return a Journal, or make one from a frame of records (checked by the reader).

    Raises
    ------
    TypeError
        For anything else.
    """
    import pandas as pd

    from sci_pain.journal import Journal, journal_from_frame

    if isinstance(journal, Journal):
        return journal
    if isinstance(journal, pd.DataFrame):
        return journal_from_frame(journal, source="your journal")
    msg = (
        f"journal= must be a Journal (from sci_pain.read_journal) or a DataFrame of journal "
        f"records, not {type(journal).__name__}"
    )
    raise TypeError(msg)


class Journals:
    """The journals a widget can show: the one given, the examples, and uploads (cached).

    Parameters
    ----------
    journal : Journal or DataFrame or None
        The learner's own journal, offered first.

    Attributes
    ----------
    options : list of (label, key)
        For a Dropdown.
    """

    def __init__(self, journal):
        self.given = None if journal is None else as_journal(journal)
        self.loaded: dict[str, Journal] = {}
        self.options: list[tuple[str, str]] = []
        if self.given is not None:
            self.options.append((f"your journal ({self.given.source})", GIVEN))
        self.options.extend(example_choices())

    def get(self, key: str) -> Journal:
        """Return the journal of a dropdown value (an example is read when first asked for)."""
        from sci_pain.datasets import load_example_journal

        if key == GIVEN:
            return self.given
        if key not in self.loaded:
            # a short source label: a bundled file's path depends on the machine
            journal = load_example_journal(key)
            self.loaded[key] = dataclasses.replace(journal, source=f"{key}.csv")
        return self.loaded[key]

    def add_upload(self, name: str, journal: Journal) -> str:
        """Offer an uploaded journal (replacing an earlier upload of that name); its key."""
        key = f"{_UPLOAD}{name}"
        self.loaded[key] = journal
        self.options = [o for o in self.options if o[1] != key] + [(f"uploaded: {name}", key)]
        return key


class JournalWidget:
    """What the journal widgets share: the journals offered, a hold on redraws, a figure.

    Parameters
    ----------
    journals : Journals
        The journals to offer.
    image : bool, default False
        Show the figure in an ``ipywidgets.Image`` (see :class:`FigureView`).

    Attributes
    ----------
    journal : Journal or None
        The journal shown.
    hold : Hold
        Set while controls are changed in code.
    panel : FigureView
        The figure and its description.
    """

    css_class = "sci-pain-journal-widget"

    def __init__(self, journals: Journals, *, image: bool = False):
        self.journals = journals
        self.journal: Journal | None = None
        self.hold = Hold()
        self.panel = FigureView(image=image)

    def frame(self, header: str, children: list):
        """Make the widget's box: the header (with the journal widgets' CSS), then children."""
        import ipywidgets as w

        box = w.VBox([w.HTML(style_html("journal") + header), *children], layout=w.Layout(**BORDER))
        box.add_class(self.css_class)
        return box


def journal_dropdown(journals: Journals):
    """Make the Dropdown choosing among ``journals`` (the first one chosen)."""
    import ipywidgets as w

    return w.Dropdown(
        options=journals.options,
        value=journals.options[0][1],
        description="Journal:",
        tooltip="Choose an example journal (or your own, or an uploaded file).",
        style=WIDE,
        layout=w.Layout(width="max-content"),
    )


def journal_html(journal: Journal) -> str:
    """Show a journal's one-line summary, then its problems table (at most 40 rows)."""
    import pandas as pd

    text = f"<p><b>Journal:</b> {html.escape(journal.summary())}</p>"
    if journal.problems.empty:
        return text + "<p>No problems: every record was read as written.</p>"
    problems = journal.problems
    more = len(problems) - _MAX_PROBLEM_ROWS
    with pd.option_context("display.max_colwidth", None):
        table = problems.head(_MAX_PROBLEM_ROWS).to_html(
            index=False, na_rep="", border=0, classes="sci-pain-problems", escape=True
        )
    return (
        text + "<p><b>Problems found when reading</b> (row = the row a spreadsheet shows; kept = "
        "is the record among the entries?):</p>"
        + table
        + (f"<p>... and {more} more problems.</p>" if more > 0 else "")
    )


# -- uploads --------------------------------------------------------------------------------


def upload_control(description: str, tooltip: str, **layout):
    """Make the FileUpload button for a diary (a CSV or .xlsx journal, a diary-app export, FHIR)."""
    import ipywidgets as w

    return w.FileUpload(
        accept=_ACCEPT,
        multiple=False,
        description=description,
        tooltip=tooltip,
        **({"layout": w.Layout(**layout)} if layout else {}),
    )


def uploaded_file(upload) -> tuple[str, bytes] | None:
    """Return the name and content of the file last given to a FileUpload (None: no file)."""
    if not upload.value:
        return None
    item = upload.value[-1]
    return str(item["name"]), bytes(item["content"])


_DATE_LABEL = "Dates in the file are written:"
# the control named, not "below": it sits above the message in one upload, below in another
_DATE_CONTROL = f"the drop-down <b>{_DATE_LABEL.rstrip(':')}</b>"


def date_order_html(error: Exception, title: str, headers: dict | None = None) -> str:
    """Ask, in a clinician's words, how the dates of a file are written (day or month first).

    ``error`` is a :class:`~sci_pain.errors.JournalError` whose ``needs_date_order`` is
    True; its ``column``, ``examples``, ``rows`` and ``mixed`` say what to show. ``headers``
    maps a journal column back to the header the learner's file gives it (after mapping
    ``{"When": "timestamp"}`` the message names "When", the column the learner knows).
    """
    column = getattr(error, "column", None)
    column = (headers or {}).get(column, column)
    where = f"in the column <b>{html.escape(str(column))}</b>" if column else "in this file"
    examples = getattr(error, "examples", ()) or ("03/04/2026",)
    rows = getattr(error, "rows", ()) or ("?", "?")
    if getattr(error, "mixed", False) and len(examples) >= 2:
        (r1, t1), (r2, t2) = list(zip(rows, examples, strict=False))[:2]
        text = (
            f"Some dates {where} can only be day first (row {r1}: "
            f"<code>{html.escape(t1)}</code>) and others only month first (row {r2}: "
            f"<code>{html.escape(t2)}</code>). Correct the rows that are wrong in your file, "
            f"or pick the order most rows use in {_DATE_CONTROL}; the other rows are then "
            "listed as problems."
        )
    else:
        shown = ", ".join(f"<code>{html.escape(t)}</code>" for t in examples[:3])
        text = (
            f"The dates {where} (for example {shown}) could be day first or month first: "
            "03/04/2026 is 3 April in the UK and 4 March in the US, and only the person who "
            f"wrote them knows which. Nothing is guessed: pick the order in {_DATE_CONTROL}."
        )
    return (
        f'<div class="sci-pain-message sci-pain-date-order"><p><b>{html.escape(title)}</b> '
        f"Which way round are the dates written?</p><p>{text}</p></div>"
    )


def date_order_control():
    """Make the date-order drop-down every upload shows when a file's dates need it."""
    from sci_pain.journal import DATE_ORDER_CHOICES
    from sci_pain.widgets._base import dropdown

    return dropdown(
        _DATE_LABEL,
        "Day first (31/12/2024), month first (12/31/2024) or year first (2024-12-31).",
        options=[("(choose)", None), *DATE_ORDER_CHOICES],
        value=None,
    )


def read_upload(name: str, data: bytes, *, title: str, **options):
    """Read an uploaded diary, recognised by its content.

    Parameters
    ----------
    name : str
        The file name (in messages).
    data : bytes
        The file.
    title : str
        How a failure is introduced, e.g. ``"diary.csv cannot be read:"``.
    **options
        Passed to :func:`sci_pain.journal.read_diary` (``columns``, ``date_format``,
        ``date_order``).

    Returns
    -------
    tuple
        ``(kind, journal, None, None)``, or ``(None, None, html, error)`` with the reader's
        message when the file cannot be read. When the dates could be day first or month
        first (``error.needs_date_order``), the message asks which, in plain words
        (:func:`date_order_html`).
    """
    from sci_pain.journal import JournalError, read_diary

    try:
        kind, journal = read_diary(data, name=name, **options)
    except (JournalError, ValueError) as error:
        if getattr(error, "needs_date_order", False):
            headers = {c: h for h, c in (options.get("columns") or {}).items()}
            return None, None, date_order_html(error, title, headers), error
        return None, None, message_html(title, error), error
    return kind, journal, None, None
