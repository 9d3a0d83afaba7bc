"""The PostgreSQL test fixtures (tests/conftest.py) and the throwaway server script .ci/run uses
(tests/postgres_server.py): each test gets a schema of its own, every connection of its URL uses it,
the schema is gone afterwards, and the script's start/stop round trip leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests import postgres_server as pg
from tests.conftest import ROOT, libpq_url, no_postgres, with_search_path

try:
    import psycopg
    import sqlalchemy
except ImportError as exc:  # requirements-dev.txt has both; CI must not skip
    if os.environ.get("CI"):
        raise
    pytest.skip(f"{exc.name} is not installed: pip install -r requirements-dev.txt", allow_module_level=True)

SCHEMAS_SEEN: list[str] = []  # the schemas of earlier runs of test_each_test_has_a_schema_of_its_own


def _search_path(url: str) -> str:
    return dict(sqlalchemy.engine.make_url(url).query)["options"].removeprefix("-csearch_path=")


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_has_a_schema_of_its_own(postgres_url, run):
    engine = sqlalchemy.create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            # Without IF NOT EXISTS: the second run fails if it sees the first run's table.
            conn.exec_driver_sql("CREATE TABLE marker (run integer)")
            conn.exec_driver_sql("INSERT INTO marker VALUES (%s)", (run,))
            assert conn.exec_driver_sql("SELECT run FROM marker").scalars().all() == [run]
            schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
            dropped = [name for name in SCHEMAS_SEEN
                       if conn.exec_driver_sql("SELECT 1 FROM pg_namespace WHERE nspname = %s", (name,)).first() is None]
    finally:
        engine.dispose()
    assert schema == _search_path(postgres_url)
    assert dropped == SCHEMAS_SEEN  # earlier tests' schemas were dropped
    assert schema not in SCHEMAS_SEEN
    SCHEMAS_SEEN.append(schema)


def test_every_connection_uses_the_schema(postgres_url):
    schema = _search_path(postgres_url)
    assert schema.startswith("t_")
    assert "?options=-csearch_path%3Dt_" in postgres_url
    engine = sqlalchemy.create_engine(postgres_url, pool_size=2)
    try:
        with engine.connect() as first, engine.connect() as second:  # two pooled connections
            for conn in (first, second):
                assert conn.exec_driver_sql("SHOW search_path").scalar_one() == schema
            first.exec_driver_sql("CREATE TABLE items (x integer)")
            first.commit()
            where = second.exec_driver_sql("SELECT table_schema FROM information_schema.tables WHERE table_name = 'items'")
            assert where.scalars().all() == [schema]
    finally:
        engine.dispose()
    with psycopg.connect(libpq_url(postgres_url)) as conn:  # psycopg itself reads options too
        assert conn.execute("SHOW search_path").fetchone() == (schema,)


def test_a_connection_left_in_a_transaction_does_not_block_the_drop(postgres_server):
    """The teardown of ``postgres_url`` drops the schema even if a test leaked an open transaction."""
    from tests.conftest import _drop_schema

    schema = "t_leak_" + os.urandom(4).hex()
    with psycopg.connect(libpq_url(postgres_server), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        leaked = psycopg.connect(libpq_url(with_search_path(postgres_server, schema)))
        leaked.execute("CREATE TABLE held (x integer)")
        leaked.commit()
        leaked.execute("SELECT * FROM held")  # an open transaction holding a lock on the table
        _drop_schema(admin, schema)
        assert admin.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema]).fetchone() is None
    leaked.close()


def test_with_search_path_keeps_other_query_parameters():
    url = with_search_path("postgresql+psycopg://u@h:5/db?sslmode=disable&options=-cstatement_timeout%3D5000", "t_x")
    query = dict(sqlalchemy.engine.make_url(url).query)
    assert query == {"sslmode": "disable", "options": "-cstatement_timeout=5000 -csearch_path=t_x"}
    assert libpq_url(url).startswith("postgresql://u@h:5/db?")


def test_corpus_location(corpus_location, tmp_path, request):
    if request.node.callspec.id == "sqlite":
        assert corpus_location == tmp_path / "corpus.sqlite3"
        assert isinstance(corpus_location, Path) and not corpus_location.exists()
    else:
        assert request.node.callspec.id == "postgresql"
        assert isinstance(corpus_location, str) and corpus_location.startswith("postgresql")
        engine = sqlalchemy.create_engine(corpus_location)
        try:
            with engine.connect() as conn:
                assert conn.exec_driver_sql("SHOW search_path").scalar_one() == _search_path(corpus_location)
                assert conn.exec_driver_sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").scalar_one() == 0
        finally:
            engine.dispose()


def test_script_start_and_stop_round_trip():
    """What .ci/run does: start a server in a folder, use its URL, stop it; the folder is gone."""
    reason = pg.missing_reason()
    if reason:
        no_postgres(reason)
    script = ROOT / "tests" / "postgres_server.py"
    # Like .ci/run's `mktemp -d`; not in tmp_path: as root the server runs as `postgres`, who cannot enter pytest's 0700 folders.
    folder = Path(tempfile.mkdtemp(prefix="stance-pg-test-"))
    try:
        started = subprocess.run([sys.executable, str(script), "start", "--dir", str(folder)], capture_output=True, text=True, timeout=120, check=False)
        assert started.returncode == 0, started.stderr
        url = started.stdout.strip()
        assert url.startswith("postgresql+psycopg://postgres@127.0.0.1:") and url.endswith("/postgres")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        with psycopg.connect(libpq_url(url), autocommit=True) as conn:
            assert conn.execute("SELECT current_setting('fsync'), current_user").fetchone() == ("off", "postgres")
        with psycopg.connect(host=str(folder), port=port, user="postgres", dbname="postgres") as conn:  # the unix socket
            assert conn.execute("SELECT 1").fetchone() == (1,)
        again = subprocess.run([sys.executable, str(script), "start", "--dir", str(folder)], capture_output=True, text=True, timeout=120, check=False)
        assert again.returncode == 1 and "already holds a cluster" in again.stderr
    finally:
        stopped = subprocess.run([sys.executable, str(script), "stop", "--dir", str(folder)], capture_output=True, text=True, timeout=120, check=False)
    assert stopped.returncode == 0, stopped.stderr
    assert not folder.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(libpq_url(url), connect_timeout=5)


def test_missing_binaries_are_named(monkeypatch, tmp_path):
    monkeypatch.setattr(pg, "find_bindir", lambda: None)
    with pytest.raises(pg.PostgresError, match="PostgreSQL not installed.*apt-get install -y postgresql"):
        pg.start(tmp_path / "server")
    assert not (tmp_path / "server").exists()
