"""Hand-made journal frames for tests (importable from every test folder: ``from frames import``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sci_pain.journal import COLUMNS


def make_entries(timestamps, pain, **columns) -> pd.DataFrame:
    """A typed journal frame like ``Journal.entries`` (dtypes from the schema)."""
    data = {
        "row": np.arange(2, len(timestamps) + 2),
        "timestamp": pd.to_datetime(pd.Series(timestamps)).astype("datetime64[us]"),
        "pain": pd.array(pain, dtype=COLUMNS["pain"].dtype),
    }
    for name, values in columns.items():
        data[name] = pd.Series(values, dtype=COLUMNS[name].dtype)
    return pd.DataFrame(data)
