"""One test per stance / actor rule, on sentences written for the tests about other countries,
people and issues (a small trade-and-climate codebook), so nothing here is tuned to Ukraine."""

from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import codebook_from_dict
from tests.nlp_fixtures import assert_evidence_is_verbatim, nlp, rows

CODEBOOK = codebook_from_dict(
    {
        "name": "Trade and climate (rule tests)",
        "issues": [
            {"id": "carbon_tax", "label": "Carbon tax", "patterns": [r"\bcarbon\s+(?:border\s+)?tax\b"]},
            {"id": "steel_quotas", "label": "Steel quotas", "patterns": [r"\bsteel\s+quotas\b"]},
            {"id": "arctic_fishing", "label": "Arctic fishing", "patterns": [r"\bfishing\s+in\s+the\s+Arctic\b"]},
            {"id": "debt_relief", "label": "Debt relief", "patterns": [r"\bdebt\s+relief\b"]},
            {"id": "austerity", "label": "Austerity", "patterns": [r"\bausterity\b"]},
        ],
    },
    "rule-test codebook",
)


def analyse(text: str):
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=CODEBOOK, scorer=None)
    assert_evidence_is_verbatim(text, tables)
    return tables


def stances(text: str, *columns: str) -> set[tuple]:
    return rows(analyse(text).stances, *(columns or ("actor", "issue", "stance")))


def test_phrasal_verbs_from_the_lexicon():
    # "rule out" is listed as one oppose predicate; plain "rule" carries nothing.
    assert ("Norway", "carbon_tax", "oppose") in stances("Norway ruled out a carbon tax on Monday.")
    assert ("Japan", "steel_quotas", "oppose") in stances("Japan backed away from the steel quotas last year.")


def test_new_support_and_oppose_predicates():
    assert ("Chile", "steel_quotas", "support") in stances("Chile imposed steel quotas in March.")
    assert ("Peru", "carbon_tax", "support") in stances("Peru is open to a carbon tax.")
    assert ("Canada", "steel_quotas", "oppose") in stances("Canada eased steel quotas this spring.")


def test_threatening_with_an_issue_supports_it():
    found = stances("Brazil threatened Argentina with steel quotas if it does not cut its exports.")
    assert ("Brazil", "steel_quotas", "support") in found
    assert ("Brazil", "steel_quotas", "oppose") not in found


def test_a_clause_dating_a_future_event_carries_no_stance():
    assert stances("Until the carbon tax is approved, Norway will keep its old levies.") == set()


def test_a_past_adverbial_clause_keeps_its_own_holder():
    found = stances("Peru protested loudly after Chile rejected the carbon tax.")
    assert ("Chile", "carbon_tax", "oppose") in found
    assert not any(actor == "Peru" for actor, _, _ in found)


def test_an_indirect_question_carries_no_stance():
    assert stances("Mexico questioned how the carbon tax would be collected.") == set()
    assert stances("Mexican officials asked whether the carbon tax would be collected at the border.") == set()


def test_object_relative_clause_gives_its_subject_a_view():
    found = stances("Talks stalled over the steel quotas, which Japan rejected.")
    assert ("Japan", "steel_quotas", "oppose") in found


def test_a_relative_clause_ends_at_its_antecedent():
    # The view is the antecedent's (Canada), never the main clause's subject's owner ("Her").
    found = stances(
        "Mexican President Claudia Sheinbaum spoke on Monday. Her remarks drew a cold response from Canada, "
        "which has threatened Mexico with steel quotas."
    )
    assert ("Canada", "steel_quotas", "support") in found
    assert not any(actor == "Claudia Sheinbaum" for actor, _, _ in found)


def test_a_condition_is_what_the_holder_asks_for():
    found = stances("Japan made the trade pact conditional on a ban on fishing in the Arctic.")
    assert ("Japan", "arctic_fishing", "oppose") in found  # it asks for a ban


