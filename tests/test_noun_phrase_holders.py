"""Sides said inside a noun phrase (issue 13, failure classes 1 and 4): a role noun set beside a
name ("the driving force behind"), a prefix hyphened to the issue ("an anti-casino campaigner"), a
participle of leading or backing hyphened to an actor ("a Finnish-led push to ..."), a noun for
someone's own cause ("the ferry link, the mayor's pet project,"). Sentences, names and issues are
written for these tests; none comes from the evaluation articles or the challenge sets."""

from __future__ import annotations

import pytest

from core.knowledge.codebook import codebook_from_dict
from core.knowledge.gazetteer import load_knowledge
from tests.nlp_fixtures import assert_one_side, stance_triples

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "casino", "label": "Harbour casino", "terms": ["casino"]},
    {"id": "ferry_link", "label": "Ferry link", "terms": ["ferry link"]},
    {"id": "sugar_levy", "label": "Sugar levy", "terms": ["sugar levy"]},
    {"id": "night_curfew", "label": "Night curfew", "terms": ["curfew"]},
]})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)




@pytest.mark.parametrize(
    "text, expected",
    [
        # role nouns whose side needs the word before them, set beside a name
        ("Councillor Ruth Okafor, the driving force behind the harbour casino, spoke to reporters on Friday.",
         ("Ruth Okafor", "casino", "support")),
        ("Bishop Anselm Kraus, a bitter adversary of the casino, led the prayers on Sunday.",
         ("Anselm Kraus", "casino", "oppose")),
        ("Pastor Elin Dahl, the public face of the campaign against the night curfew, met the mayor.",
         ("Elin Dahl", "night_curfew", "oppose")),
        # a prefix of side hyphened to the issue, in a noun phrase describing a name
        ("Anti-casino campaigner Tomas Lund will address the rally on Saturday.", ("Tomas Lund", "casino", "oppose")),
        ("Councillor Maja Berg, a pro-casino businesswoman, chairs the tourism board.", ("Maja Berg", "casino", "support")),
        ("Pro-curfew councillor Ivan Petrov was re-elected on Sunday.", ("Ivan Petrov", "night_curfew", "support")),
        ("Ivan Petrov is an anti-curfew activist.", ("Ivan Petrov", "night_curfew", "oppose")),
        # a participle of leading or backing hyphened to an actor owns the noun it describes
        ("A Finnish-led push to scrap the sugar levy was discussed in Brussels on Tuesday.", ("Finland", "sugar_levy", "oppose")),
        ("A Finnish-led campaign for the ferry link won support in Tallinn.", ("Finland", "ferry_link", "support")),
        # the government of a demonym before a hyphened "government-"
        ("The Estonian government-backed ferry link will open in June, officials said.", ("Estonia", "ferry_link", "support")),
        ("The Irish government-sponsored sugar levy bill passed its second reading.", ("Ireland", "sugar_levy", "support")),
        # a noun for someone's own cause, beside the issue or said of it
        ("The ferry link, Mayor Anna Holm's pet project, goes to the council on Thursday.", ("Anna Holm", "ferry_link", "support")),
        ("The sugar levy has become the signature policy of Health Minister Karin Ek.", ("Karin Ek", "sugar_levy", "support")),
        ("The night curfew, the brainchild of Police Chief Odd Sætre, starts in July.", ("Odd Sætre", "night_curfew", "support")),
        ("Mayor Anna Holm's pet project, the ferry link, was shelved on Monday.", ("Anna Holm", "ferry_link", "support")),
        # a suffix of side hyphened after the issue
        ("The casino-sceptic finance minister, Jan Novak, flew to Prague on Monday.", ("Jan Novak", "casino", "oppose")),
        # defeating what is put to a vote
        ("Councillor Rosa Vidal defeated a motion to scrap the sugar levy.", ("Rosa Vidal", "sugar_levy", "support")),
        ("The council voted down the sugar levy on Tuesday, led by Rosa Vidal.", ("Rosa Vidal", "sugar_levy", "oppose")),
        # the country before a side noun set beside a name says where, not who
        ("Senator Rosa Vidal, Portugal's best-known champion of the ferry link, spoke in Lisbon.", ("Rosa Vidal", "ferry_link", "support")),
        # role nouns of taking up or sponsoring a cause
        ("Senator Rosa Vidal has become the casino's most unlikely convert.", ("Rosa Vidal", "casino", "support")),
        ("Senator Rosa Vidal remains the ferry link's chief booster in the senate.", ("Rosa Vidal", "ferry_link", "support")),
        # a relative clause whose subject wills an act on the noun: the will's side times the act's
        ("The sugar levy, which Premier Jonas Aalto has vowed to scrap, takes effect in May.", ("Jonas Aalto", "sugar_levy", "oppose")),
        ("The sugar levy, which Premier Jonas Aalto has promised to keep, takes effect in May.", ("Jonas Aalto", "sugar_levy", "support")),
        ("The sugar levy, which Premier Jonas Aalto has refused to scrap, takes effect in May.", ("Jonas Aalto", "sugar_levy", "support")),
        ("The night curfew, a measure the Youth Council of Oslo has vowed to overturn, starts in July.",
         ("Youth Council of Oslo", "night_curfew", "oppose")),
        # any common noun set beside the issue renames it; an effort's purpose infinitive is the act
        ("The ferry link, a concession Paula Rinne fought hard to secure, was signed on Friday.", ("Paula Rinne", "ferry_link", "support")),
        # nouns and received nouns of side
        ("Premier Jonas Aalto's distaste for the sugar levy is no secret.", ("Jonas Aalto", "sugar_levy", "oppose")),
        ("The ferry link received the imprimatur of Transport Minister Paula Rinne on Friday.", ("Paula Rinne", "ferry_link", "support")),
    ],
)
def test_a_side_said_inside_a_noun_phrase(text, expected):
    assert_one_side(text, expected, CODEBOOK)


