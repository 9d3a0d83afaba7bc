"""Discourse networks on small hand-checked tables (invented actors, trade and climate issues).

Positions in ``TABLE`` (+ support, − oppose, ± both, · neutral only):

    actor                  country  carbon_tax  tariffs  trade_deal  coal_exit
    Anna Berg (person)     Sweden       +          −          +          +
    Trade Ministry (gov)   Germany      +          −          +
    Carlos Mendes (person) Brazil       −          +          +          −
    Green Futures (org)    Canada       +          ±          +          +
    Dana Lee (person)      Canada       −          −          +          −      (and · on tariffs)
    Quiet Forum (group)    —                                  ·                  (only neutral)
"""

from __future__ import annotations

import io
import math

import altair as alt
import networkx as nx
import pandas as pd
import pytest

from core.analysis.network import (
    POLARISATION_EXPLANATION,
    GraphFormat,
    Polarisation,
    actor_positions,
    build_network,
    coalition_summary,
    coalitions,
    graph_bytes,
    layout,
    polarisation,
    polarisation_by_issue,
)
from core.model import STANCE_COLUMNS
from core.views.network_charts import (
    GROUP_COLOURS,
    GROUP_SHAPES,
    group_marks,
    network_chart,
    network_chart_data,
    polarisation_chart,
)

LABELS = {"carbon_tax": "Carbon tax", "tariffs": "Import tariffs", "trade_deal": "Trade deal", "coal_exit": "Coal exit"}

A, B, C, D, E, F = "Anna Berg", "Trade Ministry", "Carlos Mendes", "Green Futures", "Dana Lee", "Quiet Forum"
ACTORS = {
    A: ("person", "Sweden"),
    B: ("government", "Germany"),
    C: ("person", "Brazil"),
    D: ("organization", "Canada"),
    E: ("person", "Canada"),
    F: ("group", ""),
}
STATEMENTS = [
    (A, "carbon_tax", "support"), (A, "tariffs", "oppose"), (A, "trade_deal", "support"), (A, "coal_exit", "support"),
    (B, "carbon_tax", "support"), (B, "tariffs", "oppose"), (B, "trade_deal", "support"),
    (C, "carbon_tax", "oppose"), (C, "tariffs", "support"), (C, "trade_deal", "support"), (C, "coal_exit", "oppose"),
    (D, "carbon_tax", "support"), (D, "tariffs", "support"), (D, "tariffs", "oppose"), (D, "trade_deal", "support"),
    (D, "coal_exit", "support"),
    (E, "carbon_tax", "oppose"), (E, "tariffs", "oppose"), (E, "tariffs", "neutral"), (E, "trade_deal", "support"),
    (E, "coal_exit", "oppose"),
    (F, "trade_deal", "neutral"),
]


