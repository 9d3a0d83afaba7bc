"""From article texts to the stance, quotes, actors and mentions tables.

This module glues the steps together: spaCy parse -> actor mentions (``core.extraction.mentions``) ->
quote attribution (``core.extraction.attribution``), both run as spaCy components (``core.extraction.components``)
-> stance claims (``core.extraction.stance``) -> pandas tables.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc

from core.extraction.attribution import Statement
from core.extraction.candidates import CandidateFinder
from core.extraction.components import COMPONENTS, mentions_and_statements
from core.extraction.issue_matches import sentence_matches
from core.extraction.mentions import Mention
from core.extraction.scorer import ScorerError, StanceScorer, load_scorer, scored_rows
from core.extraction.stance import StanceClaim, StanceFinder
from core.ingest.text import Article, ArticleError
from core.knowledge.codebook import Codebook, load_codebook
from core.knowledge.gazetteer import Knowledge, load_knowledge
from core.model import (
    ACTOR_COLUMNS,
    MENTION_COLUMNS,
    MISSED_COLUMNS,
    QUOTE_COLUMNS,
    STANCE_COLUMNS,
)
from core.settings import EXTRACTOR_ENV, EXTRACTORS, extractor, scorer_path, setting

PIPELINE_VERSION = "41"  # bump when a rule change alters results: stored corpora re-extract once
BATCH_SIZE = 16
# Texts longer than this are parsed in pieces (paragraph boundaries), each well under spaCy's
# max_length, with the time limit checked between pieces: a huge paste can neither fail with E088
# nor hold the server for minutes. Every news article is shorter, so it is parsed whole as before.
CHUNK_CHARS = 50_000
ANALYSIS_TIME_LIMIT_S = 60.0


@dataclass
class Tables:
    """The result of analysing one or many articles."""

    stances: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=STANCE_COLUMNS))
    quotes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=QUOTE_COLUMNS))
    actors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ACTOR_COLUMNS))
    mentions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MENTION_COLUMNS))
    warnings: list[str] = field(default_factory=list)
    # Sentences where recall may be weak: a known actor and an issue, but no stance row.
    missed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MISSED_COLUMNS))


@dataclass
class ArticleResult:
    stances: list[dict]
    quotes: list[dict]
    mentions: list[dict]
    missed: list[dict] = field(default_factory=list)



def analyze_doc(doc: Doc, article_id: str, codebook: Codebook, knowledge: Knowledge, scorer: StanceScorer | None = None) -> ArticleResult:
    """Rows of the tables for one parsed article. The mentions and statements are those the
    pipeline's components wrote onto the Doc (``core.extraction.components``); a Doc parsed
    without them, or with other knowledge, gets them found here. With a ``scorer``, the stance
    rows are the candidates it scores (``core.extraction.scorer``), else the rules' claims."""
    resolver, statements = mentions_and_statements(doc, knowledge)
    text = resolver.text_of(doc)
    quotes = [quote_row(article_id, st, text) for st in statements]
    if scorer is not None:
        finder = CandidateFinder(doc, codebook, article_id, resolver, statements)
        stances = scored_rows(finder.candidates(), finder.claims, scorer, text)
    else:
        stances = [stance_row(article_id, claim, text) for claim in StanceFinder(doc, resolver, statements, codebook).claims()]
    mentions = [mention_row(article_id, m) for m in resolver.mentions]
    return ArticleResult(stances, quotes, mentions, missed_sentences(doc, article_id, resolver.mentions, stances, codebook))


def quote_row(article_id: str, st: Statement, text: str) -> dict:
    """One row of the quotes table (``QUOTE_COLUMNS``)."""
    speaker = st.speaker
    return {
        "article_id": article_id,
        "speaker": speaker.name if speaker else "",
        "speaker_type": speaker.actor_type if speaker else "",
        "country": speaker.country if speaker else "",
        "text": text[st.start_char : st.end_char],
        "start_char": st.start_char,
        "end_char": st.end_char,
        "kind": st.kind,
        "cue": st.cue,
        "speaker_start": st.speaker_mention[0] if st.speaker_mention else -1,
        "speaker_end": st.speaker_mention[1] if st.speaker_mention else -1,
    }


def stance_row(article_id: str, claim: StanceClaim, text: str) -> dict:
    """One row of the stances table (``STANCE_COLUMNS``)."""
    actor = claim.mention.actor
    start, end = claim.evidence
    return {
        "article_id": article_id,
        "sentence": claim.sentence,
        "actor": actor.name,
        "actor_type": actor.actor_type,
        "country": actor.country,
        "issue": claim.issue,
        "stance": claim.issue_stance,
        "certainty": claim.certainty,
        "attribution": claim.attribution,
        "source": claim.source,
        "quote": text[start:end],
        "start_char": start,
        "end_char": end,
        "confidence": claim.confidence,
    }


