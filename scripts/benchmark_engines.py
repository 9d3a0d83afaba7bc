"""The dashboard on a 1,000-article corpus in SQLite and in PostgreSQL, side by side.

The corpus is built once in SQLite (``benchmark_corpus.bench_import``: varied real texts, nothing
written outside the temporary corpus), copied into PostgreSQL with a backup and a restore (the
same path a team takes when it moves to a hosted database), and then the same measurements run on
each engine:

  * in-process: loading the corpus tables, one filter change (pandas), the Overview chart data;
  * one script run on the server (Streamlit's AppTest): a new session on a cold and a warm cache,
    and a sidebar filter change;
  * in the browser (Debian Chromium + Playwright): opening the dashboard cold and warm, and a
    sidebar filter change until the new figures are shown (``filter_answer_s``) and the page is
    idle (``filter_change_s``).

PostgreSQL is a local server (``--postgres URL``, or a throwaway cluster started by
``tests/postgres_server.py``); ``--latency-ms 20`` measures it a third time behind a proxy that
delays every packet by half that each way (``scripts/latency_proxy.py``), as a hosted database in
another region answers.

Usage: ``python scripts/benchmark_engines.py [--articles 1000] [--workers N] [--sqlite FILE]
[--postgres URL] [--latency-ms MS] [--no-browser] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "scripts"))

from benchmark import log  # noqa: E402
from benchmark_corpus import EVAL_ARTICLES, bench_browser, bench_import, bench_in_process, bench_script_runs  # noqa: E402

from core.corpus.backup import backup_bytes, read_backup, restore_backup  # noqa: E402
from core.corpus.store import CorpusStore  # noqa: E402

# The figures compared in the table, in order: (key, label).
COMPARED = (
    ("load_tables_s", "load the corpus tables (in-process)"),
    ("filter_s", "one filter change (pandas, in-process)"),
    ("script_cold_s", "first script run, cold cache (AppTest)"),
    ("script_open_warm_s", "new session, warm cache (AppTest)"),
    ("script_filter_change_s", "sidebar filter change (AppTest)"),
    ("open_cold_s", "open the dashboard, cold (browser)"),
    ("open_warm_s", "open the dashboard, warm (browser)"),
    ("filter_answer_s", "filter change until the new figures show (browser)"),
    ("filter_change_s", "filter change until the page is idle (browser)"),
)


def copy_to_postgres(sqlite_path: Path, url: str) -> dict:
    """Replace the corpus at ``url`` with the SQLite corpus, through a backup; timed."""
    start = time.perf_counter()
    data = backup_bytes(CorpusStore(sqlite_path))
    backup_s = time.perf_counter() - start
    start = time.perf_counter()
    server = CorpusStore(url)
    report = restore_backup(server, read_backup(data), replace=True)
    restore_s = time.perf_counter() - start
    # What the corpus takes on the server (tables, indexes and TOAST): what a free tier counts.
    size = server._query("SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                         " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'")[0][0]
    return {"backup_bytes": len(data), "backup_s": round(backup_s, 2), "restore_s": round(restore_s, 2),
            "restored_articles": report.counts["articles"], "postgres_bytes": int(size or 0),
            "sqlite_bytes": sqlite_path.stat().st_size}


def measure(location: str, repeat: int, browser: bool, timeout: float) -> dict:
    result = bench_in_process(location, repeat)  # type: ignore[arg-type]
    result.update(bench_script_runs(location, result["filter_country"], repeat))  # type: ignore[arg-type]
    if browser:
        try:
            result.update(bench_browser(location, result["filter_country"], timeout))  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - report, never hide, a browser failure
            result["browser_error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return result


def table(sqlite: dict, postgres: dict, remote: dict | None = None, latency_ms: float = 0) -> str:
    extra = f" PostgreSQL, {latency_ms:g} ms round trip |" if remote else ""
    lines = ["| measurement | SQLite | PostgreSQL (local server) |" + extra, "|---|---|---|" + ("---|" if remote else "")]
    for key, label in COMPARED:
        if key in sqlite or key in postgres:
            row = f"| {label} | {sqlite.get(key, '–')} s | {postgres.get(key, '–')} s |"
            lines.append(row + (f" {remote.get(key, '–')} s |" if remote else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sqlite", type=Path, help="benchmark corpus file to create or reuse (default: a temporary file)")
    parser.add_argument("--postgres", help="a PostgreSQL URL whose corpus is REPLACED (default: a throwaway local server)")
    parser.add_argument("--workers", type=int, default=1, help="processes that analyse the articles while building the corpus")
    parser.add_argument("--latency-ms", type=float, default=0,
                        help="also measure PostgreSQL behind a proxy that adds this round-trip time, as a hosted database")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    sqlite_path = args.sqlite or Path(tempfile.mkdtemp(prefix="stance-bench-")) / "corpus.sqlite3"
    log(f"SQLite corpus: {sqlite_path}")
    built = bench_import(sqlite_path, args.articles, EVAL_ARTICLES, workers=args.workers)
    log(f"import: {built}")
    server = None
    url = args.postgres
    if not url:
        sys.path.insert(0, str(REPO_ROOT / "tests"))
        import postgres_server

        server = postgres_server.start()
        url = server.url
    try:
        copied = copy_to_postgres(sqlite_path, url)
        log(f"copied to PostgreSQL: {copied}")
        sqlite = measure(str(sqlite_path), args.repeat, not args.no_browser, args.timeout)
        log(f"SQLite: {sqlite}")
        postgres = measure(url, args.repeat, not args.no_browser, args.timeout)
        log(f"PostgreSQL: {postgres}")
        remote: dict = {}
        if args.latency_ms:
            from latency_proxy import delayed_proxy
            from sqlalchemy.engine import make_url

            parsed = make_url(url)
            with delayed_proxy(parsed.host or "127.0.0.1", parsed.port or 5432, args.latency_ms / 2) as port:
                remote = measure(parsed.set(port=port).render_as_string(hide_password=False), args.repeat,
                                 not args.no_browser, args.timeout)
            log(f"PostgreSQL at {args.latency_ms:g} ms: {remote}")
    finally:
        if server is not None:
            server.stop()
    result = {"articles": args.articles, "import": built, "copy": copied, "sqlite": sqlite, "postgresql": postgres}
    if remote:
        result[f"postgresql_{args.latency_ms:g}ms"] = remote
    if not args.json:
        print(table(sqlite, postgres, remote, args.latency_ms))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
