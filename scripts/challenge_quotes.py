"""Attribution challenge sets (``core.evaluation.quote_challenge``): the quotes table on passages
we wrote, scored as against PolNeAR (content IoU >= 0.3, the speaker by mention or name).

    python scripts/challenge_quotes.py                   # every set in tests/challenge_quotes/
    python scripts/challenge_quotes.py --by-construction # pass rate per construction
    python scripts/challenge_quotes.py SET.yaml -v       # ... and each failing case (read sets only)

A held-out set (``tests/challenge_heldout/attribution_heldout.yaml``) is scored only: ``-v`` is
refused for it, so its cases are never read for errors.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from core.evaluation.challenge import is_held_out  # noqa: E402
from core.evaluation.quote_challenge import QUOTE_SETS_DIR, QuoteSetError, run_quote_set  # noqa: E402
from core.extraction.nlp import load_pipeline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="set files (default: tests/challenge_quotes/*.yaml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each failing case (not for held-out sets)")
    parser.add_argument("--by-construction", action="store_true", help="pass rate per construction")
    args = parser.parse_args()
    paths = args.sets or sorted(QUOTE_SETS_DIR.glob("*.yaml"))
    if args.verbose and any(is_held_out(p) for p in paths):
        print("error: a held-out set is scored only; run it without -v", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    for path in paths:
        try:
            run = run_quote_set(path, nlp)
        except QuoteSetError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        score, results = run.score, run.results
        passed = sum(r.passed for r in results)
        print(f"{path.name:<26} passed {passed}/{len(results)} ({passed / max(len(results), 1):.2f}); "
              f"statements P {score.precision:.2f} R {score.recall:.2f} F1 {score.f1:.2f}; "
              f"speaker {score.speaker_accuracy:.2f} ({score.speaker_correct}/{score.speaker_total})")
        if args.by_construction:
            total = Counter(r.case.construction for r in results)
            ok = Counter(r.case.construction for r in results if r.passed)
            for construction, n in sorted(total.items(), key=lambda kv: (ok[kv[0]] / kv[1], kv[0])):
                print(f"    {ok[construction]}/{n}  {construction}")
        if args.verbose:
            for r in results:
                if r.passed:
                    continue
                s = r.score
                print(f"  [{r.case.case_id} {r.case.construction}] {r.case.text!r}")
                for rel in s.missed:
                    print(f"      missed   [{rel.source_text} | {rel.cue_text}] {rel.content_text!r}")
                for label, rel in s.wrong_speaker:
                    print(f"      speaker  {run.quotes.loc[label, 'speaker']!r}, gold [{rel.source_text}] for {rel.content_text!r}")
                for label in s.spurious:
                    row = run.quotes.loc[label]
                    print(f"      spurious [{row['speaker']} | {row['cue']} | {row['kind']}] {row['text']!r}")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:
        raise SystemExit(0) from None
