"""Opening a user's file for the journal reader and the importers (private).

A path or an open file is read with a size limit (:func:`read_bounded`), checked to be
text and decoded to UTF-8 (:func:`decode`), and its delimiter found (:func:`sniff`). The
CSV parsing itself is in :mod:`sci_pain.journal._csv`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sci_pain.errors import JournalError

__all__: list[str] = []

_DELIMITERS = (",", ";", "\t")
_MAGIC = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)
_SAVE_AS_CSV = "open it in a spreadsheet and save it as 'CSV UTF-8 (comma delimited)'"


MAX_BYTES = 512 * 1024 * 1024
"""Largest file the reader accepts (a journal of a million entries is about 80 MB)."""
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


def too_large(source: str, limit: int, what: str) -> JournalError:
    """Return the error for a file larger than any pain diary's `what` would be."""
    msg = (
        f"{source}: is larger than {size_text(limit)}, far more than a {what} of a pain "
        "diary holds; check that it is the right file."
    )
    return JournalError(msg, path=source)


def source_name(path_or_buffer: object, *, unnamed: str = "<buffer>") -> str:
    """Return the name messages give a file or an open file (`unnamed` if it has none)."""
    if isinstance(path_or_buffer, str | os.PathLike):
        return os.fspath(path_or_buffer)
    name = getattr(path_or_buffer, "name", None)
    return str(name) if isinstance(name, str | os.PathLike) and str(name) else unnamed


def existing_file(source: str, *, what: str = "journal file", wanted: str = "a .csv file") -> Path:
    """Return the path of a file that exists; a missing path or a folder is a JournalError.

    Parameters
    ----------
    source : str
        The path as given (messages quote it).
    what : str, default "journal file"
        What the file should be, for the message about a folder.
    wanted : str, default "a .csv file"
        What to pass instead of a folder.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> existing_file(".")
    Traceback (most recent call last):
    ...
    sci_pain.errors.JournalError: .: is a folder, not a journal file. Pass the path of a .csv file.
    """
    path = Path(source)
    if not path.exists():
        msg = (
            f"{source}: no such file. Check the name and the folder "
            f"(relative paths start from {Path.cwd()})."
        )
        raise JournalError(msg, path=source)
    if path.is_dir():
        msg = f"{source}: is a folder, not a {what}. Pass the path of {wanted}."
        raise JournalError(msg, path=source)
    return path


def read_bounded(
    path_or_buffer: object,
    *,
    what: str = "journal file",
    wanted: str = "a .csv file",
    limit: int | None = None,
    text_only: bool = False,
    unnamed: str = "<buffer>",
) -> tuple[bytes, str]:
    """Return the content of a path or an open file, and its name; at most `limit` bytes.

    Every reader of a user's file opens it here, so that a missing path, a folder, a file
    that cannot be opened, an endless stream (``/dev/zero``, a pipe) or a file far too
    large gives the same message, naming the file, and never a traceback.

    Parameters
    ----------
    path_or_buffer : str, path or file
        A path, or an open file in binary or text mode (text is encoded as UTF-8).
    what : str, default "journal file"
        What the file should be, for messages (``"backup file"``).
    wanted : str, default "a .csv file"
        What to pass instead of a folder.
    limit : int, optional
        The most bytes read (default :data:`MAX_BYTES`): a path's size is checked before reading, and a stream is
        refused after ``limit`` bytes, so an endless one costs no more.
    text_only : bool, default False
        Refuse content that starts with NUL bytes (and no UTF-16 byte-order mark or known
        file signature) after its first 64 KB: for readers of text files.
    unnamed : str, default "<buffer>"
        The name messages give an open file that has none (``"<Bearable data>"``).

    Returns
    -------
    (bytes, str)
        The content and the name messages use.

    Raises
    ------
    JournalError
        Missing file, a folder, unreadable, larger than `limit`, or (`text_only`) binary.
    TypeError
        If `path_or_buffer` is neither a path nor an open file.

    Examples
    --------
    >>> import io
    >>> read_bounded(io.BytesIO(b"{}"), limit=10, what="backup file")
    (b'{}', '<buffer>')
    >>> try:
    ...     read_bounded(io.BytesIO(b"x" * 11), limit=10, what="backup file")
    ... except JournalError as error:
    ...     print(error)
    <buffer>: is larger than 10 bytes, far more than a backup file of a pain diary holds; check that it is the right file.
    """
    source = source_name(path_or_buffer, unnamed=unnamed)
    limit = MAX_BYTES if limit is None else limit
    if isinstance(path_or_buffer, str | os.PathLike):
        path = existing_file(source, what=what, wanted=wanted)
        try:
            first = _CHUNK
            if path.is_file():  # its size is known: read it in one piece
                size = path.stat().st_size
                if size > limit:
                    raise too_large(source, limit, what)
                first = size + 1
            with path.open("rb") as handle:
                if text_only and first > _CHUNK:  # (binary is refused from its start)
                    _refuse_binary(handle.read(_CHUNK), source)
                    handle.seek(0)
                return _read_chunks(handle.read, source, limit, what, text_only, first), source
        except OSError as error:
            msg = f"{source}: cannot be opened ({error.strerror or error}). Check its permissions."
            raise JournalError(msg, path=source) from error
    read = getattr(path_or_buffer, "read", None)
    if read is None:
        msg = (
            f"cannot read a {what} from a {type(path_or_buffer).__name__}: pass a file path "
            "or an open file."
        )
        raise TypeError(msg)
    try:
        return _read_chunks(read, source, limit, what, text_only), source
    except JournalError:
        raise
    except (OSError, ValueError) as error:  # a closed file, a decoding error of a text file
        msg = f"{source}: cannot be read ({error})."
        raise JournalError(msg, path=source) from error


