"""Article: the text as published, with actor mentions and the evidence of each stance marked,
and the sentences where a stance may have been missed."""

import streamlit as st

import dashboard
from core.analysis.filters import articles_matching, format_confidence
from core.views.render import (
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
article = dashboard.article_picker(analysis, article_ids, key="article_id", param="show", always=False)
article_id = article.article_id

st.html(metadata_html(article.title, article.date, article.date_note, article.outlet, article.article_id))
for failure in (note for note in analysis.notes if note.startswith(f"{article_id}: ")):
    st.warning(escape_markdown(dashboard.safe_message(failure)), icon=":material/error:")  # this article's own failure

highlights = article_highlights(article_id, tables.mentions, tables.stances, analysis.issue_labels)
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

st.html(legend_html())
st.divider()
st.html(render_article_html(article.text, highlights))
