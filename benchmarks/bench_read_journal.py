"""Benchmark: read_journal against bare pandas.read_csv on a 1,000,000-record journal.

Builds a cohort journal with every column (``sci_pain.simulate.engine.simulate_cohort`` when it is
available, otherwise an equivalent file drawn with NumPy), then, in the same process:

* times ``read_journal(path)`` and bare ``pandas.read_csv(path)`` (a few repeats each,
  interleaved; medians of wall-clock time and of the process's CPU time, which is steadier
  on a busy machine) — target ratio <= 1.5;
* compares ``Journal.entries.memory_usage(deep=True)`` with that of the bare frame —
  target ratio <= 1.

It prints figures and asserts nothing about time. Run it with
``.venv/bin/python benchmarks/bench_read_journal.py [--records N] [--repeats R]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from sci_pain.journal import (
    COLUMN_ORDER,
    INTERVENTIONS,
    QUALITIES,
    SIDES,
    SITES,
    SKIN,
    read_journal,
)

ENTRIES_PER_PERSON_DAY = 2.2  # simulate_cohort's documented average


def cohort_frame(n_records: int, *, seed: int = 20261124) -> tuple[pd.DataFrame, str]:
    """A cohort journal of about ``n_records`` records, and how it was made."""
    try:
        from sci_pain.simulate import simulate_cohort
    except ImportError:
        return _numpy_cohort(n_records, seed=seed), "numpy"
    days = 365
    n_people = int(np.ceil(n_records / (days * ENTRIES_PER_PERSON_DAY))) + 1
    frame = simulate_cohort(n_people, days, seed=seed)
    while len(frame) < n_records:  # top up if the cohort came out short
        n_people = int(n_people * 1.1) + 1
        frame = simulate_cohort(n_people, days, seed=seed)
    return frame.iloc[:n_records], f"simulate_cohort({n_people} people x {days} days)"


def _numpy_cohort(n: int, *, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-05T07:00", "m")
    minutes = np.sort(rng.integers(0, 365 * 24 * 60, n))
    timestamps = np.datetime_as_string(start + minutes.astype("timedelta64[m]"), unit="m")

    def pick(values, p_missing=0.02):
        out = np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]
        out[rng.random(n) < p_missing] = None
        return out

    def multi(vocabulary, p_missing):
        first = pick(vocabulary, p_missing)
        second = pick(vocabulary, 0.7)
        both = [
            a if b is None or a is None or a == b else f"{a};{b}"
            for a, b in zip(first, second, strict=True)
        ]
        return np.array(both, dtype=object)

    frame = pd.DataFrame(
        {
            "person_id": rng.integers(1, 460, n),
            "timestamp": timestamps,
            "pain": rng.integers(0, 11, n),
            "problem": pick(["burning feet", "spasm pain", "knee ache"]),
            "side": pick(SIDES),
            "site": pick(SITES),
            "quality": multi(QUALITIES, 0.02),
            "interference": rng.integers(0, 11, n),
            "spasms": rng.poisson(3, n),
            "activity_min": np.round(rng.gamma(2, 15, n)),
            "immobile_hours": np.round(rng.uniform(0, 8, n) * 2) / 2,
            "sleep_hours": np.where(rng.random(n) < 0.55, np.nan, np.round(rng.normal(7, 1, n), 1)),
            "swelling": pick(["none", "none", "none", "left"]),
            "skin": pick(SKIN),
            "interventions": multi(INTERVENTIONS, 0.65),
            "notes": pick(["slept badly", "long drive", "new cushion"], 0.95),
        }
    )
    return frame[["person_id", *COLUMN_ORDER]]


def _timed(function) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    frame, how = cohort_frame(args.records)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cohort.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        built = time.perf_counter() - start
        size_mb = path.stat().st_size / 1e6
        print(f"journal: {len(frame):,} records x {frame.shape[1]} columns, {size_mb:.1f} MB")
        print(f"         built with {how} in {built:.1f} s")
        del frame

        # warm up both (imports, first read of the file), then interleave the repeats
        bare = pd.read_csv(path)
        journal = read_journal(path)
        bare_times, journal_times = [], []
        for _ in range(args.repeats):
            bare_times.append(_timed(lambda: pd.read_csv(path)))
            journal_times.append(_timed(lambda: read_journal(path)))
    m_bare = bare.memory_usage(deep=True).sum() / 1e6
    m_entries = journal.entries.memory_usage(deep=True).sum() / 1e6

    print(
        f"repeats: {args.repeats} (interleaved); medians, wall clock and CPU time of the process:"
    )
    for label, kind in (("wall", 0), ("CPU", 1)):
        t_bare = statistics.median(t[kind] for t in bare_times)
        t_journal = statistics.median(t[kind] for t in journal_times)
        every_bare = ", ".join(f"{t[kind]:.2f}" for t in bare_times)
        every_journal = ", ".join(f"{t[kind]:.2f}" for t in journal_times)
        print(f"  {label:4} pandas.read_csv  {t_bare:6.2f} s   (all: {every_bare})")
        print(f"  {label:4} read_journal     {t_journal:6.2f} s   (all: {every_journal})")
        print(f"  {label:4} time ratio       {t_journal / t_bare:6.2f} x   (target <= 1.5)")
    print("memory (memory_usage(deep=True)):")
    print(f"  bare frame        {m_bare:8.1f} MB")
    print(f"  Journal.entries   {m_entries:8.1f} MB")
    print(f"  memory ratio      {m_entries / m_bare:8.2f} x   (target <= 1)")
    print(f"summary: {journal.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
