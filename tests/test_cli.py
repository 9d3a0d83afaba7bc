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
