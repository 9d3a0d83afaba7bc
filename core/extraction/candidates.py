"""Candidates: every (holder, issue) pair an analyst could mean, per sentence, with its features.

The stance rules (``core.extraction.stance``) decide at once who holds which view; they are precise
on the wordings they were written for and blind to the rest. The candidates are the broad first
step of a learned scorer: for each sentence, every issue the codebook matches in it (and, when the
sentence refers back with "the proposal", "this plan" or "it", the issues of the sentence before),
paired with every actor that could hold a view on it, found

* by syntax, from the issue match up its clause: the ``subject`` or passive ``agent`` of a
  predicate, the ``possessor`` of a noun ("Lima's demand for X"), the ``experiencer`` of an
  adjective ("unacceptable to X"), the subject or agent of a ``relative_clause`` ("a mission,
  which has been floated by X");
* by attribution: the ``speaker`` of the statement the match sits in;
* by ``anaphora``: a pronoun ("he", "they") resolved to an actor;
* by ``cooccurrence``: any actor mentioned in the same sentence.

Each candidate carries the features a scorer needs (how the holder was found, distances, the
attribution kind, negation, hedges, questions, conditions, the governing cue) and today's rule
verdict for the same sentence, holder and issue. Nothing here decides a stance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from core.extraction.attribution import Statement
from core.extraction.issue_matches import sentence_matches
from core.extraction.mentions import ActorResolver, Mention
from core.extraction.stance import StanceClaim, StanceFinder, _in_conditional, _in_question, turned
from core.extraction.tokens import (
    HEDGE_DEPS,
    NEGATION_DEPS,
    hedged,
    is_issue_anaphor,
    negated,
    path_up,
    phrase_head,
    require_lexicon,
    strip_whitespace,
)
from core.extraction.words import (
    BODY_PRONOUNS,
    EXPERIENCER_PREPOSITIONS,
    OWNER_PREPOSITIONS,
    PERSON_PRONOUNS,
    RELATIVE_TAGS,
    SPEAKER_PRONOUNS,
    label_words,
)
from core.knowledge.codebook import Codebook, IssueMatch
from core.knowledge.gazetteer import Actor, Lexicon

HolderKind = Literal[
    "subject", "agent", "possessor", "experiencer", "relative_clause", "speaker", "anaphora", "cooccurrence"
]
# From the most to the least direct link: a holder found several ways keeps the first as its kind.
HOLDER_KINDS: tuple[HolderKind, ...] = (
    "subject", "agent", "possessor", "experiencer", "relative_clause", "speaker", "anaphora", "cooccurrence"
)
AttributionKind = Literal["direct", "indirect", "according_to", "none"]
# A pronoun may stand for any of the last few actors of its kind named this many tokens before it.
ANTECEDENT_WINDOW = 150
MAX_ANTECEDENTS = 3
# An anaphoric word ("the proposal", "it") may refer to an issue named this many sentences before.
ISSUE_LOOKBACK = 3
# The lexicon's polarity (+1, -1, 0) by name.
POLARITY_NAMES: dict[int | None, str] = {1: "support", -1: "oppose", 0: "neutral"}
# Direct quotations up to this length are the evidence themselves (as in the stance rows).
MAX_QUOTE_EVIDENCE = 400


@dataclass(frozen=True)
class Candidate:
    """One (holder, issue) pair of one sentence, with the features a scorer reads.

    Offsets are character offsets into the article. ``issue_start``/``issue_end`` are the issue's
    match in this sentence, or the anaphoric word ("the proposal") that refers to it, whose
    antecedent match (in the sentence before) is ``antecedent_start``/``antecedent_end`` (-1 when the
    issue is named in the sentence itself). ``path_length`` is the number of dependency arcs from
    the issue's head token to the holder's token (-1 when they are not in one tree: a speaker named
    in another sentence); ``token_distance`` the number of tokens between them (-1 likewise).
    ``rule_stance`` and ``rule_certainty`` are what the rule-based StanceFinder says for the same
    sentence, holder and issue ('' when it made no claim)."""

    article_id: str
    sentence: int
    actor: str
    actor_type: str
    country: str
    issue: str
    issue_start: int
    issue_end: int
    evidence_start: int
    evidence_end: int
    holder_kind: HolderKind
    holder_kinds: tuple[HolderKind, ...]
    holder_start: int
    holder_end: int
    path_length: int
    token_distance: int
    attribution: AttributionKind
    rule_stance: str
    rule_certainty: str
    negated: bool
    hedged: bool
    question: bool
    conditional: bool
    cue_lemma: str
    issue_anaphor: str = ""
    antecedent_start: int = -1
    antecedent_end: int = -1
    cue_polarity: str = ""  # the lexicon's reading of cue_lemma: support, oppose, neutral or ''
    speaker: str = ""  # the speaker of the innermost statement around the issue ('' when none)
    rule_any: str = ""  # the stance the rules gave anyone on this issue in this sentence ('' when none)
    clause_polarity: str = ""  # what the cues from the issue up its clause say, whoever holds it ('' none)
    # Is this actor the holder: named inside the words of a statement made by someone else ("Lima
    # said Quito must sign the accord": Quito), and what the lexicon says of the holder's own verb
    # when that is not the issue's governing verb ("Quito dismissed calls to sign the accord":
    # oppose); '' when no such verb or the lexicon does not know it.
    holder_in_content: bool = False
    holder_verb_polarity: str = ""
    # Where a negation sits: on the issue's governing verb ("cue": "did not sign the accord"), on
    # the issue's head ("issue": "no accord"), on a verb above the governing one ("above": "did
    # not say it would sign the accord"); '' when none.
    negation_scope: str = ""
    # Found by an opposite term or pattern of the issue ("fracking" for limits on fossil fuels):
    # every feature and the scorer's stance are about the words; the table turns the stance round
    # (not by a problem's: ``scored_as_opposite``).
    opposite: bool = False
    # Found by the issue's own words close together ("withdraw its troops"), not by a pattern or term
    # of the codebook (core.extraction.issue_matches).
    issue_loose: bool = False


@dataclass(frozen=True)
class _Found:
    """One holder found for one issue occurrence: the actor, how, and the token it was found at."""

    mention: Mention
    kind: HolderKind
    token: Token | None  # None for a speaker named outside the sentence


@dataclass(frozen=True)
class _Occurrence:
    """An issue in a sentence: its own match, or an anaphoric word referring to an earlier match."""

    issue: str
    tokens: Span
    anaphor: str = ""
    antecedent: IssueMatch | None = None
    opposite: bool = False  # found by an opposite term or pattern, or referring to such a match
    loose: bool = False  # found by the issue's own words close together, not by a pattern (core.extraction.issue_matches)


# ------------------------------------------------------------------------------------ tree helpers


def dependency_distance(a: Token, b: Token) -> int:
    """The number of dependency arcs between two tokens of one sentence (-1 when in two trees)."""
    # (a walk up ends at its sentence's root: the document's length bounds it as the sentence's
    # would, without Token.sent, which walks the document on every call)
    depth = {t.i: n for n, t in enumerate(path_up(a, len(a.doc)))}
    for n, t in enumerate(path_up(b, len(b.doc))):
        if t.i in depth:
            return depth[t.i] + n
    return -1


def span_root(doc: Doc, start_char: int, end_char: int) -> Token | None:
    """The token of a character range whose head lies outside it (None when it covers no token)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def governing_verb(head: Token, inside: set[int]) -> Token:
    """The nearest verb above the issue (outside its own tokens), else its sentence's root."""
    for tok in path_up(head)[1:]:
        if tok.i not in inside and tok.pos_ in ("VERB", "AUX"):
            return tok
    return head.sent.root


