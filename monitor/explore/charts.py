"""Chart builders: DataFrame in, plotly figure out (as a plain figure dict). No Streamlit here.

Figures are built as dicts in plotly's JSON schema rather than through plotly's object API: the object API
validates every assignment and costs ~30 ms per chart on this hardware, the dict ~1 ms. The dicts are written
in the form plotly's validation gives them (texts as strings, the template expanded), so that rendering can
send them as they are (monitor.ui.plots.chart); tests/test_languages.py holds every chart the pages draw to that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

import pandas as pd

from monitor.core import frames
from monitor.explore.looks import CONFIDENCE_LOOK, DELIVERY_LOOK, STATUS_LOOK, Look

Figure = dict[str, Any]

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = {
    "shared": "#0072B2",  # blue
    "consulted": "#E69F00",  # orange
    "mixed": "#009E73",  # bluish green
}
PATTERNS = {"shared": "", "consulted": "/", "mixed": "."}  # a second cue besides colour
# Bars get a dark outline: light fills (orange, sky blue, grey) alone have less than the 3:1 contrast
# against the white plot that WCAG 1.4.11 asks of graphical marks; the outline carries the edge.
EDGE = {"color": "#31333F", "width": 1}
PRIORITY_ORDER = ("shared", "consulted", "mixed")
FONT = {"family": "sans-serif", "size": 14}
# Text drawn on the chart's paper (ticks, axis titles, node labels, notes) in the theme's text colour, 12.6:1 on
# white: Streamlit's chart theme draws it in a grey of 3.7:1, short of the 4.5:1 WCAG 1.4.3 asks of 12-14 px text,
# and yields to colours a figure sets itself.
TEXT_COLOUR = "#31333F"
LEGEND_ON_TOP = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"}
# plotly's "none" template as its validation writes it out.
NO_TEMPLATE: dict[str, Any] = {"data": {"scatter": [{"type": "scatter"}]}}
SHOW_LEGEND = {"showlegend": True, "legend": LEGEND_ON_TOP}  # also with one trace: it names the colour


def _priority_marker(priority: str) -> dict[str, Any]:
    colour = PALETTE[priority]
    return {
        "color": colour,
        "line": EDGE,
        "pattern": {
            "shape": PATTERNS[priority],
            "bgcolor": colour,
            "fgcolor": "#ffffff",
            "fgopacity": 0.3,
            "fillmode": "replace",
        },
    }


def _layout(height: int, **extra: Any) -> dict[str, Any]:
    return {
        # No plotly template: Streamlit's theme styles the chart in the browser anyway, and validating and
        # sending plotly's default template (~10 kB) cost more than half of each chart's time on the server.
        "template": NO_TEMPLATE,
        "font": FONT,
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "plot_bgcolor": "#ffffff",
        **extra,
    }


def with_readable_text(figure: dict) -> dict:
    """`figure` with TEXT_COLOUR for the text on its paper wherever the figure sets no colour of its own: the
    default font (node labels, notes), every axis's ticks and title, the legend and its title."""
    layout = {**figure.get("layout", {})}
    layout["font"] = {"color": TEXT_COLOUR, **layout.get("font", {})}
    axes = [name for name in layout if re.fullmatch(r"[xy]axis\d*", name)]
    for name in {"xaxis", "yaxis", *axes}:
        axis = {**layout.get(name, {})}
        axis["tickfont"] = {"color": TEXT_COLOUR, **axis.get("tickfont", {})}
        title = axis.get("title", {})
        title = {"text": title} if isinstance(title, str) else title
        axis["title"] = {**title, "font": {"color": TEXT_COLOUR, **title.get("font", {})}}
        layout[name] = axis
    legend = {**layout.get("legend", {})}
    legend["font"] = {"color": TEXT_COLOUR, **legend.get("font", {})}
    layout["legend"] = legend
    return {**figure, "layout": layout}


def _by_pillar_and_priority(frame: pd.DataFrame) -> dict[tuple[int, str], tuple[int, str]]:
    """{(pillar, priority type): (objectives, their codes)} - plain Python: the frame has a few rows and
    pandas' per-call overhead cost more than the chart itself on every filter change."""
    rows = frames.values(frame, "pillar", "priority_type", "objectives", "objective_codes")
    return {(int(p), kind): (int(n), codes) for p, kind, n, codes in rows}


