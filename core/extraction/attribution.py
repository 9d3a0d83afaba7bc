"""Quote attribution: who said what, with offsets.

Three kinds of statement, after the dependency rules of the GenderGapTracker's quote extractor:

* ``direct`` — text inside quotation marks, attributed through a nearby speech verb's subject
  ("“...,” Trump said", also when the sentence splitter cut the attribution off), through "He
  added that, “...”", or, for a quote standing alone, to the speaker of the statement just before
  it. A quote may run over several sentences; a quote interrupted by its own attribution ("“A,” he
  said, “B.”") or continued without a new cue is one statement spanning the fragments.
* ``indirect`` — a reporting verb with a clausal complement ("Grushko said that any plan ...";
  a verb of belief or evidence only with a finite clause: "The survey showed that ..."); a
  parenthetical attribution ("The plan, he said, is dead."; "The plan is dead, he argued."); a
  directive with object and infinitive ("told the staff to prepare"); a verb + preposition cue
  ("called for an inquiry"); a naming verb ("called the vote a mistake"); a reporting verb with
  a direct object ("cited rising costs"); a headline colon ("Survey: Farmers Expect Lower Prices");
  a paraphrase after a colon that a speaker's clause introduces ("Her reply was blunt: the pool would close");
  a verb or adjective of intention with its infinitive ("refuses to publish the audit", "were
  willing to wait"); a noun of saying or will with its owner ("her determination to close the
  harbour", "the council's call for a recount"); a verb of appearance or a passive of
  expectation with no source named ("the harbour appears to be losing money", "one farmer in five
  is expected to leave"), and a judgment in the passive ("was criticized for ..."): those two are
  ``narrative`` for the stance rules. A wider cue inside what another statement of the sentence
  reports is part of that statement, not a second one; a cue the parser coordinated with a
  reported clause ("said he had fought ... and called it ...") or a relative clause with its own
  cue closing it ("..., who blasts the levy") is a statement of its own.
* ``according_to`` — "According to Moscow, ...".

Every cue list lives in ``seeds/lexicon.yaml`` (speech, belief_cues, directive_cues, object_cues,
naming_cues, prepositional_cues, linking_cues, source_nouns, intention_cues, intention_adjectives, nominal_cues,
attitude_words, raising_cues, passive_raising_cues, passive_judgment_cues, judgment_cues,
position_phrases, rule_verbs, rule_nouns, sponsor_verbs, reply_nouns, introducing_verbs, manner_adjectives,
addressed_nouns; the
experiencer_verbs of the stance rules give the feelings caused in people).
The quotations come from ``core.extraction.quotes`` (unbalanced marks never raise: an unclosed quote
ends at the end of its paragraph) and the speakers from ``core.extraction.speakers`` (a line break
never joins a subject to a verb; an appositive name is preferred to the title it follows). This
module holds the cue families and puts them together, sentence by sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from core.extraction.mentions import ActorResolver, Mention
from core.extraction.quotes import MIN_DIRECT_WORDS, QuoteFinder
from core.extraction.speakers import SpeakerResolver
from core.extraction.tokens import (
    agent_objects,
    char_range,
    has_passive_aux,
    hedged,
    is_passive,
    is_to_infinitive,
    negated,
    of_objects,
    require_lexicon,
    trim_punct,
)
from core.extraction.words import (
    ACCUSATION_PREPOSITIONS,
    CONDITION_MARKS,
    CONTENT_PREPOSITIONS,
    DIRECTION_WORDS,
    FIRM_ADVERBS,
    HEARSAY_ADVERBS,
    LINKING_WORDS,
    NAMING_PREPOSITIONS,
    OBJECT_PRONOUNS,
    OWNER_PREPOSITIONS,
    PEOPLE_POSSESSIVES,
    PERSON_SUBJECT_PRONOUNS,
    PLACEMENT_IDIOMS,
    QUESTION_MARKS,
    QUOTE_MARKS,
    RELATIVE_TAGS,
    REPLY_VERBS,
    SELF_SUBJECT_PRONOUNS,
    THING_PRONOUNS,
    TIME_MARKS,
    WH_WORDS,
)
from core.knowledge.gazetteer import Actor

COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay", "grow"})  # "has grown wary of"
CONTRAST_MARKS = frozenset({"while", "whereas"})  # clauses set against a reported one
AFTER_QUOTE_TOKENS = 30  # how far past a quote's sentence its attribution may be cut off
MAX_ACT_CUE_CHARS = 60  # a longer stretch from the verb to the preposition of an act is cut to the noun as its cue
MAX_COLON_SOURCE = 6  # words before a headline colon that may name its source


StatementKind = Literal["direct", "indirect", "according_to"]


@dataclass
class Statement:
    """What one speaker said (or is reported to have said), with the cue it rests on."""

    speaker: Actor | None
    speaker_mention: tuple[int, int] | None  # char offsets of the mention the attribution rests on
    start_char: int
    end_char: int
    kind: StatementKind
    cue: str
    cue_token: int | None  # token index of the reporting word
    negated_cue: bool = False  # "would not confirm that ..."
    hedged_cue: bool = False  # "reportedly said", "may have told"
    speaker_text: str = ""
    # An attribution the stance rules read as the writer's narrative, finding its holder themselves
    # (the subject of "Norway appears to support X", the agent of "X was criticized by Chile"):
    # one with no source named, or a judgment in the passive. The quotes table lists it all the same.
    narrative: bool = False


def _date_phrase(tok: Token) -> bool:
    """A preposition of date or time ("on Sunday", "at noon"): when, in the writer's voice."""
    return tok.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in tok.children)


def _subtree_span(tok: Token, skip_marks: bool = True) -> tuple[int, int]:
    """Character span of a token's subtree; with ``skip_marks``, without a leading "that",
    punctuation or space and without trailing punctuation other than a closing quotation mark."""
    tokens = [t for t in tok.subtree]
    if skip_marks:
        while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"’'" or tokens[-1].is_space):
            tokens = tokens[:-1]
    if not tokens:
        return tok.idx, tok.idx + len(tok.text)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


@dataclass
class _Progress:
    """What ``Attributor.statements`` has found so far."""

    found: list[Statement] = field(default_factory=list)
    claimed: set[tuple[int, int]] = field(default_factory=set)  # (start, end) of statements kept
    last: Statement | None = None  # the last statement with a speaker
    last_end_sent: int = -10  # the sentence it ends in


def _governing_statement(tok: Token, new: list[Statement]) -> Statement | None:
    """The statement whose cue governs ``tok`` ("Berg said he thought ...": "he" is Berg,
    whoever spoke before)."""
    cues = {st.cue_token: st for st in new if st.cue_token is not None and st.speaker is not None}
    for anc in tok.ancestors:
        if anc.i in cues:
            return cues[anc.i]
    return None


