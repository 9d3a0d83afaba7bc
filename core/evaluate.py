"""Scoring a stance table against a hand-made gold table.

Both tables are reduced to sets of triples: (country, issue, stance) and (actor, issue, stance).
Precision = share of predicted triples that are in the gold; recall = share of gold triples found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

GOLD_REQUIRED = ("actor", "country", "issue", "stance")


class GoldError(ValueError):
    """A gold file that cannot be used."""


@dataclass(frozen=True)
class Score:
    level: str
    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int
    missed: tuple[tuple[str, ...], ...]
    spurious: tuple[tuple[str, ...], ...]

    def line(self) -> str:
        return (
            f"{self.level:<28} precision {self.precision:.2f}  recall {self.recall:.2f}  "
            f"F1 {self.f1:.2f}  ({self.true_positives} of {self.predicted} predicted, "
            f"{self.gold} gold)"
        )


def read_gold(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    try:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise GoldError(f"{path}: cannot read the gold table ({str(exc).splitlines()[0]})") from None
    missing = [c for c in GOLD_REQUIRED if c not in gold.columns]
    if missing:
        raise GoldError(f"{path}: the gold table lacks the column(s) {', '.join(missing)}")
    return gold


def triples(table: pd.DataFrame, key: str, per_article: bool = False) -> set[tuple[str, ...]]:
    """The (key, issue, stance) triples of a table; with ``per_article`` each is prefixed by its
    article id, so the same position in two articles counts twice."""
    if table.empty:
        return set()
    articles = table["article_id"] if per_article else [""] * len(table)
    return {
        ((str(a).strip(),) if per_article else ()) + (str(k).strip(), str(i).strip(), str(s).strip())
        for a, k, i, s in zip(articles, table[key], table["issue"], table["stance"])
        if str(k).strip()
    }


def score(predicted: set, gold: set, level: str) -> Score:
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        level,
        precision,
        recall,
        f1,
        tp,
        len(predicted),
        len(gold),
        tuple(sorted(gold - predicted)),
        tuple(sorted(predicted - gold)),
    )


def evaluate_stances(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[Score]:
    """Country-level and actor-level triple scores of a predicted stance table.

    When the gold names its articles, only those articles' predictions are scored, and with more
    than one article the triples are counted per article."""
    per_article = False
    if "article_id" in gold.columns:
        ids = {a for a in gold["article_id"] if a}
        if ids and not predicted.empty:
            predicted = predicted[predicted["article_id"].isin(ids)]
        per_article = len(ids) > 1
    return [
        score(triples(predicted, "country", per_article), triples(gold, "country", per_article), "(country, issue, stance)"),
        score(triples(predicted, "actor", per_article), triples(gold, "actor", per_article), "(actor, issue, stance)"),
    ]
