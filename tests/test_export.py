"""Exports of the stance table, each read back by its own library: CSV (pandas, csv), JSON, Parquet
(pandas + pyarrow), DNA statements (pandas), GraphML and GEXF (networkx)."""

import csv
import io
import json

import pandas as pd
import pytest

from core.model import STANCE_COLUMNS
from core.views.export import (
    DNA_COLUMNS,
    DNA_EVIDENCE_COLUMNS,
    EXPORT_FORMATS,
    dna_csv,
    dna_table,
    export_bytes,
    table_csv,
    table_json,
    table_parquet,
)

ISSUE_LABELS = {"carbon_border_tax": "Carbon border tax", "fishing_quotas": "Fishing quotas"}

# (actor, actor_type, country, issue, stance, certainty, attribution, source, quote, date)
ROWS = [
    ("Ingrid Solberg", "person", "Norway", "carbon_border_tax", "oppose", "stated", "direct", "",
     "We will not accept a tax that punishes our fishermen, “not now, not ever”", "2024-06-04"),
    ("Ingrid Solberg", "person", "Norway", "fishing_quotas", "support", "stated", "indirect", "",
     "quotas must stay where they are", "2024-06-04"),
    ("German government", "government", "Germany", "carbon_border_tax", "support", "reported", "narrative",
     "Klaus Richter", "Berlin backs the levy", "2024-06-05"),
    ("Ocean Watch", "organization", "", "fishing_quotas", "oppose", "unconfirmed", "narrative", "",
     "the group is said to reject the quotas", ""),
    ("Klaus Richter", "person", "", "carbon_border_tax", "neutral", "stated", "direct", "",
     "We are still studying it.", None),
    ("Coastal states", "group", "", "fishing_quotas", "neutral", "stated", "narrative", "",
     "coastal states discussed the quotas", "2024-06-06"),
    ("Fishers' union", "organization", "Norway", "new_issue", "support", "stated", "direct", "",
     "Line one.\nLine two, with a comma", "2024-06-07"),
]


def stance_table() -> pd.DataFrame:
    """A small stance table in the schema's columns, plus title/outlet/date as corpus rows carry."""
    records = []
    for i, (actor, actor_type, country, issue, stance, certainty, attribution, source, quote, day) in enumerate(ROWS):
        records.append(
            {
                "article_id": "harbour" if i < 4 else "oslo_summit",
                "sentence": i + 1,
                "actor": actor,
                "actor_type": actor_type,
                "country": country,
                "issue": issue,
                "stance": stance,
                "certainty": certainty,
                "attribution": attribution,
                "source": source,
                "quote": quote,
                "start_char": 10 * i,
                "end_char": 10 * i + len(quote),
                "confidence": 0.9 - 0.1 * i,
                "title": "Harbour plan" if i < 4 else "Oslo summit",
                "outlet": "Coast News",
                "date": day,
            }
        )
    table = pd.DataFrame(records)
    assert list(table.columns)[: len(STANCE_COLUMNS)] == STANCE_COLUMNS
    return table


def test_csv_and_json_keep_non_ascii_text():
    table = pd.DataFrame({"actor": ["Zelensky"], "quote": ["work’s been done"], "confidence": [0.5]})
    csv_text = table_csv(table).decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "actor,quote,confidence" and "work’s been done" in csv_text
    rows = json.loads(table_json(table).decode("utf-8"))
    assert rows == [{"actor": "Zelensky", "quote": "work’s been done", "confidence": 0.5}]


def test_csv_reads_back_with_pandas_and_the_csv_module():
    table = stance_table()
    data = export_bytes(table, "csv")
    back = pd.read_csv(io.BytesIO(data), keep_default_na=False)
    assert list(back.columns) == list(table.columns)
    assert back["quote"].tolist() == table["quote"].tolist()  # newlines, commas, curly quotes survive
    assert back["start_char"].tolist() == table["start_char"].tolist()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(table) and rows[0]["actor"] == "Ingrid Solberg" and rows[4]["date"] == ""


