"""Every claim checkable in one step (issue 14, item 1): evidence cards and chart tooltips name the
article, outlet, date, speaker, certainty and attribution, and link to the passage, which the
Article page opens highlighted (``?doc=…&span=start-end``); reported and unconfirmed positions are
drawn unlike stated ones."""

from __future__ import annotations

import json

import pytest

import dashboard
from core import settings
from tests.apptest import (
    assert_clean,
    emptied_caches,
    fresh_corpus,  # noqa: F401 - autouse: a new corpus for every test
    html,
    open_app_page,
    texts,
)
from tests.sample_tables import fake_analyze

SEED_TITLE = "Ukraine peace talks: Trump, Putin and Europe on troops (untitled seed article)"
MACRON = "If Ukraine requests allied forces to be on its territory, it is not up to Russia to accept or reject them."


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(dashboard, "analyze_articles", lambda articles, nlp=None, codebook=None, knowledge=None:
                        fake_analyze(articles))
    monkeypatch.setattr(dashboard, "build_pipeline", lambda knowledge=None: "fake pipeline")
    monkeypatch.delenv(settings.ARTICLES_DIR_ENV, raising=False)
    monkeypatch.delenv(settings.CODEBOOK_ENV, raising=False)
    with emptied_caches():
        yield


def chart_spec_and_rows(at, index: int = 0) -> tuple[dict, list[dict]]:
    """A drawn chart's Vega-Lite spec and the rows Streamlit sent with it (Arrow)."""
    import pyarrow as pa

    proto = at.get("vega_lite_chart")[index].proto
    (dataset,) = proto.datasets
    rows = pa.ipc.open_stream(dataset.data.data).read_pandas().to_dict("records")
    return json.loads(proto.spec), rows


def _seed_offsets(quote: str) -> tuple[int, int]:
    text = (settings.SEEDS_DIR / "ukraine_peace_talks.txt").read_text(encoding="utf-8")
    start = text.find(quote)
    assert start >= 0
    return start, start + len(quote)


def test_positions_evidence_cards_name_article_outlet_date_certainty_and_link_to_the_passage():
    at = open_app_page("app_pages/positions.py", topic="foreign_troops_in_ukraine", by="actor")
    page = html(at)
    start, end = _seed_offsets(MACRON)
    assert f"{SEED_TITLE} — unknown, 2025-03-17" in page  # title — outlet, date
    assert MACRON in page  # the whole evidence, not a cut
    assert "Emmanuel Macron (France) · stated · direct quote" in page
    assert f'href="article?doc=ukraine_peace_talks&amp;span={start}-{end}"' in page


def test_positions_bars_draw_reported_and_unconfirmed_hollower_than_stated():
    at = open_app_page("app_pages/positions.py", topic="peace_talks", by="actor")
    spec, rows = chart_spec_and_rows(at)
    bars, key = spec["layer"]
    fill = bars["encoding"]["fillOpacity"]
    assert fill["field"] == "certainty"
    assert fill["scale"]["domain"] == ["stated", "reported", "unconfirmed"]
    assert fill["scale"]["range"][0] == 1 and fill["scale"]["range"][2] == 0  # hollow when unconfirmed
    assert "unconfirmed (hollow)" in key["encoding"]["fill"]["legend"]["labelExpr"]  # the legend says so
    putin = next(r for r in rows if r["entity"] == "Vladimir Putin")
    assert putin["certainty"] == "reported" and "Steve Witkoff" in putin["said_by"]
    assert SEED_TITLE in putin["article"] and "2025-03-17" in putin["article"]


def test_overview_matrix_tooltip_names_the_article_and_marks_unconfirmed_cells_hollow():
    at = open_app_page("app_pages/overview.py", by="actor")
    spec, rows = chart_spec_and_rows(at)
    cells, _, key = spec["layer"]
    assert cells["encoding"]["fillOpacity"]["field"] == "certainty"
    assert "(hollow)" in key["encoding"]["fill"]["legend"]["labelExpr"]
    assert {"Evidence", "Said by", "Article", "Certainty"} <= {t["title"] for t in cells["encoding"]["tooltip"]}
    assert {p["name"] for p in spec["params"]} == {"cell", "cell_symbol"}  # clicking a cell selects it
    putin = next(r for r in rows if r["entity"] == "Vladimir Putin" and r["issue"] == "territory_recognition")
    assert putin["certainty"] == "unconfirmed"
    assert putin["evidence"] == "the international recognition of Ukrainian territory seized by Russia as Russian"
    assert "unconfirmed or denied" in putin["said_by"] and SEED_TITLE in putin["article"]


