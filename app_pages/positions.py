"""Positions: on one issue, who supports and who opposes it, and the evidence for each side."""

import streamlit as st

import dashboard
from core.analysis.summary import entity_names
from core.views.charts import BARS_SELECTION, diverging_bar_chart, selected_points
from core.views.evidence import issue_keywords
from core.views.render import escape_markdown, passage_cards_html, passages

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
keywords = issue_keywords(labels.get(issue, issue), issue.replace("_", " "))
sided = rows[rows["stance"].isin(["support", "oppose"])]
if sided.empty:
    st.info("Nobody takes a side on this issue under the current filters; the neutral statements are listed below.")
else:
    event = st.altair_chart(diverging_bar_chart(rows, issue, by=by, labels=labels), on_select="rerun",
                            key=f"positions_bars_{issue}_{by}")
    st.caption("Bars count statements: blue to the right of zero support the issue, orange to the left oppose it; "
               "solid when the actor states it, light when it is reported, hollow when unconfirmed. Hover a bar "
               "for its evidence, click it to read its statements first below (double-click to clear).")
    picked = selected_points(event, BARS_SELECTION)
    if picked:
        names = entity_names(rows, by)
        chosen = {(str(p.get("entity", "")), str(p.get("stance", ""))) for p in picked}
        mask = [(n, s) in chosen for n, s in zip(names, rows["stance"].astype(str))]
        selected = rows[mask]
        who = ", ".join(sorted({e for e, _ in chosen}))
        st.subheader(f"Selected: {escape_markdown(who)} ({len(selected)})")
        st.html(passage_cards_html(passages(selected)[:60], labels, keywords))

st.subheader("Evidence")
headings = {"support": "Supporting", "oppose": "Opposing", "neutral": "Neutral"}
MAX_CARDS = 60  # passages per stance: a large corpus has thousands; the filters narrow them
for stance, heading in headings.items():
    evidence = rows[rows["stance"] == stance]
    if evidence.empty:
        continue
    st.markdown(f"**{heading}** ({len(evidence)})")
    groups = passages(evidence)  # one card per passage, each holder on its line
    if len(groups) > MAX_CARDS:
        st.caption(f"The first {MAX_CARDS} of {len(groups)} passages are shown; narrow the sidebar filters (actor, article, "
                   "dates) to see the others, or download them all from the Data page.")
    st.html(passage_cards_html(groups[:MAX_CARDS], labels, keywords))
