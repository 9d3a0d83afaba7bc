"""Stance detection: (actor, issue, stance) claims from issue mentions, their predicates and holders.

For every codebook match in a sentence the rules walk up the dependency tree from the match to the
top of its clause. Along the way they collect

* polarity cues: predicates from the lexicon ("accept" +1, "reject" -1, "discuss" neutral),
  negation ("does not accept"), inversion nouns in front of the issue ("a halt to" aid),
  evaluative side clauses ("..., threatening Russia's security");
* holders: the subject or passive agent of a predicate ("accepted by Ukraine"), the owner of a
  predicate noun ("Putin's requests"), the experiencer of an evaluative adjective ("unacceptable to
  Kyiv", "crucial for Moscow"), and finally the speaker of the statement the match sits in.

Each holder gets the product of the cues between the match and its predicate. A stance needs at
least one cue; a sentence that is a question carries none.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from core.extraction.attribution import Statement
from core.extraction.issue_matches import sentence_matches
from core.extraction.mentions import ActorResolver, Mention
from core.extraction.tokens import (
    HEDGE_DEPS,
    NEGATION_DEPS,
    agent_objects,
    has_passive_aux,
    hedged,
    is_issue_anaphor,
    is_passive,
    is_to_infinitive,
    is_vote_answer,
    negated,
    of_objects,
    path_up,
    phrase_head,
    require_lexicon,
    states_its_content,
    strip_whitespace,
)
from core.extraction.words import (
    ACCUSATION_PREPOSITIONS,
    BEING_COPULAS,
    BODY_PRONOUNS,
    CONDITION_PREPOSITIONS,
    CONDITIONAL_MARKS,
    COORDINATORS,
    DENYING_ECHO_MARKERS,
    ECHO_FREE_DEPS,
    ECHO_MARKERS,
    EXPERIENCER_PREPOSITIONS,
    FORMER_WORDS,
    FUNCTION_WORDS,
    GOAL_PREPOSITIONS,
    HYPHENS,
    IMPERSONAL_WORDS,
    ISSUE_DETERMINERS,
    NEG_RAISING_FRAMES,
    OTHER_VIEW_WORDS,
    PERSON_SUBJECT_PRONOUNS,
    PLACE_ADVERBS,
    PLURAL_PRONOUNS,
    RELATIVE_TAGS,
    SAME_VIEW_WORDS,
    SELF_SUBJECT_PRONOUNS,
    SPEAKER_PRONOUNS,
    SUBORDINATE_MARKS,
    TARGET_PREPOSITIONS,
    TEMPORAL_MARKS,
    WH_WORDS,
    label_words,
)
from core.knowledge.codebook import Codebook, IssueMatch
from core.knowledge.gazetteer import Actor, Lexicon

# Dependencies inside a noun phrase, up which a renaming noun finds the phrase it renames.
_NOUN_PHRASE_DEPS = frozenset({"pobj", "prep", "conj", "compound", "amod", "poss", "case", "nummod", "det", "cc"})


@dataclass
class StanceClaim:
    mention: Mention
    issue: str
    stance: str
    certainty: str
    attribution: str
    source: str
    evidence: tuple[int, int]
    sentence: int
    confidence: float
    # Found by an opposite term or pattern of the issue ("fracking" for limits on fossil fuels):
    # ``stance`` is the side on the words; the table turns it round (``issue_stance``)
    opposite: bool = False

    @property
    def issue_stance(self) -> str:
        """The side on the issue itself."""
        return turned(self.stance, self.opposite)


def all_opposite(matches: list[IssueMatch]) -> bool:
    """Whether a word referring back to these matches (of one issue) is an opposite match: only
    when every one is ("proposed a mining ban to stop open-pit mining. Berg rejected the proposal":
    the proposal is the ban)."""
    return bool(matches) and all(m.opposite for m in matches)


def all_problem(matches: list[IssueMatch]) -> bool:
    """Whether a word referring back to these matches (of one issue) stands for the problem the
    issue acts against: only when every one names it ("climate change is real ... we must fight it")."""
    return bool(matches) and all(m.problem for m in matches)


def referring_match(issue: str, tok: Token, matches: list[IssueMatch]) -> IssueMatch:
    """A word (``tok``) referring back to these matches of ``issue``: an opposite match when every
    one is (``all_opposite``), a problem match when every one is (``all_problem``)."""
    return IssueMatch(issue, tok.idx, tok.idx + len(tok.text), all_opposite(matches), problem=all_problem(matches))


def turned(stance: str, opposite: bool) -> str:
    """A side on an opposite match's words as a side on its issue, or back (the turn is its own
    inverse): support for oppose and back when ``opposite``; neutral (and anything else) stays."""
    return {"support": "oppose", "oppose": "support"}.get(stance, stance) if opposite else stance


@dataclass
class _Holder:
    mentions: list[Mention]
    polarity: int
    neutral: bool  # a neutral cue ("discuss") and no polar one
    has_cue: bool
    hedged: bool
    is_speaker: bool
    reported_by: str = ""  # "Putin accused Ukraine of derailing X": Ukraine's view, per Putin
    # Found in a modifier of a noun ("conditions unacceptable to Kyiv", "a mission, which Norway
    # floated"): a description, the journalist's own when the speaker does not assert the statement
    # ("Witkoff would not confirm that ...").
    descriptive: bool = False
    attribution: str = ""  # how the holder's own words are conveyed outside a statement ("indirect")
    # The owner of a stance noun the issue hangs on ("Brazil's proposal for a truce"): its own
    # side, whatever is said of the noun above it by others
    owns_noun: bool = False


@dataclass
class _Walk:
    """The state of one walk from an issue match up its clause (``StanceFinder._holders``): what
    the cues read so far say, and the holders found."""

    in_match: set[int]  # token indices of the match
    statement: Statement | None  # the statement the match sits in
    speech_cue: bool  # the statement rests on a reporting word (its cue ends the walk)
    top: Token | None  # the statement's cue token, where the walk stops
    renamed: dict[int, list[Token]]  # renaming nouns by the noun phrase they rename
    renamed_tokens: set[int]
    polarity: int = 1
    neutral: bool = False  # a neutral cue ("discuss") was read
    has_cue: bool = False
    hedged: bool = False
    polar: bool = False  # any +1/-1 cue seen: then neutral cues ("plans to discuss X") do not count
    judged: bool = False  # an effect judged the issue ("would destroy jobs"): a fear of it is not turned again
    # what the issue was asked for is settled ("offered to withdraw in return for X": the
    # subject wants X): no cue above is read any more, only the holder
    settled: bool = False
    owned_noun: bool = False  # a stance noun with its owner was passed ("Armenia's proposal for X")
    conditional: bool = False  # the path crossed an "if"/"unless" clause
    others_act: bool = False  # an act of someone the knowledge does not know ("smugglers supplied weapons"): nobody's view
    # the clause whose impersonal subject judges someone's act ("it was a mistake that Congress
    # scrapped it"): the speaker of that clause judges, beside the act's doer
    fact_judge: Token | None = None
    relative_antecedent: Token | None = None  # the noun whose relative clause the walk ended at
    # a subject noun of a side whose owner is no actor ("the council's plans for a levy"): the
    # side is that owner's, and a speaker holds one only by judging it ("... would hurt farmers")
    foreign_side: Token | None = None
    withheld: list[Mention] = field(default_factory=list)  # who declined to say whether they back it: neutral
    # the match names the problem its issue acts against ("climate change"): the claim turns the
    # side round, unless the first word read is a reality word (``StanceFinder._apply_cue``)
    problem: bool = False
    seen_cues: set[int] = field(default_factory=set)  # tokens already read as cues
    holders: list[_Holder] = field(default_factory=list)

    def flip(self) -> None:
        """A negative cue or a negation: the polarity turns around."""
        self.polarity = -self.polarity

    def forget_side(self) -> None:
        """Every cue read so far says nothing after all ("did not call scrapping the levy a
        mistake"): the side is as before the first cue."""
        self.polarity, self.has_cue, self.polar, self.judged, self.neutral = 1, False, False, False, False

    def at_statement_cue(self, tok: Token) -> bool:
        """Whether ``tok`` is the reporting word of the statement: the walk ends there."""
        statement = self.statement
        return self.speech_cue and statement is not None and statement.cue_token is not None and tok.i == statement.cue_token

    def holder(self, mentions: list[Mention], *, is_speaker: bool = False, reported_by: str = "") -> _Holder:
        """A holder with the polarity read so far."""
        return _Holder(mentions, self.polarity, self.neutral and not self.polar, True, self.hedged, is_speaker, reported_by)


# An abbreviated name: "U.S.", "EU", "UK".
ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")
# Verbs that join a subject to what is said of it: "the release remains non-negotiable".
COPULAS = frozenset({"be", "remain", "stay"})
# Prepositions before a noun that then names a time or a place ("at the end of the summit").
TIME_PLACE_PREPOSITIONS = frozenset({"at", "by", "before", "after", "until", "till", "towards", "toward", "near", "since", "from"})
# Prepositions that join a stance noun to its issue ("objections to", "support for").
STANCE_OBJECT_PREPOSITIONS = frozenset({"to", "for", "of", "on", "against"})
# The prepositions after a noun of undoing that name what it undoes ("restrictions on", "removal
# of", "relief from", "a reduction in"), not whom it is for ("relief for")
INVERTED_OBJECT_PREPOSITIONS = frozenset({"on", "of", "from", "in"})
# Particles the parser may take for prepositions: with their verb, a phrasal cue when the lexicon
# lists one ("keep out", "pull out", "back away").
PARTICLES = frozenset({"out", "off", "away", "back", "up"})
# Cues that take a side only on the issue itself as their object, never through "of" ("passed
# copies of the bill to reporters" passes no bill), and not with a particle ("passed over the bill").
STRICT_OBJECT_CUES = frozenset({"pass"})
# Cues never read through "of" ("respect the outcome of the vote" is no support of the vote).
DIRECT_OBJECT_CUES = STRICT_OBJECT_CUES | {"respect", "observe"}
# Nouns of a proposal whose relative clause says what it would do ("a plan that would scrap the
# levy"), besides the lexicon's document nouns.
PROPOSAL_NOUNS = frozenset({"proposal", "plan", "measure", "amendment", "initiative", "package", "deal", "order", "rule"})
# Objects of a copula's "for" that make a time or a phrase, not a position: "is for now undecided",
# "was for the first time asked", "for the most part", "for good".
NON_POSITION_OBJECTS = frozenset({"now", "time", "moment", "while", "part", "once", "good"})
# The subordinators of a yes-or-no question: "asked whether she backed the levy", "asked if".
YES_NO_MARKS = frozenset({"whether", "if"})
# Subordinators of a concession or contrast: an effect under one is granted, not judged.
CONCESSIVE_MARKS = frozenset({"although", "though", "while", "whereas", "even"})
# Verbs by which a speaker holds the opposite of the words they report ("denied that ...").
DENIAL_VERBS = frozenset({"deny"})
# Words of fear whose content, when already judged, is not turned again ("fears the levy will
# destroy jobs" is against the levy once, not twice).
FEAR_WORDS = frozenset({"fear", "afraid", "fearful", "dread"})
# Nouns that stand for the fact their clause states: "deplored the fact that Congress scrapped it".
FACT_NOUNS = frozenset({"fact"})
# Named entities of time: an adjunct of an elliptical clause, "as did Cole on Tuesday" (not of place:
# "Cole was in Paris" is no echo).
ADJUNCT_ENTITIES = frozenset({"DATE", "TIME"})
# Nouns of number whose "of" names what is counted ("thousands of jobs").
QUANTITY_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "million", "millions", "dozen", "dozens",
                            "number", "lot", "lots", "tens"})


