"""Tests for the clinic report (sci_pain.html.report) and ``sci-pain report``."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import sci_pain as sp
from sci_pain import cli
from sci_pain.html.report import REPORT_SECTIONS, REPORT_STAGES, report_html, write_report

SCRIPT_NOTE = "<script>alert('x')</script> & \"quotes\""
MESSY = sp.data_path("journals", "messy_example.csv")
VOID = {"meta", "img", "br", "hr", "link", "input", "col", "wbr", "source"}


def _journal(text: str) -> sp.Journal:
    return sp.read_journal(io.StringIO(text))


PROGRESS: list[tuple[int, int, str]] = []


@pytest.fixture(scope="module")
def dvt_journal() -> sp.Journal:
    return sp.load_example_journal("dvt")


@pytest.fixture(scope="module")
def dvt_page(dvt_journal) -> str:
    PROGRESS.clear()
    return report_html(dvt_journal, progress=lambda *args: PROGRESS.append(args))


@pytest.fixture(scope="module")
def neuropathic_page() -> str:
    return report_html(sp.load_example_journal("neuropathic"))


@pytest.fixture(scope="module")
def messy_page() -> str:
    return report_html(sp.read_journal(MESSY))


@pytest.fixture(scope="module")
def script_page() -> str:
    lines = sp.load_example_journal("neuropathic").to_csv().splitlines()
    header = lines[0].split(",")
    cells = lines[5].split(",")
    cells[header.index("notes")] = '"' + SCRIPT_NOTE.replace('"', '""') + '"'
    cells[header.index("problem")] = "<b>bold</b> feet"
    lines[5] = ",".join(cells)
    journal = _journal("\n".join(lines) + "\n")
    assert journal.entries["notes"].eq(SCRIPT_NOTE).any()
    return report_html(journal, title="Report for <img src=x onerror=alert(1)>")


# -- escaping and self-containment -----------------------------------------------------------


def test_user_text_is_escaped_and_shown_as_text(script_page):
    assert "<script" not in script_page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in (
        script_page
    )
    assert "<b>bold</b>" not in script_page and "&lt;b&gt;bold&lt;/b&gt; feet" in script_page
    assert "<img src=x" not in script_page
    assert "<title>Report for &lt;img src=x onerror=alert(1)&gt;</title>" in script_page


@pytest.mark.parametrize("name", ["dvt_page", "neuropathic_page", "messy_page", "script_page"])
def test_page_is_self_contained(request, name):
    page = request.getfixturevalue(name)
    lowered = page.lower()
    assert 'src="http' not in lowered
    assert "http://" not in lowered and "https://" not in lowered
    for needle in ("<script", "<link", "<iframe", "<object", "<embed", "@import", "url("):
        assert needle not in lowered, needle
    parser = _Nesting()
    parser.feed(page)
    assert not [a for a in parser.attributes if a.startswith("on")], "no event handlers"
    images = re.findall(r"<img\b[^>]*>", page)
    assert images, "the report has figures"
    for img in images:
        assert re.search(r'\bsrc="data:image/png;base64,[A-Za-z0-9+/=]+"', img), img[:80]
        alt = re.search(r'\balt="([^"]*)"', img)
        assert alt and len(alt.group(1).strip()) > 20, img[-200:]
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


class _Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids += [value for key, value in attrs if key == "id"]
        self.attributes |= {key for key, _ in attrs}
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):  # <img ... />
        self.ids += [value for key, value in attrs if key == "id"]
        self.attributes |= {key for key, _ in attrs}

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


@pytest.mark.parametrize("name", ["dvt_page", "neuropathic_page", "messy_page", "script_page"])
def test_tags_are_balanced_and_ids_unique(request, name):
    parser = _Nesting()
    parser.feed(request.getfixturevalue(name))
    assert parser.errors == [] and parser.stack == []
    assert len(parser.ids) == len(set(parser.ids))


# -- content -------------------------------------------------------------------------------------


def test_sections_in_order_with_red_flags_first(dvt_page):
    positions = [dvt_page.index(f'<section id="{key}"') for key in REPORT_SECTIONS]
    assert positions == sorted(positions)
    assert dvt_page.index("Not a diagnosis; bring this to your clinician") < positions[0]
    for heading in REPORT_SECTIONS.values():
        assert f">{heading.replace(':', ':')}</h2>" in dvt_page.replace("&#x27;", "'")
    assert "@media print" in dvt_page and "@page" in dvt_page


def _section(page: str, name: str, until: str) -> str:
    """The report's section `name`: from its ``id`` to the ``id`` of the section `until`."""
    start = page.index(f'id="{name}"')
    return page[start : page.index(f'id="{until}"', start)]


