"""What the AppTest files share: a fresh corpus per test, emptied Streamlit caches, opening a page
of the app with query parameters, and reading what the user sees.

Each test file keeps its own fake analysis (the ``calls`` fixture); importing ``fresh_corpus``
into a test module makes it autouse there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import dashboard
from core.extraction.scorer import STANCES, StanceScorer

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 30
# What a trained scorer reports about itself (seeds/stance_scorer.json's info, abridged).
RELIABILITY = [
    {"low": 0.0, "high": 0.1, "predicted": 0.06, "observed": 0.07, "rows": 287},
    {"low": 0.1, "high": 0.2, "predicted": 0.16, "observed": 0.27, "rows": 255},
    {"low": 0.3, "high": 0.4, "predicted": 0.33, "observed": 0.16, "rows": 73},
    {"low": 0.5, "high": 0.6, "predicted": 0.56, "observed": 0.54, "rows": 57},
]


def fake_scorer(min_confidence: float = 0.3, reviews: int = 0) -> StanceScorer:
    """A scorer that only describes itself (no features): what the pages read of it."""
    return StanceScorer(
        features=[], position_weights=np.zeros(0), position_bias=0.0, weights=np.zeros((len(STANCES), 0)),
        bias=np.zeros(len(STANCES)), min_confidence=min_confidence,
        info={"trained": "2026-12-03", "articles": [f"dev_{i}" for i in range(19)], "reviews": reviews,
              "reliability": RELIABILITY, "calibration_error": 0.0666,
              "validation": {"method": "leave one article out", "min_confidence": min_confidence,
                             "actor": {"precision": 0.53, "recall": 0.45, "f1": 0.49}}},
    )


def use_scorer(monkeypatch, scorer: StanceScorer | None) -> None:
    """The pages see ``scorer`` as the configured one (None: the rules run)."""
    monkeypatch.setattr(dashboard, "configured_scorer", lambda: (scorer, []))


@pytest.fixture(autouse=True)
def fresh_corpus(tmp_path, monkeypatch) -> Path:
    """Every test gets its own empty corpus file, seeded on first start."""
    path = tmp_path / "corpus" / "test.sqlite3"
    monkeypatch.setenv("STANCE_DB", str(path))
    # AppTest sends no request headers, so no session counts as local: the page tests edit as
    # everyone may in an open deployment; tests of the roles unset this.
    monkeypatch.setenv("STANCE_OPEN_EDITING", "1")
    # The pages describe a fixed scorer, not whatever seeds/stance_scorer.json holds today. Its
    # minimum, 0.3, keeps every sample row (tests/sample_tables.py: 0.3 to 0.9).
    use_scorer(monkeypatch, fake_scorer())
    return path


@contextmanager
def emptied_caches() -> Iterator[None]:
    """Streamlit's caches emptied before and after: no test sees another's corpus or codebook."""
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        yield
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()


def open_app_page(page: str, **query_params: str | list[str]) -> AppTest:
    """Run the app on ``page`` (a path under app_pages/) with the query parameters, and check it
    ran without an exception or an error message."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in query_params.items():
        at.query_params[name] = value
    at.switch_page(page)
    at.run()
    assert_clean(at)
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def texts(elements) -> str:
    """The elements' text as the user reads it (Markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", "\n".join(str(e.value) for e in elements))
