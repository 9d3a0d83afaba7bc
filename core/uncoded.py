"""Uncoded statements: attributed statements that match no codebook issue.

They show where the codebook is missing something. ``uncoded_statements`` picks them from the
quotes table, ``group_uncoded`` gathers them under a shared key phrase, and
``issue_draft_from_group`` turns a phrase into a suggested new issue for the codebook editor.

Key phrases are plain word n-grams (no spaCy model is loaded): only the stop-word list is used.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from core.codebook import Codebook, IssueDraft
from core.schema import QUOTE_COLUMNS

MAX_PHRASE_WORDS = 3
EXAMPLE_CHARS = 160  # an example quote longer than this is cut with "…"
MAX_EXAMPLES = 3

# Reporting words are not stop words but say nothing about a statement's subject.
REPORTING_WORDS: frozenset[str] = frozenset({"said", "says", "say", "told", "tell", "added", "according", "stated"})
_CONTRACTION_ENDINGS: tuple[str, ...] = ("n't", "'re", "'ve", "'ll", "'d", "'m")

# A word: letters/digits, possibly joined by hyphens or apostrophes ("carbon-neutral", "china's").
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})

# Evidence that identifies a statement across tables.
Evidence = tuple[str, int, int]


@dataclass(frozen=True)
class _Token:
    word: str  # lower-cased, apostrophes normalised
    start: int
    end: int


def uncoded_statements(quotes: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The rows of ``quotes`` (QUOTE_COLUMNS) with a speaker whose ``text`` matches no codebook issue.

    All columns (and the index) are kept, so every row still carries its evidence.
    """
    if quotes.empty or "text" not in quotes.columns:
        return quotes.iloc[0:0].reindex(columns=list(quotes.columns) or QUOTE_COLUMNS)
    speakers = quotes["speaker"] if "speaker" in quotes.columns else pd.Series("", index=quotes.index)
    has_speaker = speakers.fillna("").astype(str).str.strip() != ""
    texts = quotes["text"].fillna("").astype(str)
    no_issue = texts.map(lambda text: bool(text.strip()) and not codebook.find(text))
    return quotes[has_speaker & no_issue.astype(bool)].copy()


def _is_stopword(word: str) -> bool:
    """True for words that cannot start or end a key phrase."""
    if word in STOP_WORDS or word in REPORTING_WORDS:
        return True
    if len(word) <= 2 or word.replace("-", "").isdigit():
        return True
    if "'" in word:
        base = word.split("'", 1)[0]
        return base in STOP_WORDS or word.endswith(_CONTRACTION_ENDINGS)
    return False


