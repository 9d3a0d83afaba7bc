"""Backups (issue 15, item 3): the whole corpus as one file and back, merged or replacing, from the
command line and the Articles page; a damaged, foreign or newer file changes nothing."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

import dashboard
from core.cli import main
from core.corpus import backup as backup_module
from core.corpus.backup import (
    BackupError,
    backup_bytes,
    read_backup,
    read_backup_file,
    restore_backup,
    write_backup_file,
)
from core.corpus.corpus import store_codebook
from core.corpus.store import (
    BACKUP_ARTICLE_COLUMNS,
    BACKUP_EXTRACTION_COLUMNS,
    REVIEW_COLUMNS,
    CorpusStore,
    StoreError,
    content_hash,
)
from core.knowledge.codebook import load_codebook
from core.model import Article
from tests.apptest import assert_clean, emptied_caches, fresh_corpus, open_app_page, texts  # noqa: F401
from tests.sample_tables import fake_analyze

TEXTS = {
    "talks": "Officials said Russia is keeping up the fighting near the border.",
    "plan": "Steve Witkoff said Vladimir Putin accepts the philosophy of the peace plan.",
    "gone": "A short note that an editor deleted later.",
}


def tables(where: Path | str | CorpusStore) -> dict[str, list[tuple]]:
    """Every row of the four tables a backup holds, in storage order (meta without the revision), read
    the same way from either engine (a SQLite path, a PostgreSQL URL, or a store)."""
    store = where if isinstance(where, CorpusStore) else CorpusStore(where)
    queries = {
        "articles": f"SELECT {', '.join(BACKUP_ARTICLE_COLUMNS)} FROM articles ORDER BY rowid",
        "extractions": f"SELECT {', '.join(BACKUP_EXTRACTION_COLUMNS)} FROM extractions"
                       " ORDER BY content_hash, pipeline_key, codebook_hash",
        "reviews": f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews ORDER BY id",
        "meta": "SELECT key, value FROM meta WHERE key != 'revision' ORDER BY key",
    }
    return {table: [tuple(row) for row in store._query(sql)] for table, sql in queries.items()}


def make_corpus(path: Path) -> CorpusStore:
    """Three articles (one deleted), cached analyses, four reviews of every kind and a saved codebook."""
    store = CorpusStore(path)
    for article_id, text in TEXTS.items():
        store.add_article(Article(article_id=article_id, text=text, title=article_id.title(), outlet="Wire",
                                  date="2025-03-10", url=f"https://example.org/{article_id}", origin="test"))
        store.save_extraction(content_hash(text), "pk1", "cb1",
                              {"stances": [{"actor": "Russia", "issue": "peace_talks", "start_char": 0, "end_char": 9}]})
    store.save_extraction(content_hash(TEXTS["talks"]), "pk0", "cb1", {"stances": []})
    store.add_review("talks", "confirm", start_char=0, end_char=9, original_actor="Russia", original_issue="peace_talks",
                     original_stance="oppose", reviewer="ana@example.org")
    store.add_review("talks", "correct", start_char=0, end_char=9, original_actor="Russia", original_issue="peace_talks",
                     original_stance="oppose", new_values={"stance": "support"}, reviewer="bo@example.org", note="reread")
    store.add_review("plan", "add", new_values={"actor": "Putin", "issue": "peace_talks", "stance": "support"},
                     reviewer="ana@example.org")
    store.add_review("gone", "reject", start_char=2, end_char=7, original_actor="X", original_issue="y",
                     original_stance="neutral", reviewer="ana@example.org")
    store.delete_article("gone", by="ana@example.org")
    store.set_meta("seeded", "seeds")
    store.add_to_counter("articles_analysed", 3)
    store_codebook(store, load_codebook())
    return store


@pytest.fixture
def target_db(corpus_location):
    """The corpus a backup is restored into: a SQLite file, then a PostgreSQL schema (conftest)."""
    return corpus_location


@pytest.fixture
def source(tmp_path) -> CorpusStore:
    return make_corpus(tmp_path / "source.sqlite3")


# --- round trip and merge ---------------------------------------------------------------------------


def test_round_trip_gives_identical_tables(source, tmp_path, target_db):
    counts = write_backup_file(source, tmp_path / "corpus.stance-backup.jsonl.gz")
    assert counts == {"articles": 3, "extractions": 4, "reviews": 4, "meta": 3}
    target = CorpusStore(target_db)
    report = restore_backup(target, read_backup_file(tmp_path / "corpus.stance-backup.jsonl.gz"))
    assert report.counts["articles"] == 3 and report.counts["reviews"] == 4
    assert tables(target) == tables(source.path)  # articles (deleted marker too), extractions, reviews, codebook
    assert target.deleted_table()["id"].tolist() == ["gone"]
    assert "codebook_yaml" in dict(tables(target)["meta"])
    # and into a corpus that already has other rows, with --replace: the same tables again
    other = make_other(tmp_path / "other.sqlite3")
    restore_backup(other, read_backup(backup_bytes(source)), replace=True)
    assert tables(other.path) == tables(source.path)


def test_sqlite_to_postgresql_and_back_gives_identical_tables(source, tmp_path, postgres_url):
    """Issue 15: a backup made from SQLite restores into PostgreSQL and back with every table equal,
    review ids and the deleted marker included; the PostgreSQL copy then goes on numbering reviews."""
    server = CorpusStore(postgres_url)
    restore_backup(server, read_backup(backup_bytes(source)), replace=True)
    assert tables(server) == tables(source)
    assert list(server.backup_records()) == list(source.backup_records())
    back = CorpusStore(tmp_path / "back.sqlite3")
    restore_backup(back, read_backup(backup_bytes(server)))
    assert tables(back) == tables(source)
    assert back.deleted_table()["id"].tolist() == ["gone"]
    # replace kept the backup's review ids; the next review continues after the largest
    largest = int(source.reviews()["id"].max())
    assert server.add_review("talks", "confirm", reviewer="cy@example.org") == largest + 1


def make_other(path: Path) -> CorpusStore:
    store = CorpusStore(path)
    store.add_article(Article(article_id="talks", text="A different text under a taken id.", title="Other"))
    store.add_article(Article(article_id="mine", text=TEXTS["talks"] + "  \n", title="My copy of talks"))
    store.add_review("mine", "confirm", start_char=0, end_char=9, original_actor="Russia", original_issue="peace_talks",
                     original_stance="oppose", reviewer="local user")
    return store


def test_merge_never_duplicates_text_or_reviews_and_keeps_the_corpus(source, tmp_path, target_db):
    target = make_other(target_db)
    data = backup_bytes(source)
    report = restore_backup(target, read_backup(data))
    articles = target.article_table().set_index("id")
    # "talks" of the backup is the text stored as "mine" (whitespace aside): not stored again, and the
    # id "talks" is taken by another text, so nothing is renamed either
    assert report.counts["articles"] == 2 and report.counts["articles_present"] == 1
    assert sorted(articles.index) == ["mine", "plan", "talks"] and articles.loc["mine", "title"] == "My copy of talks"
    assert articles.loc["talks", "title"] == "Other"
    assert target.deleted_table()["id"].tolist() == ["gone"]
    reviews = target.reviews()
    # the backup's reviews of "talks" now belong to the stored copy, "mine"
    assert reviews.groupby("article_id").size().to_dict() == {"gone": 1, "mine": 3, "plan": 1}
    assert len(set(CorpusStore(target.location).article_table()["content_hash"])) == 3
    before = tables(target)
    again = restore_backup(target, read_backup(data))  # a second merge adds nothing
    assert again.counts == {"articles": 0, "articles_present": 3, "extractions": 0, "reviews": 0,
                            "reviews_present": 4, "meta": 0}
    assert tables(target) == before


def test_merge_keeps_the_corpus_settings_but_fills_an_empty_codebook(source, tmp_path, target_db):
    target = CorpusStore(target_db)
    store_codebook(target, None)  # "use the codebook file": an empty saved codebook
    target.set_meta("seeded", "elsewhere")
    restore_backup(target, read_backup(backup_bytes(source)))
    assert target.get_meta("codebook_yaml") == source.get_meta("codebook_yaml")
    assert target.get_meta("seeded") == "elsewhere"


def test_an_article_id_taken_by_another_text_gets_a_suffix(source, tmp_path, target_db):
    target = CorpusStore(target_db)
    target.add_article(Article(article_id="plan", text="Another plan entirely.", title="Other plan"))
    restore_backup(target, read_backup(backup_bytes(source)))
    articles = target.article_table().set_index("id")
    assert articles.loc["plan", "title"] == "Other plan" and articles.loc["plan_2", "title"] == "Plan"
    assert target.reviews().query("action == 'add'")["article_id"].tolist() == ["plan_2"]


# --- refused files change nothing --------------------------------------------------------------------


def gz(lines: list[object]) -> bytes:
    return gzip.compress(b"".join((json.dumps(o) + "\n").encode() for o in lines))


def unpacked(data: bytes) -> list[dict]:
    return [json.loads(line) for line in gzip.decompress(data).splitlines()]


def damaged_files(data: bytes) -> dict[str, tuple[bytes, str]]:
    lines = unpacked(data)
    noted = [dict(o) for o in lines]
    review = next(o for o in noted if o.get("table") == "reviews")
    review["row"] = {**review["row"], "note": "written in later"}
    edited = [dict(o) for o in lines]
    article = next(o for o in edited if o.get("table") == "articles")
    article["row"] = {**article["row"], "text": article["row"]["text"].replace("Russia", "Ukraine")}
    # the edited text with its checksum recomputed: the article's content hash still catches it
    body = b"".join((json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n").encode() for o in edited[:-1])
    resummed = [*edited[:-1], {**lines[-1], "sha256": hashlib.sha256(body).hexdigest()}]
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0xFF
    return {
        "truncated": (data[: len(data) - 30], "cut off"),
        "no end marker": (gz(lines[:-1]), "end marker is missing"),
        "a byte flipped": (bytes(flipped), "x"),  # the message depends on where (see the next test); it names the file
        "edited note": (gz(noted), "checksum does not match"),
        "edited text, checksum redone": (gz(resummed), "does not match its content hash"),
        "a row removed": (gz([*lines[:2], *lines[3:]]), "do not match the counts"),
        "newer format": (gz([{**lines[0], "version": 99}, *lines[1:]]), "newer version of Stance Tracker (backup format 99"),
        "foreign JSON": (gz([{"hello": "world"}]), "is not a Stance Tracker backup"),
        "not gzip": (b"id,title\n1,two\n", "is not a Stance Tracker backup"),
        "empty": (b"", "empty"),
        "unknown table": (gz([lines[0], {"table": "users", "row": {}}, lines[-1]]), "not a row of a known table"),
        "wrong type": (gz([lines[0], {"table": "meta", "row": {"key": "k", "value": 3}}, lines[-1]]), "meta.value should be"),
    }


@pytest.mark.parametrize("replace", [False, True])
def test_a_damaged_foreign_or_newer_file_is_refused_and_changes_nothing(source, tmp_path, replace, target_db):
    target = make_other(target_db)
    before, revision = tables(target), target.revision()
    for case, (data, message) in damaged_files(backup_bytes(source)).items():
        with pytest.raises(BackupError, match=re.escape(message)) as refused:
            restore_backup(target, read_backup(data, name="x.gz"), replace=replace)
        assert str(refused.value).startswith("x.gz"), case
        assert tables(target) == before and target.revision() == revision, case


def test_every_damaged_byte_is_refused_with_a_message(source):
    """Each byte after gzip's 10-byte header (whose time and OS fields carry no data) flipped in turn:
    always a BackupError, never another exception or an accepted file."""
    data = backup_bytes(source)
    content = gzip.decompress(data)
    reasons = set()
    for i in range(10, len(data)):
        flipped = bytearray(data)
        flipped[i] ^= 0xFF
        try:
            read_backup(bytes(flipped), name="x.gz")
        except BackupError as refused:
            reasons.add(re.sub(r"line \d+.*", "line N", str(refused)))
            continue
        # Accepted: only right when the flip hit bits deflate ignores (rare, and depends on the
        # data, which holds the time of writing): the content must be exactly the original.
        assert gzip.decompress(bytes(flipped)) == content, f"byte {i} damaged the content and was accepted"
    assert "x.gz: the compressed data is damaged or cut off" in reasons
    assert not any("not a gzip-compressed" in r for r in reasons), "a damaged backup is not called a foreign file"


def test_a_restore_that_fails_midway_rolls_back_whole(source, tmp_path, target_db):
    target = make_other(target_db)
    before = tables(target)
    backup = read_backup(backup_bytes(source))
    backup.records["reviews"][-1]["action"] = "vandalise"  # past the checks: the database refuses it last
    for replace in (False, True):
        with pytest.raises(StoreError, match="writing to the corpus failed"):
            restore_backup(target, backup, replace=replace)
        assert tables(target) == before


def test_the_unpacked_size_is_limited(source, monkeypatch):
    data = backup_bytes(source)
    monkeypatch.setattr(backup_module, "MAX_BACKUP_BYTES", 2000)
    with pytest.raises(BackupError, match="unpacks to more than 2,000 bytes"):
        read_backup(data)
    monkeypatch.setattr(backup_module, "MAX_LINE_BYTES", 100)
    with pytest.raises(BackupError, match="longer than 100 bytes"):
        read_backup(data)


def test_a_backup_is_engine_neutral_rows_not_a_database_file(source):
    lines = unpacked(backup_bytes(source))
    assert lines[0]["format"] == "stance-tracker-backup" and lines[0]["version"] == 1
    assert lines[-1]["end"] is True and lines[-1]["counts"]["reviews"] == 4
    assert {o["table"] for o in lines[1:-1]} == {"articles", "extractions", "reviews", "meta"}
    assert b"SQLite format" not in gzip.decompress(backup_bytes(source))


# --- the command line --------------------------------------------------------------------------------


def test_cli_backup_and_restore(source, tmp_path, capsys, monkeypatch, target_db):
    out = tmp_path / "corpus.stance-backup.jsonl.gz"
    assert main(["backup", "--db", str(source.path), "--out", str(out)]) == 0
    assert capsys.readouterr().out == (f"Backed up 3 article(s), 4 cached analyses, 4 review(s), 3 setting(s) to {out} "
                                       f"({out.stat().st_size:,} bytes)\n")
    target = target_db
    assert main(["restore", "--db", str(target), str(out)]) == 0
    assert capsys.readouterr().out == ("Merged the backup: 3 article(s), 4 cached analyses, 4 review(s) and 3 setting(s) "
                                       "restored\n")
    assert tables(target) == tables(source.path)
    assert main(["restore", "--db", str(target), str(out)]) == 0
    assert "Already in the corpus and not stored again: 3 article(s) with the same text, 4 review(s)" in capsys.readouterr().out
    # --replace asks first; without a terminal it needs --yes
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["restore", "--db", str(target), str(out), "--replace"]) == 2
    assert capsys.readouterr().err == "error: replacing the corpus needs confirmation: add --yes\n"
    CorpusStore(target).add_article(Article(article_id="extra", text="One more text.", title="Extra"))
    assert main(["restore", "--db", str(target), str(out), "--replace", "--yes"]) == 0
    assert capsys.readouterr().out.startswith("Replaced the corpus: 3 article(s)")
    assert tables(target) == tables(source.path)


def test_cli_replace_asks_on_a_terminal(source, tmp_path, capsys, monkeypatch):
    out = tmp_path / "b.stance-backup.jsonl.gz"
    write_backup_file(source, out)
    target = make_other(tmp_path / "target.sqlite3")
    before = tables(target.path)
    monkeypatch.setattr("sys.stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})("n\n"))
    assert main(["restore", "--db", str(target.path), str(out), "--replace"]) == 1
    assert "nothing restored" in capsys.readouterr().out and tables(target.path) == before


def test_cli_refuses_bad_backups_with_one_line(source, tmp_path, capsys):
    target = make_other(tmp_path / "target.sqlite3")
    before = tables(target.path)
    bad = tmp_path / "bad.gz"
    bad.write_bytes(backup_bytes(source)[:-30])
    assert main(["restore", "--db", str(target.path), str(bad)]) == 2
    assert capsys.readouterr().err == f"error: {bad}: the compressed data is damaged or cut off\n"
    assert main(["restore", "--db", str(target.path), str(target.path)]) == 2  # a database file is not a backup
    assert capsys.readouterr().err == f"error: {target.path} is not a Stance Tracker backup (not a gzip-compressed backup file)\n"
    assert main(["restore", "--db", str(target.path), str(tmp_path / "missing.gz")]) == 2
    assert "missing.gz: no such file" in capsys.readouterr().err
    assert main(["restore", "--db", str(target.path), str(bad), "talks"]) == 2
    assert "one backup file at a time" in capsys.readouterr().err
    assert main(["restore", "--db", str(target.path), "talks", "--replace"]) == 2
    assert "--replace and --yes go with a backup file" in capsys.readouterr().err
    assert tables(target.path) == before
    assert main(["backup", "--db", str(tmp_path / "none.sqlite3"), "--out", str(tmp_path / "x.gz")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'none.sqlite3'}: no such corpus file\n"
    assert not (tmp_path / "none.sqlite3").exists()
    assert main(["backup", "--db", str(source.path), "--out", str(tmp_path / "no" / "such" / "x.gz")]) == 2
    assert "cannot write the backup to" in capsys.readouterr().err
    assert main(["backup", "--db", str(source.path), "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert list(tmp_path.glob(".backup-*")) == []  # no temporary file left behind


def test_cli_restore_by_id_still_undoes_a_remove(source, capsys):
    assert main(["restore", "--db", str(source.path), "gone"]) == 0
    assert capsys.readouterr().out == "Restored 1 article(s): gone\n"


# --- the Articles page --------------------------------------------------------------------------------


@pytest.fixture
def pages(monkeypatch, tmp_path):
    """The sample tables instead of spaCy, one seed article, caches emptied around each test."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "talks.txt").write_text(TEXTS["talks"] + "\n", encoding="utf-8")
    monkeypatch.setattr(dashboard, "analyze_articles",
                        lambda articles, nlp=None, codebook=None, knowledge=None: fake_analyze(articles, nlp=nlp, codebook=codebook))
    monkeypatch.setattr(dashboard, "build_pipeline", lambda knowledge=None: "fake pipeline")
    monkeypatch.setenv("STANCE_TRACKER_ARTICLES", str(folder))
    monkeypatch.delenv("STANCE_TRACKER_CODEBOOK", raising=False)
    with emptied_caches():
        yield


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_the_backup_section_says_whether_the_corpus_survives_a_restart(pages, monkeypatch, request, engine):
    if engine == "postgresql":
        monkeypatch.setenv("STANCE_DB", request.getfixturevalue("postgres_url"))
    at = open_app_page("app_pages/articles.py")
    assert_clean(at)
    shown = texts(at.caption)
    if engine == "postgresql":
        assert "kept in a PostgreSQL database, so it survives restarts" in shown and "127.0.0.1" not in shown
    else:
        assert "a file on this server: on Streamlit Community Cloud it is lost when the app restarts" in shown


