"""The corpus as the pages use it: the analysis every page shows (prepared, cached, or an error
line and a stop) and the editors' writes (import, metadata edits, delete and restore), each
checking the role itself."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from core.corpus.backup import Backup, RestoreReport, backup_bytes, restore_backup
from core.corpus.corpus import ImportReport, clean_date, knowledge_digest
from core.model import Article
from core.settings import DEFAULT_TITLES_FILE
from core.views.render import escape_markdown
from dashboard.access import require_editor
from dashboard.config import codebook_file, user_message
from dashboard.state import Analysis, cached_analysis, open_corpus, stored_codebook_problem
from dashboard.worker import MAX_PENDING, MAX_SESSION_QUEUE, QUEUED, analyse_pending, prepare_corpus

log = logging.getLogger(__name__)


def get_analysis() -> Analysis:
    """The cached corpus analysis, or an error message on the page and a stop."""
    try:
        corpus = open_corpus()
        prepare_corpus(corpus)
        # The titles file shapes the merging of people on load, not the extraction: it is part of
        # the cache key only.
        key = f"{corpus.pipeline_key}/titles:{knowledge_digest(DEFAULT_TITLES_FILE)}"
        problem = stored_codebook_problem()
        if problem:
            st.warning(escape_markdown(problem), icon=":material/warning:")
        return cached_analysis(corpus.store.location, corpus.store.revision(), str(codebook_file()), corpus.codebook_hash, key, corpus)
    except Exception as exc:  # every failure becomes a message; the UI never shows a traceback
        log.exception("analysis failed")
        st.error(escape_markdown(user_message(exc)), icon=":material/error:")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def import_articles(items: list[Article]) -> ImportReport:
    """Store new articles and have the worker analyse them, with a progress bar (the Articles
    page). The queue is bounded per session and per server. A failure becomes an error line of the
    report; what was stored before it stays stored."""
    corpus = open_corpus()
    try:
        require_editor()
        pending = set(corpus.pending())
        mine = [a for a in st.session_state.get(QUEUED, []) if a in pending]
        if len(pending) + len(items) > MAX_PENDING:
            return ImportReport(errors=[f"{len(pending)} article(s) are waiting to be analysed on this server; at most "
                                        f"{MAX_PENDING} may wait. Add these when they are done."])
        if len(mine) + len(items) > MAX_SESSION_QUEUE:
            return ImportReport(errors=[f"{len(mine)} of your articles are still being analysed; at most {MAX_SESSION_QUEUE} "
                                        "may wait per visitor. Add more when they are done."])
        report = corpus.store_articles(items)
        st.session_state[QUEUED] = mine + report.added
        if report.added:
            analyse_pending(corpus, "Analysing the new articles…")
            still = set(corpus.pending())
            report.extracted = sum(a not in still for a in report.added)
        return report
    except Exception as exc:  # noqa: BLE001 - shown to the user, traceback to the log
        log.exception("import failed")
        return ImportReport(errors=[user_message(exc)])


def delete_articles(article_ids: Sequence[str], by: str = "") -> int:
    """Soft-delete articles (restorable; reviews kept); editors only."""
    require_editor()
    store = open_corpus().store
    return sum(store.delete_article(a, by=by) for a in article_ids)


def restore_articles(article_ids: Sequence[str]) -> int:
    """Bring deleted articles back; editors only."""
    require_editor()
    store = open_corpus().store
    return sum(store.restore_article(a) for a in article_ids)


def deleted_articles() -> pd.DataFrame:
    """The deleted articles that can be restored."""
    return open_corpus().store.deleted_table()


def update_articles(edits: list[dict]) -> None:
    """Save edited metadata (``article_id, title, outlet, date`` per row). Every date is checked
    first, so a malformed one (``core.corpus.corpus.DraftError``) saves nothing; an article deleted
    meanwhile raises ``core.corpus.store.StoreError``."""
    require_editor()
    rows = [{**row, "date": clean_date(row.get("date"), row["article_id"])} for row in edits]
    store = open_corpus().store
    for row in rows:
        store.update_metadata(row["article_id"], title=row.get("title") or "", outlet=row.get("outlet") or "", date=row["date"])


def corpus_backup() -> Callable[[], bytes]:
    """What makes the whole corpus as one backup file (core.corpus.backup), for a download button
    that builds it only when clicked. Editors only, since it holds what viewers never see: deleted
    articles and the reviewers' identities. The role is checked here, when the page runs: the
    button's data is made later, outside the page's run, where the session is not known."""
    require_editor()
    store = open_corpus().store
    return lambda: backup_bytes(store)


def storage_note() -> str:
    """Where the corpus is kept, in words for any viewer (no host, path or database name)."""
    if open_corpus().store.is_postgres:
        return ("The corpus is kept in a PostgreSQL database, so it survives restarts and redeploys; a backup is a "
                "copy to keep elsewhere or to move the corpus.")
    return ("The corpus is a file on this server: on Streamlit Community Cloud it is lost when the app restarts "
            "(unless it is kept in PostgreSQL: see the README), and this file brings it back.")


def restore_corpus(backup: Backup, *, replace: bool) -> RestoreReport:
    """Restore a checked backup (merge, or replace the corpus) in one transaction; editors only.
    Articles it brings without analyses are analysed on the next run of a page."""
    require_editor()
    return restore_backup(open_corpus().store, backup, replace=replace)
