"""Streamlit glue shared by every page: the corpus, cached loading, the sidebar filters, URL state.

This is the only module that caches. The store and the spaCy pipeline are ``st.cache_resource``
(one per server process). The corpus tables are cached too, keyed by the database file, its
revision (a counter every committed write bumps), the codebook and the pipeline key. So a filter
change or a page switch re-runs only cheap pandas filtering, an import or a deletion by any user
reloads the tables once, and spaCy runs only for articles never extracted before.

The tables are a ``st.cache_resource``, not ``st.cache_data``: cache_data unpickles a copy on
every rerun, which for a corpus of 1,000 articles (tens of thousands of rows) alone costs more
than the 300 ms a filter change may take. Shared frames are therefore read-only by convention:
pages only ever filter them into new frames (see ``filtered_tables``).

Where the corpus lives: ``$STANCE_DB``, else ``STANCE_DB`` in ``.streamlit/secrets.toml``, else
``data/stance_tracker.sqlite3``. On the first start of an empty corpus the articles in
``$STANCE_TRACKER_ARTICLES`` (default ``seeds/``) are imported. Tests swap the heavy steps by
monkeypatching this module's ``analyze_articles`` and ``load_pipeline``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

import core.analysis.uncoded
from core import settings
from core.analysis.filters import (
    ARTICLE_FIELDS,
    FILTER_FIELDS,
    FILTER_LABELS,
    STATEMENT_FIELDS,
    Filters,
    apply_filters,
    conform_tables,
    empty_result_message,
    filter_options,
    filters_from_query_params,
    filters_to_query_params,
)
from core.analysis.network import (
    Polarisation,
    build_network,
    coalition_summary,
    coalitions,
    polarisation,
    polarisation_by_issue,
)
from core.analysis.network import layout as network_layout
from core.analysis.summary import BY_CHOICES, ordered_issues
from core.corpus.access import (
    MIN_PASSPHRASE_CHARS,
    AccessConfig,
    Viewer,
    decide,
    is_local_request,
    parse_editors,
    passphrase_matches,
    truthy,
)
from core.corpus.corpus import (
    SEEDED_KEY,
    SYSTEMIC_ERRORS,
    Corpus,
    ImportReport,
    NewArticle,
    clean_date,
    knowledge_digest,
    refused_codebook_message,
    stored_codebook_text,
)
from core.corpus.store import CorpusStore, StoredArticle, StoreError
from core.corpus.worker import AnalysisWorker, WorkerStatus
from core.evaluation.accuracy import REPORT_FILE, load_report
from core.extraction.nlp import ModelNotFoundError, load_pipeline
from core.extraction.pipeline import Tables, analyze_articles
from core.ingest.text import ArticleError
from core.knowledge.codebook import (
    Codebook,
    CodebookError,
    codebook_from_yaml,
    load_codebook,
)
from core.knowledge.files import KnowledgeError
from core.knowledge.gazetteer import Knowledge, load_knowledge
from core.settings import (
    DEFAULT_TITLES_FILE,
)
from core.views.render import CERTAINTY_HELP, escape_markdown, one_line

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    """Everything the pages show, loaded once per corpus revision."""

    tables: Tables
    articles: pd.DataFrame  # one row per stored article (core.model.ARTICLE_COLUMNS)
    issue_labels: dict[str, str]  # codebook order
    issue_descriptions: dict[str, str]
    notes: list[str] = field(default_factory=list)  # for the user: pending work, pipeline warnings
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title (or the id)
    options: dict[str, list[str]] = field(default_factory=dict)  # the sidebar filters' choices
    # Confirmations and rejections whose statement a re-analysis no longer finds (core.corpus.review).
    stale_reviews: pd.DataFrame = field(default_factory=pd.DataFrame)

    def title_of(self, article_id: str) -> str:
        """An article's title for display (a dict lookup: the sidebar calls it once per article)."""
        return self.titles.get(article_id) or article_id


# --- inputs --------------------------------------------------------------------------------------


def articles_folder() -> Path:
    """The folder whose article files seed a new corpus."""
    return settings.articles_folder()


def codebook_file() -> Path:
    return settings.codebook_path()


