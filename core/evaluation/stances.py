"""Scoring a stance table against hand-made gold tables.

Both tables are reduced to sets of triples per article: (country, issue, stance) and
(actor, issue, stance). A gold row is *required* (a careful coder always codes it) or *optional*
(defensible, but a second coder might leave it out; ``tests/gold/CODING.md``). Recall is the share of
required gold triples found; precision is the share of predicted triples that equal any gold triple
of the same article, required or optional.

Names are compared after the same normalisation on both sides (``NameMatcher``): case, accents,
punctuation and leading titles are ignored, aliases of the actors file map to their canonical
name, and within one article a surname alone or an acronym is matched to the one full name it fits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from core.corpus.merge import _fold, load_titles, strip_titles
from core.knowledge.gazetteer import Knowledge

GOLD_REQUIRED = ("actor", "country", "issue", "stance")
YES = {"yes", "y", "true", "1", ""}  # an old table without the column: every row is required


class GoldError(ValueError):
    """A gold file that cannot be used."""


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one level, with the triples behind them.

    ``true_positives`` predicted triples are in the gold (any row); ``found`` of the ``gold``
    required triples were predicted. Without optional gold rows the two are equal."""

    level: str
    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int
    missed: tuple[tuple[str, ...], ...]
    spurious: tuple[tuple[str, ...], ...]
    found: int = -1

    def __post_init__(self) -> None:
        if self.found < 0:
            object.__setattr__(self, "found", self.true_positives)

    def line(self) -> str:
        found = "" if self.found == self.true_positives else f"; {self.found} of {self.gold} required found"
        return (
            f"{self.level:<28} precision {self.precision:.2f}  recall {self.recall:.2f}  "
            f"F1 {self.f1:.2f}  ({self.true_positives} of {self.predicted} predicted, "
            f"{self.gold} gold{found})"
        )

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.true_positives,
            "predicted": self.predicted,
            "found": self.found,
            "required": self.gold,
        }


def read_gold(path: str | Path) -> pd.DataFrame:
    """A gold CSV (``#`` lines are comments) with a ``required`` column ("yes"/"no"; all yes when
    the table has none) and an ``evidence`` column ('' when the table has none)."""
    path = Path(path)
    try:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise GoldError(f"{path}: cannot read the gold table ({str(exc).splitlines()[0]})") from None
    missing = [c for c in GOLD_REQUIRED if c not in gold.columns]
    if missing:
        raise GoldError(f"{path}: the gold table lacks the column(s) {', '.join(missing)}")
    if "required" not in gold.columns:
        gold["required"] = "yes"
    bad = sorted({v for v in gold["required"] if v.strip().lower() not in YES | {"no", "n", "false", "0"}})
    if bad:
        raise GoldError(f"{path}: 'required' must be yes or no, not {', '.join(map(repr, bad))}")
    gold["required"] = ["yes" if v.strip().lower() in YES else "no" for v in gold["required"]]
    if "evidence" not in gold.columns:
        gold["evidence"] = ""
    return gold


# ------------------------------------------------------------------------------------------ names

_WORD = re.compile(r"[^\W_]+")
# Words an acronym skips ("National Rifle Association" = NRA, "Bank of England" = BoE).
_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "to", "a"})


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_fold(name)))


def _acronym_of(short: str, tokens: tuple[str, ...]) -> bool:
    """Whether ``short`` (as written) is the acronym of a name of ``tokens``."""
    letters = re.sub(r"[.\s]", "", short)
    if len(letters) < 2 or not letters.isupper() or not letters.isalpha():
        return False
    initials = "".join(t[0] for t in tokens if t not in _ACRONYM_SKIP)
    return len(tokens) >= 2 and letters.lower() == initials


# A target name of no known type (a challenge case's): any rule of the predicted actor's type applies.
ANY_TYPE = "any"


