"""Objectives: the filtered list (chart + table) or, with ?objective=…, one objective's full fiche."""

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.ui.fiche import render_objective
from monitor.ui.language import t
from monitor.ui.matches import with_marked_initiating
from monitor.ui.plots import chart, new_pick, new_row
from monitor.ui.sidebar import current_filters, detail_code, filter_status, open_detail
from monitor.ui.standing import (
    OBJECTIVE_STANDING,
    OBJECTIVE_STANDING_WIDTHS,
    official_counts,
    status_label,
    status_summary,
    with_objective_standing,
)
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
    codes = cache.filtered_codes(filters)
    counts = official_counts("objective", codes)
    titles = dict(zip(objectives["code"], objectives["title"], strict=True))
    event = chart(
        charts.status_bars(
            counts, status_label, t("column.workstreams"), group_label=lambda code: f"{code} {titles[code]}"
        ),
        key="objectives_chart",
        filename="objectives_official_status",
        summary=status_summary(counts, len(codes)),
        on_select="rerun",
        selection_mode="points",
    )
    clicked = (new_pick(event, "objectives_chart") or [None])[-1]  # the objective code, last in its customdata
    objectives = with_marked_initiating(with_objective_standing(objectives, codes))
    objectives["priority"] = objectives["priority_type"].map(lambda p: t(f"priority.{p}"))
    picked = table(
        objectives,
        {
            "code": "column.code",
            "title": "column.objective_title",
            **OBJECTIVE_STANDING,
            "matching_workstreams": "column.matching",
            "priority": "column.priority_type",
            "initiating": "column.initiating_members",
        },
        key="objectives_table",
        widths={
            "code": 45,
            "title": 240,
            **OBJECTIVE_STANDING_WIDTHS,
            "matching_workstreams": 80,
            "priority": 95,
            "initiating": 195,
        },
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
