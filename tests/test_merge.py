"""Merging one person's spellings across articles, on hand-made tables about trade and climate."""

import pandas as pd
import pytest

from core.corpus.merge import (
    actor_merge_map,
    load_titles,
    merge_actors,
    parse_name,
    strip_titles,
)
from core.extraction.pipeline import Tables
from core.knowledge.files import KnowledgeError
from core.model import ACTOR_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, STANCE_COLUMNS

BASE_MENTION_COLUMNS = ["article_id", "actor", "actor_type", "country", "text", "start_char", "end_char"]


def mention_frame(rows) -> pd.DataFrame:
    """Mentions in the schema's columns (any column beyond the basic seven, e.g. role, left '')."""
    frame = pd.DataFrame(rows, columns=BASE_MENTION_COLUMNS)
    return frame.reindex(columns=MENTION_COLUMNS, fill_value="")

# (actor name as the pipeline gave it, actor_type, country, mentions)
PEOPLE = [
    ("Prime Minister Mark Carney", "person", "Canada", 2),
    ("Mark Carney", "person", "Canada", 3),
    ("Carney", "person", "", 4),
    ("Sergei Lavrov", "person", "Russia", 1),
    ("Sergey Lavrov", "person", "Russia", 3),
    ("Lavrov", "person", "", 2),
    ("Volodymyr Zelensky", "person", "Ukraine", 2),
    ("Volodimir Zelenskyy", "person", "Ukraine", 1),
    ("Zelenskyy", "person", "", 1),
    ("Donald Trump", "person", "United States", 5),
    ("Lara Trump", "person", "United States", 1),
    ("Trump", "person", "United States", 4),
    ("Mr Trump", "person", "United States", 1),
    ("Joe Biden", "person", "United States", 2),
    ("Hunter Biden", "person", "United States", 1),
    ("Biden", "person", "United States", 1),
    ("Steve Witkoff", "person", "United States", 1),
    ("Steven Witkoff", "person", "", 2),
    ("Dr Ngozi Okonjo-Iweala", "person", "", 1),
    ("Ngozi Okonjo-Iweala", "person", "Nigeria", 2),
    ("Maria Zakharova", "person", "Russia", 2),
    ("Zakharov", "person", "Russia", 1),
    ("Ursula von der Leyen", "person", "European Union", 2),
    ("von der Leyen", "person", "", 1),
    ("Olaf Scholz", "person", "Germany", 1),
    ("Andrew Scholz", "person", "Australia", 1),  # same surname, another country, another person
    ("Kim Lee", "person", "South Korea", 1),
    ("Kim Lee", "person", "", 1),
    ("Canada", "government", "Canada", 3),
    ("President", "person", "", 1),
]


def mentions() -> pd.DataFrame:
    rows = []
    for name, actor_type, country, count in PEOPLE:
        for i in range(count):
            rows.append(["art1", name, actor_type, country, name, 10 * i, 10 * i + len(name)])
    return mention_frame(rows)


def empty(columns) -> pd.DataFrame:
    return pd.DataFrame(columns=columns)


def merge_map() -> dict[str, str]:
    return actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), mentions())


def test_titles_are_stripped_and_variants_merge_to_the_most_frequent_full_form():
    result = merge_map()
    assert result["Prime Minister Mark Carney"] == "Mark Carney"
    assert result["Carney"] == "Mark Carney"  # surname only, unique full name, empty country
    assert result["Sergei Lavrov"] == "Sergey Lavrov" and result["Lavrov"] == "Sergey Lavrov"
    assert result["Volodimir Zelenskyy"] == "Volodymyr Zelensky" and result["Zelenskyy"] == "Volodymyr Zelensky"
    assert result["Steve Witkoff"] == "Steven Witkoff"  # prefix given name
    assert result["Dr Ngozi Okonjo-Iweala"] == "Ngozi Okonjo-Iweala"
    assert result["von der Leyen"] == "Ursula von der Leyen"
    assert "Mark Carney" not in result and "Sergey Lavrov" not in result  # canonical names stay


def test_ambiguous_and_different_people_are_not_merged():
    result = merge_map()
    for name in ("Donald Trump", "Lara Trump", "Joe Biden", "Hunter Biden", "Biden"):
        assert name not in result
    assert result.get("Trump") is None  # Donald or Lara?
    assert result["Mr Trump"] == "Trump"  # the same bare surname, only a title apart
    assert "Zakharov" not in result  # not the feminine surname's person
    assert "Olaf Scholz" not in result and "Andrew Scholz" not in result
    assert "Canada" not in result and "President" not in result  # not a person / only a title


