"""Overview, the landing page: where the strategy stands (official status, objectives on and off track, what
changed, what needs attention, a row per objective), then the strategy at a glance (counts per pillar, shared vs
consulted objectives); who initiates, joins and steers is on Who does what."""

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.ui import standing
from monitor.ui.language import t
from monitor.ui.plots import chart
from monitor.ui.sidebar import current_filters, filter_status
from monitor.ui.tables import table

filters = current_filters()
st.title(t("standing.title"))
st.caption(t("standing.caption"))
if not filter_status(filters):
    st.stop()
standing.headline(filters)
st.subheader(t("standing.by_pillar"))
standing.status_by_pillar(filters)
st.subheader(t("standing.attention"))
standing.attention(filters)
st.subheader(t("standing.objectives"))
standing.objective_rows(filters)

st.header(t("overview.title"))
st.caption(t("overview.caption"))

per_pillar = cache.product("pillar_counts", filters)
members = cache.product("member_summary", filters)
columns = st.columns(4)
columns[0].metric(t("metric.pillars"), int((per_pillar["objectives"] > 0).sum()))
columns[1].metric(t("metric.objectives"), int(per_pillar["objectives"].sum()))
columns[2].metric(t("metric.workstreams"), int(per_pillar["workstreams"].sum()))
roles = ["initiating", "associated", "steering", "initiating_inferred", "associated_inferred", "steering_inferred"]
individual = members[~members["kind"].isin(["group", "unresolved"]) & (members[roles].sum(axis=1) > 0)]
columns[3].metric(t("metric.members"), len(individual), help=t("help.members_metric"))

st.subheader(t("overview.per_pillar"))
table(
    per_pillar,
    {
        "pillar": "column.pillar",
        "pillar_title": "column.pillar_title",
        "objectives": "column.objectives",
        "workstreams": "column.workstreams",
    },
    key="pillar_table",
    widths={"pillar_title": "large"},
    export="pillars",
)

st.subheader(t("overview.priority_chart"))
priorities = cache.product("priority_by_pillar", filters)
priority_label = lambda code: t(f"priority.{code}")  # noqa: E731
figure = charts.priority_types_by_pillar(
    priorities, priority_label, lambda pillar: f"{t('column.pillar')} {pillar}", t("column.objectives")
)
summary = " ".join(
    t("overview.priority_summary", pillar=p, parts=parts)
    for p, parts in charts.priority_summary(priorities, priority_label).items()
)
chart(figure, key="priority_chart", summary=summary or t("empty.objectives"), filename="priority-types")
