"""Trying an issue's patterns on the corpus before they are saved (the Codebook page's "Test
patterns"): which quotes the draft patterns would match.

A user's regular expression can backtrack catastrophically and Python's ``re`` has no timeout, so
the input is bounded: at most ``max_texts`` distinct texts are tried (the patterns themselves are
checked by the codebook's own rules, ``core.knowledge.codebook``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.knowledge.codebook import codebook_from_dict

MAX_TRIAL_TEXTS = 5_000  # distinct texts a trial runs the patterns on


@dataclass(frozen=True)
class PatternTrial:
    """What the draft patterns matched among the texts given."""

    hits: list[str]  # every matching text in order (repeats kept); each distinct one once when cut
    total: int  # texts given
    distinct: int  # distinct texts given
    tested: int  # distinct texts the patterns ran on

    @property
    def cut(self) -> bool:
        """Whether some texts were left untried (more distinct texts than the bound)."""
        return self.tested < self.distinct


def try_patterns(patterns: Sequence[str], texts: Iterable[str], max_texts: int = MAX_TRIAL_TEXTS,
                 terms: Sequence[str] = ()) -> PatternTrial:
    """Run ``patterns`` and ``terms`` (one issue's regular expressions and terms, as typed) on
    ``texts``, each distinct text once and at most ``max_texts`` of them. Raises ``CodebookError``
    (naming "the draft") for a pattern or term the codebook would refuse, or when there is neither."""
    probe = codebook_from_dict({"issues": [{"id": "draft", "patterns": list(patterns), "terms": list(terms)}]}, "the draft")
    given = list(texts)
    distinct = list(dict.fromkeys(given))
    tried = distinct[:max_texts]
    matching = {text for text in tried if probe.find(text)}
    cut = len(distinct) > max_texts
    hits = [text for text in (tried if cut else given) if text in matching]
    return PatternTrial(hits=hits, total=len(given), distinct=len(distinct), tested=len(tried))
