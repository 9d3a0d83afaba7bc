"""Positions over time on a small hand-made corpus about trade and climate (not the seed story)."""

import pandas as pd
import pytest

from core.analysis.timeline import (
    POSITION_OVER_TIME_COLUMNS,
    SHIFT_COLUMNS,
    TIMELINE_COLUMNS,
    Evidence,
    Shift,
    find_shifts,
    position_over_time,
    shifts_table,
    timeline_points,
    undated_count,
)
from core.model import STANCE_COLUMNS

CORPUS_COLUMNS = [*STANCE_COLUMNS, "date", "outlet", "title"]


def row(actor, country, issue, stance, date, article, quote, start=0, confidence=0.8, actor_type="person"):
    return {
        "article_id": article,
        "sentence": 1,
        "actor": actor,
        "actor_type": actor_type,
        "country": country,
        "issue": issue,
        "stance": stance,
        "certainty": "stated",
        "attribution": "direct",
        "source": "",
        "quote": quote,
        "start_char": start,
        "end_char": start + len(quote),
        "confidence": confidence,
        "date": date,
        "outlet": f"Outlet {article}",
        "title": f"Headline {article}",
    }


def corpus() -> pd.DataFrame:
    rows = [
        # consistent: Ana Costa backs the carbon tax twice
        row("Ana Costa", "Brazil", "carbon_tax", "support", "2025-01-10", "a1", "A carbon price is overdue"),
        row("Ana Costa", "Brazil", "carbon_tax", "support", "2025-02-01", "a3", "We will price carbon"),
        # neutral then polar is no shift
        row("Ana Costa", "Brazil", "tariff_cuts", "neutral", "2025-01-05", "a0", "Tariffs were discussed"),
        row("Ana Costa", "Brazil", "tariff_cuts", "support", "2025-01-12", "a2", "Lower tariffs help farmers"),
        # shifted: Li Wei supports tariff cuts, is neutral in between, then opposes
        row("Li Wei", "China", "tariff_cuts", "support", "2025-01-10", "a1", "Cuts are welcome", 40, 0.7),
        row("Li Wei", "China", "tariff_cuts", "support", "2025-01-10", "a1", "We back the cuts", 90, 0.7),
        row("Li Wei", "China", "tariff_cuts", "neutral", "2025-01-20", "a4", "Talks continue", 10),
        row("Li Wei", "China", "tariff_cuts", "neutral", "2025-02-05", "a5", "We are studying it", 5, 0.95),
        row("Li Wei", "China", "tariff_cuts", "oppose", "2025-02-05", "a5", "Cuts would hurt us", 30, 0.7),
        row("Li Wei", "China", "tariff_cuts", "oppose", "2025-02-05", "a6", "We reject the cuts", 12, 0.9),
        # contested: both sides on the same day, in two articles
        row("Kenji Sato", "Japan", "tariff_cuts", "support", "2025-03-01", "a7", "Open markets matter"),
        row("Kenji Sato", "Japan", "tariff_cuts", "oppose", "2025-03-01", "a8", "Not at this price"),
        # contested: flips twice
        row("Olga Berg", "Sweden", "carbon_tax", "support", "2025-01-03", "a1", "Tax carbon now"),
        row("Olga Berg", "Sweden", "carbon_tax", "oppose", "2025-02-03", "a4", "The tax goes too far"),
        row("Olga Berg", "Sweden", "carbon_tax", "support", "2025-03-03", "a9", "The tax is right after all"),
        # neutral only
        row("Canada", "Canada", "carbon_tax", "neutral", "2025-01-15", "a2", "Ottawa is reviewing the levy", actor_type="government"),
        # disagreement that only an undated article carries
        row("Tom Reed", "Australia", "carbon_tax", "support", "2025-01-08", "a1", "A levy makes sense"),
        row("Tom Reed", "Australia", "carbon_tax", "oppose", "", "u1", "The levy is a mistake"),
        # both sides in one undated article
        row("Priya Nair", "India", "tariff_cuts", "support", "", "u2", "Cuts can work", 0),
        row("Priya Nair", "India", "tariff_cuts", "oppose", "", "u2", "Not these cuts", 50),
        # mixed day between two sides
        row("Marta Ruiz", "Spain", "carbon_tax", "support", "2025-01-01", "a1", "Price carbon"),
        row("Marta Ruiz", "Spain", "carbon_tax", "support", "2025-01-05", "a2", "Yes to the tax"),
        row("Marta Ruiz", "Spain", "carbon_tax", "oppose", "2025-01-05", "a3", "No to this tax"),
        row("Marta Ruiz", "Spain", "carbon_tax", "oppose", "2025-01-09", "a4", "The tax must go"),
    ]
    return pd.DataFrame(rows, columns=CORPUS_COLUMNS)


