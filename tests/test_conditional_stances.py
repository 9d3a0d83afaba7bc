"""Failure class 6 of issue 13: a threat or a promise made on a condition takes a side on the
condition's issue. Sentences, names and issues are written for these tests."""

from __future__ import annotations

import pytest

from core.knowledge.codebook import codebook_from_dict
from tests.nlp_fixtures import stance_triples

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "truce", "label": "Truce", "terms": ["truce"]},
    {"id": "fishing_pact", "label": "Fishing pact", "terms": ["fishing pact"]},
]})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A threat against not keeping X: the one who threatens wants X.
        ("If Peru does not follow through with a truce, Mayor Tom Baker threatened new levies.", ("Tom Baker", "truce", "support")),
        ("If Peru breaches the truce, Mayor Tom Baker warned of new levies.", ("Tom Baker", "truce", "support")),
        ("Unless Peru agrees to the truce, Mayor Tom Baker threatened new levies.", ("Tom Baker", "truce", "support")),
        # A promise for doing X: the one who promises wants X.
        ("If Iceland signs the fishing pact, Mayor Tom Baker promised new harbour funds.", ("Tom Baker", "fishing_pact", "support")),
    ],
)
def test_a_conditional_threat_or_promise_takes_the_side_of_its_condition(text, expected):
    found = stances(text)
    assert expected in found
    actor, issue, stance = expected
    assert (actor, issue, {"support": "oppose", "oppose": "support"}[stance]) not in found, "one side, not both"


def test_a_threat_for_dragging_feet_on_an_issue_is_one_stance_for_it():
    found = stances("Mayor Tom Baker threatened Peru with consequences for dragging its feet in truce negotiations.")
    assert ("Tom Baker", "truce", "support") in found and ("Tom Baker", "truce", "oppose") not in found


def test_a_plain_conditional_without_a_threat_keeps_the_rules_reading():
    # No threat or promise in the main clause: the conditional rule does not apply.
    found = stances("If Peru keeps the truce, Mayor Tom Baker said talks could resume.")
    assert ("Tom Baker", "truce", "oppose") not in found
