"""The statistics the clinic report needs are computed without SciPy, and equal SciPy's.

SciPy takes most of a second to import; the report (``sci-pain report``) uses only a normal
quantile, a root, Kendall's tau and the Theil-Sen interval from it, now computed with NumPy
and the standard library. These tests pin them to SciPy on many inputs (ties, no ties, short
and long series) and check that a whole report never imports SciPy.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy import optimize, stats

from sci_pain.analysis import nof1_stats
from sci_pain.analysis.nof1_stats import nap_ci, theil_sen


@pytest.mark.parametrize("p", [1e-9, 0.0042, 0.025, 0.05, 0.5, 0.9, 0.975, 0.995])
def test_normal_quantile_equals_scipy(p):
    assert nof1_stats._normal_quantile(p) == pytest.approx(stats.norm.ppf(p), rel=1e-14, abs=1e-14)


def _samples():
    rng = np.random.default_rng(3)
    for n in (3, 4, 5, 8, 12, 20, 33, 34, 40, 120):
        yield np.arange(n, dtype=float), rng.normal(size=n)  # no ties: exact up to 33
        yield np.arange(n, dtype=float), rng.integers(0, 4, size=n).astype(float)  # ties
        yield rng.integers(0, 3, size=n).astype(float), rng.integers(0, 11, size=n).astype(float)
    yield np.r_[np.zeros(6), np.ones(6)], np.round(rng.normal(size=12), 1)
    yield np.arange(10.0), np.arange(10.0)  # perfectly ordered
    yield np.arange(10.0), np.r_[np.arange(9.0), -1.0]  # one discordant element


@pytest.mark.parametrize("x, y", list(_samples()))
def test_kendall_tau_equals_scipy(x, y):
    tau, p = nof1_stats._kendall_tau(x, y)
    expected = stats.kendalltau(x, y)
    assert tau == pytest.approx(expected.statistic, rel=1e-12, abs=1e-15)
    assert p == pytest.approx(expected.pvalue, rel=1e-9, abs=1e-15)


def test_kendall_tau_of_a_constant_is_nan():
    assert all(np.isnan(nof1_stats._kendall_tau([1, 2, 3], [4, 4, 4])))


@pytest.mark.parametrize("confidence", [0.8, 0.95, 0.99])
@pytest.mark.parametrize("n", [3, 10, 45, 400])
def test_theil_sen_equals_scipy(n, confidence):
    rng = np.random.default_rng(n)
    times = np.sort(rng.choice(3 * n, size=n, replace=False)).astype(float)
    for values in (rng.normal(size=n) + 0.01 * times, rng.integers(0, 11, size=n).astype(float)):
        expected = stats.theilslopes(values, times, alpha=confidence)
        assert theil_sen(values, times, confidence=confidence) == (
            expected.slope,
            expected.low_slope,
            expected.high_slope,
        )


def test_theil_sen_on_a_long_series_equals_scipy(monkeypatch):
    # above the all-pairs limit the order statistics are found by counting
    # (slopes of different pairs that tie may differ in the last digit)
    monkeypatch.setattr(nof1_stats, "_ALL_PAIRS_LIMIT", 50)
    monkeypatch.setattr(nof1_stats, "_INTERVAL_ALL_PAIRS_LIMIT", 50)
    rng = np.random.default_rng(5)
    times = np.arange(300.0)
    values = np.round(np.clip(5 - 0.01 * times + rng.normal(0, 1.5, 300), 0, 10), 1)
    expected = stats.theilslopes(values, times, alpha=0.95)
    assert theil_sen(values, times) == pytest.approx(
        (expected.slope, expected.low_slope, expected.high_slope), rel=1e-12
    )


@pytest.mark.parametrize(
    "value, m, n", [(0.9, 4, 5), (0.5, 10, 10), (0.13, 7, 30), (0.999, 60, 80)]
)
def test_nap_ci_equals_scipys_root(value, m, n):
    # the interval as it was computed with scipy.optimize.brentq and scipy.stats.norm
    z = stats.norm.ppf(0.975)
    h = (m + n) / 2 - 1

    def score(theta):
        return m * n * (value - theta) ** 2 * (2 - theta) * (1 + theta) / (
            theta * (1 - theta)
        ) - z**2 * (2 + h + (1 + 2 * h) * theta * (1 - theta))

    eps = 1e-12
    expected = (
        optimize.brentq(score, eps, min(value, 1 - eps)),
        optimize.brentq(score, max(value, eps), 1 - eps),
    )
    assert nap_ci(value, m, n) == pytest.approx(expected, abs=1e-11)


def test_a_report_does_not_import_scipy(tmp_path):
    code = (
        "import sys, sci_pain as sp\n"
        "page = sp.report_html(sp.load_example_journal('dvt'), injury_level='T10')\n"
        "assert 'Theil-Sen' in page or 'per week' in page\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy')[:5])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_theil_sen_with_repeated_and_unsorted_times_equals_scipy():
    rng = np.random.default_rng(8)
    times = rng.integers(0, 15, size=40).astype(float)  # repeats, any order
    values = rng.integers(0, 11, size=40).astype(float)
    expected = stats.theilslopes(values, times, alpha=0.9)
    assert theil_sen(values, times, confidence=0.9) == (
        expected.slope,
        expected.low_slope,
        expected.high_slope,
    )
