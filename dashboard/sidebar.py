"""The sidebar filters and the URL state: every choice a shared link must restore lives in the
page address.

The first run of a session takes the filters from the URL; later runs take them from the widgets
and write them back, so the address bar always holds the current view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from core.analysis.filters import (
    ARTICLE_FIELDS,
    CONFIDENCE_FIELD,
    FILTER_FIELDS,
    FILTER_LABELS,
    STATEMENT_FIELDS,
    Filters,
    apply_filters,
    below_min_confidence,
    filters_from_query_params,
    filters_to_query_params,
    format_confidence,
    parse_confidence,
)
from core.extraction.pipeline import Tables
from core.views.render import CERTAINTY_HELP, escape_markdown
from dashboard.state import Analysis, default_min_confidence, stance_scorer

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


# --- sidebar filters -----------------------------------------------------------------------------


DATES_KEY = "filter_dates"
CONFIDENCE_KEY = "filter_min_confidence"
CONFIDENCE_STEP = 0.05


def _clear_filters(default_confidence: float) -> None:
    for name in FILTER_FIELDS:
        st.session_state[_filter_key(name)] = []
    st.session_state[DATES_KEY] = ()
    st.session_state[CONFIDENCE_KEY] = default_confidence


def confidence_help(default: float, scored: bool) -> str:
    """What the minimum confidence means, for the slider's help."""
    meaning = ("Only statements at least this likely to be right are counted in charts, tables and exports. "
               "A statement's confidence is the share of statements like it that were right on the development "
               "articles (the scorer's calibrated probability). ")
    if scored:
        meaning += (f"The default, {format_confidence(default)}, gave the best F1 on those articles. "
                    "Lower it to see more, less certain statements; raise it for fewer, surer ones. ")
    else:
        meaning += ("The hand-written rules are running now: their confidences (0.5 to 0.9) are rough values set "
                    "by hand, not measured, so the default, 0, keeps every statement. ")
    return meaning + ("Statements a person confirmed, corrected or added always count (confidence 1). Those below "
                      "the minimum are offered as suggestions on the Review and Article pages.")


def _date_bounds(articles: pd.DataFrame) -> tuple[date, date] | None:
    dates = pd.to_datetime(articles["date"], errors="coerce", format="%Y-%m-%d").dropna()
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()


def _dates_value(filters: Filters, earliest: date | None = None) -> tuple[date, ...]:
    """The date widget's value for the filters' range: () none, (since,) open-ended, (since, until).
    A range with only an end starts at ``earliest`` (the widget has no open start); a reversed
    range is put in order."""
    since = date.fromisoformat(filters.since) if filters.since else None
    until = date.fromisoformat(filters.until) if filters.until else None
    if until and not since:
        since = min(earliest, until) if earliest else until
    if since and until:
        return tuple(sorted((since, until)))
    return (since,) if since else ()


