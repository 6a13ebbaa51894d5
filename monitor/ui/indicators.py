"""Streamlit pieces of the indicators and targets: the key-figures table, one indicator's view, a target's
check, the indicators of an objective (editorial links) and the delivery × context view."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.core.errors import Conflict
from monitor.core.formats import format_number, separators
from monitor.explore import charts
from monitor.explore.looks import DELIVERY_LOOK, DIRECTION_LOOK, TARGET_LOOK, look_text
from monitor.indicators import analysis, entries
from monitor.ui.flash import flash
from monitor.ui.language import DATE_INPUT_FORMAT, format_day, format_moment, labelled, language, own, t
from monitor.ui.markdown import plain
from monitor.ui.people import full_name
from monitor.ui.plots import chart
from monitor.ui.provenance import source
from monitor.ui.tables import downloads, table
from monitor.ui.titles import markdown_title, title_of, with_titles

INDICATORS_PAGE = "pages/explore/indicators.py"
OBJECTIVES_PAGE = "pages/explore/objectives.py"
TARGETS_PAGE = "pages/explore/targets.py"


def direction_label(state: str) -> str:
    return look_text(DIRECTION_LOOK, state, t(f"direction.{state}"))


def target_label(state: str) -> str:
    return look_text(TARGET_LOOK, state, t(f"target_state.{state}"))


def number(value: float | None, indicator_id: str, decimals: dict[str, int]) -> str:
    return format_number(value, language(), decimals.get(indicator_id, 2))


TABLE_YEARS = 7  # at most this many year columns fit beside the names at 1366 px


def table_years(values: pd.DataFrame, printed: pd.DataFrame) -> list[int]:
    """The years of the key-figures table: from the document's first year on (a base year entered for a target,
    far back, is shown in that indicator's own view), the latest TABLE_YEARS of them."""
    first = int(printed["year"].min())
    return sorted(int(y) for y in values["year"].unique() if y >= first)[-TABLE_YEARS:]


def key_figures_table(
    readings: pd.DataFrame, values: pd.DataFrame, decimals: dict[str, int], years: list[int]
) -> pd.DataFrame:
    """One row per indicator: name, unit, one column per year (n.b. where the source says so, — where no value
    was ever given for that year), direction."""
    rows = []
    for reading in readings.to_dict("records"):
        series = analysis.series_of(values, reading["indicator_id"])
        rows.append(
            {
                t("column.indicator"): reading["name"],
                t("column.unit"): reading["unit"],
                **{
                    str(year): number(series[year], reading["indicator_id"], decimals) if year in series else "—"
                    for year in years
                },
                t("column.direction"): direction_label(reading["state"]),
            }
        )
    return pd.DataFrame(rows)


def direction_sentence(reading: dict, decimals: dict[str, int]) -> str:
    """Why the direction is what it is: the two values compared, the change and the threshold."""
    state = reading["state"]
    if state == "insufficient" or pd.isna(reading["previous_year"]):
        return t("indicators.why_insufficient")
    values = {
        "before_year": int(reading["previous_year"]),
        "after_year": int(reading["latest_year"]),
        "before": number(reading["previous_value"], reading["indicator_id"], decimals),
        "after": number(reading["latest_value"], reading["indicator_id"], decimals),
        "unit": reading["unit"],
    }
    if state == "not_judged":
        return t("indicators.why_not_judged", **values)
    change = format_number(reading["change"], language(), 2)
    threshold = format_number(reading["threshold"], language(), 1)
    if reading["desired"] == "towards_zero":  # a gap: its size changed, whatever its sign
        return t("indicators.why_gap", change=change, threshold=threshold, **values)
    return t(f"indicators.why_{reading['threshold_kind']}", change=change, threshold=threshold, **values)


