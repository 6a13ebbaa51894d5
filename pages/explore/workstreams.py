"""Workstreams: all that pass the filters (searchable, accents and case do not matter), or one in detail."""

import streamlit as st

from monitor import cache
from monitor.ui.fiche import render_workstream
from monitor.ui.language import t
from monitor.ui.plots import new_row
from monitor.ui.proposals import proposals_switch
from monitor.ui.sidebar import current_filters, detail_code, filter_status, open_detail
from monitor.ui.standing import WORKSTREAM_STANDING_WIDTHS, with_workstream_standing
from monitor.ui.tables import table
from monitor.ui.titles import with_titles

filters = current_filters()
code = detail_code("workstream", cache.query("workstreams_list")["code"].tolist())
if code:
    render_workstream(code)
    st.stop()

st.title(t("workstreams.title"))
st.caption(t("workstreams.caption"))
if filter_status(filters):
    with_proposals = proposals_switch()
    rows = with_titles(cache.workstreams(filters), "workstream", "code", "title")
    rows, standing = with_workstream_standing(rows, with_proposals)
    rows["tag"] = rows["priority_type"].map(lambda p: t(f"ws_priority.{p}") if isinstance(p, str) else "")
    picked = table(
        rows,
        {
            "code": "column.code",
            "title": "column.workstream_title",
            **standing,
            "steering": "column.steered_by",
            "tag": "column.ws_priority",
        },
        key="workstreams_table",
        widths={
            "code": 55,
            "title": 210,
            **WORKSTREAM_STANDING_WIDTHS,
            "steering": 180,
            "tag": 90,
        },
        lines=4,
        export="workstreams",
        on_select="rerun",
        selection_mode="single-row",
    )
    row = new_row(picked, "workstreams_table")
    if row is not None:
        open_detail("workstream", rows["code"].iloc[row])
        st.rerun()
    st.caption(t("workstreams.open_hint"))
