"""The mention and attribution spaCy components (core.extraction.components), on sentences written
for these tests (Nordic and French names, trade subjects)."""

from __future__ import annotations

import shutil
import warnings

import yaml

import core.extraction.mentions as mentions_module
from core.extraction.components import ATTRIBUTION_COMPONENT, COMPONENTS, MENTION_SPANS, MENTIONS_COMPONENT, STATEMENT_SPANS
from core.extraction.pipeline import analyze_doc, parse_long
from core.knowledge.codebook import codebook_from_dict
from core.knowledge.gazetteer import load_knowledge
from core.settings import DEFAULT_ACTORS, DEFAULT_LEXICON
from tests.nlp_fixtures import nlp

CODEBOOK = codebook_from_dict(
    {
        "name": "Fishing and steel (component tests)",
        "issues": [
            {"id": "fishing_quotas", "label": "Fishing quotas", "patterns": [r"\bfishing\s+quotas\b"]},
            {"id": "steel_deal", "label": "Steel deal", "patterns": [r"\bsteel\s+deal\b"]},
        ],
    },
    "component-test codebook",
)
TEXT = (
    "Chancellor Greta Lindqvist of Sweden said on Tuesday that Stockholm would reject the new fishing quotas.\n"
    "“We will not sign the steel deal this year,” Lindqvist told reporters in Oslo.\n"
)


def test_the_components_run_after_the_parser_lemmatizer_and_ner():
    names = nlp().pipe_names
    assert names[-2:] == [MENTIONS_COMPONENT, ATTRIBUTION_COMPONENT]
    for reads in ("parser", "lemmatizer", "ner"):
        assert names.index(reads) < names.index(MENTIONS_COMPONENT)


def test_actor_mentions_are_spans_with_their_kind_and_actor():
    doc = nlp()(TEXT)
    found = [(s.text, s.label_, s.start_char, s.end_char, s._.mention.actor.name) for s in doc.spans[MENTION_SPANS]]
    assert found == [
        ("Greta Lindqvist", "name", 11, 26, "Greta Lindqvist"),
        ("Sweden", "name", 30, 36, "Sweden"),
        ("Stockholm", "metonym", 58, 67, "Sweden"),
        ("Lindqvist", "name", 150, 159, "Greta Lindqvist"),  # the surname of a person named before
        ("Oslo", "name", 178, 182, "Norway"),
    ]
    assert all(TEXT[s.start_char : s.end_char] == s.text for s in doc.spans[MENTION_SPANS])
    assert doc.spans[MENTION_SPANS][0]._.mention.actor.role == "Chancellor"


def test_statements_are_spans_with_their_kind_cue_and_speaker():
    doc = nlp()(TEXT)
    found = [(s.label_, TEXT[s.start_char : s.end_char], s._.statement.cue, s._.statement.speaker.name) for s in doc.spans[STATEMENT_SPANS]]
    assert found == [
        ("indirect", "Stockholm would reject the new fishing quotas", "said", "Greta Lindqvist"),
        ("direct", "We will not sign the steel deal this year,", "told", "Greta Lindqvist"),
    ]
    assert doc._.statements == [s._.statement for s in doc.spans[STATEMENT_SPANS]]


def test_analyze_doc_reads_the_components_and_equals_the_analysis_of_a_plain_doc(monkeypatch):
    knowledge = load_knowledge()
    annotated = nlp()(TEXT)
    plain = nlp()(TEXT, disable=list(COMPONENTS))
    assert MENTION_SPANS not in plain.spans and plain._.actor_resolver is None
    made = []
    original = mentions_module.ActorResolver.__init__
    monkeypatch.setattr(mentions_module.ActorResolver, "__init__", lambda self, *a: made.append(1) or original(self, *a))
    from_components = analyze_doc(annotated, "a", CODEBOOK, knowledge)
    assert made == [], "the mentions the component found are used, not found again"
    from_plain = analyze_doc(plain, "a", CODEBOOK, knowledge)
    assert made == [1], "a Doc parsed without the components gets them run on it"
    assert from_components == from_plain
    assert {(row["actor"], row["issue"], row["stance"]) for row in from_components.stances} >= {("Sweden", "fishing_quotas", "oppose")}
    assert [row["speaker"] for row in from_components.quotes] == ["Greta Lindqvist", "Greta Lindqvist"]


def test_a_doc_made_with_other_knowledge_is_analysed_with_the_knowledge_asked_for(tmp_path):
    actors, lexicon = tmp_path / "actors.yaml", tmp_path / "lexicon.yaml"
    shutil.copy(DEFAULT_ACTORS, actors)
    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    data["speech"] = [w for w in data["speech"] if w not in ("say", "tell")]
    data["belief_cues"] = [w for w in data["belief_cues"] if w not in ("say", "tell")]
    data["directive_cues"] = [w for w in data["directive_cues"] if w != "tell"]
    lexicon.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    edited = load_knowledge(actors, lexicon)
    doc = nlp()(TEXT)  # annotated with the seed lexicon, where "said" and "told" are speech
    result = analyze_doc(doc, "a", CODEBOOK, edited)
    assert "said" not in {row["cue"] for row in result.quotes}
    assert "told" not in {row["cue"] for row in result.quotes}
    assert doc._.actor_resolver.kb is edited


def test_a_long_text_is_annotated_once_on_the_joined_doc_without_warnings():
    knowledge = load_knowledge()
    text = TEXT * 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Doc.from_docs warns when it drops a Doc extension
        doc = parse_long(text, nlp(), chunk_chars=len(TEXT) + 10)
    assert doc._.actor_resolver is None
    result = analyze_doc(doc, "long", CODEBOOK, knowledge)
    assert [row["speaker"] for row in result.quotes] == ["Greta Lindqvist", "Greta Lindqvist"] * 3
    assert [s.start_char for s in doc.spans[STATEMENT_SPANS]] == [row["start_char"] for row in result.quotes]


def test_the_components_use_the_very_knowledge_the_pipeline_was_built_with(tmp_path):
    # A file edited after the knowledge was read must not reach the components (the corpus stores
    # their results under that knowledge's digest): they hold the object, not a reload of its files.
    from core.extraction.nlp import load_pipeline

    actors, lexicon = tmp_path / "actors.yaml", tmp_path / "lexicon.yaml"
    shutil.copy(DEFAULT_ACTORS, actors)
    shutil.copy(DEFAULT_LEXICON, lexicon)
    knowledge = load_knowledge(actors, lexicon)
    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    data["speech"] = [w for w in data["speech"] if w != "say"]
    lexicon.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pipeline = load_pipeline(knowledge=knowledge)
    assert all(pipeline.get_pipe(name).knowledge is knowledge for name in COMPONENTS)
    doc = pipeline(TEXT)
    assert doc._.actor_resolver.kb is knowledge
    assert "said" in {st.cue for st in doc._.statements}
