"""Altair pictures of discourse networks (:mod:`core.analysis.network`) and of polarisation per issue.

As in :mod:`core.views.charts`, the data are prepared in pandas first (:func:`network_chart_data`, tested
on its own) and Altair receives two small tables: one row per node and one per edge.

Groups (countries or coalitions) get a colour and a shape each: the 18 colours of Tableau 20 without
its greys (its ten strong hues first, then their light tints; grey is kept for "no group") on
circles, then the same colours again on squares, triangles, … so that up to
``len(GROUP_COLOURS) * len(GROUP_SHAPES)`` groups never share a mark; the biggest groups get the
strongest colours. Every node also carries its name, placed where it overlaps no other name and no
node (:func:`label_offsets`), so the picture never rests on colour alone.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from typing import Literal

import altair as alt
import networkx as nx
import numpy as np
import pandas as pd

ColourBy = Literal["country", "coalition"]

# Tableau 20 without its two greys (grey means "no group"): the ten strong hues, then their tints.
GROUP_COLOURS: tuple[str, ...] = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#BCBD22", "#17BECF",
    "#AEC7E8", "#FFBB78", "#98DF8A", "#FF9896", "#C5B0D5", "#C49C94", "#F7B6D2", "#DBDB8D", "#9EDAE5",
)
# When the colours run out, they start again on the next shape (Vega-Lite's point shapes).
GROUP_SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up", "diamond", "triangle-down", "cross")
NO_GROUP_COLOUR = "#999999"
NO_COUNTRY = "(no country)"
NO_COALITION = "(no coalition)"
EDGE_COLOUR = "#777777"
MEASURE_COLOUR = "#5F6B7A"  # slate: bars of a measure (polarisation), never confused with a stance

NODE_COLUMNS: list[str] = ["node", "label", "x", "y", "group", "country", "actor_type", "statements", "issues", "evidence",
                           "label_dx", "label_dy"]
EDGE_COLUMNS: list[str] = ["source", "target", "x", "y", "x2", "y2", "weight", "issues", "evidence"]

# The browser receives every row: past these, only the nodes with most statements and the
# strongest edges are drawn (the subtitle says so), which also keeps under Altair's row limit.
MAX_NODES = 300
MAX_EDGES = 1500

# The plot's geometry in pixels, which the label placement needs. Names are placed for a plot
# LABEL_WIDTH wide (a phone): on a wider screen only the horizontal distances between the nodes
# grow, so names that are apart at this width stay apart at any greater one. The plot is always
# CHART_HEIGHT tall (autosize fit-x: the legend and title add to the chart's height).
CHART_HEIGHT = 460
X_PADDING = 40  # pixels between the outermost nodes and the chart's edges
Y_PADDING = 30
LABEL_WIDTH = 340
NODE_AREA = (120, 1200)  # the marks' area in square pixels, for the fewest and the most statements
FONT_SIZE = 11
LABEL_GAP = 3  # pixels between a name and its node


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
    ``label_dx, label_dy`` are where each node's name goes (see :func:`label_offsets`; NaN: no room
    for it, the name is in the tooltip only).
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
    if nodes:
        offsets = label_offsets(node_frame)
        node_frame["label_dx"], node_frame["label_dy"] = offsets["label_dx"], offsets["label_dy"]
    edge_frame = pd.DataFrame(edges, columns=EDGE_COLUMNS) if edges else _empty(EDGE_COLUMNS)
    node_frame.attrs["total"] = graph.number_of_nodes()
    edge_frame.attrs["total"] = len(links)
    return node_frame, edge_frame


# --- names that do not overlap -------------------------------------------------------------------

_NARROW = set("fijlrtI.,;:'!|()[] ")
_WIDE = set("mwMW@%")


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    """A generous estimate of the pixel width of ``text`` in a sans-serif font (wider than Source
    Sans and about DejaVu Sans, the fallback), so that estimated boxes that do not overlap are
    drawn apart."""
    ems = sum(0.34 if ch in _NARROW else 0.9 if ch in _WIDE else 0.7 if ch.isupper() or ch.isdigit() else 0.6
              for ch in text)
    return ems * font_size + 2


def node_radius(statements: float, most: float) -> float:
    """Half the side of the square around a node's mark, in pixels, for the size scale the chart
    uses (area from NODE_AREA[0] at 0 statements to NODE_AREA[1] at ``most``)."""
    low, high = NODE_AREA
    area = low + (high - low) * (statements / most if most > 0 else 0.0)
    return 0.62 * math.sqrt(area)  # about the circumscribed circle of a triangle or a diamond of that area


def node_pixels(nodes: pd.DataFrame, width: float = LABEL_WIDTH, height: float = CHART_HEIGHT) -> pd.DataFrame:
    """Where the chart draws each node (columns px, py, radius), for a chart ``width`` x ``height``
    pixels: the x and y scales of :func:`network_chart` (data extent, no zero, no nice, padded)."""
    def spread(values: pd.Series, length: float, padding: float, flip: bool) -> pd.Series:
        low, high = float(values.min()), float(values.max())
        share = (values - low) / (high - low) if high > low else pd.Series(0.5, index=values.index)
        share = 1 - share if flip else share
        return padding + share * (length - 2 * padding)

    most = float(nodes["statements"].max()) if len(nodes) else 0.0
    return pd.DataFrame({
        "px": spread(nodes["x"].astype(float), width, X_PADDING, flip=False),
        "py": spread(nodes["y"].astype(float), height, Y_PADDING, flip=True),  # y grows upwards
        "radius": [node_radius(float(n), most) for n in nodes["statements"]],
    }, index=nodes.index)


def _candidates(radius: float, box_w: float, box_h: float) -> list[tuple[float, float]]:
    """Offsets of a name's centre from its node's, best first: centred above and below, beside,
    above and below but ending (or starting) over the node, the corners, then the same a line
    further out each way."""
    up = radius + LABEL_GAP + box_h / 2
    side = radius + LABEL_GAP + box_w / 2
    slide = max(box_w / 2 - radius / 2, 0.0)  # the name still reaches over the node
    corner_x, corner_y = 0.7 * radius + box_w / 2, 0.7 * radius + box_h / 2
    near = [(0.0, -up), (0.0, up), (side, 0.0), (-side, 0.0),
            (-slide, -up), (slide, -up), (-slide, up), (slide, up),
            (corner_x, -corner_y), (-corner_x, -corner_y), (corner_x, corner_y), (-corner_x, corner_y)]
    far = []
    for step in (1, 2, 3):
        extra = step * (box_h + 1)
        far += [(0.0, -up - extra), (0.0, up + extra), (side, -extra), (side, extra), (-side, -extra), (-side, extra),
                (-slide, -up - extra), (slide, -up - extra), (-slide, up + extra), (slide, up + extra)]
    return near + far


def label_offsets(nodes: pd.DataFrame, width: float = LABEL_WIDTH, height: float = CHART_HEIGHT) -> pd.DataFrame:
    """Where each node's name goes, as the offset in pixels of the name's centre from the node's
    (columns label_dx, label_dy, same index as ``nodes``), so that no name overlaps another name or
    any node and every name stays inside the chart.

    Greedy: nodes with most statements choose first, each takes the first free place of
    :func:`_candidates`; a name with no free place may take one from a single name in its way if
    that one can move elsewhere. A name still without a place gets NaN and is left off the picture
    (it is in the node's tooltip). Placed for a chart ``width`` wide, the names stay apart on any
    wider one."""
    result = pd.DataFrame({"label_dx": np.nan, "label_dy": np.nan}, index=nodes.index)
    if nodes.empty:
        return result
    where = node_pixels(nodes, width, height)
    box_h = FONT_SIZE + 3
    px, py, radius = (where[c].to_numpy(dtype=float) for c in ("px", "py", "radius"))
    nodes_box = np.column_stack([px - radius, py - radius, px + radius, py + radius])
    options: list[tuple[np.ndarray, np.ndarray]] = []  # per node: its free candidate boxes (n x 4) and offsets
    for i, label in enumerate(nodes["label"].astype(str)):
        box_w = text_width(label)
        offsets = np.array(_candidates(float(radius[i]), box_w, box_h))
        cx, cy = px[i] + offsets[:, 0], py[i] + offsets[:, 1]
        boxes = np.column_stack([cx - box_w / 2, cy - box_h / 2, cx + box_w / 2, cy + box_h / 2])
        inside = (boxes[:, 0] >= 0) & (boxes[:, 1] >= 0) & (boxes[:, 2] <= width) & (boxes[:, 3] <= height)
        keep = inside & ~_meets(boxes, nodes_box).any(axis=1)
        options.append((boxes[keep], offsets[keep]))

    chosen: dict[int, int] = {}  # node position -> index into its options

    def box_of(i: int) -> np.ndarray:
        return options[i][0][chosen[i]]

    def first_free(i: int, ignore: int | None = None, extra: np.ndarray | None = None) -> int | None:
        boxes = options[i][0]
        if not len(boxes):
            return None
        others = [box_of(j) for j in chosen if j not in (i, ignore)] + ([extra] if extra is not None else [])
        if not others:
            return 0
        blocked = _meets(boxes, np.array(others)).any(axis=1)
        free = np.flatnonzero(~blocked)
        return int(free[0]) if len(free) else None

    order = np.argsort(-nodes["statements"].to_numpy(dtype=float), kind="stable")
    for i in (int(k) for k in order):
        pick = first_free(i)
        if pick is None:  # take the place of a single name that can move elsewhere
            placed = list(chosen)
            placed_boxes = np.array([box_of(j) for j in placed]).reshape(-1, 4)
            for k, box in enumerate(options[i][0]):
                blockers = [placed[j] for j in np.flatnonzero(_meets(box[None, :], placed_boxes)[0])]
                if len(blockers) != 1:
                    continue
                moved = first_free(blockers[0], ignore=blockers[0], extra=box)
                if moved is not None:
                    chosen[blockers[0]] = moved
                    pick = k
                    break
        if pick is not None:
            chosen[i] = pick
    for i, k in chosen.items():
        result.iloc[i] = options[i][1][k]
    return result


def _meets(a: np.ndarray, b: np.ndarray, margin: float = 1.0) -> np.ndarray:
    """Which boxes of ``a`` (n x 4: x0, y0, x1, y1) overlap which of ``b`` (m x 4), with a margin: n x m."""
    return ((a[:, None, 0] < b[None, :, 2] + margin) & (b[None, :, 0] - margin < a[:, None, 2])
            & (a[:, None, 1] < b[None, :, 3] + margin) & (b[None, :, 1] - margin < a[:, None, 3]))


def _subtitle(nodes: pd.DataFrame, edges: pd.DataFrame) -> str:
    """Says what was left out, if anything."""
    parts = []
    if nodes.attrs.get("total", 0) > len(nodes):
        parts.append(f"the {len(nodes)} of {nodes.attrs['total']} entities with most statements")
    if edges.attrs.get("total", 0) > len(edges):
        parts.append(f"the {len(edges)} strongest of {edges.attrs['total']} links")
    text = ("Showing " + " and ".join(parts)) if parts else ""
    unnamed = int(nodes["label_dx"].isna().sum()) if len(nodes) else 0
    if unnamed:
        crowded = f"{unnamed} name{'s' if unnamed != 1 else ''} left off where the picture is crowded: hover the marks"
        text = f"{text}; {crowded[0].lower()}{crowded[1:]}" if text else crowded
    return text


def group_order(nodes: pd.DataFrame) -> list[str]:
    """The groups, the ones with most statements first (ties: order of appearance), "no group" last."""
    if nodes.empty:
        return []
    totals = nodes.groupby("group", sort=False)["statements"].sum()
    named = [g for g in totals.sort_values(ascending=False, kind="stable").index if g not in (NO_COUNTRY, NO_COALITION)]
    return [*named, *(g for g in totals.index if g in (NO_COUNTRY, NO_COALITION))]


def group_marks(groups: list[str]) -> dict[str, tuple[str, str]]:
    """Each group's (colour, shape): the colours in turn on circles, then again on the next shape;
    "no group" is a grey circle. Distinct for up to ``len(GROUP_COLOURS) * len(GROUP_SHAPES)`` groups."""
    marks: dict[str, tuple[str, str]] = {}
    named = [g for g in groups if g not in (NO_COUNTRY, NO_COALITION)]
    for i, group in enumerate(named):
        colour = GROUP_COLOURS[i % len(GROUP_COLOURS)]
        marks[group] = (colour, GROUP_SHAPES[(i // len(GROUP_COLOURS)) % len(GROUP_SHAPES)])
    for group in groups:
        if group in (NO_COUNTRY, NO_COALITION):
            marks[group] = (NO_GROUP_COLOUR, GROUP_SHAPES[0])
    return marks


def network_chart(
    graph: nx.Graph,
    positions: pd.DataFrame,
    colour_by: ColourBy = "country",
    coalition_of: Mapping[str, int] | None = None,
    title: str = "",
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> alt.LayerChart:
    """The network: edges as lines (thicker = more issues), nodes as marks sized by statements,
    coloured and shaped by country or coalition (:func:`group_marks`), each with its name where it
    overlaps nothing (:func:`label_offsets`); hovering shows the issues and quotes.
    Edges are drawn first, so nodes and names sit on top of them."""
    nodes, edges = network_chart_data(graph, positions, colour_by, coalition_of, max_nodes, max_edges)
    marks = group_marks(group_order(nodes))
    hidden = None  # positions have no meaning of their own: no axes, no grid
    x_scale = alt.Scale(zero=False, nice=False, padding=X_PADDING)
    y_scale = alt.Scale(zero=False, nice=False, padding=Y_PADDING)
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
    # Colour and shape share the field, title and domain: Vega-Lite draws one legend for both.
    legend = alt.Legend(orient="bottom", columns=3, labelLimit=200, symbolStrokeColor="#555555", symbolStrokeWidth=0.5)
    domain = list(marks)
    most = int(nodes["statements"].max()) if not nodes.empty else 1
    base = alt.Chart(nodes).encode(x=alt.X("x:Q", axis=hidden, scale=x_scale), y=alt.Y("y:Q", axis=hidden, scale=y_scale))
    node_layer = base.mark_point(filled=True, opacity=0.95, stroke="#555555", strokeWidth=0.6).encode(
        size=alt.Size("statements:Q", title="Statements", scale=alt.Scale(domain=[0, max(most, 1)], range=list(NODE_AREA)),
                      legend=None),
        color=alt.Color("group:N", title=legend_title, legend=legend,
                        scale=alt.Scale(domain=domain, range=[colour for colour, _ in marks.values()])),
        shape=alt.Shape("group:N", title=legend_title, legend=legend,
                        scale=alt.Scale(domain=domain, range=[shape for _, shape in marks.values()])),
        tooltip=[
            alt.Tooltip("label:N", title="Entity"),
            alt.Tooltip("group:N", title=legend_title),
            alt.Tooltip("country:N", title="Country"),
            alt.Tooltip("statements:Q", title="Statements"),
            alt.Tooltip("issues:N", title="Positions"),
            alt.Tooltip("evidence:N", title="Quotes"),
        ],
    )
    named = nodes[nodes["label_dx"].notna()] if not nodes.empty else nodes
    # Each name at the offset label_offsets chose for it (in pixels, so the same at any width), on a
    # white halo so that it stays legible over the lines.
    def names(colour: str, halo: bool) -> alt.Chart:
        return alt.Chart(named).mark_text(
            fontSize=FONT_SIZE, align="center", baseline="middle", color=colour,
            dx=alt.ExprRef("datum.label_dx"), dy=alt.ExprRef("datum.label_dy"),
            stroke=colour if halo else alt.Undefined, strokeWidth=3 if halo else alt.Undefined,
            strokeOpacity=0.9 if halo else alt.Undefined,
        ).encode(x=alt.X("x:Q", axis=hidden, scale=x_scale), y=alt.Y("y:Q", axis=hidden, scale=y_scale), text="label:N")

    halo_layer = names("white", halo=True)
    text_layer = names("#111111", halo=False)
    # LayerChart itself: alt.layer may return a FacetChart (when its layers facet, as these never do).
    # fit-x: the chart takes the page's width, and its plot is CHART_HEIGHT tall however tall the legend
    # (Streamlit's default, fit, would squeeze the plot to make room for it): the names were placed for that.
    chart = alt.LayerChart(layer=[edge_layer, node_layer, halo_layer, text_layer]).properties(
        height=CHART_HEIGHT, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    subtitle = _subtitle(nodes, edges)
    if title:
        chart = chart.properties(title=alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined))
    elif subtitle:  # Vega draws no subtitle under an empty title: the note is the title, in the subtitle's style
        chart = chart.properties(title=alt.TitleParams(text=subtitle, fontSize=12, fontWeight="normal", color=MEASURE_COLOUR))
    return chart  # not configured (but sized: draw it on its own, not in a concatenation)


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
            x=alt.X("polarisation:Q", title=["Polarisation", "(0 = consensus, 1 = two equal camps)"],  # two lines: a phone
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


# --- the coalition table ---------------------------------------------------------------------------

# Streamlit's tables draw 14 px Source Sans; these are generous, so an estimate that fits is drawn whole.
TABLE_CHAR_PX = 7.5
TABLE_LINE_PX = 20
TABLE_CELL_PADDING_PX = 18  # left and right together
TABLE_MAX_LINES = 12  # past this a cell shows its start; clicking it shows the whole text
TABLE_WRAPPING_MIN_PX = 65  # Streamlit wraps a cell's text only in rows taller than 4rem


def wrapped_lines(text: str, width_px: int) -> int:
    """How many lines ``text`` takes, wrapped at word boundaries, in a table column ``width_px`` wide."""
    per_line = max(1, int((width_px - TABLE_CELL_PADDING_PX) / TABLE_CHAR_PX))
    return max(1, len(textwrap.wrap(text, per_line)))


def wrapped_row_height(frame: pd.DataFrame, widths: Mapping[str, int]) -> int | None:
    """The row height in pixels at which every cell of ``frame`` in the columns of ``widths``
    (column -> width in pixels) shows its whole text, wrapped (at most TABLE_MAX_LINES lines);
    None when one line is enough (Streamlit's default row)."""
    lines = max((wrapped_lines(str(text), width) for column, width in widths.items() for text in frame[column]), default=1)
    if lines <= 1:
        return None
    return max(TABLE_WRAPPING_MIN_PX, min(lines, TABLE_MAX_LINES) * TABLE_LINE_PX + 12)