def verdicts(frame: pd.DataFrame) -> dict[tuple[str, str], str]:
    return {(r.entity, r.issue): r.verdict for r in frame.itertuples()}


# --- timeline points -----------------------------------------------------------------------------


def test_timeline_points_drop_undated_and_sort_by_date():
    points = timeline_points(corpus(), "carbon_tax")
    assert list(points.columns) == [*TIMELINE_COLUMNS, "title", "outlet", "country", "certainty", "attribution", "source"]
    assert pd.api.types.is_datetime64_any_dtype(points["date"])
    assert points.attrs["undated"] == 1  # Tom Reed's undated statement
    assert "The levy is a mistake" not in set(points["quote"])
    assert points["date"].is_monotonic_increasing
    assert set(points["entity"]) == {"Ana Costa", "Olga Berg", "Canada", "Tom Reed", "Marta Ruiz"}
    first = points.iloc[0]
    assert (first["entity"], first["quote"], first["article_id"]) == ("Marta Ruiz", "Price carbon", "a1")
    assert first["end_char"] - first["start_char"] == len("Price carbon")
    assert first["outlet"] == "Outlet a1" and first["title"] == "Headline a1"


def test_timeline_points_by_country_and_undated_count():
    stances = corpus()
    points = timeline_points(stances, "tariff_cuts", by="country")
    assert set(points["entity"]) == {"Brazil", "China", "Japan"}
    assert points.attrs["undated"] == 2 == undated_count(stances, "tariff_cuts")
    assert undated_count(stances) == 3
    assert set(points.loc[points["entity"] == "China", "actor"]) == {"Li Wei"}


def test_timeline_points_without_metadata_columns_or_dates():
    stances = corpus().drop(columns=["outlet", "title", "country", "certainty", "attribution", "source"])
    points = timeline_points(stances, "carbon_tax")
    assert list(points.columns) == TIMELINE_COLUMNS
    no_dates = corpus().drop(columns=["date"])
    empty = timeline_points(no_dates, "carbon_tax")
    assert empty.empty and empty.attrs["undated"] == len(no_dates[no_dates["issue"] == "carbon_tax"])
    assert undated_count(no_dates) == len(no_dates)


def test_unparseable_dates_count_as_undated():
    stances = corpus()
    stances.loc[0, "date"] = "sometime in January"
    stances.loc[1, "date"] = None
    stances.loc[3, "date"] = "2025-01-12T09:30:00Z"  # a datetime string keeps its day
    points = timeline_points(stances, "carbon_tax")
    assert points.attrs["undated"] == 3
    assert pd.Timestamp("2025-01-12") in set(timeline_points(stances, "tariff_cuts")["date"])


# --- shifts --------------------------------------------------------------------------------------


def test_shift_evidence_is_the_best_statement_on_each_side():
    shifts = find_shifts(corpus(), issue="tariff_cuts")
    (shift,) = [s for s in shifts if s.entity == "Li Wei"]
    assert shift.issue == "tariff_cuts"
    # Two equally confident supports on 10 Jan: the later one in the article; on 5 Feb the most
    # confident oppose (the neutral statement that day, though more confident, takes no side).
    assert shift.before == Evidence("2025-01-10", "support", "We back the cuts", "a1", 90, 90 + len("We back the cuts"))
    assert shift.after == Evidence("2025-02-05", "oppose", "We reject the cuts", "a6", 12, 12 + len("We reject the cuts"))


