"""Quote attribution: who said what, with offsets.

Three kinds of statement, after the dependency rules of the GenderGapTracker's quote extractor:

* ``direct`` — text inside quotation marks, attributed through a nearby speech verb's subject
  ("“...,” Trump said"), through "He added that, “...”", or, for a quote standing alone, to the
  speaker of the statement just before it. A quote may run over several sentences.
* ``indirect`` — a speech verb with a clausal complement ("Grushko said that any plan ...").
* ``according_to`` — "According to Moscow, ...".

Unbalanced quotation marks never raise: an unclosed quote ends at the end of its paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from core.actors import ActorResolver, Mention
from core.knowledge import Actor

OPEN_QUOTES = "“«„"
STRAIGHT = '"'
MIN_DIRECT_WORDS = 4  # shorter quoted fragments are scare quotes or part of a reported statement


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
    return [(s, e) for s, e in (_strip_span(text, s, e) for s, e in spans) if e > s]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
        subjects += own[:1]
        if cur.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "ccomp") and cur.head is not cur:
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
        self.lex = resolver.kb.lexicon
        self.text = doc.text  # Doc.text rebuilds the string on every access: keep one
        self.quote_spans = find_quote_spans(self.text)
        # Token.sent re-walks the document on every call; look sentences up by position instead.
        self.sentences = list(doc.sents)
        self._sentence_starts = [s.start for s in self.sentences]

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
        if subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in ("it", "this", "that"):
            # An unknown speaker still speaks: keep its noun phrase ("analysts", "the report").
            words = [t for t in subj.subtree if t.dep_ not in ("det", "punct") and t.i <= subj.i]
            if words:
                text = self.doc[words[0].i : subj.i + 1].text
                kind = "group" if subj.tag_ in ("NNS", "NNPS") else "organization"
                return Actor(text, kind, "", ""), (words[0].idx, subj.idx + len(subj.text)), text
        return None, span, subj.text

    def _speaking_subject(self, verb: Token) -> Token | None:
        """The subject that speaks: the nearest one that is a known actor (or a pronoun), else
        the nearest one."""
        chain = subject_chain(verb)
        for subj in chain:
            if subj.pos_ == "PRON" or self.resolver.actors_of(subj):
                return subj
        return chain[0] if chain else None

    def _hedged(self, verb: Token) -> bool:
        return any(c.lower_ in self.lex.hedges or c.lemma_ in self.lex.hedges for c in verb.children)

    def _negated(self, verb: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in self.lex.negations for c in verb.children)

    def statements(self) -> list[Statement]:
        found: list[Statement] = []
        claimed: set[tuple[int, int]] = set()
        last: Statement | None = None
        last_end_sent = -10

        def prefer() -> Mention | None:
            if last is None or last.speaker_mention is None:
                return None
            return next(
                (m for m in self.resolver.mentions if (m.start_char, m.end_char) == last.speaker_mention),
                None,
            ) or (Mention(last.speaker, 0, 0, *last.speaker_mention, last.speaker_text, "name") if last.speaker else None)

        sentences = self.sentences
        for n, sent in enumerate(sentences):
            new: list[Statement] = []
            for tok in sent:
                if tok.lemma_.lower() == "accord" and any(c.lower_ == "to" for c in tok.children):
                    new += self._according_to(tok, sent)
                elif tok.lemma_.lower() in self.lex.speech and tok.pos_ in ("VERB", "AUX"):
                    st = self._speech_verb(tok, prefer() if n - last_end_sent <= 2 else None)
                    if st:
                        new.append(st)
            # Direct quotes starting in this sentence that no verb claimed.
            for qs, qe in self.quote_spans:
                if not (sent.start_char <= qs < sent.end_char):
                    continue
                if any(s.kind == "direct" and s.start_char == qs for s in new + found):
                    continue
                st = self._direct(qs, qe, sentences, n, prefer() if n - last_end_sent <= 2 else None, last, n - last_end_sent)
                if st:
                    new.append(st)
            for st in new:
                key = (st.start_char, st.end_char)
                if key in claimed:
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
        return found

    def _speech_verb(self, verb: Token, prefer: Mention | None) -> Statement | None:
        if self._inside_quote(verb.idx, verb.idx + len(verb.text)):
            return None  # "I think ..." inside a quote: the quote itself is the statement
        comps = [c for c in verb.children if c.dep_ in ("ccomp",)]
        if not comps:
            # "“...,” Trump told reporters": the quote next to the verb is the content.
            return None
        subj = self._speaking_subject(verb)
        if subj is None:
            return None
        actor, span, text = self._speaker(subj, prefer)
        start, end = _subtree_span(comps[0])
        for extra in comps[0].conjuncts:
            if extra.dep_ == "conj":
                end = max(end, _subtree_span(extra)[1])
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

    def _according_to(self, accord: Token, sent) -> list[Statement]:
        to = next(c for c in accord.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return []
        actor, span, text = self._speaker(objs[0], None)
        phrase = set(t.i for t in accord.subtree)
        tokens = [t for t in sent if t.i not in phrase and not t.is_space]
        while tokens and tokens[0].is_punct:
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if not tokens:
            return []
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return [Statement(actor, span, start, end, "according_to", "according to", accord.i, speaker_text=text)]

    def _direct(self, qs: int, qe: int, sentences, n: int, prefer: Mention | None, last: Statement | None, distance: int) -> Statement | None:
        words = self.text[qs:qe].split()
        if len(words) < MIN_DIRECT_WORDS:
            return None
        # A speech verb outside the quote, in the sentence where the quote starts or ends.
        end_span = self.doc.char_span(max(qe - 1, qs), qe, alignment_mode="expand")
        candidates = list(sentences[n])
        if end_span is not None and self.sentence_number(end_span.start) != n:
            candidates += list(sentences[self.sentence_number(end_span.start)])
        # The sentence right after the quote may carry the attribution ("“...” \n Trump said.").
        for tok in candidates:
            if not (tok.lemma_.lower() in self.lex.speech and tok.pos_ in ("VERB", "AUX")):
                continue
            if qs <= tok.idx < qe:
                continue
            subj = self._speaking_subject(tok)
            if subj is None or qs <= subj.idx < qe:
                continue
            actor, span, text = self._speaker(subj, prefer)
            return Statement(actor, span, qs, qe, "direct", tok.text, tok.i,
                             negated_cue=self._negated(tok), hedged_cue=self._hedged(tok), speaker_text=text)
        # A quote standing alone continues the previous speaker, as news copy does.
        if last is not None and last.speaker is not None and distance <= 2:
            return Statement(last.speaker, last.speaker_mention, qs, qe, "direct", "", None, speaker_text=last.speaker_text)
        return Statement(None, None, qs, qe, "direct", "", None)