def test_never_merge_persons_of_different_known_countries():
    rows = [
        ["a", "Mike Johnson", "person", "United States", "Mike Johnson", 0, 12],
        ["a", "Michael Johnson", "person", "United States", "Michael Johnson", 20, 35],
        ["b", "Boris Johnson", "person", "United Kingdom", "Boris Johnson", 0, 13],
        ["b", "Johnson", "person", "United Kingdom", "Johnson", 20, 27],
        ["c", "Sergey Ivanov", "person", "Russia", "Sergey Ivanov", 0, 13],
        ["c", "Sergei Ivanov", "person", "Bulgaria", "Sergei Ivanov", 20, 33],
    ]
    result = actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), mention_frame(rows))
    assert result == {"Johnson": "Boris Johnson"}  # the one Johnson from the United Kingdom


def test_initials_merge_only_when_unambiguous():
    rows = [
        ["a", "J.D. Vance", "person", "United States", "J.D. Vance", 0, 10],
        ["a", "JD Vance", "person", "United States", "JD Vance", 0, 10],
        ["a", "J. Vance", "person", "", "J. Vance", 0, 10],
        ["b", "John Smith", "person", "United Kingdom", "John Smith", 0, 10],
        ["b", "Jane Smith", "person", "United Kingdom", "Jane Smith", 0, 10],
        ["b", "J. Smith", "person", "United Kingdom", "J. Smith", 0, 10],
        ["c", "Maria Silva", "person", "Brazil", "Maria Silva", 0, 10],
        ["c", "Mario Silva", "person", "Brazil", "Mario Silva", 0, 10],
        ["d", "Alexandra Petrova", "person", "", "Alexandra Petrova", 0, 10],
        ["d", "Aleksandra Petrova", "person", "", "Aleksandra Petrova", 0, 10],
    ]
    result = actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), mention_frame(rows))
    assert result == {"J. Vance": "J.D. Vance", "JD Vance": "J.D. Vance", "Alexandra Petrova": "Aleksandra Petrova"}


def test_names_from_stances_and_quotes_count_too():
    stances = pd.DataFrame(
        [["t1", 1, "Sergei Lavrov", "person", "Russia", "trade_deal", "oppose", "stated", "direct", "", "No", 0, 2, 0.9]] * 3,
        columns=STANCE_COLUMNS,
    )
    quotes = pd.DataFrame(
        [["t1", "Lavrov", "person", "", "No", 0, 2, "direct", "said", -1, -1]], columns=QUOTE_COLUMNS
    )
    ments = mention_frame([["t1", "Sergey Lavrov", "person", "Russia", "Sergey Lavrov", 0, 13]])
    result = actor_merge_map(stances, quotes, ments)
    assert result == {"Sergey Lavrov": "Sergei Lavrov", "Lavrov": "Sergei Lavrov"}  # 3 stance rows beat 1 mention


def test_canonical_ties_prefer_the_longest_then_alphabetical():
    rows = [
        ["a", "Dmitri Peskov", "person", "Russia", "x", 0, 1],
        ["a", "Dmitry Peskov", "person", "Russia", "x", 0, 1],
        ["a", "Dmitry S. Peskov", "person", "Russia", "x", 0, 1],
    ]
    result = actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), mention_frame(rows))
    assert result == {"Dmitri Peskov": "Dmitry S. Peskov", "Dmitry Peskov": "Dmitry S. Peskov"}
    rows = rows[:2]
    result = actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), mention_frame(rows))
    assert result == {"Dmitry Peskov": "Dmitri Peskov"}


def test_empty_tables_give_an_empty_map():
    assert actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), empty(MENTION_COLUMNS)) == {}
    assert actor_merge_map(pd.DataFrame(), pd.DataFrame(), pd.DataFrame()) == {}


# --- titles and names ----------------------------------------------------------------------------


def test_strip_titles_uses_the_seed_list():
    titles = load_titles()
    assert "Secretary of State" in titles and "Mr" in titles
    assert strip_titles("Secretary of State Marco Rubio", titles) == "Marco Rubio"
    assert strip_titles("Former Prime Minister Boris Johnson", titles) == "Boris Johnson"
    assert strip_titles("Gen. Mark Milley", titles) == "Mark Milley"
    assert strip_titles("Mrs. Ana Costa", titles) == "Ana Costa"
    assert strip_titles("President", titles) == "President"  # nothing but a title
    assert strip_titles("Presidential Envoy", ("President",)) == "Presidential Envoy"  # whole words only