def test_neutral_then_polar_and_same_side_are_no_shift():
    shifts = find_shifts(corpus())
    entities = [(s.entity, s.issue) for s in shifts]
    assert ("Ana Costa", "tariff_cuts") not in entities and ("Ana Costa", "carbon_tax") not in entities
    assert ("Canada", "carbon_tax") not in entities


def test_flips_give_one_shift_each_and_mixed_days_are_skipped():
    shifts = find_shifts(corpus(), issue="carbon_tax")
    olga = [(s.before.stance, s.before.date, s.after.stance, s.after.date) for s in shifts if s.entity == "Olga Berg"]
    assert olga == [("support", "2025-01-03", "oppose", "2025-02-03"), ("oppose", "2025-02-03", "support", "2025-03-03")]
    marta = [(s.before.date, s.after.date) for s in shifts if s.entity == "Marta Ruiz"]
    assert marta == [("2025-01-01", "2025-01-09")]  # 5 Jan (both sides) has no single side
    assert not [s for s in shifts if s.entity == "Tom Reed"]  # undated rows never make a shift
    assert not find_shifts(corpus(), issue="no_such_issue")


def test_shifts_by_country_and_order():
    shifts = find_shifts(corpus(), by="country")
    keys = [(s.entity, s.issue, s.before.date) for s in shifts]
    assert keys == sorted(keys)
    assert ("China", "tariff_cuts", "2025-01-10") in keys


def test_shift_is_frozen_and_flattens():
    shift = find_shifts(corpus(), issue="tariff_cuts")[0]
    with pytest.raises(AttributeError):
        shift.entity = "someone"  # type: ignore[misc]
    assert isinstance(shift, Shift)
    table = shifts_table(find_shifts(corpus()))
    assert list(table.columns) == SHIFT_COLUMNS and len(table) == 4
    assert shifts_table([]).empty and list(shifts_table([]).columns) == SHIFT_COLUMNS


# --- verdicts ------------------------------------------------------------------------------------


def test_verdicts_for_each_case():
    result = verdicts(position_over_time(corpus()))
    assert result == {
        ("Ana Costa", "carbon_tax"): "consistent",
        ("Ana Costa", "tariff_cuts"): "consistent",
        ("Canada", "carbon_tax"): "consistent",
        ("Kenji Sato", "tariff_cuts"): "contested",
        ("Li Wei", "tariff_cuts"): "shifted",
        ("Marta Ruiz", "carbon_tax"): "contested",
        ("Olga Berg", "carbon_tax"): "contested",
        ("Priya Nair", "tariff_cuts"): "contested",
        ("Tom Reed", "carbon_tax"): "contested",
    }


def test_position_over_time_columns_counts_and_explanations():
    table = position_over_time(corpus())
    assert list(table.columns) == POSITION_OVER_TIME_COLUMNS
    assert list(zip(table["entity"], table["issue"])) == sorted(zip(table["entity"], table["issue"]))
    li = table[table["entity"] == "Li Wei"].iloc[0]
    assert (li["first_date"], li["last_date"]) == ("2025-01-10", "2025-02-05")
    assert (li["statements"], li["support"], li["oppose"], li["neutral"], li["shifts"]) == (6, 2, 2, 2, 1)
    assert li["explanation"] == "supported on 10 Jan, opposed from 5 Feb"
    text = table.set_index(["entity", "issue"])["explanation"]
    assert text[("Ana Costa", "carbon_tax")] == "supported throughout, 10 Jan – 1 Feb (2 statements)"
    assert text[("Canada", "carbon_tax")] == "took no side (1 neutral statement)"
    assert text[("Kenji Sato", "tariff_cuts")] == "both supported and opposed on 1 Mar"
    assert text[("Olga Berg", "carbon_tax")] == "changed sides 2 times: supported on 3 Jan, opposed on 3 Feb, supported from 3 Mar"
    assert text[("Priya Nair", "tariff_cuts")] == "both supported and opposed in article u2"
    assert "cannot be ordered" in text[("Tom Reed", "carbon_tax")]
    priya = table[table["entity"] == "Priya Nair"].iloc[0]
    assert (priya["first_date"], priya["last_date"], priya["undated"]) == ("", "", 2)


