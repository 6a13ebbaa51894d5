"""The import wizard every upload goes through: choose a file → read it → see its per-row problems, or a preview
of what it would write → import all rows or none. Used by the imports of progress, indicator values and
translations, each with its own preview (the capability's check of every row) and commit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import pandas as pd
import streamlit as st

from monitor.core import formats, tabular
from monitor.core.errors import Conflict, PermissionDenied
from monitor.ui.flash import flash, show_flash
from monitor.ui.language import language, t
from monitor.ui.tables import table

Preview = TypeVar("Preview")


@dataclass(frozen=True)
class ImportSteps(Generic[Preview]):
    """What one import shows and does. Its widgets are keyed `{key}_file`, `{key}_problems_table`,
    `{key}_preview_table` and `{key}_commit`."""

    key: str
    check: Callable[[tabular.Table], Preview]  # every row checked; the preview has `problems`
    rows: Callable[[Preview], pd.DataFrame]  # what would be written, one row per row of the file
    columns: dict[str, str]  # preview column -> catalogue key of its header
    widths: dict[str, str | int]  # pixel widths that fit 1366 px
    lines: int  # the preview rows' height in lines (long texts wrap)
    ready: Callable[[Preview, int], str]  # the message above the preview (translated), given the row count
    commit: Callable[[Preview], object]  # writes every row or none; raises Conflict or PermissionDenied
    commit_label: str  # catalogue key of the button, with {count}
    committed: str  # catalogue key of the message after the import, with {count}
    conflict: str  # catalogue key that explains a change made meanwhile (nothing was written)
    nothing: Callable[[Preview], str] | None = None  # the message when the file holds nothing to import
    problems_export: str | None = None  # offer the problems as a download under this file name
    after_preview: Callable[[Preview], None] | None = None  # e.g. rows to look at twice


def import_wizard(steps: ImportSteps) -> None:
    """The whole upload flow of one import; nothing is written before the secretariat presses the button."""
    show_flash()  # after an import: how many rows were imported
    upload = upload_field(f"{steps.key}_file")
    if upload is None:
        return
    preview = checked_upload(upload, steps.check, f"{steps.key}_problems_table", steps.problems_export)
    if preview is None:
        return
    rows = steps.rows(preview)
    if rows.empty and steps.nothing:
        st.warning(steps.nothing(preview))
        return
    st.success(steps.ready(preview, len(rows)))
    table(rows, steps.columns, key=f"{steps.key}_preview_table", widths=steps.widths, lines=steps.lines)
    if steps.after_preview:
        steps.after_preview(preview)
    if not st.button(t(steps.commit_label, count=len(rows)), key=f"{steps.key}_commit", type="primary"):
        return
    try:
        steps.commit(preview)
    except Conflict:
        st.error(t(steps.conflict))
    except PermissionDenied:
        st.error(t("transfer.admins_only"))
    else:
        st.session_state.pop(f"{steps.key}_file", None)
        flash(steps.committed, count=len(rows))
        st.rerun()


def upload_field(key: str):
    """A CSV/XLSX upload field whose label states the limits the import checks (size and rows)."""
    rows = formats.format_number(tabular.MAX_ROWS, language())
    label = t("transfer.choose_file", megabytes=tabular.MAX_BYTES // 1_000_000, rows=rows)
    return st.file_uploader(label, type=["csv", "xlsx"], key=key)


def checked_upload(
    upload: Any, check: Callable[[tabular.Table], Preview], key: str, export: str | None = None
) -> Preview | None:
    """The preview of an uploaded CSV/XLSX; None when the file is unreadable or has per-row problems.

    Both say so in the user's language; the problems are listed in a table (row, column, why) under `key`, and
    offered as a download named `export` when given.
    """
    try:
        checked = check(tabular.read_table(upload.name, upload.getvalue()))
    except tabular.UnreadableFile as unreadable:
        st.error(t("transfer.unreadable", file=upload.name, why=t(unreadable.problem.key, **unreadable.problem.values)))
        return None
    if checked.problems:
        st.error(t("transfer.problems", count=len(checked.problems), file=upload.name))
        problems = [{"row": p.row, "column": p.column, "why": t(p.key, **p.values)} for p in checked.problems]
        table(
            pd.DataFrame(problems),
            {"row": "column.row", "column": "column.column", "why": "column.why"},
            key=key,
            widths={"row": 50, "column": 150, "why": 660},  # fit 1366 px; a long reason wraps
            lines=3,
            export=export,
        )
        return None
    return checked