def priority_types_by_pillar(
    frame: pd.DataFrame, label: Callable[[str], str], pillar_label: Callable[[int], str], axis_title: str
) -> Figure:
    """Horizontal stacked bars: objectives per pillar, split by priority type (hover lists the codes)."""
    cells = _by_pillar_and_priority(frame)
    pillars = sorted({pillar for pillar, _kind in cells})
    data = []
    for priority in PRIORITY_ORDER:
        counts = [cells.get((p, priority), (0, ""))[0] for p in pillars]
        if not sum(counts):
            continue
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label(priority),
                "y": [pillar_label(p) for p in pillars],
                "x": counts,
                "text": [str(n) for n in counts],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "textfont": {"color": "#ffffff" if priority == "shared" else "#000000", "size": 16},
                "marker": _priority_marker(priority),
                "customdata": [cells.get((p, priority), (0, ""))[1] for p in pillars],
                "hovertemplate": "%{y}<br>" + label(priority) + ": %{x}<br>%{customdata}<extra></extra>",
            }
        )
    layout = _layout(
        260,
        barmode="stack",
        **SHOW_LEGEND,
        xaxis={"title": {"text": axis_title}, "dtick": 1, "rangemode": "tozero"},
        yaxis={"autorange": "reversed"},
    )
    return {"data": data, "layout": layout}


def priority_summary(frame: pd.DataFrame, label: Callable[[str], str]) -> dict[int, str]:
    """Per pillar, 'Shared 3 (1.1, 1.2, 1.7), Consulted …' - the text twin of the chart."""
    cells = _by_pillar_and_priority(frame)
    summary: dict[int, str] = {}
    for pillar in sorted({pillar for pillar, _kind in cells}):
        parts = [
            f"{label(kind)} {cells[pillar, kind][0]} ({cells[pillar, kind][1]})"
            for kind in PRIORITY_ORDER
            if (pillar, kind) in cells
        ]
        summary[pillar] = ", ".join(parts)
    return summary


def _is_short(word: str) -> bool:
    return len(word.rstrip(",;")) <= 3  # van, de, en, het, du, et: a label ending on one says little


def short_label(text: str, limit: int = 42) -> str:
    """An axis label: the text's whole words up to `limit` characters, with an ellipsis.

    It never ends on a short word: those are left out ("Minister van Werk …") or, where that would leave too
    little to tell what it is ("Ministers …"), the next words are taken up to a longer one."""
    if len(text) <= limit:
        return text
    words = text.split(" ")
    count = 0
    while count < len(words) and len(" ".join(words[: count + 1]).rstrip(",;")) <= limit:
        count += 1
    if not count:
        return text[:limit] + "…"
    fewer = count
    while fewer and _is_short(words[fewer - 1]):
        fewer -= 1
    if len(" ".join(words[:fewer])) * 2 >= limit:
        count = fewer
    while count < len(words) and _is_short(words[count - 1]):
        count += 1
    return text if count == len(words) else " ".join(words[:count]).rstrip(",;") + " …"


def short_labels(texts: list[str], limit: int) -> list[str]:
    """Short labels of `texts` that tell different texts apart: where two would read the same ("Minister van …"),
    each is given one more word until they differ. A category axis would otherwise draw the two as one."""
    distinct = list(dict.fromkeys(texts))
    limits = dict.fromkeys(distinct, limit)
    while True:
        labels = {text: short_label(text, limits[text]) for text in distinct}
        readers: dict[str, list[str]] = {}
        for text, label in labels.items():
            readers.setdefault(label, []).append(text)
        clashing = [text for same in readers.values() if len(same) > 1 for text in same if len(text) > limits[text]]
        if not clashing:
            return [labels[text] for text in texts]
        for text in clashing:  # one more word each
            while short_label(text, limits[text]) == labels[text]:
                limits[text] += 1


MATRIX_SCALE = [[0.0, "#f7fbff"], [0.2, "#c6dbef"], [0.5, "#6baed6"], [0.8, "#2171b5"], [1.0, "#08306b"]]


