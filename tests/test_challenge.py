"""The construction challenge sets (tests/challenge/*.yaml, sentences written blind by helpers, with
other names, countries and subjects): the runner on a toy set, and the rules' pass rates kept above
floors measured when the sets were added (so a change that breaks constructions they cover fails);
the learned scorer above floors on the held-out sets; the read sets as training examples; and the
attribution sets (tests/challenge_quotes/, tests/challenge_heldout/attribution_heldout.yaml): the
quotes table's runner on a toy set and its figures above floors."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from core.evaluation.challenge import run_set, summarize
from tests.nlp_fixtures import nlp

TESTS = Path(__file__).resolve().parent

# set -> (cases passed, expected rows found) by the rules, measured on 2026-12-05 at the end of that
# day's tenth session (issue 13; unchanged at the end of the eleventh and thirteenth); the floors are 0.05 below. The held-out sets are only
# scored: their failing cases are never printed (tests/challenge_heldout/README.md, README2.md,
# README_ukraine.md, README_us_topics.md, README_groups.md).
MEASURED = {
    "challenge/holders.yaml": (129 / 150, 153 / 175),  # (126, 150 before the twentieth session: descriptions with relative clauses, members of unnamed speakers, "it" for the issue, "walk out")
    "challenge/polarity.yaml": (126 / 150, 112 / 136),  # (127, 113 before the twenty-first session: "Union leader X said workers would back the road" is the workers' view now, as CODING.md has "Smith said Jones wants X")
    "challenge/discourse.yaml": (48 / 80, 68 / 108),  # (67 rows before the twenty-fifth session)
    "challenge/evaluative.yaml": (89 / 130, 89 / 132),
    "challenge/negotiation.yaml": (44 / 100, 59 / 129),  # (43, 57 before the twenty-fifth session; 58 rows before the twenty-sixth)
    "challenge/us_politics.yaml": (78 / 120, 70 / 112),  # (79, 71 before the twenty-third session: "called it 'the least we can do'" was support only because "call" counted as support without "for");  # (76, 68 before the nineteenth session's votes with nothing after them and merged phrasings);  # (77, 69 before the sixteenth session's "filibuster": "Republicans filibustered the bill. Sen. X led the effort against it": "it" after an act against the issue is the act)
    "challenge/diplomacy.yaml": (75 / 120, 117 / 172),  # (72, 114 before the eighteenth session's "bar" and conjoined verbs of a bill; 73, 115 before the twenty-fifth session)
    "challenge/ukraine.yaml": (76 / 120, 101 / 162),  # (75, 100 before the twenty-first session's judged conditions: "if they'd rather go straight to a peace deal, that's fine")
    "challenge/us_climate.yaml": (28 / 60, 21 / 61),  # (26, 19 before names were matched as the evaluation matches them, eighteenth session; 27, 20 before its head nouns named again with "a", "another" or as bare plurals)
    "challenge/us_trade.yaml": (29 / 60, 22 / 59),  # (28, 20 before names were matched as the evaluation matches them; 30 before a leading "the" was dropped from names, which made a forbidden "The Washington Post" row count)
    "challenge_heldout/heldout.yaml": (93 / 120, 88 / 114),  # (89, 84 before the sixteenth session's words of undoing; 90, 85 before the eighteenth's; 91, 86 before the twentieth's)
    "challenge_heldout/heldout2.yaml": (78 / 130, 81 / 132),  # (75, 79 before the eighteenth session; 76, 80 before the nineteenth; 77, 80 before the twentieth; 78, 81 before the twenty-first: one case lost, not read; 77, 80 before the twenty-fifth session's head nouns and names after a role)
    "challenge_heldout/ukraine_heldout.yaml": (40 / 100, 56 / 158),  # (39 cases before the twenty-sixth session);  # (40, 57 before the nineteenth session: one case lost, not read); (39, 51 before the twelfth session; 52 rows before the fifteenth, 56 before the sixteenth)
    "challenge_heldout/us_guns_heldout.yaml": (18 / 50, 15 / 54),
    "challenge_heldout/us_immigration_heldout.yaml": (12 / 50, 11 / 51),  # (10 rows before the twentieth session)
    # (written blind in the twelfth session: before its party, cause and followers groups 25/60, 19/62)
    "challenge_heldout/groups_heldout.yaml": (36 / 60, 36 / 62),  # (35, 34 before the eighteenth session; 35 rows before the twentieth)
    # (written blind in the sixteenth session, with the read vocabulary set: the everyday words of
    # taking a side. At the session's start 85/120 cases and 76/108 rows; after its first words of
    # undoing 91, 82)
    "challenge/vocabulary.yaml": (132 / 150, 122 / 138),  # (100/150, 91/138 at the session's start; 127, 117 at its end; 128, 118 before the twenty-fifth session; 129, 119 before the twenty-sixth)
    "challenge/vocabulary2.yaml": (114 / 150, 103 / 140),  # (113, 102 before the twentieth session's bodies before titles)  # (112, 101 before names were matched as the evaluation matches them; 84/150, 73/140 when written, after the first; 111, 100 at the sixteenth session's end)
    "challenge/vocabulary3.yaml": (85 / 100, 75 / 91),  # (61/100, 51/91 when written, after the second; 73, 63 at the sixteenth session's end; 84, 74 before the twenty-fifth session)
    # (95, 86 after the first read set's words; 97, 88 after the second's; 95, 86 after a code
    # reviewer's fixes and the third's)
    "challenge_heldout/vocabulary_heldout.yaml": (97 / 120, 87 / 108),  # (96, 86 before the twenty-sixth session); (95, 86 before the eighteenth session; 96, 87 before the twenty-third: one row lost, not read, with two forbidden rows fewer)
    # (written blind in the seventeenth session, a read set and a held-out one on sides said inside
    # a noun phrase: role nouns beside a name, possessives, hyphened actors, prefixes and suffixes,
    # a cause owned by someone. At the session's start (54e34a2) 47/120, 28/100 and 43/100, 29/87;
    # the read set's codebook corrected once: trawling is an opposite term of the trawling ban)
    "challenge/noun_phrases.yaml": (72 / 120, 53 / 100),  # (71, 52 before names were matched as the evaluation matches them)
    "challenge_heldout/noun_phrases_heldout.yaml": (57 / 100, 42 / 87),  # (56, 41 before the twenty-first session)
    # (written blind in the eighteenth session: invented article-length stories, a read set and a
    # held-out one; no article passes whole, so the rows found are what counts. At a0494f5, the
    # session's start with names matched as the evaluation matches them: 14/107 and 6/101)
    "challenge/articles.yaml": (0 / 12, 21 / 107),  # (20 before the nineteenth session's votes with nothing after them)
    "challenge_heldout/articles_heldout.yaml": (0 / 12, 9 / 101),
    # (written blind in the twenty-sixth session by a helper who read only the coding guide: wire-style
    # sentences of nine kinds; a read set. At the session's start (ae860d7) 39/90 and 53/111; after
    # its first rules, before its errors were read, 43 and 59)
    "challenge/wire_constructions.yaml": (49 / 90, 65 / 111),
}
# The learned scorer that ships (seeds/stance_scorer.json, trained on the dev articles) on the held-out
# sets, at its minimum confidence: it must keep generalising to constructions it never saw.
MEASURED_SCORER = {
    # (twenty-fifth session: retrained three times, once because the evaluation now reads "the
    # Italian government" as Italy's government (one gold row of the seed labelled anew), twice
    # after its rules (the second model gave noun phrases 50 / 44 and the held-out articles 12
    # rows); at its start heldout2 76 / 82, noun phrases 50 / 44, immigration 12 / 13, vocabulary
    # 102 / 94, the held-out articles 11 rows; not read)
    # (twentieth session: retrained after its constructions, minimum confidence 0.40 by the same
    # choice procedure (0.35 before); the nineteenth session's scorer at 0.35 gave 93, 76, 44, 24,
    # 12, 36, 101, 50 cases and 91, 83, 64, 24, 13, 35, 95, 44 rows on these sets, 12 rows on the
    # held-out articles)
    # (nineteenth session: retrained after its blank-line sentences and votes, minimum confidence 0.35
    # by the same choice procedure; at 0.40 before: 93, 75, 44, 24, 12, 36, 102, 48 cases and 91, 82,
    # 62, 24, 12, 35, 94, 42 rows on the older sets, 11 rows on the held-out articles)
    # (2026-12-06, eighteenth session: retrained after its article-length constructions, minimum
    # confidence 0.40 (0.35 before, chosen the same way). At the session's start, the seventeenth
    # session's scorer at 0.35 with names matched as the evaluation matches them: 92, 74, 44, 24,
    # 12, 35 cases passed and 90, 82, 63, 24, 13, 34 expected rows found on the six older sets; the
    # vocabulary set 102 and 94, the noun-phrase set 48 and 42, the held-out articles 9 rows of 101)
    "challenge_heldout/heldout.yaml": (92 / 120, 90 / 114),
    "challenge_heldout/heldout2.yaml": (76 / 130, 82 / 132),
    "challenge_heldout/ukraine_heldout.yaml": (43 / 100, 60 / 158),
    # (23, 22 before the twenty-second session's retraining after its echoes and judgments: two
    # cases lost, not read; the rules' rows there unchanged)
    "challenge_heldout/us_guns_heldout.yaml": (25 / 50, 24 / 54),  # (24, 23 before the twenty-sixth session's retraining; 21, 20 before the twenty-fourth session's retraining with problem terms in the dev climate codebook)
    "challenge_heldout/us_immigration_heldout.yaml": (14 / 50, 15 / 51),  # (13, 14 before the twenty-sixth session's retraining)
    "challenge_heldout/groups_heldout.yaml": (36 / 60, 36 / 62),
    "challenge_heldout/vocabulary_heldout.yaml": (102 / 120, 94 / 108),  # (101, 93 before the twenty-sixth session's retraining; 102, 94 before the twenty-third session; 103, 95 before the twenty-fourth's retraining: one case lost, not read)
    "challenge_heldout/noun_phrases_heldout.yaml": (50 / 100, 44 / 87),  # (48, 42 before the twenty-first session; 49, 43 before the twenty-fourth and the twenty-sixth)
    "challenge_heldout/articles_heldout.yaml": (0 / 12, 11 / 101),
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


def test_a_case_matches_names_as_the_evaluation_does(tmp_path):
    """A row's actor is matched to the case's names by NameMatcher, as the gold is matched: a title
    in the case ("Senator Ana Ruiz"), a surname alone ("Okafor") or a body's acronym ("HRA") stands
    for the name the table gives; a name that is another person's ("Luis Ruiz") does not."""
    path = tmp_path / "names.yaml"
    path.write_text(
        "codebook:\n  issues:\n    - {id: toll_road, label: Toll road, terms: [toll road]}\n"
        "cases:\n"
        "  - {text: 'Senator Ana Ruiz rejected the toll road.', construction: title, expect: [[Senator Ana Ruiz, toll_road, oppose]], forbid: []}\n"
        "  - {text: 'Governor Emeka Okafor rejected the toll road.', construction: surname, expect: [[Okafor, toll_road, oppose]], forbid: []}\n"
        "  - {text: 'Senator Ana Ruiz rejected the toll road.', construction: other person, expect: [[Luis Ruiz, toll_road, oppose]], forbid: []}\n"
        "  - {text: 'Senator Ana Ruiz rejected the toll road.', construction: forbidden, expect: [], forbid: [[Ruiz, toll_road, oppose]]}\n"
        "  - {text: 'The Hauliers Road Association rejected the toll road.', construction: acronym, expect: [[HRA, toll_road, oppose]], forbid: []}\n",
        encoding="utf-8",
    )
    results = run_set(path, nlp())
    assert [r.passed for r in results] == [True, True, False, False, True]
    assert results[3].violations == {("ruiz", "toll_road", "oppose")}