def db_file() -> Path:
    """``$STANCE_DB``, else ``STANCE_DB`` from Streamlit secrets, else the default file."""
    return settings.db_path(_secrets())


# --- who may edit (core.corpus.access decides) ----------------------------------------------------------

PASSPHRASE_NAME = "access_passphrase_name"  # session: set (to the name given) once the passphrase matched


def _secrets():
    """Streamlit's secrets, or None when there is no secrets.toml (the normal local case)."""
    try:
        return st.secrets
    except Exception:
        return None


def setting(name: str) -> str:
    """A setting from the environment, else from Streamlit secrets ('' when neither has it)."""
    return settings.setting(name, _secrets())


def login_configured() -> bool:
    """Whether Streamlit's built-in authentication has an [auth] section in the secrets."""
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def access_config() -> AccessConfig:
    return AccessConfig(
        passphrase=setting(settings.PASSPHRASE_ENV),
        editors=parse_editors(setting(settings.EDITORS_ENV)),
        login=login_configured(),
        open_editing=truthy(setting(settings.OPEN_EDITING_ENV)),
        local_editing=setting(settings.LOCAL_EDITING_ENV).strip() not in ("0", "false", "no", "off"),
    )


def local_request() -> bool:
    """Whether this browser runs on the server's machine (see core.corpus.access.is_local_request)."""
    try:
        headers = dict(st.context.headers.items())
        return is_local_request(st.context.ip_address, st.context.headers.get("Host"), headers)
    except Exception:  # no request context (bare script runs)
        return False


def current_viewer() -> Viewer:
    """This session's role and the identity its reviews record."""
    config = access_config()
    email = None
    if config.login:
        try:  # an address the provider says is unverified counts as none
            email = st.user.get("email") if st.user.is_logged_in and st.user.get("email_verified", True) is not False else None
        except Exception:
            email = None
    return decide(config, local=local_request(), email=email, passphrase_name=st.session_state.get(PASSPHRASE_NAME))


def show_editor_notice(what: str) -> None:
    """Tell a viewer that ``what`` needs an editor and where to sign in."""
    st.info(f"{what} needs an editor. Sign in as an editor in the sidebar; reading is open to everyone.",
            icon=":material/lock:")


SIGN_IN_WINDOW_S = 60.0
SIGN_IN_FAILURES = 10  # wrong passphrases per window on the whole server before sign-in pauses


@st.cache_resource(show_spinner=False)
def sign_in_failures() -> list[float]:
    """Times of recent wrong passphrases, shared by every session (guessing from many sessions
    at once is slowed as much as from one)."""
    return []


def _check_passphrase() -> None:
    given = str(st.session_state.get("access_passphrase") or "")
    st.session_state["access_passphrase"] = ""
    failures = sign_in_failures()
    now = time.monotonic()
    failures[:] = [t for t in failures if now - t < SIGN_IN_WINDOW_S]
    if len(failures) >= SIGN_IN_FAILURES:
        st.session_state["access_refused"] = "Too many wrong passphrases on this server; try again in a minute."
        return
    if passphrase_matches(given, access_config().passphrase):
        st.session_state[PASSPHRASE_NAME] = str(st.session_state.get("access_name") or "")
        st.session_state.pop("access_refused", None)
    else:
        failures.append(now)
        time.sleep(1.0)  # slows guessing; the passphrase is never echoed or logged
        st.session_state["access_refused"] = "That passphrase is not right."


