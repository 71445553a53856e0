"""Hostile and odd files: bounded work, nothing vanishing silently (issue 12, items 1-2).

Each case is a file a learner could bring; each must end, quickly, in entries plus problems
or in a JournalError, and every record must be accounted for.
"""

from __future__ import annotations

import io
import json
import os
import time

import numpy as np
import pandas as pd
import pytest

from sci_pain import cli
from sci_pain.journal import read_bearable, read_fhir, read_flaredown_records
from sci_pain.journal.reader import JournalError, read_journal


def read(text: str, **options):
    return read_journal(io.StringIO(text), **options)


def timed(function, *args, **kwargs):
    """Result and CPU seconds (CPU time: these machines are shared)."""
    start = time.process_time()
    result = function(*args, **kwargs)
    return result, time.process_time() - start


# -- 1. bounded work -------------------------------------------------------------------------


@pytest.mark.parametrize("stamp", ["0000-01-01 08:00", "0001-01-01 08:00", "9999-12-31 08:00"])
def test_implausible_years_are_problems_on_their_record(stamp):
    journal = read(f"timestamp,pain\n2026-03-01 08:00,3\n{stamp},4\n")
    assert journal.entries["row"].tolist() == [2]
    problem = journal.problems.set_index("row").loc[3]
    assert problem["column"] == "timestamp" and not problem["kept"]
    assert "outside 1900-2100" in problem["problem"]


def test_the_plausible_window_is_inclusive():
    journal = read("timestamp,pain\n1900-01-01 00:00,3\n2100-12-31 23:59,4\n")
    assert journal.n_entries == 2 and journal.is_clean


def test_a_record_200000_fields_wider_costs_its_bytes_and_keeps_what_follows():
    text = "timestamp,pain\n2026-03-01 08:00,3" + "," * 200_000 + "x\n2026-03-02 08:00,4\n"
    journal, seconds = timed(read, text)
    assert seconds < 2
    assert journal.entries["row"].tolist() == [3]
    problem = journal.problems.iloc[0]
    assert problem["row"] == 2 and not problem["kept"]
    assert "200,000 more fields than the header" in problem["problem"]
    assert len(problem["value"]) < 300


def test_a_wide_first_record_does_not_lose_the_records_after_it():
    text = "timestamp,pain\n2026-03-01 08:00,3" + ",x" * 5000 + "\n"
    text += "".join(f"2026-03-{d:02d} 08:00,{d % 10}\n" for d in range(2, 29))
    journal, seconds = timed(read, text)
    assert seconds < 2
    assert journal.entries["row"].tolist() == list(range(3, 30))
    assert journal.problems["row"].tolist() == [2]


def test_trailing_empty_fields_are_not_a_problem():
    journal = read("timestamp,pain\n2026-03-01 08:00,3,,,,\n2026-03-02 08:00,4\n")
    assert journal.n_entries == 2 and journal.is_clean


def test_a_header_of_a_million_columns_is_refused_at_once():
    text = "timestamp,pain" + ",c" * 1_000_000 + "\n2026-03-01 08:00,3\n"
    start = time.process_time()
    with pytest.raises(JournalError, match="1,000,002 columns") as caught:
        read(text)
    assert time.process_time() - start < 2
    assert len(str(caught.value)) < 400


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_refused_after_its_first_bytes():
    start = time.process_time()
    with pytest.raises(JournalError, match="NUL"):
        read_journal("/dev/zero")
    assert time.process_time() - start < 2


