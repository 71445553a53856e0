"""Worked examples for single-person (N-of-1) reasoning: regression to the mean.

People tend to start something new when pain is at its worst. Pain that is at a peak
tends to drift back toward its usual level anyway, so an improvement after the start can be
an illusion. :func:`regression_to_the_mean` shows this with simulated people in whom the
treatment does nothing at all.

Examples
--------
>>> table = regression_to_the_mean(n_people=6, seed=1)
>>> bool((table["change_worst_week_baseline"] < 0).all())  # everyone "improves"
True
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from sci_pain.analysis import compare_phases, daily_summary
from sci_pain.simulate.engine import Persona, load_persona, simulate_cohort

__all__ = ["regression_to_the_mean"]


def regression_to_the_mean(
    persona: str | Persona = "neuropathic",
    *,
    n_people: int = 40,
    days: int = 90,
    seed: int = 0,
    window: int = 7,
    after_days: int = 14,
) -> pd.DataFrame:
    """Start a useless treatment right after each simulated person's worst week.

    Each person is simulated from ``persona`` with its intervention effect set to zero, so
    nothing they start changes their pain. For each person the worst ``window``-day stretch
    (highest mean of the daily means) is found, leaving at least ``2 * window`` days before
    it and ``after_days`` after it; the "treatment" starts the next day. The next
    ``after_days`` days (phase B) are then compared with :func:`sci_pain.compare_phases`
    twice: against the worst week only, as a person who started because of that week might,
    and against the whole baseline before the start.

    Parameters
    ----------
    persona : str or Persona, default "neuropathic"
    n_people : int, default 40
    days : int, default 90
    seed : int, default 0
    window : int, default 7
        Length of the "worst week", in days.
    after_days : int, default 14
        Length of phase B, in days.

    Returns
    -------
    DataFrame
        One row per person: ``person_id``, ``start`` (first day of B), ``worst_week_mean``,
        ``after_mean``, ``change_worst_week_baseline`` and ``nap_worst_week_baseline`` (B
        against the worst week), ``change_whole_baseline`` and ``nap_whole_baseline`` (B
        against every day before the start), and ``rtm_warning`` (whether the whole-baseline
        comparison warned about regression to the mean).

    Examples
    --------
    >>> table = regression_to_the_mean(n_people=6, seed=1)
    >>> table.columns[:3].tolist()
    ['person_id', 'start', 'worst_week_mean']
    """
    base = persona if isinstance(persona, Persona) else load_persona(persona)
    useless = dataclasses.replace(base, intervention_effect=0.0, intervention_spasm_factor=1.0)
    cohort = simulate_cohort(n_people, days, seed=seed, personas=[useless], baseline_sd=0.0)
    rows = []
    for person, frame in cohort.groupby("person_id", sort=True):
        daily = daily_summary(frame)["mean"]
        stretch = daily.rolling(window, min_periods=max(1, window - 2)).mean()
        eligible = stretch.iloc[2 * window : len(stretch) - after_days]
        if eligible.dropna().empty:
            continue
        start = eligible.idxmax() + pd.Timedelta(days=1)
        end = start + pd.Timedelta(days=after_days)
        short = compare_phases(frame, start=start, end=end, baseline_days=window)
        whole = compare_phases(frame, start=start, end=end)
        rows.append(
            {
                "person_id": int(person),
                "start": start,
                "worst_week_mean": short.mean_a,
                "after_mean": short.mean_b,
                "change_worst_week_baseline": short.change,
                "nap_worst_week_baseline": short.nap,
                "change_whole_baseline": whole.change,
                "nap_whole_baseline": whole.nap,
                "rtm_warning": any(w.startswith("Regression to the mean") for w in whole.warnings),
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        msg = (
            f"no person had {2 * window} days before and {after_days} days after a worst "
            f"{window}-day stretch in {days} days; simulate more days"
        )
        raise ValueError(msg)
    table["rtm_warning"] = table["rtm_warning"].astype(np.bool_)
    return table
