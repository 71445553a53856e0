"""The "did it help?" widget: pick an intervention and its start, see before against after.

Wiring only: :func:`sci_pain.compare_phases` compares the phases and
:func:`sci_pain.plot_phases` draws them. The builder returns its container without displaying
it, with the CSS class ``sci-pain-did-it-help``, its controls in ``box.controls`` (set
``.value`` in code to drive them) and what it shows as attributes. A stored notebook shows the
first figure with its alt text (:func:`sci_pain.widgets._base.static_fallback`).
"""

from __future__ import annotations

import datetime as _dt
import html
from typing import TYPE_CHECKING, Any

from sci_pain.widgets._base import WIDE, dropdown, message_html, slider, static_fallback
from sci_pain.widgets._journals import Journals, JournalWidget, journal_dropdown

if TYPE_CHECKING:
    from sci_pain.journal import Journal

__all__ = ["make_did_it_help"]

_HEADER = (
    "<h4>Did it help?</h4><p>Choose a journal and an intervention: the start "
    "of phase B is its first recorded use (move it to see how much the answer depends on "
    "it). Pain is better when lower.</p>"
)


def _comparison_html(result) -> str:
    """Show the comparison in words, its measures and its warnings."""
    from sci_pain.html import table

    lines = [line for line in result.summary().split("\n") if line not in result.warnings]
    name = result.intervention or ""
    if "_" in name:  # "botulinum_toxin" reads as "botulinum toxin"
        lines = [line.replace(name, name.replace("_", " ")) for line in lines]
    measures = table(result.to_frame()).html.replace(
        'class="sci-pain-table"', 'class="sci-pain-table sci-pain-measures"', 1
    )
    warnings = "".join(f"<li>⚠ {html.escape(text)}</li>" for text in result.warnings)
    if result.excluded:
        lines.append(
            f"Wash-in: {result.excluded} day{'s' * (result.excluded != 1)} at the start of "
            "phase B left out (the wash-in slider; it goes back to 0 for another journal)."
        )
    return (
        "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + measures
        + (
            f'<p><b>Read with care:</b></p><ul class="sci-pain-warnings">{warnings}</ul>'
            if warnings
            else ""
        )
    )


def _starts(entries):
    """Return :func:`sci_pain.analysis.intervention_starts` of the entries (first day of each)."""
    from sci_pain.analysis import intervention_starts

    return intervention_starts(entries)


def _first_use(starts, name) -> Any:
    """Return the day an intervention was first recorded (None: never, or no intervention)."""
    if name is None or name not in starts.index:
        return None
    return starts.loc[name, "start"].date()


def _interventions(starts) -> list[str]:
    """List the recorded interventions, the one started last (longest baseline) first."""
    return list(starts["start"].sort_values(ascending=False, kind="stable").index)


def _controls(journals: Journals) -> dict:
    import ipywidgets as w

    return {
        "journal": journal_dropdown(journals),
        "intervention": dropdown(
            "Intervention:",
            "What started (latest first): its first recorded use is taken as the start.",
        ),
        "start": w.SelectionSlider(
            options=[("-", 0)],
            description="Phase B starts:",
            tooltip="The first day of the treatment phase (B); the days before are the "
            "baseline (A).",
            continuous_update=False,
            style=WIDE,
            layout=w.Layout(width="80%"),
        ),
        "washin": slider(
            "Wash-in (days):",
            "Days at the start of B left out, for a treatment that takes time to act.",
            value=0,
            low=0,
            high=28,
        ),
    }


