"""Import and export of progress: the current status and the full history as CSV/XLSX for everyone; the
upload template; and, for the secretariat, upload → preview with per-row problems → commit all or nothing."""

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.explore.looks import status_text
from monitor.progress import aggregates, imports
from monitor.ui import auth
from monitor.ui.language import format_day, t
from monitor.ui.proposals import proposals_switch, proposed_text
from monitor.ui.sidebar import current_filters
from monitor.ui.tables import downloads, table
from monitor.ui.titles import with_titles
from monitor.ui.uploads import ImportSteps, import_wizard

st.title(t("transfer.title"))
filters = current_filters()
user = auth.current_user()

st.subheader(t("transfer.current"))
with_proposals = proposals_switch()
codes = cache.filtered_codes(filters)
state = cache.progress_state()
statuses = aggregates.status_of(state.current)  # official: validated updates only
current = with_titles(cache.workstreams(filters)[["code", "title"]], "workstream", "code", "title")
current["status"] = current["code"].map(lambda c: statuses.get(c, "not_assessed"))
current["status_label"] = current["status"].map(lambda s: status_text(s, t(f"status.{s}")))
columns = {"code": "column.code", "title": "column.workstream_title", "status_label": "column.official_status"}
widths = {"code": 60, "title": 600, "status_label": 200}  # the status as a label: codes only in the template
if with_proposals:  # a column of its own, each marked: a proposal is never written as the status
    proposed = dict(zip(state.proposed["workstream_code"], state.proposed["status"], strict=True))
    current["proposed"] = current["code"].map(lambda c: proposed_text(proposed[c]) if c in proposed else "")
    columns["proposed"] = "column.proposed_status"
    widths = {"code": 60, "title": 340, "status_label": 170, "proposed": 290}
table(
    current,
    columns,
    key="transfer_current_table",
    max_height=720,
    widths=widths,
    lines=4,  # the longest titles take four lines
    export="current_status",
)
stored = int(cache.store_query("update_count")["updates"].iloc[0])
st.caption(t("transfer.history", count=stored))
if stored:
    downloads(lambda: cache.store_query("full_history"), "progress_history", "transfer_history")

st.subheader(t("transfer.template"))
st.caption(t("transfer.template_help"))
template_codes = cache.reportable_workstreams(user) if user else codes
downloads(imports.progress_template(template_codes), "progress_template", "transfer_template")

st.subheader(t("transfer.upload"))
if user is None or not user.is_admin:
    auth.sign_in_prompt("transfer.admins_only", "import-export")
    st.stop()
import_wizard(
    ImportSteps(
        key="transfer",
        check=lambda sheet: imports.preview_progress(sheet, cache.reportable_workstreams(user)),
        rows=lambda preview: pd.DataFrame(
            [
                {
                    "row": number,
                    "code": p.workstream_code,
                    "status_label": status_text(p.status, t(f"status.{p.status}")),
                    "as_of": format_day(p.as_of),  # as dates are written elsewhere in the app
                    "narrative": p.narrative,
                }
                for number, p in preview.proposals
            ]
        ),
        columns={
            "row": "column.row",
            "code": "column.code",
            "status_label": "column.status",
            "as_of": "column.as_of",
            "narrative": "column.narrative",
        },
        widths={"row": 50, "code": 60, "status_label": 160, "as_of": 120, "narrative": 470},  # fit 1366 px
        lines=3,  # the narratives as written, to read before importing
        ready=lambda preview, count: t("transfer.ready", count=count, skipped=preview.skipped),
        nothing=lambda preview: t("transfer.nothing", skipped=preview.skipped),
        commit=lambda preview: imports.commit_progress(user, preview),
        commit_label="transfer.commit",
        committed="transfer.committed",
        conflict="transfer.conflict",
        problems_export="import_problems",
    )
)
