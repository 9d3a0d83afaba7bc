"""The corpus service, on both storage engines: import, seed once, extract each article once,
re-extract on a codebook change, survive a crash mid-import, load tables with article metadata and
merged actors."""

from __future__ import annotations

import pandas as pd
import pytest

from core.corpus.corpus import (
    STORED_CODEBOOK_KEY,
    Corpus,
    DraftError,
    changed_metadata,
    clean_date,
    corpus_codebook,
    drafts_table,
    new_article_from_document,
    new_articles_from_drafts,
    store_codebook,
)
from core.corpus.store import CorpusStore
from core.extraction.pipeline import ArticleResult, tables_from_results
from core.ingest.sources import extract_text
from core.knowledge.codebook import Codebook, codebook_from_dict
from core.model import Article, newest_first

CODEBOOK = codebook_from_dict(
    {"issues": [{"id": "tram_line", "label": "Tram line", "patterns": ["tram"]}]}, "test codebook"
)
CODEBOOK.digest = "one"
OTHER_CODEBOOK = codebook_from_dict(
    {"issues": [{"id": "bike_lanes", "label": "Bike lanes", "patterns": ["bike"]}]}, "other codebook"
)
OTHER_CODEBOOK.digest = "two"


class FakeAnalysis:
    """Stands in for spaCy: one stance row per article, naming the first word as the actor.
    Counts which articles it was asked to analyse."""

    def __init__(self, fail_on: str = "", error: type[BaseException] = RuntimeError):
        self.seen: list[str] = []
        self.fail_on = fail_on
        self.error = error

    def __call__(self, articles, nlp=None, codebook=None, knowledge=None):
        results = []
        for article in articles:
            if self.fail_on and self.fail_on in article.text:
                raise self.error("the analysis broke here")
            self.seen.append(article.article_id)
            first = article.text.split()[0]
            row = {
                "article_id": article.article_id, "sentence": 1, "actor": first, "actor_type": "person",
                "country": "France", "issue": codebook.ids[0], "stance": "support", "certainty": "stated",
                "attribution": "direct", "source": "", "quote": article.text[:10], "start_char": 0,
                "end_char": 10, "confidence": 0.9,
            }
            mention = {"article_id": article.article_id, "actor": first, "actor_type": "person", "country": "France",
                       "text": first, "start_char": 0, "end_char": len(first), "role": ""}
            results.append(ArticleResult([row], [], [mention]))
        return tables_from_results(results)


@pytest.fixture
def db(corpus_location):
    """Each test below runs on both engines: a SQLite file, then a PostgreSQL schema (conftest)."""
    return corpus_location


def corpus(db, analysis=None, codebook=CODEBOOK) -> Corpus:
    return Corpus(
        CorpusStore(db), codebook, nlp_loader=lambda: "nlp", analyze=analysis or FakeAnalysis(), key="test"
    )


def article(text: str, **meta) -> Article:
    return Article(text=text, **meta)


def test_each_article_is_analysed_once_and_loaded_with_its_metadata(db):
    fake = FakeAnalysis()
    c = corpus(db, fake)
    report = c.add([
        article("Anne Hidalgo backs the tram in Paris today.", title="Paris", outlet="Le Monde", date="2024-03-01"),
        article("Grégory Doucet backs the tram in Lyon now.", title="Lyon", outlet="Le Progrès", date="2024-04-01"),
    ])
    assert report.added == ["paris", "lyon"] and report.extracted == 2
    assert fake.seen == ["paris", "lyon"]
    loaded = c.load()
    stances = loaded.tables.stances
    assert list(stances[["article_id", "outlet", "date"]].itertuples(index=False, name=None)) == [
        ("paris", "Le Monde", "2024-03-01"), ("lyon", "Le Progrès", "2024-04-01"),
    ]
    assert list(loaded.articles["statements"]) == [1, 1]
    # Adding one more analyses only that one; the same text again is a duplicate.
    report = c.add([article("Grégory Doucet backs the tram in Lyon now.", origin="copy.txt"),
                    article("Martine Aubry doubts the tram in Lille.", title="Lille")])
    assert report.added == ["lille"] and report.duplicates == [("copy.txt", "lyon")]
    assert fake.seen == ["paris", "lyon", "lille"]
    # A second corpus object over the same file (a restart) parses nothing.
    again = FakeAnalysis()
    assert corpus(db, again).extract_pending() == 0 and again.seen == []


