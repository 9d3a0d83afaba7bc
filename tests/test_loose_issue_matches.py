"""Issues named otherwise than the codebook's patterns and terms say (issue 13, failure class 8):
an issue's own words close together, in any order and form, among them the head of its label
(core.knowledge.issue_words, core.extraction.issue_matches). Codebooks and sentences are written
for these tests: other names, countries and subjects than the evaluation articles."""

from __future__ import annotations

import pytest

from core.extraction.candidates import CandidateFinder
from core.extraction.issue_matches import loose_matches, sentence_matches
from core.extraction.scorer import features_of
from core.knowledge.codebook import codebook_from_dict
from core.knowledge.issue_words import issue_words, pattern_phrases
from tests.nlp_fixtures import nlp, stance_triples

CODEBOOK = codebook_from_dict({
    "name": "Loose-match test codebook",
    "issues": [
        {"id": "troop_pullback", "label": "Troop withdrawal", "description": "Support = troops are withdrawn.",
         "terms": ["troop withdrawal", "withdrawal of forces"]},
        {"id": "detainee_swap", "label": "Detainee exchange", "description": "Support = detainees are exchanged.",
         "terms": ["detainee exchange", "prisoner exchange"]},
        {"id": "salmon_quota", "label": "Limits on salmon fishing", "description": "Support = salmon catches are limited.",
         "patterns": [r"\bsalmon\s+(?:catch\s+)?(?:quotas?|limits?)\b", r"\blimits?\s+on\s+salmon\s+(?:fishing|catches)\b"]},
        {"id": "rail_fares", "label": "Rail fare cap", "description": "Support = rail fares are capped.",
         "terms": ["rail fare cap", "cap on rail fares"]},
    ],
})


def _loose(text: str, codebook=CODEBOOK) -> list[tuple[str, str]]:
    doc = nlp()(text)
    return [(m.issue, text[m.start_char:m.end_char]) for s in doc.sents
            for m in sentence_matches(codebook, s, doc._.actor_resolver) if m.loose]


# ------------------------------------------------------------------------------------ the words


def test_a_pattern_spells_out_its_phrases():
    assert pattern_phrases(r"\bexit\s+tax\b") == [["exit", "tax"]]
    assert [" ".join(p) for p in pattern_phrases(r"\bsalmon\s+(?:catch\s+)?limits?\b")] == [
        "salmon limit", "salmon limits", "salmon catch limit", "salmon catch limits"]
    assert pattern_phrases(r"(?<=\b(?:wants?|seeks?)\s+)peace\b") == [["peace"]]  # the lookbehind is context
    assert pattern_phrases(r"\bglobali[sz]ation\b") == [["globalisation"]]  # a class of letters keeps the word whole
    assert pattern_phrases(r"\b(?:paus|halt)\w*\s+talks\b") == [["talks"], ["talks"]]  # a word cut short is left out
    assert pattern_phrases(r"\bZürich\s+curfew\b") == [["Zürich", "curfew"]]  # letters of any alphabet
    assert pattern_phrases(r"(?:ab|cd)\s" * 12) == []  # more than MAX_PHRASES phrases: none


def test_an_issue_has_the_phrasings_of_its_terms_label_and_patterns():
    words = issue_words(CODEBOOK.issues, frozenset({"of", "on"}))
    assert frozenset({"withdraw", "forc"}) in words.phrasings["troop_pullback"]  # the term "withdrawal of forces"
    assert frozenset({"limit", "salmon", "fish"}) in words.phrasings["salmon_quota"]  # the label
    assert frozenset({"salmon", "catch", "quota"}) in words.phrasings["salmon_quota"]  # a pattern's phrase
    assert all(len(p) >= 2 for ps in words.phrasings.values() for p in ps)  # one word is no phrasing
    assert words.named("rail_fares", {"rail", "fare", "cap"}) and not words.named("rail_fares", {"fare", "cap"})


# ------------------------------------------------------------------------------------ matching


@pytest.mark.parametrize("text, issue, words", [
    ("Hanoi said it would withdraw its troops from the border villages.", "troop_pullback", "withdraw its troops"),
    ("The militia offered to exchange detainees with the army before the talks.", "detainee_swap", "exchange detainees"),
    ("The minister promised to limit salmon catches in the northern fjords.", "salmon_quota", "limit salmon catches"),
    ("Commuter groups urged the mayor to cap fares on rail lines.", "rail_fares", "cap fares on rail"),
    ("The council wants the salmon quotas cut, and catch limits for salmon kept.", "salmon_quota", "catch limits for salmon"),
])
def test_an_issue_worded_otherwise_is_found(text, issue, words):
    assert _loose(text) == [(issue, words)]


