"""Where a statement comes from, in words: the pieces every evidence card and chart tooltip shares.

A claim is checkable when its evidence names the article (title, outlet, date), who said it and
how (certainty, attribution, the source that reports it), shows the words that carry the stance
and links to the passage in the article. These helpers are pure text (no HTML): the cards escape
what they take from here, and chart tooltips show text only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote

import pandas as pd

# From the most to the least certain: a cell or bar is as certain as its most certain statement.
CERTAINTY_ORDER: tuple[str, ...] = ("stated", "reported", "unconfirmed")
CERTAINTY_WORDS: dict[str, str] = {
    "stated": "stated",
    "reported": "reported",
    "unconfirmed": "unconfirmed or denied",
}
ATTRIBUTION_WORDS: dict[str, str] = {
    "direct": "direct quote",
    "indirect": "reported speech",
    "narrative": "journalist's description",
}
ARTICLE_PAGE = "article"  # url path of the Article page (app.py)
EXCERPT_CHARS = 320  # a tooltip cannot scroll: longer evidence is cut around the issue's words

_STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or over the to with without who what "
    "their his her our your this that these those not no".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def text_of(value: object) -> str:
    """A table cell as text: missing values (None, NaN, NaT) are ''."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def issue_keywords(*texts: str) -> list[str]:
    """Lower-case word stems (first five letters) of an issue's label and terms, without stop words:
    what the stance-bearing part of a long evidence is found by."""
    stems: list[str] = []
    for text in texts:
        for word in _WORD.findall(str(text).lower()):
            if len(word) > 2 and word not in _STOPWORDS:
                stems.append(word[:5])
    return list(dict.fromkeys(stems))


def evidence_excerpt(text: object, keywords: Sequence[str] = (), limit: int = EXCERPT_CHARS) -> str:
    """The whole evidence on one line when it fits ``limit``; else the ``limit`` characters around
    the first issue word (the start when none occurs), cut at word boundaries, with "…" where text
    was left out. Never a blind cut that drops the words carrying the stance."""
    line = text_of(text)
    if len(line) <= limit:
        return line
    lower = line.lower()
    hits = [m.start() for k in keywords if k for m in [re.search(r"\b" + re.escape(k), lower)] if m]
    anchor = min(hits) if hits else 0
    start = max(0, min(anchor - limit // 3, len(line) - limit))
    end = min(len(line), start + limit)
    if start > 0:
        space = line.find(" ", start)
        start = space + 1 if 0 <= space < anchor else start
    if end < len(line):
        space = line.rfind(" ", start, end)
        end = space if space > start + limit // 2 else end
    return ("…" if start > 0 else "") + line[start:end].strip() + ("…" if end < len(line) else "")


def passage_link(article_id: object, start: object, end: object) -> str:
    """Relative link to the Article page with the passage highlighted: ``article?doc=…&span=s-e``."""
    link = f"{ARTICLE_PAGE}?doc={quote(text_of(article_id), safe='')}"
    try:
        first, last = int(start), int(end)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return link
    return link + (f"&span={first}-{last}" if 0 <= first < last else "")


def parse_span(value: str | None, length: int) -> tuple[int, int] | str:
    """``"start-end"`` from a link as character offsets into a text of ``length`` characters, or the
    reason it cannot be (a message for the user)."""
    raw = (value or "").strip()
    match = re.fullmatch(r"(\d{1,9})\s*-\s*(\d{1,9})", raw)
    if not match:
        return "The passage in the link should be two numbers such as span=120-180; the whole article is shown."
    start, end = int(match.group(1)), int(match.group(2))
    if start >= end:
        return "The passage in the link ends before it starts; the whole article is shown."
    if end > length:
        return (f"The passage in the link (characters {start}–{end}) lies beyond the end of this article "
                f"({length} characters); it may have been edited. The whole article is shown.")
    return start, end


def article_line(title: object, outlet: object = "", date: object = "", article_id: object = "") -> str:
    """``Title — Outlet, 2025-03-24`` (unknown parts said so, the id when there is no title)."""
    name = text_of(title) or text_of(article_id) or "untitled article"
    where = text_of(outlet) or "unknown outlet"
    day = text_of(date)[:10] or "undated"
    return f"{name} — {where}, {day}"


def speaker_line(actor: object, country: object = "", certainty: object = "", attribution: object = "",
                 source: object = "") -> str:
    """``Vladimir Putin (Russia) · reported · reported speech · source: Steve Witkoff``."""
    who = text_of(actor) or "unknown speaker"
    where = text_of(country)
    parts = [f"{who} ({where})" if where and where != who else who]
    sure = text_of(certainty)
    parts.append(CERTAINTY_WORDS.get(sure, sure))
    how = text_of(attribution)
    parts.append(ATTRIBUTION_WORDS.get(how, how))
    if text_of(source):
        parts.append(f"source: {text_of(source)}")
    return " · ".join(p for p in parts if p)


def best_certainty(values: Iterable[object]) -> str:
    """The most certain of ``values`` (stated > reported > unconfirmed); '' for none."""
    present = {text_of(v) for v in values}
    return next((c for c in CERTAINTY_ORDER if c in present), "")


def keywords_by_issue(labels: Mapping[str, str]) -> dict[str, list[str]]:
    return {issue: issue_keywords(label, issue.replace("_", " ")) for issue, label in labels.items()}
