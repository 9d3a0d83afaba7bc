import altair as alt
import pandas as pd

from core.model import STANCE_COLUMNS
from core.views.charts import (
    STANCE_COLOURS,
    diverging_bar_chart,
    diverging_bar_data,
    quotes_tooltip,
    stance_matrix_chart,
    stance_matrix_data,
)
from tests.sample_tables import seed_tables

LABELS = {"peace_talks": "Peace talks", "ceasefire": "Ceasefire", "foreign_troops_in_ukraine": "Foreign troops in Ukraine"}


def chart_rows(spec: dict) -> list[dict]:
    """The inline data Altair put in the spec (one dataset per chart here)."""
    (rows,) = spec["datasets"].values()
    return rows


def test_palette_is_defined_once_and_colour_blind_safe_pair():
    assert set(STANCE_COLOURS) == {"support", "oppose", "mixed", "neutral"}
    assert len(set(STANCE_COLOURS.values())) == 4
    assert STANCE_COLOURS["support"] == "#0072B2" and STANCE_COLOURS["oppose"] == "#D55E00"  # blue / vermillion


def test_matrix_data_aggregates_one_cell_per_entity_and_issue():
    data = stance_matrix_data(seed_tables().stances, "country", LABELS)
    russia_talks = data[(data["entity"] == "Russia") & (data["issue"] == "peace_talks")]
    assert len(russia_talks) == 1
    cell = russia_talks.iloc[0]
    assert (cell["position"], cell["symbol"], cell["support"], cell["oppose"]) == ("mixed", "±", 1, 1)
    assert cell["issue_label"] == "Peace talks"
    assert "accepts the philosophy" in cell["quotes"] and "keeping up the fighting" in cell["quotes"]
    assert not data.duplicated(["entity", "issue"]).any()


def test_matrix_chart_encodings_and_colours():
    chart = stance_matrix_chart(seed_tables().stances, "actor", LABELS)
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    cells, symbols, key = spec["layer"]
    assert cells["mark"]["type"] == "rect" and symbols["mark"]["type"] == "text"
    assert key["encoding"]["fill"]["field"] == "certainty" and "(hollow)" in key["encoding"]["fill"]["legend"]["labelExpr"]
    enc = cells["encoding"]
    assert enc["x"]["field"] == "issue_label" and enc["y"]["field"] == "entity"
    assert enc["y"]["title"] == "Actor"
    assert enc["color"]["field"] == "position"
    assert enc["color"]["scale"]["domain"] == ["support", "oppose", "mixed", "neutral"]
    assert enc["color"]["scale"]["range"] == [STANCE_COLOURS[p] for p in ["support", "oppose", "mixed", "neutral"]]
    assert enc["color"]["legend"]["columns"] == 2  # four entries in one row are cut off on a phone
    assert {"evidence", "said_by", "article"} <= {t["field"] for t in enc["tooltip"]}  # provenance on hover
    assert enc["fillOpacity"]["field"] == "certainty"  # reported light, unconfirmed hollow
    assert enc["x"]["sort"][:2] == ["Peace talks", "Ceasefire"]  # codebook (label dict) order
    rows = chart_rows(spec)
    assert {r["entity"] for r in rows} >= {"Donald Trump", "Alexander Grushko"}  # rows are actors
    assert len(rows) == len(stance_matrix_data(seed_tables().stances, "actor", LABELS))  # aggregated, not raw


def test_matrix_on_empty_data_is_still_a_chart():
    empty = pd.DataFrame(columns=STANCE_COLUMNS)
    assert stance_matrix_data(empty).empty
    assert "layer" in stance_matrix_chart(empty).to_dict()


def test_diverging_data_signs_and_order():
    data = diverging_bar_data(seed_tables().stances, "foreign_troops_in_ukraine", "country")
    assert data[["entity", "stance", "value"]].values.tolist() == [
        ["France", "support", 1],
        ["Russia", "oppose", -1],
        ["Italy", "oppose", -1],
    ]
    peace = diverging_bar_data(seed_tables().stances, "peace_talks", "country")
    russia = peace[peace["entity"] == "Russia"].set_index("stance")["value"].to_dict()
    assert russia == {"support": 1, "oppose": -1}
    assert diverging_bar_data(seed_tables().stances, "no_such_issue").empty


def test_diverging_leaves_neutral_out():
    data = diverging_bar_data(seed_tables().stances, "ceasefire", "actor")
    assert set(data["stance"]) == {"support"}


def test_diverging_chart_spec():
    spec = diverging_bar_chart(seed_tables().stances, "foreign_troops_in_ukraine", "actor", LABELS).to_dict()
    bars, key = spec["layer"]  # the bars and the certainty legend's invisible layer
    assert bars["mark"]["type"] == "bar" and key["encoding"]["fill"]["field"] == "certainty"
    assert spec["title"] == {"text": "Foreign troops in Ukraine"}
    enc = bars["encoding"]
    assert enc["x"]["field"] == "value" and enc["x"]["type"] == "quantitative"
    assert enc["y"]["field"] == "entity" and enc["y"]["sort"][0] == "Emmanuel Macron"
    assert enc["color"]["scale"]["range"] == [STANCE_COLOURS["support"], STANCE_COLOURS["oppose"]]
    values = {r["entity"]: r["value"] for r in chart_rows(spec)}
    assert values == {"Emmanuel Macron": 1, "Alexander Grushko": -1, "Italian government": -1}


