"""The dermatome figure of the ISCIP exercise: the at-level zone and where a pain is felt.

Examples
--------
>>> ax = plot_dermatome_zones("T8", pains={"burning feet": "S1"})
>>> ax.get_title()
'Neurological level T8: at-level zone T8-T11'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sci_pain.course import (
    DERMATOMES,
    at_level_dermatomes,
    iscip_zone,
    load_dermatome_landmarks,
)
from sci_pain.plotting._docs import shared_docs
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["LANDMARKS", "plot_dermatome_zones", "alt_text_dermatome_zones"]

LANDMARKS: dict[str, str] = load_dermatome_landmarks()
"""Where to test each dermatome: the ISNCSCI key sensory points, in plain words (Kirshblum et
al. 2011), from ``data/knowledge/dermatome_landmarks.yaml``; dermatomes without a common landmark
are left out."""

_ZONE_STYLE = {
    "above_level": ("white", "", "above the level"),
    "at_level": (PALETTE["orange"], "//", "at-level zone (level and 3 below)"),
    "below_level": (PALETTE["sky_blue"], "..", "below-level (more than 3 below)"),
}


def _pains(pains) -> dict[str, str]:
    if pains is None:
        return {}
    if isinstance(pains, str):
        return {pains: pains}
    return dict(pains) if isinstance(pains, Mapping) else {p: p for p in pains}


@shared_docs()
def plot_dermatome_zones(level: str, *, pains=None, ax: Axes | None = None) -> Axes:
    """Draw the dermatomes from C2 to S4-5 as a ladder, shading the at-level zone and pains.

    Each dermatome is a band, head at the top. Bands above the level are white, the at-level
    zone (the level's dermatome and the three below it) orange with ``//`` hatching, and the
    rest sky blue with dots, so the zones differ by pattern and label as well as colour
    (Okabe-Ito). Each pain is a vermillion star on its dermatome, with its name.

    Parameters
    ----------
    level : str
        Neurological level of injury, one of :data:`sci_pain.DERMATOMES`.
    pains : mapping of str to str, or list of str, optional
        Pain name -> dermatome where it is felt (or just dermatomes).
    %(ax_new_figure)s

    Returns
    -------
    matplotlib.axes.Axes
        One band per dermatome (patches), each pain a star with its name (texts).

    Raises
    ------
    sci_pain.CaseError
        For a level or dermatome that is not a dermatome name.

    Examples
    --------
    >>> ax = plot_dermatome_zones("C6", pains={"burning hands": "C7"})
    >>> [t.get_text() for t in ax.texts if "burning" in t.get_text()]  # annotations are texts
    ['★ burning hands (C7)']
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    pain_map = _pains(pains)
    zone_of = {d: iscip_zone(level, d) for d in DERMATOMES}
    for derm in pain_map.values():
        iscip_zone(level, derm)  # raises CaseError with close matches for a bad name
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 7.2))
    n = len(DERMATOMES)
    for i, derm in enumerate(DERMATOMES):
        y = n - 1 - i
        colour, hatch, _ = _ZONE_STYLE[zone_of[derm]]
        ax.add_patch(
            Rectangle((0, y), 1, 1, facecolor=colour, edgecolor="0.35", hatch=hatch, linewidth=0.6)
        )
        weight = "bold" if derm == level else "normal"
        ax.text(0.5, y + 0.5, derm, ha="center", va="center", fontsize=8, fontweight=weight)
        if derm in LANDMARKS:
            ax.text(-0.08, y + 0.5, LANDMARKS[derm], ha="right", va="center", fontsize=7)
    top_of_level = n - DERMATOMES.index(level)
    ax.plot([-0.02, 1.02], [top_of_level, top_of_level], color="black", linewidth=2)
    ax.text(-1.55, top_of_level, f"level {level} ▶", va="center", fontsize=8, fontweight="bold")
    previous = float(n) + 1.0
    ordered = sorted(pain_map.items(), key=lambda item: DERMATOMES.index(item[1]))
    for name, derm in ordered:
        y = n - 1 - DERMATOMES.index(derm) + 0.5
        ax.plot([0.85], [y], marker="*", markersize=13, color=PALETTE["vermillion"],
                markeredgecolor="black", linestyle="none")  # fmt: skip
        label_y = min(y - 0.6 if derm == level else y, previous - 1.2)
        previous = label_y
        label = f"★ {name} ({derm})" if name != derm else f"★ pain ({derm})"
        ax.annotate(label, xy=(0.9, y), xytext=(1.3, label_y), va="center", fontsize=8,
                    arrowprops={"arrowstyle": "-", "color": "0.3", "linewidth": 0.8})  # fmt: skip
    ax.set_xlim(-1.6, 3.0)
    ax.set_ylim(0, n)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    zone = at_level_dermatomes(level)
    ax.set_title(f"Neurological level {level}: at-level zone {zone[0]}-{zone[-1]}")
    ax.set_xlabel("Dermatomes from head (top) to sacrum (bottom); key sensory points on the left")
    handles = [
        Patch(facecolor=c, hatch=h, edgecolor="0.35", label=t) for c, h, t in _ZONE_STYLE.values()
    ]
    handles.append(
        plt.Line2D([], [], marker="*", color=PALETTE["vermillion"], markeredgecolor="black",
                   linestyle="none", markersize=11, label="where the pain is felt")
    )  # fmt: skip
    ax.legend(handles=handles, loc="upper right", fontsize=7, frameon=True)
    return ax


@shared_docs()
def alt_text_dermatome_zones(level: str, *, pains=None) -> str:
    """One or two sentences that say what :func:`plot_dermatome_zones` shows.

    Parameters
    ----------
    level, pains
        As given to :func:`plot_dermatome_zones`.

    Returns
    -------
    %(alt_text)s
        A second sentence lists the pains marked.

    Raises
    ------
    sci_pain.CaseError
        As :func:`plot_dermatome_zones` raises it.

    Examples
    --------
    >>> alt_text_dermatome_zones("L1", pains={"groin and thighs": "L3"})
    'A ladder of dermatomes from C2 to S4-5 with the neurological level L1 marked; the at-level zone L1 to L4 is shaded. Pain marked: groin and thighs in L3 (at-level).'
    """
    zone = at_level_dermatomes(level)
    text = (
        f"A ladder of dermatomes from C2 to S4-5 with the neurological level {level} marked; "
        f"the at-level zone {zone[0]} to {zone[-1]} is shaded."
    )
    pain_map = _pains(pains)
    if pain_map:
        marks = ", ".join(
            f"{name} in {derm} ({iscip_zone(level, derm).replace('_', '-')})"
            for name, derm in pain_map.items()
        )
        text += f" Pain marked: {marks}."
    return text
