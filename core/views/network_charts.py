"""Altair pictures of discourse networks (:mod:`core.analysis.network`) and of polarisation per issue.

As in :mod:`core.views.charts`, the data are prepared in pandas first (:func:`network_chart_data`, tested
on its own) and Altair receives two small tables: one row per node and one per edge.

Node colours are a categorical Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); past eight groups the colours repeat, but every node also carries its name, so the
picture never rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import altair as alt
import networkx as nx
import pandas as pd

ColourBy = Literal["country", "coalition"]

# Okabe-Ito, black left out (it is the label colour) and grey kept for "no group".
GROUP_COLOURS: tuple[str, ...] = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
NO_GROUP_COLOUR = "#999999"
NO_COUNTRY = "(no country)"
NO_COALITION = "(no coalition)"
EDGE_COLOUR = "#777777"
MEASURE_COLOUR = "#5F6B7A"  # slate: bars of a measure (polarisation), never confused with a stance

NODE_COLUMNS: list[str] = ["node", "label", "x", "y", "group", "country", "actor_type", "statements", "issues", "evidence"]
EDGE_COLUMNS: list[str] = ["source", "target", "x", "y", "x2", "y2", "weight", "issues", "evidence"]

# The browser receives every row: past these, only the nodes with most statements and the
# strongest edges are drawn (the subtitle says so), which also keeps under Altair's row limit.
MAX_NODES = 300
MAX_EDGES = 1500


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="object") for name in columns})


def _group_of(node: str, attributes: Mapping[str, object], colour_by: ColourBy,
              coalition_of: Mapping[str, int] | None) -> str:
    """The colour group of a node: its country, or "Coalition n"."""
    if colour_by == "coalition":
        number = (coalition_of or {}).get(node)
        return f"Coalition {int(number)}" if number is not None else NO_COALITION
    return str(attributes.get("country") or "") or NO_COUNTRY


def network_chart_data(
    graph: nx.Graph,
    positions: pd.DataFrame,
    colour_by: ColourBy = "country",
    coalition_of: Mapping[str, int] | None = None,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The node and edge tables the network chart draws.

    ``positions`` comes from :func:`core.analysis.network.layout` (node, x, y); nodes without a position are
    left out, and so are their edges. Only the ``max_nodes`` nodes with most statements and the
    ``max_edges`` heaviest edges among them are kept (ties keep graph order); the totals (all
    nodes of the graph, all edges among the kept nodes) are in each frame's ``attrs["total"]``. Nodes: ``node, label, x, y, group`` (country or coalition,
    per ``colour_by``), ``country, actor_type, statements, issues, evidence``. Edges: ``source,
    target``, the end points ``x, y, x2, y2``, ``weight``, ``issues`` (labels) and ``evidence``.
    """
    where = {str(p.node): (float(p.x), float(p.y)) for p in positions.itertuples(index=False)} if not positions.empty else {}
    placed = [node for node in graph.nodes if str(node) in where]
    kept = set(sorted(placed, key=lambda node: -int(graph.nodes[node].get("statements", 0)))[: max(max_nodes, 0)])
    where = {str(node): where[str(node)] for node in placed if node in kept}
    links = [(a, b, data) for a, b, data in graph.edges(data=True) if str(a) in where and str(b) in where]
    heaviest = sorted(links, key=lambda link: -float(link[2].get("weight", 1)))[: max(max_edges, 0)]
    nodes = [
        {
            "node": str(node),
            "label": str(data.get("label", node)),
            "x": where[str(node)][0],
            "y": where[str(node)][1],
            "group": _group_of(str(node), data, colour_by, coalition_of),
            "country": str(data.get("country", "")),
            "actor_type": str(data.get("actor_type", "")),
            "statements": int(data.get("statements", 0)),
            "issues": str(data.get("issues", "")),
            "evidence": str(data.get("evidence", "")),
        }
        for node, data in graph.nodes(data=True)
        if str(node) in where
    ]
    edges = [
        {
            "source": str(a),
            "target": str(b),
            "x": where[str(a)][0],
            "y": where[str(a)][1],
            "x2": where[str(b)][0],
            "y2": where[str(b)][1],
            "weight": data.get("weight", 1),
            "issues": str(data.get("issue_labels") or data.get("issues", "")),
            "evidence": str(data.get("evidence", "")),
        }
        for a, b, data in heaviest
    ]
    node_frame = pd.DataFrame(nodes, columns=NODE_COLUMNS) if nodes else _empty(NODE_COLUMNS)
    edge_frame = pd.DataFrame(edges, columns=EDGE_COLUMNS) if edges else _empty(EDGE_COLUMNS)
    node_frame.attrs["total"] = graph.number_of_nodes()
    edge_frame.attrs["total"] = len(links)
    return node_frame, edge_frame


def _subtitle(nodes: pd.DataFrame, edges: pd.DataFrame) -> str:
    """Says what was left out, if anything."""
    parts = []
    if nodes.attrs.get("total", 0) > len(nodes):
        parts.append(f"the {len(nodes)} of {nodes.attrs['total']} entities with most statements")
    if edges.attrs.get("total", 0) > len(edges):
        parts.append(f"the {len(edges)} strongest of {edges.attrs['total']} links")
    return ("Showing " + " and ".join(parts)) if parts else ""


