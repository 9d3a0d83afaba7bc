"""Scale benchmark: a corpus of 1,000 articles, imported, loaded, filtered and shown in a browser.

The articles are made by varying real texts (the seed, plus ``../shared/eval`` articles when
present): paragraphs after the first are shuffled and one may be dropped, and each variant gets
its own date (within two months), outlet and title. Nothing generated is written anywhere but
the temporary corpus file, so no article text ends up in the repository.

Measured:
  (a) import: ``Corpus.add`` with spaCy's ``nlp.pipe`` in batches -> articles/s and words/s
  (b) in-process: loading the corpus tables from SQLite, one filter change (pandas) and the
      Overview chart data, each best of ``--repeat``
  (c) one script run on the server (Streamlit's AppTest): a new session on a warm cache, and a
      sidebar filter change
  (d) in the browser (Debian Chromium + Playwright): a new session opening the dashboard on a
      warm server (the corpus already cached) and on a cold one (first session after start), and
      a sidebar filter change until the page is idle again

Usage: ``python scripts/benchmark_corpus.py [--articles 1000] [--db FILE] [--json]``. With
``--db`` an existing benchmark corpus is reused (import is skipped when it already holds enough).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "scripts"))

import _streamlit_server as srv  # noqa: E402
from benchmark import load_articles, log  # noqa: E402

from core.corpus.corpus import SEEDED_KEY, Corpus  # noqa: E402
from core.corpus.store import CorpusStore  # noqa: E402
from core.ingest.text import seed_article_paths  # noqa: E402
from core.knowledge.codebook import load_codebook  # noqa: E402
from core.model import Article  # noqa: E402
from core.settings import SEEDS_DIR  # noqa: E402

EVAL_ARTICLES = REPO_ROOT.parent / "shared" / "eval" / "articles"
OUTLETS = ("Agence One", "Daily Ledger", "Harbour Times", "Northern Post", "Evening Wire", "Metro Herald")


def source_articles(eval_dir: Path = EVAL_ARTICLES):
    """The seed articles, then the real ones in ``eval_dir`` when it exists."""
    return load_articles([*seed_article_paths(SEEDS_DIR), *(sorted(eval_dir.glob("*.txt")) if eval_dir.is_dir() else [])])


def variants(sources, count: int, seed: int = 42) -> list[Article]:
    """``count`` distinct articles from ``sources`` (see the module docstring)."""
    rng = random.Random(seed)
    items = []
    for i in range(count):
        src = sources[i % len(sources)]
        paragraphs = [p for p in src.text.split("\n\n") if p.strip()]
        head, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        if len(rest) > 3 and rng.random() < 0.5:
            rest.pop(rng.randrange(len(rest)))
        base = date.fromisoformat(src.date) if src.date else date(2025, 3, 15)
        day = base + timedelta(days=rng.randint(-30, 30))
        items.append(
            Article(
                text="\n\n".join(head + rest) + f"\n\n(Variant {i}.)\n",
                title=f"{src.title or src.article_id} — variant {i}",
                outlet=rng.choice(OUTLETS),
                date=day.isoformat(),
                origin=f"benchmark variant {i} of {src.article_id}",
                article_id=f"v{i:04d}_{src.article_id}"[:60],
            )
        )
    return items


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def bench_import(db: Path, count: int, eval_dir: Path = EVAL_ARTICLES, workers: int = 1) -> dict:
    store = CorpusStore(db)
    store.set_meta(SEEDED_KEY, "benchmark")  # the dashboard must not add the seeds on top
    corpus = Corpus(store, load_codebook())
    have = store.count()
    result = {"articles": count, "workers": workers}
    if have >= count:
        log(f"reusing {db}: {have} articles already stored")
        result["import"] = "reused"
        return result
    sources = source_articles(eval_dir)
    result["source_texts"] = len(sources)
    items = variants(sources, count)[have:]
    words = sum(len(item.text.split()) for item in items)
    start = time.perf_counter()
    from core.extraction.nlp import load_pipeline

    load_pipeline()
    result["model_load_s"] = round(time.perf_counter() - start, 2)
    last = [0.0]

    def progress(done: int, total: int, text: str) -> None:
        if time.perf_counter() - last[0] > 10:
            log(f"  {text}")
            last[0] = time.perf_counter()

    start = time.perf_counter()
    if workers > 1:
        from core.corpus.parallel import ProcessPoolRunner

        with ProcessPoolRunner(workers) as runner:
            report = corpus.add(items, progress, runner)
    else:
        report = corpus.add(items, progress)
    elapsed = time.perf_counter() - start
    result.update(
        imported=len(report.added),
        duplicates=len(report.duplicates),
        import_s=round(elapsed, 1),
        articles_per_s=round(len(report.added) / elapsed, 2),
        words_per_s=round(words / elapsed),
    )
    return result


def bench_in_process(db: Path, repeat: int) -> dict:
    from core.analysis.filters import Filters, apply_filters, conform_tables
    from core.views.charts import stance_matrix_data

    corpus = Corpus(CorpusStore(db), load_codebook())
    load_s, loaded = best_of(repeat, corpus.load)
    tables = conform_tables(loaded.tables)
    country = tables.stances["country"].value_counts().index[0]
    filters = Filters(country=(country,))
    filter_s, filtered = best_of(repeat, lambda: apply_filters(tables, filters, loaded.articles))
    chart_s, _ = best_of(repeat, lambda: stance_matrix_data(filtered.stances, by="country"))
    return {
        "stance_rows": len(tables.stances),
        "quote_rows": len(tables.quotes),
        "mention_rows": len(tables.mentions),
        "load_tables_s": round(load_s, 3),
        "filter_s": round(filter_s, 4),
        "overview_chart_data_s": round(chart_s, 4),
        "filter_country": country,
    }


def bench_script_runs(db: Path, country: str, repeat: int) -> dict:
    """Server-side time of one script run (Streamlit's AppTest, no browser): a new session opening
    the Overview on a warm cache, and a sidebar filter change."""
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["STANCE_DB"] = str(db)
    first = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=300)
    start = time.perf_counter()
    first.run()  # cold: loads the corpus tables into the cache
    result = {"script_cold_s": round(time.perf_counter() - start, 3)}
    opens, changes = [], []
    for _ in range(repeat):
        at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
        start = time.perf_counter()
        at.run()
        opens.append(time.perf_counter() - start)
        start = time.perf_counter()
        at.multiselect(key="filter_country").set_value([country]).run()
        changes.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(at.exception[0].value)
    result["script_open_warm_s"] = round(min(opens), 3)
    result["script_filter_change_s"] = round(min(changes), 3)
    return result


# The text of the page's metrics (the Overview's four counts), to see when new figures are shown.
_FIRST_METRICS_JS = """() => [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.textContent).join('|')"""


def _type_in_sidebar_multiselect(page, label: str, value: str) -> None:
    """Open a sidebar multiselect and type ``value`` (the choice is made by pressing Enter)."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text=label).first
    box.locator("input").click()
    page.keyboard.type(value)


def bench_browser(db: Path, country: str, timeout_s: float, page_path: str = "") -> dict:
    result: dict = {}
    with srv.chromium_browser() as browser:
        server = srv.start_server(extra_env={"STANCE_DB": str(db)})
        try:
            server.wait_healthy(timeout_s)
            # Cold: the first session after the start loads the corpus from SQLite.
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            start = time.perf_counter()
            url = f"{server.url}/{page_path}" if page_path else server.url
            page.goto(url, wait_until="domcontentloaded")
            result["open_cold_s"] = round(srv.wait_for_idle(page, timeout_s=timeout_s) - start, 3)
            # Warm: another user opens the dashboard; the tables are cached on the server.
            times = []
            for _ in range(3):
                other = browser.new_page(viewport={"width": 1280, "height": 800})
                start = time.perf_counter()
                other.goto(url, wait_until="domcontentloaded")
                times.append(srv.wait_for_idle(other, timeout_s=timeout_s) - start)
                other.close()
            result["open_warm_s"] = round(min(times), 3)
            # A filter change in the sidebar: from the keypress that picks the country until the
            # page is idle again with the new view (typing into the box is the user's time).
            times, answers = [], []
            for _ in range(3):
                _type_in_sidebar_multiselect(page, "Country", country)
                before = page.evaluate(_FIRST_METRICS_JS)
                start = time.perf_counter()
                page.keyboard.press("Enter")
                # The answer: the page's figures (the Overview's counts) show the filtered values.
                page.wait_for_function(f"(before) => ({_FIRST_METRICS_JS})() !== before", arg=before,
                                       timeout=timeout_s * 1000, polling=10)
                answers.append(time.perf_counter() - start)
                page.wait_for_function("() => window.location.search.includes('country=')", timeout=timeout_s * 1000)
                times.append(srv.wait_for_idle(page, timeout_s=timeout_s) - start)
                page.goto(url, wait_until="domcontentloaded")  # back to no filter for the next round
                srv.wait_for_idle(page, timeout_s=timeout_s)
            result["filter_answer_s"] = round(min(answers), 3)
            result["filter_answer_median_s"] = round(sorted(answers)[1], 3)
            result["filter_change_s"] = round(min(times), 3)
            result["filter_change_median_s"] = round(sorted(times)[1], 3)
        finally:
            server.stop()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="benchmark corpus file to create or reuse (default: a temporary file)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--page", default="", help="page to time in the browser, e.g. 'data' (default: Overview)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_ARTICLES,
                        help="real articles to vary (default: ../shared/eval/articles; only the seed if absent)")
    args = parser.parse_args(argv)
    db = args.db or Path(tempfile.mkdtemp(prefix="stance-bench-")) / "corpus.sqlite3"
    log(f"benchmark corpus: {db}")
    result = bench_import(db, args.articles, args.eval_dir)
    log(f"import: {result}")
    result.update(bench_in_process(db, args.repeat))
    log(f"in-process: {result}")
    result.update(bench_script_runs(db, result["filter_country"], args.repeat))
    if not args.no_browser:
        try:
            result.update(bench_browser(db, result["filter_country"], args.timeout, args.page))
        except Exception as exc:  # noqa: BLE001 - report, never hide, a browser failure
            result["browser_error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
