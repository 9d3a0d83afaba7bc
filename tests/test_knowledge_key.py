"""Issue 12's stale-result bug: results are keyed by the knowledge that made them.

A lexicon edited while the process runs must neither be ignored (old rows served under the new
file) nor mixed up (rows made with one lexicon stored under the key of another). These tests run
the real spaCy pipeline on a sentence written for them, with copies of the seed knowledge files
in a temporary folder, and remove the speech verb "say" between two analyses.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from core.corpus.corpus import Corpus
from core.corpus.store import CorpusStore
from core.knowledge import gazetteer
from core.knowledge.codebook import codebook_from_dict
from core.knowledge.gazetteer import load_knowledge
from core.model import Article
from core.settings import DEFAULT_ACTORS, DEFAULT_LEXICON

CODEBOOK = codebook_from_dict(
    {"issues": [{"id": "harbour_dredging", "label": "Harbour dredging", "patterns": [r"dredg\w*"]}]}, "harbour codebook"
)
TEXT = ("Harbour master Ines Duarte said the port authority supports the dredging of the north channel. "
        "Fishermen in Aveiro have opposed the plan for months.")


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    actors, lexicon = tmp_path / "actors.yaml", tmp_path / "lexicon.yaml"
    shutil.copy(DEFAULT_ACTORS, actors)
    shutil.copy(DEFAULT_LEXICON, lexicon)
    return actors, lexicon


def _without_say(lexicon: Path) -> None:
    data = yaml.safe_load(lexicon.read_text(encoding="utf-8"))
    assert "say" in data["speech"]
    data["speech"] = [word for word in data["speech"] if word != "say"]
    lexicon.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _cues(corpus: Corpus) -> set[str]:
    """The reporting words of the quotes the corpus holds under its current key."""
    return set(corpus.load().tables.quotes["cue"])


def test_an_edited_lexicon_gives_new_results_under_a_new_key_and_the_old_file_the_old_ones(tmp_path, files):
    actors, lexicon = files
    original = lexicon.read_bytes()
    store = CorpusStore(tmp_path / "corpus.sqlite3")
    first = Corpus(store, CODEBOOK, load_knowledge(actors, lexicon))
    first.add([Article(text=TEXT, title="Harbour")])
    assert "said" in _cues(first), "with 'say' a speech verb, the sentence is a reported statement"

    _without_say(lexicon)
    second = Corpus(store, CODEBOOK, load_knowledge(actors, lexicon))
    assert second.pipeline_key != first.pipeline_key, "the key names the knowledge actually loaded"
    assert second.pending(), "so the article waits for an analysis with the new lexicon"
    second.extract_pending()
    assert "said" not in _cues(second), "the second analysis used the edited lexicon"
    assert second.store.missing_extractions(second.pipeline_key, second.codebook_hash) == []

    lexicon.write_bytes(original)
    again = Corpus(store, CODEBOOK, load_knowledge(actors, lexicon))
    assert again.pipeline_key == first.pipeline_key and not again.pending()
    assert "said" in _cues(again), "the old file's results are still stored under its key"


def test_a_lexicon_edited_after_the_corpus_is_opened_never_stores_rows_under_the_wrong_key(tmp_path, files, monkeypatch):
    """The dashboard's case: the corpus is opened with the configured files, the file changes, then
    the worker analyses. The rows must be stored under the key of the knowledge that made them."""
    actors, lexicon = files
    monkeypatch.setattr(gazetteer, "DEFAULT_ACTORS", actors)
    monkeypatch.setattr(gazetteer, "DEFAULT_LEXICON", lexicon)
    original = lexicon.read_bytes()
    store = CorpusStore(tmp_path / "corpus.sqlite3")
    opened = Corpus(store, CODEBOOK)
    opened.store_articles([Article(text=TEXT, title="Harbour")])
    _without_say(lexicon)
    opened.extract_pending()

    reopened = Corpus(store, CODEBOOK)  # the edited file: a new key, so the article is analysed again
    assert reopened.pipeline_key != opened.pipeline_key and reopened.pending()
    reopened.extract_pending()
    assert "said" not in _cues(reopened)
    lexicon.write_bytes(original)
    assert "said" in _cues(Corpus(store, CODEBOOK)), "rows stored under the original file's key were made with it"
