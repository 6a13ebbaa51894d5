"""Overview: counts per pillar, shared vs consulted objectives, and who initiates/joins/steers."""

import streamlit as st

from monitor import charts, data
from monitor.ui import t, table

st.title(t("overview.title"))
st.caption(t("overview.caption"))

per_pillar = data.counts_by_pillar()
members = data.members_overview()
columns = st.columns(4)
columns[0].metric(t("metric.pillars"), len(per_pillar))
columns[1].metric(t("metric.objectives"), int(per_pillar["objectives"].sum()))
columns[2].metric(t("metric.workstreams"), int(per_pillar["workstreams"].sum()))
columns[3].metric(t("metric.members"), int((members["kind"] != "group").sum()), help=t("help.members_metric"))

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
)

st.subheader(t("overview.priority_chart"))
priorities = data.objectives_by_priority_type()
priority_label = lambda code: t(f"priority.{code}")  # noqa: E731
figure = charts.priority_types_by_pillar(
    priorities, priority_label, lambda pillar: f"{t('column.pillar')} {pillar}", t("column.objectives")
)
st.plotly_chart(figure, key="priority_chart", config={"displaylogo": False})
for pillar, parts in charts.priority_summary(priorities, priority_label).items():
    st.caption(t("overview.priority_summary", pillar=pillar, parts=parts))

st.subheader(t("overview.members"))
st.caption(t("overview.members_caption"))
members["government"] = members["government"].map(lambda code: t(f"government.{code}"))
table(
    members,
    {
        "name": "column.member",
        "government": "column.government",
        "initiating": "column.initiating",
        "associated": "column.associated",
        "steering": "column.steering",
        "committee": "column.committee",
    },
    key="members_table",
    widths={"name": "large", "government": "medium"},
    helps={
        "government": "help.government",
        "initiating": "help.initiating",
        "associated": "help.associated",
        "steering": "help.steering",
        "committee": "help.committee",
    },
)
