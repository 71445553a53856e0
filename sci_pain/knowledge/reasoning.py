"""The reasoning aid: causes ranked for a set of findings, and management matched to a person.

:func:`explain_causes` ranks the causes consistent with a set of findings -- red flags first,
every score explained, and always with the reminder that it is not a diagnosis
(:data:`DISCLAIMER`). :func:`management_for` lists a cause's management options with the
cautions that apply to a person's situations. Both read the knowledge base through
:mod:`sci_pain.knowledge.loaders`.

Examples
--------
>>> result = explain_causes(["one_leg_swollen_and_warm", "first_3_months"])
>>> result.red_flags.index[0]
'dvt'
>>> result.ranking.loc[1, "cause"]
'dvt'
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sci_pain.knowledge.loaders import (
    escape_markdown,
    get_cause,
    load_causes,
    load_findings,
    load_management,
    load_red_flags,
    load_referral_ladder,
    resolve_findings,
    resolve_situations,
)
from sci_pain.knowledge.schema import CAUTION_SEVERITIES, MANAGEMENT_CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DISCLAIMER", "CauseExplanation", "explain_causes", "management_for"]

DISCLAIMER = (
    "Not a diagnosis. This teaching aid adds up how well the findings fit typical patterns; "
    "several causes often coexist, serious problems below the level can be painless, and only "
    "a clinician who examines the person can say what is wrong. A red flag needs medical care: "
    "an emergency now, an urgent one the same day."
)
"""Shown with every result of :func:`explain_causes`."""


def management_for(cause: str, *, situation: str | Iterable[str] = ()) -> pd.DataFrame:
    """Return the management options for a cause, with the cautions that apply to a person.

    Parameters
    ----------
    cause : str
        A cause id, label or alias (see :func:`get_cause`).
    situation : str or iterable of str
        The person's situations, keys of :data:`SITUATIONS` (``impaired_sensation``,
        ``pacemaker``, ``injury_at_or_above_T6``, ``swollen_warm_leg``, ...). Cautions marked
        ``always`` apply to everyone.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``management``, in the cause's teaching order with contraindicated options
        last. Columns: ``label``, ``category``, ``summary``, ``note`` (specific to this
        cause, may be ``""``), ``evidence``, ``delivered_by``, ``cautions`` (tuple of the
        :class:`Caution` records that apply), ``caution_text`` (the same as text, most
        serious first), ``contraindicated`` and ``seek_care_first`` (bool), ``citations``.

    Raises
    ------
    UnknownNameError
        When `cause` is not a cause id, label or alias, or a `situation` is not a key of
        :data:`SITUATIONS`; the message suggests the closest names.

    Examples
    --------
    >>> options = management_for("spasticity", situation=["impaired_sensation"])
    >>> bool(options.loc["heat", "contraindicated"])
    True
    >>> options.index[-1]
    'heat'
    >>> management_for("neuropathic_below_level").index[0]
    'medications'
    """
    import pandas as pd

    cause_id = get_cause(cause).id
    situations = resolve_situations(situation)
    options = load_management()
    rank = {s: i for i, s in enumerate(CAUTION_SEVERITIES)}
    rows = []
    for mid in get_cause(cause_id).management:
        row = options.loc[mid]
        applying = tuple(
            sorted(
                (c for c in row["cautions"] if c.applies_to(situations)),
                key=lambda c: rank[c.severity],
            )
        )
        rows.append(
            {
                "management": mid,
                "label": row["label"],
                "category": row["category"],
                "summary": row["summary"],
                "note": row["target_notes"].get(cause_id, ""),
                "evidence": row["evidence"],
                "delivered_by": row["delivered_by"],
                "cautions": applying,
                "caution_text": tuple(str(c) for c in applying),
                "contraindicated": any(c.severity == "contraindicated" for c in applying),
                "seek_care_first": any(c.severity == "seek_care_first" for c in applying),
                "citations": row["citations"],
            }
        )
    frame = pd.DataFrame(rows).set_index("management")
    frame = frame.iloc[frame["contraindicated"].argsort(kind="stable")]
    category = pd.Categorical(
        frame["category"], categories=list(MANAGEMENT_CATEGORIES), ordered=True
    )
    return frame.assign(category=category)


@dataclass(frozen=True, eq=False)
class CauseExplanation:
    """The result of :func:`explain_causes`.

    Attributes
    ----------
    findings : tuple of str
        The finding ids, in the order given (duplicates removed).
    red_flags : pandas.DataFrame
        Red flags the findings raise, emergencies first; indexed by ``red_flag`` with
        ``label``, ``urgency``, ``raised_by`` (finding ids), ``signs``, ``why_urgent``,
        ``what_to_do``, ``citations``. Empty when none is raised.
    ranking : pandas.DataFrame
        Indexed by ``rank`` (1 = best fit). Columns: ``cause``, ``label``, ``score`` (sum of
        weights), ``supporting`` and ``against`` (finding ids), ``red_flags`` (red flags
        raised for this cause), ``referral`` (the referral-ladder step when the cause is
        suspected without a red flag), ``is_emergency``.
    disclaimer : str
        :data:`DISCLAIMER`.
    """

    findings: tuple[str, ...]
    red_flags: pd.DataFrame
    ranking: pd.DataFrame
    disclaimer: str = DISCLAIMER

    def _finding_labels(self, ids: Iterable[str]) -> str:
        labels = load_findings()["label"]
        return "; ".join(labels[i] for i in ids)

    def to_markdown(self) -> str:
        """Return the result as Markdown: red flags first, then the ranking, then the disclaimer."""
        lines: list[str] = []
        if len(self.red_flags):
            from sci_pain.html import render_red_flags

            lines.append(
                render_red_flags(
                    self,
                    format="text",
                    title="**Red flags: seek medical care**",
                    escape=escape_markdown,
                ).replace(
                    escape_markdown("**Red flags: seek medical care**"),
                    "**Red flags: seek medical care**",
                )
            )
            lines.append("")
        if len(self.ranking):
            steps = load_referral_ladder()["label"]
            lines.append(
                "| rank | cause | score | supporting findings | findings against | referral |"
            )
            lines.append("|---:|---|---:|---|---|---|")
            for rank, row in self.ranking.iterrows():
                lines.append(
                    f"| {rank} | {escape_markdown(row['label'])} | {row['score']:+d} | "
                    f"{escape_markdown(self._finding_labels(row['supporting'])) or '-'} | "
                    f"{escape_markdown(self._finding_labels(row['against'])) or '-'} | "
                    f"{escape_markdown(steps[row['referral']])} |"
                )
        else:
            lines.append("No cause is supported by these findings.")
        lines += ["", f"*{escape_markdown(self.disclaimer)}*"]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        # the plain-text form a reader without HTML sees: the Markdown, not the dataclass repr
        return {"text/plain": self.to_markdown()}

    def to_html(self, *, disclaimer: bool = True) -> str:
        """Return the explanation as HTML: red flags first, then the ranked causes.

        Parameters
        ----------
        disclaimer : bool, default True
            End with the "not a diagnosis" note. A page that already shows the note beside
            the explanation (the reasoning aid) leaves it out, so it is not read twice.

        Returns
        -------
        str
            One ``<div class="sci-pain-explanation">``.

        Examples
        --------
        >>> from sci_pain import explain_causes
        >>> explanation = explain_causes(["burning"])
        >>> "Not a diagnosis" in explanation.to_html()
        True
        >>> "Not a diagnosis" in explanation.to_html(disclaimer=False)
        False
        """
        e = html.escape
        parts = ['<div class="sci-pain-explanation">']
        if len(self.red_flags):
            from sci_pain.html import render_red_flags

            parts.append(render_red_flags(self, format="html"))
        if len(self.ranking):
            steps = load_referral_ladder()["label"]
            parts.append(
                "<table><thead><tr><th>rank</th><th>cause</th><th>score</th>"
                "<th>supporting findings</th><th>findings against</th>"
                "<th>referral (without a red flag)</th></tr></thead><tbody>"
            )
            for rank, row in self.ranking.iterrows():
                parts.append(
                    f"<tr><td>{rank}</td><td>{e(row['label'])}</td><td>{row['score']:+d}</td>"
                    f"<td>{e(self._finding_labels(row['supporting'])) or '-'}</td>"
                    f"<td>{e(self._finding_labels(row['against'])) or '-'}</td>"
                    f"<td>{e(steps[row['referral']])}</td></tr>"
                )
            parts.append("</tbody></table>")
        else:
            parts.append("<p>No cause is supported by these findings.</p>")
        if disclaimer:
            parts.append(f"<p><em>{e(self.disclaimer)}</em></p>")
        parts.append("</div>")
        return "".join(parts)


def explain_causes(findings: str | Iterable[str], *, include_all: bool = False) -> CauseExplanation:
    """Rank the causes consistent with a set of findings, and show why; red flags first.

    Each finding carries a weight for some causes (``findings.yaml``): positive if it
    supports the cause, negative if it argues against it. A cause's score is the sum of the
    weights of the findings given. Red flags raised by any finding are listed separately and
    first, emergencies before urgent ones. The result is a teaching aid, not a diagnosis.

    Parameters
    ----------
    findings : str or iterable of str
        Finding ids or labels (see :func:`list_findings`), e.g. ``["burning",
        "diffuse_below_level", "worse_evening_or_night"]``.
    include_all : bool
        Also rank causes that no finding supports (default: only causes with at least one
        supporting finding).

    Returns
    -------
    CauseExplanation
        With ``.red_flags``, ``.ranking``, ``.disclaimer``, ``to_markdown()`` and an HTML
        view for notebooks.

    Raises
    ------
    UnknownNameError
        For a finding that is not in the vocabulary; lists the valid ones and close matches.

    Examples
    --------
    >>> result = explain_causes(["burning", "diffuse_below_level", "worse_evening_or_night"])
    >>> result.ranking[["cause", "score"]].head(2)
                             cause  score
    rank
    1      neuropathic_below_level      6
    2         neuropathic_at_level      2
    >>> len(result.red_flags)
    0
    >>> explain_causes(["one leg swollen", "after_more_activity"]).red_flags.index.tolist()
    ['dvt']
    """
    ids = resolve_findings(findings)
    table = load_findings()
    red_flags = _raised_red_flags(ids, table)
    ranking = _ranking(ids, table, tuple(red_flags.index), include_all=include_all)
    return CauseExplanation(findings=ids, red_flags=red_flags, ranking=ranking)


_RED_FLAG_COLUMNS = (
    "label", "urgency", "refer_to", "raised_by", "signs", "why_urgent", "what_to_do", "citations",
)  # fmt: skip
_RANKING_COLUMNS = (
    "cause", "label", "score", "supporting", "against", "red_flags", "referral", "is_emergency",
)  # fmt: skip


def _raised_red_flags(ids: tuple[str, ...], table: pd.DataFrame) -> pd.DataFrame:
    """Return the red flags the findings raise (alone or together), most pressing first."""
    flags = load_red_flags()
    raised: dict[str, list[str]] = {}
    given = set(ids)
    for fid in ids:
        for flag in table.loc[fid, "raises"]:
            raised.setdefault(flag, []).append(fid)
        for flag, together, _ in table.loc[fid, "raises_with"]:
            if given.issuperset(together):
                raised.setdefault(flag, []).extend(
                    f for f in (fid, *together) if f not in raised.get(flag, ())
                )
    order = [f for f in flags.index if f in raised]
    red_flags = flags.loc[order].assign(raised_by=[tuple(raised[f]) for f in order])
    return red_flags[list(_RED_FLAG_COLUMNS)]


def _ranking(
    ids: tuple[str, ...], table: pd.DataFrame, order: tuple[str, ...], *, include_all: bool
) -> pd.DataFrame:
    """Return the causes ranked by score, then by supporting findings, then in teaching order."""
    import pandas as pd

    rows = []
    for position, (cid, cause) in enumerate(load_causes().iterrows()):
        weights = [(fid, table.loc[fid, "weights"].get(cid, 0)) for fid in ids]
        supporting = tuple(f for f, w in weights if w > 0)
        if not supporting and not include_all:
            continue
        rows.append(
            {
                "cause": cid,
                "label": cause["label"],
                "score": int(sum(w for _, w in weights)),
                "supporting": supporting,
                "against": tuple(f for f, w in weights if w < 0),
                "red_flags": tuple(f for f in order if f in cause["red_flags"]),
                "referral": str(cause["referral"]),
                "is_emergency": bool(cause["is_emergency"]),
                "_n": len(supporting),
                "_pos": position,
            }
        )
    columns = list(_RANKING_COLUMNS)
    ranking = pd.DataFrame(rows, columns=[*columns, "_n", "_pos"])
    ranking = ranking.sort_values(
        ["score", "_n", "_pos"], ascending=[False, False, True], kind="stable"
    )[columns].astype({"score": "int64", "is_emergency": "bool"})
    ranking.index = pd.RangeIndex(1, len(ranking) + 1, name="rank")
    return ranking
