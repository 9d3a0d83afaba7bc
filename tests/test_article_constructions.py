"""Constructions found on invented article-length stories (issue 13: design for unseen articles;
the read set tests/challenge/articles.yaml): "lift" meaning raise when it takes something to a
measure, a document's relative clause with two coordinated verbs
("a bill that would raise X and ban Y"), the issue named again by a synonym of its head noun
("the fee" for a congestion charge), "Congo" as news writes it, a vote with nothing after it
("voted in favour"), a blank line as a sentence's end. Sentences, names and issues are
written for these tests; none comes from the evaluation articles or the challenge sets."""

from __future__ import annotations

import pytest

from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import codebook_from_dict
from core.knowledge.gazetteer import load_knowledge
from tests.nlp_fixtures import assert_one_side, stance_triples

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "pension_age", "label": "Higher pension age", "terms": ["pension age"]},
    {"id": "fuel_subsidy", "label": "Fuel subsidy", "terms": ["fuel subsidy"]},
    {"id": "trawler_ban", "label": "Trawler ban", "terms": ["trawler ban"]},
    {"id": "city_toll", "label": "City toll", "terms": ["city toll"]},
    {"id": "drilling_licence", "label": "Drilling licence", "terms": ["drilling licence"]},
    {"id": "ore_exports", "label": "Ore exports", "terms": ["ore exports"]},
    {"id": "minimum_wage", "label": "Higher minimum wage", "terms": ["minimum wage"]},
    {"id": "export_cap", "label": "Export cap", "terms": ["export cap"]},
]})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "lift" taking something to or by a measure raises it
        ("Estonia wants to lift the pension age to 68 by 2035.", ("Estonia", "pension_age", "support")),
        ("Senator Ilse Varga proposed to lift the minimum wage by 12 percent.", ("Ilse Varga", "minimum_wage", "support")),
        ("Namibia will lift the fuel subsidy to 3 dollars a litre, Finance Minister Johannes Shilongo said.",
         ("Namibia", "fuel_subsidy", "support")),
        # ... and without a quantity it keeps its own sense
        ("Estonia wants to lift the trawler ban next year.", ("Estonia", "trawler_ban", "oppose")),
        # a document's relative clause with two verbs sharing its subject: each verb for its own issue
        ("Latvia sent parliament a bill that would raise the pension age and ban all ore exports.",
         ("Latvia", "ore_exports", "oppose")),
        ("Latvia sent parliament a bill that would raise the pension age and ban all ore exports.",
         ("Latvia", "pension_age", "support")),
        ("Chile vetoed a bill that would cut the fuel subsidy and raise the minimum wage.",
         ("Chile", "minimum_wage", "oppose")),
        ("Chile vetoed a bill that would cut the fuel subsidy and raise the minimum wage.",
         ("Chile", "fuel_subsidy", "support")),
        # "raise" with a measure; a span of time by which it rises is one
        ("Kenya raised the fuel subsidy by 5 shillings a litre.", ("Kenya", "fuel_subsidy", "support")),
        ("Estonia wants to lift the pension age by two years.", ("Estonia", "pension_age", "support")),
        # an act of protest or exit threatened on a condition: against what the condition says
        ("The Dockers Federation said it would call a national strike if parliament raised the pension age.",
         ("Dockers Federation", "pension_age", "oppose")),
        ("The Farmers Party will quit the coalition if the fuel subsidy is cut.", ("Farmers Party", "fuel_subsidy", "support")),
        ("The Farmers Party will quit the coalition unless the government scraps the city toll.",
         ("Farmers Party", "city_toll", "oppose")),
        ("The Namibia Nurses Union will strike if the government raises the pension age.",
         ("Namibia Nurses Union", "pension_age", "oppose")),
        ("The Namibia Nurses Union will walk out if the government raises the pension age.",
         ("Namibia Nurses Union", "pension_age", "oppose")),
        # ... but on a limit, a ban or a penalty more is less of what it holds back, and a date, an
        # hour, a count of things or nothing is no measure: the verb keeps its own sense
        ("Peru wants to lift the export cap to 40 percent.", ("Peru", "export_cap", "oppose")),
        ("The export cap was lifted to 40 percent by Senator Hana Ito.", ("Hana Ito", "export_cap", "oppose")),
        ("Estonia wants to lift the trawler ban by 2026.", ("Estonia", "trawler_ban", "oppose")),
        ("Poland will lift the trawler ban by 10 p.m. on Friday.", ("Poland", "trawler_ban", "oppose")),
        ("Norway will lift the fuel subsidy to zero.", ("Norway", "fuel_subsidy", "oppose")),
    ],
)
def test_the_side_of_each_construction(text, expected):
    assert_one_side(text, expected, CODEBOOK)


