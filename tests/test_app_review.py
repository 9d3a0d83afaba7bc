"""The Review page through Streamlit's AppTest: confirm, correct, reject and add statements, the
audit trail, the gold export and the empty corpus.

As in ``tests/test_app.py`` the analysis is the sample tables (``tests/sample_tables.py``), by
monkeypatching ``dashboard.analyze_articles`` and ``dashboard.build_pipeline``; the fixtures are
shared with it in ``tests/apptest.py``. Articles written here are about trade, not Ukraine, and are read with the trade
test codebook."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

import dashboard
from core import settings
from core.corpus.review import review_row_key
from core.corpus.store import CorpusStore
from core.evaluation.stances import read_gold
from tests.apptest import (
    ROOT,
    assert_clean,
    emptied_caches,
    fresh_corpus,  # noqa: F401 - autouse: a new corpus for every test
    html,
    metrics,
    open_app_page,
    texts,
)
from tests.sample_tables import fake_analyze

REVIEW = "app_pages/review.py"
TRADE_CODEBOOK = ROOT / "tests" / "fixtures" / "trade_codebook.yaml"


@pytest.fixture
def calls(monkeypatch):
    """The sample tables instead of spaCy; caches emptied around each test."""

    def analyze(articles, nlp=None, codebook=None, knowledge=None):
        return fake_analyze(articles, nlp=nlp, codebook=codebook)

    monkeypatch.setattr(dashboard, "analyze_articles", analyze)
    monkeypatch.setattr(dashboard, "build_pipeline", lambda knowledge=None: "fake pipeline")
    monkeypatch.delenv(settings.ARTICLES_DIR_ENV, raising=False)
    monkeypatch.delenv(settings.CODEBOOK_ENV, raising=False)
    with emptied_caches():
        yield


@pytest.fixture
def trade_article(tmp_path, monkeypatch) -> Path:
    """One article on trade (no sample rows match it: the machine finds nothing) and the trade codebook."""
    folder = tmp_path / "trade"
    folder.mkdir()
    (folder / "tariffs.txt").write_text(
        "Trade ministers met in Geneva on Monday. Olaf Berger said Germany would never accept tariffs on "
        "electric cars from China. The talks continue next week.\n",
        encoding="utf-8",
    )
    (folder / "tariffs.meta.yaml").write_text("title: Tariff talks\ndate: 2025-04-02\nsource: Trade Wire\n", encoding="utf-8")
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(folder))
    monkeypatch.setenv(settings.CODEBOOK_ENV, str(TRADE_CODEBOOK))
    return folder


PASSPHRASE = "a long harbour passphrase"


@pytest.fixture
def passphrase(monkeypatch) -> str:
    """Editing needs the passphrase: no open editing, no local user (AppTest is never local)."""
    monkeypatch.delenv("STANCE_OPEN_EDITING", raising=False)
    monkeypatch.setenv("STANCE_EDITOR_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


def sign_in(at: AppTest, name: str, secret: str = PASSPHRASE) -> AppTest:
    at.text_input(key="access_name").input(name)
    at.text_input(key="access_passphrase").input(secret)
    at.button(key="access_sign_in").click().run()
    return at


def open_page(page: str = REVIEW, **query_params) -> AppTest:
    return open_app_page(page, **query_params)


def token_of(actor: str, issue: str) -> str:
    """The Review page's id of the (only) row of ``actor`` on ``issue`` in the reviewed table."""
    rows = reviewed_rows(actor, issue)
    assert len(rows) == 1, rows
    return json.dumps(list(review_row_key(rows.iloc[0].to_dict())), ensure_ascii=False)


def choose_row(at: AppTest, actor: str, issue: str) -> AppTest:
    at.selectbox(key="review_row").set_value(token_of(actor, issue)).run()
    assert_clean(at)
    return at


def history(db: Path):
    return CorpusStore(db).reviews()


def reviewed_rows(actor: str, issue: str):
    """Rows of the reviewed stance table of the whole corpus, as every page loads it."""
    stances = dashboard.open_corpus().load().tables.stances
    return stances[(stances["actor"] == actor) & (stances["issue"] == issue)]


def progress_text(at: AppTest) -> str:
    return at.get("progress")[0].proto.text


