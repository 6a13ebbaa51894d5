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
from xml.parsers import expat

from monitor.core.problems import RowProblem

MAX_BYTES = 5_000_000
MAX_ROWS = 5_000
MAX_CELL = 5_000
MAX_COLUMNS = 60
# A workbook is a zip of XML parts. Checked before openpyxl parses anything, so that a small file cannot make the
# server unpack or hold more than these (a 136 kB "zip bomb" of a million cells took 10.7 s and 1.2 GB before).
# Sized to what the imports carry, with room to spare: a progress file is one row per workstream (100) and cycle,
# translations one row per title and language (a few hundred), indicator values one per indicator and year; their
# widest has 6 columns and their longest text is a narrative of MAX_CELL characters. 1,000 rows of full-length
# narratives unpack to about 5 MB. The worst workbook these limits accept reads in about 1 s and 15 MB
# (scripts/upload_limits.py; docs/performance.md, "Uploads"): with 25 MB, 50 MB and 150,030 cells it was 3.3 s.
MAX_UNZIPPED_PART = 8_000_000  # bytes of one part once unpacked
MAX_UNZIPPED_TOTAL = 16_000_000  # bytes of all parts once unpacked
MAX_RATIO = 100  # unpacked/packed size of a part above 1 MB; ordinary workbooks stay under 20
MAX_PARTS = 1_000
MAX_CELLS = (MAX_ROWS + 1) * 10  # cells of all sheets: every row of the largest file, 10 columns each
MAX_ELEMENTS = 8 * MAX_CELLS  # XML elements of all parts (a cell is 1 to 4 elements: c, v, is, t)


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
    rows, filled = [], 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(row) > MAX_COLUMNS:
                raise _unreadable("import.error.too_many_columns", limit=MAX_COLUMNS)
            rows.append([cell.strip() for cell in row])
            filled += any(rows[-1])
            if filled > MAX_ROWS + 1:
                break  # read_table says the file has too many rows
    except csv.Error as error:
        raise UnreadableFile(RowProblem(0, "-", "import.error.bad_csv", {"detail": str(error)[:200]})) from error
    return rows


def _unreadable(key: str, **values: object) -> UnreadableFile:
    return UnreadableFile(RowProblem(0, "-", key, values))


class _XmlCounter:
    """Counts the elements and cells of XML parts as they stream through expat: no tree is built, and the
    count stops at the first limit broken, so neither time nor memory grows with what a file claims to hold."""

    def __init__(self) -> None:
        self.elements = 0
        self.cells = 0
        self.row_cells = 0

    def feed(self, stream: io.BufferedIOBase) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._start
        parser.StartDoctypeDeclHandler = self._doctype  # workbooks have none; entities could expand without end
        while chunk := stream.read(1 << 16):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)

    def _doctype(self, *_: object) -> None:
        raise _unreadable("import.error.bad_xlsx")

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise _unreadable("import.error.too_many_cells", limit=MAX_CELLS)
        tag = name.rpartition(" ")[2]
        if tag == "row":
            self.row_cells = 0
            # openpyxl fills the rows a sheet skips: row 1,048,576 alone would be a million rows to read
            if int(_digits(attributes.get("r", "")) or 0) > 2 * MAX_ROWS:
                raise _unreadable("import.error.too_many_rows", limit=MAX_ROWS)
        elif tag == "c":
            self.cells += 1
            self.row_cells += 1
            if self.row_cells > MAX_COLUMNS or _column_number(attributes.get("r", "")) > MAX_COLUMNS:
                raise _unreadable("import.error.too_many_columns", limit=MAX_COLUMNS)
            if self.cells > MAX_CELLS:
                raise _unreadable("import.error.too_many_cells", limit=MAX_CELLS)


def _digits(text: str) -> str:
    return "".join(character for character in text[:12] if character.isdigit())


def _column_number(reference: str) -> int:
    """1 for "A7", 27 for "AA7"; 0 when the reference names no column."""
    number = 0
    for letter in reference[:12].upper():
        if not "A" <= letter <= "Z":
            break
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _check_workbook(content: bytes) -> None:
    """Refuse a workbook that would unpack too big, or hold too many rows, columns or cells, before it is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        parts = archive.infolist()
    except Exception as error:  # zipfile raises many kinds on a damaged archive
        raise _unreadable("import.error.bad_xlsx") from error
    if len(parts) > MAX_PARTS:
        raise _unreadable("import.error.bad_xlsx")
    total = 0
    for part in parts:
        total += part.file_size
        bomb = part.file_size > 1_000_000 and part.file_size > MAX_RATIO * max(part.compress_size, 1)
        if part.file_size > MAX_UNZIPPED_PART or total > MAX_UNZIPPED_TOTAL or bomb:
            raise _unreadable("import.error.unpacks_too_big", limit=MAX_UNZIPPED_TOTAL // 1_000_000)
    counter = _XmlCounter()
    try:
        with archive:
            for part in parts:
                if part.filename.lower().endswith((".xml", ".rels")):
                    with archive.open(part) as stream:
                        counter.feed(stream)
    except UnreadableFile:
        raise
    except Exception as error:  # bad XML (expat.ExpatError), zlib.error, CRC mismatch, encrypted part, …
        raise _unreadable("import.error.bad_xlsx") from error


def _xlsx_rows(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    _check_workbook(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # zlib.error, KeyError, … on a damaged part
        raise UnreadableFile(RowProblem(0, "-", "import.error.bad_xlsx")) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # rows as long as their cells, not as wide as the sheet claims to be
        rows, filled = [], 0
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(value) for value in row])
            filled += any(rows[-1])
            if filled > MAX_ROWS + 1:
                break  # read_table says the file has too many rows
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
