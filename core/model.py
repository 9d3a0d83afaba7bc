"""Column contracts of the three tables, shared by the pipeline, the CLI and the dashboard.

Every row carries its evidence: ``article_id`` plus character offsets into the article text such
that ``text[start_char:end_char]`` is the verbatim evidence.
"""

from __future__ import annotations

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

STANCES: tuple[str, ...] = ("support", "oppose", "neutral")
CERTAINTIES: tuple[str, ...] = ("stated", "reported", "unconfirmed")
ATTRIBUTIONS: tuple[str, ...] = ("direct", "indirect", "narrative")
ACTOR_TYPES: tuple[str, ...] = ("person", "government", "organization", "group")
