"""How often a row is right at each confidence: the triples counted with their confidence, the
bands, the report's table, the README section, the chart and the Accuracy page that shows them."""

import math

import numpy as np
import pandas as pd
import pytest

from core.evaluation.accuracy import band_edges, confidence_bands_table, load_report, render_markdown
from core.evaluation.stances import KeyedTables, confidence_bands, keyed, triple_confidences
from core.extraction.scorer import StanceScorer
from core.views.charts import confidence_band_chart, confidence_band_data


def _row(actor, stance, confidence, issue="water_tax", country="", article="a"):
    return {"article_id": article, "actor": actor, "actor_type": "person", "country": country,
            "issue": issue, "stance": stance, "confidence": confidence}


def _gold(*rows):
    return pd.DataFrame([{**r, "required": r.get("required", "yes")} for r in rows]).drop(columns=["confidence"])


def test_a_triple_takes_the_highest_confidence_of_its_rows_and_is_right_when_any_gold_row_has_it():
    predicted = pd.DataFrame([
        _row("Amara Okafor", "oppose", 0.4, country="Nigeria"),
        _row("Amara Okafor", "oppose", 0.8, country="Nigeria"),  # the same triple again, surer
        _row("Lars Holm", "support", 0.6, country="Denmark"),  # right only as an optional gold row
        _row("Ines Duarte", "support", 0.9, country="Portugal"),  # no such gold row
    ])
    gold = _gold(_row("Amara Okafor", "oppose", 0, country="Nigeria"),
                 {**_row("Lars Holm", "support", 0, country="Denmark"), "required": "no"})
    tables = keyed(predicted, gold)
    pairs = triple_confidences(tables, "actor")
    assert sorted(pairs) == [(0.6, True), (0.8, True), (0.9, False)]
    # country level: one triple per country
    assert sorted(triple_confidences(tables, "country")) == [(0.6, True), (0.8, True), (0.9, False)]


def test_rows_of_one_country_make_one_triple_at_country_level():
    predicted = pd.DataFrame([_row("Amara Okafor", "oppose", 0.3, country="Nigeria"),
                              _row("Bola Adeyemi", "oppose", 0.7, country="Nigeria")])
    tables = keyed(predicted, _gold(_row("Amara Okafor", "oppose", 0, country="Nigeria")))
    assert triple_confidences(tables, "country") == [(0.7, True)]
    assert sorted(triple_confidences(tables, "actor")) == [(0.3, True), (0.7, False)]


def test_an_unreadable_confidence_counts_as_zero_and_an_empty_table_as_no_triples():
    predicted = pd.DataFrame([_row("Lars Holm", "support", "n/a", country="Denmark")])
    tables = keyed(predicted, _gold(_row("Lars Holm", "support", 0, country="Denmark")))
    assert triple_confidences(tables, "actor") == [(0.0, True)]
    empty = KeyedTables(pd.DataFrame(), tables.gold)
    assert triple_confidences(empty, "actor") == []


def test_bands_hold_their_low_edge_the_last_its_high_edge_and_leave_out_what_is_outside():
    pairs = [(0.05, True), (0.1, False), (0.35, True), (0.49, False), (0.5, True), (0.95, True), (1.0, False), (1.2, True)]
    bands = confidence_bands(pairs, [0.1, 0.35, 0.5, 1.0])
    assert [(b["low"], b["high"], b["rows"], b["right"]) for b in bands] == [
        (0.1, 0.35, 1, 0), (0.35, 0.5, 2, 1), (0.5, 1.0, 3, 2)]
    assert [b["precision"] for b in bands] == [0.0, 0.5, pytest.approx(0.6667)]


def test_an_empty_band_has_no_precision_and_edges_are_sorted_and_checked():
    bands = confidence_bands([(0.8, True)], [1.0, 0.5, 0.1, 0.5])
    assert [(b["low"], b["rows"], b["precision"]) for b in bands] == [(0.1, 0, None), (0.5, 1, 1.0)]
    with pytest.raises(ValueError):
        confidence_bands([], [0.5])


def _scorer(min_confidence: float, floor: float) -> StanceScorer:
    return StanceScorer(["bias"], np.zeros(1), 0.0, np.zeros((3, 1)), np.zeros(3), min_confidence=min_confidence, floor=floor)


