"""The report's links computed in a second process: the same page, and safe fallbacks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest

import sci_pain as sp
from sci_pain.html._background import can_fork, in_background

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")


def _in_a_fresh_interpreter(code):
    """Run ``code`` in a new Python process: one thread, as in ``sci-pain report``.

    The test process itself may hold threads started by earlier tests (servers, pools), and
    :func:`in_background` rightly refuses to fork there, so the fork itself is tested apart.
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


@linux
def test_the_function_runs_in_a_child_process():
    _in_a_fresh_interpreter(
        """
        import os
        from sci_pain.html._background import in_background

        pending = in_background(os.getpid)
        assert pending._pid is not None
        assert pending.result() == pending._pid != os.getpid()
        assert pending.result() == pending._pid  # the value is kept
        """
    )


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


_FAIL_AFTER_STARTING_A_CHILD = """
import os
import sci_pain as sp
import sci_pain.html.report as report

started = []  # (pending result, its child's pid), appended by the spy


def broken(model, *, expand=False):
    raise RuntimeError("drawing failed")


report.render_report = broken
{spy}
try:
    report.report_html(sp.load_example_journal("dvt"), parallel=True)
except RuntimeError as error:
    assert "drawing failed" in str(error)
else:
    raise AssertionError("the drawing error was swallowed")
((pending, pid),) = started
assert pid is not None  # a child was started ...
assert pending._pid is None  # ... and waited for
try:
    os.waitpid(pid, os.WNOHANG)
except ChildProcessError:
    pass  # no such child left: it was reaped
else:
    raise AssertionError("the child process was left behind")
"""


def _fails_and_leaves_no_child(spy):
    """Break the page's rendering after `spy` saw a child start; check the child was reaped.

    `spy` replaces a step of ``sci_pain.html.report`` with one that appends
    ``(pending, pending._pid)`` to ``started`` for the second process it started.
    """
    _in_a_fresh_interpreter(_FAIL_AFTER_STARTING_A_CHILD.format(spy=textwrap.dedent(spy)))


@linux
def test_a_failing_page_leaves_no_child_process_behind():
    _fails_and_leaves_no_child(
        """
        original = report.build_report_model

        def build(*args, **kwargs):
            model = original(*args, **kwargs)
            started.append((model.links, model.links._pid))
            return model

        report.build_report_model = build
        """
    )


@linux
def test_the_figures_are_drawn_in_other_processes_and_the_page_is_the_same():
    _in_a_fresh_interpreter(
        """
        import os, sys
        import sci_pain as sp
        import sci_pain.html.report as report
        from sci_pain.html.report_sections import DRAWING_LANES

        journal = sp.load_example_journal("dvt")
        workers = []
        original = report.start_drawing

        def start():
            worker = original()
            workers.append((worker, worker._pid))
            return worker

        report.start_drawing = start
        page = report.report_html(journal, injury_level="T10", parallel=True)
        ((worker, pid),) = workers
        assert pid not in (None, os.getpid()) and worker._pid is None  # started, then reaped
        assert len(worker.calls) == 6 and DRAWING_LANES == 2  # five journal figures, one phase plot
        assert "matplotlib" not in sys.modules  # this process never drew
        assert "sci-pain figure" not in page and page.count("<img") == 6
        assert page == report.report_html(journal, injury_level="T10")  # drawn here, in turn
        """
    )


@linux
def test_a_worker_runs_the_calls_in_its_lanes_and_makes_failed_ones_again_here():
    _in_a_fresh_interpreter(
        """
        import os
        from sci_pain.html._background import start_worker

        def fails_there(parent):
            if os.getpid() != parent:
                raise RuntimeError("only here")
            return "made here"

        worker = start_worker(lambda: None, lanes=2)
        keys = [worker.submit(os.getpid) for _ in range(4)]
        keys.append(worker.submit(fails_there, os.getpid()))
        keys.append(worker.submit(lambda: 1))  # cannot be sent: made here
        assert keys == list(range(6))
        first, second, third, fourth, failed, local = worker.results()
        assert os.getpid() not in (first, second) and first != second  # two lanes
        assert (first, second) == (third, fourth)  # dealt in turn
        assert failed == "made here" and local == 1
        assert worker._pid is None
        """
    )