def _read_chunks(
    read, source: str, limit: int, what: str, text_only: bool, first: int = _CHUNK
) -> bytes:
    """Read through ``read(n)`` up to `limit` bytes.

    The first chunk is small (`first`: checked early), unless the caller knows the size.
    """
    parts: list[bytes] = []
    size, was_text = 0, None
    while True:
        try:
            chunk = read(first if not parts else 64 * _CHUNK)
        except TypeError:  # a read() that takes no size: it returns everything at once
            chunk = read()
            read = _nothing_after(chunk)
        if not chunk:
            break
        if not isinstance(chunk, str | bytes | bytearray | memoryview):
            msg = f"{source}: reading it gave a {type(chunk).__name__}, not text or bytes."
            raise JournalError(msg, path=source)
        if was_text is None:
            was_text = isinstance(chunk, str)
        if isinstance(chunk, str) != was_text:
            msg = f"{source}: cannot be read (mixed text and bytes)."
            raise JournalError(msg, path=source)
        if was_text:
            chunk = chunk.encode("utf-8", errors="surrogatepass")
        if text_only and not parts:
            _refuse_binary(bytes(chunk[:_CHUNK]), source)
        parts.append(bytes(chunk))
        size += len(chunk)
        if size > limit:
            raise too_large(source, limit, what)
    return b"".join(parts)


def _nothing_after(chunk):
    def read(_n: int = -1):
        return chunk[:0]

    return read


def _refuse_binary(chunk: bytes, source: str) -> None:
    if (
        b"\x00" in chunk
        and chunk[:2] not in (b"\xff\xfe", b"\xfe\xff")
        and not any(chunk.startswith(magic) for magic, _ in _MAGIC)  # named in decode()
    ):
        msg = f"{source}: contains NUL bytes, so it is binary, not a CSV text file; {_SAVE_AS_CSV}."
        raise JournalError(msg, path=source)


def decode(data: bytes, encoding: str | None, source: str):
    """Check the content is text and return (UTF-8 bytes without BOM, "utf-8", label).

    The label names the encoding the file was in. Files in other encodings are transcoded
    to UTF-8 once here, so that the parser always reads UTF-8.
    """
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not body or body.isspace():
        msg = (
            f"{source}: the file is empty. A journal needs a header line "
            "(timestamp,pain,...) and one line per entry."
        )
        raise JournalError(msg, path=source)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            msg = f"{source}: this looks like {what}, not a CSV text file; {_SAVE_AS_CSV}."
            raise JournalError(msg, path=source)
    if encoding is None and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            msg = f"{source}: starts like UTF-16 text but cannot be decoded ({error.reason})."
            raise JournalError(msg, path=source) from error
        return _check_text(_utf8(text), "utf-16", source)
    if encoding is not None:
        return _decode_as(data, encoding, source)
    return _detect(data, body, source)


