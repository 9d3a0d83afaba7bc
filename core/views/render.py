"""HTML for article text, quotes and small lists, built from escaped text only.

Article text is untrusted: it can hold ``<script>``, Markdown or ``$LaTeX$``. Every piece of text
that reaches the page goes through :func:`html.escape` here, and the pages show the result with
``st.html`` (no Markdown pass), so the text is shown exactly as written and nothing in it runs.

Highlights may overlap (an actor mention inside a quoted statement, two issues in one sentence):
the text is cut at every highlight boundary and each piece is styled by all highlights covering
it, so overlapping spans never produce broken or nested markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from core.analysis.search import highlight_html
from core.views.charts import STANCE_COLOURS
from core.views.evidence import (
    EXCERPT_CHARS,
    article_line,
    best_certainty,
    evidence_excerpt,
    passage_link,
    speaker_line,
    text_of,
)

KIND_LABELS: dict[str, str] = {
    "direct": "direct quote",
    "indirect": "reported speech",
    "according_to": "“according to”",
}
CERTAINTY_HELP: dict[str, str] = {
    "stated": "the actor states it",
    "reported": "someone else reports it",
    "unconfirmed": "reported as unconfirmed or denied",
}

_TINT = "33"  # hex alpha appended to a palette colour: a light background that keeps text readable
_MENTION_STYLE = "font-weight:600;text-decoration:underline dotted 1.5px;text-underline-offset:3px"
# The passage a link points to: a yellow marker with a dark underline, unlike any stance colour (an
# outline would box every piece the mentions cut it into).
_PASSAGE_STYLE = "background:#FFE45C;border-bottom:3px solid #111111;padding:1px 0;scroll-margin-top:6rem"
PASSAGE_ID = "stance-passage"


@dataclass(frozen=True)
class Highlight:
    """A span of the article to mark: an actor ``mention`` or the ``evidence`` of a stance row."""

    start: int
    end: int
    kind: Literal["mention", "evidence", "passage"]  # passage: the one a link points to
    label: str  # shown on hover
    stance: str = ""  # evidence only: support | oppose | neutral


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def article_highlights(
    article_id: str,
    mentions: pd.DataFrame,
    stances: pd.DataFrame,
    issue_labels: Mapping[str, str] | None = None,
) -> list[Highlight]:
    """The highlights of one article: its actor mentions and the evidence of its stance rows."""
    labels = issue_labels or {}
    highlights: list[Highlight] = []
    for row in mentions[mentions["article_id"] == article_id].itertuples(index=False):
        details = ", ".join(v for v in (_text(row.actor_type), _text(row.country)) if v)
        label = f"{_text(row.actor)} ({details})" if details else _text(row.actor)
        highlights.append(Highlight(int(row.start_char), int(row.end_char), "mention", label))
    for row in stances[stances["article_id"] == article_id].itertuples(index=False):
        issue = labels.get(_text(row.issue), _text(row.issue))
        label = f"{_text(row.actor)} — {issue}: {_text(row.stance)} ({_text(row.certainty)})"
        highlights.append(Highlight(int(row.start_char), int(row.end_char), "evidence", label, _text(row.stance)))
    return highlights


def _segment_style(active: Sequence[Highlight]) -> tuple[str, str, str]:
    """(style, data-kind, data-stance) for a piece of text covered by ``active`` highlights."""
    styles: list[str] = []
    kinds = sorted({h.kind for h in active})
    stances = sorted({h.stance for h in active if h.kind == "evidence" and h.stance})
    stance = ""
    if stances:
        stance = stances[0] if len(stances) == 1 else "mixed"
        colour = STANCE_COLOURS.get(stance, STANCE_COLOURS["neutral"])
        styles.append(f"background:{colour}{_TINT};border-bottom:2px solid {colour};padding:1px 0")
    if "mention" in kinds:
        styles.append(_MENTION_STYLE)
    if "passage" in kinds:
        styles.append(_PASSAGE_STYLE)
    return ";".join(styles), " ".join(kinds), stance


def render_article_html(text: str, highlights: Iterable[Highlight]) -> str:
    """The article as escaped HTML with highlights; whitespace and line breaks kept as written.

    Spans outside the text are clipped, empty or inverted ones ignored.
    """
    text = text or ""
    spans = [
        Highlight(max(0, h.start), min(len(text), h.end), h.kind, h.label, h.stance)
        for h in highlights
        if h.end > h.start and h.end > 0 and h.start < len(text)
    ]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    pieces: list[str] = []
    anchored = False
    for start, end in zip(cuts, cuts[1:]):
        piece = html.escape(text[start:end])
        active = [h for h in spans if h.start <= start and end <= h.end]
        if not active:
            pieces.append(piece)
            continue
        style, kinds, stance = _segment_style(active)
        title = html.escape("\n".join(dict.fromkeys(h.label for h in active)), quote=True)
        stance_attr = f' data-stance="{stance}"' if stance else ""
        if "passage" in kinds and not anchored:  # the first piece of the linked passage: where to scroll
            stance_attr += f' id="{PASSAGE_ID}"'
            anchored = True
        pieces.append(f'<span data-kind="{kinds}"{stance_attr} style="{style}" title="{title}">{piece}</span>')
    body = "".join(pieces)
    return f'<div class="stance-article" style="white-space:pre-wrap;line-height:1.75;font-size:1.02rem">{body}</div>'


def legend_html(passage: bool = False) -> str:
    """What the article highlights mean, in the same colours."""
    items = []
    for stance in ("support", "oppose", "neutral", "mixed"):
        colour = STANCE_COLOURS[stance]
        words = "evidence: mixed stances" if stance == "mixed" else f"evidence: {stance}"
        items.append(
            f'<span style="background:{colour}{_TINT};border-bottom:2px solid {colour};padding:1px 4px">{words}</span>'
        )
    items.append(f'<span style="{_MENTION_STYLE}">actor mention</span>')
    if passage:
        items.append(f'<span style="{_PASSAGE_STYLE}">the linked passage</span>')
    return '<div style="display:flex;flex-wrap:wrap;gap:.9rem;font-size:.9rem">' + "".join(items) + "</div>"


def _chip(text: str, colour: str) -> str:
    return (
        f'<span style="border:1px solid {colour};background:{colour}1f;border-radius:.7rem;'
        f'padding:0 .5rem;margin:0 .3rem .25rem 0;display:inline-block;white-space:nowrap">{html.escape(text)}</span>'
    )


def positions_html(positions: Sequence[tuple[str, ...]], issue_labels: Mapping[str, str] | None = None) -> str:
    """Chips "Issue: stance" coloured by stance; "Holder · Issue: stance" for an (issue, stance,
    holder) position, someone else's than the speaker's."""
    labels = issue_labels or {}
    # Joined with spaces and inline-block, so a long row of chips wraps instead of running off.
    return " ".join(
        _chip((f"{p[2]} · " if len(p) > 2 and p[2] else "") + f"{labels.get(p[0], p[0])}: {p[1]}",
              STANCE_COLOURS.get(p[1], STANCE_COLOURS["neutral"]))
        for p in positions
    )


def quote_card_html(
    text: str,
    *,
    speaker: str = "",
    country: str = "",
    kind: str = "",
    positions: Sequence[tuple[str, ...]] = (),
    issue_labels: Mapping[str, str] | None = None,
    spans: Iterable[tuple[int, int]] = (),
    details: Sequence[str] = (),
) -> str:
    """One quote: the verbatim text (``spans`` marked), then speaker · country · kind and its positions.

    No quotation marks are added: the text may already carry its own, or be the journalist's
    narration rather than speech. The left border takes the colour of the quote's stance, grey when it has none or several.
    """
    stances = {p[1] for p in positions}
    colour = STANCE_COLOURS[next(iter(stances))] if len(stances) == 1 and next(iter(stances)) in STANCE_COLOURS else "#BBBBBB"
    # A government's country is often its own name ("Ukraine"): say it once.
    meta = [speaker or "unknown speaker", "" if country == speaker else country, KIND_LABELS.get(kind, kind), *details]
    meta_html = " · ".join(html.escape(m) for m in meta if m)
    chips = positions_html(positions, issue_labels)
    return (
        f'<div style="border-left:4px solid {colour};padding:.35rem .8rem;margin:.55rem 0">'
        f'<div style="white-space:pre-wrap">{highlight_html(text, spans)}</div>'
        f'<div style="font-size:.85rem;opacity:.8;margin-top:.25rem">{meta_html}</div>'
        + (f'<div style="font-size:.85rem;margin-top:.3rem">{chips}</div>' if chips else "")
        + "</div>"
    )


def metadata_html(title: str = "", date: str = "", date_note: str = "", source: str = "", article_id: str = "") -> str:
    """The article's title, date (with how it was established) and source."""
    rows = [("Title", title or article_id), ("Date", date or "unknown"), ("Date note", date_note), ("Source", source or "unknown")]
    cells = "".join(
        f'<tr><th style="text-align:left;padding:2px 12px 2px 0;font-weight:600">{html.escape(name)}</th>'
        f'<td style="padding:2px 0">{html.escape(value)}</td></tr>'
        for name, value in rows
        if value
    )
    return f'<table style="border:none;font-size:.92rem">{cells}</table>'


