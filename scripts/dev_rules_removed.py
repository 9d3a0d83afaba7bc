"""How the learned scorer holds up where the rules read less, measured on DEV alone.

On the dev articles the rules are in-sample (they were written from them), so leave-one-article-out
there shows the scorer beside rules that nearly always read the positions; on unseen articles they
read far fewer. This script trains each fold's model as ``python -m core train`` does and scores the
held-out article three ways: as it is; with the rules' verdicts removed from a share of its
(sentence, issue) groups (their rows gone, their candidates as if the rules had read nothing; three
seeded draws); and with all of them removed. Printed: pooled actor-level P / R / F1 at the minimum
confidence chosen as in training, for the shipped training (each candidate also learned without the
rules' verdicts) and for training on the candidates as they are only.

    python scripts/dev_rules_removed.py              # 60 % of the groups, seeds 1 2 3
    python scripts/dev_rules_removed.py --share 0.4

Only dev articles (tests/gold/split.yaml) are read; test articles are never loaded.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from core.evaluation.gold import load_split  # noqa: E402
from core.evaluation.training import (  # noqa: E402
    SEED,
    UNLABELLED,
    C,
    HeldOut,
    LabelledArticle,
    choose_threshold,
    fit_calibration,
    fit_scorer,
    labelled_articles,
    rows_at,
    scores_of,
    training_rows,
    without_rule_verdicts,
)
from core.extraction.scorer import features_of  # noqa: E402
from core.knowledge.gazetteer import load_knowledge  # noqa: E402


def as_they_are(article: LabelledArticle) -> tuple[list[dict[str, float]], list[str]]:
    rows = [(f, label) for f, label in zip(features_of(article.candidates), article.labels) if label != UNLABELLED]
    return [f for f, _ in rows], [label for _, label in rows]


def rules_removed(article: LabelledArticle, share: float, seed: int) -> LabelledArticle:
    """The article with the rules' verdicts and rows removed from a share of its (sentence, issue) groups."""
    draw = random.Random(seed)
    groups = sorted({(c.sentence, c.issue) for c in article.candidates if c.rule_stance or c.rule_any})
    gone = {g for g in groups if draw.random() < share}
    candidates = [without_rule_verdicts([c])[0] if (c.sentence, c.issue) in gone else c for c in article.candidates]
    claims = [cl for cl in article.claims if (cl.sentence, cl.issue) not in gone]
    return replace(article, candidates=candidates, claims=claims)


def held_out(models: list, articles: list[LabelledArticle]) -> list[HeldOut]:
    """Each article scored by its fold's model (trained without it)."""
    found = []
    for model, article in zip(models, articles):
        scored = model.stances(article.candidates)
        found.append(HeldOut(article, [s for s, _, _ in scored], [r for _, r, _ in scored]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--share", type=float, default=0.6, help="share of (sentence, issue) groups whose verdicts are removed")
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3])
    args = parser.parse_args()
    knowledge = load_knowledge()
    dev = [a for a in load_split() if a.split == "dev" and a.available]
    if len(dev) < 2:
        print("error: the dev article texts are absent (../shared/eval)", file=sys.stderr)
        return 2
    data = labelled_articles(dev, knowledge=knowledge)
    conditions = [("as the articles are", lambda a: a), ("all verdicts removed", lambda a: rules_removed(a, 1.0, 0))]
    conditions += [(f"{args.share:.0%} removed, seed {s}", lambda a, s=s: rules_removed(a, args.share, s)) for s in args.seeds]
    for name, rows_of in (("shipped (each candidate also without the verdicts)", training_rows), ("candidates as they are only", as_they_are)):
        rows = [rows_of(a) for a in data]
        models = []
        for n in range(len(data)):
            features = [f for m in range(len(data)) if m != n for f in rows[m][0]]
            labels = [lab for m in range(len(data)) if m != n for lab in rows[m][1]]
            models.append(fit_scorer(features, labels, C, SEED))

        plain = held_out(models, data)
        calibration = fit_calibration([r for h in plain for r in h.labelled(h.raw)], [ok for h in plain for ok in h.labelled(h.correct)])
        for h in plain:
            h.confidence = [float(v) for v in calibration(np.asarray(h.raw))] if h.raw else []
        threshold, _curve, _shares = choose_threshold(plain, knowledge)
        print(f"== {name}: minimum confidence {threshold:.2f}")
        for label, change in conditions:
            held = held_out(models, [change(a) for a in data])
            for h in held:
                h.confidence = [float(v) for v in calibration(np.asarray(h.raw))] if h.raw else []
            actor = scores_of(((rows_at(h, threshold), h.article.gold) for h in held), knowledge)["actor"]
            print(f"   {label:<28} actor P {actor.precision:.2f} R {actor.recall:.2f} F1 {actor.f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
