"""Uncoded statements: finding, key phrases, grouping and suggested issues (trade/climate/health texts)."""

from __future__ import annotations

import pandas as pd

from core.analysis.uncoded import (
    group_uncoded,
    issue_draft_from_group,
    key_phrases,
    uncoded_statements,
)
from core.knowledge.codebook import load_codebook, with_issue
from core.model import QUOTE_COLUMNS
from tests.nlp_fixtures import TRADE_CODEBOOK

STATEMENTS: list[tuple[str, str]] = [
    ("Mara Velkov", "A carbon tax is the only honest answer."),  # coded: carbon_border_tax
    ("Mara Velkov", "We need wind farm subsidies in every coastal region."),
    ("Tomas Orrin", "Wind farm subsidies will pay for themselves within a decade."),
    ("Lina Park", "Cutting Wind Farm  Subsidies now would be reckless, and reform is overdue."),
    ("Tomas Orrin", "Hospital waiting lists are a national scandal."),
    ("Dr Amos Kell", "Hospital waiting lists grew again this winter."),
    ("", "Hospital waiting lists are long, an unnamed aide said."),  # no speaker
    ("Lina Park", "The weather was lovely in Geneva."),
    ("Mara Velkov", "   "),
]


def quotes_table() -> pd.DataFrame:
    rows = []
    for number, (speaker, text) in enumerate(STATEMENTS):
        rows.append(
            {
                "article_id": f"a{number % 3}",
                "speaker": speaker,
                "speaker_type": "person" if speaker else "",
                "country": "",
                "text": text,
                "start_char": 100 * number,
                "end_char": 100 * number + len(text),
                "kind": "direct",
                "cue": "said",
                "speaker_start": 100 * number - 20,
                "speaker_end": 100 * number - 10,
            }
        )
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def test_uncoded_statements_have_a_speaker_and_no_issue():
    codebook = load_codebook(TRADE_CODEBOOK)
    uncoded = uncoded_statements(quotes_table(), codebook)
    assert list(uncoded.columns) == QUOTE_COLUMNS
    assert list(uncoded.index) == [1, 2, 3, 4, 5, 7]
    assert all(not codebook.find(text) for text in uncoded["text"])
    assert list(uncoded.loc[4, ["article_id", "start_char", "end_char"]]) == ["a1", 400, 446]


def test_uncoded_statements_of_an_empty_table():
    codebook = load_codebook(TRADE_CODEBOOK)
    empty = uncoded_statements(pd.DataFrame(columns=QUOTE_COLUMNS), codebook)
    assert empty.empty and list(empty.columns) == QUOTE_COLUMNS


def test_key_phrases_skip_stopwords_numbers_and_short_words():
    text = "We said 42 times that plastic packaging must go. Plastic packaging is in the sea, in the UK and in us."
    phrases = key_phrases(text)
    assert phrases[0] == "plastic packaging"
    for phrase in phrases:
        words = phrase.split()
        assert words[0] not in {"we", "said", "that", "the", "in", "is", "42", "uk", "us"}
        assert words[-1] not in {"we", "said", "that", "the", "in", "is", "42", "uk", "us"}
        assert phrase == phrase.lower()


def test_key_phrases_are_ranked_by_score_then_first_appearance_and_limited():
    text = "Fishing quotas, fishing quotas and more fishing quotas for coastal towns and inland lakes."
    # score = occurrences x words: 3 x 2 for "fishing quotas", then the three-word phrases seen
    # once, then the two-word ones; equal scores keep the order of the text.
    assert key_phrases(text) == ["fishing quotas", "quotas for coastal", "towns and inland", "coastal towns", "inland lakes"]
    assert key_phrases(text, max_phrases=2) == ["fishing quotas", "quotas for coastal"]
    assert key_phrases("Ferry tolls, harbour dues.") == ["ferry tolls", "harbour dues"]
    assert key_phrases("Harbour dues, ferry tolls.") == ["harbour dues", "ferry tolls"]  # not alphabetical
    assert key_phrases("It is what it is.") == []


def test_key_phrases_keep_words_inside_but_not_across_punctuation():
    assert "tax on imports" in key_phrases("A tax on imports hurts.", max_phrases=10)
    assert all("hurts tax" not in p for p in key_phrases("It hurts. Tax rises.", max_phrases=10))


