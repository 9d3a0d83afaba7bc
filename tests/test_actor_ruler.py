"""The actor ruler finds exactly what spaCy's EntityRuler finds with the same patterns."""

import spacy
from spacy.pipeline import EntityRuler

from core.extraction.actor_ruler import ACTOR_RULER_FACTORY, ActorRuler
from core.extraction.nlp import RULER_NAME, _ruler_patterns, load_pipeline
from core.knowledge.gazetteer import load_knowledge

# Names of our own: several words, case-sensitive single words, a name inside a longer one, the
# same words under two labels, and a name at the very end of the text.
PATTERNS = [
    {"label": "PERSON", "pattern": [{"LOWER": "ana"}, {"LOWER": "souza"}]},
    {"label": "PERSON", "pattern": [{"ORTH": "Souza"}]},
    {"label": "ORG", "pattern": [{"LOWER": "harbour"}, {"LOWER": "board"}]},
    {"label": "ORG", "pattern": [{"LOWER": "lagos"}, {"LOWER": "harbour"}, {"LOWER": "board"}]},
    {"label": "ORG", "pattern": [{"ORTH": "ECOWAS"}]},
    {"label": "GPE", "pattern": [{"LOWER": "harbour"}, {"LOWER": "board"}]},
    {"label": "PERSON", "pattern": [{"LOWER": "j.d."}, {"LOWER": "vance"}]},
]
TEXTS = [
    "Ana Souza told the Lagos Harbour Board that ECOWAS would not back the levy, Souza said.",
    "souza and ecowas in lower case; ANA SOUZA in capitals; the harbour board met. Souza",
    "J.D. Vance met the Harbour Board.",
    "",
]


def _rulers(patterns):
    nlp = spacy.blank("en")
    ours = nlp.add_pipe(ACTOR_RULER_FACTORY, name="ours")
    theirs = EntityRuler(nlp, "theirs", overwrite_ents=True)
    ours.add_patterns(patterns)
    theirs.add_patterns(patterns)
    return nlp, ours, theirs


def test_the_same_matches_and_entities_as_the_entity_ruler():
    nlp, ours, theirs = _rulers(PATTERNS)
    assert isinstance(ours, ActorRuler) and ours._word_index() is not None  # the lookup is used
    for text in TEXTS:
        assert ours.match(nlp.make_doc(text)) == theirs.match(nlp.make_doc(text))
        mine, spacys = ours(nlp.make_doc(text)), theirs(nlp.make_doc(text))
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [(e.start, e.end, e.label_) for e in spacys.ents]
    doc = ours(nlp.make_doc(TEXTS[0]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Ana Souza", "PERSON"), ("Lagos Harbour Board", "ORG"), ("ECOWAS", "ORG"), ("Souza", "PERSON")]


def test_patterns_of_another_kind_are_matched_by_spacy():
    patterns = [*PATTERNS, {"label": "ORG", "pattern": [{"LOWER": {"IN": ["fund", "bank"]}}]}, {"label": "GPE", "pattern": "Lagos"}]
    nlp, ours, theirs = _rulers(patterns)
    assert ours._word_index() is None
    for text in [*TEXTS, "The fund and the bank in Lagos."]:
        assert ours.match(nlp.make_doc(text)) == theirs.match(nlp.make_doc(text))


def test_patterns_added_later_are_found():
    nlp, ours, _ = _rulers(PATTERNS)
    ours.match(nlp.make_doc("x"))  # (the index is built)
    ours.add_patterns([{"label": "PERSON", "pattern": [{"ORTH": "Okafor"}]}])
    assert [e.text for e in ours(nlp.make_doc("Okafor spoke.")).ents] == ["Okafor"]


def test_the_pipeline_uses_it_with_the_gazetteers_names():
    knowledge = load_knowledge()
    nlp = load_pipeline(None, knowledge=knowledge)
    ruler = nlp.get_pipe(RULER_NAME)
    assert isinstance(ruler, ActorRuler) and ruler._word_index()
    theirs = EntityRuler(nlp, "theirs", overwrite_ents=True)
    theirs.add_patterns(_ruler_patterns(knowledge))
    doc = nlp.make_doc("Keir Starmer and the Kremlin spoke to Emmanuel Macron and NATO about Zelensky.")
    assert ruler.match(doc) == theirs.match(doc) and ruler.match(doc)
