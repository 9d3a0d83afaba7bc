"""The learned stance scorer (core.extraction.scorer) and its trainer (core.evaluation.training):
a tiny hand-made training set, calibration on toy numbers, the model file's validation, the rows
it makes, and ``python -m core train``."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.cli import main
from core.evaluation.training import fit_calibration, fit_scorer, label_candidates, train
from core.extraction.candidates import Candidate, find_candidates
from core.extraction.pipeline import analyze_articles, configured_scorer
from core.extraction.scorer import (
    LABELS,
    MODEL_FORMAT,
    Calibration,
    ScorerError,
    StanceScorer,
    expected_calibration_error,
    features_of,
    load_scorer,
    reliability_bins,
    scored_rows,
)
from core.ingest.text import article_from_text
from core.knowledge.codebook import codebook_from_dict
from core.settings import DEFAULT_SCORER, GOLD_DIR
from tests.nlp_fixtures import nlp

SHARED = GOLD_DIR.parent.parent.parent / "shared" / "eval"
CODEBOOK = codebook_from_dict(
    {
        "name": "Scorer tests",
        "issues": [
            {"id": "water_accord", "label": "Water-sharing accord", "terms": ["water-sharing accord"]},
            {"id": "fishing_quotas", "label": "Fishing quotas", "terms": ["fishing quota"]},
        ],
    },
    "scorer-test codebook",
)


def cand(actor: str = "Kenya", holder: str = "subject", rule: str = "", polarity: str = "", sentence: int = 1, **more) -> Candidate:
    """A hand-made candidate: only what the features read matters."""
    base = dict(
        article_id="a", sentence=sentence, actor=actor, actor_type="government", country=actor, issue="water_accord",
        issue_start=10, issue_end=24, evidence_start=0, evidence_end=40, holder_kind=holder, holder_kinds=(holder,),
        holder_start=0, holder_end=5, path_length=2, token_distance=3, attribution="none", rule_stance=rule,
        rule_certainty="stated" if rule else "", negated=False, hedged=False, question=False, conditional=False,
        cue_lemma="", cue_polarity=polarity,
    )
    base.update(more)
    return Candidate(**base)  # type: ignore[arg-type]


def tiny_set() -> tuple[list[Candidate], list[str]]:
    """Subjects with a supporting cue support, with an opposing cue oppose; mere co-occurrences
    are no position. Eight of each, in different sentences."""
    found, labels = [], []
    for n in range(8):
        found += [cand("Kenya", "subject", polarity="support", sentence=3 * n + 1),
                  cand("Chile", "subject", polarity="oppose", sentence=3 * n + 2),
                  cand("Peru", "cooccurrence", sentence=3 * n + 3)]
        labels += ["support", "oppose", "none"]
    return found, labels


# ------------------------------------------------------------------------------------ the trainer


def test_the_trainer_learns_a_tiny_hand_made_set_and_is_deterministic():
    found, labels = tiny_set()
    first = fit_scorer(features_of(found), labels, c=10.0)
    second = fit_scorer(features_of(found), labels, c=10.0)
    assert first.features == second.features
    assert np.array_equal(first.weights, second.weights) and np.array_equal(first.bias, second.bias)
    probe = [cand("Norway", "subject", polarity="support"), cand("Ghana", "subject", polarity="oppose"), cand("Fiji", "cooccurrence")]
    probs = first.probabilities(features_of(probe))
    assert [LABELS[i] for i in probs.argmax(axis=1)] == ["support", "oppose", "none"]
    stances = first.stances(probe)
    assert [s for s, _, _ in stances[:2]] == ["support", "oppose"]
    assert stances[0][1] > 0.5 > stances[2][1]  # a position is likelier for the subject than for the bystander


@pytest.mark.parametrize(
    ("field", "values", "named"),
    [
        # where the negation sits: on the cue ("did not sign") flips it, above it ("did not say it
        # would sign") does not
        ("negation_scope", ("cue", "above"), "negation_scope="),
        # the holder's own verb ("dismissed calls to sign" vs "welcomed calls to sign")
        ("holder_verb_polarity", ("oppose", "support"), "holder_verb_polarity="),
    ],
)
def test_the_polarity_model_learns_a_polarity_detail(field, values, named):
    """Two kinds of candidates alike in everything but one detail, of opposite stances: only that
    detail's feature can tell them apart."""
    found, labels = [], []
    for n in range(8):
        found += [cand("Kenya", polarity="support", sentence=2 * n + 1, **{field: values[0]}),
                  cand("Chile", polarity="support", sentence=2 * n + 2, **{field: values[1]})]
        labels += ["oppose", "support"]
    scorer = fit_scorer(features_of(found), labels, c=10.0)
    assert any(name.startswith(named) for name in scorer.features)
    probe = [cand("Ghana", polarity="support", **{field: values[0]}), cand("Fiji", polarity="support", **{field: values[1]})]
    assert [s for s, _, _ in scorer.stances(probe)] == ["oppose", "support"]