def containing_statements(statements: list[Statement], start: int, end: int) -> list[Statement]:
    """The statements around a character range, innermost (shortest) first."""
    around = [st for st in statements if st.start_char <= start and end <= st.end_char]
    return sorted(around, key=lambda st: st.end_char - st.start_char)


# ------------------------------------------------------------------------------------ issues


def scored_as_opposite(matches: list[IssueMatch]) -> bool:
    """Whether the scorer reads a candidate on these matches (of one issue) as on an opposite
    match, learning and predicting the side on its words and turning it for the table: when every
    one is an opposite match, not a problem's ("climate change" for acting on it). On a problem the
    scorer learns and predicts the side on the issue itself: a mere mention of a problem is far
    more often by someone who wants it acted on, which the scorer's lean towards support then
    says; the rules' verdict it is given is the side on the issue too."""
    return bool(matches) and all(m.opposite and not m.problem for m in matches)


def issue_occurrences(
    doc: Doc,
    sent: Span,
    matches: list[IssueMatch],
    previous: list[IssueMatch],
    lex: Lexicon,
    named_before: dict[str, IssueMatch] | None = None,
    labels: dict[str, frozenset[str]] | None = None,
) -> list[_Occurrence]:
    """The issues of one sentence: its own matches, then each issue of ``previous`` (named in the
    sentences just before) that an anaphoric word of this sentence may refer to, and each issue
    named anywhere before (``named_before``) whose label has the anaphoric noun ("the agreement"
    for "Paris climate agreement"), unless the sentence names it itself."""
    found = []
    for match in matches:
        span = doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
        if span is not None and len(span):
            found.append(_Occurrence(match.issue, span, opposite=scored_as_opposite([match]), loose=match.loose))
    if not previous and not named_before:
        return found
    named = {occ.issue for occ in found}
    for tok in sent:
        if not is_issue_anaphor(tok, lex):
            continue
        # (a word that is itself a match, "these truces", may still refer to a more specific issue)
        # (an opposite occurrence only when every earlier match of the issue was one: "proposed a
        # mining ban to stop open-pit mining. Berg rejected the proposal" is the ban)
        referred = {m.issue: (m, scored_as_opposite([p for p in previous if p.issue == m.issue])) for m in previous}
        if tok.pos_ == "NOUN" and named_before and labels:
            for issue, match in named_before.items():
                if issue not in referred and (tok.lemma_.lower() in labels.get(issue, ()) or tok.lower_ in labels.get(issue, ())):
                    referred[issue] = (match, False)  # ("the bill" for the "Mining moratorium bill": the issue itself)
        for match, opposite in referred.values():
            if match.issue not in named:
                found.append(_Occurrence(match.issue, doc[tok.i : tok.i + 1], tok.text, match, opposite))
    return found


