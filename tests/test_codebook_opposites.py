"""Opposite terms and patterns in the codebook: things whose support is opposition to an issue
("fracking" for limits on fossil fuels, "gun rights" for stricter gun laws). A stance on such a
match is turned round in the table, by the rules and by the scorer; the scorer learns and predicts
the side on the words. Sentences, names and issues are written for these tests."""

from __future__ import annotations

import pytest

from core.evaluation.training import label_candidates
from core.extraction.candidates import CandidateFinder
from core.extraction.pipeline import analyze_articles, configured_scorer
from core.ingest.text import article_from_text
from core.knowledge.codebook import (
    CodebookError,
    IssueDraft,
    changed_issues,
    codebook_from_dict,
    codebook_from_yaml,
    codebook_to_yaml,
    validate_issue,
    with_issue,
)
from tests.nlp_fixtures import nlp, rows

MINING = {"issues": [
    {"id": "mining_limits", "label": "Limits on mining", "description": "Support = mining is limited or banned.",
     "terms": ["mining ban", "mining moratorium"], "opposite_terms": ["open-pit mining", "copper mine"],
     "opposite_patterns": [r"\bTalvik\s+(?:mine|project)\b"]},
    {"id": "water_tax", "label": "Water tax", "terms": ["water tax"]},
]}


def test_opposite_terms_and_patterns_are_found_and_marked():
    book = codebook_from_dict(MINING)
    found = {(m.issue, m.opposite) for m in book.find("Kenya backs a mining ban, the Talvik mine and open-pit mining, not a water tax.")}
    assert found == {("mining_limits", False), ("mining_limits", True), ("water_tax", False)}
    assert [m.opposite for m in book.find("The copper mines and a mining moratorium.")] == [True, False]


def test_opposites_survive_the_yaml_round_trip_key_the_digest_and_count_as_changes():
    book = codebook_from_dict(MINING)
    again = codebook_from_yaml(codebook_to_yaml(book))
    assert again.issues[0].opposite_terms == ("open-pit mining", "copper mine")
    assert [p.pattern for p in again.issues[0].opposite_patterns] == [r"\bTalvik\s+(?:mine|project)\b"]
    assert again.digest == book.digest
    fewer = codebook_from_dict({"issues": [{**MINING["issues"][0], "opposite_terms": ["copper mine"]}, MINING["issues"][1]]})
    assert fewer.digest != book.digest and changed_issues(book, fewer) == {"mining_limits"}


def test_bad_opposites_are_refused_with_the_issue_named():
    with pytest.raises(CodebookError, match="mining_limits.*pattern"):
        codebook_from_dict({"issues": [{**MINING["issues"][0], "opposite_patterns": ["(unclosed"]}]})
    with pytest.raises(CodebookError, match="opposite_termz"):
        codebook_from_yaml("issues:\n  - id: a\n    terms: [x]\n    opposite_termz: [y]\n")
    book = codebook_from_dict(MINING)
    problems = validate_issue(IssueDraft("dams", "Dams", terms=["dam ban"], opposite_patterns=["(unclosed"]), book)
    assert problems and "(unclosed" in problems[0]


def test_the_editor_keeps_opposites():
    book = codebook_from_dict(MINING)
    added = with_issue(book, IssueDraft("dam_limits", "Limits on dams", terms=["dam ban"], opposite_terms=[" river   dam "]))
    assert added.issues[-1].opposite_terms == ("river dam",)
    assert IssueDraft.from_issue(added.issues[-1]).opposite_terms == ["river dam"]
    assert [m.opposite for m in added.find("They oppose the river dams.")] == [True]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Governor Ana Souza said she opposes open-pit mining.", ("Ana Souza", "mining_limits", "support")),
        ("Governor Ana Souza backed the Talvik mine.", ("Ana Souza", "mining_limits", "oppose")),
        ("Governor Ana Souza backed a mining ban.", ("Ana Souza", "mining_limits", "support")),
        # an anaphor of an opposite match is one too
        ("Governor Ana Souza visited the Talvik project on Monday. She said she would fight it.", ("Ana Souza", "mining_limits", "support")),
    ],
)
def test_the_rules_turn_a_stance_on_an_opposite_match_round(text, expected):
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook_from_dict(MINING), scorer=None)
    found = rows(tables.stances, "actor", "issue", "stance")
    assert expected in found
    assert (expected[0], expected[1], {"support": "oppose", "oppose": "support"}[expected[2]]) not in found


