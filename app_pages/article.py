"""Article: the text as published, with actor mentions and the evidence of each stance marked,
and the sentences where a stance may have been missed."""

import html

import streamlit as st

import dashboard
from core.analysis.filters import articles_matching, format_confidence
from core.views.evidence import parse_span
from core.views.render import (
    PASSAGE_ID,
    Highlight,
    article_highlights,
    escape_markdown,
    legend_html,
    metadata_html,
    render_article_html,
)

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
tables = dashboard.filtered_tables(analysis)

st.title("Article")

if analysis.articles.empty:
    dashboard.show_empty_state(analysis, dashboard.current_filters())
    st.stop()

# Newest first; the sidebar's article, outlet and date filters narrow the choice.
article_ids = list(analysis.options.get("article", []))
if filters.narrows_articles:
    keep = articles_matching(analysis.articles, filters)
    article_ids = [a for a in article_ids if a in keep]
    if not article_ids:
        st.info("No article matches the article, outlet or date filters in the sidebar. "
                "Remove one of them to choose an article.", icon=":material/filter_alt:")
        st.stop()
# A link from an evidence card (?doc=<article id>&span=<start>-<end>) opens that article with the
# passage marked and scrolled into view, whatever the sidebar's article filters say.
doc = st.query_params.get("doc")
if doc is not None:
    known = list(analysis.options.get("article", [])) or analysis.articles["article_id"].astype(str).tolist()
    if doc not in known:
        st.warning(f"The link points to an article that is not in the corpus ({escape_markdown(doc[:120])}); "
                   "it may have been deleted. Choose an article below.", icon=":material/link_off:")
        del st.query_params["doc"]
        if "span" in st.query_params:
            del st.query_params["span"]
        doc = None
    else:
        if doc not in article_ids:
            article_ids = [doc, *article_ids]
        if st.session_state.get("_article_doc_applied") != doc:  # once per link: the picker stays free
            st.session_state["article_id"] = doc
            st.session_state["_article_doc_applied"] = doc
article = dashboard.article_picker(analysis, article_ids, key="article_id", param="show", always=False)
article_id = article.article_id
passage: tuple[int, int] | None = None
if doc is not None and doc != article_id:  # another article was chosen: the link no longer applies
    for name in ("doc", "span"):
        if name in st.query_params:
            del st.query_params[name]
elif doc is not None and "span" in st.query_params:
    parsed = parse_span(st.query_params.get("span"), len(article.text))
    if isinstance(parsed, str):
        st.warning(parsed, icon=":material/link_off:")
    else:
        passage = parsed

st.html(metadata_html(article.title, article.date, article.date_note, article.outlet, article.article_id))
for failure in (note for note in analysis.notes if note.startswith(f"{article_id}: ")):
    st.warning(escape_markdown(dashboard.safe_message(failure)), icon=":material/error:")  # this article's own failure

highlights = article_highlights(article_id, tables.mentions, tables.stances, analysis.issue_labels)
if passage is not None:
    start, end = passage
    st.html('<div style="border-left:4px solid #111111;background:#FFE45C33;padding:.35rem .8rem">'
            f'<div style="font-size:.85rem;font-weight:600">The linked passage (characters {start}–{end}), '
            'marked in yellow in the text below</div>'
            f'<div style="white-space:pre-wrap;overflow-wrap:anywhere">{html.escape(article.text[start:end])}</div></div>')
evidence = sum(h.kind == "evidence" for h in highlights)
mentions = len(highlights) - evidence
scope = " that match the filters" if not filters.is_empty else ""
sure = (f" at or above the minimum confidence ({format_confidence(filters.min_confidence)})"
        if filters.narrows_by_confidence else "")
st.caption(f"Marked: {evidence} statements{sure} and {mentions} actor mentions{scope}. "
           "Hover a marked passage for details.")
if not filters.is_empty and not highlights:
    st.info("Nothing in this article matches the current filters; the text is shown unmarked. "
            "Remove a filter in the sidebar to see the marks.", icon=":material/filter_alt:")

missed = tables.missed[tables.missed["article_id"] == article_id]
with st.expander(f"Missed? {len(missed)} sentence(s) name an actor and an issue but gave no stance",
                 icon=":material/search_insights:"):
    st.caption("Each sentence below mentions a known actor and matches an issue's patterns, yet the rules "
               "read no position from it. Some hold a stance phrased in a way the rules do not know; others "
               "only mention an actor near an issue. This is where to check recall.")
    if missed.empty:
        st.write("None: every sentence with an actor and an issue produced a stance row.")
    for row in missed.itertuples(index=False):
        issues = ", ".join(analysis.issue_labels.get(i, i) for i in row.issues.split("; ") if i)
        st.markdown(
            f"**Sentence {row.sentence}** · actors: {escape_markdown(row.actors)} · issues: {escape_markdown(issues)}  \n"
            f"> {escape_markdown(' '.join(row.text.split()))}"
        )

suggestions = dashboard.suggested_stances(analysis)
dashboard.suggestions_panel(analysis, suggestions[suggestions["article_id"] == article_id], key="article_suggestion")

st.html(legend_html(passage=passage is not None))
st.divider()
marked = highlights + ([Highlight(passage[0], passage[1], "passage", "the linked passage")] if passage else [])
st.html(render_article_html(article.text, marked))
if passage is not None:
    # A fixed script (no text of the article in it): bring the marked passage into view.
    st.html(f"<script>setTimeout(() => {{ const el = document.getElementById('{PASSAGE_ID}'); "
            "if (el) el.scrollIntoView({block: 'center'}); }, 300);</script>", unsafe_allow_javascript=True)
