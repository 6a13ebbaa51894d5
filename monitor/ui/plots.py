"""Plotly charts on a page: the figure dicts of monitor.explore.charts drawn with a PNG download in the user's
language and a text summary below, and a click on a bar or a table row handled once."""

from __future__ import annotations

import streamlit as st
from plotly.basedatatypes import BaseFigure

from monitor.core import formats
from monitor.explore import charts
from monitor.ui.language import language, t


def chart_config(filename: str) -> dict:
    """Plotly's options for a chart: one tool, "save as PNG", its tooltip in the interface language.

    Zoom and pan add nothing to these small charts and their tooltips would stay English; plotly takes the
    tooltip's translation from `locales` (no plotly locale bundle needed, so it works offline).
    """
    return {
        "displaylogo": False,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
        "locale": language(),
        "locales": {language(): {"dictionary": {"Download plot as a PNG": t("chart.download_png")}}},
    }


class _AsValidated(BaseFigure):
    """A figure dict that is already in the form plotly's validation gives it (see monitor.explore.charts).

    st.plotly_chart validates a dict on every rerun (2-15 ms a chart here) but sends a plotly figure object
    as its to_dict() says; this object says the dict as it is. tests/test_languages.py checks that every
    chart the pages draw comes out of plotly's validation unchanged, so nothing is lost by skipping it.
    """

    def __init__(self, figure: dict) -> None:  # BaseFigure's own __init__ is the validation skipped
        self._as_validated = figure

    def to_dict(self) -> dict:
        return self._as_validated


def chart(figure, key: str, summary: str, filename: str, **options):
    """A plotly chart (PNG download in its toolbar) followed by a text summary for screen readers."""
    if not figure.get("data"):
        st.info(t("empty.chart"))
        return None
    figure = charts.with_readable_text(figure)
    figure = {**figure, "layout": {**figure["layout"], "separators": formats.separators(language())}}
    event = st.plotly_chart(_AsValidated(figure), key=key, config=chart_config(filename), **options)
    st.caption(summary)
    return event


def new_pick(event, key: str) -> list | None:
    """The customdata of a point newly clicked in chart `key`; None when nothing new was picked.

    A chart keeps its selection across reruns; acting only on a changed selection means a click is
    handled once and an old click is never re-applied after the user has moved on.
    """
    selection = event.get("selection", {}) if isinstance(event, dict) else getattr(event, "selection", {})
    points = selection.get("points", []) if isinstance(selection, dict) else getattr(selection, "points", [])
    picked = next((p.get("customdata") for p in points if p.get("customdata") is not None), None)
    signature = repr(picked)
    if picked is None or st.session_state.get(f"_{key}_handled") == signature:
        return None
    st.session_state[f"_{key}_handled"] = signature
    return list(picked) if isinstance(picked, (list, tuple)) else [picked]


def new_row(event, key: str) -> int | None:
    """The position of a table row newly selected in table `key` (handled once, like new_pick)."""
    rows = list(event.selection.rows) if event is not None and hasattr(event, "selection") else []
    if not rows or st.session_state.get(f"_{key}_handled") == repr(rows):
        if not rows:
            st.session_state.pop(f"_{key}_handled", None)
        return None
    st.session_state[f"_{key}_handled"] = repr(rows)
    return rows[0]
