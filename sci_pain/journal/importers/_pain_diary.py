"""The Privacy Friendly Pain Diary's vocabulary and the record collector its readers share.

Body regions, conditions, qualities, times of pain and CSV headers, and the collector that the
backup reader and the CSV reader fill.

Private to :mod:`sci_pain.journal.importers.privacy_friendly`, which documents the formats.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple, Union

import pandas as pd

from sci_pain.journal._io import excerpt
from sci_pain.journal.problems import problems_frame
from sci_pain.journal.reader import Journal, journal_from_frame
from sci_pain.journal.schema import PROBLEM_COLUMNS, QUALITIES

PathOrBuffer = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

MAX_BYTES = 16 * 1024 * 1024
"""Largest backup or CSV export read: ten years of daily entries take about 2 MB."""

MAX_REGION_CODES = 64  # the app has 44 regions; a longer list is cut and reported
APP = "Privacy Friendly Pain Diary"


class BodyRegion(NamedTuple):
    """One of the app's body regions and what the journal makes of it.

    Attributes
    ----------
    code : int
        The integer stored in ``paindescriptions.bodyRegions``.
    name : str
        The app's name for it (``KNEE_LEFT``), as the CSV export writes it.
    picture : str
        ``"front"`` or ``"back"``: which body picture it was tapped on.
    site : str or None
        The journal's ``site``, or None for a region that is not on the leg.
    side : str or None
        The person's side (``"left"``/``"right"``) for a leg region, or None.
    """

    code: int
    name: str
    picture: str
    site: str | None
    side: str | None


_REGION_PARTS = (
    # (app name stem, journal site or None); codes 0-21 front, 22-43 back, left before right
    ("ABDOMEN", None),
    ("GROIN", None),
    ("THIGH", "thigh"),
    ("KNEE", "knee"),
    ("LOWER_LEG", "calf"),
    ("FOOT", "foot"),
    ("CHEST", None),
    ("NECK", None),
    ("HEAD", None),
    ("UPPER_ARM", None),
    ("LOWER_ARM", None),
    ("HAND", None),
)


def _body_regions() -> dict[int, BodyRegion]:
    regions: dict[int, BodyRegion] = {}
    for picture, offset, suffix in (("front", 0, ""), ("back", 22, "_BACK")):
        code = offset
        for stem, site in _REGION_PARTS:
            halves = ("",) if stem in ("NECK", "HEAD") else ("_LEFT", "_RIGHT")
            for half in halves:
                side = None
                if site is not None:
                    # the picture's left half is the person's right on the front picture
                    # (it faces the viewer) and the person's left on the back picture
                    person_left = (half == "_LEFT") == (picture == "back")
                    side = "left" if person_left else "right"
                regions[code] = BodyRegion(code, f"{stem}{half}{suffix}", picture, site, side)
                code += 1
    return regions


BODY_REGIONS: dict[int, BodyRegion] = _body_regions()
"""The app's 44 body-region codes (``BodyRegion.java``) and how the journal reads them.

Codes 0-21 are on the front picture, 22-43 on the back one, in the app's order: abdomen,
groin, thigh, knee, lower leg, foot, chest (each left then right half of the picture), neck,
head, upper arm, lower arm, hand. Leg regions give the journal's ``site`` (thigh, knee,
foot, and ``calf`` for the lower leg, the journal's site between knee and ankle) and the
person's ``side``: the picture's left half is the person's right on the front picture and
the person's left on the back picture. Abdomen, groin, chest, neck, head, arms and hands are
not leg sites.