def responsibility_matrix(cells: pd.DataFrame) -> Figure:
    """Members × objectives; each cell says I (initiating), A (associated), S n (steers n workstreams).

    The letters carry the meaning; the shade only repeats it. customdata = [member_id, objective_code].
    """
    rows = frames.dicts(cells)  # a few hundred cells: plain Python beats pandas' per-call overhead here
    members = {r["member_id"]: r for r in sorted(rows, key=lambda r: r["member_order"])}
    objectives = list(dict.fromkeys(r["objective_code"] for r in sorted(rows, key=lambda r: r["objective_order"])))
    lookup = {(r["member_id"], r["objective_code"]): r for r in rows}
    z, text, custom, hover = [], [], [], []
    for member_id, member in members.items():
        found = [lookup.get((member_id, objective)) for objective in objectives]
        z.append([cell["strength"] if cell else None for cell in found])
        text.append([cell["cell"] if cell else "" for cell in found])
        custom.append([[member_id, objective] for objective in objectives])
        hover.append(
            [
                f"{member['member_name']}<br>{o}: {c['cell'] if c else '—'}"
                for o, c in zip(objectives, found, strict=True)
            ]
        )
    trace = {
        "type": "heatmap",
        "z": z,
        "x": objectives,
        "y": short_labels([member["member_name"] for member in members.values()], 42),
        "text": text,
        "texttemplate": "%{text}",
        "textfont": {"size": 13},
        "customdata": custom,
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "colorscale": MATRIX_SCALE,
        "zmin": 0,
        "zmax": 6,
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
    }
    layout = _layout(
        max(220, 90 + 30 * len(members)),
        dragmode=False,
        xaxis={"side": "top", "type": "category"},
        yaxis={"autorange": "reversed", "type": "category"},
    )
    return {"data": [trace], "layout": layout}


STATED_LINK, INFERRED_LINK = "rgba(120,120,120,0.25)", "rgba(213,94,0,0.45)"  # grey; Okabe–Ito vermilion


def responsibility_flow(links: pd.DataFrame, inferred: str = "inferred") -> Figure:
    """Sankey: members → objectives (→ workstreams); short labels, full names in the hover. A link that rests only
    on titles the Monitor reads as the member (links["stated"] False) is drawn orange and says `inferred` on hover."""
    sources, targets_in_order = links["source"].tolist(), links["target"].tolist()
    nodes = list(dict.fromkeys([*sources, *targets_in_order]))
    position = {name: index for index, name in enumerate(nodes)}
    targets = set(targets_in_order)
    colours = ["#0072B2" if n not in targets else "#E69F00" if n.count(".") == 1 else "#009E73" for n in nodes]
    trace = {
        "type": "sankey",
        "arrangement": "snap",
        "node": {
            "label": short_labels(nodes, 34),
            "customdata": nodes,
            "color": colours,
            "hovertemplate": "%{customdata}<extra></extra>",
            "pad": 14,  # at least a 12 px label's height between nodes: small nodes' labels never overlap
            "thickness": 14,
        },
        "link": {
            "source": [position[s] for s in sources],
            "target": [position[t] for t in targets_in_order],
            "value": links["value"].tolist(),
            "color": [STATED_LINK if stated else INFERRED_LINK for stated in links["stated"].tolist()],
            "customdata": ["" if stated else f" ({inferred})" for stated in links["stated"].tolist()],
            "hovertemplate": "%{source.customdata} → %{target.customdata}%{customdata}<extra></extra>",
        },
    }
    tallest = max(len(set(sources)), len(targets), 0)
    layout = _layout(
        max(420, 30 * tallest), font={"family": "sans-serif", "size": 12}, margin={"l": 10, "r": 10, "t": 10, "b": 10}
    )
    return {"data": [trace], "layout": layout}


def _status_marker(look: Look) -> dict[str, Any]:
    return {
        "color": look.colour,
        "line": EDGE,
        "pattern": {"shape": look.pattern, "bgcolor": look.colour, "fgcolor": "#ffffff", "fgopacity": 0.35},
    }