class StanceFinder:
    def __init__(self, doc: Doc, resolver: ActorResolver, statements: list[Statement], codebook: Codebook):
        self.doc = doc
        self.resolver = resolver
        # Statements the stance rules read as narrative (Statement.narrative) frame nothing here.
        statements = [st for st in statements if not st.narrative]
        self.statements = statements
        self._sentence_matches: list[tuple[int, int]] = []  # the issue matches of the sentence read now
        self.codebook = codebook
        self.lex: Lexicon = require_lexicon(resolver.kb)
        # Cues that take a side only in a given place (on their object, as their subject's cause,
        # on what they refuse or do: "the storm hurt the wind farms", "emissions declined after the
        # levy took effect"): never read as the predicate just before a match.
        self._placed_cues = (self.lex.object_only_cues | self.lex.cause_only_cues | self.lex.doubt_verbs
                             | self.lex.refusal_verbs | self.lex.own_act_verbs)
        self.text = resolver.text_of(doc)
        # every word or phrase the problem lists know (``_problem_word``)
        self._problem_words = frozenset(self.lex.problem_cues) | self.lex.reality_words
        self._renamed_cache: dict[int, dict[int, list[Token]]] = {}
        self._speech = {id(st): self._speech_cue(st) for st in statements}
        # What the cues on the path from each issue match up its clause say, whoever holds it: the
        # polarity (+1, -1, 0 for a neutral cue) by the match's start, for the learned scorer.
        self.match_polarity: dict[int, int] = {}
        # The words the rules read as an issue named before ("the plan", "the mine", "it"), by
        # sentence number: the candidates add them to their own (core.extraction.candidates).
        self.referring_matches: dict[int, list[IssueMatch]] = {}
        self._loose_nouns: dict[str, int] = {}  # noun lemma -> last sentence it stood for no issue
        # (issue, head noun) -> whether its match was an opposite one, and a problem one ("the
        # warming" after "global warming" is the problem again)
        self._opposite_heads: dict[tuple[str, str], tuple[bool, bool]] = {}
        self._term_heads_cache: dict[str, frozenset[str]] = {}
        # Nouns for actors, never an issue's head noun ("the Clinton campaign", "the farmers' union")
        lex = self.lex
        self._actor_nouns = lex.organization_nouns | lex.people_nouns | lex.person_nouns | lex.people_group_nouns | lex.state_nouns \
            | lex.group_nouns
        self._term_only_heads: set[tuple[str, str]] = set()  # (issue, head) known only from another of its terms

    # ---------------------------------------------------------------- helpers
    def _negated(self, tok: Token) -> bool:
        """A negation that flips a predicate's polarity ("does not accept", "no support"), or a
        subject under "neither ... nor" ("Neither Peru nor Chile has ruled out talks")."""
        if negated(tok, self.lex, NEGATION_DEPS):
            # ("will not agree to a truce unless the rebels pull back": a condition, not a refusal;
            # "will not lift the sanctions unless ..." still keeps them)
            lemma = self._cue_lemma(tok)
            accepting = self.lex.polarity(lemma) == 1 or any(
                c.dep_ == "prep" and self.lex.polarity(f"{lemma} {c.lower_}") == 1 for c in tok.children)  # ("vote for")
            return not (accepting and any(c.dep_ == "advcl" and _has_mark(c, frozenset({"unless"})) for c in tok.children))
        if tok.dep_ == "xcomp" and tok.head.lower_ in FUTURE_MARKERS and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and negated(tok.head, self.lex, NEGATION_DEPS):
            # ("is not going to accept the levy", "was never going to scrap it", "is not about to
            # sign it": the future denied is the verb's own negation)
            return True
        if tok.pos_ == "VERB" and any(c.dep_ == "dobj" and _nobody(c) for c in tok.children):
            return True  # ("the levy would hurt no one", "will harm nobody": an effect on no one is none)
        # (with its "nor": "Neither side has accepted X, Qatar said" is no negation of Qatar's)
        return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in c.children)
                   and any(g.dep_ == "cc" and g.lower_ == "nor" for g in c.children) for c in tok.children)

    def _cue_lemma(self, tok: Token) -> str:
        """The lemma the lexicon knows the token by: a phrasal verb ("rule out", "pull out") when
        listed; "too much" or "too little" for a measure judged by degree ("far too steep", "went
        too far": too much of it, against; "too small", "too timid": too little, for more of it;
        the lexicon's ``insufficiency_words``); else the plain lemma."""
        lemma = tok.lemma_.lower()
        for c in tok.children:
            # (a degree of the thing, not a feeling about it: "not too impressed by", "too keen on")
            if c.dep_ == "advmod" and c.lower_ == "too" and tok.pos_ in ("ADJ", "ADV") and tok.tag_ not in ("VBN", "VBG") \
                    and not any(p.dep_ in ("prep", "agent") and p.lower_ in ("by", "about", "with", "on", "of") for p in tok.children) \
                    and not any(p.dep_ in ("xcomp", "ccomp", "advcl") for p in tok.children):
                # ("too important to abandon", "too early to judge": with an infinitive the degree
                # says something else; left unread)
                return "too little" if lemma in self.lex.insufficiency_words or tok.lower_ in self.lex.insufficiency_words else "too much"
            if c.dep_ == "advmod" and c.lower_ in ("far", "much") and tok.pos_ == "VERB" and any(g.lower_ == "too" for g in c.children):
                return "too much"
        for c in tok.children:
            # ("backed away" is often an advmod, and "keep the dam out of the park" a prep; a
            # vote's answer an adverb, an object or an interjection: "voted no", "voting yes")
            if _is_particle(c, tok) or c.dep_ == "prep" and (c.lower_ in PARTICLES or tok.pos_ == "ADJ") or is_vote_answer(c, tok, self.lex):
                phrasal = f"{lemma} {c.lower_}"
                if self.lex.polarity(phrasal) is not None:
                    return phrasal
        if lemma in self.lex.quantity_senses and tok.pos_ == "VERB" and _to_a_quantity(tok, self.lex.measure_units) \
                and not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.quantity_limit_nouns | self.lex.penalty_nouns
                            for c in tok.children):
            # ("lift the retirement age to 67": raising it, not lifting a ban; a limit, a ban or a
            # penalty keeps the verb's own sense: "lifted the rent cap to 5 percent", "lifted
            # restrictions to 30 countries")
            return min(self.lex.quantity_senses[lemma], default=lemma)
        if self.lex.polarity(lemma) is None and tok.tag_ in ("VBG", "VBD", "VBN"):
            # (the lemmatizer's slips on inflected verbs: "gutting" -> "gutte"; the stems of the
            # form the lexicon knows instead: "gut"; a participle used as an adjective by its own
            # form: "is misguided", not "misguide")
            # (or parsed as a passive with no doer: "support for it is misguided")
            adjectival = (tok.dep_ in ("acomp", "oprd", "amod") or tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
                          and not any(c.dep_ == "agent" for c in tok.children)) \
                and not any(c.dep_ == "nsubjpass" and self._side_noun_value(c) is not None for c in tok.children)  # ("critics were misguided")
            stems = [*_verb_stems(tok.lower_), *([tok.lower_] if adjectival else [])]
            return next((stem for stem in stems if self.lex.polarity(stem) is not None), lemma)
        return lemma

    def _renamed_lists(self, sent: Span) -> dict[int, list[Token]]:
        """Renaming nouns after a dash or comma ("— demands rejected by Kyiv"), keyed by the top of
        the noun phrase right before the punctuation, which is what they rename."""
        if sent.start in self._renamed_cache:
            return self._renamed_cache[sent.start]
        found: dict[int, list[Token]] = {}
        self._renamed_cache[sent.start] = found
        for tok in sent:
            if tok.lemma_.lower() not in self.lex.renaming_nouns or tok.pos_ != "NOUN" or tok.dep_ not in ("appos", "conj", "dep", "npadvmod"):
                continue
            j = tok.i - 1
            while j > sent.start and self.doc[j].pos_ == "DET":
                j -= 1
            if j <= sent.start or self.doc[j].text not in ("—", "–", "-", ",", ":", "--"):
                continue
            last = self.doc[j - 1]
            top = last
            for _ in range(12):
                head = top.head
                if head.i == top.i or head.i >= tok.i:
                    break
                if top.dep_ in _NOUN_PHRASE_DEPS and head.pos_ in ("NOUN", "PROPN", "ADP", "ADJ", "NUM"):
                    if top.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX", "ADJ"):
                        break  # the object of a verb's preposition is the whole list
                    top = head
                else:
                    break
            if top.pos_ in ("NOUN", "PROPN"):
                found.setdefault(top.i, []).append(tok)
        return found

    def _conditioned_on(self, prep: Token) -> bool:
        """"conditional on", "made X conditional on", "conditioned on"."""
        if prep.lower_ not in CONDITION_PREPOSITIONS:
            return False
        head = prep.head
        if head.lemma_.lower() in self.lex.condition_words:
            return True
        complements = [c for c in head.children if c.dep_ in ("dobj", "oprd", "acomp", "ccomp", "xcomp")]
        return head.pos_ in ("VERB", "AUX") and any(
            g.lemma_.lower() in self.lex.condition_words for c in complements for g in [c, *c.children]
        )

    def _hedged(self, tok: Token) -> bool:
        """A predicate on the path that is a hedge or has one ("may accept", "seems to back")."""
        return hedged(tok, self.lex, itself=True, deps=HEDGE_DEPS)

    def _speech_cue(self, statement: Statement | None) -> bool:
        """Whether the statement rests on a reporting word ("said", a quote, "according to") rather
        than on a predicate that is itself a stance ("wants", "rejected", "his demand")."""
        if statement is None or statement.cue_token is None or statement.kind != "indirect":
            return True
        token = self.doc[statement.cue_token]
        cue = self._cue_lemma(token)
        if self._side_or_author(token) or token.pos_ == "VERB" and cue in self.lex.doubt_verbs:
            return False  # "has been a critic of the levy", "disputed the levy": the word is the stance
        return cue in self.lex.speech or self.lex.polarity(cue) is None

    def _statement_for(self, start: int, end: int) -> Statement | None:
        """The innermost statement around the match that a reporting word introduces. One resting on
        a stance predicate ("Russia wants X", "Denmark rejects X") is the journalist's narrative for
        the stance rules: the walk reads its cue as a predicate and its subject as the holder."""
        best = None
        for st in self.statements:
            if st.start_char <= start and end <= st.end_char and self._speech[id(st)]:
                if best is None or (st.end_char - st.start_char) < (best.end_char - best.start_char):
                    best = st
        return best

    def _inversion_before(self, match: IssueMatch, sent: Span, in_match: set[int]) -> Token | None:
        """An inversion noun shortly before the match ("a ban on foreign peacekeepers", "the
        refusal of NATO countries to accept it into the alliance"), read off the text so that a
        misparse does not hide it."""
        tokens = [t for t in sent if t.idx + len(t.text) <= match.start_char]
        window = tokens[-6:]
        for tok in reversed(window):
            if tok.is_punct and tok.text in ",;:()":
                return None
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "aux", "auxpass") and tok.i not in in_match \
                    and not (tok.lemma_.lower() in self.lex.inversions or tok.lower_ in self.lex.inversions):
                return None  # "would consider a ban and that he favored a levy": a verb of its own between
            if tok.lemma_.lower() in self.lex.inversions or tok.lower_ in self.lex.inversions:
                if (tok.dep_ == "compound" and (tok.head.lower_ in self.resolver.kb.roles or tok.head.pos_ == "PROPN")) \
                        or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or self.resolver.mention_at(tok) is not None:
                    continue  # a word of a name or a title, not a halt to anything: "Opposition leader Roe"
                if any(start <= tok.idx < end for start, end in self._sentence_matches):
                    continue  # a word of another issue's name ("defended the catch limits but ...")
                if tok.dep_ == "pobj" and tok.head.lower_ in TIME_PLACE_PREPOSITIONS:
                    continue  # "at the end of the summit", "by the end of the year": a time, not a halt
                if tok.pos_ in ("NOUN", "PROPN") and tok.i not in in_match:
                    return tok
                if tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.head.i in in_match:
                    return tok  # "the U.S. lifting sanctions" parsed as an adjective
        return None

    def _experiencers(self, tok: Token) -> list[tuple[list[Mention], int, bool]]:
        """"unacceptable to Kyiv (and to many of the EU countries)", "is crucial for Moscow": the
        experiencers, the adjective's weight and whether the adjective is attributive (a reduced
        relative describing a noun, "conditions unacceptable to Kyiv") rather than the predicate."""
        found = []
        adjectives = [c for c in tok.children if c.dep_ in ("amod", "acomp") and c.lemma_.lower() in self.lex.experiencer_adjectives]
        if tok.lemma_.lower() in self.lex.experiencer_adjectives:
            adjectives.append(tok)
        for adj in adjectives:
            weight = self.lex.experiencer_adjectives[adj.lemma_.lower()]
            preps = [c for c in adj.children if c.dep_ == "prep" and c.lower_ in EXPERIENCER_PREPOSITIONS]
            if adj.dep_ == "acomp":
                preps += [c for c in adj.head.children if c.dep_ == "prep" and c.lower_ in EXPERIENCER_PREPOSITIONS]
            mentions: list[Mention] = []
            for prep in preps:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    mentions += self.resolver.actors_of(obj)
                    mentions += self._coordinated_pp(obj, prep.lower_)
            if mentions:
                found.append((mentions, weight, adj.dep_ == "amod"))
        return found

    def _coordinated_pp(self, obj: Token, prep_word: str) -> list[Mention]:
        """"to Kyiv (and to many of the EU countries)": a repeated preposition right after the
        object coordinates with it, whatever the parser attached it to."""
        doc = obj.doc
        i = obj.right_edge.i + 1
        while i < len(doc) and (doc[i].is_punct or doc[i].lower_ in COORDINATORS) and doc[i].text not in ".;:":
            i += 1
        if i < len(doc) and doc[i].lower_ == prep_word and i - obj.right_edge.i <= 3:
            return [m for c in doc[i].children if c.dep_ == "pobj" for m in self.resolver.actors_of(c)]
        return []

    def _pronoun_holder(self, pron: Token, statement: Statement | None) -> list[Mention]:
        """A pronoun subject holds a view only when we know whom it means: "we"/"I" in a quote is
        the speaker; "they" after a sentence whose subject names several actors is those actors
        (``ActorResolver.plural_antecedent``); "it"/"they" is otherwise the speaker when that is a
        government or body (else it is often expletive: "it is not up to Russia"); "he"/"she"
        follows the resolver."""
        low = pron.lower_
        speaker = statement.speaker if statement is not None else None
        speaker_mention = (
            Mention.of_speaker(speaker, statement.speaker_mention, statement.speaker_text)
            if statement is not None and speaker is not None
            else None
        )
        if low in SPEAKER_PRONOUNS:
            return [speaker_mention] if speaker_mention else []
        group = self.resolver.plural_antecedent(pron) if low in PLURAL_PRONOUNS and statement is None else []
        if group:
            return group  # "Kenya and Uganda signed the pact. They also backed ...": both
        if low in BODY_PRONOUNS:
            return [speaker_mention] if speaker_mention and speaker_mention.actor.actor_type != "person" else []
        if low in PERSON_SUBJECT_PRONOUNS and speaker_mention is not None and speaker_mention.actor.actor_type == "person" \
                and statement is not None and statement.cue_token is not None and pron.dep_ == "nsubj" \
                and pron.head.dep_ == "ccomp" and pron.head.head.i == statement.cue_token and self.doc[statement.cue_token].dep_ == "conj" \
                and _has_object(self.doc[statement.cue_token].head):
            # "Macron met Zelensky and said he backed a truce": after a verb whose object is a
            # person, the subject of what the speaker says is the speaker (not the object named
            # last; "..., a spokeswoman for Ribeiro, said he ..." is left to the resolver)
            return [speaker_mention]
        if low in PERSON_SUBJECT_PRONOUNS and statement is None:
            # "Peskov said ... Putin's order ... He has accused Ukraine ...": a narrative pronoun
            # right after a statement continues its speaker, not the last name inside it.
            previous = self._previous_speaker(pron)
            if previous is not None:
                return [previous]
        return self.resolver.actors_of(pron)

    def _previous_speaker(self, pron: Token) -> Mention | None:
        """The person who spoke in a statement that ended shortly before the pronoun, when no other
        person is named in between."""
        best: Statement | None = None
        for st in self.statements:
            if st.end_char <= pron.idx and pron.idx - st.end_char <= 250 and st.speaker is not None and st.speaker.actor_type == "person":
                if best is None or st.end_char > best.end_char:
                    best = st
        if best is None or best.speaker is None:
            return None
        # Only when no other person is named between that statement and the pronoun.
        if any(m.actor.actor_type == "person" and m.actor != best.speaker and best.end_char <= m.start_char < pron.idx for m in self.resolver.mentions):
            return None
        return Mention.of_speaker(best.speaker, best.speaker_mention, best.speaker_text)

    def _owner_mentions(self, tok: Token, statement: Statement | None = None) -> list[Mention]:
        """Holders named by a predicate: subject, passive agent, or genitive owner of a noun."""
        mentions: list[Mention] = []
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            agents = agent_objects(tok)
            passive = is_passive(tok) or tok.dep_ == "acl" and tok.tag_ == "VBN"
            # (a participle the parser took for a passive one while it has a subject of its own:
            # "a move Chile condemned")
            for subj in (agents if agents else [s for s in subjects if s.dep_ == "nsubj"] if passive else subjects):
                if subj.tag_ in RELATIVE_TAGS and tok.dep_ == "relcl":
                    # "Trump, who has threatened Russia with sanctions": the antecedent.
                    mentions += self.resolver.actors_of(self.resolver.relative_antecedent(tok.head))
                    continue
                if subj.pos_ == "PRON":
                    mentions += self._pronoun_holder(subj, statement)
                    continue
                mentions += self.resolver.actors_of(subj)
                if not mentions and (body := self.resolver.members_body(subj)) is not None:
                    mentions.append(body)  # ("Members of the Green Party backed it": the party)
                if not mentions and subj.pos_ in ("NOUN",):
                    mentions += [m for c in subj.children if c.dep_ == "poss" for m in self.resolver.actors_of(c)]
                if not mentions and subj.lemma_.lower() in self.lex.document_nouns:
                    mentions += self._sponsors(subj)
                mentions += self._joined_by(subj)
            if subjects:
                mentions += self._joined_by(tok)
            elif not agents and tok.dep_ == "acl" and tok.tag_ == "VBG":
                # "Sen. Roe, still defending the levy, said ...", "Roe, one of the few senators
                # defending the levy": a participle describing a name (or what is set beside it)
                # is that name's doing
                described = tok.head
                of = described.head if described.dep_ == "pobj" and described.head.lower_ == "of" else None
                if of is not None and of.head.dep_ == "appos":
                    described = of.head  # ("Roe, one of the few senators defending ...", "a handful of": Roe)
                if described.dep_ == "appos":
                    described = described.head
                mentions += self.resolver.actors_of(described)
        elif tok.pos_ in ("NOUN", "PROPN"):
            mentions += [m for c in tok.children if c.dep_ == "poss" and not self._owned_by_local_subject(c)
                         for m in self.resolver.actors_of(c)]
            if not mentions:
                # "a Danish-led push to lower the voting age", "a Kenyan-backed campaign for the
                # levy": the actor hyphened to a participle of leading or backing owns a noun of
                # effort or proposal (lexicon hyphened_owned_nouns; not "a Danish-led study" or
                # "consortium", nor "a Chilean-opposed push", which is someone else's)
                if tok.lemma_.lower() in self.lex.hyphened_owned_nouns | self.lex.document_nouns:
                    mentions += [m for c in self._hyphened_participles(tok) if self.lex.polarity(self._cue_lemma(c)) != -1
                                 for m in self._hyphened_actors(c)]
            if not mentions and (tok.lemma_.lower() in self.lex.renaming_nouns | self.lex.owned_nouns or _has_infinitive(tok)):
                # ("a Chilean bid to scrap the levy", "US attempts to forge a truce": a noun of will
                # with its infinitive is its country's or body's, as a proposal is)
                mentions += self._proposal_owners(tok)
            if not mentions:
                mentions += self._position_sources(tok)
            if self._side_apposition(tok) and (named := self._described_by_apposition(tok)):
                # "Roe, a critic of the levy, said"; "Keane, Ireland's most prominent advocate of the
                # ban,": the country before the noun says where, not who
                mentions = [m for m in mentions if m.actor.actor_type != "government"] + named
            mentions += self._side_members(tok)  # "critics of the levy, including Sen. Roe, say"
            if self._named_side_of_owner(tok):
                # "the levy's fiercest critic, Rep. Roe, said": the name beside the noun
                mentions += [m for c in tok.children if c.dep_ == "appos" for m in self.resolver.actors_of(c)]
        return mentions

    def _position_sources(self, noun: Token) -> list[Mention]:
        """Whose position a noun of position is when it has no owner before it: who it comes from
        or is by ("opposition from Peru to the levy", "there was strong support from Uganda for the
        road", "criticism by Sen. Pike of the levy grew"), a named actor. Only a position said to
        exist: the subject of an asserted clause, or what "there is"; not one sought, feared, lost
        or lacked ("Chile sought support from Peru", "a lack of support from Peru": an object), not
        when it is denied ("no support from Peru", "hardly any", "opposition not from Peru") or said
        not to be there ("support from Peru is a myth", "remains in doubt", "lacking support from
        Peru": the lexicon's ``absent_position_words``), nor a noun without a side ("help from Peru")."""
        verb = noun.head
        if not self._position_noun(noun):
            return []
        there = noun.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)
        if noun.dep_ not in ("nsubj", "nsubjpass") and not there or verb.pos_ not in ("VERB", "AUX") \
                or self._negated(verb) or not self._asserted(verb) or _has_mark(verb, CONDITIONAL_MARKS):
            return []  # (an "if" the parser hangs on the verb itself: "If support from Peru materializes, ...")
        words = [w for c in noun.children for w in (c, *c.children)] + [c for c in verb.children if c.dep_ == "advmod"]
        if any(w.dep_ in ("det", "amod", "neg", "advmod") and w.lower_ in self.lex.position_denying_words for w in words):
            return []  # ("no support", "hardly any support", "there is scarcely any support")
        # ("is needed", "is a myth", "remains in doubt", a "lacking" the parser hangs on the noun;
        # only said to exist, not what "would" or "could" be: "support from Peru would be welcome")
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return []
        if self._said_absent(noun):
            return []
        return [m for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "by") and not any(c.dep_ == "neg" for c in p.children)
                for g in p.children if g.dep_ == "pobj" and self._named_owner(g) for m in self.resolver.actors_of(g)]

    def _position_noun(self, tok: Token) -> bool:
        """A noun of attitude with a side ("support", "opposition", "criticism": a ``nominal_cues``
        noun with a polarity), not a noun of act or object ("a lawsuit", "help")."""
        lemma = tok.lemma_.lower()
        return tok.pos_ == "NOUN" and lemma in self.lex.nominal_cues and self.lex.polarity(lemma) in (1, -1)

    def _received_side(self, tok: Token) -> int | None:
        """The side of a noun that takes one only as what an issue receives (lexicon
        ``received_nouns``: "fire", "plaudits"), by lemma or as written; None for any other."""
        return self.lex.received_nouns.get(tok.lemma_.lower(), self.lex.received_nouns.get(tok.lower_))

    @staticmethod
    def _predicates_of(noun: Token, with_clauses: bool = True) -> list[Token]:
        """What a clause says of its subject ``noun``: its verb, its attribute or complement ("is a
        myth", "is exaggerated"; with ``with_clauses`` False, not one that opens a clause of its
        own: "is unlikely to fade") and the object of its "in" ("remains in doubt")."""
        verb = noun.head
        said = [verb, *(c for c in verb.children if c.dep_ in ("attr", "acomp") and c.i != noun.i
                        and (with_clauses or not any(g.dep_ in ("xcomp", "ccomp") for g in c.children)))]
        return said + [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]

    @staticmethod
    def _listed(words: Iterable[Token], listed: frozenset[str]) -> bool:
        return any(w.lemma_.lower() in listed or w.lower_ in listed for w in words)

    def _said_absent(self, noun: Token) -> bool:
        """Whether a position noun, the subject of its clause, is said not to be there: "support
        from Peru is a myth", "Peru's backing remains in doubt", "is needed", or a "lacking" the
        parser hangs on the noun (lexicon ``absent_position_words``): no source holds it."""
        said = [*self._predicates_of(noun), *(c for c in noun.children if c.dep_ == "amod")]
        return self._listed(said, self.lex.absent_position_words)

    def _said_unreal(self, noun: Token) -> bool:
        """Whether a position noun, the subject of its clause, is said not to be there at all, by
        its predicate (lexicon ``unreal_position_words``: "Peru's support is a myth", "remains in
        doubt", "has evaporated"), not negated ("is not in doubt") and not the start of another
        clause ("is unlikely to fade"): then no one holds it, the speaker included (a position
        "needed" or "sought" is the speaker's wish: ``_said_absent`` is only about its source)."""
        return not self._negated(noun.head) and self._listed(self._predicates_of(noun, with_clauses=False), self.lex.unreal_position_words)

    def _subject_actors(self, subject: Token, statement: Statement | None) -> list[Mention]:
        """The actors a subject names, a pronoun resolved within its statement."""
        return self._pronoun_holder(subject, statement) if subject.pos_ == "PRON" else self.resolver.actors_of(subject)

    def _owned_by_local_subject(self, owner: Token) -> bool:
        """"nations have turned a corner in their willingness to ...": a possessive pronoun whose
        clause has a plain noun for subject (no actor) stands for that noun, not for an actor
        named before."""
        if owner.pos_ != "PRON":
            return False
        verb = next((t for t in path_up(owner.head, 5) if t.pos_ in ("VERB", "AUX")), None)
        return verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and self.resolver.mention_at(c) is None
                                        and not self.resolver.actors_of(c) for c in verb.children)

    def _joined_by(self, word: Token) -> list[Mention]:
        """Who shares a subject's act by a participle of the lexicon's ``joining_participles``:
        "Five Democrats, led by Rep. Baca, opposed the tax", "landowners testified against the
        pipeline, joined by the Water Alliance" (the participle on the subject or on the verb, or
        on what the subject is made "of": "a coalition of 19 states led by Ana Ruiz")."""
        words = [word, *(of_objects(word) if word.pos_ == "NOUN" else [])]
        joined = [m for w in words for c in w.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBN"
                  and c.lemma_.lower() in self.lex.joining_participles for g in agent_objects(c) for m in self.resolver.actors_of(g)]
        # ("several senators, including Ana Cole,", "Cole, along with Tom Reyes,", "Chile,
        # alongside Peru, rejected": the lexicon's inclusion_preps, on the subject after it or on
        # the verb before it; "rejected the levy, including its exemptions" names no one)
        verb = word.pos_ in ("VERB", "AUX")
        return joined + self._included(word, before=verb)

    def _included(self, word: Token, before: bool = False) -> list[Mention]:
        """The actors a word's inclusion prepositions name (after it, or before it when
        ``before``): "several senators, including Ana Cole,", "Chile, alongside Peru, rejected";
        after it, a relative clause of inclusion too ("critics, who include Ana Cole,")."""
        # (a verb's "like" after it too, behind a comma, ending its arguments: "opposes the levy, like
        # Sen. Cole", not "criticised senators, like Cole, for backing it"; not a copula's: "Like
        # Chile, Peru is a member of the bloc and opposes the levy" compares membership)
        named = [m for p in word.children if (p.dep_ == "prep" and (p.i < word.i if before else p.i > word.i)
                 or before and p.dep_ == "prep" and p.lower_ == "like" and p.i > 0 and self.doc[p.i - 1].lower_ == ","
                 and not any(c.i > p.i and c.dep_ in ("prep", "advcl", "xcomp", "dobj") for c in word.children))
                 and not (before and p.lower_ == "like" and word.lemma_.lower() in BEING_COPULAS)
                 for q in self._inclusion(p) for g in q.children if g.dep_ == "pobj" for m in self.resolver.actors_of(g)]
        if not before:
            # ("critics of the levy, who include Sen. Cole, say ...": a relative clause of inclusion)
            # (hung by the parser on the object of the noun's "of": "critics of the levy, who include")
            nouns = [word, *(o for o in of_objects(word) if not self._noun_for_someone(o))]
            named += [m for noun in nouns for rel in noun.children if rel.dep_ == "relcl" and rel.lemma_.lower() in self.lex.inclusion_verbs
                      and any(c.dep_ == "nsubj" and (c.lower_ == "who" or noun is word and _relative_word(c)) for c in rel.children)
                      and not self._negated(rel)
                      for obj in rel.children if obj.dep_ == "dobj" for o in (obj, *obj.conjuncts) for m in self.resolver.actors_of(o)]
        return named

    def _inclusion(self, prep: Token) -> list[Token]:
        """The preposition whose object a preposition of the lexicon's ``inclusion_preps`` names as
        members or companions of its head: itself ("including"), its second word ("along with",
        parsed as "with" under "along"), or itself after its first word ("such as"); [] if none."""
        before = self.doc[prep.i - 1].lower_ if prep.i > 0 else ""
        if prep.lower_ in self.lex.inclusion_preps or f"{before} {prep.lower_}" in self.lex.inclusion_preps:
            return [prep]
        return [c for c in prep.children if c.dep_ == "prep" and c.i == prep.i + 1 and f"{prep.lower_} {c.lower_}" in self.lex.inclusion_preps]

    def _plan_owner_holders(self, verb: Token, walk: _Walk) -> list[_Holder]:
        """"Under Kenya's proposal, the tariffs would be lifted", "under the plan put forward by
        Peru, ...": what a proposal or document someone owns would do to the issue is its owner's
        side (the owner by a genitive, a country's adjective, "by" or "from"; "under the terms of"
        it too). Only a clause that says what would or will happen ("would be lifted"), not what
        did ("under Kenya's plan, the tariffs were lifted" tells of the lifting)."""
        if not any(c.dep_ == "aux" and (c.lemma_.lower() in ("will", "would") or c.lower_ in ("'ll", "'d", "wo")) for c in verb.children):
            return []  # ("won't" is "wo" + "n't")
        owners: list[Mention] = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in self.lex.plan_prepositions:
                continue
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                if noun.lemma_.lower() == "term":  # "under the terms of Kenya's plan"
                    noun = next(iter(of_objects(noun)), noun)
                if noun.lemma_.lower() not in PROPOSAL_NOUNS | self.lex.document_nouns:
                    continue
                owners += [m for c in noun.children if c.dep_ == "poss" for m in self.resolver.actors_of(c)]
                # (not who rejected it: "under a proposal opposed by Chile")
                against = {m.start for c in noun.children if c.dep_ == "acl" and self.lex.polarity(self._cue_lemma(c)) == -1
                           for g in agent_objects(c) for m in self.resolver.actors_of(g)}
                owners += [m for m in self._proposal_owners(noun) if m.start not in against]
        return [walk.holder(owners)] if owners else []

    def _proposal_owners(self, noun: Token) -> list[Mention]:
        """Whose proposal, offer or demand it is when no owner is written before it: a country
        adjective ("a Brazilian proposal for a truce" is Brazil's) or "by"/"from" ("an offer from
        Oman", "a plan put forward by Kenya")."""
        found: list[Mention] = []
        for child in noun.children:
            # (an adjective only: in "a Ukraine ceasefire proposal" the noun says what it is about)
            if child.dep_ == "amod" and child.i < noun.i:
                # ("a joint Chilean-Peruvian proposal": each country of a hyphened pair)
                joined = [g for g in child.children if g.dep_ in ("amod", "compound") and _hyphened_to(g, child)]
                found += [m for word in (*joined, child) if (m := self._country_mention(word)) is not None]
            elif child.dep_ == "compound" and child.i < noun.i:
                # "a U.S. proposal", "an EU plan", "a United Nations plan": an abbreviated name, or
                # an organization's, before the noun is its origin ("a Ukraine ceasefire proposal"
                # names a subject)
                actors = self.resolver.actors_of(child)
                found += actors if ABBREVIATION.fullmatch(child.text) else [m for m in actors if m.actor.actor_type == "organization"]
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" and self._cue_lemma(noun.head) in self.lex.making_verbs \
                and not self._negated(noun.head) and not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            found += self._owner_mentions(noun.head)  # "Bolivia made a proposal for a levy" (not "made no proposal")
        return found + self._sponsors(noun)

    def _authored(self, below: Token | None, walk: _Walk) -> bool:
        """Whether the "of" below a noun of authorship has the issue itself as its object, or a
        document named by it ("the sponsor of the water tax bill"), or the issue owns the noun
        ("the levy's sponsor")."""
        def named_by_issue(c: Token) -> bool:
            return c.i in walk.in_match or c.lemma_.lower() in self.lex.document_nouns and any(
                g.dep_ == "compound" and g.i in walk.in_match for g in c.children)

        if below is not None and below.dep_ == "poss":
            return named_by_issue(below)  # "Roe, the levy's sponsor,"
        if below is None or below.dep_ != "prep" or below.lower_ != "of":
            return False
        return any(c.dep_ == "pobj" and named_by_issue(c) for c in below.children)

    def _named_side_of_owner(self, tok: Token) -> bool:
        """A noun of side or authorship whose owner is a thing and beside which a name is set: "the
        levy's fiercest critic, Rep. Roe," (the name holds the side on the owner)."""
        if tok.pos_ != "NOUN" or not self._side_or_author(tok) or _former(tok):
            return False  # (not "the levy's former critic")
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        # (or "its", standing for the issue: "Its fiercest critic, Councillor Nkosi, said")
        return owner is not None and (owner.pos_ == "NOUN" or owner.lower_ == "its") and any(
            c.dep_ == "appos" and self.resolver.actors_of(c) for c in tok.children)

    def _side_noun_pronoun(self, tok: Token) -> bool:
        """"its" owning, or "it" after the preposition of, a noun of side or authorship that
        describes a name ("Its fiercest critic, Councillor Nkosi,", "Nkosi, its most determined
        opponent,", "Dlamini, its chief sponsor,", "Nkosi, a determined opponent of it,"): a place
        where the pronoun stands for an issue."""
        if tok.pos_ != "PRON":
            return False
        if tok.lower_ == "its" and tok.dep_ == "poss":
            noun = tok.head
        elif tok.lower_ == "it" and tok.dep_ == "pobj" and tok.head.lower_ in SIDE_NOUN_PREPOSITIONS:
            noun = tok.head.head
        else:
            return False
        if noun.pos_ != "NOUN" or not self._side_or_author(noun) or _former(noun):
            return False
        return self._named_side_of_owner(noun) or noun.dep_ == "appos" and bool(self._described_by_apposition(noun))

    def _side_or_author(self, tok: Token) -> bool:
        """A noun for someone by their side on something ("critic", "supporter") or by having
        written or brought it in ("author", "sponsor"): the lexicon's side and authorship nouns."""
        return self._side_noun_value(tok) is not None or tok.lemma_.lower() in self.lex.authorship_nouns

    def _side_noun_value(self, tok: Token) -> int | None:
        """The side of a noun for someone by their side (lexicon ``side_nouns``: "critic", or a
        phrase whose noun alone takes no side, "driving force", "standard-bearer"); None when it is
        none."""
        key = _noun_phrase_key(tok, self.lex.side_nouns)
        return None if key is None else self.lex.side_nouns[key]

    def _result_polarity(self, verb: Token) -> int | None:
        """What the adjective of a verb of result says of the state it leaves ("make the country
        safer": +1, "make things worse": -1, "less safe": turned); None without one, or with a "for"
        ("harder for criminals")."""
        adjective = next((c for c in verb.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")
                          and (c.pos_ == "ADJ" or c.tag_ in ("RBR", "RBS"))), None)  # ("better" may be an adverb)
        if adjective is None or any(c.dep_ == "prep" and c.lower_ == "for" for c in adjective.children):
            return None
        value = self.lex.result_adjectives.get(adjective.lower_) or self.lex.result_adjectives.get(adjective.lemma_.lower())
        if value is None:
            value = self.lex.polarity(adjective.lemma_.lower())
        if value is None:
            value = self.lex.polarity(adjective.lower_)
        if value in (1, -1) and any(c.dep_ == "advmod" and c.lower_ == "less" for c in adjective.children):
            value = -value
        return value if value in (1, -1) else None

    def _side_apposition(self, tok: Token) -> bool:
        """A noun of side set beside a name ("Roe, a critic of the levy,"): it describes that name."""
        return tok.dep_ == "appos" and self._side_or_author(tok)

    def _side_noun_reaches(self, noun: Token, below: Token | None, walk: _Walk) -> bool:
        """Whether a noun for someone by their side, after a copula or in apposition, has its side
        on the issue: reached through its own preposition ("a critic of the dam", "the driving
        force behind the levy"; not "an adversary of Baxter on the casino", nor the issue in the
        subject: "the casino's owner, Ortega, is an enemy of the mayor"), on the issue rather than
        a body or people it names ("the public face of the pipeline company"), and describing an
        actor ("High prices were the driving force behind the runway decision" is no one's side,
        not the speaker's)."""
        # ("has become the casino's most unlikely convert": the issue owns the noun)
        owned_by_issue = below is not None and below.dep_ == "poss" and below.i in walk.in_match
        if not owned_by_issue:
            if below is None or below.dep_ != "prep" or below.lower_ not in SIDE_NOUN_PREPOSITIONS:
                return False
            if any(o.i not in walk.in_match and (o.lemma_.lower() in self.lex.organization_nouns | self.lex.people_nouns
                                                 or self.resolver.actors_of(o)) for o in below.children if o.dep_ == "pobj"):
                return False
        if noun.dep_ == "appos":
            return bool(self._described_by_apposition(noun))
        verb = noun.head
        if verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "has turned out to be the casino's unlikeliest convert"
        return any(self.resolver.actors_of(c) for c in verb.children if c.dep_ == "nsubj")

    def _described_by_apposition(self, noun: Token) -> list[Mention]:
        """Whom an apposition describes: the actors of the name it is set beside, only that name
        when the apposition comes before the name's conjunct ("Dlamini, a backer of the wind farm,
        and Nkosi, its fiercest opponent": the backer is Dlamini alone)."""
        head = noun.head
        if any(c.dep_ == "conj" and c.i > noun.i for c in head.children):
            mention = self.resolver.mention_at(head)
            return [mention] if mention is not None else []
        return self.resolver.actors_of(head)

    def _side_members(self, tok: Token) -> list[Mention]:
        """The named members of a noun of side that is a subject ("critics of the levy, including
        Sen. Roe, say ...", "supporters of the dam such as Chile"): each holds its side. Not an
        object: "lashed out at critics of the levy, including Roe" is read from above."""
        if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or self._side_noun_value(tok) is None:
            return []
        return self._included(tok)

    def _sponsors(self, document: Token) -> list[Mention]:
        """Who a document speaks for: "the joint statement by Norway and Canada", "a draft from
        Chile", "a resolution sponsored by Kenya", "the communique signed by Ghana"."""
        heads: list[Token] = []
        for child in document.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                heads += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "acl":
                heads += agent_objects(child)
        # (actors_of follows the coordination: "by Norway and Canada")
        return [m for head in heads for m in self.resolver.actors_of(head)]

    def _is_holder_clause(self, clause: Token) -> bool:
        """A modifier clause whose agent or subject holds a view on the noun it modifies (see
        :func:`_holder_clause`), or a relative clause of speech about it ("the pact, which the
        chancellor has said will never pass")."""
        return _holder_clause(clause) or self._speech_relative(clause) or self._willed_relative(clause)

    def _willed_relative(self, clause: Token) -> bool:
        """"the plan Lima wants to scrap", "the levy, which Chile has vowed to scrap": a relative
        clause whose subject (not the relative pronoun) wills an act on the noun it modifies
        (``_willed_act``)."""
        return clause.dep_ == "relcl" and not any(c.dep_ == "mark" for c in clause.children) \
            and any(c.dep_ == "nsubj" and not _relative_word(c) for c in clause.children) \
            and self._willed_act(clause) is not None

    def _speech_relative(self, clause: Token) -> bool:
        """"the pact, which Lund has said will never pass", "the treaty, which Norway says it will
        reject": a relative clause on a speech verb (no stance of its own) with a named subject and
        a clause saying something of the noun."""
        return (
            clause.dep_ == "relcl"
            and clause.lemma_.lower() in self.lex.speech
            and self.lex.polarity(self._cue_lemma(clause)) is None
            and any(c.dep_ in ("ccomp", "xcomp") for c in clause.children)
            and any(c.dep_ == "nsubj" and not _relative_word(c) for c in clause.children)
        )

    def _speech_relative_holders(self, verb: Token, walk: _Walk) -> list[_Holder]:
        """The speaker of a relative clause of speech holds the view its clause says of the noun:
        "which the chancellor has said will never pass" (oppose), "which Norway says it will
        reject" (oppose), "which Kenya says is essential" (support)."""
        speakers: list[Mention] = []
        for subj in (c for c in verb.children if c.dep_ == "nsubj" and not _relative_word(c)):
            speakers += self._subject_actors(subj, walk.statement)
        if not speakers:
            return []
        for comp in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            value = self._said_of_noun(comp)
            if value is not None:
                hedge = walk.hedged or self._hedged(verb) or self._hedged(comp)
                is_neutral = value == 0 and not walk.polar
                return [_Holder(speakers, walk.polarity * (value or 1), is_neutral, True, hedge, False, descriptive=True, attribution="indirect")]
        return []

    def _said_of_noun(self, comp: Token) -> int | None:
        """What the clause a speaker says of a noun makes of it: the noun's evaluation when the
        noun is the clause's subject ("is unacceptable", "will never pass": negated outcome verbs
        only), the verb's cue when the speaker's pronoun acts on it ("she will reject"); None
        when someone else's view or nothing is said ("which Lund said Kenya rejected", "will pass")."""
        # (the parser may hang the relative pronoun on the inner verb beside its own subject)
        subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and not _relative_word(c)]
        negation = -1 if self._negated(comp) else 1
        if not subjects:
            # The noun is the subject: an evaluation of it, or its fate.
            if comp.lemma_ == "be":
                for c in comp.children:
                    if c.dep_ in ("acomp", "attr"):
                        value = self.lex.polarity(c.lemma_.lower())
                        if value is None:
                            value = self.lex.experiencer_adjectives.get(c.lemma_.lower())
                        if value is not None:
                            return value * negation
                return None
            if comp.lemma_.lower() in self.lex.outcome_verbs and negation < 0:
                return -1
            return None
        if all(c.pos_ == "PRON" for c in subjects):
            # "which Norway says it will reject": the speaker acts on the noun (the clause's gap).
            if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in comp.children):
                return None
            value = self.lex.polarity(self._cue_lemma(comp))
            return None if value is None else value * negation
        return None

    def _modifier_holders(self, verb: Token, walk: _Walk) -> list[_Holder]:
        """The holder of a modifier clause ("a ceasefire already accepted by Ukraine"): its agent
        or subject, with the clause's own cue on top of the walk's polarity so far."""
        cue = self._cue_lemma(verb)
        value = self.lex.polarity(cue)
        if cue in self.lex.object_only_cues and any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children):
            return []  # "the levy, written about by Roe": the noun is the object of the preposition, not of the verb
        names = [w for c in verb.children if c.dep_ == "oprd" for w in self._evaluation(c)]
        if verb.lemma_.lower() in self.lex.naming_cues and names:
            # "the levy, which Roe called a terrible idea": what it is named, not "call for"
            value = next((v for w in names if (v := self.lex.polarity(w.lemma_.lower())) is not None), None)
            if value is not None and any(self._negated(w.head) for w in names if w.dep_ == "amod"):
                value = -value
        willed = self._willed_act(verb)
        if willed is not None:
            # "the levy, which Chile has vowed to scrap", "a reform the league wants to overturn",
            # "a licence the minister fought to secure": the will's side times the act's (before
            # speech: "vow" and "promise" are verbs of saying too)
            value = willed
        elif value is None and self._speech_relative(verb):
            return self._speech_relative_holders(verb, walk)
        owners = self._owner_mentions(verb)
        if value is None or not owners:
            return []
        sign = walk.polarity * (-1 if value < 0 else 1) * (-1 if self._negated(verb) else 1)
        is_neutral = value == 0 and not walk.polar or walk.neutral and not walk.polar
        return [_Holder(owners, sign, is_neutral, True, walk.hedged or self._hedged(verb), False, descriptive=True)]

    def _willed_act(self, verb: Token) -> int | None:
        """The side of a modifier clause whose verb is a will, wish or effort (lexicon
        ``intention_cues``, ``wanting_verbs``, ``effort_verbs``; ``refusal_verbs`` turned) on an
        infinitive that acts on the noun the clause modifies ("vowed to scrap", "fought hard to
        secure", "refused to sign"): the will's sign times the act's side; None when the verb is no
        such will, or the act takes no side or has an object of its own ("vowed to raise taxes"; the
        relative pronoun of "which Chile vowed to scrap" is the noun's)."""
        lemma = verb.lemma_.lower()
        if lemma not in self.lex.intention_cues | self.lex.wanting_verbs | self.lex.effort_verbs:
            return None
        # (an effort's infinitive may hang as a purpose clause: "fought hard to secure")
        deps = ("xcomp", "advcl") if lemma in self.lex.effort_verbs else ("xcomp",)
        act = next((c for c in verb.children if c.dep_ in deps and c.pos_ == "VERB"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if act is None or any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") and not _relative_word(c) for c in act.children):
            return None
        value = self.lex.polarity(self._cue_lemma(act))
        if value not in (1, -1):
            return None
        return -value if lemma in self.lex.refusal_verbs or self._negated(act) else value

    # ---------------------------------------------------------------- main walk
    def _holders(self, head: Token, in_match: set[int], match: IssueMatch, statement: Statement | None, sent: Span,
                 via: Token | None = None) -> list[_Holder]:
        """Everyone who holds a view on the match: the walk's holders (``_walk_holders``), and the
        owner of a proposal the match itself names ("Kenya's peace plan", with "peace plan" the
        issue: Kenya's, whatever is said of it)."""
        holders = self._walk_holders(head, in_match, match, statement, sent, via)
        # (also the noun the issue is a compound of: "the EU's sanctions package", with "sanctions"
        # the issue)
        noun = head.head if head.dep_ == "compound" and head.head.pos_ == "NOUN" else head
        if via is None and noun.pos_ == "NOUN" and noun.lemma_.lower() in self.lex.renaming_nouns | self.lex.owned_nouns \
                and not self._negated(noun):
            owners = [m for c in noun.children if c.dep_ == "poss" for m in self.resolver.actors_of(c)]
            owners = [m for m in owners if all(m.actor not in (o.actor for o in h.mentions) for h in holders)]
            # ("the EU's sanctions relief package": a package that undoes the issue)
            undone = any(c.dep_ == "compound" and head.i < c.i < noun.i and c.lemma_.lower() in self.lex.inversions for c in noun.children)
            if owners:
                holders.append(_Holder(owners, -1 if undone else 1, False, True, self._hedged(head), False, descriptive=True))
        if via is None:
            holders += [h for h in self._received_positions(noun) + self._fronted_participle_holders(noun) + self._prefixed_participle_holders(noun)
                        + self._side_prefix_holders(head, in_match) + self._favoured_cause_holders(noun)
                        if all(m.actor not in (o.actor for o in other.mentions) for other in holders for m in h.mentions)]
        return holders

    def _positions_beside(self, verb: Token, walk: _Walk) -> list[_Holder]:
        """Positions others take on the act on the issue, set beside it:

        - a concession (lexicon ``concessive_preps``): "approved the dam over objections from Chile",
          "despite opposition from Peru, scrapped the levy", "rejected the levy despite support from
          Kenya": whoever's position the act went against holds the other side of the act, whatever
          the noun (Chile against the dam, Peru and Kenya for the levy);
        - company ("passed the bill with the support of Kenya"): the act's side times the noun's;
        - a participle of drawing (lexicon ``drawing_participles``): "imposed the levy, drawing a sharp
          rebuke from Chile", "prompting criticism from Peru", "sparking a backlash from Peru" (a
          received noun): the act's side times the noun's.

        Not on a negated act ("did not approve the dam despite support from Chile" says nothing of
        Chile's side)."""
        if self._negated(verb):
            return []
        found = []
        for side in verb.children:
            if side.dep_ in ("advcl", "xcomp", "conj") and side.tag_ == "VBG" and side.lemma_.lower() in self.lex.drawing_participles \
                    and not self._negated(side):
                for noun in side.children:
                    if noun.dep_ == "dobj":
                        found += [replace(h, polarity=walk.polarity * h.polarity, hedged=walk.hedged or h.hedged)
                                  for h in self._positions_of(noun, [p for p in side.children if p.dep_ == "prep"], received=True)]
        # (the parser may hang the concession on the act's object: "approved the dam over objections")
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in [*verb.children, *(p for o in objects for p in o.children)]:
            concessive = prep.lower_ in self.lex.concessive_preps
            if prep.dep_ != "prep" or not (concessive or prep.lower_ == "with"):
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or self._aimed_at_someone(noun):
                    continue  # ("backed the levy despite his criticism of Sen. Roe": a view of Roe, not of the act)
                for holder in self._positions_of(noun, nominal=True):
                    sign = -walk.polarity if concessive else walk.polarity * holder.polarity
                    found.append(replace(holder, polarity=sign, hedged=walk.hedged))
        return found

    def _aimed_at_someone(self, noun: Token) -> bool:
        """Whether a position noun's complement names an actor it is aimed at ("his criticism of
        Sen. Roe", "their support for Peru"): after an owner before the noun, an "of" names the
        target too ("Chile's rejection of Peru"; without one, "the support of Kenya" is Kenya's)."""
        owned = any(c.dep_ == "poss" for c in noun.children)
        return any(p.dep_ == "prep" and (p.lower_ in TARGET_PREPOSITIONS or owned and p.lower_ == "of")
                   and any(g.dep_ == "pobj" and self.resolver.actors_of(g) for g in p.children) for p in noun.children)

    def _positions_of(self, noun: Token, extra_preps: Sequence[Token] = (), nominal: bool = False, received: bool = False) -> list[_Holder]:
        """The holders of a position noun and of the position nouns coordinated with it ("criticism
        from Iceland and praise from Norway"), each on its noun's side: the named owners after
        "from" or "of" (also ``extra_preps``, where the parser hangs "from" on the verb; and a
        "from" coordinated with one: "opposition from unions and from Peru"), unless the noun is
        denied ("no opposition", "little support") or the owner is ("not from Peru").
        ``nominal``: only nouns of the lexicon's ``nominal_cues`` (a noun of attitude, not "a
        lawsuit"). ``received``: what an issue receives, draws or comes under, where the lexicon's
        ``received_nouns`` take their side too ("drew fire from Chile")."""
        def received_side(tok: Token) -> int | None:
            return self._received_side(tok) if received else None

        def side(tok: Token) -> int | None:
            if tok.pos_ != "NOUN":
                return None
            value = self.lex.polarity(tok.lemma_.lower())
            return received_side(tok) if value is None else value

        def polar(tok: Token) -> bool:
            return side(tok) in (1, -1)

        # (a position coordinated with the first one's owner, "criticism from Iceland and praise from
        # Norway", where the parser hangs the second "from" on the verb: that "from" is the second's)
        strays = [c for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "of") for g in p.children
                  if g.dep_ == "pobj" for c in g.subtree if c.dep_ == "conj" and polar(c)]
        extra = [p for p in extra_preps if p.lower_ == "from"]
        found = []
        for position in (noun, *(c for c in noun.conjuncts if c.pos_ == "NOUN"), *strays):
            value = side(position)
            lemma = position.lemma_.lower()
            if value not in (1, -1) or nominal and lemma not in self.lex.nominal_cues and value != received_side(position) \
                    or any(c.dep_ in ("det", "amod", "neg") and c.lower_ in self.lex.position_denying_words for c in position.children):
                continue
            own = [p for p in position.children if p.dep_ == "prep" and p.lower_ in ("from", "of")]
            takes_extra = position.i == (strays[-1] if strays else noun).i
            preps = own + (extra if takes_extra else [])
            preps += [c for p in preps for c in p.conjuncts if c.dep_ == "conj" and c.lower_ == "from" and c not in preps]
            # (an owner before the noun too: "over Chile's objections", "won Bolivia's backing")
            owners: list[Mention] = [m for c in position.children if c.dep_ == "poss" and self._named_owner(c)
                                     for m in self.resolver.actors_of(c)]
            for prep in preps:
                if any(c.dep_ == "neg" for c in prep.children):
                    continue  # "opposition from Chile, not from Peru"
                for g in prep.children:
                    if g.dep_ != "pobj" or not self._named_owner(g):
                        continue
                    # (not past another position coordinated with this owner: "from Iceland and praise from Norway")
                    stop = min((c.i for c in g.subtree if c.i != g.i and c.dep_ == "conj" and polar(c)), default=len(g.doc))
                    owners += [m for m in self.resolver.actors_of(g) if m.start < stop and all(m.actor != o.actor for o in owners)]
            if owners:
                found.append(_Holder(owners, value, False, True, False, False, descriptive=True))
        return found

    def _not_yet(self, tok: Token) -> bool:
        """Whether taking a side (an idiom of ``undecided_idioms``) is not done yet: negated, with
        "yet", after "before", "until" or "without", or under a refusal or a wait, up to three
        heads ("has not formed a view", "has yet to make up his mind", "before taking a position",
        "declined to take sides", "held off on taking a position")."""
        cur = tok
        for _ in range(4):
            if self._negated(cur) or any(c.dep_ == "advmod" and c.lower_ == "yet" for c in cur.children) \
                    or cur.lower_ in ("before", "until", "without") \
                    or cur.i != tok.i and cur.lemma_.lower() in self.lex.refusal_verbs | {"wait", "hold"}:
                return True
            if cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _must_go(self, verb: Token) -> bool:
        """A verb of going (lexicon ``going_verbs``) with a modal of duty, bare: "must go", "should
        go", or "has to go", "needs to go" (the going then an infinitive under "have"/"need")."""
        def bare(go: Token) -> bool:
            return go.lemma_.lower() in self.lex.going_verbs and not any(
                c.dep_ in ("prt", "prep", "advmod", "acomp", "dobj", "xcomp", "ccomp") and c.lower_ not in ("away", "now", "too")
                for c in go.children)
        if bare(verb) and any(c.dep_ == "aux" and c.lower_ in self.lex.duty_modals for c in verb.children):
            return True
        return verb.lemma_.lower() in ("have", "need", "get") and any(
            c.dep_ == "xcomp" and bare(c) and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in verb.children)

    def _named_owner(self, tok: Token) -> bool:
        """Whether the owner of a position names an actor, not people described by a nationality
        ("objections from Ugandan landowners" are no objections of Uganda's); a role named beside
        its holder is that holder ("criticism from Chile's finance minister, Mario Soto")."""
        return tok.pos_ != "NOUN" or self.resolver.mention_at(tok) is not None or tok.lower_ in self.lex.government_nouns \
            or any(c.dep_ == "appos" and self.resolver.mention_at(c) is not None for c in tok.children)

    def _act_renaming_holders(self, verb: Token, walk: _Walk) -> list[_Holder]:
        """"Peru imposed the levy on Monday, a move Chile condemned and Bolivia applauded": a noun of
        the lexicon's ``act_renaming_nouns`` set after a comma beside the act on the issue renames the act;
        the holders of its modifier clauses (and of the clauses coordinated with them) hold a side
        on the issue, the act's side times their verb's."""
        found = []
        last = max(walk.in_match)
        # (the parser hangs the noun on the verb or, as an apposition, on its object: "approved
        # the toll road, a move Chile had long demanded")
        nouns = [*verb.children, *(c for t in verb.children if t.i in walk.in_match or t.dep_ == "dobj"
                                   for c in t.children if c.dep_ == "appos")]
        for noun in nouns:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.act_renaming_nouns or noun.i < last \
                    or noun.dep_ not in ("dobj", "appos", "npadvmod", "attr", "conj") or noun.left_edge.i == 0 \
                    or noun.doc[noun.left_edge.i - 1].text != ",":
                continue
            clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
            clauses += [g for c in clauses for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB"]
            for clause in clauses:
                # (a side said outright: not "a move Chile said it would study", "a move Chile did
                # not condemn"; "a decision Chile called reckless" is named with a side)
                judged = self.lex.polarity(self._cue_lemma(clause)) in (1, -1) or clause.lemma_.lower() in self.lex.naming_cues
                if judged and not self._negated(clause) and (self._is_holder_clause(clause) or clause.dep_ == "conj") \
                        and not self._speech_relative(clause):
                    found += self._modifier_holders(clause, walk)
        return found

    def _prefixed_participle_holders(self, noun: Token) -> list[_Holder]:
        """"the US-brokered truce", "the Kenyan-backed levy", "a Qatar-led mediation": a participle of
        the lexicon hyphened to an actor before the issue; the actor holds the participle's side."""
        found = []
        for participle in self._hyphened_participles(noun):
            value = self.lex.polarity(self._cue_lemma(participle))
            actors = self._hyphened_actors(participle)
            if value in (1, -1) and actors:
                found.append(_Holder(actors, value, False, True, self._hedged(participle), False, descriptive=True))
        return found

    def _hyphened_participles(self, noun: Token) -> list[Token]:
        """The participles of the lexicon's ``hyphened_participles`` set before a noun ("the
        US-brokered truce", "a Danish-led push"); not others ("the Chilean-built road": built by
        contractors, not backed by Chile)."""
        return [c for c in noun.children if c.dep_ == "amod" and c.tag_ == "VBN" and c.i < noun.i
                and c.lemma_.lower() in self.lex.hyphened_participles]

    def _favoured_cause_holders(self, noun: Token) -> list[_Holder]:
        """"The runway, Ribeiro's pet project, ...", "Free school meals have become the signature
        policy of Isla McLeod", "the dam, the brainchild of Chile's president": a noun for someone's
        own cause (lexicon ``favoured_nouns``) set beside the issue or said of it, and owned by a
        possessive or "of"; the owner is for the issue."""
        described = [c for c in noun.children if c.dep_ == "appos"]
        if noun.dep_ == "appos":
            described.append(noun.head)  # "Ribeiro's pet project, the runway,"
        verb = noun.head
        if noun.dep_ == "nsubj" and verb.lemma_.lower() in BEING_COPULAS and not self._negated(verb):
            described += [c for c in verb.children if c.dep_ == "attr"]
        found = []
        for word in described:
            if word.pos_ != "NOUN" or _noun_phrase_key(word, self.lex.favoured_nouns) is None or _former(word):
                continue
            owners = [c for c in word.children if c.dep_ == "poss"]
            owners += of_objects(word)
            actors = [m for owner in owners for m in self.resolver.actors_of(owner)]
            if actors:
                found.append(_Holder(actors, 1, False, True, False, False, descriptive=True))
        return found

    def _side_prefix_holders(self, head: Token, in_match: set[int]) -> list[_Holder]:
        """"Lowe, an anti-runway campaigner,", "Pro-conscription Defence Minister Andris Ozols",
        "Lowe is a pro-runway campaigner", "the wind farm-friendly Greens": a prefix of side
        (lexicon ``side_prefixes``) hyphened before the issue, or a suffix (``side_suffixes``)
        after it, in a noun phrase describing someone; the one described holds its side. A noun
        for no one named ("anti-runway protesters", "an anti-runway rally") gives none, nor one of
        the past ("a former anti-runway campaigner")."""
        doc, first, last = head.doc, min(in_match), max(in_match)
        if first > 1 and doc[first - 1].text in HYPHENS and doc[first - 2].lower_ in self.lex.side_prefixes:
            value, described = self.lex.side_prefixes[doc[first - 2].lower_], head
        elif last + 2 < len(doc) and doc[last + 1].text in HYPHENS and doc[last + 2].lower_ in self.lex.side_suffixes:
            value, described = self.lex.side_suffixes[doc[last + 2].lower_], doc[last + 2]
        else:
            return []
        # (the noun the issue so marked describes: up the modifiers, "anti-runway campaigner Lowe"
        # through the title to the name)
        first_noun = None
        while described.dep_ in ("amod", "compound", "nmod") and described.head.i > described.i:
            described = described.head
            if first_noun is None and described.pos_ in ("NOUN", "PROPN"):
                first_noun = described
            if described.pos_ == "PROPN" and self.resolver.actors_of(described):
                break
        if first_noun is not None and first_noun.pos_ == "NOUN" and not self._noun_for_someone(first_noun):
            return []  # "anti-tax evasion campaigner": the prefix is on "tax evasion", not on the tax
        if described.i in in_match or _former(described) or self._negated(described):
            return []
        named = [m for c in described.children if c.dep_ == "appos" for m in self.resolver.actors_of(c)]
        if described.pos_ == "PROPN":
            actors = self.resolver.actors_of(described)
        elif named:
            actors = named  # "pro-curfew councillor Ivan Petrov", the name parsed as an apposition
        elif described.dep_ == "appos":
            actors = self._described_by_apposition(described)  # "Lowe, an anti-runway campaigner,"
        elif described.dep_ == "attr" and described.head.lemma_.lower() in BEING_COPULAS and not self._negated(described.head):
            actors = [m for c in described.head.children if c.dep_ == "nsubj" for m in self.resolver.actors_of(c)]
        else:
            actors = []
        return [_Holder(actors, value, False, True, False, False, descriptive=True)] if actors else []

    def _noun_for_someone(self, noun: Token) -> bool:
        """A common noun for a person or a body: a role of the actors file ("senator"), a noun for
        people or organizations of the lexicon, or an agent noun ("campaigner", "activist")."""
        lemma = noun.lemma_.lower()
        return lemma in self.resolver.kb.roles or lemma in self.lex.people_nouns or lemma in self.lex.organization_nouns \
            or any(lemma.endswith(e) for e in self.lex.agent_noun_endings)

    def _hyphened_actors(self, participle: Token) -> list[Mention]:
        """The actors hyphened before a participle ("US-brokered", "Kenyan-backed"); for a word of
        the state (lexicon ``government_nouns``: "the Brazilian government-backed currency") that names
        none itself, the country of the demonym right before it."""
        found = []
        for word in participle.children:
            if word.dep_ not in ("npadvmod", "compound", "nmod", "amod") or not _hyphened_to(word, participle):
                continue
            actors = self._actors_or_country(word)
            if not actors and word.lemma_.lower() in self.lex.government_nouns and word.i > 0:
                country = self._country_mention(word.doc[word.i - 1])
                actors = [country] if country is not None else []
            found += actors
        return found

    def _actors_or_country(self, word: Token) -> list[Mention]:
        """The actors a word names, or the country its demonym names ("Kenyan")."""
        found = self.resolver.actors_of(word)
        country = None if found else self._country_mention(word)
        return [country] if country is not None else found

    def _country_mention(self, word: Token) -> Mention | None:
        """The government of the country a capitalised word names ("Chilean", "Kenya"), as a
        mention at that word; None when it names none."""
        country = self.resolver.kb.country_of(word.text)
        if not country or not word.text[:1].isupper():
            return None
        return Mention(Actor(country, "government", country, ""), word.i, word.i + 1, word.idx, word.idx + len(word.text), word.text, "metonym")

    def _fronted_participle_holders(self, noun: Token) -> list[_Holder]:
        """"Backed by the farmers' union, the levy passed the lower house": a passive participle set
        before the clause whose subject is the issue describes the issue; its agent holds the
        participle's side."""
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
            return []
        found = []
        for clause in verb.children:
            if clause.dep_ != "advcl" or clause.tag_ != "VBN" or clause.i > noun.i or self._negated(clause) \
                    or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
                continue
            value = self.lex.polarity(self._cue_lemma(clause))
            agents = [m for g in agent_objects(clause) for m in self.resolver.actors_of(g)]
            if value in (1, -1) and agents:
                found.append(_Holder(agents, value, False, True, self._hedged(clause), False, descriptive=True))
        return found

    def _received_positions(self, noun: Token) -> list[_Holder]:
        """"The dam faces opposition from Chile", "the levy won the backing of the farmers' union",
        "met with resistance from Peru", "came under fire from Chile": the issue, subject of a verb
        of receiving (lexicon ``issue_receiving_verbs``: its object, or after "with") or of coming
        under (``coming_under_verbs``: after "under"), gets a position noun of the lexicon (or a
        ``received_nouns`` one) whose named owner follows "from" or "of" (not "faces no
        opposition"), in a clause that asserts it (``_asserted``)."""
        verb = noun.head
        lemma = verb.lemma_.lower()
        if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or lemma not in self.lex.issue_receiving_verbs | self.lex.coming_under_verbs \
                or self._negated(verb) or not self._asserted(verb):
            return []
        # (the parser may hang "from" on the verb: "drew objections from Peru")
        return [replace(h, hedged=self._hedged(verb)) for obj in self._received_objects(verb)
                for h in self._positions_of(obj, [p for p in verb.children if p.dep_ == "prep"], nominal=True, received=True)]

    def _received_objects(self, verb: Token) -> list[Token]:
        """What a verb of receiving or coming under takes: its object ("drew objections"), or after
        "with" ("met with resistance"), or what it comes under ("came under fire", "is under
        criticism")."""
        lemma = verb.lemma_.lower()
        receiving = lemma in self.lex.issue_receiving_verbs
        words = (("with",) if receiving else ()) + (("under",) if lemma in self.lex.coming_under_verbs else ())
        received = [obj for obj in verb.children if obj.dep_ == "dobj" and receiving]
        return received + [g for p in verb.children if p.dep_ == "prep" and p.lower_ in words for g in p.children if g.dep_ == "pobj"]

    def _received_by_subject(self, verb: Token, below_path: list[Token], walk: _Walk) -> list[_Holder] | None:
        """"Chile faced criticism from Peru over the toll road", "met with resistance from Peru over
        it", "won praise from Peru for the levy": a position the subject receives, draws or meets
        on the issue (lexicon ``issue_receiving_verbs``, not the ``holding_verbs``: "Chile has
        concerns over the road" is Chile's) is held by whom it comes from, on the noun's side; the
        subject holds none ("faced criticism over the road": no one named). None when the verb is
        not one of these, or the issue is its subject (``_received_positions``), or anything between
        the issue and the noun or preposition says more ("praise for scrapping the levy", "criticism
        over its opposition to the road", "support in its fight against the levy": the rest of the
        walk reads those)."""
        below = below_path[-1]
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in self.lex.issue_receiving_verbs or lemma in self.lex.holding_verbs \
                or below.dep_ in ("nsubj", "nsubjpass") or not any(c.dep_ == "nsubj" for c in verb.children):
            return None
        received = [n for n in self._received_objects(verb) if self._position_noun(n) or n.pos_ == "NOUN" and self._received_side(n) in (1, -1)]
        # (the issue after the verb or its noun: "over the road", "for the levy", "to the tax")
        if not received or not (below.dep_ == "prep" and below.head.i == verb.i or any(n.i == below.i for n in received)):
            return None
        between = [t for t in below_path[:-1] if t.i not in walk.in_match and all(t.i != n.i for n in received)]
        if any(t.pos_ in ("VERB", "AUX") or t.dep_ not in ("compound", "amod", "nmod", "poss", "det", "pobj", "prep")
               or self.lex.polarity(self._cue_lemma(t)) is not None or t.lemma_.lower() in self.lex.inversions for t in between):
            return None
        if self._negated(verb) or not self._asserted(verb):
            return []  # "Chile did not face criticism from Peru over it", "denied that it faced ..."
        return [replace(h, hedged=h.hedged or self._hedged(verb)) for n in received
                for h in self._positions_of(n, [p for p in verb.children if p.dep_ == "prep"], nominal=True, received=True)]

    def _asserted(self, verb: Token) -> bool:
        """Whether a clause is said as a fact, by the journalist or a speaker: not a condition, not
        the content of a denial, doubt or question ("Peru denied that the levy faces opposition
        from Chile", "if the levy wins the backing of Peru"), up the clauses it hangs from."""
        cur = verb
        for _ in range(6):
            if cur.dep_ == "advcl" and _has_mark(cur, CONDITIONAL_MARKS) or _indirect_question(cur):
                return False
            if cur.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or cur.head.i == cur.i:
                return True
            above = cur.head
            if cur.dep_ == "ccomp" and (self.lex.polarity(self._cue_lemma(above)) is not None or self._negated(above)
                                        or above.lemma_.lower() in self.lex.denial_verbs):
                return False  # "denied that", "doubts that", "did not say that"
            cur = above
        return True

    def _walk_holders(self, head: Token, in_match: set[int], match: IssueMatch, statement: Statement | None, sent: Span,
                      via: Token | None = None) -> list[_Holder]:
        """Everyone who holds a view on the match, with the polarity the cues give: the path from
        the match up its clause is read token by token, then the statement's speaker is added.
        ``via``: a verb coordinated with the match's own, sharing it as subject, read instead of it
        ("the dam is backed by Peru and opposed by Chile")."""
        walk = self._start_walk(head, in_match, statement, sent)
        walk.problem = match.problem
        if match.problem and not walk.polar:
            # (a problem is nothing anyone does: no weak cue of support for doing it, as for an
            # issue that is an act; the parser may make its word a verb, "I made climate change
            # the top priority" with "change" a verb)
            walk.has_cue = walk.neutral = False
        path = self._clause_path(head, walk)
        if path is None and walk.withheld:
            # "declined to say whether she would back the levy": neutral, the coding guide's "declines to say"
            return [_Holder(walk.withheld, polarity=1, neutral=True, has_cue=True, hedged=False, is_speaker=False)]
        if path is None:
            return []  # an embedded question or a date: no position on the issue
        if via is not None:
            # (the verb the coordinated one stands in for: the first of the path it is coordinated with)
            at = next((k for k, t in enumerate(path) if t.i == via.head.i), None)
            if at is None:
                return []
            path = [*path[:at], via, *path[at + 1:]]
        inversion = self._inversion_before(match, sent, in_match)
        if inversion is not None and all(t.i != inversion.i for t in path):
            walk.flip()
            walk.has_cue = walk.polar = True
            walk.seen_cues.add(inversion.i)
        conditioned = self._conditional_consequence(path, walk)
        if conditioned is not None:
            return conditioned
        for idx, tok in enumerate(path):
            if self._is_purpose(tok, idx):
                return []  # "peacekeepers to maintain a ceasefire": the issue only names a purpose
            if idx > 0 and tok.dep_ == "prep" and (tok.lower_ in self.lex.place_prepositions or self._time_preposition(tok)) \
                    and path[idx - 1].dep_ == "pobj" \
                    and all(t.i in walk.in_match or t.dep_ in ("compound", "amod", "nmod") for t in path[: idx - 1]):
                # "opened fire near the toll road", "an office near the toll road depot": the issue
                # only names a place ("near the end of the vote on the levy" is a time); "wants the
                # sanctions lifted before any peace talks", "signed the truce after the talks": it
                # only dates the act, which is no act on it
                return []
            if idx > 0 and tok.dep_ in ("nsubj", "nsubjpass") and self._position_noun(tok) and self._said_unreal(tok):
                return []  # "Peru's support for the road is a myth, Bolivia said": a position no one holds
            received = self._received_by_subject(tok, path[:idx], walk) if idx > 0 else None
            if received is not None:
                # (holders found below, in a clause on the issue, keep their view: "over the levy,
                # which Kenya supports")
                return _outermost(walk.holders) + received
            if idx == 2 and path[0].dep_ == "amod" and path[1].dep_ == "nsubj" and tok.lemma_ not in COPULAS \
                    and any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in tok.children):
                # "A neutral Austria backed the ceasefire": what the subject does is not said of
                # the adjective ("a neutral Ukraine was essential" is)
                return []
            if idx > 0 and tok.dep_ == "prep" and tok.lower_ == "without" and path[idx - 1].dep_ == "pcomp":
                # "promised to meet the goals without trying to pass the levy": not done, no side
                # ("will sign no truce without guarantees" names a condition: read on)
                return []
            if idx > 0 and tok.dep_ == "prep" and tok.lower_ == "without" and path[idx - 1].dep_ == "pobj":
                if self._negated(tok.head):
                    walk.flip()  # "will not go ahead without a levy": the negation and "without" cancel (for it)
                elif not any(c.dep_ == "det" and c.lower_ == "no" for o in (tok.head, *tok.head.children) for c in o.children):
                    # "will proceed without the levy", "backed the budget without the levy": done
                    # without it, no side on it ("will sign no truce without guarantees": a
                    # condition, read on)
                    return []
            if idx > 0 and path[idx - 1].dep_ in ("xcomp", "ccomp") and tok.lemma_.lower() in self.lex.estimate_verbs \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in path[idx - 1].children):
                return []  # "analysts expect Azerbaijan to reject the plan": a forecast of others' act (the coding guide's predictions)
            if idx > 0 and path[idx - 1].dep_ == "ccomp" and tok.lemma_.lower() in self.lex.seeing_verbs \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in path[idx - 1].children) and _finite_or_perfect(tok):
                # "Chile saw Peru drop the levy": an act observed is the actor's, not the observer's.
                # Only a seeing said to have happened: "to see" and "seeing" are as often wished
                # ("would love to see", "is keen to see", "looks forward to seeing")
                break
            if idx > 0 and path[idx - 1].dep_ in ("xcomp", "ccomp", "acl") and self._wants_of_others(tok, path[idx - 1]):
                # "Chile wants Peru to accept the tax", "demanded that Peru scrap it": what Peru is
                # wanted to do says nothing of Peru's own view; the one who wants it holds it
                # (only the wanted clause's subject: "hopes Peru's support for X will last", "wants
                # Congress to pass X, which Diaz opposes" keep Peru's and Diaz's)
                wanted = {t.i for c in path[idx - 1].children if c.dep_ in ("nsubj", "nsubjpass") for t in (c, *c.conjuncts)}
                walk.holders = [h for h in walk.holders if not all(any(m.start <= i < m.end for i in wanted) for m in h.mentions)]
            if walk.at_statement_cue(tok) and not self._polar_phrase(tok, path[idx - 1] if idx > 0 else None):
                # (a reporting verb whose preposition makes a stance, "voted for X", is read on; a
                # naming verb that is the statement's cue still says what it names the issue:
                # "branded the dam a disaster")
                self._read_frames(path, idx, walk)
                stance_object = self._misattached_stance_object(tok, path[idx - 1]) if idx > 0 else None
                if stance_object is not None:
                    self._apply_cue(stance_object, path[idx - 1], walk)  # "expressed openness to a swap"
                elif idx > 0 and tok.lemma_.lower() in self.lex.threat_verbs and self._threatens_a_tool(tok, path[idx - 1]):
                    self._apply_cue(tok, path[idx - 1], walk)  # "warned of new sanctions if Moscow refused"
                elif idx > 0 and walk.problem and not walk.polar and self._problem_word(tok, path[idx - 1]) in self.lex.problem_cues \
                        and not _says_more_of_it(path[idx - 1]):
                    # ("Republicans deny climate change": no report of words; "warned that obesity
                    # was rising": a warning about a problem sounds the alarm)
                    self._apply_cue(tok, path[idx - 1], walk)
                break
            if _identity_copula(path, idx) and self._negated(tok) and path[idx - 1].lemma_.lower() not in self.lex.side_nouns:
                return []  # "the concession Lima sought was not a tariff exemption": no view on it
            if self._is_accusation(path, idx):
                return self._accused_holders(tok, walk)
            if self._is_praise(path, idx) and not self._conceded(walk):
                praised = self._praised_holders(tok, walk)
                if praised is not None:
                    return praised
            if self._rejected_alternative(path, idx):
                walk.flip()  # "preferred an upgrade to the expansion", "talks instead of sanctions"
            if tok.dep_ == "prep" and idx > 0 and tok.i not in walk.seen_cues and self._conditioned_on(tok):
                # "made a ceasefire conditional on a halt of arms supplies": the condition is asked for.
                walk.seen_cues.add(tok.i)
                walk.has_cue = walk.polar = True
            if idx > 0 and path[idx - 1].dep_ == "csubj" and tok.lemma_ not in COPULAS and not self._judges(tok):
                # "withdrawing the peacekeepers would hand the villages to the militias": what the
                # act on the issue leads to, judged by no word the lexicon knows, takes no side
                # ("keeping the subsidy is our red line" names an aim: read on)
                return []
            if idx > 0 and _asked_clause(path[idx - 1]) and (sign := self._answered_own_side_sign(path, idx, walk)) is not None:
                # "Asked whether she backed the levy, Roe said: 'Absolutely.'" (for it), "... replied:
                # 'No.'", "said she would not" (against): the answerer holds the question's side,
                # turned by a "no"
                if sign < 0:
                    walk.flip()
                answerers = self._owner_mentions(tok, walk.statement)
                return [walk.holder(answerers)] if answerers else []
            if idx > 0 and walk.holders and self._denied_hearsay(tok, path[idx - 1]):
                # "denied reports that Kenya planned to scrap the subsidy", "rejected claims that he
                # had discussed the merger": what someone is said to hold or do, denied, is no one's
                # view, and the denial is none on the issue; but a denier denying their own side
                # holds the other ("Nowak rejected claims that she backs the charge": against it;
                # the owner of a side noun keeps it: "denied that it had abandoned its opposition").
                # (A claim about the issue itself names no holder: "dismissed claims that the dam
                # would harm fish" is read on, the denial turning it.)
                deniers = {m.actor for m in self._owner_mentions(tok.head, walk.statement)}
                return [h if h.owns_noun else replace(h, polarity=-h.polarity) for h in walk.holders
                        if not h.neutral and any(m.actor in deniers for m in h.mentions)]
            if idx > 0 and _asked_clause(path[idx - 1]) and not self._answers(tok):
                # "Asked about reports that Lima might sign the truce, Roe declined to comment":
                # what Roe was asked about is no view of Roe's (his answer, if any, says it)
                return []
            if idx > 0 and path[idx - 1].dep_ == "compound" and path[idx - 1].i in walk.in_match and tok.pos_ == "NOUN" \
                    and tok.i not in walk.in_match and tok.lemma_.lower() in self.lex.inversions and self.lex.polarity(tok.lemma_.lower()) is None:
                # "sanctions relief", "tariff reductions": the issue undone ("tariff cuts" is read
                # by the cue of "cut" itself); a side only with a cue of its own above
                # ("spoke about sanctions relief" takes none)
                walk.flip()
            if idx > 1 and walk.has_cue and not walk.holders and tok.lemma_.lower() not in self.lex.experiencer_verbs and (
                    self._others_side_described(path[idx - 1], walk) and not self._judges(tok)
                    or self._side_taken_in_subject(path[idx - 1], walk) and not self._judges(tok, sided=True)):
                # "support for the levy has grown, Kenya said", "the fund for the road ran dry":
                # a side no one named is described, no view of the speaker's ("support for the
                # levy would be a mistake" judges it: read on); so is a side taken inside a
                # subject of nobody's ("moves to scrap the levy were discussed", "efforts to
                # introduce it began"; "would hurt farmers" judges it, _issue_as_subject)
                return []
            if idx > 0 and tok.pos_ == "VERB" and path[idx - 1].dep_ not in ("nsubj", "nsubjpass", "csubj") \
                    and self.lex.polarity(self._cue_phrase(tok, path[idx - 1])) is not None \
                    and self._reported_directly(tok, walk.statement) and self._unknown_peoples_view(tok, walk.statement):
                judged = self._judging_adverb(tok)
                if judged is None:
                    # "Farmers back the levy, Roe said", "few senators support it", "there is hardly
                    # a senator who backs it": the view of people the knowledge does not know,
                    # reported; the coding guide gives the reporter no row ("Smith said Jones wants X")
                    walk.others_act = True
                elif judged < 0:
                    # "Roe said voters had foolishly rejected the levy": the reporter judges their
                    # view, so holds the other side ("rightly rejected": the same side)
                    walk.flip()
            side_clause = idx > 0 and _is_side_clause(path[idx - 1])
            if side_clause and not walk.has_cue:
                return []  # "agreed to X, indicating the road to a truce will be long": no view on the truce
            self._read_predicate(path, idx, side_clause, walk)
            self._read_children(path, idx, walk)
            if idx > 0 and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i not in walk.in_match \
                    and self.lex.polarity(self._cue_lemma(tok)) in (1, -1) and self._names_people(tok.head) \
                    and not self._sides_with(tok.head):
                # "Peru met protesters opposing the dam": the view is the protesters', not Peru's
                # ("published a report opposing the dam": a document speaks for whoever issued it;
                # "joined countries opposing the dam": Peru's too)
                break
            if idx > 0 and (self._side_apposition(tok) or path[idx - 1].dep_ == "poss" and self._named_side_of_owner(tok)
                            or self._side_members(tok)):
                break  # "Roe, a critic of the dam, rejected the budget": the view ends at Roe
        if not walk.has_cue:
            self._cue_before_match(sent, walk)
        if walk.has_cue and via is None:
            self.match_polarity[match.start_char] = 0 if walk.neutral and not walk.polar else walk.polarity
        walk.holders = _outermost(walk.holders)
        return self._with_speaker(walk)

    def _others_side_described(self, noun: Token, walk: _Walk) -> bool:
        """Whether a subject noun read as the walk's cue ("support for", "opposition to", "the
        case for", "funding for") is nobody's in particular: no owner, no actor in it, no one it
        comes from ("support from Peru", "Chile's opposition" are theirs)."""
        if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ != "NOUN" or noun.i in walk.in_match:
            return False
        if not (self._takes_side(noun) or any(self._phrase_takes_side(noun, c) for c in noun.children if c.dep_ == "prep")):
            return False  # (a noun of no side: "the decision to scrap the levy angered Roe")
        return self._nobodys(noun)

    def _reached_through_nouns(self, prep: Token, walk: _Walk) -> bool:
        """Whether the issue hangs below ``prep`` through nouns and prepositions only ("the decline
        in support for the levy"), not through a clause ("the drop in prices caused by the levy")."""
        for i in walk.in_match:
            tok = self.doc[i]
            while tok.i != prep.i and tok.head.i != tok.i:
                if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("acl", "relcl", "agent", "advcl", "ccomp"):
                    return False
                tok = tok.head
            if tok.i == prep.i:
                return True
        return False

    def _denied_hearsay(self, noun: Token, below: Token) -> bool:
        """Whether ``noun`` is a report or claim (the lexicon's ``hearsay_nouns``) whose clause the
        walk came up from, denied by the verb it is the object of ("denied reports that ...",
        "dismissed claims that ..."; not "did not deny reports that ...")."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in self.lex.hearsay_nouns and below.dep_ in ("acl", "ccomp", "relcl") \
            and below.pos_ in ("VERB", "AUX") and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex.denial_verbs \
            and not self._negated(noun.head)

    def _foreign_side(self, noun: Token) -> bool:
        """Whether a subject noun of a side belongs to an owner that is no actor ("the council's
        plans for a levy", "the union's opposition to it"): that owner's side, not the speaker's
        (a pronoun may be the speaker's own, "its plans", "our opposition", and so may a
        government, a body of the state or a role: "the government's support for it has not
        changed, the minister said")."""
        return noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass") and self.lex.polarity(self._cue_lemma(noun)) in (1, -1) \
            and any(c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in ("DATE", "TIME")  # ("last year's cut": a time, no owner)
                    and not self._speakers_own_word(c.lemma_.lower()) and not self.resolver.actors_of(c) for c in noun.children)

    def _speakers_own_word(self, word: str) -> bool:
        """Whether an owner's noun may stand for the speaker's own side: a government, a body of the
        state or a role ("the government's support ..., the minister said")."""
        lex = self.lex
        return word in lex.government_nouns or word in lex.state_nouns or word in lex.bare_state_nouns or word in self.resolver.kb.roles

    def _judging_participle(self, verb: Token) -> bool:
        """Whether a participle the parser made a verb is an adjective that judges, read by its
        own form ("support for it is misguided": no one misguides it)."""
        return verb.tag_ == "VBN" and self._cue_lemma(verb) == verb.lower_ and self.lex.polarity(verb.lower_) in (1, -1)

    def _speaks_for_owner(self, noun: Token, statement: Statement) -> bool:
        """Whether the speaker is introduced as the owner's ("The company's support for it is
        unwavering, its chief executive said", "the party's opposition ..., party leader Roe
        said"): a possessive "its"/"their" or the owner's own noun in the speaker's phrase."""
        owners = {c.lemma_.lower() for c in noun.children if c.dep_ == "poss"}
        span = self.doc.char_span(*statement.speaker_mention, alignment_mode="expand") if statement.speaker_mention else None
        if span is None:
            return False
        root = span.root
        words = [t for t in root.subtree if t.i <= root.i] + [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
        if root.dep_ == "appos":
            words += list(root.head.subtree)
        return any(w.lower_ in ("its", "their") or w.lemma_.lower() in owners for w in words)

    def _nobodys(self, noun: Token) -> bool:
        """Whether a noun is nobody's in particular: no owner, no actor in it, no one it comes from
        ("support from Peru", "Chile's opposition", "plans by the ministry" are theirs)."""
        if any(c.dep_ == "poss" for c in noun.children) or self.resolver.actors_of(noun):
            return False
        return not any(c.dep_ == "prep" and self.resolver.actors_of(g) for c in noun.children for g in c.children if g.dep_ == "pobj")

    def _side_taken_in_subject(self, noun: Token, walk: _Walk) -> bool:
        """Whether a subject noun of nobody's holds a side the walk read inside it, from a word of
        its own phrase ("plans for a levy", "moves to scrap the levy", "the push for it"), not
        from the noun alone (``_others_side_described``)."""
        if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ != "NOUN" or noun.i in walk.in_match or not walk.polar \
                or noun.lemma_.lower() not in self.lex.aim_nouns:
            return False
        if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in noun.head.children):
            return False  # ("efforts to build it must continue, Roe said": the speaker's demand)
        return self._nobodys(noun)

    def _sides_with(self, noun: Token) -> bool:
        """Whether the verb over a noun puts its subject on the noun's side: the lexicon's
        siding_verbs with the noun as object or after their preposition ("joined countries
        opposing", "sided with lawmakers opposing", "is among the countries opposing", "sent
        diplomats defending")."""
        head = noun.head.head if noun.dep_ == "pobj" else noun.head
        return head.lemma_.lower() in self.lex.siding_verbs or noun.dep_ == "pobj" and noun.head.lower_ in ("among", "alongside", "with")

    def _names_people(self, noun: Token) -> bool:
        """Whether a noun names people or an actor: a mention ("Chilean officials"), or a noun of
        the lexicon's people_nouns or people_group_nouns ("protesters", "lawmakers")."""
        lemma = noun.lemma_.lower()
        return bool(self.resolver.actors_of(noun)) or lemma in self.lex.people_nouns or noun.lower_ in self.lex.people_nouns \
            or noun.lower_ in self.lex.people_group_nouns

    def _wants_of_others(self, verb: Token, clause: Token) -> bool:
        """Whether ``verb`` wants, hopes or demands what its complement ``clause`` says someone
        else does: a verb of the lexicon's ``wanting_verbs`` ("wants Peru to accept", "hopes Peru
        will", "demanded that Peru scrap") or of its ``seeing_verbs`` under one ("would like to see
        Peru drop"), a noun of its ``wanting_nouns`` with a that-clause
        ("Peru's demand that Chile drop the levy"), or "insist" with a duty modal or a bare verb below
        ("insisted that Peru must scrap", not "insisted that Peru had never backed it": a claim of
        what Peru did), whose clause has a subject of its own (the subject's own wish, "wants to
        accept", has none)."""
        lemma = verb.lemma_.lower()
        if clause.i < verb.i or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return False  # (a clause before the verb is no complement of it: "X wants A; Y wants B" misparsed)
        if clause.dep_ == "acl":
            # a noun of will with its clause: "Peru's demand that Chile drop the levy"
            return verb.pos_ == "NOUN" and lemma in self.lex.wanting_nouns and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        if lemma in self.lex.wanting_verbs:
            return True
        if lemma in self.lex.seeing_verbs and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.wanting_verbs:
            return True  # "would like to see Peru drop the levy": what one wishes to see, one wishes
        return lemma == "insist" and (clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in clause.children)
                                      or any(c.dep_ == "aux" and c.lower_ in self.lex.duty_modals for c in clause.children))

    def _conditional_consequence(self, path: list[Token], walk: _Walk) -> list[_Holder] | None:
        """"If Peru does not keep the truce, Baker threatened levies": a threat (or a promise) made
        on a condition takes a side on the condition's issue. The condition's own polarity is read
        (negations, opposing cues: "does not keep", "breaches"), "unless" turns it, and the holder
        of the threat opposes what the condition says (so wants the truce kept); the holder of a
        promise wants it. None when the path crosses no such conditional clause."""
        for idx, tok in enumerate(path[:-1]):
            if not (tok.dep_ == "advcl" and _has_mark(tok, CONDITIONAL_MARKS - {"whether"})):
                continue
            main = path[idx + 1]
            purpose = next((c for c in tok.children if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
            if _has_mark(tok, frozenset({"if"})) and tok.lemma_ == "be" and purpose is not None and self._requirement(main):
                # "Ukraine must halt its mobilisation if any truce is to last": a condition of
                # purpose after a requirement; whoever names what it takes wants the issue ("if
                # the report is to be believed" is no purpose)
                if has_passive_aux(purpose) and purpose.lemma_.lower() in self.lex.belief_cues | self.lex.speech | {"believe", "trust"}:
                    return []
                if self.lex.polarity(self._cue_lemma(purpose)) == -1:
                    # "if the truce is to collapse", "is to be broken", "are to be lifted": a fate
                    # foreseen or a contingency as often as a purpose; no side
                    return []
                walk.polarity = 1
                walk.has_cue = walk.polar = True
                subjects = self._owner_mentions(main, walk.statement)
                walk.holders = [walk.holder(subjects)] if subjects and not self._obliged(main, tok) else []
                return self._with_speaker(walk)
            lemma = main.lemma_.lower()
            threat = self._conditional_kind(main)
            first = main
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # ("warned that X and that the president would move on unless ...")
            if first.dep_ in ("xcomp", "ccomp") and first.head.lemma_.lower() in self.lex.threat_verbs | self.lex.promise_verbs:
                # "threatened to quit the coalition if the curfew is extended", "warned that she
                # would impose tariffs if ...": the condition hangs on what is threatened; the
                # threat is the verb above
                main = first.head
                lemma = main.lemma_.lower()
                if threat is None:  # ("pledged to impose sanctions if ...": the penalty says it is a threat)
                    threat = lemma in self.lex.threat_verbs
            elif lemma in self.lex.threat_verbs | self.lex.promise_verbs:
                threat = lemma in self.lex.threat_verbs
            if threat is None and self._threat_act(main):
                threat = True  # ("would call a national strike if Congress passed the reform")
            judgment = self._consequence_judgment(main) if threat is None and self._acted_on_in_condition(path, idx, walk) else None
            if judgment is not None and self._fortune(main) and (walk.statement is None or walk.statement.speaker is None
                                                                  or not self._speakers_own_clause(main, walk.statement)):
                judgment = None  # ("Roe fears farmers will suffer if ...": read on to whoever fears it)
            if judgment is not None:
                # "said it would be a disaster if the governor vetoed the levy", "it would hurt
                # farmers if ...": the one who says so judges the condition's act, so holds the
                # issue's side the act takes, turned by a bad judgment (for the levy)
                if walk.statement is None or walk.statement.speaker is None:
                    return []  # (the journalist's own forecast: no one's side)
                if any(c.dep_ == "advmod" and c.lower_ == "even" for c in tok.children):
                    return []  # "it would be a disaster, even if the council scrapped the levy": no side on it
                if not self._speakers_own_clause(main, walk.statement):
                    return []  # "Roe said farmers think it would be a disaster if ...": the farmers' judgment
                walk.polarity = self._condition_sign(path, idx, tok, walk) * judgment
                walk.has_cue = walk.polar = True
                walk.holders = []
                return self._with_speaker(walk)
            if threat is None:
                return None
            if any(c.dep_ == "advmod" and c.lower_ in self.lex.hedges for c in path[idx + 1].children):
                return []  # "tariffs would likely be imposed if the deal collapsed": a forecast, no threat
            holders = self._owner_mentions(main, walk.statement)
            if not holders and not (walk.statement is not None and is_passive(main)):
                return None  # (a passive consequence with no agent is the speaker's: "said sanctions would be lifted if ...")
            condition = self._condition_sign(path, idx, tok, walk)
            walk.polarity = -condition if threat else condition
            walk.has_cue = walk.polar = True
            walk.holders = [walk.holder(holders)] if holders else []
            return self._with_speaker(walk)
        return None

    def _condition_sign(self, path: list[Token], idx: int, clause: Token, walk: _Walk) -> int:
        """What a conditional clause (``clause``, at ``path[idx]``) says of the issue: the walk's
        polarity so far, turned by each opposing cue and negation on the path up to it (outside the
        issue's own words), and by "unless"."""
        condition = walk.polarity
        for k, inner in enumerate(path[: idx + 1]):
            if inner.i in walk.in_match:
                continue
            if k > 0 and path[k - 1].dep_ == "conj" and path[k - 1].head.i == inner.i:
                # "unless it stopped shelling towns and agreed to a truce": a sibling's cue is not
                # the truce's; its negation is, when the verb below has none of its own ("if
                # Putin did not stop the attacks and agree to a ceasefire")
                below = path[k - 1]
                if self._negated(inner) and not any(c.dep_ in ("aux", "neg") for c in below.children):
                    condition = -condition
                continue
            if self.lex.polarity(self._cue_lemma(inner)) == -1:
                condition = -condition
            if self._negated(inner):
                condition = -condition
        if _has_mark(clause, frozenset({"unless"})):
            condition = -condition
        return condition

    def _speakers_own_clause(self, verb: Token, statement: Statement) -> bool:
        """Whether a clause is the statement's own words: right under its cue, its own sentence
        (a quotation), or under the speaker's own verbs of belief or speech ("said he believes it
        would be ..."), not someone else's ("said farmers think it would be ...")."""
        while verb.dep_ == "ccomp" and verb.head.i != statement.cue_token \
                and verb.head.lemma_.lower() in self.lex.belief_cues | self.lex.speech \
                and any(c.dep_ == "nsubj" and c.lower_ in SELF_SUBJECT_PRONOUNS for c in verb.head.children):
            verb = verb.head
        return verb.dep_ == "ROOT" or verb.head.i == statement.cue_token

    def _acted_on_in_condition(self, path: list[Token], idx: int, walk: _Walk) -> bool:
        """Whether the condition's first verb above the issue takes a side on it (a cue of the
        lexicon: "if the council scrapped the levy", "approved"; an act on it or towards it the
        lexicon does not know: "if they go straight to a peace deal"), not a neutral cue ("debated
        the levy") nor a cause ("could not sell crops because of the levy")."""
        at = next((k for k, t in enumerate(path[: idx + 1]) if t.i not in walk.in_match and t.pos_ in ("VERB", "AUX")), None)
        if at is None:
            return False
        below = path[at - 1] if at > 0 else None
        phrase = self._cue_phrase(path[at], below)
        # (a preposition on the way only as part of the cue: "voted against the levy")
        preps = [t for t in path[:at] if t.dep_ == "prep" and t.i not in walk.in_match]
        polarity = self.lex.polarity(phrase)
        if polarity in (1, -1):
            return all(p is below and " " in phrase for p in preps)
        # (an act the lexicon does not know, on the issue or towards it, brings it about: "if they
        # go straight to a peace deal"; a neutral cue, "debated", takes no side)
        return polarity is None and all(p.lower_ in GOAL_PREPOSITIONS for p in preps)

    def _consequence_judgment(self, verb: Token) -> int | None:
        """How a main clause judges the condition it hangs on: +1 or -1 for "it would be a disaster
        / great", "it would hurt / benefit farmers" (a copula's complement or a verb of what the
        issue does, ``cause_only_cues``, of the lexicon; "it would not be a disaster" turns it),
        None when it judges nothing or its subject is something else than the condition ("the levy
        would be a disaster if ..." judges the levy)."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl")]
        lemma = verb.lemma_.lower()
        fortune = self._fortune(verb)
        if fortune and subjects and not any(c.dep_ == "dobj" for c in verb.children):  # ("benefit from lower prices" too)
            # "farmers would suffer if the governor vetoed the levy", "we would all benefit if ...":
            # what befalls people the knowledge does not know (or "we") judges the condition
            # (the people the lexicon knows as such: "polluters would benefit" is no loss to regret)
            if all(c.lower_ in ("we", "us") or c.pos_ == "NOUN" and not self.resolver.actors_of(c)
                   and self._listed([c], self.lex.people_nouns) for c in subjects):
                return -fortune if self._negated(verb) else fortune
            return None
        if any(c.lower_ not in IMPERSONAL_WORDS for c in subjects):
            return None
        value = None
        if lemma in self.lex.cause_only_cues:
            value = self.lex.polarity(lemma)
        elif lemma in BEING_COPULAS:
            value = next((v for c in verb.children if c.dep_ in ("attr", "acomp")
                          and (v := self.lex.polarity(c.lemma_.lower())) in (1, -1)), None)
        if value not in (1, -1):
            return None
        return -value if self._negated(verb) else value

    def _fortune(self, verb: Token) -> int:
        """The lexicon's ``fortune_verbs`` value of a verb, with its particle ("lose out"), 0 if none."""
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
        return self.lex.fortune_verbs.get(f"{verb.lemma_.lower()} {particle}".strip(), 0)

    def _threat_act(self, verb: Token) -> bool:
        """Whether a consequence is an act of protest or exit (the lexicon's ``threat_acts``: "will
        strike", "would quit the coalition"), or has one as its object (``threat_act_nouns``:
        "would call a strike", "stage a walkout"), not denied ("would not strike")."""
        if self._negated(verb) or self.lex.polarity(self._cue_lemma(verb)) == -1:
            return False  # ("would call off the strike if ...", "would drop its lawsuit if ...": a promise)
        plain = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in PARTICLES), "")
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if f"{plain} {particle}" in self.lex.threat_acts:
            return True  # ("will walk out if ...")
        if plain in self.lex.threat_acts and not particle:
            # (an act done, not to something: "will strike if ...", "will quit the coalition"; not
            # "strike a deal")
            return not objects or plain != "strike" or any(o.lemma_.lower() in self.lex.threat_act_nouns for o in objects)
        return any(o.lemma_.lower() in self.lex.threat_act_nouns for o in objects)

    def _requirement(self, verb: Token) -> bool:
        """Whether a main clause states what is needed: a modal of duty ("must halt"), "need",
        "require", "take", or "have to" ("would have to act")."""
        lemma = verb.lemma_.lower()
        return lemma in ("need", "require", "take") or any(c.dep_ == "aux" and c.lower_ in self.lex.duty_modals for c in verb.children) \
            or lemma == "have" and any(c.dep_ == "xcomp" for c in verb.children) \
            or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("have", "need")

    def _obliged(self, tok: Token, below: Token) -> bool:
        """Whether ``tok`` puts its subject under an obligation: a modal of duty ("must accept",
        "should stop") or "has to" / "needs to" over the verb below."""
        if any(c.dep_ == "aux" and c.lower_ in self.lex.duty_modals for c in tok.children):
            return True
        return tok.lemma_.lower() in ("have", "need") and below.dep_ == "xcomp" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)

    @staticmethod
    def _speakers_side(mention: Mention, statement: Statement | None) -> bool:
        """Whether a mention is the statement's speaker or the speaker's own country (True also
        when the statement has no speaker: then nobody else holds the demand)."""
        speaker = statement.speaker if statement is not None else None
        if speaker is None:
            return True
        actor = mention.actor
        return actor == speaker or bool(speaker.country) and actor.country == speaker.country and actor.actor_type == "government"

    def _someone_elses_act(self, verb: Token) -> bool:
        """Whether the doer of an act is named but is no one the knowledge knows ("Vanta Freight
        shipped the weapons", "negotiators stripped the subsidy out"): not a pronoun, not an actor."""
        doers = _own_or_shared_subjects(verb, ("nsubj", "agent"))
        if self._under_duty_modal(verb):
            return False  # "the West must stop supplying arms": a demand, the speaker's view
        doers = [g for d in doers for g in ([d] if d.dep_ != "agent" else [c for c in d.children if c.dep_ == "pobj"])]
        # (a group led or joined by someone known is theirs: "Five Democrats, led by Rep. Baca, declined ...")
        return bool(doers) and all(d.pos_ != "PRON" and not _relative_word(d) and not self.resolver.actors_of(d)
                                   and not self._joined_by(d) for d in doers) and not self._joined_by(verb)

    def _under_duty_modal(self, verb: Token) -> bool:
        """Whether a verb, or the verb it hangs from as an infinitive or a conjunct, has a modal of
        duty of the lexicon ("must accept", "should stop supplying")."""
        acts = [verb, verb.head] if verb.dep_ in ("xcomp", "conj") else [verb]
        return any(c.dep_ == "aux" and c.lower_ in self.lex.duty_modals for act in acts for c in act.children)

    def _reported_directly(self, verb: Token, statement: Statement | None) -> bool:
        """Whether a verb's clause is what a statement reports, right under its cue ("Roe said
        farmers back the levy"), or the statement's own sentence ("Farmers back the levy," a quote
        or the clause before "Roe said"), through coordination; a relative clause only on the
        noun of an existential "there is" so reported ("there is hardly a senator who backs it").
        Not a clause under another verb of the speaker's ("Roe said he agrees with farmers who
        oppose it": Roe's own view)."""
        if statement is None:
            return False
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "relcl":
            noun = verb.head
            if not (noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)):
                return False
            verb = noun.head
        return verb.dep_ == "ROOT" or verb.head.i == statement.cue_token

    def _unknown_peoples_view(self, verb: Token, statement: Statement | None) -> bool:
        """Whether a verb's subject is a common noun for people that names no one the knowledge
        knows ("farmers", "few senators", "a majority of voters"; the noun a relative "who" stands
        for; every conjunct of it: "farmers and I" is the speaker too), and not:
        - the speaker's own people ("our farmers", "his members", "farmers, like her,"; "the
          farmers' union said farmers want ...": the speaker's own name says so, as the knowledge
          stores it, without a title), nor the statement's speaker itself ("nurses' leaders vowed
          to fight it": their own will);
        - a body of the state, nor one named by a definite singular ("the ministry would push the
          reform through", "the bloc would not lift", "the committee backs it", "the senator had
          not taken a position": most often the speaker's own, or someone named before);
        - joined by someone known;
        - under a demand ("farmers must / ought to / need to / have to accept the levy" is the
          speaker's view)."""
        subjects = _own_or_shared_subjects(verb, ("nsubj",))
        if not subjects or self._under_duty_modal(verb) \
                or verb.dep_ == "xcomp" and (self._obliged(verb.head, verb) or verb.head.lower_ in self.lex.duty_modals) \
                or any(c.dep_ == "xcomp" and self._obliged(verb, c) for c in verb.children):
            return False
        if _like_a_pronoun(verb):
            return False  # ("farmers, like him, oppose it", the parser hanging "like" on the verb)
        nouns = [verb.head if _relative_word(s) and verb.dep_ == "relcl" else s for s in subjects]
        # ("a majority of senators", "most of the farmers": the people the quantifier counts)
        nouns = [next(iter(of_objects(n)), n) if n.lemma_.lower() in self.lex.quantifiers else n for n in nouns]
        nouns = [c for n in nouns for c in (n, *n.conjuncts)]
        spoken = statement.speaker_mention if statement is not None and statement.speaker_mention else (0, 0)
        speaker_words = {w.lower().strip("'’") for w in statement.speaker_text.split()} if statement is not None else set()
        return all(
            n.pos_ == "NOUN" and not spoken[0] <= n.idx < spoken[1] and self._noun_for_someone(n)
            and not self.resolver.actors_of(n) and not self._joined_by(n)
            and n.lemma_.lower() not in self.lex.state_nouns and n.lemma_.lower() not in self.lex.government_nouns
            and not (n.tag_ == "NN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in n.children))
            and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in n.children)
            and n.lower_ not in speaker_words and n.lemma_.lower() not in speaker_words
            and not _like_a_pronoun(n)
            for n in nouns
        ) and not self._joined_by(verb)

    def _judging_adverb(self, verb: Token) -> int | None:
        """The side a reporter's adverb takes on what a verb says someone did (the lexicon's
        ``judging_adverbs``: "rightly rejected" +1, "foolishly rejected" -1); None when none."""
        return next((self.lex.judging_adverbs[c.lower_] for c in verb.children
                     if c.dep_ == "advmod" and c.lower_ in self.lex.judging_adverbs), None)

    def _yes_no_reply_sign(self, verb: Token) -> int | None:
        """The answer a verb of speech gives to a yes-or-no question: a word of the lexicon's
        ``answer_words`` after it ("said yes", "replied: 'No.'", "said: 'Absolutely not.'", a "not"
        right after a word of yes turning it), or a clause of nothing but an auxiliary ("said she
        would not": -1; "said he would", "said she did": 1). None when it gives none."""
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.lex.speech:
            return None
        for child in verb.children:
            if child.i < verb.i:
                continue
            if child.lower_ == "not" and any(self.lex.answer_words.get(g.lower_, 0) > 0 for g in child.children):
                return -1  # ("Absolutely not": the parser hangs the yes on the "not")
            value = self.lex.answer_words.get(child.lower_)
            if value is not None and child.dep_ in ("advmod", "intj", "dobj", "npadvmod", "oprd", "acomp", "ccomp"):
                after = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
                return -value if value > 0 and after is not None and after.lower_ in self.lex.negations else value
            if child.dep_ == "ccomp" and (child.tag_ == "MD" or child.lemma_ in ("do", "be", "have")) \
                    and not any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "prep", "advcl") for c in child.children):
                return -1 if self._negated(child) else 1
        return None

    def _answered_own_side_sign(self, path: list[Token], idx: int, walk: _Walk) -> int | None:
        """The answer's sign when the path came up through a yes-or-no question the holder was
        asked about its own side ("whether she backed the levy": a cue on the path below, the
        question's subject a pronoun or the answerer), else None."""
        asked = path[idx - 1]
        question = path[idx - 2] if idx > 1 else None
        if question is None or question.head.i != asked.i or not walk.has_cue:
            return None
        if not _has_mark(question, YES_NO_MARKS):
            return None
        if any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in path[: idx - 2]):
            return None  # ("whether she thought Novak backed the levy": Novak's side, not hers)
        sign = self._yes_no_reply_sign(path[idx])
        if sign is None:
            return None
        subjects = [c for c in question.children if c.dep_ in ("nsubj", "nsubjpass")]
        answerers = {m.actor for c in path[idx].children if c.dep_ == "nsubj" for m in self.resolver.actors_of(c)}
        if len(subjects) != 1 or not answerers:
            return None
        subject = subjects[0]
        if subject.pos_ != "PRON" and {m.actor for m in self.resolver.actors_of(subject)} != answerers:
            return None  # ("Asked whether Kenya backed the levy, Roe said yes": Kenya's side, as Roe believes)
        return sign

    def _answers(self, verb: Token) -> bool:
        """Whether a verb after an "Asked about X" clause answers with a side of its own on X
        ("Pressed on the delay, Vos defended it"; "Asked to endorse the plan, Orlov refused"), not a
        refusal to say ("declined to comment") or words with no side ("said", "smiled")."""
        lemma = self._cue_lemma(verb)
        if lemma in self.lex.refusal_verbs:
            return not _takes_something(verb)
        return self.lex.polarity(lemma) in (1, -1)

    def _owns_the_issue(self, mention: Mention, walk: _Walk) -> bool:
        """Whether a mention is the possessor of a word of the issue itself ("Serbia's" in
        "Serbia's membership of the EU"), not of a noun around it ("Egypt's truce plan")."""
        root = self.doc[mention.start : mention.end].root
        return root.dep_ == "poss" and root.head.i in walk.in_match

    def _denied_fate(self, tok: Token, below: Token | None, walk: _Walk) -> bool:
        """Whether ``tok`` denies the issue below it, its subject, a fate of its own: a negated
        outcome verb ("the levy cannot work", "will never pass"), also through "going to" ("is not
        going to happen"). Only for the issue itself as subject, not a clause or another noun
        ("talks on the levy will not happen": the talks)."""
        if below is None or below.dep_ != "nsubj" or below.i not in walk.in_match or tok.pos_ not in ("VERB", "AUX") \
                or not self._negated(tok):
            return False
        if any(_timed(t) for t in [tok, *(c for c in tok.children if c.dep_ == "xcomp")]):
            return False  # "will not pass before the summer", "is not going to happen this week": a date
        if tok.lemma_.lower() == "go":
            return any(c.dep_ == "xcomp" and c.lemma_.lower() in self.lex.outcome_verbs for c in tok.children)
        # a judgment of what will or can be ("cannot work", "will never pass", "does not work"),
        # not a past event ("did not pass the Senate", "did not survive the vote": a fact)
        judged = tok.tag_ in ("VBZ", "VBP") or any(
            c.dep_ == "aux" and (c.tag_ == "MD" or c.lemma_ == "do" and c.tag_ in ("VBZ", "VBP")) for c in tok.children)
        return tok.lemma_.lower() in self.lex.outcome_verbs and judged and not any(c.dep_ == "dobj" for c in tok.children)

    def _conditional_kind(self, verb: Token) -> bool | None:
        """Whether a consequence stated on a condition is a threat (True) or a promise (False) by
        what it does to a penalty: "would impose tariffs on Peru if ..." puts one on (a threat),
        "would lift the sanctions if ..." takes one off (a promise); None when it does neither."""
        lemma = verb.lemma_.lower()
        if lemma not in self.lex.imposing_verbs | self.lex.relieving_verbs:
            return None
        # (the penalty as the object, the passive subject, or the instrument: "hit Russia with sanctions")
        penalties = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.penalty_nouns]
        penalties += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in self.lex.penalty_nouns]
        if not penalties:
            return None
        # ("would put sanctions on hold if ...": a penalty taken off)
        on_hold = any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in ("hold", "ice") for g in c.children) for c in verb.children)
        imposing = lemma in self.lex.imposing_verbs and not on_hold
        if self._negated(verb) or any(c.dep_ == "det" and c.lower_ == "no" for p in penalties for c in p.children):
            imposing = not imposing  # "would impose no sanctions if Caracas honoured the truce": a promise
        return imposing

    def _start_walk(self, head: Token, in_match: set[int], statement: Statement | None, sent: Span) -> _Walk:
        """The walk's state at the match: its own negation, and a weak cue when the issue is an action."""
        renamed = self._renamed_lists(sent)
        speech_cue = self._speech_cue(statement)
        walk = _Walk(
            in_match=in_match,
            statement=statement,
            speech_cue=speech_cue,
            top=statement_top(self.doc, statement) if statement and speech_cue else None,
            renamed=renamed,
            renamed_tokens={t.i for group in renamed.values() for t in group},
        )
        if self._negated(head):
            walk.flip()
        fate = self._infinitive_fate(head)
        if fate is not None and self.lex.polarity(self._cue_lemma(fate)) == -1:
            # "Peru's call for the toll road to be halted": what is called for is the issue halted
            # (any cue above, "call", "demand", is turned by it)
            walk.flip()
        if head.i in in_match and head.pos_ == "VERB" \
                and not (head.head.lemma_.lower() in self.lex.naming_cues and _named_by(head.head, head, in_match)):
            # (not a word of the issue the parser makes a verb under a verb of naming: "termed
            # fracking a menace" names fracking, nobody does it)
            # The issue is an action ("send Italian soldiers", "ending the war"): doing it is a weak
            # cue for support, its negation ("wouldn't send") for opposition; any predicate above
            # it decides. A neutral verb inside the match ("talk about land") is neutral.
            walk.has_cue = True
            if self.lex.polarity(head.lemma_) == 0:
                walk.neutral = True
        return walk

    @staticmethod
    def _infinitive_fate(head: Token) -> Token | None:
        """The passive infinitive after an issue that is the object of "for", which the parser
        hangs on the issue or on the word before "for" ("a call for the toll road to be halted",
        "demands for the tax to be scrapped", "voted for the dam to be halted"): the fate asked
        for the issue, else None (not a clause with a subject of its own, nor outside "for")."""
        if head.dep_ != "pobj" or head.head.lower_ != "for":
            return None
        # (on the issue as a relative clause, or on the word before "for" as its complement:
        # "call ... to be halted", "pressed ... to be suspended")
        for clause in (*head.children, *head.head.head.children):
            if clause.dep_ in ("relcl", "acl", "advcl", "xcomp") and clause.tag_ == "VBN" and clause.i > head.i \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
                    and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in clause.children) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "neg", "agent") for c in clause.children):
                # (not "for the levy not to be suspended": the call is for the issue then; not
                # "pressed for the tax, only to be rebuffed by Peru": what happened to the caller)
                return clause
        return None

    def _clause_path(self, head: Token, walk: _Walk) -> list[Token] | None:
        """The tokens from the match up to the top of its clause (or the statement's cue); None
        when the match sits in an embedded question or a clause that only dates something. Notes
        on ``walk`` whether a conditional clause was crossed."""
        path = [head]
        cur = head
        for _ in range(12):
            if cur.head.i == cur.i or (walk.top is not None and cur.i == walk.top.i):
                break
            # ("Asked whether/if she backed the levy, Roe said yes": a yes-or-no question answered
            # is read on to the answer, _answered_own_side_sign; "if" there is no condition)
            answered = _asked_clause(cur.head) and self._yes_no_reply_sign(cur.head.head) is not None \
                and _has_mark(cur, YES_NO_MARKS)
            if cur.dep_ == "advcl" and _has_mark(cur, CONDITIONAL_MARKS) and not answered:
                walk.conditional = True
            if _indirect_question(cur) and not answered:
                walk.withheld = self._withheld_answer(cur)
                return None  # "questioned how the ceasefire would be monitored": a question, no stance
            if cur.dep_ == "advcl" and cur.tag_ != "VBD" and _has_mark(cur, TEMPORAL_MARKS):
                return None  # "until the ceasefire is implemented, ...": a date, not a position
            relative = cur.dep_ == "relcl" and any(c.tag_ in RELATIVE_TAGS or c.lower_ == "that" for c in cur.children)
            # ("introduced a bill that would create the levy": what a document or proposal does is
            # read on up to whoever introduced, backed or vetoed it)
            # (or by a verb coordinated with the clause's own, sharing its subject: "a bill that
            # would raise the age and ban early withdrawals")
            own = path[1] if len(path) in (3, 4) and _shares_subject_with(path[1], cur) and path[len(path) - 2].head.i == cur.i else cur
            relative = relative and not (
                cur.head.lemma_.lower() in self.lex.document_nouns | PROPOSAL_NOUNS and (len(path) == 2 or own is not cur)
                and path[0].dep_ == "dobj"
                and (self.lex.polarity(self._cue_lemma(own)) in (1, -1) or self._cue_lemma(own) in self.lex.effect_verbs)
                and any(c.dep_ == "nsubj" and (c.tag_ in RELATIVE_TAGS or c.lower_ == "that") for c in cur.children))
            if cur.dep_ == "advcl" and _has_mark(cur, SUBORDINATE_MARKS):
                break  # "after Russia backed out of the deal": Russia's view, not the main clause's
            if (cur.dep_ == "pcomp" and cur.head.lower_ in ("with", "without") and cur.head.head.pos_ in ("VERB", "AUX")
                    or cur.dep_ == "relcl" and not any(t.tag_ in RELATIVE_TAGS or t.tag_ == "WRB" or t.lower_ == "that" for t in cur.subtree)) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in RELATIVE_TAGS for c in cur.children):
                # "approved the toll, with three members voting against", "criticised the toll Berg
                # voted against": a clause with a subject of its own is that subject's view, not
                # the main clause's (not a gerund under an adjective: "nothing wrong with Lew's
                # raising the problem" is the speaker's view of the raising)
                break
            if cur.dep_ == "relcl" and any(c.dep_ == "advmod" and c.tag_ == "WRB" for c in cur.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in cur.children):
                # "attended the talks, where Norway walked out in protest at the levy": a clause of
                # place or time with a subject of its own is that subject's, not the talks' (a
                # pronoun is read on: "attended the summit, where it endorsed the levy")
                break
            if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                break  # "Peru backed the loans and Chile rejected the dam": a clause of its own, Chile's
            if cur.dep_ == "csubj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) \
                    and not any(c.dep_ == "mark" for c in cur.children):
                # "the West must stop supplying arms to Kyiv and Ukraine must halt ...": a clause with
                # a subject of its own and no "that" is no clausal subject but a misparsed sentence
                break
            cur = cur.head
            path.append(cur)
            if relative:
                walk.relative_antecedent = cur
                break  # "a response from Trump, who threatened X": the clause ends at its antecedent
            if walk.at_statement_cue(cur):
                break
        return path

    def _withheld_answer(self, question: Token) -> list[Mention]:
        """Who declined to say whether they take a side on the issue: the question is a "whether"
        or "if" clause on a verb of telling (lexicon ``telling_verbs``) that is negated ("would not
        say") or taken by a verb of refusal ("declined to say"); within the question a cue of side
        stands on the path ("whether she would back the levy") and its subject is the one
        declining, by pronoun or by name. [] otherwise."""
        tell = question.head
        if not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in question.children) \
                or tell.pos_ != "VERB" or tell.lemma_.lower() not in self.lex.telling_verbs:
            return []
        asker = tell.head if tell.dep_ == "xcomp" and tell.head.lemma_.lower() in self.lex.refusal_verbs else tell if self._negated(tell) else None
        # (the question's own verb is the side: "whether he will back the levy", "vote for"; not
        # "whether she had met lobbyists opposed to the levy")
        words = [self._cue_lemma(question)] + [f"{question.lemma_.lower()} {c.lower_}" for c in question.children if c.dep_ == "prep"]
        if asker is None or not any(self.lex.polarity(w) in (1, -1) for w in words):
            return []
        decliners = [m for c in asker.children if c.dep_ == "nsubj" for m in self.resolver.actors_of(c)]
        subjects = [c for c in question.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(decliners) != 1 or len(subjects) != 1:
            return []
        subject = subjects[0]
        if subject.pos_ == "PRON":
            # (a pronoun of the decliner's kind: "he"/"she" for a person, "it"/"they" for a body)
            person = decliners[0].actor.actor_type == "person"
            same = subject.lower_ in (PERSON_SUBJECT_PRONOUNS if person else BODY_PRONOUNS)
        else:
            same = {m.actor for m in self.resolver.actors_of(subject)} == {decliners[0].actor}
        return decliners if same else []

    def _time_preposition(self, prep: Token) -> bool:
        """A preposition of time (lexicon ``time_prepositions``): "before", "after", "during", or
        of two words with the one before it ("ahead of", "prior to")."""
        before = prep.doc[prep.i - 1] if prep.i > 0 else None
        return prep.lower_ in self.lex.time_prepositions or (
            before is not None and f"{before.lower_} {prep.lower_}" in self.lex.time_prepositions)

    def _is_purpose(self, tok: Token, idx: int) -> bool:
        """An infinitive that names a purpose above the match ("peacekeepers to maintain X")."""
        return (
            idx > 0
            and tok.pos_ in ("VERB", "AUX")
            and tok.dep_ == "acl"
            and tok.lemma_.lower() in self.lex.purpose_verbs
            and any(c.lower_ == "to" for c in tok.children)
        )

    def _is_accusation(self, path: list[Token], idx: int) -> bool:
        """An accusation verb reached through its "of"/"for" phrase ("accused Ukraine of derailing X")."""
        return (
            idx > 1
            and path[idx].lemma_.lower() in self.lex.accusation_verbs
            and path[idx - 1].dep_ == "prep"
            and path[idx - 1].lower_ in ACCUSATION_PREPOSITIONS
        )

    def _conceded(self, walk: _Walk) -> bool:
        """Whether the issue sits under "despite" ("for buying oil despite the sanctions"): what is
        conceded is not the deed praised or punished."""
        return bool(walk.in_match) and any(t.dep_ == "prep" and t.lower_ in ("despite", "notwithstanding")
                                           for t in path_up(self.doc[min(walk.in_match)], 9))

    def _is_praise(self, path: list[Token], idx: int) -> bool:
        """A verb of praise reached through its "for"/"with" phrase ("thanked the minister for
        pushing the rise through", "credited Atim with saving the deal")."""
        return (
            idx > 1
            and path[idx].lemma_.lower() in self.lex.praise_verbs
            and path[idx - 1].dep_ == "prep"
            and path[idx - 1].lower_ in ("for", "with")
            and any(c.dep_ == "dobj" for c in path[idx].children)
        )

    def _praised_holders(self, verb: Token, walk: _Walk) -> list[_Holder] | None:
        """"Cabrera thanked Munoz for pushing the rise through": the one praised holds what the deed
        says (as the praiser tells it), and the praiser holds the same side (praising a deed is
        approving of it). Negated ("did not thank"), it says nothing. None when the deed has no
        cue or nobody named is praised: the walk reads on ("commended lawmakers for passing the
        tax" is the praiser's support, from the verb of praise)."""
        praised = [m for c in verb.children if c.dep_ == "dobj" for m in self.resolver.actors_of(c)]
        if not walk.has_cue or not praised:
            return None
        praisers = self._owner_mentions(verb, walk.statement)
        if self._negated(verb):
            return []
        by = praisers[0].actor.name if praisers else ""
        holders = [walk.holder(praised, reported_by=by)] if praised else []
        names = {m.actor for m in praised}
        praisers = [m for m in praisers if m.actor not in names]
        if praisers:
            holders.append(walk.holder(praisers))
        return holders

    def _rejected_alternative(self, path: list[Token], idx: int) -> bool:
        """Whether the path reaches ``path[idx]`` from what is put aside for something else:
        "instead of X", "rather than X" (as a preposition, or parsed as a coordination: "talks
        instead of X" with X a conjunct), "preferred A to X", "A is preferable to X" (the lexicon's
        ``preference_words``)."""
        tok = path[idx]
        low = tok.lower_

        def marks_alternative(word: Token) -> bool:
            return (word.lower_ == "of" and any(c.dep_ == "advmod" and c.lower_ == "instead" for c in word.children)
                    or word.lower_ == "than" and any(c.dep_ == "advmod" and c.lower_ == "rather" for c in word.children))

        if marks_alternative(tok) and tok.dep_ != "cc":
            # (a noun put aside: "talks instead of sanctions"; not "instead of opposing X, ...")
            return idx > 0 and path[idx - 1].pos_ in ("NOUN", "PROPN")
        if idx > 0 and path[idx - 1].dep_ == "conj":
            below = path[idx - 1]
            if any(c.dep_ == "cc" and marks_alternative(c) and c.i < below.i for c in tok.children):
                return True
        if low in ("to", "over") and tok.dep_ == "prep":
            head = tok.head
            words = self.lex.preference_words
            if head.lemma_.lower() in words:
                return True
            return head.dep_ == "dobj" and head.head.lemma_.lower() in words
        return False

    def _accused_holders(self, verb: Token, walk: _Walk) -> list[_Holder]:
        """"He accused Ukraine of derailing the ceasefire": the accused holds the view, as the
        accuser tells it, and the accuser the opposite one (as the coding guide reads an
        accusation: blaming Ukraine for derailing the ceasefire is standing up for it)."""
        accused = [m for c in verb.children if c.dep_ == "dobj" for m in self.resolver.actors_of(c)]
        accusers = self._owner_mentions(verb, walk.statement)
        if not walk.has_cue or not (accused or accusers) or self._negated(verb):
            return []  # (and "has never accused Peru of ..." says nothing of anyone)
        by = accusers[0].actor.name if accusers else ""
        holders = [walk.holder(accused, reported_by=by)] if accused else []
        accused_names = {m.actor for m in accused}
        accusers = [m for m in accusers if m.actor not in accused_names]
        if accusers and walk.polar and not self._hedged(verb):  # (not "may accuse Peru of ...")
            holders.append(replace(walk.holder(accusers), polarity=-walk.polarity))
        return holders

    def _read_predicate(self, path: list[Token], idx: int, side_clause: bool, walk: _Walk) -> None:
        """The cue of the path's token itself, and of a copula's adjective ("the plan was essential")."""
        tok = path[idx]
        below = path[idx - 1] if idx > 0 else None
        if walk.settled:
            return
        if below is not None and below.dep_ == "prep" and below.lower_ == "for" and tok.dep_ == "pobj" \
                and tok.lemma_.lower() in self.lex.exchange_nouns and tok.head.lower_ == "in":
            # "would resign in exchange for NATO membership", "offered to withdraw in return for a
            # levy": what is asked in return is wanted, whatever the price above says
            walk.has_cue = walk.polar = walk.settled = True
            return
        stance_object = self._misattached_stance_object(tok, below)
        if stance_object is not None:
            # "dropped its objections to the accord" with "to" hung on the verb: the object's
            # own cue is read first, and the verb is read on it
            self._apply_cue(stance_object, below, walk)
            below = stance_object
        if not _coordinated_sibling(path, idx) and (not side_clause or self.lex.polarity(self._cue_lemma(tok)) == 0):
            # (a participial side clause shares the main subject but keeps its own polarity:
            # "rejected the plan, calling for a ceasefire" is support for the ceasefire; a
            # neutral main verb still makes it neutral: "talking about that, dividing up assets")
            self._apply_cue(tok, below, walk)
        linking = self.lex.copular_verbs.get(tok.lemma_.lower()) if tok.pos_ in ("VERB", "AUX") else None
        if idx > 0 and (tok.lemma_ in COPULAS or linking is not None) and _evaluated_by_copula(path[idx - 1]):
            # "the plan was essential", "lifting the tariffs would be a mistake", "it was premature
            # to scrap the tariffs": the predicate adjective or noun carries the polarity.
            has_experiencer = bool(self._experiencers(tok))
            # (an idiom read as one word keeps its head's place: "is out of the question" is a prep)
            predicates = [c for c in tok.children if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN")
                          or c.lemma_ in self.lex.idioms and c.dep_ in ("prep", "advmod", "oprd")
                          # ("is misguided", "was overblown": a participle the parser tags a verb,
                          # judged when the lexicon lists the very form)
                          or c.dep_ == "acomp" and c.tag_ == "VBN" and self.lex.polarity(c.lower_) is not None]
            if linking is not None:
                # ("amounts to a betrayal", "constitutes a violation", "proved a disaster": the lexicon's
                # copular_verbs, with the complement as their object or after their preposition)
                predicates += [c for c in tok.children if c.dep_ in ("dobj", "oprd") and c.pos_ in ("ADJ", "NOUN")]
                predicates += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in linking
                               for g in c.children if g.dep_ == "pobj" and g.pos_ in ("ADJ", "NOUN")]
            # ("arbitrary and unworkable": the coordinated predicates say one thing, read once)
            predicates += [g for c in predicates for g in c.children if g.dep_ == "conj" and g.pos_ in ("ADJ", "NOUN")]
            ordered = sorted(predicates, key=lambda t: t.i)
            if any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for p in ordered for c in p.children):
                ordered.reverse()  # "flawed but essential": what comes after "but" is the verdict
            means = next((v for c in ordered if (v := self._means_verdict(c, self._negated(tok)))), 0)
            if means and not has_experiencer:
                # "a ceasefire was the fastest way to stop the killing": for it ("was not the
                # only way", "the wrong path": against)
                walk.has_cue = walk.polar = walk.judged = True
                if means < 0:
                    walk.flip()
                if self._negated(tok):
                    walk.flip()
                ordered = []
            ordered = [w for c in ordered for w in self._evaluation(c)]
            for comp in ordered:
                if has_experiencer:
                    break  # (with "to X" the experiencer rule gives X the view)
                self._apply_cue(comp, None, walk)
                if self.lex.polarity(self._cue_lemma(comp)) is not None:
                    walk.judged = True  # (the issue itself judged: a denial of it turns it, _with_speaker)
                    break  # "was bad for consumers and bad for Poland" is one objection, not two
        if idx > 0 and path[idx - 1].dep_ == "nsubj" and path[idx - 1].i in walk.in_match:
            # "the tariffs may need to be reduced", "the levy has to be scrapped": the issue is the
            # subject of the verb above only by raising; the passive infinitive says what happens
            # to it (its logical object), and is read with the verb above. ("Critics of the tariffs
            # need to be stopped": not the issue.)
            for comp in tok.children:
                if comp.dep_ == "xcomp" and comp.pos_ == "VERB" and has_passive_aux(comp):
                    self._apply_cue(comp, path[idx - 1], walk)
        if _identity_copula(path, idx):
            # "Lima's demand was a tariff exemption": the subject noun's cue is the issue's.
            for subj in _identity_subjects(tok):
                self._apply_cue(subj, None, walk)
        self._read_frames(path, idx, walk)

    def _as_phrase_judges(self, verb: Token, obj: Token) -> bool:
        """Whether the "as" phrase of a framing verb (on the verb or its object) has a word the
        lexicon judges ("as too weak", "as a disaster")."""
        return any(self.lex.polarity(self._cue_lemma(w)) is not None for frame in _as_frames(verb, obj) for w in frame.subtree)

    def _read_frames(self, path: list[Token], idx: int, walk: _Walk) -> None:
        """What a framing or naming verb says of its object, the issue ("sees the dam as a
        disaster", "called the levy a mistake"). Denied, the name says nothing of the issue ("did
        not call the levy a mistake"), except under a verb of opinion, whose negation is the
        name's ("does not consider the levy necessary": against it; NEG_RAISING_FRAMES)."""
        tok = path[idx]
        if self._read_frame_words(path, idx, walk) and self._negated(tok):
            self._deny_name(tok, walk)

    def _deny_name(self, verb: Token, walk: _Walk) -> None:
        """A name given by a negated verb of naming or framing: under a verb of opinion the
        negation is the name's ("does not consider the levy necessary": against it); otherwise
        it says nothing of the issue ("did not call scrapping the levy a mistake": no side at all,
        not even the scrapping's)."""
        walk.seen_cues.add(verb.i)
        if verb.lemma_.lower() in NEG_RAISING_FRAMES:
            walk.flip()
        else:
            walk.forget_side()

    def _read_frame_words(self, path: list[Token], idx: int, walk: _Walk) -> bool:
        """``_read_frames`` without the verb's negation; whether a name was read."""
        tok = path[idx]
        read = False
        framed_as = idx > 0 and path[idx - 1].dep_ == "dobj" and bool(_as_preps(tok, path[idx - 1]))
        if framed_as and tok.lemma_.lower() in self.lex.censuring_frames and tok.i not in walk.seen_cues \
                and not self._negated(tok) and not self._as_phrase_judges(tok, path[idx - 1]):
            # "attacked the highway bill as a blank check for contractors": against it ("attacked
            # the sanctions as too weak" is read from the words after "as"; "did not attack" says
            # nothing)
            walk.seen_cues.add(tok.i)
            walk.has_cue = walk.polar = True
            walk.flip()
            read = True
        if idx > 0 and tok.lemma_.lower() in self.lex.framing_verbs | self.lex.censuring_frames and path[idx - 1].dep_ == "dobj":
            # "sees the dam as a disaster", "regards the pact as essential": the "as" phrase
            # carries the polarity of the framing.
            for frame in _as_frames(tok, path[idx - 1]):
                words = self._evaluation(frame)
                if frame.pos_ == "NOUN" and words == [frame] and self.lex.polarity(frame.lemma_.lower()) is None \
                        and not (walk.problem and frame.lemma_.lower() in self.lex.problem_cues) \
                        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in frame.children):  # ("a good example of")
                    # (a problem called "the greatest challenge" is judged by "challenge", not "greatest")
                    # ("described the pipeline as a vital artery": whatever the issue is
                    # framed as, the adjective judges the issue itself)
                    words = [c for c in frame.children if c.dep_ == "amod" and self._takes_side(c)][:1] or words
                for word in words:
                    self._apply_cue(word, None, walk)
                    read = True
        if idx > 0 and _named_object(path[idx - 1], walk.in_match) and self._cue_lemma(tok) in self.lex.framing_verbs | self.lex.naming_cues:
            # "called the levy a mistake", "branded the quotas unfair": the object's predicate
            # (``oprd``, or a second object the parser makes of it: "branded the merger a
            # disaster") carries the polarity of the naming.
            # (or an apposition to the object: "branded the dam a disaster")
            frames = [*tok.children, *path[idx - 1].children, *_trailing_names(path[idx - 1])]
            # (a word of the issue the parser makes the name hands it on: "called [the new catch]
            # [limits] [a step in the right direction]", "limits" an ``oprd``, the name its object)
            frames += [c for f in frames if f.i in walk.in_match and f.i != path[idx - 1].i for c in f.children if c.i > f.i]
            for frame in frames:
                if frame.i in walk.in_match:
                    continue
                if _is_name(frame, path[idx - 1]):
                    # ("cruel, dangerous and out of step": the first word the lexicon judges)
                    judged = [self._evaluation(f) for f in [frame, *frame.conjuncts]]
                    for word in next((w for w in judged if w and self.lex.polarity(w[0].lemma_.lower()) is not None), judged[0]):
                        self._apply_cue(word, None, walk)
                        walk.judged = walk.judged or self.lex.polarity(word.lemma_.lower()) in (1, -1)
                        read = True
            # "regards the levy as long overdue", parsed as an adverbial clause with "as" below it
            for frame in tok.children:
                if frame.dep_ in ("advcl", "acomp", "xcomp") and frame.pos_ == "ADJ" and frame.i > path[idx - 1].i \
                        and any(c.lower_ == "as" for c in frame.children):
                    self._apply_cue(frame, None, walk)
                    read = True
        return read

    def _means_verdict(self, predicate: Token, negated: bool) -> int:
        """+1 when a predicate noun calls the issue a good means ("the only way", "the best path"),
        -1 a bad one ("the wrong way"), 0 otherwise (the lexicon's ``means_nouns`` and
        ``means_adjectives``), times what the end is worth (``_goal_value``). "Is not the only
        way" says there are others: no side."""
        if predicate.pos_ != "NOUN" or predicate.lemma_.lower() not in self.lex.means_nouns:
            return 0
        # (a way to a bad end is a bad thing: "the fastest way to ruin farmers", "the surest path
        # to war"; a goal the lexicon cannot judge says nothing)
        goal = self._goal_value(predicate)
        for c in predicate.children:
            if c.dep_ == "amod" and not (negated and c.lower_ in ("only", "sole")):
                value = self.lex.means_adjectives.get(c.lower_) or self.lex.means_adjectives.get(c.lemma_.lower())
                if value:
                    return value * goal if goal is not None else 0
        return 0

    def _goal_value(self, means: Token) -> int | None:
        """+1 or -1 for the end a noun of means leads to, as the lexicon judges it: an infinitive
        ("way to end the war": -1 * -1) or a "to"/"for"/"towards" noun ("path to peace", "road to
        war"); 1 when there is none ("the best way forward") or the lexicon does not judge it;
        None for harm to an end it does not judge ("the way to ruin farmers")."""
        for c in means.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                lemma = self._cue_lemma(c)
                sign = self.lex.effect_verbs.get(lemma) or self.lex.polarity(lemma) or 1
                # (someone's or a nation's named is not a wanted end of anyone's: "the fastest way to
                # ruin Serbian farmers")
                objects = [o for o in c.children if o.dep_ in ("dobj", "nsubjpass") and not self._someone_elses(o)]
                values = [self.lex.outcome_nouns.get(o.lemma_.lower()) for o in objects]
                known = [v for v in values if v]
                if known:
                    return sign * known[0]
                # (an end the lexicon does not judge is wanted, "the fastest way to reopen schools",
                # unless the verb harms it: "the fastest way to ruin farmers" says nothing sure)
                return None if sign < 0 else 1
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "towards", "toward"):
                nouns = [g for g in c.children if g.dep_ == "pobj"]
                known = [v for g in nouns if (v := self.lex.outcome_nouns.get(g.lemma_.lower()))]
                return known[0] if known else 1  # ("the only path to the middle class")
            if c.dep_ == "relcl":
                return None  # "the only basis on which a settlement can be built": unread
        return 1

    def _someone_elses(self, outcome: Token) -> bool:
        """Whether an outcome is named as someone's or a nation's ("Serbian farmers", "Peru's
        economy"; not "our jobs")."""
        kb = self.resolver.kb
        return any(c.dep_ == "poss" and c.lower_ not in ("our", "my")
                   or c.dep_ in ("amod", "compound") and (c.lower_ in kb.demonyms or c.pos_ == "PROPN" and kb.country_of(c.text))
                   for c in outcome.children)

    def _evaluation(self, predicate: Token) -> list[Token]:
        """The words that judge in a predicate: the predicate itself, or, for a noun that takes no
        side of its own, the adjective that does on a noun of the lexicon's ``judged_nouns`` ("was
        a bad idea", "called the levy a terrible deal", "sees the pact as a positive step"; not "a
        good example of"), or the noun after "of" ("an act of vandalism"); "a huge mistake" is the
        noun's."""
        if predicate.pos_ != "NOUN":
            return [predicate]
        if predicate.lemma_.lower() in self.lex.change_nouns and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in predicate.children):
            return []  # "would be a tax increase on families": a change to the tax, no verdict on the subject
        # ("a good deal for Hamas" judges what it does for them: no side of the speaker's)
        for_someone = any(c.dep_ == "prep" and c.lower_ == "for" and any(
            g.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for g in c.subtree) for c in predicate.children)
        # (a judged noun's adjective comes first, also when the noun has a side of its own: "a bad
        # plan", "a terrible proposal" are against; "a huge mistake" is the noun's)
        judging = [c for c in predicate.children if c.dep_ == "amod" and c.pos_ == "ADJ"
                   and self.lex.polarity(c.lemma_.lower()) is not None] if predicate.lemma_.lower() in self.lex.judged_nouns and not for_someone else []
        if judging:
            return judging[:1]
        if self.lex.polarity(predicate.lemma_.lower()) is not None:
            return [predicate]
        # ("an act of vandalism", "a kind of surrender": the noun after "of" judges)
        judging += [g for g in of_objects(predicate) if g.pos_ == "NOUN" and self.lex.polarity(g.lemma_.lower()) in (1, -1)]
        return judging[:1] or [predicate]

    def _misattached_stance_object(self, verb: Token, below: Token | None) -> Token | None:
        """The stance noun a verb's object names when the preposition after it hangs on the verb
        ("dropped its objections | to the accord", "withdrew its support | for the dam", "made the
        case | for the levy": a noun whose phrase with the preposition is a cue); None when there
        is none."""
        if below is None or below.dep_ != "prep" or below.lower_ not in STANCE_OBJECT_PREPOSITIONS or verb.pos_ != "VERB":
            return None
        return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < below.i
                     and (self._takes_side(c) or self._phrase_takes_side(c, below))), None)

    def _effect_on_outcome(self, verb: Token, below: Token | None, walk: _Walk) -> int:
        """+1 or -1 when the issue, as the active subject of a verb of effect, brings about or
        raises a wanted outcome or destroys or lowers an unwanted one (+1: "the truce would end the
        fighting", "the mine will create jobs") or the reverse (-1: "the levy would destroy jobs",
        "will lead to shortages", "will create no jobs"); 0 when the verb, its subject or its
        object is not so, when the outcome is someone's ("cut the junta's revenue") and when the
        speaker concedes it. The outcome is the object's head ("job losses" is no job)."""
        if verb.pos_ != "VERB" or not self._judged_as_cause(below, walk):
            return 0
        statement = walk.statement
        if statement is not None and statement.cue_token is not None \
                and self.doc[statement.cue_token].lemma_.lower() in self.lex.concession_verbs | self.lex.estimate_verbs:
            return 0  # "Marek conceded the road would raise emissions", "the office estimated ...": not a side
        hedged = any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children)
        if any(c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS | {"if", "unless"} for c in verb.children) \
                or (hedged or self._but_of_the_same(verb, walk)) and any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children):
            return 0  # "even if the tariffs cause shortages, ...", "may cause shortages, but ...": granted or supposed
        lemma = self._cue_lemma(verb)
        # ("bring the deficit down": the particle may follow the object)
        lemma = next((f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children
                      if c.dep_ == "prt" and f"{verb.lemma_.lower()} {c.lower_}" in self.lex.effect_verbs), lemma)
        outcomes = []
        if lemma in self.lex.effect_verbs:
            outcomes = _objects(verb)
            sign = self.lex.effect_verbs[lemma]
        else:
            preps = [c for c in verb.children if c.dep_ == "prep" and f"{lemma} {c.lower_}" in self.lex.effect_verbs]
            if not preps:
                return 0
            sign = self.lex.effect_verbs[f"{lemma} {preps[0].lower_}"]
            outcomes = [c for c in preps[0].children if c.dep_ == "pobj"]
        for obj in outcomes:
            obj = _counted(obj)
            value = self._outcome_value(obj)
            if not value:
                continue
            if any(c.dep_ == "poss" and c.lower_ not in ("our", "my") for c in obj.children) or self._placed_or_qualified(obj, walk) \
                    or any(c.dep_ == "prep" and c.lower_ in ("in", "for", "to") and self._placed_or_qualified(c, walk) for c in verb.children):
                return 0  # "cut the junta's oil revenue", "jobs in China": someone else's, wanted or not
            if any(c.dep_ == "det" and c.lower_ == "no" or c.dep_ == "amod" and c.lower_ in ("fewer", "less", "few", "little")
                   for c in obj.children):
                value = -value  # "will create no jobs", "fewer jobs than promised"
            return sign * value
        return 0

    def _judged_as_cause(self, below: Token | None, walk: _Walk) -> bool:
        """``_issue_as_subject`` with the lexicon's aim nouns, except an aim of the speaker's own:
        "Ghana acknowledged that its decision to scrap the levy would hurt farmers" admits a cost,
        it passes no verdict on its own side."""
        if not _issue_as_subject(below, walk, self.lex.aim_nouns):
            return False
        speaker = walk.statement.speaker if walk.statement is not None else None
        return below is None or speaker is None or not any(
            c.dep_ == "poss" and any(m.actor == speaker for m in self.resolver.actors_of(c)) for c in below.children)

    def _outcome_value(self, obj: Token) -> int:
        """The lexicon's ``outcome_nouns`` value of a noun, by lemma or as written (+1 wanted, -1
        unwanted), 0 for none."""
        return self.lex.outcome_nouns.get(obj.lemma_.lower()) or self.lex.outcome_nouns.get(obj.lower_, 0)

    def _but_of_the_same(self, verb: Token, walk: _Walk) -> bool:
        """Whether a clause after "but" says something else of the same issue, which is then the
        verdict ("will cost some jobs, but it is necessary", "will raise revenue but will drive
        investors away"); not a clause of someone else ("will cut emissions, but Republicans will
        never accept it")."""
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or any(c.lower_ in ("it", "they", "this") or c.i in walk.in_match for c in subjects):
                return True
        return False

    def _placed_or_qualified(self, outcome: Token, walk: _Walk) -> bool:
        """Whether an outcome belongs to a country other than the speaker's ("Russian revenue",
        "jobs in China", "shortages of parts for Russia's army"; "jobs in Ohio" or, from an American,
        "American jobs" stay), or is qualified so that it may not be wanted ("jobs mainly for
        foreigners", "jobs during construction but few afterwards")."""
        kb = self.resolver.kb
        statement = walk.statement
        own = statement.speaker.country if statement is not None and statement.speaker is not None else ""
        for tok in outcome.subtree:
            if tok.i == outcome.i:
                continue
            country = kb.demonyms.get(tok.lower_) or (kb.country_of(tok.text) if tok.pos_ == "PROPN" else "")
            if country and country != own:
                return True
            if tok.dep_ == "cc" and tok.lower_ == "but" or tok.dep_ in ("advmod", "neg") and tok.lower_ in ("mainly", "mostly", "only", "not"):
                return True
        return False

    def _judges(self, verb: Token, sided: bool = False) -> bool:
        """Whether a verb above a clause about the issue judges it: a cue of its own, a verb of
        effect or harm, or a predicate the lexicon knows ("would be a mistake", "is unfair"); with
        ``sided``, a cue that takes a side, not a neutral one ("was discussed")."""
        lemma = self._cue_lemma(verb)
        known = (1, -1) if sided else (1, -1, 0)
        if self.lex.polarity(lemma) in known or lemma in self.lex.effect_verbs or lemma in self.lex.cause_only_cues | self.lex.effect_cues:
            return True
        return any(self.lex.polarity(self._cue_lemma(w)) in known or w.lemma_.lower() in self.lex.idioms
                   for c in verb.children if c.dep_ in ("acomp", "attr", "oprd", "prep", "advmod")
                   for w in self._evaluation(c))

    def _takes_side(self, tok: Token) -> bool:
        """Whether the lexicon gives the word a side, support or oppose (not neutral)."""
        return self.lex.polarity(tok.lemma_.lower()) in (1, -1)

    def _phrase_takes_side(self, noun: Token, prep: Token) -> bool:
        """Whether the lexicon gives a noun with a preposition a side ("case for", "funding for")."""
        return self.lex.polarity(f"{noun.lemma_.lower()} {prep.lower_}") in (1, -1)

    def _threatens_a_tool(self, verb: Token, below: Token | None) -> bool:
        """Whether a threat verb names its actor's own means, not a danger to the issue: what the
        actor threatens to do ("Lima threatened to veto the levy"), a measure threatened on a
        condition ("threatened tariffs if Quito ...") or a stance noun ("threatened a boycott of
        the accord"). Not "Lima threatened the truce" (against it), nor a threat with no actor
        ("the strikes threatened to derail the truce": still a danger to it)."""
        conditional = any(c.dep_ == "advcl" and _has_mark(c, CONDITIONAL_MARKS - {"whether"}) for c in verb.children)
        if below is not None and below.dep_ == "prep" and below.lower_ == "of":
            # "warned of new sanctions if Moscow refused": a penalty warned of on a condition is
            # the threat itself ("warned of new sanctions" alone may be a forecast, and so may
            # "warned of a recount if the margin fell"; "did not warn of" threatens nothing)
            warned = [c for c in below.children if c.dep_ == "pobj"]
            return conditional and not self._negated(verb) and any(w.lemma_.lower() in self.lex.penalty_nouns for w in warned) \
                and self._has_actor_subject(verb)
        if below is None or below.dep_ not in ("xcomp", "dobj"):
            return False
        if below.dep_ == "dobj" and not (self._takes_side(below) or conditional):
            return False
        return self._has_actor_subject(verb)

    def _has_actor_subject(self, verb: Token) -> bool:
        """Whether a verb's subject, or the subject it shares with the verb it is coordinated with
        ("Rome and Paris called for a truce and warned of sanctions if ..."), names an actor."""
        while True:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
                return any(self.resolver.actors_of(c) for c in subjects)
            verb = verb.head

    def _apply_cue(self, tok: Token, below: Token | None, walk: _Walk) -> None:
        """Read one predicate's polarity into the walk (``_read_cue``), on a problem's words
        ("climate change" for acting on it) with the problem's own words: the lexicon's
        ``problem_cues`` take a side on a problem where they take none on a policy ("vowed to
        tackle climate change", "called global warming a crisis"). The claim turns a side on a
        problem round (fighting it is support), except when the first word that takes a side is
        one of the lexicon's ``reality_words``, which say whether the problem is real or matters
        ("called climate change a hoax", "denies global warming", "ignored it": opposition; "accepts
        it": support): that side is the issue's own, and is turned here so the claim's turn undoes it."""
        first = walk.problem and not walk.polar
        if walk.problem and not walk.has_cue and tok.pos_ == "NOUN" and below is not None and below.i in walk.in_match \
                and below.dep_ in ("compound", "amod", "nmod") and tok.i not in walk.seen_cues \
                and self.lex.problem_cues.get(tok.lemma_.lower(), 0) < 0 and tok.lemma_.lower() not in self.lex.reality_words:
            # ("vowed to fight the obesity epidemic", "the flooding crisis is a hoax": a noun of
            # alarm the problem's words modify names the problem again, no alarm of its own;
            # "called obesity an epidemic" still sounds it; "the smog myth" still plays it down)
            walk.seen_cues.add(tok.i)
            return
        word = self._problem_word(tok, below) if walk.problem else ""
        if walk.problem and tok.pos_ == "NOUN" and tok.i not in walk.seen_cues and tok.i not in walk.in_match:
            # (a name whose adjective says the problem is not real or does not matter, "a fake
            # crisis", "a minor problem": the adjective decides, not the noun)
            playing_down = next((c for c in tok.children if c.dep_ == "amod" and c.lemma_.lower() in self.lex.reality_words
                                 and self.lex.problem_cues.get(c.lemma_.lower(), 0) < 0), None)
            if playing_down is not None:
                walk.seen_cues.add(tok.i)
                tok, below, word = playing_down, None, playing_down.lemma_.lower()
        if word in self.lex.problem_cues and tok.i not in walk.seen_cues and tok.i not in walk.in_match \
                and self.lex.polarity(self._cue_phrase(tok, below)) in (None, 0):
            side = self.lex.problem_cues[word]
            walk.seen_cues.add(tok.i)
            walk.has_cue = walk.polar = True
            walk.neutral = False
            if side < 0:
                walk.flip()
            if self._negated(tok) or tok.dep_ in ("attr", "acomp", "oprd") and self._negated(tok.head):
                walk.flip()  # ("global warming is not real")
        else:
            self._read_cue(tok, below, walk)
        if first and walk.polar and (word in self.lex.reality_words or self._cue_phrase(tok, below) in self.lex.reality_words):
            walk.flip()

    def _problem_word(self, tok: Token, below: Token | None) -> str:
        """How the lexicon's problem lists know a token: with its particle or the preposition
        below it when listed so ("shrug off", "believe in"), else its lemma; '' for a word that
        cannot take a side (not a verb, noun or adjective)."""
        if tok.pos_ not in ("VERB", "NOUN", "ADJ"):
            return ""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" and lemma in self.lex.problem_nouns_only:
            return ""  # ("challenged the existence of it", "it lies at the heart of": not "a challenge", "a lie")
        known = self._problem_words
        for c in [*tok.children, *([below] if below is not None else [])]:
            # (and an adverb the phrase needs: "must be taken seriously")
            if (c.dep_ in ("prt", "advmod") or c.dep_ == "prep" and (below is not None and c.i == below.i or c.lower_ in PARTICLES)) \
                    and f"{lemma} {c.lower_}" in known:
                return f"{lemma} {c.lower_}"
        return lemma

    def _read_cue(self, tok: Token, below: Token | None, walk: _Walk) -> None:
        """Read one predicate's polarity into the walk (once per token): a lexicon cue, an
        inversion noun, a neutral cue, or an instrument ("threatened Russia with sanctions")."""
        if tok.i in walk.seen_cues or tok.i in walk.in_match:
            return
        walk.seen_cues.add(tok.i)
        if below is not None and below.dep_ == "nsubjpass" and self._judging_participle(tok):
            walk.judged = True  # ("support for it is misguided": the participle judges its subject)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.time_part_nouns and tok.dep_ == "pobj" \
                and tok.head.lower_ in TIME_PLACE_PREPOSITIONS | self.lex.place_prepositions:
            return  # "walked out near the end of the vote on the levy": a time, no ending of the vote (the walking out is read)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.decline_nouns and below is not None and below.dep_ == "prep" \
                and below.lower_ in ("in", "of") and self._reached_through_nouns(below, walk):
            # "welcomed the decline in support for the levy", "lamented the collapse of the truce": a
            # fall of what it is of turns the side, whatever the word says as a verb ("declined to
            # sign"); not a fall the issue causes ("the drop in prices caused by the levy"), and a
            # side only as the object of a verb of judgment ("the collapse of the truce was
            # reported", "predicted the collapse of it": nobody's; "discussed" it: neutral)
            walk.flip()
            walk.has_cue = walk.has_cue or tok.dep_ == "dobj" and self._fact_judgment(tok.head) != 0
            return
        judge = tok
        if tok.lemma_.lower() in BEING_COPULAS and below is not None and below.dep_ == "ccomp":
            # ("it is unfortunate that the council blocked it": the clause hung on the copula)
            judge = next((c for c in tok.children if c.dep_ in ("acomp", "attr") and self._fact_judgment(c)), tok)
        judgment = self._fact_judgment(judge)
        if judgment and below is not None and self._judged_fact(below, walk):
            # "Roe regretted that Congress scrapped the levy", "said it was a shame that senators
            # rejected it", "was glad that ...": whoever judges someone's act takes the side the act
            # takes, turned by a bad judgment (the doer, below, keeps their own)
            if walk.neutral and not walk.polar:
                return  # ("it was good that Congress debated the levy": an act with no side)
            walk.has_cue = walk.polar = True
            if judgment < 0:
                walk.flip()
            if self._judgment_denied(judge):
                walk.flip()  # ("was not sorry that ...")
            clause = judge.head if judge.dep_ in ("attr", "acomp") else judge
            if any(c.dep_ in ("nsubj", "expl") and c.lower_ in IMPERSONAL_WORDS for c in clause.children):
                walk.fact_judge = clause  # ("said it was a mistake that Congress scrapped it": the speaker judges)
            return
        if tok.dep_ in ("prt", "advmod") and self._cue_lemma(tok.head) == f"{tok.head.lemma_.lower()} {tok.lower_}":
            return  # the "back" of "pushed back against the dam" is part of its verb's cue, no "back" of its own
        # "voted for the levy", "fought for the dam": the verb with its preposition is the cue
        # (listed as such, so that "fight for" and a plain verb can differ).
        lemma = self._cue_phrase(tok, below)
        if tok.tag_ == "RB" and tok.dep_ == "advmod" and tok.lower_ in PLACE_ADVERBS:
            return  # "was back for the vote", "came back to the debate": an adverb of place, no backing
        if lemma in self.lex.made_phrases and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lex.phrase_making_verbs):
            return  # "the case for the levy is weak", "questioned the case for it": not who made it
        if lemma in self.lex.affirmative_only_cues and (self._negated(tok) or tok.dep_ in ("attr", "acomp", "oprd") and self._negated(tok.head)):
            return  # "the levy is not a top priority": no side we can read
        if tok.pos_ in ("ADJ", "ADV") and tok.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and tok.head.lemma_.lower() in self.lex.result_verbs \
                and below is not None and below.dep_ in ("nsubj", "dobj") and below.i in walk.in_match:
            return  # "new barriers would make the toll road safer": what someone else makes of it, no side
        if tok.dep_ == "conj" and _neither_nor(tok) and self.lex.polarity(lemma) in (1, -1) \
                and (self.lex.polarity(self._cue_lemma(tok.head)) or (1 if tok.head.lower_ == "for" else 0)) == -(self.lex.polarity(lemma) or 0):
            # "neither for nor against the levy", "would neither sign nor veto the bill": both
            # sides denied is no side (the first of the two is read here too)
            walk.seen_cues.add(tok.head.i)
            walk.neutral = walk.has_cue = True
            return
        if lemma in self.lex.naming_cues and tok.pos_ == "VERB" and below is not None and self._negated(tok) \
                and (below.dep_ == "oprd" or below.dep_ in ("ccomp", "xcomp") and below.pos_ in ("ADJ", "NOUN")) and below.i not in walk.in_match:
            # "did not call the levy necessary": the name on the way up, read already
            self._deny_name(tok, walk)
            return
        if lemma in self.lex.naming_cues and below is not None and _named_by(tok, below, walk.in_match):
            # "called the mine a big project": a verb of naming takes no side of its own (not "call
            # for"); what it names the issue does (_read_frames)
            return
        if lemma in self.lex.naming_cues and lemma in self.lex.prepositional_cues and tok.pos_ == "VERB" and below is not None \
                and not (below.dep_ == "prep" and below.lower_ in self.lex.prepositional_cues[lemma]) and not is_to_infinitive(below):
            # "call" takes a side only through its preposition ("called for a levy", "called on
            # Congress to pass it") or an infinitive; with the issue as its object it names it, and
            # a name the parser has lost ("called border wall funding a waste", "called the ban,
            # which Berg backs, a disgrace") is no reason to read it as support
            return
        if lemma in self.lex.lapsing_verbs and tok.head.lemma_.lower() in ("let", "allow") and below is not None \
                and below.dep_ in ("nsubj", "compound", "amod", "nmod") and any(t.i in walk.in_match for t in below.subtree):
            # "urged Congress to let the tax credits expire": letting it lapse is against it
            # ("should not let it lapse", "will not allow it to expire": for it)
            walk.has_cue = walk.polar = True
            walk.flip()
            walk.seen_cues.add(tok.head.i)
            if self._negated(tok.head):
                walk.flip()
            return
        if lemma in self.lex.effort_verbs and below is not None and below.dep_ in ("xcomp", "advcl") and below.pos_ == "VERB" \
                and any(c.lower_ == "to" and c.dep_ == "aux" for c in below.children):
            return  # "sued to stop the levy", "fought to keep the dam": the goal says it
        if walk.judged and lemma in FEAR_WORDS:
            return  # "fears the levy will destroy jobs": the effect has judged it already
        if lemma in self.lex.own_act_verbs and self._someone_elses_act(tok):
            # "smugglers supplied weapons, a UN report said", "negotiators stripped the subsidy out
            # of the deal, the minister said": an act of someone the knowledge does not know is
            # no view of theirs, nor of whoever reports it
            walk.others_act = True
            return
        if lemma in self.lex.refusal_verbs:
            answering = below is not None and _asked_clause(below) and not _takes_something(tok)
            if not answering and (below is None or below.dep_ not in REFUSED_DEPS
                                  or below.dep_ == "dobj" and not self._issue_is_object(tok, below, walk)):
                # only what is refused: "support for the levy has declined" is a fall; "asked about
                # the levy, Roe declined to comment" refuses nothing of the levy; "declined an
                # invitation to a hearing on the pipeline" refuses the invitation
                # ("Asked to endorse the plan, Orlov refused": the refusal answers what was asked)
                return
            if below is not None and below.dep_ == "xcomp" and (below.lemma_.lower() in self.lex.speech | {"comment"} or _takes_a_position(below)):
                # "declined to comment on the truce", "refused to say", "declined to take a
                # position on the cap": declining to say is no side (CODING.md: neutral; "refused
                # to negotiate the truce" stays a refusal)
                walk.neutral = walk.has_cue = True
                walk.polar = False
                return
        if lemma in self.lex.providing_verbs and (tok.dep_ == "pcomp" or any(
                c.dep_ == "aux" and c.lower_ in self.lex.hedges for c in tok.children)):
            # "reports that China might send peacekeepers": a guess, no side; "a call for
            # “providing weapons”", "talk of sending troops": the act named, whose side is the
            # words' around it
            return
        if self._denied_fate(tok, below, walk):
            # "said the levy cannot work", "will never pass", "was not going to happen": an
            # issue's own fate denied by whoever says so is a side against it ("will pass" is a
            # forecast, no side)
            walk.has_cue = walk.polar = True
            walk.flip()
            return
        effect = self._effect_on_outcome(tok, below, walk)
        if effect:
            # "the levy would destroy jobs", "the truce would end the fighting": what the issue
            # does to a wanted or unwanted outcome is a side on it
            walk.judged = True
            walk.has_cue = walk.polar = True
            if effect < 0:
                walk.flip()
            if self._negated(tok):
                walk.flip()
            return
        if lemma in self.lex.threat_verbs and self._threatens_a_tool(tok, below):
            # "Lima threatened to veto the levy": an actor's threat to do something is the will to
            # do it, no objection of its own (two oppose cues in a row would turn the side back)
            walk.has_cue = walk.polar = True
            if self._negated(tok):
                walk.flip()
            return
        if lemma in self.lex.instrument_verbs and below is not None and below.dep_ == "prep" and below.lower_ == "with":
            # "threatened Russia with new sanctions": the sanctions are the holder's own tool.
            walk.has_cue = walk.polar = True
            punished = any(g.dep_ == "prep" and g.lower_ == "for" and any(t.i in walk.in_match for t in g.subtree)
                           for obj in below.children if obj.dep_ == "pobj" for g in obj.children) and not self._conceded(walk)
            if punished:
                walk.flip()  # "... with consequences for dragging its feet on the truce": against the deed
            return
        if lemma in self.lex.owned_nouns and tok.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in tok.children) \
                and not self._proposal_owners(tok):
            return
        if lemma in self.lex.owned_nouns and tok.pos_ == "NOUN" and below is not None and below.dep_ in ("acl", "ccomp", "relcl") \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children):
            return  # "India's idea that the ban was premature": a content said, no proposal of it
        # ("dropped its objections to the accord": a stance of its own as the object counts too)
        # (or a document: "introduced a bill to create the loans")
        stance_object = below is not None and below.dep_ == "dobj" and (
            self._takes_side(below) or below.lemma_.lower() in self.lex.document_nouns)
        # (an enacting verb also through "of": "unveiled the final version of the plan")
        through_of = self.lex.polarity(lemma) == 1 and lemma not in DIRECT_OBJECT_CUES
        if lemma in STRICT_OBJECT_CUES and any(c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ == "to"
                                                and not any(g.dep_ == "pobj" and g.like_num for g in c.children) for c in tok.children):
            return  # "passed over the bill", "passed the proposal to the group's leaders": handed on, not passed
        # ("voted down the bill" with "down" parsed as a preposition: its object is the verb's)
        # (also a phrasal verb's: "held off on new sanctions", not "held off on taking a position on")
        particle_object = below is not None and below.dep_ == "prep" and lemma.startswith(f"{tok.lemma_.lower()} ") \
            and lemma.endswith(f" {below.lower_}") and any(
                c.dep_ == "pobj" and c.i in walk.in_match
                # ("held off on approving the package": the act on it after the preposition)
                or c.dep_ == "pcomp" and any(g.dep_ == "dobj" and g.i in walk.in_match for g in c.children) for c in below.children)
        # ("Roe, the sponsor of the levy": the noun of authorship has its object after "of")
        # (only when the noun describes a name: "met the sponsors of the levy" takes no side)
        authored = tok.pos_ == "NOUN" and lemma in self.lex.authorship_nouns and (
            tok.dep_ in ("attr", "appos") and self._authored(below, walk)
            or below is not None and below.dep_ == "poss" and self._named_side_of_owner(tok))
        if lemma in self.lex.object_only_cues and not (self._issue_is_object(tok, below, walk, through_of) or stance_object or particle_object
                                                       or authored or self._opened_to(tok, below, walk)) or (
            lemma in self.lex.doubt_verbs and not self._issue_is_object(tok, below, walk, through_of=True)
        ):
            # "the truce broke down", "broke her silence on the truce", "questioned Lima about the
            # truce": an event, or another object; not a side on the issue
            return
        # (an idiom merged into one word keeps its head's tag, which need not be a verb's, and the
        # issue may be its subject all the same; the parser may read "would get rid of" as a
        # passive: "the toll road would get rid of traffic jams", "the toll road" its nsubjpass)
        idiom = lemma in self.lex.idioms
        as_cause = tok.pos_ == "VERB" and self._judged_as_cause(below, walk) or idiom and below is not None \
            and below.dep_ in ("nsubj", "nsubjpass") and below.i in walk.in_match
        if lemma in self.lex.cause_only_cues and not as_cause:
            return  # "the levy would hurt farmers" takes a side; "the storm hurt the wind farms" does not
        if lemma in self.lex.cause_only_cues | self.lex.effect_cues and as_cause:
            walk.judged = True  # "the sanctions were hurting ordinary Iranians": the issue judged by what it does
        value = self.lex.polarity(lemma)
        if lemma in self.lex.failing_verbs and tok.pos_ == "VERB" and below is not None and below.dep_ == "xcomp" \
                and below.lemma_.lower() in self.lex.attempted_acts:
            return  # "Chile failed to block the levy": the attempt says the side, its failure none ("failed to back it": did not)
        if value is None and lemma in self.lex.first_place_nouns and tok.pos_ in ("NOUN", "PROPN") \
                and not (below is not None and below.dep_ == "prep"):
            value = 1  # "made the levy a top priority" (not "the centerpiece of speeches attacking the levy")
        if as_cause and lemma in self.lex.result_verbs:
            value = self._result_polarity(tok)  # "the levy would make the country safer": for it
            if value:
                walk.judged = True
        if lemma in self.lex.undecided_idioms and not self._not_yet(tok) or lemma in ("remain neutral", "stay neutral") and self._negated(tok):
            return  # "has made up his mind on the levy", "will not remain neutral": no side we can read
        if value is None and lemma in self.lex.staying_verbs and tok.pos_ == "VERB" and below is not None \
                and below.dep_ == "nsubj" and below.i in walk.in_match \
                and not any(c.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp", "dobj", "prt")
                            or c.dep_ == "prep" and c.lower_ not in ("despite", "for", "until", "through", "after") for c in tok.children):
            # "said the levy would stay despite pressure" (not "remains fragile", "will remain at 5
            # percent", "would stay on hold", "the levy revenue would stay in the region")
            value = 1
        if tok.pos_ in ("VERB", "AUX") and below is not None and below.dep_ == "nsubj" and below.i in walk.in_match and self._must_go(tok):
            value = -1  # "the subsidy must go", "the tax has to go" ("needs to go": not the need of it)
        # (an idiom's object may hang on its last word: "the toll road would get rid of traffic
        # jams", "the casino would put the brakes on crime", "would stand by its workers")
        done_to = _objects(tok) or idiom and any(c.dep_ in ("pobj", "dobj") for c in tok.children)
        if value and as_cause and done_to and lemma not in self.lex.cause_only_cues | self.lex.effect_cues | self.lex.result_verbs:
            # "the tax has cut sales": what the issue does to something else, not a side on it
            # (an outcome the lexicon judges was read above: _effect_on_outcome) ("the levy would undermine growth" is one:
            # effect_cues; "wants the curfew to end", with no object, still is)
            return
        prep = below
        if below is not None and below.dep_ in ("prt", "advmod") and lemma.endswith(f" {below.lower_}"):
            prep = next((c for c in below.children if c.dep_ == "prep"), None)  # "pushed back against"
        if value and prep is not None and prep.dep_ == "prep" and prep.i in walk.seen_cues \
                and self.lex.polarity(prep.lower_) == value:
            # "protested against the levy", "railed against the dam": the preposition has already
            # said what the verb says (two oppose cues in a row would turn the side back)
            walk.has_cue = walk.polar = True
            if self._negated(tok):
                walk.flip()
            return
        if tok.pos_ == "VERB" and lemma in self.lex.doubt_verbs:
            value = -1  # "questioned the levy" (the noun, "the question of the levy", stays neutral)
        if value is None and tok.pos_ == "ADJ":
            value = self.lex.experiencer_adjectives.get(tok.lemma_.lower())
        if value is None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("attr", "appos") and not _former(tok) \
                and self._side_noun_reaches(tok, below, walk):
            # "is a longtime critic of the dam", "Roe, a supporter of the levy,": the noun describes
            # the holder ("met supporters of the dam" takes no side; "a former critic" none now)
            value = self._side_noun_value(tok)
            if value is None and tok.lemma_.lower() in self.lex.authorship_nouns and self._authored(below, walk):
                value = 1  # "Roe, the author of the levy" (not "the author of a report on the levy")
        if value is None and self._side_members(tok) and below is not None and below.dep_ == "prep" and below.lower_ == "of" \
                and not _former(tok):
            value = self._side_noun_value(tok)  # "critics of the levy, including Roe,"
        if value is None and below is not None and below.dep_ == "poss" and self._named_side_of_owner(tok) and (
                below.i in walk.in_match or below.lemma_.lower() in self.lex.document_nouns):
            # "the levy's fiercest critic, Rep. Roe,", "the bill's lead sponsor, Sen. Roe,"
            value = self._side_noun_value(tok) or 1
        if value is None and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") and self._side_noun_value(tok) == -1:
            # "lashed out at critics of the levy", "sided with opponents of the dam": people on the
            # other side, judged by what comes above (no side of their own: "met critics of the dam")
            walk.flip()
            return
        if value is None and tok.pos_ == "NOUN" and tok.i not in walk.in_match and below is not None and below.dep_ == "prep" and (
                tok.lemma_.lower() in self.lex.inversions and below.lower_ in INVERTED_OBJECT_PREPOSITIONS
                or below.lower_ in self.lex.exemption_nouns.get(tok.lemma_.lower(), ())
                or tok.lemma_.lower() in self.lex.penalty_nouns and below.lower_ == "on"):
            # "lifted restrictions on the toll road", "the removal of the levy", "sanctions on the
            # mine": a noun that undoes, holds back or punishes what it is on turns the side even
            # when it takes none of its own ("relief for Ghana" is no relief from Ghana)
            walk.flip()
            walk.has_cue = walk.polar = True
            return
        if value is None:
            return
        if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in self.lex.weak_quantity_words for c in tok.children):
            return  # "has shown little appetite for the levy", "scant support": no side we can read
        if tok.lemma_.lower() in self.lex.inversions and tok.pos_ == "NOUN":
            walk.flip()
            walk.has_cue = walk.polar = True
            return
        if value == 0:
            walk.neutral = walk.has_cue = True
            return
        walk.has_cue = walk.polar = True
        if value < 0:
            walk.flip()
        if self._negated(tok):
            walk.flip()
        if tok.dep_ == "amod" and tok.head.dep_ == "attr":
            tok = tok.head  # "was not a good idea": the negation is the copula's, above the noun
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or any(
                    c.dep_ == "advmod" and c.lower_ in self.lex.negations for c in tok.children):
                walk.flip()  # "is no bad thing" (a "hardly" on the copula, "is hardly a good deal", is its negation: below)
        if (tok.dep_ in ("acomp", "attr") or tok.dep_ == "prep" and tok.pos_ == "ADP") and tok.head.lemma_ == "be" \
                and self._negated(tok.head) and not _not_only_but(tok):
            walk.flip()  # "the loans were not fair", "is not a supporter of the dam": the copula's negation

    def _opened_to(self, tok: Token, below: Token | None, walk: _Walk) -> bool:
        """Whether an object-only cue reaches the issue through "to" or "for": after an adjective
        ("is open to the levy") or its particle "up" ("opened up to the idea"), or after a passage
        it opens ("opened the door to the levy", "the way for it"; lexicon ``passage_nouns``)."""
        if below is None:
            return False
        if below.dep_ == "prep" and below.lower_ == "to" and (
                tok.pos_ == "ADJ" or any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)):
            return True  # "is open to the levy", "is opening up to it"
        if below.dep_ == "prep" and below.lower_ in ("to", "for"):
            # (the parser hangs "to" on the verb as often as on the noun)
            return any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.passage_nouns and c.i < below.i for c in tok.children)
        return below.dep_ == "dobj" and below.lemma_.lower() in self.lex.passage_nouns and any(
            c.dep_ == "prep" and c.lower_ in ("to", "for") for c in below.children)

    def _polar_phrase(self, tok: Token, below: Token | None) -> bool:
        """Whether ``tok`` with the preposition the walk came up through is a listed cue of its own
        ("voted for", "fought for"), not a bare reporting verb ("vote" alone, "argue for")."""
        if below is None or below.head.i != tok.i:
            return False
        lemma = self._cue_lemma(tok)
        return lemma not in self.lex.speech and bool(self._prep_phrase(lemma, below))

    def _holder_judgment(self, copula: Token, below: Token | None, walk: _Walk) -> int:
        """How a copula judges its subject, the holders of the view in the subject's relative
        clause ("farmers who back the levy are wrong": -1, "are not wrong": 1; the lexicon's
        ``holder_judgments``), 0 when it does not."""
        if copula.lemma_.lower() not in BEING_COPULAS or below is None or below.dep_ != "nsubj" or below.i in walk.in_match:
            return 0
        if not any(c.dep_ == "relcl" and any(t.i in walk.in_match for t in c.subtree) for c in below.children):
            return 0
        judgments = self.lex.holder_judgments
        # (the judgment alone: "were wrong about the economy", "was right to resign" judge something else)
        verdict = next((v for c in copula.children if c.dep_ in ("acomp", "attr") and not any(g.dep_ in ("xcomp", "prep") for g in c.children)
                        and (v := judgments.get(c.lemma_.lower()) or judgments.get(c.lower_))), 0)
        return -verdict if self._negated(copula) else verdict

    def _cue_judgment(self, cue: Token, walk: _Walk) -> int:
        """The judgment a statement's cue passes on the act its clause reports ("was angry that
        Congress had passed the levy": -1; "was not sorry that ...": 1), 0 when the cue judges no
        such act (a verb of saying, a clause about the issue itself)."""
        judgment = self._fact_judgment(cue)
        if not judgment:
            return 0
        clause = next((c for c in cue.children if c.dep_ in ("ccomp", "dobj") and any(t.i in walk.in_match for t in c.subtree)), None)
        if clause is None:
            return 0
        # ("lamented the end of the levy", "deplored the erosion of support for it": a noun object
        # in which a side was read is what the cue judges, as a clause of someone's act is)
        side_noun = clause.dep_ == "dobj" and clause.pos_ == "NOUN" and clause.i not in walk.in_match \
            and (walk.polar or clause.lemma_.lower() in self.lex.decline_nouns)
        if not side_noun and not self._judged_fact(clause, walk):
            return 0
        return -judgment if self._judgment_denied(cue) else judgment

    def _judgment_denied(self, word: Token) -> bool:
        """Whether a word of judgment is negated, itself or, as a copula's complement, through its
        copula ("did not regret", "was not sorry", "is not a shame")."""
        return self._negated(word) or word.dep_ in ("attr", "acomp") and self._negated(word.head)

    def _fact_judgment(self, word: Token) -> int:
        """The lexicon's ``fact_judgments`` value of a word (by lemma or as written: "disappointed"),
        0 when it has none."""
        judgments = self.lex.fact_judgments
        return judgments.get(word.lemma_.lower()) or judgments.get(word.lower_, 0)

    def _judged_fact(self, below: Token, walk: _Walk) -> bool:
        """Whether ``below`` is the that-clause of a word of judgment, an act done by someone on the
        issue ("regretted that Congress scrapped the levy", "a shame that senators rejected it",
        "deplored the fact that ...", "glad the levy was scrapped"), not a clause whose subject is the
        issue ("sad that the levy hurts farmers": its effect already judged it) nor a relative clause
        ("a mistake that cost them the vote")."""
        if below.lemma_.lower() in FACT_NOUNS and below.dep_ in ("dobj", "pobj"):
            below = next((c for c in below.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), below)
        if below.dep_ not in ("ccomp", "relcl", "acl") or below.pos_ not in ("VERB", "AUX"):
            return False
        if below.dep_ != "ccomp" and not any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children):
            return False
        subjects = [c for c in below.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        return bool(subjects) and not any(c.dep_ == "nsubj" and any(t.i in walk.in_match for t in c.subtree) for c in subjects) \
            and not any(_relative_word(c) for c in subjects)

    def _cue_phrase(self, tok: Token, below: Token | None) -> str:
        """The lexicon's cue of a token: with the preposition below it when the lexicon knows the
        phrase ("vote for", "renege on"), else its own (``_cue_lemma``)."""
        lemma = self._cue_lemma(tok)
        return self._prep_phrase(lemma, below) or lemma

    def _prep_phrase(self, lemma: str, below: Token | None) -> str:
        """The lexicon's cue of a verb with the preposition below it ("vote for"), '' when none."""
        if below is None or below.dep_ != "prep":
            return ""
        phrase = f"{lemma} {below.lower_}"
        if self.lex.polarity(phrase) is not None:
            return phrase if lemma not in COPULAS or self._position_preposition(below) else ""
        # the preposition with a bare noun that ends the phrase ("voted in favour", the issue
        # named before: _dangling_vote_matches)
        ends = [c for c in below.children if c.dep_ == "pobj" and not list(c.children)]
        if ends and self.lex.polarity(f"{phrase} {ends[0].lower_}") is not None:
            return f"{phrase} {ends[0].lower_}"
        # a phrasal verb with its preposition ("held off on new sanctions")
        verb = below.head
        for c in verb.children:
            if _is_particle(c, verb):
                phrase = f"{lemma} {c.lower_} {below.lower_}"
                if self.lex.polarity(phrase) is not None:
                    return phrase
        return ""

    def _position_preposition(self, prep: Token) -> bool:
        """Whether a copula's preposition states its subject's position ("Senator Berg was for the
        levy", "remains for it"): the first thing after the verb (adverbs aside: not "was in Lima
        for the talks"), not a time ("was for years its critic"), with an actor for subject (not
        "the money was for the levy")."""
        verb = prep.head
        # (adverbs of degree or time aside, the lexicon's position_adverbs and those in -ly: "was
        # firmly for", "is all for", "was always for"; not of place: "was there for the vote")
        after = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("neg", "punct")
                 and not (c.dep_ == "advmod" and (c.lower_.endswith("ly") or c.lower_ in self.lex.position_adverbs) or c.lower_ == "all")]
        objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        return bool(after) and after[0].i == prep.i and bool(objects) \
            and all(g.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
                    and g.lemma_.lower() not in self.lex.time_part_nouns and g.lemma_.lower() not in NON_POSITION_OBJECTS
                    for g in objects) \
            and any(c.lower_ in SELF_SUBJECT_PRONOUNS | {"you"} or self._subject_or_antecedent_actors(c)
                    for c in verb.children if c.dep_ == "nsubj")

    def _subject_or_antecedent_actors(self, subject: Token) -> list[Mention]:
        """The actors a subject names; for a relative pronoun, its antecedent's ("Lund, who is
        for the levy,")."""
        if _relative_word(subject) and subject.head.dep_ == "relcl":
            return self.resolver.actors_of(self.resolver.relative_antecedent(subject.head.head))
        return self.resolver.actors_of(subject)

    def _issue_is_object(self, tok: Token, below: Token | None, walk: _Walk, through_of: bool = False) -> bool:
        """Whether the issue is ``tok``'s own (logical) object: its direct object, or the subject of
        a passive wished for, reached from the match through nothing but noun modifiers ("broke the
        truce", "broke the steel tariffs deal", "the levy should be diminished"; not "broke her
        silence on the truce", "the truce was delayed")."""
        if below is None:
            return False
        if below.dep_ == "prep" and tok.lemma_.lower() in self.lex.providing_verbs and (
                below.lower_ == "with" or below.lower_ == "in" and any(c.dep_ == "dobj" and _is_amount(c) for c in tok.children)):
            # "provided Ukraine with military aid", "sent $2 billion in military aid" (with "in"
            # hung on the verb): what is provided is the object
            below = next((c for c in below.children if c.dep_ == "pobj"), None)
            if below is None:
                return False
        elif below.dep_ in ("nsubjpass", "nsubj") and has_passive_aux(tok):
            # the subject of a passive is its object only as a wish ("the levy should be diminished",
            # "needs to be delayed"); as an event it is no side ("the dam was delayed")
            wished = tok.dep_ == "xcomp" or any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("will", "would", "'ll")
                                                 for c in tok.children)
            # (with its agent named it is the agent's act: "the truce was broken by Russia")
            if not wished and not any(c.dep_ == "agent" for c in tok.children):
                return False
        elif below.dep_ != "dobj":
            return False
        elif below.lemma_.lower() in self.lex.infinitive_nouns | self.lex.issue_anaphora:
            # ("will fight any attempt to impose the levy", "fought the plan to scrap it": an act on
            # the issue as the object, its infinitive hung on the noun; the act's side is read below)
            # (only an act that takes a side on it: "fight the effort to rename the dam" is no side)
            acts = [c for c in below.children if c.dep_ == "acl" and c.i > below.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                    and self.lex.polarity(self._cue_lemma(c)) in (1, -1)]
            if any(start in {t.i for t in act.subtree} for act in acts for start in walk.in_match):
                return True
        # ("questioned the science of climate change": with ``through_of``, an "of" inside an object
        # that names no one; "challenged critics of the dam to ..." is not the dam questioned)
        of_ok = through_of and self.resolver.mention_at(below) is None and not any(
            word in self.lex.people_nouns or word in self.lex.side_nouns for word in (below.lemma_.lower(), below.lower_))
        for start in walk.in_match:
            cur = below.doc[start]
            for _ in range(8):
                if cur.i == below.i:
                    return True
                inside = cur.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "det") or cur.i in walk.in_match
                # ("50 billion euros in military aid": an amount of the issue is the issue)
                # (the issue itself, not a noun it modifies: "$2 billion in tariff revenue" is revenue)
                inside = inside or cur.dep_ == "pobj" and cur.i in walk.in_match and cur.head.lower_ == "in" and _is_amount(cur.head.head) \
                    or cur.dep_ == "prep" and cur.lower_ == "in" and _is_amount(cur.head)
                via_of = of_ok and (cur.dep_ == "pobj" and cur.head.lower_ == "of" or cur.dep_ == "prep" and cur.lower_ == "of")
                if not (inside or via_of):
                    break
                cur = cur.head
        return False

    def _read_children(self, path: list[Token], idx: int, walk: _Walk) -> None:
        """What hangs off the path's token ``idx``: modifier clauses and renaming nouns with their
        own holders, evaluative side clauses, hedges, experiencers, and its subject or owner."""
        tok = path[idx]
        on_path = {t.i for t in path}
        # "The concession Lima sought was a tariff exemption": the subject's modifier clauses hold
        # a view on what the copula says it is.
        renamed_by_copula = _identity_subjects(tok) if _identity_copula(path, idx) else []
        for child in [*tok.children, *(c for s in renamed_by_copula for c in s.children)]:
            if child.i in walk.in_match:
                continue
            if child.dep_ in ("acl", "relcl") and self._is_holder_clause(child):
                if child.i in on_path and any(c.dep_ in ("nsubj", "nsubjpass") and not _relative_word(c) for c in child.children):
                    # "a plan under which Peru would scrap the levy": the clause on the path has a
                    # subject of its own, read on the way up; read again as the noun's modifier,
                    # its cue would count twice and give Peru the other side too
                    continue
                # "a ceasefire already accepted by Ukraine", "the truce, which both sides agreed
                # to": a modifier's agent or subject holds a view. (Also a clause on the path:
                # "Trump, who threatened X" is read at "Trump", where the walk ends.)
                walk.holders += self._modifier_holders(child, walk)
                # ("the bill, drafted by Roe and backed by the union": each participle's agent)
                walk.holders += [h for c in child.children if c.dep_ == "conj" and c.tag_ == "VBN" and child.tag_ == "VBN"
                                 for h in self._modifier_holders(c, walk)]
        for renamer in self._renamers(tok, walk):
            # "a halt of arms supplies — demands rejected by Kyiv": the demands are the list.
            for child in renamer.children:
                if child.dep_ in ("acl", "relcl") and self._is_holder_clause(child):
                    walk.holders += self._modifier_holders(child, walk)
        self._read_side_verbs(tok, on_path, walk)
        if tok.pos_ == "VERB" and walk.has_cue and walk.polar:
            walk.holders += self._positions_beside(tok, walk)
            walk.holders += self._act_renaming_holders(tok, walk)
            walk.holders += self._plan_owner_holders(tok, walk)
        walk.hedged = walk.hedged or self._hedged(tok)
        # Experiencers of the predicate, or of its object when the issue elaborates that object
        # ("include conditions unacceptable to Kyiv, among which ...").
        sources = [tok] + ([c for c in tok.children if c.dep_ == "dobj" and c.i not in on_path] if tok.pos_ == "VERB" else [])
        for source_tok in sources:
            for mentions, weight, attributive in self._experiencers(source_tok):
                walk.holders.append(_Holder(mentions, walk.polarity * weight, False, True, walk.hedged, False, descriptive=attributive))
        felt = self._experiencer_verb_holders(path, idx, walk)
        if felt is not None:
            walk.holders += felt
            return
        if idx == 0 and tok.pos_ == "VERB" and tok.i in walk.in_match and walk.has_cue and walk.statement is not None \
                and walk.at_statement_cue(tok.head) and not any(
                    c.dep_ == "aux" and c.lower_ in self.lex.duty_modals | self.lex.hedges for c in tok.children):
            # the issue is an act, reported, and its doer is named ("Zelensky said Russia had not
            # stopped striking the power grid", with the stopping the issue): the doer holds it, not
            # the one who reports it (only there: "Finland joined NATO" may be another country's
            # joining than the issue's, "to ensure Ukraine stayed neutral" someone else's aim; and
            # only a stated or intended act: "Trump said Ukraine should never join NATO" is Trump's
            # demand, "could give up territory" his guess)
            doers = [m for c in tok.children if c.dep_ == "nsubj" and c.i not in walk.in_match
                     for m in self._subject_actors(c, walk.statement)]
            if doers:
                walk.holders.append(walk.holder(doers))
        if idx > 0 and walk.has_cue and not self._conditional_predicate(tok, path, walk):
            # (the issue is no holder of itself: "Costa is unfit to lead", with Costa's candidacy
            # the issue, is someone's view of Costa, not Costa's; but his own will is his:
            # "Costa is eager to run")
            will_words = self.lex.intention_adjectives | self.lex.intention_cues
            own_will = tok.lemma_.lower() in will_words or any(
                c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in will_words for c in tok.children)
            # (nor is the issue's owner: "said Serbia's membership of the EU was out of the
            # question" is the speaker's view of Serbia's membership, not Serbia's)
            # (nor the noun the issue describes: "a neutral Ukraine was essential", with "neutral"
            # the issue, is the speaker's view of Ukraine's neutrality)
            below_here = walk.in_match | {path[k].i for k in range(1, idx) if path[k - 1].dep_ in ("amod", "compound", "nmod")}
            # (nor, again, the owner of a noun read below: "Brazil's proposal for a truce was absurd,
            # Peru said" is Brazil's proposal, and Peru's verdict)
            below_here |= {c.i for t in path[:idx] for c in t.children if c.dep_ == "poss"}
            # (an owner of the judged subject the walk came up from named by a pronoun is found where
            # the pronoun's antecedent stands: "their plans for a levy would destroy jobs" is no
            # one's verdict of their own plans; "Peru dropped its objections" is Peru's act, "its
            # support has never wavered" its side)
            subject = path[idx - 1] if path[idx - 1].dep_ in ("nsubj", "nsubjpass") and walk.judged else None
            pronoun_owner_actors = {m.actor for c in (subject.children if subject is not None else ()) if c.dep_ == "poss" and c.pos_ == "PRON"
                                    for m in self.resolver.actors_of(c)}
            owners = [m for m in self._owner_mentions(tok, walk.statement)
                      if own_will or not (any(m.start <= i < m.end for i in below_here) or m.actor in pronoun_owner_actors
                                          or self._owns_the_issue(m, walk))]
            if not owners and walk.foreign_side is None and self._foreign_side(tok):
                walk.foreign_side = tok
            if owners and self._obliged(tok, path[idx - 1]):
                # "Souza said Uganda must accept the truce": a demand on Uganda is the speaker's
                # view, not Uganda's (the speaker's own side keeps it: "we must", "Kenya must" said
                # by a Kenyan)
                owners = [m for m in owners if self._speakers_side(m, walk.statement)]
            # (a reporting verb's subject holds what its participial side clause does when the
            # issue is outside any statement: '"...," Horvat said, defending the mandate')
            side_of_speech = (
                walk.statement is None and _is_side_clause(path[idx - 1])
                and self.lex.polarity(self._cue_lemma(path[idx - 1])) in (1, -1)  # ("referring to X" takes none)
                # "Kestran is said to favour a guarantee": the raised subject holds it, unconfirmed
                or path[idx - 1].dep_ == "xcomp" and is_passive(tok) and tok.lemma_.lower() in self.lex.passive_raising_cues)
            if side_of_speech and path[idx - 1].dep_ == "xcomp":
                walk.hedged = True
                owners = [m for c in tok.children if c.dep_ == "nsubjpass" for m in self.resolver.actors_of(c)]
            # ("challenged Lima to build the dam": a dare, not the challenger's side on the dam)
            dare = tok.lemma_.lower() in self.lex.doubt_verbs and path[idx - 1].dep_ in ("xcomp", "ccomp") \
                and not self._issue_is_object(tok, path[idx - 1], walk, through_of=True)
            # ("signalled openness to a swap", "to" hung on the verb: the speech verb's own object
            # takes the side, and its subject holds it)
            own_object = self._misattached_stance_object(tok, path[idx - 1]) is not None
            # ("Turkey will host talks on Armenia's proposal for a zone": the proposal is Armenia's;
            # a verb of receiving above it gives its subject none. Other verbs the lexicon does not
            # know keep the noun's side: "embraced Kenya's proposal" is more often acceptance than
            # "forwarded Kenya's proposal" is neutral; tried and dropped, it lost a held-out row.)
            borrowed = walk.owned_noun and tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.receiving_verbs
            if owners and not dare and not borrowed and (
                    side_of_speech or own_object or not (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.speech)
                    # ("landowners testified against the pipeline, joined by X": no statement took
                    # the verb of speech and its stance preposition; its subject holds it)
                    or walk.statement is None and bool(self._prep_phrase(self._cue_lemma(tok), path[idx - 1]))
                    # ("Chile signalled support for the levy", "indicated willingness to accept it":
                    # no statement took the verb of speech; its object is the side, its subject's)
                    or walk.statement is None and walk.has_cue and self._side_object(path, idx - 1, walk)):
                walk.holders.append(walk.holder(owners))
                # (owners were found for the noun: a genitive, a country's adjective or "by": "a
                # Chilean proposal")
                # (or a noun of an aim whose side is its preposition's: "Chile's campaign against it")
                if tok.pos_ == "NOUN" and (self.lex.polarity(self._cue_lemma(tok)) in (1, -1) or tok.lemma_.lower() in self.lex.aim_nouns):
                    walk.owned_noun = True
                    walk.holders[-1] = replace(walk.holders[-1], owns_noun=True)

    def _side_object(self, path: list[Token], at: int, walk: _Walk) -> bool:
        """Whether a verb's direct object ``path[at]`` is a side on the issue of its own: a noun
        the lexicon knows whose "for"/"to"/"of" has the issue itself for object ("signalled support
        for the levy", not "support for farmers hit by the levy" nor "support for Peru over the
        levy"), or a noun of will whose infinitive the path came up ("signalled willingness to
        accept the levy"); not the issue itself, nor a document ("wrote a letter about the levy")."""
        noun = path[at]
        if noun.dep_ != "dobj" or noun.pos_ != "NOUN" or noun.i in walk.in_match or at < 1:
            return False
        below = path[at - 1]
        if below.dep_ == "acl" and _has_infinitive(noun):
            return True
        return self.lex.polarity(self._cue_lemma(noun)) is not None and at >= 2 and below.dep_ == "prep" \
            and below.lower_ in ("for", "to", "of", "behind", "toward", "towards") and path[at - 2].i in walk.in_match

    def _experiencer_verb_holders(self, path: list[Token], idx: int, walk: _Walk) -> list[_Holder] | None:
        """"The levy angered farmers, including Jane Roe", "Lima was pleased by the deal": the one
        who feels it holds a view of its cause, the issue (None when ``path[idx]`` is no such verb
        reached from its subject or passive agent)."""
        tok = path[idx]
        weight = self.lex.experiencer_verbs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" and idx > 0 else None
        if weight is None:
            return None
        below = path[idx - 1]
        passive = is_passive(tok)
        cause = below if not passive else (path[idx - 2] if idx > 1 and below.dep_ == "agent" else None)
        # ("the decision to scrap the ban dismayed Roe": a noun of the lexicon's issue_anaphora
        # wrapping the issue is its cause too, with what it does to the issue read on the way up)
        wrapped = cause is not None and cause.pos_ == "NOUN" and cause.lemma_.lower() in self.lex.issue_anaphora and walk.has_cue
        if cause is None or (cause.i not in walk.in_match and not wrapped) or (not passive and below.dep_ != "nsubj"):
            return None  # "delays to the dam angered Roe": the cause is not the issue itself
        feelers = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        if self._negated(tok):
            return []  # "the dam did not anger Roe" says no side
        mentions: list[Mention] = []
        for feeler in feelers:
            mentions += self.resolver.actors_of(feeler)
            # "angered critics, including Senator Roe": the people named after "including"
            mentions += [m for c in feeler.children if c.dep_ == "prep" and c.lower_ in ("including", "like")
                         for g in c.children if g.dep_ == "pobj" for m in self.resolver.actors_of(g)]
        if not mentions:
            return []
        walk.has_cue = walk.polar = True
        if weight < 0:
            walk.flip()
        return [walk.holder(mentions)]

    def _renamers(self, tok: Token, walk: _Walk) -> list[Token]:
        """Renaming nouns of a path token: after a dash or comma, or its apposition (a noun that
        describes the issue too: "the levy, a measure she has championed")."""
        # (any common noun set beside the issue itself renames it: "the licence, a concession
        # Tavares fought to secure"; beside another word of the path, only the lexicon's nouns;
        # not a noun renaming an act: "imposed the levy, a move Chile did not condemn" is the
        # imposing, read by _act_renaming_holders)
        appositions = [
            c for c in tok.children
            if c.dep_ == "appos" and c.i not in walk.renamed_tokens and (
                c.lemma_.lower() in self.lex.renaming_nouns | self.lex.describing_nouns
                or tok.i in walk.in_match and c.pos_ == "NOUN" and c.lemma_.lower() not in self.lex.act_renaming_nouns)
        ]
        return walk.renamed.get(tok.i, []) + appositions

    def _read_side_verbs(self, tok: Token, on_path: set[int], walk: _Walk) -> None:
        """An evaluative side clause ("..., threatening Russia's security") is a cue of its own."""
        for child in tok.children:
            if child.i in walk.in_match or child.i in walk.seen_cues:
                continue
            if child.dep_ == "advcl" and child.lemma_.lower() in self.lex.evaluative_side_verbs and child.i not in on_path:
                walk.seen_cues.add(child.i)
                walk.has_cue = walk.polar = True
                if self.lex.evaluative_side_verbs[child.lemma_.lower()] < 0:
                    walk.flip()

    @staticmethod
    def _conditional_predicate(tok: Token, path: list[Token], walk: _Walk) -> bool:
        """A predicate inside a conditional clause below the top ("if Ukraine requests X, ..."):
        its subject does not hold the view."""
        return walk.conditional and tok.dep_ != "ROOT" and tok.i != path[-1].i and _in_conditional(tok)

    def _cue_before_match(self, sent: Span, walk: _Walk) -> None:
        """When the parse connected no cue: the predicate right before the match ("If Ukraine
        requests allied forces ...")."""
        before = [t for t in sent if t.i < min(walk.in_match)][-3:]
        for tok in reversed(before):
            lemma = self._cue_lemma(tok)
            if lemma in self._placed_cues:
                return  # these take a side only in a given place ("the storm hurt the wind farms")
            if tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.head.i in walk.in_match and not any(tok.children):
                continue  # "the proposed wage rise", "the planned dam": a description, nobody's side ("the much-needed dam" is one)
            if lemma in self.lex.undecided_idioms and not self._not_yet(tok):
                return  # "urged Chile to take a position on the levy": no side of anyone's
            value = self.lex.polarity(lemma)
            if value is not None and tok.pos_ in ("VERB", "AUX", "ADJ"):
                walk.has_cue = True
                walk.neutral, walk.polar = value == 0, value != 0
                walk.polarity = walk.polarity * (-1 if value < 0 else 1) * (-1 if self._negated(tok) else 1)
                return

    def _with_speaker(self, walk: _Walk) -> list[_Holder]:
        """The walk's holders, with the statement's speaker added: as the holder when nobody
        inside the statement holds the view ("Witkoff reported that Putin accepts ..." is Putin's
        stance, reported by Witkoff), or beside their own government ("Putin said Moscow was in
        favour of X": the government's row stays reported, with the speaker as source)."""
        holders, statement = walk.holders, walk.statement
        if statement is None or walk.others_act:
            return holders
        if statement.speaker is None or self._unnamed_source(statement):
            # ("critics, including Sen. Roe, say the levy is a waste": the unnamed speakers are no
            # holders, the members they name are)
            members = self._named_members(statement)
            if walk.has_cue and members and not holders:
                holders = [walk.holder(members, is_speaker=True)]
            return holders
        speaker = statement.speaker
        # (the owner of a proposal judged above it is no holder of the judgment: "Brazil's
        # proposal for a truce was absurd, Peru said" is Peru's verdict)
        inner = [h for h in holders if not any(m.actor == speaker for m in h.mentions) and not (h.owns_noun and walk.judged)]
        mention = Mention.of_speaker(speaker, statement.speaker_mention, statement.speaker_text)
        cue = self.doc[statement.cue_token] if statement.cue_token is not None else None
        # ("was angry that Congress had passed the levy": a statement whose cue judges the act it reports)
        judged_by_cue = self._cue_judgment(cue, walk) if cue is not None and walk.has_cue else 0
        # ("said farmers who back the levy are wrong": the speaker judges the view's holders)
        antecedent = walk.relative_antecedent
        if antecedent is not None and antecedent.dep_ == "nsubj" and _has_mark(antecedent.head, frozenset({"whether", "if"})):
            return holders  # ("asked whether those who back it are wrong": a question, no view of the speaker's)
        if not judged_by_cue and walk.has_cue and antecedent is not None and self._speakers_own_clause(antecedent.head, statement):
            judged_by_cue = self._holder_judgment(antecedent.head, antecedent, walk)
        judging = judged_by_cue != 0 or walk.fact_judge is not None and self._speakers_own_clause(walk.fact_judge, statement)
        if walk.foreign_side is not None and not walk.judged and not judging and not self._speaks_for_owner(walk.foreign_side, statement):
            # ("the council's plans for a levy were unveiled, Roe said": the council's side, which
            # Roe reports; "... would hurt farmers, Roe said" or "... are misguided" judges it)
            return holders
        if walk.has_cue and (not inner or judging):
            holders = [h for h in holders if all(m.actor != speaker for m in h.mentions)]
            holder = walk.holder([mention, *self._co_speakers(statement)], is_speaker=True)
            if judged_by_cue:
                return [*holders, replace(holder, polarity=holder.polarity * judged_by_cue)]
            # (on a problem, any verb of denial: "disputes that climate change is real"; not a
            # denial the walk has read as the cue's own side, "Republicans deny climate change";
            # nor a problem's reality not denied: "did not deny that climate change is real" holds it real)
            denied = cue is not None and (cue.lemma_.lower() in DENIAL_VERBS or walk.problem and cue.lemma_.lower() in self.lex.denial_verbs) \
                and not (walk.problem and (cue.i in walk.seen_cues or self._negated(cue)))
            if walk.polar and denied and not walk.judged and not walk.problem \
                    and not any(m.actor == speaker for h in walk.holders for m in h.mentions):
                # "Russia denied that the sanctions had been extended": a fact denied, no side of the
                # speaker's ("Kenya denied that it had opposed X" turns the speaker's own deed; a
                # problem denied to be real or a threat is a side: "denied that climate change exists")
                return holders
            if walk.polar and cue is not None and (denied or walk.judged and self._negated(cue) and (
                    cue.lemma_.lower() in self.lex.belief_cues or cue.lemma_.lower() in self.lex.belief_adjectives)):
                # "denied that the levy would destroy jobs", "does not think the levy is a bad idea":
                # the speaker holds the opposite of the words
                holder = replace(holder, polarity=-holder.polarity)
            if walk.polar and cue is not None and self.lex.polarity(self._cue_lemma(cue)) == -1 \
                    and self._acted_on_by_someone(walk, cue.i):
                # "complained that the government had dragged its feet on the treaty": a complaint
                # about what someone unnamed did to the issue is standing up for it ("complained
                # that the treaty was unfair" judges the treaty itself: against it)
                holder = replace(holder, polarity=-holder.polarity)
            holders.append(holder)
        elif speaker.actor_type == "person" and speaker.country:
            own = [
                h for h in inner
                if not h.reported_by and any(m.actor.actor_type == "government" and m.actor.country == speaker.country for m in h.mentions)
            ]
            if own:
                holders.append(_Holder([mention], own[0].polarity, own[0].neutral, True, own[0].hedged, True))
        return holders

    def _acted_on_by_someone(self, walk: _Walk, cue: int) -> bool:
        """Whether the first verb above the issue, inside the statement whose cue is ``cue``, has a
        subject of its own (not the issue): the issue is what someone does something to ("complained
        that the army had dragged its feet on the truce"; not "complained about the truce")."""
        if not walk.in_match:
            return False
        verb = next((t for t in path_up(self.doc[min(walk.in_match)], 8)[1:] if t.pos_ in ("VERB", "AUX")), None)
        return verb is not None and verb.i != cue and any(
            c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not any(t.i in walk.in_match for t in c.subtree) for c in verb.children)

    def _speaker_span(self, statement: Statement) -> Span | None:
        """The tokens of the words a statement's speaker rests on; None when there are none."""
        if statement.speaker_mention is None:
            return None
        span = self.doc.char_span(*statement.speaker_mention, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def _unnamed_source(self, statement: Statement) -> bool:
        """Whether the speaker is an unnamed source the coding guide never codes as a holder
        ("people briefed on the talks said", "two security sources told Reuters", "critics say"):
        no actor mention at the speaker's words, whose head is one of the lexicon's
        ``unnamed_source_nouns`` or ``source_nouns`` (an unnamed report or survey is no holder
        either). Their statement still frames whom they report on."""
        span = self._speaker_span(statement)
        if span is not None:
            # ("a Halden University poll found that ...", "the survey showed ...": evidence, whoever made it)
            noun = span.root.head if span.root.dep_ in ("compound", "poss", "nmod") else span.root
            if noun.pos_ == "NOUN" and {noun.lemma_.lower(), noun.lower_} & self.lex.evidence_nouns:
                return True
        if span is None or any(self.resolver.mention_at(t) is not None for t in span):
            return False
        if statement.speaker is not None and statement.speaker.name != span.text:
            return False  # "a ministry spokesman" speaking for the ministry named before
        head = span.root
        words = {head.lower_, head.lemma_.lower()}
        return head.pos_ == "NOUN" and bool(words & (self.lex.unnamed_source_nouns | self.lex.source_nouns))

    def _named_members(self, statement: Statement) -> list[Mention]:
        """The named members of an unnamed speaker: "critics, including Sen. Roe," (the lexicon's
        ``inclusion_preps`` on the speaker's head); [] when none."""
        span = self._speaker_span(statement)
        if span is None or span.root.pos_ == "PRON":
            return []
        return self._included(span.root)

    def _co_speakers(self, statement: Statement) -> list[Mention]:
        """The actors coordinated with a statement's speaker ("Luis Herrera and Camila Rojas voted
        against ..."): the statement names one speaker, the sentence names them all."""
        span = self._speaker_span(statement) if statement.speaker is not None else None
        if span is None or span.root.pos_ == "PRON":
            return []
        # ("Rep. Baca, joined by Sen. Reyes, voted against ...": who joins the speaker too)
        cue = self.doc[statement.cue_token] if statement.cue_token is not None else None
        joined = self._joined_by(span.root) + (self._joined_by(cue) if cue is not None else [])
        return [m for m in self.resolver.actors_of(span.root) + joined if m.actor != statement.speaker]

    def claims(self) -> list[StanceClaim]:
        """Every (actor, issue, stance) claim of the document, one per actor, issue, stance and
        evidence, in sentence order."""
        claims: list[StanceClaim] = []
        seen: set[tuple] = set()
        previous: list[IssueMatch] = []
        heads: dict[str, dict[str, int]] = {}  # issue -> head nouns of its matches so far -> last sentence
        before: tuple[Span, list[tuple[StanceClaim, IssueMatch]]] | None = None  # the sentence before, its claims
        for n, sent in enumerate(self.doc.sents, start=1):
            mine: list[tuple[StanceClaim, IssueMatch]] = []
            own = sentence_matches(self.codebook, sent, self.resolver)
            # ("negotiate a ceasefire in the Black Sea and an end to energy strikes. Both agreed to
            # these truces": a plural anaphor that is itself a match of a more general issue stands
            # for the issues before, not for the general one)
            plural = self._plural_anaphoric_matches(sent, own, previous)
            own = [m for m in own if all(not (p.start_char <= m.start_char < p.end_char) for p in plural)]
            self._sentence_matches = [(m.start_char, m.end_char) for m in own]
            own_heads = [self._match_head(m) for m in own]  # (read twice below)
            referring: list[IssueMatch] = []
            for found in (plural, self._anaphoric_matches(sent, own, previous), self._coordinated_pronoun_matches(sent, own),
                          self._head_noun_matches(sent, own, own_heads, heads, n), self._object_pronoun_matches(sent, own, previous)):
                # (words another reading took stay its own; a plural anaphor is several issues at once)
                taken_at = {r.start_char for r in referring}
                referring += [m for m in found if m.start_char not in taken_at]
            referring += self._later_pronoun_matches(sent, own, referring)
            # (after the others: a vote may be on a noun that refers back, "the measure, which she voted for")
            referring += self._dangling_vote_matches(sent, own + referring, previous)
            self.referring_matches[n] = referring
            matches = own + referring
            taken = self._tokens_of(matches)
            for tok in sent:
                if tok.pos_ == "NOUN" and tok.i not in taken:
                    self._loose_nouns[tok.lemma_.lower()] = n
            # (a sentence that names its issue only by "the reform" or "it" passes it on too)
            previous = own or referring
            for match, head_word in zip(own, own_heads):
                if head_word is not None:
                    heads.setdefault(match.issue, {})[head_word] = n
                    self._opposite_heads[(match.issue, head_word)] = (match.opposite, match.problem)
                    self._term_only_heads.discard((match.issue, head_word))
                # (and the head nouns of the issue's other terms: "car ban" and "car-free" are terms
                # of one issue, so once "car-free centres" has named it, "such a ban" is it too)
                if not match.opposite:
                    for term_head in self._term_heads(match.issue):
                        if term_head not in heads.get(match.issue, {}) or (match.issue, term_head) in self._term_only_heads:
                            heads.setdefault(match.issue, {})[term_head] = n
                            self._term_only_heads.add((match.issue, term_head))
            for match in matches:
                if _in_question(self.text, match.end_char, sent.end_char):
                    continue  # "Will Putin consent?": a question is not a stance
                span = self._match_span(match)
                if span is None:
                    continue
                head = phrase_head(span)  # the match token whose head lies outside the match
                in_match = {t.i for t in span}
                if _is_container_subject(head, self.lex):
                    continue
                statement = self._statement_for(match.start_char, match.end_char)
                holders = self._holders(head, in_match, match, statement, sent)
                for verb in _shared_subject_verbs(head):
                    holders += self._holders(head, in_match, match, statement, sent, via=verb)
                for holder in holders:
                    for mention in holder.mentions:
                        claim = self._claim(mention, match, holder, statement, sent, n)
                        key = (claim.mention.actor, claim.issue, claim.issue_stance, claim.evidence)
                        if key not in seen:
                            seen.add(key)
                            claims.append(claim)
                            mine.append((claim, match))
            anchors: list[IssueMatch] = []
            for claim, match in self._echoed_claims(sent, n, mine, before):
                key = (claim.mention.actor, claim.issue, claim.issue_stance, claim.evidence)
                if key not in seen:
                    seen.add(key)
                    claims.append(claim)
                    mine.append((claim, match))
                    # (an echo of the sentence before names its issues here: the candidates read them there)
                    if not any(match.issue == o.issue and match.start_char == o.start_char for o in matches):
                        anchors.append(match)
            if anchors:
                self.referring_matches[n] = referring + list({(m.issue, m.start_char): m for m in anchors}.values())
            before = (sent, mine)
        return claims

    def _echoed_claims(self, sent: Span, n: int, mine: list[tuple[StanceClaim, IssueMatch]],
                       before: tuple[Span, list[tuple[StanceClaim, IssueMatch]]] | None) -> list[tuple[StanceClaim, IssueMatch]]:
        """"Peru rejects the levy, as does Chile", "and so does Chile", "Chile does too.", "Nor does
        Chile.", "Chile followed suit": an elliptical clause repeats the predicate of the clause it
        hangs on (or of the sentence before) for its own subject, who takes the side that clause's
        subject took on each issue in it; turned when one of the two is denied and the other not
        ("Peru backs the levy, but Chile does not"; "Peru does not, and neither does Chile" is not
        turned). With each claim, the match it rests on: in the sentence before, the echo's verb."""
        found: list[tuple[StanceClaim, IssueMatch]] = []
        if not mine and not (before is not None and before[1]):
            return found  # (nothing said in this sentence or the one before to echo: most sentences)
        for verb in sent:
            if verb.pos_ not in ("AUX", "VERB") and verb.lower_ not in ECHO_MARKERS:
                continue
            shared = self._view_shared(verb, sent)
            agreement = self._agreement(verb) if shared is None else (shared[0], None)
            antecedent = shared[1] if shared is not None else self._echo_antecedent(verb, sent) if agreement is None \
                else self._agreed_antecedent(verb, sent)
            if antecedent is None or _in_question(self.text, verb.idx, sent.end_char):
                continue
            here = antecedent.sent.start == sent.start
            pairs = mine if here else before[1] if before is not None and before[0].start == antecedent.sent.start else []
            statement = self._statement_for(verb.idx, verb.idx + len(verb.text))
            # (who echoes: the subject, or the agent of a view shared: "a view shared by Chile"; not
            # a first person the parser took for a name, "as do I.", which names no actor)
            doers = agent_objects(verb) if shared is not None else _echo_subjects(verb)
            echoes = [m for c in doers if c.pos_ == "PRON" or c.lower_.rstrip(".") not in SPEAKER_PRONOUNS
                      for m in self._subject_actors(c, statement)]
            # (and their companions: "France, like Japan, does too")
            echoes += [m for word in (*doers, verb) for m in self._joined_by(word)]
            subject_verb = antecedent
            while subject_verb.dep_ in ("conj", "ccomp", "xcomp") and not any(c.dep_ == "nsubj" for c in subject_verb.children):
                # ("Peru met and rejected it, as did Chile": Peru's; "Peru said the levy was
                # needed, as did Chile", the echo hung on the passive: what Peru said)
                subject_verb = subject_verb.head
            subjects = [c for c in subject_verb.children if c.dep_ == "nsubj"]
            owners = {m.actor for s in subjects for m in self._subject_actors(s, self._statement_for(s.idx, s.idx + len(s.text)))}
            # (the issue said in the antecedent's own clause: not in its subject, not in the echo)
            clause = (antecedent.left_edge.idx, antecedent.right_edge.idx + len(antecedent.right_edge.text))
            outside = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in (*subjects, verb)]
            if agreement is not None:
                # ("Chile agrees with him", "shares Peru's view": whom it agrees with, anywhere in
                # that sentence; a sign of its own, turned by its own negation only)
                sign, named = agreement
                if named is not None:
                    owners = {m.actor for m in named}
                    clause, outside = (antecedent.sent.start_char, antecedent.sent.end_char), [outside[-1]]
                turn = (sign < 0) != self._negated(verb)
            else:
                turn = self._negated(antecedent) != self._negated(verb) and not _echo_markers(verb) & DENYING_ECHO_MARKERS
            if turn and agreement is None and antecedent.lemma_.lower() in self.lex.speech | self.lex.belief_cues:
                continue  # "Roe said the levy must go. Cole did not.": not saying it is no side
            if not echoes or not owners:
                continue
            # (the echo's own attribution, hedge and certainty: "'..., and so does Berg,' Roe said" is
            # Berg's view reported by Roe; "Berg may too" unconfirmed)
            hedged = self._hedged(verb)
            for claim, match in pairs:
                if claim.mention.actor not in owners or not clause[0] <= match.start_char < clause[1] \
                        or any(a <= match.start_char < b for a, b in outside) or claim.stance == "neutral" and (turn or agreement):
                    continue  # (a neutral engagement is no view to agree with: "met Roe to discuss it. Cole agreed.")
                stance = turned(claim.stance, turn)
                at = match if here else IssueMatch(claim.issue, verb.idx, verb.idx + len(verb.text), claim.opposite)
                for mention in echoes:
                    if mention.actor in owners:
                        continue
                    holder = _Holder([mention], 1 if stance == "support" else -1, stance == "neutral", True, hedged,
                                     is_speaker=statement is not None and statement.speaker == mention.actor)
                    echoed = self._claim(mention, at, holder, statement, sent, n)
                    if not here:
                        # (the evidence reaches back to the view echoed: "Roe rejects the levy. So does Cole.")
                        echoed = replace(echoed, evidence=strip_whitespace(self.text, antecedent.sent.start_char, sent.end_char))
                    found.append((echoed, at))
        return found

    def _agreement(self, verb: Token) -> tuple[int, list[Mention] | None] | None:
        """Whether a verb takes the side just stated by someone else, and how: 1 the same ("Chile
        agrees", "agreed with him", "shares that view", "echoed Peru's view", "took the same
        line"), -1 the other ("disagrees", "took a different view"), with whom it names (None when
        it names no one: the subject of the clause before); None when it is no such verb or says
        something of its own ("agreed to the levy", "agreed that ...")."""
        if verb.pos_ not in ("AUX", "VERB") or not any(c.dep_ == "nsubj" for c in verb.children):
            return None
        lemma = verb.lemma_.lower()
        content = [c for c in verb.children if c.dep_ not in ECHO_FREE_DEPS]
        sign = self.lex.agreement_verbs.get(lemma)
        if sign:
            statement = self._statement_for(verb.idx, verb.idx + len(verb.text))
            withs = [c for c in content if c.dep_ == "prep" and c.lower_ == "with"]
            if len(withs) != len(content):
                return None
            objects = [g for p in withs for g in p.children if g.dep_ == "pobj"]
            if objects and all(g.pos_ == "PRON" for g in objects):
                return sign, None  # "agrees with him": someone else than the subject, the one who spoke before
            named = [m for g in objects for m in self._subject_actors(g, statement)]
            if withs and not named:
                return None  # "agreed with the plan": the plan's, read as such
            return sign, named or None
        if len(content) != 1 or content[0].dep_ != "dobj" or content[0].lemma_.lower() not in self.lex.view_nouns:
            return None
        view = content[0]
        statement = self._statement_for(verb.idx, verb.idx + len(verb.text))
        adjectives = {c.lower_ for c in view.children if c.dep_ == "amod"}
        other = -1 if adjectives & OTHER_VIEW_WORDS else 1
        # ("echoed his view": someone else than the subject, the one who spoke before; "the
        # assessment of the IMF": the IMF's)
        named = [m for c in view.children if c.dep_ == "poss" and c.pos_ != "PRON" for m in self._subject_actors(c, statement)]
        named += [m for g in of_objects(view) for m in self.resolver.actors_of(g)]
        if any(c.dep_ in ("prep", "acl", "relcl") for c in view.children) and not named:
            return None  # ("shares the concerns of farmers", "took the opposite position on the wall": a view of its own)
        if adjectives & (SAME_VIEW_WORDS | OTHER_VIEW_WORDS):
            return self.lex.view_verbs.get(lemma, 1) * other, named or None
        if lemma in self.lex.view_verbs and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("that", "this", "the", "those", "these")
                                                 for c in view.children):
            return self.lex.view_verbs[lemma], named or None
        return None

    def _view_shared(self, verb: Token, sent: Span) -> tuple[int, Token] | None:
        """"Peru rejects the levy, a view shared by Chile", "That view is shared by Chile.": a
        view just stated, taken (or refused) by the agent of a verb of the lexicon's ``view_verbs``;
        its sign and the predicate that stated the view (the root of its sentence, or of the
        sentence before for a sentence of its own); None when ``verb`` is no such verb."""
        sign = self.lex.view_verbs.get(verb.lemma_.lower())
        if not sign or not agent_objects(verb):
            return None
        view = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and view.lemma_.lower() in self.lex.view_nouns \
                and view.i > sent.root.i and sent.root.pos_ in ("VERB", "AUX"):
            # (only a view set after a comma at the end of the sentence: "Peru rejects the levy, a
            # view shared by Chile"; not "dismissing the criticism echoed by Chile")
            last = max((t.i for t in sent if not t.is_punct), default=sent.end - 1)
            if view.left_edge.i > 0 and self.doc[view.left_edge.i - 1].lower_ == "," and view.right_edge.i == last:
                return sign, sent.root
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in self.lex.view_nouns
                        and any(d.dep_ == "det" and d.lower_ in ("that", "this", "the") for d in c.children)), None)
        previous = self._previous_root(verb, sent) if subject is not None else None
        return (sign, previous) if previous is not None else None

    def _agreed_antecedent(self, verb: Token, sent: Span) -> Token | None:
        """The predicate an agreement answers: the verb it is coordinated with ("Peru rejects the
        levy, and Chile agrees"), or the root of the sentence before."""
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return verb.head
        return self._previous_root(verb, sent)

    def _echo_antecedent(self, verb: Token, sent: Span) -> Token | None:
        """The predicate an elliptical clause repeats: the verb it hangs on ("..., as does Chile",
        "and so does Chile", "but Chile does not"), or, for a sentence of its own, the root of the
        sentence before ("So does Chile.", "Chile does too.", "Chile did not."); None when ``verb``
        is no such echo (it must have a subject and no predicate of its own)."""
        subjects = _echo_subjects(verb)
        # (the parser's readings of an echo: "and Peru didn't either" with "either" as its head)
        bare_marker = verb.lower_ in ECHO_MARKERS and any(c.dep_ == "aux" for c in verb.children)
        if verb.pos_ not in ("AUX", "VERB") and not bare_marker or not subjects:
            return None
        # (what it may have besides: a time, "as did Cole on Tuesday"; the object the parser took its
        # subject for, "nor has Peru"; "be" nothing but its markers: "Cole was there", "was in
        # Paris", "is away" are no echo)
        content = [c for c in verb.children if c.dep_ not in ECHO_FREE_DEPS and c not in subjects and not (
            c.dep_ == "prep" and (any(g.dep_ == "pobj" and g.ent_type_ in ADJUNCT_ENTITIES for g in c.children) or self._inclusion(c)))]
        if verb.lemma_.lower() == "be":
            content += [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep") and c.lower_ not in ECHO_MARKERS and c not in content]
        phrase = not content and (verb.lemma_.lower() in ("do", "be", "have") or verb.tag_ == "MD" or bare_marker) or len(content) == 1 \
            and f"{verb.lemma_.lower()} {' '.join(t.lower_ for t in content[0].subtree)}" in self.lex.echo_phrases
        likewise = any(c.dep_ == "advmod" and f"{verb.lemma_.lower()} {c.lower_}" in self.lex.echo_phrases for c in verb.children)
        if not (phrase or likewise and not content):
            return None
        if verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            if verb.dep_ == "advcl" and not _has_mark(verb, frozenset({"as", "like"})):
                return None
            antecedent = verb.head
            # (hung on a content clause, the echo repeats the clause's own verb only when its tense
            # says so: "Roe regretted that Congress scrapped it, as did Cole" is Cole's regret; "Roe
            # said Peru opposes it, as did Cole" Cole's saying; "..., as does Cole" Cole's opposing)
            main = antecedent.head
            tense = _tense(verb)
            if antecedent.dep_ == "ccomp" and main.pos_ in ("VERB", "AUX") and tense and _tense(main) == tense:
                return main
            return antecedent
        previous = self._previous_root(verb, sent)
        if previous is None:
            return None
        marked = bare_marker or bool(_echo_markers(verb) & ECHO_MARKERS) or content or likewise
        if not (marked or self._negated(verb) != self._negated(previous)):
            return None
        # ("Roe backs the levy, Cole said. So does Berg.": the echo repeats what was said, by its tense)
        tense = _tense(verb)
        if tense and previous.lemma_.lower() in self.lex.speech and _tense(previous) != tense:
            said = next((c for c in previous.children if c.dep_ == "ccomp" and _tense(c) == tense), None)
            if said is not None:
                return said
        return previous

    def _previous_root(self, verb: Token, sent: Span) -> Token | None:
        """The root of the sentence before, a verb, when ``verb`` is its own sentence's root; None
        otherwise: what a sentence of its own may echo or agree with ("So does Chile.", "Chile agrees.")."""
        if verb.dep_ != "ROOT" or sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent.root
        return previous if previous.pos_ in ("VERB", "AUX") else None

    def _anaphoric_matches(self, sent: Span, own: list[IssueMatch], previous: list[IssueMatch]) -> list[IssueMatch]:
        """"Norway proposed a monitoring mission. Canada rejected the idea.": an anaphoric noun
        phrase ("the idea", "this plan", "such a deployment"; the lexicon's ``issue_anaphora``)
        stands for the issue of the sentence before, when that sentence names exactly one issue and
        this one names none (pronouns such as "it" are left to the candidates: too often not an issue)."""
        previous = self._salient(previous)
        issues = {m.issue for m in previous}
        if own or len(issues) != 1:
            return []
        (issue,) = issues
        return [
            referring_match(issue, tok, previous)
            for tok in sent
            if tok.pos_ == "NOUN" and is_issue_anaphor(tok, self.lex)
        ]

    def _plural_anaphoric_matches(self, sent: Span, own: list[IssueMatch], previous: list[IssueMatch]) -> list[IssueMatch]:
        """"Chile proposed a water tax and a fuel levy. Peru rejected both measures.": a plural
        anaphoric noun ("both measures", "these truces", "the two proposals"; the lexicon's
        ``issue_anaphora``) or "both"/"them" as the object of a verb of stance stands for every
        issue of the sentence before, when that sentence names several and this one names none.
        Each issue is a match at the same words."""
        issues = list(dict.fromkeys(m.issue for m in previous))
        if len(issues) < 2:
            return []
        found = []
        for tok in sent:
            if any(m.start_char < tok.idx + len(tok.text) and tok.idx < m.end_char for m in own) \
                    and not self._anaphor_only_match(tok, own):
                continue
            plural_noun = tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lemma_.lower() in self.lex.issue_anaphora \
                and not states_its_content(tok) \
                and any(c.dep_ in ("det", "predet", "nummod") and (c.lower_ in ISSUE_DETERMINERS | {"both", "all"} or c.like_num)
                        for c in tok.children) \
                and not any(c.dep_ in ("poss", "compound", "nmod", "prep", "acl", "relcl") for c in tok.children)  # ("measures taken by X")
            plural_pronoun = tok.lower_ in ("both", "them") and tok.dep_ in ("dobj", "pobj") and self._stance_pronoun_head(tok) \
                and not (tok.lower_ == "them" and self._actors_before(sent))
            if plural_noun or plural_pronoun:
                found += [referring_match(issue, tok, [m for m in previous if m.issue == issue])
                          for issue in issues]
        return found

    def _actors_before(self, sent: Span) -> bool:
        """Whether the sentence before names several actors as its subject ("Chile and Peru
        proposed a levy and a road. Bolivia criticised them for meddling": "them" is Chile and
        Peru)."""
        if sent.start == 0:
            return False
        before = self.doc[sent.start - 1].sent
        return any(len(self.resolver.actors_of(t)) >= 2 for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT")

    def _anaphor_only_match(self, tok: Token, own: list[IssueMatch]) -> bool:
        """Whether the sentence's only matches lie within the plural anaphor ``tok`` with its
        determiner ("these truces" matched as the general ceasefire)."""
        start = min([tok.idx] + [c.idx for c in tok.children if c.i < tok.i])
        return all(start <= m.start_char and m.end_char <= tok.idx + len(tok.text) for m in own)

    def _stance_pronoun_head(self, tok: Token) -> bool:
        """Whether a pronoun object's verb (or its preposition's verb) is a verb of stance."""
        verb = tok.head
        if tok.dep_ == "pobj":
            prep, verb = verb, verb.head
            return bool(self._prep_phrase(self._cue_lemma(verb), prep)) or self.lex.polarity(prep.lower_) in (1, -1)
        return verb.pos_ == "VERB" and self.lex.polarity(self._cue_lemma(verb)) in (1, -1)

    def _salient(self, previous: list[IssueMatch]) -> list[IssueMatch]:
        """The matches of the issue the sentence before is about, when it named several: "European
        officials have drafted a plan for a force of 30,000 troops to reassure Kyiv after any
        ceasefire. Moscow has rejected it": the issue nearest the top of its sentence's tree (the
        force, two steps below the main verb; the ceasefire, deep in a clause of purpose), when
        it is strictly nearer than every other; else all of them (the caller then declines)."""
        if len({m.issue for m in previous}) < 2:
            return previous
        depth: dict[str, int] = {}
        for match in previous:
            span = self._match_span(match)
            if span is None:
                return previous
            steps, tok = 0, span.root
            while tok.head.i != tok.i:
                # (coordinated issues stand equally high: "backed the toll road and the fuel levy")
                tok, steps = tok.head, steps + (tok.dep_ != "conj")
            depth[match.issue] = min(depth.get(match.issue, steps), steps)
        ranked = sorted(depth.values())
        if ranked[0] == ranked[1]:
            return previous
        best = min(depth, key=depth.__getitem__)
        return [m for m in previous if m.issue == best]

    def _head_noun_matches(self, sent: Span, own: list[IssueMatch], own_heads: list[str | None], heads: dict[str, dict[str, int]],
                           n: int) -> list[IssueMatch]:
        """"Chile approved the copper mine in May. ... Peru says the mine will poison the river":
        a noun with a determiner or owner that was the head word of an earlier match of an issue
        ("the mine", "the tax", "the law"; ``heads``: issue -> head lemma -> the last sentence it
        was named in) stands for that issue when this sentence does not name it and no other issue
        had that head. A noun of the lexicon's ``issue_anaphora`` ("the law", "the plan") does so
        only within three sentences: it can mean many things. A noun with its own compound or name
        ("the income tax", "the French plan") is another thing."""
        if not heads:
            return []
        named_here = {m.issue for m in own}
        in_own = self._tokens_of(own)
        # (``own_heads``: the head nouns of this sentence's own matches; one of them is not another
        # issue named again: "rejected the fuel levy and backed the levy on sugar")
        found = []
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.i in in_own or tok.dep_ == "compound":
                continue
            lemma = tok.lemma_.lower()
            if lemma in own_heads:
                continue
            # (or a word the lexicon gives as the same thing, head_noun_synonyms: "the peace talks
            # ... the negotiations"; not when the same noun stood for something else since the
            # issue was named: "passed the gun law ... signed a new law on immigration ... vowed to
            # challenge the law")
            # (the noun itself first; its synonyms only when it stands for no issue: "the levy" is
            # the fuel levy named before, not also the water tax)
            named_by: list[tuple[str, str]] = []  # (issue, the head noun it was named by)
            for forms in ((lemma,), tuple(sorted(self.lex.head_noun_synonyms.get(lemma, ())))):
                named_by = [(issue, head) for issue, words in heads.items()
                            for head in [next((w for w in forms if w in words), "")]
                            if head and (lemma not in self.lex.issue_anaphora and head not in self.lex.issue_anaphora or n - words[head] <= 3)
                            and self._loose_nouns.get(lemma, 0) <= words[head] and self._loose_nouns.get(head, 0) <= words[head]]
                if named_by:
                    break
            if len(named_by) > 1:
                # (a head an issue was named by wins over one it has from another of its terms:
                # "the smoking ban" named, then "car-free": "the ban" is still the smoking ban)
                named_by = [(issue, head) for issue, head in named_by if (issue, head) not in self._term_only_heads] or named_by
            issues = [issue for issue, _ in named_by]
            if len(issues) != 1 or issues[0] in named_here:
                continue
            # (a determiner, no owner: "India's tariffs", "its own pipeline" are someone's own; the
            # noun the issue was named by may also come back with "another" or "any", itself or as a
            # bare plural under a noun that has it: "any new withdrawal", "would not accept another
            # round of withdrawals"; not with "a" or alone, which bring in a new thing as often:
            # "China imposed tariffs in retaliation"; nor a word of the lexicon's issue_anaphora)
            dets = [c for c in tok.children if c.dep_ in ("det", "predet")]
            own_noun = lemma == named_by[0][1] and lemma not in self.lex.issue_anaphora
            renamed = own_noun and (
                any(c.lower_ in RENAMING_DETERMINERS for c in dets)
                or not dets and tok.tag_ == "NNS" and tok.dep_ == "pobj" and tok.head.lower_ == "of"
                and any(c.dep_ == "det" and c.lower_ in RENAMING_DETERMINERS for c in tok.head.head.children))
            # ("a ban" or bare "withdrawals" may be the issue again right after it was named, "urged
            # lawmakers to reject withdrawals once and for all", unless put on someone or made
            # anew, "China imposed tariffs in retaliation", or the word stood for another thing
            # earlier in the sentence)
            renamed = renamed or own_noun and n - heads[named_by[0][0]][named_by[0][1]] <= NEAR_RENAMING and (
                any(c.lower_ in ("a", "an") for c in dets) or not dets and tok.tag_ == "NNS") \
                and not (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in self.lex.imposing_verbs | self.lex.making_verbs
                         | self.lex.threat_verbs) \
                and not any(t.i < tok.i and t.lemma_.lower() == lemma for t in sent)
            determined = any(c.lower_ in ISSUE_DETERMINERS for c in dets) or renamed
            # ("the tax on mobile money", "the deal with the EU": a phrase of its own makes it another)
            specific = any(c.dep_ in ("compound", "nmod", "prep", "poss") or c.dep_ == "amod" and (c.ent_type_ or c.text[:1].isupper())
                           for c in tok.children)
            if determined and not specific and not states_its_content(tok):
                opposite, problem = self._opposite_heads.get((issues[0], named_by[0][1]), (False, False))
                found.append(IssueMatch(issues[0], tok.idx, tok.idx + len(tok.text), opposite, problem=problem))
        return found

    def _object_pronoun_matches(self, sent: Span, own: list[IssueMatch], previous: list[IssueMatch]) -> list[IssueMatch]:
        """""This language law puts that right. I will vote for it with pride.": "it" as the
        object of a verb of stance (or of its preposition: "voted against it") stands for the
        issue of the sentence before, when that sentence names exactly one issue and this one names
        none, and the passive subject of a verb of stance ("said it should be scrapped"). As an
        active subject "it" is too often something else ("it is raining", "China said it would
        protect its steelmakers").

        Not when the sentence before acted against the issue ("Kenya scrapped the subsidy. The
        IMF praised it.": "it" is the scrapping as much as the subsidy) nor when the issue there hung
        on another noun ("published a report critical of the mine. Chile rejected it.")."""
        previous = self._salient(previous)
        issues = {m.issue for m in previous}
        if own or len(issues) != 1:
            return []
        (issue,) = issues
        antecedent = previous[-1]
        if self.match_polarity.get(antecedent.start_char) == -1 or self._nested_in_noun(antecedent):
            return []
        # (the judging pronouns only after a sentence about the issue, looked at when there is one)
        problem = all_problem(previous)
        pronouns = [tok for tok in sent if self._stance_pronoun(tok, problem) or (self._judging_pronoun(tok) or self._judged_subject_pronoun(tok))
                    and self._sentence_about_issue(antecedent)]
        return [referring_match(issue, tok, previous) for tok in pronouns]

    def _dangling_vote_matches(self, sent: Span, named: list[IssueMatch], previous: list[IssueMatch]) -> list[IssueMatch]:
        """"The committee approved the pension bill 9-4. Its chair voted in favour.": a vote "for",
        "against" or "in favour" with nothing after it is a vote on the issue the sentence names,
        or, when it names none, on the issue the sentence before is about (the one nearest its main
        verb, ``_salient``, and only when that verb acts on it); when the issue is not known, nothing
        is read; in a relative clause with a subject of its own, the vote is on the noun the clause
        is on ("the reform, which she voted for"). The match is the word the
        vote ends on ("against", "for", "in" of "in favour"), read as its object would be."""
        found = []
        for tok in (t for t in sent if self._dangling_vote_end(t)):
            verb = tok.head
            if verb.dep_ in ("relcl", "acl") and any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS for c in verb.children):
                # (a clause with a subject of its own votes on the noun it is on, when that names
                # an issue: "the pension reform, which she voted for"; "the party she voted for"
                # is no issue. Without one the noun is the voter, and the vote is on the issue
                # in question, as outside a clause: "Ruiz, who voted against", "the only
                # Republican to vote yes")
                source = [m for m in named if m.start_char <= verb.head.idx < m.end_char]
            elif named:
                source = named
            elif any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.head.i != verb.i and not self.resolver.actors_of(t)
                     and not self._names_people(t) and t.lower_ not in self.lex.group_nouns for t in sent):
                source = []  # "The budget also passed; Berg voted against": another thing was voted on
            else:
                # (the issue before only when it is what that sentence's verb acts on, "approved the
                # toll", "the toll passed"; not what a bill or a repeal does to it, "passed a bill to
                # scrap the toll")
                source = self._salient(previous)
                source = source if all(map(self._voted_on_itself, source)) else []
            issues = {m.issue for m in source}
            if len(issues) == 1:
                # (on an issue named by an opposite term, "approved fracking", the vote's side turns)
                found.append(referring_match(issues.pop(), tok, source))
        return found

    def _voted_on_itself(self, match: IssueMatch) -> bool:
        """Whether a match is what its sentence's main verb acts on ("approved the toll", "voted on
        the toll", "the toll passed"), not something a bill or a repeal does to it."""
        span = self._match_span(match)
        if span is None:
            return False
        tok = span.root
        while tok.dep_ == "conj" or tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            tok = tok.head
        # (a gerund object is parsed as a clause: "approved fracking")
        return (tok.dep_ in ("dobj", "nsubj", "nsubjpass", "prep") or tok.dep_ == "xcomp" and tok.tag_ == "VBG") and tok.head.dep_ == "ROOT"

    def _dangling_vote_end(self, tok: Token) -> bool:
        """Whether ``tok`` ends a vote with no object: "voted against", "voted for", "voted in
        favour" (not "voted against the bill", "voted in favour of it", "voted for Smith")."""
        verb = tok.head
        if verb.lemma_.lower() != "vote" or verb.pos_ != "VERB":
            return False
        # (a preposition left behind by its fronted object is no vote without one: "what did he
        # vote for?"; in a relative clause it votes on the noun the clause is on: see the caller)
        if any(c.tag_ in RELATIVE_TAGS and c.dep_ not in ("nsubj", "nsubjpass") for c in verb.children if c.i < verb.i):
            return False
        # (a vote with a subject of its own: "voted no on the budget", "voted yes to a merger",
        # "voted yes in a referendum", "On the budget, she voted against")
        if any(c.dep_ == "prep" and (c.lower_ in ("on", "to", "over") or c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.lex.ballot_nouns for g in c.children)) for c in verb.children):
            return False
        if tok.lower_ in self.lex.vote_answers:
            # ("voted yes", "voted no", "the only Republican to vote yes": the answer is the vote)
            return is_vote_answer(tok, verb, self.lex)
        # (the preposition alone, or with a bare noun, makes a vote's phrase the lexicon knows: "vote
        # against", "vote for", "vote in favour"; not "vote for Smith", "vote in person")
        ending = list(tok.children)
        if tok.dep_ != "prep" or len(ending) > 1 or any(c.dep_ != "pobj" or list(c.children) for c in ending):
            return False
        return self.lex.polarity(" ".join([verb.lemma_.lower(), tok.lower_, *(c.lower_ for c in ending)])) is not None

    def _sentence_about_issue(self, match: IssueMatch) -> bool:
        """Whether the sentence of a match is about the issue, not about another thing that "it"
        could be: its main subject is an actor, people, or the issue itself ("Chile approved a
        water tax."; not "A report said the water tax ...", "A storm hit the coast after Chile
        approved the tax")."""
        span = self._match_span(match)
        if span is None:
            return False
        root = span.root.sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return False
        subj = subjects[0]
        return subj.i in range(span.start, span.end) or bool(self.resolver.actors_of(subj)) or self._names_people(subj) \
            or subj.lower_ in self.lex.group_nouns

    def _judging_pronoun(self, tok: Token) -> bool:
        """"it" as the object of a naming verb that is also a verb of judgment ("dismissed it",
        "dismissed it as a stunt"), or of one that names it as something that takes a side
        ("described it as a disaster"): read only after a sentence about the issue."""
        if tok.lower_ not in ("it", "them") or tok.pos_ != "PRON" or tok.dep_ != "dobj":
            return False
        verb = tok.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.naming_cues:
            return False
        named = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i for g in c.children if g.dep_ == "pobj"]
        if self._names_a_side(named):
            return True
        # ("called it" is no judgment)
        return verb.lemma_.lower() in self.lex.judgment_cues and self.lex.polarity(self._cue_lemma(verb)) in (1, -1)

    def _judged_subject_pronoun(self, tok: Token) -> bool:
        """"it", "this" or "that" as the subject of a copula whose complement the lexicon judges
        ("The Senate debated the levy. 'This is a terrible idea,' Roe said.", "said it was a
        disaster") or of a verb of what the issue does to others (``cause_only_cues``: "said it
        would hurt farmers"): read only after a sentence about the issue. Not an "it" that stands for an
        actor of its own sentence ("Kenya said it was unacceptable"), nor one that stands for a
        clause after it ("it is a mistake to scrap the levy", "it is good that ...")."""
        if tok.lower_ not in ("it", "this", "that") or tok.pos_ != "PRON" or tok.dep_ != "nsubj" or tok.tag_ in RELATIVE_TAGS:
            return False
        verb = tok.head
        # (not in a relative clause: "backed a rival plan that was a disaster")
        if verb.dep_ == "relcl" or any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in verb.children):
            return False
        cause = verb.pos_ == "VERB" and verb.lemma_.lower() in self.lex.cause_only_cues  # ("said it would hurt farmers")
        if verb.lemma_ not in COPULAS and not cause:
            return False
        sent = tok.sent
        if any(m.start < 0 or sent.start <= m.start < sent.end for m in self.resolver.actors_of(tok)):
            return False  # (an actor of its own sentence: "Kenya said it was ready"; one before may be the issue's doer)
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and not self.resolver.actors_of(t) for t in sent if t.i < tok.i) \
                or any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in sent):
            # ("said the storm was a disaster and it hurt farmers": the storm; "If it fails, it
            # would hurt the city", "it would hurt if the governor vetoed it": a condition)
            return False
        if cause:
            # (not what it does to one person's own: "said it would hurt her campaign", "my campaign";
            # "our farmers", "their families" are people it hurts)
            return not any(c.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ in ("my", "his", "her", "its") for p in c.children)
                           for c in verb.children)
        predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN")]
        return any(not any(g.dep_ in ("acl", "relcl", "ccomp", "xcomp") for g in p.children) for p in predicates) \
            and self._names_a_side(predicates)

    def _names_a_side(self, named: list[Token], problem: bool = False) -> bool:
        """Whether what a naming verb names ("a betrayal", "as a disaster") takes a side, by its
        words of evaluation ("calling it a costly program": the adjective judges a judged noun)."""
        return any(self._side_taking(w, problem) for c in named for w in [*self._evaluation(c), *([c] if problem else [])])

    def _side_taking(self, word: Token, problem: bool = False) -> bool:
        """Whether a word takes a side: a lexicon cue of support or opposition, or, said of a
        problem (``problem``), one of the lexicon's ``problem_cues`` ("tackle", "a crisis")."""
        return self.lex.polarity(self._cue_lemma(word)) in (1, -1) or problem and self._problem_word(word, None) in self.lex.problem_cues

    def _stance_pronoun(self, tok: Token, problem: bool = False) -> bool:
        """Whether ``tok`` is "it" or "them" as the object of a verb of stance (or of its
        preposition: "voted against it"; "called it a betrayal"), or the passive subject of one
        ("said it should be scrapped"), or "its"/"it" with a noun of side describing a name
        (``_side_noun_pronoun``): a place where a pronoun stands for an issue. When it would stand
        for a problem (``problem``), the problem's own words are verbs of stance too ("vowed to
        tackle it", "called it a crisis")."""
        if self._side_noun_pronoun(tok):
            return True
        if tok.lower_ not in ("it", "them") or tok.pos_ != "PRON":
            return False
        verb = tok.head
        if tok.dep_ == "nsubjpass" and verb.pos_ == "VERB":
            # "said it should be scrapped": the passive subject of a verb of stance
            return self._side_taking(verb, problem)
        if tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.dep_ == "ccomp" and verb.tag_ in ("VBN", "VBD") \
                and verb.head.lemma_.lower() in self.lex.wanting_verbs and not any(c.dep_ == "aux" for c in verb.children):
            # "wants it doubled", "wants it cut by half": the small clause of a verb of wanting
            return self.lex.polarity(self._cue_lemma(verb)) in (1, -1)
        if tok.dep_ not in ("dobj", "pobj"):
            return False
        if tok.dep_ == "pobj":
            prep = verb
            verb = prep.head
            if not (self._prep_phrase(self._cue_lemma(verb), prep) or self.lex.polarity(prep.lower_) in (1, -1)):
                return False
        elif verb.pos_ == "VERB" and verb.lemma_.lower() in self.lex.naming_cues:
            # "called it a betrayal": what it is named says the side (see also _judging_pronoun)
            named = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp", "attr", "dobj") and c.i > tok.i]
            return self._names_a_side(named, problem)
        elif not self._side_taking(verb, problem) or verb.pos_ != "VERB":
            return False
        # "wants it cut by half": "it" is the subject of what follows; "under pressure to drop
        # it": whose pressure the walk cannot tell
        return not (any(c.dep_ in ("xcomp", "ccomp", "oprd") and c.i > tok.i for c in verb.children) or verb.dep_ == "acl")

    def _later_pronoun_matches(self, sent: Span, own: list[IssueMatch], taken: list[IssueMatch]) -> list[IssueMatch]:
        """"Natarajan has made a $17 minimum wage her cause, while her rival has called it too
        much": "it" in a later clause of the sentence, as a stance pronoun (``_stance_pronoun``),
        stands for the one issue the sentence named before it, when it agrees in number and its
        verb is another than the issue's. (``taken``: pronouns other rules already read.) Only the
        codebook's matches count: an issue named loosely neither stands in the way ("... told an
        audience that she opposes it, arguing that the country could not build its way to a
        clean-energy future") nor is read; a second issue the codebook names does stand in the way
        ("... said the new tax was unfair and that she opposes it because of the wind farms": "it"
        may be what neither is)."""
        named = {m.issue for m in own if not m.loose}
        if len(named) != 1:
            return []
        done = {m.start_char for m in taken}
        found = []
        for tok in sent:
            if tok.idx in done or not (self._stance_pronoun(tok) or self._judging_pronoun(tok)):
                continue
            before = [m for m in own if m.end_char <= tok.idx and m.issue in named]
            span = self._match_span(before[-1]) if before else None
            if span is None:
                continue
            verb = next((t for t in path_up(span.root, 8) if t.pos_ in ("VERB", "AUX")), None)
            own_verb = next((t for t in path_up(tok, 4) if t.pos_ in ("VERB", "AUX")), None)
            plural = span.root.tag_ in ("NNS", "NNPS")
            if verb is None or own_verb is None or verb.i == own_verb.i or (tok.lower_ == "them") != plural \
                    or self.lex.polarity(self._cue_lemma(verb)) == -1:
                # (not "Kenya scrapped the subsidy and the IMF praised it": the scrapping, maybe)
                continue
            if any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not self.resolver.actors_of(c) for c in own_verb.children) \
                    or _has_mark(own_verb, CONDITIONAL_MARKS):
                # ("... may become possible if governments push it along", "aides say 218 members
                # would vote for it": nobody's view, or a supposed one)
                continue
            found.append(referring_match(before[-1].issue, tok, before))
        return found

    def _nested_in_noun(self, match: IssueMatch) -> bool:
        """Whether a match hangs on another noun before its verb ("a report critical of the mine",
        "a lawsuit against the tax"): a later "it" may be that noun."""
        span = self._match_span(match)
        if span is None:
            return False
        for tok in path_up(span.root, 8)[1:]:
            if tok.pos_ in ("VERB", "AUX"):
                return False
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in range(span.start, span.end):
                # ("drafted a plan for a force of 30,000 troops. Moscow rejected it": a proposal
                # is its content, and so is "it")
                return tok.lemma_.lower() not in PROPOSAL_NOUNS | self.lex.owned_nouns
        return False

    def _term_heads(self, issue: str) -> frozenset[str]:
        """The head nouns of the codebook's terms of several words for an issue that its label
        names too ("car ban" -> "ban" for "Ban on private cars in the city centre"), as
        ``_match_head`` would take them: a compound of lower-case words (not "rebuild the
        military", not a name), not a noun for an actor, not a generic word."""
        if issue not in self._term_heads_cache:
            found = set()
            entry = next((i for i in self.codebook.issues if i.id == issue), None)
            if entry is not None:
                label = {self._noun_lemma(w) for w in label_words(entry.label)}
                for term in entry.terms:
                    words = term.split()
                    if len(words) < 2 or not all(w.isalpha() and w.islower() for w in words) or any(w in FUNCTION_WORDS for w in words):
                        continue
                    head = self._noun_lemma(words[-1])
                    if head in label and self._may_head_an_issue(head):
                        found.add(head)
            self._term_heads_cache[issue] = frozenset(found)
        return self._term_heads_cache[issue]

    def _may_head_an_issue(self, *forms: str) -> bool:
        """Whether a noun (its lemma, its form) may stand for an issue alone: not a noun for an
        actor, not a generic word (the first form)."""
        return not any(f in self._actor_nouns for f in forms) and forms[0] not in self.lex.generic_words

    @staticmethod
    def _noun_lemma(word: str) -> str:
        """A term's last word as a singular noun ("talks" -> "talk", "subsidies" -> "subsidy"; a
        plain rule: a term is written by a user, not parsed)."""
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("ses", "xes", "zes", "ches", "shes")) and len(word) > 4:
            return word[:-2]  # ("taxes" -> "tax")
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            return word[:-1]
        return word

    def _match_head(self, match: IssueMatch) -> str | None:
        """The head noun of a match of several words ("copper mine" -> "mine"), when it can stand
        for the issue alone: not a name, not a noun for an actor ("the Clinton campaign", "the
        farmers' union"), not a generic word."""
        span = self._match_span(match)
        if span is None or len(span) < 2 or span.root.pos_ != "NOUN":
            return None
        lemma = span.root.lemma_.lower()
        return lemma if self._may_head_an_issue(lemma, span.root.lower_) else None

    def _tokens_of(self, matches: list[IssueMatch]) -> set[int]:
        """The token indices the matches cover."""
        return {i for m in matches if (span := self._match_span(m)) is not None for i in range(span.start, span.end)}

    def _match_span(self, match: IssueMatch) -> Span | None:
        """The tokens of a match (widened to whole tokens); None when it covers none."""
        span = self.doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def _coordinated_pronoun_matches(self, sent: Span, own: list[IssueMatch]) -> list[IssueMatch]:
        """"Peru backed the dam, but Chile opposed it": "it" (or "them", or a noun that refers
        back, ``_refers_back``: "the proposal") as the object of a verb coordinated with the verb
        whose object is the issue (or a clause of contrast under it:
        "while Chile opposed it") stands for that issue. (Any other "it" is left to the
        candidates: too often not an issue.)"""
        found = []
        for match in own:
            span = self._match_span(match)
            if span is None:
                continue
            head = span.root
            if head.dep_ == "compound" and head.head.pos_ == "NOUN":
                head = head.head  # "backed the ceasefire plan while Israel rejected it"
            verb = head.head
            # ("said NATO membership would drag the alliance into war, and that Hungary would veto
            # it": the issue as the subject of the first clause is what the second acts on)
            # (an object the parser takes for a predicate: "called [the ban] overdue")
            if head.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "oprd") or verb.pos_ not in ("VERB", "ADP", "AUX") \
                    or head.dep_ in ("dobj", "pobj") and verb.pos_ == "AUX":
                continue
            verb = verb.head if verb.pos_ == "ADP" else verb  # "voted against the dam ... and for it"
            for other in verb.children:
                # (a clause of contrast is one too: "Egypt backed the plan while Israel rejected it")
                contrast = other.dep_ == "advcl" and _has_mark(other, frozenset({"while", "whereas", "but"}))
                if not (other.dep_ == "conj" or contrast) or other.pos_ != "VERB":
                    continue
                for pron in [c for c in other.children if c.dep_ == "dobj"] + [
                    g for c in other.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                ]:
                    # (only with a verb of stance: "opposed it", "campaigned for it"; not "replacing
                    # it with softer language")
                    lemma = self._cue_lemma(other)
                    stance_verb = self.lex.polarity(lemma) is not None or (pron.dep_ == "pobj" and bool(self._prep_phrase(lemma, pron.head)))
                    # (a subject is taken up only in its number: "the sanctions hurt the economy,
                    # and Hungary would protect it" is the economy)
                    agrees = head.dep_ not in ("nsubj", "nsubjpass") or (pron.lower_ == "them") == (head.tag_ in ("NNS", "NNPS")) and not any(
                        # ("the lockdown had hurt the sector, and Dublin would support it": the sector
                        # may be "it"; not an actor: "would drag the alliance into war ... veto it")
                        o.dep_ in ("dobj", "attr") and o.pos_ == "NOUN" and (o.tag_ == "NNS") == (pron.lower_ == "them")
                        and not self.resolver.actors_of(o) for o in head.head.children)
                    if self._refers_back(pron) and pron.i > head.i and stance_verb and agrees:
                        found.append(referring_match(match.issue, pron, [match]))
                # ("Cairo called the ban overdue, while Giza warned it would cost jobs": "it" as the
                # subject of what the coordinated verb reports, doing what only an issue does)
                for reported in (c for c in other.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
                    subject_it = next((g for g in reported.children if g.dep_ == "nsubj" and g.lower_ == "it" and g.i > head.i), None)
                    if subject_it is not None and self._issue_only_effect(reported) and head.tag_ not in ("NNS", "NNPS"):
                        found.append(referring_match(match.issue, subject_it, [match]))
        return found

    def _refers_back(self, word: Token) -> bool:
        """Whether an object of a coordinated verb stands for the issue named before: "it", "them",
        or a noun of a proposal with a determiner and nothing of its own after it ("Paris backed
        the ban, but Dublin blocked the proposal"; not "welcomed the decision", an act, nor "the
        plan for a new airport")."""
        if word.lower_ in ("it", "them"):
            return True
        return word.tag_ == "NN" and word.lemma_.lower() in PROPOSAL_NOUNS and is_issue_anaphor(word, self.lex) \
            and not any(c.dep_ in ("prep", "acl", "relcl") for c in word.children)

    def _issue_only_effect(self, verb: Token) -> bool:
        """Whether a verb says what only an issue does: harm ("would hurt small boats", the
        lexicon's ``cause_only_cues``) or an effect on an outcome the lexicon knows ("would cost
        3,000 jobs"; not "would boost spending", which a country may do)."""
        lemma = self._cue_lemma(verb)
        if lemma in self.lex.cause_only_cues:
            return True
        return lemma in self.lex.effect_verbs and any(self._outcome_value(_counted(o)) for o in _objects(verb))

    def _claim(self, mention: Mention, match: IssueMatch, holder: _Holder, statement: Statement | None, sent: Span, n: int) -> StanceClaim:
        """The claim of one holder mention: stance, certainty, attribution, source, evidence span
        (the quotation when short enough, else the sentence) and confidence."""
        if holder.neutral:
            stance = "neutral"
        else:
            stance = "support" if holder.polarity > 0 else "oppose"
        if holder.descriptive and statement is not None and statement.kind != "direct" and statement.negated_cue:
            # "Witkoff would not confirm that Putin's requests include conditions unacceptable to
            # Kyiv": Witkoff asserts nothing, so the description of the conditions is the journalist's.
            statement = None
        speaker = statement.speaker if statement is not None else None
        if statement is None:
            attribution, source, certainty = holder.attribution or "narrative", "", "stated"
        else:
            attribution = "direct" if statement.kind == "direct" else "indirect"
            if holder.is_speaker or speaker is None or speaker == mention.actor:
                source, certainty = "", "stated"
            else:
                source, certainty = speaker.name, "reported"
        if holder.reported_by and holder.reported_by != mention.actor.name:
            source, certainty = holder.reported_by, "reported"
        if holder.hedged or (statement is not None and (statement.negated_cue or statement.hedged_cue)):
            certainty = "unconfirmed"
            if statement is not None and speaker is not None and speaker != mention.actor:
                source = speaker.name
        if statement is not None and statement.kind == "direct" and (statement.end_char - statement.start_char) <= 400:
            evidence = (statement.start_char, statement.end_char)
        else:
            evidence = (sent.start_char, sent.end_char)
            evidence = strip_whitespace(self.text, *evidence)
        confidence = {"direct": 0.9, "indirect": 0.8, "narrative": 0.7}[attribution]
        confidence -= {"stated": 0.0, "reported": 0.1, "unconfirmed": 0.2}[certainty]
        return StanceClaim(mention, match.issue, stance, certainty, attribution, source, evidence, n, round(confidence, 2),
                           match.opposite)


def _says_more_of_it(clause: Token) -> bool:
    """Whether a reported clause says of its subject something the rules may not have read: a
    passive ("climate change was being used to justify tax hikes"), a name or an adjective ("was a
    convenient excuse"), or an infinitive (a warning about a problem then need not sound the alarm)."""
    return clause.dep_ == "ccomp" and any(
        c.dep_ in ("nsubjpass", "auxpass", "attr", "acomp", "xcomp", "oprd") and c.tag_ not in ("JJR", "RBR")  # ("getting worse")
        for c in clause.children)


def _not_only_but(comp: Token) -> bool:
    """"was not just fair but necessary", "not merely a mistake but a disaster", "not fair, but
    necessary": the negation does not deny the predicate."""
    copula = comp.head
    negation = next((c for c in copula.children if c.dep_ == "neg"), None)
    if negation is not None and negation.i + 1 < len(comp.doc) and comp.doc[negation.i + 1].lower_ in ("just", "only", "merely", "simply"):
        return True
    for head in (comp, copula):  # the parser hangs "but necessary" on the predicate or on the copula
        but = any(c.dep_ == "cc" and c.lower_ == "but" for c in head.children)
        other = any(c.dep_ == "conj" and c.pos_ in ("ADJ", "NOUN") and not any(g.dep_.startswith("nsubj") for g in c.children)
                    for c in head.children)
        if but and other:
            return True
    return False


def _outermost(holders: list[_Holder]) -> list[_Holder]:
    """Each actor once, as the highest predicate it holds the issue by: "renounced her support for
    the dam" is her opposition, not her support and her opposition. (Descriptions, "conditions
    unacceptable to Kyiv", are another reading and are left as they are.)"""
    later: set = set()
    kept: list[_Holder] = []
    for holder in reversed(holders):
        if holder.descriptive:
            kept.append(holder)
            continue
        mentions = [m for m in holder.mentions if m.actor not in later]
        later |= {m.actor for m in holder.mentions}
        if mentions:
            kept.append(replace(holder, mentions=mentions) if len(mentions) < len(holder.mentions) else holder)
    return kept[::-1]


def _evaluated_by_copula(below: Token) -> bool:
    """Whether the path reaches a copula from what the copula's complement evaluates: its subject
    (a noun or a clause: "lifting the tariffs would be a mistake") or an infinitive whose place
    the expletive subject holds ("it was premature to scrap the tariffs")."""
    if below.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass"):
        return True
    return below.dep_ == "xcomp" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in below.head.children)


