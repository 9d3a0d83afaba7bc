"""Altair charts of who stands where, built from stance rows by pure functions.

Every chart aggregates in pandas first (``*_data`` functions, tested on their own) and hands Altair
a small table, so the browser never receives the raw rows and the numbers can be checked in tests.

The palette is defined here once and used by every page: Okabe-Ito colours, distinguishable with
the common colour-vision deficiencies. Support/oppose is a blue/vermillion pair (never red/green);
each matrix cell also carries a symbol so the meaning never rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from core.analysis.summary import (
    POSITIONS,
    By,
    entity_names,
    ordered_issues,
    positions_by_entity,
)
from core.views.evidence import (
    CERTAINTY_ORDER,
    article_line,
    best_certainty,
    evidence_excerpt,
    issue_keywords,
    speaker_line,
)

STANCE_COLOURS: dict[str, str] = {
    "support": "#0072B2",  # blue
    "oppose": "#D55E00",  # vermillion
    "mixed": "#CC79A7",  # reddish purple
    "neutral": "#999999",  # grey
}
POSITION_SYMBOLS: dict[str, str] = {"support": "+", "oppose": "−", "mixed": "±", "neutral": "○"}
BY_TITLES: dict[str, str] = {"country": "Country", "actor": "Actor"}

_TOOLTIP_QUOTES = 3
_TOOLTIP_QUOTE_CHARS = 160


def _position_scale(domain: Sequence[str] = POSITIONS) -> alt.Scale:
    return alt.Scale(domain=list(domain), range=[STANCE_COLOURS[p] for p in domain])


def quotes_tooltip(quotes: Sequence[str]) -> str:
    """A few quotes, each shortened, for a tooltip (tooltips cannot scroll)."""
    shown = []
    for quote in list(quotes)[:_TOOLTIP_QUOTES]:
        quote = " ".join(str(quote).split())
        if len(quote) > _TOOLTIP_QUOTE_CHARS:
            quote = quote[: _TOOLTIP_QUOTE_CHARS - 1].rstrip() + "…"
        shown.append(f"“{quote}”")
    extra = len(quotes) - len(shown)
    if extra > 0:
        shown.append(f"(+{extra} more)")
    return "  ·  ".join(shown)


# --- evidence in tooltips ------------------------------------------------------------------------

# How sure a mark is, drawn as its fill: a stated position is a solid mark, a reported one a light
# one and an unconfirmed one hollow (outline only), so a rumour never looks like a declaration.
CERTAINTY_FILL: dict[str, float] = {"stated": 1.0, "reported": 0.35, "unconfirmed": 0.0}
CERTAINTY_LEGEND = "Certainty"
# Legend labels that say how each is drawn; one column, so it sits beside the other legend on a phone.
CERTAINTY_LABELS: dict[str, str] = {"stated": "stated (filled)", "reported": "reported (light)",
                                    "unconfirmed": "unconfirmed (hollow)"}
EVIDENCE_FIELDS = ["certainty", "evidence", "said_by", "article", "counts", "more"]


# Legends at the bottom stacked (Vega lays them side by side by default, and a phone cuts the second).
# Vega-Lite's schema takes the layout only as an expression (an object literal, passed on to Vega).
_STACKED_LEGENDS = "{bottom: {anchor: 'start', direction: 'vertical', margin: 10}}"


def _stacked_legends(chart: alt.LayerChart) -> alt.LayerChart:
    return chart.configure_legend(layout=alt.ExprRef(expr=_STACKED_LEGENDS), offset=16)


def _certainty_scale() -> alt.Scale:
    # An ordinal scale maps each value exactly (a nominal opacity scale interpolates between the ends).
    return alt.Scale(type="ordinal", domain=list(CERTAINTY_ORDER), range=[CERTAINTY_FILL[c] for c in CERTAINTY_ORDER])


CERTAINTY_KEY_FILLS: dict[str, str] = {"stated": "#555555", "reported": "#CCCCCC", "unconfirmed": "#FFFFFF"}


def _certainty_key(base: alt.Chart) -> alt.Chart:
    """An invisible layer that only draws the certainty legend (Vega-Lite makes no legend for
    ``fillOpacity``): grey squares filled, light and hollow, titled with what they mean. ``base``
    carries the host chart's x and y, so the layer shares its scales."""
    return base.mark_point(size=0, opacity=0, filled=True).encode(
        fill=alt.Fill(
            "certainty:N",
            scale=alt.Scale(domain=list(CERTAINTY_ORDER), range=[CERTAINTY_KEY_FILLS[c] for c in CERTAINTY_ORDER]),
            legend=alt.Legend(orient="bottom", title=CERTAINTY_LEGEND, columns=1, symbolType="square",
                              symbolStrokeColor="#555555", symbolStrokeWidth=1.5, symbolOpacity=1, symbolSize=150,
                              labelExpr=" : ".join(f"datum.value === '{c}' ? '{w}'" for c, w in CERTAINTY_LABELS.items())
                              + " : datum.value"),
        ),
    )


