"""Positions over time: when each actor or country took which side on an issue, and who changed sides.

Reads the corpus stance table: the stance columns plus the article metadata ``date`` (ISO
``YYYY-MM-DD``; ``''`` or anything unparseable means *undated*), and optionally ``outlet`` and
``title``. Rows are grouped under an entity exactly as the other views group them
(:func:`core.analysis.summary.entity_names`: by country, a row without a country falls back to its actor).

Definitions
-----------
*Polar* statements are ``support`` and ``oppose``; ``neutral`` statements take no side.

**Day position** — all statements of one entity on one issue dated the same day give that day's
position with :func:`core.analysis.summary.position_of`: ``support`` or ``oppose`` when only that side was
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

from collections import Counter
from dataclasses import asdict, dataclass

import pandas as pd

from core.analysis.summary import By, entity_names, position_of
from core.ingest.dates import to_datetimes

POLAR: tuple[str, ...] = ("support", "oppose")
VERDICTS: tuple[str, ...] = ("consistent", "shifted", "contested")
# Optional article metadata and provenance carried into timeline points when the stance table has it.
META_COLUMNS: tuple[str, ...] = ("title", "outlet", "country", "certainty", "attribution", "source")

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


parse_dates = to_datetimes  # ISO dates as datetime64, NaT when missing (core.ingest.dates)


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


# --- timeline points -----------------------------------------------------------------------------


def timeline_points(stances: pd.DataFrame, issue: str, by: By = "actor") -> pd.DataFrame:
    """One row per dated statement on ``issue``: ``TIMELINE_COLUMNS`` plus those of ``META_COLUMNS``
    (title, outlet, certainty, ...) the stance table has, sorted by date, article id and offsets.

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
# Grouping and verdicts run on plain tuples: a corpus has thousands of entity × issue pairs, and
# per-group pandas operations would cost milliseconds each.


@dataclass(frozen=True)
class _Statement:
    entity: str
    issue: str
    stance: str
    quote: str
    article_id: str
    start_char: int
    end_char: int
    confidence: float
    day: str  # 'YYYY-MM-DD', '' when undated


def _grouped(stances: pd.DataFrame, by: By, issue: str | None) -> list[tuple[str, str, list[_Statement]]]:
    """(entity, issue, statements) sorted by entity and issue; statements in date order (undated
    last), then article id, offsets and original row."""
    frame = _prepared(stances, by)
    if issue is not None:
        frame = frame[frame["issue"] == issue]
    days = frame["date"].dt.strftime("%Y-%m-%d").fillna("") if len(frame) else pd.Series(dtype=object)
    statements = [
        _Statement(*values)
        for values in zip(
            frame["entity"].astype(str),
            frame["issue"],
            frame["stance"],
            frame["quote"],
            frame["article_id"],
            frame["start_char"].astype(int),
            frame["end_char"].astype(int),
            frame["confidence"].astype(float),
            days,
        )
    ]
    groups: dict[tuple[str, str], list[_Statement]] = {}
    for statement in statements:  # already in date/article/offset/row order
        groups.setdefault((statement.entity, statement.issue), []).append(statement)
    return [(entity, key_issue, groups[(entity, key_issue)]) for entity, key_issue in sorted(groups)]


def _counts(statements: list[_Statement]) -> Counter:
    return Counter(s.stance for s in statements)


def _day_positions(statements: list[_Statement]) -> list[tuple[str, str]]:
    """(day, position) for each dated day of one entity × issue group, in date order."""
    by_day: dict[str, Counter] = {}
    for s in statements:
        if s.day:
            by_day.setdefault(s.day, Counter())[s.stance] += 1
    return [(day, position_of(c["support"], c["oppose"])) for day, c in sorted(by_day.items())]


