"""Every knowledge file (actors, lexicon, titles, codebook) is checked on load: a typo, an unknown
key, a value of the wrong shape or an unreadable file is refused with one line naming the file, the
key and the line. The broken files here are written for the tests (a harbour, a tram, a dam)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from core.knowledge.codebook import CodebookError, codebook_from_yaml, load_codebook
from core.knowledge.files import KnowledgeError, read_bytes
from core.knowledge.gazetteer import LEXICON_KEYS, Lexicon, lexicon_schema, load_knowledge
from core.knowledge.titles import load_titles
from core.settings import DEFAULT_ACTORS, DEFAULT_LEXICON, GOLD_DIR, ROOT

ACTORS = """\
people:
  - name: Ines Duarte
    aliases: [Duarte]
    country: Portugal
    role: harbour master
organizations:
  - name: Aveiro Port Authority
    aliases: [the port authority]
metonyms:
  Praça do Comércio: Portugal
roles: [harbour master]
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    actors, lexicon = tmp_path / "actors.yaml", tmp_path / "lexicon.yaml"
    actors.write_text(ACTORS, encoding="utf-8")
    shutil.copy(DEFAULT_LEXICON, lexicon)
    return actors, lexicon


def _line_of(text: str, start: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith(start))


def test_a_small_actors_file_of_its_own_loads(files):
    kb = load_knowledge(*files)
    assert kb.person("Duarte").name == "Ines Duarte" and kb.person("Duarte").country == "Portugal"
    assert kb.organization("the port authority").name == "Aveiro Port Authority"
    assert kb.digest and len(kb.digest) == 12


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("    aliases: [Duarte]", "    alias: [Duarte]",
         r"actors.yaml, line 3: unknown key 'alias' in a person \(did you mean 'aliases'\?\); the keys are aliases, country, name, role"),
        ("    role: harbour master", "    roles: harbour master", r"actors.yaml, line 5: unknown key 'roles' in a person \(did you mean 'role'\?\)"),
        ("organizations:", "organisations:", r"actors.yaml, line 6: unknown key 'organisations' \(did you mean 'organizations'\?\)"),
        ("  - name: Ines Duarte", "  - nmae: Ines Duarte", r"actors.yaml, line 2: unknown key 'nmae' in a person \(did you mean 'name'\?\)"),
        ("    aliases: [Duarte]", "    aliases: {Duarte: yes}", r"actors.yaml, line 3: 'aliases' must be a list of names, not a mapping"),
        ("roles: [harbour master]", "roles: {harbour master: 1}", r"actors.yaml, line 11: 'roles' must be a list of roles, not a mapping"),
        ("  Praça do Comércio: Portugal", "  Praça do Comércio: [Portugal]",
         r"actors.yaml, line 10: 'Praça do Comércio' under 'metonyms' must be a single value, not a list"),
        ("  - name: Ines Duarte\n    aliases: [Duarte]\n    country: Portugal\n    role: harbour master\n", "  - Ines Duarte\n",
         r"actors.yaml, line 2: expected a person as a mapping \(key: value lines\), not a single value"),
    ],
)
def test_actors_file_mistakes_name_the_file_the_key_and_the_line(files, old, new, message):
    actors, lexicon = files
    assert old in ACTORS
    actors.write_text(ACTORS.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(actors, lexicon)


def test_a_person_without_a_name_is_refused_not_a_traceback(files):
    actors, lexicon = files
    actors.write_text(ACTORS.replace("  - name: Ines Duarte\n    aliases", "  - aliases", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"actors.yaml, line 2: a person has no 'name'"):
        load_knowledge(actors, lexicon)


@pytest.mark.parametrize(
    "key, replacement, message",
    [
        ("speech:", "speach:", r"unknown key 'speach' \(did you mean 'speech'\?\)"),
        ("hedges:", "hedge:", r"unknown key 'hedge' \(did you mean 'hedges'\?\)"),
        ("negations:", "negation:", r"unknown key 'negation' \(did you mean 'negations'\?\)"),
    ],
)
def test_lexicon_typos_are_refused_with_the_line(files, key, replacement, message):
    actors, lexicon = files
    text = lexicon.read_text(encoding="utf-8")
    line = _line_of(text, key)
    lexicon.write_text(text.replace("\n" + key, "\n" + replacement, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"lexicon.yaml, line {line}: ({message})"):
        load_knowledge(actors, lexicon)


def test_lexicon_values_of_the_wrong_shape_are_refused(files):
    actors, lexicon = files
    text = lexicon.read_text(encoding="utf-8")
    line = _line_of(text, "quantifiers:")
    lexicon.write_text(text.replace("\nquantifiers:", "\nquantifiers: {many: 1}\n#", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"lexicon.yaml, line {line}: 'quantifiers' must be a list of words, not a mapping"):
        load_knowledge(actors, lexicon)
    lexicon.write_text(text.replace("  threaten: -1", "  threaten: strongly", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"line {_line_of(text, '  threaten:')}: 'threaten' under 'evaluative_side_verbs' must be a number"):
        load_knowledge(actors, lexicon)


def test_the_unused_confirmation_cues_key_is_refused_now(files):
    actors, lexicon = files
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "confirmation_cues: [confirm]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"unknown key 'confirmation_cues'"):
        load_knowledge(actors, lexicon)


def test_every_lexicon_field_is_a_key_of_the_schema_and_the_reverse():
    """A key added to LEXICON_KEYS and to Lexicon is checked with no other change."""
    assert {f.name for f in dataclasses.fields(Lexicon)} == set(LEXICON_KEYS) == set(lexicon_schema().keys)


@pytest.mark.parametrize(
    "text, message",
    [
        ("name: Dams\nisues:\n  - id: dam\n    patterns: [dam]\n", r"cb.yaml, line 2: unknown key 'isues' \(did you mean 'issues'\?\)"),
        ("name: Dams\nissues:\n  - id: dam\n    pattern: [dam]\n",
         r"cb.yaml, line 4: unknown key 'pattern' in an issue \(did you mean 'patterns'\?\)"),
        ("name: Dams\nissues:\n  - id: dam\n    label: [Dam, Dams]\n    patterns: [dam]\n",
         r"cb.yaml, line 4: 'label' must be a single value, not a list"),
        ("name: Dams\nissues:\n  id: dam\n", r"cb.yaml, line 2: 'issues' must be a list of the codebook's issues \(- id: ...\), not a mapping"),
        ("name: Dams\nissues:\n  - id: dam\n    patterns: [dam\n", r"cb.yaml: not a valid YAML codebook \(.*line 5\)"),
    ],
)
def test_codebook_mistakes_name_the_file_the_key_and_the_line(tmp_path, text, message):
    path = tmp_path / "cb.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError, match=message):
        load_codebook(path)


def test_a_codebook_kept_as_text_is_checked_the_same_way():
    with pytest.raises(CodebookError, match=r"the stored codebook, line 3: unknown key 'descripton' in an issue \(did you mean 'description'\?\)"):
        codebook_from_yaml("issues:\n  - id: dam\n    descripton: x\n    patterns: [dam]\n", "the stored codebook")


def test_every_codebook_of_the_project_still_loads():
    paths = [ROOT / "seeds" / "codebook.yaml", *sorted((GOLD_DIR / "codebooks").glob("*.yaml")),
             *sorted((ROOT / "tests" / "fixtures").rglob("*codebook*.yaml"))]
    assert len(paths) >= 6
    for path in paths:
        assert load_codebook(path).issues, path


def test_the_seed_knowledge_files_load():
    assert load_knowledge(DEFAULT_ACTORS, DEFAULT_LEXICON).lexicon is not None
    assert "Mr" in load_titles()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x00\x01binary", r"looks like a binary file"),
        ("titles: [Señor]\n".encode("latin-1"), r"not UTF-8 text \(byte 11\)"),
    ],
)
def test_unreadable_files_are_one_line(tmp_path, content, message):
    path = tmp_path / "titles.yaml"
    path.write_bytes(content)
    with pytest.raises(KnowledgeError, match=message):
        load_titles(path)


def test_an_empty_titles_file_strips_no_titles(tmp_path):
    path = tmp_path / "titles.yaml"
    path.write_bytes(b"")
    assert load_titles(path) == ()


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("roles: [" + "mayor, " * 100 + "]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"actors.yaml: the file is \d+ bytes; a knowledge file may have at most 100"):
        read_bytes(path, limit=100)
    with pytest.raises(KnowledgeError, match=r"is a folder"):
        read_bytes(tmp_path)


def test_a_broken_titles_file_is_one_line_in_the_cli_and_the_dashboard(tmp_path, monkeypatch, capsys):
    from core import cli
    from core.knowledge import titles

    broken = tmp_path / "titles.yaml"
    broken.write_text("titles:\n  - Mayor\ntitels: [Harbour Master]\n", encoding="utf-8")
    monkeypatch.setattr(titles, "DEFAULT_TITLES_FILE", broken)
    # The corpus merges people's names on load, with the titles (the seed article is imported first).
    assert cli.main(["actors", "--db", str(tmp_path / "corpus.sqlite3")]) == 2
    last = capsys.readouterr().err.splitlines()[-1]  # after the progress lines of the import
    assert last.startswith("error: ") and last.endswith("titles.yaml, line 3: unknown key 'titels' (did you mean 'titles'?); the keys are titles")

    import dashboard

    with pytest.raises(KnowledgeError) as refused:
        load_titles(broken)
    shown = dashboard.user_message(refused.value)
    assert "line 3: unknown key 'titels'" in shown and "The analysis failed" not in shown


def test_a_key_written_twice_is_refused_instead_of_losing_the_first_list(files):
    actors, lexicon = files
    text = lexicon.read_text(encoding="utf-8")
    first = _line_of(text, "hedges:")
    lexicon.write_text(text + "hedges: [arguably]\n", encoding="utf-8")
    last = len(lexicon.read_text(encoding="utf-8").splitlines())
    with pytest.raises(KnowledgeError, match=rf"lexicon.yaml, line {last}: the key 'hedges' appears twice \(first on line {first}\)"):
        load_knowledge(actors, lexicon)


@pytest.mark.parametrize("old, new, line_start, item, written", [
    ('"no", neither', "no, neither", "negations:", "item 4 of 'negations'", "no"),
    ('insist: ["on"]', "insist: [on]", "  insist:", "item 1 of 'prepositional_cues: insist'", "on"),
])
def test_an_unquoted_yes_no_on_or_off_in_a_word_list_asks_for_quotes(files, old, new, line_start, item, written):
    """YAML reads unquoted no/on as false/true: the word list would silently hold "false"."""
    actors, lexicon = files
    text = lexicon.read_text(encoding="utf-8")
    assert old in text
    lexicon.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"lexicon.yaml, line {_line_of(text, line_start)}: {item} is {written}, "
                                             rf"which YAML reads as \w+, not as a word; write it in quotes"):
        load_knowledge(actors, lexicon)


def test_the_seed_lexicon_holds_the_words_no_and_on():
    lexicon = load_knowledge().lexicon
    assert "no" in lexicon.negations and "false" not in lexicon.negations
    assert lexicon.prepositional_cues["insist"] == frozenset({"on"})


@pytest.mark.parametrize(
    "old, new, line_start, message",
    [
        # An empty list item would become the word "none" and match "None of the ..." as Duarte.
        ("    aliases: [Duarte]", "    aliases: [Duarte, ~, I. Duarte]", "    aliases",
         "item 2 of 'aliases' is empty; remove it or write the word"),
        # Norway's code, unquoted, is the truth value false to YAML.
        ("    country: Portugal", "    country: NO", "    country",
         "'country' is NO, which YAML reads as false, not as a word; write it in quotes: \"NO\""),
        ("  Praça do Comércio: Portugal", "  Oslo harbour: NO", "  Oslo harbour",
         "'Oslo harbour' under 'metonyms' is NO, which YAML reads as false"),
    ],
)
def test_empty_items_and_unquoted_truth_values_are_refused_in_actors(files, old, new, line_start, message):
    actors, lexicon = files
    text = ACTORS.replace(old, new)
    actors.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(actors, lexicon)
    assert f"actors.yaml, line {_line_of(text, line_start)}: {message}" in str(info.value)


def test_an_unquoted_truth_value_as_an_issue_id_asks_for_quotes(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text("issues:\n  - id: yes\n    label: Tram line\n    patterns: [tram]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"codebook.yaml, line 2: 'id' is yes, which YAML reads as true"):
        load_codebook(path)


def test_an_empty_word_in_the_lexicon_is_refused(files):
    actors, lexicon = files
    text = lexicon.read_text(encoding="utf-8").replace("[say, tell,", "[say, ~, tell,", 1)
    lexicon.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"lexicon.yaml, line \d+: item 2 of 'speech' is empty"):
        load_knowledge(actors, lexicon)


def test_a_lexicon_that_leaves_out_a_rule_word_list_is_refused_not_silently_weaker(files):
    # An older lexicon without a list the rules read would switch those rules off without a word.
    actors, lexicon = files
    kept = [row for row in lexicon.read_text(encoding="utf-8").splitlines() if not row.startswith("condition_words:")]
    lexicon.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"lexicon.yaml.*has no 'condition_words' \(write 'condition_words: \[\]' to leave it empty\)"):
        load_knowledge(actors, lexicon)
    lexicon.write_text("\n".join(kept) + "\ncondition_words: []\n", encoding="utf-8")
    assert load_knowledge(actors, lexicon).lexicon.condition_words == frozenset()
