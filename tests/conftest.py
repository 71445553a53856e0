"""Shared fixtures: the Agg backend, fixed seeds, repository paths (closed figures: ../conftest.py)."""

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


# `make test` runs on every core (pytest-xdist, `-n auto`). Tests go to whichever worker is free,
# except two kinds that must run in order in one process: the browser tests, which share one
# JupyterLab server and open the next notebook ahead, and the cells of one notebook (nbval runs
# them in one kernel). (pytest-xdist's own `--dist loadgroup` would do this with marks, but it
# silently stops grouping on pytest 9.2: pytest-dev/pytest-xdist#1386.)
@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":  # another way asked for on the command line
        return None
    from xdist.scheduler import LoadScopeScheduling

    class _Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return run_together(nodeid) or nodeid

    return _Scheduling(config, log)


def run_together(nodeid: str) -> str | None:
    """The name of the tests that must run in order in one process with ``nodeid``, if any.

    >>> run_together("tests/browser/test_site.py::test_search"), run_together("tests/a.py::t")
    ('browser', None)
    >>> run_together("notebooks/04_red_flags.ipynb::Cell 3")
    'notebooks/04_red_flags.ipynb'
    """
    path = nodeid.split("::", 1)[0]
    if path.startswith("tests/browser/"):
        return "browser"
    return path if path.endswith(".ipynb") else None
