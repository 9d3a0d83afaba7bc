"""The dashboard's shared filters as pure functions: options, application and URL round-trips.

A :class:`Filters` holds, for each filterable field, the values the user picked; an empty field
means "no filter on this field". The same field names are the URL query parameter names, so a
filtered view can be shared as a link (``?country=Russia&country=France&issue=ceasefire``).
Issues travel in URLs by codebook id (stable, URL-safe), never by label.

The minimum confidence is a threshold on the stance rows' ``confidence`` (the scorer's calibrated
probability that a row is right): rows below it are left out of every chart, table and export, and
the Review and Article pages offer them as suggestions (:func:`below_min_confidence`). A row a
person confirmed, corrected or added (confidence 1.0, a non-empty ``review``) always passes; so
does a row without a confidence (nothing says it is unlikely). It is not a field filter:
:attr:`Filters.is_empty` ignores it, and its URL parameter is written only when it differs from
the default the dashboard passes (the scorer's own minimum).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

import pandas as pd

from core.analysis.summary import ordered_issues
from core.extraction.pipeline import Tables
from core.ingest.dates import iso_date
from core.model import (
    ACTOR_COLUMNS,
    CERTAINTIES,
    MENTION_COLUMNS,
    MISSED_COLUMNS,
    QUOTE_COLUMNS,
    STANCE_ARTICLE_COLUMNS,
    STANCE_COLUMNS,
    STANCE_REVIEW_COLUMNS,
    STANCES,
    newest_first,
)

# Multi-value filters: on statements first, then on the articles they come from.
STATEMENT_FIELDS: tuple[str, ...] = ("country", "actor", "issue", "stance", "certainty")
ARTICLE_FIELDS: tuple[str, ...] = ("article", "outlet")
FILTER_FIELDS: tuple[str, ...] = STATEMENT_FIELDS + ARTICLE_FIELDS
# Single-value date bounds (ISO dates, inclusive), in the URL as ?since=2025-03-01&until=...
DATE_FIELDS: tuple[str, ...] = ("since", "until")
# The minimum confidence, in the URL as ?min_confidence=0.45 when not the default.
CONFIDENCE_FIELD = "min_confidence"
FILTER_LABELS: dict[str, str] = {
    "country": "Country",
    "actor": "Actor",
    "issue": "Issue",
    "stance": "Stance",
    "certainty": "Certainty",
    "article": "Article",
    "outlet": "Outlet",
    "since": "From",
    "until": "To",
    CONFIDENCE_FIELD: "Minimum confidence",
}

_INT_COLUMNS = {"sentence", "start_char", "end_char", "speaker_start", "speaker_end", "mentions", "review_id"}
_FLOAT_COLUMNS = {"confidence"}
_LIST_COLUMNS = {"aliases"}  # kept as the pipeline made them


@dataclass(frozen=True)
class Filters:
    """The values picked per field; an empty tuple means the field is not filtered."""

    country: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    issue: tuple[str, ...] = ()
    stance: tuple[str, ...] = ()
    certainty: tuple[str, ...] = ()
    article: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    since: str = ""  # ISO date, inclusive; "" = open
    until: str = ""
    min_confidence: float = 0.0  # stance rows below it are left out (reviewed rows always pass)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Iterable[str] | str | None]) -> Filters:
        """Build from ``{field: values}``; unknown keys are ignored, a lone string is one value."""
        picked: dict[str, tuple[str, ...]] = {}
        for name in FILTER_FIELDS:
            raw = values.get(name)
            if raw is None:
                continue
            items = [raw] if isinstance(raw, str) else list(raw)
            picked[name] = _dedupe(str(v) for v in items if str(v).strip())
        dates = {name: _iso_date(values.get(name)) for name in DATE_FIELDS}
        chosen: dict[str, Any] = {**picked, **dates}  # tuples and date strings, by field name
        confidence = parse_confidence(values.get(CONFIDENCE_FIELD))
        if confidence is not None:
            chosen[CONFIDENCE_FIELD] = confidence
        return cls(**chosen)

    def as_dict(self) -> dict[str, tuple[str, ...]]:
        """The multi-value fields (dates are ``since``/``until``)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name in FILTER_FIELDS}

    @property
    def is_empty(self) -> bool:
        return not any(self.as_dict().values()) and not self.narrows_articles_by_date

    @property
    def narrows_by_confidence(self) -> bool:
        return self.min_confidence > 0

    @property
    def narrows_articles_by_date(self) -> bool:
        return bool(self.since or self.until)

    @property
    def narrows_articles(self) -> bool:
        return bool(self.article or self.outlet or self.narrows_articles_by_date)

    @property
    def narrows_statements(self) -> bool:
        """True when a field only stance rows carry (issue, stance, certainty) is filtered."""
        return bool(self.issue or self.stance or self.certainty)


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def parse_confidence(value: object) -> float | None:
    """A minimum confidence from a widget or a URL (a number or its text, or a one-item list),
    rounded to two decimals; None for anything that is not a number from 0 to 1."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    if not 0.0 <= number <= 1.0:  # also refuses nan
        return None
    return round(number, 2)


def format_confidence(value: float) -> str:
    """``0.3`` -> "0.3", ``0.05`` -> "0.05": the shortest text of a two-decimal threshold."""
    return f"{round(float(value), 2):g}"


def _iso_date(value) -> str:
    """``YYYY-MM-DD`` from a string, date or one-item list; "" for anything else."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return iso_date(value, leading=True)


