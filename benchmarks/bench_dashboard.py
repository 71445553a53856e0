"""How fast does the journal dashboard redraw, next to drawing the same figure with Agg?

A real kernel is started with jupyter_client (as nbclient does). In it, a one-year journal is
simulated (``simulate_journal(persona, days=365, seed=...)``), the dashboard is built on it,
and every control is driven through many value changes by code executed in the kernel. For
each change the time from setting ``.value`` until the figure widget holds the new picture
is measured inside the kernel ("redraw"), and also until the callback has finished (the alt
text and the red-flag list updated too: "done"). Changes that the dashboard answered from
its cache of pictures (a view seen before) are counted apart: "new views" are the ones that
drew something.

After each control, the figure it left on screen is drawn completely by matplotlib's own Agg
canvas (``FigureCanvasAgg(fig).draw()``) and saved as PNG (``fig.savefig``), several times:
the cost of the plain way, in the same run, on the same machine.

The dashboard is built in one cell and driven in the next, after ``--idle`` seconds (as a
person reads it before touching a control); meanwhile it makes its other kinds of figure
(``prepare=True``). ``--no-prepare`` shows the cost of making each figure on first use.

Columns: ``n`` changes that showed something new; ``redraw`` median and p95 over them;
``new views`` those that drew (not served from the cache of pictures); ``CPU p95`` the
kernel's CPU time until the picture was shown (``time.process_time``: less disturbed than
wall time when other programs share the cores); ``GC max`` the longest time Python's
garbage collector took during one change (a pause, not drawing); ``done p95`` until the
callback returned; ``Agg draw`` and ``savefig`` medians of the plain way.

Uploads: ``--uploads`` files (24), each the journal with one rating changed, so that each
draws a new picture (the figure widget does not send a picture equal to the one shown,
and the time until it is shown would then not be measured).

Prints figures; asserts nothing. Run: ``.venv/bin/python benchmarks/bench_dashboard.py
[--render output|image|both] [--persona neuropathic] [--seed 2026] [--repeat 1]
[--idle 5] [--uploads 24] [--no-prepare]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import textwrap
import time

from jupyter_client.manager import KernelManager

SETUP = """
import json, random, statistics, time, io, datetime
import sci_pain as sp
from sci_pain.journal import journal_from_frame

frame = sp.simulate_journal({persona!r}, days=365, seed={seed})
journal = journal_from_frame(frame, source="{persona}, 365 days")


def upload_bytes(i):
    # the i-th file: the journal with one rating changed, so that each upload draws a new
    # picture (an identical file would give the same picture, which the figure widget does
    # not send again: nothing would mark when it was shown)
    changed = frame.copy()
    row = (37 * i) % len(changed)
    changed.loc[row, "pain"] = (changed.loc[row, "pain"] + 1 + i % 3) % 11
    return changed.to_csv(index=False, lineterminator="\\n").encode()
"""

BUILD = """
t0 = time.perf_counter()
box = sp.make_journal_dashboard(journal, render={render!r}, prepare={prepare!r})
build_ms = 1000 * (time.perf_counter() - t0)
"""

DRIVE = """
import gc
c = box.controls
stamp = {{}}
collected = {{"ms": 0.0}}


def gc_clock(phase, info, started=[0.0]):
    # the CPU time of Python's garbage collections, to tell a pause from drawing
    if phase == "start":
        started[0] = time.process_time()
    else:
        collected["ms"] += 1000 * (time.process_time() - started[0])


gc.callbacks.append(gc_clock)
box.figure.observe(
    lambda change: stamp.update(shown=time.perf_counter(), shown_cpu=time.process_time()),
    names="value" if {render!r} == "image" else "outputs",
)
rng = random.Random({seed})
days = [value for _, value in c["dates"].options]
n_days = len(days)


def drive(name, values):
    rows = []
    for value in values:
        stamp.clear()
        before = box.picture
        gc_before = collected["ms"]
        start, start_cpu = time.perf_counter(), time.process_time()
        c[name].value = value
        done, done_cpu = time.perf_counter(), time.process_time()
        picture = box.picture
        shown = stamp.get("shown", done)
        rows.append(
            {{
                "redraw": 1000 * (shown - start),
                "cpu": 1000 * (stamp.get("shown_cpu", done_cpu) - start_cpu),
                "done": 1000 * (done - start),
                "gc": collected["ms"] - gc_before,
                "cached": bool(picture is not None and picture.cached),
                "changed": picture is not before,
            }}
        )
    return rows


