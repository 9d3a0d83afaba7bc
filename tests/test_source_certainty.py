"""Failure class 7 of issue 13, source and certainty: in "X would not confirm that Y's demands
include conditions unacceptable to Z", Y's demands are reported by X and unconfirmed, while
"unacceptable to Z" describes the conditions in the journalist's own words: Z's view is narrative,
stated, with no source, and never X's report. Sentences, names and issues are written for these
tests."""

from __future__ import annotations

import pytest

from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import codebook_from_dict
from tests.nlp_fixtures import nlp, rows

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "buffer_zone", "label": "Buffer zone", "terms": ["buffer zone"]},
    {"id": "fisheries_treaty", "label": "Fisheries treaty", "terms": ["fisheries treaty"]},
]})


def claims(text: str) -> dict[str, tuple[str, str, str, str]]:
    """actor -> (stance, certainty, attribution, source) of the text's stance rows (one per actor here)."""
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=CODEBOOK, scorer=None)
    found = rows(tables.stances, "actor", "stance", "certainty", "attribution", "source")
    assert len({row[0] for row in found}) == len(found), found
    return {actor: (stance, certainty, attribution, source) for actor, stance, certainty, attribution, source in found}


UNCONFIRMED_DESCRIBED = [
    # An attributive adjective's experiencer describes the conditions.
    "Minister Ana Torres would not confirm that Chile's demands include conditions unacceptable to Kenya, among which a buffer zone along the river.",
    # So does the holder of a relative clause on the issue.
    "Minister Ana Torres would not confirm that Chile's demands include the fisheries treaty, which Kenya has rejected.",
]


@pytest.mark.parametrize("text", UNCONFIRMED_DESCRIBED)
def test_a_description_inside_an_unconfirmed_report_is_the_journalists(text):
    found = claims(text)
    assert found["Chile"] == ("support", "unconfirmed", "indirect", "Ana Torres")
    assert found["Kenya"] == ("oppose", "stated", "narrative", "")


def test_what_the_speaker_would_not_confirm_stays_unconfirmed_and_hers():
    # Here the experiencer is the predicate of what Torres would not confirm, not a description.
    found = claims("Minister Ana Torres would not confirm that the buffer zone is unacceptable to Kenya.")
    assert found["Kenya"] == ("oppose", "unconfirmed", "indirect", "Ana Torres")


def test_a_description_in_an_asserted_report_stays_the_speakers():
    # Torres asserts the whole clause: the description is reported by her.
    found = claims("Minister Ana Torres said that Chile's demands include conditions unacceptable to Kenya, among which a buffer zone along the river.")
    assert found["Kenya"] == ("oppose", "reported", "indirect", "Ana Torres")
    assert found["Chile"] == ("support", "reported", "indirect", "Ana Torres")
