"""Uploaded tables (CSV or XLSX) read as text cells, and the checks every import shares: size, rows, header.

Used by the three imports (progress, indicator values, translations): each turns the rows into its own preview,
and nothing is written until the secretariat commits a preview without problems (monitor.storage.imports).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from monitor.core.problems import RowProblem

MAX_BYTES = 5_000_000
MAX_ROWS = 5_000
MAX_CELL = 5_000


@dataclass
class Table:
    """An uploaded file read as text cells: header names (lower-cased, trimmed) and data rows."""

    file_name: str
    header: list[str]
    rows: list[list[str]]


class UnreadableFile(Exception):
    def __init__(self, problem: RowProblem):
        self.problem = problem
        super().__init__(problem.key)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and not isinstance(value, date):  # datetime from a spreadsheet
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(RowProblem(0, "-", "import.error.not_utf8")) from error
    if "\x00" in text:
        raise UnreadableFile(RowProblem(0, "-", "import.error.binary"))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        return [
            [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise UnreadableFile(RowProblem(0, "-", "import.error.bad_csv", {"detail": str(error)[:200]})) from error


def _xlsx_rows(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise UnreadableFile(RowProblem(0, "-", "import.error.bad_xlsx")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(value) for value in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except Exception as error:  # openpyxl raises many kinds on a damaged sheet
        raise UnreadableFile(RowProblem(0, "-", "import.error.bad_xlsx")) from error
    finally:
        workbook.close()


def read_table(file_name: str, content: bytes) -> Table:
    """The file as text cells; raises UnreadableFile with the reason when it is not a readable table."""
    if len(content) > MAX_BYTES:
        raise UnreadableFile(RowProblem(0, "-", "import.error.too_big", {"limit": MAX_BYTES // 1_000_000}))
    lower = file_name.lower()
    if lower.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    elif lower.endswith(".csv") or lower.endswith(".txt"):
        rows = _csv_rows(content)
    else:
        raise UnreadableFile(RowProblem(0, "-", "import.error.file_type"))
    rows = [row for row in rows if any(cell for cell in row)] if rows else []
    if not rows:
        raise UnreadableFile(RowProblem(1, "-", "import.error.empty"))
    if len(rows) - 1 > MAX_ROWS:
        raise UnreadableFile(RowProblem(0, "-", "import.error.too_many_rows", {"limit": MAX_ROWS}))
    header = [cell.strip().lower() for cell in rows[0]]
    return Table(file_name, header, [row + [""] * (len(header) - len(row)) for row in rows[1:]])


def header_problems(table: Table, expected: Sequence[str], required: Sequence[str]) -> list[RowProblem]:
    """Missing required columns, unknown columns and repeated columns, all reported on row 1."""
    problems = [RowProblem(1, name, "import.error.missing_column") for name in required if name not in table.header]
    seen: set[str] = set()
    for position, name in enumerate(table.header):
        if not name:
            if any(row[position] for row in table.rows):  # data under a header with no name
                problems.append(RowProblem(1, f"#{position + 1}", "import.error.unnamed_column"))
            continue
        if name not in expected:
            problems.append(RowProblem(1, name[:60], "import.error.unknown_column"))
        if name in seen:
            problems.append(RowProblem(1, name[:60], "import.error.repeated_column"))
        seen.add(name)
    return problems


def in_file_order(problems: list[RowProblem], table: Table) -> list[RowProblem]:
    """The problems as the file reads: by row, then by the column's place in the header (others last)."""
    place = {name: position for position, name in reversed(list(enumerate(table.header)))}
    return sorted(problems, key=lambda problem: (problem.row, place.get(problem.column, len(place))))


def records(table: Table) -> list[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, {column: cell}) for every data row."""
    return [(number, dict(zip(table.header, row, strict=False))) for number, row in enumerate(table.rows, start=2)]