class Attributor:
    """Statements of one document: quotations (``QuoteFinder``), their speakers
    (``SpeakerResolver``) and the cue families of the lexicon."""

    def __init__(self, doc: Doc, resolver: ActorResolver):
        self.doc = doc
        self.resolver = resolver
        self.lex = require_lexicon(resolver.kb)
        self.text = resolver.text_of(doc)
        self.quotes = QuoteFinder(self.text)
        self.speakers = SpeakerResolver(doc, self.text, resolver, self.lex)
        # Token.sent re-walks the document on every call; look sentences up by position instead.
        self.sentences = list(doc.sents)
        self._sentence_starts = [s.start for s in self.sentences]
        self._token_starts = doc.to_array(IDX).tolist()  # (one array: no Token object per word)
        # Cue verbs the parser coordinated with a reporting verb's clause -> that reporting verb.
        self._coordinated: dict[int, int] = {}
        # The words besides verbs that start a statement in _cue_statements, as written and by lemma.
        lex = self.lex
        self._word_cues = (
            lex.intention_adjectives | lex.nominal_cues | lex.belief_adjectives | frozenset(lex.attitude_words) | HEARSAY_ADVERBS | {"in"},
            lex.nominal_cues | frozenset(lex.act_nouns) | {"accord"},
        )
        # The indexes of the words that may start one: read once from arrays of the whole Doc (a
        # Token object for every word of every sentence cost more than the tests on them).
        lowers, lemmas = self._word_cues
        strings = doc.vocab.strings
        self._may_start = {
            i for i, (pos, low, lemma) in enumerate(doc.to_array([POS, LOWER, LEMMA]).tolist())
            if pos in (VERB, AUX) or strings[low] in lowers or strings[lemma].lower() in lemmas
        }
        # The side phrases by their verb: lemma -> (the words after it, the prepositions).
        self._side_phrases: dict[str, list[tuple[list[str], frozenset[str]]]] = {}
        for phrase, preps in self.lex.side_phrases.items():
            verb_lemma, *rest = phrase.split()
            self._side_phrases.setdefault(verb_lemma, []).append((rest, preps))

    def sentence_number(self, token_index: int) -> int:
        """0-based index of the sentence a token is in."""
        return max(bisect_right(self._sentence_starts, token_index) - 1, 0)

    def _is_speech(self, tok: Token) -> bool:
        """A speech verb of the lexicon ("said", "told", "argued")."""
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.speech

    def _is_cue(self, tok: Token) -> bool:
        """Any attribution cue of the lexicon: speech, belief, directive, object, naming or
        prepositional cue verbs."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = tok.lemma_.lower()
        return self._is_cue_besides_rule(lemma) or lemma in self.lex.rule_verbs

    def _hedged(self, verb: Token) -> bool:
        """A hedge among the cue's children ("reportedly said", "may have told")."""
        return hedged(verb, self.lex)

    def _negated(self, verb: Token) -> bool:
        """A negation among the cue's children, of any dependency ("would neither confirm nor deny")."""
        return negated(verb, self.lex)

    def statements(self) -> list[Statement]:
        """Every statement of the document in text order, sentence by sentence: cue statements,
        a headline colon, then the direct quotes no cue claimed; split quotes are merged."""
        state = _Progress()
        for n, sent in enumerate(self.sentences):
            recent = n - state.last_end_sent <= 2 and not self._new_person_subject(state.last, state.last_end_sent, n)
            prefer = self._mention_of(state.last) if recent else None
            new = self._cue_statements(sent, prefer)
            # (a headline the splitter ran into the first paragraph keeps its colon statement)
            for colon in reversed(self._colon_statements(sent)):
                if not any(st.start_char < colon.end_char and colon.start_char < st.end_char for st in new):
                    new.insert(0, colon)
            paraphrase = self._colon_paraphrase(sent, prefer)
            if paraphrase is not None and not any(
                st.start_char < paraphrase.end_char and paraphrase.start_char < st.end_char
                and (st.kind == "direct" or st.cue == ":" or st.cue_token is not None and self._is_speech(self.doc[st.cue_token]))
                for st in new
            ):
                new.append(paraphrase)
            new += self._unclaimed_quotes(sent, n, prefer, new, state)
            self._keep(new, n, state)
        headline = self._title_case_headline(state.found)
        if headline is not None:
            state.found.append(headline)
        state.found.sort(key=lambda s: s.start_char)
        return self._merge_continuations(state.found)

    def _headline_cue(self, tok: Token) -> bool:
        """Whether a word of a title-case headline is a cue verb ("Vows", "Slams", "Rip"), read
        from its form, not its tag (the tagger misreads title case)."""
        lex = self.lex
        word = tok.lower_
        forms = {word, word[:-1] if word.endswith("s") else word, word[:-3] + "y" if word.endswith("ies") else word}
        cues = (lex.speech | lex.intention_cues | lex.directive_cues | lex.object_cues | lex.judgment_cues | lex.naming_cues
                | lex.belief_cues | frozenset(lex.prepositional_cues) | lex.headline_cues)
        return bool(forms & cues) and word not in ("plans", "calls", "demands", "claims", "views", "hopes", "fears") or (
            word in ("calls", "plans", "claims", "demands", "hopes", "fears") and tok.i > 0 and tok.nbor(-1).pos_ == "PROPN"
        )

    def _title_case_headline(self, found: list[Statement]) -> Statement | None:
        """A headline in title case, its first line, with no statement found in it: a name or a
        source noun, then a cue verb read from its form ("Mayor Vows To Fight On After Loss",
        "Rural Mayors Rip Governor As A 'Failed Leader'", "Poll Shows Kellor Leading"), then what
        it says, attributed to the name (or source)."""
        end_line = self.text.find("\n")
        if end_line <= 0 or any(st.start_char < end_line for st in found):
            return None
        line = [t for t in self.doc if t.idx < end_line and not t.is_space]
        words = [t for t in line if t.is_alpha]
        if len(words) < 4 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
            return None
        for k, cue in enumerate(line[1:7], start=1):
            if not cue.is_alpha or not self._headline_cue(cue):
                continue
            source, rest = line[:k], line[k + 1 :]
            if any(not (t.is_alpha or t.text in ("'s", "’s", ".", "-")) for t in source):
                return None
            while rest and rest[0].lower_ in ("to", "for", "on", "of", "that", "about", "against"):
                rest = rest[1:]
            content = trim_punct(rest)
            if len([t for t in content if not t.is_punct]) < 2:
                return None
            mention = next((m for t in source if (m := self.resolver.mention_at(t)) is not None), None)
            head = source[-1]
            # (a name the tagger missed in title case: the body's mention ending in it, "Kellor")
            body = next((m for m in self.resolver.mentions if m.start_char > end_line and m.kind == "name" and m.text.split()[-1] == head.text), None)
            singular = head.lower_[:-1] if head.lower_.endswith("s") else head.lower_
            if mention is not None and mention.kind in ("name", "metonym", "group", "government"):
                actor, span, text = mention.actor, (mention.start_char, mention.end_char), mention.text
            elif body is not None and head.pos_ == "PROPN":
                actor, span, text = body.actor, (head.idx, head.idx + len(head.text)), head.text
            elif head.lower_ in self.lex.source_nouns or head.lower_ in self.lex.people_nouns or singular in self.resolver.kb.roles or any(
                singular.endswith(e) for e in self.lex.agent_noun_endings
            ):
                text = self.text[source[0].idx : head.idx + len(head.text)]
                actor = Actor(text, "group" if head.lower_.endswith("s") else "organization", "", "")
                span = (source[0].idx, head.idx + len(head.text))
            else:
                return None
            start, end = char_range(content)
            return Statement(actor, span, start, end, "indirect", cue.text, cue.i, speaker_text=text)
        return None

    def _mention_of(self, st: Statement | None) -> Mention | None:
        """The mention a statement's speaker rests on (the resolver's, else one made for it):
        what a pronoun in a later statement may stand for."""
        if st is None or st.speaker_mention is None:
            return None
        found = next((m for m in self.resolver.mentions if (m.start_char, m.end_char) == st.speaker_mention), None)
        if found is None and st.speaker is not None:
            return Mention.of_speaker(st.speaker, st.speaker_mention, st.speaker_text)
        return found

    def _cue_statements(self, sent: Span, prefer: Mention | None) -> list[Statement]:
        """The statements of a sentence that rest on a cue word: "according to", a cue verb, an
        adjective of intention, a noun of saying or will, or a word of attitude after a copula."""
        new: list[Statement] = []
        for i in range(sent.start, sent.end):
            if i not in self._may_start:
                continue  # (only a verb or a word of the cue lists below can start a statement)
            tok = self.doc[i]
            st: Statement | None = self._raising(tok)
            if st is not None:
                new.append(st)
                continue
            st = self._side_phrase(tok, prefer)
            if st is not None:
                pass
            elif tok.lemma_.lower() == "accord" and any(c.lower_ == "to" for c in tok.children):
                new += self._according_to(tok, sent)
            elif self._is_cue(tok):
                governing = _governing_statement(tok, new)
                st = self._speech_verb(tok, self._mention_of(governing) if governing else prefer)
            elif tok.pos_ == "ADJ" and tok.lower_ in self.lex.intention_adjectives:
                st = self._intention_adjective(tok, prefer)
            elif self._is_nominal_cue(tok):
                st = self._nominal(tok, prefer)
            if st is None and tok.lower_ in self.lex.belief_adjectives and (
                tok.dep_ == "acomp" or tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children)
            ):
                # "is confident that ...", and the adjective tagged as a participle ("farmers are
                # worried the deal will ...", "parents are concerned the timetable ...").
                st = self._belief_adjective(tok, prefer)
            if st is None and tok.lower_ in self.lex.attitude_words:
                st = self._attitude(tok, prefer)
            if st is None and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.position_phrases:
                st = self._position(tok, prefer)
            if st is None and tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.experiencer_verbs:
                st = self._feeling_caused(tok, prefer)
            if st is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.act_nouns:
                st = self._act(tok, prefer)
            if st is None and tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.declaring_phrases:
                st = self._declaring_phrase(tok, prefer)
            if st is None and tok.lower_ == "in" and tok.dep_ == "prep":
                st = self._viewpoint(tok, sent)
            if st is None and tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.introducing_verbs \
                    and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
                st = self._parenthetical(tok, prefer)  # "As she put it, ..."
            if st is None and tok.lower_ in HEARSAY_ADVERBS and tok.dep_ == "advmod":
                st = self._hearsay(tok)
            if st:
                new.append(st)
        return new

    def _unclaimed_quotes(self, sent: Span, n: int, prefer: Mention | None, new: list[Statement], state: _Progress) -> list[Statement]:
        """Direct statements for the quotes starting in sentence ``n`` that no cue claimed."""
        quotes: list[Statement] = []
        for qs, qe in self.quotes.starting_in(sent.start_char, sent.end_char):
            if any(s.kind == "direct" and s.start_char == qs for s in new + quotes + state.found):
                continue
            st = self._direct(qs, qe, self.sentences, n, prefer, state.last, n - state.last_end_sent)
            if st:
                quotes.append(st)
        return quotes

    def _keep(self, new: list[Statement], n: int, state: _Progress) -> None:
        """Keep the new statements of sentence ``n`` that are not already found, not a wider cue
        inside another statement, and not a quoted fragment of a reported statement; the last one
        with a speaker is what a later pronoun or lone quote may continue."""
        for st in new:
            if st.kind != "direct" and st.cue_token is not None:
                # No reported clause runs over a line break ("3:45 p.m.\n\nThe plant is expected
                # to close"): a time stamp or headline above is not part of it.
                start, end = self._clip_to_line(st.start_char, st.end_char, self.doc[st.cue_token])
                if (start, end) != (st.start_char, st.end_char):
                    st = replace(st, start_char=start, end_char=end)
            key = (st.start_char, st.end_char)
            if key in state.claimed or self._nested_wide_cue(st, new):
                continue
            # Quoted fragments inside a reported statement belong to it.
            if st.kind == "direct" and any(o.kind != "direct" and o.start_char <= st.start_char < o.end_char for o in new):
                continue
            state.claimed.add(key)
            state.found.append(st)
            if st.speaker is not None and not st.narrative and not self._position_or_act(st):
                # (an act or a position is no speech a later lone quote continues: "“...,” Kellor
                # said. The union supports the levy. “...”" is still Kellor's)
                state.last = st
                end_tok = self.doc.char_span(st.end_char - 1, st.end_char, alignment_mode="expand")
                state.last_end_sent = self.sentence_number(end_tok.start) if end_tok is not None else n

    def _position_or_act(self, st: Statement) -> bool:
        """Whether a statement rests on a phrase of position or an act that takes a side."""
        if st.cue_token is None:
            return False
        lemma = self.doc[st.cue_token].lemma_.lower()
        return lemma in self.lex.position_phrases or self._judgment_only(lemma)

    def _nested_wide_cue(self, st: Statement, new: list[Statement]) -> bool:
        """Whether a statement resting on a wider cue than speech (an object, intention or noun
        cue: "reject", "wants to", "his plan to") lies inside what another statement of the
        sentence reports ("He added that Kenya would reject ..."): it is part of that content,
        and attribution corpora give each word one role."""
        if st.cue_token is None or st.kind != "indirect":
            return False
        cue = self.doc[st.cue_token]
        lemma = cue.lemma_.lower()
        if cue.pos_ in ("VERB", "AUX") and (lemma in self.lex.speech or lemma in self.lex.belief_cues) and not self._is_raising(cue):
            return False
        return any(
            o is not st and o.cue_token != st.cue_token and o.start_char <= cue.idx < o.end_char
            and not self._takes_up_words(o)
            for o in new
        )

    def _takes_up_words(self, st: Statement) -> bool:
        """Whether a statement's cue is a verb of judgment or naming that takes up someone else's
        words ("dismissed Putin's call for ...", "rejected the union's demand"): what those words
        say stays a statement of their owner."""
        if st.cue_token is None:
            return False
        lemma = self.doc[st.cue_token].lemma_.lower()
        return (self._object_cue(lemma) or lemma in self.lex.naming_cues) and lemma not in self.lex.speech

    def _new_person_subject(self, last: Statement | None, last_sent: int, n: int) -> bool:
        """Whether a narrative sentence between the last statement and sentence ``n`` has another
        named person as its subject ("“...,” said Kim. Mensah has few allies left. He ...":
        "He" is Mensah, not the last speaker)."""
        if last is None:
            return False
        for sent in self.sentences[max(last_sent + 1, 0) : n]:
            for tok in sent:
                if tok.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                mention = self.resolver.mention_at(tok)
                if (
                    mention is not None
                    and mention.kind == "name"
                    and mention.actor.actor_type == "person"
                    and mention.actor != last.speaker
                    and not self.quotes.inside(tok.idx, tok.idx + len(tok.text))
                ):
                    return True
        return False

    # ------------------------------------------------------------------ split quotes
    def _gap_is_attribution(self, prev: Statement, st: Statement) -> bool:
        """Whether the text between two statements holds nothing but punctuation, quotation
        marks, line breaks, a linking conjunction and the attribution clause itself ("“...,” he
        said, “...”", "“...,” said X, the party's chairman. “...”")."""
        gap_start, gap_end = prev.end_char, st.start_char
        if gap_end < gap_start:
            return False
        if not self.text[gap_start:gap_end].strip(" \t\n\r" + QUOTE_MARKS + ",.:;-–—"):
            return True
        cue_ids = {i for i in (prev.cue_token, st.cue_token) if i is not None}
        if not cue_ids:
            return False
        clause = {t.i for i in cue_ids for t in self.doc[i].subtree}
        first = bisect_right(self._token_starts, gap_start - 1)
        for tok in self.doc[first:]:
            if tok.idx >= gap_end:
                break
            if tok.is_punct or tok.is_space or tok.text in QUOTE_MARKS:
                continue
            if tok.i not in cue_ids and self._is_cue(tok) and not self._judgment_only(tok.lemma_.lower()):
                # "“A,” Diaz said, adding later, “B”": two statements ("said Fowler, who has backed
                # Clinton since 2008": an act, not a second statement)
                return False
            if tok.i in clause or tok.lower_ in LINKING_WORDS:
                continue
            return False
        return True

    def _same_sentence(self, prev: Statement, st: Statement) -> bool:
        """Whether no sentence ends between two statements ("she has what it takes: “...”"):
        a reported statement runs on into a quote only within its sentence."""
        return not any(ch in ".!?\n" for ch in self.text[prev.end_char : st.start_char])

    def _lone_continuation(self, prev: Statement, st: Statement) -> bool:
        """Whether a quotation with no cue of its own continues the previous statement of its
        speaker in the same paragraph, past a sentence of narrative ("“A,” said Kim, smiling. She
        has run the mill for 20 years. “B.”"): attribution corpora annotate A and B as one
        statement in fragments. The previous statement must be a quotation or end in one ("... but
        “A,” she said. “B.”"): a reported statement does not run on into a later quote."""
        ends_quoted = prev.kind == "direct" or bool(self.quotes.overlapping(prev.end_char - 2, prev.end_char))
        return (
            st.cue_token is None
            and ends_quoted
            and st.speaker_mention == prev.speaker_mention
            and prev.end_char <= st.start_char
            and "\n" not in self.text[prev.start_char : st.start_char]
        )

    def _merge_continuations(self, found: list[Statement]) -> list[Statement]:
        """One statement interrupted by its own attribution ("“A,” he said, “B.”"), or continued
        in the next quote without a new cue, is one statement: the fragments and what lies
        between them become one span, as attribution corpora annotate it."""
        merged: list[Statement] = []
        for st in found:
            prev = merged[-1] if merged else None
            if prev is not None and len(merged) > 1 and st.kind == "direct" and self._act_between(prev, merged[-2]):
                # ("“A,” said Fowler, who has backed Clinton since 2008. “B.”": the act lies
                # between the fragments; B continues A.)
                prev = merged[-2]
            if (
                prev is not None
                and st.kind == "direct"
                and st.speaker == prev.speaker
                and (st.cue_token is None or st.cue_token == prev.cue_token)
                and (
                    (prev.kind == "direct" or (st.speaker_mention == prev.speaker_mention and self._same_sentence(prev, st)))
                    and self._gap_is_attribution(prev, st)
                    or self._lone_continuation(prev, st)
                )
            ):
                if prev.cue_token is None and st.cue_token is not None:
                    prev.cue, prev.cue_token = st.cue, st.cue_token
                    prev.negated_cue, prev.hedged_cue = st.negated_cue, st.hedged_cue
                prev.end_char = max(prev.end_char, st.end_char)
                continue
            merged.append(st)
        return merged

    def _act_between(self, st: Statement, before: Statement) -> bool:
        """Whether ``st`` is an act judged by a verb of judgment only ("has backed Clinton"),
        after the direct statement ``before``."""
        return (
            st.cue_token is not None and before.kind == "direct" and st.start_char >= before.end_char
            and self._judgment_only(self.doc[st.cue_token].lemma_.lower())
        )

    def _speech_verb(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """The statement of a cue verb: its clausal complement (direct when it is a quotation),
        else a parenthetical attribution or the complement of a wider cue."""
        if self.quotes.inside(verb.idx, verb.idx + len(verb.text)):
            return None  # "I think ..." inside a quote: the quote itself is the statement
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS and not (c.i > 0 and self.doc[c.i - 1].lower_ == "even") for c in verb.children):
            # "Asked whether he supported the ban", "if the council rejects it": not said or done
            # ("even if they resented ...": granted, so said).
            return None
        if verb.lemma_.lower() == "ask" and verb.dep_ == "advcl" and verb.head.i > verb.i and any(
            c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ in QUESTION_MARKS for g in c.children) for c in verb.children
        ):
            # "Mayor Kellor, asked if she would run again, said ...": the reduced passive parsed as
            # her asking; she was asked.
            return None
        if (
            verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() in self.lex.speech
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        ):
            # "Asked whether she would appeal, she said ...": a reduced passive; she was asked.
            # ("Worried that the bridge would fall, residents left": the worry is theirs.)
            return None
        lemma = verb.lemma_.lower()
        comps = [c for c in verb.children if c.dep_ in ("ccomp",)] if lemma in self.lex.speech or lemma in self.lex.belief_cues else []
        if not comps and (lemma in self.lex.speech or lemma in self.lex.belief_cues):
            # 'told reporters that the rivals were "cheating"': a that-clause parsed as a participle
            # after the verb, its "that" and subject hung on its auxiliary.
            comps = [
                c for c in verb.children
                if c.dep_ == "xcomp" and c.i > verb.i and self._that_clause_on_aux(c)
            ][:1]
        if not comps and lemma in self.lex.speech:
            # "told a meeting of farmers that the drought would end ...": the parser hangs the
            # that-clause on the object as a relative clause; a "that" marking it gives it away.
            # So does "said in a statement that ...", "wrote on social media that ...": the
            # clause hangs on the preposition's object.
            objects = [o for o in verb.children if o.dep_ in ("dobj", "dative") and o.i > verb.i]
            objects += [g for p in verb.children if p.dep_ == "prep" and p.i > verb.i for g in p.children if g.dep_ == "pobj"]
            # "insisted, speaking to supporters, that ...": the clause hangs on an aside participle.
            objects += [a for a in verb.children if a.dep_ == "advcl" and a.i > verb.i and a.tag_ == "VBG" and a.lemma_.lower() not in self.lex.speech]
            # (not the clause of a noun of saying inside the object: "responded to questions about
            # complaints by the minister that ...", the minister's complaints)
            comps = [
                r for o in objects
                for r in o.subtree if r.dep_ in ("relcl", "acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < r.i for g in r.children)
                and not (r.head.i != o.i and self._is_nominal_cue(r.head))
            ][:1]
            # "told the crowd she had been fighting for them": a clause with no "that" after the
            # person told, parsed as a relative clause of that person with no relative word.
            comps = comps or [
                r for o in objects if o.dep_ in ("dobj", "dative") and lemma in self.lex.addressee_clause_verbs
                for r in o.children
                if r.dep_ == "relcl" and r.i > o.i and r.left_edge.dep_ in ("nsubj", "nsubjpass") and r.left_edge.tag_ not in RELATIVE_TAGS
                and r.left_edge.head.i == r.i and self.doc[r.left_edge.i - 1].text != "," and not self.doc[r.left_edge.i - 1].is_punct
            ][:1]
            # 'says the senator has "failed Delaware families"': a clause parsed as the object (or a
            # second subject), its verb a modifier inside it with the clause's subject and auxiliary.
            clause_verbs = [
                v for o in verb.children if o.dep_ in ("dobj", "nsubj") and o.i > verb.i for v in o.subtree
                if v.i < o.i and v.pos_ == "VERB" and v.dep_ in ("amod", "compound", "nmod")
                and any(g.dep_ in ("nsubj", "nsubjpass") and verb.i < g.i < v.i for g in v.children)
                and any(g.dep_ in ("aux", "auxpass") for g in v.children)
            ]
            if not comps and clause_verbs:
                return self._misparsed_clause(verb, clause_verbs[0], prefer)
            # "have said cutting that output must be ...": a clause whose subject is a gerund, parsed
            # as a participle after the verb with the rest of the clause below it.
            comps = comps or [
                c for c in verb.children
                if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1 and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children)
            ]
        if not comps and lemma in self.lex.speech:
            # "The harbour, as one aide pointed out, rarely freezes.": with the aside parsed as the
            # main clause, the rest may hang on the verb as an adverbial clause.
            comps = [
                c for c in verb.children
                if c.dep_ == "advcl" and c.i > verb.i and c.pos_ in ("VERB", "AUX") and not any(g.dep_ == "mark" for g in c.children)
                and self._as_aside(verb, c) is not None
            ][:1]
        # A clause beyond a semicolon is not the verb's complement, whatever the parse says.
        comps = [c for c in comps if not self._semicolon_between(verb, c)]
        # "“A tax cut,” said Marguerite Olesky, an analyst, “is not a tax cut”": the second fragment
        # parsed as a clause whose subject is the speaker named right after the verb.
        comps = [c for c in comps if not self._inverted_speaker_clause(verb, c)]
        if lemma not in self.lex.speech:
            # A verb of belief attributes a finite clause ("agreed that the fee should rise"),
            # not a participle the parser hung on it ("agreed to a pause, suggesting ...").
            # A finite verb ("Even more striking is that ..., the institute found") is a clause too.
            comps = [
                c for c in comps
                if any(g.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "csubj") for g in c.children) or c.tag_ in ("VBD", "VBZ", "VBP")
            ]
        if not comps and lemma not in self.lex.speech:
            return (
                self._complement_statement(verb, prefer) or self._passive_judgment(verb, prefer) or self._passive_object(verb, prefer)
                # "The lake, most biologists agree, can no longer support the trout.": a verb of
                # belief set off in the sentence it reports.
                or (self._parenthetical(verb, prefer) if lemma in self.lex.belief_cues else None)
            )
        if not comps:
            return self._parenthetical(verb, prefer) or self._complement_statement(verb, prefer)
        if len(comps) > 1 and any(c.i > verb.i for c in comps):
            # "Turnout was low; the mayor says it will rise": the clause after the verb.
            comps = [c for c in comps if c.i > verb.i]
        # "“...,” Trump told reporters": the quote next to the verb is the content (see _direct);
        # "The port, he said, will open in May": the sentence around the verb is
        # (_parenthetical); "told the staff to prepare": the object and infinitive are
        # (_complement_statement).
        aside = self._as_aside(verb, comps[0])
        subj = self._cue_subject(verb) if aside is None else aside[1]
        if subj is None or (lemma not in self.lex.speech and not self.speakers.can_speak(subj, prefer, any_noun=True)):
            return None
        actor, span, text = self.speakers.speaker(subj, prefer)
        own_cue = self._coordinated_cue(verb, comps[0])
        if own_cue is not None:
            self._coordinated[own_cue.i] = verb.i
        if own_cue is None:
            start, end = _subtree_span(comps[0])
        else:
            # "said he had fought three floods and called it ...": the clause ends before the
            # second cue, which is a statement of its own (see _coordinated_cue).
            kept = trim_punct(t for t in comps[0].subtree if t.i < own_cue.left_edge.i and not (t.dep_ == "cc" and t.head.i == comps[0].i and t.i > comps[0].i))
            kept = [t for t in kept if not (t is kept[0] and t.dep_ == "mark")] or [comps[0]]
            start, end = char_range(kept)
        # "She had asked for a delay, but the board refused, the spokesman added.": the
        # coordinated clauses are one statement, whether parsed as conjuncts or as several
        # complements on the same side of the verb.
        same_side = [c for c in comps[1:] if (c.i > verb.i) == (comps[0].i > verb.i)]
        for extra in [*comps[0].conjuncts, *same_side]:
            if own_cue is not None and extra.i >= own_cue.i:
                continue
            extra_start, extra_end = _subtree_span(extra)
            start, end = min(start, extra_start), max(end, extra_end)
        if own_cue is None and comps[0].i > verb.i:
            # "said he would back the plan, but only if the legislature dropped ...": a condition the
            # parser coordinated with the reporting verb belongs to the reported clause.
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.i > comps[0].i and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in conj.children):
                    end = max(end, _subtree_span(conj)[1])
        end = self._before_cue_aside(comps[0], start, end)
        if aside is not None:
            start = aside[0].left_edge.idx  # the subject set off before the aside is reported too
        start, end = self._clip_to_line(start, end, verb)
        quote = self.quotes.inside(start, end)
        overlapping = self.quotes.overlapping(start, end)
        kind: StatementKind = "indirect"
        # The clause is a quotation: it lies inside one, or one quotation starts with it and
        # covers most of it.
        mostly_quoted = len(overlapping) == 1 and overlapping[0][0] <= start + 3 and overlapping[0][1] - overlapping[0][0] >= (end - start) * 0.8
        if quote is not None or mostly_quoted:
            kind = "direct"
            start, end = overlapping[0] if overlapping else quote  # type: ignore[misc]  # (one of them is set)
        cue = verb.text
        return Statement(
            actor, span, start, end, kind, cue, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
        )

    def _misparsed_clause(self, verb: Token, clause_verb: Token, prefer: Mention | None) -> Statement | None:
        """The statement of a speech verb whose clause the parser made its object, the clause's
        verb a modifier inside it ('says the senator has "failed Delaware families"'): from the
        clause's subject to the object's end."""
        subj = self._cue_subject(verb)
        if subj is None:
            return None
        first = min(g.left_edge.i for g in clause_verb.children if g.dep_ in ("nsubj", "nsubjpass"))
        obj = clause_verb
        while obj.head.i != verb.i and obj.head.i != obj.i:
            obj = obj.head
        tokens = trim_punct(self.doc[first : obj.right_edge.i + 1])
        if not tokens:
            return None
        start, end = char_range(tokens)
        kind: StatementKind = "indirect"
        quote = self.quotes.inside(start, end)
        if quote is not None:
            kind, (start, end) = "direct", quote
        actor, span, text = self.speakers.speaker(subj, prefer)
        return Statement(
            actor, span, start, end, kind, verb.text, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
        )

    @staticmethod
    def _that_clause_on_aux(tok: Token) -> bool:
        """Whether a verb has a "that" and a subject hung on its auxiliary (a misparsed clause:
        "that the rivals were “cheating”")."""
        kids = [g for a in tok.children if a.dep_ in ("aux", "auxpass") and a.i < tok.i for g in a.children]
        return any(g.dep_ == "mark" and g.lower_ == "that" for g in kids) and any(g.dep_ in ("nsubj", "nsubjpass") for g in kids)

    def _as_aside(self, verb: Token, comp: Token) -> tuple[Token, Token] | None:
        """A parenthetical "as" attribution the parser made the reporting verb's main clause
        ("The harbour, as one of the mayor's aides pointed out, rarely freezes.", parsed with "the
        harbour" as the subject of "pointed", the aside's "as" hung on it or on the verb): the
        subject the aside interrupts (reported with the clause) and the aside's speaker, or None."""
        subjects = sorted((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i)
        if not subjects or comp.i < verb.i:
            return None
        subj = subjects[0]
        as_prep = next((c for c in [*subj.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "as" and subj.i < c.i < verb.i), None)
        if as_prep is None or self.doc[as_prep.i - 1].text != ",":
            return None
        # the speaker: the object of "as", or a second subject right after it ("as one of the aides")
        speaker = next((g for g in as_prep.children if g.dep_ == "pobj"), None) or next((c for c in subjects[1:] if c.i > as_prep.i), None)
        if speaker is None or max(as_prep.right_edge.i, speaker.right_edge.i) != verb.i - 1:
            return None  # the aside must run up to the verb
        after = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")]) + 1
        if after >= len(self.doc) or self.doc[after].text != ",":
            return None  # ... and the verb close it
        return subj, self.speakers.whole_of_part(speaker)

    def _inverted_speaker_clause(self, verb: Token, comp: Token) -> bool:
        """Whether a clause after a verb with no subject of its own has for subject the speaker
        named right after the verb ("“A tax cut,” said Marguerite Olesky, an analyst, “is not a tax
        cut”", "“...,” said Robin Maynard, half joking."): a misparse of an inverted attribution,
        unlike "Kim said Trump would win", where the verb has its own subject."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False  # ("..., saying Ostrow would lose": a participle has no subject of its own either)
        if verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.head.children):
            return False  # "Putin met Witkoff and said Russia would accept": the subject is the first verb's
        subj = next((g for g in comp.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and comp.i > verb.i and subj.left_edge.i == verb.i + 1 and subj.pos_ == "PROPN"

    def _coordinated_cue(self, verb: Token, comp: Token) -> Token | None:
        """A cue verb the parser coordinated with a reporting verb's clause although it goes with
        the reporting verb ("Okafor said he had fought three floods and called it the hardest
        part"; "Kim says she will not vote for it and considers it a tax"): no subject of its
        own, the reporting verb's finite form and not the clause verb's. It is a second
        statement of the same speaker, not part of the first one's content."""
        clause_subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaks_of_self = clause_subject is not None and clause_subject.lower_ in SELF_SUBJECT_PRONOUNS
        for adv in comp.children if speaks_of_self else []:
            # "said he would not support it, calling the proposal “a solution in search of a
            # problem”": a participle of saying or naming set off at the clause's end is the
            # speaker's own second statement when the clause speaks of the speaker ("said Ostrow
            # had walked out, saying she felt ill": Ostrow's).
            if (
                adv.dep_ == "advcl" and adv.tag_ == "VBG" and adv.i > comp.i and adv.left_edge.i > 0
                and self.doc[adv.left_edge.i - 1].text == "," and adv.lemma_.lower() in self.lex.naming_cues | self.lex.speech
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in adv.children)
            ):
                return adv
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        # The clause's own tense differs ("she will not vote", "the levy would fall"), or it
        # speaks of the speaker through an auxiliary ("he'd battled", "she had visited").
        about_self = any(c.dep_ == "aux" for c in comp.children) and any(
            c.dep_ == "nsubj" and c.lower_ in PERSON_SUBJECT_PRONOUNS for c in comp.children
        )
        aux = next((c for c in comp.children if c.dep_ == "aux"), None)
        if (aux or comp).tag_ == verb.tag_ and not about_self:
            return None  # "said the board had met and announced ...": the board may have announced
        for conj in comp.children:
            if (
                conj.dep_ == "conj" and conj.i > comp.i and conj.tag_ == verb.tag_ and self._is_cue(conj)
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in conj.children)
            ):
                return conj
        return None

    def _before_cue_aside(self, comp: Token, start: int, end: int) -> int:
        """Where a reported clause ends when it closes on a relative clause set off by a comma
        that holds a cue of its own ("She says she will vote for Mensah, who similarly blasts the
        levy"): the writer's aside about someone else's view, a statement of its own, not part of
        what was reported. ``end`` when there is none."""
        for rel in comp.subtree:
            if rel.dep_ not in ("relcl", "advcl") or not self._is_cue(rel):
                continue
            first = rel.left_edge
            # (or a contrast with someone else's word: "said the rule protects buyers, while Ostrow
            # said it kills jobs"; not the speaker's own "..., though he insisted that ...")
            contrast = rel.dep_ == "advcl" and first.dep_ == "mark" and first.lower_ in CONTRAST_MARKS and first.head.i == rel.i and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in rel.children
            )
            if not (first.tag_ in RELATIVE_TAGS and rel.dep_ == "relcl" or contrast) or first.idx <= start or self.doc[first.i - 1].text != ",":
                continue
            last = self.doc[rel.right_edge.i]
            if last.idx + len(last.text) < end:
                continue  # the clause goes on after the aside
            before = self.doc[first.i - 2]
            if before.idx > start:
                return before.idx + len(before.text)
        return end

    def _line_of(self, tok: Token) -> tuple[int, int]:
        """The character range of the line a token is on, where a line ends at a blank line or at
        a line break before a capital or a digit (a headline, a time stamp); a break before a
        lower-case word is hard-wrapped text ("nurses in\nall of the hospitals")."""
        text = self.text
        start = tok.idx
        while True:
            at = text.rfind("\n", 0, start)
            if at < 0:
                start = 0
                break
            if self._hard_break(at):
                start = at + 1
                break
            start = at
        end = tok.idx
        while True:
            at = text.find("\n", end)
            if at < 0:
                end = len(text)
                break
            if self._hard_break(at):
                end = at
                break
            end = at + 1
        return start, end

    def _hard_break(self, at: int) -> bool:
        """Whether the line break at ``at`` ends a line of its own (see ``_line_of``)."""
        rest = self.text[at + 1 :].lstrip(" \t\r")
        return not rest or rest[0] == "\n" or rest[0].isupper() or rest[0].isdigit() or not rest[0].isalpha()

    def _clip_to_line(self, start: int, end: int, verb: Token) -> tuple[int, int]:
        """A reported clause the parser ran over a line break ("Rivals Rip Mensah As A Fraud.\n\n
        BERGEN - The levy is an insult, lawmakers said"): only the part on the verb's line, when
        some of it is there."""
        line_start, line_end = self._line_of(verb)
        if end <= line_start or start >= line_end or (start >= line_start and end <= line_end):
            return start, end
        new_start, new_end = max(start, line_start), min(end, line_end)
        while new_start < new_end and (self.text[new_start].isspace() or self.text[new_start] in ",;:-–—"):
            new_start += 1
        while new_end > new_start and (self.text[new_end - 1].isspace() or self.text[new_end - 1] in ",;:-–—"):
            new_end -= 1
        return (new_start, new_end) if new_end > new_start else (start, end)

    def _cue_subject(self, verb: Token) -> Token | None:
        """The speaking subject of a cue verb; for one coordinated with a reporting verb's clause
        (``_coordinated_cue``), the reporting verb's ("Kim says she ... and considers ...": Kim)."""
        reporting = self._coordinated.get(verb.i)
        return self.speakers.speaking_subject(self.doc[reporting] if reporting is not None else verb)

    def _semicolon_between(self, verb: Token, comp: Token) -> bool:
        """Whether a semicolon separates a verb from a clause the parser made its complement, or a
        colon from one before it ("The concerns are magnified: the candidate would assume office")."""
        lo, hi = (verb.i, comp.left_edge.i) if comp.i > verb.i else (comp.right_edge.i, verb.i)
        stops = (";",) if comp.i > verb.i else (";", ":")
        return any(t.text in stops for t in self.doc[lo + 1 : hi])

    def _is_cue_besides_rule(self, lemma: str) -> bool:
        """Whether a lemma is a cue of any kind but a rule verb's ("commit" is none; "order" is)."""
        lex = self.lex
        return any(lemma in words for words in (lex.speech, lex.belief_cues, lex.directive_cues, lex.object_cues, lex.judgment_cues,
                                                lex.naming_cues, lex.prepositional_cues, lex.intention_cues, lex.linking_cues,
                                                lex.as_naming_cues))

    def _judgment_only(self, lemma: str) -> bool:
        """A verb of judgment that is no object cue ("reject", "dismiss")."""
        return lemma in self.lex.judgment_cues and lemma not in self.lex.object_cues

    def _names_someone(self, noun: Token) -> bool:
        """Whether a noun names a person or a body: "dismissed 200 workers", "dismissed Brooks for
        12", "was dismissed by the company" are acts on people, not judgments of what they said."""
        if noun.lower_ in OBJECT_PRONOUNS:
            return False  # "blocked it": a thing
        if noun.pos_ == "NOUN" and (noun.lemma_.lower() in self.lex.rule_nouns or noun.lemma_.lower() in self.lex.document_nouns):
            return False  # "rejected the new rules": a document speaks, but rejecting it judges it
        return noun.ent_type_ == "PERSON" or noun.pos_ == "PROPN" or self.speakers.can_speak(noun, None)

    def _physical(self, lemma: str, obj: Token, verb: Token) -> bool:
        """Whether a verb of judgment is used in its physical sense: on a thing it takes in that
        sense (``physical_senses``: "protesters blocked the road"; the figurative "blocked the road
        to a deal" is read so too, a loss taken for "blocked the road to the airport"), or moving
        a thing somewhere (``moving_senses``: "backed the van into the yard"; not "backed the new
        electric bus")."""
        word = obj.lemma_.lower()
        if word in self.lex.physical_senses.get(lemma, ()):
            return True
        if word in self.lex.moving_senses.get(lemma, ()):
            return any(c.i > obj.i and (c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in DIRECTION_WORDS) for c in verb.children)
        return False

    def _inside_name(self, name: Token, prep: Token) -> bool:
        """Whether a preposition is part of the name it follows ("the Department of Labor", "the
        Port of Tessen" when the tagger leaves it untagged): no charge of an accusation."""
        if prep.ent_type_ and prep.ent_iob_ == "I" and name.ent_type_ == prep.ent_type_:
            return True
        return prep.lower_ == "of" and name.pos_ == "PROPN" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in prep.children)

    def _endorses(self, lemma: str, obj: Token) -> bool:
        """Whether a verb of judgment sides with or against someone named ("endorsed Mira Kolar for
        mayor", "backed Senator Ruiz"): a stance on them, unlike "dismissed Brooks for 12"."""
        lex = self.lex
        named = [obj, *(c for c in obj.children if c.dep_ == "appos")]  # ("backed the incumbent, Lowell Prescott")
        # (suing or accusing someone with no charge named is an act on them: "sued Senator Holm")
        sides = (lemma in lex.support or lemma in lex.oppose) and lemma not in lex.naming_cues and lemma not in lex.accusation_verbs
        return sides and any(n.ent_type_ == "PERSON" or n.pos_ == "PROPN" for n in named)

    def _object_cue(self, lemma: str) -> bool:
        """Whether a verb takes what its object says: an object cue or a verb of judgment."""
        return lemma in self.lex.object_cues or lemma in self.lex.judgment_cues

    def _complement(self, verb: Token) -> tuple[list[Token], bool] | None:
        """The attributed part of a reporting verb that takes no clause: the object and infinitive
        of a directive ("told the staff to prepare"), the object of a preposition cue ("called for
        an end to the cuts"), an object and what it is named ("called the plan a mistake"), or
        the object itself ("cited rising costs"); and whether the object was taken as judged by a
        verb of judgment only ("rejected the levy": the writer's narrative for the stance rules)."""
        lex = self.lex
        lemma = verb.lemma_.lower()
        if is_passive(verb):
            return None  # "was asked to": the subject is the addressee, not the speaker
        kids = list(verb.children)
        objects = [c for c in kids if c.dep_ == "dobj"]
        xcomps = [c for c in kids if c.dep_ == "xcomp"]
        parts: list[Token] = []
        if (lemma in lex.directive_cues or lemma in lex.intention_cues) and xcomps and self._infinitive(xcomps[0]):
            parts = [*[o for o in objects if o.i < xcomps[0].i], xcomps[0]]
            # "promised to freeze and then lower fares": a verb coordinated after the infinitive, with
            # no subject of its own, continues it.
            parts += [
                c for c in kids
                if c.dep_ == "conj" and c.i > xcomps[0].i and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ][:1] or [
                # "..., promising to meet and in some cases exceed the goals": a bare verb the
                # parser coordinated with the verb above, right after the infinitive's "and"
                c for c in verb.head.children
                if verb.dep_ == "advcl" and verb.tag_ == "VBG" and c.dep_ == "conj" and c.tag_ in ("VB", "VBP") and c.i > xcomps[0].i
                and xcomps[0].right_edge.i + 1 < len(self.doc) and self.doc[xcomps[0].right_edge.i + 1].dep_ == "cc"
                and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)
            ][:1]
        elif lemma in lex.prepositional_cues and not any(c.dep_ == "oprd" for c in kids):
            # (not a name given: "Brenn, called Brine Marsh on older maps," is no call on maps)
            # (not a stretch of time: "argued for years for a shorter week", "pushed for nearly a
            # decade"; but "called for two weeks of mourning")
            preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in lex.prepositional_cues[lemma] and c.i > verb.i and not self._duration(c)]
            # ("petitioned the council for speed bumps": the parser hangs the preposition on the object)
            # (right after it: "called it a victory for every family" is no call for families)
            preps = preps or [
                c for c in objects[:1] for c in c.children
                if c.dep_ == "prep" and c.lower_ in lex.prepositional_cues[lemma] and c.i == objects[0].i + 1
            ]
            objs = [g for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                parts = [objs[0], *[x for x in xcomps if x.i > objs[0].i]]
                if not any(x.i > objs[0].i for x in xcomps):
                    parts += self._trailing_modifiers(verb, preps[0])
            elif not objects:
                # "called for the council to act": the parser makes "for" mark a clause
                parts = [
                    c for c in kids
                    if c.dep_ == "advcl" and c.i > verb.i and self._infinitive(c)
                    and any(g.dep_ == "mark" and g.lower_ in lex.prepositional_cues[lemma] and g.i == c.left_edge.i for g in c.children)
                ][:1]
        if not parts and lemma in lex.naming_cues and objects:
            named = [c for c in kids if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in NAMING_PREPOSITIONS and c.i > objects[0].i)]
            # ('calling it "a victory for every family"': the name parsed as a second object)
            named += [c for c in objects[1:] if c.pos_ in ("NOUN", "PROPN", "ADJ")]
            # "likened it to handing the keys to a stranger": the gerund parsed as an infinitive.
            named += [
                c for c in kids
                if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > objects[0].i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ]
            if named:
                parts = [objects[0], named[0], *self._trailing_modifiers(verb, named[0])]
            elif any(c.dep_ == "appos" and c.i > objects[0].i for c in objects[0].children):
                # 'called the pact "a disaster"': the name parsed as an apposition of the object.
                parts = [objects[0]]
            elif self.doc[objects[0].i - 1].text in QUOTE_MARKS and self._names_inside(objects[0]):
                # 'has called the pact "insanity"': the thing named parsed as a modifier of its
                # quoted name, the object.
                parts = [objects[0]]
            else:
                # "regards the quarrel over herring grounds as a technical matter": the "as" hung
                # inside the object, or inside a phrase after it.
                holding_as = [
                    c for c in [objects[0], *(k for k in kids if k.dep_ == "prep" and k.i > objects[0].i)]
                    if any(t.dep_ == "prep" and t.lower_ == "as" and t.i > objects[0].i for t in c.subtree)
                ]
                parts = [objects[0], *holding_as[-1:]] if holding_as else []
        if not parts and lemma in lex.naming_cues and not objects:
            # "considers it a tax on fishermen": the object and what it is named, parsed as a
            # verbless clause.
            parts = [
                c for c in kids
                if c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN", "ADJ")
                and any(g.dep_ == "nsubj" and g.i < c.i for g in c.children)
            ][:1]
            # "has called the current system a gift to cartels", parsed with both nouns as
            # predicates of the verb.
            named_pair = [c for c in kids if c.dep_ == "oprd" and c.i > verb.i]
            parts = parts or (named_pair if len(named_pair) == 2 else [])
            # 'has called the new levy "theft"': the thing named parsed as a modifier of its name.
            parts = parts or [c for c in named_pair[:1] if len(named_pair) == 1 and self._names_inside(c)]
        if not parts and lemma in lex.intention_cues and not objects:
            # "wants the building turned into a library": a small clause the verb wills.
            parts = [
                c for c in kids
                if c.dep_ == "ccomp" and c.i > verb.i and c.tag_ in ("VBN", "VBD")
                and any(g.dep_ == "nsubj" and g.i < c.i for g in c.children) and not any(g.dep_ == "mark" or g.dep_.startswith("aux") for g in c.children)
            ][:1]
            # "want the council to reopen the pool": an infinitive with its own subject, parsed as a
            # clause the verb wills.
            parts = parts or [
                c for c in kids
                if c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX") and self._infinitive(c)
                and any(g.dep_ == "nsubj" and verb.i < g.i < c.i for g in c.children)
            ][:1]
        if not parts and lemma in lex.rule_verbs and objects and objects[0].i > verb.i:
            # "rules permit members to appoint proxies", "commits both countries to sharing the
            # river", "the regulations allow only two".
            rest = [
                c for c in kids
                if c.i > objects[0].i and (c.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                                          or c.dep_ == "prep" and c.lower_ in ("to", "from"))
            ]
            parts = [objects[0], *rest[:1]]
        if not parts and lemma in lex.linking_cues and objects and objects[0].i > verb.i:
            # "tied the drought to warmer seas": the object and what it is linked to (on the verb or
            # on the object); "connects the closures and the vote": both objects.
            links = [c for c in [*kids, *objects[0].children] if c.dep_ == "prep" and c.lower_ in lex.linking_cues[lemma] and c.i > objects[0].i]
            if self._physical(lemma, objects[0], verb):
                pass  # "tied the boats to the pier"
            elif links:
                parts = [objects[0], min(links, key=lambda c: c.i)]
            elif any(c.dep_ == "conj" for c in objects[0].children):
                parts = [objects[0]]
        accused = framed = False
        if not parts and lemma in lex.as_naming_cues and objects and objects[0].i > verb.i:
            # "sees the vote as a referendum", "cast her rival as an insider": the object and its
            # "as" (on the verb or inside the object), the writer's narrative for the stance rules.
            as_phrases = [c for c in [*kids, *objects[0].children] if c.dep_ == "prep" and c.lower_ == "as" and c.i > objects[0].i]
            if as_phrases and any(g.dep_ in ("pobj", "pcomp") for g in as_phrases[0].children):
                parts, framed = [objects[0], as_phrases[0]], True
        if not parts and lemma in lex.accusation_verbs and self._judgment_only(lemma) and objects and objects[0].i > verb.i:
            # "accused Republicans of stalling the bill", "faulted the agency for the delays": the
            # accused and the charge (the writer's narrative for the stance rules, which read
            # accusations themselves).
            # ("sued the agency over the rule": a suit names its grievance with "over" too)
            # ("the Department of Justice": an "of" inside the name is no charge)
            reasons = [c for c in [*kids, *objects[0].children] if c.dep_ == "prep" and c.i > objects[0].i
                       and (c.lower_ in ACCUSATION_PREPOSITIONS or c.lower_ == "over" and lemma == "sue")
                       and any(g.dep_ in ("pobj", "pcomp") and g.ent_type_ != "MONEY" for g in c.children) and not _date_phrase(c)
                       and not self._inside_name(objects[0], c)]
            if reasons:
                parts, accused = [objects[0], min(reasons, key=lambda r: r.i)], True
        named_or_directed = bool(parts) and not accused
        if not parts and self._object_cue(lemma) and objects:
            obj = objects[0]
            # ("blocked it", "vetoed this": an act on a thing a pronoun stands for; words are more
            # than "it": "did not suggest it" says nothing)
            # (nor is a verb of praise or blame: "the union denounced it" judges what "it" stands for)
            pronoun_ok = obj.pos_ != "PRON" or obj.lower_ in OBJECT_PRONOUNS and (self._judgment_only(lemma) or lemma in self.lex.passive_judgment_cues)
            if pronoun_ok and obj.i > verb.i and not (self._judgment_only(lemma) and self._names_someone(obj) and not self._endorses(lemma, obj)) \
                    and not self._physical(lemma, obj, verb):
                parts = [obj, *self._trailing_modifiers(verb, obj)]
        if not parts and self._object_cue(lemma) and not objects:
            # "discussed how the quotas could ruin the towns", "debating whether the problem exists":
            # an embedded question.
            parts = [
                c for c in kids
                if c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.lower_ in WH_WORDS and c.left_edge.dep_ in ("advmod", "mark", "nsubj", "dobj")
            ][:1]
        if not parts and self._object_cue(lemma) and not objects:
            # "has proposed raising the levy", "resented being told to work": a gerund object.
            parts = [c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and c.tag_ == "VBG" or
                     c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and c.tag_ == "VBN" and any(g.dep_ == "auxpass" and g.tag_ == "VBG" for g in c.children)][:1]
        if not parts:
            return None
        # A relative clause set off by a comma or dash describes, in the writer's voice, what was
        # said: "criticised the levy, which passed in May" keeps "the levy".
        aside = {
            t.i
            for p in parts
            for r in p.subtree
            if (r.dep_ in ("relcl", "appos") or r.dep_ in ("prep", "advcl", "advmod") and p.dep_ == "xcomp") and r.i > p.i and r.left_edge.i > 0
            and self.doc[r.left_edge.i - 1].text in (",", "--", "—", "–")
            for t in r.subtree
        }
        tokens = sorted({t.i for p in parts for t in p.subtree} - aside)
        if self.doc[tokens[0]].dep_ == "mark" and self.doc[tokens[0]].lower_ == "for":
            tokens = tokens[1:]  # ("called for the council to act": the clause without its "for")
        first, last = tokens[0], tokens[-1]
        span = trim_punct(self.doc[first : last + 1])
        words = [t for t in span if not t.is_punct]
        # One word is too little, unless it is the noun an object cue takes ("did not suggest
        # retaliation", "denied wrongdoing").
        if len(words) < 2 and not (self._object_cue(lemma) and len(words) == 1 and words[0].pos_ in ("NOUN", "PRON", "PROPN") and words[0].dep_ == "dobj"):
            return None
        judged_only = framed or not named_or_directed and self._judgment_only(lemma)
        return span, judged_only

    @staticmethod
    def _without_circumstance(tok: Token) -> list[Token]:
        """A verb's subtree without the when and why the writer adds to it: an adverbial clause
        ("as she issued a statement") or a preposition of date or time ("on Monday")."""
        drop = {
            t.i for c in tok.children
            if c.i > tok.i and (c.dep_ == "advcl" or _date_phrase(c))
            for t in c.subtree
        }
        return [t for t in tok.subtree if t.i not in drop]

    @staticmethod
    def _duration(prep: Token) -> bool:
        """A "for" of a stretch of time ("for years", "for nearly a decade"), with nothing of its
        own ("for two weeks of mourning" is a thing called for; "talk about the decades" a topic)."""
        return prep.lower_ == "for" and any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") and not any(p.dep_ == "prep" and p.lower_ == "of" for p in g.children)
            for g in prep.children
        )

    @staticmethod
    def _names_inside(name: Token) -> bool:
        """Whether a name given by a naming verb holds the thing named as a noun modifier before it
        ('called the new levy "theft"', parsed as one noun phrase)."""
        return any(g.dep_ == "nmod" and g.pos_ in ("NOUN", "PROPN") and g.i < name.i for g in name.children)

    _infinitive = staticmethod(is_to_infinitive)

    def _act(self, noun: Token, prefer: Mention | None) -> Statement | None:
        """An act taken (or undone) against or over something (``act_nouns``, by a verb of
        ``act_verbs`` or owned): "filed a lawsuit against the plant", "slapped a 30 per cent tariff
        on steel", "answered with duties on wine", "dropped tariffs on Chinese imports", "the
        union's strike over pay". The act and its target are the content, as PolNeAR annotates
        them; narrative for the stance rules, which read these acts themselves. Not "heard an
        appeal against", "lost the lawsuit against": the verb must take or undo the act."""
        targets = self.lex.act_nouns[noun.lemma_.lower()]
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        verb: Token | None = None
        if owner is None:
            if noun.dep_ == "dobj":
                verb = noun.head
            elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "with":
                verb = noun.head.head  # "answered with duties on"
            if verb is None or verb.pos_ != "VERB" or not self._takes_act(verb) or not self._acts_itself(verb, noun):
                return None
            owner = self._cue_subject(verb)
        if owner is None or not self.speakers.can_speak(owner, prefer, people_only=True):
            return None
        # the noun's own preposition, or the verb's after the noun ("slapped a tariff on steel")
        places = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i]
        if verb is not None:
            places += [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i]
        prep = min((c for c in places if c.lower_ in targets and not _date_phrase(c) and not self._placement_idiom(c)),
                   key=lambda c: c.i, default=None)
        target = [t.i for g in (prep.children if prep is not None else ()) if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
        if prep is None or not target:
            return None
        if any(self.doc[i].dep_ == "amod" and self.doc[i].i > self.doc[i].head.i or self.doc[i].dep_ == "pobj" and self.doc[i].pos_ == "ADJ"
               for i in target):
            return None  # ("held the ban on protests unconstitutional": a predicate parsed as a modifier or the object)
        last = max(target)
        if verb is not None and last + 1 < len(self.doc) and self.doc[last + 1].head.i == verb.i and self.doc[last + 1].lower_ in ("from", "of"):
            last = self.doc[last + 1].right_edge.i  # ("a tariff on steel from Norrland", the "from" hung on the verb)
        # the act's own words before it ("a 30 per cent tariff"), not its owner ("the pilots'")
        first = min([t.i for left in noun.lefts if left.dep_ != "poss" for t in left.subtree] + [noun.i])
        st = self._span_statement(list(self.doc[first : last + 1]), owner, noun, prefer, need_speaker=True)
        if st is None:
            return None
        acting = verb if verb is not None else noun
        # the cue as annotators mark it: "filed a lawsuit against", "strike over"
        cue_from = acting.idx if acting.i < noun.i else noun.idx
        cue = self.text[cue_from : prep.idx + len(prep.text)] if prep.i > noun.i and prep.idx - cue_from <= MAX_ACT_CUE_CHARS else noun.text
        return replace(st, cue=cue, negated_cue=self._negated(acting), hedged_cue=self._hedged(acting), narrative=True)

    def _takes_act(self, verb: Token) -> bool:
        """Whether a verb takes an act (``act_verbs``); its form with the ending undone counts too,
        as the lemmatizer reads "staged", "stages" and "staging" as forms of "stag"."""
        low = verb.lower_
        forms = {verb.lemma_.lower(), low[:-1] if low.endswith(("ed", "es")) else "", low[:-3] + "e" if low.endswith("ing") else ""}
        return bool(forms & self.lex.act_verbs)

    def _acts_itself(self, verb: Token, noun: Token) -> bool:
        """Whether the subject of a verb that takes an act (its object ``noun``) takes it: not
        under "if"/"whether" ("If the union calls a strike over pay"), not told to ("was urged to
        impose sanctions on"), not "called off", not naming or judging the act ("called the strike
        unnecessary", "held the ban unconstitutional", "ordered the ban lifted"), not answering
        one made against it ("answered the lawsuit against it")."""
        if is_passive(verb) or any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in verb.children):
            return False
        if verb.dep_ == "xcomp" and is_passive(verb.head):
            return False
        if any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
            return False
        if any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and c.i > noun.i for c in verb.children):
            return False
        return not (noun.dep_ == "dobj" and verb.lemma_.lower() in REPLY_VERBS)

    def _placement_idiom(self, prep: Token) -> bool:
        """A preposition of an idiom of placing ("put the ban on hold", "put the tariff on ice"):
        no target."""
        return any(g.dep_ == "pobj" and g.lower_ in PLACEMENT_IDIOMS and not list(g.children) for g in prep.children)

    def _span_statement(
        self, tokens: list[Token], subj: Token, cue: Token, prefer: Mention | None, need_speaker: bool = False,
        one_noun_ok: bool = False, pronoun_ok: bool = False,
    ) -> Statement | None:
        """An indirect statement over ``tokens`` (trimmed of punctuation and of a "that" opening
        the clause) spoken by ``subj``: two words at least, or, with ``one_noun_ok``, one noun or
        name ("an appeal for calm", "was against tariffs"), or with ``pronoun_ok`` a pronoun ("was
        against it": what it stands for is the stance rules' business)."""
        if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
            tokens = tokens[1:]
        span = trim_punct(tokens)
        words = [t for t in span if not t.is_punct]
        one_word_ok = len(words) == 1 and (one_noun_ok and words[0].pos_ in ("NOUN", "PROPN") or pronoun_ok and words[0].pos_ == "PRON")
        too_short = len(words) < 2 and not one_word_ok
        if too_short or self.quotes.inside(cue.idx, cue.idx + len(cue.text)):
            return None
        actor, mention, text = self.speakers.speaker(subj, prefer)
        if need_speaker and actor is None and not (subj.pos_ == "NOUN" and self.speakers.names_people(subj)):
            return None  # (a noun for people holds it unresolved: "local reindeer herders are determined to")
        start, end = char_range(span)
        return Statement(
            actor, mention, start, end, "indirect", cue.text, cue.i,
            negated_cue=self._negated(cue.head if cue.pos_ == "ADJ" else cue), hedged_cue=self._hedged(cue), speaker_text=text,
        )

    def _attitude(self, word: Token, prefer: Mention | None) -> Statement | None:
        """"Some farmers have been sympathetic to free trade", "she is a critic of the quota", "he
        is persuaded of its benefits": an adjective or noun of attitude after a copula (or a
        passive participle) gives the subject's view of its prepositional object."""
        one = word.head.head if word.dep_ == "pobj" and word.head.lower_ == "of" else None
        if word.dep_ in ("acomp", "attr") and word.head.lemma_.lower() in COPULAS:
            verb = word.head
        elif one is not None and one.lower_ == "one" and one.dep_ == "attr" and one.head.lemma_.lower() in COPULAS:
            verb = one.head  # "has been one of the loudest supporters of ..."
        elif word.pos_ == "VERB" and has_passive_aux(word):
            verb = word
        else:
            return None
        preps = self.lex.attitude_words[word.lower_]
        # ("is alarmed by the build-up": a passive's "by" is parsed as its agent)
        prep = next((c for c in word.children if c.dep_ in ("prep", "agent") and c.i > word.i and c.lower_ in preps), None)
        if prep is None or not any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
            return None
        # A word of attitude needs someone to hold it, so any named or nominal subject may
        # ("her mother is passionate about ..."); a thing pronoun only when it stands for an actor.
        subj = self.speakers.speaking_subject(verb)
        if subj is None or (subj.pos_ == "PRON" and not self.speakers.can_speak(subj, prefer)):
            return None
        st = self._span_statement([t for t in prep.subtree if t.i != prep.i], subj, word, prefer, need_speaker=True)
        if st is not None and word.lemma_.lower() in self.lex.experiencer_verbs:
            # "was dismayed by the decision to scrap the levy": the stance rules read the feeling's
            # side themselves (experiencer_verbs), so the statement is narrative for them.
            st = replace(st, narrative=True)
        return st

    def _position(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """"The mayor was against the levy", "the union stands behind the drivers", "the guild is
        in favour of keeping the market open": a phrase of position (the lexicon's
        ``position_phrases`` for the verb) gives the subject's position on its object."""
        phrases = self.lex.position_phrases[verb.lemma_.lower()]
        # The phrase must come first after the verb (adverbs aside): "was in Harlow for the vote"
        # is no position on the vote.
        after = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("advmod", "neg", "punct")]
        if not after or after[0].dep_ != "prep":
            return None
        prep = after[0]
        content: Token | None = None
        objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        if prep.lower_ in phrases and objs:
            content = objs[0]
        for obj in objs:
            # "in favour of X": the preposition, its object and a second preposition.
            inner = next((p for p in obj.children if p.dep_ == "prep" and f"{prep.lower_} {obj.lower_} {p.lower_}" in phrases), None)
            inner_objs = [g for g in inner.children if g.dep_ in ("pobj", "pcomp")] if inner is not None else []
            if inner_objs:
                content = inner_objs[0]
        if content is None or not self._stance_object(verb, prep, content):
            return None
        subj = self.speakers.speaking_subject(verb)
        if subj is None or not self.speakers.can_speak(subj, prefer, any_noun=True, people_only=True):
            return None
        return self._span_statement(list(content.subtree), subj, verb, prefer, need_speaker=True, one_noun_ok=True, pronoun_ok=True)

    def _feeling_caused(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """"The delays have frustrated Republicans and Democrats alike", "the closure angered
        midwives": the people a feeling is caused in hold it about its cause (the subject).
        Narrative for the stance rules, which read the feeling's side themselves."""
        if is_passive(verb) or self.quotes.inside(verb.idx, verb.idx + len(verb.text)):
            return None  # ("was dismayed by ...": a word of attitude, see _attitude)
        cause = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.i < verb.i), None)
        felt_by = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if cause is None or felt_by is None or cause.pos_ in ("PRON", "PROPN") or not self.speakers.can_speak(felt_by, prefer, any_noun=True, people_only=True):
            return None
        if self.speakers.can_speak(cause, prefer):
            return None  # ("The band delighted fans": people, no view of an issue)
        if any(t.lemma_.lower() in self.lex.nominal_cues and any(c.dep_ == "poss" for c in t.children) for t in cause.subtree):
            return None  # "Her plan to merge the hospitals has angered staff": her plan is the statement
        st = self._span_statement(list(cause.subtree), felt_by, verb, prefer)
        return replace(st, narrative=True) if st is not None else None

    def _stance_object(self, verb: Token, prep: Token, content: Token) -> bool:
        """Whether what a phrase of position governs can be a position's object: not a time or an
        amount ("was for years the only woman"), not "for the most part"; after "stand", people
        or bodies or a firm adverb ("stands firmly behind the plan"), not a place ("stood behind
        the podium"); after "be behind", a firm adverb ("is squarely behind the bill", not "was
        behind the wheel")."""
        if content.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY") or content.lemma_.lower() in ("part", "while", "time"):
            return False
        firm = any(c.dep_ == "advmod" and c.lower_ in FIRM_ADVERBS for c in [*verb.children, *prep.children])
        if verb.lemma_.lower() == "be":
            return prep.lower_ != "behind" or firm  # ("is firmly behind the plan"; not "was behind the wheel")
        return firm or self.speakers.can_speak(content, None, any_noun=True, people_only=True)

    def _is_raising(self, verb: Token) -> bool:
        """Whether a verb is one of appearance ("appears", "seems") or a passive one of
        expectation or report ("is expected", "is said"): a view with no source named."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        lemma = verb.lemma_.lower()
        if lemma in self.lex.raising_cues:
            return True
        return lemma in self.lex.passive_raising_cues and has_passive_aux(verb)

    def _raising(self, verb: Token) -> Statement | None:
        """"The harbour appears to be losing money", "the fleet seems ready to accept the limits",
        "one farmer in five is expected to leave", "It seems that ...": a view reported without a
        source (attribution corpora annotate it with none). The subject and the complement are
        the content; "is expected by the board to" names its source and is left to other rules."""
        if not self._is_raising(verb) or any(c.dep_ == "agent" for c in verb.children):
            return None
        if self.quotes.inside(verb.idx, verb.idx + len(verb.text)):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None or subj.tag_ in RELATIVE_TAGS:
            return None  # "which is expected to ...": the clause describes its antecedent
        later = [c for c in verb.children if c.i > verb.i]
        if subj.dep_ == "expl" or subj.lower_ == "it":
            # "It seems that the plan failed", "it is expected that ...": the clause is the content.
            comp = next((c for c in later if c.dep_ == "ccomp"), None)
            tokens = list(comp.subtree) if comp is not None else []
        else:
            comp = next((c for c in later if c.dep_ == "xcomp" and self._infinitive(c)), None)
            if comp is None and verb.lemma_.lower() in self.lex.raising_cues:
                comp = next((c for c in later if c.dep_ in ("acomp", "xcomp", "oprd") and c.pos_ == "ADJ"), None)
            if comp is None and verb.lemma_.lower() in self.lex.passive_raising_cues:
                # "is widely seen as the main reason", "is considered a risk": what it is taken for.
                comp = next((
                    c for c in later
                    if c.dep_ == "prep" and c.lower_ == "as" and not any(g.lemma_.lower() == "part" for g in c.children) or c.dep_ == "oprd"
                ), None)  # (not "will be considered as part of the budget")
            if comp is None or subj.i > verb.i:
                return None
            # "She appears ready, moreover, to use tariffs": the infinitive may hang on the verb.
            end = max(c.right_edge.i for c in later if c is comp or c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and self._infinitive(c))
            tokens = list(self.doc[subj.left_edge.i : end + 1])
        span = trim_punct(tokens)
        if len([t for t in span if not t.is_punct]) < 3:
            return None
        start, end = char_range(span)
        return Statement(None, None, start, end, "indirect", verb.text, verb.i,
                         negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), narrative=True)

    def _passive_judgment(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """"The mayor has been harshly criticized for the levy", "the plan was praised by the
        unions": a judgment reported in the passive, by the agent when one is named, else by no
        one named. The subject and what follows the verb are the content."""
        if verb.lemma_.lower() not in self.lex.passive_judgment_cues or not has_passive_aux(verb):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        if subj is None or subj.tag_ in RELATIVE_TAGS:
            return None
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("prep", "agent", "advcl", "xcomp", "ccomp")]
        if not any(c.dep_ != "agent" for c in after):
            return None  # nothing said of the subject beyond the verb
        tokens = trim_punct(self.doc[subj.left_edge.i : max(c.right_edge.i for c in after) + 1])
        if len([t for t in tokens if not t.is_punct]) < 3:
            return None
        actor = mention = None
        text = ""
        agent = [g for c in after if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            actor, mention, text = self.speakers.speaker(agent[0], prefer)
        start, end = char_range(tokens)
        return Statement(actor, mention, start, end, "indirect", verb.text, verb.i,
                         negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
                         narrative=True)

    def _passive_object(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """"The union's demand for a pay rise was rejected by the management": a verb of judgment
        in the passive with its judge named after "by"; its subject is what was judged."""
        lemma = verb.lemma_.lower()
        if not self._object_cue(lemma) or not has_passive_aux(verb):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        agent = agent_objects(verb)
        if subj is None or subj.tag_ in RELATIVE_TAGS or subj.pos_ == "PRON" or not agent:
            return None
        if self._judgment_only(lemma) and self._names_someone(subj):
            return None  # "the workers were dismissed by the company"
        if not self.speakers.can_speak(agent[0], prefer, any_noun=True, people_only=True):
            return None
        st = self._span_statement(list(subj.subtree), agent[0], verb, prefer, need_speaker=True)
        if st is not None and self._judgment_only(lemma):
            st = replace(st, narrative=True)  # as in the active ("Chile rejected the quotas")
        return st

    def _intention_adjective(self, adj: Token, prefer: Mention | None) -> Statement | None:
        """"Some council members were willing to delay the vote": the infinitive is the subject's."""
        if adj.dep_ != "acomp":
            return None
        xcomps = [c for c in adj.children if c.dep_ == "xcomp" and self._infinitive(c)]
        if not xcomps:
            return None
        subj = self.speakers.speaking_subject(adj.head)
        # (a will needs someone to hold it: people, not "the engines were ready to")
        if subj is None or not self.speakers.can_speak(subj, prefer, any_noun=True, people_only=True):
            return None
        return self._span_statement(list(xcomps[0].subtree), subj, adj, prefer, need_speaker=True)

    def _belief_adjective(self, adj: Token, prefer: Mention | None) -> Statement | None:
        """"The coach is confident that his team can win", "farmers are worried the deal will hurt
        them": the finite clause after an adjective of belief or feeling is the subject's view."""
        clauses = [
            c for c in adj.children
            if c.dep_ == "ccomp" and c.i > adj.i
            and any(g.dep_ in ("nsubj", "nsubjpass", "expl") or (g.dep_ == "mark" and g.lower_ == "that") for g in c.children)
        ]
        if not clauses:
            return None
        subj = self.speakers.speaking_subject(adj.head if adj.dep_ == "acomp" else adj)
        if subj is None:
            # "Herders are worried the fence ...": the parser hangs the subject on the "are".
            subj = next((g for c in adj.children if c.dep_ in ("aux", "auxpass") for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not self.speakers.can_speak(subj, prefer, any_noun=True):
            return None
        tokens = [t for t in clauses[0].subtree if not (t.dep_ == "mark" and t.head.i == clauses[0].i and t.i == clauses[0].left_edge.i)]
        return self._span_statement(tokens, subj, adj, prefer, need_speaker=True)

    def _is_nominal_cue(self, tok: Token) -> bool:
        """A noun of saying, believing or wanting (``nominal_cues``: "claim", "complaints")."""
        return tok.pos_ == "NOUN" and (tok.lower_ in self.lex.nominal_cues or tok.lemma_.lower() in self.lex.nominal_cues)

    def _nominal(self, noun: Token, prefer: Mention | None) -> Statement | None:
        """A noun of saying, believing or wanting whose owner is a speaker ("his determination to
        close the harbour", "the council's call for a recount", "her claim that ...", "the decision by
        the board to ..."): the noun's complement is the owner's. An owner that is a date says
        when, not who ("Tuesday's decision to close the mine", "March's agreement")."""
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")), None)
        if owner is None:
            # ("concern among farmers that ...": the farmers' concern)
            by = [
                g for c in noun.children if c.dep_ == "prep" and (c.lower_ in OWNER_PREPOSITIONS or c.lower_ == "among")
                for g in c.children if g.dep_ == "pobj"
            ]
            owner = by[0] if by else None
        head_lemma = noun.head.lemma_.lower()
        if owner is None and noun.dep_ == "dobj" and not is_passive(noun.head) and not (
            self._object_cue(head_lemma) or head_lemma in self.lex.naming_cues or head_lemma in self.lex.receiving_verbs
            or self._side_phrase_preps(noun.head) is not None  # ("waved off concerns about ...": others')
        ):
            # "made a plea for ...", "reached an agreement to ...": the subject's own; not the
            # words a verb of judgment takes up ("dismissed suggestions that ...": someone else's),
            # nor what the subject receives ("the court heard an appeal against the ruling").
            owner = self.speakers.speaking_subject(noun.head)
        if owner is not None and not self.speakers.can_speak(owner, prefer):
            return None
        comp: list[Token] = []
        clause = False
        for child in noun.children:
            if child.i < noun.i:
                continue
            if child.dep_ in ("acl", "relcl", "ccomp") and (self._infinitive(child) or any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)):
                comp = list(child.subtree)
                clause = not self._infinitive(child)
                break
            if child.dep_ == "advcl" and self._infinitive(child) and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children):
                # "a call for the states to accept more refugees", parsed as "for" marking a clause
                comp = [t for t in self._without_circumstance(child) if not (t.dep_ == "mark" and t.head.i == child.i)]
                break
            if self._addressee(noun, child):
                continue  # ("her message to the voters": whom it is for)
            if child.dep_ == "prep" and noun.lemma_.lower() in self.lex.infinitive_nouns:
                continue  # ("his bid for a Senate seat": a campaign, not a statement)
            if child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS and (owner is None or child.i != owner.head.i) and not _date_phrase(child):
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    comp = [t for o in objs for t in o.subtree]
                    comp += [t for x in child.children if x.dep_ == "xcomp" for t in x.subtree]
                    # "a call for the states to accept more refugees": the infinitive hung on the noun.
                    comp += [t for x in noun.children if x.dep_ == "acl" and x.i > child.i and self._infinitive(x) for t in self._without_circumstance(x)]
                    break
        if not comp and owner is not None and owner.dep_ == "pobj" and owner.head.head.i == noun.i:
            # "complaints from his counterpart that the mills were flooding the market": the
            # that-clause hung on the owner.
            comp = [
                t for c in owner.children
                if c.dep_ in ("acl", "relcl", "ccomp") and c.i > owner.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                for t in c.subtree
            ]
            clause = bool(comp)
        if not comp and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            # "Her hope is that ...": the clause after the copula.
            comp = [t for c in noun.head.children if c.dep_ in ("ccomp", "attr") and c.i > noun.head.i for t in c.subtree]
        if not comp:
            return None
        # A relative clause set off by a comma is the writer's aside ("..., which passed in May").
        aside = {
            t.i for r in comp if r.dep_ == "relcl" and r.left_edge.i > 0 and self.doc[r.left_edge.i - 1].text in (",", "--", "—", "–")
            for t in r.subtree
        }
        comp = sorted((t for t in comp if t.i not in aside), key=lambda t: t.i)
        if clause and any(t.dep_ == "ROOT" for t in comp):
            # The clause swallowed the sentence's own verb ("The claim that the vaccine causes harm
            # has been debunked", parsed with "debunked" inside the clause): no span to trust.
            return None
        if owner is None:
            # "suggestions that the clinic had run out of drugs": a view nobody is named for (the
            # writer's narrative for the stance rules), only with a that-clause.
            # ("calls to lower interest rates", "a joint pledge to share radar data": a will voiced
            # by nobody named, with its infinitive; ``spoken_will_nouns``, not "the decision to")
            will = not clause and comp and comp[0].lower_ == "to" and comp[0].dep_ == "aux" and noun.lower_ in self.lex.spoken_will_nouns
            # ("growing doubts about the safety of the tunnel": a doubt held by nobody named, with
            # what it is about; ``doubt_nouns``)
            doubt = not clause and not will and noun.lower_ in self.lex.doubt_nouns and any(
                c.dep_ == "prep" and c.lower_ == "about" and c.i > noun.i for c in noun.children
            )
            return self._unsourced(comp, noun) if (clause or will or doubt) and noun.dep_ != "ROOT" else None
        owned_by_pronoun = owner.dep_ == "poss" and owner.lower_ in PEOPLE_POSSESSIVES
        return self._span_statement(comp, owner, noun, prefer, need_speaker=not owned_by_pronoun, one_noun_ok=not clause)

    def _side_phrase_preps(self, verb: Token) -> frozenset[str] | None:
        """The prepositions of the longest side phrase (``side_phrases``) a verb heads with its
        particles or its object noun ("ruled out", "cast doubt", "took issue"), else None."""
        if verb.pos_ != "VERB":
            return None
        found: tuple[list[str], frozenset[str]] | None = None
        for rest, preps in self._side_phrases.get(verb.lemma_.lower(), ()):
            if all(
                any(c.lower_ == w and c.dep_ in ("prt", "advmod") or c.dep_ == "dobj" and c.lemma_.lower() == w for c in verb.children)
                for w in rest
            ) and (found is None or len(rest) > len(found[0])):
                found = (rest, preps)
        return found[1] if found is not None else None

    def _side_phrase(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """A side phrase (``side_phrases``: "has ruled out a run for the seat", "lashed out at the
        press", "cast doubt on the figures") with its object or its preposition's: the subject's,
        the writer's narrative for the stance rules (which read these phrases themselves)."""
        preps = self._side_phrase_preps(verb)
        if preps is None or is_passive(verb):
            return None
        kids = list(verb.children)
        if preps:
            # the preposition on the verb, or on its object noun ("cast doubt on", "took aim at")
            places = sorted(
                (c for c in [*kids, *(g for d in kids if d.dep_ == "dobj" for g in d.children)]
                 if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i and not _date_phrase(c)),
                key=lambda c: c.i,
            )
            objs = [g for p in places[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
            if not objs:
                return None
            tokens = list(objs[0].subtree)
            # ("distanced herself from trade deals she once backed, like the Pacific pact": the
            # examples set off after them are what is judged too)
            tokens += [t for c in kids if c.dep_ == "prep" and c.lower_ in ("like", "including") and c.i > objs[0].i for t in c.subtree]
        else:
            obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is None or obj.left_edge.lower_ in WH_WORDS:
                return None  # ("pointing out where the store used to be", parsed with "store" the object: a place shown)
            tokens = [t for part in (obj, *self._trailing_modifiers(verb, obj)) for t in part.subtree]
        subj = self._cue_subject(verb)
        if subj is None or not self.speakers.can_speak(subj, prefer, any_noun=True, people_only=True):
            return None
        st = self._span_statement(sorted(set(tokens), key=lambda t: t.i), subj, verb, prefer, one_noun_ok=True)
        return replace(st, narrative=True) if st is not None else None

    def _addressee(self, noun: Token, prep: Token) -> bool:
        """Whether a "to" or "for" after a noun of saying addressed to someone (``addressed_nouns``)
        names people it is for ("her message to the voters", "a warning for his colleagues")."""
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "for") or noun.lemma_.lower() not in self.lex.addressed_nouns:
            return False
        return any(
            g.dep_ == "pobj" and (
                g.pos_ in ("PROPN", "PRON") or g.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or self.speakers.names_people(g)
                or self.speakers.can_speak(g, None) or any(c.dep_ == "poss" and c.lower_ in PEOPLE_POSSESSIVES for c in g.children)
            )
            for g in prep.children
        )

    def _hearsay(self, adverb: Token) -> Statement | None:
        """"The budget deal reportedly includes a cut to the fund": the clause of an adverb of
        hearsay, with no source named (narrative for the stance rules, which read the adverb as a
        hedge). Not on a cue verb ("reportedly said": that statement is hedged) nor on a word that
        is no verb ("the allegedly forged papers")."""
        verb = adverb.head
        if verb.pos_ not in ("VERB", "AUX") or self._is_cue(verb):
            return None
        return self._unsourced(self._without_circumstance(verb), adverb)  # (which leaves quotes to their speakers)

    def _unsourced(self, tokens: list[Token], cue: Token) -> Statement | None:
        """A statement over ``tokens`` with no source named (narrative for the stance rules)."""
        tokens = [t for t in tokens if not (t.dep_ == "mark" and t.i == tokens[0].i)]
        span = trim_punct(tokens)
        if len([t for t in span if not t.is_punct]) < 3 or self.quotes.inside(cue.idx, cue.idx + len(cue.text)):
            return None
        start, end = char_range(span)
        return Statement(None, None, start, end, "indirect", cue.text, cue.i,
                         negated_cue=self._negated(cue), hedged_cue=self._hedged(cue), narrative=True)

    def _trailing_modifiers(self, verb: Token, obj: Token) -> list[Token]:
        """The verb's modifiers right after its object, up to a comma ("issued a statement in
        support of the dock workers", "published a report last week showing ..."): attribution
        corpora count them in what was said."""
        found: list[Token] = []
        end = obj.right_edge.i
        for child in verb.rights:
            if child.i <= obj.i:
                continue
            if child.dep_ not in ("prep", "advcl", "acl", "npadvmod", "xcomp") or child.left_edge.i != end + 1:
                break
            if _date_phrase(child):
                break  # "stressed those worries on Sunday at a forum": when and where, in the writer's voice
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in TIME_MARKS for g in child.children):
                break  # "petitioned for speed bumps after a child was hit": when, in the writer's voice
            found.append(child)
            end = child.right_edge.i
        return found

    def _complement_statement(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """A statement over a cue verb's non-clausal complement (see ``_complement``), when its
        subject can speak."""
        found = self._complement(verb)
        if found is None:
            return None
        span, judged_only = found
        subj = self._cue_subject(verb)
        lemma = verb.lemma_.lower()
        if lemma in self.lex.rule_verbs and not self._is_cue_besides_rule(lemma):
            # Only a rule speaks through these verbs ("the mayor allowed the shops to open" is an
            # act), and what it permits is narrative for the stance rules.
            if subj is None or subj.lemma_.lower() not in self.lex.rule_nouns:
                return None
            judged_only = True
        else:
            wants_holder = lemma in self.lex.intention_cues or lemma in self.lex.directive_cues or lemma in self.lex.prepositional_cues
            if subj is None or not self.speakers.can_speak(subj, prefer, any_noun=wants_holder, people_only=True):
                return None
        actor, mention, text = self.speakers.speaker(subj, prefer)
        if actor is None and lemma in self.lex.intention_cues:
            return None  # "those who hope to ...": a will needs someone to hold it
        start, end = char_range(span)
        return Statement(
            actor, mention, start, end, "indirect", verb.text, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
            narrative=judged_only,
        )

    def _attribution_clause(self, verb: Token) -> list[Token] | None:
        """The tokens of a parenthetical attribution ("he said", "Ms. Kim often says in
        interviews", "as one adviser pointed out"): the verb, its subject and modifiers, when they
        form one stretch of text set off by commas or the sentence edge."""
        # ("as she put it": an "it" an introducing verb takes stands for what is said)
        put_it = verb.lemma_.lower() in self.lex.introducing_verbs and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if any(c.dep_ in ("dobj", "xcomp", "attr", "acomp", "oprd") and not (put_it and c.dep_ == "dobj" and c.lower_ == "it") for c in verb.children):
            return None  # the verb has an object of its own: not a parenthetical
        marks = [c for c in verb.children if c.dep_ == "mark"]
        if any(m.lower_ != "as" for m in marks):
            return None  # "because he said", "if she says": not an attribution
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        tokens = {verb.i}
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "mark", "prt") \
                    or put_it and child.dep_ == "dobj":
                tokens |= {t.i for t in child.subtree}
        lo, hi = min(tokens), max(tokens)
        if hi - lo + 1 != len(tokens):
            return None  # not one stretch of text
        while hi + 1 < len(self.doc) and self.doc[hi + 1].ent_type_ in ("DATE", "TIME") and self.doc[hi + 1].head.i != verb.i:
            hi += 1  # ("As Kim said last week, ...": the date hung on the main verb by the parser)
        return list(self.doc[lo : hi + 1])

    def _parenthetical(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """A reporting verb with no clause of its own, set off in the sentence it reports
        ("Though the bridge is late, he said, the port will open in May."; "The
        threat is real, Ms. Kim often says."): the rest of the sentence is the statement."""
        clause = self._attribution_clause(verb)
        if clause is None:
            return None
        sent = self.sentences[self.sentence_number(verb.i)]
        lo, hi = clause[0].i, clause[-1].i
        before = lo - 1
        while before >= sent.start and self.doc[before].is_space:
            before -= 1
        after = hi + 1
        while after < sent.end and self.doc[after].is_space:
            after += 1
        set_off_before = before < sent.start or self.doc[before].text in (",", "—", "–", "-", "(")
        set_off_after = after >= sent.end or self.doc[after].text in (",", ".", "—", "–", "-", ")", ";", "!", "?") or (
            self.doc[after].is_punct and after + 1 >= sent.end
        )
        opens_as = clause[0].dep_ == "mark" and clause[0].lower_ == "as" and clause[0].head.i == verb.i
        if not (set_off_before and set_off_after) or before < sent.start and not (opens_as and after < sent.end and self.doc[after].text == ","):
            # "He said, ..." at the start introduces, it does not interrupt ("As she noted, ..."
            # opening the sentence is set off all the same)
            return None
        # A headline run into the next line by the sentence splitter is not part of it.
        line_start, line_end = self._line_of(verb)
        content = trim_punct((t for t in sent if not (lo <= t.i <= hi) and line_start <= t.idx < line_end), tail_also="—–-")
        words = [t for t in content if not t.is_punct]
        if len(words) < MIN_DIRECT_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in content):
            return None
        start, end = char_range(content)
        if self.quotes.overlaps_long(start, end):
            return None  # a quotation: the direct-quote rules attribute it
        subj = self.speakers.speaking_subject(verb)
        if subj is None:
            return None
        actor, span, text = self.speakers.speaker(subj, prefer)
        return Statement(
            actor, span, start, end, "indirect", verb.text, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
        )

    def _colon_statements(self, sent) -> list[Statement]:
        """Headline-style attributions, one per line: a short name phrase, a colon, then what it
        says ("Mensah: Port Will Bring Jobs"; "Survey: Farmers Expect Lower Prices"; "Sheriff:
        Jail overcrowding has reached a breaking point"; a Q&A line "Director Lara Voss: “...”").
        The phrase holds no verb and starts with an actor mention or a source noun of the
        lexicon ("poll", "officials"), or is a noun phrase for people, an office or a body
        before a claim (``_headline_source``)."""
        # Each line of the sentence may open with one ("Q: What comes first?\nDirector Lara Voss: “...”").
        lines: list[list[Token]] = [[]]
        for t in sent:
            if t.is_space and "\n" in t.text:
                lines.append([])
            elif not t.is_space:
                lines[-1].append(t)
        return [st for line in lines if (st := self._line_colon_statement(line)) is not None]

    def _line_colon_statement(self, tokens: list[Token]) -> Statement | None:
        """The headline-style attribution of one line of a sentence (see ``_colon_statements``)."""
        colon = next((k for k, t in enumerate(tokens[:MAX_COLON_SOURCE + 1]) if t.text == ":"), None)
        if not colon:
            return None
        source = tokens[:colon]
        if any(t.pos_ in ("VERB", "AUX") for t in source) or self.quotes.inside(tokens[0].idx, tokens[colon].idx):
            return None
        # What follows the colon, to the line's end (past a sentence the splitter cut at the colon).
        content: list[Token] = []
        for tok in self.doc[tokens[colon].i + 1 :]:
            if tok.is_space and "\n" in tok.text:
                break  # a headline ends at its line
            if not tok.is_space:
                content.append(tok)
        first = source[0]
        # (the name may follow a title: "Director Amina Farouk: “...”")
        mention = next((m for t in source if (m := self.resolver.mention_at(t)) is not None), None)
        if mention is not None and mention.kind in ("name", "metonym", "group", "government"):
            actor, span, text = mention.actor, (mention.start_char, mention.end_char), mention.text
        elif first.lower_ in self.lex.source_nouns or self._headline_source(source, content):
            # ("Poll: ...", "Sheriff: ...", "Teachers: ...", "Fisheries board: ...")
            head = source[-1] if len(source) <= 3 else first
            text = self.text[first.idx : head.idx + len(head.text)]
            actor = Actor(text, "group" if first.tag_ in ("NNS", "NNPS") else "organization", "", "")
            span = (first.idx, head.idx + len(head.text))
        else:
            return None
        content = trim_punct(content, head=False)
        if len([t for t in content if not t.is_punct]) < 3:
            return None
        start, end = char_range(content)
        kind: StatementKind = "indirect"
        quoted = self.quotes.overlapping(start, start + 2)
        if quoted and quoted[0][0] <= start + 2:
            # ('Director Amina Farouk: "Fixing the roof. Rain is coming in."': the quotation, whole)
            start, end = quoted[0]
            kind = "direct"
        return Statement(actor, span, start, end, kind, ":", tokens[colon].i, speaker_text=text)

    def _headline_source(self, source: list[Token], after: list[Token]) -> bool:
        """Whether a phrase before a headline colon names people, an office or a body ("Sheriff",
        "Fisheries board": nouns and adjectives only, headed by such a noun) and what follows is a
        claim with a verb; not a label ("For investors:", "Editor's note:", "Chief concern:",
        "Owner: Harlow Holdings LLC", "Players: Kellor, Ostrow")."""
        head = source[-1]
        lex = self.lex
        return (
            len(source) <= 3 and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in source)
            and (head.lemma_.lower() in lex.people_nouns or head.lower_ in self.resolver.kb.roles or head.lemma_.lower() in lex.organization_nouns)
            and any(t.pos_ in ("VERB", "AUX") for t in after)
        )

    def _according_to(self, accord: Token, sent) -> list[Statement]:
        """"According to X, ...": the rest of the sentence, spoken by X."""
        to = next(c for c in accord.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return []
        source = objs[0]
        if source.lemma_.lower() in self.lex.document_nouns or source.lemma_.lower() in self.lex.source_nouns:
            # "according to a statement from the coalition", "according to a report by the
            # inspector": the document speaks for its author.
            # ("a survey of 900 voters": those asked, not the author)
            author = next((g for p in source.children if p.dep_ == "prep" and p.lower_ in OWNER_PREPOSITIONS for g in p.children if g.dep_ == "pobj"), None)
            if author is not None and self.speakers.can_speak(author, None, any_noun=True, people_only=True):
                source = author
        actor, span, text = self.speakers.speaker(source, None)
        phrase = set(t.i for t in accord.subtree)
        clause = self._relative_clause_before(accord, sent) or sent
        tokens = trim_punct((t for t in clause if t.i not in phrase), keep="")
        if not tokens:
            return []
        start, end = char_range(tokens)
        return [Statement(actor, span, start, end, "according_to", "according to", accord.i, speaker_text=text)]

    def _declaring_phrase(self, verb: Token, prefer: Mention | None) -> Statement | None:
        """"The mayor made it clear that the bridge would not reopen", "the study left little
        doubt that ...": a verb with a word of ``declaring_phrases`` as its complement or object
        declares the that-clause hung on either, for its subject."""
        if is_passive(verb):
            return None
        words = self.lex.declaring_phrases[verb.lemma_.lower()]
        word = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "oprd", "acomp", "dobj") and c.lower_ in words), None)
        if word is None:
            return None
        clause = next((
            c for c in [*word.children, *verb.children]
            if c.i > word.i and c.dep_ in ("ccomp", "advcl", "acl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ), None)
        if clause is None:
            return None
        subj = self.speakers.speaking_subject(verb)
        if subj is None or not self.speakers.can_speak(subj, prefer, any_noun=True):
            return None
        actor, span, text = self.speakers.speaker(subj, prefer)
        start, end = _subtree_span(clause)
        return Statement(
            actor, span, start, end, "indirect", verb.text, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
        )

    def _viewpoint(self, prep: Token, sent: Span) -> Statement | None:
        """"In her view, the levy is unfair", "the bridge, in the mayor's estimation, is unsafe",
        "in the words of one farmer, ...": a noun of view (``viewpoint_nouns``) after "in", owned by
        a speaker and set off on the sentence's main verb, makes the rest of the sentence the
        owner's, as "according to" does."""
        noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if noun is None or noun.pos_ != "NOUN" or noun.lower_ not in self.lex.viewpoint_nouns:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) or next(iter(of_objects(noun)), None)
        if owner is None or not self.speakers.can_speak(owner, None, any_noun=True, people_only=True):
            return None
        if prep.head.dep_ != "ROOT" or prep.head.pos_ not in ("VERB", "AUX"):
            return None  # "the change in her views on the levy": no source of a sentence
        phrase = list(prep.subtree)
        lo, hi = phrase[0].i, phrase[-1].i
        opens = lo == sent.start or self.doc[lo - 1].text in (",", "—", "–")
        closes = hi + 1 >= sent.end or self.doc[hi + 1].text in (",", ".", "—", "–", ";")
        if not (opens and closes):
            return None  # set off by commas or the sentence's edge
        tokens = trim_punct(t for t in sent if not (lo <= t.i <= hi))
        if len([t for t in tokens if not t.is_punct]) < MIN_DIRECT_WORDS:
            return None
        actor, span, text = self.speakers.speaker(owner, None)
        start, end = char_range(tokens)
        return Statement(actor, span, start, end, "according_to", noun.text, noun.i, speaker_text=text)

    def _relative_clause_before(self, accord: Token, sent: Span) -> Span | None:
        """"The levy was unfair, which it often is, according to Okafor": a relative clause set
        off by a comma or dash that "according to" hangs on or directly follows is all the
        source vouches for, not the sentence around it."""
        before = accord.i - 1
        if before > sent.start and self.doc[before].text == ",":
            before -= 1
        if before < sent.start:
            return None
        for verb in [accord.head, self.doc[before], *self.doc[before].ancestors]:
            if verb.pos_ not in ("VERB", "AUX") or verb.i >= accord.i and verb.i != accord.head.i:
                continue
            first = verb.left_edge
            if first.tag_ in RELATIVE_TAGS and first.i > sent.start and self.doc[first.i - 1].text in (",", "-", "—", "–"):
                return self.doc[first.i : max(verb.right_edge.i, before) + 1]
        return None

    def _direct_candidates(self, qs: int, qe: int, sentences, n: int) -> list[Token]:
        """Tokens that may hold a quote's speech verb: the sentence where the quote starts, the
        one where it ends, and the words right after it up to the end of the paragraph (a
        sentence splitter may cut the attribution: "“...!” the mayor's aide, Lt. Col. Ana
        Ruiz, shouted to the crowd.")."""
        candidates = list(sentences[n])
        end_span = self.doc.char_span(max(qe - 1, qs), qe, alignment_mode="expand")
        if end_span is None:
            return candidates
        m = self.sentence_number(end_span.start)
        if m != n:
            candidates += list(sentences[m])
        after = sentences[m].end
        next_quote = self.quotes.next_long_start(qe)
        for tok in self.doc[after : after + AFTER_QUOTE_TOKENS]:
            if "\n" in tok.text or tok.idx >= next_quote - 1:
                break  # the paragraph or the next quotation begins
            candidates.append(tok)
        return candidates

    def _direct(self, qs: int, qe: int, sentences, n: int, prefer: Mention | None, last: Statement | None, distance: int) -> Statement | None:
        """The statement of a quotation no cue claimed: through a speech verb next to it, else the
        previous speaker's when that spoke at most two sentences before, else without a speaker."""
        words = self.text[qs:qe].split()
        # A short quotation is an utterance only with its own speech verb and its own closing
        # punctuation ("“Please quiet down.” the executive says", "“Yessss!” she shouted"); without
        # them it is a phrase the writer quotes ("the so-called “reform”").
        short = len(words) < MIN_DIRECT_WORDS
        if short and not (words and words[-1][-1:] in ".!?," and self._opens_clause(qs)):
            return None
        for tok in self._direct_candidates(qs, qe, sentences, n):
            if not self._is_speech(tok):
                continue
            if qs <= tok.idx < qe or self.quotes.inside(tok.idx, tok.idx + len(tok.text)):
                continue  # "I think" inside this or another quote is not the attribution
            lo, hi = (tok.idx, qs) if tok.idx < qs else (qe, tok.idx)
            if "\n" in self.text[lo:hi]:
                continue  # a verb in another paragraph is not this quote's attribution
            subj = self.speakers.speaking_subject(tok, outside=(qs, qe))
            if subj is None:
                continue
            if short and not self._right_beside(tok, subj, qs, qe):
                continue  # ("part of ''investor day,'' an annual ritual in which management tells ...")
            actor, span, text = self.speakers.speaker(subj, prefer)
            return Statement(actor, span, qs, qe, "direct", tok.text, tok.i,
                             negated_cue=self._negated(tok), hedged_cue=self._hedged(tok), speaker_text=text)
        if short:
            return None
        introduced = self._colon_introduction(qs, qe, prefer)
        if introduced is not None:
            return introduced
        # A quote standing alone continues the previous speaker, as news copy does.
        if last is not None and last.speaker is not None and distance <= 2:
            return Statement(last.speaker, last.speaker_mention, qs, qe, "direct", "", None, speaker_text=last.speaker_text)
        return Statement(None, None, qs, qe, "direct", "", None)

    def _opens_clause(self, qs: int) -> bool:
        """Whether a quotation opens its sentence or clause (after a line break, a full stop, a
        colon or a comma), unlike "The so-called “reform,” Kellor said, ..."."""
        before = self.text[:qs].rstrip(" \t" + QUOTE_MARKS)
        return not before or before[-1] in ".!?:,;\n"

    def _right_beside(self, verb: Token, subj: Token, qs: int, qe: int) -> bool:
        """Whether nothing but punctuation and the verb's subject lies between a quotation and its
        speech verb ("“Yessss!” she shouted", "the executive says: “Quiet!”")."""
        lo, hi = (qe, verb.idx) if verb.idx >= qe else (verb.idx + len(verb.text), qs)
        first = bisect_right(self._token_starts, lo - 1)
        subject = {t.i for t in subj.subtree}
        for tok in self.doc[first:]:
            if tok.idx >= hi:
                break
            if not (tok.is_punct or tok.is_space or tok.text in QUOTE_MARKS or tok.i in subject):
                return False
        return True

    def _colon_paraphrase(self, sent: Span, prefer: Mention | None) -> Statement | None:
        """What follows a colon, not quoted, when the clause before it makes a speaker say it: a
        verb of speech or of introducing ("he summed it up: the plan had failed"), a noun of
        reply owned by a speaker as the subject of a copula or alone ("her message to the council
        was blunt: the pool would close", "the governor's answer: no new taxes"), one the subject
        has, holds or shares (``holding_verbs``: "she had a warning for her colleagues: voters
        would punish them", "both candidates hold the same view: ..."), a speaker said to
        be blunt or adamant (``manner_adjectives``: "the senator was adamant: the bill would not
        pass") or a declaring phrase ("made her position clear: ..."). Not "the results were
        clear:", "the council has three priorities:": no speaker speaks."""
        colon = next((t for t in sent if t.text == ":" and not self.quotes.inside(t.idx, t.idx + 1)), None)
        if colon is None:
            return None
        before = [t for t in sent if t.i < colon.i and not t.is_punct and not t.is_space]
        if not before or "\n" in self.text[before[0].idx : colon.idx]:
            return None  # (a headline line: the headline colon's)
        # What follows, to the end of the sentence (the next one when the splitter cut at the colon).
        end = sent.end
        if not any(not t.is_punct and not t.is_space for t in self.doc[colon.i + 1 : sent.end]):
            n = self.sentence_number(colon.i)
            end = self.sentences[n + 1].end if n + 1 < len(self.sentences) else sent.end
        content: list[Token] = []
        for tok in self.doc[colon.i + 1 : end]:
            if tok.is_space and "\n" in tok.text and content:
                break
            content.append(tok)
        content = trim_punct(content)
        if len([t for t in content if not t.is_punct]) < 3 or content[0].text in QUOTE_MARKS:
            return None  # (a quotation: _colon_introduction's)
        found = self._colon_holder(before, colon)
        if found is None:
            return None
        holder, cue = found
        if not self.speakers.can_speak(holder, prefer) or holder.lower_ in THING_PRONOUNS:
            return None
        actor, span, text = self.speakers.speaker(holder, prefer)
        if actor is None and holder.pos_ != "PROPN" and holder.lower_ not in PERSON_SUBJECT_PRONOUNS and not self.speakers.names_people(holder):
            return None
        start, end_char = char_range(content)
        return Statement(
            actor, span, start, end_char, "indirect", cue.text, cue.i,
            negated_cue=self._negated(cue), hedged_cue=self._hedged(cue), speaker_text=text,
        )

    def _colon_holder(self, before: list[Token], colon: Token) -> tuple[Token, Token] | None:
        """The speaker and the cue of the clause ``before`` a colon (see ``_colon_paraphrase``)."""
        inside = range(before[0].i, colon.i)
        heads = [t for t in before if t.head.i == t.i or t.head.i not in inside]
        head = next((t for t in heads if t.pos_ in ("VERB", "AUX")), heads[0] if heads else None)
        if head is None:
            return None
        lex = self.lex

        def owner(noun: Token) -> Token | None:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.reply_nouns:
                return None
            return next((c for c in noun.children if c.dep_ == "poss"), None)

        if head.pos_ == "NOUN":
            holder = owner(head)  # "the governor's answer: ..."
            return (holder, head) if holder is not None else None
        if head.pos_ not in ("VERB", "AUX"):
            return None
        lemma = head.lemma_.lower()
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
        if subj is None:
            return None
        if lemma in lex.speech or lemma in lex.introducing_verbs:
            return subj, head
        if lemma in COPULAS:
            holder = owner(subj)
            if holder is not None:
                return holder, subj
            manner = next((c for c in head.children if c.dep_ == "acomp" and c.i < colon.i and c.lower_ in lex.manner_adjectives), None)
            if manner is not None and (subj.pos_ in ("PROPN", "PRON") or self.speakers.names_people(subj) or self.resolver.actors_of(subj)):
                return subj, manner
            return None
        if lemma in lex.holding_verbs:
            said = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.reply_nouns), None)
            return (subj, said) if said is not None else None
        if lemma in lex.declaring_phrases and any(c.lower_ in lex.declaring_phrases[lemma] and c.i < colon.i for c in head.children):
            return subj, head
        return None

    def _colon_introduction(self, qs: int, qe: int, prefer: Mention | None) -> Statement | None:
        """A quotation right after a colon, introduced by a clause whose subject can speak ("Sen.
        Whitfield put it bluntly: “...”", "The mayor's reply was short: “...”"): that subject's
        (the owner's, for an owned noun such as "reply"). Not "The results were clear: “...”"."""
        at = qs - 1
        while at >= 0 and (self.text[at].isspace() or self.text[at] in QUOTE_MARKS):
            if self.text[at] == "\n":
                return None  # a colon closing the paragraph before introduces no quote of this one
            at -= 1
        if at < 0 or self.text[at] != ":":
            return None
        colon = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if colon is None:
            return None
        # The verb of the clause before the colon: the sentence's root, or the clause the parser
        # hung on a root inside the quotation ("She was blunt: “We ...”").
        verb = next((
            t for t in colon[0].sent
            if t.i < colon[0].i and t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or t.head.i > colon[0].i)
        ), None)
        lemma = verb.lemma_.lower() if verb is not None else ""
        if verb is None or not (lemma in COPULAS or lemma in self.lex.speech or lemma in self.lex.introducing_verbs):
            return None  # ("faced one question: “...”", "quoted her father: “...”")
        subj = self.speakers.speaking_subject(verb, outside=(qs, qe))
        if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in self.lex.reply_nouns and any(c.dep_ == "poss" for c in subj.children):
            subj = next(c for c in subj.children if c.dep_ == "poss")  # "the mayor's reply was short:"
        if subj is None or not self.speakers.can_speak(subj, prefer) or subj.lower_ in THING_PRONOUNS:
            return None
        actor, span, text = self.speakers.speaker(subj, prefer)
        if actor is None and subj.pos_ != "PROPN" and subj.lower_ not in PERSON_SUBJECT_PRONOUNS:
            return None
        return Statement(actor, span, qs, qe, "direct", verb.text, verb.i, negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text)


def drop_nested(statements: list[Statement]) -> list[Statement]:
    """A statement inside another by the same speaker ("said X, noting that Y") adds nothing."""
    kept = []
    for st in statements:
        if any(
            o is not st
            and o.speaker == st.speaker
            and o.start_char <= st.start_char
            and st.end_char <= o.end_char
            and (o.end_char - o.start_char) > (st.end_char - st.start_char)
            for o in statements
        ):
            continue
        kept.append(st)
    return kept
