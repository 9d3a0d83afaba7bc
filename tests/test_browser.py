"""The dashboard as users meet it: `streamlit run app.py` in a real browser (Debian's Chromium,
driven by Playwright), one server for the module, a fresh corpus seeded from seeds/.

Every test waits until the app is idle (no running script, no spinner or stale element) before it
asserts. Screenshots of every page, at 1280x800 and at a 390 px mobile width, go to
test-artifacts/browser/, or to STANCE_SCREENSHOT_DIR when set (scripts/screenshots.py sets it to
docs/screenshots/, so the README shows what these tests saw). Where Chromium is truly absent
the tests skip with the reason, except in CI (CI=true), where that is a failure: .ci/run installs
it.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import sqlite3
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import _streamlit_server as srv  # noqa: E402

ARTIFACTS = Path(os.environ.get("STANCE_SCREENSHOT_DIR") or ROOT / "test-artifacts" / "browser")
TIMEOUT_S = 120
PAGES = {  # url path -> the page's title
    "": "Overview",
    "positions": "Positions",
    "network": "Network",
    "timeline": "Timeline",
    "quotes": "Quotes",
    "article": "Article",
    "data": "Data",
    "articles": "Articles",
    "review": "Review",
    "codebook": "Codebook",
    "accuracy": "Accuracy",
}


def _chromium_or_skip() -> None:
    if srv.chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed; .ci/run installs it with `apt-get install -y chromium`")
        pytest.skip("no Chromium on this machine (install Debian's `chromium` to run the browser tests)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.fail("playwright is not installed: pip install -r requirements-dev.txt")


@pytest.fixture(scope="module")
def corpus_env() -> dict[str, str]:
    return srv.fresh_corpus_env()


@pytest.fixture(scope="module")
def server(corpus_env):
    _chromium_or_skip()
    with srv.running_server(TIMEOUT_S, extra_env=corpus_env) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server):
    with srv.chromium_browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per viewport for the module: every tab opened in it is a Streamlit
    session of its own (sessions live on the page's connection, not in cookies), and the app's
    static files are fetched once instead of once per test."""
    made = {
        "desktop": browser.new_context(viewport=srv.DESKTOP, accept_downloads=True),
        "mobile": browser.new_context(viewport=srv.MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2),
    }
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def page(contexts):
    """A new tab (a new session) at 1280x800."""
    opened = contexts["desktop"].new_page()
    yield opened
    opened.close()


VISITED: set[str] = set()  # pages the module's server has run (and cached) so far


def open_page(page, server, path: str = "", query: str = ""):
    url = f"{server.url}/{path}" + (f"?{query}" if query else "")
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT_S * 1000)
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    VISITED.add(path)
    return page


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def pick_country(page, country: str) -> None:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Country").first
    box.locator("input").click()
    page.keyboard.type(country)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => window.location.search.includes('country=')", timeout=TIMEOUT_S * 1000)
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)


