"""Report progress: a cabinet editor proposes a status update for one of its workstreams."""

from datetime import date

import streamlit as st

from monitor import cache
from monitor.core import problems
from monitor.core.errors import Conflict, PermissionDenied
from monitor.explore.looks import status_text
from monitor.progress import workflow
from monitor.ui import auth
from monitor.ui.flash import flash, show_flash
from monitor.ui.language import DATE_INPUT_FORMAT, format_moment, t
from monitor.ui.markdown import plain
from monitor.ui.notices import problem_list
from monitor.ui.people import full_name
from monitor.ui.standing import history_table
from monitor.ui.titles import title_of

FORM_KEYS = ("report_status", "report_confidence", "report_stall_reason", "report_narrative", "report_evidence")
st.title(t("report.title"))
show_flash()
user = auth.current_user()
if user is None:
    auth.sign_in_prompt("report.sign_in_first", "report")
    st.stop()
codes = cache.reportable_workstreams(user)
if not codes:
    st.info(t("report.nothing_to_report"))
    st.stop()

listed = cache.query("workstreams_list")
titles = {c: title_of("workstream", c, d) for c, d in zip(listed["code"], listed["title"], strict=True) if c in codes}
code = st.selectbox(
    t("report.workstream"), codes, format_func=lambda c: f"{c} {titles.get(c, '')}", key="report_workstream"
)
history = cache.store_query("progress_history", code=code)
base_key = f"_report_based_on_{code}"
if base_key not in st.session_state:  # the version this editor is looking at
    st.session_state[base_key] = int(history["update_id"].max()) if len(history) else 0

state = cache.progress_state()
now = state.current.set_index("workstream_code")["status"].get(code, workflow.NOT_ASSESSED)
st.markdown(t("report.current", status=status_text(now, t(f"status.{now}"))))
proposed = state.proposed[state.proposed["workstream_code"] == code]
for row in proposed.itertuples():  # the cabinet's own proposal, marked: it is not the status until validated
    st.markdown(
        t(
            "report.proposed",
            status=status_text(row.status, t(f"status.{row.status}")),
            when=format_moment(row.proposed_at),
            who=plain(full_name(row.proposed_by)),
        )
    )

status = st.selectbox(
    t("column.status"), workflow.STATUSES, format_func=lambda s: status_text(s, t(f"status.{s}")), key="report_status"
)
confidence = stall_reason = None
if status in workflow.NEEDS_CONFIDENCE:
    confidence = st.radio(
        t("column.confidence"),
        workflow.CONFIDENCE_LEVELS,
        format_func=lambda c: t(f"confidence.{c}"),
        key="report_confidence",
        horizontal=True,
        index=None,
    )
if status == "stalled":
    stall_reason = st.selectbox(
        t("column.stall_reason"),
        workflow.STALL_REASONS,
        format_func=lambda r: t(f"stall.{r}"),
        key="report_stall_reason",
        index=None,
        placeholder=t("report.stall_reason_placeholder"),
    )
st.caption(t("report.final_needs_validation"))  # every status: a proposal is never official until validated
as_of = st.date_input(
    t("column.as_of"),
    value=date.today(),
    max_value=date.today(),
    min_value=workflow.STRATEGY_SIGNED,
    key="report_as_of",
    format=DATE_INPUT_FORMAT,
)
narrative = st.text_area(
    t("column.narrative"), key="report_narrative", max_chars=workflow.MAX_NARRATIVE, help=t("report.narrative_help")
)
evidence = st.text_input(t("column.evidence_url"), key="report_evidence", help=t("report.evidence_help"))

if st.button(t("report.submit"), key="report_submit", type="primary"):
    proposal = workflow.Proposal(code, status, as_of, narrative, confidence, stall_reason, evidence or None)
    try:
        workflow.propose(user, proposal, st.session_state[base_key])
    except problems.ProposalInvalid as invalid:
        st.error(t("report.invalid") + "\n\n" + problem_list(invalid.problems))
    except Conflict as conflict:
        st.session_state[base_key] = conflict.current_version  # seen now: a resubmission is deliberate
        st.warning(t("report.conflict"))
        newest = cache.store_query("progress_history", code=code).iloc[0]
        st.markdown(
            t(
                "report.newer",
                who=plain(full_name(newest["proposed_by"])),
                status=status_text(newest["status"], t(f"status.{newest['status']}")),
            )
        )
        st.text(newest["narrative"] or "—")
    except PermissionDenied:
        st.error(t("report.not_allowed"))
    else:
        for key in (base_key, *FORM_KEYS):  # an empty form for the next update
            st.session_state.pop(key, None)
        flash("report.saved")
        st.rerun()

st.subheader(t("report.history"))
history_table(history, key="report_history_table", export=f"history_{code}")