def test_the_position_model_learns_that_a_holder_named_in_someone_else_s_words_holds_less():
    found, labels = [], []
    for n in range(8):
        found += [cand("Kenya", "speaker", polarity="support", sentence=2 * n + 1),
                  cand("Chile", "speaker", polarity="support", sentence=2 * n + 2, holder_in_content=True)]
        labels += ["support", "none"]
    scorer = fit_scorer(features_of(found), labels, c=10.0)
    assert "holder_in_content" in scorer.features
    (_, holder, _), (_, named, _) = scorer.stances([cand("Ghana", "speaker", polarity="support"),
                                                    cand("Fiji", "speaker", polarity="support", holder_in_content=True)])
    assert holder > 0.5 > named


def test_a_label_never_seen_in_training_is_never_likely():
    found, labels = tiny_set()
    scorer = fit_scorer(features_of(found), labels)
    assert scorer.probabilities(features_of(found))[:, LABELS.index("neutral")].max() < 0.01


def test_train_validates_leave_one_article_out_and_records_what_it_learned_from():
    from core.evaluation.training import LabelledArticle

    found, labels = tiny_set()
    gold = pd.DataFrame(columns=["article_id", "actor", "actor_type", "country", "issue", "stance", "required"])
    data = [LabelledArticle(f"art{k}", "toy", "x" * 50, gold, [replace(c, article_id=f"art{k}") for c in found], labels) for k in range(3)]
    report = train(data, c=10.0)
    assert report.scorer.info["articles"] == ["art0", "art1", "art2"]
    assert report.scorer.info["labels"] == {"support": 24, "oppose": 24, "neutral": 0, "none": 24}
    assert report.scorer.info["validation"]["method"] == "leave one article out"
    assert 0.0 <= report.scorer.floor <= report.scorer.min_confidence <= 1.0
    assert len(report.held_out) == 3 and all(len(h.stances) == len(found) for h in report.held_out)
    with pytest.raises(ValueError, match="two labelled articles"):
        train(data[:1])


def test_the_rules_side_wins_over_the_polarity_model_when_they_read_one():
    """The polarity model learnt that a supporting cue means support; where the rules read the
    sentence as opposition (a negated cue, a verb of rejection over a demand) their side stands,
    and a candidate the rules did not claim keeps the model's side."""
    found, labels = tiny_set()
    scorer = fit_scorer(features_of(found), labels, c=10.0)
    probe = [cand("Ghana", polarity="support", rule="oppose"), cand("Fiji", polarity="support"),
             cand("Togo", polarity="oppose", rule="neutral")]
    assert [s for s, _, _ in scorer.stances(probe)] == ["oppose", "support", "neutral"]


def test_a_row_of_the_rules_stays_in_the_table_at_the_default_minimum_whatever_the_scorer_says():
    """A bystander the rules claimed is a row at the default minimum confidence (never below it),
    with the rules' stance; the same bystander unclaimed is not a row at all."""
    found, labels = tiny_set()
    scorer = replace(fit_scorer(features_of(found), labels, c=10.0), min_confidence=0.6, floor=0.2)
    text = "Ghana and Fiji discussed the water-sharing accord at length."
    claimed, unclaimed = cand("Ghana", "cooccurrence", rule="oppose"), cand("Fiji", "cooccurrence")
    assert all(confidence < 0.2 for _, _, confidence in scorer.stances([claimed, unclaimed]))
    rows = scored_rows([claimed, unclaimed], [], scorer, text)
    assert [(r["actor"], r["stance"], r["confidence"]) for r in rows] == [("Ghana", "oppose", 0.6)]
    # a stricter minimum asked for (the sidebar's, the trainer's thresholds) lifts it no further
    assert [r["confidence"] for r in scored_rows([claimed], [], scorer, text, min_confidence=0.3)] == [0.3]