def render_indicator(indicator_id: str, readings: pd.DataFrame, values: pd.DataFrame, decimals: dict[str, int]):
    reading = readings.set_index("indicator_id").loc[indicator_id].to_dict() | {"indicator_id": indicator_id}
    series = analysis.series_of(values, indicator_id)
    st.header(plain(reading["name"]))  # an entered title, as typed
    st.caption(
        t("indicators.unit_source", unit=reading["unit"], source=reading["source"])
        + " · "
        + source(reading["document"], reading["line_start"], reading["line_end"])
    )
    latest = analysis.points(series)
    top = st.columns(2)
    if latest:
        year, value = latest[-1]
        top[0].metric(t("indicators.latest", year=year, unit=reading["unit"]), number(value, indicator_id, decimals))
    else:
        top[0].metric(t("indicators.latest_none"), format_number(None, language()))
    top[1].metric(t("column.direction"), direction_label(reading["state"]))
    st.markdown(direction_sentence(reading, decimals))
    desired = reading["desired"] or "none"
    why = own(reading, "rationale")
    st.caption(t("indicators.editorial_direction", desired=t(f"desired.{desired}"), rationale=why))

    checks = _checks_of(indicator_id)
    path = next((check.path() for _target, check in checks if check.path()), [])
    years, shown = analysis.every_year(series)
    summary = t(
        "indicators.line_summary", name=plain(reading["name"]), count=len(latest), gaps=len(years) - len(latest)
    )
    _line_chart(years, shown, reading, path or None, "indicator_chart", indicator_id, summary)
    _values_table(indicator_id, values, decimals)
    _history(indicator_id, decimals)
    _linked_objectives(indicator_id)
    for target, check in checks:
        st.markdown(f"**{t('targets.measures')}:** “{plain(target['quote'])}” — {target_label(check.state)}")
        st.page_link(TARGETS_PAGE, label=t("targets.open"))


def _line_chart(
    years: list[int],
    shown: list[float | None],
    reading: dict,
    trajectory: list[tuple[int, float]] | None,
    key: str,
    filename: str,
    summary: str,
) -> None:
    """An indicator's yearly line (gaps left open) with the trajectory to its target, if any."""
    figure = charts.indicator_line(
        years,
        shown,
        reading["name"],
        reading["unit"],
        separators(language()),
        trajectory=trajectory,
        trajectory_name=t("targets.trajectory"),
    )
    chart(figure, key=key, filename=filename, summary=summary)


def _checks_of(indicator_id: str) -> list[tuple[dict, analysis.TargetCheck]]:
    targets = cache.query("targets_all")
    checks = cache.target_checks()
    return [
        (row, checks[row["target_id"]])
        for row in targets[targets["indicator_id"] == indicator_id].to_dict("records")
        if row["target_id"] in checks
    ]


def _values_table(indicator_id: str, values: pd.DataFrame, decimals: dict[str, int]) -> None:
    st.subheader(t("indicators.values"))
    printed = cache.query("indicator_values_all")
    printed = printed[printed["indicator_id"] == indicator_id].set_index("year")
    rows = []
    for row in values[values["indicator_id"] == indicator_id].to_dict("records"):
        line = printed.loc[row["year"]] if row["year"] in printed.index else None
        if row["origin"] == "document":
            origin = source(line["document"], line["line_start"], line["line_end"])
        elif line is not None:  # a revision of a year the document prints (n.b. included)
            origin = t("indicators.origin_revision", printed=line["value_printed"], line=int(line["line_start"]))
        else:
            origin = t("indicators.origin_entered")
        rows.append(
            {
                "year": str(row["year"]),
                "value": number(row["value"], indicator_id, decimals),
                "source": row["source"],
                "origin": origin,
            }
        )
    table(
        pd.DataFrame(rows),
        {"year": "column.year", "value": "column.value", "source": "column.source", "origin": "column.origin"},
        key="indicator_values_table",
        widths={"year": 60, "value": 100, "source": 230, "origin": 440},  # fit 1366 px; a long origin wraps
        lines=3,
        export=f"values_{indicator_id}",
    )


def _history(indicator_id: str, decimals: dict[str, int]) -> None:
    history = cache.indicator_history(indicator_id)
    if history.empty:
        st.caption(t("indicators.no_revisions"))
        return
    st.subheader(t("indicators.history", count=len(history)))
    shown = pd.DataFrame(
        {
            "year": history["year"].astype(str),
            "value": [number(v, indicator_id, decimals) for v in history["value"]],
            "source": history["source"],
            "source_date": [format_day(d.date()) if pd.notna(d) else "" for d in history["source_date"]],
            "entry": [
                t("indicators.by_import", file=f, id=int(i)) if pd.notna(i) else t("indicators.by_hand")
                for f, i in zip(history["file_name"], history["import_id"], strict=True)
            ],
            "recorded_by": [full_name(account) for account in history["recorded_by"]],
            "recorded_at": history["recorded_at"].map(format_moment),
        }
    )
    table(
        shown,
        {
            "year": "column.year",
            "value": "column.value",
            "source": "column.source",
            "source_date": "column.source_date",
            "entry": "column.entry",
            "recorded_by": "column.recorded_by",
            "recorded_at": "column.recorded_at",
        },
        key="indicator_history_table",
        widths={  # fit 1366 px; a long source or file name wraps
            "year": 55,
            "value": 85,
            "source": 220,
            "source_date": 110,
            "entry": 175,
            "recorded_by": 95,
            "recorded_at": 120,
        },
        lines=3,
        export=f"history_{indicator_id}",
    )


