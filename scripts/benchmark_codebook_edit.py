"""Benchmark: what a codebook edit costs on a corpus (the Codebook page's "Save").

    python scripts/benchmark_codebook_edit.py
    python scripts/benchmark_codebook_edit.py --pattern '\\bKursk\\b'

Imports the benchmark texts (the seed articles plus, when ``../shared/eval`` exists, the real
evaluation articles) into a temporary corpus, then times ``Corpus.extract_pending`` after
(1) adding an issue with the given pattern and (2) editing only that issue's label. Only articles
in which a changed issue's pattern matches are analysed again; the rest keep their results
(``core.corpus.corpus.Corpus._carry_over``). Prints one line of measured numbers; writes nothing but a
temporary file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parent
for _p in (str(SCRIPTS_DIR.parent), str(SCRIPTS_DIR)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from benchmark import article_paths, load_articles  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pattern", default=r"\bKursk\b", help="pattern of the issue to add (default: %(default)s)")
    args = parser.parse_args(argv)
    from core.corpus.corpus import Corpus
    from core.corpus.store import CorpusStore
    from core.extraction.nlp import load_pipeline
    from core.knowledge.codebook import IssueDraft, load_codebook, with_issue
    from core.model import Article

    nlp = load_pipeline()
    items = [Article(text=a.text, title=a.title or a.article_id, date=a.date or "") for a in load_articles(article_paths()[0])]
    db = Path(tempfile.mkdtemp(prefix="stance-codebook-")) / "corpus.sqlite3"

    def timed(codebook) -> tuple[int, float]:
        corpus = Corpus(CorpusStore(db), codebook, nlp_loader=lambda: nlp)
        start = time.perf_counter()
        if corpus.store.count() == 0:
            corpus.add(items)
            return len(items), time.perf_counter() - start
        return corpus.extract_pending(), time.perf_counter() - start

    book = load_codebook()
    draft = IssueDraft(id="benchmark_issue", label="Benchmark issue", description="Support = …", patterns=[args.pattern])
    added = with_issue(book, draft)
    relabelled = with_issue(added, IssueDraft(**{**draft.__dict__, "label": "Renamed"}), replace="benchmark_issue")
    n_all, t_all = timed(book)
    n_add, t_add = timed(added)
    n_label, t_label = timed(relabelled)
    print(f"{n_all} articles analysed in {t_all:.2f} s; adding an issue ({args.pattern}) re-analysed {n_add} "
          f"in {t_add:.2f} s; a label edit re-analysed {n_label} in {t_label:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
