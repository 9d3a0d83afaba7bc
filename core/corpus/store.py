"""The persistent corpus: articles, their cached extraction results and the review log, in SQLite
(one file, the default) or PostgreSQL (a server, for deployments whose disk does not last), through
SQLAlchemy.

Design, and why:

* **Two engines, one schema, one place.** ``$STANCE_DB`` (or ``--db``) is a file path for SQLite
  or a URL for PostgreSQL (``postgresql://user:password@host:5432/db``); everything that differs
  between the two (how a write transaction takes its lock, where the schema version is kept, how a
  review id is generated) is in this module and nowhere else. SQLite ships with Python, needs no
  server and suits one machine; PostgreSQL keeps the corpus when Streamlit Community Cloud
  restarts the app on a fresh disk.
* **Articles are stored once.** Each article's ``content_hash`` (SHA-256 of its text with runs of
  whitespace collapsed) is unique, so the same text imported twice - from a file, then from its
  URL - is recognised and not stored again.
* **Extraction results are a cache**, keyed by (article hash, pipeline key, codebook hash). The
  pipeline key changes when the rules, the actor knowledge or the model change; the codebook hash
  when the codebook does. So nothing is parsed twice, and editing the codebook re-extracts exactly
  the articles whose results were made with another codebook. Results are JSON rows (offsets into
  the stored text), so adding a column to a table needs no migration: it bumps the pipeline key.
* **Every write is one transaction, and writers queue.** An import stores each article in its own
  transaction, so a crash mid-import keeps every article committed before it and never leaves half
  an article. A write transaction takes the database's write lock first (SQLite: ``BEGIN
  IMMEDIATE``, with a busy timeout; PostgreSQL: a transaction-level advisory lock on the schema), so
  two processes importing the same text at once store it once and never deadlock.
* **Reviews are an append-only audit log** (``reviews``): each confirm / correct / reject / add
  of a stance row by an analyst, with the row's key and original values, the new values, who and
  when. Nothing is updated or deleted (except by a restore that replaces the corpus), so the history
  is complete; ``core.corpus.review`` applies the latest review of each row on top of whatever
  extraction is current.
* **A schema version with numbered migrations** (SQLite: ``PRAGMA user_version``; PostgreSQL: the
  table ``stance_schema``): opening an older database upgrades it in place, inside one transaction;
  a database from a newer version of the program is refused with a clear message rather than
  damaged. The few migration statements whose SQL differs between the engines give both spellings.
  (The migrations are a short list applied in order, so a migration tool such as Alembic would add
  a dependency and a second place to look without doing more.)
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import threading
import time
import unicodedata
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import bindparam, create_engine, event, text
from sqlalchemy.engine import URL, Connection, CursorResult, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from core.model import Article
from core.settings import db_location

ENGINES: tuple[str, ...] = ("sqlite", "postgresql")


class Both(dict):
    """A migration statement whose SQL differs between the engines: ``{engine: statement}``."""


# Each entry upgrades the schema from version i to i + 1. Never edit a released entry: append.
# PostgreSQL has no implicit ``rowid``: its tables get an explicit identity column of that name, so
# "in import order" (``ORDER BY rowid``) means the same on both engines.
MIGRATIONS: tuple[tuple[str | Both, ...], ...] = (
    # 1: articles and the extraction cache
    (
        Both(
            sqlite="""CREATE TABLE articles (
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
            postgresql="""CREATE TABLE articles (
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
            added_at TEXT NOT NULL,
            rowid BIGINT GENERATED ALWAYS AS IDENTITY
        )""",
        ),
        Both(
            sqlite="""CREATE TABLE extractions (
            content_hash TEXT NOT NULL,
            pipeline_key TEXT NOT NULL,
            codebook_hash TEXT NOT NULL,
            statements INTEGER NOT NULL,
            rows TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (content_hash, pipeline_key, codebook_hash)
        )""",
            postgresql="""CREATE TABLE extractions (
            content_hash TEXT NOT NULL,
            pipeline_key TEXT NOT NULL,
            codebook_hash TEXT NOT NULL,
            statements INTEGER NOT NULL,
            rows TEXT NOT NULL,
            created_at TEXT NOT NULL,
            rowid BIGINT GENERATED ALWAYS AS IDENTITY,
            PRIMARY KEY (content_hash, pipeline_key, codebook_hash)
        )""",
        ),
    ),
    # 2: a key/value table (revision counter, first-start seeding) and date lookups
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT INTO meta (key, value) VALUES ('revision', '0')",
        "CREATE INDEX articles_by_date ON articles (date)",
    ),
    # 3: human review of stance rows, an append-only audit log (see core/review.py)
    (
        Both(
            sqlite="""CREATE TABLE reviews (
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
            postgresql="""CREATE TABLE reviews (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
        ),
        "CREATE INDEX reviews_by_article ON reviews (article_id, id)",
    ),
    # 4: soft delete: a deleted article is hidden (and can be restored), its reviews are kept
    (
        "ALTER TABLE articles ADD COLUMN deleted_at TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN deleted_by TEXT NOT NULL DEFAULT ''",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def migration_statements(step: int, engine: str) -> list[str]:
    """The SQL of migration ``step`` (0-based: it upgrades version ``step`` to ``step + 1``) for
    ``engine`` ("sqlite" or "postgresql")."""
    return [statement[engine] if isinstance(statement, Both) else statement for statement in MIGRATIONS[step]]

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
    # meta is sorted in Python: ORDER BY on text follows the database's collation, which differs
    ("meta", "SELECT key, value FROM meta WHERE key != 'revision'"),
)

# URL schemes a user may write for PostgreSQL (hosts hand out ``postgres://``), all read with psycopg 3.
POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2", "postgresql+pg8000")


class StoreError(RuntimeError):
    """The corpus database cannot be used; the message is one line for the user."""


# One article's cached extraction: table name ("stances", "quotes", "mentions", "missed") -> its
# rows as dicts, and "error" -> the messages of a failed analysis (strings).
ExtractionRows = dict[str, list[Any]]


def default_db_path() -> Path | str:
    """``$STANCE_DB`` when set (a file path, or a PostgreSQL URL), otherwise
    ``data/stance_tracker.sqlite3`` beside the code."""
    return db_location()


def is_database_url(location: object) -> bool:
    """Whether a ``--db`` / ``STANCE_DB`` value is a URL (``scheme://...``) rather than a file path."""
    return isinstance(location, str | URL) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", str(location)))


def postgres_url(location: str | URL) -> URL:
    """A PostgreSQL URL as SQLAlchemy needs it (driver psycopg 3), or StoreError for anything else."""
    try:
        url = make_url(location) if isinstance(location, str) else location
    except (ArgumentError, ValueError):
        raise StoreError(f"'{_hide_password(str(location))}' is not a database URL; write postgresql://user:password@host:5432/database") from None
    if url.drivername not in POSTGRES_SCHEMES:
        raise StoreError(
            f"'{url.drivername}://' databases are not supported: STANCE_DB is a file path (SQLite) or a "
            "postgresql:// URL"
        )
    if url.host and "@" in url.host:  # an unencoded @ in the password: the rest would be taken for the host
        raise StoreError(f"'{_hide_password(str(location))}': write an @ in the user name or password as %40")
    return url.set(drivername="postgresql+psycopg")


def _hide_password(location: str) -> str:
    """``location`` without its password: after ``user:`` up to the last ``@`` (a password may hold
    ``/`` or ``@`` unencoded), and a ``password=`` query value."""
    hidden = re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:).*@", r"\1***@", location)
    return re.sub(r"(?i)([?&]password=)[^&]*", r"\1***", hidden)


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


