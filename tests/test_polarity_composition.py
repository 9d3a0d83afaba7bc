"""Failure class 4 of issue 13, polarity composition: what an issue's words are embedded in decides
the side. Sentences, names and issues are written for these tests."""

from __future__ import annotations

import pytest

from core.knowledge.codebook import codebook_from_dict
from tests.nlp_fixtures import assert_one_side as one_side
from tests.nlp_fixtures import stance_triples

CODEBOOK = codebook_from_dict({"issues": [
    {"id": "farm_loans", "label": "Farm loans", "terms": ["farm loan"]},
    {"id": "steel_tariffs", "label": "Steel tariffs", "terms": ["steel tariff"]},
    {"id": "river_dam", "label": "River dam", "terms": ["river dam"]},
    {"id": "wind_farms", "label": "Wind farms", "terms": ["wind farm"]},
]})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)


def assert_one_side(text: str, expected: tuple[str, str, str], codebook=CODEBOOK) -> None:
    """The expected (actor, issue, stance) is found, and not its opposite for the same actor."""
    one_side(text, expected, codebook)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Ending a freeze on X supports X; opposing the end of X supports X.
        ("Governor Lena Brandt urged the ministry to end the freeze on farm loans.", ("Lena Brandt", "farm_loans", "support")),
        ("Governor Lena Brandt opposed ending the farm loans.", ("Lena Brandt", "farm_loans", "support")),
        # Judging the removal of X premature or a mistake supports X.
        ("Senator Omar Haddad said it was premature to scrap the steel tariffs.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Senator Omar Haddad said lifting the steel tariffs would be a mistake.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Senator Omar Haddad said cutting the steel tariffs would be wise.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # Wanting, welcoming, demanding and expecting X support it.
        ("Mayor Ruth Okafor said she wants the river dam built.", ("Ruth Okafor", "river_dam", "support")),
        ("Mayor Ruth Okafor welcomed the river dam.", ("Ruth Okafor", "river_dam", "support")),
        ("Mayor Ruth Okafor demanded the river dam.", ("Ruth Okafor", "river_dam", "support")),
        # Framing: "sees X as Y" takes the side of Y.
        ("Mayor Ruth Okafor sees the river dam as a disaster.", ("Ruth Okafor", "river_dam", "oppose")),
        ("Mayor Ruth Okafor regards the wind farms as essential.", ("Ruth Okafor", "wind_farms", "support")),
        # Naming: "called X Y", "branded X Y" take the side of Y (the verb's own cue, "call for", does not decide).
        ("Senator Omar Haddad called the steel tariffs a mistake.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad branded the steel tariffs unworkable.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad called the steel tariffs a good idea.", ("Omar Haddad", "steel_tariffs", "support")),
        # Verbs of attack and praise, and nouns of scorn.
        ("Senator Omar Haddad lambasted the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad called the steel tariffs a hoax.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Mayor Ruth Okafor hailed the river dam.", ("Ruth Okafor", "river_dam", "support")),
        # Evaluative adjectives after a copula.
        ("Governor Lena Brandt said the farm loans were unfair.", ("Lena Brandt", "farm_loans", "oppose")),
        ("Governor Lena Brandt said the farm loans were reasonable.", ("Lena Brandt", "farm_loans", "support")),
        ("Mayor Ruth Okafor said the river dam is dangerous.", ("Ruth Okafor", "river_dam", "oppose")),
    ],
)
def test_the_embedding_decides_the_side(text, expected):
    assert_one_side(text, expected)


