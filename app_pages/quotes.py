"""Quotes: every attributed statement and the evidence of every stance row, searchable together,
each result saying which kind it is, who said it and which article it comes from."""

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

import dashboard
from core.analysis.filters import quotes_with_positions
from core.analysis.search import KIND_QUOTE, SCOPES, match_spans, parse_query, search_evidence
from core.views.render import ATTRIBUTION_LABELS, quote_card_html, search_result_html

MAX_SHOWN = 200  # enough to read; beyond that the search should be narrowed

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
tables = dashboard.filtered_tables(analysis)

st.title("Quotes")
st.caption("Everything an actor was quoted or reported as saying, and the evidence behind every stance "
           "(the journalist's descriptions too), with the issues each one takes a side on.")

if tables.quotes.empty and tables.stances.empty:
    dashboard.show_empty_state(analysis, filters, what="quotes")
    st.stop()

dashboard.seed_widget_from_url("quotes_query", "q")
text = st.text_input(
    "Search quotes and stance evidence",
    key="quotes_query",
    placeholder='e.g. troops Ukraine   or   "security guarantees"',
    help="All words must appear (any case). Put a phrase in double quotes to match it exactly. Stance evidence "
         "also matches on its issue: 'troops' finds every statement on foreign troops.",
    icon=":material/search:",
)
dashboard.set_url_param("q", text.strip() or None)
dashboard.seed_widget_from_url("quotes_scope", "in", options=list(SCOPES), default="both")
scope = st.radio(
    "Search in", list(SCOPES), format_func=SCOPES.__getitem__, key="quotes_scope", horizontal=True,
    help="Quotes: what someone was quoted or reported as saying. Stance evidence: the words each stance row "
         "rests on, including the journalist's own descriptions. A stance read from a listed quote is shown "
         "on that quote's card, not twice.",
)
dashboard.set_url_param("in", scope, default="both")

query = parse_query(text)
found = search_evidence(tables.quotes, tables.stances, query, scope, analysis.issue_labels)
n_quotes = int((found["kind"] == KIND_QUOTE).sum())
n_evidence = len(found) - n_quotes
parts = []
if scope != "evidence":
    parts.append(f"**{n_quotes}** quote{'s' if n_quotes != 1 else ''}")
if scope != "quotes":
    parts.append(f"**{n_evidence}** stance statement{'s' if n_evidence != 1 else ''}")
st.markdown(" and ".join(parts) + (" match the search" if not query.is_empty else ""))
if found.empty:
    where = {"both": "quote or stance evidence", "quotes": "quote", "evidence": "stance evidence"}[scope]
    st.info(f"No {where} contains all of these words. Try fewer words, check the spelling"
            + (", or search quotes and stance evidence together." if scope != "both" else "."),
            icon=":material/search_off:")
    st.stop()
if len(found) > MAX_SHOWN:
    st.caption(f"Showing the first {MAX_SHOWN}; add words to narrow the search.")

shown = found.head(MAX_SHOWN)
# The issue/stance chips only for the quotes shown: joining all of a corpus's quotes is costly.
quote_rows = shown[shown["kind"] == KIND_QUOTE]
chips = quotes_with_positions(quote_rows, analysis.tables.stances)["positions"].tolist()
positions = dict(zip(quote_rows.index, chips, strict=True))
articles = analysis.articles.set_index("article_id") if not analysis.articles.empty else None


def _field(article_id: str, column: str) -> str:
    if articles is None or article_id not in articles.index or column not in articles.columns:
        return ""
    value = articles.at[article_id, column]
    return "" if value is None or pd.isna(value) else str(value)  # NaN is unknown


cards = []
for index, row in shown.iterrows():
    if row["kind"] == KIND_QUOTE:
        card = quote_card_html(row["text"], speaker=row["speaker"], country=row["country"], kind=row["form"],
                               positions=positions.get(index, []), issue_labels=analysis.issue_labels,
                               spans=match_spans(query, row["text"]))
    else:
        details = [ATTRIBUTION_LABELS.get(row["form"], row["form"]), row["certainty"]]
        if row["source"]:
            details.append(f"according to {row['source']}")
        card = quote_card_html(row["text"], speaker=row["speaker"], country=row["country"], details=details,
                               positions=[(row["issue"], row["stance"])], issue_labels=analysis.issue_labels,
                               spans=match_spans(query, row["text"]))
    article_id = row["article_id"]
    link = "article?" + urlencode({"show": article_id, "doc": article_id,
                                   "span": f"{row['start_char']}-{row['end_char']}"})
    cards.append(search_result_html(row["kind"], card, title=_field(article_id, "title") or article_id,
                                    outlet=_field(article_id, "outlet"), date=_field(article_id, "date"), link=link))
st.html("".join(cards))
