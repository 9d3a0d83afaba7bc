from core.extraction.quotes import find_quote_spans


def spans(text):
    return [text[s:e] for s, e in find_quote_spans(text)]


def test_curly_quotes_pair_across_sentences():
    assert spans("He said: “One. Two.” Then left.") == ["One. Two."]


def test_straight_quotes_toggle():
    assert spans('She said "yes" and "no".') == ["yes", "no"]


def test_unclosed_quote_ends_at_the_paragraph():
    text = "“We will not move.\nThe next paragraph is narrative."
    assert spans(text) == ["We will not move."]


def test_stray_closing_mark_is_ignored_and_reopening_closes_the_previous():
    assert spans("Odd ” mark. “First “Second” end.") == ["First", "Second"]


def test_doubled_apostrophes_are_a_quotation_mark():
    # Some news archives print a straight double quote as two apostrophes.
    text = "''We will not sell the mill,'' Ines Varga said. ''Not this year.'' The owners' dog barked."
    assert spans(text) == ["We will not sell the mill,", "Not this year."]
    assert spans("Lena's dog and the Olsens' cat.") == []


def test_no_quotes_and_empty_quotes():
    assert spans("No quotes here.") == []
    assert spans("Empty “” and “ ” marks.") == []


def _quote_spans_char_by_char(text):
    """The quotation rule read one character at a time (as find_quote_spans was first written):
    the reference the jumping scan must agree with."""
    from core.extraction.tokens import strip_whitespace

    spans, open_at, opener, straight_open = [], None, "", False
    closers = {"“": "”", "«": "»", "„": "“"}
    i = 0
    while i < len(text):
        ch = text[i]
        width = 2 if text.startswith("''", i) else 1
        if ch == "\n":
            if open_at is not None and i > open_at:
                spans.append((open_at, i))
            open_at, straight_open = None, False
        elif open_at is not None and not straight_open and ch == closers.get(opener):
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        elif ch in "“«„":
            if open_at is not None and i > open_at:
                spans.append((open_at, i))
            open_at, opener, straight_open = i + 1, ch, False
        elif ch == '"' or width == 2:
            if open_at is None:
                open_at, straight_open = i + width, True
            elif straight_open:
                if i > open_at:
                    spans.append((open_at, i))
                open_at, straight_open = None, False
        i += width
    if open_at is not None and len(text) > open_at:
        spans.append((open_at, len(text)))
    return [(s, e) for s, e in (strip_whitespace(text, s, e) for s, e in spans) if e > s]


