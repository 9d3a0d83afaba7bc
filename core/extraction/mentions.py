"""Finding actor mentions in a parsed article and resolving them to canonical actors.

A mention is a span of the text that stands for an actor: a name ("French President Emmanuel
Macron"), a metonym ("the Kremlin", "Kyiv"), a government phrase ("Giorgia Meloni's Italian
government"), a group ("many of the EU countries"), a title ("the Russian president") or a pronoun
("He added that ..."). Countries come from the mention itself before the gazetteer.

People and groups the gazetteer does not know are learnt from the text: a title and a country before
a name ("Ghanaian Finance Minister Ato Forson"; later "Forson", or "Wang" after "Wang Wentao"), an
organization apposition ("Global Witness, an anti-corruption campaign group,"). Nothing reaches
across a line break: a headline run into the first paragraph lends it no country, role or name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from core.extraction.tokens import negated, of_objects, require_lexicon
from core.extraction.words import (
    BEING_COPULAS,
    BODY_PRONOUNS,
    LOCATIVE_PREPOSITIONS,
    NAME_SUFFIXES,
    PERSON_PRONOUNS,
    PHRASE_BREAKS,
    PLURAL_PRONOUNS,
    SOURCE_HEADS,
    SOURCE_PREPOSITIONS,
)
from core.knowledge.gazetteer import Actor, Knowledge
from core.knowledge.titles import load_titles

# The kinds of mention: how the text names the actor. A pronoun is never a mention of its own: it is
# resolved when a rule asks (``ActorResolver.resolve_pronoun``) and stands for its antecedent's
# mention. "speaker" is not found in the text by this module: the attribution and stance rules
# make it for the speaker of a statement, at the statement's speaker span (character offsets only;
# its token indices are -1).
# Entity types whose words are capitalised in any sentence: they tell nothing of a title-case line.
NAME_TYPES = frozenset({"PERSON", "GPE", "LOC", "NORP"})
# Labels the small NER model sometimes gives a person's name ("..." Ana Quispe Rojas, the union's
# leader, said): read as a person only beside a role or as the subject of a verb of saying.
MISREAD_NAME_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
# Entity labels that say the NER read a word as something of its own (a person, a place, a body, a
# date, an amount): a word so tagged is not taken into a name after a role.
OWN_NAME_TYPES = frozenset({"PERSON", "GPE", "LOC", "ORG", "FAC", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
# Prepositions after which a lone unknown name is no person, whatever the NER says ("in Vasby": no
# mention at all, so that "he" is not the town).
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "into", "through"})
# How far after a name a party label ("(D-Vt.)") is looked for; the labels are short.
LABEL_CHARS = 24

MentionKind = Literal["name", "metonym", "government", "group", "title", "speaker"]
# An article's home country (ActorResolver.home_country): the country of this share of the mentions
# that have one, and of this many at least. A clear majority, chosen before it was measured.
HOME_COUNTRY_SHARE = 0.6
HOME_COUNTRY_MIN_MENTIONS = 3


@dataclass(frozen=True)
class Mention:
    actor: Actor
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    kind: MentionKind

    @classmethod
    def of_speaker(cls, actor: Actor, span: tuple[int, int] | None, text: str) -> Mention:
        """The mention of a statement's speaker, at the statement's speaker span (or nowhere)."""
        start_char, end_char = span or (0, 0)
        return cls(actor, -1, -1, start_char, end_char, text, "speaker")


def _surname_of(name: str) -> str:
    """The last word of a person's name that is no suffix ("Robert Hale Jr." -> "Hale")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        words.pop()
    return words[-1].rstrip(",") if words else name


def _transliterated(word: str) -> str:
    """A surname folded over the spellings transliteration gives it: lower case, "y" as "i" and
    "ii" once ("Zheleznyak" and "Zhelezniak", "Zelenskyy" and "Zelensky", "Svyrydenko" and
    "Svyridenko"). Other letters stay: "Bennett" and "Bennet", "Johnson" and "Johnston" are other
    names."""
    return re.sub(r"i{2,}", "i", word.lower().replace("y", "i"))


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun of letters only: a word of a person's name after a role."""
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper()


def _clean_name(text: str) -> str:
    """A name as the gazetteer knows it: without a possessive ending or a leading "the"."""
    text = text.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


