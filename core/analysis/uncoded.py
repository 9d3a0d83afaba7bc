"""Uncoded statements: attributed statements that match no codebook issue.

They show where the codebook is missing something. ``uncoded_statements`` picks them from the
quotes table, ``group_uncoded`` gathers them under a shared key phrase, and
``issue_draft_from_group`` turns a phrase into a suggested new issue for the codebook editor.

Key phrases are plain word n-grams (no spaCy model is loaded): only the stop-word list is used.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from core.knowledge.codebook import Codebook, IssueDraft
from core.knowledge.gazetteer import load_knowledge
from core.knowledge.patterns import BoundedPattern, compile_combined
from core.model import QUOTE_COLUMNS

MAX_PHRASE_WORDS = 3
EXAMPLE_CHARS = 160  # an example quote longer than this is cut with "…"
MAX_EXAMPLES = 3

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

    A statement is uncoded iff its text is not blank and ``codebook.find(text)`` is empty. All
    columns (and the index) are kept, so every row still carries its evidence. Each distinct text
    is tested once, and most texts with one combined search of every pattern (``_Matcher``).
    """
    if quotes.empty or "text" not in quotes.columns:
        return quotes.iloc[0:0].reindex(columns=list(quotes.columns) or QUOTE_COLUMNS)
    speakers = quotes["speaker"] if "speaker" in quotes.columns else pd.Series("", index=quotes.index)
    has_speaker = (speakers.fillna("").astype(str).str.strip() != "").to_numpy()
    texts = quotes["text"].fillna("").astype(str).to_numpy()
    matcher = _Matcher(codebook)
    verdict: dict[str, bool] = {}
    keep = []
    for speaker_ok, text in zip(has_speaker, texts):
        if not speaker_ok:
            keep.append(False)
            continue
        uncoded = verdict.get(text)
        if uncoded is None:
            uncoded = verdict[text] = bool(text.strip()) and not matcher.matches(text)
        keep.append(uncoded)
    return quotes[pd.Series(keep, index=quotes.index, dtype=bool)].copy()


# A numbered or named backreference, or a conditional group: its meaning would change inside a
# combined pattern (group numbers shift), so such a codebook is searched pattern by pattern only.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


class _Matcher:
    """Whether ``codebook.find(text)`` would find anything, answered faster.

    ``Codebook.find`` keeps at least one match whenever some pattern has a non-empty match, so
    "find is not empty" is "some pattern has a non-empty match". A combined alternation of all
    patterns (when they can be combined exactly) rules out most texts with one search: it matches
    at a position iff one of the patterns does. Texts it matches are checked pattern by pattern.
    """

    def __init__(self, codebook: Codebook) -> None:
        self.patterns = [pattern for issue in codebook.issues for pattern in issue.matchers]
        self.combined = self._combine(self.patterns)

    @staticmethod
    def _combine(patterns: list[BoundedPattern]) -> BoundedPattern | None:
        if len(patterns) < 2 or len({pattern.flags for pattern in patterns}) != 1:
            return None
        if any(_BACKREFERENCE.search(pattern.pattern) for pattern in patterns):
            return None
        # Inline global flags inside, or a group name used twice, cannot be combined (None).
        return compile_combined([pattern.pattern for pattern in patterns])

    def matches(self, text: str) -> bool:
        """True iff some pattern has a non-empty match in ``text`` (so ``codebook.find(text)`` is not empty)."""
        if self.combined is not None and self.combined.search(text) is None:
            if not self.combined.disabled:
                return False
            self.combined = None  # ran out of time: check pattern by pattern from now on
        return any(_non_empty_match(pattern, text) for pattern in self.patterns)


def _non_empty_match(pattern: BoundedPattern, text: str) -> bool:
    first = pattern.search(text)
    if first is None:
        return False
    if first.end() > first.start():
        return True
    return any(m.end() > m.start() for m in pattern.finditer(text))


