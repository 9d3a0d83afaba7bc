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
