"""The codebook: the issues stances are taken on, loaded from a YAML file a user can edit.

Each issue has an ``id``, a ``label``, a one-line ``description`` that states what *support* means,
and ``patterns``: case-insensitive regular expressions matched against sentence text. A match is the
issue "as the codebook names it", so words inside a pattern (e.g. "limits on ... mobilisation")
never invert the stance; words before it ("a halt to" military aid) may.

An issue may also name things whose support is *opposition* to it (``opposite_terms`` and
``opposite_patterns``): for "Limits on fossil fuels", "fracking" and "the Keystone pipeline"; for
"Stricter gun laws", "gun rights". A stance on such a match is turned round in the table: backing
fracking is opposing the limits.

And an issue may name the *problem* it acts against (``problem_terms`` and ``problem_patterns``):
for "Acting on climate change", "climate change" and "global warming"; for "Stricter gun laws", "gun
violence". Acting against the problem or sounding the alarm about it ("vowed to fight climate
change", "called global warming a threat") is support; denying it or playing it down ("called
climate change a hoax", "denies global warming", "ignored it") is opposition: the lexicon's
``reality_words`` keep their side on a problem, every other word's side is turned round. A problem
word that modifies another noun names the action ("climate change legislation"), as a plain term.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core.knowledge.files import Key, KnowledgeError, Located, Schema, decode, parse_yaml, read_bytes
from core.knowledge.issue_words import IssueWords, issue_words
from core.knowledge.patterns import BoundedPattern, PatternError, compile_pattern, squeeze, timeouts_so_far, words_testable
from core.knowledge.terms import TermError, term_regex
from core.settings import DEFAULT_CODEBOOK

# An issue id: lower-case ASCII letters, digits and underscores (it keys stored stance rows).
ISSUE_ID_RULE = re.compile(r"[a-z0-9_]+")


class CodebookError(KnowledgeError):
    """A codebook file that cannot be used; the message says what to fix."""


ISSUE_SCHEMA = Schema("an issue", {
    "id": Key("text"), "label": Key("text"), "description": Key("text"),
    "patterns": Key("words_or_text", "a list of regular expressions"),
    "terms": Key("words_or_text", "a list of words or phrases"),
    "opposite_patterns": Key("words_or_text", "a list of regular expressions for things whose support opposes the issue"),
    "opposite_terms": Key("words_or_text", "a list of words or phrases for things whose support opposes the issue"),
    "problem_patterns": Key("words_or_text", "a list of regular expressions for the problem the issue acts against"),
    "problem_terms": Key("words_or_text", "a list of words or phrases for the problem the issue acts against"),
})
CODEBOOK_SCHEMA = Schema("a codebook", {
    "name": Key("text"),
    "issues": Key("entries", "a list of the codebook's issues (- id: ...)", entry=ISSUE_SCHEMA),
})


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    description: str
    patterns: tuple[BoundedPattern, ...] = field(default=(), compare=False)  # the regexes as written
    terms: tuple[str, ...] = ()  # words and phrases (core.knowledge.terms), as written
    term_patterns: tuple[BoundedPattern, ...] = field(default=(), compare=False)  # one per term
    # Things whose support is opposition to the issue ("fracking" for limits on fossil fuels)
    opposite_patterns: tuple[BoundedPattern, ...] = field(default=(), compare=False)
    opposite_terms: tuple[str, ...] = ()
    opposite_term_patterns: tuple[BoundedPattern, ...] = field(default=(), compare=False)
    # The problem the issue acts against ("climate change" for acting on it): fighting it is support,
    # denying it opposition
    problem_patterns: tuple[BoundedPattern, ...] = field(default=(), compare=False)
    problem_terms: tuple[str, ...] = ()
    problem_term_patterns: tuple[BoundedPattern, ...] = field(default=(), compare=False)

    @property
    def matchers(self) -> tuple[BoundedPattern, ...]:
        """Everything that finds the issue in text: its regex patterns and its terms' patterns, the
        opposite and problem ones included."""
        return self.plain_matchers + self.opposite_matchers + self.problem_matchers

    @property
    def plain_matchers(self) -> tuple[BoundedPattern, ...]:
        """What finds the issue itself: its regex patterns and its terms' patterns."""
        return self.patterns + self.term_patterns

    @property
    def opposite_matchers(self) -> tuple[BoundedPattern, ...]:
        """What finds a thing whose support is opposition to the issue."""
        return self.opposite_patterns + self.opposite_term_patterns

    @property
    def problem_matchers(self) -> tuple[BoundedPattern, ...]:
        """What finds the problem the issue acts against."""
        return self.problem_patterns + self.problem_term_patterns


