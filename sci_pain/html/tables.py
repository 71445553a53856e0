"""Tables for people: the labels, citations and numbers a learner reads, not a programmer's view.

:func:`table` turns a DataFrame (or Series) from the library into an HTML table written for
clinicians: column names become labels ("ISCIP subtype", "What to do"), ids of causes,
findings, management options, red flags and situations become their labels, citation keys
become "Bryce et al. 2012", lists and tuples become comma-separated text, missing values
become a dash, numbers get sensible decimals (never scientific notation) and long text wraps
between words.

Examples
--------
>>> import sci_pain as sp
>>> shown = table(sp.load_red_flags()[["label", "who"]].head(1))
>>> "Who" in shown.html and "(clinician,)" not in shown.html
True
>>> readable("neuropathic_below_level"), readable(("self", "clinician")), readable(float("nan"))
('Below-level neuropathic pain', 'self, clinician', '–')
>>> readable("bryce2012_iscip_part1")
'Bryce et al. 2012'
>>> readable("tingling;pins_and_needles")  # a journal's list column
'tingling, pins and needles'
>>> table(sp.load_example_journal("neuropathic").entries.head(1)).frame["Quality"][0]
'burning, electric'
>>> readable(0.000012345)
'0.00001'
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from functools import cache

__all__ = ["table", "readable", "column_label", "HumanTable"]

# Field names whose generic form ("iscip subtype") is not the clinical term.
_COLUMN_LABELS = {
    "iscip_type": "ISCIP type",
    "iscip_subtype": "ISCIP subtype",
    "iscip_note": "ISCIP note",
    "what_to_do": "What to do",
    "why_urgent": "Why it is urgent",
    "who": "Who is at risk",
    "delivered_by": "Delivered by",
    "site_note": "Where it is felt",
    "ci_low": "95% CI from",
    "ci_high": "95% CI to",
    "adj_ci_low": "Adjusted CI from",
    "adj_ci_high": "Adjusted CI to",
    "n_effective": "Independent days",
    "lag_days": "Lag (days)",
    "rho": "Spearman ρ",
    "n": "n",
    "sd": "SD",
    "days_with_entries": "Days with entries",
    "missed_days": "Missed days",
    "slope_per_week": "Slope (points per week)",
    "change_over_period": "Change over the period (points)",
    "n_days": "Days",
    "period_days": "Period (days)",
    "activity_min": "Activity (min)",
    "immobile_hours": "Longest time without moving (h)",
    "sleep_hours": "Sleep (h)",
    "interference_activities": "Interference with daily activities",
    "interference_mood": "Interference with mood",
    "interference_sleep": "Interference with sleep",
    "nap": "NAP",
    "tau": "Tau",
    "tau_bc": "Tau-BC",
    "tau_u": "Tau-U",
    "dvt": "DVT",
    "bmi": "BMI",
    "part_of_day": "Part of day",
    "kept": "Kept",
    "row": "Row",
}
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
_TOKEN = re.compile(r"[a-z][a-z0-9_]*")  # one item of a ";"-joined list of codes


@cache
def _vocabularies() -> dict[str, dict[str, str]]:
    """Column name -> labels of its vocabulary (from the knowledge schema)."""
    from sci_pain.knowledge import schema as ks

    return _journal_vocabularies() | (  # the knowledge labels win ("At-level SCI")
        {
            "iscip_type": ks.ISCIP_LABELS,
            "iscip_subtype": ks.ISCIP_LABELS,
            "level": ks.LEVEL_LABELS,
            "laterality": ks.LATERALITY_LABELS,
            "category": ks.MANAGEMENT_CATEGORY_LABELS,
            "delivered_by": ks.DELIVERED_BY_LABELS,
            "severity": ks.CAUTION_SEVERITY_LABELS,
        }
        | {column: _referral_labels() for column in ("urgency", "referral")}
        | {"refer_to": ks.SERVICES}
    )


def _journal_vocabularies() -> dict[str, dict[str, str]]:
    """Map a journal's own codes to words (``pins_and_needles`` -> "pins and needles")."""
    from sci_pain.journal import COLUMNS

    spelled = {"tens": "TENS"}
    return {
        name: {v: spelled.get(v, v.replace("_", " ")) for v in column.allowed}
        for name, column in COLUMNS.items()
        if column.allowed
    }


