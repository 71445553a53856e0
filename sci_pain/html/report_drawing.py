"""Start the process that draws the clinic report's figures, without importing anything here.

``sci-pain report`` calls :func:`start_drawing` as soon as pandas is imported, before it
imports the rest of the package or reads the journal: the drawing process then imports
matplotlib and the plotting modules on the second core while this process reads the journal
and computes the analyses. (Started before pandas, it would import pandas a second time: more
work in all than it saves.) This module imports only the standard library, so the command
can start the drawing process without importing the report's modules first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sci_pain.html._background import Worker

__all__ = ["DRAWING_LANES", "get_ready_to_draw", "start_drawing"]

DRAWING_LANES = 2
"""How many processes draw the report's figures (forked from one after it imported matplotlib;
the figures are dealt to them in turn)."""


def get_ready_to_draw() -> None:
    """Import what drawing the report's figures needs (in the worker, before it is asked).

    Run in the drawing process. The calls it will be sent
    (:func:`~sci_pain.html.report_sections.figure_or_reason`) name functions of the report's
    own modules, the plotting layer and matplotlib: all of them are imported here, once,
    before the process splits into :data:`DRAWING_LANES`.
    """
    from matplotlib.backends import backend_agg  # noqa: F401
    from matplotlib.figure import Figure  # noqa: F401

    import sci_pain.plotting as plotting
    from sci_pain.html.figures import cropped_png  # noqa: F401
    from sci_pain.html.report_sections import FIGURE_KINDS
    from sci_pain.style import style_context  # noqa: F401

    for kind in FIGURE_KINDS:
        getattr(plotting, f"plot_{kind}")
    plotting.plot_phases  # noqa: B018 - the phase plots' module
    plotting.fast_canvas_class()  # its classes made, and the text cache's version check done


def start_drawing() -> Worker | None:
    """Start the second process that draws the report's figures (None where it cannot fork).

    Started as early as is worth it: by ``sci-pain report`` once pandas is imported (it then
    imports matplotlib while this process reads the journal), by
    ``report_html(..., parallel=True)`` before the analyses otherwise. Once ready it splits
    into :data:`DRAWING_LANES` processes that draw the figures asked for while this process
    writes the text. This process never imports matplotlib.
    """
    from sci_pain.html._background import start_worker

    return start_worker(get_ready_to_draw, lanes=DRAWING_LANES)