# ------------------------------------------------------------------------------------ holders


class CandidateFinder:
    """The candidates of one parsed Doc for one codebook (the Doc carries the mentions and
    statements of ``core.extraction.components``)."""

    def __init__(self, doc: Doc, codebook: Codebook, article_id: str = "", resolver: ActorResolver | None = None,
                 statements: list[Statement] | None = None) -> None:
        self.doc = doc
        self.codebook = codebook
        self.article_id = article_id
        resolver = resolver if resolver is not None else doc._.actor_resolver
        if resolver is None:
            raise ValueError("the Doc has no actor mentions: parse it with the pipeline of core.extraction.nlp")
        self.resolver: ActorResolver = resolver
        self.text = resolver.text_of(doc)
        self.lex: Lexicon = require_lexicon(resolver.kb)
        self.finder = StanceFinder(doc, resolver, statements if statements is not None else list(doc._.statements or []), codebook)
        # The statements the stance rules frame their holders with (narrative ones left out).
        self.statements: list[Statement] = self.finder.statements
        self.claims = self.finder.claims()
        self.verdicts = rule_verdicts(self.claims)
        self.sentence_verdicts: dict[tuple[int, str], str] = {}
        for claim in self.claims:
            # (the side on the issue: each candidate reads it back on its own words, _of_occurrence)
            self.sentence_verdicts.setdefault((claim.sentence, claim.issue), claim.issue_stance)

    def _actors(self, tok: Token, kind: HolderKind, prefer: Mention | None = None) -> list[_Found]:
        """The actors a token stands for, as holders of ``kind`` (a resolved pronoun is anaphora)."""
        found = []
        for mention in self.resolver.actors_of(tok, prefer):
            at = tok  # a pronoun's antecedent may be sentences away: the pronoun is where it holds
            if tok.pos_ != "PRON" and mention.start >= 0 and self.doc[mention.start].sent.start == tok.sent.start:
                at = self.doc[mention.start : mention.end].root  # "Peru and Chile": each its own token
            found.append(_Found(mention, "anaphora" if tok.pos_ == "PRON" else kind, at))
        return found

    def _clause_holders(self, verb: Token, kind: HolderKind) -> list[_Found]:
        """Subject and passive agent of a predicate; a relative pronoun subject stands for the
        antecedent ("Trump, who threatened X": Trump)."""
        found: list[_Found] = []
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.tag_ in RELATIVE_TAGS or child.lower_ == "that" and verb.dep_ == "relcl":
                    found += self._actors(self.resolver.relative_antecedent(verb.head), "relative_clause")
                else:
                    found += self._actors(child, kind)
            elif child.dep_ == "agent":
                found += [f for g in child.children if g.dep_ == "pobj" for f in self._actors(g, "agent" if kind == "subject" else kind)]
        return found

    def _owners(self, noun: Token) -> list[_Found]:
        """The owner of a noun: "Lima's demand", "the decision by the board"."""
        found: list[_Found] = []
        for child in noun.children:
            if child.dep_ == "poss":
                found += self._actors(child, "possessor")
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
                found += [f for g in child.children if g.dep_ == "pobj" for f in self._actors(g, "agent")]
        return found

    def _experiencers(self, tok: Token) -> list[_Found]:
        """"unacceptable to X", "crucial for X": the object of an adjective's "to"/"for"."""
        adjectives = [c for c in tok.children if c.dep_ in ("amod", "acomp") and c.pos_ == "ADJ"]
        if tok.pos_ == "ADJ":
            adjectives.append(tok)
        found: list[_Found] = []
        for adj in adjectives:
            preps = [c for c in adj.children if c.dep_ == "prep" and c.lower_ in EXPERIENCER_PREPOSITIONS]
            if adj.dep_ == "acomp":
                preps += [c for c in adj.head.children if c.dep_ == "prep" and c.lower_ in EXPERIENCER_PREPOSITIONS]
            found += [f for p in preps for g in p.children if g.dep_ == "pobj" for f in self._actors(g, "experiencer")]
        return found

    def syntactic_holders(self, head: Token, inside: set[int], cues: frozenset[int] | set[int] = frozenset()) -> list[_Found]:
        """Holders from the dependency tree, walking from the issue's head to its sentence's root.
        The reporting verbs in ``cues`` are left out: their subject is the speaker."""
        found: list[_Found] = []
        for tok in path_up(head):
            if tok.i in cues and tok.pos_ in ("VERB", "AUX"):
                continue  # (a cue noun's owner is still its possessor: "Lima's demand for X")
            if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.dep_ in ("relcl", "acl"):
                kind: HolderKind = "relative_clause" if tok.dep_ == "relcl" and tok.i not in inside else "subject"
                found += self._clause_holders(tok, kind)
            if tok.pos_ in ("NOUN", "PROPN"):
                found += self._owners(tok)
            found += self._experiencers(tok)
            for child in tok.children:
                if child.dep_ in ("relcl", "acl") and child.i not in inside and child.pos_ in ("VERB", "AUX"):
                    # "a mission, which has been floated by X": the modifier clause's own holder.
                    found += [_Found(f.mention, "relative_clause", f.token) for f in self._clause_holders(child, "relative_clause")]
        return found

    def speakers(self, around: list[Statement]) -> list[_Found]:
        """The speakers of the statements around the issue."""
        found = []
        for st in around:
            if st.speaker is None:
                continue
            mention = Mention.of_speaker(st.speaker, st.speaker_mention, st.speaker_text)
            tok = span_root(self.doc, *st.speaker_mention) if st.speaker_mention else None
            found.append(_Found(mention, "speaker", tok))
        return found

    def sentence_holders(self, sent: Span, around: list[Statement]) -> list[_Found]:
        """Every actor of the sentence: pronouns resolved (anaphora; "we" in a quote is its
        speaker) and every actor mention (co-occurrence)."""
        found: list[_Found] = []
        speaker = next((st for st in around if st.speaker is not None), None)
        for tok in sent:
            low = tok.lower_
            if tok.pos_ != "PRON":
                continue
            if low in SPEAKER_PRONOUNS and speaker is not None and speaker.speaker is not None:
                found.append(_Found(Mention.of_speaker(speaker.speaker, speaker.speaker_mention, speaker.speaker_text), "anaphora", tok))
            elif low in PERSON_PRONOUNS | BODY_PRONOUNS and self.resolver.mention_at(tok) is None:
                found += [_Found(mention, "anaphora", tok) for mention in self.antecedents(tok)]
        for mention in self.resolver.mentions:
            if sent.start_char <= mention.start_char < sent.end_char and mention.start >= 0:
                found.append(_Found(mention, "cooccurrence", self.doc[mention.start : mention.end].root))
        return found

    def antecedents(self, pron: Token) -> list[Mention]:
        """The actors a pronoun may stand for: the resolver's reading first, then the other
        actors of the right kind (people for "he"/"she", bodies for "it"/"they") named or speaking
        shortly before, the most recent first, at most ``MAX_ANTECEDENTS`` in all."""
        wanted = ("person",) if pron.lower_ in PERSON_PRONOUNS else ("government", "organization", "group")
        found: list[Mention] = []
        first = self.resolver.resolve_pronoun(pron)
        if first is not None:
            found.append(first)
        earlier = [m for m in self.resolver.mentions if 0 <= m.start and m.end <= pron.i and pron.i - m.start <= ANTECEDENT_WINDOW]
        earlier += [
            Mention.of_speaker(st.speaker, st.speaker_mention, st.speaker_text)
            for st in self.statements
            if st.speaker is not None and st.speaker_mention is not None and st.speaker_mention[1] <= pron.idx
            and pron.idx - st.speaker_mention[1] <= ANTECEDENT_WINDOW * 6
        ]
        for mention in sorted(earlier, key=lambda m: -m.start_char):
            if len({m.actor for m in found}) >= MAX_ANTECEDENTS:
                break
            if mention.actor.actor_type in wanted and all(m.actor != mention.actor for m in found):
                found.append(mention)
        return found

    # -------------------------------------------------------------------------------- features

    def evidence(self, sent: Span, around: list[Statement]) -> tuple[int, int]:
        """The quotation around the issue when it is direct and short enough, else the sentence."""
        st = around[0] if around else None
        if st is not None and st.kind == "direct" and st.end_char - st.start_char <= MAX_QUOTE_EVIDENCE:
            return st.start_char, st.end_char
        return strip_whitespace(self.text, sent.start_char, sent.end_char)

    def clause_flags(self, head: Token, inside: set[int], sent: Span, verb: Token) -> tuple[bool, bool, bool, bool, str]:
        """Negation, hedge, question and condition of the clause governing the issue, and the
        lemma of ``verb``, its nearest governing verb (``governing_verb``; a phrasal verb when the
        lexicon lists it)."""
        steps = path_up(head)
        upto = steps[: next((n for n, t in enumerate(steps) if t.i == verb.i), len(steps) - 1) + 1]
        is_negated = negated(verb, self.lex, NEGATION_DEPS) or negated(head, self.lex, NEGATION_DEPS)
        is_hedged = any(hedged(t, self.lex, itself=True, deps=HEDGE_DEPS) for t in upto)
        end = max(t.idx + len(t.text) for t in (head, *[self.doc[i] for i in inside]))
        is_question = _in_question(self.text, end, sent.end_char)
        is_conditional = _in_conditional(head) or _in_conditional(verb)
        cue = self.finder._cue_lemma(verb) if verb.i not in inside else ""
        return is_negated, is_hedged, is_question, is_conditional, cue

    def negation_scope(self, head: Token, verb: Token) -> str:
        """Where the negation of the issue's clause sits (see ``Candidate.negation_scope``);
        ``verb`` is the issue's governing verb."""
        if negated(verb, self.lex, NEGATION_DEPS):
            return "cue"
        if negated(head, self.lex, NEGATION_DEPS):
            return "issue"
        steps = path_up(head)
        at = next((n for n, t in enumerate(steps) if t.i == verb.i), None)
        if at is not None and any(t.pos_ in ("VERB", "AUX") and negated(t, self.lex, NEGATION_DEPS) for t in steps[at + 1 :]):
            return "above"
        return ""

    def holder_details(self, tok: Token | None, head: Token, governing: Token, around: list[Statement],
                       holder_start: int, speaking: bool) -> tuple[bool, str]:
        """Whether a holder is named inside someone else's statement, and the lexicon's reading of
        its own verb when that is not ``governing``, the issue's governing verb (see the Candidate
        fields ``holder_in_content`` and ``holder_verb_polarity``)."""
        in_content = not speaking and any(st.start_char <= holder_start < st.end_char for st in around)
        if tok is None or tok.sent.start != head.sent.start:
            return in_content, ""
        word = tok
        while word.dep_ in ("conj", "appos") and word.head.i != word.i:  # "Lima and Quito": the first conjunct's verb
            word = word.head
        above = path_up(word.head.head if word.dep_ == "pobj" else word.head)  # "rejected by Quito": the preposition's head
        verb = next((t for t in above if t.pos_ in ("VERB", "AUX", "ADJ")), above[-1])
        if verb.i == governing.i:
            return in_content, ""
        return in_content, POLARITY_NAMES.get(self.lex.polarity(self.finder._cue_lemma(verb)), "")

    # -------------------------------------------------------------------------------- candidates

    def candidates(self) -> list[Candidate]:
        """Every candidate of the Doc, one per sentence, holder and issue, in sentence order."""
        found: list[Candidate] = []
        recent: list[list[IssueMatch]] = []  # the matches of the sentences before, the last one last
        named_before: dict[str, IssueMatch] = {}  # the latest match of every issue named so far
        labels = {issue.id: label_words(issue.label) for issue in self.codebook.issues}
        for n, sent in enumerate(self.doc.sents, start=1):
            matches = sentence_matches(self.codebook, sent, self.resolver)
            occurrences = issue_occurrences(self.doc, sent, matches, earlier_issues(recent), self.lex, named_before, labels)
            # (and the words the rules read as an earlier issue, where this sentence has none for it)
            present = {(occ.issue, occ.tokens.start) for occ in occurrences}
            for match in self.finder.referring_matches.get(n, []):
                span = self.doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
                if span is not None and len(span) and (match.issue, span.start) not in present:
                    occurrences.append(_Occurrence(match.issue, span, span.text, named_before.get(match.issue), scored_as_opposite([match])))
            best: dict[tuple[str, str], Candidate] = {}
            for occ in occurrences:
                for cand in self._of_occurrence(occ, sent, n):
                    key = (cand.actor, cand.issue)
                    if key not in best or _rank(cand) < _rank(best[key]):
                        kinds = _merged(best[key].holder_kinds, cand.holder_kinds) if key in best else cand.holder_kinds
                        best[key] = _with_kinds(cand, kinds)
                    else:
                        best[key] = _with_kinds(best[key], _merged(best[key].holder_kinds, cand.holder_kinds))
            found += best.values()
            recent = (recent + [matches])[-ISSUE_LOOKBACK:]
            named_before.update((m.issue, m) for m in matches)
        return found

    def _of_occurrence(self, occ: _Occurrence, sent: Span, n: int) -> Iterator[Candidate]:
        """The candidates of one issue occurrence: one per actor, with its most direct holder kind."""
        head = phrase_head(occ.tokens)
        inside = {t.i for t in occ.tokens}
        start, end = occ.tokens.start_char, occ.tokens.end_char
        around = containing_statements(self.statements, start, end)
        cues = {st.cue_token for st in around if st.cue_token is not None}
        holders = self.syntactic_holders(head, inside, cues) + self.speakers(around) + self.sentence_holders(sent, around)
        by_actor: dict[Actor, list[_Found]] = {}
        for holder in holders:
            if holder.token is not None and holder.token.i in inside:
                continue  # an actor inside the issue's own words ("Ukraine's NATO membership" stays a candidate by co-occurrence only when elsewhere)
            by_actor.setdefault(holder.mention.actor, []).append(holder)
        if not by_actor:
            return
        governing = governing_verb(head, inside)
        flags = self.clause_flags(head, inside, sent, governing)
        scope = self.negation_scope(head, governing)
        evidence = self.evidence(sent, around)
        attribution: AttributionKind = around[0].kind if around else "none"
        for actor, ways in by_actor.items():
            ways.sort(key=lambda f: HOLDER_KINDS.index(f.kind))
            first = ways[0]
            tok = first.token
            same_tree = tok is not None and tok.sent.start == head.sent.start
            verdict = self.verdicts.get((n, actor, occ.issue), ("", ""))
            in_content, verb_polarity = self.holder_details(tok, head, governing, around, first.mention.start_char, first.kind == "speaker")
            yield Candidate(
                article_id=self.article_id,
                sentence=n,
                actor=actor.name,
                actor_type=actor.actor_type,
                country=actor.country,
                issue=occ.issue,
                opposite=occ.opposite,
                issue_start=start,
                issue_end=end,
                evidence_start=evidence[0],
                evidence_end=evidence[1],
                holder_kind=first.kind,
                holder_kinds=tuple(dict.fromkeys(f.kind for f in ways)),
                holder_start=first.mention.start_char,
                holder_end=first.mention.end_char,
                path_length=dependency_distance(head, tok) if tok is not None and same_tree else -1,
                token_distance=abs(tok.i - head.i) if tok is not None and same_tree else -1,
                attribution=attribution,
                rule_stance=turned(verdict[0], occ.opposite),
                rule_certainty=verdict[1],
                negated=flags[0],
                hedged=flags[1] or any(st.hedged_cue or st.negated_cue for st in around[:1]),
                question=flags[2],
                conditional=flags[3],
                cue_lemma=flags[4],
                issue_anaphor=occ.anaphor,
                issue_loose=occ.loose,
                antecedent_start=occ.antecedent.start_char if occ.antecedent else -1,
                antecedent_end=occ.antecedent.end_char if occ.antecedent else -1,
                cue_polarity=POLARITY_NAMES.get(self.lex.polarity(flags[4]) if flags[4] else None, ""),
                speaker=next((st.speaker.name for st in around if st.speaker is not None), ""),
                rule_any=turned(self.sentence_verdicts.get((n, occ.issue), ""), occ.opposite),
                clause_polarity=POLARITY_NAMES.get(self.finder.match_polarity.get(start, 99), ""),
                holder_in_content=in_content,
                holder_verb_polarity=verb_polarity,
                negation_scope=scope,
            )