def bullet_list_html(lines: Sequence[str]) -> str:
    """Escaped lines as a bulleted list."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f'<ul style="margin:0 0 0 1.1rem;padding:0">{items}</ul>'


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~:])")


MAX_MESSAGE_CHARS = 400  # a message never echoes a huge input (a 100k-character "file name")


def one_line(text: object, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` on one line (white space collapsed), cut to ``limit`` characters with an ellipsis."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def escape_markdown(text: str) -> str:
    """``text`` safe to put inside a Streamlit Markdown string (messages quoting data values)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


# --- search results (the Quotes page) ------------------------------------------------------------

ATTRIBUTION_LABELS: dict[str, str] = {
    "direct": "in the actor's own words",
    "indirect": "reported speech",
    "narrative": "the journalist's description",
}


def search_result_html(
    kind: str,
    card: str,
    *,
    title: str = "",
    outlet: str = "",
    date: str = "",
    link: str = "",
) -> str:
    """A search result: a label saying which ``kind`` it is ("quote", "stance evidence"), the card
    (:func:`quote_card_html`), and the article it comes from (title · outlet · date), linked to
    the passage on the Article page when ``link`` is given (a relative URL built by the page)."""
    source = " · ".join(html.escape(part) for part in (title, outlet, date or "undated") if part)
    if link and source:
        source = f'<a href="{html.escape(link, quote=True)}" target="_self">{source}</a>'
    return (
        '<div style="margin:.9rem 0 .2rem">'
        f'<div style="font-size:.72rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;opacity:.7">'
        f"{html.escape(kind)}</div>"
        f"{card}"
        + (f'<div style="font-size:.8rem;opacity:.75;margin:-.35rem 0 0 .95rem">{source}</div>' if source else "")
        + "</div>"
    )


