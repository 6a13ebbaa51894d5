"""Validate (secretariat): the queue of proposed updates, validated or returned at a Social Summit cycle;
the workstreams not updated since the last Summit; and the cycles themselves."""

from datetime import date

import streamlit as st

from monitor import cache
from monitor.core import problems
from monitor.core.errors import AlreadyDecided, PermissionDenied
from monitor.explore.looks import status_text
from monitor.progress import aggregates, queue, workflow
from monitor.ui import auth
from monitor.ui.flash import flash, show_flash
from monitor.ui.language import DATE_INPUT_FORMAT, format_day, format_moment, t
from monitor.ui.markdown import plain
from monitor.ui.notices import problem_list
from monitor.ui.people import with_full_names
from monitor.ui.proposals import evidence_links
from monitor.ui.provenance import cycles_shown
from monitor.ui.tables import table
from monitor.ui.titles import title_of, with_titles

REFUSED = "_validate_refused"  # why the last decision was refused: ("error" or "warning", text)


def decide_chosen(update_ids: tuple[int, ...], decision: str, cycle: date) -> None:
    """Decide the chosen updates at `cycle` with the comment in the form; say why if refused."""
    try:
        workflow.decide_many(
            auth.current_user(), update_ids, decision, cycle, st.session_state.get("validate_comment") or ""
        )
    except problems.ProposalInvalid as invalid:
        st.session_state[REFUSED] = ("error", problem_list(invalid.problems))
    except AlreadyDecided as conflict:
        ids = ", ".join(f"#{update_id}" for update_id in conflict.update_ids)
        st.session_state[REFUSED] = ("warning", t("validate.already_decided", count=len(conflict.update_ids), ids=ids))
    except PermissionDenied:
        st.session_state[REFUSED] = ("error", t("validate.admins_only"))
    else:
        flash(f"validate.done.{decision}", count=len(update_ids))
        st.session_state["validate_comment"] = ""


st.title(t("validate.title"))
user = auth.current_user()
if user is None or not user.is_admin:
    auth.sign_in_prompt("validate.admins_only", "validate")
    st.stop()
show_flash()

cycles = cache.cycles()
cycle_dates = cycles["summit_date"].tolist()
cycle = st.selectbox(
    t("validate.cycle"), cycle_dates, index=len(cycle_dates) - 1, format_func=format_day, key="validate_cycle"
)
pending = cache.store_query("pending_updates")
st.subheader(t("validate.queue", count=len(pending)))
if pending.empty:
    st.info(t("validate.queue_empty"))
else:
    st.caption(t("validate.without_evidence", count=int((~queue.has_evidence(pending)).sum())))
    all_codes = cache.query("workstreams_list")["code"].tolist()
    objectives = cache.progress_groups("objective", all_codes)
    steering = cache.progress_groups("member", all_codes)
    objective_titles = cache.query("objectives_list").set_index("code")["title"]
    member_names = cache.option_labels("member")
    by_objective, by_member = queue.counts(pending, objectives), queue.counts(pending, steering)
    objective_column, member_column, evidence_column = st.columns([4, 4, 3])  # the three evidence choices on a line
    objective = objective_column.selectbox(
        t("column.objective"),
        list(by_objective),
        format_func=lambda c: f"{c} {title_of('objective', c, objective_titles[c])} ({by_objective[c]})",
        index=None,
        key="validate_objective",
        placeholder=t("validate.all_objectives"),
    )
    member = member_column.selectbox(
        t("validate.member"),
        list(by_member),
        format_func=lambda m: f"{title_of('member', m, member_names.get(m, m))} ({by_member[m]})",
        index=None,
        key="validate_member",
        placeholder=t("validate.all_members"),
    )
    evidence = evidence_column.radio(
        t("validate.evidence_filter"),
        queue.EVIDENCE,
        format_func=lambda e: t(f"validate.evidence.{e}"),
        key="validate_evidence",
        horizontal=True,
    )
    st.caption(t("validate.member_is_steering"))
    shown = queue.narrowed(pending, queue.QueueFilter(objective, member, evidence), objectives, steering).head(500)
    st.caption(t("validate.shown", shown=len(shown), count=len(pending)))
    if shown.empty:
        st.info(t("validate.none_match"))
    else:
        # the selection is by row positions: it belongs to exactly these rows, and starts empty for any other queue
        # (another filter, or a proposal added or decided meanwhile), never landing on rows nobody chose
        rows_key = queue.fingerprint(shown["update_id"].tolist())
        all_shown = st.checkbox(t("validate.select_all", count=len(shown)), key=f"validate_all_{rows_key}")
        listed = with_full_names(shown, "proposed_by").assign(
            status_label=shown["status"].map(lambda s: status_text(s, t(f"status.{s}"))),
            proposed=shown["proposed_at"].map(format_moment),
            evidence_url=evidence_links(shown["evidence_url"]),
        )
        event = table(
            listed,
            {
                "update_id": "column.update_id",
                "workstream_code": "column.code",
                "status_label": "column.status",
                "proposed_by": "column.proposed_by",
                "proposed": "column.proposed_at",
                "narrative": "column.narrative",
                "evidence_url": "column.evidence_url",
            },
            key=f"validate_queue_{rows_key}",
            widths={
                "update_id": 50,
                "workstream_code": 60,
                "status_label": 140,
                "proposed_by": 125,
                "proposed": 125,
                "narrative": 215,
                "evidence_url": 115,
            },
            lines=3,
            links=("evidence_url",),
            on_select="rerun",
            selection_mode="multi-row",
        )
        positions = range(len(shown)) if all_shown else event.selection.rows
        chosen = tuple(int(shown["update_id"].iloc[position]) for position in positions)
        if len(chosen) == 1:  # one update: its narrative in full (the grid cuts long ones), as text, never HTML
            one = listed.iloc[positions[0]]
            st.markdown(t("validate.chosen", id=chosen[0], code=one["workstream_code"], who=plain(one["proposed_by"])))
            st.text(one["narrative"] or "—")
        st.text_area(t("column.comment"), key="validate_comment", help=t("validate.comment_help"))
        validate_column, return_column = st.columns(2)
        for column, decision, label, emphasis in (
            (validate_column, "validated", "validate.validate_selected", "primary"),
            (return_column, "returned", "validate.return_selected", "secondary"),
        ):
            column.button(
                t(label, count=len(chosen)),
                key=f"validate_{decision}",
                type=emphasis,
                disabled=not chosen,
                on_click=decide_chosen,  # with the updates chosen on the screen the user saw, not those of the click
                args=(chosen, decision, cycle),
            )
refused = st.session_state.pop(REFUSED, None)
if refused:
    kind, message = refused
    (st.warning if kind == "warning" else st.error)(message)

state = cache.progress_state()
st.subheader(t("validate.not_updated", since=format_day(state.last_summit) if state.last_summit else "—"))
workstreams = cache.query("workstreams_list")
last = cache.store_query("last_update_per_workstream")
not_updated = aggregates.needs_attention(workstreams["code"].tolist(), state.current, last, state.last_summit)[
    "not_updated"
]
stale = with_titles(workstreams[workstreams["code"].isin(not_updated)], "workstream", "code", "title")
table(
    stale,
    {"code": "column.code", "title": "column.workstream_title"},
    key="validate_stale_table",
    widths={"code": 60, "title": 800},
    lines=3,
    export="not_updated_since_last_summit",
)

st.subheader(t("validate.cycles"))
shown_cycles = cycles_shown(cycles)
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
