"""Smoke test on the real evaluation articles in ../shared (skipped cleanly when absent).
The texts stay outside the repository (copyright); only offsets and labels are checked."""

from pathlib import Path

import pytest

from core.evaluation.accuracy import analyse_once
from core.ingest.text import read_article
from tests.nlp_fixtures import assert_evidence_is_verbatim, nlp

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "articles"
FILES = sorted(ARTICLES.glob("*.txt")) if ARTICLES.exists() else []


@pytest.mark.skipif(not FILES, reason="../shared/eval/articles is not present")
def test_real_articles_give_verbatim_evidence_and_known_countries():
    articles = [read_article(p) for p in FILES]
    tables = analyse_once(articles, nlp=nlp())  # parsed once per session, shared with the accuracy tests
    assert len(tables.stances) >= 10 and len(tables.quotes) >= 20
    for article in articles:
        assert_evidence_is_verbatim(
            article.text,
            type(tables)(
                stances=tables.stances[tables.stances.article_id == article.article_id],
                quotes=tables.quotes[tables.quotes.article_id == article.article_id],
                mentions=tables.mentions[tables.mentions.article_id == article.article_id],
            ),
        )
    # Header lines are metadata, not text: no actor comes from a URL or a file path.
    assert not any("http" in a or "/" in a for a in tables.actors["actor"])
