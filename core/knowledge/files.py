"""Reading and checking the knowledge files a user edits: actors, lexicon, titles and codebook.

Every file is read the same way (:func:`read_file`, :func:`parse_yaml`): size-capped, UTF-8, YAML,
with the line of every key kept, so a problem is one line naming the file, the key and its line.
Each file has a :class:`Schema`: the keys allowed at the top level, the shape of each value (a list
of words, a mapping, a list of entries...) and, for lists of entries (the people of the actors
file, the issues of a codebook), the keys an entry may have. A misspelt key ("speach:") is refused
with a "did you mean" suggestion instead of silently leaving a word list empty.

The schemas themselves live beside their loaders (``core.knowledge.gazetteer``, ``.titles``,
``.codebook``); this module only knows how to read and check.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

# Far above any hand-edited word list or gazetteer; refuses a wrong file (a database, a video)
# before it is read into memory.
MAX_KNOWLEDGE_BYTES = 10_000_000


class KnowledgeError(ValueError):
    """A knowledge file (actors, lexicon, titles, codebook) that cannot be used; one line for the user."""


# A place in a YAML document: keys and list indexes from the top ("people", 3, "aliases").
YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Located:
    """Parsed YAML data with the 1-based line of every key and list item (for messages)."""

    data: object
    lines: Mapping[YamlPath, int] = field(default_factory=dict)
    # Unquoted scalars YAML read as true/false (no, on, yes, off...), as written: in a word list
    # they are words, so the check asks for quotes instead of storing "false".
    booleans: Mapping[YamlPath, str] = field(default_factory=dict)

    def line(self, *path: str | int) -> int | None:
        """The line of the key or item at ``path`` (None when unknown, e.g. data built in code)."""
        return self.lines.get(tuple(path))


Shape = Literal["words", "text", "mapping", "entries", "words_or_text"]

_SHAPE_NAMES: dict[str, str] = {
    "words": "a list",
    "text": "a single value",
    "mapping": "a mapping (key: value lines)",
    "entries": "a list of entries",
    "words_or_text": "a list or a single value",
}


@dataclass(frozen=True)
class Key:
    """What one key may hold.

    ``shape``: ``words`` a list of single values; ``text`` one value; ``mapping`` key: value lines
    whose values are ``values`` (a shape of ``words`` or ``text``, or ``number``); ``entries`` a list
    of mappings each checked against ``entry``; ``words_or_text`` a list or one value. An empty
    value (``key:`` with nothing after it) is always allowed and means "none"."""

    shape: Shape
    what: str = ""  # how messages name the content: "a list of words"
    values: Literal["words", "text", "number", ""] = ""
    entry: Schema | None = None
    required: bool = False  # must be there and not empty
    # Must be written, though it may be empty: a rule's word list left out of an older file would
    # otherwise switch the rule off without a word.
    listed: bool = False


@dataclass(frozen=True)
class Schema:
    """The keys a mapping may have (the top level of a file, or one entry of a list)."""

    name: str  # how messages name one such mapping: "the lexicon", "a person", "an issue"
    keys: Mapping[str, Key]

    def check(self, data: object, source: str, located: Located | None = None,
              error: type[KnowledgeError] = KnowledgeError) -> None:
        """Raise ``error`` (one line: source, line, key) when ``data`` does not fit the schema."""
        _check_mapping(data, self, source, located or Located(data), (), error)


# --- reading ------------------------------------------------------------------------------------


def read_bytes(path: Path, error: type[KnowledgeError] = KnowledgeError, limit: int = MAX_KNOWLEDGE_BYTES) -> bytes:
    """The bytes of a knowledge file, its size checked before it is read."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise error(f"{path}: the file is {size:,} bytes; a knowledge file may have at most {limit:,}")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a YAML file") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise error(f"{path}: the file is larger than {limit:,} bytes")
    return data


