"""The words each issue is named with, read from its own codebook entry.

A codebook's patterns and terms name an issue in the wordings its author thought of; news words it
otherwise ("withdraw its troops" for the term "troop withdrawal", "capping insulin prices" for a
"drug price cap", "cut greenhouse emissions" for patterns of "greenhouse gas emissions"). Users
cannot be expected to write perfect regular expressions (issue 13, failure class 8), so a sentence
also names an issue when the issue's own words stand close together in any order and form
(``core.extraction.issue_matches``). This module gives those words: the literal words of the
issue's patterns (what lookarounds require around a match is context, not the issue's name, and is
left out), of its terms and of its label, each reduced to its Snowball stem; how many issues of the
codebook share each stem (a word several issues are named with cannot tell them apart); and the
head words of each label (what it names: "Pause" of "Pause on energy strikes"). Opposite patterns
and terms are left out: a loose match never turns a stance round.

Nothing here knows any subject: everything comes from the codebook a user wrote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from core.knowledge.terms import ENDINGS, term_words

_LOOKAROUND = re.compile(r"\(\?<?[=!]")
_ESCAPE = re.compile(r"\\(?:[A-Za-z]|.)")
_LETTERS = re.compile(r"[A-Za-z]{2,}")
# A class of letters inside a word ("globali[sz]ation") stands for one of them: the word stays whole.
_LETTER_CLASS = re.compile(r"\[([A-Za-z])[A-Za-z]*\]")
# A word cut short in a pattern ("negotiat\w+", "paus\w*") is matched as a prefix of a text word
# when it is at least this long (a shorter prefix would match too many words).
MIN_PREFIX = 5
_ENDINGS = frozenset(ENDINGS) | {"tion", "ness"}
_CUT_WORD = re.compile(rf"([A-Za-z]{{{MIN_PREFIX},}})\\w")
_ESCAPE_BUT_WORD = re.compile(r"\\(?!w)(?:[A-Za-z]|.)")


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a word, lower-cased ("negotiations" -> "negoti")."""
    return _stemmer().stemWord(word.lower())


def without_lookarounds(pattern: str) -> str:
    """``pattern`` with each lookahead and lookbehind group (and what it contains) blanked out."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if _LOOKAROUND.match(pattern, i) and (i == 0 or pattern[i - 1] != "\\"):
            depth, j = 0, i
            while j < len(pattern):
                char = pattern[j]
                if char == "\\":
                    j += 2
                    continue
                depth += char == "("
                depth -= char == ")"
                if depth == 0:
                    break
                j += 1
            out.append(" ")
            i = j + 1
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def pattern_words(pattern: str) -> list[str]:
    """The literal words of a regular expression, lookarounds and escapes (``\\b``, ``\\s``) left
    out: ``\\bTrans-?\\s?Pacific\\s+(?:Partnership|trade\\s+pact)\\b`` -> Trans, Pacific,
    Partnership, trade, pact."""
    source = _LETTER_CLASS.sub(lambda m: m.group(1), without_lookarounds(pattern))
    # (two letters are a word only in capitals, "EU": else a piece of an optional ending, "tough(?:er)?")
    # (nor is an ending written apart, "recogni[sz](?:e|ing|ation)")
    return [w for w in _LETTERS.findall(_ESCAPE.sub(" ", source)) if (len(w) > 2 or w.isupper()) and w.lower() not in _ENDINGS]


_PREPOSITIONS = frozenset({"on", "for", "of", "to", "in", "against", "with", "from", "by", "over", "at", "about", "into"})
_CONJUNCTIONS = re.compile(r"\s+(?:and|or)\s+|[,/;]")


def label_heads(label: str) -> list[str]:
    """The head words of an issue's label, what it names: of each conjunct, the last word before a
    preposition, and a leading verb in -ing ("Pause on energy strikes" -> Pause; "Trans-Pacific
    Partnership" -> Partnership; "Free trade and trade deals (general)" -> trade, deals;
    "Pressing China on trade" -> Pressing, China)."""
    heads = []
    for part in _CONJUNCTIONS.split(re.sub(r"\([^)]*\)", " ", label)):
        words = term_words(part)
        before = next((n for n, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
        if before:
            heads.append(words[before - 1])
        if len(words) > 1 and words[0].lower().endswith("ing"):
            heads.append(words[0])
    return heads


@dataclass(frozen=True)
class IssueWords:
    """Per issue, the stems of the words it is named with and the words cut short in its patterns
    (matched as prefixes); per stem, how many issues share it."""

    stems: dict[str, frozenset[str]]
    prefixes: dict[str, frozenset[str]]
    spread: dict[str, int]
    heads: dict[str, frozenset[str]]

    def issues_of(self, forms: Iterable[str]) -> dict[str, frozenset[str]]:
        """For the forms of one text word (its lower case and lemma), each issue it may name and the
        stems it stands for there (a prefix counts as its own stem)."""
        stems = {stem(form) for form in forms if form}
        lowers = [form.lower() for form in forms if form]
        found: dict[str, frozenset[str]] = {}
        for issue, own in self.stems.items():
            hit = own & stems
            cut = {p for p in self.prefixes.get(issue, ()) if any(low.startswith(p) for low in lowers)}
            if hit or cut:
                found[issue] = frozenset(hit | cut)
        return found

    def name(self, issue: str, stems: Iterable[str]) -> bool:
        """Whether ``stems`` (of words close together) name the issue: they hold the head of its
        label (``label_heads``) and a word that names no other issue of the codebook.

        Why the head: without it, words of what the issue is about name it ("Russian oil" sanctions
        on Russia, "drone attacks" a pause on energy strikes, "workers who lost their jobs" help
        for workers hurt by trade): on the dev articles, loose matches of any two words of an issue
        (166) or of a word of its label and another (54) were mostly such mentions and lowered the
        rules' precision (actor level 0.77 -> 0.68 and 0.74); with the head (22) it stayed 0.77."""
        stems = set(stems)
        return bool(stems & self.heads.get(issue, frozenset())) and any(self.spread.get(s, 0) == 1 for s in stems)


def issue_words(issues: Iterable, stop_words: frozenset[str] = frozenset()) -> IssueWords:
    """The words of each issue (``core.knowledge.codebook.Issue``), ``stop_words`` left out."""
    stems: dict[str, frozenset[str]] = {}
    prefixes: dict[str, frozenset[str]] = {}
    heads: dict[str, frozenset[str]] = {}
    for issue in issues:
        heads[issue.id] = frozenset(stem(w) for w in label_heads(issue.label))
        words: list[str] = list(term_words(issue.label))
        cut: set[str] = set()
        for pattern in issue.patterns:
            source = pattern.pattern
            words += pattern_words(source)
            cut.update(m.group(1).lower() for m in _CUT_WORD.finditer(_ESCAPE_BUT_WORD.sub(" ", without_lookarounds(source))))
        for term in issue.terms:
            words += term_words(term)
        kept = [w for w in words if w.lower() not in stop_words]
        stems[issue.id] = frozenset(stem(w) for w in kept)
        prefixes[issue.id] = frozenset(c for c in cut if c not in stop_words)
    spread = Counter(s for own in stems.values() for s in own)
    for issue_id, own in prefixes.items():
        spread.update(p for p in own if p not in stems[issue_id])
    return IssueWords(stems, prefixes, dict(spread), heads)