def test_page_renders_on_the_seed_corpus(calls):
    at = open_page()
    assert at.title[0].value == "Review"
    assert at.caption[0].value.startswith("Check the machine")
    assert at.selectbox(key="review_doc").value == "ukraine_peace_talks"
    assert progress_text(at) == "Statements in this article: 0 of 14 reviewed"
    table = at.dataframe[0].value
    assert len(table) == 14 and list(table.columns[:2]) == ["status", "sentence"]
    assert set(table["status"]) == {"not reviewed"}
    assert at.selectbox(key="review_row").value
    assert "dividing up certain assets" in html(at)  # the quote card of the first row in reading order
    assert [b.label for b in at.button][:6] == ["Confirm", "Save correction", "Reject", "Previous", "Next", "Add statement"]
    assert at.download_button(key="review_gold_download").proto.disabled
    assert "Nothing is reviewed yet" in texts(at.caption)


def test_confirm_marks_the_row_with_the_reviewer(calls, fresh_corpus, passphrase):
    at = open_page()
    assert at.button(key="review_confirm").proto.disabled, "a viewer cannot review"
    sign_in(at, "Ada")
    assert "recorded as Ada (passphrase)" in texts(at.caption)
    choose_row(at, "Alexander Grushko", "security_guarantees")
    at.button(key="review_confirm").click().run()
    assert_clean(at)
    assert "Confirmed: Alexander Grushko" in texts(at.success)
    assert progress_text(at) == "Statements in this article: 1 of 14 reviewed (1 confirmed)"
    assert reviewed_rows("Alexander Grushko", "security_guarantees")["review"].tolist() == ["confirmed"]
    log = history(fresh_corpus)
    assert log[["action", "reviewer", "original_actor"]].values.tolist() == [["confirm", "Ada (passphrase)", "Alexander Grushko"]]
    # The next statement not reviewed yet is selected.
    assert at.selectbox(key="review_row").value != token_of("Alexander Grushko", "security_guarantees")
    at.segmented_control(key="review_status").set_value("done").run()
    assert_clean(at)
    assert at.dataframe[0].value["actor"].tolist() == ["Alexander Grushko"]
    assert "no longer match a statement" not in texts(at.warning)  # the review still matches its row


def test_typed_values_are_escaped_in_messages(calls, fresh_corpus):
    at = open_page()
    at.text_input(key="review_actor").input("[log in](https://evil.example) **now**")
    at.button(key="review_correct").click().run()
    assert_clean(at)
    message = at.success[0].value
    assert r"\[log in\]\(https\:" in message and r"\*\*now\*\*" in message
    assert json.loads(history(fresh_corpus).iloc[0]["new_values"])["actor"] == "[log in](https://evil.example) **now**"


def test_a_correction_changes_the_row_on_every_page(calls, fresh_corpus):
    at = open_page()
    choose_row(at, "Donald Trump", "asset_division")
    assert at.text_input(key="review_actor").value == "Donald Trump"
    assert at.selectbox(key="review_stance").value == "support"
    at.selectbox(key="review_stance").set_value("oppose")
    at.selectbox(key="review_issue").set_value("territory_recognition")
    at.text_input(key="review_note").input("reads as a refusal")
    at.button(key="review_correct").click().run()
    assert_clean(at)
    assert "Corrected: Donald Trump" in texts(at.success)
    row = reviewed_rows("Donald Trump", "territory_recognition")
    assert row[["stance", "review"]].values.tolist() == [["oppose", "corrected"]]
    assert reviewed_rows("Donald Trump", "asset_division").empty
    record = history(fresh_corpus).iloc[0]
    assert record["action"] == "correct" and record["note"] == "reads as a refusal"
    assert json.loads(record["new_values"])["stance"] == "oppose"
    assert json.loads(record["original_values"])["stance"] == "support"

    at.switch_page("app_pages/data.py").run()
    assert_clean(at)
    data = at.dataframe[0].value
    trump = data[data["actor"] == "Donald Trump"].set_index("issue")
    assert trump.loc["territory_recognition", "stance"] == "oppose"
    assert "asset_division" not in trump.index


def test_reject_removes_the_row_from_the_overview(calls, fresh_corpus):
    at = open_page("app_pages/overview.py")
    assert metrics(at)["Statements"] == "14"
    at.switch_page(REVIEW).run()
    choose_row(at, "Steve Witkoff", "ceasefire")
    at.button(key="review_reject").click().run()
    assert_clean(at)
    assert "Rejected: Steve Witkoff" in texts(at.success)
    assert progress_text(at) == "Statements in this article: 1 of 14 reviewed (1 rejected)"
    assert history(fresh_corpus)["action"].tolist() == ["reject"]
    at.switch_page("app_pages/overview.py").run()
    assert_clean(at)
    assert metrics(at)["Statements"] == "13"
    # The audit trail offers to restore it.
    at.switch_page(REVIEW).run()
    assert "Witkoff" in at.selectbox(key="review_restore_pick").options[0]
    at.button(key="review_restore").click().run()
    assert_clean(at)
    assert progress_text(at) == "Statements in this article: 1 of 14 reviewed (1 confirmed)"


