"""Figures of the causes of leg pain after SCI, drawn from the knowledge base.

Three figures, each ``plot_x(..., *, ax=None) -> Axes`` with a matching one-sentence alt text
from ``alt_text_x(...)``:

- :func:`plot_cause_map`: causes placed by pain mechanism (ISCIP type: nociceptive vs
  neuropathic) and by level (at, below, not tied to the level of injury); emergencies
  (DVT, autonomic dysreflexia) outlined as red flags.
- :func:`plot_leg_sites`: a schematic of the lower body with the leg sites and pressure points,
  the typical sites of one cause highlighted (the calf for DVT, the pressure points for
  pressure injuries).
- :func:`plot_cause_timeline`: when each cause typically appears after injury, on a log time
  axis from days to years, from the onset windows in ``causes.yaml``.

Colours are Okabe-Ito (:data:`sci_pain.style.PALETTE`), by ISCIP subtype; the red-flag outline
is vermillion and dashed, so it does not rely on colour alone. Artists carry ``gid`` values
(cause or site ids) so that tests and widgets can find them.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> ax = plot_cause_timeline()
>>> ax.get_xscale()
'log'
>>> alt_text_leg_sites("dvt").startswith("Schematic of the lower body")
True
>>> plt.close("all")
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sci_pain.errors import did_you_mean
from sci_pain.knowledge import (
    BODY_SITES,
    ISCIP_LABELS,
    LEG_SITES,
    LEVEL_LABELS,
    LEVELS,
    get_cause,
    load_causes,
)
from sci_pain.plotting._docs import shared_docs
from sci_pain.plotting.common import current_axes
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "SUBTYPE_COLOURS",
    "RED_FLAG_COLOUR",
    "plot_cause_map",
    "plot_leg_sites",
    "plot_cause_timeline",
    "alt_text_cause_map",
    "alt_text_leg_sites",
    "alt_text_cause_timeline",
]

SUBTYPE_COLOURS: dict[str, str] = {
    "at_level_sci": PALETTE["purple"],
    "below_level_sci": PALETTE["blue"],
    "other_neuropathic": PALETTE["sky_blue"],
    "musculoskeletal": PALETTE["orange"],
    "other_nociceptive": PALETTE["green"],
    "visceral": PALETTE["yellow"],
    "other": PALETTE["black"],
    "unknown": PALETTE["black"],
}
"""Colour of each ISCIP subtype (Okabe-Ito)."""

RED_FLAG_COLOUR = PALETTE["vermillion"]
"""Outline colour of causes that are emergencies in themselves."""

_SITE_COLOUR = PALETTE["vermillion"]
_PRESSURE_POINT_OF = {"sacrum": None, "ischium": "hip", "trochanter": "hip", "heel": "foot"}
# A pressure point names the exact place of a journal site (the trochanter for 'hip', the heel for
# 'foot'), so when a cause lists the point, the figure highlights the point, not the whole part.
_OTHER_COLOUR = "#DDDDDD"
_MAIN_TYPES = ("nociceptive", "neuropathic")


def _causes(causes: pd.DataFrame | None) -> pd.DataFrame:
    return load_causes() if causes is None else causes


def _subtypes_shown(causes: pd.DataFrame) -> list[str]:
    """Return the ISCIP subtypes among the causes, in the order of :data:`SUBTYPE_COLOURS`."""
    present = set(causes["iscip_subtype"].astype(str))
    return [s for s in SUBTYPE_COLOURS if s in present]


def _outline(row: pd.Series, *, width: float) -> dict:
    """Return how a cause's box or bar is outlined: dashed, thick vermillion for an emergency."""
    colour = SUBTYPE_COLOURS.get(str(row["iscip_subtype"]), PALETTE["black"])
    emergency = bool(row["is_emergency"])
    return {
        "edgecolor": RED_FLAG_COLOUR if emergency else colour,
        "linewidth": 2.5 if emergency else width,
        "linestyle": "--" if emergency else "-",
    }


# -- the cause map --------------------------------------------------------------------------