def grouped() -> pd.DataFrame:
    return group_uncoded(uncoded_statements(quotes_table(), load_codebook(TRADE_CODEBOOK)))


def test_grouping_by_shared_phrase_largest_first():
    groups = grouped()
    assert list(groups.columns) == ["phrase", "statements", "speakers", "examples", "rows"]
    assert list(groups["phrase"]) == ["wind farm subsidies", "hospital waiting lists"]
    assert list(groups["statements"]) == [3, 2]
    assert groups.loc[0, "speakers"] == "Mara Velkov; Tomas Orrin; Lina Park"
    assert groups.loc[1, "speakers"] == "Tomas Orrin; Dr Amos Kell"
    assert groups.loc[1, "rows"] == [("a1", 400, 446), ("a2", 500, 546)]
    assert len(groups.loc[0, "examples"]) == 3
    assert groups.attrs["ungrouped"] == 1  # the weather in Geneva


def test_grouping_limits_and_determinism():
    uncoded = uncoded_statements(quotes_table(), load_codebook(TRADE_CODEBOOK))
    assert grouped().equals(grouped())
    one = group_uncoded(uncoded, max_groups=1)
    assert list(one["phrase"]) == ["wind farm subsidies"] and one.attrs["ungrouped"] == 3
    none = group_uncoded(uncoded, min_group=4)
    assert none.empty and none.attrs["ungrouped"] == 6
    assert group_uncoded(uncoded.iloc[0:0]).attrs["ungrouped"] == 0


def test_long_examples_are_shortened():
    text = "Ocean shipping emissions " + "really " * 60 + "matter."
    uncoded = pd.DataFrame(
        [{"article_id": "x", "speaker": "Ada Quill", "text": text, "start_char": 0, "end_char": len(text)}] * 2
    )
    (example, _) = group_uncoded(uncoded).loc[0, "examples"]
    assert len(example) <= 160 and example.endswith("…")


def test_issue_draft_id_is_unique_and_its_pattern_codes_the_group():
    codebook = load_codebook(TRADE_CODEBOOK)
    groups = grouped()
    draft = issue_draft_from_group(groups.loc[0, "phrase"], codebook)
    assert draft.id == "wind_farm_subsidies"
    assert draft.label == "Wind farm subsidies"
    assert "edit me" in draft.description and draft.description.startswith("Support =")
    extended = with_issue(codebook, draft)
    assert extended.digest != codebook.digest
    uncoded = uncoded_statements(quotes_table(), codebook)
    for article_id, start, _end in groups.loc[0, "rows"]:
        (text,) = uncoded[(uncoded["article_id"] == article_id) & (uncoded["start_char"] == start)]["text"]
        assert [m.issue for m in extended.find(text)] == ["wind_farm_subsidies"]
    assert len(uncoded_statements(quotes_table(), extended)) == len(uncoded) - 3
    again = issue_draft_from_group("wind farm subsidies", extended)
    assert again.id == "wind_farm_subsidies_2"
    assert issue_draft_from_group("wind farm subsidies", with_issue(extended, again)).id == "wind_farm_subsidies_3"


def test_a_group_becomes_an_issue_with_its_phrase_as_a_term():
    draft = issue_draft_from_group("carbon-neutral  fuels", load_codebook(TRADE_CODEBOOK))
    assert draft.terms == ["carbon-neutral fuels"] and draft.patterns == []
    book = with_issue(load_codebook(TRADE_CODEBOOK), draft)
    text = "Carbon-neutral fuel, carbon neutral fuels, but not carbonXneutral fuels."
    assert [text[m.start_char:m.end_char] for m in book.find(text) if m.issue == draft.id] == ["Carbon-neutral fuel", "carbon neutral fuels"]
    assert issue_draft_from_group("Santé publique!", load_codebook(TRADE_CODEBOOK)).id == "sante_publique"


# --- the fast implementation against brute-force references ----------------------------------

import random  # noqa: E402

from core.analysis.uncoded import (  # noqa: E402
    GROUP_COLUMNS,
    _group_row,
    _phrase_counts,
    _phrase_score,
)
from core.knowledge.codebook import codebook_from_dict  # noqa: E402

WORDS = ["wind", "farm", "subsidies", "harbour", "bridge", "fishing", "quotas", "grain", "exports", "teacher",
         "pay", "the", "and", "said", "of", "42", "UK", "Geneva", "carbon", "tax"]