def test_a_large_binary_file_is_refused_after_its_first_bytes(tmp_path):
    """A regular file is read in one piece, but only once its start looks like text: 400 MB
    of NUL bytes (a sparse file: nothing written to disk) cost their first 64 KB."""
    import tracemalloc

    path = tmp_path / "zeros.csv"
    with path.open("wb") as handle:
        handle.truncate(400 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(JournalError, match="NUL"):
            read_journal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024, peak


def test_an_endless_text_stream_stops_at_the_size_limit(monkeypatch):
    from sci_pain.journal import _io as _journal_io

    monkeypatch.setattr(_journal_io, "MAX_BYTES", 1 << 20)

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(JournalError, match="larger than 1 MB"):
        read_journal(Endless())


def _importers():
    from sci_pain.journal import (
        read_bearable,
        read_fhir,
        read_flaredown,
        read_journal_xlsx,
        read_privacy_friendly,
    )

    return {
        "read_journal": read_journal,
        "read_bearable": read_bearable,
        "read_flaredown": read_flaredown,
        "read_fhir": read_fhir,
        "read_privacy_friendly": read_privacy_friendly,
        "read_journal_xlsx": read_journal_xlsx,
    }


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("name", list(_importers()))
def test_every_importer_refuses_dev_zero_after_its_first_bytes(name):
    # Bearable, Flaredown and FHIR used to read /dev/zero until memory ran out
    start = time.process_time()
    with pytest.raises(JournalError, match="NUL|larger than|not an .xlsx") as caught:
        _importers()[name]("/dev/zero")
    assert time.process_time() - start < 2
    assert str(caught.value).startswith("/dev/zero")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("command", [["validate"], ["report", "-o", "OUT"]])
def test_the_command_line_refuses_dev_zero(command, tmp_path, capsys):
    out = tmp_path / "r.html"
    args = [command[0], "/dev/zero", *[str(out) if a == "OUT" else a for a in command[1:]]]
    start = time.process_time()
    assert cli.main(args) == cli.EXIT_UNREADABLE
    assert time.process_time() - start < 5
    err = capsys.readouterr().err
    assert "/dev/zero: contains NUL bytes" in err and "Traceback" not in err
    assert not out.exists()


def test_a_huge_cell_is_quoted_only_as_a_short_excerpt_with_its_size():
    journal = read("timestamp,pain,site\n2026-03-01 08:00,3," + "k" * 100_000 + "\n")
    value = journal.problems.loc[0, "value"]
    assert len(value) < 300 and "(100,000 characters)" in value
    assert journal.entries["site"].isna().all()


def test_the_app_importers_quote_a_huge_cell_only_as_an_excerpt_with_its_size():
    from sci_pain.journal import read_flaredown

    huge = "k" * 100_000
    bearable = read_bearable(
        io.StringIO(
            "date,weekday,time of day,category,rating/amount,detail,notes\n"
            f'"22nd Sep 2020","Tue","08:10","Health measurements","{huge}","Pain",""\n'
        )
    )
    flaredown = read_flaredown(io.StringIO(f"Date,Leg pain,Tags,Foods\n2024-03-04,{huge},,\n"))
    for journal in (bearable, flaredown):
        values = journal.problems["value"].dropna()
        assert (values.str.len() < 300).all()
        # the size of what was cut (the cell, or the record Flaredown's value sums up)
        sizes = values.str.extract(r"\.\.\. \(([\d,]+) characters\)$")[0].dropna()
        assert sizes.str.replace(",", "").astype(int).between(100_000, 100_100).any(), values


def test_an_app_export_record_200000_fields_wider_is_cut_short_and_keeps_what_follows():
    row = '"22nd Sep 2020","Tue","08:10","Health measurements","4","Pain",""'
    text = "date,weekday,time of day,category,rating/amount,detail,notes\n"
    text += row + "," * 200_000 + "x\n" + row.replace("22nd", "23rd") + "\n"
    journal, seconds = timed(read_bearable, io.StringIO(text))
    assert seconds < 2
    assert journal.entries["row"].tolist() == [3]
    problem = journal.problems.iloc[0]
    assert problem["row"] == 2 and "200,007 fields" in problem["problem"]
    assert len(problem["value"]) < 300  # the record as written: 200,052 characters
    assert problem["value"].endswith("... (200,052 characters)")


def test_an_app_export_header_of_a_million_columns_costs_linear_time():
    from sci_pain.journal import read_flaredown

    wide = ",c" * 1_000_000
    bearable_text = "date,weekday,time of day,category,rating/amount,detail,notes" + wide
    bearable_text += '\n"22nd Sep 2020","Tue","08:10","Health measurements","4","Pain",""\n'
    journal, seconds = timed(read_bearable, io.StringIO(bearable_text))
    assert seconds < 2 and journal.n_records == 1  # the short record is reported, not lost
    assert "but the header has 1,000,007" in journal.problems["problem"].iloc[0]
    flaredown, seconds = timed(
        read_flaredown, io.StringIO(f"Date,Leg pain,Tags,Foods{wide}\n2024-03-04,3,,\n")
    )
    assert seconds < 2 and flaredown.n_records == 1


def test_fhir_messages_quote_values_from_the_file_only_as_excerpts():
    big = "k" * 1_000_000
    with pytest.raises(JournalError) as caught:
        read_fhir(json.dumps({"resourceType": big}))
    assert len(str(caught.value)) < 300 and "(1,000,002 characters)" in str(caught.value)
    with pytest.raises(JournalError) as caught:
        read_fhir(json.dumps({"resourceType": "Bundle", "type": big}))
    assert len(str(caught.value)) < 400
    bundle = json.loads(_bundle({"text": "knee"}))
    observation = bundle["entry"][0]["resource"]
    del observation["valueInteger"]
    observation["valueQuantity"] = {"value": 3, "unit": big}
    problems = read_fhir(json.dumps(bundle)).problems
    assert (problems["problem"].str.len() < 400).all() and (problems["value"].str.len() < 300).all()


def test_a_calendar_of_two_centuries_has_a_bounded_number_of_ticks():
    import matplotlib.pyplot as plt

    from sci_pain.plotting import plot_calendar

    journal = read("timestamp,pain\n1900-01-01 08:00,3\n2100-12-31 08:00,4\n")
    fig, ax = plt.subplots()
    start = time.process_time()
    plot_calendar(journal.entries, ax=ax)
    fig.canvas.draw()
    assert time.process_time() - start < 10
    assert len(ax.get_xticks()) <= 13


def _entry_points():
    """Every public entry point past the reader, as (name, call on entries or a journal)."""
    import matplotlib.pyplot as plt

    from sci_pain import analysis as an
    from sci_pain.html import report_html
    from sci_pain.plotting import plot_calendar, plot_time_of_day_weekday, plot_timeline
    from sci_pain.widgets.dashboard import DASHBOARD_KINDS, JournalFigures, JournalView

    def dashboard(data):
        figures = JournalFigures(data)
        return [figures.render(kind, JournalView()) for kind in DASHBOARD_KINDS]

    def drawn(plot):
        def draw(data):
            ax = plot(data)
            ax.figure.canvas.draw()
            plt.close(ax.figure)

        return draw

    return {
        "daily_summary": an.daily_summary,
        "rolling_trend": an.rolling_trend,
        "summarize_journal": an.summarize_journal,
        "associations": lambda data: an.associations(data, n_boot=20),
        "journal_days": an.journal_days,
        "scan_red_flags": lambda data: an.scan_red_flags(data, injury_level="unknown"),
        "weekday_profile": an.weekday_profile,
        "plot_calendar": drawn(plot_calendar),
        "plot_timeline": drawn(plot_timeline),
        "plot_time_of_day_weekday": drawn(plot_time_of_day_weekday),
        "dashboard": dashboard,
        "report_html": report_html,
    }


SPAN_COLUMNS = "timestamp,pain,site,side,activity_min,sleep_hours,spasms\n"


@pytest.mark.parametrize("far", ["0001-01-01 08:00", "9999-12-31 20:00", "1899-12-31 23:59"])
@pytest.mark.parametrize("name", list(_entry_points()))
def test_a_hand_made_frame_dated_outside_the_window_is_refused_at_once(name, far):
    # a frame built by hand skips the reader; before this check, 0001 to 9999 made the
    # daily analyses fill 3.6 million days (report 30 s, 1.8 GB) and the timeline crash
    from sci_pain.errors import AnalysisError

    entries = pd.DataFrame(
        {
            "timestamp": pd.to_datetime(
                np.array(["2026-03-01T08:00", far.replace(" ", "T")], dtype="datetime64[us]")
            ),
            "pain": [3, 4],
            "site": ["knee", "knee"],
            "side": ["left", "left"],
            "activity_min": [20.0, 30.0],
        }
    )
    with pytest.raises(AnalysisError, match="years 1900-2100") as caught:
        _entry_points()[name](entries)
    assert f"{far} (index 1)" in str(caught.value) and len(str(caught.value)) < 400


@pytest.mark.parametrize("far", ["0001-01-01 08:00", "9999-12-31 20:00"])
def test_a_hand_made_frame_of_text_dated_outside_the_window_is_refused(far):
    # text is parsed first: pandas 2 cannot hold these years at all, pandas 3 can; both refuse
    from sci_pain.analysis import daily_summary
    from sci_pain.errors import AnalysisError

    entries = pd.DataFrame({"timestamp": ["2026-03-01 08:00", far], "pain": [3, 4]})
    with pytest.raises(AnalysisError, match="needs dates in the years 1900-2100") as caught:
        daily_summary(entries)
    assert far[:4] in str(caught.value) and len(str(caught.value)) < 400


@pytest.mark.parametrize("stamp", ["0000-01-01 08:00", "0001-01-01 08:00", "9999-12-31 08:00"])
def test_an_implausible_year_goes_through_every_entry_point_as_a_problem(stamp, tmp_path, capsys):
    text = SPAN_COLUMNS + f"2026-03-01 08:00,3,knee,left,20,7,1\n{stamp},4,knee,left,30,6,0\n"
    journal = read(text)
    assert journal.entries["row"].tolist() == [2] and journal.problems["row"].tolist() == [3]
    calls = _entry_points()
    assert calls["journal_days"](journal) == [pd.Timestamp("2026-03-01").date()]
    for call in calls.values():
        call(journal)  # bounded by the one day present; raises nothing
    assert stamp in calls["report_html"](journal)  # the report lists the problem
    path = tmp_path / "journal.csv"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(path)]) == cli.EXIT_PROBLEMS
    assert "outside 1900-2100" in capsys.readouterr().out
    assert cli.main(["report", str(path), "-o", str(tmp_path / "r.html")]) == cli.EXIT_OK


