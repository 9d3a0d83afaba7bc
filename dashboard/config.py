"""Where the dashboard's inputs live, and what any viewer may be told.

Settings come from the environment, else from ``.streamlit/secrets.toml`` (``core.settings`` reads
both; this module only hands it Streamlit's secrets). Messages for viewers are cut to one line and
never name a path of this server.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from core import settings
from core.corpus.store import StoreError, is_database_url
from core.extraction.nlp import ModelNotFoundError
from core.ingest.text import ArticleError
from core.knowledge.files import KnowledgeError
from core.views.render import one_line

APP_DIR = Path(__file__).resolve().parent.parent  # the folder of app.py
CONNECTION_NAME = "stance"  # the [connections.stance] section of the secrets (Streamlit's SQL connection format)


def secrets():
    """Streamlit's secrets, or None when there is no secrets.toml (the normal local case)."""
    try:
        return st.secrets
    except Exception:
        return None


def setting(name: str) -> str:
    """A setting from the environment, else from Streamlit secrets ('' when neither has it)."""
    return settings.setting(name, secrets())


def articles_folder() -> Path:
    """The folder whose article files seed a new corpus."""
    return settings.articles_folder()


def codebook_file() -> Path:
    """The codebook file (used unless a codebook is saved in the corpus)."""
    return settings.codebook_path()


def db_location() -> str:
    """Where the corpus lives: ``STANCE_DB`` (environment, then secrets: a file path or a
    ``postgresql://`` URL), else the ``[connections.stance]`` section of the secrets (the format of
    Streamlit's SQL connection, ``st.connection("stance", type="sql")``), else the default file."""
    if setting(settings.DB_ENV).strip():
        return str(settings.db_location(secrets()))
    url = _stance_connection_url()
    return url or str(settings.DEFAULT_DB)


def _stance_connection_url() -> str:
    """The URL the ``[connections.stance]`` section describes, else ''.

    The section is read as Streamlit's SQLConnection reads it: ``url = "postgresql://..."``, or
    ``dialect``, ``driver``, ``username``, ``password``, ``host``, ``port``, ``database``, ``query``.
    The URL is built here rather than by ``st.connection`` because that creates an engine with the
    dialect's default driver (psycopg2, not installed) for a plain ``postgresql://``; the store reads
    every PostgreSQL URL with psycopg 3 (core.corpus.store.postgres_url)."""
    configured = secrets()
    try:
        section = dict(configured.get("connections", {}).get(CONNECTION_NAME, {})) if configured is not None else {}
    except Exception:  # an unreadable secrets file is the same as none
        section = {}
    if not section:
        return ""
    try:
        if section.get("url"):
            return str(section["url"])
        dialect = str(section["dialect"])
        driver = str(section.get("driver") or "")
        port = section.get("port")
        url = URL.create(
            drivername=f"{dialect}+{driver}" if driver else dialect,
            username=section.get("username"),
            password=section.get("password"),
            host=section.get("host"),
            port=int(port) if port not in (None, "") else None,
            database=section.get("database"),
            query=dict(section.get("query") or {}),
        )
        return url.render_as_string(hide_password=False)
    except (KeyError, TypeError, ValueError) as exc:  # say what is wrong, never echo the password
        raise StoreError(f"the [connections.{CONNECTION_NAME}] section of the secrets does not describe a database: "
                         f"give url = \"postgresql://...\" or dialect, host, username, password and database "
                         f"({type(exc).__name__})") from None


def safe_message(text: object) -> str:
    """A message fit for any viewer: one line, at most MAX_MESSAGE_CHARS (never a huge input echoed
    back), and no path of this server (the corpus file becomes "the corpus file") nor a database
    password."""
    line = " ".join(str(text).split())  # paths are replaced before the line is cut
    try:
        location = db_location()
    except StoreError:
        location = str(settings.DEFAULT_DB)
    replacements: list[tuple[str, str]] = []  # longest first: the corpus file before its folder
    if is_database_url(location):
        replacements.append((location, "the corpus database"))
        try:
            url = make_url(location)
        except (ArgumentError, ValueError):  # a URL the store refuses anyway: hide what follows "user:"
            url = None
            replacements.append((location.split("://", 1)[-1], "the corpus database"))
        if url is not None:
            replacements.append((url.render_as_string(hide_password=True), "the corpus database"))
            if url.password and len(str(url.password)) >= 4:
                replacements.append((str(url.password), "***"))
    else:
        path = Path(location)
        for spelling_of, name in ((path, "the corpus file"), (path.parent, "the corpus folder")):
            replacements += [(spelling, name) for spelling in {str(spelling_of), str(spelling_of.resolve())}]
    replacements += [(str(APP_DIR), "the app folder"), (str(APP_DIR.resolve()), "the app folder")]
    for spelling, name in replacements:
        line = line.replace(spelling, name)
    return one_line(line)


def user_message(exc: Exception) -> str:
    """One line for the user about a failed analysis; the traceback goes to the server log only."""
    if isinstance(exc, (ArticleError, KnowledgeError, ModelNotFoundError, StoreError)):  # written for the user
        return safe_message(exc)
    if isinstance(exc, NotImplementedError):
        return "The analysis pipeline is not available yet in this version, so there is nothing to show."
    if isinstance(exc, ImportError):
        return f"A part of the analysis could not be loaded ({exc}). Reinstall the project's requirements."
    first_line = safe_message((str(exc).splitlines() or [""])[0])
    return f"The analysis failed ({type(exc).__name__}: {first_line}). The details are in the server log."
