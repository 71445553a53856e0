"""The ``sci-pain`` command line (also ``python -m sci_pain``).

Two subcommands:

- ``sci-pain validate FILE``: read a pain-journal CSV, print a summary and the problems table.
  Exit status ``0`` (:data:`EXIT_OK`) when every record is clean, ``1``
  (:data:`EXIT_PROBLEMS`) when some records have problems, ``2`` (:data:`EXIT_UNREADABLE`) when
  the file cannot be read.
- ``sci-pain report FILE -o OUT``: write the clinic report
  (:func:`~sci_pain.html.report.write_report`'s page) to ``OUT``, with progress on standard
  error. Exit status ``0`` when the report was written, even if some records had problems
  (they are listed in it); ``2`` when the file cannot be read or the report not written. An
  existing ``OUT`` is replaced only with ``--force``, the journal never.

In both, a :class:`~sci_pain.journal.reader.JournalError`, a :class:`CommandError` or an
:class:`OSError` raised by a subcommand becomes a one-line message on stderr and status 2,
never a traceback. Text from the file is printed through :func:`safe_text`.

Each subcommand is an entry of :data:`SUBCOMMANDS`, a :class:`Subcommand`: a function that
adds its arguments to an :mod:`argparse` parser and a function that runs it and returns the
exit status, added with :func:`register` (see ``validate`` and ``report`` below).

Examples
--------
>>> main(["validate", "no-such-file.csv"])
2
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sci_pain.errors import CommandError, JournalError

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_UNREADABLE",
    "CommandError",
    "Subcommand",
    "SUBCOMMANDS",
    "register",
    "build_parser",
    "main",
    "safe_text",
    "write_private",
    "check_date_format",
    "DATE_ORDER_OPTIONS",
]

EXIT_OK = 0
"""Every record is clean."""
EXIT_PROBLEMS = 1
"""Some records have problems (listed in the problems table)."""
EXIT_UNREADABLE = 2
"""The file cannot be read at all, or the command line is wrong."""

PROG = "sci-pain"


@dataclass(frozen=True)
class Subcommand:
    """One ``sci-pain`` subcommand.

    Attributes
    ----------
    name : str
        What the user types (``validate``).
    help : str
        One line for ``sci-pain --help``.
    configure : callable
        ``configure(parser)`` adds the subcommand's arguments.
    run : callable
        ``run(args) -> int`` does the work and returns the exit status.
    description : str
        Longer text for ``sci-pain NAME --help`` (defaults to ``help``).
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str = ""


SUBCOMMANDS: dict[str, Subcommand] = {}
"""Registered subcommands by name, in the order ``--help`` lists them."""


def register(subcommand: Subcommand) -> Subcommand:
    """Add (or replace) a subcommand; returns it."""
    SUBCOMMANDS[subcommand.name] = subcommand
    return subcommand


# -- printing what a file holds ----------------------------------------------------------------

# C0 controls but tab and line feed, DEL, C1 controls, and the Unicode marks that reorder
# or hide text on a terminal (bidi embeddings, overrides and isolates, zero-width marks).
_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]"
)


def safe_text(text: str) -> str:
    r"""Make text from a file safe to print on a terminal.

    Terminal control characters (escape sequences that recolour, move the cursor or set the
    window title) and the Unicode controls that reverse or hide text (bidi overrides) are
    shown as ``\x1b``, ``\u202e``, ... instead of acting.

    >>> safe_text("pain\x1b[2Jgone \u202eevil")
    'pain\\x1b[2Jgone \\u202eevil'
    """
    return _UNSAFE_RE.sub(_escaped, text)


