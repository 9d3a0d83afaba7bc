"""The candidates (core.extraction.candidates) and their recall (core.evaluation.candidates), on
sentences written for these tests about other countries, people and issues."""

from __future__ import annotations

import pandas as pd
import pytest

from core.cli import main
from core.evaluation.candidates import MISS_REASONS, candidate_recall, candidates_frame, pooled
from core.extraction.candidates import Candidate, dependency_distance, find_candidates
from core.extraction.stance import StanceFinder
from core.knowledge.codebook import codebook_from_dict
from core.knowledge.gazetteer import load_knowledge
from tests.nlp_fixtures import nlp

CODEBOOK = codebook_from_dict(
    {
        "name": "Candidate tests",
        "issues": [
            {"id": "carbon_tax", "label": "Carbon tax", "patterns": [r"\bcarbon\s+tax\b"]},
            {"id": "steel_quotas", "label": "Steel quotas", "patterns": [r"\bsteel\s+quotas\b"]},
            {"id": "monitoring_mission", "label": "Monitoring mission", "patterns": [r"\bmonitoring\s+mission\b"]},
            {"id": "fishing_accord", "label": "Arctic fishing agreement", "patterns": [r"\bArctic\s+fishing\s+(?:accord|agreement)\b"]},
        ],
    },
    "candidate-test codebook",
)


def candidates(text: str) -> list[Candidate]:
    return find_candidates(nlp()(text), CODEBOOK, "t")


def one(found: list[Candidate], actor: str, issue: str, sentence: int | None = None) -> Candidate:
    """The candidate of ``actor`` on ``issue`` (in ``sentence`` when given); fails when absent."""
    hits = [c for c in found if c.actor == actor and c.issue == issue and (sentence is None or c.sentence == sentence)]
    assert len(hits) == 1, f"{actor} / {issue}: {[(c.actor, c.issue, c.sentence) for c in found]}"
    return hits[0]


# ------------------------------------------------------------------------------------ holder and polarity details


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Norway accepted the carbon tax.", ""),
        ("Norway did not accept the carbon tax.", "cue"),  # on the issue's governing verb
        ("Norway accepted no carbon tax.", "issue"),  # on the issue's own head
        ("Norway did not say that it would accept the carbon tax.", "above"),  # on a verb above the cue
    ],
)
def test_where_the_negation_sits(text, scope):
    assert one(candidates(text), "Norway", "carbon_tax").negation_scope == scope


def test_a_holder_named_inside_someone_else_s_words():
    for text in ("Norway said Chile must accept the carbon tax.", "“Chile must accept the carbon tax,” Norway said."):
        found = candidates(text)
        assert one(found, "Chile", "carbon_tax").holder_in_content  # named in what Norway says
        assert not one(found, "Norway", "carbon_tax").holder_in_content  # the speaker
    assert not one(candidates("Chile accepted the carbon tax."), "Chile", "carbon_tax").holder_in_content


def test_the_holder_s_own_verb_when_it_is_not_the_issue_s():
    assert one(candidates("Chile dismissed calls to adopt the carbon tax."), "Chile", "carbon_tax").holder_verb_polarity == "oppose"
    assert one(candidates("Chile welcomed calls to adopt the carbon tax."), "Chile", "carbon_tax").holder_verb_polarity == "support"
    # the holder's verb is the issue's governing verb: the cue already says it
    assert one(candidates("Chile rejected the steel quotas."), "Chile", "steel_quotas").holder_verb_polarity == ""


# ------------------------------------------------------------------------------------ holder kinds


def test_the_subject_of_the_issue_s_predicate():
    cand = one(candidates("Norway rejected the carbon tax."), "Norway", "carbon_tax")
    assert cand.holder_kind == "subject"
    assert cand.cue_lemma == "reject"
    assert cand.path_length == 2 and cand.token_distance > 0
    assert cand.attribution == "none"
    assert not (cand.negated or cand.hedged or cand.question or cand.conditional)


def test_the_passive_agent():
    cand = one(candidates("The steel quotas were rejected by Chile."), "Chile", "steel_quotas")
    assert cand.holder_kind == "agent"
    assert "cooccurrence" in cand.holder_kinds


def test_the_possessor_of_a_noun_and_a_mere_co_occurrence():
    found = candidates("Peru's demand for a carbon tax surprised Brazil.")
    assert one(found, "Peru", "carbon_tax").holder_kind == "possessor"
    brazil = one(found, "Brazil", "carbon_tax")
    assert brazil.holder_kind == "cooccurrence"
    assert brazil.holder_kinds == ("cooccurrence",)


def test_the_experiencer_of_an_adjective_and_the_speaker():
    found = candidates("The steel quotas are unacceptable to Argentina, said Mexico.")
    assert one(found, "Argentina", "steel_quotas").holder_kind == "experiencer"
    mexico = one(found, "Mexico", "steel_quotas")
    assert mexico.holder_kind == "speaker"
    assert mexico.attribution == "indirect"


def test_the_holders_of_a_relative_clause():
    found = candidates("A monitoring mission, which has been floated by Norway and Canada, is under discussion.")
    assert one(found, "Norway", "monitoring_mission").holder_kind == "relative_clause"
    assert one(found, "Canada", "monitoring_mission").holder_kind == "relative_clause"


