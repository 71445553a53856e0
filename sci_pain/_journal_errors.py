"""The journal's exception (private module; import it from :mod:`sci_pain.journal`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["JournalError"]


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