def agg(kind, repeats=7):
    # the same figure, in the state the control left it, drawn whole by matplotlib's own
    # Agg canvas (no blitting, no text cache) and saved as PNG
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = box.figures.figure(kind)
    box.figures.draw(kind)  # every artist back in the normal drawing order
    fast = fig.canvas
    plain = FigureCanvasAgg(fig)
    draws, saves = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        plain.draw()
        draws.append(1000 * (time.perf_counter() - start))
        start = time.perf_counter()
        fig.savefig(io.BytesIO(), format="png", dpi=fig.dpi)
        saves.append(1000 * (time.perf_counter() - start))
    fig.set_canvas(fast)
    return statistics.median(draws), statistics.median(saves)


kinds = [value for _, value in c["kind"].options]
plan = []
# the figure kind: every kind three times (the first time each figure is made)
plan.append(("kind", "timeline", kinds[1:] + kinds + kinds + ["timeline"]))
# the smoothing window: a slider dragged up and back on the timeline
plan.append(("window", "timeline", list(range(8, 29)) + list(range(27, 0, -1)) + [7]))
# the date range: random ranges, then the end handle dragged day by day
ranges = []
for _ in range(30):
    a = rng.randrange(0, n_days - 30)
    b = rng.randrange(a + 14, n_days)
    ranges.append((days[a], days[b]))
ranges += [(days[100], days[d]) for d in range(130, 190)]
plan.append(("dates", "timeline", ranges + [(days[0], days[-1])]))
sites = [value for _, value in c["site"].options]
sides = [value for _, value in c["side"].options]
plan.append(("site", "timeline", (sites[1:] + sites) * 4 + [None]))
plan.append(("side", "timeline", (sides[1:] + sides) * 5 + [None]))
plan.append(("site", "calendar", (sites[1:] + sites) * 3 + [None]))
plan.append(("dates", "calendar", ranges[:30] + [(days[0], days[-1])]))
plan.append(("side", "body_map", (sides[1:] + sides) * 4 + [None]))
plan.append(("site", "time_of_day_weekday", (sites[1:] + sites) * 3 + [None]))
plan.append(("dates", "descriptors", ranges[:20] + [(days[0], days[-1])]))
variables = [value for _, value in c["variable"].options]
plan.append(("lag", "association", [1, 2, 3, 0] * 5))
plan.append(("variable", "association", (variables[1:] + variables) * 3))
plan.append(("window", "overview", list(range(8, 22)) + [7]))
plan.append(("dates", "overview", ranges[:30] + [(days[0], days[-1])]))
journals = [value for _, value in c["journal"].options]
plan.append(("journal", "timeline", (journals[1:] + journals) * 2))

results = []
for name, kind, values in plan:
    c["kind"].value = kind
    rows = drive(name, values)
    draw_ms, save_ms = agg(c["kind"].value)
    results.append({{"control": name, "kind": kind, "rows": rows, "agg_draw": draw_ms,
                     "savefig": save_ms}})
    if name == "journal":
        c["journal"].value = journals[0]

