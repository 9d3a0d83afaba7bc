"""Positions over time: when each actor or country took which side on an issue, and who changed sides.

Reads the corpus stance table: the stance columns plus the article metadata ``date`` (ISO
``YYYY-MM-DD``; ``''`` or anything unparseable means *undated*), and optionally ``outlet`` and
``title``. Rows are grouped under an entity exactly as the other views group them
(:func:`core.summary.entity_names`: by country, a row without a country falls back to its actor).

Definitions
-----------
*Polar* statements are ``support`` and ``oppose``; ``neutral`` statements take no side.

**Day position** — all statements of one entity on one issue dated the same day give that day's
position with :func:`core.summary.position_of`: ``support`` or ``oppose`` when only that side was
taken, ``mixed`` when both were, and ``neutral`` only when the day has no polar statement at all
(a neutral statement never outweighs a polar one on the same day).

**Shift** — two consecutive *one-sided* days (day position ``support`` or ``oppose``) with
different sides. Neutral days and mixed days are skipped when looking for the neighbour: a neutral
statement is no change of side, so neutral → polar is *not* a shift, and a mixed day has no single
side to shift from or to (it makes the verdict ``contested`` instead). The evidence of a shift is
the highest-confidence statement of the earlier side on the earlier day (ties: the last in article
order) and the highest-confidence statement of the later side on the later day (ties: the first).
Shifts need dates; undated rows never take part in one.

**Verdict** per entity × issue, from all of its statements (dated or not):

* ``consistent`` — every polar statement takes the same side, or there is none (neutral only).
* ``shifted`` — both sides occur, no day and no article holds both, and the dated one-sided days
  change side exactly once (undated statements are counted, but cannot be placed in time).
* ``contested`` — both sides occur and either one day or one article holds both, or the side
  changes more than once over time, or the disagreement cannot be ordered in time (it rests on
  undated statements).

Everything here is deterministic (stable sorts on date, article id, offsets and row order), works
on empty frames (empty result with the documented columns) and never modifies its input.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from core.summary import By, entity_names, position_of

POLAR: tuple[str, ...] = ("support", "oppose")
VERDICTS: tuple[str, ...] = ("consistent", "shifted", "contested")
# Optional article metadata carried into timeline points when the stance table has it.
META_COLUMNS: tuple[str, ...] = ("title", "outlet")

TIMELINE_COLUMNS: list[str] = [
    "entity",
    "date",  # datetime64
    "stance",
    "quote",
    "article_id",
    "actor",  # who made the statement (differs from entity when grouping by country)
    "start_char",
    "end_char",
    "confidence",
]
POSITION_OVER_TIME_COLUMNS: list[str] = [
    "entity",
    "issue",
    "verdict",
    "first_date",  # 'YYYY-MM-DD' of the first dated statement, '' when none is dated
    "last_date",
    "statements",
    "support",
    "oppose",
    "neutral",
    "undated",  # statements without a date (counted above, not placed in time)
    "shifts",
    "explanation",
]
SHIFT_COLUMNS: list[str] = ["entity", "issue"] + [
    f"{side}_{name}"
    for side in ("before", "after")
    for name in ("date", "stance", "quote", "article_id", "start_char", "end_char")
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_VERBS = {"support": "supported", "oppose": "opposed"}


@dataclass(frozen=True)
class Evidence:
    """One statement on one side of a shift: its day and where the quote sits."""

    date: str  # 'YYYY-MM-DD'
    stance: str
    quote: str
    article_id: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Shift:
    """An entity changed sides on an issue between two consecutive dated positions."""

    entity: str
    issue: str
    before: Evidence
    after: Evidence

    def as_row(self) -> dict:
        """Flat ``SHIFT_COLUMNS`` record (``before_date``, ``after_quote``, ...)."""
        row: dict = {"entity": self.entity, "issue": self.issue}
        for side in ("before", "after"):
            row.update({f"{side}_{k}": v for k, v in asdict(getattr(self, side)).items()})
        return row


# --- preparation ---------------------------------------------------------------------------------


def parse_dates(values: pd.Series) -> pd.Series:
    """ISO dates (the first 10 characters, so a datetime string works too) as datetime64; ``''``,
    missing or unparseable values become NaT."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().str.slice(0, 10)
    return pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")


