"""Failure class 3 of issue 13: holders in relative and reduced clauses. The agent or subject of a
clause that modifies an issue holds a view on it ("a mission, which has been floated by X"), the
speaker of a relative clause of speech holds what it says of the issue ("the pact, which X has
said will never pass"), and what a noun is said to be inherits the view of whoever sought it ("the
concession X sought, which was Y"). Sentences, names and issues are written for these tests."""

from __future__ import annotations

import pytest

from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import codebook_from_dict
from tests.nlp_fixtures import nlp, rows, stance_triples

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "water_accord", "label": "Water-sharing accord", "terms": ["water-sharing accord"]},
    {"id": "fisheries_treaty", "label": "Fisheries treaty", "terms": ["fisheries treaty"]},
    {"id": "tariff_exemption", "label": "Tariff exemption", "terms": ["tariff exemption"]},
]})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)


@pytest.mark.parametrize(
    "text, expected",
    [
        # The agent of a relative or reduced passive clause.
        ("Ministers discussed a water-sharing accord, which has been floated by Chile and Peru.", {("Chile", "water_accord", "support"), ("Peru", "water_accord", "support")}),
        ("Delegates debated a fisheries treaty first floated by Kenya and Tanzania.", {("Kenya", "fisheries_treaty", "support"), ("Tanzania", "fisheries_treaty", "support")}),
        # The subject of an object relative, with or without a relative pronoun.
        ("Delegates debated the fisheries treaty, which Kenya has signed.", {("Kenya", "fisheries_treaty", "support")}),
        ("Delegates debated the water-sharing accord Chile rejected last year.", {("Chile", "water_accord", "oppose")}),
        # The speaker of a relative clause of speech: what is said of the issue.
        ("Peru backed the water-sharing accord, which Senator Maria Lund has said will never pass.", {("Maria Lund", "water_accord", "oppose")}),
        ("Delegates debated the fisheries treaty, which Kenya says it will reject.", {("Kenya", "fisheries_treaty", "oppose")}),
        ("Delegates debated the fisheries treaty, which Tanzania says is essential.", {("Tanzania", "fisheries_treaty", "support")}),
        # What the noun someone sought is said to be: a relative copula or a main-clause one.
        ("Farmers waited for the concession Santiago sought, which was a tariff exemption.", {("Chile", "tariff_exemption", "support")}),
        ("The concession Santiago sought was a tariff exemption.", {("Chile", "tariff_exemption", "support")}),
        ("Farmers waited for the concession Santiago rejected, which was a tariff exemption.", {("Chile", "tariff_exemption", "oppose")}),
    ],
)
def test_the_holder_of_a_relative_or_reduced_clause_holds_a_view_on_its_noun(text, expected):
    found = stances(text)
    assert expected <= found
    flipped = {"support": "oppose", "oppose": "support"}
    assert not {(actor, issue, flipped[stance]) for actor, issue, stance in expected} & found, "one side, not both"


def test_a_relative_clause_of_speech_carries_the_speakers_own_words():
    text = "Peru backed the water-sharing accord, which Senator Maria Lund has said will never pass."
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=CODEBOOK, scorer=None)
    assert ("Maria Lund", "oppose", "stated", "indirect", "") in rows(tables.stances, "actor", "stance", "certainty", "attribution", "source")


@pytest.mark.parametrize(
    "text, actor, issue",
    [
        # "will pass" is a forecast, not a position.
        ("Delegates debated the water-sharing accord, which Senator Maria Lund has said will pass.", "Maria Lund", "water_accord"),
        # Someone else's view, as the speaker tells it, is not the speaker's.
        ("Delegates debated the fisheries treaty, which Senator Maria Lund said Kenya rejected.", "Maria Lund", "fisheries_treaty"),
        # A denied identity: what Santiago sought was not the exemption.
        ("The concession Santiago sought was not a tariff exemption.", "Chile", "tariff_exemption"),
        ("Farmers waited for the concession Santiago sought, which was not a tariff exemption.", "Chile", "tariff_exemption"),
        # The gap is in the infinitive: Chile wants to scrap the accord, it does not want the accord.
        ("Delegates debated the water-sharing accord Chile wants to scrap.", "Chile", "water_accord"),
    ],
)
def test_no_view_without_one_in_the_clause(text, actor, issue):
    found = stances(text)
    assert (actor, issue, "support") not in found
    if actor == "Maria Lund" or "not a tariff" in text:
        assert (actor, issue, "oppose") not in found