def _ranked(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows most certain first, then in article order (stable)."""
    certainty = rows["certainty"].astype(str) if "certainty" in rows.columns else pd.Series("", index=rows.index)
    rank = certainty.map({c: i for i, c in enumerate(CERTAINTY_ORDER)}).fillna(len(CERTAINTY_ORDER))
    return rows.assign(_rank=rank.to_numpy()).sort_values("_rank", kind="stable")


def evidence_fields(rows: pd.DataFrame, keywords: Sequence[str] = (), what: str = "mark") -> dict[str, str]:
    """What a tooltip tells of the statements behind one mark: its certainty (the best of them), the
    first (most certain) statement's evidence in full or around the issue words, who said it and
    how, the article it is in, the statements by certainty, and how many more there are."""
    if rows.empty:
        return {name: "" for name in EVIDENCE_FIELDS}
    first = _ranked(rows).iloc[0]

    def get(name: str) -> object:
        return first[name] if name in first.index else ""

    certainties = rows["certainty"].astype(str) if "certainty" in rows.columns else pd.Series(dtype=str)
    counted = certainties.value_counts()
    counts = ", ".join(f"{int(counted[c])} {c}" for c in CERTAINTY_ORDER if c in counted.index)
    extra = len(rows) - 1
    return {
        "certainty": best_certainty(certainties) or "stated",
        "evidence": evidence_excerpt(get("quote"), keywords),
        "said_by": speaker_line(get("actor"), get("country"), get("certainty"), get("attribution"), get("source")),
        "article": article_line(get("title"), get("outlet"), get("date"), get("article_id")),
        "counts": counts,
        "more": f"+{extra} more: click the {what} to read every statement" if extra > 0 else "",
    }


def _evidence_tooltip(row_title: str) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("evidence:N", title="Evidence"),
        alt.Tooltip("said_by:N", title="Said by"),
        alt.Tooltip("article:N", title="Article"),
        alt.Tooltip("counts:N", title="Certainty"),
        alt.Tooltip("more:N", title="More"),
    ]


def _entity_order(positions: pd.DataFrame) -> list[str]:
    """Entities with most statements first; ties keep the order the articles give."""
    totals = positions.groupby("entity", sort=False).agg(statements=("statements", "sum"), first=("first_row", "min"))
    totals = totals.sort_values(["statements", "first"], ascending=[False, True], kind="stable")
    return totals.index.tolist()


# --- stance matrix -------------------------------------------------------------------------------

MATRIX_COLUMNS = ["entity", "issue", "issue_label", "position", "symbol", "symbol_colour", "support", "oppose",
                  "neutral", "statements", "quotes", *EVIDENCE_FIELDS]
_POSITION_STANCES: dict[str, tuple[str, ...]] = {
    "support": ("support",), "oppose": ("oppose",), "mixed": ("support", "oppose"), "neutral": ("neutral",)}


def stance_matrix_data(
    stances: pd.DataFrame, by: By = "country", labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One row per (entity, issue) cell: its position, symbol, counts, quotes and the evidence
    fields of its tooltip (:func:`evidence_fields` over the statements that make its position)."""
    return _matrix_data(positions_by_entity(stances, by), dict(labels or {}), stances, by)


def _matrix_data(positions: pd.DataFrame, labels: dict[str, str], stances: pd.DataFrame, by: By) -> pd.DataFrame:
    if positions.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in MATRIX_COLUMNS})
    rows = stances.assign(_entity=entity_names(stances, by).to_numpy(), _stance=stances["stance"].astype(str))
    groups = dict(iter(rows.groupby(["_entity", "issue"], sort=False)))
    keywords = {i: issue_keywords(labels.get(i, i), i.replace("_", " ")) for i in positions["issue"].unique()}
    fields = []
    for entity, issue, position in zip(positions["entity"], positions["issue"], positions["position"]):
        cell = groups.get((entity, issue), rows.iloc[0:0])
        making = cell[cell["_stance"].isin(_POSITION_STANCES.get(position, (position,)))]
        fields.append(evidence_fields(making if not making.empty else cell, keywords[issue], "cell"))
    data = positions.reset_index(drop=True).assign(
        issue_label=[labels.get(i, i) for i in positions["issue"]],
        symbol=[POSITION_SYMBOLS[p] for p in positions["position"]],
        quotes=[quotes_tooltip(q) for q in positions["quotes"]],
        **{name: [f[name] for f in fields] for name in EVIDENCE_FIELDS},
    )
    # The symbol's colour for contrast: white on solid blue, near-black on everything lighter.
    data["symbol_colour"] = [
        "#FFFFFF" if p == "support" and c == "stated" else "#111111" for p, c in zip(data["position"], data["certainty"])
    ]
    return data[MATRIX_COLUMNS].reset_index(drop=True)