# --- evidence cards ------------------------------------------------------------------------------

_CERTAINTY_BORDER = {"stated": "solid", "reported": "dashed", "unconfirmed": "dotted"}


def evidence_card_html(row: object, issue_labels: Mapping[str, str] | None = None, *, keywords: Sequence[str] = (),
                       link: bool = True, entity: str = "", holders: Sequence[Mapping] = ()) -> str:
    """One stance row as a card a reader can check: the article (title — outlet, date), the whole
    evidence (or, past ``EXCERPT_CHARS`` * 2 characters, the part around the issue ``keywords``),
    who said it with certainty, attribution and source, the issue and stance, and a link to the
    passage highlighted on the Article page. The left border is the stance's colour, solid when
    stated, dashed when reported and dotted when unconfirmed (the card also says it in words).

    ``row`` is a stance-table row (a namedtuple from ``itertuples`` or a mapping). ``holders``:
    several rows resting on this passage, each named on its own line instead of ``row``'s holder."""
    def get(name: str) -> object:
        if isinstance(row, Mapping):
            return row.get(name, "")
        return getattr(row, name, "")

    stance = text_of(get("stance"))
    certainty = text_of(get("certainty"))
    colour = STANCE_COLOURS.get(stance, "#BBBBBB")
    border = _CERTAINTY_BORDER.get(certainty, "solid")
    labels = issue_labels or {}
    issue = text_of(get("issue"))
    quote = evidence_excerpt(get("quote"), keywords, limit=EXCERPT_CHARS * 2)
    article = article_line(get("title"), get("outlet"), get("date"), get("article_id"))
    who = speaker_line(get("actor"), get("country"), certainty, get("attribution"), get("source"))
    if entity and entity not in (text_of(get("actor")), text_of(get("country"))):
        who = f"{entity}: {who}"
    def speaker_div(text: str, margin: str) -> str:
        return (f'<div class="evidence-speaker" style="font-size:.85rem;opacity:.8;margin-top:{margin};overflow-wrap:anywhere">'
                f"{html.escape(text)}</div>")

    if len(holders) > 1:
        speakers = "".join(
            speaker_div(speaker_line(h.get("actor"), h.get("country"), h.get("certainty"), h.get("attribution"), h.get("source")), ".15rem")
            for h in holders
        )
    else:
        speakers = speaker_div(who, ".25rem")
    href = passage_link(get("article_id"), get("start_char"), get("end_char"))
    open_link = (f' · <a href="{html.escape(href, quote=True)}" target="_self" data-testid="passage-link">'
                 "open the passage in the article</a>") if link and text_of(get("article_id")) else ""
    chips = positions_html([(issue, stance)], labels) if issue else ""
    return (
        f'<div class="evidence-card" data-certainty="{html.escape(certainty, quote=True)}" '
        f'style="border-left:4px {border} {colour};padding:.35rem .8rem;margin:.55rem 0">'
        f'<div class="evidence-article" style="font-size:.85rem;font-weight:600;overflow-wrap:anywhere">'
        f"{html.escape(article)}{open_link}</div>"
        f'<div class="evidence-quote" style="white-space:pre-wrap;overflow-wrap:anywhere;margin-top:.2rem">'
        f"{html.escape(quote)}</div>"
        f"{speakers}"
        + (f'<div style="font-size:.85rem;margin-top:.3rem">{chips}</div>' if chips else "")
        + "</div>"
    )