def metric(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()


MAIN_CONTENT = {  # url path -> what the page exists to show
    "": '[data-testid="stVegaLiteChart"]',
    "positions": '[data-testid="stVegaLiteChart"]',
    "network": '[data-testid="stVegaLiteChart"]',
    "timeline": '[data-testid="stVegaLiteChart"]',
    "quotes": "mark, blockquote, [data-testid='stHtml']",
    "article": "[data-testid='stHtml']",
    "data": '[data-testid="stDataFrame"]',
    "articles": '[data-testid="stDataFrame"], [data-testid="stDataEditor"], [data-testid="stDataFrameResizable"]',
    "review": '[data-testid="stDataFrame"], [data-testid="stHtml"]',
    "codebook": '[data-testid="stDataFrame"]',
    "accuracy": '[data-testid="stVegaLiteChart"]',
}


def charts_without_caption(page) -> int:
    """Charts not followed directly by a caption: every chart says what it shows in a sentence."""
    return page.evaluate("""() => {
      let missing = 0;
      for (const chart of document.querySelectorAll('[data-testid="stMain"] [data-testid="stVegaLiteChart"]')) {
        const box = chart.closest('[data-testid="stElementContainer"]');
        const next = box && box.nextElementSibling;
        if (!next || !next.querySelector('[data-testid="stCaptionContainer"]')) missing += 1;
      }
      return missing;
    }""")


def overflowing_text(page) -> list[str]:
    """Text elements in the main area wider than the window: cut off or forcing sideways scrolling."""
    return page.evaluate("""() => {
      const width = document.documentElement.clientWidth;
      const out = [];
      for (const el of document.querySelectorAll('[data-testid="stMain"] h1, [data-testid="stMain"] p, '
          + '[data-testid="stMain"] [data-testid="stMetric"], [data-testid="stMain"] [data-testid="stCaptionContainer"]')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 2) out.push((el.innerText || '').slice(0, 60));
      }
      return out;
    }""")


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_renders_its_title_and_content_without_an_error(contexts, server, path, viewport):
    mobile = viewport == "mobile"
    page = contexts[viewport].new_page()
    try:
        open_page(page, server, path)
        assert page.locator("h1").first.inner_text().strip() == PAGES[path]
        assert srv.app_error_text(page) is None
        assert page.locator('[data-testid="stException"]').count() == 0
        main = MAIN_CONTENT[path]
        assert page.locator(main).count() > 0, f"{PAGES[path]}: no {main}"
        if path in ("", "positions", "network", "timeline"):  # the chart is drawn, not an empty frame
            assert page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').count() > 0
        assert charts_without_caption(page) == 0, f"{PAGES[path]}: a chart without a caption right under it"
        assert overflowing_text(page) == [], f"{PAGES[path]} ({viewport}): text runs off the screen"
        name = f"{path or 'overview'}{'-mobile' if mobile else ''}.png"
        srv.full_page_screenshot(page, ARTIFACTS / name, timeout_s=TIMEOUT_S)
    finally:
        page.close()


def test_choosing_a_country_changes_the_view_and_the_url_which_restores_it(page, server, browser):
    open_page(page, server)
    before = metric(page, "Countries")
    pick_country(page, "Russia")
    assert query_of(page).get("country") == ["Russia"]
    assert metric(page, "Countries") == "1" and before != "1"
    statements = metric(page, "Statements")
    shared = page.url
    other = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    other.goto(shared, wait_until="domcontentloaded")
    srv.wait_for_idle(other, timeout_s=TIMEOUT_S)
    assert metric(other, "Countries") == "1" and metric(other, "Statements") == statements
    chips = other.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Country").first
    assert "Russia" in chips.inner_text()
    other.context.close()


def test_quote_search_finds_a_seed_phrase_and_highlights_it(page, server):
    open_page(page, server, "quotes", "q=%22security%20guarantees%22")
    marks = page.locator("mark")
    assert marks.count() >= 1
    assert "security guarantees" in " ".join(marks.all_inner_texts()).lower()
    assert query_of(page).get("q") == ['"security guarantees"']


def test_quote_search_finds_the_placeholders_example_in_stance_evidence(page, server):
    """Issue 14, item 2: the placeholder's example, "troops Ukraine", found nothing among the seed's
    quotes; it finds the stance evidence on foreign troops, each result saying which kind it is."""
    open_page(page, server, "quotes", "q=troops%20Ukraine")
    summary = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="match the search").first.inner_text()
    assert "0 quotes and 0 stance" not in summary, summary
    labels = [t.strip().lower() for t in page.get_by_text("stance evidence", exact=True).all_inner_texts()]
    assert labels, summary
    assert "troops" in " ".join(page.locator("mark").all_inner_texts()).lower()


def test_csv_download_delivers_the_filtered_rows(page, server):
    open_page(page, server, "data", "country=Russia")
    shown = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="statements").first.inner_text()
    count = int(shown.split()[0].replace(",", ""))
    with page.expect_download(timeout=TIMEOUT_S * 1000) as download_info:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download_info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == count > 0
    assert {r["country"] for r in rows} == {"Russia"}


HOSTILE = (
    "# title: <img src=x onerror=\"window.__pwned=1\"> **Bold** title $x^2$\n"
    "# date: 2025-04-01\n\n"
    "Officials said Russia is keeping up the fighting. <script>window.__pwned=2</script> "
    "<img src=x onerror=\"window.__pwned=3\"> **not bold** and $\\frac{1}{2}$ and [a link](https://example.org). "
    + "A very long line " * 200
    + "ends here.\n\n\"We reject any ceasefire <img src=x onerror=\"window.__pwned=4\"> <b>now</b> **bold** $x^2$,\" "
    "Russian Foreign Minister Sergei Lavrov said on Monday.\n"
)


