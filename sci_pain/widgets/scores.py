"""Widgets for the clinical scores: controls wired to one pure function each.

Every builder returns a container (not displayed) with two attributes: ``controls``, a dict
from argument name to control, and ``result``, the HTML widget that shows the result. Each
change of a control calls the pure function in :mod:`sci_pain.analysis.scores` and shows its
:func:`~sci_pain.html.score_html`; a :class:`~sci_pain.analysis.scores.ScoreError` is shown in the
result instead of being swallowed. No scoring happens here.

Examples
--------
>>> box = make_wells_widget()
>>> box.controls["calf_swelling_3cm"].value = True
>>> "DVT likely" in box.result.value
True
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping

from sci_pain.analysis import (
    MAS_GRADES,
    bmi,
    braden,
    dn4,
    modified_ashworth,
    penn_spasm_frequency,
    scipi,
    score_definition,
    wells_dvt,
)
from sci_pain.html import score_html
from sci_pain.style import PALETTE
from sci_pain.widgets._base import BORDER, WIDE, checkbox, dropdown, guarded, notice_html

__all__ = [
    "make_ashworth_widget",
    "make_penn_widget",
    "make_braden_widget",
    "make_wells_widget",
    "make_bmi_widget",
    "make_dn4_widget",
    "make_scipi_widget",
]


def _text(value: object) -> str:
    return " ".join(str(value).split())


class _Pending(Exception):
    """The form is not complete yet; the message says what to fill in next."""


class _OutOfRange(ValueError):
    """A typed number outside what the calculator accepts; the message is for the learner."""


def _problem_html(problem: Exception) -> str:
    """Say what stops a score, in the result: a missing answer, a number out of range, an error."""
    if isinstance(problem, _Pending):
        title, css, colour = "One more answer.", "sci-pain-score-pending", PALETTE["blue"]
    elif isinstance(problem, _OutOfRange):
        title, css, colour = "▲ Check the number.", "sci-pain-score-error", PALETTE["orange"]
    else:  # ScoreError: show it, don't swallow it
        title, css, colour = "▲ Check the answers.", "sci-pain-score-error", PALETTE["orange"]
    return notice_html(
        title, problem, css_class=f"sci-pain-score {css}", colour=colour, spaced=True
    )


def _values(controls: Mapping) -> dict:
    """Return the value of each control, by name (the score function's arguments)."""
    return {key: control.value for key, control in controls.items()}


def _tick_boxes(items: Iterable[dict], titles: Mapping[str, str] | None = None):
    """One numbered tick box per item (keyed by ``item["key"]``), headed by part if titled.

    Returns
    -------
    (dict, list)
        The controls by key, and the rows to lay out (headings and tick boxes).
    """
    import ipywidgets as w

    controls, rows, heading = {}, [], None
    for number, item in enumerate(items, start=1):
        if titles is not None and item["part"] != heading:
            heading = item["part"]
            rows.append(w.HTML(f"<b>{html.escape(titles.get(heading, heading))}</b>"))
        control = checkbox(f"{number}. {item['label']}", _text(item["help"]), width="max-content")
        controls[item["key"]] = control
        rows.append(control)
    return controls, rows


def _yes_no_widget(name: str, score: Callable, intro: str, *, titles=None):
    """Build a questionnaire of yes/no items (one tick box each) scored by ``score``."""
    record = score_definition(name)
    controls, rows = _tick_boxes(record["items"], titles)
    box = _assemble(
        record["title"], controls, rows, lambda: score(**_values(controls)), intro=intro
    )
    box.add_class(f"sci-pain-{name}")
    return box


def _assemble(title: str, controls: Mapping, rows: list, compute: Callable, intro: str = ""):
    """Lay out the controls above the result and call ``compute`` on every change."""
    import ipywidgets as w

    result = w.HTML(value="")
    result.add_class("sci-pain-result")

    def show_score() -> None:
        result.value = score_html(compute())

    update = guarded(show_score, result, catch=(_Pending, ValueError), describe=_problem_html)

    for control in controls.values():
        control.observe(update, names="value")
    update()
    header = f"<h4>{html.escape(title)}</h4>"
    if intro:
        header += f"<p>{html.escape(intro)}</p>"
    # the result beside the controls (below them on a narrow screen), so a change shows
    # without scrolling on a laptop screen
    body = w.HBox(
        [
            w.VBox(list(rows), layout=w.Layout(flex="1 1 50%", min_width="320px")),
            w.VBox(
                [result], layout=w.Layout(flex="1 1 40%", min_width="300px", margin="0 0 0 8px")
            ),
        ],
        layout=w.Layout(flex_flow="row wrap", align_items="flex-start"),
    )
    box = w.VBox([w.HTML(header), body], layout=w.Layout(**BORDER))
    box.add_class("sci-pain-score-widget")
    box.controls, box.result = dict(controls), result
    return box


def make_ashworth_widget():
    """Build a Modified Ashworth grade picker that shows the grade's definition and order.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls["grade"]`` (ToggleButtons with ``"0"`` to ``"4"`` including ``"1+"``)
        and ``box.result`` (HTML from :func:`sci_pain.modified_ashworth`).

    Examples
    --------
    >>> box = make_ashworth_widget()
    >>> box.controls["grade"].value = "1+"
    >>> "between 1 and 2" in box.result.value
    True
    """
    import ipywidgets as w

    record = score_definition("modified_ashworth")
    definitions = {str(g["grade"]): _text(g["definition"]) for g in record["grades"]}
    grade = w.ToggleButtons(
        options=list(MAS_GRADES.categories),
        value="0",
        description="MAS grade:",
        tooltips=[f"{g}: {definitions[g]}" for g in MAS_GRADES.categories],
        style={**WIDE, "button_width": "48px"},
    )
    controls = {"grade": grade}
    box = _assemble(
        record["title"],
        controls,
        [grade],
        lambda: modified_ashworth(grade.value),
        intro="Pick the grade felt on moving the limb passively; hover a grade to read it.",
    )
    box.add_class("sci-pain-ashworth")
    return box


def make_penn_widget():
    """Build the Penn Spasm Frequency Scale: frequency, then severity when there are spasms.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls["frequency"]`` (0-4), ``box.controls["severity"]`` (1-3, or ``None``
        while not chosen) and ``box.result`` (HTML from
        :func:`sci_pain.penn_spasm_frequency`). With spasms but no severity, the result asks,
        in plain words, for the severity (part 2); with no spasms the severity is greyed out.

    Examples
    --------
    >>> box = make_penn_widget()
    >>> box.controls["frequency"].value = 3
    >>> "now choose how strong they are" in box.result.value
    True
    >>> box.controls["severity"].value = 2
    >>> "moderate" in box.result.value
    True
    """
    record = score_definition("penn_spasm_frequency")
    frequency = dropdown(
        "Spasm frequency:",
        "Part 1: how often spasms come (state the time frame, e.g. the last week).",
        options=[
            (f"{o['value']} - {_text(o['text'])}", int(o["value"])) for o in record["frequency"]
        ],
        value=0,
    )
    severity = dropdown(
        "Spasm severity:",
        "Part 2: how strong the spasms are; not asked when there are no spasms.",
        options=[
            (f"{o['value']} - {_text(o['text'])}", int(o["value"])) for o in record["severity"]
        ],
        value=None,
    )
    controls = {"frequency": frequency, "severity": severity}
    severity.disabled = True

    def compute():
        severity.disabled = frequency.value == 0
        if frequency.value and severity.value is None:
            msg = (
                f"Spasm frequency {frequency.value}: there are spasms, so now choose how strong "
                "they are (spasm severity, part 2) to complete the score."
            )
            raise _Pending(msg)
        return penn_spasm_frequency(frequency.value, severity=severity.value)

    box = _assemble(
        record["title"],
        controls,
        [frequency, severity],
        compute,
        intro="A self-report: how often spasms come and, if they do, how strong they are.",
    )
    box.add_class("sci-pain-penn")
    return box


def make_braden_widget(cutoffs=None):
    """Build the Braden Scale: six subscales, the total and its risk band.

    Parameters
    ----------
    cutoffs : int or mapping, optional
        Passed to :func:`sci_pain.braden` (``None``: the common five bands; ``16``: at risk
        at 16 or less; or your own ``{max_total: label}``). Checked when the widget is built.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls`` keyed by subscale (``"sensory_perception"``, ``"moisture"``,
        ``"activity"``, ``"mobility"``, ``"nutrition"``, ``"friction_shear"``), starting at
        the best answer of each (total 23), and ``box.result``.

    Raises
    ------
    ScoreError
        If ``cutoffs`` cannot be read.

    Examples
    --------
    >>> box = make_braden_widget(cutoffs=16)
    >>> for name, points in dict(sensory_perception=2, activity=2, mobility=2).items():
    ...     box.controls[name].value = points
    >>> "total 17" in box.result.value and "not at risk" in box.result.value
    True
    """
    record = score_definition("braden")
    controls = {}
    for sub in record["subscales"]:
        options = [(f"{o['points']} - {o['text']}", int(o["points"])) for o in sub["options"]]
        controls[sub["key"]] = dropdown(
            f"{sub['label']}:",
            _text(sub["help"]),
            options=options,
            value=max(points for _, points in options),
        )
    braden(
        **_values(controls), cutoffs=cutoffs
    )  # fail now, not on the first click, if cutoffs are wrong
    box = _assemble(
        record["title"],
        controls,
        list(controls.values()),
        lambda: braden(**_values(controls), cutoffs=cutoffs),
        intro="Choose one answer per subscale; 1 is the worst state. Lower totals mean "
        "higher risk.",
    )
    box.add_class("sci-pain-braden")
    return box


def make_wells_widget():
    """Build the Wells DVT score (2003) as ten tick boxes, with the SCI and emergency notes.

    The paralysis item starts ticked, because after spinal cord injury it scores for
    everyone: the total starts one point nearer "likely". Untick it to see the score of the
    same findings without SCI.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls`` keyed by item (as :func:`sci_pain.wells_dvt`'s arguments) and
        ``box.result``; the result always opens with the emergency warning.

    Examples
    --------
    >>> box = make_wells_widget()
    >>> "total 1" in box.result.value and "emergency" in box.result.value
    True
    """
    record = score_definition("wells_dvt")
    controls = {}
    for item in record["items"]:
        points = int(item["points"])
        controls[item["key"]] = checkbox(
            f"{item['label']} ({points:+d})",
            _text(item["help"]),
            value=item["key"] == "paralysis_paresis_or_cast",
            width="max-content",
        )
    box = _assemble(
        record["title"],
        controls,
        list(controls.values()),
        lambda: wells_dvt(**_values(controls)),
        intro="Tick the findings that are present. A teaching calculator: a suspected DVT is "
        "an emergency whatever the score.",
    )
    box.add_class("sci-pain-wells")
    return box


_BMI_WEIGHT_KG = (20.0, 400.0)
_BMI_HEIGHT_CM = (100.0, 250.0)


def _check_range(name: str, value: float, bounds: tuple, unit: str, example: str) -> None:
    low, high = bounds
    if value is None or not low <= value <= high:
        shown = "nothing" if value is None else f"{value:g} {unit}"
        msg = (
            f"{name} {shown} is outside the range this calculator accepts ({low:g} to "
            f"{high:g} {unit}), so no BMI is shown. Type the {name.lower()} in {unit}, "
            f"for example {example}."
        )
        raise _OutOfRange(msg)


def make_bmi_widget():
    """Build a BMI calculator showing the SCI threshold (22 kg/m²) beside the WHO bands.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls["weight_kg"]`` (20-400 kg), ``box.controls["height_cm"]``
        (100-250 cm) and ``box.result`` (HTML from :func:`sci_pain.bmi`). A number outside
        the range is kept as typed, never clamped: the result says what is wrong and shows
        no BMI until it is corrected.

    Examples
    --------
    >>> box = make_bmi_widget()
    >>> box.controls["weight_kg"].value, box.controls["height_cm"].value = 70.4, 175.0
    >>> "23.0 kg/m²" in box.result.value and "normal range" in box.result.value
    True
    >>> box.controls["height_cm"].value = 17
    >>> "17 cm is outside" in box.result.value
    True
    """
    import ipywidgets as w

    record = score_definition("bmi")
    weight = w.FloatText(  # not Bounded: a typed value outside the range is never clamped
        value=70.0,
        step=0.1,
        description="Weight (kg):",
        tooltip="Body weight in kilograms (20 to 400).",
        style=WIDE,
    )
    height = w.FloatText(
        value=175.0,
        step=0.5,
        description="Height (cm):",
        tooltip="Height in centimetres (100 to 250).",
        style=WIDE,
    )
    controls = {"weight_kg": weight, "height_cm": height}

    def compute():
        _check_range("Weight", weight.value, _BMI_WEIGHT_KG, "kg", "70")
        _check_range("Height", height.value, _BMI_HEIGHT_CM, "cm", "175")
        return bmi(weight_kg=weight.value, height_cm=height.value)

    box = _assemble(
        record["title"],
        controls,
        [weight, height],
        compute,
        intro="Adults only. After SCI, a BMI above 22 kg/m² already signals a high risk of "
        "obesity (Laughton 2009).",
    )
    box.add_class("sci-pain-bmi")
    return box


def make_dn4_widget():
    """Build the DN4 questionnaire: seven interview items and three examination items.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls`` keyed by item (as :func:`sci_pain.dn4`'s arguments; ticked = yes)
        and ``box.result``.

    Examples
    --------
    >>> box = make_dn4_widget()
    >>> for name in ["burning", "tingling", "numbness", "hypoesthesia_touch"]:
    ...     box.controls[name].value = True
    >>> "positive" in box.result.value
    True
    """
    titles = {
        "interview": "Interview: does the pain, or the same area, have ...",
        "examination": "Examination of the painful area",
    }
    return _yes_no_widget(
        "dn4",
        dn4,
        "Tick each item answered yes. 4 or more out of 10 is a positive screen.",
        titles=titles,
    )


def make_scipi_widget():
    """Build the 4-item SCIPI screen (Bryce et al. 2014): one tick box per item.

    Returns
    -------
    ipywidgets.VBox
        ``box.controls`` keyed by item (as :func:`sci_pain.scipi`'s arguments; ticked = yes)
        and ``box.result``.

    Examples
    --------
    >>> box = make_scipi_widget()
    >>> "non-neuropathic" in box.result.value
    True
    >>> box.controls["burning_or_freezing"].value = True
    >>> box.controls["insensate_area"].value = True
    >>> "probable neuropathic pain" in box.result.value
    True
    """
    return _yes_no_widget(
        "scipi",
        scipi,
        "Ask about one pain at a time. Tick each item answered yes: 2 or more of 4 is a "
        "positive screen.",
    )
