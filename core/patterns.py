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

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

FLAGS = regex.IGNORECASE | regex.VERSION0
MATCH_TIMEOUT_S = 0.25  # one search or finditer over one text (a sentence, an article)
PROBE_TIMEOUT_S = 0.1  # each adversarial probe on entry
PROBE_REPEAT = 48  # characters per probe run: enough for exponential backtracking to show
MAX_PATTERN_CHARS = 1000


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


def compile_pattern(source: str, probe: bool = True) -> BoundedPattern:
    """Compile one codebook pattern; raises PatternError with the reason when it is not valid
    syntax, is too long, or (with ``probe``) is too slow on adversarial text."""
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(f"the pattern has {len(source):,} characters; the limit is {MAX_PATTERN_CHARS:,}")
    try:
        compiled = regex.compile(source, FLAGS)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise PatternError(f"it is not a valid regular expression: {exc}") from None
    pattern = BoundedPattern(source, compiled)
    if probe:
        for text in _probes(source):
            try:
                list(compiled.finditer(text, timeout=PROBE_TIMEOUT_S, concurrent=True))
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
