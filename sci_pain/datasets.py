"""The bundled example journals: synthetic pain journals with known, built-in effects.

In the style of ``sklearn.datasets``: :func:`list_example_journals` describes them,
:func:`example_journal_path` gives a file's path and :func:`load_example_journal` reads one. Each
journal (``data/journals/<name>.csv``) is :func:`sci_pain.simulate.simulate_journal`'s output
for one bundled persona and a fixed seed, byte for byte (``tools/make_example_journals.py``
writes them and the table of :func:`example_journals_markdown` in ``data/README.md``).

All data are synthetic: no record describes a real person.

Examples
--------
>>> list_example_journals()["name"].tolist()
['neuropathic', 'spasticity', 'overuse', 'pressure_injury', 'dvt', 'atrophy_weight']
>>> load_example_journal("dvt").source
'dvt.csv'
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from sci_pain._docs import shared_docs
from sci_pain._resources import data_path
from sci_pain.simulate import (
    effects_summary,
    load_persona,
    persona_records,
    simulate_journal,
    unknown_name_message,
)

if TYPE_CHECKING:
    from sci_pain.journal import Journal

__all__ = [
    "example_journal_frame",
    "example_journal_path",
    "example_journals_markdown",
    "list_example_journals",
    "load_example_journal",
    "to_csv_bytes",
]


def _example(name: str) -> dict[str, Any]:
    records = {r["name"]: r for r in persona_records()}
    if name not in records:
        raise ValueError(unknown_name_message("example journal", name, list(records)))
    return records[name]


def list_example_journals() -> pd.DataFrame:
    """Return the bundled example journals and the effects built into each.

    Returns
    -------
    pandas.DataFrame
        One row per journal: ``name`` (for :func:`load_example_journal`), ``persona`` (for
        :func:`load_persona`), ``cause``, ``description``, ``effects`` (every built-in effect
        with its exact value; see :func:`built_in_effects` for a table), ``days``, ``seed``
        and ``file`` (the CSV's name in ``data/journals``).

    Examples
    --------
    >>> table = list_example_journals()
    >>> table.set_index("name").loc["overuse", "cause"]
    'overuse (musculoskeletal) pain'
    """
    rows = []
    for record in persona_records():
        persona = load_persona(record["name"])
        rows.append(
            {
                "name": record["name"],
                "persona": persona.name,
                "cause": persona.cause,
                "description": persona.description,
                "effects": effects_summary(persona),
                "days": int(record["example"]["days"]),
                "seed": int(record["example"]["seed"]),
                "file": f"{record['name']}.csv",
            }
        )
    frame = pd.DataFrame(rows)
    text_columns = ["name", "persona", "cause", "description", "effects", "file"]
    return frame.astype(dict.fromkeys(text_columns, "str"))


@shared_docs(error="ValueError", key="name", things="journals")
def example_journal_path(name: str) -> Path:
    """Return the path of a bundled example journal's CSV file.

    Parameters
    ----------
    name : str
        One of ``list_example_journals()["name"]``.

    %(raises_unknown_name)s

    Examples
    --------
    >>> example_journal_path("dvt").name
    'dvt.csv'
    """
    _example(name)
    return data_path("journals", f"{name}.csv")


def load_example_journal(name: str) -> Journal:
    """Read a bundled example journal with :func:`sci_pain.journal.reader.read_journal`.

    Parameters
    ----------
    name : str
        A journal's name, as for :func:`example_journal_path` (which raises ``ValueError``
        for an unknown one, listing the journals and suggesting close matches).

    Returns
    -------
    sci_pain.journal.reader.Journal
        ``.entries`` (typed, sorted by time) and ``.problems`` (empty for these files).

    Examples
    --------
    >>> journal = load_example_journal("spasticity")
    >>> len(journal.problems)
    0
    >>> journal.entries["problem"].iloc[0]
    'cramping right calf'
    """
    from sci_pain.journal import read_journal

    path = example_journal_path(name)
    # Label it by file name: an absolute path would end up in notebook outputs and reports.
    return dataclasses.replace(read_journal(path), source=path.name)


def example_journal_frame(name: str) -> pd.DataFrame:
    """Return the simulated frame whose CSV is the committed example journal `name`.

    Parameters
    ----------
    name : str
        One of ``list_example_journals()["name"]``.

    Returns
    -------
    pandas.DataFrame
        :func:`sci_pain.simulate.simulate_journal` for the persona `name` with the days and seed
        of its ``example`` record.

    Examples
    --------
    >>> frame = example_journal_frame("dvt")
    >>> to_csv_bytes(frame) == example_journal_path("dvt").read_bytes()
    True
    """
    record = _example(name)
    return simulate_journal(
        name, days=int(record["example"]["days"]), seed=int(record["example"]["seed"])
    )


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    r"""Return a journal frame as committed CSV bytes.

    No index, ``\n`` line ends and UTF-8: the same bytes on every platform.

    Parameters
    ----------
    frame : pandas.DataFrame
        A journal frame (:func:`example_journal_frame`).

    Returns
    -------
    bytes

    Examples
    --------
    >>> to_csv_bytes(pd.DataFrame({"pain": [3]}))
    b'pain\n3\n'
    """
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


_MARKDOWN_HEADER = (
    "| Journal | Cause | Days | Seed | Built-in effects (day 0 = 2026-01-05) |",
    "|---|---|---|---|---|",
)


def example_journals_markdown() -> str:
    """Return the table of example journals in ``data/README.md`` (kept up to date by a test).

    Returns
    -------
    str
        A Markdown table, one row per journal, ending with a newline.

    Examples
    --------
    >>> example_journals_markdown().splitlines()[2].split(" | ")[0]
    '| `neuropathic.csv`'
    """
    lines = list(_MARKDOWN_HEADER)
    for row in list_example_journals().itertuples(index=False):
        cells = (f"`{row.file}`", row.cause, str(row.days), str(row.seed), row.effects)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
