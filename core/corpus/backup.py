"""The whole corpus as one file, and back: ``python -m core backup`` / ``restore`` and the Articles
page's "Download the whole corpus" and "Restore from a backup".

The format is engine-neutral (rows, never a copy of the SQLite file), so any store that implements
``backup_records`` and ``restore_records`` can write and read it. It is gzip-compressed JSON lines:

* line 1, the header: ``{"format": "stance-tracker-backup", "version": 1, "schema": 4, "created_at": …}``;
* one line per row: ``{"table": "articles" | "extractions" | "reviews" | "meta", "row": {…}}``:
  every article with its metadata, text and deleted marker, every cached extraction, the whole
  review log (reviewer identities included) and the settings kept in the corpus (the saved codebook,
  the texts of earlier codebooks, whether the seeds were imported, counters);
* the last line, the manifest: ``{"end": true, "counts": {table: rows}, "sha256": …}``, the
  SHA-256 of every line before it.

A file is checked whole before anything is written: the gzip stream, the header (a foreign file,
or one written by a newer version, is refused), every row's columns and types, each article's
content hash against its text, the links between rows, and the counts and checksum of the manifest
(a truncated or edited file is refused). Restoring is then one transaction (``restore_records``):
a damaged file changes nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tempfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from core.corpus.store import (
    BACKUP_ARTICLE_COLUMNS,
    BACKUP_EXTRACTION_COLUMNS,
    REVIEW_ACTIONS,
    REVIEW_COLUMNS,
    SCHEMA_VERSION,
    CorpusStore,
    content_hash,
)
from core.ingest.text import MAX_ARTICLE_CHARS

FORMAT = "stance-tracker-backup"
FORMAT_VERSION = 1
TABLES: tuple[str, ...] = ("articles", "extractions", "reviews", "meta")
SUFFIX = ".stance-backup.jsonl.gz"
# Limits on what a backup may unpack to (a small file can inflate enormously): the whole file, and
# one line (an article is at most MAX_ARTICLE_CHARS; its cached rows are a few times that).
MAX_BACKUP_BYTES = 1 << 30
MAX_LINE_BYTES = 64 << 20

_INT = "int"
_STR = "str"
_JSON = "json object"
COLUMN_TYPES: dict[str, dict[str, str]] = {
    "articles": {c: (_INT if c == "words" else _STR) for c in BACKUP_ARTICLE_COLUMNS},
    "extractions": {c: (_INT if c == "statements" else _JSON if c == "rows" else _STR) for c in BACKUP_EXTRACTION_COLUMNS},
    "reviews": {
        c: (_INT if c in ("id", "start_char", "end_char") else _JSON if c in ("original_values", "new_values") else _STR)
        for c in REVIEW_COLUMNS
    },
    "meta": {"key": _STR, "value": _STR},
}


class BackupError(ValueError):
    """A backup that cannot be written or restored; one line for the user. Nothing was changed."""


@dataclass
class Backup:
    """A checked backup file: its rows per table, ready for ``CorpusStore.restore_records``."""

    records: dict[str, list[dict[str, Any]]]
    created_at: str = ""
    schema: int = 0

    def counts(self) -> dict[str, int]:
        return {table: len(self.records.get(table, [])) for table in TABLES}


@dataclass
class RestoreReport:
    replaced: bool
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """What the restore did, for the CLI and the dashboard."""
        c = self.counts
        lines = [
            ("Replaced the corpus: " if self.replaced else "Merged the backup: ")
            + f"{c.get('articles', 0)} article(s), {c.get('extractions', 0)} cached analyses, "
            f"{c.get('reviews', 0)} review(s) and {c.get('meta', 0)} setting(s) restored"
        ]
        if c.get("articles_present") or c.get("reviews_present"):
            lines.append(
                f"Already in the corpus and not stored again: {c.get('articles_present', 0)} article(s) with the same "
                f"text, {c.get('reviews_present', 0)} review(s)"
            )
        return lines


def describe(counts: Mapping[str, int]) -> str:
    """``3 articles, 3 extractions, 2 reviews, 4 settings``."""
    names = {"articles": "article(s)", "extractions": "cached analyses", "reviews": "review(s)", "meta": "setting(s)"}
    return ", ".join(f"{counts.get(t, 0)} {names[t]}" for t in TABLES)


def _line(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def write_backup(store: CorpusStore, out: IO[bytes]) -> dict[str, int]:
    """Write the whole corpus of ``store`` to the binary stream ``out``; returns the rows per table."""
    counts = dict.fromkeys(TABLES, 0)
    digest = hashlib.sha256()
    header = {"format": FORMAT, "version": FORMAT_VERSION, "schema": SCHEMA_VERSION,
              "created_at": datetime.now(UTC).isoformat(timespec="seconds")}
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
        data = _line(header)
        digest.update(data)
        gz.write(data)
        for table, row in store.backup_records():
            data = _line({"table": table, "row": row})
            digest.update(data)
            gz.write(data)
            counts[table] += 1
        gz.write(_line({"end": True, "counts": counts, "sha256": digest.hexdigest()}))
    return counts


def backup_bytes(store: CorpusStore) -> bytes:
    """The backup as bytes (the dashboard's download)."""
    buffer = io.BytesIO()
    write_backup(store, buffer)
    return buffer.getvalue()


def write_backup_file(store: CorpusStore, path: str | Path) -> dict[str, int]:
    """Write the backup to ``path`` through a temporary file beside it, so a failure never leaves a
    half-written backup under that name."""
    target = Path(path)
    if target.is_dir():
        raise BackupError(f"{target} is a folder; give a file name such as corpus{SUFFIX}")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".backup-", dir=target.parent if str(target.parent) else ".")
    except OSError as exc:
        raise BackupError(f"cannot write the backup to {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            counts = write_backup(store, out)
        os.replace(temporary, target)
    except OSError as exc:
        raise BackupError(f"cannot write the backup to {target}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return counts


def default_file_name(today: str | None = None) -> str:
    return f"stance-corpus-{today or datetime.now(UTC).date().isoformat()}{SUFFIX}"


# --- reading ---------------------------------------------------------------------------------------


def read_backup(source: bytes | IO[bytes], name: str = "the backup") -> Backup:
    """Read and check a whole backup (see the module docstring); BackupError names what is wrong."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    start = stream.tell()
    is_gzip = stream.read(2) == b"\x1f\x8b"  # gzip's magic number: damaged, or something else
    stream.seek(start)
    records: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    digest = hashlib.sha256()
    total = 0
    header: dict[str, Any] | None = None
    manifest: dict[str, Any] | None = None
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as gz:
            number = 0
            while True:
                data = gz.readline(MAX_LINE_BYTES + 1)
                if not data:
                    break
                number += 1
                total += len(data)
                if len(data) > MAX_LINE_BYTES:
                    raise BackupError(f"{name}: line {number} is longer than {MAX_LINE_BYTES:,} bytes; not a backup this program wrote")
                if total > MAX_BACKUP_BYTES:
                    raise BackupError(f"{name}: unpacks to more than {MAX_BACKUP_BYTES:,} bytes, the limit for a backup")
                if manifest is not None:
                    raise BackupError(f"{name}: there is data after the end marker (line {number}); the file is damaged")
                try:
                    obj = json.loads(data)
                except (UnicodeDecodeError, json.JSONDecodeError):
                    if header is None:
                        raise BackupError(f"{name} is not a Stance Tracker backup") from None
                    raise BackupError(f"{name}: line {number} is not valid JSON; the file is damaged") from None
                if header is None:
                    header = _check_header(obj, name)
                elif isinstance(obj, dict) and obj.get("end") is True:
                    manifest = obj
                    continue
                else:
                    table, row = _check_record(obj, name, number)
                    records[table].append(row)
                digest.update(data)
    except (OSError, EOFError, zlib.error):
        if header is None and not is_gzip:
            raise BackupError(f"{name} is not a Stance Tracker backup (not a gzip-compressed backup file)") from None
        raise BackupError(f"{name}: the compressed data is damaged or cut off") from None
    if header is None:
        raise BackupError(f"{name} is empty; not a Stance Tracker backup")
    if manifest is None:
        raise BackupError(f"{name}: the end marker is missing; the file was cut off")
    backup = Backup(records, created_at=str(header.get("created_at", "")), schema=int(header.get("schema", 0)))
    if manifest.get("counts") != backup.counts():
        raise BackupError(f"{name}: the rows do not match the counts of its manifest; the file is damaged")
    if manifest.get("sha256") != digest.hexdigest():
        raise BackupError(f"{name}: the checksum does not match; the file was changed or damaged")
    _check_links(backup, name)
    return backup


def _check_header(obj: object, name: str) -> dict[str, Any]:
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise BackupError(f"{name} is not a Stance Tracker backup")
    version = obj.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError(f"{name}: the backup's format version is missing or invalid; the file is damaged")
    if version > FORMAT_VERSION:
        raise BackupError(f"{name} was written by a newer version of Stance Tracker (backup format {version}, "
                          f"this one reads {FORMAT_VERSION}); update the program to restore it")
    return obj


def _check_record(obj: object, name: str, number: int) -> tuple[str, dict[str, Any]]:
    where = f"{name}: line {number}"
    if not isinstance(obj, dict) or set(obj) != {"table", "row"} or obj["table"] not in COLUMN_TYPES:
        raise BackupError(f"{where} is not a row of a known table; the file is damaged")
    table, row = obj["table"], obj["row"]
    types = COLUMN_TYPES[table]
    if not isinstance(row, dict) or set(row) != set(types):
        missing = sorted(set(types) - set(row)) if isinstance(row, dict) else []
        raise BackupError(f"{where}: a {table} row without the expected columns"
                          f"{' (missing: ' + ', '.join(missing) + ')' if missing else ''}; the file is damaged")
    for column, kind in types.items():
        value = row[column]
        if kind == _INT:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind == _STR:
            ok = isinstance(value, str)
        else:
            ok = isinstance(value, str) and _is_json_object(value)
        if not ok:
            raise BackupError(f"{where}: {table}.{column} should be {'a ' if kind != _INT else 'an '}{kind}; the file is damaged")
    if table == "articles":
        if not row["id"].strip() or len(row["id"]) > 200:
            raise BackupError(f"{where}: an article without a usable id; the file is damaged")
        if len(row["text"]) > MAX_ARTICLE_CHARS:
            raise BackupError(f"{where}: article '{row['id'][:80]}' is longer than {MAX_ARTICLE_CHARS:,} characters, the limit")
        if content_hash(row["text"]) != row["content_hash"]:
            raise BackupError(f"{where}: article '{row['id'][:80]}' does not match its content hash; the file was changed or damaged")
    if table == "reviews" and row["action"] not in REVIEW_ACTIONS:
        raise BackupError(f"{where}: unknown review action '{row['action'][:40]}'; the file is damaged")
    return table, row


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except json.JSONDecodeError:
        return False


def _check_links(backup: Backup, name: str) -> None:
    """Ids unique, and every extraction and review belonging to an article of the backup."""
    articles = backup.records["articles"]
    hashes = {row["id"]: row["content_hash"] for row in articles}
    if len(hashes) != len(articles) or len(set(hashes.values())) != len(articles):
        raise BackupError(f"{name}: two articles share an id or a text; the file is damaged")
    known = set(hashes.values())
    keys = {(r["content_hash"], r["pipeline_key"], r["codebook_hash"]) for r in backup.records["extractions"]}
    if len(keys) != len(backup.records["extractions"]) or any(k[0] not in known for k in keys):
        raise BackupError(f"{name}: an analysis belongs to no article of the backup, or is there twice; the file is damaged")
    reviews = backup.records["reviews"]
    if len({r["id"] for r in reviews}) != len(reviews):
        raise BackupError(f"{name}: two reviews share an id; the file is damaged")
    for review in reviews:
        if hashes.get(review["article_id"]) != review["content_hash"]:
            raise BackupError(f"{name}: review {review['id']} belongs to no article of the backup; the file is damaged")
    if len({r["key"] for r in backup.records["meta"]}) != len(backup.records["meta"]):
        raise BackupError(f"{name}: a setting is there twice; the file is damaged")


def read_backup_file(path: str | Path) -> Backup:
    target = Path(path)
    if target.is_dir():
        raise BackupError(f"{target} is a folder, not a backup file")
    try:
        with target.open("rb") as handle:
            return read_backup(handle, name=str(target))
    except FileNotFoundError:
        raise BackupError(f"{target}: no such file") from None
    except OSError as exc:
        raise BackupError(f"cannot read {target}: {exc.strerror or exc}") from None


def restore_backup(store: CorpusStore, backup: Backup, *, replace: bool = False) -> RestoreReport:
    """Restore a checked backup into ``store`` in one transaction (merge, or ``replace``)."""
    return RestoreReport(replaced=replace, counts=store.restore_records(backup.records, replace=replace))