MATRIX_ROWS = 40  # more rows than this do not fit a screen; the rest are counted in the subtitle
MATRIX_SELECTION = "cell"  # the click selection's name (also on the symbols, which sit over the cells)
MATRIX_SYMBOL_SELECTION = "cell_symbol"
MATRIX_FIXED_COLUMNS = 4  # up to this many issues, columns get a fixed width instead of the page's
MATRIX_COLUMN_WIDTH = 64


def stance_matrix_chart(
    stances: pd.DataFrame,
    by: By = "country",
    labels: Mapping[str, str] | None = None,
    max_rows: int = MATRIX_ROWS,
    positions: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Heatmap: rows are countries or actors, columns issues (by label, codebook order), colour the
    position, fill how sure it is (solid stated, light reported, hollow unconfirmed); hovering a
    cell shows its evidence with article, outlet and date, clicking it selects it (selections
    ``cell`` and ``cell_symbol``, fields entity and issue). Only the ``max_rows`` entities with most
    statements are drawn (a corpus can name hundreds); the subtitle says so. ``positions`` (from
    :func:`core.analysis.summary.positions_by_entity` with the same ``by``) saves recomputing them.

    Up to ``MATRIX_FIXED_COLUMNS`` issues the columns have a fixed width (``chart.width`` is a step):
    one issue stretched over the page would turn the cells into bars."""
    labels = dict(labels or {})
    positions = positions_by_entity(stances, by) if positions is None else positions
    row_order = _entity_order(positions) if not positions.empty else []
    total = len(row_order)
    row_order = row_order[:max_rows]
    data = _matrix_data(positions[positions["entity"].isin(row_order)], labels, stances, by)
    issue_columns = [labels.get(i, i) for i in ordered_issues(data["issue"].unique().tolist(), list(labels))]
    row_title = BY_TITLES.get(by, by.title())
    base = alt.Chart(data).encode(
        x=alt.X(
            "issue_label:N",
            title="Issue",
            sort=issue_columns,
            scale=alt.Scale(paddingInner=0.1),
            # Steep enough that neighbouring labels do not overlap when a phone squeezes the columns.
            axis=alt.Axis(orient="top", labelAngle=-55, labelLimit=220, labelOverlap=False),
        ),
        y=alt.Y("entity:N", title=row_title, sort=row_order, scale=alt.Scale(paddingInner=0.1),
                axis=alt.Axis(labelLimit=220)),
    )
    tooltip = [
        alt.Tooltip("entity:N", title=row_title),
        alt.Tooltip("issue_label:N", title="Issue"),
        alt.Tooltip("position:N", title="Position"),
        alt.Tooltip("support:Q", title="Statements for"),
        alt.Tooltip("oppose:Q", title="Statements against"),
        alt.Tooltip("neutral:Q", title="Neutral statements"),
        *_evidence_tooltip(row_title),
    ]
    pick = alt.selection_point(name=MATRIX_SELECTION, fields=["entity", "issue"], on="click", clear="dblclick")
    pick_symbol = alt.selection_point(name=MATRIX_SYMBOL_SELECTION, fields=["entity", "issue"], on="click",
                                      clear="dblclick")
    cells = base.mark_rect(strokeWidth=2.5, cursor="pointer").encode(
        # Two legend columns: four entries in one row are cut off on a phone.
        color=alt.Color("position:N", title="Position", scale=_position_scale(),
                        legend=alt.Legend(orient="bottom", columns=2)),
        stroke=alt.Stroke("position:N", scale=_position_scale(), legend=None),
        fillOpacity=alt.FillOpacity("certainty:N", scale=_certainty_scale(), legend=None),
        tooltip=tooltip,
    ).add_params(pick)
    symbols = base.mark_text(fontSize=15, fontWeight="bold", cursor="pointer").encode(
        text="symbol:N",
        color=alt.Color("symbol_colour:N", scale=None, legend=None),
        tooltip=tooltip,
    ).add_params(pick_symbol)
    # Height per row (a Step), not a fixed total: the total would also have to hold the slanted
    # issue labels and the legend, and Streamlit squeezes the cells when it does not.
    chart = alt.layer(cells, symbols, _certainty_key(base)).resolve_scale(color="independent").properties(
        height=alt.Step(32))
    if len(issue_columns) <= MATRIX_FIXED_COLUMNS:
        chart = chart.properties(width=alt.Step(MATRIX_COLUMN_WIDTH))
    if total > len(row_order):
        plural = "countries" if by == "country" else "actors"
        chart = chart.properties(title=alt.TitleParams(
            text="", subtitle=f"The {len(row_order)} of {total} {plural} with most statements; filter to see others"))
    return _stacked_legends(chart)


def matrix_fixed_width(chart: alt.TopLevelMixin) -> bool:
    """Whether the matrix has fixed-width columns (the page then draws it at its own width)."""
    return isinstance(getattr(chart, "width", None), alt.Step)


def selected_points(event: object, *names: str) -> list[dict[str, object]]:
    """The points a click selected in ``st.altair_chart(..., on_select="rerun")``'s result, under
    any of the selection ``names`` (first non-empty wins); [] when nothing is selected."""
    selection = getattr(event, "selection", None)
    if selection is None and isinstance(event, Mapping):
        selection = event.get("selection")
    if not isinstance(selection, Mapping):
        return []
    for name in names:
        points = selection.get(name)
        if isinstance(points, list) and points:
            return [dict(p) for p in points if isinstance(p, Mapping)]
    return []


# --- diverging bars ------------------------------------------------------------------------------

DIVERGING_COLUMNS = ["entity", "stance", "statements", "value", "net", "quotes", *EVIDENCE_FIELDS]
BARS_SELECTION = "bar"


def diverging_bar_data(
    stances: pd.DataFrame, issue: str, by: By = "country", labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Per entity on one issue: support as positive and opposition as negative statement counts,
    one segment per certainty (stated, reported, unconfirmed), each with its tooltip evidence.

    Neutral statements are left out (they have no side); ``net`` (support minus oppose) orders
    the bars from most supportive to most opposed.
    """
    rows = stances[stances["issue"] == issue]
    positions = positions_by_entity(rows, by)
    keywords = issue_keywords(dict(labels or {}).get(issue, issue), issue.replace("_", " "))
    certainty = rows["certainty"].astype(str) if "certainty" in rows.columns else pd.Series("stated", index=rows.index)
    framed = rows.assign(_entity=entity_names(rows, by).to_numpy(), _stance=rows["stance"].astype(str),
                         _certainty=certainty.where(certainty.isin(CERTAINTY_ORDER), "stated").to_numpy())
    groups = dict(iter(framed.groupby(["_entity", "_stance", "_certainty"], sort=False)))
    records = []
    for cell in positions.itertuples(index=False):
        net = cell.support - cell.oppose
        for stance, sign in (("support", 1), ("oppose", -1)):
            for sure in CERTAINTY_ORDER:
                group = groups.get((cell.entity, stance, sure))
                if group is None or group.empty:
                    continue
                records.append(
                    {
                        "entity": cell.entity,
                        "stance": stance,
                        "statements": int(len(group)),
                        "value": sign * int(len(group)),
                        "net": int(net),
                        "quotes": quotes_tooltip(list(dict.fromkeys(group["quote"].astype(str)))),
                        **evidence_fields(group, keywords, "bar"),
                    }
                )
    data = pd.DataFrame(records, columns=DIVERGING_COLUMNS)
    if data.empty:
        return data
    order = data.groupby("entity", sort=False)["net"].first().sort_values(ascending=False, kind="stable").index
    data["entity"] = pd.Categorical(data["entity"], categories=list(order), ordered=True)
    data = data.assign(_side=-data["value"].clip(-1, 1),
                       _sure=data["certainty"].map({c: i for i, c in enumerate(CERTAINTY_ORDER)}))
    data = data.sort_values(["entity", "_side", "_sure"], kind="stable").drop(columns=["_side", "_sure"])
    data["entity"] = data["entity"].astype(str)
    return data.reset_index(drop=True)


def diverging_bar_chart(
    stances: pd.DataFrame,
    issue: str,
    by: By = "country",
    labels: Mapping[str, str] | None = None,
    max_rows: int = MATRIX_ROWS,
) -> alt.LayerChart:
    """Horizontal bars: who supports ``issue`` (right, positive) and who opposes it (left, negative),
    each bar split by certainty (solid stated next to zero, then light reported, hollow unconfirmed);
    hovering a segment shows its evidence, clicking it selects it (selection ``bar``, fields entity
    and stance).

    At most ``max_rows`` entities, those with most statements (the subtitle says when some are left
    out), kept in the order from most supportive to most opposed."""
    labels = dict(labels or {})
    data = diverging_bar_data(stances, issue, by, labels)
    row_order = list(dict.fromkeys(data["entity"])) if not data.empty else []
    subtitle = ""
    if len(row_order) > max_rows:
        totals = data.groupby("entity", sort=False)["statements"].sum().sort_values(ascending=False, kind="stable")
        keep = set(totals.index[:max_rows])
        subtitle = f"The {max_rows} of {len(row_order)} with most statements; filter to see others"
        row_order = [e for e in row_order if e in keep]
        data = data[data["entity"].isin(keep)]
    row_title = BY_TITLES.get(by, by.title())
    span = int(data.groupby(["entity", "stance"])["statements"].sum().max()) if not data.empty else 1
    data = data.assign(_sure=data["certainty"].map({c: i for i, c in enumerate(CERTAINTY_ORDER)}))
    pick = alt.selection_point(name=BARS_SELECTION, fields=["entity", "stance"], on="click", clear="dblclick")
    base = alt.Chart(data).encode(
        x=alt.X(
            "value:Q",
            title="← opposing statements · supporting statements →",
            scale=alt.Scale(domain=[-span, span], nice=True),
            axis=alt.Axis(tickMinStep=1, format="d", labelExpr="abs(datum.value)"),
            stack="zero",
        ),
        y=alt.Y("entity:N", title=row_title, sort=row_order, axis=alt.Axis(labelLimit=220)),
    )
    bars = (
        base.mark_bar(strokeWidth=1.5, cursor="pointer")
        .encode(
            color=alt.Color(
                "stance:N",
                title="Stance",
                scale=_position_scale(("support", "oppose")),
                legend=alt.Legend(orient="bottom"),
            ),
            stroke=alt.Stroke("stance:N", scale=_position_scale(("support", "oppose")), legend=None),
            fillOpacity=alt.FillOpacity("certainty:N", scale=_certainty_scale(), legend=None),
            order=alt.Order("_sure:Q", sort="ascending"),
            tooltip=[
                alt.Tooltip("entity:N", title=row_title),
                alt.Tooltip("stance:N", title="Stance"),
                alt.Tooltip("certainty:N", title="How sure"),
                alt.Tooltip("statements:Q", title="Statements"),
                *_evidence_tooltip(row_title),
            ],
        )
        .add_params(pick)
    )
    title = alt.TitleParams(text=labels.get(issue, issue), subtitle=subtitle or alt.Undefined)
    return _stacked_legends(
        alt.LayerChart(layer=[bars, _certainty_key(base)], title=title).properties(height=alt.Step(30)))


# --- timeline ------------------------------------------------------------------------------------

TIMELINE_ENTITIES = 20
TIMELINE_STANCES: tuple[str, ...] = ("support", "oppose", "neutral")  # legend order, as on every chart
# Order within a row, top to bottom: support above the entity's label, neutral level with it,
# opposition below, so every dot sits close to its label.
TIMELINE_ROW_ORDER: tuple[str, ...] = ("support", "neutral", "oppose")
# Shape repeats the stance, so the dots never rely on colour alone.
TIMELINE_SHAPES: dict[str, str] = {"support": "triangle-up", "oppose": "triangle-down", "neutral": "circle"}
TIMELINE_DATA_COLUMNS = ["entity", "date", "stance", "statements", "quotes", "outlets", "titles", *EVIDENCE_FIELDS]
TIMELINE_SELECTION = "dot"


def _distinct_text(values: pd.Series, limit: int = 3) -> str:
    seen = [v for v in dict.fromkeys(" ".join(str(v).split()) for v in values) if v]
    extra = len(seen) - limit
    return "; ".join(seen[:limit]) + (f" (+{extra} more)" if extra > 0 else "")


def timeline_chart_data(points: pd.DataFrame, max_entities: int = TIMELINE_ENTITIES,
                        keywords: Sequence[str] = ()) -> pd.DataFrame:
    """Timeline points (``core.analysis.timeline.timeline_points``) aggregated per entity, day and stance.

    Only the ``max_entities`` entities with most statements are kept (ties: earliest first
    statement, then name), so a corpus of many articles stays readable; rows come in that entity
    order, then by day and stance. ``date`` is an ISO day string; ``quotes`` a short tooltip text;
    the evidence fields (:func:`evidence_fields`) tell the most certain statement's provenance.
    """
    if points.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in TIMELINE_DATA_COLUMNS})
    frame = points.assign(
        day=pd.to_datetime(points["date"]).dt.strftime("%Y-%m-%d"),
        entity=points["entity"].astype(str),
        stance=points["stance"].astype(str),
    )
    totals = frame.groupby("entity").agg(statements=("stance", "size"), first=("day", "min")).reset_index()
    totals = totals.sort_values(["statements", "first", "entity"], ascending=[False, True, True], kind="stable")
    order = totals["entity"].head(max(int(max_entities), 0)).tolist()
    frame = frame[frame["entity"].isin(order)]
    rank = {name: i for i, name in enumerate(order)}
    stance_rank = {s: i for i, s in enumerate(TIMELINE_STANCES)}
    records = []
    for (entity, day, stance), group in frame.groupby(["entity", "day", "stance"], sort=False):
        records.append(
            {
                "entity": entity,
                "date": day,
                "stance": stance,
                "statements": int(len(group)),
                "quotes": quotes_tooltip(list(dict.fromkeys(group["quote"].fillna("").astype(str)))),
                "outlets": _distinct_text(group["outlet"]) if "outlet" in group else "",
                "titles": _distinct_text(group["title"]) if "title" in group else "",
                **evidence_fields(group.assign(date=day), keywords, "dot"),
            }
        )
    data = pd.DataFrame(records, columns=TIMELINE_DATA_COLUMNS)
    data = data.assign(
        _entity=data["entity"].map(rank), _stance=data["stance"].map(lambda s: stance_rank.get(s, len(stance_rank)))
    )
    data = data.sort_values(["_entity", "date", "_stance"], kind="stable").drop(columns=["_entity", "_stance"])
    data.attrs["entities_total"] = int(len(totals))
    return data.reset_index(drop=True)


