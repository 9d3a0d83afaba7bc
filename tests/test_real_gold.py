"""The pipeline against hand-made gold stance tables of two real articles in ../shared/eval/articles.

The gold tables (tests/gold/<article_id>.csv) were coded by reading the articles, not from the
pipeline's output, and hold no article text: only labels, offsets and the coder's own notes. The
articles themselves are copyrighted and stay outside the repository, so the scoring tests skip
cleanly when ../shared is absent.

Floors are the scores measured when the gold was made minus 0.05 (rounded down to 2 decimals), so a
regression fails while small moves (quote attribution is being worked on) do not. Raise them when
the pipeline gets better.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import pytest

from core.articles import read_article
from core.codebook import load_codebook
from core.evaluate import evaluate_stances, read_gold
from core.pipeline import Tables, analyze_articles
from tests.nlp_fixtures import assert_evidence_is_verbatim, nlp

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "eval" / "articles"
GOLD_DIR = ROOT / "tests" / "gold"

# article id -> floors {(level, measure): value}, each = floor_of(measured score).
FLOORS: dict[str, dict[tuple[str, str], float]] = {
    # measured twice while quote attribution was being changed concurrently; floors from the lower:
    #   country P 0.80 R 0.57 F1 0.67 (8/10 predicted, 14 gold), then P 0.78 R 0.50 F1 0.61 (7/9);
    #   actor   P 0.71 R 0.50 F1 0.59 (10/14 predicted, 20 gold), then P 0.77 R 0.50 F1 0.61 (10/13)
    "aljazeera_20250314_putins_conditions_for_ceasefire": {
        ("country", "precision"): 0.72,
        ("country", "recall"): 0.45,
        ("country", "f1"): 0.55,
        ("actor", "precision"): 0.66,
        ("actor", "recall"): 0.45,
        ("actor", "f1"): 0.53,
    },
    # measured: country P 0.67 R 0.12 F1 0.21 (2/3 predicted, 16 gold);
    #           actor   P 0.67 R 0.09 F1 0.15 (2/3 predicted, 23 gold)
    "ap_20250324_us_separate_talks_russia_ukraine_riyadh": {
        ("country", "precision"): 0.61,
        ("country", "recall"): 0.07,
        ("country", "f1"): 0.16,
        ("actor", "precision"): 0.61,
        ("actor", "recall"): 0.03,
        ("actor", "f1"): 0.10,
    },
}
IDS = sorted(FLOORS)


def floor_of(measured: float, margin: float = 0.05) -> float:
    """How the floors above were derived from a measured score."""
    return math.floor(round((measured - margin) * 100, 6)) / 100


def article_path(article_id: str) -> Path:
    if not ARTICLES.is_dir():
        pytest.skip(f"{ARTICLES} is absent: the real evaluation articles are not in the repository "
                    "(copyright), so the scores against their gold tables cannot be measured")
    path = ARTICLES / f"{article_id}.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@lru_cache(maxsize=None)
def analysed(article_id: str):
    article = read_article(article_path(article_id))
    return article, analyze_articles([article], nlp=nlp())


@pytest.mark.parametrize("article_id", IDS)
def test_gold_table_is_hand_made_and_well_formed(article_id):
    path = GOLD_DIR / f"{article_id}.csv"
    gold = read_gold(path)
    assert len(gold) >= 20
    assert set(gold["article_id"]) == {article_id}
    assert set(gold["stance"]) <= {"support", "oppose", "neutral"}
    assert set(gold["certainty"]) <= {"stated", "reported", "unconfirmed"}
    assert set(gold["attribution"]) <= {"direct", "indirect", "narrative"}
    assert set(gold["actor_type"]) <= {"person", "government", "organization", "group"}
    assert set(gold["issue"]) <= set(load_codebook().ids)
    assert (gold.loc[gold["certainty"] == "reported", "source"] != "").all()
    assert "quote" not in gold.columns  # copyright: positions only, never the article's words
    assert all(s.isdigit() for s in gold["sentence"]) and all(s.isdigit() for s in gold["start_char"])
    assert path.read_text(encoding="utf-8").lstrip().startswith("#")  # the header explains the coding


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@pytest.mark.parametrize("article_id", IDS)
def test_gold_table_holds_no_article_text(article_id):
    """No run of 6 words of the article appears in the gold file (header, notes or any cell), and
    every offset points into the article."""
    text = read_article(article_path(article_id)).text
    words = _words(text)
    shingles = {tuple(words[i : i + 6]) for i in range(len(words) - 5)}
    gold_words = _words((GOLD_DIR / f"{article_id}.csv").read_text(encoding="utf-8"))
    runs = (tuple(gold_words[i : i + 6]) for i in range(len(gold_words) - 5))
    copied = [" ".join(run) for run in runs if run in shingles]
    assert not copied, copied
    gold = read_gold(GOLD_DIR / f"{article_id}.csv")
    assert all(0 <= int(s) < len(text) for s in gold["start_char"])


@pytest.mark.parametrize("article_id", IDS)
def test_pipeline_scores_stay_above_the_measured_floors(article_id):
    article, tables = analysed(article_id)
    assert isinstance(tables, Tables)
    assert_evidence_is_verbatim(article.text, tables)
    country, actor = evaluate_stances(tables.stances, read_gold(GOLD_DIR / f"{article_id}.csv"))
    print(f"\n{article_id}\n{country.line()}\n{actor.line()}")
    floors = FLOORS[article_id]
    for name, score in (("country", country), ("actor", actor)):
        detail = f"{article_id} {name}: missed {list(score.missed)}; spurious {list(score.spurious)}"
        assert score.precision >= floors[(name, "precision")], detail
        assert score.recall >= floors[(name, "recall")], detail
        assert score.f1 >= floors[(name, "f1")], detail


def test_floors_follow_the_rule():
    assert floor_of(0.8) == 0.75 and floor_of(4 / 7) == 0.52
    assert floor_of(0.5) == 0.45 and floor_of(2 / 23) == 0.03