def test_json_reads_back_with_json_loads():
    table = stance_table()
    rows = json.loads(export_bytes(table, "json").decode("utf-8"))
    assert len(rows) == len(table) and list(rows[0]) == list(table.columns)
    assert rows[0]["quote"] == ROWS[0][8] and rows[4]["date"] is None
    assert rows[2]["start_char"] == 20 and isinstance(rows[2]["confidence"], float)


def test_parquet_reads_back_with_pandas_and_keeps_the_types():
    table = stance_table()
    back = pd.read_parquet(io.BytesIO(export_bytes(table, "parquet")))
    assert list(back.columns) == list(table.columns)
    assert pd.api.types.is_integer_dtype(back["start_char"]) and pd.api.types.is_integer_dtype(back["sentence"])
    assert pd.api.types.is_float_dtype(back["confidence"])
    assert pd.api.types.is_string_dtype(back["actor"])
    pd.testing.assert_frame_equal(back, table, check_dtype=False)


def test_parquet_survives_lists_dicts_and_mixed_object_columns():
    table = pd.DataFrame(
        {
            "actor": ["Ingrid Solberg", "Ocean Watch", "Klaus Richter"],
            "aliases": [["Solberg", "Minister Solberg"], [], ["Richter"]],  # a list column pyarrow types
            "extra": [{"a": 1}, "plain text", None],  # mixed: dict, str, missing
            "mixed": [1, "two", 3.5],
        }
    )
    back = pd.read_parquet(io.BytesIO(table_parquet(table)))
    assert list(back.columns) == ["actor", "aliases", "extra", "mixed"] and len(back) == 3
    assert list(back["aliases"][0]) == ["Solberg", "Minister Solberg"]
    assert json.loads(back["extra"][0]) == {"a": 1} and back["extra"][1] == "plain text" and pd.isna(back["extra"][2])
    assert back["mixed"].tolist() == ["1", "two", "3.5"]


def test_parquet_of_an_empty_table_keeps_its_columns():
    empty = pd.DataFrame(columns=STANCE_COLUMNS)
    back = pd.read_parquet(io.BytesIO(table_parquet(empty)))
    assert list(back.columns) == STANCE_COLUMNS and back.empty


def test_dna_table_maps_people_governments_and_drops_neutral_rows():
    table = stance_table()
    dna = dna_table(table, ISSUE_LABELS)
    assert list(dna.columns) == DNA_COLUMNS + DNA_EVIDENCE_COLUMNS
    assert dna.attrs["dropped_neutral"] == 2 and len(dna) == len(table) - 2
    assert "neutral" not in set(dna["stance"])
    person = dna.iloc[0]  # a person: person = the name, organization = their country
    assert (person["person"], person["organization"]) == ("Ingrid Solberg", "Norway")
    assert (person["concept"], person["agreement"], person["date"]) == ("Carbon border tax", 0, "2024-06-04")
    assert person["text"] == ROWS[0][8]
    government = dna.iloc[2]  # a government: no person, organization = the actor itself
    assert (government["person"], government["organization"], government["agreement"]) == ("", "German government", 1)
    assert (government["certainty"], government["source"]) == ("reported", "Klaus Richter")
    organization = dna.iloc[3]
    assert (organization["person"], organization["organization"], organization["date"]) == ("", "Ocean Watch", "")
    assert dna.iloc[4]["concept"] == "new_issue"  # no label: the codebook id


def test_dna_csv_reads_back_with_pandas():
    table = stance_table()
    data = dna_csv(table, ISSUE_LABELS)
    assert not data.startswith(b"\xef\xbb\xbf")  # no BOM
    assert data.decode("utf-8").splitlines()[0] == ",".join(DNA_COLUMNS + DNA_EVIDENCE_COLUMNS)
    back = pd.read_csv(io.BytesIO(data), keep_default_na=False)
    assert list(back.columns) == DNA_COLUMNS + DNA_EVIDENCE_COLUMNS
    assert set(back["agreement"]) == {0, 1} and back["agreement"].dtype.kind == "i"
    assert len(back) == 5 and "neutral" not in set(back["stance"])
    assert back["text"].tolist() == [r[8] for r in ROWS if r[4] != "neutral"]
    assert back["person"].tolist() == ["Ingrid Solberg", "Ingrid Solberg", "", "", ""]
    assert back["organization"].tolist() == ["Norway", "Norway", "German government", "Ocean Watch", "Fishers' union"]
    assert back["start_char"].tolist() == [0, 10, 20, 30, 60]
    assert back["date"].tolist() == ["2024-06-04", "2024-06-04", "2024-06-05", "", "2024-06-07"]
    assert export_bytes(table, "dna", issue_labels=ISSUE_LABELS) == data


