"""Accuracy: how often the stance table is right, measured against gold tables coded blind by
coders who never saw the system's output, beside how often two such coders agree."""

import streamlit as st

import dashboard
from core.evaluation.accuracy import (
    agreement_table,
    articles_table,
    ceiling,
    errors_table,
    groups_table,
    quotes_table,
)
from core.extraction.pipeline import PIPELINE_VERSION
from core.views.charts import accuracy_chart, accuracy_chart_data
from core.views.render import escape_markdown


def show_table(frame, figures=(), **config) -> None:
    """A table tall enough for all its rows, ``figures`` columns with two decimals."""
    columns = {c: st.column_config.NumberColumn(c, format="%.2f") for c in figures if c in frame.columns}
    st.dataframe(frame, hide_index=True, height=38 + 35 * len(frame), column_config={**columns, **config})


def figure_columns(frame) -> list[str]:
    return [c for c in frame.columns if "F1" in c or c[-2:] in (" P", " R")]


st.title("Accuracy")
st.caption("How far to trust the stance table: its rows scored against gold tables made by coders "
           "who never saw this system's output, next to how often two such coders agree. These figures "
           "describe the extractor, not your corpus, so the sidebar filters do not change them.")

report = dashboard.accuracy_report()
if report is None:
    st.info("No accuracy figures are stored with this installation. A developer measures them with "
            "`python -m core accuracy --write` (it needs the evaluation articles in ../shared/eval).")
    st.stop()

if str(report.get("pipeline_version")) != PIPELINE_VERSION:
    st.warning(f"These figures were measured with pipeline version {report.get('pipeline_version')}, but this "
               f"installation runs version {PIPELINE_VERSION}: the rules changed since, so the figures may be out of date.",
               icon=":material/history:")

groups = groups_table(report)
by_name = {row["data set"]: row for _, row in groups.iterrows()}
top = ceiling(report)
cards = []  # (label, value, help): one card per figure the report holds
if "test" in by_name:
    cards.append(("F1 on unseen articles (test)", by_name["test"]["actor F1"],
                  "Actor-level F1. Test articles were set aside before any rule change and are never read for errors: "
                  "the honest figure for an article you add."))
if "dev" in by_name:
    cards.append(("F1 on dev articles", by_name["dev"]["actor F1"],
                  "Actor-level F1 on articles the team may read while changing rules: expect new articles to score lower."))
if top:
    cards.append(("Two coders agree (ceiling)", top["actor_f1"],
                  "Actor-level F1 of a second independent coder scored like the machine against the first: "
                  "a practical ceiling (the coders were LLM sessions, so it is an optimistic one)."))
for column, (label, value, help_text) in zip(st.columns(len(cards) or 1), cards):
    column.metric(label, f"{value:.2f}", help=help_text, border=True)

st.subheader("By data set")
st.altair_chart(accuracy_chart(accuracy_chart_data(groups), top.get("actor_f1") if top else None))
st.caption("F1 per data set, country level (sky blue: right country, issue and stance) and actor level "
           "(green: right person or body, issue and stance). The dashed line is the inter-coder ceiling.")
show_table(groups, figure_columns(groups), what=st.column_config.TextColumn("what", width="large"))

gold = report.get("gold", {})
st.markdown("**How this was measured**")
st.markdown(
    f"- Measured on {escape_markdown(str(report.get('measured_on')))} with pipeline version "
    f"{escape_markdown(str(report.get('pipeline_version')))} ({escape_markdown(str(report.get('model')))}) by "
    "`python -m core accuracy --write`.\n"
    f"- Gold: {gold.get('articles')} articles ({gold.get('dev_articles')} dev, {gold.get('test_articles')} test), "
    f"{gold.get('rows')} rows, {gold.get('required_rows')} of them required (a careful coder always codes them).\n"
    "- **Precision**: share of the machine's (holder, issue, stance) triples that a coder also coded for the "
    "same article. **Recall**: share of the coders' required triples the machine found. Country level "
    "counts the holder's country instead of the holder.\n"
    "- Data sets: the seed article; real Ukraine articles from February to April 2025; US news articles "
    "from 2015-16 on guns, immigration, trade and climate, each topic with its own analyst's codebook.\n"
    "- The dev/test split was frozen before any rule change; the coding guide is `tests/gold/CODING.md`."
)

st.subheader("Inter-coder agreement")
st.caption("Articles coded twice by independent coders: the second coder's table scored against the first "
           "exactly as the machine is. The coders were separate LLM helper sessions working blind from one "
           "guide, so this ceiling is probably higher than two people would reach.")
show_table(agreement_table(report), ("country F1", "actor F1"))

st.subheader("What goes wrong (development articles)")
st.caption("Each missed gold row and each wrong machine row, given one kind by a script "
           "(core.evaluation.stances.error_kinds). Test articles are never looked at for errors.")
show_table(errors_table(report))

st.subheader("Who said what: the quotes table")
st.caption("Quotes found and their speakers against PolNeAR attribution annotations (character overlap "
           "IoU ≥ 0.3). polnear_dev was used while the attribution rules were written; the topic "
           "articles were not.")
show_table(quotes_table(report), ("precision", "recall", "F1", "speaker accuracy"))

with st.expander("Every scored article"):
    article_rows = articles_table(report)
    show_table(article_rows, figure_columns(article_rows))