def test_the_scorer_turns_its_stance_on_an_opposite_match_round():
    scorer, _ = configured_scorer()
    assert scorer is not None
    text = "Governor Ana Souza said she opposes open-pit mining. Governor Lars Berg said he supports a mining ban."
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook_from_dict(MINING), scorer=scorer)
    shown = tables.stances[tables.stances["confidence"] >= scorer.min_confidence]
    found = rows(shown, "actor", "issue", "stance")
    assert ("Ana Souza", "mining_limits", "support") in found and ("Lars Berg", "mining_limits", "support") in found
    assert ("Ana Souza", "mining_limits", "oppose") not in found


def test_a_candidate_on_an_opposite_match_learns_the_side_on_its_words():
    import pandas as pd

    text = "Governor Ana Souza said she opposes open-pit mining."
    candidates = CandidateFinder(nlp()(text), codebook_from_dict(MINING), "t").candidates()
    souza = [c for c in candidates if c.actor == "Ana Souza"]
    assert souza and all(c.opposite for c in souza)
    gold = pd.DataFrame([{"article_id": "t", "actor": "Ana Souza", "actor_type": "person", "country": "", "issue": "mining_limits",
                          "stance": "support", "certainty": "stated", "attribution": "indirect", "source": "",
                          "start_char": 0, "end_char": len(text), "quote": text, "required": "yes"}])
    labels = label_candidates(souza, gold, text)
    assert set(labels) == {"oppose"}


@pytest.mark.parametrize("text, name", [
    ("Governor Ana Souza backed a mining ban.", "Ana Souza"),  # only "Souza" tagged by the NER
    ("Senator Lars Berg backed a mining ban.", "Lars Berg"),
])
def test_a_first_name_between_a_role_and_a_tagged_surname_is_the_name(text, name):
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook_from_dict(MINING), scorer=None)
    assert set(tables.stances["actor"]) == {name}


def table(text: str, scorer=None) -> set[tuple[str, str, str]]:
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook_from_dict(MINING), scorer=scorer)
    shown = tables.stances if scorer is None else tables.stances[tables.stances["confidence"] >= scorer.min_confidence]
    return rows(shown, "actor", "issue", "stance")


@pytest.mark.parametrize("text", [
    # a plain and an opposite match of one issue in one sentence: the rules' verdict read back on
    # each occurrence's own words, with the scorer too
    "Rejecting the Talvik mine, Governor Ana Souza backed a mining ban.",
    "After rejecting open-pit mining in May, Governor Ana Souza said she backs a mining ban.",
])
def test_a_plain_and_an_opposite_match_in_one_sentence_agree(text):
    scorer, _ = configured_scorer()
    for found in (table(text), table(text, scorer)):
        assert ("Ana Souza", "mining_limits", "support") in found
        assert ("Ana Souza", "mining_limits", "oppose") not in found


def test_two_claims_on_the_same_side_are_one_row_and_opposite_sides_two():
    tables = analyze_articles([article_from_text("Governor Ana Souza backed a mining ban and opposed the Talvik mine.", "t")],
                              nlp=nlp(), codebook=codebook_from_dict(MINING), scorer=None)
    souza = tables.stances[tables.stances["actor"] == "Ana Souza"]
    assert list(souza["stance"]) == ["support"]
    both = table("Governor Ana Souza backed a mining ban and the Talvik mine.")
    assert {("Ana Souza", "mining_limits", "support"), ("Ana Souza", "mining_limits", "oppose")} <= both


def test_a_word_referring_back_is_opposite_only_when_every_earlier_match_was():
    found = table("Parliament proposed a mining ban to stop open-pit mining. Senator Lars Berg rejected the proposal.")
    assert ("Lars Berg", "mining_limits", "oppose") in found and ("Lars Berg", "mining_limits", "support") not in found


def test_the_same_term_on_both_sides_is_refused():
    with pytest.raises(CodebookError, match="both for the issue and as its opposite"):
        codebook_from_dict({"issues": [{"id": "a", "terms": ["copper mine"], "opposite_terms": ["Copper mine"]}]})
    book = codebook_from_dict(MINING)
    assert validate_issue(IssueDraft("b", "B", terms=["dam"], opposite_terms=["dam"]), book)
