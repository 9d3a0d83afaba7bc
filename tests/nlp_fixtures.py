"""Shared helpers for tests that run the real spaCy pipeline (loaded once per session)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from core.extraction.nlp import load_pipeline
from core.extraction.pipeline import Tables, analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import Codebook, load_codebook
from core.knowledge.gazetteer import load_knowledge

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRADE_CODEBOOK = FIXTURES / "trade_codebook.yaml"


@lru_cache(maxsize=1)
def nlp():
    return load_pipeline(knowledge=load_knowledge())


def analyse(text: str, codebook_path: Path | None = TRADE_CODEBOOK, article_id: str = "t") -> Tables:
    """The tables of ``text`` with the stance rules (``scorer=None``): these tests test the rules,
    which the learned scorer reads as features (tests/test_scorer.py tests the scorer)."""
    codebook = load_codebook(codebook_path) if codebook_path else load_codebook()
    return analyze_articles([article_from_text(text, article_id)], nlp=nlp(), codebook=codebook, scorer=None)


def stance_triples(text: str, codebook: Codebook) -> set[tuple[str, str, str]]:
    """(actor, issue, stance) of every stance row the rules give ``text`` with ``codebook``."""
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook, scorer=None)
    return rows(tables.stances, "actor", "issue", "stance")


def assert_one_side(text: str, expected: tuple[str, str, str], codebook: Codebook) -> None:
    """The expected (actor, issue, stance) is found by the rules, and not its opposite for the same
    actor and issue."""
    found = stance_triples(text, codebook)
    assert expected in found, found
    actor, issue, stance = expected
    opposite = {"support": "oppose", "oppose": "support"}[stance]
    assert (actor, issue, opposite) not in found, "one side, not both"


def rows(table: pd.DataFrame, *columns: str) -> set[tuple]:
    return set(table[list(columns)].itertuples(index=False, name=None))


def assert_evidence_is_verbatim(text: str, tables: Tables) -> None:
    for frame, column in ((tables.stances, "quote"), (tables.quotes, "text"), (tables.mentions, "text")):
        for value, start, end in zip(frame[column], frame["start_char"], frame["end_char"]):
            assert text[start:end] == value
