"""Tests for sci_pain.widgets.journal: set each control's .value and assert on what changed."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from uploads import upload

import sci_pain as sp
from sci_pain.analysis import filter_entries
from sci_pain.journal import SIDES, SITES, journal_from_frame
from sci_pain.plotting import alt_text
from sci_pain.widgets import STATIC_HTML_MIMETYPE
from sci_pain.widgets.dashboard import DASHBOARD_KINDS, JournalView
from sci_pain.widgets.did_it_help import make_did_it_help
from sci_pain.widgets.journal import make_journal_dashboard


@pytest.fixture(scope="module")
def dashboard():
    return make_journal_dashboard()


# -- the dashboard ---------------------------------------------------------------------------


def test_dashboard_starts_on_the_first_example_timeline(dashboard):
    box = dashboard
    assert "sci-pain-dashboard" in box._dom_classes
    assert box.controls["journal"].value == "neuropathic"
    assert box.controls["kind"].value == "timeline"
    assert box.picture.title == "Pain over time"
    (output,) = box.figure.outputs
    assert f'alt="{box.picture.alt}"' in output["data"]["text/html"]
    expected = alt_text(
        "timeline",
        box.journal,
        window=7,
        flags=sp.scan_red_flags(box.journal, injury_level="unknown"),
    )
    assert box.picture.alt == expected
    assert "Figure description:" in box.alt.value
    assert "No problems" in box.status.value


def test_every_control_has_a_description(dashboard):
    for name, control in dashboard.controls.items():
        assert control.description.strip(), name
        assert control.tooltip, name


@pytest.mark.parametrize("kind", DASHBOARD_KINDS)
def test_each_kind_draws_its_figure_with_its_alt_text(dashboard, kind):
    box = dashboard
    box.controls["kind"].value = kind
    entries = box.journal.entries
    titles = {
        "timeline": "Pain over time",
        "calendar": "Daily mean pain: calendar",
        "time_of_day_weekday": "Mean pain by weekday and time of day",
        "body_map": "Mean pain by site",
        "descriptors": "Pain descriptors: neuropathic vs nociceptive",
    }
    if kind in titles:
        assert box.picture.title == titles[kind]
        extra = {"flags": box.figures.flags} if kind == "timeline" else {}
        assert box.picture.alt == alt_text(kind, entries, **extra)
    elif kind == "association":
        assert box.picture.title.startswith("Pain vs activity (same day)")
    else:
        assert box.picture.title.startswith("Pain journal 2026-01-05 to 2026-05-04")
    assert box.controls["window"].disabled == (kind not in ("timeline", "overview"))
    shown = box.children[5].layout.display  # the measure and lag row
    assert (shown != "none") == (kind == "association")
    box.controls["kind"].value = "timeline"


def test_smoothing_window_changes_the_rolling_mean(dashboard):
    box = dashboard
    before = box.figure.outputs
    box.controls["window"].value = 14
    assert "14-day rolling mean" in box.alt.value
    ax = box.figures.figure("timeline").axes[0]
    assert ax.lines[0].get_label() == "14-day rolling mean"
    assert "14-day rolling mean" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert box.figure.outputs != before
    box.controls["window"].value = 7
    assert box.figure.outputs == before  # back to a view seen before: the same picture


def test_date_range_site_and_side_filter_the_entries(dashboard):
    box = dashboard
    c = box.controls
    assert c["site"].value == c["side"].value == "all"
    days = [value for _, value in c["dates"].options]
    assert (days[0], days[-1]) == (dt.date(2026, 1, 5), dt.date(2026, 5, 4))
    c["dates"].value = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert "from 2026-02-01 to 2026-02-28" in box.alt.value
    ax = box.figures.figure("timeline").axes[0]
    low, high = ax.get_xlim()
    assert low < pd.Timestamp("2026-02-01").toordinal() - 719163 + 0.01 < high  # days since 1970
    c["side"].value = "both"
    expected = filter_entries(
        box.journal, start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 28), side="both"
    )
    assert box.picture.n_entries == len(expected)
    view = JournalView(start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 28), side="both")
    flags = box.figures.flags_for(view)
    assert box.picture.alt == alt_text("timeline", expected, window=7, flags=flags)
    assert box.dates_label.value == "01 Feb 2026 to 28 Feb 2026 (28 days)"
    c["side"].value = "all"
    c["dates"].value = (days[0], days[-1])


def test_a_filter_that_keeps_nothing_says_so(dashboard):
    box = dashboard
    box.controls["site"].value = "ankle"
    box.controls["dates"].value = (dt.date(2026, 1, 5), dt.date(2026, 1, 5))
    assert "No entries to show for site ankle, 2026-01-05 to 2026-01-05" in box.alt.value
    assert box.picture.n_entries == 0
    box.controls["site"].value = "all"
    days = [value for _, value in box.controls["dates"].options]
    box.controls["dates"].value = (days[0], days[-1])
    assert box.picture.n_entries == box.journal.n_entries


def test_association_measure_and_lag(dashboard):
    box = dashboard
    box.controls["kind"].value = "association"
    box.controls["lag"].value = 1
    assert "(day before)" in box.picture.title
    assert "activity (day before)" in box.alt.value
    box.controls["variable"].value = "sleep_hours"
    assert box.picture.title.startswith("Pain vs sleep (day before)")
    ax = box.figures.figure("association").axes[0]
    assert ax.get_xlabel() == "Sleep, day before (h)"
    box.controls["lag"].value = 0
    box.controls["variable"].value = "activity_min"
    box.controls["kind"].value = "timeline"


def test_red_flags_are_listed_above_the_figure():
    box = make_journal_dashboard()
    assert "No red-flag pattern" in box.flags.value
    box.controls["journal"].value = "dvt"
    assert "(one swollen leg; one swollen leg with rising pain)" in box.flags.value
    assert "Emergency: seek care now" in box.flags.value
    assert "(2 episodes)" in box.flags.value  # a DVT and a spasm surge: episodes, not 30 entries
    children = list(box.children)
    assert children.index(box.flags) < children.index(box.figure)
    box.controls["dates"].value = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert "swollen leg" not in box.flags.value


def test_the_red_flag_box_is_grouped_once_per_choice_of_entries(monkeypatch):
    # a control that does not choose entries (the smoothing window, the kind of figure)
    # neither groups the flags into episodes again nor renders the box again
    import sci_pain.analysis as analysis
    from sci_pain.html import render_red_flags

    box = make_journal_dashboard()
    box.controls["journal"].value = "dvt"
    original = analysis.red_flag_episodes
    calls = []

    def counted(flags, *args, **kwargs):
        calls.append(len(flags))
        return original(flags, *args, **kwargs)

    monkeypatch.setattr(analysis, "red_flag_episodes", counted)
    shown = box.flags.value
    for window in (9, 11, 14):
        box.controls["window"].value = window
    box.controls["kind"].value = "calendar"
    box.controls["kind"].value = "timeline"
    assert calls == [] and box.flags.value == shown
    box.controls["dates"].value = (dt.date(2026, 2, 1), dt.date(2026, 3, 31))
    assert len(calls) == 1  # grouped once for the new dates: the count and the box
    flags = box.figures.flags_for(JournalView(start=dt.date(2026, 2, 1), end=dt.date(2026, 3, 31)))
    n = len(original(flags))
    assert n and f"({n} episode" in box.flags.value
    alone = render_red_flags(flags, format="html", title="", empty="")  # grouping by itself
    assert alone.split("</p>", 1)[-1] in box.flags.value  # the same flags, in the same words
    box.controls["dates"].value = box.controls["dates"].value  # nothing new: no regrouping
    assert len(calls) == 2  # the box rendering's own check above
    # other dates with the same flags (a slider moved between two flagged days): no
    # regrouping either, and the same box
    first, last = flags["timestamp"].min().date(), flags["timestamp"].max().date()
    box.controls["dates"].value = (first, last + dt.timedelta(days=1))
    assert len(calls) == 2 and f"({n} episode" in box.flags.value
    # dates with fewer flags: grouped again, and said
    box.controls["dates"].value = (first + dt.timedelta(days=1), last)
    fewer = box.figures.flags_for(_view(box))
    assert len(fewer) < len(flags) and len(calls) == 3
    assert f"({len(original(fewer))} episode" in box.flags.value
    box.controls["window"].value = 7


def test_switching_journals_resets_the_filters():
    box = make_journal_dashboard()
    box.controls["site"].value = "foot"
    box.controls["journal"].value = "overuse"
    assert box.controls["site"].value == "all"
    assert "overuse.csv" in box.status.value
    sites = [value for _, value in box.controls["site"].options]
    assert "knee" in sites and "foot" not in sites


def test_upload_of_a_messy_csv_shows_its_problems_escaped():
    box = make_journal_dashboard()
    text = (
        "timestamp;Pain ;Site;Notes\n"
        "2026-03-30 08:00;4;Foot;\n"
        "2026-03-30 20:00;55;foot;\n"
        "2026-03-31 08:00;<script>alert(1)</script>;shin;walked\n"
        "2026-03-31 20:00;5;foot;<b>bold</b>\n"
        "2026-04-01 08:00;3;foot;\n"
    )
    upload(box, "my diary.csv", text.encode("utf-8"))
    assert box.controls["journal"].value == "upload:my diary.csv"
    assert box.journal.source == "my diary.csv"
    assert box.journal.n_entries == 3
    status = box.status.value
    assert "Problems found when reading" in status
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in status
    assert "<script>" not in status
    assert "shin" in status  # an unknown site, cleared and reported
    assert box.picture.n_entries == 3
    assert "uploaded: my diary.csv" in [label for label, _ in box.controls["journal"].options]


def test_upload_of_an_unreadable_file_shows_a_message_not_a_traceback():
    box = make_journal_dashboard()
    shown = box.journal
    upload(box, "diary.xlsx", b"PK\x03\x04 not a csv at all")
    assert "diary.xlsx cannot be read as a journal" in box.status.value
    assert "Excel" in box.status.value
    assert "Traceback" not in box.status.value
    assert box.journal is shown
    upload(box, "empty.csv", b"")
    assert "the file is empty" in box.status.value


def test_a_failed_upload_says_which_journal_the_figure_still_shows():
    box = make_journal_dashboard()
    before = box.picture
    upload(box, "broken.csv", b"PK\x03\x04 not a csv at all")
    assert "broken.csv cannot be read as a journal" in box.status.value
    assert "Still shown below:</b> neuropathic.csv" in box.status.value
    assert "Figure of:</b> neuropathic.csv" in box.shown.value
    assert "broken.csv could not be read" in box.shown.value
    assert box.picture is before


def test_an_upload_without_entries_clears_the_previous_figure():
    box = make_journal_dashboard()
    box.controls["journal"].value = "dvt"  # a journal with red flags above its figure
    assert "Red flags" in box.flags.value
    upload(box, "header only.csv", b"timestamp,pain\n")
    assert box.journal.source == "header only.csv"
    assert box.journal.n_entries == 0
    assert "Figure of:</b> header only.csv" in box.shown.value
    assert box.flags.value == ""  # the dvt journal's flags are gone
    assert box.picture.n_entries == 0
    assert box.picture.alt.startswith("Nothing to show for header only.csv")
    html_out = box.figure.outputs[0]["data"]["text/html"]
    assert 'alt="Nothing to show for header only.csv' in html_out
    assert box.dates_label.value == ""
    # an upload with rows that were all rejected is empty too
    upload(box, "all bad.csv", b"timestamp,pain\n2026-03-01 08:00,55\nyesterday,4\n")
    assert box.picture.alt.startswith("Nothing to show for all bad.csv")
    assert "Problems found when reading" in box.status.value


def test_dashboard_takes_a_journal_or_a_simulated_frame():
    frame = sp.simulate_journal("spasticity", days=60, seed=4)
    box = make_journal_dashboard(frame)
    assert box.controls["journal"].value == "__given__"
    assert box.journal.n_entries == len(frame)
    assert box.controls["journal"].options[0][0] == "your journal (your journal)"
    journal = journal_from_frame(frame, source="sixty days")
    box = make_journal_dashboard(journal)
    assert box.journal is journal
    with pytest.raises(TypeError, match="journal= must be a Journal"):
        make_journal_dashboard([1, 2, 3])


def test_a_figure_that_cannot_be_drawn_shows_why(monkeypatch):
    from sci_pain.analysis import AnalysisError

    box = make_journal_dashboard()

    def refuse(kind, view, **_):
        raise AnalysisError("the body map needs the column 'side'", column="side")

    monkeypatch.setattr(box.figures, "render", refuse)
    box.controls["kind"].value = "body_map"
    assert "This figure cannot be drawn" in box.alt.value
    assert "needs the column &#x27;side&#x27;" in box.alt.value
    assert box.picture.alt.startswith("This figure cannot be drawn")
    assert 'alt="This figure cannot be drawn' in box.figure.outputs[0]["data"]["text/html"]
    monkeypatch.undo()
    box.controls["kind"].value = "calendar"
    assert box.picture.title == "Daily mean pain: calendar"


def test_in_a_kernel_the_other_figures_are_made_while_idle():
    import asyncio

    async def build_and_wait():
        box = make_journal_dashboard()
        options = len(box.controls["journal"].options)
        for _ in range(600):  # one figure or journal per turn of the event loop
            await asyncio.sleep(0.05)
            if len(box.prepared) == options - 1:
                break
        return box

    # A fresh event loop in its own thread: the browser tests' Playwright (sync API) keeps a
    # loop running in this thread for the whole session, and asyncio.run refuses to nest.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        box = pool.submit(asyncio.run, build_and_wait()).result()
    assert set(box.figures._slots) == set(DASHBOARD_KINDS)
    box.controls["kind"].value = "overview"
    assert box.picture.cached
    box.controls["kind"].value = "timeline"
    box.controls["journal"].value = "dvt"
    assert box.picture.cached  # read and drawn while the kernel was idle
    assert box.picture.title == "Pain over time"
    assert make_journal_dashboard(prepare=False).figures._slots.keys() == {"timeline"}


def test_the_long_lived_objects_are_frozen_and_dropped_cycles_freed_at_the_next_freeze():
    # Once a dashboard has prepared everything, what exists is frozen (gc.freeze), so full
    # collections no longer walk it; cyclic garbage frozen with it (an earlier dashboard
    # run again) is collected at the next freeze, not kept for good.
    import gc
    import weakref

    from sci_pain.widgets import journal as dashboard_module

    class Node:
        pass

    node = Node()
    node.itself = node  # a reference cycle: only the collector can free it
    alive = weakref.ref(node)
    try:
        dashboard_module._freeze_long_lived()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert alive() is not None  # frozen: full collections skip it
        dashboard_module._freeze_long_lived()
        assert alive() is None
    finally:
        gc.unfreeze()


def test_image_render_sends_the_png_bytes():
    box = make_journal_dashboard(render="image")
    assert box.figure.value == box.picture.png
    assert box.figure.value[:4] == b"\x89PNG"
    box.controls["window"].value = 3
    assert box.figure.value == box.picture.png
    assert "3-day rolling mean" in box.alt.value


def test_output_render_shows_an_img_with_alt_text():
    box = make_journal_dashboard(render="output")
    (output,) = box.figure.outputs
    html_text = output["data"]["text/html"]
    assert '<img src="data:image/png;base64,' in html_text
    assert 'alt="Timeline of pain (NRS 0-10) from 2026-01-05' in html_text
    assert output["data"]["text/plain"].startswith("[Figure: Timeline of pain")
    box.controls["kind"].value = "body_map"
    assert 'alt="Body map of both legs' in box.figure.outputs[0]["data"]["text/html"]
    with pytest.raises(ValueError, match="render must be"):
        make_journal_dashboard(render="svg")
    with pytest.raises(ValueError, match="Did you mean 'image'"):
        make_journal_dashboard(render="images")


def test_stored_notebooks_get_a_static_figure_with_alt_text(dashboard):
    bundle = dashboard._repr_mimebundle_()
    static = bundle[STATIC_HTML_MIMETYPE]
    assert "<img" in static and 'alt="' in static
    assert "Journal dashboard" in bundle["text/plain"]


def test_blitted_pictures_match_a_fresh_drawing():
    box = make_journal_dashboard()
    c = box.controls
    for value in (3, 10, 21):
        c["window"].value = value
    c["dates"].value = (dt.date(2026, 2, 3), dt.date(2026, 3, 30))
    c["window"].value = 5
    shown = np.asarray(Image.open(io.BytesIO(box.picture.png)).convert("RGB"), dtype=int)
    fresh = sp.JournalFigures(box.journal).render(
        "timeline", JournalView(start=dt.date(2026, 2, 3), end=dt.date(2026, 3, 30), window=5)
    )
    again = np.asarray(Image.open(io.BytesIO(fresh.png)).convert("RGB"), dtype=int)
    assert shown.shape == again.shape
    differ = np.abs(shown - again).max(axis=2) > 40
    assert differ.mean() < 0.002, f"{differ.mean():.4f} of the pixels differ"


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def _view(box) -> JournalView:
    """The view the dashboard's date and window controls select (all sites and sides)."""
    c = box.controls
    start, end = c["dates"].value
    return JournalView(start=start, end=end, window=c["window"].value)


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode()


