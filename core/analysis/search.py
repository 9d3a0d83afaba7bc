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
