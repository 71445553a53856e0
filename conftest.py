"""What every test pytest collects here shares: tests/, the doctests in sci_pain/, notebooks/.

(`tests/conftest.py` holds the rest; its fixtures reach only the tests under tests/.)
"""

from __future__ import annotations

import sys

import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure after each test and doctest.

    pyplot's current figure is global to the process: a doctest that calls a plot function
    without ``ax`` draws on whatever an earlier test left open, and under `make test`
    (several workers) which test ran before it changes from run to run.
    """
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")  # not imported: nothing to close
    if pyplot is not None:
        pyplot.close("all")
