"""Where the strategy stands, for the current filters: the landing page's first screen. Official (validated)
status only; what needs attention links to the workstream; one compact row per objective leads to its fiche."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.core.frames import values
from monitor.explore import charts
from monitor.explore.filters import Filters
from monitor.explore.looks import DELIVERY_LOOK, STATUS_LOOK, confidence_text, look_text, status_text
from monitor.progress import aggregates
from monitor.progress.workflow import ALL_STATUSES
from monitor.ui.language import format_day, t
from monitor.ui.matches import with_marked_initiating
from monitor.ui.people import with_full_names
from monitor.ui.plots import chart, new_row
from monitor.ui.proposals import evidence_links, proposed_text
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


def status_label(status: str) -> str:
    """A status's name in the interface language (the charts add its sign)."""
    return t(f"status.{status}")


def official_counts(dimension: str, codes: list[str]) -> pd.DataFrame:
    """How many of `codes` have each official status, per group of `dimension` (see cache.progress_groups)."""
    statuses = aggregates.status_of(cache.progress_state().current)
    return aggregates.status_counts(cache.progress_groups(dimension, codes), statuses)


def status_summary(counts: pd.DataFrame, count: int) -> str:
    """The text summary of a status chart: how many workstreams, and how many have each status."""
    totals: Counter[str] = Counter()
    for status, workstreams in values(counts, "status", "workstreams"):  # pandas groupby: ~1 ms, and lets go of the GIL
        totals[status] += int(workstreams)
    parts = ", ".join(f"{status_label(s)} {totals[s]}" for s in ALL_STATUSES if totals[s])
    return t("progress.summary", count=count, parts=parts)


def status_by_pillar(filters: Filters) -> None:
    """One readable chart: the official status of the passing workstreams, a bar per pillar."""
    codes = cache.filtered_codes(filters)
    counts = official_counts("pillar", codes)
    pillar = t("column.pillar")
    chart(
        charts.status_bars(counts, status_label, t("column.workstreams"), group_label=lambda p: f"{pillar} {p}"),
        key="standing_status_chart",
        filename="official_status_by_pillar",
        summary=status_summary(counts, len(codes)),
    )


def attention(filters: Filters) -> None:
    """Stalled, red and not updated since the last Summit, for the passing workstreams: each a link to it."""
    attention_of(cache.filtered_codes(filters))


