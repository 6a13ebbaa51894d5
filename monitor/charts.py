"""Chart builders: DataFrame in, plotly Figure out. No Streamlit here."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = {
    "shared": "#0072B2",  # blue
    "consulted": "#E69F00",  # orange
    "mixed": "#009E73",  # bluish green
}
PATTERNS = {"shared": "", "consulted": "/", "mixed": "."}  # a second cue besides colour
PRIORITY_ORDER = ("shared", "consulted", "mixed")
FONT = dict(family="sans-serif", size=14)


def priority_types_by_pillar(
    frame: pd.DataFrame, label: Callable[[str], str], pillar_label: Callable[[int], str], axis_title: str
) -> go.Figure:
    """Horizontal stacked bars: objectives per pillar, split by priority type (with hover listing codes)."""
    figure = go.Figure()
    pillars = sorted(frame["pillar"].unique()) if not frame.empty else []
    for priority in PRIORITY_ORDER:
        part = frame[frame["priority_type"] == priority].set_index("pillar").reindex(pillars)
        if part["objectives"].fillna(0).sum() == 0:
            continue
        figure.add_bar(
            name=label(priority),
            y=[pillar_label(p) for p in pillars],
            x=part["objectives"].fillna(0).astype(int).tolist(),
            orientation="h",
            marker=dict(
                color=PALETTE[priority],
                line=dict(color="#ffffff", width=1),
                pattern=dict(
                    shape=PATTERNS[priority],
                    bgcolor=PALETTE[priority],
                    fgcolor="#ffffff",
                    fgopacity=0.3,
                    fillmode="replace",
                ),
            ),
            text=part["objectives"].fillna(0).astype(int).tolist(),
            textfont=dict(color="#ffffff" if priority == "shared" else "#000000", size=16),
            textposition="inside",
            insidetextanchor="middle",
            customdata=part["objective_codes"].fillna("").tolist(),
            hovertemplate="%{y}<br>" + label(priority) + ": %{x}<br>%{customdata}<extra></extra>",
        )
    figure.update_layout(
        barmode="stack",
        font=FONT,
        height=260,
        margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, traceorder="normal"),
        xaxis=dict(title=axis_title, dtick=1, rangemode="tozero"),
        yaxis=dict(autorange="reversed"),
        plot_bgcolor="#ffffff",
    )
    return figure


def priority_summary(frame: pd.DataFrame, label: Callable[[str], str]) -> dict[int, str]:
    """Per pillar, 'Shared 3 (1.1, 1.2, 1.7), Consulted …' - the text twin of the chart."""
    summary: dict[int, str] = {}
    for pillar, rows in frame.groupby("pillar", sort=True):
        parts = [
            f"{label(r.priority_type)} {r.objectives} ({r.objective_codes})"
            for r in rows.sort_values("priority_type", key=lambda s: s.map(PRIORITY_ORDER.index)).itertuples()
        ]
        summary[int(pillar)] = ", ".join(parts)
    return summary


def workstreams_per_objective(
    frame: pd.DataFrame, label: Callable[[str], str], axis_title: str, height_per_bar: int = 28
) -> go.Figure:
    """Horizontal bars: passing workstreams per objective, coloured and patterned by priority type.

    Axis labels are the short codes; the full title is in the hover. customdata carries the code for
    drill-through.
    """
    figure = go.Figure()
    for priority in PRIORITY_ORDER:
        part = frame[frame["priority_type"] == priority]
        if part.empty:
            continue
        figure.add_bar(
            name=label(priority),
            y=part["code"].tolist(),
            x=part["matching_workstreams"].tolist(),
            orientation="h",
            marker=dict(
                color=PALETTE[priority],
                line=dict(color="#ffffff", width=1),
                pattern=dict(
                    shape=PATTERNS[priority],
                    bgcolor=PALETTE[priority],
                    fgcolor="#ffffff",
                    fgopacity=0.3,
                    fillmode="replace",
                ),
            ),
            customdata=part[["code", "title"]].values.tolist(),
            hovertemplate="<b>%{customdata[0]}</b> %{customdata[1]}<br>" + axis_title + ": %{x}<extra></extra>",
        )
    figure.update_layout(
        font=FONT,
        barmode="stack",
        height=max(160, 60 + height_per_bar * len(frame)),
        margin=dict(l=10, r=10, t=40, b=10),
        plot_bgcolor="#ffffff",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, traceorder="normal"),
        xaxis=dict(
            title=axis_title, dtick=1 if (frame["matching_workstreams"].max() if len(frame) else 0) <= 12 else None
        ),
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(frame["code"].tolist())), type="category"),
        clickmode="event+select",
        dragmode=False,
    )
    return figure


def short_label(text: str, limit: int = 42) -> str:
    """An axis label: the text up to `limit` characters, cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;") + " …"


MATRIX_SCALE = [[0.0, "#f7fbff"], [0.2, "#c6dbef"], [0.5, "#6baed6"], [0.8, "#2171b5"], [1.0, "#08306b"]]


