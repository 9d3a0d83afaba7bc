"""The "Missed?" rows: sentences naming a known actor and matching an issue, with no stance row."""

from tests.nlp_fixtures import analyse


def test_a_sentence_with_an_actor_and_an_issue_but_no_stance_is_listed():
    text = (
        "German officials said that Berlin opposes the carbon border tax. "
        "Olaf Scholz spent the morning near the carbon border tax office in Brussels. "
        "The weather in Brussels was mild."
    )
    tables = analyse(text)
    assert any(tables.stances["issue"] == "carbon_border_tax"), "the first sentence holds a stance"
    missed = tables.missed
    assert len(missed) == 1
    row = missed.iloc[0]
    assert row["sentence"] == 2 and "carbon_border_tax" in row["issues"] and row["actors"]
    assert text[row["start_char"] : row["end_char"]] == row["text"]
    assert row["text"].startswith("Olaf Scholz spent the morning")


def test_nothing_is_listed_when_every_such_sentence_gave_a_stance():
    tables = analyse("German officials said that Berlin opposes the carbon border tax.")
    assert tables.missed.empty


def test_a_sentence_naming_an_issue_in_other_words_is_listed_too():
    # ("quotas on steel": every word of the pattern's phrase "steel quotas", reordered; a loose match)
    tables = analyse("Dana Ortiz toured a port in Lima where quotas on steel are debated every year.")
    assert tables.stances.empty
    assert tables.missed["issues"].tolist() == ["steel_quotas"]
