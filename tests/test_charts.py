"""Chart builders on the real strategy: the figures say what the data says, and plotly accepts them as they are.

The builders write plotly's JSON schema by hand (monitor/explore/charts.py explains why), so every figure is checked
here against plotly's own validation, for the whole strategy and for a narrow filter.
"""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from monitor import cache
from monitor.explore import charts
from monitor.explore.filters import Filters
from monitor.progress import aggregates

WHOLE, NARROW = Filters(), Filters(pillar=(2,), priority=("shared",))


def _label(code: str) -> str:
    return f"<{code}>"


def _figures(filters: Filters) -> dict[str, dict]:
    by_domain = aggregates.status_counts(cache.progress_groups("theme", cache.filtered_codes(filters)), {})
    return {
        "priority": charts.priority_types_by_pillar(
            cache.product("priority_by_pillar", filters), _label, lambda p: f"P{p}", "objectives"
        ),
        "matrix": charts.responsibility_matrix(cache.product("matrix", filters)),
        "flow": charts.responsibility_flow(cache.product("flow", filters)),
        "status_by_domain": charts.status_bars(by_domain, _label, "workstreams"),
    }


@pytest.mark.parametrize("filters", [WHOLE, NARROW], ids=["whole", "narrow"])
def test_every_figure_is_valid_plotly(app_db, filters):
    for name, figure in _figures(filters).items():
        assert figure["data"], name
        go.Figure(**figure)  # raises on any property plotly does not know or any value it does not accept


@pytest.mark.parametrize("filters", [WHOLE, NARROW], ids=["whole", "narrow"])
def test_priority_bars_add_up_to_the_objectives_of_each_pillar(app_db, con, filters):
    figure = _figures(filters)["priority"]
    codes = cache.filtered_codes(filters)
    objectives = con.execute(
        "SELECT o.pillar, o.priority_type, o.code FROM objectives o WHERE o.code IN"
        " (SELECT DISTINCT objective_code FROM workstreams WHERE list_contains($codes, code))",
        {"codes": codes},
    ).fetchall()
    expected: dict[tuple[str, str], int] = {}
    for pillar, priority, _code in objectives:
        expected[f"P{pillar}", _label(priority)] = expected.get((f"P{pillar}", _label(priority)), 0) + 1
    shown = {(y, trace["name"]): x for trace in figure["data"] for y, x in zip(trace["y"], trace["x"], strict=True)}
    assert {cell: n for cell, n in shown.items() if n} == expected
    summary = charts.priority_summary(cache.product("priority_by_pillar", filters), _label)
    assert set(summary) == {pillar for pillar, _priority, _code in objectives}


def test_matrix_cells_name_their_member_and_objective(app_db):
    cells = cache.product("matrix", WHOLE)
    (trace,) = charts.responsibility_matrix(cells)["data"]
    expected = dict(zip(zip(cells["member_id"], cells["objective_code"], strict=True), cells["cell"], strict=True))
    shown = {
        tuple(custom): text
        for row_custom, row_text in zip(trace["customdata"], trace["text"], strict=True)
        for custom, text in zip(row_custom, row_text, strict=True)
        if text
    }
    assert shown == expected
    assert len(trace["y"]) == cells["member_id"].nunique() and trace["x"] == list(dict.fromkeys(trace["x"]))


def test_short_labels_cut_after_whole_words_never_on_a_short_one():
    assert charts.short_label("Minister van Patrimonium", 42) == "Minister van Patrimonium"
    assert charts.short_label("Minister van Klimaattransitie, Leefmilieu", 29) == "Minister van Klimaattransitie …"
    assert charts.short_label("Minister van Klimaattransitie, Leefmilieu", 28) == "Minister van Klimaattransitie …"
    assert charts.short_label("Minister van Werk en Beroepsopleiding", 22) == "Minister van Werk …"  # not "en …"
    assert charts.short_label("Ministers van Jeugdbijstand en Welzijn", 20) == "Ministers van Jeugdbijstand …"
    assert charts.short_label("Onuitsprekelijkheden", 6) == "Onuits…"


def test_short_labels_tell_different_texts_apart():
    texts = ["Staatssecretaris voor Huisvesting en Wonen", "Staatssecretaris voor Gelijke Kansen", "Kort"]
    assert [charts.short_label(text, 24) for text in texts[:2]] == ["Staatssecretaris voor …"] * 2  # the clash
    labels = charts.short_labels([*texts, texts[0]], 24)
    assert labels == ["Staatssecretaris voor Huisvesting …", "Staatssecretaris voor Gelijke …", "Kort", labels[0]]
