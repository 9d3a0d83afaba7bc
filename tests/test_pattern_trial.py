"""The Codebook page's "Test patterns": which quotes a draft issue's patterns match, bounded in
the number of distinct texts tried, and refused like the codebook refuses a bad pattern."""

from __future__ import annotations

import pytest

from core.knowledge.codebook import CodebookError
from core.knowledge.pattern_trial import try_patterns

QUOTES = [
    "The ferry timetable must change before winter.",
    "We oppose the new ferry fares.",
    "The ferry timetable must change before winter.",  # quoted twice in the corpus
    "Nobody asked the fishermen.",
]


def test_every_matching_quote_counts_repeats_included():
    trial = try_patterns([r"\bferry\b"], QUOTES)
    assert trial.hits == [QUOTES[0], QUOTES[1], QUOTES[0]]
    assert (trial.total, trial.distinct, trial.tested, trial.cut) == (4, 3, 3, False)


def test_a_bounded_trial_tries_the_first_distinct_texts_and_counts_each_once():
    trial = try_patterns([r"ferry|fishermen"], QUOTES, max_texts=2)
    assert trial.cut and trial.tested == 2 and trial.distinct == 3
    assert trial.hits == [QUOTES[0], QUOTES[1]]  # the fishermen quote was not tried


def test_no_text_no_hit():
    trial = try_patterns([r"\bferry\b"], [])
    assert trial.hits == [] and not trial.cut


def test_a_broken_pattern_is_refused_naming_the_draft():
    with pytest.raises(CodebookError, match=r"the draft: issue .draft.: pattern .ferry\(. is refused"):
        try_patterns([r"ferry("], QUOTES)
