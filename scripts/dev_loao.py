"""The learned scorer's leave-one-article-out figures on DEV, per article and per data set, and
(with ``-v``) its errors on dev: what ``python -m core train`` validates, broken down.

    python scripts/dev_loao.py            # per-article and per-group LOAO figures at the chosen threshold
    python scripts/dev_loao.py -v         # ... and each article's missed / spurious actor-level triples
    python scripts/dev_loao.py --c 0.1 0.5 2   # compare regularisation strengths (LOAO on dev)
    python scripts/dev_loao.py --candidates    # every kept or gold-positive candidate, marked ok / FP / FN
    python scripts/dev_loao.py --drop negation_scope   # an ablation: without the features named so
    python scripts/dev_loao.py --polarity-c 3          # another strength for the polarity model
    python scripts/dev_loao.py --cache /tmp/dev.pkl    # reuse the parsed, labelled candidates
                                                       # (delete it when the candidates or their labels change)

Each run also prints the held-out log loss of the position model, the share of held-out gold
positives whose stance the polarity model gets right, and the best and mean pooled actor F1 over
the thresholds: smoother than the F1 at the one chosen threshold, on 19 articles.

Only dev articles (tests/gold/split.yaml) are read; test articles are never loaded.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from core.evaluation.accuracy import ArticleResult, errors_of, pooled  # noqa: E402
from core.evaluation.gold import load_split  # noqa: E402
from core.evaluation.stances import evaluate_keyed, keyed  # noqa: E402
from core.evaluation.training import SEED, UNLABELLED, C, labelled_articles, rows_at, train  # noqa: E402
from core.extraction.pipeline import Tables  # noqa: E402
from core.knowledge.gazetteer import load_knowledge  # noqa: E402

GROUPS = (
    ("seed", lambda a: a.dataset.name == "seed"),
    ("Ukraine dev", lambda a: a.dataset.name == "ukraine"),
    ("topics dev", lambda a: a.dataset.group == "topics"),
    ("2016 campaign dev", lambda a: a.dataset.group == "politics2016"),
    ("climate", lambda a: a.dataset.name == "climate"),
    ("trade", lambda a: a.dataset.name == "trade"),
    ("pooled dev", lambda a: True),
)


def cells(scores) -> str:
    c, a = scores["country"], scores["actor"]
    return (f"country P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.2f}   "
            f"actor P {a.precision:.2f} R {a.recall:.2f} F1 {a.f1:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list each dev article's errors")
    parser.add_argument("--c", type=float, nargs="*", default=[C], help="regularisation strength(s) to validate")
    parser.add_argument("--candidates", action="store_true", help="list every kept or gold-positive candidate of each dev article")
    parser.add_argument("--drop", nargs="*", default=[], help="leave out the features whose names start so (an ablation)")
    parser.add_argument("--polarity-c", type=float, help="the polarity model's regularisation strength (default: training.POLARITY_C)")
    parser.add_argument("--cache", help="pickle of the labelled dev articles (written when absent)")
    args = parser.parse_args()

    dev = [a for a in load_split() if a.split == "dev" and a.available]
    knowledge = load_knowledge()
    if args.cache and Path(args.cache).exists():
        data = pickle.loads(Path(args.cache).read_bytes())
    else:
        data = labelled_articles(dev, knowledge=knowledge)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(data))
    by_id = {a.article_id: a for a in dev}
    if args.drop:
        _drop(tuple(args.drop))
    if args.polarity_c:
        import core.evaluation.training as training

        training.POLARITY_C = args.polarity_c
    for c in args.c:
        report = train(data, knowledge, c=c, seed=SEED)
        threshold = report.scorer.min_confidence
        print(f"== C {c}: " + " | ".join(report.lines[1:]))
        # (unlabelled candidates, positions the gold codes at another passage, are left out)
        raw = np.clip(np.array([r for h in report.held_out for r in h.labelled(h.raw)]), 1e-6, 1 - 1e-6)
        gold = np.array([lab != "none" for h in report.held_out for lab in h.labelled(h.article.labels)])
        positives = [(s, lab) for h in report.held_out for s, lab in zip(h.labelled(h.stances), h.labelled(h.article.labels)) if lab != "none"]
        best = max(row["actor_f1"] for row in report.curve)
        mean = np.mean([row["actor_f1"] for row in report.curve if 0.15 <= row["threshold"] <= 0.5])
        print(f"   held-out position log loss {-np.mean(gold * np.log(raw) + (~gold) * np.log(1 - raw)):.4f}; "
              f"polarity right on {np.mean([s == lab for s, lab in positives]):.3f} of {len(positives)} positives; "
              f"actor F1 best {best:.3f}, mean over thresholds 0.15-0.5 {mean:.3f}")
        results = []
        for h in report.held_out:
            stances = rows_at(h, threshold)
            art = by_id[h.article.article_id]
            result = ArticleResult(art, h.article.text, h.article.gold, Tables(stances=stances), keyed(stances, h.article.gold, knowledge))
            country, actor = evaluate_keyed(result.keyed)
            result.scores = {"country": country, "actor": actor}
            results.append(result)
        for r in results:
            print(f"  {r.article.article_id[:48]:<48} {r.article.dataset.name:<8} {cells(r.scores)}")
            if args.verbose:
                for triple in r.scores["actor"].missed:
                    print(f"      missed    {triple}")
                for triple in r.scores["actor"].spurious:
                    print(f"      spurious  {triple}")
        for name, pick in GROUPS:
            part = [r for r in results if pick(r.article)]
            if part:
                print(f"  {name:<58} {cells(pooled(part))}")
        if args.verbose:
            # the candidates' actors stand in for the article's mentions (every actor named in a
            # sentence with an issue is a candidate)
            mentions = {h.article.article_id: pd.DataFrame([(c.actor, c.actor_type) for c in h.article.candidates],
                                                           columns=["actor", "actor_type"]) for h in report.held_out}
            errors = errors_of(results, mentions)
            print("  error kinds (actor level; 'actor unresolved' not checked here): missed "
                  + ", ".join(f"{k} {n}" for k, n in errors.missed.items())
                  + "; spurious " + ", ".join(f"{k} {n}" for k, n in errors.spurious.items()))
        if args.candidates:
            for h in report.held_out:
                print(f"-- {h.article.article_id}")
                for cand, stance, conf, label in zip(h.article.candidates, h.stances, h.confidence, h.article.labels):
                    kept = conf >= threshold or bool(cand.rule_stance)  # (the rules' rows are lifted to the minimum: rows_at)
                    if label in ("none", UNLABELLED) and not kept:
                        continue
                    mark = "?  " if label == UNLABELLED else "ok " if kept and stance == label else "FP " if kept else "FN "
                    print(f"  {mark} s{cand.sentence:<3} {cand.actor[:22]:<22} {cand.issue[:22]:<22} gold={label or 'elsewhere':<8} pred={stance:<8} "
                          f"conf={conf:.2f} {cand.holder_kind}/{cand.attribution} cue={cand.cue_lemma}:{cand.cue_polarity or '-'} "
                          f"clause={cand.clause_polarity or '-'} rule={cand.rule_stance or '-'}{' NEG' if cand.negated else ''}")
                    print(f"        {h.article.text[cand.evidence_start:cand.evidence_end][:220]!r}")
    return 0


def _drop(prefixes: tuple[str, ...]) -> None:
    """Leave the features named ``prefixes*`` out of training and scoring (an ablation)."""
    import core.evaluation.training as training
    import core.extraction.scorer as scorer

    original = scorer.features_of

    def features_of(candidates):
        return [{k: v for k, v in row.items() if not k.startswith(prefixes)} for row in original(candidates)]

    scorer.features_of = features_of
    training.features_of = features_of


if __name__ == "__main__":
    raise SystemExit(main())
