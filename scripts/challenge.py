"""Construction challenge sets: sentences we wrote (other names, countries and subjects than the
evaluation articles), each with the rows a careful coder expects and the rows that would be wrong.

    python scripts/challenge.py                      # every set in tests/challenge/, rules and scorer
    python scripts/challenge.py tests/challenge/polarity.yaml -v   # ... and each failing case

A set is a YAML file: ``codebook`` (a codebook as in seeds/codebook.yaml) and ``cases``, each with
``text``, ``construction`` (what it tests), ``expect`` (rows [actor, issue, stance] that must be
found) and ``forbid`` (rows that must not be). The sets were written by helpers who never saw the
system's output nor its rules; they are not news text. A case passes when every expected row is
found and no forbidden one. Printed per set and extractor: the share of cases passed, the recall
of expected rows, and the share of cases with a forbidden row.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from core.extraction.nlp import load_pipeline  # noqa: E402
from core.extraction.pipeline import analyze_articles, configured_scorer  # noqa: E402
from core.ingest.text import article_from_text  # noqa: E402
from core.knowledge.codebook import codebook_from_dict  # noqa: E402

SETS_DIR = REPO_ROOT / "tests" / "challenge"


def _triples(rows) -> set[tuple[str, str, str]]:
    return {(str(a).casefold(), str(i), str(s)) for a, i, s in rows}


def run_set(path: Path, scorer, min_confidence: float, nlp) -> list[dict]:
    """Each case of the set at ``path``: its rows found and whether it passed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    codebook = codebook_from_dict(data["codebook"], str(path))
    cases = data["cases"]
    articles = [article_from_text(case["text"], f"case{n}") for n, case in enumerate(cases)]
    tables = analyze_articles(articles, nlp=nlp, codebook=codebook, scorer=scorer)
    stances = tables.stances
    if scorer is not None:
        stances = stances[stances["confidence"] >= min_confidence]
    found_by_case: dict[str, set] = {}
    for row in stances.itertuples(index=False):
        found_by_case.setdefault(row.article_id, set()).add((row.actor.casefold(), row.issue, row.stance))
    results = []
    for n, case in enumerate(cases):
        found = found_by_case.get(f"case{n}", set())
        expect = _triples(case.get("expect") or [])
        forbid = _triples(case.get("forbid") or [])
        results.append({
            "construction": case.get("construction", ""),
            "text": case["text"],
            "expect": expect,
            "forbid": forbid,
            "found": found,
            "hit": len(expect & found),
            "violations": forbid & found,
            "passed": expect <= found and not (forbid & found),
        })
    return results


def summary(results: list[dict]) -> str:
    cases = len(results)
    expected = sum(len(r["expect"]) for r in results)
    hits = sum(r["hit"] for r in results)
    passed = sum(r["passed"] for r in results)
    violated = sum(bool(r["violations"]) for r in results)
    return (f"passed {passed}/{cases} ({passed / max(cases, 1):.2f}); expected rows found {hits}/{expected} "
            f"({hits / max(expected, 1):.2f}); cases with a forbidden row {violated} ({violated / max(cases, 1):.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="challenge files (default: tests/challenge/*.yaml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each failing case")
    parser.add_argument("--by-construction", action="store_true", help="pass rate per construction")
    args = parser.parse_args()
    paths = args.sets or sorted(SETS_DIR.glob("*.yaml"))
    nlp = load_pipeline()
    scorer, warnings = configured_scorer()
    for warning in warnings:
        print(f"warning: {warning}")
    extractors = [("rules", None, 0.0)]
    if scorer is not None:
        extractors.append((f"scorer (min confidence {scorer.min_confidence:.2f})", scorer, scorer.min_confidence))
    for path in paths:
        for name, which, floor in extractors:
            results = run_set(path, which, floor, nlp)
            print(f"{path.name:<16} {name:<30} {summary(results)}")
            if args.by_construction:
                by = Counter(r["construction"] for r in results)
                ok = Counter(r["construction"] for r in results if r["passed"])
                for construction, total in sorted(by.items(), key=lambda kv: (ok[kv[0]] / kv[1], kv[0])):
                    print(f"    {ok[construction]}/{total}  {construction}")
            if args.verbose:
                for r in results:
                    if not r["passed"]:
                        print(f"  [{r['construction']}] {r['text']}")
                        print(f"      missing {sorted(r['expect'] - r['found'])}  forbidden found {sorted(r['violations'])}")
                        print(f"      found   {sorted(r['found'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
