"""One actor per person across articles: "President Trump", "Mr Trump" and "Donald Trump" are merged,
"Sergei Lavrov" and "Sergey Lavrov" too, but "Donald Trump" and "Lara Trump" stay apart.

Only ``actor_type == "person"`` names are touched (governments and countries are already canonical).
Rules, in this order:

1. **Titles** — honorifics and titles at the front of a name are stripped ("Prime Minister",
   "Mr", "Gen."); the list is ``seeds/titles.yaml`` (``core.knowledge.titles``: a broken file is
   an error naming the file and line). A name that is nothing but a title is left alone. Names
   with the same stripped form are one person.
2. **Spelling variants** — two full names (given name + surname) are one person when the surnames
   are compatible and the given names are equal or transliteration variants. Compatible surnames
   are equal, or start with the same letter, have at least 4 letters and differ by at most 1 edit
   (2 when both are longer than 6 letters). Given names may differ by 1 edit (same first letter).
   Before comparing, accents, dots and apostrophes are dropped, ``x`` reads ``ks`` and ``y`` reads
   ``i`` (Sergey/Sergei, Volodymyr/Volodimir, Zelensky/Zelenskyy/Zelenskiy, Alexander/Aleksandr).
   A pair where exactly one ends in "a" is never a variant (Maria/Mario, Zakharova/Zakharov: often
   a feminine form, so a different person). Middle names, when both have one, must be compatible
   too; a generational suffix ("Jr.", "III") must be equal.
3. **Short given names** — an initial or a prefix of at least 3 letters ("J. Vance", "Steve"
   for "Steven") joins the one person it fits, provided that person fits no one else either; when
   it fits two (J. Smith: John or Jane?) it is not merged.
4. **Surname only** — "Lavrov" joins the unique person with a full name and that surname (or a
   variant of it) whose country is compatible. When two people share the surname ("Donald Trump",
   "Lara Trump") nothing is merged.

Persons with different known countries are never merged; an empty country is compatible with any.
The canonical name of a merged person is its most frequent full form (title-stripped; frequency =
rows in the mentions, stance and quote tables), ties broken by the longest, then alphabetically.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from core.extraction.pipeline import Tables, actors_table
from core.extraction.words import NAME_SUFFIXES
from core.knowledge.titles import load_titles
from core.model import ACTOR_COLUMNS

PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al", "el", "ter"}
)
PERSON = "person"


def _fold(text: str) -> str:
    """Lower case without accents, dots, apostrophes or commas."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for mark in (".", ",", "'", "’"):
        text = text.replace(mark, "")
    return text


def _key(token: str) -> str:
    """A spelling key for transliteration variants."""
    return _fold(token).replace("x", "ks").replace("y", "i")


def _title_tokens(titles: tuple[str, ...]) -> list[tuple[str, ...]]:
    tokens = {tuple(_fold(w) for w in t.split()) for t in titles}
    return sorted((t for t in tokens if t and all(t)), key=lambda t: (-len(t), t))


def strip_titles(name: str, titles: tuple[str, ...] | None = None) -> str:
    """``name`` without leading titles ("Prime Minister Mark Carney" -> "Mark Carney"); a name
    that is only a title is returned unchanged."""
    return _strip(name, _title_tokens(titles if titles is not None else load_titles()))


def _strip(name: str, title_tokens: list[tuple[str, ...]]) -> str:
    words = name.split()
    changed = True
    while changed:
        changed = False
        folded = [_fold(w) for w in words]
        for title in title_tokens:
            k = len(title)
            if len(words) > k and tuple(folded[:k]) == title:
                words = words[k:]
                changed = True
                break
    return " ".join(words)


@dataclass(frozen=True)
class PersonName:
    """A title-stripped name split into spelling keys."""

    display: str
    given: tuple[str, ...]  # keys of the given and middle names, initials joined ("J. D." -> "jd")
    surname: str  # key of the surname, particles included ("von der leien")
    suffix: str  # "jr", "iii" or ""

    @property
    def full(self) -> bool:
        return bool(self.given)


