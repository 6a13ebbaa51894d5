"""Imports from CSV or XLSX: read → check every row (file, row, column, why) → commit all rows or none.

The generic part (reading a table of text cells, checking its header) serves every kind of import; the
progress part turns rows into proposals and writes them in one transaction. A file never half-lands: any
problem, or a change by someone else since the preview, stops the whole import.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import pandas as pd

from monitor import progress, store
from monitor.accounts import User
from monitor.errors import PermissionDenied

Row = TypeVar("Row")

MAX_BYTES = 5_000_000
MAX_ROWS = 5_000
MAX_CELL = 5_000
PROGRESS_COLUMNS = ("workstream", "status", "as_of", "confidence", "stall_reason", "narrative", "evidence_url")
REQUIRED_PROGRESS_COLUMNS = ("workstream", "status", "as_of")


@dataclass(frozen=True)
class RowProblem:
    """One problem of an uploaded file: the row (1 = header, as a spreadsheet shows it), column and why."""

    row: int
    column: str
    key: str  # a catalogue key
    values: dict[str, object] = field(default_factory=dict)


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


@dataclass
class ProgressPreview:
    """What an upload would write: the proposals (with their rows), the problems, the versions seen."""

    file_name: str
    proposals: list[tuple[int, progress.Proposal]]
    problems: list[RowProblem]
    versions: dict[str, int]
    skipped: int = 0  # blank template rows

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.proposals)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10]) if text.strip() else None
    except ValueError:
        return None


def preview_progress(table: Table, allowed_codes: Sequence[str], today: date | None = None) -> ProgressPreview:
    """Check every row of a progress upload against the same rules as the report form."""
    problems = header_problems(table, PROGRESS_COLUMNS, REQUIRED_PROGRESS_COLUMNS)
    if problems:
        return ProgressPreview(table.file_name, [], problems, {}, 0)
    known = set(progress.workstream_codes())
    allowed = set(allowed_codes)
    first_row: dict[str, int] = {}
    proposals = []
    skipped = 0
    for number, cells in records(table):
        if not any(value for name, value in cells.items() if name != "workstream"):
            skipped += 1  # a template row left blank: nothing to report for that workstream
            continue
        oversize = [name for name, value in cells.items() if len(value) > MAX_CELL]
        for name in oversize:
            problems.append(RowProblem(number, name, "import.error.cell_too_long", {"limit": MAX_CELL}))
        if oversize:
            continue
        code = cells.get("workstream", "")
        as_of = _parse_date(cells.get("as_of", ""))
        if as_of is None:
            problems.append(
                RowProblem(number, "as_of", "import.error.bad_date", {"value": cells.get("as_of", "")[:40]})
            )
        if code in first_row:
            problems.append(
                RowProblem(number, "workstream", "import.error.repeated_workstream", {"row": first_row[code]})
            )
        elif code in known and code not in allowed:
            problems.append(RowProblem(number, "workstream", "import.error.not_yours", {"code": code}))
        first_row.setdefault(code, number)
        proposal = progress.Proposal(
            workstream_code=code,
            status=cells.get("status", "").strip().lower(),
            as_of=as_of or today or date.today(),
            narrative=cells.get("narrative", ""),
            confidence=cells.get("confidence", "").strip().lower() or None,
            stall_reason=cells.get("stall_reason", "").strip().lower() or None,
            evidence_url=cells.get("evidence_url", "") or None,
        )
        rules = progress.check(proposal, known, today)
        problems.extend(
            RowProblem(number, "as_of" if rule.column == "as_of" else rule.column, rule.key, rule.values)
            for rule in rules
            if not (rule.column == "as_of" and as_of is None)
        )
        proposals.append((number, proposal))
    versions = {code: progress.version_of(code) for code in first_row if code in known} if not problems else {}
    return ProgressPreview(table.file_name, proposals, in_file_order(problems, table), versions, skipped)


def commit_rows(
    user: User | None,
    ok: bool,
    kind: str,
    action: str,
    file_name: str,
    rows: Sequence[Row],
    write: Callable[[Any, Row, int], object],
) -> int:
    """The commit every import shares: one `imports` row and `write(cursor, row, import_id)` for each row of a
    clean preview, in one store transaction (audited as `action`); returns the import id.

    All or nothing: `write` raises Conflict when a row changed since the preview, and then nothing is written.
    """
    if user is None or not user.is_admin:
        raise PermissionDenied("imports are run by the secretariat")
    if not ok:
        raise ValueError("a preview with problems cannot be committed")
    detail = {"file": file_name, "rows": len(rows)}
    with store.transaction(user.username, action, detail) as cursor:
        import_id = cursor.execute(
            "INSERT INTO imports (kind, file_name, row_count, imported_by) VALUES ($kind, $file, $rows, $by)"
            " RETURNING import_id",
            {"kind": kind, "file": file_name[:200], "rows": len(rows), "by": user.username},
        ).fetchone()[0]
        for row in rows:
            write(cursor, row, import_id)
    return import_id


def commit_progress(user: User | None, preview: ProgressPreview) -> int:
    """Write every row of a clean preview in one transaction (admins only); returns the import id.

    Raises Conflict if a workstream changed since the preview: then nothing is written.
    """

    def write(cursor, numbered: tuple[int, progress.Proposal], import_id: int) -> None:
        proposal = numbered[1]
        progress.insert_update(
            cursor, user.username, proposal, preview.versions.get(proposal.workstream_code, 0), import_id
        )

    return commit_rows(user, preview.ok, "progress", "import_progress", preview.file_name, preview.proposals, write)


def progress_template(codes: Sequence[str]) -> pd.DataFrame:
    """The upload template: the columns, one row per workstream the user may report on."""
    template = pd.DataFrame({column: [""] * len(codes) for column in PROGRESS_COLUMNS})
    template["workstream"] = list(codes)
    return template
