"""The persistent corpus: articles and their cached extraction results in one SQLite file.

Design, and why:

* **One file, standard library only.** SQLite ships with Python, needs no server and works on
  Streamlit Community Cloud. WAL mode lets readers go on while one writer commits; a busy timeout
  makes a second writer wait instead of failing.
* **Articles are stored once.** Each article's ``content_hash`` (SHA-256 of its text with runs of
  whitespace collapsed) is unique, so the same text imported twice - from a file, then from its
  URL - is recognised and not stored again.
* **Extraction results are a cache**, keyed by (article hash, pipeline key, codebook hash). The
  pipeline key changes when the rules, the actor knowledge or the model change; the codebook hash
  when the codebook does. So nothing is parsed twice, and editing the codebook re-extracts exactly
  the articles whose results were made with another codebook. Results are JSON rows (offsets into
  the stored text), so adding a column to a table needs no migration: it bumps the pipeline key.
* **Every write is one transaction.** An import stores each article in its own transaction, so a
  crash mid-import keeps every article committed before it and never leaves half an article.
* **Reviews are an append-only audit log** (``reviews``): each confirm / correct / reject / add
  of a stance row by an analyst, with the row's key and original values, the new values, who and
  when. Nothing is updated or deleted (except with the article), so the history is complete;
  ``core.corpus.review`` applies the latest review of each row on top of whatever extraction is current.
* **A schema version with migrations** (``PRAGMA user_version``): opening an older file upgrades
  it in place, inside a transaction; a file from a newer version of the program is refused with a
  clear message rather than damaged.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import time
import unicodedata
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from core.model import Article
from core.settings import db_path

# Each entry upgrades the schema from version i to i + 1. Never edit a released entry: append.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: articles and the extraction cache
    (
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            date_note TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            words INTEGER NOT NULL,
            added_at TEXT NOT NULL
        )""",
        """CREATE TABLE extractions (
            content_hash TEXT NOT NULL,
            pipeline_key TEXT NOT NULL,
            codebook_hash TEXT NOT NULL,
            statements INTEGER NOT NULL,
            rows TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (content_hash, pipeline_key, codebook_hash)
        )""",
    ),
    # 2: a key/value table (revision counter, first-start seeding) and date lookups
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT INTO meta (key, value) VALUES ('revision', '0')",
        "CREATE INDEX articles_by_date ON articles (date)",
    ),
    # 3: human review of stance rows, an append-only audit log (see core/review.py)
    (
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('confirm', 'correct', 'reject', 'add')),
            start_char INTEGER NOT NULL DEFAULT -1,
            end_char INTEGER NOT NULL DEFAULT -1,
            original_actor TEXT NOT NULL DEFAULT '',
            original_issue TEXT NOT NULL DEFAULT '',
            original_stance TEXT NOT NULL DEFAULT '',
            original_values TEXT NOT NULL DEFAULT '{}',
            new_values TEXT NOT NULL DEFAULT '{}',
            reviewer TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX reviews_by_article ON reviews (article_id, id)",
    ),
    # 4: soft delete: a deleted article is hidden (and can be restored), its reviews are kept
    (
        "ALTER TABLE articles ADD COLUMN deleted_at TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN deleted_by TEXT NOT NULL DEFAULT ''",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

REVIEW_ACTIONS: tuple[str, ...] = ("confirm", "correct", "reject", "add")
# The columns of :meth:`CorpusStore.reviews`. ``start_char, end_char, original_actor,
# original_issue, original_stance`` identify the machine row a review applies to (-1 and '' for
# "add"); ``original_values`` and ``new_values`` are JSON objects.
REVIEW_COLUMNS: list[str] = [
    "id", "article_id", "content_hash", "action", "start_char", "end_char", "original_actor", "original_issue",
    "original_stance", "original_values", "new_values", "reviewer", "note", "created_at",
]

ARTICLE_FIELDS = ("id", "title", "outlet", "date", "date_note", "url", "origin", "words", "added_at")

# What a backup holds of each table (core.corpus.backup), in the order it is written and restored.
BACKUP_ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "content_hash", "title", "outlet", "date", "date_note", "url", "origin", "text", "words", "added_at",
    "deleted_at", "deleted_by",
)
BACKUP_EXTRACTION_COLUMNS: tuple[str, ...] = (
    "content_hash", "pipeline_key", "codebook_hash", "statements", "rows", "created_at",
)
BACKUP_QUERIES: tuple[tuple[str, str], ...] = (
    ("articles", f"SELECT {', '.join(BACKUP_ARTICLE_COLUMNS)} FROM articles ORDER BY rowid"),
    ("extractions", f"SELECT {', '.join(BACKUP_EXTRACTION_COLUMNS)} FROM extractions ORDER BY rowid"),
    ("reviews", f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews ORDER BY id"),
    ("meta", "SELECT key, value FROM meta WHERE key != 'revision' ORDER BY key"),
)


class StoreError(RuntimeError):
    """The corpus file cannot be used; the message is one line for the user."""


# One article's cached extraction: table name ("stances", "quotes", "mentions", "missed") -> its
# rows as dicts, and "error" -> the messages of a failed analysis (strings).
ExtractionRows = dict[str, list[Any]]


def default_db_path() -> Path:
    """``$STANCE_DB`` when set, otherwise ``data/stance_tracker.sqlite3`` beside the code."""
    return db_path()


def content_hash(text: str) -> str:
    """The identity of an article's text: SHA-256 of the NFC text with whitespace runs collapsed,
    so a copy that differs only in line breaks or trailing spaces is the same article."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


def slugify(text: str, max_len: int = 60) -> str:
    """A readable, URL-safe article id from a title or file name."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()
    return slug[:max_len].rstrip("_") or "article"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CorpusStore:
    """Articles and cached extraction rows in one SQLite file (see the module docstring).

    Each method opens its own short-lived connection, so one store object can be shared by the
    threads of a Streamlit server.
    """

    def __init__(self, path: str | Path | None = None, *, timeout: float = 30.0):
        self.path = Path(path) if path else default_db_path()
        self.timeout = timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the corpus file {self.path}: {exc.strerror or exc}") from None
        # A corpus file (or its folder, where SQLite keeps its journal) that cannot be written is
        # opened read-only, so it can still be read. Decided once: every query opens a connection.
        self.read_only = self.path.exists() and not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))
        self._migrate()

    # --- connections -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                # immutable: no journal files are created beside it (the folder may be read-only too)
                uri = f"file:{urllib.parse.quote(str(self.path.resolve()))}?mode=ro&immutable=1"
                conn = sqlite3.connect(uri, uri=True, timeout=self.timeout, isolation_level=None)
            else:
                conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
                self._use_wal(conn)
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            return conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable corpus database ({exc})") from None

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        """Switch the file to write-ahead logging (once: the mode is kept in the file). SQLite
        answers "database is locked" to the switch without waiting when other connections are
        opening a new file at the same moment, so the switch is retried until the timeout."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                    conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        except (sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:  # pandas wraps SQLite's errors
            first = (str(exc).splitlines() or [""])[0][:200]
            raise StoreError(f"{self.path}: reading the corpus failed; the file may be damaged ({first})") from None
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it. ``BEGIN IMMEDIATE`` takes
        the write lock up front, so two writers queue (busy timeout) instead of deadlocking. The
        revision grows only when the transaction changed something."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            before = conn.total_changes
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            if conn.total_changes > before:  # a no-op (a duplicate, an unknown id) keeps caches valid
                conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self.read_only:
                raise StoreError(f"{self.path}: the corpus file is read-only; nothing was changed") from None
            raise StoreError(f"{self.path}: writing to the corpus failed ({exc})") from None
        finally:
            conn.close()

    def _migrate(self) -> None:
        conn = self._connect()
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer version of Stance Tracker (schema {version}, "
                    f"this one knows {SCHEMA_VERSION}); update the program or use another STANCE_DB file"
                )
            if version == SCHEMA_VERSION:
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Re-read under the lock: another process may have migrated meanwhile.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                for step in range(version, SCHEMA_VERSION):
                    for statement in MIGRATIONS[step]:
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {step + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable corpus database ({exc})") from None
        finally:
            conn.close()

    # --- meta --------------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self._read() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def revision(self) -> int:
        """A number that grows with every committed write: part of the dashboard's cache key."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
            return int(row[0]) if row else 0

    def get_meta(self, key: str, default: str = "") -> str:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            return row[0] if row else default

    def add_to_counter(self, key: str, n: int = 1) -> None:
        """Add ``n`` to the counter ``key`` in meta (e.g. ``articles_analysed``: how many article
        analyses this corpus has run, which shows that no visitor repeats another's)."""
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, '0')", (key,))
            conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = ?", (int(n), key))

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- articles ----------------------------------------------------------------------------

    def add_article(self, article: Article) -> tuple[str, bool]:
        """Store an article; returns ``(id, True)``, or ``(existing id, False)`` when the same text
        is already stored. The id is made unique by a numeric suffix when taken."""
        digest = article.content_hash or content_hash(article.text)
        base = slugify(article.article_id or article.title or "article")
        with self.transaction() as conn:
            row = conn.execute("SELECT id, deleted_at FROM articles WHERE content_hash = ?", (digest,)).fetchone()
            if row and row[1]:  # the same text was deleted: adding it again restores it
                conn.execute("UPDATE articles SET deleted_at = '', deleted_by = '' WHERE id = ?", (row[0],))
                return row[0], True
            if row:
                return row[0], False
            article_id, n = base, 1
            while conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                n += 1
                article_id = f"{base}_{n}"
            conn.execute(
                "INSERT INTO articles (id, content_hash, title, outlet, date, date_note, url, origin, text, words, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    digest,
                    article.title.strip(),
                    article.outlet.strip(),
                    article.date.strip(),
                    article.date_note.strip(),
                    article.url.strip(),
                    article.origin,
                    article.text,
                    article.words or word_count(article.text),
                    article.added_at or _now(),
                ),
            )
        return article_id, True

    def update_metadata(self, article_id: str, **fields: str) -> None:
        allowed = {k: v for k, v in fields.items() if k in ("title", "outlet", "date", "date_note", "url")}
        if not allowed:
            return
        with self.transaction() as conn:
            sets = ", ".join(f"{k} = ?" for k in allowed)
            cur = conn.execute(f"UPDATE articles SET {sets} WHERE id = ? AND deleted_at = ''", (*allowed.values(), article_id))
            if cur.rowcount == 0:
                raise StoreError(f"no article with the id '{article_id}' in the corpus")

    def delete_article(self, article_id: str, by: str = "") -> bool:
        """Hide an article from every table and page (a soft delete: ``restore_article`` undoes
        it); its text, cached results and reviews are kept, so the audit trail is never lost.
        False when there is no such (visible) article."""
        with self.transaction() as conn:
            cur = conn.execute(
                "UPDATE articles SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at = ''",
                (_now(), by.strip()[:200], article_id),
            )
        return cur.rowcount > 0

    def restore_article(self, article_id: str) -> bool:
        """Undo ``delete_article``; False when there is no such deleted article."""
        with self.transaction() as conn:
            cur = conn.execute(
                "UPDATE articles SET deleted_at = '', deleted_by = '' WHERE id = ? AND deleted_at != ''", (article_id,)
            )
        return cur.rowcount > 0

    def deleted_table(self) -> pd.DataFrame:
        """The deleted articles, newest deletion first: id, title, outlet, date, deleted_at, deleted_by."""
        with self._read() as conn:
            return pd.read_sql_query(
                "SELECT id, title, outlet, date, deleted_at, deleted_by FROM articles WHERE deleted_at != ''"
                " ORDER BY deleted_at DESC, rowid DESC",
                conn,
            )

    def count(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles WHERE deleted_at = ''").fetchone()[0])

    def get_article(self, article_id: str) -> Article | None:
        """A visible article (None when there is none or it was deleted)."""
        with self._read() as conn:
            row = conn.execute("SELECT * FROM articles WHERE id = ? AND deleted_at = ''", (article_id,)).fetchone()
        return _stored(row) if row else None

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles with their text, oldest import first (all, or those with the given ids)."""
        with self._read() as conn:
            if ids is None:
                rows = conn.execute("SELECT * FROM articles WHERE deleted_at = '' ORDER BY added_at, rowid").fetchall()
            else:
                wanted = list(dict.fromkeys(ids))
                rows = []
                for i in range(0, len(wanted), 500):
                    chunk = wanted[i : i + 500]
                    rows += conn.execute(
                        f"SELECT * FROM articles WHERE deleted_at = '' AND id IN ({','.join('?' * len(chunk))})"
                        " ORDER BY added_at, rowid",
                        chunk,
                    ).fetchall()
        yield from (_stored(row) for row in rows)

    def article_table(self, pipeline_key: str = "", codebook_hash: str = "") -> pd.DataFrame:
        """One row per stored article (no text): id, title, outlet, date, words, statements, ...

        ``statements`` counts the stance rows of the extraction made with the given keys, and is
        -1 for an article not (yet) extracted with them."""
        query = (
            "SELECT a.id, a.title, a.outlet, a.date, a.date_note, a.url, a.origin, a.words, a.added_at,"
            " a.content_hash, COALESCE(e.statements, -1) AS statements FROM articles a"
            " LEFT JOIN extractions e ON e.content_hash = a.content_hash AND e.pipeline_key = ? AND e.codebook_hash = ?"
            " WHERE a.deleted_at = '' ORDER BY a.added_at, a.rowid"
        )
        with self._read() as conn:
            return pd.read_sql_query(query, conn, params=(pipeline_key, codebook_hash))

    # --- extraction cache --------------------------------------------------------------------

    def missing_extractions(self, pipeline_key: str, codebook_hash: str) -> list[str]:
        """Ids of the articles with no cached result for these keys."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT a.id FROM articles a WHERE a.deleted_at = '' AND NOT EXISTS (SELECT 1 FROM extractions e WHERE"
                " e.content_hash = a.content_hash AND e.pipeline_key = ? AND e.codebook_hash = ?)"
                " ORDER BY a.added_at, a.rowid",
                (pipeline_key, codebook_hash),
            ).fetchall()
        return [r[0] for r in rows]

    def save_extraction(self, digest: str, pipeline_key: str, codebook_hash: str, rows: ExtractionRows) -> None:
        """Cache one article's result rows (``{"stances": [...], "quotes": [...], ...}``)."""
        payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO extractions (content_hash, pipeline_key, codebook_hash, statements, rows, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (digest, pipeline_key, codebook_hash, len(rows.get("stances", [])), payload, _now()),
            )

    def other_extractions(self, content_hash: str, pipeline_key: str, codebook_hash: str) -> list[tuple[str, ExtractionRows]]:
        """``(codebook hash, rows)`` of one article's cached results made with the same pipeline
        but another codebook, newest first (a codebook edit can reuse them, see core.corpus.corpus)."""
        with self._read() as conn:
            found = conn.execute(
                "SELECT codebook_hash, rows FROM extractions WHERE content_hash = ? AND pipeline_key = ?"
                " AND codebook_hash != ? ORDER BY created_at DESC",
                (content_hash, pipeline_key, codebook_hash),
            ).fetchall()
        return [(digest, json.loads(payload)) for digest, payload in found]

    def load_extractions(self, pipeline_key: str, codebook_hash: str) -> list[tuple[str, ExtractionRows]]:
        """``(article id, rows)`` for every article extracted with these keys, in import order."""
        with self._read() as conn:
            found = conn.execute(
                "SELECT a.id, e.rows FROM articles a JOIN extractions e ON e.content_hash = a.content_hash"
                " WHERE a.deleted_at = '' AND e.pipeline_key = ? AND e.codebook_hash = ? ORDER BY a.added_at, a.rowid",
                (pipeline_key, codebook_hash),
            ).fetchall()
        return [(article_id, json.loads(payload)) for article_id, payload in found]

    # --- reviews -----------------------------------------------------------------------------

    def add_review(
        self,
        article_id: str,
        action: str,
        *,
        start_char: int = -1,
        end_char: int = -1,
        original_actor: str = "",
        original_issue: str = "",
        original_stance: str = "",
        original_values: Mapping[str, object] | None = None,
        new_values: Mapping[str, object] | None = None,
        reviewer: str = "",
        note: str = "",
    ) -> int:
        """Append one review to the audit log and return its id; it bumps the revision.

        Reviews are never changed or deleted, not even with their article: a later review of the same
        row supersedes an earlier one when they are applied (``core.corpus.review.apply_reviews``).
        The row key (offsets, original actor/issue/stance) is -1/'' for ``add``."""
        if action not in REVIEW_ACTIONS:
            raise ValueError(f"unknown review action '{action}'; use one of {', '.join(REVIEW_ACTIONS)}")
        with self.transaction() as conn:
            row = conn.execute("SELECT content_hash FROM articles WHERE id = ? AND deleted_at = ''", (article_id,)).fetchone()
            if not row:
                raise StoreError(f"no article with the id '{article_id}' in the corpus")
            cur = conn.execute(
                "INSERT INTO reviews (article_id, content_hash, action, start_char, end_char, original_actor,"
                " original_issue, original_stance, original_values, new_values, reviewer, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    row[0],
                    action,
                    int(start_char),
                    int(end_char),
                    original_actor,
                    original_issue,
                    original_stance,
                    _json(original_values),
                    _json(new_values),
                    reviewer.strip(),
                    note.strip(),
                    _now(),
                ),
            )
            if cur.lastrowid is None:  # never after an INSERT; kept for the type checker
                raise StoreError(f"{self.path}: the review was not stored")
            return int(cur.lastrowid)

    def reviews(self, article_id: str | None = None) -> pd.DataFrame:
        """The review history (REVIEW_COLUMNS), oldest first: of one article, or of all."""
        query = f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews"
        params: tuple[str, ...] = ()
        if article_id is not None:
            query, params = query + " WHERE article_id = ?", (article_id,)
        with self._read() as conn:
            return pd.read_sql_query(query + " ORDER BY id", conn, params=params)


    # --- backup and restore (the file format is core.corpus.backup's) --------------------------

    def backup_records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every row a backup holds, as ``(table, row)``: articles (deleted ones too, with their
        marker), extractions, reviews (with their ids, oldest first) and meta (not the revision
        counter, which belongs to this file's caches). Read in one transaction, so the rows are one
        consistent snapshot even while another process writes."""
        with self._read() as conn:
            conn.execute("BEGIN")
            try:
                for table, query in BACKUP_QUERIES:
                    for row in conn.execute(query):
                        yield table, dict(row)
            finally:
                conn.execute("ROLLBACK")

    def restore_records(self, records: Mapping[str, list[dict[str, Any]]], *, replace: bool = False) -> dict[str, int]:
        """Write checked backup rows (``core.corpus.backup.read_backup``) in ONE transaction: all
        of it is stored, or nothing. ``replace`` empties the corpus first (its reviews too) and keeps
        the backup's ids; otherwise the rows are merged:

        * an article whose text (content hash) is stored already is not stored again: its reviews
          are attached to the stored article's id, whose metadata and deleted marker stay;
        * a new article keeps its id, or gets a numeric suffix when the id is taken;
        * an extraction already cached (same keys) and a review already in the log (same article
          text, action, row key, values, reviewer, note and time) are skipped;
        * a setting the corpus has is kept, except an empty saved codebook, which the backup's fills.

        Returns counts: ``articles``, ``articles_present``, ``extractions``, ``reviews``,
        ``reviews_present``, ``meta``."""
        counts = dict.fromkeys(("articles", "articles_present", "extractions", "reviews", "reviews_present", "meta"), 0)
        with self.transaction() as conn:
            if replace:
                for table in ("articles", "extractions", "reviews"):
                    conn.execute(f"DELETE FROM {table}")
                conn.execute("DELETE FROM meta WHERE key != 'revision'")
            ids: dict[str, str] = {}  # backup article id -> id in this corpus
            for row in records.get("articles", []):
                found = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (row["content_hash"],)).fetchone()
                if found:
                    ids[row["id"]] = found[0]
                    counts["articles_present"] += 1
                    continue
                article_id, n = row["id"], 1
                while conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                    n += 1
                    article_id = f"{row['id']}_{n}"
                ids[row["id"]] = article_id
                conn.execute(
                    f"INSERT INTO articles ({', '.join(BACKUP_ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(BACKUP_ARTICLE_COLUMNS))})",
                    (article_id, *(row[c] for c in BACKUP_ARTICLE_COLUMNS[1:])),
                )
                counts["articles"] += 1
            for row in records.get("extractions", []):
                cur = conn.execute(
                    f"INSERT OR IGNORE INTO extractions ({', '.join(BACKUP_EXTRACTION_COLUMNS)})"
                    f" VALUES ({', '.join('?' * len(BACKUP_EXTRACTION_COLUMNS))})",
                    tuple(row[c] for c in BACKUP_EXTRACTION_COLUMNS),
                )
                counts["extractions"] += cur.rowcount
            same = " AND ".join(f"{c} = ?" for c in REVIEW_COLUMNS[1:])  # every column but the id
            for row in records.get("reviews", []):
                values = (ids.get(row["article_id"], row["article_id"]), *(row[c] for c in REVIEW_COLUMNS[2:]))
                if not replace and conn.execute(f"SELECT 1 FROM reviews WHERE {same}", values).fetchone():
                    counts["reviews_present"] += 1
                    continue
                columns = REVIEW_COLUMNS if replace else REVIEW_COLUMNS[1:]
                conn.execute(
                    f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    (row["id"], *values) if replace else values,
                )
                counts["reviews"] += 1
            for row in records.get("meta", []):
                if row["key"] == "revision":
                    continue
                if row["key"] == "codebook_yaml":  # the saved codebook: an empty one is filled
                    cur = conn.execute("UPDATE meta SET value = ? WHERE key = ? AND value = ''", (row["value"], row["key"]))
                    counts["meta"] += cur.rowcount
                cur = conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (row["key"], row["value"]))
                counts["meta"] += cur.rowcount
        return counts


def _json(values: Mapping[str, object] | None) -> str:
    """A JSON object of ``values`` (numpy scalars as Python numbers, NaN as null)."""

    def plain(value: object) -> object:
        if hasattr(value, "item"):
            value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
        return value

    return json.dumps({str(k): plain(v) for k, v in (values or {}).items()}, ensure_ascii=False, sort_keys=True)


def _stored(row: sqlite3.Row) -> Article:
    return Article(
        article_id=row["id"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        date=row["date"],
        date_note=row["date_note"],
        url=row["url"],
        origin=row["origin"],
        words=row["words"],
        added_at=row["added_at"],
        content_hash=row["content_hash"],
    )