def test_dna_keeps_the_review_column_and_handles_missing_columns_and_empty_tables():
    reviewed = stance_table().assign(review=["confirmed", "", "corrected", "added", "", "", ""])
    dna = dna_table(reviewed)
    assert list(dna.columns) == DNA_COLUMNS + DNA_EVIDENCE_COLUMNS + ["review"]
    assert dna["review"].tolist() == ["confirmed", "", "corrected", "added", ""]
    assert dna["concept"].tolist()[0] == "carbon_border_tax"  # no labels given: the id
    no_date = dna_table(stance_table().drop(columns=["date", "title", "outlet"]))
    assert set(no_date["date"]) == {""}
    empty = pd.read_csv(io.BytesIO(dna_csv(pd.DataFrame(columns=STANCE_COLUMNS))))
    assert list(empty.columns) == DNA_COLUMNS + DNA_EVIDENCE_COLUMNS and empty.empty
    assert dna_table(pd.DataFrame(columns=STANCE_COLUMNS)).attrs["dropped_neutral"] == 0


def test_dates_are_normalised_or_left_empty():
    table = stance_table().iloc[:3].copy()
    table["date"] = [pd.Timestamp("2024-06-04 13:30"), "2024-06-05T08:00:00", "last week"]
    assert dna_table(table)["date"].tolist() == ["2024-06-04", "2024-06-05", ""]


def test_export_formats_and_unknown_format():
    assert set(EXPORT_FORMATS) == {"csv", "json", "parquet", "dna", "graphml", "gexf"}
    assert EXPORT_FORMATS["dna"].extension == ".csv" and EXPORT_FORMATS["parquet"].mime == "application/vnd.apache.parquet"
    for extension, mime, description in EXPORT_FORMATS.values():
        assert extension.startswith(".") and "/" in mime and description and "\n" not in description
    with pytest.raises(ValueError, match="unknown export format"):
        export_bytes(stance_table(), "xlsx")


def _weights(graph) -> dict:
    return {frozenset((str(u), str(v))): float(d.get("weight", 1.0)) for u, v, d in graph.edges(data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("kind, by, normalise", [("congruence", "actor", False), ("conflict", "country", False), ("congruence", "actor", True)])
def test_graph_formats_read_back_with_networkx(fmt, kind, by, normalise):
    import networkx as nx

    from core.analysis import network

    table = stance_table()
    built = network.build_network(table, kind=kind, by=by, normalise=normalise, labels=ISSUE_LABELS)
    data = export_bytes(table, fmt, issue_labels=ISSUE_LABELS, network_kind=kind, by=by, normalise=normalise)
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
    assert back.number_of_nodes() == built.number_of_nodes()
    assert back.number_of_edges() == built.number_of_edges()
    assert {str(n) for n in back.nodes} == {str(n) for n in built.nodes}
    expected = _weights(built)
    assert set(_weights(back)) == set(expected)
    for edge, weight in _weights(back).items():
        assert weight == pytest.approx(expected[edge])


def test_a_congruence_network_of_the_sample_has_an_edge_between_agreeing_actors():
    import networkx as nx

    table = stance_table()
    # Ingrid Solberg supports fishing quotas, and so does nobody else; add an ally who does.
    ally = table.iloc[[1]].assign(actor="Lars Eide", sentence=99)
    back = nx.read_graphml(io.BytesIO(export_bytes(pd.concat([table, ally], ignore_index=True), "graphml")))
    assert back.has_edge("Ingrid Solberg", "Lars Eide")
