"""Every exception sci_pain raises, and one way to suggest a close match.

Each layer raises its own subclass of :class:`ValueError` (so ``except ValueError`` catches any
user mistake), and each message is written for the person who made it: it names the file, the row
and the column, and what to change. :func:`did_you_mean` builds the "Did you mean ...?" hint that
every look-up by name adds to its message.

Examples
--------
>>> did_you_mean("calff", ["calf", "knee", "thigh"])
" Did you mean 'calf'?"
>>> did_you_mean("xyz", ["calf", "knee"])
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AnalysisError",
    "CaseError",
    "CohortError",
    "CommandError",
    "DateOrderError",
    "GlossaryError",
    "JournalError",
    "KnowledgeError",
    "QuizError",
    "ScoreError",
    "UnknownNameError",
    "close_matches",
    "did_you_mean",
]


def close_matches(word: object, choices: Iterable[object], *, n: int = 3, cutoff: float = 0.6):
    """Return up to `n` of `choices` that look like `word`, best first.

    Parameters
    ----------
    word : object
        What was given (compared as text).
    choices : iterable
        The valid values (compared as text; returned as given).
    n : int, default 3
        At most this many matches.
    cutoff : float, default 0.6
        How alike (0-1) a match must be, as in :func:`difflib.get_close_matches`.

    Returns
    -------
    list
        The close choices, best first (possibly empty).

    Examples
    --------
    >>> close_matches("nigth", ["night", "morning"])
    ['night']
    """
    by_text = {str(choice): choice for choice in choices}
    return [
        by_text[m] for m in difflib.get_close_matches(str(word), list(by_text), n=n, cutoff=cutoff)
    ]


def did_you_mean(
    word: object, choices: Iterable[object], *, n: int = 3, cutoff: float = 0.6, quote: bool = True
) -> str:
    """Return ``" Did you mean 'x' or 'y'?"`` for the close matches of `word`, or ``""``.

    The text starts with a space so that it can be added to the end of any message.

    Parameters
    ----------
    word : object
        What was given.
    choices : iterable
        The valid values.
    n : int, default 3
        At most this many suggestions.
    cutoff : float, default 0.6
        How alike a suggestion must be (see :func:`close_matches`).
    quote : bool, default True
        Put each suggestion in single quotes.

    Returns
    -------
    str
        The hint, or an empty string when nothing is close.

    Examples
    --------
    >>> did_you_mean("evenng", ["evening", "morning"], n=1)
    " Did you mean 'evening'?"
    """
    matches = close_matches(word, choices, n=n, cutoff=cutoff)
    if not matches:
        return ""
    words = [f"'{m}'" if quote else str(m) for m in matches]
    return f" Did you mean {' or '.join(words)}?"


class AnalysisError(ValueError):
    """A journal frame cannot be analysed as asked (a missing column, no data, a bad option).

    Attributes
    ----------
    column : str or None
        The column that was missing or unusable, if any.
    available : tuple of str
        The columns the frame has.
    """

    def __init__(self, message: str, *, column: str | None = None, available=()):
        super().__init__(message)
        self.column = column
        self.available = tuple(available)


class CaseError(ValueError):
    """A case file has problems, or a case name is unknown.

    Attributes
    ----------
    problems : pandas.DataFrame or None
        One row per problem: file, field, value, problem.
    """

    def __init__(self, message: str, problems: pd.DataFrame | None = None):
        super().__init__(message)
        self.problems = problems


class CohortError(ValueError):
    """A cohort could not be built or queried: the message says what to change."""


class CommandError(Exception):
    """A user-facing failure of a subcommand: printed on stderr, exit status 2."""


class GlossaryError(ValueError):
    """A glossary file is malformed; the message names the file, the record and the field."""


class JournalError(ValueError):
    """A journal file, or a frame of journal records, cannot be read at all.

    Faults in single records never raise: they go to ``Journal.problems``. This error is
    for the file as a whole (missing, empty, binary, no header, required columns absent).

    Parameters
    ----------
    message : str
        What is wrong, with the file name and the fix.
    path : str, optional
        The file (or the ``source`` label) concerned.
    problems : pandas.DataFrame, optional
        A problems table (columns row, column, value, problem, kept), when there is one.

    Examples
    --------
    >>> error = JournalError("diary.csv: the file is empty.", path="diary.csv")
    >>> isinstance(error, ValueError), error.path
    (True, 'diary.csv')
    """

    def __init__(
        self, message: str, *, path: str | None = None, problems: pd.DataFrame | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems

    needs_date_order: bool = False
    """True when the dates could be day-first or month-first (see :class:`DateOrderError`)."""


class DateOrderError(JournalError):
    """The dates of a file could be day-first or month-first, or mix the two: choose the order.

    The message says what was found; the attributes let each front end phrase the fix in
    its own words (a notebook, an upload widget, the command line's ``--date-format``).

    Parameters
    ----------
    message : str
        What is wrong, in words for people.
    path : str
        The file (or source label).
    column : str
        The column holding the dates.
    examples : sequence of str
        Dates as written that read differently each way (or, when ``mixed``, one that can
        only be day-first and one that can only be month-first).
    rows : sequence of int
        The spreadsheet row of each example.
    formats : mapping
        ``{"day first": "%d/%m/%Y ...", "month first": "%m/%d/%Y ..."}``: the format that
        reads the file's dates in each order (separator, year and time as written).
    mixed : bool, default False
        True when the file holds dates that can only be day-first *and* dates that can
        only be month-first.

    Examples
    --------
    >>> error = DateOrderError(
    ...     "x.csv: choose the date order.",
    ...     path="x.csv",
    ...     column="timestamp",
    ...     examples=["03/04/2024"],
    ...     rows=[2],
    ...     formats={"day first": "%d/%m/%Y", "month first": "%m/%d/%Y"},
    ... )
    >>> isinstance(error, JournalError), error.needs_date_order, error.formats["day first"]
    (True, True, '%d/%m/%Y')
    """

    needs_date_order = True

    def __init__(
        self,
        message: str,
        *,
        path: str,
        column: str,
        examples: Iterable[str],
        rows: Iterable[int],
        formats: dict[str, str],
        mixed: bool = False,
    ) -> None:
        super().__init__(message, path=path)
        self.column = column
        self.examples = tuple(examples)
        self.rows = tuple(rows)
        self.formats = dict(formats)
        self.mixed = mixed


class KnowledgeError(ValueError):
    """The knowledge-base files have problems.

    Attributes
    ----------
    problems : pandas.DataFrame
        One row per problem with columns :data:`PROBLEM_COLUMNS`.
    """

    def __init__(self, message: str, problems=None):
        super().__init__(message)
        self.problems = problems


class QuizError(ValueError):
    """A quiz file is malformed; the message names the file and the question."""


class ScoreError(ValueError):
    """An answer to a clinical score is missing or out of range.

    Attributes
    ----------
    scale : str
        The score, e.g. ``"Braden"``.
    item : str
        The item (argument name) that was wrong.
    value : object
        What was given.
    valid : tuple
        The valid values (empty when the rule is a range, described in the message).
    """

    def __init__(self, message: str, *, scale: str, item: str, value: object, valid=()):
        super().__init__(message)
        self.scale, self.item, self.value, self.valid = scale, item, value, tuple(valid)


class UnknownNameError(KeyError, ValueError):
    """A cause, finding, situation or reference name that the knowledge base does not know.

    Both a ``KeyError`` (a failed look-up) and a ``ValueError`` (a bad argument), so either
    ``except`` clause catches it.

    Attributes
    ----------
    name : str
        What was asked for.
    kind : str
        ``cause``, ``finding``, ``situation`` or ``reference``.
    suggestions : tuple of str
        Close matches, best first.
    valid : tuple of str
        Every valid id.
    """

    def __init__(
        self,
        name: object,
        kind: str,
        suggestions: Iterable[str],
        valid: Iterable[str],
        *,
        message: str | None = None,
    ):
        self.name = name
        self.kind = kind
        self.suggestions = tuple(suggestions)
        self.valid = tuple(valid)
        hint = (
            f" Did you mean {' or '.join(repr(s) for s in self.suggestions)}?"
            if self.suggestions
            else ""
        )
        msg = message or f"unknown {kind} {name!r}.{hint}"
        super().__init__(f"{msg} Valid {kind}s: {', '.join(self.valid)}.")

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0])
