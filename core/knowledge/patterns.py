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


_timeouts_so_far = 0  # searches of any pattern that ran out of time in this process


def timeouts_so_far() -> int:
    """How many searches of any pattern ran out of time in this process so far: a change across a
    search means some pattern was switched off."""
    return _timeouts_so_far


@dataclass(eq=False)
class BoundedPattern:
    """A compiled codebook pattern whose every search is time-limited (see the module docstring).

    Offers the part of ``re.Pattern`` the pipeline uses: ``pattern``, ``flags``, ``search`` and
    ``finditer``."""

    pattern: str
    compiled: regex.Pattern
    timeouts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _words: frozenset[str] | None = field(default=None, repr=False)  # required_words, once read

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
        global _timeouts_so_far
        with self._lock:
            self.timeouts += 1
            _timeouts_so_far += 1

    def search(self, text: str, timeout: float = MATCH_TIMEOUT_S):
        """The first match, or None (also when the pattern is switched off or runs out of time)."""
        if self.disabled:
            return None
        try:
            return self.compiled.search(text, timeout=timeout, concurrent=True)
        except TimeoutError:
            self._timed_out()
            return None

    @property
    def words(self) -> frozenset[str]:
        """The pieces of text one of which every match holds (``required_words``; empty: none known)."""
        if self._words is None:
            self._words = required_words(self.pattern)
        return self._words

    def finditer(self, text: str, timeout: float = MATCH_TIMEOUT_S) -> Iterator:
        """Every match, found within one time limit (none when it runs out or is switched off)."""
        if self.disabled:
            return iter(())
        try:
            return iter(list(self.compiled.finditer(text, timeout=timeout, concurrent=True)))
        except TimeoutError:
            self._timed_out()
            return iter(())


# Hyphens and spaces, taken out of a text before looking for a pattern's required words: the
# patterns of codebook terms allow one between any two letters ("cease-fire" for "ceasefire").
SQUEEZED = "-\u2010\u2011 "
_SQUEEZE = str.maketrans("", "", SQUEEZED)


def squeeze(text: str) -> str:
    """``text`` lower-cased without the ``SQUEEZED`` characters: where ``required_words`` are looked for."""
    return text.lower().translate(_SQUEEZE)


def required_words(source: str) -> frozenset[str]:
    """Pieces of plain ASCII text, lower-cased and without hyphens or spaces, one of which every
    match of ``source`` holds once squeezed (``squeeze``): "ceasefire" and "truce" for
    ``\b(?:cease-?fire|truce)s?\b``, "clinton" for a term's ``c[-‐‑ ]?l[-‐‑ ]?i...``; empty when the
    pattern needs none that this reading can name (only sets, dots, optional parts). Only what a
    match consumes is read (not a lookaround, an anchor or a back reference), and a match squeezed
    is a piece of the text squeezed, so a text whose squeezed form holds none of the pieces has no
    match whatever else the pattern asks: a cheaper first test than a search (``Codebook.find``)."""
    import re._constants as const  # noqa: PLC0415 - the op codes of the parse below
    import re._parser as parser  # noqa: PLC0415 - the parser of the re syntax, without compiling

    try:
        tree = parser.parse(source, 0)
    except (re.error, OverflowError, RecursionError, ValueError):
        return frozenset()
    repeats = (const.MAX_REPEAT, const.MIN_REPEAT, getattr(const, "POSSESSIVE_REPEAT", const.MAX_REPEAT))

    def of_sequence(items) -> frozenset[str] | None:
        # each run of ASCII literals is needed, and so is what each needed part needs: any one of
        # them will do; the one whose shortest piece is longest tests best
        options: list[frozenset[str]] = []
        run: list[str] = []
        for op, value in [*items, (None, None)]:
            if op is not None and squeezed(op, value):
                continue  # (gone from the squeezed text: "cease-fire" needs "ceasefire" there)
            if op is const.LITERAL and value < 128:
                run.append(chr(value).lower())
                continue
            if run:
                options.append(frozenset({"".join(run)}))
                run = []
            needed = of_part(op, value) if op is not None else None
            if needed:
                options.append(needed)
        return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)

    def squeezed(op, value) -> bool:
        # a character, a set of them or a repeat of either that matches only SQUEEZED characters
        if op is const.LITERAL:
            return chr(value) in SQUEEZED
        if op is const.IN:
            return all(item_op is const.LITERAL and chr(item) in SQUEEZED for item_op, item in value)
        if op in repeats:
            return len(value[2]) == 1 and squeezed(*value[2][0])
        return False

    def of_part(op, value) -> frozenset[str] | None:
        if op is const.SUBPATTERN:
            return of_sequence(value[3])
        if op is const.BRANCH:
            branches = [of_sequence(branch) for branch in value[1]]
            return None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        if op in repeats and value[0] >= 1:
            return of_sequence(value[2])
        if op is getattr(const, "ATOMIC_GROUP", None):
            return of_sequence(value)
        return None  # a set, a dot, a class, an optional part, an assertion, a back reference

    needed = of_sequence(tree)
    return needed if needed and all(needed) else frozenset()


def words_testable(text: str) -> bool:
    """Whether ``required_words`` may be looked for in ``squeeze(text)``: no character of it that
    is not ASCII could match an ASCII letter without regard to case ("ſ" matches s, the Kelvin sign k)."""
    return text.isascii() or not any(
        c.isascii() for char in set(text) if not char.isascii() for form in (char.lower(), char.upper(), char.casefold()) for c in form
    )


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
