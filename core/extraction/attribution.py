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
  a verb or adjective of intention with its infinitive ("refuses to publish the audit", "were
  willing to wait"); a noun of saying or will with its owner ("her determination to close the
  harbour", "the council's call for a recount"). A wider cue inside what another statement of
  the sentence reports is part of that statement, not a second one.
* ``according_to`` — "According to Moscow, ...".

Every cue list lives in ``seeds/lexicon.yaml`` (speech, belief_cues, directive_cues, object_cues,
naming_cues, prepositional_cues, source_nouns, intention_cues, intention_adjectives, nominal_cues).
A line break never joins a subject to a verb (a headline is not the next paragraph's speaker), and
an appositive name is preferred to the title it follows ("the mayor of Bergen, Anna Berg, said"). Unbalanced quotation marks never raise: an
unclosed quote ends at the end of its paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from core.extraction.mentions import ActorResolver, Mention
from core.extraction.tokens import char_range, hedged, negated, require_lexicon, strip_whitespace, trim_punct
from core.extraction.words import (
    CONTENT_PREPOSITIONS,
    IMPERSONAL_WORDS,
    LINKING_WORDS,
    OPEN_QUOTES,
    OWNER_PREPOSITIONS,
    QUOTE_MARKS,
    RELATIVE_TAGS,
    THING_PRONOUNS,
)
from core.knowledge.gazetteer import Actor

STRAIGHT = '"'
AFTER_QUOTE_TOKENS = 30  # how far past a quote's sentence its attribution may be cut off
MIN_DIRECT_WORDS = 4  # shorter quoted fragments are scare quotes or part of a reported statement
MAX_COLON_SOURCE = 6  # words before a headline colon that may name its source


@dataclass
class Statement:
    speaker: Actor | None
    speaker_mention: tuple[int, int] | None  # char offsets of the mention the attribution rests on
    start_char: int
    end_char: int
    kind: str  # direct | indirect | according_to
    cue: str
    cue_token: int | None  # token index of the reporting word
    negated_cue: bool = False  # "would not confirm that ..."
    hedged_cue: bool = False  # "reportedly said", "may have told"
    speaker_text: str = ""


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of quoted passages; never fails on unbalanced marks.

    Curly quotes pair open/close; straight quotes toggle. A quote still open at the end of its
    paragraph (a line break) ends there, as in news copy where a quote runs into the next
    paragraph and is reopened."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = ""
    straight_open = False
    closers = {"“": "”", "«": "»", "„": "“"}  # „...“ is German-style typography
    for i, ch in enumerate(text):
        if ch == "\n":
            if open_at is not None and i > open_at + 1:
                spans.append((open_at + 1, i))
            open_at, straight_open = None, False
        elif open_at is not None and not straight_open and ch == closers.get(opener):
            if i > open_at + 1:
                spans.append((open_at + 1, i))
            open_at = None
        elif ch in OPEN_QUOTES:
            if open_at is not None and i > open_at + 1:
                spans.append((open_at + 1, i))  # a new quote opens: the old one was unclosed
            open_at, opener, straight_open = i, ch, False
        elif ch == STRAIGHT:
            if open_at is None:
                open_at, straight_open = i, True
            elif straight_open:
                if i > open_at + 1:
                    spans.append((open_at + 1, i))
                open_at, straight_open = None, False
    if open_at is not None and len(text) > open_at + 1:
        spans.append((open_at + 1, len(text)))
    return [(s, e) for s, e in (strip_whitespace(text, s, e) for s, e in spans) if e > s]


def _subtree_span(tok: Token, skip_marks: bool = True) -> tuple[int, int]:
    tokens = [t for t in tok.subtree]
    if skip_marks:
        while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"’'" or tokens[-1].is_space):
            tokens = tokens[:-1]
    if not tokens:
        return tok.idx, tok.idx + len(tok.text)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def subject_chain(verb: Token) -> list[Token]:
    """Subjects of a verb, nearest first, inherited through conjunction, participles and
    complements ("Macron said Russia's permission was not needed, noting that ..." gives
    "permission", then "Macron")."""
    subjects: list[Token] = []
    cur = verb
    for _ in range(6):
        own = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        # Two subjects means a misparse ("“One of the best ...,” Mayor Berg said"): the one
        # nearer the verb first.
        subjects += sorted(own, key=lambda c: abs(c.i - cur.i))
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head is not cur.head:
            cur = cur.head.head  # "... by telling them that ...": the verb the phrase modifies
        elif cur.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "ccomp") and cur.head is not cur:
            cur = cur.head
        else:
            break
    return subjects


