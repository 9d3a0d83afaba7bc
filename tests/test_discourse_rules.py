"""Positions across sentences and in evaluative language (issue 13, this session's construction
work): coordinated speakers, an issue named again by its head noun or by "it", unnamed
spokespeople speaking for the body named before, ministries named as their country, titles before
a name, idioms read as one word, "too much"/"too little", feelings about a decision that undoes
the issue. Sentences, names, countries and issues are written for these tests."""

from __future__ import annotations

import pytest
import yaml

from core.extraction.candidates import CandidateFinder
from core.extraction.idioms import merge_idioms, phrase_words
from core.knowledge.codebook import codebook_from_dict
from core.knowledge.gazetteer import DEFAULT_ACTORS, DEFAULT_LEXICON, KnowledgeError, load_knowledge
from tests.nlp_fixtures import nlp, stance_triples

CODEBOOK_ISSUES = [
    {"id": "water_tax", "label": "Water tax", "terms": ["water tax"]},
    {"id": "copper_mine", "label": "Copper mine", "terms": ["copper mine"]},
    {"id": "language_law", "label": "Language law", "terms": ["language law"]},
    {"id": "toll_road", "label": "Toll road", "terms": ["toll road"]},
    {"id": "wage_rise", "label": "Minimum wage rise", "terms": ["wage rise"]},
    {"id": "fuel_levy", "label": "Fuel levy", "terms": ["fuel levy"]},
    {"id": "lopez_bid", "label": "Lopez campaign", "terms": ["Lopez campaign"]},
]
CODEBOOK = codebook_from_dict({"issues": CODEBOOK_ISSUES})


def stances(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, CODEBOOK)


def of(actor: str, text: str) -> set[tuple[str, str, str]]:
    return {row for row in stances(text) if row[0] == actor}


# ------------------------------------------------------------------ holders across the sentence


def test_every_coordinated_speaker_holds_the_view():
    found = stances("Senators Ana Souza and Rui Costa voted against the water tax on Tuesday.")
    assert {("Ana Souza", "water_tax", "oppose"), ("Rui Costa", "water_tax", "oppose")} <= found
    found = stances("Chile and Peru said the water tax was a mistake.")
    assert {("Chile", "water_tax", "oppose"), ("Peru", "water_tax", "oppose")} <= found


def test_an_unnamed_spokesperson_speaks_for_the_body_named_before():
    text = ("The Orinoco Development Fund was asked in May to finance the toll road near Ciudad Bolivar. "
            "A spokesman for the fund said on Friday it backed the toll road.")
    assert ("Orinoco Development Fund", "toll_road", "support") in stances(text)
    assert not {row for row in stances(text) if row[0].lower().startswith("spokes")}
    text = "Ghana's Ministry of Roads met contractors on Monday. A ministry spokeswoman said the toll road would be scrapped."
    assert ("Ghana", "toll_road", "oppose") in stances(text)


def test_a_bare_spokesperson_stays_unresolved_when_several_bodies_were_named():
    text = ("The Andes Road Trust and the Pacific Builders Union met in Quito. "
            "A spokesman said the toll road would be scrapped.")
    assert not {row for row in stances(text) if row[0] in ("Andes Road Trust", "Pacific Builders Union")}


def test_a_ministry_named_with_its_country_is_the_country():
    assert ("Ghana", "toll_road", "oppose") in stances("Ghana's Ministry of Energy rejected the toll road on Monday.")
    assert ("Jamaica", "toll_road", "support") in stances("Jamaica's tourism ministry said it backs the toll road.")


@pytest.mark.parametrize(
    "text, expected, wrong",
    [
        ("Turkish energy officials welcomed the toll road.", "Turkey", None),
        ("Turkish opposition officials welcomed the toll road.", None, "Turkey"),
        ("Former Turkish officials welcomed the toll road.", None, "Turkey"),
    ],
)
def test_a_word_of_domain_keeps_officials_the_state_and_opposition_does_not(text, expected, wrong):
    actors = {row[0] for row in stances(text)}
    if expected:
        assert expected in actors
    if wrong:
        assert wrong not in actors


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ecuadorian Economy Minister Sofia Carrion said she backed the toll road.", "Sofia Carrion"),
        ("Bishop Anton Vella condemned the toll road.", "Anton Vella"),
        ("Deputy Health Minister Ana Ruiz condemned the toll road.", "Ana Ruiz"),
    ],
)
def test_a_title_before_a_name_is_not_part_of_the_name(text, name):
    assert {row[0] for row in stances(text)} == {name}


# ------------------------------------------------------------------ the issue named again


def test_the_head_noun_of_an_issue_named_before_stands_for_it():
    text = "Norway approved the copper mine in May. Officials said work would start in June. Sweden says the mine will poison the river."
    assert ("Sweden", "copper_mine", "oppose") in stances(text)


@pytest.mark.parametrize(
    "second",
    [
        "Peru rejected the income tax.",  # a compound makes it another tax
        "Peru rejected India's tax.",  # so does a named owner
    ],
)
def test_a_head_noun_with_its_own_modifier_is_another_thing(second):
    assert not of("Peru", "Chile backed the water tax. " + second)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a word the lexicon gives as the same thing (head_noun_synonyms)
        ("Chile proposed a water tax in May. Peru rejected the levy on Tuesday.", ("Peru", "water_tax", "oppose")),
        ("Chile and Peru opened border talks in May. Weeks later Senator Ana Souza praised the negotiations.",
         ("Ana Souza", "border_talks", "support")),
    ],
)
def test_a_synonym_of_the_head_noun_stands_for_the_issue(text, expected):
    book = codebook_from_dict({"issues": [*CODEBOOK_ISSUES, {"id": "border_talks", "label": "Border talks", "terms": ["border talks"]}]})
    assert expected in stance_triples(text, book)


def test_a_head_noun_stands_for_its_own_issue_before_a_synonyms():
    # ("the levy" after a water tax and a fuel levy: the fuel levy, not ambiguous between the two)
    found = stances("Chile proposed a water tax in May. Peru imposed a fuel levy in June. Bolivia rejected the levy on Tuesday.")
    assert ("Bolivia", "fuel_levy", "oppose") in found
    assert not {row for row in found if row[0] == "Bolivia" and row[1] == "water_tax"}


def test_a_head_noun_of_an_issue_this_sentence_names_is_not_the_earlier_issue():
    # ("the levy on sugar" beside "the fuel levy": neither the fuel levy named again nor the water tax)
    found = stances("Chile proposed a water tax in May. Peru rejected the fuel levy and backed the levy on sugar.")
    assert ("Peru", "fuel_levy", "oppose") in found
    assert not {row for row in found if row[0] == "Peru" and row[1] == "water_tax"}


def test_a_noun_for_an_actor_is_no_head_noun_of_an_issue():
    text = "Rivals attacked the Lopez campaign on Monday. The campaign said it rejected the toll road."
    assert not {row for row in stances(text) if row[1] == "lopez_bid" and row[0] != "Rivals"}


def test_it_as_the_object_of_a_verb_of_stance_is_the_issue_of_the_sentence_before():
    assert ("Peru", "language_law", "oppose") in stances("Chile proposed a language law on Monday. Peru rejected it.")
    quote = '"This language law puts an old wrong right," said Rosa Mamani, a lawmaker. "I will vote for it with pride."'
    assert ("Rosa Mamani", "language_law", "support") in stances(quote)


@pytest.mark.parametrize(
    "second",
    [
        "It was raining when Peru discussed it.",  # a neutral verb: no side from "it"
        "Peru said it would take time.",  # "it" as a subject is left alone
    ],
)
def test_it_elsewhere_is_left_alone(second):
    assert not of("Peru", "Chile proposed a language law on Monday. " + second)


def test_it_refers_to_nothing_when_the_sentence_before_names_two_issues():
    assert not of("Peru", "Chile proposed a language law and a water tax. Peru rejected it.")


def test_the_candidates_include_the_words_the_rules_read_as_an_earlier_issue():
    doc = nlp()("Norway approved the copper mine in May. Sweden says the mine will poison the river.")
    finder = CandidateFinder(doc, CODEBOOK)
    pairs = {(c.actor, c.issue) for c in finder.candidates()}
    assert ("Sweden", "copper_mine") in pairs


# ------------------------------------------------------------------ evaluative language


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lima called the fuel levy a non-starter.", ("Peru", "fuel_levy", "oppose")),
        ("Union chief Rosa Diaz said the fuel levy was a non-starter for truckers.", ("Rosa Diaz", "fuel_levy", "oppose")),
        ("Mayor Tom Okoro said the fuel levy was a step in the right direction.", ("Tom Okoro", "fuel_levy", "support")),
        ("Economist Ada Obi said the fuel levy would be a game changer for the railways.", ("Ada Obi", "fuel_levy", "support")),
        ("Senator Ines Mota said the fuel levy would be dead on arrival in the Senate.", ("Ines Mota", "fuel_levy", "oppose")),
        ("Lima said the fuel levy was a waste of money.", ("Peru", "fuel_levy", "oppose")),
        ("The fuel levy is a waste of time, Mayor Tom Okoro said.", ("Tom Okoro", "fuel_levy", "oppose")),
        ("Union chief Rosa Diaz called the fuel levy a boondoggle.", ("Rosa Diaz", "fuel_levy", "oppose")),
    ],
)
def test_idioms_say_a_side(text, expected):
    assert expected in stances(text)


def test_an_idiom_is_merged_into_one_token_with_the_phrase_as_lemma():
    doc = nlp().make_doc("They called it a non-starter and said it was dead on arrival.")
    for name, proc in nlp().pipeline:
        if name not in ("stance_mentions", "stance_attribution"):
            doc = proc(doc)
    lex = load_knowledge().lexicon
    assert merge_idioms(doc, lex) == 2
    merged = {t.text: t.lemma_ for t in doc if " " in t.text or "-" in t.text}
    assert merged == {"non-starter": "non-starter", "dead on arrival": "dead on arrival"}
    assert phrase_words("non-starter") == ["non", "-", "starter"]


def test_an_idiom_without_a_side_is_refused_on_load(tmp_path):
    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    data["idioms"].append("blue moon")  # listed under no side
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="blue moon"):
        load_knowledge(DEFAULT_ACTORS, lexicon)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The dockers' union said the wage rise was far too small.", ("dockers' union", "wage_rise", "support")),
        ("Employers' leader Jon Hale said the wage rise was far too steep for small firms.", ("Jon Hale", "wage_rise", "oppose")),
        ("Senator Ana Prado said the fuel levy went much too far.", ("Ana Prado", "fuel_levy", "oppose")),
    ],
)
def test_too_little_wants_more_of_it_and_too_much_wants_less(text, expected):
    found = stances(text)
    actor, issue, stance = expected
    assert any(a.lower().endswith(actor.lower()) and i == issue and s == stance for a, i, s in found), found


def test_too_with_a_feeling_is_no_degree_of_the_issue():
    found = of("Kim Park", "Kim Park was not too impressed by the wage rise.")
    assert ("Kim Park", "wage_rise", "support") not in found


def test_a_feeling_about_a_decision_that_undoes_the_issue_turns_the_side():
    assert ("Lena Berg", "fuel_levy", "support") in stances("Activist Lena Berg was dismayed by the decision to scrap the fuel levy.")
    assert ("Lena Berg", "fuel_levy", "support") in stances("The decision to scrap the fuel levy angered Lena Berg.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru said the copper mine would poison the river.", {("Peru", "copper_mine", "oppose")}),
        ("Russian strikes destroyed the copper mine.", set()),  # an event, nobody's view
        ("Peru said the toll road would protect jobs in the valley.", {("Peru", "toll_road", "support")}),
    ],
)
def test_what_the_issue_does_takes_a_side_only_with_the_issue_as_its_cause(text, expected):
    assert stances(text) == expected


def test_fight_takes_a_side_only_on_the_issue_as_its_object():
    assert ("Peru", "language_law", "oppose") in stances("Peru will fight the language law.")
    assert ("Peru", "language_law", "support") in stances("Peru will fight for the language law.")
    assert ("Peru", "language_law", "oppose") in stances("Chile proposed the language law. Peru vowed to fight it.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru's cabinet voted to revoke the copper mine licence.", ("Peru", "copper_mine", "oppose")),
        ("Chile vowed to uphold the water tax.", ("Chile", "water_tax", "support")),
        ("Chile shelved the water tax on Monday.", ("Chile", "water_tax", "oppose")),
    ],
)
def test_new_cues_of_undoing_and_holding(text, expected):
    assert expected in stances(text)


# ------------------------------------------------------------------ more of the same, later in the session


def test_it_as_the_passive_subject_of_a_verb_of_stance_is_the_issue_before():
    text = "Chile proposed a language law in 2019. On Tuesday, mayor Hugo Saa said it should be scrapped."
    assert ("Hugo Saa", "language_law", "oppose") in stances(text)
    # as an active subject "it" is often the speaker itself
    assert not of("Peru", "Chile approved the copper mine on Monday. Peru said it would protect its fishermen.")


def test_a_sentence_naming_the_issue_only_by_its_head_noun_passes_it_on():
    text = ("Unions split over the water tax on Monday. The Farmers Guild said the tax was needed. "
            "The Dockers Federation called a strike against it.")
    assert ("Dockers Federation", "water_tax", "oppose") in stances(text)


def test_naming_it_something_says_the_side():
    text = "Chile proposed a language law on Monday. Deputy Mario Rey called it a betrayal of the regions."
    assert ("Mario Rey", "language_law", "oppose") in stances(text)
    # "it" as the subject of what follows is not the object of the verb of stance
    text = "Chile proposed a water tax on Monday. Minister Ada Ruiz wants it cut by half."
    assert ("Ada Ruiz", "water_tax", "support") not in stances(text)


def test_a_noun_that_can_mean_many_things_stands_for_the_issue_only_a_few_sentences_on():
    near = "Chile debated the language law on Monday. Speaker Jose Ortiz opened with a prayer. Deputy Ana Paz said she would vote for the law."
    assert ("Ana Paz", "language_law", "support") in stances(near)
    far = ("Chile debated the language law on Monday. It rained. Fishermen met. Talks went on. Ports closed. "
           "Deputy Ana Paz said she would vote for the law.")
    assert not of("Ana Paz", far)


