"""Validate (secretariat): the queue of proposed updates, validated or returned at a Social Summit cycle;
the workstreams not updated since the last Summit; and the cycles themselves."""

import streamlit as st

from monitor import cache
from monitor.core import problems
from monitor.core.errors import Conflict, PermissionDenied
from monitor.explore.looks import status_text
from monitor.progress import aggregates, workflow
from monitor.ui import auth
from monitor.ui.flash import flash, show_flash
from monitor.ui.language import DATE_INPUT_FORMAT, format_day, format_moment, t
from monitor.ui.notices import problem_list
from monitor.ui.tables import table
from monitor.ui.titles import with_titles

st.title(t("validate.title"))
user = auth.current_user()
if user is None or not user.is_admin:
    st.info(t("validate.admins_only"))
    st.stop()
show_flash()

cycles = cache.cycles()
cycle_dates = cycles["summit_date"].tolist()
cycle = st.selectbox(
    t("validate.cycle"), cycle_dates, index=len(cycle_dates) - 1, format_func=format_day, key="validate_cycle"
)
pending = cache.store_query("pending_updates")
without_evidence = pending[pending["evidence_url"].isna()]
st.subheader(t("validate.queue", count=len(pending)))
st.caption(t("validate.without_evidence", count=len(without_evidence)))
if pending.empty:
    st.info(t("validate.queue_empty"))
else:
    only_missing = st.toggle(t("validate.only_without_evidence"), key="validate_only_missing")
    queue = (without_evidence if only_missing else pending).reset_index(drop=True).head(500)
    queue["status_label"] = queue["status"].map(lambda s: status_text(s, t(f"status.{s}")))
    queue["proposed"] = queue["proposed_at"].map(format_moment)
    table(
        queue,
        {
            "update_id": "column.update_id",
            "workstream_code": "column.code",
            "status_label": "column.status",
            "proposed_by": "column.proposed_by",
            "proposed": "column.proposed_at",
            "narrative": "column.narrative",
            "evidence_url": "column.evidence_url",
        },
        key="validate_queue_table",
        widths={
            "update_id": 50,
            "workstream_code": 60,
            "status_label": 140,
            "proposed_by": 125,  # an account name unbroken
            "proposed": 125,
            "narrative": 215,
            "evidence_url": 115,
        },
        lines=3,
    )
    described = {
        int(row.update_id): f"#{row.update_id} · {row.workstream_code} · {row.status_label} · {row.proposed_by}"
        for row in queue.itertuples()
    }
    picked = st.selectbox(
        t("validate.pick"),
        list(described),
        format_func=described.get,
        index=None,
        key="validate_pick",
        placeholder=t("validate.pick_placeholder"),
    )
    if picked is not None:
        chosen = queue.set_index("update_id").loc[picked]
        st.markdown(t("validate.chosen", id=picked, code=chosen["workstream_code"]))
        st.text(chosen["narrative"] or "—")
        comment = st.text_area(t("column.comment"), key="validate_comment")
        validate_column, return_column = st.columns(2)
        decision = None
        if validate_column.button(t("validate.validate"), key="validate_accept", type="primary"):
            decision = "validated"
        if return_column.button(t("validate.return"), key="validate_return"):
            decision = "returned"
        if decision:
            try:
                workflow.decide(user, picked, decision, cycle, comment)
            except problems.ProposalInvalid as invalid:
                st.error(problem_list(invalid.problems))
            except Conflict:
                st.warning(t("validate.already_decided"))
            except PermissionDenied:
                st.error(t("validate.admins_only"))
            else:
                flash(f"validate.done.{decision}")
                st.session_state.pop("validate_comment", None)
                st.session_state.pop("validate_pick", None)
                st.rerun()

state = cache.progress_state()
st.subheader(t("validate.not_updated", since=format_day(state.last_summit) if state.last_summit else "—"))
listed = cache.query("workstreams_list")
last = cache.store_query("last_update_per_workstream")
not_updated = aggregates.needs_attention(listed["code"].tolist(), state.current, last, state.last_summit)["not_updated"]
stale = with_titles(listed[listed["code"].isin(not_updated)], "workstream", "code", "title")
table(
    stale,
    {"code": "column.code", "title": "column.workstream_title"},
    key="validate_stale_table",
    widths={"code": 60, "title": 800},
    lines=3,
    export="not_updated_since_last_summit",
)

st.subheader(t("validate.cycles"))
shown_cycles = cycles.copy()
shown_cycles["day"] = shown_cycles["summit_date"].map(format_day)
shown_cycles["origin_label"] = shown_cycles["origin"].map(lambda o: t(f"validate.origin.{o}"))
table(
    shown_cycles,
    {"day": "column.date", "label": "column.label", "origin_label": "column.origin", "source": "column.source"},
    key="validate_cycles_table",
    widths={"day": 130, "label": 200, "origin_label": 170, "source": 330},  # fit 1366 px; long sources wrap
    lines=3,
)
with st.form("validate_add_cycle_form", clear_on_submit=False):
    st.markdown(t("validate.add_cycle"))
    summit_date = st.date_input(t("column.date"), key="validate_new_cycle_date", value=None, format=DATE_INPUT_FORMAT)
    label = st.text_input(t("column.label"), key="validate_new_cycle_label")
    source = st.text_input(t("column.source"), key="validate_new_cycle_source", help=t("validate.source_help"))
    if st.form_submit_button(t("validate.add"), key="validate_add_cycle_submit"):
        try:
            if summit_date is None:
                raise problems.ProposalInvalid([problems.Problem("date", "progress.error.date_required")])
            workflow.add_cycle(user, summit_date, label, source)
        except problems.ProposalInvalid as invalid:
            st.error(problem_list(invalid.problems))
        else:
            flash("validate.cycle_added")
            st.rerun()
