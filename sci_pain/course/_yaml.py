"""Reading a course file (quiz, glossary) whose mistakes are reported as one error type."""

from __future__ import annotations

from pathlib import Path

from sci_pain._resources import load_yaml

__all__ = ["read_yaml"]


def read_yaml(path: str | Path, *, error: type[Exception], what: str) -> object:
    """Return the parsed content of a YAML file, or raise `error` naming the file.

    Parameters
    ----------
    path : str or Path
        The file.
    error : type of Exception
        Raised for a missing file or a YAML syntax error (``QuizError``, ``GlossaryError``).
    what : str
        What the file is, for the message (``"quiz"``, ``"glossary"``).

    Returns
    -------
    object
        What the YAML holds.

    Raises
    ------
    error
        ``"<path>: no such <what> file"`` or ``"<path>: not valid YAML: ..."``.

    Examples
    --------
    >>> read_yaml("nowhere.yaml", error=ValueError, what="quiz")
    Traceback (most recent call last):
    ...
    ValueError: nowhere.yaml: no such quiz file
    """
    import yaml

    source = str(path)
    try:
        return load_yaml(path)
    except FileNotFoundError:
        raise error(f"{source}: no such {what} file") from None
    except yaml.YAMLError as err:
        raise error(f"{source}: not valid YAML: {err}") from None
