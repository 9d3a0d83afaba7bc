"""Failure class 5 of issue 13: a resolution, communique, draft or joint statement speaks for its
sponsors. Sentences, names and issues are written for these tests."""

from __future__ import annotations

import pytest

from core.knowledge.codebook import codebook_from_dict
from tests.nlp_fixtures import stance_triples

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "truce", "label": "Truce", "terms": ["truce"]},
    {"id": "fishing_quotas", "label": "Fishing quotas", "terms": ["fishing quota"]},
    {"id": "monitoring_mission", "label": "Monitoring mission", "terms": ["monitoring mission"]},
]})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The joint statement by Norway and Canada calls for a monitoring mission.",
         {("Norway", "monitoring_mission", "support"), ("Canada", "monitoring_mission", "support")}),
        ("A resolution sponsored by Norway backs the fishing quotas.", {("Norway", "fishing_quotas", "support")}),
        ("A draft from Chile and Peru rejects the fishing quotas.",
         {("Chile", "fishing_quotas", "oppose"), ("Peru", "fishing_quotas", "oppose")}),
        ("The communique signed by Kenya and Ghana supports the truce.", {("Kenya", "truce", "support"), ("Ghana", "truce", "support")}),
    ],
)
def test_a_document_speaks_for_its_sponsors(text, expected):
    assert stances(text) == expected


def test_a_document_without_sponsors_gives_no_holder():
    assert stances("A draft circulated on Monday backs the fishing quotas.") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # What a proposal or bill someone owns would do to the issue is the owner's side.
        ("Under Chile's proposal, the fishing quotas would be lifted.", ("Chile", "fishing_quotas", "oppose")),
        ("Under the plan put forward by Peru, the fishing quotas would be scrapped.", ("Peru", "fishing_quotas", "oppose")),
        ("Under the terms of Norway's draft, the monitoring mission would be scrapped.", ("Norway", "monitoring_mission", "oppose")),
        ("Under Chile's proposal, the fishing quotas won't be scrapped.", ("Chile", "fishing_quotas", "support")),
    ],
)
def test_what_an_owned_proposal_would_do_is_its_owners_side(text, expected):
    found = stances(text)
    assert expected in found
    assert (expected[0], expected[1], "support" if expected[2] == "oppose" else "oppose") not in found


@pytest.mark.parametrize(
    "text",
    ["Under Chile's proposal, the fishing quotas were lifted.",  # what happened
     "Under a proposal opposed by Chile, the fishing quotas would be lifted.",  # not Chile's proposal
     "Under a plan rejected by Chile, the fishing quotas would be scrapped."],
)
def test_no_side_of_chiles_from_what_happened_or_a_proposal_it_rejected(text):
    assert not {row for row in stances(text) if row[0] == "Chile" and row[2] == "oppose"}