class ActorResolver:
    """Mentions of one document, and resolution of any token (subject, agent, ...) to actors."""

    def __init__(self, doc: Doc, kb: Knowledge):
        self.doc = doc
        self.text = doc.text  # (Doc.text joins every token each time it is read)
        self.kb = kb
        self.lex = require_lexicon(kb)
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}
        self._in_org_name: set[int] = set()  # the first token of a country named inside a body's name
        self._surname: dict[str, Actor] = {}  # surname -> person first introduced in full
        # first word -> the one person introduced in full with it ("Ban Ki-moon", "Lou Jiwei": a
        # family name first); None when two people share it
        self._first_word: dict[str, Actor | None] = {}
        # a name with a nickname in quotation marks (its token span) -> its name and nickname form
        self._nicknamed: dict[tuple[int, int], tuple[str, str]] = {}
        self._named_orgs: dict[str, Actor] = {}  # name -> organization introduced by an apposition
        self._home: str | None = None  # the article's home country, once measured (home_country)
        # The line of each token: a headline run into the first paragraph is parsed as one phrase
        # with it, but no mention, country or role reaches across a line break.
        self._line: list[int] = []
        self._title_lines: set[int] = set()  # the title-case headline lines (_find_mentions)
        # "the leaders of Chile and Peru": the noun's index -> the indexes of the countries after
        # the first, each a government mention of its own (actors_of follows them)
        self._of_countries: dict[int, list[int]] = {}
        line = 0
        for tok in doc:
            self._line.append(line)
            line += tok.text_with_ws.count("\n")  # the line numbers of the text's own lines
        self._find_mentions()

    def text_of(self, doc: Doc) -> str:
        """The text of ``doc``: this resolver's copy when it is its Doc (Doc.text joins every token
        each time it is read, and the components after the mentions all need it)."""
        return self.text if doc is self.doc else doc.text

    # ----------------------------------------------------------------- mention finding
    def _same_line(self, tokens, anchor: int) -> list[Token]:
        """The tokens on the line of token ``anchor``, line-break tokens themselves left out."""
        line = self._line[anchor]
        return [t for t in tokens if self._line[t.i] == line and not (t.is_space and "\n" in t.text)]

    def _add(self, actor: Actor, start: int, end: int, kind: MentionKind) -> Mention:
        """Record a mention of ``actor`` over tokens ``start:end`` (trailing possessive and
        punctuation trimmed); each token keeps the first mention that covers it."""
        # (a line break the parser left inside a phrase is no part of a name: "voted no.\n\nDemocrats
        # backed it" must not make an actor "\n\nDemocrats")
        while end - 1 > start and self.doc[start].is_space:
            start += 1
        span = self.doc[start:end]
        # Trim a trailing possessive so the highlighted text is the name itself.
        while end - 1 > start and self.doc[end - 1].tag_ == "POS" or (end - 1 > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space)):
            end -= 1
            span = self.doc[start:end]
        if actor.name != " ".join(actor.name.split()):
            actor = replace(actor, name=" ".join(actor.name.split()))
        mention = Mention(actor, start, end, span.start_char, span.end_char, span.text, kind)
        self.mentions.append(mention)
        for i in range(start, end):
            self._by_token.setdefault(i, mention)
        return mention

    def _context_country_and_role(self, ent: Span) -> tuple[str, str]:
        """Country and role from the words before a name in its noun phrase, or its apposition:
        "Russia's deputy foreign minister Alexander Grushko", "Dmitry Peskov, the Kremlin spokesman"."""
        country, role_words = "", []
        before = self._same_line([t for t in ent.root.subtree if t.i < ent.start], ent.start)
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.i < ent.start and head.lower_ in self.kb.roles and not before:
            # "Ruto's special envoy Amina Mohamed" parsed as an apposition to "envoy".
            before = self._same_line([t for t in head.subtree if t.i <= head.i], ent.start)
        # Only the words bound to this name: "a meeting between Trump and Ukrainian President
        # Volodymyr Zelenskyy" (misparsed as one phrase) must not lend Trump's country to Zelenskyy.
        cut = [t.i for t in before if t.dep_ in ("cc", "prep") or t.lower_ in PHRASE_BREAKS]
        if cut:
            before = [t for t in before if t.i > max(cut)]
        # "US President Donald Trump's special envoy Steve Witkoff": the owner's own title words
        # are not the envoy's role (the owner still lends a country, below).
        owned = {t.i for p in before if p.dep_ == "poss" and p.ent_type_ == "PERSON" for t in p.subtree if t.i != p.i}
        before = [t for t in before if t.i not in owned]
        appos = [c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end - 1]
        body_country = ""
        for tokens in (before, self._same_line([t for a in appos for t in a.subtree], ent.start)):
            # "White House adviser Brian Deese", "Ban Ki-moon, the U.N. secretary general": a seat
            # of government or a body the knowledge names as the title's own (before it, or after
            # its "of"), of several words or one, is no part of the role, and gives its country
            # (an international body is its own, as the coding guide has it) when no word names
            # one ("Norway's UN ambassador" is Norway's; "Chile's ambassador to the EU" is no EU title)
            found, named_body = self._title_body(tokens)
            body_country = body_country or found
            tokens = [t for t in tokens if t.i not in named_body]
            for tok in tokens:
                if tok.dep_ in ("det", "case", "punct", "cc", "prep") or tok.tag_ == "POS":
                    continue
                found = "" if tok.ent_type_ == "PERSON" else self.kb.country_of(tok.text) or self._province_country(tok)
                if found and not country:
                    country = found
                    continue
                if not country and tok.ent_type_ != "PERSON":
                    # "Democratic presidential candidate Jane Roe": the party's country (and the
                    # word stays in the role: "Labour leader")
                    country = self.kb.party_word_country(tok)
                if tok.ent_type_ == "PERSON":
                    person = self._person_for(tok.text)
                    if person and person.country and not country:
                        country = person.country  # "Trump's special envoy" -> United States
                    continue
                # "Foreign Minister": a capitalised word the tagger calls a proper noun names the office
                office = (tok.pos_ == "PROPN" and tok.ent_type_ not in NAME_TYPES and tok.dep_ == "compound"
                          and tok.head.lower_ in self.kb.roles and not self.kb.organization(tok.text))
                if tok.is_alpha and (tok.lower_ in self.kb.roles or tok.pos_ in ("ADJ", "NOUN") or office):
                    role_words.append(tok.text)
            if role_words:
                break
        country = country or body_country
        if not country:
            # "Rep. Jane Roe (D-Vt.) said": a party label right after the name.
            country = self.kb.label_country(self.text[ent.end_char : ent.end_char + LABEL_CHARS])
        if not country:
            # "Sen. Jane Roe of Ohio", "Gov. Ana Lima of Texas": the state's or province's country
            country = next((c for prep in ent.root.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
                            for obj in prep.children if obj.dep_ == "pobj" and (c := self._province_country(obj))), "")
        if not country:
            # "the two leading Republicans, John Doe and Senator Jane Roe": the noun the names are
            # set beside (through any "and") names the party.
            named = ent.root
            while named.dep_ == "conj" and named.head.i < named.i:
                named = named.head
            if named.dep_ == "appos" and named.head.i < named.i and self._line[named.head.i] == self._line[named.i]:
                words = [named.head, *(c for c in named.head.children if c.dep_ in ("amod", "compound"))]
                country = next((c for w in words if (c := self.kb.party_word_country(w))), "")
        role = " ".join(role_words)
        if role and not any(w.lower() in self.kb.roles for w in role_words):
            role = ""
        if role and not country:
            # "The finance minister, Lou Jiwei," after "The Chinese finance minister said ...".
            title = next((t for t in reversed(before) if t.lower_ in self.kb.roles), None)
            if title is not None and any(c.lower_ == "the" for c in title.children):
                country = self._earlier_title_country(title)
        return country, role[:1].upper() + role[1:]

    def _question_auxiliary(self, ent: Span) -> bool:
        """Whether an entity's first word is the auxiliary that opens a question ("Will Ukraine
        mobilise troops?", "## Can Kenya win?"): tagged so, first in its sentence (marks aside),
        and the sentence ends in a question mark."""
        first = self.doc[ent.start]
        if len(ent) < 2 or not (first.tag_ == "MD" or first.dep_ in ("aux", "auxpass")):
            return False
        sent = first.sent
        if any(t.is_alpha for t in self.doc[sent.start : first.i]):
            return False
        return sent.text.rstrip().rstrip("\"'”’»").endswith("?")

    def _title_follows(self, word: Token) -> bool:
        """Whether a title follows a word, right after it or after a few words naming its field
        ("White House adviser", "the White House climate change adviser")."""
        for k in range(word.i + 1, min(word.i + 5, len(self.doc))):
            tok = self.doc[k]
            if tok.lower_ in self.kb.roles:
                return True
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.ent_type_ == "PERSON":
                return False
        return False

    def _after_title_of(self, word: Token) -> bool:
        """Whether a word starts the body of an "of" after a title ("the secretary general of the
        United Nations"; not "a critic of the IMF")."""
        k = word.i - 1
        while k >= 0 and self.doc[k].dep_ == "det":
            k -= 1
        return k >= 0 and self.doc[k].lower_ == "of" and self.doc[k].head.lower_ in self.kb.roles

    def _title_body(self, words_around: list[Token]) -> tuple[str, set[int]]:
        """The country of a metonym or known organization of a title among the words around a
        name, before it or after its "of" (the longest first, of up to three words in a row), and
        those words' indices; ("", set()) when none. A single word that names a country or a capital
        ("Kremlin", "Brussels") is left to the word-by-word reading."""
        for size in (3, 2, 1):
            for k in range(len(words_around) - size + 1):
                words = words_around[k : k + size]
                if words[-1].i - words[0].i != size - 1 or any(w.tag_ == "POS" or w.dep_ in ("det", "punct") for w in words):
                    continue
                if not (self._title_follows(words[-1]) or self._after_title_of(words[0])):
                    continue  # only the title's own: not "ambassador to the EU", "a critic of the IMF"
                text = self.doc[words[0].i : words[-1].i + 1].text
                if size == 1 and self.kb.country_of(text):
                    continue  # ("Brussels Mayor": a capital's word is read word by word, as a place)
                org = self.kb.organization(text)
                country = org.country if org is not None else self.kb.country_of(text) if size > 1 else ""
                if country:
                    return country, {w.i for w in words}
        return "", set()

    def _province_country(self, tok: Token) -> str:
        """The country of the state or province a word names, with the rest of its name: the
        place the NER tags around it ("Texas", "New York"), or, untagged, two or more capitalised
        words around it ("New South Wales Premier ..."). One untagged word names none ("Coast",
        "Delta" are provinces too)."""
        if tok.ent_type_ in ("GPE", "LOC"):
            place = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            return self.kb.province_country(place.text if place is not None else tok.text)
        def capitalised(t: Token) -> bool:
            return t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and not t.ent_type_ and self._line[t.i] == self._line[tok.i]
        if not capitalised(tok):
            return ""
        first = last = tok.i
        while first > 0 and capitalised(self.doc[first - 1]):
            first -= 1
        while last + 1 < len(self.doc) and capitalised(self.doc[last + 1]):
            last += 1
        spans = sorted(((a, b) for a in range(first, tok.i + 1) for b in range(tok.i, last + 1) if b > a), key=lambda ab: ab[0] - ab[1])
        return next((c for a, b in spans if (c := self.kb.province_country(self.doc[a : b + 1].text))), "")

    def _earlier_title_country(self, title: Token) -> str:
        """The country of the same title met shortly before with a country ("the Chinese finance
        minister" for a later "the finance minister"): its other words must match; '' if none."""

        def words(tok: Token) -> tuple[str, set[str]]:
            mods = self._same_line([c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i], tok.i)
            country = self._country_modifier(mods)[0]
            return country, {c.lower_ for c in mods if not self.kb.country_of(c.text) and c.ent_type_ != "PERSON"}

        _, wanted = words(title)
        for tok in reversed(self.doc[max(0, title.i - 400) : title.i]):
            if tok.lower_ == title.lower_:
                country, other = words(tok)
                if country and other == wanted:
                    return country
        return ""

    def _titled_untagged_names(self, title_lines: set[int]) -> list[Span]:
        """Names the NER missed right after a role of the actors file: "Union leader Emeka Obi
        condemned ...", "Mayor Ines Carvalho said ...": two or three capitalised proper nouns, no
        token of them tagged or met as a mention, on a line that is not a title-case headline."""
        found = []
        for tok in self.doc:
            if tok.lower_.rstrip(".") not in self.kb.roles or self._line[tok.i] in title_lines:
                continue
            end = tok.i + 1
            while end < len(self.doc) and end - tok.i <= 3 and _name_word(self.doc[end]) and self._line[end] == self._line[tok.i]:
                end += 1
            words = self.doc[tok.i + 1 : end]  # (at most three: the loop stops there)
            if len(words) < 2:
                continue
            # (a place's name only as the last word: "Minister Sofia Carrion" is a person, "envoy
            # to Kenya" is not a name)
            # (a label the NER gives names it cannot place, "Souza" as a PRODUCT or NORP, does not
            # count against a name after a role; a person, a place or an organization does)
            if any(t.ent_type_ in OWN_NAME_TYPES or t.i in self._by_token or t.lower_ in self.kb.roles for t in words) \
                    or self.kb.country_of(words[-1].text):
                continue
            found.append(words)
        return found

    def _title_case_lines(self) -> set[int]:
        """The lines written in title case ("Top Climate Group Will Run Ads On Clean Energy"): at
        least three words besides people's and places' names, roles and demonyms, and nearly all of
        them capitalised (the NER often tags a whole headline as an organization)."""
        words: dict[int, list[bool]] = {}
        # (an "entity" with a verb in it is a headline's words, not a name: "Historic Climate
        # Change Agreement Adopted" tagged PERSON; so is one of three words or more with a word the
        # lexicon knows as a verb of saying or of taking a side, tagged a proper noun in title case:
        # "Obama Hails Climate Pact", "Slams Tariff Plan")
        unnamed = {t.i for ent in self.doc.ents if any(t.pos_ == "VERB" for t in ent) or self._headline_verb_in(ent) for t in ent}
        for tok in self.doc:
            if not tok.is_alpha or len(tok) < 3 or tok.ent_type_ in NAME_TYPES and tok.i not in unnamed \
                    or tok.lower_ in self.kb.roles or self.kb.country_of(tok.text):
                continue
            if tok.i > 0 and self._line[tok.i - 1] != self._line[tok.i]:
                continue  # a line's first word is capitalised anyway
            words.setdefault(self._line[tok.i], []).append(tok.text[:1].isupper())
        return {line for line, caps in words.items() if len(caps) >= 3 and sum(caps) >= 0.8 * len(caps)}

    def _headline_verb_in(self, ent: Span) -> bool:
        """Whether a person or organization entity of three words or more has a capitalised word
        that is a verb of saying or a stance cue of the lexicon with a headline's "-s" ("Hails",
        "Slams", "Backs"): a headline's words tagged as a name. Not the bare form, which names
        carry ("Mary Hope Langley", "Eleanor Praise Mbeki")."""
        if ent.label_ not in ("PERSON", "ORG") or len(ent) < 3:
            return False
        for tok in ent:
            low = tok.lower_
            if not tok.is_title or len(low) < 4 or not low.endswith("s"):
                continue
            forms = {low[:-1], low[:-2] if low.endswith("es") else low[:-1]}
            if any(self.lex.polarity(form) is not None or form in self.lex.speech for form in forms):
                return True
        return False

    def _headline_only_name(self, ent: Span, title_lines: set[int]) -> bool:
        """Whether an entity of a title-case line is only capitalised words of the headline: not a
        known actor, and its name appears on no other line ("Top Climate Group Will Run Ads")."""
        if self._line[ent.start] not in title_lines:
            return False
        if ent.end < len(self.doc) and self.doc[ent.end].text == ":":
            return False  # a headline's source ("Teachers' Union: Class Sizes Are Growing")
        name = _clean_name(ent.text)
        if not name or self.kb.person(name) or self.kb.organization(name) or self.kb.country_of(name):
            return False
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        lines = self.text.split("\n")  # numbered as the tokens' lines are
        return not any(pattern.search(text) for k, text in enumerate(lines) if k not in title_lines)

    def _organization_apposition(self, head: Token) -> Token | None:
        """The apposition that makes a name an organization ("Global Witness, an anti-corruption
        campaign group,"): its head is an organization noun of the lexicon (with its compound:
        "a think tank"), it follows the name on the same line and no one owns it ("the group's
        economist" is a person). None when there is none."""
        nouns = self.lex.organization_nouns
        for child in head.children:
            if child.dep_ != "appos" or child.i < head.i or self._line[child.i] != self._line[head.i]:
                continue
            compound = " ".join(c.lower_ for c in child.children if c.dep_ == "compound" and c.i == child.i - 1)
            is_org = child.lemma_.lower() in nouns or child.lower_ in nouns or f"{compound} {child.lower_}" in nouns
            if is_org and child.lower_ not in self.kb.roles and not any(c.dep_ == "poss" for c in child.children):
                return child
        return None

    def _person_apposition(self, head: Token) -> bool:
        """Whether a name has an apposition after it, on its line, whose head is a person noun of the
        lexicon ("Marina Roe, a post-doctoral researcher at ..."; roles are left out: firms are
        leaders and advisers too)."""
        if head.lower_ in self.lex.organization_nouns:
            return False  # "... Institute, a researcher's ..." names a body
        return any(
            child.dep_ == "appos" and child.i > head.i and self._line[child.i] == self._line[head.i]
            and child.lemma_.lower() in self.lex.person_nouns
            for child in head.children
        )

    def _add_named_org(self, name: str, start: int, end: int) -> None:
        """An organization the text introduces by name; later mentions of the name are it too."""
        actor = self._named_orgs.setdefault(name, Actor(name, "organization", "", ""))
        self._add(actor, start, end, "name")

    def _person_for(self, name: str) -> Actor | None:
        """The person a name stands for: in the gazetteer, or met earlier in the text in full
        (a later surname-only mention)."""
        name = _clean_name(name)
        known = self.kb.person(name)
        if known:
            return known
        if name in self._surname:
            return self._surname[name]
        last = name.split()[-1] if name.split() else name
        found = self._surname.get(last) or self.kb.person(last)
        words = name.split()
        given = {w.replace(".", "").lower() for w in found.name.split()[:-1]} if found is not None else set()
        # (a role or a title before the surname is no first name: "Vice President Vance", "Mr. Vance")
        titled = any(w.lower().rstrip(".") in self.kb.roles or w.endswith(".") for w in words[:-1])
        if found is not None and len(words) >= 2 and not titled and words[0].replace(".", "").lower() not in given:
            return None  # "Mara Vance" is not JD Vance: another first name, another person ("Tayyip Erdogan" is Recep Tayyip)
        if found is None and len(name.split()) == 1:
            found = self._first_word.get(name) or self._respelled_surname(name)  # "Ban said" after "Ban Ki-moon"
        return found

    def _respelled_surname(self, word: str) -> Actor | None:
        """The one person met in full whose surname ``word`` spells otherwise only by
        transliteration ("Zhelezniak" after "Yaroslav Zheleznyak", "Zelenskyy"): y for i
        (``_transliterated``); None for none or several, or a word of fewer than seven letters."""
        if len(word) < 7:
            return None  # (short names vary otherwise: "Smith" and "Smyth" are two families)
        key = _transliterated(word)
        same = {a.name: a for s, a in self._surname.items() if " " not in s and s != word and _transliterated(s) == key}
        return next(iter(same.values())) if len(same) == 1 else None

    def _person_mention(self, ent: Span) -> None:
        """A PERSON entity as a person, with the country and role its context gives."""
        name, nick_form = self._nicknamed.get((ent.start, ent.end), (_clean_name(ent.text), ""))
        if not name or not any(c.isalpha() for c in name):
            return
        if name in self._named_orgs or (not self.kb.person(name) and self._organization_apposition(ent.root)):
            self._add_named_org(name, ent.start, ent.end)  # "Global Witness, the campaign group,"
            return
        base = self._person_for(name)
        country, role = self._context_country_and_role(ent)
        if base is None:
            base = Actor(name, "person", "", "")
            # Later surname-only mentions ("Grushko") point back to the full name.
            if len(name.split()) > 1:
                self._surname.setdefault(name.split()[-1], base)
                self._surname.setdefault(name, base)
            if nick_form:
                self._surname.setdefault(nick_form, base)  # ("Bobby Scott" later: the same person)
        actor = Actor(base.name, "person", country or base.country, role or base.role)
        words = base.name.split()
        if len(words) > 1 and words[0][:1].isupper() and words[0].isalpha() and words[0].lower() not in self.kb.roles:
            known = self._first_word.get(words[0], actor)
            self._first_word[words[0]] = actor if known is not None and known.name == actor.name else None
        if country or role:
            # Remember what the text taught us about this person for later, shorter mentions.
            self._surname[base.name] = actor
            last = base.name.split()[-1]
            if self._surname.get(last) in (None, base):  # the bare entry made just above
                self._surname[last] = actor
        elif base.name in self._surname:
            actor = self._surname[base.name]
        self._add(actor, ent.start, ent.end, "name")

    def _is_locative(self, tok: Token) -> bool:
        """Whether a place name is the object of a locative preposition attached to a verb or
        noun ("travelled to Moscow"), not a source ("according to Moscow")."""
        head = tok.head
        return (
            tok.dep_ == "pobj"
            and head.lower_ in LOCATIVE_PREPOSITIONS
            and head.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN")
            and head.head.lemma_.lower() != "accord"  # "according to Moscow" is a source
        )

    def _place_mention(self, ent: Span) -> None:
        """A country name, code or capital as that country's government, unless it is only a place
        ("travelled to Moscow") or a demonym."""
        text = _clean_name(ent.text)
        country = self.kb.country_of(text)
        if not country and (self._person_for(text) is not None or self._after_role(ent)):
            # "Petrova, a vocal opponent, said": a surname met before, tagged as a place;
            # "Governor Amara Okafor vowed": a name after a person's role, tagged as the place governed
            self._person_mention(ent)
            return
        if not country or text.lower() in self.kb.demonyms:
            return  # "Ukrainian territory": a demonym modifies, it does not act
        # The country's own name or a code ("US") always acts; a capital may be just a place.
        is_country_name = text.lower() == country.lower() or len(text) <= 4
        if not is_country_name and self._is_locative(ent.root):
            return  # "travelled to Moscow": a place, not the government
        self._add(Actor(country, "government", country, ""), ent.start, ent.end, "metonym" if not is_country_name else "name")

    def _after_role(self, ent: Span) -> bool:
        """Whether ``ent`` is two or three name words right after a role of the actors file on the
        same line, or set beside one ("Governor Amara Okafor", "the governor, Amara Okafor,"): a
        person, whatever the NER's label."""
        if not 2 <= len(ent) <= 3 or ent.start == 0 or not all(_name_word(t) for t in ent):
            return False
        before, root = self.doc[ent.start - 1], ent.root
        # (the role before must be the name's own title, "Governor Amara Okafor", not a word of
        # another noun, "the chief Northern Ireland negotiator"; the role beside must have no "of"
        # whose object the apposition may name, "the premier of the province, British Columbia,")
        own = before if before.head.i in range(ent.start, ent.end) else None
        beside = root.head if root.dep_ == "appos" and root.head.i < ent.start \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.head.children) else None
        return any(role is not None and role.pos_ in ("NOUN", "PROPN")
                   and (role.lower_.rstrip(".") in self.kb.roles or role.lemma_.lower() in self.kb.roles)
                   and self._line[role.i] == self._line[ent.start] for role in (own, beside))

    def _org_mention(self, ent: Span) -> None:
        """An ORG entity as a known organization, a government seat ("the Kremlin"), a person the
        NER mislabelled, or an unknown organization that acts (a subject or a source)."""
        text = _clean_name(ent.text)
        person = self.kb.person(text) or self._surname.get(text) or (self._first_word.get(text) if " " not in text else None)
        if person:  # the NER sometimes tags "Trump’s" (or a surname met before in full) as an ORG
            self._person_mention(ent)
            return
        org = self.kb.organization(text)
        if org:
            self._add(org, ent.start, ent.end, "name")
            return
        titled = self._titled_name(ent)
        if titled is not None and self._person_for(titled.text) is not None:
            # "Representative Holt" tagged ORG, Holt met before: that person ("General Motors",
            # "Cardinal Health Inc", with no such person met before, stay companies)
            self._person_mention(titled)
            return
        country = self.kb.country_of(text)
        if country:  # "the Kremlin", "the White House"
            self._add(Actor(country, "government", country, ""), ent.start, ent.end, "metonym")
            return
        root = ent.root
        ministry = self._state_body_country(ent)
        if ministry:
            # "Kenya's Ministry of Mining", "Chile's Environment Ministry": a body of the state,
            # named as the country (the coding guide's name for its government)
            self._add(Actor(ministry, "government", ministry, ""), ent.start, ent.end, "government")
            return
        if self._person_apposition(root) and text not in self._named_orgs:
            # "Marina Roe, a researcher at King's College, said": a person the NER took for an org
            self._person_mention(ent)
            return
        if text in self._named_orgs or self._organization_apposition(root):
            self._add_named_org(text, ent.start, ent.end)
            return
        head = root.head
        if root.dep_ == "compound" and head.i == ent.end and head.lemma_.lower() in self.lex.organization_nouns \
                and head.dep_ in ("nsubj", "nsubjpass"):
            # "the Teamsters union endorsed ...": the name with the word that says what it is
            self._add(Actor(text, "organization", "", ""), ent.start, head.i + 1, "name")
            return
        if (
            root.dep_ in ("nsubj", "nsubjpass")
            or (root.dep_ == "pobj" and root.head.lower_ in SOURCE_PREPOSITIONS and root.head.head.lower_ in SOURCE_HEADS)
            or (root.dep_ == "pobj" and root.head.dep_ == "agent")  # "was opposed by the Aircrew Union"
            or root.dep_ == "poss"  # "Hamas's demand for ...": an owner of a demand or a plan
            or self._organization_name(ent)
        ):
            self._add(Actor(text, "organization", "", ""), ent.start, ent.end, "name")

    def _state_body_country(self, ent: Span) -> str:
        """The country of an ORG name whose head word is a body of the state (the lexicon's
        ``state_nouns`` and ``government_nouns``: "Ministry of Mining", "Environment Ministry"),
        given by a country word in the name or by its owner ("Kenya's"); '' otherwise."""
        lex = self.lex
        head = ent.root
        if head.lemma_.lower() not in lex.state_nouns | lex.government_nouns and head.lower_ not in lex.state_nouns | lex.government_nouns:
            return ""
        # (the owner, then the words of the name before its head)
        words = [c for c in head.children if c.dep_ == "poss"] + [t for t in ent if t.i < head.i]
        for tok in words:
            country = self.kb.country_of(tok.text)
            if country and not self.kb.organization(tok.text):
                return country
        return ""

    def _organization_name(self, ent: Span) -> bool:
        """Whether a name says itself that it is an organization, wherever it stands: its head
        word is one of the lexicon's ``organization_nouns`` ("the Volta Fishermen's Council",
        "the Federation of Aviation Workers", "the Progress Party")."""
        head = ent.root
        return head.pos_ == "PROPN" and head.text[:1].isupper() and head.lower_ in self.lex.organization_nouns

    def _titled_name(self, ent: Span) -> Span | None:
        """The name after a role of the actors file at the start of an entity ("Representative
        Holt", "Sen. Ruiz", "Prime Minister Kaja Vold"), when the rest is one or more capitalised
        names; None otherwise."""
        # (the role may come with capitalised words before it: "Ecuadorian Economy Minister Sofia
        # Carrion", "Deputy Health Minister Ana Ruiz"; the longest such title wins)
        for k in range(len(ent) - 1, 0, -1):
            rest = ent[k:]
            words = [t.lower_.rstrip(".") for t in ent[:k]]
            ends_in_role = any(" ".join(words[j:]) in self.kb.roles for j in range(max(0, k - 3), k))
            title_words = all(t.text[:1].isupper() and t.text.replace("-", "").replace(".", "").isalpha() for t in ent[:k])
            if ends_in_role and title_words and all(_name_word(t) for t in rest):
                return rest
        return None

    def _misread_person(self, ent: Span) -> bool:
        """A person's name the NER gave another label ("Ana Quispe Rojas" as a WORK_OF_ART after a
        quotation): two to four capitalised words, no country or known body, set beside a role or
        a noun for a person ("..., the union's secretary-general,") or the subject of a verb of
        saying."""
        if not 2 <= len(ent) <= 4 or not all(_name_word(t) for t in ent) or self.kb.country_of(ent.text) \
                or self.kb.organization(_clean_name(ent.text)) or ent.root.lower_ in self.lex.organization_nouns \
                or ent[-1].lower_ in self.lex.document_nouns | self.lex.rule_nouns | self.lex.document_name_words:
            return False
        root = ent.root
        beside = any(c.dep_ == "appos" and c.i > root.i and self._line[c.i] == self._line[root.i]
                     and (c.lower_ in self.kb.roles or c.lemma_.lower() in self.kb.roles) for c in root.children)
        speaking = root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.lemma_.lower() in self.lex.speech
        return beside or speaking or self._person_apposition(root)

    def _with_country_of(self, ent: Span) -> Span:
        """A body of the state's name with the country after it that the NER left out: "the Central
        Reserve Bank" + "of Peru" is the Central Reserve Bank of Peru; not a body the knowledge
        knows ("a review by the IMF of Kenya's budget"), nor a country that owns what follows."""
        end = ent.end
        if end + 1 >= len(self.doc) or self.doc[end].lower_ != "of" or ent[-1].lower_ not in self.lex.state_body_heads \
                or self.kb.organization(_clean_name(ent.text)):
            return ent
        place = next((e for e in self.doc.ents if e.start == end + 1 and e.label_ == "GPE"), None)
        if place is None or not self.kb.country_of(place.text) or self._line[place.end - 1] != self._line[ent.start] \
                or place.end < len(self.doc) and self.doc[place.end].tag_ == "POS":
            return ent
        return Span(self.doc, ent.start, place.end, label=ent.label_)

    def _country_of_state_body(self, name: Span) -> str:
        """The country a body of the state is named "of" ("Central Bank of Kenya"): its head word
        before "of" one of the lexicon's ``state_body_heads``; '' otherwise."""
        of = next((t.i for t in reversed(name) if t.lower_ == "of"), None)
        if of is None or of + 1 >= name.end or of == name.start or self.doc[of - 1].lower_ not in self.lex.state_body_heads:
            return ""
        return self.kb.country_of(self.doc[of + 1 : name.end].text)

    def _titled_person_tagged_as_org(self, ent: Span) -> bool:
        """"Councillor Rosa Vidal" tagged as an organization: a person's title of the titles file
        (seeds/titles.yaml) and a first and last name are that person (recorded here); not a role
        that heads bodies too ("Chief Executive Office") nor a name ending in a body's noun. So is
        a name right after a role or set beside one ("the premier, Colm Fitzhardinge,")."""
        if self.kb.organization(_clean_name(ent.text)):
            return False
        if self._after_role(ent) and ent[-1].lower_ not in self.lex.organization_nouns:
            # ("the premier, Colm Fitzhardinge,": a name set beside a role, tagged as a body)
            self._person_mention(Span(self.doc, ent.start, ent.end, label="PERSON"))
            return True
        titled = self._titled_name(ent)
        if titled is None or len(titled) < 2 or titled[-1].lower_ in self.lex.organization_nouns:
            return False
        title = " ".join(t.lower_.rstrip(".") for t in ent[: titled.start - ent.start])
        titles = {t.lower().rstrip(".") for t in load_titles()}
        if title not in titles and title.split()[-1] not in titles:
            return False
        self._person_mention(Span(self.doc, titled.start, titled.end, label="PERSON"))
        return True

    def _name_before_full_name(self) -> None:
        """A bare name met before the person's full name ("Clinton, surprise populist" in a
        headline, "Hillary Clinton" in the text) is that person, as later bare names are."""
        for k, mention in enumerate(self.mentions):
            actor = mention.actor
            if mention.kind != "name" or actor.actor_type != "person" or " " in actor.name or self.kb.person(actor.name):
                continue
            full = self._surname.get(actor.name) or self._first_word.get(actor.name)
            if full is None or full.name == actor.name:
                continue
            self._replace_actor(k, full)

    def _phrase_mentions(self) -> None:
        """Government, group and title phrases that NER does not tag as entities."""
        lex = self.lex
        for tok in self.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self._by_token:
                continue
            if self._untagged_org(tok):
                continue
            short = self._surname.get(tok.text) or self._first_word.get(tok.text) or self._respelled_surname(tok.text) \
                if tok.pos_ == "PROPN" and not tok.ent_type_ else None
            if short is not None:
                self._add(short, tok.i, tok.i + 1, "name")  # a short name the NER missed, of a person met in full
                continue
            if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ in ("nsubj", "nsubjpass", "conj", "pobj", "dobj", "appos"):
                # A country or capital the NER left untagged ("Moscow and Kyiv agreed"): the same
                # rules as a tagged place.
                self._place_mention(self.doc[tok.i : tok.i + 1])
                if tok.i in self._by_token:
                    continue
            mods = self._same_line([c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i], tok.i)
            if self._party_group(tok, mods) or self._cause_group(tok) or self._followers_group(tok, mods) or self._campaign(tok, mods):
                continue
            country, modifier, org = self._country_modifier(mods)
            owner = next((c for c in mods if c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS | BODY_PRONOUNS), None)
            low = tok.lower_
            if owner is not None and not country and not org and (low in lex.own_country_nouns or low in lex.relational_group_nouns):
                self._pronoun_owned_phrase(tok, owner)
                continue
            if low in lex.government_nouns and not country and self._leader_government(tok, mods):
                continue
            if not country and org is None and self._state_people_of(tok):
                continue
            self._country_phrase(tok, country, modifier, org)

    def _party_group(self, tok: Token, mods: list[Token]) -> bool:
        """A party's members, a group of the party's country (the coding guide's "Senate
        Republicans", "House Democrats"): a plural party word of the actors file ("Republicans",
        "Tories", "Liberal Democrats") with the capitalised words before it that belong to the name
        ("Senate", "House", "Texas"), or a noun of the lexicon's ``party_member_nouns`` after a
        party word ("Democratic lawmakers", "Labour MPs"). A country named with it is the group's
        country and stays in its name ("Italian Democrats", "Sweden Democrats", "Japan's Liberal
        Democrats"). None: a singular one, someone nobody named ("a Republican from Ohio"); a party
        word in a longer name ("Republican Guard"); members counted, denied or named ("few
        Democrats", "no Republicans", "the two leading Democrats, A and B", "Republicans like
        Senator A"). Whether a mention was added."""
        if tok.tag_ not in ("NNS", "NNPS") or self._members_named_or_denied(tok):
            return False
        foreign = next(((c, found) for c in mods if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ != "PERSON"
                        and (found := self.kb.country_of(c.text))), None)
        country = self._party_plural_country(tok)
        if country:
            start = tok.i
            if tok.i > 0 and self.kb.party_country(f"{tok.nbor(-1).text} {tok.text}"):
                start -= 1  # "Liberal Democrats"
            while start > 0 and self._group_name_word(self.doc[start - 1], tok):
                start -= 1
            if foreign is not None:
                start, country = min(start, foreign[0].i), foreign[1]
            name = self.doc[start : tok.i + 1].text
            self._add(Actor(name.replace("'s ", " ").replace("’s ", " "), "group", country), start, tok.i + 1, "group")
            return True
        if tok.lower_ not in self.lex.party_member_nouns or foreign is not None:
            return False  # (with a country, "Italian Democratic lawmakers", the country's group: _country_phrase)
        party = next((c for c in mods if c.dep_ in ("amod", "compound") and c.text[:1].isupper() and self.kb.party_word_country(c)), None)
        if party is None or any(c.i < party.i and c.dep_ == "poss" for c in mods):
            return False
        self._add(Actor(self.doc[party.i : tok.i + 1].text, "group", self.kb.party_word_country(party)), party.i, tok.i + 1, "group")
        return True

    def _party_plural_country(self, tok: Token) -> str:
        """The country of a plural party word ("Republicans", "Liberal Democrats"), '' when it is
        none or begins or ends another name: a word of the actors file's ``party_name_starts``
        before it ("Social Democrats", "Christian Democrats"), a capitalised word after it that
        is no member noun ("Republicans Overseas"). Unlike ``party_word_country`` for a word in a
        title, the capitalised words of a group's name before it are allowed anywhere in the
        sentence ("blocked by Senate Republicans", "said House Democrats")."""
        if not tok.text[:1].isupper() or not (country := self.kb.party_country(tok.text)):
            return ""
        previous = tok.nbor(-1) if tok.i > 0 else None
        if previous is not None:
            two_words = self.kb.party_country(f"{previous.text} {tok.text}")
            if two_words:
                return two_words
            if previous.lower_ in self.kb.party_name_starts:
                return ""
        following = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
        if following is not None and following.text[:1].isupper() and following.is_alpha \
                and following.lower_ not in self.lex.party_member_nouns and following.ent_type_ != "PERSON":
            return ""
        return country

    def _members_named_or_denied(self, tok: Token) -> bool:
        """Whether a plural noun's members are counted ("two Republicans"), denied ("few
        Democrats", "no Republicans", "hardly any Tories": the lexicon's ``denying_quantifiers``)
        or named ("the two leading Democrats, A and B", "Republicans like Senator A", "Democrats
        such as A"): then the group is not the holder."""
        if self.members_denied(tok) or any(c.dep_ == "nummod" and c.i < tok.i for c in tok.children):
            return True
        if any(c.dep_ == "appos" for c in tok.children):
            return True
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("like", "including", "as")):
            if any(t.ent_type_ == "PERSON" for t in prep.subtree):
                return True
        return False

    def members_body(self, subj: Token) -> Mention | None:
        """The organization whose members an unnamed plural speaks or acts as: a noun of the lexicon's
        ``party_member_nouns`` with the body after "of" or "from" ("Members of the Progressive
        Labour Party voted against it", "lawmakers from the Conservative Party"): the coding
        guide codes the party. None when the members are counted, denied or a part ("two members
        of", "few lawmakers from", "some members of", "conservative members of"), or the body is no
        organization."""
        if subj.pos_ != "NOUN" or subj.tag_ not in ("NNS", "NNPS") or subj.lower_ not in self.lex.party_member_nouns \
                or any(c.dep_ == "nummod" for c in subj.children) or self.members_denied(subj):
            return None
        if any(c.dep_ in ("det", "amod", "predet", "compound", "nmod") and c.lower_ not in ("the", "all") for c in subj.children if c.i < subj.i) \
                or any(c.dep_ in ("relcl", "acl") for c in subj.children):
            return None  # ("some members of", "backbench members of", "members ... who defected": a part of the body)
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    # (not a legislature, whose members are many sides: "Members of Congress criticised it")
                    found = [m for m in self.actors_of(obj) if m.actor.actor_type == "organization"
                             and m.actor.name.split()[-1].lower() not in self.lex.legislature_words]
                    if found:
                        return found[0]
        return None

    def members_denied(self, tok: Token) -> bool:
        """Whether a word before a noun, or one under it, denies its members: the lexicon's
        ``denying_quantifiers`` ("few Democrats", "no Republicans", "hardly any Tories")."""
        denying = self.lex.denying_quantifiers
        return any(c.lower_ in denying or any(g.lower_ in denying for g in c.children) for c in tok.children if c.i < tok.i)

    def _group_name_word(self, word: Token, head: Token) -> bool:
        """Whether a word just before a plural party word belongs to the group's name: a
        capitalised compound of it that names no person and counts nothing ("Senate
        Republicans", "House Democrats", "Texas Republicans"; not "Most Republicans")."""
        return (word.dep_ == "compound" and word.head.i == head.i and word.text[:1].isupper() and word.is_alpha
                and word.ent_type_ != "PERSON" and word.lower_ not in self.lex.quantifiers
                and word.lower_ not in self.lex.no_cause_words and self._line[word.i] == self._line[head.i])

    def _cause_group(self, tok: Token) -> bool:
        """A collective named by its cause or kind, a group of the coding guide ("gun-control
        advocates", "environmental groups", "immigrant rights activists"): a plural noun of the
        lexicon's ``cause_group_nouns`` with words before it that say which, none of them a
        determiner, a number, a possessor or a word of ``no_cause_words`` ("other groups",
        "several activists", "Greenpeace's activists"). Its country is the one a word names
        ("Kenyan activists"), else none. Whether a mention was added."""
        lex = self.lex
        if tok.tag_ not in ("NNS", "NNPS") or tok.lower_ not in lex.cause_group_nouns:
            return False
        before = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound", "npadvmod", "nmod")]
        if not before or any(c.dep_ in ("poss", "nummod") for c in tok.children if c.i < tok.i):
            return False
        start = min(c.left_edge.i for c in before)
        words = self.doc[start : tok.i]
        # ("UK business groups", "US gun-control advocates": the country's mention becomes the group's
        # country; any other mention among the words, a person's or a body's, makes it theirs)
        places = {m for w in words if (m := self._by_token.get(w.i)) is not None}
        if any(m.actor.actor_type != "government" or m.actor.name != m.actor.country for m in places):
            return False
        if any(w.lower_ in lex.no_cause_words or w.lower_ in lex.quantifiers or w.like_num or w.pos_ in ("DET", "PRON")
               or w.ent_type_ in ("PERSON", "ORG") and w.i not in self._by_token for w in words) or self._line[start] != self._line[tok.i]:
            return False
        country = next((m.actor.country for m in places), "") or next((c for w in words if w.is_alpha and (c := self.kb.country_of(w.text))), "")
        if places:
            self.mentions = [m for m in self.mentions if m not in places]
            self._by_token = {i: m for i, m in self._by_token.items() if m not in places}
        name = self.doc[start : tok.i + 1].text
        first = words[0].text
        if words[0].is_sent_start and not words[0].ent_type_ and not country and first[1:].islower() \
                and not any(w.text[:1].isupper() for w in words[1:]):
            name = name[:1].lower() + name[1:]  # ("Environmental groups said": the capital is the sentence's; not "NGO groups")
        self._add(Actor(name, "group", country), start, tok.i + 1, "group")
        return True

    def _followers_group(self, tok: Token, mods: list[Token]) -> bool:
        """A person's followers, a group of others ("Trump supporters", "Kemal Aydin's backers": the
        coding guide's named collective), not the person: a plural noun of the lexicon's
        ``relational_group_nouns`` after a person's name or possessive. Named by the name and the
        noun, with no country (its members' is not said). Whether a mention was added."""
        if tok.tag_ not in ("NNS", "NNPS") or tok.lower_ not in self.lex.relational_group_nouns:
            return False
        person = next((c for c in mods if c.dep_ in ("compound", "poss") and c.ent_type_ == "PERSON"), None)
        if person is None:
            return False
        start = min(t.i for t in self.doc[person.left_edge.i : person.i + 1] if t.ent_type_ == "PERSON")
        # ("Pim Okafor's backers": named as "Pim Okafor backers", the owner's name and the noun)
        self._add(Actor(f"{self.doc[start : person.i + 1].text} {tok.text}", "group", ""), start, tok.i + 1, "group")
        return True

    def _campaign_noun(self, tok: Token) -> bool:
        """A noun for a candidate's campaign as a body (lexicon ``campaign_nouns``): singular, with no
        modifier but the ``campaign_kinds`` ("presidential") and no "in", "against", "for", "of" or
        "to" after it ("Putin's military campaign", "a campaign against the levy": efforts)."""
        # (nor an infinitive or a participle of its own: "the campaign to repeal the quotas", "a
        # campaign led by unions")
        return tok.tag_ == "NN" and tok.lower_ in self.lex.campaign_nouns and all(
            c.lower_ in self.lex.campaign_kinds for c in tok.children if c.dep_ == "amod") and not any(
            c.dep_ == "prep" and c.lower_ in ("in", "against", "for", "of", "to") or c.dep_ in ("acl", "relcl") and c.i > tok.i
            and (c.tag_ == "VBN" or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) for c in tok.children)

    def _campaign(self, tok: Token, mods: list[Token]) -> bool:
        """A person's campaign ("Hillary Clinton's campaign", "a Rubio campaign spokesman"): an
        organization named by the person's surname and the noun ("Clinton campaign", as the coders
        name it), based in the person's country; "the campaign" alone, after the article has named
        one campaign so, is that one. Whether a mention was added."""
        if not self._campaign_noun(tok):
            return False
        owner = next((c for c in mods if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
        person = self._by_token.get(owner.i) if owner is not None else None
        if person is not None and person.actor.actor_type == "person":
            actor = Actor(f"{_surname_of(person.actor.name)} campaign", "organization", person.actor.country, "")
            self._add(actor, person.start, tok.i + 1, "name")
            return True
        if owner is not None or mods or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        earlier = {m.actor for m in self.mentions if m.start < tok.i and m.actor.actor_type == "organization"
                   and self.doc[m.end - 1].lower_ in self.lex.campaign_nouns}
        if len(earlier) != 1:
            return False
        self._add(next(iter(earlier)), tok.i, tok.i + 1, "name")
        return True

    def _role_of(self, tok: Token) -> tuple[str, set[int]]:
        """The role of the lexicon's ``state_roles`` a noun names with the compound words before it
        ("prime ministers" -> "prime minister", "foreign minister"), and the indexes of those words;
        ('', set()) when it names none ("analysts", "bishops", "mayors" speak for no state)."""
        before: list[Token] = []
        for child in reversed([c for c in tok.children if c.i < tok.i]):
            if child.dep_ not in ("compound", "amod") or child.i != (before[0].i if before else tok.i) - 1:
                break
            before.insert(0, child)
        lemma = tok.lemma_.lower()
        for k in range(len(before) + 1):  # the longest role first
            words = before[k:]
            if " ".join([w.lower_ for w in words] + [lemma]) in self.lex.state_roles:
                return " ".join([w.lower_ for w in words] + [lemma]), {w.i for w in words}
        return "", set()

    def _speaks_for_state(self, tok: Token) -> tuple[bool, set[int]]:
        """Whether a noun names those who speak for a state ("government", "officials", "leaders",
        "foreign ministers": the lexicon's government and state nouns and ``state_roles``),
        and the indexes of the words that make its role ("prime", "foreign")."""
        lemma = tok.lemma_.lower()
        if lemma in self.lex.government_nouns or tok.lower_ in self.lex.state_nouns or lemma in self.lex.state_nouns:
            return True, set()
        if tok.pos_ != "NOUN":
            return False, set()  # ("Foreign Minister Ana Vega": a title before a name is the person's)
        role, words = self._role_of(tok)
        return bool(role), words

    def _state_people_of(self, tok: Token) -> bool:
        """"the government of Uganda", "the governments of Chile and Peru", "officials from Kenya
        and Uganda", "the leaders of Chile and Peru", "the foreign ministers of Norway and Sweden":
        the government of each country named after "of" or "from" (the coding guide's name for a
        government or an unnamed official speaking for it); "the president of Chile" is the person
        introduced with that role, when there is one. Nothing else may modify the noun but a word
        for a branch of the state ("senior officials from Peru"). Whether a mention was added."""
        # (most nouns govern no "of" or "from": asked first, it spares the role lookup)
        if not any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children):
            return False
        speaks, role_words = self._speaks_for_state(tok)
        if not speaks:
            return False
        if any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.i not in role_words and c.lower_ not in self.lex.state_domain_words
               for c in tok.children):
            return False
        countries: list[tuple[Token, str]] = []
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for g in (pobj, *pobj.conjuncts):
                    country = self.kb.country_of(_clean_name(self._entity_text(g))) if g.pos_ == "PROPN" else ""
                    if country and all(country != c for _, c in countries):
                        countries.append((g, country))
        if not countries:
            return False
        first = countries[0][1]
        person = self._title_antecedent(tok, first) if tok.tag_ not in ("NNS", "NNPS") and not self._government_noun(tok) else None
        if person is not None:
            self._add(person, tok.i, tok.i + 1, "title")
            return True
        self._add(Actor(first, "government", first), tok.i, tok.i + 1, "government")
        self._of_countries[tok.i] = [g.i for g, _ in countries[1:]]
        for g, other in countries[1:]:
            # (each further country is a government at its own word; actors_of follows them)
            if g.i not in self._by_token:
                self._add(Actor(other, "government", other), g.i, g.i + 1, "government")
        return True

    def _government_noun(self, tok: Token) -> bool:
        """Whether a noun is one of the lexicon's ``government_nouns`` ("governments", "cabinet")."""
        return tok.lemma_.lower() in self.lex.government_nouns or tok.lower_ in self.lex.government_nouns

    def _entity_text(self, tok: Token) -> str:
        """The text of the named entity a token is part of ("United Kingdom"), else the token's."""
        if tok.ent_iob_ not in ("B", "I"):
            return tok.text
        # (walked along the IOB tags: Doc.ents builds a span for every entity of the document)
        start = tok.i
        while self.doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        end = tok.i + 1
        while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
            end += 1
        return self.doc[start:end].text

    def _untagged_org(self, tok: Token) -> bool:
        """A capitalised name the NER left untagged, introduced by an organization apposition
        ("Friends of the Earth, the environmental campaign group, said"), or met so before, or a
        subject whose head word says it is an organization ("The Great Lakes Chamber of Commerce
        called ...", not on a title-case headline line). Whether it was added."""
        if not tok.text[:1].isupper():
            return False
        for name, actor in self._named_orgs.items():  # a later mention of a name introduced before
            span = self.doc.char_span(tok.idx, tok.idx + len(name))
            if span is not None and span.text == name and not any(t.i in self._by_token for t in span):
                self._add(actor, span.start, span.end, "name")
                return True
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        appos = self._organization_apposition(tok)
        # ("The Great Lakes Chamber of Commerce called ...": a name whose head word says it is an
        # organization, as for a tagged one, _organization_name)
        named = appos is None and tok.pos_ == "PROPN" and tok.lower_ in self.lex.organization_nouns \
            and self._line[tok.i] not in self._title_lines  # ("Top Climate Group Will Run Ads": a headline)
        if appos is None and not named:
            return False
        start = tok.left_edge.i
        if self.doc[start].dep_ == "det":
            start += 1
        end = appos.left_edge.i if appos is not None else next(
            (t.i for t in self.doc[tok.i + 1 : tok.right_edge.i + 1] if t.is_punct or t.dep_ in ("acl", "relcl", "appos")),
            tok.right_edge.i + 1)
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        words = self.doc[start:end]
        if not len(words) or self._line[start] != self._line[tok.i] or any(t.i in self._by_token and t.ent_type_ in ("PERSON", "GPE") for t in words):
            return False
        # A name: its content words are capitalised ("Friends of the Earth"), one at least a proper noun.
        # (a hyphen inside a word, "Anti-Waste", may be tagged a proper noun: no word of its own)
        content = [t for t in words if t.dep_ not in ("det", "prep", "cc", "case", "punct") and not t.is_punct]
        if not all(t.text[:1].isupper() for t in content) or not any(t.pos_ == "PROPN" and t.is_alpha for t in words):
            return False
        self._add_named_org(_clean_name(words.text), start, end)
        return True

    def _country_modifier(self, mods: list[Token]) -> tuple[str, Token | None, Actor | None]:
        """The country or organization a noun's modifiers name ("Italian", "EU"), the modifier
        token, and the organization (the last such modifier wins; a person's name is skipped)."""
        country, modifier, org = "", None, None
        for c in mods:
            if c.ent_type_ == "PERSON" and c.text.lower() not in self.kb.demonyms:
                continue  # (the NER may tag a demonym as a person: "the Ugandan government")
            if self.kb.organization(c.text):
                org, modifier = self.kb.organization(c.text), c
            elif self.kb.country_of(c.text):
                country, modifier = self.kb.country_of(c.text), c
        return country, modifier, org

    def _pronoun_owned_phrase(self, tok: Token, owner: Token) -> None:
        """"his country is willing ...": the government of the person the pronoun points to;
        "Kyiv and its Western allies": the government's allies, a group of others."""
        lex = self.lex
        low = tok.lower_
        antecedent = self.resolve_pronoun(owner)
        owner_country = antecedent.actor.country if antecedent is not None else ""
        if owner_country and low in lex.own_country_nouns and owner.lower_ in PERSON_PRONOUNS:
            self._add(Actor(owner_country, "government", owner_country), owner.i, tok.i + 1, "government")
        elif owner_country and low in lex.relational_group_nouns and antecedent is not None and antecedent.actor.actor_type == "government":
            self._add(Actor(f"{owner_country} {low}", "group", ""), owner.i, tok.i + 1, "group")

    def _head_of_state_or_government(self, role: str, unknown: bool = False) -> bool:
        """Whether a role is a head of state's or government's (the lexicon's ``generic_titles``
        leader), with a qualifier before it ("interim president", "acting prime minister"; not
        "vice president" or "deputy prime minister"). ``unknown``: the answer for no role."""
        role = " ".join(role.lower().split())
        if not role:
            return unknown
        heads = self.lex.generic_titles.get("leader", frozenset())
        if role in heads:
            return True
        return not role.startswith(("vice ", "vice-", "deputy ")) and any(role.endswith(f" {head}") for head in heads)

    def _leader_government(self, tok: Token, mods: list[Token]) -> bool:
        """"the Trump administration", "Giorgia Meloni's government": the leader's country's
        government, when the leader's country is a country (a known actor's country may be a body,
        and only a country has a government), and the leader is not known to hold another office
        than a head of state's or government's (lexicon ``generic_titles`` leader): "the Ortiz
        administration" of a senator, "the Hochul administration" of a governor, is no country's
        government. Whether it was added."""
        # (a person's mention, whether the NER tagged the word or a short name was found for it:
        # "The Ruto government", the tagger's PROPN without an entity)
        leader = next((self._by_token[c.i] for c in mods if c.i in self._by_token and self._by_token[c.i].actor.actor_type == "person"), None)
        if leader is None or not leader.actor.country:
            return False
        if not self._head_of_state_or_government(leader.actor.role, unknown=True):
            return False
        country = leader.actor.country
        if not (self.kb.country_demonym.get(country) or self.kb.country_of(country)):
            return False
        self._add(Actor(country, "government", country), min(leader.start, tok.i), tok.i + 1, "government")
        return True

    def _country_phrase(self, tok: Token, country: str, modifier: Token | None, org: Actor | None) -> None:
        """A noun with a country or organization modifier: "the Italian government", "Russian
        authorities", "EU members", "Ukraine's allies", "Russian negotiators", or a title ("the
        Russian president") standing for a person introduced earlier."""
        lex = self.lex
        low = tok.lower_
        if not country and org is None and low not in self.kb.roles and tok.lemma_.lower() not in lex.organization_nouns:
            return  # (only a title or an organization noun can mean someone without a modifier)
        start = modifier.i if modifier is not None else tok.i
        # (other modifiers make it someone else: "opposition negotiators", "company officials", a
        # name, a phrase; only a word for a branch of the state does not: "Turkish energy
        # officials", "Jamaica's tourism ministry"; the lexicon's state_domain_words)
        speaks, role_words = self._speaks_for_state(tok)
        others = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "prep") and (modifier is None or c.i != modifier.i)
                  and c.i not in role_words and not (c.dep_ in ("amod", "compound") and c.lower_ in lex.state_domain_words)]
        # ("Russian and Ukrainian negotiators": a country coordinated with the modifier is a
        # mention of its own, at its word, added first so that the word keeps it; actors_of
        # follows the coordination)
        partners = [(c, self.kb.country_of(c.text)) for c in (modifier.conjuncts if modifier is not None and country else ())
                    if c.i > start and c.pos_ in ("ADJ", "PROPN") and self.kb.country_of(c.text)]
        others = [c for c in others if all(c.i != p.i for p, _ in partners)]
        # (a role of the lexicon's state_roles in the singular is first a person introduced with it:
        # "the Russian president"; in the plural, "Chilean foreign ministers", it speaks for the state)
        titled = speaks and tok.tag_ not in ("NNS", "NNPS") and not self._government_noun(tok) and tok.lower_ not in lex.state_nouns
        if speaks and country and not others and not titled:
            # "the Chilean government", "Chilean officials", "the Chilean and Peruvian governments",
            # "Chilean ministers": the country's government, named as the country (the coding
            # guide's name for it); not "Chilean opposition negotiators", "former Danish
            # officials", "Chilean officials at the Atlas Corporation"
            for partner, partner_country in partners:
                self._add(Actor(partner_country, "government", partner_country), partner.i, partner.i + 1, "government")
            self._add(Actor(country, "government", country), start, tok.i + 1, "government")
        elif low in lex.group_nouns and (org or country):
            label = modifier.text if modifier is not None else ""
            body = org.country if org else country
            if low in lex.relational_group_nouns and modifier is not None and modifier.dep_ == "poss":
                # "Ukraine's allies": other countries, named by their relation to the owner.
                label, body = (org.name if org else country), ""
            self._add(Actor(f"{label} {low}".strip(), "group", body), start, tok.i + 1, "group")
        elif (low in lex.people_group_nouns or low in lex.state_nouns) and country:
            # the adjective as written ("Icelandic lawmakers"), else the library's ("Russian")
            written = modifier.text if modifier is not None and modifier.pos_ == "ADJ" else ""
            demonym = written or self.kb.country_demonym.get(country, country)
            for partner, partner_country in partners:
                partner_demonym = partner.text if partner.pos_ == "ADJ" else self.kb.country_demonym.get(partner_country, partner_country)
                self._add(Actor(f"{partner_demonym} {low}", "group", partner_country), partner.i, partner.i + 1, "group")
            self._add(Actor(f"{demonym} {low}", "group", country), start, tok.i + 1, "group")
        elif low in self.kb.roles and tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children):
            person = self._title_antecedent(tok, country)
            if person:
                self._add(person, start, tok.i + 1, "title")
            elif country and not others and not org and self.kb.country_demonym.get(country) and self._speaks_for_state(tok)[0]:
                # "the Norwegian foreign minister" named nowhere: an unnamed official speaking for
                # the country, its government (the coding guide's rule)
                self._add(Actor(country, "government", country), start, tok.i + 1, "government")
        elif tok.lemma_.lower() in lex.organization_nouns and tok.pos_ == "NOUN" and not country and org is None:
            named = self._organization_antecedent(tok)
            if named is not None:
                self._add(named, tok.i, tok.i + 1, "title")

    def _organization_antecedent(self, tok: Token) -> Actor | None:
        """"Blue Delta, a conservation group, filed suit. The group says ...": "the group" (or
        "the company", "the union", the lexicon's ``organization_nouns``, with "the" and no other
        modifier) as a subject stands for the organization named last in the sentence or the one
        before, when there is exactly one there."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound")] != ["the"]:
            return None
        if any(c.dep_ in ("prep", "acl", "relcl", "appos") for c in tok.children):
            return None  # "the group of lenders", "the group that ...": said what it is
        sent = tok.sent
        before = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = {m.actor for m in self.mentions if m.actor.actor_type == "organization" and before <= m.start and m.end <= tok.i}
        if len(named) != 1:
            return None
        (body,) = named
        # (a name that says what it is must say the same: "the company" is not the Dock Workers Union)
        # ("the group", "the organisation" name any body: "the Hauliers Association ... the group")
        head_word = body.name.split()[-1].lower() if body.name.split() else ""
        if head_word in self.lex.organization_nouns and head_word != tok.lemma_.lower() and tok.lemma_.lower() not in self.lex.generic_body_nouns:
            return None
        return body

    def _title_antecedent(self, tok: Token, country: str) -> Actor | None:
        """"the Russian president" -> the person introduced earlier with that role and country;
        failing that, the only gazetteer person with that role and country."""
        role = tok.lower_
        generic = self.lex.generic_titles
        wanted = generic.get(role, frozenset()) | {role}
        if role in generic and not country:
            return None  # "the leader" alone could be anyone's
        for mention in reversed(self.mentions):
            if mention.start >= tok.i or mention.actor.actor_type != "person":
                continue
            if any(w in mention.actor.role.lower() for w in wanted) and (not country or mention.actor.country == country):
                return mention.actor
        if country:
            candidates = {a for a in self.kb.people.values() if a.country == country and a.role.lower() in wanted}
            if len(candidates) == 1:
                return candidates.pop()
        return None

    def _find_mentions(self) -> None:
        """All mentions of the document: named entities first, then the phrase rules in text order."""
        title_lines = self._title_lines = self._title_case_lines()
        ents, self._nicknamed = nicknamed_people(self.doc, _joined_initials(self.doc.ents), self.text)
        for ent in ents:
            if self._question_auxiliary(ent):
                # "Will Ukraine mobilise troops?": the question's auxiliary is no part of the name
                # ("Will Berg opposes the toll road" keeps its first name)
                ent = Span(self.doc, ent.start + 1, ent.end, label=ent.label_)
            if ent.label_ in ("PERSON", "ORG") and self._headline_only_name(ent, title_lines):
                continue
            if self._line[ent.start] != self._line[ent.end - 1]:
                # An entity run across a line break (a headline's last word and the paragraph's
                # first): only its part on the line of its head is a name.
                kept = self._same_line(ent, ent.root.i)
                if not kept:
                    continue
                ent = Span(self.doc, kept[0].i, kept[-1].i + 1, label=ent.label_)
            if ent.label_ != "PERSON" and self._surname_after_role(ent):
                # ("said Mayor Ana Reyes" with only "Reyes" tagged, as a body: the role and the
                # first name before it make a person of it)
                ent = Span(self.doc, ent.start - 1, ent.end, label="PERSON")
            if ent.label_ == "PERSON":
                # ("Mara Vance" with only "Vance" tagged, a name the actors file or the text knows
                # already: the untagged first name before it is the name's, so that she is not the
                # JD Vance the actors file knows)
                start = ent.start
                bare = _clean_name(ent.text)
                while start > 0 and (self.kb.person(bare) or self._surname.get(bare)) and self._first_name_before(self.doc[start - 1], ent):
                    start -= 1
                # ("Governor Ana Souza" with only "Souza" tagged: a capitalised word between a role
                # and the name is the first name)
                if start == ent.start and self._first_name_after_role(ent):
                    start -= 1
                if start < ent.start:
                    ent = Span(self.doc, start, ent.end, label="PERSON")
                # "Councillor Ana Pereira" tagged whole: the role is not part of the name
                if not self.kb.person(_clean_name(ent.text)):
                    ent = self._titled_name(ent) or ent
                if self.kb.country_of(_clean_name(ent.text)) and not self.kb.person(_clean_name(ent.text)):
                    self._place_mention(ent)  # the NER sometimes tags "Kyiv" as a PERSON
                elif len(ent) == 1 and ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPOSITIONS \
                        and self._person_for(ent.text) is None:
                    continue  # "a rally at the harbour in Vasby": a town the NER took for a person
                else:
                    self._person_mention(ent)
            elif ent.label_ in ("GPE", "LOC"):
                if ent.start in self._in_org_name:
                    continue  # "the Central Bank of Kenya": the country is part of the body's name
                self._place_mention(ent)
            elif ent.label_ in MISREAD_NAME_LABELS:
                if self._misread_person(ent):
                    name = self._titled_name(ent) or ent  # ("Labour Minister Anjali Prasad": the title is no part of it)
                    self._person_mention(Span(self.doc, name.start, name.end, label="PERSON"))
            elif ent.label_ in ("ORG", "NORP"):
                if ent.label_ == "NORP":
                    low = _clean_name(ent.text).lower()
                    if low in self.kb.places and low not in self.kb.demonyms:
                        self._place_mention(ent)  # "Ghana and Togo": a country's name tagged as a nationality
                    continue  # demonyms are modifiers; government and group phrases handle them
                if self._titled_person_tagged_as_org(ent):
                    continue
                named = self._with_country_of(ent)
                before = len(self.mentions)
                self._org_mention(named)
                if named.end > ent.end and len(self.mentions) > before:
                    self._in_org_name.add(ent.end + 1)  # (the country's first token: no place of its own)
                # (a body of the state "of Peru" is Peru's: "the Central Bank of Kenya", "the Congress
                # of Peru"; not "the University of Georgia", "Friends of Syria")
                country = self._country_of_state_body(named)
                if country:
                    for k in range(before, len(self.mentions)):
                        actor = self.mentions[k].actor
                        if actor.actor_type == "organization" and not actor.country:
                            self._replace_actor(k, Actor(actor.name, actor.actor_type, country, actor.role))
        for name in self._titled_untagged_names(title_lines):
            self._person_mention(name)
        self._name_before_full_name()
        self._one_country_per_person()
        self.mentions.sort(key=lambda m: m.start)  # the phrase rules look back in text order
        self._phrase_mentions()
        self._one_country_per_person()
        self._home_country_for_the_rest()
        self.mentions.sort(key=lambda m: m.start)

    def _surname_after_role(self, ent: Span) -> bool:
        """Whether a one-word name of another label than a person's follows a role of the actors
        file and an untagged first name on its line ("Mayor Ana Reyes" with "Reyes" an ORG): not
        a country, a known body or a body's word ("Minister Ana Rural Council" is none)."""
        if len(ent) != 1 or ent.start < 2 or not _name_word(ent[0]):
            return False
        text = _clean_name(ent.text)
        return self._first_name_after_role(ent) and self._line[ent.start - 2] == self._line[ent.start] \
            and not self.kb.country_of(text) and not self.kb.organization(text) and ent[0].lower_ not in self.lex.organization_nouns

    def _first_name_after_role(self, ent: Span) -> bool:
        """Whether the word before ``ent`` is an untagged first name (``_first_name_before``) right
        after a role of the actors file: "Governor Ana" before "Souza"."""
        return ent.start > 1 and self.doc[ent.start - 2].lower_.rstrip(".") in self.kb.roles \
            and self._first_name_before(self.doc[ent.start - 1], ent)

    def _first_name_before(self, tok: Token, ent: Span) -> bool:
        """Whether an untagged word before a person's name is part of it: a capitalised proper
        noun hung on the name, on its line, no role, word for people, place or known organization."""
        return (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ == "compound" and ent.start <= tok.head.i < ent.end
                and tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in self.kb.roles
                and tok.lower_ not in self.lex.person_nouns | self.lex.people_nouns  # ("Activist Lena Berg")
                and not self.kb.country_of(tok.text) and not self.kb.organization(tok.text)
                and self._line[tok.i] == self._line[ent.start])

    def _one_country_per_person(self) -> None:
        """A person the article gives one country somewhere ("Democratic presidential candidate
        Jane Roe" in the fourth paragraph) has it at every mention, the earlier ones too (two
        countries for one name: left as they are)."""
        countries: dict[str, set[str]] = {}
        for mention in self.mentions:
            if mention.actor.actor_type == "person" and mention.actor.country:
                countries.setdefault(mention.actor.name, set()).add(mention.actor.country)
        for k, mention in enumerate(self.mentions):
            found = countries.get(mention.actor.name, set())
            if mention.actor.actor_type != "person" or mention.actor.country or len(found) != 1:
                continue
            self._replace_actor(k, Actor(mention.actor.name, "person", next(iter(found)), mention.actor.role))

    def home_country(self) -> str:
        """The article's home country: the country of at least ``HOME_COUNTRY_SHARE`` of the
        mentions that have one, with ``HOME_COUNTRY_MIN_MENTIONS`` of them at least (a Washington
        story on a Senate race; not a report of talks between Russia, Ukraine and the United States,
        where no country has most of them). "" when there is none. Measured once, when the
        mentions are found (the rest then take it, which cannot change it)."""
        if self._home is not None:
            return self._home
        counts: dict[str, int] = {}
        for mention in self.mentions:
            # (only countries: an international body is its own "country", and an EU story has no
            # home country for that)
            if mention.actor.country and self.kb.country_of(mention.actor.country) == mention.actor.country:
                counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
        total = sum(counts.values())
        self._home = ""
        if total >= HOME_COUNTRY_MIN_MENTIONS:
            country, top = max(counts.items(), key=lambda item: (item[1], item[0]))
            self._home = country if top >= HOME_COUNTRY_SHARE * total else ""
        return self._home

    def _home_country_for_the_rest(self) -> None:
        """A person the article gives no country (a senator named without party or state) has the
        article's home country (``home_country``): the coding guide's "the country they serve or
        belong to", which a reader of a domestic story takes for granted. Organizations keep none
        (a company or a charity named in a US story is as often foreign: "Toyota said"), but a
        national institution named bare (``_bare_institution``: "the Senate") is the home
        country's and named with it ("United States Senate"); groups keep none ("world leaders",
        "Trump supporters": their members' is not said). A foreign official the story names
        without any country gets the home country too: the price of the rule."""
        home = self.home_country()
        if not home:
            return
        for k, mention in enumerate(self.mentions):
            actor = mention.actor
            if actor.country:
                continue
            if actor.actor_type == "person":
                self._replace_actor(k, Actor(actor.name, "person", home, actor.role))
            elif actor.actor_type == "organization" and self.doc[mention.end - 1].lower_ in self.lex.campaign_nouns \
                    and actor.name.endswith(" campaign"):
                # (a candidate's campaign, _campaign: its candidate's country, which is the home's now)
                self._replace_actor(k, Actor(actor.name, "organization", home, actor.role))
            elif actor.actor_type == "organization" and self._bare_institution(mention):
                # ("the Senate", "Congress": a national institution named bare is the home
                # country's, named as the coders name it, "United States Senate")
                self._replace_actor(k, Actor(f"{home} {actor.name}", "organization", home, actor.role))
        for tok in self.doc:
            if tok.i in self._by_token or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.lower_ in self.lex.bare_state_nouns and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
                    c.dep_ in ("amod", "compound", "nmod", "poss") or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                # ("the government said", "the administration", "the authorities": bare, in a
                # domestic story, the home country's, as the coding guide names a government;
                # lexicon ``bare_state_nouns``)
                self._add(Actor(home, "government", home, ""), tok.i, tok.i + 1, "government")
            elif tok.lower_ in self.lex.government_nouns:
                # ("the Obama administration", "Obama's government": a leader the story gave no
                # country has the home country now, and so the leader's government is the home
                # government, as "the Trump administration" is the United States' when Trump's
                # country is known; only a head of state or government, the lexicon's
                # generic_titles "leader": not "the Hochul administration" of a governor)
                owners = [c for c in tok.children if c.dep_ in ("compound", "poss") and c.i in self._by_token
                          and self._head_of_state_or_government(self._by_token[c.i].actor.role)]
                if owners:
                    self._leader_government(tok, owners)

    def _bare_institution(self, mention: Mention) -> bool:
        """Whether an organization mention is a national institution named bare (lexicon
        ``national_institutions``): "the Senate", "Congress"; not "the opposition Congress" (a
        party), "the state Senate" or "the Senate in Columbus" (a state's)."""
        if mention.actor.name.lower() not in self.lex.national_institutions:
            return False
        head = self.doc[mention.end - 1]
        return not any(c.dep_ == "prep" or c.dep_ in ("amod", "compound", "nmod", "poss") and not mention.start <= c.i < mention.end
                       for c in head.children)

    def _replace_actor(self, k: int, actor: Actor) -> None:
        """Mention ``k`` as a mention of ``actor`` instead, wherever it is recorded."""
        mention = self.mentions[k]
        replaced = Mention(actor, mention.start, mention.end, mention.start_char, mention.end_char, mention.text, mention.kind)
        self.mentions[k] = replaced
        for i in range(mention.start, mention.end):
            if self._by_token.get(i) is mention:
                self._by_token[i] = replaced

    # ----------------------------------------------------------------- resolution
    def mention_at(self, tok: Token) -> Mention | None:
        """The mention that covers a token, or None."""
        return self._by_token.get(tok.i)

    def resolve_pronoun(self, tok: Token, prefer: Mention | None = None) -> Mention | None:
        """He/she -> the preferred speaker when given, else the closest earlier person mention;
        it/they -> the closest earlier government, organization or group."""
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            if prefer is not None and prefer.actor.actor_type == "person":
                return prefer
            wanted: tuple[str, ...] = ("person",)
        elif low in BODY_PRONOUNS:
            if prefer is not None and prefer.actor.actor_type != "person":
                return prefer
            wanted = ("government", "organization", "group")
        else:
            return None
        # The closest earlier mention (by position: phrase mentions are appended out of order
        # while they are being found). Only a few sentences back (about 150 tokens): an older
        # antecedent is a guess, not a reading.
        best = None
        for mention in reversed(self.mentions):
            if mention.end <= tok.i and mention.actor.actor_type in wanted and tok.i - mention.start <= 150:
                if best is None or mention.start > best.start:
                    best = mention
        return best

    def actors_of(self, tok: Token, prefer: Mention | None = None) -> list[Mention]:
        """The actors a token (typically a subject or agent) stands for; [] when none.

        Follows coordination ("both Moscow and Kyiv"), quantifiers ("many of the EU countries"),
        possessive owners of heads ("Putin's requests" is handled by callers) and pronouns."""
        found: list[Mention] = []
        lex = self.lex
        todo = [tok]
        seen: set[int] = set()
        while todo:
            cur = todo.pop()
            if cur.i in seen:
                continue
            seen.add(cur.i)
            mention = self.mention_at(cur)
            group = self.plural_antecedent(cur) if mention is None and cur.pos_ == "PRON" and cur.lower_ in PLURAL_PRONOUNS and prefer is None else []
            if group:
                # "Kenya and Uganda signed the pact. They also agreed ...": both
                found += [m for m in group if all(f.actor != m.actor for f in found)]
                todo += [c for c in cur.children if c.dep_ == "conj"]
                continue
            if mention is None and cur.pos_ == "PRON":
                mention = self.resolve_pronoun(cur, prefer)
            if mention is None and cur.lower_ in lex.quantifiers:
                todo += of_objects(cur)
            parties = self.parties(cur) if mention is None and cur.pos_ == "NOUN" and cur.lemma_.lower() in lex.party_nouns else []
            if parties:
                # "both sides", "the three countries": the parties named just before
                found += [m for m in parties if all(f.actor != m.actor for f in found)]
                todo += [c for c in cur.children if c.dep_ == "conj"]  # ("both sides and Tanzania")
                continue
            if mention is None:
                # A head noun whose compound/appos names the actor ("President Macron" parsed oddly).
                for child in self._same_line(cur.children, cur.i):
                    if child.dep_ in ("compound", "appos") and self.mention_at(child):
                        mention = self.mention_at(child)
                        break
            if mention is not None and all(m.actor != mention.actor for m in found):
                found.append(mention)
            if mention is not None and mention.kind == "government" and cur.i in self._of_countries:
                # "the leaders of Chile and Peru": each country named after "of"
                found += [m for j in self._of_countries[cur.i] if (m := self.mention_at(self.doc[j])) is not None
                          and all(f.actor != m.actor for f in found)]
            if mention is not None and mention.kind in ("government", "group"):
                # "Russian and Ukrainian negotiators": the countries coordinated with the modifier
                for mod in cur.children:
                    if mod.dep_ in ("amod", "compound", "nmod", "poss"):
                        found += [m for g in mod.conjuncts if (m := self.mention_at(g)) is not None
                                  and m is not mention and m.kind in ("government", "group") and all(f.actor != m.actor for f in found)]
            todo += [c for c in cur.children if c.dep_ == "conj"]
            if mention is not None:
                # "Ana Souza, Rui Costa and Li Wei called for ...": a list of three names that the
                # parser reads as an apposition with a coordination inside, each named someone else
                todo += [c for c in cur.children if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)
                         and (m := self.mention_at(c)) is not None and m.actor != mention.actor
                         and all((n := self.mention_at(g)) is not None and n.actor != mention.actor
                                 for g in c.children if g.dep_ == "conj")]
        return found

    def relative_antecedent(self, noun: Token) -> Token:
        """The token whose actors a relative clause on ``noun`` describes: ``noun`` itself, or,
        when ``noun`` only describes someone, that someone. "Roe is a senator who opposed the levy"
        and "Roe is a liar, cheat and xenophobe who pledged ...": the subject of the copula whose
        complement (or one of its conjuncts) the clause modifies; "Roe, a senator who opposed the
        levy,": the name the apposition is set beside. A complement that names someone of its own
        keeps the clause when the subject names no one ("The winner was Roe, who ...")."""
        base = noun
        while base.dep_ == "conj" and base.head.i != base.i:
            base = base.head
        if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.dep_ == "attr" \
                and base.head.head.lower_ in self.lex.part_words:
            base = base.head.head  # "Roe is one of the senators who opposed the levy"
        elif base.dep_ == "pobj" and base.head.lower_ == "among" and base.head.head.lemma_ in BEING_COPULAS:
            base = base.head  # "Roe is among the senators who opposed the levy" (read as a complement)
        if base.dep_ in ("attr", "prep") and base.head.lemma_ in BEING_COPULAS and not negated(base.head, self.lex) \
                and not any(c.dep_ == "det" and c.lower_ == "no" for c in base.children):
            # (not a denial: "Roe is not a senator who backs the levy", "is no longer", "was never")
            verb = base.head
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head  # ("Roe incites violence and is a xenophobe who ...": the shared subject)
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects and self.actors_of(subjects[0]):
                return subjects[0]
        elif base.dep_ == "appos" and not self.actors_of(noun) and (base.head.pos_ == "PROPN" or self.actors_of(base.head)):
            return base.head  # (a name, known or not: an unknown one still speaks under its own words)
        return noun

    def plural_antecedent(self, pron: Token) -> list[Mention]:
        """The actors "they" stands for when a subject names several: the subject before it in
        its own sentence ("Tanzania and Rwanda stayed away because they oppose ..."), else the
        main subject of the sentence before ("Kenya and Uganda signed the pact. They also agreed
        ...", "The three sides agreed ... They also ..."); [] when that subject names one actor or
        none (the pronoun is then resolved as usual: "Protesters blocked roads because they ...")."""
        own = [t for t in pron.sent if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]
        if own:
            subject: Token | None = own[-1]
        elif pron.sent.start > 0:
            subject = _main_subject(self.doc[pron.sent.start - 1].sent, pronouns=False)
        else:
            subject = None
        found = self.actors_of(subject) if subject is not None else []
        return found if len(found) >= 2 else []

    def parties(self, noun: Token) -> list[Mention]:
        """The actors a counted plural noun of parties stands for ("both sides", "the two
        countries", "the three sides", ``party_nouns``): those named with it ("both sides, Kenya
        and Uganda"), else the actors named just before it, read back sentence by sentence (its own
        sentence first) until at least as many as it counts are found: exactly that many, all of
        its kinds, or none. A place where something happens ("talks in Riyadh") is no party; a
        person with an office counts as their country for sides and countries ("Trump spoke to
        Putin and Zelensky. The three sides agreed ..."). So a third country named in between
        ("talks hosted by Tanzania"), a group of another kind or one no list knows ("Democrats and
        Republicans were split. Both sides ..."), "two other countries" and "both sides of the
        border" give none."""
        kinds = self.lex.party_nouns[noun.lemma_.lower()]
        named = [m for c in noun.children if c.dep_ == "appos" for m in self.actors_of(c)]
        if named:
            return named
        count = _party_count(noun)
        if count is None or noun.tag_ != "NNS" or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return []
        found: dict[Actor, tuple[Mention, bool]] = {}
        sent = noun.sent
        end = noun.left_edge.i
        while len(found) < count and noun.i - sent.start <= 150:
            if sent.start != noun.sent.start and self._other_group_subject(sent):
                return []  # ("Democrats and Republicans were split. Both sides ...")
            for mention in self.mentions:
                if sent.start <= mention.start and 0 <= mention.end <= end and not self._is_locative(self.doc[mention.start : mention.end].root):
                    party = self._as_party(mention, kinds)
                    if party is not None:
                        found.setdefault(party[0].actor, party)
            if sent.start == 0:
                break
            end = sent.start
            sent = self.doc[sent.start - 1].sent
        if len(found) != count or not all(ok for _m, ok in found.values()):
            return []
        return sorted((m for m, _ok in found.values()), key=lambda m: m.start)

    def _other_group_subject(self, sent: Span) -> bool:
        """Whether a sentence's main subject is a coordination that names no actor ("Democrats
        and Republicans were split", "Farmers and truckers protested"): the parties a later
        "both sides" counts, though no list knows them."""
        subject = _main_subject(sent)
        if subject is None or not any(c.dep_ == "conj" for c in subject.children):
            return False
        return not self.actors_of(subject)

    @staticmethod
    def _as_party(mention: Mention, kinds: frozenset[str]) -> tuple[Mention, bool] | None:
        """A mention as a possible party of ``kinds``, and whether it is one: a person with an
        office is their country when countries are counted, and a leader when leaders are; a
        person with none (a reporter, an athlete), a company or a party is named but no party of
        these kinds; a government is not counted at all when leaders are ("Kenya's president")."""
        actor = mention.actor
        if actor.actor_type == "person":
            if not actor.role:
                return mention, False
            if "person" in kinds:
                return mention, True
            if actor.country and "government" in kinds:
                country = Actor(actor.country, "government", actor.country, "")
                return Mention(country, mention.start, mention.end, mention.start_char, mention.end_char, mention.text, "government"), True
            return mention, False
        if "person" in kinds:
            return None
        return mention, actor.actor_type in kinds


