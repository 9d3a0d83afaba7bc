"""Small tests and trims over spaCy tokens that the attribution and stance rules share.

One definition each of negation, hedging and trimming; where the two rule sets read a cue
differently, the difference is a parameter whose name says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from core.extraction.words import ISSUE_DETERMINERS, ISSUE_PRONOUNS, QUOTE_MARKS, RELATIVE_TAGS
from core.knowledge.gazetteer import Knowledge, Lexicon


def require_lexicon(kb: Knowledge) -> Lexicon:
    """The knowledge's lexicon; the rules cannot run without one (load_knowledge always sets it)."""
    if kb.lexicon is None:
        raise ValueError("the knowledge has no lexicon: load it with core.knowledge.gazetteer.load_knowledge")
    return kb.lexicon


def negated(tok: Token, lex: Lexicon, deps: frozenset[str] | None = None) -> bool:
    """Whether ``tok`` has a negation among its children ("does not accept", "never said").

    A child with the ``neg`` dependency always counts; a word of the lexicon's ``negations`` counts
    when its dependency is in ``deps`` (any dependency when None). The stance rules pass
    ``NEGATION_DEPS`` so that "neither ... nor" coordination does not flip a polarity; the
    attribution rules take any ("would neither confirm nor deny" leaves a claim unconfirmed)."""
    return any(
        (c.dep_ == "neg" or c.lower_ in lex.negations and (deps is None or c.dep_ in deps)) and not is_vote_answer(c, tok, lex)
        # "no longer backs the levy": "longer" with its "no"
        or c.lower_ == "longer" and c.dep_ == "advmod" and any(g.lower_ == "no" for g in c.children)
        for c in tok.children
    )