# Centres of the first chart's drawn marks (bars, symbols, points), when Vega drew it as SVG.
_MARK_CENTRES_JS = """() => {
  const chart = document.querySelector('[data-testid="stVegaLiteChart"]');
  const out = [];
  if (!chart) return out;
  for (const el of chart.querySelectorAll('g.mark-rect path, g.mark-symbol path, g.mark-point path, g.mark-arc path')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) out.push([r.x + r.width / 2, r.y + r.height / 2]);
  }
  return out;
}"""


def chart_tooltip(page, wanted: tuple[str, ...] = ("Quotes", "Evidence")):
    """Hover over the first chart until a tooltip with quotes or evidence shows; its element, or None.

    The marks' own centres are tried first, then a grid over the whole chart (a canvas chart has
    no marks in the page)."""
    box = page.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()
    tip = page.locator("#vg-tooltip-element")
    grid = [(box["x"] + box["width"] * fx / 16, box["y"] + box["height"] * fy / 16) for fy in range(1, 16) for fx in range(1, 16)]
    for x, y in [tuple(c) for c in page.evaluate(_MARK_CENTRES_JS)[:60]] + grid:
        page.mouse.move(x, y)
        page.wait_for_timeout(25)
        if tip.count() and tip.is_visible() and any(w in tip.inner_text() for w in wanted):
            return tip
    return None


def test_hostile_article_text_shows_as_plain_text_everywhere(page, server):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, server, "articles")
    page.get_by_role("textbox", name="Article text").fill(HOSTILE)
    page.get_by_role("button", name="Read the text").click()
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    page.get_by_role("button", name="Add to the corpus").click()
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    assert "Added and analysed 1 article(s)." in page.locator('[data-testid="stAlert"]').all_inner_texts()[0]
    for path, query in (("article", ""), ("quotes", "q=fighting"), ("data", ""), ("", "")):
        open_page(page, server, path, query)
        if path == "article":  # pick the hostile article in the selector
            page.locator('[data-testid="stSelectbox"]').first.click()
            page.get_by_role("option").filter(has_text="Bold").first.click()
            srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
            body = page.locator('[data-testid="stMain"]').inner_text()
            assert "<script>window.__pwned=2</script>" in body and "**not bold**" in body
            assert "$\\frac{1}{2}$" in body and "[a link](https://example.org)" in body
        assert page.evaluate("() => window.__pwned === undefined"), f"{path or 'overview'}: script ran"
        assert page.locator('[data-testid="stMain"] script, [data-testid="stMain"] img[src="x"]').count() == 0
        assert page.locator('[data-testid="stMain"] .katex').count() == 0, "LaTeX was typeset"
    # The chart tooltip shows the quote's markup as text: Russia's only statement on a ceasefire.
    open_page(page, server, "positions", "country=Russia&topic=ceasefire")
    tip = chart_tooltip(page)
    assert tip is not None, "no tooltip with the quote"
    assert '<img src=x onerror="window.__pwned=4"> <b>now</b> **bold** $x^2$' in tip.inner_text()
    assert tip.locator("img, b, script").count() == 0
    assert page.evaluate("() => window.__pwned === undefined"), "tooltip: script ran"
    assert not dialogs
    page.screenshot(path=str(ARTIFACTS / "hostile-article.png"), full_page=True)


def test_network_nodes_and_ties_show_their_evidence_on_hover(page, server):
    open_page(page, server, "network", "by=actor")
    tip = chart_tooltip(page)
    assert tip is not None, "no tooltip with quotes on the network"
    assert "“" in tip.inner_text()  # a verbatim quote from the seed


_NETWORK_NAMES_JS = """() => {
  const chart = document.querySelector('[data-testid="stVegaLiteChart"] svg');
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const names = [...chart.querySelectorAll('g.mark-text.role-mark text')]
    .filter(t => (t.getAttribute('fill') || '').toLowerCase() === '#111111' && t.textContent.trim())
    .map(t => [t.textContent, ...box(t)]);
  const marks = [...chart.querySelectorAll('g.mark-symbol.role-mark path')].map(box);
  return {names, marks};
}"""