TIMELINE_ROW_STEP = 48  # px per entity row: three stance lanes of 16 px, so triangles of two lanes never touch
TIMELINE_SIZES = (40, 150)  # marker area range (px²): the largest still fits its lane


def timeline_chart(
    points: pd.DataFrame, max_entities: int = TIMELINE_ENTITIES, title: str | None = None, by: By = "actor",
    issue_label: str = "",
) -> alt.LayerChart:
    """Dots over time: x the day, y the actor or country, colour and shape the stance, size the
    number of statements that day, fill how sure (solid stated, light reported, hollow unconfirmed);
    the evidence with its article, outlet and date on hover; a click selects a dot (selection
    ``dot``, fields entity, date and stance).

    Support, opposition and neutral statements of one entity on one day sit in lanes within the
    row (``yOffset``), so a day with both sides shows both dots; the time axis is padded so the
    first and last dots are never cut at the chart's edges."""
    data = timeline_chart_data(points, max_entities, issue_keywords(issue_label) if issue_label else ())
    row_order = list(dict.fromkeys(data["entity"])) if not data.empty else []
    row_title = BY_TITLES.get(by, by.title())
    total = int(data.attrs.get("entities_total", len(row_order)))
    subtitle = f"The {len(row_order)} of {total} with most statements" if total > len(row_order) else ""
    chart_title = alt.TitleParams(text=title or "", subtitle=subtitle) if (title or subtitle) else alt.Undefined
    stances = list(TIMELINE_STANCES)
    tooltip = [
        alt.Tooltip("entity:N", title=row_title),
        alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
        alt.Tooltip("stance:N", title="Stance"),
        alt.Tooltip("statements:Q", title="Statements"),
        *_evidence_tooltip(row_title),
    ]
    pick = alt.selection_point(name=TIMELINE_SELECTION, fields=["entity", "date", "stance"], on="click",
                               clear="dblclick")
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title="Date", scale=alt.Scale(padding=18),
                axis=alt.Axis(format="%d %b", labelOverlap=True, labelFlush=False)),
        y=alt.Y("entity:N", title=row_title, sort=row_order, axis=alt.Axis(labelLimit=220)),
    )
    dots = (
        base.mark_point(filled=True, strokeWidth=1.5, cursor="pointer")
        .encode(
            yOffset=alt.YOffset("stance:N", sort=list(TIMELINE_ROW_ORDER), scale=alt.Scale(domain=list(TIMELINE_ROW_ORDER))),
            color=alt.Color(
                "stance:N", title="Stance", scale=_position_scale(stances), legend=alt.Legend(orient="bottom")
            ),
            shape=alt.Shape(
                "stance:N",
                title="Stance",
                scale=alt.Scale(domain=stances, range=[TIMELINE_SHAPES[s] for s in stances]),
                legend=alt.Legend(orient="bottom"),
            ),
            stroke=alt.Stroke("stance:N", scale=_position_scale(stances), legend=None),
            fillOpacity=alt.FillOpacity("certainty:N", scale=_certainty_scale(), legend=None),
            size=alt.Size("statements:Q", title="Statements", scale=alt.Scale(range=list(TIMELINE_SIZES)),
                          legend=None),
            tooltip=tooltip,
        )
        .add_params(pick)
    )
    # A row per entity, not per stance.
    return _stacked_legends(alt.LayerChart(layer=[dots, _certainty_key(base)], title=chart_title).properties(
        height=alt.Step(TIMELINE_ROW_STEP, **{"for": "position"})))