def test_a_set_may_name_a_codebook_file_and_then_measures_it_as_it_is(tmp_path):
    """``codebook: seeds/codebook.yaml`` reads the seed codebook (relative to the repository), so a
    set written for it measures what the codebook matches today."""
    from core.evaluation.challenge import set_codebook
    from core.knowledge.codebook import load_codebook

    seed = load_codebook(TESTS.parent / "seeds" / "codebook.yaml")
    assert [i.id for i in set_codebook({"codebook": "seeds/codebook.yaml"}, tmp_path / "x.yaml").issues] == [i.id for i in seed.issues]
    path = tmp_path / "seeded.yaml"
    path.write_text(
        "codebook: seeds/codebook.yaml\n"
        "cases:\n"
        "  - {text: 'Peru rejected the ceasefire.', construction: plain, expect: [[Peru, ceasefire, oppose]], forbid: []}\n",
        encoding="utf-8",
    )
    assert [r.passed for r in run_set(path, nlp())] == [True]


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_the_rules_stay_above_the_measured_floors(name):
    results = run_set(TESTS / name, nlp())
    summary = summarize(results)
    passed, recall = MEASURED[name]
    shown = [] if "heldout" in name else [r.text for r in results if not r.passed][:10]
    assert summary.pass_rate >= floor_of(passed), f"{name}: {summary.line()}; failing: {shown}"
    assert summary.recall >= floor_of(recall), f"{name}: {summary.line()}"