def _group_scale(groups: list[str]) -> alt.Scale:
    """Groups in order of appearance get the palette in turn; "no group" is always grey."""
    domain, colours = [], []
    named = [g for g in groups if g not in (NO_COUNTRY, NO_COALITION)]
    for i, group in enumerate(named):
        domain.append(group)
        colours.append(GROUP_COLOURS[i % len(GROUP_COLOURS)])
    for group in groups:
        if group in (NO_COUNTRY, NO_COALITION):
            domain.append(group)
            colours.append(NO_GROUP_COLOUR)
    return alt.Scale(domain=domain, range=colours)


def network_chart(
    graph: nx.Graph,
    positions: pd.DataFrame,
    colour_by: ColourBy = "country",
    coalition_of: Mapping[str, int] | None = None,
    title: str = "",
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> alt.LayerChart:
    """The network: edges as lines (thicker = more issues), nodes as circles sized by statements and
    coloured by country or coalition, each with its name; hovering shows the issues and quotes.
    Edges are drawn first, so nodes and names sit on top of them."""
    nodes, edges = network_chart_data(graph, positions, colour_by, coalition_of, max_nodes, max_edges)
    groups = list(dict.fromkeys(nodes["group"])) if not nodes.empty else []
    hidden = None  # positions have no meaning of their own: no axes, no grid
    x_scale = alt.Scale(zero=False, nice=False, padding=80)  # room for the names beside the outer nodes
    y_scale = alt.Scale(zero=False, nice=False, padding=30)
    weighted = graph.graph.get("weighting") == "share"
    edge_layer = (
        alt.Chart(edges)
        .mark_rule(color=EDGE_COLOUR, opacity=0.55)
        .encode(
            x=alt.X("x:Q", axis=hidden, scale=x_scale),
            y=alt.Y("y:Q", axis=hidden, scale=y_scale),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("weight:Q", title="Weight", scale=alt.Scale(range=[1, 7]), legend=None),
            tooltip=[
                alt.Tooltip("source:N", title="Entity"),
                alt.Tooltip("target:N", title="Entity"),
                alt.Tooltip("weight:Q", title="Share of issues" if weighted else "Issues", format=".2f" if weighted else "d"),
                alt.Tooltip("issues:N", title="On"),
                alt.Tooltip("evidence:N", title="Evidence"),
            ],
        )
    )
    legend_title = "Coalition" if colour_by == "coalition" else "Country"
    base = alt.Chart(nodes).encode(x=alt.X("x:Q", axis=hidden, scale=x_scale), y=alt.Y("y:Q", axis=hidden, scale=y_scale))
    node_layer = base.mark_circle(opacity=0.95, stroke="white", strokeWidth=1.5).encode(
        size=alt.Size("statements:Q", title="Statements", scale=alt.Scale(range=[120, 1200]), legend=None),
        color=alt.Color("group:N", title=legend_title, scale=_group_scale(groups),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=200)),
        tooltip=[
            alt.Tooltip("label:N", title="Entity"),
            alt.Tooltip("group:N", title=legend_title),
            alt.Tooltip("country:N", title="Country"),
            alt.Tooltip("statements:Q", title="Statements"),
            alt.Tooltip("issues:N", title="Positions"),
            alt.Tooltip("evidence:N", title="Quotes"),
        ],
    )
    text_layer = base.mark_text(dy=-22,  # above the biggest circles
                                  fontSize=11, color="#111111", limit=180).encode(text="label:N")
    # LayerChart itself: alt.layer may return a FacetChart (when its layers facet, as these never do).
    chart = alt.LayerChart(layer=[edge_layer, node_layer, text_layer]).properties(height=460)
    subtitle = _subtitle(nodes, edges)
    if title or subtitle:
        chart = chart.properties(title=alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined))
    return chart  # not configured, so pages can still layer or concatenate it


def polarisation_chart(by_issue: pd.DataFrame) -> alt.Chart:
    """Horizontal bars, one per issue with a defined polarisation (from
    :func:`core.analysis.network.polarisation_by_issue`), from 0 (consensus) to 1 (two equal camps), most
    polarised first; the subtitle counts the issues left out for having fewer than two sides."""
    columns = ["issue", "label", "supporters", "opponents", "polarisation"]
    data = by_issue if not by_issue.empty else _empty(columns)
    defined = data[pd.to_numeric(data["polarisation"], errors="coerce").notna()][columns].reset_index(drop=True)
    left_out = len(data) - len(defined)
    subtitle = f"{left_out} issue{'s' if left_out != 1 else ''} with fewer than two sides taken not shown" if left_out else ""
    return (
        alt.Chart(defined, title=alt.TitleParams(text="", subtitle=subtitle) if subtitle else alt.Undefined)
        .mark_bar(color=MEASURE_COLOUR)  # not a stance colour: polarisation is a measure, not a side
        .encode(
            x=alt.X("polarisation:Q", title="Polarisation (0 = consensus, 1 = two equal camps)",
                    scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("label:N", title="Issue", sort="-x", axis=alt.Axis(labelLimit=240)),
            tooltip=[
                alt.Tooltip("label:N", title="Issue"),
                alt.Tooltip("supporters:Q", title="For"),
                alt.Tooltip("opponents:Q", title="Against"),
                alt.Tooltip("polarisation:Q", title="Polarisation", format=".2f"),
            ],
        )
        .properties(height=alt.Step(28))
    )