def test_load_titles_from_a_user_file(tmp_path):
    custom = tmp_path / "titles.yaml"
    custom.write_text("titles: [Chief Negotiator, Mr]\n", encoding="utf-8")
    assert load_titles(custom) == ("Chief Negotiator", "Mr")
    rows = [["a", "Chief Negotiator Ana Costa", "person", "Brazil", "x", 0, 1], ["a", "Ana Costa", "person", "Brazil", "x", 0, 1]]
    ments = mention_frame(rows)
    assert actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), ments, titles=load_titles(custom)) == {
        "Chief Negotiator Ana Costa": "Ana Costa"
    }


@pytest.mark.parametrize(
    "text, message",
    [
        ("titles: [unclosed\n", r"broken.yaml: not a valid YAML file \(.*line 2\)"),
        ("# honorifics\ntitle:\n  - Envoy\n", r"broken.yaml, line 2: unknown key 'title' \(did you mean 'titles'\?\)"),
        ("titles:\n  Envoy: yes\n", r"broken.yaml, line 1: 'titles' must be a list of titles, not a mapping"),
        ("titles:\n  - Envoy\n  - [Chief, Negotiator]\n", r"broken.yaml, line 3: item 2 of 'titles' must be a single value"),
        ("- Envoy\n", r"broken.yaml, line 1: expected the titles file as a mapping"),
    ],
)
def test_a_broken_titles_file_is_an_error_with_file_and_line_not_a_silent_default(tmp_path, text, message):
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message):
        load_titles(broken)


def test_a_missing_titles_file_is_an_error(tmp_path):
    with pytest.raises(KnowledgeError, match=r"missing.yaml: cannot be read"):
        load_titles(tmp_path / "missing.yaml")


def test_an_edited_titles_file_is_read_again(tmp_path):
    titles = tmp_path / "titles.yaml"
    titles.write_text("titles: [Envoy]\n", encoding="utf-8")
    assert load_titles(titles) == ("Envoy",)
    titles.write_text("titles: [Envoy, Chief Negotiator]\n", encoding="utf-8")
    assert load_titles(titles) == ("Envoy", "Chief Negotiator")


def test_parse_name_keys():
    assert parse_name("Ursula von der Leyen").given == ("ursula",)
    assert parse_name("Ursula von der Leyen").surname == parse_name("von der Leyen").surname
    assert parse_name("J. D. Vance").given == parse_name("J.D. Vance").given == ("jd",)
    assert parse_name("Donald Trump Jr.").suffix == "jr" and parse_name("Donald Trump Jr.").surname == "trump"
    assert parse_name("Sergey Lavrov").given == parse_name("Sergei Lavrov").given


def test_generational_suffix_keeps_people_apart():
    rows = [
        ["a", "Donald Trump", "person", "United States", "x", 0, 1],
        ["a", "Donald Trump Jr.", "person", "United States", "x", 0, 1],
        ["a", "Trump", "person", "United States", "x", 0, 1],
    ]
    ments = mention_frame(rows)
    assert actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), ments) == {}


# --- merge_actors --------------------------------------------------------------------------------


def sample_tables() -> Tables:
    stances = pd.DataFrame(
        [
            ["t1", 1, "Sergei Lavrov", "person", "Russia", "trade_deal", "oppose", "stated", "direct", "", "No deal", 0, 7, 0.9],
            ["t2", 2, "Lavrov", "person", "", "trade_deal", "oppose", "reported", "indirect", "Steve Witkoff", "no deal", 5, 12, 0.7],
            ["t2", 3, "Canada", "government", "Canada", "carbon_tax", "support", "stated", "narrative", "", "levy", 20, 24, 0.7],
            ["t3", 1, "Lara Trump", "person", "United States", "carbon_tax", "oppose", "stated", "direct", "", "No tax", 0, 6, 0.9],
        ],
        columns=STANCE_COLUMNS,
    )
    quotes = pd.DataFrame(
        [
            ["t1", "Sergey Lavrov", "person", "Russia", "No deal", 0, 7, "direct", "said", -1, -1],
            ["t2", "Steve Witkoff", "person", "United States", "no deal", 5, 12, "indirect", "said", 0, 4],
            ["t3", "Lara Trump", "person", "United States", "No tax", 0, 6, "direct", "said", -1, -1],
        ],
        columns=QUOTE_COLUMNS,
    )
    ments = mention_frame(
        [
            ["t1", "Sergey Lavrov", "person", "Russia", "Sergey Lavrov", 0, 13],
            ["t1", "Sergey Lavrov", "person", "Russia", "Lavrov", 20, 26],
            ["t1", "Sergei Lavrov", "person", "Russia", "Sergei Lavrov", 30, 43],
            ["t2", "Lavrov", "person", "", "Lavrov", 0, 6],
            ["t2", "Steve Witkoff", "person", "United States", "Steve Witkoff", 10, 23],
            ["t2", "Steven Witkoff", "person", "United States", "Mr Witkoff", 30, 40],
            ["t2", "Steven Witkoff", "person", "United States", "Steven Witkoff", 50, 64],
            ["t2", "Canada", "government", "Canada", "Ottawa", 70, 76],
            ["t3", "Lara Trump", "person", "United States", "Lara Trump", 0, 10],
        ]
    )
    actors = pd.DataFrame(
        [
            ["Sergey Lavrov", "person", "Russia", "Foreign minister", "Lavrov", 2],
            ["Steven Witkoff", "person", "United States", "Special envoy", "Mr Witkoff", 2],
        ],
        columns=ACTOR_COLUMNS,
    )
    return Tables(stances=stances, quotes=quotes, actors=actors, mentions=ments, warnings=["a warning"])


