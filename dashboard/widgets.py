"""Widgets several pages share: the article picker and the stored-article list, the countries /
actors switch, the issue picker and the empty-state message."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from core.analysis.filters import Filters, empty_result_message
from core.analysis.summary import BY_CHOICES, ordered_issues
from core.model import Article, newest_first
from core.views.render import escape_markdown
from dashboard.sidebar import seed_widget_from_url, set_url_param
from dashboard.state import Analysis, article_text

# The stored-article list: the title is what people recognise an article by; the id (what the CLI
# takes) goes last.
ARTICLE_LIST_ORDER = ["title", "outlet", "date", "words", "statements", "added", "article_id"]
ARTICLE_LIST_EDITABLE = ["title", "outlet", "date"]
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"


def article_list(analysis: Analysis, editable: bool, key: str = "corpus_editor") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored articles, newest first, as a table; with ``editable`` the title, outlet and date
    can be edited in place. Returns (the table as shown, the table as edited)."""
    stored = newest_first(analysis.articles)
    view = pd.DataFrame(
        {
            "article_id": stored["article_id"],
            "title": stored["title"],
            "outlet": stored["outlet"],
            "date": stored["date"],
            "words": stored["words"],
            "statements": stored["statements"],
            "added": stored["added_at"].str[:10],
        }
    )
    config = {
        "article_id": st.column_config.TextColumn("Id", width="medium",
                                                  help="What `python -m core remove` takes" if editable else None),
        "title": st.column_config.TextColumn("Title", width="large"),
        "outlet": st.column_config.TextColumn("Outlet", width="small"),
        "date": st.column_config.TextColumn("Date", width="small", validate=DATE_PATTERN if editable else None),
        "words": st.column_config.NumberColumn("Words", format="%d", width="small"),
        "statements": st.column_config.NumberColumn("Statements", format="%d", width="small"),
        "added": st.column_config.TextColumn("Added", width="small"),
    }
    if not editable:
        st.dataframe(view, hide_index=True, width="stretch", column_order=ARTICLE_LIST_ORDER, column_config=config)
        return view, view
    changed = st.data_editor(
        view,
        key=key,
        hide_index=True,
        width="stretch",
        disabled=[c for c in view.columns if c not in ARTICLE_LIST_EDITABLE],
        column_order=ARTICLE_LIST_ORDER,
        column_config=config,
    )
    return view, changed


def article_picker(analysis: Analysis, article_ids: list[str], *, key: str, param: str, help: str | None = None,
                   always: bool = True) -> Article:
    """The "Article" selectbox over ``article_ids`` (the first is the default), kept in the URL as
    ``param``; without ``always`` a single article is taken without asking. Returns the chosen
    article with its text; one deleted meanwhile is said so, and the page stops."""
    if always or len(article_ids) > 1:
        seed_widget_from_url(key, param, article_ids, article_ids[0])
        article_id = st.selectbox("Article", article_ids, format_func=analysis.title_of, key=key, help=help)
        set_url_param(param, article_id, default=article_ids[0])
    else:
        article_id = article_ids[0]
    article = article_text(article_id)
    if article is None:
        st.info("This article was deleted meanwhile. Choose another one.", icon=":material/delete:")
        st.stop()
        raise AssertionError("unreachable: st.stop() ends the run")
    return article


def entity_toggle(key: str) -> str:
    """"Countries | Actors" switch, kept in the URL as ``by``."""
    options = list(BY_CHOICES)
    seed_widget_from_url(key, "by", options, "country")
    by = st.segmented_control("Show", options, format_func=BY_CHOICES.__getitem__, required=True, key=key)
    by = by if by in options else "country"
    set_url_param("by", by, default="country")
    return by


def show_empty_state(analysis: Analysis, filters: Filters, what: str = "statements") -> None:
    """Tell the user why there is nothing to show and what to do: add articles to an empty corpus,
    or loosen the sidebar filters."""
    articles = len(analysis.articles)
    if what != "statements":  # the minimum confidence leaves out stance rows only
        filters = replace(filters, min_confidence=0.0)
    # The message quotes filter values (from the URL) and issue labels (editable): text, not Markdown.
    message = escape_markdown(empty_result_message(filters, analysis.issue_labels, what, articles=articles))
    if articles == 0 or (filters.is_empty and not filters.narrows_by_confidence):
        st.info(message, icon=":material/library_add:")
        st.page_link("app_pages/articles.py", label="Add articles", icon=":material/add:")
    else:
        st.info(message, icon=":material/filter_alt:")


def issue_picker(analysis: Analysis, stances: pd.DataFrame, filters: Filters, key: str) -> str:
    """The issue selectbox of the Positions and Timeline pages: issues with statements under the
    filters, in codebook order, kept in the URL as ``topic``; an empty result explains itself and
    stops the page."""
    labels = analysis.issue_labels
    issues = ordered_issues(stances["issue"].unique().tolist(), list(labels))
    if not issues:
        show_empty_state(analysis, filters)
        st.stop()
    seed_widget_from_url(key, "topic", issues, issues[0])
    issue = st.selectbox("Issue", issues, format_func=lambda i: labels.get(i, i), key=key)
    set_url_param("topic", issue, default=issues[0])
    return issue