@pytest.mark.parametrize(
    "text, actor",
    [
        # a noun for no one named, or for a named one who is described otherwise
        ("The anti-casino protesters met Mayor Tomas Lund on Friday.", "Tomas Lund"),
        ("Mayor Tomas Lund spoke at an anti-casino rally on Friday.", "Tomas Lund"),
        # the past, or a negation
        ("Tomas Lund, a former anti-casino campaigner, opened a hotel.", "Tomas Lund"),
        ("Tomas Lund is not an anti-casino campaigner.", "Tomas Lund"),
        ("Tomas Lund, a former driving force behind the casino, opened a hotel.", "Tomas Lund"),
        ("The casino is not Mayor Tomas Lund's pet project.", "Tomas Lund"),
        # the nouns alone, without the word that makes them a side
        ("Tomas Lund, the force behind the casino's security team, retired.", "Tomas Lund"),
        ("The casino was the project of Mayor Tomas Lund's office.", "Tomas Lund"),
        # a participle of opposing owns nothing: the push is someone else's
        ("A Finnish-opposed push to scrap the sugar levy failed.", "Finland"),
        # the country of a side noun set beside a name is no holder
        ("Senator Rosa Vidal, Portugal's best-known champion of the ferry link, spoke in Lisbon.", "Portugal"),
        # a side noun on a body, people or an actor the issue only describes, or on a subject
        # that is no actor (not the speaker's side either)
        ("Omar Farouk, the public face of the casino company, spoke on Monday.", "Omar Farouk"),
        ("Paula Reyes, an adversary of Tim Baxter on the casino, spoke on Monday.", "Paula Reyes"),
        ("The casino's owner, Rafael Ortega, is an old enemy of Mayor Piotr Zielinski.", "Rafael Ortega"),
        ("High prices were the driving force behind the casino decision, said analyst Jorge Paz.", "Jorge Paz"),
        # other senses: a patron is a customer, a mastermind plots, "-friendly" means low-cost
        ("Yusuf Demir, a regular patron of the casino, lost his savings.", "Yusuf Demir"),
        ("Colonel Ivan Sokol, the mastermind of the raid on the casino, was arrested.", "Ivan Sokol"),
        ("Rosa Vidal, a sugar levy-friendly accountant, moved to Monaco.", "Rosa Vidal"),
        # a prefix on a longer compound, or of the past ("once")
        ("Anti-casino fraud campaigner Lena Hart spoke on Monday.", "Lena Hart"),
        ("The once anti-casino Senator Lena Hart spoke on Monday.", "Lena Hart"),
        # a participle of leading or backing owns only a noun of effort or proposal
        ("A Finnish-led consortium won the contract to build the ferry link.", "Finland"),
        ("A Finnish-led study of the casino found little harm.", "Finland"),
        ("A Finnish-led investigation into the casino began on Monday.", "Finland"),
        # "defeat" of a person, with the issue elsewhere in the sentence
        ("Rosa Vidal defeated Jan Novak in the race for mayor, a contest dominated by the casino.", "Rosa Vidal"),
        # a will on an act with an object of its own says nothing of the noun
        ("The sugar levy, which Premier Jonas Aalto has vowed to raise taxes to replace, takes effect in May.", "Jonas Aalto"),
        ("The sugar levy, which Premier Jonas Aalto wants to discuss, takes effect in May.", "Jonas Aalto"),
        # an apposition before a name's conjunct describes the first name alone
        ("Senator Jan Novak, a longtime supporter of the casino, and Mayor Rosa Vidal met on Monday.", "Rosa Vidal"),
        # the minister met the driving force (no side of the minister's)
        ("Mayor Tomas Lund met the driving force behind the casino on Friday.", "Tomas Lund"),
    ],
)
def test_no_side_without_the_phrase_that_gives_it(text, actor):
    found = stances(text)
    assert not {row for row in found if row[0] == actor and row[2] in ("support", "oppose")}, found


