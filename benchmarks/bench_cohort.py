"""A class's journals as one cohort: validate, save and query, next to DuckDB alone.

Writes ``--people`` simulated one-year journals (``simulate_cohort``; default 1,000 people,
about 750,000 records) as one CSV file each, then, in the same run:

* ``sci_pain``: ``read_journals(folder, save_to=...)`` — every journal validated by
  ``read_journal`` (every record kept or reported), with its default number of processes
  (one below 256 MB of journals), stacked with a ``person`` column and written as Parquet —
  then ``cohort_query`` of a per-person summary over the Parquet files;
* ``sci_pain 2 workers``: the same with ``workers=2`` (two processes);
* ``duckdb``: DuckDB reading the same CSVs with a declared schema (``read_csv`` with
  ``columns=``), writing the same Parquet, and the same query — fast, but no record is
  checked beyond its type: a pain of 14 or a misspelled site is kept silently.

Wall time and CPU time (this process and its worker processes) for each; the ratio
``sci_pain / duckdb`` is the figure of merit (target <= 2).

Then the red flags of notebook 11's class (``--class-people`` 200 simulated people, 60 days,
seed 2026), in the same run:

* ``per person``: the per-person path - ``scan_red_flags`` and ``red_flag_episodes`` on each
  person's journal in turn (what ``cohort_red_flags`` did before it scanned everyone at once);
* ``whole cohort``: ``cohort_red_flags``, everyone at once over the long table.

The ratio ``whole cohort / per person`` is the figure of merit (target: the class in well
under 1 s), and the flags and episodes are checked equal.

Then notebook 11's explorer (``make_cohort_explorer``) on the same class, in this process:
each control is moved through its values and the time from setting ``.value`` until the
callback returned is taken per change (median and p95, wall and CPU), next to the plain way
in the same run: the share computed again, a new figure drawn with the same plot function
and shown as ``show_figure`` does (``figure_html``: cropped and saved as PNG), which is what
each change cost before. The machine's load is printed with
the figures. Run: ``.venv/bin/python benchmarks/bench_cohort.py [--people 1000] [--part all]``
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

SQL = """
SELECT person, count(*) AS entries, avg(pain) AS mean_pain,
       avg(pain) FILTER (WHERE hour(timestamp) >= 18) AS evening_pain
FROM entries GROUP BY person ORDER BY person
"""


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _write(folder: Path, people: int, days: int) -> int:
    from sci_pain.simulate import simulate_cohort

    frame = simulate_cohort(people, days, seed=20261203)
    for person, group in frame.groupby("person_id"):
        group.drop(columns="person_id").to_csv(folder / f"p{person:05d}.csv", index=False)
    return len(frame)


def _duckdb_schema(folder: Path) -> dict[str, str]:
    from sci_pain.journal import COLUMNS

    first = next(folder.glob("*.csv"))
    header = first.read_text().split("\n", 1)[0].split(",")
    kinds = {}
    for name in header:
        column = COLUMNS[name]
        dtype = str(column.dtype)
        if name == "timestamp":
            kinds[name] = "TIMESTAMP"
        elif dtype.startswith("Int"):
            kinds[name] = "INTEGER"
        elif dtype == "float64":
            kinds[name] = "DOUBLE"
        else:
            kinds[name] = "VARCHAR"
    return kinds


def run_sci_pain(folder: Path, out: Path, workers: int | None):
    from sci_pain.journal import cohort_query, read_journals

    cohort = read_journals(folder, save_to=out, workers=workers)
    return cohort, cohort_query(SQL, out)


def run_duckdb(folder: Path, out: Path, schema: dict[str, str]):
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in schema.items()) + "}"
    con = duckdb.connect(":memory:")
    con.execute(
        f"""
        COPY (
            SELECT regexp_extract(filename, '([^/]+)\\.csv$', 1) AS person, * EXCLUDE (filename)
            FROM read_csv('{folder}/*.csv', header = true, columns = {columns}, filename = true)
        ) TO '{out}/entries.parquet' (FORMAT parquet)
        """
    )
    con.execute(f"CREATE VIEW entries AS SELECT * FROM read_parquet('{out}/entries.parquet')")
    result = con.execute(SQL).df()
    con.close()
    return result


def _timed(function, *args):
    gc_wall, gc_cpu = time.perf_counter(), _cpu()
    result = function(*args)
    return result, time.perf_counter() - gc_wall, _cpu() - gc_cpu


def _per_person(cohort):
    """The per-person path: each person's journal scanned and grouped on its own."""
    from sci_pain.analysis import red_flag_episodes, scan_red_flags

    found = {}
    for person, entries in cohort.entries.groupby("person", sort=False):
        flags = scan_red_flags(entries.drop(columns="person"), injury_level="unknown")
        found[person] = (flags, red_flag_episodes(flags))
    return found