def test_train_counts_each_candidate_once_leaves_out_the_unlabelled_and_learns_reviews_twice():
    from core.evaluation.training import UNLABELLED, LabelledArticle, without_rule_verdicts

    found, labels = tiny_set()
    gold = pd.DataFrame(columns=["article_id", "actor", "actor_type", "country", "issue", "stance", "required"])
    # the first Kenya of each article is unlabelled (a position the gold codes at another passage)
    marked = [UNLABELLED] + labels[1:]
    data = [LabelledArticle(f"art{k}", "toy", "x" * 50, gold, [replace(c, article_id=f"art{k}") for c in found], marked) for k in range(3)]
    review = [cand("Ghana", "subject", rule="support", polarity="support", rule_any="support")]
    report = train(data, c=10.0, reviews=(features_of(review), ["support"]),
                   reviews_without_verdicts=features_of(without_rule_verdicts(review)))
    assert report.scorer.info["candidates"] == 3 * (len(found) - 1) + 1
    assert report.scorer.info["labels"] == {"support": 3 * 7 + 1, "oppose": 24, "neutral": 0, "none": 24}
    # the unlabelled candidate is out of the reliability figures too
    assert sum(b["rows"] for b in report.scorer.info["reliability"]) == 3 * (len(found) - 1)
    with pytest.raises(ValueError, match="one row per review row"):
        train(data, c=10.0, reviews=(features_of(review), ["support"]), reviews_without_verdicts=features_of(review) * 2)


def test_the_minimum_confidence_is_chosen_without_the_rules_privilege_and_reported_with_it():
    """On dev the rules are in-sample: a threshold chosen on the table that always keeps their rows
    would lean on them. Here Kenya's row is the rules' (the scorer doubts it, raw 0.15), Peru's the
    scorer's (0.6) and Fiji's a wrong one of the scorer (0.3). With the rules' row passing only on
    the scorer's confidence the table is best at 0.1 (Kenya, Peru and Fiji: F1 0.8; at 0.4 Peru
    alone: 0.67); on the table that keeps it, 0.4 would have won (1.0), and that is the curve
    reported, the table the extractor gives."""
    from core.evaluation.training import HeldOut, LabelledArticle, choose_threshold, rows_at

    text = "Kenya, Peru and Fiji spoke about the water-sharing accord in Nairobi on Monday."
    gold = pd.DataFrame([{"article_id": "a", "actor": actor, "actor_type": "government", "country": actor,
                          "issue": "water_accord", "stance": "support", "required": "yes"} for actor in ("Kenya", "Peru")])
    candidates = [cand("Kenya", rule="support", polarity="support"), cand("Peru", polarity="support"), cand("Fiji")]
    article = LabelledArticle("a", "toy", text, gold, candidates, ["support", "support", "none"])
    held = HeldOut(article, ["support"] * 3, [0.15, 0.6, 0.3], [0.15, 0.6, 0.3])
    threshold, curve, shares = choose_threshold([held], None, thresholds=(0.1, 0.2, 0.4))
    assert threshold == 0.1 and shares == {0.1: 1.0, 0.2: 0.0, 0.4: 0.0}  # one article: every resample is it
    assert {row["threshold"]: row["actor_f1"] for row in curve} == pytest.approx({0.1: 0.8, 0.2: 0.8, 0.4: 1.0})
    assert list(rows_at(held, 0.4)["actor"]) == ["Kenya", "Peru"]
    assert list(rows_at(held, 0.4, lift_rules=False)["actor"]) == ["Peru"]
    # keep_from under the minimum keeps the suggestions too (Fiji at 0.3), the rules' row still lifted
    kept = rows_at(held, 0.4, keep_from=0.2)
    assert list(kept["actor"]) == ["Kenya", "Peru", "Fiji"] and list(kept["confidence"]) == pytest.approx([0.4, 0.6, 0.3])
    assert list(rows_at(held, 0.4, keep_from=0.5)["actor"]) == ["Peru"]


def _article_counts(*per_threshold):
    """One article's (true positives, predicted, found, gold) at each threshold."""
    return [list(c) for c in per_threshold]


def test_the_minimum_confidence_is_the_middle_of_a_flat_best_not_its_edge():
    from core.evaluation.training import steady_threshold

    # F1 is the same at 0.3, 0.35 and 0.4 (the same rows pass) and falls either side; the highest
    # of the tie, 0.4, sits next to the cliff, the middle does not.
    thresholds = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45)
    article = _article_counts((9, 20, 8, 10), (8, 16, 7, 10), (7, 10, 7, 10), (7, 10, 7, 10), (7, 10, 7, 10), (3, 4, 3, 10))
    threshold, shares = steady_threshold(np.array([article, article]), thresholds, resamples=51)
    assert threshold == 0.35 and shares[0.35] == 1.0
    # an even tie takes the higher middle one
    even = _article_counts((5, 10, 5, 10), (5, 10, 5, 10), (5, 10, 5, 10), (5, 10, 5, 10), (1, 1, 1, 10), (0, 0, 0, 10))
    assert steady_threshold(np.array([even]), thresholds, resamples=11)[0] == 0.3


