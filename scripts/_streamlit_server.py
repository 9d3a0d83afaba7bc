"""Shared helpers for tests/test_browser.py, scripts/benchmark.py and scripts/screenshots.py.

Starts ``streamlit run app.py`` on a free port as a subprocess of its own (so it can be stopped
with everything it spawned), waits for ``/_stcore/health``, launches the system Chromium through
Playwright and waits until a Streamlit page has finished rendering.

Nothing here is imported by the app; it only needs ``streamlit`` and ``playwright``
(the Python package; the browser is the Debian ``chromium``, never ``playwright install``).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_TIMEOUT_S = 90.0
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class ServerError(RuntimeError):
    """The dashboard did not start (the message says why, with the end of its log)."""


class AppError(RuntimeError):
    """The page finished running but shows a Python exception instead of content."""


def chromium_path() -> str | None:
    """The system Chromium (``STANCE_CHROMIUM`` overrides), or None if none is installed."""
    for candidate in (os.environ.get("STANCE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class StreamlitServer:
    """A running ``streamlit run`` subprocess (see :func:`start_server`)."""

    process: subprocess.Popen
    port: int
    log_path: Path
    started_at: float  # time.perf_counter() just before the process was spawned
    healthy_after_s: float | None = None
    _log_file: object = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        text = _ANSI.sub("", text)
        return "\n".join(text.strip().splitlines()[-lines:])

    def wait_healthy(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> float:
        """Poll ``/_stcore/health`` until it answers ``ok``; returns seconds since the spawn."""
        deadline = self.started_at + timeout_s
        health = f"{self.url}/_stcore/health"
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise ServerError(
                    f"streamlit exited with code {self.process.returncode} before it was healthy.\n"
                    f"{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(health, timeout=2) as response:
                    if response.status == 200 and response.read().strip().lower() == b"ok":
                        self.healthy_after_s = time.perf_counter() - self.started_at
                        return self.healthy_after_s
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.05)
        raise ServerError(f"streamlit did not answer {health} within {timeout_s:.0f} s.\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the server and anything it spawned (its own process group), then close the log."""
        proc = self.process
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)  # the group we created with start_new_session
            except (ProcessLookupError, PermissionError):
                proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    proc.kill()
                proc.wait(timeout=10)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


def start_server(app: str = "app.py", port: int | None = None, extra_env: dict[str, str] | None = None) -> StreamlitServer:
    """Spawn ``python -m streamlit run <app>`` from the repo root on a free port (not yet waited for)."""
    if not (REPO_ROOT / app).exists():
        raise ServerError(f"{REPO_ROOT / app} does not exist")
    port = port or free_port()
    log_path = Path(tempfile.mkstemp(prefix="stance-streamlit-", suffix=".log")[1])
    log_file = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "TERM": "dumb",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
           **(extra_env or {})}
    cmd = [
        sys.executable, "-m", "streamlit", "run", app,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]
    started_at = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log_file, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    return StreamlitServer(process=proc, port=port, log_path=log_path, started_at=started_at, _log_file=log_file)


@contextmanager
def running_server(timeout_s: float = DEFAULT_TIMEOUT_S, app: str = "app.py", extra_env: dict[str, str] | None = None):
    """Context manager: a healthy server, always stopped on exit."""
    server = start_server(app, extra_env=extra_env)
    try:
        server.wait_healthy(timeout_s)
        yield server
    finally:
        server.stop()


PAGES_FOR_MEMORY = ("/", "/positions", "/timeline", "/quotes", "/article", "/data", "/articles")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1)


def fresh_corpus_env() -> dict[str, str]:
    """Environment for a server on a new, empty corpus file (seeded from seeds/ on first start),
    so scripts never touch the user's own corpus."""
    return {"STANCE_DB": str(Path(tempfile.mkdtemp(prefix="stance-corpus-")) / "corpus.sqlite3")}


