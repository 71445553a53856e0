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
    Times in whole seconds (nearly every journal) are sorted as one whole number each, the
    seconds since the earliest shifted left past the bits of the position, with a plain
    sort, which is faster than a stable argsort and gives the same order; other times use
    a stable argsort.
    """
    item = next((c for c in coded if c.name == "timestamp"), None)
    if item is None:
        return positions, None
    values = parsed["timestamp"].values.view(np.int64)
    codes = item.codes[positions]
    times = values[codes]
    if positions.size < 2 or (times[1:] >= times[:-1]).all():
        return positions, times
    n = times.size
    whole = values[:-1][~np.isnat(parsed["timestamp"].values[:-1])]  # (the distinct times)
    bits = int(n).bit_length()
    if whole.size and not (whole % 1_000_000).any():
        seconds = (values // 1_000_000)[codes]
        earliest = int(seconds.min())
        if (int(seconds.max()) - earliest + 1) << bits < 2**62:
            # (seconds, position) as one whole number: bits for the position, the rest for
            # the second, so that a plain sort orders by time and then by file position
            composite = (seconds - earliest) << bits
            composite |= np.arange(n, dtype=np.int64)
            composite.sort()
            order = composite & ((1 << bits) - 1)
            return positions[order], times[order]
    order = np.argsort(times, kind="stable")
    return positions[order], times[order]


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
        if len(values) <= candidates.size:  # number the distinct values, then take
            ids, _ = pd.factorize(values, use_na_sentinel=False)
            column_ids = ids[item.codes[candidates]]
        else:  # more distinct values than candidates: number the candidates' values
            column_ids, _ = pd.factorize(values[item.codes[candidates]], use_na_sentinel=False)
        column_ids = column_ids.astype(np.int64, copy=False)
        if key is None:  # ids are already small whole numbers: count them without hashing
            key = column_ids
        else:
            key = pd.factorize(key * (candidates.size + 1) + column_ids)[0].astype(np.int64)
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