def test_confirm_with_edited_fields_asks_for_save_correction(calls, fresh_corpus):
    at = open_page()
    at.text_input(key="review_actor").input("Someone else")
    at.button(key="review_confirm").click().run()
    assert not at.exception
    assert "press 'Save correction'" in texts(at.error)
    assert history(fresh_corpus).empty


def test_an_invalid_correction_is_one_line_and_stores_nothing(calls, fresh_corpus):
    at = open_page()
    at.text_input(key="review_actor").input("   ")
    at.button(key="review_correct").click().run()
    assert not at.exception
    assert "the actor is empty" in texts(at.error)
    assert history(fresh_corpus).empty


def test_add_a_missed_statement_with_verbatim_evidence(calls, trade_article, fresh_corpus, passphrase):
    at = sign_in(open_page(), "Grace")
    assert at.selectbox(key="review_doc").value == "tariffs"
    assert progress_text(at) == "Statements in this article: 0 of 0 reviewed"
    assert "found no statement in this article" in texts(at.info)
    sentences = at.selectbox(key="add_sentence").options
    assert sentences[1].startswith("#2 · Olaf Berger said Germany")
    at.selectbox(key="add_sentence").set_value(1).run()
    evidence = "would never accept tariffs on electric cars from China"
    assert at.text_area(key="add_evidence").value.startswith("Olaf Berger said")
    at.text_area(key="add_evidence").input(evidence)
    at.text_input(key="add_actor").input("Olaf Berger")
    at.selectbox(key="add_country").set_value("")
    at.selectbox(key="add_issue").set_value("ev_tariffs")
    at.selectbox(key="add_stance").set_value("oppose")
    at.button(key="add_submit").click().run()
    assert_clean(at)
    assert "Added: Olaf Berger" in texts(at.success)
    row = reviewed_rows("Olaf Berger", "ev_tariffs").iloc[0]
    text = (trade_article / "tariffs.txt").read_text(encoding="utf-8")
    assert row["quote"] == evidence and text[row["start_char"]:row["end_char"]] == evidence
    assert row["start_char"] == text.index(evidence)
    assert (row["review"], row["stance"], row["sentence"]) == ("added", "oppose", 2)
    assert progress_text(at) == "Statements in this article: 1 of 1 reviewed (1 added)"
    assert at.text_input(key="add_actor").value == ""  # the form is cleared for the next one
    log = history(fresh_corpus)
    assert log[["action", "reviewer"]].values.tolist() == [["add", "Grace (passphrase)"]]


def test_non_verbatim_evidence_is_refused(calls, trade_article, fresh_corpus):
    at = open_page()
    at.selectbox(key="add_sentence").set_value(1).run()
    at.text_area(key="add_evidence").input("Germany will never accept tariffs on Chinese electric cars")
    at.text_input(key="add_actor").input("Olaf Berger")
    at.selectbox(key="add_issue").set_value("ev_tariffs")
    at.button(key="add_submit").click().run()
    assert not at.exception
    assert "must be words copied exactly from the chosen sentence" in texts(at.error)
    assert history(fresh_corpus).empty
    # A missing issue is a one-line error from core, and nothing is stored either.
    at = open_page()
    at.text_input(key="add_actor").input("Olaf Berger")
    at.button(key="add_submit").click().run()
    assert not at.exception
    assert "the issue is empty" in texts(at.error)
    assert history(fresh_corpus).empty


def test_audit_trail_lists_actions_with_the_reviewer(calls, passphrase):
    at = sign_in(open_page(), "Lin")
    choose_row(at, "Emmanuel Macron", "foreign_troops_in_ukraine")
    at.button(key="review_confirm").click().run()
    choose_row(at, "Russia", "peace_talks")
    at.selectbox(key="review_certainty").set_value("stated")
    at.button(key="review_correct").click().run()
    assert_clean(at)
    trail = at.dataframe[-1].value  # the audit trail is the last table
    assert trail["action"].tolist() == ["correct", "confirm"]  # newest first
    assert set(trail["reviewer"]) == {"Lin (passphrase)"}
    assert trail["change"].tolist()[0] == "certainty: reported → stated"
    assert trail["statement"].tolist()[1] == "Emmanuel Macron · Foreign troops in Ukraine: support"
    # The sign-in is kept across pages.
    at.switch_page("app_pages/overview.py").run()
    at.switch_page(REVIEW).run()
    assert "recorded as Lin (passphrase)" in texts(at.caption)