# What a codebook pattern finds: the issue itself, a thing whose support opposes it, or the problem
# it acts against (search order: a plain match before another of the same length).
PLAIN, OPPOSITE, PROBLEM = 0, 1, 2


@dataclass(frozen=True)
class IssueMatch:
    issue: str
    start_char: int
    end_char: int
    # found by an opposite term or pattern, or a problem one: a stance on it is turned round (a
    # problem's reality words excepted: core.extraction.stance)
    opposite: bool = False
    loose: bool = False  # found by the issue's own words close together (core.extraction.issue_matches)
    problem: bool = False  # found by a problem term or pattern ("climate change" for acting on it)

    def __post_init__(self) -> None:
        if self.problem and not self.opposite:
            raise ValueError("a problem match is an opposite one: a side on it is turned round (reality words aside)")


# How many sentences' issue matches a codebook remembers: the stance rules, the candidates and the
# uncoded-sentence report each look for issues in every sentence, so each search would run three times.
FOUND_CACHE_SIZE = 4096


@dataclass
class Codebook:
    name: str
    issues: list[Issue]
    digest: str = ""
    _found: dict[str, tuple[tuple[str, int, int, int], ...]] = field(default_factory=dict, repr=False, compare=False)
    # Every pattern once, in search order: (issue rank, issue id, kind: PLAIN, OPPOSITE or PROBLEM,
    # pattern, its required words)
    _plan: tuple[tuple[int, str, int, BoundedPattern, tuple[str, ...]], ...] | None = field(default=None, repr=False, compare=False)
    _plan_words: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # every pattern's required words
    _words: IssueWords | None = field(default=None, repr=False, compare=False)  # the issues' phrasings (words())

    def label(self, issue_id: str) -> str:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue.label
        return issue_id

    @property
    def ids(self) -> list[str]:
        return [issue.id for issue in self.issues]

    def words(self) -> IssueWords:
        """The phrasings each issue is named with, as sets of word stems (``core.knowledge.issue_words``),
        English stop words left out; built once per codebook."""
        if self._words is None:
            from spacy.lang.en.stop_words import STOP_WORDS

            self._words = issue_words(self.issues, frozenset(STOP_WORDS))
        return self._words

    def slow_patterns(self) -> list[str]:
        """One line per pattern switched off because a search ran out of time (core.knowledge.patterns)."""
        return [
            f"issue '{issue.id}': pattern {_shown(pattern.pattern)} took longer than the time limit on some text "
            "and was switched off (it counts as not matching); rewrite it on the Codebook page"
            for issue in self.issues
            for pattern in issue.matchers
            if pattern.disabled
        ]

    def find(self, text: str, offset: int = 0) -> list[IssueMatch]:
        """Issue matches in ``text``; overlapping matches keep the longest (then the earliest issue),
        and two overlapping matches of one issue are joined into one.
        The matches of the last few thousand texts are remembered (the issues and their patterns
        do not change after loading; a pattern switched off for running out of time clears them)."""
        matches = self._found.get(text)
        if matches is None:
            timeouts = timeouts_so_far()
            matches = self._search(text)
            if timeouts_so_far() != timeouts or len(self._found) >= FOUND_CACHE_SIZE:
                # (a pattern switched off by this search no longer matches anywhere: the
                # sentences remembered with its matches are searched again)
                self._found.clear()
            self._found[text] = matches
        return [IssueMatch(issue, start + offset, end + offset, kind != PLAIN, problem=kind == PROBLEM) for issue, start, end, kind in matches]

    def forget_matches(self) -> None:
        """Forget the remembered matches (a benchmark times the searches of texts never seen)."""
        self._found.clear()

    def _search(self, text: str) -> tuple[tuple[str, int, int, int], ...]:
        if self._plan is None:
            self._plan = tuple(
                (rank, issue.id, kind, pattern, tuple(pattern.words))
                for rank, issue in enumerate(self.issues)
                for kind, patterns in ((PLAIN, issue.plain_matchers), (OPPOSITE, issue.opposite_matchers),
                                       (PROBLEM, issue.problem_matchers))
                for pattern in patterns
            )
            self._plan_words = frozenset(word for *_, words in self._plan for word in words)
        found: list[tuple[int, int, int, str, int]] = []
        # (most patterns match nowhere in a sentence: one that needs a word the sentence lacks is
        # not searched, which makes finding a sentence's issues several times faster; each word
        # is looked for once, however many patterns need it)
        squeezed = squeeze(text) if words_testable(text) else None
        present = frozenset(word for word in self._plan_words if word in squeezed) if squeezed is not None else frozenset()
        for rank, issue_id, kind, pattern, words in self._plan:
            if squeezed is not None and words and present.isdisjoint(words):
                continue
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), rank, issue_id, kind))
        # Longest first, then codebook order (a plain match before an opposite or problem one of
        # the same issue), so "Black Sea ceasefire" beats "ceasefire".
        found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[4], f[0]))
        kept: list[tuple[int, int, int, str, int]] = []
        for cand in found:
            overlapping = [n for n, k in enumerate(kept) if not (cand[1] <= k[0] or cand[0] >= k[1])]
            if not overlapping:
                kept.append(cand)
            elif len(overlapping) == 1 and kept[overlapping[0]][3:] == cand[3:]:
                # Two phrasings of one issue that overlap are one mention of it: "student-debt
                # relief" with the terms "student debt" and "debt relief" is the issue once, not
                # "student debt" with "relief" read as a word about it (undoing the debt)
                n = overlapping[0]
                start, end = min(kept[n][0], cand[0]), max(kept[n][1], cand[1])
                if all(end <= k[0] or start >= k[1] for m, k in enumerate(kept) if m != n):
                    kept[n] = (start, end, *kept[n][2:])
        kept.sort()
        return tuple((issue, start, end, kind) for start, end, _, issue, kind in kept)


