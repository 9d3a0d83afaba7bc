"""Article: the text as published, with actor mentions and the evidence of each stance marked."""

import streamlit as st

import dashboard
from core.render import article_highlights, legend_html, metadata_html, render_article_html

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
tables = dashboard.filtered_tables(analysis)

st.title("Article")

if not analysis.articles:
    st.info("No article was analysed. Put article files (*.txt) in the articles folder and reload.")
    st.stop()

article_ids = list(analysis.articles)
if len(article_ids) > 1:
    dashboard.seed_widget_from_url("article_id", "article", article_ids, article_ids[0])
    article_id = st.selectbox(
        "Article",
        article_ids,
        format_func=lambda a: analysis.articles[a].title or a,
        key="article_id",
    )
    dashboard.set_url_param("article", article_id, default=article_ids[0])
else:
    article_id = article_ids[0]
article = analysis.articles[article_id]

st.html(metadata_html(article.title, article.date, article.date_note, article.source, article.article_id))

highlights = article_highlights(article_id, tables.mentions, tables.stances, analysis.issue_labels)
evidence = sum(h.kind == "evidence" for h in highlights)
mentions = len(highlights) - evidence
scope = " that match the filters" if not filters.is_empty else ""
st.caption(f"Marked: {evidence} statements and {mentions} actor mentions{scope}. Hover a marked passage for details.")
if not filters.is_empty and not highlights:
    st.info("Nothing in this article matches the current filters; the text is shown unmarked. "
            "Remove a filter in the sidebar to see the marks.", icon=":material/filter_alt:")
st.html(legend_html())
st.divider()
st.html(render_article_html(article.text, highlights))