def test_bests_split_between_two_plateaus_do_not_flip_the_choice():
    from core.evaluation.training import nearest_to_mean

    thresholds = (0.3, 0.35, 0.4, 0.45, 0.5)
    # one resample more on either side flips a median from 0.35 to 0.5; the mean moves one step
    assert nearest_to_mean([0.35] * 500 + [0.5] * 499, thresholds) == 0.4
    assert nearest_to_mean([0.35] * 499 + [0.5] * 500, thresholds) == 0.45
    assert nearest_to_mean([0.35] * 3, thresholds) == 0.35
    assert nearest_to_mean([0.3, 0.4], (0.3, 0.34, 0.36, 0.4)) == 0.36  # equally near: the higher


def test_articles_that_disagree_pull_the_choice_between_their_bests():
    from core.evaluation.training import steady_threshold

    thresholds = (0.2, 0.3, 0.4, 0.5)
    # six articles best at 0.2, four (with more rows) best at 0.5: resamples split 40 / 60, so the
    # median of the bests would be 0.5; the mean, 0.38, takes 0.4
    cut_low = _article_counts((6, 8, 6, 8), (5, 7, 5, 8), (4, 5, 4, 8), (2, 2, 2, 8))
    cut_high = _article_counts((3, 12, 3, 8), (3, 10, 3, 8), (3, 6, 3, 8), (6, 6, 6, 8))
    threshold, shares = steady_threshold(np.array([cut_low] * 6 + [cut_high] * 4), thresholds, resamples=501)
    assert 0.3 < shares[0.2] < 0.5 and shares[0.2] + shares[0.5] == pytest.approx(1.0)
    assert threshold == 0.4


def test_the_choice_is_seeded_and_its_shares_add_up():
    from core.evaluation.training import steady_threshold

    thresholds = (0.1, 0.3, 0.5)
    rng = np.random.default_rng(7)
    counts = []
    for _ in range(12):
        gold = int(rng.integers(3, 12))
        found = sorted(rng.integers(0, gold + 1, 3).tolist(), reverse=True)
        predicted = [f + int(rng.integers(0, 6)) for f in found]
        counts.append([(f, p, f, gold) for f, p in zip(found, predicted)])
    first = steady_threshold(np.array(counts), thresholds, seed=3, resamples=101)
    assert steady_threshold(np.array(counts), thresholds, seed=3, resamples=101) == first
    assert sum(first[1].values()) == pytest.approx(1.0) and first[0] in thresholds
    with pytest.raises(ValueError, match="articles x thresholds x 4"):
        steady_threshold(np.zeros((0, 3, 4)), thresholds)
    with pytest.raises(ValueError, match="articles x thresholds x 4"):
        steady_threshold(np.zeros((2, 2, 4)), thresholds)
    with pytest.raises(ValueError, match="resamples"):
        steady_threshold(np.array(counts), thresholds, resamples=0)
    # nothing found at any threshold: no resample votes, the highest threshold (the most precise)
    assert steady_threshold(np.zeros((3, 3, 4)), thresholds, resamples=11) == (0.5, {0.1: 0.0, 0.3: 0.0, 0.5: 0.0})


# ------------------------------------------------------------------------------------ calibration


