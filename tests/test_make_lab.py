"""`make lab` prints a URL that opens notebook 00 itself, not JupyterLab's Launcher (issue 14)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_lab_prints_a_url_that_opens_notebook_00():
    port = _free_port()
    process = subprocess.Popen(
        ["make", "-s", "lab", f"LAB_PORT={port}", "LAB_ARGS=--no-browser"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        url, deadline, seen = None, time.monotonic() + 90, []
        while url is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            seen.append(line)
            match = re.search(rf"http://127\.0\.0\.1:{port}/\S+", line)
            if match:
                url = match.group(0)
        assert url, "make lab printed no URL:\n" + "".join(seen[-20:])
        path, _, query = url.partition("?")
        assert path.endswith(f":{port}/lab/tree/00_start_here.ipynb"), url
        assert query.startswith("token=")  # token authentication stays on
        for _ in range(60):  # the URL is printed just before the server accepts connections
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    assert response.status == 200
                break
            except urllib.error.URLError:
                time.sleep(0.5)
        else:
            pytest.fail(f"{url} did not answer")
        contents = url.replace("/lab/tree/", "/api/contents/")
        with urllib.request.urlopen(contents, timeout=30) as response:
            assert json.load(response)["name"] == "00_start_here.ipynb"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        process.stdout.close()


def test_make_test_writes_screenshots_under_build_and_only_make_screenshots_refreshes_docs():
    # issue 14: `make test` rewrote the tracked screenshots in docs/screenshots/
    from tests.browser import conftest

    env = os.environ.get("SCI_PAIN_SCREENSHOTS")
    if env is None:
        assert conftest.SCREENSHOTS == ROOT / "build" / "screenshots"
    dry = subprocess.run(
        ["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "docs/screenshots" not in dry
    dry = subprocess.run(
        ["make", "-n", "screenshots"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "SCI_PAIN_SCREENSHOTS=docs/screenshots" in dry and "tests/browser" in dry
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "build/screenshots/00_start_here.png"], cwd=ROOT
    )
    assert ignored.returncode == 0, "build/screenshots/ must be ignored by git"
