"""Candidate recall: how many gold positions the candidates (``core.extraction.candidates``) cover.

A learned scorer can only keep what the candidates offer, so their recall bounds its recall. A
required gold triple (article, actor, issue, stance) is *covered* when some candidate of the same
article has the same issue and an actor that the evaluation's ``NameMatcher`` aligns with the gold
actor (actor level, as ``core.evaluation.stances`` scores the stance table). The stance is the
scorer's to decide, so it plays no part. The number of candidates per gold triple says how much
the scorer must reject. A stricter figure, for training a scorer on candidates: the share of the
required triples whose gold evidence can be located that a candidate covers *at* that evidence
(the candidate's evidence overlaps the gold's).

Misses get one reason each (the first that applies): the gold actor is never resolved in the
article ("actor not found"); no candidate whose evidence overlaps the gold evidence has the issue
("issue not matched at the evidence": a codebook wording or an anaphora the candidates do not
follow); the issue is there but the actor is not offered for it ("holder not offered at the
evidence"); or, when the gold evidence cannot be located, actor and issue are never paired.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import pandas as pd

from core.evaluation.gold import GoldArticle
from core.evaluation.stances import NameMatcher, keyed, named_pairs
from core.extraction.candidates import Candidate, find_candidates
from core.knowledge.gazetteer import Knowledge, load_knowledge

MISS_REASONS = ("actor not found", "issue not matched at the evidence", "holder not offered at the evidence", "never paired")
CANDIDATE_COLUMNS = [f for f in Candidate.__dataclass_fields__]


@dataclass(frozen=True)
class Missed:
    """A required gold triple no candidate covers, with the reason and the gold evidence."""

    article_id: str
    actor: str
    issue: str
    stance: str
    reason: str
    evidence: str = ""


@dataclass
class CandidateRecall:
    """Candidate recall of one article (or of several, pooled): ``covered`` of ``gold`` required
    triples, from ``candidates`` candidate records (one per sentence, actor and issue) forming
    ``pairs`` distinct (actor, issue) pairs; ``at_evidence`` of the ``located`` triples (gold
    evidence found in the text) are covered by a candidate at that evidence."""

    name: str
    dataset: str
    gold: int
    covered: int
    candidates: int
    pairs: int
    missed: list[Missed] = field(default_factory=list)
    located: int = 0  # required triples whose gold evidence is located in the text
    at_evidence: int = 0  # of those, covered by a candidate whose evidence overlaps the gold's

    @property
    def recall(self) -> float:
        return self.covered / self.gold if self.gold else 0.0

    @property
    def per_gold(self) -> float:
        """Candidate records per required gold triple: how many the scorer must sort through."""
        return self.candidates / self.gold if self.gold else 0.0

    def line(self, width: int = 0) -> str:
        return (
            f"{self.name:<{width}}  {self.dataset:<11} recall {self.recall:.2f} ({self.covered} of {self.gold})  "
            f"{self.candidates} candidates, {self.pairs} actor-issue pairs, {self.per_gold:.1f} per gold row; "
            f"at the evidence {self.at_evidence} of {self.located}"
        )


def candidates_frame(candidates: Iterable[Candidate]) -> pd.DataFrame:
    """The candidates as a table, one column per field of :class:`Candidate`."""
    return pd.DataFrame([asdict(c) for c in candidates], columns=CANDIDATE_COLUMNS)


def candidate_recall(
    gold: pd.DataFrame,
    candidates: pd.DataFrame,
    knowledge: Knowledge | None = None,
    mentioned: list[tuple[str, str]] | None = None,
    name: str = "",
    dataset: str = "",
    text: str = "",
) -> CandidateRecall:
    """Candidate recall of ``candidates`` against the required rows of ``gold`` (one article, or
    several told apart by ``article_id``). ``mentioned`` lists the (name, actor type) of every actor
    the article's mentions resolve to, to tell "actor not found" from "never paired" (when None,
    the candidates' actors are taken). ``text`` (the article's) locates a gold row's evidence
    when the row has no offsets."""
    gold = gold if "required" in gold.columns else gold.assign(required="yes")
    frame = candidates[["article_id", "actor", "actor_type", "country", "issue"]].assign(stance="") if len(candidates) else pd.DataFrame(
        columns=["article_id", "actor", "actor_type", "country", "issue", "stance"]
    )
    tables = keyed(frame, gold, knowledge)
    offered = {(a, k, str(i).strip()) for a, k, i in zip(tables.predicted["article_id"], tables.predicted["key_actor"], tables.predicted["issue"]) if k}
    known = _known_actor_keys(tables.gold, tables.predicted, mentioned, knowledge)
    required = tables.gold[tables.gold["required"] == "yes"]
    seen: set[tuple[str, str, str, str]] = set()
    missed: list[Missed] = []
    located = at_evidence = 0
    for _, row in required.iterrows():
        triple = (str(row["article_id"]), str(row["key_actor"]), str(row["issue"]).strip(), str(row["stance"]).strip())
        if not triple[1] or triple in seen:
            continue
        seen.add(triple)
        at = gold_evidence_range(row, text)
        near = [] if at is None else [
            (k, i) for a, k, i, s, e in zip(tables.predicted["article_id"], tables.predicted["key_actor"], tables.predicted["issue"],
                                            candidates["evidence_start"], candidates["evidence_end"])
            if a == triple[0] and int(s) < at[1] and at[0] < int(e)
        ]
        if at is not None:
            located += 1
            at_evidence += (triple[1], triple[2]) in {(k, str(i).strip()) for k, i in near}
        if triple[:3] in offered:
            continue
        if (triple[0], triple[1]) not in known:
            reason = MISS_REASONS[0]
        elif at is not None and all(str(i).strip() != triple[2] for _, i in near):
            reason = MISS_REASONS[1]
        elif at is not None:
            reason = MISS_REASONS[2]
        else:
            reason = MISS_REASONS[3]
        missed.append(Missed(triple[0], str(row["actor"]), triple[2], triple[3], reason, str(row.get("evidence", "") or "")))
    pairs = len({(a, n, i) for a, n, i in zip(frame["article_id"], frame["actor"], frame["issue"])})
    return CandidateRecall(name, dataset, len(seen), len(seen) - len(missed), len(frame), pairs, missed, located, at_evidence)


def gold_evidence_range(row: pd.Series, text: str) -> tuple[int, int] | None:
    """Where a gold row's evidence is: its offsets when it has them, else the first occurrence in
    ``text`` of its evidence or, when that is absent or not found, of its quote (the seed's gold and
    a table exported from the dashboard name the verbatim words so); None when none of them."""
    start, end = str(row.get("start_char", "") or ""), str(row.get("end_char", "") or "")
    if start.isdigit() and end.isdigit() and int(start) < int(end):
        return int(start), int(end)
    for column in ("evidence", "quote"):
        words = str(row.get(column, "") or "")
        if not words.strip() or words == "nan":  # (an empty cell, or one read by pandas as NaN)
            continue
        at = text.find(words) if text else -1
        if at >= 0:
            return at, at + len(words)
    return None


def _known_actor_keys(gold: pd.DataFrame, predicted: pd.DataFrame, mentioned: list[tuple[str, str]] | None,
                      knowledge: Knowledge | None) -> set[tuple[str, str]]:
    """(article id, gold actor key) of every gold actor that some mention of the article resolves to."""
    if mentioned is None:
        return {(a, k) for a, k in zip(predicted["article_id"], predicted["key_actor"]) if k}
    matcher = NameMatcher(knowledge)
    known: set[tuple[str, str]] = set()
    for article_id, rows in gold.groupby("article_id", sort=False):
        known |= {(str(article_id), key) for key in matcher.align(mentioned, named_pairs(rows)).values() if key}
    return known


def pooled(results: list[CandidateRecall], name: str, dataset: str = "") -> CandidateRecall:
    """The results added up (micro-averaged)."""
    return CandidateRecall(
        name,
        dataset,
        sum(r.gold for r in results),
        sum(r.covered for r in results),
        sum(r.candidates for r in results),
        sum(r.pairs for r in results),
        [m for r in results for m in r.missed],
        sum(r.located for r in results),
        sum(r.at_evidence for r in results),
    )


def measure_candidates(articles: Iterable[GoldArticle], nlp=None) -> list[CandidateRecall]:
    """Parse every gold article whose text is present and measure its candidate recall (each with
    its data set's codebook)."""
    knowledge = load_knowledge()
    if nlp is None:
        from core.extraction.nlp import load_pipeline

        nlp = load_pipeline(knowledge=knowledge)
    results = []
    for article in (a for a in articles if a.available):
        text = article.article().text
        doc = nlp(text)
        found = find_candidates(doc, article.dataset.codebook, article.article_id)
        mentioned = sorted({(m.actor.name, m.actor.actor_type) for m in doc._.actor_resolver.mentions}
                           | {(st.speaker.name, st.speaker.actor_type) for st in doc._.statements or [] if st.speaker is not None})
        gold = article.gold()
        results.append(candidate_recall(gold, candidates_frame(found), knowledge, mentioned, article.article_id, article.dataset.name, text))
    return results
