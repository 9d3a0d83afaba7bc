import pytest

from core.knowledge.codebook import CodebookError, codebook_from_dict, load_codebook
from tests.nlp_fixtures import TRADE_CODEBOOK

DEFAULT_IDS = {
    "peace_talks", "ceasefire", "energy_strike_pause", "black_sea_ceasefire", "sanctions_on_russia",
    "territory_recognition", "asset_division", "mobilization_limits", "western_military_aid",
    "foreign_troops_in_ukraine", "ukraine_nato_membership", "ukraine_neutrality", "security_guarantees",
    "minerals_deal",
}


def test_default_codebook_has_the_negotiation_issues_with_descriptions():
    codebook = load_codebook()
    assert set(codebook.ids) == DEFAULT_IDS
    for issue in codebook.issues:
        assert issue.label and "Support" in issue.description and issue.patterns


def test_longest_match_wins_over_a_shorter_overlapping_one():
    codebook = load_codebook()
    text = "Both sides agreed to a Black Sea ceasefire and a 30-day ceasefire."
    found = [(m.issue, text[m.start_char : m.end_char]) for m in codebook.find(text)]
    assert found == [("black_sea_ceasefire", "Black Sea ceasefire"), ("ceasefire", "30-day ceasefire")]


def test_two_overlapping_phrasings_of_one_issue_are_one_match():
    """"wage-subsidy relief" with the terms "wage subsidy" and "subsidy relief" names the issue once
    (were "wage-subsidy" kept alone, "relief" would be read as undoing it); a shorter match of
    another issue inside a longer one stays out, as before."""
    codebook = codebook_from_dict({"issues": [
        {"id": "wage_relief", "label": "Wage-subsidy relief", "terms": ["wage subsidy", "subsidy relief"]},
        {"id": "relief_fund", "label": "Relief fund", "terms": ["relief"]},
    ]})
    text = "Lawmakers rejected the wage-subsidy relief package on Friday."
    found = [(m.issue, text[m.start_char : m.end_char]) for m in codebook.find(text)]
    assert found == [("wage_relief", "wage-subsidy relief")]


def test_match_offsets_shift_with_the_sentence_offset():
    codebook = load_codebook(TRADE_CODEBOOK)
    (match,) = codebook.find("A carbon tax now.", offset=100)
    assert (match.issue, match.start_char, match.end_char) == ("carbon_border_tax", 102, 112)


@pytest.mark.parametrize(
    "sentence, issue, words",
    [
        ("Helsinki proposed to pause fighting along the whole front.", "ceasefire", "pause fighting"),
        ("The envoy asked both armies to halt all hostilities by Friday.", "ceasefire", "halt all hostilities"),
        ("Ankara urged both navies to stop using military force in the Black Sea.", "black_sea_ceasefire",
         "stop using military force in the Black Sea"),
        ("The deal would end attacks against energy plants on both sides.", "energy_strike_pause", "end attacks against energy"),
        ("Ottawa has sent security assistance to Kyiv since 2014.", "western_military_aid", "security assistance"),
        ("Moscow insists that Ukraine remain neutral.", "ukraine_neutrality", "remain neutral"),
        ("Ankara offered to host direct talks next month.", "peace_talks", "direct talks"),
        ("Oslo said it was ready to negotiate with Moscow.", "peace_talks", "negotiate with Moscow"),
    ],
)
def test_the_default_codebook_knows_plain_wordings_of_its_issues(sentence, issue, words):
    # Wordings an analyst would expect the codebook to know without a regular expression of their own.
    found = [(m.issue, sentence[m.start_char : m.end_char]) for m in load_codebook().find(sentence)]
    assert (issue, words) in found


@pytest.mark.parametrize(
    "sentence, issue, words",
    [
        # wordings added from the Ukraine read set (2026-12-04, sixth session), with other speakers
        ("Oslo called for international recognition of Crimea as Russian.", "territory_recognition", "international recognition of Crimea"),
        ("Vilnius said it would not lift a single sanction.", "sanctions_on_russia", "single sanction"),
        ("Warsaw backed the 18th package.", "sanctions_on_russia", "18th package"),
        ("Riga said Kyiv must not hand over the rest of the Donetsk region.", "territory_recognition", "hand over the rest of the Donetsk region"),
        ("Ankara proposed to freeze the conflict along the current front lines.", "ceasefire", "freeze the conflict along the current front lines"),
        ("Both sides would stop hitting energy targets.", "energy_strike_pause", "stop hitting energy targets"),
        ("Prague rejected limits on the size of Ukraine's army.", "mobilization_limits", "limits on the size of Ukraine's army"),
        ("Ottawa restarted the flow of weapons and intelligence.", "western_military_aid", "flow of weapons"),
        ("Madrid backed a European military presence after a truce.", "foreign_troops_in_ukraine", "European military presence"),
        ("Rome proposed a clause modelled on NATO's Article 5.", "security_guarantees", "NATO's Article 5"),
        ("Oslo welcomed Ankara's offer of talks.", "peace_talks", "talks"),
    ],
)
def test_the_default_codebook_knows_the_ukraine_read_sets_wordings(sentence, issue, words):
    found = [(m.issue, sentence[m.start_char : m.end_char]) for m in load_codebook().find(sentence)]
    assert (issue, words) in found


