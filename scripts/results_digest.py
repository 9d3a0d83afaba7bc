"""Prove that a change leaves the extraction's results alone: digests of the stance, quotes and
actors tables of the seed and of every text under ``../shared/eval``.

    python scripts/results_digest.py --out /tmp/before.json      # before the change
    python scripts/results_digest.py --out /tmp/after.json       # after it
    python scripts/results_digest.py --compare /tmp/before.json /tmp/after.json
    python scripts/results_digest.py --dump DIR                  # the tables as CSV, to diff by eye

Each text is analysed with the seed codebook, and the texts of a gold data set also with that data
set's codebook (``tests/gold/split.yaml``). Only SHA-256 digests and row counts go into the JSON
(the texts are copyrighted and stay outside the repository); ``--dump`` writes the tables themselves
to a folder of your choice for a diff. Exit code 1 when ``--compare`` finds a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval"
TABLES = ("stances", "quotes", "actors")


def _texts() -> list[Path]:
    """The seed and every text of the shared evaluation folders, in a fixed order."""
    found = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    for pattern in ("articles/*.txt", "topics/*/text/*.txt", "polnear_dev/text/*.txt"):
        found += sorted(SHARED_EVAL.glob(pattern))
    return found


def _runs() -> list[tuple[str, Path, Path | None]]:
    """(codebook name, codebook path or None for the seed codebook, text) for every analysis."""
    from core.evaluation.gold import load_split

    texts = _texts()
    runs: list[tuple[str, Path, Path | None]] = [("seed", text, None) for text in texts]
    by_dataset: dict[str, tuple[Path, list[Path]]] = {}
    for gold in load_split():
        if gold.dataset.group in ("seed", "ukraine") or not gold.available:
            continue
        by_dataset.setdefault(gold.dataset.name, (gold.dataset.codebook_path, []))[1].append(gold.text_path)
    for name, (codebook_path, paths) in sorted(by_dataset.items()):
        runs += [(name, path, codebook_path) for path in sorted(paths)]
    return runs


def tables() -> dict[str, dict[str, str]]:
    """{run name: {table: CSV text}} for every run."""
    from core.extraction.pipeline import analyze_articles
    from core.ingest.text import read_article
    from core.knowledge.codebook import load_codebook

    out: dict[str, dict[str, str]] = {}
    groups: dict[Path | None, list[Path]] = {}
    names: dict[tuple[Path | None, Path], str] = {}
    for name, text, codebook_path in _runs():
        groups.setdefault(codebook_path, []).append(text)
        names[(codebook_path, text)] = f"{name}:{text.relative_to(text.parents[1])}"
    for codebook_path, paths in groups.items():
        codebook = load_codebook(codebook_path) if codebook_path else load_codebook()
        for path in paths:
            article = read_article(path)
            result = analyze_articles([article], codebook=codebook)
            out[names[(codebook_path, path)]] = {
                table: getattr(result, table).to_csv(index=False, lineterminator="\n") for table in TABLES
            }
    return out


def digests(all_tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    return {
        run: {table: f"{csv.count(chr(10)) - 1} rows sha256:{hashlib.sha256(csv.encode()).hexdigest()[:16]}" for table, csv in t.items()}
        for run, t in sorted(all_tables.items())
    }


def compare(before: dict, after: dict) -> list[str]:
    """One line per run/table whose digest differs, or that one side lacks."""
    lines = []
    for run in sorted(set(before) | set(after)):
        for table in TABLES:
            a, b = before.get(run, {}).get(table), after.get(run, {}).get(table)
            if a != b:
                lines.append(f"{run} {table}: {a} -> {b}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", help="write the digests (JSON) here")
    parser.add_argument("--dump", help="write the tables as CSV into this folder")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two digest files")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        differences = compare(before, after)
        print("\n".join(differences) if differences else f"identical: {len(before)} runs x {len(TABLES)} tables")
        return 1 if differences else 0
    all_tables = tables()
    if args.dump:
        folder = Path(args.dump)
        for run, t in all_tables.items():
            for table, csv in t.items():
                target = folder / run.replace(":", "/").replace("/text/", "/")
                target.mkdir(parents=True, exist_ok=True)
                (target / f"{table}.csv").write_text(csv, encoding="utf-8")
    result = digests(all_tables)
    text = json.dumps(result, indent=1, sort_keys=True)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    print(f"{len(result)} runs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