def test_an_upload_takes_over_the_timeline_and_shows_its_own_entries():
    # The timeline figure is reused across journals (not built and laid out again): what it
    # shows must be the new journal's, as a figure drawn for that journal alone shows it.
    first = sp.simulate_journal("neuropathic", days=120, seed=1)
    second = sp.simulate_journal("neuropathic", days=150, seed=2)
    box = make_journal_dashboard(journal_from_frame(first, source="first"), prepare=False)
    c = box.controls
    c["dates"].value = (c["dates"].options[20][1], c["dates"].options[60][1])
    c["window"].value = 10  # the new journal opens on its own dates, with this window
    figure = box.figures.figure("timeline")
    upload(box, "second.csv", _csv(second))
    assert box.journal.source == "second.csv"
    assert box.figures.figure("timeline") is figure  # taken over, not made again
    entries = box.journal.entries
    points = next(p for p in figure.axes[0].collections if p.get_label() == "entries")
    assert len(points.get_offsets()) == len(entries)
    fresh = sp.JournalFigures(box.journal).render("timeline", _view(box))
    assert box.picture.alt == fresh.alt
    assert "from 2026-01-05 to 2026-06-03" in box.picture.alt  # the second journal's days
    shown, again = _pixels(box.picture.png), _pixels(fresh.png)
    assert shown.shape == again.shape
    differ = np.abs(shown - again).max(axis=2) > 40
    assert differ.mean() < 0.002, f"{differ.mean():.4f} of the pixels differ"
    # and the first journal, chosen again, is drawn with its own figure
    c["journal"].value = c["journal"].options[0][1]
    assert box.figures.figure("timeline") is not figure
    assert "from 2026-01-05 to 2026-05-04" in box.picture.alt