def test_two_centuries_between_entries_go_through_every_entry_point(tmp_path):
    # the widest span the window allows: 73,000 days of calendar for two entries
    text = (
        SPAN_COLUMNS + "1900-01-01 08:00,3,knee,left,20,7,1\n2100-12-31 20:00,5,foot,right,30,6,2\n"
    )
    journal = read(text)
    assert journal.n_entries == 2 and journal.is_clean
    start = time.process_time()
    for call in _entry_points().values():
        call(journal)
    path = tmp_path / "journal.csv"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["report", str(path), "-o", str(tmp_path / "r.html")]) == cli.EXIT_OK
    assert time.process_time() - start < 30  # measured: about 5 s of CPU in all


# -- 2. nothing vanishes silently ------------------------------------------------------------

SWALLOWED = (
    "timestamp,pain,notes\n"
    '2026-03-01 08:00,3,"oops\n'
    "2026-03-02 08:00,4,ok\n"
    '2026-03-03 08:00,5,"fine"\n'
    "2026-03-04 08:00,6,x\n"
)


def test_a_quote_that_swallows_entries_names_them():
    journal = read(SWALLOWED)
    assert not journal.is_clean
    notes = journal.problems[journal.problems["column"] == "notes"]
    assert notes["row"].tolist() == [2]
    message = notes["problem"].iloc[0]
    assert "2 lines that look like entries" in message
    assert "2026-03-02 08:00" in message and "2026-03-03 08:00" in message
    assert journal.entries["row"].tolist() == [2, 3]  # the record itself stays