def _compile(pattern: str, issue_id: str, source: str) -> BoundedPattern:
    try:
        return compile_pattern(pattern)
    except PatternError as exc:
        raise CodebookError(f"{source}: issue '{issue_id}': pattern {_shown(pattern)} is refused: {exc}") from None


MAX_TERM_PATTERN_CHARS = 8_000  # a term has at most 100 characters; its pattern spells out word forms


def compile_term(term: str) -> BoundedPattern:
    """The bounded pattern of a codebook term; raises PatternError (TermError) saying why not."""
    try:
        source = term_regex(term)
    except TermError as exc:
        raise PatternError(str(exc)) from None
    return compile_pattern(source, max_chars=MAX_TERM_PATTERN_CHARS)


def _compile_term(term: str, issue_id: str, source: str) -> BoundedPattern:
    try:
        return compile_term(term)
    except PatternError as exc:
        raise CodebookError(f"{source}: issue '{issue_id}': term {_shown(term)} is refused: {exc}") from None


def _shown(pattern: str, limit: int = 80) -> str:
    """A pattern quoted for a message, cut when long (messages never echo huge input)."""
    return repr(pattern if len(pattern) <= limit else pattern[: limit - 1] + "…")


def codebook_from_dict(data: object, source: str = "codebook", located: Located | None = None) -> Codebook:
    """The codebook of parsed YAML ``data``; ``located`` (from :func:`core.knowledge.files.parse_yaml`)
    gives messages the line of a misspelt or misplaced key. Raises CodebookError naming ``source``."""
    if isinstance(data, dict):
        CODEBOOK_SCHEMA.check(data, source, located, CodebookError)
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise CodebookError(f"{source}: a codebook must be a mapping with an 'issues' list")
    issues: list[Issue] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["issues"], start=1):
        if not isinstance(raw, dict) or not raw.get("id"):
            raise CodebookError(f"{source}: issue #{i} has no 'id'")
        issue_id = str(raw["id"]).strip()
        if not ISSUE_ID_RULE.fullmatch(issue_id):
            raise CodebookError(f"{source}: issue id {issue_id!r} must use only a-z, 0-9 and _")
        if issue_id in seen:
            raise CodebookError(f"{source}: issue id {issue_id!r} appears twice")
        seen.add(issue_id)
        patterns = _listed(raw.get("patterns"))
        terms = [" ".join(str(term).split()) for term in _listed(raw.get("terms"))]
        opposite_patterns = _listed(raw.get("opposite_patterns"))
        opposite_terms = [" ".join(str(term).split()) for term in _listed(raw.get("opposite_terms"))]
        problem_patterns = _listed(raw.get("problem_patterns"))
        problem_terms = [" ".join(str(term).split()) for term in _listed(raw.get("problem_terms"))]
        if not patterns and not terms:
            if opposite_terms or opposite_patterns or problem_terms or problem_patterns:
                raise CodebookError(f"{source}: issue '{issue_id}' has only opposite or problem terms and patterns; "
                                    "give it at least one term or pattern that names the issue itself")
            raise CodebookError(f"{source}: issue '{issue_id}' has no terms and no patterns")
        both = _on_both_sides({"for the issue": (terms, [str(p) for p in patterns]),
                               "as its opposite": (opposite_terms, [str(p) for p in opposite_patterns]),
                               "as its problem": (problem_terms, [str(p) for p in problem_patterns])})
        if both:
            raise CodebookError(f"{source}: issue '{issue_id}': {both}")
        issues.append(
            Issue(
                id=issue_id,
                label=str(raw.get("label") or issue_id.replace("_", " ").capitalize()),
                description=str(raw.get("description") or ""),
                patterns=tuple(_compile(str(p), issue_id, source) for p in patterns),
                terms=tuple(terms),
                term_patterns=tuple(_compile_term(term, issue_id, source) for term in terms),
                opposite_patterns=tuple(_compile(str(p), issue_id, source) for p in opposite_patterns),
                opposite_terms=tuple(opposite_terms),
                opposite_term_patterns=tuple(_compile_term(term, issue_id, source) for term in opposite_terms),
                problem_patterns=tuple(_compile(str(p), issue_id, source) for p in problem_patterns),
                problem_terms=tuple(problem_terms),
                problem_term_patterns=tuple(_compile_term(term, issue_id, source) for term in problem_terms),
            )
        )
    if not issues:
        raise CodebookError(f"{source}: the codebook has no issues")
    return Codebook(name=str(data.get("name") or source), issues=issues, digest=codebook_digest(issues))