@pytest.mark.parametrize(
    "text, holder, expected",
    [
        # a clause of place or time with a subject of its own belongs to that subject, not to the
        # talks or the summit it modifies (their attenders took no side on what happened there)
        ("Iceland and Norway attended the talks, where Norway said it would reject the fisheries treaty.", "Iceland", set()),
        ("Iceland and Norway attended the talks, where Norway said it would reject the fisheries treaty.", "Norway", {("Norway", "fisheries_treaty", "oppose")}),
        ("Kenya attended the summit in Nairobi, where ministers discussed the water-sharing accord.", "Kenya", set()),
        ("Chile hosted the talks in March, when Peru signed the water-sharing accord.", "Chile", set()),
        # a pronoun subject is read on to its antecedent
        ("Bolivia attended the conference, where it endorsed the water-sharing accord.", "Bolivia", {("Bolivia", "water_accord", "support")}),
    ],
)
def test_a_where_or_when_clause_with_its_own_subject_is_not_the_attenders(text, holder, expected):
    assert {row for row in stances(text) if row[0] == holder} == expected


@pytest.mark.parametrize(
    "text, expected, not_holders",
    [
        # The clause is on a noun that only describes someone: after a copula, or in apposition.
        ("Peter Novak is a senator who has long opposed the fisheries treaty.", ("Peter Novak", "fisheries_treaty", "oppose"), {"senator"}),
        ("Mr. Okafor is the minister who proposed the water-sharing accord.", ("Okafor", "water_accord", "support"), {"minister"}),
        # ... or on a conjunct of it ("a liar, cheat and X who ...": the spaCy tag of X does not matter)
        ("Tomas Berg is a liar, cheat and xenophobe who has pledged to scrap the tariff exemption.", ("Tomas Berg", "tariff_exemption", "oppose"), {"xenophobe", "cheat"}),
        # (the copula a conjunct of a verb whose subject it shares)
        ("Tomas Berg often shouts and is a bully and xenophobe who has vowed to scrap the tariff exemption.", ("Tomas Berg", "tariff_exemption", "oppose"), {"xenophobe", "bully"}),
        ("Maria Lund, a senator who has rejected the fisheries treaty, spoke on Monday.", ("Maria Lund", "fisheries_treaty", "oppose"), {"senator"}),
        # A clause of speech: the speaker is the person described, not the description.
        ("Ana Ruiz, a senator who has said the fisheries treaty is a disaster, spoke on Monday.", ("Ana Ruiz", "fisheries_treaty", "oppose"), {"senator"}),
        ("Kofi Mensah is an economist who says the tariff exemption is vital.", ("Kofi Mensah", "tariff_exemption", "support"), {"economist"}),
        # A complement that is a name of its own keeps the clause when the subject names no one.
        ("The winner was Maria Lund, who opposed the fisheries treaty.", ("Maria Lund", "fisheries_treaty", "oppose"), {"winner"}),
    ],
)
def test_a_relative_clause_on_a_description_is_the_described_persons_view(text, expected, not_holders):
    found = stances(text)
    assert expected in found
    assert not {actor for actor, _, _ in found} & not_holders


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peter Novak is one of the senators who opposed the fisheries treaty.", {("Peter Novak", "fisheries_treaty", "oppose")}),
        ("Peter Novak is among the senators who opposed the fisheries treaty.", {("Peter Novak", "fisheries_treaty", "oppose")}),
        # a description denied is no description of him
        ("Peter Novak is not a senator who supports the fisheries treaty.", set()),
        ("Peter Novak is no longer a senator who supports the fisheries treaty.", set()),
        ("Peter Novak was never a senator who supported the fisheries treaty.", set()),
    ],
)
def test_a_relative_clause_on_a_part_or_a_denied_description(text, expected):
    assert {row for row in stances(text) if row[0] == "Peter Novak"} == expected
