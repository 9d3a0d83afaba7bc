"""The dashboard as a user sees it, page by page, through Streamlit's AppTest.

The analysis is replaced by the sample tables (``tests/sample_tables.py``) by monkeypatching
``dashboard.analyze_articles`` and ``dashboard.build_pipeline``, so these tests check the UI and
not the NLP rules. The wrappers count their calls: that is how the tests prove a filter change or
a page switch never re-runs spaCy. ``test_real_pipeline_*`` runs the same app on the real
pipeline when it is available.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import dashboard
from core import settings
from core.corpus.store import CorpusStore, slugify
from core.extraction.nlp import ModelNotFoundError
from core.settings import SEEDS_DIR
from tests.apptest import (
    APP,
    ROOT,
    TIMEOUT,
    assert_clean,
    emptied_caches,
    fresh_corpus,  # noqa: F401 - autouse: a new corpus for every test
    html,
    metrics,
    open_app_page,
    texts,
)
from tests.sample_tables import fake_analyze

PAGES = {
    "overview": "app_pages/overview.py",
    "positions": "app_pages/positions.py",
    "timeline": "app_pages/timeline.py",
    "quotes": "app_pages/quotes.py",
    "article": "app_pages/article.py",
    "data": "app_pages/data.py",
    "articles": "app_pages/articles.py",
    "network": "app_pages/network.py",
    "review": "app_pages/review.py",
    "codebook": "app_pages/codebook.py",
    "accuracy": "app_pages/accuracy.py",
}


class Calls:
    analyze = 0
    pipeline = 0


@pytest.fixture
def calls(monkeypatch) -> Calls:
    """Fake analysis and pipeline that count their calls; caches emptied around each test."""
    counted = Calls()

    def counting_analyze(articles, nlp=None, codebook=None, knowledge=None):
        counted.analyze += 1
        assert nlp == "fake pipeline" and codebook is not None
        return fake_analyze(articles, nlp=nlp, codebook=codebook)

    def counting_pipeline(knowledge=None):
        counted.pipeline += 1
        return "fake pipeline"

    monkeypatch.setattr(dashboard, "analyze_articles", counting_analyze)
    monkeypatch.setattr(dashboard, "build_pipeline", counting_pipeline)
    monkeypatch.delenv(settings.ARTICLES_DIR_ENV, raising=False)
    monkeypatch.delenv(settings.CODEBOOK_ENV, raising=False)
    with emptied_caches():
        yield counted


def open_page(page: str, **query_params: str | list[str]) -> AppTest:
    return open_app_page(PAGES[page], **query_params)


def pick(at: AppTest, name: str, values: list[str]) -> AppTest:
    at.multiselect(key=f"filter_{name}").set_value(values).run()
    assert_clean(at)
    return at


# --- every page renders, filters and restores from the URL ---------------------------------------


def test_core_never_imports_streamlit():
    for path in sorted((ROOT / "core").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "import streamlit" not in source and "from streamlit" not in source, path.name


def test_only_dashboard_state_caches():
    # One module decides what is kept across reruns and sessions (see dashboard/state.py).
    sources = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")), *sorted((ROOT / "dashboard").glob("*.py"))]
    caching = [path.name for path in sources if "st.cache_" in path.read_text(encoding="utf-8")]
    assert caching == ["state.py"]


def test_no_pages_folder_beside_the_entry_point():
    # A pages/ folder switches Streamlit to the old multipage mode, which runs deep-linked pages
    # without app.py (see the comment in app.py).
    assert not (ROOT / "pages").exists()


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders(calls, page):
    at = open_page(page)
    assert at.title[0].value == page.title()
    assert [m.label for m in at.sidebar.multiselect] == [
        "Country", "Actor", "Issue", "Stance", "Certainty", "Article", "Outlet",
    ]
    assert calls.analyze == 1


def test_overview_shows_counts_matrix_and_summary(calls):
    at = open_page("overview")
    assert metrics(at) == {"Actors": "8", "Countries": "5", "Issues": "9", "Statements": "14"}
    assert at.get("vega_lite_chart"), "the stance matrix is drawn"
    assert "Foreign troops in Ukraine — for: France; against: Russia, Italy" in html(at)


def test_overview_filter_changes_counts_and_url(calls):
    at = open_page("overview")
    pick(at, "country", ["Russia"])
    assert metrics(at)["Countries"] == "1"
    assert metrics(at)["Statements"] == "8"
    assert "France" not in html(at)
    assert at.query_params["country"] in ("Russia", ["Russia"])


def test_overview_toggle_switches_rows_to_actors(calls):
    at = open_page("overview")
    at.segmented_control(key="overview_by").set_value("actor").run()
    assert_clean(at)
    assert "for: Emmanuel Macron; against: Alexander Grushko, Italian government" in html(at)
    assert at.query_params["by"] in ("actor", ["actor"])


def test_overview_restores_filters_and_toggle_from_url(calls):
    at = open_page("overview", country=["France", "Italy"], by="actor")
    assert at.multiselect(key="filter_country").value == ["France", "Italy"]
    assert at.segmented_control(key="overview_by").value == "actor"
    assert metrics(at)["Statements"] == "2"


def test_link_with_unknown_values_warns_and_keeps_the_rest(calls):
    at = open_page("overview", country=["Atlantis", "Russia"], stance="maybe")
    assert at.multiselect(key="filter_country").value == ["Russia"]
    warnings = texts(at.warning)
    assert "Atlantis" in warnings and "maybe" in warnings


def test_empty_filter_result_says_what_to_do(calls):
    at = open_page("overview", country="Italy", stance="support")
    assert metrics(at)["Statements"] == "0"
    assert not at.get("vega_lite_chart")
    assert "Clear filters" in texts(at.info)
    at.sidebar.button[0].click().run()  # "Clear filters"
    assert_clean(at)
    assert metrics(at)["Statements"] == "14"
    assert "country" not in at.query_params


def test_positions_page(calls):
    at = open_page("positions")
    assert at.selectbox(key="positions_issue").value == "peace_talks"
    at.selectbox(key="positions_issue").set_value("foreign_troops_in_ukraine").run()
    assert_clean(at)
    assert at.get("vega_lite_chart")
    assert "**Supporting** (1)" in texts(at.markdown) and "**Opposing** (2)" in texts(at.markdown)
    assert "If Ukraine requests allied forces" in html(at)
    assert at.query_params["topic"] in ("foreign_troops_in_ukraine", ["foreign_troops_in_ukraine"])
    pick(at, "stance", ["oppose"])
    assert "**Supporting**" not in texts(at.markdown)
    assert "If Ukraine requests allied forces" not in html(at)


def test_positions_restores_issue_from_url(calls):
    at = open_page("positions", topic="ukraine_nato_membership", country="Russia")
    assert at.selectbox(key="positions_issue").value == "ukraine_nato_membership"
    assert "refusal of NATO countries" in html(at)


def test_positions_neutral_only_issue_has_no_chart_but_lists_evidence(calls):
    at = open_page("positions", topic="ceasefire", stance="neutral")
    assert not at.get("vega_lite_chart")
    assert "Nobody takes a side" in texts(at.info)
    assert "**Neutral** (1)" in texts(at.markdown)


def test_quotes_page_search_and_filters(calls):
    at = open_page("quotes", **{"in": "quotes"})
    assert "**7** quotes" in texts(at.markdown)
    at.text_input(key="quotes_query").set_value("NATO alliance").run()
    assert_clean(at)
    assert "**1** quote match the search" in texts(at.markdown)
    assert "<mark>NATO</mark>" in html(at) and "<mark>alliance</mark>" in html(at)
    assert "Ukraine in NATO: oppose" in html(at)  # its issue and stance
    assert at.query_params["q"] in ("NATO alliance", ["NATO alliance"])
    at.text_input(key="quotes_query").set_value('"peace plan"').run()
    assert "**2** quotes match the search" in texts(at.markdown)
    pick(at, "actor", ["Steve Witkoff"])
    assert "**1** quote match the search" in texts(at.markdown)
    at.text_input(key="quotes_query").set_value("zzz-not-there").run()
    assert "No quote contains all of these words" in texts(at.info)


def test_quotes_restores_search_from_url(calls):
    at = open_page("quotes", q="weekend", actor="Donald Trump", **{"in": "quotes"})
    assert at.text_input(key="quotes_query").value == "weekend"
    assert at.radio(key="quotes_scope").value == "quotes"
    assert "**1** quote match the search" in texts(at.markdown)
    assert "<mark>weekend</mark>" in html(at)


def test_quotes_search_covers_stance_evidence_and_says_which_kind(calls):
    """Issue 14, item 2: 'troops' found 0 of the quotes although three stance rows on foreign
    troops exist, one of them the journalist's description; the placeholder's own example found
    nothing."""
    at = open_page("quotes")
    box = at.text_input(key="quotes_query")
    assert "troops Ukraine" in box.placeholder
    box.set_value("troops").run()
    assert_clean(at)
    assert "**0** quotes and **3** stance statements match the search" in texts(at.markdown)
    shown = html(at)
    assert shown.count(">stance evidence</div>") == 3
    assert "Foreign troops in Ukraine: oppose" in shown and "Foreign troops in Ukraine: support" in shown
    # The narrative row, with who it is and how it was made, and the article it comes from.
    assert "European <mark>troops</mark> in Ukraine" in shown
    assert "Italian government · Italy · the journalist&#x27;s description · stated" in shown
    assert "Ukraine peace talks: Trump, Putin and Europe on troops (untitled seed article)" in shown
    assert "article?show=ukraine_peace_talks&amp;doc=ukraine_peace_talks&amp;span=" in shown
    at.text_input(key="quotes_query").set_value("troops Ukraine").run()  # the placeholder's example
    assert "**3** stance statements" in texts(at.markdown)
    # Quotes and stance evidence together: each card says which kind it is.
    at.text_input(key="quotes_query").set_value("NATO").run()
    assert "**2** quotes and **1** stance statement match the search" in texts(at.markdown)
    assert ">quote</div>" in html(at) and ">stance evidence</div>" in html(at)
    # The toggle narrows to one kind and is kept in the link.
    at.radio(key="quotes_scope").set_value("evidence").run()
    assert_clean(at)
    assert "**2** stance statements match the search" in texts(at.markdown)  # the one inside a quote too
    assert ">quote</div>" not in html(at)
    assert at.query_params["in"] in ("evidence", ["evidence"])
    at.radio(key="quotes_scope").set_value("quotes").run()
    assert "**2** quotes match the search" in texts(at.markdown) and ">stance evidence</div>" not in html(at)
    at.radio(key="quotes_scope").set_value("both").run()
    assert "in" not in at.query_params


def test_article_page_marks_mentions_and_evidence(calls):
    at = open_page("article")
    page = html(at)
    assert "date inferred from content" in page  # metadata
    assert 'data-kind="evidence' in page and 'data-kind="mention"' in page
    assert "evidence: support" in page  # legend
    assert not at.selectbox, "no article selector for a single article"
    evidence_marks = page.count("data-stance=")
    pick(at, "issue", ["foreign_troops_in_ukraine"])
    assert 0 < html(at).count("data-stance=") < evidence_marks


@pytest.fixture
def two_articles(tmp_path, monkeypatch) -> Path:
    """The seed article plus a hostile one: markup, Markdown and LaTeX in the text and metadata."""
    shutil.copy(SEEDS_DIR / "ukraine_peace_talks.txt", tmp_path / "a_seed.txt")
    shutil.copy(SEEDS_DIR / "ukraine_peace_talks.meta.yaml", tmp_path / "a_seed.meta.yaml")
    (tmp_path / "b_hostile.txt").write_text(
        "Officials said <script>alert('x')</script> **loudly** that $x^2$ costs rose. "
        "Russia is keeping up the fighting, the ministry said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b_hostile.meta.yaml").write_text('title: "<b>Hostile</b> $title$"\n', encoding="utf-8")
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(tmp_path))
    return tmp_path


def test_article_selector_and_escaping(calls, two_articles):
    at = open_page("article", show="b_hostile")
    assert at.selectbox(key="article_id").value == "b_hostile"
    page = html(at)
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "**loudly**" in page and "$x^2$" in page
    assert "&lt;b&gt;Hostile&lt;/b&gt; $title$" in page
    assert 'data-stance="oppose"' in page
    at.selectbox(key="article_id").set_value("a_seed").run()
    assert_clean(at)
    assert "date inferred from content" in html(at)
    assert "show" not in at.query_params  # the first article is the default: short URL


def test_data_page_table_and_downloads(calls):
    at = open_page("data")
    assert len(at.dataframe[0].value) == 14
    assert "issue_label" in at.dataframe[0].value.columns
    assert "review" in at.dataframe[0].proto.column_order  # the review state is shown
    assert [b.label for b in at.download_button] == [
        "Download CSV", "Download JSON", "Download Parquet", "Download DNA CSV"]
    pick(at, "certainty", ["unconfirmed"])
    assert len(at.dataframe[0].value) == 2


def test_data_page_restores_filters_from_url(calls):
    at = open_page("data", issue="foreign_troops_in_ukraine", stance="oppose")
    assert at.multiselect(key="filter_issue").value == ["foreign_troops_in_ukraine"]
    assert sorted(at.dataframe[0].value["actor"]) == ["Alexander Grushko", "Italian government"]


def test_data_page_empty_result(calls):
    at = open_page("data", actor="Emmanuel Macron", stance="oppose")
    assert not at.dataframe and not at.download_button
    assert "No statements match" in texts(at.info)


def network_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Each circle is one of the"))


def test_network_page_draws_the_network_coalitions_and_polarisation(calls):
    at = open_page("network")
    assert len(at.get("vega_lite_chart")) == 2  # the network and the polarisation bars
    assert "5 countries" in network_caption(at)  # every country of the fake analysis
    coalitions = at.dataframe[0].value
    assert list(coalitions.columns) == ["coalition", "size", "members", "positions"]
    assert coalitions["size"].sum() == 5
    from core.analysis.network import polarisation

    expected = polarisation(dashboard.get_analysis().tables.stances, by="country")  # the page shows the corpus value
    assert metrics(at)["Across all issues"] == f"{expected.value:.2f}"
    assert f"{expected.supporters} positions for" in texts(at.caption)
    assert [b.label for b in at.download_button] == ["Download GraphML", "Download GEXF"]
    # Actors, people only: the governments and groups leave the network.
    at.segmented_control(key="network_by").set_value("actor").run()
    everyone = int(network_caption(at).split("one of the ")[1].split()[0])
    at.checkbox(key="network_people").check().run()
    assert_clean(at)
    people = int(network_caption(at).split("one of the ")[1].split()[0])
    assert "people" in network_caption(at) and 0 < people < everyone
    # Coloured by coalition, weights normalised: the chart says so in its legend and tooltips.
    at.segmented_control(key="network_colour").set_value("coalition").run()
    at.checkbox(key="network_normalise").check().run()
    assert_clean(at)
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"Coalition"' in spec and '"Share of issues"' in spec


def test_network_page_follows_the_filters_and_the_url(calls):
    at = open_page("network", ties="conflict", country=["Russia", "France"])
    assert at.segmented_control(key="network_ties").value == "conflict"
    assert "2 countries" in network_caption(at) and "opposite sides" in network_caption(at)
    assert at.segmented_control(key="network_colour").value == "country" and "colour" not in at.query_params
    at.segmented_control(key="network_colour").set_value("coalition").run()
    assert at.query_params["colour"] in ("coalition", ["coalition"])  # a shared link keeps the colouring
    at = open_page("network", colour="coalition")
    assert at.segmented_control(key="network_colour").value == "coalition"
    assert '"Coalition"' in at.get("vega_lite_chart")[0].proto.spec
    assert open_page("network", colour="rainbow").segmented_control(key="network_colour").value == "country"
    at = open_page("network", actor="Emmanuel Macron", stance="oppose")
    assert not at.get("vega_lite_chart") and "No statements match" in texts(at.info)


# --- caching: filters and pages never re-run the analysis ----------------------------------------


def test_filter_changes_and_page_switches_do_not_rerun_the_analysis(calls):
    at = open_page("overview")
    assert (calls.analyze, calls.pipeline) == (1, 1)
    pick(at, "country", ["Russia"])
    pick(at, "stance", ["oppose"])
    at.segmented_control(key="overview_by").set_value("actor").run()
    for page in ("positions", "quotes", "article", "data", "overview"):
        at.switch_page(PAGES[page]).run()
        assert_clean(at)
    # A new session (another user, or a reload) reuses the cache too.
    open_page("data", country="France")
    assert (calls.analyze, calls.pipeline) == (1, 1)


def test_filters_survive_a_page_switch(calls):
    at = open_page("overview")
    pick(at, "country", ["France"])
    at.switch_page(PAGES["data"]).run()
    assert_clean(at)
    assert at.multiselect(key="filter_country").value == ["France"]
    assert set(at.dataframe[0].value["country"]) == {"France"}
    assert at.query_params["country"] in ("France", ["France"])


# --- failures become messages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (NotImplementedError("being written"), "not available yet"),
        (ModelNotFoundError("spaCy model 'en_core_web_sm' is not installed: pip install it"), "en_core_web_sm"),
    ],
)
def test_analysis_errors_become_a_message(calls, monkeypatch, error, expected):
    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(dashboard, "analyze_articles", failing)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert expected in texts(at.error).replace("\\", "")  # shown as text: Markdown characters escaped


def test_an_article_the_analysis_fails_on_is_a_note_and_every_page_still_works(calls, monkeypatch):
    def failing(*args, **kwargs):
        raise ValueError("[E088] Text of length 1099845 exceeds maximum of 1000000")

    monkeypatch.setattr(dashboard, "analyze_articles", failing)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert "ukraine_peace_talks: the analysis failed (ValueError: [E088]" in _all_text(at).replace("\\", "")
    for page in PAGES.values():
        at.switch_page(page).run()
        assert not at.exception and not at.error, page
    at.switch_page(PAGES["articles"]).run()
    assert [o[:19] for o in at.multiselect(key="articles_to_delete").options] == ["Ukraine peace talks"], "offered for deletion"
    at.switch_page(PAGES["article"]).run()
    assert "the analysis failed (ValueError" in texts(at.warning).replace("\\", ""), "shown on that article's page"


def test_missing_model_becomes_a_message(calls, monkeypatch):
    def no_model(knowledge=None):
        raise ModelNotFoundError("No English spaCy pipeline found (tried en_core_web_sm). Install one with pip.")

    monkeypatch.setattr(dashboard, "build_pipeline", no_model)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "No English spaCy pipeline found" in texts(at.error).replace("\\", "")
    assert not at.title, "no page is drawn without an analysis"


def test_bad_codebook_becomes_a_message(calls, monkeypatch, tmp_path):
    bad = tmp_path / "codebook.yaml"
    bad.write_text("issues: [ {id: 'Bad Id', patterns: ['x']} ]\n", encoding="utf-8")
    monkeypatch.setenv(settings.CODEBOOK_ENV, str(bad))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "must use only a-z" in texts(at.error)


def test_folder_without_articles_explains_itself(calls, monkeypatch, tmp_path):
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(tmp_path))
    for page in ("article", "overview", "positions", "timeline", "quotes", "data"):
        at = open_page(page)
        assert "The corpus has no article yet" in texts(at.info), page
        assert "Articles page" in texts(at.info), page
        assert not at.get("vega_lite_chart"), page
    assert calls.analyze == 0


# --- the real pipeline, once it is there ---------------------------------------------------------


def real_pipeline_or_skip() -> None:
    from core.extraction.pipeline import analyze_articles
    from core.ingest.text import article_from_text

    try:
        from core.extraction.nlp import load_pipeline

        analyze_articles([article_from_text("Donald Trump said the war must end.", "probe")], nlp=load_pipeline())
    except (NotImplementedError, ImportError) as exc:
        pytest.skip(f"the real pipeline is not available yet: {exc}")
    except ModelNotFoundError as exc:
        pytest.skip(str(exc))


def test_real_pipeline_every_page_and_no_reanalysis(monkeypatch):
    real_pipeline_or_skip()
    from core.extraction.pipeline import analyze_articles as real_analyze

    counted = Calls()

    def counting(*args, **kwargs):
        counted.analyze += 1
        return real_analyze(*args, **kwargs)

    monkeypatch.setattr(dashboard, "analyze_articles", counting)
    monkeypatch.delenv(settings.ARTICLES_DIR_ENV, raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = open_page("overview")
    assert int(metrics(at)["Statements"]) > 0
    options = at.multiselect(key="filter_country").options
    assert options, "the seed article names countries"
    pick(at, "country", [options[0]])
    for page in PAGES.values():
        at.switch_page(page).run()
        assert_clean(at)
    assert counted.analyze == 1
    st.cache_data.clear()


# --- the corpus pages: Timeline and Articles -----------------------------------------------------


@pytest.fixture
def two_dates(tmp_path, monkeypatch) -> Path:
    """Two short articles ten days apart: Russia opposes the talks, then (through Putin) supports them."""
    folder = tmp_path / "dated"
    folder.mkdir()
    (folder / "early.txt").write_text("Officials said Russia is keeping up the fighting.\n", encoding="utf-8")
    (folder / "early.meta.yaml").write_text("title: Early report\ndate: 2025-03-10\nsource: Wire One\n", encoding="utf-8")
    (folder / "late.txt").write_text("Steve Witkoff said Vladimir Putin “accepts the philosophy” of the peace plan.\n", encoding="utf-8")
    (folder / "late.meta.yaml").write_text("title: Late report\ndate: 2025-03-20\nsource: Wire Two\n", encoding="utf-8")
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(folder))
    return folder


def test_timeline_shows_dots_shift_and_verdicts(calls, two_dates):
    at = open_page("timeline", topic="peace_talks", by="country")
    assert at.title[0].value == "Timeline"
    assert at.get("vega_lite_chart"), "the timeline is drawn"
    verdicts = at.dataframe[0].value
    assert verdicts.set_index("entity").loc["Russia", "verdict"] == "shifted"
    assert "Shifts (1)" in texts(at.subheader)
    assert "**Russia**: oppose on 2025-03-10 → support on 2025-03-20" in texts(at.markdown)
    page = html(at)
    assert "Russia is keeping up the fighting" in page and "accepts the philosophy" in page


def test_date_and_outlet_filters_narrow_every_page(calls, two_dates):
    at = open_page("timeline", topic="peace_talks", by="country", since="2025-03-15")
    assert at.date_input(key="filter_dates").value == (date(2025, 3, 15),)
    assert "Shifts (0)" in texts(at.subheader)
    at = open_page("data", outlet="Wire One")
    assert set(at.dataframe[0].value["article_id"]) == {"early"}
    assert set(at.dataframe[0].value["outlet"]) == {"Wire One"}
    at.date_input(key="filter_dates").set_value((date(2025, 3, 15), date(2025, 3, 20))).run()
    assert_clean(at)
    assert "No statements match" in texts(at.info)  # Wire One published only on 10 March
    assert at.query_params["since"] in ("2025-03-15", ["2025-03-15"])
    assert at.query_params["until"] in ("2025-03-20", ["2025-03-20"])


def test_articles_page_paste_add_and_delete(calls, two_dates):
    at = open_page("articles")
    assert at.title[0].value == "Articles"
    assert "In the corpus (2)" in texts(at.subheader)
    at.text_area(key="paste_text").input(
        "# title: Pasted note\n# date: 2025-03-22\n\nOfficials said Russia is keeping up the fighting near the border."
    )
    at.button[0].click().run()  # "Read the text" (the paste form's submit button)
    assert_clean(at)
    assert "Check before adding" in texts(at.subheader)
    add = next(b for b in at.button if b.label == "Add to the corpus")
    add.click().run()
    assert_clean(at)
    assert "In the corpus (3)" in texts(at.subheader)
    assert "Added and analysed 1 article(s)." in texts(at.success)
    assert calls.analyze == 2  # the seeds once, the new article once


def test_articles_page_reports_a_bad_paste_and_a_refused_url(calls, two_dates):
    at = open_page("articles")
    at.text_area(key="paste_text").input("   ")
    at.button[0].click().run()
    assert not at.exception
    assert "empty" in texts(at.error)
    at.text_area(key="url_text").input("ftp://example.org/story\nhttp://127.0.0.1/admin")
    next(b for b in at.button if b.label == "Fetch").click().run()
    errors = texts(at.error)
    assert "ftp://example.org/story: only http:// and https://" in errors and "127.0.0.1" in errors
    assert "In the corpus (2)" in texts(at.subheader)


def test_articles_page_proposes_a_title_for_pasted_text_and_derives_the_id(calls, two_dates, fresh_corpus):
    """Issue 14, item 3: pasted text got no title and was stored as "article"."""
    at = open_page("articles")
    at.text_area(key="paste_text").input(
        "Officials in Valparaíso said Chile opposes the new harbour levy. Peru's trade minister said Lima "
        "supports it.")
    at.button[0].click().run()
    assert_clean(at)
    proposed = "Officials in Valparaíso said Chile opposes the new harbour levy"
    assert at.dataframe[0].value["title"].tolist() == [proposed]  # shown, editable, before storing
    next(b for b in at.button if b.label == "Add to the corpus").click().run()
    assert_clean(at)
    stored = CorpusStore(fresh_corpus).article_table().set_index("id")
    assert stored.loc[slugify(proposed), "title"] == proposed  # "officials_in_valparaiso_said_chile_…"
    assert "article" not in stored.index


def test_articles_page_says_text_is_not_a_web_address(calls, two_dates):
    """Issue 14, item 5: "not a url" was reported as a host name that could not be resolved."""
    at = open_page("articles")
    at.text_area(key="url_text").input("not a url\nbbc")
    next(b for b in at.button if b.label == "Fetch").click().run()
    assert not at.exception
    errors = [texts([e]) for e in at.error]
    assert errors == ["'not a url' is not a web address; give one like https://www.example.com/news/story",
                      "'bbc' is not a web address; give one like https://www.example.com/news/story"]


def test_articles_page_gives_one_message_for_an_unsupported_upload(calls, two_dates):
    """Issue 14, item 5: the uploader itself refused a PNG ("image/png files are not allowed") and
    "Read the files" then said "Choose at least one file first". The page accepts any file and
    names the one it cannot read, with the types it can."""
    at = open_page("articles")
    assert list(at.file_uploader[0].proto.type) == []  # the browser refuses nothing on its own
    at.file_uploader[0].set_value([("chart.png", b"\x89PNG\r\n\x1a\n", "image/png")])
    next(b for b in at.button if b.label == "Read the files").click().run()
    assert not at.exception
    assert [texts([e]) for e in at.error] == [
        "chart.png: unsupported file type '.png'; supported types are .txt, .md, .html, .htm, .pdf, .docx"]


def test_articles_page_deletes_only_after_confirming(calls, two_dates):
    at = open_page("articles")
    at.multiselect(key="articles_to_delete").set_value(["early"]).run()
    at.button(key="delete_button").click().run()
    assert_clean(at)
    assert "Recently deleted' below restores them" in texts(at.markdown)  # the confirmation dialog
    at.button(key="cancel_delete").click().run()
    assert "In the corpus (2)" in texts(at.subheader)
    at.button(key="delete_button").click().run()
    at.button(key="confirm_delete").click().run()
    assert_clean(at)
    assert "Deleted 1 article(s)." in texts(at.success)
    assert "In the corpus (1)" in texts(at.subheader) and "Recently deleted (1)" in texts(at.subheader)
    at.switch_page(PAGES["data"]).run()
    assert set(at.dataframe[0].value["article_id"]) == {"late"}
    # Undo: the article and its statements come back.
    at.switch_page(PAGES["articles"]).run()
    at.multiselect(key="articles_to_restore").set_value(["early"]).run()
    at.button(key="restore_button").click().run()
    assert_clean(at)
    assert "Restored 1 article(s)." in texts(at.success) and "In the corpus (2)" in texts(at.subheader)
    at.switch_page(PAGES["data"]).run()
    assert set(at.dataframe[0].value["article_id"]) == {"early", "late"}


def test_articles_page_uploads_files_reports_bad_ones_and_dedupes(calls, two_dates, fresh_corpus):
    import io

    import docx

    document = docx.Document()
    document.core_properties.title = "Council minutes"
    document.add_paragraph("Officials said Russia is keeping up the fighting near the river, the council heard.")
    buffer = io.BytesIO()
    document.save(buffer)
    early = (two_dates / "early.txt").read_bytes()
    at = open_page("articles")
    at.file_uploader[0].set_value([
        ("minutes.docx", buffer.getvalue(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf"),
        ("again.txt", early, "text/plain"),
    ])
    next(b for b in at.button if b.label == "Read the files").click().run()
    assert "broken.pdf: the PDF is damaged" in texts(at.error) and not at.exception
    assert "Check before adding" in texts(at.subheader)
    next(b for b in at.button if b.label == "Add to the corpus").click().run()
    assert not at.exception
    assert "Added and analysed 1 article(s)." in texts(at.success)
    assert "already stored as 'early'" in texts(at.info)
    assert "In the corpus (3)" in texts(at.subheader)
    stored = CorpusStore(fresh_corpus).article_table()
    assert sorted(stored["title"]) == ["Council minutes", "Early report", "Late report"]


def test_the_corpus_file_can_come_from_streamlit_secrets(calls, monkeypatch, tmp_path):
    monkeypatch.delenv("STANCE_DB", raising=False)
    target = tmp_path / "from_secrets.sqlite3"
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["STANCE_DB"] = str(target)
    at.run()
    assert_clean(at)
    assert target.exists()
    assert CorpusStore(target).count() == 1  # seeded on first start


def test_a_link_with_only_an_end_date_keeps_it_as_the_end(calls, two_dates):
    at = open_page("data", until="2025-03-15")
    assert set(at.dataframe[0].value["article_id"]) == {"early"}
    assert at.query_params["until"] in ("2025-03-15", ["2025-03-15"])
    reversed_range = open_page("data", since="2025-03-15", until="2025-03-01")
    assert set(reversed_range.dataframe[0].value["article_id"]) == {"early"}


def test_link_values_cannot_inject_markdown(calls, two_dates):
    at = open_page("overview", actor="[log in here](https://evil.example/login)")
    raw = "\n".join(w.value for w in at.warning)
    assert "\\[log in here\\]\\(https\\:" in raw  # shown as text, not as a link


# --- the Accuracy page ---------------------------------------------------------------------------


def test_accuracy_page_shows_test_dev_and_the_inter_coder_ceiling(calls):
    from core.evaluation.accuracy import load_report

    report = load_report()
    at = open_page("accuracy")
    assert_clean(at)
    shown = metrics(at)
    test_row = next(g for g in report["groups"] if g["name"] == "test")
    assert shown["F1 on unseen articles (test)"] == f"{test_row['actor']['f1']:.2f}"
    assert shown["Two coders agree (ceiling)"] == f"{report['agreement']['pooled']['all']['actor_f1']:.2f}"
    assert at.get("vega_lite_chart"), "the F1 chart is drawn"
    # data sets, rules vs scorer, confidence bands, agreement, error kinds, quotes, every article
    assert len(at.dataframe) == 7
    assert list(at.dataframe[2].value["shown as"])[0] == "suggestion"  # the bands, from the suggestions up
    compared = at.dataframe[1].value
    assert set(compared["extractor"]) == {"rules only", "candidates + scorer", "second coder"}
    scorer_test = next(g for g in report["comparison"] if g["name"] == "test" and g["extractor"] == "candidates + scorer")
    shown_test = compared[(compared["data set"] == "test") & (compared["extractor"] == "candidates + scorer")]
    assert shown_test["actor F1"].iloc[0] == scorer_test["actor"]["f1"]
    assert "pipeline version" in texts(at.markdown)
    assert not at.warning


def test_accuracy_page_without_stored_figures_says_how_to_measure_them(calls, monkeypatch, tmp_path):
    monkeypatch.setattr(dashboard.state, "REPORT_FILE", tmp_path / "absent.json")
    at = open_page("accuracy")
    assert_clean(at)
    assert "python -m core accuracy --write" in texts(at.info)
    # No F1 chart; the scorer's reliability chart comes from the scorer file, not the report.
    assert len(at.get("vega_lite_chart")) == 1
    assert metrics(at)["Calibration error"] == "0.067"


def test_accuracy_page_warns_when_the_figures_are_from_another_pipeline_version(calls, monkeypatch, tmp_path):
    import json

    from core.evaluation.accuracy import REPORT_FILE

    old = json.loads(REPORT_FILE.read_text(encoding="utf-8"))
    old["pipeline_version"] = "0"
    path = tmp_path / "accuracy.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    monkeypatch.setattr(dashboard.state, "REPORT_FILE", path)
    at = open_page("accuracy")
    assert_clean(at)
    assert "pipeline version 0" in texts(at.warning)


# --- user text is shown as text, never as Markdown (issue 11) ------------------------------------

HOSTILE_MARKDOWN = "[click here](http://evil.test/x) ![pixel](http://evil.test/p.png) **loud**"


def _all_text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def test_labels_descriptions_and_url_values_are_never_rendered_as_markdown(calls):
    from core.corpus.corpus import store_codebook
    from core.knowledge.codebook import IssueDraft, load_codebook, with_issue

    codebook = load_codebook()
    issue = next(i for i in codebook.issues if i.id == "foreign_troops_in_ukraine")
    draft = IssueDraft.from_issue(issue)
    draft.label, draft.description = HOSTILE_MARKDOWN, "Support = " + HOSTILE_MARKDOWN
    store_codebook(CorpusStore(dashboard.db_location()), with_issue(codebook, draft, replace=issue.id))
    pages = [open_page("positions", topic="foreign_troops_in_ukraine"), open_page("timeline", topic="foreign_troops_in_ukraine"),
             open_page("overview", country="[x](http://evil.test/y)"), open_page("data", issue="foreign_troops_in_ukraine", country="Nowhere")]
    shown = "\n".join(_all_text(at) for at in pages)
    assert "[click here](http://evil.test/x)" in shown.replace("\\", ""), "the hostile values are shown"
    assert "](http://evil.test" not in shown and "**loud**" not in shown, "but escaped, so Markdown shows them as text"


@pytest.mark.parametrize("form", ["url", "fields"])
def test_the_corpus_can_live_in_postgresql_named_in_the_secrets_connection(calls, monkeypatch, postgres_url, form):
    """Issue 15: a [connections.stance] section (Streamlit's SQL connection format) puts the corpus in
    PostgreSQL; the dashboard seeds it on first start and shows it."""
    from sqlalchemy.engine import make_url

    monkeypatch.delenv("STANCE_DB", raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if form == "url":
        at.secrets["connections"] = {"stance": {"url": postgres_url.replace("postgresql+psycopg://", "postgresql://")}}
    else:
        url = make_url(postgres_url)
        at.secrets["connections"] = {"stance": {"dialect": "postgresql", "driver": "psycopg", "host": url.host,
                                                "port": url.port, "username": url.username, "database": url.database,
                                                "query": dict(url.query)}}
    at.run()
    assert_clean(at)
    assert CorpusStore(postgres_url).count() == 1  # seeded on first start, in PostgreSQL


def test_a_secrets_connection_that_describes_no_database_is_one_line(calls, monkeypatch):
    monkeypatch.delenv("STANCE_DB", raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["connections"] = {"stance": {"host": "db.example.org", "password": "hunter22"}}
    at.run()
    assert not at.exception
    shown = texts(at.error)
    assert "[connections.stance] section of the secrets does not describe a database" in shown and "hunter22" not in shown