def responsibility_matrix(cells: pd.DataFrame, legend_title: str) -> go.Figure:
    """Members × objectives; each cell says I (initiating), A (associated), S n (steers n workstreams).

    The letters carry the meaning; the shade only repeats it. customdata = [member_id, objective_code].
    """
    from monitor.summaries import cell_strength

    members = cells.drop_duplicates("member_id").sort_values("member_order")
    objectives = cells.drop_duplicates("objective_code").sort_values("objective_order")["objective_code"].tolist()
    member_ids, names = members["member_id"].tolist(), members["member_name"].tolist()
    lookup = {(r.member_id, r.objective_code): r for r in cells.itertuples()}
    z, text, custom, hover = [], [], [], []
    for member_id, name in zip(member_ids, names, strict=True):
        row_z, row_text, row_custom, row_hover = [], [], [], []
        for objective in objectives:
            cell = lookup.get((member_id, objective))
            row_z.append(cell_strength(pd.Series(cell._asdict())) if cell else None)
            row_text.append(cell.cell if cell else "")
            row_custom.append([member_id, objective])
            row_hover.append(f"{name}<br>{objective}: {cell.cell}" if cell else f"{name}<br>{objective}: —")
        z.append(row_z)
        text.append(row_text)
        custom.append(row_custom)
        hover.append(row_hover)
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=objectives,
            y=[short_label(n) for n in names],
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=13),
            customdata=custom,
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            colorscale=MATRIX_SCALE,
            zmin=0,
            zmax=6,
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    figure.update_layout(
        font=FONT,
        height=max(220, 90 + 30 * len(member_ids)),
        margin=dict(l=10, r=10, t=30, b=10),
        xaxis=dict(side="top", type="category", title=None),
        yaxis=dict(autorange="reversed", type="category"),
        plot_bgcolor="#ffffff",
        dragmode=False,
    )
    figure.add_annotation(
        text=legend_title,
        xref="paper",
        yref="paper",
        x=0,
        y=-0.02,
        showarrow=False,
        yanchor="top",
        xanchor="left",
        font=dict(size=12),
    )
    return figure


def responsibility_flow(links: pd.DataFrame) -> go.Figure:
    """Sankey: members → objectives → workstreams (short labels; full names in the hover)."""
    nodes = list(dict.fromkeys([*links["source"], *links["target"]]))
    position = {name: index for index, name in enumerate(nodes)}
    colours = [
        "#0072B2"
        if links["source"].eq(n).any() and not links["target"].eq(n).any()
        else "#E69F00"
        if n.count(".") == 1
        else "#009E73"
        for n in nodes
    ]
    figure = go.Figure(
        go.Sankey(
            arrangement="snap",
            node=dict(
                label=[short_label(n, 34) for n in nodes],
                customdata=nodes,
                hovertemplate="%{customdata}<extra></extra>",
                color=colours,
                pad=6,
                thickness=14,
            ),
            link=dict(
                source=[position[s] for s in links["source"]],
                target=[position[t] for t in links["target"]],
                value=links["value"].tolist(),
                color="rgba(120,120,120,0.25)",
            ),
        )
    )
    columns = [links["source"].nunique(), links["target"].nunique()]
    figure.update_layout(
        font=dict(family="sans-serif", size=12),
        height=max(420, 26 * max(columns, default=0)),
        margin=dict(l=10, r=10, t=10, b=10),
    )
    return figure


def objectives_by_theme(themes: pd.DataFrame, label: Callable[[str], str], axis_title: str) -> go.Figure:
    """Objectives per policy domain (editorial mapping), stacked by priority type; hover lists the codes."""
    figure = go.Figure()
    domains = themes.drop_duplicates("domain_id").sort_values("domain_order")["domain"].tolist()
    for priority in PRIORITY_ORDER:
        part = themes[themes["priority_type"] == priority]
        if part.empty:
            continue
        grouped = part.groupby("domain")["objective_code"].agg(["count", lambda c: ", ".join(c)])
        grouped = grouped.reindex(domains).dropna()
        figure.add_bar(
            name=label(priority),
            y=grouped.index.tolist(),
            x=grouped["count"].astype(int).tolist(),
            orientation="h",
            customdata=grouped.iloc[:, 1].tolist(),
            marker=dict(
                color=PALETTE[priority],
                line=dict(color="#ffffff", width=1),
                pattern=dict(
                    shape=PATTERNS[priority],
                    bgcolor=PALETTE[priority],
                    fgcolor="#ffffff",
                    fgopacity=0.3,
                    fillmode="replace",
                ),
            ),
            hovertemplate="%{y}<br>" + label(priority) + ": %{x}<br>%{customdata}<extra></extra>",
        )
    figure.update_layout(
        barmode="stack",
        font=FONT,
        height=max(200, 80 + 34 * len(domains)),
        margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, traceorder="normal"),
        plot_bgcolor="#ffffff",
        xaxis=dict(title=axis_title, dtick=1),
        yaxis=dict(type="category", categoryorder="array", categoryarray=list(reversed(domains))),
    )
    return figure