def _escaped(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# -- validate --------------------------------------------------------------------------------


def _column_mapping(items: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        header, sep, name = item.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            msg = f"--column expects HEADER=NAME (e.g. 'Pain level=pain'), got {item!r}"
            raise CommandError(msg)
        mapping[header.strip()] = name.strip()
    return mapping


DATE_ORDER_OPTIONS = {
    "day-first": "day first",
    "month-first": "month first",
    "year-first": "year first",
}
"""``--date-order`` choices, and the ``date_order`` each passes to the readers."""


def _add_date_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date-order",
        choices=list(DATE_ORDER_OPTIONS),
        help="how the dates are written when they could be read either way: day-first "
        "(31/12/2024), month-first (12/31/2024) or year-first (2024-12-31)",
    )
    parser.add_argument(
        "--date-format",
        metavar="F",
        help="the exact form of the dates, e.g. '%%d/%%m/%%Y %%H:%%M' (strptime codes)",
    )


_DAY, _MONTH, _YEAR = ("%d", "%j"), ("%m", "%b", "%B"), ("%Y", "%y")


def check_date_format(text: str | None) -> str | None:
    """Return a ``--date-format`` that reads dates, or raise a CommandError saying why not.

    Parameters
    ----------
    text : str or None
        As given on the command line.

    Returns
    -------
    str or None

    Raises
    ------
    CommandError
        When it has a code strptime does not know, or does not give the day, month and year.

    Examples
    --------
    >>> check_date_format("%d/%m/%Y %H:%M")
    '%d/%m/%Y %H:%M'
    >>> check_date_format("%d/%m")
    Traceback (most recent call last):
    ...
    sci_pain.errors.CommandError: --date-format '%d/%m' does not say the year (%Y or %y); e.g. --date-format '%d/%m/%Y %H:%M'
    """
    import datetime as dt

    if text is None:
        return None
    example = "e.g. --date-format '%d/%m/%Y %H:%M'"
    try:
        sample = dt.datetime(2026, 3, 31, 20, 5)
        dt.datetime.strptime(sample.strftime(text), text)
    except ValueError as error:
        msg = f"--date-format {text!r} is not a date format ({error}); {example}"
        raise CommandError(msg) from None
    for what, codes in (("day", _DAY), ("month", _MONTH), ("year", _YEAR)):
        if not any(code in text for code in codes):
            msg = (
                f"--date-format {text!r} does not say the {what} ({' or '.join(codes)}); {example}"
            )
            raise CommandError(msg)
    return text


def _date_order_hint(error) -> str:
    """Say how the command line takes the order of dates that could be read both ways.

    Added to the reader's message, which says what was found (the column, example dates and,
    for mixed orders, the rows that disagree) in words for people.
    """
    from sci_pain.journal import strptime_format

    examples = getattr(error, "examples", ()) or ("03/04/2026",)
    formats = getattr(error, "formats", None) or {}
    day = formats.get("day first") or strptime_format(examples[0], "day first")
    month = formats.get("month first") or strptime_format(examples[0], "month first")
    exact = (
        f"--date-format '{day}' (day-first) or --date-format '{month}' (month-first)"
        if day and month
        else "--date-format '%d/%m/%Y %H:%M' (day-first)"
    )
    if getattr(error, "mixed", False):
        return (
            " On the command line, say which order most rows use: --date-order day-first or "
            f"--date-order month-first (or {exact}); the other rows are then reported."
        )
    return (
        " On the command line: --date-order day-first (31/12/2024) or --date-order "
        f"month-first (12/31/2024), or give the exact form: {exact}."
    )


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the journal CSV or .xlsx file ('-' reads standard input)")
    _add_date_options(parser)
    parser.add_argument("--delimiter", metavar="D", help="field separator (default: detected)")
    parser.add_argument("--encoding", metavar="E", help="text encoding (default: detected)")
    parser.add_argument(
        "--column",
        "-c",
        action="append",
        default=[],
        metavar="HEADER=NAME",
        help="map a header onto a journal column, e.g. -c 'Pain level=pain' (repeatable)",
    )
    parser.add_argument(
        "--max-problems",
        type=int,
        default=100,
        metavar="N",
        help="show at most N problems (default 100; 0 shows all)",
    )


def problems_table(problems, *, max_rows: int | None = None) -> str:
    """Write the problems table as plain text (row, column, value, kept, problem).

    Parameters
    ----------
    problems : pandas.DataFrame
        ``Journal.problems``.
    max_rows : int, optional
        Show at most this many (a last line says how many more there are).

    Returns
    -------
    str
    """
    shown = problems if not max_rows else problems.head(max_rows)
    header = ("row", "column", "value", "kept", "problem")
    lines = [header]
    for row, column, value, kept, problem in zip(
        shown["row"],
        shown["column"].astype(object),
        shown["value"].astype(object),
        shown["kept"],
        shown["problem"],
        strict=True,
    ):
        lines.append(
            (
                str(row),
                "" if _missing(column) else safe_text(str(column)),
                "" if _missing(value) else safe_text(_short(str(value))),
                "yes" if kept else "no",
                safe_text(str(problem)),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    text = "\n".join(
        "  ".join(
            [
                line[0].rjust(widths[0]),
                *(cell.ljust(w) for cell, w in zip(line[1:4], widths[1:4], strict=True)),
            ]
            + [line[4]]
        )
        for line in lines
    )
    if max_rows and len(problems) > max_rows:
        text += f"\n... and {len(problems) - max_rows} more (use --max-problems 0 to see all)"
    return text


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _short(value: str, width: int = 30) -> str:
    value = value.replace("\r", "\\r").replace("\n", "\\n")
    return value if len(value) <= width else value[: width - 3] + "..."


def _is_workbook(source) -> bool:
    """Whether a path or an in-memory file starts like an .xlsx workbook (a zip archive)."""
    if isinstance(source, io.BytesIO):
        return source.getvalue()[:4] == b"PK\x03\x04"
    try:
        with Path(source).open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # the reader says what is wrong with the path


def _read(source, *, date_order: str | None = None, **options):
    """Read a journal from a CSV file or an .xlsx workbook (told apart by its first bytes)."""
    from sci_pain.journal import read_journal, read_journal_xlsx

    options["date_format"] = check_date_format(options.get("date_format"))
    order = DATE_ORDER_OPTIONS.get(date_order) if date_order else None
    if _is_workbook(source):
        return read_journal_xlsx(
            source,
            columns=options.get("columns"),
            date_format=options.get("date_format"),
            date_order=order,
        )
    return read_journal(source, date_order=order, **options)


def _run_validate(args: argparse.Namespace) -> int:
    source = args.file
    if args.file == "-":
        source = io.BytesIO(sys.stdin.buffer.read())
        source.name = "<stdin>"
    journal = _read(
        source,
        columns=_column_mapping(args.column) or None,
        date_format=args.date_format,
        date_order=args.date_order,
        encoding=args.encoding,
        delimiter=args.delimiter,
    )
    print(safe_text(journal.summary()))
    if len(journal.problems):
        print()
        print(problems_table(journal.problems, max_rows=max(args.max_problems, 0)))
    return EXIT_OK if journal.is_clean else EXIT_PROBLEMS


register(
    Subcommand(
        "validate",
        "check a pain-journal CSV (or .xlsx workbook) and list its problems",
        _configure_validate,
        _run_validate,
        description=(
            "Read a pain-journal CSV (or .xlsx workbook), print a summary and the problems "
            "table. Exit status: "
            "0 when every record is clean, 1 when some records have problems, 2 when the "
            "file cannot be read."
        ),
    )
)


# -- report ----------------------------------------------------------------------------------


def _configure_report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the journal CSV or .xlsx file ('-' reads standard input)")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the HTML file to write"
    )
    _add_date_options(parser)
    parser.add_argument(
        "--level",
        metavar="LEVEL",
        default=None,
        help=(
            "neurological level of injury, e.g. C5, T6, T10, or 'unknown' (the default: the "
            "report then states that the risk of autonomic dysreflexia was not assessed)"
        ),
    )
    parser.add_argument(
        "--t6",
        action="store_true",
        help="the injury is at T6 or above (same as --level at_or_above_T6)",
    )
    parser.add_argument("--title", help="the report's title (default: 'Pain journal report')")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace OUT if it exists (never the journal itself; a link at OUT is replaced, "
        "not followed)",
    )


def _check_output(output: str, journal_file: str, *, force: bool) -> Path:
    """Check the report's target: refuse it when writing could lose or expose something."""
    target = Path(output)
    folder = target.parent
    if not folder.is_dir():
        msg = f"cannot write {output}: the folder {folder} does not exist"
        raise CommandError(msg)
    if journal_file != "-":
        source = Path(journal_file)
        same = target.resolve() == source.resolve()
        with contextlib.suppress(OSError):
            same = same or (target.exists() and os.path.samefile(target, source))
        if same:
            msg = (
                f"will not write the report over its own journal {journal_file}; choose another -o"
            )
            raise CommandError(msg)
    if os.path.lexists(target):
        if target.is_dir() and not target.is_symlink():
            msg = f"cannot write {output}: it is a folder"
            raise CommandError(msg)
        if not force:
            what = "a link" if target.is_symlink() else "a file"
            msg = (
                f"{output} already exists ({what}); choose another name, or pass --force to "
                "replace it"
            )
            raise CommandError(msg)
    return target


def write_private(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` atomically, readable only by the user (mode 0600).

    The text goes to a temporary file in the same folder (created 0600), which is then
    renamed over ``target``: a reader never sees half a file, an interrupted run leaves
    the old file, and a symbolic link at ``target`` is replaced, not followed.
    """
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _run_report(args: argparse.Namespace) -> int:
    # One report, then the process ends: the garbage collector's passes over every object
    # imported (pandas, and matplotlib in the drawing processes, which inherit this) cost a
    # fifth of the run and free next to nothing, so they wait until the report is written.
    collecting = gc.isenabled()
    gc.disable()
    # Four processes share the machine's cores (this one, two drawing, one for the links),
    # and the numbers are small: OpenBLAS's own threads, started when NumPy is imported,
    # would only spin (a tenth of a second of CPU per process), so it gets one thread unless
    # the user chose otherwise. Only possible before NumPy is imported (as from the command).
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        return _write_the_report(args)
    finally:
        if collecting:
            gc.enable()


def _write_the_report(args: argparse.Namespace) -> int:
    from sci_pain.html import start_drawing

    target = _check_output(args.output, args.file, force=args.force)
    # The process that draws the figures starts as soon as pandas is imported (both need it,
    # and imported once it is shared): it imports matplotlib and the plotting modules on the
    # other core while this one reads the journal and computes the analyses. Started any
    # earlier, it would import pandas a second time, which costs more than it gains.
    import pandas  # noqa: F401

    drawing = start_drawing()
    try:
        return _read_and_report(args, target, drawing)
    except BaseException:
        if drawing is not None:
            drawing.close()
        raise


def _read_and_report(args: argparse.Namespace, target: Path, drawing) -> int:
    from sci_pain.analysis import AnalysisError
    from sci_pain.html import REPORT_STAGES, report_html

    total = len(REPORT_STAGES) + 1

    def progress(done: int, _total: int, message: str) -> None:
        if done < _total:
            print(f"[{done + 2}/{total}] {message}", file=sys.stderr, flush=True)

    print(f"[1/{total}] Reading the journal", file=sys.stderr, flush=True)
    source = args.file
    if args.file == "-":
        source = io.BytesIO(sys.stdin.buffer.read())
        source.name = "<stdin>"
    journal = _read(source, date_format=args.date_format, date_order=args.date_order)
    try:
        page = report_html(
            journal,
            title=args.title,
            injury_level=args.level or ("at_or_above_T6" if args.t6 else "unknown"),
            progress=progress,
            parallel=True,  # the links in a child process
            drawing=drawing,  # the figures in the ones started above
        )
    except AnalysisError as error:
        raise CommandError(f"the report could not be made: {error}") from None
    _check_output(args.output, args.file, force=args.force)  # nothing appeared meanwhile
    write_private(target, page)
    print(safe_text(journal.summary()))
    print(safe_text(f"wrote {target} ({target.stat().st_size / 1024:.0f} KB)"))
    return EXIT_OK


register(
    Subcommand(
        "report",
        "write a self-contained HTML report of a pain journal for a clinic visit",
        _configure_report,
        _run_report,
        description=(
            "Read a pain-journal CSV and write one self-contained HTML page (figures "
            "embedded, no scripts, nothing fetched) that a person could take to a clinic "
            "visit: the period, trend, patterns, red flags, interventions and the problems "
            "found when reading. Not a diagnosis. Progress goes to standard error. Exit "
            "status: 0 when the report was written (even if some records had problems: they "
            "are listed in it), 2 when the file cannot be read or the report not written. An "
            "existing OUT is never replaced without --force, the journal itself never; the "
            "report is written to a temporary file renamed into place, readable only by you."
        ),
    )
)


# -- entry point -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered subcommand."""
    from sci_pain import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Pain journals for teaching: leg pain after spinal cord injury.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for subcommand in SUBCOMMANDS.values():
        sub = subparsers.add_parser(
            subcommand.name,
            help=subcommand.help,
            description=subcommand.description or subcommand.help,
        )
        subcommand.configure(sub)
        sub.set_defaults(_run=subcommand.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sci-pain`` with ``argv`` (default: the process arguments); return the status.

    Parameters
    ----------
    argv : sequence of str, optional

    Returns
    -------
    int
        0, 1 or 2 (see the module docstring).
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version (0) or a usage error (2)
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_UNREADABLE
    try:
        return int(args._run(args))
    except (JournalError, CommandError, OSError) as error:
        message = f"{PROG} {args.command}: error: {error}"
        if getattr(error, "needs_date_order", False):  # say how, in the command line's words
            message += _date_order_hint(error)
        print(safe_text(message), file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130