def test_gold_download_reads_back_with_read_gold(calls, tmp_path, monkeypatch):
    stored: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        if filename == "gold_reviewed.csv":
            stored["gold"] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    at = open_page()
    choose_row(at, "Emmanuel Macron", "foreign_troops_in_ukraine")
    at.button(key="review_confirm").click().run()
    choose_row(at, "Italian government", "foreign_troops_in_ukraine")
    at.selectbox(key="review_stance").set_value("neutral")
    at.button(key="review_correct").click().run()
    assert_clean(at)
    button = at.download_button(key="review_gold_download")
    assert not button.proto.disabled and "2 reviewed statement(s)" in texts(at.caption)
    caption = texts(at.caption)
    assert "python -m core evaluate --db <corpus file or URL> --gold gold_reviewed.csv" in caption
    assert "only the reviewed articles are scored" in caption
    path = tmp_path / "gold_reviewed.csv"
    path.write_bytes(stored["gold"])
    gold = read_gold(path)
    assert sorted(zip(gold["actor"], gold["stance"])) == [("Emmanuel Macron", "support"), ("Italian government", "neutral")]
    assert set(gold["article_id"]) == {"ukraine_peace_talks"}


def test_article_choice_lives_in_the_url_as_doc(calls, trade_article, monkeypatch, tmp_path):
    (trade_article / "later.txt").write_text("Steel quotas were discussed by the council.\n", encoding="utf-8")
    (trade_article / "later.meta.yaml").write_text("title: Steel\ndate: 2025-05-01\n", encoding="utf-8")
    at = open_page(doc="tariffs")
    assert at.selectbox(key="review_doc").value == "tariffs"
    at.selectbox(key="review_doc").set_value("later").run()
    assert_clean(at)
    assert "doc" not in at.query_params  # the newest article is the default: short URL
    assert "show" not in at.query_params


def test_empty_corpus_shows_the_empty_state(calls, monkeypatch, tmp_path):
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(tmp_path / "nothing"))
    (tmp_path / "nothing").mkdir()
    at = open_page()
    assert "The corpus has no article yet" in texts(at.info)
    assert not [box for box in at.selectbox if box.key == "review_doc"]
    assert not at.download_button


def test_a_filter_without_matches_shows_the_empty_state(calls):
    at = open_page(actor="Emmanuel Macron", stance="oppose")
    assert "No statements match" in texts(at.info)


def test_coming_back_from_another_page_refills_the_forms(calls):
    """Streamlit forgets the forms' widget keys while another page is shown; the row and the
    sentence stay the same, so the forms must be refilled from them (not raise a KeyError)."""
    at = open_page()
    first = at.selectbox(key="review_row").value
    actor = at.text_input(key="review_actor").value
    evidence = at.text_area(key="add_evidence").value
    assert actor and evidence
    at.switch_page("app_pages/data.py").run()
    assert_clean(at)
    at.switch_page(REVIEW).run()
    assert_clean(at)
    assert at.selectbox(key="review_row").value == first
    assert at.text_input(key="review_actor").value == actor
    assert at.selectbox(key="review_actor_type").value and at.selectbox(key="review_stance").value
    assert at.text_area(key="add_evidence").value == evidence
    # The refilled form still stores a review.
    at.button(key="review_confirm").click().run()
    assert_clean(at)
    assert "Confirmed:" in texts(at.success)


@pytest.fixture
def two_stances(monkeypatch):
    """The sample tables plus an oppose row of Donald Trump on the span and issue of his support
    of asset division (as real articles have: one actor, one span, two stances)."""
    import pandas as pd

    def analyze(articles, nlp=None, codebook=None, knowledge=None):
        tables = fake_analyze(articles, nlp=nlp, codebook=codebook)
        rows = tables.stances
        twin = rows[(rows["actor"] == "Donald Trump") & (rows["issue"] == "asset_division")].assign(stance="oppose")
        tables.stances = pd.concat([rows, twin], ignore_index=True)
        return tables

    monkeypatch.setattr(dashboard, "analyze_articles", analyze)


