"""A clinical score's result as HTML: band, interpretation, item table, caveat and sources.

What the score widgets (and notebooks, via a result's ``_repr_html_``) show for the results of
:mod:`sci_pain.analysis` scores.

Examples
--------
>>> from sci_pain.analysis import modified_ashworth
>>> "grade 1+" in score_html(modified_ashworth("1+"))
True
"""

from __future__ import annotations

import html

from sci_pain.analysis import ScoreResult
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
    esc = html.escape
    colour, symbol = _LOOK.get(result.concern, _LOOK[None])
    parts = [
        f'<div class="sci-pain-score" data-concern="{esc(str(result.concern))}" '
        f'style="border-left:6px solid {colour};padding:4px 10px;margin:4px 0">'
    ]
    if result.warning:
        parts.append(
            f'<p class="sci-pain-score-warning" style="border:2px solid {PALETTE["vermillion"]};'
            f'padding:4px 8px"><b>⚠ {esc(result.warning)}</b></p>'
        )
    parts.append(
        f'<p style="margin:2px 0"><b>{esc(result.title)}: {esc(result.score_text())}</b> '
        f'<span class="sci-pain-score-band" style="white-space:nowrap">'
        f'<span style="color:{colour}">{symbol}</span> <b>{esc(result.band)}</b></span></p>'
    )
    parts.append(f'<p style="margin:2px 0">{esc(result.interpretation)}</p>')
    rows = "".join(
        f"<tr><td>{esc(i.label)}</td><td>{esc(i.answer)}</td>"
        f"<td style='text-align:right'>{_points_text(i.points)}</td></tr>"
        for i in result.items
    )
    parts.append(
        '<table style="border-collapse:collapse;margin:4px 0"><thead><tr><th style="text-align:'
        'left">Item</th><th style="text-align:left">Answer</th><th>Points</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    if result.caveat:
        parts.append(f'<p style="margin:2px 0"><i>Note:</i> {esc(result.caveat)}</p>')
    parts.append(
        f'<p style="margin:2px 0;font-size:smaller">Source: {esc(_sources(result.citations))}. '
        "For learning only; not a diagnosis.</p></div>"
    )
    return "".join(parts)