def _prepared(stances: pd.DataFrame, by: By) -> pd.DataFrame:
    """The columns this module reads, one row per statement with a non-empty entity, in a stable
    order (dated first by date, then article id, offsets, original row)."""
    n = len(stances)

    def column(name: str, default) -> pd.Series:
        if name in stances.columns:
            return stances[name].reset_index(drop=True)
        return pd.Series([default] * n, dtype=object)

    frame = pd.DataFrame(
        {
            "entity": entity_names(stances, by).reset_index(drop=True) if n else pd.Series(dtype=object),
            "issue": column("issue", "").fillna("").astype(str),
            "stance": column("stance", "").fillna("").astype(str),
            "quote": column("quote", "").fillna("").astype(str),
            "article_id": column("article_id", "").fillna("").astype(str),
            "actor": column("actor", "").fillna("").astype(str),
            "start_char": pd.to_numeric(column("start_char", -1), errors="coerce").fillna(-1).astype(int),
            "end_char": pd.to_numeric(column("end_char", -1), errors="coerce").fillna(-1).astype(int),
            "confidence": pd.to_numeric(column("confidence", 0.0), errors="coerce").fillna(0.0).astype(float),
            "date": parse_dates(column("date", "")),
            "row": range(n),
        }
    )
    for name in META_COLUMNS:
        if name in stances.columns:
            frame[name] = column(name, "").fillna("").astype(str)
    frame = frame[frame["entity"].astype(str).str.strip() != ""]
    return frame.sort_values(
        ["date", "article_id", "start_char", "end_char", "row"], kind="stable", na_position="last"
    ).reset_index(drop=True)


def _iso(day: pd.Timestamp) -> str:
    return "" if pd.isna(day) else day.strftime("%Y-%m-%d")


def _day(day: pd.Timestamp, with_year: bool) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


# --- timeline points -----------------------------------------------------------------------------


def timeline_points(stances: pd.DataFrame, issue: str, by: By = "actor") -> pd.DataFrame:
    """One row per dated statement on ``issue``: ``TIMELINE_COLUMNS`` plus ``title``/``outlet`` when
    the stance table has them, sorted by date, article id and offsets.

    Statements without a date are dropped; how many is in ``result.attrs["undated"]`` (also
    available as :func:`undated_count`)."""
    frame = _prepared(stances, by)
    frame = frame[frame["issue"] == issue]
    dated = frame[frame["date"].notna()]
    columns = TIMELINE_COLUMNS + [m for m in META_COLUMNS if m in frame.columns]
    points = dated[columns].reset_index(drop=True)
    if points.empty:
        points = pd.DataFrame({c: pd.Series(dtype=points[c].dtype) for c in columns})
    points["date"] = points["date"].astype("datetime64[ns]")
    points.attrs["undated"] = int(len(frame) - len(dated))
    return points


def undated_count(stances: pd.DataFrame, issue: str | None = None) -> int:
    """Statements (on ``issue``, or on any issue) whose date is missing or unparseable."""
    if "date" not in stances.columns:
        rows = stances if issue is None else stances[stances["issue"] == issue]
        return int(len(rows))
    rows = stances if issue is None else stances[stances["issue"].astype(str) == issue]
    return int(parse_dates(rows["date"]).isna().sum())


# --- per entity × issue --------------------------------------------------------------------------


def _day_positions(group: pd.DataFrame) -> list[tuple[pd.Timestamp, str]]:
    """(day, position) for each dated day of one entity × issue group, in date order."""
    dated = group[group["date"].notna()]
    days = []
    for day, rows in dated.groupby("date", sort=True):
        counts = rows["stance"].value_counts()
        days.append((day, position_of(int(counts.get("support", 0)), int(counts.get("oppose", 0)))))
    return days


def _runs(days: list[tuple[pd.Timestamp, str]]) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """Consecutive one-sided days with the same side, as (side, first day, last day)."""
    runs: list[tuple[str, pd.Timestamp, pd.Timestamp]] = []
    for day, position in days:
        if position not in POLAR:
            continue
        if runs and runs[-1][0] == position:
            runs[-1] = (position, runs[-1][1], day)
        else:
            runs.append((position, day, day))
    return runs


def _evidence(rows: pd.DataFrame, last: bool) -> Evidence:
    """The highest-confidence row (ties: the last or the first in article order)."""
    best = rows["confidence"].max()
    candidates = rows[rows["confidence"] == best]
    row = candidates.iloc[-1 if last else 0]
    return Evidence(
        date=_iso(row["date"]),
        stance=str(row["stance"]),
        quote=str(row["quote"]),
        article_id=str(row["article_id"]),
        start_char=int(row["start_char"]),
        end_char=int(row["end_char"]),
    )


def _group_shifts(entity: str, issue: str, group: pd.DataFrame) -> list[Shift]:
    runs = _runs(_day_positions(group))
    shifts = []
    for (side_a, _, day_a), (side_b, day_b, _) in zip(runs, runs[1:]):
        before = group[(group["date"] == day_a) & (group["stance"] == side_a)]
        after = group[(group["date"] == day_b) & (group["stance"] == side_b)]
        shifts.append(Shift(entity, issue, _evidence(before, last=True), _evidence(after, last=False)))
    return shifts


def _groups(frame: pd.DataFrame, issue: str | None):
    if issue is not None:
        frame = frame[frame["issue"] == issue]
    keys = sorted(set(zip(frame["entity"], frame["issue"])))
    grouped = dict(tuple(frame.groupby(["entity", "issue"], sort=False))) if len(frame) else {}
    for key in keys:
        yield key[0], key[1], grouped[key]