# --- accuracy ------------------------------------------------------------------------------------

LEVEL_COLOURS: dict[str, str] = {"country": "#56B4E9", "actor": "#009E73"}  # Okabe-Ito sky blue, bluish green
ACCURACY_COLUMNS = ["data set", "split", "level", "precision", "recall", "f1", "order"]


def accuracy_chart_data(groups: pd.DataFrame) -> pd.DataFrame:
    """Long form of the Accuracy page's data-set table: one row per (data set, level) with its
    precision, recall and F1 (``groups`` as ``core.evaluation.accuracy.groups_table`` gives it)."""
    if groups.empty:
        return pd.DataFrame(columns=ACCURACY_COLUMNS)
    rows = []
    for order, (_, row) in enumerate(groups.iterrows()):
        for level in ("country", "actor"):
            rows.append({
                "data set": row["data set"],
                "split": row["split"],
                "level": level,
                "precision": float(row[f"{level} P"]),
                "recall": float(row[f"{level} R"]),
                "f1": float(row[f"{level} F1"]),
                "order": order,
            })
    frame = pd.DataFrame(rows, columns=ACCURACY_COLUMNS)
    return frame


def accuracy_chart(data: pd.DataFrame, ceiling: float | None = None) -> alt.Chart:
    """F1 per data set, country and actor level side by side, with the inter-coder ceiling (actor
    level) as a dashed line: how far the machine is from what two people agree on."""
    order = data.drop_duplicates("data set").sort_values("order")["data set"].tolist()
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("data set:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
            yOffset=alt.YOffset("level:N", sort=["country", "actor"]),
            x=alt.X("f1:Q", title="F1", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".1f", tickCount=10)),
            color=alt.Color("level:N", title="Level", sort=["country", "actor"],
                            scale=alt.Scale(domain=list(LEVEL_COLOURS), range=list(LEVEL_COLOURS.values())),
                            legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("data set:N"), alt.Tooltip("split:N"), alt.Tooltip("level:N"),
                     alt.Tooltip("precision:Q", format=".2f"), alt.Tooltip("recall:Q", format=".2f"),
                     alt.Tooltip("f1:Q", title="F1", format=".2f")],
        )
    )
    chart = bars
    if ceiling is not None:
        line = pd.DataFrame({"ceiling": [ceiling], "label": [f"two coders agree: {ceiling:.2f}"]})
        rule = alt.Chart(line).mark_rule(strokeDash=[6, 4], color="#000000").encode(x="ceiling:Q")
        text = alt.Chart(line).mark_text(align="right", dx=-4, dy=-6, baseline="bottom", color="#000000").encode(
            x="ceiling:Q", y=alt.value(0), text="label:N")
        chart = alt.layer(bars, rule, text)
    return chart.properties(height=alt.Step(14))