def test_red_flags_are_prominent_and_worded(dvt_page):
    flags = _section(dvt_page, "red-flags", "period")
    urgent = flags.index('class="flag emergency"')
    soon = flags.index('class="flag same_day"')
    assert urgent < soon, "most pressing first"
    assert "one swollen leg with rising pain" in flags
    assert "deep vein thrombosis" in flags
    assert "Wed 2026-02-04" in flags  # the first swollen-leg day of the example
    assert "Act now, not at the visit" in flags
    assert "Emergency: seek care now" in flags and "check today" not in flags
    assert flags.count('class="flag ') == 2  # episodes (DVT, spasm surge), not 30 entries
    assert "Autonomic dysreflexia (AD) risk not assessed: injury level unknown" in flags


def test_no_flags_says_it_rules_nothing_out(neuropathic_page):
    flags = _section(neuropathic_page, "red-flags", "period")
    assert "No red-flag pattern was found" in flags and "does not rule anything out" in flags


def test_period_trend_and_patterns_in_words(neuropathic_page):
    page = neuropathic_page
    assert "2026-01-05" in page and "2026-05-04" in page
    assert "missed days (no entry)" in page
    assert "points per week" in page and "95% interval" in page
    assert "Pain was highest in the evening and lowest in the morning" in page
    assert "Monday" in page and "foot" in page
    assert "\u201cburning feet\u201d" in page


def test_interventions_with_a_clear_start_are_compared(neuropathic_page):
    section = _section(neuropathic_page, "interventions", "links")
    assert "<h3>TENS</h3>" in section and "Mon 2026-03-02" in section
    assert "NAP" in section and "Tau-BC" in section and "Parker and Vannest" in section
    assert "improvement" in section  # the built-in TENS effect lowers pain
    assert "Caution:" in section
    assert "Not compared" in section and "stretching" in section


def test_intervention_started_during_a_red_flag_is_cautioned(dvt_page):
    section = _section(dvt_page, "interventions", "links")
    assert "<h3>Medication</h3>" in section
    assert "Red flags were recorded within 7 days of the start" in section


def test_links_carry_the_caution(neuropathic_page):
    section = _section(neuropathic_page, "links", "notes")
    assert "hours slept" in section and "These are associations, not causes." in section


def test_problems_table_for_a_messy_file(messy_page):
    section = _section(messy_page, "problems", "about")
    assert "<table>" in section
    assert "duplicate of row 9" in section
    assert "<code>Shin</code>" in section and "<code>55</code>" in section
    assert section.count('class="not-kept"') == 3  # rows 5, 8 and 10 are not kept
    assert "of 10" in section


def test_clean_file_says_no_problems(dvt_page):
    assert "No problems: every record was read as written." in dvt_page


def test_level_at_or_above_t6_makes_spasm_surges_an_emergency():
    t6 = report_html(sp.load_example_journal("spasticity"), injury_level="C6")
    assert '<div class="flag emergency"' in t6 and "Surge of spasms" in t6
    assert "autonomic dysreflexia" in t6
    assert "dysreflexia (AD) risk not assessed" not in t6
    low = report_html(sp.load_example_journal("spasticity"), injury_level="T10")
    assert '<div class="flag same_day"' in low and '<div class="flag emergency"' not in low


def test_a_journal_without_usable_entries_still_gives_a_report():
    journal = _journal("timestamp,pain,notes\n2026-03-01,x,<i>hi</i>\n2026-03-02,12,\n")
    assert journal.n_entries == 0
    page = report_html(journal)
    assert "No entry with a pain rating could be read" in page
    assert page.count('class="not-kept"') == 2
    assert "<i>" not in page


def test_journal_without_optional_columns():
    journal = _journal(
        "timestamp,pain\n" + "".join(f"2026-03-{d:02d} 08:00,{d % 4}\n" for d in range(1, 29))
    )
    page = report_html(journal)
    assert "does not record where the pain is" in page
    assert "No intervention is recorded" in page
    assert "records none of activity, sleep, spasms or immobility" in page


