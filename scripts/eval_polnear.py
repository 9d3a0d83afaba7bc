"""Quote attribution measured on the PolNeAR development sample (brat source / cue / content gold).

    python scripts/eval_polnear.py                 # P / R / F1 / speaker accuracy at IoU 0.3 and 0.5
    python scripts/eval_polnear.py --verbose       # + misses, spurious statements and wrong speakers
    python scripts/eval_polnear.py --json          # one JSON object with the figures (no text)
    python scripts/eval_polnear.py --data DIR      # another folder with text/ and attributions

The data lives outside the repository (``../shared/eval/polnear_dev`` by default) and is read at run
time; nothing from it is written anywhere. ``--verbose`` prints short snippets to the terminal only.
The article id of a text is its file name without ``.txt``; the first line of each text is its
headline and is analysed as part of the text, since the gold offsets count it.

Besides the scores on all 300 relations, the script reports recall on the relations whose cue is a
speech verb of ``seeds/lexicon.yaml`` (or "according to", or a colon): PolNeAR also annotates
beliefs, plans and actions ("the senator refuses to ...", "the study documents ..."), which a quote
extractor such as the GenderGapTracker's is not meant to find.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval" / "polnear_dev"


def reporting_cue(gold):
    """A predicate: is a gold relation's cue a speech verb of the lexicon (by spaCy lemma),
    'according to' or a colon?"""
    from core.extraction.nlp import load_pipeline
    from core.knowledge.gazetteer import load_knowledge

    lexicon = load_knowledge().lexicon
    cues = sorted({r.cue_text for relations in gold.values() for r in relations})
    lemmas = {text: {t.lemma_.lower() for t in doc} for text, doc in zip(cues, load_pipeline().pipe(cues))}
    words = set(lexicon.speech) | {"accord"}
    return lambda r: r.cue_text.strip() == ":" or bool(lemmas.get(r.cue_text, set()) & words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with text/*.txt and attributions.jsonl or attributions/*.ann")
    parser.add_argument("--iou", type=float, default=0.3, help="IoU threshold of the headline figure (default 0.3)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses, spurious statements and wrong speakers (printed only)")
    parser.add_argument("--json", action="store_true", help="print one JSON object with the figures")
    args = parser.parse_args(argv)

    from core.evaluation.quotes import (
        detail_lines,
        evaluate_quotes,
        gold_text_paths,
        read_brat_gold,
        select,
    )
    from core.evaluation.stances import GoldError
    from core.extraction.pipeline import analyze_articles
    from core.ingest.text import ArticleError, read_article

    try:
        gold = read_brat_gold(args.data)
        paths = gold_text_paths(args.data, gold)
        articles = [read_article(path) for path in paths.values()]
    except (GoldError, ArticleError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    tables = analyze_articles(articles)
    seconds = time.perf_counter() - started
    quotes = tables.quotes
    thresholds = sorted({args.iou, 0.3, 0.5})
    scores = {t: evaluate_quotes(quotes, gold, iou=t) for t in thresholds}
    main_score = scores[args.iou]
    speech_score = evaluate_quotes(quotes, select(gold, reporting_cue(gold)), iou=args.iou)

    if args.json:
        print(json.dumps({
            "data": str(args.data),
            "articles": len(articles),
            "seconds": round(seconds, 2),
            "scores": {str(t): s.as_dict() for t, s in scores.items()},
            "speech_cue_subset": {
                "iou": args.iou,
                "gold": speech_score.gold,
                "matched": speech_score.matched,
                "recall": round(speech_score.recall, 4),
                "speaker_accuracy": round(speech_score.speaker_accuracy, 4),
            },
        }, indent=2))
        return 0

    print(f"{len(articles)} articles, {main_score.gold} gold relations, {len(quotes)} predicted statements ({seconds:.1f} s)")
    for t in thresholds:
        print(scores[t].line())
    print(
        f"speech-cue relations only (cue is a speech verb of seeds/lexicon.yaml, 'according to' or ':'): "
        f"recall {speech_score.recall:.2f} ({speech_score.matched}/{speech_score.gold}), "
        f"speaker {speech_score.speaker_accuracy:.2f} ({speech_score.speaker_correct}/{speech_score.speaker_total})"
    )
    print(f"\nper article (IoU {args.iou:g}):")
    for article_id, part in main_score.per_article.items():
        print(f"  P {part.precision:.2f}  R {part.recall:.2f}  speaker {part.speaker_accuracy:.2f}  "
              f"({part.matched}/{part.predicted} predicted, {part.gold} gold)  {article_id[:45]}")
    if args.verbose:
        texts = {a.article_id: a.text for a in articles}
        print()
        print("\n".join(detail_lines(main_score, quotes, texts)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # "... | head"
        sys.exit(0)