def test_validate_exits_1_when_a_quote_swallows_entries(tmp_path, capsys):
    path = tmp_path / "journal.csv"
    path.write_text(SWALLOWED, encoding="utf-8")
    assert cli.main(["validate", str(path)]) == cli.EXIT_PROBLEMS
    assert "look like entries" in capsys.readouterr().out


def test_a_quote_that_swallows_day_month_entries_written_with_dashes_names_them():
    # 24-03-2026 is read as a date, so a line starting with one looks like an entry too
    journal = read(SWALLOWED.replace("2026-03-0", "2").replace(" 08:00", "-03-2026 08:00"))
    notes = journal.problems[journal.problems["column"] == "notes"]
    assert notes["row"].tolist() == [2]
    assert "2 lines that look like entries" in notes["problem"].iloc[0]


def test_an_unclosed_quote_at_the_end_names_the_swallowed_lines():
    journal = read('timestamp,pain,notes\n2026-03-01 08:00,3,"oops\n2026-03-02 08:00,4,ok\n')
    assert journal.n_entries == 0
    (message,) = journal.problems["problem"].tolist()
    assert "never closed" in message and "1 line that look" in message


def test_a_note_over_several_lines_is_not_a_problem():
    journal = read('timestamp,pain,notes\n2026-03-01 08:00,3,"walked\nfar, then\nrested"\n')
    assert journal.is_clean