class NameMatcher:
    """Normalises actor names the same way for gold and machine rows."""

    def __init__(self, knowledge: Knowledge | None = None, titles: tuple[str, ...] | None = None) -> None:
        self.knowledge = knowledge
        self.titles = titles if titles is not None else load_titles()
        # canonical() of each name seen: align() compares every name with every other, and
        # stripping titles folds the whole titles list each time.
        self._canonical: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        """The display name a name stands for: the actors file's canonical name for a known alias,
        else the name without leading titles."""
        name = " ".join(str(name).split())
        if name not in self._canonical:
            self._canonical[name] = self._canonical_of(name)
        return self._canonical[name]

    def _canonical_of(self, name: str) -> str:
        if not name:
            return ""
        if self.knowledge is not None:
            for candidate in (name, strip_titles(name, self.titles)):
                known = self.knowledge.person(candidate) or self.knowledge.organization(candidate)
                if known is not None:
                    return known.name
            # (a country by another form of its name: "Democratic Republic of Congo", "Congo" and
            # "Democratic Republic of the Congo" are one actor; not a capital, a seat or a city named
            # after it, "Mexico City", "White House", nor a code, which a body's acronym may be)
            country = self._country_named(name) or self._government_named(name)
            if country:
                return country
            # (a body of a country either way round: "Congress of Peru", "Peru Congress" and "Peru's
            # Congress"; "Senate of the United States", "US Senate" and "United States Senate")
            body, of, place = name.rpartition(" of ")
            country = self._country_named(place) if of and body else ""
            if country:
                return f"{country} {strip_titles(body, self.titles)}"
            words = name.split()
            for n in range(min(3, len(words) - 1), 0, -1):
                head = " ".join(words[:n])
                country = self._country_named(head.removesuffix("'s").removesuffix("’s")) or self.knowledge.case_sensitive_places.get(head, "")
                if country:
                    return f"{country} {' '.join(words[n:])}"
        return strip_titles(name, self.titles)

    def _government_named(self, name: str) -> str:
        """The country whose government ``name`` names ("the Italian government", "Italy's
        government", "the government of Italy"), '' otherwise: the coding guide names a government
        by its country, and a coder writing it so means that actor."""
        assert self.knowledge is not None
        words = name.removesuffix("'s").removesuffix("’s").split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) > 2 and [w.lower() for w in words[:2]] == ["government", "of"]:
            place = " ".join(words[2:])
        elif len(words) > 1 and words[-1].lower() == "government":
            place = " ".join(words[:-1]).removesuffix("'s").removesuffix("’s")
        else:
            return ""
        # (any form of the country's name, a code too: "the US government", "Britain's government")
        return self.knowledge.country_of(place) or self.knowledge.demonyms.get(place.lower(), "")

    def _country_named(self, name: str) -> str:
        """The country ``name`` is a form of the name of (its words, "the" and "of" aside, are the
        country's own), '' otherwise."""
        assert self.knowledge is not None
        country = self.knowledge.country_of(name)
        if not country or name.lower() in self.knowledge.demonyms:
            return ""
        own = set(_tokens(country)) | {"the", "of"}
        return country if set(_tokens(name)) <= own else ""

    def key(self, name: str) -> str:
        """The comparison key: folded words of the canonical name, without a leading "the"."""
        words = _tokens(self.canonical(name))
        return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)

    def same(self, short: str, full: str, actor_type: str = "person") -> bool:
        """Whether ``short`` can stand for ``full`` within one article: the same words; for a person,
        the surname alone ("Okafor" = "Amara Okafor"); for a body, its acronym ("ACLU"). Only the
        rule of the actor's type applies, so "House" never stands for "White House"."""
        a, b = _tokens(self.canonical(short)), _tokens(self.canonical(full))
        if not a or not b:
            return False
        if a == b:
            return True
        if actor_type == "person":
            return len(a) == 1 and len(b) > 1 and a[0] == b[-1]
        # (the acronym of the name as written, too: "RBI" for "Reserve Bank of India", whose
        # canonical form is "India Reserve Bank")
        return _acronym_of(self.canonical(short), b) or _acronym_of(short, _tokens(full))

    def align(self, names: list[str] | list[tuple[str, str]], targets: list[str] | list[tuple[str, str]]) -> dict[str, str]:
        """Map each of ``names`` (or ``(name, actor_type)`` pairs) to the key of the target it stands
        for. Equal keys always match. Otherwise a short form matches a full one, either way round
        ("Sanders" -> "Bernie Sanders" and "Bernie Sanders" -> "Sanders"), only one to one: the
        name fits no other target, no other name fits that target, and no name already has the
        target's key, and the name is not a short form of another of ``names`` ("Clinton" stays apart
        when "Hillary Clinton" is predicted too, "Johnson" when "Mike Johnson" is, and when the gold
        says "Clinton", neither "Bill" nor "Hillary Clinton" takes it if both are predicted).
        Names that match nothing keep their own key."""
        pairs = [(n, "person") if isinstance(n, str) else (str(n[0]), str(n[1] or "person")) for n in names]
        goals = [(t, "person") if isinstance(t, str) else (str(t[0]), str(t[1] or "person")) for t in targets]
        target_keys = {self.key(t): (t, kind) for t, kind in goals if self.key(t)}
        own = {name: self.key(name) for name, _ in pairs}
        exact = {key for key in own.values() if key in target_keys}
        fits: dict[str, set[str]] = {}
        for name, kind in pairs:
            if not own[name] or own[name] in target_keys:
                continue
            if any(own[other] != own[name] and self.same(name, other, kind) for other, _ in pairs):
                continue  # the short form could be another name the same table gives in full
            fits[name] = {
                key for key, (target, target_kind) in target_keys.items()
                if key not in exact and (kind == target_kind or target_kind == ANY_TYPE or "person" not in (kind, target_kind))
                and (self.same(name, target, kind) or self.same(target, name, kind))
            }
        takers: dict[str, int] = {}
        for keys in fits.values():
            for key in keys:
                takers[key] = takers.get(key, 0) + 1
        mapping: dict[str, str] = {}
        for name, _ in pairs:
            keys = fits.get(name, set())
            if len(keys) == 1 and takers[next(iter(keys))] == 1:
                mapping[name] = next(iter(keys))
            else:
                mapping[name] = own[name]
        return mapping


