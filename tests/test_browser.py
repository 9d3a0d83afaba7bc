"""The dashboard as users meet it: `streamlit run app.py` in a real browser (Debian's Chromium,
driven by Playwright), one server for the module, a fresh corpus seeded from seeds/.

Every test waits until the app is idle (no running script, no spinner or stale element) before it
asserts. Screenshots of every page go to test-artifacts/browser/. Where Chromium is truly absent
the tests skip with the reason, except in CI (CI=true), where that is a failure: .ci/run installs
it.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import _streamlit_server as srv  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "browser"
TIMEOUT_S = 120
PAGES = {  # url path -> the page's title
    "": "Overview",
    "positions": "Positions",
    "timeline": "Timeline",
    "quotes": "Quotes",
    "article": "Article",
    "data": "Data",
    "articles": "Articles",
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
def server():
    _chromium_or_skip()
    with srv.running_server(TIMEOUT_S, extra_env=srv.fresh_corpus_env()) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server):
    with srv.chromium_browser() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    opened = context.new_page()
    yield opened
    context.close()


def open_page(page, server, path: str = "", query: str = ""):
    url = f"{server.url}/{path}" + (f"?{query}" if query else "")
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT_S * 1000)
    srv.wait_for_idle(page, timeout_s=TIMEOUT_S)
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


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_renders_its_title_and_content_without_an_error(page, server, path):
    open_page(page, server, path)
    assert page.locator("h1").first.inner_text().strip() == PAGES[path]
    assert srv.app_error_text(page) is None
    assert page.locator('[data-testid="stException"]').count() == 0
    main = {
        "": '[data-testid="stVegaLiteChart"]',
        "positions": '[data-testid="stVegaLiteChart"]',
        "timeline": '[data-testid="stVegaLiteChart"]',
        "quotes": "mark, blockquote, [data-testid='stHtml']",
        "article": "[data-testid='stHtml']",
        "data": '[data-testid="stDataFrame"]',
        "articles": '[data-testid="stDataFrame"], [data-testid="stDataEditor"], [data-testid="stDataFrameResizable"]',
    }[path]
    assert page.locator(main).count() > 0, f"{PAGES[path]}: no {main}"
    if path in ("", "positions", "timeline"):  # the chart is drawn, not an empty frame
        assert page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').count() > 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{path or 'overview'}.png"), full_page=True)


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
)


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
    assert not dialogs
    page.screenshot(path=str(ARTIFACTS / "hostile-article.png"), full_page=True)


def test_server_memory_stays_under_the_community_cloud_limit(page, server):
    for path in PAGES:  # every page once, so every cache is filled
        open_page(page, server, path)
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
