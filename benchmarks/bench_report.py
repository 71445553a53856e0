"""How long does the clinic report take, and how often does it compute the same analysis?

Three measurements, in one run:

1. ``sci-pain report`` as a whole process on a simulated one-year and five-year journal, next to
   the reference ``python -c "import pandas, matplotlib.pyplot"`` measured alternately in the same
   run (so machine noise hits both alike). Printed: median wall time, CPU time (user + system)
   of every process, and the main process's own CPU time (what an otherwise idle machine with
   two cores waits for, near enough: the figures are drawn in two other processes and the links
   computed in a third), their ratios to the reference, and the machine's load average. Python
   runs as from an installed package: bytecode written once (to a temporary
   ``PYTHONPYCACHEPREFIX``, in an untimed first run) and then read, even where
   ``PYTHONDONTWRITEBYTECODE`` is set.
2. The links (block bootstrap) and the figures computed in the report's own process or in
   other ones (``report_html(parallel=...)``; the command line uses them): wall time, the main
   process's CPU time and the total CPU time. On a machine busy with other work the other
   processes cannot run alongside, and only the main process's CPU time shows the difference.
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


_CLI = """
import resource, sys
from sci_pain.cli import main
status = main(sys.argv[2:])
own = resource.getrusage(resource.RUSAGE_SELF)
with open(sys.argv[1], "w") as handle:
    handle.write(str(own.ru_utime + own.ru_stime))
sys.exit(status)
"""
"""``sci-pain ARGS`` (``python -c _CLI OWN_CPU_FILE ARGS``), writing its own CPU time to a file."""


def _environment(folder: Path) -> dict[str, str]:
    """The environment of the timed processes: bytecode kept, as an installed package has it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def _time(args: list[str], env: dict[str, str], own: Path | None = None) -> tuple[float, ...]:
    """Return the wall time, the CPU time (user + system) of every process, and the main one's.

    The main process's own CPU time is read from ``own`` when the process wrote it there,
    else it is the total.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, float(own.read_text()) if own is not None else cpu


_IN_ONE_PROCESS = """
import resource, sys
from sci_pain.html import report_html
from sci_pain.journal import read_journal
report_html(read_journal(sys.argv[1]), injury_level="T10", parallel=sys.argv[2] == "1")
own = resource.getrusage(resource.RUSAGE_SELF)
child = resource.getrusage(resource.RUSAGE_CHILDREN)
print(own.ru_utime + own.ru_stime, child.ru_utime + child.ru_stime)
"""


def serial_or_parallel(folder: Path, repeats: int, env: dict[str, str]) -> None:
    """Print wall, main-process CPU and total CPU with everything here or in other processes."""
    print("\nlinks and figures in the report's process or in other ones (medians):")
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
                    env=env,
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
    reference = [sys.executable, "-c", "import pandas, matplotlib.pyplot"]
    ref_name = "reference: import pandas, matplotlib.pyplot"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = _environment(folder)
        own = folder / "own_cpu.txt"
        cases: dict[str, tuple[list[str], Path | None]] = {ref_name: (reference, None)}
        for days, label in ((365, "one year"), (5 * 365, "five years")):
            path = _write_journal(folder, days)
            out = folder / f"report_{days}.html"
            cli = [sys.executable, "-c", _CLI, str(own), "report", str(path), "-o", str(out)]
            cases[f"sci-pain report, {label}"] = ([*cli, "--level", "T10", "--force"], own)
        for args, written in cases.values():  # untimed: bytecode written, files cached
            _time(args, env, written)
        times: dict[str, list[tuple[float, ...]]] = {name: [] for name in cases}
        for _ in range(repeats):
            for name, (args, written) in cases.items():  # interleaved
                times[name].append(_time(args, env, written))
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"{repeats} runs each, interleaved; load average (1, 5, 15 min) at the end: {load}")
        print(
            "wall: what the user waits; CPU: user + system time of every process; main: of "
            "the main process alone (less sensitive to a busy machine)"
        )
        ref = [statistics.median(v[i] for v in times[ref_name]) for i in range(3)]
        for name, values in times.items():
            wall, cpu, main_cpu = (statistics.median(v[i] for v in values) for i in range(3))
            print(
                f"{name:<46} wall {wall:5.2f} s ({wall / ref[0]:4.2f}x)"
                f"   CPU {cpu:5.2f} s ({cpu / ref[1]:4.2f}x)"
                f"   main {main_cpu:5.2f} s ({main_cpu / ref[2]:4.2f}x reference)"
            )
        serial_or_parallel(folder, repeats, env)
    print("\nanalyses asked for by one report on a one-year journal (target: 1 each):")
    for name, n in sorted(count_calls().items()):
        print(f"  {name:<44} {n}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 1)[0],
        epilog="Run: .venv/bin/python benchmarks/bench_report.py [repeats]",
    )
    parser.add_argument(
        "repeats", nargs="?", type=int, default=5, help="runs of each case (default 5)"
    )
    main(parser.parse_args().repeats)
