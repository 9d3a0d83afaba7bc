"""Review: confirm, correct or reject the machine's stance rows one article at a time, add the
statements it missed, read the audit trail and export the reviewed rows as a gold file.

Every write goes through ``core.corpus.corpus.Corpus`` (an append-only review log); the page then reruns,
the store's revision changes and every page shows the reviewed table."""

from __future__ import annotations

import zlib

import pandas as pd
import streamlit as st

import dashboard
from core.analysis.filters import articles_matching, filter_stances
from core.corpus.review import (
    EDITABLE_FIELDS,
    REJECTED,
    REVIEW_STATUSES,
    ReviewError,
    article_rows,
    audit_trail,
    changed_fields,
    distinct_rows,
    evidence_span,
    neighbour_row,
    next_unreviewed,
    review_article_ids,
    review_progress,
    row_token,
    rows_with_status,
    sentence_spans,
    stale_articles,
    standing_rejections,
    with_rejections,
)
from core.corpus.store import StoreError
from core.knowledge.codebook import CodebookError
from core.model import ACTOR_TYPES, CERTAINTIES, STANCES
from core.views.export import gold_csv
from core.views.render import escape_markdown, quote_card_html

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
stances = dashboard.filtered_tables(analysis).stances
labels = analysis.issue_labels

# Session keys. Widget keys are what the tests drive; the others carry state between runs.
FLASH = "review_flash"  # the message of the last action, shown once after the rerun
NEXT_ROW = "review_next_row"  # the row to select after an action
FORM_FOR = "review_form_for"  # the row the correction form was filled from
ADD_FOR = "review_add_for"  # the sentence the "Evidence" input was filled from
RESET_ADD = "review_reset_add"
STATUS_CHOICES = dict(zip(REVIEW_STATUSES, ("All", "Not reviewed", "Reviewed")))
STATUS_LABELS = {"": "not reviewed", "confirmed": "confirmed", "corrected": "corrected", "added": "added",
                 REJECTED: "✕ rejected"}
TABLE_SYNC = "review_table_sync"  # (table key, row position) the statements table was last set to
# The correction form's widget keys: Streamlit drops them while another page is shown.
FORM_KEYS = [*(f"review_{name}" for name in EDITABLE_FIELDS), "review_note"]
STALE_TITLES = 10  # articles named in the stale-review warning
USER_ERRORS = (ReviewError, ValueError, CodebookError, StoreError)

st.title("Review")
st.caption("Check the machine's statements against the article: confirm, correct or reject each one, add the "
           "ones it missed, and export the reviewed rows as a gold file for evaluation.")
st.caption(dashboard.scorer_summary(dashboard.stance_scorer()))


# --- small helpers (no business logic: labels, keys and the widgets' state) ----------------------


def _issue_label(issue: str) -> str:
    return labels.get(issue, issue) if issue else "(choose an issue)"


def _with(options: list[str] | tuple[str, ...], value: str) -> list[str]:
    """``options`` plus ``value`` when it is not among them (a widget must accept its own value)."""
    return list(options) if value in options else [*options, value]


def _reviewer() -> str:
    """The identity the audit trail records: the signed-in editor, never a typed name."""
    return viewer.identity


def _done(message: str, next_row: str | None = None) -> None:
    """After a stored review: remember the message and the next row, and reload every view."""
    st.session_state[FLASH] = message
    if next_row is not None:
        st.session_state[NEXT_ROW] = next_row
    st.rerun()


def _go(tokens: list[str], step: int) -> None:
    """"Previous" / "Next": the statement ``step`` places away in the list (a button callback, run
    before the page, so the row picker can still be set)."""
    target = neighbour_row(dict.fromkeys(tokens), str(st.session_state.get("review_row") or ""), step)
    if target is not None:
        st.session_state["review_row"] = target


def _fill_form(row: dict) -> None:
    for name in EDITABLE_FIELDS:
        st.session_state[f"review_{name}"] = str(row.get(name) or "")
    st.session_state["review_note"] = ""


def _changed(row: dict) -> dict[str, str]:
    """The fields of the correction form that differ from the shown row."""
    return changed_fields(row, {name: st.session_state.get(f"review_{name}") for name in EDITABLE_FIELDS})


# --- the reviewer and the last action's message --------------------------------------------------

viewer = dashboard.current_viewer()
editing = viewer.is_editor  # every action below also checks it: a disabled button is not a guard
if editing:
    st.caption(f"Your reviews are recorded as {escape_markdown(viewer.identity)}.")
else:
    dashboard.show_editor_notice("Confirming, correcting, rejecting or adding statements")

flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(escape_markdown(flash), icon=":material/check_circle:")
    st.toast(escape_markdown(flash), icon=":material/check_circle:")

# --- the article ---------------------------------------------------------------------------------

if analysis.articles.empty:
    dashboard.show_empty_state(analysis, filters)
    st.stop()

statement_filter = bool(filters.country or filters.actor or filters.narrows_statements)
suggestions = dashboard.suggested_stances(analysis)  # below the minimum confidence: listed apart
article_ids = review_article_ids(
    analysis.options.get("article", []), analysis.articles, pd.concat([stances, suggestions]),
    statement_filter=statement_filter,
    matching=articles_matching(analysis.articles, filters) if filters.narrows_articles else None,
)
if not article_ids:
    dashboard.show_empty_state(analysis, filters)
    st.stop()

article = dashboard.article_picker(
    analysis, article_ids, key="review_doc", param="doc",
    help="Newest first: the articles with statements under the sidebar filters (with no statement filter set, "
    "also the analysed articles where nothing was found).",
)
article_id = article.article_id
corpus = dashboard.open_corpus()

# --- progress and the rows -----------------------------------------------------------------------

history = corpus.review_history(article_id)
# Rejected rows stay listed (marked, restorable) when they would pass the filters: the count of
# statements never drops because one was rejected.
rejections = [r for r in standing_rejections(history) if str(r.get("article_id") or "") == article_id]
live_rows = article_rows(stances, article_id)
if rejections:
    rejected_frame = pd.DataFrame(rejections).reindex(columns=live_rows.columns)
    rejections = filter_stances(rejected_frame, filters).to_dict(orient="records")
rows_all = with_rejections(live_rows, rejections)
progress = review_progress(distinct_rows(rows_all))
scope = " matching the filters" if statement_filter else ""
st.progress(progress.share, text=f"Statements in this article{scope}: {progress.text}")

status = st.segmented_control("Review status", list(STATUS_CHOICES), format_func=STATUS_CHOICES.get,
                              required=True, default="all", key="review_status")
by_token = distinct_rows(rows_with_status(rows_all, status or "all"))
tokens = list(by_token)

st.subheader("Statements")
if not tokens:
    if rows_all.empty:
        st.info("The machine found no statement in this article" + (" under the current filters" if scope else "")
                + ". Add the ones it missed below.", icon=":material/info:")
    else:
        st.info("No statement in this article has this review status. Choose 'All' above to see them.",
                icon=":material/filter_alt:")
