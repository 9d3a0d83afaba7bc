"""Add (or check) ``start_char`` and ``end_char`` of every gold row's verbatim evidence.

Coders write ``evidence`` only (tests/gold/CODING.md); this script finds it in the article text as
the pipeline reads it (``core.ingest.text.read_article``: header lines removed) and writes the offsets
right after ``article_id``, keeping the table's comment header. Rows whose evidence is not found
verbatim are listed and the file is left unchanged (exit 1). Needs ../shared for the texts.

    python scripts/locate_gold_evidence.py            # every gold table with an evidence column
    python scripts/locate_gold_evidence.py --check    # only report, write nothing
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.evaluation.gold import AGREEMENT_DIR, load_split, locate_evidence  # noqa: E402


def _split_header(raw: str) -> tuple[list[str], str]:
    lines = raw.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    return lines[:n], "".join(lines[n:])


def locate(path: Path, text: str, write: bool) -> list[str]:
    """Problems of one table ('' list when fine); with ``write`` the offsets are stored."""
    header, body = _split_header(path.read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO(body)))
    if not rows or "evidence" not in rows[0]:
        return []
    problems = []
    for number, row in enumerate(rows, start=len(header) + 2):
        found = locate_evidence(text, row["evidence"])
        if found is None:
            problems.append(f"{path.name}:{number}: evidence not found verbatim: {row['evidence'][:80]!r}")
            continue
        row["start_char"], row["end_char"] = str(found[0]), str(found[1])
    if problems or not write:
        return problems
    fields = [f for f in rows[0] if f not in ("start_char", "end_char")]
    fields = fields[:1] + ["start_char", "end_char"] + fields[1:]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text("".join(header) + out.getvalue(), encoding="utf-8")
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, write nothing")
    args = parser.parse_args(argv)
    problems: list[str] = []
    for article in load_split():
        if not article.available:
            print(f"skipped {article.article_id}: {article.text_path} is absent", file=sys.stderr)
            continue
        text = article.article().text
        for path in (article.gold_path, AGREEMENT_DIR / f"{article.article_id}.csv"):
            if path.is_file():
                problems += locate(path, text, write=not args.check)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
