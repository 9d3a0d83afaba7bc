"""The command line as a user runs it: stdout, stderr and exit codes.

Most tests call ``core.cli.main(argv)`` in the test process, so they share the spaCy pipeline
loaded once per session (a subprocess would load it again for every command). A few run
``python -m core`` as a real subprocess, for what only a separate process shows: the exit code
``sys.exit`` gives, argparse's usage errors, no traceback on stderr, and binary stdout to a pipe.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from core import cli, settings
from core.model import ACTOR_COLUMNS, QUOTE_COLUMNS, STANCE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ukraine_peace_talks.txt"
TRADE = ROOT / "tests" / "fixtures" / "trade_codebook.yaml"


@dataclass(frozen=True)
class Result:
    """What one command printed and returned, as ``subprocess.run`` reports it."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: object) -> Result:
    """``python -m core ARGS`` in this process: main's return code and what it printed.

    Each stream is a text layer over bytes, like a real stdout, so ``export`` can write its bytes
    to ``sys.stdout.buffer``."""
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", newline="", write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", newline="", write_through=True)
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return Result(code, out_bytes.getvalue().decode("utf-8"), err_bytes.getvalue().decode("utf-8"))


def run_process(*args: object, text: bool = True) -> subprocess.CompletedProcess:
    """``python -m core ARGS`` as a separate process, from the repository folder."""
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], cwd=ROOT, capture_output=True, text=text, timeout=300)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """Each command runs as from a fresh shell in an empty folder: no corpus, codebook or seed
    folder set by the environment, and a default corpus file (for a command given no ``--db``)
    that belongs to this test alone, never data/ of the repository."""
    for name in (settings.ARTICLES_DIR_ENV, settings.CODEBOOK_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(settings.DB_ENV, str(tmp_path / "default_corpus.sqlite3"))
    monkeypatch.chdir(tmp_path)


# --- a real process: exit codes, stderr, no traceback -----------------------------------------------


def test_a_real_process_prints_the_stance_json_and_exits_0():
    result = run_process("extract", SEED, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["article_id"] == "ukraine_peace_talks"


def test_a_real_process_exits_2_with_one_line_per_bad_input_and_no_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_process("quotes", empty, tmp_path / "missing.txt")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 3, result.stderr  # two files, then "no readable article"
    assert "empty" in result.stderr and "no such file" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_real_process_exits_2_on_a_usage_error_with_argparse_message():
    result = run_process("export", "--format", "xlsx")
    assert result.returncode == 2 and "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_main_returns_argparse_codes_instead_of_exiting():
    bad = run("export", "--format", "xlsx")
    assert bad.returncode == 2 and "invalid choice: 'xlsx'" in bad.stderr and bad.stdout == ""
    shown = run("--help")
    assert shown.returncode == 0 and "usage: python -m core" in shown.stdout


# --- the tables of files -------------------------------------------------------------------------


def test_extract_json_has_the_stance_columns_and_article_id_from_file_name():
    result = run("extract", SEED, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data and list(data[0]) == STANCE_COLUMNS
    assert {row["article_id"] for row in data} == {"ukraine_peace_talks"}
    text = SEED.read_text(encoding="utf-8")
    assert all(text[r["start_char"] : r["end_char"]] == r["quote"] for r in data)


def test_extract_csv_and_table_over_several_files(tmp_path):
    other = tmp_path / "trade_note.txt"
    other.write_text("German officials said that Berlin opposes the carbon tax.", encoding="utf-8")
    result = run("extract", SEED, other, "--codebook", TRADE, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == STANCE_COLUMNS
    assert {"trade_note"} <= {r["article_id"] for r in rows}
    assert any(r["issue"] == "carbon_border_tax" and r["stance"] == "oppose" for r in rows)
    table = run("extract", SEED)
    assert table.returncode == 0 and "foreign_troops_in_ukraine" in table.stdout


def test_quotes_and_actors_tables():
    quotes = run("quotes", SEED, "--format", "json")
    assert quotes.returncode == 0, quotes.stderr
    data = json.loads(quotes.stdout)
    assert list(data[0]) == QUOTE_COLUMNS and any(q["speaker"] == "Emmanuel Macron" for q in data)
    actors = run("actors", SEED, "--format", "csv")
    assert actors.returncode == 0
    rows = list(csv.DictReader(io.StringIO(actors.stdout)))
    assert list(rows[0]) == ACTOR_COLUMNS
    assert any(r["actor"] == "Vladimir Putin" and r["country"] == "Russia" for r in rows)


def test_evaluate_prints_precision_and_recall():
    result = run("evaluate", "--gold", ROOT / "tests" / "gold" / "ukraine_peace_talks.csv", SEED)
    assert result.returncode == 0, result.stderr
    assert "(country, issue, stance)" in result.stdout and "precision" in result.stdout and "recall" in result.stdout


def test_evaluate_scores_exactly_the_rows_extract_prints():
    # Rows below the minimum confidence are suggestions: extract leaves them out, and so must evaluate
    # (it once scored them as claims, reporting an F1 of 0.46 on the seed for 0.79).
    gold = ROOT / "tests" / "gold" / "ukraine_peace_talks.csv"
    printed = list(csv.DictReader(io.StringIO(run("extract", "--format", "csv", SEED).stdout)))
    scored = run("evaluate", "--gold", gold, SEED)
    everything = run("evaluate", "--gold", gold, SEED, "--min-confidence", "0")
    assert scored.returncode == everything.returncode == 0, scored.stderr + everything.stderr

    def predicted(result) -> int:
        return int(re.search(r"\(actor, issue, stance\).*of (\d+) predicted", result.stdout).group(1))

    actor_triples = {(r["actor"], r["issue"], r["stance"]) for r in printed}
    assert predicted(scored) == len(actor_triples)
    assert predicted(everything) > predicted(scored)
    assert "extractor: candidates + learned scorer" in scored.stdout and "confidence >= 0.00" in everything.stdout
    assert "between 0 and 1" in run("evaluate", "--gold", gold, SEED, "--min-confidence", "2").stderr


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        ("caf\u00e9 cr\u00e8me".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code_2(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("extract", bad)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_file_and_bad_codebook(tmp_path):
    result = run("quotes", tmp_path / "missing.txt")
    assert result.returncode == 2 and "no such file" in result.stderr and "Traceback" not in result.stderr
    codebook = tmp_path / "cb.yaml"
    codebook.write_text("issues: nope", encoding="utf-8")
    result = run("extract", SEED, "--codebook", codebook)
    assert result.returncode == 2 and "codebook" in result.stderr.lower() and "Traceback" not in result.stderr


def test_a_bad_file_among_good_ones_keeps_the_good_output(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = run("extract", SEED, bad, "--format", "json")
    assert result.returncode == 2
    assert "empty" in result.stderr
    assert json.loads(result.stdout)  # the seed's rows are still printed


# --- the corpus: add, list, remove, and the tables with no FILE ------------------------------------


def corpus_run(db, *args) -> Result:
    return run(*args, "--db", db)


def test_add_list_and_extract_over_the_corpus(tmp_path):
    db = tmp_path / "corpus.sqlite3"
    page = tmp_path / "harbour.html"
    page.write_text(
        "<html><head><title>Harbour plan | Coast News</title><script>var tracker = 1;</script></head><body>"
        "<nav>Home | Sport | Weather</nav><article><h1>Harbour plan</h1>"
        "<p>Norway's fisheries minister said on Tuesday that the government opposes the carbon border tax.</p>"
        "<p>German officials said that Berlin supports the carbon border tax, a spokesman told reporters in Oslo.</p>"
        "</article><footer>Copyright Coast News</footer></body></html>",
        encoding="utf-8",
    )
    added = corpus_run(db, "add", page, "--date", "2024-06-04", "--outlet", "Coast News", "--codebook", TRADE)
    assert added.returncode == 0, added.stderr
    assert "Added 1 article(s)" in added.stdout
    assert "imported the seed article(s): ukraine_peace_talks" in added.stderr  # first start of a new corpus
    listed = corpus_run(db, "list", "--format", "json", "--codebook", TRADE)
    assert listed.returncode == 0, listed.stderr
    rows = {r["id"]: r for r in json.loads(listed.stdout)}
    assert set(rows) == {"ukraine_peace_talks", "harbour"}
    assert rows["harbour"]["date"] == "2024-06-04" and rows["harbour"]["outlet"] == "Coast News"
    assert rows["harbour"]["statements"] >= 1 and rows["harbour"]["words"] > 20
    assert list(rows["harbour"]) == ["id", "title", "outlet", "date", "words", "statements"]
    # extract with no FILE reads the corpus; stance rows carry their article's outlet and date
    # (--min-confidence 0: every row the scorer keeps, suggestions included; this test is about the corpus)
    extracted = corpus_run(db, "extract", "--format", "json", "--codebook", TRADE, "--min-confidence", "0")
    assert extracted.returncode == 0, extracted.stderr
    data = [r for r in json.loads(extracted.stdout) if r["article_id"] == "harbour"]
    assert any(r["issue"] == "carbon_border_tax" and r["stance"] == "oppose" for r in data)
    assert all(r["outlet"] == "Coast News" and r["date"] == "2024-06-04" for r in data)
    assert "tracker" not in extracted.stdout
    # the same page again is not stored twice
    again = corpus_run(db, "add", page)
    assert again.returncode == 0 and "already stored as 'harbour'" in again.stdout


def test_add_refuses_bad_inputs_and_stores_nothing_of_them(tmp_path):
    db = tmp_path / "corpus.sqlite3"
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = corpus_run(
        db, "add", tmp_path / "empty.txt", tmp_path / "broken.docx", tmp_path / "picture.png",
        tmp_path / "missing.txt", "ftp://example.org/article.txt", "http://127.0.0.1/admin",
    )
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 6, result.stderr
    assert "Traceback" not in result.stderr
    listed = json.loads(corpus_run(db, "list", "--format", "json").stdout)
    assert [r["id"] for r in listed] == ["ukraine_peace_talks"]  # only the seed


def test_overrides_need_a_single_input_and_a_valid_date(tmp_path):
    db = tmp_path / "corpus.sqlite3"
    note = tmp_path / "note.txt"
    note.write_text("The minister said that Oslo supports the carbon border tax.", encoding="utf-8")
    two = corpus_run(db, "add", note, SEED, "--title", "x")
    assert two.returncode == 2 and "single input" in two.stderr
    bad = corpus_run(db, "add", note, "--date", "31/12/2024")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_add_never_stores_an_empty_title(tmp_path):
    """Issue 14, item 3: a text without a headline, or an empty --title, gets its first sentence."""
    db = tmp_path / "corpus.sqlite3"
    note = tmp_path / "note.txt"
    note.write_text("The minister said that Oslo supports the carbon border tax. Others disagreed.", encoding="utf-8")
    assert corpus_run(db, "add", note, "--title", "").returncode == 0
    listed = {r["id"]: r["title"] for r in json.loads(corpus_run(db, "list", "--format", "json").stdout)}
    assert listed["note"] == "The minister said that Oslo supports the carbon border tax"


def test_remove_asks_first(tmp_path):
    db = tmp_path / "corpus.sqlite3"
    assert json.loads(corpus_run(db, "list", "--format", "json").stdout) == []  # list never seeds
    note = tmp_path / "note.txt"
    note.write_text("The minister said that Oslo supports the carbon border tax.", encoding="utf-8")
    assert corpus_run(db, "add", note).returncode == 0  # a new corpus: the seed comes first
    refused = corpus_run(db, "remove", "ukraine_peace_talks")  # stdin is not a terminal: needs --yes
    assert refused.returncode == 2 and "--yes" in refused.stderr
    unknown = corpus_run(db, "remove", "nope", "--yes")
    assert unknown.returncode == 2 and "no article with the id 'nope'" in unknown.stderr
    done = corpus_run(db, "remove", "ukraine_peace_talks", "--yes")
    assert done.returncode == 0 and "Deleted 1 article(s)" in done.stdout
    assert corpus_run(db, "remove", "note", "--yes").returncode == 0
    empty = corpus_run(db, "extract")
    assert empty.returncode == 2 and "is empty" in empty.stderr


def test_remove_on_a_terminal_asks_and_only_yes_deletes(tmp_path, monkeypatch):
    db = tmp_path / "corpus.sqlite3"
    note = tmp_path / "note.txt"
    note.write_text("The minister said that Oslo supports the carbon border tax.", encoding="utf-8")
    assert corpus_run(db, "add", note).returncode == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)  # a person at a terminal
    asked: list[str] = []
    answers = iter(["n", "yes"])
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    kept = corpus_run(db, "remove", "note")
    assert kept.returncode == 1 and "nothing deleted" in kept.stdout
    assert asked == ["Delete 1 article(s) and their statements (note)? [y/N] "]
    done = corpus_run(db, "remove", "note")
    assert done.returncode == 0 and "Deleted 1 article(s): note" in done.stdout
    assert [r["id"] for r in json.loads(corpus_run(db, "list", "--format", "json").stdout)] == ["ukraine_peace_talks"]


def test_evaluate_quotes_against_brat_gold(tmp_path):
    text = 'Bergen keeps its harbour\n\n"We will not close the harbour," Anna Berg said on Monday.\n'
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "harbour.txt").write_text(text, encoding="utf-8")
    content = text.index('"We will')
    content_end = text.index(',"') + 2
    source = text.index("Anna Berg")
    source_end = source + len("Anna Berg")
    cue = text.index("said")
    ann = (
        f"T1\tContent {content} {content_end}\t{text[content:content_end]}\n"
        f"T2\tSource {source} {source_end}\t{text[source:source_end]}\n"
        f"T3\tCue {cue} {cue + 4}\tsaid\n"
        f"T4\tAttribution {cue} {cue + 4}\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    )
    (tmp_path / "attributions" / "harbour_ab12.ann").write_text(ann, encoding="utf-8")
    result = run("evaluate", "--quotes-gold", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "quotes gold:" in result.stdout and "(1 relations in 1 articles)" in result.stdout
    assert "quotes (IoU >= 0.3)          precision 1.00  recall 1.00" in result.stdout
    assert "speaker 1.00" in result.stdout
    bad = run("evaluate", "--quotes-gold", tmp_path / "nowhere")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert run("evaluate", "--quotes-gold", tmp_path, "--iou", "0").returncode == 2


# --- export: the stance table for researchers -------------------------------------------------------

EXPORT_NOTE = (
    "# title: Ceasefire call\n# date: 2025-03-20\n\n"
    "French President Emmanuel Macron said on Thursday that France supports a ceasefire in Ukraine. "
    "Italian Prime Minister Giorgia Meloni said Italy opposes sending European troops to Ukraine. "
    "Kremlin spokesman Dmitry Peskov said Russia is studying the ceasefire proposal.\n"
)


@pytest.fixture(scope="module")
def export_db(tmp_path_factory):
    """A corpus of the seed and one dated note (analysed once; the exports only read it)."""
    folder = tmp_path_factory.mktemp("export")
    db = folder / "corpus.sqlite3"
    note = folder / "ceasefire_call.txt"
    note.write_text(EXPORT_NOTE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:  # seeded from seeds/, whatever the environment says
        patch.delenv(settings.ARTICLES_DIR_ENV, raising=False)
        patch.delenv(settings.CODEBOOK_ENV, raising=False)
        added = corpus_run(db, "add", note)
    assert added.returncode == 0, added.stderr
    return db


def _stance_frame(db):
    import pandas as pd

    result = corpus_run(db, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    return pd.DataFrame(json.loads(result.stdout))


def test_export_csv_json_and_parquet_read_back(export_db, tmp_path):
    import pandas as pd

    out = {fmt: tmp_path / f"stances.{fmt}" for fmt in ("csv", "json", "parquet")}
    for fmt, path in out.items():
        result = corpus_run(export_db, "export", "--format", fmt, "--out", path)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and f" to {path}" in result.stderr.splitlines()[-1]
    rows = json.loads(out["json"].read_text(encoding="utf-8"))
    assert list(rows[0])[: len(STANCE_COLUMNS)] == STANCE_COLUMNS and {"title", "outlet", "date"} <= set(rows[0])
    assert {r["article_id"] for r in rows} == {"ukraine_peace_talks", "ceasefire_call"}
    assert f"wrote {len(rows)} statements as JSON" in corpus_run(export_db, "export", "--format", "json").stderr
    frame = pd.read_csv(out["csv"], keep_default_na=False)
    assert list(frame.columns) == list(rows[0]) and len(frame) == len(rows)
    with open(out["csv"], encoding="utf-8-sig", newline="") as handle:
        assert [r["quote"] for r in csv.DictReader(handle)] == [r["quote"] for r in rows]
    parquet = pd.read_parquet(out["parquet"])
    assert list(parquet.columns) == list(rows[0]) and len(parquet) == len(rows)
    assert pd.api.types.is_integer_dtype(parquet["start_char"]) and pd.api.types.is_float_dtype(parquet["confidence"])
    assert parquet["quote"].tolist() == [r["quote"] for r in rows]


def test_export_dna_reads_back_as_statements(export_db, tmp_path):
    import pandas as pd

    from core.views.export import DNA_COLUMNS, DNA_EVIDENCE_COLUMNS

    path = tmp_path / "statements.csv"
    result = corpus_run(export_db, "export", "--format", "dna", "--out", path, "--network", "conflict")
    assert result.returncode == 0, result.stderr
    assert "apply only to --format graphml and gexf" in result.stderr  # graph options on a table format
    stances = _stance_frame(export_db)
    neutral = int((stances["stance"] == "neutral").sum())
    dna = pd.read_csv(path, keep_default_na=False)
    assert list(dna.columns)[:13] == DNA_COLUMNS + DNA_EVIDENCE_COLUMNS
    assert set(dna["agreement"]) <= {0, 1} and len(dna) == len(stances) - neutral
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"wrote {len(dna)} statements as DNA CSV to {path}")
    if neutral:
        assert f"({neutral} neutral statement" in summary and "DNA's agreement is binary" in summary
    macron = dna[(dna["person"] == "Emmanuel Macron") & (dna["article_id"] == "ceasefire_call")]
    assert not macron.empty and set(macron["organization"]) == {"France"} and set(macron["date"]) == {"2025-03-20"}
    assert set(macron["concept"]) == {"Ceasefire"} and set(macron["agreement"]) == {1}  # the codebook's label
    italy = dna[(dna["person"] == "") & (dna["organization"] == "Italy")]  # "the Italian government"
    assert not italy.empty and set(italy["agreement"]) == {0}
    assert set(dna.loc[dna["article_id"] == "ukraine_peace_talks", "date"]) == {"2025-03-17"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_networks_read_back_with_networkx(export_db, tmp_path, fmt):
    import networkx as nx

    from core.analysis import network
    from core.knowledge.codebook import load_codebook

    labels = {issue.id: issue.label for issue in load_codebook().issues}
    stances = _stance_frame(export_db)
    for kind, by in (("congruence", "actor"), ("conflict", "country")):
        path = tmp_path / f"{kind}.{fmt}"
        result = corpus_run(export_db, "export", "--format", fmt, "--out", path, "--network", kind, "--by", by)
        assert result.returncode == 0, result.stderr
        built = network.build_network(stances, kind=kind, by=by, labels=labels)
        back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
        assert back.number_of_nodes() == built.number_of_nodes() and back.number_of_edges() == built.number_of_edges()
        assert f"a {kind} network by {by} ({built.number_of_nodes()} node" in result.stderr
        weights = {frozenset(map(str, (u, v))): d.get("weight", 1.0) for u, v, d in built.edges(data=True)}
        for u, v, d in back.edges(data=True):
            assert float(d.get("weight", 1.0)) == pytest.approx(float(weights[frozenset((u, v))]))
    text = corpus_run(export_db, "export", "--format", fmt)  # a text format: stdout without --out
    assert text.returncode == 0 and text.stdout.lstrip().startswith("<?xml")


def test_export_to_stdout_and_parquet_to_a_pipe(export_db):
    import pandas as pd

    csv_out = run("export", "--format", "csv", "--db", export_db)
    assert csv_out.returncode == 0 and "wrote" in csv_out.stderr and "to stdout" in csv_out.stderr
    assert list(csv.DictReader(io.StringIO(csv_out.stdout.lstrip("\ufeff"))))
    binary = run_process("export", "--format", "parquet", "--db", export_db, text=False)  # a real pipe, not a terminal
    assert binary.returncode == 0, binary.stderr
    assert not pd.read_parquet(io.BytesIO(binary.stdout)).empty


def test_export_destination_refuses_binary_on_a_terminal():
    from core.cli import UsageError, export_destination

    with pytest.raises(UsageError, match="--out"):
        export_destination("parquet", None, stdout_isatty=True)
    with pytest.raises(UsageError, match="--out"):
        export_destination("parquet", "-", stdout_isatty=True)
    assert export_destination("parquet", None, stdout_isatty=False) is None  # a pipe or a file
    assert export_destination("parquet", "x.parquet", stdout_isatty=True) == "x.parquet"
    for fmt in ("csv", "json", "dna", "graphml", "gexf"):
        assert export_destination(fmt, None, stdout_isatty=True) is None


def test_export_refuses_bad_format_empty_corpus_and_bad_out(tmp_path, export_db):
    bad = run("export", "--format", "xlsx", "--db", export_db)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr and "Traceback" not in bad.stderr
    nowhere = run("export", "--format", "csv", "--out", tmp_path / "missing" / "x.csv", "--db", export_db)
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr and "Traceback" not in nowhere.stderr
    db = tmp_path / "emptied.sqlite3"  # a corpus whose articles were all deleted (the seed does not come back)
    note = tmp_path / "note.txt"
    note.write_text("The minister said that Oslo supports the carbon border tax.", encoding="utf-8")
    assert corpus_run(db, "add", note).returncode == 0
    assert corpus_run(db, "remove", "ukraine_peace_talks", "note", "--yes").returncode == 0
    empty = corpus_run(db, "export", "--format", "dna")
    assert empty.returncode == 2 and "is empty" in empty.stderr and "Traceback" not in empty.stderr
    assert empty.stdout == ""


def test_export_of_files_carries_their_dates_and_an_empty_table_is_a_valid_file(tmp_path):
    import pandas as pd

    note = tmp_path / "ceasefire_call.txt"
    note.write_text(EXPORT_NOTE, encoding="utf-8")
    quiet = tmp_path / "weather.txt"
    quiet.write_text("# date: 2025-03-21\n\nIt rained in Bergen on Friday, the forecasters said.\n", encoding="utf-8")
    path = tmp_path / "dna.csv"
    result = run("export", note, quiet, "--format", "dna", "--out", path)
    assert result.returncode == 0, result.stderr
    dna = pd.read_csv(path, keep_default_na=False)
    assert set(dna["article_id"]) == {"ceasefire_call"} and set(dna["date"]) == {"2025-03-20"}
    empty = tmp_path / "empty.csv"
    result = run("export", quiet, "--format", "dna", "--out", empty)
    assert result.returncode == 0 and "wrote 0 statements" in result.stderr
    frame = pd.read_csv(empty)
    assert frame.empty and list(frame.columns)[:6] == ["person", "organization", "concept", "agreement", "date", "text"]


def test_the_codebook_saved_in_the_corpus_wins_over_the_file(tmp_path):
    from core.corpus.corpus import store_codebook
    from core.corpus.store import CorpusStore
    from core.knowledge.codebook import codebook_from_dict

    db = tmp_path / "corpus.sqlite3"
    only_ceasefire = codebook_from_dict({"name": "one issue", "issues": [
        {"id": "ceasefire", "label": "Truce", "patterns": [r"\bceasefire\b"]}]})
    store_codebook(CorpusStore(db), only_ceasefire)  # as the dashboard's Codebook page does
    result = run("export", "--format", "dna", "--db", db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["concept"] for r in rows} == {"Truce"}  # the stored codebook's issue and label
    # --codebook still overrides it.
    result = run("extract", "--format", "csv", "--db", db, "--codebook", ROOT / "seeds" / "codebook.yaml")
    assert len({r["issue"] for r in csv.DictReader(io.StringIO(result.stdout))}) > 1


def test_evaluate_scores_the_corpus_machine_rows_against_a_reviewed_gold(tmp_path):
    from core.corpus.corpus import Corpus
    from core.corpus.store import CorpusStore
    from core.knowledge.codebook import load_codebook
    from core.views.export import gold_csv

    db = tmp_path / "corpus.sqlite3"
    assert run("list", "--db", db).returncode == 0
    assert run("extract", "--db", db, "--format", "csv").returncode == 0  # seeds and analyses the corpus
    corpus = Corpus(CorpusStore(db), load_codebook())
    stances = corpus.load().tables.stances
    corpus.review("confirm", stances.iloc[0].to_dict(), reviewer="Ada")
    corpus.review("reject", stances.iloc[1].to_dict(), reviewer="Ada")
    gold = tmp_path / "gold_reviewed.csv"
    gold.write_bytes(gold_csv(corpus.load().tables.stances))
    result = run("evaluate", "--db", db, "--gold", gold)
    assert result.returncode == 0, result.stderr
    assert "reviews not applied" in result.stdout and "rows as the corpus stored them; the extractor configured now:" in result.stdout
    scores = [line for line in result.stdout.splitlines() if "precision" in line]
    assert scores and all("recall 1.00" in line for line in scores)  # the confirmed row is found
    assert all("precision 1.00" not in line for line in scores)  # the rejected (and unreviewed) rows are spurious
    refused = run("evaluate", "--db", db)
    assert refused.returncode == 2 and "--db needs --gold" in refused.stderr
