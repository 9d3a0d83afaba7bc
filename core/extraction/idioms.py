"""Idioms read as one word: "a non-starter", "dead on arrival", "a step in the right direction".

The lexicon's ``idioms`` are phrases that take a side only as a whole (each is also listed under
support, oppose or neutral). Before the mentions and statements are found, every occurrence is
merged into a single token whose lemma is the phrase, so the stance rules read "a non-starter" as
they read "a mistake": a noun with a side, wherever the parse puts it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from core.knowledge.gazetteer import Lexicon

_WORD_PARTS = re.compile(r"[^\W_]+|[-']")


def phrase_words(phrase: str) -> list[str]:
    """The tokens spaCy's English tokenizer makes of an idiom: words, with hyphens and
    apostrophes apart ("non-starter" -> non, -, starter)."""
    return _WORD_PARTS.findall(phrase.lower())


_indexes: dict[frozenset[str], dict[str, list[tuple[str, list[str], int]]]] = {}


def _index(idioms: frozenset[str]) -> dict[str, list[tuple[str, list[str], int]]]:
    """The idioms by an anchor word: the longest word after the first (the first may be inflected:
    "stays in place", "dragging its feet"), with the idiom's words and the anchor's place. A token
    that is no anchor costs one dictionary lookup (spaCy's Matcher took a tenth of the stance layer)."""
    index = _indexes.get(idioms)
    if index is None:
        index = {}
        for idiom in sorted(idioms):
            words = phrase_words(idiom)
            rest = range(1, len(words)) if len(words) > 1 else range(len(words))
            anchor = max(rest, key=lambda k: (len(words[k]), -k))
            index.setdefault(words[anchor], []).append((idiom, words, anchor))
        _indexes[idioms] = index
    return index


def _matches(doc: Doc, idioms: frozenset[str]) -> list[tuple[str, int, int]]:
    """(idiom, start, end) of every occurrence: the words as written, the first in any form."""
    index = _index(idioms)
    found = []
    for tok in doc:
        for idiom, words, anchor in index.get(tok.lower_, ()):
            start = tok.i - anchor
            if start < 0 or start + len(words) > len(doc):
                continue
            span = doc[start : start + len(words)]
            if all(t.lower_ == w or k == 0 and t.lemma_.lower() == w for k, (t, w) in enumerate(zip(span, words))):
                found.append((idiom, start, start + len(words)))
    return found


def merge_idioms(doc: Doc, lex: Lexicon) -> int:
    """Merge each idiom of the lexicon found in ``doc`` into one token (lemma: the idiom as
    listed; part of speech and place in the tree: those of the phrase's head). Occurrences that
    overlap a named entity or a longer idiom are left alone. Returns how many were merged."""
    if not lex.idioms or len(doc) == 0:
        return 0
    found = []
    taken: set[int] = set()
    matches = sorted(set(_matches(doc, lex.idioms)), key=lambda m: (m[1] - m[2], m[1]))  # longest first
    for idiom, start, end in matches:
        span = doc[start:end]
        if len(span) < 2 or any(i in taken for i in range(start, end)) or any(t.ent_type_ for t in span):
            continue
        if any(t.is_sent_start for t in span[1:]):
            continue  # (never across a sentence boundary)
        taken.update(range(start, end))
        found.append((span, idiom))
    if found:
        with doc.retokenize() as retokenizer:
            for span, idiom in found:
                root = span.root
                retokenizer.merge(span, attrs={"LEMMA": idiom, "POS": root.pos_, "TAG": root.tag_})
    return len(found)