def _runs(days: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Consecutive one-sided days with the same side, as (side, first day, last day)."""
    runs: list[tuple[str, str, str]] = []
    for day, position in days:
        if position not in POLAR:
            continue
        if runs and runs[-1][0] == position:
            runs[-1] = (position, runs[-1][1], day)
        else:
            runs.append((position, day, day))
    return runs


def _evidence(statements: list[_Statement], last: bool) -> Evidence:
    """The highest-confidence statement (ties: the last or the first in article order)."""
    best = max(s.confidence for s in statements)
    candidates = [s for s in statements if s.confidence == best]
    s = candidates[-1 if last else 0]
    return Evidence(s.day, s.stance, s.quote, s.article_id, s.start_char, s.end_char)


def _group_shifts(entity: str, issue: str, statements: list[_Statement]) -> list[Shift]:
    runs = _runs(_day_positions(statements))
    shifts = []
    for (side_a, _, day_a), (side_b, day_b, _) in zip(runs, runs[1:]):
        before = [s for s in statements if s.day == day_a and s.stance == side_a]
        after = [s for s in statements if s.day == day_b and s.stance == side_b]
        shifts.append(Shift(entity, issue, _evidence(before, last=True), _evidence(after, last=False)))
    return shifts


def find_shifts(stances: pd.DataFrame, by: By = "actor", issue: str | None = None) -> list[Shift]:
    """Every change of side (see the module docstring), ordered by entity, issue and date."""
    shifts: list[Shift] = []
    for entity, key_issue, statements in _grouped(stances, by, issue):
        shifts += _group_shifts(entity, key_issue, statements)
    return shifts


def shifts_table(shifts: list[Shift]) -> pd.DataFrame:
    """The shifts as a flat table (``SHIFT_COLUMNS``), e.g. for display or download."""
    return pd.DataFrame([s.as_row() for s in shifts], columns=SHIFT_COLUMNS)


def _day(day: str, with_year: bool) -> str:
    """'2025-03-14' as '14 Mar' (or '14 Mar 2025')."""
    year, month, date = day.split("-")
    text = f"{int(date)} {_MONTHS[int(month) - 1]}"
    return f"{text} {year}" if with_year else text


def _span(side: str, first: str, last: str, with_year: bool, final: bool) -> str:
    verb = _VERBS[side]
    if final:
        return f"{verb} from {_day(first, with_year)}"
    if first == last:
        return f"{verb} on {_day(first, with_year)}"
    return f"{verb} {_day(first, with_year)} – {_day(last, with_year)}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _verdict(statements: list[_Statement]) -> tuple[str, int, str]:
    """(verdict, shift count, explanation) for one entity × issue group."""
    counts = _counts(statements)
    support, oppose, neutral = counts["support"], counts["oppose"], counts["neutral"]
    dated_days = [s.day for s in statements if s.day]
    undated = len(statements) - len(dated_days)
    with_year = len({d[:4] for d in dated_days}) > 1
    days = _day_positions(statements)
    runs = _runs(days)
    shifts = max(len(runs) - 1, 0)
    undated_note = f" ({_plural(undated, 'undated statement')})" if undated and dated_days else ""

    if not support and not oppose:
        return "consistent", shifts, f"took no side ({_plural(neutral, 'neutral statement')})"
    if not (support and oppose):
        side = "support" if support else "oppose"
        polar_days = [d for d, p in days if p == side]
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
    sides: dict[str, set[str]] = {}
    for s in statements:
        if s.stance in POLAR:
            sides.setdefault(s.article_id, set()).add(s.stance)
    split_articles = sorted(a for a, found in sides.items() if len(found) > 1)
    if split_articles:
        return "contested", shifts, f"both supported and opposed in article {', '.join(split_articles)}"
    text = ", ".join(
        _span(side, first, last, with_year, final=i == len(runs) - 1) for i, (side, first, last) in enumerate(runs)
    )
    if shifts == 1:
        return "shifted", shifts, text + undated_note
    if shifts > 1:
        return "contested", shifts, f"changed sides {shifts} times: {text}"
    return "contested", shifts, "both supported and opposed, but undated statements cannot be ordered in time"


def position_over_time(stances: pd.DataFrame, by: By = "actor", issue: str | None = None) -> pd.DataFrame:
    """One row per entity × issue (``POSITION_OVER_TIME_COLUMNS``) with its verdict and a short
    explanation such as "supported on 14 Mar, opposed from 26 Mar"; sorted by entity, then issue."""
    rows = []
    for entity, key_issue, statements in _grouped(stances, by, issue):
        counts = _counts(statements)
        dated = sorted(s.day for s in statements if s.day)
        verdict, shifts, explanation = _verdict(statements)
        rows.append(
            {
                "entity": entity,
                "issue": key_issue,
                "verdict": verdict,
                "first_date": dated[0] if dated else "",
                "last_date": dated[-1] if dated else "",
                "statements": len(statements),
                "support": counts["support"],
                "oppose": counts["oppose"],
                "neutral": counts["neutral"],
                "undated": len(statements) - len(dated),
                "shifts": shifts,
                "explanation": explanation,
            }
        )
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in POSITION_OVER_TIME_COLUMNS})
    return pd.DataFrame(rows, columns=POSITION_OVER_TIME_COLUMNS)
