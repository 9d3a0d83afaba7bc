"""Data: the filtered stance table, to inspect and to download as CSV or JSON."""

import streamlit as st

import dashboard
from core.views.export import EXPORT_FORMATS, export_bytes

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
stances = dashboard.filtered_tables(analysis).stances

st.title("Data")
st.caption("Every statement the analysis found, one row each, after the sidebar filters.")

if stances.empty:
    dashboard.show_empty_state(analysis, filters)
    st.stop()

table = stances.assign(issue_label=stances["issue"].map(lambda i: analysis.issue_labels.get(i, i)))
columns = ["actor", "actor_type", "country", "issue_label", "stance", "certainty", "review", "attribution",
           "source", "quote", "confidence", "date", "outlet", "title", "article_id", "sentence", "start_char",
           "end_char", "issue"]
config = {
    "actor": st.column_config.TextColumn("Actor", help="Who holds the position", pinned=True),
    "actor_type": st.column_config.TextColumn("Type", help="person, government, organization or group"),
    "country": st.column_config.TextColumn("Country", help="Country or body (EU, NATO) of the actor"),
    "issue_label": st.column_config.TextColumn("Issue", help="Codebook issue the statement is about", width="medium"),
    "stance": st.column_config.TextColumn("Stance", help="support, oppose or neutral toward the issue"),
    "certainty": st.column_config.TextColumn(
        "Certainty", help="stated: the actor says it; reported: someone else reports it; unconfirmed: not confirmed"),
    "review": st.column_config.TextColumn(
        "Review", help="confirmed, corrected or added on the Review page; empty: as the analysis found it"),
    "attribution": st.column_config.TextColumn(
        "Attribution", help="direct quote, indirect (reported speech) or narrative (the journalist's text)"),
    "source": st.column_config.TextColumn("Reported by", help="Who reports the stance (empty when the actor states it)"),
    "quote": st.column_config.TextColumn("Quote", help="Verbatim evidence from the article", width="large"),
    "confidence": st.column_config.ProgressColumn(
        "Confidence", help="How sure the rules are, 0 to 1", format="%.2f", min_value=0.0, max_value=1.0),
    "date": st.column_config.TextColumn("Date", help="Publication date of the article (YYYY-MM-DD)"),
    "outlet": st.column_config.TextColumn("Outlet", help="Publisher of the article"),
    "title": st.column_config.TextColumn("Title", help="Title of the article"),
    "article_id": st.column_config.TextColumn("Article", help="Article id in the corpus"),
    "sentence": st.column_config.NumberColumn("Sentence", help="Sentence number in the article (from 1)", format="%d"),
    "start_char": st.column_config.NumberColumn("Start", help="Character offset where the quote starts", format="%d"),
    "end_char": st.column_config.NumberColumn("End", help="Character offset where the quote ends", format="%d"),
    "issue": st.column_config.TextColumn("Issue id", help="Codebook id of the issue"),
}
st.markdown(f"**{len(table)}** statements")
st.caption("Scroll sideways for the quote, its article and its character offsets; hover a column title for what it "
           "means. The downloads hold exactly these rows.")
# Tall enough for about 15 rows: the table is the page.
st.dataframe(table, column_order=columns, column_config=config, hide_index=True, height=min(560, 38 + 35 * len(table)))

export = table[[*stances.columns, "issue_label"]]
DOWNLOADS = {"csv": "CSV", "json": "JSON", "parquet": "Parquet", "dna": "DNA CSV"}
downloads = st.container(horizontal=True)
for fmt, name in DOWNLOADS.items():
    spec = EXPORT_FORMATS[fmt]
    downloads.download_button(
        f"Download {name}",
        # Made only when clicked: a corpus table can be large.
        data=lambda fmt=fmt: export_bytes(export, fmt, issue_labels=analysis.issue_labels),
        file_name=f"{'stances_dna' if fmt == 'dna' else 'stances'}{spec.extension}",
        mime=spec.mime,
        icon=":material/download:",
        on_click="ignore",
        help=spec.description,
    )
st.caption("DNA CSV: one statement per row (person, organization, concept, agreement 1/0, date, text) for the "
           "Discourse Network Analyzer and rDNA; neutral statements are left out because DNA's agreement is yes or no. "
           "The actor networks download from the Network page; `python -m core export` writes every format.")