def _linked_objectives(indicator_id: str) -> None:
    links = cache.query("indicator_objective_links")
    links = links[links["indicator_id"] == indicator_id]
    st.subheader(t("indicators.linked_objectives", count=len(links)))
    st.caption(t("indicators.editorial_links"))
    for row in links.to_dict("records"):
        title = markdown_title("objective", row["objective_code"], row["objective_title"])
        st.page_link(
            OBJECTIVES_PAGE,
            label=f"{row['objective_code']} · {title}",
            query_params={"objective": row["objective_code"]},
        )
        st.caption(f"{labelled('indicators.editorial_link')} {plain(own(row, 'rationale'))}")  # 'Lien éditorial :'


def objective_indicators(code: str) -> None:
    """On an objective's fiche: its editorially linked indicators, latest value and direction, and its context."""
    linked = cache.query("indicators_of_objective", code=code)
    st.subheader(t("indicators.of_objective", count=len(linked)))
    st.caption(t("indicators.editorial_links"))
    if linked.empty:
        st.caption(t("indicators.none_linked"))
        return
    readings = cache.indicator_readings().set_index("indicator_id")
    decimals = cache.indicator_decimals()
    for row in linked.to_dict("records"):
        reading = readings.loc[row["indicator_id"]]
        latest = (
            f"{number(reading['latest_value'], row['indicator_id'], decimals)} {reading['unit']}"
            f" ({int(reading['latest_year'])})"
            if pd.notna(reading["latest_year"])
            else format_number(None, language())
        )
        st.page_link(
            INDICATORS_PAGE,
            label=f"{markdown_title('indicator', row['indicator_id'], row['name'])}: {latest}"
            f" · {direction_label(reading['state'])}",
            query_params={"indicator": row["indicator_id"]},
        )
        st.caption(f"{labelled('indicators.editorial_link')} {plain(own(row, 'rationale'))}")  # 'Lien éditorial :'
    targets = cache.query("targets_all")
    checks = cache.target_checks()
    for row in targets[(targets["objective_code"] == code) & targets["indicator_id"].notna()].to_dict("records"):
        st.markdown(
            f"**{t('targets.measures')}:** “{plain(row['quote'])}” — {target_label(checks[row['target_id']].state)}"
        )
        st.page_link(TARGETS_PAGE, label=t("targets.open"))
    states = [state for _i, state in cache.objective_indicator_directions().get(code, [])]
    context = analysis.objective_context(states)
    codes = cache.query("workstreams_list")
    codes = codes[codes["objective_code"] == code]["code"].tolist()
    delivery = cache.objective_delivery(code, codes)
    st.markdown(
        t(
            "context.of_objective",
            delivery=look_text(DELIVERY_LOOK, delivery[0], t(f"delivery.{delivery[0]}")),
            context=t(f"context_state.{context}"),
        )
    )
    st.caption(t("context.caveat"))