def test_the_agent_of_a_passive_acts_on_the_issue():
    assert ("Ghana Teachers Union", "water_tax", "oppose") in stances("The water tax has been challenged in court by the Ghana Teachers Union.")
    assert stances("The water tax was delayed by floods.") == set()


def test_the_subject_of_a_reporting_verb_holds_what_its_side_clause_does():
    text = '"We owe it to the farmers," Minister Rosa Ibarra said on Monday, defending the water tax.'
    assert ("Rosa Ibarra", "water_tax", "support") in stances(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Minister Ana Ruiz said the water tax would stay in place until 2030.", ("Ana Ruiz", "water_tax", "support")),
        ("Minister Ana Ruiz presented the water tax to parliament on Tuesday.", ("Ana Ruiz", "water_tax", "support")),
        ('Farmers are "deeply disappointed" that the cabinet threw out the water tax, union leader Eva Soto said.',
         ("Eva Soto", "water_tax", "support")),
        ("Maria Gomez was dismayed by the decision to approve the toll road.", ("Maria Gomez", "toll_road", "oppose")),
    ],
)
def test_more_cues_of_holding_enacting_and_feeling(text, expected):
    assert expected in stances(text)


def test_presenting_something_else_about_the_issue_takes_no_side():
    assert not of("Ana Ruiz", "Minister Ana Ruiz presented a report on the water tax.")


def test_a_doubt_verb_coordinated_with_a_cue_leaves_the_cue_its_holder():
    # (the dare rule above reads only an infinitive under the doubt verb)
    text = "Senator Ann Roe has questioned the cost studies and criticized the water tax."
    assert ("Ann Roe", "water_tax", "oppose") in stances(text)
    assert not any(s in ("support", "oppose") for a, _, s in stances("Mayor Ann Roe challenged Peru to build the toll road.") if a == "Ann Roe")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Union leader Rosa Vega thanked Minister Omar Haddad for pushing the water tax through cabinet.",
         {("Omar Haddad", "water_tax", "support"), ("Rosa Vega", "water_tax", "support")}),
        ("Mayor Lena Holm credited Minister Omar Haddad with saving the toll road.",
         {("Omar Haddad", "toll_road", "support"), ("Lena Holm", "toll_road", "support")}),
    ],
)
def test_the_one_praised_for_a_deed_holds_the_deeds_side(text, expected):
    assert expected <= stances(text)


def test_praise_for_unnamed_people_stays_the_praisers():
    assert ("Ana Mota", "water_tax", "support") in stances("Minister Ana Mota commended lawmakers for passing the water tax.")


@pytest.mark.parametrize(
    "text, expected, wrong",
    [
        ("Peru said it preferred a modest bus lane to the toll road.", ("Peru", "toll_road", "oppose"), ("Peru", "toll_road", "support")),
        ("Peru called for talks instead of the toll road.", ("Peru", "toll_road", "oppose"), ("Peru", "toll_road", "support")),
        ("Peru wants the toll road instead of a new railway.", ("Peru", "toll_road", "support"), ("Peru", "toll_road", "oppose")),
        ("Minister Ana Mota said the water tax was far preferable to new debt.", ("Ana Mota", "water_tax", "support"), None),
    ],
)
def test_what_is_put_aside_for_something_else_is_opposed(text, expected, wrong):
    found = stances(text)
    assert expected in found
    assert wrong not in found


# ------------------------------------------------------------------ negotiation wordings

NEGOTIATION = codebook_from_dict({"issues": [
    {"id": "truce", "label": "Truce", "terms": ["truce", "ceasefire"]},
    {"id": "talks", "label": "Peace talks", "terms": ["talks", "negotiations"]},
    {"id": "swap", "label": "Prisoner swap", "terms": ["prisoner swap", "prisoner exchange"]},
    {"id": "observers", "label": "Observer mission", "terms": ["observer mission", "observers"]},
    {"id": "pullback", "label": "Pullback of forces", "terms": ["pullback", "withdrawal", "withdraw"]},
]})


def talks(text: str) -> set[tuple[str, str, str]]:
    return stance_triples(text, NEGOTIATION)


def test_neither_nor_subjects_negate_their_verb():
    found = talks("Neither Ecuador nor Colombia has ruled out a return to talks, diplomats said.")
    assert {("Ecuador", "talks", "support"), ("Colombia", "talks", "support")} <= found
    assert not {row for row in found if row[2] == "oppose"}


def test_a_raised_subject_holds_what_it_is_said_to_do_unconfirmed():
    tables_text = "Ecuador is said to favour an observer mission along the river."
    assert ("Ecuador", "observers", "support") in talks(tables_text)
    assert ("Kofi Boateng", "swap", "support") in talks(
        "President Kofi Boateng is believed to have approved the prisoner swap, two security sources told reporters.")


def test_unnamed_sources_hold_nothing_but_frame_whom_they_report():
    found = talks("Colombia is understood to have rejected the observer mission, people briefed on the talks said.")
    assert not {row for row in found if row[0].lower().startswith("people")}
    assert not talks("Critics said the truce was a sham.")
    assert ("Colombia", "truce", "oppose") in talks("Colombian officials said the truce was a sham.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Critics, including Senator Lucia Ortega, said the truce was a sham.", {("Lucia Ortega", "truce", "oppose")}),
        ("Critics, including Ecuador and Senator Lucia Ortega, say the observer mission is a waste of money.",
         {("Ecuador", "observers", "oppose"), ("Lucia Ortega", "observers", "oppose")}),
    ],
)
def test_the_named_members_of_unnamed_speakers_hold_what_they_say(text, expected):
    found = talks(text)
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Withdrawing from the hills is out of the question," Defence Minister Ana Rojas said.', ("Ana Rojas", "pullback", "oppose")),
        ("Rebel leader Omar Said said the prisoner swap remains non-negotiable.", ("Omar Said", "swap", "support")),
        ("Colombia accused Ecuador of dragging its feet on the prisoner swap.", ("Ecuador", "swap", "oppose")),
    ],
)
def test_negotiation_idioms_and_failures(text, expected):
    assert expected in talks(text)


@pytest.mark.parametrize(
    "text, owner",
    [
        ("Ecuador rejected a Brazilian proposal for a 30-day truce.", "Brazil"),
        ("Ecuador turned down a Kenyan offer of observers for the border.", "Kenya"),
        ("Ecuador rejected an offer from Kenya to send observers.", "Kenya"),
    ],
)
def test_the_country_whose_proposal_it_is_supports_its_content(text, owner):
    found = talks(text)
    assert any(a == owner and s == "support" for a, _, s in found), found
    assert any(a == "Ecuador" and s == "oppose" for a, _, s in found), found


def test_a_complaint_about_what_someone_did_to_the_issue_stands_up_for_it():
    assert ("Ana Rojas", "truce", "support") in talks("Senator Ana Rojas complained that the army had dragged its feet on the truce.")
    assert ("Ana Rojas", "truce", "oppose") in talks("Senator Ana Rojas complained that the truce was unfair.")


def test_a_surname_met_before_is_the_person_whatever_the_ner_calls_it():
    text = ("Union leader Olga Petrova accused the minister of ignoring teachers. "
            "Petrova, a vocal opponent of the truce, said her members would strike.")
    assert not {row for row in talks(text) if row[0] == "Petrova"}


def test_a_threat_of_punishment_for_a_deed_is_against_the_deed():
    assert ("Ecuador", "observers", "oppose") in talks("Ecuador threatened Colombia with sanctions for backing the observer mission.")
    found = talks("Ecuador threatened Colombia with consequences for dragging its feet on the prisoner swap.")
    assert ("Ecuador", "swap", "support") in found and ("Ecuador", "swap", "oppose") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ecuador signalled openness to a prisoner swap.", ("Ecuador", "swap", "support")),
        ("Ecuador expressed openness to a prisoner swap.", ("Ecuador", "swap", "support")),
        ("Norway is fully on board with an observer mission.", ("Norway", "observers", "support")),
    ],
)
def test_openness_to_the_issue_is_support_even_with_its_preposition_on_the_verb(text, expected):
    assert expected in talks(text)


def test_their_with_a_plain_noun_subject_is_that_noun_not_an_actor_named_before():
    text = "Ecuador hosted the talks in May. Signs are growing that nations have lost their willingness to back the truce."
    assert not {row for row in talks(text) if row[0] == "Ecuador" and row[1] == "truce"}



# ------------------------------------------------------------------ the second reader's cases


@pytest.mark.parametrize(
    "text",
    [
        "Ruto said the truce had collapsed.",  # an event, nobody's side
        "Kenya said the ceasefire was a red line.",  # "red line" says a demand or a refusal: no side
        "Ecuador said the observer mission would cripple the rebels' supply lines.",  # harm to an enemy
        "Ecuador said it was too early to judge the prisoner swap.",  # "too ... to": no degree
    ],
)
def test_wordings_that_take_no_side_after_review(text):
    assert not {row for row in talks(text) if row[2] in ("support", "oppose")}


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Ecuador scrapped the observer mission last year. The IMF praised it.", "IMF"),  # "it" is the scrapping
        ("Amnesty published a report critical of the observer mission. Ecuador rejected it.", "Ecuador"),  # "it" is the report
    ],
)
def test_it_after_an_act_against_the_issue_or_a_noun_around_it_is_not_the_issue(text, actor):
    assert not of(actor, text) and not {r for r in talks(text) if r[0] == actor}


@pytest.mark.parametrize(
    "second, actor",
    [
        ("Separately, Ruto said he would scrap the tax on mobile money.", "Ruto"),  # a phrase of its own
        ("Museveni said Uganda would keep its tax.", "Uganda"),  # the owner's own
    ],
)
def test_a_head_noun_with_a_phrase_or_an_owner_is_another_thing(second, actor):
    assert not of(actor, "Parliament approved the water tax on Monday. " + second)


def test_the_same_noun_standing_for_something_else_in_between_breaks_the_reference():
    text = ("Congress passed the language law in June. The governor signed a new law on fishing in July. "
            "Deputy Rita Borg vowed to challenge the law in court.")
    assert not of("Rita Borg", text)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Chilean company officials said they opposed the toll road.", "Chile"),
        ("Turkish football officials criticised the toll road.", "Turkey"),
    ],
)
def test_officials_of_something_other_than_the_state_are_not_the_country(text, country):
    assert country not in {row[0] for row in stances(text)}


def test_senior_officials_are_still_the_country():
    assert ("Turkey", "toll_road", "oppose") in stances("Senior Turkish officials criticised the toll road.")


def test_a_spokesman_for_a_person_is_not_the_body_named_before():
    text = "The IMF welcomed the water tax on Monday. A spokesman for Ruto said the tax would be scrapped."
    assert ("IMF", "water_tax", "oppose") not in stances(text)


def test_a_company_name_after_a_title_word_is_no_person():
    assert not {row for row in stances("Cardinal Health Inc criticised the toll road.") if row[0] == "Health Inc"}


def test_a_country_noun_that_says_what_a_proposal_is_about_is_not_its_owner():
    found = talks("Ecuador rejected a Colombia truce proposal drafted in Lima.")
    assert not {row for row in found if row[0] == "Colombia"}


def test_what_sits_under_despite_is_neither_punished_nor_praised():
    found = talks("Ecuador threatened Peru with sanctions for buying arms despite the truce.")
    assert ("Ecuador", "truce", "oppose") not in found
    found = talks("Ana Rojas thanked Omar Said for standing firm despite criticism of the observer mission.")
    assert ("Omar Said", "observers", "oppose") not in found


def test_a_side_clause_that_takes_no_side_gives_the_speaker_none():
    text = '"This is a difficult moment," Ana Rojas said, referring to Peru\'s rejection of the truce.'
    assert not of("Ana Rojas", text) and ("Ana Rojas", "truce", "oppose") not in talks(text)


# ------------------------------------------------------------------ counted parties ("both sides")


def test_both_sides_are_the_parties_named_just_before():
    text = "Kenya and Uganda met in Arusha on Monday. Both sides agreed to scrap the water tax."
    assert {("Kenya", "water_tax", "oppose"), ("Uganda", "water_tax", "oppose")} <= stances(text)
    # a leader stands for the country; the host of the talks is no party
    text = ("Envoys of Peru and Chile met in Quito. Ecuadorian President Daniel Noboa joined them on Friday. "
            "The three countries backed the toll road.")
    found = {a for a, i, s in stances(text) if i == "toll_road" and s == "support"}
    assert found == {"Peru", "Chile", "Ecuador"}
    # fewer parties named than counted, or a part of something: nobody
    assert not {a for a, i, _s in stances("Peru held talks in Lima. The three sides backed the toll road.") if i == "toll_road"}
    assert not {a for a, i, _s in stances("Kenya and Uganda met. Farmers on both sides of the border backed the fuel levy.")
                if a in ("Kenya", "Uganda")}


def test_the_two_leaders_are_the_people_named_just_before():
    text = "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Entebbe. The two leaders backed the copper mine."
    found = {a for a, i, s in stances(text) if i == "copper_mine" and s == "support"}
    assert {"William Ruto", "Yoweri Museveni"} <= found


def test_they_after_a_subject_naming_several_actors_is_all_of_them():
    text = "Kenya and Uganda signed the border pact on Monday. They also backed the toll road."
    assert {("Kenya", "toll_road", "support"), ("Uganda", "toll_road", "support")} <= stances(text)
    # a subject naming one actor leaves "they" as it was (no holder found for a body's "they")
    assert not {a for a, i, _s in stances("Kenya attacked the border posts of Uganda. They later backed the toll road.") if i == "toll_road"}


@pytest.mark.parametrize("text", [
    "Kenya and Uganda held talks hosted by Tanzania. Both sides agreed to scrap the water tax.",  # a third party named
    "Kenya and Uganda met in Kampala. The talks were praised by Rwanda. Both sides backed the toll road.",
    "Kenya, Uganda and Rwanda signed the pact. The two countries backed the toll road.",  # more named than counted
    "Kenya and Uganda signed the pact. Two other countries backed the toll road.",  # new parties
    "Kenya and Uganda met in Nairobi on Monday. Two countries opposed the water tax.",  # not a definite count
    "Kenya and Uganda traded accusations. Democrats and Republicans were split. Both sides backed the toll road.",
    "President William Ruto met reporter Tom Otieno in Nairobi. The two leaders backed the toll road.",  # a reporter is no leader
])
def test_counted_parties_that_cannot_be_told_are_nobody(text):
    assert not {a for a, i, _s in stances(text) if i in ("toll_road", "water_tax")}, text


