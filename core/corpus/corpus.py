"""The corpus as the dashboard and the CLI use it: import, extract once, load the tables.

:class:`Corpus` joins the store (``core.corpus.store``), the analysis (``core.extraction.pipeline``) and the
knowledge that shapes it (codebook, actor files). It is the only place that decides *what needs
extracting*: an article is parsed when no cached result exists for its text under the current
pipeline key and codebook hash, and never otherwise.

Analysts' reviews (``core.corpus.review``) are stored apart from the extractions, keyed by article and
machine-row key, so they survive re-extraction; :meth:`Corpus.load` applies them on every load.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from core.corpus.review import (
    ADDED_FIELDS,
    EDITABLE_FIELDS,
    ReviewError,
    added_statement,
    corrected_values,
    review_target,
    reviewed_and_stale,
)
from core.corpus.store import (
    REVIEW_COLUMNS,
    CorpusStore,
    content_hash,
    word_count,
)
from core.extraction.nlp import ModelNotFoundError, configured_model_names
from core.extraction.pipeline import (
    BATCH_SIZE,
    PIPELINE_VERSION,
    Tables,
    analyze_articles,
    extractor_key,
    result_from_rows,
    tables_from_results,
)
from core.ingest.dates import iso_date
from core.ingest.sources import propose_title
from core.ingest.text import (
    Article,
    ArticleError,
    read_article,
    seed_article_paths,
    validate_text,
)
from core.knowledge.codebook import (
    Codebook,
    CodebookError,
    changed_issues,
    codebook_from_yaml,
    codebook_to_yaml,
    load_codebook,
)
from core.knowledge.gazetteer import Knowledge, files_digest, load_knowledge
from core.knowledge.patterns import BoundedPattern
from core.model import ARTICLE_COLUMNS, STANCE_ARTICLE_COLUMNS, STANCE_COLUMNS

SEEDED_KEY = "seeded"
# Articles analysed per call of the analysis: large enough for nlp.pipe to batch well, small
# enough that a crash loses little work and the progress bar moves.
CHUNK_SIZE = BATCH_SIZE * 4

Progress = Callable[[int, int, str], None]  # (done, total, what is happening)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from core.corpus.parallel import AnalysisSetup


class Runner(Protocol):
    """Analyses batches of articles elsewhere (``core.corpus.parallel``: processes, Dask) and gives
    back each batch with its rows per article; the corpus writes them to the store."""

    @property
    def name(self) -> str: ...

    def size(self) -> int: ...

    def run(self, batches: Iterable[list[Article]], setup: AnalysisSetup) -> Iterator[tuple[list[Article], list[dict[str, list]]]]: ...


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)  # new article ids
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, id already stored)
    errors: list[str] = field(default_factory=list)  # one line per input that was refused
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0

    def lines(self) -> list[str]:
        """What happened, one line each, for the CLI and the dashboard."""
        out = []
        if self.added:
            out.append(f"Added {len(self.added)} article(s): {', '.join(self.added)}")
        for origin, existing in self.duplicates:
            out.append(f"{origin}: the same text is already stored as '{existing}'; not added again")
        return out


@dataclass
class CorpusTables:
    """The corpus as tables: the analysis tables (stance rows carry title/outlet/date) plus one row
    per article."""

    tables: Tables  # tables.stances is the REVIEWED stance table (core.corpus.review.reviewed_and_stale)
    articles: pd.DataFrame  # ARTICLE_COLUMNS; ``statements`` counts the machine's rows
    pending: int = 0  # articles stored but not yet extracted with the current keys
    # Confirms/rejects that match no row of the current extraction (core.corpus.review.stale_reviews)
    stale_reviews: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REVIEW_COLUMNS))


def knowledge_digest(*paths: Path) -> str:
    """A short hash of files' contents (the dashboard keys its cached tables by the titles file's)."""
    return files_digest(*paths)


def pipeline_key(knowledge: Knowledge | None = None) -> str:
    """Identifies everything but the codebook that shapes extraction results: the rules' version,
    the spaCy model asked for and ``knowledge`` (the configured actor and lexicon files when None),
    by the digest of the bytes it was built from. A change in any re-extracts. The key is taken
    from the knowledge object the extraction uses, never from the files again, so an edit between
    the two cannot store results under a key naming knowledge that did not make them."""
    digest = (knowledge or load_knowledge()).digest
    return f"v{PIPELINE_VERSION}/{'+'.join(configured_model_names())}/{digest}/{extractor_key()}"


def new_article_from(article: Article) -> Article:
    """A file read by :func:`core.ingest.text.read_article` (the seeds, CLI files) ready to store:
    its origin defaults to its id, and a date that is not YYYY-MM-DD is kept as the date note."""
    try:
        day, note = clean_date(article.date), article.date_note
    except DraftError:
        day, note = "", "; ".join(n for n in (article.date, article.date_note) if n)
    return replace(article, date=day, date_note=note, origin=article.origin or article.article_id)


class DraftError(ValueError):
    """Edited metadata that cannot be stored (a malformed date); one line for the user."""


def clean_date(value: object, where: str = "") -> str:
    """``YYYY-MM-DD`` or "" (unknown); anything else is a DraftError naming ``where``
    (``core.ingest.dates.iso_date`` reads it)."""
    day = iso_date(value)
    text = "" if day or value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
    if text:
        raise DraftError(f"{where + ': ' if where else ''}'{text}' is not a date; use YYYY-MM-DD or leave it empty")
    return day


def new_article_from_document(doc: Article, **overrides: str) -> Article:
    """An article read by ``core.ingest.sources`` (upload, paste, URL) ready to store; ``overrides``
    are the user's edits of title, outlet and date. A file's name (without extension) is the id
    asked for, else the id is made from the title; a URL's origin is the address the page was found
    at. The title is never empty: an empty one (as read, or edited away) becomes the one proposed
    from the text's first line or sentence."""
    origin = doc.url or doc.origin or "pasted text"
    stem = Path(doc.origin).stem if doc.origin and not doc.url and doc.origin != "pasted text" else ""
    fields_ = {"title": doc.title, "outlet": doc.outlet, "date": doc.date}
    fields_.update({k: v for k, v in overrides.items() if k in fields_})
    return replace(
        doc,
        article_id=stem,
        title=str(fields_["title"] or "").strip() or doc.title.strip() or propose_title(doc.text),
        outlet=str(fields_["outlet"] or "").strip(),
        date=clean_date(fields_["date"], origin),
        origin=origin,
    )