def _indirect_question(clause: Token) -> bool:
    """A complement clause that is an embedded question: "asked whether the deal would include X",
    "questioned how the ceasefire would be monitored", "before deciding whether to accept the deal"."""
    if clause.dep_ not in ("ccomp", "csubj", "pcomp", "xcomp") or clause.i == clause.head.i:
        return False
    first = clause.left_edge
    return first.lower_ in WH_WORDS and first.i < clause.i and first.head.i == clause.i or any(
        c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children
    )


def _object_relative(verb: Token) -> bool:
    """A relative clause whose relative pronoun is the object: "which Moscow agreed to", "that
    both sides signed" (not "which ended the war", where the issue is not the object), or a
    contact clause without one whose verb lacks an object of its own ("the concession Lima
    sought"; not "the plan Lima wants to scrap", whose gap is in the infinitive)."""
    if _contact_relative(verb):
        return True
    if verb.dep_ != "relcl":
        return False
    for c in verb.children:
        if c.tag_ in RELATIVE_TAGS or c.lower_ == "that":
            if c.dep_ in ("dobj", "pobj"):
                return True
        if c.dep_ == "prep":
            if any(g.dep_ == "pobj" and (g.tag_ in RELATIVE_TAGS or g.lower_ == "that") for g in c.children):
                return True
    return False


def _relative_word(tok: Token) -> bool:
    """A relative pronoun: "which", "who", "that" (as a pronoun)."""
    return tok.tag_ in RELATIVE_TAGS or tok.lower_ == "that" and tok.pos_ == "PRON"


def _named_object(obj: Token, in_match: set[int] | frozenset[int] = frozenset()) -> bool:
    """Whether a naming verb's child is (part of) the thing it names: its direct object; the first
    of two predicates the parser makes of object and name in a relative clause ("Roe, who has
    called the levy a hoax": "levy" and "hoax" both ``oprd``); or a preposition the parser hangs on
    the verb between object and name ("called her vote | in favour of the levy | a mistake")."""
    if obj.dep_ == "dobj" or obj.dep_ == "oprd" and _after_name(obj):
        return True
    if obj.dep_ in ("ccomp", "xcomp") and obj.i > obj.head.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in obj.children):
        # (the name as an object of a word of the issue the parser makes a verb, "called fracking
        # a danger", "called man-made global warming a hoax", or as a second object of an act on
        # it, "called [scrapping the loans] [a mistake]"; not the only object of a verb of its own,
        # "dismissed raising the tax")
        objects = [c for c in obj.children if c.dep_ == "dobj" and c.i > obj.i]
        named = obj.i in in_match or any(c.i in in_match for c in objects)
        if named and any(c.i not in in_match and c.pos_ in ("ADJ", "NOUN") and not any(t.i in in_match for t in c.subtree)
                         for c in objects):
            return True
    names = [c for c in obj.head.children if c.dep_ == "oprd" and c.i > obj.i and c.pos_ in ("ADJ", "NOUN")]
    if obj.dep_ == "prep":
        return bool(names) and any(c.dep_ == "dobj" and c.i < obj.i for c in obj.head.children)
    # (or a clause the parser makes of object and name: "called [the wind farms] a bad deal",
    # "farms" a ``ccomp``; or an indirect object: "called [air pollution] a threat", "pollution" a
    # ``dative``)
    return (obj.dep_ in ("oprd", "dative") or obj.dep_ == "ccomp" and obj.pos_ in ("NOUN", "PROPN")) and bool(names)


