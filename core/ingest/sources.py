"""Importing articles: plain text out of uploaded files, pasted text and web pages.

Every bad input becomes an :class:`IngestError` whose message is one line naming the input, so the
dashboard and the command line can show it as is. The extracted ``text`` is what the pipeline
analyses and every character offset refers to it: apart from collapsing runaway whitespace (and,
for Markdown, removing the markup) it is left as the extractor produced it.

Web pages are fetched with an SSRF guard: only http/https, and every address a host name resolves
to (on every redirect hop, and again when the socket connects) must be a public one.
"""

from __future__ import annotations

import email.message
import http.client
import io
import ipaddress
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from core.ingest.dates import MONTHS, find_date, line_date
from core.ingest.text import (
    MAX_ARTICLE_CHARS,
    ArticleError,
    decode_bytes,
    html_to_text,
    looks_like_html,
    split_header,
    validate_text,
)
from core.model import Article

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
MAX_FILE_BYTES = 50_000_000  # far above any article file; bounds the parsers' memory and time
MAX_PDF_PAGES = 300  # a long report; beyond that the file is a book, not an article
METADATA_WINDOW = 600  # dates and bylines sit at the top of an article
USER_AGENT = "StanceTracker/1.0 (article import; +https://github.com/)"
_READ_CHUNK = 64 * 1024
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})

Resolver = Callable[[str], list[str]]


class IngestError(ArticleError):
    """An input that cannot be imported; the message is one line for the user, naming the input.

    A subclass of :class:`core.ingest.text.ArticleError` (itself a ``ValueError``) so callers that
    already catch article errors also catch import errors."""


# What every reader here returns: core.model.Article (origin: the file name, the URL asked for or
# "pasted text"; url: the page's address after redirects; no article_id yet, the corpus gives it).


# --------------------------------------------------------------------------------------------
# Small text helpers


def _one_line(exc: BaseException, limit: int = 160) -> str:
    """The first line of an exception's message, shortened; the class name when it has none."""
    lines = str(exc).strip().splitlines()
    message = lines[0].strip() if lines else ""
    if not message:
        return type(exc).__name__
    return message if len(message) <= limit else message[: limit - 1] + "…"