def _map_layout(causes: pd.DataFrame) -> tuple[list[str], dict[str, tuple[float, float]], dict]:
    """Column types, row (bottom, top) extents and item positions for the cause map."""
    types = [t for t in ISCIP_LABELS if t in _MAIN_TYPES or t in set(causes["iscip_type"])]
    types = [t for t in types if t in ("nociceptive", "neuropathic", "other", "unknown")]
    cells: dict[tuple[str, str], list[str]] = {}
    for cid, row in causes.iterrows():
        cells.setdefault((str(row["iscip_type"]), str(row["level"])), []).append(cid)
    ncols = {key: (2 if len(ids) > 3 else 1) for key, ids in cells.items()}
    rows_needed = {
        level: max(
            [math.ceil(len(cells.get((t, level), [])) / ncols.get((t, level), 1)) for t in types]
            + [1]
        )
        for level in LEVELS
    }
    extents: dict[str, tuple[float, float]] = {}
    top = 0.0
    for level in LEVELS:  # top row first
        height = 0.55 * rows_needed[level] + 0.35
        extents[level] = (top - height, top)
        top -= height
    positions: dict[str, tuple[float, float]] = {}
    for (iscip_type, level), ids in cells.items():
        x0 = types.index(iscip_type)
        bottom, top_ = extents[level]
        n_cols = ncols[(iscip_type, level)]
        n_rows = math.ceil(len(ids) / n_cols)
        for i, cid in enumerate(ids):
            col, row = i % n_cols, i // n_cols
            x = x0 + (col + 0.5) / n_cols
            y = top_ - (top_ - bottom) * (row + 0.5) / n_rows
            positions[cid] = (x, y)
    return types, extents, positions


