import re

from core.views.render import (
    Highlight,
    article_highlights,
    bullet_list_html,
    escape_markdown,
    legend_html,
    metadata_html,
    quote_card_html,
    render_article_html,
)
from tests.sample_tables import seed_tables

TAG = re.compile(r"<[^>]+>")


def visible_text(markup: str) -> str:
    """What a browser shows: the markup without tags, entities decoded."""
    import html

    return html.unescape(TAG.sub("", markup))


def max_depth(markup: str) -> int:
    from html.parser import HTMLParser

    class Depth(HTMLParser):
        depth = deepest = 0

        def handle_starttag(self, tag, attrs):
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

        def handle_endtag(self, tag):
            self.depth -= 1

    parser = Depth()
    parser.feed(markup)
    assert parser.depth == 0, "unbalanced tags"
    return parser.deepest


def test_script_and_markup_in_the_text_come_out_escaped():
    text = 'Hello <script>alert("x")</script> **bold** $x^2$ & <b>'
    out = render_article_html(text, [Highlight(6, 14, "mention", "A <evil> label")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "&lt;b&gt;" in out and "&amp;" in out
    assert "**bold** $x^2$" in out  # shown as written, not interpreted
    assert 'title="A &lt;evil&gt; label"' in out
    assert visible_text(out) == text


def test_text_is_kept_exactly_with_overlapping_spans():
    text = "Trump said the war must end now."
    spans = [
        Highlight(0, 5, "mention", "Donald Trump"),
        Highlight(0, 31, "evidence", "peace talks: support", "support"),
        Highlight(11, 18, "evidence", "other: oppose", "oppose"),
    ]
    out = render_article_html(text, spans)
    assert visible_text(out) == text
    assert max_depth(out) == 2  # div > span: overlapping highlights never nest
    pieces = re.findall(r'<span data-kind="([^"]+)"(?: data-stance="([^"]+)")?[^>]*>([^<]*)</span>', out)
    assert pieces[0] == ("evidence mention", "support", "Trump")
    assert ("evidence", "mixed", "the war") in pieces  # support and oppose overlap there
    assert pieces[-1] == ("evidence", "support", " must end now")


def test_spans_outside_the_text_are_clipped_or_ignored():
    text = "abc"
    out = render_article_html(text, [Highlight(-5, 1, "mention", "x"), Highlight(2, 99, "mention", "y"), Highlight(2, 2, "mention", "z"), Highlight(5, 9, "mention", "w")])
    assert visible_text(out) == "abc"
    assert out.count("<span") == 2


def test_line_breaks_are_preserved():
    out = render_article_html("one\ntwo", [])
    assert "white-space:pre-wrap" in out and "one\ntwo" in out


def test_article_highlights_from_tables():
    tables = seed_tables()
    highlights = article_highlights("ukraine_peace_talks", tables.mentions, tables.stances, {"ceasefire": "Ceasefire"})
    kinds = [h.kind for h in highlights]
    assert kinds.count("evidence") == len(tables.stances)
    assert kinds.count("mention") == len(tables.mentions)
    ceasefire = [h for h in highlights if h.kind == "evidence" and "Ceasefire" in h.label]
    assert ceasefire and ceasefire[0].stance in {"support", "neutral"}
    assert article_highlights("other_article", tables.mentions, tables.stances) == []


def test_legend_names_every_colour():
    legend = legend_html()
    for word in ("support", "oppose", "neutral", "mixed", "actor mention"):
        assert word in legend


def test_quote_card_escapes_and_marks():
    card = quote_card_html(
        "We <want> peace",
        speaker="Trump & co",
        country="United States",
        kind="direct",
        positions=[("peace_talks", "support")],
        issue_labels={"peace_talks": "Peace talks"},
        spans=[(10, 15)],
    )
    assert "&lt;want&gt; <mark>peace</mark>" in card
    assert "Trump &amp; co" in card and "direct quote" in card and "Peace talks: support" in card
    assert "#0072B2" in card  # border in the support colour


def test_metadata_and_list_are_escaped():
    meta = metadata_html(title="<i>T</i>", date="2025-03-17", date_note="inferred", source="")
    assert "&lt;i&gt;T&lt;/i&gt;" in meta and "2025-03-17" in meta and "inferred" in meta and "unknown" in meta
    assert bullet_list_html(["a <b>", "c"]) == '<ul style="margin:0 0 0 1.1rem;padding:0"><li>a &lt;b&gt;</li><li>c</li></ul>'


def test_escape_markdown():
    assert escape_markdown("$5 *x* [a](b)") == r"\$5 \*x\* \[a\]\(b\)"