def test_they_reads_its_own_sentences_subject_first_and_keeps_coordinated_actors():
    assert {a for a, i, s in stances("Rwanda and Burundi stayed away from the summit because they oppose the toll road.")
            if i == "toll_road" and s == "oppose"} == {"Rwanda", "Burundi"}
    # a subject naming no actor leaves "they" unresolved; a relative clause's subject is not the main one
    assert not stances("Farmers blocked roads in Nairobi because they oppose the water tax.")
    found = stances("Kenya and Uganda signed the pact after talks that Rwanda and Burundi hosted. They backed the toll road.")
    assert {a for a, i, _s in found if i == "toll_road"} == {"Kenya", "Uganda"}
    assert {a for a, i, _s in stances("Kenya and Uganda met. Both sides and Rwanda backed the toll road.")} == {"Kenya", "Uganda", "Rwanda"}


# ------------------------------------------------------------------ coordinated countries in one phrase


@pytest.mark.parametrize(
    "text, expected",
    [
        # each country coordinated with the modifier of a word for officials is a holder
        ("Chilean and Peruvian negotiators backed the toll road on Friday.", {"Chile", "Peru"}),
        ("US and Mexican officials backed the toll road.", {"United States", "Mexico"}),
        # a country's name the NER tags as a nationality still acts ("Togo")
        ("Ghana and Togo backed the toll road.", {"Ghana", "Togo"}),
    ],
)
def test_every_coordinated_country_of_one_phrase_holds_the_view(text, expected):
    assert {row[0] for row in stances(text) if row[1:] == ("toll_road", "support")} == expected


def test_a_coordinated_word_that_is_no_country_adds_nobody():
    assert {row[0] for row in stances("Chilean and opposition negotiators backed the toll road.")} == {"Chile"}


def test_a_lone_name_after_a_place_preposition_is_no_person():
    # The NER may tag a small town as a person; "he" is then the man introduced, not the town.
    text = ("Tomas Lindqvist, chairman of the hauliers' federation, addressed a rally at the harbour in Vasby on Monday. "
            "The water tax was a mistake, he said.")
    assert ("Tomas Lindqvist", "water_tax", "oppose") in stances(text)
    assert not {row for row in stances(text) if row[0] == "Vasby"}


# ------------------------------------------------------------------ "it" after a sentence with several issues


def test_it_after_several_issues_is_the_one_at_the_top_of_the_sentence_before():
    # the toll road is the main verb's object; the fuel levy sits deep in a clause of purpose
    text = ("Quito drafted a plan for a toll road that would be financed by bonds to spare drivers any fuel levy. "
            "Lima has rejected it out of hand.")
    assert ("Peru", "toll_road", "oppose") in stances(text)
    assert not {row for row in stances(text) if row[0] == "Peru" and row[1] == "fuel_levy"}
    text = ("Quito drafted a plan for a toll road that would be financed by bonds to spare drivers any fuel levy. "
            "Lima rejected the idea.")
    assert ("Peru", "toll_road", "oppose") in stances(text)


def test_it_after_two_issues_equally_high_stays_unread():
    text = "Quito backed the toll road and the fuel levy. Lima has rejected it."
    assert not {row for row in stances(text) if row[0] == "Peru"}


# ------------------------------------------------------------------ who wrote or brought in the issue


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rui Costa, the author of the language law, spoke on Monday.", ("Rui Costa", "language_law", "support")),
        ("Rui Costa, the lead sponsor of the language law, said he expected a vote in May.", ("Rui Costa", "language_law", "support")),
        ("The language law's lead sponsor, Rep. Rui Costa, said he had lined up 40 co-sponsors.", ("Rui Costa", "language_law", "support")),
        ("Rep. Rui Costa, the toll road's architect, spoke on Monday.", ("Rui Costa", "toll_road", "support")),
        ("The fuel levy bill's author, Sen. Rui Costa, spoke on Monday.", ("Rui Costa", "fuel_levy", "support")),
        # a noun of side owned by the issue, with the name beside it
        ("The water tax's fiercest critic, Rep. Ana Lucero, said it would ruin farmers.", ("Ana Lucero", "water_tax", "oppose")),
    ],
)
def test_the_author_or_sponsor_of_an_issue_is_for_it(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rui Costa, the author of a report on the language law, spoke on Monday.",
        "Rui Costa, the sponsor of a hearing on the toll road, spoke on Monday.",
        "Rui Costa met the sponsors of the language law on Monday.",
        "The language law's sponsors met on Monday.",
    ],
)
def test_authorship_of_something_else_or_without_a_name_takes_no_side(text):
    assert not {row for row in stances(text) if row[0] == "Rui Costa"}


# ------------------------------------------------------------------ a position the issue receives


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The toll road faces fierce opposition from Mayor Nora Bixby.", {("Nora Bixby", "toll_road", "oppose")}),
        ("The toll road won the backing of Mayor Nora Bixby on Monday.", {("Nora Bixby", "toll_road", "support")}),
        ("The fuel levy bill drew objections from Peru and Chile.", {("Peru", "fuel_levy", "oppose"), ("Chile", "fuel_levy", "oppose")}),
        ("The language law received a lukewarm endorsement from the Farmers Union of Ghana.",
         {("Farmers Union of Ghana", "language_law", "support")}),
    ],
)
def test_a_position_the_issue_receives_is_its_givers(text, expected):
    assert expected <= stances(text)


@pytest.mark.parametrize(
    "text",
    [
        "The toll road faces no opposition from Chile.",
        "The toll road did not win the backing of Chile.",
        "The toll road faces a lawsuit from Chile.",
    ],
)
def test_no_position_received_gives_no_row(text):
    assert not {row for row in stances(text) if row[0] == "Chile"}


# What an issue draws, receives or comes under from someone named: nouns that take a side only so
# (the lexicon's received_nouns: "drew fire", "won plaudits"), "met with", "came under", a second
# "from", and a role set beside its holder's name.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The water tax drew fire from Senator Ana Lucero on Monday.", {("Ana Lucero", "water_tax", "oppose")}),
        ("The toll road has drawn heavy flak from Chile.", {("Chile", "toll_road", "oppose")}),
        ("The language law won plaudits from the Farmers Union of Ghana.", {("Farmers Union of Ghana", "language_law", "support")}),
        ("The toll road drew applause from Senator Amos Kibet.", {("Amos Kibet", "toll_road", "support")}),
        ("The water tax came under fire from Mayor Nora Bixby.", {("Nora Bixby", "water_tax", "oppose")}),
        ("The toll road is under criticism from Uganda.", {("Uganda", "toll_road", "oppose")}),
        ("The fuel levy has met with fierce resistance from Tanzania.", {("Tanzania", "fuel_levy", "oppose")}),
        ("The fuel levy faced stiff opposition from farmers' unions and from Senator Amos Kibet.", {("Amos Kibet", "fuel_levy", "oppose")}),
        ("The water tax drew criticism from Chile's finance minister, Mario Soto.", {("Mario Soto", "water_tax", "oppose")}),
        # drawn by the act on the issue: the act's side times the noun's
        ("Peru imposed the water tax on Monday, sparking a backlash from Chile.", {("Chile", "water_tax", "oppose")}),
        ("Uganda approved the toll road, drawing applause from Senator Amos Kibet.", {("Amos Kibet", "toll_road", "support")}),
    ],
)
def test_what_the_issue_draws_or_comes_under_is_its_givers_side(text, expected):
    assert expected <= stances(text)


@pytest.mark.parametrize(
    "text, actor",
    [
        # the same nouns where nothing is received: no side
        ("A fire at the toll road depot was put out by Chile.", "Chile"),
        ("Chile's troops came under fire from rebels near the border.", "Chile"),
        ("The speech by Senator Ana Lucero on the water tax drew applause.", "Ana Lucero"),
        ("Peru praised the toll road; the applause from Chile was for the football team.", "Chile"),
        # not received, or not asserted
        ("The water tax did not come under fire from Chile.", "Chile"),
        ("If the water tax comes under fire from Chile, it will be withdrawn.", "Chile"),
        ("The toll road is under construction by a firm from Chile.", "Chile"),
        # (attack is left out: in war reporting a place or a force comes under it)
        ("The toll road came under attack from Chile on Monday.", "Chile"),
    ],
)
def test_received_nouns_elsewhere_take_no_side(text, actor):
    assert not {row for row in stances(text) if row[0] == actor}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun of position with no owner before it: who it comes from or is by
        ("Opposition from Peru to the water tax remains strong.", {("Peru", "water_tax", "oppose")}),
        ("There was strong support from Uganda for the toll road.", {("Uganda", "toll_road", "support")}),
        ("Criticism from Senator Dana Pike of the fuel levy grew louder.", {("Dana Pike", "fuel_levy", "oppose")}),
    ],
)
def test_a_position_noun_is_held_by_whom_it_comes_from(text, expected):
    assert expected <= stances(text)


@pytest.mark.parametrize(
    "text, actor",
    [
        ("There was no support from Uganda for the toll road.", "Uganda"),
        ("There is hardly any support from Uganda for the toll road.", "Uganda"),
        ("Help from Uganda for the toll road arrived on Monday.", "Uganda"),
        ("Opposition to the water tax from Ugandan landowners grew.", "Uganda"),
        # sought, feared, lacked, lost or reported: not said to exist (a second reader's cases)
        ("Chile sought support from Uganda for the toll road.", "Uganda"),
        ("Chile fears opposition from Uganda to the water tax.", "Uganda"),
        ("A lack of support from Uganda for the toll road doomed it.", "Uganda"),
        ("Lacking support from Uganda for the toll road, Chile gave up.", "Uganda"),
        ("Chile lost support from Uganda for the toll road.", "Uganda"),
        ("Reports of opposition from Uganda to the water tax were false, officials said.", "Uganda"),
        # said not to be there, or only if
        ("Support from Uganda for the toll road is a myth, Bolivia said.", "Uganda"),
        ("Support from Uganda for the toll road remains in doubt.", "Uganda"),
        ("If support from Uganda for the toll road materializes, Chile will sign.", "Uganda"),
        # needed, or only what would be (a reviewer's cases)
        ("Support from Uganda for the toll road is needed.", "Uganda"),
        ("Support from Uganda for the toll road would be welcome.", "Uganda"),
    ],
)
def test_a_position_noun_denied_sideless_or_from_people_of_a_nationality_is_no_ones(text, actor):
    assert not {row for row in stances(text) if row[0] == actor}


def test_support_urged_from_someone_stays_the_urgers():
    # (the one who urges support for the ban holds it; whom it is asked of holds nothing yet)
    found = stances("Chile urged support from Uganda for the toll road.")
    assert ("Chile", "toll_road", "support") in found
    assert not {row for row in found if row[0] == "Uganda"}


# ------------------------------------------------------------------ writing it; coordinated participles


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The fuel levy bill, drafted by Sen. Ana Lucero and backed by the Farmers Union of Ghana, would charge drivers a fee.",
         {("Ana Lucero", "fuel_levy", "support"), ("Farmers Union of Ghana", "fuel_levy", "support")}),
        ("The toll road, approved by Peru and opposed by Chile, opens in May.", {("Peru", "toll_road", "support"), ("Chile", "toll_road", "oppose")}),
        ("The water tax, written by Sen. Ana Lucero, would charge households a fee.", {("Ana Lucero", "water_tax", "support")}),
        ("Sen. Ana Lucero drafted the water tax bill.", {("Ana Lucero", "water_tax", "support")}),
    ],
)
def test_the_writer_of_an_issue_and_every_coordinated_agent_hold_it(text, expected):
    assert expected <= stances(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Ana Lucero wrote a letter about the water tax.",
        "Sen. Ana Lucero wrote on Monday that the water tax would come up for a vote in May.",
        "Sen. Ana Lucero drafted a report on the toll road.",
    ],
)
def test_writing_about_an_issue_takes_no_side(text):
    assert not stances(text)


# ------------------------------------------------------------------ a position set beside the act


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministry approved the toll road on Tuesday, over objections from Rep. Nora Bixby.", ("Nora Bixby", "toll_road", "oppose")),
        ("Despite opposition from Chile, the council approved the toll road.", ("Chile", "toll_road", "oppose")),
        # against the act that undoes the issue is for the issue
        ("The council scrapped the toll road despite objections from Chile.", ("Chile", "toll_road", "support")),
        ("The council passed the water tax with the support of Peru.", ("Peru", "water_tax", "support")),
        ("The council approved the toll road despite objections from the government of Uganda.", ("Uganda", "toll_road", "oppose")),
    ],
)
def test_a_position_beside_an_act_on_the_issue_is_its_owners(text, expected):
    assert expected in stances(text)


def test_people_described_by_a_nationality_are_not_their_country_beside_an_act():
    text = "Kenyan officials said on Monday that Nairobi supports the toll road to Uganda, despite objections from Ugandan landowners."
    assert not {row for row in stances(text) if row[0] == "Uganda"}


def test_a_discussion_despite_objections_takes_no_side():
    assert not stances("The council discussed the toll road despite objections from Chile.")


# ------------------------------------------------------------------ governments named by their country


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The government of Uganda rejected the toll road.", ("Uganda", "toll_road", "oppose")),
        # (the NER may tag the demonym as a person)
        ("The Ugandan government rejected the toll road.", ("Uganda", "toll_road", "oppose")),
    ],
)
def test_the_government_of_a_country_is_the_country(text, expected):
    assert expected in stances(text)


def test_the_government_of_a_person_is_no_country():
    assert not stances("The government of Prime Minister Ana Lucero rejected the toll road.")


# ------------------------------------------------------------------ "a move X condemned": a noun renaming the act


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru imposed the water tax on Monday, a move Chile condemned and Bolivia applauded.",
         {("Chile", "water_tax", "oppose"), ("Bolivia", "water_tax", "support")}),
        ("Peru imposed the fuel levy on Monday, a step welcomed by Chile.", {("Chile", "fuel_levy", "support")}),
        # welcoming the undoing of the issue is against it
        ("Peru scrapped the water tax on Monday, a decision Chile welcomed.", {("Chile", "water_tax", "oppose")}),
        ("Peru approved the toll road, a decision Chile called reckless.", {("Chile", "toll_road", "oppose")}),
        ("Peru approved the toll road, a move Chile had long demanded.", {("Chile", "toll_road", "support")}),
    ],
)
def test_who_judges_a_noun_renaming_the_act_judges_the_act(text, expected):
    assert expected <= stances(text)


