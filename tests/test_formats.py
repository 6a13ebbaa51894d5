"""Numbers in each language: decimal comma and narrow-space thousands in Dutch and French, gaps never zero."""

from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa
import pytest

from monitor.core.formats import THIN_SPACE, format_number, format_percent, separators
from monitor.ui import tables


@pytest.mark.parametrize(
    ("value", "language", "decimals", "expected"),
    [
        (72154, "nl", None, f"72{THIN_SPACE}154"),
        (72154, "fr", None, f"72{THIN_SPACE}154"),
        (72154, "en", None, "72,154"),
        (18.5, "nl", None, "18,5"),
        (18.5, "en", None, "18.5"),
        (-2.6, "fr", None, "-2,6"),
        (1234567.891, "nl", 2, f"1{THIN_SPACE}234{THIN_SPACE}567,89"),
        (1234567.891, "en", 1, "1,234,567.9"),
        (0, "nl", None, "0"),
    ],
)
def test_format_number(value, language, decimals, expected):
    assert format_number(value, language, decimals) == expected


@pytest.mark.parametrize("missing", [None, math.nan])
def test_missing_is_not_zero(missing):
    assert format_number(missing, "nl") == "n.b."
    assert format_number(missing, "fr") == "n.d."
    assert format_percent(missing, "en") == "n/a"


def test_percent_and_plotly_separators():
    assert format_percent(18.54, "fr") == "18,5\u00a0%"
    assert format_percent(18.54, "en") == "18.5%"
    assert separators("nl") == "," + THIN_SPACE
    assert separators("en") == ".,"
    assert separators("xx") == ".,"


def test_a_table_is_shown_as_arrow_with_numbers_written_in_the_language(monkeypatch):

    monkeypatch.setattr(tables, "language", lambda: "nl")
    frame = pd.DataFrame({"code": ["1.1", "1.2"], "year": [2018, 2019], "count": [3, 4], "people": [72154, 9]})
    shown = tables._shown(frame, {"code": "Code", "year": "Jaar", "count": "Aantal", "people": "Inwoners"})
    assert isinstance(shown, pa.Table)
    assert shown.column_names == ["Code", "Jaar", "Aantal", "Inwoners"]
    assert shown.column("Jaar").to_pylist() == [2018, 2019]  # an identifier: never written with a separator
    assert shown.column("Aantal").to_pylist() == [3, 4]  # small whole numbers stay numbers (they sort as such)
    assert shown.column("Inwoners").to_pylist() == [f"72{THIN_SPACE}154", "9"]


def test_a_column_arrow_cannot_type_is_left_to_streamlit(monkeypatch):

    monkeypatch.setattr(tables, "language", lambda: "fr")
    frame = pd.DataFrame({"value": pd.Series([1, "n/a"], dtype=object), "share": [0.5, 18.25]})
    shown = tables._shown(frame, {"value": "Valeur", "share": "Part"})
    assert isinstance(shown, pd.DataFrame)
    assert shown["Valeur"].tolist() == [1, "n/a"]
    assert shown["Part"].tolist() == ["0,5", "18,25"]


@pytest.mark.parametrize(
    ("values", "written"),
    [
        (pd.Series([3, -4]), False),  # small whole numbers look the same in every language
        (pd.Series([3, -1500]), True),
        (pd.Series([3, 4], dtype="uint32"), False),
        (pd.Series([3, 4000], dtype="uint32"), True),
        (pd.Series([3, None], dtype="Int64"), False),
        (pd.Series([1500, None], dtype="Int64"), True),
        (pd.Series([], dtype="int64"), False),
        (pd.Series([0.5]), True),
        (pd.Series([True, False]), False),
        (pd.Series(["1500"]), False),
    ],
)
def test_which_columns_are_written_as_text(monkeypatch, values, written):

    monkeypatch.setattr(tables, "language", lambda: "nl")
    assert (tables._written_numbers(values) is not None) is written


def test_missing_numbers_are_written_as_missing_never_zero(monkeypatch):

    monkeypatch.setattr(tables, "language", lambda: "fr")
    assert tables._written_numbers(pd.Series([1500, None], dtype="Int64")) == [f"1{THIN_SPACE}500", "n.d."]
    assert tables._written_numbers(pd.Series([0.5, None])) == ["0,5", "n.d."]