def test_merge_actors_renames_everywhere_and_fills_countries():
    tables = sample_tables()
    merged = merge_actors(tables)
    assert merged.stances["actor"].tolist() == ["Sergey Lavrov", "Sergey Lavrov", "Canada", "Lara Trump"]
    assert merged.stances["country"].tolist() == ["Russia", "Russia", "Canada", "United States"]
    assert merged.stances["source"].tolist() == ["", "Steven Witkoff", "", ""]
    assert merged.quotes["speaker"].tolist() == ["Sergey Lavrov", "Steven Witkoff", "Lara Trump"]
    assert set(merged.mentions["actor"]) == {"Sergey Lavrov", "Steven Witkoff", "Canada", "Lara Trump"}
    assert list(merged.mentions.columns) == MENTION_COLUMNS
    assert merged.mentions["text"].tolist() == tables.mentions["text"].tolist()  # surface forms kept
    if "role" in MENTION_COLUMNS:  # a mention's role is what its text says, not the actor's office
        assert merged.mentions["role"].tolist() == tables.mentions["role"].tolist()
    assert merged.warnings == ["a warning"]


def test_merge_actors_regroups_the_actors_table_with_aliases_and_roles():
    actors = merge_actors(sample_tables()).actors
    assert list(actors.columns) == ACTOR_COLUMNS
    table = actors.set_index("actor")
    assert table.loc["Sergey Lavrov", "mentions"] == 4
    assert table.loc["Sergey Lavrov", "aliases"] == "Lavrov; Sergei Lavrov"
    assert table.loc["Sergey Lavrov", "role"] == "Foreign minister"
    assert table.loc["Steven Witkoff", "aliases"] == "Mr Witkoff; Steve Witkoff"
    assert table.loc["Steven Witkoff", "role"] == "Special envoy"
    assert table.loc["Canada", "actor_type"] == "government"
    assert actors["actor"].tolist()[0] == "Sergey Lavrov"  # most mentions first


def test_merge_actors_does_not_modify_its_input():
    tables = sample_tables()
    copies = {name: getattr(tables, name).copy() for name in ("stances", "quotes", "actors", "mentions")}
    merged = merge_actors(tables)
    for name, before in copies.items():
        pd.testing.assert_frame_equal(getattr(tables, name), before)
        assert getattr(merged, name) is not getattr(tables, name)


def test_merge_actors_without_mentions_regroups_the_actors_table():
    tables = sample_tables()
    tables.mentions = empty(MENTION_COLUMNS)
    tables.actors = pd.DataFrame(
        [
            ["Sergey Lavrov", "person", "Russia", "Foreign minister", "Lavrov", 3],
            ["Sergei Lavrov", "person", "Russia", "", "", 1],
            ["Lavrov", "person", "", "", "", 2],
        ],
        columns=ACTOR_COLUMNS,
    )
    actors = merge_actors(tables).actors
    assert actors.values.tolist() == [
        ["Sergey Lavrov", "person", "Russia", "Foreign minister", "Lavrov; Sergei Lavrov", 6]
    ]


def test_merge_actors_without_anything_to_merge_returns_copies():
    tables = Tables()
    merged = merge_actors(tables)
    assert merged.stances.empty and merged.actors.empty
    assert merged.stances is not tables.stances


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sergei Lavrov", "Sergey Lavrov"), ("Volodymyr Zelensky", "Volodimir Zelenskyy"), ("Yury Ushakov", "Yuri Ushakov"),
     ("Alexander Grushko", "Aleksandr Grushko"), ("Andriy Yermak", "Andrii Yermak")],
)
def test_transliteration_variants_merge(a, b):
    rows = [["a", a, "person", "", "x", 0, 1], ["a", a, "person", "", "x", 0, 1], ["b", b, "person", "", "x", 0, 1]]
    ments = mention_frame(rows)
    assert actor_merge_map(empty(STANCE_COLUMNS), empty(QUOTE_COLUMNS), ments) == {b: a}