# ------------------------------------------------------------------ training examples


def test_challenge_cases_label_every_candidate_by_the_case_without_the_rules_verdicts(tmp_path):
    from core.evaluation.challenge import SYNTHETIC_FEATURE, challenge_examples

    path = tmp_path / "toy.yaml"
    path.write_text(
        "codebook:\n  issues:\n    - {id: toll_road, label: Toll road, terms: [toll road]}\n"
        "cases:\n"
        # the rules read "rejected": the stance the case expects
        "  - {text: 'Peru rejected the toll road.', construction: plain, expect: [[Peru, toll_road, oppose]], forbid: []}\n"
        # the rules read a side the case forbids: none
        "  - {text: 'Chile backed the toll road.', construction: wrong, expect: [], forbid: [[Chile, toll_road, support]]}\n"
        # the rules read nothing and the row is expected: learned too, with the expected side
        "  - {text: 'Ghana and the toll road made headlines.', construction: missed, expect: [[Ghana, toll_road, support]], forbid: []}\n",
        encoding="utf-8",
    )
    first = challenge_examples([path], nlp())
    assert first.cases == 3 and first.sets == ["toy.yaml"]
    assert first.labels == ["oppose", "none", "support"]
    # described as if the rules had read nothing: no feature of a rule's verdict is set
    plain = first.features[0]
    from core.evaluation.training import without_rule_verdicts
    from core.extraction.candidates import CandidateFinder
    from core.extraction.scorer import features_of
    from core.knowledge.codebook import codebook_from_dict

    book = codebook_from_dict({"issues": [{"id": "toll_road", "label": "Toll road", "terms": ["toll road"]}]}, "toy")
    found = CandidateFinder(nlp()("Peru rejected the toll road."), book, "x").candidates()
    assert features_of(found)[0].get("rule=oppose") == 1.0 and "rule=oppose" not in plain
    # ... and marked as an invented case, which an article's candidate never is
    assert plain == {**features_of(without_rule_verdicts(found))[0], SYNTHETIC_FEATURE: 1.0}
    assert SYNTHETIC_FEATURE not in features_of(found)[0]
    again = challenge_examples([path], nlp())
    assert again.labels == first.labels and again.features == first.features  # deterministic