def test_codebook_change_re_extracts_only_what_it_must(db):
    corpus(db).add([article("Anne Hidalgo backs the tram.", title="a"), article("Bruno backs bikes.", title="b")])
    fake = FakeAnalysis()
    changed = corpus(db, fake, OTHER_CODEBOOK)
    assert changed.load().pending == 2  # made with the old codebook: not shown as current
    assert changed.extract_pending() == 2 and sorted(fake.seen) == ["a", "b"]
    assert set(changed.load().tables.stances["issue"]) == {"bike_lanes"}
    # Switching back finds the old results still cached.
    back = FakeAnalysis()
    assert corpus(db, back).extract_pending() == 0 and back.seen == []


def test_bad_articles_are_refused_and_nothing_partial_is_stored(db):
    c = corpus(db)
    report = c.add([article("   \n "), article("binary\x00junk here"), article("Anne Hidalgo backs the tram.", title="ok")])
    assert report.added == ["ok"]
    assert len(report.errors) == 2 and "empty" in report.errors[0] and "binary" in report.errors[1]
    assert c.store.count() == 1


def test_a_crash_mid_import_keeps_what_was_stored_and_resumes(db, monkeypatch):
    monkeypatch.setattr("core.corpus.corpus.CHUNK_SIZE", 1)
    crashing = FakeAnalysis(fail_on="CRASH", error=KeyboardInterrupt)  # the process is stopped
    c = corpus(db, crashing)
    with pytest.raises(KeyboardInterrupt):
        c.add([article("Anne backs the tram.", title="one"), article("CRASH backs the tram.", title="two"),
               article("Carl backs the tram.", title="three")])
    assert c.store.count() == 3  # every article was committed before analysis began
    assert c.pending() == ["two", "three"]  # "one" was analysed and saved before the crash
    fixed = FakeAnalysis()
    assert corpus(db, fixed).extract_pending() == 2 and fixed.seen == ["two", "three"]


def test_seed_once_imports_the_folder_only_on_first_start(db, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "council_vote.txt").write_text("Mayor Ada Lovelace said the council supports the tram.", encoding="utf-8")
    (seeds / "council_vote.meta.yaml").write_text("title: Council vote\ndate: 2023-10-02\nsource: City Paper\n", encoding="utf-8")
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    c = corpus(db)
    report = c.seed_once(seeds)
    assert report.added == ["council_vote"] and any("empty" in e for e in report.errors)
    row = c.articles().iloc[0]
    assert (row["title"], row["outlet"], row["date"]) == ("Council vote", "City Paper", "2023-10-02")
    c.store.delete_article("council_vote")
    assert c.seed_once(seeds) is None and c.store.count() == 0  # a deleted seed does not come back


def test_actors_are_merged_across_articles_on_load(db):
    c = corpus(db)
    c.add([article("Sergei Lavrov backs the tram.", title="a"), article("Sergey Lavrov doubts the tram.", title="b")])
    # The fake names the first word only; give both articles full names through the store rows.
    for article_id, name in (("a", "Sergei Lavrov"), ("b", "Sergey Lavrov")):
        stored = c.store.get_article(article_id)
        rows = dict(c.store.load_extractions("test", "one"))[article_id]
        for table in ("stances", "mentions"):
            for row in rows[table]:
                row["actor"] = name
        c.store.save_extraction(stored.content_hash, "test", "one", rows)
    stances = c.load().tables.stances
    assert stances["actor"].nunique() == 1


def test_documents_become_articles_with_the_users_edits():
    doc = Article(text="Some text here.", title="Detected", outlet="Site", date="2024-01-02", origin="notes.docx")
    item = new_article_from_document(doc, title="Edited title", date="2024-02-03")
    assert (item.title, item.outlet, item.date, item.article_id, item.origin) == ("Edited title", "Site", "2024-02-03", "notes", "notes.docx")
    url_doc = Article(text="Text.", url="https://example.org/x", origin="https://example.org/x")
    assert new_article_from_document(url_doc).article_id == ""
    table = drafts_table([doc, url_doc])
    assert list(table["add"]) == [True, True] and list(table["words"]) == [3, 1]
    edited = table.assign(add=[False, True], title=["", "Fetched page"])
    kept = new_articles_from_drafts([doc, url_doc], edited)
    assert [k.title for k in kept] == ["Fetched page"]


def test_an_emptied_title_goes_back_to_the_proposed_one_and_the_id_follows_it(db):
    """Issue 14, item 3: "Add" accepted an empty title and the article showed as "article"."""
    doc = extract_text("Oslo backs a lower cod quota, the minister said. Reykjavik does not.")
    assert doc.title == "Oslo backs a lower cod quota, the minister said"
    edited = drafts_table([doc, doc]).assign(title=["", None])
    kept = new_articles_from_drafts([doc, doc], edited)
    assert [k.title for k in kept] == [doc.title, doc.title]
    bare = Article(text="The harbour levy was dropped on Monday. Fishers cheered.", origin="pasted text")
    assert new_article_from_document(bare, title="  ").title == "The harbour levy was dropped on Monday"
    c = corpus(db)
    report = c.store_articles([kept[0]])
    assert report.added == ["oslo_backs_a_lower_cod_quota_the_minister_said"]
    assert c.store.get_article(report.added[0]).title == doc.title