def delivery_context(codes: list[str]) -> None:
    """The 2 × 2 view: objectives by delivery (their workstreams) and context (their linked indicators)."""
    st.caption(t("context.explain"))
    frame = cache.delivery_context(codes)
    if frame.empty:
        st.info(t("context.nothing"))
        return
    cells = {}
    for row in frame.to_dict("records"):
        cells.setdefault((row["delivery"], row["context"]), []).append(row["objective_code"])
    header = st.columns([1.2, 2, 2])
    header[1].markdown(f"**{direction_label('improving')}**")
    header[2].markdown(f"**{direction_label('worsening')}**")
    for delivery in ("on_track", "off_track"):
        line = st.columns([1.2, 2, 2])
        line[0].markdown(f"**{look_text(DELIVERY_LOOK, delivery, t(f'delivery.{delivery}'))}**")
        for column, context in zip(line[1:], ("improving", "worsening"), strict=True):
            found = cells.get((delivery, context), [])
            with column.container(border=True):
                st.markdown(t(f"context.cell.{delivery}.{context}", count=len(found)))
                st.markdown(", ".join(found) or "—")
    rest = frame[
        ~(frame["delivery"].isin(["on_track", "off_track"]) & frame["context"].isin(["improving", "worsening"]))
    ]
    if not rest.empty:
        st.markdown(t("context.outside", count=len(rest)))
    readings = cache.indicator_readings()
    names = {i: title_of("indicator", i, n) for i, n in zip(readings["indicator_id"], readings["name"], strict=True)}
    shown = with_titles(frame, "objective", "objective_code", "objective_title").assign(
        delivery_label=[look_text(DELIVERY_LOOK, d, t(f"delivery.{d}")) for d in frame["delivery"]],
        context_label=[t(f"context_state.{c}") for c in frame["context"]],
        indicators=[
            "; ".join(f"{names[i]}: {direction_label(state)}" for i, state in states)
            for states in frame["indicator_states"]
        ],
    )
    shown["workstreams"] = [
        f"✓ {a} · ✗ {b} · ? {c}"
        for a, b, c in zip(frame["on_track"], frame["off_track"], frame["not_assessed"], strict=True)
    ]
    columns = {
        "objective_code": ("column.code", 50),
        "objective_title": ("column.objective_title", 250),
        "delivery_label": ("column.delivery", 130),
        "workstreams": ("column.delivery_counts", 120),
        "context_label": ("column.context", 150),
        "indicators": ("column.indicator_directions", 200),
    }
    displayed = shown[list(columns)].rename(columns={c: t(k) for c, (k, _w) in columns.items()})
    st.dataframe(  # pixel widths: the six columns fit 1366 px beside the sidebar
        displayed,
        hide_index=True,
        key="context_table",
        height=min(1400, 35 * (len(shown) + 1) + 3),
        column_config={
            t(k): st.column_config.Column(width=w, help=t("help.delivery_counts") if c == "workstreams" else None)
            for c, (k, w) in columns.items()
        },
    )
    downloads(displayed, "delivery_context", "context_table")
    st.warning(t("context.caveat"))


def target_sentence(check: analysis.TargetCheck, indicator_id: str, unit: str, decimals: dict[str, int]) -> str:
    """What a target check found, in words: the base, the target level, the value needed now and the latest."""
    if check.state == "base_missing":
        return t("targets.why_base_missing", year=check.base_year)
    values = {
        "base_year": check.base_year,
        "base": number(check.base_value, indicator_id, decimals),
        "target_year": check.target_year,
        "level": format_number(check.target_level, language(), 2),
        "unit": unit,
    }
    if check.state == "no_value_since_base":
        return t("targets.why_no_value", **values)
    return t(
        "targets.why_checked",
        latest_year=check.latest[0],
        latest=number(check.latest[1], indicator_id, decimals),
        needed=format_number(check.needed, language(), 2),
        **values,
    )


def render_target(row: dict, check: analysis.TargetCheck, user, key: str) -> None:
    """One measurable target: quote and source, its check, the path, and for the secretariat a missing base value."""

    reading = cache.indicator_readings().set_index("indicator_id").loc[row["indicator_id"]]
    decimals = cache.indicator_decimals()
    where = row["objective_code"] if isinstance(row["objective_code"], str) else t("targets.introduction")
    with st.container(border=True):
        st.markdown(f"**{where}** · “{plain(row['quote'])}”")
        st.caption(source(row["document"], row["line_start"], row["line_end"]))
        st.page_link(
            INDICATORS_PAGE,
            label=t(
                "targets.measured_by",
                name=markdown_title("indicator", row["indicator_id"], reading["name"]),
                unit=reading["unit"],
            ),
            query_params={"indicator": row["indicator_id"]},
        )
        st.caption(t("targets.link_rationale", rationale=plain(own(row, "link_rationale"))))
        sentence = target_sentence(check, row["indicator_id"], reading["unit"], decimals)
        st.markdown(f"**{target_label(check.state)}** — {sentence}")
        series = cache.indicator_series(row["indicator_id"])
        if check.path():
            years, shown = analysis.every_year(series)
            _line_chart(years, shown, reading, check.path(), f"{key}_chart", f"target_{row['target_id']}", sentence)
        if check.state == "base_missing":
            _base_value_form(row, check, user, key)


