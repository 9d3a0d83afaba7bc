"""One analysis queue per server: a background thread that analyses the pending articles.

The dashboard stores imported articles at once (fast) and leaves their analysis to this worker, so
a visitor who arrives while an import is being analysed never runs the same analysis again (which
took another copy of the model's working memory per visitor); they see "being analysed (n of m)"
instead. Only one analysis runs at a time, so the server's memory holds one article's parse.

The worker is a plain thread started on demand and ended when nothing is left to do: no idle
thread is kept. ``request`` hands it the newest way to open the corpus (the codebook may have
changed since), and asks for one more round when it is already running, so articles stored while
it works are never left behind.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerStatus:
    busy: bool = False
    done: int = 0
    total: int = 0
    text: str = ""
    rounds: int = 0  # analysis rounds finished since the server started
    error: str = ""  # the last round's failure, for the server log and the pages


class AnalysisWorker:
    """Runs ``open_corpus().extract_pending(progress)`` in one background thread at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None
        self._again = False
        self._open_corpus: Callable[[], object] | None = None
        self._status = WorkerStatus()
        self._exception: BaseException | None = None

    def status(self) -> WorkerStatus:
        with self._lock:
            return self._status

    def last_exception(self) -> BaseException | None:
        """What made the last round fail (None when it did not), for the pages to report."""
        with self._lock:
            return self._exception

    def request(self, open_corpus: Callable[[], object]) -> None:
        """Analyse what is pending, now or right after the round in progress."""
        with self._lock:
            self._open_corpus = open_corpus
            if self._thread is not None and self._thread.is_alive():
                self._again = True
                return
            self._again = True
            self._status = replace(self._status, busy=True, done=0, total=0, text="Starting the analysis…")
            self._thread = threading.Thread(target=self._run, name="stance-analysis", daemon=True)
            self._thread.start()

    def wait(self, timeout: float, on_progress: Callable[[WorkerStatus], None] | None = None, poll: float = 0.2) -> bool:
        """Wait until the worker is idle (True) or ``timeout`` seconds passed (False), calling
        ``on_progress`` with the status every ``poll`` seconds. Waiting runs no analysis."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.status()
            if on_progress is not None:
                on_progress(status)
            if not status.busy:
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            with self._idle:
                self._idle.wait(min(poll, left))

    def _progress(self, done: int, total: int, text: str) -> None:
        with self._lock:
            self._status = replace(self._status, done=done, total=total, text=text)

    def _run(self) -> None:
        try:
            self._rounds()
        finally:  # an exception ended the thread: release the waiting sessions all the same
            with self._lock:
                if self._thread is threading.current_thread():
                    self._thread = None
                    self._status = replace(self._status, busy=False, text="")
                self._idle.notify_all()

    def _rounds(self) -> None:
        while True:
            with self._lock:
                if not self._again:  # out of work: ended under the lock, so no request is lost
                    self._status = replace(self._status, busy=False, text="")
                    self._thread = None
                    self._idle.notify_all()
                    return
                self._again = False
                open_corpus = self._open_corpus
            error, failure = "", None
            try:
                if open_corpus is not None:
                    open_corpus().extract_pending(self._progress)  # type: ignore[attr-defined]
            except BaseException as exc:  # noqa: BLE001 - logged; the pages report it (a thread has no caller to raise to)
                log.exception("background analysis failed")
                error, failure = f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:200]}", exc
            with self._lock:
                self._status = replace(self._status, rounds=self._status.rounds + 1, error=error)
                self._exception = failure