# uploading a file: a new journal each time (read, checked, first figure drawn)
upload_rows = []
for i in range({uploads}):
    content = upload_bytes(i)
    stamp.clear()
    gc_before = collected["ms"]
    item = {{"name": f"upload_{{i}}.csv", "type": "text/csv", "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)}}
    start, start_cpu = time.perf_counter(), time.process_time()
    c["upload"].value = (item,)
    done, done_cpu = time.perf_counter(), time.process_time()
    shown = stamp.get("shown", done)
    upload_rows.append({{"redraw": 1000 * (shown - start),
                         "cpu": 1000 * (stamp.get("shown_cpu", done_cpu) - start_cpu),
                         "done": 1000 * (done - start), "gc": collected["ms"] - gc_before,
                         "cached": False, "changed": True}})
draw_ms, save_ms = agg("timeline")
results.append({{"control": "upload", "kind": "timeline", "rows": upload_rows,
                 "agg_draw": draw_ms, "savefig": save_ms}})
gc.callbacks.remove(gc_clock)
print("RESULT " + json.dumps({{"build_ms": build_ms, "entries": len(journal.entries),
                              "results": results}}))
del box
"""


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = q * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _run(client, code: str, timeout: float = 900) -> str:
    texts: list[str] = []

    def hook(msg):
        kind = msg["header"]["msg_type"]
        if kind == "stream":
            texts.append(msg["content"]["text"])
        elif kind == "error":
            texts.append("\n".join(msg["content"]["traceback"]))

    reply = client.execute_interactive(code, output_hook=hook, timeout=timeout)
    if reply["content"]["status"] != "ok":
        raise RuntimeError("".join(texts) or str(reply["content"]))
    return "".join(texts)


def _table(data: dict) -> None:
    head = (
        f"{'control':<9} {'figure':<20} {'n':>3} | {'redraw med':>10} {'p95':>6} | "
        f"{'new views':>9} {'med':>6} {'p95':>6} | {'CPU p95':>7} | {'GC max':>6} | "
        f"{'done p95':>8} | "
        f"{'Agg draw':>8} {'savefig':>8}"
    )
    print(head)
    print("-" * len(head))
    for result in data["results"]:
        rows = [r for r in result["rows"] if r["changed"]]
        redraw = [r["redraw"] for r in rows]
        done = [r["done"] for r in rows]
        new = [r["redraw"] for r in rows if not r["cached"]]
        cpu = [r["cpu"] for r in rows]
        print(
            f"{result['control']:<9} {result['kind']:<20} {len(rows):>3} | "
            f"{_percentile(redraw, 0.5):>10.1f} {_percentile(redraw, 0.95):>6.1f} | "
            f"{len(new):>9} {_percentile(new, 0.5):>6.1f} {_percentile(new, 0.95):>6.1f} | "
            f"{_percentile(cpu, 0.95):>7.1f} | {max((r['gc'] for r in rows), default=0):>6.1f} | "
            f"{_percentile(done, 0.95):>8.1f} | "
            f"{result['agg_draw']:>8.1f} "
            f"{result['savefig']:>8.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--render", choices=["output", "image", "both"], default="both")
    parser.add_argument("--persona", default="neuropathic")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--idle",
        type=float,
        default=5.0,
        help="seconds the kernel waits between building the dashboard and the first change "
        "(as a person reads it); the dashboard makes its other figures meanwhile",
    )
    parser.add_argument(
        "--uploads",
        type=int,
        default=24,
        help="how many files are uploaded (each a new journal: read, checked, first figure)",
    )
    parser.add_argument(
        "--no-prepare",
        action="store_true",
        help="build with prepare=False: each figure is made when first shown",
    )
    args = parser.parse_args()

    print(
        f"machine: {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average before {os.getloadavg()[0]:.1f}"
    )
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env={**os.environ, "MPLBACKEND": "Agg"})
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        start = time.perf_counter()
        _run(client, SETUP.format(persona=args.persona, seed=args.seed))
        print(f"kernel set-up (simulate a one-year journal): {time.perf_counter() - start:.1f} s")
        renders = ["output", "image"] if args.render == "both" else [args.render]
        for render in renders:
            for repeat in range(args.repeat):
                _run(client, BUILD.format(render=render, prepare=not args.no_prepare))
                time.sleep(args.idle)  # the kernel is idle, as while a person reads
                text = _run(
                    client,
                    DRIVE.format(render=render, seed=args.seed + repeat, uploads=args.uploads),
                )
                line = next(s for s in text.splitlines() if s.startswith("RESULT "))
                data = json.loads(line.removeprefix("RESULT "))
                print()
                print(
                    textwrap.dedent(
                        f"""\
                        == render={render!r}, prepare={not args.no_prepare}: {args.persona},
                        365 days ({data["entries"]} entries), seed {args.seed + repeat};
                        dashboard built in {data["build_ms"]:.0f} ms, then {args.idle:g} s
                        idle; times in ms, measured in the kernel"""
                    ).replace("\n", " ")
                )
                _table(data)
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