def _labels_of(text: str, expect: list[list[str]]) -> list[tuple[str, int, str]]:
    from core.evaluation.challenge import case_labels
    from core.evaluation.stances import NameMatcher
    from core.extraction.candidates import CandidateFinder
    from core.knowledge.codebook import codebook_from_dict
    from core.knowledge.gazetteer import load_knowledge

    book = codebook_from_dict({"issues": [{"id": "toll_road", "label": "Toll road", "terms": ["toll road"],
                                           "opposite_terms": ["free highway"]}]}, "toy")
    found = CandidateFinder(nlp()(text), book, "x").candidates()
    return [(c.actor, c.sentence, label) for c, label in zip(found, case_labels(found, expect, NameMatcher(load_knowledge())))]


def test_a_case_labels_a_candidate_by_an_opposite_term_on_its_own_words():
    # supporting the free highway is opposing the toll road: the label is the side the words take
    assert _labels_of("Peru backed the free highway.", [["Peru", "toll_road", "oppose"]]) == [("Peru", 1, "support")]


def test_a_case_leaves_out_what_it_cannot_say():
    from core.evaluation.training import UNLABELLED

    # both sides expected of one actor: which sentence carries which is not written down
    both = _labels_of("Chile backed the toll road in May. In June Chile voted to scrap the toll road.",
                      [["Chile", "toll_road", "support"], ["Chile", "toll_road", "oppose"]])
    assert [label for _, _, label in both] == [UNLABELLED, UNLABELLED]
    # the expected actor in two sentences: only the one the rules read is labelled
    two = _labels_of("Kenya was in the news with the toll road on Monday. Kenya endorsed the toll road on Tuesday.",
                     [["Kenya", "toll_road", "support"]])
    assert two == [("Kenya", 1, UNLABELLED), ("Kenya", 2, "support")]