# "both sides", "the two countries", "all three nations": how many parties a plural noun counts.
_PARTY_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
# "two other countries", "the remaining two sides": parties not named before.
_NEW_PARTY_WORDS = frozenset({"other", "remaining", "further", "additional", "more", "new"})


def _party_count(noun: Token) -> int | None:
    """How many parties a plural noun counts: "both", or a number with a definite determiner ("the
    two countries", "all three nations"); None for "two countries" and "two other countries"."""
    if any(c.lower_ in _NEW_PARTY_WORDS for c in noun.children if c.dep_ in ("amod", "advmod")):
        return None
    definite = any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "all") for c in noun.children)
    for child in noun.children:
        if child.lower_ == "both" and child.dep_ in ("det", "predet", "preconj"):
            return 2
        if child.dep_ in ("nummod", "quantmod") and child.lower_ in _PARTY_COUNTS and definite:
            return _PARTY_COUNTS[child.lower_]
    return None


def _main_subject(sent: Span, pronouns: bool = True) -> Token | None:
    """The subject of a sentence's root (active or passive; a pronoun only with ``pronouns``)."""
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and (pronouns or c.pos_ != "PRON")), None)


# A person's name with a nickname in quotation marks: Robert C. "Bobby" Scott, Marcia "Cia" Price.
NICKNAMED = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z]\.)*)\s+[\"“]([A-Z][a-z]+)[\"”]\s+([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b")


