"""Every person's calendar days on one axis: daily sums and means, and rolling baselines.

The red-flag scan (:func:`sci_pain.scan_red_flags`) compares each day with the person's own
days before it; this is its arithmetic over days, kept apart from the rules' words.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["DayGrid", "baseline", "shift"]


class DayGrid:
    """Every person's calendar days on one axis, in order, people kept apart by empty days.

    Position ``start[p] + d`` holds person ``p``'s day ``d`` (days since their first entry),
    so one rolling window over the axis is each person's own window over their own days:
    ``pad`` empty days between people are more than any window reaches back.
    """

    def __init__(self, ts: pd.Series, groups: np.ndarray, n_groups: int, pad: int) -> None:
        times = ts.to_numpy()
        if times.dtype.kind == "M":  # no time zone: whole days straight from the times
            days = times.astype("datetime64[D]")
            valid = ~np.isnat(days)
        else:
            day = ts.dt.normalize()
            if getattr(day.dt, "tz", None) is not None:
                day = day.dt.tz_localize(None)
            valid = day.notna().to_numpy()
            days = day.to_numpy().astype("datetime64[D]")
        number = days.astype(np.int64)
        first = np.full(n_groups, np.iinfo(np.int64).max)
        last = np.full(n_groups, np.iinfo(np.int64).min)
        np.minimum.at(first, groups[valid], number[valid])
        np.maximum.at(last, groups[valid], number[valid])
        span = np.where(last >= first, last - first + 1, 0) + pad
        start = np.cumsum(span) - span
        self.size = int(span.sum())
        self.pos = np.full(len(ts), -1, dtype=np.int64)
        self.pos[valid] = start[groups[valid]] + number[valid] - first[groups[valid]]

    def daily(self, values: np.ndarray, how: str) -> np.ndarray:
        """Each day's sum (missing if nothing was counted) or mean of ``values``."""
        valid = self.pos >= 0
        kept, pos = values[valid], self.pos[valid]
        rated = ~np.isnan(kept)
        whole = kept[rated]
        if np.abs(whole).sum() < 2**53 and np.array_equal(whole, np.round(whole)):
            # whole numbers (ratings, counts): their sums are exact in any order, so one
            # pass of np.bincount gives what pandas' grouped sum and mean give
            sums = np.bincount(pos[rated], weights=whole, minlength=self.size)
            counts = np.bincount(pos[rated], minlength=self.size)
            with np.errstate(invalid="ignore", divide="ignore"):
                days = sums if how == "sum" else sums / counts
            return np.where(counts > 0, days, np.nan)
        grouped = pd.Series(kept).groupby(pos, sort=True)
        days = grouped.sum(min_count=1) if how == "sum" else grouped.mean()
        grid = np.full(self.size, np.nan)
        grid[days.index.to_numpy()] = days.to_numpy(dtype=float)
        return grid

    def at_entries(self, grid: np.ndarray, fill=np.nan) -> np.ndarray:
        """Return the value of each entry's day (``fill`` for an entry without a date)."""
        valid = self.pos >= 0
        out = np.full(len(self.pos), fill, dtype=grid.dtype)
        out[valid] = grid[self.pos[valid]]
        return out


def baseline(daily: np.ndarray, days: int, min_days: int, *, lag: int = 0) -> np.ndarray:
    """Median of the ``days`` calendar days before each day (after skipping ``lag`` days)."""
    if min_days > days:
        return np.full(len(daily), np.nan)
    median = pd.Series(daily).rolling(days, min_periods=min_days).median().to_numpy()
    return shift(median, 1 + lag)


def shift(values: np.ndarray, by: int) -> np.ndarray:
    """Move values ``by`` places later (missing at the start), keeping the length."""
    kept = max(len(values) - by, 0)
    return np.concatenate([np.full(len(values) - kept, np.nan), values[:kept]])
