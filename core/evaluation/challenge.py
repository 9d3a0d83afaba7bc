"""Construction challenge sets: sentences we wrote (other names, countries and subjects than the
evaluation articles), each with the rows a careful coder expects and the rows that would be wrong.

A set is a YAML file (``tests/challenge/*.yaml``): ``codebook`` (a codebook as in
seeds/codebook.yaml, or the path of a codebook file relative to the repository, so that a set
written for the seed codebook measures the codebook as it is now) and ``cases``, each with ``text``, ``construction`` (what it tests),
``expect`` (rows [actor, issue, stance] that must be found) and ``forbid`` (rows that must not
be). The sets were written by helpers who saw neither the system's output nor its rules; they are
not news text. A case passes when every expected row is found and no forbidden one.
``scripts/challenge.py`` prints the figures; ``tests/test_challenge.py`` keeps them above floors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from core.evaluation.stances import ANY_TYPE, NameMatcher
from core.extraction.candidates import Candidate
from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import Codebook, codebook_from_dict, load_codebook
from core.knowledge.gazetteer import load_knowledge
from core.settings import ROOT

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class CaseResult:
    construction: str
    text: str
    expect: frozenset[Triple]
    forbid: frozenset[Triple]
    found: frozenset[Triple]

    @property
    def hits(self) -> int:
        return len(self.expect & self.found)

    @property
    def violations(self) -> frozenset[Triple]:
        return self.forbid & self.found

    @property
    def passed(self) -> bool:
        return self.expect <= self.found and not self.violations


def _keyed(rows, names: NameMatcher) -> frozenset[Triple]:
    return frozenset((names.key(str(a)), str(i), str(s)) for a, i, s in rows)


def set_codebook(data: dict, path: str | Path) -> Codebook:
    """A set's codebook: written out in the set, or a codebook file named by its path."""
    if isinstance(data["codebook"], str):
        return load_codebook(ROOT / data["codebook"])
    return codebook_from_dict(data["codebook"], str(path))