def test_a_sep_line_with_cr_only_line_ends_is_read():
    journal = read("sep=;\rtimestamp;pain\r2026-03-01 08:00;3\r2026-03-02 08:00;4\r")
    assert journal.entries["pain"].tolist() == [3, 4] and journal.is_clean


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ("2026-03-01 08:00,\u0663", "pain"),  # Arabic-Indic three
        ("2026-03-01 08:00,\uff13", "pain"),  # full-width three
        ("\uff12\uff10\uff12\uff16-03-01 08:00,3", "timestamp"),
        ("\u0662\u0660\u0662\u0666-03-01 08:00,3", "timestamp"),
    ],
)
def test_digits_outside_ascii_are_problems(cells, column):
    journal = read(f"timestamp,pain\n{cells}\n")
    assert journal.n_entries == 0
    problem = journal.problems.iloc[0]
    assert problem["column"] == column and "digits other than 0-9" in problem["problem"]


def test_a_seconds_value_of_60_is_a_problem():
    journal = read("timestamp,pain\n2026-03-01 08:00:60,3\n2026-03-01 08:00:59,4\n")
    assert journal.entries["row"].tolist() == [3]
    assert "seconds must be 0-59" in journal.problems.loc[0, "problem"]


def test_flaredown_app_export_dates_are_read():
    text = (
        "Date,Leg pain,Tags,Foods\n2024-03-04T00:00:00+00:00,3,,\n2024-03-05T00:00:00+00:00,2,,\n"
    )
    records = read_flaredown_records(io.StringIO(text))
    assert records["date"].tolist() == [pd.Timestamp("2024-03-04"), pd.Timestamp("2024-03-05")]


