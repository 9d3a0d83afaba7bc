"""Timeline: on one issue, each actor's stance by article date, who changed sides, and whether
each position across the corpus is consistent, shifted or contested."""

import streamlit as st

import dashboard
from core.analysis.timeline import (
    find_shifts,
    position_over_time,
    timeline_points,
    undated_count,
)
from core.views.charts import timeline_chart
from core.views.render import escape_markdown, quote_card_html

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
stances = dashboard.filtered_tables(analysis).stances
labels = analysis.issue_labels

st.title("Timeline")
st.caption("Who said what when: each dot is what an actor said on the issue on one day, placed at the "
           "article's publication date.")

issue = dashboard.issue_picker(analysis, stances, filters, "timeline_issue")
by = dashboard.entity_toggle("timeline_by")
label = escape_markdown(labels.get(issue, issue))  # a user-edited label: shown as text

points = timeline_points(stances, issue, by=by)
undated = undated_count(stances, issue)
if points.empty:
    st.info(f"No statement on {label} comes from an article with a known date. Add publication dates "
            "on the Articles page to place statements in time.", icon=":material/event_busy:")
else:
    st.altair_chart(timeline_chart(points, by=by))
    st.caption("Each row is one country or actor and each dot what it said on this issue on one day: ▲ blue "
               "support, ▼ orange oppose, ● grey neutral, bigger for more statements; hover a dot for the quotes.")
if undated:
    st.caption(f"{undated} statement(s) on this issue come from articles without a date and are not placed "
               "on the timeline; they still count in the verdicts below.")

st.subheader("Positions across the corpus")
st.caption("Consistent: always the same side. Shifted: changed side once over time. "
           "Contested: both sides on the same day or in the same article, several changes, or undated disagreement.")
verdicts = position_over_time(stances, by=by, issue=issue)
st.dataframe(
    verdicts[["entity", "verdict", "explanation", "statements", "support", "oppose", "neutral", "undated"]],
    hide_index=True,
    width="stretch",
    column_config={
        "entity": st.column_config.TextColumn("Country" if by == "country" else "Actor"),
        "verdict": st.column_config.TextColumn("Verdict", width="small"),
        "explanation": st.column_config.TextColumn("In words", width=280),
        "statements": st.column_config.NumberColumn("Statements", width="small"),
        "support": st.column_config.NumberColumn("For", width="small"),
        "oppose": st.column_config.NumberColumn("Against", width="small"),
        "neutral": st.column_config.NumberColumn("Neutral", width="small"),
        "undated": st.column_config.NumberColumn("Undated", width="small"),
    },
)

shifts = find_shifts(stances, by=by, issue=issue)
st.subheader(f"Shifts ({len(shifts)})")
if not shifts:
    st.caption(f"Nobody changed sides on {label} between two dates in the articles shown.")
MAX_SHIFTS = 25  # each shift is two quote cards; more is a wall of text
if len(shifts) > MAX_SHIFTS:
    st.caption(f"The first {MAX_SHIFTS} (by name, then date) are shown; pick an actor or a date range in the sidebar "
               "to see the others.")
for shift in shifts[:MAX_SHIFTS]:
    st.markdown(f"**{escape_markdown(shift.entity)}**: {shift.before.stance} on {shift.before.date} "
                f"→ {shift.after.stance} on {shift.after.date}")
    left, right = st.columns(2)
    for column, side in ((left, shift.before), (right, shift.after)):
        column.html(
            quote_card_html(
                side.quote,
                speaker=shift.entity,
                positions=[(issue, side.stance)],
                issue_labels=labels,
                details=[analysis.title_of(side.article_id)],
            )
        )
