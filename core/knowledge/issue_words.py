"""The phrasings each issue is named with, read from its own codebook entry, as sets of words.

A codebook's patterns and terms name an issue in the word order and forms its author thought of;
news words it otherwise ("withdraw its troops" for the term "troop withdrawal", "exit taxes" for a
pattern ``\\bexit\\s+tax\\b``, "aid for workers displaced by trade" for ``aid\\s+for\\s+displaced\\s+
workers``). Users cannot be expected to write perfect regular expressions (issue 13, failure class
8), so a sentence also names an issue when **all the words of one of its phrasings** stand close
together in any order and form (``core.extraction.issue_matches``). This module gives those
phrasings: each term of the issue, its label, and each phrase a pattern spells out (its
alternatives and optional parts expanded, lookarounds left out: they are context, not the issue's
name), as the set of the Snowball stems of its words, English stop words left out; only phrasings
of two words or more. Opposite patterns and terms are left out: a loose match never turns a stance
round.

Why all the words of one phrasing, not any two words of the issue: the review of the first version
(which asked only for the label's head and one other word of the issue) found "cap taxi fares" read
as a rail fare cap and "the poor quality of school meals" as free school meals; a phrasing whose
words are all there is the issue's own name, reworded.

Nothing here knows any subject: everything comes from the codebook a user wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from re import _constants as _sre
from re import _parser

from core.knowledge.terms import ENDINGS, stem, term_words

# A pattern spells out at most this many phrases (alternatives and optional parts multiply): the
# rest are left out rather than let one pattern cost seconds at load.
MAX_PHRASES = 256
_ENDINGS = frozenset(ENDINGS) | {"tion", "ness"}
_GAP = "\0"  # a place in a phrase where any words may stand (\w+, a class of characters, ...)


class _TooMany(Exception):
    pass


def _phrases(items: Iterable, limit: int) -> list[str]:
    """The strings a parsed regular expression (``re._parser`` items) spells out, letters kept and
    everything else a word break; alternatives and optional parts expanded.

    (The standard library's own parser: the codebook's patterns are written in its syntax; one it
    cannot read, written for the ``regex`` module only, spells out nothing.)"""
    found = [""]
    for op, arg in items:
        if op is _sre.LITERAL:
            options = [chr(arg) if chr(arg).isalnum() else " "]  # ("CO2", "G7": digits are part of a word)
        elif op is _sre.IN:
            letters = [chr(a) for o, a in arg if o is _sre.LITERAL and chr(a).isalpha()]
            breaks = [1 for o, a in arg if o is _sre.CATEGORY and a is _sre.CATEGORY_SPACE or o is _sre.LITERAL and not chr(a).isalnum()]
            # (a class of letters inside a word, "globali[sz]ation", is one of them; of spaces or
            # hyphens a word break; any other class a gap)
            options = [letters[0]] if letters and len(letters) == len(arg) else [" "] if len(breaks) == len(arg) else [_GAP]
        elif op is _sre.BRANCH:
            options = [p for alternative in arg[1] for p in _phrases(alternative, limit)]
        elif op is _sre.SUBPATTERN:
            options = _phrases(arg[3], limit)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, _high, inner = arg
            once = _phrases(inner, limit)
            if any(_GAP in p for p in once):
                options = [_GAP]  # ("(?:\w+\s+){0,3}": any words)
            else:
                options = ([""] if low == 0 else []) + once
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            options = [" "]
        else:
            options = [_GAP]  # (any character, a category, a backreference)
        found = [f + o for f in found for o in options]
        if len(found) > limit:
            raise _TooMany
    return found


def pattern_phrases(pattern: str, limit: int = MAX_PHRASES) -> list[list[str]]:
    """The phrases a regular expression spells out, each as its words ("\\bsalmon\\s+(?:catch\\s+)?
    limits?\\b" -> [salmon, limit], [salmon, limits], [salmon, catch, limit], ...). Words next to a
    wildcard (``\\w*``) are cut off there and left out; so are endings written apart and words of
    one letter. Empty when the pattern spells out more than ``limit`` phrases or cannot be parsed."""
    try:
        parsed = _parser.parse(pattern)
        spelled = _phrases(parsed, limit)
    except (_TooMany, re.error, RecursionError, OverflowError):
        return []
    phrases = []
    for text in spelled:
        words = [w for w in re.split(r"\s+", text.strip()) if w]
        kept = [w for w in words if _GAP not in w and len(w) > 1 and w.lower() not in _ENDINGS]
        phrases.append(kept)
    return phrases


@dataclass(frozen=True)
class IssueWords:
    """Per issue, its phrasings as sets of word stems; per stem, the issues with a phrasing that has it."""

    phrasings: dict[str, tuple[frozenset[str], ...]]
    index: dict[str, frozenset[str]]
    # (the answer of issues_of for the forms seen so far: a text has few distinct words)
    _seen: dict[tuple[str, ...], dict[str, frozenset[str]]] = field(default_factory=dict, repr=False, compare=False)

    def issues_of(self, forms: Sequence[str]) -> dict[str, frozenset[str]]:
        """For the forms of one text word (its lower case and lemma), each issue one of whose
        phrasings has it, and the stems it stands for."""
        key = tuple(forms)
        known = self._seen.get(key)
        if known is not None:
            return known
        found: dict[str, set[str]] = {}
        for s in {stem(form) for form in forms if form}:
            for issue in self.index.get(s, ()):
                found.setdefault(issue, set()).add(s)
        answer = {issue: frozenset(stems) for issue, stems in found.items()}
        if len(self._seen) < 100_000:
            self._seen[key] = answer
        return answer

    def named(self, issue: str, stems: Iterable[str]) -> bool:
        """Whether ``stems`` hold every word of one of the issue's phrasings."""
        have = set(stems)
        return any(phrasing <= have for phrasing in self.phrasings.get(issue, ()))


def issue_words(issues: Iterable, stop_words: frozenset[str] = frozenset()) -> IssueWords:
    """The phrasings of each issue (``core.knowledge.codebook.Issue``), ``stop_words`` left out."""
    phrasings: dict[str, tuple[frozenset[str], ...]] = {}
    index: dict[str, set[str]] = {}

    def stem_sets(texts: Iterable[str], patterns: Iterable) -> set[frozenset[str]]:
        # (a hyphenated word is two words here, as the tagger splits it in text: "anti-dumping")
        written = [term_words(text.replace("-", " ")) for text in texts]
        written += [p for pattern in patterns for p in pattern_phrases(pattern.pattern)]
        return {frozenset(stem(w) for w in words if w.lower() not in stop_words) for words in written}

    for issue in issues:
        # (not the words of the problem the issue acts against, "climate change" in the label
        # "Climate change": they would be found as the issue itself, and a side on them not turned)
        sets = stem_sets((issue.label, *issue.terms), issue.patterns) - stem_sets(issue.problem_terms, issue.problem_patterns)
        own = tuple(sorted((s for s in sets if len(s) >= 2), key=sorted))
        phrasings[issue.id] = own
        for s in {w for phrasing in own for w in phrasing}:
            index.setdefault(s, set()).add(issue.id)
    return IssueWords(phrasings, {s: frozenset(ids) for s, ids in index.items()})