def drafts_table(docs: list[Article]) -> pd.DataFrame:
    """What the Articles page shows for documents read but not stored yet (editable metadata)."""
    return pd.DataFrame(
        {
            "add": [True] * len(docs),
            "title": [d.title for d in docs],
            "outlet": [d.outlet for d in docs],
            "date": [d.date for d in docs],
            "words": [word_count(d.text) for d in docs],
            "origin": [d.url or d.origin for d in docs],
            "notes": ["; ".join(d.warnings) for d in docs],
        }
    )


def _cell(value: object) -> str:
    """An edited table cell as text: a cleared cell (None, NaN) is empty."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def new_articles_from_drafts(docs: list[Article], edited: pd.DataFrame) -> list[Article]:
    """The documents the user kept, with the metadata as edited in :func:`drafts_table`'s rows."""
    items = []
    for doc, row in zip(docs, edited.to_dict(orient="records")):
        if not row.get("add", True):
            continue
        items.append(new_article_from_document(doc, title=_cell(row.get("title")), outlet=_cell(row.get("outlet")),
                                               date=_cell(row.get("date"))))
    return items


class Corpus:
    """A store plus the codebook and pipeline that extract from it.

    ``nlp_loader`` is called only when something must be parsed, so opening a fully extracted
    corpus never loads spaCy. ``analyze`` is :func:`core.extraction.pipeline.analyze_articles` or a stand-in
    with the same signature (tests)."""

    def __init__(
        self,
        store: CorpusStore,
        codebook: Codebook,
        knowledge: Knowledge | None = None,
        *,
        nlp_loader: Callable[[], object] | None = None,
        analyze: Callable[..., Tables] = analyze_articles,
        key: str | None = None,
    ):
        self.store = store
        self.codebook = codebook
        self._knowledge = knowledge
        self._nlp_loader = nlp_loader
        self._analyze = analyze
        # Keyed by the knowledge this corpus extracts with (loaded now when not given), so the key
        # and the knowledge cannot disagree; ``key`` is for tests with a stand-in analysis.
        self.pipeline_key = key or pipeline_key(self.knowledge)
        self.codebook_hash = codebook.digest or "default"

    @property
    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            self._knowledge = load_knowledge()
        return self._knowledge

    def _nlp(self):
        if self._nlp_loader is None:
            from core.extraction.nlp import load_pipeline

            return load_pipeline(knowledge=self.knowledge)
        return self._nlp_loader()

    # --- import ------------------------------------------------------------------------------

    def store_articles(self, items: Iterable[Article]) -> ImportReport:
        """Store each article in its own transaction (nothing half-stored, and a failure later in
        the list keeps the earlier ones). Refused texts and duplicates are reported, not raised."""
        report = ImportReport()
        for item in items:
            name = item.origin or item.title or "article"
            try:
                report.warnings += [*item.warnings, *validate_text(item.text, name)]
            except ArticleError as exc:
                report.errors.append(str(exc))
                continue
            digest = content_hash(item.text)
            article_id, created = self.store.add_article(
                replace(item, article_id=item.article_id or item.title or "article", words=word_count(item.text),
                        content_hash=digest, added_at="")
            )
            if created:
                report.added.append(article_id)
            else:
                report.duplicates.append((name, article_id))
        report.warnings = list(dict.fromkeys(report.warnings))
        return report

    def add(self, items: Iterable[Article], progress: Progress | None = None, runner: Runner | None = None) -> ImportReport:
        """Store new articles, then extract what is not extracted yet (on ``runner``'s workers if given)."""
        report = self.store_articles(items)
        if report.added:
            report.extracted = self.extract_pending(progress, runner)
        return report

    def seed_once(self, folder: Path, progress: Progress | None = None, analyse: bool = True,
                  runner: Runner | None = None) -> ImportReport | None:
        """On the first start of a new corpus, import the article files of ``folder`` (the seeds),
        so a new user sees a working dashboard. Returns None when the corpus was seeded before:
        articles a user deleted do not come back."""
        if self.store.get_meta(SEEDED_KEY):
            return None
        items, errors = [], []
        for path in seed_article_paths(folder):
            try:
                items.append(new_article_from(read_article(path)))
            except ArticleError as exc:
                errors.append(str(exc))
        report = self.store_articles(items)
        report.errors = errors + report.errors
        self.store.set_meta(SEEDED_KEY, str(folder))
        if report.added and analyse:  # the dashboard leaves the analysis to its worker (core.corpus.worker)
            report.extracted = self.extract_pending(progress, runner)
        return report

    # --- extraction --------------------------------------------------------------------------

    def pending(self) -> list[str]:
        return self.store.missing_extractions(self.pipeline_key, self.codebook_hash)

    def extract_pending(self, progress: Progress | None = None, runner: Runner | None = None) -> int:
        """Extract every article without a result for the current keys, in chunks; each article's
        rows are committed as soon as its chunk is done. Returns how many were extracted. With a
        ``runner`` (``core.corpus.parallel``) the chunks are analysed by its worker processes and
        this process writes their rows to the store, one transaction per article."""
        ids = self.pending()
        if not ids:
            return 0
        self._remember_codebook()
        ids = self._carry_over(ids)
        if not ids:
            return 0
        if runner is not None:
            return self._extract_with(runner, ids, progress)
        nlp = self._nlp()
        done = 0
        for start in range(0, len(ids), CHUNK_SIZE):
            stored = list(self.store.iter_articles(ids[start : start + CHUNK_SIZE]))
            if progress is not None:
                progress(done, len(ids), f"Analysing articles {done + 1}–{done + len(stored)} of {len(ids)}")
            done += self._save_results(stored, self._analyze_chunk(stored, nlp))
        if progress is not None:
            progress(done, len(ids), f"Analysed {done} article(s)")
        return done

    def _save_results(self, stored: list[Article], rows_list: Iterable[dict[str, list]]) -> int:
        """Cache each article's rows (each in its own transaction) and count the analyses; returns
        how many articles were saved."""
        for article, rows in zip(stored, rows_list):
            self.store.save_extraction(article.content_hash, self.pipeline_key, self.codebook_hash, rows)
        self.store.add_to_counter(ANALYSED_KEY, len(stored))
        return len(stored)

    def _extract_with(self, runner: Runner, ids: list[str], progress: Progress | None) -> int:
        from core.corpus.parallel import batch_size

        size = batch_size(len(ids), runner.size())
        batches = (list(self.store.iter_articles(ids[start : start + size])) for start in range(0, len(ids), size))
        if progress is not None:
            progress(0, len(ids), f"Analysing {len(ids)} article(s) with {runner.name}")
        done = 0
        for stored, rows_list in runner.run(batches, self.analysis_setup()):
            done += self._save_results(stored, rows_list)
            if progress is not None:
                progress(done, len(ids), f"Analysed {done} of {len(ids)} article(s) with {runner.name}")
        return done

    # --- a codebook edit re-analyses only the articles it can change ---------------------------

    def _remember_codebook(self) -> None:
        """Keep the current codebook's text under its hash, so a later edit can tell which issues
        changed since these results were made."""
        key = CODEBOOK_TEXT_KEY.format(self.codebook_hash)
        if not self.store.get_meta(key):
            self.store.set_meta(key, codebook_to_yaml(self.codebook))

    def _codebook_of(self, digest: str, known: dict[str, Codebook | None]) -> Codebook | None:
        if digest not in known:
            text = self.store.get_meta(CODEBOOK_TEXT_KEY.format(digest))
            try:
                known[digest] = codebook_from_yaml(text) if text.strip() else None
            except CodebookError:
                known[digest] = None
        return known[digest]

    def _carry_over(self, ids: list[str]) -> list[str]:
        """Reuse an earlier result for each pending article that the codebook change cannot
        affect, and return the ids that still need the analysis.

        After an edit in the Codebook page most articles have a result made with the same
        pipeline and the previous codebook. If none of the issues that changed between the two
        (added, removed, or with other patterns; see ``core.knowledge.codebook.changed_issues``) has a
        pattern, old or new, that matches anywhere in the article, the analysis would find exactly
        the same rows: they are copied instead of running spaCy again. A label or description
        edit changes no match, so it re-analyses nothing. Results of a failed analysis are never
        reused, and issue order must be unchanged (it breaks ties between overlapping matches)."""
        known: dict[str, Codebook | None] = {}
        left: list[str] = []
        for article in self.store.iter_articles(ids):
            for digest, rows in self.store.other_extractions(article.content_hash, self.pipeline_key, self.codebook_hash):
                old = self._codebook_of(digest, known)
                if old is None or rows.get("error") or not _same_issue_order(old, self.codebook):
                    continue
                changed = changed_issues(old, self.codebook)
                patterns = [p for book in (old, self.codebook) for issue in book.issues if issue.id in changed
                            for p in issue.matchers]
                if not any(_may_match(pattern, article.text) for pattern in patterns):
                    self.store.save_extraction(article.content_hash, self.pipeline_key, self.codebook_hash, rows)
                    break
            else:
                left.append(article.article_id)
        return left

    def _analyze_chunk(self, articles: list[Article], nlp) -> list[dict[str, list]]:
        """Rows per article (see :func:`analysis_rows`)."""
        return analysis_rows(articles, lambda chunk: self._analyze(chunk, nlp=nlp, codebook=self.codebook, knowledge=self.knowledge))

    def analysis_setup(self) -> AnalysisSetup:
        """What a worker process needs to analyse as this corpus does (``core.corpus.parallel``)."""
        from core.corpus.parallel import AnalysisSetup
        from core.extraction.pipeline import configured_scorer

        scorer, _ = configured_scorer()
        return AnalysisSetup(configured_model_names(), self.knowledge, codebook_to_yaml(self.codebook),
                             self.codebook_hash, scorer)

    # --- reading -----------------------------------------------------------------------------

    def articles(self) -> pd.DataFrame:
        """One row per stored article (ARTICLE_COLUMNS); ``statements`` is -1 until extracted.
        ``statements`` counts the machine's stance rows: reviews (rejections, added statements) do
        not change it."""
        table = self.store.article_table(self.pipeline_key, self.codebook_hash)
        table = table.rename(columns={"id": "article_id"})
        return table[ARTICLE_COLUMNS]

    def load(self, reviewed: bool = True) -> CorpusTables:
        """The tables of every extracted article, actors merged across articles, the analysts'
        reviews applied to the stance rows (columns ``review``, ``review_id``; see
        ``core.corpus.review``), stance rows carrying their article's title, outlet and date. Reviews of
        articles not extracted with the current keys wait until they are. Parses nothing.
        ``reviewed=False`` gives the machine's rows as extracted (to score them against a gold
        file made by reviewing)."""
        from core.corpus.merge import merge_actors

        extractions = self.store.load_extractions(self.pipeline_key, self.codebook_hash)
        results = [result_from_rows(article_id, rows) for article_id, rows in extractions]
        # The store types every row list as dicts; an "error" list holds the failure messages (text).
        failures = [str(message) for _, rows in extractions for message in rows.get("error", [])]
        articles = self.articles()
        tables = merge_actors(tables_from_results(results, failures))
        reviews = self.store.reviews() if reviewed else pd.DataFrame(columns=REVIEW_COLUMNS)
        reviews = reviews[reviews["article_id"].isin({article_id for article_id, _ in extractions})]
        stances, stale = reviewed_and_stale(tables.stances, reviews)
        meta = articles.set_index("article_id")[STANCE_ARTICLE_COLUMNS]
        stances = stances.drop(columns=[c for c in STANCE_ARTICLE_COLUMNS if c in stances.columns])
        tables.stances = stances.join(meta, on="article_id")
        return CorpusTables(
            tables=tables, articles=articles, pending=int((articles["statements"] < 0).sum()), stale_reviews=stale
        )

    # --- review ------------------------------------------------------------------------------

    def review(
        self, action: str, row: Mapping[str, object], new: Mapping[str, object] | None = None, reviewer: str = "", note: str = ""
    ) -> int:
        """Record an analyst's ``confirm``, ``correct`` (with ``new``: some of actor, actor_type,
        country, issue, stance, certainty) or ``reject`` of ``row``, a row of the loaded stance
        table; returns the review's id. A review of an already reviewed row supersedes the earlier
        one (it carries the same machine-row key, see ``core.corpus.review.review_target``). Confirming
        a row whose shown values differ from the machine's (a corrected row) re-asserts those
        values: it is stored as a correction with them. Raises ReviewError for a bad action or
        value."""
        if action not in ("confirm", "correct", "reject"):
            raise ReviewError(f"unknown review action '{action}'; use confirm, correct or reject (add_statement adds)")
        article_id = str(row.get("article_id") or "")
        target = review_target(row, self.store.reviews(article_id))
        shown = {name: row.get(name, "") for name in EDITABLE_FIELDS}
        if action == "correct":
            if not new:
                raise ReviewError("a correction needs the new values (actor, actor_type, country, issue, stance, certainty)")
            values: Mapping[str, object] = corrected_values(shown, new, self.codebook.ids)
        elif action == "confirm":
            values = {name: str(value if value is not None else "") for name, value in shown.items()}
            original = {name: str(target.original.get(name) or "") for name in EDITABLE_FIELDS}
            if values != original:
                action, values = "correct", corrected_values(shown, {})
        else:
            values = {}
        return self.store.add_review(
            target.article_id,
            action,
            start_char=target.start_char,
            end_char=target.end_char,
            original_actor=target.actor,
            original_issue=target.issue,
            original_stance=target.stance,
            original_values={c: target.original.get(c) for c in STANCE_COLUMNS if c in target.original},
            new_values=values,
            reviewer=reviewer,
            note=note,
        )

    def add_statement(
        self,
        article_id: str,
        start_char: int,
        end_char: int,
        actor: str,
        actor_type: str,
        country: str,
        issue: str,
        stance: str,
        certainty: str,
        reviewer: str = "",
        note: str = "",
        *,
        attribution: str = "",
        source: str = "",
    ) -> int:
        """Record a statement the machine missed, marked as ``text[start_char:end_char]`` of the
        stored article (whitespace around the span is trimmed); returns the review's id. The
        quote is taken verbatim from the stored text. Raises ReviewError for an unknown article,
        a bad span or value (an issue not in the codebook)."""
        stored = self.store.get_article(article_id)
        if stored is None:
            raise ReviewError(f"no article with the id '{article_id}' in the corpus")
        statement = added_statement(
            stored.text, article_id, start_char, end_char, actor, actor_type, country, issue, stance, certainty,
            attribution=attribution, source=source, issues=self.codebook.ids,
        )
        return self.store.add_review(
            article_id,
            "add",
            new_values={name: statement[name] for name in ADDED_FIELDS},
            reviewer=reviewer,
            note=note,
        )

    def review_history(self, article_id: str | None = None) -> pd.DataFrame:
        """Every review (``core.corpus.store.REVIEW_COLUMNS``), oldest first: of one article, or all."""
        return self.store.reviews(article_id)


