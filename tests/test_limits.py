"""Limits that keep one hostile viewer or input from freezing or breaking the app (issue 11):
bounded codebook patterns, bounded analysis, bounded files.

Timings are not asserted here (they belong in benchmarks); what is asserted is that the bounded
paths are taken: a search that runs out of time switches its pattern off and says so.
"""

from __future__ import annotations

import gc
import sqlite3

import pytest

from core import cli
from core.corpus.corpus import STORED_CODEBOOK_KEY, usable_stored_codebook
from core.corpus.store import CorpusStore
from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import Codebook, CodebookError, Issue, codebook_from_dict
from core.knowledge.patterns import PatternError, compile_pattern
from tests.nlp_fixtures import nlp

SLOW = r"(e|ee)+$"  # exponential backtracking on "eeee…!"


# --- bounded codebook patterns -------------------------------------------------------------------


def test_a_backtracking_pattern_is_refused_on_entry_with_the_reason():
    with pytest.raises(PatternError, match="too slow"):
        compile_pattern(SLOW)
    with pytest.raises(CodebookError, match=r"issue 'tolls': pattern '\(e\|ee\)\+\$' is refused: it is too slow"):
        codebook_from_dict({"issues": [{"id": "tolls", "patterns": [SLOW]}]}, "tolls.yaml")


def test_ordinary_patterns_lookarounds_included_are_accepted():
    text = "a neutral stance on Norway's bridge and ferry tolls"
    for source in (r"\bferry (?:tolls?|fares?)\b", r"\bneutral\b(?=[^.]{0,30}Norway)", r"(?<!no )\bbridge\b"):
        assert compile_pattern(source).search(text) is not None, source
    # Nested repetition that this engine matches in linear time is not refused.
    assert compile_pattern(r"(\w+\s?)+x").search(text) is None


def test_a_search_that_runs_out_of_time_switches_its_pattern_off():
    pattern = compile_pattern(SLOW, probe=False)  # as if it had slipped past the entry check
    assert pattern.search("e" * 80 + "!") is None
    assert pattern.disabled and pattern.timeouts == 1
    assert list(pattern.finditer("ee")) == [], "switched off: no second time limit is spent"


def test_the_analysis_finishes_and_warns_when_a_pattern_runs_out_of_time():
    slow = Issue("tolls", "Tolls", "", (compile_pattern(SLOW, probe=False),))
    fair = codebook_from_dict({"issues": [{"id": "ferry_fares", "patterns": [r"\bferry fares\b"]}]})
    codebook = Codebook("hostile", [slow, *fair.issues])
    text = "Ingrid Dahl said she supports the ferry fares. " + "e" * 80 + "!\n"
    tables = analyze_articles([article_from_text(text, "ferry")], nlp=nlp(), codebook=codebook, scorer=None)
    assert any("issue 'tolls'" in w and "switched off" in w for w in tables.warnings)
    assert "ferry_fares" in set(tables.stances["issue"])


def test_a_refused_codebook_saved_in_the_corpus_falls_back_to_the_file(tmp_path, capsys):
    db = tmp_path / "corpus.sqlite3"
    store = CorpusStore(db)
    store.set_meta(STORED_CODEBOOK_KEY, f"issues:\n  - id: tolls\n    patterns: ['{SLOW}']\n")
    codebook, problem = usable_stored_codebook(store)
    assert codebook is None and "too slow" in problem and "codebook file is used instead" in problem
    assert cli.main(["list", "--db", str(db)]) == 0
    assert "warning:" in capsys.readouterr().err