def tidy_whitespace(text: str) -> str:
    """Collapse runaway whitespace only: unify line ends, squeeze runs of spaces and tabs, drop
    trailing spaces and keep at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --------------------------------------------------------------------------------------------
# Metadata guessed from plain text


_BYLINE_OUTLET = re.compile(r"^By\s+[^|•·\n]{2,80}?\s*[|•·]\s*(?P<rest>.+)$")
_DATELINE_OUTLET = re.compile(
    r"^[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*"
    r"\((?P<outlet>[A-Z][A-Za-z&.' ]{0,30}[A-Za-z.])\)\s*[-–—]"
)
_HEADING_MARK = re.compile(r"^#{1,6}\s+")


def _looks_like_title(line: str) -> bool:
    """A headline is short, does not end like a sentence and is not a byline or a date."""
    words = line.split()
    return (
        3 <= len(line) <= 200
        and 1 <= len(words) <= 30
        and not line.endswith((".", ",", ";", ":"))
        and not re.match(r"(?i)^by\s", line)
        and not find_date(line) == line.strip()
        and not line.lower().startswith(("http://", "https://"))
        and any(c.isalpha() for c in line)
    )


def _outlet_from_line(line: str) -> str:
    """The outlet named by a byline ("By Jane Doe | Reuters") or a dateline ("KYIV (AP) -")."""
    byline = _BYLINE_OUTLET.match(line)
    if byline:
        for part in re.split(r"\s*[|•·]\s*", byline.group("rest")):
            part = part.strip()
            # Skip dates and times that often share the byline ("| 14 March 2025 | 10:02").
            if part and not re.search(r"\d", part) and len(part) <= 60:
                return part
        return ""
    dateline = _DATELINE_OUTLET.match(line)
    if dateline and dateline.group("outlet").lower().rstrip(".") not in MONTHS:
        return dateline.group("outlet").strip()
    return ""


def detect_metadata(text: str) -> dict[str, str]:
    """Title, date and outlet guessed conservatively from the top of a plain text.

    * title: the first non-empty line when it reads like a headline (short, not a sentence) and
      more text follows;
    * date: the first date standing on its own line, or in a byline or "Published ..." line,
      within the first ``METADATA_WINDOW`` characters (a date inside the story's prose is not taken);
    * outlet: from a clear byline ("By Jane Doe | Reuters") or dateline ("KYIV (Reuters) -").

    Every key is present; a value is ``""`` when nothing clear was found."""
    found = {"title": "", "date": "", "outlet": ""}
    window = (text or "")[:METADATA_WINDOW]
    lines = [line.strip() for line in window.replace("\r", "\n").split("\n")]
    non_empty = [line for line in lines if line]
    if len(non_empty) >= 2:
        first = _HEADING_MARK.sub("", non_empty[0]).strip()
        if _looks_like_title(first):
            found["title"] = first
    for line in non_empty:
        if not found["date"]:
            found["date"] = line_date(line)
        if not found["outlet"] and len(line) <= 200:
            found["outlet"] = _outlet_from_line(line)
    return found


MAX_TITLE_CHARS = 90  # a proposed title is a headline, not a paragraph
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Prof|Jr|Sr|No|vs))$")
UNTITLED = "Untitled article"


def _first_sentence(line: str) -> str:
    """``line`` up to the end of its first sentence; "U.S.", "Mr." and initials do not end one."""
    for end in _SENTENCE_BREAK.finditer(line):
        if line[end.start()] == "." and _ABBREVIATION.search(line[: end.start()]):
            continue
        return line[: end.start() + 1]
    return line


def propose_title(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """A title for a text that has none, never empty: the first sentence of its first line (a
    headline is one), a byline, a date line or a dateline's "KYIV (Reuters) -" skipped, without
    its final full stop and cut at a word boundary with "…" beyond ``limit`` characters."""
    for raw in (text or "").replace("\r", "\n").split("\n")[:40]:
        line = " ".join(_HEADING_MARK.sub("", raw.strip()).split())
        if not line or not any(c.isalpha() for c in line) or re.match(r"(?i)^by\s", line):
            continue
        if line_date(line) and len(line) <= 40:  # "14 March 2025", "Updated: 5 Nov 2024 10:02"
            continue
        dateline = _DATELINE_OUTLET.match(line)
        if dateline and line[dateline.end():].strip():
            line = line[dateline.end():].strip()
        line = _first_sentence(line).rstrip(" .,;:")
        if len(line) > limit:
            cut = line[: limit - 1]
            line = (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip(" ,;:-–—") + "…"
        if line:
            return line
    return UNTITLED


# --------------------------------------------------------------------------------------------
# Finishing: whitespace, validation, metadata defaults


def _finish(doc: Article, *, guess_outlet: bool = True) -> Article:
    """Tidy whitespace, validate the text and fill missing metadata from the top of the text."""
    name = doc.origin or "article"
    text = tidy_whitespace(doc.text)
    try:
        warnings = (*doc.warnings, *validate_text(text, name))
    except ArticleError as exc:
        raise IngestError(str(exc)) from None
    guessed = detect_metadata(text)
    return replace(
        doc,
        text=text,
        warnings=warnings,
        title=(doc.title or guessed["title"]).strip() or propose_title(text),
        date=find_date(doc.date) or (guessed["date"] if not doc.date else ""),
        outlet=(doc.outlet or guessed["outlet"]).strip() if guess_outlet else doc.outlet,
    )


# --------------------------------------------------------------------------------------------
# Plain text and Markdown


_METADATA_KEYS = frozenset({"title", "date", "publisher", "outlet", "source", "url", "author", "byline"})


def _split_metadata_header(text: str) -> tuple[dict[str, str], str]:
    """core.ingest.text.split_header, honoured only when the block names a metadata key: a Markdown
    heading such as "# Update: talks resume" followed by a blank line is text, not metadata."""
    header, body = split_header(text)
    if header and _METADATA_KEYS.intersection(header):
        return header, body
    return {}, text


def _header_fields(header: dict[str, str]) -> dict[str, str]:
    """Article fields named by a ``# key: value`` header."""
    outlet = header.get("publisher") or header.get("outlet") or header.get("source") or ""
    return {
        "title": header.get("title", ""),
        "date": header.get("date", ""),
        "outlet": outlet,
        "url": header.get("url", ""),
    }


_ESCAPABLE = r"\\`*_{}\[\]()#+\-.!>~|"
_INLINE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images carry no prose
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url) -> text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref] -> text
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    # Underscores inside words (snake_case, file_names) are not emphasis.
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
]
_FENCE = re.compile(r"^\s*(```|~~~)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")


def _strip_inline_markdown(line: str) -> str:
    """Links to their text, images dropped, emphasis and code marks removed, escapes resolved."""
    # Escaped characters are parked in the private-use area so the rules do not see them.
    line = re.sub(r"\\([" + _ESCAPABLE + r"])", lambda m: chr(0xE000 + ord(m.group(1))), line)
    for pattern, replacement in _INLINE_RULES:
        line = pattern.sub(replacement, line)
    return re.sub(r"[\ue000-\ue07f]", lambda m: chr(ord(m.group(0)) - 0xE000), line)