# One engine (and connection pool) per PostgreSQL URL and process: a Streamlit server makes a store
# per session, and a forked worker must not share its parent's connections.
_POSTGRES_ENGINES: dict[tuple[str, int], Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _postgres_engine(url: URL) -> Engine:
    key = (url.render_as_string(hide_password=False), os.getpid())
    with _ENGINES_LOCK:
        engine = _POSTGRES_ENGINES.get(key)
        if engine is None:
            # Small pool: the free tiers of hosted PostgreSQL allow few connections. pre_ping
            # replaces a connection the server closed while the app slept.
            engine = create_engine(url, pool_size=3, max_overflow=4, pool_pre_ping=True, pool_recycle=1800,
                                   connect_args={"connect_timeout": 10, "application_name": "stance-tracker",
                                                 # no server-side prepared statements: they break
                                                 # behind a transaction pooler (PgBouncer, Supavisor)
                                                 "prepare_threshold": None})
            _POSTGRES_ENGINES[key] = engine
        return engine


def _forget_engines_in_child() -> None:
    """In a forked child, drop the parent's pooled connections without closing them (closing would
    end the parent's sessions on the server); the child opens its own (SQLAlchemy's advice)."""
    global _ENGINES_LOCK
    _ENGINES_LOCK = threading.Lock()  # a parent thread may have held it at the fork
    for engine in _POSTGRES_ENGINES.values():
        engine.dispose(close=False)
    _POSTGRES_ENGINES.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_engines_in_child)


