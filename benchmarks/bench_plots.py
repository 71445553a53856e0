"""How much does computing each journal figure's numbers once save, for a figure and its alt text?

On a simulated one-year journal, for each figure kind, two ways to get a drawn figure and its
one-sentence description:

- "twice": ``plot_<kind>(entries)`` and then ``alt_text(kind, entries)`` -- each computes the
  figure's numbers (what the report and the dashboard did before the compute-once API);
- "once": ``data = <kind>_data(entries)``, ``plot_<kind>(data=data)`` and
  ``<kind>_alt_text(data)``.

Also the dashboard's redraw of a timeline after a change of the smoothing window
(``update_timeline`` plus the alt text), both ways. Drawing is on an Agg canvas
(``fig.canvas.draw()`` included). Printed: the median of ``repeats`` runs in ms, and the ratio.
Prints figures; asserts nothing.

Run: ``.venv/bin/python benchmarks/bench_plots.py [repeats]``
"""

from __future__ import annotations

import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import sci_pain as sp
from sci_pain.journal import journal_from_frame
from sci_pain.plotting import journal as pj

OPTIONS = {
    "timeline": {"flags": True},
    "calendar": {},
    "time_of_day_weekday": {},
    "body_map": {},
    "descriptors": {},
    "association": {"n_boot": 200},
    "overview": {},
}


def _median_ms(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
        plt.close("all")
    return 1000 * statistics.median(times)


def _draw(kind: str, **kwargs) -> None:
    plot = getattr(pj, f"plot_{kind}")
    if kind == "overview":
        fig = plot(**kwargs)
    else:
        fig, ax = plt.subplots()
        plot(ax=ax, **kwargs)
    fig.canvas.draw()


def main(repeats: int = 5) -> None:
    """Print, per kind, the time for a figure and its alt text computed twice and once."""
    frame = sp.simulate_journal("dvt", days=365, seed=7)
    entries = journal_from_frame(frame, source="dvt, 365 days").entries
    print(f"{len(entries)} entries over 365 days; medians of {repeats} runs (ms)")
    print(f"{'figure':22} {'twice':>8} {'once':>8} {'ratio':>6}")
    for kind, options in OPTIONS.items():
        compute = getattr(pj, f"{kind}_data")
        describe = getattr(pj, f"{kind}_alt_text")

        def twice(kind=kind, options=options):
            _draw(kind, entries=entries, **options)
            pj.alt_text(kind, entries, **options)

        def once(kind=kind, options=options, compute=compute, describe=describe):
            data = compute(entries, **options)
            _draw(kind, data=data)
            describe(data)

        old, new = _median_ms(twice, repeats), _median_ms(once, repeats)
        print(f"{kind:22} {old:8.0f} {new:8.0f} {new / old:6.2f}")

    flags = sp.scan_red_flags(entries, injury_level="unknown")
    fig, ax = plt.subplots()
    pj.plot_timeline(entries, ax=ax, flags=flags)
    windows = iter([3, 14] * (repeats + 1) * 2)

    def redraw_twice():
        window = next(windows)
        pj.update_timeline(ax, entries, window=window, flags=flags)
        pj.alt_text("timeline", entries, window=window, flags=flags)

    def redraw_once():
        data = pj.timeline_data(entries, window=next(windows), flags=flags)
        pj.update_timeline(ax, data=data)
        pj.timeline_alt_text(data)

    old, new = _median_ms(redraw_twice, repeats), _median_ms(redraw_once, repeats)
    print(f"{'timeline window change':22} {old:8.0f} {new:8.0f} {new / old:6.2f}  (no draw)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