def test_shifted_over_several_days_and_years_with_undated_extra():
    rows = [
        row("Lena Vogt", "Germany", "trade_deal", "oppose", "2024-11-02", "b1", "A bad deal"),
        row("Lena Vogt", "Germany", "trade_deal", "oppose", "2024-12-20", "b2", "Still a bad deal"),
        row("Lena Vogt", "Germany", "trade_deal", "support", "2025-01-15", "b3", "We can sign now"),
        row("Lena Vogt", "Germany", "trade_deal", "support", "", "b4", "Signing is right"),
    ]
    table = position_over_time(pd.DataFrame(rows, columns=CORPUS_COLUMNS))
    (result,) = table.itertuples()
    assert (result.verdict, result.shifts, result.undated) == ("shifted", 1, 1)
    assert result.explanation == "opposed 2 Nov 2024 – 20 Dec 2024, supported from 15 Jan 2025 (1 undated statement)"


def test_neutral_does_not_outweigh_a_polar_statement_on_the_same_day():
    rows = [
        row("Sam Okafor", "Nigeria", "trade_deal", "support", "2025-05-01", "c1", "Sign it"),
        row("Sam Okafor", "Nigeria", "trade_deal", "neutral", "2025-05-02", "c2", "We will see", confidence=0.9),
        row("Sam Okafor", "Nigeria", "trade_deal", "oppose", "2025-05-02", "c2", "Not yet", 20, confidence=0.5),
    ]
    stances = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    (shift,) = find_shifts(stances)
    assert shift.after.quote == "Not yet"
    assert verdicts(position_over_time(stances)) == {("Sam Okafor", "trade_deal"): "shifted"}


def test_undated_statements_still_give_consistent_or_contested():
    rows = [
        row("Ines Moreau", "France", "carbon_tax", "oppose", "", "d1", "No new taxes"),
        row("Ines Moreau", "France", "carbon_tax", "oppose", "", "d2", "Still no"),
        row("Ines Moreau", "France", "trade_deal", "support", "", "d1", "Good deal"),
        row("Ines Moreau", "France", "trade_deal", "oppose", "", "d2", "Bad deal"),
    ]
    table = position_over_time(pd.DataFrame(rows, columns=CORPUS_COLUMNS))
    assert verdicts(table) == {("Ines Moreau", "carbon_tax"): "consistent", ("Ines Moreau", "trade_deal"): "contested"}
    assert table.iloc[0]["explanation"] == "opposed (2 statements, undated)"
    assert table.iloc[0]["first_date"] == ""


def test_by_country_falls_back_to_actor_and_filters_issue():
    stances = corpus()
    stances.loc[stances["actor"] == "Tom Reed", "country"] = ""
    table = position_over_time(stances, by="country", issue="carbon_tax")
    assert set(table["issue"]) == {"carbon_tax"}
    assert "Tom Reed" in set(table["entity"]) and "Brazil" in set(table["entity"])


def test_empty_input_gives_empty_results_with_columns():
    for empty in (pd.DataFrame(columns=CORPUS_COLUMNS), pd.DataFrame(columns=STANCE_COLUMNS)):
        points = timeline_points(empty, "carbon_tax")
        assert points.empty and points.attrs["undated"] == 0
        assert list(points.columns)[: len(TIMELINE_COLUMNS)] == TIMELINE_COLUMNS
        assert find_shifts(empty) == []
        table = position_over_time(empty)
        assert table.empty and list(table.columns) == POSITION_OVER_TIME_COLUMNS


def test_inputs_are_not_modified_and_results_do_not_depend_on_row_order():
    stances = corpus()
    before = stances.copy()
    table = position_over_time(stances)
    shifts = find_shifts(stances)
    points = timeline_points(stances, "tariff_cuts")
    pd.testing.assert_frame_equal(stances, before)
    shuffled = stances.sample(frac=1, random_state=7)
    shuffled.index = range(100, 100 + len(shuffled))
    pd.testing.assert_frame_equal(position_over_time(shuffled), table)
    assert find_shifts(shuffled) == shifts
    pd.testing.assert_frame_equal(timeline_points(shuffled, "tariff_cuts"), points)