@contextmanager
def chromium_browser():
    """A headless system Chromium driven by Playwright; closed on exit."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise ServerError("no Chromium found (install the Debian package `chromium` or set STANCE_CHROMIUM)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


# --- waiting for Streamlit to be idle ------------------------------------------------------------

CONTENT_SELECTOR = '[data-testid="stMetric"], h1'

# "idle" when the script run is over and the page shows content: no "Running..." status widget, no
# spinner or skeleton placeholder, no stale (greyed-out) element, every chart drawn, and a metric
# or a title visible; "error" when the run is over and an exception box is shown instead;
# otherwise "busy".
_IDLE_JS = """
(contentSelector) => {
  const visible = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const s = window.getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return 'busy';
  for (const w of document.querySelectorAll('[data-testid="stStatusWidget"]')) {
    if (visible(w) && /running/i.test(w.textContent || '')) return 'busy';
  }
  for (const sel of ['[data-testid="stSpinner"]', '[data-testid="stSkeleton"]',
                     '[data-testid="stAppSkeleton"]', '[data-stale="true"]']) {
    for (const el of document.querySelectorAll(sel)) { if (visible(el)) return 'busy'; }
  }
  // Vega-Lite (Altair) charts draw asynchronously after their element is mounted.
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    if (visible(chart) && !chart.querySelector('canvas, svg')) return 'busy';
  }
  for (const el of document.querySelectorAll(contentSelector)) { if (visible(el)) return 'idle'; }
  for (const el of document.querySelectorAll('[data-testid="stException"]')) { if (visible(el)) return 'error'; }
  return 'busy';
}
"""


def wait_for_idle(page, timeout_s: float = DEFAULT_TIMEOUT_S, settle_s: float = 0.6,
                  content_selector: str = CONTENT_SELECTOR) -> float:
    """Wait until the app is idle (see ``_IDLE_JS``) and has stayed so for ``settle_s`` seconds.

    Returns the time (perf_counter) at which the idle state was first seen in the quiet window.
    Raises AppError if the finished page shows only an exception, TimeoutError after ``timeout_s``."""
    deadline = time.perf_counter() + timeout_s
    since: float | None = None
    last = "busy"
    while True:
        now = time.perf_counter()
        try:
            state = str(page.evaluate(_IDLE_JS, content_selector))
        except Exception:  # noqa: BLE001 - page navigating / reloading: not idle yet
            state = "busy"
        if state != last:
            since = now if state != "busy" else None
            last = state
        if since is not None and now - since >= settle_s:
            if state == "idle":
                return since
            raise AppError(f"the page shows an exception: {app_error_text(page) or '(no text)'}")
        if now > deadline:
            raise TimeoutError(f"the page was not idle with {content_selector!r} visible within {timeout_s:.0f} s")
        time.sleep(0.03)  # the polling step bounds the timing error


def app_error_text(page) -> str | None:
    """The text of the first Streamlit exception / error box on the page, if any."""
    try:
        loc = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
        if loc.count():
            return " ".join(loc.first.inner_text(timeout=2000).split())[:300]
    except Exception:  # noqa: BLE001
        return None
    return None


# --- full-page screenshots ---------------------------------------------------------------------

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
MAX_HEIGHT = 12_000  # px; a longer page is cut there

# The main area scrolls inside its own container, so a plain full-page screenshot would stop at
# the viewport: measure the tallest scrolling container instead.
_CONTENT_HEIGHT_JS = """
() => {
  let h = document.documentElement.scrollHeight;
  for (const sel of ['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]',
                     '[data-testid="stSidebarContent"]', 'section.main']) {
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();  // skip a collapsed (off-screen) sidebar
      if (r.width > 0 && r.right > 0 && r.left < window.innerWidth) h = Math.max(h, el.scrollHeight);
    }
  }
  return h;
}
"""


def full_page_screenshot(page, path: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> Path:
    """Save a screenshot of the whole of the (idle) current page at its viewport's width.

    The viewport is stretched to the content's height first, because Streamlit's main area scrolls
    inside its own container, and restored afterwards."""
    viewport = dict(page.viewport_size or DESKTOP)
    height = min(MAX_HEIGHT, max(viewport["height"], int(page.evaluate(_CONTENT_HEIGHT_JS))))
    if height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
        wait_for_idle(page, timeout_s=timeout_s, settle_s=0.8)  # charts re-draw at the new size
    try:
        page.evaluate("() => document.fonts && document.fonts.ready.then(() => true)")
    except Exception:  # noqa: BLE001
        pass
    time.sleep(0.3)  # let chart transitions finish
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    page.set_viewport_size(viewport)
    return path
