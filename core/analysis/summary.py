"""Who stands where: stance rows aggregated per actor or country and issue, and plain-language lines.

Charts and text both read :func:`positions_by_entity`, so a cell coloured "mixed" in the matrix is
"mixed" in the sentence under it too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import pandas as pd

By = Literal["country", "actor"]
BY_CHOICES: dict[str, str] = {"country": "Countries", "actor": "Actors"}

# The position of one actor/country on one issue, from all of its statements on it.
POSITIONS: tuple[str, ...] = ("support", "oppose", "mixed", "neutral")
POSITION_WORDS: dict[str, str] = {"support": "for", "oppose": "against", "mixed": "mixed", "neutral": "neutral"}

POSITION_COLUMNS: list[str] = [
    "entity",
    "issue",
    "support",
    "oppose",
    "neutral",
    "statements",
    "position",
    "quotes",
    "first_row",
]


def entity_names(stances: pd.DataFrame, by: By = "country") -> pd.Series:
    """The name each stance row is grouped under.

    By country, a row without a country (an unplaced person or group) falls back to its actor, so
    no statement silently disappears from a country view.
    """
    actors = stances["actor"].fillna("").astype(str)
    if by == "actor":
        return actors
    countries = stances["country"].fillna("").astype(str)
    return countries.where(countries.str.strip() != "", actors)


def position_of(support: int, oppose: int) -> str:
    """Support and opposition on the same issue is "mixed"; neither is "neutral"."""
    if support and oppose:
        return "mixed"
    if support:
        return "support"
    if oppose:
        return "oppose"
    return "neutral"


def positions_by_entity(stances: pd.DataFrame, by: By = "country") -> pd.DataFrame:
    """One row per (entity, issue) with stance counts, the resulting position and its quotes.

    ``quotes`` lists the distinct evidence texts in article order; ``first_row`` is the position of
    the entity's first statement on the issue, used to keep the order the article gives.
    """
    if stances.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in POSITION_COLUMNS})
    frame = pd.DataFrame(
        {
            "entity": entity_names(stances, by).to_numpy(),
            "issue": stances["issue"].astype(str).to_numpy(),
            "stance": stances["stance"].astype(str).to_numpy(),
            "quote": stances["quote"].fillna("").astype(str).to_numpy(),
            "row": range(len(stances)),
        }
    )
    frame = frame[frame["entity"].str.strip() != ""]
    if frame.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in POSITION_COLUMNS})
    # Vectorised (a corpus has thousands of entity x issue cells): counts by crosstab, quotes by
    # one grouped aggregation over the distinct (cell, quote) pairs in article order.
    keys = ["entity", "issue"]
    counts = pd.crosstab([frame["entity"], frame["issue"]], frame["stance"])
    for stance in ("support", "oppose", "neutral"):
        if stance not in counts.columns:
            counts[stance] = 0
    first_row = frame.groupby(keys, sort=False)["row"].min()
    statements = frame.groupby(keys, sort=False).size()
    quoted = frame[frame["quote"] != ""].drop_duplicates([*keys, "quote"])
    quotes = quoted.groupby(keys, sort=False)["quote"].agg(list)
    result = pd.DataFrame({"first_row": first_row, "statements": statements})
    result = result.join(counts[["support", "oppose", "neutral"]]).join(quotes.rename("quotes"))
    result["quotes"] = [q if isinstance(q, list) else [] for q in result["quotes"]]
    result = result.reset_index()
    for name in ("support", "oppose", "neutral", "statements", "first_row"):
        result[name] = result[name].astype(int)
    result["position"] = [position_of(s, o) for s, o in zip(result["support"], result["oppose"])]
    result = result[POSITION_COLUMNS]
    return result.sort_values("first_row", kind="stable").reset_index(drop=True)


def ordered_issues(present: Sequence[str], issue_order: Sequence[str] = ()) -> list[str]:
    """``present`` issue ids in codebook order, unknown ids after them alphabetically."""
    present_set = set(present)
    ordered = [i for i in issue_order if i in present_set]
    return ordered + sorted(present_set - set(ordered))


def issue_summary_lines(
    stances: pd.DataFrame,
    issue_labels: Mapping[str, str] | None = None,
    by: By = "country",
    issue_order: Sequence[str] | None = None,
    max_names: int = 12,
    positions: pd.DataFrame | None = None,
) -> list[str]:
    """One plain-language line per issue with statements, in codebook order, e.g.
    ``Foreign troops in Ukraine — for: France, Ukraine; against: Russia, Italy``.

    Names keep the order in which the articles first give each position; past ``max_names`` per
    side the rest are counted ("and 31 more"), so a line stays readable over a large corpus.
    """
    labels = dict(issue_labels or {})
    positions = positions_by_entity(stances, by) if positions is None else positions
    if positions.empty:
        return []
    order = ordered_issues(positions["issue"].unique().tolist(), issue_order or list(labels))
    lines = []
    for issue in order:
        cells = positions[positions["issue"] == issue]
        parts = []
        for position in POSITIONS:
            names = cells.loc[cells["position"] == position, "entity"].tolist()
            if names:
                shown = ", ".join(names[:max_names]) + (f" and {len(names) - max_names} more" if len(names) > max_names else "")
                parts.append(f"{POSITION_WORDS[position]}: {shown}")
        lines.append(f"{labels.get(issue, issue)} — {'; '.join(parts)}")
    return lines


def headline_counts(stances: pd.DataFrame) -> dict[str, int]:
    """The Overview's numbers: distinct actors, countries and issues, and the statement count."""

    def distinct(column: str) -> int:
        values = stances[column].dropna().astype(str)
        return int(values[values.str.strip() != ""].nunique())

    return {
        "actors": distinct("actor"),
        "countries": distinct("country"),
        "issues": distinct("issue"),
        "statements": int(len(stances)),
    }