# --- calibration ---------------------------------------------------------------------------------

RELIABILITY_COLUMNS = ["low", "high", "bin", "predicted", "observed", "rows"]
_RELIABILITY_COLOUR = "#0072B2"  # Okabe-Ito blue


def reliability_data(bins: pd.DataFrame | Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """The scorer's reliability bins (``info["reliability"]``: low, high, predicted, observed, rows)
    as a table to plot: numbers made floats, a ``bin`` label ("0.3–0.4"), empty bins dropped, in
    order of confidence."""
    frame = bins.copy() if isinstance(bins, pd.DataFrame) else pd.DataFrame(list(bins))
    if frame.empty or not {"predicted", "observed", "rows"} <= set(frame.columns):
        return pd.DataFrame({name: pd.Series(dtype="object" if name == "bin" else "float64") for name in RELIABILITY_COLUMNS})
    for name in ("low", "high", "predicted", "observed", "rows"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce") if name in frame.columns else float("nan")
    frame = frame[frame["rows"].fillna(0) > 0].dropna(subset=["predicted", "observed"])
    frame = frame.sort_values("predicted", kind="stable").reset_index(drop=True)
    frame["bin"] = [f"{low:.1f}–{high:.1f}" if pd.notna(low) and pd.notna(high) else ""
                    for low, high in zip(frame["low"], frame["high"])]
    return frame[RELIABILITY_COLUMNS]


def reliability_chart(bins: pd.DataFrame) -> alt.LayerChart:
    """Predicted confidence (x) against observed precision (y), one point per confidence bin sized
    by its rows, over the diagonal a perfectly calibrated scorer would lie on: points below it
    are rows the scorer trusts more than they deserve, points above, less. Each point is labelled
    with its rows."""
    data = reliability_data(bins)
    unit = alt.Scale(domain=[0, 1], nice=False)
    diagonal = pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, 1.0]})
    line = alt.Chart(diagonal).mark_line(strokeDash=[6, 4], color="#666666").encode(
        x=alt.X("x:Q", scale=unit, title="Predicted confidence (the scorer's probability)",
                axis=alt.Axis(format=".1f", tickCount=10)),
        y=alt.Y("y:Q", scale=unit, title="Observed precision (share right)", axis=alt.Axis(format=".1f", tickCount=10)),
    )
    label = alt.Chart(pd.DataFrame({"x": [0.97], "y": [0.97], "text": ["perfectly calibrated"]})).mark_text(
        align="right", baseline="bottom", dy=-4, color="#666666").encode(x="x:Q", y="y:Q", text="text:N")
    tooltip = [
        alt.Tooltip("bin:N", title="Confidence bin"),
        alt.Tooltip("predicted:Q", title="Predicted (mean)", format=".2f"),
        alt.Tooltip("observed:Q", title="Observed precision", format=".2f"),
        alt.Tooltip("rows:Q", title="Rows", format=","),
    ]
    trace = alt.Chart(data).mark_line(color=_RELIABILITY_COLOUR, opacity=0.5).encode(
        x=alt.X("predicted:Q", scale=unit), y=alt.Y("observed:Q", scale=unit))
    points = alt.Chart(data).mark_circle(color=_RELIABILITY_COLOUR, opacity=0.85, stroke="#ffffff", strokeWidth=1).encode(
        x=alt.X("predicted:Q", scale=unit),
        y=alt.Y("observed:Q", scale=unit),
        # No legend (it would take the plot's height): each point is labelled with its rows instead.
        size=alt.Size("rows:Q", title="Rows in the bin", scale=alt.Scale(range=[40, 600]), legend=None),
        tooltip=tooltip,
    )
    counts = alt.Chart(data).mark_text(dy=-14, fontSize=11, color="#444444").encode(
        x=alt.X("predicted:Q", scale=unit),
        y=alt.Y("observed:Q", scale=unit),
        text=alt.Text("rows:Q", format=","),
        tooltip=tooltip,
    )
    return alt.LayerChart(layer=[line, label, trace, points, counts], height=420)


# --- how often a row is right, by its confidence -------------------------------------------------

CONFIDENCE_BAND_COLUMNS = ["confidence", "order", "shown as", "split", "rows", "right"]
# Per split of the bands table (its "<split> rows" and "<split> right" columns): the legend's label
# and its colour.
CONFIDENCE_BAND_SPLITS: dict[str, tuple[str, str]] = {
    "dev": ("dev (out of sample)", "#56B4E9"),  # Okabe-Ito sky blue
    "test": ("test (unseen)", "#E69F00"),  # Okabe-Ito orange
}


def confidence_band_data(table: pd.DataFrame) -> pd.DataFrame:
    """Long form of ``core.evaluation.accuracy.confidence_bands_table``: one row per (band, split)
    with the rows in it and the share right; bands of a split without rows are left out (no bar,
    rather than a bar at 0 that would read as "always wrong")."""
    rows = []
    for order, (_, band) in enumerate(table.iterrows()):
        for split, (label, _) in CONFIDENCE_BAND_SPLITS.items():
            count = int(band.get(f"{split} rows", 0) or 0)
            right = band.get(f"{split} right")
            if count and right is not None and pd.notna(right):
                rows.append({"confidence": band["confidence"], "order": order, "shown as": band["shown as"],
                             "split": label, "rows": count, "right": float(right)})
    return pd.DataFrame(rows, columns=CONFIDENCE_BAND_COLUMNS)