def sidebar_access() -> None:
    """Who you are in the sidebar, and a way to sign in or out as an editor."""
    config = access_config()
    viewer = current_viewer()
    with st.sidebar:
        if viewer.is_editor:
            st.caption(f"Editing as {escape_markdown(viewer.identity)}.")
            if viewer.how == "passphrase" and st.button("Sign out", key="access_sign_out", icon=":material/logout:"):
                st.session_state.pop(PASSPHRASE_NAME, None)
                st.rerun()
            if viewer.how == "login" and st.button("Sign out", key="access_logout", icon=":material/logout:"):
                st.logout()
            return
        if viewer.identity:
            st.caption(f"Signed in as {escape_markdown(viewer.identity)}, who is not on the editors' list: read-only.")
        else:
            st.caption("Read-only. Editors sign in to add articles, review statements or edit the codebook.")
        if config.login and not viewer.identity and st.button("Sign in", key="access_login", icon=":material/login:"):
            st.login()
        if config.passphrase:
            with st.expander("Editor passphrase", icon=":material/key:"):
                with st.form("access_form", border=False):
                    st.text_input("Your name (recorded with your reviews)", key="access_name", max_chars=60)
                    st.text_input("Passphrase", type="password", key="access_passphrase", max_chars=200)
                    st.form_submit_button("Sign in as editor", on_click=_check_passphrase, key="access_sign_in")
            refused = st.session_state.pop("access_refused", None)
            if refused:
                st.error(str(refused), icon=":material/error:")
            if len(config.passphrase) < MIN_PASSPHRASE_CHARS:
                st.warning(f"The configured passphrase is shorter than {MIN_PASSPHRASE_CHARS} characters, so it is never "
                           "accepted: set a longer STANCE_EDITOR_PASSPHRASE.", icon=":material/warning:")


@st.cache_data(show_spinner=False, max_entries=2)
def cached_accuracy_report(path: str, size: int, mtime_ns: int) -> dict | None:
    """The stored accuracy figures, re-read when the file changes (size and mtime are the key)."""
    return load_report(path)


def accuracy_report() -> dict | None:
    """``docs/accuracy.json`` as measured by ``python -m core accuracy --write`` (None without it)."""
    try:
        stat = REPORT_FILE.stat()
    except OSError:
        return None
    return cached_accuracy_report(str(REPORT_FILE), stat.st_size, stat.st_mtime_ns)


@st.cache_resource(show_spinner=False)
def cached_store(path: str) -> CorpusStore:
    return CorpusStore(path)


@st.cache_resource(show_spinner="Loading the English language model…", max_entries=2)
def cached_pipeline(digest: str, _knowledge: Knowledge):
    """The spaCy pipeline built with ``_knowledge``, cached by its digest: an edited actors or
    lexicon file builds a new pipeline instead of reusing one made with the old knowledge."""
    return load_pipeline(knowledge=_knowledge)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_codebook(path: str, size: int, mtime_ns: int) -> Codebook:
    """The codebook, re-read when its file changes (size and mtime are the cache key)."""
    return load_codebook(path)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_codebook_text(text: str, source: str) -> Codebook:
    return codebook_from_yaml(text, source=source)


def _stored_codebook() -> tuple[Codebook | None, str]:
    """The codebook saved in the corpus (parsed once per text, cached) and '' when it can be used;
    (None, why) when it is refused; (None, '') when there is none."""
    text = stored_codebook_text(cached_store(str(db_file())))
    if not text.strip():
        return None, ""
    try:
        return cached_codebook_text(text, "the codebook saved in the corpus"), ""
    except CodebookError as exc:
        return None, refused_codebook_message(exc)


def current_codebook() -> Codebook:
    """The codebook saved in the corpus by the Codebook page, else the codebook file. A saved
    codebook that is refused (e.g. a pattern too slow under today's rules) never stops the app: the
    file is used and ``stored_codebook_problem`` says why."""
    stored, _ = _stored_codebook()
    if stored is not None:
        return stored
    path = codebook_file()
    try:
        stat = path.stat()
        key = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = (-1, -1)  # load_codebook raises the user-facing error
    return cached_codebook(str(path), *key)


def stored_codebook_problem() -> str:
    """Why the codebook saved in the corpus is not used ('' when it is, or when there is none)."""
    return _stored_codebook()[1]