# Words that with "to" make a future of the verb after them ("going to sign", "about to sign").
FUTURE_MARKERS = frozenset({"going", "about"})


def _issue_as_subject(below: Token | None, walk: _Walk, aims: frozenset[str] = frozenset()) -> bool:
    """Whether the walk came up to a verb from its subject that is the issue ("the levy would hurt
    farmers"), a clause about the issue ("cutting the levy would hurt farmers", whose own
    polarity the walk has read already) or a noun of an aim whose side on the issue the walk has
    read ("plans for a levy would hurt farmers", "moves to scrap the levy", "Lima's plans for a
    levy": what that does is judged; not "Lima's rejection of the levy", whose side is Lima's;
    only a noun of ``aims``, the lexicon's ``aim_nouns``: "the threat of tariffs" describes them,
    nobody aims at them)."""
    if below is None:
        return False
    if below.dep_ == "nsubj" and below.i in walk.in_match or below.dep_ == "csubj" and any(
            c.dep_ == "dobj" and c.i in walk.in_match for c in below.children):
        return True
    # (an owner before the aim does not make the verdict the owner's: "the council's plans for a
    # levy would hurt farmers" is the speaker's verdict on the levy, the plans stay the council's)
    return below.dep_ == "nsubj" and below.pos_ == "NOUN" and below.lemma_.lower() in aims and walk.polar and not walk.judged and not walk.neutral \
        and not any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in below.children) \
        and any(t.i in walk.in_match for t in below.subtree)