def status_bars(
    counts: pd.DataFrame, label: Callable[[str], str], axis_title: str, group_label: Callable[[str], str] = str
) -> Figure:
    """Horizontal bars per group, stacked by status (icon + name in the legend, colour and pattern); a bar's
    customdata is its group's label, its workstream codes and the group's id (what a click picks).

    "Not yet assessed" always has its trace, so it stays in the legend even at zero.
    """
    groups = list(dict.fromkeys(counts["group"]))
    cells = {
        (group, status): (int(n), codes)
        for group, status, n, codes in frames.values(counts, "group", "status", "workstreams", "codes")
    }
    labels = short_labels([group_label(g) for g in groups], 40)
    data = []
    for status, look in STATUS_LOOK.items():
        found = [cells.get((g, status), (0, "")) for g in groups]
        values = [n for n, _codes in found]
        if not sum(values) and status != "not_assessed":
            continue
        name = f"{look.icon} {label(status)}"
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": name,
                "y": labels,
                "x": values,
                "marker": _status_marker(look),
                "customdata": [[group_label(g), codes, g] for g, (_n, codes) in zip(groups, found, strict=True)],
                "hovertemplate": "%{customdata[0]}<br>" + name + ": %{x}<br>%{customdata[1]}<extra></extra>",
            }
        )
    layout = _layout(
        max(220, 110 + 26 * len(groups)),
        barmode="stack",
        **SHOW_LEGEND,
        xaxis={"title": {"text": axis_title}, "rangemode": "tozero"},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": labels[::-1], "automargin": True},
    )
    return {"data": data, "layout": layout}


DAY_MS = 86_400_000  # a date axis measures bar widths in milliseconds


def _bar_width(days: list[date]) -> int:
    """Bars as wide as the closest two points allow (60 % of their gap), at most three months: on a date axis
    the default would be a sliver over six years, and close points must not overlap."""
    gaps = [(later - earlier).days for earlier, later in pairwise(days)]
    return int(min([90, *(0.6 * gap for gap in gaps if gap > 0)]) * DAY_MS)


def status_timeline(
    frame: pd.DataFrame,
    label: Callable[[str], str],
    moment_label: Callable[[date], tuple[str, str]],
    axis_title: str,
) -> Figure:
    """Stacked bars on a date axis, oldest at the top: the status counts as known at each moment (each past Summit
    cycle, then now), each placed at its date, so that six years apart look six years apart.

    Time runs down the side, so that each moment's label is one line of its own even where two moments are
    months apart on a six-year axis (side by side, their labels overlapped at 1366 px). `frame` is
    aggregates.timeline over aggregates.moments (cycle = a date); moment_label(day) gives the moment's heading
    (the date, or now) and the cycle's label as the cycles table holds it (shortened on the axis, in full in the
    hover).
    """
    days = sorted(set(frame["cycle"]))
    cells = {(c, s): int(n) for c, s, n in frames.values(frame, "cycle", "status", "workstreams")}
    headings = [moment_label(day) for day in days]
    ticks = [f"{heading} · {short_label(detail, 40)}" if detail else heading for heading, detail in headings]
    hovers = [f"{heading}<br>{detail}" if detail else heading for heading, detail in headings]
    y = [day.isoformat() for day in days]
    data = []
    for status, look in STATUS_LOOK.items():
        values = [cells.get((day, status), 0) for day in days]
        if not sum(values) and status != "not_assessed":
            continue
        name = f"{look.icon} {label(status)}"
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": name,
                "y": y,
                "x": values,
                "width": [_bar_width(days)] * len(days),
                "marker": _status_marker(look),
                "customdata": hovers,
                "hovertemplate": "%{customdata}<br>" + name + ": %{x}<extra></extra>",
            }
        )
    layout = _layout(
        420,
        barmode="stack",
        **SHOW_LEGEND,
        xaxis={"title": {"text": axis_title}, "rangemode": "tozero"},
        yaxis={
            "type": "date",
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": y,
            "ticktext": ticks,
            "automargin": True,
        },
    )
    return {"data": data, "layout": layout}


DELIVERY_ORDER = ("off_track", "not_assessed", "on_track")  # the heatmap's z: 0, 1, 2


def _delivery_scale() -> list[list[Any]]:
    """A stepped colourscale: each delivery state its own colour (DELIVERY_LOOK), never a blend of two."""
    scale: list[list[Any]] = []
    for position, state in enumerate(DELIVERY_ORDER):
        colour = DELIVERY_LOOK[state].colour
        scale += [[position / len(DELIVERY_ORDER), colour], [(position + 1) / len(DELIVERY_ORDER), colour]]
    return scale


