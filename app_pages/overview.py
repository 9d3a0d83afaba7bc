"""Overview: how many actors, countries and issues; who stands where; one line per issue."""

import streamlit as st

import dashboard
from core.analysis.summary import (
    entity_names,
    headline_counts,
    issue_summary_lines,
    positions_by_entity,
)
from core.views.charts import (
    MATRIX_SELECTION,
    MATRIX_SYMBOL_SELECTION,
    matrix_fixed_width,
    selected_points,
    stance_matrix_chart,
)
from core.views.evidence import issue_keywords
from core.views.render import bullet_list_html, escape_markdown, evidence_cards_html

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
    matrix = stance_matrix_chart(stances, by=by, labels=analysis.issue_labels, positions=positions)
    event = st.altair_chart(matrix, on_select="rerun", key=f"overview_matrix_{by}",
                            width="content" if matrix_fixed_width(matrix) else "stretch")
    st.caption("Each cell is where a country or actor stands on an issue across the articles shown: + blue support, "
               "− orange oppose, ± purple both, ○ grey neutral. A solid cell is stated by the actor, a light one "
               "only reported by others, a hollow one unconfirmed. Hover a cell for its evidence; click it to read "
               "every statement behind it below (double-click to clear).")
    picked = selected_points(event, MATRIX_SELECTION, MATRIX_SYMBOL_SELECTION)
    if picked:
        names = entity_names(stances, by)
        chosen = {(str(p.get("entity", "")), str(p.get("issue", ""))) for p in picked}
        selected = stances[[(n, i) in chosen for n, i in zip(names, stances["issue"].astype(str))]]
        entity, issue = sorted(chosen)[0]
        label = analysis.issue_labels.get(issue, issue)
        st.subheader(f"Evidence: {escape_markdown(entity)} on {escape_markdown(label)} ({len(selected)})")
        st.html(evidence_cards_html(selected.head(60), analysis.issue_labels,
                                    issue_keywords(label, issue.replace("_", " "))))
        if len(selected) > 60:
            st.caption("The first 60 are shown; the Positions page lists them all.")

    st.subheader("In plain words")
    st.html(bullet_list_html(issue_summary_lines(stances, analysis.issue_labels, by=by, positions=positions)))

if analysis.notes:
    with st.expander(f"Notes on the analysis ({len(analysis.notes)})", icon=":material/info:"):
        for note in analysis.notes:
            st.markdown(f"- {escape_markdown(note)}")
