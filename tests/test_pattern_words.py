"""The first test a codebook runs before a pattern's search: the words every match holds.

Most of a codebook's patterns match nowhere in a given sentence, and a time-limited search costs
far more than looking for a word, so ``Codebook.find`` skips a pattern whose required words
(``core.knowledge.patterns.required_words``) are not in the sentence. These tests hold it to
giving exactly the matches of searching every pattern, on patterns and sentences of our own."""

import random

import pytest

from core.knowledge import codebook as codebook_module
from core.knowledge.codebook import codebook_from_dict, compile_term, load_codebook
from core.knowledge.gazetteer import load_knowledge
from core.knowledge.patterns import BoundedPattern, compile_pattern, required_words, squeeze, words_testable
from tests.nlp_fixtures import TRADE_CODEBOOK


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:ceasefire|truce|armistice)s?\b", {"ceasefire", "truce", "armistice"}),
        (r"\bcease-?fire\b", {"ceasefire"}),  # hyphens and spaces are squeezed out of both
        (r"\bwater\s+tax\b", {"water"}),  # (\s is more than a space: "tax" is the other piece)
        (r"(?<=\bopposed\s)toll\b", {"toll"}),  # a lookbehind is not consumed: not required
        (r"(?<!\w)levy(?!\w)", {"levy"}),
        (r"^the\s+levy$", {"levy"}),  # anchors are no words
        (r"(?:fuel|diesel)\s+(?:levy|duty)", {"fuel", "diesel"}),  # the piece whose shortest word is longest
        (r"a?b", {"b"}),  # an optional part is not required
        (r"(?:x|.)yz", {"yz"}),  # a branch with no word gives no words
        (r"[ab]c+", {"c"}),
        (r"\w+\s+\d+", set()),  # nothing to name
        (r"(levy)\s+\1", {"levy"}),  # a back reference is read as nothing
        (r"é\s*levy", {"levy"}),  # a letter outside ASCII is no word
    ],
)
def test_the_words_every_match_holds(pattern, words):
    assert required_words(pattern) == words


def test_a_terms_pattern_needs_its_letters_whatever_hyphens_or_spaces_come_between():
    term = compile_term("toll road")
    assert term.words and all(" " not in word and "-" not in word for word in term.words)
    for text in ("They oppose the toll road.", "They oppose the toll-road.", "They oppose the Toll  Roads."):
        assert term.compiled.search(text) and any(word in squeeze(text) for word in term.words)


def test_a_letter_that_matches_an_ascii_one_without_regard_to_case_turns_the_first_test_off():
    # The long s matches "s" and the Kelvin sign "k" in a search that ignores case, but neither is
    # in the text lower-cased: the words cannot be looked for there.
    assert not words_testable("New \u017fteel quotas") and not words_testable("ten \u212Ailometres")
    assert words_testable("Zelenskyy’s café — “peace” talks")  # other letters outside ASCII are fine
    codebook = load_codebook(TRADE_CODEBOOK)
    assert [m.issue for m in codebook.find("Lima imposed new \u017fteel quotas.")] == ["steel_quotas"]


def test_a_sentence_without_any_patterns_words_is_not_searched_at_all(monkeypatch):
    codebook = load_codebook(TRADE_CODEBOOK)
    assert all(pattern.words for issue in codebook.issues for pattern in issue.matchers)
    searched = []
    real = BoundedPattern.finditer
    monkeypatch.setattr(BoundedPattern, "finditer", lambda self, text, **kw: searched.append(self.pattern) or real(self, text, **kw))
    assert codebook.find("The mayor of Lagos opened a new footbridge on Monday.") == []
    assert searched == []
    assert [m.issue for m in codebook.find("Lisbon backs a carbon tax.")] == ["carbon_border_tax"]
    assert 0 < len(searched) < sum(len(issue.matchers) for issue in codebook.issues)


# Patterns of every kind the first test must not get wrong, and texts built to trip it: words
# split by hyphens or spaces, capitals, letters outside ASCII, anchors, lookarounds.
TRICKY_PATTERNS = [
    r"\bwater\s+tax(?:es)?\b",
    r"(?<!no\s)toll\s*road",
    r"^fuel\b",
    r"levy$",
    r"(?<=\bopposed\s)(?:the\s+)?language\s+law",
    r"\b(?:scrap|scrapp)\w*\s+(?:the\s+)?levy",
    r"t[-‐ ]?o[-‐ ]?l[-‐ ]?l",
    r"(?i:STEEL)\s+quota",
    r"s\w{0,3}\s+fund",
    r"(?:kilo|[ck]ilo)metre",
    r"\bcafé\s+tax",
    r"(levy)\W+\1",
]
PIECES = ["water", "tax", "taxes", "toll", "road", "-", "‐", " ", "  ", "no", "fuel", "levy", "opposed", "the", "language",
          "law", "scrap", "scrapped", "STEEL", "quota", "Quota", "fund", "so", "kilo", "\u212Ailo", "metre", "café", "CAFÉ",
          "\u017f", "s", ",", "\n", "ToLL", "W-A-T-E-R"]