@shared_docs()
def plot_cause_map(causes: pd.DataFrame | None = None, *, ax: Axes | None = None) -> Axes:
    """Place the causes by pain mechanism (ISCIP type) and relation to the level of injury.

    Columns are ISCIP tier 1 types (nociceptive, neuropathic); rows say whether the cause sits
    at the level of injury, below it, or is not tied to it. Boxes are coloured by ISCIP
    subtype; causes that are emergencies in themselves (DVT, autonomic dysreflexia) have a
    dashed vermillion red-flag outline.

    Parameters
    ----------
    %(causes)s
    %(ax_new_figure)s

    Returns
    -------
    matplotlib.axes.Axes
        Each cause's label is a ``Text`` with ``gid`` = cause id.

    See Also
    --------
    alt_text_cause_map : its alt text.
    plot_leg_sites : where a cause typically shows.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_cause_map()
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "dvt"]
    ['DVT']
    >>> plt.close("all")
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    causes = _causes(causes)
    ax = current_axes(ax, (8.0, 6.0))
    types, extents, positions = _map_layout(causes)
    for i, iscip_type in enumerate(types):
        for level, (bottom, top) in extents.items():
            ax.add_patch(
                Rectangle(
                    (i + 0.02, bottom + 0.02),
                    0.96,
                    top - bottom - 0.04,
                    facecolor="#F2F2F2",
                    edgecolor="white",
                    zorder=0,
                    gid=f"cell:{iscip_type}:{level}",
                )
            )
    for cid, row in causes.iterrows():
        x, y = positions[cid]
        colour = SUBTYPE_COLOURS.get(str(row["iscip_subtype"]), PALETTE["black"])
        outline = _outline(row, width=1.0)
        ax.text(
            x,
            y,
            row["short_label"],
            ha="center",
            va="center",
            fontsize=9,
            wrap=True,
            gid=cid,
            zorder=3,
            bbox={
                "boxstyle": "round,pad=0.35",
                "facecolor": colour + "40",  # 25% opacity fill keeps black text readable
                **outline,
            },
        )
    bottoms = [b for b, _ in extents.values()]
    ax.set_xlim(0, len(types))
    ax.set_ylim(min(bottoms), 0)
    ax.set_xticks([i + 0.5 for i in range(len(types))])
    ax.set_xticklabels([ISCIP_LABELS[t] for t in types])
    ax.set_yticks([(b + t) / 2 for b, t in extents.values()])
    ax.set_yticklabels([LEVEL_LABELS[level].replace(" of injury", "\nof injury").replace(
        "to the", "to\nthe") for level in LEVELS])  # fmt: skip
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("Pain mechanism (ISCIP pain type)")
    ax.set_ylabel("Where, relative to the level of injury")
    ax.set_title("Causes of leg pain after spinal cord injury, by pain mechanism")
    subtypes = _subtypes_shown(causes)
    handles = [
        Patch(
            facecolor=SUBTYPE_COLOURS[s] + "40", edgecolor=SUBTYPE_COLOURS[s], label=ISCIP_LABELS[s]
        )
        for s in subtypes
    ]
    if causes["is_emergency"].any():
        handles.append(
            Line2D(
                [],
                [],
                color=RED_FLAG_COLOUR,
                linestyle="--",
                linewidth=2.5,
                label="Red flag: emergency",
            )
        )
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8)
    return ax


@shared_docs()
def alt_text_cause_map(causes: pd.DataFrame | None = None) -> str:
    """One sentence describing :func:`plot_cause_map`.

    Parameters
    ----------
    %(causes)s
        The same as given to :func:`plot_cause_map`.

    Returns
    -------
    %(alt_text)s
        It lists the causes by mechanism and level, and names the emergencies.

    Examples
    --------
    >>> alt_text_cause_map()[:60]
    'A grid of 11 causes of leg pain after spinal cord injury by '
    """
    causes = _causes(causes)
    groups = []
    for iscip_type in _MAIN_TYPES:
        for level in LEVELS:
            sub = causes[(causes["iscip_type"] == iscip_type) & (causes["level"] == level)]
            if len(sub):
                names = ", ".join(sub["short_label"])
                groups.append(f"{iscip_type} {LEVEL_LABELS[level].lower()}: {names}")
    emergencies = " and ".join(causes.loc[causes["is_emergency"], "short_label"])
    tail = f", with {emergencies} outlined as emergencies" if emergencies else ""
    return (
        f"A grid of {len(causes)} causes of leg pain after spinal cord injury by pain mechanism "
        f"and level ({'; '.join(groups)}){tail}."
    )


# -- the leg figure -------------------------------------------------------------------------------

# Front view, person's right leg on the viewer's left (x < 0). Coordinates in figure units.
_LEG_X = {"right": -0.8, "left": 0.8}


def _leg_shapes(side: str) -> dict:
    from matplotlib.patches import Circle, Ellipse, FancyBboxPatch, Polygon

    cx = _LEG_X[side]
    outward = -1 if side == "right" else 1
    return {
        "whole_leg": Polygon(
            [
                (cx - 0.62, 7.95),
                (cx + 0.62, 7.95),
                (cx + 0.55, 4.6),
                (cx + 0.5, 1.6),
                (cx + 0.35 + 0.3 * (outward > 0), 0.45),
                (cx - 0.35 - 0.3 * (outward < 0), 0.45),
                (cx - 0.5, 1.6),
                (cx - 0.55, 4.6),
            ],
            closed=True,
        ),  # fmt: skip
        "hip": Circle((cx, 7.55), 0.42),
        "thigh": FancyBboxPatch(
            (cx - 0.4, 5.2), 0.8, 2.0, boxstyle="round,pad=0.05,rounding_size=0.3"
        ),
        "knee": Circle((cx, 4.75), 0.36),
        "calf": Ellipse((cx, 3.05), 0.78, 2.55),
        "ankle": Circle((cx, 1.5), 0.24),
        "foot": Ellipse((cx + 0.18 * outward, 0.85), 0.95, 0.5),
    }


def _pressure_points(side: str) -> dict[str, tuple[float, float]]:
    cx = _LEG_X[side]
    outward = -1 if side == "right" else 1
    return {
        "ischium": (cx * 0.55, 8.15),
        "trochanter": (cx + 0.62 * outward, 7.55),
        "heel": (cx - 0.1 * outward, 0.55),
        "buttock": (cx * 0.9, 8.6),
        "groin": (cx * 0.35, 7.35),
    }


def _sites_for(cause: str | None, sites) -> tuple[set[str], str, str]:
    """Highlighted sites, the laterality and the title for the leg figure."""
    if sites is not None:
        chosen = set(sites)
        unknown = chosen - set(LEG_SITES) - set(BODY_SITES)
        if unknown:
            valid = list(LEG_SITES) + list(BODY_SITES)
            hint = did_you_mean(sorted(unknown)[0], valid)
            msg = f"unknown site(s) {sorted(unknown)}; valid sites: {valid}.{hint}"
            raise ValueError(msg)
        return chosen, "either", "Sites of the leg and pressure points"
    if cause is None:
        return set(), "either", "Sites of the leg and pressure points"
    record = get_cause(cause)
    chosen = set(record.leg_sites) | set(record.body_sites)
    covered = {_PRESSURE_POINT_OF.get(point) for point in record.body_sites}
    return chosen - covered, record.laterality, f"Typical sites: {record.short_label}"


def _draw_lower_body(ax: Axes, chosen: set[str], highlighted_sides: set[str]) -> None:
    """Draw the pelvis, both legs and the pressure points, the chosen sites highlighted."""
    from matplotlib.patches import FancyBboxPatch, RegularPolygon

    def style(site: str, side: str | None) -> dict:
        on = site in chosen and (side is None or side in highlighted_sides)
        return {
            "facecolor": _SITE_COLOUR if on else _OTHER_COLOUR,
            "edgecolor": PALETTE["black"],
            "alpha": 0.85 if on else 1.0,
            "linewidth": 1.0,
            "label": "typical site" if on else "other site",
        }

    ax.add_patch(
        FancyBboxPatch(
            (-1.55, 7.85),
            3.1,
            1.25,
            boxstyle="round,pad=0.05,rounding_size=0.5",
            facecolor="#F2F2F2",
            edgecolor=PALETTE["black"],
            linewidth=1.0,
            gid="pelvis",
            zorder=1,
        )
    )
    for side in ("right", "left"):
        shapes = _leg_shapes(side)
        whole = shapes.pop("whole_leg")
        on_whole = "whole_leg" in chosen and side in highlighted_sides
        whole.set(
            facecolor=(_SITE_COLOUR + "55") if on_whole else "none",
            edgecolor=PALETTE["black"],
            linestyle="--",
            linewidth=1.0,
            gid=f"{side}:whole_leg",
            label="typical site" if on_whole else "other site",
            zorder=1,
        )
        ax.add_patch(whole)
        for site, patch in shapes.items():
            patch.set(gid=f"{side}:{site}", zorder=2, **style(site, side))
            ax.add_patch(patch)
        for site, (x, y) in _pressure_points(side).items():
            if site in ("buttock", "groin") and site not in chosen:
                continue  # drawn only when relevant, to keep the figure simple
            marker = RegularPolygon((x, y), numVertices=4, radius=0.17, zorder=4)
            marker.set(gid=f"{side}:{site}", **style(site, side))
            ax.add_patch(marker)
    sacrum = RegularPolygon((0.0, 8.6), numVertices=4, radius=0.2, zorder=4)
    sacrum.set(gid="sacrum", **style("sacrum", None))
    ax.add_patch(sacrum)


def _name_sites(ax: Axes) -> None:
    """Write the site names beside the figure, with thin leader lines."""
    x_text = 2.0
    rows = {"hip": 7.55, "thigh": 6.2, "knee": 4.75, "calf": 3.05, "ankle": 1.5, "foot": 0.85}
    for site, y in rows.items():
        ax.annotate(site, (1.2, y), (x_text, y), va="center", fontsize=9,
                    arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6})  # fmt: skip
    points = {"sacrum": (0.0, 8.6), "ischium": (-0.44, 8.15), "trochanter": (-1.42, 7.55),
              "heel": (-0.72, 0.55)}  # fmt: skip
    for site, (x, y) in points.items():
        ax.annotate(site, (x, y), (-3.3, y + (0.3 if site == "sacrum" else 0.0)), va="center",
                    fontsize=9, arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6})  # fmt: skip


def _leg_legend_and_frame(ax: Axes) -> None:
    """Add the legend under the figure, and bare axes with the view's description."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=_SITE_COLOUR, edgecolor=PALETTE["black"], alpha=0.85, label="typical site"),
        Patch(facecolor=_OTHER_COLOUR, edgecolor=PALETTE["black"], label="other site"),
        Line2D([], [], marker="D", linestyle="", markerfacecolor="white", markeredgecolor=PALETTE["black"],
               label="pressure point (back of the body)"),
    ]  # fmt: skip
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, fontsize=8)
    ax.set_xlim(-3.6, 3.0)
    ax.set_ylim(-0.6, 9.3)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("Schematic front view, not to scale (person's right leg on the left)")
    ax.set_ylabel("Hip (top) to foot (bottom)")