else:
    # One table per article and status filter: its key does not change when a row is reviewed,
    # so the table keeps its place; its selection follows the row being reviewed.
    table_key = f"review_table_{zlib.crc32(f'{article_id}|{status}'.encode())}"
    pending = st.session_state.pop(NEXT_ROW, None)
    if pending in by_token:
        st.session_state["review_row"] = pending
    else:
        state = st.session_state.get(table_key)
        picked = list(getattr(getattr(state, "selection", None), "rows", None) or
                      ((state or {}).get("selection", {}).get("rows", []) if isinstance(state, dict) else []))
        if picked and picked[0] < len(tokens) and st.session_state.get(TABLE_SYNC) != (table_key, picked[0]):
            st.session_state["review_row"] = tokens[picked[0]]  # a row clicked in the table
    if st.session_state.get("review_row") not in by_token:  # start at the first statement not reviewed yet
        st.session_state["review_row"] = next_unreviewed(by_token, "") or tokens[0]
    current = tokens.index(st.session_state["review_row"])
    if st.session_state.get(TABLE_SYNC) != (table_key, current):
        st.session_state[table_key] = {"selection": {"rows": [current], "columns": []}}
        st.session_state[TABLE_SYNC] = (table_key, current)

    shown = [by_token[t] for t in tokens]
    view = pd.DataFrame({
        "status": [STATUS_LABELS.get(r["review"], r["review"]) for r in shown],
        "sentence": [r["sentence"] for r in shown],
        "actor": [r["actor"] for r in shown],
        "country": [r["country"] for r in shown],
        "issue": [_issue_label(r["issue"]) for r in shown],
        "stance": [r["stance"] for r in shown],
        "certainty": [r["certainty"] for r in shown],
        "quote": [r["quote"] for r in shown],
    })
    struck = view["status"] == STATUS_LABELS[REJECTED]
    styled = view.style.apply(
        lambda column: ["text-decoration: line-through; color: #8a8d91" if gone else "" for gone in struck], axis=0)
    st.dataframe(
        styled, key=table_key, on_select="rerun", selection_mode="single-row", hide_index=True,
        height=min(420, 38 + 35 * len(view)),
        column_config={
            "status": st.column_config.TextColumn("Status", help="not reviewed, confirmed, corrected, added or "
                                                  "rejected (struck through: in no view; select it to restore it)"),
            "sentence": st.column_config.NumberColumn("#", help="Sentence number in the article", format="%d"),
            "actor": st.column_config.TextColumn("Actor"),
            "country": st.column_config.TextColumn("Country"),
            "issue": st.column_config.TextColumn("Issue", width="medium"),
            "stance": st.column_config.TextColumn("Stance"),
            "certainty": st.column_config.TextColumn("Certainty"),
            "quote": st.column_config.TextColumn("Quote", width="large"),
        },
    )
    st.caption("Click a row, or choose it below, to review it. Keys: Y confirm, S save correction, X reject, "
               "U restore a rejected row, N next, P previous (not while typing in a field).")

    def _option(token: str) -> str:
        r = by_token[token]
        mark = f" ({r['review']})" if r["review"] else ""
        return f"#{r['sentence']} · {r['actor'] or 'unknown actor'} · {_issue_label(r['issue'])}: {r['stance']}{mark}"

    token = st.selectbox("Statement to review", tokens, format_func=_option, key="review_row")
    row = by_token[token]
    rejected = row["review"] == REJECTED
    next_token = next_unreviewed(by_token, token)  # where the reviewer goes after an action

    st.html(quote_card_html(
        row["quote"], speaker=row["actor"], country=row["country"], positions=[(row["issue"], row["stance"])],
        issue_labels=labels,
        details=[row["certainty"], f"{row['attribution']} attribution" if row["attribution"] else "",
                 f"reported by {row['source']}" if row["source"] else "", f"sentence {row['sentence']}",
                 "rejected: in no view until restored" if rejected else ""],
    ))

    # Refilled for another row, and when coming back from another page (the widget keys are gone).
    if st.session_state.get(FORM_FOR) != token or any(key not in st.session_state for key in FORM_KEYS):
        _fill_form(row)
        st.session_state[FORM_FOR] = token
    countries = _with(["", *analysis.options.get("country", [])], str(st.session_state.get("review_country") or ""))
    # Not an st.form: the buttons follow the fields as they are edited ("Save correction" is the
    # primary action only once a field differs from the statement, "Confirm" until then).
    with st.container(border=True):
        left, right = st.columns(2)
        left.text_input("Actor", key="review_actor", help="Who takes the stance, as it should be named everywhere.")
        right.selectbox("Actor type", _with(ACTOR_TYPES, st.session_state["review_actor_type"]), key="review_actor_type")
        left.selectbox("Country", countries, key="review_country", accept_new_options=True,
                       format_func=lambda c: c or "(none)",
                       help="Pick one, or type a new name; (none) when the actor has no country.")
        right.selectbox("Issue", _with(list(labels), st.session_state["review_issue"]), key="review_issue",
                        format_func=_issue_label)
        left.selectbox("Stance", _with(STANCES, st.session_state["review_stance"]), key="review_stance",
                       help="Toward the issue as the codebook names it.")
        right.selectbox("Certainty", _with(CERTAINTIES, st.session_state["review_certainty"]), key="review_certainty")
        st.text_input("Note (optional)", key="review_note", max_chars=500)
        edited = bool(_changed(row))
        buttons = st.container(horizontal=True)
        confirm = restore = reject = False
        if rejected:
            restore = buttons.button("Restore", type="secondary" if edited else "primary", icon=":material/undo:",
                                     key="review_restore_row", shortcut="U", disabled=not editing,
                                     help="The statement is right after all: bring it back as confirmed.") and editing
        else:
            confirm = buttons.button("Confirm", type="secondary" if edited else "primary", icon=":material/check:",
                                     key="review_confirm", shortcut="Y", disabled=not editing,
                                     help="The statement is right as shown.") and editing
        correct = buttons.button("Save correction", type="primary" if edited else "secondary", icon=":material/edit:",
                                 key="review_correct", shortcut="S", disabled=not editing,
                                 help="Store the values edited above." if edited else
                                 "Edit a field above first: then this stores the change.") and editing
        if not rejected:
            reject = buttons.button("Reject", icon=":material/block:", key="review_reject", shortcut="X",
                                    help="The text holds no such statement: remove it from every view (it stays "
                                    "listed here, struck through, and can be restored).",
                                    disabled=not editing) and editing
        buttons.button("Previous", type="tertiary", icon=":material/arrow_upward:", key="review_previous",
                       shortcut="P", on_click=_go, args=(tokens, -1), help="The statement above in the list.")
        buttons.button("Next", type="tertiary", icon=":material/arrow_downward:", key="review_next",
                       shortcut="N", on_click=_go, args=(tokens, 1), help="The statement below in the list.")
    st.caption("Corrections are stored as reviews with the original values: they survive a re-analysis and "
               "can be followed in the review history below.")

    note = str(st.session_state.get("review_note") or "").strip()
    try:
        if confirm:
            edits = _changed(row)
            if edits:
                st.error(f"You changed {', '.join(n.replace('_', ' ') for n in edits)}: press 'Save correction' "
                         "to store the change, or choose the statement again to undo it.", icon=":material/error:")
            else:
                corpus.review("confirm", row, reviewer=_reviewer(), note=note)
                _done(f"Confirmed: {row['actor']} · {_issue_label(row['issue'])}: {row['stance']}.", next_token or token)
        elif restore:
            corpus.review("confirm", {**row, "review": ""}, reviewer=_reviewer(),
                          note=note or "restored after a rejection")
            _done(f"Restored: {row['actor']} · {_issue_label(row['issue'])}: {row['stance']}.", next_token or token)
        elif correct:
            edits = _changed(row)
            if not edits:
                st.error("Nothing was changed: edit a field first, or press 'Confirm' if the statement is right.",
                         icon=":material/error:")
            else:
                corpus.review("correct", {**row, "review": "" if rejected else row["review"]}, edits,
                              reviewer=_reviewer(), note=note)
                fixed = {**row, **edits}
                _done(f"Corrected: {fixed['actor']} · {_issue_label(fixed['issue'])}: {fixed['stance']}.",
                      next_token or row_token(fixed))
        elif reject:
            corpus.review("reject", row, reviewer=_reviewer(), note=note)
            _done(f"Rejected: {row['actor']} · {_issue_label(row['issue'])}: {row['stance']}.", next_token)
    except USER_ERRORS as exc:
        st.error(escape_markdown((str(exc).splitlines() or [""])[0]), icon=":material/error:")