def test_each_candidate_s_context_counts_its_rivals_in_the_same_sentence_and_issue():
    """rivals: the other candidates of its sentence and issue; rank: how many of them have a more
    direct holder kind; whether the rules gave that issue there to another actor; the actors of
    the sentence. Checked against counting each pair, on a mix of sentences, issues and kinds."""
    from core.extraction.candidates import HOLDER_KINDS
    from core.extraction.scorer import _contexts

    kinds = ("subject", "speaker", "cooccurrence", "subject", "agent", "anaphora", "relative_clause")
    found = [cand(actor=f"A{n % 4}", holder=kinds[n % len(kinds)], rule="support" if n % 5 == 0 else "",
                  sentence=1 + n % 2, issue="water_accord" if n % 3 else "fishing_quotas") for n in range(24)]
    found.append(cand(actor="Solo", holder="possessor", sentence=9))
    for mine, context in zip(found, _contexts(found)):
        group = [c for c in found if (c.article_id, c.sentence, c.issue) == (mine.article_id, mine.sentence, mine.issue)]
        assert context.rivals == len(group) - 1
        assert context.rank == sum(HOLDER_KINDS.index(c.holder_kind) < HOLDER_KINDS.index(mine.holder_kind) for c in group)
        assert context.rule_elsewhere == any(c.rule_stance and c.actor != mine.actor for c in group)
        assert context.actors_in_sentence == len({c.actor for c in found if c.sentence == mine.sentence})
    solo = _contexts(found)[-1]
    assert (solo.rivals, solo.rank, solo.rule_elsewhere, solo.actors_in_sentence) == (0, 0, False, 1)
    ranks = {c.rank for c in _contexts(found)}
    assert len(ranks) > 2  # (the mix really has candidates outranked by several others)


def test_calibration_on_a_known_toy_case():
    # Raw 0.2 was right 1 time in 4, raw 0.8 3 times in 4: counted with one right and one wrong
    # row more, (1 + 1) / (4 + 2) and (3 + 1) / (4 + 2).
    raw = [0.2] * 4 + [0.8] * 4
    correct = [True, False, False, False, True, True, True, False]
    calibration = fit_calibration(raw, correct)
    assert calibration(np.array([0.2, 0.8])).tolist() == pytest.approx([1 / 3, 2 / 3])
    assert calibration(np.array([0.5])).tolist() == pytest.approx([0.5])  # halfway between, linearly
    assert calibration(np.array([0.0, 1.0])).tolist() == pytest.approx([1 / 3, 2 / 3])  # clipped outside


def test_a_small_step_all_right_is_not_certainty_and_a_big_one_keeps_its_share():
    # five rows all right at the top: 6/7, not 1.0; 100 rows, 70 right: 71/102, about their share
    raw = [0.1] * 100 + [0.95] * 5
    correct = [n < 70 for n in range(100)] + [True] * 5
    calibration = fit_calibration(raw, correct)
    low, high = calibration(np.array([0.1, 0.95])).tolist()
    assert high == pytest.approx(6 / 7) and low == pytest.approx(71 / 102)
    # smoothing can break the order of two steps (3/3 -> 0.8 under 90/100 -> 0.89): they merge again
    raw = [0.2] * 100 + [0.9] * 3
    correct = [n < 90 for n in range(100)] + [True] * 3
    low, high = fit_calibration(raw, correct)(np.array([0.2, 0.9])).tolist()
    assert low <= high and high < 1.0


def test_an_inverted_raw_score_is_flattened_not_reversed():
    # Isotonic regression is monotone: a raw score that predicts the opposite becomes a constant.
    calibration = fit_calibration([0.1, 0.9], [True, False])
    assert calibration(np.array([0.1, 0.9])).tolist() == pytest.approx([0.5, 0.5])


def test_nothing_to_fit_is_the_identity():
    assert fit_calibration([0.3, 0.6], [True, True])(np.array([0.3, 0.6])).tolist() == [0.3, 0.6]
    assert Calibration()(np.array([0.42])).tolist() == [0.42]


def test_reliability_bins_and_calibration_error_on_toy_numbers():
    bins = reliability_bins([0.05, 0.15, 0.15, 0.95, 1.0], [False, True, False, True, True], bins=10)
    assert [(b["low"], b["rows"]) for b in bins] == [(0.0, 1), (0.1, 2), (0.9, 2)]
    assert bins[1]["predicted"] == pytest.approx(0.15) and bins[1]["observed"] == pytest.approx(0.5)
    assert bins[2]["observed"] == 1.0  # 1.0 belongs to the last bin
    # |0.05 - 0| * 1 + |0.15 - 0.5| * 2 + |0.975 - 1| * 2, over 5 rows
    assert expected_calibration_error(bins) == pytest.approx((0.05 + 0.7 + 0.05) / 5)
    assert reliability_bins([], []) == [] and expected_calibration_error([]) == 0.0


# ------------------------------------------------------------------------------------ the model file


