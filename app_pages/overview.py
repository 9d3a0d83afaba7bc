"""Overview: how many actors, countries and issues; who stands where; one line per issue."""

import streamlit as st

import dashboard
from core.analysis.summary import (
    headline_counts,
    issue_summary_lines,
    positions_by_entity,
)
from core.views.charts import stance_matrix_chart
from core.views.render import bullet_list_html, escape_markdown

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
stances = dashboard.filtered_tables(analysis).stances

st.title("Overview")
st.caption("Who holds which position on which issue in the analysed news articles.")

counts = headline_counts(stances)
for column, (label, value, help_text) in zip(
    st.columns(4),
    [
        ("Actors", counts["actors"], "People, governments, organisations and groups with at least one statement."),
        ("Countries", counts["countries"], "Countries and bodies such as the EU or NATO the actors belong to."),
        ("Issues", counts["issues"], "Codebook issues at least one statement addresses."),
        ("Statements", counts["statements"], "Positions found, each backed by a verbatim quote."),
    ],
):
    column.metric(label, value, help=help_text, border=True)

if stances.empty:
    dashboard.show_empty_state(analysis, filters)
else:
    st.subheader("Stance matrix")
    by = dashboard.entity_toggle("overview_by")
    positions = positions_by_entity(stances, by)  # shared by the matrix and the summary
    st.altair_chart(stance_matrix_chart(stances, by=by, labels=analysis.issue_labels, positions=positions))
    st.caption("Each cell is where a country or actor stands on an issue across the articles shown: + blue support, "
               "− orange oppose, ± purple both, ○ grey neutral; hover a cell for the quotes behind it.")

    st.subheader("In plain words")
    st.html(bullet_list_html(issue_summary_lines(stances, analysis.issue_labels, by=by, positions=positions)))

if analysis.notes:
    with st.expander(f"Notes on the analysis ({len(analysis.notes)})", icon=":material/info:"):
        for note in analysis.notes:
            st.markdown(f"- {escape_markdown(note)}")
