"""Benchmark: hostile files are read and reported in bounded time and memory.

Each pathological file (a year 0000, 0001 or 9999 entry next to one in 2026, a record
200,000 fields wider than its header, a wide first record, a header of 10^6 columns,
``/dev/zero``, a 1 MB cell, a quote that swallows entries, a two-century span) is written to
a temporary folder and, in a fresh Python process each, read with ``read_journal`` and, when
it can be read, turned into the clinic report (``report_html``) and drawn in every figure of
the dashboard. ``/dev/zero`` and a very wide record also go to the Bearable, Flaredown and
FHIR importers. For each it prints the wall and CPU time of the read and of the report, the
CPU time of the dashboard, and the process's peak memory (its maximum resident set, imports
of pandas and matplotlib included).

The target (issue 12): every case within a few seconds and well under 500 MB. It asserts
nothing. Run it with ``.venv/bin/python benchmarks/bench_hostile.py [--case NAME]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = "".join(f"2026-03-{d:02d} 08:00,{d % 11},knee\n" for d in range(1, 29))
HEADER = "timestamp,pain,site\n"

CASES: dict[str, str | None] = {
    "year 0000": HEADER + "2026-03-01 08:00,3,knee\n0000-01-01 08:00,4,knee\n",
    "year 0001": HEADER + "2026-03-01 08:00,3,knee\n0001-01-01 08:00,4,knee\n",
    "year 9999": HEADER + "2026-03-01 08:00,3,knee\n9999-12-31 08:00,4,knee\n",
    "1900 to 2100": HEADER + "1900-01-01 08:00,3,knee\n2100-12-31 20:00,5,foot\n",
    "record 200,000 fields wider": HEADER
    + "2026-03-01 08:00,3,knee"
    + "," * 200_000
    + "x\n"
    + ROWS,
    "wide first record": HEADER + "2026-03-01 08:00,3,knee" + ",x" * 50_000 + "\n" + ROWS,
    "header of 10^6 columns": "timestamp,pain" + ",c" * 1_000_000 + "\n" + ROWS,
    "cell of 1 MB": HEADER + "2026-03-01 08:00,3," + "k" * 1_000_000 + "\n" + ROWS,
    "quote swallowing entries": HEADER.replace("site", "notes")
    + '2026-03-01 08:00,3,"oops\n'
    + ROWS.replace("knee", "x")
    + '2026-03-29 08:00,3,"end"\n',
    "/dev/zero": None,
    "/dev/zero as Bearable": None,
    "/dev/zero as Flaredown": None,
    "/dev/zero as FHIR": None,
    "Bearable 200,000 fields wider": "date,weekday,time of day,category,rating/amount,detail,notes\n"
    + '"22nd Sep 2020","Tue","08:10","Health measurements","4","Pain",""'
    + "," * 200_000
    + '\n"23rd Sep 2020","Tue","08:10","Health measurements","5","Pain",""\n',
}
READERS = {"Bearable": "read_bearable", "Flaredown": "read_flaredown", "FHIR": "read_fhir"}


def _reader(name: str):
    import sci_pain.journal as journal_layer

    for app, function in READERS.items():
        if app in name:
            return getattr(journal_layer, function)
    return journal_layer.read_journal


def _dashboard(journal) -> float:
    """CPU seconds to draw every figure kind of the dashboard once."""
    from sci_pain.widgets.dashboard import DASHBOARD_KINDS, JournalFigures, JournalView

    cpu = time.process_time()
    figures = JournalFigures(journal)
    for kind in DASHBOARD_KINDS:
        figures.render(kind, JournalView())
    return time.process_time() - cpu


def run_case(name: str) -> dict:
    from sci_pain.html import report_html
    from sci_pain.journal import JournalError

    read_journal = _reader(name)
    text = CASES[name]
    with tempfile.TemporaryDirectory() as folder:
        if text is None:
            path = "/dev/zero"
        else:
            path = str(Path(folder) / "journal.csv")
            Path(path).write_text(text, encoding="utf-8")
        size = os.path.getsize(path) if text is not None else 0
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            journal = read_journal(path)
            outcome = f"{journal.n_entries} kept, {journal.n_dropped} not kept"
        except JournalError as error:
            said = str(error).removeprefix(path).lstrip(": ")
            journal, outcome = None, f"JournalError: {said[:60]}"
        read = (time.perf_counter() - wall, time.process_time() - cpu)
        report, dashboard = (0.0, 0.0), 0.0
        if journal is not None and journal.n_entries:
            wall, cpu = time.perf_counter(), time.process_time()
            page = report_html(journal)
            report = (time.perf_counter() - wall, time.process_time() - cpu)
            outcome += f"; report {len(page) / 1024:.0f} KB"
            dashboard = _dashboard(journal)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB -> MB on Linux
    return {
        "bytes": size,
        "read": read,
        "report": report,
        "dashboard": dashboard,
        "peak_mb": peak,
        "outcome": outcome,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=list(CASES), help="run one case in this process")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    print(
        f"{'case':30} {'bytes':>10} {'read s (cpu)':>14} {'report s (cpu)':>15} "
        f"{'dash cpu':>8} {'peak MB':>8}"
    )
    for name in CASES:
        if CASES[name] is None and not os.path.exists("/dev/zero"):
            continue
        done = subprocess.run(
            [sys.executable, __file__, "--case", name],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{name:30} {r['bytes']:>10,} {r['read'][0]:>6.2f} ({r['read'][1]:>5.2f}) "
            f"{r['report'][0]:>7.2f} ({r['report'][1]:>5.2f}) {r['dashboard']:>8.2f} "
            f"{r['peak_mb']:>8.0f}  {r['outcome']}"
        )


if __name__ == "__main__":
    main()