@pytest.mark.parametrize("value", ["31/12/2024", "2024-13-01", "yesterday"])
def test_bad_dates_are_refused_with_a_clear_message(value):
    with pytest.raises(DraftError, match="not a date"):
        clean_date(value, "notes.docx")
    assert clean_date(" 2024-12-31 ") == "2024-12-31" and clean_date("") == "" and clean_date(float("nan")) == ""


def test_articles_table_columns(db):
    c = corpus(db)
    assert list(c.articles().columns) == [
        "article_id", "title", "outlet", "date", "words", "statements", "url", "origin", "added_at",
    ]
    assert isinstance(c.load().tables.stances, pd.DataFrame) and c.load().tables.stances.empty


def test_an_article_the_analysis_cannot_handle_is_reported_not_retried(db):
    c = corpus(db, FakeAnalysis(fail_on="POISON"))
    report = c.add([article("Anne backs the tram.", title="one"), article("POISON backs the tram.", title="two"),
                    article("Carl backs the tram.", title="three")])
    assert report.added == ["one", "two", "three"] and report.extracted == 3
    assert c.pending() == []  # the failed one is not retried on every start
    loaded = c.load()
    assert sorted(loaded.tables.stances["article_id"]) == ["one", "three"]
    assert any("two: the analysis failed (RuntimeError: the analysis broke here)" in w for w in loaded.tables.warnings)


def test_a_seed_date_that_is_not_iso_becomes_a_note(db, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "vote.txt").write_text("Mayor Ada Lovelace said the council supports the tram.", encoding="utf-8")
    (seeds / "vote.meta.yaml").write_text("date: 2025-3-5\n", encoding="utf-8")
    c = corpus(db)
    c.seed_once(seeds)
    row = c.store.get_article("vote")
    assert (row.date, row.date_note) == ("", "2025-3-5")


def test_concurrent_imports_store_every_article_exactly_once(db):
    from tests.conftest import errors_in_threads

    texts = [f"Minister {i} said the council backs the tram line number {i}." for i in range(8)]

    def session(offset: int) -> None:
        # Each "user" imports all eight articles in its own order through its own Corpus object.
        own = Corpus(CorpusStore(db), CODEBOOK, nlp_loader=lambda: "nlp",
                     analyze=FakeAnalysis(), key="test")
        order = texts[offset:] + texts[:offset]
        own.add([article(t, title=f"Tram {t.split()[1]}") for t in order])

    assert not errors_in_threads(session, [n * 2 for n in range(4)])
    c = corpus(db)
    stored = c.articles()
    assert len(stored) == len(texts)
    assert sorted(a.text for a in c.store.iter_articles()) == sorted(texts)
    assert c.pending() == [] and (stored["statements"] == 1).all()


class MatchingAnalysis(FakeAnalysis):
    """A stand-in that, like the real rules, finds a stance only where an issue pattern matches."""

    def __call__(self, articles, nlp=None, codebook=None, knowledge=None):
        results = []
        for article in articles:
            self.seen.append(article.article_id)
            rows = [
                {"article_id": article.article_id, "sentence": 1, "actor": article.text.split()[0], "actor_type": "person",
                 "country": "France", "issue": match.issue, "stance": "support", "certainty": "stated",
                 "attribution": "narrative", "source": "", "quote": article.text[match.start_char:match.end_char],
                 "start_char": match.start_char, "end_char": match.end_char, "confidence": 0.7}
                for match in codebook.find(article.text)
            ]
            results.append(ArticleResult(rows, [], []))
        return tables_from_results(results)


def transport_codebook(*issues: tuple[str, str, str]) -> Codebook:
    book = codebook_from_dict({"issues": [{"id": i, "label": label, "patterns": [pattern]} for i, label, pattern in issues]})
    return book