def open_corpus() -> Corpus:
    """The corpus of this server: the configured store, codebook and knowledge, and (lazily) the
    pipeline; its key is that knowledge's (core.corpus.corpus.pipeline_key)."""
    knowledge = load_knowledge()
    return Corpus(
        cached_store(str(db_file())),
        current_codebook(),
        knowledge,
        nlp_loader=lambda: cached_pipeline(knowledge.digest, knowledge),
        # Looked up at call time so tests can monkeypatch this module's analyze_articles.
        analyze=lambda *args, **kwargs: analyze_articles(*args, **kwargs),
    )


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=2)
def cached_analysis(db: str, revision: int, codebook_path: str, codebook_digest: str, key: str) -> Analysis:
    """The corpus tables for one revision of the store (the arguments are the cache key)."""
    corpus = open_corpus()
    loaded = corpus.load()
    codebook = corpus.codebook
    notes = list(loaded.tables.warnings)
    if loaded.pending:
        notes.append(f"{loaded.pending} article(s) are not analysed yet; they appear once analysed.")
    tables = conform_tables(loaded.tables)
    articles = loaded.articles
    # Pickers show "Title (Outlet, date)": fetched pages often share a generic title.
    titles = {}
    for article_id, title, outlet, day in zip(articles["article_id"], articles["title"].fillna(""),
                                              articles["outlet"].fillna(""), articles["date"].fillna("")):
        detail = ", ".join(str(v) for v in (outlet, day) if str(v).strip())
        name = str(title).strip() or str(article_id)
        titles[str(article_id)] = f"{name} ({detail})" if detail else name
    return Analysis(
        tables=tables,
        articles=articles,
        issue_labels={issue.id: issue.label for issue in codebook.issues},
        issue_descriptions={issue.id: issue.description for issue in codebook.issues},
        notes=notes,
        titles=titles,
        # Computed once per corpus revision, not on every rerun: thousands of names to sort.
        options=filter_options(tables, [issue.id for issue in codebook.issues], articles),
        stale_reviews=loaded.stale_reviews,
    )


# --- the analysis queue: one worker per server (core.corpus.worker) --------------------------------------

ANALYSIS_WAIT_S = 120.0  # a page waits this long for the worker, then shows what is ready
MAX_PENDING = 100  # articles waiting for analysis on the whole server
MAX_SESSION_QUEUE = 20  # articles one session may have waiting
QUEUED = "analysis_queued_ids"  # session: ids this session stored that may still wait


@st.cache_resource(show_spinner=False)
def analysis_worker() -> AnalysisWorker:
    """The server's one analysis worker (shared by every session)."""
    return AnalysisWorker()


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


def safe_message(text: object) -> str:
    """A message fit for any viewer: one line, at most MAX_MESSAGE_CHARS (never a huge input echoed
    back), and no path of this server (the corpus file becomes "the corpus file")."""
    line = " ".join(str(text).split())  # paths are replaced before the line is cut
    for path, name in ((db_file(), "the corpus file"), (db_file().parent, "the corpus folder"),
                       (Path(__file__).resolve().parent, "the app folder")):
        for spelling in {str(path), str(Path(path).resolve())}:
            line = line.replace(spelling, name)
    return one_line(line)


def user_message(exc: Exception) -> str:
    """One line for the user about a failed analysis; the traceback goes to the server log only."""
    if isinstance(exc, (ArticleError, KnowledgeError, ModelNotFoundError, StoreError)):  # written for the user
        return safe_message(exc)
    if isinstance(exc, NotImplementedError):
        return "The analysis pipeline is not available yet in this version, so there is nothing to show."
    if isinstance(exc, ImportError):
        return f"A part of the analysis could not be loaded ({exc}). Reinstall the project's requirements."
    first_line = safe_message((str(exc).splitlines() or [""])[0])
    return f"The analysis failed ({type(exc).__name__}: {first_line}). The details are in the server log."


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
        return cached_analysis(str(corpus.store.path), corpus.store.revision(), str(codebook_file()), corpus.codebook_hash, key)
    except Exception as exc:  # every failure becomes a message; the UI never shows a traceback
        log.exception("analysis failed")
        st.error(escape_markdown(user_message(exc)), icon=":material/error:")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def import_articles(items: list[NewArticle]) -> ImportReport:
    """Store new articles and have the worker analyse them, with a progress bar (the Articles
    page). The queue is bounded per session and per server. A failure becomes an error line of the
    report; what was stored before it stays stored."""
    corpus = open_corpus()
    try:
        _require_editor()
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