def test_the_new_lexicon_keys_are_read_from_the_file():
    lex = load_knowledge().lexicon
    assert lex.side_prefixes == {"pro": 1, "anti": -1}
    assert {"pet project", "signature policy", "brainchild"} <= lex.favoured_nouns
    assert lex.side_nouns["driving force"] == 1 and lex.side_nouns["standard-bearer"] == 1


def test_a_side_prefix_set_beside_a_name_describes_that_name_alone():
    found = stances("Paula Reyes, an anti-casino senator, and Tim Baxter, a pro-casino mayor, debated on Monday.")
    assert {("Paula Reyes", "casino", "oppose"), ("Tim Baxter", "casino", "support")} <= found
    assert ("Tim Baxter", "casino", "oppose") not in found and ("Paula Reyes", "casino", "support") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The casino opened on Monday. Its fiercest critic, Councillor Rosa Vidal, said she would appeal.", ("Rosa Vidal", "casino", "oppose")),
        ("The casino opened on Monday. Councillor Rosa Vidal, its most determined opponent, said she would appeal.",
         ("Rosa Vidal", "casino", "oppose")),
        ("The casino opened on Monday. Councillor Rosa Vidal, a determined opponent of it, said she would appeal.",
         ("Rosa Vidal", "casino", "oppose")),
        ("The ferry link was approved on Monday. Senator Jan Novak, its chief sponsor, welcomed the vote.", ("Jan Novak", "ferry_link", "support")),
    ],
)
def test_its_with_a_side_noun_beside_a_name_stands_for_the_issue_before(text, expected):
    assert_one_side(text, expected, CODEBOOK)


@pytest.mark.parametrize(
    "text",
    [
        "The casino opened on Monday. Its critics were not convinced, said Mayor Rosa Vidal.",  # no name beside the noun
        "The casino opened on Monday. Rosa Vidal, its former critic, now runs a hotel.",  # of the past
        "The casino opened on Monday. Its owner, Rosa Vidal, thanked the town.",  # no noun of side
    ],
)
def test_its_without_a_named_side_noun_is_no_issue(text):
    assert not {row for row in stances(text) if row[0] == "Rosa Vidal" and row[2] in ("support", "oppose")}, stances(text)