def _referral_labels() -> dict[str, str]:
    """Map the referral ladder's steps to its own words (``referral.yaml``)."""
    from sci_pain.knowledge import load_referral_ladder

    return {str(k): str(v) for k, v in load_referral_ladder()["label"].items()}


@cache
def _id_labels() -> dict[str, str]:
    """Label of every id in the knowledge base (causes, findings, options, flags, situations)."""
    from sci_pain.knowledge import (
        list_findings,
        list_situations,
        load_causes,
        load_management,
        load_red_flags,
    )

    labels: dict[str, str] = {}
    for frame in (
        list_situations(),
        list_findings(),
        load_management(),
        load_red_flags(),
        load_causes(),
    ):
        labels.update({str(i): str(v) for i, v in frame["label"].items()})
    return labels


def _surname(author: str) -> str:
    """Shorten an author to a surname: "Bryce TN" -> "Bryce"; an organisation stays whole."""
    words = author.split()
    if len(words) > 1 and re.fullmatch(r"[A-Z]{1,3}", words[-1]):
        return " ".join(words[:-1])
    return author


def _short_citation(authors, year) -> str:
    names = [str(a) for a in (authors or ()) if str(a).strip()]
    real = [a for a in names if a.strip().rstrip(".").lower() != "et al"]
    if not real:
        return ""
    surname = _surname(real[0])
    more = len(real) > 1 or len(real) < len(names)
    if len(real) == 2 and len(names) == 2:
        who = f"{surname} & {_surname(real[1])}"
    else:
        who = f"{surname} et al." if more else surname
    return f"{who} {year}".strip() if year is not None and str(year) != "<NA>" else who


@cache
def _citations() -> dict[str, str]:
    """Citation key -> "Author et al. Year" (or the source's title when it has no author)."""
    from sci_pain.knowledge import load_references

    refs = load_references()
    out = {}
    for key, row in refs.iterrows():
        short = _short_citation(row["authors"], row["year"])
        if not short:
            title = str(row["title"]) if isinstance(row["title"], str) else str(key)
            publisher = row["publisher"] if isinstance(row["publisher"], str) else ""
            short = f"{publisher}: {title}" if publisher else title
        out[str(key)] = short
    return out


_ROW_LABELS = {
    "sd": "standard deviation",
    "std": "standard deviation",
    "min": "lowest",
    "max": "highest",
    "iqr": "interquartile range",
}
"""Row names of summary tables (``summarize_journal``) that abbreviate, in full (same case)."""


def _row_label(name: object, labels: Mapping[str, str] | None, decimals: int) -> str:
    """Return the header of a row: ``labels``, then a statistic's name in full, else as read."""
    if isinstance(name, str):
        if labels and name in labels:
            return labels[name]
        if name in _ROW_LABELS:
            return _ROW_LABELS[name]
    return readable(name, decimals=decimals)


def column_label(name: object, labels: Mapping[str, str] | None = None) -> str:
    """Return the label shown for a column or index name.

    Examples
    --------
    >>> column_label("iscip_subtype"), column_label("days_with_entries"), column_label("label")
    ('ISCIP subtype', 'Days with entries', 'Label')
    """
    text = str(name)
    if labels and text in labels:
        return labels[text]
    if text in _COLUMN_LABELS:
        return _COLUMN_LABELS[text]
    words = text.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _number(value: float, decimals: int) -> str:
    if math.isnan(value):
        return "–"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    for places in range(decimals, 9):
        text = f"{value:,.{places}f}"
        if float(text.replace(",", "")) != 0 or value == 0:
            return text.rstrip("0").rstrip(".") if "." in text else text
    return "0"


def _readable_scalar(value: object, decimals: int) -> str | None:
    """Write a missing value, yes/no, a number, a date or a duration; None for anything else."""
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return "–"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, int | np.integer):
        return f"{int(value):,}"
    if isinstance(value, float | np.floating):
        return _number(float(value), decimals)
    if isinstance(value, pd.Timestamp):
        return f"{value:%d %b %Y}" if value == value.normalize() else f"{value:%d %b %Y %H:%M}"
    if isinstance(value, pd.Timedelta):
        return str(value)
    return None