def strip_markdown(text: str) -> tuple[str, str]:
    """Markdown made to read as prose, lightly: heading marks, emphasis, link targets, images,
    block-quote marks, bullets, rules and code fences go; the words stay. Returns the text and
    the first heading (the title), or ``""``."""
    out: list[str] = []
    title = ""
    in_fence = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            # "Title\n=====" marks the line above as a heading.
            if not title:
                title = out[-1].strip()
            continue
        if _RULE.match(line):
            out.append("")
            continue
        if _REF_DEFINITION.match(line):
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            line = _strip_inline_markdown(heading.group(1))
            title = title or line.strip()
            out.append(line)
            continue
        line = _BULLET.sub(r"\1", _QUOTE_MARK.sub("", line))
        out.append(_strip_inline_markdown(line))
    return "\n".join(out), title


def _from_plain_text(text: str, name: str, *, markdown: bool = False) -> Article:
    """A decoded text file or pasted text: header block, HTML or Markdown handled, then checked."""
    if not text.strip():
        raise IngestError(f"{name}: the text is empty")
    if "\x00" in text:
        raise IngestError(f"{name}: this looks like a binary file, not article text")
    header, body = _split_metadata_header(text)
    fields = _header_fields(header)
    if looks_like_html(body):
        doc = _from_html(body, name, url=fields["url"])
        # The header's values win over what the page itself says.
        return replace(
            doc,
            warnings=(f"{name}: HTML markup was removed; offsets refer to the plain text", *doc.warnings),
            title=fields["title"] or doc.title,
            outlet=fields["outlet"] or doc.outlet,
            date=find_date(fields["date"]) if fields["date"] else doc.date,
            url=fields["url"] or doc.url,
        )
    heading = ""
    if markdown:
        body, heading = strip_markdown(body)
    doc = Article(
        text=body,
        title=fields["title"] or heading,
        outlet=fields["outlet"],
        date=fields["date"],
        url=fields["url"],
        origin=name,
    )
    return _finish(doc)


def extract_text(text: str, name: str = "pasted text") -> Article:
    """Pasted text: plain prose, an HTML page's source, or text with a ``# key: value`` header
    (title, date, publisher/outlet/source, url) followed by a blank line."""
    if not isinstance(text, str):
        raise IngestError(f"{name}: expected text, got {type(text).__name__}")
    return _guarded(name, "text", lambda: _from_plain_text(text, name))


# --------------------------------------------------------------------------------------------
# HTML


