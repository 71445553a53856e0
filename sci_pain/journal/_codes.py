"""Columns of Arrow strings -> codes and distinct values for the journal reader (private).

Each column becomes one integer code per record (``-1`` for an absent cell) and the distinct
values as a string :class:`pandas.Index`, so that the checks run once per distinct value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__: list[str] = []


def filled_cells(strings: pa.Array) -> pa.Array:
    """Return whether each cell holds text (a boolean array; an empty or null cell is False)."""
    return pc.fill_null(pc.greater(pc.binary_length(strings), 0), False)


def coded_columns(columns: list[pa.Array], n: int) -> tuple[list[np.ndarray], list[pd.Index]]:
    """Return the codes and the distinct values of the first ``n`` records of each column.

    Arrow's dictionary encoding hashes the strings in C++ (distinct values in order of first
    appearance, unsorted): the sentinel record is left out, so it is never a distinct value.
    A column Arrow's CSV reader coded as it parsed (a dictionary array) is taken as it is.
    A column whose filled cells nearly all differ (times to the second, notes) is not hashed:
    each filled cell is its own value, and an empty cell has code -1 (missing, as it reads).
    """
    codes, uniques = [], []
    for strings in columns:  # (several chunks when the file is long)
        if isinstance(strings, pa.ChunkedArray):
            strings = strings.combine_chunks()
        strings = strings.slice(0, n)
        if pa.types.is_dictionary(strings.type):  # coded by the parser already
            codes.append(_codes_of(strings.indices))
            uniques.append(pd.Index(strings.dictionary, dtype="str"))
            continue
        if _mostly_distinct(strings):  # (hashing would find few repeats)
            filled = filled_cells(strings)
            own = np.arange(n, dtype=np.int64)
            if filled.true_count < n:
                mask = np.asarray(filled, dtype=bool)
                own = np.where(mask, np.cumsum(mask, dtype=np.int64) - 1, -1)
                strings = strings.filter(filled)
            codes.append(own)
            uniques.append(pd.Index(strings, dtype="str"))
            continue
        encoded = pc.dictionary_encode(strings)
        codes.append(_codes_of(encoded.indices))
        uniques.append(pd.Index(encoded.dictionary, dtype="str"))
    return codes, uniques


def _codes_of(indices: pa.Array) -> np.ndarray:
    """Return a dictionary array's indices as NumPy codes, -1 for a null (absent) cell.

    Without nulls (the CSV reader's columns: an empty cell is an empty text) the indices
    are used as they are, without a copy.
    """
    if indices.null_count == 0:
        return np.asarray(indices)
    return np.asarray(indices.fill_null(-1))


_SAMPLE = 2000


def _mostly_distinct(strings: pa.Array) -> bool:
    """Tell whether a long column's filled cells are nearly all different (from samples).

    Its first cells are looked at, then cells spread evenly over the whole column: a file
    sorted by person has each person's distinct times first, but the same times recur for
    every person. Empty cells are not counted (notes are often empty).
    """
    n = len(strings)
    if n < 8 * _SAMPLE or not _nearly_all_differ(strings.slice(0, _SAMPLE)):
        return False
    return _nearly_all_differ(strings.take(np.linspace(0, n - 1, 10 * _SAMPLE).astype(np.int64)))


def mostly_distinct_head(strings: pa.Array) -> bool:
    """Tell whether the first cells of a column (a few thousand) nearly all differ."""
    return _nearly_all_differ(strings.slice(0, _SAMPLE))


def _nearly_all_differ(sample: pa.Array) -> bool:
    """Tell whether a tenth or more of the cells are filled and nearly all of those differ."""
    filled = sample.filter(filled_cells(sample))
    if len(filled) < len(sample) // 10:
        return False
    return pc.count_distinct(filled).as_py() > 0.95 * len(filled)


def narrowed(codes: np.ndarray, slots: int) -> np.ndarray:
    """Return the codes in the narrowest type (8 or 16 bits) holding every slot, or as they are.

    ``slots`` is the number of values the codes index (the last: missing). Taking by narrow
    codes, or taking them by a permutation, reads far less memory (int8: a quarter of
    int32's); the numbers are the same, so every take gives the same values. Codes are only
    ever indices (``array[codes]``, compared with 0, counted by ``np.bincount``), never
    computed with. Codes outside ``-1 .. slots - 2`` (none from the parsers) are left as
    they are.
    """
    if codes.size == 0 or codes.dtype.kind not in "iu" or codes.dtype.itemsize == 1:
        return codes
    low, high = int(codes.min()), int(codes.max())
    if low < -1 or high > slots - 2:
        return codes
    # (not int32: NumPy casts any index that is not intp to intp for a take, and that cast
    # costs int64 codes, of a column with more distinct values, more than it saves)
    for dtype in (np.int8, np.uint8, np.int16, np.uint16):
        limits = np.iinfo(dtype)
        if limits.min <= low and slots - 1 <= limits.max:
            return codes.astype(dtype) if np.dtype(dtype).itemsize < codes.itemsize else codes
    return codes


class Lookup:
    """A column's codes, to look up a value per distinct value for every record.

    ``of(array)`` is ``array[codes]``; the codes are cast to intp once, at the first look
    (NumPy casts narrower codes inside each take, more slowly than one cast).
    """

    def __init__(self, codes: np.ndarray) -> None:
        self.codes, self.index = codes, None

    def of(self, array: np.ndarray) -> np.ndarray:
        if self.index is None:
            self.index = self.codes.astype(np.intp, copy=False)
        return array[self.index]


_MANY_TEXTS = 1 << 16
"""Distinct texts past which a take by code reads them through 32-bit offsets."""


def take_texts(strings, codes: np.ndarray):
    """Return ``strings`` (Arrow texts) taken by ``codes`` (none negative), in their type.

    Many distinct texts (notes, each its own value) are taken scattered over a large
    array: through 32-bit offsets that costs a quarter less (40 -> 31 ms for a million
    records from 350,000 notes), the cast back included. Should the texts not fit 32-bit
    offsets, they are taken as they are.
    """
    if len(strings) <= _MANY_TEXTS or strings.type == pa.string():
        return pc.take(strings, codes)
    try:
        return pc.take(strings.cast(pa.string()), codes).cast(strings.type)
    except (pa.ArrowInvalid, OverflowError):  # (more than 2 GB of text)
        return pc.take(strings, codes)