def is_vote_answer(word: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether a word after a verb is its answer (the lexicon's ``vote_answers``: "voted no",
    "voting yes"), which with the verb makes a cue the lexicon knows ("vote no"), not a negation."""
    return word.lower_ in lex.vote_answers and word.i > verb.i and not any(word.children) \
        and word.dep_ in ("advmod", "dobj", "intj", "npadvmod", "neg") and lex.polarity(f"{verb.lemma_.lower()} {word.lower_}") is not None


# The dependencies a negation word has when it negates its head ("no", "not", "never").
NEGATION_DEPS = frozenset({"neg", "det", "advmod"})
# The dependencies a hedge word has when it weakens its head ("may have said", "reportedly rejected").
HEDGE_DEPS = frozenset({"aux", "advmod"})


def is_hedge_word(tok: Token, lex: Lexicon) -> bool:
    """Whether the token is a word of the lexicon's ``hedges`` (by its form or its lemma)."""
    return tok.lower_ in lex.hedges or tok.lemma_.lower() in lex.hedges


def hedged(tok: Token, lex: Lexicon, *, itself: bool = False, deps: frozenset[str] | None = None) -> bool:
    """Whether ``tok`` is weakened by a hedge: a child that is a hedge word with a dependency in
    ``deps`` (any when None) or, with ``itself``, the token itself ("appears", "seemed").

    The stance rules read a hedge along their path (``itself=True``, ``deps=HEDGE_DEPS``); the
    attribution rules only on the cue verb's children, whatever their dependency."""
    if itself and is_hedge_word(tok, lex):
        return True
    return any(is_hedge_word(c, lex) and (deps is None or c.dep_ in deps) for c in tok.children)


def strip_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """The character range ``start:end`` of ``text`` without leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def trim_punct(
    tokens: Iterable[Token], *, keep: str = QUOTE_MARKS, head: bool = True, tail_also: str = ""
) -> list[Token]:
    """``tokens`` without whitespace tokens and without punctuation at either end.

    Punctuation whose text is in ``keep`` stays (quotation marks belong to what was said by
    default); ``head=False`` keeps the start as it is; a last token whose text is in ``tail_also``
    (dashes before an attribution) is trimmed too."""
    span = [t for t in tokens if not t.is_space]
    if head:
        while span and span[0].is_punct and span[0].text not in keep:
            span = span[1:]
    while span and (span[-1].is_punct and span[-1].text not in keep or tail_also and span[-1].text in tail_also):
        span = span[:-1]
    return span


def char_range(tokens: Sequence[Token]) -> tuple[int, int]:
    """The character offsets from the first token's start to the last token's end."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def is_issue_anaphor(tok: Token, lex: Lexicon) -> bool:
    """Whether a token may refer back to an issue: "it", "this" as a pronoun, or a noun of the
    lexicon's ``issue_anaphora`` with a determiner or owner ("the proposal", "this plan", "such a
    deployment", "his idea")."""
    if tok.pos_ == "PRON" and tok.lower_ in ISSUE_PRONOUNS and tok.tag_ not in RELATIVE_TAGS:
        return tok.dep_ not in ("expl", "mark")
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.issue_anaphora:
        return False
    if states_its_content(tok):
        return False
    return any(c.dep_ == "poss" or c.dep_ in ("det", "predet", "amod") and c.lower_ in ISSUE_DETERMINERS for c in tok.children)


def states_its_content(noun: Token) -> bool:
    """Whether a noun such as "idea" or "plan" says itself what it is, and so refers to nothing
    before: "the idea of a water tax", "the plan to build the dam", "the proposal that talks
    resume". An owner named after "of" ("the proposal of Norway") says whose it is, not what."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            # (an owner: a name, a word tagged as one, or a noun with an owner or a country
            # adjective: "the proposal of Norway", "of the Peruvian government", "of its neighbour")
            if any(obj.dep_ == "pobj" and not (obj.pos_ == "PROPN" or obj.ent_type_
                                               or any(c.dep_ == "poss" or c.ent_type_ for c in obj.children))
                   for obj in child.children):
                return True
        elif child.dep_ == "acl" and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        ):
            return True
        elif child.dep_ in ("ccomp", "appos"):
            return True
    return False


def has_passive_aux(tok: Token) -> bool:
    """Whether a verb has a passive auxiliary ("was criticized", "to be reduced")."""
    return any(c.dep_ == "auxpass" for c in tok.children)


def of_objects(word: Token) -> list[Token]:
    """The objects of a word's "of" ("the terms of Kenya's plan", "most of the farmers", "an act
    of vandalism"), in order."""
    return [g for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def agent_objects(verb: Token) -> list[Token]:
    """Who a passive verb names after "by": the objects of its agent phrases ("accepted by
    Ukraine", "led by Rep. Baca")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


# Dependencies of a word that only modifies the next ("offshore", "the"): not the head of an issue's phrase.
MODIFIER_DEPS = frozenset({"advmod", "amod", "compound", "npadvmod", "nummod", "det", "punct"})


def phrase_head(span: Span) -> Token:
    """The token of a phrase (an issue match) whose head lies outside it. When the parser hangs
    several on the word above ("called [offshore drilling] essential": "offshore" an adverb of
    "called", "drilling" its complement), the last one that is no modifier: the phrase's head."""
    root = span.root
    if root.dep_ not in MODIFIER_DEPS:
        return root
    outside = [t for t in span if t.i != root.i and t.head.i == root.head.i and t.dep_ not in MODIFIER_DEPS]
    return outside[-1] if outside else root


def is_to_infinitive(tok: Token) -> bool:
    """Whether a verb is a to-infinitive ("to release"), not a participle ("refused, saying")."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_passive(tok: Token) -> bool:
    """Whether a verb is passive: a passive subject or auxiliary ("the plan was praised")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


# How far a walk up the tree goes by default (a sentence's clause rarely nests deeper).
MAX_PATH = 12


def path_up(tok: Token, limit: int = MAX_PATH) -> list[Token]:
    """``tok`` and its heads up to the root of its sentence (at most ``limit`` steps)."""
    path = [tok]
    while path[-1].head.i != path[-1].i and len(path) <= limit:
        path.append(path[-1].head)
    return path