def nicknamed_people(doc: Doc, ents, text: str) -> tuple[list[Span], dict[tuple[int, int], tuple[str, str]]]:
    """The entities with each name that carries a nickname in quotation marks as one PERSON span
    (the NER cuts it at the marks: 'Robert C. "Bobby' and 'Scott'), and for each such span its name
    and the nickname form: "Marcia Price" (also "Cia Price"); "Bobby Scott" when the article also
    writes that, as coders name a person by the name the article uses. ``text``: the Doc's text."""
    spans: dict[tuple[int, int], tuple[str, str]] = {}
    for found in NICKNAMED.finditer(text):
        span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if span is None or "\n" in found.group(0) or span[0].sent.start != span[-1].sent.start:
            continue
        # (a person's name the NER saw, and no place or organization in it: not 'Peru "Welcomes"
        # Chile', 'the Peru "Yes" Campaign')
        inside = [e for e in ents if e.start < span.end and span.start < e.end]
        if not any(e.label_ == "PERSON" for e in inside) or any(e.label_ in ("GPE", "LOC", "ORG", "NORP") for e in inside):
            continue
        first, nick, last = " ".join(found.group(1).split()), found.group(2), found.group(3)
        nick_form = f"{nick} {last}"
        # (the nickname form written elsewhere: inside the match it reads 'Bobby" Scott')
        elsewhere = re.search(rf"\b{re.escape(nick_form)}\b", text) is not None
        spans[(span.start, span.end)] = (nick_form if elsewhere else f"{first} {last}", nick_form)
    if not spans:
        return list(ents), spans
    kept = [e for e in ents if not any(s < e.end and e.start < t for s, t in spans)]
    kept += [Span(doc, s, t, label="PERSON") for s, t in spans]
    return sorted(kept, key=lambda e: e.start), spans


def _joined_initials(ents) -> list[Span]:
    """The entities, with a person name the NER cut after a middle initial joined again: "Donald J."
    + "Trump" is "Donald J. Trump" ("Jacob J. Lew", "Morris J. Brooks Jr.")."""
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if (last is not None and last.label_ == ent.label_ == "PERSON" and last.end == ent.start
                and len(last) >= 2 and len(last[-1].text) == 2 and last[-1].text[0].isupper() and last[-1].text[1] == "."):
            joined[-1] = Span(ent.doc, last.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined
