"""Finding quotations: the character spans inside quotation marks, and questions about them.

Quote finding reads only the text (no parse), so it never fails on unbalanced marks; which speech
verb and speaker a quotation belongs to is decided in ``core.extraction.attribution``.
"""

from __future__ import annotations

import re

from core.extraction.tokens import strip_whitespace
from core.extraction.words import OPEN_QUOTES

STRAIGHT = '"'
# Two apostrophes stand for a straight double quote in some news archives ("''We will,'' she said.").
DOUBLED_APOSTROPHE = "''"
MIN_DIRECT_WORDS = 4  # shorter quoted fragments are scare quotes or part of a reported statement
# Every character a quotation can start, end or break at (a closing curly mark of either kind, an
# opening one, a straight quote, a doubled apostrophe, a line break), found left to right.
_QUOTE_MARKS = re.compile("|".join(re.escape(m) for m in (DOUBLED_APOSTROPHE, STRAIGHT, "\n", "”", "»", "“", *OPEN_QUOTES)))


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of quoted passages; never fails on unbalanced marks.

    Curly quotes pair open/close; straight quotes toggle, and so does a doubled apostrophe
    (``''``), which some news archives print for a straight quote. A quote still open at the end of its
    paragraph (a line break) ends there, as in news copy where a quote runs into the next
    paragraph and is reopened."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None  # where the text inside the open quotation starts
    opener = ""
    straight_open = False
    closers = {"“": "”", "«": "»", "„": "“"}  # „...“ is German-style typography
    # (only line breaks, quotation marks and doubled apostrophes change anything: the scan jumps
    # from one to the next instead of reading every character)
    for mark in _QUOTE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            if open_at is not None and i > open_at:
                spans.append((open_at, i))
            open_at, straight_open = None, False
        elif open_at is not None and not straight_open and ch == closers.get(opener):
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        elif ch in OPEN_QUOTES:
            if open_at is not None and i > open_at:
                spans.append((open_at, i))  # a new quote opens: the old one was unclosed
            open_at, opener, straight_open = i + 1, ch, False
        elif ch in (STRAIGHT, DOUBLED_APOSTROPHE):
            if open_at is None:
                open_at, straight_open = i + len(ch), True
            elif straight_open:
                if i > open_at:
                    spans.append((open_at, i))
                open_at, straight_open = None, False
    if open_at is not None and len(text) > open_at:
        spans.append((open_at, len(text)))
    return [(s, e) for s, e in (strip_whitespace(text, s, e) for s, e in spans) if e > s]


class QuoteFinder:
    """The quotations of one text, and where a character range lies relative to them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = find_quote_spans(text)

    def inside(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation that contains the range ``start:end``, or None."""
        for qs, qe in self.spans:
            if qs <= start and end <= qe:
                return qs, qe
        return None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that overlap the range ``start:end``."""
        return [q for q in self.spans if q[0] < end and start < q[1]]

    def is_long(self, start: int, end: int) -> bool:
        """Whether a quotation has enough words to be a statement, not a scare quote."""
        return len(self.text[start:end].split()) >= MIN_DIRECT_WORDS

    def overlaps_long(self, start: int, end: int) -> bool:
        """Whether the range overlaps a quotation long enough to be a statement."""
        return any(self.is_long(qs, qe) for qs, qe in self.overlapping(start, end))

    def next_long_start(self, after: int) -> int:
        """Where the next long quotation after ``after`` starts (the text's length when none)."""
        return next((s for s, e in self.spans if s > after and self.is_long(s, e)), len(self.text))

    def starting_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that start in the range ``start:end`` (a sentence)."""
        return [(qs, qe) for qs, qe in self.spans if start <= qs < end]