def decode(data: bytes, source: str, error: type[KnowledgeError] = KnowledgeError) -> str:
    """The text of a knowledge file: UTF-8 (a byte-order mark is allowed), never binary."""
    if b"\x00" in data[:8192]:
        raise error(f"{source}: this looks like a binary file, not YAML text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{source}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None


def parse_yaml(text: str, source: str, error: type[KnowledgeError] = KnowledgeError, noun: str = "file") -> Located:
    """Parse one YAML document, keeping the line of every key and list item; a syntax error is one
    line with the file and the line it was found on."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise error(f"{source}: not a valid YAML {noun} ({problem}{where})") from None
    finally:
        loader.dispose()
    lines: dict[YamlPath, int] = {}
    booleans: dict[YamlPath, str] = {}
    if node is not None:
        lines[()] = node.start_mark.line + 1
        twice = _collect_lines(node, (), lines, booleans)
        if twice:  # YAML keeps the last silently: a list written twice would lose its first half
            key, first, again = twice
            raise error(f"{source}, line {again}: the key '{key}' appears twice (first on line {first}); "
                        "keep one and merge their values")
    return Located(data, lines, booleans)


def read_file(path: str | Path, error: type[KnowledgeError] = KnowledgeError, noun: str = "file") -> tuple[bytes, Located]:
    """The bytes of a YAML knowledge file (for its digest) and its parsed, located content."""
    path = Path(path)
    data = read_bytes(path, error)
    return data, parse_yaml(decode(data, str(path), error), str(path), error, noun)


def bytes_digest(*contents: bytes) -> str:
    """A short hash of file contents: what keys results made with the knowledge they hold."""
    digest = hashlib.sha256()
    for content in contents:
        digest.update(content)
    return digest.hexdigest()[:12]


def _collect_lines(node: yaml.Node, path: YamlPath, lines: dict[YamlPath, int],
                   booleans: dict[YamlPath, str]) -> tuple[str, int, int] | None:
    """Record the line of every key and item below ``node`` (and the unquoted booleans); the first
    key written twice in one mapping as (key, first line, second line), else None."""
    twice: tuple[str, int, int] | None = None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            if child in lines and twice is None:
                twice = (str(key.value), lines[child], key.start_mark.line + 1)
            lines.setdefault(child, key.start_mark.line + 1)
            twice = _collect_lines(value, child, lines, booleans) or twice
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            lines[(*path, index)] = value.start_mark.line + 1
            twice = _collect_lines(value, (*path, index), lines, booleans) or twice
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool" and not node.style:
        booleans[path] = str(node.value)
    return twice


# --- checking -----------------------------------------------------------------------------------


def _where(source: str, located: Located, path: YamlPath) -> str:
    line = located.line(*path)
    return f"{source}, line {line}" if line is not None else source


def _kind_of(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "a single value"


def suggestion(word: str, choices: list[str] | frozenset[str] | Mapping[str, object]) -> str:
    """' (did you mean 'x'?)' for the closest of ``choices`` to a misspelt ``word``, else ''."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_mapping(data: object, schema: Schema, source: str, located: Located, path: YamlPath,
                   error: type[KnowledgeError]) -> None:
    if not isinstance(data, dict):
        raise error(f"{_where(source, located, path)}: expected {schema.name} as a mapping (key: value lines), "
                    f"not {_kind_of(data)}")
    for key in data:
        name = str(key)
        if name not in schema.keys:
            inside = f" in {schema.name}" if path else ""
            known = f"the keys are {', '.join(sorted(schema.keys))}" if len(schema.keys) <= 12 else "see the comments in the seeds/ file"
            raise error(f"{_where(source, located, (*path, name))}: unknown key '{name}'{inside}{suggestion(name, schema.keys)}; {known}")
    for name, spec in schema.keys.items():
        if spec.required and data.get(name) in (None, "", []):
            raise error(f"{_where(source, located, path)}: {schema.name} has no '{name}'")
        if spec.listed and name not in data:
            raise error(f"{_where(source, located, path)}: {schema.name} has no '{name}' (write '{name}: []' to leave it empty)")
        if data.get(name) is not None:
            _check_value(data[name], name, spec, source, located, (*path, name), error)


def _check_value(value: object, name: str, spec: Key, source: str, located: Located, path: YamlPath,
                 error: type[KnowledgeError]) -> None:
    what = spec.what or _SHAPE_NAMES[spec.shape]
    wrong = (
        (spec.shape in ("words", "entries") and not isinstance(value, list))
        or (spec.shape == "mapping" and not isinstance(value, dict))
        or (spec.shape == "text" and isinstance(value, list | dict))
        or (spec.shape == "words_or_text" and isinstance(value, dict))
    )
    if wrong:
        raise error(f"{_where(source, located, path)}: '{name}' must be {what}, not {_kind_of(value)}")
    if spec.shape in ("text", "words_or_text") and isinstance(value, bool):
        _refuse_boolean(value, f"'{name}'", source, located, path, error)
    if spec.shape in ("words", "words_or_text") and isinstance(value, list):
        _check_items(value, name, source, located, path, error)
    elif spec.shape == "mapping" and isinstance(value, dict):
        for key, item in value.items():
            _check_mapped(item, name, str(key), spec, source, located, (*path, str(key)), error)
    elif spec.shape == "entries" and isinstance(value, list) and spec.entry is not None:
        for index, entry in enumerate(value):
            _check_mapping(entry, spec.entry, source, located, (*path, index), error)


def _check_items(items: list, name: str, source: str, located: Located, path: YamlPath,
                 error: type[KnowledgeError]) -> None:
    for index, item in enumerate(items):
        if isinstance(item, list | dict):
            raise error(f"{_where(source, located, (*path, index))}: item {index + 1} of '{name}' must be a single "
                        f"value, not {_kind_of(item)}")
        if item is None:
            raise error(f"{_where(source, located, (*path, index))}: item {index + 1} of '{name}' is empty; "
                        "remove it or write the word")
        if isinstance(item, bool):
            _refuse_boolean(item, f"item {index + 1} of '{name}'", source, located, (*path, index), error)


def _refuse_boolean(value: bool, what: str, source: str, located: Located, path: YamlPath,
                    error: type[KnowledgeError]) -> None:
    """An unquoted yes/no/on/off/true/false, which YAML reads as a truth value, never a word or a
    name ("NO" is Norway's code, "no" a negation)."""
    written = located.booleans.get(path, str(value).lower())
    raise error(f"{_where(source, located, path)}: {what} is {written}, which YAML reads as {str(value).lower()}, "
                f"not as a word; write it in quotes: \"{written}\"")


def _check_mapped(item: object, name: str, key: str, spec: Key, source: str, located: Located, path: YamlPath,
                  error: type[KnowledgeError]) -> None:
    where = _where(source, located, path)
    if spec.values == "number" and (isinstance(item, bool) or not isinstance(item, int | float)):
        raise error(f"{where}: '{key}' under '{name}' must be a number, not {_kind_of(item)} ({item!r})"[:300])
    if spec.values == "words":
        if item is not None and not isinstance(item, list):
            raise error(f"{where}: '{key}' under '{name}' must be a list, not {_kind_of(item)}")
        _check_items(item or [], f"{name}: {key}", source, located, path, error)
    if spec.values == "text" and isinstance(item, list | dict):
        raise error(f"{where}: '{key}' under '{name}' must be a single value, not {_kind_of(item)}")
    if spec.values == "text" and isinstance(item, bool):
        _refuse_boolean(item, f"'{key}' under '{name}'", source, located, path, error)
