"""Titles and honorifics stripped from the front of a person's name before actors are merged
across articles (``seeds/titles.yaml``: "President Donald Trump" and "Mr Trump" become "Donald
Trump", see ``core.corpus.merge``).

The file is validated like every knowledge file (``core.knowledge.files``): a broken or misspelt
titles file is an error naming the file and the line, never silently replaced by a built-in list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.knowledge.files import Key, Located, Schema, bytes_digest, decode, parse_yaml, read_bytes
from core.settings import DEFAULT_TITLES_FILE

TITLES_SCHEMA = Schema("the titles file", {"titles": Key("words", "a list of titles")})


@dataclass(frozen=True)
class Titles:
    """The titles of one version of the titles file, with the digest of the bytes they came from."""

    names: tuple[str, ...]
    digest: str


def read_titles(path: str | Path | None = None) -> Titles:
    """The titles of ``path`` (default ``seeds/titles.yaml``), cached by the file's contents.

    Raises ``core.knowledge.files.KnowledgeError`` (one line: file, line, what is wrong) when the
    file is missing, unreadable, not YAML, or holds anything but a ``titles:`` list."""
    path = Path(path or DEFAULT_TITLES_FILE)
    content = read_bytes(path)
    return _titles(str(path), bytes_digest(content), content)


def load_titles(path: str | Path | None = None) -> tuple[str, ...]:
    """The titles of ``path`` (default ``seeds/titles.yaml``), in file order; see :func:`read_titles`."""
    return read_titles(path).names


@lru_cache(maxsize=8)
def _titles(source: str, digest: str, content: bytes) -> Titles:
    located: Located = parse_yaml(decode(content, source), source)
    data = located.data if located.data is not None else {}
    TITLES_SCHEMA.check(data, source, located)
    assert isinstance(data, dict)  # checked above
    names = tuple(str(t).strip() for t in data.get("titles") or [] if t is not None and str(t).strip())
    return Titles(names, digest)