def _base_value_form(row: dict, check: analysis.TargetCheck, user, key: str) -> None:
    if user is None or not user.is_admin:
        st.caption(t("targets.base_admin_only"))
        return
    with st.form(f"{key}_base_form"):
        st.markdown(t("targets.add_base", year=check.base_year))
        value = st.text_input(t("column.value"), key=f"{key}_base_value", help=t("help.value_format"))
        origin = st.text_input(t("column.source"), key=f"{key}_base_source", help=t("help.base_source"))
        published = st.date_input(  # a figure for a year is published in that year or later, never in the future
            t("column.source_date"),
            value=None,
            min_value=date(check.base_year, 1, 1),
            max_value=date.today(),
            key=f"{key}_base_date",
            format=DATE_INPUT_FORMAT,
        )
        if not st.form_submit_button(t("targets.add_base_submit"), key=f"{key}_base_submit"):
            return
    parsed = entries.parse_value(value or "")
    new = entries.NewValue(row["indicator_id"], check.base_year, parsed or 0.0, origin or "", published)
    cells = {
        "indicator": row["indicator_id"],
        "year": str(check.base_year),
        "value": value or "",
        "source": origin or "",
        "date": published.isoformat() if published else "",
    }
    _checked, problems = entries.check_row(0, cells, {row["indicator_id"]: row["indicator_id"]}, date.today())
    if problems:
        st.error("\n".join(f"- **{t(f'column.{p.column}')}**: {t(p.key, **p.values)}" for p in problems))
        return
    try:
        entries.add_value(user, new, 0, [row["indicator_id"]])
    except Conflict:
        st.error(t("targets.base_conflict"))
        return
    flash("targets.base_added", year=check.base_year)
    st.rerun()


def target_groups(targets: pd.DataFrame) -> dict[str, list[dict]]:
    """The targets by where they are printed, under a Markdown label: the introduction first, then each objective
    (code · title, an entered title escaped to show as typed)."""
    groups: dict[str, list[dict]] = {}
    for row in targets.to_dict("records"):
        code = row["objective_code"]
        name = (
            f"{code} · {markdown_title('objective', code, row['objective_title'])}"
            if isinstance(code, str)
            else t("targets.introduction")
        )
        groups.setdefault(name, []).append(row)
    return groups


def _measured(row: dict, checks: dict[int, analysis.TargetCheck]) -> str:
    if not isinstance(row["indicator_id"], str):
        return t("targets.no")
    return target_label(checks[row["target_id"]].state)


def target_item(row: dict, checks: dict[int, analysis.TargetCheck]) -> str:
    """One target as a Markdown list item: kind, workstream, years, the quote, whether it is measured, source."""
    kind = row["kind"]
    parts = [f"**{t(f'target_kind.{kind}')}**"]
    if isinstance(row["workstream_code"], str):
        parts.append(row["workstream_code"])
    if pd.notna(row["target_year"]):
        parts.append(f"{t('column.target_year')} {int(row['target_year'])}")
    if pd.notna(row["base_year"]):
        parts.append(f"{t('column.base_year')} {int(row['base_year'])}")
    where = source(row["document"], row["line_start"], row["line_end"])
    return f"- {' · '.join(parts)} — “{plain(row['quote'])}”  \n  {_measured(row, checks)} · {where}"


def targets_table(targets: pd.DataFrame, checks: dict[int, analysis.TargetCheck]) -> pd.DataFrame:
    """Every target as one table for the CSV and Excel downloads (translated headers)."""
    return pd.DataFrame(
        {
            t("column.objective"): [
                c if isinstance(c, str) else t("targets.introduction") for c in targets["objective_code"]
            ],
            t("column.workstream"): targets["workstream_code"].fillna(""),
            t("column.kind"): [t(f"target_kind.{k}") for k in targets["kind"]],
            t("column.quote"): targets["quote"],
            t("column.target_year"): [str(int(y)) if pd.notna(y) else "" for y in targets["target_year"]],
            t("column.base_year"): [str(int(y)) if pd.notna(y) else "" for y in targets["base_year"]],
            t("column.measured"): [_measured(row, checks) for row in targets.to_dict("records")],
            t("column.source"): [
                source(*r) for r in zip(targets["document"], targets["line_start"], targets["line_end"], strict=True)
            ],
        }
    )
