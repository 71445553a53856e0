"""How long does the clinic report take, and how often does it compute the same analysis?

Two measurements, in one run:

1. ``sci-pain report`` as a whole process on a simulated one-year and five-year journal, next to
   the reference ``python -c "import pandas, matplotlib.pyplot"`` measured alternately in the same
   run (so machine noise hits both alike). Printed: median wall and CPU (user + system) times
   and their ratios to the reference, with the machine's load average.
2. The links (block bootstrap) computed in the report's own process or in a second one while
   the figures are drawn (``report_html(parallel=...)``; the command line uses a second
   process): wall time, the main process's CPU time (what an otherwise idle machine with two
   cores waits for) and the total CPU time. On a machine busy with other work the second
   process cannot run alongside, and only the main process's CPU time shows the difference.
3. Inside one process, ``report_html`` on the one-year journal with a counter on each analysis
   function the report uses: how many times each one is called for one report (the renovation's
   target is once each).

Run: ``.venv/bin/python benchmarks/bench_report.py [repeats]``
"""

from __future__ import annotations

import collections
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sci_pain as sp
from sci_pain.html.report_model import REPORT_ANALYSES


def _write_journal(folder: Path, days: int) -> Path:
    frame = sp.simulate_journal("dvt", days=days, seed=7)
    path = folder / f"journal_{days}d.csv"
    frame.to_csv(path, index=False)
    return path


def _time(args: list[str]) -> tuple[float, float]:
    """Return the wall time and the CPU time (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


_IN_ONE_PROCESS = """
import resource, sys
from sci_pain.html import report_html
from sci_pain.journal import read_journal
report_html(read_journal(sys.argv[1]), injury_level="T10", parallel=sys.argv[2] == "1")
own = resource.getrusage(resource.RUSAGE_SELF)
child = resource.getrusage(resource.RUSAGE_CHILDREN)
print(own.ru_utime + own.ru_stime, child.ru_utime + child.ru_stime)
"""


def serial_or_parallel(folder: Path, repeats: int) -> None:
    """Print wall, main-process CPU and total CPU with the links in this or a second process."""
    print("\nthe links in the report's process or in a second one (medians):")
    for days, label in ((365, "one year"), (5 * 365, "five years")):
        path = folder / f"journal_{days}d.csv"
        runs: dict[str, list[tuple[float, float, float]]] = {"serial": [], "parallel": []}
        for _ in range(repeats):
            for mode, flag in (("serial", "0"), ("parallel", "1")):
                start = time.perf_counter()
                out = subprocess.run(
                    [sys.executable, "-c", _IN_ONE_PROCESS, str(path), flag],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                wall = time.perf_counter() - start
                own, child = map(float, out.stdout.split())
                runs[mode].append((wall, own, own + child))
        for mode, values in runs.items():
            wall, own, total = (statistics.median(v[i] for v in values) for i in range(3))
            print(
                f"  {label:<11} {mode:<9} wall {wall:5.2f} s   main-process CPU {own:5.2f} s"
                f"   total CPU {total:5.2f} s"
            )


def count_calls() -> collections.Counter:
    """Call ``report_html`` once on a one-year journal and count each analysis it asks for.

    Counted where other layers reach an analysis: the lazy ``sci_pain.analysis`` package and
    any module outside the analysis layer that imported a name directly. Calls inside the
    analysis layer (``trend_slope`` using ``daily_values``) are that layer's own business. A
    call's key is the name plus the options given (``time_of_day_profile(relative=True)`` is
    another analysis than ``time_of_day_profile()``).
    """
    import importlib
    import pkgutil

    import pandas as pd

    counts: collections.Counter = collections.Counter()
    modules = [importlib.import_module("sci_pain.analysis")] + [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(sp.__path__, "sci_pain.")
        if not m.name.startswith(("sci_pain.widgets", "sci_pain.__main__", "sci_pain.analysis"))
    ]
    originals = {name: getattr(sp, name) for name in REPORT_ANALYSES}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            options = ", ".join(
                f"{k}={v!r}"
                for k, v in sorted(kwargs.items())
                if not isinstance(v, pd.DataFrame | pd.Series)
            )
            counts[f"{name}({options})"] += 1
            return function(*args, **kwargs)

        return wrapper

    patched = []
    for module in modules:
        for name, function in originals.items():
            if getattr(module, name, None) is function:
                setattr(module, name, counted(name, function))
                patched.append((module, name, function))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            journal = sp.read_journal(_write_journal(Path(tmp), 365))
        sp.report_html(journal, injury_level="T10")
    finally:
        for module, name, function in patched:
            setattr(module, name, function)
    return counts


def main(repeats: int = 5) -> None:
    """Print the report's wall time against the reference, then the analysis call counts."""
    cli = [sys.executable, "-m", "sci_pain", "report"]
    reference = [sys.executable, "-c", "import pandas, matplotlib.pyplot"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {"reference: import pandas, matplotlib.pyplot": reference}
        for days, label in ((365, "one year"), (5 * 365, "five years")):
            path = _write_journal(folder, days)
            out = folder / f"report_{days}.html"
            cases[f"sci-pain report, {label}"] = [
                *cli,
                str(path),
                "-o",
                str(out),
                "--level",
                "T10",
                "--force",
            ]
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(repeats):
            for name, args in cases.items():  # interleaved
                times[name].append(_time(args))
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"{repeats} runs each, interleaved; load average (1, 5, 15 min) at the end: {load}")
        print(
            "wall: what the user waits; CPU: user + system time, less sensitive to a busy machine"
        )
        ref_name = "reference: import pandas, matplotlib.pyplot"
        ref_wall = statistics.median(w for w, _ in times[ref_name])
        ref_cpu = statistics.median(c for _, c in times[ref_name])
        for name, values in times.items():
            wall = statistics.median(w for w, _ in values)
            cpu = statistics.median(c for _, c in values)
            print(
                f"{name:<46} wall {wall:6.2f} s ({wall / ref_wall:4.2f}x)"
                f"   CPU {cpu:6.2f} s ({cpu / ref_cpu:4.2f}x reference)"
            )
        serial_or_parallel(folder, repeats)
    print("\nanalyses asked for by one report on a one-year journal (target: 1 each):")
    for name, n in sorted(count_calls().items()):
        print(f"  {name:<44} {n}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
