"""A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary folder, stopped and
deleted afterwards. Standard library only, so .ci/run can use it before any package is installed.

The cluster uses Debian's binaries (the newest /usr/lib/postgresql/<version>/bin, else
``pg_config --bindir``, else whatever ``initdb`` is on PATH). It listens on 127.0.0.1 on a free port
and on a unix socket in its folder, trusts every local connection (superuser ``postgres``, no
password) and runs with fsync off. initdb and postgres refuse to run as root: when this process is
root they run as the ``postgres`` system user (``runuser -u postgres --``), who then owns the folder.

In Python::

    server = start()      # Server(url="postgresql+psycopg://postgres@127.0.0.1:PORT/postgres", ...)
    ...
    server.stop()         # stops the server and deletes its folder

As a script (what .ci/run does)::

    python tests/postgres_server.py start --dir D    # prints the URL; the server keeps running
    python tests/postgres_server.py stop --dir D     # stops it and deletes D
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BINARIES = ("initdb", "pg_ctl", "pg_isready", "postgres")
STATE_FILE = "server.json"  # in the folder: what `stop` needs (binaries, user)
SYSTEM_USER = "postgres"  # who runs the server when we are root
DB_USER = "postgres"  # the cluster's superuser, whoever runs it
START_TIMEOUT_S = 60
INSTALL_HINT = "install Debian's `postgresql` package (apt-get install -y postgresql)"
# A unix socket path (folder + "/.s.PGSQL.NNNNN") must fit in sun_path (108 bytes on Linux).
MAX_SOCKET_DIR = 107 - len("/.s.PGSQL.65535")


class PostgresError(RuntimeError):
    """The server could not be found, started or stopped (the message says why)."""


@dataclass
class Server:
    directory: Path  # holds data/ (the cluster), server.log and the unix socket
    port: int
    bindir: Path
    run_as: str | None = None  # the system user running the cluster when we are root

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the ``postgres`` database over TCP."""
        return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{self.port}/postgres"

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def log(self) -> Path:
        return self.directory / "server.log"

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder."""
        stop_cluster(self.directory, self.bindir, self.run_as)
        shutil.rmtree(self.directory, ignore_errors=True)


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path.name)) or (-1,)


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl, pg_isready and postgres, or None."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: _version_key(p.parent), reverse=True)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=30, check=True).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out:
            candidates.append(Path(out))
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for bindir in candidates:
        if all((bindir / name).is_file() for name in BINARIES):
            return bindir
    return None


def missing_reason() -> str | None:
    """Why no server can be started here (None when the binaries and, as root, the user exist)."""
    if find_bindir() is None:
        return f"PostgreSQL not installed (no initdb, pg_ctl, pg_isready and postgres found): {INSTALL_HINT}"
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            return "running as root, and `runuser` (util-linux) is missing to run PostgreSQL as another user"
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return f"running as root, and there is no `{SYSTEM_USER}` system user to run PostgreSQL as ({INSTALL_HINT})"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(command: list[str], run_as: str | None, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    if run_as:
        command = ["runuser", "-u", run_as, "--", *command]
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PostgresError(f"`{' '.join(command)}` did not finish within {timeout:.0f} s") from exc


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no server log)"
    return "\n".join(text.splitlines()[-lines:]) or "(empty server log)"


def _hand_over(directory: Path, user: str) -> None:
    """Make ``directory`` the system user's, and check that user can reach it."""
    entry = pwd.getpwnam(user)
    for path in [directory, *directory.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid)
    check = subprocess.run(["runuser", "-u", user, "--", "test", "-w", str(directory)], capture_output=True, timeout=30, check=False)
    if check.returncode != 0:
        raise PostgresError(
            f"the `{user}` user cannot write to {directory}: a folder above it is closed to other users (such as a 0700 temporary folder); "
            "use a folder of its own that they can reach, e.g. from `mktemp -d`"
        )


