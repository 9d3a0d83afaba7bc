"""The corpus store on both engines (SQLite and PostgreSQL): dedupe, ids, transactions, migrations,
concurrent writers, bad files and bad URLs."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from core.corpus.store import (
    REVIEW_COLUMNS,
    SCHEMA_VERSION,
    CorpusStore,
    StoreError,
    content_hash,
    is_database_url,
    migration_statements,
    slugify,
)
from core.corpus.store import postgres_url as postgres_url_of
from core.model import Article
from tests.conftest import ROOT, errors_in_threads

TEXT = "The mayor of Lyon said on Monday that the city supports the new tram line.\n"


@pytest.fixture
def store(corpus_location) -> CorpusStore:
    """A new, empty corpus on each engine (tests/conftest.py: SQLite file, PostgreSQL schema)."""
    if not isinstance(corpus_location, str):
        corpus_location = corpus_location.parent / "sub" / corpus_location.name  # the folder is created
    return CorpusStore(corpus_location)


def test_add_dedupes_identical_text_even_with_other_whitespace(store):
    first, created = store.add_article(Article(article_id="lyon", text=TEXT, title="Lyon tram"))
    assert (first, created) == ("lyon", True)
    again, created = store.add_article(Article(article_id="other", text="  The mayor of Lyon said on Monday\nthat the city supports the new tram line. "))
    assert (again, created) == ("lyon", False)
    assert store.count() == 1


def test_ids_are_slugs_made_unique(store):
    a, _ = store.add_article(Article(article_id="", title="Élection à Lyon: le tram!", text=TEXT))
    b, _ = store.add_article(Article(article_id="", title="Élection à Lyon: le tram!", text=TEXT + " More."))
    assert a == "election_a_lyon_le_tram" and b == "election_a_lyon_le_tram_2"
    assert slugify("") == "article"


def test_metadata_round_trip_update_and_delete(store):
    store.add_article(Article(article_id="lyon", text=TEXT, title="Lyon", outlet="Le Progrès", date="2024-05-02", url="https://example.org/a"))
    table = store.article_table()
    assert table.loc[0, "outlet"] == "Le Progrès" and table.loc[0, "words"] == 15
    assert table.loc[0, "statements"] == -1  # not extracted yet
    store.update_metadata("lyon", title="Tram line", date="2024-05-03")
    stored = store.get_article("lyon")
    assert (stored.title, stored.date, stored.text) == ("Tram line", "2024-05-03", TEXT)
    with pytest.raises(StoreError, match="no article"):
        store.update_metadata("nope", title="x")
    store.save_extraction(stored.content_hash, "p1", "c1", {"stances": [{"actor": "x"}], "quotes": []})
    assert store.article_table("p1", "c1").loc[0, "statements"] == 1
    assert store.delete_article("lyon", by="ana@example.org") and not store.delete_article("lyon")
    assert store.count() == 0 and store.article_table().empty and store.get_article("lyon") is None
    assert list(store.iter_articles()) == [] and store.load_extractions("p1", "c1") == []
    assert store.deleted_table()[["id", "deleted_by"]].values.tolist() == [["lyon", "ana@example.org"]]
    # a soft delete: text and cached rows are kept for an undo
    assert store._query("SELECT COUNT(*) FROM extractions")[0][0] == 1
    assert store.restore_article("lyon") and not store.restore_article("lyon")
    assert store.get_article("lyon").title == "Tram line" and store.article_table("p1", "c1").loc[0, "statements"] == 1
    assert store.deleted_table().empty


def test_adding_the_text_of_a_deleted_article_restores_it(store):
    store.add_article(Article(article_id="lyon", text=TEXT, title="Lyon"))
    store.delete_article("lyon")
    assert store.add_article(Article(article_id="other", text=TEXT)) == ("lyon", True)
    assert store.count() == 1 and store.get_article("lyon").title == "Lyon"


def test_extraction_cache_is_keyed_by_pipeline_and_codebook(store):
    store.add_article(Article(article_id="a", text=TEXT))
    digest = content_hash(TEXT)
    assert store.missing_extractions("p1", "c1") == ["a"]
    store.save_extraction(digest, "p1", "c1", {"stances": [], "quotes": []})
    assert store.missing_extractions("p1", "c1") == []
    assert store.missing_extractions("p1", "c2") == ["a"]  # codebook changed
    assert store.missing_extractions("p2", "c1") == ["a"]  # rules changed
    assert store.load_extractions("p1", "c1") == [("a", {"stances": [], "quotes": []})]


def test_revision_grows_with_each_change_only(store):
    before = store.revision()
    store.add_article(Article(article_id="a", text=TEXT))
    assert store.revision() == before + 1
    store.article_table()
    store.get_article("a")
    store.add_article(Article(article_id="b", text=TEXT))  # a duplicate changes nothing
    assert not store.delete_article("nope")
    assert store.revision() == before + 1


def test_a_failing_transaction_stores_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx.execute(
                "INSERT INTO articles (id, content_hash, text, words, added_at) VALUES ('x', 'h', 't', 1, 'now')"
            )
            raise RuntimeError("crash mid-write")
    assert store.count() == 0


def test_migrates_an_old_file_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for statement in migration_statements(0, "sqlite"):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO articles (id, content_hash, text, words, added_at) VALUES ('kept', ?, ?, 15, '2024-01-01')",
        (content_hash(TEXT), TEXT),
    )
    conn.commit()
    conn.close()
    store = CorpusStore(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.get_article("kept").text == TEXT
    assert store.revision() == 0
    store.add_article(Article(article_id="new", text=TEXT + " Again."))
    assert store.revision() == 1


def test_a_file_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        CorpusStore(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a usable corpus database"):
        CorpusStore(path)


def test_concurrent_writers_store_every_article_exactly_once(corpus_location):
    path = corpus_location
    CorpusStore(path)
    texts = [f"Article number {i}: the council said it backs the plan. " * 3 for i in range(12)]

    def writer(offset: int) -> None:
        own = CorpusStore(path)  # each thread its own store, as separate sessions or processes
        for i in range(len(texts)):
            text = texts[(i + offset) % len(texts)]
            own.add_article(Article(article_id=f"t{offset}", text=text))

    assert not errors_in_threads(writer, range(4))
    store = CorpusStore(path)
    assert store.count() == len(texts)
    assert sorted(a.text for a in store.iter_articles()) == sorted(texts)


def test_migrates_a_v2_file_with_data_to_the_reviews_schema(tmp_path):
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path)
    for step in range(2):
        for statement in migration_statements(step, "sqlite"):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO articles (id, content_hash, text, words, added_at) VALUES ('kept', ?, ?, 15, '2024-01-01')",
        (content_hash(TEXT), TEXT),
    )
    conn.execute(
        "INSERT INTO extractions VALUES (?, 'p1', 'c1', 1, '{\"stances\": [{\"actor\": \"x\"}]}', '2024-01-01')",
        (content_hash(TEXT),),
    )
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'revision'")
    conn.commit()
    conn.close()
    store = CorpusStore(path)
    assert store.schema_version() == SCHEMA_VERSION == 4  # v2 -> reviews (3) -> soft delete (4)
    assert store.deleted_table().empty
    assert store.get_article("kept").text == TEXT and store.revision() == 7
    assert store.load_extractions("p1", "c1") == [("kept", {"stances": [{"actor": "x"}]})]
    assert store.reviews().empty and list(store.reviews().columns) == REVIEW_COLUMNS
    review_id = store.add_review("kept", "reject", start_char=0, end_char=9, original_actor="The mayor", original_issue="tram",
                                 original_stance="support", original_values={"actor": "The mayor"}, reviewer="Kim")
    assert store.revision() == 8
    row = store.reviews("kept").iloc[0]
    assert (row["id"], row["action"], row["reviewer"], row["content_hash"]) == (review_id, "reject", "Kim", content_hash(TEXT))


def test_add_review_refuses_an_unknown_article_or_action(store):
    store.add_article(Article(article_id="a", text=TEXT))
    before = store.revision()
    with pytest.raises(StoreError, match="no article"):
        store.add_review("nope", "confirm")
    with pytest.raises(ValueError, match="unknown review action"):
        store.add_review("a", "approve")
    assert store.reviews().empty and store.revision() == before
    first = store.add_review("a", "confirm", new_values={"stance": "support"})
    second = store.add_review("a", "add", new_values={"actor": "Ann"})
    assert second > first and list(store.reviews("a")["action"]) == ["confirm", "add"]
    assert store.reviews("b").empty


# --- PostgreSQL: URLs, migrations, a killed writer ----------------------------------------------


@pytest.mark.parametrize("spelling", ["postgres://ann:pw@db.example.org/news", "postgresql://ann:pw@db.example.org/news",
                                      "postgresql+psycopg2://ann:pw@db.example.org:6543/news"])
def test_the_usual_postgresql_url_spellings_are_read_with_psycopg(spelling):
    url = postgres_url_of(spelling)
    assert url.drivername == "postgresql+psycopg" and url.database == "news" and url.password == "pw"
    assert is_database_url(spelling) and not is_database_url("data/corpus.sqlite3") and not is_database_url(Path("x"))


@pytest.mark.parametrize("location, message", [
    ("mysql://ann@db.example.org/news", "'mysql://' databases are not supported"),
    ("postgresql://ann:pw@db.example.org:notaport/news", "is not a database URL"),
])
def test_other_databases_and_broken_urls_are_refused_in_one_line(location, message):
    with pytest.raises(StoreError, match=re.escape(message)) as refused:
        CorpusStore(location)
    assert ":pw@" not in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize("location", [
    "postgresql://ann:se/cret-pw@db.example.org:x/news",  # unparsable, a / in the password
    "postgresql://ann:p@secret-pw@127.0.0.1:1/news",  # an unencoded @ in the password
    "postgresql://ann@127.0.0.1:1/news?password=secret-pw",  # the password as a parameter
])
def test_no_message_shows_a_password_however_the_url_is_written(location):
    with pytest.raises(StoreError) as refused:
        CorpusStore(location)
    assert "secret-pw" not in str(refused.value) and "cret-pw" not in str(refused.value)


def test_an_unreachable_server_is_one_line_without_the_password():
    with pytest.raises(StoreError, match="cannot use the corpus database postgresql") as refused:
        CorpusStore("postgresql://ann:secret-pw@127.0.0.1:1/news")
    assert "secret-pw" not in str(refused.value) and "***" in str(refused.value)


def test_a_sqlite_url_is_the_file_it_names(tmp_path):
    store = CorpusStore(f"sqlite:///{tmp_path / 'via-url.sqlite3'}")
    assert store.engine_name == "sqlite" and store.path == tmp_path / "via-url.sqlite3" and store.path.exists()


def _postgres_schema_at(url: str, version: int) -> None:
    """The tables of schema ``version`` in the database at ``url``, as an older program left them."""
    store_engine = create_engine(url)
    with store_engine.begin() as conn:
        for step in range(version):
            for statement in migration_statements(step, "postgresql"):
                conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"CREATE TABLE stance_schema (version INTEGER NOT NULL); INSERT INTO stance_schema VALUES ({version})")
        conn.execute(text("INSERT INTO articles (id, content_hash, text, words, added_at) VALUES ('kept', :h, :t, 15, '2024-01-01')"),
                     {"h": content_hash(TEXT), "t": TEXT})
        conn.exec_driver_sql("UPDATE meta SET value = '7' WHERE key = 'revision'")
    store_engine.dispose()


def test_postgresql_migrates_a_v2_database_and_keeps_its_data(postgres_url):
    _postgres_schema_at(postgres_url_of(postgres_url), 2)
    store = CorpusStore(postgres_url)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.get_article("kept").text == TEXT and store.revision() == 7 and store.deleted_table().empty
    assert store.add_review("kept", "confirm", reviewer="Kim") == 1 and store.revision() == 8


def test_postgresql_refuses_a_newer_schema_and_foreign_tables(postgres_url):
    engine = create_engine(postgres_url_of(postgres_url))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE TABLE stance_schema (version INTEGER); INSERT INTO stance_schema VALUES ({SCHEMA_VERSION + 1})")
    with pytest.raises(StoreError, match="newer version"):
        CorpusStore(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE stance_schema; CREATE TABLE articles (name TEXT)")
    with pytest.raises(StoreError, match="not a Stance Tracker corpus"):
        CorpusStore(postgres_url)
    engine.dispose()


# A writer killed (SIGKILL) in the middle of its transaction: one article inserted, not committed.
KILLED_WRITER = """
import os, sys
from core.corpus.store import CorpusStore
from core.model import Article
store = CorpusStore(sys.argv[1])
with store.transaction() as tx:
    tx.execute("INSERT INTO articles (id, content_hash, text, words, added_at) VALUES ('half', 'h', 'half an import', 3, 'now')")
    print("inserted", flush=True)
    sys.stdin.readline()  # killed while waiting here