def test_a_plain_copula_subject_is_still_read():
    assert ("Lena Brandt", "wind_farms", "support") in stances("Governor Lena Brandt said the wind farms were essential.")


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ruth Okafor said drones had attacked the river dam.",  # "attack" in its literal sense
        "Governor Lena Brandt said the farm loans fraud had to be punished.",  # "fraud" of the loans, not a verdict on them
    ],
)
def test_literal_words_of_violence_and_crime_take_no_side(text):
    assert not any(stance == "oppose" for _, _, stance in stances(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # A verb with "for" is a cue of its own ("against" is one already); as a reported act too.
        ("Governor Lena Brandt voted for the farm loans.", ("Lena Brandt", "farm_loans", "support")),
        ("Governor Lena Brandt fought for the farm loans.", ("Lena Brandt", "farm_loans", "support")),
        ("Senator Omar Haddad did not vote for the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad fought against the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # Disowning and undoing; blaming the issue itself.
        ("Senator Omar Haddad repudiated the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Mayor Ruth Okafor has disavowed the river dam.", ("Ruth Okafor", "river_dam", "oppose")),
        ("Mayor Ruth Okafor renounced her support for the river dam.", ("Ruth Okafor", "river_dam", "oppose")),
        ("Governor Lena Brandt blamed the farm loans for the debt crisis.", ("Lena Brandt", "farm_loans", "oppose")),
        # What the issue does to others, judged by the holder.
        ("Mayor Ruth Okafor said the river dam would hurt farmers.", ("Ruth Okafor", "river_dam", "oppose")),
        ("Mayor Ruth Okafor said the river dam would benefit farmers.", ("Ruth Okafor", "river_dam", "support")),
        ("Governor Lena Brandt said the wind farms were a mockery.", ("Lena Brandt", "wind_farms", "oppose")),
        # Raised subjects of a passive infinitive: what is to be done to the issue.
        ("Senator Omar Haddad said the steel tariffs may need to be reduced.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad said the steel tariffs should be significantly diminished.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt said the farm loans need to be cut.", ("Lena Brandt", "farm_loans", "oppose")),
        # People named by their side, after a copula or in apposition.
        ("Mayor Ruth Okafor is a critic of the river dam.", ("Ruth Okafor", "river_dam", "oppose")),
        ("Mayor Ruth Okafor is a longtime supporter of the river dam.", ("Ruth Okafor", "river_dam", "support")),
        ("Mayor Ruth Okafor, a longtime critic of the river dam, said it would flood the valley.", ("Ruth Okafor", "river_dam", "oppose")),
        # Holding the issue back or breaking it; objecting verbs whose nouns are neutral.
        ("Mayor Ruth Okafor accused Lima of trying to delay the river dam.", ("Peru", "river_dam", "oppose")),
        ("Senator Omar Haddad said Lima had broken the steel tariffs deal.", ("Peru", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad questioned the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad disputed the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad questioned the wisdom of the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # The issue angers or pleases someone: they hold the view, active or passive.
        ("The steel tariffs angered farmers, including Governor Lena Brandt.", ("Lena Brandt", "steel_tariffs", "oppose")),
        ("The river dam has pleased Mayor Ruth Okafor.", ("Ruth Okafor", "river_dam", "support")),
        ("Mayor Ruth Okafor was infuriated by the river dam.", ("Ruth Okafor", "river_dam", "oppose")),
        ("Governor Lena Brandt said she was outraged by the steel tariffs.", ("Lena Brandt", "steel_tariffs", "oppose")),
        # A side noun in apposition is the view of the name it describes, not of that name's verb.
        ("Governor Lena Brandt, a critic of the river dam, rejected Lima's offer.", ("Lena Brandt", "river_dam", "oppose")),
        ("Lima, a backer of the river dam, opposed the new budget.", ("Peru", "river_dam", "support")),
        # A negated copula turns its predicate around, unless it is "not just ... but".
        ("Governor Lena Brandt said the farm loans were not fair.", ("Lena Brandt", "farm_loans", "oppose")),
        ("Governor Lena Brandt said it was not premature to scrap the farm loans.", ("Lena Brandt", "farm_loans", "oppose")),
        ("Mayor Ruth Okafor is not a critic of the river dam.", ("Ruth Okafor", "river_dam", "support")),
        ("Mayor Ruth Okafor said the river dam was not just fair but necessary.", ("Ruth Okafor", "river_dam", "support")),
        ("Mayor Ruth Okafor said the steel tariffs were not fair, but necessary.", ("Ruth Okafor", "steel_tariffs", "support")),
        ("Senator Omar Haddad said the steel tariffs were not merely a mistake but a disaster.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # A reporting verb with "for" stays a reporting verb: the content takes the side.
        ("Mayor Ruth Okafor argued for scrapping the river dam.", ("Ruth Okafor", "river_dam", "oppose")),
    ],
)
def test_more_wordings_decide_the_side(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ruth Okafor met supporters of the river dam.",  # meeting them takes no side
        "Governor Lena Brandt met critics of the farm loans on Monday.",
        "Governor Lena Brandt, a former critic of the river dam, toured the valley.",  # no side now
        # literal harm, and harm done to the issue by something else, is no verdict
        "Mayor Ruth Okafor said the storm hurt the wind farms.",
        "Mayor Ruth Okafor said the flood harmed the river dam.",
        "Mayor Ruth Okafor said the benefits of the river dam were unclear.",
        # another object of the same verb, or an event
        "Mayor Ruth Okafor broke her silence on the river dam.",
        "Lima broke the deadlock over the river dam.",
        "Lima delayed the vote on the river dam until June.",
        "Mayor Ruth Okafor questioned Lima about the river dam.",
        "Mayor Ruth Okafor challenged Lima to build the river dam.",
        "Mayor Ruth Okafor challenged critics of the river dam to offer an alternative.",
        # feelings about something else than the issue, or denied
        "Delays to the river dam angered Governor Lena Brandt.",
        "Governor Lena Brandt was frustrated by delays to the river dam.",
        "The river dam did not anger Governor Lena Brandt.",
        "Senator Omar Haddad raised the question of the steel tariffs.",  # the noun is neutral ...
        # events that happen to the issue are nobody's side, not even the reporter's
        "Senator Omar Haddad said the steel tariffs deal had broken down.",
        "Mayor Ruth Okafor said the river dam was delayed.",
        "Mayor Ruth Okafor said it would make sense for Lima to stall on a decision about the river dam.",
    ],
)
def test_wordings_that_take_no_side(text):
    assert not any(stance in ("support", "oppose") for _, _, stance in stances(text))


def test_a_side_noun_in_apposition_gives_no_side_to_whoever_names_it():
    found = stances("Mayor Ruth Okafor met Senator Omar Haddad, a critic of the steel tariffs.")
    assert ("Omar Haddad", "steel_tariffs", "oppose") in found
    assert not any(actor == "Ruth Okafor" for actor, _, _ in found)


def test_harm_to_another_issue_takes_no_side_on_it():
    found = stances("Senator Omar Haddad said the steel tariffs would hurt the wind farms.")
    assert ("Omar Haddad", "steel_tariffs", "oppose") in found
    assert not any(issue == "wind_farms" for _, issue, _ in found)


def test_voting_for_someone_is_no_vote_for_the_issue_they_support():
    found = stances("Mayor Ruth Okafor voted for Lena Brandt despite her support for the river dam.")
    assert not any(actor == "Ruth Okafor" for actor, _, _ in found)


def test_a_verb_of_feeling_may_not_also_be_a_cue_of_side(tmp_path):
    import yaml

    from core.knowledge.gazetteer import DEFAULT_ACTORS, DEFAULT_LEXICON, KnowledgeError, load_knowledge

    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    data["experiencer_verbs"]["outrage"] = -1  # also an oppose cue: the side would turn twice
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="outrage"):
        load_knowledge(DEFAULT_ACTORS, lexicon)


@pytest.mark.parametrize(
    "text, expected",
    [
        # verbs of complaint object to what they are about
        ("Peru objected to the river dam.", ("Peru", "river_dam", "oppose")),
        ("Peru complained about the steel tariffs.", ("Peru", "steel_tariffs", "oppose")),
        ("Peru protested the steel tariffs.", ("Peru", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt bemoaned the farm loans on Friday.", ("Lena Brandt", "farm_loans", "oppose")),
        # a verb and its preposition saying the same thing say it once
        ("Peru protested against the steel tariffs.", ("Peru", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt railed against the river dam.", ("Lena Brandt", "river_dam", "oppose")),
        # a support verb with "against" is still against
        ("Governor Lena Brandt pushed back against the river dam.", ("Lena Brandt", "river_dam", "oppose")),
        # enacting and sponsoring
        ("Peru ratified the steel tariffs on Monday.", ("Peru", "steel_tariffs", "support")),
        ("Senator Omar Haddad introduced a bill to create the farm loans.", ("Omar Haddad", "farm_loans", "support")),
    ],
)
def test_verbs_of_complaint_and_of_enacting(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # an inversion noun that only modifies a name halts nothing
        ("Opposition leader Lena Brandt condemned the river dam.", ("Lena Brandt", "river_dam", "oppose")),
        ("Opposition leader Lena Brandt praised the river dam.", ("Lena Brandt", "river_dam", "support")),
        # a threat to do something is the will to do it
        ("Peru has threatened to veto the steel tariffs.", ("Peru", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt threatened to push the river dam through the assembly.", ("Lena Brandt", "river_dam", "support")),
        # an actor who threatens a measure names its own tool; a threat to the issue is against it
        ("Peru threatened steel tariffs if Chile did not cut its quotas.", ("Peru", "steel_tariffs", "support")),
        ("Governor Lena Brandt threatened the river dam with a veto.", ("Lena Brandt", "river_dam", "oppose")),
    ],
)
def test_name_modifiers_and_threats(text, expected):
    assert_one_side(text, expected)


def test_an_event_that_threatens_the_issue_is_no_actor_s_tool():
    assert not {row for row in stances("The floods threatened the river dam.") if row[2] == "support"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Omar Haddad vowed to keep the steel tariffs.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Peru said it would press ahead with the river dam.", ("Peru", "river_dam", "support")),
        # a particle the parser takes for a preposition still makes the phrasal verb
        ("Governor Lena Brandt wants to keep the wind farms out of the valley.", ("Lena Brandt", "wind_farms", "oppose")),
    ],
)
def test_keeping_and_going_ahead(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated predicates of a copula say one thing, read once
        # (the parser makes both "bad" predicates of "was")
        ("Mayor Marta Nowak said the river dam was bad for consumers and bad for Poland.", ("Marta Nowak", "river_dam", "oppose")),
        ("Senator Omar Haddad said the steel tariffs were arbitrary and unworkable.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # a naming verb whose predicate the parser makes a second object; framing with "as"
        ("Governor Lena Brandt branded the river dam a disaster for the valley.", ("Lena Brandt", "river_dam", "oppose")),
        ("Finance Minister Omar Haddad regards the steel tariffs as long overdue and plans to introduce them in the spring budget.",
         ("Omar Haddad", "steel_tariffs", "support")),
        # "no longer", and a negated copula with a preposition
        ("Peru no longer backs the steel tariffs.", ("Peru", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt said she was not against the river dam.", ("Lena Brandt", "river_dam", "support")),
        # withholding, dropping an objection, standing behind
        ("Senator Omar Haddad withheld his support for the farm loans.", ("Omar Haddad", "farm_loans", "oppose")),
        ("Peru dropped its objections to the steel tariffs on Monday.", ("Peru", "steel_tariffs", "support")),
        ("Peru threw its weight behind the river dam.", ("Peru", "river_dam", "support")),
        # a threat made on a condition, hung on what is threatened
        ("Senator Omar Haddad threatened to quit the coalition if the steel tariffs were extended.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # the accuser stands for what the accused is said to undermine
        ("Peru accused Chile of sabotaging the river dam.", ("Peru", "river_dam", "support")),
    ],
)
def test_predicates_framings_negations_and_accusers(text, expected):
    assert_one_side(text, expected)


def test_the_accused_holds_the_other_side_as_the_accuser_tells_it():
    assert ("Chile", "river_dam", "oppose") in stances("Peru accused Chile of sabotaging the river dam.")


@pytest.mark.parametrize(
    "text",
    [
        "Governor Lena Brandt said the steel tariffs had cut imports by a fifth.",  # what the issue does
        "Governor Lena Brandt said the river dam would end the floods.",
    ],
)
def test_an_action_of_the_issue_itself_is_no_side_on_it(text):
    assert not {row for row in stances(text) if row[0] == "Lena Brandt" and row[2] == "oppose"}


def test_an_effect_verb_judges_the_issue_that_does_it():
    assert_one_side("Governor Lena Brandt said the steel tariffs would undermine growth.", ("Lena Brandt", "steel_tariffs", "oppose"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun of nobody's that takes a side on the issue, as the subject of what it does: the
        # side composed with the verdict on what it does
        ("Senator Omar Haddad said plans for a river dam would hurt farmers.", ("Omar Haddad", "river_dam", "oppose")),
        ("Senator Omar Haddad said efforts to build the river dam would destroy jobs.", ("Omar Haddad", "river_dam", "oppose")),
        ("Senator Omar Haddad said moves to scrap the steel tariffs would hurt workers.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Senator Omar Haddad said plans for new wind farms would create jobs.", ("Omar Haddad", "wind_farms", "support")),
        # harm to the people or things whose good is wanted ("would bankrupt small firms")
        ("Senator Omar Haddad said the push for steel tariffs would ruin farmers.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad said the campaign against the farm loans would cost lives.", ("Omar Haddad", "farm_loans", "support")),
        # a noun that calls the issue a danger, or says it did not happen, is nobody's aim: the
        # issue is judged through it as before
        ("Senator Omar Haddad said the threat of steel tariffs would hurt investment.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad said the failure to build the river dam would hurt farmers.", ("Omar Haddad", "river_dam", "support")),
        # a demand that the aim go on is the speaker's
        ("Efforts to build the river dam must continue, Senator Omar Haddad said.", ("Omar Haddad", "river_dam", "support")),
        # someone's own act keeps its side, whatever it does
        ("Senator Omar Haddad said Chile's rejection of the farm loans would hurt farmers.", ("Chile", "farm_loans", "oppose")),
    ],
)
def test_what_a_side_taken_on_the_issue_does_is_judged(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # a side taken inside a subject of nobody's, with nothing judging what it does, is no
        # side of whoever reports it
        "Efforts to build the river dam began in three provinces last year, according to Omar Haddad.",
        "Senator Omar Haddad said the push for steel tariffs had been discussed at length.",
        "Moves to scrap the farm loans will be put to a vote on Thursday, Omar Haddad told reporters.",
    ],
)
def test_a_side_inside_a_subject_that_nothing_judges_is_nobody_s(text):
    assert not {row for row in stances(text) if row[0] == "Omar Haddad"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # someone's aim judged by what it does is the speaker's verdict on the issue, whether the
        # owner is an actor or not (the owner keeps its own side)
        ("Senator Omar Haddad said Chile's plans for a river dam would hurt farmers.", ("Omar Haddad", "river_dam", "oppose")),
        ("Senator Omar Haddad said Chile's plans for a river dam would hurt farmers.", ("Chile", "river_dam", "support")),
        ("The province's push for steel tariffs would destroy jobs, said Governor Lena Brandt.", ("Lena Brandt", "steel_tariffs", "oppose")),
        ("The union's plans for new wind farms would create jobs, Mayor Ruth Okafor said.", ("Ruth Okafor", "wind_farms", "support")),
        # or judged by a predicate, a participle the parser makes a verb too
        ("Senator Omar Haddad said the union's opposition to the farm loans was misguided.", ("Omar Haddad", "farm_loans", "support")),
        ("The guild's support for the river dam is a mistake, said Governor Lena Brandt.", ("Lena Brandt", "river_dam", "oppose")),
        ("Support for the steel tariffs is misguided, said Senator Omar Haddad.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Mayor Ruth Okafor said the wind farms were misguided.", ("Ruth Okafor", "wind_farms", "oppose")),
        # (an actor's own side judged so: the owner keeps its side, the judge takes the verdict)
        ("Chile's opposition to the farm loans is misguided, Senator Omar Haddad told reporters.", ("Omar Haddad", "farm_loans", "support")),
        ("Chile's opposition to the farm loans is misguided, Senator Omar Haddad told reporters.", ("Chile", "farm_loans", "oppose")),
    ],
)
def test_someone_s_side_judged_is_the_judge_s_verdict(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # a side of an owner the knowledge does not know, reported and not judged, is not the
        # reporter's
        "The province's plans for a river dam were unveiled on Monday, Senator Omar Haddad said.",
        "The union's opposition to the farm loans was rejected by the board, Omar Haddad told reporters.",
        "The guild's support for the steel tariffs has grown, according to Omar Haddad.",
    ],
)
def test_an_unknown_owner_s_side_reported_is_not_the_reporter_s(text):
    assert not {row for row in stances(text) if row[0] == "Omar Haddad"}


def test_a_pronoun_owner_of_a_judged_aim_is_no_judge_of_it():
    found = stances("Chile voted on Monday.\n\nTheir plans for a river dam would hurt farmers, the growers said.")
    assert ("Chile", "river_dam", "oppose") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # outcomes whose words alone would say the opposite are not read as wanted ones
        "Senator Omar Haddad said the steel tariffs would bring the economy to its knees.",
        "Senator Omar Haddad said the steel tariffs would end the illegal ivory trade.",
    ],
)
def test_outcomes_the_lexicon_does_not_judge_take_no_side(text):
    assert not {row for row in stances(text) if row[0] == "Omar Haddad"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a future denied ("not going to") is the verb's own negation
        ("Senator Omar Haddad said Ghana was not going to accept the steel tariffs.", ("Ghana", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad said Ghana is not going to scrap the farm loans.", ("Ghana", "farm_loans", "support")),
        ("Ghana was never going to approve the river dam, Senator Omar Haddad said.", ("Ghana", "river_dam", "oppose")),
        ("Senator Omar Haddad said Ghana is going to scrap the farm loans.", ("Ghana", "farm_loans", "oppose")),
    ],
)
def test_a_denied_future_negates_the_verb(text, expected):
    assert_one_side(text, expected)


def test_members_of_a_party_speak_as_the_party():
    codebook = codebook_from_dict({"issues": [{"id": "toll_road", "label": "Toll road", "terms": ["toll road"]}]})
    found = stance_triples("Members of the Agrarian Reform Party voted against the toll road.", codebook)
    assert ("Agrarian Reform Party", "toll_road", "oppose") in found and not any(a == "Members" for a, _, _ in found)
    found = stance_triples("Lawmakers from the Agrarian Reform Party voted against the toll road.", codebook)
    assert ("Agrarian Reform Party", "toll_road", "oppose") in found
    # (members counted or denied are not the party)
    assert not any(a == "Agrarian Reform Party" for a, _, _ in stance_triples("Few lawmakers from the Agrarian Reform Party voted against the toll road.", codebook))
    # (and members act as the party, outside any vote or statement)
    assert ("Agrarian Reform Party", "toll_road", "support") in stance_triples("Members of the Agrarian Reform Party backed the toll road.", codebook)
    found = stance_triples("Lawmakers from the Agrarian Reform Party fiercely opposed the toll road on Tuesday.", codebook)
    assert ("Agrarian Reform Party", "toll_road", "oppose") in found
    for part in ("Two members", "Some members", "Conservative members"):  # (a part of the body is not the body)
        found = stance_triples(f"{part} of the Agrarian Reform Party backed the toll road.", codebook)
        assert not any(a == "Agrarian Reform Party" for a, _, _ in found), part


@pytest.mark.parametrize(
    "text, expected",
    [
        # an effect on no one is no harm and no help
        ("The steel tariffs would hurt no one, Senator Omar Haddad said.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Governor Lena Brandt said the river dam would harm nobody.", ("Lena Brandt", "river_dam", "support")),
        ("Senator Omar Haddad said the farm loans would benefit no one.", ("Omar Haddad", "farm_loans", "oppose")),
    ],
)
def test_an_effect_on_no_one_is_turned(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # what an issue drives people into is an outcome like any other; so is an idiom of harm
        ("Scrapping the farm loans would push thousands of families into poverty, Senator Omar Haddad said.", ("Omar Haddad", "farm_loans", "support")),
        ("Governor Lena Brandt said the steel tariffs would plunge the region into recession.", ("Lena Brandt", "steel_tariffs", "oppose")),
        ("The river dam has done more harm than good, said Mayor Ruth Okafor.", ("Ruth Okafor", "river_dam", "oppose")),
    ],
)
def test_an_outcome_driven_into_or_more_harm_than_good_judges_the_issue(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun of decline turns the side of what it is of, judged by the verb above
        ("Senator Omar Haddad welcomed the collapse of the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt welcomed the decline in support for the river dam.", ("Lena Brandt", "river_dam", "oppose")),
        ("Senator Omar Haddad cheered the fall of the farm loans.", ("Omar Haddad", "farm_loans", "oppose")),
        ("Mayor Ruth Okafor deplored the erosion of support for the wind farms.", ("Ruth Okafor", "wind_farms", "support")),
        # a verb of judgment that reports takes the noun it judges as an act ("lamented the end of")
        ("Senator Omar Haddad lamented the demise of the steel tariffs.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Governor Lena Brandt lamented the end of the farm loans.", ("Lena Brandt", "farm_loans", "support")),
    ],
)
def test_a_noun_of_decline_turns_the_side(text, expected):
    assert_one_side(text, expected)


def test_a_decline_merely_reported_or_discussed_takes_no_side():
    assert not {r for r in stances("The collapse of the steel tariffs was reported on Monday, Senator Omar Haddad said.") if r[0] == "Omar Haddad"}
    assert not {r for r in stances("Senator Omar Haddad discussed the collapse of the steel tariffs.") if r[2] in ("support", "oppose")}


def test_abstaining_is_neutral():
    assert ("Omar Haddad", "farm_loans", "neutral") in stances("Senator Omar Haddad abstained in the vote on the farm loans.")


def test_a_word_of_another_issue_s_name_inverts_nothing():
    # "limits" would be "a limit on" the dam; here it is part of the quotas' name
    codebook = codebook_from_dict({"issues": [
        {"id": "catch_limits", "label": "Catch limits", "terms": ["catch limit"]},
        {"id": "port_deal", "label": "Port deal", "terms": ["port deal"]},
    ]})
    text = "Fisheries Minister Knut Hansen defended the catch limits but said the port deal had been a mistake."
    found = stance_triples(text, codebook)
    assert ("Knut Hansen", "port_deal", "oppose") in found and ("Knut Hansen", "port_deal", "support") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Omar Haddad said the steel tariffs were divisive and unaffordable.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt said the river dam was draconian.", ("Lena Brandt", "river_dam", "oppose")),
        ("Governor Lena Brandt said the farm loans were timely.", ("Lena Brandt", "farm_loans", "support")),
    ],
)
def test_more_evaluative_adjectives(text, expected):
    assert_one_side(text, expected)


def test_the_end_of_a_meeting_halts_nothing():
    text = "The communique issued by Peru and Chile at the end of the summit endorsed the river dam."
    found = stances(text)
    assert ("Peru", "river_dam", "support") in found and ("Peru", "river_dam", "oppose") not in found


def test_a_clause_with_its_own_subject_lends_nothing_to_the_one_before():
    found = stances("Peru backed the farm loans and Chile rejected the river dam.")
    assert ("Chile", "river_dam", "oppose") in found and not {row for row in found if row[:2] == ("Peru", "river_dam")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru supports the river dam, but Chile and Bolivia oppose it.", {("Chile", "river_dam", "oppose"), ("Bolivia", "river_dam", "oppose")}),
        ("Peru voted against the river dam and then campaigned for it.", {("Peru", "river_dam", "oppose"), ("Peru", "river_dam", "support")}),
    ],
)
def test_it_after_a_coordinated_verb_of_stance_is_the_issue_before(text, expected):
    assert expected <= stances(text)


def test_it_after_a_coordinated_verb_of_no_stance_is_left_alone():
    # "replacing it": the call, not the loans; no side either way from "replacing"
    found = stances("Peru dropped a call for the farm loans and replaced it with softer language.")
    assert ("Peru", "farm_loans", "support") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The river dam is backed by Peru and opposed by Chile.", {("Peru", "river_dam", "support"), ("Chile", "river_dam", "oppose")}),
        ("The farm loans were rejected by Peru and approved by Chile on Monday.", {("Peru", "farm_loans", "oppose"), ("Chile", "farm_loans", "support")}),
    ],
)
def test_each_coordinated_verb_of_a_shared_subject_issue_has_its_own_holder(text, expected):
    assert stances(text) == expected


# ----------------------------------------------------------------- a second reader's counter-examples
@pytest.mark.parametrize(
    "text, expected",
    [
        # an issue with no object of its own is still the content of a wish
        ("Peru called for the steel tariffs to end.", ("Peru", "steel_tariffs", "oppose")),
        ("Peru said the steel tariffs would boost trade.", ("Peru", "steel_tariffs", "support")),
        # a threat to the issue itself is against it; a threatened boycott is a tool
        ("Peru threatened the river dam by cutting its funds.", ("Peru", "river_dam", "oppose")),
        ("Peru threatened a boycott of the river dam.", ("Peru", "river_dam", "oppose")),
        # a compound inversion that is no name still inverts
        ("Peru backed moratorium legislation on the river dam.", ("Peru", "river_dam", "oppose")),
        # what comes after "but" is the verdict
        ("The steel tariffs are flawed but essential, Peru said.", ("Peru", "steel_tariffs", "support")),
    ],
)
def test_second_reader_counter_examples(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Peru has never accused Chile of sabotaging the river dam.",  # a denied accusation says nothing
        "Peru kept its distance from the river dam.",  # "keep" only on the issue as its object
        "Peru introduced exemptions to the steel tariffs.",  # "introduce" likewise
        "Peru said the object of the steel tariffs was to protect mills.",  # the noun "object"
    ],
)
def test_second_reader_sentences_with_no_side(text):
    assert not {row for row in stances(text) if row[2] in ("support", "oppose")}


