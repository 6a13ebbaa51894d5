"""Targets and milestones: every numeric target and dated milestone of the documents with its quote and source;
the targets a key figure can measure with their path from the base year and whether the latest value is on it."""

import pandas as pd
import streamlit as st

from monitor import auth, data, indicator_view
from monitor.fiche import source
from monitor.sidebar import current_filters
from monitor.ui import t, table

st.title(t("targets.title"))
st.caption(t("targets.caption"))
if note := st.session_state.pop("_targets_flash", None):
    st.success(note)
filters = current_filters()
targets = data.query("targets_all")
kept = set(data.workstreams(filters)["objective_code"])
targets = targets[targets["objective_code"].isna() | targets["objective_code"].isin(kept)].reset_index(drop=True)
checks = data.target_checks()

top = st.columns(3)
top[0].metric(t("targets.numeric"), int((targets["kind"] == "numeric_target").sum()))
top[1].metric(t("targets.milestones"), int((targets["kind"] == "milestone").sum()))
top[2].metric(t("targets.measurable"), int(targets["indicator_id"].notna().sum()))

st.subheader(t("targets.measurable_title"))
st.caption(t("targets.measurable_caption"))
user = auth.current_user()
for row in targets[targets["indicator_id"].notna()].to_dict("records"):
    indicator_view.render_target(row, checks[row["target_id"]], user, key=f"target_{row['target_id']}")

st.subheader(t("targets.all_title"))
st.caption(t("targets.all_caption"))
names = dict(zip(data.indicator_readings()["indicator_id"], data.indicator_readings()["name"], strict=True))
shown = pd.DataFrame(
    {
        "where": [c if isinstance(c, str) else t("targets.introduction") for c in targets["objective_code"]],
        "workstream": targets["workstream_code"].fillna(""),
        "kind": [t(f"target_kind.{k}") for k in targets["kind"]],
        "quote": targets["quote"],
        "target_year": [str(int(y)) if pd.notna(y) else "" for y in targets["target_year"]],
        "base_year": [str(int(y)) if pd.notna(y) else "" for y in targets["base_year"]],
        "measured": [
            indicator_view.target_label(checks[i].state) + f" ({names[m]})" if isinstance(m, str) else t("targets.no")
            for i, m in zip(targets["target_id"], targets["indicator_id"], strict=True)
        ],
        "source": [
            source(*r) for r in zip(targets["document"], targets["line_start"], targets["line_end"], strict=True)
        ],
    }
)
table(
    shown,
    {
        "where": "column.objective",
        "workstream": "column.workstream",
        "kind": "column.kind",
        "quote": "column.quote",
        "target_year": "column.target_year",
        "base_year": "column.base_year",
        "measured": "column.measured",
        "source": "column.source",
    },
    key="targets_table",
    widths={"quote": "large", "measured": "medium", "source": "medium"},
    export="targets",
)
