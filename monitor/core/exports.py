"""Table exports exactly as shown: CSV (UTF-8 with BOM, so spreadsheet programs read accents) and XLSX."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pandas as pd

_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def _defuse(value: object) -> object:
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection)."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda column: column.map(_defuse) if pd.api.types.is_string_dtype(column) else column)


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
    return _safe(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _safe(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
