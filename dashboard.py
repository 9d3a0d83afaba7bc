"""Streamlit glue shared by every page: cached loading, the sidebar filters and URL state.

This is the only module that caches. The spaCy pipeline is a ``st.cache_resource`` (one per
server process, never copied); the analysis is a ``st.cache_data`` keyed by the article folder,
the codebook file and their modification times, so a filter change or a page switch re-runs only
cheap pandas filtering, never spaCy.

Tests swap the heavy steps by monkeypatching this module's ``analyze_articles`` and
``load_pipeline``, or point ``STANCE_TRACKER_ARTICLES`` / ``STANCE_TRACKER_CODEBOOK`` at other
files.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from core.articles import Article, ArticleError, read_article, seed_article_paths
from core.codebook import DEFAULT_CODEBOOK, SEEDS_DIR, CodebookError, load_codebook
from core.filters import (
    FILTER_FIELDS,
    FILTER_LABELS,
    Filters,
    apply_filters,
    conform_tables,
    filter_options,
    filters_from_query_params,
    filters_to_query_params,
)
from core.nlp import ModelNotFoundError, load_pipeline
from core.pipeline import Tables, analyze_articles
from core.render import CERTAINTY_HELP
from core.summary import BY_CHOICES

ARTICLES_DIR_ENV = "STANCE_TRACKER_ARTICLES"
CODEBOOK_ENV = "STANCE_TRACKER_CODEBOOK"

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    """Everything the pages show, computed once per set of input files."""

    tables: Tables
    articles: dict[str, Article]  # by article_id, in file order
    issue_labels: dict[str, str]  # codebook order
    issue_descriptions: dict[str, str]
    notes: list[str] = field(default_factory=list)  # unreadable files and pipeline warnings, for the user


# --- inputs --------------------------------------------------------------------------------------


def articles_folder() -> Path:
    return Path(os.environ.get(ARTICLES_DIR_ENV) or SEEDS_DIR)


def codebook_file() -> Path:
    return Path(os.environ.get(CODEBOOK_ENV) or DEFAULT_CODEBOOK)


def input_signature(folder: Path, codebook: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every input file: part of the cache key, so editing an
    article, its metadata, the codebook or the rule files in seeds/ (actors, lexicon) re-runs the
    analysis and nothing else does."""
    paths = [*seed_article_paths(folder), *sorted(folder.glob("*.meta.yaml")), codebook, *sorted(SEEDS_DIR.glob("*.yaml"))]
    signature = []
    for path in paths:
        try:
            stat = path.stat()
            signature.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            signature.append((str(path), -1, -1))
    return tuple(signature)


@st.cache_resource(show_spinner="Loading the English language model…")
def cached_pipeline():
    return load_pipeline()


@st.cache_data(show_spinner="Analysing the articles…", max_entries=8)
def cached_analysis(folder: str, codebook_path: str, signature: tuple) -> Analysis:
    """Read, parse and analyse every article of ``folder`` (``signature`` only keys the cache)."""
    codebook = load_codebook(codebook_path)
    articles: dict[str, Article] = {}
    notes: list[str] = []
    for path in seed_article_paths(folder):
        try:
            article = read_article(path)
        except ArticleError as exc:
            notes.append(str(exc))
            continue
        articles[article.article_id] = article
        notes.extend(article.warnings)
    if articles:
        tables = analyze_articles(list(articles.values()), nlp=cached_pipeline(), codebook=codebook)
        tables = conform_tables(tables)
        notes.extend(tables.warnings)
    else:
        tables = conform_tables(Tables())
        notes.append(f"No readable article (*.txt) was found in {folder}.")
    return Analysis(
        tables=tables,
        articles=articles,
        issue_labels={issue.id: issue.label for issue in codebook.issues},
        issue_descriptions={issue.id: issue.description for issue in codebook.issues},
        notes=notes,
    )


def user_message(exc: Exception) -> str:
    """One line for the user about a failed analysis; the traceback goes to the server log only."""
    if isinstance(exc, (ArticleError, CodebookError, ModelNotFoundError)):  # written for the user
        return str(exc)
    if isinstance(exc, NotImplementedError):
        return "The analysis pipeline is not available yet in this version, so there is nothing to show."
    if isinstance(exc, ImportError):
        return f"A part of the analysis could not be loaded ({exc}). Reinstall the project's requirements."
    first_line = (str(exc).splitlines() or [""])[0]
    return f"The analysis failed ({type(exc).__name__}: {first_line}). The details are in the server log."


