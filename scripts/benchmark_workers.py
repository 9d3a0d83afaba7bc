"""Import throughput on 1 and N processes and on a local Dask cluster (issue 15, item 4).

The articles: the seed plus every ``*.txt`` under ``../shared/eval`` (Ukraine articles, PolNeAR
texts, the US topics), read where they are and never copied. Each run stores them in a new
temporary corpus (nothing analysed), then times ``Corpus.extract_pending`` — the analysis and the
writes, what ``python -m core analyse`` does — including the start of the worker processes and
their pipeline loads, since every command pays them. The rows of every run are compared with
those of one process.

Usage: ``python scripts/benchmark_workers.py [--workers 2] [--repeat 1] [--no-dask] [--eval DIR]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from core.corpus.corpus import SEEDED_KEY, Corpus, new_article_from  # noqa: E402
from core.corpus.parallel import DaskRunner, ProcessPoolRunner  # noqa: E402
from core.corpus.store import CorpusStore  # noqa: E402
from core.ingest.text import ArticleError, read_article, seed_article_paths  # noqa: E402
from core.knowledge.codebook import load_codebook  # noqa: E402
from core.settings import SEEDS_DIR  # noqa: E402


def articles(eval_dir: Path) -> list:
    paths = [*seed_article_paths(SEEDS_DIR), *(sorted(eval_dir.rglob("*.txt")) if eval_dir.is_dir() else [])]
    out, seen = [], set()
    for path in paths:
        try:
            article = new_article_from(read_article(path))
        except ArticleError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        if article.article_id in seen:  # the same file name in two folders
            article.article_id = f"{path.parent.parent.name}_{article.article_id}"
        seen.add(article.article_id)
        out.append(article)
    return out


def run(items: list, runner, folder: Path, name: str) -> tuple[float, float, list]:
    """Seconds with the start-up (processes, pipeline loads), seconds without, the rows."""
    path = folder / f"{name}.sqlite3"
    corpus = Corpus(CorpusStore(path), load_codebook())
    corpus.store_articles(items)
    corpus.store.set_meta(SEEDED_KEY, "benchmark")
    started = time.perf_counter()
    if runner is None:
        corpus._nlp()
    else:  # one empty batch per worker: the processes start and load their pipelines
        list(runner.run([[] for _ in range(runner.size())], corpus.analysis_setup()))
    warm = time.perf_counter()
    done = corpus.extract_pending(runner=runner)
    ended = time.perf_counter()
    assert done == len(items), (done, len(items))
    return ended - started, ended - warm, sorted(corpus.store.load_extractions(corpus.pipeline_key, corpus.codebook_hash))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--eval", type=Path, default=REPO_ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    items = articles(args.eval)
    words = sum(len(a.text.split()) for a in items)
    print(f"{len(items)} articles, {words:,} words (seed + {args.eval})")
    # Warm the page cache and this process's imports; the one-process run then loads spaCy like a command would.
    modes: list[tuple[str, object]] = [("1 process", None), (f"{args.workers} processes", "pool")]
    if not args.no_dask:
        modes.append((f"local Dask cluster, {args.workers} workers", "dask"))
    reference = None
    with tempfile.TemporaryDirectory() as tmp:
        for label, kind in modes:
            times, steady = [], []
            for i in range(args.repeat):
                if kind is None:
                    from core.extraction import nlp as nlp_module

                    nlp_module._load_pipeline.cache_clear()  # every run loads its pipeline, as a command does
                    seconds, warm, rows = run(items, None, Path(tmp), f"one{i}")
                elif kind == "pool":
                    with ProcessPoolRunner(args.workers) as pool:
                        seconds, warm, rows = run(items, pool, Path(tmp), f"pool{i}")
                else:
                    from distributed import LocalCluster

                    with LocalCluster(n_workers=args.workers, processes=True, threads_per_worker=1,
                                      dashboard_address=None) as cluster, DaskRunner(cluster.scheduler_address) as dask:
                        seconds, warm, rows = run(items, dask, Path(tmp), f"dask{i}")
                times.append(seconds)
                steady.append(warm)
                reference = rows if reference is None else reference
                same = "identical" if rows == reference else "DIFFERENT"
            total, analysis = statistics.median(times), statistics.median(steady)
            print(f"| {label} | {total:.1f} s ({len(items) / total:.2f} articles/s) | {analysis:.1f} s "
                  f"({len(items) / analysis:.2f} articles/s, {words / analysis:,.0f} words/s) | rows {same} |")


if __name__ == "__main__":
    main()
