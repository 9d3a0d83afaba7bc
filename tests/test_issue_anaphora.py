"""Failure class 2 of issue 13: "the idea", "this plan", "such a deployment" stand for the issue
named in the sentence before. Sentences, names and issues are written for these tests."""

from __future__ import annotations

import pytest

from core.knowledge.codebook import codebook_from_dict
from tests.nlp_fixtures import analyse, rows, stance_triples

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "monitoring_mission", "label": "Monitoring mission", "terms": ["monitoring mission"]},
    {"id": "fishing_quotas", "label": "Fishing quotas", "terms": ["fishing quota"]},
]})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Norway proposed a monitoring mission. Canada flatly turned the idea down.", ("Canada", "monitoring_mission", "oppose")),
        ("Norway proposed a monitoring mission. Mayor Tom Baker said he supports the proposal.", ("Tom Baker", "monitoring_mission", "support")),
        ("Iceland floated new fishing quotas. Chile rejected this plan on Monday.", ("Chile", "fishing_quotas", "oppose")),
    ],
)
def test_an_anaphoric_noun_phrase_takes_the_issue_of_the_sentence_before(text, expected):
    assert expected in stances(text)


def test_no_anaphora_when_the_sentence_before_names_two_issues():
    text = "Norway proposed a monitoring mission and new fishing quotas. Canada rejected the idea."
    assert not {row for row in stances(text) if row[0] == "Canada"}


def test_a_noun_without_a_determiner_or_owner_is_no_anaphor():
    text = "Norway proposed a monitoring mission. Canada rejected ideas from abroad."
    assert not {row for row in stances(text) if row[0] == "Canada"}


@pytest.mark.parametrize(
    "second",
    [
        "Canada rejected the idea of a joint patrol.",  # "of" says what the idea is
        "Canada rejected the plan to hire more wardens.",  # so does a "to" clause
        "Canada rejected the proposal that wardens carry arms.",  # and a "that" clause
    ],
)
def test_a_noun_that_says_what_it_is_refers_to_nothing_before(second):
    assert not {row for row in stances("Norway proposed a monitoring mission. " + second) if row[0] == "Canada"}


def test_an_owner_after_of_keeps_the_noun_anaphoric():
    text = "Norway proposed a monitoring mission. Canada rejected the proposal of Norway."
    assert ("Canada", "monitoring_mission", "oppose") in stances(text)


def test_an_owner_with_a_country_adjective_after_of_keeps_the_noun_anaphoric():
    text = "Norway proposed a monitoring mission. Canada rejected the proposal of the Norwegian government."
    assert ("Canada", "monitoring_mission", "oppose") in stances(text)


def test_a_pronoun_stands_for_the_issue_named_before_it_when_the_one_after_is_named_loosely():
    # (a construction case: "... told an audience that she opposes it, arguing that the country could
    # not build its way to a clean-energy future"; a loose match after "it" hid the issue before)
    text = ("Senator Ana Ortiz, who had refused for months to say where she stood on the steel quotas, told "
            "reporters on Tuesday that she opposes them, arguing that the country needed relief of its debt more.")
    assert ("Ana Ortiz", "steel_quotas", "oppose") in rows(analyse(text).stances, "actor", "issue", "stance")


def test_a_pronoun_takes_no_issue_when_the_codebook_names_another_in_the_sentence():
    # (a reviewer's case: "it" is the new tax, which the codebook does not know)
    text = ("Senator Ana Ortiz, who backed the steel quotas, said the new levy was unfair and that she "
            "opposes it because of the debt relief.")
    assert ("Ana Ortiz", "steel_quotas", "oppose") not in rows(analyse(text).stances, "actor", "issue", "stance")


