"""Indicator values entered after the documents: the yearly import and a missing base-year value by hand.

Same flow as progress imports (monitor.imports): read → check every row (row, column, why) → commit all rows
or none, by the secretariat only. A value for an indicator and year that already has one (printed in the
document or entered before) is a revision: it is written as a new row and becomes the value in force, the
earlier ones stay in `indicator_revisions` with who entered them, when and through which import. A change by
someone else between the preview and the commit stops the whole import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from monitor.core.errors import Conflict, PermissionDenied
from monitor.core.problems import RowProblem
from monitor.core.tabular import MAX_CELL, Table, header_problems, in_file_order, records
from monitor.storage import store
from monitor.storage.accounts import User
from monitor.storage.imports import commit_rows

COLUMNS = ("indicator", "year", "value", "source", "date")
MAX_SOURCE = 300
YEARS = (1990, 2100)
SUSPICIOUS_RATIO = 0.5  # a value more than 50 % away from the nearest year's is flagged for a second look
_NUMBER = re.compile(r"^[-−]?\d+([.,]\d+)?$")


@dataclass(frozen=True)
class NewValue:
    indicator_id: str
    year: int
    value: float
    source: str
    source_date: date


@dataclass(frozen=True)
class Planned:
    """One row of a preview: the value, what is in force now (None: nothing) and whether to look twice."""

    row: int
    new: NewValue
    previous: float | None
    previous_origin: str | None  # 'document', 'revision' or None (a new year)
    suspicious: bool = False

    @property
    def is_revision(self) -> bool:
        return self.previous_origin is not None and self.previous is not None


@dataclass
class ValuesPreview:
    file_name: str
    planned: list[Planned]
    problems: list[RowProblem]
    based_on: dict[tuple[str, int], int] = field(default_factory=dict)  # the store revision in force (0: none)
    unchanged: int = 0  # rows equal to the value and source in force: nothing to write
    skipped: int = 0  # template rows left blank

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.planned)


def parse_value(text: str) -> float | None:
    """'18,5' or '18.5' -> 18.5; '-2,6' -> -2.6; no thousands separators (72154, not 72.154); else None."""
    cleaned = text.strip().replace("\u2212", "-")
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned.replace(",", "."))
    return value if math.isfinite(value) else None


def _parse_year(text: str) -> int | None:
    text = text.strip()
    if text.endswith(".0"):  # a spreadsheet number shown as a float
        text = text[:-2]
    return int(text) if text.isdigit() and YEARS[0] <= int(text) <= YEARS[1] else None


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10]) if text.strip() else None
    except ValueError:
        return None


def _resolve(text: str, known: Mapping[str, str]) -> str | None:
    """An indicator id as written (case and spaces forgiven) or its exact Dutch name."""
    wanted = text.strip().lower()
    for indicator_id, name in known.items():
        if wanted in (indicator_id.lower(), " ".join(name.lower().split())):
            return indicator_id
    return None


def check_row(
    number: int, cells: Mapping[str, str], known: Mapping[str, str], today: date
) -> tuple[NewValue | None, list[RowProblem]]:
    """One row of an upload: the value it gives, or the problems (row, column, catalogue key)."""
    problems = [
        RowProblem(number, name, "import.error.cell_too_long", {"limit": MAX_CELL})
        for name, value in cells.items()
        if len(value) > MAX_CELL
    ]
    if problems:
        return None, problems
    indicator_id = _resolve(cells.get("indicator", ""), known)
    if indicator_id is None:
        problems.append(
            RowProblem(
                number, "indicator", "indicators.error.unknown_indicator", {"value": cells.get("indicator", "")[:60]}
            )
        )
    year = _parse_year(cells.get("year", ""))
    if year is None:
        problems.append(RowProblem(number, "year", "indicators.error.bad_year", {"value": cells.get("year", "")[:20]}))
    raw_value = cells.get("value", "").strip()
    value = parse_value(raw_value)
    if value is None:
        key = "indicators.error.missing_value" if raw_value.lower() in ("", "n.b.", "n/a", "n.d.") else None
        problems.append(RowProblem(number, "value", key or "indicators.error.bad_value", {"value": raw_value[:30]}))
    source = " ".join(cells.get("source", "").split())
    if not source:
        problems.append(RowProblem(number, "source", "indicators.error.missing_source"))
    elif len(source) > MAX_SOURCE:
        problems.append(RowProblem(number, "source", "import.error.cell_too_long", {"limit": MAX_SOURCE}))
    published = _parse_date(cells.get("date", ""))
    if published is None:
        problems.append(RowProblem(number, "date", "import.error.bad_date", {"value": cells.get("date", "")[:40]}))
    elif published > today:
        problems.append(RowProblem(number, "date", "indicators.error.future_date", {"value": published.isoformat()}))
    if problems:
        return None, problems
    return NewValue(indicator_id, year, value, source, published), []


def _in_force(values: pd.DataFrame) -> dict[tuple[str, int], tuple[float | None, str, str, int]]:
    """(indicator, year) -> (value, origin, source, store revision id or 0), from a values_in_force frame."""
    found = {}
    for row in values.itertuples(index=False):
        value = None if row.value is None or (isinstance(row.value, float) and math.isnan(row.value)) else row.value
        revision = int(row.revision_id) if row.origin == "revision" else 0
        found[(row.indicator_id, int(row.year))] = (value, row.origin, row.source, revision)
    return found


def _suspicious(new: NewValue, in_force: Mapping[tuple[str, int], tuple]) -> bool:
    """True when the nearest other year's value differs by more than half (a typo, a unit, a thousands dot)."""
    others = [
        (abs(year - new.year), value)
        for (indicator_id, year), (value, *_rest) in in_force.items()
        if indicator_id == new.indicator_id and year != new.year and value not in (None, 0)
    ]
    if not others:
        return False
    nearest = min(others)[1]
    return abs(new.value / nearest - 1) > SUSPICIOUS_RATIO


