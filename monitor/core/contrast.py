"""WCAG 2.1 contrast: ratios of colours, and the pairs of a plotly figure that must meet AA.

Text needs 4.5:1 against what is behind it (3:1 when large: 24 px, or 18.66 px bold); the marks of a chart
(bars, their outlines) need 3:1 against the plot background (WCAG 1.4.11). Used by the tests for the normal
theme and usable for any other theme (e.g. a projector theme) by passing its colours.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

AA_TEXT = 4.5
AA_LARGE_TEXT = 3.0
AA_GRAPHICS = 3.0
LARGE_TEXT_PX = 24


def _rgb(colour: str) -> tuple[float, float, float]:
    text = colour.strip().lower()
    if text.startswith("rgb"):
        parts = text[text.index("(") + 1 : text.index(")")].split(",")
        return tuple(float(p) / 255 for p in parts[:3])  # type: ignore[return-value]
    text = text.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1) of '#rrggbb', '#rgb' or 'rgb(r, g, b)'."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(foreground: str, background: str) -> float:
    """The contrast ratio, 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _colours(value: Any, count: int) -> list[str | None]:
    if isinstance(value, list):
        return [v if isinstance(v, str) else None for v in value]
    return [value if isinstance(value, str) else None] * count


def figure_pairs(figure: dict, background: str = "#ffffff") -> Iterator[tuple[str, str, str, float]]:
    """(what, foreground, background, required ratio) for each contrast a figure dict relies on.

    Text drawn inside a bar is checked against the bar's colour; a bar is checked against the plot
    background through its colour or, when that is too light, its outline (either may carry the edge).
    """
    plot_background = figure.get("layout", {}).get("plot_bgcolor", background)
    for index, trace in enumerate(figure.get("data", [])):
        if trace.get("type") != "bar":
            continue
        marker = trace.get("marker", {})
        fills = _colours(marker.get("color"), len(trace.get("x") or trace.get("y") or [0]))
        outline = (marker.get("line") or {}).get("color")
        for fill in {f for f in fills if f}:
            edge = outline if outline and ratio(outline, plot_background) > ratio(fill, plot_background) else fill
            yield f"trace {index} ({trace.get('name')}) edge", edge, plot_background, AA_GRAPHICS
            text_colour = (trace.get("textfont") or {}).get("color")
            inside = trace.get("textposition") in ("inside", "auto", None) and trace.get("text") is not None
            if text_colour and inside:
                size = (trace.get("textfont") or {}).get("size", 12)
                needed = AA_LARGE_TEXT if size >= LARGE_TEXT_PX else AA_TEXT
                yield f"trace {index} ({trace.get('name')}) text", text_colour, fill, needed


def figure_problems(figure: dict, background: str = "#ffffff") -> list[str]:
    """The pairs of `figure` below their WCAG AA ratio, described ('' when all pass)."""
    return [
        f"{what}: {fg} on {bg} = {ratio(fg, bg):.2f} < {needed}"
        for what, fg, bg, needed in figure_pairs(figure, background)
        if ratio(fg, bg) < needed
    ]
