"""Progress updates imported from CSV or XLSX: every row checked by the report form's rules, then committed all
rows or none (a file never half-lands: any problem, or a change by someone else since the preview, stops it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from monitor.core.problems import RowProblem
from monitor.core.tabular import MAX_CELL, Table, header_problems, in_file_order, records
from monitor.progress import workflow
from monitor.storage.accounts import User
from monitor.storage.imports import commit_rows

PROGRESS_COLUMNS = ("workstream", "status", "as_of", "confidence", "stall_reason", "narrative", "evidence_url")
REQUIRED_PROGRESS_COLUMNS = ("workstream", "status", "as_of")


@dataclass
class ProgressPreview:
    """What an upload would write: the proposals (with their rows), the problems, the versions seen."""

    file_name: str
    proposals: list[tuple[int, workflow.Proposal]]
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
    known = set(workflow.workstream_codes())
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
        proposal = workflow.Proposal(
            workstream_code=code,
            status=cells.get("status", "").strip().lower(),
            as_of=as_of or today or date.today(),
            narrative=cells.get("narrative", ""),
            confidence=cells.get("confidence", "").strip().lower() or None,
            stall_reason=cells.get("stall_reason", "").strip().lower() or None,
            evidence_url=cells.get("evidence_url", "") or None,
        )
        rules = workflow.check(proposal, known, today)
        problems.extend(
            RowProblem(number, "as_of" if rule.column == "as_of" else rule.column, rule.key, rule.values)
            for rule in rules
            if not (rule.column == "as_of" and as_of is None)
        )
        proposals.append((number, proposal))
    versions = {code: workflow.version_of(code) for code in first_row if code in known} if not problems else {}
    return ProgressPreview(table.file_name, proposals, in_file_order(problems, table), versions, skipped)


def commit_progress(user: User | None, preview: ProgressPreview) -> int:
    """Write every row of a clean preview in one transaction (admins only); returns the import id.

    Raises Conflict if a workstream changed since the preview: then nothing is written.
    """

    def write(cursor, numbered: tuple[int, workflow.Proposal], import_id: int) -> None:
        proposal = numbered[1]
        workflow.insert_update(
            cursor, user.username, proposal, preview.versions.get(proposal.workstream_code, 0), import_id
        )

    return commit_rows(user, preview.ok, "progress", "import_progress", preview.file_name, preview.proposals, write)


def progress_template(codes: Sequence[str]) -> pd.DataFrame:
    """The upload template: the columns, one row per workstream the user may report on."""
    template = pd.DataFrame({column: [""] * len(codes) for column in PROGRESS_COLUMNS})
    template["workstream"] = list(codes)
    return template
