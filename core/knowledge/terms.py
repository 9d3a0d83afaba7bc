"""Codebook terms: words and phrases an analyst writes instead of regular expressions.

An issue may list ``terms:`` ("negotiate", "peace talks", "ceasefire") besides regex ``patterns:``.
Each term becomes one bounded regular expression that matches the term as written and the other
forms of its words: each word is reduced to its Snowball stem (the stemmer search engines use), and
the stem may be followed by a common English ending. So "negotiate" also matches "negotiations",
"negotiating" and "negotiator"; "sanction" matches "sanctions" and "sanctioned"; "policy" matches
"policies". Inside a word a hyphen or a space may appear or not ("ceasefire" matches "cease-fire"
and "cease fire", and "cease-fire" matches "ceasefire"), and the words of a phrase may be separated
by any white space or hyphens. Matching is case-insensitive and whole-word.

Stemming conflates a little more than a reader would ("elections" also matches "elected"); the
Codebook page's "Test patterns" shows every match of a draft on the corpus before it is saved.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex
import snowballstemmer

# English endings a stem may take (grammar, not knowledge of the world): inflections and the
# common derivations of the nouns and verbs issues are named with.
ENDINGS = (
    "s", "es", "e", "ed", "d", "ing", "er", "ers", "or", "ors", "ion", "ions", "ation", "ations",
    "ate", "ates", "ated", "ating", "ator", "ators", "ment", "ments", "al", "als", "ive", "ives",
    "y", "ies", "ied", "ity", "ities", "ence", "ences", "ance", "ances", "ist", "ists", "ism",
)
_ENDINGS_PATTERN = "|".join(sorted(ENDINGS, key=len, reverse=True))  # longest first
MAX_TERM_CHARS = 100
_HYPHEN_OR_SPACE = "[-\u2010\u2011 ]?"
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d+", re.UNICODE)


class TermError(ValueError):
    """A term that cannot be used; the message says why in one line."""


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a word, lower-cased ("negotiations" -> "negoti"): how a term's words
    are matched in their other forms, and how core.knowledge.issue_words compares words."""
    return _stemmer().stemWord(word.lower())


def _letters(word: str) -> str:
    """``word`` as a pattern in which a hyphen or a space may stand between any two letters."""
    return _HYPHEN_OR_SPACE.join(regex.escape(char) for char in word)


def _word_pattern(word: str) -> str:
    """The forms of one word: as written, or its stem followed by a common ending."""
    lower = word.lower()
    if lower.isdigit():
        return regex.escape(lower)
    root = stem(lower)
    forms = [_letters(lower)]
    if root != lower:
        forms.append(_letters(root))
    if root.endswith("i"):  # Snowball writes "policy" as "polici": the y comes back
        forms.append(_letters(root[:-1] + "y"))
    return f"(?:{'|'.join(forms)})(?:{_ENDINGS_PATTERN})?"


def term_words(term: str) -> list[str]:
    """The words of ``term``, hyphenated parts joined ("cease-fire" is one word, "ceasefire")."""
    return [m.group(0) for m in _WORD.finditer(term.replace("-", "").replace("\u2010", ""))]


def term_regex(term: str) -> str:
    """The regular expression a term stands for (case-insensitive flags are the codebook's)."""
    cleaned = " ".join(str(term).split())
    if not cleaned:
        raise TermError("a term cannot be empty")
    if len(cleaned) > MAX_TERM_CHARS:
        raise TermError(f"a term is at most {MAX_TERM_CHARS} characters; this one has {len(cleaned)}")
    words = term_words(cleaned)
    if not words:
        raise TermError(f"term {cleaned!r} has no word in it")
    between = "[\\s\\-\u2010\u2011]+"
    return r"(?<!\w)" + between.join(_word_pattern(w) for w in words) + r"(?!\w)"