def test_a_case_matches_names_as_the_evaluation_does():
    # "Okafor" is the expected "Amara Okafor" (a surname for the full name), not a "none"
    assert _labels_of("Okafor said she strongly backs the toll road.", [["Amara Okafor", "toll_road", "support"]]) == [
        ("Okafor", 1, "support")]


def test_the_held_out_sets_are_never_training_sets(tmp_path):
    from core.evaluation.challenge import CHALLENGE_DIR, training_sets

    names = [p.name for p in training_sets()]
    assert names == sorted(p.name for p in CHALLENGE_DIR.glob("*.yaml")) and "heldout.yaml" not in names
    held = tmp_path / "challenge_heldout"
    held.mkdir()
    (held / "heldout3.yaml").write_text("cases: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="only scored"):
        training_sets(held)


def test_the_committed_scorer_learned_from_no_held_out_set():
    from core.extraction.scorer import load_scorer
    from core.settings import DEFAULT_SCORER

    info = load_scorer(DEFAULT_SCORER).info
    # (the shipped scorer learned from the dev articles only; `train --challenge` would list the read sets here)
    assert not any("heldout" in name for name in info.get("challenge_sets", []))
    assert info.get("challenge_candidates", 0) == 0 or info.get("challenge_sets")


@pytest.mark.parametrize("name", sorted(MEASURED_SCORER))
def test_the_scorer_stays_above_the_measured_floors_on_the_held_out_sets(name):
    from core.extraction.scorer import load_scorer
    from core.settings import DEFAULT_SCORER

    scorer = load_scorer(DEFAULT_SCORER)
    summary = summarize(run_set(TESTS / name, nlp(), scorer=scorer, min_confidence=scorer.min_confidence))
    passed, recall = MEASURED_SCORER[name]
    assert summary.pass_rate >= floor_of(passed), f"{name}: {summary.line()}"
    assert summary.recall >= floor_of(recall), f"{name}: {summary.line()}"


# ------------------------------------------------------------------ attribution sets

# set -> (cases passed, statements found, precision, speaker accuracy) of the quotes table, measured
# on 2026-12-04 after this session's attribution work (issue 13); floors 0.05 below. Before that work
# the read set stood at 0.64 passed / 0.76 found and the held-out set at 0.78 / 0.83.
MEASURED_QUOTES = {
    "challenge_quotes/attribution.yaml": (124 / 150, 170 / 187, 170 / 173, 150 / 159),
    "challenge_heldout/attribution_heldout.yaml": (117 / 130, 131 / 138, 131 / 135, 122 / 126),
    # PolNeAR's broad scheme (beliefs, positions, plans, nominal cues, documents as sources). Before
    # any rule was changed for them the rules found 0.55 (read) and 0.66 (held out) of these
    # statements; the held-out set was only scored while the read set's misses were worked.
    "challenge_quotes/attribution_broad.yaml": (102 / 120, 112 / 128, 112 / 113, 106 / 109),
    "challenge_heldout/attribution_broad_heldout.yaml": (70 / 100, 88 / 112, 88 / 92, 80 / 85),
    # Invented US political news (guns, immigration, health care, taxes, policing, elections,
    # schools), written blind by two helpers in parallel with the broad set's rule changes: 0.77 of
    # the statements found by both before those changes (see the READMEs beside the sets).
    "challenge_quotes/attribution_us.yaml": (95 / 100, 125 / 128, 125 / 125, 120 / 123),
    "challenge_heldout/attribution_us_heldout.yaml": (78 / 100, 112 / 129, 112 / 119, 108 / 109),
}


def test_a_quote_case_passes_with_every_statement_its_speaker_and_nothing_else(tmp_path):
    from core.evaluation.quote_challenge import QuoteSetError, run_quote_set

    path = tmp_path / "toy.yaml"
    path.write_text(
        "cases:\n"
        "  - {id: plain, construction: plain, text: 'Ana Ruiz said the ferry would run again.',\n"
        "     statements: [{source: Ana Ruiz, cue: said, content: the ferry would run again}]}\n"
        "  - {id: split, construction: split, text: '\"The ferry is late,\" Ana Ruiz said. \"It will run again.\"',\n"
        "     statements: [{source: Ana Ruiz, cue: said, content: The ferry is late, continues: It will run again.}]}\n"
        "  - {id: nothing, construction: narrative, text: 'The ferry ran late on Monday.', statements: []}\n"
        "  - {id: missed, construction: wrong, text: 'The ferry ran late on Monday.',\n"
        "     statements: [{source: '', cue: '', content: The ferry ran late}]}\n",
        encoding="utf-8",
    )
    run = run_quote_set(path, nlp())
    assert [r.case.case_id for r in run.results] == ["plain", "split", "nothing", "missed"]
    assert [r.passed for r in run.results] == [True, True, True, False]
    assert (run.score.gold, run.score.matched) == (3, 2)
    bad = tmp_path / "bad.yaml"
    bad.write_text("cases:\n  - {id: x, text: 'Ana spoke.', statements: [{source: Bo, content: Ana spoke}]}\n", encoding="utf-8")
    with pytest.raises(QuoteSetError, match="'Bo' is not in the text"):
        run_quote_set(bad, nlp())


def test_a_quote_sets_parts_are_found_as_whole_words(tmp_path):
    from core.evaluation.quote_challenge import load_quote_set

    path = tmp_path / "toy.yaml"
    path.write_text(
        "cases:\n  - {id: pronoun, text: 'Then the mayor left. Later he said the ferry would run.',\n"
        "     statements: [{source: he, cue: said, content: the ferry would run}]}\n",
        encoding="utf-8",
    )
    _cases, gold = load_quote_set(path)
    (relation,) = gold["q0000"]
    assert relation.source == [(27, 29)]  # the pronoun, not the "he" of "Then" or "the"
    assert relation.content == [(35, 54)]


def test_a_source_said_twice_is_the_one_in_its_own_statements_sentence(tmp_path):
    from core.evaluation.quote_challenge import load_quote_set

    text = "Ana Ruiz held a rally. She said the port would open. She also promised to cut fares, she added."
    path = tmp_path / "toy.yaml"
    path.write_text(
        "cases:\n  - id: twice\n    text: '" + text + "'\n    statements:\n"
        "      - {source: She, cue: said, content: the port would open}\n"
        "      - {source: She, cue: promised, content: to cut fares}\n",
        encoding="utf-8",
    )
    _cases, gold = load_quote_set(path)
    first, second = gold["q0000"]
    assert first.source == [(text.index("She said"), text.index("She said") + 3)]
    assert second.source == [(text.index("She also"), text.index("She also") + 3)]


def test_a_source_named_inside_its_own_content_is_placed_outside_it(tmp_path):
    from core.evaluation.quote_challenge import load_quote_set

    text = '"I am Dana Kellor and I approve this message," Kellor said.'
    path = tmp_path / "toy.yaml"
    path.write_text(
        "cases:\n  - id: inside\n    text: '" + text + "'\n    statements:\n"
        "      - {source: Kellor, cue: said, content: I am Dana Kellor and I approve this message}\n",
        encoding="utf-8",
    )
    _cases, gold = load_quote_set(path)
    (relation,) = gold["q0000"]
    assert relation.source == [(text.rindex("Kellor"), text.rindex("Kellor") + 6)]


@pytest.mark.parametrize("name", sorted(MEASURED_QUOTES))
def test_attribution_stays_above_the_measured_floors(name):
    from core.evaluation.quote_challenge import run_quote_set

    run = run_quote_set(TESTS / name, nlp())
    score = run.score
    passed = sum(r.passed for r in run.results) / len(run.results)
    floors = [floor_of(m) for m in MEASURED_QUOTES[name]]
    # The held-out set is only scored: its failing cases are never printed.
    shown = [] if "heldout" in name else [r.case.case_id for r in run.results if not r.passed][:15]
    line = f"{name}: passed {passed:.2f}, found {score.recall:.2f}, precision {score.precision:.2f}, speaker {score.speaker_accuracy:.2f}"
    assert passed >= floors[0], f"{line}; failing: {shown}"
    assert score.recall >= floors[1], line
    assert score.precision >= floors[2], line
    assert score.speaker_accuracy >= floors[3], line


@pytest.mark.parametrize(("script", "held_out"), [
    ("challenge.py", "challenge_heldout/heldout2.yaml"),
    ("challenge_quotes.py", "challenge_heldout/attribution_heldout.yaml"),
])
def test_the_scripts_refuse_to_list_the_cases_of_a_held_out_set(script, held_out):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(TESTS.parent / "scripts" / script), "-v", str(TESTS / held_out)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert "scored only" in done.stderr and done.stdout == ""