def _counted(obj: Token) -> Token:
    """What a number or a noun of number counts ("destroy thousands of jobs", "cost 3,000 jobs"
    with the number a head): the noun after its "of", else the word itself."""
    return next(iter(of_objects(obj)), obj) if obj.like_num or obj.lemma_.lower() in QUANTITY_NOUNS else obj


def _nobody(word: Token) -> bool:
    """Whether a word names no one: "nobody", "no-one", "no one"."""
    if any(c.lower_ in ("but", "except", "besides") or c.dep_ == "prep" and c.lower_ in ("except", "but", "besides", "than")
           for c in word.children):
        return False  # ("hurts nobody but the poor", "no one except families"): someone after all
    return word.lower_ in ("nobody", "no-one") or word.lower_ == "one" and any(c.dep_ == "det" and c.lower_ == "no" for c in word.children)


def _is_particle(word: Token, verb: Token) -> bool:
    """Whether ``word`` is the particle of a phrasal ``verb`` ("held off", "backed away": an
    advmod right after the verb counts, the parser often tags it so)."""
    return word.dep_ == "prt" or word.dep_ == "advmod" and word.i == verb.i + 1


def _as_preps(verb: Token, obj: Token) -> list[Token]:
    """The "as" of a framing verb ("sees the dam as a disaster"): the parser hangs it on the verb or
    on its object."""
    return [p for p in [*verb.children, *obj.children] if p.dep_ == "prep" and p.lower_ == "as"]