def get_analysis() -> Analysis:
    """The cached analysis, or an error message on the page and a stop."""
    try:
        folder, codebook = articles_folder(), codebook_file()
        return cached_analysis(str(folder), str(codebook), input_signature(folder, codebook))
    except Exception as exc:  # every failure becomes a message; the UI never shows a traceback
        log.exception("analysis failed")
        st.error(user_message(exc), icon=":material/error:")
        st.stop()
        raise  # unreachable: st.stop() ends the run


# --- URL state -----------------------------------------------------------------------------------


def _filter_key(name: str) -> str:
    return f"filter_{name}"


def set_url_param(name: str, value: str | Sequence[str] | None, default: str | None = None) -> None:
    """Mirror a choice in the URL; the default (or nothing) removes the parameter to keep links short."""
    values = [value] if isinstance(value, str) else list(value or [])
    if not values or (default is not None and values == [default]):
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get_all(name) != values:
        st.query_params[name] = values


def seed_widget_from_url(key: str, param: str, options: Sequence[str] | None = None, default: str = "") -> None:
    """Before a single-value widget is drawn: take its value from the URL when the widget appears,
    so a shared link opens on the same choice. With ``options``, a value not among them (or a
    stored one that no longer is) falls back to ``default``; without, any text is accepted."""
    if key in st.session_state and (options is None or st.session_state[key] in options):
        return
    wanted = st.query_params.get(param, default)
    st.session_state[key] = wanted if options is None or wanted in options else default


def entity_toggle(key: str) -> str:
    """"Countries | Actors" switch, kept in the URL as ``by``."""
    options = list(BY_CHOICES)
    seed_widget_from_url(key, "by", options, "country")
    by = st.segmented_control("Show", options, format_func=BY_CHOICES.get, required=True, key=key)
    by = by if by in options else "country"
    set_url_param("by", by, default="country")
    return by


# --- sidebar filters -----------------------------------------------------------------------------


def _clear_filters() -> None:
    for name in FILTER_FIELDS:
        st.session_state[_filter_key(name)] = []


def sidebar_filters(analysis: Analysis) -> Filters:
    """Draw the shared filters in the sidebar, bound to the URL query parameters.

    The first run of a session takes the filters from the URL (that is how a shared link restores
    a view); later runs take them from the widgets and write them back to the URL.
    """
    options = filter_options(analysis.tables, list(analysis.issue_labels))
    if "filters_restored" not in st.session_state:
        restored, ignored = filters_from_query_params(
            {name: st.query_params.get_all(name) for name in FILTER_FIELDS if name in st.query_params}, options
        )
        for name, values in restored.as_dict().items():
            st.session_state[_filter_key(name)] = list(values)
        st.session_state["filters_restored"] = True
        st.session_state["filters_ignored"] = ignored
    else:
        # The options can change when the input files change: drop picks that no longer exist,
        # otherwise the widget would refuse its own state.
        for name in FILTER_FIELDS:
            key = _filter_key(name)
            if key in st.session_state:
                st.session_state[key] = [v for v in st.session_state[key] if v in options[name]]

    labels = analysis.issue_labels
    helps = {
        "country": "Countries, and bodies such as the European Union or NATO.",
        "actor": "People, governments, organisations and groups that take positions or are quoted.",
        "issue": "Issues from the codebook that at least one statement addresses.",
        "stance": "Support or opposition toward the issue as the codebook names it.",
        "certainty": "; ".join(f"{name}: {text}" for name, text in CERTAINTY_HELP.items()) + ".",
    }
    formatters = {
        "issue": lambda issue_id: labels.get(issue_id, issue_id),
        "stance": str.capitalize,
        "certainty": str.capitalize,
    }
    with st.sidebar:
        st.header("Filters")
        for name in FILTER_FIELDS:
            st.multiselect(
                FILTER_LABELS[name],
                options[name],
                key=_filter_key(name),
                format_func=formatters.get(name, str),
                help=helps[name],
                placeholder="All",
            )
        filters = current_filters()
        st.button("Clear filters", on_click=_clear_filters, disabled=filters.is_empty, icon=":material/filter_alt_off:")
        st.caption("The page address keeps these filters: copy it to share this view.")
    # Shown once: on the run that opened the link.
    for message in st.session_state.pop("filters_ignored", []):
        st.warning(message, icon=":material/link_off:")

    wanted = filters_to_query_params(filters)
    for name in FILTER_FIELDS:
        set_url_param(name, wanted.get(name))
    return filters


def current_filters() -> Filters:
    """The filters as the sidebar widgets hold them in this session."""
    return Filters.from_mapping({name: st.session_state.get(_filter_key(name), []) for name in FILTER_FIELDS})


def filtered_tables(analysis: Analysis) -> Tables:
    """The analysis tables narrowed to the sidebar filters (cheap pandas, no re-analysis)."""
    return apply_filters(analysis.tables, current_filters())
