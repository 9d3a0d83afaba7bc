"""Human review of stance rows: analysts confirm, correct or reject machine rows and add the
statements the machine missed. Pure functions over DataFrames; the reviews themselves are stored
append-only by :meth:`core.corpus.store.CorpusStore.add_review` (columns ``core.corpus.store.REVIEW_COLUMNS``).

How reviews are applied (:func:`apply_reviews`):

* A review names the machine row it applies to by its **row key**: article id, ``start_char``,
  ``end_char``, issue and actor (as shown in the table the reviewer saw), plus the stance.
* Of the reviews with the same key, the **latest wins** (the history is kept, nothing is undone).
* A review finds its row by the exact key, stance included (one actor may hold two stances on
  the same span and issue: their reviews are independent). Only when no row has the exact key
  (re-extraction or actor merging changed the row slightly) it falls back to the row with the
  same article, span, issue and actor, then to the row with the same article, span and issue,
  each when exactly one row has them and no review names that row exactly.
* ``confirm`` marks the row, ``correct`` replaces the editable fields the analyst changed (the
  others follow the current machine row), ``reject`` drops it, and
  ``add`` appends a human-made row with its evidence. A correction whose machine row no longer
  exists is still applied, as a human-made row built from the original row's evidence; a confirm
  or reject that finds no row is **stale** (:func:`stale_reviews`).
* Rows a person vouched for (confirmed, corrected, added) get confidence 1.0.

Every row keeps its evidence valid: ``text[start_char:end_char] == quote`` (an added statement is
made by :func:`added_statement`, which checks the span against the article text).

What the Review page decides is here too, as pure functions: which articles it offers
(:func:`review_article_ids`), the rows of one article in reading order and by review status, one
row per statement (:func:`distinct_rows`), where the reviewer goes next (:func:`next_unreviewed`),
which form fields changed and where typed evidence lies in its sentence (:func:`evidence_span`).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import SupportsInt

import pandas as pd

from core.corpus.store import REVIEW_ACTIONS, REVIEW_COLUMNS
from core.model import ACTOR_TYPES, ATTRIBUTIONS, CERTAINTIES, STANCE_COLUMNS, STANCES

# What a correction may change; an added statement also has its evidence (ADDED_FIELDS).
EDITABLE_FIELDS: tuple[str, ...] = ("actor", "actor_type", "country", "issue", "stance", "certainty")
ADDED_FIELDS: tuple[str, ...] = (*EDITABLE_FIELDS, "start_char", "end_char", "quote", "attribution", "source", "sentence")
# The columns of a gold CSV as ``core.evaluation.stances.read_gold`` reads it.
GOLD_COLUMNS: list[str] = [
    "article_id", "sentence", "actor", "actor_type", "country", "issue", "stance", "certainty", "attribution", "source", "quote",
]
HUMAN_CONFIDENCE = 1.0  # the confidence of a row a person confirmed, corrected or added

RowKey = tuple[str, int, int, str, str, str]  # (article_id, start_char, end_char, actor, issue, stance)
_MatchKey = tuple[str, int, int, str, str]  # (article_id, start_char, end_char, issue, actor)
_DecisionKey = tuple[str, int, int, str, str, str]  # _MatchKey + (stance,)
_OPENING_QUOTES = "\"'“‘«„"


class ReviewError(ValueError):
    """A review that cannot be stored (a bad span, an unknown value); one line for the user."""


# --- row keys ------------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _offset(value: object) -> int:
    """A character offset or id from a table cell; -1 when there is none (None, NaN, text)."""
    if not isinstance(value, (str, SupportsInt)):
        return -1
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return -1


def review_row_key(row: Mapping[str, object]) -> RowKey:
    """What identifies a stance row as shown: ``(article_id, start_char, end_char, actor, issue,
    stance)``. The UI can use it as a stable id of a row (widget keys, selections)."""
    return (
        _text(row.get("article_id")),
        _offset(row.get("start_char")),
        _offset(row.get("end_char")),
        _text(row.get("actor")),
        _text(row.get("issue")),
        _text(row.get("stance")),
    )


def _match_key(row: Mapping[str, object]) -> _MatchKey:
    article_id, start, end, actor, issue, _ = review_row_key(row)
    return (article_id, start, end, issue, actor)


@dataclass(frozen=True)
class ReviewTarget:
    """The machine row (or added row) a new review applies to: its key and its original values."""

    article_id: str
    start_char: int
    end_char: int
    actor: str
    issue: str
    stance: str
    original: dict[str, object] = field(default_factory=dict)


def review_target(row: Mapping[str, object], history: pd.DataFrame | None = None) -> ReviewTarget:
    """The key a review of ``row`` (a row of the reviewed table) must carry so that it supersedes
    the earlier reviews of the same statement.

    An unreviewed row is its own target. A reviewed row (``review_id`` >= 0, found in ``history``)
    targets what the review that decided it targeted: a corrected row its original machine row,
    an added row the statement as added."""
    review_id = _offset(row.get("review_id", -1))
    if history is not None and review_id >= 0 and _text(row.get("review")) and not history.empty:
        found = history[pd.to_numeric(history["id"], errors="coerce") == review_id]
        if not found.empty:
            decided = found.iloc[0]
            if decided["action"] == "add":
                original = {"article_id": decided["article_id"], **json.loads(decided["new_values"] or "{}")}
                return _target_of(original)
            return ReviewTarget(
                article_id=str(decided["article_id"]),
                start_char=_offset(decided["start_char"]),
                end_char=_offset(decided["end_char"]),
                actor=_text(decided["original_actor"]),
                issue=_text(decided["original_issue"]),
                stance=_text(decided["original_stance"]),
                original=json.loads(decided["original_values"] or "{}"),
            )
    return _target_of({c: row[c] for c in STANCE_COLUMNS if c in row})


def _target_of(original: dict[str, object]) -> ReviewTarget:
    article_id, start, end, actor, issue, stance = review_row_key(original)
    return ReviewTarget(article_id, start, end, actor, issue, stance, dict(original))


# --- validating values ---------------------------------------------------------------------------


def validate_values(values: Mapping[str, object], issues: Collection[str] | None = None) -> dict[str, str]:
    """The editable fields (EDITABLE_FIELDS) of ``values``, stripped and checked: an actor and an
    issue (one of ``issues`` when given), a known actor type, stance and certainty. Raises
    ReviewError naming the first bad field."""
    unknown = sorted(set(values) - set(EDITABLE_FIELDS))
    if unknown:
        raise ReviewError(f"a review can change only {', '.join(EDITABLE_FIELDS)}; not {', '.join(unknown)}")
    clean = {name: _text(values.get(name)) for name in EDITABLE_FIELDS}
    if not clean["actor"]:
        raise ReviewError("the actor is empty; name who takes the stance")
    if not clean["issue"]:
        raise ReviewError("the issue is empty; choose an issue of the codebook")
    if issues is not None and clean["issue"] not in issues:
        raise ReviewError(f"'{clean['issue']}' is not an issue of the codebook")
    for name, allowed in (("actor_type", ACTOR_TYPES), ("stance", STANCES), ("certainty", CERTAINTIES)):
        if clean[name] not in allowed:
            raise ReviewError(f"{name.replace('_', ' ')} '{clean[name]}' is not one of {', '.join(allowed)}")
    return clean


def corrected_values(
    shown: Mapping[str, object], new: Mapping[str, object], issues: Collection[str] | None = None
) -> dict[str, str]:
    """The full editable values of a correction: the row as shown, with ``new`` on top, checked
    by :func:`validate_values`."""
    unknown = sorted(set(new) - set(EDITABLE_FIELDS))
    if unknown:
        raise ReviewError(f"a correction can change only {', '.join(EDITABLE_FIELDS)}; not {', '.join(unknown)}")
    merged = {name: shown.get(name, "") for name in EDITABLE_FIELDS}
    merged.update(new)
    return validate_values(merged, issues)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: split after . ! ? (and closing quotes or
    brackets) followed by white space, and at line breaks; empty pieces are dropped.
    The same rule as the sentence numbers of added statements; the Review page offers these
    spans to pick a missed statement from."""
    spans, start = [], 0
    for end in re.finditer(r"[.!?]+[\"'”’)\]]*\s+|\n+", text):
        spans.append((start, end.start() + len(end.group().rstrip())))
        start = end.end()
    spans.append((start, len(text)))
    out = []
    for begin, finish in spans:
        piece = text[begin:finish]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            out.append((begin + lead, begin + lead + len(piece)))
    return out