"""


def test_a_writer_killed_mid_transaction_leaves_nothing_and_no_lock(corpus_location):
    store = CorpusStore(corpus_location)
    store.add_article(Article(article_id="kept", text=TEXT))
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(corpus_location)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "inserted"
        assert [a.article_id for a in store.iter_articles()] == ["kept"]  # readers go on meanwhile
        writer.kill()
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
    after = CorpusStore(corpus_location, timeout=10)
    assert [a.article_id for a in after.iter_articles()] == ["kept"]
    assert after.add_article(Article(article_id="next", text=TEXT + " More.")) == ("next", True)  # the lock is free


def test_a_connection_the_server_closed_while_idle_is_replaced(postgres_url, monkeypatch):
    """A hosted database that scaled to zero (or a pooler's idle timeout) closes the pooled
    connections; the next read after a pause must still answer, not fail once."""
    import core.corpus.store as store_module

    store = CorpusStore(postgres_url)
    store.add_article(Article(article_id="kept", text=TEXT))
    backends = {int(row[0]) for row in store._query("SELECT pg_backend_pid()")}
    killer = create_engine(postgres_url_of(postgres_url), poolclass=NullPool)
    with killer.connect() as conn:  # the server ends the store's idle connections
        conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                             "'stance-tracker' AND pid <> pg_backend_pid()")
    killer.dispose()
    monkeypatch.setattr(store_module, "IDLE_CHECK_S", 0.0)  # as if the app had slept
    assert store.count() == 1 and store.get_article("kept").text == TEXT
    assert {int(row[0]) for row in store._query("SELECT pg_backend_pid()")}.isdisjoint(backends)


def test_stores_opening_a_new_postgresql_database_together_migrate_it_once(postgres_server):
    """Six sessions open the same new database at once, fifteen times over: each sees either no
    schema or a whole one, never a half-committed migration taken for another program's tables
    (before the fix about half the rounds failed with "not a Stance Tracker corpus")."""
    import psycopg

    from core.corpus.store import close_connections
    from tests.conftest import _drop_schema, libpq_url, with_search_path

    errors: list[BaseException] = []
    for round_number in range(15):
        schema = f"t_together_{round_number}_{threading.get_ident() % 10_000}"
        with psycopg.connect(libpq_url(postgres_server), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        url = with_search_path(postgres_server, schema)

        def session(n: int, url: str = url) -> None:
            CorpusStore(url).add_article(Article(article_id=f"a{n % 2}", text=f"Text number {n % 2}."))

        errors += errors_in_threads(session, range(6))
        assert CorpusStore(url).schema_version() == SCHEMA_VERSION and CorpusStore(url).count() == 2
        close_connections()
        with psycopg.connect(libpq_url(postgres_server), autocommit=True) as conn:
            _drop_schema(conn, schema)
    assert not errors, errors[:3]