@pytest.mark.parametrize(
    "text",
    [
        "Peru approved the toll road, a decision that Chile said it would study.",
        "Peru approved the toll road, a move that surprised Chile.",
    ],
)
def test_a_renamed_act_studied_or_surprising_takes_no_side(text):
    assert not {row for row in stances(text) if row[0] == "Chile"}


# ------------------------------------------------------------------ coordinated passives; light verbs of proposing


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A Chilean proposal for a water tax was accepted by Peru on Friday but rebuffed by Bolivia.",
         {("Peru", "water_tax", "support"), ("Bolivia", "water_tax", "oppose")}),
        ("The plan for a toll road was drafted by Peru and rejected by Chile.", {("Peru", "toll_road", "support"), ("Chile", "toll_road", "oppose")}),
        ("Bolivia spurned the fuel levy.", {("Bolivia", "fuel_levy", "oppose")}),
        ("Bolivia made a proposal for a water tax.", {("Bolivia", "water_tax", "support")}),
        ("A proposal for a water tax was made by Bolivia.", {("Bolivia", "water_tax", "support")}),
    ],
)
def test_coordinated_passives_and_made_proposals_have_their_holders(text, expected):
    assert expected <= stances(text)


@pytest.mark.parametrize("text", ["Bolivia made no proposal for a water tax.", "Bolivia did not make a proposal for a water tax."])
def test_no_proposal_made_takes_no_side(text):
    assert not stances(text)


# ------------------------------------------------------------------ a leader of the subject's members; a noun describing the issue


def test_the_leader_of_what_the_subject_is_made_of_shares_its_act():
    text = "A coalition of 19 states led by Attorney General Rosa Ybarra filed a brief defending the language law."
    assert ("Rosa Ybarra", "language_law", "support") in stances(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The council debated the water tax, a measure Chile has long opposed.", ("Chile", "water_tax", "oppose")),
        ("The council debated the fuel levy, a policy that Peru supports.", ("Peru", "fuel_levy", "support")),
    ],
)
def test_a_noun_describing_the_issue_passes_on_what_its_clause_says(text, expected):
    assert expected in stances(text)


def test_a_describing_noun_with_a_clause_of_fact_takes_no_side():
    assert not stances("The council debated the water tax, a measure that would raise two billion pesos.")


# ------------------------------------------------------------------ declining to say whether: neutral


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rui Costa has declined to say whether he will back the water tax.", ("Rui Costa", "water_tax", "neutral")),
        ("Rui Costa would not say whether he supports the toll road.", ("Rui Costa", "toll_road", "neutral")),
        ("Rui Costa refused to say whether he would vote for the fuel levy.", ("Rui Costa", "fuel_levy", "neutral")),
        ("Chile declined to say whether it would sign the water tax bill.", ("Chile", "water_tax", "neutral")),
    ],
)
def test_declining_to_say_whether_one_backs_it_is_neutral(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rui Costa declined to say when the water tax would take effect.",
        "Rui Costa declined to say whether Chile would back the water tax.",
        "Rui Costa declined to say whether he had spoken about the water tax.",
        "Rui Costa said whether he would back the water tax was not important.",
    ],
)
def test_other_withheld_answers_take_no_position(text):
    assert not {row for row in stances(text) if row[0] == "Rui Costa"}


# ------------------------------------------------------------------ taking no side yet: neutral idioms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pia Berg said the ministry would wait for the audit before taking a position on the toll road.", ("Pia Berg", "toll_road", "neutral")),
        ("Jordan said it would remain neutral on the water tax.", ("Jordan", "water_tax", "neutral")),
        ("Rui Costa has not yet formed a view on the fuel levy.", ("Rui Costa", "fuel_levy", "neutral")),
        ("Rui Costa has yet to make up his mind on the water tax.", ("Rui Costa", "water_tax", "neutral")),
        ("Rui Costa declined to take sides on the toll road.", ("Rui Costa", "toll_road", "neutral")),
    ],
)
def test_taking_no_side_yet_is_neutral(text, expected):
    assert expected in stances(text)


def test_taking_a_stand_against_keeps_its_side():
    assert ("Rui Costa", "toll_road", "oppose") in stances("Rui Costa took a stand against the toll road.")


# ------------------------------------------------------------------ the lemmatizer's slips on inflected cues


def test_verb_stems_recover_the_lemma_of_an_inflected_form():
    from core.extraction.stance import _verb_stems

    assert "gut" in _verb_stems("gutting")
    assert "scrap" in _verb_stems("scrapped")
    assert "veto" in _verb_stems("vetoed")
    assert "try" in _verb_stems("tried")
    assert _verb_stems("say") == []


def test_an_accusation_of_gutting_the_issue_reads_the_cue():
    # spaCy lemmatizes "gutting" as "gutte"
    found = stances("MP Isaac Ofori accused Yaw Mensah of gutting the water tax.")
    assert {("Isaac Ofori", "water_tax", "support"), ("Yaw Mensah", "water_tax", "oppose")} <= found


# ------------------------------------------------------------------ a fronted participle; the issue said to stay


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Backed by the Farmers Union of Ghana, the water tax passed the lower house on Thursday.", ("Farmers Union of Ghana", "water_tax", "support")),
        ("Opposed by Chile, the toll road was shelved.", ("Chile", "toll_road", "oppose")),
    ],
)
def test_the_agent_of_a_fronted_participle_describing_the_issue_holds_it(text, expected):
    assert expected in stances(text)


def test_a_fronted_participle_of_something_else_takes_no_side():
    assert not {row for row in stances("Asked by Chile, the council approved the toll road.") if row[0] == "Chile"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Laura Benedetti said the water tax would stay despite pressure from industry.", {("Laura Benedetti", "water_tax", "support")}),
        ("Laura Benedetti said the fuel levy would remain.", {("Laura Benedetti", "fuel_levy", "support")}),
        # a complement describes it: no side
        ("Laura Benedetti said the water tax would remain unchanged.", set()),
        ("Laura Benedetti said the fuel levy would remain at 5 percent.", set()),
    ],
)
def test_an_issue_said_to_stay_is_wanted(text, expected):
    assert {row for row in stances(text) if row[0] == "Laura Benedetti"} == expected


# ------------------------------------------------------------------ an act drawing a position from someone


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru imposed the water tax this week, drawing a sharp rebuke from Sen. John Barr.", ("John Barr", "water_tax", "oppose")),
        ("Peru imposed the fuel levy, prompting criticism from Chile.", ("Chile", "fuel_levy", "oppose")),
        ("Peru scrapped the water tax, drawing praise from Chile.", ("Chile", "water_tax", "oppose")),
    ],
)
def test_a_position_an_act_draws_is_its_givers(text, expected):
    assert expected in stances(text)


def test_drawing_something_that_is_no_position_takes_no_side():
    assert {row[0] for row in stances("Peru imposed the water tax, drawing crowds from Chile to the capital.")} == {"Peru"}


# ------------------------------------------------------------------ "has to go"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We cannot keep pouring money into it. The water tax has to go," Karin Aalto told parliament.', ("Karin Aalto", "water_tax", "oppose")),
        ("Karin Aalto said the fuel levy must go.", ("Karin Aalto", "fuel_levy", "oppose")),
        ("Karin Aalto said the water tax needs to go.", ("Karin Aalto", "water_tax", "oppose")),
    ],
)
def test_an_issue_that_has_to_go_is_opposed(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text",
    ["Karin Aalto said the water tax would go up.", "Karin Aalto said the water tax has to go to parliament first."],
)
def test_going_somewhere_takes_no_side(text):
    assert not stances(text)


# ------------------------------------------------------------------ the readers' and the reviewer's cases: exact rows


def rows_of(actor: str, text: str) -> set[tuple[str, str, str]]:
    return {row for row in stances(text) if row[0] == actor}


@pytest.mark.parametrize(
    "text, actor, expected",
    [
        # a concession: the owner was on the other side of the act, whatever the noun
        ("The Senate rejected the water tax despite strong support from Kenya.", "Kenya", {("Kenya", "water_tax", "support")}),
        ("Peru approved the toll road over objections from Chile.", "Chile", {("Chile", "toll_road", "oppose")}),
        # coordinated positions each keep their own side and owner
        ("The fuel levy attracted criticism from Iceland and praise from Norway.", "Norway", {("Norway", "fuel_levy", "support")}),
        ("Kenya approved the toll road, drawing a rebuke from Egypt and praise from Sudan.", "Sudan", {("Sudan", "toll_road", "support")}),
        ("The toll road faces opposition from Chile, not from Peru.", "Peru", set()),
        # no position, or not one a named actor took
        ("Peru imposed the water tax, drawing no rebuke from Chile.", "Chile", set()),
        ("The water tax faces little opposition from Chile.", "Chile", set()),
        ("The water tax faces opposition from Ugandan landowners.", "Uganda", set()),
        ("Peru did not approve the water tax despite support from Chile.", "Chile", set()),
        ("Peru withdrew the water tax amid fierce opposition from Chile.", "Chile", set()),
        # a clause not asserted
        ("If the water tax faces opposition from Chile, it will fail.", "Chile", set()),
        ("Peru denied that the water tax faces opposition from Chile.", "Chile", set()),
        # a renamed act: only a side said outright
        ("Peru imposed the water tax, a move Chile said it would study.", "Chile", set()),
        ("Peru imposed the water tax, a move Chile did not condemn.", "Chile", set()),
        ("Peru scrapped the water tax, a measure Chile condemned.", "Chile", {("Chile", "water_tax", "oppose")}),
        # former sides, and authorship of something else
        ("The water tax's former critic, Rui Costa, spoke on Monday.", "Rui Costa", set()),
        ("Rui Costa, the former author of the language law, spoke.", "Rui Costa", set()),
        ("The water tax, written about by Senator Rui Costa in his memoir, remains contested.", "Rui Costa", set()),
        # idioms of taking a side, taken or asked for
        ("Rui Costa has made up his mind on the water tax.", "Rui Costa", set()),
        ("Chile will not remain neutral on the water tax.", "Chile", set()),
        ("Peru urged Chile to take a position on the water tax.", "Peru", set()),
        # declining to say, about someone of another kind
        ("Chile declined to say whether he would back the water tax.", "Chile", set()),
        ("Senator Ana Cole declined to say whether she had met lobbyists opposed to the water tax.", "Ana Cole", set()),
        # staying and going said of something else than the issue
        ("Rui Costa said the water tax revenue would stay in the region.", "Rui Costa", set()),
        ("The toll road will stay on hold, Mayor Rui Costa said.", "Rui Costa", set()),
        ("Rui Costa said the water tax exemption must go.", "Rui Costa", set()),
    ],
)
def test_round_eight_constructions_give_exactly_these_rows(text, actor, expected):
    assert rows_of(actor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru approved the water tax over Chile's objections.", ("Chile", "water_tax", "oppose")),
        ("The water tax won Bolivia's backing on Friday.", ("Bolivia", "water_tax", "support")),
        ("The toll road has got to go, Mayor Rui Costa said.", ("Rui Costa", "toll_road", "oppose")),
        ("Minister Luis Vega said the water tax was here to stay.", ("Luis Vega", "water_tax", "support")),
        ("The governments of Peru and Chile both oppose the water tax.", ("Peru", "water_tax", "oppose")),
    ],
)
def test_owners_before_the_position_noun_and_other_wordings(text, expected):
    assert expected in stances(text)


def test_a_noun_may_not_both_rename_the_act_and_describe_the_issue(tmp_path):
    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    data["act_renaming_nouns"] = [*data["act_renaming_nouns"], "measure"]  # also a describing noun
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="measure"):
        load_knowledge(DEFAULT_ACTORS, lexicon)