# --- making tables safe to display ---------------------------------------------------------------


def conform_table(df: pd.DataFrame | None, columns: Sequence[str]) -> pd.DataFrame:
    """A copy of ``df`` with exactly the contract ``columns``, in order.

    Missing columns are added empty, text is "" instead of NaN and offsets are ints (-1 when
    missing), so the pages never fail on a half-filled table.
    """
    df = pd.DataFrame(columns=list(columns)) if df is None else df.copy()
    for name in columns:
        if name not in df.columns:
            df[name] = pd.Series(dtype="object", index=df.index)
    df = df[list(columns)].reset_index(drop=True)
    for name in columns:
        if name in _INT_COLUMNS:
            df[name] = pd.to_numeric(df[name], errors="coerce").fillna(-1).astype("int64")
        elif name in _FLOAT_COLUMNS:
            df[name] = pd.to_numeric(df[name], errors="coerce").astype("float64")
        elif name not in _LIST_COLUMNS:
            df[name] = df[name].fillna("").astype(str)
    return df


def conform_tables(tables: Tables) -> Tables:
    """Every table of ``tables`` conformed to its contract columns (see :func:`conform_table`)."""
    return Tables(
        stances=conform_table(tables.stances, [*STANCE_COLUMNS, *STANCE_ARTICLE_COLUMNS, *STANCE_REVIEW_COLUMNS]),
        quotes=conform_table(tables.quotes, QUOTE_COLUMNS),
        actors=conform_table(tables.actors, ACTOR_COLUMNS),
        mentions=conform_table(tables.mentions, MENTION_COLUMNS),
        warnings=list(tables.warnings),
        missed=conform_table(getattr(tables, "missed", None), MISSED_COLUMNS),
    )


# --- options -------------------------------------------------------------------------------------


def _present(*columns: pd.Series) -> list[str]:
    """The distinct non-blank values of ``columns``, sorted case-insensitively (distinct first:
    a corpus column has tens of thousands of rows but a few hundred values)."""
    values: set[str] = set()
    for column in columns:
        values.update(str(v) for v in pd.unique(column.dropna()) if str(v).strip())
    return sorted(values, key=str.casefold)


def filter_options(
    tables: Tables, issue_order: Sequence[str] = (), articles: pd.DataFrame | None = None
) -> dict[str, list[str]]:
    """The values each filter can take, from the data.

    Countries and actors come from stance rows and quote speakers (the Quotes page shows quotes
    that carry no stance); issues are those with at least one stance row, in codebook order;
    stance and certainty are the fixed vocabularies, so a link using them never goes stale.
    Articles (by id, newest first) and outlets come from the article table when given.
    """
    stances, quotes = tables.stances, tables.quotes
    present_issues = set(stances["issue"].dropna().astype(str)) - {""}
    if articles is not None and not articles.empty:
        by_date = newest_first(articles)
        article_ids = by_date["article_id"].astype(str).tolist()
        outlets = _present(articles["outlet"])
    else:
        article_ids = _present(stances["article_id"], quotes["article_id"])
        outlets = _present(stances["outlet"]) if "outlet" in stances.columns else []
    return {
        "country": _present(stances["country"], quotes["country"]),
        "actor": _present(stances["actor"], quotes["speaker"]),
        "issue": ordered_issues(sorted(present_issues), issue_order),
        "stance": list(STANCES),
        "certainty": list(CERTAINTIES),
        "article": article_ids,
        "outlet": outlets,
    }


