import pandas as pd

from core.analysis.search import (
    SearchQuery,
    highlight_html,
    match_spans,
    matches,
    merge_spans,
    parse_query,
    search_evidence,
    search_rows,
)
from core.model import QUOTE_COLUMNS, STANCE_COLUMNS


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


# --- quotes and stance evidence together (own sentences: a fisheries dispute) ------------------

FISH = ("Norway's minister Lena Berg said: \"We will not accept a lower cod quota.\" "
        "Iceland quietly backs the cut, officials in Reykjavik say.")


def _fish_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    quote = "We will not accept a lower cod quota."
    narrative = "Iceland quietly backs the cut"
    q_start, n_start = FISH.index(quote), FISH.index(narrative)
    quotes = pd.DataFrame([["fish", "Lena Berg", "person", "Norway", quote, q_start, q_start + len(quote), "direct",
                            "said", 0, 9]], columns=QUOTE_COLUMNS)
    stances = pd.DataFrame([
        ["fish", 1, "Lena Berg", "person", "Norway", "cod_quota_cut", "oppose", "stated", "direct", "", quote,
         q_start, q_start + len(quote), 0.9],
        ["fish", 2, "Iceland", "government", "Iceland", "cod_quota_cut", "support", "reported", "narrative",
         "officials in Reykjavik", narrative, n_start, n_start + len(narrative), 0.6],
    ], columns=STANCE_COLUMNS)
    return quotes, stances


LABELS = {"cod_quota_cut": "Cut in the cod quota"}


def test_search_finds_narrative_stance_evidence_and_says_which_kind():
    quotes, stances = _fish_tables()
    found = search_evidence(quotes, stances, parse_query("backs"), "both", LABELS)
    assert found[["kind", "speaker", "form", "issue", "certainty", "source"]].values.tolist() == [
        ["stance evidence", "Iceland", "narrative", "cod_quota_cut", "reported", "officials in Reykjavik"]]
    assert found.loc[0, "text"] == FISH[found.loc[0, "start_char"]:found.loc[0, "end_char"]]


def test_stance_evidence_matches_on_its_issue_label_quotes_do_not():
    quotes, stances = _fish_tables()
    # "cut" is in the issue's label (and in the narrative's words), not in Lena Berg's quote.
    found = search_evidence(quotes, stances, parse_query("cut quota"), "both", LABELS)
    assert found[["kind", "speaker"]].values.tolist() == [["stance evidence", "Lena Berg"], ["stance evidence", "Iceland"]]
    assert search_evidence(quotes, stances, parse_query("cut quota"), "quotes", LABELS).empty


def test_a_stance_read_from_a_listed_quote_is_not_listed_twice():
    quotes, stances = _fish_tables()
    both = search_evidence(quotes, stances, parse_query("cod"), "both", LABELS)
    assert both[["kind", "speaker"]].values.tolist() == [["quote", "Lena Berg"], ["stance evidence", "Iceland"]]
    evidence = search_evidence(quotes, stances, parse_query("cod"), "evidence", LABELS)
    assert evidence["speaker"].tolist() == ["Lena Berg", "Iceland"]  # on its own, every stance row
    assert search_evidence(quotes, stances, parse_query("cod"), "quotes", LABELS)["kind"].tolist() == ["quote"]


def test_search_evidence_with_empty_tables_and_an_empty_query():
    quotes, stances = _fish_tables()
    assert len(search_evidence(quotes, stances, SearchQuery(), "both", LABELS)) == 2  # the quote + the narrative
    empty = search_evidence(quotes.iloc[0:0], stances.iloc[0:0], parse_query("cod"))
    assert empty.empty and "kind" in empty.columns
