"""The knowledge base on leg pain after spinal cord injury, and a transparent reasoning aid.

The data live in ``data/knowledge/*.yaml`` (described by :mod:`sci_pain.knowledge.schema`),
each record with its citations. This module loads them as DataFrames, looks causes up by
name, matches management options to a cause and a person's situation, and ranks causes
for a set of findings with :func:`explain_causes` -- red flags first, every score explained,
and always with the reminder that it is not a diagnosis.

Examples
--------
>>> import sci_pain as sp
>>> sp.get_cause("Deep vein thrombosis").id
'dvt'
>>> result = sp.explain_causes(["one_leg_swollen_and_warm", "first_3_months"])
>>> result.red_flags.index[0]
'dvt'
>>> result.ranking.loc[1, "cause"]
'dvt'
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from typing import TYPE_CHECKING

from sci_pain.errors import UnknownNameError
from sci_pain.knowledge.schema import (
    CAUTION_SEVERITIES,
    FINDING_GROUPS,
    ISCIP_SUBTYPES,
    ISCIP_TYPES,
    LATERALITY,
    LEVELS,
    MANAGEMENT_CATEGORIES,
    REFERENCE_KINDS,
    REFERRAL_STEPS,
    SERVICES,
    SITUATIONS,
    URGENCIES,
    KnowledgeError,
    find_problems,
    read_knowledge,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DISCLAIMER",
    "SITUATIONS",
    "Cause",
    "Caution",
    "CauseExplanation",
    "KnowledgeError",
    "UnknownNameError",
    "load_causes",
    "load_management",
    "load_cautions",
    "load_red_flags",
    "load_referral_ladder",
    "load_journal_flag_rules",
    "load_references",
    "load_findings",
    "list_findings",
    "list_situations",
    "format_citation",
    "get_cause",
    "management_for",
    "explain_causes",
]

DISCLAIMER = (
    "Not a diagnosis. This teaching aid adds up how well the findings fit typical patterns; "
    "several causes often coexist, serious problems below the level can be painless, and only "
    "a clinician who examines the person can say what is wrong. A red flag needs medical care: "
    "an emergency now, an urgent one the same day."
)
"""Shown with every result of :func:`explain_causes`."""


# -- loading ----------------------------------------------------------------------------------


@cache
def _records() -> dict[str, tuple[dict, ...]]:
    """The validated raw records of every file (read once)."""
    problems = find_problems()
    if len(problems):
        lines = "\n".join(
            f"- {p.file}: record {p.record!r}: field {p.field!r}: {p.problem}"
            for p in problems.head(20).itertuples()
        )
        msg = f"the bundled knowledge base has {len(problems)} problem(s):\n{lines}"
        raise KnowledgeError(msg, problems)
    records, _ = read_knowledge()
    return {name: tuple(items) for name, items in records.items()}


def _tuple(value: object) -> tuple:
    return tuple(value) if isinstance(value, list) else ()


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _categorical(values, categories, *, ordered: bool = True):
    import pandas as pd

    return pd.Categorical(values, categories=list(categories), ordered=ordered)


@dataclass(frozen=True)
class Caution:
    """A caution or contraindication of a management option.

    Attributes
    ----------
    condition : str
        The situation it applies to (a key of :data:`SITUATIONS`; ``always`` for everyone).
    severity : str
        ``contraindicated``, ``seek_care_first``, ``precaution`` or ``note``.
    text : str
        The caution in words.
    citations : tuple of str
        Reference keys.
    """

    condition: str
    severity: str
    text: str
    citations: tuple[str, ...] = ()

    def applies_to(self, situation: Iterable[str] = ()) -> bool:
        """Whether the caution applies to a person with these situations."""
        return self.condition == "always" or self.condition in set(situation)

    def __str__(self) -> str:
        label = self.severity.replace("_", " ").capitalize()
        return f"{label}: {self.text}"


def _cautions(raw: object) -> tuple[Caution, ...]:
    return tuple(
        Caution(
            condition=item["condition"],
            severity=item["severity"],
            text=_text(item["text"]),
            citations=_tuple(item.get("citations")),
        )
        for item in (raw or [])
    )


@cache
def _causes_frame():
    import pandas as pd

    rows = []
    for r in _records()["causes"]:
        peak = r.get("peak_days") or [float("nan"), float("nan")]
        rows.append(
            {
                "cause": r["id"],
                "label": r["label"],
                "short_label": r["short_label"],
                "aliases": _tuple(r.get("aliases")),
                "iscip_type": r["iscip_type"],
                "iscip_subtype": r["iscip_subtype"],
                "iscip_note": _text(r.get("iscip_note")),
                "level": r["level"],
                "summary": _text(r["summary"]),
                "mechanism": _text(r["mechanism"]),
                "descriptors": _tuple(r["descriptors"]),
                "timing": _text(r["timing"]),
                "onset_start_days": float(r["onset_days"][0]),
                "onset_end_days": float(r["onset_days"][1]),
                "peak_start_days": float(peak[0]),
                "peak_end_days": float(peak[1]),
                "onset_citations": _tuple(r["onset_citations"]),
                "ongoing_risk": bool(r.get("ongoing_risk", False)),
                "leg_sites": _tuple(r["leg_sites"]),
                "body_sites": _tuple(r.get("body_sites")),
                "site_note": _text(r.get("site_note")),
                "laterality": r["laterality"],
                "risk_factors": _tuple(r["risk_factors"]),
                "look_for": _tuple(r["look_for"]),
                "red_flags": _tuple(r["red_flags"]),
                "referral": r["referral"],
                "refer_to": _tuple(r["refer_to"]),
                "management": _tuple(r["management"]),
                "journal_signature": _text(r["journal_signature"]),
                "journal_columns": _tuple(r["journal_columns"]),
                "example_journal": r.get("example_journal") or "",
                "is_emergency": bool(r.get("is_emergency", False)),
                "citations": _tuple(r["citations"]),
            }
        )
    frame = pd.DataFrame(rows).set_index("cause")
    return frame.assign(
        iscip_type=_categorical(frame["iscip_type"], ISCIP_TYPES),
        iscip_subtype=_categorical(frame["iscip_subtype"], ISCIP_SUBTYPES),
        level=_categorical(frame["level"], LEVELS),
        laterality=_categorical(frame["laterality"], LATERALITY),
        referral=_categorical(frame["referral"], REFERRAL_STEPS),
    )


def load_causes() -> pd.DataFrame:
    """Return the causes of leg pain after SCI, one row per cause.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``cause`` (the id, e.g. ``"dvt"``), in teaching order. List fields are
        tuples; a fresh copy is returned each time.

        ==================== =========================================================
        column               meaning
        ==================== =========================================================
        label, short_label   full name; short name for figures
        aliases              other names :func:`get_cause` accepts (tuple)
        iscip_type           ISCIP tier 1 (ordered categorical: nociceptive,
                             neuropathic, other, unknown)
        iscip_subtype        ISCIP tier 2 (ordered categorical)
        iscip_note           why that category, where not obvious
        level                at_level, below_level, not_level_specific (ordered)
        summary, mechanism   the mechanism in one line and in a paragraph
        descriptors          typical descriptors in words (tuple)
        timing               when it appears, in words
        onset_start_days,    typical onset window, days after injury (float)
        onset_end_days
        peak_start_days,     peak of risk, days after injury (NaN if none)
        peak_end_days
        onset_citations      references for the onset window (tuple)
        ongoing_risk         whether the risk continues after the window (bool)
        leg_sites            journal site vocabulary: hip ... foot, whole_leg (tuple)
        body_sites           sacrum, ischium, trochanter, heel, buttock, groin (tuple)
        site_note            where exactly, in words
        laterality           one_side, either, both_sides (ordered categorical)
        risk_factors         (tuple of str)
        look_for             what to look for (tuple of str)
        red_flags            red-flag ids (tuple)
        referral             step of the referral ladder when this cause is suspected
                             (ordered categorical: emergency, same_day, soon, routine)
        refer_to             who to go to, service ids (tuple; see
                             :func:`load_referral_ladder`)
        management           management ids in teaching order (tuple)
        journal_signature    how it tends to show in a pain journal
        journal_columns      journal columns carrying that signature (tuple)
        example_journal      example journal building the signature in (name for
                             :func:`sci_pain.load_example_journal`), or ``""``
        is_emergency         an emergency in itself (DVT, autonomic dysreflexia)
        citations            reference keys (tuple)
        ==================== =========================================================

    Examples
    --------
    >>> causes = load_causes()
    >>> causes.loc["dvt", ["onset_start_days", "onset_end_days"]].tolist()
    [3.0, 90.0]
    >>> causes.loc["neuropathic_below_level", "iscip_subtype"]
    'below_level_sci'
    """
    return _causes_frame().copy()


@cache
def _management_frame():
    import pandas as pd

    rows = [
        {
            "management": r["id"],
            "label": r["label"],
            "category": r["category"],
            "summary": _text(r["summary"]),
            "examples": _tuple(r.get("examples")),
            "targets": _tuple(r["targets"]),
            "target_notes": {k: _text(v) for k, v in (r.get("target_notes") or {}).items()},
            "evidence": _text(r["evidence"]),
            "delivered_by": _tuple(r["delivered_by"]),
            "cautions": _cautions(r.get("cautions")),
            "citations": _tuple(r["citations"]),
        }
        for r in _records()["management"]
    ]
    frame = pd.DataFrame(rows).set_index("management")
    return frame.assign(category=_categorical(frame["category"], MANAGEMENT_CATEGORIES))


def load_management() -> pd.DataFrame:
    """Return the management options, one row per option.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``management`` (e.g. ``"heat"``).

        ============= ================================================================
        column        meaning
        ============= ================================================================
        label         name shown to learners
        category      exercise_and_therapy, medicine, device, self_care, prevention,
                      psychological (categorical)
        summary       what it is
        examples      examples; drug classes and names, never doses (tuple)
        targets       cause ids it targets (tuple)
        target_notes  dict cause id -> a note specific to that cause
        evidence      the evidence in one or two sentences
        delivered_by  self, therapist, clinician (tuple)
        cautions      tuple of :class:`Caution` (see also :func:`load_cautions`)
        citations     reference keys (tuple)
        ============= ================================================================

    Examples
    --------
    >>> options = load_management()
    >>> options.loc["heat", "targets"]
    ('overuse_musculoskeletal', 'spasticity')
    >>> [c.condition for c in options.loc["electrical_stimulation", "cautions"]][:2]
    ['pacemaker', 'impaired_sensation']
    """
    return _management_frame().copy()


def load_cautions() -> pd.DataFrame:
    """Return every caution of every management option as a long table.

    Returns
    -------
    pandas.DataFrame
        Columns ``management``, ``condition`` (categorical in :data:`SITUATIONS` order),
        ``severity`` (ordered categorical, most serious first), ``text``, ``citations``.

    Examples
    --------
    >>> cautions = load_cautions()
    >>> sorted(cautions.loc[cautions["condition"] == "pacemaker", "management"])
    ['electrical_stimulation']
    """
    import pandas as pd

    rows = [
        {
            "management": mid,
            "condition": c.condition,
            "severity": c.severity,
            "text": c.text,
            "citations": c.citations,
        }
        for mid, cautions in _management_frame()["cautions"].items()
        for c in cautions
    ]
    frame = pd.DataFrame(rows, columns=["management", "condition", "severity", "text", "citations"])
    return frame.assign(
        condition=_categorical(frame["condition"], SITUATIONS, ordered=False),
        severity=_categorical(frame["severity"], CAUTION_SEVERITIES),
    )


@cache
def _red_flags_frame():
    import pandas as pd

    rows = [
        {
            "red_flag": r["id"],
            "label": r["label"],
            "urgency": r["urgency"],
            "refer_to": _tuple(r["refer_to"]),
            "causes": _tuple(r["causes"]),
            "who": _text(r.get("who")),
            "signs": _tuple(r["signs"]),
            "why_urgent": _text(r["why_urgent"]),
            "what_to_do": _tuple(r["what_to_do"]),
            "sign_findings": _tuple(r["sign_findings"]),
            "citations": _tuple(r["citations"]),
        }
        for r in _records()["red_flags"]
    ]
    frame = pd.DataFrame(rows).set_index("red_flag")
    return frame.assign(urgency=_categorical(frame["urgency"], URGENCIES))


@cache
def _referral_frame():
    import pandas as pd

    rows = [
        {
            "step": r["id"],
            "label": r["label"],
            "when": r["when"],
            "action": _text(r["action"]),
            "who": _tuple(r["who"]),
            "who_labels": tuple(SERVICES[w] for w in r["who"]),
            "examples": _tuple(r["examples"]),
            "citations": _tuple(r["citations"]),
        }
        for r in _records()["referral"]
    ]
    frame = pd.DataFrame(rows).set_index("step").loc[list(REFERRAL_STEPS)]
    return frame


def load_referral_ladder() -> pd.DataFrame:
    """Return the referral ladder: how soon, and who, most pressing step first.

    Every red flag (``urgency``, ``refer_to``), every cause (``referral``, ``refer_to``) and
    every pattern of the journal scan points into this ladder; the words shown for a step
    come from here alone.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``step`` (``emergency``, ``same_day``, ``soon``, ``routine``). Columns:
        ``label`` (e.g. "Emergency: seek care now"), ``when``, ``action`` (what to do, in
        words), ``who`` (service ids), ``who_labels`` (the same in words), ``examples``,
        ``citations``.

    Examples
    --------
    >>> ladder = load_referral_ladder()
    >>> ladder.index.tolist()
    ['emergency', 'same_day', 'soon', 'routine']
    >>> ladder.loc["emergency", "label"]
    'Emergency: seek care now'
    """
    return _referral_frame().copy()


@cache
def _journal_flag_frame():
    import pandas as pd

    rows = [
        {
            "flag": r["id"],
            "title": r["title"],
            "red_flags": _tuple(r["red_flags"]),
            "urgency": r["urgency"],
            "urgency_at_or_above_T6": r.get("urgency_at_or_above_T6") or r["urgency"],
            "needs": _tuple(r["needs"]),
            "summary": _text(r["summary"]),
            "what_to_do": _tuple(r["what_to_do"]),
            "citations": _tuple(r["citations"]),
        }
        for r in _records()["journal_flags"]
    ]
    return pd.DataFrame(rows).set_index("flag")


def load_journal_flag_rules() -> pd.DataFrame:
    """Return the patterns the journal scan looks for (``journal_flags.yaml``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``flag`` (the scan's ``flag`` values, e.g. ``"possible_dvt"``), in the
        file's order. Columns: ``title``, ``red_flags`` (ids of :func:`load_red_flags` the
        pattern can be a sign of), ``urgency`` and ``urgency_at_or_above_T6`` (steps of
        :func:`load_referral_ladder`), ``needs`` (journal columns), ``summary``,
        ``what_to_do``, ``citations``.

    Examples
    --------
    >>> rules = load_journal_flag_rules()
    >>> rules.loc["possible_dvt", ["red_flags", "urgency"]].tolist()
    [('dvt',), 'emergency']
    """
    return _journal_flag_frame().copy()


def load_red_flags() -> pd.DataFrame:
    """Return the red flags, one row per red flag, emergencies first.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``red_flag`` (e.g. ``"dvt"``), in priority order (emergencies first,
        then file order). Columns: ``label``, ``urgency`` (ordered categorical:
        emergency < same_day, steps of :func:`load_referral_ladder`), ``refer_to`` (service
        ids, tuple), ``causes`` (tuple of cause ids), ``who``, ``signs`` (tuple),
        ``why_urgent``, ``what_to_do`` (tuple of educational steps, never a dose),
        ``sign_findings`` (findings of :func:`explain_causes` that raise it) and
        ``citations`` (tuple).

    Examples
    --------
    >>> flags = load_red_flags()
    >>> flags.index[:2].tolist()
    ['dvt', 'autonomic_dysreflexia']
    >>> str(flags.loc["fracture", "urgency"])
    'same_day'
    """
    frame = _red_flags_frame()
    order = frame["urgency"].cat.codes.sort_values(kind="stable").index
    return frame.loc[order].copy()


def _format_citation(r: dict) -> str:
    """Vancouver-style: Authors. Title. Journal. Year;Volume:Pages. doi/PMID/PMC/URL."""
    parts = []
    authors = ", ".join(_tuple(r.get("authors")))
    if authors:
        parts.append(authors if authors.endswith(".") else f"{authors}.")
    elif r.get("publisher"):
        parts.append(f"{r['publisher']}.")
    parts.append(f"{_text(r['title']).rstrip('.')}.")
    year = str(r.get("year") or "")
    if r.get("journal"):
        where = year
        if r.get("volume"):
            where += f";{r['volume']}"
        if r.get("pages"):
            where += f":{r['pages']}" if r.get("volume") else f";{r['pages']}"
        parts.append(f"{r['journal']}. {where.lstrip(';')}.".replace(". .", "."))
    elif r.get("publisher") and authors:
        parts.append(f"{r['publisher']}" + (f"; {year}." if year else "."))
    elif year:
        parts.append(f"{year}.")
    for key, prefix in (("doi", "doi:"), ("pmid", "PMID "), ("pmcid", ""), ("url", "")):
        if r.get(key) and not (key == "url" and (r.get("doi") or r.get("pmcid"))):
            parts.append(f"{prefix}{r[key]}")
    return " ".join(parts)


@cache
def _references_frame():
    import pandas as pd

    rows = [
        {
            "key": r["key"],
            "kind": r["kind"],
            "authors": _tuple(r.get("authors")),
            "year": r.get("year"),
            "title": _text(r["title"]),
            "journal": r.get("journal") or "",
            "volume": str(r.get("volume") or ""),
            "pages": str(r.get("pages") or ""),
            "doi": r.get("doi") or "",
            "pmid": str(r.get("pmid") or ""),
            "pmcid": r.get("pmcid") or "",
            "url": r.get("url") or "",
            "publisher": r.get("publisher") or "",
            "note": _text(r.get("note")),
            "citation": _format_citation(r),
        }
        for r in _records()["references"]
    ]
    frame = pd.DataFrame(rows).set_index("key")
    return frame.assign(
        kind=_categorical(frame["kind"], REFERENCE_KINDS, ordered=False),
        year=pd.array(frame["year"].tolist(), dtype="Int64"),
    )


def load_references() -> pd.DataFrame:
    """Return the references cited anywhere in the knowledge base.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``key`` (e.g. ``"siddall2003"``). Columns: ``kind`` (article, review,
        guideline, web_page, book_chapter), ``authors`` (tuple), ``year`` (nullable
        ``Int64``), ``title``, ``journal``, ``volume``, ``pages``, ``doi``, ``pmid``,
        ``pmcid``, ``url``, ``publisher``, ``note`` (what is missing or uncertain) and
        ``citation`` (formatted, one line). Missing text fields are ``""``.

    Examples
    --------
    >>> refs = load_references()
    >>> int(refs.loc["siddall2003", "year"])
    2003
    >>> refs.loc["siddall2003", "citation"]
    'Siddall PJ, McClelland JM, Rutkowski SB, Cousins MJ. A longitudinal study ... Pain. 2003;103:249-257. doi:10.1016/S0304-3959(02)00452-9 PMID 12791431'
    """
    return _references_frame().copy()


def format_citation(key: str) -> str:
    """Return the formatted citation for a reference key.

    Raises
    ------
    UnknownNameError
        If the key is not in ``references.yaml``; suggests close matches.

    Examples
    --------
    >>> format_citation("laughton2009")
    'Laughton GE, et al. Lowering body mass index cutoffs ... Spinal Cord. 2009;47:757-762. https://...'
    """
    frame = _references_frame()
    if key not in frame.index:
        keys = list(frame.index)
        raise UnknownNameError(key, "reference", difflib.get_close_matches(str(key), keys), keys)
    return str(frame.loc[key, "citation"])


@cache
def _findings_frame():
    import pandas as pd

    rows = []
    for r in _records()["findings"]:
        weights = {e["cause"]: int(e["weight"]) for e in r["effects"]}
        rows.append(
            {
                "finding": r["id"],
                "label": r["label"],
                "group": r["group"],
                "supports": tuple(c for c, w in weights.items() if w > 0),
                "argues_against": tuple(c for c, w in weights.items() if w < 0),
                "weights": weights,
                "raises": _tuple(r["raises"]),
                "raises_with": tuple(
                    (item["red_flag"], tuple(item["with"]), _text(item["why"]))
                    for item in (r.get("raises_with") or [])
                ),
                "note": _text(r.get("note")),
                "citations": _tuple(r["citations"]),
            }
        )
    frame = pd.DataFrame(rows).set_index("finding")
    return frame.assign(group=_categorical(frame["group"], FINDING_GROUPS))


def load_findings() -> pd.DataFrame:
    """Return the findings vocabulary of the reasoning aid.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``finding`` (e.g. ``"one_leg_swollen"``). Columns: ``label``, ``group``
        (ordered categorical: quality, location, timing, pattern, sign, context),
        ``supports`` and ``argues_against`` (tuples of cause ids), ``weights`` (dict cause
        id -> weight, -3..3), ``raises`` (tuple of red-flag ids), ``raises_with`` (tuple of
        ``(red_flag, findings, why)``: red flags raised only together with those findings),
        ``note`` (caveats) and ``citations``.

    See Also
    --------
    list_findings : the same, optionally for one group.
    """
    return _findings_frame().copy()


def list_findings(group: str | None = None) -> pd.DataFrame:
    """Return the findings :func:`explain_causes` accepts, optionally for one group.

    Parameters
    ----------
    group : str, optional
        One of ``quality``, ``location``, ``timing``, ``pattern``, ``sign``, ``context``.

    Returns
    -------
    pandas.DataFrame
        As :func:`load_findings`.

    Examples
    --------
    >>> list_findings("sign").loc["one_leg_swollen", "raises"]
    ('dvt',)
    """
    frame = load_findings()
    if group is None:
        return frame
    if group not in FINDING_GROUPS:
        raise UnknownNameError(
            group,
            "finding group",
            difflib.get_close_matches(str(group), FINDING_GROUPS),
            FINDING_GROUPS,
        )
    return frame[frame["group"] == group]


def list_situations() -> pd.DataFrame:
    """Return the situations management cautions are tied to (``situation``, ``label``).

    Examples
    --------
    >>> list_situations().loc["pacemaker", "label"]
    'A pacemaker'
    """
    import pandas as pd

    return pd.DataFrame(
        {"label": list(SITUATIONS.values())}, index=pd.Index(list(SITUATIONS), name="situation")
    )


def __getattr__(name: str):
    if name == "FINDINGS":
        return tuple(_findings_frame().index)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


# -- looking up names -----------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _resolve(name: object, kind: str, lookup: dict[str, str], valid: Iterable[str]) -> str:
    """Return the id for a name, label or alias, or raise UnknownNameError with suggestions."""
    valid = tuple(valid)
    if not isinstance(name, str):
        msg = f"a {kind} must be given as text, got {type(name).__name__}: {name!r}"
        raise TypeError(msg)
    key = _normalise(name)
    if key in lookup:
        return lookup[key]
    candidates = difflib.get_close_matches(key, list(lookup), n=8, cutoff=0.6)
    candidates += [k for k in lookup if len(key) >= 3 and (key in k or k in key)]
    suggestions = list(dict.fromkeys(lookup[c] for c in candidates))[:4]
    raise UnknownNameError(name, kind, suggestions, valid)


@cache
def _cause_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for cid, row in _causes_frame().iterrows():
        for name in (cid, row["label"], row["short_label"], *row["aliases"]):
            lookup.setdefault(_normalise(name), cid)
    return lookup


@cache
def _finding_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for fid, row in _findings_frame().iterrows():
        for name in (fid, row["label"]):
            lookup.setdefault(_normalise(name), fid)
    return lookup


def _situation_lookup() -> dict[str, str]:
    lookup = {_normalise(s): s for s in SITUATIONS}
    for sid, label in SITUATIONS.items():
        lookup.setdefault(_normalise(label), sid)
    return lookup


@dataclass(frozen=True)
class Cause:
    """One cause of leg pain after SCI, as returned by :func:`get_cause`.

    The attributes are the columns of :func:`load_causes` (``id`` is the index value).
    """

    id: str
    label: str
    short_label: str
    aliases: tuple[str, ...]
    iscip_type: str
    iscip_subtype: str
    iscip_note: str
    level: str
    summary: str
    mechanism: str
    descriptors: tuple[str, ...]
    timing: str
    onset_start_days: float
    onset_end_days: float
    peak_start_days: float
    peak_end_days: float
    onset_citations: tuple[str, ...]
    ongoing_risk: bool
    leg_sites: tuple[str, ...]
    body_sites: tuple[str, ...]
    site_note: str
    laterality: str
    risk_factors: tuple[str, ...]
    look_for: tuple[str, ...]
    red_flags: tuple[str, ...]
    referral: str
    refer_to: tuple[str, ...]
    management: tuple[str, ...]
    journal_signature: str
    journal_columns: tuple[str, ...]
    example_journal: str
    is_emergency: bool
    citations: tuple[str, ...]

    def to_markdown(self) -> str:
        """Return a Markdown card: mechanism, features, red flags, management, references."""
        e = _md
        lines = [
            f"### {e(self.label)}",
            "",
            f"*{e(self.summary)}*",
            "",
            e(self.mechanism),
            "",
            f"- **ISCIP category:** {e(str(self.iscip_type))} / {e(str(self.iscip_subtype))}",
            f"- **Typical descriptors:** {e('; '.join(self.descriptors))}",
            f"- **Timing:** {e(self.timing)}",
            f"- **Where:** {e(', '.join(self.leg_sites + self.body_sites))}"
            + (f" ({e(self.site_note)})" if self.site_note else ""),
            f"- **Risk factors:** {e('; '.join(self.risk_factors))}",
            f"- **Look for:** {e('; '.join(self.look_for))}",
            f"- **In a pain journal:** {e(self.journal_signature)}",
        ]
        if self.red_flags:
            flags = _red_flags_frame().loc[list(self.red_flags), "label"]
            lines.append(f"- **Red flags:** {e('; '.join(flags))}")
        step = _referral_frame().loc[self.referral]
        who = ", ".join(SERVICES[w] for w in self.refer_to)
        lines.append(f"- **Referral (without a red flag):** {e(step['label'])}: {e(who)}")
        options = _management_frame().loc[list(self.management), "label"]
        lines.append(f"- **Management options:** {e('; '.join(options))}")
        lines += ["", f"References: {e('; '.join(format_citation(k) for k in self.citations))}"]
        return "\n".join(lines)


def get_cause(name: str) -> Cause:
    """Return one cause by id, label or alias, suggesting close matches on a typo.

    Parameters
    ----------
    name : str
        An id (``"dvt"``), a label (``"Deep vein thrombosis (DVT)"``, case and punctuation
        ignored) or an alias (``"blood clot"``).

    Returns
    -------
    Cause

    Raises
    ------
    UnknownNameError
        A ``KeyError`` and ``ValueError`` listing the valid ids and close matches.

    Examples
    --------
    >>> get_cause("blood clot").label
    'Deep vein thrombosis (DVT)'
    >>> get_cause("neuropathc")
    Traceback (most recent call last):
    ...
    sci_pain.errors.UnknownNameError: unknown cause 'neuropathc'. Did you mean 'neuropathic_at_level' or 'neuropathic_below_level'? ...
    """
    cid = _resolve(name, "cause", _cause_lookup(), _causes_frame().index)
    row = _causes_frame().loc[cid]
    values = {}
    for f in fields(Cause):
        if f.name == "id":
            continue
        value = row[f.name]
        kind = {"str": str, "bool": bool, "float": float}.get(str(f.type))
        values[f.name] = kind(value) if kind else value
    return Cause(id=cid, **values)


def resolve_situations(situation: str | Iterable[str]) -> tuple[str, ...]:
    items = (situation,) if isinstance(situation, str) else tuple(situation)
    lookup = _situation_lookup()
    return tuple(dict.fromkeys(_resolve(s, "situation", lookup, SITUATIONS) for s in items))


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
        For an unknown cause or situation.

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
    options = _management_frame()
    rank = {s: i for i, s in enumerate(CAUTION_SEVERITIES)}
    rows = []
    for mid in _causes_frame().loc[cause_id, "management"]:
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
    return frame.assign(category=_categorical(frame["category"], MANAGEMENT_CATEGORIES))


# -- the reasoning aid ----------------------------------------------------------------------------


def _md(text: object) -> str:
    """Escape text for Markdown (and strip characters that would start HTML)."""
    return re.sub(r"([\\`*_\[\]|<>#])", r"\\\1", str(text))


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
        labels = _findings_frame()["label"]
        return "; ".join(labels[i] for i in ids)

    def to_markdown(self) -> str:
        """Return the result as Markdown: red flags first, then the ranking, then the disclaimer."""
        lines: list[str] = []
        if len(self.red_flags):
            from sci_pain.html import render_red_flags

            lines.append(
                render_red_flags(
                    self, format="text", title="**Red flags: seek medical care**", escape=_md
                ).replace(
                    _md("**Red flags: seek medical care**"), "**Red flags: seek medical care**"
                )
            )
            lines.append("")
        if len(self.ranking):
            steps = _referral_frame()["label"]
            lines.append(
                "| rank | cause | score | supporting findings | findings against | referral |"
            )
            lines.append("|---:|---|---:|---|---|---|")
            for rank, row in self.ranking.iterrows():
                lines.append(
                    f"| {rank} | {_md(row['label'])} | {row['score']:+d} | "
                    f"{_md(self._finding_labels(row['supporting'])) or '-'} | "
                    f"{_md(self._finding_labels(row['against'])) or '-'} | "
                    f"{_md(steps[row['referral']])} |"
                )
        else:
            lines.append("No cause is supported by these findings.")
        lines += ["", f"*{_md(self.disclaimer)}*"]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        parts = ['<div class="sci-pain-explanation">']
        if len(self.red_flags):
            from sci_pain.html import render_red_flags

            parts.append(render_red_flags(self, format="html"))
        if len(self.ranking):
            steps = _referral_frame()["label"]
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
        parts.append(f"<p><em>{e(self.disclaimer)}</em></p></div>")
        return "".join(parts)


def _findings(findings: str | Iterable[str]) -> tuple[str, ...]:
    """Resolve finding ids or labels; report every unknown one at once."""
    items = (findings,) if isinstance(findings, str) else tuple(findings)
    lookup = _finding_lookup()
    valid = tuple(_findings_frame().index)
    ids, unknown = [], []
    for item in items:
        try:
            ids.append(_resolve(item, "finding", lookup, valid))
        except UnknownNameError as exc:
            unknown.append(exc)
    if len(unknown) == 1:
        raise unknown[0]
    if unknown:
        hints = "; ".join(
            f"{e.name!r}"
            + (f" (did you mean {' or '.join(map(repr, e.suggestions))}?)" if e.suggestions else "")
            for e in unknown
        )
        suggestions = [s for e in unknown for s in e.suggestions]
        names = tuple(e.name for e in unknown)
        raise UnknownNameError(
            names, "finding", suggestions, valid, message=f"unknown findings: {hints}."
        )
    return tuple(dict.fromkeys(ids))


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
    import pandas as pd

    ids = _findings(findings)
    table = _findings_frame()
    causes = _causes_frame()

    flags = _red_flags_frame()
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
    order = [f for f in load_red_flags().index if f in raised]
    red_flags = flags.loc[order].assign(raised_by=[tuple(raised[f]) for f in order])
    red_flags = red_flags[
        [
            "label",
            "urgency",
            "refer_to",
            "raised_by",
            "signs",
            "why_urgent",
            "what_to_do",
            "citations",
        ]
    ]

    rows = []
    for position, (cid, cause) in enumerate(causes.iterrows()):
        weights = [(fid, table.loc[fid, "weights"].get(cid, 0)) for fid in ids]
        supporting = tuple(f for f, w in weights if w > 0)
        against = tuple(f for f, w in weights if w < 0)
        if not supporting and not include_all:
            continue
        rows.append(
            {
                "cause": cid,
                "label": cause["label"],
                "score": int(sum(w for _, w in weights)),
                "supporting": supporting,
                "against": against,
                "red_flags": tuple(f for f in order if f in cause["red_flags"]),
                "referral": str(cause["referral"]),
                "is_emergency": bool(cause["is_emergency"]),
                "_n": len(supporting),
                "_pos": position,
            }
        )
    columns = [
        "cause",
        "label",
        "score",
        "supporting",
        "against",
        "red_flags",
        "referral",
        "is_emergency",
    ]
    ranking = pd.DataFrame(rows, columns=[*columns, "_n", "_pos"])
    ranking = ranking.sort_values(
        ["score", "_n", "_pos"], ascending=[False, False, True], kind="stable"
    )[columns].astype({"score": "int64", "is_emergency": "bool"})
    ranking.index = pd.RangeIndex(1, len(ranking) + 1, name="rank")
    return CauseExplanation(findings=ids, red_flags=red_flags, ranking=ranking)
