"""Tests for the sci-pain command line (sci_pain.cli, python -m sci_pain)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from sci_pain import cli

CLEAN = "timestamp,pain,site\n2026-03-01 08:00,3,knee\n2026-03-02 08:00,4,foot\n"
MESSY = (
    "timestamp,pain,site,notes\n"
    "2026-03-01 08:00,3,kne,\n"  # row 2: site cleared, kept
    "03/04/2026 08:00,4,foot,\n"  # row 3: ambiguous date, not kept
    '2026-03-02 08:00,5,knee,"two\nlines"\n'  # row 4: clean
)


@pytest.fixture
def write(tmp_path: Path):
    def _write(text: str, name: str = "journal.csv", encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    return _write


def test_validate_clean_file_exits_0(write, capsys):
    path = write(CLEAN)
    assert cli.main(["validate", path]) == cli.EXIT_OK == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{path}: 2 records, 2 kept, 0 not kept; 0 problems")
    assert len(out.splitlines()) == 1
    assert err == ""


def test_validate_messy_file_exits_1_and_prints_the_table(write, capsys):
    path = write(MESSY)
    assert cli.main(["validate", path]) == cli.EXIT_PROBLEMS == 1
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}: 3 records, 2 kept, 1 not kept; 2 problems in 2 records; 2026-03-01 to 2026-03-02"
    )
    assert lines[2].split() == ["row", "column", "value", "kept", "problem"]
    assert lines[3].split()[:4] == ["2", "site", "kne", "yes"]
    assert lines[4].split()[:5] == ["3", "timestamp", "03/04/2026", "08:00", "no"]
    assert "day/month order is never guessed" in lines[4]


def test_validate_with_date_format_and_column_mapping(write, capsys):
    path = write("When;Pain level\n03/04/2026 08:00;4\n")
    args = ["validate", path, "--date-format", "%d/%m/%Y %H:%M", "-c", "When=timestamp"]
    assert cli.main([*args, "--column", "Pain level=pain"]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: 1 record, 1 kept, 0 not kept; 0 problems")


AMBIGUOUS = "When;Pain level\n03/04/2026 08:00;4\n11/04/2026 20:00;5\n"


def test_ambiguous_dates_ask_for_the_date_order_in_the_command_lines_words(write, capsys):
    path = write(AMBIGUOUS)
    args = ["validate", path, "-c", "When=timestamp", "-c", "Pain level=pain"]
    assert cli.main(args) == cli.EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "or month" in err and "03/04/2026 08:00" in err  # what was found
    assert "--date-order day-first" in err and "--date-format '%d/%m/%Y %H:%M'" in err
    assert "date_format=" not in err and "Traceback" not in err
    assert cli.main([*args, "--date-order", "day-first"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "2 records, 2 kept" in out
    assert cli.main([*args, "--date-order", "month-first", "--max-problems", "0"]) == 0


def test_a_date_order_chosen_reports_dates_not_real_in_it_in_plain_words(write, capsys):
    path = write("timestamp;pain\n03/04/2026 08:00;4\n13/04/2026 08:00;5\n4.5.26 8:05 PM;3\n")
    assert cli.main(["validate", path, "--date-order", "month-first"]) == cli.EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert "3 records, 2 kept, 1 not kept" in out and "2026-03-04 to 2026-04-05" in out
    assert "not a real date when read month-first, the order chosen" in out
    assert "date_format" not in out and "%m" not in out


def test_dates_that_show_their_order_are_read_in_it(write, capsys):
    path = write("When;Pain level\n30/03/2026 08:00;4\n03/04/2026 08:00;5\n")
    assert cli.main(["validate", path, "-c", "When=timestamp", "-c", "Pain level=pain"]) == 0


def test_mixed_orders_name_the_rows(write, capsys):
    path = write("timestamp;pain\n30/03/2026 08:00;4\n03/31/2026 08:00;5\n")
    assert cli.main(["validate", path]) == cli.EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "row 2" in err and "30/03/2026 08:00" in err and "row 3" in err
    assert "03/31/2026 08:00" in err and "--date-order day-first" in err


@pytest.mark.parametrize(
    ("given", "fragment"),
    [
        ("%d/%m", "does not say the year"),
        ("day/month/year", "does not say the day"),
        ("%d/%m/%Y %Q", "is not a date format"),
    ],
)
def test_an_invalid_date_format_is_an_error(write, capsys, given, fragment):
    path = write(CLEAN)
    assert cli.main(["validate", path, "--date-format", given]) == cli.EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert fragment in err and "e.g. --date-format '%d/%m/%Y %H:%M'" in err
    assert cli.main(["report", path, "-o", path + ".html", "--date-format", given]) == 2
    assert fragment in capsys.readouterr().err and not Path(path + ".html").exists()


def test_ambiguous_dates_exit_2_and_say_how_to_give_the_order(write, capsys):
    path = write("timestamp,pain\n03/04/2026 08:00,3\n11/10/2026 09:00,4\n")
    assert cli.main(["validate", path]) == 2
    err = capsys.readouterr().err
    assert "could be day-first or month-first (e.g. 03/04/2026 08:00); choose the date order" in err
    assert "--date-format '%d/%m/%Y %H:%M' (day-first)" in err
    assert cli.main(["validate", path, "--date-format", "%d/%m/%Y %H:%M"]) == 0


def test_day_first_dates_are_read_and_the_summary_says_so(write, capsys):
    path = write("timestamp,pain\n03/04/2026 08:00,3\n24/10/2026 09:00,4\n")
    assert cli.main(["validate", path]) == 0
    assert "dates read day-first" in capsys.readouterr().out


def test_header_notes_alone_exit_0(write, capsys):
    path = write("timestamp,pain,mood\n2026-03-01,3,fine\n")
    assert cli.main(["validate", path]) == 0
    out = capsys.readouterr().out
    assert "1 note on the header" in out and "unknown column" in out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "no such file"),
        ("", "empty"),
        ("Pain level,timestamp\n3,2026-03-01\n", "Did you mean 'Pain level' for 'pain'?"),
        ("2026-03-01,3\n", "no header line"),
    ],
)
def test_unreadable_files_exit_2_with_a_message_and_no_traceback(write, capsys, content, fragment):
    path = write(content) if content is not None else "does-not-exist.csv"
    assert cli.main(["validate", path]) == cli.EXIT_UNREADABLE == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("sci-pain validate: error: ")
    assert fragment in err
    assert "Traceback" not in err


def test_binary_file_exits_2(write, capsys, tmp_path: Path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    assert cli.main(["validate", str(path)]) == 2
    assert "Excel workbook" in capsys.readouterr().err


def test_bad_column_option_exits_2(write, capsys):
    assert cli.main(["validate", write(CLEAN), "-c", "nonsense"]) == 2
    assert "HEADER=NAME" in capsys.readouterr().err


def test_max_problems(write, capsys):
    rows = "".join(f"2026-03-{d:02d},x\n" for d in range(1, 11))
    path = write("timestamp,pain\n" + rows)
    assert cli.main(["validate", path, "--max-problems", "3"]) == 1
    out = capsys.readouterr().out
    assert "... and 7 more" in out
    assert cli.main(["validate", path, "--max-problems", "0"]) == 1
    assert "more" not in capsys.readouterr().out


def test_stdin(write, capsys, monkeypatch):
    fake_stdin = io.TextIOWrapper(io.BytesIO(MESSY.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    assert cli.main(["validate", "-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>: 3 records, 2 kept, 1 not kept")


def test_usage_errors_and_help(capsys):
    assert cli.main([]) == 2
    assert "validate" in capsys.readouterr().err
    assert cli.main(["nonsense"]) == 2
    assert cli.main(["validate", "--help"]) == 0
    assert "Exit status" in capsys.readouterr().out
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("sci-pain ")


def test_subcommand_registry(capsys):
    assert "validate" in cli.SUBCOMMANDS

    def configure(parser):
        parser.add_argument("word")

    def run(args):
        if args.word == "fail":
            raise cli.CommandError("it failed")
        print(f"hello {args.word}")
        return 0

    try:
        cli.register(cli.Subcommand("hello", "say hello", configure, run))
        assert cli.main(["hello", "world"]) == 0
        assert capsys.readouterr().out == "hello world\n"
        assert cli.main(["hello", "fail"]) == 2
        assert capsys.readouterr().err == "sci-pain hello: error: it failed\n"
    finally:
        cli.SUBCOMMANDS.pop("hello", None)


def test_non_ascii_output_never_crashes(write, capsys):
    path = write(
        "timestamp,pain,site\n2026-03-01,3,genou\u0301 \u2014 \U0001f9b5\n", encoding="utf-8"
    )
    assert cli.main(["validate", path]) == 1


def run_module(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sci_pain", *args],
        capture_output=True,
        input=stdin,
        timeout=120,
        check=False,
    )


def test_python_dash_m(write):
    result = run_module("validate", write(MESSY))
    assert result.returncode == 1
    assert b"2 problems in 2 records" in result.stdout
    missing = run_module("validate", "nope.csv")
    assert missing.returncode == 2
    assert b"Traceback" not in missing.stderr and b"no such file" in missing.stderr
    piped = run_module("validate", "-", stdin=CLEAN.encode())
    assert piped.returncode == 0


def test_console_script_is_declared():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    root = Path(__file__).resolve().parent.parent
    with (root / "pyproject.toml").open("rb") as handle:
        scripts = tomllib.load(handle)["project"]["scripts"]
    assert scripts["sci-pain"] == "sci_pain.cli:main"
    script = Path(sys.executable).with_name("sci-pain")
    if script.exists():  # installed (editable) environment
        result = subprocess.run(
            [str(script), "validate", "-"], input=CLEAN.encode(), capture_output=True, check=False
        )
        assert result.returncode == 0, result.stderr