def parse_name(display: str) -> PersonName:
    words = [w.strip(",") for w in display.split() if w.strip(",")]
    suffix = ""
    if len(words) > 1 and _fold(words[-1]) in NAME_SUFFIXES:
        suffix = _fold(words[-1])
        words = words[:-1]
    if not words:
        return PersonName(display, (), "", suffix)
    surname = [words[-1]]
    rest = words[:-1]
    while rest and rest[-1].islower() and _fold(rest[-1]) in PARTICLES:
        surname.insert(0, rest.pop())
    given: list[str] = []
    for word in rest:
        key = _key(word)
        if not key:
            continue
        if len(key) == 1 and given and len(given[-1]) == 1 and len(given) == 1:
            given[-1] += key  # "J. D." -> "jd", like "J.D." and "JD"
        else:
            given.append(key)
    return PersonName(display, tuple(given), _key(" ".join(surname)).replace(" ", ""), suffix)


def _levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _variant(a: str, b: str, max_edits: int) -> bool:
    """Spelling variants: same first letter, at least 4 letters, few edits, and not a pair where
    exactly one ends in "a" (Maria/Mario, Zakharova/Zakharov)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < 4:
        return False
    if a.endswith("a") != b.endswith("a") or abs(len(a) - len(b)) > max_edits:
        return False
    return _levenshtein(a, b) <= max_edits


def surnames_compatible(a: PersonName, b: PersonName) -> bool:
    if a.suffix != b.suffix:
        return False
    edits = 2 if min(len(a.surname), len(b.surname)) > 6 else 1
    return _variant(a.surname, b.surname, edits)


def _bare_fits(bare: PersonName, full: PersonName) -> bool:
    """A bare surname fits a full name with that surname; without a suffix of its own it fits any
    ("Trump" may be Donald Trump or Donald Trump Jr.)."""
    if bare.suffix and bare.suffix != full.suffix:
        return False
    return surnames_compatible(dataclasses.replace(bare, suffix=full.suffix), full)


def _given_relation(a: str, b: str) -> str:
    """"strong" (same or variant), "weak" (initial or prefix) or "" (different names)."""
    if _variant(a, b, 1):
        return "strong"
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and (len(short) == 1 or len(short) >= 3):
        return "weak"
    return ""


def given_relation(a: PersonName, b: PersonName) -> str:
    """How two full names' given names relate: "strong", "weak" or ""."""
    if not (a.full and b.full):
        return ""
    relation = _given_relation(a.given[0], b.given[0])
    if relation and len(a.given) > 1 and len(b.given) > 1:
        middle = _given_relation(a.given[1], b.given[1])
        if not middle:
            return ""
        if middle == "weak":
            relation = "weak"
    return relation


# --- clustering ----------------------------------------------------------------------------------


@dataclass
class _Unit:
    name: PersonName
    originals: Counter  # original actor name -> rows
    country: str

    @property
    def count(self) -> int:
        return sum(self.originals.values())