@shared_docs()
def plot_leg_sites(
    cause: str | None = None,
    *,
    sites=None,
    ax: Axes | None = None,
    label_sites: bool = True,
) -> Axes:
    """Draw a schematic lower body and highlight where a cause typically shows.

    Leg sites use the journal vocabulary (hip, thigh, knee, calf, ankle, foot, whole_leg);
    pressure points (sacrum, ischium, trochanter, heel) and buttock and groin are drawn as
    markers. For causes that typically affect one leg (DVT, fractures) only one leg is
    highlighted, with a note that it can be either.

    Parameters
    ----------
    cause : str, optional
        A cause id, label or alias (see :func:`sci_pain.get_cause`); without one, no site is
        highlighted.
    sites : iterable of str, optional
        Highlight these sites instead of a cause's.
    %(ax_new_figure)s
    label_sites : bool
        Write the site names beside the figure.

    Returns
    -------
    matplotlib.axes.Axes
        Body parts are patches with ``gid`` ``"<side>:<site>"`` (side ``right``/``left``, the
        person's side; ``"sacrum"`` has no side).

    Raises
    ------
    UnknownNameError
        For an unknown cause (with close matches).
    ValueError
        For an unknown site in `sites` (with close matches).

    See Also
    --------
    alt_text_leg_sites : its alt text.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_leg_sites("dvt")
    >>> calf = next(p for p in ax.patches if p.get_gid() == "right:calf")
    >>> calf.get_label()
    'typical site'
    >>> plt.close("all")
    """
    chosen, laterality, title = _sites_for(cause, sites)
    ax = current_axes(ax, (6.0, 7.0))
    _draw_lower_body(ax, chosen, {"right"} if laterality == "one_side" else {"right", "left"})
    if label_sites:
        _name_sites(ax)
    if laterality == "one_side" and chosen:
        ax.text(
            0,
            -0.15,
            "usually one leg (either side)",
            ha="center",
            va="top",
            fontsize=9,
            gid="note:one_side",
        )
    _leg_legend_and_frame(ax)
    ax.set_title(title)
    return ax