def _on_both_sides(lists: dict[str, tuple[list[str], list[str]]]) -> str:
    """Why a term or pattern listed twice, e.g. for the issue and as its opposite, cannot be used
    ('' when none is): the first list's would always win and the other never match. ``lists``:
    how each list is named ("for the issue") -> its terms and its patterns, in search order."""
    named = list(lists.items())
    for n, (first, first_lists) in enumerate(named):
        for second, second_lists in named[n + 1:]:
            for kind, earlier, later in (("term", first_lists[0], second_lists[0]), ("pattern", first_lists[1], second_lists[1])):
                same = [item for item in later if item.casefold() in {p.casefold() for p in earlier}]
                if same:
                    return f"{kind} {_shown(same[0])} is listed both {first} and {second}; keep it in one list"
    return ""


def _listed(value: object) -> list:
    """A key's list of strings (one string alone is a list of one; nothing is an empty list)."""
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]


def codebook_from_yaml(text: str, source: str = "codebook") -> Codebook:
    """Parse a codebook kept as YAML text (e.g. in the corpus store); ``source`` names it in errors."""
    located = parse_yaml(text, source, CodebookError, noun="codebook")
    return codebook_from_dict(located.data, source, located)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load a YAML codebook (the default one in ``seeds/`` when ``path`` is None)."""
    path = Path(path) if path else DEFAULT_CODEBOOK
    return codebook_from_yaml(decode(read_bytes(path, CodebookError), str(path), CodebookError), str(path))


# --- Digest -----------------------------------------------------------------------------------


def pattern_sources(issue: Issue) -> list[str]:
    """The regular expressions of ``issue`` as written (the compiled patterns keep their source)."""
    return sources(issue.patterns)


def sources(patterns: tuple[BoundedPattern, ...]) -> list[str]:
    """Compiled patterns as written."""
    return [pattern.pattern for pattern in patterns]


def _issue_content(issue: Issue) -> dict:
    """What of an issue keys results: id, label, description, pattern sources, and the terms when
    there are any (so a codebook without terms keeps the digest it had before terms existed)."""
    content: dict = {"id": issue.id, "label": issue.label, "description": issue.description, "patterns": pattern_sources(issue)}
    if issue.terms:
        content["terms"] = list(issue.terms)
    # (and the opposite ones when there are any: older codebooks keep their digests)
    if issue.opposite_patterns:
        content["opposite_patterns"] = sources(issue.opposite_patterns)
    if issue.opposite_terms:
        content["opposite_terms"] = list(issue.opposite_terms)
    if issue.problem_patterns:
        content["problem_patterns"] = sources(issue.problem_patterns)
    if issue.problem_terms:
        content["problem_terms"] = list(issue.problem_terms)
    return content


def codebook_digest(issues: list[Issue]) -> str:
    """A short hash of the issues' ids, labels, descriptions and pattern sources, in order.

    It keys cached extraction results, so it depends on content only: the same issues give the
    same digest whether they come from a file (comments and layout do not count), from text in the
    store or from the editor; any change to an id, label, description or pattern changes it. The
    codebook ``name`` is left out, so renaming a codebook re-analyses nothing.
    """
    canonical = [_issue_content(issue) for issue in issues]
    payload = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


# --- Writing ----------------------------------------------------------------------------------

YAML_HEADER = """\
# Codebook: {name}
#
# Each issue: id (a-z, 0-9, _), label, description (what *support* means), terms and/or patterns.
# Terms are words or phrases; each also matches the other forms of its words ("negotiate" matches
# "negotiations" and "negotiating", "ceasefire" matches "cease-fire"): see core/knowledge/terms.py.
# Patterns are case-insensitive Python regular expressions matched on sentence text; write them in
# single quotes so backslashes stay as typed ('\\btariffs?\\b'); inside single quotes, write ' as ''.
# When matches overlap, the longest wins (so "carbon border tax" beats "tax").
# opposite_terms / opposite_patterns name things whose support is opposition to the issue ("fracking"
# for limits on fossil fuels): a stance on them is turned round. problem_terms / problem_patterns name
# the problem the issue acts against ("climate change" for acting on it): fighting it or warning of
# it is support, denying or ignoring it opposition.
# A word inside a pattern is part of the issue's name: supporting "limits on X" means supporting
# limits. Words before a match may invert it ("a halt to" X = oppose X); those live in the lexicon.
# Changing an id, label, description or pattern re-analyses the articles on the next start.
"""


class _QuotedPattern(str):
    """A pattern source, written single-quoted so regex backslashes read as typed."""


class _CodebookDumper(yaml.SafeDumper):
    """Indents list items under their key ("issues:\n  - id: ..."), like the hand-written seed."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_quoted(dumper: yaml.SafeDumper, value: _QuotedPattern) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="'")