def test_entries_frame_is_accepted_and_other_objects_rejected():
    entries = _journal("timestamp,pain\n2026-03-01,3\n2026-03-02,4\n2026-03-03,3\n").entries
    assert "<h1>Pain journal report</h1>" in report_html(entries)
    with pytest.raises(TypeError, match="needs a Journal"):
        report_html("journal.csv")


def test_progress_reports_every_stage_in_order(dvt_page):
    total = len(REPORT_STAGES)
    expected = [(i, total, m) for i, m in enumerate(REPORT_STAGES)]
    assert expected + [(total, total, "Done")] == PROGRESS


def test_same_journal_same_page_and_entries_untouched(dvt_journal, dvt_page):
    before = dvt_journal.entries.copy()
    assert report_html(dvt_journal) == dvt_page
    pd.testing.assert_frame_equal(dvt_journal.entries, before)


def test_no_folder_path_in_the_page(dvt_page):
    folder = str(sp.example_journal_path("dvt").parent)
    assert folder not in dvt_page and "<strong>dvt.csv</strong>" in dvt_page


def test_write_report_writes_utf8_and_returns_the_path(tmp_path):
    target = write_report(
        sp.load_example_journal("atrophy_weight"), str(tmp_path / "r.html"), title="Für Ärzte"
    )
    assert isinstance(target, Path) and target == tmp_path / "r.html"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Für Ärzte" in text
    assert 100_000 < target.stat().st_size < 1_500_000


def test_one_year_journal_is_fast_enough():
    frame = sp.simulate_journal("neuropathic", days=365, seed=7)
    journal = sp.journal_from_frame(frame, source="one-year.csv")
    report_html(_journal("timestamp,pain\n2026-03-01,3\n2026-03-02,4\n"))  # warm the imports
    start = time.perf_counter()
    page = report_html(journal)
    elapsed = time.perf_counter() - start
    assert elapsed < 20, f"a one-year report took {elapsed:.1f} s"
    assert "365 days" in page


def test_report_never_touches_the_network(monkeypatch, tmp_path, dvt_journal):
    import socket

    def blocked(*args, **kwargs):
        raise AssertionError("network access attempted")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, blocked)
    write_report(dvt_journal, tmp_path / "r.html")


def test_public_names():
    assert sp.write_report is write_report and sp.report_html is report_html


# -- the command line ----------------------------------------------------------------------------


def test_cli_report_writes_the_page_and_shows_progress(tmp_path, capsys):
    out = tmp_path / "report.html"
    status = cli.main(["report", str(sp.example_journal_path("dvt")), "-o", str(out)])
    assert status == cli.EXIT_OK == 0
    captured = capsys.readouterr()
    stages = captured.err.splitlines()
    assert stages[0] == f"[1/{len(REPORT_STAGES) + 1}] Reading the journal"
    assert [s.split("] ", 1)[1] for s in stages[1:]] == list(REPORT_STAGES)
    assert "wrote" in captured.out and out.is_file()
    assert "one swollen leg with rising pain" in out.read_text(encoding="utf-8")


def test_cli_report_of_a_messy_file_exits_0_and_lists_its_problems(tmp_path, capsys):
    out = tmp_path / "messy.html"
    assert cli.main(["report", str(MESSY), "-o", str(out)]) == 0
    assert "duplicate of row 9" in out.read_text(encoding="utf-8")
    capsys.readouterr()


def test_cli_report_date_format_and_t6(tmp_path, capsys):
    path = tmp_path / "dayfirst.csv"
    path.write_text("timestamp,pain,spasms\n03/04/2026 08:00,4,1\n05/04/2026 08:00,5,2\n")
    out = tmp_path / "r.html"
    args = ["report", str(path), "-o", str(out), "--date-format", "%d/%m/%Y %H:%M", "--t6"]
    assert cli.main(args) == 0
    page = out.read_text(encoding="utf-8")
    assert "2026-04-03" in page and "No problems" in page
    assert "dysreflexia (AD) risk not assessed" not in page  # --t6 gave the level
    capsys.readouterr()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "no such file"), ("", "empty"), ("2026-03-01,3\n", "no header line")],
)
def test_cli_report_unreadable_file_exits_2_without_traceback(tmp_path, capsys, content, fragment):
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_text(content)
    out = tmp_path / "r.html"
    assert cli.main(["report", str(path), "-o", str(out)]) == cli.EXIT_UNREADABLE == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert err.splitlines()[-1].startswith("sci-pain report: error:")
    assert not out.exists()


