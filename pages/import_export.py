"""Import and export of progress: the current status and the full history as CSV/XLSX for everyone; the
upload template; and, for the secretariat, upload → preview with per-row problems → commit all or nothing."""

import pandas as pd
import streamlit as st

from monitor import auth, data, imports, progress_summary, store
from monitor.sidebar import current_filters
from monitor.status import status_text
from monitor.ui import (
    checked_upload,
    commit_button,
    committed_note,
    downloads,
    format_day,
    t,
    table,
    upload_field,
    with_titles,
)

st.title(t("transfer.title"))
filters = current_filters()
user = auth.current_user()

st.subheader(t("transfer.current"))
codes = data.filtered_codes(filters)
statuses = progress_summary.status_of(data.progress_state().current)
current = with_titles(data.workstreams(filters)[["code", "title"]], "workstream", "code", "title")
current["status"] = current["code"].map(lambda c: statuses.get(c, "not_assessed"))
current["status_label"] = current["status"].map(lambda s: status_text(s, t(f"status.{s}")))
table(
    current,
    {
        "code": "column.code",
        "title": "column.workstream_title",
        "status_label": "column.status",
        "status": "column.status_code",
    },
    key="transfer_current_table",
    max_height=720,
    widths={"code": 60, "title": 470, "status_label": 200, "status": 130},
    lines=4,  # the longest titles take four lines
    export="current_status",
)
stored = int(data.store_query("update_count")["updates"].iloc[0])
st.caption(t("transfer.history", count=stored))
if stored:
    downloads(lambda: store.run("full_history"), "progress_history", "transfer_history")

st.subheader(t("transfer.template"))
st.caption(t("transfer.template_help"))
template_codes = data.reportable_workstreams(user) if user else codes
downloads(imports.progress_template(template_codes), "progress_template", "transfer_template")

st.subheader(t("transfer.upload"))
if user is None or not user.is_admin:
    st.info(t("transfer.admins_only"))
    st.stop()
committed_note("transfer_file", "transfer.committed")
upload = upload_field("transfer_file")
if upload is None:
    st.stop()
preview = checked_upload(
    upload,
    lambda sheet: imports.preview_progress(sheet, data.reportable_workstreams(user)),
    "transfer_problems_table",
    "import_problems",
)
if not preview.proposals:
    st.warning(t("transfer.nothing", skipped=preview.skipped))
    st.stop()
rows = [
    {
        "row": number,
        "code": p.workstream_code,
        "status_label": status_text(p.status, t(f"status.{p.status}")),
        "as_of": format_day(p.as_of),  # as dates are written elsewhere in the app
        "narrative": p.narrative,
    }
    for number, p in preview.proposals
]
st.success(t("transfer.ready", count=len(rows), skipped=preview.skipped))
table(
    pd.DataFrame(rows),
    {
        "row": "column.row",
        "code": "column.code",
        "status_label": "column.status",
        "as_of": "column.as_of",
        "narrative": "column.narrative",
    },
    key="transfer_preview_table",
    widths={"row": 50, "code": 60, "status_label": 160, "as_of": 120, "narrative": 470},  # fit 1366 px
    lines=3,  # the narratives as written, to read before importing
)
commit_button(
    t("transfer.commit", count=len(rows)),
    "transfer_commit",
    lambda: imports.commit_progress(user, preview),
    conflict="transfer.conflict",
    upload_key="transfer_file",
    rows=len(rows),
)