def make_table(statements: list[tuple[str, str, str]], actors: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """A stance table in the schema's columns, one article per actor, a distinct quote per row."""
    rows = []
    for n, (actor, issue, stance) in enumerate(statements):
        actor_type, country = actors[actor]
        quote = f"{actor} on {issue}: {stance} #{n}"
        rows.append({
            "article_id": f"art-{actor.split()[0].lower()}", "sentence": n + 1, "actor": actor,
            "actor_type": actor_type, "country": country, "issue": issue, "stance": stance,
            "certainty": "stated", "attribution": "direct", "source": "", "quote": quote,
            "start_char": 100 * n, "end_char": 100 * n + len(quote), "confidence": 0.9,
        })
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


TABLE = make_table(STATEMENTS, ACTORS)


def weights(graph: nx.Graph) -> dict[frozenset, float]:
    return {frozenset((a, b)): w for a, b, w in graph.edges(data="weight")}


def pairs(**named: float) -> dict[frozenset, float]:
    """``AB=3`` → {frozenset({A, B}): 3} using the one-letter names above."""
    names = {"A": A, "B": B, "C": C, "D": D, "E": E, "F": F}
    return {frozenset((names[k[0]], names[k[1]])): v for k, v in named.items()}


# --- positions -----------------------------------------------------------------------------------


def test_actor_positions_net_position_counts_and_evidence():
    positions = actor_positions(TABLE)
    assert list(positions.columns) == ["entity", "issue", "position", "support", "oppose", "statements", "evidence"]
    cell = positions[(positions["entity"] == D) & (positions["issue"] == "tariffs")].iloc[0]
    assert (cell["position"], cell["support"], cell["oppose"], cell["statements"]) == ("mixed", 1, 1, 2)
    assert cell["evidence"] == [
        ("art-green", 1200, 1200 + len("Green Futures on tariffs: support #12"), "Green Futures on tariffs: support #12"),
        ("art-green", 1300, 1300 + len("Green Futures on tariffs: oppose #13"), "Green Futures on tariffs: oppose #13"),
    ]
    # Neutral statements are ignored: Dana Lee's tariffs cell counts only the opposition; the forum has no cell.
    dana = positions[(positions["entity"] == E) & (positions["issue"] == "tariffs")].iloc[0]
    assert (dana["position"], dana["statements"]) == ("oppose", 1)
    assert F not in set(positions["entity"])
    assert len(positions) == 4 + 3 + 4 + 4 + 4


def test_actor_positions_by_country_merges_and_skips_rows_without_country():
    positions = actor_positions(TABLE, by="country").set_index(["entity", "issue"])["position"].to_dict()
    # Canada = Green Futures + Dana Lee: opposite sides on carbon tax and coal, mixed + oppose on tariffs.
    assert {k: v for k, v in positions.items() if k[0] == "Canada"} == {
        ("Canada", "carbon_tax"): "mixed", ("Canada", "tariffs"): "mixed",
        ("Canada", "trade_deal"): "support", ("Canada", "coal_exit"): "mixed",
    }
    assert {k[0] for k in positions} == {"Sweden", "Germany", "Brazil", "Canada"}


def test_actor_types_filter():
    positions = actor_positions(TABLE, actor_types={"person"})
    assert set(positions["entity"]) == {A, C, E}


def test_empty_table_gives_empty_results():
    empty = pd.DataFrame(columns=STANCE_COLUMNS)
    assert actor_positions(empty).empty
    graph = build_network(empty)
    assert graph.number_of_nodes() == 0
    assert coalitions(empty).empty and coalition_summary(empty).empty
    assert polarisation(empty).value is None
    assert polarisation_by_issue(empty).empty
    assert list(layout(graph).columns) == ["node", "x", "y"] and layout(graph).empty


# --- networks ------------------------------------------------------------------------------------

CONGRUENCE = pairs(AB=3, AC=1, AD=3, AE=2, BC=1, BD=2, BE=2, CD=1, CE=3, DE=1)
CONFLICT = pairs(AC=3, AE=2, BC=2, BE=1, CD=2, CE=1, DE=2)


def test_congruence_weights_hand_checked():
    graph = build_network(TABLE, "congruence", labels=LABELS)
    assert weights(graph) == CONGRUENCE
    assert all(isinstance(w, int) for w in weights(graph).values())
    assert graph.edges[A, B]["issues"] == "carbon_tax; tariffs; trade_deal"
    assert graph.edges[A, B]["issue_labels"] == "Carbon tax; Import tariffs; Trade deal"


def test_conflict_weights_hand_checked_mixed_excluded():
    graph = build_network(TABLE, "conflict")
    assert weights(graph) == CONFLICT
    # Green Futures is mixed on tariffs: no conflict with Carlos Mendes (support) or Dana Lee (oppose) there.
    assert "tariffs" not in graph.edges[C, D]["issues"].split("; ")
    assert graph.edges[C, D]["issues"] == "carbon_tax; coal_exit"


def test_normalised_weights_divide_by_union_of_sided_issues():
    graph = build_network(TABLE, "congruence", normalise=True)
    # Sided issues: A, C, E all four; B {carbon, tariffs, deal}; D {carbon, deal, coal} (tariffs mixed).
    expected = pairs(AB=3 / 4, AC=1 / 4, AD=3 / 4, AE=2 / 4, BC=1 / 4, BD=2 / 4, BE=2 / 4, CD=1 / 4, CE=3 / 4, DE=1 / 4)
    got = weights(graph)
    assert got.keys() == expected.keys()
    assert all(isinstance(w, float) and math.isclose(w, expected[k]) for k, w in got.items())
    conflict = weights(build_network(TABLE, "conflict", normalise=True))
    assert math.isclose(conflict[frozenset((C, D))], 2 / 4)


def test_isolated_nodes_and_node_attributes():
    graph = build_network(TABLE, labels=LABELS)
    assert list(graph.nodes) == [A, B, C, D, E, F]  # table order, the neutral-only forum included
    assert graph.degree(F) == 0
    node = graph.nodes[D]
    assert node["label"] == D and node["country"] == "Canada" and node["actor_type"] == "organization"
    assert node["statements"] == 5
    assert node["issues"] == "Carbon tax (for); Import tariffs (mixed); Trade deal (for); Coal exit (for)"
    assert node["evidence"].count("“") == 3 and "(+2 more)" in node["evidence"]
    assert graph.nodes[F]["statements"] == 1 and graph.nodes[F]["issues"] == ""
    for _, data in [*graph.nodes(data=True), *((None, d) for *_, d in graph.edges(data=True))]:
        assert all(isinstance(v, (str, int, float)) for v in data.values())


def test_edge_evidence_quotes_each_side_per_issue():
    graph = build_network(TABLE, "conflict", labels=LABELS)
    evidence = graph.edges[A, C]["evidence"]
    assert evidence.startswith("Carbon tax — Anna Berg: “Anna Berg on carbon_tax: support #0”")
    assert "Carlos Mendes: “Carlos Mendes on carbon_tax: oppose #7”" in evidence
    assert "Coal exit" in evidence and "Import tariffs" in evidence


def test_edge_evidence_is_truncated():
    long = make_table([(A, "tax", "support"), (B, "tax", "support")], ACTORS)
    long["quote"] = ["word " * 200, "other " * 200]
    graph = build_network(long)
    evidence = graph.edges[A, B]["evidence"]
    assert len(evidence) < 300 and evidence.count("…") == 2
    # Each quote is cut; who said it and where follows it (" — ").
    assert all(len(q.split("” — ")[0]) <= 170 for q in graph.nodes[A]["evidence"].split("  ·  "))


def test_network_by_country_and_actor_types():
    by_country = build_network(TABLE, by="country")
    assert set(by_country.nodes) == {"Sweden", "Germany", "Brazil", "Canada"}
    # Canada holds a clear side only on the trade deal, which everyone supports.
    assert weights(by_country)[frozenset(("Canada", "Sweden"))] == 1
    people = build_network(TABLE, actor_types={"person"})
    assert list(people.nodes) == [A, C, E]
    assert weights(people) == pairs(AC=1, AE=2, CE=3)


# --- coalitions ----------------------------------------------------------------------------------

CAMP_LABELS = {"green_subsidies": "Green subsidies", "emission_caps": "Emission caps", "fuel_tax_cut": "Fuel tax cut",
               "port_expansion": "Port expansion"}
P1, P2, P3, Q1, Q2, R = "Ines Falk", "Climate Alliance", "Nordia", "Oskar Brand", "Fuel Union", "Silent Panel"
CAMP_ACTORS = {P1: ("person", "Norway"), P2: ("organization", "Norway"), P3: ("government", "Nordia"),
               Q1: ("person", "Chile"), Q2: ("organization", "Chile"), R: ("group", "Chile")}
CAMP_STATEMENTS = [
    (Q1, "green_subsidies", "oppose"), (Q1, "emission_caps", "oppose"), (Q1, "fuel_tax_cut", "support"),
    (P1, "green_subsidies", "support"), (P1, "emission_caps", "support"), (P1, "fuel_tax_cut", "oppose"),
    (P2, "green_subsidies", "support"), (P2, "emission_caps", "support"), (P2, "fuel_tax_cut", "oppose"),
    (P3, "green_subsidies", "support"), (P3, "emission_caps", "support"), (P3, "fuel_tax_cut", "oppose"),
    (Q2, "green_subsidies", "oppose"), (Q2, "emission_caps", "oppose"), (Q2, "fuel_tax_cut", "support"),
    # Held by one member of each camp only: below the "at least two members" bar, and a weak bridge.
    (P3, "port_expansion", "support"), (Q1, "port_expansion", "support"),
    (R, "emission_caps", "neutral"),
]
CAMPS = make_table(CAMP_STATEMENTS, CAMP_ACTORS)


def test_coalitions_recover_the_two_camps():
    table = coalitions(CAMPS)
    assert list(table.columns) == ["entity", "coalition", "size"]
    assert table.values.tolist() == [
        [P1, 1, 3], [P2, 1, 3], [P3, 1, 3],
        [Q1, 2, 2], [Q2, 2, 2],
        [R, 3, 1],  # no edges: a singleton
    ]
    assert coalitions(CAMPS, seed=7).equals(table)


def test_coalition_summary_describes_shared_positions():
    summary = coalition_summary(CAMPS, labels=CAMP_LABELS)
    assert summary.values.tolist() == [
        [1, 3, "Ines Falk; Climate Alliance; Nordia", "support: Green subsidies, Emission caps; oppose: Fuel tax cut"],
        [2, 2, "Oskar Brand; Fuel Union", "support: Fuel tax cut; oppose: Green subsidies, Emission caps"],
        [3, 1, "Silent Panel", ""],
    ]


def test_coalition_summary_leaves_split_issues_out():
    split = [(A, "x", "support"), (B, "x", "support"), (C, "x", "oppose"), (E, "x", "oppose")]
    agreed = [(name, issue, "support") for issue in ("y", "z", "w") for name in (A, B, C, E)]
    (row,) = coalition_summary(make_table(split + agreed, ACTORS)).to_dict("records")
    # x is 2 vs 2 inside the coalition: split, not shared (issues without labels come alphabetically).
    assert row["size"] == 4 and row["positions"] == "support: w, y, z"


# --- polarisation --------------------------------------------------------------------------------


def test_polarisation_by_issue_hand_computed():
    table = polarisation_by_issue(TABLE, labels=LABELS)
    assert table[["issue", "label", "supporters", "opponents"]].values.tolist() == [
        ["carbon_tax", "Carbon tax", 3, 2],
        ["tariffs", "Import tariffs", 1, 3],  # Green Futures is mixed: in neither camp
        ["trade_deal", "Trade deal", 5, 0],
        ["coal_exit", "Coal exit", 2, 2],
    ]
    assert table["polarisation"].tolist() == pytest.approx([1 - 1 / 5, 0.5, 0.0, 1.0])


def test_polarisation_single_issue_and_corpus_weighted_mean():
    assert polarisation(TABLE, issue="trade_deal").value == 0.0  # consensus
    assert polarisation(TABLE, issue="coal_exit").value == 1.0  # 2 vs 2
    tariffs = polarisation(TABLE, issue="tariffs", labels=LABELS)
    assert isinstance(tariffs, Polarisation)
    assert (tariffs.value, tariffs.supporters, tariffs.opponents, tariffs.issues) == (0.5, 1, 3, 1)
    assert "Import tariffs" in tariffs.explanation and "0.50" in tariffs.explanation
    overall = polarisation(TABLE)
    # (0.8·5 + 0.5·4 + 0·5 + 1·4) / (5 + 4 + 5 + 4) = 10 / 18
    assert overall.value == pytest.approx(10 / 18)
    assert (overall.supporters, overall.opponents, overall.issues) == (11, 7, 4)
    assert "0.56" in overall.explanation
    assert "1 −" in POLARISATION_EXPLANATION


def test_polarisation_counts_only_the_issues_it_is_computed_over():
    table = make_table([(A, "x", "support"), (B, "x", "oppose"), (C, "y", "support")], ACTORS)
    overall = polarisation(table)  # "y" has one side only: left out of the value and of the counts
    assert (overall.value, overall.supporters, overall.opponents, overall.issues) == (1.0, 1, 1, 1)


def test_polarisation_undefined_with_fewer_than_two_sides():
    one = make_table([(A, "x", "support"), (B, "x", "neutral")], ACTORS)
    result = polarisation(one, issue="x")
    assert result.value is None and result.issues == 0 and "undefined" in result.explanation
    assert math.isnan(polarisation_by_issue(one)["polarisation"].iloc[0])
    assert polarisation(one).value is None


# --- layout and export ---------------------------------------------------------------------------


def test_layout_gives_each_component_its_own_place():
    graph = nx.Graph()
    graph.add_edges_from([("a", "b"), ("b", "c"), ("x", "y")])
    graph.add_node("lone")
    positions = layout(graph).set_index("node")
    boxes = [positions.loc[list(group)] for group in (["a", "b", "c"], ["x", "y"], ["lone"])]
    spans = [(box["x"].min(), box["x"].max(), box["y"].min(), box["y"].max()) for box in boxes]
    for i, first in enumerate(spans):  # no two components' bounding boxes overlap
        for second in spans[i + 1:]:
            apart_x = first[1] < second[0] or second[1] < first[0]
            apart_y = first[3] < second[2] or second[3] < first[2]
            assert apart_x or apart_y, (first, second)


def test_layout_is_deterministic_with_the_seed():
    graph = build_network(TABLE)
    first = layout(graph, seed=3)
    assert list(first.columns) == ["node", "x", "y"] and first["node"].tolist() == list(graph.nodes)
    assert first.equals(layout(graph, seed=3))
    assert not first.equals(layout(graph, seed=4))
    # Most statements: Green Futures and Dana Lee 5, then Anna Berg before Carlos Mendes (4, table order).
    assert layout(graph, max_nodes=3)["node"].tolist() == [A, D, E]


def _without(data: dict, *keys: str) -> dict:
    return {k: v for k, v in data.items() if k not in keys}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("normalise", [False, True])
def test_graph_files_round_trip(fmt: GraphFormat, normalise: bool):
    graph = build_network(TABLE, "conflict", normalise=normalise, labels=LABELS)
    data = graph_bytes(graph, fmt)
    assert isinstance(data, bytes) and data.decode("utf-8")
    read = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
    assert list(read.nodes) == list(graph.nodes)
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    assert {frozenset((a, b)) for a, b in read.edges} == {frozenset((a, b)) for a, b in graph.edges}
    for a, b, attrs in graph.edges(data=True):
        back = _without(read.edges[a, b], "id")  # GEXF adds an edge id
        assert back["weight"] == pytest.approx(attrs["weight"])
        assert _without(back, "weight") == _without(attrs, "weight")


def test_graph_bytes_rejects_unknown_format():
    with pytest.raises(ValueError):
        graph_bytes(nx.Graph(), "dot")  # type: ignore[arg-type]


# --- charts --------------------------------------------------------------------------------------


def layer_rows(spec: dict, layer: int) -> list[dict]:
    """The inline rows of one layer of a layered spec (each layer names its dataset)."""
    return spec["datasets"][spec["layer"][layer]["data"]["name"]]


def note(spec: dict) -> str:
    """What the chart says above the plot when it has no title: a subtitle, or under no title the title itself."""
    title = spec["title"]
    return title.get("subtitle") or title["text"]


def test_network_chart_data_nodes_and_edges():
    graph = build_network(TABLE, "congruence", labels=LABELS)
    positions = layout(graph)
    nodes, edges = network_chart_data(graph, positions)
    assert nodes["node"].tolist() == [A, B, C, D, E, F]
    assert nodes.set_index("node")["group"].to_dict()[F] == "(no country)"
    assert len(edges) == len(CONGRUENCE)
    where = positions.set_index("node")
    ab = edges[(edges["source"] == A) & (edges["target"] == B)].iloc[0]
    assert (ab["x"], ab["y"], ab["x2"], ab["y2"]) == (where.at[A, "x"], where.at[A, "y"], where.at[B, "x"], where.at[B, "y"])
    assert ab["weight"] == 3 and ab["issues"] == "Carbon tax; Import tariffs; Trade deal"
    by_coalition, _ = network_chart_data(graph, positions, "coalition", {A: 1, B: 2})
    assert by_coalition["group"].tolist()[:3] == ["Coalition 1", "Coalition 2", "(no coalition)"]


def test_network_chart_spec_matches_prepared_frames():
    graph = build_network(TABLE, "conflict", labels=LABELS)
    positions = layout(graph)
    chart = network_chart(graph, positions, title="Conflict")
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    edges_layer, nodes_layer, halo_layer, text_layer = spec["layer"]
    assert edges_layer["mark"]["type"] == "rule" and nodes_layer["mark"]["type"] == "point"
    assert halo_layer["mark"]["type"] == text_layer["mark"]["type"] == "text"
    assert layer_rows(spec, 2) == layer_rows(spec, 3)
    assert edges_layer["encoding"]["strokeWidth"]["field"] == "weight"
    assert {t["field"] for t in edges_layer["encoding"]["tooltip"]} == {"source", "target", "weight", "issues", "evidence"}
    assert nodes_layer["encoding"]["size"]["field"] == "statements"
    assert {"label", "country", "statements", "issues", "evidence"} <= {t["field"] for t in nodes_layer["encoding"]["tooltip"]}
    assert nodes_layer["encoding"]["x"]["axis"] is None and edges_layer["encoding"]["y"]["axis"] is None
    colour = nodes_layer["encoding"]["color"]["scale"]
    # The groups with most statements first (Canada: 10, Sweden and Brazil: 4, Germany: 3), no country last.
    assert colour["domain"] == ["Canada", "Sweden", "Brazil", "Germany", "(no country)"]
    assert colour["range"] == [*GROUP_COLOURS[:4], "#999999"]
    assert nodes_layer["encoding"]["shape"]["scale"]["domain"] == colour["domain"]
    nodes, edges = network_chart_data(graph, positions)
    assert layer_rows(spec, 0) == edges.to_dict("records")
    assert layer_rows(spec, 1) == nodes.to_dict("records")


def test_network_chart_keeps_the_biggest_nodes_and_strongest_edges():
    graph = build_network(TABLE, "congruence")
    positions = layout(graph)
    nodes, edges = network_chart_data(graph, positions, max_nodes=5, max_edges=3)
    assert set(nodes["node"]) == {A, B, C, D, E}  # the neutral-only forum has fewest statements
    assert edges["weight"].tolist() == [3, 3, 3] and edges.attrs["total"] == len(CONGRUENCE)
    assert note(network_chart(graph, positions, max_nodes=5, max_edges=3).to_dict()) == "Showing the 5 of 6 entities with most statements and the 3 strongest of 10 links"


# Labels and marks as the browser draws them, read from the chart's spec alone (so the same check
# holds whatever way the chart places its names): the x and y scales span the data with the
# scale's padding in pixels, the text mark is centred on its node moved by its dx and dy (a number,
# or an expression naming the row's column), the marks' area follows the size scale.
TEXT_WIDTH_PER_CHAR = 0.55 * 11  # px: Source Sans at 11 px is narrower than this on average
TEXT_HEIGHT = 11


def _pixels(values: list[float], length: float, padding: float, flip: bool) -> list[float]:
    low, high = min(values), max(values)
    shares = [(v - low) / (high - low) if high > low else 0.5 for v in values]
    return [padding + ((1 - t) if flip else t) * (length - 2 * padding) for t in shares]


def drawn_marks(spec: dict, width: float) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float, float]]]:
    """(label boxes x0, y0, x1, y1; node circles x, y, radius) in pixels for a plot ``width`` wide."""
    height = spec["height"]  # the plot's: the chart grows for its legend and title instead of squeezing the plot
    assert spec.get("autosize") == {"type": "fit-x", "contains": "padding"}
    nodes_layer, text_layer = spec["layer"][1], spec["layer"][-1]
    rows = layer_rows(spec, 1)
    xs = _pixels([r["x"] for r in rows], width, nodes_layer["encoding"]["x"]["scale"]["padding"], flip=False)
    ys = _pixels([r["y"] for r in rows], height, nodes_layer["encoding"]["y"]["scale"]["padding"], flip=True)
    size = nodes_layer["encoding"]["size"]["scale"]
    low, high = size["range"]
    most = size.get("domain", [0, max(r["statements"] for r in rows)])[1]
    circles = [(x, y, math.sqrt((low + (high - low) * r["statements"] / most) / math.pi)) for r, x, y in zip(rows, xs, ys)]
    at = {r["node"]: (x, y) for r, x, y in zip(rows, xs, ys)}
    mark = text_layer["mark"]

    def offset(name: str, row: dict) -> float:
        value = mark.get(name, 0)
        return float(row[value["expr"].removeprefix("datum.")]) if isinstance(value, dict) else float(value)

    boxes = []
    for row in (layer_rows(spec, len(spec["layer"]) - 1) if "data" in text_layer else rows):
        x, y = at[row["node"]]
        cx, cy = x + offset("dx", row), y + offset("dy", row)
        half_w, half_h = TEXT_WIDTH_PER_CHAR * len(row["label"]) / 2, TEXT_HEIGHT / 2
        boxes.append((cx - half_w, cy - half_h, cx + half_w, cy + half_h))
    return boxes, circles


