"""Discourse networks over the stance table, as in Leifeld's Discourse Network Analyzer.

Two entities (actors or countries) are *congruent* on an issue when they take the same side on it
and in *conflict* when they take opposite sides. Summed over issues this gives two weighted,
undirected networks: who argues alongside whom, and who argues against whom. Coalitions are the
communities of the congruence network; polarisation measures how evenly the entities split on the
issues.

Everything starts from :func:`actor_positions`, one net position per (entity, issue), so the
network, the coalitions and the polarisation always agree on who stands where. An entity with both
support and opposition on an issue is "mixed" there: its statements do not say which side it is
on, so it takes part in neither congruence nor conflict for that issue (nor in polarisation).
Neutral statements carry no side and are ignored.

Graph attributes are plain ``str``/``int``/``float`` values, so the GraphML and GEXF writers of
networkx accept the graphs as they are (:func:`graph_bytes`) and Gephi or visone can open them.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, product
from typing import Literal

import networkx as nx
import pandas as pd

from core.analysis.summary import POSITION_WORDS, ordered_issues, position_of

By = Literal["actor", "country"]
Kind = Literal["congruence", "conflict"]
GraphFormat = Literal["graphml", "gexf"]

SIDES: tuple[str, str] = ("support", "oppose")
Evidence = tuple[str, int, int, str]  # (article_id, start_char, end_char, quote)

ACTOR_POSITION_COLUMNS: list[str] = ["entity", "issue", "position", "support", "oppose", "statements", "evidence"]
COALITION_COLUMNS: list[str] = ["entity", "coalition", "size"]
COALITION_SUMMARY_COLUMNS: list[str] = ["coalition", "size", "members", "positions"]
POLARISATION_COLUMNS: list[str] = ["issue", "label", "supporters", "opponents", "polarisation"]
LAYOUT_COLUMNS: list[str] = ["node", "x", "y"]

POLARISATION_EXPLANATION = (
    "Polarisation of an issue = 1 − |supporters − opponents| / (supporters + opponents): "
    "1 means two equal camps, 0 means everyone on one side; overall, issues are weighted by how many took a side."
)

EVIDENCE_QUOTES = 3  # quotes per node tooltip (tooltips cannot scroll)
EVIDENCE_QUOTE_CHARS = 160
EDGE_EVIDENCE_ISSUES = 3  # shared issues spelled out per edge tooltip
EDGE_QUOTE_CHARS = 100

_ROW_COLUMNS = ["entity", "issue", "stance", "actor_type", "country", "article_id", "start_char", "end_char", "quote",
                "actor", "certainty", "attribution"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in XML 1.0


# --- helpers -------------------------------------------------------------------------------------


def _text_column(stances: pd.DataFrame, name: str) -> pd.Series:
    """A column as stripped strings ('' for missing values or a missing column)."""
    if name not in stances.columns:
        return pd.Series([""] * len(stances), index=stances.index, dtype="object")
    return stances[name].fillna("").astype(str).str.strip()


def _int_column(stances: pd.DataFrame, name: str) -> pd.Series:
    if name not in stances.columns:
        return pd.Series([-1] * len(stances), index=stances.index, dtype="int64")
    return pd.to_numeric(stances[name], errors="coerce").fillna(-1).astype(int)


def _entity_rows(stances: pd.DataFrame, by: By, actor_types: Iterable[str] | None) -> pd.DataFrame:
    """The stance rows with an ``entity`` column: the actor, or the country (rows without one are
    dropped rather than guessed), restricted to ``actor_types`` when given."""
    if by not in ("actor", "country"):
        raise ValueError(f"by must be 'actor' or 'country', not {by!r}")
    if stances.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in _ROW_COLUMNS})
    frame = pd.DataFrame(
        {
            # Entity names become node ids, which XML (GraphML, GEXF) cannot hold control characters in.
            "entity": _text_column(stances, by).map(clean_text),
            "issue": _text_column(stances, "issue"),
            "stance": _text_column(stances, "stance").str.lower(),
            "actor_type": _text_column(stances, "actor_type"),
            "country": _text_column(stances, "country"),
            "article_id": _text_column(stances, "article_id"),
            "start_char": _int_column(stances, "start_char"),
            "end_char": _int_column(stances, "end_char"),
            "quote": _text_column(stances, "quote"),
            "actor": _text_column(stances, "actor"),
            "certainty": _text_column(stances, "certainty"),
            "attribution": _text_column(stances, "attribution"),
        }
    )
    keep = (frame["entity"] != "") & (frame["issue"] != "")
    if actor_types is not None:
        keep &= frame["actor_type"].isin(set(actor_types))
    return frame[keep].reset_index(drop=True)


def clean_text(text: str) -> str:
    """Whitespace collapsed and XML-illegal control characters removed (GraphML/GEXF are XML)."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())


