"""How do ``associations`` and the phase comparison grow with the length of a journal?

For journals of 1, 5 and 20 years (``simulate_journal("spasticity", days=365 * years)``), each
measurement runs in a fresh process (so peak memory is that task's alone) and reports wall
time, CPU time and peak resident memory:

* ``associations`` with its defaults (2,000 block-bootstrap replicates per row, chunked);
* ``reference``: the same bootstrap done the way the package did it before — every replicate
  resampled at once and ranked with ``scipy.stats.rankdata`` (the same random draws, so the
  same numbers; checked here) — for 1 and 5 years, and for 20 years with ``--reference-20``
  (about a minute and 1.4 GB);
* ``pairs``: NAP, Tau-U and the baseline's Theil-Sen slope of ``compare_phases(per="entry")``
  with the change in the middle, counted from sorted values, against the same three from
  all-pairs matrices as before (``all-pairs``, up to 5 years: 20 would need tens of GB).

Ratios (new / reference) are measured in the same run. The machine's load (``uptime``) is
printed first: figures from a busy machine are slower, ratios less so. Prints; asserts
nothing but the equality of the numbers. Run:
``.venv/bin/python benchmarks/bench_analysis.py [--years 1 5 20] [--reference-20]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time


def _journal(years: int):
    from sci_pain.journal import journal_from_frame
    from sci_pain.simulate import simulate_journal

    frame = simulate_journal("spasticity", days=365 * years, seed=1)
    return journal_from_frame(frame, source="bench")


def _reference_bootstrap(x, y, *, n_boot, seed, confidence=0.95):
    """The bootstrap as it was: all replicates at once, SciPy's rankdata."""
    import numpy as np
    from scipy import stats

    def masked(x, y):
        both = ~np.isnan(x) & ~np.isnan(y)
        return np.where(both, x, np.nan), np.where(both, y, np.nan), both.sum(axis=-1)

    def pearson(x, y, n):
        with np.errstate(invalid="ignore", divide="ignore"):
            dx = x - np.nanmean(x, axis=-1, keepdims=True)
            dy = y - np.nanmean(y, axis=-1, keepdims=True)
            num = np.nansum(dx * dy, axis=-1)
            den = np.sqrt(np.nansum(dx * dx, axis=-1) * np.nansum(dy * dy, axis=-1))
            return np.where((n >= 3) & (den > 0), num / den, np.nan)

    def spearman(x, y):
        x, y, n = masked(x, y)
        rx = stats.rankdata(x, axis=-1, nan_policy="omit")
        ry = stats.rankdata(y, axis=-1, nan_policy="omit")
        return pearson(rx, ry, n)

    n_total = x.size
    block = max(1, math.ceil(n_total ** (1 / 3)))
    rng = np.random.default_rng(seed)
    n_blocks = math.ceil(n_total / block)
    starts = rng.integers(0, n_total - block + 1, size=(n_boot, n_blocks))
    index = (starts[:, :, None] + np.arange(block)).reshape(n_boot, -1)[:, :n_total]
    values = spearman(x[index], y[index])
    values = values[~np.isnan(values)]
    alpha = (1 - confidence) / 2
    return [float(v) for v in np.quantile(values, [alpha, 1 - alpha])]