def _bundle(body_site: dict) -> str:
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
        "effectiveDateTime": "2026-03-01T08:00:00",
        "valueInteger": 4,
        "bodySite": body_site,
    }
    return json.dumps(
        {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": observation}]}
    )


@pytest.mark.parametrize(
    ("text", "side"), [("Left knee", "left"), ("knee, bilateral", "both"), ("knee", None)]
)
def test_fhir_laterality_written_only_in_body_site_text_is_read(text, side):
    knee = {"system": "http://snomed.info/sct", "code": "72696002"}
    journal = read_fhir(_bundle({"coding": [knee], "text": text}))
    entry = journal.entries.iloc[0]
    assert entry["site"] == "knee"
    assert (entry["side"] if pd.notna(entry["side"]) else None) == side


def test_fhir_text_naming_two_sides_is_reported():
    knee = {"system": "http://snomed.info/sct", "code": "72696002"}
    journal = read_fhir(_bundle({"coding": [knee], "text": "left or both?"}))
    assert journal.problems["column"].tolist() == ["side"]


@pytest.mark.parametrize("written", ["03/04/2026", "04/03/2026 08:00", "3.4.2026"])
def test_the_app_importers_never_guess_a_day_month_order(written):
    # Bearable, Flaredown and FHIR write ISO (or '22nd Sep 2020') dates: anything else is
    # reported on its row, never read as day/month or month/day
    bearable = read_bearable(
        io.StringIO(
            "date,weekday,time of day,category,rating/amount,detail,notes\n"
            f'"{written}","Tue","08:10","Health measurements","4","Pain",""\n'
        )
    )
    assert bearable.n_entries == 0
    assert "not a date as Bearable writes it" in bearable.problems.loc[0, "problem"]
    flaredown = read_flaredown_records(io.StringIO(f"Date,Leg pain,Tags,Foods\n{written},3,,\n"))
    assert flaredown["date"].isna().all()
    observation = json.loads(_bundle({"text": "knee"}))
    observation["entry"][0]["resource"]["effectiveDateTime"] = written
    fhir = read_fhir(json.dumps(observation))
    assert fhir.n_entries == 0 and "not a FHIR dateTime" in fhir.problems.loc[0, "problem"]


def test_every_record_accounted_for_in_a_mixed_hostile_file():
    rng = np.random.default_rng(12)
    lines = [f"2026-03-{d:02d} 08:00,{rng.integers(0, 11)}" for d in range(1, 29)]
    lines[3] += "," * 5000 + "x"
    lines[7] = "9999-01-01 08:00,3"
    lines[11] = "2026-03-12 08:00,\u0663"
    journal = read("timestamp,pain\n" + "\n".join(lines) + "\n")
    assert journal.n_records == 28
    assert journal.n_dropped == 3


# -- 3. privacy ------------------------------------------------------------------------------

PRIVATE = (
    "timestamp,pain,site,side,problem,notes,Phone\n"
    "2026-03-02 08:00,3,Anna Smith's knee,left,burning feet,saw Dr Jones,07700 900461\n"
    "2026-03-03 08:00,call Anna 07700 900461,knee,left,,,\n"
    "2026-03-04 08:00,4,knee,Dr Jones,,,\n"
    "2026-03-05 08:00,4,knee,left,,,x,Anna Smith 07700 900461\n"
    "2026-03-06 08:00,7,foot,right,,,\n"
)
SECRETS = ("Anna", "Smith", "Jones", "07700", "900461", "burning", "saw Dr")


def test_deidentify_leaves_no_free_text_in_entries_or_problems():
    from sci_pain.journal import deidentify

    journal = read(PRIVATE)
    assert any(s in journal.problems.to_string() for s in SECRETS)  # they were there
    shared = deidentify(journal, seed=3)
    from sci_pain.journal import to_fhir

    exports = shared.to_csv() + json.dumps(to_fhir(shared))
    text = shared.entries.to_string() + shared.problems.to_string() + exports
    for secret in SECRETS:
        assert secret not in text, secret
    # the reasons stay, with a placeholder where the text was
    pain = shared.problems[shared.problems["column"] == "pain"].iloc[0]
    assert pain["value"] == "[text removed]" and "not a number" in pain["problem"]
    assert shared.n_records == journal.n_records


def test_deidentify_keeps_numbers_and_vocabulary_values_in_problems():
    from sci_pain.journal import deidentify

    journal = read("timestamp,pain,site\n2026-03-02 08:00,11,knee\n2026-03-03 08:00,3,Kne\n")
    shared = deidentify(journal, seed=1)
    assert shared.problems["value"].tolist() == ["11", "[text removed]"]


def test_a_report_made_from_a_deidentified_journal_holds_no_free_text():
    from sci_pain.html import report_html
    from sci_pain.journal import deidentify

    page = report_html(deidentify(read(PRIVATE), seed=3))
    for secret in SECRETS:
        assert secret not in page, secret


@pytest.mark.parametrize("first", ["1900-01-01 08:00", "2100-11-01 08:00"])
def test_deidentify_keeps_a_diary_near_the_window_inside_it(first):
    from sci_pain.analysis import daily_summary
    from sci_pain.journal import deidentify

    start = pd.Timestamp(first)
    stamps = [start + pd.Timedelta(days=d, hours=d % 5) for d in range(0, 56, 3)]
    text = "timestamp,pain\n" + "".join(
        f"{s:%Y-%m-%d %H:%M},{i % 11}\n" for i, s in enumerate(stamps)
    )
    journal = read(text)
    assert journal.n_entries == len(stamps)
    for seed in range(12):  # either direction of the random shift
        shared = deidentify(journal, seed=seed).entries["timestamp"]
        assert shared.dt.year.between(1900, 2100).all(), seed
        moved = shared - journal.entries["timestamp"]
        assert moved.nunique() == 1 and moved.iloc[0] != pd.Timedelta(0)
        assert moved.iloc[0] % pd.Timedelta(weeks=1) == pd.Timedelta(0)  # weekdays kept
        daily_summary(shared.to_frame().assign(pain=journal.entries["pain"]))


def test_the_date_shift_limits_are_documented():
    from sci_pain.journal import deidentify

    doc = deidentify.__doc__
    assert "cannot protect" in doc and "one real date" in doc and "routine" in doc


@pytest.mark.parametrize("start", ["=", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "+"])
def test_formula_look_alikes_are_escaped_in_csv_exports(start):
    journal = read(f"timestamp,pain,notes\n2026-03-01 08:00,3,{start}HYPERLINK(1)\n")
    line = journal.to_csv().splitlines()[1]
    assert line.endswith(f",'{start}HYPERLINK(1)")
    again = read(journal.to_csv())
    assert again.entries.loc[0, "notes"] == f"{start}HYPERLINK(1)"


# -- 4. a CLI that is safe with health data ---------------------------------------------------

CLEAN = "timestamp,pain,site\n2026-03-01 08:00,3,knee\n2026-03-02 08:00,4,foot\n"


@pytest.fixture
def journal_file(tmp_path):
    path = tmp_path / "journal.csv"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def test_report_refuses_to_overwrite_without_force(journal_file, tmp_path, capsys):
    out = tmp_path / "report.html"
    out.write_text("keep me", encoding="utf-8")
    assert cli.main(["report", str(journal_file), "-o", str(out)]) == cli.EXIT_UNREADABLE
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert cli.main(["report", str(journal_file), "-o", str(out), "--force"]) == cli.EXIT_OK
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_never_writes_over_its_journal(journal_file, capsys):
    for extra in ([], ["--force"]):
        code = cli.main(["report", str(journal_file), "-o", str(journal_file), *extra])
        assert code == cli.EXIT_UNREADABLE
        assert "own journal" in capsys.readouterr().err
    assert journal_file.read_text(encoding="utf-8") == CLEAN


def test_report_does_not_follow_a_link_at_the_target(journal_file, tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(victim)
    assert cli.main(["report", str(journal_file), "-o", str(link)]) == cli.EXIT_UNREADABLE
    assert "a link" in capsys.readouterr().err
    assert cli.main(["report", str(journal_file), "-o", str(link), "--force"]) == cli.EXIT_OK
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    # a link to the journal itself is refused even with --force
    link2 = tmp_path / "to-journal.html"
    link2.symlink_to(journal_file)
    assert cli.main(["report", str(journal_file), "-o", str(link2), "--force"]) == 2
    assert journal_file.read_text(encoding="utf-8") == CLEAN


def test_report_is_written_atomically_and_private(journal_file, tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    assert cli.main(["report", str(journal_file), "-o", str(out)]) == cli.EXIT_OK
    assert (out.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    # an interrupted write leaves the old file and no temporary file

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    out.write_text("old", encoding="utf-8")
    assert cli.main(["report", str(journal_file), "-o", str(out), "--force"]) == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_validate_prints_no_terminal_controls_or_bidi_overrides(tmp_path, capsys):
    path = tmp_path / "evil\x1b]0;owned\x07.csv"
    path.write_text(
        "timestamp,pain,site,notes\n"
        "2026-03-01 08:00,3,\x1b[2J\x1b[31mknee,x\n"
        "2026-03-02 08:00,4,\u202eeenk,x\n"
        "2026-03-03 08:00,\x9b5,knee,x\n",
        encoding="utf-8",
    )
    assert cli.main(["validate", str(path)]) == cli.EXIT_PROBLEMS
    out, err = capsys.readouterr()
    printed = out + err
    for control in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert control not in printed
    assert "\\x1b[2J" in out and "\\u202e" in out


@pytest.mark.parametrize("fmt", ["%Q/%m/%Y", "%d/%m", "hello", "%"])
def test_an_invalid_date_format_is_an_error(journal_file, capsys, fmt):
    assert cli.main(["validate", str(journal_file), "--date-format", fmt]) == 2
    err = capsys.readouterr().err  # the command line's own words, not the library's keyword
    assert f"--date-format {fmt!r}" in err and "date_format=" not in err
    with pytest.raises(JournalError, match="date_format="):
        read(CLEAN, date_format=fmt)


@pytest.mark.parametrize("uid", ["0", "1000"])
def test_make_lab_as_root_disables_terminals(repo_root, tmp_path, uid):
    # a stand-in `id` first on PATH: both branches are tested whoever runs the suite
    import subprocess

    fake = tmp_path / "id"
    fake.write_text(f"#!/bin/sh\necho {uid}\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    env["PATH"] = f"{tmp_path}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(  # under `make test` the inherited MAKEFLAGS add directory lines
        ["make", "--no-print-directory", "-n", "lab"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    command = result.stdout.replace("\\\n", " ").strip().splitlines()[-1]
    assert "jupyter lab" in command
    as_root = "--allow-root" in command and "--ServerApp.terminals_enabled=False" in command
    assert as_root == (uid == "0")
    assert ("terminals_enabled" in command) == (uid == "0")


@pytest.mark.parametrize(
    "reader",
    ["read_journal", "read_bearable", "read_flaredown", "read_fhir", "read_privacy_friendly"],
)
def test_every_reader_stops_at_the_size_limit_and_names_the_file(monkeypatch, reader):
    # one bounded opening (journal/_io.read_bounded) for the CSV reader and the importers
    import sci_pain.journal as journal_layer
    from sci_pain.journal import _io as _journal_io

    monkeypatch.setattr(_journal_io, "MAX_BYTES", 1 << 20)
    monkeypatch.setattr("sci_pain.journal.importers.privacy_friendly.MAX_BYTES", 1 << 20)
    big = io.BytesIO(b"timestamp,pain\n" + b"2026-03-01 08:00,3\n" * 70_000)
    big.name = "huge export.csv"
    with pytest.raises(JournalError, match="huge export.csv: is larger than 1 MB"):
        getattr(journal_layer, reader)(big)


def test_a_closed_file_is_a_journal_error_not_a_traceback():
    buffer = io.BytesIO(b"timestamp,pain\n2026-03-01 08:00,3\n")
    buffer.close()
    with pytest.raises(JournalError, match="cannot be read"):
        read_journal(buffer)