def _require_editor() -> None:
    """Every write checks the role itself: a page's disabled button is not the only guard."""
    if not current_viewer().is_editor:
        raise StoreError("this needs an editor: sign in as an editor in the sidebar; nothing was changed")


def delete_articles(article_ids: Sequence[str], by: str = "") -> int:
    """Soft-delete articles (restorable; reviews kept); editors only."""
    _require_editor()
    store = open_corpus().store
    return sum(store.delete_article(a, by=by) for a in article_ids)


def restore_articles(article_ids: Sequence[str]) -> int:
    _require_editor()
    store = open_corpus().store
    return sum(store.restore_article(a) for a in article_ids)


def deleted_articles() -> pd.DataFrame:
    return open_corpus().store.deleted_table()


def update_articles(edits: list[dict]) -> None:
    """Save edited metadata (``article_id, title, outlet, date`` per row). Every date is checked
    first, so a malformed one (``core.corpus.corpus.DraftError``) saves nothing; an article deleted
    meanwhile raises ``core.corpus.store.StoreError``."""
    _require_editor()
    rows = [{**row, "date": clean_date(row.get("date"), row["article_id"])} for row in edits]
    store = open_corpus().store
    for row in rows:
        store.update_metadata(row["article_id"], title=row.get("title") or "", outlet=row.get("outlet") or "", date=row["date"])


@st.cache_data(show_spinner=False, max_entries=64)
def cached_article(db: str, revision: int, article_id: str) -> StoredArticle | None:
    return cached_store(db).get_article(article_id)


def article_text(article_id: str) -> StoredArticle | None:
    """One stored article with its text (the Article page)."""
    store = cached_store(str(db_file()))
    return cached_article(str(store.path), store.revision(), article_id)


# --- networks ------------------------------------------------------------------------------------


@dataclass
class NetworkView:
    """What the Network page draws for one choice of ties, entities and filters."""

    graph: object  # networkx.Graph
    layout: pd.DataFrame
    coalition_of: dict[str, int]
    coalitions: pd.DataFrame  # core.analysis.network.coalition_summary
    polarisation: Polarisation
    polarisation_by_issue: pd.DataFrame


# A resource, not data: shared read-only by the sessions, so a large graph is not pickled and
# copied on every rerun.
@st.cache_resource(show_spinner="Computing the network…", max_entries=16)
def network_view(stances: pd.DataFrame, kind: str, by: str, normalise: bool, people_only: bool,
                 labels: tuple[tuple[str, str], ...]) -> NetworkView:
    """Network, layout, coalitions and polarisation of the filtered stance table (cached per
    filter and choice: a corpus of 1,000 articles takes seconds to lay out)."""
    types = {"person"} if people_only else None
    names = dict(labels)
    graph = build_network(stances, kind=kind, by=by, normalise=normalise, actor_types=types, labels=names)
    groups = coalitions(stances, by=by, actor_types=types)
    by_issue = polarisation_by_issue(stances, by=by, labels=names, actor_types=types)
    return NetworkView(
        graph=graph,
        layout=network_layout(graph),
        coalition_of=dict(zip(groups["entity"], groups["coalition"].astype(int))),
        coalitions=coalition_summary(stances, by=by, actor_types=types, labels=names, groups=groups),
        polarisation=polarisation(stances, by=by, actor_types=types, labels=names, by_issue=by_issue),
        polarisation_by_issue=by_issue,
    )


@st.cache_data(show_spinner="Finding uncoded statements…", max_entries=4)
def uncoded_groups(quotes: pd.DataFrame, codebook_yaml: str, max_groups: int) -> tuple[int, pd.DataFrame, int]:
    """(uncoded statements, their groups, how many share no key phrase) for the quotes and a codebook
    given as YAML text (the one being edited): computed once per quotes table and codebook, not on
    every rerun; a corpus of 1,000 articles takes seconds."""
    uncoded = core.analysis.uncoded.uncoded_statements(quotes, codebook_from_yaml(codebook_yaml, "the codebook being edited"))
    if uncoded.empty:
        return 0, pd.DataFrame(), 0
    groups = core.analysis.uncoded.group_uncoded(uncoded, max_groups=max_groups)
    return len(uncoded), groups, int(groups.attrs.get("ungrouped", 0))


