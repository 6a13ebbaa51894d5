"""Objectives: the filtered list (chart + table) or, with ?objective=…, one objective's full fiche."""

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.ui.fiche import render_objective
from monitor.ui.language import t
from monitor.ui.plots import chart, new_pick, new_row
from monitor.ui.sidebar import current_filters, detail_code, filter_status, open_detail
from monitor.ui.tables import table
from monitor.ui.titles import with_titles

filters = current_filters()
code = detail_code("objective", cache.query("objectives_list")["code"].tolist())
if code:
    render_objective(code)
    st.stop()

st.title(t("objectives.title"))
if filter_status(filters):
    objectives = with_titles(cache.objectives(filters), "objective", "code", "title")
    figure = charts.workstreams_per_objective(objectives, lambda p: t(f"priority.{p}"), t("column.matching"))
    event = chart(
        figure,
        key="objectives_chart",
        filename="objectives",
        summary=t(
            "objectives.chart_summary",
            objectives=len(objectives),
            workstreams=int(objectives["matching_workstreams"].sum()),
        ),
        on_select="rerun",
        selection_mode="points",
    )
    clicked = (new_pick(event, "objectives_chart") or [None])[0]
    objectives["priority"] = objectives["priority_type"].map(lambda p: t(f"priority.{p}"))
    picked = table(
        objectives,
        {
            "code": "column.code",
            "title": "column.objective_title",
            "priority": "column.priority_type",
            "matching_workstreams": "column.matching",
            "initiating": "column.initiating_members",
        },
        key="objectives_table",
        widths={"code": 50, "title": 300, "priority": 110, "matching_workstreams": 130, "initiating": 270},
        lines=4,
        export="objectives",
        on_select="rerun",
        selection_mode="single-row",
    )
    row = new_row(picked, "objectives_table")
    target = clicked or (objectives["code"].iloc[row] if row is not None else None)
    if target:
        open_detail("objective", target)
        st.rerun()
    st.caption(t("objectives.drill_hint"))