def articles_matching(articles: pd.DataFrame, filters: Filters) -> set[str]:
    """Ids of the articles that pass the article-level filters (article, outlet, date range).

    An article without a known date is outside any date range: a range asks for dated evidence."""
    mask = _isin(articles["article_id"], filters.article) & _isin(articles["outlet"], filters.outlet)
    dates = articles["date"].fillna("").astype(str).str[:10]
    if filters.since:
        mask &= (dates != "") & (dates >= filters.since)
    if filters.until:
        mask &= (dates != "") & (dates <= filters.until)
    return set(articles.loc[mask, "article_id"].astype(str))


# --- applying ------------------------------------------------------------------------------------


def _isin(column: pd.Series, values: tuple[str, ...]) -> pd.Series:
    """All-true when the field is not filtered."""
    if not values:
        return pd.Series(True, index=column.index)
    return column.isin(values)


def confidence_passes(stances: pd.DataFrame, minimum: float) -> pd.Series:
    """True for the rows at or above ``minimum`` confidence, for every reviewed row (a person
    vouched for it) and for rows without a confidence."""
    if minimum <= 0 or "confidence" not in stances.columns:
        return pd.Series(True, index=stances.index)
    confidence = pd.to_numeric(stances["confidence"], errors="coerce")
    # A small tolerance: 0.3 stored as 0.30000000000000004 must pass a threshold of 0.3.
    passes = confidence.isna() | (confidence >= minimum - 1e-9)
    if "review" in stances.columns:
        passes |= stances["review"].fillna("").astype(str) != ""
    return passes


def below_min_confidence(stances: pd.DataFrame, minimum: float) -> pd.DataFrame:
    """The rows :func:`confidence_passes` leaves out, most confident first (ties in reading
    order): what the Review and Article pages offer as suggestions."""
    below = stances[~confidence_passes(stances, minimum)]
    if below.empty:
        return below.reset_index(drop=True)
    order = below.assign(_confidence=pd.to_numeric(below["confidence"], errors="coerce"))
    order = order.sort_values(["_confidence", "article_id", "start_char"], ascending=[False, True, True], kind="stable")
    return order.drop(columns="_confidence").reset_index(drop=True)