def test_overview_matrix_with_one_issue_keeps_square_cells():
    at = open_app_page("app_pages/overview.py", issue="ceasefire")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["width"] == {"step": 64}  # a fixed column, not the page's width


def test_article_link_opens_the_article_with_the_passage_marked():
    start, end = _seed_offsets(MACRON)
    at = open_app_page("app_pages/article.py", doc="ukraine_peace_talks", span=f"{start}-{end}")
    page = html(at)
    assert 'id="stance-passage"' in page and "The linked passage" in page
    marked = page.split('id="stance-passage"', 1)[1].split(">", 1)[1]
    assert marked.startswith("If ")  # the mark starts where the passage does
    assert MACRON in page.split("The linked passage", 1)[1].split("</div></div>", 1)[0]  # and is quoted on top
    assert not at.warning


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"doc": "no_such_article", "span": "1-5"}, "not in the corpus"),
        ({"doc": "ukraine_peace_talks", "span": "abc"}, "two numbers"),
        ({"doc": "ukraine_peace_talks", "span": "50-10"}, "ends before it starts"),
        ({"doc": "ukraine_peace_talks", "span": "10-999999"}, "beyond the end"),
    ],
)
def test_a_bad_passage_link_says_what_is_wrong_and_shows_the_article(query, message):
    at = open_app_page("app_pages/article.py", **query)
    assert message in texts(at.warning)
    assert 'id="stance-passage"' not in html(at)
    assert "Marked:" in texts(at.caption)  # the article is still there
    assert_clean(at)


@pytest.fixture
def two_dates(tmp_path, monkeypatch):
    """Two dated articles by two outlets in which Russia changes sides on the peace talks."""
    folder = tmp_path / "dated"
    folder.mkdir()
    (folder / "early.txt").write_text("Officials said Russia is keeping up the fighting.\n", encoding="utf-8")
    (folder / "early.meta.yaml").write_text("title: Early report\ndate: 2025-03-10\nsource: Wire One\n", encoding="utf-8")
    (folder / "late.txt").write_text("Steve Witkoff said Vladimir Putin “accepts the philosophy” of the peace plan.\n",
                                     encoding="utf-8")
    (folder / "late.meta.yaml").write_text("title: Late report\ndate: 2025-03-20\nsource: Wire Two\n", encoding="utf-8")
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, str(folder))
    return folder


def test_timeline_shift_cards_name_article_outlet_date_and_certainty(two_dates):
    at = open_app_page("app_pages/timeline.py", topic="peace_talks", by="country")
    page = html(at)
    assert "Early report — Wire One, 2025-03-10" in page and "Late report — Wire Two, 2025-03-20" in page
    assert "Vladimir Putin (Russia) · reported · reported speech · source: Steve Witkoff" in page
    assert 'href="article?doc=late&amp;span=' in page


def test_timeline_verdicts_wrap_instead_of_being_cut_and_dots_stay_inside_the_chart(two_dates):
    at = open_app_page("app_pages/timeline.py", topic="peace_talks", by="country")
    page = html(at)
    table = page.split('<table class="verdicts"', 1)[1]  # an HTML table whose cells wrap
    assert "In words" in table and "Statements" in table and "1 for, 1 against" in table
    assert "shifted" in table
    spec, rows = chart_spec_and_rows(at)
    dots = spec["layer"][0]["encoding"]
    assert dots["x"]["scale"]["padding"] > 0
    assert dots["fillOpacity"]["field"] == "certainty"
    assert {r["article"] for r in rows} == {"Early report — Wire One, 2025-03-10", "Late report — Wire Two, 2025-03-20"}


def test_network_lists_a_chosen_nodes_statements_with_their_articles():
    at = open_app_page("app_pages/network.py", by="country")
    box = next(b for b in at.selectbox if b.label == "Read the statements of")
    assert "France" in box.options
    box.set_value("France").run()
    assert_clean(at)
    page = html(at)
    assert f"{SEED_TITLE} — unknown, 2025-03-17" in page and MACRON in page
    assert "Emmanuel Macron (France) · stated · direct quote" in page