def country_key(name: str, knowledge: Knowledge | None = None) -> str:
    """Folded canonical country ("US", "U.S." and "United States" agree)."""
    name = " ".join(str(name).split())
    if not name:
        return ""
    if knowledge is not None:
        name = knowledge.country_of(name) or name
    return " ".join(_tokens(name))


# ---------------------------------------------------------------------------------------- triples


@dataclass
class KeyedTables:
    """Predicted and gold rows with comparison keys: ``key_actor`` and ``key_country``."""

    predicted: pd.DataFrame
    gold: pd.DataFrame


def keyed(predicted: pd.DataFrame, gold: pd.DataFrame, knowledge: Knowledge | None = None) -> KeyedTables:
    """Both tables with comparison keys added; a predicted actor is aligned to the gold actor of
    the same article it stands for (``NameMatcher.align``)."""
    matcher = NameMatcher(knowledge)
    predicted = _conformed(predicted)
    gold = _conformed(gold)
    if not gold["article_id"].astype(bool).any():  # a gold without article ids scores every row
        predicted["article_id"] = ""
        gold["article_id"] = ""
    for frame in (predicted, gold):
        frame["key_country"] = [country_key(c, knowledge) for c in frame["country"]] if len(frame) else []
    gold["key_actor"] = [matcher.key(a) for a in gold["actor"]] if len(gold) else []
    predicted["key_actor"] = ""  # filled per article: names align with that article's gold
    for article_id, rows in predicted.groupby("article_id", sort=False):
        targets = gold.loc[gold["article_id"] == article_id, ["actor", "actor_type"]]
        mapping = matcher.align(named_pairs(rows), named_pairs(targets))
        predicted.loc[rows.index, "key_actor"] = [mapping.get(a, "") for a in rows["actor"]]
    return KeyedTables(predicted, gold)


SCORED_COLUMNS = ("article_id", "actor", "actor_type", "country", "issue", "stance")


def _conformed(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with every column the scorer reads (missing ones empty), as text."""
    table = table.copy()
    for column in SCORED_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    for column in SCORED_COLUMNS:
        table[column] = table[column].fillna("").astype(str)
    return table


def named_pairs(rows: pd.DataFrame) -> list[tuple[str, str]]:
    """Distinct (name, actor type) pairs, a name's first type winning."""
    seen: dict[str, str] = {}
    for name, kind in zip(rows["actor"], rows["actor_type"]):
        seen.setdefault(str(name), str(kind))
    return sorted(seen.items())


def _triples(table: pd.DataFrame, key: str) -> set[tuple[str, ...]]:
    if table.empty:
        return set()
    return {
        (str(a), str(k), str(i).strip(), str(s).strip())
        for a, k, i, s in zip(table["article_id"], table[key], table["issue"], table["stance"])
        if str(k).strip()
    }


def score_sets(predicted: set, gold_all: set, gold_required: set, level: str) -> Score:
    """Precision of ``predicted`` against every gold triple, recall of the required ones."""
    correct = len(predicted & gold_all)
    found = len(predicted & gold_required)
    precision = correct / len(predicted) if predicted else 0.0
    recall = found / len(gold_required) if gold_required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        level,
        precision,
        recall,
        f1,
        correct,
        len(predicted),
        len(gold_required),
        tuple(sorted(gold_required - predicted)),
        tuple(sorted(predicted - gold_all)),
        found,
    )


LEVELS = (("country", "key_country", "(country, issue, stance)"), ("actor", "key_actor", "(actor, issue, stance)"))