def find_shifts(stances: pd.DataFrame, by: By = "actor", issue: str | None = None) -> list[Shift]:
    """Every change of side (see the module docstring), ordered by entity, issue and date."""
    frame = _prepared(stances, by)
    shifts: list[Shift] = []
    for entity, key_issue, group in _groups(frame, issue):
        shifts += _group_shifts(entity, key_issue, group)
    return shifts


def shifts_table(shifts: list[Shift]) -> pd.DataFrame:
    """The shifts as a flat table (``SHIFT_COLUMNS``), e.g. for display or download."""
    return pd.DataFrame([s.as_row() for s in shifts], columns=SHIFT_COLUMNS)


def _span(side: str, first: pd.Timestamp, last: pd.Timestamp, with_year: bool, final: bool) -> str:
    verb = _VERBS[side]
    if final:
        return f"{verb} from {_day(first, with_year)}"
    if first == last:
        return f"{verb} on {_day(first, with_year)}"
    return f"{verb} {_day(first, with_year)} – {_day(last, with_year)}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _verdict(group: pd.DataFrame) -> tuple[str, int, str]:
    """(verdict, shift count, explanation) for one entity × issue group."""
    counts = group["stance"].value_counts()
    support, oppose, neutral = (int(counts.get(s, 0)) for s in ("support", "oppose", "neutral"))
    dated = group[group["date"].notna()]
    undated = len(group) - len(dated)
    with_year = dated["date"].dt.year.nunique() > 1
    days = _day_positions(group)
    runs = _runs(days)
    shifts = max(len(runs) - 1, 0)
    undated_note = f" ({_plural(undated, 'undated statement')})" if undated and len(dated) else ""

    if not support and not oppose:
        return "consistent", shifts, f"took no side ({_plural(neutral, 'neutral statement')})"
    if not (support and oppose):
        side = "support" if support else "oppose"
        polar_days = sorted({d for d, p in days if p == side})
        total = _plural(support or oppose, "statement")
        if not polar_days:
            return "consistent", shifts, f"{_VERBS[side]} ({total}, undated)"
        if len(polar_days) == 1:
            text = f"{_VERBS[side]} on {_day(polar_days[0], with_year)}"
        else:
            text = f"{_VERBS[side]} throughout, {_day(polar_days[0], with_year)} – {_day(polar_days[-1], with_year)}"
        return "consistent", shifts, f"{text} ({total}){undated_note}"

    mixed_days = [d for d, p in days if p == "mixed"]
    if mixed_days:
        listed = ", ".join(_day(d, with_year) for d in mixed_days)
        return "contested", shifts, f"both supported and opposed on {listed}"
    polar = group[group["stance"].isin(POLAR)]
    per_article = polar.groupby("article_id", sort=True)["stance"].nunique()
    split_articles = per_article[per_article > 1].index.tolist()
    if split_articles:
        return "contested", shifts, f"both supported and opposed in article {', '.join(split_articles)}"
    if shifts == 1:
        text = ", ".join(
            _span(side, first, last, with_year, final=i == len(runs) - 1) for i, (side, first, last) in enumerate(runs)
        )
        return "shifted", shifts, text + undated_note
    if shifts > 1:
        text = ", ".join(
            _span(side, first, last, with_year, final=i == len(runs) - 1) for i, (side, first, last) in enumerate(runs)
        )
        return "contested", shifts, f"changed sides {shifts} times: {text}"
    return "contested", shifts, "both supported and opposed, but undated statements cannot be ordered in time"


def position_over_time(stances: pd.DataFrame, by: By = "actor", issue: str | None = None) -> pd.DataFrame:
    """One row per entity × issue (``POSITION_OVER_TIME_COLUMNS``) with its verdict and a short
    explanation such as "supported on 14 Mar, opposed from 26 Mar"; sorted by entity, then issue."""
    frame = _prepared(stances, by)
    rows = []
    for entity, key_issue, group in _groups(frame, issue):
        counts = group["stance"].value_counts()
        dated = group["date"].dropna()
        verdict, shifts, explanation = _verdict(group)
        rows.append(
            {
                "entity": entity,
                "issue": key_issue,
                "verdict": verdict,
                "first_date": _iso(dated.min()) if len(dated) else "",
                "last_date": _iso(dated.max()) if len(dated) else "",
                "statements": int(len(group)),
                "support": int(counts.get("support", 0)),
                "oppose": int(counts.get("oppose", 0)),
                "neutral": int(counts.get("neutral", 0)),
                "undated": int(len(group) - len(dated)),
                "shifts": shifts,
                "explanation": explanation,
            }
        )
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in POSITION_OVER_TIME_COLUMNS})
    return pd.DataFrame(rows, columns=POSITION_OVER_TIME_COLUMNS)