def test_rows_differing_only_by_stance_are_reviewed_apart(calls, two_stances, fresh_corpus):
    at = open_page()
    assert progress_text(at) == "Statements in this article: 0 of 15 reviewed"
    support, oppose = (json.dumps(list(review_row_key(row)), ensure_ascii=False)
                       for row in reviewed_rows("Donald Trump", "asset_division").sort_values("stance", ascending=False)
                       .to_dict(orient="records"))
    at.selectbox(key="review_row").set_value(support).run()
    at.button(key="review_reject").click().run()
    assert_clean(at)
    at.selectbox(key="review_row").set_value(oppose).run()
    at.button(key="review_confirm").click().run()
    assert_clean(at)
    rows = reviewed_rows("Donald Trump", "asset_division")
    assert rows[["stance", "review"]].values.tolist() == [["oppose", "confirmed"]]  # the rejection holds
    assert progress_text(at) == "Statements in this article: 2 of 15 reviewed (1 confirmed, 1 rejected)"
    # The rejection can still be restored from the audit trail.
    options = at.selectbox(key="review_restore_pick").options
    assert len(options) == 1 and "Donald Trump" in options[0] and "support" in options[0]
    at.button(key="review_restore").click().run()
    assert_clean(at)
    rows = reviewed_rows("Donald Trump", "asset_division")
    assert sorted(rows[["stance", "review"]].values.tolist()) == [["oppose", "confirmed"], ["support", "confirmed"]]


def _stale_review(article_id: str, end: int = 3) -> None:
    """A confirmation of a statement no row has (as after a re-analysis changed it)."""
    dashboard.open_corpus().store.add_review(article_id, "confirm", start_char=0, end_char=end, original_actor="Nobody",
                                             original_issue="ev_tariffs", original_stance="support")


def test_the_stale_review_warning_names_the_articles(calls, trade_article):
    for number in range(1, 13):
        (trade_article / f"extra{number:02d}.txt").write_text(f"Note {number} on *steel* quotas.\n", encoding="utf-8")
        (trade_article / f"extra{number:02d}.meta.yaml").write_text(
            f"title: 'Extra *{number:02d}*'\ndate: 2025-03-{number:02d}\n", encoding="utf-8")
    at = open_page()
    assert "no longer match" not in texts(at.warning)
    _stale_review("tariffs")
    at.run()
    assert_clean(at)
    warning = at.warning[0].value
    assert "1 confirmation(s) or rejection(s) no longer match" in warning and "Tariff talks" in warning
    for number in range(1, 13):
        _stale_review(f"extra{number:02d}")
    _stale_review("tariffs", end=5)  # a second one of the same article: it is named once
    at.run()
    assert_clean(at)
    warning = at.warning[0].value
    assert "14 confirmation(s)" in warning and warning.count("Tariff talks") == 1
    assert r"Extra \*01\*" in warning  # titles are escaped Markdown
    assert warning.count("Extra") == 9 and warning.rstrip(".").endswith("and 3 more")


def _table_key(at: AppTest, status: str = "all") -> str:
    """The statements table's key: one per article and review status (so it keeps its place)."""
    article = at.selectbox(key="review_doc").value
    key = f"review_table_{zlib.crc32(f'{article}|{status}'.encode())}"
    assert key in at.session_state
    return key


def _table_selection(at: AppTest) -> list[int]:
    return list(at.session_state[_table_key(at)]["selection"]["rows"])


def test_a_rejected_row_stays_listed_struck_through_and_restorable(calls, fresh_corpus):
    """Issue 14 item 4: one confirm and one reject of all the statements is "2 of N reviewed
    (1 confirmed, 1 rejected)": the rejected row stays in the list (marked, restorable)."""
    at = open_page()
    total = len(at.dataframe[0].value)
    choose_row(at, "Emmanuel Macron", "foreign_troops_in_ukraine")
    at.button(key="review_confirm").click().run()
    choose_row(at, "Steve Witkoff", "ceasefire")
    at.button(key="review_reject").click().run()
    assert_clean(at)
    assert progress_text(at) == f"Statements in this article: 2 of {total} reviewed (1 confirmed, 1 rejected)"
    table = at.dataframe[0].value
    assert len(table) == total
    assert table.loc[table["actor"] == "Steve Witkoff", "status"].tolist() == ["✕ rejected"]
    assert reviewed_rows("Steve Witkoff", "ceasefire").empty  # in no view
    # "Reviewed" lists it too; chosen, it offers Restore instead of Confirm and Reject.
    at.segmented_control(key="review_status").set_value("done").run()
    assert sorted(at.dataframe[0].value["actor"]) == ["Emmanuel Macron", "Steve Witkoff"]
    at.segmented_control(key="review_status").set_value("all").run()
    witkoff = json.dumps(["ukraine_peace_talks", *[int(x) for x in _span_of("Steve Witkoff", table)],
                          "Steve Witkoff", "ceasefire", "neutral"], ensure_ascii=False)
    at.selectbox(key="review_row").set_value(witkoff).run()
    assert_clean(at)
    keys = [b.key for b in at.button]
    assert "review_restore_row" in keys and "review_confirm" not in keys and "review_reject" not in keys
    assert at.button(key="review_restore_row").proto.type == "primary"
    at.button(key="review_restore_row").click().run()
    assert_clean(at)
    assert "Restored: Steve Witkoff" in texts(at.success)
    assert progress_text(at) == f"Statements in this article: 2 of {total} reviewed (2 confirmed)"
    assert reviewed_rows("Steve Witkoff", "ceasefire")["review"].tolist() == ["confirmed"]