_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _domain(url: str) -> str:
    """``www.bbc.com`` -> ``bbc.com``; ``""`` for no URL."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host[4:] if host.startswith("www.") else host


def _decode_html(data: bytes, name: str, charset: str | None = None) -> str:
    """HTML bytes to text: the declared charset (HTTP header, then <meta>), else UTF-8, else the
    encoding trafilatura guesses (web pages are often mislabelled, so never fail on them)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{name}: this looks like a binary file, not a web page")
    meta = _META_CHARSET.search(data[:4096])
    for candidate in (charset, meta.group(1).decode("ascii") if meta else None, "utf-8-sig"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    from trafilatura.utils import decode_file  # noqa: PLC0415 - only needed for odd encodings

    return decode_file(data)


def _html_metadata(html_text: str, url: str) -> Any:
    """trafilatura's metadata for a page whose main text it could not isolate (or ``None``)."""
    import trafilatura  # noqa: PLC0415 - heavy import, only when HTML is imported

    try:
        return trafilatura.extract_metadata(html_text, default_url=url or None)
    except Exception:  # noqa: BLE001 - metadata is optional; never fail the import for it
        return None


def _from_html(html_text: str, name: str, *, url: str = "") -> Article:
    """The main text of an HTML page (trafilatura: no menus, scripts, footers or comments) with
    its title, site name and date; the whole page's text as a fallback, with a warning."""
    import trafilatura  # noqa: PLC0415 - heavy import, only when HTML is imported

    warnings: list[str] = []
    try:
        result = trafilatura.bare_extraction(
            html_text,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            output_format="python",
        )
    except Exception:  # noqa: BLE001 - trafilatura failing is what the fallback is for
        result = None
    text = (getattr(result, "text", None) or "") if result is not None else ""
    meta = result if text.strip() else _html_metadata(html_text, url)
    if not text.strip():
        text = html_to_text(html_text)
        warnings.append(
            f"{name}: the main article text could not be isolated; all the page's text was kept "
            "(menus or footers may remain)"
        )
    title = (getattr(meta, "title", None) or "").strip()
    if not title:
        tag = _TITLE_TAG.search(html_text)
        title = html_to_text(tag.group(1)) if tag else ""
    page_url = url or (getattr(meta, "url", None) or "")
    outlet = (getattr(meta, "sitename", None) or "").strip() or _domain(page_url)
    doc = Article(
        text=text,
        title=title,
        outlet=outlet,
        date=find_date(getattr(meta, "date", None) or ""),
        url=page_url,
        origin=name,
        warnings=tuple(warnings),
    )
    return _finish(doc)


# --------------------------------------------------------------------------------------------
# PDF


def _pdf_title(reader: Any) -> str:
    """The document title from PDF metadata, unless it is a tool's placeholder."""
    try:
        title = (reader.metadata.title or "").strip() if reader.metadata else ""
    except Exception:  # noqa: BLE001 - broken metadata must not stop the text import
        return ""
    if re.match(r"(?i)^(untitled|microsoft word - |document\d*$)", title):
        return ""
    return title


_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")


def unwrap_lines(text: str) -> str:
    """Join the hard-wrapped lines of a PDF page into paragraphs.

    A PDF's text layer breaks lines where the layout did, and the parser reads a line break as a
    paragraph end, so a wrapped sentence (or quote) would be cut in two. A line is joined to the
    next with a space unless it ends a sentence *and* is clearly shorter than the page's typical
    line (the last line of a paragraph), or is blank. Characters are never changed, only the
    line breaks between them."""
    lines = text.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return text
    typical = lengths[len(lengths) * 3 // 4]  # upper quartile: a full line's length
    out: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        out.append(stripped)
        if i == len(lines) - 1:
            break
        following = lines[i + 1].strip()
        paragraph_end = not stripped.strip() or not following or (
            _SENTENCE_END.search(stripped) is not None and len(stripped.strip()) < 0.85 * typical
        )
        out.append("\n\n" if paragraph_end and stripped.strip() and following else ("\n" if paragraph_end else " "))
    return re.sub(r"\n{3,}", "\n\n", "".join(out))


def _from_pdf(data: bytes, name: str) -> Article:
    """The text layer of a PDF, page by page (first ``MAX_PDF_PAGES`` pages)."""
    from pypdf import PdfReader  # noqa: PLC0415 - heavy import, only for PDFs
    from pypdf.errors import DependencyError  # noqa: PLC0415

    if b"%PDF-" not in data[:1024]:
        raise IngestError(f"{name}: not a PDF file (it has no PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{name}: the PDF is password-protected; save an unprotected copy and try again")
        page_count = len(reader.pages)
    except IngestError:
        raise
    except DependencyError:
        raise IngestError(
            f"{name}: the PDF is encrypted with AES, which cannot be read here; save an unprotected copy"
        ) from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds (PdfReadError, KeyError...) on damaged files
        raise IngestError(f"{name}: the PDF is damaged and cannot be read ({_one_line(exc)})") from None

    warnings: list[str] = []
    if page_count > MAX_PDF_PAGES:
        warnings.append(f"{name}: only the first {MAX_PDF_PAGES} of {page_count} pages were read")
    pages: list[str] = []
    total = 0
    unreadable: list[int] = []
    for index in range(min(page_count, MAX_PDF_PAGES)):
        try:
            page_text = reader.pages[index].extract_text() or ""
        except Exception:  # noqa: BLE001 - one bad page should not lose the others
            unreadable.append(index + 1)
            continue
        pages.append(page_text)
        total += len(page_text)
        if total > MAX_ARTICLE_CHARS:
            # Stop early: the text is over the limit whatever the remaining pages hold.
            raise IngestError(
                f"{name}: the PDF has more than {MAX_ARTICLE_CHARS:,} characters of text (the limit)"
            )
    if unreadable:
        shown = ", ".join(map(str, unreadable[:10])) + ("…" if len(unreadable) > 10 else "")
        warnings.append(f"{name}: the text of page(s) {shown} could not be read and was skipped")
    text = "\n\n".join(unwrap_lines(page.strip()) for page in pages if page.strip())
    if not text.strip():
        raise IngestError(
            f"{name}: the PDF has no text layer (probably a scanned image); OCR is not supported, "
            "so paste the text or use a PDF with selectable text"
        )
    return _finish(Article(text=text, title=_pdf_title(reader), origin=name, warnings=tuple(warnings)))


# --------------------------------------------------------------------------------------------
# Word (.docx)


def _docx_title(document: Any, paragraphs: Iterable[Any]) -> str:
    """The title from the document properties, else the first Title or Heading paragraph."""
    try:
        title = (document.core_properties.title or "").strip()
    except Exception:  # noqa: BLE001 - damaged properties must not stop the text import
        title = ""
    if title:
        return title
    for paragraph in paragraphs:
        style = getattr(getattr(paragraph, "style", None), "name", "") or ""
        if style.startswith(("Title", "Heading")) and paragraph.text.strip():
            return paragraph.text.strip()
    return ""


MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_TOTAL_BYTES = 100_000_000  # unpacked: a long report with images is a few MB
MAX_ZIP_MEMBER_BYTES = 50_000_000
MAX_ZIP_RATIO = 200  # unpacked / packed; text compresses 5-20 times, a zip bomb thousands of times


def check_zip(data: bytes, name: str) -> None:
    """Refuse a zip package (a .docx) whose directory announces too many members, too many
    unpacked bytes in all or in one member, or a compression ratio only a zip bomb has, before
    anything is unpacked. Python's zipfile never unpacks more than a member's announced size, so
    the directory bounds the memory the Word reader can use."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise IngestError(f"{name}: the Word file is damaged (not a valid zip package)") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise IngestError(f"{name}: the package has {len(members):,} parts; the limit is {MAX_ZIP_MEMBERS:,}")
    total = sum(member.file_size for member in members)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise IngestError(f"{name}: the package unpacks to {total:,} bytes; the limit is {MAX_ZIP_TOTAL_BYTES:,}")
    for member in members:
        if member.file_size > MAX_ZIP_MEMBER_BYTES:
            raise IngestError(f"{name}: a part of the package unpacks to {member.file_size:,} bytes; "
                              f"the limit is {MAX_ZIP_MEMBER_BYTES:,}")
        if member.file_size > 1_000_000 and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1):
            raise IngestError(f"{name}: a part of the package is compressed {member.file_size // max(member.compress_size, 1):,} "
                              f"times (the limit is {MAX_ZIP_RATIO}); this looks like a zip bomb, not a document")


def _from_docx(data: bytes, name: str) -> Article:
    """The paragraphs of a Word document, joined by blank lines."""
    import docx  # noqa: PLC0415 - heavy import, only for Word files

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(f"{name}: this is an old Word .doc file; save it as .docx and try again")
    if not data.startswith(b"PK"):
        raise IngestError(f"{name}: not a Word .docx file (it is not a zip package)")
    check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(document.paragraphs)
    except zipfile.BadZipFile:
        raise IngestError(f"{name}: the Word file is damaged (not a valid zip package)") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError, ValueError, lxml errors...
        raise IngestError(f"{name}: not a readable Word .docx document ({_one_line(exc)})") from None
    text = "\n\n".join(p.text.strip() for p in paragraphs if p.text.strip())
    if not text:
        raise IngestError(f"{name}: the Word document has no text")
    return _finish(Article(text=text, title=_docx_title(document, paragraphs), origin=name))


# --------------------------------------------------------------------------------------------
# Files


def _from_text_bytes(data: bytes, name: str, *, markdown: bool) -> Article:
    """A .txt or .md file: UTF-8 (BOM allowed) via core.ingest.text.decode_bytes."""
    if data.startswith(b"%PDF-"):
        raise IngestError(f"{name}: this is a PDF file, not plain text; give it a .pdf name")
    if data.startswith(b"PK\x03\x04"):
        raise IngestError(f"{name}: this is a zip package (e.g. a Word file), not plain text")
    try:
        text = decode_bytes(data, name)
    except ArticleError as exc:
        raise IngestError(str(exc)) from None
    return _from_plain_text(text, name, markdown=markdown)


_ANY_MARKUP = re.compile(r"<\s*[A-Za-z!/?][^>]*>")


def _from_html_bytes(data: bytes, name: str) -> Article:
    """An .html/.htm file; one without any markup is refused rather than guessed at."""
    text = _decode_html(data, name)
    if not _ANY_MARKUP.search(text[:100_000]):
        raise IngestError(f"{name}: does not look like an HTML page (no tags); if it is plain text, name it .txt")
    return _from_html(text, name)


_FILE_HANDLERS: dict[str, tuple[str, Callable[[bytes, str], Article]]] = {
    ".txt": ("a text file", lambda data, name: _from_text_bytes(data, name, markdown=False)),
    ".md": ("a Markdown file", lambda data, name: _from_text_bytes(data, name, markdown=True)),
    ".html": ("an HTML page", _from_html_bytes),
    ".htm": ("an HTML page", _from_html_bytes),
    ".pdf": ("a PDF", _from_pdf),
    ".docx": ("a Word document", _from_docx),
}


def _guarded(name: str, kind: str, work: Callable[[], Article]) -> Article:
    """Run an extraction so that whatever a library raises reaches the user as one IngestError line."""
    try:
        return work()
    except IngestError:
        raise
    except ArticleError as exc:
        raise IngestError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a traceback is never the answer for a bad upload
        raise IngestError(f"{name}: could not be read as {kind} ({_one_line(exc)})") from None


def extract_file(data: bytes, filename: str) -> Article:
    """The article text and metadata of an uploaded file, chosen by its suffix
    (one of ``SUPPORTED_SUFFIXES``)."""
    name = PurePosixPath(str(filename).replace("\\", "/")).name or "file"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in _FILE_HANDLERS:
        shown = f"'{suffix}'" if suffix else "without an extension"
        raise IngestError(
            f"{name}: unsupported file type {shown}; supported types are {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not isinstance(data, bytes | bytearray | memoryview):
        raise IngestError(f"{name}: expected the file's bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(f"{name}: the file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    kind, handler = _FILE_HANDLERS[suffix]
    return _guarded(name, kind, lambda: handler(data, name))


# --------------------------------------------------------------------------------------------
# Web pages


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, 6to4, Teredo or NAT64 IPv6 address."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in ipaddress.IPv6Network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public_address(value: str) -> bool:
    """True only for a globally routable unicast address (not private, loopback, link-local,
    multicast, reserved, unspecified or shared; IPv4 wrapped in IPv6 is checked as IPv4)."""
    try:
        address = ipaddress.ip_address(value.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None:
            return is_public_address(str(inner))
    blocked = (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )
    return not blocked and address.is_global


def _default_resolver(host: str) -> list[str]:
    """Every address ``host`` resolves to (socket.getaddrinfo)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _vetted_addresses(host: str, resolver: Resolver, allow_private: bool) -> list[str]:
    """The addresses to connect to for ``host``; IngestError if it does not resolve or if any
    address is not public (one private answer is enough to refuse: DNS answers can be mixed)."""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        addresses = [host]  # an address literal needs no lookup
    except ValueError:
        try:
            addresses = [str(a) for a in resolver(host)]
        except IngestError:
            raise
        except (OSError, UnicodeError) as exc:
            raise IngestError(
                f"could not reach {host}: the name could not be resolved ({_one_line(exc)}); "
                "check the address and your connection"
            ) from None
    if not addresses:
        raise IngestError(f"could not reach {host}: the name has no addresses")
    if not allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise IngestError(
                    f"refused {host}: it points to a private or local address ({address}); "
                    "only public web pages can be imported"
                )
    return addresses


def _check_url(url: str) -> tuple[str, str]:
    """The (scheme, host) of an http(s) URL; IngestError for anything else."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise IngestError(f"{url}: not a valid web address ({_one_line(exc)})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise IngestError(
            f"{url}: only http:// and https:// addresses can be imported, not {scheme or 'this'}:"
        )
    if not host:
        raise IngestError(f"{url}: the address has no host name")
    if parts.username is not None or parts.password is not None:
        raise IngestError(f"{url}: addresses with a user name or password are not supported")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise IngestError(f"{url}: the host name {host!r} is not valid") from None
    return scheme, host


_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)+\.?")  # "www.bbc.co.uk", "news.example", "bücher.de"


def _plausible_host(host: str) -> bool:
    """A host name with a dot, an IP address or ``localhost``: what a web address can name."""
    if host == "localhost" or _HOST_NAME.fullmatch(host):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _normalise_url(url: str) -> str:
    """The URL as typed, trimmed, with ``https://`` added when no scheme was given. Text that
    cannot be a web address ("not a url", a word without a dot) is refused as such here, before a
    name lookup could report it as an unreachable host."""
    typed = (url or "").strip()
    if not typed:
        raise IngestError("the web address is empty")
    url = typed
    if "://" not in url and not re.match(r"(?i)^[a-z][a-z0-9+.-]*:(?!\d)", url):
        url = "https://" + url  # "example.com/news" as typed in a browser bar
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return url  # _check_url says what is wrong with it
    if parts.scheme.lower() in ("http", "https") and host and not _plausible_host(host):
        shown = typed if len(typed) <= 80 else typed[:79] + "…"
        raise IngestError(f"'{shown}' is not a web address; give one like https://www.example.com/news/story")
    return url


class _Deadline:
    """The whole-fetch deadline: when it passes, every socket the fetch opened is shut down, so a
    server dripping one byte at a time (in its headers or its body) cannot hold a read open. The
    per-operation socket timeout alone would restart with every byte."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        _FETCH.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _FETCH.deadline = None

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed or never connected


_FETCH = threading.local()  # the _Deadline of the fetch running on this thread


def _register_socket(sock: socket.socket | None) -> None:
    deadline = getattr(_FETCH, "deadline", None)
    if deadline is not None and sock is not None:
        deadline.register(sock)


# socket.create_connection's "no timeout given" marker (private in the standard library, so not in
# its type stubs); http.client always passes a timeout, this default only mirrors the signature.
_DEFAULT_TIMEOUT: Any = socket._GLOBAL_DEFAULT_TIMEOUT  # type: ignore[attr-defined]


def _guarded_connection(
    connection_class: type[http.client.HTTPConnection], resolver: Resolver, allow_private: bool
) -> Callable[..., http.client.HTTPConnection]:
    """An http.client connection class whose socket goes only to vetted addresses. Checking at
    connect time (not only before the request) closes the DNS-rebinding gap; TLS still verifies
    the certificate against the host name."""

    def create_connection(
        address: tuple[str, int], timeout: Any = _DEFAULT_TIMEOUT, source_address: Any = None
    ) -> socket.socket:
        host, port = address
        last_error: OSError | None = None
        for ip in _vetted_addresses(host, resolver, allow_private):
            try:
                sock = socket.create_connection((ip, port), timeout, source_address)
            except OSError as exc:  # try the next address, as socket.create_connection does
                last_error = exc
                continue
            _register_socket(sock)  # the TLS handshake, if any, runs on it
            return sock
        raise last_error or OSError(f"cannot connect to {host}")

    def factory(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        connection = connection_class(host, **kwargs)
        connection._create_connection = create_connection  # type: ignore[attr-defined]
        connect = connection.connect

        def connect_under_deadline() -> None:
            connect()
            _register_socket(connection.sock)  # the TLS socket that headers and body come through

        connection.connect = connect_under_deadline  # type: ignore[method-assign]
        return connection

    return factory


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, resolver: Resolver, allow_private: bool) -> None:
        super().__init__()
        self._factory = _guarded_connection(http.client.HTTPConnection, resolver, allow_private)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._factory, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, resolver: Resolver, allow_private: bool) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(context=self._tls)
        self._factory = _guarded_connection(http.client.HTTPSConnection, resolver, allow_private)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._factory, req, context=self._tls)


