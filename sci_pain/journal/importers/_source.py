"""Reading an export's bytes with a bound on the work: a size cap, clear errors, no traceback.

Examples
--------
>>> import io
>>> read_limited(io.BytesIO(b"{}"), limit=10, what="backup file")
(b'{}', '<buffer>')
>>> from sci_pain.errors import JournalError
>>> try:
...     read_limited(io.BytesIO(b"x" * 11), limit=10, what="backup file")
... except JournalError as error:
...     print(error)
<buffer>: is larger than 10 bytes, far more than a backup file of a pain diary holds; check that it is the right file.
"""

from __future__ import annotations

import os

from sci_pain.errors import JournalError
from sci_pain.journal._io import existing_file

__all__ = ["read_limited", "source_label", "size_text"]

_CHUNK = 1 << 16


def size_text(n: int) -> str:
    """Write a byte count for people: ``512 MB``, ``64 KB``, ``10 bytes``.

    >>> size_text(512 * 1024 * 1024), size_text(2048), size_text(10)
    ('512 MB', '2 KB', '10 bytes')
    """
    if n >= 1024 * 1024:
        return f"{n // (1024 * 1024):,} MB"
    if n >= 1024:
        return f"{n // 1024:,} KB"
    return f"{n} bytes"


def source_label(path_or_buffer: object) -> str:
    """Return the name messages give a file or an open file (``<buffer>`` if none)."""
    if isinstance(path_or_buffer, str | os.PathLike):
        return os.fspath(path_or_buffer)
    name = getattr(path_or_buffer, "name", None)
    return str(name) if isinstance(name, str | os.PathLike) and str(name) else "<buffer>"


def _too_large(name: str, limit: int, what: str) -> JournalError:
    msg = (
        f"{name}: is larger than {size_text(limit)}, far more than a {what} of a pain diary "
        "holds; check that it is the right file."
    )
    return JournalError(msg, path=name)


def read_limited(path_or_buffer: object, *, limit: int, what: str) -> tuple[bytes, str]:
    """Return the content of a path or an open file, refusing more than ``limit`` bytes.

    Parameters
    ----------
    path_or_buffer : str, path or file
        A path, or an open file in binary or text mode (text is encoded as UTF-8).
    limit : int
        The most bytes read; a larger source raises after ``limit + 1`` bytes at most
        (a path's size is checked before reading), so an endless stream costs no more.
    what : str
        What the file should be (``"backup file"``), for messages.

    Returns
    -------
    (bytes, str)
        The content and the name messages use.

    Raises
    ------
    JournalError
        Missing file, a folder, unreadable, or larger than ``limit``.
    TypeError
        If ``path_or_buffer`` is neither a path nor an open file.
    """
    name = source_label(path_or_buffer)
    if isinstance(path_or_buffer, str | os.PathLike):
        path = existing_file(name, what=what, wanted=f"the {what} itself")
        try:
            if path.is_file() and path.stat().st_size > limit:
                raise _too_large(name, limit, what)
            with path.open("rb") as handle:
                return _read_stream(handle.read, name, limit, what), name
        except OSError as error:
            msg = f"{name}: cannot be opened ({error.strerror or error}). Check its permissions."
            raise JournalError(msg, path=name) from error
    read = getattr(path_or_buffer, "read", None)
    if read is None:
        msg = (
            f"cannot read a {what} from a {type(path_or_buffer).__name__}: pass a path (str or "
            "pathlib.Path) or an open file."
        )
        raise TypeError(msg)
    try:
        return _read_stream(read, name, limit, what), name
    except (OSError, UnicodeError) as error:
        msg = f"{name}: cannot be read ({error})."
        raise JournalError(msg, path=name) from error


def _read_stream(read, name: str, limit: int, what: str) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = read(_CHUNK)
        except TypeError:  # a read() that takes no size
            chunk = read()
            read = _empty_after(chunk)
        if not chunk:
            break
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", errors="surrogatepass")
        parts.append(bytes(chunk))
        size += len(chunk)
        if size > limit:
            raise _too_large(name, limit, what)
    return b"".join(parts)


def _empty_after(chunk):
    def read(_n: int = -1):
        return chunk[:0]

    return read