def attention_of(codes: list[str]) -> None:
    """Stalled, red and not updated since the last Summit, among `codes`: each workstream a link to it."""
    state = cache.progress_state()
    found = aggregates.needs_attention(
        codes, state.current, cache.store_query("last_update_per_workstream"), state.last_summit
    )
    if not any(found.values()):
        st.caption(t("standing.attention.none"))
        return
    listed = cache.query("workstreams_list")
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
    objectives = with_marked_initiating(with_titles(cache.objectives(filters), "objective", "code", "title"))
    shown = with_objective_standing(objectives, cache.filtered_codes(filters)).assign(
        priority=objectives["priority_type"].map(lambda p: t(f"priority.{p}"))
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


def with_objective_standing(objectives: pd.DataFrame, codes: list[str], code_column: str = "code") -> pd.DataFrame:
    """`objectives` with where each stands, from its workstreams among `codes`: `strip` (one status sign per
    workstream) and `delivery` (on track, off track or not yet assessed: the landing page's one definition)."""
    statuses = aggregates.status_of(cache.progress_state().current)
    by_objective = cache.progress_groups("objective", codes)
    context = cache.delivery_context(codes)
    delivery = dict(zip(context["objective_code"], context["delivery"], strict=True))
    objective_codes = objectives[code_column].tolist()
    return objectives.assign(
        strip=[_strip(by_objective.get(code, []), statuses) for code in objective_codes],
        delivery=[_delivery_text(delivery.get(code, "not_assessed")) for code in objective_codes],
    )


OBJECTIVE_STANDING = {"strip": "column.status_strip", "delivery": "column.delivery"}
OBJECTIVE_STANDING_WIDTHS = {"strip": 100, "delivery": 100}


def _delivery_text(state: str) -> str:
    return look_text(DELIVERY_LOOK, state, t(f"delivery.{state}"))


def with_workstream_standing(
    rows: pd.DataFrame, proposals: bool = False, code_column: str = "code"
) -> tuple[pd.DataFrame, dict[str, str]]:
    """`rows` (one per workstream) with its official status, delivery confidence and the day it was validated,
    and with `proposals` the status proposed since, marked; and the columns to show them, for ui.tables.table."""
    state = cache.progress_state()
    standing = aggregates.standing_of(rows[code_column].tolist(), state.current, state.proposed if proposals else None)
    shown = rows.assign(
        status_label=[status_text(s, t(f"status.{s}")) for s in standing["status"]],
        confidence_label=[_confidence(c, "", short=True) for c in standing["confidence"]],
        validated_on=[_day(day, "") for day in standing["validated_on"]],
        proposed_label=[proposed_text(s) if isinstance(s, str) else "" for s in standing["proposed_status"]],
    )
    columns = {"status_label": "column.official_status", "confidence_label": "column.confidence"}
    columns |= {"validated_on": "column.validated_on"}
    return shown, columns | ({"proposed_label": "column.proposed_status"} if proposals else {})


WORKSTREAM_STANDING_WIDTHS = {"status_label": 140, "confidence_label": 90, "validated_on": 90, "proposed_label": 180}


def portfolio_standing(own: pd.DataFrame, codes: list[str], proposals: bool) -> pd.DataFrame:
    """A portfolio's rows (summaries.portfolio) with where each stands: a workstream it steers, its official status
    (and with `proposals` its proposal, marked); an objective it initiates or joins, its delivery and status strip
    over the workstreams among `codes`."""
    steered, _columns = with_workstream_standing(own, proposals, code_column="workstream_code")
    objectives = with_objective_standing(own, codes, code_column="objective_code")
    is_workstream = own["workstream_code"].astype(bool)
    return steered.assign(
        standing=steered["status_label"].where(
            is_workstream, [f"{d} · {s}" for d, s in zip(objectives["delivery"], objectives["strip"], strict=True)]
        ),
        validated_on=steered["validated_on"].where(is_workstream, ""),
    )


def shared_delivery_line(filters: Filters) -> str:
    """How the objectives shared with the social partners ("gedeelde") stand: how many are on track, off track or
    not yet assessed, among those with a passing workstream (the landing page's one definition)."""
    codes = cache.filtered_codes(filters)
    objectives = cache.objectives(filters)
    shared = set(objectives.loc[objectives["priority_type"] == "shared", "code"])
    context = cache.delivery_context(codes)
    found = Counter(
        state for code, state in zip(context["objective_code"], context["delivery"], strict=True) if code in shared
    )
    parts = " · ".join(f"{_delivery_text(state)} **{found[state]}**" for state in DELIVERY_LOOK)
    return t("partners.shared_delivery", count=len(shared), parts=parts)


def _facts(facts: Sequence[tuple[str, str]]) -> None:
    """Labelled values side by side, each in full (st.metric cuts "Abandoned / reoriented" or a long strip short)."""
    for column, (label, value) in zip(st.columns(len(facts)), facts, strict=True):
        column.caption(t(label))
        column.markdown(f"**{value}**")


def _confidence(level: object, missing: str, short: bool = False) -> str:
    """A confidence level with its sign, in full ("Red: delivery in doubt") or, in a grid, short ("Red")."""
    if not isinstance(level, str):
        return missing
    return confidence_text(level, t(f"confidence.short.{level}" if short else f"confidence.{level}"))


def _day(day: object, missing: str) -> str:
    return format_day(day) if isinstance(day, date) else missing


def status_line(codes: list[str]) -> None:
    """How many of `codes` have each official status, as one line of signs and counts (statuses at zero left out,
    "not yet assessed" always said)."""
    statuses = aggregates.status_of(cache.progress_state().current)
    counts = aggregates.status_counts({"all": codes}, statuses)
    parts = [
        f"{status_text(status, t(f'status.{status}'))}: **{count}**"
        for status, count in zip(counts["status"], counts["workstreams"], strict=True)
        if count or status == "not_assessed"
    ]
    st.markdown(" · ".join(parts))


def workstream_standing(code: str, proposals: bool) -> None:
    """One workstream's official status, confidence and when it was validated; with `proposals`, its proposal."""
    state = cache.progress_state()
    standing = aggregates.standing_of([code], state.current, state.proposed).iloc[0]
    status, confidence, day = standing["status"], standing["confidence"], standing["validated_on"]
    with st.container(border=True):
        facts = (
            ("column.official_status", status_text(status, t(f"status.{status}"))),
            ("column.confidence", _confidence(confidence, "—")),
            ("column.validated_on", _day(day, "—")),
        )
        _facts(facts)
        if status == "not_assessed":
            st.caption(t("standing.workstream_not_assessed"))
        if proposals and isinstance(standing["proposed_status"], str):
            st.info(t("standing.workstream_proposal", status=proposed_text(standing["proposed_status"])))


def workstream_history(code: str, proposals: bool) -> None:
    """The dated history of one workstream's updates: what was validated or returned, and when; with `proposals`,
    the proposals awaiting validation too, marked."""
    history = cache.store_query("progress_history", code=code)
    if not proposals:
        history = history[history["decision"].notna()]
    st.subheader(t("standing.history"))
    history_table(history, key="workstream_history_table", export=f"history_{code}")


def history_table(history: pd.DataFrame, key: str, export: str) -> None:
    """Updates of one workstream (progress_history, newest first): the day their status refers to, the status (marked
    "proposed — awaiting validation" until decided), the decision, its day and comment, who proposed it (full name),
    the narrative and the evidence."""
    if history.empty:
        st.caption(t("report.no_history"))
        return
    shown = with_full_names(history, "proposed_by").assign(
        status_label=[update_status_text(s, d) for s, d in zip(history["status"], history["decision"], strict=True)],
        decision_label=history["decision"].map(decision_text),
        as_of_day=history["as_of"].map(format_day),
        decided=history["decided_at"].map(lambda moment: format_day(moment.date()) if pd.notna(moment) else ""),
        evidence_url=evidence_links(history["evidence_url"]),
    )
    table(
        shown,
        {
            "as_of_day": "column.as_of",
            "status_label": "column.status",
            "decision_label": "column.decision",
            "decided": "column.decided_at",
            "decision_comment": "column.comment",
            "proposed_by": "column.proposed_by",
            "narrative": "column.narrative",
            "evidence_url": "column.evidence_url",
        },
        key=key,
        widths={
            "as_of_day": 95,
            "status_label": 150,
            "decision_label": 95,
            "decided": 95,
            "decision_comment": 110,
            "proposed_by": 110,
            "narrative": 170,
            "evidence_url": 80,
        },
        lines=4,  # a grid, not a table to read: st.table would render the entered texts as Markdown
        links=("evidence_url",),
        export=export,
    )


def update_status_text(status: str, decision: object) -> str:
    """An update's status as every history writes it: as it is once decided, marked as a proposal until then."""
    return status_text(status, t(f"status.{status}")) if isinstance(decision, str) else proposed_text(status)


def decision_text(decision: object) -> str:
    """What the secretariat decided on an update (validated, returned), or that it awaits validation."""
    return t(f"decision.{decision}" if isinstance(decision, str) else "decision.pending")


def objective_standing(code: str) -> None:
    """One objective's delivery and its workstreams' official statuses, at the top of its fiche."""
    listed = cache.query("workstreams_list")
    codes = listed[listed["objective_code"] == code]["code"].tolist()
    state, _on, _off, not_assessed = cache.objective_delivery(code, codes)
    statuses = aggregates.status_of(cache.progress_state().current)
    with st.container(border=True):
        _facts((("column.delivery", _delivery_text(state)), ("column.status_strip", _strip(codes, statuses))))
        status_line(codes)
        st.caption(t("standing.objective_assessed", count=len(codes) - not_assessed, total=len(codes)))


def _strip(codes: list[str], statuses: dict[str, str]) -> str:
    """One status sign per workstream, in strategy order (the signs the legend and the charts use)."""
    return "".join(STATUS_LOOK[statuses.get(code, "not_assessed")].icon for code in codes)