def test_the_model_round_trips_through_json(tmp_path):
    found, labels = tiny_set()
    scorer = fit_scorer(features_of(found), labels)
    scorer.calibration = Calibration((0.1, 0.9), (0.2, 0.8))
    scorer.min_confidence, scorer.info = 0.4, {"reviews": 3}
    path = tmp_path / "scorer.json"
    scorer.save(path)
    again = load_scorer(path)
    assert again.reviews == 3 and again.min_confidence == 0.4 and again.digest == scorer.digest
    assert np.allclose(again.probabilities(features_of(found)), scorer.probabilities(features_of(found)), atol=1e-5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "something else"}, "not a stance scorer"),
        ({"weights": [[1.0]]}, "weights must be"),
        ({"bias": [0.0]}, "bias must have"),
        ({"labels": ["yes", "no", "maybe", "none"]}, "labels must be"),
        ({"min_confidence": 2.0}, "min_confidence"),
        ({"calibration": {"x": [0.5, 0.1], "y": [0.1, 0.2]}}, "x increasing"),
        ({"weights": "heavy"}, "missing or malformed"),
    ],
)
def test_a_broken_model_file_is_refused_with_the_reason(tmp_path, change, message):
    found, labels = tiny_set()
    data = fit_scorer(features_of(found), labels).to_dict()
    data.update(change)
    with pytest.raises(ScorerError, match=message):
        StanceScorer.from_dict(data, "scorer.json")


def test_a_missing_or_unreadable_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(ScorerError, match="no stance scorer there"):
        load_scorer(tmp_path / "absent.json")
    (tmp_path / "bad.json").write_bytes(b"\x00\xff not json")
    with pytest.raises(ScorerError, match="cannot read"):
        load_scorer(tmp_path / "bad.json")


def test_the_committed_model_is_small_valid_and_trained_on_dev_articles_only():
    from core.evaluation.gold import load_split

    scorer = load_scorer(DEFAULT_SCORER)
    assert DEFAULT_SCORER.stat().st_size < 200_000
    test_ids = {a.article_id for a in load_split() if a.split == "test"}
    assert scorer.info["articles"] and not set(scorer.info["articles"]) & test_ids
    assert all(math.isfinite(b["observed"]) for b in scorer.info["reliability"])


# ------------------------------------------------------------------------------------ rows


def test_rows_keep_verbatim_evidence_and_only_what_reaches_the_floor(monkeypatch):
    text = ("Kenya backed the water-sharing accord on Monday. "
            "Ghana's envoy, who met Fiji's minister, spoke about fishing quotas.")
    doc = nlp()(text)
    found = find_candidates(doc, CODEBOOK, "t")
    assert found
    scorer = load_scorer(DEFAULT_SCORER)
    rows = scored_rows(found, [], scorer, text)
    assert all(text[r["start_char"] : r["end_char"]] == r["quote"] for r in rows)
    assert all(scorer.floor <= r["confidence"] <= 1.0 for r in rows)
    kenya = [r for r in rows if r["actor"] == "Kenya" and r["issue"] == "water_accord"]
    assert kenya and kenya[0]["stance"] == "support"
    high_floor = replace(scorer, floor=1.0)
    assert scored_rows(found, [], high_floor, text) == []


def test_the_extractor_setting_chooses_rules_or_scorer(monkeypatch, tmp_path):
    text = "Chile rejected the water-sharing accord, its foreign minister said."
    monkeypatch.setenv("STANCE_EXTRACTOR", "rules")
    assert configured_scorer() == (None, [])
    rules = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=CODEBOOK)
    assert set(rules.stances["confidence"]) <= {0.5, 0.6, 0.7, 0.8, 0.9}
    monkeypatch.setenv("STANCE_EXTRACTOR", "scorer")
    monkeypatch.setenv("STANCE_SCORER", str(tmp_path / "absent.json"))
    scorer, warnings = configured_scorer()
    assert scorer is None and "the stance rules run instead" in warnings[0]
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=CODEBOOK)
    assert any("the stance rules run instead" in w for w in tables.warnings)
    monkeypatch.setenv("STANCE_EXTRACTOR", "magic")
    monkeypatch.delenv("STANCE_SCORER")
    scorer, warnings = configured_scorer()
    assert scorer is not None and "not one of scorer, rules" in warnings[0]


def test_gold_labels_need_the_actor_issue_and_overlapping_evidence():
    text = "Kenya backed the water-sharing accord. Chile said nothing about the water-sharing accord."
    found = find_candidates(nlp()(text), CODEBOOK, "t")
    gold = pd.DataFrame([{"article_id": "t", "actor": "Kenya", "actor_type": "government", "country": "Kenya",
                          "issue": "water_accord", "stance": "support", "evidence": "Kenya backed the water-sharing accord.",
                          "required": "yes"}])
    labels = dict(zip([(c.actor, c.sentence) for c in found], label_candidates(found, gold, text)))
    assert labels[("Kenya", 1)] == "support"
    assert labels.get(("Chile", 2), "none") == "none"