def confidence_band_chart(table: pd.DataFrame) -> alt.LayerChart:
    """The share of rows a coder also coded (up) in each confidence band (across), development
    articles out of sample beside the test articles nobody read; each bar labelled with its rows.
    Bands under the minimum confidence are the suggestions the Review page offers."""
    data = confidence_band_data(table)
    order = data.drop_duplicates("confidence").sort_values("order")["confidence"].tolist()
    splits = [label for label, _ in CONFIDENCE_BAND_SPLITS.values()]
    tooltip = [alt.Tooltip("confidence:N", title="Confidence"), alt.Tooltip("shown as:N", title="Shown as"),
               alt.Tooltip("split:N", title="Articles"), alt.Tooltip("right:Q", title="Share right", format=".2f"),
               alt.Tooltip("rows:Q", title="Rows", format=",")]
    base = alt.Chart(data).encode(
        x=alt.X("confidence:N", sort=order, title="Confidence the scorer gave", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("split:N", sort=splits),
        y=alt.Y("right:Q", title="Share of rows right", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".1f")),
        tooltip=tooltip,
    )
    bars = base.mark_bar().encode(
        color=alt.Color("split:N", title="Articles", sort=splits,
                        scale=alt.Scale(domain=splits, range=[colour for _, colour in CONFIDENCE_BAND_SPLITS.values()]),
                        legend=alt.Legend(orient="bottom")))
    counts = base.mark_text(dy=-6, baseline="bottom", fontSize=11, color="#444444").encode(text=alt.Text("rows:Q", format=","))
    return alt.LayerChart(layer=[bars, counts], height=320)
