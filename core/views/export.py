"""Exports of the stance table for researchers, as bytes: CSV, JSON, Parquet, a Discourse Network
Analyzer statement CSV, and actor networks as GraphML or GEXF.

Every writer is a pure function of a table (nothing is read or written here); ``export_bytes``
picks the writer by format name and ``EXPORT_FORMATS`` names each format's file extension and MIME
type for downloads. The stance table is written with every column it has: corpus tables carry
``title, outlet, date`` and, once reviewed, ``review``; all of them are kept.

**DNA statements** (``dna_table`` / ``dna_csv``). The Discourse Network Analyzer (Leifeld; rDNA in R)
codes a statement as *person, organization, concept, agreement* with a date and the coded text.
One stance row becomes one statement:

* ``person`` — the actor when ``actor_type`` is ``person``, else "";
* ``organization`` — the actor itself when it is not a person (government, organization, group),
  else the person's country, their affiliation ("" when unknown);
* ``concept`` — the issue's label (``issue_labels``, falling back to the codebook id);
* ``agreement`` — 1 for support, 0 for oppose. DNA's qualifier is binary, so **neutral rows are
  left out**; how many is in ``DataFrame.attrs["dropped_neutral"]``;
* ``date`` — the article's date as YYYY-MM-DD, "" when unknown (never invented);
* ``text`` — the verbatim quote (the evidence),

then the evidence columns ``article_id, start_char, end_char, stance, certainty, attribution,
source`` (and ``review`` when the table has it), so every statement can be traced back to its
article. The CSV is plain UTF-8 without a BOM, comma-separated, with a header row, which R's
``read.csv`` and DNA's importer read as is.

The plain ``csv`` format keeps a BOM (``table_csv``) so spreadsheet programs detect UTF-8; pandas
reads it either way, R's ``read.csv`` needs ``fileEncoding = "UTF-8-BOM"``.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import pandas as pd

from core.ingest.dates import iso_date

if TYPE_CHECKING:  # networkx is imported only by the graph exports
    import networkx as nx

ExportFormatName = Literal["csv", "json", "parquet", "dna", "graphml", "gexf"]
NetworkKind = Literal["congruence", "conflict"]
NetworkBy = Literal["actor", "country"]


class ExportFormat(NamedTuple):
    """How one export format is offered: file extension (with the dot), MIME type, one line."""

    extension: str
    mime: str
    description: str


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat(".csv", "text/csv", "the stance table as CSV (UTF-8 with BOM, for spreadsheets and pandas)"),
    "json": ExportFormat(".json", "application/json", "the stance table as a JSON array, one object per statement"),
    "parquet": ExportFormat(".parquet", "application/vnd.apache.parquet", "the stance table as Parquet (typed columns, for pandas, R arrow, DuckDB)"),
    "dna": ExportFormat(".csv", "text/csv", "statements for the Discourse Network Analyzer / rDNA: person, organization, concept, agreement, date, text"),
    "graphml": ExportFormat(".graphml", "application/graphml+xml", "the actor network as GraphML (networkx, igraph, Gephi, visone)"),
    "gexf": ExportFormat(".gexf", "application/gexf+xml", "the actor network as GEXF (Gephi)"),
}
GRAPH_FORMATS: tuple[str, ...] = ("graphml", "gexf")
TEXT_FORMATS: tuple[str, ...] = ("csv", "json", "dna", "graphml", "gexf")  # safe to print on a terminal

DNA_COLUMNS: list[str] = ["person", "organization", "concept", "agreement", "date", "text"]
DNA_EVIDENCE_COLUMNS: list[str] = ["article_id", "start_char", "end_char", "stance", "certainty", "attribution", "source"]
DNA_AGREEMENT: dict[str, int] = {"support": 1, "oppose": 0}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell that a spreadsheet would run as a formula (starting with
    = + - @ tab or carriage return) prefixed with ', as OWASP advises for CSV files: titles,
    outlets, labels and quotes come from users and from the web."""
    safe = table.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = [
                "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value
                for value in safe[column]
            ]
    return safe


def table_csv(table: pd.DataFrame) -> bytes:
    """CSV with a header row and no index; the BOM lets spreadsheet programs detect UTF-8. Text
    cells are ``spreadsheet_safe``."""
    return spreadsheet_safe(table).to_csv(index=False).encode("utf-8-sig")


def gold_csv(reviewed: pd.DataFrame) -> bytes:
    """The reviewed rows as a gold table (:func:`core.corpus.review.gold_table`), UTF-8 CSV bytes
    for a download button or a file, ``spreadsheet_safe``."""
    from core.corpus.review import gold_table

    return spreadsheet_safe(gold_table(reviewed)).to_csv(index=False).encode("utf-8")


def table_json(table: pd.DataFrame) -> bytes:
    """A JSON array with one object per row."""
    return table.to_json(orient="records", force_ascii=False, indent=2).encode("utf-8")


def table_parquet(table: pd.DataFrame) -> bytes:
    """Parquet (pyarrow engine, no index), read back by ``pandas.read_parquet``.

    Object columns pyarrow cannot type (lists or dicts mixed with other values, mixed scalar
    types) are written as text: lists and dicts as JSON, other values with ``str``; empty cells
    stay null."""
    import pyarrow as pa

    frame = table.reset_index(drop=True)
    fixed = {}
    for column in frame.columns:
        if frame[column].dtype != object:
            continue
        try:
            pa.array(frame[column], from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError, OverflowError):
            fixed[column] = frame[column].map(_as_text)
    if fixed:
        frame = frame.assign(**fixed)
    buffer = io.BytesIO()
    frame.to_parquet(buffer, engine="pyarrow", index=False)
    return buffer.getvalue()