Examples
--------
>>> BODY_REGIONS[6]
BodyRegion(code=6, name='KNEE_LEFT', picture='front', site='knee', side='right')
>>> BODY_REGIONS[30]
BodyRegion(code=30, name='LOWER_LEG_LEFT_BACK', picture='back', site='calf', side='left')
>>> BODY_REGIONS[15].name, BODY_REGIONS[15].site
('HEAD', None)
"""

REGION_BY_NAME = {r.name: r for r in BODY_REGIONS.values()}

CONDITIONS: dict[int, str] = {0: "very bad", 1: "bad", 2: "okay", 3: "good", 4: "very good"}
"""The app's ``condition`` (how the person felt, ``Condition.java``): code -> words."""

CONDITION_BY_NAME = {words.upper().replace(" ", "_"): words for words in CONDITIONS.values()}

PAIN_QUALITIES: dict[str, str | None] = {
    "stabbing": "stabbing",
    "dull": None,
    "shooting": "shooting",
    "burning": "burning",
    "throbbing": "throbbing",
}
"""The app's pain words (``PainQuality.java``) -> the journal's ``quality`` (None: no match).

"Dull" is not "aching" (pain questionnaires such as the McGill list them as different
words), so it is reported rather than converted.
"""

TIMES_OF_PAIN: tuple[str, ...] = ("all day", "morning", "afternoon", "evening", "at night")
"""The app's times of the pain (``Time.java``), as stored and exported."""

CSV_HEADERS: dict[str, tuple[str, ...]] = {
    "English": (
        "Date",
        "Condition:",
        "Pain Intensity: (0-10)",
        "Location of the pain:",
        "Nature of the pain:",
        "Time of the pain:",
        "Medication taken:",
        "Comments:",
    ),
    "German": (
        "Datum",
        "Gemütszustand:",
        "Schmerzintensität: (0-10)",
        "Position der Schmerzen:",
        "Schmerzcharakter:",
        "Zeitpunkt der Schmerzen:",
        "Eingenommene Medikamente:",
        "Anmerkungen:",
    ),
}
"""The CSV export's header in the app's two languages (``res/values*/strings.xml``)."""

EXTRA_NOTES = {
    "condition": (
        "the app's condition (how the person felt: very bad, bad, okay, good, very good) has "
        "no journal column; kept as text"
    ),
    "times_of_pain": (
        "the app's time of the pain (all day, morning, afternoon, evening, at night) has no "
        "journal column (the app keeps one entry per day); kept as text"
    ),
    "medication_taken": (
        "the medicines and how many were taken (morning, noon, evening, night), as entered in "
        "the app; kept as text, and entries with a medicine taken have 'medication' in "
        "interventions"
    ),
}
SIDE_NOTE = (
    "the app stores which half of its body picture was tapped: on the front picture the "
    "picture's left half is the person's right leg, on the back picture the person's left; "
    "sides are read that way (check with the person when a side matters)"
)


# ---------------------------------------------------------------------------------------------
# what was found: records for the validator, and problems
# ---------------------------------------------------------------------------------------------


