"""Run computations in other processes while this one goes on (``sci-pain report``).

The clinic report's slowest analysis (the links' block bootstrap) does not depend on its
figures, drawing the figures depends on neither the bootstrap nor the text, and only the
figures need matplotlib: on a machine with a free core they overlap.
:func:`in_background` forks the process (the child has every module and the data already, so
nothing is imported or copied up front), runs one function there and hands the pickled result
back through a pipe; :meth:`Pending.result` waits for it. :func:`start_worker` forks a
:class:`Worker` early, which gets ready (imports what it will need) while this process works,
then runs the calls sent to it (:func:`~sci_pain.html.report_drawing.start_drawing`: the
figures, in two processes).

Only where forking is safe and cheap: Linux, and a process with no other thread (a Jupyter
kernel has several, so notebooks and widgets never fork). Anywhere else, or when anything goes
wrong in the child (it cannot pickle its result, it dies), the function simply runs in this
process: the result is the same either way.

Examples
--------
>>> pending = in_background(sum, [1, 2, 3])
>>> pending.result()
6
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["Pending", "Worker", "can_fork", "in_background", "start_worker"]


def can_fork() -> bool:
    """Tell whether :func:`in_background` would use a second process here."""
    return (
        sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
    )


class Pending:
    """A result being computed, in a child process or (after a fallback) on request."""

    def __init__(self, function: Callable, args: tuple, kwargs: dict) -> None:
        self._call = (function, args, kwargs)
        self._pid: int | None = None
        self._read: int | None = None
        self._done = False
        self._value: Any = None

    def _start(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, leave without running any exit handler
            _close_parents_ends()
            os.close(read)
            status = 0
            try:
                function, args, kwargs = self._call
                payload = pickle.dumps(function(*args, **kwargs), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as stream:
                    stream.write(payload)
            except BaseException:  # any failure: the parent computes it itself
                status = 1
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> Any:
        """Return the result, waiting for the child; computed here if the child failed."""
        if self._done:
            return self._value
        payload, ok = b"", False
        if self._pid is not None:
            with os.fdopen(self._read, "rb") as stream:
                payload = stream.read()
            _, status = os.waitpid(self._pid, 0)
            ok = os.waitstatus_to_exitcode(status) == 0 and bool(payload)
        if ok:
            try:
                self._value = pickle.loads(payload)
            except Exception:  # could not be read back: compute it here
                ok = False
        if not ok:
            function, args, kwargs = self._call
            self._value = function(*args, **kwargs)
        self._done = True
        self._call = None
        return self._value

    def close(self) -> None:
        """Wait for the child to end without reading its result (after an error elsewhere)."""
        if self._pid is None or self._done:
            return
        os.close(self._read)
        os.waitpid(self._pid, 0)
        self._pid = None


_PARENTS_ENDS: set[int] = set()
"""This process's ends of the live workers' pipes: a process forked later closes its copies,
else a worker would wait for that process to end before it sees the end of its requests."""


def _close_parents_ends() -> None:
    for fd in _PARENTS_ENDS:
        with contextlib.suppress(OSError):
            os.close(fd)


def _send(stream, message: Any) -> None:
    _write(stream, pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def _write(stream, payload: bytes) -> None:
    stream.write(struct.pack(">Q", len(payload)) + payload)
    stream.flush()


def _receive(stream) -> Any:
    """Read one message written by :func:`_send`; None at the end of the stream."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    return pickle.loads(stream.read(struct.unpack(">Q", head)[0]))


def _serve(requests: int, replies: int) -> None:
    """Run each call read from ``requests``; at their end send every result to ``replies``."""
    done: dict[int, Any] = {}
    with os.fdopen(requests, "rb") as stream:
        while (message := _receive(stream)) is not None:
            key, function, args = message
            with contextlib.suppress(Exception):  # made again by the parent
                done[key] = function(*args)
    with os.fdopen(replies, "wb") as stream:
        _send(stream, done)