def test_quote_scan_agrees_with_reading_every_character():
    # Random texts of quotation marks of every kind, apostrophes (single, doubled, tripled), line
    # breaks, spaces and words: the scan that jumps from mark to mark finds the same spans.
    import random

    rng = random.Random(20261205)
    pieces = ["“", "”", "«", "»", "„", '"', "'", "''", "'''", "\n", " ", "ab", "Kenya", ".", "\u2019"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert find_quote_spans(text) == _quote_spans_char_by_char(text), repr(text)


# ------------------------------------------------------------------ speakers (real pipeline)


def _quotes(text: str):
    from tests.nlp_fixtures import analyse

    return analyse(text, None).quotes


def test_a_headline_line_never_speaks_for_the_next_paragraph():
    text = 'Harbour vote\n\n"We will not close the harbour," the mayor of Bergen, Anna Berg, said on Monday.\n'
    [row] = list(_quotes(text).itertuples(index=False))
    assert row.speaker == "Anna Berg" and row.speaker_type == "person"
    assert text[row.speaker_start : row.speaker_end] == "Anna Berg"
    assert "vote" not in text[row.speaker_start : row.speaker_end]


def test_an_appositive_name_is_the_speaker_rather_than_the_title():
    text = '"We will not close the harbour," the mayor of Bergen, Anna Berg, said on Monday.\n'
    [row] = list(_quotes(text).itertuples(index=False))
    assert (row.speaker, row.speaker_type, row.kind, row.cue) == ("Anna Berg", "person", "direct", "said")
    assert text[row.speaker_start : row.speaker_end] == "Anna Berg"


def _found(text: str):
    return [
        (row.kind, row.cue, row.speaker, text[row.start_char : row.end_char])
        for row in _quotes(text).itertuples(index=False)
    ]


def test_intention_verb_and_adjective_attribute_their_infinitive():
    text = "Governor Paul Mensah refuses to release the audit of the port authority."
    assert _found(text) == [("indirect", "refuses", "Paul Mensah", "to release the audit of the port authority")]
    text = "Senator Laura Kim wants to expand the rail network to the northern towns."
    assert _found(text) == [("indirect", "wants", "Laura Kim", "to expand the rail network to the northern towns")]
    text = "Several council members were willing to delay the vote on the new harbour levy."
    assert ("indirect", "willing", "Several council members", "to delay the vote on the new harbour levy") in _found(text)


def test_a_noun_of_will_or_saying_belongs_to_its_owner():
    text = "Mayor Anna Berg's determination to close the harbour angered the fishing industry."
    assert _found(text) == [("indirect", "determination", "Anna Berg", "to close the harbour")]


def test_an_object_cue_keeps_the_modifiers_after_its_object():
    text = "Mayor Anna Berg issued a statement in support of the striking dock workers."
    assert _found(text) == [("indirect", "issued", "Anna Berg", "a statement in support of the striking dock workers")]
    text = "The study documented a sharp fall in river levels across the region."
    assert _found(text) == [("indirect", "documented", "study", "a sharp fall in river levels across the region")]


def test_a_wider_cue_inside_reported_content_is_not_a_second_statement():
    text = "Carla Diaz said that the committee wants to cut the school budget next year."
    assert [(k, c, s) for k, c, s, _ in _found(text)] == [("indirect", "said", "Carla Diaz")]


def test_told_an_audience_that_is_a_clause_even_when_parsed_as_a_relative_clause():
    text = "On Monday, Governor Paul Mensah told a meeting of farmers that the drought would end soon."
    assert ("indirect", "told", "Paul Mensah", "the drought would end soon") in _found(text)


def test_a_quotation_in_doubled_apostrophes_is_a_direct_quote_with_its_speaker():
    text = "''The mill will stay open through the winter,'' Ines Varga said on Tuesday. ''After that, we will see.''"
    [(kind, cue, speaker, content)] = _found(text)
    assert (kind, cue, speaker) == ("direct", "said", "Ines Varga")
    assert content.startswith("The mill will stay open") and content.endswith("we will see.")


def test_verbs_of_blame_repudiation_and_resistance_attribute_their_object():
    assert _found("Senator Erik Lindqvist often blames Norway for taking Swedish jobs.") == [
        ("indirect", "blames", "Erik Lindqvist", "Norway for taking Swedish jobs")
    ]
    assert _found("Mr. Okafor has repudiated decades of party support for the fishing tax.") == [
        ("indirect", "repudiated", "Okafor", "decades of party support for the fishing tax")
    ]
    assert _found("The fishing unions long resisted such quotas in the northern waters.") == [
        ("indirect", "resisted", "fishing unions", "such quotas in the northern waters")
    ]


def test_authors_and_a_leadership_can_hold_a_finding_or_a_fear():
    text = "The authors found that farmers in the hardest hit valleys tended to vote for more extreme candidates."
    assert [(k, c, s) for k, c, s, _ in _found(text)] == [("indirect", "found", "authors")]
    text = "The Norwegian party leadership fears that sweeping closures could kindle protests in the north."
    assert _found(text) == [
        ("indirect", "fears", "Norwegian party leadership", "sweeping closures could kindle protests in the north")
    ]


def test_a_word_of_attitude_after_a_copula_attributes_its_prepositional_object():
    assert _found("Anna Berg is a fervent supporter of Paul Mensah.") == [
        ("indirect", "supporter", "Anna Berg", "Paul Mensah")
    ]
    assert _found("Some farmers have been sympathetic to free trade arguments.") == [
        ("indirect", "sympathetic", "farmers", "free trade arguments")
    ]
    assert _found("Mr. Okafor, like most economists, is still persuaded of the benefits that trade confers.") == [
        ("indirect", "persuaded", "Okafor", "the benefits that trade confers")
    ]
    # Not after a copula, or not the listed preposition: no statement.
    assert _found("Supporters of Paul Mensah marched through Bergen on Sunday.") == []
    assert _found("The harbour is open to the public and critical to the town.") == []


def test_a_lone_quote_after_narrative_in_the_same_paragraph_continues_the_quote_before():
    text = "''We will keep the mill open,'' said Ines Varga, smiling. She has run it for twenty years. ''Nobody here wants to leave.''"
    [(kind, cue, speaker, content)] = _found(text)
    assert (kind, cue, speaker) == ("direct", "said", "Ines Varga")
    assert content.startswith("We will keep") and content.endswith("wants to leave.")
    # A reported statement does not run on into a later quote.
    found = _found("The levy is fair, Mr. Okafor said. ''Nobody here wants to leave the valley.''")
    assert [(k, c) for k, c, _, _ in found] == [("indirect", "said"), ("direct", "")]
    # Nor past narrative into the next paragraph.
    text = "''We will keep the mill open,'' said Ines Varga. She smiled.\n\n''Nobody in the valley wants to leave.''"
    assert len(_found(text)) == 2


def test_continued_is_a_speech_verb():
    text = "''The quota is not the only problem,'' Erik Lindqvist continued, ''but it is the biggest one.''"
    [(kind, cue, speaker, _)] = _found(text)
    assert (kind, cue, speaker) == ("direct", "continued", "Erik Lindqvist")


def test_a_doubled_apostrophe_after_a_sentence_end_starts_a_sentence():
    from tests.nlp_fixtures import nlp

    text = "Her pay is lower.\n\n''I think it will be hard,'' Ms. Varga said. ''You have to be lucky to find one.''"
    sentences = [s.text.strip() for s in nlp()(text).sents]
    assert sentences[-1] == "''You have to be lucky to find one.''"
    assert sentences[-2] == "''I think it will be hard,'' Ms. Varga said."


def test_nouns_of_complaint_documents_as_holders_and_seeking():
    assert _found("Anna Berg's complaints that the quota was unfair angered the board.") == [
        ("indirect", "complaints", "Anna Berg", "the quota was unfair")
    ]
    assert _found("The new fishing accord calls on all coastal states to cut their catch by a third.") == [
        ("indirect", "calls", "new fishing accord", "all coastal states to cut their catch by a third")
    ]
    assert _found("Governor Paul Mensah is seeking approval of the harbour levy.") == [
        ("indirect", "seeking", "Paul Mensah", "approval of the harbour levy")
    ]


def test_a_verb_of_appearance_or_a_passive_of_expectation_is_a_view_without_a_source():
    assert _found("About one in five farmers in the valley is expected to leave the cooperative.") == [
        ("indirect", "expected", "", "one in five farmers in the valley is expected to leave the cooperative")
    ]
    assert _found("The new harbour appears to be losing money for the third year in a row.") == [
        ("indirect", "appears", "", "The new harbour appears to be losing money for the third year in a row")
    ]
    assert _found("She appears ready, moreover, to use tariffs to deter the currency games of Norway.") == [
        ("indirect", "appears", "", "She appears ready, moreover, to use tariffs to deter the currency games of Norway")
    ]
    assert _found("It seems that the mill will close before the winter.") == [
        ("indirect", "seems", "", "that the mill will close before the winter")
    ]
    # Active "expects" has a holder; "appeared" without a complement reports no view; inside a
    # reported statement it is part of that statement.
    assert _found("Ms. Kim expects to win the vote in the northern towns.") == [
        ("indirect", "expects", "Kim", "to win the vote in the northern towns")
    ]
    assert _found("Ms. Kim appeared at the hearing with her lawyer.") == []
    assert [(k, c, s) for k, c, s, _ in _found("Mr. Okafor said the levy seems likely to pass in the spring.")] == [
        ("indirect", "said", "Okafor")
    ]


def test_a_cue_verb_coordinated_with_the_reported_clause_is_a_second_statement_of_the_speaker():
    # The parser hangs "called"/"considers" on the reported clause; their tense is the reporting
    # verb's, and they have no subject of their own: a second statement, not part of the first.
    assert _found("Mr. Okafor said he had fought three floods as mayor and called it the hardest part of the job.") == [
        ("indirect", "said", "Okafor", "he had fought three floods as mayor"),
        ("indirect", "called", "Okafor", "it the hardest part of the job"),
    ]
    text = "Ms. Kim says she will not vote for the levy and considers it a tax on fishermen."
    assert _found(text) == [
        ("indirect", "says", "Kim", "she will not vote for the levy"),
        ("indirect", "considers", "Kim", "it a tax on fishermen"),
    ]
    # The speaker mention is the reporting verb's subject, not the clause's pronoun.
    second = _quotes(text).iloc[1]
    assert text[second.speaker_start : second.speaker_end] == "Kim"
    # Coordinated clauses with their own subjects stay one statement; so does a clause in the
    # reporting verb's tense about someone else, who may have done both.
    assert _found("Ms. Kim said the mill would close and the workers would leave the valley.") == [
        ("indirect", "said", "Kim", "the mill would close and the workers would leave the valley")
    ]
    assert _found("Mr. Okafor said the board had met on Monday and announced a new plan for the harbour.") == [
        ("indirect", "said", "Okafor", "the board had met on Monday and announced a new plan for the harbour")
    ]
    assert _found("Ms. Kim said she had visited the harbour and praised the new pier.") == [
        ("indirect", "said", "Kim", "she had visited the harbour"),
        ("indirect", "praised", "Kim", "the new pier"),
    ]


def test_a_finding_or_a_learning_set_off_after_what_was_found():
    text = ("Even more striking, perhaps, is that most of the timber sold in the north comes from illegal logging, "
            "the Nordic Forest Institute found.")
    assert _found(text) == [(
        "indirect", "found", "Nordic Forest Institute",
        "Even more striking, perhaps, is that most of the timber sold in the north comes from illegal logging",
    )]
    assert _found("The mayor of Bergen will resign next month, the Bergen Courier has learned.") == [
        ("indirect", "learned", "Bergen Courier", "The mayor of Bergen will resign next month")
    ]
    assert _found("The Nordic Forest Institute has calculated that the logging ban may save only a tenth of the forest.") == [
        ("indirect", "calculated", "Nordic Forest Institute", "the logging ban may save only a tenth of the forest")
    ]


def test_an_object_cue_takes_a_gerund_object():
    assert _found("Ms. Kim has proposed raising the fishing levy for foreign trawlers.") == [
        ("indirect", "proposed", "Kim", "raising the fishing levy for foreign trawlers")
    ]
    assert _found("The dock workers resented being told to work through the holidays.") == [
        ("indirect", "resented", "dock workers", "being told to work through the holidays")
    ]


def test_according_to_inside_a_relative_clause_vouches_for_that_clause():
    assert _found("The levy was unfair, which it often is, according to Mr. Okafor.") == [
        ("according_to", "according to", "Okafor", "which it often is")
    ]
    text = "The mayor gives long answers about why the other side must be wrong - which it often is, according to Ms. Kim."
    assert _found(text) == [("according_to", "according to", "Kim", "which it often is")]
    # Hanging on the main clause, it still vouches for the whole sentence.
    assert _found("The levy, according to Mr. Okafor, was unfair to the fishermen.") == [
        ("according_to", "according to", "Okafor", "The levy, according to Mr. Okafor, was unfair to the fishermen")
    ]


def test_pushing_for_an_aim_and_alluding_to_a_subject():
    assert _found("Several coastal states are pushing to make the fishing accord binding next year.") == [
        ("indirect", "pushing", "Several coastal states", "to make the fishing accord binding next year")
    ]
    assert _found("The minister alluded to the importance of the vote during a meeting with reporters.") == [
        ("indirect", "alluded", "minister", "the importance of the vote during a meeting with reporters")
    ]


def test_a_relative_clause_aside_with_its_own_cue_is_not_part_of_the_reported_clause():
    text = "She says she plans to vote for Senator Paul Mensah of Ghana, who similarly blasts the fishing levy, but from the right."
    assert [(k, c, t) for k, c, _, t in _found(text)] == [
        ("indirect", "says", "she plans to vote for Senator Paul Mensah of Ghana"),
        ("indirect", "blasts", "the fishing levy"),
    ]
    assert _found(text)[1][2] == "Paul Mensah"
    # An aside without a cue, or one in the middle of the clause, stays in it.
    assert _found("Ms. Kim said she would back Mr. Okafor, who grew up in the valley.") == [
        ("indirect", "said", "Kim", "she would back Mr. Okafor, who grew up in the valley")
    ]
    assert _found("Ms. Kim said the harbour, which opened in May, had lost money.") == [
        ("indirect", "said", "Kim", "the harbour, which opened in May, had lost money")
    ]


def test_a_naming_verb_with_the_name_in_apposition_and_an_object_cue_without_its_date():
    text = 'Compare that with Okafor, who has called the new fishing pact "a disaster," and Kim.'
    assert [(k, c, s) for k, c, s, _ in _found(text)] == [("indirect", "called", "Okafor")]
    assert _found(text)[0][3].startswith("the new fishing pact") and "disaster" in _found(text)[0][3]
    # When it was said is the writer's, and so is what follows it.
    assert _found("Mr. Okafor stressed those worries on Sunday at a university forum in Bergen.") == [
        ("indirect", "stressed", "Okafor", "those worries")
    ]
    assert _found("Mayor Anna Berg issued a statement in support of the striking dock workers.") == [
        ("indirect", "issued", "Anna Berg", "a statement in support of the striking dock workers")
    ]


def test_an_object_cue_takes_a_single_noun_object_but_not_a_pronoun():
    assert _found("Mr. Okafor did not suggest retaliation.") == [("indirect", "suggest", "Okafor", "retaliation")]
    assert _found("Mr. Okafor did not suggest it.") == []


def test_a_reported_clause_stays_on_the_line_of_its_cue():
    # A headline and its second line, or a headline and the first paragraph, that the sentence
    # splitter ran together.
    text = "Norway rebuts Swedish criticism on fishing quotas; \nInvestment, minister says, helped the northern towns after the 2008 crisis.\n\nThe talks ended on Monday.\n"
    found = _found(text)
    assert ("indirect", "rebuts", "Norway", "Swedish criticism on fishing quotas") in found
    assert [t for k, c, s, t in found if c == "says"] == ["Investment, minister says, helped the northern towns after the 2008 crisis"]
    text = "Northern Lawmakers Rip Paul Mensah As A 'Dangerous Fraud.'\n\nBERGEN - The levy is an insult to all fishermen, northern lawmakers said Friday.\n"
    # (the title-case headline is a statement of its own, on its own line)
    assert [(c, t) for k, c, s, t in _found(text)] == [
        ("Rip", "Paul Mensah As A 'Dangerous Fraud.'"), ("said", "BERGEN - The levy is an insult to all fishermen")]


def test_not_responding_to_a_request_for_comment_is_an_attribution():
    assert _found("The harbour board did not respond to a request for comment.") == [
        ("indirect", "respond", "harbour board", "a request for comment")
    ]


def test_a_judgment_in_the_passive_belongs_to_its_agent_or_to_no_one_named():
    assert _found("He has been harshly criticized for policies that fishermen see as abuses of power.") == [
        ("indirect", "criticized", "", "He has been harshly criticized for policies that fishermen see as abuses of power")
    ]
    assert _found("The harbour levy was praised by the dock unions as a fair deal for the north.") == [
        ("indirect", "praised", "dock unions", "The harbour levy was praised by the dock unions as a fair deal for the north")
    ]
    # Nothing said of the subject, or a relative clause describing it: no statement.
    assert _found("Ms. Kim was criticized.") == []
    assert _found("The levy, which was criticized for years, will end in May.") == []


def test_an_object_cue_takes_an_embedded_question_and_a_noun_cue_its_infinitive():
    assert _found("Mr. Okafor discussed how the new quotas could ruin the northern towns.") == [
        ("indirect", "discussed", "Okafor", "how the new quotas could ruin the northern towns")
    ]
    found = _found("Ms. Kim sounded a call for the northern states to accept more refugees on Monday as she issued a statement.")
    assert ("indirect", "call", "Kim", "the northern states to accept more refugees") in found


def test_a_participle_cue_speaks_for_the_noun_it_modifies():
    text = "So far, fishing has received little attention in the debates, aside from the candidates debating whether the problem exists."
    assert _found(text) == [("indirect", "debating", "candidates", "whether the problem exists")]


def test_voting_to_act_and_agreeing_to_a_deal():
    assert _found("The harbour board voted 5 to 4 in March to stall the new pier.") == [
        ("indirect", "voted", "harbour board", "to stall the new pier")
    ]
    assert _found("The dock union agreed in 2011 to a two-tier wage system for new hires.") == [
        ("indirect", "agreed", "dock union", "a two-tier wage system for new hires")
    ]



def test_a_statement_with_no_source_leaves_the_stance_to_the_subject():
    from core.knowledge.codebook import codebook_from_dict
    from tests.nlp_fixtures import stance_triples

    codebook = codebook_from_dict(
        {"name": "t", "issues": [{"id": "fishing_levy", "label": "Fishing levy", "patterns": [r"\bfishing\s+levy\b"]}]}, "t"
    )
    text = "Norway appears to support the fishing levy."
    assert _found(text) == [("indirect", "appears", "", "Norway appears to support the fishing levy")]
    assert stance_triples(text, codebook) == {("Norway", "fishing_levy", "support")}
    text = "The fishing levy was criticized by Chile as a burden on the north."
    assert [(c, s) for _, c, s, _ in _found(text)] == [("criticized", "Chile")]
    assert stance_triples(text, codebook) == {("Chile", "fishing_levy", "oppose")}