def test_a_timeline_whose_legend_names_other_flags_is_not_taken_over():
    quiet = sp.load_example_journal("neuropathic").entries
    box = make_journal_dashboard(journal_from_frame(quiet, source="quiet"), prepare=False)
    figure = box.figures.figure("timeline")
    flagged = sp.load_example_journal("dvt").entries
    assert set(box.figures.flags["severity"].astype(str)) != set(
        sp.scan_red_flags(flagged, injury_level="unknown")["severity"].astype(str)
    )
    upload(box, "dvt.csv", _csv(flagged))
    assert box.journal.source == "dvt.csv"
    assert box.figures.figure("timeline") is not figure
    legend = [t.get_text() for t in box.figures.figure("timeline").axes[0].get_legend().texts]
    expected = sp.JournalFigures(box.journal).figure("timeline").axes[0].get_legend().texts
    assert legend == [t.get_text() for t in expected]


# -- did it help? ----------------------------------------------------------------------------


def test_did_it_help_starts_with_the_tens_trial():
    box = make_did_it_help()
    assert "sci-pain-did-it-help" in box._dom_classes
    assert box.controls["intervention"].value == "tens"
    assert box.controls["start"].value == dt.date(2026, 3, 2)
    result = box.result
    assert result.intervention == "tens"
    assert "Before tens" in box.summary.value
    assert "NAP" in box.summary.value
    for warning in result.warnings:
        assert warning.split(":")[0].replace("'", "&#x27;") in box.summary.value
    assert "Read with care" in box.summary.value
    assert box.alt.value.count("Phase plot of pain before and after tens") == 1
    assert (
        'alt="Phase plot of pain before and after tens'
        in (box.figure.outputs[0]["data"]["text/html"])
    )
    for name, control in box.controls.items():
        assert control.description.strip() and control.tooltip, name


