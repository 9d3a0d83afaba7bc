import pandas as pd
import pytest

from core.analysis.filters import (
    Filters,
    apply_filters,
    below_min_confidence,
    confidence_passes,
    conform_table,
    conform_tables,
    describe_filters,
    empty_result_message,
    filter_options,
    filter_stances,
    filters_from_query_params,
    filters_to_query_params,
    overlapping_pairs,
    parse_confidence,
    quotes_with_positions,
)
from core.extraction.pipeline import Tables
from core.model import QUOTE_COLUMNS, STANCE_COLUMNS
from core.views.render import positions_html
from tests.sample_tables import seed_tables

ISSUE_ORDER = ["peace_talks", "ceasefire", "foreign_troops_in_ukraine", "ukraine_nato_membership"]


@pytest.fixture
def tables() -> Tables:
    return conform_tables(seed_tables())


def stance_row(**values) -> dict:
    row = dict.fromkeys(STANCE_COLUMNS, "")
    row.update(article_id="a", sentence=1, start_char=0, end_char=5, confidence=0.5)
    row.update(values)
    return row


def quote_row(**values) -> dict:
    row = dict.fromkeys(QUOTE_COLUMNS, "")
    row.update(article_id="a", start_char=0, end_char=5, speaker_start=-1, speaker_end=-1)
    row.update(values)
    return row


def test_filters_from_mapping_dedupes_and_ignores_blank_and_unknown_keys():
    filters = Filters.from_mapping({"country": ["Russia", "Russia", " ", "France"], "actor": "Donald Trump", "q": "x"})
    assert filters.country == ("Russia", "France")
    assert filters.actor == ("Donald Trump",)
    assert not filters.is_empty
    assert Filters().is_empty


def test_options_come_from_the_data_in_codebook_order(tables):
    options = filter_options(tables, ISSUE_ORDER)
    assert "Russia" in options["country"] and "France" in options["country"]
    assert options["country"] == sorted(options["country"], key=str.casefold)
    assert "" not in options["country"]
    assert "Steve Witkoff" in options["actor"]  # a speaker with no stance row is still an option
    assert options["issue"][:4] == ISSUE_ORDER  # codebook order first ...
    assert set(options["issue"][4:]) == set(tables.stances["issue"]) - set(ISSUE_ORDER)  # ... then the rest
    assert options["stance"] == ["support", "oppose", "neutral"]
    assert options["certainty"] == ["stated", "reported", "unconfirmed"]


def test_empty_filters_keep_everything(tables):
    result = apply_filters(tables, Filters())
    assert len(result.stances) == len(tables.stances)
    assert len(result.quotes) == len(tables.quotes)
    assert len(result.mentions) == len(tables.mentions)


def test_every_stance_field_filters_and_fields_combine_with_and(tables):
    only_russia = apply_filters(tables, Filters(country=("Russia",))).stances
    assert set(only_russia["country"]) == {"Russia"} and len(only_russia) > 1
    oppose_troops = apply_filters(
        tables, Filters(issue=("foreign_troops_in_ukraine",), stance=("oppose",))
    ).stances
    assert set(oppose_troops["actor"]) == {"Alexander Grushko", "Italian government"}
    stated_russia = apply_filters(tables, Filters(country=("Russia",), certainty=("unconfirmed",))).stances
    assert set(stated_russia["actor"]) == {"Vladimir Putin"}
    several_values = apply_filters(tables, Filters(country=("Italy", "France"))).stances
    assert set(several_values["country"]) == {"Italy", "France"}


def test_quotes_follow_speaker_filters_and_stance_filters_through_their_evidence(tables):
    by_speaker = apply_filters(tables, Filters(actor=("Donald Trump",))).quotes
    assert set(by_speaker["speaker"]) == {"Donald Trump"} and len(by_speaker) == 2
    # A quote has no issue: it is kept when it is evidence for a kept stance row.
    neutrality = apply_filters(tables, Filters(issue=("ukraine_neutrality",))).quotes
    assert neutrality["speaker"].tolist() == ["Alexander Grushko"]
    mentions = apply_filters(tables, Filters(country=("France",))).mentions
    assert set(mentions["actor"]) == {"Emmanuel Macron"}


