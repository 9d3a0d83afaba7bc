"""Benchmark: how long the bounded paths take, measured here rather than asserted in tests.

    python scripts/benchmark_limits.py           # a table and a JSON line
    python scripts/benchmark_limits.py --json    # only the JSON line

(a) ``uncoded``: finding and grouping the uncoded statements of 5,000 synthetic quotes
    (tests/test_uncoded.py's ``synthetic_quotes``); target under 10 s.
(b) ``drip``: a fetch from a local server that drips one byte every 0.2 s (tests/test_limits.py's
    ``_Drip``), in the headers and in the body, refused by the 1 s whole-fetch deadline; target
    under 10 s each (the drip alone would take 10 s, a per-read timeout alone hours).
(c) ``pdf_100_pages``: reading the text of a 100-page PDF (tests/test_ingest.py's ``make_pdf``);
    target under 60 s.

The tests check that these paths finish with the right result; the seconds belong here, since a
busy machine makes any wall-clock assertion flaky.
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

TARGETS_S = {"uncoded_5000": 10.0, "drip_headers": 10.0, "drip_body": 10.0, "pdf_100_pages": 60.0}


def time_uncoded(n: int = 5_000) -> float:
    """Seconds to find and group the uncoded statements of ``n`` synthetic quotes."""
    from core.analysis.uncoded import group_uncoded, uncoded_statements
    from core.knowledge.codebook import load_codebook
    from tests.nlp_fixtures import TRADE_CODEBOOK
    from tests.test_uncoded import synthetic_quotes

    quotes = synthetic_quotes(n)
    codebook = load_codebook(TRADE_CODEBOOK)
    started = time.perf_counter()
    group_uncoded(uncoded_statements(quotes, codebook))
    return time.perf_counter() - started


def time_drip(in_headers: bool) -> float:
    """Seconds until a fetch from a dripping server is refused by its 1 s deadline."""
    from core.ingest.sources import IngestError, fetch_url
    from tests.test_limits import _Drip

    server = _Drip(in_headers)
    started = time.perf_counter()
    try:
        fetch_url(f"http://127.0.0.1:{server.port}/", allow_private=True, timeout=1)
    except IngestError:
        pass
    finally:
        server.close()
    return time.perf_counter() - started


def time_pdf(pages: int = 100) -> float:
    """Seconds to read the text of a ``pages``-page PDF."""
    from core.ingest.sources import extract_file
    from tests.test_ingest import PROSE, make_pdf

    data = make_pdf(PROSE, pages=pages)
    started = time.perf_counter()
    extract_file(data, f"{pages}.pdf")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    seconds = {
        "uncoded_5000": time_uncoded(),
        "drip_headers": time_drip(in_headers=True),
        "drip_body": time_drip(in_headers=False),
        "pdf_100_pages": time_pdf(),
    }
    if not args.json:
        for name, value in seconds.items():
            verdict = "ok" if value < TARGETS_S[name] else "OVER TARGET"
            print(f"{name:<14} {value:6.2f} s  (target < {TARGETS_S[name]:g} s)  {verdict}")
    print(json.dumps({name: round(value, 3) for name, value in seconds.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