def test_a_pronoun_resolved_to_a_person_named_before():
    text = "Finnish Prime Minister Sanna Marin spoke in Helsinki on Monday. She rejected the carbon tax."
    cand = one(candidates(text), "Sanna Marin", "carbon_tax", sentence=2)
    assert cand.holder_kind == "anaphora"
    assert cand.country == "Finland" and cand.actor_type == "person"
    assert text[cand.issue_start : cand.issue_end] == "carbon tax"


def test_a_pronoun_offers_more_than_one_antecedent():
    # "He" may be either minister: both are offered, the scorer decides.
    text = "Kenya's trade minister Amos Kiprono met Ghana's finance minister Kofi Mensah. He rejected the steel quotas."
    found = candidates(text)
    assert {c.actor for c in found if c.sentence == 2 and c.holder_kind == "anaphora"} >= {"Amos Kiprono", "Kofi Mensah"}


def test_a_direct_quote_is_the_evidence_and_we_is_its_speaker():
    text = '"We will never accept steel quotas," said Mexico\'s economy minister Luis Ortega.'
    cand = one(candidates(text), "Luis Ortega", "steel_quotas")
    assert cand.holder_kind == "speaker" and "anaphora" in cand.holder_kinds
    assert cand.attribution == "direct"
    assert text[cand.evidence_start : cand.evidence_end] == "We will never accept steel quotas,"
    assert cand.negated


# ------------------------------------------------------------------------------------ issue anaphora


@pytest.mark.parametrize(
    ("text", "actor", "issue", "anaphor"),
    [
        ("Sweden backed a carbon tax on Monday. Ottawa flatly turned the idea down.", "Canada", "carbon_tax", "idea"),
        ("Denmark wants a monitoring mission in the strait. Poland opposes such a deployment.", "Poland", "monitoring_mission", "deployment"),
        ("Kenya backed the carbon tax. Tanzania has doubts about it.", "Tanzania", "carbon_tax", "it"),
    ],
)
def test_an_anaphoric_word_refers_to_the_issue_of_the_sentence_before(text, actor, issue, anaphor):
    found = candidates(text)
    cand = one(found, actor, issue, sentence=2)
    assert cand.issue_anaphor == anaphor
    assert text[cand.issue_start : cand.issue_end] == anaphor
    assert text[cand.antecedent_start : cand.antecedent_end].lower() in ("carbon tax", "monitoring mission")
    assert cand.holder_kind == "subject"


def test_without_an_anaphoric_word_the_issue_does_not_carry_over():
    found = candidates("Sweden backed a carbon tax on Monday. Ottawa held elections in May.")
    assert [c.sentence for c in found] == [1]


def test_a_labelled_noun_refers_to_an_issue_named_further_back():
    # "the agreement" is a word of the issue's label ("Arctic fishing agreement"), named four sentences before.
    text = (
        "Iceland signed the Arctic fishing accord in June. The harbours were busy. Prices rose. "
        "Boats were repaired. Norway later praised the agreement."
    )
    cand = one(candidates(text), "Norway", "fishing_accord", sentence=5)
    assert cand.issue_anaphor == "agreement"


# ------------------------------------------------------------------------------------ clause flags


@pytest.mark.parametrize(
    ("text", "actor", "flag"),
    [
        ("Does Denmark accept steel quotas?", "Denmark", "question"),
        ("If Chile imposes steel quotas, Peru could retaliate.", "Chile", "conditional"),
        ("Finland will not back the carbon tax.", "Finland", "negated"),
        ("Austria may accept the steel quotas.", "Austria", "hedged"),
    ],
)
def test_clause_flags(text, actor, flag):
    found = candidates(text)
    cand = next(c for c in found if c.actor == actor)
    assert getattr(cand, flag) is True
    others = {"question", "conditional", "negated", "hedged"} - {flag}
    assert not any(getattr(cand, other) for other in others)


# ------------------------------------------------------------------------------------ rule verdicts


def test_the_rule_verdict_is_what_the_stance_finder_says():
    text = (
        "Norway rejected the carbon tax. The steel quotas were welcomed by Chile, officials said. "
        "Peru's demand for a carbon tax surprised Brazil. Finland may accept the steel quotas."
    )
    doc = nlp()(text)
    found = find_candidates(doc, CODEBOOK, "t")
    claims = StanceFinder(doc, doc._.actor_resolver, doc._.statements, CODEBOOK).claims()
    assert claims, "the rules must claim something here, or the test proves nothing"
    expected = {}
    for claim in claims:
        expected.setdefault((claim.sentence, claim.mention.actor.name, claim.issue), (claim.stance, claim.certainty))
    for cand in found:
        assert (cand.rule_stance, cand.rule_certainty) == expected.get((cand.sentence, cand.actor, cand.issue), ("", ""))
    assert one(found, "Norway", "carbon_tax").rule_stance == "oppose"
    assert one(found, "Finland", "steel_quotas").rule_certainty == "unconfirmed"
    assert one(found, "Brazil", "carbon_tax").rule_stance == ""


