"""Shared fixtures: the Agg backend, closed figures, fixed seeds, repository paths."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import Phase, settings

# No per-example deadline: these machines are noisy. Under CI the examples are derandomized
# so a run is repeatable; locally each run explores new examples.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
# The floor run (tools/check_floors.sh) checks compatibility, not minimal examples: no shrinking,
# so a failure there is reported in seconds, not minutes.
settings.register_profile(
    "floor",
    deadline=None,
    derandomize=True,
    print_blob=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.load_profile(
    os.environ.get("SCI_PAIN_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture
def rng():
    import numpy as np

    return np.random.default_rng(20261124)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


# `make check` (daily work, under a minute) runs `-m "not slow"`; `make test` runs everything.
# Slow: whole-notebook and browser runs, packaging and server start-up, ruff over the tree,
# property-based hunts (hypothesis), tests that start `sci-pain` as a separate process, whole
# clinic reports, widget wiring (ipywidgets) and the scan of every notebook's text.
_SLOW_FILES = {
    "test_packaging.py",
    "test_make_lab.py",
    "test_lint.py",
    "test_notebooks.py",
    "test_fuzz.py",
    "test_journal_properties.py",
    "test_scaling.py",
    "test_hostile.py",
    "test_report.py",
    "report.py",
    "test_learner_text.py",
    "test_cli.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        is_hypothesis = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        spawns = "process" in item.name or "cli_report" in item.name
        if (
            path.name in _SLOW_FILES
            or path.suffix == ".ipynb"
            or "browser" in path.parts
            or "widgets" in path.parts
            or is_hypothesis
            or spawns
        ):
            item.add_marker(pytest.mark.slow)
        # Under `make test` (pytest-xdist, --dist loadgroup) these run in order on one worker:
        # the browser tests share one JupyterLab, and a notebook's cells share one kernel.
        if "browser" in path.parts:
            item.add_marker(pytest.mark.xdist_group("browser"))
        elif path.suffix == ".ipynb":
            item.add_marker(pytest.mark.xdist_group(path.name))
