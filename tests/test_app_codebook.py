"""The Codebook page through Streamlit's AppTest: view, add, edit, delete issues, save them in the
corpus or to the codebook file (a copy in tmp_path: the seed file is never written), and turn
uncoded statements into a new issue.

The analysis is faked like in ``tests/test_app.py``, but on a small corpus about fisheries and a
harbour bridge: every "Name said …." sentence is a quote, and each quote matching a codebook issue
(through ``Codebook.find``) is a support statement on it. So a new issue in the codebook shows up
as statements only if the articles were really re-extracted with it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from core import settings
from core.corpus.corpus import stored_codebook
from core.corpus.store import CorpusStore
from core.extraction.pipeline import Tables
from core.knowledge.codebook import IssueDraft, load_codebook, with_issue
from core.model import ACTOR_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, STANCE_COLUMNS
from core.settings import SEEDS_DIR
from tests.apptest import (
    assert_clean,
    emptied_caches,
    fresh_corpus,  # noqa: F401 - autouse: a new corpus for every test
    open_app_page,
    texts,
)

PAGE = "app_pages/codebook.py"
OVERVIEW = "app_pages/overview.py"

ARTICLE = (
    "Anna Berg said the fishing quotas must be cut this year. "
    "Jonas Lind said fishing quotas would ruin the harbour towns. "
    "Mia Holm said the new harbour bridge is far too expensive. "
    "Peter Sand said the harbour bridge must be built before winter. "
    "Ola Dahl said sanctions on the trawler fleet are overdue.\n"
)
SAID = re.compile(r"([A-Z]\w+ [A-Z]\w+) said ([^.]+)\.")


class Calls:
    analyze = 0
    pipeline = 0


def fake_analyze(articles, nlp=None, codebook=None, knowledge=None) -> Tables:
    """Quotes from "Name said …." sentences; a support statement per codebook issue a quote matches."""
    quotes, stances = [], []
    for article in articles:
        for m in SAID.finditer(article.text):
            speaker, text, start, end = m.group(1), m.group(2), m.start(2), m.end(2)
            quotes.append([article.article_id, speaker, "person", "Norway", text, start, end, "indirect", "said", m.start(1), m.end(1)])
            for match in codebook.find(text, offset=start):
                stances.append([article.article_id, 1, speaker, "person", "Norway", match.issue, "support", "stated",
                                "indirect", "", text, start, end, 0.8])
    return Tables(
        stances=pd.DataFrame(stances, columns=STANCE_COLUMNS),
        quotes=pd.DataFrame(quotes, columns=QUOTE_COLUMNS),
        actors=pd.DataFrame(
            [[s, "person", "Norway", "", [s], 1] for s in dict.fromkeys(q[1] for q in quotes)], columns=ACTOR_COLUMNS
        ),
        mentions=pd.DataFrame([], columns=MENTION_COLUMNS),
        warnings=[],
    )


@pytest.fixture
def calls(monkeypatch, tmp_path) -> Calls:
    """Fake analysis and pipeline that count their calls; the fisheries article as the seed
    folder; a copy of the seed codebook as the codebook file; caches emptied around each test."""
    counted = Calls()

    def counting_analyze(articles, nlp=None, codebook=None, knowledge=None):
        counted.analyze += 1
        assert nlp == "fake pipeline" and codebook is not None
        return fake_analyze(articles, nlp=nlp, codebook=codebook)

    def counting_pipeline(knowledge=None):
        counted.pipeline += 1
        return "fake pipeline"

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "fisheries.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "fisheries.meta.yaml").write_text("title: Coast council\ndate: 2025-05-02\nsource: Coast Post\n",
                                                encoding="utf-8")
    monkeypatch.setattr(dashboard, "analyze_articles", counting_analyze)
    monkeypatch.setattr(dashboard, "build_pipeline", counting_pipeline)
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(folder))
    monkeypatch.setenv(settings.CODEBOOK_ENV, str(codebook_copy(tmp_path)))
    with emptied_caches():
        yield counted


def codebook_copy(tmp_path: Path) -> Path:
    path = tmp_path / "codebook" / "codebook.yaml"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        shutil.copy(SEEDS_DIR / "codebook.yaml", path)
    return path


@pytest.fixture
def local_user(monkeypatch) -> None:
    """The one user of a local installation (AppTest sends no request, so it is faked here)."""
    monkeypatch.delenv("STANCE_OPEN_EDITING", raising=False)
    monkeypatch.setattr(dashboard.access, "local_request", lambda: True)


def open_page() -> AppTest:
    return open_app_page(PAGE)


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def fill(at: AppTest, *, id: str | None = None, label: str | None = None, description: str | None = None,
         patterns: list[str] | None = None, terms: list[str] | None = None) -> None:
    for key, value in (("codebook_id", id), ("codebook_label", label), ("codebook_description", description)):
        if value is not None:
            (at.text_input if key != "codebook_description" else at.text_area)(key=key).input(value)
    if patterns is not None:
        at.text_area(key="codebook_patterns").input("\n".join(patterns))
    if terms is not None:
        at.text_area(key="codebook_terms").input("\n".join(terms))


def add_quota_issue(at: AppTest) -> AppTest:
    assert at.selectbox(key="codebook_issue").value == ""  # "(new issue)"
    fill(at, id="fishing_quotas", label="Fishing quotas", description="Support = catch limits are kept or cut.",
         patterns=[r"\bfishing\s+quotas?\b"])
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    return at


def stored(fresh_corpus: Path):
    return stored_codebook(CorpusStore(fresh_corpus))


def issue_table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


# --- the page --------------------------------------------------------------------------------


def test_page_shows_where_the_codebook_comes_from_and_its_issues(calls):
    at = open_page()
    assert at.title[0].value == "Codebook"
    assert "from the file" in texts(at.markdown) and "codebook.yaml" in texts(at.markdown)
    table = issue_table(at)
    seed = load_codebook(SEEDS_DIR / "codebook.yaml")
    assert table["id"].tolist() == seed.ids
    assert list(table.columns) == ["label", "id", "description", "terms", "patterns", "opposite", "problem", "statements"]
    row = table.set_index("id").loc["sanctions_on_russia"]
    sanctions = next(i for i in seed.issues if i.id == "sanctions_on_russia")
    assert row["label"] == "Sanctions on Russia" and row["patterns"] == len(sanctions.patterns) > 0
    assert row["statements"] == 1  # "sanctions on the trawler fleet"
    assert at.selectbox(key="codebook_issue").options[0] == "(new issue)"
    assert "Peace talks" in at.selectbox(key="codebook_issue").options
    assert calls.analyze == 1


def test_adding_an_issue_and_saving_it_in_the_corpus_re_extracts(calls, fresh_corpus):
    at = open_page()
    add_quota_issue(at)
    assert "Unsaved changes: issues fishing_quotas changed." in texts(at.warning)
    assert "fishing_quotas" in issue_table(at)["id"].tolist()
    assert stored(fresh_corpus) is None, "nothing is saved before a save button"
    assert at.selectbox(key="codebook_issue").value == "fishing_quotas"

    button(at, "Save in the corpus").click().run()
    assert_clean(at)
    assert "Saved in the corpus. Articles in which a changed issue's terms or patterns match are analysed again" in texts(at.success)
    assert calls.analyze == 2, "the articles were extracted again with the new codebook"
    codebook = stored(fresh_corpus)
    assert codebook is not None and "fishing_quotas" in codebook.ids
    assert "saved in the corpus" in texts(at.markdown)
    assert not at.warning, "no unsaved changes left"
    assert issue_table(at).set_index("id").loc["fishing_quotas", "statements"] == 2
    assert load_codebook(dashboard.codebook_file()).ids == load_codebook(SEEDS_DIR / "codebook.yaml").ids

    at.switch_page(OVERVIEW).run()
    assert_clean(at)
    options = at.multiselect(key="filter_issue").options
    assert "Fishing quotas" in options
    assert calls.analyze == 2


def test_editing_a_label_round_trips(calls, fresh_corpus):
    at = open_page()
    at.selectbox(key="codebook_issue").set_value("ceasefire").run()
    assert at.text_input(key="codebook_id").value == "ceasefire"
    assert at.text_input(key="codebook_label").value == "Ceasefire"
    assert "ceasefire" in at.text_area(key="codebook_patterns").value
    fill(at, label="Truce at sea")
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    assert "labels or descriptions only" in texts(at.warning)
    button(at, "Save in the corpus").click().run()
    assert_clean(at)
    assert stored(fresh_corpus).label("ceasefire") == "Truce at sea"
    assert at.selectbox(key="codebook_issue").value == "ceasefire"
    assert at.text_input(key="codebook_label").value == "Truce at sea"
    assert issue_table(at).set_index("id").loc["ceasefire", "label"] == "Truce at sea"


def test_a_bad_regex_is_refused_and_nothing_is_saved(calls, fresh_corpus):
    at = open_page()
    fill(at, id="harbour_bridge", label="Harbour bridge", patterns=[r"\bharbour (bridge"])
    at.button(key="codebook_apply").click().run()
    assert not at.exception
    assert r"\bharbour (bridge" in texts(at.error)
    assert "not a valid regular expression" in texts(at.error)
    assert not at.warning and "harbour_bridge" not in issue_table(at)["id"].tolist()
    assert at.text_input(key="codebook_id").value == "harbour_bridge", "the typed draft stays in the form"
    assert stored(fresh_corpus) is None
    assert load_codebook(dashboard.codebook_file()) == load_codebook(SEEDS_DIR / "codebook.yaml")


def test_test_patterns_counts_matching_quotes(calls, fresh_corpus):
    at = open_page()
    fill(at, patterns=[r"\bharbour\s+bridge\b"])
    at.button(key="codebook_test").click().run()
    assert_clean(at)
    assert "The terms and patterns match 2 of 5 quotes in the corpus." in texts(at.info)
    assert "the new harbour bridge is far too expensive" in texts(at.markdown)
    assert stored(fresh_corpus) is None and not at.warning



def test_an_issue_written_with_terms_only_is_tested_added_and_saved(calls, fresh_corpus):
    at = open_page()
    # Written with a hyphen, the phrase still finds "harbour bridge" in the quotes.
    fill(at, id="harbour_bridge", label="Harbour bridge", terms=["harbour-bridge"])
    at.button(key="codebook_test").click().run()
    assert_clean(at)
    assert "The terms and patterns match 2 of 5 quotes in the corpus." in texts(at.info)
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    button(at, "Save in the corpus").click().run()
    assert_clean(at)
    saved = stored(fresh_corpus).issues[-1]
    assert saved.id == "harbour_bridge" and saved.terms == ("harbour-bridge",) and saved.patterns == ()

def test_saving_to_the_codebook_file_writes_the_copy(calls, fresh_corpus, tmp_path, local_user):
    path = codebook_copy(tmp_path)
    before = load_codebook(path)
    at = open_page()
    fill(at, id="harbour_bridge", label="Harbour bridge", description="Support = the bridge is built.",
         patterns=[r"\bharbour\s+bridges?\b"])
    at.button(key="codebook_apply").click().run()
    button(at, "Save to the codebook file").click().run()
    assert_clean(at)
    assert "analysed again with it" in texts(at.success)
    expected = with_issue(before, IssueDraft("harbour_bridge", "Harbour bridge", "Support = the bridge is built.",
                                             [r"\bharbour\s+bridges?\b"]))
    assert load_codebook(path) == expected
    assert stored(fresh_corpus) is None
    assert calls.analyze == 2
    assert issue_table(at).set_index("id").loc["harbour_bridge", "statements"] == 2
    assert load_codebook(SEEDS_DIR / "codebook.yaml").ids == before.ids  # the seed file is untouched


def test_saving_to_the_file_drops_a_codebook_stored_in_the_corpus(calls, fresh_corpus, tmp_path, local_user):
    at = open_page()
    add_quota_issue(at)
    button(at, "Save in the corpus").click().run()
    at.selectbox(key="codebook_issue").set_value("ceasefire").run()
    fill(at, label="Truce")
    at.button(key="codebook_apply").click().run()
    button(at, "Save to the codebook file").click().run()
    assert_clean(at)
    assert "was dropped, so the file is used" in texts(at.success)
    assert stored(fresh_corpus) is None
    saved = load_codebook(codebook_copy(tmp_path))
    assert "fishing_quotas" in saved.ids and saved.label("ceasefire") == "Truce"


def test_a_read_only_codebook_file_loses_nothing(calls, fresh_corpus, tmp_path, monkeypatch, local_user):
    import core.knowledge.codebook

    def refuse(codebook, path):
        raise PermissionError(13, "Permission denied", str(path))

    at = open_page()
    add_quota_issue(at)
    monkeypatch.setattr(core.knowledge.codebook, "save_codebook", refuse)  # the page imports it on every run
    button(at, "Save to the codebook file").click().run()
    assert not at.exception
    assert "Not saved to" in texts(at.error) and "Permission denied" in texts(at.error)
    assert "Unsaved changes: issues fishing_quotas changed." in texts(at.warning)
    assert "fishing_quotas" not in load_codebook(codebook_copy(tmp_path)).ids
    assert stored(fresh_corpus) is None


def test_deleting_an_issue_asks_first(calls, fresh_corpus):
    at = open_page()
    at.selectbox(key="codebook_issue").set_value("sanctions_on_russia").run()
    at.button(key="codebook_delete").click().run()
    assert_clean(at)
    assert "This removes the issue" in texts(at.markdown)
    at.button(key="cancel_delete_issue").click().run()
    assert "sanctions_on_russia" in issue_table(at)["id"].tolist() and not at.warning
    at.button(key="codebook_delete").click().run()
    at.button(key="confirm_delete_issue").click().run()
    assert_clean(at)
    assert "sanctions_on_russia" not in issue_table(at)["id"].tolist()
    assert "Unsaved changes: issues sanctions_on_russia changed." in texts(at.warning)
    assert at.selectbox(key="codebook_issue").value == ""
    button(at, "Discard changes").click().run()
    assert_clean(at)
    assert "sanctions_on_russia" in issue_table(at)["id"].tolist() and not at.warning
    assert stored(fresh_corpus) is None


def test_uncoded_panel_groups_statements_and_creates_an_issue(calls, fresh_corpus):
    at = open_page()
    assert "Uncoded statements" in texts(at.subheader)
    labels = [e.label for e in at.expander if " statements" in e.label]  # the uncoded groups, in order
    assert "fishing quotas — 2 statements" in labels and "harbour bridge — 2 statements" in labels
    assert "0 share no key phrase" in texts(at.caption)  # "harbour towns" went with "fishing quotas"
    assert "Anna Berg; Jonas Lind" in texts(at.markdown)
    first = labels.index("fishing quotas — 2 statements")
    at.button(key=f"codebook_uncoded_{first}").click().run()
    assert_clean(at)
    assert at.selectbox(key="codebook_issue").value == ""
    assert at.text_input(key="codebook_id").value == "fishing_quotas"
    assert at.text_input(key="codebook_label").value == "Fishing quotas"
    assert at.text_area(key="codebook_terms").value == "fishing quotas"  # a term, not a regex
    assert at.text_area(key="codebook_patterns").value == ""
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    assert "fishing quotas — 2 statements" not in [e.label for e in at.expander], "now coded by the draft"
    button(at, "Save in the corpus").click().run()
    assert_clean(at)
    assert stored(fresh_corpus).issues[-1].terms == ("fishing quotas",)


def test_everything_coded_says_so(calls, fresh_corpus):
    at = open_page()
    for phrase in ("fishing quotas", "harbour bridge", "harbour towns"):
        at.selectbox(key="codebook_issue").set_value("").run()
        fill(at, id=phrase.replace(" ", "_"), label=phrase.capitalize(), patterns=[phrase])
        at.button(key="codebook_apply").click().run()
        assert_clean(at)
    assert "Every attributed statement matches an issue." in texts(at.info)


def test_use_the_codebook_file_again_clears_the_stored_codebook(calls, fresh_corpus):
    at = open_page()
    assert not [b for b in at.button if b.label == "Use the codebook file again"]
    add_quota_issue(at)
    button(at, "Save in the corpus").click().run()
    assert stored(fresh_corpus) is not None
    button(at, "Use the codebook file again").click().run()
    assert_clean(at)
    assert stored(fresh_corpus) is None
    assert "is used again" in texts(at.success)
    assert "fishing_quotas" not in issue_table(at)["id"].tolist()
    assert "from the file" in texts(at.markdown)
    assert not [b for b in at.button if b.label == "Use the codebook file again"]


def test_hostile_text_is_escaped(calls, fresh_corpus):
    at = open_page()
    fill(at, id="x_issue", label="**bold** [link](https://evil.example)", patterns=["harbour"])
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    raw = "\n".join(str(e.value) for e in at.info)
    assert r"\*\*bold\*\* \[link\]\(https\:" in raw


def test_an_empty_corpus_still_shows_the_codebook(calls, monkeypatch, tmp_path):
    empty = tmp_path / "no_articles"
    empty.mkdir()
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(empty))
    at = open_page()
    assert issue_table(at)["statements"].sum() == 0
    assert "No attributed statements yet" in texts(at.info)
    assert calls.analyze == 0


def test_delete_dialog_shows_the_id_without_backslashes(calls):
    at = open_page()
    at.selectbox(key="codebook_issue").set_value("peace_talks").run()
    at.button(key="codebook_delete").click().run()
    assert_clean(at)
    raw = "\n".join(str(e.value) for e in at.markdown if "This removes the issue" in str(e.value))
    assert "(`peace_talks`)" in raw and "peace\\_talks" not in raw


def test_renaming_an_issue_with_reviews_warns_but_applies(calls, fresh_corpus):
    at = open_page()
    stances = dashboard.open_corpus().load().tables.stances
    row = stances[stances["issue"] == "sanctions_on_russia"].iloc[0].to_dict()
    dashboard.open_corpus().review("confirm", row, reviewer="tester")
    at = open_page()
    at.selectbox(key="codebook_issue").set_value("sanctions_on_russia").run()
    assert "reviewed statement" not in texts(at.warning), "no warning while the id is unchanged"
    fill(at, id="sanctions_renamed")
    at.button(key="codebook_test").click().run()  # the form holds the new id: warned before applying
    assert_clean(at)
    expected = ("1 reviewed statement(s) use the id 'sanctions_on_russia'; after renaming, their reviews no longer "
                "match and rejected rows may come back. Keep the id and change the label instead.")
    assert expected in texts(at.warning)
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    assert expected in texts(at.warning), "warned when applying"
    assert "sanctions_renamed" in issue_table(at)["id"].tolist(), "not blocked"
    at.selectbox(key="codebook_issue").set_value("ceasefire").run()
    fill(at, id="truce")  # no reviews on this issue: no warning
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    assert "reviewed statement" not in texts(at.warning)


def test_test_patterns_is_bounded_on_a_large_corpus(calls, monkeypatch, tmp_path):
    big = tmp_path / "big_articles"
    big.mkdir()
    sentences = " ".join(f"Anna Berg said harbour item {n} is ready." for n in range(5_200))
    (big / "big.txt").write_text(sentences + "\n", encoding="utf-8")
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(big))
    at = open_page()
    fill(at, patterns=[r"\bitem\s+\d*7\b"])
    at.button(key="codebook_test").click().run()
    assert_clean(at)
    matching = sum(1 for n in range(5_000) if str(n).endswith("7"))
    assert f"The terms and patterns match {matching} quotes (tested on the first 5,000 of 5,200 quotes)." in texts(at.info)


def test_uncoded_groups_are_cached_between_reruns(calls, monkeypatch):
    import core.analysis.uncoded

    at = open_page()
    before = [e.label for e in at.expander]
    calls_made = []
    original = core.analysis.uncoded.group_uncoded
    monkeypatch.setattr(core.analysis.uncoded, "group_uncoded", lambda *a, **k: calls_made.append(1) or original(*a, **k))
    at.selectbox(key="codebook_issue").set_value("ceasefire").run()  # a rerun with the same quotes and codebook
    assert_clean(at)
    assert [e.label for e in at.expander] == before and not calls_made


def test_a_pattern_that_backtracks_is_refused_with_the_reason(calls, fresh_corpus):
    at = open_page()
    fill(at, id="harbour_bridge", label="Harbour bridge", patterns=[r"(e|ee)+$"])
    at.button(key="codebook_apply").click().run()
    assert not at.exception
    assert "too slow" in texts(at.error)
    assert "harbour_bridge" not in issue_table(at)["id"].tolist()
    at.button(key="codebook_test").click().run()  # "Test patterns" refuses it too, in bounded time
    assert not at.exception
    assert "too slow" in texts(at.error)
    assert stored(fresh_corpus) is None


def test_a_refused_codebook_saved_in_the_corpus_never_stops_the_app(calls, fresh_corpus):
    from core.corpus.corpus import STORED_CODEBOOK_KEY

    # Saved before patterns were bounded: a pattern today's rules refuse.
    CorpusStore(fresh_corpus).set_meta(STORED_CODEBOOK_KEY, "issues:\n  - id: tolls\n    patterns: ['(e|ee)+$']\n")
    for page in (PAGE, OVERVIEW):
        at = open_app_page(page)
        assert not at.exception and not at.error
        assert "too slow" in texts(at.warning) and "codebook file is used instead" in texts(at.warning)


def test_only_the_local_user_can_write_the_codebook_file(calls, fresh_corpus, tmp_path):
    before = load_codebook(codebook_copy(tmp_path)).ids
    at = open_page()  # an editor of a deployment (open editing), not on the server's machine
    add_quota_issue(at)
    file_button = button(at, "Save to the codebook file")
    assert file_button.proto.disabled  # (the page also checks before writing, whatever a client sends)
    assert load_codebook(codebook_copy(tmp_path)).ids == before
    button(at, "Save in the corpus").click().run()
    assert "fishing_quotas" in stored(fresh_corpus).ids


def test_a_viewer_sees_the_codebook_but_cannot_edit_it(calls, fresh_corpus, monkeypatch):
    monkeypatch.delenv("STANCE_OPEN_EDITING", raising=False)
    at = open_page()
    assert_clean(at)
    assert "Editing the codebook needs an editor" in texts(at.info)
    assert not issue_table(at).empty
    assert not [b for b in at.button if b.key in ("codebook_apply", "codebook_save_corpus", "codebook_delete")]
    assert not any(str(b.key).startswith("codebook_uncoded_") for b in at.button)


VALLEY = (
    "Vera Moss said President Putin ignored the people again. "
    "Karl Bern said the people of the valley trust President Putin. "
    "Lena Falk said the president should visit the people. "
    "Olof Strand said the dam levy is unfair.\n"
)


def test_ungrouped_statements_are_listed_and_names_and_generic_words_are_no_key_phrase(calls, tmp_path):
    """Issue 14 item 8: "N uncoded statement(s) in 0 group(s)" listed nothing, and statements were
    grouped under a name ("putin") or a generic word ("people", "president")."""
    folder = tmp_path / "articles"
    (folder / "valley.txt").write_text(VALLEY, encoding="utf-8")
    (folder / "valley.meta.yaml").write_text("title: Valley *dam*\ndate: 2025-05-03\n", encoding="utf-8")
    at = open_page()
    groups = [e.label.split(" — ")[0] for e in at.expander if e.label.endswith(" statements")]
    assert "fishing quotas" in groups and "harbour bridge" in groups
    for word in ("putin", "people", "president", "president putin"):
        assert word not in groups, groups
    assert "4 share no key phrase" in texts(at.caption)
    listed = next(e for e in at.expander if e.label.startswith("Not grouped"))
    assert listed.label == "Not grouped — 4 statement(s)"
    quoted = [m.value for m in at.markdown if m.value.startswith("> ")]
    for statement in ("President Putin ignored the people again", "the dam levy is unfair"):
        assert f"> {statement}" in quoted
    raw = [c.value for c in at.caption if " · " in c.value]
    assert len(raw) == 4 and raw[0].startswith("Vera Moss · Valley \\*dam\\*")  # escaped Markdown
    about = [texts([c]) for c in at.caption if " · " in c.value]
    assert about[0] == "Vera Moss · Valley *dam* (2025-05-03) · key phrases: ignored"
    assert "dam levy" in about[3].split("key phrases: ")[1]
    assert not any(word in line.split("key phrase")[1] for line in about for word in ("putin", "people", "president"))
    # An editor turns one of their phrases into a draft issue.
    at.selectbox(key="codebook_ungrouped_phrase").set_value("dam levy").run()
    at.button(key="codebook_ungrouped_create").click().run()
    assert_clean(at)
    assert at.text_input(key="codebook_id").value == "dam_levy"
    assert at.text_area(key="codebook_terms").value == "dam levy"


def test_an_issue_with_opposite_terms_is_added_saved_and_counted(calls, fresh_corpus):
    at = open_page()
    fill(at, id="bridge_limits", label="Limits on the harbour bridge", terms=["bridge moratorium"])
    at.text_area(key="codebook_opposite_terms").input("harbour bridge")
    at.text_area(key="codebook_opposite_patterns").input(r"\bnew\s+crossing\b")
    at.button(key="codebook_test").click().run()
    assert_clean(at)
    # (the opposite terms are tested too: "harbour bridge" is in two of the quotes)
    assert "The terms and patterns match 2 of 5 quotes in the corpus." in texts(at.info)
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    assert issue_table(at).set_index("id").loc["bridge_limits", "opposite"] == 2
    button(at, "Save in the corpus").click().run()
    assert_clean(at)
    saved = stored(fresh_corpus).issues[-1]
    assert saved.opposite_terms == ("harbour bridge",) and [p.pattern for p in saved.opposite_patterns] == [r"\bnew\s+crossing\b"]


def test_an_issue_with_problem_terms_is_added_saved_and_counted(calls, fresh_corpus):
    at = open_page()
    fill(at, id="bridge_action", label="Acting on bridge traffic", terms=["bridge moratorium"])
    at.text_area(key="codebook_problem_terms").input("harbour bridge\ntraffic jams")
    at.text_area(key="codebook_problem_patterns").input(r"\bgridlock\b")
    at.button(key="codebook_apply").click().run()
    assert_clean(at)
    assert issue_table(at).set_index("id").loc["bridge_action", "problem"] == 3
    button(at, "Save in the corpus").click().run()
    assert_clean(at)
    saved = stored(fresh_corpus).issues[-1]
    assert saved.problem_terms == ("harbour bridge", "traffic jams") and [p.pattern for p in saved.problem_patterns] == [r"\bgridlock\b"]


def test_a_bad_opposite_pattern_is_refused_and_nothing_is_saved(calls, fresh_corpus):
    at = open_page()
    fill(at, id="bridge_limits", label="Limits on the harbour bridge", terms=["bridge moratorium"])
    at.text_area(key="codebook_opposite_patterns").input("(unclosed")
    at.button(key="codebook_apply").click().run()
    assert any("(unclosed" in e.value for e in at.error)
    assert "bridge_limits" not in list(issue_table(at)["id"])
