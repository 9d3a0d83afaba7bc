"""Where the dashboard's inputs live, and what any viewer may be told.

Settings come from the environment, else from ``.streamlit/secrets.toml`` (``core.settings`` reads
both; this module only hands it Streamlit's secrets). Messages for viewers are cut to one line and
never name a path of this server.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from core import settings
from core.corpus.store import StoreError
from core.extraction.nlp import ModelNotFoundError
from core.ingest.text import ArticleError
from core.knowledge.files import KnowledgeError
from core.views.render import one_line

APP_DIR = Path(__file__).resolve().parent.parent  # the folder of app.py


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


def db_file() -> Path:
    """``$STANCE_DB``, else ``STANCE_DB`` from Streamlit secrets, else the default file."""
    return settings.db_path(secrets())


def safe_message(text: object) -> str:
    """A message fit for any viewer: one line, at most MAX_MESSAGE_CHARS (never a huge input echoed
    back), and no path of this server (the corpus file becomes "the corpus file")."""
    line = " ".join(str(text).split())  # paths are replaced before the line is cut
    for path, name in ((db_file(), "the corpus file"), (db_file().parent, "the corpus folder"),
                       (APP_DIR, "the app folder")):
        for spelling in {str(path), str(Path(path).resolve())}:
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