def test_a_codebook_edit_re_analyses_only_the_articles_it_can_change(db):
    tram = ("tram_line", "Tram line", r"\btram\b")
    bikes = ("bike_lanes", "Bike lanes", r"\bbike lanes?\b")
    ferry = ("ferry", "Ferry service", r"\bferry\b")
    first = corpus(db, MatchingAnalysis(), transport_codebook(tram, bikes))
    first.add([article("Anne Hidalgo backs the tram.", title="a"), article("Bruno backs bike lanes.", title="b"),
               article("Chloé backs the ferry.", title="c")])
    before = first.load().tables.stances.set_index("article_id")

    # A new issue: only the article that mentions it is analysed again.
    fake = MatchingAnalysis()
    added = corpus(db, fake, transport_codebook(tram, bikes, ferry))
    assert added.extract_pending() == 1 and fake.seen == ["c"]
    stances = added.load().tables.stances
    assert sorted(zip(stances["article_id"], stances["issue"])) == [("a", "tram_line"), ("b", "bike_lanes"), ("c", "ferry")]
    assert stances.set_index("article_id").loc["a", "quote"] == before.loc["a", "quote"]  # copied, unchanged

    # A label edit changes no match: nothing is analysed. A changed pattern: only its articles.
    relabelled = MatchingAnalysis()
    renamed = corpus(db, relabelled, transport_codebook(("tram_line", "Tramway", r"\btram\b"), bikes, ferry))
    assert renamed.extract_pending() == 0 and relabelled.seen == []
    assert len(renamed.load().tables.stances) == 3
    narrowed = MatchingAnalysis()
    narrow = corpus(db, narrowed, transport_codebook(tram, ("bike_lanes", "Bike lanes", r"\bcycle paths?\b"), ferry))
    narrow.extract_pending()
    assert narrowed.seen == ["b"]  # its old pattern matched there; the bike row is gone
    assert sorted(narrow.load().tables.stances["article_id"]) == ["a", "c"]


def test_a_failed_analysis_is_never_reused_after_a_codebook_edit(db):
    tram = ("tram_line", "Tram line", r"\btram\b")
    broken = corpus(db, FakeAnalysis(fail_on="BROKEN"), transport_codebook(tram))
    broken.add([article("Anne backs the tram. BROKEN", title="a"), article("Bruno backs the tram.", title="b")])
    assert "error" in broken.store.other_extractions(broken.store.get_article("a").content_hash, broken.pipeline_key, "x")[0][1]
    fake = MatchingAnalysis()
    edited = corpus(db, fake, transport_codebook(tram, ("ferry", "Ferry", r"\bferry\b")))
    assert edited.extract_pending() == 1 and fake.seen == ["a"]  # "b" is carried over, "a" is analysed again


def test_an_anchored_pattern_always_re_analyses_the_articles(db):
    # "^ferry" matches the second sentence on its own, but not the whole text: never carried over.
    tram = ("tram_line", "Tram line", r"\btram\b")
    corpus(db, MatchingAnalysis(), transport_codebook(tram)).add(
        [article("Anne backs the tram. Ferry crossings are fine.", title="a")])
    fake = MatchingAnalysis()
    edited = corpus(db, fake, transport_codebook(tram, ("ferry", "Ferry", r"^ferry")))
    assert edited.extract_pending() == 1 and fake.seen == ["a"]


def test_the_codebook_saved_in_the_corpus_wins_over_the_file(db):
    store = CorpusStore(db)
    from_file = []

    def load_file() -> Codebook:
        from_file.append(1)
        return OTHER_CODEBOOK

    assert corpus_codebook(store, load_file) == (OTHER_CODEBOOK, "")  # nothing saved: the file
    store_codebook(store, CODEBOOK)
    codebook, problem = corpus_codebook(store, load_file)
    assert codebook.ids == ["tram_line"] and problem == "" and len(from_file) == 1


def test_a_broken_saved_codebook_falls_back_to_the_file_and_says_why(db):
    store = CorpusStore(db)
    store.set_meta(STORED_CODEBOOK_KEY, "issues: [unclosed")
    codebook, problem = corpus_codebook(store, lambda: OTHER_CODEBOOK, source="the saved test codebook")
    assert codebook is OTHER_CODEBOOK
    assert problem.startswith("the saved test codebook") and "codebook file is used instead" in problem


def test_stored_articles_are_listed_newest_first_undated_last():
    table = pd.DataFrame({"article_id": ["b", "a", "c", "d"], "date": ["2024-03-01", "2024-03-01", "", "2025-01-09"]})
    assert newest_first(table)["article_id"].tolist() == ["d", "a", "b", "c"]


def test_only_edited_metadata_is_saved():
    shown = pd.DataFrame({"article_id": ["dune", "moor"], "title": ["Dune walk", "Moor fire"],
                          "outlet": ["Coast Post", ""], "date": ["2024-05-02", ""], "words": [300, 120]})
    edited = shown.assign(outlet=["Coast Post", "Heath Herald"])
    assert changed_metadata(shown, edited) == [{"article_id": "moor", "title": "Moor fire", "outlet": "Heath Herald", "date": ""}]
    assert changed_metadata(shown, shown.copy()) == []
