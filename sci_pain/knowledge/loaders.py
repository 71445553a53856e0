"""The knowledge base on leg pain after spinal cord injury, loaded as DataFrames and records.

The data live in ``data/knowledge/*.yaml`` (declared by :mod:`sci_pain.knowledge.schema`,
checked by :mod:`sci_pain.knowledge.validate`), each record with its citations. This module
loads them as DataFrames, looks causes, findings and situations up by id, label or alias
(suggesting close matches on a typo) and formats citations. The reasoning aid that ranks
causes for a set of findings lives in :mod:`sci_pain.knowledge.reasoning`.

Examples
--------
>>> import sci_pain as sp
>>> sp.get_cause("Deep vein thrombosis").id
'dvt'
>>> resolve_situations(["A pacemaker", "impaired sensation"])
('pacemaker', 'impaired_sensation')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from sci_pain.errors import KnowledgeError, UnknownNameError, close_matches
from sci_pain.knowledge.records import fold_text, record_attributes, record_class, record_values
from sci_pain.knowledge.schema import (
    CAUSE_FIELDS,
    CAUTION_FIELDS,
    CAUTION_SEVERITIES,
    FINDING_GROUPS,
    ISCIP_SUBTYPES,
    ISCIP_TYPES,
    LATERALITY,
    LEVELS,
    MANAGEMENT_CATEGORIES,
    REFERENCE_KINDS,
    REFERRAL_STEPS,
    SCHEMAS,
    SERVICES,
    SITUATIONS,
    URGENCIES,
)
from sci_pain.knowledge.validate import read_checked_knowledge

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SITUATIONS",
    "Cause",
    "Caution",
    "KnowledgeError",
    "UnknownNameError",
    "escape_markdown",
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
    "resolve_findings",
    "resolve_situations",
]


# -- loading ----------------------------------------------------------------------------------


@cache
def _records() -> dict[str, tuple[dict, ...]]:
    """Return the validated raw records of every file (read once)."""
    records, problems = read_checked_knowledge()  # the files parsed once
    if len(problems):
        lines = "\n".join(
            f"- {p.file}: record {p.record!r}: field {p.field!r}: {p.problem}"
            for p in problems.head(20).itertuples()
        )
        msg = f"the bundled knowledge base has {len(problems)} problem(s):\n{lines}"
        raise KnowledgeError(msg, problems)
    return {name: tuple(items) for name, items in records.items()}


def _tuple(value: object) -> tuple:
    return tuple(value) if isinstance(value, list) else ()


def _categorical(values, categories, *, ordered: bool = True):
    import pandas as pd

    return pd.Categorical(values, categories=list(categories), ordered=ordered)


def _frame(name: str, index: str, **records) -> pd.DataFrame:
    """One row per record of a file, one column per value of its declared fields, indexed by id."""
    import pandas as pd

    fields = SCHEMAS[name].fields
    rows = [record_values(fields, r, records=records) for r in _records()[name]]
    columns = [attribute for attribute, _ in record_attributes(fields)]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.rename(columns={SCHEMAS[name].id_field: index}).set_index(index)


class _CautionMethods:
    def applies_to(self, situation: Iterable[str] = ()) -> bool:
        """Whether the caution applies to a person with these situations."""
        return self.condition == "always" or self.condition in set(situation)

    def __str__(self) -> str:
        label = self.severity.replace("_", " ").capitalize()
        return f"{label}: {self.text}"


Caution = record_class(
    "Caution",
    CAUTION_FIELDS,
    base=_CautionMethods,
    doc="""A caution or contraindication of a management option.

    Its attributes are the fields of a caution in ``management.yaml`` (declared once, in
    :data:`sci_pain.knowledge.schema.CAUTION_FIELDS`).

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
    """,
)


def _caution(record: dict) -> Caution:
    return Caution(**record_values(CAUTION_FIELDS, record))


@cache
def _causes_frame():
    frame = _frame("causes", "cause")
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
    frame = _frame("management", "management", cautions=_caution)
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
    frame = _frame("red_flags", "red_flag")
    return frame.assign(urgency=_categorical(frame["urgency"], URGENCIES))


@cache
def _referral_frame():
    frame = _frame("referral", "step").loc[list(REFERRAL_STEPS)]
    who_labels = [tuple(SERVICES[w] for w in who) for who in frame["who"]]
    frame.insert(frame.columns.get_loc("who") + 1, "who_labels", who_labels)
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
    frame = _frame("journal_flags", "flag")
    high = frame["urgency_at_or_above_T6"]
    return frame.assign(urgency_at_or_above_T6=high.where(high.notna(), frame["urgency"]))


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
    parts.append(f"{fold_text(r['title']).rstrip('.')}.")
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
            "title": fold_text(r["title"]),
            "journal": r.get("journal") or "",
            "volume": str(r.get("volume") or ""),
            "pages": str(r.get("pages") or ""),
            "doi": r.get("doi") or "",
            "pmid": str(r.get("pmid") or ""),
            "pmcid": r.get("pmcid") or "",
            "url": r.get("url") or "",
            "publisher": r.get("publisher") or "",
            "note": fold_text(r.get("note")),
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
        raise UnknownNameError(key, "reference", close_matches(key, keys), keys)
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
                    (item["red_flag"], tuple(item["with"]), fold_text(item["why"]))
                    for item in (r.get("raises_with") or [])
                ),
                "note": fold_text(r.get("note")),
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
            close_matches(group, FINDING_GROUPS),
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
    candidates = close_matches(key, lookup, n=8)
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


def escape_markdown(text: object) -> str:
    r"""Return text escaped for Markdown, without characters that would start HTML.

    Parameters
    ----------
    text : object
        Any value (shown as text).

    Returns
    -------
    str

    Examples
    --------
    >>> print(escape_markdown("*not* <b>bold</b>"))
    \*not\* \<b\>bold\</b\>
    """
    return re.sub(r"([\\`*_\[\]|<>#])", r"\\\1", str(text))


class _CauseCard:
    def to_markdown(self) -> str:
        """Return a Markdown card: mechanism, features, red flags, management, references."""
        e = escape_markdown
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


Cause = record_class(
    "Cause",
    CAUSE_FIELDS,
    base=_CauseCard,
    doc="""One cause of leg pain after SCI, as returned by :func:`get_cause`.

    Its attributes are the fields of ``causes.yaml`` (declared once, in
    :data:`sci_pain.knowledge.schema.CAUSE_FIELDS`) as :func:`load_causes` gives them:
    ``id``, ``label``, ``short_label``, ``aliases``, ..., with the onset and peak windows as
    ``onset_start_days``, ``onset_end_days``, ``peak_start_days`` and ``peak_end_days``.
    ``to_markdown()`` returns a card with the mechanism, features, red flags, referral,
    management options and references.
    """,
)


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
    causes = _causes()
    return causes[_resolve(name, "cause", _cause_lookup(), causes)]


@cache
def _causes() -> dict[str, Cause]:
    return {r["id"]: Cause(**record_values(CAUSE_FIELDS, r)) for r in _records()["causes"]}


def resolve_situations(situation: str | Iterable[str]) -> tuple[str, ...]:
    """Return the situation ids for ids or labels, in the order given, without repeats.

    Parameters
    ----------
    situation : str or iterable of str
        Keys of :data:`SITUATIONS` or their labels (case and punctuation ignored).

    Returns
    -------
    tuple of str
        Keys of :data:`SITUATIONS`.

    Raises
    ------
    UnknownNameError
        For a situation that is not known, with close matches.

    Examples
    --------
    >>> resolve_situations("A pacemaker")
    ('pacemaker',)
    """
    items = (situation,) if isinstance(situation, str) else tuple(situation)
    lookup = _situation_lookup()
    return tuple(dict.fromkeys(_resolve(s, "situation", lookup, SITUATIONS) for s in items))


def resolve_findings(findings: str | Iterable[str]) -> tuple[str, ...]:
    """Return the finding ids for ids or labels, in the order given, without repeats.

    Parameters
    ----------
    findings : str or iterable of str
        Finding ids or labels (see :func:`list_findings`; case and punctuation ignored).

    Returns
    -------
    tuple of str
        Finding ids, the index of :func:`load_findings`.

    Raises
    ------
    UnknownNameError
        Naming every unknown finding at once, each with its close matches.

    Examples
    --------
    >>> resolve_findings(["One leg swollen", "burning", "burning"])
    ('one_leg_swollen', 'burning')
    """
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