def earlier_issues(recent: list[list[IssueMatch]]) -> list[IssueMatch]:
    """One match per issue named in the sentences before (the latest match of each, the most
    recent issue first; a plain match before an opposite one: see ``all_opposite``): what an
    anaphoric word may refer to."""
    seen: dict[str, IssueMatch] = {}
    for matches in reversed(recent):
        for match in reversed(matches):
            if match.issue not in seen or seen[match.issue].opposite and not match.opposite:
                seen[match.issue] = match
    return list(seen.values())


def rule_verdicts(claims: list[StanceClaim]) -> dict[tuple[int, Actor, str], tuple[str, str]]:
    """The rules' (stance on the issue, certainty) per (sentence, actor, issue); the first claim wins."""
    verdicts: dict[tuple[int, Actor, str], tuple[str, str]] = {}
    for claim in claims:
        verdicts.setdefault((claim.sentence, claim.mention.actor, claim.issue), (claim.issue_stance, claim.certainty))
    return verdicts


def _rank(cand: Candidate) -> tuple[int, int, int]:
    """Which of two candidates for one actor and issue is kept: the most direct holder kind, a
    named issue before an anaphoric one, then the shortest path."""
    path = cand.path_length if cand.path_length >= 0 else 99
    return HOLDER_KINDS.index(cand.holder_kind), int(bool(cand.issue_anaphor)), path


def _merged(a: tuple[HolderKind, ...], b: tuple[HolderKind, ...]) -> tuple[HolderKind, ...]:
    """Both holder-kind lists, in the order of HOLDER_KINDS."""
    both = set(a) | set(b)
    return tuple(k for k in HOLDER_KINDS if k in both)


def _with_kinds(cand: Candidate, kinds: tuple[HolderKind, ...]) -> Candidate:
    """The candidate with its holder kinds replaced (it is frozen; the same one when they are its own:
    ``replace`` copies every field, and most candidates keep their kinds)."""
    return cand if cand.holder_kinds == kinds else replace(cand, holder_kinds=kinds)


def find_candidates(doc: Doc, codebook: Codebook, article_id: str = "") -> list[Candidate]:
    """Every (holder, issue) candidate of a parsed Doc (see :class:`CandidateFinder`)."""
    return CandidateFinder(doc, codebook, article_id).candidates()
