"""Quotes: every attributed statement, searchable, with its speaker and the positions it backs."""

import streamlit as st

import dashboard
from core.analysis.filters import quotes_with_positions
from core.analysis.search import match_spans, parse_query, search_rows
from core.views.render import quote_card_html

MAX_SHOWN = 200  # enough to read; beyond that the search should be narrowed

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
tables = dashboard.filtered_tables(analysis)

st.title("Quotes")
st.caption("Everything an actor was quoted or reported as saying, with the issues each quote takes a side on.")

if tables.quotes.empty:
    dashboard.show_empty_state(analysis, filters, what="quotes")
    st.stop()

dashboard.seed_widget_from_url("quotes_query", "q")
text = st.text_input(
    "Search quotes",
    key="quotes_query",
    placeholder='e.g. troops Ukraine   or   "security guarantees"',
    help='All words must appear (any case). Put a phrase in double quotes to match it exactly.',
    icon=":material/search:",
)
dashboard.set_url_param("q", text.strip() or None)

query = parse_query(text)
found = search_rows(tables.quotes, query, ["text", "speaker", "country"])
total = len(tables.quotes)
st.markdown(f"**{len(found)}** of {total} quotes" + (" match the search" if not query.is_empty else ""))
if found.empty:
    st.info("No quote contains all of these words. Try fewer words, or check the spelling.", icon=":material/search_off:")
    st.stop()
if len(found) > MAX_SHOWN:
    st.caption(f"Showing the first {MAX_SHOWN}; add words to narrow the search.")

# The issue/stance chips only for the quotes shown: joining all of a corpus's quotes is costly.
shown = quotes_with_positions(found.head(MAX_SHOWN), analysis.tables.stances)
cards = []
for row in shown.itertuples(index=False):
    cards.append(
        quote_card_html(
            row.text,
            speaker=row.speaker,
            country=row.country,
            kind=row.kind,
            positions=row.positions,
            issue_labels=analysis.issue_labels,
            spans=match_spans(query, row.text),
        )
    )
st.html("".join(cards))
