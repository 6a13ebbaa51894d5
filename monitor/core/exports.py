"""Table exports exactly as shown: CSV (UTF-8 with BOM, so spreadsheet programs read accents) and XLSX."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pandas as pd

_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")  # "-3", "+1.5e3"; not "-inf", "-1+1"


def _defuse(value: object) -> object:
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection)."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    return bool(_PLAIN_NUMBER.match(text))


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell defused, in whatever column: a column of text and numbers (object dtype) included, which
    pandas does not count as a string column. Numeric columns hold no text and are left as they are."""
    return frame.apply(lambda column: column if _numeric(column) else column.map(_defuse).astype(object))


def _numeric(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)


def without_marks(frame: pd.DataFrame, mark: str, language_header: Callable[[str], str], shown: str) -> pd.DataFrame:
    """The frame with no interface mark in its cells: a text shown as "[NL] …" (the Dutch original, marked in a
    French or English interface) is written as published, and a column "<header> (language)" right after its
    column says each cell's language ("nl" for the originals, `shown` for the entered translations)."""
    prefix = f"{mark} "
    columns: dict[str, pd.Series] = {}
    for header, values in frame.items():
        texts = values.tolist()
        marked = [isinstance(text, str) and text.startswith(prefix) for text in texts]
        if not any(marked):
            columns[header] = values
            continue
        columns[header] = pd.Series(
            [text[len(prefix) :] if hit else text for text, hit in zip(texts, marked, strict=True)], index=values.index
        )
        columns[language_header(str(header))] = pd.Series(
            ["nl" if hit else shown for hit in marked], index=values.index
        )
    return pd.DataFrame(columns, index=frame.index)


def to_csv(frame: pd.DataFrame) -> bytes:
    # Rows end in CRLF (RFC 4180): the csv writer then quotes a cell holding a lone carriage return, which would
    # otherwise start a new row whose first cell escaped the defusing.
    return _safe(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _safe(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