# ------------------------------------------------------------------ the ninth round
@pytest.mark.parametrize(
    "text, actor, expected",
    [
        # an issue that will go on, said bare: for it; with a complement or a date: no side
        ("Minister Rui Costa said the water tax would continue.", "Rui Costa", {("Rui Costa", "water_tax", "support")}),
        ("Minister Rui Costa said the fuel levy would continue and grow.", "Rui Costa", {("Rui Costa", "fuel_levy", "support")}),
        ("Minister Rui Costa said the water tax must not continue.", "Rui Costa", {("Rui Costa", "water_tax", "oppose")}),
        ("Minister Rui Costa said the water tax would continue to rise.", "Rui Costa", set()),
        ("The fuel levy continued on Monday, Minister Rui Costa said.", "Rui Costa", set()),
        # a vote's answer: "no" after "vote" is the answer, not a negation
        ("Senator Ana Cole voted no on the water tax.", "Ana Cole", {("Ana Cole", "water_tax", "oppose")}),
        ("On the fuel levy, Senator Ana Cole voted yes.", "Ana Cole", {("Ana Cole", "fuel_levy", "support")}),
        ("Senator Ana Cole said she would vote no on the toll road.", "Ana Cole", {("Ana Cole", "toll_road", "oppose")}),
        ("Senator Ana Cole did not vote yes on the water tax.", "Ana Cole", {("Ana Cole", "water_tax", "oppose")}),
        ("Senator Ana Cole will vote on the water tax.", "Ana Cole", set()),
        ("Senator Ana Cole has no vote on the water tax.", "Ana Cole", set()),
        # members and companions named beside a subject share its act
        ("Several countries, including Chile and Peru, rejected the water tax.", "Peru", {("Peru", "water_tax", "oppose")}),
        ("Senator Tom Reyes, along with Senator Ana Cole, voted against the fuel levy.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("Senator Tom Reyes, together with Senator Ana Cole, voted against the fuel levy.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("Countries such as Chile and Peru rejected the toll road.", "Chile", {("Chile", "toll_road", "oppose")}),
        ("Chile, alongside Peru, rejected the toll road.", "Peru", {("Peru", "toll_road", "oppose")}),
        # not a member: what the act covers, or a companion after the act
        ("Chile rejected the water tax, including its exemptions for Peru.", "Peru", set()),
        ("Chile rejected the toll road during talks alongside Peru.", "Peru", set()),
        # the named members of a subject that is a side on the issue hold that side
        ("Critics of the water tax, including Senator Ana Cole, say it hurts farmers.", "Ana Cole", {("Ana Cole", "water_tax", "oppose")}),
        ("Opponents of the fuel levy, including Senator Tom Reyes, voted against the budget.", "Tom Reyes", {("Tom Reyes", "fuel_levy", "oppose")}),
        ("Former critics of the water tax, including Senator Ana Cole, met on Monday.", "Ana Cole", set()),
        ("Rui Costa lashed out at critics of the water tax, including Senator Tom Reyes.", "Rui Costa", {("Rui Costa", "water_tax", "support")}),
        # the state the issue leaves things in, judged by its adjective
        ("The water tax would make the country safer, Senator Ana Cole said.", "Ana Cole", {("Ana Cole", "water_tax", "support")}),
        ("Senator Ana Cole said the fuel levy would make things worse.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("The fuel levy would leave families worse off, Senator Ana Cole said.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("The fuel levy would not make anyone safer, Senator Ana Cole said.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("The toll road would make the town less safe, Senator Ana Cole said.", "Ana Cole", {("Ana Cole", "toll_road", "oppose")}),
        # no judging adjective, or one said for someone else's good, or the issue not the cause
        ("The water tax would make farmers angry, Senator Ana Cole said.", "Ana Cole", set()),
        ("The fuel levy would make it easier for smugglers to sell fuel, Senator Ana Cole said.", "Ana Cole", set()),
        ("Chile would make the water tax fairer, Senator Ana Cole said.", "Ana Cole", set()),
        ("New barriers would make the toll road safer, Minister Ana Cole said.", "Ana Cole", set()),
        ("Senator Ana Cole said the fuel levy would make fishermen poorer.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        # adjectives of attitude with their preposition, verbs of undoing, what someone puts first
        ("Senator Ana Cole has been supportive of the water tax.", "Ana Cole", {("Ana Cole", "water_tax", "support")}),
        ("Senator Ana Cole is critical of the fuel levy.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("Senator Ana Cole said the water tax was critical to the region.", "Ana Cole", set()),
        ("Senator Ana Cole would roll back the water tax.", "Ana Cole", {("Ana Cole", "water_tax", "oppose")}),
        ("Senator Ana Cole wants to rip up the toll road contract.", "Ana Cole", {("Ana Cole", "toll_road", "oppose")}),
        ("Senator Ana Cole ripped the fuel levy in a speech.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("Senator Ana Cole has made the toll road a top priority.", "Ana Cole", {("Ana Cole", "toll_road", "support")}),
        ("Senator Ana Cole said the water tax was not a top priority.", "Ana Cole", set()),
        ("Senator Ana Cole has made a water tax the centerpiece of her campaign.", "Ana Cole", {("Ana Cole", "water_tax", "support")}),
        ("Senator Ana Cole made the flood the centerpiece of her speeches on the water tax.", "Ana Cole", set()),
        # appetite, coming round, cooling, doubling down, walking back, cold water
        ("Chile has no appetite for the water tax.", "Chile", {("Chile", "water_tax", "oppose")}),
        ("Chile has shown little appetite for the water tax.", "Chile", set()),
        ("Peru has shown scant support for the toll road.", "Peru", set()),
        ("Chile has warmed to the idea of a water tax.", "Chile", {("Chile", "water_tax", "support")}),
        ("Chile has cooled on the fuel levy.", "Chile", {("Chile", "fuel_levy", "oppose")}),
        ("Peru has doubled down on the toll road.", "Peru", {("Peru", "toll_road", "support")}),
        ("Peru has walked back its support for the toll road.", "Peru", {("Peru", "toll_road", "oppose")}),
        ("Peru poured cold water on the fuel levy.", "Peru", {("Peru", "fuel_levy", "oppose")}),
        # a verb of speech whose object is the side, with no statement: its subject holds it
        ("Chile signalled support for the water tax.", "Chile", {("Chile", "water_tax", "support")}),
        ("Peru indicated opposition to the toll road.", "Peru", {("Peru", "toll_road", "oppose")}),
        ("Chile has signalled willingness to accept the fuel levy.", "Chile", {("Chile", "fuel_levy", "support")}),
        ("Chile reported progress on the water tax.", "Chile", set()),
        ("Chile signalled support for farmers hit by the water tax.", "Chile", set()),
        ("Chile signalled support for Peru over the toll road.", "Chile", set()),
        ("Chile wrote a letter about the water tax.", "Chile", set()),
        # what is asked in return is wanted, whatever the price
        ("Senator Ana Cole said she would consider resigning in exchange for a water tax.", "Ana Cole", {("Ana Cole", "water_tax", "support")}),
        ("Chile offered to withdraw its troops in return for a fuel levy.", "Chile", {("Chile", "fuel_levy", "support")}),
        ("Chile would accept the toll road in exchange for scrapping the water tax.", "Chile",
         {("Chile", "toll_road", "support"), ("Chile", "water_tax", "oppose")}),
        # bringing it about
        ("Chile is trying to broker a water tax.", "Chile", {("Chile", "water_tax", "support")}),
        ("Chile hammered out a toll road deal with Peru.", "Chile", {("Chile", "toll_road", "support")}),
        ("Chile rammed through the fuel levy.", "Chile", {("Chile", "fuel_levy", "support")}),
        ("Senator Ana Cole was a central broker of the water tax.", "Ana Cole", {("Ana Cole", "water_tax", "support")}),
        ("Chile met the broker of a report on the water tax.", "Chile", set()),
        ("Chile met brokers of the toll road.", "Chile", set()),
        ("Chile put forward a water tax.", "Chile", {("Chile", "water_tax", "support")}),
        ("Peru pitched a toll road.", "Peru", {("Peru", "toll_road", "support")}),
        ("Chile expressed reservations about the water tax.", "Chile", {("Chile", "water_tax", "oppose")}),
        ("Peru has misgivings about the toll road.", "Peru", {("Peru", "toll_road", "oppose")}),
        ("Chile pitched the idea at a summit on the water tax.", "Chile", set()),
        # an attempt that failed keeps the attempt's side; the issue failing is judged
        ("Chile failed to block the water tax.", "Chile", {("Chile", "water_tax", "oppose")}),
        ("Chile failed to secure the toll road.", "Chile", {("Chile", "toll_road", "support")}),
        ("Peru failed to back the water tax.", "Peru", {("Peru", "water_tax", "oppose")}),  # did not back it
        ("Chile said the fuel levy had failed.", "Chile", {("Chile", "fuel_levy", "oppose")}),
        # a name the parser hangs on the last noun of the named object
        ("Senator Ana Cole called the idea of a water tax a mistake.", "Ana Cole", {("Ana Cole", "water_tax", "oppose")}),
        ("Senator Ana Cole has called the notion of a fuel levy a hoax.", "Ana Cole", {("Ana Cole", "fuel_levy", "oppose")}),
        ("Senator Ana Cole called the idea of a toll road a good idea.", "Ana Cole", {("Ana Cole", "toll_road", "support")}),
        # actors hyphened before the issue or its noun
        ("A joint Chilean-Peruvian proposal for a water tax was presented on Monday.", "Chile", {("Chile", "water_tax", "support")}),
        ("A joint Chilean-Peruvian proposal for a water tax was presented on Monday.", "Peru", {("Peru", "water_tax", "support")}),
        ("The Qatar-brokered fuel levy took effect on Monday.", "Qatar", {("Qatar", "fuel_levy", "support")}),
        ("Chile rejected the Kenyan-backed water tax.", "Kenya", {("Kenya", "water_tax", "support")}),
        ("The Chilean-owned toll road opened.", "Chile", set()),
        ("Ecuador criticised the Chilean-built toll road.", "Chile", set()),
        # a noun of will with its infinitive is its country's or body's
        ("The talks come despite US attempts to forge a water tax.", "United States", {("United States", "water_tax", "support")}),
        ("A Chilean bid to scrap the fuel levy failed.", "Chile", {("Chile", "fuel_levy", "oppose")}),
        ("Chilean farmers to block the water tax, a banner read.", "Chile", set()),
        # an inversion noun before the issue with a verb of its own between turns nothing
        ("Senator Tom Reyes has said that he would consider a ban and that he favored a water tax.", "Tom Reyes",
         {("Tom Reyes", "water_tax", "support")}),
        ("Senator Tom Reyes called for a ban on the water tax.", "Tom Reyes", {("Tom Reyes", "water_tax", "oppose")}),
        # going on with it, standing by it, backing off; done without it: no side unless a condition
        ("Chile will move forward with the water tax.", "Chile", {("Chile", "water_tax", "support")}),
        ("Chile will stick with the toll road.", "Chile", {("Chile", "toll_road", "support")}),
        ("Chile stands by the fuel levy.", "Chile", {("Chile", "fuel_levy", "support")}),
        ("Chile backed off the water tax.", "Chile", {("Chile", "water_tax", "oppose")}),
        ("Chile will proceed without the water tax.", "Chile", set()),
        ("Chile backed the budget without the toll road.", "Chile", set()),
        ("Chile will not go ahead without a fuel levy.", "Chile", {("Chile", "fuel_levy", "support")}),
    ],
)
def test_round_nine_constructions_give_exactly_these_rows(text, actor, expected):
    assert rows_of(actor, text) == expected


@pytest.mark.parametrize(
    "second, expected",
    [
        ("Peru rejected both measures.", {("Peru", "language_law", "oppose"), ("Peru", "water_tax", "oppose")}),
        ("Peru rejected both.", {("Peru", "language_law", "oppose"), ("Peru", "water_tax", "oppose")}),
        ("Peru has rejected the two measures.", {("Peru", "language_law", "oppose"), ("Peru", "water_tax", "oppose")}),
        ("Peru and Bolivia have agreed to these measures in principle.", {("Peru", "language_law", "support"), ("Peru", "water_tax", "support")}),
        ("Peru rejected them.", {("Peru", "language_law", "oppose"), ("Peru", "water_tax", "oppose")}),
        # one of the two, or measures of another kind: no plural anaphor
        ("Peru rejected the measure.", set()),
        ("Peru welcomed the measures taken by Bolivia on fishing.", set()),
    ],
)
def test_a_plural_anaphor_stands_for_every_issue_of_the_sentence_before(second, expected):
    assert of("Peru", f"Chile proposed a language law and a water tax. {second}") == expected


def test_a_plural_anaphor_matched_as_a_general_issue_stands_for_the_specific_ones_before():
    codebook = codebook_from_dict({"issues": [
        {"id": "truce", "label": "Truce", "patterns": [r"\btruces?\b"]},
        {"id": "river_truce", "label": "River truce", "patterns": [r"\btruce on the river\b"]},
        {"id": "border_truce", "label": "Border truce", "patterns": [r"\bhalt\w* to shelling along the border\b"]},
    ]})
    text = ("Brazil is trying to broker a truce on the river and a halt to shelling along the border. "
            "Peru and Bolivia have agreed to these truces in principle.")
    found = {row for row in stance_triples(text, codebook) if row[0] == "Bolivia"}
    assert found == {("Bolivia", "river_truce", "support"), ("Bolivia", "border_truce", "support")}


def test_them_after_several_actors_is_the_actors_not_the_issues():
    text = "Chile and Peru proposed a language law and a water tax. Bolivia criticised them for meddling."
    assert of("Bolivia", text) == set()


# ------------------------------------------------------------------ the tenth round


@pytest.mark.parametrize(
    "text, expected",
    [
        # what someone else is wanted, hoped or demanded to do is the wanter's view only
        ("Chile wants Peru to accept the water tax.", {("Chile", "water_tax", "support")}),
        ("Chile demanded that Peru scrap the water tax.", {("Chile", "water_tax", "oppose")}),
        ("Chile hopes Peru will accept the water tax.", {("Chile", "water_tax", "support")}),
        ("Chile insisted that Peru must scrap the water tax.", {("Chile", "water_tax", "oppose")}),
        ("Chile wants Peru and Bolivia to reject the toll road.", {("Chile", "toll_road", "oppose")}),
        # only the wanted clause's subject loses its row: a stance it already has, or another
        # actor's in a relative clause, stays
        ("Chile hopes that Peru's support for the toll road will last.", {("Chile", "toll_road", "support"), ("Peru", "toll_road", "support")}),
        ("Chile wants Peru to accept the water tax, which Bolivia has rejected.", {("Chile", "water_tax", "support"), ("Bolivia", "water_tax", "oppose")}),
        # the subject's own wish, a claim of what the other did, and one that is reported, stay
        ("Chile wants to accept the water tax.", {("Chile", "water_tax", "support")}),
        ("Chile insisted that Peru had never backed the water tax.", {("Peru", "water_tax", "oppose")}),
        ("Chile said Peru wants the water tax.", {("Peru", "water_tax", "support")}),
    ],
)
def test_what_another_is_wanted_to_do_is_no_view_of_theirs(text, expected):
    assert stances(text) == expected


def test_a_wanter_keeps_its_view_when_the_parser_hangs_its_clause_on_the_next_wanter():
    # (the parser makes the first clause a complement of the second "wants"; Peru's rows here are
    # a known misreading of that parse, left alone)
    assert ("Chile", "toll_road", "support") in stances("Chile wants the toll road extended; Peru wants the water tax gone.")


@pytest.mark.parametrize(
    "second, expected",
    [
        # "it" after a naming verb that judges: the verb's own side, or what it is named "as"
        ("Senator Rui Costa dismissed it.", {("Rui Costa", "water_tax", "oppose")}),
        ("Within hours, Senator Rui Costa dismissed it as an expensive promise.", {("Rui Costa", "water_tax", "oppose")}),
        ("Senator Rui Costa described it as a disaster.", {("Rui Costa", "water_tax", "oppose")}),
        ("Senator Rui Costa described it as a triumph.", {("Rui Costa", "water_tax", "support")}),
        # a naming verb that judges nothing, named nothing that takes a side
        ("Senator Rui Costa described it as a compromise.", set()),
    ],
)
def test_it_after_a_naming_verb_of_judgment_is_the_issue_before(second, expected):
    assert of("Rui Costa", f"Chile approved a water tax on Saturday. {second}") == expected


@pytest.mark.parametrize(
    "first",
    [
        "A report said the water tax would raise prices.",
        "A storm hit the coast a day after Chile approved the water tax.",
    ],
)
def test_it_after_a_naming_verb_of_judgment_is_not_the_issue_of_a_sentence_about_something_else(first):
    assert of("Rui Costa", f"{first} Senator Rui Costa dismissed it as a disaster.") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Rui Costa made the case for a water tax.", {("Rui Costa", "water_tax", "support")}),
        ("Senator Rui Costa made a strong case for the water tax.", {("Rui Costa", "water_tax", "support")}),
        ("Senator Rui Costa made the case against the water tax.", {("Rui Costa", "water_tax", "oppose")}),
        ("Senator Rui Costa laid out the case for the water tax.", {("Rui Costa", "water_tax", "support")}),
        # the case judged by others, in words no list knows: no side read
        ("Senator Maria Lopez said the case for the water tax is weak.", set()),
        ("Senator Rui Costa questioned the case for the water tax.", set()),
    ],
)
def test_the_case_for_an_issue_is_made_by_its_supporters(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a document's named author speaks for it, also through a participle the parser hung on
        # the verb that passed it
        ("The Senate approved a resolution, sponsored by Senator Rui Costa, declaring that a water tax would be harmful.",
         {("Rui Costa", "water_tax", "oppose")}),
        ("The Senate approved a resolution, declaring that a water tax would be harmful.", {("Senate", "water_tax", "oppose")}),
        # (not who opposed it)
        ("The Senate approved a resolution, opposed by Senator Rui Costa, declaring that a water tax would be harmful.",
         {("Senate", "water_tax", "oppose")}),
    ],
)
def test_a_document_speaks_for_its_named_author(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle describing a name, or what is set beside it, is that name's doing
        ("Senator Rui Costa, still defending the water tax, said Tuesday that the budget was late.", {("Rui Costa", "water_tax", "support")}),
        ("Senator Rui Costa, a senator defending the water tax, spoke on Tuesday.", {("Rui Costa", "water_tax", "support")}),
        ("Senator Rui Costa, one of the few senators still defending the water tax, spoke.", {("Rui Costa", "water_tax", "support")}),
        ("Senator Rui Costa, one of many senators opposing the water tax, spoke.", {("Rui Costa", "water_tax", "oppose")}),
        # people described by a participle of stance hold it, not whoever met them
        ("Peru met Chilean officials defending the toll road.", {("Chile", "toll_road", "support")}),
        ("Peru met protesters opposing the toll road.", set()),
        # unless the verb puts the subject on their side
        ("Peru sided with lawmakers opposing the water tax.", {("Peru", "water_tax", "oppose")}),
        ("Chile is among the countries opposing the water tax.", {("Chile", "water_tax", "oppose")}),
        ("Chile sent diplomats defending the water tax to Brussels.", {("Chile", "water_tax", "support")}),
        # a document so described still speaks for whoever issued it
        ("Peru published a report opposing the toll road.", {("Peru", "toll_road", "oppose")}),
    ],
)
def test_a_participle_of_stance_is_the_view_of_what_it_describes(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause in the perfect with its own subject is what its antecedent did, once
        ("Chile, which has rejected the water tax, left the talks.", {("Chile", "water_tax", "oppose")}),
        ("Chile, which had long rejected the water tax, left the talks.", {("Chile", "water_tax", "oppose")}),
        ("Senator Ana Lucero met Senator Rui Costa, who has called the water tax a disaster.", {("Rui Costa", "water_tax", "oppose")}),
        # a passive one is its agent's view, as before
        ("The water tax, which has been accepted by Peru, stays.", {("Peru", "water_tax", "support")}),
        ("The water tax, which Peru has accepted, stays.", {("Peru", "water_tax", "support")}),
    ],
)
def test_a_perfect_relative_clause_gives_one_side(text, expected):
    assert stances(text) == expected


def test_a_whip_is_a_title_before_a_name():
    assert stances("House Minority Whip Rex Calder rejected the water tax.") == {("Rex Calder", "water_tax", "oppose")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun of undoing or holding back with no side of its own still turns what it is on
        ("Peru lifted restrictions on the toll road.", {("Peru", "toll_road", "support")}),
        ("Peru imposed restrictions on the toll road.", {("Peru", "toll_road", "oppose")}),
        ("Chile backed a reduction in the water tax.", {("Chile", "water_tax", "oppose")}),
        ("Chile opposed any easing of the water tax.", {("Chile", "water_tax", "support")}),
        ("Chile welcomed the suspension of the water tax.", {("Chile", "water_tax", "oppose")}),
        # a penalty on it is against it, lifting the penalty for it
        ("Peru imposed an embargo on the toll road.", {("Peru", "toll_road", "oppose")}),
        ("Peru lifted the embargo on the toll road.", {("Peru", "toll_road", "support")}),
        # (relief for someone is no relief from them)
        ("Chile backed relief for the toll road builders.", {("Chile", "toll_road", "support")}),
    ],
)
def test_a_noun_that_undoes_or_punishes_what_it_is_on_turns_the_side(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a side nobody is named for, described, is no view of whoever describes it
        ("Support for the water tax has grown, Kenya said.", set()),
        ("Kenya said opposition to the toll road was growing.", set()),
        ("The fund for the toll road ran dry, Kenya said.", set()),
        # judged, or owned, it is read as before
        ("Kenya said support for the water tax was a mistake.", {("Kenya", "water_tax", "oppose")}),
        ("Our support for the water tax is firm, Kenya said.", {("Kenya", "water_tax", "support")}),
        ("Kenya said its opposition to the water tax had not changed.", {("Kenya", "water_tax", "oppose")}),
    ],
)
def test_a_side_described_as_nobodys_is_no_view_of_the_speaker(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # giving something to it, or money for it, is for it
        ("Kenya pledged $5 million for the toll road.", {("Kenya", "toll_road", "support")}),
        ("Kenya contributed troops to the toll road.", {("Kenya", "toll_road", "support")}),
        ("Kenya will provide funding for the toll road.", {("Kenya", "toll_road", "support")}),
        ("Kenya allocated funds for the toll road.", {("Kenya", "toll_road", "support")}),
        ("Kenya cut funding for the toll road.", {("Kenya", "toll_road", "oppose")}),
    ],
)
def test_giving_to_an_issue_is_for_it(text, expected):
    assert stances(text) == expected