@dataclass
class Found:
    source: str
    records: list[dict[str, Any]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    notes: list[tuple[str | None, str, str]] = field(default_factory=list)  # row-1 notes
    sided: bool = False

    def report(self, row: int, column: str | None, value: Any, problem: str, *, kept: bool):
        text = "" if value is None else excerpt(str(value), 200)
        self.problems.append(
            {"row": row, "column": column, "value": text, "problem": problem, "kept": kept}
        )

    def note(self, column: str | None, value: str, problem: str) -> None:
        self.notes.append((column, value, problem))


KEPT_COLUMNS = ("timestamp", "pain", "side", "site", "quality", "interventions", "notes")


def found_journal(found: Found, *, date_format: str | None) -> Journal:
    extras = [c for c in EXTRA_NOTES if any(r.get(c) for r in found.records)]
    columns = [*KEPT_COLUMNS, *extras]
    raw = pd.DataFrame(
        [[record.get(c) for c in columns] for record in found.records],
        columns=columns,
        dtype=object,
    )
    problems = problems_frame([[p[c] for c in PROBLEM_COLUMNS] for p in found.problems])
    journal = journal_from_frame(
        raw,
        source=found.source,
        rows=found.rows,
        extra_problems=problems,
        date_format=date_format,
    )
    # the validator calls extra columns "unknown": say what they are instead
    table = journal.problems
    generic = (table["row"] == 1) & table["column"].isin(extras)
    notes = [(c, "", EXTRA_NOTES[c]) for c in extras]
    if found.sided:
        notes.append(("side", "", SIDE_NOTE))
    notes += found.notes
    mine = problems_frame([(1, c, v or None, p, True) for c, v, p in notes])
    merged = pd.concat([mine, table[~generic]], ignore_index=True)
    merged = merged.sort_values("row", kind="stable", ignore_index=True)
    return Journal(
        entries=journal.entries,
        problems=problems_frame(merged.to_dict("records")),
        source=journal.source,
        encoding=journal.encoding,
    )


# ---------------------------------------------------------------------------------------------
# the shared meaning of a diary entry's fields
# ---------------------------------------------------------------------------------------------


def regions_text(
    found: Found, row: int, regions: list[BodyRegion]
) -> tuple[str | None, str | None]:
    """Return the site and side of an entry's regions; reports what does not map."""
    legs = [r for r in regions if r.site is not None]
    others = [r.name for r in regions if r.site is None]
    if others:
        found.report(
            row,
            "site",
            ", ".join(others),
            "not on the leg (the journal records leg pain): not read as a site",
            kept=True,
        )
    sites = list(dict.fromkeys(r.site for r in legs))
    site = sites[0] if len(sites) == 1 else None
    if len(sites) > 1:
        found.report(
            row,
            "site",
            ", ".join(r.name for r in legs),
            f"several leg sites ({', '.join(sites)}): the journal holds one site per entry, "
            "so site is left empty",
            kept=True,
        )
    sides = {r.side for r in legs if r.side}
    side = None
    if sides:
        found.sided = True
        side = "both" if len(sides) > 1 else sides.pop()
    return site, side


def _known_words(found: Found, row: int, words: list[str], column: str, known, what: str):
    """Yield ``(word, key)`` for each of the app's words in `known`; report the others.

    Each unknown word is a problem on its row and `column` (kept: the entry is read without
    it), listing the app's `what`; empty words are skipped.
    """
    for word in words:
        key = word.strip().casefold()
        if not key:
            continue
        if key in known:
            yield word, key
        else:
            found.report(
                row,
                column,
                word,
                f"not one of the app's {what} ({', '.join(known)}); left out",
                kept=True,
            )


def quality_text(found: Found, row: int, words: list[str]) -> str | None:
    out = []
    for word, key in _known_words(found, row, words, "quality", PAIN_QUALITIES, "pain words"):
        if PAIN_QUALITIES[key] is not None:
            out.append(PAIN_QUALITIES[key])
        else:
            found.report(
                row,
                "quality",
                word,
                f"the app's {word!r} has no match among the journal's descriptors "
                f"({', '.join(QUALITIES)}); left out",
                kept=True,
            )
    return ";".join(dict.fromkeys(out)) or None


def times_text(found: Found, row: int, words: list[str]) -> str | None:
    known = _known_words(found, row, words, "times_of_pain", TIMES_OF_PAIN, "times of the pain")
    return "; ".join(dict.fromkeys(key for _, key in known)) or None


def count(value: Any) -> int | None:
    """Read a medicine count (JSON number or text); None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,9}\s*", value, re.ASCII):
        return int(value)
    return None


def intake_text(name: str, dose: str, counts: Sequence[int | None]) -> str:
    label = " ".join(p for p in (name.strip(), dose.strip()) if p) or "a medicine (no name)"
    parts = [
        f"{when} {n}"
        for when, n in zip(("morning", "noon", "evening", "night"), counts, strict=True)
        if n
    ]
    return f"{label}: {', '.join(parts) if parts else 'none taken'}"
