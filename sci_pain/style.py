"""A colour-blind-safe plotting style, applied with one call.

The categorical palette is Okabe & Ito's (2008), distinguishable with every common form of
colour-vision deficiency and in greyscale by lightness; sequential data use ``cividis``,
which was designed to read the same for people with and without deficiencies
(Nuñez et al. 2018).

Examples
--------
>>> import sci_pain as sp
>>> sp.use_style()
>>> sp.PALETTE["blue"]
'#0072B2'
"""

from __future__ import annotations

__all__ = ["PALETTE", "CYCLE", "SEQUENTIAL_CMAP", "DIVERGING_CMAP", "use_style", "style_context"]

PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
"""Okabe-Ito colours by name."""

CYCLE: tuple[str, ...] = (
    PALETTE["blue"],
    PALETTE["orange"],
    PALETTE["green"],
    PALETTE["vermillion"],
    PALETTE["purple"],
    PALETTE["sky_blue"],
    PALETTE["yellow"],
    PALETTE["black"],
)
"""Order in which series take colours (most distinct first)."""

SEQUENTIAL_CMAP = "cividis"
"""Colour map for pain intensity and other ordered values."""

DIVERGING_CMAP = "PuOr_r"
"""Colour map for changes around zero (ColorBrewer, colour-blind safe)."""

_RC = {
    "axes.prop_cycle": None,  # filled in lazily (needs matplotlib's cycler)
    "image.cmap": SEQUENTIAL_CMAP,
    "figure.figsize": (7.0, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "svg.hashsalt": "sci_pain",
}


def _rc() -> dict:
    from cycler import cycler

    return {**_RC, "axes.prop_cycle": cycler(color=list(CYCLE))}


def use_style() -> None:
    """Apply the sci_pain plotting style to matplotlib globally.

    Sets the Okabe-Ito colour cycle, ``cividis`` as the default colour map, readable font
    sizes, light grids and no top/right spines. Call it once at the top of a notebook.

    See Also
    --------
    style_context : the same style for one block of code.

    Examples
    --------
    >>> use_style()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["image.cmap"]
    'cividis'
    """
    import matplotlib as mpl

    mpl.rcParams.update(_rc())


def style_context():
    """Return a context manager that applies the style temporarily.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with style_context():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    import matplotlib as mpl

    return mpl.rc_context(_rc())