def test_a_noun_of_will_with_a_that_clause_is_its_owners_view_only():
    assert stances("Peru's demand that Chile drop the water tax angered Bolivia.") == {("Peru", "water_tax", "oppose")}
    assert stances("Peru repeated its demand that Chile drop the water tax.") == {("Peru", "water_tax", "oppose")}


def test_a_nouns_content_clause_is_no_modifier_whose_subject_judges_the_noun():
    # (the clause gave Chile both sides: once what Chile did, once a view of "the claim")
    found = stances("Peru accepted the claim that Chile had dropped the water tax.")
    assert ("Chile", "water_tax", "support") not in found and ("Chile", "water_tax", "oppose") in found
    # (a claim rejected says nothing of Chile: what it says is denied)
    assert not {row for row in stances("Peru rejected the claim that Chile had dropped the water tax.") if row[0] == "Chile"}


@pytest.mark.parametrize(
    "second, expected",
    [
        # "it" as the subject of the small clause of a verb of wanting: what is wanted done to it
        ("Peru wants it doubled.", {("Peru", "water_tax", "support")}),
        ("Peru wants it cut by half.", {("Peru", "water_tax", "oppose")}),
        ("Peru wants it scrapped.", {("Peru", "water_tax", "oppose")}),
        # not a report of what happened
        ("Peru said it doubled.", set()),
    ],
)
def test_it_in_the_small_clause_of_a_verb_of_wanting_is_the_issue_before(second, expected):
    assert of("Peru", f"Chile backs the water tax. {second}") == expected


def test_doubling_an_issue_is_for_it():
    assert stances("Peru doubled the water tax.") == {("Peru", "water_tax", "support")}


# ------------------------------------------------------------------ the eleventh round


@pytest.mark.parametrize(
    "text, expected",
    [
        # seeing someone else act under a verb of wanting is wishing it: the wisher's view only
        ("Ghana would like to see Togo drop the fuel levy.", {("Ghana", "fuel_levy", "oppose")}),
        ("Ghana hopes to see Togo sign the language law.", {("Ghana", "language_law", "support")}),
        ("Ghana wants to watch Togo scrap the toll road.", {("Ghana", "toll_road", "oppose")}),
        # seeing it happen is no view of the one who sees: the act is the actor's
        ("Ghana saw Togo drop the fuel levy.", {("Togo", "fuel_levy", "oppose")}),
        ("Ghana watched Togo sign the language law.", {("Togo", "language_law", "support")}),
        ("Ghana noticed that Togo had dropped the fuel levy.", {("Togo", "fuel_levy", "oppose")}),
        ("Ghana has seen Togo drop the fuel levy.", {("Togo", "fuel_levy", "oppose")}),
        # "see X as": a view of one's own
        ("Ghana sees the fuel levy as a mistake.", {("Ghana", "fuel_levy", "oppose")}),
    ],
)
def test_seeing_another_act_is_a_wish_under_wanting_and_an_observation_otherwise(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize("wish", ["would love to see", "is keen to see", "is eager to see", "looks forward to seeing"])
def test_a_seeing_that_is_wished_keeps_the_wishers_view(wish):
    # only a seeing said to have happened is an observation; "to see", "seeing" are as often wished
    assert ("Ghana", "fuel_levy", "oppose") in stances(f"Ghana {wish} Togo drop the fuel levy.")


def test_a_relative_clause_with_its_own_subject_on_the_way_up_is_read_once():
    # (read again as a modifier of "plan", its cue counted twice and gave Togo both sides)
    found = stances("Ghana unveiled a plan under which Togo would scrap the toll road.")
    assert ("Togo", "toll_road", "support") not in found and ("Ghana", "toll_road", "oppose") in found
    found = stances("Ghana backed a deal in which Togo agreed to drop the fuel levy.")
    assert ("Togo", "fuel_levy", "support") not in found and ("Togo", "fuel_levy", "oppose") in found
    # a relative pronoun as the clause's subject is still the noun's own view
    assert stances("Benin, which rejected the toll road, left early.") == {("Benin", "toll_road", "oppose")}


# ------------------------------------------------------------------ places, openings, received and absent positions


@pytest.mark.parametrize("text", [
    "Togo opened fire near the toll road on Monday.",
    "Soldiers from Togo opened fire on protesters outside the copper mine.",
    "Mali opened a new consulate beside the copper mine.",
    "Ghana backed a rally near the copper mine on Sunday.",
    "Mali opened an investigation into the water tax.",
])
def test_an_issue_named_only_as_a_place_or_inside_another_object_takes_no_side(text):
    assert not {row for row in stances(text) if row[2] in ("support", "oppose")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana opened the toll road on Monday.", ("Ghana", "toll_road", "support")),
    ("Ghana opened the door to a fuel levy.", ("Ghana", "fuel_levy", "support")),
    ("Ghana opened the way for a water tax.", ("Ghana", "water_tax", "support")),
    ("Ghana is open to the water tax.", ("Ghana", "water_tax", "support")),
    ("Ghana remains open to the idea of a fuel levy.", ("Ghana", "fuel_levy", "support")),
    ("Mali opened talks on the toll road.", ("Mali", "toll_road", "neutral")),
    ("Togo opposes a second toll road near the border.", ("Togo", "toll_road", "oppose")),
])
def test_opening_is_a_side_on_what_is_opened(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana met with resistance from Togo over the toll road.", ("Togo", "toll_road", "oppose")),
    ("Ghana faced criticism from Togo over the copper mine.", ("Togo", "copper_mine", "oppose")),
    ("Ghana drew criticism from Togo over its water tax.", ("Togo", "water_tax", "oppose")),
    ("Ghana won praise from Togo for the fuel levy.", ("Togo", "fuel_levy", "support")),
    ("Ghana received support from Togo for the toll road.", ("Togo", "toll_road", "support")),
    ("Ghana got the backing of Togo for the copper mine.", ("Togo", "copper_mine", "support")),
    ("Ghana faced opposition from Togo to the water tax.", ("Togo", "water_tax", "oppose")),
])
def test_a_position_the_subject_receives_is_held_by_whom_it_comes_from(text, expected):
    found = stances(text)
    assert expected in found
    assert not of("Ghana", text)


@pytest.mark.parametrize("text", [
    "Ghana faced criticism over the toll road.",
    "Ghana gained support for the copper mine.",
    "Ghana did not face criticism from Togo over the toll road.",
])
def test_a_position_received_from_no_one_named_is_no_ones(text):
    assert not {row for row in stances(text) if row[2] in ("support", "oppose")}


def test_a_position_the_subject_holds_is_not_received():
    assert ("Mali", "toll_road", "oppose") in stances("Mali has strong objections to the toll road.")


@pytest.mark.parametrize("text", [
    "Support from Togo for the toll road is a myth, Ghana said.",
    "Togo's support for the toll road is a myth, Ghana said.",
    "Togo's opposition to the copper mine is exaggerated, officials said.",
])
def test_a_position_said_not_to_exist_is_held_by_no_one(text):
    assert not {row for row in stances(text) if row[2] in ("support", "oppose")}


def test_a_position_said_to_be_strong_is_its_owners():
    assert ("Togo", "toll_road", "support") in stances("Togo's support for the toll road remains strong, Ghana said.")


