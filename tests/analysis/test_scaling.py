"""Analysis that scales linearly: the same numbers as the all-pairs / all-at-once versions.

The reference implementations below are the definitions the package used before (all-pairs
matrices for NAP, Tau-U and Theil-Sen, SciPy's ``rankdata`` over every bootstrap row at once);
the package now counts pairs from sorted values and runs the bootstrap in chunks.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from sci_pain import analysis
from sci_pain.analysis import links as an
from sci_pain.analysis import nof1_stats
from sci_pain.journal import journal_from_frame
from sci_pain.simulate import simulate_journal

# ---------------------------------------------------------------------------------------------
# block bootstrap: pinned against the numbers main gave before the chunked version

# associations(simulate_journal("spasticity", days=365, seed=1)) with the defaults, computed
# on main at f5fb401 (all replicates at once, scipy.stats.rankdata):
# (variable, lag, rho, ci_low, ci_high, slope, slope_ci_low, slope_ci_high, n)
PINNED_DAY = [
    ("activity_min", 0, 0.07884837787886198, -0.02188075661027167, 0.17904940264825164,
     0.010170913257430287, 0.00042187345169439577, 0.019830192945429977, 348),
    ("activity_min", 1, 0.03777875550109103, -0.0722912554128499, 0.15445184164891834,
     0.0065509020432028015, -0.00701134040385824, 0.02090361180429331, 332),
    ("activity_min", 2, -0.08330469052767955, -0.18519863456644697, 0.021901158680976772,
     -0.007123478688075946, -0.017041210638621827, 0.0032025877910332673, 331),
    ("sleep_hours", 0, -0.0664030626491031, -0.16665683780070595, 0.04701052775766623,
     -0.13374166201355706, -0.2721772299664299, 0.012044132686403914, 344),
    ("spasms", 0, 0.646130823854833, 0.5740229458680729, 0.7006639104773057,
     0.1406888336295832, 0.1185963920250949, 0.16281228459833397, 347),
    ("immobile_hours", 0, 0.07122211515545, -0.037669337588322714, 0.1720998453300708,
     0.0697132233959942, -0.15798351644017708, 0.2642930025679794, 347),
]  # fmt: skip

# associations(simulate_journal("neuropathic", days=200, seed=3), per="entry", n_boot=300,
# seed=7) on main at f5fb401: (variable, rho, ci_low, ci_high, slope_ci_low, slope_ci_high, n)
PINNED_ENTRY = [
    ("activity_min", -0.02076592506193941, -0.10523147720197684, 0.052013852404093834,
     -0.009278225527924958, 0.005542556771796896, 400),
    ("sleep_hours", -0.5754388805743414, -0.6743855729535531, -0.46319253257514265,
     -0.6000143995843739, -0.37099870348392894, 182),
    ("spasms", 0.012940041262692293, -0.08169866410730708, 0.10370800691726065,
     -0.09263422915336993, 0.05735476890979483, 396),
    ("immobile_hours", -0.041860313086688625, -0.11969468369562991, 0.04441332224993111,
     -0.08185987076711065, 0.09949167012378433, 397),
]  # fmt: skip


def _journal(persona, days, seed):
    return journal_from_frame(simulate_journal(persona, days=days, seed=seed), source="sim")


@pytest.mark.parametrize("chunk", [200_000, 3_000, 1])
def test_associations_bootstrap_reproduces_the_pinned_numbers_in_any_chunk_size(monkeypatch, chunk):
    monkeypatch.setattr(an, "_BOOTSTRAP_CHUNK_VALUES", chunk)
    n_boot = 2000 if chunk > 1 else 60
    table = an.associations(_journal("spasticity", 365, 1), n_boot=n_boot)
    got = [
        (r.variable, r.lag_days, r.rho, r.ci_low, r.ci_high, r.slope, r.slope_ci_low,
         r.slope_ci_high, r.n)
        for r in table.itertuples()
    ]  # fmt: skip
    if chunk > 1:
        assert got == PINNED_DAY  # exact: the same draws and the same arithmetic
    else:  # one replicate at a time gives what the default chunk gives
        monkeypatch.setattr(an, "_BOOTSTRAP_CHUNK_VALUES", 200_000)
        again = an.associations(_journal("spasticity", 365, 1), n_boot=n_boot)
        assert table.equals(again)


def test_associations_per_entry_reproduces_the_pinned_numbers():
    table = an.associations(_journal("neuropathic", 200, 3), per="entry", n_boot=300, seed=7)
    got = [
        (r.variable, r.rho, r.ci_low, r.ci_high, r.slope_ci_low, r.slope_ci_high, r.n)
        for r in table.itertuples()
    ]
    assert got == PINNED_ENTRY


def test_rank_codes_equal_scipy_rankdata_on_random_rows_with_ties_and_gaps():
    rng = np.random.default_rng(15)
    for _ in range(200):
        rows, cols = rng.integers(1, 6), rng.integers(1, 40)
        values = rng.integers(0, rng.integers(1, 12), size=(rows, cols)).astype(float)
        values[rng.random(values.shape) < 0.2] = np.nan
        codes, n_codes = an._codes(values.ravel())
        got = an._rank_codes(codes.reshape(values.shape), n_codes)
        expected = stats.rankdata(values, axis=-1, nan_policy="omit")
        np.testing.assert_array_equal(got, expected)


def test_spearman_rows_equal_scipy_spearmanr():
    rng = np.random.default_rng(3)
    for _ in range(100):
        n = int(rng.integers(4, 60))
        x = rng.integers(0, 6, n).astype(float)
        y = x + rng.normal(0, 2, n).round()
        if np.ptp(x) == 0 or np.ptp(y) == 0:
            continue
        assert an.spearman_rows(x, y) == pytest.approx(stats.spearmanr(x, y).statistic)


# ---------------------------------------------------------------------------------------------
# NAP, Tau-U, Theil-Sen: rank-based, equal to the all-pairs definitions


def _nap_all_pairs(a, b, lower_is_better):
    diff = b[None, :] - a[:, None]
    if lower_is_better:
        diff = -diff
    return round(float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size), 12)


def _tau_u_all_pairs(a, b, lower_is_better):
    sign = -1.0 if lower_is_better else 1.0
    s_ab = float(np.sign(sign * (b[None, :] - a[:, None])).sum())
    x, y = np.arange(a.size, dtype=float), sign * a
    dx = np.sign(x[None, :] - x[:, None])
    dy = np.sign(y[None, :] - y[:, None])
    s_a = float(np.triu(dx * dy, k=1).sum())
    return round((s_ab - s_a) / (a.size * b.size), 12)


def _phases(rng, trial):
    n_a, n_b = int(rng.integers(1, 80)), int(rng.integers(1, 80))
    if trial % 3 == 0:  # whole-number ratings: many ties
        return rng.integers(0, 11, n_a).astype(float), rng.integers(0, 11, n_b).astype(float)
    if trial % 3 == 1:  # daily means
        return (np.round(rng.normal(6, 2, n_a), 2), np.round(rng.normal(5, 2, n_b), 2))
    return rng.normal(6, 2, n_a), rng.normal(5, 2, n_b)


@pytest.mark.parametrize("lower_is_better", [True, False])
def test_nap_and_tau_u_equal_the_all_pairs_definitions_on_random_inputs(lower_is_better):
    rng = np.random.default_rng(2026)
    for trial in range(300):
        a, b = _phases(rng, trial)
        assert analysis.nap(a, b, lower_is_better=lower_is_better) == _nap_all_pairs(
            a, b, lower_is_better
        )
        assert analysis.tau_u(a, b, lower_is_better=lower_is_better) == _tau_u_all_pairs(
            a, b, lower_is_better
        )


def test_nap_equals_mann_whitney_u_over_the_number_of_pairs():
    rng = np.random.default_rng(9)
    for trial in range(200):
        a, b = _phases(rng, trial)
        pairs = a.size * b.size
        # lower is better: B is better where it is below A, so U counts A above B
        u_lower = stats.mannwhitneyu(a, b, method="asymptotic").statistic
        u_higher = stats.mannwhitneyu(b, a, method="asymptotic").statistic
        assert analysis.nap(a, b, lower_is_better=True) == pytest.approx(u_lower / pairs, abs=1e-12)
        assert analysis.nap(a, b, lower_is_better=False) == pytest.approx(
            u_higher / pairs, abs=1e-12
        )


def test_inversion_count_equals_counting_every_pair():
    rng = np.random.default_rng(4)
    for _ in range(300):
        codes = rng.integers(0, rng.integers(1, 30), int(rng.integers(0, 70)))
        brute = sum(
            int((codes[p] > codes[p + 1 :]).sum()) for p in range(codes.size)
        )  # fmt: skip
        assert nof1_stats._inversions(codes) == brute


@pytest.mark.parametrize("kind", ["whole numbers", "two decimals", "continuous", "tied times"])
def test_theil_sen_without_all_pairs_equals_scipy(monkeypatch, kind):
    rng = np.random.default_rng(len(kind))
    monkeypatch.setattr(nof1_stats, "_ALL_PAIRS_LIMIT", 0)  # always the counting path
    for _ in range(60):
        n = int(rng.integers(2, 400))
        times = np.arange(n, dtype=float)
        if kind == "whole numbers":
            values = rng.integers(0, 11, n).astype(float)
        elif kind == "two decimals":
            values = np.round(rng.normal(5, 2, n) - 0.01 * times, 2)
        elif kind == "continuous":
            values = rng.normal(5, 2, n) + 0.003 * times
        else:
            times = np.sort(rng.integers(0, n, n)).astype(float)
            values = rng.integers(0, 11, n).astype(float)
        if np.ptp(times) == 0:
            continue
        assert nof1_stats._theil_sen_slope(values, times) == stats.theilslopes(values, times).slope


def test_theil_sen_on_a_long_baseline_is_fast_and_matches_scipy():
    rng = np.random.default_rng(11)
    n = 2000  # 2 million pairs
    times = np.sort(rng.uniform(0, 1000, n))
    values = np.round(rng.normal(5, 2, n) - 0.001 * times, 1)
    assert nof1_stats._theil_sen_slope(values, times) == stats.theilslopes(values, times).slope


def test_compare_phases_unchanged_on_a_year_of_entries():
    entries = simulate_journal("spasticity", days=365, seed=2)
    journal = journal_from_frame(entries, source="sim")
    result = analysis.compare_phases(journal, start="2026-06-01", per="entry")
    a = result.a.to_numpy(dtype=float)
    b = result.b.to_numpy(dtype=float)
    assert result.nap == _nap_all_pairs(a, b, True)
    assert result.tau_u == _tau_u_all_pairs(a, b, True)


def test_resampled_rows_equal_spearman_rows_and_slopes_bit_for_bit():
    # the bootstrap's fused kernel against the plain row functions, with ties and gaps
    rng = np.random.default_rng(21)
    for _ in range(30):
        n = int(rng.integers(2, 60))
        x = rng.integers(0, rng.integers(2, 9), size=n).astype(float)
        y = np.round(rng.normal(size=n), int(rng.integers(0, 3)))
        x[rng.random(n) < 0.2] = np.nan
        y[rng.random(n) < 0.2] = np.nan
        index = rng.integers(0, n, size=(int(rng.integers(1, 40)), n))
        (cx, nx), (cy, ny) = an._codes(x), an._codes(y)
        rho, slope = an._resampled_rows(x, y, cx, nx, cy, ny, index)
        np.testing.assert_array_equal(rho, an.spearman_rows(x[index], y[index]))
        np.testing.assert_array_equal(slope, an._slope_rows(x[index], y[index]))
