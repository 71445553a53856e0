"""Run one computation in a second process while this one goes on (``sci-pain report``).

The clinic report's slowest analysis (the links' block bootstrap) does not depend on its
figures, and drawing the figures does not depend on it: on a machine with a free core the two
can overlap; so can drawing one half of the figures and the other
(:func:`~sci_pain.html.report_sections.draw_ahead`). :func:`in_background` forks the process (the child has every module and the data
already, so nothing is imported or copied up front), runs the function there and hands the
pickled result back through a pipe; :meth:`Pending.result` waits for it.

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

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["Pending", "can_fork", "in_background"]


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
