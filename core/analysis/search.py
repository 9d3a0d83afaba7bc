"""Quote search: query parsing, matching and highlighting, as pure functions.

Query syntax, kept to what an analyst types without reading help:

* words: every word must occur (AND), case-insensitively, anywhere in the text ("Russia" also
  finds "Russia's" and "Russian");
* ``"a phrase"`` in double quotes: the phrase must occur as written (case-insensitive; runs of
  spaces match any whitespace);
* an unbalanced double quote is dropped and the rest is read as words, so a half-typed query
  still searches;
* typographic quotes and apostrophes (“ ” ’) count as their plain forms, because the articles use
  them and keyboards mostly do not.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

_DOUBLE_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_APOSTROPHES = "'’‘`"


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: single ``words`` and exact ``phrases``, all of which must match."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    @property
    def terms(self) -> tuple[str, ...]:
        return self.phrases + self.words


def parse_query(text: str | None) -> SearchQuery:
    """Split a query into words and double-quoted phrases (see the module doc for the rules)."""
    text = (text or "").translate(_DOUBLE_QUOTES)
    phrases: list[str] = []
    words: list[str] = []
    parts = text.split('"')
    # Even parts are outside quotes, odd parts inside. With an odd number of quote characters the
    # last part is after an unclosed quote: read it as plain words.
    closed = len(parts) % 2 == 1
    for index, part in enumerate(parts):
        inside = index % 2 == 1 and (closed or index < len(parts) - 1)
        if inside:
            phrase = " ".join(part.split())
            if phrase:
                phrases.append(phrase)
        else:
            words.extend(part.split())
    return SearchQuery(words=_unique(words), phrases=_unique(phrases))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def _term_pattern(term: str) -> re.Pattern:
    """A case-insensitive pattern for a term: any whitespace between words, any apostrophe form."""
    pieces: list[str] = []
    for char in term:
        if char.isspace():
            if not pieces or pieces[-1] != r"\s+":
                pieces.append(r"\s+")
        elif char in _APOSTROPHES:
            pieces.append(f"[{re.escape(_APOSTROPHES)}]")
        else:
            pieces.append(re.escape(char))
    return re.compile("".join(pieces), re.IGNORECASE)


def matches(query: SearchQuery, *texts: str) -> bool:
    """True when every term of ``query`` occurs in at least one of ``texts`` (an empty query matches)."""
    for term in query.terms:
        pattern = _term_pattern(term)
        if not any(pattern.search(text or "") for text in texts):
            return False
    return True


def match_spans(query: SearchQuery, text: str) -> list[tuple[int, int]]:
    """Sorted, merged ``(start, end)`` character spans of every term occurrence in ``text``."""
    spans: list[tuple[int, int]] = []
    for term in query.terms:
        spans.extend((m.start(), m.end()) for m in _term_pattern(term).finditer(text or "") if m.end() > m.start())
    return merge_spans(spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans merged, so highlights never nest."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def highlight_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` as escaped HTML with each span wrapped in ``<mark>``; everything else is escaped too."""
    text = text or ""
    out: list[str] = []
    cursor = 0
    for start, end in merge_spans((max(0, s), min(len(text), e)) for s, e in spans):
        if end <= start or start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def search_rows(table: pd.DataFrame, query: SearchQuery, columns: Iterable[str]) -> pd.DataFrame:
    """Rows of ``table`` where every term occurs in at least one of ``columns`` (all rows when the
    query is empty)."""
    columns = [c for c in columns if c in table.columns]
    if query.is_empty or table.empty:
        return table.reset_index(drop=True)
    keep = [matches(query, *(str(row[c]) for c in columns)) for _, row in table.iterrows()]
    return table[keep].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Searching quotes and stance evidence together

SCOPES: dict[str, str] = {  # scope -> what the Quotes page's toggle says
    "both": "Quotes and stance evidence",
    "quotes": "Quotes only",
    "evidence": "Stance evidence only",
}
KIND_QUOTE = "quote"
KIND_EVIDENCE = "stance evidence"
RESULT_COLUMNS: list[str] = [
    "kind",  # KIND_QUOTE | KIND_EVIDENCE
    "article_id",
    "text",  # the verbatim quote or stance evidence
    "start_char",
    "end_char",
    "speaker",  # the quote's speaker or the stance row's actor
    "country",
    "form",  # a quote's kind (direct, indirect, according_to) or a stance row's attribution
    "issue",  # stance evidence only ('' for quotes)
    "stance",
    "certainty",
    "source",
]