def _span_of(actor: str, table) -> tuple[int, int]:
    """The evidence offsets of ``actor``'s row in the seed article (the table shows no offsets)."""
    from core.settings import SEEDS_DIR

    text = (SEEDS_DIR / "ukraine_peace_talks.txt").read_text(encoding="utf-8")
    quote = table.loc[table["actor"] == actor, "quote"].iloc[0]
    start = text.index(quote)
    return start, start + len(quote)


def test_confirm_is_the_primary_action_until_a_field_is_edited(calls):
    at = open_page()
    assert at.button(key="review_confirm").proto.type == "primary"
    assert at.button(key="review_correct").proto.type == "secondary"
    at.selectbox(key="review_stance").set_value("neutral").run()
    assert_clean(at)
    assert at.button(key="review_correct").proto.type == "primary"
    assert at.button(key="review_confirm").proto.type == "secondary"


def test_review_buttons_have_keyboard_shortcuts_in_reading_order(calls):
    at = open_page()
    shortcuts = {b.key: b.proto.shortcut for b in at.button if b.key and b.key.startswith("review_")}
    assert shortcuts["review_confirm"] and shortcuts["review_correct"] and shortcuts["review_reject"]
    assert shortcuts["review_next"] and shortcuts["review_previous"]
    assert len(set(shortcuts.values()) - {""}) == len([v for v in shortcuts.values() if v])  # no shortcut twice
    order = [b.key for b in at.button]
    assert order.index("review_confirm") < order.index("review_correct") < order.index("review_reject") \
        < order.index("review_next")


def test_next_and_previous_step_through_the_list_and_the_table_follows(calls):
    at = open_page()
    tokens = at.selectbox(key="review_row").options
    first = at.selectbox(key="review_row").value
    assert _table_selection(at) == [0]
    at.button(key="review_next").click().run()
    assert_clean(at)
    second = at.selectbox(key="review_row").value
    assert second != first and _table_selection(at) == [1]
    at.button(key="review_previous").click().run()
    assert at.selectbox(key="review_row").value == first and _table_selection(at) == [0]
    at.button(key="review_previous").click().run()  # wraps to the last
    assert _table_selection(at) == [len(tokens) - 1]


def test_after_each_action_the_next_unreviewed_row_is_selected_in_the_same_table(calls):
    at = open_page()
    key = _table_key(at)
    at.button(key="review_confirm").click().run()
    assert_clean(at)
    assert _table_key(at) == key, "the table is the same: it keeps its place"
    assert _table_selection(at) == [1]
    at.button(key="review_reject").click().run()
    assert_clean(at)
    assert _table_key(at) == key and _table_selection(at) == [2]
    table = at.dataframe[0].value
    assert table["status"].tolist()[:3] == ["confirmed", "✕ rejected", "not reviewed"]
    # Going back to the first row and confirming it again jumps past the reviewed ones.
    at.button(key="review_previous").click().run()
    at.button(key="review_previous").click().run()
    assert _table_selection(at) == [0]
    at.button(key="review_confirm").click().run()
    assert _table_selection(at) == [2]


def test_a_new_visit_starts_at_the_first_statement_not_reviewed(calls):
    at = open_page()
    first = at.selectbox(key="review_row").value
    at.button(key="review_confirm").click().run()
    fresh = open_page()
    assert fresh.selectbox(key="review_row").value != first
    assert fresh.selectbox(key="review_row").index == 1
    assert _table_selection(fresh) == [1]