def test_a_viewer_gets_neither_download_nor_restore(pages, monkeypatch):
    monkeypatch.delenv("STANCE_OPEN_EDITING", raising=False)
    monkeypatch.setenv("STANCE_EDITOR_PASSPHRASE", "a long editor passphrase")
    at = open_app_page("app_pages/articles.py")
    assert not at.get("download_button") and not at.file_uploader
    assert "restore_backup_button" not in [b.key for b in at.button]
    assert "Backing up and restoring the whole corpus needs an editor" in texts(at.caption)
    with pytest.raises(StoreError, match="needs an editor"):  # the write checks the role itself
        dashboard.corpus_backup()


def test_an_editor_downloads_and_restores_by_merge_after_confirming(pages, source, fresh_corpus):
    at = open_app_page("app_pages/articles.py")
    download = at.get("download_button")
    assert len(download) == 1 and "Download the whole corpus" in str(download[0].proto)
    assert read_backup(dashboard.corpus_backup()()).counts()["articles"] == 1  # what the button serves: the seeded corpus
    assert "In the corpus (1)" in texts(at.subheader)
    uploader = next(u for u in at.file_uploader if u.label == "Restore from a backup")
    uploader.set_value([("corpus.stance-backup.jsonl.gz", backup_bytes(source), "application/gzip")])
    at.button(key="restore_backup_button").click().run()
    assert_clean(at)
    assert "adds the backup corpus.stance-backup.jsonl.gz (3 article(s)" in texts(at.markdown)  # the confirmation
    assert CorpusStore(fresh_corpus).count() == 1  # nothing yet
    at.button(key="confirm_restore").click().run()
    assert_clean(at)
    assert texts(at.success).splitlines() == [
        "Merged the backup: 2 article(s), 4 cached analyses, 4 review(s) and 1 setting(s) restored",  # the codebook
        "Already in the corpus and not stored again: 1 article(s) with the same text, 0 review(s)"]  # the seed
    assert "In the corpus (2)" in texts(at.subheader) and "Recently deleted (1)" in texts(at.subheader)
    assert len(CorpusStore(fresh_corpus).reviews()) == 4


