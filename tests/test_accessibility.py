"""Accessibility of the normal theme: WCAG AA contrast of its colours, colour-blind-safe palettes, and status
never by colour alone. (Every chart of every page is checked for contrast and a text summary in
tests/test_languages.py; the browser checks the rendered text, html lang and the keyboard.)"""

from __future__ import annotations

import copy
import itertools
import re
import tomllib

import pytest

from monitor.core import contrast
from monitor.core.paths import PROJECT_ROOT
from monitor.explore import charts
from monitor.explore.looks import CONFIDENCE_LOOK, STATUS_LOOK, confidence_text, status_text
from monitor.ui import language

THEME = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"}


def test_the_contrast_formula():
    assert contrast.ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast.ratio("#0072B2", "#0072B2") == pytest.approx(1)
    assert contrast.ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast.ratio("rgb(255, 255, 255)", "#fff") == pytest.approx(1)


@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
@pytest.mark.parametrize("foreground", ["textColor", "primaryColor", "linkColor"])
def test_theme_text_meets_aa(foreground, background):
    assert contrast.ratio(THEME[foreground], THEME[background]) >= contrast.AA_TEXT


def test_primary_buttons_white_text_meets_aa():
    assert contrast.ratio("#ffffff", THEME["primaryColor"]) >= contrast.AA_TEXT


def test_captions_and_labels_are_restyled_to_meet_aa():
    """Streamlit's own captions (60 % opacity) fall short; the app's stylesheet sets an opaque AA grey."""
    assert contrast.ratio("rgba(49, 51, 63)", "#ffffff") > 4.5  # the theme text itself
    colours = re.findall(r"color: (#[0-9A-Fa-f]{6})", language.ACCESSIBLE_CSS)
    assert colours and "opacity: 1" in language.ACCESSIBLE_CSS
    for colour in colours:
        for background in (THEME["backgroundColor"], THEME["secondaryBackgroundColor"]):
            assert contrast.ratio(colour, background) >= contrast.AA_TEXT, (colour, background)


def test_chart_palettes_are_colour_blind_safe():
    used = {*charts.PALETTE.values(), *(look.colour for look in (*STATUS_LOOK.values(), *CONFIDENCE_LOOK.values()))}
    assert {colour.upper() for colour in used} <= OKABE_ITO


def test_bar_edges_meet_the_graphics_ratio():
    assert contrast.ratio(charts.EDGE["color"], "#ffffff") >= contrast.AA_GRAPHICS


def test_chart_text_on_the_paper_is_readable():
    """Streamlit's chart theme writes ticks, axis titles and default text in a grey below AA; every chart is drawn
    with the theme's text colour instead, on every axis, keeping what a chart sets itself."""
    assert contrast.ratio("#808495", THEME["backgroundColor"]) < contrast.AA_TEXT  # the theme's grey
    layout = {"xaxis": {"title": {"text": "Objectives"}}, "yaxis2": {"tickfont": {"size": 12}}, "legend": {"x": 0}}
    given = copy.deepcopy(layout)
    drawn = charts.with_readable_text({"data": [], "layout": layout})["layout"]
    for axis in ("xaxis", "yaxis", "yaxis2"):
        for colour in (drawn[axis]["tickfont"]["color"], drawn[axis]["title"]["font"]["color"]):
            assert contrast.ratio(colour, THEME["backgroundColor"]) >= contrast.AA_TEXT
    for colour in (drawn["font"]["color"], drawn["legend"]["font"]["color"]):
        assert contrast.ratio(colour, THEME["backgroundColor"]) >= contrast.AA_TEXT
    assert drawn["xaxis"]["title"]["text"] == "Objectives" and drawn["yaxis2"]["tickfont"]["size"] == 12
    assert drawn["legend"]["x"] == 0 and layout == given  # the figure given is left as it was
    own = charts.with_readable_text({"data": [], "layout": {"font": {"color": "#000000"}}})
    assert own["layout"]["font"]["color"] == "#000000"


def test_the_figure_check_finds_a_light_bar_and_unreadable_text():
    light = {"type": "bar", "name": "x", "x": [1], "marker": {"color": "#E69F00", "line": {"color": "#ffffff"}}}
    unreadable = {**light, "marker": {"color": "#0072B2"}, "text": [1], "textfont": {"color": "#000000"}}
    problems = contrast.figure_problems({"data": [light, unreadable], "layout": {}})
    assert len(problems) == 2 and "edge" in problems[0] and "text" in problems[1]
    assert contrast.figure_problems({"data": [{**light, "marker": {"color": "#E69F00", "line": charts.EDGE}}]}) == []


def test_status_is_never_colour_alone():
    """Each status and confidence level has its own icon and pattern besides its colour."""
    for looks in (STATUS_LOOK, CONFIDENCE_LOOK):
        icons = [look.icon for look in looks.values()]
        colours = [look.colour for look in looks.values()]
        assert len(set(icons)) == len(icons) and all(icon.strip() for icon in icons)
        assert len(set(colours)) == len(colours)
    assert status_text("stalled", "Bloqué") == f"{STATUS_LOOK['stalled'].icon} Bloqué"
    assert confidence_text("red", "Rouge").startswith(CONFIDENCE_LOOK["red"].icon)
    patterns = [look.pattern for look in STATUS_LOOK.values()]
    same_pattern = [p for p in set(patterns) if patterns.count(p) > 1]
    for pattern in same_pattern:  # statuses sharing a pattern differ by icon and by lightness (visible in grey)
        shared = [look for look in STATUS_LOOK.values() if look.pattern == pattern]
        lightness = sorted(contrast.luminance(look.colour) for look in shared)
        assert all(b - a > 0.05 for a, b in itertools.pairwise(lightness))