def delivery_over_time(
    frame: pd.DataFrame,
    objective_label: Callable[[str], str],
    moment_heading: Callable[[date], str],
    state_label: Callable[[str], str],
) -> Figure:
    """Objectives (rows) × moments (columns, oldest first): each cell the objective's delivery then (icon and
    colour) and how many of its assessed workstreams were on track ("3/4"); the hover says it in words.

    `frame` is monitor.indicators.analysis.delivery_over_time (moment = a date)."""
    rows = frames.dicts(frame)
    objectives = list(dict.fromkeys(r["objective_code"] for r in rows))
    days = sorted({r["moment"] for r in rows})
    cells = {(r["objective_code"], r["moment"]): r for r in rows}
    columns = [moment_heading(day) for day in days]
    labels = short_labels([objective_label(code) for code in objectives], 40)
    z, text, hover = [], [], []
    for code in objectives:
        found = [cells[code, day] for day in days]
        z.append([DELIVERY_ORDER.index(c["delivery"]) for c in found])
        text.append(
            [f"{DELIVERY_LOOK[c['delivery']].icon} {c['on_track']}/{c['on_track'] + c['off_track']}" for c in found]
        )
        hover.append(
            [
                f"{objective_label(code)}<br>{column}: {DELIVERY_LOOK[c['delivery']].icon} {state_label(c['delivery'])}"
                f"<br>{state_label('on_track')} {c['on_track']} · {state_label('off_track')} {c['off_track']}"
                f" · {state_label('not_assessed')} {c['not_assessed']}"
                for column, c in zip(columns, found, strict=True)
            ]
        )
    trace = {
        "type": "heatmap",
        "z": z,
        "x": columns,
        "y": labels,
        "text": text,
        "texttemplate": "%{text}",
        "textfont": {"size": 13, "color": "#000000"},  # black on each state's colour: 5:1 or more
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "colorscale": _delivery_scale(),
        "zmin": 0,
        "zmax": len(DELIVERY_ORDER) - 1,
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
    }
    layout = _layout(
        max(160, 70 + 26 * len(objectives)),
        dragmode=False,
        xaxis={"side": "top", "type": "category", "automargin": True},
        yaxis={"autorange": "reversed", "type": "category", "automargin": True},
    )
    return {"data": [trace], "layout": layout}


def confidence_bars(frame: pd.DataFrame, label: Callable[[str], str], axis_title: str) -> Figure:
    """One bar per delivery confidence level (icon + name on the axis, colour and pattern)."""
    if not frame["workstreams"].sum():
        return {"data": [], "layout": {}}
    names = [f"{CONFIDENCE_LOOK[c].icon} {label(c)}" for c in frame["confidence"]]
    trace = {
        "type": "bar",
        "orientation": "h",
        "name": axis_title,
        "y": names,
        "x": frame["workstreams"].astype(int).tolist(),
        "text": frame["workstreams"].astype(int).astype(str).tolist(),
        "textposition": "outside",
        "marker": {
            "color": [CONFIDENCE_LOOK[c].colour for c in frame["confidence"]],
            "line": EDGE,
            "pattern": {"shape": [CONFIDENCE_LOOK[c].pattern for c in frame["confidence"]], "fgcolor": "#ffffff"},
        },
        "hovertemplate": "%{y}: %{x}<extra></extra>",
    }
    layout = _layout(
        200,
        xaxis={"title": {"text": axis_title}, "rangemode": "tozero"},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": names[::-1], "automargin": True},
    )
    return {"data": [trace], "layout": layout}


# --- Indicators and targets (indicators issue) ---------------------------------------------------------------
INDICATOR_COLOUR = "#0072B2"
TRAJECTORY_COLOUR = "#D55E00"