# --- URL state -----------------------------------------------------------------------------------


def _filter_key(name: str) -> str:
    return f"filter_{name}"


def set_url_param(name: str, value: str | Sequence[str] | None, default: str | None = None) -> None:
    """Mirror a choice in the URL; the default (or nothing) removes the parameter to keep links short."""
    values = [value] if isinstance(value, str) else list(value or [])
    if not values or (default is not None and values == [default]):
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get_all(name) != values:
        st.query_params[name] = values


def seed_widget_from_url(key: str, param: str, options: Sequence[str] | None = None, default: str = "") -> None:
    """Before a single-value widget is drawn: take its value from the URL when the widget appears,
    so a shared link opens on the same choice. With ``options``, a value not among them (or a
    stored one that no longer is) falls back to ``default``; without, any text is accepted."""
    if key in st.session_state and (options is None or st.session_state[key] in options):
        return
    wanted = st.query_params.get(param, default)
    st.session_state[key] = wanted if options is None or wanted in options else default


def entity_toggle(key: str) -> str:
    """"Countries | Actors" switch, kept in the URL as ``by``."""
    options = list(BY_CHOICES)
    seed_widget_from_url(key, "by", options, "country")
    by = st.segmented_control("Show", options, format_func=BY_CHOICES.get, required=True, key=key)
    by = by if by in options else "country"
    set_url_param("by", by, default="country")
    return by


def show_empty_state(analysis: Analysis, filters: Filters, what: str = "statements") -> None:
    """Tell the user why there is nothing to show and what to do: add articles to an empty corpus,
    or loosen the sidebar filters."""
    articles = len(analysis.articles)
    # The message quotes filter values (from the URL) and issue labels (editable): text, not Markdown.
    message = escape_markdown(empty_result_message(filters, analysis.issue_labels, what, articles=articles))
    if articles == 0 or filters.is_empty:
        st.info(message, icon=":material/library_add:")
        st.page_link("app_pages/articles.py", label="Add articles", icon=":material/add:")
    else:
        st.info(message, icon=":material/filter_alt:")


def issue_picker(analysis: Analysis, stances: pd.DataFrame, filters: Filters, key: str) -> str:
    """The issue selectbox of the Positions and Timeline pages: issues with statements under the
    filters, in codebook order, kept in the URL as ``topic``; an empty result explains itself and
    stops the page."""
    labels = analysis.issue_labels
    issues = ordered_issues(stances["issue"].unique().tolist(), list(labels))
    if not issues:
        show_empty_state(analysis, filters)
        st.stop()
    seed_widget_from_url(key, "topic", issues, issues[0])
    issue = st.selectbox("Issue", issues, format_func=lambda i: labels.get(i, i), key=key)
    set_url_param("topic", issue, default=issues[0])
    return issue


# --- sidebar filters -----------------------------------------------------------------------------


DATES_KEY = "filter_dates"


def _clear_filters() -> None:
    for name in FILTER_FIELDS:
        st.session_state[_filter_key(name)] = []
    st.session_state[DATES_KEY] = ()


def _date_bounds(articles: pd.DataFrame) -> tuple[date, date] | None:
    dates = pd.to_datetime(articles["date"], errors="coerce", format="%Y-%m-%d").dropna()
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()


def _dates_value(filters: Filters, earliest: date | None = None) -> tuple[date, ...]:
    """The date widget's value for the filters' range: () none, (since,) open-ended, (since, until).
    A range with only an end starts at ``earliest`` (the widget has no open start); a reversed
    range is put in order."""
    since = date.fromisoformat(filters.since) if filters.since else None
    until = date.fromisoformat(filters.until) if filters.until else None
    if until and not since:
        since = min(earliest, until) if earliest else until
    if since and until:
        return tuple(sorted((since, until)))
    return (since,) if since else ()