def _meets_mark(name: list, mark: list) -> bool:
    """Whether a name's box reaches into a node (a circle inside the mark's box, its outline spared)."""
    x, y, r = (mark[0] + mark[2]) / 2, (mark[1] + mark[3]) / 2, (mark[2] - mark[0]) / 2 - 1
    nearest_x, nearest_y = min(max(x, name[1]), name[3]), min(max(y, name[2]), name[4])
    return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < r * r


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_network_names_overlap_neither_each_other_nor_the_nodes_in_the_browser(contexts, server, viewport):
    """The seed's actors (Ukraine, Alexander Grushko and EU countries sit close together): the
    names and the nodes as the browser drew them, on a laptop and on a phone."""
    page = contexts[viewport].new_page()
    try:
        open_page(page, server, "network", "by=actor")
        drawn = page.evaluate(_NETWORK_NAMES_JS)
        names, marks = drawn["names"], drawn["marks"]
        assert len(names) >= 9 and len(marks) == len(names), drawn
        clashes = [(a[0], b[0]) for i, a in enumerate(names) for b in names[i + 1:]
                   if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]
        assert clashes == [], f"names drawn over each other: {clashes}"
        covering = [name[0] for name in names if any(_meets_mark(name, mark) for mark in marks)]
        assert covering == [], f"names drawn over nodes: {covering}"
    finally:
        page.close()


def test_offline_the_favicon_and_the_sidebar_name_come_from_the_app_itself(browser, server):
    """Every request leaving the machine is blocked: the page still gets its favicon (a shipped
    file, not a Material Symbols icon from fonts.gstatic.com) and shows the app's name at the top
    of the sidebar, where a blank band used to be."""
    context = browser.new_context(viewport=srv.DESKTOP)
    outside: list[str] = []

    def local_only(route) -> None:
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    try:
        open_page(page, server)
        href = page.evaluate("() => document.querySelector(\"link[rel='shortcut icon']\").href")
        assert href.startswith(("data:image/", server.url)), f"the favicon is fetched from {href[:100]}"
        size = page.evaluate("""async (src) => {
          const img = new Image(); img.src = src;
          try { await img.decode(); } catch (e) { return 0; }
          return img.naturalWidth;
        }""", href)
        assert size > 0, "the favicon does not load"
        logo = page.locator('[data-testid="stSidebar"] [data-testid="stSidebarLogo"]')
        assert logo.count() == 1 and logo.is_visible(), "no app name at the top of the sidebar"
        src = logo.get_attribute("src") or ""
        assert src.startswith("data:image/svg+xml;base64,")
        assert b"Stance Tracker" in base64.b64decode(src.split(",", 1)[1])
        sidebar, logo_box = page.locator('[data-testid="stSidebar"]').bounding_box(), logo.bounding_box()
        nav = page.locator('[data-testid="stSidebarNav"]').bounding_box()
        assert logo_box["y"] - sidebar["y"] < 40 and logo_box["y"] + logo_box["height"] <= nav["y"]
        assert outside == [], f"requests left the machine: {outside}"
    finally:
        context.close()


def test_a_review_in_the_browser_is_stored_in_the_audit_log(page, server, corpus_env):
    open_page(page, server, "review")  # the browser is on the server's machine: the local user edits
    assert "recorded as local user" in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts().__str__()
    page.get_by_role("button", name="Confirm").click()
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    assert "Confirmed:" in " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())
    with sqlite3.connect(corpus_env["STANCE_DB"]) as conn:
        log = conn.execute("SELECT action, reviewer FROM reviews").fetchall()
    assert log == [("confirm", "local user")]


def _review_progress(page) -> tuple[int, int, str]:
    """(reviewed, total, the whole line) of the Review page's progress bar."""
    import re

    line = page.locator('[data-testid="stProgress"]').first.inner_text()
    found = re.search(r"(\d+) of (\d+) reviewed", line)
    assert found, line
    return int(found.group(1)), int(found.group(2)), line


def test_review_by_keyboard_keeps_rejected_rows_in_the_count(page, server):
    """Issue 14 item 4: Y confirms, X rejects, the rejected row stays listed and in the total.
    The seed article is asked for: earlier tests add short articles to the same server's corpus."""
    open_page(page, server, "review", "article=ukraine_peace_talks")
    reviewed, total, _ = _review_progress(page)
    for key in ("y", "x"):
        page.locator("h1").first.click()  # the focus outside any field: the keys are shortcuts
        page.keyboard.press(key)
        srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    after, same_total, line = _review_progress(page)
    assert (after, same_total) == (reviewed + 2, total), line
    assert "1 rejected" in line
    grid = page.locator('[data-testid="stDataFrame"]').first
    assert grid.count() == 1
    assert srv.app_error_text(page) is None