def test_dependency_distance():
    doc = nlp()("Norway rejected the carbon tax.")
    norway, tax = doc[0], doc[4]
    assert dependency_distance(norway, tax) == dependency_distance(tax, norway) == 2
    assert dependency_distance(norway, norway) == 0


# ------------------------------------------------------------------------------------ recall


def _candidate(article_id: str, actor: str, issue: str, actor_type: str = "person", start: int = 0, end: int = 10) -> Candidate:
    return Candidate(
        article_id=article_id, sentence=1, actor=actor, actor_type=actor_type, country="", issue=issue,
        issue_start=start, issue_end=end, evidence_start=start, evidence_end=end, holder_kind="subject",
        holder_kinds=("subject",), holder_start=start, holder_end=start + 1, path_length=1, token_distance=1,
        attribution="none", rule_stance="", rule_certainty="", negated=False, hedged=False, question=False,
        conditional=False, cue_lemma="",
    )


def test_candidate_recall_on_a_hand_made_gold_table():
    gold = pd.DataFrame(
        [
            # article, actor, type, issue, stance, required, start, end
            ("a1", "Amara Okafor", "person", "carbon_tax", "support", "yes", "0", "10"),  # covered ("Okafor")
            ("a1", "Amara Okafor", "person", "carbon_tax", "oppose", "yes", "0", "10"),  # covered: stance plays no part
            ("a1", "Chile", "government", "steel_quotas", "oppose", "yes", "20", "30"),  # covered
            ("a1", "Peru", "government", "steel_quotas", "support", "yes", "20", "30"),  # holder not offered there
            ("a1", "Chile", "government", "carbon_tax", "support", "yes", "40", "50"),  # never paired; issue not matched there
            ("a1", "Brazil", "government", "carbon_tax", "support", "yes", "0", "10"),  # actor not found
            ("a1", "Norway", "government", "steel_quotas", "oppose", "no", "20", "30"),  # optional: not counted
        ],
        columns=["article_id", "actor", "actor_type", "issue", "stance", "required", "start_char", "end_char"],
    ).assign(country="", evidence="")
    found = [
        _candidate("a1", "Okafor", "carbon_tax"),
        _candidate("a1", "Chile", "steel_quotas", "government", 20, 30),
        _candidate("a1", "Chile", "steel_quotas", "government", 20, 30),  # the same pair in a second sentence
        _candidate("a1", "Peru", "carbon_tax", "government"),
        _candidate("a1", "Chile", "steel_quotas", "government", 40, 50),  # Chile, but not on the carbon tax
    ]
    mentioned = [("Amara Okafor", "person"), ("Chile", "government"), ("Peru", "government")]
    result = candidate_recall(gold, candidates_frame(found), load_knowledge(), mentioned, "a1", "toy")
    assert (result.covered, result.gold) == (3, 6)
    assert result.recall == pytest.approx(0.5)
    assert result.candidates == 5 and result.pairs == 3
    assert result.per_gold == pytest.approx(5 / 6)
    assert (result.at_evidence, result.located) == (3, 6)  # every row has offsets here
    reasons = {(m.actor, m.issue): m.reason for m in result.missed}
    assert reasons == {
        ("Peru", "steel_quotas"): MISS_REASONS[2],
        ("Chile", "carbon_tax"): MISS_REASONS[1],
        ("Brazil", "carbon_tax"): MISS_REASONS[0],
    }
    both = pooled([result, result], "both")
    assert (both.covered, both.gold, both.candidates, both.at_evidence) == (6, 12, 10, 6)


def test_no_candidates_cover_nothing():
    gold = pd.DataFrame([("a1", "Chile", "government", "", "steel_quotas", "oppose", "yes")],
                        columns=["article_id", "actor", "actor_type", "country", "issue", "stance", "required"])
    result = candidate_recall(gold, candidates_frame([]), load_knowledge())
    assert (result.covered, result.gold, result.recall) == (0, 1, 0.0)


def test_the_command_refuses_to_list_test_errors(capsys):
    assert main(["candidates", "--split", "test", "-v"]) == 2
    assert "test articles are only scored" in capsys.readouterr().err


def test_a_pronoun_does_not_reach_an_issue_named_long_before():
    # "it" may refer to an issue of the last three sentences only.
    far = candidates("Chile imposed steel quotas in March. The port was quiet. Trucks waited. Ships left. Bolivia criticised it.")
    assert not any(c.actor == "Bolivia" for c in far)
    near = candidates("Chile imposed steel quotas in March. The port was quiet. Trucks waited. Bolivia criticised it.")
    assert one(near, "Bolivia", "steel_quotas", sentence=4).issue_anaphor == "it"


def test_a_noun_that_names_its_own_content_offers_no_earlier_issue():
    # "the idea of a carbon tax" is the carbon tax, not the monitoring mission of the sentence before
    found = candidates("Denmark wants a monitoring mission. Poland, which called the idea of a carbon tax a hoax, voted.")
    assert {(c.actor, c.issue) for c in found if c.sentence == 2} == {("Poland", "carbon_tax")}