dashboard.suggestions_panel(analysis, suggestions[suggestions["article_id"] == article_id], key="review_suggestion",
                            expanded=not tokens)

# --- adding a missed statement -------------------------------------------------------------------

st.subheader("Add a missed statement")
st.caption("Choose the sentence, shorten the evidence to the exact words that carry the position (they must be "
           "copied from the sentence), then say who takes which stance on which issue.")
text = article.text
spans = sentence_spans(text)
if not spans:
    st.info("This article has no text to mark.", icon=":material/info:")
else:
    if st.session_state.pop(RESET_ADD, False):
        for name in ("add_actor", "add_country", "add_issue", "add_note", ADD_FOR):
            st.session_state.pop(name, None)
    choices = list(range(len(spans)))
    if st.session_state.get("add_sentence") not in choices:
        st.session_state["add_sentence"] = 0

    def _sentence_label(index: int) -> str:
        begin, end = spans[index]
        words = " ".join(text[begin:end].split())
        return f"#{index + 1} · {words[:140]}{'…' if len(words) > 140 else ''}"

    chosen = st.selectbox("Sentence", choices, format_func=_sentence_label, key="add_sentence")
    begin, end = spans[chosen]
    sentence = text[begin:end]
    if st.session_state.get(ADD_FOR) != (article_id, chosen) or "add_evidence" not in st.session_state:
        st.session_state["add_evidence"] = sentence
        st.session_state[ADD_FOR] = (article_id, chosen)
    st.session_state.setdefault("add_actor_type", "person")
    st.session_state.setdefault("add_stance", "support")
    st.session_state.setdefault("add_certainty", "stated")
    st.session_state.setdefault("add_issue", None)
    add_countries = _with(["", *analysis.options.get("country", [])], str(st.session_state.get("add_country") or ""))
    with st.form("add_form", border=True):
        st.text_area("Evidence", key="add_evidence", height=90,
                     help="The verbatim words of the statement: shorten the sentence, do not retype it.")
        left, right = st.columns(2)
        left.text_input("Actor", key="add_actor")
        right.selectbox("Actor type", ACTOR_TYPES, key="add_actor_type")
        left.selectbox("Country", add_countries, key="add_country", accept_new_options=True,
                       format_func=lambda c: c or "(none)")
        right.selectbox("Issue", list(labels), key="add_issue", format_func=_issue_label,
                        placeholder="Choose an issue")
        left.selectbox("Stance", STANCES, key="add_stance")
        right.selectbox("Certainty", CERTAINTIES, key="add_certainty")
        st.text_input("Note (optional)", key="add_note", max_chars=500)
        add = st.form_submit_button("Add statement", type="primary", icon=":material/add:", key="add_submit",
                                    disabled=not editing) and editing
    if add:
        span = evidence_span(text, (begin, end), str(st.session_state.get("add_evidence") or ""))
        if span is None:
            st.error("The evidence must be words copied exactly from the chosen sentence (shorten it, do not "
                     "retype or reword it). Nothing was stored.", icon=":material/error:")
        else:
            try:
                corpus.add_statement(
                    article_id, *span,
                    str(st.session_state.get("add_actor") or ""), str(st.session_state.get("add_actor_type") or ""),
                    str(st.session_state.get("add_country") or ""), str(st.session_state.get("add_issue") or ""),
                    str(st.session_state.get("add_stance") or ""), str(st.session_state.get("add_certainty") or ""),
                    reviewer=_reviewer(), note=str(st.session_state.get("add_note") or ""),
                )
            except USER_ERRORS as exc:
                st.error(escape_markdown((str(exc).splitlines() or [""])[0]), icon=":material/error:")
            else:
                st.session_state[RESET_ADD] = True
                _done(f"Added: {st.session_state.get('add_actor', '').strip()} · "
                      f"{_issue_label(str(st.session_state.get('add_issue') or ''))}: {st.session_state.get('add_stance')}.")