def test_server_memory_stays_under_the_community_cloud_limit(page, server):
    for path in PAGES:  # every page once, so every cache is filled (pages earlier tests ran already are)
        if path not in VISITED:
            open_page(page, server, path)
    assert VISITED >= set(PAGES)
    rss = srv.rss_mb(server.process.pid)
    print(f"server RSS after every page: {rss} MB")
    assert 0 < rss < 600, f"{rss} MB RSS; Community Cloud's smallest apps get about 690 MB"


def test_two_sessions_keep_their_own_filters(browser, server):
    first = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    second = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_page(first, server)
    open_page(second, server)
    pick_country(first, "Russia")
    pick_country(second, "France")
    for page_, country in ((first, "Russia"), (second, "France")):
        page_.reload(wait_until="domcontentloaded")  # a rerun of each session from its own URL
        srv.wait_for_idle(page_, timeout_s=TIMEOUT_S)
        assert query_of(page_).get("country") == [country]
        chips = page_.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Country").first
        assert country in chips.inner_text() and metric(page_, "Countries") == "1"
    first.context.close()
    second.context.close()


def _paste_and_read(page, text: str) -> None:
    page.get_by_role("textbox", name="Article text").fill(text)
    page.get_by_role("button", name="Read the text").click()
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)


def test_an_unsupported_upload_gets_one_message_naming_the_file_and_the_types(page, server):
    """Issue 14, item 5: a PNG was refused by the uploader ("image/png files are not allowed"), then
    "Read the files" said "Choose at least one file first": two messages, neither the whole story."""
    open_page(page, server, "articles")
    page.get_by_role("tab", name="Upload files").click()
    page.locator('[data-testid="stTabs"] [data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "chart.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n"}])
    page.get_by_text("chart.png").first.wait_for(timeout=TIMEOUT_S * 1000)
    page.get_by_role("button", name="Read the files").click()
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    main = page.locator('[data-testid="stMain"]')
    main.locator('[data-testid="stAlert"]').first.wait_for(timeout=TIMEOUT_S * 1000)
    alerts = main.locator('[data-testid="stAlert"]').all_inner_texts()
    assert len(alerts) == 1, alerts
    assert "chart.png" in alerts[0] and ".txt" in alerts[0] and ".docx" in alerts[0], alerts
    shown = main.inner_text()
    assert "not allowed" not in shown and "Choose at least one file" not in shown


def test_the_whole_corpus_downloads_as_a_backup_that_restores(page, server):
    """Issue 15, item 3: "Download the whole corpus" serves a backup (made when clicked), and
    "Restore from a backup" merges it back after a confirmation: every text is stored already."""
    from core.corpus.backup import read_backup

    open_page(page, server, "articles")
    main = page.locator('[data-testid="stMain"]')
    with page.expect_download(timeout=TIMEOUT_S * 1000) as download_info:
        main.get_by_role("button", name="Download the whole corpus").click()
    data = Path(download_info.value.path()).read_bytes()
    assert download_info.value.suggested_filename.endswith(".stance-backup.jsonl.gz")
    backup = read_backup(data)
    assert backup.counts()["articles"] >= 1
    uploader = main.locator('[data-testid="stFileUploader"]').filter(has_text="Restore from a backup")
    uploader.locator('input[type="file"]').set_input_files(
        files=[{"name": "backup.gz", "mimeType": "application/gzip", "buffer": data}])
    uploader.get_by_text("backup.gz").first.wait_for(timeout=TIMEOUT_S * 1000)
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    main.get_by_role("button", name="Restore…").click()
    dialog = page.locator('[role="dialog"]')
    dialog.get_by_text("This adds the backup backup.gz").wait_for(timeout=TIMEOUT_S * 1000)
    dialog.get_by_role("button", name="Restore", exact=True).click()
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    page.get_by_text("Merged the backup: 0 article(s)").first.wait_for(timeout=TIMEOUT_S * 1000)
    assert not page.locator('[role="dialog"]').is_visible()
    assert f"{backup.counts()['articles']} article(s) with the same text" in main.inner_text()


def test_text_in_the_address_box_is_not_a_web_address(page, server):
    """Issue 14, item 5: "not a url" was reported as a name that could not be resolved."""
    open_page(page, server, "articles")
    page.get_by_role("tab", name="From a web address").click()
    page.get_by_role("textbox", name="Web addresses, one per line").fill("not a url")
    page.get_by_role("button", name="Fetch").click()
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    alerts = page.locator('[data-testid="stMain"] [data-testid="stAlert"]').all_inner_texts()
    assert len(alerts) == 1 and "'not a url' is not a web address" in alerts[0], alerts


def _sessions_import_at_once(browser, server, location: str) -> None:
    """Three sessions import at the same moment into the corpus at ``location`` (either engine):
    each text is stored and analysed once, each session told what happened, filters kept."""
    from core.corpus.store import CorpusStore

    # Three readers on the Articles page, each with a filter of their own; two paste the same
    # article, the third another, and all press "Add" at once.
    harbour = ("# title: Harbour levy row in Valparaíso\n# date: 2025-06-02\n\n"
               "Chile's finance minister Mario Marcel said Chile opposes a new harbour levy. "
               "Peru's trade minister said Lima supports the levy.")
    fisheries = ("# title: Fisheries quota talks in Reykjavik\n# date: 2025-06-03\n\n"
                 "Norway's fisheries minister said Oslo supports a lower cod quota. "
                 "Iceland's prime minister said Reykjavik rejects the quota cut.")
    sessions = []
    for country, text in (("Russia", harbour), ("France", harbour), ("Ukraine", fisheries)):
        page = browser.new_context(viewport=srv.DESKTOP).new_page()
        open_page(page, server, "articles", f"country={country}")
        _paste_and_read(page, text)
        sessions.append((page, country))
    for page, _ in sessions:  # no waiting between the clicks
        page.get_by_role("button", name="Add to the corpus").click(no_wait_after=True)
    outcomes = []
    for page, _ in sessions:
        srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
        outcomes.append(" ".join(page.locator('[data-testid="stAlert"]').all_inner_texts()))

    store = CorpusStore(location)
    stored = store.article_table()
    for title in ("Harbour levy row in Valparaíso", "Fisheries quota talks in Reykjavik"):
        assert (stored["title"] == title).sum() == 1, f"{title!r} stored {(stored['title'] == title).sum()} times"
    # Each session was told what happened to its article: added, or already there.
    assert sum("Added and analysed 1 article(s)." in o for o in outcomes) == 2, outcomes
    assert sum("already stored" in o for o in outcomes) == 1, outcomes
    extractions = store._query(  # analysed exactly once each
        "SELECT a.title, COUNT(e.content_hash) FROM articles a LEFT JOIN extractions e"
        " ON e.content_hash = a.content_hash WHERE a.title LIKE 'Harbour%' OR a.title LIKE 'Fisheries%'"
        " GROUP BY a.id, a.title")
    assert sorted(n for _, n in extractions) == [1, 1], extractions
    for page, country in sessions:
        assert query_of(page).get("country") == [country]
        open_page(page, server, "", f"country={country}")
        assert metric(page, "Countries") == "1"
        page.context.close()


def test_sessions_importing_at_once_store_each_article_once_and_keep_their_filters(browser, server, corpus_env):
    _sessions_import_at_once(browser, server, corpus_env["STANCE_DB"])


def test_sessions_importing_at_once_into_postgresql_store_each_article_once(browser, postgres_url):
    """The same three sessions against a server whose corpus is in PostgreSQL (issue 15)."""
    with srv.running_server(TIMEOUT_S, extra_env={"STANCE_DB": postgres_url}) as pg_server:
        _sessions_import_at_once(browser, pg_server, postgres_url)


def test_the_server_keeps_answering_under_hostile_input_and_never_repeats_an_analysis(browser, server, corpus_env):
    """Issue 11: a hostile pattern and a hostile paste are refused while the health endpoint keeps
    answering; a long article analysed for one visitor is not analysed again for a second visitor
    who arrives meanwhile; the server stays under 1 GB throughout."""
    import threading
    import urllib.request

    from core.corpus.corpus import ANALYSED_KEY
    from core.corpus.store import CorpusStore
    from core.extraction.pipeline import CHUNK_CHARS

    store = CorpusStore(corpus_env["STANCE_DB"])
    samples: list[tuple[int, float]] = []  # (status, RSS MB)
    stop = threading.Event()

    def probe() -> None:
        while not stop.is_set():
            try:  # a probe left unanswered for 10 s counts as a failure: no long stalls
                status = urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=10).status
            except OSError:
                status = 0
            samples.append((status, srv.rss_mb(server.process.pid)))
            stop.wait(0.25)

    prober = threading.Thread(target=probe, daemon=True)
    prober.start()
    try:
        editor = browser.new_context(viewport=srv.DESKTOP).new_page()
        open_page(editor, server, "codebook")
        editor.get_by_role("textbox", name="Id", exact=True).fill("ferry_levy")
        editor.get_by_role("textbox", name="Label", exact=True).fill("Ferry levy")
        editor.get_by_text("Regular expressions (for experts)").click()  # regexes sit in an expander
        editor.get_by_role("textbox", name="Patterns, one regular expression per line").fill("(e|ee)+$")
        editor.get_by_role("button", name="Add issue").click()
        srv.wait_for_idle(editor, timeout_s=TIMEOUT_S)
        assert "too slow" in " ".join(editor.locator('[data-testid="stAlert"]').all_inner_texts())

        open_page(editor, server, "articles")
        _paste_and_read(editor, '"' * 90_000)
        assert "without a space or line break" in " ".join(editor.locator('[data-testid="stAlert"]').all_inner_texts())

        long_article = "# title: Ferry levy hearings in Porto\n# date: 2025-07-01\n\n" + "\n\n".join(
            f"Portugal's transport minister Ana Costa said Lisbon supports the ferry levy, hearing {i}. "
            f"Spain's mayor of Vigo, Abel Caballero, said Vigo opposes the levy on day {i}."
            for i in range(320)
        )
        assert len(long_article) > CHUNK_CHARS, "long enough to be parsed in pieces"
        before = int(store.get_meta(ANALYSED_KEY, "0"))
        _paste_and_read(editor, long_article)
        editor.get_by_role("button", name="Add to the corpus").click(no_wait_after=True)
        visitor = browser.new_context(viewport=srv.DESKTOP).new_page()
        visitor.goto(server.url + "/", wait_until="domcontentloaded")  # arrives during the analysis
        srv.wait_for_idle(visitor, timeout_s=TIMEOUT_S * 2)
        srv.wait_for_idle(editor, timeout_s=TIMEOUT_S * 2)
        assert "Added and analysed 1 article(s)." in " ".join(editor.locator('[data-testid="stAlert"]').all_inner_texts())
        assert int(store.get_meta(ANALYSED_KEY, "0")) - before == 1, "analysed once, for both visitors"
        editor.context.close()
        visitor.context.close()
    finally:
        stop.set()
        prober.join(timeout=15)
    assert samples and all(status == 200 for status, _ in samples), "the health endpoint answered every probe within 10 s"
    assert max(rss for _, rss in samples) < 1024, f"peak RSS {max(rss for _, rss in samples)} MB"


