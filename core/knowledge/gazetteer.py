"""Actor knowledge: the editable gazetteer (``seeds/actors.yaml``), the cue-word lexicon
(``seeds/lexicon.yaml``) and country names, codes, demonyms and capitals from ``countryinfo``.

Everything a rule needs to know about the world is loaded here, so no rule names a person,
a country or an issue in code.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import countryinfo
import yaml

from core.settings import DEFAULT_ACTORS, DEFAULT_LEXICON


class KnowledgeError(ValueError):
    """An actors or lexicon file that cannot be used."""


@dataclass(frozen=True)
class Actor:
    """A resolved actor: what a mention stands for."""

    name: str
    actor_type: str  # person | government | organization | group
    country: str = ""
    role: str = ""


@dataclass
class Lexicon:
    speech: frozenset[str]
    support: frozenset[str]
    oppose: frozenset[str]
    neutral: frozenset[str]
    inversions: frozenset[str]
    experiencer_adjectives: dict[str, int]
    hedges: frozenset[str]
    confirmation_cues: frozenset[str]
    negations: frozenset[str]
    evaluative_side_verbs: dict[str, int]
    purpose_verbs: frozenset[str]
    group_nouns: frozenset[str]
    quantifiers: frozenset[str]
    accusation_verbs: frozenset[str] = frozenset()
    # Attribution cues beyond "speech" (see seeds/lexicon.yaml): verbs of belief or evidence that
    # attribute a clause ("believes that ..."), verbs whose object + infinitive is the content
    # ("told his advisers to ..."), verbs whose direct object is ("cited problems"), verbs naming
    # something as something ("called it a mistake"), and verb + preposition cues ("call for").
    belief_cues: frozenset[str] = frozenset()
    directive_cues: frozenset[str] = frozenset()
    object_cues: frozenset[str] = frozenset()
    naming_cues: frozenset[str] = frozenset()
    prepositional_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    source_nouns: frozenset[str] = frozenset()  # "Poll: ...", "Officials: ..." headline sources
    # Verbs and adjectives of intention whose infinitive is the content ("refuses to release ...",
    # "is willing to wait"), and nouns whose owner holds their complement ("her
    # determination to close the harbour", "the mayor's call for a recount").
    intention_cues: frozenset[str] = frozenset()
    intention_adjectives: frozenset[str] = frozenset()
    nominal_cues: frozenset[str] = frozenset()
    # Nouns and verbs the actor and stance rules read (see seeds/lexicon.yaml for each one's use).
    government_seats: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    people_group_nouns: frozenset[str] = frozenset()
    relational_group_nouns: frozenset[str] = frozenset()
    own_country_nouns: frozenset[str] = frozenset()
    generic_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    people_nouns: frozenset[str] = frozenset()
    condition_words: frozenset[str] = frozenset()
    renaming_nouns: frozenset[str] = frozenset()
    owned_nouns: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()
    container_verbs: frozenset[str] = frozenset()
    speech_irregular_forms: frozenset[str] = frozenset()

    def polarity(self, lemma: str) -> int | None:
        """+1 support, -1 oppose, 0 neutral, None when the word carries no stance."""
        lemma = lemma.lower()
        if lemma in self.oppose:
            return -1
        if lemma in self.support:
            return 1
        if lemma in self.neutral:
            return 0
        return None


@dataclass(eq=False)  # hashed by identity: it keys the pipeline cache
class Knowledge:
    """Everything the rules know about actors and words."""

    people: dict[str, Actor] = field(default_factory=dict)  # lower-cased alias -> person
    organizations: dict[str, Actor] = field(default_factory=dict)  # lower-cased alias -> body
    places: dict[str, str] = field(default_factory=dict)  # lower-cased name/code/capital -> country
    case_sensitive_places: dict[str, str] = field(default_factory=dict)  # codes like "US"
    demonyms: dict[str, str] = field(default_factory=dict)  # "russian" -> "Russia"
    country_demonym: dict[str, str] = field(default_factory=dict)  # "Italy" -> "Italian"
    roles: frozenset[str] = frozenset()
    lexicon: Lexicon | None = None
    # The files it was loaded from: the extraction's spaCy components load it again by them.
    actors_path: str = ""
    lexicon_path: str = ""

    def country_of(self, name: str) -> str:
        """Canonical country for a country name, code, capital, metonym or demonym ('' if none)."""
        key = name.strip()
        if key in self.case_sensitive_places:
            return self.case_sensitive_places[key]
        low = _strip_article(key.lower())
        return self.places.get(low) or self.demonyms.get(low) or ""

    def person(self, name: str) -> Actor | None:
        return self.people.get(_strip_article(name.lower()))

    def organization(self, name: str) -> Actor | None:
        return self.organizations.get(_strip_article(name.lower())) or self.organizations.get(
            name.lower()
        )


def _strip_article(text: str) -> str:
    text = text.strip().strip(".,;:’'\"“”")
    for prefix in ("the ",):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def _country_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """Names, codes, capitals and demonyms of every country from the countryinfo library."""
    places: dict[str, str] = {}
    codes: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    country_demonym: dict[str, str] = {}
    canonical_by_code: dict[str, str] = {}
    entries = countryinfo.all_countries()
    # Several entries can share one ISO code (Wales and the United Kingdom): the entry with a
    # capital and the most alternative spellings is the sovereign country.
    for entry in sorted(entries, key=lambda e: (e.capital() is None, -len(e.alt_spellings() or []))):
        iso = entry.iso() or {}
        code = iso.get("alpha2") or entry.name()
        canonical_by_code.setdefault(code, entry.name())
    # Where several countries share a demonym ("Indian"), the most populous one keeps it.
    def population(entry) -> int:
        try:
            return int(entry.population() or 0)
        except (TypeError, ValueError, KeyError):
            return 0

    for entry in sorted(entries, key=lambda e: -population(e)):
        iso = entry.iso() or {}
        canonical = canonical_by_code.get(iso.get("alpha2") or entry.name(), entry.name())
        places.setdefault(entry.name().lower(), canonical)
        for alt in entry.alt_spellings() or []:
            if len(alt) <= 3 and alt.isupper():
                if len(alt) == 3:  # alpha-3 codes are safe as whole words; alpha-2 clash with English
                    codes.setdefault(alt, canonical)
            elif alt.isascii():
                places.setdefault(alt.lower(), canonical)
        capital = entry.capital()
        if capital and entry.name() == canonical:
            places.setdefault(capital.lower(), canonical)
        demonym = entry.demonym()
        if demonym and entry.name() == canonical:
            demonyms.setdefault(demonym.lower(), canonical)
            country_demonym.setdefault(canonical, demonym)
    return places, codes, demonyms, country_demonym


LEXICON_KEYS = frozenset({
    "speech", "support", "oppose", "neutral", "inversions", "experiencer_adjectives", "hedges", "confirmation_cues",
    "negations", "evaluative_side_verbs", "purpose_verbs", "group_nouns", "quantifiers", "accusation_verbs",
    "belief_cues", "directive_cues", "object_cues", "naming_cues", "prepositional_cues", "source_nouns",
    "intention_cues", "intention_adjectives", "nominal_cues",
    "government_seats", "government_nouns", "state_nouns", "people_group_nouns", "relational_group_nouns",
    "own_country_nouns", "generic_titles", "people_nouns", "condition_words", "renaming_nouns", "owned_nouns",
    "instrument_verbs", "container_verbs", "speech_irregular_forms",
})
ACTORS_KEYS = frozenset({"people", "organizations", "metonyms", "country_aliases", "roles"})


def _key_lines(path: Path) -> dict[str, int]:
    """The 1-based line of each top-level key of a YAML mapping file (for messages)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}