def build_opener(resolver: Resolver | None = None, *, allow_private: bool = False) -> urllib.request.OpenerDirector:
    """A urllib opener for http/https only, with no proxy, no automatic redirects and no error
    processing (fetch_url reads every status itself), whose connections go to vetted addresses."""
    opener = urllib.request.OpenerDirector()
    opener.add_handler(_GuardedHTTPHandler(resolver or _default_resolver, allow_private))
    opener.add_handler(_GuardedHTTPSHandler(resolver or _default_resolver, allow_private))
    return opener


def _content_type(headers: Any) -> tuple[str, str | None]:
    """(media type, charset) from a Content-Type header; ``("", None)`` when missing."""
    raw = headers.get("Content-Type") if headers is not None else None
    if not raw:
        return "", None
    message = email.message.Message()
    message["Content-Type"] = raw
    return message.get_content_type().lower(), message.get_content_charset()


def _read_capped(response: Any, max_bytes: int, deadline: float, url: str, host: str, timeout: float) -> bytes:
    """The response body, refusing more than ``max_bytes`` and a download slower than the deadline."""
    length = response.headers.get("Content-Length") if response.headers is not None else None
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise IngestError(f"{url}: the page is {int(length):,} bytes; the limit is {max_bytes:,}")
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise IngestError(f"could not reach {host}: no complete answer within {timeout:g} s")
        chunk = response.read(_READ_CHUNK)
        deadline_of_fetch = getattr(_FETCH, "deadline", None)
        if deadline_of_fetch is not None and deadline_of_fetch.expired:  # cut off: never a truncated page
            raise IngestError(f"could not reach {host}: no complete answer within {deadline_of_fetch.seconds:g} s")
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise IngestError(f"{url}: the page is larger than the limit of {max_bytes:,} bytes")
        chunks.append(chunk)


def _network_error(host: str, exc: BaseException, timeout: float) -> IngestError:
    """One line for a connection failure."""
    reason: Any = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, IngestError):
        return reason
    if isinstance(reason, TimeoutError | socket.timeout) or "timed out" in str(reason):
        return IngestError(f"could not reach {host}: no answer within {timeout:g} s")
    if isinstance(reason, socket.gaierror):
        return IngestError(
            f"could not reach {host}: the name could not be resolved; check the address and your connection"
        )
    return IngestError(f"could not reach {host}: {_one_line(reason) if isinstance(reason, BaseException) else reason}")


def _name_for(url: str, suffix: str) -> str:
    """A file name for a fetched document (used for PDFs handed to extract_file)."""
    stem = PurePosixPath(urlsplit(url).path).name or _domain(url) or "download"
    return stem if stem.lower().endswith(suffix) else stem + suffix


def _document_from_body(body: bytes, media_type: str, charset: str | None, url: str, name: str) -> Article:
    """Turn a fetched body into a document according to its content type."""
    if not media_type:
        # No Content-Type: trust only unmistakable content.
        if body.lstrip().startswith(b"%PDF-"):
            media_type = "application/pdf"
        elif looks_like_html(body[:20_000].decode("utf-8", "replace")):
            media_type = "text/html"
    if media_type == "application/pdf":
        doc = extract_file(body, _name_for(url, ".pdf"))
    elif media_type in ("text/html", "application/xhtml+xml"):
        doc = _guarded(name, "an HTML page", lambda: _from_html(_decode_html(body, name, charset), name, url=url))
    elif media_type in ("text/plain", "text/markdown"):

        def from_text() -> Article:
            text = body.decode(charset or "utf-8", "replace") if body.strip() else ""
            return _from_plain_text(text, name, markdown=media_type == "text/markdown")

        doc = _guarded(name, "text", from_text)
    else:
        raise IngestError(
            f"{name}: not a web page or article ({media_type or 'unknown content type'}); "
            "only HTML, plain text and PDF can be imported"
        )
    return replace(doc, url=url, origin=name, outlet=doc.outlet or _domain(url))


def fetch_url(
    url: str,
    *,
    timeout: float = 15,
    max_bytes: int = 5_000_000,
    max_redirects: int = 3,
    resolver: Resolver | None = None,
    opener: Any = None,
    allow_private: bool = False,
) -> Article:
    """Download a web page (or a plain-text or PDF file) and extract its article.

    Only http/https; the host must resolve to public addresses only (``allow_private`` exists for
    tests against a local server); redirects are followed by hand, at most ``max_redirects``,
    each hop checked again; each request must finish within ``timeout`` seconds and
    ``max_bytes``. ``resolver(host) -> [ip, ...]`` and ``opener`` (with
    ``.open(request, timeout=...)``, like urllib's) can be injected for tests."""
    original = (url or "").strip()
    current = _normalise_url(url)
    resolver = resolver or _default_resolver
    opener = opener or build_opener(resolver, allow_private=allow_private)
    with _Deadline(timeout) as deadline:
        try:
            return _fetch(original, current, timeout, max_bytes, max_redirects, resolver, opener, allow_private)
        except IngestError:
            if deadline.expired:
                raise IngestError(f"could not reach {_host_of(current)}: no complete answer within {timeout:g} s") from None
            raise


def _host_of(url: str) -> str:
    return urlsplit(url).hostname or url[:80]


def _fetch(original: str, current: str, timeout: float, max_bytes: int, max_redirects: int, resolver: Resolver,
           opener: Any, allow_private: bool) -> Article:
    """fetch_url's hops, under the deadline fetch_url set."""
    for _hop in range(max_redirects + 1):
        _scheme, host = _check_url(current)
        _vetted_addresses(host, resolver, allow_private)  # clear message before any connection
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1",
                "Accept-Encoding": "identity",  # urllib does not decompress
            },
        )
        deadline = time.monotonic() + timeout
        try:
            response = opener.open(request, timeout=timeout)
        except IngestError:
            raise
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raise _network_error(host, exc, timeout) from None
        try:
            status = int(getattr(response, "status", None) or response.getcode())
            headers = response.headers
            if status in _REDIRECT_CODES:
                location = headers.get("Location") if headers is not None else None
                if not location:
                    raise IngestError(f"{current}: the server redirected without saying where to")
                current = urljoin(current, location.strip())
                continue
            if not 200 <= status < 300:
                reason = str(getattr(response, "reason", "") or "").strip()
                raise IngestError(f"{current}: the server answered {status}{' ' + reason if reason else ''}")
            media_type, charset = _content_type(headers)
            body = _read_capped(response, max_bytes, deadline, current, host, timeout)
        except IngestError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise _network_error(host, exc, timeout) from None
        finally:
            close = getattr(response, "close", None)
            if callable(close):
                close()
        if not body.strip():
            raise IngestError(f"{current}: the page is empty")
        return _document_from_body(body, media_type, charset, current, original or current)
    raise IngestError(f"{original}: too many redirects (more than {max_redirects})")