def _display(triples: tuple, names: dict[tuple[str, str], str], per_article: bool) -> tuple:
    """Triples as a reader wants them: the name as written (not the folded key), with the article
    id only when several articles are scored."""
    shown = []
    for article_id, key, issue, stance in triples:
        name = names.get((article_id, key), key)
        shown.append(((article_id,) if per_article else ()) + (name, issue, stance))
    return tuple(sorted(set(shown)))


def evaluate_keyed(tables: KeyedTables) -> list[Score]:
    required = tables.gold[tables.gold["required"] == "yes"] if "required" in tables.gold else tables.gold
    per_article = len(set(tables.gold["article_id"]) | set(tables.predicted["article_id"])) > 1
    scores = []
    for column, key, label in LEVELS:
        names: dict[tuple[str, str], str] = {}
        for frame in (tables.predicted, tables.gold):  # gold spelling wins where both have one
            names.update(zip(zip(frame["article_id"], frame[key]), frame[column]))
        result = score_sets(_triples(tables.predicted, key), _triples(tables.gold, key), _triples(required, key), label)
        scores.append(
            Score(**{**result.__dict__, "missed": _display(result.missed, names, per_article), "spurious": _display(result.spurious, names, per_article)})
        )
    return scores


def triple_confidences(tables: KeyedTables, level: str) -> list[tuple[float, bool]]:
    """Each predicted (holder, issue, stance) triple of ``level`` ("country" or "actor") as the
    scores count it, with its confidence (the highest of the rows that make it) and whether a
    coder coded it (any gold row of the article, required or optional: precision's test).
    A row without a usable confidence counts as 0."""
    key = dict((name, column) for name, column, _ in LEVELS)[level]
    predicted = tables.predicted
    if predicted.empty:
        return []
    confidence = pd.to_numeric(predicted["confidence"], errors="coerce").fillna(0.0) if "confidence" in predicted else pd.Series(0.0, index=predicted.index)
    best: dict[tuple[str, ...], float] = {}
    for a, k, i, s, c in zip(predicted["article_id"], predicted[key], predicted["issue"], predicted["stance"], confidence):
        if str(k).strip():
            triple = (str(a), str(k), str(i).strip(), str(s).strip())
            best[triple] = max(best.get(triple, 0.0), float(c))
    gold = _triples(tables.gold, key)
    return [(c, triple in gold) for triple, c in sorted(best.items())]


def confidence_bands(pairs: Iterable[tuple[float, bool]], edges: Sequence[float]) -> list[dict]:
    """How often a row is right at each confidence: ``pairs`` (confidence, right) counted in the
    bands between consecutive ``edges`` (ascending; each band holds its low edge, the last one
    also its high edge), as dicts of low, high, rows, right and precision (None without rows).
    Confidences below the first edge or above the last are left out."""
    edges = sorted(set(float(e) for e in edges))
    if len(edges) < 2:
        raise ValueError("confidence bands need at least two distinct edges")
    counts = [[0, 0] for _ in edges[:-1]]
    for confidence, right in pairs:
        if not edges[0] <= confidence <= edges[-1]:
            continue
        band = min(bisect_right(edges, confidence), len(edges) - 1) - 1  # (the last edge belongs to the last band)
        counts[band][0] += 1
        counts[band][1] += bool(right)
    return [{"low": low, "high": high, "rows": rows, "right": right, "precision": round(right / rows, 4) if rows else None}
            for (low, high), (rows, right) in zip(zip(edges, edges[1:]), counts)]


def evaluate_stances(predicted: pd.DataFrame, gold: pd.DataFrame, knowledge: Knowledge | None = None) -> list[Score]:
    """Country-level and actor-level scores of a predicted stance table, pooled over articles.

    When the gold names its articles, only those articles' predictions are scored and triples are
    counted per article (the same position in two articles counts twice)."""
    if "required" not in gold.columns:
        gold = gold.assign(required="yes")
    if "article_id" in gold.columns and not predicted.empty and "article_id" in predicted.columns:
        ids = {a for a in gold["article_id"] if a}
        if ids:
            predicted = predicted[predicted["article_id"].isin(ids)]
    return evaluate_keyed(keyed(predicted, gold, knowledge))


# ------------------------------------------------------------------------------------- agreement


def agreement(first: pd.DataFrame, second: pd.DataFrame, knowledge: Knowledge | None = None) -> list[Score]:
    """Inter-coder agreement, scored exactly as the machine is: the second coder's rows are the
    prediction, the first coder's table (the one the machine is scored against) the gold, with
    its required and optional rows. So the figure is the machine's ceiling on the same terms."""
    return evaluate_stances(second, first, knowledge)