def _boxes_meet(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _box_meets_circle(box: tuple[float, ...], circle: tuple[float, float, float]) -> bool:
    x, y, r = circle
    nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < r * r


# The seed's actors and a few more (eight countries, the United Kingdom last), nearly all agreeing with one another: a dense cluster whose
# spring layout puts the nodes (and, centred above them, their names) close together.
CROWD = {
    "Donald Trump": ("person", "United States"), "United States": ("government", "United States"),
    "Vladimir Putin": ("person", "Russia"), "Russia": ("government", "Russia"),
    "Italian government": ("government", "Italy"), "Ukraine": ("government", "Ukraine"),
    "EU countries": ("group", "European Union"), "Alexander Grushko": ("person", "Russia"),
    "Emmanuel Macron": ("person", "France"), "Volodymyr Zelensky": ("person", "Ukraine"),
    "Friedrich Merz": ("person", "Germany"), "Keir Starmer": ("person", "United Kingdom"), "United Kingdom": ("government", "United Kingdom"),
}
CROWD_STATEMENTS = [
    (actor, issue, "support" if (n + i) % 5 else "oppose")
    for n, actor in enumerate(CROWD) for i, issue in enumerate(["ceasefire", "aid", "troops", "talks"][: 2 + n % 3])
]


@pytest.mark.parametrize("kind", ["congruence", "conflict"])
def test_network_names_overlap_neither_each_other_nor_the_marks_and_stay_inside(kind):
    graph = build_network(make_table(CROWD_STATEMENTS, CROWD), kind)
    assert graph.number_of_nodes() == len(CROWD)
    spec = network_chart(graph, layout(graph)).to_dict()
    for width in (340, 390, 700, 1200):  # a phone to a wide desktop
        boxes, circles = drawn_marks(spec, width)
        assert len(boxes) == len(CROWD), "every name is drawn"
        clashes = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if _boxes_meet(boxes[i], boxes[j])]
        assert clashes == [], f"names overlap at {width} px"
        assert not any(_box_meets_circle(box, circle) for box in boxes for circle in circles), f"a name on a mark at {width} px"
        assert all(b[0] >= 0 and b[1] >= 0 and b[2] <= width and b[3] <= spec["height"] for b in boxes), f"a name cut off at {width} px"