def test_a_head_noun_synonym_names_the_issue_again():
    """"the fee" after "the city toll", "the permit" after "the drilling licence": a synonym of the
    head noun of an earlier match (the lexicon's head_noun_synonyms) is the issue."""
    found = stances("The council approved the city toll in May. Councillor Pavel Hruby called the fee a disgrace.")
    assert ("Pavel Hruby", "city_toll", "oppose") in found
    found = stances("Norway granted the drilling licence in 2021. Greenpeace Nordic wants the permit revoked.")
    assert ("Greenpeace Nordic", "drilling_licence", "oppose") in found


def test_quantity_senses_and_congo_are_data():
    """Both are read from the knowledge files a user can edit: the lexicon's
    quantity_senses and the actors file's country aliases."""
    knowledge = load_knowledge()
    assert knowledge.lexicon.quantity_senses["lift"] == {"increase"}
    assert knowledge.country_of("Congo") == knowledge.country_of("DRC") == knowledge.country_of("Kinshasa") \
        == "Democratic Republic of the Congo"
    assert knowledge.country_of("Republic of Congo") == knowledge.country_of("Brazzaville") == "Republic of the Congo"


def test_a_conjoined_verb_with_its_own_subject_is_its_own_clause():
    """"a bill that would raise the pension age and Chile would ban ore exports": the second verb
    has a subject of its own, so the bill's sponsor holds nothing there."""
    found = stances("Latvia sent parliament a bill that would raise the pension age and Chile would ban ore exports.")
    assert ("Latvia", "ore_exports", "oppose") not in found and ("Latvia", "ore_exports", "support") not in found


def test_the_head_of_another_term_of_the_issue_names_it_again():
    """An issue named by one term ("car-free") is named again by the head noun of another of its
    terms that its label names too ("car ban" for "Ban on cars in the old town"): "such a ban". Not
    a term that is a phrase ("dredge the channel") nor a head the label does not name."""
    codebook = codebook_from_dict({"issues": [
        {"id": "car_free", "label": "Ban on cars in the old town", "terms": ["car ban", "car-free"]},
        {"id": "dredging", "label": "Channel dredging", "terms": ["dredging works", "dredge the channel"]},
        {"id": "bus_lanes", "label": "Bus lanes", "terms": ["bus lanes", "bus priority"]},
    ]})
    found = stance_triples("Councillor Ines Moretti wants a car-free old town by 2030. Mayor Oskar Brandt has ruled out such a ban.", codebook)
    assert ("Oskar Brandt", "car_free", "oppose") in found
    found = stance_triples("Governor Pia Lund backed the dredging works in May. Senator Aldo Ferri criticised the channel.", codebook)
    assert not any(issue == "dredging" and actor == "Aldo Ferri" for actor, issue, _ in found)
    found = stance_triples("The council approved bus lanes on Main Street. Mayor Oskar Brandt criticised the priority.", codebook)
    assert not any(actor == "Oskar Brandt" for actor, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        # taking back a protest, or "strike" with an object of its own, is no threat
        "The Dockers Federation said it would call off the strike if parliament dropped the city toll.",
        "The Dockers Federation said it would drop its lawsuit if the city scrapped the city toll.",
        "Latvia would strike a deal if parliament scrapped the city toll.",
    ],
)
def test_undoing_a_protest_on_a_condition_is_no_threat(text):
    assert not any(issue == "city_toll" and stance == "support" for _, issue, stance in stances(text))


