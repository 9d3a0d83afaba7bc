"""A sentence's issues: the codebook's matches, and the issue named in its own words reworded.

A codebook's patterns and terms name an issue in the word order and forms its author thought of;
news words it otherwise ("withdraw its troops" for the term "troop withdrawal", "exit taxes" for a
pattern ``\\bexit\\s+tax\\b``). Users cannot be expected to write perfect regular expressions (issue
13, failure class 8), so besides the codebook's matches a sentence has **loose matches**: all the
words of one of the issue's phrasings (``core.knowledge.issue_words``: a term, the label, or a phrase
a pattern spells out; two words or more) close together, in any order and form. Both the stance
rules and the candidates read a sentence's issues from here; a loose match carries
``IssueMatch.loose``, which the scorer learns to weigh (feature ``issue_loose``).

Why: on the construction sets written for the US topics and for the Ukraine codebook, a third of the
expected rows were lost because no pattern matched their issue's wording at all; neither the rules
nor a scorer can find a position on an issue that is not there. What it cannot do: find an issue
named in other words ("the Pacific pact" for a "Trans-Pacific trade pact", "a glut of steel" for
overcapacity); a word with two senses is read in the issue's ("exchange fire with prisoners
present" names a prisoner exchange).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from core.extraction.mentions import ActorResolver
from core.extraction.tokens import require_lexicon
from core.extraction.words import HYPHENS
from core.knowledge.codebook import Codebook, IssueMatch
from core.knowledge.gazetteer import Lexicon, load_knowledge
from core.knowledge.issue_words import IssueWords
from core.knowledge.patterns import timeouts_so_far

# The words of an issue name it when close together: at most this many other tokens between two of
# them, and no punctuation but a hyphen.
LOOSE_GAP = 3
# Prepositions by which a word of doing names what it acts on: "action on climate change", "act on
# it" (a problem's words after them name the action, _problems_named_as_actions; not "against": "a
# law against gun violence" is read as against the problem, the rules reading "against" as a cue).
ACTION_PREPOSITIONS = frozenset({"on"})
_CACHE_KEY = "stance_tracker.loose_issue_matches"


def sentence_matches(codebook: Codebook, sent: Span, resolver: ActorResolver | None) -> list[IssueMatch]:
    """The issue matches of one sentence: the codebook's (``Codebook.find``), then its loose matches
    (``loose_matches``), in text order. Remembered on the Doc per codebook and sentence: the rules
    and the candidates each ask."""
    if resolver is None:
        return _problems_named_as_actions(codebook.find(sent.text, sent.start_char), sent)
    memo = sent.doc.user_data.setdefault(_CACHE_KEY, {})
    # (the digest covers every issue's patterns, terms and label; the codebook's matches change when
    # a pattern is switched off for running out of time; another resolver may see other actors)
    key = (codebook.digest or id(codebook), id(resolver), sent.start, sent.end, timeouts_so_far())
    found = memo.get(key)
    if found is None:
        exact = _problems_named_as_actions(codebook.find(sent.text, sent.start_char), sent, resolver.lex)
        loose = loose_matches(sent, codebook.words(), exact, resolver)
        found = memo[key] = sorted(exact + loose, key=lambda m: (m.start_char, m.end_char)) if loose else exact
    return list(found)


def _problems_named_as_actions(matches: list[IssueMatch], sent: Span, lexicon: Lexicon | None = None) -> list[IssueMatch]:
    """The matches with a problem's words that name the action against it made plain matches: a
    problem word that modifies a word of doing ("climate change legislation", "the global warming
    talks"), or after "on" with one ("urgent action on climate change", "act on it"): "backed
    climate change legislation" is support. The lexicon's ``problem_action_words`` (the default
    lexicon's when none is given); any other noun says something of the problem ("climate change
    deniers", "the climate change threat")."""
    if not any(m.problem for m in matches):
        return matches
    action_words = (lexicon or require_lexicon(load_knowledge())).problem_action_words
    found = []
    for match in matches:
        span = sent.doc.char_span(match.start_char, match.end_char, alignment_mode="expand") if match.problem else None
        if span is not None and len(span):
            root, above = span.root, span.root.head
            if root.dep_ == "pobj" and above.lower_ in ACTION_PREPOSITIONS:
                words = [above.head]
            else:
                # (up a chain of nouns: "a gun violence prevention bill")
                words, tok = [], root
                while tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i != tok.i and len(words) < 4:
                    tok = tok.head
                    words.append(tok)
            if any(not span.start <= w.i < span.end and w.lemma_.lower() in action_words for w in words):
                match = replace(match, opposite=False, problem=False)
        found.append(match)
    return found


def loose_matches(sent: Span, words: IssueWords, exact: Sequence[IssueMatch], resolver: ActorResolver) -> list[IssueMatch]:
    """Issues named in a sentence otherwise than the codebook's patterns and terms say: every word
    of one of the issue's phrasings (``IssueWords.named``) in a run of the issue's words close
    together (at most LOOSE_GAP other tokens between two of them, no punctuation but hyphens), in
    any order and form, two of them different and one a noun. Words of an actor's name do not count
    ("Russia sanctions" is not "sanctions on Russia": "Russia" may be who imposes them); a run that
    overlaps a codebook match is not one. At most one loose match per issue and sentence.

    ``sent`` must come from a Doc parsed by the pipeline of ``core.extraction.nlp`` (the resolver's)."""
    hits: dict[str, list[tuple[Token, frozenset[str]]]] = {}
    for tok in sent:
        if tok.is_stop or tok.is_punct or tok.is_space or not any(c.isalpha() for c in tok.text) or resolver.mention_at(tok) is not None:
            continue
        for issue, stems in words.issues_of((tok.lower_, tok.lemma_.lower())).items():
            hits.setdefault(issue, []).append((tok, stems))
    found = []
    for issue, toks in hits.items():
        for group in _close_groups(sent.doc, toks):
            stems = frozenset().union(*(own for _, own in group))
            if (not words.named(issue, stems) or len({t.lemma_.lower() for t, _ in group}) < 2
                    or not any(t.pos_ in ("NOUN", "PROPN") for t, _ in group)):
                continue
            start, end = group[0][0].idx, group[-1][0].idx + len(group[-1][0].text)
            if all(end <= m.start_char or m.end_char <= start for m in exact):
                found.append(IssueMatch(issue, start, end, loose=True))
                break
    return found


def _close_groups(doc: Doc, hits: list[tuple[Token, frozenset[str]]]) -> list[list[tuple[Token, frozenset[str]]]]:
    """The hits (in text order) in runs whose neighbours are at most LOOSE_GAP tokens apart with no
    punctuation between them but hyphens."""
    groups: list[list[tuple[Token, frozenset[str]]]] = []
    for hit in hits:
        last = groups[-1][-1][0] if groups else None
        between = doc[last.i + 1 : hit[0].i] if last is not None else None
        if between is not None and len(between) <= LOOSE_GAP and not any(t.is_punct and t.text not in HYPHENS for t in between):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups
