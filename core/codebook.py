"""The codebook: the issues stances are taken on, loaded from a YAML file a user can edit.

Each issue has an ``id``, a ``label``, a one-line ``description`` that states what *support* means,
and ``patterns``: case-insensitive regular expressions matched against sentence text. A match is the
issue "as the codebook names it", so words inside a pattern (e.g. "limits on ... mobilisation")
never invert the stance; words before it ("a halt to" military aid) may.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_CODEBOOK = SEEDS_DIR / "codebook.yaml"


class CodebookError(ValueError):
    """A codebook file that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    description: str
    patterns: tuple[re.Pattern, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class IssueMatch:
    issue: str
    start_char: int
    end_char: int


@dataclass
class Codebook:
    name: str
    issues: list[Issue]
    digest: str = ""

    def label(self, issue_id: str) -> str:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue.label
        return issue_id

    @property
    def ids(self) -> list[str]:
        return [issue.id for issue in self.issues]

    def find(self, text: str, offset: int = 0) -> list[IssueMatch]:
        """Issue matches in ``text``; overlapping matches keep the longest (then the earliest issue)."""
        found: list[tuple[int, int, int, str]] = []
        for rank, issue in enumerate(self.issues):
            for pattern in issue.patterns:
                for m in pattern.finditer(text):
                    if m.end() > m.start():
                        found.append((m.start(), m.end(), rank, issue.id))
        # Longest first, then codebook order, so "Black Sea ceasefire" beats "ceasefire".
        found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
        kept: list[tuple[int, int, int, str]] = []
        for cand in found:
            if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
                kept.append(cand)
        kept.sort()
        return [IssueMatch(issue, start + offset, end + offset) for start, end, _, issue in kept]


def _compile(pattern: str, issue_id: str, source: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise CodebookError(f"{source}: issue '{issue_id}': bad pattern {pattern!r}: {exc}") from None


def codebook_from_dict(data: object, source: str = "codebook") -> Codebook:
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise CodebookError(f"{source}: a codebook must be a mapping with an 'issues' list")
    issues: list[Issue] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["issues"], start=1):
        if not isinstance(raw, dict) or not raw.get("id"):
            raise CodebookError(f"{source}: issue #{i} has no 'id'")
        issue_id = str(raw["id"]).strip()
        if not re.fullmatch(r"[a-z0-9_]+", issue_id):
            raise CodebookError(f"{source}: issue id {issue_id!r} must use only a-z, 0-9 and _")
        if issue_id in seen:
            raise CodebookError(f"{source}: issue id {issue_id!r} appears twice")
        seen.add(issue_id)
        patterns = raw.get("patterns") or []
        if isinstance(patterns, str):
            patterns = [patterns]
        if not patterns:
            raise CodebookError(f"{source}: issue '{issue_id}' has no patterns")
        issues.append(
            Issue(
                id=issue_id,
                label=str(raw.get("label") or issue_id.replace("_", " ").capitalize()),
                description=str(raw.get("description") or ""),
                patterns=tuple(_compile(str(p), issue_id, source) for p in patterns),
            )
        )
    if not issues:
        raise CodebookError(f"{source}: the codebook has no issues")
    return Codebook(name=str(data.get("name") or source), issues=issues)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load a YAML codebook (the default one in ``seeds/`` when ``path`` is None)."""
    path = Path(path) if path else DEFAULT_CODEBOOK
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CodebookError(f"{path}: cannot read the codebook ({exc.strerror or exc})") from None
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CodebookError(f"{path}: not a valid YAML codebook ({first})") from None
    codebook = codebook_from_dict(data, str(path))
    codebook.digest = hashlib.sha256(raw).hexdigest()[:16]
    return codebook
