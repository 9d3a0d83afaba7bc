"""One module reads dates (core.ingest.dates); every stored or compared date is YYYY-MM-DD or ""."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from core.ingest.dates import find_date, iso_date, line_date, to_datetimes


@pytest.mark.parametrize(
    "value, strict, leading",
    [
        ("2024-12-31", "2024-12-31", "2024-12-31"),
        (" 2024-12-31 ", "2024-12-31", "2024-12-31"),
        ("2024-12-31T08:15:00Z", "", "2024-12-31"),  # a timestamp: only its first ten characters are a date
        ("2024-02-30", "", ""),  # not a real day
        ("31 December 2024", "", ""),  # prose is find_date's job
        ("", "", ""),
        (None, "", ""),
        (float("nan"), "", ""),
        (dt.date(2024, 12, 31), "2024-12-31", "2024-12-31"),
        (dt.datetime(2024, 12, 31, 8, 15), "", "2024-12-31"),
        (pd.Timestamp("2024-12-31 08:15"), "", "2024-12-31"),
        (pd.NaT, "", ""),
    ],
)
def test_iso_date_strict_and_leading(value, strict, leading):
    assert iso_date(value) == strict
    assert iso_date(value, leading=True) == leading


def test_find_date_reads_prose_forms_and_line_date_only_datelines():
    assert find_date("Updated: March 3rd, 2023 at 10:02") == "2023-03-03"
    assert find_date("3 of March 2023") == find_date("2023/3/3") == "2023-03-03"
    assert line_date("By Tomas Berg | Harbour Gazette | 2 June 2024") == "2024-06-02"
    assert line_date("The ferry strike began on 2 June 2024 and lasted nine days at the port.") == ""


def test_to_datetimes_gives_nat_for_missing_or_bad_values():
    out = to_datetimes(pd.Series(["2024-06-02", "", None, "June", "2024-06-02T09:00"]))
    assert list(out.isna()) == [False, True, True, True, False]
    assert out[4] == pd.Timestamp("2024-06-02")