def sidebar_filters(analysis: Analysis) -> Filters:
    """Draw the shared filters in the sidebar, bound to the URL query parameters.

    The first run of a session takes the filters from the URL (that is how a shared link restores
    a view); later runs take them from the widgets and write them back to the URL.
    """
    options = analysis.options
    default_confidence = default_min_confidence()
    if "filters_restored" not in st.session_state:
        params: dict[str, str | list[str]] = {
            name: st.query_params.get_all(name) for name in FILTER_FIELDS if name in st.query_params
        }
        params |= {name: st.query_params[name] for name in ("since", "until", CONFIDENCE_FIELD) if name in st.query_params}
        restored, ignored = filters_from_query_params(params, options, default_min_confidence=default_confidence)
        for name, values in restored.as_dict().items():
            st.session_state[_filter_key(name)] = list(values)
        st.session_state[CONFIDENCE_KEY] = restored.min_confidence
        bounds = _date_bounds(analysis.articles)
        st.session_state[DATES_KEY] = _dates_value(restored, bounds[0] if bounds else None)
        st.session_state["filters_restored"] = True
        st.session_state["filters_ignored"] = ignored
    else:
        # The options change when articles are added or deleted: drop picks that no longer
        # exist, otherwise the widget would refuse its own state.
        for name in FILTER_FIELDS:
            key = _filter_key(name)
            if key in st.session_state:
                st.session_state[key] = [v for v in st.session_state[key] if v in options[name]]

    labels = analysis.issue_labels
    helps = {
        "country": "Countries, and bodies such as the European Union or NATO.",
        "actor": "People, governments, organisations and groups that take positions or are quoted. "
        "Spellings of one person across articles are merged.",
        "issue": "Issues from the codebook that at least one statement addresses.",
        "stance": "Support or opposition toward the issue as the codebook names it.",
        "certainty": "; ".join(f"{name}: {text}" for name, text in CERTAINTY_HELP.items()) + ".",
        "article": "Only statements from these articles (newest first).",
        "outlet": "Only statements from articles by these publishers.",
    }
    formatters = {
        "issue": lambda issue_id: labels.get(issue_id, issue_id),
        "stance": str.capitalize,
        "certainty": str.capitalize,
        "article": analysis.title_of,
    }
    bounds = _date_bounds(analysis.articles)
    picked = tuple(st.session_state.get(DATES_KEY) or ())
    if bounds is None and picked:  # a range from a link over undated articles: still show it
        bounds = (min(picked), max(picked))
    with st.sidebar:
        st.header("Filters")
        for name in STATEMENT_FIELDS:
            _multiselect(name, options, formatters, helps)
        st.session_state.setdefault(CONFIDENCE_KEY, default_confidence)
        st.slider(
            FILTER_LABELS[CONFIDENCE_FIELD], min_value=0.0, max_value=1.0, step=CONFIDENCE_STEP, format="%.2f",
            key=CONFIDENCE_KEY, help=confidence_help(default_confidence, stance_scorer() is not None),
        )
        st.subheader("Articles")
        for name in ARTICLE_FIELDS:
            _multiselect(name, options, formatters, helps)
        if bounds:
            st.date_input(
                "Published between",
                value=(),  # type: ignore[arg-type]  # an empty range: the widget takes it, its stubs do not
                min_value=min([bounds[0], *picked]),
                max_value=max([bounds[1], *picked]),
                key=DATES_KEY,
                format="YYYY-MM-DD",
                help="Only statements from articles published in this range (both ends included). "
                "Articles without a known date are left out while a range is set.",
            )
        filters = current_filters()
        untouched = filters.is_empty and filters.min_confidence == default_confidence
        st.button("Clear filters", on_click=_clear_filters, args=(default_confidence,), disabled=untouched,
                  icon=":material/filter_alt_off:",
                  help="Every filter off; the minimum confidence back to its default "
                  f"({format_confidence(default_confidence)}).")
        st.caption("The page address keeps these filters: copy it to share this view.")
    # Shown once: on the run that opened the link.
    for message in st.session_state.pop("filters_ignored", []):
        st.warning(escape_markdown(message), icon=":material/link_off:")

    wanted = filters_to_query_params(filters, default_min_confidence=default_confidence)
    for name in (*FILTER_FIELDS, "since", "until", CONFIDENCE_FIELD):
        set_url_param(name, wanted.get(name))
    return filters


def _multiselect(name: str, options: dict, formatters: dict, helps: dict) -> None:
    st.multiselect(
        FILTER_LABELS[name],
        options[name],
        key=_filter_key(name),
        format_func=formatters.get(name, str),
        help=helps[name],
        placeholder="All",
    )


def current_filters() -> Filters:
    """The filters as the sidebar widgets hold them in this session."""
    values: dict = {name: st.session_state.get(_filter_key(name), []) for name in FILTER_FIELDS}
    picked = tuple(st.session_state.get(DATES_KEY) or ())
    values["since"] = picked[0] if len(picked) >= 1 else ""
    values["until"] = picked[1] if len(picked) >= 2 else ""
    confidence = parse_confidence(st.session_state.get(CONFIDENCE_KEY))
    values[CONFIDENCE_FIELD] = default_min_confidence() if confidence is None else confidence
    return Filters.from_mapping(values)


def filtered_tables(analysis: Analysis) -> Tables:
    """The analysis tables narrowed to the sidebar filters (cheap pandas, no re-analysis)."""
    return apply_filters(analysis.tables, current_filters(), analysis.articles)


def suggested_stances(analysis: Analysis) -> pd.DataFrame:
    """The stance rows that pass every sidebar filter but the minimum confidence, and not that:
    the suggestions the Review and Article pages offer (most confident first)."""
    filters = current_filters()
    if not filters.narrows_by_confidence:
        return analysis.tables.stances.iloc[0:0]
    loose = apply_filters(analysis.tables, replace(filters, min_confidence=0.0), analysis.articles).stances
    return below_min_confidence(loose, filters.min_confidence)
