"""Shared fixtures: the Agg backend, closed figures, fixed seeds, repository paths."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import settings

# No per-example deadline: these machines are noisy. Under CI the examples are derandomized
# so a run is repeatable; locally each run explores new examples.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

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
