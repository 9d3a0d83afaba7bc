"""Downloads of a table as CSV or JSON bytes (UTF-8, non-ASCII kept readable)."""

from __future__ import annotations

import pandas as pd


def table_csv(table: pd.DataFrame) -> bytes:
    """CSV with a header row and no index; the BOM lets spreadsheet programs detect UTF-8."""
    return table.to_csv(index=False).encode("utf-8-sig")


def table_json(table: pd.DataFrame) -> bytes:
    """A JSON array with one object per row."""
    return table.to_json(orient="records", force_ascii=False, indent=2).encode("utf-8")
