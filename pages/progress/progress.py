"""Progress: status counts of the filtered workstreams by a chosen dimension, delivery confidence, the
timeline across Social Summit cycles, and what changed since the last Summit."""

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.explore.looks import confidence_text, status_text
from monitor.progress import aggregates
from monitor.progress.workflow import ALL_STATUSES
from monitor.ui.language import format_day, format_moment, t
from monitor.ui.people import with_full_names
from monitor.ui.plots import chart
from monitor.ui.proposals import proposals_switch, proposed_text
from monitor.ui.sidebar import current_filters, filter_status
from monitor.ui.tables import table
from monitor.ui.titles import title_of

filters = current_filters()
st.title(t("progress.title"))
st.caption(t("progress.intro"))
if not filter_status(filters):
    st.stop()

with_proposals = proposals_switch()
state = cache.progress_state()
codes = cache.filtered_codes(filters)
statuses = aggregates.status_of(state.current)  # official: validated updates only
if not statuses and len(state.proposed):
    st.info(t("progress.none_validated", count=len(state.proposed)))
elif not statuses:
    st.info(t("progress.none_yet"))

STATUS_NAMES = {s: t(f"status.{s}") for s in ALL_STATUSES}
STATUS_TEXTS = {s: status_text(s, name) for s, name in STATUS_NAMES.items()}
status_label = STATUS_NAMES.__getitem__
dimension = (
    st.segmented_control(
        t("progress.count_by"),
        aggregates.DIMENSIONS,
        format_func=lambda d: t(f"progress.by.{d}"),
        key="progress_by",
        default="objective",
    )
    or "objective"
)
names = (
    {p: t(f"priority.{p}") for p in ("shared", "consulted", "mixed")}
    if dimension == "priority"
    else cache.group_names(dimension)
)
if dimension == "objective":  # titles in the interface language when entered, else the Dutch original marked
    listed = cache.query("objectives_list")
    names = {c: f"{c} {title_of('objective', c, d)}" for c, d in zip(listed["code"], listed["title"], strict=True)}
elif dimension == "member":
    names = {member: title_of("member", member, name) for member, name in names.items()}
counts = aggregates.status_counts(cache.progress_groups(dimension, codes), statuses)
totals = counts.groupby("status", sort=False)["workstreams"].sum()
chart(
    charts.status_bars(counts, status_label, t("column.workstreams"), group_label=lambda g: names.get(g, g)),
    key="progress_status_chart",
    filename="progress_by_" + dimension,
    summary=t(
        "progress.summary",
        count=len(codes),
        parts=", ".join(f"{status_label(s)} {int(totals.get(s, 0))}" for s in ALL_STATUSES if totals.get(s, 0)),
    ),
)
wide = aggregates.counts_wide(counts)
wide["group"] = wide["group"].map(lambda g: names.get(g, g))
table(
    wide,
    {"group": f"progress.by.{dimension}", **{s: f"status.{s}" for s in ALL_STATUSES}, "total": "column.total"},
    key="progress_counts_table",
    export="progress_counts",
    wrapped=True,  # the status headers in full, at 1366 px too
)

st.subheader(t("progress.confidence"))
confidence = aggregates.confidence_counts(codes, state.current)
chart(
    charts.confidence_bars(confidence, lambda c: t(f"confidence.{c}"), t("column.workstreams")),
    key="progress_confidence_chart",
    filename="delivery_confidence",
    summary=", ".join(
        t("progress.confidence_part", level=confidence_text(c, t(f"confidence.{c}")), count=n)
        for c, n in zip(confidence["confidence"], confidence["workstreams"], strict=True)
    ),
)

st.subheader(t("progress.timeline"))
history = aggregates.timeline(codes, state.at_cycles | {"now": statuses})
chart(
    charts.status_timeline(
        history, status_label, lambda c: t("progress.now") if c == "now" else format_day(c), t("column.workstreams")
    ),
    key="progress_timeline_chart",
    filename="progress_timeline",
    summary=t("progress.timeline_summary", count=len(state.at_cycles)),
)

st.subheader(t("progress.changed", since=format_day(state.last_summit) if state.last_summit else "—"))
moves = aggregates.transitions(codes, state.at_cycles.get(state.last_summit, {}), statuses)
if moves.empty:
    st.info(t("progress.no_change"))
else:
    moves["from_label"] = moves["from_status"].map(STATUS_TEXTS)
    moves["to_label"] = moves["to_status"].map(STATUS_TEXTS)
    table(
        moves,
        {
            "from_label": "column.from_status",
            "to_label": "column.to_status",
            "workstreams": "column.workstreams",
            "codes": "column.workstream_codes",
        },
        key="progress_transitions_table",
        export="transitions_since_last_summit",
        wrapped=True,  # every workstream code of a move
    )
change_count, newest = cache.changes_since_last_summit(filters, proposals=with_proposals)
st.caption(
    t("progress.changes_count_with_proposals" if with_proposals else "progress.changes_count", count=change_count)
)
if change_count:
    shown = with_full_names(newest, "proposed_by")
    shown["status_label"] = [
        STATUS_TEXTS[status] if decision == "validated" else proposed_text(status)
        for status, decision in zip(shown["status"], shown["decision"], strict=True)
    ]
    shown["decision_label"] = (
        shown["decision"].map({"validated": t("decision.validated")}).fillna(t("decision.pending"))
    )
    shown["proposed"] = shown["proposed_at"].map(format_moment)
    table(
        shown,
        {
            "workstream_code": "column.code",
            "status_label": "column.status",
            "decision_label": "column.decision",
            "proposed": "column.proposed_at",
            "proposed_by": "column.proposed_by",
            "narrative": "column.narrative",
        },
        key="progress_changes_table",
        widths={
            "workstream_code": 60,
            "status_label": 170,
            "decision_label": 110,
            "proposed": 130,
            "proposed_by": 110,
            "narrative": 280,
        },
        lines=3,
        export="changes_since_last_summit",
    )
    if change_count > len(shown):
        st.caption(t("progress.changes_truncated", shown=len(shown), count=change_count))

if with_proposals:
    proposed = state.proposed[state.proposed["workstream_code"].isin(codes)]
    st.subheader(t("progress.proposals", count=len(proposed)))
    if proposed.empty:
        st.info(t("progress.no_proposals"))
    else:
        shown = with_full_names(proposed, "proposed_by").assign(
            official=[STATUS_TEXTS[statuses.get(code, "not_assessed")] for code in proposed["workstream_code"]],
            proposed_label=proposed["status"].map(proposed_text),
            proposed=proposed["proposed_at"].map(format_moment),
        )
        table(
            shown,
            {
                "workstream_code": "column.code",
                "official": "column.official_status",
                "proposed_label": "column.proposed_status",
                "proposed": "column.proposed_at",
                "proposed_by": "column.proposed_by",
            },
            key="progress_proposals_table",
            widths={"workstream_code": 60, "official": 200, "proposed_label": 330, "proposed": 140, "proposed_by": 130},
            lines=3,
            export="proposals_awaiting_validation",
        )
