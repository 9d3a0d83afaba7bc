"""The analysis of pending articles on several processes, or on a Dask cluster.

:meth:`core.corpus.corpus.Corpus.extract_pending` hands batches of articles to a runner and writes
what comes back to the store itself, one transaction per article, so the store is only ever written
by the parent process (SQLite has one writer; a worker on another machine has no access to it).

Two runners, both on existing engines (no scheduler of our own):

* :class:`ProcessPoolRunner`: ``concurrent.futures.ProcessPoolExecutor`` with the *spawn* start
  method (safe beside the dashboard's threads, the same on Linux, macOS and Windows); each worker
  builds the spaCy pipeline once, in the pool's initializer, and then analyses whole batches:
  parse, mentions, attribution, stance scoring and tables. (``nlp.pipe(n_process=N)`` would
  parallelise only the parse, and the Doc's custom span attributes do not survive the trip back,
  so the stance layer would run again in the parent: less speed-up and a second code path.)
* :class:`DaskRunner`: a ``distributed.Client`` on a running scheduler; the analysis setup is
  broadcast once, each worker builds the pipeline once (cached in the worker process) and analyses
  the batches it is given. Optional: ``pip install "dask[distributed]"`` (see README).

Each worker runs exactly what one process runs (:func:`analyse_batch` calls the same
``analyze_articles`` with the same knowledge, codebook and scorer), so the rows are the same; the
tests compare them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the CLI imports this module for --help: spaCy, numpy and the codebook load on use
    from core.extraction.scorer import StanceScorer
    from core.ingest.text import Article
    from core.knowledge.codebook import Codebook
    from core.knowledge.gazetteer import Knowledge

MAX_WORKERS = 32  # processes of one machine; each holds its own spaCy pipeline (~200 MB)
MAX_BATCH = 16  # articles per task: nlp.pipe's batch size (core.extraction.pipeline.BATCH_SIZE)
IN_FLIGHT_PER_WORKER = 2  # tasks submitted ahead per worker: bounded memory for a corpus of any size
DASK_CONNECT_TIMEOUT_S = 10.0
DASK_MISSING = "install dask[distributed] to use --engine dask (pip install 'dask[distributed]==2026.8.*')"

Rows = dict[str, list]


class WorkerError(RuntimeError):
    """A runner cannot run (bad settings, no Dask, scheduler unreachable, a worker died); one line
    for the user. What was written to the store before it stays."""


@dataclass(frozen=True)
class AnalysisSetup:
    """Everything a worker needs to analyse exactly as the parent would, sent to it once: the spaCy
    models to try, the knowledge object (by value, not re-read from files), the codebook (as YAML:
    its compiled patterns do not pickle; the digest proves the copy is the same codebook) and the
    stance scorer (None: the rules)."""

    models: tuple[str, ...]
    knowledge: Knowledge
    codebook_yaml: str
    codebook_digest: str
    scorer: StanceScorer | None

    @property
    def key(self) -> tuple[str, ...]:
        return (*self.models, self.knowledge.digest, self.codebook_digest, self.scorer.digest if self.scorer else "rules")


# --- inside a worker process ---------------------------------------------------------------------

_PREPARED: dict[tuple[str, ...], tuple[Codebook, Any]] = {}  # one (codebook, pipeline) per worker process
_POOL_SETUP: list[AnalysisSetup] = []


def _prepared(setup: AnalysisSetup) -> tuple[Codebook, Any]:
    """The codebook and spaCy pipeline for ``setup``, built once per worker process."""
    if setup.key not in _PREPARED:
        from core.extraction.nlp import build_pipeline
        from core.knowledge.codebook import codebook_from_yaml

        codebook = codebook_from_yaml(setup.codebook_yaml, source="the corpus's codebook")
        if (codebook.digest or "default") != setup.codebook_digest:
            raise WorkerError("the codebook sent to a worker reads differently there; analyse with --workers 1")
        _PREPARED.clear()  # a worker keeps one pipeline: a new setup replaces the old one
        _PREPARED[setup.key] = (codebook, build_pipeline(setup.models, setup.knowledge))
    return _PREPARED[setup.key]


def analyse_batch(setup: AnalysisSetup, articles: list[Article]) -> list[Rows]:
    """Each article's rows, as :meth:`Corpus._analyze_chunk` makes them in one process (an
    article the analysis fails on gets no rows and its error)."""
    from core.corpus.corpus import analysis_rows
    from core.extraction.pipeline import analyze_articles

    codebook, nlp = _prepared(setup)

    def analyse(chunk: list[Article]):
        return analyze_articles(chunk, nlp=nlp, codebook=codebook, knowledge=setup.knowledge, scorer=setup.scorer)

    return analysis_rows(articles, analyse)


def _init_pool_worker(setup: AnalysisSetup) -> None:
    _POOL_SETUP[:] = [setup]
    _prepared(setup)  # load spaCy now, once, before the first batch arrives


def _analyse_in_pool(articles: list[Article]) -> list[Rows]:
    return analyse_batch(_POOL_SETUP[0], articles)


# --- in the parent -------------------------------------------------------------------------------


def batch_size(total: int, workers: int) -> int:
    """Articles per task: about four tasks per worker, so the last ones do not leave a core idle,
    at most MAX_BATCH (nlp.pipe's batch) and at least 1."""
    return max(1, min(MAX_BATCH, math.ceil(total / max(1, workers * 4))))


def check_workers(workers: int) -> int:
    if not 1 <= workers <= MAX_WORKERS:
        raise WorkerError(f"--workers must be between 1 and {MAX_WORKERS}, not {workers}")
    return workers


class ProcessPoolRunner:
    """Batches analysed by ``workers`` processes of this machine. Use as a context manager (or call
    :meth:`close`): the pool, and the pipelines its processes loaded, live until then, so seeding
    and adding in one command load spaCy once per process."""

    def __init__(self, workers: int):
        self.workers = check_workers(workers)
        self._pool: ProcessPoolExecutor | None = None
        self._key: tuple[str, ...] | None = None

    @property
    def name(self) -> str:
        return f"{self.workers} processes"

    def size(self) -> int:
        return self.workers

    def _pool_for(self, setup: AnalysisSetup) -> ProcessPoolExecutor:
        if self._pool is None or self._key != setup.key:
            self.close()
            import multiprocessing

            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_init_pool_worker, initargs=(setup,))
            self._key = setup.key
        return self._pool

    def run(self, batches: Iterable[list[Article]], setup: AnalysisSetup) -> Iterator[tuple[list[Article], list[Rows]]]:
        """``(batch, rows per article)`` as each batch finishes, with at most
        IN_FLIGHT_PER_WORKER batches per worker read and queued at a time."""
        pool = self._pool_for(setup)
        pending: dict[Future, list[Article]] = {}
        todo = iter(batches)
        try:
            while True:
                for batch in todo:
                    pending[pool.submit(_analyse_in_pool, batch)] = batch
                    if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                        break
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), future.result()
        except BrokenProcessPool:
            self.close()
            raise WorkerError(f"an analysis process died (out of memory?); the articles analysed so far are saved: "
                              f"run again, perhaps with fewer than {self.workers} --workers") from None
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessPoolRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskRunner:
    """Batches analysed by the workers of a Dask cluster (``distributed``) at ``scheduler``. The
    workers need this project importable (``PYTHONPATH``) and its requirements with the spaCy
    model installed; results come back to this process, which writes them to the store."""

    def __init__(self, scheduler: str, timeout: float = DASK_CONNECT_TIMEOUT_S):
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise WorkerError(DASK_MISSING) from None
        if not scheduler.strip():
            raise WorkerError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786, printed by 'dask scheduler')")
        self.scheduler = scheduler.strip()
        self.timeout = timeout
        self._client: Any = None

    @property
    def name(self) -> str:
        return f"Dask at {self.scheduler}, {self.size()} workers"

    def _connect(self) -> Any:
        if self._client is None:
            from distributed import Client

            try:
                self._client = Client(self.scheduler, timeout=self.timeout)
            except (OSError, TimeoutError, ValueError, TypeError) as exc:
                first = (str(exc).splitlines() or [""])[0][:200]
                raise WorkerError(f"cannot reach the Dask scheduler at {self.scheduler} ({type(exc).__name__}: {first})") from None
        return self._client

    def size(self) -> int:
        return max(1, len(self._connect().scheduler_info(n_workers=-1).get("workers", {})))

    def run(self, batches: Iterable[list[Article]], setup: AnalysisSetup) -> Iterator[tuple[list[Article], list[Rows]]]:
        from distributed import as_completed

        client = self._connect()
        workers = self.size()
        shared = client.scatter(setup, broadcast=True, hash=False)
        pending: dict[Any, list[Article]] = {}
        todo = iter(batches)

        def submit(n: int) -> list[Any]:
            futures = []
            for batch in todo:
                future = client.submit(analyse_batch, shared, batch, pure=False)
                pending[future] = batch
                futures.append(future)
                if len(futures) >= n:
                    break
            return futures

        finished = as_completed(submit(workers * IN_FLIGHT_PER_WORKER))
        try:
            for future in finished:
                batch = pending.pop(future)
                try:
                    rows = future.result()
                except (WorkerError, ImportError) as exc:
                    raise WorkerError(f"a Dask worker could not analyse ({type(exc).__name__}: {exc}); the workers need "
                                      "this project on their PYTHONPATH and its requirements installed") from None
                yield batch, rows
                for more in submit(1):
                    finished.add(more)
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
