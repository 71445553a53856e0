"""Build the stored notebooks from their sources: ``make notebooks``.

For each ``notebooks/src/NN_name.py`` (jupytext percent format) this writes
``notebooks/NN_name.ipynb``, executed top to bottom in a fresh kernel, so the stored
outputs read well on GitHub and nbviewer and nbval has something to compare. It also makes
the files reproducible and safe to share:

- cell ids are fixed (``cell-00``, ``cell-01``, ...), so files do not churn on every run;
- execution timing metadata is not recorded and widget state is not stored;
- live widget views are replaced by their static fallback (a widget's own static HTML, sent as
  ``text/x-sci-pain-static-html``, or a plain note), so a reader without a kernel sees text
  instead of "model not found";
- pandas Styler table ids and memory addresses in reprs are replaced by fixed text;
- ``MPLBACKEND`` is Agg and ``PYTHONHASHSEED`` fixed, for re-runs that give the same results.

Usage: ``python tools/build_notebooks.py [NAME ...]`` (names without ``.py``; default: all).
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "notebooks" / "src"
OUT = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
STATIC_HTML = "text/x-sci-pain-static-html"  # sci_pain.widgets.STATIC_HTML_MIMETYPE
WIDGET_NOTE = "[Interactive widget: open this notebook in JupyterLab and run it to use it.]"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def _static_outputs(cell) -> None:
    for output in cell.get("outputs", []):
        data = output.get("data")
        if not data or WIDGET_VIEW not in data:
            continue
        del data[WIDGET_VIEW]
        if STATIC_HTML in data:
            data["text/html"] = data.pop(STATIC_HTML)
        elif "text/html" not in data:
            data["text/plain"] = WIDGET_NOTE


_STYLER_UUID = re.compile(r"\bT_[0-9a-f]{5}(?=[_\"\s])")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")


def _stable_outputs(cell) -> None:
    """Replace what changes on every run (pandas Styler ids, memory addresses) by fixed text."""
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "text/html" in data:
            data["text/html"] = _STYLER_UUID.sub(f"T_{cell.id.replace('-', '')}", data["text/html"])
        if "text/plain" in data:
            data["text/plain"] = _ADDRESS.sub(">", data["text/plain"])


def convert(src: Path) -> nbformat.NotebookNode:
    """Read a jupytext source and return a clean, unexecuted notebook."""
    nb = jupytext.read(src)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index:02d}"
        cell.metadata.pop("lines_to_next_cell", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def build(src: Path) -> Path:
    """Execute one notebook source and write its ``.ipynb``; return the written path."""
    nb = convert(src)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(OUT)}},
        record_timing=False,
        store_widget_state=False,
    )
    client.execute()
    for cell in nb.cells:
        _static_outputs(cell)
        _stable_outputs(cell)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    nbformat.validate(nb)
    target = OUT / f"{src.stem}.ipynb"
    nbformat.write(nb, target)
    return target


def main(names: list[str]) -> int:
    os.environ["MPLBACKEND"] = "Agg"
    os.environ["PYTHONHASHSEED"] = "0"
    sources = sorted(SRC.glob("*.py"))
    if names:
        wanted = {n.removesuffix(".py").removesuffix(".ipynb") for n in names}
        sources = [s for s in sources if s.stem in wanted]
        unknown = wanted - {s.stem for s in sources}
        if unknown:
            print(f"no notebook source for {sorted(unknown)} in {SRC}", file=sys.stderr)
            return 2
    for src in sources:
        start = time.perf_counter()
        target = build(src)
        size = target.stat().st_size / 1024
        print(f"{target.relative_to(ROOT)}: {time.perf_counter() - start:.1f} s, {size:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