def test_the_noun_an_issue_was_named_by_comes_back_with_another_or_any_or_just_after_with_a():
    """"any new exports", "another round of exports" after "ore exports" are the issue again; "a
    ..." or a bare plural only within two sentences of its naming, and not put on someone or made
    anew ("imposed tariffs in retaliation"): further on they bring in a new thing as often."""
    before = "Ghana banned ore exports in May. "
    assert ("Ana Mensah", "ore_exports", "oppose") in stances(before + "Senator Ana Mensah opposed any new exports.")
    assert ("Ana Mensah", "ore_exports", "oppose") in stances(before + "Senator Ana Mensah opposed another round of exports.")
    assert ("Ana Mensah", "ore_exports", "oppose") in stances(before + "Senator Ana Mensah urged lawmakers to reject exports once and for all.")
    far = before + "The rains came late. Prices rose. Traders waited. "
    assert not any(actor == "Ana Mensah" for actor, _, _ in stances(far + "Senator Ana Mensah urged lawmakers to reject exports."))
    codebook = codebook_from_dict({"issues": [{"id": "steel_tariffs", "label": "Steel tariffs", "terms": ["steel tariffs"]}]})
    found = stance_triples("Congress approved the steel tariffs in May. China imposed tariffs in retaliation.", codebook)
    assert not any(actor == "China" for actor, _, _ in found)


def test_a_head_an_issue_was_named_by_wins_over_one_from_another_term():
    """"the smoking ban" named, then "a car-free old town": "the ban" is still the smoking ban."""
    codebook = codebook_from_dict({"issues": [
        {"id": "car_free", "label": "Ban on cars in the old town", "terms": ["car ban", "car-free"]},
        {"id": "smoking_ban", "label": "Smoking ban", "terms": ["smoking ban"]},
    ]})
    found = stance_triples("Rome approved the smoking ban last year. Rome backed a car-free old town. Mayor Paolo Conti criticised the ban.",
                           codebook)
    assert ("Paolo Conti", "smoking_ban", "oppose") in found and not any(issue == "car_free" and a == "Paolo Conti" for a, issue, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a vote with nothing after it is a vote on the issue the sentence before is about ...
        ("The senate committee approved the drilling licence on Monday. Senator Marta Ilves voted against.",
         ("Marta Ilves", "drilling_licence", "oppose")),
        ("The senate committee approved the drilling licence on Monday. Senator Marta Ilves voted for.",
         ("Marta Ilves", "drilling_licence", "support")),
        ("The senate committee approved the drilling licence on Monday. Senator Marta Ilves voted in favour.",
         ("Marta Ilves", "drilling_licence", "support")),
        ("The assembly passed the city toll by 40 votes to 12. Deputy Jonas Berg, who leads the Green group, voted in favor.",
         ("Jonas Berg", "city_toll", "support")),
        # the answer is the vote: "voted yes", "voted no", "voted nay"
        ("The senate voted on the city toll on Tuesday. Senators Hugo Lind and Petra Nyman voted yes, and Senator Ola Berg voted no.",
         ("Petra Nyman", "city_toll", "support")),
        ("The senate voted on the city toll on Tuesday. Senators Hugo Lind and Petra Nyman voted yes, and Senator Ola Berg voted no.",
         ("Ola Berg", "city_toll", "oppose")),
        ("The senate voted on the fuel subsidy on Tuesday. Senator Ola Berg voted nay.", ("Ola Berg", "fuel_subsidy", "oppose")),
    ],
)
def test_a_vote_with_nothing_after_it_is_on_the_issue_in_question(text, expected):
    assert_one_side(text, expected, CODEBOOK)


