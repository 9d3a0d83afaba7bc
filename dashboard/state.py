"""Everything the dashboard keeps across reruns and sessions: this is the only module that caches.

The store, the spaCy pipeline, the analysis worker and the sign-in failure log are
``st.cache_resource`` (one per server process). The corpus tables are cached too, keyed by the
database file, its revision (a counter every committed write bumps), the codebook and the pipeline
key. So a filter change or a page switch re-runs only cheap pandas filtering, an import or a
deletion by any user reloads the tables once, and spaCy runs only for articles never extracted
before.

The tables are a ``st.cache_resource``, not ``st.cache_data``: cache_data unpickles a copy on
every rerun, which for a corpus of 1,000 articles (tens of thousands of rows) alone costs more
than the 300 ms a filter change may take. Shared frames are therefore read-only by convention:
pages only ever filter them into new frames (see ``dashboard.sidebar.filtered_tables``).

The analysis and the pipeline loader are looked up on the ``dashboard`` package at call time
(``dashboard.analyze_articles``, ``dashboard.build_pipeline``): tests swap them there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

import core.analysis.uncoded
import dashboard
from core.analysis.filters import conform_tables, filter_options
from core.analysis.network import (
    By,
    Kind,
    Polarisation,
    build_network,
    coalition_summary,
    coalitions,
    polarisation,
    polarisation_by_issue,
)
from core.analysis.network import layout as network_layout
from core.corpus.corpus import Corpus, corpus_codebook
from core.corpus.store import CorpusStore
from core.corpus.worker import AnalysisWorker
from core.evaluation.accuracy import REPORT_FILE, load_report
from core.extraction.pipeline import Tables
from core.extraction.scorer import StanceScorer
from core.knowledge.codebook import Codebook, codebook_from_yaml, load_codebook
from core.knowledge.gazetteer import Knowledge, load_knowledge
from core.model import Article
from dashboard.config import codebook_file, db_location

# --- what the pages show ------------------------------------------------------------------------


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


# --- server-wide resources ----------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def cached_store(path: str) -> CorpusStore:
    """The corpus store of one database (a SQLite file path or a PostgreSQL URL)."""
    return CorpusStore(path)


@st.cache_resource(show_spinner="Loading the English language model…", max_entries=2)
def cached_pipeline(digest: str, _knowledge: Knowledge):
    """The spaCy pipeline built with ``_knowledge`` (``dashboard.build_pipeline``), cached by its
    digest: an edited actors or lexicon file builds a new pipeline instead of reusing one made
    with the old knowledge."""
    return dashboard.build_pipeline(knowledge=_knowledge)


@st.cache_resource(show_spinner=False)
def analysis_worker() -> AnalysisWorker:
    """The server's one analysis worker (shared by every session)."""
    return AnalysisWorker()


@st.cache_resource(show_spinner=False)
def sign_in_failures() -> list[float]:
    """Times of recent wrong passphrases, shared by every session (guessing from many sessions
    at once is slowed as much as from one)."""
    return []


# --- the codebook -------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_codebook(path: str, size: int, mtime_ns: int) -> Codebook:
    """The codebook, re-read when its file changes (size and mtime are the cache key)."""
    return load_codebook(path)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_codebook_text(text: str, source: str) -> Codebook:
    """A codebook parsed from YAML text (the one saved in the corpus), once per text."""
    return codebook_from_yaml(text, source=source)


def _codebook_file() -> Codebook:
    path = codebook_file()
    try:
        stat = path.stat()
        key = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = (-1, -1)  # load_codebook raises the user-facing error
    return cached_codebook(str(path), *key)


def _corpus_codebook() -> tuple[Codebook, str]:
    """``core.corpus.corpus.corpus_codebook`` with both steps cached; the saved codebook is named
    without the corpus file's name (viewers never see a server path)."""
    return corpus_codebook(cached_store(str(db_location())), load_file=_codebook_file, parse=cached_codebook_text,
                           source="the codebook saved in the corpus")


def current_codebook() -> Codebook:
    """The codebook saved in the corpus by the Codebook page, else the codebook file. A saved
    codebook that is refused (e.g. a pattern too slow under today's rules) never stops the app: the
    file is used and ``stored_codebook_problem`` says why."""
    return _corpus_codebook()[0]


def stored_codebook_problem() -> str:
    """Why the codebook saved in the corpus is not used ('' when it is, or when there is none)."""
    return _corpus_codebook()[1]


# --- the corpus and its tables ------------------------------------------------------------------


def open_corpus() -> Corpus:
    """The corpus of this server: the configured store, codebook and knowledge, and (lazily) the
    pipeline; its key is that knowledge's (core.corpus.corpus.pipeline_key)."""
    knowledge = load_knowledge()
    return Corpus(
        cached_store(str(db_location())),
        current_codebook(),
        knowledge,
        nlp_loader=lambda: cached_pipeline(knowledge.digest, knowledge),
        # Looked up at call time so tests can monkeypatch dashboard.analyze_articles.
        analyze=lambda *args, **kwargs: dashboard.analyze_articles(*args, **kwargs),
    )


def _titles(articles: pd.DataFrame) -> dict[str, str]:
    """Article id -> "Title (Outlet, date)": pickers show this, as fetched pages often share a
    generic title."""
    titles = {}
    for article_id, title, outlet, day in zip(articles["article_id"], articles["title"].fillna(""),
                                              articles["outlet"].fillna(""), articles["date"].fillna("")):
        detail = ", ".join(str(v) for v in (outlet, day) if str(v).strip())
        name = str(title).strip() or str(article_id)
        titles[str(article_id)] = f"{name} ({detail})" if detail else name
    return titles


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=2)
def cached_analysis(db: str, revision: int, codebook_path: str, codebook_digest: str, key: str, _corpus: Corpus) -> Analysis:
    """The corpus tables for one revision of the store (the other arguments are the cache key),
    loaded from ``_corpus``, the very corpus ``key`` was taken from: opening it again here could
    pick up a knowledge file edited meanwhile and file its tables under the old key."""
    corpus = _corpus
    loaded = corpus.load()
    codebook = corpus.codebook
    notes = list(loaded.tables.warnings)
    if loaded.pending:
        notes.append(f"{loaded.pending} article(s) are not analysed yet; they appear once analysed.")
    tables = conform_tables(loaded.tables)
    articles = loaded.articles
    return Analysis(
        tables=tables,
        articles=articles,
        issue_labels={issue.id: issue.label for issue in codebook.issues},
        issue_descriptions={issue.id: issue.description for issue in codebook.issues},
        notes=notes,
        titles=_titles(articles),
        # Computed once per corpus revision, not on every rerun: thousands of names to sort.
        options=filter_options(tables, [issue.id for issue in codebook.issues], articles),
        stale_reviews=loaded.stale_reviews,
    )


@st.cache_data(show_spinner=False, max_entries=64)
def cached_article(db: str, revision: int, article_id: str) -> Article | None:
    """One stored article, per store revision (an edit or a deletion is seen at once)."""
    return cached_store(db).get_article(article_id)


def article_text(article_id: str) -> Article | None:
    """One stored article with its text (the Article and Review pages)."""
    location = str(db_location())
    return cached_article(location, cached_store(location).revision(), article_id)


# --- the stance scorer ---------------------------------------------------------------------------


def stance_scorer() -> StanceScorer | None:
    """The configured stance scorer, None when the rules run (``core.extraction.scorer.load_scorer``
    already reads the file once per version). Looked up on the ``dashboard`` package at call time,
    so tests can swap ``dashboard.configured_scorer``."""
    return dashboard.configured_scorer()[0]


def default_min_confidence() -> float:
    """The sidebar's starting minimum confidence: the scorer's own threshold (best F1 on the
    development articles), 0 when the rules run (their confidences are hand-set, not calibrated)."""
    scorer = stance_scorer()
    return round(float(scorer.min_confidence), 2) if scorer is not None else 0.0


# --- derived views ------------------------------------------------------------------------------


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
def network_view(stances: pd.DataFrame, kind: Kind, by: By, normalise: bool, people_only: bool,
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
def uncoded_groups(quotes: pd.DataFrame, codebook_yaml: str, max_groups: int,
                   knowledge_digest: str = "") -> tuple[int, pd.DataFrame, pd.DataFrame]:
    """(uncoded statements, their groups, the statements that share no key phrase) for the quotes
    and a codebook given as YAML text (the one being edited): computed once per quotes table,
    codebook and knowledge (``knowledge_digest``: the key phrases leave out the lexicon's reporting
    and generic words and the known names), not on every rerun; a corpus of 1,000 articles takes seconds."""
    uncoded = core.analysis.uncoded.uncoded_statements(quotes, codebook_from_yaml(codebook_yaml, "the codebook being edited"))
    if uncoded.empty:
        return 0, pd.DataFrame(), uncoded
    groups = core.analysis.uncoded.group_uncoded(uncoded, max_groups=max_groups,
                                                 names=core.analysis.uncoded.known_names())
    ungrouped = uncoded.iloc[groups.attrs.get("ungrouped_rows", [])].reset_index(drop=True)
    groups.attrs.pop("ungrouped_rows", None)
    return len(uncoded), groups, ungrouped