def _refuse_unknown_keys(path: Path, data: dict, known: frozenset[str]) -> None:
    """A misspelt key ("speach:") would silently leave a word list empty: refuse it, naming the
    file, the key, its line and the keys that are allowed."""
    unknown = [str(k) for k in data if str(k) not in known]
    if unknown:
        lines = _key_lines(path)
        key = unknown[0]
        close = [k for k in sorted(known) if k[:3] == key[:3]]
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise KnowledgeError(f"{path}, line {lines.get(key, '?')}: unknown key '{key}'{hint}; the keys are "
                             f"{', '.join(sorted(known))}")


def _lexicon_from_dict(data: dict, source: str) -> Lexicon:
    def words(key: str) -> frozenset[str]:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise KnowledgeError(f"{source}: '{key}' must be a list of words")
        return frozenset(str(v).lower() for v in value)

    def weights(key: str) -> dict[str, int]:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise KnowledgeError(f"{source}: '{key}' must map words to 1 or -1")
        return {str(k).lower(): int(v) for k, v in value.items()}

    def prepositions(key: str) -> dict[str, frozenset[str]]:
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            raise KnowledgeError(f"{source}: '{key}' must map verbs to lists of prepositions")
        return {str(k).lower(): frozenset(str(p).lower() for p in v) for k, v in value.items()}

    def word_lists(key: str) -> dict[str, frozenset[str]]:
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            raise KnowledgeError(f"{source}: '{key}' must map words to lists of words")
        return {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in value.items()}

    return Lexicon(
        speech=words("speech"),
        support=words("support"),
        oppose=words("oppose"),
        neutral=words("neutral"),
        inversions=words("inversions"),
        experiencer_adjectives=weights("experiencer_adjectives"),
        hedges=words("hedges"),
        confirmation_cues=words("confirmation_cues"),
        negations=words("negations"),
        evaluative_side_verbs=weights("evaluative_side_verbs"),
        purpose_verbs=words("purpose_verbs"),
        group_nouns=words("group_nouns"),
        quantifiers=words("quantifiers"),
        accusation_verbs=words("accusation_verbs"),
        belief_cues=words("belief_cues"),
        directive_cues=words("directive_cues"),
        object_cues=words("object_cues"),
        naming_cues=words("naming_cues"),
        prepositional_cues=prepositions("prepositional_cues"),
        source_nouns=words("source_nouns"),
        intention_cues=words("intention_cues"),
        intention_adjectives=words("intention_adjectives"),
        nominal_cues=words("nominal_cues"),
        government_seats=words("government_seats"),
        government_nouns=words("government_nouns"),
        state_nouns=words("state_nouns"),
        people_group_nouns=words("people_group_nouns"),
        relational_group_nouns=words("relational_group_nouns"),
        own_country_nouns=words("own_country_nouns"),
        generic_titles=word_lists("generic_titles"),
        people_nouns=words("people_nouns"),
        condition_words=words("condition_words"),
        renaming_nouns=words("renaming_nouns"),
        owned_nouns=words("owned_nouns"),
        instrument_verbs=words("instrument_verbs"),
        container_verbs=words("container_verbs"),
        speech_irregular_forms=words("speech_irregular_forms"),
    )


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise KnowledgeError(f"{path}: not valid YAML ({first})") from None
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping at the top level")
    return data


