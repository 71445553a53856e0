"""`stop_server` stops a test's server and its kernels together, and lets the server exit by
itself: no polite wait for kernels at the end of `make test` (issue 15, item 6)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from .conftest import stop_server

# A stand-in for a Jupyter server with one kernel: on SIGTERM it waits, as a server does, for
# its kernel to end, then exits with status 0. The kernel is started in a session of its own,
# as jupyter_client starts kernels; left running, it would keep the server waiting a minute.
SERVER = """
import signal, subprocess, sys
kernel = subprocess.Popen(
    [sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True
)
def polite(*_):
    kernel.wait()
    sys.exit(0)
signal.signal(signal.SIGTERM, polite)
print(kernel.pid, flush=True)
signal.pause()
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie waits only for its parent to reap it
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_the_server_and_its_kernel_stop_together_and_the_server_exits_by_itself():
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    kernel = int(server.stdout.readline())
    server.stdout.close()
    assert _alive(kernel)
    started = time.monotonic()
    stop_server(server, grace=30)
    # it was not killed: SIGTERM reached the kernel too, so the server's wait ended at once
    assert server.returncode == 0
    assert time.monotonic() - started < 30
    deadline = time.monotonic() + 10
    while _alive(kernel) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(kernel)


def test_a_server_that_ignores_sigterm_is_killed_after_the_grace_period():
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "print(1, flush=True); signal.pause()",
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    server.stdout.readline()
    server.stdout.close()
    stop_server(server, grace=0.5)
    assert server.returncode == -9