def test_did_it_help_follows_its_controls():
    box = make_did_it_help()
    c = box.controls
    before = box.summary.value
    c["start"].value = dt.date(2026, 3, 20)
    assert box.result.start == pd.Timestamp("2026-03-20")
    assert box.summary.value != before
    c["washin"].value = 7
    assert box.result.excluded == 7
    c["intervention"].value = "stretching"
    assert c["start"].value == dt.date(2026, 1, 8)  # its first recorded use
    assert "Before stretching" in box.summary.value
    c["intervention"].value = None
    assert "Before the intervention" in box.summary.value


def test_did_it_help_on_other_journals():
    box = make_did_it_help()
    box.controls["journal"].value = "spasticity"
    assert box.controls["intervention"].value == "botulinum_toxin"
    assert box.controls["start"].value == dt.date(2026, 2, 17)
    assert "Before botulinum toxin:" in box.summary.value
    box.controls["journal"].value = "atrophy_weight"
    assert box.controls["intervention"].value == "diet"
    bundle = box._repr_mimebundle_()
    assert 'alt="Phase plot of pain' in bundle[STATIC_HTML_MIMETYPE]


def test_did_it_help_wash_in_does_not_carry_over_to_another_journal():
    box = make_did_it_help()
    box.controls["washin"].value = 7
    assert box.result.excluded == 7
    assert "Wash-in: 7 days at the start of phase B left out" in box.summary.value
    box.controls["journal"].value = "spasticity"
    assert box.controls["washin"].value == 0
    assert box.result.excluded == 0
    assert "Wash-in" not in box.summary.value