def filter_stances(stances: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    mask = (
        confidence_passes(stances, filters.min_confidence)
        & _isin(stances["country"], filters.country)
        & _isin(stances["actor"], filters.actor)
        & _isin(stances["issue"], filters.issue)
        & _isin(stances["stance"], filters.stance)
        & _isin(stances["certainty"], filters.certainty)
    )
    return stances[mask].reset_index(drop=True)


def overlapping_pairs(quotes: pd.DataFrame, stances: pd.DataFrame) -> pd.DataFrame:
    """Pairs (quote_index, stance_index) whose evidence overlaps in the same article.

    A stance row's evidence usually lies inside (or equals) the quote it was read from, so an
    overlap of character ranges is the join key; equal article ids keep articles apart.
    """
    if quotes.empty or stances.empty:
        return pd.DataFrame({"quote_index": pd.Series(dtype="int64"), "stance_index": pd.Series(dtype="int64")})
    left = quotes[["article_id", "start_char", "end_char"]].reset_index(names="quote_index")
    right = stances[["article_id", "start_char", "end_char"]].reset_index(names="stance_index")
    pairs = left.merge(right, on="article_id", suffixes=("_q", "_s"))
    overlap = (pairs["start_char_q"] < pairs["end_char_s"]) & (pairs["start_char_s"] < pairs["end_char_q"])
    return pairs.loc[overlap, ["quote_index", "stance_index"]].reset_index(drop=True)


def quotes_with_positions(quotes: pd.DataFrame, stances: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` plus a ``positions`` column: the (issue, stance) pairs the quote is evidence for,
    as (issue, stance, holder) when the stance is someone else's than the speaker's ("Witkoff would
    not confirm that Putin's requests include conditions unacceptable to Kyiv": Kyiv's opposition
    beside Putin's support, each named, not two bare contradictory chips).

    Pairs keep the order of the stance rows and are unique; a quote that backs no stance row has
    an empty list.
    """
    result = quotes.reset_index(drop=True).copy()
    stances = stances.reset_index(drop=True)
    if not result.empty and not stances.empty:
        # Only the stance rows of the quotes' articles take part in the join.
        stances = stances[stances["article_id"].isin(set(result["article_id"]))].reset_index(drop=True)
    pairs = overlapping_pairs(result, stances)
    issues, stance_values = stances["issue"].astype(str).tolist(), stances["stance"].astype(str).tolist()
    holders = stances["actor"].astype(str).tolist() if "actor" in stances else [""] * len(stances)
    speakers = result["speaker"].astype(str).tolist() if "speaker" in result else [""] * len(result)
    positions: dict[int, list[tuple[str, ...]]] = {}
    for quote_index, stance_index in pairs.itertuples(index=False):
        found = positions.setdefault(int(quote_index), [])
        holder = holders[stance_index]
        pair: tuple[str, ...] = (issues[stance_index], stance_values[stance_index])
        if holder and holder != speakers[quote_index]:
            pair = (*pair, holder)
        if pair not in found:
            found.append(pair)
    result["positions"] = [positions.get(i, []) for i in range(len(result))]
    return result


def filter_quotes(quotes: pd.DataFrame, filtered_stances: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Quotes by the picked speakers/countries; when issue, stance or certainty is filtered, only
    quotes that are evidence for one of the already filtered stance rows (a quote has no issue of
    its own)."""
    mask = _isin(quotes["country"], filters.country) & _isin(quotes["speaker"], filters.actor)
    if filters.narrows_statements:
        pairs = overlapping_pairs(quotes.reset_index(drop=True), filtered_stances)
        backed = set(pairs["quote_index"].tolist())
        mask &= pd.Series([i in backed for i in range(len(quotes))], index=quotes.index)
    return quotes[mask].reset_index(drop=True)


def apply_filters(tables: Tables, filters: Filters, articles: pd.DataFrame | None = None) -> Tables:
    """The tables narrowed to ``filters``.

    Article-level filters (article, outlet, dates; outlet and dates need the ``articles`` table)
    first keep the rows of the matching articles. Then stance rows match every filtered field;
    quotes, actors and mentions match the fields they carry (country, actor/speaker); quotes are
    further narrowed as in :func:`filter_quotes`. The actors table is recounted from the kept
    mentions when articles are narrowed.
    """
    missed = getattr(tables, "missed", None)
    if missed is None:
        missed = pd.DataFrame(columns=MISSED_COLUMNS)
    if filters.narrows_articles:
        if articles is not None:
            keep = articles_matching(articles, filters)
        else:
            keep = set(_present(tables.stances["article_id"], tables.quotes["article_id"]))
            keep = {a for a in keep if not filters.article or a in filters.article}
        tables = Tables(
            stances=tables.stances[tables.stances["article_id"].isin(keep)],
            quotes=tables.quotes[tables.quotes["article_id"].isin(keep)],
            actors=tables.actors,
            mentions=tables.mentions[tables.mentions["article_id"].isin(keep)],
            warnings=tables.warnings,
            missed=missed[missed["article_id"].isin(keep)],
        )
        missed = tables.missed
        mentioned = set(tables.mentions["actor"]) | set(tables.stances["actor"]) | set(tables.quotes["speaker"])
        tables.actors = tables.actors[tables.actors["actor"].isin(mentioned)]
    stances = filter_stances(tables.stances, filters)
    quotes = filter_quotes(tables.quotes, stances, filters)
    actors = tables.actors[
        _isin(tables.actors["country"], filters.country) & _isin(tables.actors["actor"], filters.actor)
    ].reset_index(drop=True)
    mentions = tables.mentions[
        _isin(tables.mentions["country"], filters.country) & _isin(tables.mentions["actor"], filters.actor)
    ].reset_index(drop=True)
    return Tables(
        stances=stances,
        quotes=quotes,
        actors=actors,
        mentions=mentions,
        warnings=list(tables.warnings),
        missed=missed.reset_index(drop=True),
    )


# --- URL query parameters ------------------------------------------------------------------------


def filters_from_query_params(
    params: Mapping[str, str | Sequence[str]],
    options: Mapping[str, Sequence[str]] | None = None,
    default_min_confidence: float = 0.0,
) -> tuple[Filters, list[str]]:
    """Filters restored from URL query parameters, plus one message per value that was dropped.

    A parameter may be a string or a list (repeated key). Values not among ``options`` (when
    given) are dropped, so an old link never breaks the page: the user is told what was ignored.
    Keys that are not filters (page-specific parameters) are left alone. Without a valid
    ``min_confidence`` the minimum confidence is ``default_min_confidence``.
    """
    picked: dict[str, list[str] | str] = {}
    confidence = parse_confidence(default_min_confidence) or 0.0
    ignored: list[str] = []
    for name in FILTER_FIELDS:
        raw = params.get(name)
        if raw is None:
            continue
        values = [raw] if isinstance(raw, str) else [str(v) for v in raw]
        allowed = set(options[name]) if options is not None and name in options else None
        kept = []
        for value in values:
            value = value.strip()
            if not value:
                continue
            if allowed is not None and value not in allowed:
                ignored.append(f"{FILTER_LABELS[name]} '{value}' from the link is not in the current data; it was ignored.")
                continue
            kept.append(value)
        picked[name] = kept
    for name in DATE_FIELDS:
        raw = params.get(name)
        if raw is None:
            continue
        value = _iso_date(raw)
        if not value:
            ignored.append(f"{FILTER_LABELS[name]} date '{raw}' from the link is not a date (YYYY-MM-DD); it was ignored.")
        picked[name] = value
    raw = params.get(CONFIDENCE_FIELD)
    if raw is not None:
        linked = parse_confidence(raw)
        if linked is None:
            shown = raw if isinstance(raw, str) else ", ".join(str(v) for v in raw)
            ignored.append(f"{FILTER_LABELS[CONFIDENCE_FIELD]} '{shown}' from the link is not a number from 0 to 1; "
                           "it was ignored.")
        else:
            confidence = linked
    return replace(Filters.from_mapping(picked), min_confidence=confidence), ignored


def filters_to_query_params(filters: Filters, default_min_confidence: float = 0.0) -> dict[str, list[str]]:
    """The URL query parameters for ``filters``: one (repeatable) key per filtered field only, and
    the minimum confidence when it is not ``default_min_confidence``."""
    params = {name: list(values) for name, values in filters.as_dict().items() if values}
    for name in DATE_FIELDS:
        if getattr(filters, name):
            params[name] = [getattr(filters, name)]
    if round(filters.min_confidence, 2) != round(default_min_confidence, 2):
        params[CONFIDENCE_FIELD] = [format_confidence(filters.min_confidence)]
    return params


# --- messages ------------------------------------------------------------------------------------


def describe_filters(filters: Filters, issue_labels: Mapping[str, str] | None = None) -> str:
    """``Country: Russia, France; Issue: Ceasefire`` (issue ids shown by label), or "" when empty."""
    labels = issue_labels or {}
    parts = []
    for name, values in filters.as_dict().items():
        if not values:
            continue
        shown = [labels.get(v, v) for v in values] if name == "issue" else list(values)
        parts.append(f"{FILTER_LABELS[name]}: {', '.join(shown)}")
    if filters.since or filters.until:
        parts.append(f"Dates: {filters.since or '…'} to {filters.until or '…'}")
    if filters.narrows_by_confidence:
        parts.append(f"{FILTER_LABELS[CONFIDENCE_FIELD]}: {format_confidence(filters.min_confidence)}")
    return "; ".join(parts)


def empty_result_message(
    filters: Filters, issue_labels: Mapping[str, str] | None = None, what: str = "statements",
    articles: int | None = None,
) -> str:
    """What to tell the user when nothing is left to show, and what to do about it.

    ``articles`` is the number of articles in the corpus when known: none at all is a different
    problem (add some) from articles that yield nothing (add others, or read the notes)."""
    if articles == 0:
        return (
            "The corpus has no article yet. Add news articles on the Articles page: paste text, upload "
            "files or give a web address."
        )
    counted = f"the {articles} analysed article{'s' if articles != 1 else ''}" if articles else "the analysed articles"
    if filters.is_empty and filters.narrows_by_confidence:
        return (
            f"No {what} at or above the minimum confidence ({format_confidence(filters.min_confidence)}) were found "
            f"in {counted}. Lower 'Minimum confidence' in the sidebar to see the less certain ones."
        )
    if filters.is_empty:
        return (
            f"No {what} were found in {counted}. "
            "Add articles on the Articles page or check the notes on the Overview page."
        )
    return (
        f"No {what} match the current filters ({describe_filters(filters, issue_labels)}). "
        "Remove a filter in the sidebar, or press 'Clear filters' to see everything"
        + (" at or above the minimum confidence." if filters.narrows_by_confidence else ".")
    )
