"""The learning path: which notebook teaches what, in which order, in how many minutes.

Kept as data in ``data/learning_path.yaml``.

Examples
--------
>>> table = learning_path_table()
>>> list(table.columns)
['notebook', 'title', 'objectives', 'minutes']
>>> table.loc[0, "title"]
'Start here'
"""

from __future__ import annotations

from functools import cache

from sci_pain._resources import data_path, load_yaml

__all__ = ["load_learning_path", "learning_path_table"]


@cache
def load_learning_path() -> tuple[dict, ...]:
    """Return the learning path records (file, title, minutes, objectives), in order."""
    path = data_path("learning_path.yaml")
    records = load_yaml(path)
    for i, record in enumerate(records, start=1):
        missing = {"file", "title", "minutes", "objectives"} - set(record)
        if missing:
            msg = f"{path}: record {i}: missing {sorted(missing)}"
            raise ValueError(msg)
    return tuple(records)


def learning_path_table():
    """Return the learning path as a DataFrame (notebook, title, objectives, minutes).

    Objectives are joined into one string so the table reads well in a notebook.
    """
    import pandas as pd

    return pd.DataFrame(
        {
            "notebook": [r["file"] for r in load_learning_path()],
            "title": [r["title"] for r in load_learning_path()],
            "objectives": [" ".join(r["objectives"]) for r in load_learning_path()],
            "minutes": [int(r["minutes"]) for r in load_learning_path()],
        }
    )