def _as_frames(verb: Token, obj: Token) -> list[Token]:
    """What a framing verb frames its object as: the words after its "as" (``_as_preps``)."""
    return [frame for prep in _as_preps(verb, obj) for frame in prep.children if frame.dep_ in ("pobj", "amod", "acomp")]


def _has_object(verb: Token) -> bool:
    """Whether a verb has an object, direct or after its preposition ("met Zelensky", "met with Zelensky")."""
    return any(c.dep_ == "dobj" or c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def _objects(verb: Token) -> list[Token]:
    """A verb's direct objects, with a noun phrase the parser makes a clause of ("will end [the
    water rationing]": "rationing" a ``ccomp`` VBG with a determiner)."""
    return [c for c in verb.children if c.dep_ == "dobj" or c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG"
            and any(g.dep_ == "det" and g.i < c.i for g in c.subtree)]


def _neither_nor(tok: Token) -> bool:
    """Whether ``tok`` is the second member of a "neither ... nor ..." coordination."""
    siblings = list(tok.head.children)
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in siblings) and any(
        c.dep_ == "cc" and c.lower_ == "nor" for c in [*siblings, *tok.children])


def _after_name(obj: Token) -> Token | None:
    """An adjective the parser hangs after the named object as its modifier ("called the levy
    “harsh, dangerous and out of step”": "harsh" an ``amod`` of "levy"), or None."""
    return next((c for c in obj.children if c.dep_ == "amod" and c.i > obj.i and c.pos_ == "ADJ"), None)


