"""How long does `import sci_pain` take, next to `import pandas, matplotlib.pyplot`?

Each import is timed in a fresh interpreter (so nothing is cached in-process), several times,
alternating, in the same run; the figures printed are medians and their ratio. Target: the
ratio is at most 1.2 — sci_pain loads ipywidgets, SciPy and the rest only when first used.

Run: ``.venv/bin/python benchmarks/bench_import.py [repeats]``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": "pass",
    "import pandas, matplotlib.pyplot": "import pandas, matplotlib.pyplot",
    "import sci_pain": "import sci_pain",
    "import sci_pain; sp.use_style()": "import sci_pain as sp; sp.use_style()",
}


def _time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main(repeats: int = 7) -> None:
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(repeats):
        for name, code in CASES.items():  # interleaved, so machine noise hits all alike
            times[name].append(_time(code))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:<36} median {value * 1000:7.1f} ms over {repeats} runs")
    ratio = medians["import sci_pain"] / medians["import pandas, matplotlib.pyplot"]
    print(f"ratio import sci_pain / import pandas, matplotlib.pyplot: {ratio:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
