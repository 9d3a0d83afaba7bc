"""Timeline: on one issue, each actor's stance by article date, who changed sides, and whether
each position across the corpus is consistent, shifted or contested."""

import pandas as pd
import streamlit as st

import dashboard
from core.analysis.timeline import (
    find_shifts,
    position_over_time,
    timeline_points,
    undated_count,
)
from core.views.charts import TIMELINE_SELECTION, selected_points, timeline_chart
from core.views.evidence import issue_keywords
from core.views.render import escape_markdown, evidence_card_html, evidence_cards_html, verdicts_table_html

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
keywords = issue_keywords(labels.get(issue, issue), issue.replace("_", " "))

points = timeline_points(stances, issue, by=by)
undated = undated_count(stances, issue)
if points.empty:
    st.info(f"No statement on {label} comes from an article with a known date. Add publication dates "
            "on the Articles page to place statements in time.", icon=":material/event_busy:")
else:
    event = st.altair_chart(timeline_chart(points, by=by, issue_label=labels.get(issue, issue)), on_select="rerun",
                            key=f"timeline_chart_{issue}_{by}")
    st.caption("Each row is one country or actor and each dot what it said on this issue on one day: ▲ blue "
               "support, ▼ orange oppose, ● grey neutral, bigger for more statements; solid when stated, light when "
               "reported, hollow when unconfirmed. Hover a dot for its evidence; click it to read every statement "
               "behind it below (double-click to clear).")
    picked = selected_points(event, TIMELINE_SELECTION)
    if picked:
        chosen = {(str(p.get("entity", "")), str(p.get("stance", ""))) for p in picked}
        days = {pd.to_datetime(p.get("date"), unit="ms" if isinstance(p.get("date"), (int, float)) else None,
                               errors="coerce").strftime("%Y-%m-%d") for p in picked if p.get("date") is not None}
        dots = points[[(e, s) in chosen and d in days for e, s, d in
                       zip(points["entity"].astype(str), points["stance"].astype(str),
                           points["date"].dt.strftime("%Y-%m-%d"))]]
        rows = stances.loc[[]] if dots.empty else stances.merge(
            dots[["article_id", "start_char", "end_char"]].drop_duplicates(), on=["article_id", "start_char", "end_char"])
        rows = rows[rows["issue"] == issue]
        who = ", ".join(sorted({e for e, _ in chosen}))
        st.subheader(f"Selected: {escape_markdown(who)} on {', '.join(sorted(days))} ({len(rows)})")
        st.html(evidence_cards_html(rows, labels, keywords))
if undated:
    st.caption(f"{undated} statement(s) on this issue come from articles without a date and are not placed "
               "on the timeline; they still count in the verdicts below.")

st.subheader("Positions across the corpus")
st.caption("Consistent: always the same side. Shifted: changed side once over time. "
           "Contested: both sides on the same day or in the same article, several changes, or undated disagreement.")
verdicts = position_over_time(stances, by=by, issue=issue)
# An HTML table whose cells wrap, so the explanation and the counts are never cut on a narrow screen;
# the sortable, downloadable table is one click away.
st.html(verdicts_table_html(verdicts, "Country" if by == "country" else "Actor"))
with st.expander("As a sortable table", icon=":material/table:"):
    st.dataframe(
        verdicts[["entity", "verdict", "explanation", "statements", "support", "oppose", "neutral", "undated"]],
        hide_index=True,
        width="stretch",
        column_config={
            "entity": st.column_config.TextColumn("Country" if by == "country" else "Actor"),
            "verdict": st.column_config.TextColumn("Verdict", width="small"),
            "explanation": st.column_config.TextColumn("In words", width="large"),
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
# Each side of a shift as its full stance row (article, outlet, certainty, ...), found by its offsets.
by_offsets = {(str(r["article_id"]), int(r["start_char"]), int(r["end_char"])): r
              for r in stances[stances["issue"] == issue].to_dict("records")}


def statement_of(side) -> dict:
    key = (side.article_id, int(side.start_char), int(side.end_char))
    return by_offsets.get(key) or {"article_id": side.article_id, "quote": side.quote, "stance": side.stance,
                                   "issue": issue, "date": side.date, "title": analysis.title_of(side.article_id),
                                   "start_char": side.start_char, "end_char": side.end_char}


for shift in shifts[:MAX_SHIFTS]:
    st.markdown(f"**{escape_markdown(shift.entity)}**: {shift.before.stance} on {shift.before.date} "
                f"→ {shift.after.stance} on {shift.after.date}")
    left, right = st.columns(2)
    for column, side in ((left, shift.before), (right, shift.after)):
        column.html(evidence_card_html(statement_of(side), labels, keywords=keywords, entity=shift.entity))
