"""Fixtures for the real-browser tests: a JupyterLab server on a free loopback port with a
token, serving copies of the notebooks, and Debian's Chromium driven by Playwright.

Chromium is never downloaded: the tests use /usr/bin/chromium (or $SCI_PAIN_CHROMIUM). When it
is missing they are skipped with a message saying how to enable them, unless
SCI_PAIN_REQUIRE_BROWSER=1 (set by .ci/run), in which case they fail.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SCI_PAIN_CHROMIUM", "/usr/bin/chromium")
# Screenshots go under build/ (ignored by git), so `make test` never rewrites tracked files;
# `make screenshots` sets SCI_PAIN_SCREENSHOTS=docs/screenshots to refresh the committed ones.
SCREENSHOTS = ROOT / os.environ.get("SCI_PAIN_SCREENSHOTS", "build/screenshots")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOW_TO_ENABLE = (
    f"browser tests skipped: Chromium not found at {CHROMIUM}. To run them, install Debian's "
    "Chromium (sudo apt-get install chromium) or point SCI_PAIN_CHROMIUM at a Chromium binary."
)


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("SCI_PAIN_REQUIRE_BROWSER") == "1":
        pytest.fail(HOW_TO_ENABLE.replace("skipped", "required (SCI_PAIN_REQUIRE_BROWSER=1)"))
    pytest.skip(HOW_TO_ENABLE)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """A running JupyterLab; `url(path)` adds the token, `shutdown_kernels()` frees kernels."""

    def __init__(self, root: Path, port: int, token: str, process: subprocess.Popen):
        self.root, self.port, self.token, self.process = root, port, token, process
        self.base = f"http://127.0.0.1:{port}"

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}{path}{sep}token={self.token}"

    def _opener(self):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(self.url("/lab")).read()
        xsrf = next((c.value for c in jar if c.name == "_xsrf"), "")
        return opener, xsrf

    def shutdown_kernels(self) -> None:
        opener, xsrf = self._opener()
        for session in json.load(opener.open(self.url("/api/sessions"))):
            request = urllib.request.Request(
                self.url(f"/api/sessions/{session['id']}"),
                method="DELETE",
                headers={"X-XSRFToken": xsrf},
            )
            opener.open(request).read()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    _require_browser()
    root = tmp_path_factory.mktemp("lab")
    work = root / "notebooks"
    work.mkdir()
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        shutil.copy(notebook, work / notebook.name)  # JupyterLab autosaves what it opens
    for name in ("config", "data", "runtime", "settings", "workspaces"):
        (root / name).mkdir()
    # Render every cell (JupyterLab 4 virtualises cells outside the viewport by default, so a
    # widget further down would not be in the page), and no news toast.
    tracker = root / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(root / "config"),
        "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = (root / "lab.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = LabServer(work, port, token, process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited: {(root / 'lab.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(server.url("/api/status"), timeout=2).read()
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.terminate()
        pytest.fail("JupyterLab did not answer within 60 s")
    yield server
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    # a laptop screen: results must be in view at this size (issue 14)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    """Say plainly, at the end of `make test`, when the browser tests did not run."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "browser" in str(getattr(report, "nodeid", ""))
    ]
    if skipped:
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", yellow=True)
        terminalreporter.write_line(HOW_TO_ENABLE)