def _tokens(text: str) -> list[_Token]:
    normal = text.translate(_APOSTROPHES)
    return [_Token(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(normal)]


def _phrase_counts(text: str) -> Counter[str]:
    """Every candidate phrase of ``text`` with how often it occurs.

    A candidate is 1–3 consecutive words separated by whitespace only (never across punctuation),
    neither starting nor ending with a stop word, a number or a 1–2-letter word.
    """
    tokens = _tokens(text)
    counts: Counter[str] = Counter()
    for i, first in enumerate(tokens):
        if _is_stopword(first.word):
            continue
        for j in range(i, min(i + MAX_PHRASE_WORDS, len(tokens))):
            if j > i and not text[tokens[j - 1].end : tokens[j].start].isspace():
                break
            if not _is_stopword(tokens[j].word):
                counts[" ".join(t.word for t in tokens[i : j + 1])] += 1
    return counts


def _phrase_score(phrase: str, count: int) -> int:
    return count * len(phrase.split())


def _contains_phrase(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def key_phrases(text: str, max_phrases: int = 5) -> list[str]:
    """Up to ``max_phrases`` lower-cased key phrases of ``text``, best first.

    Phrases are scored by frequency × number of words (ties: earlier in the text, then
    alphabetical); a phrase inside an already chosen one is skipped, so the list is not five
    overlapping variants of one phrase.
    """
    counts = _phrase_counts(text)
    first_seen = {phrase: rank for rank, phrase in enumerate(counts)}
    ranked = sorted(counts, key=lambda p: (-_phrase_score(p, counts[p]), first_seen[p], p))
    chosen: list[str] = []
    for phrase in ranked:
        if len(chosen) >= max_phrases:
            break
        if not any(_contains_phrase(kept, phrase) or _contains_phrase(phrase, kept) for kept in chosen):
            chosen.append(phrase)
    return chosen


def _evidence(row: pd.Series, index_label: object) -> Evidence | object:
    if {"article_id", "start_char", "end_char"} <= set(row.index):
        return (str(row["article_id"]), int(row["start_char"]), int(row["end_char"]))
    return index_label


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1].rstrip() + "…"


GROUP_COLUMNS: list[str] = ["phrase", "statements", "speakers", "examples", "rows"]


def group_uncoded(uncoded: pd.DataFrame, min_group: int = 2, max_groups: int = 20) -> pd.DataFrame:
    """Uncoded statements grouped by a key phrase they share, largest group first.

    Columns: ``phrase``, ``statements`` (how many), ``speakers`` ("; "-joined, first seen first),
    ``examples`` (up to 3 shortened statements) and ``rows`` (the statements' evidence
    ``(article_id, start_char, end_char)``, or index labels when those columns are missing).

    Greedy and deterministic: the phrase shared by at least ``min_group`` not-yet-grouped statements
    with the best score (statements × words; ties: more statements, longer, alphabetical) takes
    them all, until no phrase is left or ``max_groups`` groups exist. Each statement is in at most
    one group; ``result.attrs["ungrouped"]`` counts the rest.
    """
    texts = uncoded["text"].fillna("").astype(str).tolist() if "text" in uncoded.columns else []
    phrases_of = [set(_phrase_counts(text)) for text in texts]
    ungrouped = set(range(len(texts)))
    groups: list[tuple[str, list[int]]] = []
    while len(groups) < max_groups:
        members: dict[str, list[int]] = {}
        for position in sorted(ungrouped):
            for phrase in phrases_of[position]:
                members.setdefault(phrase, []).append(position)
        shared = [(phrase, rows) for phrase, rows in members.items() if len(rows) >= max(min_group, 1)]
        if not shared:
            break
        phrase, rows = min(
            shared,
            key=lambda item: (-_phrase_score(item[0], len(item[1])), -len(item[1]), -len(item[0].split()), item[0]),
        )
        groups.append((phrase, rows))
        ungrouped.difference_update(rows)
    groups.sort(key=lambda group: -len(group[1]))  # stable: equal sizes keep the order they were chosen in
    table = pd.DataFrame([_group_row(uncoded, phrase, rows) for phrase, rows in groups], columns=GROUP_COLUMNS)
    table.attrs["ungrouped"] = len(ungrouped)
    return table


def _group_row(uncoded: pd.DataFrame, phrase: str, positions: list[int]) -> dict:
    members = uncoded.iloc[positions]
    speakers = members["speaker"].fillna("").astype(str) if "speaker" in members.columns else pd.Series([], dtype=str)
    return {
        "phrase": phrase,
        "statements": len(positions),
        "speakers": "; ".join(dict.fromkeys(s.strip() for s in speakers if s.strip())),
        "examples": [_short(str(text)) for text in members["text"].head(MAX_EXAMPLES)],
        "rows": [_evidence(row, label) for label, row in members.iterrows()],
    }


def _slug(phrase: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", phrase).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_") or "issue"


def _unique_id(base: str, codebook: Codebook) -> str:
    taken = set(codebook.ids)
    if base not in taken:
        return base
    suffix = 2
    while f"{base}_{suffix}" in taken:
        suffix += 1
    return f"{base}_{suffix}"


def _word_pattern(word: str, last: bool) -> str:
    """One word of a phrase as regex: metacharacters escaped, any apostrophe; the last word optionally plural."""
    if last and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word, plural = word[:-1], "s?"
    else:
        plural = "(?:s|es)?" if last else ""
    parts = [re.escape(part) for part in word.split("'")]
    return "['\u2019]".join(parts) + plural


def phrase_pattern(phrase: str) -> str:
    """A regex matching ``phrase`` as whole words, with any whitespace between them and an optional plural."""
    words = phrase.translate(_APOSTROPHES).lower().split()
    body = r"\s+".join(_word_pattern(word, last=i == len(words) - 1) for i, word in enumerate(words))
    return rf"\b{body}\b"


def issue_draft_from_group(phrase: str, codebook: Codebook) -> IssueDraft:
    """A suggested new issue for a group's ``phrase``: a unique id, a label, a placeholder description, one pattern."""
    phrase = " ".join(phrase.split())
    label = phrase[:1].upper() + phrase[1:]
    return IssueDraft(
        id=_unique_id(_slug(phrase), codebook),
        label=label,
        description=f"Support = … {phrase} … (edit me: say what supporting this issue means).",
        patterns=[phrase_pattern(phrase)],
    )