# ------------------------------------------------------------------ evaluative predicates


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun that takes no side of its own is judged by its adjective
        ("Senator Omar Haddad said the river dam was a bad idea.", ("Omar Haddad", "river_dam", "oppose")),
        ("Senator Omar Haddad said the river dam was a good idea.", ("Omar Haddad", "river_dam", "support")),
        ("Senator Omar Haddad said the river dam was not a good idea.", ("Omar Haddad", "river_dam", "oppose")),
        ('"The steel tariffs are a terrible deal for our mills," Omar Haddad said.', ("Omar Haddad", "steel_tariffs", "oppose")),
        ("The farm loans are a dangerous precedent, Lena Brandt warned.", ("Lena Brandt", "farm_loans", "oppose")),
        # ... after a verb of naming or framing too
        ("Lena Brandt called the wind farms a bad deal for the valley.", ("Lena Brandt", "wind_farms", "oppose")),
        ("Lena Brandt sees the wind farms as a positive step.", ("Lena Brandt", "wind_farms", "support")),
        # a noun that judges keeps its own side whatever its adjective ("a huge mistake")
        ("Lena Brandt said the farm loans were a huge mistake.", ("Lena Brandt", "farm_loans", "oppose")),
        # words of disgust and unfitness are objections
        ('"The river dam is a disgusting fraud," Omar Haddad said.', ("Omar Haddad", "river_dam", "oppose")),
        ("Omar Haddad said the river dam was unfit for purpose.", ("Omar Haddad", "river_dam", "oppose")),
        # "blast" is scorn on a measure
        ("Omar Haddad blasted the steel tariffs as a giveaway to importers.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Lena Brandt, who similarly blasts the steel tariffs, spoke next.", ("Lena Brandt", "steel_tariffs", "oppose")),
    ],
)
def test_an_evaluative_predicate_judges_the_issue(text, expected):
    assert_one_side(text, expected)


def test_an_adjective_that_judges_nothing_takes_no_side():
    assert not {row for row in stances("Omar Haddad said the river dam was a big step.") if row[2] in ("support", "oppose")}


def test_blasting_rock_is_no_view():
    assert not {row for row in stances("Crews blasted the rock beside the river dam for the spillway.") if row[2] in ("support", "oppose")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a naming verb in a relative clause, where the parser makes object and name two predicates
        ("Asked whether he feared that Lena Brandt, who has called the wind farms a hoax, could win, Omar Haddad demurred.",
         ("Lena Brandt", "wind_farms", "oppose")),
        # the naming judges the speaker's own earlier side: a vote for it called a mistake is against it
        # (the parser hangs "in favor of" on the verb; with "the river dam" it makes "a mistake" an
        # apposition to the dam instead, which is not read)
        ("At the forum, Lena Brandt called her vote in favor of the steel tariffs a mistake.", ("Lena Brandt", "steel_tariffs", "oppose")),
        ("At the forum, Lena Brandt called her vote in favor of the steel tariffs the right decision.", ("Lena Brandt", "steel_tariffs", "support")),
    ],
)
def test_what_a_naming_verb_names_in_harder_parses(text, expected):
    assert_one_side(text, expected)


def test_an_issue_that_is_a_person_is_no_holder_of_itself():
    # The candidacy of Rui Sousa is the issue: what is said of him is the speaker's view, not his.
    codebook = codebook_from_dict({"issues": [{"id": "sousa_bid", "label": "Sousa candidacy", "terms": ["Rui Sousa"]}]})
    found = stance_triples("Rui Sousa is unfit to lead, Senator Marta Lind said.", codebook)
    assert ("Marta Lind", "sousa_bid", "oppose") in found
    assert not {row for row in found if row[0] == "Rui Sousa"}
    found = stance_triples("“This is a sad day,” said Senator Marta Lind, head of the caucus. “Rui Sousa is a disgusting fraud.”", codebook)
    assert ("Marta Lind", "sousa_bid", "oppose") in found
    assert not {row for row in found if row[0] == "Rui Sousa"}


# ------------------------------------------------------------------ effects on wanted and unwanted outcomes


@pytest.mark.parametrize(
    "text, expected",
    [
        # destroying or lowering a wanted outcome is against the issue; bringing it, for it
        ("The steel tariffs would destroy 12,000 jobs in the car industry, the Ghana Assemblers Union said.",
         ("Ghana Assemblers Union", "steel_tariffs", "oppose")),
        ("Mayor Lena Brandt said the river dam would bring stability and a steady income to the valley.",
         ("Lena Brandt", "river_dam", "support")),
        # bringing about an unwanted one is against it; stopping one, for it
        ("Parish priest Omar Haddad warned that the wind farms would fuel tensions among the villages.",
         ("Omar Haddad", "wind_farms", "oppose")),
        ("Lena Brandt said the farm loans would finally stop the exodus of young farmers to the cities.",
         ("Lena Brandt", "farm_loans", "support")),
        ("The steel tariffs will lead to shortages, Omar Haddad said.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # a denied effect turns it round
        ("The wind farms would not create jobs, Lena Brandt said.", ("Lena Brandt", "wind_farms", "oppose")),
    ],
)
def test_an_effect_on_an_outcome_is_a_side(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "The steel tariffs have cut sales, Omar Haddad said.",  # an outcome the lexicon does not judge
        "The river dam created 400 jobs last year.",  # narrative: nobody's view
        "Omar Haddad said the drought would destroy jobs near the river dam.",  # the issue does nothing
    ],
)
def test_effects_that_are_no_side(text):
    assert not {row for row in stances(text) if row[2] in ("support", "oppose")}


# ------------------------------------------------------------------ naming, undecided, descriptions


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a naming verb names decides, also through "an act of", "a kind of"
        ('Lena Brandt called the river dam "an act of vandalism against the valley".', ("Lena Brandt", "river_dam", "oppose")),
        ("Omar Haddad said the steel tariffs were a kind of surrender.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Lena Brandt called the farm loans a victory for small growers.", ("Lena Brandt", "farm_loans", "support")),
        # an evaluative participle before the issue is still read when nothing else is
        ("Governor Lena Brandt promised to complete the much-needed river dam before the rains.", ("Lena Brandt", "river_dam", "support")),
    ],
)
def test_what_is_named_or_described_decides(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # a verb of naming is no "call for": a name that judges nothing takes no side
        "Omar Haddad called the river dam a big project.",
        "Omar Haddad called the wind farms the largest in the region.",
        # a decision still to be taken is no side
        "The growers' union will consult its members before deciding whether to accept the farm loans, Lena Brandt said.",
        "Lena Brandt has not decided whether to back the steel tariffs.",
        # "proposed", "planned": a description of the issue, not the speaker's side
        "Omar Haddad said the proposed steel tariffs were far too steep for small mills to absorb.",
    ],
)
def test_no_side_from_naming_descriptions_or_open_decisions(text):
    assert not {row for row in stances(text) if row[2] in ("support", "oppose")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mayor Lena Brandt said she was neither for nor against the river dam.", ("Lena Brandt", "river_dam", "neutral")),
        ("Omar Haddad said he would neither sign nor veto the steel tariffs until the audit.", ("Omar Haddad", "steel_tariffs", "neutral")),
        ("Lena Brandt said she neither supports nor opposes the wind farms.", ("Lena Brandt", "wind_farms", "neutral")),
    ],
)
def test_neither_side_is_neutral(text, expected):
    found = stances(text)
    assert expected in found
    assert not {row for row in found if row[0] == expected[0] and row[2] in ("support", "oppose")}


def test_calling_for_it_is_still_support():
    assert ("Omar Haddad", "river_dam", "support") in stances("Omar Haddad called for the river dam to be finished.")


# ------------------------------------------------------------------ second reader of effects and evaluations

_SECOND_READER = codebook_from_dict({"issues": [
    {"id": "toll_road", "label": "Toll road", "terms": ["toll road"]},
    {"id": "sanctions", "label": "Sanctions on Korva", "terms": ["sanctions"]},
    {"id": "rent_cap", "label": "Rent cap", "terms": ["rent cap"]},
    {"id": "snap_election", "label": "Early election", "terms": ["snap election"]},
    {"id": "sousa_bid", "label": "Candidacy of Rui Sousa", "terms": ["Rui Sousa"]},
    {"id": "casino", "label": "Casino", "terms": ["casino"]},
]})


@pytest.mark.parametrize(
    "text",
    [
        # the outcome is the head noun, not a compound before it
        "The toll road will lead to job losses at the ferry company, Ana Amari said.",
        "The toll road will create a safety hazard at the Selm junction, councillor Jan Voll said.",
        "The casino would cut unemployment benefits for seasonal workers, Ana Amari said.",
        # an outcome that is someone's: wanted or not depends on whose
        "The sanctions will cut the junta's oil revenue by half, Foreign Minister Ada Fenn said.",
        "The sanctions will stop Korva's growth, Ada Fenn promised.",
        # a speaker granting a point against their own side
        "Even Piet Marek concedes the toll road will increase emissions.",
        "The toll road will not end congestion overnight, Piet Marek admitted, but it will help.",
        # an adjective that judges a role, a purpose or a time, not the issue
        "The snap election is an important test for the opposition, Lea Moss said.",
        "Ada Fenn said the sanctions were a good example of how slowly the bloc acts.",
        "The toll road is a good way to lose an election, Jules Dossou joked.",
        "The casino is a fine example of 1920s architecture, the heritage board said.",
        "The toll road was a bad place to break down, the driver Ivo Berg said.",
    ],
)
def test_second_reader_effects_and_evaluations_with_no_side(text):
    assert not {row for row in stance_triples(text, _SECOND_READER) if row[2] in ("support", "oppose")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The casino will create no jobs for local people, fisherman Ole Brun said.", ("Ole Brun", "casino", "oppose")),
        ("The casino will create fewer jobs than promised, Sam Rees said.", ("Sam Rees", "casino", "oppose")),
        ("The toll road will bring the deficit down, Piet Marek said.", ("Piet Marek", "toll_road", "support")),
        ("The casino would destroy thousands of jobs in the fishing industry, the Varnian Fishers Guild said.",
         ("Varnian Fishers Guild", "casino", "oppose")),
        ("Dana Voss warned that the sanctions would wipe out jobs at the port.", ("Dana Voss", "sanctions", "oppose")),
        ("The rent cap is hardly a good deal for tenants, said Piet Lorne.", ("Piet Lorne", "rent_cap", "oppose")),
        ("The rent cap is no bad thing, Ada Lunde said.", ("Ada Lunde", "rent_cap", "support")),
        # a person whose candidacy is the issue holds his own will about it
        ("Rui Sousa is eager to contest the presidency, his spokesman Ivo Tamm said.", ("Rui Sousa", "sousa_bid", "support")),
    ],
)
def test_second_reader_effects_and_evaluations_with_a_side(text, expected):
    assert_one_side(text, expected, _SECOND_READER)


@pytest.mark.parametrize(
    "text, expected",
    [
        # verbs of scorn with their preposition
        ("Omar Haddad lashed out at the steel tariffs on Monday.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ('Lena Brandt scoffed at the "green" wind farms.', ("Lena Brandt", "wind_farms", "oppose")),
        # people on the other side, judged: scorn for critics of it is for it, praise of them against it
        ("Omar Haddad lashed out at critics of the steel tariffs.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Lena Brandt praised critics of the river dam.", ("Lena Brandt", "river_dam", "oppose")),
    ],
)
def test_scorn_and_the_people_it_falls_on(text, expected):
    assert_one_side(text, expected)


def test_meeting_critics_takes_no_side():
    assert not {row for row in stances("Lena Brandt met critics of the river dam on Monday.") if row[2] in ("support", "oppose")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # an effect of doing something to the issue is read with what is done to it
        ("Cutting the farm loans would hurt growers, Lena Brandt said.", ("Lena Brandt", "farm_loans", "support")),
        ("Building the river dam would destroy jobs in the valley, Omar Haddad said.", ("Omar Haddad", "river_dam", "oppose")),
        ("Building the river dam would create jobs in the valley, Omar Haddad said.", ("Omar Haddad", "river_dam", "support")),
        # an object the parser makes a clause of is still an object
        ('"The river dam will end the water rationing that families here have lived with for years," Lena Brandt said.',
         ("Lena Brandt", "river_dam", "support")),
    ],
)
def test_effects_of_acts_on_the_issue_and_misparsed_objects(text, expected):
    assert_one_side(text, expected)


# ------------------------------------------------------------------ second reader, round 2

