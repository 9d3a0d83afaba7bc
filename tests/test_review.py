"""Human review of stance rows: confirm / correct / reject / add change the loaded table, the
audit trail keeps every action, the latest review wins, overrides survive re-extraction, stale
reviews are reported, bad spans are refused, and the reviewed rows export as a gold table."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from core.corpus.corpus import Corpus
from core.corpus.review import (
    GOLD_COLUMNS,
    ReviewError,
    added_statement,
    apply_reviews,
    gold_table,
    review_row_key,
    sentence_spans,
    stale_articles,
    stale_reviews,
)
from core.corpus.store import CorpusStore
from core.evaluation.stances import evaluate_stances, read_gold
from core.extraction.pipeline import ArticleResult, tables_from_results
from core.knowledge.codebook import codebook_from_dict
from core.model import STANCE_COLUMNS, Article
from core.views.export import gold_csv

CODEBOOK = codebook_from_dict(
    {
        "issues": [
            {"id": "tram_line", "label": "Tram line", "patterns": ["tram"]},
            {"id": "library_hours", "label": "Library hours", "patterns": ["library"]},
        ]
    },
    "review test codebook",
)
CODEBOOK.digest = "review-one"

TEXT = (
    'Mayor Ada Lovelace said: "We will build the tram line." '
    "Councillor Tom Baker opposes the tram line. "
    "Librarian Rosa Diaz wants the library open on Sundays. "
    "Grace Hopper, a resident, said the library hours are fine."
)

# (phrase found in the text, actor, actor_type, country, issue, stance) for the first extraction
FIRST_RULES = [
    ('"We will build the tram line."', "Ada Lovelace", "person", "Ruritania", "tram_line", "support"),
    ("Councillor Tom Baker opposes the tram line.", "Tom Baker", "person", "Ruritania", "tram_line", "oppose"),
    ("Librarian Rosa Diaz wants the library open on Sundays.", "Rosa Diaz", "person", "Ruritania", "library_hours", "support"),
]


class FakeAnalysis:
    """Stands in for spaCy: one stance row per rule whose phrase is in the article text."""

    def __init__(self, rules):
        self.rules = rules

    def __call__(self, articles, nlp=None, codebook=None, knowledge=None):
        results = []
        for article in articles:
            stances = []
            for phrase, actor, actor_type, country, issue, stance in self.rules:
                start = article.text.find(phrase)
                if start < 0:
                    continue
                stances.append({
                    "article_id": article.article_id, "sentence": 1, "actor": actor, "actor_type": actor_type,
                    "country": country, "issue": issue, "stance": stance, "certainty": "stated",
                    "attribution": "direct" if phrase.startswith('"') else "narrative", "source": "",
                    "quote": phrase, "start_char": start, "end_char": start + len(phrase), "confidence": 0.7,
                })
            results.append(ArticleResult(stances, [], []))
        return tables_from_results(results)


def make_corpus(db, rules=FIRST_RULES, key="rules-v1") -> Corpus:
    return Corpus(CorpusStore(db), CODEBOOK, nlp_loader=lambda: "nlp", analyze=FakeAnalysis(rules), key=key)


@pytest.fixture
def db(corpus_location):
    """The review log on both engines: a SQLite file, then a PostgreSQL schema (conftest)."""
    return corpus_location


@pytest.fixture
def corpus(db) -> Corpus:
    c = make_corpus(db)
    c.add([Article(text=TEXT, title="Town hall", outlet="Daily Bugle", date="2024-06-01")])
    return c


def stances(c: Corpus) -> pd.DataFrame:
    return c.load().tables.stances


def row_of(table: pd.DataFrame, actor: str) -> dict:
    found = table[table["actor"] == actor]
    assert len(found) == 1, f"expected one row of {actor}, found {len(found)}"
    return found.iloc[0].to_dict()


def test_an_unreviewed_table_has_empty_review_columns(corpus):
    table = stances(corpus)
    assert len(table) == 3
    assert list(table["review"]) == ["", "", ""] and list(table["review_id"]) == [-1, -1, -1]


def test_confirm_keeps_the_row_and_marks_it(corpus):
    review_id = corpus.review("confirm", row_of(stances(corpus), "Tom Baker"), reviewer="Kim")
    row = row_of(stances(corpus), "Tom Baker")
    assert (row["review"], row["review_id"], row["stance"], row["confidence"]) == ("confirmed", review_id, "oppose", 1.0)
    assert len(stances(corpus)) == 3


def test_correct_replaces_the_fields_and_the_audit_trail_keeps_both_versions(corpus):
    before = row_of(stances(corpus), "Tom Baker")
    review_id = corpus.review("correct", before, {"stance": "neutral", "country": "Freedonia"}, reviewer="Kim", note="hedged")
    row = row_of(stances(corpus), "Tom Baker")
    assert (row["review"], row["review_id"], row["stance"], row["country"]) == ("corrected", review_id, "neutral", "Freedonia")
    assert (row["quote"], row["start_char"], row["end_char"]) == (before["quote"], before["start_char"], before["end_char"])
    assert row["title"] == "Town hall"

    history = corpus.review_history("town_hall")
    entry = history.iloc[-1]
    assert (entry["action"], entry["reviewer"], entry["note"], entry["original_actor"]) == ("correct", "Kim", "hedged", "Tom Baker")
    assert (entry["start_char"], entry["end_char"], entry["original_issue"], entry["original_stance"]) == (
        before["start_char"], before["end_char"], "tram_line", "oppose")
    assert json.loads(entry["original_values"])["stance"] == "oppose"
    new = json.loads(entry["new_values"])
    assert new == {"actor": "Tom Baker", "actor_type": "person", "country": "Freedonia", "issue": "tram_line",
                   "stance": "neutral", "certainty": "stated"}
    assert entry["created_at"].endswith("+00:00") and entry["content_hash"]


def test_reject_drops_the_row(corpus):
    corpus.review("reject", row_of(stances(corpus), "Rosa Diaz"), note="not a stance")
    assert sorted(stances(corpus)["actor"]) == ["Ada Lovelace", "Tom Baker"]
    assert corpus.articles().loc[0, "statements"] == 3  # the machine count is kept


def test_add_appends_a_human_row_with_verbatim_evidence(corpus):
    phrase = "Grace Hopper, a resident, said the library hours are fine."
    start = TEXT.index(phrase)
    # The selection took a space on each side: it is trimmed and the offsets follow.
    review_id = corpus.add_statement("town_hall", start - 1, start + len(phrase) + 0, "Grace Hopper", "person", "",
                                     "library_hours", "neutral", "stated", reviewer="Lee")
    table = stances(corpus)
    row = row_of(table, "Grace Hopper")
    assert (row["review"], row["review_id"]) == ("added", review_id)
    assert (row["start_char"], row["end_char"]) == (start, start + len(phrase))
    assert row["quote"] == TEXT[row["start_char"]:row["end_char"]] == phrase
    assert (row["title"], row["outlet"], row["date"]) == ("Town hall", "Daily Bugle", "2024-06-01")
    assert (row["sentence"], row["attribution"], row["confidence"]) == (4, "narrative", 1.0)
    assert set(STANCE_COLUMNS) <= set(table.columns)
    entry = corpus.review_history().iloc[-1]
    assert (entry["action"], entry["start_char"], entry["original_actor"], entry["reviewer"]) == ("add", -1, "", "Lee")
    assert json.loads(entry["new_values"])["quote"] == phrase


def test_the_latest_review_wins_and_every_action_is_kept(corpus):
    baker = row_of(stances(corpus), "Tom Baker")
    corpus.review("reject", baker, reviewer="Kim")
    corpus.review("confirm", baker, reviewer="Lee")  # the row as first shown
    assert row_of(stances(corpus), "Tom Baker")["review"] == "confirmed"
    corpus.review("correct", row_of(stances(corpus), "Tom Baker"), {"stance": "support"}, reviewer="Kim")
    corrected = row_of(stances(corpus), "Tom Baker")
    assert (corrected["review"], corrected["stance"]) == ("corrected", "support")
    # Correcting the corrected row again, from the table as shown, supersedes the first correction.
    corpus.review("correct", corrected, {"actor": "Thomas Baker"})
    table = stances(corpus)
    assert "Tom Baker" not in set(table["actor"]) and row_of(table, "Thomas Baker")["stance"] == "support"
    # Confirming a corrected row keeps its corrected values.
    corpus.review("confirm", row_of(table, "Thomas Baker"))
    row = row_of(stances(corpus), "Thomas Baker")
    assert (row["review"], row["stance"]) == ("corrected", "support")
    corpus.review("reject", row)
    assert set(stances(corpus)["actor"]) == {"Ada Lovelace", "Rosa Diaz"}
    history = corpus.review_history()
    assert list(history["action"]) == ["reject", "confirm", "correct", "correct", "correct", "reject"]
    assert list(history["reviewer"][:3]) == ["Kim", "Lee", "Kim"]
    assert set(history["original_actor"]) == {"Tom Baker"}  # every one names the same machine row
    assert list(history["id"]) == sorted(history["id"])


def test_support_and_opposition_added_on_the_same_words_are_two_statements(corpus):
    phrase = "Grace Hopper, a resident, said the library hours are fine."
    start = TEXT.index(phrase)
    for stance in ("support", "oppose"):
        corpus.add_statement("town_hall", start, start + len(phrase), "Grace Hopper", "person", "",
                             "library_hours", stance, "stated")
    table = stances(corpus)
    assert sorted(table.loc[table["actor"] == "Grace Hopper", "stance"]) == ["oppose", "support"]


def test_reviews_of_an_added_row_apply_to_it(corpus):
    start = TEXT.index("Grace Hopper")
    corpus.add_statement("town_hall", start, start + len("Grace Hopper, a resident, said the library hours are fine."),
                         "Grace Hopper", "person", "", "library_hours", "neutral", "stated")
    corpus.review("correct", row_of(stances(corpus), "Grace Hopper"), {"stance": "support"})
    row = row_of(stances(corpus), "Grace Hopper")
    assert (row["review"], row["stance"]) == ("added", "support")
    corpus.review("reject", row)
    assert "Grace Hopper" not in set(stances(corpus)["actor"])


def test_overrides_survive_re_extraction(db, corpus):
    table = stances(corpus)
    corpus.review("correct", row_of(table, "Ada Lovelace"), {"stance": "oppose"})
    corpus.review("reject", row_of(table, "Tom Baker"))
    corpus.review("correct", row_of(table, "Rosa Diaz"), {"certainty": "reported"})
    start = TEXT.index("Grace Hopper")
    corpus.add_statement("town_hall", start, start + 12, "Grace Hopper", "person", "", "library_hours", "neutral", "stated")

    # New rules: the mayor is now named by her initial, Tom Baker's row is unchanged and the
    # librarian's row is no longer found at all.
    new_rules = [
        (FIRST_RULES[0][0], "A. Lovelace", *FIRST_RULES[0][2:]),
        FIRST_RULES[1],
    ]
    again = make_corpus(db, new_rules, key="rules-v2")
    assert again.load().pending == 1 and again.extract_pending() == 1
    loaded = again.load()
    table = loaded.tables.stances.set_index("actor")
    assert set(table.index) == {"A. Lovelace", "Rosa Diaz", "Grace Hopper"}
    # the correction found its row by span and issue; the name it did not touch follows the machine
    assert (table.loc["A. Lovelace", "stance"], table.loc["A. Lovelace", "review"]) == ("oppose", "corrected")
    # the correction whose row is gone stays, with its evidence and the article's metadata
    diaz = table.loc["Rosa Diaz"]
    assert (diaz["certainty"], diaz["review"], diaz["title"]) == ("reported", "corrected", "Town hall")
    assert diaz["quote"] == TEXT[diaz["start_char"]:diaz["end_char"]]
    assert table.loc["Grace Hopper", "review"] == "added"
    assert loaded.stale_reviews.empty


def test_confirms_and_rejects_whose_row_is_gone_are_reported_stale(db, corpus):
    table = stances(corpus)
    confirm_id = corpus.review("confirm", row_of(table, "Rosa Diaz"))
    corpus.review("reject", row_of(table, "Tom Baker"))
    again = make_corpus(db, [FIRST_RULES[0], FIRST_RULES[1]], key="rules-v2")
    again.extract_pending()
    loaded = again.load()
    assert list(loaded.stale_reviews["id"]) == [confirm_id]
    assert set(loaded.tables.stances["actor"]) == {"Ada Lovelace"}


def test_a_span_matching_several_rows_is_not_guessed():
    machine = pd.DataFrame([
        {"article_id": "a", "actor": name, "issue": "tram_line", "stance": "support", "start_char": 0, "end_char": 5,
         "quote": "Hello"} for name in ("Ann Lee", "Bo Park")
    ], columns=STANCE_COLUMNS)
    reviews = pd.DataFrame([{
        "id": 1, "article_id": "a", "action": "reject", "start_char": 0, "end_char": 5, "original_actor": "Cy Young",
        "original_issue": "tram_line", "original_stance": "support", "original_values": "{}", "new_values": "{}",
    }])
    assert len(apply_reviews(machine, reviews)) == 2
    assert list(stale_reviews(machine, reviews)["id"]) == [1]
    # With one row on the span, the same review applies to it.
    assert apply_reviews(machine.iloc[:1], reviews).empty
    assert stale_reviews(machine.iloc[:1], reviews).empty


def _two_stances_on_one_span() -> pd.DataFrame:
    """One actor, one span, one issue: a support row and an oppose row (as on a real article)."""
    return pd.DataFrame([
        {"article_id": "a", "actor": "Ann Lee", "actor_type": "person", "country": "", "issue": "tram_line",
         "stance": stance, "certainty": "stated", "start_char": 0, "end_char": 5, "quote": "Hello"}
        for stance in ("support", "oppose")
    ], columns=STANCE_COLUMNS)


def _decision(review_id: int, action: str, stance: str, **row) -> dict:
    return {"id": review_id, "article_id": "a", "action": action, "start_char": row.get("start", 0),
            "end_char": row.get("end", 5), "original_actor": row.get("actor", "Ann Lee"), "original_issue": "tram_line",
            "original_stance": stance, "original_values": json.dumps({"stance": stance}), "new_values": "{}"}


@pytest.mark.parametrize("order", [("reject", "confirm"), ("confirm", "reject")])
def test_reviews_of_rows_differing_only_by_stance_do_not_overwrite_each_other(order):
    machine = _two_stances_on_one_span()
    actions = dict(zip(("support", "oppose"), order))
    reviews = pd.DataFrame([_decision(i, actions[s], s) for i, s in enumerate(("support", "oppose"), start=1)])
    table = apply_reviews(machine, reviews)
    kept = "oppose" if actions["support"] == "reject" else "support"
    assert table[["stance", "review"]].values.tolist() == [[kept, "confirmed"]]
    assert stale_reviews(machine, reviews).empty


def test_a_review_whose_stance_changed_still_finds_its_only_row():
    """Re-extraction flipped the stance: with no exact key the span (and actor) rule still applies."""
    machine = _two_stances_on_one_span().iloc[1:]  # only the oppose row is left
    reviews = pd.DataFrame([_decision(1, "confirm", "support")])
    assert apply_reviews(machine, reviews)["review"].tolist() == ["confirmed"]
    # ...but a fallback never takes a row that a review names exactly.
    reviews = pd.DataFrame([_decision(1, "confirm", "oppose"), _decision(2, "reject", "support")])
    assert apply_reviews(machine, reviews)[["stance", "review"]].values.tolist() == [["oppose", "confirmed"]]
    assert list(stale_reviews(machine, reviews)["id"]) == [2]


def test_stale_articles_names_each_article_once_in_order():
    stale = pd.DataFrame({"id": [3, 4, 5, 6], "article_id": ["b", "a", "b", "c"]})
    assert stale_articles(stale) == ["b", "a", "c"]
    assert stale_articles(pd.DataFrame(columns=["id", "article_id"])) == []


def test_review_row_key_names_the_row_as_shown():
    row = {"article_id": "a", "start_char": 3, "end_char": 9, "actor": " Ann Lee ", "issue": "tram_line", "stance": "oppose"}
    assert review_row_key(row) == ("a", 3, 9, "Ann Lee", "tram_line", "oppose")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 5, "outside the article"),
        (0, len(TEXT) + 1, "outside the article"),
        (10, 10, "empty"),
        (12, 4, "empty"),
        (len("Mayor"), len("Mayor "), "only whitespace"),
        (1.5, 4, "whole character offset"),
        ("x", 4, "not a character offset"),
    ],
)
def test_bad_spans_are_refused_with_a_clear_message(start, end, message):
    with pytest.raises(ReviewError, match=message):
        added_statement(TEXT, "a", start, end, "Ann Lee", "person", "", "tram_line", "support", "stated")


def test_bad_values_and_unknown_articles_are_refused(corpus):
    with pytest.raises(ReviewError, match="not an issue of the codebook"):
        corpus.add_statement("town_hall", 0, 5, "Ada Lovelace", "person", "", "parking", "support", "stated")
    with pytest.raises(ReviewError, match="stance 'maybe'"):
        corpus.add_statement("town_hall", 0, 5, "Ada Lovelace", "person", "", "tram_line", "maybe", "stated")
    with pytest.raises(ReviewError, match="no article"):
        corpus.add_statement("nowhere", 0, 5, "Ada Lovelace", "person", "", "tram_line", "support", "stated")
    row = row_of(stances(corpus), "Tom Baker")
    with pytest.raises(ReviewError, match="needs the new values"):
        corpus.review("correct", row)
    with pytest.raises(ReviewError, match="not quote"):
        corpus.review("correct", row, {"quote": "something else"})
    with pytest.raises(ReviewError, match="unknown review action"):
        corpus.review("add", row)
    assert corpus.review_history().empty


def test_a_direct_quote_is_detected_and_the_sentence_counted():
    start = TEXT.index('"We will')
    row = added_statement(TEXT, "a", start, start + 30, "Ada Lovelace", "person", "", "tram_line", "support", "stated")
    assert (row["attribution"], row["sentence"], row["quote"]) == ("direct", 1, TEXT[start:start + 30])


def test_an_added_statement_is_numbered_like_the_sentence_picker():
    text = "Headline\n\nFirst. Second."
    spans = sentence_spans(text)
    assert [text[b:e] for b, e in spans] == ["Headline", "First.", "Second."]
    for number, (begin, end) in enumerate(spans, start=1):  # the page offers "#number" for spans[number - 1]
        row = added_statement(text, "a", begin, end, "Ann Lee", "person", "", "tram_line", "support", "stated")
        assert row["sentence"] == number, text[begin:end]
    # A span starting on the whitespace before a sentence is trimmed into it first.
    row = added_statement(text, "a", spans[2][0] - 1, spans[2][1], "Ann Lee", "person", "", "tram_line", "support", "stated")
    assert (row["quote"], row["sentence"]) == ("Second.", 3)


def test_deleting_an_article_keeps_its_reviews_for_the_audit_trail(corpus):
    corpus.review("reject", row_of(stances(corpus), "Tom Baker"))
    other = corpus.add([Article(text="Councillor Tom Baker opposes the tram line. He said so again.", title="Again")])
    corpus.review("confirm", row_of(stances(corpus)[stances(corpus)["article_id"] == "again"], "Tom Baker"))
    assert len(corpus.review_history()) == 2 and other.added == ["again"]
    assert corpus.store.delete_article("town_hall")
    assert list(corpus.review_history()["article_id"]) == ["town_hall", "again"], "never deleted"
    assert "town_hall" not in set(stances(corpus)["article_id"])
    assert corpus.store.restore_article("town_hall")
    assert "Tom Baker" not in set(stances(corpus)[stances(corpus)["article_id"] == "town_hall"]["actor"]), "the rejection applies again"


def test_a_review_bumps_the_store_revision(corpus):
    before = corpus.store.revision()
    corpus.review("confirm", row_of(stances(corpus), "Ada Lovelace"))
    assert corpus.store.revision() == before + 1
    corpus.add_statement("town_hall", 0, 5, "Ada Lovelace", "person", "", "tram_line", "support", "stated")
    assert corpus.store.revision() == before + 2


def test_gold_export_round_trips_through_read_gold_and_scores_the_machine(tmp_path, corpus):
    machine = stances(corpus)
    corpus.review("confirm", row_of(machine, "Ada Lovelace"))
    corpus.review("confirm", row_of(machine, "Tom Baker"))
    corpus.review("reject", row_of(machine, "Rosa Diaz"))
    start = TEXT.index("Grace Hopper")
    corpus.add_statement("town_hall", start, start + 12, "Grace Hopper", "person", "", "library_hours", "neutral", "stated")
    reviewed = stances(corpus)
    assert list(gold_table(reviewed).columns) == GOLD_COLUMNS and len(gold_table(reviewed)) == 3

    path = tmp_path / "gold.csv"
    path.write_bytes(gold_csv(reviewed))
    gold = read_gold(path)
    assert sorted(gold["actor"]) == ["Ada Lovelace", "Grace Hopper", "Tom Baker"]
    assert set(gold["article_id"]) == {"town_hall"}
    actor_level = evaluate_stances(machine, gold)[1]
    assert actor_level.true_positives == 2 and actor_level.precision < 1 and actor_level.recall < 1
    assert ("Rosa Diaz", "library_hours", "support") in actor_level.spurious
    assert evaluate_stances(reviewed, gold)[1].f1 == 1.0


def test_gold_of_an_unreviewed_table_is_empty(corpus):
    assert gold_table(stances(corpus)).empty
    assert gold_csv(stances(corpus)).decode().strip() == ",".join(GOLD_COLUMNS)


def test_reviewed_and_stale_equal_the_two_functions(corpus):
    from core.corpus.review import reviewed_and_stale

    table = stances(corpus)
    corpus.review("reject", row_of(table, "Tom Baker"))
    machine = corpus.load(reviewed=False).tables.stances
    reviews = corpus.review_history()
    both = reviewed_and_stale(machine, reviews)
    assert both[0].equals(apply_reviews(machine, reviews)) and both[1].equals(stale_reviews(machine, reviews))
    assert reviewed_and_stale(machine.iloc[0:0], reviews)[1]["action"].tolist() == ["reject"]


def test_audit_trail_in_words_and_the_rejections_that_still_hold(corpus):
    from core.corpus.review import audit_trail, standing_rejections

    table = stances(corpus)
    baker, ada = row_of(table, "Tom Baker"), row_of(table, "Ada Lovelace")
    corpus.review("reject", baker, reviewer="Kim")
    corpus.review("reject", ada, reviewer="Kim")
    corpus.review("confirm", ada, reviewer="Lee")  # Ada's rejection is superseded
    corpus.review("correct", row_of(stances(corpus), "Rosa Diaz"), {"certainty": "reported"})
    history = corpus.review_history()
    trail = audit_trail(history, {baker["issue"]: "The issue"})
    assert list(trail.columns) == ["time", "reviewer", "action", "statement", "change", "note"]
    assert list(trail["action"]) == ["reject", "reject", "confirm", "correct"]
    assert trail.iloc[0]["statement"] == f"Tom Baker · The issue: {baker['stance']}"
    assert trail.iloc[0]["change"] == "rejected: removed from every view" and trail.iloc[3]["reviewer"] == "—"
    assert trail.iloc[3]["change"].startswith("certainty: ") and trail.iloc[3]["change"].endswith("→ reported")
    standing = standing_rejections(history)
    assert [row["actor"] for row in standing] == ["Tom Baker"]
    assert (standing[0]["review"], standing[0]["review_id"], standing[0]["start_char"]) == ("", -1, baker["start_char"])
