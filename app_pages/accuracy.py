"""Accuracy: how often the stance table is right, measured against gold tables coded blind by
coders who never saw the system's output, beside how often two such coders agree."""

import streamlit as st

import dashboard
from core.evaluation.accuracy import (
    agreement_table,
    articles_table,
    ceiling,
    comparison_table,
    confidence_bands_table,
    errors_table,
    groups_table,
    quotes_table,
)
from core.extraction.pipeline import PIPELINE_VERSION
from core.views.charts import (
    accuracy_chart,
    accuracy_chart_data,
    confidence_band_chart,
    reliability_chart,
    reliability_data,
)
from core.views.render import escape_markdown


def show_table(frame, figures=(), **config) -> None:
    """A table tall enough for all its rows, ``figures`` columns with two decimals."""
    columns = {c: st.column_config.NumberColumn(c, format="%.2f") for c in figures if c in frame.columns}
    st.dataframe(frame, hide_index=True, height=38 + 35 * len(frame), column_config={**columns, **config})


def figure_columns(frame) -> list[str]:
    return [c for c in frame.columns if "F1" in c or c[-2:] in (" P", " R")]


def show_calibration() -> None:
    """How far a row's confidence can be taken at its word: the configured scorer's reliability
    bins, measured out of sample when it was trained."""
    st.subheader("Can a row's confidence be taken at its word?")
    scorer = dashboard.stance_scorer()
    if scorer is None:
        st.info("The hand-written rules produce the stance table now (`STANCE_EXTRACTOR=rules`, or no usable scorer "
                "file). Their "
                "confidences (0.5 to 0.9) are set by hand, not measured, so there is no calibration to show. "
                "The learned scorer's calibration appears here when it runs.", icon=":material/rule:")
        return
    info = scorer.info or {}
    bins = reliability_data(list(info.get("reliability") or []))
    validation = info.get("validation") or {}
    method = str(validation.get("method") or "out of sample")
    st.markdown(
        "Every stance row carries a **confidence**: the scorer's estimate that the row is right. The scorer was "
        f"checked on the development articles ({escape_markdown(method)}: each article scored by a model that never "
        "saw it). Its rows were grouped by confidence, and for each group the chart puts the confidence the scorer "
        "gave (across) against the share of those rows a coder also coded (up); the bigger the point, the more rows "
        "(the number above it). "
        "On the dashed diagonal a confidence of 0.6 means six rows in ten are right. Below the diagonal the scorer "
        "is too sure of itself, above it too modest. The sidebar's *Minimum confidence* "
        f"(default {scorer.min_confidence:.2f}, chosen on these articles for the best F1 of the scorer's rows, steady when the "
        "articles are resampled) leaves out the rows under it; "
        "a row the rules claim is shown at that default at least."
    )
    if bins.empty:
        st.info("The scorer file holds no reliability figures: train it again with `python -m core train`.",
                icon=":material/info:")
    else:
        st.altair_chart(reliability_chart(bins))
        st.caption("Predicted confidence against observed precision per confidence bin, development articles, out of "
                   "sample. Point size and label: rows in the bin. Dashed: a perfectly calibrated scorer.")
    error = info.get("calibration_error")
    cards = []
    if isinstance(error, (int, float)):
        cards.append(("Calibration error", f"{error:.3f}",
                      "The average gap between predicted confidence and observed precision, each bin weighted by its "
                      "rows (expected calibration error): 0 is perfect."))
    choice = validation.get("min_confidence_choice") or {}
    how = str(choice.get("method") or "") if isinstance(choice, dict) else ""
    how = how or "the best F1 of the scorer's own rows"
    cards.append(("Default minimum confidence", f"{scorer.min_confidence:.2f}",
                  f"Chosen on the development articles: {escape_markdown(how)}, so that one article or one row does "
                  "not move it. The rules' rows are in at any minimum up to this one; change it in the sidebar."))
    actor = validation.get("actor") or {}
    if isinstance(actor.get("f1"), (int, float)):
        cards.append(("Actor F1 at that minimum", f"{actor['f1']:.2f}",
                      f"Precision {actor.get('precision', 0):.2f}, recall {actor.get('recall', 0):.2f}, "
                      f"{method}, development articles."))
    for column, (label, value, help_text) in zip(st.columns(len(cards)), cards):
        column.metric(label, value, help=help_text, border=True)


def show_confidence_bands(report: dict) -> None:
    """How often a row was right at each confidence, on dev (out of sample) and on the test
    articles: what a confidence is worth on an article nobody tuned the extractor for."""
    counted = confidence_bands_table(report)
    if counted.empty or not (counted["dev rows"].sum() or counted["test rows"].sum()):
        return  # (no bands, or none with a row: nothing to show)
    st.subheader("How often is a row right at each confidence?")
    st.markdown(
        "The same rows counted by the confidence they were given. **Dev**: the development articles, each "
        "scored by a model that never saw it. **Test**: the articles set aside before any rule change and "
        "never read for errors, scored by the model that ships: the honest guide to an article you add. "
        "Rows are distinct (holder, issue, stance) triples; *right* is the share a coder also coded. "
        "Bands under the minimum confidence are the **suggestions** the Review and Article pages offer to "
        "confirm or reject."
    )
    level = st.radio("Level", ["actor", "country"], horizontal=True, key="band_level",
                     help="Actor: the right person or body, issue and stance. Country: the holder's country instead.")
    table = confidence_bands_table(report, level)
    st.altair_chart(confidence_band_chart(table))
    caption = ("Share of rows a coder also coded per confidence band, dev (out of sample) beside test (unseen); "
               "the number above a bar: its rows. A band with few rows says little.")
    shown = table[(table["shown as"] == "row") & (table["test rows"] > 0)]
    if len(shown):
        lines = [f"{row['confidence']}: {row['test right']:.0%} of {row['test rows']}" for _, row in shown.iterrows()]
        caption += f" On the test articles ({level} level), rows right by confidence: " + "; ".join(lines) + "."
    st.caption(caption)
    show_table(table, ("dev right", "test right"))


st.title("Accuracy")
st.caption("How far to trust the stance table: its rows scored against gold tables made by coders "
           "who never saw this system's output, next to how often two such coders agree. These figures "
           "describe the extractor, not your corpus, so the sidebar filters do not change them.")

report = dashboard.accuracy_report()
if report is None:
    st.info("No accuracy figures are stored with this installation. A developer measures them with "
            "`python -m core accuracy --write` (it needs the evaluation articles in ../shared/eval).")
    show_calibration()
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

comparison = comparison_table(report)
if len(comparison):
    st.subheader("Rules only vs candidates + learned scorer")
    st.caption(
        "The same gold scored both ways. The scorer's dev figures are leave-one-article-out (each dev article "
        "scored by a model trained on the other dev articles); the rules were written while reading the dev "
        "articles, so their dev figures are in-sample. Only the test rows compare the two fairly. "
        f"This installation runs: {escape_markdown(str(report.get('extractor', 'rules')))}."
    )
    show_table(comparison, figure_columns(comparison))

show_calibration()
show_confidence_bands(report)

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