def reference_uncoded(quotes: pd.DataFrame, codebook) -> pd.DataFrame:
    """The definition: a speaker, a non-blank text and ``codebook.find(text)`` empty."""
    def clean(value: object) -> str:
        return "" if pd.isna(value) else str(value)

    keep = [
        bool(clean(speaker).strip()) and bool(clean(text).strip()) and not codebook.find(clean(text))
        for speaker, text in zip(quotes["speaker"], quotes["text"])
    ]
    return quotes[pd.Series(keep, index=quotes.index, dtype=bool)]


def reference_groups(uncoded: pd.DataFrame, min_group: int = 2, max_groups: int = 20) -> pd.DataFrame:
    """The original algorithm: rebuild every phrase's members from scratch for each group."""
    texts = uncoded["text"].fillna("").astype(str).tolist() if "text" in uncoded.columns else []
    phrases_of = [set(_phrase_counts(text)) for text in texts]
    ungrouped = set(range(len(texts)))
    groups = []
    while len(groups) < max_groups:
        members: dict[str, list[int]] = {}
        for position in sorted(ungrouped):
            for phrase in phrases_of[position]:
                members.setdefault(phrase, []).append(position)
        shared = [(p, rows) for p, rows in members.items() if len(rows) >= max(min_group, 1)]
        if not shared:
            break
        phrase, rows = min(shared, key=lambda i: (-_phrase_score(i[0], len(i[1])), -len(i[1]), -len(i[0].split()), i[0]))
        groups.append((phrase, rows))
        ungrouped.difference_update(rows)
    groups.sort(key=lambda group: -len(group[1]))
    table = pd.DataFrame([_group_row(uncoded, phrase, rows) for phrase, rows in groups], columns=GROUP_COLUMNS)
    table.attrs["ungrouped"] = len(ungrouped)
    table.attrs["ungrouped_rows"] = sorted(ungrouped)
    return table


def random_quotes(rng: random.Random, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 9))]
        text = " ".join(words) + rng.choice(["", ".", ", and more", "  "])
        rows.append({"article_id": f"a{i % 4}", "speaker": rng.choice(["Ada Quill", "Bo Lund", "", None]),
                     "text": rng.choice([text, text, text.upper(), None]), "start_char": i * 10, "end_char": i * 10 + 5})
    return pd.DataFrame(rows)


TRICKY_CODEBOOKS = [
    [[r"\bwind\s+farms?\b"], [r"\btax\b", "carbon"]],
    [["x*"], ["bridge|y?"]],  # patterns that also match empty text: only non-empty matches count
    [[r"(\w+) \1"], ["grain"]],  # a backreference: never combined into one pattern
    [["(?x) fishing \\s+ quotas"], ["teacher"]],  # a global inline flag: cannot be combined
    [["(?P<w>pay)"], ["(?P<w>harbour)"]],  # a group name used twice: cannot be combined
    [["(?i:GENEVA)"], [r"(?<=the )pay"], [r"\d+"]],
]


def tricky_codebook(patterns: list[list[str]]):
    return codebook_from_dict({"issues": [{"id": f"i{n}", "patterns": p} for n, p in enumerate(patterns)]})


def test_uncoded_statements_equal_the_definition_on_random_inputs():
    rng = random.Random(3)
    for patterns in TRICKY_CODEBOOKS:
        codebook = tricky_codebook(patterns)
        for _ in range(15):
            quotes = random_quotes(rng, rng.randint(0, 30))
            if quotes.empty:
                continue
            expected = reference_uncoded(quotes, codebook)
            assert uncoded_statements(quotes, codebook).equals(expected), patterns


def test_grouping_equals_the_brute_force_reference_on_random_inputs():
    rng = random.Random(11)
    for _ in range(60):
        quotes = random_quotes(rng, rng.randint(1, 40))
        quotes["text"] = quotes["text"].fillna("")
        min_group, max_groups = rng.choice([1, 2, 3]), rng.choice([1, 2, 5, 20])
        got = group_uncoded(quotes, min_group=min_group, max_groups=max_groups)
        expected = reference_groups(quotes, min_group=min_group, max_groups=max_groups)
        assert got.equals(expected) and got.attrs == expected.attrs, (min_group, max_groups)
    without_evidence = random_quotes(rng, 25).drop(columns=["article_id", "start_char", "end_char"]).fillna("")
    assert group_uncoded(without_evidence).equals(reference_groups(without_evidence))


