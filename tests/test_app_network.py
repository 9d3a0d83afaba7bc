"""The Network page's coalition table, through AppTest on the sample tables (see tests/test_app.py)."""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace

import dashboard
from tests.test_app import calls, fresh_corpus, open_page  # noqa: F401 - fixtures

MEMBERS = "; ".join(f"Member of parliament number {n}" for n in range(1, 13))
POSITIONS = ("support: Peace talks, Western military aid, Foreign troops in Ukraine, Ukraine's neutrality, "
             "Security guarantees; oppose: Recognising seized territory, Limits on Ukraine's mobilisation")
CHAR_PX, LINE_PX, PADDING_PX = 7.0, 18, 16  # 14 px Source Sans: about 7 px a character, 18 px a line


def test_coalition_table_wraps_long_members_and_positions_instead_of_cutting_them(calls, monkeypatch):
    real = dashboard.network_view

    def long_lists(*args, **kwargs):
        view = real(*args, **kwargs)
        coalitions = view.coalitions.copy()
        coalitions.loc[0, ["members", "positions"]] = [MEMBERS, POSITIONS]
        return replace(view, coalitions=coalitions)

    monkeypatch.setattr(dashboard, "network_view", long_lists)
    table = open_page("network").dataframe[0]
    assert table.value.loc[0, "members"] == MEMBERS
    # Streamlit wraps a cell's text only in rows taller than 4rem; the row must hold the longest cell.
    assert table.proto.row_height > 64, "one-line rows: long cells are cut off"
    config = json.loads(table.proto.columns)
    for column in ("members", "positions"):
        width = config[column]["width"]
        assert isinstance(width, int), f"{column}: no width in pixels"
        per_line = int((width - PADDING_PX) / CHAR_PX)
        for text in table.value[column]:
            assert len(textwrap.wrap(str(text), per_line)) * LINE_PX <= table.proto.row_height, f"{column} cut off"
    assert sum(config[c]["width"] for c in ("coalition", "size", "members", "positions")) <= 820  # a laptop's main column


def test_coalition_table_of_short_lists_keeps_one_line_rows(calls):
    table = open_page("network").dataframe[0]  # the sample's coalitions: "Russia; Italy", …
    assert table.proto.row_height == 0  # Streamlit's default row
