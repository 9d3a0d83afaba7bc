"""The analysis queue as a page sees it: ask the server's one worker (``core.corpus.worker``) to
analyse what is pending and follow it with a progress bar; seed a new corpus on its first start."""

from __future__ import annotations

import streamlit as st

from core.corpus.corpus import SEEDED_KEY, SYSTEMIC_ERRORS, Corpus
from core.corpus.worker import WorkerStatus
from core.views.render import escape_markdown
from dashboard.config import articles_folder
from dashboard.state import analysis_worker

ANALYSIS_WAIT_S = 120.0  # a page waits this long for the worker, then shows what is ready
MAX_PENDING = 100  # articles waiting for analysis on the whole server
MAX_SESSION_QUEUE = 20  # articles one session may have waiting
QUEUED = "analysis_queued_ids"  # session: ids this session stored that may still wait


def analyse_pending(corpus: Corpus, label: str) -> bool:
    """Ask the worker to analyse what is pending in ``corpus`` (opened in this session: its store,
    codebook and keys are already looked up, so the worker's thread needs no Streamlit context) and
    follow it with a progress bar (other visitors follow the same work instead of repeating it).
    True when everything is analysed; an installation failure (no model, ...) is raised for the
    page to report."""
    worker = analysis_worker()
    worker.request(lambda: corpus)
    bar = st.progress(0.0, text=label)

    def show(status: WorkerStatus) -> None:
        share = min(status.done / status.total, 1.0) if status.total else 0.0
        bar.progress(share, text=f"Being analysed: {status.done} of {status.total} article(s)" if status.total else label)

    try:
        finished = worker.wait(ANALYSIS_WAIT_S, show)
    finally:
        bar.empty()
    failure = worker.last_exception()
    if finished and isinstance(failure, SYSTEMIC_ERRORS):
        raise failure
    if not finished:
        status = worker.status()
        st.info(f"Still being analysed ({status.done} of {status.total} article(s)): the pages show what is ready. "
                "Reload in a moment.", icon=":material/hourglass_top:")
    return finished


def prepare_corpus(corpus: Corpus) -> None:
    """Seed a new corpus (storing only) and have the worker analyse what is not analysed yet."""
    if not corpus.store.get_meta(SEEDED_KEY):  # checked here too: no progress bar on later runs
        result = corpus.seed_once(articles_folder(), analyse=False)
        for error in (result.errors if result else []):
            st.warning(escape_markdown(error), icon=":material/warning:")
    if corpus.pending():
        analyse_pending(corpus, "Analysing articles…")
