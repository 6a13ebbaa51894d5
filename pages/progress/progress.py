"""Progress: status counts of the filtered workstreams by a chosen dimension, delivery confidence, the
timeline across Social Summit cycles placed by date, each objective's delivery at each cycle, and what changed
since the last Summit."""

from datetime import date

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.explore.looks import confidence_text, status_text
from monitor.progress import aggregates
from monitor.progress.workflow import ALL_STATUSES
from monitor.ui.language import format_day, format_moment, in_language, t
from monitor.ui.people import with_full_names
from monitor.ui.plots import chart
from monitor.ui.proposals import proposals_switch, proposed_text
from monitor.ui.sidebar import current_filters, filter_status
from monitor.ui.standing import decision_text, official_counts, status_label, status_summary, update_status_text
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
listed = cache.query("objectives_list")  # titles in the interface language when entered, else the Dutch original
objective_names = {
    c: f"{c} {title_of('objective', c, d)}" for c, d in zip(listed["code"], listed["title"], strict=True)
}
if dimension == "objective":
    names = objective_names
elif dimension == "member":
    names = {member: title_of("member", member, name) for member, name in names.items()}
counts = official_counts(dimension, codes)
chart(
    charts.status_bars(counts, status_label, t("column.workstreams"), group_label=lambda g: names.get(g, g)),
    key="progress_status_chart",
    filename="progress_by_" + dimension,
    summary=status_summary(counts, len(codes)),
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
today = date.today()
cycle_labels = dict(zip(state.cycles["summit_date"], in_language(state.cycles, "label")["label"], strict=True))


def moment_heading(day: date) -> str:
    return t("progress.now_on", date=format_day(day)) if day == today else format_day(day)


def moment_label(day: date) -> tuple[str, str]:
    """The date (or now) and the cycle's label as the cycles table holds it."""
    return moment_heading(day), str(cycle_labels.get(day) or "")


def counted(found: dict[str, int]) -> str:
    return ", ".join(f"{status_label(s)} {found[s]}" for s in ALL_STATUSES if found.get(s))


history = aggregates.timeline(codes, aggregates.moments(state.at_cycles, statuses, today))
at_moment = {day: dict(zip(rows["status"], rows["workstreams"], strict=True)) for day, rows in history.groupby("cycle")}
chart(
    charts.status_timeline(history, status_label, moment_label, t("column.workstreams")),
    key="progress_timeline_chart",
    filename="progress_timeline",
    summary=t(
        "progress.timeline_summary",
        count=len(codes),
        moments="; ".join(
            f"{heading}{f' ({label})' if label else ''}: {counted(at_moment[day])}"
            for day in sorted(at_moment)
            for heading, label in [moment_label(day)]
        ),
    ),
)

st.subheader(t("progress.delivery_trend"))
st.caption(t("progress.delivery_trend_caption"), help=t("standing.objectives_help"))
delivery = cache.delivery_over_time(codes)
delivery_name = {state: t(f"delivery.{state}") for state in ("on_track", "off_track", "not_assessed")}


def delivered(day: date, found: dict[str, int]) -> str:
    counts = {state: int(found.get(state, 0)) for state in delivery_name}
    return t("progress.delivery_trend_part", moment=moment_heading(day), **counts)


chart(
    charts.delivery_over_time(delivery, lambda c: objective_names.get(c, c), moment_heading, delivery_name.__getitem__),
    key="progress_delivery_trend_chart",
    filename="objective_delivery_by_summit",
    summary=t(
        "progress.delivery_trend_summary",
        count=delivery["objective_code"].nunique(),
        moments="; ".join(
            delivered(day, rows["delivery"].value_counts().to_dict()) for day, rows in delivery.groupby("moment")
        ),
    ),
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
    shown["status_label"] = [  # validated, or (with the switch) awaiting validation: marked
        update_status_text(status, decision)
        for status, decision in zip(shown["status"], shown["decision"], strict=True)
    ]
    shown["decision_label"] = shown["decision"].map(decision_text)
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
