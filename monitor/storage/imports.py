"""The commit every import shares: one `imports` row and the rows of a clean preview, in one audited transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from monitor.core.errors import PermissionDenied
from monitor.storage import store
from monitor.storage.accounts import User

Row = TypeVar("Row")


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
        import_id = store.execute(
            cursor,
            "insert_import",
            {"kind": kind, "file": file_name[:200], "rows": len(rows), "by": user.username},
        ).fetchone()[0]
        for row in rows:
            write(cursor, row, import_id)
    return import_id
