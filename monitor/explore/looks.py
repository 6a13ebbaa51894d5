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


@dataclass(frozen=True)
class DeckTheme:
    """The colours of the Summit deck in one medium. Text, muted text and accent are all text colours: each must
    reach 7:1 (WCAG AAA) against the background and the panel (tests/test_deck.py checks them with
    monitor.core.contrast). The sample marker is the accent filled with background-coloured text."""

    background: str
    text: str
    muted: str
    accent: str  # headings' rule, kickers, sub-headings, big numbers, the sample marker's fill
    panel: str
    status_icons_in_colour: bool  # False: icons in the text colour (light status colours vanish on white paper)
    status_patterns: bool  # the status chips also carry their chart pattern (told apart in black-and-white print)


# Presentation mode: the projector theme (high contrast, light on black, which keeps its contrast on washed-out
# projectors).
PROJECTOR = DeckTheme(
    background="#000000",
    text="#FFFFFF",
    muted="#D9D9D9",
    accent="#F0E442",  # Okabe-Ito yellow
    panel="#1A1A1A",
    status_icons_in_colour=True,
    status_patterns=False,
)
# The printed handout: dark on white paper (toner, not a black page), readable when printed in black and white:
# the status chips keep their colour, outlined in black and patterned like the charts; icons print in black.
PRINT = DeckTheme(
    background="#FFFFFF",
    text="#000000",
    muted="#404040",
    accent="#004C80",  # a dark Okabe-Ito blue: 9:1 on white, a dark grey in black and white
    panel="#F2F2F2",
    status_icons_in_colour=False,
    status_patterns=True,
)
PROJECTOR_BACKGROUND = PROJECTOR.background  # the player's page around the slide
PROJECTOR_TEXT = PROJECTOR.text
