"""The data model: the one article record and the column contracts of the tables, shared by the
pipeline, the CLI and the dashboard.

Every row carries its evidence: ``article_id`` plus character offsets into the article text such
that ``text[start_char:end_char]`` is the verbatim evidence.

Two words that are easy to confuse:

* **outlet** — the publication an article appeared in ("Reuters", "Le Monde"): ``Article.outlet``
  and the ``outlet`` column of the article and stance tables.
* **source** — in the stance table, *who reports* a stance ("according to officials": the
  officials), '' when the actor states it directly. It is a column of the exported and gold tables,
  so it keeps its name; nothing else is called "source" (an article's file or URL is its ``origin``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

import pandas as pd


@dataclass(frozen=True, kw_only=True)
class Article:
    """One article, the same record from the moment it is read until it is stored and analysed.

    Readers make it (``core.ingest.text.read_article`` for article files,
    ``core.ingest.sources`` for uploads, pasted text and web pages); the corpus stores it
    (``core.corpus.store``), and what the store gives back carries the stored-only fields too.
    Frozen: a step that changes an article makes a new one (``dataclasses.replace``).
    """

    # The article's id. On the way in, the id asked for (a file's name without extension, or ''
    # to derive it from the title); the store makes it unique and gives back the one it chose.
    article_id: str = ""
    text: str  # exactly the text analysed: every character offset refers to it
    title: str = ""
    outlet: str = ""  # the publication (see the module docstring)
    date: str = ""  # publication date YYYY-MM-DD, or '' when unknown
    date_note: str = ""  # what the text said about its date when it was not a clear day
    url: str = ""
    origin: str = ""  # where the text came from: a file path or name, a URL or "pasted text"
    warnings: tuple[str, ...] = ()  # caveats found while reading (not stored)
    # Known once stored (core.corpus.store):
    words: int = 0
    added_at: str = ""  # ISO timestamp of the import
    content_hash: str = ""  # identity of the text (core.corpus.store.content_hash)


STANCE_COLUMNS: list[str] = [
    "article_id",  # file name without extension
    "sentence",  # 1-based number of the sentence the evidence starts in
    "actor",  # canonical display name: "Donald Trump", "Ukraine", "Italian government"
    "actor_type",  # person | government | organization | group
    "country",  # "United States", "Russia"; bodies by name: "European Union", "NATO"
    "issue",  # codebook id
    "stance",  # support | oppose | neutral (toward the issue as the codebook names it)
    "certainty",  # stated | reported | unconfirmed
    "attribution",  # direct | indirect | narrative
    "source",  # who reports the stance ('' when the actor states it)
    "quote",  # verbatim evidence == text[start_char:end_char]
    "start_char",
    "end_char",
    "confidence",  # 0..1, how sure the rules are
]

QUOTE_COLUMNS: list[str] = [
    "article_id",
    "speaker",  # resolved actor display name ('' when unknown)
    "speaker_type",
    "country",
    "text",  # verbatim statement == article[start_char:end_char]
    "start_char",
    "end_char",
    "kind",  # direct | indirect | according_to
    "cue",  # the reporting word: "said", "told", "according to"
    "speaker_start",  # offsets of the mention the attribution rests on ("He")
    "speaker_end",
]

ACTOR_COLUMNS: list[str] = ["actor", "actor_type", "country", "role", "aliases", "mentions"]

# Offsets of every actor mention, used by the Article page to highlight the text.
MENTION_COLUMNS: list[str] = [
    "article_id",
    "actor",
    "actor_type",
    "country",
    "text",
    "start_char",
    "end_char",
    "role",  # the office the text gives the actor ("foreign minister"), else ''
]

# Sentences naming a known actor and matching an issue pattern that produced no stance row.
MISSED_COLUMNS: list[str] = ["article_id", "sentence", "actors", "issues", "text", "start_char", "end_char"]

# Article metadata carried by stance rows of a corpus, so pages can show and filter by them.
STANCE_ARTICLE_COLUMNS: list[str] = ["title", "outlet", "date"]

# Human review carried by stance rows of a corpus (core.corpus.review): "" (unreviewed), "confirmed",
# "corrected" or "added", and the id of the review in the store's audit log (-1: none).
STANCE_REVIEW_COLUMNS: list[str] = ["review", "review_id"]

# One row per stored article (the CLI's `list`, the Articles page, the sidebar's article filters).
ARTICLE_COLUMNS: list[str] = ["article_id", "title", "outlet", "date", "words", "statements", "url", "origin", "added_at"]

Stance = Literal["support", "oppose", "neutral"]
Certainty = Literal["stated", "reported", "unconfirmed"]
Attribution = Literal["direct", "indirect", "narrative"]
ActorType = Literal["person", "government", "organization", "group"]
QuoteKind = Literal["direct", "indirect", "according_to"]

STANCES: tuple[str, ...] = get_args(Stance)
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
ATTRIBUTIONS: tuple[str, ...] = get_args(Attribution)
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)


def newest_first(articles: pd.DataFrame) -> pd.DataFrame:
    """The article table (ARTICLE_COLUMNS, ``Corpus.articles``) newest first, undated articles last, ties by id: the
    order of every list of stored articles."""
    return articles.sort_values(["date", "article_id"], ascending=[False, True], kind="stable")
