"""Fixtures for the real-browser tests: a JupyterLab server on a free loopback port with a
token, serving copies of the notebooks, and Debian's Chromium driven by Playwright.

Chromium is never downloaded: the tests use /usr/bin/chromium (or $SCI_PAIN_CHROMIUM). When it
is missing they are skipped with a message saying how to enable them, unless
SCI_PAIN_REQUIRE_BROWSER=1 (set by .ci/run), in which case they fail.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
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


def require_browser() -> None:
    """Skip (or with SCI_PAIN_REQUIRE_BROWSER=1 fail) the test when Chromium is missing."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("SCI_PAIN_REQUIRE_BROWSER") == "1":
        pytest.fail(HOW_TO_ENABLE.replace("skipped", "required (SCI_PAIN_REQUIRE_BROWSER=1)"))
    pytest.skip(HOW_TO_ENABLE)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(root: Path, **folders: str) -> dict[str, str]:
    """The environment of a Jupyter server started by a test: its folders under ``root``.

    Each keyword names an environment variable and a folder of ``root`` (made if missing);
    figures draw with the inline backend, as in a notebook.
    """
    env = {**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    for variable, folder in folders.items():
        (root / folder).mkdir(exist_ok=True)
        env[variable] = str(root / folder)
    return env


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

    def sessions(self) -> list[dict]:
        """The server's sessions (one per open notebook, with its kernel)."""
        with urllib.request.urlopen(self.url("/api/sessions"), timeout=30) as response:
            return json.load(response)

    def shutdown_kernels(self, *, keep: Iterable[str] = ()) -> None:
        """Shut every notebook's kernel down, except those of the notebooks named in ``keep``."""
        keep = set(keep)
        opener, xsrf = self._opener()
        for session in json.load(opener.open(self.url("/api/sessions"))):
            if session["path"].rsplit("/", 1)[-1] in keep:
                continue
            request = urllib.request.Request(
                self.url(f"/api/sessions/{session['id']}"),
                method="DELETE",
                headers={"X-XSRFToken": xsrf},
            )
            opener.open(request).read()


# The browser and JupyterLab live as long as the browser tests (package scope), not the whole
# session. Kept open until the end of `make test`, through the other tests (which start and
# fork processes), closing Chromium took 60-118 s of the session's end; closed right after the
# browser tests it takes under a second (a Chromium left idle for minutes alone closes at once).
@pytest.fixture(scope="package")
def lab_server(tmp_path_factory):
    require_browser()
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
    port, token = free_port(), secrets.token_hex(16)
    env = server_env(
        root,
        JUPYTER_CONFIG_DIR="config",
        JUPYTER_RUNTIME_DIR="runtime",
        JUPYTERLAB_SETTINGS_DIR="settings",
        JUPYTERLAB_WORKSPACES_DIR="workspaces",
    )
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
    # Its own process group, so that the server and its kernels can be stopped together.
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    server = LabServer(work, port, token, process)
    wait_for_server(
        process, server.url("/api/status"), root / "lab.log", "JupyterLab", stop=stop_server
    )
    yield server
    stop_server(process)


def wait_for_server(
    process: subprocess.Popen, url: str, log: Path, name: str, *, stop=None
) -> None:
    """Wait until a server started by a test answers ``url`` (any HTTP answer counts).

    Fails the test, with the end of the server's ``log``, when it exits or does not answer
    within 60 s; then it is stopped with ``stop(process)`` (default: terminate it).
    """
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} exited: {log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except urllib.error.HTTPError:  # it answered (e.g. a redirect to its login page)
            return
        except OSError:
            time.sleep(0.3)
    (stop or subprocess.Popen.terminate)(process)
    pytest.fail(f"{name} did not answer within 60 s")


def _children(pids: set[int]) -> set[int]:
    """The processes whose parent is in ``pids`` (read from /proc; empty where there is none)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) in pids:
                found.add(int(stat.parent.name))
    return found


def stop_server(process: subprocess.Popen, *, grace: float = 20) -> None:
    """Stop a server started by a test (in its own process group) and its kernels, at once.

    A Jupyter server stopped by SIGTERM shuts each kernel down politely and waits for it to
    exit (jupyter_client's shutdown_wait_time, 5 s, then SIGTERM): about 9 s for Voila's one
    kernel under load, and the old ``wait(timeout=15)`` at the end of ``make test`` for
    JupyterLab. jupyter_client starts every kernel in a session of its own, so a signal to the
    server's process group does not reach it. The kernels are throw-away here: each kernel's
    group and the server's group get SIGTERM together, the kernels exit at once, and the
    server, finding them gone, stops by itself (about a second; a few under load, most of it
    the interpreter's own exit). SIGKILL comes only if the server is still running after
    ``grace`` seconds.
    """
    groups = {process.pid}
    for child in _children({process.pid}):  # the kernels
        with contextlib.suppress(OSError):
            groups.add(os.getpgid(child))
    for group in groups:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="package")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def new_page(browser):
    """A page in a browser context of its own, on a laptop screen: results must be in view at
    this size (issue 14)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    page.context.close()


class NotebookPages:
    """Pages of JupyterLab opened ahead: two pages, one server.

    While one notebook's test runs, the next notebook's page (a browser context of its own)
    loads JupyterLab and starts its kernel, so that on two cores the next test finds its
    notebook open. Each page records its JavaScript errors from its first moment on.
    """

    def __init__(self, browser, lab_server: LabServer):
        self.browser, self.lab_server = browser, lab_server
        self.opened: dict[str, tuple[object, list[str]]] = {}
        self.started: set[str] = set()

    def open(self, notebook: str) -> None:
        """Start opening ``notebook`` and return at once (the page loads in the background)."""
        if notebook in self.opened:
            return
        page, errors = new_page(self.browser), []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(self.lab_server.url(f"/lab/tree/{notebook}?reset"), wait_until="commit")
        self.opened[notebook] = (page, errors)

    def run_ahead(self, notebook: str) -> None:
        """Clear and Run All Cells of a notebook opened ahead if its kernel is ready now (the
        cells then run while the current test goes on); otherwise leave it to its own test."""
        if notebook in self.opened and notebook not in self.started:
            page, _ = self.opened[notebook]
            if ready_to_run(self.lab_server, page, notebook):
                start_run(page)
                self.started.add(notebook)

    def take(self, notebook: str) -> tuple[object, list[str]]:
        """The page of ``notebook`` (opened now if it was not opened ahead), and its errors."""
        self.open(notebook)
        return self.opened[notebook]

    def close(self, notebook: str) -> None:
        page, _ = self.opened.pop(notebook)
        self.started.discard(notebook)
        page.context.close()

    def close_all(self) -> None:
        for notebook in list(self.opened):
            self.close(notebook)


@pytest.fixture(scope="package")
def notebook_pages(browser, lab_server):
    pages = NotebookPages(browser, lab_server)
    yield pages
    pages.close_all()


# -- driving JupyterLab (shared by every test that opens a notebook) ---------------------------


def menu(page, menu: str, item: str) -> None:
    """Choose ``item`` in JupyterLab's menu ``menu``."""
    accept_kernel_dialog(page)  # a late "Select Kernel" dialog would swallow the click
    page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def dismiss_news(page) -> None:
    """Answer JupyterLab's "get notified about Jupyter news?" toast if it is shown."""
    toast = page.locator(".jp-toast-button", has_text="No")
    if toast.count():
        toast.first.click()


def accept_kernel_dialog(page) -> None:
    """Under heavy load JupyterLab may ask which kernel to start: accept its default."""
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    if dialog.count():
        dialog.locator(".jp-Dialog-button.jp-mod-accept").first.click()


def wait_idle(page, seconds: float = 120) -> None:
    """Wait until the notebook's kernel shows idle."""
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        state="attached", timeout=seconds * 1000
    )


# Resolves once the element's box has stayed put for `frames` animation frames in a row, after
# its top has left `from` (when given): scrolling and layout have finished.
_STAYS_PUT = """([e, frames, from, seconds]) => new Promise((resolve, reject) => {
  const deadline = performance.now() + seconds * 1000;
  let last = null, same = 0, moved = from === null;
  const step = () => {
    const box = e.getBoundingClientRect();
    const now = [box.top, box.left, box.width, box.height].join();
    moved = moved || box.top !== from;
    same = moved && now === last ? same + 1 : 0;
    last = now;
    if (same >= frames) resolve(box.top);
    else if (performance.now() > deadline) reject(new Error(moved ? 'still moving' : 'not moved'));
    else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


def wait_still(locator, *, moved_from: float | None = None, seconds: float = 10) -> float:
    """Wait until ``locator``'s element stays put (scrolling and layout done); its new top.

    With ``moved_from``, first wait until its top has left that position (a scroll that has not
    started yet is not taken for one that has finished). Replaces fixed pauses: it returns as
    soon as the box is the same over three animation frames in a row.
    """
    return locator.evaluate(f"e => ({_STAYS_PUT})([e, 3, {json.dumps(moved_from)}, {seconds}])")


def scroll_into_view(locator, block: str = "start") -> None:
    """Scroll ``locator``'s element to the top (``block="end"``: bottom) of the screen and wait
    until it stays there."""
    locator.evaluate(f"e => e.scrollIntoView({{block: '{block}'}})")
    wait_still(locator)


PROMPTS = """() => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
              .map(e => e.textContent.trim())"""


def run_all(page, attempts: int = 3) -> None:
    """Run → Run All Cells, retried if the click was lost (the kernel did not start running)."""
    for _ in range(attempts):
        menu(page, "Run", "Run All Cells")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if any(p != "[ ]:" for p in page.evaluate(PROMPTS)):
                return
            time.sleep(0.2)
        if page.locator(".jp-Dialog", has_text="Select Kernel").count():
            accept_kernel_dialog(page)  # Escape would leave the notebook without a kernel
        else:
            page.keyboard.press("Escape")
    pytest.fail("Run All Cells did not start the notebook")


def assert_widgets_rendered(page) -> None:
    """No widget failed to render (the model is missing, or its view threw in JavaScript)."""
    for text in ("Error displaying widget", "Click to show javascript error"):
        assert page.locator(f"text={text}").count() == 0, f"a widget shows {text!r}"


def is_idle(page) -> bool:
    """Whether the notebook's kernel shows idle."""
    return page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0


def wait_all_run(page, seconds: float = 180) -> None:
    """Wait until every code cell shows an execution count and the kernel is idle.

    If the kernel sits idle for 10 s with cells still unrun (a Run All that JupyterLab only
    partly queued, seen under heavy load), Run All is issued again: re-running is harmless.
    """
    deadline = time.monotonic() + seconds
    idle_since = None
    while time.monotonic() < deadline:
        prompts = page.evaluate(PROMPTS)
        done = bool(prompts) and all(p[1:-2].isdigit() for p in prompts)
        if done and is_idle(page):
            return
        if not done and is_idle(page) and "[*]:" not in prompts:
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since > 10:
                menu(page, "Run", "Run All Cells")
                idle_since = None
        else:
            idle_since = None
        time.sleep(0.25)
    pytest.fail(f"not every cell ran within {seconds} s: prompts {prompts}")


def _has_idle_kernel(lab_server, notebook: str) -> bool:
    """Whether the server holds a session of ``notebook`` whose kernel is idle."""
    return any(
        session["path"].rsplit("/", 1)[-1] == notebook
        and (session.get("kernel") or {}).get("execution_state") == "idle"
        for session in lab_server.sessions()
    )


def ready_to_run(lab_server, page, notebook: str) -> bool:
    """Whether the notebook's page can run it now: shown, and its kernel idle in the page and
    on the server (a "Select Kernel" dialog is accepted). Never waits."""
    accept_kernel_dialog(page)
    return (
        page.locator(".jp-Notebook").count() > 0
        and is_idle(page)
        and _has_idle_kernel(lab_server, notebook)
    )


def start_run(page) -> None:
    """Answer the news toast, clear every output and Run All Cells (returns once it started)."""
    accept_kernel_dialog(page)
    dismiss_news(page)
    wait_idle(page)
    menu(page, "Edit", "Clear Outputs of All Cells")
    run_all(page)


def _kernel_ready(lab_server, page, notebook: str, *, seconds: float) -> bool:
    """Wait until the page shows ``notebook`` with an idle kernel, and the server holds its
    session with an idle kernel (a "Select Kernel" dialog is accepted); whether it did within
    ``seconds``.

    Under load JupyterLab may ask for the kernel a moment after the status shows idle: it asks
    only while the notebook has no kernel, so this waits for the server's idle kernel too,
    instead of a fixed pause.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready_to_run(lab_server, page, notebook):
            return True
        time.sleep(0.25)
    return False


def open_and_run(
    lab_server,
    page,
    notebook: str,
    *,
    opened: bool = False,
    started: bool = False,
    keep: Iterable[str] = (),
) -> None:
    """Open a fresh copy of a notebook in JupyterLab, clear its outputs, Run All Cells and wait.

    The one set-up of every JupyterLab test: kernels of earlier tests are shut down first
    (except those of ``keep``, notebooks opened ahead); a "Select Kernel" dialog (under load)
    is accepted and the news toast answered; the test continues when every code cell has run
    and the kernel is idle. With ``opened``, the page already shows the notebook, and with
    ``started`` its run has started too (both done ahead by `NotebookPages`).
    """
    lab_server.shutdown_kernels(keep={notebook, *keep} if opened else keep)
    if started:
        wait_all_run(page)
        return
    if not opened:
        page.goto(lab_server.url(f"/lab/tree/{notebook}?reset"))
    if not _kernel_ready(lab_server, page, notebook, seconds=90):
        # Seen once in CI on a loaded machine: a page opened ahead lost its session in
        # JavaScript ("Cannot read properties of null (reading 'kernel')") and never showed
        # idle. Start over as a learner would: shut its kernel down and reload the notebook.
        lab_server.shutdown_kernels(keep=keep)
        page.goto(lab_server.url(f"/lab/tree/{notebook}?reset"))
        if not _kernel_ready(lab_server, page, notebook, seconds=150):
            pytest.fail(
                f"{notebook}: the kernel was not idle within 90 s, nor 150 s after a reload"
            )
    start_run(page)
    wait_all_run(page)


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