_ROUND_TWO = codebook_from_dict({"issues": [
    {"id": "fuel_tax", "label": "Fuel tax", "terms": ["fuel tax"]},
    {"id": "sanctions", "label": "Sanctions on Korva", "terms": ["sanctions"]},
    {"id": "steel_tariffs", "label": "Steel tariffs", "terms": ["steel tariffs"]},
    {"id": "truce", "label": "Truce", "terms": ["truce", "ceasefire"]},
    {"id": "casino", "label": "Casino", "terms": ["casino"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negated verb of belief or a denial: the speaker holds the opposite of the words
        ("Labour Minister Jonas Berg does not think the fuel tax is a bad idea.", ("Jonas Berg", "fuel_tax", "support")),
        ("Finance Minister Clara Voss denied that the fuel tax would destroy jobs.", ("Clara Voss", "fuel_tax", "support")),
        # a fear of a harmful effect is against the cause once, not twice
        ("Opposition leader Marek Halloran fears the fuel tax will destroy jobs.", ("Marek Halloran", "fuel_tax", "oppose")),
        ("Opposition leader Marek Halloran fears the fuel tax will be scrapped.", ("Marek Halloran", "fuel_tax", "support")),
        # names the lexicon judges, also in a relative clause
        ("Senator Lisa Moor called the sanctions a success.", ("Lisa Moor", "sanctions", "support")),
        ("Senator Lisa Moor called the truce a turning point.", ("Lisa Moor", "truce", "support")),
        ("The fuel tax, which Labour Minister Jonas Berg called a terrible idea, passed on Monday.", ("Jonas Berg", "fuel_tax", "oppose")),
        ("The sanctions will deepen the crisis, Foreign Minister Ada Fenn said.", ("Ada Fenn", "sanctions", "oppose")),
    ],
)
def test_second_reader_round_two_sides(text, expected):
    assert_one_side(text, expected, _ROUND_TWO)


@pytest.mark.parametrize(
    "text",
    [
        # harm to the measure's target is no harm to the speaker's side
        "The sanctions have crippled Russian revenue, Treasury Secretary Ann Lowe said.",
        "The steel tariffs will destroy jobs in China, Commerce Secretary Dan Pike boasted.",
        "The sanctions have cut growth in Russia, Treasury Secretary Ann Lowe said.",
        # granted, supposed or contrasted effects
        "Even if the steel tariffs cause some shortages, they are worth it, Commerce Secretary Dan Pike said.",
        "While the casino will create jobs, it will poison the river, Councillor Mi-rae Kim said.",
        # a deal judged for a named party judges what it does for them
        "The truce was a good deal for Hamas, Israeli Defence Minister Eli Navon complained.",
        # a relative clause naming it with a name that judges nothing
        "The fuel tax, which Labour Minister Jonas Berg called a big project, passed on Monday.",
    ],
)
def test_second_reader_round_two_no_side(text):
    assert not {row for row in stance_triples(text, _ROUND_TWO) if row[2] in ("support", "oppose")}


# ------------------------------------------------------------------ legislative wordings

_LEGISLATIVE = codebook_from_dict({"issues": [
    {"id": "rail_levy", "label": "Rail levy", "terms": ["rail levy"]},
    {"id": "ferry_bill", "label": "Ferry bill", "terms": ["ferry bill"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # passing, striking down, voting down
        ("The Senate voted 61-39 on Thursday to pass the rail levy.", ("Senate", "rail_levy", "support")),
        ("The Alabama Senate passed the rail levy on Monday.", ("Alabama Senate", "rail_levy", "support")),
        ("The Supreme Court struck down the rail levy.", ("Supreme Court", "rail_levy", "oppose")),
        # what a bill or plan would do is read on to whoever introduced, backed or vetoed it
        ("Senator Marta Lind introduced a bill that would create the rail levy.", ("Marta Lind", "rail_levy", "support")),
        ("Governor Lena Brandt vetoed a bill that would have repealed the rail levy.", ("Lena Brandt", "rail_levy", "support")),
        ("Senator Marta Lind backed a plan that would scrap the rail levy.", ("Marta Lind", "rail_levy", "oppose")),
        # an effort's goal is the side, once
        ("Attorney General Lena Brandt sued to stop the rail levy.", ("Lena Brandt", "rail_levy", "oppose")),
        ("Governor Lena Brandt fought to keep the rail levy.", ("Lena Brandt", "rail_levy", "support")),
        # blame over a deed is against the deed; a censure for a vote against it is for it
        ("Senator Rui Costa hammered his challenger over her support for the rail levy.", ("Rui Costa", "rail_levy", "oppose")),
        ("The Liberal Party censured Senator Marta Lind for her vote against the rail levy.", ("Liberal Party", "rail_levy", "support")),
    ],
)
def test_legislative_wordings(text, expected):
    assert_one_side(text, expected, _LEGISLATIVE)


@pytest.mark.parametrize(
    "text",
    [
        "The rail levy will pass, Senator Marta Lind predicted.",  # a forecast, not a vote
        "Marta Lind passed the ball to a teammate near the rail levy office.",  # not the issue passed
        "Senator Marta Lind promised to meet the targets without trying to pass the rail levy.",  # not done
    ],
)
def test_legislative_wordings_with_no_side(text):
    assert not {row for row in stance_triples(text, _LEGISLATIVE) if row[2] in ("support", "oppose")}


def test_a_name_after_a_role_is_a_person_whatever_odd_label_the_ner_gives():
    # "Souza" is tagged as a product or a nationality by the small model after "Governor Ana"
    found = stance_triples("Governor Ana Souza vetoed a bill that would have repealed the rail levy.", _LEGISLATIVE)
    assert ("Ana Souza", "rail_levy", "support") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # organizations the NER leaves untagged or tags only in part
        ("The Harbor Valley Chamber of Commerce called the rail levy a sensible policy.", ("Harbor Valley Chamber of Commerce", "rail_levy", "support")),
        ("The Teamsters union endorsed the rail levy on Monday.", ("Teamsters", "rail_levy", "support")),
        # a list of names whose first word the lexicon cannot judge; names parsed as the object's modifiers
        ('Senator Marta Lind called the rail levy "harsh, dangerous and out of step."', ("Marta Lind", "rail_levy", "oppose")),
        ('Senator Marta Lind said the rail levy was "a solution in search of a problem."', ("Marta Lind", "rail_levy", "oppose")),
        # premiums and costs are unwanted outcomes (prices are not: good news for sellers)
        ("The rail levy would lower premiums for 40 million commuters, Transport Secretary Ana Ruiz argued.", ("Ana Ruiz", "rail_levy", "support")),
        ('Rep. Aaron Whitfield argued that the rail levy "will drive up heating costs" for rural families.', ("Aaron Whitfield", "rail_levy", "oppose")),
    ],
)
def test_us_politics_read_set_constructions(text, expected):
    assert_one_side(text, expected, _LEGISLATIVE)


@pytest.mark.parametrize(
    "text",
    [
        # a poll or an estimate reports; whoever made it holds nothing
        "A Halden University poll released Tuesday found that 64 percent of voters support the rail levy.",
        "The Congressional Budget Office estimated that the rail levy would cost 1.4 million jobs.",
        # a title-case headline is no organization
        "Top Transit Group Will Run Ads On Rail Levy\nThe campaign starts on Monday.",
    ],
)
def test_us_politics_read_set_no_side(text):
    assert not {row for row in stance_triples(text, _LEGISLATIVE) if row[2] in ("support", "oppose", "neutral")}


# ------------------------------------------------------------------ second reader, round 3


@pytest.mark.parametrize(
    "text, expected",
    [
        # a country's own jobs, a place that is no country, a denied effect the speaker claims
        ("The steel tariffs will destroy jobs in Ohio, Senator Ann Marsh said.", ("Ann Marsh", "steel_tariffs", "oppose")),
        ("The steel tariffs have not created a single job, Senator Ann Marsh said.", ("Ann Marsh", "steel_tariffs", "oppose")),
        # "but" before a clause of its own does not withdraw the effect
        ("The fuel tax will cut emissions, but Republicans will never accept it, Senator Jo Ortega said.", ("Jo Ortega", "fuel_tax", "support")),
        # a first name the NER left out is still the name: not the Vance of the actors file
        ("Mara Vance lashed out at the fuel tax during a debate in Columbus.", ("Mara Vance", "fuel_tax", "oppose")),
    ],
)
def test_second_reader_round_three_sides(text, expected):
    found = stance_triples(text, _ROUND_TWO)
    assert expected in found
    assert not {row for row in found if row[0] == "JD Vance"}


@pytest.mark.parametrize(
    "text",
    [
        # "pass" only on the issue itself
        "Senator Jo Ortega passed copies of the fuel tax bill to reporters.",
        "The Senate passed over the fuel tax in its final session.",
        # voting down or striking down something else about it
        "The Senate voted down an amendment to the fuel tax.",
        # a bill about it that does not take a side on it
        "Senator Jo Ortega introduced a bill that would require a study of the fuel tax.",
        # a clause about something else than the issue as the cause
        "Delaying the vote on the fuel tax would hurt Democrats' chances in November, strategist Kim Ostrow said.",
        # prices are good news for those who sell
        "The steel tariffs will raise crop prices, a boon for growers, Senator Jo Ortega said.",
    ],
)
def test_second_reader_round_three_no_side(text):
    assert not {row for row in stance_triples(text, _ROUND_TWO) if row[2] in ("support", "oppose")}


def test_voting_down_the_issue_itself_is_against_it():
    assert ("Senate", "fuel_tax", "oppose") in stance_triples("The Senate voted down the fuel tax.", _ROUND_TWO)


# ------------------------------------------------------------------ diplomacy read set

_DIPLOMACY = codebook_from_dict({"issues": [
    {"id": "truce", "label": "Truce", "terms": ["truce", "ceasefire"]},
    {"id": "buffer_zone", "label": "Buffer zone", "terms": ["buffer zone"]},
    {"id": "troop_pullout", "label": "Troop pullout", "terms": ["troop pullout", "pullout"]},
    {"id": "talks", "label": "Talks", "terms": ["talks"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # a refusal on a condition is a condition
        ("Kenya will not agree to a truce unless the rebels pull their fighters back.", ("Kenya", "truce", "support")),
        # an organization as the owner of a demand
        ("Hamas's demand for a full troop pullout from Gaza remains the main obstacle to a deal, mediators said.",
         ("Hamas", "troop_pullout", "support")),
        # a capital the country tables gave to a union that no longer exists
        ("Serbian government sources said Belgrade was ready to resume talks with Pristina.", ("Serbia", "talks", "support")),
        # a ministry named with a word for its domain is the country
        ("Eritrea's information ministry accused Ethiopia of trying to sabotage the truce.", ("Eritrea", "truce", "support")),
    ],
)
def test_diplomacy_read_set_constructions(text, expected):
    assert_one_side(text, expected, _DIPLOMACY)


def test_a_proposal_keeps_its_owner_and_its_host_holds_nothing():
    text = "Turkey will host talks in Istanbul next week on Armenia's proposal for a buffer zone, the Turkish foreign ministry said."
    found = stance_triples(text, _DIPLOMACY)
    assert ("Armenia", "buffer_zone", "support") in found
    assert not {row for row in found if row[0] == "Turkey"}
    # but a verb that takes a side on it gives its subject that side
    assert ("Turkey", "buffer_zone", "oppose") in stance_triples("Turkey rejected Armenia's proposal for a buffer zone.", _DIPLOMACY)
    assert ("Ukraine", "truce", "support") in stance_triples("Ukraine is open to Kenya's proposal of a truce.", _DIPLOMACY)


def test_a_plain_refusal_stays_a_refusal():
    assert ("Kenya", "truce", "oppose") in stance_triples("Kenya will not agree to a truce.", _DIPLOMACY)
    assert not {row for row in stance_triples("Mediators said the truce would hold.", _DIPLOMACY) if row[0].lower() == "mediators"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # "it" in a clause of contrast after the issue, also when the issue names a plan
        ("Egypt and Qatar backed the truce plan while Israel rejected it, saying it left Hamas in control.", ("Israel", "truce", "oppose")),
        # coordinated countries of one phrase with a plural word for ministries
        ("The two countries agreed to resume talks in Doha, the Ethiopian and Eritrean foreign ministries said.", ("Eritrea", "talks", "support")),
        # an aim named by a copula after an act on the issue still reads the act
        ('"Keeping the truce is our red line," said Nomvula Dlamini, leader of the transport union.', ("Nomvula Dlamini", "truce", "support")),
    ],
)
def test_diplomacy_read_set_second_pass(text, expected):
    assert_one_side(text, expected, _DIPLOMACY)


@pytest.mark.parametrize(
    "text",
    [
        # what an act on the issue leads to, judged by nothing the lexicon knows
        "Withdrawing the truce monitors now would hand the border villages to the armed groups, warned Laurent Dubois.",
        # a forecast of someone else's act is nobody's position
        "Analysts expect Azerbaijan to reject the EU plan for a buffer zone.",
        "Ghana expects the rebels to accept the truce.",
    ],
)
def test_diplomacy_read_set_no_side(text):
    assert not {row for row in stance_triples(text, _DIPLOMACY) if row[2] in ("support", "oppose")}


# ------------------------------------------------------------------ second reader, round 4

_ROUND_FOUR = codebook_from_dict({"issues": [
    {"id": "truce", "label": "Truce", "terms": ["truce", "ceasefire"]},
    {"id": "sanctions", "label": "Sanctions", "terms": ["sanctions"]},
    {"id": "peacekeepers", "label": "Peacekeeping force", "terms": ["peacekeepers", "peacekeeping force"]},
    {"id": "carbon_tax", "label": "Carbon tax", "terms": ["carbon tax"]},
    {"id": "media_bill", "label": "Media bill", "terms": ["media bill"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # "unless" makes a condition only of a refusal to accept; refusing to end it keeps it
        ("Turkey will not lift the sanctions unless Cyprus drops its maritime claims.", ("Turkey", "sanctions", "support")),
        ("Kenya will not withdraw its peacekeepers unless the Haitian government asks it to.", ("Kenya", "peacekeepers", "support")),
        # a denial turns what is denied
        ("Kenya denied that it had opposed the peacekeeping force.", ("Kenya", "peacekeepers", "support")),
        ("Swedish minister Erik Sand denied that the sanctions were hurting ordinary Iranians.", ("Erik Sand", "sanctions", "support")),
        # joining or funding someone's call is taking its side; hosting talks on it is not (above)
        ("Brazil joined Mexico's call for a ceasefire in Gaza.", ("Brazil", "truce", "support")),
        # a tally is no recipient
        ("The Georgian parliament passed the media bill with 84 votes to 30 on Tuesday.", ("Georgia", "media_bill", "support")),
        ("Chile will not vote for the media bill unless it is amended.", ("Chile", "media_bill", "support")),
        # a mediator named by its country speaks for it
        ("Egyptian mediators urged Israel to accept the truce.", ("Egypt", "truce", "support")),
        # a middle name known to the actors file is the same person
        ("Turkish President Tayyip Erdogan rejected the truce on Tuesday.", ("Recep Tayyip Erdogan", "truce", "oppose")),
        # "but" before a clause of someone else keeps the effect; before a verdict on the same issue, not
        ("The carbon tax will cut emissions, but Republicans will never accept it, Senator Jo Ortega said.", ("Jo Ortega", "carbon_tax", "support")),
    ],
)
def test_second_reader_round_four_sides(text, expected):
    assert_one_side(text, expected, _ROUND_FOUR)


@pytest.mark.parametrize(
    "text",
    [
        "The carbon tax will cost some jobs, but it is necessary, Danish Climate Minister Lars Berg said.",
        "The carbon tax will raise revenue but will drive investors out of the country, industry chief Marco Galli said.",
    ],
)
def test_an_effect_answered_by_a_verdict_on_the_same_issue_is_not_the_verdict(text):
    found = stance_triples(text, _ROUND_FOUR)
    assert not {row for row in found if row[2] == "oppose" and "Berg" in row[0]}
    assert not {row for row in found if row[2] == "support" and "Galli" in row[0]}


@pytest.mark.parametrize(
    "text",
    [
        # a fact denied is no side of the one denying it
        "Russia denied that the sanctions had been extended.",
        # relaying a demand, handing a bill to committees
        "Morocco relayed Algeria's demand for sanctions to the council.",
        "Peru passed the media bill to 3 committees for review.",
        # what an act lets happen may be good or bad: no side from "let" or "allow"
        "Accepting the truce would let the militias rearm, Defence Minister Avi Cohen said.",
    ],
)
def test_second_reader_round_five_no_side(text):
    found = stance_triples(text, _ROUND_FOUR)
    assert not {row for row in found if row[0] in ("Russia", "Morocco", "Peru", "Avi Cohen")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a judged noun's adjective comes first, also when the noun has a side of its own
        ("Omar Haddad called the river dam a bad plan.", ("Omar Haddad", "river_dam", "oppose")),
        ("Omar Haddad said the river dam was a terrible proposal.", ("Omar Haddad", "river_dam", "oppose")),
        # a name the parser tags as an adverb is still read
        ("Omar Haddad called the river dam premature.", ("Omar Haddad", "river_dam", "oppose")),
        # a role or a title before a known surname is no other first name
        ("Vice President Vance lashed out at the steel tariffs.", ("JD Vance", "steel_tariffs", "oppose")),
    ],
)
def test_code_review_findings(text, expected):
    assert_one_side(text, expected)


# ------------------------------------------------------------------ the Ukraine read set's round
# (2026-12-04, sixth session: constructions found failing on tests/challenge/ukraine.yaml, written
# here with other names, countries and subjects)

_ROUND_SIX = codebook_from_dict({"issues": [
    {"id": "truce", "label": "Truce", "terms": ["truce"]},
    {"id": "sanctions", "label": "Sanctions", "terms": ["sanctions"]},
    {"id": "fuel_levy", "label": "Fuel levy", "terms": ["fuel levy"]},
    {"id": "trade_pact", "label": "Trade pact", "terms": ["trade pact"]},
    {"id": "arms_aid", "label": "Arms aid", "terms": ["military aid"]},
    {"id": "peacekeepers", "label": "Peacekeepers", "terms": ["peacekeepers"]},
    {"id": "eu_membership", "label": "EU membership", "terms": ["membership of the EU"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # a penalty promised on a condition is a threat, its removal a promise (failure class 6
        # without a verb of threat): for what the condition asks
        ("President Ana Souza said she would impose tariffs on Uganda if Kampala did not agree to the truce.", ("Ana Souza", "truce", "support")),
        ("President Ana Souza said she would slap new duties on Togolese cocoa if Lome did not accept a truce within a month.", ("Ana Souza", "truce", "support")),
        ("President Ana Souza said she would lift the sanctions if Uganda agreed to the truce.", ("Ana Souza", "truce", "support")),
        ("President Ana Souza said sanctions would be lifted if Uganda agreed to the truce.", ("Ana Souza", "truce", "support")),
        # a verb of threat above the clause the condition hangs on
        ("President Ana Souza warned that she would impose tariffs on Uganda if Kampala did not agree to the truce.", ("Ana Souza", "truce", "support")),
        # the issue's own fate denied: "cannot work", "do not work", "will never pass", "not going to happen"
        ("President Ana Souza said the fuel levy cannot work.", ("Ana Souza", "fuel_levy", "oppose")),
        ("“We have said many times that sanctions simply do not work against Peru. They never have,” President Ana Souza said.", ("Ana Souza", "sanctions", "oppose")),
        ("President Ana Souza told a cabinet meeting that the trade pact was “not going to happen”.", ("Ana Souza", "trade_pact", "oppose")),
        # providing the issue is doing it; stopping it is against it
        ("President Ana Souza said Kenya would keep sending military aid to Uganda for as long as needed.", ("Kenya", "arms_aid", "support")),
        ("Kenya will provide military aid to Uganda.", ("Kenya", "arms_aid", "support")),
        ("Kenya stopped sending military aid to Uganda.", ("Kenya", "arms_aid", "oppose")),
        # holding back, stalling, tolerating
        ("President Ana Souza said she was holding off on new sanctions against Peru.", ("Ana Souza", "sanctions", "oppose")),
        ("President Ana Souza accused Uganda of deliberately stalling the trade pact.", ("Uganda", "trade_pact", "oppose")),
        ("President Ana Souza said Kenya would never tolerate peacekeepers on its soil.", ("Kenya", "peacekeepers", "oppose")),
        # the issue's owner is no holder of a view said of it
        ("Hungarian Foreign Minister Peter Szijjarto said on Wednesday that Serbia's membership of the EU was out of the question.",
         ("Peter Szijjarto", "eu_membership", "oppose")),
        # a demand on another country is the speaker's
        ("President Ana Souza said Uganda must stop sending military aid to the rebels.", ("Ana Souza", "arms_aid", "oppose")),
        ("President Ana Souza said Uganda has to accept the truce.", ("Ana Souza", "truce", "support")),
        ("Uganda must accept the truce, President Ana Souza said.", ("Ana Souza", "truce", "support")),
    ],
)
def test_ukraine_read_set_round(text, expected):
    assert_one_side(text, expected, _ROUND_SIX)


@pytest.mark.parametrize(
    "text, nobody",
    [
        # a forecast of the issue's fate, or a past event, is nobody's side
        ("President Ana Souza said the fuel levy will pass.", ("Ana Souza",)),
        ("President Ana Souza said the fuel levy did not pass the Senate.", ("Ana Souza",)),
        ("Kenya's fuel levy did not survive the vote, President Ana Souza said.", ("Kenya", "Ana Souza")),
        # the issue's owner holds nothing by owning it
        ("Hungarian Foreign Minister Peter Szijjarto said on Wednesday that Serbia's membership of the EU was out of the question.", ("Serbia",)),
        # a guess at an act, or the act named after a preposition, provides nothing
        ("Reports said China might send peacekeepers to the border.", ("China",)),
        ("The party dropped a call for “providing military aid” from its platform.", ("party",)),
        # the one a demand is made of holds nothing
        ("President Ana Souza said Uganda must accept the truce.", ("Uganda",)),
    ],
)
def test_ukraine_read_set_round_no_side(text, nobody):
    found = stance_triples(text, _ROUND_SIX)
    assert not {row for row in found if row[0] in nobody}
    if "Szijjarto" in text:
        assert ("Peter Szijjarto", "eu_membership", "oppose") in found


def test_holding_off_on_taking_a_position_is_neutral_not_a_side():
    # (holding off on the taking, not on the issue: no support or oppose; since the eighth round
    # the coding guide's neutral, a side not taken yet)
    text = "Transport Minister Nikos Pappas held off on taking a position on the fuel levy, saying he would first consult the regions."
    assert {row for row in stance_triples(text, _ROUND_SIX) if row[0] == "Nikos Pappas"} == {("Nikos Pappas", "fuel_levy", "neutral")}


def test_a_demand_by_ones_own_leader_stays_the_countrys():
    found = stance_triples("Kenyan President Ana Souza said Kenya must accept the truce.", _ROUND_SIX)
    assert {("Ana Souza", "truce", "support"), ("Kenya", "truce", "support")} <= found


def test_a_list_of_three_names_read_as_an_apposition_holds_the_view_together():
    found = stance_triples("Mayor Ana Souza, Senator Rui Costa, Governor Lena Brandt and Mayor Tom Baker called on Peru to accept a full truce.", _ROUND_SIX)
    assert {(name, "truce", "support") for name in ("Ana Souza", "Rui Costa", "Lena Brandt", "Tom Baker")} <= found
    # a true apposition names the same one again
    found = stance_triples("William Ruto, Kenya's president, and Paul Kagame called on Uganda to accept a full truce.", _ROUND_SIX)
    assert {("William Ruto", "truce", "support"), ("Paul Kagame", "truce", "support")} <= found


@pytest.mark.parametrize(
    "text, expected",
    [
        # declining an act is a refusal of it; declining to say is no side
        ("President Ana Souza declined to sign the truce.", ("Ana Souza", "truce", "oppose")),
        ("President Ana Souza declined to sign up to the broader truce.", ("Ana Souza", "truce", "oppose")),
        ("President Ana Souza declined to comment on the truce.", ("Ana Souza", "truce", "neutral")),
        ("The Irish Farmers Council declined to take a position on the fuel levy, saying its members were divided.",
         ("Irish Farmers Council", "fuel_levy", "neutral")),
        # a sibling act in the condition of a threat does not turn the issue's side
        ("President Ana Souza threatened new levies unless Uganda stopped shelling towns and agreed to a truce.", ("Ana Souza", "truce", "support")),
        ("President Ana Souza warned Uganda that its banks could be cut off from the dollar unless it stopped shelling towns and agreed to a truce.",
         ("Ana Souza", "truce", "support")),
    ],
)
def test_ukraine_read_set_second_round(text, expected):
    found = stance_triples(text, _ROUND_SIX)
    assert expected in found
    actor, issue, _stance = expected
    assert {row for row in found if row[0] == actor and row[1] == issue} == {expected}


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a fall is no refusal
        ("Support for the fuel levy has declined sharply this year.", {"any row"}),
        # what someone was asked about is not their view
        ("Asked about reports that Uganda might accept the truce, President Ana Souza declined to comment.",
         {("Ana Souza", "truce", "support"), ("Ana Souza", "truce", "oppose"), ("Uganda", "truce", "support")}),
        # declining to comment on another's demand takes no side on it
        ("Norway, which facilitates the talks, declined to comment on Uganda's demand for a truce.",
         {("Norway", "truce", "support"), ("Norway", "truce", "oppose")}),
    ],
)
def test_ukraine_read_set_second_round_no_side(text, wrong):
    found = stance_triples(text, _ROUND_SIX)
    assert not (found if "any row" in wrong else found & wrong)


def test_the_owner_of_a_proposal_the_issue_names_holds_it_whatever_is_said_of_it():
    codebook = codebook_from_dict({"issues": [{"id": "peace_plan", "label": "Peace plan", "terms": ["peace plan"]}]})
    found = stance_triples("Uganda rejected Kenya's peace plan.", codebook)
    assert {("Kenya", "peace_plan", "support"), ("Uganda", "peace_plan", "oppose")} <= found
    found = stance_triples("Kenya's peace plan is a good idea, President Ana Souza said.", codebook)
    assert {("Kenya", "peace_plan", "support"), ("Ana Souza", "peace_plan", "support")} <= found
    # the seed codebook's "offer of talks" names the talks only, so the offer stays its owner's
    from core.knowledge.codebook import load_codebook
    from core.settings import ROOT

    seed = load_codebook(ROOT / "seeds" / "codebook.yaml")
    found = stance_triples("Uganda rejected Kenya's offer of direct talks.", seed)
    assert {("Kenya", "peace_talks", "support"), ("Uganda", "peace_talks", "oppose")} <= found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a threat in the second of two clauses a verb of warning takes
        ("Foreign Minister Lena Brandt warned that Kenya's patience was not unlimited and that the president would move on to "
         "other priorities unless both sides showed they were serious about the truce.", ("Lena Brandt", "truce", "support")),
        # determination is a will
        ("President Ana Souza said she was determined to close the trade pact within weeks.", ("Ana Souza", "trade_pact", "support")),
        ("President Ana Souza said she was determined to scrap the fuel levy.", ("Ana Souza", "fuel_levy", "oppose")),
    ],
)
def test_ukraine_read_set_third_round(text, expected):
    assert_one_side(text, expected, _ROUND_SIX)


# ------------------------------------------------------------------ a second reader's findings on this round


@pytest.mark.parametrize(
    "text, expected",
    [
        # failing or disregarding the issue in a threat's condition: the threat is for the issue
        ("Health Minister Grace Mwangi said she would impose penalties on bars if they ignored the fuel levy.", ("Grace Mwangi", "fuel_levy", "support")),
        ("Sweden said it would impose an embargo on Baku if the truce collapsed.", ("Sweden", "truce", "support")),
        # a penalty withheld on a condition is a promise
        ("Senator Dale Morgan said he would impose no sanctions if Caracas honoured the truce.", ("Dale Morgan", "truce", "support")),
        ("Senator Elena Marsh said she would impose no new tariffs if Ottawa signed the trade pact.", ("Elena Marsh", "trade_pact", "support")),
        # an answer to what was asked takes its side; a refusal with nothing else refused refuses what was asked
        ("Pressed on the fuel levy, President Irina Vos defended it as necessary.", ("Irina Vos", "fuel_levy", "support")),
        ("Asked to endorse the trade pact, Foreign Minister Olaf Berg refused.", ("Olaf Berg", "trade_pact", "oppose")),
        # holding off on an act done to the issue
        ("Slovakia held off on approving the sanctions.", ("Slovakia", "sanctions", "oppose")),
        # the doer of a reported act holds it, not the one who reports it
        ("President Ana Souza said Uganda had not stopped sending military aid to the rebels.", ("Uganda", "arms_aid", "support")),
    ],
)
def test_second_reader_round_six(text, expected):
    assert_one_side(text, expected, _ROUND_SIX)


@pytest.mark.parametrize(
    "text, wrong",
    [
        # an act of someone the knowledge does not know is nobody's view, nor its reporter's
        ("Smugglers supplied military aid to the rebels, a United Nations report said.", {"any row"}),
        ("Aid coordinator Jens Moe said agencies struggled to deliver military aid to the north.", {"any row"}),
        ("Negotiators stripped the fuel levy out of the budget deal, Finance Minister Lucia Moreno said.", {"any row"}),
        # a forecast of a threat, or of a date, is no side
        ("Economist Jana Novak said tariffs would likely be imposed if the trade pact collapsed.", {"any row"}),
        ("Analyst Tom Berg said the trade pact will not pass before the summer.", {"any row"}),
        ("President Ana Souza said the truce is not going to happen this week.", {"any row"}),
        # a fall is no refusal, also with the issue after "after"
        ("Emissions declined after the fuel levy took effect, Environment Minister Rosa Klein said.", {"any row"}),
        # declining something else than the issue
        ("Gazcorp declined an invitation to a hearing on the fuel levy.", {"any row"}),
    ],
)
def test_second_reader_round_six_no_side(text, wrong):
    found = stance_triples(text, _ROUND_SIX)
    assert not (found if "any row" in wrong else found & wrong)


# ------------------------------------------------------------------ a code reviewer's findings on this round

_ROUND_SIX_ACTS = codebook_from_dict({"issues": [
    {"id": "bloc_membership", "label": "Joining the bloc", "patterns": [r"\bjoin\w*\s+the\s+bloc\b"]},
    {"id": "truce", "label": "Truce", "terms": ["truce"]},
    {"id": "fuel_levy", "label": "Fuel levy", "terms": ["fuel levy"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # the doer of a reported act holds it only when the act is stated: a demand or a guess is the speaker's
        ("President Ana Souza said Serbia should never join the bloc.", ("Ana Souza", "bloc_membership", "oppose")),
        ("President Ana Souza said Serbia could join the bloc.", ("Ana Souza", "bloc_membership", "support")),
        ("President Ana Souza said Serbia had joined the bloc.", ("Serbia", "bloc_membership", "support")),
        # a negation shared by two verbs in a threat's condition
        ("President Ana Souza said she would impose sanctions on Uganda if Kampala did not stop the raids and agree to a truce.",
         ("Ana Souza", "truce", "support")),
        # putting a penalty on hold is a promise; a penalty as an instrument, or under a verb of promise, is a threat
        ("President Ana Souza said she would put sanctions on hold if Uganda agreed to a truce.", ("Ana Souza", "truce", "support")),
        ("President Ana Souza said she would hit Uganda with sanctions if Kampala rejected the truce.", ("Ana Souza", "truce", "support")),
        ("President Ana Souza pledged to impose sanctions on Uganda if Kampala rejected the truce.", ("Ana Souza", "truce", "support")),
        # a place is no date
        ("President Ana Souza said the fuel levy will not work in the north.", ("Ana Souza", "fuel_levy", "oppose")),
    ],
)
def test_code_review_round_six(text, expected):
    found = stance_triples(text, _ROUND_SIX_ACTS)
    assert expected in found
    assert not {row for row in found if row[1] == expected[1] and row != expected}, "nobody else, no other side"


def test_a_refusal_by_someone_the_knowledge_does_not_know_is_not_the_reporters():
    assert not stance_triples("Local officials refused to back the fuel levy, President Ana Souza said.", _ROUND_SIX_ACTS)


# ------------------------------------------------------------------ the seventh round (2026-12-04, seventh session)

_ROUND_SEVEN = codebook_from_dict({"issues": [
    {"id": "sanctions", "label": "Sanctions", "terms": ["sanction"]},
    {"id": "truce", "label": "Truce", "terms": ["truce"]},
    {"id": "military_aid", "label": "Military aid", "terms": ["military aid"]},
    {"id": "trade_pact", "label": "Trade pact", "terms": ["trade pact"]},
    {"id": "peace_force", "label": "Peacekeeping force", "terms": ["peacekeeping force"]},
    {"id": "non_alignment", "label": "Non-alignment", "patterns": [r"\bnon-aligned\b"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # a measure warned of on a condition is a threat (also by the subject of a coordinated verb)
        ("Chancellor Ines Vogt warned of new sanctions if Belgrade refused.", ("Ines Vogt", "sanctions", "support")),
        ("President Ana Souza and Prime Minister Lars Berg called on Serbia to accept a truce, and warned of new sanctions if it refused.",
         ("Lars Berg", "sanctions", "support")),
        # pausing is stopping; slapping a penalty on and writing a status in are doing them
        ("Chile paused all military aid to Peru on Monday.", ("Chile", "military_aid", "oppose")),
        ("President Ana Souza said she would slap new sanctions on Serbian steel.", ("Ana Souza", "sanctions", "support")),
        ("Foreign Minister Rui Costa said any settlement must enshrine Moldova's non-aligned status.", ("Rui Costa", "non_alignment", "support")),
        # "it" in a later clause of the sentence stands for the issue that was the first clause's subject
        ("Prime Minister Lars Berg said the trade pact would flood the market with cheap grain, and that Norway would veto it.",
         ("Norway", "trade_pact", "oppose")),
        # a proposal is its content: "it" after "a plan for X" is X
        ("Officials in Oslo drafted a plan for a peacekeeping force in Moldova. Serbia rejected it.", ("Serbia", "peace_force", "oppose")),
        # a noun of means judged by its adjective
        ("Foreign Minister Rui Costa said a truce was the fastest way to stop the killing.", ("Rui Costa", "truce", "support")),
        ("Foreign Minister Rui Costa said sanctions were the wrong path.", ("Rui Costa", "sanctions", "oppose")),
        ("Foreign Minister Rui Costa said sanctions were not the best way to end the war.", ("Rui Costa", "sanctions", "oppose")),
        # the noun the issue describes holds no view of it: the speaker does
        ("Foreign Minister Rui Costa said a non-aligned Moldova was essential.", ("Rui Costa", "non_alignment", "support")),
    ],
)
def test_round_seven_wordings(text, expected):
    assert_one_side(text, expected, _ROUND_SEVEN)


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a warning with no condition may be a forecast
        ("Chancellor Ines Vogt warned of new sanctions on Serbia.", {("Ines Vogt", "sanctions", "support")}),
        # "it" agrees with the subject it stands for: here the economy, not the sanctions
        ("Prime Minister Lars Berg said the sanctions had hurt the economy, and that Norway would protect it.",
         {("Norway", "sanctions", "support"), ("Norway", "sanctions", "oppose")}),
        # "not the only way" says there are others, and "a new way" judges nothing
        ("Foreign Minister Rui Costa said sanctions were not the only way to pressure Serbia.",
         {("Rui Costa", "sanctions", "oppose"), ("Rui Costa", "sanctions", "support")}),
        ("Foreign Minister Rui Costa said sanctions were a new way to pressure Serbia.",
         {("Rui Costa", "sanctions", "oppose"), ("Rui Costa", "sanctions", "support")}),
        # the country a status is said of is no holder of it
        ("Foreign Minister Rui Costa said a non-aligned Moldova was essential.", {("Moldova", "non_alignment", "support")}),
        # a paused event is no paused issue
        ("The truce talks paused on Monday, President Ana Souza said.", {("Ana Souza", "truce", "oppose")}),
    ],
)
def test_round_seven_no_such_row(text, wrong):
    assert not stance_triples(text, _ROUND_SEVEN) & wrong


@pytest.mark.parametrize(
    "text, expected",
    [
        # whose idea, suggestion or package it is holds its content; an abbreviated name is an owner too
        ("Peru backed Brazil's idea of a truce.", ("Brazil", "truce", "support")),
        ("Peru rejected a UK proposal for a truce.", ("United Kingdom", "truce", "support")),
        ("Prime Minister Lars Berg said he would veto the EU's new sanctions package.", ("European Union", "sanctions", "support")),
        # a proposal judged above it is the owner's proposal and the speaker's verdict
        ("Brazil's proposal for a truce was absurd, Foreign Minister Rui Costa said.", ("Brazil", "truce", "support")),
        ("Brazil's proposal for a truce was absurd, Foreign Minister Rui Costa said.", ("Rui Costa", "truce", "oppose")),
        # a clause with its own subject misparsed as a clausal subject keeps its own side
        ("Foreign Minister Rui Costa said the West must stop supplying military aid to Kyiv and Serbia must halt its offensive.",
         ("Rui Costa", "military_aid", "oppose")),
        # a demand on a doer the knowledge does not know is still the speaker's view
        ("Foreign Minister Rui Costa said the West must stop supplying military aid to Kyiv.", ("Rui Costa", "military_aid", "oppose")),
        # a condition of purpose: what it takes for the issue to hold is wanting it
        ("Chancellor Ines Vogt said Europe needed a strong army if any truce is to hold.", ("Ines Vogt", "truce", "support")),
        # what is provided "with", or as an amount "in", is the object provided
        ("Norway has provided Moldova with military aid.", ("Norway", "military_aid", "support")),
        ("Norway sent 2 billion dollars in military aid to Moldova.", ("Norway", "military_aid", "support")),
    ],
)
def test_round_seven_owners_conditions_and_amounts(text, expected):
    assert_one_side(text, expected, _ROUND_SEVEN)


def test_round_seven_an_abbreviated_name_names_an_owner_but_a_full_country_name_a_subject():
    assert not {row for row in stance_triples("Peru rejected a Chile proposal for a truce.", _ROUND_SEVEN) if row[0] == "Chile"}


# ------------------------------------------------------------------ a second reader's findings on the seventh round

@pytest.mark.parametrize(
    "text, expected",
    [
        # a means to a bad end is against; a purpose read from what it takes ("to be lifted": the lifting)
        ("Foreign Minister Rui Costa said sanctions were the surest path to war.", ("Rui Costa", "sanctions", "oppose")),
        # an end the lexicon does not judge is wanted
        ("Foreign Minister Rui Costa said sanctions were the best way to pressure Serbia.", ("Rui Costa", "sanctions", "support")),
        ("Foreign Minister Rui Costa said a truce was the only path to the talks table.", ("Rui Costa", "truce", "support")),
        # what follows "as" is read after a verb of censure too ("too weak": wants more)
        ("Senator Lars Berg attacked the sanctions as too weak.", ("Lars Berg", "sanctions", "support")),
        ("General Ola Nordby said Europe would have to act if the truce is to hold.", ("Ola Nordby", "truce", "support")),
        # an issue undone by the noun it is a compound of ("sanctions relief"), also in an owned package
        ("Serbia opposed sanctions relief.", ("Serbia", "sanctions", "support")),
        ("The EU's sanctions relief package angered Serbia.", ("European Union", "sanctions", "oppose")),
        ("Beijing slapped down a Japanese proposal for a trade pact.", ("China", "trade_pact", "oppose")),
        # after "met Y and said", the speaker is the subject of what is said
        ("President Ana Souza met Prime Minister Lars Berg and said she backed a truce.", ("Ana Souza", "truce", "support")),
    ],
)
def test_second_reader_round_seven(text, expected):
    assert_one_side(text, expected, _ROUND_SEVEN)


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a means to an end the lexicon cannot judge takes no side
        ("Foreign Minister Rui Costa said sanctions were the fastest way to ruin Serbian farmers.", {"any row"}),
        # no purpose: a report to be believed, a forecast, a fate foreseen
        ("If the trade pact is to be believed, prices will fall, Chancellor Ines Vogt said.", {"any row"}),
        ("Chancellor Ines Vogt said prices would soar if the sanctions are to stay.", {"any row"}),
        ("General Ola Nordby said Europe would have to act if the truce is to collapse.", {"any row"}),
        ("Chancellor Ines Vogt said farmers needed help if the sanctions are to be lifted.", {"any row"}),
        ("Chancellor Ines Vogt said Kyiv will need more air defences if the truce is to be broken.", {"any row"}),
        # an undoing noun alone takes no side
        ("Chancellor Ines Vogt spoke about sanctions relief on Monday.", {"any row"}),
        # "did not attack X as ..." says nothing
        ("Senator Lars Berg did not attack the truce as appeasement.", {"any row"}),
        # a warning not given, or of what the warner does not impose, is no threat
        ("Chancellor Ines Vogt did not warn of sanctions if Belgrade refused.", {"any row"}),
        ("Chancellor Ines Vogt warned of a trade pact if Serbia won the vote.", {"any row"}),
        # what an adjective issue's noun does is not said of the adjective
        ("A non-aligned Moldova backed the truce, Foreign Minister Rui Costa said.", {("Rui Costa", "non_alignment", "support")}),
        # a content said is no proposal; an amount of something else is not the issue
        ("India's idea that the trade pact was premature irritated Rui Costa.", {("India", "trade_pact", "support")}),
        ("Norway sent 2 billion dollars in sanctions revenue to Moldova.", {("Norway", "sanctions", "support")}),
        # "it" may be the first clause's singular object, not its subject issue
        ("Chancellor Ines Vogt said the truce had hurt the economy, and that Norway would support it.", {("Norway", "truce", "support")}),
        # a spokeswoman's "he" is not the spokeswoman
        ("Carla Mendes, a spokeswoman for President Paulo Ribeiro, said he would back the truce.", {("Carla Mendes", "truce", "support")}),
    ],
)
def test_second_reader_round_seven_no_such_row(text, wrong):
    found = stance_triples(text, _ROUND_SEVEN)
    assert not (found if "any row" in wrong else found & wrong)


_ROUND_SEVEN_US = codebook_from_dict({"issues": [
    {"id": "fuel_levy", "label": "Fuel levy", "terms": ["fuel levy"]},
    {"id": "pipeline", "label": "Pipeline", "terms": ["pipeline"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # who leads or joins the subject shares its act
        ("Five lawmakers, led by Senator Ana Souza, opposed the fuel levy.", ("Ana Souza", "fuel_levy", "oppose")),
        ("Senator Ana Souza, joined by Senator Lars Berg, voted against the fuel levy.", ("Lars Berg", "fuel_levy", "oppose")),
        ("Dozens of farmers testified against the pipeline at a hearing, joined by the Sierra Club.", ("Sierra Club", "pipeline", "oppose")),
        # the subject's own verb decides, a refusal too
        ("Several governors, led by Governor Ellen Marsh, refused to support the fuel levy.", ("Ellen Marsh", "fuel_levy", "oppose")),
        ("Five lawmakers, led by Senator Ana Souza, declined to vote for the fuel levy.", ("Ana Souza", "fuel_levy", "oppose")),
        ("Senator Ana Souza testified against the pipeline.", ("Ana Souza", "pipeline", "oppose")),
        # what the issue is framed as, judged by its adjective; an attack on it
        ("Governor Lars Berg described the pipeline as a vital artery for the region.", ("Lars Berg", "pipeline", "support")),
        ("Senator Ana Souza attacked the fuel levy as a blank check for oil firms.", ("Ana Souza", "fuel_levy", "oppose")),
        # "it" in a later clause for the issue the sentence named before
        ("Senator Ana Souza has made the fuel levy her cause, while her rival, Lars Berg, has called it reckless.",
         ("Lars Berg", "fuel_levy", "oppose")),
    ],
)
def test_round_seven_us_politics(text, expected):
    assert_one_side(text, expected, _ROUND_SEVEN_US)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Governor Lars Berg described the pipeline as a good example of how permits work.", {"any row"}),
        # a later "it" in a clause of people the knowledge does not know, or supposed, is nobody's
        ("Speaker Lars Berg has refused to bring the fuel levy to the floor, though aides say 40 members would vote for it.",
         {("Lars Berg", "fuel_levy", "support")}),
        ("The pipeline could open next year if regulators push it along.", {"any row"}),
    ],
)
def test_round_seven_us_politics_no_such_row(text, wrong):
    found = stance_triples(text, _ROUND_SEVEN_US)
    assert not (found if "any row" in wrong else found & wrong)


_ROUND_SEVEN_TRADE = codebook_from_dict({"issues": [
    {"id": "steel_duties", "label": "Steel duties", "terms": ["steel duty", "steel tariff"]},
    {"id": "retraining_aid", "label": "Retraining aid", "terms": ["retraining aid"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # a federal department is its country (a ministry by another name)
        ("The Commerce Department slapped new steel duties on imports from Vietnam.", ("United States", "steel_duties", "support")),
        # what the issue would ignite, or wreck
        ("Governor Lars Berg said the steel tariffs would ignite a trade war.", ("Lars Berg", "steel_duties", "oppose")),
        ("Governor Lars Berg said the steel tariffs would wreck jobs in the valley.", ("Lars Berg", "steel_duties", "oppose")),
        ("Senator Ana Souza called the steel tariffs protectionist.", ("Ana Souza", "steel_duties", "oppose")),
        # "it" named with a judged noun in a side clause
        ("Senator Ana Souza spoke about retraining aid, calling it a costly program.", ("Ana Souza", "retraining_aid", "oppose")),
        # letting it lapse is against it; refusing to, for it
        ("The Prairie Institute urged Congress to let retraining aid expire.", ("Prairie Institute", "retraining_aid", "oppose")),
        ("Senator Ana Souza refused to let retraining aid lapse.", ("Ana Souza", "retraining_aid", "support")),
    ],
)
def test_round_seven_trade_wordings(text, expected):
    assert_one_side(text, expected, _ROUND_SEVEN_TRADE)


@pytest.mark.parametrize(
    "text, expected",
    [
        # keeping to it
        ("Peru said it would respect the truce to the letter.", ("Peru", "truce", "support")),
        ("Chile said it would observe a 48-hour truce around the camp.", ("Chile", "truce", "support")),
        # an organization named before a proposal is its owner
        ("Chile rejected a World Bank proposal for a peacekeeping force.", ("World Bank", "peace_force", "support")),
    ],
)
def test_round_seven_negotiation_wordings(text, expected):
    assert_one_side(text, expected, _ROUND_SEVEN)


@pytest.mark.parametrize("text", [
    "Chile said it would respect the outcome of the truce talks.",  # the outcome, not the truce
    "Chile observed that the truce was fragile.",  # a remark
    "Chile rejected a Moldova proposal for a peacekeeping force.",  # a country named before a proposal is its subject
])
def test_round_seven_negotiation_no_side(text):
    found = stance_triples(text, _ROUND_SEVEN)
    assert not {row for row in found if row[0] == "Moldova" or row[2] == "support" and row[0] == "Chile"}


def test_a_lapse_foreseen_is_no_side():
    assert not stance_triples("Senator Ana Souza said retraining aid would expire in May.", _ROUND_SEVEN_TRADE)


@pytest.mark.parametrize("text", [
    "Senator Lars Berg said Congress should not let retraining aid lapse.",
    "Senator Lars Berg said Congress must never let retraining aid expire.",
])
def test_not_letting_an_issue_lapse_is_for_it(text):
    found = stance_triples(text, _ROUND_SEVEN_TRADE)
    assert ("Lars Berg", "retraining_aid", "support") in found and ("Lars Berg", "retraining_aid", "oppose") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fate asked for the issue with "for ... to be ...", which the parser hangs on the issue
        # as a relative clause: the call is for the fate, not for the issue
        ("A call from Peru for the river dam to be halted was rejected.", ("Peru", "river_dam", "oppose")),
        ("Calls from Chile for the steel tariffs to be scrapped grew louder.", ("Chile", "steel_tariffs", "oppose")),
        ("Peru's call for the river dam to be halted was rejected.", ("Peru", "river_dam", "oppose")),
        ("Kenya rejected calls for the steel tariffs to be scrapped.", ("Kenya", "steel_tariffs", "support")),
        ("Kenya backed calls for the steel tariffs to be scrapped.", ("Kenya", "steel_tariffs", "oppose")),
        ("Peru voted for the river dam to be halted.", ("Peru", "river_dam", "oppose")),
        ("Chile pressed for the farm loans to be suspended.", ("Chile", "farm_loans", "oppose")),
        # a fate that keeps or builds it: for it
        ("Peru's call for the river dam to be built was welcomed.", ("Peru", "river_dam", "support")),
        ("Chile's demand for the farm loans to be extended angered Peru.", ("Chile", "farm_loans", "support")),
    ],
)
def test_a_call_for_the_issue_to_be_undone_is_against_it(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fate denied is the issue kept; a clause with its own agent says what befell the caller
        ("Peru pressed for the farm loans not to be suspended.", ("Peru", "farm_loans", "support")),
        ("Chile pressed for the steel tariffs, only to be rebuffed by Peru.", ("Chile", "steel_tariffs", "support")),
    ],
)
def test_a_fate_denied_or_with_its_own_agent_does_not_turn_the_call(text, expected):
    assert_one_side(text, expected)



@pytest.mark.parametrize("text, expected", [
    # A verb with a side only on its object ("fight") reaches the act on the issue that its object,
    # an attempt, effort or plan, names with an infinitive.
    ("Mayor Ines Duarte vowed to fight any attempt to build the river dam.", ("Ines Duarte", "river_dam", "oppose")),
    ("Mayor Ines Duarte vowed to fight any effort to scrap the wind farms.", ("Ines Duarte", "wind_farms", "support")),
    ("Mayor Ines Duarte will fight the plan to build the river dam.", ("Ines Duarte", "river_dam", "oppose")),
])
def test_an_object_only_verb_reaches_the_act_its_object_names(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize("text", [
    # (a reviewer's cases: an act that takes no side on the issue gives "fight" none either)
    "Mayor Ines Duarte vowed to fight the effort to rename the river dam.",
    "Mayor Ines Duarte vowed to fight the governor's attempt to take credit for the river dam.",
])
def test_an_object_only_verb_takes_no_side_through_an_act_without_one(text):
    assert not any(issue == "river_dam" for _, issue, _ in stances(text))


@pytest.mark.parametrize("text, expected", [
    # verbs and nouns of doing away with something are against it, wherever the side comes from:
    # wanting, calling for, vowing, and a judgment of an attempt to do it turns it
    ("Senator Ana Ortiz wants to abolish the steel tariffs.", ("Ana Ortiz", "steel_tariffs", "oppose")),
    ("Senator Ana Ortiz called for the abolition of the steel tariffs.", ("Ana Ortiz", "steel_tariffs", "oppose")),
    ("Peru called for the elimination of the farm loans.", ("Peru", "farm_loans", "oppose")),
    ("Chile vowed to dismantle the river dam.", ("Chile", "river_dam", "oppose")),
    ("Kenya wants to do away with the steel tariffs.", ("Kenya", "steel_tariffs", "oppose")),
    ("Peru wants to get rid of the farm loans.", ("Peru", "farm_loans", "oppose")),
    ("Chile plans to scale back the farm loans.", ("Chile", "farm_loans", "oppose")),
    ("Mayor Ines Duarte criticised the plan to abolish the wind farms.", ("Ines Duarte", "wind_farms", "support")),
    ("Mayor Ines Duarte opposed efforts to eliminate the farm loans.", ("Ines Duarte", "farm_loans", "support")),
])
def test_doing_away_with_the_issue_is_against_it(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize("text, expected", [
    # bringing it back or saving it is for it; holding it back or thwarting it against it
    ("Chile vowed to revive the river dam.", ("Chile", "river_dam", "support")),
    ("Senator Ana Ortiz wants to reinstate the farm loans.", ("Ana Ortiz", "farm_loans", "support")),
    ("Peru tried to salvage the steel tariffs.", ("Peru", "steel_tariffs", "support")),
    ("Kenya moved to safeguard the farm loans.", ("Kenya", "farm_loans", "support")),
    ("Peru moved to thwart the river dam.", ("Peru", "river_dam", "oppose")),
    ("Senator Ana Ortiz disapproved of the wind farms.", ("Ana Ortiz", "wind_farms", "oppose")),
    ("Chile would postpone the river dam, Foreign Minister Lia Sorensen said.", ("Chile", "river_dam", "oppose")),
    ("Mayor Ines Duarte criticised the attempt to revive the river dam.", ("Ines Duarte", "river_dam", "oppose")),
    ("Senator Ana Ortiz stood up for the farm loans.", ("Ana Ortiz", "farm_loans", "support")),
    ("The Chilean government called off the river dam.", ("Chile", "river_dam", "oppose")),
    ("The Kenyan government pulled the plug on the wind farms.", ("Kenya", "wind_farms", "oppose")),
    ("Peru is pulling the plug on the farm loans.", ("Peru", "farm_loans", "oppose")),
    ("Chile called off plans to scrap the steel tariffs.", ("Chile", "steel_tariffs", "support")),
])
def test_reviving_or_thwarting_the_issue_takes_its_side(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize("text, expected", [
    # everyday words of letting it go ahead, taking it up, blocking it or cooling on it (the
    # vocabulary challenge set's failures, on sentences of our own)
    ("The Chilean cabinet rubber-stamped the river dam on Friday.", ("Chile", "river_dam", "support")),
    ("Senator Ana Ortiz gave her blessing to the wind farms.", ("Ana Ortiz", "wind_farms", "support")),
    ("Kenya gave the thumbs-up to the river dam.", ("Kenya", "river_dam", "support")),
    ("Mayor Ines Duarte went to bat for the wind farms at a hearing.", ("Ines Duarte", "wind_farms", "support")),
    ("Farmers led by Senator Ana Ortiz petitioned for the farm loans.", ("Ana Ortiz", "farm_loans", "support")),
    ("Chile moved to shore up the farm loans.", ("Chile", "farm_loans", "support")),
    ("Senator Ana Ortiz has stonewalled the steel tariffs for months.", ("Ana Ortiz", "steel_tariffs", "oppose")),
    ("Peru scuppered the river dam on Thursday.", ("Peru", "river_dam", "oppose")),
    ("The Chilean government vowed to rein in the wind farms.", ("Chile", "wind_farms", "oppose")),
    ("The Kenyan government cracked down on the wind farms.", ("Kenya", "wind_farms", "oppose")),
    ("Mayor Ines Duarte is lukewarm about the river dam.", ("Ines Duarte", "river_dam", "oppose")),
    ("The Peruvian government has been cool to the steel tariffs.", ("Peru", "steel_tariffs", "oppose")),
    ("Senator Ana Ortiz called the steel tariffs wrong-headed.", ("Ana Ortiz", "steel_tariffs", "oppose")),
    ("Kenya gave the thumbs-down to the wind farms.", ("Kenya", "wind_farms", "oppose")),
    ("Mayor Ines Duarte took aim at the river dam in a speech.", ("Ines Duarte", "river_dam", "oppose")),
    ("Chile put the brakes on the river dam.", ("Chile", "river_dam", "oppose")),
    ("Senator Ana Ortiz deplored the cancellation of the river dam.", ("Ana Ortiz", "river_dam", "support")),
    ("Mayor Ines Duarte brushed aside calls to scrap the farm loans.", ("Ines Duarte", "farm_loans", "support")),
])
def test_everyday_words_of_letting_blocking_or_cooling_take_their_side(text, expected):
    assert_one_side(text, expected)


def test_refusing_to_be_drawn_takes_no_side():
    found = stances("Senator Ana Ortiz refused to be drawn on the steel tariffs, telling reporters to wait.")
    assert not {row for row in found if row[2] in ("support", "oppose")}


@pytest.mark.parametrize("text, expected", [
    # praise, scorn and the acts of approving, speeding, shelving and cutting back (the second
    # vocabulary set's failures, on sentences of our own)
    ("Mayor Ines Duarte extolled the wind farms in a speech.", ("Ines Duarte", "wind_farms", "support")),
    ("Senator Ana Ortiz talked up the river dam on Monday.", ("Ana Ortiz", "river_dam", "support")),
    ("The Chilean government gave the go-ahead for the river dam.", ("Chile", "river_dam", "support")),
    ("Peru fast-tracked the farm loans on Thursday.", ("Peru", "farm_loans", "support")),
    ("Kenya rolled out the farm loans in May.", ("Kenya", "farm_loans", "support")),
    ("Senator Ana Ortiz has co-sponsored the farm loans.", ("Ana Ortiz", "farm_loans", "support")),
    ("Mayor Ines Duarte is sympathetic to the wind farms.", ("Ines Duarte", "wind_farms", "support")),
    ("The Peruvian government toughened the steel tariffs.", ("Peru", "steel_tariffs", "support")),
    ("Chile broadened the farm loans to cover fishermen.", ("Chile", "farm_loans", "support")),
    ("Senator Ana Ortiz rubbished the river dam.", ("Ana Ortiz", "river_dam", "oppose")),
    ("Senator Ana Ortiz poured scorn on the steel tariffs.", ("Ana Ortiz", "steel_tariffs", "oppose")),
    ("The Kenyan government mothballed the river dam.", ("Kenya", "river_dam", "oppose")),
    ("Chile curtailed the farm loans on Tuesday.", ("Chile", "farm_loans", "oppose")),
    ("Mayor Ines Duarte is unenthusiastic about the wind farms.", ("Ines Duarte", "wind_farms", "oppose")),
    ("Senator Ana Ortiz called the river dam a vanity project.", ("Ana Ortiz", "river_dam", "oppose")),
    ("Mayor Ines Duarte turned her back on the wind farms.", ("Ines Duarte", "wind_farms", "oppose")),
    ("Senator Ana Ortiz filibustered the farm loans for nine hours.", ("Ana Ortiz", "farm_loans", "oppose")),
    ("Mayor Ines Duarte bemoaned the axing of the river dam.", ("Ines Duarte", "river_dam", "support")),
])
def test_praise_scorn_and_acts_of_approving_or_shelving_take_their_side(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize("text", [
    # the code reviewer's cases: the new words in their other senses, or with the issue doing the
    # act rather than undergoing it, take no side
    "Senator Ana Ortiz said the river dam would get rid of the floods.",
    "Senator Ana Ortiz said the wind farms would put the brakes on rising bills.",
    "Senator Ana Ortiz said the steel tariffs take aim at dumping.",
    "Senator Ana Ortiz said the river dam would pull the plug on 40 mills.",
    "Senator Ana Ortiz said the farm loans would turn their back on the poorest farmers.",
    "Senator Ana Ortiz said the farm loans would terminate in 2030.",
    "Senator Ana Ortiz called off talks on the river dam.",
    "Senator Ana Ortiz postponed the vote on the steel tariffs.",
    "Senator Ana Ortiz said the storm was savage but the river dam held.",
    "Senator Ana Ortiz said the steel tariffs were a mixed blessing.",
    "Senator Ana Ortiz said the wind farms would roll out slowly because of delays.",
    "Senator Ana Ortiz said the river dam was fast-tracked.",
])
def test_words_in_their_other_senses_take_no_side(text):
    assert not {row for row in stances(text) if row[0] == "Ana Ortiz" and row[2] in ("support", "oppose")}


@pytest.mark.parametrize("text, expected", [
    # and in their own sense they still take it
    ("Senator Ana Ortiz called off the river dam.", ("Ana Ortiz", "river_dam", "oppose")),
    ("Senator Ana Ortiz postponed the river dam.", ("Ana Ortiz", "river_dam", "oppose")),
    ("Senator Ana Ortiz said she would stand by the farm loans.", ("Ana Ortiz", "farm_loans", "support")),
    ("Senator Ana Ortiz put the brakes on the wind farms.", ("Ana Ortiz", "wind_farms", "oppose")),
])
def test_the_same_words_in_their_own_sense_take_their_side(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize("text, expected", [
    # taking it on, letting it through, going off it, knocking it down (the third vocabulary set's
    # failures, on sentences of our own)
    ("Senator Ana Ortiz has bought into the wind farms.", ("Ana Ortiz", "wind_farms", "support")),
    ("The Kenyan government looks favourably on the farm loans.", ("Kenya", "farm_loans", "support")),
    ("Mayor Ines Duarte stumped for the wind farms at the weekend.", ("Ines Duarte", "wind_farms", "support")),
    ("Peru waved through the river dam on Wednesday.", ("Peru", "river_dam", "support")),
    ("Senator Ana Ortiz put her name to the farm loans bill.", ("Ana Ortiz", "farm_loans", "support")),
    ("Senator Ana Ortiz said she would not entertain the steel tariffs.", ("Ana Ortiz", "steel_tariffs", "oppose")),
    ("Mayor Ines Duarte has soured on the river dam.", ("Ines Duarte", "river_dam", "oppose")),
    ("Senator Ana Ortiz frowns on the farm loans.", ("Ana Ortiz", "farm_loans", "oppose")),
    ("Peru backtracked on the steel tariffs.", ("Peru", "steel_tariffs", "oppose")),
    ("Senator Ana Ortiz shot down the wind farms at a hearing.", ("Ana Ortiz", "wind_farms", "oppose")),
    ("Mayor Ines Duarte said the river dam was a disgrace.", ("Ines Duarte", "river_dam", "oppose")),
    ("Senator Ana Ortiz called the farm loans a cynical stunt.", ("Ana Ortiz", "farm_loans", "oppose")),
])
def test_taking_it_on_or_going_off_it_takes_its_side(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize("text, expected", [
    # a complaint about a decision to undo the issue is for it, as a condemnation of one is
    # ("deplore" and "bemoan" are object cues like "condemn": their object is what is judged)
    ("Senator Ana Ortiz deplored the decision to scrap the farm loans.", ("Ana Ortiz", "farm_loans", "support")),
    ("Mayor Ines Duarte bemoaned the decision to scrap the wind farms.", ("Ines Duarte", "wind_farms", "support")),
    ("Senator Ana Ortiz deplored the river dam.", ("Ana Ortiz", "river_dam", "oppose")),
])
def test_a_complaint_about_undoing_the_issue_is_for_it(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A copula's "for" with an actor for subject is a position, like its "against".
        ("Senator Tomas Berg was for the river dam.", {("Tomas Berg", "river_dam", "support")}),
        ("Senator Tomas Berg remains for the steel tariffs.", {("Tomas Berg", "steel_tariffs", "support")}),
        ("Mayor Quarrie was not for the wind farms.", {("Quarrie", "wind_farms", "oppose")}),
        ("Senator Tomas Berg was for the river dam before she was against it.",
         {("Tomas Berg", "river_dam", "support"), ("Tomas Berg", "river_dam", "oppose")}),
        ("Kenya is for the steel tariffs, but Uganda is against them.", {("Kenya", "steel_tariffs", "support"), ("Uganda", "steel_tariffs", "oppose")}),
        # Not a position: another phrase first, a time, or no actor for subject.
        ("The money was for the river dam, Senator Tomas Berg said.", set()),
        ("Senator Tomas Berg was for years a supporter of the steel tariffs.", {("Tomas Berg", "steel_tariffs", "support")}),
    ],
)
def test_a_copulas_for_is_its_subjects_position(text, expected):
    found = stances(text)
    assert found == expected


def test_a_copulas_for_after_a_place_is_no_support():
    assert ("Tomas Berg", "wind_farms", "support") not in stances("Senator Tomas Berg was in Nairobi for the wind farms summit.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"I am for the river dam," Senator Tomas Berg said.', {("Tomas Berg", "river_dam", "support")}),
        ("Senator Tomas Berg is all for the wind farms.", {("Tomas Berg", "wind_farms", "support")}),
        ("Senator Tomas Berg, who is for the river dam, spoke on Monday.", {("Tomas Berg", "river_dam", "support")}),
        ("Senator Tomas Berg was always for the steel tariffs.", {("Tomas Berg", "steel_tariffs", "support")}),
        # an adverb of place or a time after the copula: no position
        ("Senator Tomas Berg was there for the vote on the river dam.", set()),
        ("Senator Tomas Berg was for the first time asked about the river dam.", set()),
        ("Senator Tomas Berg is for now undecided on the steel tariffs.", {("Tomas Berg", "steel_tariffs", "neutral")}),
    ],
)
def test_a_copulas_for_with_a_pronoun_or_an_adverb(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('In an interview, Senator Tomas Berg described the steel tariffs as "a job killer."', ("Tomas Berg", "steel_tariffs", "oppose")),
        ("Senator Tomas Berg called the river dam a job killer.", ("Tomas Berg", "river_dam", "oppose")),
    ],
)
def test_a_job_killer_is_opposed(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Tomas Berg has made no secret of his disdain for the wind farms.", ("Tomas Berg", "wind_farms", "oppose")),
        ("Senator Tomas Berg's contempt for the steel tariffs is well known.", ("Tomas Berg", "steel_tariffs", "oppose")),
        ("Senator Tomas Berg voiced disdain for critics of the river dam.", ("Tomas Berg", "river_dam", "support")),
    ],
)
def test_nouns_of_disdain_oppose_what_they_are_for(text, expected):
    assert_one_side(text, expected)


# Naming when the parser loses the name: a gerund or noun read as a verb with the name as its object
# ("called fracking a danger"), a name hung on the last noun of the object ("called the notion of
# global warming a hoax"), an adverb before the issue's noun ("called offshore drilling essential").
# "call" itself takes a side only through "for", "on" or an infinitive.
NAMING_CODEBOOK = codebook_from_dict({"issues": [
    {"id": "fracking", "label": "Fracking", "terms": ["fracking"]},
    {"id": "offshore_drilling", "label": "Offshore drilling", "terms": ["offshore drilling"]},
    {"id": "climate_action", "label": "Climate action", "terms": ["climate change", "global warming"]},
    {"id": "steel_tariffs", "label": "Steel tariffs", "terms": ["steel tariff"]},
    {"id": "farm_loans", "label": "Farm loans", "terms": ["farm loan"]},
    {"id": "wind_farms", "label": "Wind farms", "terms": ["wind farm"]},
    {"id": "river_dam", "label": "River dam", "terms": ["river dam"]},
]})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Governor Lena Brandt called fracking a danger to the region.", ("Lena Brandt", "fracking", "oppose")),
        ("Mayor Ruth Okafor called offshore drilling a mistake.", ("Ruth Okafor", "offshore_drilling", "oppose")),
        ("Mayor Ruth Okafor called offshore drilling essential.", ("Ruth Okafor", "offshore_drilling", "support")),
        ("Senator Omar Haddad called man-made climate change a myth.", ("Omar Haddad", "climate_action", "oppose")),
        ("Senator Omar Haddad, who has called the notion of man-made global warming a hoax, spoke on Friday.",
         ("Omar Haddad", "climate_action", "oppose")),
        ("Governor Lena Brandt called raising the steel tariffs a mistake.", ("Lena Brandt", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt called scrapping the farm loans a mistake.", ("Lena Brandt", "farm_loans", "support")),
        ("Senator Omar Haddad called the farm loans a myth.", ("Omar Haddad", "farm_loans", "oppose")),
        ("Senator Omar Haddad said it is a myth that the steel tariffs protect jobs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # (and what worked before still does)
        ("Senator Omar Haddad called for higher steel tariffs.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Senator Omar Haddad called on the ministry to scrap the farm loans.", ("Omar Haddad", "farm_loans", "oppose")),
        ("Governor Lena Brandt called fracking safe.", ("Lena Brandt", "fracking", "support")),
    ],
)
def test_a_name_the_parser_misplaces_still_decides_the_side(text, expected):
    assert_one_side(text, expected, NAMING_CODEBOOK)


@pytest.mark.parametrize(
    "text, holder, issue",
    [
        ("Senator Omar Haddad called wind farm funding a waste.", "Omar Haddad", "wind_farms"),
        ("Mayor Ruth Okafor called the river dam, which Governor Lena Brandt backs, a disgrace.", "Ruth Okafor", "river_dam"),
        ("Mayor Ruth Okafor called a vote on the river dam.", "Ruth Okafor", "river_dam"),
        # (a gerund the parser makes a verb under a verb of naming is named, not done)
        ("Senator Omar Haddad termed fracking a nuisance.", "Omar Haddad", "fracking"),
    ],
)
def test_call_with_the_issue_as_its_object_is_no_support_of_its_own(text, holder, issue):
    assert (holder, issue, "support") not in stance_triples(text, NAMING_CODEBOOK)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Omar Haddad did not call the steel tariffs a mistake.",
        "Governor Lena Brandt never called global warming a hoax.",
        "Mayor Ruth Okafor did not call the farm loans indispensable.",
    ],
)
def test_a_name_denied_says_nothing_of_the_issue(text):
    assert stance_triples(text, NAMING_CODEBOOK) == set()


def test_a_verb_of_opinion_denied_turns_its_name_and_a_verb_of_naming_denied_says_nothing():
    """"does not consider X necessary" is considering it unnecessary (against it); "did not describe X
    as a mistake" says nothing of what X is."""
    assert_one_side("Governor Lena Brandt does not consider the farm loans necessary.", ("Lena Brandt", "farm_loans", "oppose"), NAMING_CODEBOOK)
    assert_one_side("Governor Lena Brandt considers the farm loans necessary.", ("Lena Brandt", "farm_loans", "support"), NAMING_CODEBOOK)
    assert stance_triples("Senator Omar Haddad did not describe the steel tariffs as a mistake.", NAMING_CODEBOOK) == set()
    # (nor what a word inside the named phrase said)
    assert stance_triples("Senator Omar Haddad did not call scrapping the farm loans a mistake.", NAMING_CODEBOOK) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # (a verb of its own with the issue as its object is no misread name)
        ("Senator Omar Haddad dismissed raising the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad derided raising the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        # (an act named under a verb of naming is still the act when its name is not read as one)
        ("Governor Lena Brandt called extending the farm loans necessary.", ("Lena Brandt", "farm_loans", "support")),
    ],
)
def test_a_verb_of_its_own_under_a_naming_verb_keeps_its_side(text, expected):
    assert_one_side(text, expected, NAMING_CODEBOOK)


def test_the_head_of_a_phrase_is_its_last_word_that_modifies_nothing():
    from core.extraction.tokens import phrase_head
    from tests.nlp_fixtures import nlp

    doc = nlp()("Mayor Ruth Okafor called offshore drilling essential.")
    assert phrase_head(doc[4:6]).text == "drilling"  # ("offshore" hangs on "called" as an adverb)
    doc = nlp()("Mayor Ruth Okafor opposes the offshore drilling plan.")
    assert phrase_head(doc[4:8]).text == "plan"  # (a phrase the parser reads whole keeps its root)


@pytest.mark.parametrize(
    "text, holder",
    [
        # what a denied report or claim says is no one's view, and the denial none on the issue
        ("A spokesman for the Chilean mining ministry denied reports that Santiago planned to scrap the farm loans.", "Chile"),
        ("Senator Omar Haddad's office rejected claims that he had discussed the river dam with the builders.", "Omar Haddad"),
        ("Governor Lena Brandt dismissed allegations that Peru had secretly backed the steel tariffs.", "Peru"),
    ],
)
def test_a_denied_report_is_no_one_s_view(text, holder):
    found = stances(text)
    assert not {row for row in found if row[0] == holder and row[2] in ("support", "oppose")}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a denier denying their own side holds the other
        ("Governor Lena Brandt rejected claims that she backs the steel tariffs.", ("Lena Brandt", "steel_tariffs", "oppose")),
        ("Ghana denied reports that it planned to scrap the farm loans.", ("Ghana", "farm_loans", "support")),
    ],
)
def test_a_denied_report_of_the_denier_s_own_side_is_turned(text, expected):
    assert_one_side(text, expected)


def test_a_report_not_denied_still_says_its_view():
    assert ("Ghana", "farm_loans", "oppose") in stances("Senator Omar Haddad confirmed reports that Ghana planned to scrap the farm loans.")


@pytest.mark.parametrize(
    "text, expected",
    [
        # an exemption or a waiver from the issue undoes it
        ("Senator Omar Haddad sought an exemption from the steel tariffs for carmakers.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Governor Lena Brandt opposed any waiver of the river dam rules.", ("Lena Brandt", "river_dam", "support")),
        # someone's push for one, judged dangerous, is the judge's support for the issue
        ("The Hauliers Guild's push for an exemption from the steel tariffs is understandable but dangerous, said Mayor Ruth Okafor.",
         ("Ruth Okafor", "steel_tariffs", "support")),
        # a campaign called populism
        ("Chile's campaign against the farm loans is pure populism, Senator Omar Haddad said.", ("Omar Haddad", "farm_loans", "support")),
    ],
)
def test_exemptions_and_scorn_of_someone_s_campaign(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # limits of the readings above (a second reader's sentences)
        ("Senator Omar Haddad welcomed the drop in prices caused by the steel tariffs.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Senator Omar Haddad welcomed the exemption of the wind farms from the steel tariffs.", ("Omar Haddad", "wind_farms", "support")),
        ("Senator Omar Haddad dismissed claims that the river dam would harm fish stocks.", ("Omar Haddad", "river_dam", "support")),
        ("Ghana voted on Monday. Its support for the river dam has never wavered.", ("Ghana", "river_dam", "support")),
        ("Ghana acknowledged that its decision to scrap the farm loans would hurt farmers.", ("Ghana", "farm_loans", "oppose")),
        ("The company's support for the river dam is unwavering, its chief executive Omar Haddad said.", ("Omar Haddad", "river_dam", "support")),
        ("The government's support for the steel tariffs has not changed, Finance Minister Lena Brandt said.", ("Lena Brandt", "steel_tariffs", "support")),
    ],
)
def test_limits_of_someone_s_side_and_of_declines(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The steel tariffs hurt nobody but the poor, Senator Omar Haddad said.", ("Omar Haddad", "steel_tariffs", "support")),
        ("Senator Omar Haddad predicted the collapse of the steel tariffs.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Senator Omar Haddad said critics of the steel tariffs were misguided.", ("Omar Haddad", "steel_tariffs", "oppose")),
        ("Ghana opposed the river dam, but Togo welcomed the decision.", ("Togo", "river_dam", "support")),
        ("Ghana backed the river dam, and Togo said it would boost spending on schools.", ("Togo", "river_dam", "support")),
        ("Backbench members of the Agrarian Reform Party opposed the river dam.", ("Agrarian Reform Party", "river_dam", "oppose")),
    ],
)
def test_limits_that_give_no_such_row(text, wrong):
    assert wrong not in stances(text)