def test_overlap_join_needs_same_article_and_overlapping_offsets():
    quotes = pd.DataFrame([quote_row(article_id="a", start_char=10, end_char=20), quote_row(article_id="b", start_char=10, end_char=20)])
    stances = pd.DataFrame(
        [
            stance_row(article_id="a", start_char=15, end_char=25, issue="x", stance="support"),  # overlaps quote 0
            stance_row(article_id="a", start_char=20, end_char=30, issue="y", stance="oppose"),  # touches only: no
            stance_row(article_id="c", start_char=10, end_char=20, issue="z", stance="oppose"),  # other article
        ]
    )
    pairs = overlapping_pairs(quotes, stances)
    assert pairs.values.tolist() == [[0, 0]]
    with_positions = quotes_with_positions(quotes, stances)
    assert with_positions["positions"].tolist() == [[("x", "support")], []]


def test_a_position_held_by_someone_else_than_the_speaker_names_its_holder():
    quotes = pd.DataFrame([quote_row(article_id="a", speaker="Ana Ruiz", start_char=0, end_char=50)])
    stances = pd.DataFrame([
        stance_row(article_id="a", actor="Ana Ruiz", start_char=0, end_char=50, issue="dam", stance="support"),
        stance_row(article_id="a", actor="Peru", start_char=0, end_char=50, issue="dam", stance="oppose"),
    ])
    assert quotes_with_positions(quotes, stances)["positions"].tolist() == [[("dam", "support"), ("dam", "oppose", "Peru")]]
    chips = positions_html([("dam", "support"), ("dam", "oppose", "Peru")], {"dam": "River dam"})
    assert ">River dam: support<" in chips and ">Peru · River dam: oppose<" in chips


def test_quotes_with_positions_lists_each_issue_once(tables):
    result = quotes_with_positions(tables.quotes, tables.stances)
    grushko = result[result["speaker"] == "Alexander Grushko"].iloc[0]
    assert grushko["positions"] == [
        ("security_guarantees", "support"),
        ("ukraine_neutrality", "support"),
        ("ukraine_nato_membership", "oppose"),
    ]


def test_query_params_round_trip():
    filters = Filters(country=("Russia", "France"), issue=("ceasefire",), stance=("oppose",))
    params = filters_to_query_params(filters)
    assert params == {"country": ["Russia", "France"], "issue": ["ceasefire"], "stance": ["oppose"]}
    restored, ignored = filters_from_query_params(params)
    assert restored == filters and ignored == []
    assert filters_to_query_params(Filters()) == {}


def test_query_params_accept_single_strings_and_drop_unknown_values_with_a_message():
    options = {"country": ["Russia", "France"], "stance": ["support", "oppose", "neutral"]}
    restored, ignored = filters_from_query_params(
        {"country": "Russia", "stance": ["oppose", "maybe"], "q": "not a filter"}, options
    )
    assert restored == Filters(country=("Russia",), stance=("oppose",))
    assert len(ignored) == 1 and "maybe" in ignored[0] and "Stance" in ignored[0]


def test_describe_and_empty_message_say_what_to_do():
    filters = Filters(country=("Italy",), issue=("ceasefire",))
    assert describe_filters(filters, {"ceasefire": "Ceasefire"}) == "Country: Italy; Issue: Ceasefire"
    message = empty_result_message(filters, {"ceasefire": "Ceasefire"})
    assert "Country: Italy" in message and "Clear filters" in message
    assert "articles" in empty_result_message(Filters())
    assert "the 3 analysed articles" in empty_result_message(Filters(), articles=3)
    assert "the 1 analysed article." in empty_result_message(Filters(), articles=1)
    # An empty corpus asks for articles, whatever the filters.
    for filters_ in (Filters(), filters):
        assert "The corpus has no article yet" in empty_result_message(filters_, articles=0)


def test_conform_table_adds_missing_columns_and_cleans_types():
    raw = pd.DataFrame({"actor": ["A", None], "start_char": [3.0, None], "confidence": ["0.5", "x"]})
    table = conform_table(raw, STANCE_COLUMNS)
    assert list(table.columns) == STANCE_COLUMNS
    assert table["actor"].tolist() == ["A", ""]
    assert table["start_char"].tolist() == [3, -1]
    assert table["confidence"].iloc[0] == 0.5 and pd.isna(table["confidence"].iloc[1])
    assert table["issue"].tolist() == ["", ""]
    assert list(conform_table(None, QUOTE_COLUMNS).columns) == QUOTE_COLUMNS


# --- the minimum confidence ----------------------------------------------------------------------


