"""The provenance helpers every evidence card and tooltip uses (core/views/evidence.py)."""

import pandas as pd

from core.views.evidence import (
    article_line,
    best_certainty,
    evidence_excerpt,
    issue_keywords,
    parse_span,
    passage_link,
    speaker_line,
)
from core.views.render import evidence_card_html, passage_cards_html, passages


def test_short_evidence_is_kept_whole():
    text = "It does not matter under what label NATO contingents were to be deployed on Ukrainian territory"
    assert evidence_excerpt(text, issue_keywords("Foreign troops in Ukraine")) == text


def test_long_evidence_is_cut_around_the_issue_words_not_at_a_blind_160_characters():
    text = ("Speaking to reporters after a long day of talks in the capital, where delegations from many "
            "countries had gathered, " * 3) + "the minister said European troops in Ukraine were unacceptable."
    excerpt = evidence_excerpt(text, issue_keywords("Foreign troops in Ukraine"), limit=200)
    assert "European troops in Ukraine were unacceptable" in excerpt
    assert excerpt.startswith("…") and len(excerpt) <= 202
    assert not excerpt[1:].startswith(" ")  # cut at a word boundary
    # Without issue words the start is kept.
    assert evidence_excerpt(text, (), limit=100).startswith("Speaking to reporters")


def test_passage_link_and_span_parsing():
    assert passage_link("bbc news/1", 10, 42) == "article?doc=bbc%20news%2F1&span=10-42"
    assert passage_link("a", -1, -1) == "article?doc=a"
    assert parse_span("10-42", 100) == (10, 42)
    assert "two numbers" in str(parse_span("ten-42", 100))
    assert "ends before" in str(parse_span("42-10", 100))
    assert "beyond the end" in str(parse_span("10-420", 100))


def test_article_and_speaker_lines_say_what_is_unknown():
    assert article_line("", "", None, "seed") == "seed — unknown outlet, undated"
    assert article_line("Talks", "BBC", "2025-03-17T00:00:00") == "Talks — BBC, 2025-03-17"
    assert speaker_line("Ukraine", "Ukraine", "unconfirmed", "narrative") == (
        "Ukraine · unconfirmed or denied · journalist's description")
    assert speaker_line("Vladimir Putin", "Russia", "reported", "indirect", "Steve Witkoff") == (
        "Vladimir Putin (Russia) · reported · reported speech · source: Steve Witkoff")
    assert best_certainty(["unconfirmed", "reported"]) == "reported"


def test_evidence_card_escapes_everything_and_draws_certainty_as_the_border():
    card = evidence_card_html({
        "article_id": "x<1>", "title": "<script>alert(1)</script>", "outlet": "**Wire**", "date": "2025-03-10",
        "actor": "A <b>", "country": "", "issue": "tariffs", "stance": "oppose", "certainty": "unconfirmed",
        "attribution": "narrative", "source": "", "quote": "<img src=x onerror=alert(2)>", "start_char": 3,
        "end_char": 9,
    })
    assert "<script>" not in card and "<img" not in card and "<b>" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt; — **Wire**, 2025-03-10" in card
    assert "border-left:4px dotted" in card and 'data-certainty="unconfirmed"' in card
    assert 'href="article?doc=x%3C1%3E&amp;span=3-9"' in card


def test_rows_on_one_passage_share_one_card_that_names_every_holder():
    base = {"article_id": "a1", "title": "Levy talks", "outlet": "Wire", "date": "2025-03-10", "issue": "rail_levy",
            "stance": "support", "attribution": "indirect", "quote": "Mayor Ruth Okafor said she and <Lima> back the levy.",
            "start_char": 0, "end_char": 50, "source": ""}
    rows = pd.DataFrame([
        {**base, "actor": "Ruth Okafor", "country": "Peru", "certainty": "stated"},
        {**base, "actor": "Peru", "country": "Peru", "certainty": "reported", "source": "Ruth Okafor"},
        {**base, "actor": "Chile", "country": "Chile", "certainty": "stated", "start_char": 60, "end_char": 90},
        {**base, "actor": "Lima <b>", "country": "Peru", "certainty": "unconfirmed", "stance": "oppose"},
    ])
    html_text = passage_cards_html(passages(rows))
    assert html_text.count('class="evidence-card"') == 3  # same passage and side: one card; another passage or side: its own
    first = html_text.split('class="evidence-card"')[1]
    assert first.count("Mayor Ruth Okafor said") == 1
    assert "Ruth Okafor (Peru) · stated" in first and "Peru · reported · reported speech · source: Ruth Okafor" in first
    assert "border-left:4px solid" in first  # the most certain holder's border
    assert "<b>" not in html_text and "&lt;Lima&gt;" in html_text
    assert passage_cards_html(passages(rows.iloc[0:0])) == ""


def test_a_card_limit_counts_passages_and_never_cuts_a_passage_s_holders():
    rows = pd.DataFrame([
        {"article_id": "a", "issue": "levy", "stance": "support", "start_char": n // 3, "end_char": n // 3 + 5,
         "quote": f"passage {n // 3}", "actor": f"Holder {n}", "country": "", "certainty": "stated",
         "attribution": "direct", "source": "", "title": "", "outlet": "", "date": ""}
        for n in range(9)  # three passages of three holders each
    ])
    assert len(passages(rows)) == 3 and passages(rows.iloc[0:0]) == []
    two = passage_cards_html(passages(rows)[:2])
    assert two.count('class="evidence-card"') == 2
    assert all(f"Holder {n}" in two for n in range(6)) and "Holder 6" not in two
