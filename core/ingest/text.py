"""Reading article files safely: every bad input becomes an :class:`ArticleError` with one clear line.

The article text is kept byte-for-byte as decoded (no normalisation), so that every character
offset the pipeline reports points into exactly the text the user gave us.
"""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

import yaml

from core.ingest.dates import iso_date
from core.model import Article as Article  # the one article record; read here, defined in core.model

MAX_ARTICLE_CHARS = 500_000  # ~80k words: far beyond any news article, parsed in bounded time and memory
# spaCy's tokenizer splits a run of characters without white space quadratically (90 KB of
# quotation marks took minutes); no prose has a "word" anywhere near this long.
MAX_RUN_CHARS = 1_000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_HTML_TAG = re.compile(r"<\s*(html|body|p|div|br|span|article|head|script|a)\b[^>]*>", re.IGNORECASE)
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(p|div|br|h[1-6]|li|tr|article|section|header|footer)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]+>")


class ArticleError(ValueError):
    """An article that cannot be analysed; the message is one line meant for the user."""


def article_id_from_path(path: str | Path) -> str:
    """The article id of a file is its name without the extension."""
    return Path(path).stem


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:20_000])) >= 2


def html_to_text(text: str) -> str:
    """Plain text from an HTML page: scripts and styles dropped, blocks become line breaks."""
    text = _SCRIPT_STYLE.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def validate_text(text: str, name: str = "article") -> list[str]:
    """Raise ArticleError for text we cannot analyse; return warnings for text we can, with caveats."""
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    if "\x00" in text:
        raise ArticleError(f"{name}: this looks like a binary file, not article text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"{name}: the article has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}"
        )
    run = _LONG_RUN.search(text)
    if run:
        raise ArticleError(
            f"{name}: the text has a run of {run.end() - run.start():,} characters without a space or line break "
            f"(at character {run.start():,}); the limit is {MAX_RUN_CHARS:,}, as no prose has such a word"
        )
    warnings = []
    if not looks_like_english(text):
        warnings.append(f"{name}: the text does not look like English; few or no statements may be found")
    return warnings


_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for it on was with as by at from he said be this are have not".split()
)


def looks_like_english(text: str) -> bool:
    """Cheap check: English prose has many short function words."""
    words = re.findall(r"[A-Za-z]+", text[:20_000].lower())
    if len(words) < 8:
        # Too short to judge by word counts: letters must at least be mostly Latin.
        letters = [c for c in text[:2000] if c.isalpha()]
        return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.8
    total_tokens = max(len(text[:20_000].split()), 1)
    hits = sum(w in _ENGLISH_FUNCTION_WORDS for w in words)
    return hits / total_tokens >= 0.08


def read_file_bytes(path: str | Path, limit: int, name: str | None = None) -> bytes:
    """The bytes of a regular file, its size checked before anything is read (a 4 GB file is
    refused without reading it) and the read itself capped, with one clear line for each way a
    path can be unusable (missing, a folder, a symbolic-link loop, unreadable)."""
    import errno
    import stat as stat_module

    path = Path(path)
    name = name or str(path)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(f"{name}: is a loop of symbolic links, not a file") from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise ArticleError(f"{name}: no such file") from None
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if stat_module.S_ISDIR(info.st_mode):
        raise ArticleError(f"{name}: is a folder, not an article file")
    if not stat_module.S_ISREG(info.st_mode):
        raise ArticleError(f"{name}: is not a regular file")
    if info.st_size > limit:
        raise ArticleError(f"{name}: the file is {info.st_size:,} bytes; the limit is {limit:,}")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ArticleError(f"{name}: the file is larger than the limit of {limit:,} bytes")
    return data


def decode_bytes(data: bytes, name: str) -> str:
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows "Unicode" text
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{name}: not valid UTF-16 text (byte {exc.start}); save the file as UTF-8 and try again") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: this looks like a binary file, not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: not valid UTF-8 text (byte {exc.start}); save the file as UTF-8 and try again"
        ) from None
    return text


def read_metadata(path: Path) -> dict:
    """Metadata kept beside an article as ``<name>.meta.yaml`` (title, date, date_note, and the
    outlet as ``source`` or ``outlet``)."""
    meta_path = path.with_suffix(".meta.yaml")
    if not meta_path.exists():
        return {}
    try:
        data = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return {k: ("" if v is None else str(v)) for k, v in data.items()} if isinstance(data, dict) else {}


_HEADER_LINE = re.compile(r"^#\s*([A-Za-z_][\w-]*)\s*:\s*(.*)$")
# Header keys naming an Article field ("source" and "publisher" name the outlet there).
HEADER_KEYS = {"title": "title", "date": "date", "publisher": "outlet", "outlet": "outlet", "source": "outlet"}


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading ``# key: value`` lines (a common way to keep metadata in a text file) become
    metadata; the article body follows them. Without such lines the text is returned as is."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and (match := _HEADER_LINE.match(lines[i].strip())):
        key, value = match.groups()
        meta.setdefault(key.lower(), value.strip())
        i += 1
    if i == 0 or i >= len(lines) or lines[i].strip():
        return {}, text  # no header block, or no blank line after it: it is part of the text
    return meta, "\n".join(lines[i + 1 :])


def article_from_text(
    text: str, article_id: str, *, title: str = "", outlet: str = "", date: str = "", date_note: str = "", origin: str = ""
) -> Article:
    """Validate pasted or decoded text and wrap it as an Article (HTML becomes plain text,
    a leading ``# key: value`` header becomes metadata where none is given). A date that is not
    ``YYYY-MM-DD`` is kept as the date note, not as the date."""
    warnings: list[str] = []
    meta = {"title": title, "outlet": outlet, "date": date}
    header, body = split_header(text)
    if header and body.strip():
        text = body
        for key, field_name in HEADER_KEYS.items():
            if key in header and not meta[field_name]:
                meta[field_name] = header[key]
        if "date" in header:
            written = header["date"]
            meta["date"] = iso_date(written, leading=True) or date
            if written != meta["date"] and not date_note:
                date_note = written
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append(f"{article_id}: HTML markup was removed; offsets refer to the plain text")
    warnings += validate_text(text, article_id)
    day = iso_date(meta["date"])
    if meta["date"] and not day:  # "spring 2025": a note, not a date
        date_note = "; ".join(n for n in (meta["date"], date_note) if n)
    return Article(article_id=article_id, text=text, title=meta["title"], outlet=meta["outlet"], date=day,
                   date_note=date_note, origin=origin, warnings=tuple(warnings))


def read_article(path: str | Path) -> Article:
    """Read one article file, raising ArticleError with a one-line reason when it cannot be used."""
    path = Path(path)
    name = str(path)
    data = read_file_bytes(path, MAX_ARTICLE_CHARS * 4, name)
    text = decode_bytes(data, name)
    meta = read_metadata(path)
    return article_from_text(
        text, article_id_from_path(path), title=meta.get("title", ""), outlet=meta.get("outlet") or meta.get("source", ""),
        date=meta.get("date", ""), date_note=meta.get("date_note", ""), origin=str(path),
    )


def seed_article_paths(folder: str | Path) -> list[Path]:
    """The article files in a seeds folder (``*.txt``), sorted by name."""
    return sorted(Path(folder).glob("*.txt"))
