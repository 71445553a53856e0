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
