"""The report's links computed in a second process: the same page, and safe fallbacks."""

from __future__ import annotations

import os
import threading

import pytest

import sci_pain as sp
from sci_pain.html._background import can_fork, in_background

forks = pytest.mark.skipif(not can_fork(), reason="forks only on Linux without other threads")


@forks
def test_the_function_runs_in_a_child_process():
    pending = in_background(os.getpid)
    assert pending._pid is not None
    assert pending.result() == pending._pid != os.getpid()
    assert pending.result() == pending._pid  # the value is kept


def test_the_result_comes_back():
    assert in_background(sum, [1, 2, 3], start=4).result() == 10


def test_an_error_is_raised_by_result():
    def fails():
        msg = "no days"
        raise ValueError(msg)

    pending = in_background(fails)
    with pytest.raises(ValueError, match="no days"):
        pending.result()


def test_a_result_that_cannot_be_sent_back_is_computed_here():
    pending = in_background(lambda: lambda: os.getpid())  # a function cannot be pickled
    assert pending.result()() == os.getpid()


def test_a_process_with_other_threads_never_forks():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        pending = in_background(os.getpid)
        assert pending._pid is None and pending.result() == os.getpid()
    finally:
        stop.set()
        thread.join()


def test_a_report_with_the_links_in_a_second_process_is_the_same_page():
    journal = sp.load_example_journal("dvt")
    serial = sp.report_html(journal, injury_level="T10")
    assert sp.report_html(journal, injury_level="T10", parallel=True) == serial


@forks
def test_a_failing_page_leaves_no_child_process_behind(monkeypatch):
    import sci_pain.html.report as report

    started = []
    original = report.build_report_model

    def build(*args, **kwargs):
        model = original(*args, **kwargs)
        started.append(model.links)
        return model

    def broken(model, *, expand=False):
        msg = "drawing failed"
        raise RuntimeError(msg)

    monkeypatch.setattr(report, "build_report_model", build)
    monkeypatch.setattr(report, "render_report", broken)
    with pytest.raises(RuntimeError, match="drawing failed"):
        report.report_html(sp.load_example_journal("dvt"), parallel=True)
    (pending,) = started
    assert pending._pid is None  # waited for
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left to wait for
