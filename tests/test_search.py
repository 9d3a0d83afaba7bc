import pandas as pd

from core.analysis.search import (
    SearchQuery,
    highlight_html,
    match_spans,
    matches,
    merge_spans,
    parse_query,
    search_rows,
)


def test_words_and_phrases_are_split():
    query = parse_query('troops "security guarantees"  Ukraine')
    assert query.words == ("troops", "Ukraine")
    assert query.phrases == ("security guarantees",)


def test_empty_and_blank_queries():
    assert parse_query("").is_empty
    assert parse_query(None).is_empty
    assert parse_query('  ""  ').is_empty
    assert matches(parse_query(""), "anything")


def test_unbalanced_quote_reads_the_rest_as_words():
    query = parse_query('ceasefire "thirty day')
    assert query.phrases == ()
    assert query.words == ("ceasefire", "thirty", "day")
    assert parse_query('"a b" "c').phrases == ("a b",)
    assert parse_query('"a b" "c').words == ("c",)


def test_typographic_quotes_delimit_phrases():
    assert parse_query("“power plants”").phrases == ("power plants",)


def test_all_words_must_match_case_insensitively():
    text = "European troops in Ukraine"
    assert matches(parse_query("TROOPS ukraine"), text)
    assert not matches(parse_query("troops Russia"), text)


def test_words_may_match_in_different_fields():
    assert matches(parse_query("Macron troops"), "allied troops on its territory", "Emmanuel Macron")


def test_phrase_matches_exactly_not_as_separate_words():
    text = "guarantees of security are not security guarantees yet"
    assert matches(parse_query('"security guarantees"'), text)
    assert not matches(parse_query('"guarantees security"'), text)
    assert matches(parse_query('"SECURITY   guarantees"'), "security\nguarantees")  # any whitespace


def test_plain_apostrophe_matches_curly_one():
    assert matches(parse_query("work's"), "A lot of work’s been done")


def test_regex_characters_are_literal():
    assert matches(parse_query("(EU)"), "the bloc (EU) said")
    assert not matches(parse_query("a.c"), "abc")


def test_match_spans_are_merged_and_sorted():
    text = "Peace talks: peace plan"
    assert match_spans(parse_query("peace"), text) == [(0, 5), (13, 18)]
    assert match_spans(parse_query('"peace talks" talks'), text) == [(0, 11)]
    assert merge_spans([(5, 8), (0, 3), (2, 4), (8, 9)]) == [(0, 4), (5, 9)]


def test_highlight_escapes_everything_and_marks_spans():
    text = "<b>war</b> & peace"
    out = highlight_html(text, match_spans(parse_query("war peace"), text))
    assert out == "&lt;b&gt;<mark>war</mark>&lt;/b&gt; &amp; <mark>peace</mark>"
    assert "<b>" not in out


def test_highlight_clips_spans_outside_the_text():
    assert highlight_html("abc", [(-3, 1), (2, 99)]) == "<mark>a</mark>b<mark>c</mark>"
    assert highlight_html("", [(0, 2)]) == ""


def test_search_rows_filters_a_table():
    table = pd.DataFrame({"text": ["ceasefire now", "no troops", "a truce"], "speaker": ["Trump", "Meloni", "Trump"]})
    assert search_rows(table, parse_query("trump"), ["text", "speaker"])["text"].tolist() == ["ceasefire now", "a truce"]
    assert len(search_rows(table, SearchQuery(), ["text"])) == 3
    assert search_rows(table, parse_query("nothing-like-this"), ["text"]).empty