class _Clusters:
    """Union-find over units that keeps each person's members and known countries."""

    def __init__(self, units: list[_Unit]):
        self.units = units
        self.names = [u.name for u in units]
        self.parent = list(range(len(units)))
        self._members = {i: [i] for i in range(len(units))}
        self._countries = {i: {u.country} - {""} for i, u in enumerate(units)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def members(self, i: int) -> list[int]:
        return self._members[self.find(i)]

    def countries(self, i: int) -> set[str]:
        return self._countries[self.find(i)]

    def can_join(self, i: int, j: int) -> bool:
        return self.find(i) != self.find(j) and len(self.countries(i) | self.countries(j)) <= 1

    def union(self, i: int, j: int) -> None:
        a, b = sorted((self.find(i), self.find(j)))
        if a == b:
            return
        self.parent[b] = a
        self._members[a] = sorted(self._members[a] + self._members.pop(b))
        self._countries[a] |= self._countries.pop(b)

    def roots(self) -> list[int]:
        return sorted(self._members)


def _person_rows(stances: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """(name, country) of every row naming a person in the three tables."""
    parts = []
    sources = ((mentions, "actor", "actor_type"), (stances, "actor", "actor_type"), (quotes, "speaker", "speaker_type"))
    for frame, name_col, type_col in sources:
        if frame is None or frame.empty or name_col not in frame.columns or type_col not in frame.columns:
            continue
        rows = frame[frame[type_col].astype(str) == PERSON]
        country = rows["country"] if "country" in rows.columns else pd.Series("", index=rows.index)
        names = rows[name_col].fillna("").astype(str).str.strip()
        parts.append(pd.DataFrame({"name": names, "country": country.fillna("").astype(str).str.strip()}))
    if not parts:
        return pd.DataFrame({"name": pd.Series(dtype=object), "country": pd.Series(dtype=object)})
    rows = pd.concat(parts, ignore_index=True)
    return rows[rows["name"] != ""]


def _units(rows: pd.DataFrame, title_tokens: list[tuple[str, ...]]) -> list[_Unit]:
    originals: dict[str, Counter] = {}
    countries: dict[str, Counter] = {}
    # Count each distinct (name, country) pair once: a corpus repeats a few hundred names in
    # tens of thousands of rows, and stripping titles is the costly step.
    pairs = rows.groupby(["name", "country"], sort=True).size()
    stripped: dict[str, str] = {}
    for (name, country), count in pairs.items():
        display = stripped.get(name)
        if display is None:
            display = stripped[name] = _strip(name, title_tokens)
        originals.setdefault(display, Counter())[name] += int(count)
        countries.setdefault(display, Counter())
        if country:
            countries[display][country] += int(count)
    units = []
    for display in sorted(originals):
        known = countries[display]
        country = sorted(known.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if known else ""
        units.append(_Unit(parse_name(display), originals[display], country))
    # Most frequent first, so ties everywhere below resolve the same way on every run.
    return sorted(units, key=lambda u: (-u.count, -len(u.name.display), u.name.display))


def _deletions(key: str, depth: int = 2) -> set[str]:
    """``key`` with up to ``depth`` letters after the first deleted. Two keys with the same first
    letter within ``depth`` edits share one (the first letters align in an optimal alignment)."""
    found = {key}
    frontier = {key}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(1, len(w))}
        found |= frontier
    return found


def _surname_components(keys: list[str]) -> list[list[str]]:
    """Groups of surname keys linked by compatibility. A symmetric-deletion index proposes the few
    pairs worth an edit-distance check, so this stays fast on thousands of names."""
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    index: dict[str, list[str]] = {}
    for key in keys:
        if len(key) >= 4:  # shorter surnames only ever match exactly
            for variant in _deletions(key):
                index.setdefault(variant, []).append(key)
    for shared in index.values():
        for x, a in enumerate(shared):
            for b in shared[x + 1 :]:
                if find(a) != find(b) and _variant(a, b, 2 if min(len(a), len(b)) > 6 else 1):
                    parent[find(b)] = find(a)
    components: dict[str, list[str]] = {}
    for key in keys:
        components.setdefault(find(key), []).append(key)
    return sorted(components.values())


def _cluster(units: list[_Unit]) -> _Clusters:
    """Union the units into people (rules 2-4 of the module docstring). Only names whose surnames
    are linked by compatibility can be one person, so each such group is clustered on its own."""
    clusters = _Clusters(units)
    by_surname: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        by_surname.setdefault(unit.name.surname, []).append(i)
    for component in _surname_components(sorted(by_surname)):
        bucket = sorted(i for key in component for i in by_surname[key])
        if len(bucket) > 1:
            _cluster_bucket(clusters, bucket)
    return clusters


def _cluster_bucket(clusters: _Clusters, bucket: list[int]) -> None:
    names = clusters.names

    def groups() -> dict[int, list[int]]:
        return {root: clusters.members(root) for root in sorted({clusters.find(i) for i in bucket})}

    def countries(members: list[int]) -> set[str]:
        return clusters.countries(members[0])

    # 2. spelling variants of full names, and of bare surnames among themselves
    for x, i in enumerate(bucket):
        for j in bucket[x + 1 :]:
            a, b = names[i], names[j]
            if not surnames_compatible(a, b) or not clusters.can_join(i, j):
                continue
            if (a.full and b.full and given_relation(a, b) == "strong") or (not a.full and not b.full):
                clusters.union(i, j)

    def fits(ours: list[int], theirs: list[int]) -> bool:
        """Every full name of one person fits every full name of the other."""
        ours = [j for j in ours if names[j].full]
        theirs = [j for j in theirs if names[j].full]
        return bool(ours and theirs) and all(
            surnames_compatible(names[a], names[b]) and given_relation(names[a], names[b]) for a in ours for b in theirs
        )

    # 3. initials and short given names: two people join when each is the only one the other fits
    #    ("J. Smith" stays apart from both "John Smith" and "Jane Smith")
    changed = True
    while changed:
        changed = False
        people = groups()
        known = {root: countries(members) for root, members in people.items()}

        def candidates(root: int, people: dict = people, known: dict = known) -> list[int]:
            return [
                other
                for other, members in people.items()
                if other != root and len(known[root] | known[other]) <= 1 and fits(people[root], members)
            ]

        for root in sorted(people):
            found = candidates(root)
            if len(found) == 1 and candidates(found[0]) == [root]:
                clusters.union(root, found[0])
                changed = True
                break

    # 4. a bare surname joins the unique full-name person with that surname and a compatible country
    #    (decided on the people as they stand after rule 3, so the order of names does not matter)
    people = groups()
    joins = []
    for root, members in people.items():
        if any(names[j].full for j in members):
            continue
        found = [
            other
            for other, theirs in people.items()
            if other != root
            and len(countries(members) | countries(theirs)) <= 1
            and any(names[j].full and _bare_fits(names[i], names[j]) for i in members for j in theirs)
        ]
        if len(found) == 1:
            joins.append((root, found[0]))
    for root, other in joins:
        if clusters.can_join(root, other):
            clusters.union(root, other)


def _plan(
    stances: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame, titles: tuple[str, ...] | None
) -> tuple[dict[str, str], dict[str, str]]:
    """(variant -> canonical, canonical -> known country of the merged person)."""
    title_tokens = _title_tokens(titles if titles is not None else load_titles())
    units = _units(_person_rows(stances, quotes, mentions), title_tokens)
    clusters = _cluster(units)
    mapping: dict[str, str] = {}
    countries: dict[str, str] = {}
    for root in clusters.roots():
        members = [units[j] for j in clusters.members(root)]
        originals = {o for u in members for o in u.originals}
        if len(originals) < 2:
            continue
        forms = [u for u in members if u.name.full] or members
        canonical = sorted(forms, key=lambda u: (-u.count, -len(u.name.display), u.name.display))[0].name.display
        for original in sorted(originals):
            if original != canonical:
                mapping[original] = canonical
        known = clusters.countries(root)
        countries[canonical] = next(iter(known)) if known else ""
    return mapping, countries


def actor_merge_map(
    stances: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame, titles: tuple[str, ...] | None = None
) -> dict[str, str]:
    """Variant person name -> canonical name, for every person merged with another spelling
    (see the module docstring). Names that stay as they are do not appear."""
    return _plan(stances, quotes, mentions, titles)[0]


# --- applying the map ----------------------------------------------------------------------------


def _rename(
    frame: pd.DataFrame, name_col: str, type_col: str, mapping: dict[str, str], countries: dict[str, str]
) -> pd.DataFrame:
    frame = frame.copy()
    if frame.empty or name_col not in frame.columns:
        return frame
    names = frame[name_col].fillna("").astype(str)
    if type_col in frame.columns:
        is_person = frame[type_col].astype(str) == PERSON
    else:
        is_person = pd.Series(True, index=frame.index)
    hit = is_person & names.isin(list(mapping))
    merged = names.where(~hit, names.map(mapping))
    frame.loc[hit, name_col] = merged[hit]
    if "country" in frame.columns:
        target = is_person & merged.isin(list(countries))
        empty = frame["country"].fillna("").astype(str).str.strip() == ""
        fill = target & empty
        frame.loc[fill, "country"] = merged[fill].map(countries)
    return frame


def _with_aliases(actors: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    variants: dict[str, set[str]] = {}
    for variant, canonical in mapping.items():
        variants.setdefault(canonical, set()).add(variant)
    actors = actors.copy()
    aliases = []
    for actor, alias in zip(actors["actor"], actors["aliases"]):
        seen = {a.strip() for a in str(alias or "").split(";") if a.strip()} | variants.get(actor, set())
        seen.discard(actor)
        aliases.append("; ".join(sorted(seen)))
    actors["aliases"] = aliases
    return actors


def _regroup_actors(actors: pd.DataFrame, mapping: dict[str, str], countries: dict[str, str]) -> pd.DataFrame:
    """The actors table merged by itself, when there are no mentions to rebuild it from."""
    if actors.empty:
        return actors.copy()
    renamed = _rename(actors, "actor", "actor_type", mapping, countries)
    rows = []
    for actor, group in renamed.groupby("actor", sort=False):
        def first(column: str, group: pd.DataFrame = group) -> str:
            values = [str(v) for v in group[column].fillna("") if str(v)]
            return Counter(values).most_common(1)[0][0] if values else ""

        aliases = {a.strip() for v in group["aliases"].fillna("") for a in str(v).split(";") if a.strip()}
        rows.append(
            {
                "actor": actor,
                "actor_type": first("actor_type"),
                "country": first("country"),
                "role": first("role"),
                "aliases": "; ".join(sorted(aliases)),
                "mentions": int(pd.to_numeric(group["mentions"], errors="coerce").fillna(0).sum()),
            }
        )
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return table.sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)


def _mentions_from_actors(actors: pd.DataFrame) -> pd.DataFrame:
    """Stand-in mentions (each actor repeated by its mention count) when only the actors table is
    known."""
    if actors.empty or not {"actor", "actor_type"} <= set(actors.columns):
        return pd.DataFrame(columns=["actor", "actor_type", "country"])
    counts = pd.to_numeric(actors.get("mentions", 1), errors="coerce")
    counts = pd.Series(counts, index=actors.index).fillna(1).clip(lower=1).astype(int)
    frame = actors.reindex(columns=["actor", "actor_type", "country"], fill_value="")
    return frame.loc[frame.index.repeat(counts)].reset_index(drop=True)


def merge_actors(tables: Tables, titles: tuple[str, ...] | None = None) -> Tables:
    """New tables with every merged person under its canonical name: stance ``actor`` and
    ``source``, quote ``speaker``, mention ``actor``. A merged person's known country fills the
    rows that had none. The actors table is rebuilt from the merged mentions (roles kept from the
    old actors table when the mentions carry none), with the variant names among the aliases.
    The input tables are not modified."""
    plan_mentions = tables.mentions if not tables.mentions.empty else _mentions_from_actors(tables.actors)
    mapping, countries = _plan(tables.stances, tables.quotes, plan_mentions, titles)
    if not mapping:
        return dataclasses.replace(
            tables,
            stances=tables.stances.copy(),
            quotes=tables.quotes.copy(),
            actors=tables.actors.copy(),
            mentions=tables.mentions.copy(),
            warnings=list(tables.warnings),
        )
    stances = _rename(tables.stances, "actor", "actor_type", mapping, countries)
    if "source" in stances.columns and not stances.empty:
        sources = stances["source"].fillna("").astype(str)
        stances["source"] = sources.map(lambda s: mapping.get(s, s))
    quotes = _rename(tables.quotes, "speaker", "speaker_type", mapping, countries)
    mentions = tables.mentions
    if not mentions.empty:
        old = tables.actors
        roles = {}
        if not old.empty and "role" in old.columns:
            roles = {a: str(r) for a, r in zip(old["actor"], old["role"].fillna("")) if str(r)}
        if "role" in mentions.columns:
            own = mentions["role"].fillna("").astype(str)
        else:
            own = pd.Series("", index=mentions.index)
        mentions = mentions.assign(role=own.where(own != "", mentions["actor"].map(lambda a: roles.get(a, ""))))
        actors = _with_aliases(actors_table(_rename(mentions, "actor", "actor_type", mapping, countries)), mapping)
        merged_mentions = _rename(tables.mentions, "actor", "actor_type", mapping, countries)
    else:
        merged_mentions = mentions.copy()
        actors = _with_aliases(_regroup_actors(tables.actors, mapping, countries), mapping)
    return dataclasses.replace(
        tables, stances=stances, quotes=quotes, actors=actors, mentions=merged_mentions, warnings=list(tables.warnings)
    )
