"""Speaker resolution: which subject of a reporting verb speaks, and which actor it stands for.

A speaking subject is found through the verb's subject chain (conjunction, participles,
complements), skipping subjects inside the quotation and across a line break, preferring an
appositive name to the title it follows ("the mayor of Bergen, Anna Berg, said") and a relative
pronoun's antecedent ("the mayor, who has cited ..."). An unknown noun phrase still speaks
("analysts said"): it becomes an actor of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from core.extraction.mentions import ActorResolver, Mention
from core.extraction.tokens import agent_objects
from core.extraction.words import IMPERSONAL_WORDS, RELATIVE_TAGS, THING_PRONOUNS
from core.knowledge.gazetteer import Actor, Lexicon

# The speaker of a statement: the actor (None when unknown), the character span of the text the
# attribution rests on, and that text.
Speaker = tuple[Actor | None, tuple[int, int] | None, str]


def _reduced_participle(clause: Token, verb: Token) -> bool:
    """Whether ``clause`` is a clause the parser hung on ``verb`` right before it that is a past
    participle after the verb's subject ("farmers interviewed at the market said ...", parsed as
    "farmers interviewed" saying nothing): a verb in the past with a subject but with no object, no
    auxiliary and no conjunction, its last word next to ``verb``, which reports a clause after it."""
    return (
        clause.dep_ == "ccomp" and clause.i < verb.i and clause.tag_ in ("VBD", "VBN") and clause.right_edge.i + 1 == verb.i
        and not any(c.dep_ in ("aux", "auxpass", "mark", "dobj", "ccomp", "xcomp", "dative", "attr", "acomp", "prt") for c in clause.children)
        and any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children)
        and any(c.dep_ == "prep" and c.i > clause.i for c in clause.children)
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)  # (what the verb reports, after it)
    )


def subject_chain(verb: Token, telling: frozenset[str] = frozenset()) -> list[Token]:
    """Subjects of a verb, nearest first, inherited through conjunction, participles and
    complements ("Macron said Russia's permission was not needed, noting that ..." gives
    "permission", then "Macron")."""
    subjects: list[Token] = []
    cur = verb
    for _ in range(6):
        own = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        # ("Most senators are opposed to ...": the subject hung on the auxiliary by the parser)
        own = own or [g for a in cur.children if a.dep_ in ("aux", "auxpass") and a.i < cur.i for g in a.children if g.dep_ in ("nsubj", "nsubjpass")]
        # ("Drivers interviewed at the border said ...": a participle after the subject read as a
        # past tense, the clause it seems to make hung on the verb, right before it)
        own = own or [g for c in cur.children if _reduced_participle(c, cur) for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
        # Two subjects means a misparse ("“One of the best ...,” Mayor Berg said"): the one
        # nearer the verb first.
        subjects += sorted(own, key=lambda c: abs(c.i - cur.i))
        if not own and cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i < cur.i:
            subjects.append(cur.head)  # "the candidates debating whether ...": the noun the participle modifies
        elif not own and cur.dep_ == "acl" and cur.head.dep_ == "ROOT" and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i < cur.i:
            # "The tenants' association approved of the rules" parsed as a sentence with no verb:
            # the participle hung on the root noun is the sentence's verb, the noun its subject.
            subjects.append(cur.head)
        if not own and cur.dep_ == "xcomp" and not subjects and cur.head.lemma_.lower() not in telling:
            # "all this led the poet to fear a new partition": the object of the verb above is the
            # infinitive's subject (not of a verb of telling, whose object and infinitive are
            # what its own subject says: "asked Portugal to explain ...").
            controller = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
            if controller is not None:
                subjects.append(controller)
                break
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
            cur = cur.head.head  # "... by telling them that ...": the verb the phrase modifies
        elif cur.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "ccomp") and cur.head.i != cur.i:
            cur = cur.head
        else:
            break
    return subjects




class SpeakerResolver:
    """Speakers of the reporting verbs of one document."""

    def __init__(self, doc: Doc, text: str, resolver: ActorResolver, lex: Lexicon) -> None:
        self.doc = doc
        self.text = text
        self.resolver = resolver
        self.lex = lex
        # Verbs whose object and infinitive are what their subject says or wills ("asked Portugal
        # to explain"): the object is no subject of the infinitive (``subject_chain``)
        self.telling = lex.speech | lex.directive_cues | lex.intention_cues | lex.rule_verbs

    def speaker(self, subj: Token, prefer: Mention | None) -> Speaker:
        """The actor a speaking subject stands for (``prefer`` resolves a pronoun to the speaker
        just before), the span and text the attribution rests on."""
        mentions = self.resolver.actors_of(subj, prefer)
        span = (subj.idx, subj.idx + len(subj.text))
        if mentions:
            m = mentions[0]
            if subj.pos_ == "PRON":
                return m.actor, span, subj.text
            return m.actor, (m.start_char, m.end_char), m.text
        body = self.spokesperson_body(subj) or self.resolver.members_body(subj)
        if body is not None:
            start = min(t.idx for t in subj.subtree)
            end = max(t.idx + len(t.text) for t in subj.subtree)
            return body.actor, (start, end), self.text[start:end]
        if self.unnamed_party_members(subj):
            return None, span, subj.text
        if subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in IMPERSONAL_WORDS:
            # An unknown speaker still speaks: keep its noun phrase ("analysts", "the report").
            words = [t for t in subj.subtree if t.dep_ not in ("det", "punct") and t.i <= subj.i]
            # A headline glued to the first paragraph is not part of the speaker's name.
            words = [t for t in words if not self.line_break_between(t, subj)]
            if len(words) == 1 and subj.lower_ in self.lex.bare_state_nouns:
                # ("the government said", "the ministry said" in a story with no home country:
                # whose is not said, and an actor named "government" tells a reader nothing)
                return None, span, subj.text
            if words:
                text = self.doc[words[0].i : subj.i + 1].text
                return self._unnamed(subj, words, text), (words[0].idx, subj.idx + len(subj.text)), text
        return None, span, subj.text

    def unnamed_party_members(self, subj: Token) -> bool:
        """Whether a speaker noun with no mention is one party member nobody named ("a Republican
        from Ohio", "a Democratic senator who asked not to be named", "one Labour MP") or members
        denied ("no Democrats", "few Republicans"): the coding guide codes no unnamed individual,
        and a denied group holds the opposite of what its verb says, so there is no holder."""
        kb = self.resolver.kb
        party = bool(subj.text[:1].isupper() and kb.party_word_country(subj)) or any(
            c.dep_ in ("amod", "compound") and c.text[:1].isupper() and kb.party_word_country(c) for c in subj.children)
        if not party:
            return False
        return subj.tag_ in ("NN", "NNP") or self.resolver.members_denied(subj)

    def names_people(self, noun: Token) -> bool:
        """Whether a common noun names people by what they do ("owners", "investigators",
        "economists", "politicians": the lexicon's ``agent_noun_endings``) or is one of the
        lexicon's nouns for people, groups and organizations ("sides", "clubs")."""
        lemma = noun.lemma_.lower()
        return any(lemma.endswith(e) and len(lemma) > len(e) + 2 for e in self.lex.agent_noun_endings) or self._listed_people(noun)

    def _listed_people(self, noun: Token) -> bool:
        """Whether a noun is one of the lexicon's nouns for people, groups and organizations."""
        lemma = noun.lemma_.lower()
        lex = self.lex
        return (
            lemma in lex.person_nouns
            or lemma in lex.organization_nouns
            or noun.lower_ in lex.people_nouns
            or lemma in lex.people_nouns
            or noun.lower_ in lex.people_group_nouns
            or noun.lower_ in lex.group_nouns
        )

    def spokesperson_body(self, subj: Token) -> Mention | None:
        """The body an unnamed spokesperson speaks for: the one named after "for"/"of" ("a
        spokesman for the Mekong Fund"), the owner ("the ministry's spokeswoman"), the body named
        before whose name has the word in front of the noun ("a ministry spokesman" after
        "Kenya's Ministry of Mining"), or, for a bare "a spokesman", the only body named in the
        sentence before or earlier in this one. None when it is not such a noun, or nobody fits."""
        if subj.pos_ != "NOUN" or subj.lemma_.lower() not in self.lex.spokesperson_nouns and subj.lower_ not in self.lex.spokesperson_nouns:
            return None
        if any(c.ent_type_ == "PERSON" or c.dep_ == "appos" for c in subj.children):
            return None  # a named spokesperson speaks as themself
        bodies = [m for m in self.resolver.mentions if m.actor.actor_type != "person"]
        # (the words that say which body: "a ministry spokesman", "a spokesman for the fund")
        words = [c.lower_ for c in subj.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        for child in subj.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                for obj in (g for g in child.children if g.dep_ == "pobj"):
                    found = self.resolver.actors_of(obj)  # (a person too: "a spokesman for Ruto")
                    if found:
                        return found[0]
                    if obj.pos_ == "NOUN":
                        words.append(obj.lower_)
                    else:
                        return None  # "a spokesman for Ruto", a name we cannot place: nobody else's
            if child.dep_ == "poss":
                found = [m for m in self.resolver.actors_of(child) if m.actor.actor_type != "person"]
                if found:
                    return found[0]
        before = [m for m in bodies if m.end_char <= subj.idx]
        if words:
            named = [m for m in before if any(w in m.text.lower().split() for w in words)]
            return named[-1] if named else None
        sent = subj.sent
        window_start = sent.start_char
        if sent.start > 0:
            window_start = self.doc[sent.start - 1].sent.start_char
        # (the only actor of any kind named there: "Ruto met World Bank officials. A spokesman
        # said ..." is nobody's for sure)
        near = {m.actor: m for m in self.resolver.mentions if window_start <= m.start_char and m.end_char <= subj.idx}
        only = next(iter(near.values())) if len(near) == 1 else None
        return only if only is not None and only.actor.actor_type != "person" else None

    def _unnamed(self, head: Token, words: list[Token], text: str) -> Actor:
        """An unnamed speaker: a group when plural ("analysts"), a person when its noun is a role
        of the actors file ("a Kenyan minister", "a senior official"), else an organization ("the
        report"); with the country a word of it names ("Kenyan"), else, for a person or a bare
        institution, the article's home country (``ActorResolver.home_country``), as for a named one."""
        kb = self.resolver.kb
        # (a country word on its own: "Kenyan", "Ghana's"; not the first word of a place, "Niger Delta")
        country = next((c for t in words if t.i != head.i and (c := kb.country_of(t.text))
                        and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_iob_ == "I")), "")
        if head.tag_ in ("NNS", "NNPS"):
            kind = "group"
        elif head.lemma_.lower() in kb.roles or head.lower_ in kb.roles:
            kind = "person"
        else:
            kind = "organization"
        role = head.lemma_.lower() if kind == "person" else ""
        home = self.resolver.home_country() if not country else ""
        if home and kind == "organization" and text.lower() in self.lex.national_institutions:
            # ("the parliament said" in a domestic story, as a named institution: _bare_institution)
            return Actor(f"{home} {text[:1].upper()}{text[1:]}", kind, home, role)
        return Actor(text, kind, country or (home if kind == "person" else ""), role)

    def speaking_subject(self, verb: Token, outside: tuple[int, int] | None = None) -> Token | None:
        """The subject that speaks: the nearest one that is a known actor (or a pronoun), else
        the nearest one; never one inside the quote ``outside`` when given."""
        chain = subject_chain(verb, self.telling)
        if outside is not None:
            chain = [t for t in chain if not (outside[0] <= t.idx < outside[1])]
        # A line break between a subject and its verb is a misparse across paragraphs (a headline
        # run into the first paragraph): a line never speaks for the next one.
        chain = [t for t in chain if not self.line_break_between(t, verb)]
        # "the mayor of Bergen, Anna Berg, said": the appositive name is the speaker.
        chain = [self.appositive_name(t) or t for t in chain]
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if chain and chain[0] in own and (chain[0].lower_ in self.lex.source_nouns or chain[0].lower_ in self.resolver.kb.roles):
            return chain[0]  # "..., the source added": the verb's own subject is a speaker noun
        if chain and chain[0] in own and verb.dep_ == "conj" and chain[0].pos_ in ("NOUN", "PROPN") and self.can_speak(chain[0], None, any_noun=True):
            # "The mayor wants to ..., but five council members are prepared to ...": a second
            # clause's own subject, not the first clause's better-known one.
            return chain[0]
        chain = [self.named_place(self.whole_of_part(self.antecedent(t))) for t in chain]
        document = self._document_of_participle(verb)
        if document is not None:
            chain = [document, *chain]
        chain = [self.sponsor(t) or t for t in chain]
        for subj in chain:
            if subj.pos_ == "PRON" or self.resolver.actors_of(subj):
                return subj
        if chain:
            return chain[0]
        # No subject in the parse: a name right before the verb is one the parser attached
        # elsewhere ("... in an interview with the local paper Berg said that ...").
        before = verb.i - 1
        while before >= 0 and self.doc[before].dep_ in ("advmod", "aux", "neg") and self.doc[before].head.i == verb.i:
            before -= 1
        if before >= 1 and self.doc[before].text == "," and self.doc[before - 1].pos_ == "PROPN":
            before -= 1  # "..., the mayor of Bergen, Anna Berg, said": the name set off before the verb
        if before >= 0 and self.doc[before].pos_ == "PROPN":
            mention = self.resolver.mention_at(self.doc[before])
            if mention is not None and mention.end - 1 == before and mention.actor.actor_type == "person":
                return self.doc[before]
        # ... or on an aside before the verb ("Mayor Kellor, asked if she would run again, said
        # ...", parsed with the name as the aside's subject).
        for aside in verb.children:
            if aside.dep_ == "advcl" and aside.i < verb.i and aside.lemma_.lower() == "ask":
                named = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i and c.pos_ == "PROPN"), None)
                if named is not None:
                    return named
        # ... or right after it, in an inverted attribution between two fragments of a quote
        # ("“A tax cut,” said Marguerite Olesky, a budget analyst, “is not a tax cut”", parsed with
        # the name as the subject of the second fragment).
        after = verb.i + 1
        if after < len(self.doc) and self.doc[after].pos_ == "PROPN":
            mention = self.resolver.mention_at(self.doc[after])
            if mention is not None and mention.start == after and mention.actor.actor_type == "person":
                return self.doc[mention.end - 1]
        return None

    def line_break_between(self, a: Token, b: Token) -> bool:
        """Whether a line break lies between two tokens (a headline never speaks for the next line)."""
        lo, hi = (a, b) if a.i < b.i else (b, a)
        return "\n" in self.text[lo.idx : hi.idx]

    def appositive_name(self, subj: Token) -> Token | None:
        """The person named in apposition to a common-noun subject ("the mayor, Anna Berg,";
        also when the parser hangs the name on the noun's "of" phrase: "the mayor of Bergen,
        Anna Berg,"): the token of that name, or None."""
        if subj.pos_ != "NOUN":
            return None
        own = self.resolver.mention_at(subj)
        if own is not None and own.kind == "name":
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
                if child.dep_ != "appos" or child.i < subj.i or self.line_break_between(subj, child):
                    continue
                mention = self.resolver.mention_at(child)
                if mention is not None and mention.kind == "name" and mention.actor.actor_type == "person":
                    return self.doc[mention.end - 1] if mention.end - 1 >= child.i else child
        return None

    def antecedent(self, subj: Token) -> Token:
        """A relative pronoun subject stands for the noun its clause modifies ("the mayor, who has
        cited ...": the mayor), or for whom that noun describes ("Roe is a senator who has cited
        ...": Roe; ``ActorResolver.relative_antecedent``)."""
        # (also a part of one: "the hauliers, most of whom oppose ...", "two of which": the hauliers)
        relative = subj.tag_ in RELATIVE_TAGS or any(
            p.dep_ == "prep" and p.lower_ == "of" and any(g.tag_ in RELATIVE_TAGS for g in p.children) for p in subj.children
        )
        if relative and subj.head.dep_ == "relcl" and subj.head.head.i != subj.head.i:
            return self.resolver.relative_antecedent(subj.head.head)
        return subj

    def _document_of_participle(self, verb: Token) -> Token | None:
        """"The House approved a resolution, sponsored by Rep. Baca, declaring that ...": a
        participle of saying with no subject of its own, hung by the parser on a verb of
        sponsorship, says what the document that verb takes says (its sponsor speaks, see
        ``sponsor``); None otherwise."""
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        if verb.head.lemma_.lower() not in self.lex.sponsor_verbs:
            return None
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ == "NOUN"
                     and c.lemma_.lower() in self.lex.document_nouns), None)

    def sponsor(self, noun: Token) -> Token | None:
        """The subject that passed, issued or signed a document that speaks ("three county
        commissions have passed resolutions opposing the barrier": the commissions), or None; the
        one named as its author first ("the House approved a resolution, sponsored by Rep. Baca,
        declaring ...": Baca, whose words it is)."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.document_nouns or noun.dep_ != "dobj":
            return None
        author = next((a for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in self.lex.sponsor_verbs
                       for a in agent_objects(c)), None)
        if author is not None and self.resolver.actors_of(author):
            return author
        if noun.head.lemma_.lower() not in self.lex.sponsor_verbs:
            return None  # ("the council received a petition demanding ...": the petition's)
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)

    def whole_of_part(self, subj: Token) -> Token:
        """A number or quantifier of a plural stands for it ("four of the six coastal states
        boycotted ...": the states)."""
        if subj.pos_ == "NUM" or subj.lower_ in self.lex.quantifiers:
            for prep in subj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    whole = next((g for g in prep.children if g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")), None)
                    if whole is not None:
                        return whole
        return subj

    def named_place(self, subj: Token) -> Token:
        """A place named by its kind and then its name stands for the name ("the city of Lorca
        wants ...": Lorca; ``place_nouns``)."""
        if subj.pos_ == "NOUN" and subj.lemma_.lower() in self.lex.place_nouns:
            for prep in subj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    name = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                    if name is not None:
                        return name
        return subj

    def can_speak(self, subj: Token, prefer: Mention | None, any_noun: bool = False, people_only: bool = False) -> bool:
        """Whether a subject can hold what a wider cue attributes ("showed", "cited", "told X
        to"): a known actor, a personal pronoun, a name, or a noun for people or sources
        ("officials", "the survey"); not "the attempt" or "the document". With ``any_noun``
        (a verb that itself wants a holder: "fear that", "plan to", "call for"), any noun does
        ("investigators suspect that", "hotel owners hope", "the Supreme Court ruled that"): a
        name, an entity the tagger found, or a plural noun; not a singular thing ("the attempt",
        "the war"). With ``people_only`` too (a will or a demand: "plan to", "urged X to"), a
        plural noun must name people ("hotel owners", "economists"; not "fuel prices threaten to",
        "the talks aim to", "the engines refused to")."""
        if any_noun and subj.lower_ not in IMPERSONAL_WORDS and (
            subj.pos_ == "PROPN"
            or (subj.pos_ == "NOUN" and (
                subj.ent_type_ in ("ORG", "NORP", "PERSON", "GPE")
                or subj.tag_ == "NNS" and (not people_only or self.names_people(subj))
            ))
        ):
            return True
        if subj.pos_ == "PRON":
            return subj.lower_ not in THING_PRONOUNS or bool(self.resolver.actors_of(subj, prefer))
        if subj.pos_ == "PROPN" or self.resolver.actors_of(subj, prefer):
            return True
        word = subj.lower_
        return (
            word in self.lex.source_nouns
            or subj.lemma_.lower() in self.lex.source_nouns
            or word in self.resolver.kb.roles
            or self._listed_people(subj)
        )