METADATA_FIELDS: tuple[str, ...] = ("title", "outlet", "date")  # what an editor may change of a stored article


def changed_metadata(shown: pd.DataFrame, edited: pd.DataFrame) -> list[dict[str, object]]:
    """The rows of an edited article list whose title, outlet or date differ from the list as
    shown (both with ``article_id`` and METADATA_FIELDS), as ``{article_id, title, outlet, date}``
    records in the edited list's order; rows missing from either side are left out."""
    columns = ["article_id", *METADATA_FIELDS]
    pairs = edited[columns].merge(shown[columns], on="article_id", suffixes=("", "_was"))
    differs = pd.Series(False, index=pairs.index)
    for name in METADATA_FIELDS:
        differs |= pairs[name] != pairs[f"{name}_was"]
    return pairs.loc[differs, columns].to_dict(orient="records")


# --- a codebook kept in the corpus -----------------------------------------------------------

# The dashboard's codebook editor can save the codebook into the corpus file itself (where a
# Community Cloud deployment can keep it) instead of the YAML file; it then wins over the file.
STORED_CODEBOOK_KEY = "codebook_yaml"
ANALYSED_KEY = "articles_analysed"  # meta counter: article analyses run on this corpus
# The text of every codebook results were made with, by its hash (see Corpus._carry_over).
CODEBOOK_TEXT_KEY = "codebook_text:{}"