def test_did_it_help_shows_a_message_when_a_phase_is_empty():
    days = pd.date_range("2026-03-01", periods=10, freq="D")
    frame = pd.DataFrame({"timestamp": days.strftime("%Y-%m-%d"), "pain": [5, 6] * 5})
    box = make_did_it_help(journal_from_frame(frame, source="short"))
    assert box.controls["intervention"].value is None  # nothing recorded: compare by date
    assert box.result is not None
    box.controls["start"].value = dt.date(2026, 3, 9)
    box.controls["washin"].value = 5  # leaves no day in phase B
    assert box.result is None
    assert "No comparison" in box.summary.value
    assert "Traceback" not in box.summary.value


def _choices_as_before(entries: pd.DataFrame) -> dict:
    """The dates, sites and sides a journal offers, worked out as the dashboard did before."""
    ts = entries["timestamp"].dropna()
    days = [d.date() for d in pd.date_range(ts.min().normalize(), ts.max().normalize())]
    present = {c: set(entries[c].dropna().astype(str)) for c in ("site", "side")}
    return {
        "dates": [(f"{d:%d %b %Y}", d) for d in days],
        "site": [("all sites", "all")]
        + [(s.replace("_", " "), s) for s in SITES if s in present["site"]],
        "side": [("all sides", "all")] + [(s, s) for s in SIDES if s in present["side"]],
    }