def shorten(text: str, limit: int) -> str:
    """``text`` cleaned and cut to at most ``limit`` characters, with an ellipsis when cut."""
    text = clean_text(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quotes_text(quotes: Sequence[str] | Sequence[tuple[str, str]], limit: int = EVIDENCE_QUOTES, chars: int = EVIDENCE_QUOTE_CHARS) -> str:
    """Up to ``limit`` distinct quotes, each at most ``chars`` long, in the style of the charts'
    tooltips (“…”  ·  “…”), with the rest counted. A quote given as ``(quote, source)`` is
    followed by its source ("— Title, Outlet, 2025-03-14"), so a reader knows where to check it."""
    pairs = [(q, "") if isinstance(q, str) else (q[0], q[1]) for q in quotes]
    sources: dict[str, str] = {}
    for quote, source in pairs:
        quote = clean_text(quote)
        if quote and quote not in sources:
            sources[quote] = clean_text(source)
    distinct = list(sources)
    shown = [f"“{shorten(q, chars)}”" + (f" — {sources[q]}" if sources[q] else "") for q in distinct[:limit]]
    if len(distinct) > limit:
        shown.append(f"(+{len(distinct) - limit} more)")
    return "  ·  ".join(shown)


def _most_common(values: Iterable[str]) -> str:
    """The most frequent non-empty value; ties go to the one seen first ('' when none)."""
    counts = Counter(v for v in values if v)
    return max(counts, key=counts.__getitem__) if counts else ""


def _issue_order(positions: pd.DataFrame, labels: Mapping[str, str]) -> list[str]:
    """Issues in codebook order (the order of ``labels``), others after them alphabetically."""
    return ordered_issues(positions["issue"].unique().tolist(), list(labels)) if not positions.empty else []


# --- positions -----------------------------------------------------------------------------------


def actor_positions(
    stances: pd.DataFrame, by: By = "actor", actor_types: Iterable[str] | None = None
) -> pd.DataFrame:
    """One row per (entity, issue) on which the entity took a side, with its net position.

    ``by="actor"`` groups by the ``actor`` column, ``by="country"`` by ``country`` (rows without a
    country are skipped: a network of countries should not invent nodes from unplaced people).
    ``actor_types`` keeps only rows of those ``actor_type`` values, e.g. ``{"person"}``.

    Neutral statements are ignored. ``position`` is "support" or "oppose", or "mixed" when the
    entity made statements on both sides; mixed cells are kept (so they can be shown) but take part
    in neither congruence nor conflict. ``support``/``oppose`` count the statements, ``statements``
    is their sum, and ``evidence`` lists the distinct ``(article_id, start_char, end_char, quote)``
    behind the position, in table order. Rows come in the order the table first gives each cell.
    """
    return _positions(_entity_rows(stances, by, actor_types))


def _positions(rows: pd.DataFrame) -> pd.DataFrame:
    """:func:`actor_positions` from rows already prepared by :func:`_entity_rows`."""
    # One pass in plain Python: a corpus has thousands of (entity, issue) cells, and a pandas
    # group per cell costs a millisecond each.
    sided = rows[rows["stance"].isin(SIDES)]
    counts: dict[tuple[str, str], dict[str, int]] = {}
    evidence: dict[tuple[str, str], dict[Evidence, None]] = {}
    columns = ["entity", "issue", "stance", "article_id", "start_char", "end_char", "quote"]
    for entity, issue, stance, article, start, end, quote in zip(*(sided[c].tolist() for c in columns)):
        key = (str(entity), str(issue))
        cell = counts.setdefault(key, {"support": 0, "oppose": 0})
        cell[stance] += 1
        evidence.setdefault(key, {})[(str(article), int(start), int(end), str(quote))] = None
    records = [
        {
            "entity": entity,
            "issue": issue,
            "position": position_of(cell["support"], cell["oppose"]),
            "support": cell["support"],
            "oppose": cell["oppose"],
            "statements": cell["support"] + cell["oppose"],
            "evidence": list(evidence[(entity, issue)]),
        }
        for (entity, issue), cell in counts.items()
    ]
    return pd.DataFrame(records, columns=ACTOR_POSITION_COLUMNS)


def _camps(positions: pd.DataFrame, issues: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    """Per issue, the entities clearly on each side (mixed positions are in neither camp)."""
    camps: dict[str, dict[str, list[str]]] = {issue: {side: [] for side in SIDES} for issue in issues}
    for cell in positions.itertuples(index=False):
        if cell.position in SIDES:
            camps[cell.issue][cell.position].append(cell.entity)
    return camps


def _sided_issues(positions: pd.DataFrame) -> dict[str, set[str]]:
    """Per entity, the issues on which it clearly took a side."""
    sided = positions[positions["position"].isin(SIDES)]
    return {entity: set(group["issue"]) for entity, group in sided.groupby("entity", sort=False)}


# --- network -------------------------------------------------------------------------------------


def article_sources(stances: pd.DataFrame) -> dict[str, str]:
    """Per article id, where its statements come from in words: "Title, Outlet, date" (the parts
    the table has; corpus rows carry them), else nothing."""
    if stances.empty or "article_id" not in stances.columns:
        return {}
    parts = [c for c in ("title", "outlet", "date") if c in stances.columns]
    if not parts:
        return {}
    found: dict[str, str] = {}
    meta = stances[["article_id", *parts]].drop_duplicates("article_id")
    for values in meta.itertuples(index=False):
        words = [clean_text(v) for v in values[1:] if isinstance(v, str) and v.strip()]
        if words:
            found[str(values[0])] = ", ".join(words)
    return found


def _node_attributes(
    rows: pd.DataFrame, positions: pd.DataFrame, labels: Mapping[str, str], by: By, sources: Mapping[str, str] | None = None
) -> dict[str, dict[str, str | int]]:
    """Per entity: display label, country, actor type (most frequent values), its statement count
    (all statements, neutral ones too), its positions in words and a few quotes behind them (the
    quotes of any statement when it took no side)."""
    rank = {issue: i for i, issue in enumerate(_issue_order(positions, labels))}
    cells: dict[str, list[tuple[int, str, list[Evidence]]]] = {}
    for entity, issue, position, evidence in zip(*(positions[c].tolist() for c in ("entity", "issue", "position", "evidence"))):
        words = f"{labels.get(issue, issue)} ({POSITION_WORDS[position]})"
        cells.setdefault(entity, []).append((rank[issue], words, evidence))
    sources = sources or {}
    # Who said each quote and how sure it is ("Peru's minister · reported · indirect"), then where.
    said: dict[tuple[str, str, int, int], str] = {}
    for entity, article, start, end, actor, certainty, attribution in zip(
        *(rows[c].tolist() for c in ("entity", "article_id", "start_char", "end_char", "actor", "certainty", "attribution"))
    ):
        said.setdefault((entity, article, int(start), int(end)), " · ".join(v for v in (actor, certainty, attribution) if v))

    def source(entity: str, article: str, start: int, end: int) -> str:
        return " — ".join(v for v in (said.get((entity, article, start, end), ""), sources.get(article, "")) if v)

    seen: dict[str, dict[str, list[str]]] = {}
    for entity, country, actor_type, quote, article, start, end in zip(
        *(rows[c].tolist() for c in ("entity", "country", "actor_type", "quote", "article_id", "start_char", "end_char"))
    ):
        values = seen.setdefault(entity, {"country": [], "actor_type": [], "quote": [], "source": []})
        values["country"].append(country)
        values["actor_type"].append(actor_type)
        values["quote"].append(quote)
        values["source"].append(source(entity, article, int(start), int(end)))
    attributes: dict[str, dict[str, str | int]] = {}
    for entity, values in seen.items():
        mine = sorted(cells.get(entity, []), key=lambda cell: cell[0])
        quotes = ([(q, source(entity, a, st, en)) for *_, evidence in mine for (a, st, en, q) in evidence] if mine
                  else list(zip(values["quote"], values["source"])))
        attributes[str(entity)] = {
            "label": clean_text(entity),
            "country": clean_text(entity if by == "country" else _most_common(values["country"])),
            "actor_type": clean_text(_most_common(values["actor_type"])),
            "statements": len(values["quote"]),
            "issues": clean_text("; ".join(words for _, words, _ in mine)),
            "evidence": quotes_text(quotes),
        }
    return attributes


def _edge_evidence(a: str, b: str, issues: Sequence[str], quote_of: Mapping[tuple[str, str], str],
                   label_of: Mapping[str, str]) -> str:
    """Per shared issue one quote from each side (already shortened); past a few issues the rest
    are counted."""
    parts = []
    for issue in issues[:EDGE_EVIDENCE_ISSUES]:
        quotes = " / ".join(f"{name}: “{quote_of.get((name, issue), '')}”" for name in (a, b))
        parts.append(f"{label_of[issue]} — {quotes}")
    if len(issues) > EDGE_EVIDENCE_ISSUES:
        parts.append(f"(+{len(issues) - EDGE_EVIDENCE_ISSUES} more issues)")
    return "  ·  ".join(parts)


def _pair_issues(camps: Mapping[str, Mapping[str, list[str]]], kind: Kind, rank: Mapping[str, int]) -> dict[tuple[str, str], list[str]]:
    """For each pair of entities (in node order), the issues on which they agree or disagree."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for issue, camp in camps.items():
        if kind == "congruence":
            linked = [*combinations(camp["support"], 2), *combinations(camp["oppose"], 2)]
        else:
            linked = list(product(camp["support"], camp["oppose"]))
        for a, b in linked:
            key = (a, b) if rank[a] <= rank[b] else (b, a)
            pairs.setdefault(key, []).append(issue)
    return pairs


def build_network(
    stances: pd.DataFrame,
    kind: Kind = "congruence",
    by: By = "actor",
    normalise: bool = False,
    actor_types: Iterable[str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> nx.Graph:
    """The congruence or conflict network of the entities (Leifeld's discourse network).

    Nodes are all entities of the (filtered) table, in the order the table first names them;
    entities without edges stay as isolated nodes so the picture shows everyone. Node attributes:
    ``label``, ``country``, ``actor_type`` (the most frequent value), ``statements`` (int, all of the
    entity's statements), ``issues`` (its positions, "; "-joined, e.g. "Carbon tax (for)") and
    ``evidence`` (up to 3 quotes of at most 160 characters, each followed by who said it, its
    certainty and attribution, and its article's title, outlet and date when the table has them).

    An edge joins two entities that take the same side (``kind="congruence"``) or opposite sides
    (``"conflict"``) on at least one issue; mixed positions count for neither. Edge attributes:
    ``weight`` (the number of such issues), ``issues`` (their ids, "; "-joined), ``issue_labels``
    (their labels) and ``evidence`` (per issue one shortened quote from each side).

    With ``normalise=True`` the weight is a float: the count divided by the number of issues on
    which *either* entity took a clear side, |issues(a) ∪ issues(b)| (Jaccard-like). Dividing by the
    intersection instead would give every always-agreeing congruence pair 1.0 whether they share
    one issue or ten; the union also rewards breadth of agreement and stays within (0, 1].
    ``labels`` maps issue ids to display names for the text attributes.
    """
    labels = dict(labels or {})
    rows = _entity_rows(stances, by, actor_types)
    positions = _positions(rows)
    graph = nx.Graph(kind=kind, by=by, weighting="share" if normalise else "count")
    for entity, attributes in _node_attributes(rows, positions, labels, by, article_sources(stances)).items():
        graph.add_node(entity, **attributes)
    rank = {node: i for i, node in enumerate(graph.nodes)}
    camps = _camps(positions, _issue_order(positions, labels))
    sided = _sided_issues(positions)
    # Shortened once per cell and label, not once per edge: a dense network has many more edges.
    quote_of = {
        (cell.entity, cell.issue): shorten(cell.evidence[0][3], EDGE_QUOTE_CHARS) if cell.evidence else ""
        for cell in positions.itertuples(index=False)
    }
    label_of = {issue: clean_text(labels.get(issue, issue)) for issue in camps}
    for (a, b), issues in _pair_issues(camps, kind, rank).items():
        count = len(issues)
        graph.add_edge(
            a,
            b,
            weight=count / len(sided[a] | sided[b]) if normalise else count,
            issues="; ".join(issues),
            issue_labels="; ".join(label_of[i] for i in issues),
            evidence=_edge_evidence(a, b, issues, quote_of, label_of),
        )
    return graph


# --- coalitions ----------------------------------------------------------------------------------


def graph_coalitions(graph: nx.Graph, seed: int = 7) -> pd.DataFrame:
    """Communities of ``graph`` (columns entity, coalition, size), numbered 1 = largest.

    Louvain community detection (``networkx.community.louvain_communities`` with ``weight`` and a
    fixed ``seed``) is used: it maximises modularity on weighted graphs, scales to large
    networks and is deterministic for a given seed and node order. Entities without edges are
    singleton coalitions. Ties in size are broken by the table order of the first member; members
    are listed in table order.
    """
    if graph.number_of_nodes() == 0:
        return pd.DataFrame({"entity": pd.Series(dtype="object"), "coalition": pd.Series(dtype="int64"),
                             "size": pd.Series(dtype="int64")})
    rank = {node: i for i, node in enumerate(graph.nodes)}
    if graph.number_of_edges() == 0:
        groups: list[set[Hashable]] = [{node} for node in graph.nodes]
    else:
        groups = [set(g) for g in nx.community.louvain_communities(graph, weight="weight", seed=seed)]
    groups.sort(key=lambda group: (-len(group), min(rank[n] for n in group)))
    records = [
        {"entity": node, "coalition": number, "size": len(group)}
        for number, group in enumerate(groups, start=1)
        for node in sorted(group, key=rank.__getitem__)
    ]
    return pd.DataFrame(records, columns=COALITION_COLUMNS)


def coalitions(
    stances: pd.DataFrame, by: By = "actor", actor_types: Iterable[str] | None = None, seed: int = 7
) -> pd.DataFrame:
    """Coalitions: communities of the (unnormalised) congruence network, see :func:`graph_coalitions`."""
    return graph_coalitions(build_network(stances, "congruence", by, actor_types=actor_types), seed)


def _shared_positions(members: Sequence[str], positions: pd.DataFrame, labels: Mapping[str, str]) -> str:
    """The positions held by at least half of ``members`` and by at least two of them, in words
    ("support: A, B; oppose: C"). An issue on which both sides reach half is split, not shared,
    and is left out."""
    mine = positions[positions["entity"].isin(set(members)) & positions["position"].isin(SIDES)]
    counts = Counter(zip(mine["issue"], mine["position"]))
    held = {key for key, n in counts.items() if n >= 2 and 2 * n >= len(members)}
    split = {issue for issue, _ in held if (issue, "support") in held and (issue, "oppose") in held}
    order = _issue_order(mine, labels)
    parts = []
    for side in SIDES:
        names = [clean_text(labels.get(i, i)) for i in order if (i, side) in held and i not in split]
        if names:
            parts.append(f"{side}: {', '.join(names)}")
    return "; ".join(parts)


def coalition_summary(
    stances: pd.DataFrame,
    by: By = "actor",
    actor_types: Iterable[str] | None = None,
    seed: int = 7,
    labels: Mapping[str, str] | None = None,
    groups: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per coalition: ``coalition``, ``size``, ``members`` ("; "-joined) and ``positions``,
    the issue positions that hold it together in words, e.g.
    "support: Peace talks, Western military aid; oppose: Ukraine in NATO" (positions held by at
    least half of the members and by at least two; '' for singletons)."""
    labels = dict(labels or {})
    # ``groups``: the coalitions already found (:func:`coalitions` with the same arguments).
    table = coalitions(stances, by, actor_types, seed) if groups is None else groups
    positions = actor_positions(stances, by, actor_types)
    records = []
    for number, group in table.groupby("coalition", sort=True):
        members = group["entity"].tolist()
        records.append(
            {
                "coalition": int(number),
                "size": len(members),
                "members": "; ".join(members),
                "positions": _shared_positions(members, positions, labels),
            }
        )
    return pd.DataFrame(records, columns=COALITION_SUMMARY_COLUMNS)


# --- polarisation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Polarisation:
    """How evenly entities split on an issue, or on all issues.

    ``value`` is in [0, 1] (1 = two equal camps, 0 = consensus), ``None`` when no issue has at least
    two entities on a side; ``supporters``/``opponents`` count entity positions on the selected
    issue(s) (mixed ones excluded); ``issues`` is how many issues the value is computed over.
    """

    value: float | None
    supporters: int
    opponents: int
    issues: int
    explanation: str


def issue_polarisation(supporters: int, opponents: int) -> float | None:
    """1 − |s − o| / (s + o) when at least two entities took a side, else ``None`` (undefined):
    one voice is neither consensus nor conflict."""
    total = supporters + opponents
    return None if total < 2 else 1.0 - abs(supporters - opponents) / total


def polarisation_by_issue(
    stances: pd.DataFrame,
    by: By = "actor",
    labels: Mapping[str, str] | None = None,
    actor_types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Per issue of the (filtered) table, in codebook order: ``issue``, ``label``, ``supporters``
    and ``opponents`` (entities with that net position) and ``polarisation`` (NaN when undefined).
    """
    labels = dict(labels or {})
    rows = _entity_rows(stances, by, actor_types)
    positions = _positions(rows)
    issues = ordered_issues(rows["issue"].unique().tolist(), list(labels)) if not rows.empty else []
    camps = _camps(positions, issues)
    records = []
    for issue in issues:
        supporters, opponents = len(camps[issue]["support"]), len(camps[issue]["oppose"])
        value = issue_polarisation(supporters, opponents)
        records.append(
            {
                "issue": issue,
                "label": clean_text(labels.get(issue, issue)),
                "supporters": supporters,
                "opponents": opponents,
                "polarisation": float("nan") if value is None else value,
            }
        )
    table = pd.DataFrame(records, columns=POLARISATION_COLUMNS)
    return table.astype({"supporters": "int64", "opponents": "int64", "polarisation": "float64"})


def polarisation(
    stances: pd.DataFrame,
    by: By = "actor",
    issue: str | None = None,
    actor_types: Iterable[str] | None = None,
    labels: Mapping[str, str] | None = None,
    by_issue: pd.DataFrame | None = None,
) -> Polarisation:
    """Polarisation of one ``issue``, or over all issues: the mean of the per-issue values weighted
    by supporters + opponents, so an issue on which many took a side counts more than one with two
    voices. Issues with fewer than two sides taken are left out of the mean."""
    # ``by_issue``: :func:`polarisation_by_issue` already computed with the same arguments.
    table = polarisation_by_issue(stances, by, labels, actor_types) if by_issue is None else by_issue
    if issue is not None:
        table = table[table["issue"] == issue]
    defined = table[table["polarisation"].notna()]
    weights = defined["supporters"] + defined["opponents"]
    value = float((defined["polarisation"] * weights).sum() / weights.sum()) if not defined.empty else None
    counted = defined if not defined.empty else table  # the counts of the issues the value is over
    supporters, opponents = int(counted["supporters"].sum()), int(counted["opponents"].sum())
    plural = "actors" if by == "actor" else "countries"
    if issue is not None:
        name = table["label"].iloc[0] if not table.empty else clean_text((labels or {}).get(issue, issue))
        if value is None:
            text = f"{name}: fewer than two {plural} took a side, so polarisation is undefined."
        else:
            text = f"{name}: {supporters} {plural} for, {opponents} against → {value:.2f} (1 = two equal camps, 0 = consensus)."
    elif value is None:
        text = f"No issue has at least two {plural} taking a side, so polarisation is undefined."
    else:
        text = (
            f"{value:.2f} over {len(defined)} issue{'s' if len(defined) != 1 else ''} "
            f"({supporters} positions for, {opponents} against), weighted by how many {plural} took a side "
            "(1 = two equal camps, 0 = consensus)."
        )
    return Polarisation(value, supporters, opponents, int(len(defined)), text)


# --- layout and export ---------------------------------------------------------------------------


# networkx lays out 500 nodes or more with scipy's sparse matrices, which the app does not
# depend on; a picture of more entities than this is unreadable anyway.
LAYOUT_MAX_NODES = 499


def _component_layout(graph: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    """Each connected component laid out on its own and the components placed side by side in a
    grid, biggest first. One spring layout of the whole graph would push the components to the
    far corners and squeeze each into a clump whose names overlap."""
    rank = {node: i for i, node in enumerate(graph.nodes)}
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(rank[n] for n in c)))
    columns = max(1, int(len(components) ** 0.5 + 0.999))
    cell = 2.6  # a component fills [-1, 1]; the rest of the cell keeps the names apart
    positions: dict[Hashable, tuple[float, float]] = {}
    for index, component in enumerate(components):
        sub = graph.subgraph(component)
        if len(component) == 1:
            local = {next(iter(component)): (0.0, 0.0)}
        else:
            spread = nx.rescale_layout_dict(nx.spring_layout(sub, weight="weight", seed=seed), scale=1.0)
            local = {node: (float(xy[0]), float(xy[1])) for node, xy in spread.items()}
        # Smaller components get smaller cells' worth of spread, so a pair does not look as big as a crowd.
        shrink = min(1.0, 0.45 + 0.1 * len(component))
        row, column = divmod(index, columns)
        for node, (x, y) in local.items():
            positions[node] = (column * cell + x * shrink, -row * cell + y * shrink)
    return positions


def layout(graph: nx.Graph, seed: int = 7, max_nodes: int = LAYOUT_MAX_NODES) -> pd.DataFrame:
    """Node positions (columns node, x, y) by a force-directed spring layout with edge weights,
    deterministic for a given ``seed``: strongly linked entities are drawn close together, and
    each connected component gets its own place (see :func:`_component_layout`).

    A larger graph is laid out on its ``max_nodes`` nodes with most statements (ties: graph
    order); the others get no position, so the chart leaves them out and says how many."""
    if graph.number_of_nodes() == 0:
        return pd.DataFrame({"node": pd.Series(dtype="object"), "x": pd.Series(dtype="float64"),
                             "y": pd.Series(dtype="float64")})
    if graph.number_of_nodes() > max_nodes:
        biggest = sorted(graph.nodes, key=lambda node: -int(graph.nodes[node].get("statements", 0)))[: max(max_nodes, 0)]
        graph = graph.subgraph(biggest)  # keeps the graph's node order
    positions = _component_layout(graph, seed)
    return pd.DataFrame(
        [{"node": node, "x": float(positions[node][0]), "y": float(positions[node][1])} for node in graph.nodes],
        columns=LAYOUT_COLUMNS,
    )


def graph_bytes(graph: nx.Graph, fmt: GraphFormat) -> bytes:
    """The graph as a UTF-8 GraphML or GEXF file (for Gephi, visone, …), written by networkx."""
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(graph, buffer, encoding="utf-8")
    else:
        raise ValueError(f"fmt must be 'graphml' or 'gexf', not {fmt!r}")
    return buffer.getvalue()