def test_quotes_tooltip_shortens_and_counts_the_rest():
    text = quotes_tooltip(["a" * 500, "b", "c", "d"])
    assert text.count("“") == 3 and "(+1 more)" in text and "…" in text
    assert quotes_tooltip([]) == ""


# --- timeline ------------------------------------------------------------------------------------


def _timeline_points(entities: int = 3, with_meta: bool = True) -> pd.DataFrame:
    """Timeline points (as ``core.analysis.timeline.timeline_points`` gives them) on a trade issue."""
    from core.analysis.timeline import timeline_points

    rows = []
    names = ["Ana Costa", "Li Wei", "Kenji Sato", "Olga Berg", "Tom Reed", "Priya Nair"][:entities]
    for rank, name in enumerate(names):
        for day in range(len(names) - rank):  # the first name has most statements
            rows.append({"actor": name, "country": "", "issue": "tariff_cuts", "stance": "support",
                         "quote": f"{name} statement {day} " + "word " * 60, "article_id": f"a{day}",
                         "start_char": 0, "end_char": 10, "confidence": 0.8, "date": f"2025-03-{day + 10:02d}",
                         "outlet": f"Outlet {day}", "title": f"Headline {day}"})
    rows.append({**rows[0], "stance": "oppose", "quote": "Not these cuts", "start_char": 20})  # same day, other side
    rows.append({**rows[0], "quote": "Cuts again", "start_char": 40})  # same day, same side
    rows.append({**rows[0], "date": "", "quote": "undated"})
    frame = pd.DataFrame(rows)
    if not with_meta:
        frame = frame.drop(columns=["outlet", "title"])
    return timeline_points(frame, "tariff_cuts")


def test_timeline_data_aggregates_per_entity_day_and_stance():
    from core.views.charts import timeline_chart_data

    data = timeline_chart_data(_timeline_points())
    first_day = data[(data["entity"] == "Ana Costa") & (data["date"] == "2025-03-10")]
    assert first_day[["stance", "statements"]].values.tolist() == [["support", 2], ["oppose", 1]]
    support = first_day.iloc[0]
    assert support["quotes"].count("“") == 2 and "…" in support["quotes"]  # long quotes shortened
    assert support["outlets"] == "Outlet 0" and support["titles"] == "Headline 0"
    assert "undated" not in " ".join(data["quotes"])
    assert list(dict.fromkeys(data["entity"])) == ["Ana Costa", "Li Wei", "Kenji Sato"]  # most statements first
    assert not data.duplicated(["entity", "date", "stance"]).any()


def test_timeline_data_keeps_the_entities_with_most_statements():
    from core.views.charts import timeline_chart_data

    data = timeline_chart_data(_timeline_points(entities=6), max_entities=2)
    assert list(dict.fromkeys(data["entity"])) == ["Ana Costa", "Li Wei"]
    assert data.attrs["entities_total"] == 6


def test_timeline_chart_spec():
    from core.views.charts import TIMELINE_SHAPES, timeline_chart

    spec = timeline_chart(_timeline_points(entities=6), max_entities=4, title="Tariff cuts").to_dict()
    dots, key = spec["layer"]
    assert dots["mark"]["type"] == "point" and key["encoding"]["fill"]["field"] == "certainty"
    enc = dots["encoding"]
    assert enc["x"]["field"] == "date" and enc["x"]["type"] == "temporal"
    assert enc["y"]["field"] == "entity" and enc["y"]["sort"] == ["Ana Costa", "Li Wei", "Kenji Sato", "Olga Berg"]
    assert enc["color"]["field"] == "stance"
    assert enc["color"]["scale"]["domain"] == ["support", "oppose", "neutral"]
    assert enc["color"]["scale"]["range"] == [STANCE_COLOURS[s] for s in ["support", "oppose", "neutral"]]
    assert enc["shape"]["scale"]["range"] == [TIMELINE_SHAPES[s] for s in ["support", "oppose", "neutral"]]
    assert enc["yOffset"]["field"] == "stance"
    # Support above the label, neutral level with it, opposition below; one 48 px row per entity
    # (three 16 px lanes: the largest triangle fits its lane).
    assert enc["yOffset"]["scale"]["domain"] == ["support", "neutral", "oppose"]
    assert spec["height"] == {"step": 48, "for": "position"}
    assert enc["size"]["scale"]["range"][1] <= 16 ** 2
    assert enc["x"]["scale"]["padding"] > 0  # the first and last dots are not cut at the edges
    fields = [t["field"] for t in enc["tooltip"]]
    assert fields[:3] == ["entity", "date", "stance"] and {"evidence", "said_by", "article"} <= set(fields)
    assert spec["title"]["text"] == "Tariff cuts" and "4 of 6" in spec["title"]["subtitle"]
    rows = chart_rows(spec)
    assert {r["entity"] for r in rows} == {"Ana Costa", "Li Wei", "Kenji Sato", "Olga Berg"}
    assert all(len(r["quotes"]) < 600 for r in rows)


