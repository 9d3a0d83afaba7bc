"""Attribution constructions found missing by the attribution challenge set (tests/challenge_quotes/),
each tested on sentences written for this file (other names, places and subjects than the set's):
the clause of a speech verb hung elsewhere by the parser, adjectives of belief, holders the cue verb
itself asks for, nominal attributions without an owner, words of others taken up by a verb of
judgment, the passive of such a verb with its judge, and time stamps above a paragraph."""

from __future__ import annotations

from tests.nlp_fixtures import analyse


def statements(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of every row of the quotes table."""
    quotes = analyse(text, None).quotes
    return [(r.speaker, r.cue, r.text) for r in quotes.itertuples(index=False)]


def contents_of(text: str) -> dict[str, str]:
    """Content -> speaker."""
    return {content: speaker for speaker, _cue, content in statements(text)}


# ------------------------------------------------------------------ speech verbs


def test_a_that_clause_hung_on_the_object_of_a_preposition_is_the_speech_verbs_content():
    found = contents_of("The Tanager Rail Company said in a statement that the night trains would stop in June.")
    assert found.get("the night trains would stop in June") == "Tanager Rail Company"
    found = contents_of("Mayor Oksana Petrenko wrote on social media on Friday that the bridge would reopen.")
    assert found.get("the bridge would reopen") == "Oksana Petrenko"


def test_a_that_clause_hung_on_a_participle_after_a_letter_or_an_aside_is_the_speech_verbs_content():
    found = contents_of("Dean Lucia Ferraro warned students in an email sent on Sunday that the library would close early.")
    assert found.get("the library would close early", "").endswith("Lucia Ferraro")
    found = contents_of("Sen. Harold Voss argued, speaking to farmers at a fair in Ames, that the tariff would hurt exports.")
    assert found.get("the tariff would hurt exports") == "Harold Voss"


def test_a_relative_clause_of_a_letter_is_not_a_speech_verbs_content():
    # "that was sent" is a relative clause (no "that" marking a clause of its own).
    found = contents_of("Ines Duarte said in a letter that was sent to the board.")
    assert not any("sent to the board" in content for content in found)


def test_a_subject_with_a_past_participle_after_it_still_speaks():
    # "farmers interviewed at the market said ...": the parser reads "interviewed" as the
    # farmers' own verb and leaves "said" with no subject.
    found = contents_of("But farmers interviewed at the market said the price of maize had been falling for a month.")
    assert found.get("the price of maize had been falling for a month") == "farmers"
    found = contents_of("Drivers questioned at the depot said the buses had not been serviced since June.")
    assert found.get("the buses had not been serviced since June") == "Drivers"
    found = contents_of("Shopkeepers visited on Monday told reporters that sales had halved.")
    assert found.get("sales had halved") == "Shopkeepers"


def test_a_clause_before_a_speech_verb_is_no_subject_of_it():
    # The clause reported before the verb, set off by a comma or not, never makes its own subject the speaker.
    for text, content, speaker in (
        ("The storm struck on Monday, the mayor said.", "The storm struck on Monday", "mayor"),
        ("The ferry sank off Cape Rell, said the coast guard.", "The ferry sank off Cape Rell", "coast guard"),
    ):
        assert contents_of(text).get(content) == speaker, text
    assert not any(speaker == "Prices" for speaker, _c, _t in statements("Prices rose in March said analysts at Norbank."))


# ------------------------------------------------------------------ beliefs and holders the verb asks for


def test_an_adjective_of_belief_attributes_its_clause_to_the_subject():
    found = contents_of("Coach Tomas Berglund is confident that his side can reach the final.")
    assert found.get("his side can reach the final") == "Tomas Berglund"
    found = contents_of("Fishermen in the bay are worried the new quota will ruin them.")
    assert found.get("the new quota will ruin them") == "Fishermen"


def test_an_adjective_of_belief_tagged_as_a_participle_attributes_its_clause_too():
    # (no "that": the parser tags "worried" a verb)
    assert contents_of("Herders are worried the new fence will cut off the wells.") == {"the new fence will cut off the wells": "Herders"}


def test_an_adjective_of_belief_without_a_clause_attributes_nothing():
    assert statements("Coach Tomas Berglund is confident about next season.") == []


def test_a_verb_of_belief_or_will_takes_any_plural_or_named_holder():
    found = contents_of("Detectives suspect the warehouse fire in Gdansk was started deliberately.")
    assert found.get("the warehouse fire in Gdansk was started deliberately") == "Detectives"
    found = contents_of("Shop owners along the canal hope the new bridge will bring more visitors.")
    assert found.get("the new bridge will bring more visitors") == "Shop owners"
    found = contents_of("The ferry company refused to refund passengers whose sailings were cancelled.")
    assert found.get("to refund passengers whose sailings were cancelled") == "ferry company"


def test_a_singular_thing_holds_no_will():
    # "the attempt" and "the flood" are not holders, though the verb would take one.
    assert statements("The attempt threatened to derail the talks in Lusaka.") == []
    assert statements("The flood threatened to cut off the valley for a week.") == []


def test_a_court_rules_that():
    found = contents_of("The Constitutional Court ruled on Monday that the curfew was unlawful.")
    assert found.get("the curfew was unlawful") == "Constitutional Court"


# ------------------------------------------------------------------ nominal attributions and judgments


def test_a_noun_of_saying_with_no_owner_is_a_statement_with_no_source():
    rows = statements("Dr. Amara Diallo dismissed suggestions that the clinic had run out of vaccines.")
    assert ("", "suggestions", "the clinic had run out of vaccines") in rows
    # the dismissal is the doctor's, and the suggestions are not hers
    assert ("Amara Diallo", "dismissed", "suggestions that the clinic had run out of vaccines") in rows


def test_concern_among_a_group_is_that_groups():
    found = contents_of("There is growing concern among dairy farmers that the trade pact will flood the market.")
    assert found.get("the trade pact will flood the market") == "dairy farmers"


def test_someone_elses_call_taken_up_by_a_verb_of_judgment_stays_their_statement():
    rows = statements("Rafael Ortiz dismissed Elena Marsh's call for a recount as a stunt.")
    speakers = {speaker for speaker, _cue, _content in rows}
    assert ("Elena Marsh", "call", "a recount") in rows
    assert "Rafael Ortiz" in speakers


def test_the_passive_of_a_verb_of_judgment_gives_the_judge_what_was_judged():
    rows = statements("The nurses' demand for a ten percent raise was rejected by the management of Northgate Hospital.")
    assert any(speaker.startswith("management") and cue == "rejected" and content.startswith("The nurses' demand")
               for speaker, cue, content in rows), rows


def test_approving_of_a_plan():
    found = contents_of("The tenants' association approved of the new rent rules.")
    assert found.get("the new rent rules") == "tenants' association"


# ------------------------------------------------------------------ formats


def test_a_time_stamp_line_is_not_part_of_the_statement_below_it():
    text = "The Latest: Dam vote\n\n2:40 p.m.\n\nThe regional council is expected to approve the dam on Thursday.\n"
    rows = statements(text)
    assert rows, "the expectation with no source is a statement"
    assert all("2:40" not in content and "\n" not in content for _speaker, _cue, content in rows)
    assert any(content.startswith("The regional council is expected") for _s, _c, content in rows)


def test_the_object_of_a_verb_of_judgment_is_the_subjects_statement():
    assert statements("Lars Holm rejected the carbon tax on Tuesday.") == [("Lars Holm", "rejected", "the carbon tax")]
    rows = statements("Critics mocked the senator's plan to sell the lighthouse.")
    assert ("Critics", "mocked", "the senator's plan to sell the lighthouse") in rows
    assert ("senator", "plan", "to sell the lighthouse") in rows


def test_a_question_put_to_the_speaker_is_not_their_statement():
    rows = statements("Asked whether the bridge would reopen in spring, Mayor Ines Duarte declined to comment.")
    assert rows == [("Ines Duarte", "declined", "to comment")]
    rows = statements("Asked about the strike, the minister said the talks would resume on Monday.")
    assert rows == [("minister", "said", "the talks would resume on Monday")]


def test_a_clause_with_a_gerund_subject_parsed_as_a_participle_is_the_speech_verbs_content():
    text = "Since earlier this year, Mr. Kamau and other leaders have said cutting that output must be a key part of their effort to revive exports."
    assert contents_of(text).get("cutting that output must be a key part of their effort to revive exports") == "Kamau"


def test_an_aside_after_a_comma_is_not_part_of_what_was_refused():
    rows = statements("The governor refuses to name the new judges, aside from saying she wants a younger bench.")
    assert ("governor", "refuses", "to name the new judges") in rows


# ------------------------------------------------------------------ a second reader's cases


def test_only_people_hold_a_will_or_a_demand():
    # (things and events do not plan, threaten or refuse)
    for text in (
        "Soaring fuel costs threaten to close the ferry to Inishmore.",
        "The new tariffs aim to shield the steel mills of Ostrava.",
        "The old pumps refused to work after the flood.",
        "Heavy snows threatened to cut off the valley.",
    ):
        assert statements(text) == [], text
    # (people named by what they do, groups and organizations still do)
    assert contents_of("Taxi drivers plan to block the ring road on Friday.") == {"to block the ring road on Friday": "Taxi drivers"}
    assert contents_of("Three universities want to share the new telescope.") == {"to share the new telescope": "Three universities"}
    assert contents_of("Both sides agreed to resume the talks on fishing quotas.") == {"to resume the talks on fishing quotas": "sides"}
    assert contents_of("Dock workers urged the port authority to rehire the crane operators.") == {
        "the port authority to rehire the crane operators": "Dock workers"
    }


def test_dismissing_or_rejecting_people_is_no_judgment_of_what_they_said():
    assert statements("The airline dismissed forty pilots in June.") == []
    assert statements("Okafor dismissed Lindqvist for nine in the second over.") == []
    assert statements("The cabin crew were dismissed by the airline.") == []
    assert statements("The pilots' union rejected the airline's offer.")[0][1:] == ("rejected", "the airline's offer")


def test_a_noun_of_saying_whose_clause_swallowed_the_sentences_verb_gives_no_statement():
    # (sentences a second reader wrote: the parser puts "debunked", "persists" in the clause)
    assert statements("The claim that the vaccine causes harm has been debunked.") == []
    assert statements("The belief that the earth is flat persists in some online groups.") == []
    # (parsed right, the clause alone is the statement)
    assert statements("The fear that the river would flood kept residents awake.") == [("", "fear", "the river would flood")]


def test_hard_wrapped_text_is_not_cut_at_the_line_break():
    found = contents_of("The guild wants to cut fees for apprentices in\nall of the region's workshops.")
    assert found == {"to cut fees for apprentices in\nall of the region's workshops": "guild"}
    found = contents_of("Growers are worried that the new levy\nwill ruin them.")
    assert found == {"the new levy\nwill ruin them": "Growers"}


def test_a_worry_opening_the_sentence_is_the_subjects():
    found = contents_of("Worried that the levee would break, farmers moved their herds uphill.")
    assert found == {"the levee would break": "farmers"}


def test_a_person_named_by_a_common_noun_holds_a_belief_or_a_ruling():
    assert contents_of("The goalkeeper's coach is confident that the knee will heal by May.") == {"the knee will heal by May": "goalkeeper's coach"}
    assert contents_of("The umpire ruled that the catch was clean.") == {"the catch was clean": "umpire"}


# ------------------------------------------------------------------ naming in quotes


def test_a_quoted_name_parsed_with_the_thing_named_as_its_modifier_is_a_naming():
    # (the parser makes "merger" / "accord" a modifier of the quoted name, the predicate or the object)
    assert contents_of('Mayor Elena Sokol has called the 40-page port plan "fantasy."').get('the 40-page port plan "fantasy') == "Elena Sokol"
    assert contents_of('The governor called the 5-party HALO accord "lunacy."').get('the 5-party HALO accord "lunacy') == "governor"


def test_a_plain_call_of_a_meeting_is_no_naming():
    assert contents_of("The mayor called the 12-nation summit in March.") == {}


# ------------------------------------------------------------------ wills with a subject of their own


def test_a_will_with_its_own_subject_parsed_as_a_clause_is_the_subjects():
    # "want the board to rebuild": the infinitive with its subject parsed as a clause of the verb
    assert contents_of("Parents in Northby want the board to rebuild the gym.") == {"the board to rebuild the gym": "Parents"}


# ------------------------------------------------------------------ an "as" aside parsed as the main clause


def test_an_as_aside_the_parser_made_the_main_clause_reports_the_sentence_around_it():
    # ("Freedonia" parsed as the subject of "pointed", the aside's "as" hung on it or on the verb)
    for text in ("Freedonia, as one of Mr. Kaur's farm advisers pointed out, rarely gets two droughts in a row.",
                 "Norland, as one of the mayor's budget aides pointed out, normally does not get two floods a year."):
        found = statements(text)
        assert [(cue, content) for _s, cue, content in found] == [("pointed", text.rstrip("."))], text
        assert "aides" in found[0][0] or "advisers" in found[0][0]


# ------------------------------------------------------------------ verbs that link two things


def test_a_verb_linking_its_object_to_another_thing_attributes_both():
    assert contents_of("The study tied the drought to rising sea temperatures in the gulf.") == {
        "the drought to rising sea temperatures in the gulf": "study"}
    assert contents_of("Officials traced the outbreak to a fish market in Port Vell.") == {"the outbreak to a fish market in Port Vell": "Officials"}
    assert contents_of("New research connects factory closures and the rise of fringe parties.") == {
        "factory closures and the rise of fringe parties": "New research"}


def test_a_linking_verb_with_nothing_linked_or_in_its_physical_sense_attributes_nothing():
    assert contents_of("Ostrova tied the record in the final.") == {}
    assert contents_of("Fishermen tied their boats to the pier.") == {}


# ------------------------------------------------------------------ nouns of saying with their clause


def test_a_clause_of_a_noun_of_saying_inside_a_speech_verbs_phrase_is_not_the_verbs_content():
    found = statements("The mayor said in response to the demand by protesters that the plant be closed that no decision had been made.")
    assert ("mayor", "said", "no decision had been made") in found
    found = statements("Mr. Holm was responding to questions about complaints by the trade secretary, Anna Berg, "
                       "that Velmar's cheap copper was hurting local mines.")
    assert not [s for s in found if s[2] == "Velmar's cheap copper was hurting local mines" and "Holm" in s[0]]


def test_a_that_clause_hung_on_the_owner_of_a_noun_of_saying_is_the_owners():
    # (the parser hangs the clause on "counterpart" / "minister", the owner after "from")
    for text, owner in (
        ("The Velmar finance minister hit back on Monday at complaints from his Ardanian counterpart that Velmar's mills were flooding foreign markets.",
         "counterpart"),
        ("The Velmar finance minister hit back at complaints from the Ardanian trade minister that Velmar's mills were flooding foreign markets.",
         "minister"),
    ):
        found = contents_of(text)
        assert owner in found.get("Velmar's mills were flooding foreign markets", ""), text


# ------------------------------------------------------------------ verbs of persuading


def test_a_verb_of_persuading_or_pressing_attributes_its_object_and_infinitive():
    assert contents_of("The union convinced the board to delay the vote.") == {"the board to delay the vote": "union"}
    assert contents_of("Farmers pressured the ministry to drop the quota.") == {"the ministry to drop the quota": "Farmers"}
    found = contents_of("Ms. Lund set about persuading President Omar Haddad of Velmar to join Ardania in setting strict limits on fishing.")
    assert found.get("President Omar Haddad of Velmar to join Ardania in setting strict limits on fishing", "").endswith("Lund")


def test_a_verb_of_persuading_without_an_infinitive_or_in_the_passive_attributes_nothing():
    assert contents_of("The mayor convinced voters.") == {}
    assert contents_of("The board was persuaded to delay the vote.") == {}


# ------------------------------------------------------------------ verbs of playing down or up


def test_a_verb_of_playing_down_or_up_attributes_its_object():
    assert contents_of("The mayor has downplayed the risk of flooding in the lower town.") == {"the risk of flooding in the lower town": "mayor"}
    assert contents_of("The report exaggerates the number of jobs lost.") == {"the number of jobs lost": "report"}


# ------------------------------------------------------------------ verb forms the lemmatizer gets wrong


def test_the_forms_of_hope_are_read_as_hope_not_hop():
    assert contents_of("The mayor hopes to open the bridge in May.") == {"to open the bridge in May": "mayor"}
    assert contents_of("The mayor hoped that the bridge would open in May.") == {"the bridge would open in May": "mayor"}
    assert contents_of("Farmers are hoping the rain will come.") == {"the rain will come": "Farmers"}


# ------------------------------------------------------------------ bodies named by a common noun


def test_an_airline_or_a_regulator_holds_a_will():
    assert contents_of("The airline refused to refund travellers whose trips were cancelled.") == {
        "to refund travellers whose trips were cancelled": "airline"}
    assert contents_of("The regulator wants the banks to hold more capital.") == {"the banks to hold more capital": "regulator"}


def test_a_name_given_with_call_is_no_call_on_or_for_anything():
    assert contents_of("Brenn, called Brine Marsh on older maps, sits at the mouth of the river.") == {}
    assert contents_of("The union called on the council to act.") == {"the council to act": "union"}


# ------------------------------------------------------------------ a place named by its kind


def test_a_place_named_by_its_kind_and_name_speaks_as_the_name():
    assert contents_of("The town of Brevik plans to plant 5,000 trees along its canals.") == {"to plant 5,000 trees along its canals": "Brevik"}
    assert contents_of("The city of Lorca said the port would open in May.") == {"the port would open in May": "Lorca"}


# ------------------------------------------------------------------ verbs of belief set off


def test_a_verb_of_belief_set_off_in_a_sentence_reports_the_sentence():
    text = "The levy, many farmers fear, will ruin the smaller farms."
    assert [content for _s, _c, content in statements(text)] == [text.rstrip(".")]
    assert contents_of("The vote, as expected, passed easily.") == {}


# ------------------------------------------------------------------ "in her view" and the like


def test_a_view_owned_by_a_speaker_sources_the_sentence_as_according_to_does():
    assert contents_of("In the mayor's opinion, the bridge should be rebuilt.") == {"the bridge should be rebuilt": "mayor"}
    assert contents_of("In the words of one farmer, the levy is a tax on bread.") == {"the levy is a tax on bread": "one farmer"}
    assert contents_of("The levy is unfair to small farms, in the view of the farmers' union.") == {
        "The levy is unfair to small farms": "farmers' union"}


def test_a_view_inside_a_phrase_sources_no_sentence():
    # (the noun's own object is the nominal rule's: "her views on the levy")
    found = statements("There has been a change in her views on the levy.")
    assert not [content for _s, _c, content in found if content.startswith("There has been")]


# ------------------------------------------------------------------ a will voiced by nobody named


def test_a_voiced_will_with_an_infinitive_and_no_owner_is_a_statement_with_no_source():
    assert contents_of("The summit closed with a joint pledge to share radar data over the strait.") == {
        "to share radar data over the strait": ""}


def test_a_decision_or_plan_with_no_owner_is_no_statement():
    assert contents_of("The plan to build the dam was approved on Monday.") == {}
    assert contents_of("Farmers criticized the decision to close the market.").get("to close the market") is None


def test_a_doubt_about_something_held_by_nobody_named_is_a_statement_with_no_source():
    assert contents_of("There are growing doubts about the safety of the tunnel, which has been closed twice.") == {
        "the safety of the tunnel": ""}


# ------------------------------------------------------------------ fear and doubt with an object


def test_a_fear_or_doubt_of_a_thing_attributes_the_thing():
    assert contents_of("Many residents fear a second flood this winter.") == {"a second flood this winter": "Many residents"}
    assert contents_of("The union doubts the company's figures.") == {"the company's figures": "union"}


# ------------------------------------------------------------------ the object of "led X to"


def test_the_object_of_a_verb_of_causing_is_the_subject_of_its_infinitive():
    assert contents_of("The floods have led many farmers to fear a second disaster.") == {"a second disaster": "many farmers"}
    assert contents_of("The report led the minister to warn that the river would flood.") == {"the river would flood": "minister"}


def test_the_object_of_a_verb_of_telling_is_not_the_speaker_of_its_infinitive():
    assert contents_of("The commission asked Velmar to explain why the new road had skipped a review.") == {
        "Velmar to explain why the new road had skipped a review": "commission"}


# ------------------------------------------------------------------ "made it clear that"


def test_a_verb_that_declares_a_clause_with_its_word_attributes_the_clause():
    assert contents_of("The mayor made it clear that the bridge would not reopen.") == {"the bridge would not reopen": "mayor"}
    assert contents_of("The study left little doubt that the lake was warming.") == {"the lake was warming": "study"}
    assert contents_of("The mayor made it clear.") == {}


# ------------------------------------------------------------------ a stretch of time is not what is called for


def test_a_for_of_a_stretch_of_time_is_not_the_object_of_a_prepositional_cue():
    assert contents_of("The union has argued for years for a shorter week.") == {"a shorter week": "union"}
    assert contents_of("Ban has pushed for nearly a decade to reach the deal.") == {}
    assert contents_of("The mayor called for two weeks of mourning.") == {"two weeks of mourning": "mayor"}


# ------------------------------------------------------------------ "as she put it" opening a sentence


def test_an_as_clause_of_saying_opening_a_sentence_attributes_the_rest():
    assert contents_of("As Mayor Odile Brandvold put it, the city has a maintenance problem, not a money problem.") == {
        "the city has a maintenance problem, not a money problem": "Odile Brandvold"}
    assert contents_of("As Odile Brandvold noted, the ferry fares have doubled since 2019.") == {
        "the ferry fares have doubled since 2019": "Odile Brandvold"}
    assert contents_of("As Odile Brandvold said last week, the harbour budget is a promise to the islands.") == {
        "the harbour budget is a promise to the islands": "Odile Brandvold"}


def test_an_as_clause_of_time_opening_a_sentence_attributes_nothing():
    for text in ("As the riot police fired, the marchers ran into the side streets.",
                 "As Odile Brandvold spoke, fishermen gathered outside the hall.", "As expected, the levy passed."):
        assert contents_of(text) == {}, text


# ------------------------------------------------------------------ a subject the parser hung on the auxiliary


def test_a_subject_hung_on_the_auxiliary_of_a_participle_of_attitude_holds_it():
    # (parsed with "Ostrander" the subject of "is")
    assert contents_of("Ostrander is opposed to the new toll bridge.") == {"the new toll bridge": "Ostrander"}
    assert contents_of("Most island councillors are opposed to the ferry levy.") == {"the ferry levy": "Most island councillors"}


# ------------------------------------------------------------------ clauses of telling the parser hung elsewhere


def test_a_that_clause_parsed_as_a_participle_with_its_that_on_the_auxiliary_is_what_was_told():
    text = 'Afterward, she told reporters that the Dutch were "cheating" and that she would cancel the fishing permits.'
    assert list(contents_of(text)) == ['the Dutch were "cheating" and that she would cancel the fishing permits']


def test_a_clause_with_no_that_after_the_person_told_is_what_was_told():
    assert contents_of("Odile Brandvold told the crowd she had been fighting for the islands her whole life.") == {
        "she had been fighting for the islands her whole life": "Odile Brandvold"}
    assert contents_of("Odile Brandvold reminded voters she had opposed the toll from the start.") == {
        "she had opposed the toll from the start": "Odile Brandvold"}


def test_a_clause_set_against_a_reported_one_by_while_with_its_own_speaker_is_not_part_of_it():
    assert contents_of("Brack said the levy protects the reef, while Dunmore said it kills tourism.") == {
        "the levy protects the reef": "Brack", "it kills tourism": "Dunmore"}
    # (the speaker's own concession stays in what was said)
    assert contents_of("Brack said the levy protects the reef, while the old levy did not.") == {
        "the levy protects the reef, while the old levy did not": "Brack"}


# ------------------------------------------------------------------ more verbs of saying and believing


def test_more_verbs_of_saying_and_believing_attribute_their_clause():
    for verb in ("underscored", "swore", "confessed", "speculated", "griped", "fumed", "crowed", "guaranteed", "clarified",
                 "texted", "emailed", "reasoned", "volunteered", "is betting", "figures", "implied", "disagreed",
                 "reaffirmed", "protested", "objected", "bemoaned", "projected"):
        text = f"Mayor Ines Abara {verb} that the tram depot would stay in Harlow."
        found = contents_of(text)
        assert list(found) == ["the tram depot would stay in Harlow"] and found["the tram depot would stay in Harlow"].endswith("Ines Abara"), text
    assert [s[-10:] for s in contents_of("The depot, Mayor Ines Abara griped, is a monument to waste.").values()] == ["Ines Abara"]


# ------------------------------------------------------------------ an infinitive coordinated past the parse


def test_a_bare_verb_after_the_and_of_an_infinitive_continues_it():
    found = statements("Mayor Tobin Oyelaran has backed the harbour plan, promising to match and in some years exceed the state's grant for the piers.")
    assert ("Tobin Oyelaran", "promising", "to match and in some years exceed the state's grant for the piers") in found


# ------------------------------------------------------------------ a clause parsed as the object, documents that read


def test_a_clause_parsed_as_the_object_of_a_speech_verb_is_what_was_said():
    for place in ("Carrow", "Tarn", "Brenn"):
        assert statements(f'In the ad, Brack says the senator has "failed {place} families."') == [
            ("Brack", "says", f'the senator has "failed {place} families')]


def test_a_document_that_reads_and_a_speaker_who_went_on_speak_their_quotation():
    assert statements('"We stand with the ferry crews," the statement reads.') == [("statement", "reads", "We stand with the ferry crews,")]
    assert statements('Varga went on: "We will build the pier, and the port will pay for it."') == [
        ("Varga", "went", "We will build the pier, and the port will pay for it.")]


# ------------------------------------------------------------------ intents and choices with an infinitive


def test_a_verb_of_intent_or_choice_attributes_its_infinitive_but_an_effort_does_not():
    for verb in ("is looking to", "chose to", "opted to", "is itching to", "is angling to"):
        text = f"Mayor Ines Abara {verb} close the tram depot before the vote."
        found = contents_of(text)
        assert list(found) == ["to close the tram depot before the vote"] and found["to close the tram depot before the vote"].endswith("Ines Abara"), text
    assert contents_of("The harbour crews tried to reach the trawler before dark.") == {}