def _sentence_number(text: str, start: int) -> int:
    """The 1-based number of the sentence ``start`` falls in, numbered by :func:`sentence_spans`
    (the rule of the Review page's sentence picker, so "#2" there stores sentence 2; an
    approximation of the parser's sentences). An offset between two sentences belongs to the
    one before it."""
    return max(1, sum(1 for begin, _ in sentence_spans(text) if begin <= start))


def added_statement(
    article_text: str,
    article_id: str,
    start_char: int,
    end_char: int,
    actor: str,
    actor_type: str,
    country: str,
    issue: str,
    stance: str,
    certainty: str,
    *,
    attribution: str = "",
    source: str = "",
    sentence: int | None = None,
    issues: Collection[str] | None = None,
) -> dict[str, object]:
    """A stance row (all STANCE_COLUMNS) for a statement a person marked in the article text.

    The span must lie within the text and hold more than whitespace; surrounding whitespace is
    trimmed and the offsets moved with it, so ``quote == article_text[start_char:end_char]``.
    ``attribution`` "" means direct when the span opens with a quotation mark, else narrative;
    ``sentence`` None means counted from the text. Raises ReviewError with a clear message."""
    start, end = _span_offset(start_char, "start"), _span_offset(end_char, "end")
    if not 0 <= start <= len(article_text) or not 0 <= end <= len(article_text):
        raise ReviewError(f"the span {start}–{end} is outside the article text (0–{len(article_text)} characters)")
    if start >= end:
        raise ReviewError(f"the span {start}–{end} is empty: its start must come before its end")
    raw_start, raw_end = start, end
    while start < end and article_text[start].isspace():
        start += 1
    while end > start and article_text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ReviewError(f"the span {raw_start}–{raw_end} holds only whitespace; select the words of the statement")
    values = validate_values(
        {"actor": actor, "actor_type": actor_type, "country": country, "issue": issue, "stance": stance, "certainty": certainty},
        issues,
    )
    quote = article_text[start:end]
    attribution = _text(attribution) or ("direct" if quote[0] in _OPENING_QUOTES else "narrative")
    if attribution not in ATTRIBUTIONS:
        raise ReviewError(f"attribution '{attribution}' is not one of {', '.join(ATTRIBUTIONS)}")
    return {
        "article_id": article_id,
        "sentence": int(sentence) if sentence is not None else _sentence_number(article_text, start),
        **values,
        "attribution": attribution,
        "source": _text(source),
        "quote": quote,
        "start_char": start,
        "end_char": end,
        "confidence": HUMAN_CONFIDENCE,
    }