def test_cli_report_missing_output_folder_exits_2(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "folder" / "r.html"
    status = cli.main(["report", str(sp.example_journal_path("dvt")), "-o", str(out)])
    assert status == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_report_needs_an_output(capsys):
    assert cli.main(["report", str(sp.example_journal_path("dvt"))]) == 2
    assert "-o/--output" in capsys.readouterr().err


def test_cli_report_as_a_process_stays_out_of_the_widget_layer(tmp_path):
    out = tmp_path / "r.html"
    code = (
        "import sys; from sci_pain.cli import main; "
        f"status = main(['report', {str(MESSY)!r}, '-o', {str(out)!r}]); "
        "print(any(m.split('.')[0] in ('ipywidgets', 'IPython') for m in sys.modules)); "
        "sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Putting the page together" in result.stderr and out.is_file()
    assert result.stdout.splitlines()[-1] == "False", "report.py must not import widgets"
    missing = subprocess.run(
        [sys.executable, "-m", "sci_pain", "report", str(tmp_path / "x.csv"), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_write_report_to_a_missing_folder_fails_before_the_work(tmp_path, dvt_journal):
    calls = []
    with pytest.raises(FileNotFoundError, match="does not exist"):
        write_report(dvt_journal, tmp_path / "missing" / "r.html", progress=calls.append)
    assert calls == []


# -- a concise report: first page, folded details, honest wording ---------------------------


def _section_html(page: str, key: str) -> str:
    start = page.index(f'<section id="{key}"')
    return page[start : page.index("</section>", start)]


def test_first_page_says_what_matters_and_details_are_folded(dvt_page):
    order = [dvt_page.index(f'<section id="{key}"') for key in ("red-flags", "summary")]
    assert order == sorted(order)
    glance = _section_html(dvt_page, "summary")
    for heading in ("Trend", "Clearest patterns", "What changed after each intervention"):
        assert f"<h3>{heading}</h3>" in glance
    assert "<img" in glance  # the timeline, with flags and the intervention's start
    assert "<strong>Medication</strong>" in glance
    for key in REPORT_SECTIONS:
        section = _section_html(dvt_page, key)
        if key in ("red-flags", "summary"):
            assert '<details class="fold"' not in section
        else:
            assert '<details class="fold"><summary><h2' in section, key
    # the red flags are open on the first page
    flags = _section_html(dvt_page, "red-flags")
    assert 'class="flag' in flags and "<details" not in flags
    assert "details:not([open])" in dvt_page  # printing a folded section says so


def test_expand_opens_every_folded_section(dvt_journal):
    page = report_html(dvt_journal, expand=True)
    assert page.count('<details class="fold" open>') == len(REPORT_SECTIONS) - 2
    assert '<details class="fold">' not in page


def test_glance_lists_the_clearest_patterns(neuropathic_page):
    glance = _section_html(neuropathic_page, "summary")
    items = re.findall(r"<li>(.*?)</li>", glance[glance.index("Clearest patterns") :])
    patterns = glance[glance.index("Clearest patterns") : glance.index("What changed")]
    assert 1 <= patterns.count("<li>") <= 3
    assert "evening" in patterns
    assert any("TENS" in item for item in items)


def _low_baseline_journal() -> sp.Journal:
    days = pd.date_range("2026-03-01", periods=60, freq="D")
    before = [1] * 27 + [2] * 3  # mean 1.1
    after = [1, 2] * 15  # mean 1.5: +0.4 points, +36%
    frame = pd.DataFrame(
        {
            "timestamp": days.strftime("%Y-%m-%d 09:00"),
            "pain": before + after,
            "interventions": [""] * 30 + ["heat"] * 30,
        }
    )
    return sp.journal_from_frame(frame, source="low baseline")


def test_a_small_change_from_a_low_baseline_is_not_called_moderate():
    page = report_html(_low_baseline_journal())
    glance = _section_html(page, "summary")
    assert "mean pain 1.1 before, 1.5 after" in glance
    assert "no important change" in glance
    assert "moderate worsening" not in page and "moderate improvement" not in page
    section = _section_html(page, "interventions")
    assert "0.4 points is less than 2 points" in section
    assert "both 2 points and 30% are needed" in section
    assert "From a low &#x27;before&#x27; mean of 1.1" in section


def test_a_link_is_clear_only_after_the_caution_rules(monkeypatch, dvt_journal):
    import sci_pain.analysis as analysis

    seen = {}

    def fake(entries, *, variables, confidence, **_):
        seen["confidence"], seen["variables"] = confidence, variables
        rows = [
            # interval excludes 0 with plenty of independent days: clear
            ("pain vs minutes of activity the same day", 0.5, 0.3, 0.7, 120, 60.0),
            # interval excludes 0, but neighbouring days leave few independent days: not clear
            ("pain vs hours slept the same day", -0.6, -0.8, -0.3, 120, 12.0),
            # interval includes 0: not clear
            ("pain vs spasms the same day", 0.1, -0.1, 0.3, 120, 80.0),
        ]
        table = pd.DataFrame(
            rows, columns=["description", "rho", "ci_low", "ci_high", "n", "n_effective"]
        )
        table.attrs["caution"] = "These are associations, not causes."
        return table

    monkeypatch.setattr(analysis, "associations", fake)
    page = report_html(dvt_journal)
    n_tests = sum(len(lags) for lags in seen["variables"].values())
    assert n_tests > 1
    assert seen["confidence"] == pytest.approx(1 - 0.05 / n_tests)  # Bonferroni
    links = _section_html(page, "links")
    assert "clear: more pain when it is higher" in links
    assert "not clear: too few independent days" in links
    assert "no clear link" in links
    assert f"Bonferroni: 95% shared among {n_tests}" in links
    patterns = _section_html(page, "summary")
    assert "minutes of activity the same day: higher values went with more pain" in patterns
    assert "hours slept" not in patterns and "spasms the same day" not in patterns


@pytest.mark.parametrize("name", ["neuropathic", "spasticity"])
def test_the_report_shows_the_library_verdict(name, request):
    # one rule: the report's "In words" column is what associations() says with its default
    # Bonferroni correction (the same draws, so the same adjusted intervals)
    from sci_pain.analysis import ASSOCIATION_VARIABLES

    journal = sp.load_example_journal(name)
    page = report_html(journal)
    links = _section_html(page, "links")
    chosen = {v: lags for v, lags in ASSOCIATION_VARIABLES.items() if v in journal.entries}
    table = sp.associations(journal, variables=chosen, n_boot=2000, seed=0)
    rows = re.findall(r"<tr>(.*?)</tr>", links, flags=re.S)[1:]  # after the header
    assert len(rows) == len(table)
    for row, (_, expected) in zip(rows, table.iterrows(), strict=True):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        assert cells[-1] == expected["verdict"]
        interval = f"{expected['adj_ci_low']:.2f} to {expected['adj_ci_high']:.2f}"
        assert cells[2] == interval.replace("-", "\u2212")  # the report prints a minus sign
    assert "Bonferroni" in links and "similar neighbouring days agrees" in links


def test_problems_beyond_the_first_200_are_counted_not_listed():
    import io

    frame = sp.simulate_journal("dvt", days=150, seed=4)
    frame = frame.astype({"pain": object})
    frame.loc[frame.index[:205], "pain"] = "<b>eleven</b>"
    journal = sp.read_journal(io.StringIO(frame.to_csv(index=False)))
    assert len(journal.problems) >= 205
    page = sp.report_html(journal)
    section = page[page.index('id="problems"') :]
    assert section.count("<code>&lt;b&gt;eleven&lt;/b&gt;</code>") == 200
    more = len(journal.problems) - 200
    assert (
        f"... and {more} more; run <code>sci-pain validate FILE --max-problems 0</code> "
        "to list them all." in section
    )


def test_report_figures_are_drawn_on_the_fast_canvas():
    """Each string of a report figure is rasterised once (plotting._fastagg), not glyph by glyph."""
    from sci_pain.html.report_sections import figure_or_reason
    from sci_pain.plotting import fast_canvas_class

    canvases = []
    page = figure_or_reason(
        "A test figure",
        lambda ax: canvases.append(ax.figure.canvas) or ax.set_title("Pain over time"),
        lambda: "An empty set of axes with a title.",
    )
    assert isinstance(canvases[0], fast_canvas_class())
    assert 'alt="An empty set of axes with a title."' in page
