"""The construction challenge sets (tests/challenge/*.yaml, sentences written blind by helpers, with
other names, countries and subjects): the runner on a toy set, and the rules' pass rates kept above
floors measured when the sets were added (so a change that breaks constructions they cover fails)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from core.evaluation.challenge import run_set, summarize
from tests.nlp_fixtures import nlp

TESTS = Path(__file__).resolve().parent

# set -> (cases passed, expected rows found) by the rules, measured on 2026-12-03 after the holder
# and polarity work of issue 13; the floors are 0.05 below. The held-out set is only scored: its
# failing cases are never printed (tests/challenge_heldout/README.md).
MEASURED = {
    "challenge/holders.yaml": (110 / 150, 131 / 175),
    "challenge/polarity.yaml": (117 / 150, 103 / 136),
    "challenge_heldout/heldout.yaml": (75 / 120, 68 / 114),
}


def floor_of(measured: float, margin: float = 0.05) -> float:
    return math.floor(round((measured - margin) * 100, 6)) / 100


def test_a_case_passes_with_every_expected_row_and_no_forbidden_one(tmp_path):
    path = tmp_path / "toy.yaml"
    path.write_text(
        "codebook:\n  issues:\n    - {id: toll_road, label: Toll road, terms: [toll road]}\n"
        "cases:\n"
        "  - {text: 'Peru rejected the toll road.', construction: plain, expect: [[Peru, toll_road, oppose]], forbid: [[Peru, toll_road, support]]}\n"
        "  - {text: 'Peru rejected the toll road.', construction: wrong, expect: [[Peru, toll_road, support]], forbid: []}\n"
        "  - {text: 'Peru rejected the toll road.', construction: forbidden, expect: [], forbid: [[peru, toll_road, oppose]]}\n",
        encoding="utf-8",
    )
    results = run_set(path, nlp())
    assert [r.passed for r in results] == [True, False, False]
    assert results[2].violations == {("peru", "toll_road", "oppose")}  # names compare case-blind
    summary = summarize(results)
    assert (summary.cases, summary.passed, summary.expected, summary.hits, summary.violated) == (3, 1, 2, 1, 1)


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_the_rules_stay_above_the_measured_floors(name):
    results = run_set(TESTS / name, nlp())
    summary = summarize(results)
    passed, recall = MEASURED[name]
    shown = [] if "heldout" in name else [r.text for r in results if not r.passed][:10]
    assert summary.pass_rate >= floor_of(passed), f"{name}: {summary.line()}; failing: {shown}"
    assert summary.recall >= floor_of(recall), f"{name}: {summary.line()}"