def _span_offset(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ReviewError(f"the span's {name} '{value}' is not a character offset")
    try:
        number = float(value)
    except ValueError:
        raise ReviewError(f"the span's {name} '{value}' is not a character offset") from None
    if number != int(number):
        raise ReviewError(f"the span's {name} '{value}' is not a whole character offset")
    return int(number)


# --- applying reviews ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Review:
    id: int
    article_id: str
    action: str
    key: _MatchKey
    stance: str
    original: dict[str, object]
    new: dict[str, object]


def _parsed(reviews: pd.DataFrame | None) -> list[_Review]:
    if reviews is None or reviews.empty:
        return []
    out = []
    for row in reviews.to_dict(orient="records"):
        if row.get("action") not in REVIEW_ACTIONS:
            continue
        article_id = _text(row.get("article_id"))
        key = (article_id, _offset(row.get("start_char")), _offset(row.get("end_char")),
               _text(row.get("original_issue")), _text(row.get("original_actor")))
        out.append(
            _Review(
                id=_offset(row.get("id")),
                article_id=article_id,
                action=str(row["action"]),
                key=key,
                stance=_text(row.get("original_stance")),
                original=json.loads(row.get("original_values") or "{}"),
                new=json.loads(row.get("new_values") or "{}"),
            )
        )
    return sorted(out, key=lambda r: r.id)


@dataclass
class _Resolved:
    table: pd.DataFrame
    stale_ids: list[int]


def _resolve(stances: pd.DataFrame, reviews: pd.DataFrame | None) -> _Resolved:
    """The reviewed table and the ids of stale reviews (see the module docstring): added
    statements first, then each confirm/correct/reject matched to its row and applied; corrections
    whose row is gone survive as human-made rows, confirms and rejects without a row go stale."""
    machine = _machine_table(stances)
    parsed = _parsed(reviews)
    if not parsed:
        machine["review_id"] = machine["review_id"].astype("int64")
        return _Resolved(machine, [])
    table = _with_added(machine, parsed)
    decisions = _latest_decisions(parsed)
    found = _match_decisions(table.to_dict(orient="records"), decisions)
    row_decision: dict[int, _Review] = {}  # row position -> the latest review matched to it
    orphans: list[_Review] = []
    for review in decisions:
        if review.id in found:
            row_decision[found[review.id]] = review
        else:
            orphans.append(review)
    table = _appended(_decided(table, row_decision), _orphan_corrections(orphans))
    stale_ids = [review.id for review in orphans if review.action != "correct"]
    return _Resolved(_tidied(table), stale_ids)


def _machine_table(stances: pd.DataFrame) -> pd.DataFrame:
    """A copy of the machine rows with every stance column, unreviewed (``review`` "",
    ``review_id`` -1), numbered from 0."""
    machine = stances.reset_index(drop=True).copy()
    for name in STANCE_COLUMNS:
        if name not in machine.columns:
            machine[name] = pd.Series(dtype=object, index=machine.index)
    machine["review"] = ""
    machine["review_id"] = -1
    return machine


def _with_added(machine: pd.DataFrame, parsed: list[_Review]) -> pd.DataFrame:
    """``machine`` with the added statements appended: one per key (span, actor, issue and stance:
    support and opposition on the same words are two statements), the latest add winning; a
    machine row with the same key gives way to the added one."""
    added: dict[RowKey, _Review] = {}
    for review in parsed:
        if review.action == "add":
            added[review_row_key({"article_id": review.article_id, **review.new})] = review
    if added and not machine.empty:
        keep = [review_row_key(row) not in added for row in machine.to_dict(orient="records")]
        machine = machine[keep]
    added_rows = [
        {**{c: review.new.get(c) for c in STANCE_COLUMNS}, "article_id": review.article_id,
         "confidence": HUMAN_CONFIDENCE, "review": "added", "review_id": review.id}
        for review in added.values()
    ]
    return _appended(machine, added_rows)


def _decision_key(review: _Review) -> _DecisionKey:
    return (*review.key, review.stance)


def _latest_decisions(parsed: list[_Review]) -> list[_Review]:
    """The latest confirm/correct/reject of each decision key (stance included), oldest first."""
    decisions: dict[_DecisionKey, _Review] = {}
    for review in parsed:
        if review.action != "add":
            decisions[_decision_key(review)] = review
    return sorted(decisions.values(), key=lambda review: review.id)


@dataclass
class _RowIndex:
    """Row positions of a table by the keys a review may find its row by, strictest first."""

    exact: dict[_DecisionKey, list[int]] = field(default_factory=dict)  # article, span, issue, actor, stance
    by_actor: dict[_MatchKey, list[int]] = field(default_factory=dict)  # article, span, issue, actor
    by_span: dict[tuple[str, int, int, str], list[int]] = field(default_factory=dict)  # article, span, issue

    @classmethod
    def of(cls, records: list[dict[str, object]]) -> _RowIndex:
        index = cls()
        for position, row in enumerate(records):
            key = _match_key(row)
            index.exact.setdefault((*key, _text(row.get("stance"))), []).append(position)
            index.by_actor.setdefault(key, []).append(position)
            index.by_span.setdefault(key[:4], []).append(position)
        return index


def _match_decisions(records: list[dict[str, object]], decisions: list[_Review]) -> dict[int, int]:
    """Review id -> the row position each decision applies to. Exact keys first; then, for the
    others, the one row with the same article, span, issue and actor, else the one row with the
    same article, span and issue; a fallback never takes a row a review names exactly."""
    index = _RowIndex.of(records)
    found: dict[int, int] = {}
    for review in decisions:
        exact = index.exact.get(_decision_key(review))
        if exact:
            found[review.id] = exact[0]
    claimed = set(found.values())
    for review in decisions:
        if review.id in found:
            continue
        for candidates in (index.by_actor.get(review.key, []), index.by_span.get(review.key[:4], [])):
            if candidates:
                if len(candidates) == 1 and candidates[0] not in claimed:
                    found[review.id] = candidates[0]
                break
    return found


def _decided(table: pd.DataFrame, row_decision: dict[int, _Review]) -> pd.DataFrame:
    """``table`` with each row's decision applied: rejected rows dropped, corrections written,
    the others marked confirmed (an added row stays "added"); every decided row gets the
    human confidence and its review's id."""
    dropped: list[int] = []
    for position, review in row_decision.items():
        was_added = table.at[position, "review"] == "added"
        if review.action == "reject":
            dropped.append(position)
            continue
        if review.action == "correct":
            for name, value in _changes(review).items():
                table.at[position, name] = value
        table.at[position, "review"] = "added" if was_added else ("corrected" if review.action == "correct" else "confirmed")
        table.at[position, "review_id"] = review.id
        table.at[position, "confidence"] = HUMAN_CONFIDENCE
    return table.drop(index=dropped)


def _orphan_corrections(orphans: list[_Review]) -> list[dict[str, object]]:
    """Human-made rows for the corrections whose row is gone: the original row's evidence with
    the corrected values."""
    return [
        {**{c: review.original.get(c) for c in STANCE_COLUMNS},
         **{name: review.new[name] for name in EDITABLE_FIELDS if name in review.new},
         "article_id": review.article_id, "confidence": HUMAN_CONFIDENCE, "review": "corrected", "review_id": review.id}
        for review in orphans
        if review.action == "correct"
    ]


def _tidied(table: pd.DataFrame) -> pd.DataFrame:
    """Reviewed rows back with their article (articles in their first order, rows in theirs),
    numbered from 0, with whole-number offsets and review ids."""
    if not table.empty:
        order = {a: i for i, a in enumerate(dict.fromkeys(table["article_id"].astype(str)))}
        rank = table["article_id"].astype(str).map(order)
        table = table.iloc[rank.argsort(kind="stable")]
    table = table.reset_index(drop=True)
    table["review"] = table["review"].fillna("").astype(str)
    table["review_id"] = pd.to_numeric(table["review_id"], errors="coerce").fillna(-1).astype("int64")
    for name in ("start_char", "end_char", "sentence"):
        if name in table.columns and not table.empty:
            table[name] = pd.to_numeric(table[name], errors="coerce").fillna(-1).astype("int64")
    return table


def _changes(review: _Review) -> dict[str, object]:
    """The fields a correction changed: those of its new values that differ from the original row
    (all new values when the original is unknown). Applied to a row found again after
    re-extraction, the fields the analyst left alone follow the machine (e.g. a merged name)."""
    return {
        name: review.new[name]
        for name in EDITABLE_FIELDS
        if name in review.new and (name not in review.original or _text(review.new[name]) != _text(review.original[name]))
    }


def _appended(table: pd.DataFrame, rows: list[dict[str, object]]) -> pd.DataFrame:
    """``table`` with ``rows`` appended (same columns), renumbered from 0."""
    if not rows:
        return table.reset_index(drop=True)
    extra = pd.DataFrame(rows, columns=table.columns)
    if table.empty:
        return extra
    return pd.concat([table, extra], ignore_index=True)


def apply_reviews(stances: pd.DataFrame, reviews: pd.DataFrame | None) -> pd.DataFrame:
    """The reviewed stance table: ``stances`` (machine rows) with the latest review of each row
    applied and the added statements appended, plus the columns ``review`` ("", "confirmed",
    "corrected", "added") and ``review_id`` (-1 when unreviewed). ``reviews`` has the columns
    of :meth:`core.corpus.store.CorpusStore.reviews`. The inputs are not modified."""
    return _resolve(stances, reviews).table


def stale_reviews(stances: pd.DataFrame, reviews: pd.DataFrame | None) -> pd.DataFrame:
    """The confirms and rejects (each the latest of its row key) that match no row of
    ``stances`` any more, e.g. after re-extraction; rows of ``reviews``, oldest first."""
    return reviewed_and_stale(stances, reviews)[1]


def reviewed_and_stale(stances: pd.DataFrame, reviews: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`apply_reviews` and :func:`stale_reviews` from one matching of the reviews to the rows
    (the corpus needs both on every load)."""
    resolved = _resolve(stances, reviews)
    if reviews is None or reviews.empty:
        return resolved.table, pd.DataFrame(columns=REVIEW_COLUMNS)
    ids = pd.to_numeric(reviews["id"], errors="coerce")
    stale = reviews[ids.isin(set(resolved.stale_ids))].sort_values("id").reset_index(drop=True)
    return resolved.table, stale


# --- the audit trail in words -------------------------------------------------------------------


AUDIT_TRAIL_COLUMNS: list[str] = ["time", "reviewer", "action", "statement", "change", "note"]


def audit_trail(history: pd.DataFrame, issue_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The review log (:meth:`core.corpus.store.CorpusStore.reviews`, oldest first) in words: time,
    reviewer, action, the statement ("actor · issue label: stance") and what changed."""
    labels = dict(issue_labels or {})

    def label(issue: object) -> str:
        issue = str(issue or "")
        return labels.get(issue, issue) if issue else "(choose an issue)"

    lines = []
    for record in history.to_dict(orient="records"):
        original = json.loads(record.get("original_values") or "{}")
        new = json.loads(record.get("new_values") or "{}")
        action = str(record["action"])
        if action == "add":
            statement = f"{new.get('actor', '')} · {label(new.get('issue'))}: {new.get('stance', '')}"
            change = f"added “{new.get('quote', '')}” ({new.get('certainty', '')}, {new.get('country') or 'no country'})"
        else:
            statement = f"{record['original_actor']} · {label(record['original_issue'])}: {record['original_stance']}"
            if action == "correct":
                parts = [
                    f"{name.replace('_', ' ')}: {original.get(name) or '—'} → {new.get(name) or '—'}"
                    for name in EDITABLE_FIELDS
                    if name in new and str(new.get(name) or "") != str(original.get(name) or "")
                ]
                change = "; ".join(parts) or "values re-asserted"
            elif action == "confirm":
                change = "confirmed as shown"
            else:
                change = "rejected: removed from every view"
        lines.append({
            "time": str(record.get("created_at") or "")[:19].replace("T", " "),
            "reviewer": record.get("reviewer") or "—",
            "action": action,
            "statement": statement,
            "change": change,
            "note": record.get("note") or "",
        })
    return pd.DataFrame(lines, columns=AUDIT_TRAIL_COLUMNS)


def standing_rejections(history: pd.DataFrame) -> list[dict[str, object]]:
    """The rejections that still hold (no later review of the same row), newest first, each as the
    row it removed (its original values, unreviewed) plus ``_rejected_at``: what a "Restore" can
    bring back. Rows are told apart by the same key as :func:`apply_reviews` uses, stance
    included: one actor's two stances on one span are two rows."""
    latest: dict[tuple, dict] = {}
    for record in history.to_dict(orient="records"):
        if record["action"] == "add":
            continue
        key = (record["article_id"], int(record["start_char"]), int(record["end_char"]),
               record["original_issue"], record["original_actor"], record["original_stance"])
        latest[key] = record
    rows = []
    for record in latest.values():
        if record["action"] == "reject":
            original = json.loads(record.get("original_values") or "{}")
            rows.append({**original, "article_id": record["article_id"], "review": "", "review_id": -1,
                         "_rejected_at": str(record.get("created_at") or "")[:16].replace("T", " ")})
    return rows[::-1]


def reviewed_rows_of_issue(stances: pd.DataFrame, issue_id: str) -> int:
    """How many reviewed stance rows (a non-empty ``review``) carry ``issue_id``: the reviews a
    renaming of the issue would orphan (reviews are keyed by the issue id)."""
    if stances.empty or "review" not in stances.columns or "issue" not in stances.columns:
        return 0
    reviewed = stances["review"].fillna("").astype(str).str.strip() != ""
    return int((reviewed & (stances["issue"] == issue_id)).sum())


# --- gold export ---------------------------------------------------------------------------------


def gold_table(reviewed: pd.DataFrame) -> pd.DataFrame:
    """The confirmed, corrected and added rows of a reviewed table in the gold CSV's columns
    (GOLD_COLUMNS, as ``core.evaluation.stances.read_gold`` reads them)."""
    if reviewed.empty or "review" not in reviewed.columns:
        return pd.DataFrame(columns=GOLD_COLUMNS)
    rows = reviewed[reviewed["review"].isin(("confirmed", "corrected", "added"))]
    return rows.reindex(columns=GOLD_COLUMNS).fillna("").reset_index(drop=True)


# --- stale reviews, by article -------------------------------------------------------------------


def stale_articles(stale: pd.DataFrame) -> list[str]:
    """The ids of the articles that have stale reviews (rows of :func:`stale_reviews`), each once,
    in the order of their first stale review."""
    if stale is None or stale.empty or "article_id" not in stale.columns:
        return []
    return list(dict.fromkeys(_text(a) for a in stale["article_id"] if _text(a)))


# --- what the Review page offers ---------------------------------------------------------------

REVIEW_STATUSES: tuple[str, ...] = ("all", "todo", "done")  # all rows, not reviewed yet, reviewed


def review_article_ids(
    ordered: Sequence[str],
    articles: pd.DataFrame,
    stances: pd.DataFrame,
    *,
    statement_filter: bool,
    matching: Collection[str] | None = None,
) -> list[str]:
    """The stored articles the Review page offers, in the order of ``ordered`` (newest first).

    With a filter on statements set (``statement_filter``: country, actor, issue, stance or
    certainty), only the articles with rows in ``stances`` (the filtered table). Otherwise every
    article among ``matching`` (those passing the article filters; None: all) that is analysed
    (``statements`` >= 0 in ``articles``) or has rows, so that an article where the machine found
    nothing can still receive the statements it missed."""
    stored = set(articles["article_id"].astype(str))
    candidates = [a for a in ordered if a in stored]
    with_rows = set(stances["article_id"].astype(str)) if "article_id" in stances.columns else set()
    if statement_filter:
        return [a for a in candidates if a in with_rows]
    analysed = set(articles.loc[articles["statements"] >= 0, "article_id"].astype(str))
    keep = set(candidates) if matching is None else set(matching)
    return [a for a in candidates if a in keep and (a in analysed or a in with_rows)]


def article_rows(stances: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """The stance rows of one article in reading order (by span; the reviewer follows the text;
    rows of one span by actor, issue and stance, so that a row put back by :func:`with_rejections`
    takes the place it had), numbered from 0."""
    rows = stances[stances["article_id"] == article_id]
    return rows.sort_values(_row_order(rows), kind="stable").reset_index(drop=True)


_ROW_ORDER = ["start_char", "end_char", "actor", "issue", "stance"]


def _row_order(rows: pd.DataFrame) -> list[str]:
    return _ROW_ORDER if set(_ROW_ORDER) <= set(rows.columns) else _ROW_ORDER[:2]


def rows_with_status(rows: pd.DataFrame, status: str) -> pd.DataFrame:
    """``rows`` narrowed to a review status of REVIEW_STATUSES: "todo" the rows not reviewed yet,
    "done" the reviewed ones, "all" every row."""
    if status not in REVIEW_STATUSES:
        raise ReviewError(f"unknown review status '{status}'; use one of {', '.join(REVIEW_STATUSES)}")
    if status == "all":
        return rows
    reviewed = rows["review"] != ""
    return rows[~reviewed] if status == "todo" else rows[reviewed]


def row_token(row: Mapping[str, object]) -> str:
    """A stable text id of a shown row (its :func:`review_row_key` as JSON), for widget keys and
    selections."""
    return json.dumps(list(review_row_key(row)), ensure_ascii=False)


def distinct_rows(rows: pd.DataFrame) -> dict[str, dict[str, object]]:
    """The rows as the reviewer sees them, by :func:`row_token`, in their order: rows with the same
    key are one statement to the reviewer (a review names its row by that key), so the first of
    them stands for all."""
    out: dict[str, dict[str, object]] = {}
    for record in rows.to_dict(orient="records"):
        out.setdefault(row_token(record), {str(k): v for k, v in record.items()})
    return out


def next_unreviewed(rows: Mapping[str, Mapping[str, object]], current: str) -> str | None:
    """The token of the statement to show after an action on ``current``: the next one not reviewed
    yet after it, then from the top (``rows`` as :func:`distinct_rows` gives them, in order); None
    when every other statement is reviewed."""
    tokens = list(rows)
    position = tokens.index(current) if current in rows else -1
    following = tokens[position + 1:] + tokens[:max(position, 0)]
    return next((token for token in following if not rows[token].get("review")), None)


def changed_fields(row: Mapping[str, object], values: Mapping[str, object]) -> dict[str, str]:
    """The editable fields (EDITABLE_FIELDS) whose value in ``values`` (a correction form) differs
    from ``row``, compared without surrounding whitespace; the new values, stripped."""
    new = {name: str(values.get(name) or "").strip() for name in EDITABLE_FIELDS}
    return {name: value for name, value in new.items() if value != str(row.get(name) or "").strip()}


def evidence_span(text: str, sentence: tuple[int, int], evidence: str) -> tuple[int, int] | None:
    """Where ``evidence`` (words copied from one sentence of ``text``, given by its span) lies in
    ``text``: its first occurrence within the sentence, surrounding whitespace ignored. None when
    the evidence is empty or not a verbatim part of the sentence."""
    begin, end = sentence
    words = evidence.strip()
    offset = text[begin:end].find(words) if words else -1
    return (begin + offset, begin + offset + len(words)) if offset >= 0 else None


REJECTED = "rejected"  # the review state of a row a standing rejection removed (listed, restorable)
# How the progress line names each review state, in the order it lists them.
_STATE_WORDS: tuple[tuple[str, str], ...] = (
    ("confirmed", "confirmed"), ("corrected", "corrected"), ("added", "added"), (REJECTED, "rejected"),
)


def with_rejections(rows: pd.DataFrame, rejected: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """``rows`` (one article's reviewed stance rows, as :func:`article_rows` gives them) with the
    rows that standing rejections removed (:func:`standing_rejections`, already narrowed to the
    article and the filters) put back with ``review`` "rejected", in reading order, numbered from 0.

    A rejected row stays in the list so that the reviewer sees what was rejected, can restore it,
    and the count of statements never drops. A rejection whose row is listed already (same
    :func:`row_token`) adds nothing."""
    shown = {row_token(record) for record in rows.to_dict(orient="records")}
    extra = []
    for record in rejected:
        token = row_token(record)
        if token in shown:
            continue
        shown.add(token)
        extra.append({**{c: record.get(c) for c in rows.columns if c in record}, "review": REJECTED})
    if not extra:
        return rows.reset_index(drop=True)
    back = pd.DataFrame(extra, columns=rows.columns)
    for name in ("start_char", "end_char", "sentence"):
        if name in back.columns:
            back[name] = pd.to_numeric(back[name], errors="coerce").fillna(-1).astype("int64")
    both = back if rows.empty else pd.concat([rows, back], ignore_index=True)
    return both.sort_values(_row_order(both), kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class ReviewProgress:
    """How far the review of a list of statements is: ``total`` statements, ``reviewed`` of them
    (confirmed, corrected, added or rejected), and how many are in each of those states."""

    total: int
    reviewed: int
    states: Mapping[str, int]

    @property
    def text(self) -> str:
        """"2 of 25 reviewed (1 confirmed, 1 rejected)": rejected rows stay in the total."""
        parts = [f"{self.states[state]} {word}" for state, word in _STATE_WORDS if self.states.get(state)]
        return f"{self.reviewed} of {self.total} reviewed" + (f" ({', '.join(parts)})" if parts else "")

    @property
    def share(self) -> float:
        return self.reviewed / self.total if self.total else 0.0


def review_progress(rows: Mapping[str, Mapping[str, object]]) -> ReviewProgress:
    """The progress of ``rows`` (statements by token, as :func:`distinct_rows` gives them, rejected
    rows included)."""
    states = Counter(_text(row.get("review")) for row in rows.values())
    reviewed = sum(count for state, count in states.items() if state)
    return ReviewProgress(total=len(rows), reviewed=reviewed, states={k: v for k, v in states.items() if k})


def neighbour_row(rows: Mapping[str, object], current: str, step: int) -> str | None:
    """The token ``step`` places after ``current`` (before it when negative) in ``rows``' order,
    wrapping around; the first row when ``current`` is not among them; None when ``rows`` is empty."""
    tokens = list(rows)
    if not tokens:
        return None
    if current not in rows:
        return tokens[0]
    return tokens[(tokens.index(current) + step) % len(tokens)]
