"""Actors, attribution and stance on short texts written for the tests: other people, countries
and issues than the seed (a trade-and-climate codebook), so nothing here is tuned to Ukraine."""

from tests.nlp_fixtures import analyse, assert_evidence_is_verbatim, rows

KENYA = (
    "Kenyan President William Ruto met reporters in Nairobi on Friday. The Kenyan president said the "
    "debt relief plan was essential. He added that Kenya would reject any austerity conditions."
)
POLAND = (
    "Poland's deputy foreign minister Jan Nowak said that Warsaw supports a carbon border tax. “We will "
    "not accept steel quotas that hurt our industry. Our mills need open markets,” Nowak told reporters.\n"
    "According to Berlin, the steel quotas are necessary."
)
BRAZIL = (
    "Brazilian Finance Minister Fernando Haddad does not support a ban on fishing in the Arctic. "
    "Will Norway accept the steel quotas? The new steel quotas are unacceptable to Ottawa."
)
SPELLING = (
    "Ukrainian President Volodymyr Zelenskyy said on Monday that Kyiv welcomes the carbon border tax. "
    "Later, Zelensky told a news conference that the Kremlin opposes tariffs on electric cars."
)
HEDGES = (
    "Mexico's economy minister Marcelo Ebrard reportedly opposes the steel quotas. Officials would not "
    "confirm that Chile wants a halt to steel tariffs. Indian officials may back the debt relief plan."
)
UNBALANCED = (
    "Swedish Prime Minister Ulf Kristersson said: “We support tariffs on electric cars. This is final.\n"
    "The Danish government rejects the carbon tax."
)


def test_titles_pronouns_and_country_from_the_mention():
    tables = analyse(KENYA)
    assert rows(tables.quotes, "speaker", "cue") == {("William Ruto", "said"), ("William Ruto", "added")}
    he = tables.quotes[tables.quotes["cue"] == "added"].iloc[0]
    assert KENYA[he.speaker_start : he.speaker_end] == "He"  # the mention the attribution rests on
    assert ("William Ruto", "Kenya", "debt_relief", "support", "stated") in rows(
        tables.stances, "actor", "country", "issue", "stance", "certainty"
    )
    assert ("Kenya", "austerity", "oppose") in rows(tables.stances, "actor", "issue", "stance")
    actors = tables.actors.set_index("actor")
    assert actors.loc["William Ruto", "country"] == "Kenya"
    assert "Kenyan president" in actors.loc["William Ruto", "aliases"]
    assert_evidence_is_verbatim(KENYA, tables)


def test_role_and_country_from_a_possessive_and_multi_sentence_quote():
    tables = analyse(POLAND)
    actors = tables.actors.set_index("actor")
    assert actors.loc["Jan Nowak", "country"] == "Poland"
    assert actors.loc["Jan Nowak", "role"].lower() == "deputy foreign minister"
    direct = tables.quotes[tables.quotes["kind"] == "direct"]
    assert len(direct) == 1  # two sentences inside one pair of quotation marks: one statement
    assert direct.iloc[0].text.startswith("We will not accept") and "open markets" in direct.iloc[0].text
    stances = rows(tables.stances, "actor", "country", "issue", "stance", "attribution")
    assert ("Jan Nowak", "Poland", "steel_quotas", "oppose", "direct") in stances  # "will not accept"
    assert ("Germany", "Germany", "steel_quotas", "support", "indirect") in stances  # "According to Berlin"
    assert ("Poland", "carbon_border_tax", "support") in rows(tables.stances, "actor", "issue", "stance")
    assert_evidence_is_verbatim(POLAND, tables)


def test_negation_of_an_inversion_questions_and_experiencers():
    tables = analyse(BRAZIL)
    stances = rows(tables.stances, "actor", "country", "issue", "stance")
    # "does not support a ban on fishing" = supports fishing (two inversions).
    assert ("Fernando Haddad", "Brazil", "arctic_fishing", "support") in stances
    # "unacceptable to Ottawa": the capital stands for Canada.
    assert ("Canada", "Canada", "steel_quotas", "oppose") in stances
    # "Will Norway accept the steel quotas?" is a question, not a stance.
    assert "Norway" not in set(tables.stances["actor"])


def test_one_person_under_two_spellings_and_metonyms():
    tables = analyse(SPELLING)
    # "Kyiv" (left untagged by the NER in this sentence) is still read as Ukraine's government.
    assert set(tables.actors["actor"]) == {"Volodymyr Zelensky", "Russia", "Ukraine"}
    assert tables.actors.set_index("actor").loc["Volodymyr Zelensky", "mentions"] == 2
    stances = rows(tables.stances, "actor", "issue", "stance", "certainty", "source")
    assert ("Volodymyr Zelensky", "carbon_border_tax", "support", "stated", "") in stances  # Kyiv = his government
    assert ("Ukraine", "carbon_border_tax", "support", "reported", "Volodymyr Zelensky") in stances
    assert ("Russia", "ev_tariffs", "oppose", "reported", "Volodymyr Zelensky") in stances  # the Kremlin


def test_hedges_and_refused_confirmation_are_unconfirmed():
    tables = analyse(HEDGES)
    stances = rows(tables.stances, "actor", "country", "issue", "stance", "certainty")
    assert ("Marcelo Ebrard", "Mexico", "steel_quotas", "oppose", "unconfirmed") in stances
    assert ("Chile", "Chile", "steel_quotas", "oppose", "unconfirmed") in stances  # "a halt to" tariffs
    assert ("India", "India", "debt_relief", "support", "unconfirmed") in stances  # "Indian officials" speak for India


def test_unbalanced_quotation_marks_do_not_break_the_article():
    tables = analyse(UNBALANCED)
    stances = rows(tables.stances, "actor", "country", "issue", "stance", "attribution")
    assert ("Ulf Kristersson", "Sweden", "ev_tariffs", "support", "direct") in stances
    # The unclosed quote ends with its paragraph: the next paragraph is narrative again.
    assert ("Denmark", "Denmark", "carbon_border_tax", "oppose", "narrative") in stances  # "the Danish government"
    assert_evidence_is_verbatim(UNBALANCED, tables)


def test_text_without_actors_or_issues_gives_empty_tables_with_columns():
    tables = analyse("The weather was mild and the markets were quiet.")
    assert tables.stances.empty and list(tables.stances.columns)[:3] == ["article_id", "sentence", "actor"]
    assert tables.quotes.empty


def test_odd_unicode_and_markup_stay_verbatim():
    text = "Norwegian officials said that Oslo backs a carbon tax \u200b<script>alert(1)</script> — ok.\u00a0$x^2$ *bold*"
    tables = analyse(text)
    assert ("Norway", "carbon_border_tax", "support") in rows(tables.stances, "actor", "issue", "stance") or (
        "Norwegian officials", "carbon_border_tax", "support") in rows(tables.stances, "actor", "issue", "stance")
    assert_evidence_is_verbatim(text, tables)


def test_an_accusation_is_the_accused_party_s_view_reported_by_the_accuser():
    # and the accuser's own stance the other way (the coding guide: blaming Chile for blocking the
    # tax is standing up for it)
    tables = analyse("Peruvian President Dina Boluarte accused Chile of blocking the carbon border tax.")
    assert rows(tables.stances, "actor", "issue", "stance", "certainty", "source") == {
        ("Chile", "carbon_border_tax", "oppose", "reported", "Dina Boluarte"),
        ("Dina Boluarte", "carbon_border_tax", "support", "stated", ""),
    }
