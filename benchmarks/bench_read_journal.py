"""Benchmark: read_journal against bare pandas.read_csv on a 1,000,000-record journal.

Two inputs, each read in its own run of the comparison:

* ``today``: a cohort journal with every column (``sci_pain.simulate.simulate_cohort``
  when it is available, otherwise an equivalent file drawn with NumPy), sorted by person
  and time;
* ``realistic``: what learners bring — no person column, unsorted and mostly distinct
  timestamps (to the second), free-text notes, several values in ``site`` (a fault),
  ``quality`` and ``interventions``, no ``swelling`` column, and a few percent of faulty
  cells (pain ``x`` or ``11``, day/month dates, decimal commas, typos, words for numbers).

For each input, in the same process:

* times ``read_journal(path)`` and bare ``pandas.read_csv(path)`` (a few repeats each,
  interleaved; medians of wall-clock time and of the process's CPU time, which is steadier
  on a busy machine) — target ratio <= 1.5;
* compares ``Journal.entries.memory_usage(deep=True)`` with that of the bare frame —
  target ratio <= 1;
* times two floors, what any reader that checks every cell must at least do with Arrow's
  CSV reader (on one thread, as ``read_journal`` uses it): the parse alone, every cell a
  string, no check; and that parse plus one look at every cell (Arrow's dictionary
  encoding of each column, which gives the distinct values to check; a column whose first
  cells nearly all differ is looked at only for each cell's length). Their ratios to
  ``read_csv`` show how much of the target is left for checking, ordering and building
  the journal.

Then ``read_journal`` is profiled once (cProfile, by CPU time) and the five functions with
the most own time are printed. It prints figures and asserts nothing about time. Run it with
``.venv/bin/python benchmarks/bench_read_journal.py [--records N] [--repeats R]
[--input today|realistic|both]``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
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


_WORDS = (
    "slept badly, woke at 3",
    "long drive to clinic",
    "new cushion",
    "transfer to car",
    "physio session",
    "cold weather",
    "bladder infection?",
    "visited family",
    "hot bath",
    "shopping trip",
    "spasms at night",
    "wheelchair repaired",
    '"bad" day',
    "ok",
)


def realistic_frame(n: int, *, seed: int = 20261203) -> pd.DataFrame:
    """A journal as learners bring it (see the module docstring), as text cells."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2023-01-01T00:00:00", "s")
    seconds = rng.integers(0, 3 * 365 * 86400, n)  # three years to the second: mostly distinct
    timestamps = np.datetime_as_string(start + seconds.astype("timedelta64[s]"), unit="s")
    timestamps = timestamps.astype(object)
    space = rng.random(n) < 0.3  # some written with a space instead of T
    timestamps[space] = [t.replace("T", " ") for t in timestamps[space]]

    def pick(values, p_missing=0.02):
        out = np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]
        out[rng.random(n) < p_missing] = ""
        return out

    def multi(vocabulary, p_missing, p_second=0.4, sep=";"):
        first, second = pick(vocabulary, p_missing), pick(vocabulary, 0.0)
        two = (rng.random(n) < p_second) & (first != "")
        out = first.copy()
        out[two] = [f"{a}{sep}{b}" for a, b in zip(first[two], second[two], strict=True)]
        return out

    def fault(column, values, share):
        cells = np.asarray(column, dtype=object)
        where = rng.random(n) < share
        cells[where] = np.asarray(values, dtype=object)[rng.integers(0, len(values), where.sum())]
        return cells

    pain = rng.integers(0, 11, n).astype(str).astype(object)
    notes = np.full(n, "", dtype=object)
    noted = np.flatnonzero(rng.random(n) < 0.35)
    notes[noted] = [
        f"{_WORDS[a]}; {_WORDS[b]} (day {d})"
        for a, b, d in zip(
            rng.integers(0, len(_WORDS), noted.size),
            rng.integers(0, len(_WORDS), noted.size),
            rng.integers(1, 2000, noted.size),
            strict=True,
        )
    ]
    frame = pd.DataFrame(
        {
            "timestamp": fault(timestamps, ["03/04/2026 08:00", "2026-02-30 10:00", ""], 0.01),
            "pain": fault(pain, ["x", "11", "", "7,5", "-1"], 0.02),
            "problem": pick(["burning feet", "spasm pain", "knee ache", "Burning feet "], 0.1),
            "side": fault(pick(SIDES), ["Left", "both legs", "L"], 0.02),
            "site": fault(pick(SITES), ["knee;calf", "Foot, ankle", "kneee"], 0.03),
            "quality": fault(multi(QUALITIES, 0.05, sep=", "), ["burnin", "sharp"], 0.01),
            "interference": fault(rng.integers(0, 11, n).astype(str), ["", "n/a"], 0.03),
            "spasms": fault(rng.poisson(3, n).astype(str), ["many", "2.5"], 0.01),
            "activity_min": fault(
                np.round(rng.gamma(2, 15, n), 1).astype(str), ["12,5", "1,500"], 0.02
            ),
            "immobile_hours": (np.round(rng.uniform(0, 8, n) * 2) / 2).astype(str),
            "sleep_hours": np.where(
                rng.random(n) < 0.55, "", np.round(rng.normal(7, 1, n), 1).astype(str)
            ),
            "skin": fault(pick(SKIN), ["red"], 0.01),
            "interventions": multi(INTERVENTIONS, 0.65, p_second=0.3),
            "notes": notes,
        }
    )
    return frame


