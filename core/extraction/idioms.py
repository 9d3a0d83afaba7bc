"""Idioms read as one word: "a red line", "a non-starter", "a step in the right direction".

The lexicon's ``idioms`` are phrases that take a side only as a whole (each is also listed under
support, oppose or neutral). Before the mentions and statements are found, every occurrence is
merged into a single token whose lemma is the phrase, so the stance rules read "a red line" as
they read "a mistake": a noun with a side, wherever the parse puts it.
"""

from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Doc

from core.knowledge.gazetteer import Lexicon

_WORD_PARTS = re.compile(r"[^\W_]+|[-']")


def phrase_words(phrase: str) -> list[str]:
    """The tokens spaCy's English tokenizer makes of an idiom: words, with hyphens and
    apostrophes apart ("non-starter" -> non, -, starter)."""
    return _WORD_PARTS.findall(phrase.lower())


_matchers: dict[tuple[int, frozenset[str]], Matcher] = {}


def _matcher(doc: Doc, idioms: frozenset[str]) -> Matcher:
    """One pattern per idiom as written, and one with its first word in any form ("stays in
    place", "steps in the right direction")."""
    key = (id(doc.vocab), idioms)
    matcher = _matchers.get(key)
    if matcher is None:
        matcher = Matcher(doc.vocab)
        for idiom in sorted(idioms):
            words = phrase_words(idiom)
            rest = [{"LOWER": w} for w in words[1:]]
            matcher.add(idiom, [[{"LOWER": words[0]}, *rest], [{"LEMMA": words[0]}, *rest]])
        _matchers[key] = matcher
    return matcher


def merge_idioms(doc: Doc, lex: Lexicon) -> int:
    """Merge each idiom of the lexicon found in ``doc`` into one token (lemma: the idiom as
    listed; part of speech and place in the tree: those of the phrase's head). Occurrences that
    overlap a named entity or a longer idiom are left alone. Returns how many were merged."""
    if not lex.idioms or len(doc) == 0:
        return 0
    found = []
    taken: set[int] = set()
    matches = sorted(set(_matcher(doc, lex.idioms)(doc)), key=lambda m: (m[1] - m[2], m[1]))  # longest first
    for match_id, start, end in matches:
        span = doc[start:end]
        if len(span) < 2 or any(i in taken for i in range(start, end)) or any(t.ent_type_ for t in span):
            continue
        if any(t.is_sent_start for t in span[1:]):
            continue  # (never across a sentence boundary)
        taken.update(range(start, end))
        found.append((span, doc.vocab.strings[match_id]))
    if found:
        with doc.retokenize() as retokenizer:
            for span, idiom in found:
                root = span.root
                retokenizer.merge(span, attrs={"LEMMA": idiom, "POS": root.pos_, "TAG": root.tag_})
    return len(found)