class _DidItHelp(JournalWidget):
    """The widget's state and callbacks; ``box`` is what the builder returns."""

    css_class = "sci-pain-did-it-help"

    def __init__(self, journals: Journals, *, dpi: int):
        import ipywidgets as w
        from matplotlib.figure import Figure

        from sci_pain.style import style_context

        super().__init__(journals)
        self.starts = None  # intervention_starts of the journal shown
        self.controls = c = _controls(journals)
        self.summary = w.HTML()
        with style_context():
            self.fig = Figure(figsize=(8.5, 4.2), dpi=dpi)
            self.fig.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.25)
            self.ax = self.fig.add_subplot()
        c["journal"].observe(self.choose, names="value")
        c["intervention"].observe(self.on_intervention, names="value")
        c["start"].observe(self.redraw, names="value")
        c["washin"].observe(self.redraw, names="value")
        self.box = self.frame(
            _HEADER, [*c.values(), self.panel.figure, self.panel.alt, self.summary]
        )
        self.box.controls = c
        self.box.figure, self.box.alt = self.panel.figure, self.panel.alt
        self.box.summary = self.summary
        self.box.result = self.box.journal = None

    def redraw(self, _change=None) -> None:
        """Compare the phases the controls select; draw them and say what they show."""
        from sci_pain.analysis import compare_phases
        from sci_pain.plotting import alt_text, plot_phases, render_png
        from sci_pain.style import style_context

        c = self.controls
        if self.hold or self.journal is None or not isinstance(c["start"].value, _dt.date):
            return
        try:
            result = compare_phases(
                self.journal.entries,
                start=c["start"].value,
                intervention=c["intervention"].value,
                washin_days=c["washin"].value,
            )
        except ValueError as error:  # AnalysisError: e.g. a phase without days
            self.box.result = None
            self.summary.value = message_html("No comparison:", error)
            return
        with style_context():
            self.ax.clear()
            plot_phases(result, ax=self.ax)
            png = render_png(self.fig)
        text = alt_text("phases", result)
        self.panel.show(png, text)
        self.panel.describe(text)
        self.summary.value = _comparison_html(result)
        self.box.result = result

    def set_journal(self, journal: Journal) -> None:
        """Offer a journal's interventions and days; compare around the first one's start."""
        from sci_pain.analysis import journal_days

        c = self.controls
        self.journal = self.box.journal = journal
        days = journal_days(journal.entries)
        self.starts = _starts(journal.entries)
        names = _interventions(self.starts)
        with self.hold:
            # a wash-in belongs to one treatment of one journal: never carry it over
            c["washin"].value = 0
            c["start"].options = [(f"{d:%d %b %Y}", d) for d in days[1:]] or [("-", 0)]
            c["intervention"].options = [(n.replace("_", " "), n) for n in names] + [
                ("(none: compare before and after the start day)", None)
            ]
            c["intervention"].value = names[0] if names else None
            self.place_start()
        self.redraw()

    def place_start(self) -> None:
        """Start phase B at the intervention's first use (else mid-journal)."""
        start = self.controls["start"]
        day = _first_use(self.starts, self.controls["intervention"].value)
        options = [value for _, value in start.options]
        if day not in options:
            day = options[len(options) // 2]
        start.value = day

    def on_intervention(self, _change=None) -> None:
        if self.hold:
            return
        with self.hold:
            self.place_start()
        self.redraw()

    def choose(self, _change=None) -> None:
        try:
            self.set_journal(self.journals.get(self.controls["journal"].value))
        except ValueError as error:
            self.summary.value = message_html("This journal cannot be read:", error)


def make_did_it_help(journal=None, *, dpi: int = 90):
    """Build "did it help?": pick an intervention and its start, see before against after.

    The phase plot (:func:`sci_pain.plot_phases`) shows the daily means before (A) and after
    (B) the start, and below it the comparison in words, its measures (NAP, Tau, Tau-BC with
    intervals) and every warning of :func:`sci_pain.compare_phases` (few days, a baseline
    trend, autocorrelation, regression to the mean, confounding).

    Parameters
    ----------
    journal : Journal or DataFrame, optional
        A journal to show first; the example journals are offered too.
    dpi : int, default 90
        Resolution of the phase plot.

    Returns
    -------
    ipywidgets.VBox
        CSS class ``sci-pain-did-it-help``, with attributes ``controls`` (dict: ``journal``,
        ``intervention``, ``start``, ``washin``), ``figure`` (Output: the phase plot as an
        ``<img>`` with alt text), ``alt`` (HTML),
        ``summary`` (HTML: the comparison in words, the measures and the warnings),
        ``result`` (the last :class:`sci_pain.PhaseComparison`, or None) and ``journal``.

    Examples
    --------
    >>> box = make_did_it_help()
    >>> box.controls["intervention"].value
    'tens'
    >>> "Before tens" in box.summary.value
    True
    >>> box.controls["washin"].value = 3
    >>> "Wash-in: 3 days" in box.summary.value
    True
    """
    widget = _DidItHelp(Journals(journal), dpi=dpi)
    widget.choose()
    return static_fallback(
        widget.box,
        lambda: widget.panel.static_html("Did it help?"),
        "[Did it help?: interactive widget]",
    )
