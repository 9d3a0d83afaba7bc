"""Limits that keep one hostile viewer or input from freezing or breaking the app (issue 11):
bounded codebook patterns, bounded analysis, bounded files.

Timings are not asserted here (they belong in benchmarks); what is asserted is that the bounded
paths are taken: a search that runs out of time switches its pattern off and says so.
"""

from __future__ import annotations

import pytest

from core import cli
from core.articles import article_from_text
from core.codebook import Codebook, CodebookError, Issue, codebook_from_dict
from core.corpus import STORED_CODEBOOK_KEY, usable_stored_codebook
from core.patterns import PatternError, compile_pattern
from core.pipeline import analyze_articles
from core.store import CorpusStore
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
    tables = analyze_articles([article_from_text(text, "ferry")], nlp=nlp(), codebook=codebook)
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
    from core.articles import MAX_ARTICLE_CHARS, ArticleError

    assert MAX_ARTICLE_CHARS < 1_000_000, "below spaCy's max_length, so E088 cannot happen"
    prose = "The harbour board voted on the ferry fares again. " * (MAX_ARTICLE_CHARS // 50 + 1)
    with pytest.raises(ArticleError, match=f"the limit is {MAX_ARTICLE_CHARS:,}"):
        article_from_text(prose, "paste")


def test_a_run_without_white_space_is_refused_at_entry():
    from core.articles import MAX_RUN_CHARS, ArticleError

    for hostile in ('"' * 90_000, "Intro. " + "x" * (MAX_RUN_CHARS + 1) + " outro."):
        with pytest.raises(ArticleError, match=f"without a space or line break .*the limit is {MAX_RUN_CHARS:,}"):
            article_from_text(hostile, "paste")
    article_from_text("Intro " + "x" * MAX_RUN_CHARS + " outro, said the harbour master.", "fine")


def test_long_texts_are_parsed_in_pieces_that_keep_every_offset():
    from core.pipeline import parse_long, text_chunks

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
    from core.pipeline import AnalysisTimeLimit, parse_long

    with pytest.raises(AnalysisTimeLimit, match="took longer than 0 s and was stopped"):
        parse_long("Ingrid Dahl spoke. " * 10, nlp(), "ferry", time_limit=0)


def test_an_article_whose_analysis_fails_alone_is_recorded_not_raised(tmp_path):
    from tests.test_corpus import FakeAnalysis, article, corpus

    c = corpus(tmp_path, FakeAnalysis(fail_on="POISON"))
    report = c.add([article("POISON backs the tram.", title="alone")])
    assert report.added == ["alone"] and c.pending() == []
    assert any(w.startswith("alone: the analysis failed") for w in c.load().tables.warnings)
