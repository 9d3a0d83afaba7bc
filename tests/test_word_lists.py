"""The extraction's word lists live in seeds/lexicon.yaml (closed-class words in
core/extraction/words.py only), and negation and hedging have one definition each
(core/extraction/tokens.py). Sentences written for these tests."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from core.analysis.uncoded import reporting_words
from core.extraction import words
from core.extraction.nlp import _ruler_patterns
from core.extraction.tokens import HEDGE_DEPS, NEGATION_DEPS, hedged, negated, strip_whitespace, trim_punct
from core.knowledge.gazetteer import LEXICON_KEYS, load_knowledge
from core.settings import DEFAULT_ACTORS, DEFAULT_LEXICON
from tests.nlp_fixtures import nlp

EXTRACTION = Path(words.__file__).resolve().parent
NEW_KEYS = (
    "government_seats", "government_nouns", "state_nouns", "people_group_nouns", "relational_group_nouns",
    "own_country_nouns", "generic_titles", "people_nouns", "condition_words", "renaming_nouns", "owned_nouns",
    "instrument_verbs", "container_verbs", "speech_irregular_forms", "organization_nouns",
)


def _knowledge_with(tmp_path, **changes):
    actors, lexicon = tmp_path / "actors.yaml", tmp_path / "lexicon.yaml"
    shutil.copy(DEFAULT_ACTORS, actors)
    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    data.update(changes)
    lexicon.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_knowledge(actors, lexicon)


def test_every_new_list_is_a_commented_key_of_the_seed_lexicon():
    text = DEFAULT_LEXICON.read_text(encoding="utf-8")
    lines = text.splitlines()
    data = yaml.safe_load(text)
    for key in NEW_KEYS:
        assert key in LEXICON_KEYS and data.get(key), key
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        assert lines[at - 1].startswith("#"), f"{key} has a comment saying what it is for"


def test_government_seats_come_from_the_lexicon(tmp_path):
    def orgs(kb):
        return {tuple(t["LOWER"] for t in p["pattern"]) for p in _ruler_patterns(kb) if p["label"] == "ORG" and "LOWER" in p["pattern"][0]}

    assert ("downing", "street") in orgs(load_knowledge())
    assert ("downing", "street") not in orgs(_knowledge_with(tmp_path, government_seats=["kremlin"]))


def test_generic_titles_come_from_the_lexicon(tmp_path):
    text = "Chile's President Rosa Vidal spoke first. Later the Chilean leader rejected the copper levy."
    doc = nlp()(text)
    default = [m.actor.name for m in _resolver(doc, load_knowledge()).mentions if m.kind == "title"]
    assert default == ["Rosa Vidal"]
    without = _resolver(doc, _knowledge_with(tmp_path, generic_titles={"leader": ["king"]}))
    assert [m for m in without.mentions if m.kind == "title"] == []


def _resolver(doc, kb):
    from core.extraction.mentions import ActorResolver

    return ActorResolver(doc, kb)


def test_reporting_words_of_uncoded_statements_follow_the_speech_verbs():
    found = reporting_words()
    assert {"said", "says", "warned", "argues", "according"} <= found
    assert "harbour" not in found


def test_closed_class_words_are_defined_once_in_words_py():
    # A pronoun set typed again elsewhere would drift from this one (they once differed).
    pronoun_set = re.compile(r'\{\s*"(?:he|she|it|they|i|we)",')
    for path in EXTRACTION.glob("*.py"):
        if path.name != "words.py":
            assert not pronoun_set.search(path.read_text(encoding="utf-8")), path.name
    assert words.PERSON_SUBJECT_PRONOUNS < words.PERSON_PRONOUNS
    assert words.TEMPORAL_MARKS < words.SUBORDINATE_MARKS


def test_negation_reads_any_negation_word_or_only_those_that_negate_their_head():
    lex = load_knowledge().lexicon
    doc = nlp()("The minister neither confirmed nor denied the report.")
    confirmed = next(t for t in doc if t.lower_ == "confirmed")
    assert negated(confirmed, lex), "'neither ... nor' leaves the statement unconfirmed"
    assert not negated(confirmed, lex, NEGATION_DEPS), "but does not flip a predicate's polarity"
    doc = nlp()("The council did not approve the ferry subsidy.")
    approve = next(t for t in doc if t.lower_ == "approve")
    assert negated(approve, lex) and negated(approve, lex, NEGATION_DEPS)


def test_hedging_by_a_child_or_by_the_word_itself():
    lex = load_knowledge().lexicon
    doc = nlp()("The farmers' union reportedly rejected the plan, and Peru appears ready to sign it.")
    rejected = next(t for t in doc if t.lower_ == "rejected")
    appears = next(t for t in doc if t.lower_ == "appears")
    assert hedged(rejected, lex) and hedged(rejected, lex, itself=True, deps=HEDGE_DEPS)
    assert not hedged(appears, lex), "a cue verb's own word is not a hedge of it"
    assert hedged(appears, lex, itself=True, deps=HEDGE_DEPS), "a predicate on the stance path is"


def test_trimming_whitespace_and_punctuation():
    assert strip_whitespace("  a b \n", 0, 7) == (2, 5)
    doc = nlp()("— “The ferry will run,” —")
    assert [t.text for t in trim_punct(doc)] == ["“", "The", "ferry", "will", "run", ",", "”"]
    assert [t.text for t in trim_punct(doc, keep="")] == ["The", "ferry", "will", "run"]
    assert [t.text for t in trim_punct(doc, head=False)][0] == "—"