def start(directory: str | Path | None = None, *, timeout: float = START_TIMEOUT_S) -> Server:
    """Create a cluster in ``directory`` (a new temporary folder by default; created if missing,
    must not hold a cluster yet), start it and wait until it accepts connections."""
    reason = missing_reason()
    if reason:
        raise PostgresError(reason)
    bindir = find_bindir()
    assert bindir is not None
    run_as = SYSTEM_USER if os.geteuid() == 0 else None
    if directory is None:
        folder = Path(tempfile.mkdtemp(prefix="stance-pg-"))
    else:
        folder = Path(directory).resolve()
        folder.mkdir(parents=True, exist_ok=True)
    if (folder / "data").exists():
        raise PostgresError(f"{folder} already holds a cluster (stop it first: postgres_server.py stop --dir {folder})")
    if len(str(folder)) > MAX_SOCKET_DIR:
        raise PostgresError(f"{folder} is too long a path for the server's unix socket (at most {MAX_SOCKET_DIR} characters)")
    (folder / STATE_FILE).write_text(json.dumps({"bindir": str(bindir), "run_as": run_as}))
    if run_as:
        _hand_over(folder, run_as)
    server = Server(folder, 0, bindir, run_as)
    try:
        _init_and_start(server, timeout)
    except BaseException:
        stop_cluster(folder, bindir, run_as)
        if directory is None:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


def _init_and_start(server: Server, timeout: float) -> None:
    folder, bindir, run_as = server.directory, server.bindir, server.run_as
    init = _run(
        [str(bindir / "initdb"), "-D", str(server.data), "-U", DB_USER, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"],
        run_as, folder, timeout,
    )
    if init.returncode != 0:
        raise PostgresError(f"initdb failed (exit {init.returncode}):\n{(init.stdout + init.stderr)[-3000:]}")
    for attempt in range(3):  # another process may take the free port between choosing and binding it
        server.port = free_port()
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(server.port),
            "unix_socket_directories": str(folder),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        # Later lines win in postgresql.conf; the file stays the cluster owner's (appending keeps it).
        with open(server.data / "postgresql.conf", "a") as conf:
            conf.write("\n# tests/postgres_server.py\n" + "".join(f"{key} = '{value}'\n" for key, value in settings.items()))
        started = _run(
            [str(bindir / "pg_ctl"), "-D", str(server.data), "-l", str(server.log), "-w", "-t", str(int(timeout)), "start"],
            run_as, folder, timeout + 30,
        )
        if started.returncode == 0:
            break
        if "already in use" in _tail(server.log) and attempt < 2:
            continue
        raise PostgresError(
            f"PostgreSQL did not start (pg_ctl exit {started.returncode}): {(started.stdout + started.stderr).strip()[-1000:]}\n"
            f"end of {server.log}:\n{_tail(server.log)}"
        )
    deadline = time.monotonic() + timeout
    while True:
        ready = subprocess.run(
            [str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(server.port), "-U", DB_USER, "-d", "postgres"],
            capture_output=True, timeout=30, check=False,
        )
        if ready.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise PostgresError(f"PostgreSQL started but is not ready on 127.0.0.1:{server.port} after {timeout:.0f} s\n"
                                f"end of {server.log}:\n{_tail(server.log)}")
        time.sleep(0.1)


def stop_cluster(directory: Path, bindir: Path, run_as: str | None) -> None:
    """Stop the cluster in ``directory`` if it runs (the folder stays)."""
    data = directory / "data"
    if not (data / "postmaster.pid").exists():
        return
    stopped = _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "60", "stop"], run_as, directory, 90)
    if stopped.returncode != 0 and (data / "postmaster.pid").exists():
        raise PostgresError(f"pg_ctl stop failed (exit {stopped.returncode}): {(stopped.stdout + stopped.stderr).strip()}")


def stop(directory: str | Path) -> None:
    """Stop the server started in ``directory`` (by :func:`start` or this script) and delete the folder."""
    folder = Path(directory).resolve()
    if not folder.exists():
        return
    try:
        state = json.loads((folder / STATE_FILE).read_text())
    except (OSError, ValueError):
        state = None
    if state:
        stop_cluster(folder, Path(state["bindir"]), state.get("run_as"))
    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--dir", required=True, help="the server's folder (created by start, deleted by stop)")
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            print(start(args.dir).url)
        else:
            stop(args.dir)
    except PostgresError as exc:
        print(f"postgres_server.py {args.action}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