def test_a_process_with_other_threads_starts_no_worker():
    from sci_pain.html._background import start_worker

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert start_worker() is None
    finally:
        stop.set()
        thread.join()


@linux
def test_a_page_that_fails_after_asking_for_the_figures_leaves_no_child_behind():
    _fails_and_leaves_no_child(
        """
        original = report.request_figures

        def ahead(model):
            model = original(model)
            started.append((model.drawing, model.drawing._pid))
            return model

        report.request_figures = ahead
        """
    )


@linux
def test_the_command_starts_drawing_before_it_reads_the_journal_and_the_page_is_the_same(tmp_path):
    out = tmp_path / "report.html"
    _in_a_fresh_interpreter(
        f"""
        import sys
        import sci_pain.html._background as background
        from sci_pain.cli import main

        at_start = []
        original = background.Worker.__init__

        def spy(self, *args, **kwargs):
            at_start.append({{m: m in sys.modules for m in ("pandas", "sci_pain.journal.reader")}})
            original(self, *args, **kwargs)

        background.Worker.__init__ = spy
        path = {str(sp.example_journal_path("dvt"))!r}
        assert main(["report", path, "-o", {str(out)!r}, "--level", "T10"]) == 0
        # started once, with pandas shared but before the journal's reader was even imported
        assert at_start == [{{"pandas": True, "sci_pain.journal.reader": False}}], at_start
        assert "matplotlib" not in sys.modules  # this process never drew
        import sci_pain as sp

        page = sp.report_html(sp.read_journal(path), injury_level="T10")  # all in this process
        with open({str(out)!r}, encoding="utf-8") as handle:
            assert handle.read() == page
        """
    )


@linux
def test_a_journal_that_cannot_be_read_stops_the_drawing_process_at_once(tmp_path):
    out = tmp_path / "report.html"
    _in_a_fresh_interpreter(
        f"""
        import os, signal, time
        import sci_pain.html.report_drawing as drawing
        from sci_pain.cli import main

        signal.alarm(120)  # a hang guard: waiting for the worker below would never end
        drawing.get_ready_to_draw = lambda: time.sleep(600)  # a worker still getting ready
        missing = {str(tmp_path / "no-such-journal.csv")!r}
        assert main(["report", missing, "-o", {str(out)!r}]) == 2
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            pass  # no child process left, not even a finished one
        else:
            raise AssertionError("a child process was left behind")
        assert not os.path.exists({str(out)!r})
        """
    )


@linux
def test_a_worker_asked_for_nothing_is_stopped_by_close_and_one_asked_finishes():
    _in_a_fresh_interpreter(
        """
        import os, signal, time
        from sci_pain.html._background import start_worker

        signal.alarm(120)  # a hang guard
        idle = start_worker(lambda: time.sleep(600))
        idle.close()  # asked for nothing: stopped, not waited for
        assert idle._pid is None and idle.results() == []
        unused = start_worker(lambda: time.sleep(600))
        assert unused.results() == [] and unused._pid is None  # nothing asked: not waited for
        busy = start_worker(lambda: time.sleep(0.2))
        busy.submit(os.getpid)
        busy.close()  # asked for something: ends when its calls are done (results dropped)
        assert busy._pid is None
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            pass
        else:
            raise AssertionError("a child process was left behind")
        """
    )


@linux
@pytest.mark.parametrize("chosen", [None, "2"])
def test_the_command_gives_openblas_one_thread_unless_chosen_and_the_page_is_the_same(
    tmp_path, chosen
):
    journal = str(sp.example_journal_path("dvt"))
    code = (
        "import os, sys; from sci_pain.cli import main; "
        "status = main(['report', sys.argv[1], '-o', sys.argv[2], '--level', 'T10']); "
        "print(os.environ.get('OPENBLAS_NUM_THREADS')); sys.exit(status)"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if chosen is not None:
        env["OPENBLAS_NUM_THREADS"] = chosen
    out = tmp_path / "report.html"
    result = subprocess.run(
        [sys.executable, "-c", code, journal, str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (chosen or "1")
    page = out.read_text(encoding="utf-8")
    assert page == sp.report_html(sp.read_journal(journal), injury_level="T10")