# --- the audit trail -----------------------------------------------------------------------------

with st.expander(f"Review history (audit trail): {len(history)} review(s) of this article", icon=":material/history:"):
    if history.empty:
        st.write("No review of this article yet.")
    else:
        st.dataframe(audit_trail(history, labels)[::-1], hide_index=True, key="review_history_table",
                     column_config={"change": st.column_config.TextColumn("change", width="large")})
        st.caption("Newest first. Reviews are never changed or deleted; a later review of a statement supersedes "
                   "the earlier one.")
        rejected = standing_rejections(history)
        if rejected:
            pick = st.selectbox(
                "Rejected statement to restore", range(len(rejected)), key="review_restore_pick",
                format_func=lambda i: (f"{rejected[i].get('actor') or 'unknown actor'} · "
                                       f"{_issue_label(str(rejected[i].get('issue') or ''))}: "
                                       f"{rejected[i].get('stance', '')} (rejected {rejected[i]['_rejected_at']})"),
            )
            if st.button("Restore", icon=":material/undo:", key="review_restore", disabled=not editing) and editing:
                restored = {k: v for k, v in rejected[pick].items() if k != "_rejected_at"}
                try:
                    corpus.review("confirm", restored, reviewer=_reviewer(), note="restored after a rejection")
                except USER_ERRORS as exc:
                    st.error(escape_markdown((str(exc).splitlines() or [""])[0]), icon=":material/error:")
                else:
                    _done(f"Restored: {restored.get('actor', '')} · {_issue_label(str(restored.get('issue') or ''))}.")

# --- stale reviews and the gold export -----------------------------------------------------------

st.subheader("Export")
stale = analysis.stale_reviews
if len(stale):
    stale_ids = stale_articles(stale)
    named = ", ".join(f"“{escape_markdown(analysis.title_of(a))}”" for a in stale_ids[:STALE_TITLES])
    if len(stale_ids) > STALE_TITLES:
        named += f" and {len(stale_ids) - STALE_TITLES} more"
    st.warning(f"{len(stale)} confirmation(s) or rejection(s) no longer match a statement: the articles were "
               f"analysed again and those statements changed. Review those articles again: {named}.",
               icon=":material/sync_problem:")

reviewed_all = analysis.tables.stances
gold_rows = int((reviewed_all["review"] != "").sum()) if not reviewed_all.empty else 0
st.download_button(
    "Download reviewed rows as gold CSV",
    data=gold_csv(reviewed_all),
    file_name="gold_reviewed.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
    disabled=gold_rows == 0,
    key="review_gold_download",
)
EVALUATE_HINT = ("Score the machine against it: `python -m core evaluate --db <corpus file or URL> --gold gold_reviewed.csv` "
                 "(only the reviewed articles are scored, with the corpus's machine rows before review).")
if gold_rows:
    st.caption(f"{gold_rows} reviewed statement(s) in the whole corpus (the sidebar filters do not apply). "
               + EVALUATE_HINT)
else:
    st.caption("Nothing is reviewed yet: confirm, correct or add statements first. " + EVALUATE_HINT)