def test_uploads_in_a_row_offer_their_own_days_sites_and_sides():
    # the day labels are made once per span of days and the sites and sides read from the
    # categories in use: a second and third file must not be offered the first one's
    long = sp.simulate_journal("neuropathic", days=90, seed=3)
    short = long[long["timestamp"] < "2026-02-10"].copy()
    short.loc[short["site"].isin(["foot", "shin"]), "site"] = "knee"
    short.loc[short.index[::3], "side"] = "left"
    box = make_journal_dashboard(prepare=False)
    c = box.controls
    offered = []
    for name, frame in [("long.csv", long), ("short.csv", short), ("long again.csv", long)]:
        upload(box, name, _csv(frame))
        assert box.journal.source == name
        expected = _choices_as_before(box.journal.entries)
        for control in ("dates", "site", "side"):
            assert list(c[control].options) == expected[control], (name, control)
        assert c["dates"].value == (expected["dates"][0][1], expected["dates"][-1][1])
        assert c["site"].value == c["side"].value == "all"
        offered.append({control: list(c[control].options) for control in ("dates", "site", "side")})
    # the files differ in all three (so each was offered afresh)
    for control in ("dates", "site", "side"):
        assert offered[0][control] != offered[1][control]
    assert offered[0] == offered[2]


def test_sites_of_a_journal_not_read_from_a_file_are_offered_as_written():
    # a hand-made frame: sites as plain text, or a categorical whose categories are not text
    from sci_pain.widgets.journal import _present

    text = pd.Series(["foot", None, "knee", "foot"], dtype=object)
    assert _present(text) == {"foot", "knee"}
    coded = pd.Series(pd.Categorical(["knee", None], categories=["foot", "knee", "hip"]))
    assert _present(coded) == {"knee"}
    numbers = pd.Series(pd.Categorical([1.0, None], categories=[1.0, 2.0]))
    assert _present(numbers) == set(numbers.dropna().astype(str))
    assert _present(pd.Series(pd.Categorical([None], categories=["foot"]))) == set()