def test_band_edges_start_at_the_floor_and_mark_the_minimum_confidence():
    assert band_edges(_scorer(min_confidence=0.35, floor=0.1)) == [0.1, 0.35, 0.5, 0.7, 0.9, 1.0]
    assert band_edges(_scorer(min_confidence=0.6, floor=0.1)) == [0.1, 0.6, 0.7, 0.9, 1.0]
    assert band_edges(_scorer(min_confidence=0.5, floor=0.5)) == [0.5, 0.7, 0.9, 1.0]


REPORT = {
    "confidence_bands": {
        "edges": [0.1, 0.35, 0.5, 1.0],
        "min_confidence": 0.35,
        "dev": {"actor": [{"low": 0.1, "high": 0.35, "rows": 10, "right": 2, "precision": 0.2},
                          {"low": 0.35, "high": 0.5, "rows": 4, "right": 2, "precision": 0.5},
                          {"low": 0.5, "high": 1.0, "rows": 8, "right": 6, "precision": 0.75}],
                "country": [{"low": 0.1, "high": 0.35, "rows": 9, "right": 3, "precision": 0.3333},
                            {"low": 0.35, "high": 0.5, "rows": 3, "right": 2, "precision": 0.6667},
                            {"low": 0.5, "high": 1.0, "rows": 7, "right": 6, "precision": 0.8571}]},
        "test": {"actor": [{"low": 0.1, "high": 0.35, "rows": 5, "right": 1, "precision": 0.2},
                           {"low": 0.35, "high": 0.5, "rows": 0, "right": 0, "precision": None},
                           {"low": 0.5, "high": 1.0, "rows": 6, "right": 3, "precision": 0.5}]},
    }
}


def test_the_bands_table_names_suggestions_and_leaves_an_empty_band_without_a_figure():
    table = confidence_bands_table(REPORT, "actor")
    assert list(table["confidence"]) == ["0.10–0.35", "0.35–0.50", "0.50–1.00"]
    assert list(table["shown as"]) == ["suggestion", "row", "row"]
    assert list(table["dev rows"]) == [10, 4, 8] and list(table["test rows"]) == [5, 0, 6]
    assert table.loc[2, "test right"] == 0.5 and math.isnan(table.loc[1, "test right"])
    country = confidence_bands_table(REPORT, "country")  # no test figures at this level: rows 0, no share
    assert list(country["test rows"]) == [0, 0, 0] and country["test right"].isna().all()
    assert confidence_bands_table({}, "actor").empty and "shown as" in confidence_bands_table({}).columns


def test_the_readme_section_has_the_bands_at_both_levels_only_when_measured():
    stored = load_report()
    assert stored is not None
    base = {k: v for k, v in stored.items() if k != "confidence_bands"}
    text = render_markdown({**base, **REPORT})
    assert "How often a row is right, by its confidence" in text and "minimum confidence (0.35)" in text
    assert "Actor level:" in text and "Country level:" in text and "| 0.10–0.35 | suggestion | 10 | 0.20 | 5 | 0.20 |" in text
    assert "How often a row is right" not in render_markdown(base)


def test_the_chart_has_a_bar_per_band_and_split_with_rows_and_none_for_an_empty_band():
    table = confidence_bands_table(REPORT, "actor")
    data = confidence_band_data(table)
    assert len(data) == 5  # the test band 0.35-0.50 has no rows: no bar
    assert list(data[data["split"] == "test (unseen)"]["confidence"]) == ["0.10–0.35", "0.50–1.00"]
    spec = confidence_band_chart(table).to_dict()
    assert len(spec["layer"]) == 2
    encoding = spec["layer"][0]["encoding"]
    assert encoding["xOffset"]["field"] == "split" and encoding["y"]["scale"]["domain"] == [0, 1]
    assert spec["layer"][1]["encoding"]["text"]["field"] == "rows"
    assert confidence_band_data(table.iloc[0:0]).empty



def test_a_band_with_null_rows_counts_as_none():
    report = {"confidence_bands": {"edges": [0.1, 0.5, 1.0], "min_confidence": 0.5,
                                   "dev": {"actor": [{"rows": None, "precision": None}, {"rows": 3, "precision": 1.0}]}}}
    table = confidence_bands_table(report, "actor")
    assert list(table["dev rows"]) == [0, 3] and list(table["test rows"]) == [0, 0]