class Worker:
    """Processes forked early that get ready once and then run the calls sent to them.

    ``sci-pain report`` starts one before it reads the journal: it imports matplotlib and
    the plotting modules (``ready()``) while this process reads it and computes the analyses, then
    forks itself into ``lanes`` processes (after the imports: nothing is imported twice),
    which draw the figures as soon as they are asked for (:meth:`submit`, in turn), while
    this process writes the text. :meth:`results` hands every result back at the end. This
    process never needs matplotlib. A call that failed in the worker (or every call, if a
    process died) is made again here on :meth:`results`, so its result, or its error, is the
    same either way. Use :func:`start_worker`, which returns None where forking is not safe.
    """

    def __init__(self, ready: Callable[[], Any] | None = None, *, lanes: int = 1) -> None:
        self.calls: list[tuple[Callable, tuple]] = []
        self._done: dict[int, Any] | None = None
        pipes = [(*os.pipe(), *os.pipe()) for _ in range(lanes)]  # requests r/w, replies r/w
        for _, write, _, _ in pipes:
            with contextlib.suppress(AttributeError, ImportError, OSError):  # room for numbers
                import fcntl

                fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 1 << 20)
        self._pid = os.fork()
        if self._pid == 0:  # the child: get ready, run what comes, send it all back, leave
            _close_parents_ends()
            status = 0
            try:
                for _, write, read, _ in pipes:
                    os.close(write)
                    os.close(read)
                if ready is not None:
                    ready()
                lane, helpers = 0, []
                for other in range(1, lanes):  # one process per lane, forked when ready
                    pid = os.fork()
                    if pid == 0:
                        lane, helpers = other, []
                        break
                    helpers.append(pid)
                for i, (read, _, _, write) in enumerate(pipes):
                    if i != lane:
                        os.close(read)
                        os.close(write)
                _serve(pipes[lane][0], pipes[lane][3])
                for pid in helpers:
                    os.waitpid(pid, 0)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        self._streams = []
        self._replies = []
        for read, write, reply, sent in pipes:
            os.close(read)
            os.close(sent)
            self._streams.append(os.fdopen(write, "wb"))
            self._replies.append(reply)
            _PARENTS_ENDS.update((write, reply))

    def submit(self, function: Callable, *args) -> int:
        """Send ``function(*args)`` to the next lane; return its key in :meth:`results`."""
        self.calls.append((function, args))
        key = len(self.calls) - 1
        if not self._streams:
            return key
        try:
            payload = pickle.dumps((key, function, args), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # cannot be sent (a lambda): made here on results()
            return key
        try:
            _write(self._streams[key % len(self._streams)], payload)
        except OSError:  # the worker is gone: what is left is made here
            self._stop()
        return key

    def results(self) -> list[Any]:
        """Return every call's result, in the order submitted (waits for the worker)."""
        done = self._stop()
        return [
            done[key] if key in done else function(*args)
            for key, (function, args) in enumerate(self.calls)
        ]

    def _stop(self) -> dict[int, Any]:
        """Close the requests, wait for the worker; return what it sent back (once)."""
        if self._done is not None:
            return self._done
        if not self.calls:  # nothing to wait for (a journal with no figure to draw)
            self.close()
            return self._done
        self._close_requests()
        done: dict[int, Any] = {}
        try:
            for reply in self._replies:
                _PARENTS_ENDS.discard(reply)
                with os.fdopen(reply, "rb") as stream, contextlib.suppress(Exception):
                    done.update(_receive(stream) or {})  # else (unreadable) made here
        finally:
            os.waitpid(self._pid, 0)
            self._pid = None
        self._done = done
        return done

    def _close_requests(self) -> None:
        for stream in self._streams:
            _PARENTS_ENDS.discard(stream.fileno())
            with contextlib.suppress(OSError, ValueError):
                stream.close()
        self._streams = []

    def close(self) -> None:
        """End the worker without reading its results (after an error elsewhere).

        A worker that was asked for nothing is stopped at once, not left to finish getting
        ready (``sci-pain report`` with a journal it cannot read, or without a figure to draw,
        does not wait for matplotlib to be imported in a process that will draw nothing;
        :meth:`results` then ends it the same way).
        """
        if self._done is not None:
            return
        if not self.calls:
            with contextlib.suppress(OSError):  # already gone
                os.kill(self._pid, signal.SIGKILL)
        self._close_requests()
        for reply in self._replies:  # a process still writing gets a broken pipe and leaves
            _PARENTS_ENDS.discard(reply)
            os.close(reply)
        os.waitpid(self._pid, 0)
        self._pid = None
        self._done = {}


def start_worker(ready: Callable[[], Any] | None = None, *, lanes: int = 1) -> Worker | None:
    """Fork a :class:`Worker` where that is safe (see :func:`can_fork`); else return None."""
    if not can_fork():
        return None
    try:
        return Worker(ready, lanes=lanes)
    except OSError:  # no fork available (limits)
        return None


def in_background(function: Callable, *args, **kwargs) -> Pending:
    """Start ``function(*args, **kwargs)`` in a child process where that is safe.

    Returns
    -------
    Pending
        Its :meth:`Pending.result` gives the value (or raises what the function raises, then
        computed in this process).
    """
    pending = Pending(function, args, kwargs)
    if can_fork():
        try:
            pending._start()
        except OSError:  # no fork available (limits): computed on request instead
            pending._pid = None
    return pending