@pytest.mark.parametrize("text", [
    "Salmon fishing is the main trade of the northern fjords.",  # what the issue is about
    "Fares on the rail line rose by a tenth.",  # not every word of a phrasing ("cap")
    "The rail line was closed for repairs, and the cap was lifted later.",  # far apart, punctuation between
    "The troop withdrawal began on Monday.",  # a term: an exact match, not a loose one
    # (traps a reviewer set for the first version, which asked only for two words of the issue)
    "Mayor Lena Holt vowed to cap taxi fares at the airport.",
    "Dana Whitcombe backed rail investment and a cap on parking fees.",
    "The minister criticised the poor quality of salmon served in schools.",
])
def test_no_loose_match_without_every_word_of_a_phrasing_close_together(text):
    assert _loose(text) == []


def test_words_of_an_actor_name_do_not_count():
    codebook = codebook_from_dict({"name": "t", "issues": [
        {"id": "kenya_sanctions", "label": "Sanctions on Kenya", "description": "Support = sanctions on Kenya.",
         "patterns": [r"\bsanctions\s+on\s+Kenya\b"]},
        {"id": "tea_tariff", "label": "Tea tariff", "description": "Support = a tariff on tea.", "terms": ["tea tariff"]}]})
    # ("Kenya" is an actor: Kenya's own sanctions are not sanctions on Kenya)
    assert _loose("Kenya sanctions were imposed on Uganda last year.", codebook) == []
    assert _loose("The board asked for a tariff on imported tea.", codebook) == [("tea_tariff", "tariff on imported tea")]


def test_a_loose_match_is_a_stance_for_the_rules_and_a_marked_candidate():
    text = "Vietnamese Foreign Minister Tran Van Long said Hanoi would withdraw its troops from the border villages."
    assert ("Tran Van Long", "troop_pullback", "support") in stance_triples(text, CODEBOOK)
    doc = nlp()(text)
    candidates = [c for c in CandidateFinder(doc, CODEBOOK, "t").candidates() if c.issue == "troop_pullback"]
    assert candidates and all(c.issue_loose for c in candidates)
    assert all(f.get("issue_loose") == 1.0 for f in features_of(candidates))


def test_an_exact_match_stays_unmarked():
    doc = nlp()("Peruvian Foreign Minister Ana Souza backed a prisoner exchange.")
    candidates = CandidateFinder(doc, CODEBOOK, "t").candidates()
    assert candidates and not any(c.issue_loose for c in candidates)
    assert "issue_loose" not in features_of(candidates)[0]


def test_loose_matches_need_the_resolver_and_are_remembered_per_sentence():
    doc = nlp()("The government pledged to withdraw its troops.")
    sent = next(iter(doc.sents))
    assert sentence_matches(CODEBOOK, sent, None) == CODEBOOK.find(sent.text, sent.start_char)  # no resolver: exact only
    first = sentence_matches(CODEBOOK, sent, doc._.actor_resolver)
    assert first == sentence_matches(CODEBOOK, sent, doc._.actor_resolver)
    assert loose_matches(sent, CODEBOOK.words(), [], doc._.actor_resolver) == [m for m in first if m.loose]


def test_digits_and_hyphens_in_an_issues_words():
    # (a reviewer's cases: "CO2" is one word, not "co"; "anti-dumping" two, as the tagger splits it)
    codebook = codebook_from_dict({"name": "t", "issues": [
        {"id": "co2_tax", "label": "Carbon dioxide levy", "description": "Support = CO2 is taxed.", "patterns": [r"\bCO2\s+tax\b"]},
        {"id": "dumping_duties", "label": "Trade defence", "description": "Support = duties on dumped goods.",
         "terms": ["anti-dumping duties"]}]})
    assert _loose("Mayor Ines Duarte backed tax co-operation with Chile.", codebook) == []
    assert _loose("Mayor Ines Duarte wants to tax CO2 from every plant.", codebook) == [("co2_tax", "tax CO2")]
    assert _loose("The union backed new anti-dumping steel duties.", codebook) == [("dumping_duties", "anti-dumping steel duties")]