@lru_cache(maxsize=4)
def _reporting_forms(speech: frozenset[str], irregular: frozenset[str]) -> frozenset[str]:
    """The word forms of the lexicon's speech verbs ("say", "says", "said", "warned"), and
    "according": reporting words are not stop words but say nothing about a statement's subject."""
    forms = {"according", *irregular}
    for lemma in speech:
        forms |= {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
        if lemma.endswith("e"):
            forms |= {lemma + "d", lemma[:-1] + "ing"}
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        if lemma.endswith(("s", "sh", "ch", "x")):
            forms.add(lemma + "es")
    return frozenset(forms)


def reporting_words() -> frozenset[str]:
    """Word forms of the speech verbs of the configured lexicon (``seeds/lexicon.yaml``)."""
    lexicon = load_knowledge().lexicon
    if lexicon is None:
        return frozenset({"according"})
    return _reporting_forms(lexicon.speech, lexicon.speech_irregular_forms)


def _is_stopword(word: str, reporting: frozenset[str] = frozenset()) -> bool:
    """True for words that cannot start or end a key phrase (``reporting``: reporting words)."""
    if word in STOP_WORDS or word in reporting:
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
    reporting = reporting_words()
    counts: Counter[str] = Counter()
    for i, first in enumerate(tokens):
        if _is_stopword(first.word, reporting):
            continue
        for j in range(i, min(i + MAX_PHRASE_WORDS, len(tokens))):
            if j > i and not text[tokens[j - 1].end : tokens[j].start].isspace():
                break
            if not _is_stopword(tokens[j].word, reporting):
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


def example_text(text: object, limit: int = EXAMPLE_CHARS) -> str:
    """A statement shown as an example: whitespace collapsed, cut to ``limit`` characters with "…"."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    phrases_by_text: dict[str, tuple[str, ...]] = {}
    for text in texts:
        if text not in phrases_by_text:
            phrases_by_text[text] = tuple(_phrase_counts(text))
    phrases_of = [phrases_by_text[text] for text in texts]
    # Built once: each phrase's not-yet-grouped statements, kept up to date as groups take them.
    members: dict[str, set[int]] = {}
    for position, phrases in enumerate(phrases_of):
        for phrase in phrases:
            members.setdefault(phrase, set()).add(position)
    threshold = max(min_group, 1)
    # The best phrase first: a heap of (rank key, statements) entries; an entry whose statement
    # count is no longer the phrase's current count is stale and skipped (counts only go down).
    heap = [(_group_rank(phrase, len(rows)), len(rows)) for phrase, rows in members.items() if len(rows) >= threshold]
    heapq.heapify(heap)
    grouped = 0
    groups: list[tuple[str, list[int]]] = []
    while len(groups) < max_groups and heap:
        key, count = heapq.heappop(heap)
        phrase = key[-1]
        if len(members[phrase]) != count:
            continue
        rows = sorted(members[phrase])
        groups.append((phrase, rows))
        grouped += len(rows)
        touched: set[str] = set()
        for position in rows:
            for other in phrases_of[position]:
                members[other].discard(position)
                touched.add(other)
        for other in sorted(touched):
            left = len(members[other])
            if other != phrase and left >= threshold:
                heapq.heappush(heap, (_group_rank(other, left), left))
    groups.sort(key=lambda group: -len(group[1]))  # stable: equal sizes keep the order they were chosen in
    table = pd.DataFrame([_group_row(uncoded, phrase, rows) for phrase, rows in groups], columns=GROUP_COLUMNS)
    table.attrs["ungrouped"] = len(texts) - grouped
    return table


def _group_rank(phrase: str, statements: int) -> tuple[int, int, int, str]:
    """Sorts the best group phrase first: score (statements × words), then more statements, longer, alphabetical."""
    words = len(phrase.split())
    return (-statements * words, -statements, -words, phrase)


def _group_row(uncoded: pd.DataFrame, phrase: str, positions: list[int]) -> dict:
    members = uncoded.iloc[positions]
    speakers = members["speaker"].fillna("").astype(str) if "speaker" in members.columns else pd.Series([], dtype=str)
    if {"article_id", "start_char", "end_char"} <= set(members.columns):
        rows: list = [
            (str(article_id), int(start), int(end))
            for article_id, start, end in zip(members["article_id"], members["start_char"], members["end_char"])
        ]
    else:
        rows = list(members.index)
    return {
        "phrase": phrase,
        "statements": len(positions),
        "speakers": "; ".join(dict.fromkeys(s.strip() for s in speakers if s.strip())),
        "examples": [example_text(text) for text in members["text"].head(MAX_EXAMPLES)],
        "rows": rows,
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


def issue_draft_from_group(phrase: str, codebook: Codebook) -> IssueDraft:
    """A suggested new issue for a group's ``phrase``: a unique id, a label, a placeholder description,
    and the phrase as its one term (matched with the other forms of its words, core.knowledge.terms)."""
    phrase = " ".join(phrase.split())
    label = phrase[:1].upper() + phrase[1:]
    return IssueDraft(
        id=_unique_id(_slug(phrase), codebook),
        label=label,
        description=f"Support = … {phrase} … (edit me: say what supporting this issue means).",
        terms=[phrase],
    )