_CodebookDumper.add_representer(_QuotedPattern, _represent_quoted)


def codebook_to_dict(codebook: Codebook) -> dict:
    """The codebook as plain data (``name`` and ``issues``) that ``codebook_from_dict`` reads back."""
    return {
        "name": codebook.name,
        "issues": [_written_issue(issue) for issue in codebook.issues],
    }


def _written_issue(issue: Issue) -> dict:
    """An issue as the codebook file writes it: terms first (the usual way), then regex patterns;
    an empty list is left out."""
    written: dict = {"id": issue.id, "label": issue.label, "description": issue.description}
    if issue.terms:
        written["terms"] = list(issue.terms)
    if issue.patterns or not issue.terms:
        written["patterns"] = pattern_sources(issue)
    if issue.opposite_terms:
        written["opposite_terms"] = list(issue.opposite_terms)
    if issue.opposite_patterns:
        written["opposite_patterns"] = sources(issue.opposite_patterns)
    if issue.problem_terms:
        written["problem_terms"] = list(issue.problem_terms)
    if issue.problem_patterns:
        written["problem_patterns"] = sources(issue.problem_patterns)
    return written


def codebook_to_yaml(codebook: Codebook) -> str:
    """The codebook as commented YAML that ``codebook_from_yaml`` reads back to an equal codebook."""
    data = codebook_to_dict(codebook)
    head = _dump_yaml({"name": data["name"]}) + "issues:\n"
    # One issue at a time, indented under "issues:", with a blank line between issues as in the seed.
    blocks = []
    for issue in data["issues"]:
        for key in ("patterns", "opposite_patterns", "problem_patterns"):
            if key in issue:
                issue[key] = [_QuotedPattern(p) for p in issue[key]]
        blocks.append("".join("  " + line for line in _dump_yaml([issue]).splitlines(keepends=True)))
    return YAML_HEADER.format(name=" ".join(codebook.name.split())) + head + "\n".join(blocks)


