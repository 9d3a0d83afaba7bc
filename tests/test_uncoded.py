"""Uncoded statements: finding, key phrases, grouping and suggested issues (trade/climate/health texts)."""

from __future__ import annotations

import re

import pandas as pd

from core.codebook import load_codebook, with_issue
from core.schema import QUOTE_COLUMNS
from core.uncoded import group_uncoded, issue_draft_from_group, key_phrases, phrase_pattern, uncoded_statements
from tests.nlp_fixtures import TRADE_CODEBOOK

STATEMENTS: list[tuple[str, str]] = [
    ("Mara Velkov", "A carbon tax is the only honest answer."),  # coded: carbon_border_tax
    ("Mara Velkov", "We need wind farm subsidies in every coastal region."),
    ("Tomas Orrin", "Wind farm subsidies will pay for themselves within a decade."),
    ("Lina Park", "Cutting Wind Farm  Subsidies now would be reckless, and reform is overdue."),
    ("Tomas Orrin", "Hospital waiting lists are a national scandal."),
    ("Dr Amos Kell", "Hospital waiting lists grew again this winter."),
    ("", "Hospital waiting lists are long, an unnamed aide said."),  # no speaker
    ("Lina Park", "The weather was lovely in Geneva."),
    ("Mara Velkov", "   "),
]


def quotes_table() -> pd.DataFrame:
    rows = []
    for number, (speaker, text) in enumerate(STATEMENTS):
        rows.append(
            {
                "article_id": f"a{number % 3}",
                "speaker": speaker,
                "speaker_type": "person" if speaker else "",
                "country": "",
                "text": text,
                "start_char": 100 * number,
                "end_char": 100 * number + len(text),
                "kind": "direct",
                "cue": "said",
                "speaker_start": 100 * number - 20,
                "speaker_end": 100 * number - 10,
            }
        )
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def test_uncoded_statements_have_a_speaker_and_no_issue():
    codebook = load_codebook(TRADE_CODEBOOK)
    uncoded = uncoded_statements(quotes_table(), codebook)
    assert list(uncoded.columns) == QUOTE_COLUMNS
    assert list(uncoded.index) == [1, 2, 3, 4, 5, 7]
    assert all(not codebook.find(text) for text in uncoded["text"])
    assert list(uncoded.loc[4, ["article_id", "start_char", "end_char"]]) == ["a1", 400, 446]


def test_uncoded_statements_of_an_empty_table():
    codebook = load_codebook(TRADE_CODEBOOK)
    empty = uncoded_statements(pd.DataFrame(columns=QUOTE_COLUMNS), codebook)
    assert empty.empty and list(empty.columns) == QUOTE_COLUMNS


def test_key_phrases_skip_stopwords_numbers_and_short_words():
    text = "We said 42 times that plastic packaging must go. Plastic packaging is in the sea, in the UK and in us."
    phrases = key_phrases(text)
    assert phrases[0] == "plastic packaging"
    for phrase in phrases:
        words = phrase.split()
        assert words[0] not in {"we", "said", "that", "the", "in", "is", "42", "uk", "us"}
        assert words[-1] not in {"we", "said", "that", "the", "in", "is", "42", "uk", "us"}
        assert phrase == phrase.lower()


def test_key_phrases_are_deterministic_and_limited():
    text = "Fishing quotas, fishing quotas and more fishing quotas for coastal towns and inland lakes."
    assert key_phrases(text) == key_phrases(text)
    assert key_phrases(text)[0] == "fishing quotas"
    assert len(key_phrases(text, max_phrases=2)) == 2
    assert key_phrases("It is what it is.") == []


def test_key_phrases_keep_words_inside_but_not_across_punctuation():
    assert "tax on imports" in key_phrases("A tax on imports hurts.", max_phrases=10)
    assert all("hurts tax" not in p for p in key_phrases("It hurts. Tax rises.", max_phrases=10))


def grouped() -> pd.DataFrame:
    return group_uncoded(uncoded_statements(quotes_table(), load_codebook(TRADE_CODEBOOK)))


def test_grouping_by_shared_phrase_largest_first():
    groups = grouped()
    assert list(groups.columns) == ["phrase", "statements", "speakers", "examples", "rows"]
    assert list(groups["phrase"]) == ["wind farm subsidies", "hospital waiting lists"]
    assert list(groups["statements"]) == [3, 2]
    assert groups.loc[0, "speakers"] == "Mara Velkov; Tomas Orrin; Lina Park"
    assert groups.loc[1, "speakers"] == "Tomas Orrin; Dr Amos Kell"
    assert groups.loc[1, "rows"] == [("a1", 400, 446), ("a2", 500, 546)]
    assert len(groups.loc[0, "examples"]) == 3
    assert groups.attrs["ungrouped"] == 1  # the weather in Geneva


def test_grouping_limits_and_determinism():
    uncoded = uncoded_statements(quotes_table(), load_codebook(TRADE_CODEBOOK))
    assert grouped().equals(grouped())
    one = group_uncoded(uncoded, max_groups=1)
    assert list(one["phrase"]) == ["wind farm subsidies"] and one.attrs["ungrouped"] == 3
    none = group_uncoded(uncoded, min_group=4)
    assert none.empty and none.attrs["ungrouped"] == 6
    assert group_uncoded(uncoded.iloc[0:0]).attrs["ungrouped"] == 0


def test_long_examples_are_shortened():
    text = "Ocean shipping emissions " + "really " * 60 + "matter."
    uncoded = pd.DataFrame(
        [{"article_id": "x", "speaker": "Ada Quill", "text": text, "start_char": 0, "end_char": len(text)}] * 2
    )
    (example, _) = group_uncoded(uncoded).loc[0, "examples"]
    assert len(example) <= 160 and example.endswith("…")


def test_issue_draft_id_is_unique_and_its_pattern_codes_the_group():
    codebook = load_codebook(TRADE_CODEBOOK)
    groups = grouped()
    draft = issue_draft_from_group(groups.loc[0, "phrase"], codebook)
    assert draft.id == "wind_farm_subsidies"
    assert draft.label == "Wind farm subsidies"
    assert "edit me" in draft.description and draft.description.startswith("Support =")
    extended = with_issue(codebook, draft)
    assert extended.digest != codebook.digest
    uncoded = uncoded_statements(quotes_table(), codebook)
    for article_id, start, end in groups.loc[0, "rows"]:
        (text,) = uncoded[(uncoded["article_id"] == article_id) & (uncoded["start_char"] == start)]["text"]
        assert [m.issue for m in extended.find(text)] == ["wind_farm_subsidies"]
    assert len(uncoded_statements(quotes_table(), extended)) == len(uncoded) - 3
    again = issue_draft_from_group("wind farm subsidies", extended)
    assert again.id == "wind_farm_subsidies_2"
    assert issue_draft_from_group("wind farm subsidies", with_issue(extended, again)).id == "wind_farm_subsidies_3"


def test_phrase_pattern_is_whole_words_flexible_and_escaped():
    pattern = re.compile(phrase_pattern("c++ import tariff"), re.IGNORECASE)
    assert pattern.search("new C++  import\nTariffs today")
    assert not pattern.search("c++ import tariffed")
    hyphen = re.compile(phrase_pattern("carbon-neutral fuels"), re.IGNORECASE)
    assert hyphen.search("carbon-neutral fuel") and hyphen.search("Carbon-neutral fuels")
    assert not hyphen.search("carbonXneutral fuels")
    assert issue_draft_from_group("Santé publique!", load_codebook(TRADE_CODEBOOK)).id == "sante_publique"
