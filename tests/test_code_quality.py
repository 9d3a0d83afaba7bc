"""The code base stays linted and typed: ``ruff check`` and ``mypy`` (settings in pyproject.toml) run
as part of the suite, so the README's test command and CI check them too."""

import subprocess
import sys

from tests.conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_ruff_finds_nothing():
    result = _run(sys.executable, "-m", "ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_mypy_finds_no_type_error_in_core_and_dashboard():
    # The cache lives in a temporary folder: a stale .mypy_cache must not hide an error.
    result = _run(sys.executable, "-m", "mypy", "--cache-dir", "/dev/null")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success" in result.stdout