def test_the_first_test_never_drops_a_match_on_generated_texts():
    rng = random.Random(7)
    patterns = [compile_pattern(p) for p in TRICKY_PATTERNS] + [compile_term(t) for t in ("water tax", "toll road", "cease-fire")]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 9)))
        if not words_testable(text):
            continue
        squeezed = squeeze(text)
        for pattern in patterns:
            if any(m.end() > m.start() for m in pattern.compiled.finditer(text)) and pattern.words:
                checked += 1
                assert any(word in squeezed for word in pattern.words), (pattern.pattern, text)
    assert checked > 500  # (the texts do match often enough for the test to mean something)


SENTENCES = [
    "Lisbon backs a carbon tax, but Madrid opposed new steel quotas on Tuesday.",
    "The CARBON-TAX plan was shelved.",
    "Steel tariffs? Never, said Ana Souza.",
    "No one in Oslo mentioned trade at all.",
    "“We will scrap the EV tariffs,” the minister said in Nairobi.",
    "A\u00a0carbon\u00a0tax with non-breaking spaces.",
    "Kestran backed a thirty-day Cease-Fire, and the peace talks in Oslo resumed.",
    "Valdoria wants security guarantees before any truce.",
]


@pytest.mark.parametrize("path", [TRADE_CODEBOOK, None])
def test_find_gives_the_matches_of_searching_every_pattern(monkeypatch, path):
    fast = load_codebook(path) if path else load_codebook()
    slow = load_codebook(path) if path else load_codebook()
    slow.forget_matches()
    fast.forget_matches()
    expected = []
    with monkeypatch.context() as m:
        m.setattr(codebook_module, "words_testable", lambda text: False)  # every pattern searched
        expected = [slow.find(s) for s in SENTENCES]
    assert [fast.find(s) for s in SENTENCES] == expected
    assert any(expected)


def test_terms_codebook_gives_the_matches_of_searching_every_pattern(monkeypatch):
    data = {"name": "Roads", "issues": [
        {"id": "toll_road", "label": "Toll road", "description": "Support = the toll road is built.", "terms": ["toll road", "road tolls"]},
        {"id": "fuel_levy", "label": "Fuel levy", "description": "Support = the levy stays.", "terms": ["fuel levy"],
         "patterns": [r"(?<!no\s)levy\s+on\s+diesel"]},
    ]}
    sentences = ["Quito opposed the toll-roads.", "Road tolls are up.", "The Fuel Levy stays, and a levy on diesel too.",
                 "There is no levy on diesel.", "Nothing here."]
    fast, slow = codebook_from_dict(data), codebook_from_dict(data)
    with monkeypatch.context() as m:
        m.setattr(codebook_module, "words_testable", lambda text: False)
        expected = [slow.find(s) for s in sentences]
    assert [fast.find(s) for s in sentences] == expected
    assert [[x.issue for x in found] for found in expected] == [["toll_road"], ["toll_road"], ["fuel_levy", "fuel_levy"], [], []]


def test_forget_matches_empties_the_memory():
    codebook = load_codebook(TRADE_CODEBOOK)
    codebook.find("Lisbon backs a carbon tax.")
    assert codebook._found
    codebook.forget_matches()
    assert not codebook._found


def test_country_of_remembers_its_answers_within_a_bound(monkeypatch):
    from core.knowledge import gazetteer

    kb = load_knowledge()
    monkeypatch.setattr(gazetteer, "COUNTRY_MEMO_SIZE", 3)
    kb._countries.clear()
    names = ["Kenya", "Kenyan", "Nairobi", "the mayor", "Peru", "Lima", "Peruvian", "Quito", ""]
    first = [kb.country_of(n) for n in names]
    assert len(kb._countries) <= 3
    assert [kb.country_of(n) for n in names] == first
    assert first[:3] == ["Kenya"] * 3 and first[3] == "" and first[4:7] == ["Peru"] * 3