def sidebar_filters(analysis: Analysis) -> Filters:
    """Draw the shared filters in the sidebar, bound to the URL query parameters.

    The first run of a session takes the filters from the URL (that is how a shared link restores
    a view); later runs take them from the widgets and write them back to the URL.
    """
    options = analysis.options
    if "filters_restored" not in st.session_state:
        params = {name: st.query_params.get_all(name) for name in FILTER_FIELDS if name in st.query_params}
        params |= {name: st.query_params.get(name) for name in ("since", "until") if name in st.query_params}
        restored, ignored = filters_from_query_params(params, options)
        for name, values in restored.as_dict().items():
            st.session_state[_filter_key(name)] = list(values)
        bounds = _date_bounds(analysis.articles)
        st.session_state[DATES_KEY] = _dates_value(restored, bounds[0] if bounds else None)
        st.session_state["filters_restored"] = True
        st.session_state["filters_ignored"] = ignored
    else:
        # The options change when articles are added or deleted: drop picks that no longer
        # exist, otherwise the widget would refuse its own state.
        for name in FILTER_FIELDS:
            key = _filter_key(name)
            if key in st.session_state:
                st.session_state[key] = [v for v in st.session_state[key] if v in options[name]]

    labels = analysis.issue_labels
    helps = {
        "country": "Countries, and bodies such as the European Union or NATO.",
        "actor": "People, governments, organisations and groups that take positions or are quoted. "
        "Spellings of one person across articles are merged.",
        "issue": "Issues from the codebook that at least one statement addresses.",
        "stance": "Support or opposition toward the issue as the codebook names it.",
        "certainty": "; ".join(f"{name}: {text}" for name, text in CERTAINTY_HELP.items()) + ".",
        "article": "Only statements from these articles (newest first).",
        "outlet": "Only statements from articles by these publishers.",
    }
    formatters = {
        "issue": lambda issue_id: labels.get(issue_id, issue_id),
        "stance": str.capitalize,
        "certainty": str.capitalize,
        "article": analysis.title_of,
    }
    bounds = _date_bounds(analysis.articles)
    picked = tuple(st.session_state.get(DATES_KEY) or ())
    if bounds is None and picked:  # a range from a link over undated articles: still show it
        bounds = (min(picked), max(picked))
    with st.sidebar:
        st.header("Filters")
        for name in STATEMENT_FIELDS:
            _multiselect(name, options, formatters, helps)
        st.subheader("Articles")
        for name in ARTICLE_FIELDS:
            _multiselect(name, options, formatters, helps)
        if bounds:
            st.date_input(
                "Published between",
                value=(),
                min_value=min([bounds[0], *picked]),
                max_value=max([bounds[1], *picked]),
                key=DATES_KEY,
                format="YYYY-MM-DD",
                help="Only statements from articles published in this range (both ends included). "
                "Articles without a known date are left out while a range is set.",
            )
        filters = current_filters()
        st.button("Clear filters", on_click=_clear_filters, disabled=filters.is_empty, icon=":material/filter_alt_off:")
        st.caption("The page address keeps these filters: copy it to share this view.")
    # Shown once: on the run that opened the link.
    for message in st.session_state.pop("filters_ignored", []):
        st.warning(escape_markdown(message), icon=":material/link_off:")

    wanted = filters_to_query_params(filters)
    for name in (*FILTER_FIELDS, "since", "until"):
        set_url_param(name, wanted.get(name))
    return filters


def _multiselect(name: str, options: dict, formatters: dict, helps: dict) -> None:
    st.multiselect(
        FILTER_LABELS[name],
        options[name],
        key=_filter_key(name),
        format_func=formatters.get(name, str),
        help=helps[name],
        placeholder="All",
    )


def current_filters() -> Filters:
    """The filters as the sidebar widgets hold them in this session."""
    values: dict = {name: st.session_state.get(_filter_key(name), []) for name in FILTER_FIELDS}
    picked = tuple(st.session_state.get(DATES_KEY) or ())
    values["since"] = picked[0] if len(picked) >= 1 else ""
    values["until"] = picked[1] if len(picked) >= 2 else ""
    return Filters.from_mapping(values)


def filtered_tables(analysis: Analysis) -> Tables:
    """The analysis tables narrowed to the sidebar filters (cheap pandas, no re-analysis)."""
    return apply_filters(analysis.tables, current_filters(), analysis.articles)
