"""Construction challenge sets (``core.evaluation.challenge``): the rules and the shipped scorer
on sentences we wrote, with the rows a careful coder expects and the rows that would be wrong.

    python scripts/challenge.py                      # every set in tests/challenge/, rules and scorer
    python scripts/challenge.py tests/challenge/polarity.yaml -v   # ... and each failing case
    python scripts/challenge.py --by-construction    # pass rate per construction

Printed per set and extractor: the share of cases passed, the recall of expected rows, and the
share of cases with a forbidden row.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from core.evaluation.challenge import is_held_out, run_set, summarize  # noqa: E402
from core.extraction.nlp import load_pipeline  # noqa: E402
from core.extraction.pipeline import configured_scorer  # noqa: E402

SETS_DIR = REPO_ROOT / "tests" / "challenge"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="challenge files (default: tests/challenge/*.yaml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each failing case (not for held-out sets)")
    parser.add_argument("--by-construction", action="store_true", help="pass rate per construction")
    args = parser.parse_args()
    paths = args.sets or sorted(SETS_DIR.glob("*.yaml"))
    if args.verbose and any(is_held_out(p) for p in paths):
        print("error: a held-out set is scored only; run it without -v", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    scorer, warnings = configured_scorer()
    for warning in warnings:
        print(f"warning: {warning}")
    extractors = [("rules", None, 0.0)]
    if scorer is not None:
        extractors.append((f"scorer (min confidence {scorer.min_confidence:.2f})", scorer, scorer.min_confidence))
    for path in paths:
        for name, which, floor in extractors:
            results = run_set(path, nlp, which, floor)
            print(f"{path.name:<16} {name:<30} {summarize(results).line()}")
            if args.by_construction:
                total = Counter(r.construction for r in results)
                ok = Counter(r.construction for r in results if r.passed)
                for construction, n in sorted(total.items(), key=lambda kv: (ok[kv[0]] / kv[1], kv[0])):
                    print(f"    {ok[construction]}/{n}  {construction}")
            if args.verbose:
                for r in results:
                    if not r.passed:
                        print(f"  [{r.construction}] {r.text}")
                        print(f"      missing {sorted(r.expect - r.found)}  forbidden found {sorted(r.violations)}")
                        print(f"      found   {sorted(r.found)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
