"""The analysis on several processes and on a Dask cluster gives the rows one process gives, and
the parent alone writes them to the store; ``python -m core analyse`` / ``add --workers``."""

from __future__ import annotations

import shutil
import sys

import pytest

from core.cli import main
from core.corpus.corpus import SEEDED_KEY, Corpus, new_article_from
from core.corpus.parallel import DASK_MISSING, MAX_WORKERS, DaskRunner, ProcessPoolRunner, WorkerError, batch_size
from core.corpus.store import CorpusStore
from core.ingest.text import read_article
from core.knowledge.codebook import load_codebook
from core.model import Article
from core.settings import ROOT

TEXTS = {
    "talks": "Russian Foreign Minister Sergei Lavrov said Moscow rejected any ceasefire that would let Ukraine rearm. "
             "\"We will not accept European troops in Ukraine,\" he told reporters on Tuesday.",
    "troops": "French President Emmanuel Macron said Europe should be ready to send troops to Ukraine. "
              "Italian Prime Minister Giorgia Meloni opposed sending Italian soldiers.",
    "sanctions": "The European Union said it would keep its sanctions on Russia until a just peace was reached. "
                 "\"The sanctions stay,\" said Kaja Kallas, the EU's foreign policy chief.",
}


def _articles() -> list[Article]:
    seed = new_article_from(read_article(ROOT / "seeds" / "ukraine_peace_talks.txt"))
    return [seed, *(Article(article_id=name, title=name, text=text, origin=name) for name, text in TEXTS.items())]


def _rows(path) -> list:
    store = CorpusStore(path)
    corpus = Corpus(store, load_codebook())
    return sorted(store.load_extractions(corpus.pipeline_key, corpus.codebook_hash))


