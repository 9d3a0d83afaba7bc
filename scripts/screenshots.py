"""Screenshots of every dashboard page, for the docs.

    python scripts/screenshots.py                   # PNGs into docs/screenshots/
    python scripts/screenshots.py --out /tmp/shots

Starts ``streamlit run app.py`` on a free port (on a new corpus of the seed articles, or the one
given with ``--db``), opens every page (found in the sidebar navigation, else the fallback list) in headless Chromium at 1280x800 and saves a
full-page PNG of each, plus the Overview page in a 390x844 mobile viewport. Every screenshot is
taken once the app is idle. Prints the files written; exits 1 if none could be taken.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

SCRIPTS_DIR = Path(__file__).resolve().parent
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.insert(0, str(SCRIPTS_DIR))

import _streamlit_server as srv  # noqa: E402

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
FALLBACK_PAGES = [("overview", "/"), ("positions", "/positions"), ("timeline", "/timeline"), ("quotes", "/quotes"),
                  ("article", "/article"), ("data", "/data"), ("articles", "/articles")]
MAX_HEIGHT = 12_000  # px; a longer page is cut there

_NAV_LINKS_JS = """
() => {
  const links = document.querySelectorAll(
    '[data-testid="stSidebarNav"] a, [data-testid="stSidebarNavLink"], [data-testid="stTopNavLink"]');
  return [...links].map((a) => {
    const labelled = a.querySelector('[label]');
    let label = labelled ? labelled.getAttribute('label') : '';
    if (!label) {
      const clone = a.cloneNode(true);
      clone.querySelectorAll('[data-testid="stIconMaterial"]').forEach((el) => el.remove());
      label = clone.textContent || '';
    }
    return {href: a.href || a.getAttribute('href') || '', label: label.trim()};
  });
}
"""

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


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "page"


def discover_pages(page, base_url: str) -> list[tuple[str, str]]:
    """(name, url) of every page in the navigation, in order; the fallback list if there is none."""
    try:
        links = page.evaluate(_NAV_LINKS_JS)
    except Exception:  # noqa: BLE001
        links = []
    pages: list[tuple[str, str]] = []
    seen_urls: set[str] = set()
    seen_names: set[str] = set()
    for link in links:
        url = urljoin(base_url + "/", link.get("href") or "")
        if urlparse(url).netloc != urlparse(base_url).netloc or url in seen_urls:
            continue
        name = slug(link.get("label") or urlparse(url).path.strip("/") or "overview")
        while name in seen_names:
            name += "-2"
        seen_urls.add(url)
        seen_names.add(name)
        pages.append((name, url))
    if pages:
        return pages
    return [(name, base_url + path) for name, path in FALLBACK_PAGES]


def shoot(page, url: str, path: Path, viewport: dict, timeout_s: float) -> None:
    """Open ``url``, wait until idle, and save a full-page screenshot at ``viewport`` width."""
    page.set_viewport_size(viewport)
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_s * 1000)
    srv.wait_for_idle(page, timeout_s=timeout_s)
    height = min(MAX_HEIGHT, max(viewport["height"], int(page.evaluate(_CONTENT_HEIGHT_JS))))
    if height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
        srv.wait_for_idle(page, timeout_s=timeout_s, settle_s=0.8)  # charts re-draw at the new size
    try:
        page.evaluate("() => document.fonts && document.fonts.ready.then(() => true)")
    except Exception:  # noqa: BLE001
        pass
    time.sleep(0.3)  # let chart transitions finish
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    page.set_viewport_size(viewport)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(srv.REPO_ROOT / "docs" / "screenshots"),
                        help="output folder (default: docs/screenshots/ in the repo)")
    parser.add_argument("--timeout", type=float, default=srv.DEFAULT_TIMEOUT_S,
                        help="seconds allowed for the server to start and for each page to render; default 90")
    parser.add_argument("--db", help="corpus file to show (default: a new corpus holding the seed articles)")
    args = parser.parse_args(argv)
    env = {"STANCE_DB": str(Path(args.db).resolve())} if args.db else srv.fresh_corpus_env()
    out = Path(args.out)

    written: list[Path] = []
    failures: list[str] = []
    try:
        with srv.chromium_browser() as browser, srv.running_server(args.timeout, extra_env=env) as server:
            desktop = browser.new_context(viewport=DESKTOP)
            page = desktop.new_page()
            page.goto(server.url, wait_until="domcontentloaded", timeout=args.timeout * 1000)
            try:
                srv.wait_for_idle(page, timeout_s=args.timeout)  # first run: spaCy + analysis
            except (TimeoutError, srv.AppError) as exc:
                failures.append(f"first page: {exc}")
            pages = discover_pages(page, server.url)
            listing = ", ".join(f"{name} ({urlparse(url).path or '/'})" for name, url in pages)
            print(f"pages: {listing}", file=sys.stderr)

            for name, url in pages:
                target = out / f"{name}.png"
                try:
                    shoot(page, url, target, DESKTOP, args.timeout)
                    written.append(target)
                    if error := srv.app_error_text(page):
                        failures.append(f"{name}: the page shows an error: {error}")
                except Exception as exc:  # noqa: BLE001 - one broken page must not stop the others
                    failures.append(f"{name}: {exc}")
            desktop.close()

            overview_name, overview_url = next((p for p in pages if p[0] == "overview"), pages[0])
            mobile = browser.new_context(viewport=MOBILE, device_scale_factor=2, is_mobile=True, has_touch=True)
            target = out / f"{overview_name}-mobile.png"
            try:
                shoot(mobile.new_page(), overview_url, target, MOBILE, args.timeout)
                written.append(target)
            except Exception as exc:  # noqa: BLE001
                failures.append(f"{overview_name} (mobile): {exc}")
            mobile.close()
    except srv.ServerError as exc:
        failures.append(f"the dashboard did not start: {exc}")
    except Exception as exc:  # noqa: BLE001
        failures.append(f"{type(exc).__name__}: {exc}")

    for path in written:
        print(path)
    for failure in failures:
        print(f"warning: {failure}", file=sys.stderr)
    if not written:
        print("no screenshot was written", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