def test_a_vote_with_nothing_after_it_is_on_the_issue_its_own_sentence_names():
    """... or on the issue its own sentence names: the vote now, beside the position said before."""
    found = stances("Senator Tiit Kask, who had said he would vote against any rise in the pension age, voted in favour.")
    assert ("Tiit Kask", "pension_age", "support") in found


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before names two issues: which one was voted on is not known
        "The committee approved the drilling licence and the city toll on Monday. Senator Marta Ilves voted against.",
        # a preposition left behind by its object: what she voted for is the party, not the licence
        "The senate committee approved the drilling licence on Monday. The party that Marta Ilves voted for has split.",
        "The senate committee approved the drilling licence on Monday. The candidate Marta Ilves voted for lost.",
        "The senate committee approved the drilling licence on Monday. What did Marta Ilves vote for?",
        # nothing about an issue before
        "It rained in Tallinn on Monday. Senator Marta Ilves voted against.",
        "It rained in Tallinn on Monday. Senator Marta Ilves voted no.",
        # "no" with a word of its own is no answer of a vote
        "The senate committee approved the drilling licence on Monday. Marta Ilves voted no confidence in the cabinet.",
    ],
)
def test_a_vote_with_nothing_after_it_on_no_known_issue_is_nothing(text):
    assert not any(actor == "Marta Ilves" for actor, _, _ in stances(text))



@pytest.mark.parametrize(
    "text, expected",
    [
        # setting aside someone's decision: against what it decided, so for what a veto blocked
        ("Senator Ana Ruiz voted to override the veto of the city toll.", ("Ana Ruiz", "city_toll", "support")),
        ("Estonia's parliament overrode the president's veto of the fuel subsidy on Monday.", ("Estonia", "fuel_subsidy", "support")),
        ("Chile's Supreme Court overruled the trawler ban.", ("Supreme Court", "trawler_ban", "oppose")),
    ],
)
def test_overriding_a_decision_takes_the_other_side(text, expected):
    assert_one_side(text, expected, CODEBOOK)


def test_overruling_a_person_on_an_issue_sets_aside_the_person_not_the_issue():
    found = stances("Prime Minister Kaja Tamm overruled her finance minister on the fuel subsidy on Friday.")
    assert ("Kaja Tamm", "fuel_subsidy", "oppose") not in found


def test_an_issue_named_by_two_overlapping_terms_is_not_undone_by_one_of_their_words():
    """"mortgage-debt relief" with the terms "mortgage debt" and "debt relief": rejecting it is
    against the issue, not (through "relief" undoing "mortgage debt") for it."""
    codebook = codebook_from_dict({"issues": [
        {"id": "debt_relief", "label": "Mortgage-debt relief", "terms": ["mortgage debt", "debt relief"]},
    ]})
    assert_one_side("Finland's parliament rejected the mortgage-debt relief measure on Friday.",
                    ("Finland", "debt_relief", "oppose"), codebook)


@pytest.mark.parametrize(
    "text, expected",
    [
        # verbs that say what their subject is, as "be" does: the complement judges the issue
        ("The Chamber of Mines said the trawler ban amounted to a betrayal.", ("Chamber of Mines", "trawler_ban", "oppose")),
        ("Senator Ilse Varga said the city toll constituted a disaster for shopkeepers.", ("Ilse Varga", "city_toll", "oppose")),
        ("Senator Ilse Varga said the fuel subsidy would prove essential this winter.", ("Ilse Varga", "fuel_subsidy", "support")),
        ("Senator Ilse Varga said the city toll looked like a mistake.", ("Ilse Varga", "city_toll", "oppose")),
    ],
)
def test_a_verb_like_be_lets_its_complement_judge_the_issue(text, expected):
    assert_one_side(text, expected, CODEBOOK)


