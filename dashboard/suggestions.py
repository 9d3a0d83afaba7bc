"""What the stance scorer is and what it left below the minimum confidence: the Review and Article
pages list those rows as *suggestions*, each with Confirm and Reject for editors.

Both buttons record a review through ``Corpus.review``, exactly as the Review page's own Confirm
and Reject do: a confirmed suggestion becomes a reviewed row (confidence 1.0, so it passes any
minimum and leaves the suggestions), a rejected one leaves every view.
"""

from __future__ import annotations

import zlib

import pandas as pd
import streamlit as st

from core.analysis.filters import format_confidence
from core.corpus.review import ReviewError, distinct_rows
from core.corpus.store import StoreError
from core.extraction.scorer import StanceScorer
from core.knowledge.codebook import CodebookError
from core.views.render import escape_markdown
from dashboard.access import current_viewer
from dashboard.sidebar import current_filters
from dashboard.state import Analysis, open_corpus, stance_scorer

SUGGESTIONS_PAGE = 10  # cards shown at first, and added by "Show more"
_ERRORS = (ReviewError, ValueError, CodebookError, StoreError)


def scorer_summary(scorer: StanceScorer | None) -> str:
    """One paragraph (Markdown) on where the rows' confidences come from and how to improve them."""
    if scorer is None:
        return ("Rows come from the hand-written rules (`STANCE_EXTRACTOR=rules`, or no usable scorer file: see the "
                "Overview's notes). Their confidences are rough "
                "values set by hand (0.5 to 0.9), not measured, and nothing is learned from your reviews. "
                "The learned scorer runs when `STANCE_EXTRACTOR` is unset and `seeds/stance_scorer.json` is usable.")
    info = scorer.info or {}
    articles = info.get("articles", 0)
    count = len(articles) if isinstance(articles, (list, tuple)) else int(articles or 0)
    reviews = scorer.reviews
    trained = f" on {info['trained']}" if info.get("trained") else ""
    cases = int(info.get("challenge_candidates") or 0)
    invented = f", {cases:,} candidates of invented construction cases" if cases else ""
    return (f"Rows are scored by a model trained{trained} on {count} blind-coded article{'s' if count != 1 else ''}{invented} "
            f"and {reviews} of your review{'s' if reviews != 1 else ''}. Run `python -m core train --db <corpus file or URL>` "
            "to learn from your reviews.")


def _flash_key(key: str) -> str:
    return f"{key}_flash"


def suggestions_panel(analysis: Analysis, suggestions: pd.DataFrame, *, key: str, expanded: bool = False) -> None:
    """An expander with ``suggestions`` (rows below the minimum confidence, most confident first):
    actor, issue, stance, confidence and the evidence quote, and for editors one-click Confirm and
    Reject. ``key`` keeps the widget keys of two pages apart."""
    flash = st.session_state.pop(_flash_key(key), None)
    if flash:
        st.success(escape_markdown(flash), icon=":material/check_circle:")
    minimum = current_filters().min_confidence
    rows = distinct_rows(suggestions)
    title = f"Suggestions below the minimum confidence ({len(rows)})"
    with st.expander(title, icon=":material/lightbulb:", expanded=expanded and bool(rows)):
        if not current_filters().narrows_by_confidence:
            st.write("The minimum confidence in the sidebar is 0: every statement is shown above, none is held back.")
            return
        scorer = stance_scorer()
        floor = f" (the scorer keeps nothing below {format_confidence(scorer.floor)})" if scorer is not None else ""
        st.caption(f"Statements the machine found but is less sure of than the minimum confidence, "
                   f"{format_confidence(minimum)}{floor}. They are left out of every chart, table and export "
                   "until confirmed. Confirm one to keep it as a reviewed statement; reject it to drop it.")
        if not rows:
            st.write("None in this article under the current filters.")
            return
        viewer = current_viewer()
        editing = viewer.is_editor  # checked again on click: a missing button is not a guard
        if not editing:
            st.caption("Confirming or rejecting a suggestion needs an editor: sign in as one in the sidebar.")
        labels = analysis.issue_labels
        shown = int(st.session_state.get(f"{key}_shown", SUGGESTIONS_PAGE))
        for token, row in list(rows.items())[:shown]:
            _suggestion(row, token, labels, key=key, editing=editing, reviewer=viewer.identity)
        if len(rows) > shown:
            more = min(SUGGESTIONS_PAGE, len(rows) - shown)
            st.caption(f"Showing the {shown} most confident of {len(rows)}.")
            if st.button(f"Show {more} more", key=f"{key}_more", icon=":material/expand_more:"):
                st.session_state[f"{key}_shown"] = shown + SUGGESTIONS_PAGE
                st.rerun()


def _suggestion(row: dict, token: str, labels: dict[str, str], *, key: str, editing: bool, reviewer: str) -> None:
    issue = labels.get(str(row.get("issue") or ""), str(row.get("issue") or ""))
    actor = str(row.get("actor") or "") or "unknown actor"
    country = str(row.get("country") or "")
    confidence = pd.to_numeric(row.get("confidence"), errors="coerce")
    shown_confidence = f"{float(confidence):.2f}" if pd.notna(confidence) else "unknown"
    quote = " ".join(str(row.get("quote") or "").split())
    with st.container(border=True):
        st.markdown(
            f"**{escape_markdown(actor)}**" + (f" ({escape_markdown(country)})" if country and country != actor else "")
            + f" · {escape_markdown(issue)}: **{escape_markdown(str(row.get('stance') or ''))}**"
            + f" · confidence {shown_confidence}  \n> {escape_markdown(quote)}"
        )
        if not editing:
            return
        digest = zlib.crc32(token.encode("utf-8"))
        buttons = st.container(horizontal=True)
        confirm = buttons.button("Confirm", key=f"{key}_confirm_{digest}", icon=":material/check:",
                                 help="The statement is right as shown: keep it as a reviewed statement.")
        reject = buttons.button("Reject", key=f"{key}_reject_{digest}", icon=":material/block:",
                                help="The text holds no such statement: drop it.")
    if not (confirm or reject) or not current_viewer().is_editor:
        return
    action = "confirm" if confirm else "reject"
    try:
        open_corpus().review(action, row, reviewer=reviewer, note="suggestion below the minimum confidence")
    except _ERRORS as exc:
        st.error(escape_markdown((str(exc).splitlines() or [""])[0]), icon=":material/error:")
        return
    done = "Confirmed" if confirm else "Rejected"
    st.session_state[_flash_key(key)] = f"{done}: {actor} · {issue}: {row.get('stance', '')}."
    st.rerun()