def test_demands_rejected_after_a_dash_rename_the_list_before_it():
    found = stances(
        "Chile has tied the trade pact to a cut in steel quotas and a ban on fishing in the Arctic — "
        "demands rejected by Peru and its allies."
    )
    # Peru rejects a cut in quotas (so backs the quotas) and a ban on fishing (so backs fishing).
    assert ("Peru", "steel_quotas", "support") in found
    assert ("Peru", "arctic_fishing", "support") in found
    assert ("Peru allies", "steel_quotas", "support") in found


def test_a_speaker_holds_their_own_government_s_view_too():
    found = stances(
        "Kenyan President William Ruto said on Friday that Nairobi backs debt relief.",
        "actor", "issue", "stance", "certainty", "source",
    )
    assert ("William Ruto", "debt_relief", "support", "stated", "") in found
    assert ("Kenya", "debt_relief", "support", "reported", "William Ruto") in found


def test_a_foreign_government_in_the_statement_is_not_the_speaker_s_view():
    found = stances("Kenyan President William Ruto said on Friday that Ethiopia rejects debt relief.")
    assert ("Ethiopia", "debt_relief", "oppose") in found
    assert not any(actor == "William Ruto" for actor, _, _ in found)


def test_the_generic_leader_title_and_his_country():
    tables = analyse(
        "Kenyan President William Ruto arrived in Paris on Monday. The Kenyan leader said his country "
        "rejects austerity."
    )
    found = rows(tables.stances, "actor", "issue", "stance", "source")
    assert ("Kenya", "austerity", "oppose", "William Ruto") in found
    assert ("William Ruto", "austerity", "oppose", "") in found
    assert set(tables.quotes["speaker"]) == {"William Ruto"}


def test_a_name_takes_no_country_from_a_coordinated_neighbour():
    tables = analyse("A meeting between Donald Trump and Kenyan President William Ruto ended early.")
    actors = tables.actors.set_index("actor")
    assert actors.loc["William Ruto", "country"] == "Kenya"
    assert actors.loc["William Ruto", "role"] == "President"


def test_an_owner_s_title_is_not_the_envoy_s_role():
    tables = analyse("Kenyan President William Ruto's special envoy Amina Mohamed flew to Addis Ababa.")
    actors = tables.actors.set_index("actor")
    assert actors.loc["Amina Mohamed", "country"] == "Kenya"
    assert actors.loc["Amina Mohamed", "role"].lower() == "special envoy"


def test_a_leader_s_administration_is_the_country_s_government():
    found = stances("The Trump administration rejects the carbon tax.", "actor", "actor_type", "issue", "stance")
    assert ("United States", "government", "carbon_tax", "oppose") in found


def test_a_proposal_is_a_position_only_for_its_owner():
    assert stances("Doubts grew in Oslo about the proposal for a carbon tax.") == set()
    assert ("Norway", "carbon_tax", "support") in stances("Norway's proposal for a carbon tax was debated.")


def test_a_participle_inversion_turns_the_issue_around():
    found = stances("Brazil conditioned its exports on the EU lifting steel quotas.")
    assert ("Brazil", "steel_quotas", "oppose") in found


def test_a_narrative_pronoun_after_a_statement_is_its_speaker():
    found = stances(
        "Chilean Foreign Minister Alberto van Klaveren said on Monday that President Gabriel Boric's order "
        "to expand fishing was being carried out. He has accused Peru of blocking the steel quotas.",
        "actor", "issue", "stance", "source",
    )
    assert ("Peru", "steel_quotas", "oppose", "Alberto van Klaveren") in found


def test_a_participial_side_clause_keeps_its_own_polarity():
    # The main verb's "reject" is about the plan, not about the quotas the side clause asks for.
    found = stances("Japan rejected the plan, calling for steel quotas.")
    assert found == {("Japan", "steel_quotas", "support")}
    # Without a cue of its own, a side clause says nothing about its issue.
    assert stances("Chile and Peru agreed to a deal, indicating the road to a carbon tax will be long.") == set()
