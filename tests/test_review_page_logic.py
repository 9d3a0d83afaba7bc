"""What the Review page decides, as pure functions of core.corpus.review: which articles it offers,
one row per statement, the order rows are shown in, where the reviewer goes next, which form
fields changed and where typed evidence lies in its sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from core.corpus.review import (
    ReviewError,
    article_rows,
    changed_fields,
    distinct_rows,
    evidence_span,
    neighbour_row,
    next_unreviewed,
    review_article_ids,
    review_progress,
    reviewed_rows_of_issue,
    row_token,
    rows_with_status,
    with_rejections,
)

# Three stored articles, newest first: the lighthouse one has rows, the harbour one was analysed
# and gave none, the ferry one is not analysed yet (statements -1).
ARTICLES = pd.DataFrame({
    "article_id": ["lighthouse", "harbour", "ferry"],
    "statements": [2, 0, -1],
})


def stance(article_id: str, start: int, actor: str, stance: str = "support", review: str = "", **extra) -> dict:
    return {"article_id": article_id, "start_char": start, "end_char": start + 10, "actor": actor,
            "issue": "lighthouse_fund", "stance": stance, "review": review, **extra}


STANCES = pd.DataFrame([
    stance("lighthouse", 40, "Maren Holt"),
    stance("lighthouse", 5, "Ivo Brandt", review="confirmed"),
])


def test_without_a_statement_filter_every_analysed_article_is_offered_newest_first():
    ordered = ["lighthouse", "harbour", "ferry", "deleted-meanwhile"]
    assert review_article_ids(ordered, ARTICLES, STANCES, statement_filter=False) == ["lighthouse", "harbour"]


def test_a_statement_filter_offers_only_articles_with_matching_rows():
    ordered = ["lighthouse", "harbour", "ferry"]
    assert review_article_ids(ordered, ARTICLES, STANCES, statement_filter=True) == ["lighthouse"]
    assert review_article_ids(ordered, ARTICLES, STANCES.iloc[0:0], statement_filter=True) == []


def test_the_article_filters_narrow_the_offer():
    ordered = ["lighthouse", "harbour", "ferry"]
    assert review_article_ids(ordered, ARTICLES, STANCES, statement_filter=False, matching={"harbour", "ferry"}) == ["harbour"]


def test_rows_come_in_reading_order_and_narrow_to_a_review_status():
    rows = article_rows(STANCES, "lighthouse")
    assert rows["actor"].tolist() == ["Ivo Brandt", "Maren Holt"]
    assert list(rows.index) == [0, 1]
    assert rows_with_status(rows, "todo")["actor"].tolist() == ["Maren Holt"]
    assert rows_with_status(rows, "done")["actor"].tolist() == ["Ivo Brandt"]
    assert len(rows_with_status(rows, "all")) == 2
    with pytest.raises(ReviewError, match="unknown review status 'maybe'"):
        rows_with_status(rows, "maybe")


def test_rows_with_the_same_key_are_one_statement_the_first_standing_for_all():
    twice = pd.DataFrame([
        stance("harbour", 0, "Lena Voss", quote="first copy"),
        stance("harbour", 0, "Lena Voss", quote="second copy"),
        stance("harbour", 0, "Lena Voss", stance="oppose", quote="other stance"),
    ])
    shown = distinct_rows(twice)
    assert [row["quote"] for row in shown.values()] == ["first copy", "other stance"]
    assert list(shown) == [row_token(row) for row in shown.values()]


def test_the_next_row_is_the_next_unreviewed_one_wrapping_to_the_top():
    rows = {token: {"review": review} for token, review in
            [("a", ""), ("b", "confirmed"), ("c", ""), ("d", "corrected")]}
    assert next_unreviewed(rows, "a") == "c"
    assert next_unreviewed(rows, "c") == "a"
    assert next_unreviewed(rows, "gone") == "a"
    assert next_unreviewed({"a": {"review": ""}, "b": {"review": "added"}}, "a") is None


def test_only_fields_that_really_changed_count_as_a_correction():
    row = {"actor": "Maren Holt", "actor_type": "person", "country": "", "issue": "lighthouse_fund",
           "stance": "support", "certainty": "stated"}
    form = {**row, "actor": "  Maren Holt ", "country": None, "stance": "oppose"}
    assert changed_fields(row, form) == {"stance": "oppose"}
    assert changed_fields(row, row) == {}


def test_evidence_must_be_copied_from_its_sentence():
    text = "The harbour opens. Lena Voss backs the lighthouse fund. It rained."
    sentence = (19, 55)
    start, end = evidence_span(text, sentence, "  backs the lighthouse fund ")
    assert text[start:end] == "backs the lighthouse fund"
    assert evidence_span(text, sentence, "It rained") is None  # another sentence
    assert evidence_span(text, sentence, "backs a lighthouse fund") is None  # reworded
    assert evidence_span(text, sentence, "   ") is None


def test_reviewed_rows_of_an_issue_are_counted():
    assert reviewed_rows_of_issue(STANCES, "lighthouse_fund") == 1
    assert reviewed_rows_of_issue(STANCES, "ferry_timetable") == 0
    assert reviewed_rows_of_issue(pd.DataFrame(), "lighthouse_fund") == 0


def test_rejected_rows_come_back_marked_in_reading_order_once():
    rows = article_rows(STANCES, "lighthouse")
    gone = {**stance("lighthouse", 20, "Lena Voss"), "sentence": 2, "_rejected_at": "2026-01-02 10:00"}
    listed = with_rejections(rows, [gone, gone])
    assert listed["actor"].tolist() == ["Ivo Brandt", "Lena Voss", "Maren Holt"]
    assert listed["review"].tolist() == ["confirmed", "rejected", ""]
    assert "_rejected_at" not in listed.columns and list(listed.index) == [0, 1, 2]
    assert with_rejections(rows, [rows.iloc[0].to_dict()]).equals(rows)  # already listed: nothing added
    assert with_rejections(rows.iloc[0:0], [gone])["actor"].tolist() == ["Lena Voss"]


def test_progress_keeps_rejected_rows_in_the_total():
    rows = {str(i): {"review": review} for i, review in enumerate(["confirmed", "rejected"] + [""] * 23)}
    progress = review_progress(rows)
    assert progress.text == "2 of 25 reviewed (1 confirmed, 1 rejected)"
    assert progress.share == 2 / 25
    assert review_progress({}).text == "0 of 0 reviewed" and review_progress({}).share == 0.0
    every = {"a": {"review": "added"}, "b": {"review": "corrected"}, "c": {"review": "confirmed"}}
    assert review_progress(every).text == "3 of 3 reviewed (1 confirmed, 1 corrected, 1 added)"


def test_previous_and_next_wrap_around():
    rows = dict.fromkeys(["a", "b", "c"])
    assert neighbour_row(rows, "a", 1) == "b" and neighbour_row(rows, "c", 1) == "a"
    assert neighbour_row(rows, "a", -1) == "c" and neighbour_row(rows, "gone", 1) == "a"
    assert neighbour_row({}, "a", 1) is None


def test_a_rejected_row_comes_back_where_it_was_among_rows_of_its_span():
    same_span = pd.DataFrame([stance("harbour", 0, actor) for actor in ("Ada Lund", "Bo Ek", "Cai Vik")])
    rows = article_rows(same_span, "harbour")
    assert rows["actor"].tolist() == ["Ada Lund", "Bo Ek", "Cai Vik"]
    listed = with_rejections(rows.drop(index=1), [rows.iloc[1].to_dict()])
    assert listed["actor"].tolist() == ["Ada Lund", "Bo Ek", "Cai Vik"]
    assert listed["review"].tolist() == ["", "rejected", ""]
