"""Positions: on one issue, who supports and who opposes it, and the evidence for each side."""

import streamlit as st

import dashboard
from core.views.charts import diverging_bar_chart
from core.views.render import escape_markdown, quote_card_html

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
stances = dashboard.filtered_tables(analysis).stances
labels = analysis.issue_labels

st.title("Positions")
st.caption("Pick an issue to see who supports it (right) and who opposes it (left), with the quotes.")

issue = dashboard.issue_picker(analysis, stances, filters, "positions_issue")
if analysis.issue_descriptions.get(issue):
    st.caption(escape_markdown(analysis.issue_descriptions[issue]))  # editable by users: text, not Markdown
by = dashboard.entity_toggle("positions_by")

rows = stances[stances["issue"] == issue]
sided = rows[rows["stance"].isin(["support", "oppose"])]
if sided.empty:
    st.info("Nobody takes a side on this issue under the current filters; the neutral statements are listed below.")
else:
    st.altair_chart(diverging_bar_chart(rows, issue, by=by, labels=labels))
    st.caption("Bars count statements: blue to the right of zero support the issue, orange to the left oppose it; "
               "hover a bar for the quotes, or read them all below.")

st.subheader("Evidence")
headings = {"support": "Supporting", "oppose": "Opposing", "neutral": "Neutral"}
MAX_CARDS = 60  # per stance: a large corpus has thousands; the filters narrow them
for stance, heading in headings.items():
    evidence = rows[rows["stance"] == stance]
    if evidence.empty:
        continue
    st.markdown(f"**{heading}** ({len(evidence)})")
    if len(evidence) > MAX_CARDS:
        st.caption(f"The first {MAX_CARDS} are shown; narrow the sidebar filters (actor, article, dates) to see the others, "
                   "or download them all from the Data page.")
        evidence = evidence.head(MAX_CARDS)
    st.html(
        "".join(
            quote_card_html(
                row.quote,
                speaker=row.actor,
                country=row.country,
                positions=[(row.issue, row.stance)],
                issue_labels=labels,
                details=[f"{row.certainty}", f"{row.attribution} attribution"]
                + ([f"reported by {row.source}"] if row.source else []),
            )
            for row in evidence.itertuples(index=False)
        )
    )