def symmetric_agreement(first: pd.DataFrame, second: pd.DataFrame, knowledge: Knowledge | None = None) -> list[Score]:
    """Plain set F1 of the two coders' triples, every row counted (required or not)."""
    return evaluate_stances(second.assign(required="yes"), first.assign(required="yes"), knowledge)


# ---------------------------------------------------------------------------------- error kinds

MISSED_KINDS = ("actor unresolved", "wrong polarity", "issue not matched", "wrong holder", "missed holder")
SPURIOUS_KINDS = ("wrong polarity", "wrong holder", "no such position in the gold")


@dataclass
class ErrorCounts:
    """What went wrong, at actor level: each missed required gold triple and each spurious
    predicted triple gets one kind (the first that applies, in the order of the KINDS tuples)."""

    missed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MISSED_KINDS, 0))
    spurious: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SPURIOUS_KINDS, 0))
    examples: list[dict] = field(default_factory=list)

    def add(self, other: ErrorCounts) -> None:
        for kind, n in other.missed.items():
            self.missed[kind] += n
        for kind, n in other.spurious.items():
            self.spurious[kind] += n
        self.examples += other.examples


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence-like stretch of ``text`` holding ``[start, end)``: from the previous sentence end
    or line break to the next (a rough splitter, so it needs no parser)."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() + 1 if after else len(text)]


def error_kinds(
    tables: KeyedTables,
    article_text: str,
    codebook,
    known_actor_keys: set[str],
) -> ErrorCounts:
    """Error kinds of one article (``tables`` keyed, holding that article only).

    Missed required gold triples:
    * actor unresolved: the system found no mention of the holder anywhere in the article;
    * wrong polarity: the system has the holder on the issue with another stance;
    * issue not matched: no codebook pattern of the issue matches the sentence of the gold evidence;
    * wrong holder: the system has the issue and stance for a holder the gold lacks (each such
      spurious row explains one missed row, not several);
    * missed holder: holder and issue were both found, yet no row was made.
    Spurious predicted triples: wrong polarity, wrong holder, or no such position in the gold."""
    counts = ErrorCounts()
    predicted = _triples(tables.predicted, "key_actor")
    gold_all = _triples(tables.gold, "key_actor")
    required_rows = tables.gold[tables.gold["required"] == "yes"]
    spurious = predicted - gold_all
    unclaimed: dict[tuple[str, str], int] = {}  # spurious rows per (issue, stance) not yet paired
    for triple in spurious:
        unclaimed[(triple[2], triple[3])] = unclaimed.get((triple[2], triple[3]), 0) + 1
    seen: set[tuple[str, ...]] = set()
    for _, row in required_rows.iterrows():
        triple = (str(row["article_id"]), row["key_actor"], str(row["issue"]).strip(), str(row["stance"]).strip())
        if not row["key_actor"] or triple in predicted or triple in seen:
            continue
        seen.add(triple)
        _, actor, issue, stance = triple
        evidence = str(row.get("evidence", "") or "")
        at = article_text.find(evidence) if evidence else -1
        sentence = sentence_around(article_text, at, at + len(evidence)) if at >= 0 else ""
        if actor not in known_actor_keys:
            kind = "actor unresolved"
        elif any(p[1] == actor and p[2] == issue and p[3] != stance for p in predicted):
            kind = "wrong polarity"
        elif at >= 0 and issue not in {m.issue for m in codebook.find(sentence)}:
            kind = "issue not matched"
        elif unclaimed.get((issue, stance), 0) > 0:
            unclaimed[(issue, stance)] -= 1
            kind = "wrong holder"
        else:
            kind = "missed holder"
        counts.missed[kind] += 1
        counts.examples.append({"article_id": triple[0], "error": "missed", "kind": kind, "actor": row["actor"], "issue": issue, "stance": stance})
    gold_pairs = {(g[1], g[2]) for g in gold_all}
    gold_issue_stance = {(g[2], g[3]) for g in gold_all}
    for triple in sorted(spurious):
        _, actor, issue, stance = triple
        if (actor, issue) in gold_pairs:
            kind = "wrong polarity"
        elif (issue, stance) in gold_issue_stance:
            kind = "wrong holder"
        else:
            kind = "no such position in the gold"
        counts.spurious[kind] += 1
        counts.examples.append({"article_id": triple[0], "error": "spurious", "kind": kind, "actor": actor, "issue": issue, "stance": stance})
    return counts