def _refuse_parse():
    raise AssertionError("the parent process parsed: the runner should have")


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A corpus file with the articles stored, none analysed (and marked seeded)."""
    path = tmp_path_factory.mktemp("parallel") / "stored.sqlite3"
    corpus = Corpus(CorpusStore(path), load_codebook())
    report = corpus.store_articles(_articles())
    assert len(report.added) == 4 and not report.errors
    corpus.store.set_meta(SEEDED_KEY, "test")
    return path


@pytest.fixture(scope="module")
def one_process(stored, tmp_path_factory):
    """The rows of one process, as before: the reference."""
    path = tmp_path_factory.mktemp("one") / "c.sqlite3"
    shutil.copy(stored, path)
    assert Corpus(CorpusStore(path), load_codebook()).extract_pending() == 4
    rows = _rows(path)
    assert len(rows) == 4 and all(r["stances"] or r["quotes"] for _, r in rows)
    assert not any(r.get("error") for _, r in rows)
    return rows


def _copy(stored, tmp_path):
    path = tmp_path / "c.sqlite3"
    shutil.copy(stored, path)
    return path


def test_two_processes_store_the_rows_of_one(stored, one_process, tmp_path):
    path = _copy(stored, tmp_path)
    corpus = Corpus(CorpusStore(path), load_codebook(), nlp_loader=_refuse_parse)
    seen: list[tuple[int, int, str]] = []
    with ProcessPoolRunner(2) as runner:
        assert corpus.extract_pending(lambda *step: seen.append(step), runner) == 4
    assert _rows(path) == one_process
    assert seen[0] == (0, 4, "Analysing 4 article(s) with 2 processes")
    assert seen[-1] == (4, 4, "Analysed 4 of 4 article(s) with 2 processes")
    assert [done for done, _, _ in seen] == sorted(done for done, _, _ in seen)
    assert corpus.pending() == [] and corpus.extract_pending(runner=ProcessPoolRunner(2)) == 0


def test_two_processes_on_a_postgresql_corpus_store_the_rows_of_one(stored, one_process, postgres_url):
    """The same run with the corpus in PostgreSQL (copied there with a backup): the same rows."""
    from core.corpus.backup import backup_bytes, read_backup, restore_backup

    server = CorpusStore(postgres_url)
    restore_backup(server, read_backup(backup_bytes(CorpusStore(stored))), replace=True)
    corpus = Corpus(server, load_codebook(), nlp_loader=_refuse_parse)
    with ProcessPoolRunner(2) as runner:
        assert corpus.extract_pending(runner=runner) == 4
    assert _rows(postgres_url) == one_process and corpus.pending() == []


def test_a_local_dask_cluster_of_two_workers_stores_the_rows_of_one(stored, one_process, tmp_path):
    from distributed import LocalCluster

    path = _copy(stored, tmp_path)
    corpus = Corpus(CorpusStore(path), load_codebook(), nlp_loader=_refuse_parse)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        with DaskRunner(cluster.scheduler_address) as runner:
            assert runner.size() == 2
            assert corpus.extract_pending(runner=runner) == 4
    assert _rows(path) == one_process


def test_cli_analyse_with_two_workers(stored, one_process, tmp_path, capsys):
    path = _copy(stored, tmp_path)
    assert main(["analyse", "--workers", "2", "--db", str(path)]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("analysed 4 article(s) with 2 processes in ")
    assert "Analysed 4 of 4 article(s) with 2 processes" in out.err
    assert _rows(path) == one_process
    assert main(["analyse", "--db", str(path)]) == 0
    assert capsys.readouterr().out.startswith("nothing to analyse")


def test_cli_add_with_two_workers(one_process, tmp_path, capsys):
    """``add --workers 2`` on a new corpus: the seed and the added files are analysed by the pool."""
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(f"# title: {name}\n\n{text}\n", encoding="utf-8")
    path = tmp_path / "new.sqlite3"
    files = [str(tmp_path / f"{name}.txt") for name in TEXTS]
    assert main(["add", *files, "--workers", "2", "--db", str(path)]) == 0
    out = capsys.readouterr()
    assert "with 2 processes" in out.err and "Added 3 article(s)" in out.out
    assert _rows(path) == one_process


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["analyse", "--workers", "0"], f"error: --workers must be between 1 and {MAX_WORKERS}, not 0"),
        (["analyse", "--workers", str(MAX_WORKERS + 1)], f"error: --workers must be between 1 and {MAX_WORKERS}, not {MAX_WORKERS + 1}"),
        (["add", "x.txt", "--workers", "-3"], f"error: --workers must be between 1 and {MAX_WORKERS}, not -3"),
        (["analyse", "--scheduler", "tcp://127.0.0.1:8786"], "error: --scheduler goes with --engine dask"),
        (["analyse", "--engine", "dask"], "error: --engine dask needs --scheduler ADDRESS"),
        (["analyse", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"],
         "error: --workers applies to --engine local"),
    ],
)
def test_cli_refuses_bad_worker_settings_in_one_line(argv, message, tmp_path, capsys):
    assert main([*argv, "--db", str(tmp_path / "c.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / "c.sqlite3").exists()  # refused before the corpus was opened


def test_without_dask_the_message_says_what_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(WorkerError, match="install dask"):
        DaskRunner("tcp://127.0.0.1:8786")
    assert main(["analyse", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--db", str(tmp_path / "c.sqlite3")]) == 2
    assert capsys.readouterr().err == f"error: {DASK_MISSING}\n"


def test_an_unreachable_scheduler_is_one_line(stored, tmp_path):
    corpus = Corpus(CorpusStore(_copy(stored, tmp_path)), load_codebook(), nlp_loader=_refuse_parse)
    with DaskRunner("tcp://127.0.0.1:9", timeout=1) as runner, pytest.raises(WorkerError, match="cannot reach the Dask scheduler"):
        corpus.extract_pending(runner=runner)
    assert len(corpus.pending()) == 4  # nothing written


def test_batches_keep_every_worker_busy_and_stay_bounded():
    assert batch_size(4, 2) == 1
    assert batch_size(80, 2) == 10
    assert batch_size(10_000, 2) == 16  # nlp.pipe's batch, never more
    assert batch_size(1, 32) == 1