def run_set(path: str | Path, nlp, scorer=None, min_confidence: float = 0.0) -> list[CaseResult]:
    """Each case of the set at ``path`` analysed as its own article (``scorer`` None: the rules)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    codebook = set_codebook(data, path)
    cases = data["cases"]
    articles = [article_from_text(case["text"], f"case{n}") for n, case in enumerate(cases)]
    stances = analyze_articles(articles, nlp=nlp, codebook=codebook, scorer=scorer).stances
    if scorer is not None:
        stances = stances[stances["confidence"] >= min_confidence]
    rows: dict[str, list[tuple[str, str, str, str]]] = {}
    for row in stances.itertuples(index=False):
        rows.setdefault(row.article_id, []).append((row.actor, row.actor_type, row.issue, row.stance))
    # Names are matched as the evaluation matches them (NameMatcher: the actors file's aliases,
    # titles stripped, a surname for a person's full name, an acronym for a body's), so a case
    # written "Senator Ana Ruiz" is found as "Ana Ruiz", "Ruiz" as "Ana Ruiz", "HRA" as the
    # Hauliers Road Association.
    names = NameMatcher(load_knowledge())
    results = []
    for n, case in enumerate(cases):
        expect, forbid = case.get("expect") or [], case.get("forbid") or []
        mine = rows.get(f"case{n}", [])
        keys = names.align(sorted({(a, t) for a, t, _, _ in mine}), sorted({(str(r[0]), ANY_TYPE) for r in (*expect, *forbid)}))
        results.append(CaseResult(str(case.get("construction", "")), case["text"], _keyed(expect, names),
                                  _keyed(forbid, names), frozenset((keys[a], i, s) for a, _, i, s in mine)))
    return results


@dataclass(frozen=True)
class Summary:
    cases: int
    passed: int
    expected: int
    hits: int
    violated: int

    @property
    def pass_rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else 0.0

    def line(self) -> str:
        return (f"passed {self.passed}/{self.cases} ({self.pass_rate:.2f}); expected rows found {self.hits}/{self.expected} "
                f"({self.recall:.2f}); cases with a forbidden row {self.violated} ({self.violated / max(self.cases, 1):.2f})")


def summarize(results: list[CaseResult]) -> Summary:
    return Summary(len(results), sum(r.passed for r in results), sum(len(r.expect) for r in results),
                   sum(r.hits for r in results), sum(bool(r.violations) for r in results))


# ------------------------------------------------------------------------ training examples

# The challenge sets read for errors (never the held-out ones in tests/challenge_heldout/): their
# cases teach the learned scorer the constructions, besides the dev articles (`python -m core train`).
CHALLENGE_DIR = Path(__file__).resolve().parents[2] / "tests" / "challenge"


# Set on every training row made from a challenge case and never on an article's candidate: it
# takes up the difference in base rate between invented passages, dense with positions, and news
# articles (``challenge_examples``). Not a polarity feature, so only the position model sees it.
SYNTHETIC_FEATURE = "synthetic_case"


def case_labels(candidates: Sequence[Candidate], expect: Sequence[Sequence[str]], names: NameMatcher) -> list[str]:
    """One training label per candidate of a case: the stance the case expects of its (actor,
    issue), turned when the candidate was found by an opposite term, else ``none``; ``UNLABELLED``
    (left out) where the case cannot say which, as the dev gold's labels leave out a candidate
    away from the coded passage (``core.evaluation.training.label_candidates``):

    * the case expects both sides of one actor on the issue ("backed it in May, then voted to
      cancel it"): which candidate carries which is not written down;
    * the expected actor and issue have candidates in several sentences: only those the rules gave
      a verdict on are labelled (one sentence may only mention the holder: "X visited the site").

    Names are matched as the evaluation matches them (``NameMatcher``: the actors file's aliases,
    titles dropped, a surname for the full name), not by their spelling alone."""
    from core.evaluation.training import UNLABELLED
    from core.extraction.stance import turned

    wanted: dict[tuple[str, str], set[str]] = {}
    for actor, issue, stance in expect:
        wanted.setdefault((names.key(str(actor)), str(issue)), set()).add(str(stance))
    keys = names.align(sorted({c.actor for c in candidates}), sorted({str(row[0]) for row in expect}))
    sentences: dict[tuple[str, str], set[int]] = {}
    for cand in candidates:
        sentences.setdefault((keys[cand.actor], cand.issue), set()).add(cand.sentence)
    found = []
    for cand in candidates:
        key = (keys[cand.actor], cand.issue)
        sides = wanted.get(key, set())
        if not sides:
            found.append("none")
        elif len(sides) > 1 or (len(sentences[key]) > 1 and not cand.rule_stance):
            found.append(UNLABELLED)
        else:
            found.append(turned(next(iter(sides)), cand.opposite))
    return found


@dataclass
class ChallengeExamples:
    """Training rows made from construction challenge sets: features, labels, and what they came from."""

    features: list[dict[str, float]]
    labels: list[str]
    sets: list[str]
    cases: int


def is_held_out(path: str | Path) -> bool:
    """Whether a challenge set (stance or attribution) is held out: only scored, never read for
    errors, listed case by case or trained on."""
    path = Path(path)
    return "heldout" in path.parent.name or "heldout" in path.name


def training_sets(folder: str | Path = CHALLENGE_DIR) -> list[Path]:
    """The read challenge sets of ``folder`` (``*.yaml``), in name order; a held-out set is refused."""
    paths = sorted(Path(folder).glob("*.yaml"))
    held = [p for p in paths if is_held_out(p)]
    if held:
        raise ValueError(f"held-out challenge sets are only scored, never trained on: {', '.join(map(str, held))}")
    return paths


def challenge_examples(paths: list[Path], nlp) -> ChallengeExamples:
    """Every candidate of every case (each case analysed as its own article), labelled by the case
    (``case_labels``: the stance the case expects of its actor and issue, on the candidate's own
    words, else ``none``: a forbidden row, or one a careful coder would not code), described
    **without the rules' verdicts** (``without_rule_verdicts``), with the feature
    ``SYNTHETIC_FEATURE`` set.

    Why without the verdicts: the rules were mended from these sets' failing cases, so on them the
    rules' verdicts are in-sample, and a scorer that learns them as they are learns to trust the
    rules, which read far less on unseen articles (the first labelling, which kept the verdicts and
    left out the rules' misses, lowered the test split from 0.44 to 0.34). Described without them,
    a case teaches what its words say on their own: the cue classes, the clause's polarity, the
    holder's path, where the rules may have read nothing.

    Why the extra feature: half of a case's candidates are expected rows, against one in seven of
    an article's, so without it the position model learned that any candidate is likelier a
    position (the seed, which the rules were written against, lost a row to a vague remark). The
    feature takes up that difference in base rate in training and is never set on an article.
    Measured on dev, leave one article out (``scripts/dev_rules_removed.py``, which learns the
    same rows with ``--challenge``): as the articles are 0.624 -> 0.627 actor F1; with 60 % of the
    held-out article's rules' verdicts removed 0.540 -> 0.557 (mean of three draws); with all
    removed 0.455 -> 0.465; the held-out construction sets 236 -> 244 cases passed, 52 -> 50 with a
    forbidden row. Yet on the test split (its 30th scoring) actor F1 fell from 0.42 to 0.38 (recall
    0.35 -> 0.29), so these rows are learned only with ``python -m core train --challenge``: invented
    passages do not teach what unseen articles need. (Those figures are from before ``case_labels``
    left out what a case cannot say and matched names as the evaluation does; after it, dev 0.628 /
    0.568 / 0.492, but the seed 0.82 in-sample; not scored on test.)
    """
    from core.evaluation.training import UNLABELLED, without_rule_verdicts
    from core.extraction.candidates import CandidateFinder
    from core.extraction.scorer import features_of

    features: list[dict[str, float]] = []
    labels: list[str] = []
    cases = 0
    names = NameMatcher(load_knowledge())
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        codebook = set_codebook(data, path)
        for n, case in enumerate(data["cases"]):
            cases += 1
            candidates = CandidateFinder(nlp(case["text"]), codebook, f"{Path(path).stem}-{n}").candidates()
            found = case_labels(candidates, case.get("expect") or [], names)
            for label, feats in zip(found, features_of(without_rule_verdicts(candidates))):
                if label != UNLABELLED:
                    features.append({**feats, SYNTHETIC_FEATURE: 1.0})
                    labels.append(label)
    return ChallengeExamples(features, labels, [Path(p).name for p in paths], cases)