def mention_row(article_id: str, m: Mention) -> dict:
    """One row of the mentions table (``MENTION_COLUMNS``)."""
    return {
        "article_id": article_id,
        "actor": m.actor.name,
        "actor_type": m.actor.actor_type,
        "country": m.actor.country,
        "text": m.text,
        "start_char": m.start_char,
        "end_char": m.end_char,
        "role": m.actor.role,
    }


def missed_sentences(doc: Doc, article_id: str, mentions: list[Mention], stances: list[dict], codebook: Codebook) -> list[dict]:
    """Sentences that name a known actor and an issue (``sentence_matches``) yet gave no stance row.

    They are where recall is weakest (a stance phrased in a way the rules do not read, or an
    actor merely mentioned near an issue); the Article page lists them so a user can check."""
    covered = [(row["start_char"], row["end_char"]) for row in stances]
    starts = sorted(((m.start_char, m) for m in mentions), key=lambda pair: pair[0])
    rows = []
    for number, sent in enumerate(doc.sents, start=1):
        lo, hi = sent.start_char, sent.end_char
        if any(s < hi and lo < e for s, e in covered):
            continue
        actors = list(dict.fromkeys(m.actor.name for start, m in starts if lo <= start < hi))
        if not actors:
            continue
        # (with the issues named loosely too, as the rules and the candidates read them)
        issues = list(dict.fromkeys(match.issue for match in sentence_matches(codebook, sent, doc._.actor_resolver)))
        if not issues:
            continue
        rows.append(
            {
                "article_id": article_id,
                "sentence": number,
                "actors": "; ".join(actors),
                "issues": "; ".join(issues),
                "text": sent.text,
                "start_char": lo,
                "end_char": hi,
            }
        )
    return rows


def actors_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor across articles: type, country, role, the spellings seen, mention count."""
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    frame = mentions.assign(
        actor_type=mentions["actor_type"].fillna("").astype(str),
        country=mentions["country"].fillna("").astype(str),
        role=mentions["role"].fillna("").astype(str) if "role" in mentions else "",
        text=mentions["text"].fillna("").astype(str),
    )
    # Grouped once over the distinct (actor, value) pairs: a corpus has ~100k mentions.
    def most_common(column: str) -> pd.Series:
        counts = frame[frame[column] != ""].groupby(["actor", column], sort=False).size().reset_index(name="n")
        counts = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates("actor")
        return counts.set_index("actor")[column]

    spellings = frame[(frame["text"] != "") & (frame["text"] != frame["actor"])].drop_duplicates(["actor", "text"])
    aliases = spellings.groupby("actor", sort=False)["text"].agg(lambda t: "; ".join(sorted(t)))
    table = pd.DataFrame({"mentions": frame.groupby("actor", sort=False).size()})
    for column in ("actor_type", "country", "role"):
        table[column] = most_common(column)
    table["aliases"] = aliases
    table = table.fillna("").reset_index()
    table["mentions"] = table["mentions"].astype(int)
    table = table[ACTOR_COLUMNS]
    return table.sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)


def tables_from_results(results: list[ArticleResult], warnings: list[str] | None = None) -> Tables:
    """The four tables from per-article results (fresh or loaded from the corpus cache)."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for result in results:
        rows["stances"] += result.stances
        rows["quotes"] += result.quotes
        rows["mentions"] += result.mentions
        rows["missed"] += result.missed
    mentions = pd.DataFrame(rows["mentions"], columns=MENTION_COLUMNS)
    return Tables(
        stances=pd.DataFrame(rows["stances"], columns=STANCE_COLUMNS),
        quotes=pd.DataFrame(rows["quotes"], columns=QUOTE_COLUMNS),
        actors=actors_table(mentions),
        mentions=mentions,
        warnings=list(warnings or []),
        missed=pd.DataFrame(rows["missed"], columns=MISSED_COLUMNS),
    )


def result_from_rows(article_id: str, rows: dict[str, list[dict]]) -> ArticleResult:
    """An :class:`ArticleResult` from cached rows (rows without their article id, as
    ``core.corpus.corpus`` stores them)."""
    tag = lambda items: [{"article_id": article_id, **row} for row in items]  # noqa: E731
    return ArticleResult(
        tag(rows.get("stances", [])), tag(rows.get("quotes", [])), tag(rows.get("mentions", [])), tag(rows.get("missed", []))
    )


class AnalysisTimeLimit(ArticleError):
    """An article whose parse did not finish within ANALYSIS_TIME_LIMIT_S."""