@pytest.mark.parametrize(
    "text, expected",
    [
        # "it", "this", "that" as the subject of a copula the lexicon judges, after a sentence about the issue
        ('Parliament debated the monitoring mission. "This is a terrible idea," said Senator Maria Lund.', ("Maria Lund", "monitoring_mission", "oppose")),
        ('Parliament debated the monitoring mission. "It is a terrible idea," said Senator Maria Lund.', ("Maria Lund", "monitoring_mission", "oppose")),
        ("Parliament debated the monitoring mission. Senator Maria Lund said it was a disaster.", ("Maria Lund", "monitoring_mission", "oppose")),
        ("Parliament debated the monitoring mission. That is good news for farmers, Senator Maria Lund said.", ("Maria Lund", "monitoring_mission", "support")),
        # ... or of a verb of what the issue does to others
        ("Parliament debated the monitoring mission. Senator Maria Lund said it would hurt farmers.", ("Maria Lund", "monitoring_mission", "oppose")),
        ('Parliament debated the monitoring mission. "This will benefit every family," Senator Maria Lund said.', ("Maria Lund", "monitoring_mission", "support")),
    ],
)
def test_a_judged_subject_pronoun_takes_the_issue_of_the_sentence_before(text, expected):
    found = stances(text)
    assert expected in found
    actor, issue, stance = expected
    assert (actor, issue, "support" if stance == "oppose" else "oppose") not in found


@pytest.mark.parametrize(
    "text",
    [
        # "it" for a clause after it, an actor of its own sentence, or a predicate that judges nothing
        "Parliament debated the monitoring mission. It was a long day, Senator Maria Lund said.",
        "Parliament debated the monitoring mission. It is unclear whether it will pass, Senator Maria Lund said.",
        "Parliament debated the monitoring mission. Kenya said it was unacceptable.",
        "Parliament debated the monitoring mission. Kenya said it would protect its farmers.",
        # a relative "that" is the noun it is on; what the issue does to one person's own is no side
        "Parliament debated the monitoring mission on Monday. Senator Maria Lund backed a rival plan that was a disaster, she said.",
        "Parliament debated the monitoring mission. Senator Maria Lund said it would hurt my campaign.",
        # (not after a sentence about something else: a storm)
        "A storm hit the coast after Parliament backed the monitoring mission. Senator Maria Lund said it had hurt farmers.",
    ],
)
def test_a_subject_pronoun_that_is_no_judged_issue_takes_none(text):
    assert not {row for row in stances(text) if row[0] in ("Maria Lund", "Kenya")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun that refers back, in a clause coordinated with the one that names the issue
        ("Paris and Berlin backed the fishing quota, but Dublin has blocked the proposal.", ("Ireland", "fishing_quota", "oppose")),
        ("Ghana endorsed the fishing quota while Togo rejected the measure.", ("Togo", "fishing_quota", "oppose")),
    ],
)
def test_a_referring_noun_in_a_coordinated_clause_takes_the_issue(text, expected):
    codebook = codebook_from_dict({"issues": [{"id": "fishing_quota", "label": "Fishing quota", "terms": ["fishing quota"]}]})
    found = stance_triples(text, codebook)
    assert expected in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # "it" as the subject of what a coordinated verb reports, doing what only an issue does
        ("Chile backed the fishing quota, but Peru said it would hurt small boats.", ("Peru", "fishing_quota", "oppose")),
        ("The Andes Anglers Club called the fishing quota long overdue, while the Lima Trawler Guild warned it would cost 3,000 jobs.",
         ("Lima Trawler Guild", "fishing_quota", "oppose")),
    ],
)
def test_it_as_the_subject_of_a_coordinated_report_takes_the_issue(text, expected):
    codebook = codebook_from_dict({"issues": [{"id": "fishing_quota", "label": "Fishing quota", "terms": ["fishing quota"]}]})
    found = stance_triples(text, codebook)
    assert expected in found, found


def test_it_as_the_subject_of_a_coordinated_report_of_an_act_is_its_speaker():
    codebook = codebook_from_dict({"issues": [{"id": "fishing_quota", "label": "Fishing quota", "terms": ["fishing quota"]}]})
    found = stance_triples("Chile backed the fishing quota, and Peru said it would oppose new taxes.", codebook)
    assert not {row for row in found if row[0] == "Peru"}, found
