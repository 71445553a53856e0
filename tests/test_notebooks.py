"""Static checks of the stored notebooks (nbval runs them; tests/browser drives them)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import nbformat
import pytest

import sci_pain as sp

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOURCES = sorted((ROOT / "notebooks" / "src").glob("[0-9][0-9]_*.py"))
MAX_BYTES = 1_000_000
TEMPLATE_SECTIONS = (
    "Learning objectives",
    "Prerequisites",
    "Time to learn",
    "Self-check",
    "Summary",
    "What next",
    "References",
)
ids = [p.stem for p in NOTEBOOKS]


def _outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.outputs


def _texts(output) -> list[str]:
    texts = []
    if "text" in output:
        texts.append(output["text"])
    for value in output.get("data", {}).values():
        texts.append(value if isinstance(value, str) else json.dumps(value))
    return texts


def test_every_source_has_a_notebook_and_back():
    assert {p.stem for p in SOURCES} == {p.stem for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_is_valid_small_and_renders_on_github(path):
    assert path.stat().st_size <= MAX_BYTES, f"{path.name} is over 1 MB: store less output"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    widgets = nb.metadata.get("widgets")
    if widgets is not None:
        state = widgets.get("application/vnd.jupyter.widget-state+json", {})
        assert "state" in state, "metadata.widgets without a 'state' key: GitHub will not render it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_matches_its_source(path):
    """The stored notebook was built from the current source (run `make notebooks`)."""
    stored = nbformat.read(path, as_version=4)
    source = jupytext.read(ROOT / "notebooks" / "src" / f"{path.stem}.py")
    assert [(c.cell_type, c.source) for c in stored.cells] == [
        (c.cell_type, c.source) for c in source.cells
    ], f"{path.name} is out of date with notebooks/src/{path.stem}.py: run `make notebooks`"
    assert [c.id for c in stored.cells] == [f"cell-{i:02d}" for i in range(len(stored.cells))]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_was_executed_without_errors(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.strip():
            assert cell.execution_count is not None, f"{cell.id} was not executed"
    errors = [o for o in _outputs(nb) if o.output_type == "error"]
    assert not errors, f"{path.name} stores an error: {errors[0].get('ename')}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_figure_has_alt_text(path):
    nb = nbformat.read(path, as_version=4)
    for output in _outputs(nb):
        data = output.get("data", {})
        assert "image/png" not in data, "show figures with sp.show_figure(fig, alt=...)"
        for img in re.findall(r"<img\b[^>]*>", data.get("text/html", "")):
            alt = re.search(r'\balt="([^"]*)"', img)
            assert alt and alt.group(1).strip(), f"an image without alt text in {path.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_outputs_hold_nothing_personal_or_machine_specific(path):
    nb = nbformat.read(path, as_version=4)
    forbidden = [str(ROOT), "/root/", "/home/", "/tmp/", "application/vnd.jupyter.widget-view"]
    for output in _outputs(nb):
        assert set(output.get("data", {})) <= {"text/plain", "text/html", "text/markdown"}, (
            f"{path.name}: unexpected output types {sorted(output['data'])}"
        )
        for text in _texts(output):
            for needle in forbidden:
                assert needle not in text, f"{path.name}: output contains {needle!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_follows_the_template(path):
    nb = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    missing = [s for s in TEMPLATE_SECTIONS if s not in markdown]
    assert not missing, f"{path.name} lacks template sections {missing}"
    assert "show_quiz" in "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_learning_path_lists_every_notebook_with_its_title():
    listed = sp.learning_path_table()
    assert list(listed["notebook"]) == [p.name for p in NOTEBOOKS]
    for name, title in zip(listed["notebook"], listed["title"], strict=True):
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        heading = nb.cells[0].source.splitlines()[0]
        assert heading == f"# {name[:2]} · {title}", f"{name}: first heading {heading!r}"
