"""Benchmark: spaCy alone vs the full stance pipeline, and the dashboard's cold start.

    python scripts/benchmark.py              # summary table + a JSON line
    python scripts/benchmark.py --repeat 5   # best of 5 timed runs (after one warm-up)
    python scripts/benchmark.py --json       # only the JSON line

Texts: every seed article (``seeds/*.txt``) plus, when ``../shared/eval`` exists next to the repo,
the real evaluation articles (``articles/*.txt`` and ``polnear_dev/text/*.txt``); their text is read
from there at run time, never copied. Words are whitespace-split words.

(a) bare spaCy: ``spacy.load`` of the same model, without the actor ruler, over ``nlp.pipe``;
(b) the stance pipeline: ``load_pipeline`` (with the ruler) + ``analyze_articles`` (``nlp.pipe`` +
    ``analyze_doc`` per doc + the result tables), models loaded beforehand in both cases;
(c) the dashboard cold start: ``streamlit run app.py`` until ``/_stcore/health`` says ok, and until
    the first page has finished rendering in headless Chromium.

(a) and (b) are interleaved (alternating which goes first) and the best of N runs is kept; the
overhead is stance time / spaCy time - 1 (target: under 25 %).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
import traceback
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
for _p in (str(REPO_ROOT), str(SCRIPTS_DIR)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import _streamlit_server as srv  # noqa: E402

EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
EVAL_GLOBS = ("articles/*.txt", "polnear_dev/text/*.txt")
OVERHEAD_TARGET_PCT = 25.0


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- inputs --------------------------------------------------------------------------------------


def article_paths(use_eval: bool = True) -> tuple[list[Path], list[str]]:
    from core.ingest.text import seed_article_paths

    paths = list(seed_article_paths(REPO_ROOT / "seeds"))
    sources = ["seeds"]
    if use_eval and EVAL_DIR.is_dir():
        for pattern in EVAL_GLOBS:
            found = sorted(EVAL_DIR.glob(pattern))
            if found:
                paths += found
                sources.append(f"{EVAL_DIR.name}/{pattern.split('/')[0]}")
    return paths, sources


def load_articles(paths: list[Path]):
    from core.ingest.text import ArticleError, read_article

    articles = []
    for path in paths:
        try:
            articles.append(read_article(path))
        except ArticleError as exc:
            log(f"skipped {exc}")
    return articles


# --- (a) / (b) -----------------------------------------------------------------------------------


def load_bare_spacy(model: str | None):
    """The same spaCy model the stance pipeline uses, freshly loaded without the actor ruler."""
    import spacy

    from core.extraction.nlp import configured_model_names

    errors = []
    for name in (model,) if model else configured_model_names():
        try:
            return name, spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0]}")
    raise RuntimeError("no spaCy model could be loaded: " + "; ".join(errors))


def bench_pipelines(articles, repeat: int, model: str | None, breakdown: bool = False) -> dict:
    from core.extraction.nlp import RULER_NAME, load_pipeline
    from core.extraction.pipeline import analyze_articles
    from core.knowledge.codebook import load_codebook
    from core.knowledge.gazetteer import load_knowledge

    try:
        from core.extraction.pipeline import BATCH_SIZE
    except ImportError:
        BATCH_SIZE = 16

    knowledge = load_knowledge()
    codebook = load_codebook()
    model_name, bare = load_bare_spacy(model)
    full = load_pipeline(model_name, knowledge=knowledge)
    if RULER_NAME in bare.pipe_names:  # cannot happen with a fresh spacy.load, but be sure
        bare.remove_pipe(RULER_NAME)

    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    def run_bare() -> int:
        n = 0
        for _doc in bare.pipe(texts, batch_size=BATCH_SIZE):
            n += 1
        return n

    try:
        from core.extraction.components import COMPONENTS
    except ImportError:  # a tree from before the extraction components
        COMPONENTS = ()
    # The mention and attribution components belong to the stance rules, not to spaCy's part.
    rule_components = [name for name in COMPONENTS if name in full.pipe_names]

    def run_ruler() -> int:  # the stance pipeline's spaCy part only (model + actor ruler)
        n = 0
        for _doc in full.pipe(texts, batch_size=BATCH_SIZE, disable=rule_components):
            n += 1
        return n

    def run_stance() -> int:
        # (a codebook remembers the issues of the sentences it has searched: without forgetting
        # them every run after the first would time articles already seen, not new ones)
        if hasattr(codebook, "forget_matches"):
            codebook.forget_matches()
        else:  # a tree from before forget_matches
            codebook._found.clear()
        tables = analyze_articles(articles, nlp=full, codebook=codebook, knowledge=knowledge)
        return len(tables.stances)

    cpu: dict[str, list[float]] = {}

    def timed(fn, name: str = "") -> tuple[float, int]:
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        # CPU time of this process: other programs on the machine lengthen the wall-clock time of a
        # run far more than they lengthen the CPU time it needs, so its ratio is the steadier one.
        cpu.setdefault(name, []).append(time.process_time() - start_cpu)
        return time.perf_counter() - start, result

    runners = [("bare", run_bare), ("stance", run_stance)]
    if breakdown:
        runners.insert(1, ("ruler", run_ruler))
    for _name, fn in runners:  # warm-up: first-call allocations, lazy imports, caches
        fn()
    times: dict[str, list[float]] = {name: [] for name, _ in runners}
    stance_rows = 0
    for i in range(repeat):
        order = runners if i % 2 == 0 else runners[::-1]  # alternate who goes first
        for name, fn in order:
            elapsed, result = timed(fn, name)
            times[name].append(elapsed)
            if name == "stance":
                stance_rows = result
        log(f"  run {i + 1}/{repeat}: " + ", ".join(f"{name} {times[name][-1]:.3f} s" for name, _ in runners))

    bare_times, stance_times = times["bare"], times["stance"]
    t_bare, t_stance = min(bare_times), min(stance_times)
    # Same-round ratios are less sensitive to load drifting over the whole benchmark.
    def paired_overhead(stance: list[float], bare: list[float]) -> float:
        return statistics.median(st / bt - 1 for st, bt in zip(stance, bare))

    paired_median = paired_overhead(stance_times, bare_times)
    extra = {
        "cpu_overhead_pct": round((min(cpu["stance"]) / min(cpu["bare"]) - 1) * 100, 1),
        "cpu_overhead_paired_median_pct": round(paired_overhead(cpu["stance"], cpu["bare"]) * 100, 1),
        "spacy_cpu_runs_s": [round(t, 4) for t in cpu["bare"]],
        "stance_cpu_runs_s": [round(t, 4) for t in cpu["stance"]],
    }
    if breakdown:
        t_ruler = min(times["ruler"])
        extra |= {
            "ruler_s": round(t_ruler, 4),
            "ruler_wps": round(words / t_ruler, 1),
            "ruler_overhead_pct": round((t_ruler / t_bare - 1) * 100, 1),
            "rules_overhead_pct": round((t_stance - t_ruler) / t_bare * 100, 1),
            "ruler_runs_s": [round(t, 4) for t in times["ruler"]],
        }
    return {
        **extra,
        "model": model_name,
        "docs": len(texts),
        "words": words,
        "repeat": repeat,
        "batch_size": BATCH_SIZE,
        "spacy_s": round(t_bare, 4),
        "stance_s": round(t_stance, 4),
        "spacy_wps": round(words / t_bare, 1),
        "stance_wps": round(words / t_stance, 1),
        "overhead_pct": round((t_stance / t_bare - 1) * 100, 1),
        "overhead_paired_median_pct": round(paired_median * 100, 1),
        "overhead_target_pct": OVERHEAD_TARGET_PCT,
        "stance_rows": stance_rows,
        "spacy_runs_s": [round(t, 4) for t in bare_times],
        "stance_runs_s": [round(t, 4) for t in stance_times],
    }


# --- (c) -----------------------------------------------------------------------------------------


def bench_dashboard(timeout_s: float) -> dict:
    """Cold start of the dashboard; never raises (failures come back as ``dashboard_error``)."""
    result: dict = {"dashboard_ok": False}
    try:
        browser_cm = srv.chromium_browser()
        browser = browser_cm.__enter__()  # launched first, so its start-up is not counted
    except Exception as exc:  # noqa: BLE001
        result["dashboard_error"] = f"cannot launch Chromium: {exc}"
        return result
    server = None
    try:
        server = srv.start_server(extra_env=srv.fresh_corpus_env())  # first start: seeds imported and analysed
        result["health_s"] = round(server.wait_healthy(timeout_s), 3)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        remaining = max(5.0, timeout_s - (time.perf_counter() - server.started_at))
        page.goto(server.url, wait_until="domcontentloaded", timeout=remaining * 1000)
        try:
            idle_at = srv.wait_for_idle(page, timeout_s=remaining)
        except TimeoutError as exc:
            error = srv.app_error_text(page)
            raise srv.ServerError(f"{exc}" + (f"; the app shows an error: {error}" if error else "")) from None
        except srv.AppError as exc:
            raise srv.ServerError(f"the first page did not render: {exc}") from None
        result["first_render_s"] = round(idle_at - server.started_at, 3)
        # Memory of the server once the seed is analysed and the first page drawn (Community
        # Cloud's smallest apps get about 690 MB).
        for _ in srv.PAGES_FOR_MEMORY:
            page.goto(server.url + _, wait_until="domcontentloaded")
            srv.wait_for_idle(page, timeout_s=remaining)
        result["server_rss_mb"] = srv.rss_mb(server.process.pid)
        error = srv.app_error_text(page)
        if error:
            result["dashboard_warning"] = f"the first page shows an error: {error}"
        result["dashboard_ok"] = True
    except Exception as exc:  # noqa: BLE001 - (c) must never stop the benchmark
        message = str(exc).strip() or type(exc).__name__
        if server is not None and server.log_tail() and server.log_tail() not in message:
            message += "\n--- streamlit log (tail) ---\n" + server.log_tail()
        result["dashboard_error"] = message
    finally:
        if server is not None:
            server.stop()
        try:
            browser_cm.__exit__(None, None, None)
        except Exception:  # noqa: BLE001
            pass
    return result


# --- output --------------------------------------------------------------------------------------


def summary_table(res: dict) -> str:
    rows: list[tuple[str, str]] = []
    if "spacy_wps" in res:
        rows += [
            ("texts", f"{res['docs']} docs, {res['words']:,} words ({', '.join(res['sources'])})"),
            ("model", f"{res['model']} (batch {res['batch_size']}, best of {res['repeat']})"),
            ("(a) spaCy only", f"{res['spacy_wps']:>10,.0f} words/s  ({res['spacy_s']:.3f} s)"),
            ("(b) stance pipeline", f"{res['stance_wps']:>10,.0f} words/s  ({res['stance_s']:.3f} s, "
                                    f"{res['stance_rows']} stance rows)"),
            ("overhead", f"{res['overhead_pct']:>+9.1f} %  "
                         f"({'within' if res['overhead_pct'] < OVERHEAD_TARGET_PCT else 'ABOVE'} the "
                         f"{OVERHEAD_TARGET_PCT:.0f} % target; median of same-round ratios "
                         f"{res['overhead_paired_median_pct']:+.1f} %)"),
        ]
        if "cpu_overhead_pct" in res:
            rows.append(("overhead, CPU time", f"{res['cpu_overhead_pct']:>+9.1f} %  (this process's CPU time, steadier on a busy "
                                               f"machine; median of same-round ratios {res['cpu_overhead_paired_median_pct']:+.1f} %)"))
        if "ruler_overhead_pct" in res:
            rows.append(("  of which", f"{res['ruler_overhead_pct']:>+9.1f} % actor ruler, "
                                       f"{res['rules_overhead_pct']:+.1f} % stance rules + tables"))
        if "load_avg" in res:
            rows.append(("load average", f"{res['load_avg']:>9.2f} on {res['cpus']} CPUs "
                                         "(other processes make the numbers noisy)"))
    elif "pipeline_error" in res:
        rows.append(("(a)/(b) pipelines", "FAILED: " + res["pipeline_error"].splitlines()[0]))
    if res.get("dashboard_ok"):
        rows += [
            ("(c) health ok", f"{res['health_s']:>9.2f} s after spawn"),
            ("(c) first page", f"{res['first_render_s']:>9.2f} s after spawn (rendered, idle)"),
            ("(c) server memory", f"{res.get('server_rss_mb', float('nan')):>9.1f} MB RSS after every page was shown"),
        ]
        if res.get("dashboard_warning"):
            rows.append(("(c) warning", res["dashboard_warning"]))
    elif "dashboard_error" in res:
        rows.append(("(c) dashboard", "SKIPPED: " + res["dashboard_error"].splitlines()[0][:160]))
        if "health_s" in res:
            rows.append(("(c) health ok", f"{res['health_s']:>9.2f} s after spawn"))
    width = max(len(k) for k, _ in rows)
    line = "-" * (width + 50)
    return "\n".join([line, *(f"{k:<{width}}  {v}" for k, v in rows), line])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per pipeline (best is kept); default 3")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--seeds-only", action="store_true", help="ignore ../shared/eval even if it exists")
    parser.add_argument("--model", help="spaCy model name (default: what core.extraction.nlp would load)")
    parser.add_argument("--no-dashboard", action="store_true", help="skip (c), the dashboard cold start")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time spaCy + actor ruler alone, to split the overhead")
    parser.add_argument("--timeout", type=float, default=srv.DEFAULT_TIMEOUT_S,
                        help="seconds allowed for the dashboard to render its first page; default 90")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    res: dict = {}
    try:
        paths, sources = article_paths(use_eval=not args.seeds_only)
        articles = load_articles(paths)
        if not articles:
            raise RuntimeError("no readable article found")
        res["sources"] = sources
        log(f"benchmarking {len(articles)} articles, {args.repeat} run(s) each after a warm-up ...")
        res.update(bench_pipelines(articles, args.repeat, args.model, args.breakdown))
        if hasattr(os, "getloadavg"):
            res["load_avg"] = round(os.getloadavg()[0], 2)
            res["cpus"] = os.cpu_count()
    except Exception as exc:  # noqa: BLE001 - still try the dashboard
        res["pipeline_error"] = f"{type(exc).__name__}: {exc}"
        log(traceback.format_exc())

    if not args.no_dashboard:
        log("starting the dashboard (cold start) ...")
        res.update(bench_dashboard(args.timeout))
        if not res.get("dashboard_ok"):
            log(f"dashboard cold start skipped: {res.get('dashboard_error', 'unknown error')}")

    if not args.json:
        print(summary_table(res))
    print(json.dumps(res, ensure_ascii=False, sort_keys=True))
    return 1 if "pipeline_error" in res else 0


if __name__ == "__main__":
    sys.exit(main())