def _run_one(task: str, years: int) -> dict:
    """Runs in a child process: one task on one journal length."""
    import resource

    import numpy as np

    journal = _journal(years)
    t0, c0 = time.perf_counter(), time.process_time()
    out: dict = {}
    if task == "associations":
        from sci_pain.analysis import associations

        table = associations(journal)
        out["ci"] = [[float(r.ci_low), float(r.ci_high)] for r in table.itertuples()]
    elif task == "reference":
        # the same inputs and streams as associations() with its defaults
        from sci_pain import analysis as an
        from sci_pain.analysis.links import _adjusted_outcome

        entries = journal.entries
        chosen = {v: lags for v, lags in an.ASSOCIATION_VARIABLES.items() if v in entries}
        ts = an.timestamps(entries, purpose="bench")
        outcome_values = _adjusted_outcome(entries, "pain", True)
        import pandas as pd

        frame = an.daily_values(entries, list(chosen))
        outcome = (
            pd.Series(outcome_values, index=entries.index)
            .groupby(ts.dt.normalize().to_numpy())
            .mean()
            .reindex(frame.index)
            .to_numpy(dtype=float)
        )
        seeds = np.random.SeedSequence(0).spawn(sum(len(v) for v in chosen.values()))
        cis, i = [], 0
        for variable, lags in chosen.items():
            for lag in lags:
                x = frame[variable].shift(lag).to_numpy(dtype=float)
                rng = np.random.default_rng(seeds[i])
                cis.append(_reference_bootstrap(x, outcome, n_boot=2000, seed=rng))
                i += 1
        out["ci"] = cis
    elif task == "pairs":
        from sci_pain.analysis import compare_phases

        start = journal.entries["timestamp"].iloc[len(journal.entries) // 2]
        from sci_pain.analysis import nap, tau_u
        from sci_pain.analysis.nof1_stats import _theil_sen_slope

        result = compare_phases(journal, start=f"{start:%Y-%m-%d}", per="entry")
        t0, c0 = time.perf_counter(), time.process_time()  # time only the pair-based part
        a = result.a.to_numpy(dtype=float)
        b = result.b.to_numpy(dtype=float)
        out["numbers"] = [nap(a, b), tau_u(a, b)]
        _theil_sen_slope(a, np.arange(a.size, dtype=float))
    elif task == "all-pairs":
        from scipy import stats

        from sci_pain.analysis import compare_phases

        start = journal.entries["timestamp"].iloc[len(journal.entries) // 2]
        result = compare_phases(journal, start=f"{start:%Y-%m-%d}", per="entry")
        t0, c0 = time.perf_counter(), time.process_time()  # time only the all-pairs part
        a = -result.a.to_numpy(dtype=float)
        b = -result.b.to_numpy(dtype=float)
        diff = b[None, :] - a[:, None]
        nap = round(float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size), 12)
        s_ab = float(np.sign(diff).sum())
        dy = np.sign(a[None, :] - a[:, None])
        s_a = float(np.triu(dy, k=1).sum())
        tau_u = round((s_ab - s_a) / (a.size * b.size), 12)
        stats.theilslopes(-a, np.arange(a.size, dtype=float))
        out["numbers"] = [nap, tau_u]
    out["wall"] = time.perf_counter() - t0
    out["cpu"] = time.process_time() - c0
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["records"] = len(journal.entries)
    return out


def _child(task: str, years: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", task, str(years)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--reference-20", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_run_one(args.child[0], int(args.child[1]))))
        return
    print(
        f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1, 5 min); cores: {os.cpu_count()}"
    )
    print(
        f"{'years':>5} {'records':>8} {'task':<14} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}"
        f" {'cpu ratio':>9} {'MB ratio':>8}"
    )
    for years in args.years:
        rows = {}
        for task in ("associations", "reference", "pairs", "all-pairs"):
            if task == "reference" and years >= 20 and not args.reference_20:
                continue
            if task == "all-pairs" and years > 5:
                continue
            rows[task] = _child(task, years)
        for task, ref in (("associations", "reference"), ("pairs", "all-pairs")):
            r = rows[task]
            ratio = mb = ""
            if ref in rows:
                ratio = f"{r['cpu'] / rows[ref]['cpu']:.2f}"
                mb = f"{r['peak_mb'] / rows[ref]['peak_mb']:.2f}"
            for name in (task, ref):
                if name not in rows:
                    continue
                x = rows[name]
                print(
                    f"{years:>5} {x['records']:>8} {name:<14} {x['wall']:>7.2f} {x['cpu']:>7.2f}"
                    f" {x['peak_mb']:>8.0f} {ratio if name == task else '':>9}"
                    f" {mb if name == task else '':>8}"
                )
        if "reference" in rows:
            same = all(
                math.isclose(p, q, rel_tol=0, abs_tol=0) or (math.isnan(p) and math.isnan(q))
                for pr, qr in zip(rows["associations"]["ci"], rows["reference"]["ci"], strict=True)
                for p, q in zip(pr, qr, strict=True)
            )
            print(f"      bootstrap intervals identical to the reference: {same}")
        if "all-pairs" in rows:
            same = rows["pairs"]["numbers"][:2] == rows["all-pairs"]["numbers"]
            print(f"      NAP and Tau-U identical to all-pairs: {same}")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