def subject_of(verb: Token) -> Token | None:
    """The nearest subject of a verb, inherited through conjunction and participles."""
    chain = subject_chain(verb)
    return chain[0] if chain else None


class Attributor:
    def __init__(self, doc: Doc, resolver: ActorResolver):
        self.doc = doc
        self.resolver = resolver
        self.lex = require_lexicon(resolver.kb)
        self.text = doc.text  # Doc.text rebuilds the string on every access: keep one
        self.quote_spans = find_quote_spans(self.text)
        # Token.sent re-walks the document on every call; look sentences up by position instead.
        self.sentences = list(doc.sents)
        self._sentence_starts = [s.start for s in self.sentences]
        self._token_starts = [t.idx for t in doc]

    def sentence_number(self, token_index: int) -> int:
        """0-based index of the sentence a token is in."""
        return max(bisect_right(self._sentence_starts, token_index) - 1, 0)

    def _inside_quote(self, start: int, end: int) -> tuple[int, int] | None:
        for qs, qe in self.quote_spans:
            if qs <= start and end <= qe:
                return qs, qe
        return None

    def _speaker(self, subj: Token, prefer: Mention | None) -> tuple[Actor | None, tuple[int, int] | None, str]:
        mentions = self.resolver.actors_of(subj, prefer)
        span = (subj.idx, subj.idx + len(subj.text))
        if mentions:
            m = mentions[0]
            if subj.pos_ == "PRON":
                return m.actor, span, subj.text
            return m.actor, (m.start_char, m.end_char), m.text
        if subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in IMPERSONAL_WORDS:
            # An unknown speaker still speaks: keep its noun phrase ("analysts", "the report").
            words = [t for t in subj.subtree if t.dep_ not in ("det", "punct") and t.i <= subj.i]
            if words:
                text = self.doc[words[0].i : subj.i + 1].text
                kind = "group" if subj.tag_ in ("NNS", "NNPS") else "organization"
                return Actor(text, kind, "", ""), (words[0].idx, subj.idx + len(subj.text)), text
        return None, span, subj.text

    def _speaking_subject(self, verb: Token, outside: tuple[int, int] | None = None) -> Token | None:
        """The subject that speaks: the nearest one that is a known actor (or a pronoun), else
        the nearest one; never one inside the quote ``outside`` when given."""
        chain = subject_chain(verb)
        if outside is not None:
            chain = [t for t in chain if not (outside[0] <= t.idx < outside[1])]
        # A line break between a subject and its verb is a misparse across paragraphs (a headline
        # run into the first paragraph): a line never speaks for the next one.
        chain = [t for t in chain if not self._line_break_between(t, verb)]
        # "the mayor of Bergen, Anna Berg, said": the appositive name is the speaker.
        chain = [self._appositive_name(t) or t for t in chain]
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if chain and chain[0] in own and (chain[0].lower_ in self.lex.source_nouns or chain[0].lower_ in self.resolver.kb.roles):
            return chain[0]  # "..., the source added": the verb's own subject is a speaker noun
        chain = [self._antecedent(t) for t in chain]
        for subj in chain:
            if subj.pos_ == "PRON" or self.resolver.actors_of(subj):
                return subj
        if chain:
            return chain[0]
        # No subject in the parse: a name right before the verb is one the parser attached
        # elsewhere ("... in an interview with the local paper Berg said that ...").
        before = verb.i - 1
        while before >= 0 and self.doc[before].dep_ in ("advmod", "aux", "neg") and self.doc[before].head is verb:
            before -= 1
        if before >= 1 and self.doc[before].text == "," and self.doc[before - 1].pos_ == "PROPN":
            before -= 1  # "..., the mayor of Bergen, Anna Berg, said": the name set off before the verb
        if before >= 0 and self.doc[before].pos_ == "PROPN":
            mention = self.resolver.mention_at(self.doc[before])
            if mention is not None and mention.end - 1 == before and mention.actor.actor_type == "person":
                return self.doc[before]
        return None

    def _line_break_between(self, a: Token, b: Token) -> bool:
        lo, hi = (a, b) if a.i < b.i else (b, a)
        return "\n" in self.text[lo.idx : hi.idx]

    def _appositive_name(self, subj: Token) -> Token | None:
        """The person named in apposition to a common-noun subject ("the mayor, Anna Berg,";
        also when the parser hangs the name on the noun's "of" phrase: "the mayor of Bergen,
        Anna Berg,"): the token of that name, or None."""
        if subj.pos_ != "NOUN":
            return None
        own = self.resolver.mention_at(subj)
        if own is not None and own.kind in ("name", "pronoun"):
            return None
        places = [subj]
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.i > subj.i:
                for pobj in prep.children:
                    mention = self.resolver.mention_at(pobj)
                    if pobj.dep_ == "pobj" and not (mention is not None and mention.actor.actor_type == "person"):
                        places.append(pobj)
        for place in places:
            for child in place.children:
                if child.dep_ != "appos" or child.i < subj.i or self._line_break_between(subj, child):
                    continue
                mention = self.resolver.mention_at(child)
                if mention is not None and mention.kind == "name" and mention.actor.actor_type == "person":
                    return self.doc[mention.end - 1] if mention.end - 1 >= child.i else child
        return None

    @staticmethod
    def _antecedent(subj: Token) -> Token:
        """A relative pronoun subject stands for the noun its clause modifies ("the mayor, who has
        cited ...": the mayor)."""
        if subj.tag_ in RELATIVE_TAGS and subj.head.dep_ == "relcl" and subj.head.head is not subj.head:
            return subj.head.head
        return subj

    def _can_speak(self, subj: Token, prefer: Mention | None) -> bool:
        """Whether a subject can hold what a wider cue attributes ("showed", "cited", "told X
        to"): a known actor, a personal pronoun, a name, or a noun for people or sources
        ("officials", "the survey"); not "the attempt" or "the document"."""
        if subj.pos_ == "PRON":
            return subj.lower_ not in THING_PRONOUNS or bool(self.resolver.actors_of(subj, prefer))
        if subj.pos_ == "PROPN" or self.resolver.actors_of(subj, prefer):
            return True
        word = subj.lower_
        lex = self.lex
        return word in lex.source_nouns or subj.lemma_.lower() in lex.source_nouns or word in self.resolver.kb.roles or word in lex.group_nouns or word in lex.people_group_nouns or word in lex.people_nouns

    def _is_speech(self, tok: Token) -> bool:
        """A speech verb of the lexicon ("said", "told", "argued")."""
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.speech

    def _is_cue(self, tok: Token) -> bool:
        """Any attribution cue of the lexicon: speech, belief, directive, object, naming or
        prepositional cue verbs."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = tok.lemma_.lower()
        lex = self.lex
        return (
            lemma in lex.speech
            or lemma in lex.belief_cues
            or lemma in lex.directive_cues
            or lemma in lex.object_cues
            or lemma in lex.naming_cues
            or lemma in lex.prepositional_cues
            or lemma in lex.intention_cues
        )

    def _hedged(self, verb: Token) -> bool:
        """A hedge among the cue's children ("reportedly said", "may have told")."""
        return hedged(verb, self.lex)

    def _negated(self, verb: Token) -> bool:
        """A negation among the cue's children, of any dependency ("would neither confirm nor deny")."""
        return negated(verb, self.lex)

    def statements(self) -> list[Statement]:
        found: list[Statement] = []
        claimed: set[tuple[int, int]] = set()
        last: Statement | None = None
        last_end_sent = -10

        def mention_of(st: Statement | None) -> Mention | None:
            if st is None or st.speaker_mention is None:
                return None
            return next(
                (m for m in self.resolver.mentions if (m.start_char, m.end_char) == st.speaker_mention),
                None,
            ) or (Mention.of_speaker(st.speaker, st.speaker_mention, st.speaker_text) if st.speaker else None)

        def prefer() -> Mention | None:
            return mention_of(last)

        def outer(tok: Token, new: list[Statement]) -> Statement | None:
            """The statement whose cue governs ``tok`` ("Berg said he thought ...": "he" is
            Berg, whoever spoke before)."""
            cues = {st.cue_token: st for st in new if st.cue_token is not None and st.speaker is not None}
            for anc in tok.ancestors:
                if anc.i in cues:
                    return cues[anc.i]
            return None

        sentences = self.sentences
        for n, sent in enumerate(sentences):
            new: list[Statement] = []
            recent = n - last_end_sent <= 2 and not self._new_person_subject(last, last_end_sent, n)
            for tok in sent:
                if tok.lemma_.lower() == "accord" and any(c.lower_ == "to" for c in tok.children):
                    new += self._according_to(tok, sent)
                elif self._is_cue(tok):
                    governing = outer(tok, new)
                    st = self._speech_verb(tok, mention_of(governing) if governing else prefer() if recent else None)
                    if st:
                        new.append(st)
                elif tok.pos_ == "ADJ" and tok.lower_ in self.lex.intention_adjectives:
                    st = self._intention_adjective(tok, prefer() if recent else None)
                    if st:
                        new.append(st)
                elif tok.pos_ == "NOUN" and tok.lower_ in self.lex.nominal_cues:
                    st = self._nominal(tok, prefer() if recent else None)
                    if st:
                        new.append(st)
            if not new:
                st = self._colon_statement(sent)
                if st:
                    new.append(st)
            # Direct quotes starting in this sentence that no verb claimed.
            for qs, qe in self.quote_spans:
                if not (sent.start_char <= qs < sent.end_char):
                    continue
                if any(s.kind == "direct" and s.start_char == qs for s in new + found):
                    continue
                st = self._direct(qs, qe, sentences, n, prefer() if recent else None, last, n - last_end_sent)
                if st:
                    new.append(st)
            for st in new:
                key = (st.start_char, st.end_char)
                if key in claimed or self._nested_wide_cue(st, new):
                    continue
                # Quoted fragments inside a reported statement belong to it.
                if st.kind == "direct" and any(
                    o.kind != "direct" and o.start_char <= st.start_char < o.end_char for o in new
                ):
                    continue
                claimed.add(key)
                found.append(st)
                if st.speaker is not None:
                    last = st
                    end_tok = self.doc.char_span(st.end_char - 1, st.end_char, alignment_mode="expand")
                    last_end_sent = self.sentence_number(end_tok.start) if end_tok is not None else n
        found.sort(key=lambda s: s.start_char)
        return self._merge_continuations(found)

    def _nested_wide_cue(self, st: Statement, new: list[Statement]) -> bool:
        """Whether a statement resting on a wider cue than speech (an object, intention or noun
        cue: "reject", "wants to", "his plan to") lies inside what another statement of the
        sentence reports ("He added that Kenya would reject ..."): it is part of that content,
        and attribution corpora give each word one role."""
        if st.cue_token is None or st.kind != "indirect":
            return False
        cue = self.doc[st.cue_token]
        lemma = cue.lemma_.lower()
        if cue.pos_ in ("VERB", "AUX") and (lemma in self.lex.speech or lemma in self.lex.belief_cues):
            return False
        return any(
            o is not st and o.cue_token != st.cue_token and o.start_char <= cue.idx < o.end_char
            for o in new
        )

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
                    and not self._inside_quote(tok.idx, tok.idx + len(tok.text))
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
            if tok.i not in cue_ids and self._is_cue(tok):
                return False  # "“A,” Diaz said, adding later, “B”": two statements
            if tok.i in clause or tok.lower_ in LINKING_WORDS:
                continue
            return False
        return True

    def _same_sentence(self, prev: Statement, st: Statement) -> bool:
        """Whether no sentence ends between two statements ("she has what it takes: “...”"):
        a reported statement runs on into a quote only within its sentence."""
        return not any(ch in ".!?\n" for ch in self.text[prev.end_char : st.start_char])

    def _merge_continuations(self, found: list[Statement]) -> list[Statement]:
        """One statement interrupted by its own attribution ("“A,” he said, “B.”"), or continued
        in the next quote without a new cue, is one statement: the fragments and what lies
        between them become one span, as attribution corpora annotate it."""
        merged: list[Statement] = []
        for st in found:
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and st.kind == "direct"
                and st.speaker == prev.speaker
                and (st.cue_token is None or st.cue_token == prev.cue_token)
                and (prev.kind == "direct" or (st.speaker_mention == prev.speaker_mention and self._same_sentence(prev, st)))
                and self._gap_is_attribution(prev, st)
            ):
                if prev.cue_token is None and st.cue_token is not None:
                    prev.cue, prev.cue_token = st.cue, st.cue_token
                    prev.negated_cue, prev.hedged_cue = st.negated_cue, st.hedged_cue
                prev.end_char = max(prev.end_char, st.end_char)
                continue
            merged.append(st)
        return merged

    def _speech_verb(self, verb: Token, prefer: Mention | None) -> Statement | None:
        if self._inside_quote(verb.idx, verb.idx + len(verb.text)):
            return None  # "I think ..." inside a quote: the quote itself is the statement
        lemma = verb.lemma_.lower()
        comps = [c for c in verb.children if c.dep_ in ("ccomp",)] if lemma in self.lex.speech or lemma in self.lex.belief_cues else []
        if not comps and lemma in self.lex.speech:
            # "told a meeting of farmers that the drought would end ...": the parser hangs the
            # that-clause on the object as a relative clause; a "that" marking it gives it away.
            comps = [
                r for o in verb.children if o.dep_ in ("dobj", "dative") and o.i > verb.i
                for r in o.subtree if r.dep_ in ("relcl", "acl") and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < r.i for g in r.children)
            ][:1]
        # A clause beyond a semicolon is not the verb's complement, whatever the parse says.
        comps = [c for c in comps if not self._semicolon_between(verb, c)]
        if lemma not in self.lex.speech:
            # A verb of belief attributes a finite clause ("agreed that the fee should rise"),
            # not a participle the parser hung on it ("agreed to a pause, suggesting ...").
            comps = [c for c in comps if any(g.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for g in c.children)]
        if not comps and lemma not in self.lex.speech:
            return self._complement_statement(verb, prefer)
        if not comps:
            return self._parenthetical(verb, prefer) or self._complement_statement(verb, prefer)
        if len(comps) > 1 and any(c.i > verb.i for c in comps):
            # "Turnout was low; the mayor says it will rise": the clause after the verb.
            comps = [c for c in comps if c.i > verb.i]
        # "“...,” Trump told reporters": the quote next to the verb is the content (see _direct);
        # "The port, he said, will open in May": the sentence around the verb is
        # (_parenthetical); "told the staff to prepare": the object and infinitive are
        # (_complement_statement).
        subj = self._speaking_subject(verb)
        if subj is None or (lemma not in self.lex.speech and not self._can_speak(subj, prefer)):
            return None
        actor, span, text = self._speaker(subj, prefer)
        start, end = _subtree_span(comps[0])
        # "She had asked for a delay, but the board refused, the spokesman added.": the
        # coordinated clauses are one statement, whether parsed as conjuncts or as several
        # complements on the same side of the verb.
        same_side = [c for c in comps[1:] if (c.i > verb.i) == (comps[0].i > verb.i)]
        for extra in [*comps[0].conjuncts, *same_side]:
            extra_start, extra_end = _subtree_span(extra)
            start, end = min(start, extra_start), max(end, extra_end)
        quote = self._inside_quote(start, end)
        overlapping = [q for q in self.quote_spans if q[0] < end and start < q[1]]
        kind = "indirect"
        if quote or (len(overlapping) == 1 and overlapping[0][0] <= start + 3 and overlapping[0][1] - overlapping[0][0] >= (end - start) * 0.8):
            kind = "direct"
            start, end = overlapping[0] if overlapping else quote
        cue = verb.text
        return Statement(
            actor, span, start, end, kind, cue, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
        )

    def _semicolon_between(self, verb: Token, comp: Token) -> bool:
        lo, hi = (verb.i, comp.left_edge.i) if comp.i > verb.i else (comp.right_edge.i, verb.i)
        return any(t.text == ";" for t in self.doc[lo + 1 : hi])

    def _complement(self, verb: Token) -> list[Token] | None:
        """The attributed part of a reporting verb that takes no clause: the object and infinitive
        of a directive ("told the staff to prepare"), the object of a preposition cue ("called for
        an end to the cuts"), an object and what it is named ("called the plan a mistake"), or
        the object itself ("cited rising costs")."""
        lex = self.lex
        lemma = verb.lemma_.lower()
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
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
            ][:1]
        elif lemma in lex.prepositional_cues:
            preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in lex.prepositional_cues[lemma] and c.i > verb.i]
            objs = [g for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                parts = [objs[0], *[x for x in xcomps if x.i > objs[0].i]]
                if not any(x.i > objs[0].i for x in xcomps):
                    parts += self._trailing_modifiers(verb, preps[0])
        if not parts and lemma in lex.naming_cues and objects:
            named = [c for c in kids if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in ("as", "to") and c.i > objects[0].i)]
            if named:
                parts = [objects[0], named[0], *self._trailing_modifiers(verb, named[0])]
        if not parts and lemma in lex.object_cues and objects:
            obj = objects[0]
            if obj.pos_ != "PRON" and obj.i > verb.i:
                parts = [obj, *self._trailing_modifiers(verb, obj)]
        if not parts:
            return None
        # A relative clause set off by a comma or dash describes, in the writer's voice, what was
        # said: "criticised the levy, which passed in May" keeps "the levy".
        aside = {
            t.i
            for p in parts
            for r in p.subtree
            if (r.dep_ in ("relcl", "appos") or r.dep_ in ("prep", "advcl") and p.dep_ == "xcomp") and r.i > p.i and r.left_edge.i > 0
            and self.doc[r.left_edge.i - 1].text in (",", "--", "—", "–")
            for t in r.subtree
        }
        tokens = sorted({t.i for p in parts for t in p.subtree} - aside)
        first, last = tokens[0], tokens[-1]
        span = trim_punct(self.doc[first : last + 1])
        if len([t for t in span if not t.is_punct]) < 2:
            return None
        return span

    @staticmethod
    def _infinitive(tok: Token) -> bool:
        """Whether a verb is a to-infinitive ("to release"), not a participle ("refused, saying")."""
        return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)

    def _span_statement(self, tokens: list[Token], subj: Token, cue: Token, prefer: Mention | None, need_speaker: bool = False) -> Statement | None:
        """An indirect statement over ``tokens`` (trimmed of punctuation) spoken by ``subj``."""
        span = trim_punct(tokens)
        if len([t for t in span if not t.is_punct]) < 2 or self._inside_quote(cue.idx, cue.idx + len(cue.text)):
            return None
        actor, mention, text = self._speaker(subj, prefer)
        if need_speaker and actor is None:
            return None
        start, end = char_range(span)
        return Statement(
            actor, mention, start, end, "indirect", cue.text, cue.i,
            negated_cue=self._negated(cue.head if cue.pos_ == "ADJ" else cue), hedged_cue=self._hedged(cue), speaker_text=text,
        )

    def _intention_adjective(self, adj: Token, prefer: Mention | None) -> Statement | None:
        """"Some council members were willing to delay the vote": the infinitive is the subject's."""
        if adj.dep_ != "acomp":
            return None
        xcomps = [c for c in adj.children if c.dep_ == "xcomp" and self._infinitive(c)]
        if not xcomps:
            return None
        subj = self._speaking_subject(adj.head)
        if subj is None or not self._can_speak(subj, prefer):
            return None
        return self._span_statement(list(xcomps[0].subtree), subj, adj, prefer, need_speaker=True)

    def _nominal(self, noun: Token, prefer: Mention | None) -> Statement | None:
        """A noun of saying, believing or wanting whose owner is a speaker ("his determination to
        close the harbour", "the council's call for a recount", "her claim that ...", "the decision by
        the board to ..."): the noun's complement is the owner's."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
            owner = by[0] if by else None
        if owner is None and noun.dep_ == "dobj" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.head.children):
            owner = self._speaking_subject(noun.head)  # "made a plea for ...", "reached an agreement to ..."
        if owner is None or not self._can_speak(owner, prefer):
            return None
        comp: list[Token] = []
        for child in noun.children:
            if child.i < noun.i:
                continue
            if child.dep_ in ("acl", "relcl", "ccomp") and (self._infinitive(child) or any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)):
                comp = list(child.subtree)
                break
            if child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS and child is not owner.head:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    comp = [t for o in objs for t in o.subtree]
                    comp += [t for x in child.children if x.dep_ == "xcomp" for t in x.subtree]
                    break
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
        return self._span_statement(comp, owner, noun, prefer, need_speaker=True)

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
            found.append(child)
            end = child.right_edge.i
        return found

    def _complement_statement(self, verb: Token, prefer: Mention | None) -> Statement | None:
        span = self._complement(verb)
        if span is None:
            return None
        subj = self._speaking_subject(verb)
        if subj is None or not self._can_speak(subj, prefer):
            return None
        actor, mention, text = self._speaker(subj, prefer)
        if actor is None and verb.lemma_.lower() in self.lex.intention_cues:
            return None  # "those who hope to ...": a will needs someone to hold it
        start, end = char_range(span)
        return Statement(
            actor, mention, start, end, "indirect", verb.text, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
        )

    def _attribution_clause(self, verb: Token) -> list[Token] | None:
        """The tokens of a parenthetical attribution ("he said", "Ms. Kim often says in
        interviews", "as one adviser pointed out"): the verb, its subject and modifiers, when they
        form one stretch of text set off by commas or the sentence edge."""
        if any(c.dep_ in ("dobj", "xcomp", "attr", "acomp", "oprd") for c in verb.children):
            return None  # the verb has an object of its own: not a parenthetical
        marks = [c for c in verb.children if c.dep_ == "mark"]
        if any(m.lower_ != "as" for m in marks):
            return None  # "because he said", "if she says": not an attribution
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        tokens = {verb.i}
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "mark", "prt"):
                tokens |= {t.i for t in child.subtree}
        lo, hi = min(tokens), max(tokens)
        if hi - lo + 1 != len(tokens):
            return None  # not one stretch of text
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
        if not (set_off_before and set_off_after) or before < sent.start:
            return None  # "He said, ..." at the start introduces, it does not interrupt
        content = trim_punct((t for t in sent if not (lo <= t.i <= hi)), tail_also="—–-")
        words = [t for t in content if not t.is_punct]
        if len(words) < MIN_DIRECT_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in content):
            return None
        start, end = char_range(content)
        if any(qs < end and start < qe and len(self.text[qs:qe].split()) >= MIN_DIRECT_WORDS for qs, qe in self.quote_spans):
            return None  # a quotation: the direct-quote rules attribute it
        subj = self._speaking_subject(verb)
        if subj is None:
            return None
        actor, span, text = self._speaker(subj, prefer)
        return Statement(
            actor, span, start, end, "indirect", verb.text, verb.i,
            negated_cue=self._negated(verb), hedged_cue=self._hedged(verb), speaker_text=text,
        )

    def _colon_statement(self, sent) -> Statement | None:
        """A headline-style attribution: a short name phrase, a colon, then what it says
        ("Mensah: Port Will Bring Jobs"; "Survey: Farmers Expect Lower Prices"). The
        phrase must start with an actor mention or a source noun of the lexicon ("poll",
        "officials"), and hold no verb."""
        tokens = [t for t in sent if not t.is_space]
        colon = next((k for k, t in enumerate(tokens[:MAX_COLON_SOURCE + 1]) if t.text == ":"), None)
        if not colon:
            return None
        source = tokens[:colon]
        if any(t.pos_ in ("VERB", "AUX") for t in source) or self._inside_quote(tokens[0].idx, tokens[colon].idx):
            return None
        first = source[0]
        mention = self.resolver.mention_at(first)
        if mention is not None and mention.kind in ("name", "metonym", "group", "government"):
            actor, span, text = mention.actor, (mention.start_char, mention.end_char), mention.text
        elif first.lower_ in self.lex.source_nouns:
            head = source[-1] if len(source) <= 3 else first
            text = self.text[first.idx : head.idx + len(head.text)]
            actor = Actor(text, "group" if first.tag_ in ("NNS", "NNPS") else "organization", "", "")
            span = (first.idx, head.idx + len(head.text))
        else:
            return None
        content = []
        for tok in sent[tokens[colon].i - sent.start + 1 :]:
            if tok.is_space and "\n" in tok.text:
                break  # a headline ends at its line
            if not tok.is_space:
                content.append(tok)
        content = trim_punct(content, head=False)
        if len([t for t in content if not t.is_punct]) < 3:
            return None
        start, end = char_range(content)
        return Statement(actor, span, start, end, "indirect", ":", tokens[colon].i, speaker_text=text)

    def _according_to(self, accord: Token, sent) -> list[Statement]:
        to = next(c for c in accord.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return []
        actor, span, text = self._speaker(objs[0], None)
        phrase = set(t.i for t in accord.subtree)
        tokens = trim_punct((t for t in sent if t.i not in phrase), keep="")
        if not tokens:
            return []
        start, end = char_range(tokens)
        return [Statement(actor, span, start, end, "according_to", "according to", accord.i, speaker_text=text)]

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
        next_quote = next((s for s, e in self.quote_spans if s > qe and len(self.text[s:e].split()) >= MIN_DIRECT_WORDS), len(self.text))
        for tok in self.doc[after : after + AFTER_QUOTE_TOKENS]:
            if "\n" in tok.text or tok.idx >= next_quote - 1:
                break  # the paragraph or the next quotation begins
            candidates.append(tok)
        return candidates

    def _direct(self, qs: int, qe: int, sentences, n: int, prefer: Mention | None, last: Statement | None, distance: int) -> Statement | None:
        words = self.text[qs:qe].split()
        if len(words) < MIN_DIRECT_WORDS:
            return None
        for tok in self._direct_candidates(qs, qe, sentences, n):
            if not self._is_speech(tok):
                continue
            if qs <= tok.idx < qe or self._inside_quote(tok.idx, tok.idx + len(tok.text)):
                continue  # "I think" inside this or another quote is not the attribution
            lo, hi = (tok.idx, qs) if tok.idx < qs else (qe, tok.idx)
            if "\n" in self.text[lo:hi]:
                continue  # a verb in another paragraph is not this quote's attribution
            subj = self._speaking_subject(tok, outside=(qs, qe))
            if subj is None:
                continue
            actor, span, text = self._speaker(subj, prefer)
            return Statement(actor, span, qs, qe, "direct", tok.text, tok.i,
                             negated_cue=self._negated(tok), hedged_cue=self._hedged(tok), speaker_text=text)
        # A quote standing alone continues the previous speaker, as news copy does.
        if last is not None and last.speaker is not None and distance <= 2:
            return Statement(last.speaker, last.speaker_mention, qs, qe, "direct", "", None, speaker_text=last.speaker_text)
        return Statement(None, None, qs, qe, "direct", "", None)
