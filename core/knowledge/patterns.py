"""Codebook patterns on a bounded regular-expression engine.

A codebook pattern is written by whoever edits the codebook, so it is untrusted input: with
Python's ``re`` a pattern such as ``(a|aa)+$`` backtracks for hours on a short line of text, holds
the interpreter lock, and freezes the whole server. Patterns therefore run on the ``regex`` module
(same syntax as ``re``, lookarounds included) with a hard time limit on every search, and they
release the interpreter lock while they match, so other users are still served:

* on entry (file loader, Codebook page, CLI) a pattern is compiled and tried on adversarial probe
  texts built from its own characters; one that needs more than ``PROBE_TIMEOUT_S`` there is
  refused with the reason;
* at run time each search over one text stops after ``MATCH_TIMEOUT_S``; a pattern that times
  out once is switched off for the rest of the process (it counts as not matching) and its
  ``timeouts`` count says so, so one pattern costs at most one time limit per process.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

FLAGS = regex.IGNORECASE | regex.VERSION0
MATCH_TIMEOUT_S = 0.25  # one search or finditer over one text (a sentence, an article)
PROBE_TIMEOUT_S = 0.1  # each adversarial probe on entry
PROBE_REPEAT = 48  # characters per probe run: enough for exponential backtracking to show
MAX_PATTERN_CHARS = 1000
PROBE_BUDGET_S = 1.0  # all probes of one pattern together
MAX_REPEAT_COUNT = 100  # {n} and {m,n}: compiling a{1000}{1000} alone takes hundreds of MB
MAX_NESTED_REPEAT = 10_000  # the product of the counts of repeats nested in each other


class PatternError(ValueError):
    """A pattern that cannot be used; the message says why."""


@dataclass(eq=False)
class BoundedPattern:
    """A compiled codebook pattern whose every search is time-limited (see the module docstring).

    Offers the part of ``re.Pattern`` the pipeline uses: ``pattern``, ``flags``, ``search`` and
    ``finditer``."""

    pattern: str
    compiled: regex.Pattern
    timeouts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __getstate__(self) -> dict:
        # A lock does not pickle; the knowledge sent to worker processes holds these patterns.
        state = self.__dict__.copy()
        state.pop("_lock", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def disabled(self) -> bool:
        return self.timeouts > 0

    def _timed_out(self) -> None:
        with self._lock:
            self.timeouts += 1

    def search(self, text: str, timeout: float = MATCH_TIMEOUT_S):
        """The first match, or None (also when the pattern is switched off or runs out of time)."""
        if self.disabled:
            return None
        try:
            return self.compiled.search(text, timeout=timeout, concurrent=True)
        except TimeoutError:
            self._timed_out()
            return None

    def finditer(self, text: str, timeout: float = MATCH_TIMEOUT_S) -> Iterator:
        """Every match, found within one time limit (none when it runs out or is switched off)."""
        if self.disabled:
            return iter(())
        try:
            return iter(list(self.compiled.finditer(text, timeout=timeout, concurrent=True)))
        except TimeoutError:
            self._timed_out()
            return iter(())


def _probes(source: str) -> list[str]:
    """Texts that make a backtracking pattern blow up: long runs of the characters the pattern
    names (and of common ones), each ended by a character that spoils the match."""
    letters = sorted({c.lower() for c in source if c.isalnum()})[:8]
    words = list(dict.fromkeys(w.lower() for w in regex.findall(r"[^\W\d_]{2,}", source)))[:6]
    units = [*letters, *words, *(w + " " for w in words), "a", "1", " ", "ab", "a ", "word ", "\n", ".", "-"]
    probes: list[str] = []
    for unit in dict.fromkeys(units):
        run = unit * max(1, PROBE_REPEAT // len(unit))
        probes += [run + "!", run + "\u2603", "x" + run]
    return probes


def _repeat_problem(source: str) -> str | None:
    """Why the counted repeats of ``source`` would make compiling it take too much time or memory
    (None when they do not). Checked on Python's own parse of the pattern, before ``regex``
    compiles anything: compiling has no time or memory limit of its own."""
    import re._parser as parser  # noqa: PLC0415 - the parser of the re syntax, without compiling

    try:
        tree = parser.parse(source, 0)
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        return f"it is not a valid regular expression: {exc}"
    repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT, getattr(parser, "POSSESSIVE_REPEAT", parser.MAX_REPEAT)}

    def walk(items, product: int) -> str | None:
        for op, value in items:
            children: list = []
            factor = 1
            if op in repeats:
                low, high, body = value
                count = low if high == parser.MAXREPEAT else high
                if count > MAX_REPEAT_COUNT:
                    return f"it repeats something {count:,} times; the limit is {MAX_REPEAT_COUNT}"
                factor, children = max(count, 1), [body]
            elif op is parser.SUBPATTERN:
                children = [value[3]]
            elif op is parser.BRANCH:
                children = list(value[1])
            elif op in (parser.ASSERT, parser.ASSERT_NOT):
                children = [value[1]]
            elif op is getattr(parser, "ATOMIC_GROUP", None):
                children = [value]
            elif op is parser.GROUPREF_EXISTS:
                children = [branch for branch in value[1:] if branch is not None]
            if product * factor > MAX_NESTED_REPEAT:
                return f"its nested repeats multiply to more than {MAX_NESTED_REPEAT:,}"
            for child in children:
                problem = walk(child, product * factor)
                if problem:
                    return problem
        return None

    return walk(tree, 1)


def compile_pattern(source: str, probe: bool = True, max_chars: int = MAX_PATTERN_CHARS) -> BoundedPattern:
    """Compile one codebook pattern; raises PatternError with the reason when it is not valid
    syntax, is too long (``max_chars``: larger for the patterns generated from codebook terms,
    whose own length is capped), repeats too much, or (with ``probe``) is too slow on adversarial text."""
    if len(source) > max_chars:
        raise PatternError(f"the pattern has {len(source):,} characters; the limit is {max_chars:,}")
    problem = _repeat_problem(source)
    if problem:
        raise PatternError(problem)
    try:
        compiled = regex.compile(source, FLAGS)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise PatternError(f"it is not a valid regular expression: {exc}") from None
    pattern = BoundedPattern(source, compiled)
    if probe:
        budget_end = time.monotonic() + PROBE_BUDGET_S
        for text in _probes(source):
            left = budget_end - time.monotonic()
            try:
                if left <= 0:
                    raise TimeoutError
                list(compiled.finditer(text, timeout=min(PROBE_TIMEOUT_S, left), concurrent=True))
            except TimeoutError:
                raise PatternError(
                    "it is too slow: on a short adversarial text it backtracks for more than "
                    f"{PROBE_TIMEOUT_S:g} s (nested repetition such as (a+)+ or (a|aa)+); rewrite it "
                    "without repeating a group that can itself repeat"
                ) from None
    return pattern


def compile_combined(sources: list[str]) -> BoundedPattern | None:
    """One pattern matching where any of ``sources`` matches (no probe: each part passed one), or
    None when they cannot be combined exactly."""
    source = "|".join(f"(?:{s})" for s in sources)
    try:
        return BoundedPattern(source, regex.compile(source, FLAGS))
    except (regex.error, OverflowError, RecursionError, ValueError):
        return None
