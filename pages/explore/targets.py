"""Targets and milestones: every numeric target and dated milestone of the documents with its quote and source;
the targets a key figure can measure with their path from the base year and whether the latest value is on it."""

import streamlit as st

from monitor import cache
from monitor.ui import auth, indicators
from monitor.ui.flash import show_flash
from monitor.ui.language import t
from monitor.ui.sidebar import current_filters
from monitor.ui.tables import downloads
from monitor.ui.titles import explain_originals

st.title(t("targets.title"))
st.caption(t("targets.caption"))
show_flash()
filters = current_filters()
targets = cache.query("targets_all")
kept = set(cache.workstreams(filters)["objective_code"])
targets = targets[targets["objective_code"].isna() | targets["objective_code"].isin(kept)].reset_index(drop=True)
checks = cache.target_checks()

top = st.columns(4)
top[0].metric(t("targets.numeric"), int((targets["kind"] == "numeric_target").sum()))
top[1].metric(t("targets.milestones"), int((targets["kind"] == "milestone").sum()))
top[2].metric(t("targets.commitments"), int((targets["kind"] == "commitment").sum()))
top[3].metric(t("targets.measurable"), int(targets["indicator_id"].notna().sum()))

st.subheader(t("targets.measurable_title"))
st.caption(t("targets.measurable_caption"))
user = auth.current_user()
measurable = targets[targets["indicator_id"].notna()]
names = cache.indicator_readings().set_index("indicator_id")["name"]
explain_originals("indicator", {i: names[i] for i in dict.fromkeys(measurable["indicator_id"])})
for row in measurable.to_dict("records"):
    indicators.render_target(row, checks[row["target_id"]], user, key=f"target_{row['target_id']}")

st.subheader(t("targets.all_title"))
st.caption(t("targets.all_caption"))
shown = indicators.targets_table(targets, checks)
for group, rows in indicators.target_groups(targets).items():
    with st.expander(f"{group} ({len(rows)})"):
        st.markdown("\n".join(indicators.target_item(row, checks) for row in rows))
downloads(shown, "targets", "targets_table")