SEED_TITLE = "Ukraine peace talks: Trump, Putin and Europe on troops (untitled seed article)"


def test_clicking_a_matrix_cell_shows_its_evidence_with_article_title_and_date(page, server):
    """Issue 14: a claim is checked in one step. Hovering a cell names its article; clicking it lists
    the statements behind it, each naming its article, outlet and date, with a link that opens the
    passage marked on the Article page."""
    open_page(page, server, "", "by=actor")
    tip = chart_tooltip(page, ("Article",))
    assert tip is not None, "no matrix tooltip naming the article"
    tip_text = tip.inner_text()
    assert SEED_TITLE in tip_text and "2025-03-17" in tip_text
    # Click where the tooltip came from: the mouse still rests on that cell.
    page.mouse.down()
    page.mouse.up()
    page.wait_for_selector(".evidence-card", timeout=TIMEOUT_S * 1000)
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    cards = page.locator(".evidence-card")
    assert cards.count() >= 1
    header = cards.first.locator(".evidence-article").inner_text()
    assert SEED_TITLE in header and "2025-03-17" in header
    assert "Evidence:" in page.locator('[data-testid="stHeading"]').all_inner_texts().__str__()
    page.screenshot(path=str(ARTIFACTS / "overview-evidence.png"), full_page=True)
    # The card's link opens the article with that passage marked and scrolled into view.
    cards.first.get_by_text("open the passage in the article").click()
    page.wait_for_url("**/article?doc=*", timeout=TIMEOUT_S * 1000)
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
    passage = page.locator("#stance-passage")
    passage.wait_for(timeout=TIMEOUT_S * 1000)
    page.wait_for_timeout(800)  # the page scrolls the passage into view after it is drawn
    box = passage.bounding_box()
    assert box is not None and 0 <= box["y"] < srv.DESKTOP["height"], box