def files_digest(*paths: str | Path) -> str:
    """A short hash of the files' contents (a missing file hashes as such)."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:12]


def load_knowledge(actors_path: str | Path | None = None, lexicon_path: str | Path | None = None) -> Knowledge:
    """Build the knowledge base from the actors and lexicon files (the seeds/ ones by default).

    Cached by the files' contents, not only their paths: a file edited while the server runs is
    read again, so results are never made with old knowledge under a key that names the new."""
    actors, lexicon = str(actors_path or DEFAULT_ACTORS), str(lexicon_path or DEFAULT_LEXICON)
    return _load_knowledge(actors, lexicon, files_digest(actors, lexicon))


@lru_cache(maxsize=8)
def _load_knowledge(actors_path: str, lexicon_path: str, _digest: str) -> Knowledge:
    data = _read_yaml(Path(actors_path))
    _refuse_unknown_keys(Path(actors_path), data, ACTORS_KEYS)
    places, codes, demonyms, country_demonym = _country_tables()
    kb = Knowledge(places=places, case_sensitive_places=codes, demonyms=demonyms, country_demonym=country_demonym,
                   actors_path=actors_path, lexicon_path=lexicon_path)

    def canonical_country(name: str) -> str:
        return kb.country_of(name) or name

    for country, aliases in (data.get("country_aliases") or {}).items():
        canonical = canonical_country(str(country))
        kb.places.setdefault(str(country).lower(), canonical)
        for alias in aliases or []:
            alias = str(alias)
            if len(alias) <= 3 and alias.replace(".", "").isupper():
                kb.case_sensitive_places[alias] = canonical
            else:
                kb.places[_strip_article(alias.lower())] = canonical
    for place, country in (data.get("metonyms") or {}).items():
        kb.places[_strip_article(str(place).lower())] = canonical_country(str(country))
    for org in data.get("organizations") or []:
        actor = Actor(org["name"], "organization", str(org.get("country") or org["name"]), "")
        for alias in [org["name"], *(org.get("aliases") or [])]:
            kb.organizations[_strip_article(str(alias).lower())] = actor
            kb.organizations[str(alias).lower()] = actor
    for person in data.get("people") or []:
        country = str(person.get("country") or "")
        actor = Actor(
            person["name"],
            "person",
            canonical_country(country) if country else "",
            str(person.get("role") or ""),
        )
        for alias in [person["name"], *(person.get("aliases") or [])]:
            kb.people[str(alias).lower()] = actor
    kb.roles = frozenset(str(r).lower() for r in data.get("roles") or [])
    lexicon = _read_yaml(Path(lexicon_path))
    _refuse_unknown_keys(Path(lexicon_path), lexicon, LEXICON_KEYS)
    kb.lexicon = _lexicon_from_dict(lexicon, lexicon_path)
    return kb