def stored_codebook_text(store: CorpusStore) -> str:
    """The YAML of the codebook saved in ``store`` ('' when the codebook file is used)."""
    return store.get_meta(STORED_CODEBOOK_KEY, "")


def stored_codebook(store: CorpusStore) -> Codebook | None:
    """The codebook saved in ``store``, or None; a broken one raises CodebookError."""
    text = stored_codebook_text(store)
    return codebook_from_yaml(text, source=f"the codebook saved in {store.name}") if text.strip() else None


# Failures of the installation, not of an article: raised to the user, never stored with an article.
# (A MemoryError is the article's: a huge parse. Raising it would retry the article on every visit.)
SYSTEMIC_ERRORS: tuple[type[BaseException], ...] = (ModelNotFoundError, ImportError, NotImplementedError)


def analysis_rows(articles: list[Article], analyse: Callable[[list[Article]], Tables]) -> list[dict[str, list]]:
    """Rows per article, from ``analyse`` (the articles' tables). If the analysis fails on the
    chunk, each article is retried alone, and one that still fails is saved with no rows and its
    error, so it is reported instead of being retried (and blocking the dashboard) on every start.
    A crash of the process (KeyboardInterrupt, SystemExit) is not caught: what was saved before it
    stays. One process and each worker process (``core.corpus.parallel``) run this same code."""
    try:
        by_article = _rows_by_article(analyse(articles))
        return [by_article.get(a.article_id, _empty_rows()) for a in articles]
    except SYSTEMIC_ERRORS:
        raise  # not the article's fault: recording it would mark the article failed for good
    except Exception as exc:  # noqa: BLE001 - recorded with the article, shown to the user
        if len(articles) == 1:
            return [_failed_rows(articles[0].article_id, exc)]
    out = []
    for article in articles:
        try:
            out += analysis_rows([article], analyse)
        except SYSTEMIC_ERRORS:
            raise
        except Exception as exc:  # noqa: BLE001 - recorded with the article, shown to the user
            out.append(_failed_rows(article.article_id, exc))
    return out