def preview_values(
    table: Table, known: Mapping[str, str], values: pd.DataFrame, today: date | None = None
) -> ValuesPreview:
    """Check every row of an upload; known: indicator id -> name; values: the values in force now."""
    today = today or date.today()
    problems = header_problems(table, COLUMNS, COLUMNS)
    if problems:
        return ValuesPreview(table.file_name, [], problems)
    in_force = _in_force(values)
    first_row: dict[tuple[str, int], int] = {}
    planned, unchanged, skipped = [], 0, 0
    for number, cells in records(table):
        if not any(value for name, value in cells.items() if name != "indicator"):
            skipped += 1  # a template row left blank
            continue
        new, found = check_row(number, cells, known, today)
        problems.extend(found)
        if new is None:
            continue
        key = (new.indicator_id, new.year)
        if key in first_row:
            problems.append(RowProblem(number, "year", "indicators.error.repeated_row", {"row": first_row[key]}))
            continue
        first_row[key] = number
        previous, origin, source, _revision = in_force.get(key, (None, None, None, 0))
        if previous is not None and abs(previous - new.value) < 1e-9 and source == new.source:
            unchanged += 1
            continue
        planned.append(
            Planned(number, new, previous, origin if previous is not None else None, _suspicious(new, in_force))
        )
    based_on = {key: in_force[key][3] if key in in_force else 0 for key in first_row}
    ordered = in_file_order(problems, table)
    return ValuesPreview(table.file_name, planned, ordered, based_on if not problems else {}, unchanged, skipped)


def _current_revision(cursor, indicator_id: str, year: int) -> int:
    found = store.execute(cursor, "latest_indicator_revision", {"indicator": indicator_id, "year": year}).fetchone()[0]
    return int(found or 0)


def _insert(cursor, user: User, new: NewValue, based_on: int, import_id: int | None) -> int:
    current = _current_revision(cursor, new.indicator_id, new.year)
    if current != based_on:
        raise Conflict(current)
    return store.execute(
        cursor,
        "insert_indicator_revision",
        {
            "indicator": new.indicator_id,
            "year": new.year,
            "value": new.value,
            "source": new.source,
            "date": new.source_date,
            "based_on": based_on,
            "import_id": import_id,
            "by": user.username,
        },
    ).fetchone()[0]


def _admin(user: User | None) -> User:
    if user is None or not user.is_admin:
        raise PermissionDenied("indicator values are entered by the secretariat")
    return user


def commit_values(user: User | None, preview: ValuesPreview) -> int:
    """Write every planned value of a clean preview in one transaction; returns the import id.

    Raises Conflict (nothing written) if a value changed since the preview.
    """
    user = _admin(user)

    def write(cursor, planned: Planned, import_id: int) -> None:
        based_on = preview.based_on.get((planned.new.indicator_id, planned.new.year), 0)
        _insert(cursor, user, planned.new, based_on, import_id)

    return commit_rows(
        user, preview.ok, "indicator_values", "import_indicator_values", preview.file_name, preview.planned, write
    )


def add_value(user: User | None, new: NewValue, based_on: int, known: Sequence[str], today: date | None = None) -> int:
    """One value entered by hand (e.g. a base year the documents do not give), with its source; returns its id."""
    user = _admin(user)
    cells = {
        "indicator": new.indicator_id,
        "year": str(new.year),
        "value": repr(new.value),
        "source": new.source,
        "date": new.source_date.isoformat(),
    }
    checked, problems = check_row(0, cells, {i: i for i in known}, today or date.today())
    if problems:
        raise ValueError(problems)
    with store.transaction(
        user.username, "add_indicator_value", {"indicator": new.indicator_id, "year": new.year}
    ) as cursor:
        return _insert(cursor, user, checked, based_on, None)


def template(known: Mapping[str, str]) -> pd.DataFrame:
    """The upload template: the columns, one example row per indicator with the year and value left blank."""
    return pd.DataFrame(
        {"indicator": list(known), "year": "", "value": "", "source": "", "date": ""}, columns=list(COLUMNS)
    )
