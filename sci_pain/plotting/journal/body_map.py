"""The body map: both legs from hip to foot, each site coloured by its mean rating (front view).

:func:`body_map_data` computes the mean per leg and site, :func:`plot_body_map` (or
:func:`update_body_map`, in place) draws them and :func:`body_map_alt_text` describes them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain.analysis import as_entries, pain_by_leg_site
from sci_pain.plotting import common
from sci_pain.plotting._docs import shared_docs
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["BodyMapData", "body_map_data", "plot_body_map", "update_body_map", "body_map_alt_text"]

# Schematic outline of one leg, front view, as (site, polygon) with x relative to the leg's
# centre line and y from the sole (0) to the top of the hip (10).
_LEG_SHAPES: tuple[tuple[str, tuple[tuple[float, float], ...]], ...] = (
    ("hip", ((-0.85, 10.0), (0.85, 10.0), (0.8, 8.6), (-0.8, 8.6))),
    ("thigh", ((-0.8, 8.6), (0.8, 8.6), (0.55, 5.6), (-0.55, 5.6))),
    ("knee", ((-0.55, 5.6), (0.55, 5.6), (0.5, 4.7), (-0.5, 4.7))),
    ("calf", ((-0.5, 4.7), (0.5, 4.7), (0.58, 3.9), (0.33, 2.0), (-0.33, 2.0), (-0.58, 3.9))),
    ("ankle", ((-0.33, 2.0), (0.33, 2.0), (0.35, 1.2), (-0.35, 1.2))),
    ("foot", ((-0.35, 1.2), (0.35, 1.2), (0.55, 0.0), (-0.55, 0.0))),
)
_LEG_CENTRES = {"right": -1.5, "left": 1.5}  # front view: the right leg on the viewer's left


def _middle(shape) -> float:
    ys = [y for _, y in shape]
    return (min(ys) + max(ys)) / 2


# The twelve sites in drawing order (right leg hip to foot, then left leg): polygon and centre.
_SITES = tuple((leg, site) for leg in _LEG_CENTRES for site, _ in _LEG_SHAPES)
_POLYGONS = [
    [(_LEG_CENTRES[leg] + x, y) for x, y in shape]
    for leg in _LEG_CENTRES
    for _, shape in _LEG_SHAPES
]
_CENTRES = [(_LEG_CENTRES[leg], _middle(shape)) for leg in _LEG_CENTRES for _, shape in _LEG_SHAPES]


@dataclass(frozen=True, eq=False)
class BodyMapData:
    """The numbers of a body map, from :func:`body_map_data`.

    :attr:`means` gives the twelve sites in drawing order.

    Attributes
    ----------
    column : str
        The rating drawn.
    table : DataFrame
        :func:`sci_pain.pain_by_leg_site`: one row per leg and site, with ``mean`` and ``n``.
    """

    column: str
    table: pd.DataFrame

    @property
    def means(self) -> np.ndarray:
        """The mean of each site in drawing order (right leg hip to foot, then left leg)."""
        table = self.table
        keys = zip(table["leg"].tolist(), table["site"].tolist(), strict=True)
        found = dict(zip(keys, table["mean"].to_numpy(dtype=float).tolist(), strict=True))
        return np.asarray([found.get(key, np.nan) for key in _SITES], dtype=float)


@shared_docs(kind="body_map")
def body_map_data(entries, *, column: str = "pain") -> BodyMapData:
    """Compute what :func:`plot_body_map` draws and :func:`body_map_alt_text` describes.

    Parameters
    ----------
    %(entries)s
        It needs the ``site`` and ``side`` columns.
    %(column)s

    Returns
    -------
    BodyMapData

    Raises
    ------
    AnalysisError
        If the journal has no ``site`` or ``side`` column.

    Examples
    --------
    >>> import sci_pain as sp
    >>> len(body_map_data(sp.load_example_journal("neuropathic")).means)
    12
    """
    return BodyMapData(column=column, table=pain_by_leg_site(as_entries(entries), column=column))


def _hatching(ax: Axes, zorder: float) -> None:
    """Sites without entries show this hatching (their mean is masked)."""
    from matplotlib.patches import Polygon

    for polygon in _POLYGONS:
        ax.add_patch(
            Polygon(
                polygon,
                facecolor=common.MISSING_COLOUR,
                edgecolor=common.MISSING_EDGE,
                hatch=common.MISSING_HATCH,
                linewidth=0,
                zorder=zorder,
            )
        )


def _site_names(ax: Axes) -> None:
    for site, shape in _LEG_SHAPES:
        ax.text(0, _middle(shape), site, ha="center", va="center", fontsize=8)
    for leg, cx in _LEG_CENTRES.items():
        ax.text(cx, 10.3, f"{leg.capitalize()}\nleg", ha="center", va="bottom", fontsize=9)


def _bare(ax: Axes) -> None:
    ax.set_xlim(-2.6, 2.6)
    ax.set_ylim(-0.3, 11.6)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(False)


@shared_docs(kind="body_map")
def plot_body_map(
    entries=None,
    *,
    ax: Axes | None = None,
    column: str = "pain",
    title: str | None = None,
    data: BodyMapData | None = None,
) -> Axes:
    """Both legs from hip to foot, each site coloured by its mean rating (front view).

    The person's right leg is drawn on the viewer's left, as in clinical pain drawings, and
    both legs are labelled. Entries for ``both`` sides count for each leg and entries for the
    ``whole_leg`` for each of its sites (see :func:`sci_pain.analysis.pain_by_leg_site`).
    Sites never rated are hatched.

    Parameters
    ----------
    %(entries_to_draw)s
    %(ax)s
    %(column)s
        Its mean colours each site.
    %(title)s
    %(data_to_draw)s

    Returns
    -------
    Axes
        With one PolyCollection of the 12 sites (``ax.collections[0]``, its array holds the
        means: right leg hip to foot, then left leg) and a colour bar in NRS 0-10.

    Examples
    --------
    %(example)s
    >>> len(plot_body_map(entries, ax=ax).collections[0].get_paths())
    12
    >>> plt.close(fig)
    """
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import Normalize

    data = common.numbers(body_map_data, entries, data, column=column)
    ax = common.current_axes(ax)
    means = data.means
    collection = PolyCollection(
        _POLYGONS,
        array=np.ma.masked_invalid(means),
        cmap=common.sequential_cmap(),
        norm=Normalize(*common.PAIN_RANGE),
        edgecolors=PALETTE["black"],
        linewidths=0.8,
    )
    ax.add_collection(collection)
    _hatching(ax, zorder=collection.get_zorder() - 0.5)
    shown = ~np.isnan(means)
    for (x, y), value in zip(np.asarray(_CENTRES)[shown], means[shown], strict=True):
        ax.text(
            x,
            y,
            f"{value:.1f}",
            ha="center",
            va="center",
            fontsize=8,
            color=common.text_colour(value),
        )
    _site_names(ax)
    _bare(ax)
    # Short enough to fit under the legs: wider, it ran into the colour bar's "0" and the key.
    ax.set_xlabel("Front view")
    ax.set_title(title or f"Mean {common.column_name(data.column).lower()} by site", pad=12)
    common.colorbar(
        ax,
        collection,
        common.axis_label(data.column, prefix=f"Mean {data.column.replace('_', ' ')}"),
        missing="not rated",
    )
    return ax


@shared_docs(kind="body_map")
def body_map_alt_text(data: BodyMapData) -> str:
    """Describe a body map in one sentence, from the numbers of :func:`body_map_data`.

    It names the sites with the highest and the lowest mean (with their counts of entries)
    and how many of the twelve sites were never rated.

    %(alt_text_of_data)s

    Examples
    --------
    >>> import sci_pain as sp
    >>> body_map_alt_text(body_map_data(sp.load_example_journal("overuse")))  # doctest: +ELLIPSIS
    'Body map of both legs from hip to foot coloured by mean pain (NRS 0-10): ...'
    """
    table = data.table
    what = data.column.replace("_", " ")
    rated = table.dropna(subset=["mean"])
    if rated.empty:
        return "Body map of both legs with no site rated."
    hi = rated.loc[rated["mean"].idxmax()]
    lo = rated.loc[rated["mean"].idxmin()]
    if len(rated) == 1:
        return (
            f"Body map of both legs from hip to foot coloured by mean {what} (NRS 0-10): only "
            f"the {hi['leg']} {hi['site']} was rated ({common.fmt(hi['mean'])}, {int(hi['n'])} "
            f"entries); the other {len(table) - 1} sites are hatched (not rated)."
        )
    return (
        f"Body map of both legs from hip to foot coloured by mean {what} "
        f"(NRS 0-10): highest at the {hi['leg']} {hi['site']} ({common.fmt(hi['mean'])}, "
        f"{int(hi['n'])} entries), lowest at the {lo['leg']} {lo['site']} "
        f"({common.fmt(lo['mean'])}); {len(table) - len(rated)} of {len(table)} sites not rated."
    )


@shared_docs(kind="body_map", journal="overuse")
def update_body_map(
    ax: Axes, entries=None, *, column: str = "pain", data: BodyMapData | None = None
) -> list:
    """Show other entries on a body map drawn by :func:`plot_body_map`, in place.

    Parameters
    ----------
    %(ax_drawn)s
    %(entries_to_show)s
    %(column)s
    %(data_to_show)s

    Returns
    -------
    %(changed)s
        the sites and their value labels.

    Raises
    ------
    %(not_drawn)s
        It looks for the twelve sites.

    Examples
    --------
    %(example)s
    >>> ax = plot_body_map(entries, ax=ax)
    >>> changed = update_body_map(ax, entries[entries["site"] == "knee"])
    >>> int(ax.collections[0].get_array().count())  # sites with a value: the knees
    1
    >>> plt.close(fig)
    """
    from matplotlib.collections import PolyCollection

    collection = next((c for c in ax.collections if isinstance(c, PolyCollection)), None)
    if collection is None or len(collection.get_paths()) != len(_SITES):
        raise common.not_drawn_by("plot_body_map", "the twelve sites")
    means = common.numbers(body_map_data, entries, data, column=column).means
    changed: list = [collection] if common.set_values(collection, means) else []
    texts = {}
    for text in ax.texts:
        x, y = text.get_position()
        texts[(round(float(x), 3), round(float(y), 3))] = text
    labels, texts_changed = [], False
    for (x, y), value in zip(_CENTRES, means, strict=True):
        text = texts.get((round(x, 3), round(y, 3)))
        if text is None:
            if math.isnan(value):
                continue
            text = ax.text(x, y, "", ha="center", va="center", fontsize=8)
        labels.append(text)
        texts_changed |= common.set_cell_label(text, value)
    if texts_changed:  # all value labels, so that the set of changing artists stays the same
        changed.extend(labels)
    return changed