def test_an_editor_replaces_the_corpus_and_a_damaged_upload_changes_nothing(pages, source, fresh_corpus):
    at = open_app_page("app_pages/articles.py")
    uploader = next(u for u in at.file_uploader if u.label == "Restore from a backup")
    uploader.set_value([("cut.gz", backup_bytes(source)[:-30], "application/gzip")])
    at.button(key="restore_backup_button").click().run()
    assert not at.exception
    assert texts(at.error) == "cut.gz: the compressed data is damaged or cut off Nothing was changed."
    before = tables(fresh_corpus)
    uploader = next(u for u in at.file_uploader if u.label == "Restore from a backup")
    uploader.set_value([("good.gz", backup_bytes(source), "application/gzip")])
    at.radio(key="backup_mode").set_value("Replace the corpus").run()
    at.button(key="restore_backup_button").click().run()
    assert "replaces the whole corpus" in texts(at.markdown)
    at.button(key="cancel_restore").click().run()
    assert tables(fresh_corpus) == before
    at.button(key="restore_backup_button").click().run()
    at.button(key="confirm_restore").click().run()
    assert_clean(at)
    assert "Replaced the corpus: 3 article(s)" in texts(at.success)
    at.button(key="restore_backup_button").click().run()  # a second restore asks again
    assert "replaces the whole corpus" in texts(at.markdown)
    # (the page then analyses the restored articles for its own pipeline: extractions and counters grow)
    restored, original = tables(fresh_corpus), tables(source.path)
    assert restored["articles"] == original["articles"] and restored["reviews"] == original["reviews"]


def test_a_backup_larger_than_the_upload_limit_is_refused_before_reading(pages, source, monkeypatch):
    at = open_app_page("app_pages/articles.py")
    data = backup_bytes(source)
    # the upload is checked by its size (the server's 10 MB) before its bytes are read
    uploader = next(u for u in at.file_uploader if u.label == "Restore from a backup")
    uploader.set_value([("big.gz", data + b"\0" * (10 * 1024 * 1024), "application/gzip")])
    at.button(key="restore_backup_button").click().run()
    assert not at.exception
    assert "the limit here is 10,485,760" in texts(at.error)
