"""Roles (issue 11): reading is open, changing needs an editor; who counts as one (core.corpus.access),
and what a viewer and an editor can do on each page (AppTest) and the command line."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

import dashboard
from core import cli
from core.corpus.access import (
    AccessConfig,
    decide,
    host_name,
    is_local_request,
    parse_editors,
    passphrase_matches,
)
from core.corpus.store import CorpusStore
from tests.apptest import (
    assert_clean,
    fresh_corpus,  # noqa: F401 - autouse: a new corpus for every test
    open_app_page,
    texts,
)
from tests.test_app import calls  # noqa: F401 - the faked analysis

SECRET = "ferry tolls at dawn"


# --- who is an editor ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ip, host, local",
    [
        (None, "localhost:8501", True),
        (None, "127.0.0.1:8501", True),
        ("::1", "[::1]:8501", True),
        (None, "stance.example.org", False),  # a proxy on the same machine passes the public name
        ("203.0.113.7", "localhost:8501", False),  # a remote browser claiming to be local
        (None, None, False),  # no request at all
        ("not an ip", "localhost", False),
    ],
)
def test_local_means_a_loopback_connection_that_names_this_machine(ip, host, local):
    assert is_local_request(ip, host) is local


def test_host_names_lose_their_port():
    assert host_name("LocalHost:8501") == "localhost" and host_name("[::1]:80") == "[::1]" and host_name("") == ""


def test_roles_in_order_open_login_passphrase_local():
    nothing = AccessConfig()
    assert decide(nothing, local=True).identity == "local user" and decide(nothing, local=True).is_editor
    assert not decide(nothing, local=False).is_editor, "a deployment that configures nothing is read-only"
    editors = AccessConfig(login=True, editors=parse_editors("ana@example.org, Bo@Example.org"))
    assert decide(editors, local=False, email="BO@example.org").identity == "bo@example.org"
    assert decide(editors, local=False, email="bo@example.org").is_editor
    outsider = decide(editors, local=False, email="eve@example.org")
    assert not outsider.is_editor and outsider.identity == "eve@example.org"
    assert not decide(editors, local=True).is_editor, "with sign-in configured, local users sign in too"
    gate = AccessConfig(passphrase=SECRET)
    assert decide(gate, local=False, passphrase_name="Ines Duarte").identity == "Ines Duarte (passphrase)"
    assert decide(gate, local=False, passphrase_name="").identity == "editor (passphrase)"
    assert not decide(gate, local=False).is_editor
    assert decide(AccessConfig(open_editing=True), local=False).is_editor


def test_the_passphrase_comparison():
    assert passphrase_matches(SECRET, SECRET)
    assert not passphrase_matches(SECRET + " ", SECRET) and not passphrase_matches("", SECRET)
    assert not passphrase_matches("", "") and not passphrase_matches("anything", "")


# --- what a viewer can and cannot do --------------------------------------------------------------


@pytest.fixture
def viewer(monkeypatch) -> None:
    """An anonymous visitor of a deployment with an editor passphrase."""
    monkeypatch.delenv("STANCE_OPEN_EDITING", raising=False)
    monkeypatch.setenv("STANCE_EDITOR_PASSPHRASE", SECRET)


@pytest.fixture
def no_guess_pause(monkeypatch) -> list[float]:
    """The dashboard's pause after a wrong passphrase, recorded instead of slept (only the
    dashboard's view of ``time`` changes, not the clock Streamlit's tester waits with)."""
    pauses: list[float] = []
    monkeypatch.setattr(dashboard.access, "time", SimpleNamespace(monotonic=time.monotonic, sleep=pauses.append))
    return pauses


def test_a_viewer_reads_everything_but_cannot_add_or_delete(calls, viewer):
    at = open_app_page("app_pages/articles.py")
    assert "Adding, editing or deleting articles needs an editor" in texts(at.info)
    assert not at.tabs and not at.text_area and not at.get("data_editor")
    assert not [b for b in at.button if b.key in ("delete_button", "restore_button")]
    assert "articles_to_delete" not in [m.key for m in at.multiselect]
    assert "Read-only" in texts(at.sidebar.caption)
    for page in ("overview", "positions", "data", "quotes", "network"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert_clean(at)


def test_a_wrong_passphrase_is_refused_and_the_right_one_makes_an_editor(calls, viewer, no_guess_pause):
    at = open_app_page("app_pages/articles.py")
    at.text_input(key="access_name").input("Ines Duarte")
    at.text_input(key="access_passphrase").input("guess")
    at.button(key="access_sign_in").click().run()
    assert "not right" in texts(at.sidebar.error) and "needs an editor" in texts(at.info)
    assert no_guess_pause == [1.0], "a wrong guess pauses the session"
    at.text_input(key="access_passphrase").input(SECRET)
    at.button(key="access_sign_in").click().run()
    assert_clean(at)
    assert "Editing as Ines Duarte (passphrase)" in texts(at.sidebar.caption)
    assert at.tabs, "the add-articles tabs are there"
    at.button(key="access_sign_out").click().run()
    assert "needs an editor" in texts(at.info)


def test_a_viewer_cannot_review(calls, viewer):
    at = open_app_page("app_pages/review.py")
    assert "needs an editor" in texts(at.info)
    for key in ("review_confirm", "review_correct", "review_reject", "add_submit"):
        assert at.button(key=key).proto.disabled


# --- deleting is undoable, reviews are never deleted ---------------------------------------------


def test_cli_remove_hides_and_restore_brings_back(tmp_path, capsys):
    article = tmp_path / "ferry.txt"
    article.write_text("Ingrid Dahl said she supports the ferry fares.\n", encoding="utf-8")
    db = str(tmp_path / "c.sqlite3")
    assert cli.main(["add", "--db", db, str(article)]) == 0
    CorpusStore(db).add_review("ferry", "reject", start_char=0, end_char=5, original_actor="Ingrid Dahl",
                               original_issue="x", original_stance="support", reviewer="ana@example.org")
    capsys.readouterr()
    assert cli.main(["remove", "--db", db, "--yes", "ferry"]) == 0
    assert "undo: python -m core restore ID" in capsys.readouterr().out
    assert "ferry" not in CorpusStore(db).article_table()["id"].tolist()
    assert len(CorpusStore(db).reviews()) == 1, "the audit trail is kept"
    assert cli.main(["restore", "--db", db, "ferry", "nope"]) == 2
    out = capsys.readouterr()
    assert "Restored 1 article(s): ferry" in out.out and "no deleted article with the id 'nope'" in out.err
    assert "ferry" in CorpusStore(db).article_table()["id"].tolist()


def test_messages_for_viewers_name_no_server_path(monkeypatch, tmp_path):
    monkeypatch.setenv("STANCE_DB", str(tmp_path / "secret" / "corpus.sqlite3"))
    shown = dashboard.safe_message(f"{tmp_path / 'secret' / 'corpus.sqlite3'}: reading the corpus failed\n(details)")
    assert shown == "the corpus file: reading the corpus failed (details)"
    from core.views.render import MAX_MESSAGE_CHARS

    assert len(dashboard.safe_message("x" * 100_000)) == MAX_MESSAGE_CHARS


@pytest.mark.parametrize(
    "headers",
    [{"X-Forwarded-For": "203.0.113.7"}, {"Via": "1.1 proxy"}, {"Forwarded": "for=203.0.113.7"},
     {"X-Real-IP": "203.0.113.7"}, {"Origin": "https://stance.example.org"}],
)
def test_a_proxied_or_cross_origin_request_is_never_local(headers):
    assert not is_local_request(None, "127.0.0.1:8501", headers)
    assert is_local_request(None, "127.0.0.1:8501", {"Origin": "http://localhost:8501"})


def test_local_editing_can_be_turned_off_and_short_passphrases_never_match():
    assert not decide(AccessConfig(local_editing=False), local=True).is_editor
    assert not passphrase_matches("short", "short")
    assert passphrase_matches("twelve chars", "twelve chars")


def test_guessing_the_passphrase_from_many_sessions_is_slowed_for_the_whole_server(calls, viewer, no_guess_pause, monkeypatch):
    assert dashboard.access.SIGN_IN_FAILURES >= 3
    monkeypatch.setattr(dashboard.access, "SIGN_IN_FAILURES", 3)  # the rule, not the number: fewer sessions to open
    for _ in range(3):
        at = open_app_page("app_pages/articles.py")  # a new session each time
        at.text_input(key="access_passphrase").input("guess")
        at.button(key="access_sign_in").click().run()
    assert no_guess_pause == [1.0] * 3
    at = open_app_page("app_pages/articles.py")
    at.text_input(key="access_passphrase").input(SECRET)
    at.button(key="access_sign_in").click().run()
    assert "Too many wrong passphrases" in texts(at.sidebar.error) and "needs an editor" in texts(at.info)
    dashboard.sign_in_failures().clear()