def test_the_scorer_also_learns_from_the_candidates_without_the_rules_verdicts():
    """On dev every position had the rules' verdict; trained on that alone, a scorer doubts a
    plainly supporting subject the rules did not read (as on unseen text). The copy of each
    training candidate without the verdicts teaches what the words say on their own."""
    from core.evaluation.training import LabelledArticle, training_rows, without_rule_verdicts

    found, labels = [], []
    for n in range(8):
        found += [cand("Kenya", "subject", rule="support", polarity="support", sentence=3 * n + 1, rule_any="support"),
                  cand("Chile", "subject", polarity="neutral", sentence=3 * n + 2),
                  cand("Peru", "cooccurrence", sentence=3 * n + 3)]
        labels += ["support", "none", "none"]
    article = LabelledArticle("a", "toy", "x" * 50, pd.DataFrame(), found, labels)
    features, kept = training_rows(article)
    assert len(features) == 2 * len(found) and kept == labels + labels
    assert not any(c.rule_stance or c.rule_any or c.rule_certainty for c in without_rule_verdicts(found))
    probe = [cand("Norway", "subject", polarity="support")]  # a supporting subject the rules did not read
    only_as_they_are = fit_scorer(features_of(found), labels, c=10.0).stances(probe)[0]
    with_the_copy = fit_scorer(features, kept, c=10.0).stances(probe)[0]
    assert with_the_copy[0] == "support" and with_the_copy[1] > 0.5 > only_as_they_are[1]


def test_a_position_the_gold_codes_at_another_passage_is_unlabelled_not_none():
    """A coder codes each position once: where the same actor takes the same issue again, the
    gold's silence is no "no". Such a candidate is left out of training and calibration; an actor
    the gold gives no position on the issue is still ``none``."""
    from core.evaluation.training import UNLABELLED, HeldOut, LabelledArticle, training_rows

    text = ("Fiji backed the water-sharing accord on Monday. On Tuesday Fiji praised the water-sharing accord again. "
            "Tonga mentioned the water-sharing accord.")
    found = find_candidates(nlp()(text), CODEBOOK, "t")
    gold = pd.DataFrame([{"article_id": "t", "actor": "Fiji", "actor_type": "government", "country": "Fiji",
                          "issue": "water_accord", "stance": "support", "evidence": "Fiji backed the water-sharing accord on Monday.",
                          "required": "yes"}])
    labels = label_candidates(found, gold, text)
    by = {(c.actor, c.sentence): label for c, label in zip(found, labels)}
    assert by[("Fiji", 1)] == "support" and by[("Fiji", 2)] == UNLABELLED and by[("Tonga", 3)] == "none"
    article = LabelledArticle("t", "toy", text, gold, found, labels)
    features, kept = training_rows(article)
    assert sorted(kept) == ["none", "none", "support", "support"] and len(features) == 4  # (each also without the rules' verdicts)
    held = HeldOut(article, ["support"] * 3, [0.9, 0.8, 0.1])
    assert held.labelled(held.correct) == [True, False] and held.labelled(held.raw) == [0.9, 0.1]
    # a gold row of another stance elsewhere leaves it unlabelled too (which side was taken here is unknown)
    against = gold.assign(stance="oppose")
    assert label_candidates(found, against, text)[1] == UNLABELLED


def test_a_gold_rows_evidence_is_found_by_offsets_evidence_or_quote():
    from core.evaluation.candidates import gold_evidence_range

    text = "Fiji backed the accord. Tonga did not."
    assert gold_evidence_range(pd.Series({"start_char": "24", "end_char": "38"}), text) == (24, 38)
    assert gold_evidence_range(pd.Series({"evidence": "Tonga did not."}), text) == (24, 38)
    assert gold_evidence_range(pd.Series({"quote": "Fiji backed the accord."}), text) == (0, 23)
    # evidence not found in the text: the quote is tried
    assert gold_evidence_range(pd.Series({"evidence": "Samoa said so.", "quote": "Tonga did not."}), text) == (24, 38)
    # blank, NaN and missing cells locate nothing
    for row in ({"quote": " "}, {"quote": float("nan")}, {"evidence": "", "quote": ""}, {}):
        assert gold_evidence_range(pd.Series(row, dtype=object), text) is None


