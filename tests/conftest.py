"""Shared fixtures: the Agg backend, closed figures, fixed seeds, repository paths."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

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
