"""Every setting in one place: the environment variables the program reads and the default paths.

The CLI and the dashboard read settings through :func:`setting`: the environment first, then (for
the dashboard) Streamlit's secrets, passed in as a plain mapping so that ``core`` never imports
Streamlit. Paths default to files beside the code; nothing here touches the disk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "data"
GOLD_DIR = ROOT / "tests" / "gold"

DEFAULT_DB = DATA_DIR / "stance_tracker.sqlite3"
DEFAULT_CODEBOOK = SEEDS_DIR / "codebook.yaml"
DEFAULT_ACTORS = SEEDS_DIR / "actors.yaml"
DEFAULT_LEXICON = SEEDS_DIR / "lexicon.yaml"
DEFAULT_TITLES_FILE = SEEDS_DIR / "titles.yaml"
DEFAULT_PLACES = SEEDS_DIR / "places.yaml"
DEFAULT_WORDS = SEEDS_DIR / "words.yaml"
DEFAULT_SCORER = SEEDS_DIR / "stance_scorer.json"  # written by `python -m core train`

# Environment variables (also read from .streamlit/secrets.toml by the dashboard).
DB_ENV = "STANCE_DB"  # the corpus: a SQLite file path or a postgresql:// URL
MODEL_ENV = "STANCE_SPACY_MODEL"  # a spaCy pipeline name instead of en_core_web_sm
ARTICLES_DIR_ENV = "STANCE_TRACKER_ARTICLES"  # the folder that seeds a new corpus
CODEBOOK_ENV = "STANCE_TRACKER_CODEBOOK"  # the codebook a new corpus starts with
OPEN_EDITING_ENV = "STANCE_OPEN_EDITING"  # 1: every viewer edits (private deployments only)
EDITORS_ENV = "STANCE_EDITORS"  # e-mail addresses allowed to edit after st.login
PASSPHRASE_ENV = "STANCE_EDITOR_PASSPHRASE"  # the shared editor passphrase
LOCAL_EDITING_ENV = "STANCE_LOCAL_EDITING"  # 0: the local user is a reader too
EXTRACTOR_ENV = "STANCE_EXTRACTOR"  # "scorer" (candidates + learned scorer) or "rules" (rules only)
SCORER_ENV = "STANCE_SCORER"  # the trained scorer file instead of seeds/stance_scorer.json
EXTRACTORS = ("scorer", "rules")
# Which extractor runs when STANCE_EXTRACTOR is not set: the one that scored better on the test split
# (README, Accuracy).
DEFAULT_EXTRACTOR = "scorer"


def setting(name: str, secrets: Mapping[str, object] | None = None) -> str:
    """A setting from the environment, else from ``secrets`` ('' when neither has it); a list in
    the secrets becomes a comma-separated string."""
    if os.environ.get(name):
        return os.environ[name]
    try:
        value = secrets.get(name) if secrets is not None else None
    except Exception:  # Streamlit raises when there is no secrets.toml, the normal local case
        value = None
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ",".join(map(str, value))
    return str(value)


def db_location(secrets: Mapping[str, object] | None = None) -> Path | str:
    """Where the corpus lives: ``$STANCE_DB``, else the secret, else ``data/stance_tracker.sqlite3``.
    A file path (SQLite) is a Path; a URL (``postgresql://...``) stays a string."""
    configured = setting(DB_ENV, secrets).strip()
    if not configured:
        return DEFAULT_DB
    return configured if is_database_url(configured) else Path(configured)


def is_database_url(location: object) -> bool:
    """Whether a ``--db`` / ``STANCE_DB`` value is a URL (``scheme://...``) rather than a file path."""
    return isinstance(location, str) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", location))


def articles_folder() -> Path:
    """The folder whose article files seed a new corpus."""
    return Path(setting(ARTICLES_DIR_ENV) or SEEDS_DIR)


def codebook_path() -> Path:
    """The codebook a new corpus starts with."""
    return Path(setting(CODEBOOK_ENV) or DEFAULT_CODEBOOK)


def model_names(defaults: tuple[str, ...]) -> tuple[str, ...]:
    """The spaCy pipeline to load: ``$STANCE_SPACY_MODEL`` alone, else ``defaults`` in order."""
    name = setting(MODEL_ENV).strip()
    return (name,) if name else defaults


def extractor() -> str:
    """``$STANCE_EXTRACTOR`` when it names an extractor, else DEFAULT_EXTRACTOR."""
    name = setting(EXTRACTOR_ENV).strip().lower()
    return name if name in EXTRACTORS else DEFAULT_EXTRACTOR


def scorer_path() -> Path:
    """The trained stance scorer: ``$STANCE_SCORER``, else ``seeds/stance_scorer.json``."""
    return Path(setting(SCORER_ENV) or DEFAULT_SCORER)