class Transaction:
    """A write transaction's connection: runs SQL with named parameters (``:name``) and notes
    whether anything changed (only a change bumps the corpus revision, which keeps caches valid)."""

    def __init__(self, conn: Connection):
        self.connection = conn
        self.changed = False

    def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> CursorResult[Any]:
        result = self.connection.execute(text(sql), dict(params or {}))
        if result.rowcount and result.rowcount > 0 and not result.returns_rows:
            self.changed = True
        return result


class CorpusStore:
    """Articles, cached extraction rows and reviews in one SQLite file or PostgreSQL database (see
    the module docstring).

    ``location`` is a file path (SQLite) or a ``postgresql://`` URL; default ``$STANCE_DB``. Each
    method uses its own short transaction, so one store object can be shared by the threads of a
    Streamlit server.
    """

    def __init__(self, location: str | Path | URL | None = None, *, timeout: float = 30.0):
        if location is None or location == "":
            location = default_db_path()
        self.timeout = timeout
        self.read_only = False
        if isinstance(location, URL) or is_database_url(location):
            if str(location).startswith("sqlite:"):
                location = make_url(str(location)).database or ""
            else:
                url = postgres_url(location)  # type: ignore[arg-type]
                self.engine_name = "postgresql"
                self.path: Path | None = None
                self.location = _hide_password(url.render_as_string(hide_password=True))
                self.name = f"database '{url.database or ''}' on {url.host or 'localhost'}"
                self._engine = _postgres_engine(url)
                self._migrate()
                return
        self.engine_name = "sqlite"
        self.path = Path(location)
        self.location = str(self.path)
        self.name = self.path.name
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the corpus file {self.path}: {exc.strerror or exc}") from None
        # A corpus file (or its folder, where SQLite keeps its journal) that cannot be written is
        # opened read-only, so it can still be read. Decided once: every query opens a connection.
        self.read_only = self.path.exists() and not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))
        self._engine = self._sqlite_engine()
        self._migrate()

    @property
    def is_postgres(self) -> bool:
        return self.engine_name == "postgresql"

    # --- connections -------------------------------------------------------------------------

    def _sqlite_engine(self) -> Engine:
        """An engine whose every connection is a fresh ``sqlite3`` connection (no pool: a file
        replaced or damaged on disk is seen at once, and no connection outlives its method), in
        write-ahead-log mode so readers go on while one writer commits. SQLAlchemy's own
        transaction handling is replaced by explicit BEGINs (SQLAlchemy's recipe for pysqlite), so
        a write transaction can take the write lock up front."""
        path, timeout, read_only = self.path, self.timeout, self.read_only
        assert path is not None

        def connect() -> sqlite3.Connection:
            if read_only:
                # immutable: no journal files are created beside it (the folder may be read-only too)
                uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro&immutable=1"
                conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            if not read_only:
                _use_wal(conn, timeout)
                conn.execute("PRAGMA synchronous=NORMAL")
            return conn

        engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

        @event.listens_for(engine, "begin")
        def begin(conn: Connection) -> None:
            write = conn.get_execution_options().get("stance_write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine

    def _fail(self, exc: BaseException, doing: str) -> StoreError:
        """The user's one-line message for a database error."""
        first = (str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0][:200]
        if self.is_postgres:
            return StoreError(f"{self.location}: {doing} the corpus failed ({first})")
        if doing == "writing to" and self.read_only:
            return StoreError(f"{self.location}: the corpus file is read-only; nothing was changed")
        if doing == "reading":
            return StoreError(f"{self.location}: reading the corpus failed; the file may be damaged ({first})")
        if doing == "opening":
            return StoreError(f"{self.location}: not a usable corpus database ({first})")
        return StoreError(f"{self.location}: {doing} the corpus failed ({first})")

    @contextmanager
    def _read(self, *, single: bool = False) -> Iterator[Connection]:
        """A connection for reading: one transaction, so several reads see one state of the corpus
        (PostgreSQL: repeatable read). ``single``: for one statement, which sees one state anyway;
        on PostgreSQL it runs without BEGIN and COMMIT (autocommit), two network round trips fewer
        on every dashboard rerun against a hosted database."""
        try:
            with self._engine.connect() as conn:
                if self.is_postgres:
                    conn = conn.execution_options(isolation_level="AUTOCOMMIT" if single else "REPEATABLE READ")
                with conn.begin():
                    yield conn
        except (SQLAlchemyError, sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:
            raise self._fail(exc, "reading") from None

    def _query(self, sql: str, params: Mapping[str, Any] | None = None) -> list[Any]:
        """The rows of one read query (named parameters ``:name``)."""
        with self._read(single=True) as conn:
            return list(conn.execute(text(sql), dict(params or {})))

    def _frame(self, sql: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
        with self._read(single=True) as conn:
            return pd.read_sql_query(text(sql), conn, params=dict(params or {}))

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One write transaction: all of it is committed, or none of it. It takes the write lock
        up front, so two writers queue instead of deadlocking or both inserting the same text. The
        revision grows only when the transaction changed something."""
        try:
            with self._engine.connect() as conn:
                conn = conn.execution_options(**self._write_options())
                with conn.begin():
                    self._lock(conn)
                    tx = Transaction(conn)
                    yield tx
                    if tx.changed:  # a no-op (a duplicate, an unknown id) keeps caches valid
                        conn.execute(text(
                            "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'"
                        ))
        except (SQLAlchemyError, sqlite3.DatabaseError) as exc:
            raise self._fail(exc, "writing to") from None

    def _write_options(self) -> dict[str, Any]:
        """A write transaction: SQLite's BEGIN IMMEDIATE (see ``_sqlite_engine``); on PostgreSQL
        read committed whatever the server's default, so each statement after the lock sees what
        the writer before it committed (a duplicate text is then found, not inserted twice)."""
        if self.is_postgres:
            return {"isolation_level": "READ COMMITTED"}
        return {"stance_write": True}

    def _lock(self, conn: Connection) -> None:
        """PostgreSQL: queue behind any other writer of this corpus (its schema) until commit, as
        SQLite's BEGIN IMMEDIATE does; readers are never blocked."""
        if self.is_postgres:
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(current_schema()))"))

    def _version(self, conn: Connection) -> int:
        if not self.is_postgres:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
        if conn.execute(text("SELECT to_regclass('stance_schema')")).scalar() is None:
            if conn.execute(text("SELECT to_regclass('articles')")).scalar() is not None:
                raise StoreError(f"{self.location}: has an 'articles' table but no schema version; it is not a Stance Tracker corpus")
            return 0
        return int(conn.execute(text("SELECT version FROM stance_schema")).scalar() or 0)

    def _set_version(self, conn: Connection, version: int) -> None:
        if not self.is_postgres:
            conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
            return
        conn.execute(text("CREATE TABLE IF NOT EXISTS stance_schema (version INTEGER NOT NULL)"))
        if conn.execute(text("UPDATE stance_schema SET version = :v"), {"v": version}).rowcount == 0:
            conn.execute(text("INSERT INTO stance_schema (version) VALUES (:v)"), {"v": version})

    def _migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION, once even when several processes open a new database
        together: the migration runs under the writers' lock and re-reads the version first."""
        for attempt in (1, 2):
            try:
                with self._engine.connect() as conn:
                    with conn.begin():
                        version = self._version(conn)
                    self._refuse_newer(version)
                    if version == SCHEMA_VERSION:
                        return
                    conn = conn.execution_options(**self._write_options())
                    with conn.begin():
                        self._lock(conn)
                        # Re-read under the lock: another process may have migrated meanwhile.
                        version = self._version(conn)
                        self._refuse_newer(version)
                        for step in range(version, SCHEMA_VERSION):
                            for sql in migration_statements(step, self.engine_name):
                                conn.exec_driver_sql(sql)
                            self._set_version(conn, step + 1)
                return
            except (SQLAlchemyError, sqlite3.DatabaseError) as exc:
                if self.is_postgres and attempt == 1:
                    # PostgreSQL looks tables up in a catalog cache that a transaction refreshes when
                    # it starts, not when an advisory lock is granted: a process that waited while
                    # another migrated may not see the new tables and fail on "already exists". A
                    # new transaction sees them (and finds nothing left to do).
                    continue
                if self.is_postgres:
                    raise StoreError(f"cannot use the corpus database {self.location}: {_first_line(exc)}") from None
                raise self._fail(exc, "opening") from None

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.location} was written by a newer version of Stance Tracker (schema {version}, "
                f"this one knows {SCHEMA_VERSION}); update the program or use another STANCE_DB"
            )

    # --- meta --------------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self._read() as conn:
            return self._version(conn)

    def revision(self) -> int:
        """A number that grows with every committed write: part of the dashboard's cache key."""
        rows = self._query("SELECT value FROM meta WHERE key = 'revision'")
        return int(rows[0][0]) if rows else 0

    def get_meta(self, key: str, default: str = "") -> str:
        rows = self._query("SELECT value FROM meta WHERE key = :key", {"key": key})
        return rows[0][0] if rows else default

    def add_to_counter(self, key: str, n: int = 1) -> None:
        """Add ``n`` to the counter ``key`` in meta (e.g. ``articles_analysed``: how many article
        analyses this corpus has run, which shows that no visitor repeats another's)."""
        with self.transaction() as tx:
            tx.execute("INSERT INTO meta (key, value) VALUES (:key, '0') ON CONFLICT (key) DO NOTHING", {"key": key})
            tx.execute("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + :n AS TEXT) WHERE key = :key",
                       {"n": int(n), "key": key})

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                {"key": key, "value": value},
            )

    # --- articles ----------------------------------------------------------------------------

    def add_article(self, article: Article) -> tuple[str, bool]:
        """Store an article; returns ``(id, True)``, or ``(existing id, False)`` when the same text
        is already stored. The id is made unique by a numeric suffix when taken."""
        digest = article.content_hash or content_hash(article.text)
        base = slugify(article.article_id or article.title or "article")
        with self.transaction() as tx:
            row = tx.execute("SELECT id, deleted_at FROM articles WHERE content_hash = :h", {"h": digest}).first()
            if row and row[1]:  # the same text was deleted: adding it again restores it
                tx.execute("UPDATE articles SET deleted_at = '', deleted_by = '' WHERE id = :id", {"id": row[0]})
                return row[0], True
            if row:
                return row[0], False
            article_id = _free_id(tx, base)
            tx.execute(
                "INSERT INTO articles (id, content_hash, title, outlet, date, date_note, url, origin, text, words, added_at)"
                " VALUES (:id, :content_hash, :title, :outlet, :date, :date_note, :url, :origin, :text, :words, :added_at)",
                {
                    "id": article_id,
                    "content_hash": digest,
                    "title": article.title.strip(),
                    "outlet": article.outlet.strip(),
                    "date": article.date.strip(),
                    "date_note": article.date_note.strip(),
                    "url": article.url.strip(),
                    "origin": article.origin,
                    "text": article.text,
                    "words": article.words or word_count(article.text),
                    "added_at": article.added_at or _now(),
                },
            )
        return article_id, True

    def update_metadata(self, article_id: str, **fields: str) -> None:
        allowed = {k: v for k, v in fields.items() if k in ("title", "outlet", "date", "date_note", "url")}
        if not allowed:
            return
        with self.transaction() as tx:
            sets = ", ".join(f"{k} = :{k}" for k in allowed)
            cur = tx.execute(f"UPDATE articles SET {sets} WHERE id = :article_id AND deleted_at = ''",
                             {**allowed, "article_id": article_id})
            if cur.rowcount == 0:
                raise StoreError(f"no article with the id '{article_id}' in the corpus")

    def delete_article(self, article_id: str, by: str = "") -> bool:
        """Hide an article from every table and page (a soft delete: ``restore_article`` undoes
        it); its text, cached results and reviews are kept, so the audit trail is never lost.
        False when there is no such (visible) article."""
        with self.transaction() as tx:
            cur = tx.execute(
                "UPDATE articles SET deleted_at = :at, deleted_by = :by WHERE id = :id AND deleted_at = ''",
                {"at": _now(), "by": by.strip()[:200], "id": article_id},
            )
        return cur.rowcount > 0

    def restore_article(self, article_id: str) -> bool:
        """Undo ``delete_article``; False when there is no such deleted article."""
        with self.transaction() as tx:
            cur = tx.execute(
                "UPDATE articles SET deleted_at = '', deleted_by = '' WHERE id = :id AND deleted_at != ''", {"id": article_id}
            )
        return cur.rowcount > 0

    def deleted_table(self) -> pd.DataFrame:
        """The deleted articles, newest deletion first: id, title, outlet, date, deleted_at, deleted_by."""
        return self._frame(
            "SELECT id, title, outlet, date, deleted_at, deleted_by FROM articles WHERE deleted_at != ''"
            " ORDER BY deleted_at DESC, rowid DESC"
        )

    def count(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM articles WHERE deleted_at = ''")[0][0])

    def get_article(self, article_id: str) -> Article | None:
        """A visible article (None when there is none or it was deleted)."""
        rows = self._query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = :id AND deleted_at = ''", {"id": article_id})
        return _stored(rows[0]) if rows else None

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles with their text, oldest import first (all, or those with the given ids)."""
        if ids is None:
            rows = self._query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE deleted_at = '' ORDER BY added_at, rowid")
        else:
            wanted = list(dict.fromkeys(ids))
            query = text(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE deleted_at = '' AND id IN :ids ORDER BY added_at, rowid"
            ).bindparams(bindparam("ids", expanding=True))
            rows = []
            with self._read() as conn:
                for i in range(0, len(wanted), 500):
                    rows += conn.execute(query, {"ids": wanted[i : i + 500]}).fetchall()
            if len(wanted) > 500:  # chunks are each in order; the whole is put back in import order
                order = {r[0]: n for n, r in enumerate(self._query(
                    "SELECT id FROM articles WHERE deleted_at = '' ORDER BY added_at, rowid"))}
                rows.sort(key=lambda r: order.get(r._mapping["id"], 0))
        yield from (_stored(row) for row in rows)

    def article_table(self, pipeline_key: str = "", codebook_hash: str = "") -> pd.DataFrame:
        """One row per stored article (no text): id, title, outlet, date, words, statements, ...

        ``statements`` counts the stance rows of the extraction made with the given keys, and is
        -1 for an article not (yet) extracted with them."""
        return self._frame(
            "SELECT a.id, a.title, a.outlet, a.date, a.date_note, a.url, a.origin, a.words, a.added_at,"
            " a.content_hash, COALESCE(e.statements, -1) AS statements FROM articles a"
            " LEFT JOIN extractions e ON e.content_hash = a.content_hash AND e.pipeline_key = :p AND e.codebook_hash = :c"
            " WHERE a.deleted_at = '' ORDER BY a.added_at, a.rowid",
            {"p": pipeline_key, "c": codebook_hash},
        )

    # --- extraction cache --------------------------------------------------------------------

    def missing_extractions(self, pipeline_key: str, codebook_hash: str) -> list[str]:
        """Ids of the articles with no cached result for these keys."""
        rows = self._query(
            "SELECT a.id FROM articles a WHERE a.deleted_at = '' AND NOT EXISTS (SELECT 1 FROM extractions e WHERE"
            " e.content_hash = a.content_hash AND e.pipeline_key = :p AND e.codebook_hash = :c)"
            " ORDER BY a.added_at, a.rowid",
            {"p": pipeline_key, "c": codebook_hash},
        )
        return [r[0] for r in rows]

    def save_extraction(self, digest: str, pipeline_key: str, codebook_hash: str, rows: ExtractionRows) -> None:
        """Cache one article's result rows (``{"stances": [...], "quotes": [...], ...}``)."""
        payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO extractions (content_hash, pipeline_key, codebook_hash, statements, rows, created_at)"
                " VALUES (:h, :p, :c, :n, :rows, :at) ON CONFLICT (content_hash, pipeline_key, codebook_hash)"
                " DO UPDATE SET statements = excluded.statements, rows = excluded.rows, created_at = excluded.created_at",
                {"h": digest, "p": pipeline_key, "c": codebook_hash, "n": len(rows.get("stances", [])),
                 "rows": payload, "at": _now()},
            )

    def other_extractions(self, content_hash: str, pipeline_key: str, codebook_hash: str) -> list[tuple[str, ExtractionRows]]:
        """``(codebook hash, rows)`` of one article's cached results made with the same pipeline
        but another codebook, newest first (a codebook edit can reuse them, see core.corpus.corpus)."""
        found = self._query(
            "SELECT codebook_hash, rows FROM extractions WHERE content_hash = :h AND pipeline_key = :p"
            " AND codebook_hash != :c ORDER BY created_at DESC, rowid DESC",
            {"h": content_hash, "p": pipeline_key, "c": codebook_hash},
        )
        return [(digest, json.loads(payload)) for digest, payload in found]

    def load_extractions(self, pipeline_key: str, codebook_hash: str) -> list[tuple[str, ExtractionRows]]:
        """``(article id, rows)`` for every article extracted with these keys, in import order."""
        found = self._query(
            "SELECT a.id, e.rows FROM articles a JOIN extractions e ON e.content_hash = a.content_hash"
            " WHERE a.deleted_at = '' AND e.pipeline_key = :p AND e.codebook_hash = :c ORDER BY a.added_at, a.rowid",
            {"p": pipeline_key, "c": codebook_hash},
        )
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
        with self.transaction() as tx:
            row = tx.execute("SELECT content_hash FROM articles WHERE id = :id AND deleted_at = ''", {"id": article_id}).first()
            if not row:
                raise StoreError(f"no article with the id '{article_id}' in the corpus")
            # RETURNING needs SQLite 3.35; some Pythons still ship an older SQLite
            result = tx.execute(
                f"INSERT INTO reviews ({', '.join(REVIEW_COLUMNS[1:])}) VALUES ({', '.join(':' + c for c in REVIEW_COLUMNS[1:])})"
                + (" RETURNING id" if self.is_postgres else ""),
                {
                    "article_id": article_id,
                    "content_hash": row[0],
                    "action": action,
                    "start_char": int(start_char),
                    "end_char": int(end_char),
                    "original_actor": original_actor,
                    "original_issue": original_issue,
                    "original_stance": original_stance,
                    "original_values": _json(original_values),
                    "new_values": _json(new_values),
                    "reviewer": reviewer.strip(),
                    "note": note.strip(),
                    "created_at": _now(),
                },
            )
            new_id = result.scalar_one() if self.is_postgres else result.lastrowid
            if new_id is None:  # never after an INSERT; kept for the type checker
                raise StoreError(f"{self.location}: the review was not stored")
            tx.changed = True
            return int(new_id)

    def reviews(self, article_id: str | None = None) -> pd.DataFrame:
        """The review history (REVIEW_COLUMNS), oldest first: of one article, or of all."""
        query = f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews"
        params: dict[str, str] = {}
        if article_id is not None:
            query, params = query + " WHERE article_id = :id", {"id": article_id}
        return self._frame(query + " ORDER BY id", params)

    # --- backup and restore (the file format is core.corpus.backup's) --------------------------

    def backup_records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every row a backup holds, as ``(table, row)``: articles (deleted ones too, with their
        marker), extractions, reviews (with their ids, oldest first) and meta (not the revision
        counter, which belongs to this database's caches). Read in one transaction (PostgreSQL:
        repeatable read), so the rows are one consistent snapshot even while another process writes."""
        with self._read() as conn:
            for table, query in BACKUP_QUERIES:
                rows: Iterator[dict[str, Any]] = (dict(row._mapping) for row in conn.execute(text(query)))
                if table == "meta":
                    rows = iter(sorted(rows, key=lambda row: row["key"]))
                for row in rows:
                    yield table, row

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
        with self.transaction() as tx:
            if replace:
                for table in ("articles", "extractions", "reviews"):
                    tx.execute(f"DELETE FROM {table}")
                tx.execute("DELETE FROM meta WHERE key != 'revision'")
            ids: dict[str, str] = {}  # backup article id -> id in this corpus
            article_insert = (f"INSERT INTO articles ({', '.join(BACKUP_ARTICLE_COLUMNS)})"
                              f" VALUES ({', '.join(':' + c for c in BACKUP_ARTICLE_COLUMNS)})")
            for row in records.get("articles", []):
                found = tx.execute("SELECT id FROM articles WHERE content_hash = :h", {"h": row["content_hash"]}).first()
                if found:
                    ids[row["id"]] = found[0]
                    counts["articles_present"] += 1
                    continue
                article_id = _free_id(tx, row["id"])
                ids[row["id"]] = article_id
                tx.execute(article_insert, {**{c: row[c] for c in BACKUP_ARTICLE_COLUMNS}, "id": article_id})
                counts["articles"] += 1
            for row in records.get("extractions", []):
                cur = tx.execute(
                    f"INSERT INTO extractions ({', '.join(BACKUP_EXTRACTION_COLUMNS)})"
                    f" VALUES ({', '.join(':' + c for c in BACKUP_EXTRACTION_COLUMNS)})"
                    " ON CONFLICT (content_hash, pipeline_key, codebook_hash) DO NOTHING",
                    {c: row[c] for c in BACKUP_EXTRACTION_COLUMNS},
                )
                counts["extractions"] += max(cur.rowcount, 0)
            same = " AND ".join(f"{c} = :{c}" for c in REVIEW_COLUMNS[1:])  # every column but the id
            for row in records.get("reviews", []):
                values = {c: row[c] for c in REVIEW_COLUMNS}
                values["article_id"] = ids.get(row["article_id"], row["article_id"])
                if not replace and tx.execute(f"SELECT 1 FROM reviews WHERE {same}", values).first():
                    counts["reviews_present"] += 1
                    continue
                columns = REVIEW_COLUMNS if replace else REVIEW_COLUMNS[1:]
                tx.execute(f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})",
                           {c: values[c] for c in columns})
                counts["reviews"] += 1
            if replace and self.is_postgres:
                # ids were written explicitly: the identity sequence continues after the largest
                tx.execute("SELECT setval(pg_get_serial_sequence('reviews', 'id'), COALESCE(MAX(id), 0) + 1, false)"
                           " FROM reviews")
            for row in records.get("meta", []):
                if row["key"] == "revision":
                    continue
                if row["key"] == "codebook_yaml":  # the saved codebook: an empty one is filled
                    cur = tx.execute("UPDATE meta SET value = :value WHERE key = :key AND value = ''",
                                     {"value": row["value"], "key": row["key"]})
                    counts["meta"] += cur.rowcount
                cur = tx.execute("INSERT INTO meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING",
                                 {"key": row["key"], "value": row["value"]})
                counts["meta"] += max(cur.rowcount, 0)
        return counts


# The article columns read back into an Article (PostgreSQL's rowid column is not one of them).
ARTICLE_COLUMNS = "id, content_hash, title, outlet, date, date_note, url, origin, text, words, added_at"


def _free_id(tx: Transaction, base: str) -> str:
    """``base``, or ``base_2``, ``base_3``... : the first id no article has."""
    article_id, n = base, 1
    while tx.execute("SELECT 1 FROM articles WHERE id = :id", {"id": article_id}).first():
        n += 1
        article_id = f"{base}_{n}"
    return article_id


def _use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch the file to write-ahead logging (once: the mode is kept in the file). SQLite
    answers "database is locked" to the switch without waiting when other connections are
    opening a new file at the same moment, so the switch is retried until the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _first_line(exc: BaseException) -> str:
    return (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [""])[0][:200]


def _json(values: Mapping[str, object] | None) -> str:
    """A JSON object of ``values`` (numpy scalars as Python numbers, NaN as null)."""

    def plain(value: object) -> object:
        if hasattr(value, "item"):
            value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
        return value

    return json.dumps({str(k): plain(v) for k, v in (values or {}).items()}, ensure_ascii=False, sort_keys=True)


def _stored(row: Any) -> Article:
    values = row._mapping
    return Article(
        article_id=values["id"],
        text=values["text"],
        title=values["title"],
        outlet=values["outlet"],
        date=values["date"],
        date_note=values["date_note"],
        url=values["url"],
        origin=values["origin"],
        words=values["words"],
        added_at=values["added_at"],
        content_hash=values["content_hash"],
    )