def _decode_as(data: bytes, encoding: str, source: str):
    """Decode with the encoding the caller named; a wrong or unknown one is a JournalError."""
    try:
        text = data.decode(encoding)
    except LookupError as error:
        msg = (
            f"unknown encoding={encoding!r}; use for example 'utf-8', 'cp1252' or "
            "'latin-1', or leave it out to detect it."
        )
        raise JournalError(msg, path=source) from error
    except UnicodeDecodeError as error:
        msg = (
            f"{source}: cannot be decoded as {encoding} (byte {error.start}: "
            f"{error.reason}); leave encoding= out to detect it, or try 'cp1252'."
        )
        raise JournalError(msg, path=source) from error
    return _check_text(_utf8(text), encoding, source)


def _detect(data: bytes, body: bytes, source: str):
    """Decode as ASCII, UTF-8 (``body`` is `data` without its BOM), Windows-1252 or Latin-1."""
    if b"\x00" in data:
        msg = f"{source}: contains NUL bytes, so it is binary, not a CSV text file; {_SAVE_AS_CSV}."
        raise JournalError(msg, path=source)
    if data.isascii():
        return _check_text(data, "ascii", source, nul_checked=True)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        label = "utf-8-sig" if body is not data else "utf-8"
        return _check_text(body, label, source, nul_checked=True)
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        return _check_text(_utf8(text), fallback, source)
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _utf8(text: str) -> bytes:
    return text.lstrip("\ufeff").encode("utf-8", errors="surrogatepass")


def _check_text(data: bytes, label: str, source: str, *, nul_checked: bool = False):
    """Refuse text with NUL or many control characters (``nul_checked``: no NUL, known)."""
    if not nul_checked and b"\x00" in data:
        msg = f"{source}: contains NUL characters, so it is not a CSV text file; {_SAVE_AS_CSV}."
        raise JournalError(msg, path=source)
    head = data[:4096].decode("utf-8", errors="replace")
    controls = sum(1 for char in head if ord(char) < 32 and char not in "\t\r\n\f")
    if controls > max(8, len(head) // 10):
        msg = f"{source}: is binary or not text (many control characters); {_SAVE_AS_CSV}."
        raise JournalError(msg, path=source)
    return data, "utf-8", label


def _split_header(text: str) -> tuple[str, bool]:
    """Return the first line of the text, and whether it is Excel's ``sep=`` hint line."""
    text = text.lstrip("\ufeff")
    first = re.split(r"\r\n?|\n", text, maxsplit=1)[0]  # "\r" alone ends a line too
    if re.fullmatch(r"sep=.", first):
        return first, True
    return first, False


def sniff(data: bytes, encoding: str, delimiter: str | None, source: str) -> tuple[str, int]:
    """Return (delimiter, lines to skip before the header)."""
    head = data[:65536].decode(encoding, errors="replace")
    line, hint = _split_header(head)
    if delimiter is not None:
        named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
        delimiter = named.get(delimiter.lower(), delimiter) if len(delimiter) > 1 else delimiter
        if len(delimiter) != 1 or delimiter in '\r\n"':
            msg = f"delimiter={delimiter!r} is not a single character; use ',', ';' or '\\t'."
            raise JournalError(msg, path=source)
        return delimiter, int(hint)
    if hint:
        return line[4], 1
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties: comma, then semicolon
    return (best if counts[best] else ","), 0


MAX_COLUMNS = 1000
"""Most columns a journal's header may have (the format has 16; a few more are the user's)."""


def excerpt(text: str, limit: int = 80) -> str:
    """At most ``limit`` characters of a cell, with its size when it is longer.

    An excerpt keeps the size of the whole cell when it is cut again (an importer's excerpt
    passes through the problems table's own limit).

    >>> excerpt("k" * 100_000, 10)
    'kkkkkkkkkk... (100,000 characters)'
    >>> excerpt(excerpt("k" * 100_000, 10), 5)
    'kkkkk... (100,000 characters)'
    """
    if len(text) <= limit:
        return text
    done = _EXCERPT_RE.fullmatch(text)
    if done is not None:  # already an excerpt: keep the size of the whole cell
        return text if len(done[1]) <= limit else f"{done[1][:limit]}... ({done[2]} characters)"
    return f"{text[:limit]}... ({len(text):,} characters)"


_EXCERPT_RE = re.compile(r"(.*)\.\.\. \(((?:\d{1,3})(?:,\d{3})*) characters\)", re.DOTALL)
