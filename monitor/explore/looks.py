"""How statuses look, in one place: icon + label + colour, never colour alone.

Icons are plain Unicode shapes (no emoji or icon font, so they render offline and on any projector);
colours are Okabe-Ito (colour-blind safe); charts add a fill pattern as a further cue.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Look:
    icon: str
    colour: str
    pattern: str  # plotly bar pattern shape


STATUS_LOOK = {
    "not_assessed": Look("?", "#999999", "."),
    "not_started": Look("○", "#56B4E9", ""),
    "in_progress": Look("◐", "#0072B2", "/"),
    "stalled": Look("‖", "#E69F00", "x"),
    "partially_delivered": Look("◕", "#CC79A7", "\\"),
    "delivered": Look("●", "#009E73", ""),
    "abandoned": Look("✕", "#D55E00", "-"),
}
CONFIDENCE_LOOK = {
    "green": Look("▲", "#009E73", ""),
    "amber": Look("◆", "#E69F00", "/"),
    "red": Look("▼", "#D55E00", "x"),
}


def status_text(status: str, label: str) -> str:
    """'◐ In progress': the icon and the translated label (the colour is added where it is drawn)."""
    return f"{STATUS_LOOK[status].icon} {label}"


def proposed_status_text(status: str, label: str, mark: str) -> str:
    """A proposed status as every view writes it, pages and slides: '◐ In progress (proposed — awaiting
    validation)', with `mark` the translated status.proposed_mark. Never a status on its own."""
    return f"{status_text(status, label)} ({mark})"


def confidence_text(level: str, label: str) -> str:
    return f"{CONFIDENCE_LOOK[level].icon} {label}"


# Indicators issue: the direction of an indicator (better / worse by its desired direction, not up / down),
# a target's check and a workstream's delivery, each as icon + label + colour.
DIRECTION_LOOK = {
    "improving": Look("✓", "#009E73", ""),
    "stable": Look("=", "#56B4E9", "/"),
    "worsening": Look("✗", "#D55E00", "x"),
    "insufficient": Look("?", "#999999", "."),
    "not_judged": Look("–", "#999999", "."),
}
TARGET_LOOK = {
    "on_track": Look("✓", "#009E73", ""),
    "reached": Look("●", "#009E73", ""),
    "off_track": Look("✗", "#D55E00", "x"),
    "missed": Look("✕", "#D55E00", "x"),
    "base_missing": Look("?", "#999999", "."),
    "no_value_since_base": Look("?", "#999999", "."),
}
DELIVERY_LOOK = {
    "on_track": Look("✓", "#009E73", ""),
    "off_track": Look("✗", "#D55E00", "x"),
    "not_assessed": Look("?", "#999999", "."),
}


def look_text(looks: dict[str, Look], state: str, label: str) -> str:
    """'✓ Improving': icon and translated label for any of the looks above."""
    return f"{looks[state].icon} {label}"


# Presentation mode: the projector theme (high contrast, light on black, which keeps its contrast on washed-out
# projectors); tests/test_deck.py checks it with monitor.contrast.
PROJECTOR_BACKGROUND = "#000000"
PROJECTOR_TEXT = "#FFFFFF"
PROJECTOR_MUTED = "#D9D9D9"
PROJECTOR_ACCENT = "#F0E442"  # Okabe-Ito yellow: headings' rule, markers
PROJECTOR_PANEL = "#1A1A1A"
