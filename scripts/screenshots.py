"""Refresh the README's screenshots: they are the ones the browser tests take.

    python scripts/screenshots.py                   # PNGs into docs/screenshots/
    python scripts/screenshots.py --out /tmp/shots

Runs the page tests of tests/test_browser.py (a fresh corpus of the seed articles, headless
Chromium, every page at 1280x800 and at a 390 px mobile width) with STANCE_SCREENSHOT_DIR set to
the output folder, so the pictures in the README are exactly what the tests saw and checked.
Exits with pytest's status.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO_ROOT / "docs" / "screenshots"),
                        help="output folder (default: docs/screenshots/ in the repo)")
    args = parser.parse_args(argv)
    env = {**os.environ, "STANCE_SCREENSHOT_DIR": str(Path(args.out).resolve())}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               str(REPO_ROOT / "tests" / "test_browser.py"), "-k", "every_page"]
    return subprocess.call(command, cwd=REPO_ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