def _dump_yaml(data: object) -> str:
    return yaml.dump(
        data, Dumper=_CodebookDumper, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False
    )


def save_codebook(codebook: Codebook, path: str | Path) -> None:
    """Write ``codebook_to_yaml(codebook)`` to ``path`` atomically (a temp file, then ``os.replace``)."""
    path = Path(path)
    text = codebook_to_yaml(codebook)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


# --- Editing ----------------------------------------------------------------------------------

# Text the empty-match check probes: a pattern that matches nothing but empty stretches is useless.
_EMPTY_MATCH_PROBE = "Some words, 42 more-words; and an end."


@dataclass
class IssueDraft:
    """An issue as the editor holds it: plain strings, patterns not yet compiled."""

    id: str
    label: str
    description: str = ""
    patterns: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    opposite_patterns: list[str] = field(default_factory=list)
    opposite_terms: list[str] = field(default_factory=list)
    problem_patterns: list[str] = field(default_factory=list)
    problem_terms: list[str] = field(default_factory=list)

    @classmethod
    def from_issue(cls, issue: Issue) -> IssueDraft:
        """A draft of an existing issue, to edit it."""
        return cls(issue.id, issue.label, issue.description, pattern_sources(issue), list(issue.terms),
                   sources(issue.opposite_patterns), list(issue.opposite_terms), sources(issue.problem_patterns),
                   list(issue.problem_terms))

    def cleaned(self) -> IssueDraft:
        """The draft with id, label and description trimmed and blank pattern and term lines dropped
        (a term's inner white space collapsed)."""
        def patterns(lines: list[str]) -> list[str]:
            return [p for p in lines if p and p.strip()]

        def terms(lines: list[str]) -> list[str]:
            return [" ".join(term.split()) for term in lines if term and term.strip()]

        return IssueDraft(self.id.strip(), self.label.strip(), self.description.strip(), patterns(self.patterns),
                          terms(self.terms), patterns(self.opposite_patterns), terms(self.opposite_terms),
                          patterns(self.problem_patterns), terms(self.problem_terms))