def bench_class_flags(people: int, repeat: int) -> None:
    import pandas as pd

    from sci_pain.analysis import cohort_red_flags
    from sci_pain.journal import cohort_from_frame
    from sci_pain.simulate import simulate_cohort

    cohort = cohort_from_frame(simulate_cohort(people, 60, seed=2026), person="person_id")
    print(f"\nred flags of a {people}-person class, 60 days each ({len(cohort.entries)} entries)")
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = {}
    for _ in range(repeat):  # alternate, keep the best of each
        whole = functools.partial(cohort_red_flags, injury_level="unknown")
        for name, function in (("per person", _per_person), ("whole cohort", whole)):
            result, wall, cpu = _timed(function, cohort)
            best = rows.get(name, (result, wall, cpu))
            rows[name] = (result, min(wall, best[1]), min(cpu, best[2]))
    loop, whole = rows["per person"], rows["whole cohort"]
    print(f"{'':<18} {'wall s':>7} {'cpu s':>7} {'wall ratio':>10} {'cpu ratio':>9}")
    for name, (_, w, c) in rows.items():
        print(f"{name:<18} {w:>7.3f} {c:>7.3f} {w / loop[1]:>10.3f} {c / loop[2]:>9.3f}")
    all_flags, all_episodes = whole[0].attrs["flags"], whole[0].attrs["episodes"]
    same = True
    for person, (flags, episodes) in loop[0].items():
        mine = all_flags[all_flags["person"] == person].drop(columns="person")
        theirs = all_episodes[all_episodes["person"] == person].drop(columns="person")
        same &= len(mine) == len(flags) and len(theirs) == len(episodes)
        if len(flags):
            pd.testing.assert_frame_equal(mine.reset_index(drop=True), flags)
            pd.testing.assert_frame_equal(theirs.reset_index(drop=True), episodes)
    print(
        f"same flags and episodes from both: {same}; per person is {loop[1] / whole[1]:.0f}x slower"
    )
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _plain_redraw(cohort, difference: float, min_entries: int, confidence: float) -> None:
    """One change drawn the plain way: everything computed and a new figure saved."""
    import matplotlib.pyplot as plt

    from sci_pain.analysis import evening_pattern, prevalence
    from sci_pain.html import figure_html
    from sci_pain.plotting import plot_evening_pattern, prevalence_sentence

    table = evening_pattern(cohort, difference=difference, min_entries=min_entries)
    counts = prevalence(table, column="evening_pattern", confidence=confidence)
    prevalence_sentence(counts, what="show an evening pattern", confidence=confidence)
    fig, ax = plt.subplots(figsize=(7, 3.4))
    plot_evening_pattern(table, difference=difference, ax=ax)
    figure_html(fig, alt="-")
    plt.close(fig)


def bench_explorer(people: int) -> None:
    import statistics

    import matplotlib

    matplotlib.use("Agg")
    from sci_pain.journal import cohort_from_frame
    from sci_pain.simulate import simulate_cohort
    from sci_pain.style import use_style
    from sci_pain.widgets import make_cohort_explorer

    use_style()
    cohort = cohort_from_frame(simulate_cohort(people, 60, seed=2026), person="person_id")
    box = make_cohort_explorer(cohort)
    moves = {
        "difference": [1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 0.75, 0.5, 1.0, 1.25],
        "min_entries": [12, 15, 20, 25, 5, 8, 10, 12, 3, 10],
        "confidence": [0.8, 0.9, 0.99, 0.95, 0.8, 0.9, 0.99, 0.95, 0.8, 0.95],
    }
    print(f"\nnotebook 11's explorer on the {people}-person class (ms per change)")
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{'control':<12} {'med':>6} {'p95':>6} {'cpu med':>7} | {'plain med':>9} {'p95':>6} | ratio"
    )
    for name, values in moves.items():
        walls, cpus, plain = [], [], []
        for value in values:
            wall, cpu = time.perf_counter(), _cpu()
            box.controls[name].value = value
            walls.append(1000 * (time.perf_counter() - wall))
            cpus.append(1000 * (_cpu() - cpu))
            state = {k: c.value for k, c in box.controls.items()}
            wall = time.perf_counter()
            _plain_redraw(cohort, state["difference"], state["min_entries"], state["confidence"])
            plain.append(1000 * (time.perf_counter() - wall))
        p95 = [statistics.quantiles(v, n=20)[-1] for v in (walls, plain)]
        print(
            f"{name:<12} {statistics.median(walls):>6.1f} {p95[0]:>6.1f} "
            f"{statistics.median(cpus):>7.1f} | {statistics.median(plain):>9.1f} {p95[1]:>6.1f} "
            f"| {statistics.median(walls) / statistics.median(plain):.2f}"
        )
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--days", type=int, default=340)
    parser.add_argument("--class-people", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--part", choices=["all", "read", "flags", "explorer"], default="all")
    args = parser.parse_args()
    if args.part in ("all", "flags"):
        bench_class_flags(args.class_people, args.repeat)
    if args.part in ("all", "explorer"):
        bench_explorer(args.class_people)
    if args.part in ("flags", "explorer"):
        return
    work = Path(tempfile.mkdtemp(prefix="sci_pain_cohort_"))
    try:
        folder = work / "journals"
        folder.mkdir()
        records = _write(folder, args.people, args.days)
        print(f"{args.people} journals, {records} records; cores: {os.cpu_count()}")
        print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        schema = _duckdb_schema(folder)
        (_, ours), wall, cpu = _timed(run_sci_pain, folder, work / "ours", None)
        theirs, d_wall, d_cpu = _timed(run_duckdb, folder, work / "duckdb", schema)
        (_, serial), s_wall, s_cpu = _timed(run_sci_pain, folder, work / "serial", 2)
        print(f"{'':<18} {'wall s':>7} {'cpu s':>7} {'wall ratio':>10} {'cpu ratio':>9}")
        for name, w, c in (
            ("sci_pain", wall, cpu),
            ("sci_pain 2 workers", s_wall, s_cpu),
            ("duckdb", d_wall, d_cpu),
        ):
            print(f"{name:<18} {w:>7.2f} {c:>7.2f} {w / d_wall:>10.2f} {c / d_cpu:>9.2f}")
        same = (
            ours["person"].tolist() == theirs["person"].tolist()
            and ours["entries"].tolist() == theirs["entries"].tolist()
            and (ours["mean_pain"] - theirs["mean_pain"]).abs().max() < 1e-9
            and ours.equals(serial)
        )
        print(f"same answers from both: {same}")
        print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
