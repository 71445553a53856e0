"""Time order and exact duplicates for the journal reader (private).

Both work on coded columns (:class:`~sci_pain.journal.reader._Coded`: codes per record, and
the values parsed per distinct value), so the work per record is a few integer operations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__: list[str] = []


def time_order(coded, parsed, positions: np.ndarray):
    """Return the record ``positions`` sorted by time (ties in file order), and their times.

    The times are int64 microseconds in that order (None without a timestamp column).
    Each sort below is stable, so equal times keep file order. A column with at most
    65,536 distinct times (most journals) is sorted by the rank of each record's time, a
    16-bit number that NumPy sorts by radix in one pass. Times in whole seconds spanning
    less than 136 years are sorted by their seconds since the earliest in two radix passes
    of 16 bits (the low half, then the high half). Other times use a stable argsort.
    """
    item = next((c for c in coded if c.name == "timestamp"), None)
    if item is None:
        return positions, None
    values = parsed["timestamp"].values.view(np.int64)
    # (positions that count up by one, every record's as a rule: no take of them)
    start = int(positions[0]) if counts_up(positions) else None
    codes = item.codes[positions] if start is None else item.codes[start : start + positions.size]
    codes = codes.astype(np.intp, copy=False)  # (one cast for the takes below, not one each)
    times = values[codes]
    if positions.size < 2 or (times[1:] >= times[:-1]).all():
        return positions, times
    order = _radix_order(values, codes, parsed["timestamp"].values, times)
    if order is None:
        order = np.argsort(times, kind="stable")
    if start is not None:
        return (order + start).astype(positions.dtype, copy=False), times[order]
    return positions[order], times[order]


def counts_up(numbers: np.ndarray) -> bool:
    """Tell whether the whole numbers go up by one from the first (one pass, no take)."""
    if not numbers.size or int(numbers[-1]) - int(numbers[0]) != numbers.size - 1:
        return False
    return bool((numbers[1:] - numbers[:-1] == 1).all())


def group_order(positions: np.ndarray, times, groups: np.ndarray):
    """Return ``positions`` (in time order) in order of group, then time, and time keys.

    ``groups`` holds a whole number per record (indexed by position), such as which of
    several journals read as one file the record comes from. The sort is stable: within a
    group the records stay in time order, equal times in file order. In place of the
    times, a key per record is returned that is equal for two neighbours only when their
    times and their groups are: what :func:`exact_duplicates` compares, so that records of
    two groups are never duplicates.
    """
    keys = groups[positions]
    if keys.size > 1 and not (keys[1:] >= keys[:-1]).all():
        if keys.min() >= 0 and keys.max() < _RADIX:  # sorted by radix in one pass
            order = np.argsort(keys.astype(np.uint16), kind="stable")
        else:
            order = np.argsort(keys, kind="stable")
        positions, keys = positions[order], keys[order]
        times = None if times is None else times[order]
    if times is None or keys.size < 2:
        return positions, times
    other = (times[1:] != times[:-1]) | (keys[1:] != keys[:-1])
    return positions, np.concatenate([[0], np.cumsum(other)])


_RADIX = 1 << 16
"""Keys NumPy's stable sort orders by radix: 16-bit whole numbers."""


def _radix_order(values: np.ndarray, codes: np.ndarray, datetimes: np.ndarray, times):
    """Return the stable order of the records' times by radix sorts, or None when it does not apply.

    ``values`` are the int64 times of the distinct values (last slot: absent), ``codes`` the
    records' codes into them, ``datetimes`` the same times as datetime64, ``times`` the
    records' times (``values[codes]``).
    """
    read = ~np.isnat(datetimes[:-1])
    distinct = np.unique(values[:-1][read]) if read.sum() <= 4 * _RADIX else None
    if distinct is not None and distinct.size <= _RADIX:
        rank = np.searchsorted(distinct, values).astype(np.uint16)  # (unread: any rank)
        return np.argsort(rank[codes], kind="stable")
    if not read.any():
        return None
    # (whole seconds for the records sorted: their order by seconds is their order by time)
    seconds, fraction = np.divmod(times, 1_000_000)
    if fraction.any():
        return None
    seconds -= seconds.min()
    if seconds.max() >= _RADIX * _RADIX:
        return None
    low = np.argsort((seconds & (_RADIX - 1)).astype(np.uint16), kind="stable")
    high = np.argsort((seconds >> 16).astype(np.uint16)[low], kind="stable")
    return low[high]


def exact_duplicates(coded, parsed, candidates, times):
    """(later positions, first positions) of records with equal values, or None.

    ``candidates`` are in time order (equal times in file order) and ``times`` are theirs,
    as :func:`time_order` returns them. Values are compared as read (typed), so
    ``2026-03-01`` and ``2026-03-01T00:00``, or ``Knee`` and ``knee``, are the same.
    Records with a time no other record has are no duplicates (equal times are neighbours
    in time order); the others are compared one column at a time, and after each column
    only the records whose values so far are shared stay candidates: as soon as none is
    left there is no duplicate. Within each group of equal records the order is file order,
    so the first copy in the file is the one kept.
    """
    if candidates.size < 2:
        return None
    columns = coded
    key = None
    if times is not None:
        same = times[1:] == times[:-1]
        shared = np.zeros(candidates.size, dtype=bool)
        shared[1:] = same
        shared[:-1] |= same
        if not shared.any():
            return None
        key = np.cumsum(np.r_[True, ~same])[shared]  # one number per time
        candidates = candidates[shared]
        columns = [c for c in coded if c.name != "timestamp"]
    for item in sorted(columns, key=lambda c: -len(c.uniques)):
        values = parsed[item.name].values
        codes = item.codes[candidates].astype(np.intp, copy=False)
        if len(values) <= candidates.size:  # number the distinct values, then take
            ids, _ = pd.factorize(values, use_na_sentinel=False)
            column_ids = ids[codes]
        else:  # more distinct values than candidates: number the candidates' values
            column_ids, _ = pd.factorize(values[codes], use_na_sentinel=False)
        column_ids = column_ids.astype(np.int64, copy=False)
        if key is None:  # ids are already small whole numbers: count them without hashing
            key = column_ids
        else:
            # (key, id) as one number; hashed back to small numbers only when it grows large
            key = key * (int(column_ids.max()) + 1) + column_ids
            if int(key.max()) >= 4 * candidates.size:
                key = _renumber(key, nearly_sorted=times is not None)
        shared = np.bincount(key)[key] > 1
        if not shared.any():
            return None
        if not shared.all():
            candidates, key = candidates[shared], key[shared]
    duplicated = pd.Series(key).duplicated(keep="first").to_numpy()
    first_index = pd.Series(np.arange(key.size)).groupby(key).transform("min").to_numpy()
    later = candidates[duplicated]
    first = candidates[first_index[duplicated]]
    return later, first


def _renumber(key: np.ndarray, *, nearly_sorted: bool) -> np.ndarray:
    """Return a number for each key, 0, 1, ...: equal keys get equal numbers.

    Only which keys are equal matters to the caller. A key that starts with the time
    group (``nearly_sorted``: ascending but for the order within each group of equal
    times) is numbered in its sorted order: a stable sort of nearly sorted numbers takes a
    few milliseconds for a million, where hashing them takes tens. Other keys are hashed.
    """
    if not nearly_sorted:
        return pd.factorize(key)[0].astype(np.int64)
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    numbers = np.empty(key.size, dtype=np.int64)
    numbers[order] = np.cumsum(np.r_[False, ordered[1:] != ordered[:-1]])
    return numbers