@shared_docs()
def alt_text_leg_sites(cause: str | None = None, *, sites=None) -> str:
    """One sentence describing :func:`plot_leg_sites` for the same arguments.

    Parameters
    ----------
    cause : str, optional
        A cause id, label or alias, as given to :func:`plot_leg_sites`.
    sites : iterable of str, optional
        The sites highlighted instead of a cause's.

    Returns
    -------
    %(alt_text)s

    Examples
    --------
    >>> alt_text_leg_sites("pressure_injury")
    'Schematic of the lower body with the typical sites of Pressure injury highlighted: sacrum, ischium, trochanter and heel.'
    """
    chosen, laterality, _ = _sites_for(cause, sites)
    ordered = [s for s in (*LEG_SITES, *BODY_SITES) if s in chosen]
    if not ordered:
        return "Schematic of the lower body showing the hip, thigh, knee, calf, ankle and foot and the pressure points (sacrum, ischium, trochanter, heel)."
    names = ", ".join(s.replace("_", " ") for s in ordered[:-1])
    names = (
        f"{names} and {ordered[-1].replace('_', ' ')}" if names else ordered[0].replace("_", " ")
    )
    who = get_cause(cause).label if cause is not None and sites is None else "the chosen sites"
    side = " on one leg" if laterality == "one_side" else ""
    return (
        f"Schematic of the lower body with the typical sites of {who} highlighted{side}: {names}."
    )


# -- the timeline ---------------------------------------------------------------------------------

_TICKS = ((1, "1 d"), (7, "1 wk"), (30, "1 mo"), (91, "3 mo"), (365, "1 yr"),
          (1826, "5 yr"), (10950, "30 yr"))  # fmt: skip


def _timeline_order(causes: pd.DataFrame) -> pd.DataFrame:
    return causes.sort_values(["onset_start_days", "onset_end_days"], kind="stable")