def test_a_gold_row_with_only_a_sentence_number_labels_that_sentence():
    from core.evaluation.training import UNLABELLED

    text = ("Fiji backed the water-sharing accord on Monday. On Tuesday Fiji praised the water-sharing accord again. "
            "Tonga mentioned the water-sharing accord.")
    found = find_candidates(nlp()(text), CODEBOOK, "t")
    row = {"article_id": "t", "actor": "Fiji", "actor_type": "government", "country": "Fiji", "issue": "water_accord",
           "stance": "support", "required": "yes"}
    labels = label_candidates(found, pd.DataFrame([{**row, "sentence": "2"}]), text)
    assert [(c.actor, c.sentence, label) for c, label in zip(found, labels)] == [
        ("Fiji", 1, UNLABELLED), ("Fiji", 2, "support"), ("Tonga", 3, "none")]
    # with neither evidence nor sentence, every candidate of the actor and issue is the row's
    assert label_candidates(found, pd.DataFrame([row]), text)[:2] == ["support", "support"]



def test_a_gold_row_with_only_where_its_sentence_starts_labels_the_sentence_that_holds_it():
    """A coder who gave a sentence's start offset and its number under an older parse: with the
    parse's sentence starts given, the offset decides, not the number (a new sentence break
    before it would shift every number after it)."""
    from core.evaluation.training import UNLABELLED

    text = ("Fiji backed the water-sharing accord on Monday. On Tuesday Fiji praised the water-sharing accord again. "
            "Tonga mentioned the water-sharing accord.")
    doc = nlp()(text)
    found = find_candidates(doc, CODEBOOK, "t")
    starts = [sent.start_char for sent in doc.sents]
    row = {"article_id": "t", "actor": "Fiji", "actor_type": "government", "country": "Fiji", "issue": "water_accord",
           "stance": "support", "required": "yes", "start_char": str(text.index("On Tuesday")), "sentence": "1"}
    labels = label_candidates(found, pd.DataFrame([row]), text, sentence_starts=starts)
    assert [(c.actor, c.sentence, label) for c, label in zip(found, labels)] == [
        ("Fiji", 1, UNLABELLED), ("Fiji", 2, "support"), ("Tonga", 3, "none")]
    # without the parse's sentence starts, the coder's number is all there is
    assert label_candidates(found, pd.DataFrame([row]), text)[:2] == ["support", UNLABELLED]

# ------------------------------------------------------------------------------------ the command


def test_train_refuses_a_missing_corpus_and_a_bad_c(capsys, tmp_path):
    if not (SHARED / "articles").is_dir():
        assert main(["train", "--out", str(tmp_path / "m.json")]) == 2
        assert "dev articles' texts" in capsys.readouterr().err
        return
    assert main(["train", "--db", str(tmp_path / "absent.sqlite3"), "--out", str(tmp_path / "m.json")]) == 2
    assert "no such corpus file" in capsys.readouterr().err
    assert main(["train", "--c", "0", "--out", str(tmp_path / "m.json")]) == 2
    assert not (tmp_path / "m.json").exists()


@pytest.mark.skipif(not (SHARED / "articles").is_dir(), reason="the dev articles live in ../shared/eval (outside the repository)")
def test_train_writes_a_scorer_that_loads_and_learns_from_reviews(capsys, tmp_path):
    from core.corpus.corpus import Corpus
    from core.corpus.store import CorpusStore
    from core.knowledge.codebook import load_codebook

    db = tmp_path / "corpus.sqlite3"
    corpus = Corpus(CorpusStore(db), load_codebook())
    corpus.add([article_from_text("Kenya backed the ceasefire, its president said. Chile rejected the ceasefire.", "mine")])
    rows = corpus.load().tables.stances
    assert len(rows)
    first = rows.iloc[0].to_dict()
    corpus.review("confirm", first)
    out = tmp_path / "scorer.json"
    assert main(["train", "--db", str(db), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "review(s) of 1 article(s)" in printed and "leave-one-article-out" in printed
    assert "from construction challenge sets" not in printed  # only with --challenge
    scorer = load_scorer(out)
    assert scorer.reviews == 1 and scorer.info["corpus"] == str(db)
    assert json.loads(Path(out).read_text())["format"] == MODEL_FORMAT


def test_train_takes_the_challenge_sets_only_when_asked():
    from core.cli import build_parser

    assert build_parser().parse_args(["train", "--challenge"]).challenge is True
    assert build_parser().parse_args(["train"]).challenge is False