def _is_name(tok: Token, obj: Token) -> bool:
    """Whether a child of a naming verb or of its object ``obj`` is the name given to the object:
    a predicate after it (``oprd``; one tagged as an adverb or a number too: "called the truce
    premature"), a second object or apposition the parser makes of the name ("called the mine a
    big project"), or an adjective it hangs after the object (``_after_name``)."""
    return tok.dep_ == "oprd" and tok.pos_ != "VERB" or (
        tok.dep_ in ("dobj", "appos") and tok.i > obj.i or tok.i == getattr(_after_name(obj), "i", -1)
    ) and tok.pos_ in ("ADJ", "NOUN")


def _is_amount(tok: Token) -> bool:
    """A number or a noun counted by one ("$2 billion", "50 billion euros")."""
    return tok.like_num or any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in tok.children)


def _former(noun: Token) -> bool:
    """Whether a noun for someone is said of the past ("a former critic", "the one-time sponsor",
    "the once anti-casino senator"; not "once again a critic")."""
    return any(c.lower_ in FORMER_WORDS or c.lower_ == "once" and not any(g.lower_ in ("again", "more") for g in c.children)
               for c in noun.children if c.dep_ in ("amod", "advmod", "compound"))


# The prepositions after which a noun for someone by their side takes it on what follows ("a critic
# of", "a champion for", "the driving force behind", "a convert to", "a crusader against").
SIDE_NOUN_PREPOSITIONS = frozenset({"of", "for", "behind", "to", "against", "toward", "towards"})


def _noun_phrase_key(tok: Token, words: Collection[str]) -> str | None:
    """How a noun is listed among ``words``: by its lemma ("critic"), or with the modifier right
    before it as a phrase ("driving force", "pet project", hyphened: "standard-bearer"); None when
    it is not."""
    lemma = tok.lemma_.lower()
    if lemma in words:
        return lemma
    if tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    if before.head == tok and before.dep_ in ("amod", "compound", "nmod") and f"{before.lower_} {lemma}" in words:
        return f"{before.lower_} {lemma}"
    if tok.i > 1 and _hyphened_to(tok.doc[tok.i - 2], tok) and f"{tok.doc[tok.i - 2].lower_}-{lemma}" in words:
        return f"{tok.doc[tok.i - 2].lower_}-{lemma}"
    return None


def _hyphened_to(word: Token, other: Token) -> bool:
    """Whether ``word`` stands right before ``other`` with a hyphen between ("US-brokered")."""
    return word.i + 2 == other.i and word.doc[word.i + 1].text in HYPHENS


def _has_infinitive(noun: Token) -> bool:
    """Whether a noun has a to-infinitive of its own ("attempts to forge a truce")."""
    return any(c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in noun.children)


def _named_by(verb: Token, obj: Token, in_match: set[int]) -> bool:
    """Whether a naming verb's child is the thing it names (``_named_object``) and the verb gives
    it a name (``_names_it``): "called [the levy] [a mistake]"."""
    return _named_object(obj, in_match) and _names_it(verb, obj)


def _names_it(verb: Token, obj: Token) -> bool:
    """Whether a naming verb gives its object a name (``_is_name``)."""
    return any(_is_name(c, obj) for c in [*verb.children, *obj.children, *_trailing_names(obj)])


def _trailing_names(obj: Token) -> list[Token]:
    """A name the parser hangs, as an apposition or an object, on the last noun inside a naming
    verb's object ("called [the idea of a water tax] [a mistake]": "mistake" on "tax"; "called
    [the notion of man-made global warming] [a hoax]": "hoax" an object of "warming")."""
    return [t for t in obj.subtree if t.dep_ in ("appos", "dobj") and t.head.i != obj.i and t.head.dep_ == "pobj"
            and t.right_edge.i == obj.right_edge.i]


def _own_or_shared_subjects(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    """A verb's subjects of the given dependencies; for an infinitive or a conjunct with none of its
    own ("wanted to scrap", "met and rejected"), the subject of the verb it hangs from."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    if not subjects and verb.dep_ in ("xcomp", "conj"):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return subjects


def _like_a_pronoun(word: Token) -> bool:
    """Whether a word has "like" with a pronoun under it ("farmers, like him,", "senators like her")."""
    return any(p.dep_ == "prep" and p.lower_ == "like" and any(o.pos_ == "PRON" for o in p.children) for p in word.children)


def _identity_copula(path: list[Token], idx: int) -> bool:
    """Whether path[idx] is a copula reached from its predicate noun: "the concession Lima sought
    was a tariff exemption", "..., which was a tariff exemption" (the issue is what the subject is)."""
    return idx > 0 and path[idx].lemma_ == "be" and path[idx - 1].dep_ == "attr"


def _identity_subjects(copula: Token) -> list[Token]:
    """The noun subjects of an identity copula (a relative pronoun stands for the antecedent, which
    the walk reaches next)."""
    return [c for c in copula.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]


def _contact_relative(verb: Token) -> bool:
    """"the concession Lima sought", "the truce both sides agreed to": a relative clause after its
    noun with a subject, no relative word and no object or clause of its own, so its gap is the
    object and the noun is what the subject acts on. (The parser may call it a finite clausal
    modifier: "the accord Chile rejected last year".)"""
    if verb.i < verb.head.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    if not (verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP")):
        return False
    children = list(verb.children)
    if any(c.tag_ in RELATIVE_TAGS or c.lower_ == "that" for c in children):
        return False
    if not any(c.dep_ == "nsubj" for c in children):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "auxpass", "attr", "acomp") for c in children)


def _shared_subject_verbs(head: Token) -> list[Token]:
    """The verbs coordinated with the one the issue is the subject of, or lies in the subject of,
    with no subject of their own ("the dam is backed by Peru and opposed by Chile": "opposed"; "a
    proposal for a levy was accepted by Peru but rebuffed by Chile": "rebuffed")."""
    subject = head
    # (up a noun phrase only: a compound, "for"/"of"/"on" and its object, at most three steps)
    for _ in range(3):
        if subject.dep_ in ("nsubj", "nsubjpass"):
            break
        if subject.dep_ == "compound" or subject.dep_ == "pobj" and subject.head.lower_ in ("for", "of", "on"):
            subject = subject.head.head if subject.dep_ == "pobj" else subject.head
        else:
            return []
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.pos_ != "VERB":
        return []
    return [c for c in subject.head.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]


def _coordinated_sibling(path: list[Token], idx: int) -> bool:
    """True when path[idx] was reached from a conjunct of the same kind ("a halt to X, and a ban
    on Y"; "he plans ... and that negotiators discussed ..."): a sibling, not a governor."""
    if idx == 0:
        return False
    child = path[idx - 1]
    head = path[idx]
    if child.dep_ != "conj":
        return False
    nominal = ("NOUN", "PROPN", "PRON")
    verbal = ("VERB", "AUX")
    return (child.pos_ in nominal and head.pos_ in nominal) or (child.pos_ in verbal and head.pos_ in verbal)


# Determiners with which the noun an issue was named by names it again ("any new withdrawal",
# "another round of withdrawals" after "early withdrawals").
RENAMING_DETERMINERS = frozenset({"another", "any"})
# ... and with "a" or alone only this many sentences after it was last named by that noun.
NEAR_RENAMING = 2


def _shares_subject_with(verb: Token, head: Token) -> bool:
    """Whether ``verb`` is a verb coordinated with ``head`` with no subject of its own ("would
    raise the age and ban withdrawals": "ban" shares "raise"'s subject), also when the parser hangs
    it on ``head``'s object ("raise the age and ban all exports": "ban" a conjunct of "age")."""
    attached = verb.head.i == head.i or verb.head.dep_ == "dobj" and verb.head.head.i == head.i
    return verb.dep_ == "conj" and attached and verb.pos_ == "VERB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


# Entity labels that are a measure themselves ("8 percent", "$45", "20 tonnes"); a CARDINAL is one only
# alone ("to 67") or with a unit of the lexicon's measure_units.
MEASURE_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY"})


def _to_a_quantity(verb: Token, units: frozenset[str] = frozenset()) -> bool:
    """Whether a verb takes its object to or by a measure ("lift the age to 67", "by 8 percent",
    "to 700 soles a month", "by two years"): a bare number, an amount of money, a percentage, a
    quantity or a number of ``units``; not a date or an hour ("by 2027", "by 10 p.m."), a count of
    things ("to 30 countries") or nothing ("to zero")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "by"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.lower_ in ("zero", "nil", "nothing"):
                continue
            if obj.ent_type_ in ("DATE", "TIME"):
                # (a span of time by which something rises is a measure: "by two years")
                if prep.lower_ == "by" and obj.lemma_.lower() in ("year", "month") and not obj.like_num:
                    return True
                continue
            if obj.like_num or obj.ent_type_ in MEASURE_ENTITIES:
                return True
            # (a number of a unit the lexicon knows: "by 5 shillings", "to 700 soles", "by two points")
            if units and obj.lemma_.lower() in units and any(c.dep_ == "nummod" and c.like_num for c in obj.children):
                return True
    return False


def _in_question(text: str, position: int, sentence_end: int) -> bool:
    """Whether the clause around ``position`` ends with a question mark (the parser sometimes
    joins a question to the next sentence, so we read the text, not the sentence)."""
    for ch in text[position : max(sentence_end, position + 300)]:
        if ch in ".!":
            return False
        if ch == "?":
            return True
        if ch == "\n":
            return False
    return False


TIME_NOUNS = frozenset({"summer", "winter", "spring", "autumn", "fall", "election", "vote", "summit", "deadline",
                        "year", "month", "week", "day", "end", "weekend", "holiday", "recess", "session"})


def _timed(verb: Token) -> bool:
    """Whether a verb is placed in time by a modifier of its own ("before the summer", "this
    week", "by Monday", "yet"): then "will not happen" is a date, not a judgment."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("before", "until", "till", "by", "within", "in", "after") and any(
                g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME", "EVENT") or g.lemma_.lower() in TIME_NOUNS) for g in c.children):
            return True
        if c.dep_ in ("npadvmod", "advmod") and (c.ent_type_ in ("DATE", "TIME") or c.lower_ in ("yet", "soon", "anytime")):
            return True
    return False


REFUSED_DEPS = ("xcomp", "dobj", "ccomp")  # what a verb of refusal refuses: "declined to sign", "refused the offer"


def _takes_something(verb: Token) -> bool:
    """Whether a verb of refusal has something of its own that it refuses."""
    return any(c.dep_ in REFUSED_DEPS for c in verb.children)


def _asked_clause(clause: Token) -> bool:
    """A participle clause of being asked ("Asked about the truce, ...", "Asked whether ...")."""
    return clause.dep_ == "advcl" and clause.lemma_.lower() in ("ask", "question", "press") and clause.tag_ == "VBN"


def _verb_stems(word: str) -> list[str]:
    """The stems an -ing or -ed form may come from: "gutting" -> gut, "scrapped" -> scrap,
    "axing" -> axe/ax, "vetoed" -> veto."""
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            found = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                found.insert(0, stem[:-1])  # a doubled consonant: "gutting", "scrapped"
            if ending == "ed" and stem.endswith("i"):
                found.append(stem[:-1] + "y")  # "tried" -> try
            return found
    return []


def _takes_a_position(verb: Token) -> bool:
    """"take a position", "take a stand", "take sides": the act of taking a side itself (also as
    the one word the idioms make of it)."""
    return verb.lemma_.lower() in ("take a position", "take sides") or verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("position", "stand", "stance", "side") for c in verb.children)


def _echo_subjects(verb: Token) -> list[Token]:
    """The subject of an elliptical clause: its nsubj, or for an auxiliary with a marker of echo and
    no subject, the object the parser took it for ("nor has Peru": Peru as the object of "has")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects or verb.lemma_.lower() not in ("have", "be", "do") or not (_echo_markers(verb) & ECHO_MARKERS or _has_mark(verb, frozenset({"as"}))):
        return subjects
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects if len(objects) == 1 and objects[0].pos_ == "PROPN" else []


def _echo_markers(verb: Token) -> set[str]:
    """The words around an elliptical verb that may mark it as an echo: its own children, and the
    word right before it, which the parser may hang elsewhere ("nor has Peru")."""
    words = {c.lower_ for c in verb.children}
    if verb.i > 0 and verb.doc[verb.i - 1].dep_ in ("cc", "preconj", "advmod"):
        words.add(verb.doc[verb.i - 1].lower_)
    return words


def _tense(verb: Token) -> str:
    """"past", "present" or "modal": the tense of a verb by its first auxiliary, else its own tag;
    '' when neither says."""
    tags = [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i] or [verb.tag_]
    if "MD" in tags:
        return "modal"
    return "past" if tags[0] == "VBD" else "present" if tags[0] in ("VBZ", "VBP") else ""


def _has_mark(clause: Token, marks: frozenset[str]) -> bool:
    """Whether a clause is introduced by one of ``marks`` ("if", "until", "because")."""
    return any(c.lower_ in marks for c in clause.children if c.dep_ == "mark")


def _is_side_clause(tok: Token) -> bool:
    """A participial side clause without a conjunction: "rejected the plan, calling for X"."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "mark" for c in tok.children)


def _finite_or_perfect(verb: Token) -> bool:
    """Whether a verb is said to happen or have happened: a finite form ("saw", "sees") or a
    participle with "have" ("has seen"), not an infinitive or a gerund."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _holder_clause(clause: Token) -> bool:
    """A modifier clause whose agent or subject holds a view on the noun it modifies: a passive
    participle ("accepted by Ukraine") or an object relative ("which both sides agreed to"). Not a
    perfect tense whose subject is the relative pronoun ("Chile, which has rejected the levy": what
    Chile did, read as any relative clause; "a move Chile condemned" is an object relative)."""
    if any(c.dep_ == "mark" for c in clause.children):
        return False  # a noun's content clause, no modifier: "the claim that Chile had dropped the levy"
    return clause.tag_ == "VBN" and not any(c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS for c in clause.children) \
        or _object_relative(clause)


def _in_conditional(tok: Token) -> bool:
    """Whether a token lies (up to four heads up) in an "if"/"unless"/"whether" clause."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in cur.children if c.dep_ == "mark"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _is_container_subject(head: Token, lex: Lexicon) -> bool:
    """"any peace plan should include X": the plan is what is talked about, not a position."""
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in lex.container_verbs


def statement_top(doc: Doc, statement: Statement) -> Token | None:
    """The token a statement hangs from: its cue, else the root of its span."""
    if statement.cue_token is not None:
        return doc[statement.cue_token]
    span = doc.char_span(statement.start_char, statement.end_char, alignment_mode="expand")
    return span.root if span is not None else None