@pytest.mark.parametrize(("text", "expected", "unexpected"), [
    # what lies between the issue and the received noun says more: read as before
    ("Mali drew praise from Niger for abandoning the toll road.", ("Mali", "toll_road", "oppose"), ("Niger", "toll_road", "support")),
    ("Mali won praise from Niger for scrapping the fuel levy.", ("Mali", "fuel_levy", "oppose"), ("Niger", "fuel_levy", "support")),
    ("Mali received support from Niger in its fight against the fuel levy.", ("Mali", "fuel_levy", "oppose"),
     ("Niger", "fuel_levy", "support")),
    # a holder in a clause on the issue keeps its view
    ("Mali has faced criticism from Niger over the water tax, which Mali strongly supports.", ("Mali", "water_tax", "support"),
     ("Niger", "water_tax", "support")),
])
def test_a_received_position_leaves_what_lies_between_to_the_rest_of_the_walk(text, expected, unexpected):
    found = stances(text)
    assert expected in found
    assert unexpected not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Niger's support for the toll road is not in doubt, Mali said.", ("Niger", "toll_road", "support")),
    ("Niger's opposition to the toll road is unlikely to fade, Mali said.", ("Niger", "toll_road", "oppose")),
    ("Mali said support for the toll road is needed.", ("Mali", "toll_road", "support")),
    ("Mali is opening up to the water tax.", ("Mali", "water_tax", "support")),
    ("Mali opened up to the idea of a water tax.", ("Mali", "water_tax", "support")),
    ("Mali walked out near the end of the vote on the water tax.", ("Mali", "water_tax", "oppose")),
])
def test_positions_said_to_exist_or_wished_for_and_openings_up_keep_their_side(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A yes-or-no question about the answerer's own side, answered: the question's side,
        # turned by a "no"
        ('Asked whether she backed the truce, Senator Lucia Ortega said: "Absolutely."', {("Lucia Ortega", "truce", "support")}),
        ('Asked if he supported the observer mission, Senator Pablo Ruiz replied: "No."', {("Pablo Ruiz", "observers", "oppose")}),
        ("Asked whether she would accept the observer mission, Senator Lucia Ortega said she would not.", {("Lucia Ortega", "observers", "oppose")}),
        ("Asked whether he would sign the truce, Senator Pablo Ruiz said he would.", {("Pablo Ruiz", "truce", "support")}),
        ('Asked whether she would reject the truce, Senator Lucia Ortega said: "Absolutely not."', {("Lucia Ortega", "truce", "support")}),
        ("When asked if he backed the observer mission, Senator Pablo Ruiz said yes.", {("Pablo Ruiz", "observers", "support")}),
        # No answer, someone else's side, or a question of fact: nothing of the answerer's
        ("Asked whether she backed the truce, Senator Lucia Ortega smiled.", set()),
        ("Asked whether the truce would hold, Senator Lucia Ortega said yes.", set()),
        ("Asked whether she thought Pablo Ruiz backed the truce, Senator Lucia Ortega said yes.", set()),
        # (a verb with no subject of its own between: still the answerer's)
        ("Asked whether she would support scrapping the truce, Senator Lucia Ortega said yes.", {("Lucia Ortega", "truce", "oppose")}),
    ],
)
def test_an_answered_yes_or_no_question_is_the_answerers_side(text, expected):
    assert {row for row in talks(text) if row[0] in ("Lucia Ortega", "Pablo Ruiz")} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An issue after a preposition of time only dates the act above it.
        ("Ecuador wants the observer mission withdrawn before any truce.", {("Ecuador", "observers", "oppose")}),
        ("Ecuador signed the prisoner swap after the truce.", {("Ecuador", "swap", "support")}),
        ("Colombia rejected the observer mission ahead of the truce.", {("Colombia", "observers", "oppose")}),
        # Walking out of something is leaving it.
        ("Colombia walked out of the prisoner swap.", {("Colombia", "swap", "oppose")}),
    ],
)
def test_an_issue_that_only_dates_an_act_takes_no_side_from_it(text, expected):
    assert {row for row in talks(text) if row[0] in ("Ecuador", "Colombia")} == expected


