"""The pipeline against hand-made gold stance tables of three real articles in ../shared/eval/articles.

Two were used while writing the rules (development); the third, bbc_20250331_…, was coded by a
coder who never saw the system's output for it and is held out: nobody looked at its output or gold
while changing the rules, so its scores say how the rules do on an unseen article.

The gold tables (tests/gold/<article_id>.csv) were coded by reading the articles, not from the
pipeline's output, and hold no article text: only labels, offsets and the coder's own notes. The
articles themselves are copyrighted and stay outside the repository, so the scoring tests skip
cleanly when ../shared is absent.

Floors are the measured scores minus 0.05 (rounded down to 2 decimals), so a regression fails while
small moves do not. Raise them when the pipeline gets better.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from core.evaluation.accuracy import analyse_once
from core.evaluation.stances import evaluate_stances, read_gold
from core.extraction.pipeline import Tables
from core.ingest.text import read_article
from core.knowledge.codebook import load_codebook
from tests.nlp_fixtures import assert_evidence_is_verbatim, nlp

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "eval" / "articles"
GOLD_DIR = ROOT / "tests" / "gold"

# article id -> floors {(level, measure): value}, each = floor_of(measured score).
# Measured after the stance and attribution work of issue 3 (tp / predicted / gold per level).
FLOORS: dict[str, dict[tuple[str, str], float]] = {
    # development: country 9/9 predicted, 14 gold; actor 14/15 predicted, 20 gold
    "aljazeera_20250314_putins_conditions_for_ceasefire": {
        ("country", "precision"): 0.95,
        ("country", "recall"): 0.59,
        ("country", "f1"): 0.73,
        ("actor", "precision"): 0.88,
        ("actor", "recall"): 0.65,
        ("actor", "f1"): 0.75,
    },
    # development: country 10/10 predicted, 16 gold; actor 14/15 predicted, 23 gold (the 15th,
    # "He has accused Ukraine of derailing the partial ceasefire" as Peskov's support, is what the
    # coding guide says of an accusation; the gold table does not code it)
    "ap_20250324_us_separate_talks_russia_ukraine_riyadh": {
        ("country", "precision"): 0.95,
        ("country", "recall"): 0.57,
        ("country", "f1"): 0.71,
        ("actor", "precision"): 0.88,
        ("actor", "recall"): 0.55,
        ("actor", "f1"): 0.68,
    },
    # held out: never looked at while writing rules: country 5/7 predicted, 12 gold; actor 5/9 predicted, 14 gold.
    # Measured again at the end of the sixth session of 2026-12-04, with the scorer that keeps the
    # rules' rows: country 5/8 predicted (P 0.625, R 0.42, F1 0.50), actor 5/9 (P 0.56, R 0.36, F1 0.43)
    "bbc_20250331_trump_very_angry_with_putin": {
        ("country", "precision"): 0.57,
        ("country", "recall"): 0.36,
        ("country", "f1"): 0.45,
        ("actor", "precision"): 0.50,
        ("actor", "recall"): 0.30,
        ("actor", "f1"): 0.38,
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


def analysed(article_id: str):
    """The article and its tables (parsed once per session, shared with the accuracy tests)."""
    article = read_article(article_path(article_id))
    return article, analyse_once([article], nlp=nlp())


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
