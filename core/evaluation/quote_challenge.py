"""Attribution challenge sets: passages we wrote (not news text), each with the statements a careful
annotator following PolNeAR's scheme expects: who (``source``), through which word (``cue``) and
what (``content``, verbatim).

A set is a YAML file with ``cases``, each with ``id``, ``construction`` (what it tests), ``text``
and ``statements`` (a list, possibly empty). A statement's ``content`` and ``source`` are copied
from the text; a ``continues`` part is the rest of a quote its attribution splits ("A," she said,
"B."), which is the same statement. Each case is analysed as its own article and scored exactly as
the quotes table is against PolNeAR (``core.evaluation.quotes``: content overlap IoU >= 0.3, the
speaker by mention overlap or name). A case passes when every statement is found with its speaker
and nothing else is. ``scripts/challenge_quotes.py`` prints the figures; ``tests/test_challenge.py``
keeps them above floors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from core.evaluation.quotes import GoldAttribution, QuoteScore, Span, evaluate_quotes
from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text

QUOTE_SETS_DIR = Path(__file__).resolve().parents[2] / "tests" / "challenge_quotes"


class QuoteSetError(ValueError):
    """A set whose statements do not fit its texts (a content or source not found verbatim)."""


@dataclass(frozen=True)
class QuoteCase:
    case_id: str
    construction: str
    text: str
    article_id: str


@dataclass(frozen=True)
class QuoteCaseResult:
    case: QuoteCase
    score: QuoteScore  # this case's part of the set's score

    @property
    def passed(self) -> bool:
        s = self.score
        return s.matched == s.gold == s.predicted and s.speaker_correct == s.speaker_total


def _pattern(part: str, where: str) -> re.Pattern[str]:
    """``part`` as a whole word where it starts or ends with one (a source "he" is not the "he" of "the")."""
    if not part:
        raise QuoteSetError(f"{where}: an empty part")
    return re.compile(("(?<!\\w)" if part[0].isalnum() else "") + re.escape(part) + ("(?!\\w)" if part[-1].isalnum() else ""))


def _find(text: str, part: str, where: str, after: int = 0) -> Span:
    """The span of ``part`` in ``text``: its first occurrence at or after ``after``, else anywhere."""
    pattern = _pattern(part, where)
    found = pattern.search(text, after) or pattern.search(text)
    if found is None:
        raise QuoteSetError(f"{where}: {part!r} is not in the text")
    return found.start(), found.end()


def _find_near(text: str, part: str, where: str, content: Span) -> Span:
    """The occurrence of ``part`` nearest to a content span: a source said twice ("He told ... He
    also promised ...") is the one beside its own statement, not the first in the passage."""
    spans = [(m.start(), m.end()) for m in _pattern(part, where).finditer(text)]
    # (not one inside the content: "“I am Dana Kellor and I approve,” Kellor said")
    spans = [sp for sp in spans if not (content[0] <= sp[0] < content[1])] or spans
    if not spans:
        raise QuoteSetError(f"{where}: {part!r} is not in the text")

    def gap(span: Span) -> str:
        return text[span[1] : content[0]] if span[1] <= content[0] else text[content[1] : span[0]]

    def same_sentence(span: Span) -> bool:
        # ("“...,” he said": the comma and the marks around the content end no sentence)
        return not re.search(r"[.!?\n]", gap(span).strip(" ,\"'“”‘’"))

    return min(spans, key=lambda s: (not same_sentence(s), len(gap(s))))


def load_quote_set(path: str | Path) -> tuple[list[QuoteCase], dict[str, list[GoldAttribution]]]:
    """The cases of a set and their gold statements, keyed by the article id each case gets."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise QuoteSetError(f"{path}: expected a mapping with a list of cases")
    cases: list[QuoteCase] = []
    gold: dict[str, list[GoldAttribution]] = {}
    for n, raw in enumerate(data["cases"]):
        case_id = str(raw.get("id") or f"case{n}")
        article_id = f"q{n:04d}"
        text = str(raw["text"])
        case = QuoteCase(case_id, str(raw.get("construction", "")), text, article_id)
        relations = []
        for m, st in enumerate(raw.get("statements") or []):
            where = f"{path}: {case_id}, statement {m + 1}"
            content = [_find(text, str(st["content"]), where)]
            if st.get("continues"):
                content.append(_find(text, str(st["continues"]), where, content[0][1]))
            source_text = str(st.get("source") or "")
            source = [_find_near(text, source_text, where, content[0])] if source_text else []
            relations.append(GoldAttribution(
                article_id, content, source, [], source_text, str(st["content"]), str(st.get("cue") or ""), f"S{m + 1}",
            ))
        cases.append(case)
        gold[article_id] = relations
    return cases, gold


@dataclass(frozen=True)
class QuoteSetRun:
    score: QuoteScore
    results: list[QuoteCaseResult]
    quotes: pd.DataFrame  # the quotes table of every case (row labels as in the score)


def run_quote_set(path: str | Path, nlp=None, iou: float = 0.3) -> QuoteSetRun:
    """The set's score and each case's result (every case analysed as its own article)."""
    cases, gold = load_quote_set(path)
    articles = [article_from_text(case.text, case.article_id) for case in cases]
    quotes = analyze_articles(articles, nlp=nlp).quotes
    score = evaluate_quotes(quotes, gold, iou=iou)
    return QuoteSetRun(score, [QuoteCaseResult(case, score.per_article[case.article_id]) for case in cases], quotes)
