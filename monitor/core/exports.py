"""Table exports exactly as shown: CSV (UTF-8 with BOM, so spreadsheet programs read accents) and XLSX."""

from __future__ import annotations

import io
import re

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


def to_csv(frame: pd.DataFrame) -> bytes:
    return _safe(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _safe(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
