"""A clinical score's result as HTML: band, interpretation, item table, caveat and sources.

Rendered from the template ``templates/score.html.j2``.

What the score widgets (and notebooks, via a result's ``_repr_html_``) show for the results of
:mod:`sci_pain.analysis` scores.

Examples
--------
>>> from sci_pain.analysis import modified_ashworth
>>> "grade 1+" in score_html(modified_ashworth("1+"))
True
"""

from __future__ import annotations

from sci_pain.analysis import ScoreResult
from sci_pain.html._templates import render
from sci_pain.style import PALETTE

__all__ = ["score_html"]


# concern level -> (Okabe-Ito colour, symbol); None is a descriptive scale (no risk ladder)
_LOOK = {
    None: (PALETTE["blue"], "ℹ"),
    0: (PALETTE["green"], "✔"),
    1: (PALETTE["sky_blue"], "●"),
    2: (PALETTE["orange"], "▲"),
    3: (PALETTE["vermillion"], "⚠"),
}


def _points_text(points: float | None) -> str:
    if points is None:
        return ""
    return "0" if points == 0 else f"{points:+g}"


def _sources(keys) -> str:
    """Citation keys as people cite them: "Bohannon & Smith 1987", "Penn et al. 1989"."""
    from sci_pain.html.tables import readable

    return "; ".join(readable(key) for key in keys)


def score_html(result: ScoreResult) -> str:
    """Render a score result as HTML: band, interpretation, item table, caveat, sources.

    The band is shown as text with a symbol; the colour (Okabe-Ito, colour-blind safe) only
    repeats it. A warning, when present, comes first. All text is escaped.

    Parameters
    ----------
    result : AshworthResult, PennResult, BradenResult, WellsResult, BMIResult or DN4Result

    Returns
    -------
    str

    Examples
    --------
    >>> from sci_pain.analysis import wells_dvt
    >>> html_text = score_html(wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True))
    >>> "DVT likely" in html_text and "emergency" in html_text
    True
    """
    colour, symbol = _LOOK.get(result.concern, _LOOK[None])
    return render(
        "score.html.j2",
        result=result,
        concern=str(result.concern),
        colour=colour,
        symbol=symbol,
        alert_colour=PALETTE["vermillion"],
        items=[
            {"label": i.label, "answer": i.answer, "points": _points_text(i.points)}
            for i in result.items
        ],
        sources=_sources(result.citations),
    )