def _failed_rows(article_id: str, exc: Exception) -> dict[str, list]:
    """No rows and the reason, so the failure is shown for that article instead of being retried
    (and blocking the dashboard) on every start. Messages written for users are kept as they are."""
    if isinstance(exc, ArticleError):
        message = str(exc)
    else:
        first = (str(exc).splitlines() or [""])[0][:200]
        message = f"{article_id}: the analysis failed ({type(exc).__name__}: {first})"
    return {**_empty_rows(), "error": [message]}


def usable_stored_codebook(store: CorpusStore) -> tuple[Codebook | None, str]:
    """The codebook saved in ``store`` and '' when it can be used; (None, why) when there is none
    ('') or it is refused (a pattern too slow or invalid under today's rules, broken YAML). A
    refused codebook never stops the dashboard or the CLI: they fall back to the codebook file
    and say why."""
    try:
        return stored_codebook(store), ""
    except CodebookError as exc:
        return None, refused_codebook_message(exc)


def corpus_codebook(
    store: CorpusStore,
    load_file: Callable[[], Codebook] = load_codebook,
    parse: Callable[[str, str], Codebook] = codebook_from_yaml,
    source: str = "",
) -> tuple[Codebook, str]:
    """The codebook ``store``'s corpus is analysed with, and why the codebook saved in it is not
    used ('' when it is, or when there is none). The CLI and the dashboard both ask here.

    The codebook saved in the corpus (by the dashboard's Codebook page) wins over the codebook file
    (``load_file``). A saved codebook that is refused (broken YAML, a pattern too slow or invalid
    under today's rules) never stops either: the file is used and the message says why.
    ``load_file`` and ``parse`` (text, source) let the dashboard cache both steps; ``source`` names
    the saved codebook in errors (default: after the corpus file)."""
    text = stored_codebook_text(store)
    problem = ""
    if text.strip():
        try:
            return parse(text, source or f"the codebook saved in {store.name}"), ""
        except CodebookError as exc:
            problem = refused_codebook_message(exc)
    return load_file(), problem