@shared_docs()
def plot_cause_timeline(
    causes: pd.DataFrame | None = None,
    *,
    ax: Axes | None = None,
    show_ongoing: bool = True,
) -> Axes:
    """Show when each cause typically appears after injury, on a log time axis.

    One bar per cause spans its typical onset window (``onset_days`` in ``causes.yaml``,
    each with a citation); a hatched inner bar marks the peak where one is known (DVT days
    7-10; heterotopic ossification 1-4 months) and a thin line to the right marks a risk that
    continues. Emergencies have a vermillion outline.

    Parameters
    ----------
    %(causes)s
    %(ax_new_figure)s
    show_ongoing : bool
        Draw the continuing-risk lines.

    Returns
    -------
    matplotlib.axes.Axes
        Bars are patches with ``gid`` = cause id; peaks ``"peak:<id>"``; lines
        ``"ongoing:<id>"``.

    See Also
    --------
    alt_text_cause_timeline : its alt text.
    sci_pain.load_causes : the onset windows, each with its citation.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_cause_timeline()
    >>> bar = next(p for p in ax.patches if p.get_gid() == "dvt")
    >>> float(bar.get_x()), float(bar.get_x() + bar.get_width())
    (3.0, 90.0)
    >>> plt.close("all")
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    causes = _timeline_order(_causes(causes))
    ax = current_axes(ax, (8.0, 5.5))
    x_max = _TICKS[-1][0] * 1.3
    for y, (cid, row) in enumerate(causes.iterrows()):
        colour = SUBTYPE_COLOURS.get(str(row["iscip_subtype"]), PALETTE["black"])
        outline = _outline(row, width=0.5)
        start = float(max(row["onset_start_days"], 1.0))
        (bar,) = ax.barh(
            y,
            float(row["onset_end_days"]) - start,
            left=start,
            height=0.6,
            color=colour,
            alpha=0.75,
            **outline,
            zorder=2,
        )
        bar.set_gid(cid)
        if not math.isnan(row["peak_start_days"]):
            (peak,) = ax.barh(
                y,
                float(row["peak_end_days"] - row["peak_start_days"]),
                left=float(row["peak_start_days"]),
                height=0.3,
                color=PALETTE["black"],
                alpha=0.55,
                hatch="///",
                zorder=3,
            )
            peak.set_gid(f"peak:{cid}")
        if show_ongoing and row["ongoing_risk"] and row["onset_end_days"] < x_max:
            ax.hlines(y, row["onset_end_days"], x_max, color=colour, linewidth=1.2, alpha=0.8,
                      linestyle=":", gid=f"ongoing:{cid}", zorder=1)  # fmt: skip
    ax.set_xscale("log")
    ax.set_xlim(0.8, x_max)
    ax.set_xticks([t for t, _ in _TICKS])
    ax.set_xticklabels([label for _, label in _TICKS])
    ax.minorticks_off()
    ax.set_yticks(range(len(causes)))
    ax.set_yticklabels(causes["short_label"])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Time after injury (log scale; d days, wk weeks, mo months, yr years)")
    ax.set_ylabel("Cause")
    ax.set_title("When each cause typically appears after spinal cord injury")
    subtypes = _subtypes_shown(causes)
    handles = [Patch(color=SUBTYPE_COLOURS[s], alpha=0.75, label=ISCIP_LABELS[s]) for s in subtypes]
    handles.append(Patch(facecolor=PALETTE["black"], alpha=0.55, hatch="///", label="peak"))
    if show_ongoing and causes["ongoing_risk"].any():
        handles.append(Line2D([], [], color="#555555", linestyle=":", label="risk continues"))
    if causes["is_emergency"].any():
        handles.append(Patch(facecolor="none", edgecolor=RED_FLAG_COLOUR, linestyle="--", linewidth=2.5,
                             label="Red flag: emergency"))  # fmt: skip
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3, fontsize=8)
    return ax


def _days(days: float) -> str:
    if days < 14:
        return f"{days:g} day" + ("s" if days != 1 else "")
    if days < 120:
        return f"{round(days / 7):g} weeks" if days < 60 else f"{round(days / 30):g} months"
    if days < 730:
        return f"{round(days / 30):g} months"
    return f"{round(days / 365):g} years"


@shared_docs()
def alt_text_cause_timeline(causes: pd.DataFrame | None = None) -> str:
    """One sentence describing :func:`plot_cause_timeline`.

    Parameters
    ----------
    %(causes)s
        The causes given to :func:`plot_cause_timeline`, in any order: the sentence lists
        them by onset, as the bars are drawn.

    Returns
    -------
    %(alt_text)s
        It gives each cause's typical onset window, from days to years after injury.

    Examples
    --------
    >>> alt_text_cause_timeline()[:70]
    'Timeline on a log scale of when 11 causes typically appear after injur'
    """
    causes = _timeline_order(_causes(causes))
    spans = "; ".join(
        f"{row['short_label']} {_days(max(row['onset_start_days'], 1))} to {_days(row['onset_end_days'])}"
        for _, row in causes.iterrows()
    )
    return f"Timeline on a log scale of when {len(causes)} causes typically appear after injury: {spans}."