@pytest.mark.parametrize(
    "text",
    [
        # a change made to the thing before it is no verdict on the subject
        "The Shippers Council said the city toll would be a fuel-tax increase for every family.",
        "The Shippers Council said the city toll would amount to a price hike for every family.",
        # a figure is no verdict
        "The Shippers Council said the city toll amounted to 5 percent of its costs.",
    ],
)
def test_a_change_or_a_figure_as_the_complement_takes_no_side(text):
    assert not any(issue == "city_toll" and actor == "Shippers Council" for actor, issue, _ in stances(text))


def test_a_blank_line_ends_the_sentence():
    """The parser glues some paragraphs together ("... voted no.\n\nDemocrats backed ..."), and a
    headline to the lede: a blank line ends the sentence, so each row's evidence stays in its
    paragraph; and no actor's name carries the line break."""
    from tests.nlp_fixtures import nlp

    text = "Sen. Maxwell Tran, who said the reform was unfair to families, voted no.\n\nDemocrats backed the city toll."
    assert [s.text.strip() for s in nlp()(text).sents] == [
        "Sen. Maxwell Tran, who said the reform was unfair to families, voted no.", "Democrats backed the city toll."]
    table = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=CODEBOOK, scorer=None).stances
    rows = set(table[["actor", "issue", "stance"]].itertuples(index=False, name=None))
    assert ("Democrats", "city_toll", "support") in rows
    assert all(quote.strip() == "Democrats backed the city toll." for quote in table[table["actor"] == "Democrats"]["quote"])
    # a headline with no final stop is a sentence of its own too: its words are not the lede's
    found = stances("Senator Ivo Tran voted no\n\nDemocrats backed the city toll.")
    assert ("Ivo Tran", "city_toll", "support") not in found and ("Democrats", "city_toll", "support") in found
    # a single line break is left to the parser
    wrapped = nlp()("The Riigikogu approved the drilling licence on\nTuesday after a long debate.")
    assert len(list(wrapped.sents)) == 1


def test_a_vote_with_nothing_after_it_on_an_issue_named_by_an_opposite_term_turns():
    """"approved fracking" is against limits on fossil fuels: a vote against it is for them."""
    codebook = codebook_from_dict({"issues": [
        {"id": "fossil_limits", "label": "Limits on fossil fuels", "terms": ["fossil fuel limits"], "opposite_terms": ["fracking"]},
    ]})
    assert_one_side("The senate approved fracking on Monday. Senator Ola Berg voted against.", ("Ola Berg", "fossil_limits", "support"), codebook)


def test_who_voted_against_is_a_vote_on_the_issue_in_question():
    found = stances("The senate approved the city toll on Monday. Senator Ola Berg, who voted against, called it a tax grab.")
    assert ("Ola Berg", "city_toll", "oppose") in found and ("Ola Berg", "city_toll", "support") not in found


@pytest.mark.parametrize(
    "text",
    [
        # what was voted on does something to the issue: the side on the issue is not the vote's
        "The senate passed a bill to scrap the city toll. Senator Ola Berg voted against.",
        # the vote has its own question
        "The senate approved the city toll on Monday. Senator Ola Berg voted no on the budget.",
        "The senate approved the city toll on Monday. Senator Ola Berg voted yes in a referendum on independence.",
        "The senate approved the city toll on Monday. The budget also passed; Senator Ola Berg voted against.",
    ],
)
def test_a_vote_with_nothing_after_it_on_another_question_is_nothing(text):
    assert not any(actor == "Ola Berg" and issue == "city_toll" for actor, issue, _ in stances(text))


@pytest.mark.parametrize(
    "text, holder",
    [
        # a clause with a subject of its own is that subject's view, not the main clause's
        ("The senate approved the city toll on Monday by 40 votes to 12, with three members voting against.", "senate"),
        ("Senator Ola Berg criticised the city toll she voted against.", "Ola Berg"),
    ],
)
def test_a_vote_inside_a_clause_with_its_own_subject_is_not_the_main_subjects(text, holder):
    found = stances(text)
    assert {stance for actor, issue, stance in found if actor == holder and issue == "city_toll"} == {
        "support" if "approved" in text else "oppose"}
