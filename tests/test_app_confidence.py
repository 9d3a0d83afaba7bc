"""The minimum confidence through Streamlit's AppTest: the sidebar slider narrows every page's
rows, the rows below it are suggestions on the Review and Article pages (Confirm and Reject for
editors only), the Review page says what the scorer learned from, and the Accuracy page shows its
calibration.

The analysis is the sample tables (``tests/sample_tables.py``, confidences 0.3 to 0.9) and the
scorer the pages describe is ``tests.apptest.fake_scorer``."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from core import settings
from core.evaluation.accuracy import load_report
from tests.apptest import (
    assert_clean,
    emptied_caches,
    fake_scorer,
    fresh_corpus,  # noqa: F401 - autouse: a new corpus for every test
    metrics,
    open_app_page,
    texts,
    use_scorer,
)
from tests.sample_tables import fake_analyze

REVIEW = "app_pages/review.py"
ARTICLE = "app_pages/article.py"
DATA = "app_pages/data.py"
ACCURACY = "app_pages/accuracy.py"
SUGGESTIONS = "Suggestions below the minimum confidence"
PASSPHRASE = "a long harbour passphrase"


@pytest.fixture
def calls(monkeypatch):
    """The sample tables instead of spaCy; caches emptied around each test."""
    monkeypatch.setattr(dashboard, "analyze_articles",
                        lambda articles, nlp=None, codebook=None, knowledge=None: fake_analyze(articles, nlp=nlp, codebook=codebook))
    monkeypatch.setattr(dashboard, "build_pipeline", lambda knowledge=None: "fake pipeline")
    monkeypatch.delenv(settings.ARTICLES_DIR_ENV, raising=False)
    monkeypatch.delenv(settings.CODEBOOK_ENV, raising=False)
    with emptied_caches():
        yield


@pytest.fixture
def reader(monkeypatch) -> None:
    """Editing needs a passphrase nobody typed: this session only reads."""
    monkeypatch.delenv("STANCE_OPEN_EDITING", raising=False)
    monkeypatch.setenv("STANCE_EDITOR_PASSPHRASE", PASSPHRASE)


def data_rows(at: AppTest):
    return at.dataframe[0].value


def suggestion_panel(at: AppTest):
    found = [e for e in at.expander if e.label.startswith(SUGGESTIONS)]
    assert len(found) == 1, [e.label for e in at.expander]
    return found[0]


def suggestion_buttons(at: AppTest, prefix: str, action: str) -> list:
    return [b for b in at.button if str(b.key).startswith(f"{prefix}_{action}_")]


def test_the_slider_hides_low_confidence_rows_and_lives_in_the_url(calls):
    at = open_app_page(DATA)
    slider = at.sidebar.slider(key="filter_min_confidence")
    assert slider.label == "Minimum confidence" and slider.value == 0.3, "the scorer's own minimum"
    assert "right on the development articles" in slider.help
    assert len(data_rows(at)) == 14
    assert "min_confidence" not in at.query_params, "the default stays out of the link"

    slider.set_value(0.5).run()
    assert_clean(at)
    shown = data_rows(at)
    assert len(shown) == 12 and shown["confidence"].min() >= 0.5
    assert set(shown["actor"]) >= {"Donald Trump"} and "Witkoff" not in set(shown["actor"])
    assert at.query_params["min_confidence"] in ("0.5", ["0.5"])

    # Every page: the overview counts the same rows.
    at.switch_page("app_pages/overview.py").run()
    assert_clean(at)
    assert metrics(at)["Statements"] == "12"

    # Clear filters brings the default back.
    at.sidebar.button[0].click().run()
    assert at.sidebar.slider(key="filter_min_confidence").value == 0.3
    assert metrics(at)["Statements"] == "14"


def test_a_link_restores_the_minimum_and_a_minimum_above_every_row_says_so(calls):
    at = open_app_page(DATA, min_confidence="0.85")
    assert at.sidebar.slider(key="filter_min_confidence").value == 0.85
    assert sorted(data_rows(at)["confidence"]) == [0.85, 0.85, 0.9, 0.9, 0.9, 0.9]
    at = open_app_page("app_pages/overview.py", min_confidence="1")
    assert "No statements at or above the minimum confidence (1)" in texts(at.info)
    at = open_app_page(DATA, min_confidence="much")
    assert "Minimum confidence 'much' from the link" in texts(at.warning)
    assert len(data_rows(at)) == 14


def test_rules_start_at_zero_and_say_so(calls, monkeypatch):
    use_scorer(monkeypatch, None)
    at = open_app_page(REVIEW)
    assert at.sidebar.slider(key="filter_min_confidence").value == 0.0
    assert "hand-written rules" in texts(at.caption)
    assert "every statement is shown" in texts(suggestion_panel(at).markdown)


def test_review_page_says_what_the_scorer_learned_from(calls, monkeypatch):
    at = open_app_page(REVIEW)
    assert ("Rows are scored by a model trained on 2026-12-03 on 19 blind-coded articles and 0 of your reviews. "
            "Run `python -m core train --db <corpus file or URL>` to learn from your reviews.") in [c.value for c in at.caption]
    use_scorer(monkeypatch, fake_scorer(reviews=1))
    at = open_app_page(REVIEW)
    assert "and 1 of your review." in texts(at.caption)
    # a scorer trained with --challenge says how much it learned from invented cases
    invented = fake_scorer()
    invented.info["challenge_candidates"] = 2054
    use_scorer(monkeypatch, invented)
    at = open_app_page(REVIEW)
    assert "on 19 blind-coded articles, 2,054 candidates of invented construction cases and 0 of your reviews" in texts(at.caption)


def test_a_confirmed_suggestion_becomes_a_normal_row(calls):
    at = open_app_page(REVIEW, min_confidence="0.5")
    assert len(at.dataframe[0].value) == 12
    panel = suggestion_panel(at)
    assert panel.label == f"{SUGGESTIONS} (2)"
    listed = texts(panel.markdown)
    assert "Russia" in listed and "confidence 0.40" in listed and "Russia is keeping up the fighting" in listed
    assert listed.index("confidence 0.40") < listed.index("confidence 0.30"), "most confident first"

    suggestion_buttons(at, "review_suggestion", "confirm")[0].click().run()
    assert_clean(at)
    assert "Confirmed: Russia" in texts(at.success)
    assert suggestion_panel(at).label == f"{SUGGESTIONS} (1)"
    table = at.dataframe[0].value
    assert len(table) == 13
    assert table.loc[table["actor"] == "Russia", "status"].tolist() == ["confirmed"]
    at.switch_page(DATA).run()
    row = data_rows(at)[lambda d: d["actor"] == "Russia"]
    assert row[["review", "confidence"]].values.tolist() == [["confirmed", 1.0]]


def test_a_rejected_suggestion_disappears(calls):
    at = open_app_page(ARTICLE, min_confidence="0.5")
    assert suggestion_panel(at).label == f"{SUGGESTIONS} (2)"
    suggestion_buttons(at, "article_suggestion", "reject")[1].click().run()  # (Steve) Witkoff, 0.3
    assert_clean(at)
    assert "Rejected: Steve Witkoff · Ceasefire: neutral." in texts(at.success)
    assert suggestion_panel(at).label == f"{SUGGESTIONS} (1)"
    assert "Witkoff" not in texts(suggestion_panel(at).markdown)
    at.sidebar.slider(key="filter_min_confidence").set_value(0.0).run()  # gone, not merely held back
    at.switch_page(DATA).run()
    rows = data_rows(at)
    assert len(rows) == 13 and rows[rows["stance"] == "neutral"].empty


@pytest.mark.parametrize("page, prefix", [(REVIEW, "review_suggestion"), (ARTICLE, "article_suggestion")])
def test_a_reader_sees_suggestions_without_buttons(calls, reader, page, prefix):
    at = open_app_page(page, min_confidence="0.5")
    panel = suggestion_panel(at)
    assert panel.label == f"{SUGGESTIONS} (2)" and "Russia is keeping up the fighting" in texts(panel.markdown)
    assert not suggestion_buttons(at, prefix, "confirm") and not suggestion_buttons(at, prefix, "reject")
    assert "needs an editor" in texts(panel.caption)


def test_accuracy_page_shows_the_reliability_chart(calls):
    at = open_app_page(ACCURACY)
    charts = [c.proto.spec for c in at.get("vega_lite_chart")]
    reliability = [spec for spec in charts if "Predicted confidence" in spec]
    assert len(reliability) == 1 and "Observed precision" in reliability[0] and "strokeDash" in reliability[0]
    shown = metrics(at)
    assert shown["Calibration error"] == "0.067" and shown["Default minimum confidence"] == "0.30"
    assert "Minimum confidence" in texts(at.markdown)


def test_accuracy_page_without_a_scorer_says_the_rules_are_not_calibrated(calls, monkeypatch):
    use_scorer(monkeypatch, None)
    at = open_app_page(ACCURACY)
    assert "no calibration to show" in texts(at.info)
    assert not [c for c in at.get("vega_lite_chart") if "Predicted confidence" in c.proto.spec]


def test_many_suggestions_come_ten_at_a_time(calls):
    at = open_app_page(REVIEW, min_confidence="1")
    assert suggestion_panel(at).label == f"{SUGGESTIONS} (14)"
    assert len(suggestion_buttons(at, "review_suggestion", "confirm")) == 10
    assert "Showing the 10 most confident of 14." in texts(suggestion_panel(at).caption)
    at.button(key="review_suggestion_more").click().run()
    assert_clean(at)
    assert len(suggestion_buttons(at, "review_suggestion", "confirm")) == 14
    assert not [b for b in at.button if b.key == "review_suggestion_more"]


# --- the Accuracy page ---------------------------------------------------------------------------


@pytest.fixture
def page_report(monkeypatch):
    """The Accuracy page reads the stored report with the bands of tests/test_confidence_bands.py."""
    from tests.test_confidence_bands import REPORT

    stored = load_report()
    assert stored is not None
    report = {**stored, **REPORT}
    monkeypatch.setattr(dashboard, "accuracy_report", lambda: report)
    return report


def _band_tables(at):
    return [t.value for t in at.dataframe if "shown as" in t.value.columns]


def test_the_accuracy_page_shows_how_often_a_row_is_right_by_confidence_at_either_level(calls, page_report):
    at = open_app_page(ACCURACY)
    assert "How often is a row right at each confidence?" in texts(at.subheader)
    charts = [c.proto.spec for c in at.get("vega_lite_chart") if "Share of rows right" in c.proto.spec]
    assert len(charts) == 1 and "test (unseen)" in charts[0]
    (table,) = _band_tables(at)
    assert list(table["dev rows"]) == [10, 4, 8]
    caption = next(c.value for c in at.caption if "On the test articles" in c.value)
    assert "0.50–1.00: 50% of 6" in caption and "0.35–0.50" not in caption  # a band without test rows is not quoted
    assert "0.10–0.35" not in caption and "suggestions" in texts(at.markdown)  # the suggestions are not shown rows
    at.radio(key="band_level").set_value("country").run()
    assert_clean(at)
    (table,) = _band_tables(at)
    assert list(table["dev rows"]) == [9, 3, 7] and table["test right"].isna().all()
    assert not [c for c in at.caption if "On the test articles" in c.value]  # no test rows at this level


def test_the_accuracy_page_without_bands_leaves_the_section_out(calls, monkeypatch):
    stored = load_report()
    assert stored is not None
    monkeypatch.setattr(dashboard, "accuracy_report", lambda: {k: v for k, v in stored.items() if k != "confidence_bands"})
    at = open_app_page(ACCURACY)
    assert "How often is a row right" not in texts(at.subheader) and not _band_tables(at)


def test_the_accuracy_page_leaves_out_bands_without_a_row(calls, monkeypatch):
    stored = load_report()
    assert stored is not None
    empty = {"edges": [0.1, 0.35, 1.0], "min_confidence": 0.35,
             "dev": {"actor": [{"rows": 0, "precision": None}] * 2}, "test": {"actor": [{"rows": 0, "precision": None}] * 2}}
    monkeypatch.setattr(dashboard, "accuracy_report", lambda: {**stored, "confidence_bands": empty})
    at = open_app_page(ACCURACY)
    assert "How often is a row right" not in texts(at.subheader) and not _band_tables(at)
