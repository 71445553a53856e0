"""Widgets for the causes of leg pain: an explorer, the reasoning aid, a management matcher.

Wiring only: each builder creates controls, connects them to one library call and returns
the container without displaying it.

=========================== ============================== ====================================
builder                     controls                       calls
=========================== ============================== ====================================
make_cause_explorer         ``cause`` (Dropdown)           :func:`sci_pain.cause_card_html`,
                                                           :func:`sci_pain.plot_leg_sites`
make_reasoning_aid          one Checkbox per finding,      :func:`sci_pain.explain_causes`
                            grouped
make_management_matcher     ``cause`` (Dropdown), one      :func:`sci_pain.management_html`
                            Checkbox per situation
=========================== ============================== ====================================

Every container has ``controls`` (a dict from name to control) so that tests and notebooks
can set ``.value`` in code, and the widget that shows the result as an attribute. An error
in a callback is shown in the widget rather than swallowed. Displayed in a notebook, each
container also carries a static HTML view of its current state, which
``tools/build_notebooks.py`` stores for readers without a kernel (GitHub, nbviewer).

Examples
--------
>>> aid = make_reasoning_aid()
>>> aid.controls["one_leg_swollen_and_warm"].value = True
>>> aid.explanation.red_flags.index[0]
'dvt'
>>> explorer = make_cause_explorer("dvt")
>>> explorer.controls["cause"].value = "pressure_injury"
>>> 'data-cause="pressure_injury"' in explorer.card.value
True
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from sci_pain.html import cause_card_html, management_html
from sci_pain.knowledge import (
    DISCLAIMER,
    FINDING_GROUPS,
    SITUATIONS,
    canpainsci_for,
    explain_causes,
    get_cause,
    list_findings,
    load_causes,
    management_for,
    resolve_situations,
)
from sci_pain.plotting import alt_text_leg_sites, plot_leg_sites
from sci_pain.style import PALETTE
from sci_pain.widgets._base import (
    BORDER,
    Hold,
    checkbox,
    dropdown,
    guarded,
    static_fallback,
    style_html,
)
from sci_pain.widgets.display import replace_output

__all__ = ["make_cause_explorer", "make_reasoning_aid", "make_management_matcher"]

_GROUP_TITLES = {
    "quality": "What the pain feels like",
    "location": "Where it is",
    "timing": "When it started or is worse",
    "pattern": "What goes with it",
    "sign": "Signs (look and check)",
    "context": "The injury and the person",
}
# Groups laid out in three columns, so that all findings stay visible at once.
_COLUMNS = (("quality", "timing", "pattern", "context"), ("location", "sign"))
_RESULT_SIDE = {"flex": "1 1 40%", "min_width": "340px", "margin": "0 0 0 8px"}
"""The result column beside the controls: on a laptop screen (1366 x 768) the result starts
level with the first tick boxes, so a change shows without scrolling."""


def _container(children: list, css_class: str, *, wrap_labels: bool = False):
    import ipywidgets as w

    if wrap_labels:
        children = [w.HTML(style_html("wrap_labels")), *children]
    box = w.VBox(children, layout=w.Layout(**BORDER))
    box.add_class(css_class)
    if wrap_labels:
        box.add_class("sci-pain-wrap-labels")
    return box


def _connect(box, controls, update: Callable[[], None], result, static, text: str) -> Callable:
    """Run ``update`` now and on every change of ``controls``; give ``box`` its static view.

    An error in ``update`` is shown in ``result`` (:func:`sci_pain.widgets._base.guarded`);
    ``static`` returns the static HTML (:func:`sci_pain.widgets._base.static_fallback`).
    Returns the callback, for a button that redraws too.
    """
    callback = guarded(update, result)
    for control in controls:
        control.observe(callback, names="value")
    callback()
    static_fallback(box, static, text)
    return callback


def _static(title: str, body: str, note: str) -> str:
    return (
        f'<div class="sci-pain-static" style="border:1px solid #bbb;padding:6px 12px">'
        f"<h4>{html.escape(title)}</h4>{body}<p style='font-size:smaller'><i>"
        f"{html.escape(note)}</i></p></div>"
    )


def _cause_dropdown(cause: str | None, description: str, tooltip: str):
    causes = load_causes()
    value = get_cause(cause).id if cause is not None else causes.index[0]
    return dropdown(
        description,
        tooltip,
        options=[(label, cid) for cid, label in causes["label"].items()],
        value=value,
    )


# -- the cause explorer ---------------------------------------------------------------------------


def make_cause_explorer(cause: str | None = None):
    """Build the cause explorer: pick a cause, read its card, see where in the leg it shows.

    Parameters
    ----------
    cause : str, optional
        The cause shown first (an id, label or alias); default the first cause.

    Returns
    -------
    ipywidgets.VBox
        With CSS class ``sci-pain-cause-explorer`` and attributes ``controls["cause"]`` (a
        Dropdown of cause ids labelled by name), ``card`` (HTML from
        :func:`sci_pain.cause_card_html`: red flags as a banner, mechanism, features, where
        in the leg, management with cautions, references), ``figure`` (an Output showing
        :func:`sci_pain.plot_leg_sites` with its alt text) and ``figure_alt`` (that alt text).

    Raises
    ------
    UnknownNameError
        For an unknown ``cause`` (with close matches).

    Examples
    --------
    >>> box = make_cause_explorer("dvt")
    >>> box.card.value.index("Red flags") < box.card.value.index("Mechanism")
    True
    >>> box.controls["cause"].value = "muscle_atrophy"
    >>> "sci-pain-red-flags" in box.card.value, box.figure_alt.split(":")[-1]
    (False, ' thigh and calf.')
    """
    import ipywidgets as w

    chooser = _cause_dropdown(
        cause, "Cause:", "Pick a cause of leg pain after SCI to read its card."
    )
    card = w.HTML(layout=w.Layout(**_RESULT_SIDE))
    card.add_class("sci-pain-result")
    figure = w.Output(layout=w.Layout(width="100%"))
    # the chooser and the figure on the left, the card beside them starting level with the
    # chooser: a change shows at once on a laptop screen, and the column stays in view
    # (sticky) while a long card is read
    side = w.VBox([chooser, figure], layout=w.Layout(flex="0 1 420px", min_width="280px"))
    side.add_class("sci-pain-sticky")
    box = _container(
        [
            w.HTML(
                style_html("explorer") + "<b>Cause explorer.</b> Pick a cause: its card, "
                "beside the figure, shows red flags first, then how it arises, what it feels "
                "like, where in the leg, and how it is managed."
            ),
            w.HBox([side, card], layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
        ],
        "sci-pain-cause-explorer",
    )
    box.controls, box.card, box.figure, box.figure_alt = {"cause": chooser}, card, figure, ""

    def update() -> None:
        card.value = cause_card_html(chooser.value)
        alt = alt_text_leg_sites(chooser.value)
        box.figure_alt = replace_output(figure, plot_leg_sites(chooser.value), alt=alt).alt

    _connect(
        box,
        [chooser],
        update,
        card,
        lambda: _static(
            "Cause explorer",
            card.value,
            "Run this notebook to pick another cause and see where in the leg it shows.",
        ),
        "Cause explorer: pick a cause to read its card (interactive when run).",
    )
    return box


# -- the reasoning aid ----------------------------------------------------------------------------


def _disclaimer_html() -> str:
    return (
        f'<div class="sci-pain-disclaimer" role="note" style="border:2px solid '
        f'{PALETTE["blue"]};padding:4px 10px;margin:2px 0 6px 0"><b>ℹ Not a diagnosis.</b> '
        f"{html.escape(DISCLAIMER.removeprefix('Not a diagnosis. '))}</div>"
    )


def _explanation_html(explanation) -> str:
    if not explanation.findings:
        return (
            "<p><i>Tick the findings you observe: the causes consistent with them appear "
            "here, with any red flag first.</i></p>"
        )
    return explanation.to_html(disclaimer=False)  # the note sits above, always shown


def make_reasoning_aid(findings: Iterable[str] = ()):
    """Build the reasoning aid: tick findings, read the ranked causes under any red flag.

    Findings are tick boxes grouped by kind (quality, location, timing, pattern, signs,
    context). Every change calls :func:`sci_pain.explain_causes` and shows its HTML: a
    red-flag banner first (emergencies before urgent ones), then the causes ranked with the
    findings that support and argue against each. The "not a diagnosis" note stays at the
    top whatever is ticked.

    Parameters
    ----------
    findings : iterable of str, optional
        Findings ticked at the start (ids or labels, see :func:`sci_pain.list_findings`).

    Returns
    -------
    ipywidgets.VBox
        With CSS class ``sci-pain-reasoning-aid`` and attributes ``controls`` (finding id ->
        Checkbox), ``result`` (HTML), ``explanation`` (the current
        :class:`sci_pain.CauseExplanation`), ``disclaimer`` (HTML, always shown), ``groups``
        (finding group -> the box of its tick boxes, headed by its title) and ``clear`` (a
        Button that unticks everything).

    Raises
    ------
    UnknownNameError
        For an unknown finding (listing the valid ones).

    Examples
    --------
    >>> box = make_reasoning_aid(["burning", "diffuse_below_level"])
    >>> box.explanation.ranking.loc[1, "cause"]
    'neuropathic_below_level'
    >>> box.clear.click()
    >>> box.explanation.findings
    ()
    """
    import ipywidgets as w

    start = set(explain_causes(list(findings)).findings)  # checks the names before building
    table = list_findings()
    controls: dict[str, object] = {}
    groups: dict[str, object] = {}
    for group in FINDING_GROUPS:
        rows = [w.HTML(f"<b>{html.escape(_GROUP_TITLES.get(group, group))}</b>")]
        for fid, row in table[table["group"] == group].iterrows():
            control = checkbox(row["label"], row["note"] or row["label"], value=fid in start)
            controls[fid] = control
            rows.append(control)
        groups[group] = w.VBox(rows, layout=w.Layout(margin="0 0 8px 0"))
    columns = [
        w.VBox(
            [groups[g] for g in column if g in groups],
            layout=w.Layout(flex="1 1 45%", min_width="205px", margin="0 12px 0 0"),
        )
        for column in _COLUMNS
    ]
    clear = w.Button(
        description="Untick all",
        tooltip="Untick every finding and start again",
        layout=w.Layout(width="max-content"),
    )
    disclaimer = w.HTML(_disclaimer_html())
    result = w.HTML()
    result.add_class("sci-pain-result")
    box = _container(
        [
            w.HTML(
                "<b>Reasoning aid.</b> Tick what you observe. Each finding adds weight for some "
                "causes and against others; the table shows which findings support or argue "
                "against each cause."
            ),
            disclaimer,
            w.HBox(
                [
                    w.VBox(
                        [clear, w.HBox(columns, layout=w.Layout(flex_flow="row wrap"))],
                        layout=w.Layout(flex="1 1 48%", min_width="430px"),
                    ),
                    # the ranked table has six columns: give it half the width, so that none
                    # is cut on a laptop screen (checked in the browser at 1366 x 768)
                    w.VBox([result], layout=w.Layout(**{**_RESULT_SIDE, "flex": "1 1 48%"})),
                ],
                layout=w.Layout(flex_flow="row wrap", align_items="flex-start"),
            ),
        ],
        "sci-pain-reasoning-aid",
        wrap_labels=True,
    )
    box.controls, box.result, box.disclaimer, box.clear = controls, result, disclaimer, clear
    box.groups = groups
    box.explanation = explain_causes([])
    clearing = Hold()

    def update() -> None:
        if clearing:
            return
        box.explanation = explain_causes([fid for fid, c in controls.items() if c.value])
        result.value = _explanation_html(box.explanation)

    callback = _connect(
        box,
        controls.values(),
        update,
        result,
        lambda: _static(
            "Reasoning aid",
            _disclaimer_html() + _explanation_html(box.explanation),
            "Run this notebook to tick findings yourself.",
        ),
        "Reasoning aid: tick findings to rank the causes, red flags first (interactive when "
        "run). Not a diagnosis.",
    )

    def untick(_button=None) -> None:
        with clearing:
            for control in controls.values():
                control.value = False
        callback()

    clear.on_click(untick)
    return box


# -- the management matcher -----------------------------------------------------------------------


def make_management_matcher(cause: str | None = None, *, situation: Iterable[str] = ()):
    """Build the management matcher: a cause and a person's situation -> options and cautions.

    Parameters
    ----------
    cause : str, optional
        The cause shown first (id, label or alias); default the first cause.
    situation : iterable of str, optional
        Situations ticked at the start (keys of :data:`sci_pain.SITUATIONS`).

    Returns
    -------
    ipywidgets.VBox
        With CSS class ``sci-pain-management-matcher`` and attributes ``controls`` (``"cause"``:
        a Dropdown; one Checkbox per situation, keyed by its id: ``"impaired_sensation"``,
        ``"pacemaker"``, ``"injury_at_or_above_T6"``, ``"swollen_warm_leg"``, ...), ``result``
        (HTML from :func:`sci_pain.management_html`: the options with the cautions that apply,
        contraindicated ones marked and last; for neuropathic SCI pain the CanPainSCI guideline
        first), ``options`` (the current :func:`sci_pain.management_for` frame) and
        ``guideline`` (the current :func:`sci_pain.canpainsci_for` advice, or None).

    Raises
    ------
    UnknownNameError
        When the starting `cause` or a ticked `situation` is not known (the same names as
        :func:`sci_pain.management_for` takes); the message suggests the closest ones.

    Examples
    --------
    >>> box = make_management_matcher("spasticity")
    >>> box.controls["impaired_sensation"].value = True
    >>> bool(box.options.loc["heat", "contraindicated"])
    True
    >>> box.guideline is None
    True
    """
    import ipywidgets as w

    chooser = _cause_dropdown(
        cause, "Cause:", "Pick the cause whose management options you want to see."
    )
    start = set(resolve_situations(situation))  # checks the names before building
    controls: dict[str, object] = {"cause": chooser}
    boxes = []
    for sid, label in SITUATIONS.items():
        if sid == "always":
            continue
        control = checkbox(label, f"Tick if the person has this: {label}", value=sid in start)
        controls[sid] = control
        boxes.append(control)
    result = w.HTML()
    result.add_class("sci-pain-result")
    box = _container(
        [
            w.HTML(
                "<b>Management matcher.</b> Pick a cause, then tick what applies to the person: "
                "the options show only the cautions that apply to them."
            ),
            w.HBox(
                [
                    w.VBox(
                        [chooser, w.HTML("<b>The person has:</b>"), *boxes],
                        layout=w.Layout(flex="1 1 40%", min_width="320px"),
                    ),
                    w.VBox([result], layout=w.Layout(**_RESULT_SIDE)),
                ],
                layout=w.Layout(flex_flow="row wrap", align_items="flex-start"),
            ),
        ],
        "sci-pain-management-matcher",
        wrap_labels=True,
    )
    box.controls, box.result = controls, result

    def ticked() -> list[str]:
        return [sid for sid, c in controls.items() if sid != "cause" and c.value]

    def update() -> None:
        box.options = management_for(chooser.value, situation=ticked())
        box.guideline = canpainsci_for(chooser.value, situation=ticked())
        result.value = management_html(chooser.value, situation=ticked())

    _connect(
        box,
        controls.values(),
        update,
        result,
        lambda: _static(
            "Management matcher",
            result.value,
            "Run this notebook to pick another cause or tick the person's situation.",
        ),
        "Management matcher: a cause and the person's situation give the options with the "
        "cautions that apply (interactive when run).",
    )
    return box