@pytest.mark.parametrize("text", [
    "Dairy farmers back the water tax, Senator Ilse Marken said.",
    "Most economists oppose the fuel levy, Governor Tomas Berg said.",
    "Governor Tomas Berg said that few legislators support the toll road.",
    "There is hardly a councillor who backs the copper mine, Mayor Peter Novak said.",
    "Mayor Peter Novak said a majority of voters reject the language law.",
    "Senator Ilse Marken said voters rejected the water tax in a referendum.",
])
def test_a_view_of_people_the_knowledge_does_not_know_is_not_the_reporters(text):
    # CODING.md: "Smith said Jones wants X" is Jones's position, and Smith gets no row for it
    assert stances(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # a demand on them, the reporter's own people, the reporter's own body, or the speaker's own will
    ("Dairy farmers must accept the water tax, Senator Ilse Marken said.", ("Ilse Marken", "water_tax", "support")),
    ("Our farmers back the water tax, Senator Ilse Marken said.", ("Ilse Marken", "water_tax", "support")),
    ("We back the water tax, Senator Ilse Marken said.", ("Ilse Marken", "water_tax", "support")),
    ("Governor Tomas Berg said the ministry would push the toll road through before the summer.", ("Tomas Berg", "toll_road", "support")),
    ("The fuel levy must go, Governor Tomas Berg said.", ("Tomas Berg", "fuel_levy", "oppose")),
])
def test_a_view_the_reporter_shares_or_demands_stays_the_reporters(text, expected):
    assert stances(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Peter Novak hardly supports the copper mine.", ("Peter Novak", "copper_mine", "oppose")),
    ("Peter Novak scarcely backs the fuel levy.", ("Peter Novak", "fuel_levy", "oppose")),
])
def test_hardly_and_scarcely_negate(text, expected):
    assert stances(text) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Peter Novak was back for the vote on the copper mine on Tuesday.", set()),
    ("Mayor Peter Novak pushed back against the copper mine.", {("Peter Novak", "copper_mine", "oppose")}),
    ("Mayor Peter Novak is back in favour of the copper mine.", {("Peter Novak", "copper_mine", "support")}),
])
def test_back_as_an_adverb_of_place_is_no_backing(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Voters' dislike of the fuel levy was overstated, Governor Tomas Berg said.", set()),
    ("Governor Tomas Berg's disdain for the fuel levy is well known.", {("Tomas Berg", "fuel_levy", "oppose")}),
])
def test_a_noun_of_dislike_is_its_owners_position(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Critics, who include Governor Tomas Berg, say the fuel levy will hurt fishermen.", {("Tomas Berg", "fuel_levy", "oppose")}),
    # (the parser hangs the relative clause on the object of "of")
    ("Critics of the fuel levy, who include Governor Tomas Berg and Mayor Peter Novak, say it will hurt fishermen.",
     {("Tomas Berg", "fuel_levy", "oppose"), ("Peter Novak", "fuel_levy", "oppose")}),
    ("Critics, who do not include Governor Tomas Berg, say the fuel levy will hurt fishermen.", set()),
])
def test_members_named_in_a_relative_clause_of_inclusion_hold_what_the_group_says(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Peter Novak went back on his support for the copper mine.", {("Peter Novak", "copper_mine", "oppose")}),
    ("Mayor Peter Novak rowed back on the copper mine.", {("Peter Novak", "copper_mine", "oppose")}),
    ("Mayor Peter Novak went back to the copper mine on Monday.", set()),
])
def test_going_back_on_it_is_against_it(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Tomas Berg said it would be a disaster if the council scrapped the toll road.", {("Tomas Berg", "toll_road", "support")}),
    ("Governor Tomas Berg said it would be a disaster if the council approved the toll road.", {("Tomas Berg", "toll_road", "oppose")}),
    ("Governor Tomas Berg said it would hurt commuters if the council scrapped the toll road.", {("Tomas Berg", "toll_road", "support")}),
    ("Governor Tomas Berg said it would be a mistake if the council did not approve the toll road.", {("Tomas Berg", "toll_road", "support")}),
    ("Governor Tomas Berg said it would not be a disaster if the council scrapped the toll road.", {("Tomas Berg", "toll_road", "oppose")}),
    ("Mayor Peter Novak said it would be a disaster unless the council approved the toll road.", {("Peter Novak", "toll_road", "support")}),
    # (the journalist's own forecast: nobody's side)
    ("It would be a disaster if the council scrapped the toll road.", set()),
])
def test_a_judged_consequence_of_a_condition_is_a_side_on_the_conditions_act(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the reporter judges the group's view: the same side, or the other
    ("Governor Tomas Berg said fishermen rightly oppose the fuel levy.", {("Tomas Berg", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg said fishermen had foolishly rejected the fuel levy.", {("Tomas Berg", "fuel_levy", "support")}),
    # a demand in other words than "must"
    ("Governor Tomas Berg said fishermen ought to accept the fuel levy.", {("Tomas Berg", "fuel_levy", "support")}),
    ("Governor Tomas Berg said fishermen need to accept the fuel levy.", {("Tomas Berg", "fuel_levy", "support")}),
    ("Governor Tomas Berg said fishermen will have to accept the fuel levy.", {("Tomas Berg", "fuel_levy", "support")}),
    # the reporter is one of them, or speaks for them
    ("Governor Tomas Berg said fishermen, like him, oppose the fuel levy.", {("Tomas Berg", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak said a majority of his members reject the fuel levy.", {("Peter Novak", "fuel_levy", "oppose")}),
])
def test_a_groups_view_stays_the_reporters_when_the_reporter_shares_judges_or_demands_it(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize("text", [
    "Governor Tomas Berg said fishermen think it would be a disaster if the council scrapped the toll road.",
    "Governor Tomas Berg said it would be a disaster, even if the council scrapped the toll road.",
])
def test_a_judged_condition_that_is_someone_elses_or_concessive_takes_no_side(text):
    assert stances(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the reporter's own verb above the group's view ("agrees with farmers who ...")
    ("Governor Tomas Berg said he agrees with fishermen who oppose the fuel levy.", {("Tomas Berg", "fuel_levy", "oppose")}),
    # a conjunct of the group is the reporter or the reporter's own
    ("Fishermen and I oppose the fuel levy, Governor Tomas Berg said.", {("Tomas Berg", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg said fishermen and his party oppose the fuel levy.", {("Tomas Berg", "fuel_levy", "oppose")}),
    # a phrase cue of the group's: no row for the reporter
    ("Governor Tomas Berg said fishermen reneged on the fuel levy.", set()),
])
def test_a_groups_view_is_only_set_aside_when_it_is_all_the_reporter_reports(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a condition that only mentions the issue, or names it as a cause, is not judged for a side
    ("Governor Tomas Berg said it would be a disaster if the council debated the toll road again.", {("Tomas Berg", "toll_road", "neutral")}),
    ("Governor Tomas Berg said it would be a disaster if drivers could not work because of the toll road.", set()),
    # the speaker's own belief between the statement and the judgment; a cue with its preposition
    ("Governor Tomas Berg said he believes it would be a disaster if the council scrapped the toll road.", {("Tomas Berg", "toll_road", "support")}),
    ("Governor Tomas Berg said it would be a disaster if the council voted against the toll road.", {("Tomas Berg", "toll_road", "support")}),
    # an act the lexicon does not know, towards the issue, brings it about
    ("Governor Tomas Berg said it would be a mistake if the council moved towards the toll road.", {("Tomas Berg", "toll_road", "oppose")}),
])
def test_a_judged_condition_needs_a_side_taken_in_it_and_the_speakers_own_judgment(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize("text", [
    # the relative clause is the senators': Berg is one of those criticised, not a critic
    "Critics of the senators, who include Governor Tomas Berg, say the fuel levy will hurt fishermen.",
    "Critics, who count Governor Tomas Berg as an ally, say the fuel levy will hurt fishermen.",
])
def test_a_relative_clause_of_inclusion_only_names_members_of_the_group_itself(text):
    assert ("Tomas Berg", "fuel_levy", "oppose") not in stances(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a concession aimed at a person is no view of the act
    ("Governor Tomas Berg, despite his criticism of Mayor Peter Novak, backed his toll road.", {("Tomas Berg", "toll_road", "support")}),
    ("Governor Tomas Berg backed the toll road despite his anger at Mayor Peter Novak.", {("Tomas Berg", "toll_road", "support")}),
    # one aimed at the act, or owned after "from" / "of", still is
    ("Governor Tomas Berg scrapped the toll road despite the support of Mayor Peter Novak.",
     {("Tomas Berg", "toll_road", "oppose"), ("Peter Novak", "toll_road", "support")}),
    ("Governor Tomas Berg scrapped the toll road despite Mayor Peter Novak's support for it.",
     {("Tomas Berg", "toll_road", "oppose"), ("Peter Novak", "toll_road", "support")}),
])
def test_a_concession_aimed_at_a_person_takes_no_side_on_the_act(text, expected):
    assert stances(text) == expected


# ------------------------------------------------------------------ elliptical echoes, judged facts and holders


@pytest.mark.parametrize(("text", "expected"), [
    # an elliptical clause repeats its antecedent's predicate for its own subject
    ("Chile backs the water tax, as does Peru.", {("Chile", "water_tax", "support"), ("Peru", "water_tax", "support")}),
    ("Mayor Peter Novak opposes the toll road, and so does Governor Tomas Berg.",
     {("Peter Novak", "toll_road", "oppose"), ("Tomas Berg", "toll_road", "oppose")}),
    ("Kenya voted for the fuel levy, as did Ghana.", {("Kenya", "fuel_levy", "support"), ("Ghana", "fuel_levy", "support")}),
    ("Kenya has criticised the fuel levy, as has Ghana.", {("Kenya", "fuel_levy", "oppose"), ("Ghana", "fuel_levy", "oppose")}),
    # across sentences
    ("Mayor Peter Novak rejects the language law. So does Governor Tomas Berg.",
     {("Peter Novak", "language_law", "oppose"), ("Tomas Berg", "language_law", "oppose")}),
    ("Chile backs the wage rise. Peru does too.", {("Chile", "wage_rise", "support"), ("Peru", "wage_rise", "support")}),
    ("Chile rejected the copper mine, and Peru followed suit.", {("Chile", "copper_mine", "oppose"), ("Peru", "copper_mine", "oppose")}),
    ("Chile rejected the copper mine. Peru did the same.", {("Chile", "copper_mine", "oppose"), ("Peru", "copper_mine", "oppose")}),
    # a denied predicate repeated by "neither" / "nor" is not turned again
    ("Chile does not back the water tax, and neither does Peru.", {("Chile", "water_tax", "oppose"), ("Peru", "water_tax", "oppose")}),
    ("Chile does not support the toll road. Nor does Peru.", {("Chile", "toll_road", "oppose"), ("Peru", "toll_road", "oppose")}),
    # one of the two denied: the other side
    ("Chile backs the water tax, but Peru does not.", {("Chile", "water_tax", "support"), ("Peru", "water_tax", "oppose")}),
    ("Chile does not back the water tax, but Peru does.", {("Chile", "water_tax", "oppose"), ("Peru", "water_tax", "support")}),
    # what a speaker said, echoed
    ("Mayor Peter Novak said the toll road was needed, as did Governor Tomas Berg.",
     {("Peter Novak", "toll_road", "support"), ("Tomas Berg", "toll_road", "support")}),
])
def test_an_elliptical_clause_gives_its_subject_the_side_of_the_clause_it_repeats(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # no actor in the echo, no echo at all, a question, a clause of the subject's own
    ("Chile backs the water tax, as do many economists.", {("Chile", "water_tax", "support")}),
    ("Chile backs the water tax, as is well known.", {("Chile", "water_tax", "support")}),
    ("Chile backs the water tax. Does Peru?", {("Chile", "water_tax", "support")}),
    ("Mayor Peter Novak met Governor Tomas Berg. So did Chile.", set()),
    ("Mayor Peter Novak, who opposes the toll road, backs the water tax, as does Governor Tomas Berg.",
     {("Peter Novak", "toll_road", "oppose"), ("Peter Novak", "water_tax", "support"), ("Tomas Berg", "water_tax", "support")}),
])
def test_an_echo_repeats_only_a_predicate_with_a_side_for_an_actor(text, expected):
    assert stances(text) == expected


def test_an_echo_in_the_next_sentence_is_a_candidate_there():
    doc = nlp()("Mayor Peter Novak rejects the language law. So does Governor Tomas Berg.")
    finder = CandidateFinder(doc, CODEBOOK)
    found = {(c.actor, c.issue, c.rule_stance) for c in finder.candidates() if c.sentence == 2}
    assert ("Tomas Berg", "language_law", "oppose") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Peter Novak, like Governor Tomas Berg, backs the water tax.",
     {("Peter Novak", "water_tax", "support"), ("Tomas Berg", "water_tax", "support")}),
    ("Like Chile, Peru opposes the copper mine.", {("Chile", "copper_mine", "oppose"), ("Peru", "copper_mine", "oppose")}),
    ("Mayor Peter Novak backs the water tax, like Governor Tomas Berg.",
     {("Peter Novak", "water_tax", "support"), ("Tomas Berg", "water_tax", "support")}),
    # not "unlike", not "like" on the issue
    ("Peru opposes the copper mine, unlike Chile.", {("Peru", "copper_mine", "oppose")}),
])
def test_a_companion_named_by_like_shares_the_side(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the judge of someone's act takes the side the act takes, turned by a bad judgment
    ("Governor Tomas Berg regretted that Congress scrapped the fuel levy.",
     {("Tomas Berg", "fuel_levy", "support"), ("Congress", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg deplored the fact that Congress scrapped the fuel levy.",
     {("Tomas Berg", "fuel_levy", "support"), ("Congress", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg said it was a shame that senators rejected the water tax.", {("Tomas Berg", "water_tax", "support")}),
    ("Governor Tomas Berg said it was good that senators rejected the water tax.", {("Tomas Berg", "water_tax", "oppose")}),
    ("Governor Tomas Berg said it is unfortunate that the council blocked the toll road.", {("Tomas Berg", "toll_road", "support")}),
    ("Governor Tomas Berg said it was a mistake that Congress scrapped the fuel levy.",
     {("Tomas Berg", "fuel_levy", "support"), ("Congress", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg said he was disappointed that Congress approved the copper mine.",
     {("Tomas Berg", "copper_mine", "oppose"), ("Congress", "copper_mine", "support")}),
    ("Governor Tomas Berg was angry that Congress had not passed the wage rise.",
     {("Tomas Berg", "wage_rise", "support"), ("Congress", "wage_rise", "oppose")}),
    ("Governor Tomas Berg said he was not happy that the council blocked the toll road.", {("Tomas Berg", "toll_road", "support")}),
    ("It is a shame that Congress scrapped the fuel levy, Governor Tomas Berg said.",
     {("Tomas Berg", "fuel_levy", "support"), ("Congress", "fuel_levy", "oppose")}),
])
def test_whoever_judges_someones_act_takes_the_side_the_judgment_gives_it(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a forecast with its own judgment, a relative clause, the issue's own effect: as before
    ("Governor Tomas Berg warned that the fuel levy would hurt fishermen.", {("Tomas Berg", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg said it was a mistake that cost him the vote on the water tax.", {("Tomas Berg", "water_tax", "oppose")}),
    ("Governor Tomas Berg said it is sad that the fuel levy hurts fishermen.", {("Tomas Berg", "fuel_levy", "oppose")}),
])
def test_a_judgment_of_no_ones_act_is_read_as_before(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Tomas Berg said fishermen who back the fuel levy are wrong.", {("Tomas Berg", "fuel_levy", "oppose")}),
    ("Fishermen who back the fuel levy are mistaken, Governor Tomas Berg said.", {("Tomas Berg", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg said voters who oppose the toll road are right.", {("Tomas Berg", "toll_road", "oppose")}),
    ("Governor Tomas Berg said Democrats who back the water tax are mistaken.",
     {("Democrats", "water_tax", "support"), ("Tomas Berg", "water_tax", "oppose")}),
])
def test_whoever_judges_the_holders_of_a_view_takes_the_side_the_judgment_gives_it(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Tomas Berg said fishermen would suffer if the council vetoed the fuel levy.", {("Tomas Berg", "fuel_levy", "support")}),
    ("Governor Tomas Berg said workers would lose out if Congress scrapped the wage rise.", {("Tomas Berg", "wage_rise", "support")}),
    ("Governor Tomas Berg said families would benefit if Congress scrapped the fuel levy.", {("Tomas Berg", "fuel_levy", "oppose")}),
    ("Governor Tomas Berg said we would all gain if the council approved the toll road.", {("Tomas Berg", "toll_road", "support")}),
    # "even if" concedes; a named actor's loss is no side against the act
    ("Governor Tomas Berg said fishermen would suffer even if the council vetoed the fuel levy.", set()),
])
def test_what_befalls_people_under_a_condition_judges_the_condition(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # agreement with the view just stated takes its side; disagreement the other
    ("Mayor Peter Novak said the toll road was needed. Governor Tomas Berg agreed.",
     {("Peter Novak", "toll_road", "support"), ("Tomas Berg", "toll_road", "support")}),
    ("Mayor Peter Novak said the toll road was needed. Governor Tomas Berg disagreed.",
     {("Peter Novak", "toll_road", "support"), ("Tomas Berg", "toll_road", "oppose")}),
    ("Mayor Peter Novak opposes the fuel levy. Governor Tomas Berg agrees with him.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak opposes the fuel levy, and Governor Tomas Berg agrees.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak opposes the fuel levy. Governor Tomas Berg did not agree.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "support")}),
    ("Chile proposed the water tax. Peru and Kenya agreed.",
     {("Chile", "water_tax", "support"), ("Peru", "water_tax", "support"), ("Kenya", "water_tax", "support")}),
    # a view taken or refused
    ("Mayor Peter Novak opposes the fuel levy. Governor Tomas Berg shared his view.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak opposes the fuel levy. Governor Tomas Berg took the same line.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak opposes the fuel levy. Governor Tomas Berg takes a different view.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "support")}),
    ("Mayor Peter Novak opposes the fuel levy. Governor Tomas Berg rejected Novak's view.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "support")}),
])
def test_agreeing_with_a_view_stated_before_takes_its_side(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an agreement with a content of its own, or after no view
    ("Chile proposed the water tax. Mayor Peter Novak agreed to meet Governor Tomas Berg.", {("Chile", "water_tax", "support")}),
    ("Mayor Peter Novak met Governor Tomas Berg on Monday. Chile agreed.", set()),
])
def test_an_agreement_takes_a_side_only_on_a_view_stated_before(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Peter Novak said the toll road was needed, a view shared by Governor Tomas Berg.",
     {("Peter Novak", "toll_road", "support"), ("Tomas Berg", "toll_road", "support")}),
    ("Mayor Peter Novak opposes the fuel levy. That view is shared by Governor Tomas Berg.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak opposes the fuel levy. That view is rejected by Governor Tomas Berg.",
     {("Peter Novak", "fuel_levy", "oppose"), ("Tomas Berg", "fuel_levy", "support")}),
])
def test_a_view_shared_by_someone_is_theirs_too(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the parser's readings of an echo: "nor has X" (X as an object), "X didn't either", a time after it
    ("Chile has not endorsed the water tax, nor has Peru.", {("Chile", "water_tax", "oppose"), ("Peru", "water_tax", "oppose")}),
    ("Mayor Peter Novak did not back the toll road, and Governor Tomas Berg didn't either.",
     {("Peter Novak", "toll_road", "oppose"), ("Tomas Berg", "toll_road", "oppose")}),
    ("Mayor Peter Novak praised the toll road, as did Governor Tomas Berg on Tuesday.",
     {("Peter Novak", "toll_road", "support"), ("Tomas Berg", "toll_road", "support")}),
    # hung on a content clause, the echo's tense says which verb it repeats
    ("Governor Tomas Berg regretted that Congress scrapped the fuel levy, as did Mayor Peter Novak.",
     {("Tomas Berg", "fuel_levy", "support"), ("Peter Novak", "fuel_levy", "support"), ("Congress", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak said Chile opposes the fuel levy, as did Governor Tomas Berg.", {("Chile", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak said Chile opposes the fuel levy, as does Peru.",
     {("Chile", "fuel_levy", "oppose"), ("Peru", "fuel_levy", "oppose")}),
    # not saying something is no side; "as do I" outside a quotation names no actor
    ("Mayor Peter Novak said Congress should scrap the fuel levy. Governor Tomas Berg did not.", {("Peter Novak", "fuel_levy", "oppose")}),
    ("Mayor Peter Novak backs the water tax, as do I.", {("Peter Novak", "water_tax", "support")}),
    # "like" on a copula compares what the copula says
    ("Like Chile, Peru is a member of the bloc and opposes the copper mine.", {("Peru", "copper_mine", "oppose")}),
])
def test_echoes_the_parser_reads_otherwise_and_echoes_that_take_no_side(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a judged act with no side, a question, people the lexicon does not know as such
    ("Governor Tomas Berg said it was good that Congress debated the fuel levy.", {("Congress", "fuel_levy", "neutral")}),
    ("Governor Tomas Berg said polluters would benefit if Congress scrapped the fuel levy.", set()),
    # under someone's fear or hope the condition is read as before, theirs
    ("Governor Tomas Berg fears fishermen will suffer if Congress scraps the fuel levy.", {("Tomas Berg", "fuel_levy", "support")}),
])
def test_judgments_of_acts_and_fortunes_only_where_they_say_something(text, expected):
    assert stances(text) == expected


def test_a_judgment_of_holders_asked_about_is_no_verdict():
    assert not of("Tomas Berg", "Governor Tomas Berg asked whether fishermen who back the fuel levy are wrong.")


@pytest.mark.parametrize(("text", "expected"), [
    # "be" with a place, or away, is where someone is, no echo
    ("Mayor Peter Novak did not back the water tax. Governor Tomas Berg was in Lima.", {("Peter Novak", "water_tax", "oppose")}),
    ("Mayor Peter Novak backs the water tax, but Governor Tomas Berg is away.", {("Peter Novak", "water_tax", "support")}),
    ("Mayor Peter Novak spoke in favour of the water tax at the rally. Governor Tomas Berg was there too.",
     {("Peter Novak", "water_tax", "support")}),
    # a view with a complement of its own, or a criticism dismissed, is not the view before
    ("Mayor Peter Novak backs the water tax. Governor Tomas Berg shares the concerns of fishermen.", {("Peter Novak", "water_tax", "support")}),
    ("Mayor Peter Novak backs the water tax, dismissing the criticism echoed by Governor Tomas Berg.",
     {("Peter Novak", "water_tax", "support")}),
    # "like" inside the verb's arguments names no companion
    ("Mayor Peter Novak criticised several senators, like Governor Tomas Berg, for backing the water tax.",
     {("Peter Novak", "water_tax", "oppose")}),
    # a neutral engagement is no view to agree with; a judgment of something else is no verdict
    ("Mayor Peter Novak met Governor Tomas Berg on Monday to discuss the water tax. Chile agreed.", {("Peter Novak", "water_tax", "neutral")}),
    ("Governor Tomas Berg said Mayor Peter Novak, who backs the water tax, was right to resign.", {("Peter Novak", "water_tax", "support")}),
])
def test_what_looks_like_an_echo_or_a_judgment_but_is_not(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Peter Novak does not back the water tax. Governor Tomas Berg doesn't either.",
     {("Peter Novak", "water_tax", "oppose"), ("Tomas Berg", "water_tax", "oppose")}),
    ("Governor Tomas Berg backs the water tax, as do Chile and Peru.",
     {("Tomas Berg", "water_tax", "support"), ("Chile", "water_tax", "support"), ("Peru", "water_tax", "support")}),
    ("Chile opposes the copper mine. Peru, like Kenya, does too.",
     {("Chile", "copper_mine", "oppose"), ("Peru", "copper_mine", "oppose"), ("Kenya", "copper_mine", "oppose")}),
    # a sentence of its own echoes what was said when its tense says so
    ("Mayor Peter Novak backs the water tax, Chile said. So does Governor Tomas Berg.",
     {("Peter Novak", "water_tax", "support"), ("Tomas Berg", "water_tax", "support")}),
    ("Governor Tomas Berg said fishermen would benefit from lower prices if Congress scrapped the fuel levy.",
     {("Tomas Berg", "fuel_levy", "oppose")}),
])
def test_more_echoes_and_fortunes(text, expected):
    assert stances(text) == expected


def stance_rows(text: str, codebook=CODEBOOK):
    from core.extraction.pipeline import analyze_articles
    from core.ingest.text import article_from_text

    return analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook, scorer=None).stances


def test_an_echo_has_its_own_attribution_and_certainty():
    rows = stance_rows('"We back the water tax, and so does Governor Tomas Berg," Mayor Peter Novak said.', CODEBOOK)
    berg = rows[rows["actor"] == "Tomas Berg"].iloc[0]
    assert (berg["certainty"], berg["source"]) == ("reported", "Peter Novak")
    rows = stance_rows("Mayor Peter Novak backs the water tax, and Governor Tomas Berg may too.", CODEBOOK)
    assert rows[rows["actor"] == "Tomas Berg"].iloc[0]["certainty"] == "unconfirmed"
    rows = stance_rows('"The water tax is a disaster," Mayor Peter Novak said. Governor Tomas Berg agreed.', CODEBOOK)
    berg = rows[rows["actor"] == "Tomas Berg"].iloc[0]
    assert (berg["stance"], berg["attribution"], berg["certainty"]) == ("oppose", "narrative", "stated")
    assert berg["quote"].startswith('"The water tax is a disaster,"') and berg["quote"].endswith("agreed.")
