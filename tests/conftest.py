"""Test setup lives in pyproject.toml: ``pythonpath`` makes ``core``, ``dashboard`` and ``tests`` importable.

PostgreSQL fixtures: ``postgres_server`` (session) is the URL of a server, ``$STANCE_TEST_POSTGRES`` when
set (.ci/run sets it), else a throwaway one started by tests/postgres_server.py for the session;
``postgres_url`` is that server with a fresh, empty schema for one test; ``corpus_location`` runs a
test once with a SQLite file and once with PostgreSQL. Without PostgreSQL the PostgreSQL runs skip
with the reason, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import pytest

from tests import postgres_server as pg

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ENV = "STANCE_TEST_POSTGRES"


def no_postgres(reason: str) -> None:
    """Skip the test for ``reason``, or fail it in CI (``CI`` set), which must run every PostgreSQL test."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI runs the PostgreSQL tests: .ci/run installs PostgreSQL and sets ${POSTGRES_ENV})")
    pytest.skip(reason if reason.startswith("PostgreSQL") else f"PostgreSQL not usable here: {reason}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """SQLAlchemy URL of a PostgreSQL server whose superuser may create schemas."""
    url = os.environ.get(POSTGRES_ENV)
    if url:
        yield url
        return
    reason = pg.missing_reason()
    if reason:
        no_postgres(reason)
    try:
        server = pg.start()
    except pg.PostgresError as exc:
        pytest.fail(f"could not start a throwaway PostgreSQL server: {exc}")
    try:
        yield server.url
    finally:
        server.stop()


def libpq_url(url: str) -> str:
    """``url`` as libpq/psycopg takes it (no ``+driver`` after the scheme)."""
    return re.sub(r"^postgres(?:ql)?(\+\w+)?://", "postgresql://", url)


def with_search_path(url: str, schema: str) -> str:
    """``url`` with ``options=-csearch_path=<schema>``, so every connection it opens uses ``schema``."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    options = [value for key, value in query if key == "options"]
    query = [(key, value) for key, value in query if key != "options"]
    query.append(("options", " ".join([*options, f"-csearch_path={schema}"])))
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote, safe="")))


def _drop_schema(conn, schema: str) -> None:
    """DROP SCHEMA ... CASCADE; connections a test left inside a transaction on the schema's tables
    would block it, so after a short wait those are terminated."""
    from psycopg import errors, sql

    drop = sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema))
    conn.execute("SET lock_timeout = '1s'")
    try:
        conn.execute(drop)
    except errors.LockNotAvailable:
        conn.execute(
            "SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND l.pid <> pg_backend_pid()",
            [schema],
        )
        conn.execute(drop)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A URL (``postgresql+psycopg://...?options=-csearch_path%3Dt_<random>``) whose connections all
    use a fresh, empty schema of their own, dropped with everything in it after the test."""
    try:
        import psycopg
        from psycopg import sql
    except ImportError:
        pytest.fail("psycopg is not installed: pip install -r requirements-dev.txt")
    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(libpq_url(postgres_server), autocommit=True, connect_timeout=30) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield with_search_path(postgres_server, schema)
    finally:
        from core.corpus.store import close_connections

        close_connections()  # the store's pool for this schema: one per test would pile up on the server
        with psycopg.connect(libpq_url(postgres_server), autocommit=True, connect_timeout=30) as conn:
            _drop_schema(conn, schema)


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def corpus_location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a test's corpus lives: a SQLite file path in ``tmp_path``, or a PostgreSQL URL
    (a fresh schema: see ``postgres_url``). The server is only asked for by the PostgreSQL run."""
    if request.param == "sqlite":
        return tmp_path / "corpus.sqlite3"
    return request.getfixturevalue("postgres_url")


def errors_in_threads(target: Callable[[int], object], arguments: Iterable[int]) -> list[BaseException]:
    """``target(argument)`` for every argument, each in a thread of its own, all at once (as
    separate sessions or processes would); what they raised."""
    errors: list[BaseException] = []

    def run(argument: int) -> None:
        try:
            target(argument)
        except BaseException as exc:  # noqa: BLE001 - returned to the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
