"""The command line, run as a user runs it: a subprocess, checking stdout, stderr and exit codes."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.schema import ACTOR_COLUMNS, QUOTE_COLUMNS, STANCE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ukraine_peace_talks.txt"
TRADE = ROOT / "tests" / "fixtures" / "trade_codebook.yaml"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


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


def corpus_run(db, *args):
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
    extracted = corpus_run(db, "extract", "--format", "json", "--codebook", TRADE)
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