def _pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used, or None when it can."""
    try:
        compiled = compile_pattern(pattern)
    except PatternError as exc:
        return f"pattern {_shown(pattern)} is refused: {exc}"
    if compiled.search("") is not None:
        return f"pattern {_shown(pattern)} matches empty text; it must match at least one character"
    probe_lengths = {m.end() - m.start() for m in compiled.finditer(_EMPTY_MATCH_PROBE)}
    if probe_lengths == {0}:
        return f"pattern {_shown(pattern)} only matches empty stretches of text; it must match at least one character"
    return None


def validate_issue(draft: IssueDraft, codebook: Codebook, editing: str | None = None) -> list[str]:
    """Problems that keep ``draft`` out of ``codebook`` (an empty list when there are none).

    ``editing`` is the id of the issue being edited: the draft may keep that id (or take a new one).
    """
    draft = draft.cleaned()
    problems: list[str] = []
    if not draft.id:
        problems.append("the issue needs an id")
    elif not ISSUE_ID_RULE.fullmatch(draft.id):
        problems.append(f"issue id {draft.id!r} must use only a-z, 0-9 and _")
    elif draft.id != editing and draft.id in codebook.ids:
        problems.append(f"issue id {draft.id!r} is already used by another issue")
    if editing is not None and editing not in codebook.ids:
        problems.append(f"there is no issue {editing!r} to edit")
    if not draft.label:
        problems.append("the issue needs a label")
    if not draft.patterns and not draft.terms:
        problems.append("the issue needs at least one term or pattern"
                        + (" that names the issue itself (opposite and problem ones alone do not)" if draft.opposite_terms or draft.opposite_patterns
                           or draft.problem_terms or draft.problem_patterns else ""))
    both = _on_both_sides({"for the issue": (draft.terms, draft.patterns),
                           "as its opposite": (draft.opposite_terms, draft.opposite_patterns),
                           "as its problem": (draft.problem_terms, draft.problem_patterns)})
    if both:
        problems.append(both)
    for pattern in [*draft.patterns, *draft.opposite_patterns, *draft.problem_patterns]:
        problem = _pattern_problem(pattern)
        if problem:
            problems.append(problem)
    for term in [*draft.terms, *draft.opposite_terms, *draft.problem_terms]:
        try:
            compile_term(term)
        except PatternError as exc:
            problems.append(f"term {_shown(term)} is refused: {exc}")
    return problems


def _issue_from_draft(draft: IssueDraft) -> Issue:
    patterns = tuple(compile_pattern(p, probe=False) for p in draft.patterns)  # validated already
    return Issue(id=draft.id, label=draft.label, description=draft.description, patterns=patterns,
                 terms=tuple(draft.terms), term_patterns=tuple(compile_term(term) for term in draft.terms),
                 opposite_patterns=tuple(compile_pattern(p, probe=False) for p in draft.opposite_patterns),
                 opposite_terms=tuple(draft.opposite_terms),
                 opposite_term_patterns=tuple(compile_term(term) for term in draft.opposite_terms),
                 problem_patterns=tuple(compile_pattern(p, probe=False) for p in draft.problem_patterns),
                 problem_terms=tuple(draft.problem_terms),
                 problem_term_patterns=tuple(compile_term(term) for term in draft.problem_terms))


def _with_issues(codebook: Codebook, issues: list[Issue]) -> Codebook:
    return Codebook(name=codebook.name, issues=issues, digest=codebook_digest(issues))


def with_issue(codebook: Codebook, draft: IssueDraft, replace: str | None = None) -> Codebook:
    """A new codebook with ``draft`` added at the end, or in place of the issue ``replace``.

    Raises CodebookError listing every problem when the draft is invalid. ``codebook`` is unchanged.
    """
    problems = validate_issue(draft, codebook, editing=replace)
    if problems:
        raise CodebookError("; ".join(problems))
    issue = _issue_from_draft(draft.cleaned())
    if replace is None:
        issues = [*codebook.issues, issue]
    else:
        issues = [issue if old.id == replace else old for old in codebook.issues]
    return _with_issues(codebook, issues)


def without_issue(codebook: Codebook, issue_id: str) -> Codebook:
    """A new codebook without the issue ``issue_id``; raises CodebookError for an unknown id or the last issue."""
    if issue_id not in codebook.ids:
        raise CodebookError(f"there is no issue {issue_id!r} to remove")
    issues = [issue for issue in codebook.issues if issue.id != issue_id]
    if not issues:
        raise CodebookError("a codebook needs at least one issue; add another before removing this one")
    return _with_issues(codebook, issues)


def changed_issues(old: Codebook, new: Codebook) -> set[str]:
    """Ids added, removed, or whose patterns or terms, plain, opposite or problem (as written, in
    order), differ between ``old`` and ``new``."""
    def written(issue: Issue) -> tuple:
        return (pattern_sources(issue), issue.terms, sources(issue.opposite_patterns), issue.opposite_terms,
                sources(issue.problem_patterns), issue.problem_terms)

    old_patterns = {issue.id: written(issue) for issue in old.issues}
    new_patterns = {issue.id: written(issue) for issue in new.issues}
    return {
        issue_id
        for issue_id in old_patterns.keys() | new_patterns.keys()
        if old_patterns.get(issue_id) != new_patterns.get(issue_id)
    }