def _timed(function) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def _profile(path: Path, top: int = 5) -> None:
    """Print the functions with the most own time in one ``read_journal(path)``."""
    # (timed by the process's CPU clock: on a busy machine the wall clock charges each
    # function with the time other processes ran)
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(read_journal, path)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("tottime")
    stats.print_stats(top)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    print(f"profile of read_journal, top {top} by own CPU time:")
    for line in lines[start : start + top + 1]:
        print("  " + line.strip())


def _arrow_parse(path: Path, *, encode: bool) -> list:
    """Arrow's CSV parse of ``path``, every cell a string; with ``encode``, then each column
    dictionary-encoded (the floors: no check, no order, no journal built)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv

    with open(path, "rb") as handle:
        names = handle.readline().decode("utf-8").rstrip("\n").split(",")
    table = pa_csv.read_csv(
        path,
        read_options=pa_csv.ReadOptions(use_threads=False, block_size=1 << 22),
        convert_options=pa_csv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
        ),
    )
    if not encode:
        return table.columns
    # (a column whose first cells nearly all differ, such as times to the second, is not
    # worth hashing: each cell is its own value, looked at once for its length)
    return [
        pc.binary_length(c)
        if pc.count_distinct(c.slice(0, 2000)).as_py() > 0.95 * min(len(c), 2000)
        else pc.dictionary_encode(c)
        for c in table.columns
    ]


def compare(frame: pd.DataFrame, label: str, repeats: int) -> dict[str, float]:
    """Write ``frame`` as CSV, time both readers on it, print and return the ratios."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        size_mb = path.stat().st_size / 1e6
        print(f"[{label}] {len(frame):,} records x {frame.shape[1]} columns, {size_mb:.1f} MB")
        # warm up both (imports, first read of the file), then interleave the repeats
        bare = pd.read_csv(path)
        journal = read_journal(path)
        bare_times, journal_times, parse_times, encode_times = [], [], [], []
        for _ in range(repeats):
            bare_times.append(_timed(lambda: pd.read_csv(path)))
            journal_times.append(_timed(lambda: read_journal(path)))
            parse_times.append(_timed(lambda: _arrow_parse(path, encode=False)))
            encode_times.append(_timed(lambda: _arrow_parse(path, encode=True)))
        _profile(path)
    m_bare = bare.memory_usage(deep=True).sum() / 1e6
    m_entries = journal.entries.memory_usage(deep=True).sum() / 1e6
    del bare
    ratios = {}
    print(f"repeats: {repeats} (interleaved); medians, wall clock and CPU time of the process:")
    for kind_label, kind in (("wall", 0), ("CPU", 1)):
        t_bare = statistics.median(t[kind] for t in bare_times)
        t_journal = statistics.median(t[kind] for t in journal_times)
        every_bare = ", ".join(f"{t[kind]:.2f}" for t in bare_times)
        every_journal = ", ".join(f"{t[kind]:.2f}" for t in journal_times)
        ratios[kind_label] = t_journal / t_bare
        print(f"  {kind_label:4} pandas.read_csv  {t_bare:6.2f} s   (all: {every_bare})")
        print(f"  {kind_label:4} read_journal     {t_journal:6.2f} s   (all: {every_journal})")
        print(f"  {kind_label:4} time ratio       {ratios[kind_label]:6.2f} x   (target <= 1.5)")
    t_bare_cpu = statistics.median(t[1] for t in bare_times)
    for name, times in (
        ("Arrow parse alone (no check)", parse_times),
        ("parse + one look at each cell", encode_times),
    ):
        t_floor = statistics.median(t[1] for t in times)
        ratios[name] = t_floor / t_bare_cpu
        print(f"  floor CPU {name:30} {t_floor:5.2f} s = {ratios[name]:4.2f} x read_csv")
    ratios["memory"] = m_entries / m_bare
    print("memory (memory_usage(deep=True)):")
    print(f"  bare frame        {m_bare:8.1f} MB")
    print(f"  Journal.entries   {m_entries:8.1f} MB")
    print(f"  memory ratio      {ratios['memory']:8.2f} x   (target <= 1)")
    print(f"summary: {journal.summary()}")
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--input", choices=("today", "realistic", "both"), default="both")
    args = parser.parse_args(argv)

    results = {}
    if args.input in ("today", "both"):
        start = time.perf_counter()
        frame, how = cohort_frame(args.records)
        print(f"today's file built with {how} in {time.perf_counter() - start:.1f} s")
        results["today"] = compare(frame, "today", args.repeats)
        del frame
    if args.input in ("realistic", "both"):
        results["realistic"] = compare(realistic_frame(args.records), "realistic", args.repeats)
    print("ratios read_journal / pandas.read_csv (time: target <= 1.5; memory: target <= 1):")
    for label, ratios in results.items():
        print(
            f"  {label:10} wall {ratios['wall']:5.2f} x   CPU {ratios['CPU']:5.2f} x   "
            f"memory {ratios['memory']:5.2f} x   (floors, CPU: parse "
            f"{ratios['Arrow parse alone (no check)']:4.2f} x, parse + one look "
            f"{ratios['parse + one look at each cell']:4.2f} x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
