"""Uncoded statements: attributed statements that match no codebook issue.

They show where the codebook is missing something. ``uncoded_statements`` picks them from the
quotes table, ``group_uncoded`` gathers them under a shared key phrase, and
``issue_draft_from_group`` turns a phrase into a suggested new issue for the codebook editor.

Key phrases are plain word n-grams (no spaCy model is loaded). A phrase neither starts nor ends
with a stop word, a reporting verb, a generic word (the lexicon's ``generic_words`` and the
actors file's roles) or a name the corpus knowledge knows (people and their aliases, organisations,
countries, capitals and other places, demonyms) or a speaker of the statements: "putin",
"president" or "people" say who spoke, not what about.
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
from core.knowledge.gazetteer import Knowledge, load_knowledge
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


@dataclass(frozen=True)
class NameWords:
    """What cannot start or end a key phrase besides stop words: ``words`` (single words: a
    surname, a country, a demonym, a generic word) and ``phrases`` (names of several words, as
    word tuples: "united states", "vladimir putin"), all lower-cased."""

    words: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()

    @property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=1)

    def with_speakers(self, speakers: object) -> NameWords:
        """These names plus the speakers' (an iterable of names): each name as a whole and, for a
        name written in capitals ("Olaf Berger"), each of its words."""
        words, phrases = set(self.words), set(self.phrases)
        for speaker in speakers or []:  # type: ignore[attr-defined]
            _add_name(str(speaker or ""), words, phrases, parts=_is_proper_name(str(speaker or "")))
        return NameWords(frozenset(words), frozenset(phrases))


def _is_proper_name(name: str) -> bool:
    parts = name.split()
    return bool(parts) and all(part[:1].isupper() for part in parts)


def _add_name(name: str, words: set[str], phrases: set[tuple[str, ...]], parts: bool) -> None:
    """``name`` (as its words) into ``phrases`` or, a single word, ``words``; with ``parts`` each
    of its words (longer than two letters) into ``words`` too."""
    tokens = tuple(t.word for t in _tokens(name))
    if not tokens:
        return
    if len(tokens) == 1:
        words.add(_base(tokens[0]))
    else:
        phrases.add(tuple(_base(t) for t in tokens))
    if parts:
        words.update(_base(t) for t in tokens if len(t) > 2 and t not in STOP_WORDS)


def _base(word: str) -> str:
    """A word without a possessive ending: "russia's" is "russia"."""
    return word[:-2] if word.endswith("'s") else word


@lru_cache(maxsize=4)
def _knowledge_names(knowledge: Knowledge) -> NameWords:
    words: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for alias in knowledge.people:
        _add_name(alias, words, phrases, parts=True)  # "putin" alone names him too
    for name in [*knowledge.organizations, *knowledge.places, *knowledge.demonyms, *knowledge.roles]:
        _add_name(name, words, phrases, parts=False)
    if knowledge.lexicon is not None:
        for word in knowledge.lexicon.generic_words:
            _add_name(word, words, phrases, parts=False)
    return NameWords(frozenset(words), frozenset(phrases))


def known_names(knowledge: Knowledge | None = None) -> NameWords:
    """The names and generic words of the corpus knowledge (``knowledge``, default the configured
    files) that key phrases leave out: people (and each word of their names), organisations,
    places, demonyms, roles and the lexicon's ``generic_words``."""
    return _knowledge_names(knowledge if knowledge is not None else load_knowledge())


def _name_positions(tokens: list[_Token], names: NameWords) -> set[int]:
    """The positions of the tokens that belong to a name (the longest name first)."""
    marked: set[int] = set()
    words = [_base(t.word) for t in tokens]
    longest = names.longest
    for i in range(len(words)):
        if words[i] in names.words:
            marked.add(i)
        for size in range(min(longest, len(words) - i), 1, -1):
            if tuple(words[i:i + size]) in names.phrases:
                marked.update(range(i, i + size))
                break
    return marked


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


def _phrase_counts(text: str, names: NameWords | None = None) -> Counter[str]:
    """Every candidate phrase of ``text`` with how often it occurs.

    A candidate is 1–3 consecutive words separated by whitespace only (never across punctuation),
    neither starting nor ending with a stop word, a reporting verb, a number, a 1–2-letter word or
    a word of one of ``names``.
    """
    tokens = _tokens(text)
    reporting = reporting_words()
    named = _name_positions(tokens, names) if names is not None else set()

    def edge(position: int) -> bool:
        return position not in named and not _is_stopword(tokens[position].word, reporting)

    counts: Counter[str] = Counter()
    for i in range(len(tokens)):
        if not edge(i):
            continue
        for j in range(i, min(i + MAX_PHRASE_WORDS, len(tokens))):
            if j > i and not text[tokens[j - 1].end : tokens[j].start].isspace():
                break
            if edge(j):
                counts[" ".join(t.word for t in tokens[i : j + 1])] += 1
    return counts


def _phrase_score(phrase: str, count: int) -> int:
    return count * len(phrase.split())


def _contains_phrase(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def key_phrases(text: str, max_phrases: int = 5, names: NameWords | None = None) -> list[str]:
    """Up to ``max_phrases`` lower-cased key phrases of ``text``, best first.

    Phrases are scored by frequency × number of words (ties: earlier in the text, then
    alphabetical); a phrase inside an already chosen one is skipped, so the list is not five
    overlapping variants of one phrase.
    """
    counts = _phrase_counts(text, names)
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


def group_uncoded(uncoded: pd.DataFrame, min_group: int = 2, max_groups: int = 20,
                  names: NameWords | None = None) -> pd.DataFrame:
    """Uncoded statements grouped by a key phrase they share, largest group first.

    Columns: ``phrase``, ``statements`` (how many), ``speakers`` ("; "-joined, first seen first),
    ``examples`` (up to 3 shortened statements) and ``rows`` (the statements' evidence
    ``(article_id, start_char, end_char)``, or index labels when those columns are missing).

    Greedy and deterministic: the phrase shared by at least ``min_group`` not-yet-grouped statements
    with the best score (statements × words; ties: more statements, longer, alphabetical) takes
    them all, until no phrase is left or ``max_groups`` groups exist. Each statement is in at most
    one group; ``result.attrs["ungrouped"]`` counts the rest and ``result.attrs["ungrouped_rows"]``
    holds their positions in ``uncoded``. ``names`` (see :func:`known_names`; the statements'
    speakers are added) never start or end a phrase; None: only stop words and reporting verbs.
    """
    texts = uncoded["text"].fillna("").astype(str).tolist() if "text" in uncoded.columns else []
    if names is not None and "speaker" in uncoded.columns:
        names = names.with_speakers(dict.fromkeys(uncoded["speaker"].fillna("").astype(str)))
    phrases_by_text: dict[str, tuple[str, ...]] = {}
    for text in texts:
        if text not in phrases_by_text:
            phrases_by_text[text] = tuple(_phrase_counts(text, names))
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
    taken = {position for _, rows in groups for position in rows}
    table.attrs["ungrouped"] = len(texts) - grouped
    table.attrs["ungrouped_rows"] = [position for position in range(len(texts)) if position not in taken]
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