def _wrap(text: str, width: int) -> str:
    """Long indicator names on several lines (plotly titles do not wrap by themselves)."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return "<br>".join([*lines, current])


def _indicator_trace(years: list[int], values: list[float | None], name: str, unit: str) -> dict:
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "x": years,
        "y": values,  # None stays a gap: the line breaks, nothing is drawn at zero
        "connectgaps": False,
        "name": name,
        "line": {"color": INDICATOR_COLOUR, "width": 2},
        "marker": {"color": INDICATOR_COLOUR, "size": 8, "symbol": "circle"},
        "hovertemplate": f"%{{x}}: %{{y}} {unit}<extra></extra>",
        "showlegend": False,
    }


def _year_ticks(years: list[int]) -> dict[str, Any]:
    """Every year as a tick on a short span; on a long one (a base year added far back) plotly picks fewer."""
    if not years:
        return {}
    span = {"range": [years[0] - 0.4, years[-1] + 0.4], "tickformat": "d"}
    if years[-1] - years[0] <= 8:
        return {**span, "tickmode": "array", "tickvals": list(range(years[0], years[-1] + 1))}
    return {**span, "nticks": 6}


def indicator_small_multiples(panels: list[dict], separators: str, columns: int = 3) -> Figure:
    """One small line chart per indicator, each with its own scale; its name and unit above it.

    panels: dicts with title, unit, years, values (None where the year is not available).
    """
    if not panels:
        return {"data": [], "layout": _layout(200)}
    rows = -(-len(panels) // columns)
    gap_x, gap_y = 0.11, 0.5 / rows
    width = (1 - gap_x * (columns - 1)) / columns
    height = (1 - gap_y * (rows - 1)) / rows
    data, layout = [], _layout(330 * rows, separators=separators, margin={"l": 10, "r": 10, "t": 80, "b": 10})
    annotations = []
    for index, panel in enumerate(panels):
        row, column = divmod(index, columns)
        axis = "" if index == 0 else str(index + 1)
        x0 = column * (width + gap_x)
        y1 = 1 - row * (height + gap_y)
        data.append(_indicator_trace(panel["years"], panel["values"], panel["title"], panel["unit"]))
        data[-1].update({"xaxis": f"x{axis}", "yaxis": f"y{axis}"})
        layout[f"xaxis{axis}"] = {
            "domain": [x0, x0 + width],
            "anchor": f"y{axis}",
            **_year_ticks(panel["years"]),
            "showgrid": False,
            "linecolor": "#444444",
            "tickfont": {"size": 12},
        }
        layout[f"yaxis{axis}"] = {
            "domain": [y1 - height, y1],
            "anchor": f"x{axis}",
            "exponentformat": "none",  # 72 154, not 72k: the numbers as the document prints them
            "separatethousands": True,
            "gridcolor": "#e5e5e5",
            "linecolor": "#444444",
            "tickfont": {"size": 12},
            "zeroline": False,
            "automargin": True,
        }
        annotations.append(
            {
                "text": f"<b>{_wrap(panel['title'], 30)}</b><br>{_wrap(panel['unit'], 30)}",
                "x": x0,
                "y": y1,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "align": "left",
                "showarrow": False,
                "font": {"size": 13},
                "yshift": 4,
            }
        )
    layout["annotations"] = annotations
    return {"data": data, "layout": layout}


def indicator_line(
    years: list[int],
    values: list[float | None],
    name: str,
    unit: str,
    separators: str,
    trajectory: list[tuple[int, float]] | None = None,
    trajectory_name: str = "",
) -> Figure:
    """One indicator over time (gaps stay gaps), with the path to a target when there is one."""
    data = [_indicator_trace(years, values, name, unit)]
    data[0]["showlegend"] = bool(trajectory)
    if trajectory:
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [year for year, _value in trajectory],
                "y": [value for _year, value in trajectory],
                "name": trajectory_name,
                "line": {"color": TRAJECTORY_COLOUR, "width": 2, "dash": "dash"},
                "hovertemplate": f"%{{x}}: %{{y:.2f}} {unit}<extra>{trajectory_name}</extra>",
            }
        )
    every_year = sorted({*years, *(year for year, _value in trajectory or [])})
    layout = _layout(
        420,
        separators=separators,
        legend=LEGEND_ON_TOP,
        xaxis={**_year_ticks(every_year), "showgrid": False, "linecolor": "#444444"},
        yaxis={
            "title": {"text": unit},
            "exponentformat": "none",
            "separatethousands": True,
            "gridcolor": "#e5e5e5",
            "linecolor": "#444444",
            "zeroline": False,
        },
    )
    return {"data": data, "layout": layout}