def _empty_results() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c.endswith("_char") else "object") for c in RESULT_COLUMNS})


def _overlapping(stances: pd.DataFrame, quotes: pd.DataFrame) -> list[bool]:
    """For each stance row: does its evidence overlap one of ``quotes`` in the same article?"""
    spans: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in quotes[["article_id", "start_char", "end_char"]].itertuples(index=False):
        spans.setdefault(str(article_id), []).append((int(start), int(end)))
    return [
        any(s < int(end) and int(start) < e for s, e in spans.get(str(article_id), ()))
        for article_id, start, end in stances[["article_id", "start_char", "end_char"]].itertuples(index=False)
    ]


def _results(kind: str, rows: pd.DataFrame, *, text: str, speaker: str, form: str,
             stance_columns: bool = False) -> pd.DataFrame:
    """``rows`` (quotes or stance rows) in RESULT_COLUMNS: ``text``, ``speaker`` and ``form`` name
    the columns that fill those; issue, stance, certainty and source come from a stance row's own
    columns, and are empty for a quote."""
    frame = pd.DataFrame({
        "kind": kind,
        "article_id": rows["article_id"].astype(str),
        "text": rows[text].astype(str),
        "start_char": rows["start_char"].astype("int64"),
        "end_char": rows["end_char"].astype("int64"),
        "speaker": rows[speaker].astype(str),
        "country": rows["country"].astype(str),
        "form": rows[form].astype(str),
    })
    for column in ("issue", "stance", "certainty", "source"):
        frame[column] = rows[column].astype(str) if stance_columns else ""
    return frame


def search_evidence(
    quotes: pd.DataFrame,
    stances: pd.DataFrame,
    query: SearchQuery,
    scope: str = "both",
    issue_labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Quotes and/or stance rows matching ``query``, as one table in ``RESULT_COLUMNS``, each row
    saying which ``kind`` it is, in article order and then by position in the article.

    * quotes match on their text, speaker and country (as :func:`search_rows`);
    * stance rows match on their evidence, actor, country, source and issue (its label and id):
      "troops" finds the rows on "Foreign troops in Ukraine" even when the evidence says
      "contingents", which is how an analyst looks for everything said on an issue;
    * with ``scope="both"`` a stance row whose evidence lies in a quote that is listed is not
      listed again: the quote's card already shows its issue and stance.
    """
    if scope not in SCOPES:
        raise ValueError(f"unknown search scope {scope!r}; expected one of {', '.join(SCOPES)}")
    labels = issue_labels or {}
    parts: list[pd.DataFrame] = []
    found_quotes = search_rows(quotes, query, ["text", "speaker", "country"]) if scope != "evidence" else quotes.iloc[0:0]
    if scope != "evidence" and not found_quotes.empty:
        parts.append(_results(KIND_QUOTE, found_quotes, text="text", speaker="speaker", form="kind"))
    if scope != "quotes" and not stances.empty:
        rows = stances.reset_index(drop=True)
        if not query.is_empty:
            keep = [
                matches(query, str(quote), str(actor), str(country), str(source), labels.get(str(issue), ""), str(issue))
                for quote, actor, country, source, issue in rows[["quote", "actor", "country", "source", "issue"]]
                .itertuples(index=False)
            ]
            rows = rows[keep].reset_index(drop=True)
        if scope == "both" and not rows.empty and not found_quotes.empty:
            rows = rows[[not inside for inside in _overlapping(rows, found_quotes)]].reset_index(drop=True)
        if not rows.empty:
            parts.append(_results(KIND_EVIDENCE, rows, text="quote", speaker="actor", form="attribution",
                                  stance_columns=True))
    if not parts:
        return _empty_results()
    result = pd.concat(parts, ignore_index=True)
    # Articles in the order they first appear (the tables' own order), then by place in the text.
    order = {article_id: i for i, article_id in enumerate(dict.fromkeys(result["article_id"]))}
    result["_article"] = result["article_id"].map(order)
    result = result.sort_values(["_article", "start_char", "kind"], kind="stable").drop(columns="_article")
    return result.reset_index(drop=True)[RESULT_COLUMNS]
