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