def test_the_cli_refuses_a_slow_codebook_file(tmp_path, capsys):
    path = tmp_path / "tolls.yaml"
    path.write_text(f"issues:\n  - id: tolls\n    patterns: ['{SLOW}']\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Ingrid Dahl said the ferry tolls must go.\n", encoding="utf-8")
    assert cli.main(["extract", "--codebook", str(path), str(article)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "too slow" in err


# --- bounded analysis ----------------------------------------------------------------------------


def test_text_over_the_article_limit_is_refused_at_entry_with_the_limit():
    from core.ingest.text import MAX_ARTICLE_CHARS, ArticleError

    assert MAX_ARTICLE_CHARS < 1_000_000, "below spaCy's max_length, so E088 cannot happen"
    prose = "The harbour board voted on the ferry fares again. " * (MAX_ARTICLE_CHARS // 50 + 1)
    with pytest.raises(ArticleError, match=f"the limit is {MAX_ARTICLE_CHARS:,}"):
        article_from_text(prose, "paste")


def test_a_run_without_white_space_is_refused_at_entry():
    from core.ingest.text import MAX_RUN_CHARS, ArticleError

    for hostile in ('"' * 90_000, "Intro. " + "x" * (MAX_RUN_CHARS + 1) + " outro."):
        with pytest.raises(ArticleError, match=f"without a space or line break .*the limit is {MAX_RUN_CHARS:,}"):
            article_from_text(hostile, "paste")
    article_from_text("Intro " + "x" * MAX_RUN_CHARS + " outro, said the harbour master.", "fine")


def test_long_texts_are_parsed_in_pieces_that_keep_every_offset():
    from core.extraction.pipeline import parse_long, text_chunks

    text = "".join(f"Paragraph {i}: Ingrid Dahl said she supports the ferry fares in Bergen.\n\n" for i in range(40))
    chunks = text_chunks(text, size=300)
    assert "".join(chunks) == text and len(chunks) > 5 and all(len(c) <= 300 for c in chunks)
    assert all(c.endswith("\n\n") for c in chunks[:-1]), "pieces end at paragraph breaks"
    doc = parse_long(text, nlp(), chunk_chars=300)
    assert doc.text == text
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    # The model sees less context per piece, so a few entities may differ from a whole parse.
    whole = {(e.start_char, e.end_char, e.label_) for e in nlp()(text).ents}
    assert len(whole & {(e.start_char, e.end_char, e.label_) for e in doc.ents}) >= 0.9 * len(whole)


def test_a_long_parse_past_its_time_limit_stops_with_a_message():
    from core.extraction.pipeline import AnalysisTimeLimit, parse_long

    with pytest.raises(AnalysisTimeLimit, match="took longer than 0 s and was stopped"):
        parse_long("Ingrid Dahl spoke. " * 10, nlp(), "ferry", time_limit=0)


def test_an_article_whose_analysis_fails_alone_is_recorded_not_raised(tmp_path):
    from tests.test_corpus import FakeAnalysis, article, corpus

    c = corpus(tmp_path / "c.sqlite3", FakeAnalysis(fail_on="POISON"))
    report = c.add([article("POISON backs the tram.", title="alone")])
    assert report.added == ["alone"] and c.pending() == []
    assert any(w.startswith("alone: the analysis failed") for w in c.load().tables.warnings)


# --- a real deadline on web fetches --------------------------------------------------------------


DRIP_BYTES = 50  # 10 s of dripping: ten times the fetch deadline below


class _Drip:
    """A local server that sends its answer one byte every 0.2 s, in the headers or in the body,
    for DRIP_BYTES bytes, then keeps the connection open without a word. ``sent`` counts the bytes
    sent so far."""

    def __init__(self, in_headers: bool) -> None:
        import socket
        import threading

        self.in_headers = in_headers
        self.sent = 0
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
            if not self.in_headers:
                conn.sendall(head)
            drip = (head if self.in_headers else b"<p>" + b"x" * 99_997)[:DRIP_BYTES]
            for byte in drip:
                if self.stop.wait(0.2):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                self.sent += 1
            self.stop.wait()  # silent, but open: only a deadline ends the fetch now

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


@pytest.mark.parametrize("in_headers", [True, False], ids=["headers", "body"])
def test_a_server_dripping_bytes_cannot_outlast_the_fetch_deadline(in_headers):
    """The whole fetch has a deadline: it is refused while the server is still dripping. A
    timeout per socket read alone would wait for the whole drip, then report "no answer"."""
    from core.ingest.sources import IngestError, fetch_url

    server = _Drip(in_headers)
    try:
        with pytest.raises(IngestError, match="no complete answer within 1 s"):
            fetch_url(f"http://127.0.0.1:{server.port}/", allow_private=True, timeout=1)
        sent_when_refused = server.sent
    finally:
        server.close()
    assert sent_when_refused < DRIP_BYTES, "refused by the deadline, before the drip ran out"


# --- bounded files -------------------------------------------------------------------------------


def _zip_bomb(path, unpacked_bytes: int) -> bytes:
    """A .docx-shaped zip whose document part unpacks to ``unpacked_bytes`` of zeros, written in
    pieces so building it needs little memory."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * 1_000_000
            for _ in range(unpacked_bytes // len(block)):
                part.write(block)
    return path.read_bytes()


def test_a_docx_zip_bomb_is_refused_from_its_directory(tmp_path):
    import tracemalloc

    from core.ingest.sources import IngestError, extract_file

    data = _zip_bomb(tmp_path / "bomb.docx", 150_000_000)  # over the limit by half: the check, not the size, is tested
    assert len(data) < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match=r"unpacks to 150,000,\d+ bytes; the limit is 100,000,000"):
            extract_file(data, "bomb.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, "refused without unpacking"


def test_a_highly_compressed_part_is_refused_as_a_zip_bomb(tmp_path):
    from core.ingest.sources import IngestError, extract_file

    data = _zip_bomb(tmp_path / "small_bomb.docx", 40_000_000)
    with pytest.raises(IngestError, match="looks like a zip bomb"):
        extract_file(data, "small_bomb.docx")


def test_file_size_is_checked_before_reading(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: 4 GB announced, nothing written
    assert cli.main(["add", "--db", str(tmp_path / "c.sqlite3"), str(huge)]) == 2
    assert "the file is 4,294,967,296 bytes; the limit is" in capsys.readouterr().err
    assert cli.main(["extract", str(huge)]) == 2
    assert "the file is 4,294,967,296 bytes; the limit is" in capsys.readouterr().err


def test_symlink_loops_and_utf16_text_get_the_right_answer(tmp_path, capsys):
    import os

    from core.ingest.text import read_article

    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    assert cli.main(["extract", str(tmp_path / "a.txt")]) == 2
    assert "loop of symbolic links" in capsys.readouterr().err
    utf16 = tmp_path / "memo.txt"
    utf16.write_bytes("Ingrid Dahl said she supports the ferry fares.".encode("utf-16"))
    assert read_article(utf16).text == "Ingrid Dahl said she supports the ferry fares."


# --- spreadsheet formulas in downloads -----------------------------------------------------------


def test_csv_downloads_never_start_a_cell_with_a_formula():
    import io as _io

    import pandas as pd

    from core.views.export import dna_csv, table_csv

    stances = pd.DataFrame([{
        "article_id": "a1", "actor": "@Ferry Board", "actor_type": "organization", "country": "Norway", "issue": "fares",
        "stance": "support", "certainty": "stated", "attribution": "direct", "source": "", "quote": "=HYPERLINK(\"http://evil.test\")",
        "start_char": 0, "end_char": 5, "confidence": -0.5, "title": "+cmd|' /C calc'!A0", "outlet": "-2+3", "date": "2024-01-01",
        "sentence": 1,
    }])
    for data, encoding in ((table_csv(stances), "utf-8-sig"), (dna_csv(stances, {"fares": "\tFerry fares"}), "utf-8")):
        cells = [str(v) for row in pd.read_csv(_io.StringIO(data.decode(encoding)), dtype=str).fillna("").values for v in row]
        assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r")) or (c.startswith("-") and not c[1:2].isdigit())]
        assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert b"'@Ferry Board" in table_csv(stances) and b"'+cmd" in table_csv(stances) and b"'-2+3" in table_csv(stances)
    assert b",-0.5" in table_csv(stances), "numbers stay numbers"


# --- damaged, read-only and oddly named inputs ---------------------------------------------------


def test_a_damaged_corpus_file_gives_one_line_not_a_traceback(tmp_path, capsys):
    db = tmp_path / "c.sqlite3"
    article = tmp_path / "ferry.txt"
    article.write_text("Ingrid Dahl said she supports the ferry fares.\n", encoding="utf-8")
    assert cli.main(["add", "--db", str(db), str(article)]) == 0
    # Everything into the main file first: a connection the garbage collector has not closed yet
    # would leave the rows in the write-ahead log, which the damage below would not touch.
    gc.collect()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    for at in range(4096, len(data), 4096):  # every page after the header: garbage
        data[at + 8 : at + 200] = b"\xff" * 192
    db.write_bytes(bytes(data))
    # A connection still open somewhere (the suite runs many tests in one process) can keep pages
    # in the write-ahead log, where SQLite would read them instead of the damaged ones: garble it.
    wal = db.with_name(db.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        wal.write_bytes(b"\xff" * wal.stat().st_size)
    for command in (["list"], ["remove", "--yes", "ferry"]):
        capsys.readouterr()
        assert cli.main([*command, "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_read_only_corpus_can_still_be_read(tmp_path, monkeypatch, capsys):
    import os

    import core.corpus.store

    db = tmp_path / "c.sqlite3"
    article = tmp_path / "ferry.txt"
    article.write_text("Ingrid Dahl said she supports the ferry fares.\n", encoding="utf-8")
    assert cli.main(["add", "--db", str(db), str(article)]) == 0
    # A folder the server may not write to (faked: this suite may run as root, who writes anywhere).
    real_access = os.access
    monkeypatch.setattr(core.corpus.store.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    capsys.readouterr()
    assert cli.main(["list", "--db", str(db)]) == 0
    assert "ferry" in capsys.readouterr().out
    assert cli.main(["remove", "--yes", "--db", str(db), "ferry"]) == 2
    assert "read-only; nothing was changed" in capsys.readouterr().err


def test_messages_never_echo_a_huge_input(tmp_path, capsys):
    assert cli.main(["extract", "x" * 100_000 + ".txt"]) == 2
    err = capsys.readouterr().err
    assert len(err) < 600 and err.splitlines()[0].endswith("…")


def test_counted_repeats_that_would_take_memory_to_compile_are_refused_before_compiling():
    for source, reason in ((r"(?:(?:a{1000}){1000}){10}", "1,000 times; the limit is 100"),
                           (r"(?:x{80}){80}{1}", "not a valid regular expression"),
                           (r"(?:(?:(?:ferry ){30}){30}){30}", "nested repeats multiply to more than 10,000")):
        with pytest.raises(PatternError, match=reason):
            compile_pattern(source)
    assert compile_pattern(r"\b\d{4}-\d{2}-\d{2}\b").search("the fares of 2024-05-01") is not None


def test_a_pattern_that_ran_out_of_time_counts_as_matching_for_reuse():
    from core.corpus.corpus import _may_match

    slow = compile_pattern(SLOW, probe=False)
    assert _may_match(slow, "e" * 80 + "!"), "out of time: the article is analysed again, not reused"
    assert _may_match(slow, "nothing here"), "and once switched off it always counts as matching"


# --- the analysis worker -------------------------------------------------------------------------


class _SlowCorpus:
    def __init__(self, log: list, delay: float = 0.3, fail: BaseException | None = None) -> None:
        self.log, self.delay, self.fail = log, delay, fail

    def extract_pending(self, progress) -> int:
        import time

        self.log.append("round")
        progress(0, 1, "working")
        time.sleep(self.delay)
        if self.fail is not None:
            raise self.fail
        progress(1, 1, "done")
        return 1


def test_the_worker_runs_one_round_at_a_time_and_never_loses_a_request():
    import time

    from core.corpus.worker import AnalysisWorker

    log: list = []
    worker = AnalysisWorker()
    worker.request(lambda: _SlowCorpus(log))
    while not log:  # the round has begun...
        time.sleep(0.01)
    for _ in range(4):  # ...and four more sessions ask meanwhile: one more round covers them all
        worker.request(lambda: _SlowCorpus(log))
    assert worker.wait(10)
    assert log == ["round", "round"] and worker.status().rounds == 2
    worker.request(lambda: _SlowCorpus(log, delay=0))  # after it ended: a new thread, a new round
    assert worker.wait(10) and log == ["round"] * 3 and worker.status().rounds == 3


def test_a_failing_round_is_reported_and_releases_the_waiting_sessions():
    from core.corpus.worker import AnalysisWorker

    worker = AnalysisWorker()
    worker.request(lambda: _SlowCorpus([], delay=0, fail=ValueError("broken store")))
    assert worker.wait(10)
    assert isinstance(worker.last_exception(), ValueError) and "broken store" in worker.status().error
    worker.request(lambda: _SlowCorpus([], delay=0, fail=KeyboardInterrupt()))
    assert worker.wait(10) and not worker.status().busy, "even an interrupt leaves the worker idle, not stuck"


# --- knowledge edited while the server runs (issue 12's first bug) -------------------------------


def test_a_lexicon_edited_while_running_is_read_again(tmp_path):
    import shutil

    import yaml

    from core.knowledge.gazetteer import load_knowledge
    from core.settings import DEFAULT_ACTORS, DEFAULT_LEXICON

    actors, lexicon = tmp_path / "actors.yaml", tmp_path / "lexicon.yaml"
    shutil.copy(DEFAULT_ACTORS, actors)
    shutil.copy(DEFAULT_LEXICON, lexicon)
    before = load_knowledge(actors, lexicon)
    assert "say" in before.lexicon.speech
    data = yaml.safe_load(lexicon.read_text(encoding="utf-8"))
    data["speech"] = [w for w in data["speech"] if w != "say"]
    lexicon.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    after = load_knowledge(actors, lexicon)
    assert "say" not in after.lexicon.speech, "the edited file is used, not the cached copy"
    assert load_knowledge(actors, lexicon) is after, "and cached again while it stays the same"


def test_a_misspelt_key_in_the_lexicon_or_actors_file_is_refused_with_file_key_and_line(tmp_path):
    import shutil

    from core.knowledge.gazetteer import (
        DEFAULT_ACTORS,
        DEFAULT_LEXICON,
        KnowledgeError,
        load_knowledge,
    )

    actors, lexicon = tmp_path / "actors.yaml", tmp_path / "lexicon.yaml"
    shutil.copy(DEFAULT_ACTORS, actors)
    text = DEFAULT_LEXICON.read_text(encoding="utf-8")
    line = text.splitlines().index(next(row for row in text.splitlines() if row.startswith("speech:"))) + 1
    lexicon.write_text(text.replace("\nspeech:", "\nspeach:", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"lexicon.yaml, line {line}: unknown key 'speach' \(did you mean 'speech'\?\)"):
        load_knowledge(actors, lexicon)
    shutil.copy(DEFAULT_LEXICON, lexicon)
    actors.write_text(DEFAULT_ACTORS.read_text(encoding="utf-8") + "\nministers: [Ana Costa]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"actors.yaml, line \d+: unknown key 'ministers'"):
        load_knowledge(actors, lexicon)