def test_timeline_chart_without_metadata_and_empty():
    from core.views.charts import timeline_chart

    spec = timeline_chart(_timeline_points(with_meta=False), by="country").to_dict()
    fields = [t["field"] for t in spec["layer"][0]["encoding"]["tooltip"]]
    assert "outlets" not in fields and "titles" not in fields
    assert spec["layer"][0]["encoding"]["y"]["title"] == "Country" and "title" not in spec
    from core.analysis.timeline import timeline_points

    empty = timeline_points(pd.DataFrame(columns=[*STANCE_COLUMNS, "date"]), "tariff_cuts")
    spec = timeline_chart(empty).to_dict()
    assert spec["layer"][0]["mark"]["type"] == "point" and chart_rows(spec) == []


def test_diverging_chart_keeps_the_entities_with_most_statements():
    rows = [
        {"actor": f"Minister {i}", "country": f"Country {i}", "issue": "tariffs", "stance": "support" if i % 2 else "oppose",
         "quote": f"q{i}"}
        for i in range(6)
    ] + [{"actor": "Minister 0", "country": "Country 0", "issue": "tariffs", "stance": "oppose", "quote": "again"}]
    spec = diverging_bar_chart(pd.DataFrame(rows), "tariffs", "country", max_rows=3).to_dict()
    entities = {r["entity"] for r in chart_rows(spec)}
    assert len(entities) == 3 and "Country 0" in entities  # the one with two statements is kept
    assert spec["title"]["subtitle"] == "The 3 of 6 with most statements; filter to see others"


# --- calibration ---------------------------------------------------------------------------------

RELIABILITY = [
    {"low": 0.3, "high": 0.4, "predicted": 0.33, "observed": 0.16, "rows": 73},
    {"low": 0.0, "high": 0.1, "predicted": 0.06, "observed": 0.07, "rows": 287},
    {"low": 0.9, "high": 1.0, "predicted": 0.95, "observed": 0.0, "rows": 0},  # an empty bin
    {"low": 0.5, "high": 0.6, "predicted": "0.56", "observed": "0.54", "rows": "57"},  # numbers as text
]


def test_reliability_data_orders_labels_and_drops_empty_bins():
    from core.views.charts import reliability_data

    data = reliability_data(RELIABILITY)
    assert data["bin"].tolist() == ["0.0–0.1", "0.3–0.4", "0.5–0.6"]
    assert data["predicted"].tolist() == [0.06, 0.33, 0.56] and data["rows"].tolist() == [287, 73, 57]
    assert reliability_data(pd.DataFrame(RELIABILITY)).equals(data)
    for empty in ([], pd.DataFrame(), pd.DataFrame({"low": [0.1]})):
        frame = reliability_data(empty)
        assert frame.empty and list(frame.columns) == ["low", "high", "bin", "predicted", "observed", "rows"]


def test_reliability_chart_spec():
    from core.views.charts import reliability_chart

    spec = reliability_chart(pd.DataFrame(RELIABILITY)).to_dict()
    diagonal, label, trace, points, counts = spec["layer"]
    assert diagonal["mark"]["type"] == "line" and diagonal["mark"]["strokeDash"]
    assert spec["datasets"][diagonal["data"]["name"]] == [{"x": 0.0, "y": 0.0}, {"x": 1.0, "y": 1.0}]
    assert spec["datasets"][label["data"]["name"]][0]["text"] == "perfectly calibrated"
    assert diagonal["encoding"]["x"]["title"].startswith("Predicted confidence")
    assert diagonal["encoding"]["y"]["title"].startswith("Observed precision")
    assert points["mark"]["type"] == "circle" and trace["mark"]["type"] == "line"
    encoding = points["encoding"]
    assert (encoding["x"]["field"], encoding["y"]["field"], encoding["size"]["field"]) == ("predicted", "observed", "rows")
    assert encoding["x"]["scale"]["domain"] == [0, 1] and encoding["y"]["scale"]["domain"] == [0, 1]
    assert [t["field"] for t in encoding["tooltip"]] == ["bin", "predicted", "observed", "rows"]
    rows = spec["datasets"][points["data"]["name"]]
    assert [r["rows"] for r in rows] == [287, 73, 57], "aggregated bins only, the empty one left out"
    assert counts["mark"]["type"] == "text" and counts["encoding"]["text"]["field"] == "rows"


def test_reliability_chart_on_no_bins_is_still_a_chart():
    from core.views.charts import reliability_chart

    spec = reliability_chart(pd.DataFrame()).to_dict()
    points = spec["layer"][3]
    assert spec["datasets"][points["data"]["name"]] == []
    assert len(spec["layer"]) == 5  # the diagonal is drawn all the same