def synthetic_quotes(n: int) -> pd.DataFrame:
    """Real-looking statements varied with numbers, names and places (a large corpus in miniature)."""
    rng = random.Random(5)
    names = ["Mara Velkov", "Tomas Orrin", "Lina Park", "Dr Amos Kell", "Ada Quill", "Bo Lund", "Ines Roth"]
    places = ["Geneva", "Lagos", "Oslo", "Lima", "Hanoi", "Quito", "Tallinn", "Perth", "Dakar", "Bergen"]
    templates = [
        "We need wind farm subsidies in {p} by {y}, and {n} new turbines",
        "Hospital waiting lists in {p} grew by {n} percent this winter",
        "The harbour bridge near {p} will cost {n} million, {name} warned",
        "Teacher pay in {p} has fallen behind inflation since {y}",
        "Grain exports through {p} rose to {n} thousand tonnes",
        "The meeting with {name} in {p} was constructive",
        "Plastic packaging on {n} beaches around {p} must go",
        "Rail freight from {p} to {q} doubled in {y}",
    ]
    vocabulary = ["coastal", "regional", "urgent", "municipal", "seasonal", "digital", "northern", "public", "rural"]
    rows = []
    for i in range(n):
        text = rng.choice(templates).format(n=rng.randint(2, 999), y=rng.randint(1990, 2030), p=rng.choice(places),
                                            q=rng.choice(places), name=rng.choice(names))
        text += " " + " ".join(rng.choice(vocabulary) + str(rng.randint(0, 50)) for _ in range(rng.randint(0, 4))) + "."
        rows.append({"article_id": f"art{i // 20}", "speaker": rng.choice(names), "text": text,
                     "start_char": (i % 20) * 400, "end_char": (i % 20) * 400 + len(text)})
    return pd.DataFrame(rows)


def test_five_thousand_quotes_are_found_and_grouped():
    """A corpus-sized table goes through; how fast is measured by scripts/benchmark_limits.py."""
    quotes = synthetic_quotes(5_000)
    uncoded = uncoded_statements(quotes, load_codebook(TRADE_CODEBOOK))
    groups = group_uncoded(uncoded)
    assert len(uncoded) > 4_000 and len(groups) >= 5
    assert groups["statements"].sum() + groups.attrs["ungrouped"] == len(uncoded)


def test_key_phrases_leave_out_known_names_speakers_and_generic_words():
    from core.analysis.uncoded import NameWords, known_names
    from core.knowledge.gazetteer import load_knowledge

    names = known_names(load_knowledge())
    assert {"putin", "ukraine", "russian", "president", "people"} <= names.words  # person, country, demonym, role, generic
    assert ("united", "states") in names.phrases
    text = "President Putin told the people of the United States that Russian troops would stay in Crimea."
    phrases = key_phrases(text, max_phrases=10, names=names)
    assert phrases and not any(word in p.split() for p in phrases
                               for word in ("putin", "people", "president", "states", "russian"))
    assert "troops" in " ".join(phrases)
    # A speaker of the statements is a name too, whole or by a word of it; a lower-case one only whole.
    speakers = NameWords().with_speakers(["Olaf Berger", "trade ministers"])
    assert "berger" in speakers.words and ("olaf", "berger") in speakers.phrases
    assert "trade" not in speakers.words and ("trade", "ministers") in speakers.phrases
    assert key_phrases("Berger wants lower tariffs", names=speakers) == ["wants lower tariffs"]


def test_group_uncoded_lists_the_statements_no_group_took():
    from core.analysis.uncoded import known_names

    quotes = pd.DataFrame({
        "speaker": ["Vera Moss", "Karl Bern", "Lena Falk"],
        "text": ["President Putin ignored the people.", "The people trust President Putin.", "The dam levy is unfair."],
    })
    without = group_uncoded(quotes)
    assert without["phrase"].tolist() == ["president putin"]  # what a name-blind grouping finds
    grouped = group_uncoded(quotes, names=known_names())
    assert grouped.empty and grouped.attrs["ungrouped"] == 3 and grouped.attrs["ungrouped_rows"] == [0, 1, 2]