@pytest.mark.parametrize(
    "sentence",
    [
        # the same patterns on other subjects (a code reviewer's cases): no issue of the negotiations
        "Tokyo praised the US military presence in Japan.",
        "The army cut ties with the militia.",
        "Kyiv condemned the supply of North Korean weapons to Russia.",
        "Farmers criticised EU restrictions on Ukrainian grain.",
        "Regulators approved a comprehensive settlement with the bank.",
        "Article 5 of the constitution forbids it.",
        "The bank extended loan guarantees for Ukraine.",
        "Belarus will stay with Russia.",
        "The 2nd package of aid arrived.",
    ],
)
def test_the_default_codebooks_new_wordings_stay_on_their_subject(sentence):
    assert load_codebook().find(sentence) == []


def test_force_in_the_black_sea_is_the_issue_only_when_it_stops():
    assert load_codebook().find("The fleet kept using force in the Black Sea.") == []


def test_a_sentence_searched_again_reuses_its_matches_at_any_offset(monkeypatch):
    # The rules, the candidates and the uncoded-sentence report all look for issues in every
    # sentence: each sentence's patterns run once, and the remembered matches are shifted.
    from core.knowledge import codebook as codebook_module
    from core.knowledge.patterns import BoundedPattern

    codebook = load_codebook(TRADE_CODEBOOK)
    searches = []
    real = BoundedPattern.finditer
    monkeypatch.setattr(BoundedPattern, "finditer", lambda self, text, **kw: searches.append(text) or real(self, text, **kw))
    first = codebook.find("Lisbon backs a carbon tax.")
    ran = len(searches)
    again = codebook.find("Lisbon backs a carbon tax.", offset=50)
    assert ran > 0 and len(searches) == ran  # no pattern ran the second time
    assert [(m.issue, m.start_char + 50, m.end_char + 50) for m in first] == [(m.issue, m.start_char, m.end_char) for m in again]
    assert first and first[0].issue == "carbon_border_tax"

    monkeypatch.setattr(codebook_module, "FOUND_CACHE_SIZE", 3)
    for n in range(10):
        assert codebook.find(f"Sentence {n} about steel quotas.")[0].issue == "steel_quotas"
        assert len(codebook._found) <= 3  # bounded: a long corpus does not grow it without end


def test_another_codebook_for_another_subject():
    codebook = load_codebook(TRADE_CODEBOOK)
    assert "ev_tariffs" in codebook.ids and "ceasefire" not in codebook.ids
    assert codebook.label("steel_quotas") == "Steel quotas"
    assert codebook.digest and codebook.digest != load_codebook().digest


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "issues"),
        ({"issues": [{"label": "x", "patterns": ["a"]}]}, "no 'id'"),
        ({"issues": [{"id": "Bad Id", "patterns": ["a"]}]}, "a-z"),
        ({"issues": [{"id": "a", "patterns": ["x"]}, {"id": "a", "patterns": ["y"]}]}, "twice"),
        ({"issues": [{"id": "a", "patterns": ["("]}]}, "pattern '\\(' is refused: it is not a valid regular expression"),
        ({"issues": [{"id": "a", "patterns": [r"\b(o|oo)+$"]}]}, "issue 'a': pattern .* is refused: it is too slow"),
        ({"issues": [{"id": "a"}]}, "no patterns"),
    ],
)
def test_bad_codebooks_say_what_to_fix(data, message):
    with pytest.raises(CodebookError, match=message):
        codebook_from_dict(data)


def test_unreadable_codebook_file(tmp_path):
    bad = tmp_path / "cb.yaml"
    bad.write_text("issues: [unclosed", encoding="utf-8")
    with pytest.raises(CodebookError, match="not a valid YAML"):
        load_codebook(bad)
    with pytest.raises(CodebookError, match="cannot be read"):
        load_codebook(tmp_path / "missing.yaml")


def test_a_pattern_switched_off_later_no_longer_matches_remembered_sentences(monkeypatch):
    from core.knowledge.patterns import BoundedPattern

    codebook = load_codebook(TRADE_CODEBOOK)
    assert codebook.find("A carbon tax now.")[0].issue == "carbon_border_tax"  # remembered
    real = BoundedPattern.finditer

    def times_out(self, text, **kw):
        if "carbon" in self.pattern and "slow" in text:
            self._timed_out()  # what a search that runs out of time does
            return iter(())
        return real(self, text, **kw)

    monkeypatch.setattr(BoundedPattern, "finditer", times_out)
    codebook.find("A slow sentence about a carbon tax.")
    assert all(m.issue != "carbon_border_tax" for m in codebook.find("A carbon tax now."))
