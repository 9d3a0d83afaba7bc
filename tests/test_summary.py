import pandas as pd

from core.analysis.summary import (
    entity_names,
    headline_counts,
    issue_summary_lines,
    position_of,
    positions_by_entity,
)
from core.model import STANCE_COLUMNS
from tests.sample_tables import seed_tables

LABELS = {"foreign_troops_in_ukraine": "Foreign troops in Ukraine", "ceasefire": "Ceasefire", "peace_talks": "Peace talks"}


def stances(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """Rows of (actor, country, issue, stance)."""
    records = []
    for i, (actor, country, issue, stance) in enumerate(rows):
        row = dict.fromkeys(STANCE_COLUMNS, "")
        row.update(actor=actor, country=country, issue=issue, stance=stance, quote=f"quote {i}", start_char=i, end_char=i + 1)
        records.append(row)
    return pd.DataFrame(records, columns=STANCE_COLUMNS)


def test_position_rules():
    assert position_of(2, 0) == "support"
    assert position_of(0, 1) == "oppose"
    assert position_of(1, 1) == "mixed"
    assert position_of(0, 0) == "neutral"


def test_country_falls_back_to_actor_when_blank():
    df = stances(("Macron", "France", "x", "support"), ("Hamas", "", "x", "oppose"))
    assert entity_names(df, "country").tolist() == ["France", "Hamas"]
    assert entity_names(df, "actor").tolist() == ["Macron", "Hamas"]


def test_positions_by_entity_counts_and_keeps_quotes():
    df = stances(
        ("Putin", "Russia", "peace_talks", "support"),
        ("Kremlin", "Russia", "peace_talks", "oppose"),
        ("Putin", "Russia", "peace_talks", "neutral"),
    )
    cell = positions_by_entity(df, "country").iloc[0]
    assert (cell["support"], cell["oppose"], cell["neutral"], cell["statements"]) == (1, 1, 1, 3)
    assert cell["position"] == "mixed"
    assert cell["quotes"] == ["quote 0", "quote 1", "quote 2"]
    by_actor = positions_by_entity(df, "actor")
    assert by_actor.set_index("entity")["position"].to_dict() == {"Putin": "support", "Kremlin": "oppose"}


def test_summary_line_reads_like_the_issue_example():
    df = stances(
        ("Macron", "France", "foreign_troops_in_ukraine", "support"),
        ("Zelensky", "Ukraine", "foreign_troops_in_ukraine", "support"),
        ("Grushko", "Russia", "foreign_troops_in_ukraine", "oppose"),
        ("Commission", "European Union", "foreign_troops_in_ukraine", "support"),
        ("Meloni", "Italy", "foreign_troops_in_ukraine", "oppose"),
    )
    assert issue_summary_lines(df, LABELS) == [
        "Foreign troops in Ukraine — for: France, Ukraine, European Union; against: Russia, Italy"
    ]


def test_summary_lines_follow_codebook_order_and_name_mixed_and_neutral():
    df = stances(
        ("A", "Russia", "peace_talks", "support"),
        ("B", "Russia", "peace_talks", "oppose"),
        ("C", "Italy", "ceasefire", "neutral"),
        ("D", "France", "unknown_issue", "support"),
    )
    assert issue_summary_lines(df, {"ceasefire": "Ceasefire", "peace_talks": "Peace talks"}) == [
        "Ceasefire — neutral: Italy",
        "Peace talks — mixed: Russia",
        "unknown_issue — for: France",
    ]
    assert issue_summary_lines(df.iloc[0:0], LABELS) == []


def test_headline_counts_on_the_seed_sample():
    counts = headline_counts(seed_tables().stances)
    assert counts == {"actors": 8, "countries": 5, "issues": 9, "statements": 14}
    assert headline_counts(stances()) == {"actors": 0, "countries": 0, "issues": 0, "statements": 0}


def test_summary_lines_count_names_beyond_the_limit():
    import pandas as pd

    rows = [{"actor": f"Minister {i}", "country": f"Country {i}", "issue": "tariffs", "stance": "support", "quote": f"q{i}"}
            for i in range(15)]
    (line,) = issue_summary_lines(pd.DataFrame(rows), {"tariffs": "Tariffs"}, by="country", max_names=12)
    assert line.startswith("Tariffs — for: Country 0, Country 1,")
    assert line.endswith("Country 11 and 3 more")