def test_names_with_no_room_are_left_off_and_the_subtitle_says_so():
    crowd = {f"Speaker {n}": ("person", f"Country {n}") for n in range(40)}  # all agree on all: one tight ball
    statements = [(actor, "aid", "support") for actor in crowd] + [(actor, "talks", "support") for actor in crowd]
    graph = build_network(make_table(statements, crowd))
    spec = network_chart(graph, layout(graph)).to_dict()
    boxes, _ = drawn_marks(spec, 340)
    assert 0 < len(boxes) < 40
    assert not any(_boxes_meet(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert note(spec) == f"{40 - len(boxes)} names left off where the picture is crowded: hover the marks"


def _drawn_group_marks(spec: dict) -> dict[str, tuple[str, str]]:
    """Each group's (colour, shape) as the chart's scales give it (a circle when shape is not encoded)."""
    encoding = spec["layer"][1]["encoding"]
    colours = dict(zip(encoding["color"]["scale"]["domain"], encoding["color"]["scale"]["range"]))
    shape = encoding.get("shape", {}).get("scale")
    shapes = dict(zip(shape["domain"], shape["range"])) if shape else {}
    return {group: (colour, shapes.get(group, "circle")) for group, colour in colours.items()}


def test_the_united_states_and_the_united_kingdom_get_different_colours():
    graph = build_network(make_table(CROWD_STATEMENTS, CROWD))
    marks = _drawn_group_marks(network_chart(graph, layout(graph)).to_dict())
    assert len(marks) == 8  # United States, Russia, Italy, Ukraine, European Union, France, Germany, United Kingdom
    assert marks["United States"][0] != marks["United Kingdom"][0]
    assert len({colour for colour, _ in marks.values()}) == 8


@pytest.mark.parametrize("count", [8, 18, 19, 40])
def test_every_country_of_a_network_gets_its_own_colour_and_shape(count):
    countries = {f"Actor {n}": ("person", f"Country {n:02d}") for n in range(count)}
    graph = build_network(make_table([(actor, "aid", "support") for actor in countries], countries))
    marks = _drawn_group_marks(network_chart(graph, layout(graph)).to_dict())
    assert len(marks) == count and len(set(marks.values())) == count
    assert all(shape == "circle" for _, shape in list(marks.values())[: len(GROUP_COLOURS)])  # shapes only past the colours


def test_group_marks_are_distinct_up_to_every_colour_on_every_shape():
    limit = len(GROUP_COLOURS) * len(GROUP_SHAPES)
    for count in (1, 7, 18, 19, 50, limit):
        marks = group_marks([f"g{n}" for n in range(count)] + ["(no country)"])
        assert len(set(marks.values())) == count + 1
        assert marks["(no country)"] == ("#999999", "circle")
    assert "#999999" not in GROUP_COLOURS and len(set(GROUP_COLOURS)) == len(GROUP_COLOURS)


def test_network_chart_on_empty_graph_is_still_a_chart():
    graph = build_network(pd.DataFrame(columns=STANCE_COLUMNS))
    nodes, edges = network_chart_data(graph, layout(graph))
    assert nodes.empty and edges.empty
    assert "layer" in network_chart(graph, layout(graph), colour_by="coalition").to_dict()


def test_polarisation_chart_rows_and_empty():
    table = polarisation_by_issue(TABLE, labels=LABELS)
    spec = polarisation_chart(table).to_dict()
    (rows,) = spec["datasets"].values()
    assert [(r["label"], r["supporters"], r["opponents"]) for r in rows] == [
        ("Carbon tax", 3, 2), ("Import tariffs", 1, 3), ("Trade deal", 5, 0), ("Coal exit", 2, 2)]
    assert [r["polarisation"] for r in rows] == pytest.approx([0.8, 0.5, 0.0, 1.0])
    assert spec["encoding"]["x"]["scale"]["domain"] == [0, 1]
    title = spec["encoding"]["x"]["title"]  # lines that fit under a phone-wide chart (about 40 characters)
    assert isinstance(title, list) and all(len(line) <= 40 for line in title)
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"supporters", "opponents"}
    one = make_table([(A, "x", "support"), (B, "y", "support"), (C, "y", "oppose")], ACTORS)
    partial = polarisation_chart(polarisation_by_issue(one)).to_dict()
    assert [r["issue"] for r in next(iter(partial["datasets"].values()))] == ["y"]
    assert "1 issue" in partial["title"]["subtitle"]
    assert "mark" in polarisation_chart(polarisation_by_issue(pd.DataFrame(columns=STANCE_COLUMNS))).to_dict()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_control_characters_in_names_do_not_break_the_graph_files(fmt):
    rows = pd.DataFrame([
        {"article_id": "a", "actor": "Ana\x01 Costa\x0b", "actor_type": "person", "country": "Chile\x0c",
         "issue": "tariffs", "stance": "support", "quote": "We back\x0b it", "start_char": 0, "end_char": 9},
        {"article_id": "a", "actor": "Li Wei", "actor_type": "person", "country": "China",
         "issue": "tariffs", "stance": "support", "quote": "Yes", "start_char": 10, "end_char": 13},
    ])
    graph = build_network(rows)
    data = graph_bytes(graph, fmt)
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
    assert back.number_of_nodes() == 2 and back.number_of_edges() == 1
    assert all("\x01" not in str(node) and "\x0b" not in str(node) for node in back.nodes)


def test_node_tooltips_say_who_said_each_quote_how_sure_and_in_which_article():
    from core.analysis.network import build_network

    stances = pd.DataFrame([
        {"article_id": "a1", "actor": "Chile", "actor_type": "government", "country": "Chile", "issue": "fish", "stance": "support",
         "start_char": 0, "end_char": 10, "quote": "Chile backs the fishing accord.", "title": "Pacific talks", "outlet": "Coast News",
         "date": "2025-03-14", "certainty": "reported", "attribution": "indirect"},
        {"article_id": "a2", "actor": "Peru", "actor_type": "government", "country": "Peru", "issue": "fish", "stance": "support",
         "start_char": 0, "end_char": 10, "quote": "Peru backs it too.", "title": "", "outlet": "", "date": "",
         "certainty": "", "attribution": ""},
    ])
    graph = build_network(stances)
    assert graph.nodes["Chile"]["evidence"] == ("“Chile backs the fishing accord.” — Chile · reported · indirect — "
                                                "Pacific talks, Coast News, 2025-03-14")
    assert graph.nodes["Peru"]["evidence"] == "“Peru backs it too.” — Peru"  # no article details: who said it only