def confidence_rows() -> pd.DataFrame:
    return pd.DataFrame([
        stance_row(actor="Sure", confidence=0.9, start_char=0),
        stance_row(actor="Edge", confidence=0.30000000000000004, start_char=10),  # stored float noise
        stance_row(actor="Doubtful", confidence=0.25, start_char=20),
        stance_row(actor="Unlikely", confidence=0.1, start_char=30),
        stance_row(actor="Reviewed", confidence=0.1, review="confirmed", start_char=40),  # a person vouched
        stance_row(actor="Unscored", confidence=float("nan"), start_char=50),
    ])


def test_min_confidence_keeps_rows_at_or_above_it_and_every_reviewed_or_unscored_row():
    rows = confidence_rows()
    assert rows[confidence_passes(rows, 0.3)]["actor"].tolist() == ["Sure", "Edge", "Reviewed", "Unscored"]
    assert confidence_passes(rows, 0.0).all()
    kept = filter_stances(rows, Filters(min_confidence=0.3))
    assert kept["actor"].tolist() == ["Sure", "Edge", "Reviewed", "Unscored"]
    assert filter_stances(rows, Filters(min_confidence=1.0))["actor"].tolist() == ["Reviewed", "Unscored"]
    # What is left out is what the pages suggest, most confident first.
    assert below_min_confidence(rows, 0.3)["actor"].tolist() == ["Doubtful", "Unlikely"]
    assert below_min_confidence(rows, 0.0).empty
    assert below_min_confidence(rows.iloc[0:0], 0.5).empty


def test_min_confidence_narrows_stances_and_their_quotes_positions_but_not_quotes(tables):
    everything = apply_filters(tables, Filters())
    sure = apply_filters(tables, Filters(min_confidence=0.85))
    assert len(everything.stances) == 14
    assert sorted(sure.stances["confidence"]) == [0.85, 0.85, 0.9, 0.9, 0.9, 0.9]
    assert len(sure.quotes) == len(everything.quotes), "a quote carries no confidence"
    combined = apply_filters(tables, Filters(country=("Russia",), min_confidence=0.5))
    assert set(combined.stances["actor"]) == {"Vladimir Putin", "Alexander Grushko"}  # Russia's 0.4 row is out


def test_min_confidence_is_not_a_field_filter_but_is_described():
    filters = Filters(min_confidence=0.45)
    assert filters.is_empty and filters.narrows_by_confidence and not Filters().narrows_by_confidence
    assert describe_filters(filters) == "Minimum confidence: 0.45"
    assert describe_filters(Filters(country=("Italy",), min_confidence=0.3)) == "Country: Italy; Minimum confidence: 0.3"
    message = empty_result_message(filters, articles=3)
    assert "at or above the minimum confidence (0.45)" in message and "Lower 'Minimum confidence'" in message
    assert "Add articles" in empty_result_message(Filters(), articles=3)


def test_min_confidence_parses_numbers_from_0_to_1_only():
    assert parse_confidence("0.35") == 0.35 and parse_confidence(0.333) == 0.33 and parse_confidence(["1"]) == 1.0
    for bad in ("", "high", "-0.1", "1.5", "nan", None, [], True):
        assert parse_confidence(bad) is None, bad
    assert Filters.from_mapping({"min_confidence": "0.6"}).min_confidence == 0.6
    assert Filters.from_mapping({"min_confidence": "lots"}).min_confidence == 0.0


def test_min_confidence_in_the_url_only_when_not_the_default():
    default = 0.3
    assert filters_to_query_params(Filters(min_confidence=0.3), default_min_confidence=default) == {}
    assert filters_to_query_params(Filters(min_confidence=0.3)) == {"min_confidence": ["0.3"]}
    for value in (0.0, 0.05, 0.5, 1.0):
        filters = Filters(country=("Russia",), min_confidence=value)
        params = filters_to_query_params(filters, default_min_confidence=default)
        assert params["min_confidence"] == [f"{value:g}"]
        restored, ignored = filters_from_query_params(params, default_min_confidence=default)
        assert restored == filters and ignored == []
    # No parameter: the default; a bad one: the default, and the user is told.
    assert filters_from_query_params({}, default_min_confidence=default)[0].min_confidence == default
    restored, ignored = filters_from_query_params({"min_confidence": "2"}, default_min_confidence=default)
    assert restored.min_confidence == default
    assert ignored == ["Minimum confidence '2' from the link is not a number from 0 to 1; it was ignored."]
