"""Where the strategy stands, for the current filters: the landing page's first screen. Official (validated)
status only; what needs attention links to the workstream; one compact row per objective leads to its fiche."""

from __future__ import annotations

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.explore.filters import Filters
from monitor.explore.looks import STATUS_LOOK
from monitor.progress import aggregates
from monitor.progress.workflow import ALL_STATUSES
from monitor.ui.language import format_day, t
from monitor.ui.plots import chart, new_row
from monitor.ui.tables import table
from monitor.ui.titles import explain_originals, markdown_title, with_titles

WORKSTREAMS_PAGE = "pages/explore/workstreams.py"
OBJECTIVES_PAGE = "pages/explore/objectives.py"
LISTED = 8  # workstreams named per kind of attention; the rest are counted, and listed on Progress


def headline(filters: Filters) -> None:
    """The figures that answer "where do we stand?", then what happens next when nothing is validated yet."""
    state = cache.progress_state()
    codes = cache.filtered_codes(filters)
    statuses = aggregates.status_of(state.current)
    delivery = cache.delivery_context(codes)["delivery"].value_counts()
    validated, _newest = cache.changes_since_last_summit(filters, limit=1)
    since = format_day(state.last_summit) if state.last_summit else "—"
    columns = st.columns(4)
    assessed = sum(1 for code in codes if code in statuses)
    columns[0].metric(t("standing.assessed"), t("standing.of", count=assessed, total=len(codes)))
    helps = t("standing.objectives_help")
    columns[1].metric(t("standing.objectives_on_track"), int(delivery.get("on_track", 0)), help=helps)
    columns[2].metric(t("standing.objectives_off_track"), int(delivery.get("off_track", 0)), help=helps)
    columns[3].metric(t("standing.validated_since"), validated, help=t("standing.validated_since_help", since=since))
    if not statuses:
        waiting = len(state.proposed)
        st.info(t("progress.none_validated", count=waiting) if waiting else t("progress.none_yet"))
        st.caption(t("standing.next"))


def status_by_pillar(filters: Filters) -> None:
    """One readable chart: the official status of the passing workstreams, a bar per pillar."""
    codes = cache.filtered_codes(filters)
    statuses = aggregates.status_of(cache.progress_state().current)
    counts = aggregates.status_counts(cache.progress_groups("pillar", codes), statuses)
    totals = counts.groupby("status", sort=False)["workstreams"].sum()
    label = {s: t(f"status.{s}") for s in ALL_STATUSES}.__getitem__
    chart(
        charts.status_bars(counts, label, t("column.workstreams"), group_label=lambda p: f"{t('column.pillar')} {p}"),
        key="standing_status_chart",
        filename="official_status_by_pillar",
        summary=t(
            "progress.summary",
            count=len(codes),
            parts=", ".join(f"{label(s)} {int(totals.get(s, 0))}" for s in ALL_STATUSES if totals.get(s, 0)),
        ),
    )


def attention(filters: Filters) -> None:
    """Stalled, red and not updated since the last Summit: each workstream a link to it."""
    state = cache.progress_state()
    found = aggregates.needs_attention(
        cache.filtered_codes(filters),
        state.current,
        cache.store_query("last_update_per_workstream"),
        state.last_summit,
    )
    if not any(found.values()):
        st.caption(t("standing.attention.none"))
        return
    listed = cache.workstreams(filters)
    titles = dict(zip(listed["code"], listed["title"], strict=True))
    explain_originals("workstream", {code: titles[code] for codes in found.values() for code in codes[:LISTED]})
    for kind in aggregates.ATTENTION:
        codes = found[kind]
        if not codes:
            continue
        with st.expander(t(f"standing.attention.{kind}", count=len(codes))):
            for code in codes[:LISTED]:
                label = f"{code} · {markdown_title('workstream', code, titles.get(code, ''))}"  # a link reads Markdown
                st.page_link(WORKSTREAMS_PAGE, label=label, query_params={"workstream": code})
            if len(codes) > LISTED:
                st.caption(t("standing.attention.more", count=len(codes) - LISTED))


def objective_rows(filters: Filters) -> None:
    """One compact row per objective with a passing workstream; selecting one opens its fiche."""
    objectives = with_titles(cache.objectives(filters), "objective", "code", "title")
    statuses = aggregates.status_of(cache.progress_state().current)
    by_objective = cache.progress_groups("objective", cache.filtered_codes(filters))
    context = cache.delivery_context(cache.filtered_codes(filters))
    delivery = dict(zip(context["objective_code"], context["delivery"], strict=True))
    shown = objectives.assign(
        priority=objectives["priority_type"].map(lambda p: t(f"priority.{p}")),
        strip=[_strip(by_objective.get(code, []), statuses) for code in objectives["code"]],
        delivery=[t(f"delivery.{delivery.get(code, 'not_assessed')}") for code in objectives["code"]],
    )
    event = table(
        shown,
        {
            "code": "column.code",
            "title": "column.objective",
            "priority": "column.priority_type",
            "initiating": "column.initiating",
            "strip": "column.status_strip",
            "delivery": "column.delivery",
        },
        key="standing_objectives_table",
        widths={"code": 45, "title": 300, "priority": 95, "initiating": 190, "strip": 130, "delivery": 100},
        lines=3,
        export="objectives_where_they_stand",
        on_select="rerun",
        selection_mode="single-row",
    )
    picked = new_row(event, "standing_objectives_table")
    if picked is not None:
        st.switch_page(OBJECTIVES_PAGE, query_params={"objective": shown["code"].iloc[picked]})
    st.caption(t("standing.objectives_caption"))


def _strip(codes: list[str], statuses: dict[str, str]) -> str:
    """One status sign per workstream, in strategy order (the signs the legend and the charts use)."""
    return "".join(STATUS_LOOK[statuses.get(code, "not_assessed")].icon for code in codes)