def refused_codebook_message(exc: CodebookError) -> str:
    """What the dashboard and the CLI say when the codebook saved in the corpus is refused."""
    return f"{exc}. The codebook file is used instead until the codebook saved in the corpus is fixed on the Codebook page."


def store_codebook(store: CorpusStore, codebook: Codebook | None) -> None:
    """Save ``codebook`` in ``store`` (None: forget it, so the codebook file is used again)."""
    store.set_meta(STORED_CODEBOOK_KEY, codebook_to_yaml(codebook) if codebook is not None else "")


# Pattern parts that can match in a sentence but not at the same place in the whole text: anchors
# and lookbehinds see the sentence's edge there. (A "^" negating a character class is caught too:
# erring that way only re-analyses an article.)
_EDGE_SENSITIVE = re.compile(r"(?<!\\)[\^$]|\\[AZ]|\(\?<[=!]")


def _may_match(pattern: BoundedPattern, text: str) -> bool:
    """Whether ``pattern`` may match in some sentence of ``text``. The analysis matches sentence by
    sentence and this check the whole text, where every sentence match is also a match, except for
    the edge-sensitive parts above: a pattern with one counts as matching, so the article is
    analysed again rather than wrongly kept."""
    if _EDGE_SENSITIVE.search(pattern.pattern) or pattern.disabled:
        return True
    found = pattern.search(text)
    return found is not None or pattern.disabled  # out of time: may match, so analyse again


def _same_issue_order(old: Codebook, new: Codebook) -> bool:
    """Whether the issues both codebooks have come in the same order in each."""
    common = set(old.ids) & set(new.ids)
    return [i for i in old.ids if i in common] == [i for i in new.ids if i in common]


def _empty_rows() -> dict[str, list[dict]]:
    return {"stances": [], "quotes": [], "mentions": [], "missed": []}


def _rows_by_article(tables: Tables) -> dict[str, dict[str, list[dict]]]:
    """Split analysis tables into per-article row lists (without the article id) for the cache."""
    out: dict[str, dict[str, list[dict]]] = defaultdict(_empty_rows)
    for name in ("stances", "quotes", "mentions", "missed"):
        frame = getattr(tables, name, None)
        if frame is None or frame.empty:
            continue
        for record in frame.to_dict(orient="records"):
            article_id = record.pop("article_id")
            out[article_id][name].append({k: _plain(v) for k, v in record.items()})
    return out


def _plain(value):
    """JSON-safe scalars (numpy ints/floats from pandas become Python numbers)."""
    if hasattr(value, "item"):
        return value.item()
    return value
