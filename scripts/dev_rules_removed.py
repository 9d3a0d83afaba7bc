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
    python scripts/dev_rules_removed.py --challenge   # every fold also learns the construction challenge sets
                                                     # (as ``python -m core train --challenge``)

Only dev articles (tests/gold/split.yaml) are read; test articles are never loaded.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.evaluation.challenge import challenge_examples, training_sets  # noqa: E402
from core.evaluation.gold import load_split  # noqa: E402
from core.evaluation.training import (  # noqa: E402
    LabelledArticle,
    choose_threshold,
    fold_scorers,
    held_out_by,
    held_out_calibration,
    labelled_articles,
    rows_at,
    scores_of,
    without_rule_verdicts,
)
from core.extraction.nlp import load_pipeline  # noqa: E402
from core.knowledge.gazetteer import load_knowledge  # noqa: E402


def rules_removed(article: LabelledArticle, share: float, seed: int) -> LabelledArticle:
    """The article with the rules' verdicts and rows removed from a share of its (sentence, issue) groups."""
    draw = random.Random(seed)
    groups = sorted({(c.sentence, c.issue) for c in article.candidates if c.rule_stance or c.rule_any})
    gone = {g for g in groups if draw.random() < share}
    candidates = [without_rule_verdicts([c])[0] if (c.sentence, c.issue) in gone else c for c in article.candidates]
    claims = [cl for cl in article.claims if (cl.sentence, cl.issue) not in gone]
    return replace(article, candidates=candidates, claims=claims)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--share", type=float, default=0.6, help="share of (sentence, issue) groups whose verdicts are removed")
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3])
    parser.add_argument("--challenge", action="store_true",
                        help="learn the construction challenge sets' rows too, as train --challenge does")
    args = parser.parse_args()
    knowledge = load_knowledge()
    dev = [a for a in load_split() if a.split == "dev" and a.available]
    if len(dev) < 2:
        print("error: the dev article texts are absent (../shared/eval)", file=sys.stderr)
        return 2
    data = labelled_articles(dev, knowledge=knowledge)
    extra: tuple[list[dict[str, float]], list[str]] = ([], [])
    if args.challenge:
        examples = challenge_examples(training_sets(), load_pipeline(knowledge=knowledge))
        extra = (examples.features, examples.labels)
    conditions = [("as the articles are", lambda a: a), ("all verdicts removed", lambda a: rules_removed(a, 1.0, 0))]
    conditions += [(f"{args.share:.0%} removed, seed {s}", lambda a, s=s: rules_removed(a, args.share, s)) for s in args.seeds]
    shipped = "shipped (each candidate also without the verdicts)" + (" + the challenge sets' rows" if args.challenge else "")
    for name, without_verdicts in ((shipped, True), ("candidates as they are only", False)):
        # (the challenge rows, when asked for, only beside the shipped training: the other is the eleventh session's)
        scorers = fold_scorers(data, extra=extra if without_verdicts else ([], []), without_verdicts=without_verdicts)
        plain = held_out_by(scorers, data)
        calibration = held_out_calibration(plain)
        for h in plain:
            h.calibrate(calibration)
        threshold, _curve, _shares = choose_threshold(plain, knowledge)
        print(f"== {name}: minimum confidence {threshold:.2f}")
        for label, change in conditions:
            held = held_out_by(scorers, [change(a) for a in data])
            for h in held:
                h.calibrate(calibration)
            actor = scores_of(((rows_at(h, threshold), h.article.gold) for h in held), knowledge)["actor"]
            print(f"   {label:<28} actor P {actor.precision:.2f} R {actor.recall:.2f} F1 {actor.f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