PASSAGE_KEY = ("article_id", "start_char", "end_char", "issue", "stance")


def passages(rows: pd.DataFrame) -> list[list[dict]]:
    """The rows grouped by passage and side (PASSAGE_KEY), in the order of each group's first row:
    the cards of ``passage_cards_html`` (a limit on cards is a slice of this list, so it never
    cuts a passage's holders)."""
    groups: dict[tuple, list[dict]] = {}
    for record in rows.to_dict("records"):
        groups.setdefault(tuple(text_of(record.get(k)) for k in PASSAGE_KEY), []).append(record)
    return list(groups.values())


def passage_cards_html(groups: Sequence[Sequence[dict]], issue_labels: Mapping[str, str] | None = None,
                       keywords: Sequence[str] = ()) -> str:
    """Evidence cards with one card per passage (``passages``): the rows that rest on the same
    passage and take the same side of the same issue ("Trump said ... he and Putin" gives Trump,
    the United States and Russia) share a card, which names each holder on its own line, so a
    narrow screen does not repeat the passage for every one of them. The border is that of the
    most certain holder."""
    cards = []
    for members in groups:
        first = {**members[0], "certainty": best_certainty(m.get("certainty") for m in members) or text_of(members[0].get("certainty"))}
        cards.append(evidence_card_html(first, issue_labels, keywords=keywords, holders=members))
    return "".join(cards)


def evidence_cards_html(rows: pd.DataFrame, issue_labels: Mapping[str, str] | None = None,
                        keywords: Sequence[str] = (), entity_of: Sequence[str] | None = None) -> str:
    """:func:`evidence_card_html` for every row, in order."""
    names = list(entity_of) if entity_of is not None else [""] * len(rows)
    return "".join(
        evidence_card_html(row, issue_labels, keywords=keywords, entity=name)
        for row, name in zip(rows.to_dict("records"), names)
    )


VERDICT_COLOURS = {"consistent": "#009E73", "shifted": "#E69F00", "contested": "#CC79A7"}  # Okabe-Ito


def verdicts_table_html(verdicts: pd.DataFrame, entity_title: str = "Actor") -> str:
    """The Timeline's positions across the corpus as a table whose cells wrap (nothing is cut at any
    width): who, the verdict, the explanation in words, and the statements (for, against, neutral,
    undated). Every value is escaped."""
    head = "".join(
        f'<th style="text-align:left;padding:4px 8px;border-bottom:2px solid #ccc">{html.escape(name)}</th>'
        for name in (entity_title, "Verdict", "In words", "Statements")
    )
    body = []
    for row in verdicts.to_dict("records"):
        verdict = text_of(row.get("verdict"))
        colour = VERDICT_COLOURS.get(verdict, "#999999")
        counts = ", ".join(f"{int(row.get(k, 0) or 0)} {word}" for k, word in
                           (("support", "for"), ("oppose", "against"), ("neutral", "neutral"), ("undated", "undated"))
                           if int(row.get(k, 0) or 0) or k in ("support", "oppose"))
        cell = 'style="padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top;overflow-wrap:break-word"'
        body.append(
            f"<tr><td {cell}>{html.escape(text_of(row.get('entity')))}</td>"
            f'<td {cell}><span style="border-left:4px solid {colour};padding-left:.35rem">{html.escape(verdict)}</span></td>'
            f"<td {cell}>{html.escape(text_of(row.get('explanation')))}</td>"
            f"<td {cell}><b>{int(row.get('statements', 0) or 0)}</b>: {html.escape(counts)}</td></tr>"
        )
    return ('<table class="verdicts" style="width:100%;border-collapse:collapse;font-size:.92rem;table-layout:auto">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
