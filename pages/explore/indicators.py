"""Indicators: the key figures of the documents over time, with their direction; `?indicator=<id>` opens one
indicator (values with their source, revisions, linked objectives, the path to a target it measures)."""

import streamlit as st

from monitor import cache
from monitor.core.formats import format_number, separators
from monitor.explore import charts
from monitor.indicators import analysis
from monitor.ui import indicators
from monitor.ui.language import language, t
from monitor.ui.plots import chart
from monitor.ui.sidebar import current_filters, detail_code, open_detail
from monitor.ui.tables import downloads, static_table
from monitor.ui.titles import with_titles

lang = language()
st.title(t("indicators.title"))
st.caption(t("indicators.caption"))
readings = with_titles(cache.indicator_readings(), "indicator", "indicator_id", "name")  # entered titles, else [NL]
values = cache.indicator_values()
decimals = cache.indicator_decimals()
ids = readings["indicator_id"].tolist()
names = dict(zip(ids, readings["name"], strict=True))

chosen = detail_code("indicator", ids)
st.session_state["indicator_pick"] = chosen or ""  # the URL holds the view; the box follows it
st.selectbox(
    t("indicators.pick"),
    ["", *ids],
    key="indicator_pick",
    format_func=lambda i: names.get(i, t("indicators.all")),
    on_change=lambda: open_detail("indicator", st.session_state["indicator_pick"] or None),
)

if chosen:
    indicators.render_indicator(chosen, readings, values, decimals)
    st.stop()

st.subheader(t("indicators.key_figures"))
years = indicators.table_years(values, cache.query("indicator_values_all"))
shown = indicators.key_figures_table(readings, values, decimals, years)
# A static table: every indicator's name shows whole (it wraps) at any width, and it is a plain HTML table for
# screen readers; 15 rows need no sorting, and the files below hold the same rows.
static_table(shown)
downloads(shown, "key_figures", "indicators_table")
st.caption(t("indicators.table_note", not_available=format_number(None, lang), first=years[0], last=years[-1]))

st.subheader(t("indicators.small_multiples"))
panels = []  # each indicator over its own years: a base year added far back stretches only its own panel
for row in readings.to_dict("records"):
    panel_years, panel_values = analysis.every_year(cache.indicator_series(row["indicator_id"]))
    panels.append({"title": row["name"], "unit": row["unit"], "years": panel_years, "values": panel_values})
judged = readings["state"].value_counts()
chart(
    charts.indicator_small_multiples(panels, separators(lang)),
    key="indicators_multiples",
    filename="key_figures",
    summary=t(
        "indicators.multiples_summary",
        count=len(panels),
        improving=int(judged.get("improving", 0)),
        stable=int(judged.get("stable", 0)),
        worsening=int(judged.get("worsening", 0)),
        other=int(judged.get("insufficient", 0) + judged.get("not_judged", 0)),
    ),
)

st.subheader(t("context.title"))
indicators.delivery_context(cache.filtered_codes(current_filters()))