def _readable_text(text: str, vocabulary: Mapping[str, str] | None) -> str:
    """Write a code as words: the column's vocabulary, a knowledge-base label, a citation."""
    if vocabulary and text in vocabulary:
        return vocabulary[text]
    if text in _id_labels():
        return _id_labels()[text]
    if text in _citations():
        return _citations()[text]
    if _SNAKE.match(text):
        return text.replace("_", " ")
    if ";" in text and all(_TOKEN.fullmatch(part) for part in text.split(";")):
        return ", ".join(readable(part, vocabulary=vocabulary) for part in text.split(";"))
    return text


def readable(
    value: object, *, decimals: int = 2, vocabulary: Mapping[str, str] | None = None
) -> str:
    """Write one value as a learner should read it (see the module docstring).

    ``vocabulary`` maps the column's own codes to labels (used first).
    """
    import numpy as np
    import pandas as pd

    scalar = _readable_scalar(value, decimals)
    if scalar is not None:
        return scalar
    if isinstance(value, tuple | list | set | frozenset | np.ndarray | pd.Index):
        items = [readable(v, decimals=decimals, vocabulary=vocabulary) for v in value]
        return ", ".join(items) if items else "–"
    if isinstance(value, Mapping):
        return "; ".join(f"{readable(k)}: {readable(v)}" for k, v in value.items())
    return _readable_text(str(value), vocabulary)


class HumanTable:
    """An HTML table for people; ``.html`` holds it, ``.frame`` the readable text cells."""

    def __init__(self, frame, caption: str | None = None):
        self.frame, self.caption = frame, caption
        self.html = self._html()

    def _html(self) -> str:
        esc = html.escape
        show_index = self.frame.index.name is not None
        head = "".join(
            f"<th>{esc(str(c))}</th>"
            for c in ([self.frame.index.name] if show_index else []) + list(self.frame.columns)
        )
        rows = []
        for index, row in self.frame.iterrows():
            cells = [f"<th>{esc(str(index))}</th>"] if show_index else []
            cells += [f"<td>{esc(str(v))}</td>" for v in row]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        caption = f"<caption>{esc(self.caption)}</caption>" if self.caption else ""
        return (
            '<table class="sci-pain-table" style="border-collapse:collapse;max-width:100%">'
            "<style>.sci-pain-table td,.sci-pain-table th{white-space:normal;"
            "overflow-wrap:normal;word-break:normal;text-align:left;vertical-align:top;"
            "padding:3px 8px;max-width:36em}</style>"
            f"{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.frame.to_string(index=self.frame.index.name is not None)


def table(
    data,
    *,
    labels: Mapping[str, str] | None = None,
    decimals: int = 2,
    caption: str | None = None,
) -> HumanTable:
    """Show a DataFrame or Series for people.

    Parameters
    ----------
    data : DataFrame or Series
    labels : mapping, optional
        Column (or index) name, or row name -> label, to override the built-in labels
        (abbreviated statistics such as ``sd`` are written in full: "standard deviation").
    decimals : int, default 2
        Decimals for numbers that are not whole (more only where needed to show a non-zero).
    caption : str, optional

    Returns
    -------
    HumanTable
        Displays as HTML in a notebook; ``.frame`` holds the text cells.
    """
    import pandas as pd

    frame = data.to_frame() if isinstance(data, pd.Series) else data
    vocabularies = _vocabularies()
    out = pd.DataFrame(
        {
            column_label(c, labels): [
                readable(v, decimals=decimals, vocabulary=vocabularies.get(str(c)))
                for v in frame[c]
            ]
            for c in frame.columns
        },
        dtype=object,
    )
    index = [_row_label(i, labels, decimals) for i in frame.index]
    if "label" in frame.columns and frame.index.name is not None:
        # rows named by ids: their labels are the row headers, the ids are not shown
        index = list(out[column_label("label", labels)])
        out = out.drop(columns=column_label("label", labels))
        out.index = pd.Index(index, name=column_label(frame.index.name or "", labels) or " ")
    elif isinstance(frame.index, pd.RangeIndex) or (
        frame.index.name is None and all(isinstance(i, int) for i in frame.index)
    ):
        out.index = pd.RangeIndex(len(out))
    else:
        out.index = pd.Index(index, name=column_label(frame.index.name or "", labels) or " ")
    return HumanTable(out, caption)