def text_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it exactly,
    preferably after a paragraph break, else after a line break or a space."""
    chunks: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((window.rfind(mark) + len(mark) for mark in ("\n\n", "\n", " ") if window.rfind(mark) > size // 2), size)
        chunks.append(text[start : start + cut])
        start += cut
    chunks.append(text[start:])
    return chunks


def parse_long(text: str, nlp, article_id: str = "article", time_limit: float = ANALYSIS_TIME_LIMIT_S,
               chunk_chars: int = CHUNK_CHARS):
    """One Doc for a text longer than CHUNK_CHARS, parsed chunk by chunk (each under the model's
    ``max_length``, memory bounded by the chunk) and joined, so offsets are those of ``text``.
    Raises AnalysisTimeLimit when the chunks parsed so far took longer than ``time_limit``."""
    deadline = time.monotonic() + time_limit
    # The chunks are parsed without the mention and statement components: they run once on the
    # joined Doc (in analyze_doc), as for any text, so a mention never depends on where a cut fell.
    skip = [name for name in COMPONENTS if name in nlp.pipe_names]
    docs = []
    for chunk in text_chunks(text, chunk_chars):
        if time.monotonic() > deadline:
            raise AnalysisTimeLimit(f"{article_id}: the analysis took longer than {time_limit:g} s and was stopped "
                                    f"({len(text):,} characters; split the text into several articles)")
        docs.append(nlp(chunk, disable=skip))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parsed(articles: list, nlp):
    """``(article, doc)`` in order: short texts through ``nlp.pipe`` in batches, long ones by
    ``parse_long``."""
    short = nlp.pipe(((a.text, a) for a in articles if len(a.text) <= CHUNK_CHARS), as_tuples=True, batch_size=BATCH_SIZE)
    for article in articles:
        if len(article.text) <= CHUNK_CHARS:
            doc, _ = next(short)
        else:
            doc = parse_long(article.text, nlp, article.article_id)
        yield article, doc


def analyze_parsed(articles: list, nlp, codebook: Codebook, knowledge: Knowledge, progress=None, scorer: StanceScorer | None = None):
    """Yield ``(article, ArticleResult)`` for each article, parsing with ``nlp.pipe`` in batches.

    ``articles`` need ``article_id`` and ``text`` attributes."""
    for done, (article, doc) in enumerate(parsed(articles, nlp), start=1):
        yield article, analyze_doc(doc, article.article_id, codebook, knowledge, scorer)
        if progress is not None:
            progress(done, len(articles))


class Configured:
    """Stands for "the configured extractor" where a scorer or None (the rules) may be given."""


CONFIGURED = Configured()


def configured_scorer() -> tuple[StanceScorer | None, list[str]]:
    """The scorer the settings ask for (None: the rules) and any warning: an unknown
    ``$STANCE_EXTRACTOR``, or a scorer file that cannot be used (then the rules run)."""
    warnings = []
    asked = setting(EXTRACTOR_ENV).strip().lower()
    if asked and asked not in EXTRACTORS:
        warnings.append(f"{EXTRACTOR_ENV}={asked!r} is not one of {', '.join(EXTRACTORS)}; using {extractor()}")
    if extractor() == "rules":
        return None, warnings
    try:
        return load_scorer(scorer_path()), warnings
    except ScorerError as exc:
        return None, [*warnings, f"{exc}; the stance rules run instead"]


def extractor_key() -> str:
    """What the stance rows come from, for cache keys: "rules" or the scorer's digest."""
    scorer, _ = configured_scorer()
    return "rules" if scorer is None else f"scorer-{scorer.digest}"


def analyze_articles(
    articles: list[Article],
    nlp=None,
    codebook: Codebook | None = None,
    knowledge: Knowledge | None = None,
    progress=None,
    scorer: StanceScorer | Configured | None = CONFIGURED,
) -> Tables:
    """Analyse articles; ``nlp``/``codebook``/``knowledge`` default to the configured ones, and so
    does the stance extractor (``scorer``: a trained scorer, None for the rules only).

    ``progress``, if given, is called as ``progress(done, total)`` after each article."""
    knowledge = knowledge or load_knowledge()
    codebook = codebook or load_codebook()
    if nlp is None:
        from core.extraction.nlp import load_pipeline

        nlp = load_pipeline(knowledge=knowledge)
    warnings: list[str] = [w for a in articles for w in a.warnings]
    if isinstance(scorer, Configured):
        scorer, more = configured_scorer()
        warnings += more
    results = [result for _, result in analyze_parsed(articles, nlp, codebook, knowledge, progress, scorer)]
    return tables_from_results(results, warnings + codebook.slow_patterns())