def _as_text(value: object) -> str | None:
    if _missing(value):
        return None
    if isinstance(value, (list, tuple, set, dict)):
        return json.dumps(sorted(value, key=str) if isinstance(value, set) else value, ensure_ascii=False, default=str)
    return str(value)


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def _day(value: object) -> str:
    """YYYY-MM-DD of a date, a timestamp or an ISO text; "" when missing or not a date."""
    return "" if _missing(value) else iso_date(value, leading=True)  # pd.Timestamp is a datetime


def dna_table(stances: pd.DataFrame, issue_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The stance table as DNA statements (see the module docstring for the mapping).

    Neutral rows (and rows with any other stance) are left out; their number is in
    ``result.attrs["dropped_neutral"]``. Columns: ``DNA_COLUMNS``, then ``DNA_EVIDENCE_COLUMNS``,
    then ``review`` when the stance table has it."""
    labels = dict(issue_labels or {})
    evidence = list(DNA_EVIDENCE_COLUMNS) + (["review"] if "review" in stances.columns else [])
    columns = DNA_COLUMNS + evidence
    rows = []
    dropped = 0
    for record in stances.to_dict(orient="records"):
        stance = _text(record.get("stance"))
        if stance not in DNA_AGREEMENT:
            dropped += 1
            continue
        actor = _text(record.get("actor"))
        is_person = _text(record.get("actor_type")) == "person"
        issue = _text(record.get("issue"))
        rows.append(
            {
                "person": actor if is_person else "",  # a person's name; "" for any other actor
                "organization": _text(record.get("country")) if is_person else actor,  # person: affiliation
                "concept": labels.get(issue) or issue,  # the issue's label, else its codebook id
                "agreement": DNA_AGREEMENT[stance],  # 1 support, 0 oppose (DNA's binary qualifier)
                "date": _day(record.get("date")),  # the article's date; "" when unknown, never invented
                "text": _text(record.get("quote")),  # the verbatim evidence
                "article_id": _text(record.get("article_id")),
                "start_char": _int(record.get("start_char")),
                "end_char": _int(record.get("end_char")),
                "stance": stance,
                "certainty": _text(record.get("certainty")),
                "attribution": _text(record.get("attribution")),
                "source": _text(record.get("source")),
                **({"review": _text(record.get("review"))} if "review" in evidence else {}),
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    if not table.empty:
        table = table.astype({"agreement": "int64", "start_char": "Int64", "end_char": "Int64"})
    table.attrs["dropped_neutral"] = dropped
    return table


def _int(value: Any) -> int | None:
    """A table cell as an int; None for a missing value."""
    return None if _missing(value) else int(value)


def dna_csv(stances: pd.DataFrame, issue_labels: Mapping[str, str] | None = None) -> bytes:
    """``dna_table`` as plain UTF-8 CSV (no BOM), comma-separated, with a header row; text cells
    ``spreadsheet_safe``."""
    return spreadsheet_safe(dna_table(stances, issue_labels)).to_csv(index=False).encode("utf-8")


def network_export(
    stances: pd.DataFrame,
    fmt: Literal["graphml", "gexf"],
    network_kind: NetworkKind = "congruence",
    by: NetworkBy = "actor",
    normalise: bool = False,
    issue_labels: Mapping[str, str] | None = None,
) -> tuple[bytes, nx.Graph]:
    """The network ``core.analysis.network.build_network`` makes of ``stances``, as GraphML or GEXF bytes,
    with the graph itself (so a caller can say how many nodes and edges it has). ``issue_labels``
    names the issues in the graph's attributes."""
    from core.analysis.network import build_network, graph_bytes

    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"'{fmt}' is not a graph format; choose one of: {', '.join(GRAPH_FORMATS)}")
    extra = {"labels": dict(issue_labels)} if issue_labels else {}
    graph = build_network(stances, kind=network_kind, by=by, normalise=normalise, **extra)
    return graph_bytes(graph, fmt), graph


def export_bytes(
    stances: pd.DataFrame,
    fmt: str,
    issue_labels: Mapping[str, str] | None = None,
    network_kind: NetworkKind = "congruence",
    by: NetworkBy = "actor",
    normalise: bool = False,
) -> bytes:
    """The stance table in format ``fmt`` (a key of ``EXPORT_FORMATS``). ``issue_labels`` is used
    by ``dna``; ``network_kind``, ``by`` and ``normalise`` by the graph formats. An unknown format
    raises ``ValueError``."""
    if fmt == "csv":
        return table_csv(stances)
    if fmt == "json":
        return table_json(stances)
    if fmt == "parquet":
        return table_parquet(stances)
    if fmt == "dna":
        return dna_csv(stances, issue_labels)
    if fmt in GRAPH_FORMATS:
        return network_export(stances, fmt, network_kind, by, normalise, issue_labels)[0]  # type: ignore[arg-type]
    raise ValueError(f"unknown export format '{fmt}'; choose one of: {', '.join(EXPORT_FORMATS)}")
