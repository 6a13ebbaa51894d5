"""The Indicators and Targets pages under AppTest: every indicator and target shown with its source, gaps as gaps,
the decimal comma, a missing base year said and added by the secretariat, the objective fiche's editorial links."""

from __future__ import annotations

import json
from datetime import date

import pytest

from monitor import cache
from monitor.indicators import entries
from monitor.progress import sample
from monitor.storage import accounts
from monitor.ui.markdown import plain
from tests.rendered import open_page, rendered_text
from tests.test_explore_pages import COMBINATIONS

INDICATORS = "pages/explore/indicators.py"
TARGETS = "pages/explore/targets.py"


def _base_form(app) -> dict:
    """The widgets of the first missing-base-year form, by role (the sidebar has text inputs and buttons too)."""
    keys = [w.key for w in app.text_input if w.key and w.key.endswith("_base_value")]
    if not keys:
        return {}
    prefix = keys[0].removesuffix("_value")
    return {
        "value": app.text_input(key=f"{prefix}_value"),
        "source": app.text_input(key=f"{prefix}_source"),
        "date": app.date_input(key=f"{prefix}_date"),
        "submit": app.button(key=f"{prefix}_submit"),
    }


def _figure(app, index: int = 0) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_key_figures_table_has_every_indicator_and_year_with_gaps_as_not_available(app_db, lang):
    app = open_page(INDICATORS, lang=lang)
    assert not app.exception and not app.error
    assert "⟦" not in rendered_text(app)
    table = app.table[0].value
    readings = cache.indicator_readings()
    mark = "" if lang == "nl" else "[NL] "  # no translation entered: the Dutch originals, marked outside Dutch
    assert list(table.iloc[:, 0]) == [mark + name for name in readings["name"]]
    assert [c for c in table.columns if c.isdigit()] == ["2014", "2015", "2016", "2017", "2018"]
    gdp = table.set_index(table.columns[0]).loc[mark + "BBP van het Gewest"]
    not_available = {"nl": "n.b.", "fr": "n.d.", "en": "n/a"}[lang]
    assert gdp["2018"] == not_available and "0" not in gdp["2018"]
    unemployment = table.set_index(table.columns[0]).loc[
        mark + "Werkloosheidsgraad bij de leeftijdscategorie 15-64 jaar"
    ]
    assert unemployment["2017"] == ("15.0" if lang == "en" else "15,0")  # decimals as printed, not 15


def test_small_multiples_draw_every_indicator_with_its_unit_and_gaps(app_db):
    app = open_page(INDICATORS, lang="nl")
    figure = _figure(app)
    assert len(figure["data"]) == len(cache.indicator_readings())
    titles = [note["text"] for note in figure["layout"]["annotations"]]
    assert len(titles) == len(figure["data"])
    for title, reading in zip(titles, cache.indicator_readings().to_dict("records"), strict=True):
        assert title.replace("<br>", " ").replace("<b>", "").replace("</b>", "").split() == (
            f"{reading['name']} {reading['unit']}".split()
        )
    gdp = next(trace for trace in figure["data"] if trace["name"] == "BBP van het Gewest")
    assert gdp["y"][-1] is None and gdp["connectgaps"] is False
    assert figure["layout"]["separators"] == ",\u202f"


def test_one_indicator_by_deep_link_shows_values_sources_links_and_direction(app_db):
    app = open_page(INDICATORS, indicator="ghg_emissions_total", lang="en")
    assert not app.exception and not app.error
    text = rendered_text(app)
    assert "Uitstoot van broeikasgassen (totaal )" in text and "Leefmilieu Brussel" in text
    assert "Editorial link" in text and "Editorial choice" in text
    values = app.dataframe[0].value
    assert values["Year"].tolist() == ["2014", "2015", "2016", "2017", "2018"]
    assert values.set_index("Year").at["2017", "Value"] == "3,694.41"
    assert values.set_index("Year").at["2017", "From"].endswith(", line 363")  # one line: not "lines 363–363"
    assert app.selectbox(key="indicator_pick").value == "ghg_emissions_total"


def test_an_unknown_indicator_in_the_link_is_a_notice(app_db):
    app = open_page(INDICATORS, indicator="nonsense")
    assert not app.exception and not app.error
    assert any("nonsense" in w.value for w in app.warning)
    assert app.table  # the overview is shown instead


def test_targets_page_lists_every_target_and_says_the_base_year_is_missing(app_db, people):
    app = open_page(TARGETS, lang="en")
    assert not app.exception and not app.error
    text = rendered_text(app)
    targets = cache.query("targets_all")
    items = [line for m in app.markdown for line in m.value.splitlines() if line.startswith("- **")]
    assert len(items) == len(targets)
    for quote in targets["quote"]:
        assert sum(plain(quote) in item for item in items) >= 1
    assert text.count("Insufficient data: base year value missing") == 2 + 2  # each measurable box and its item
    assert "The documents give no 2005 value" in text
    assert "The secretariat (admin account) can add" in text
    assert not _base_form(app)  # no form for viewers


def test_targets_follow_the_filters_but_keep_the_introduction(app_db):
    app = open_page(TARGETS, lang="en", pillar="2")
    groups = [e.label for e in app.expander]
    assert groups[0].startswith("Introduction (") and groups[1].startswith("2.1 · ")
    assert not any(g.startswith("1.") for g in groups)


def test_the_secretariat_adds_the_missing_base_year_value_with_its_source(people):
    app = open_page(TARGETS, "secretariat", lang="en")
    form = _base_form(app)
    form["value"].input("5000,5")
    form["source"].input("")  # no source: refused with a message, nothing written
    form["date"].set_value(date(2020, 3, 1))
    form["submit"].click()
    app = app.run()
    assert any("source" in e.value for e in app.error)
    assert cache.indicator_history("ghg_emissions_total").empty
    form = _base_form(app)
    form["source"].input("Leefmilieu Brussel, emissie-inventaris 2020")
    form["submit"].click()
    app = app.run()
    assert not app.exception, app.exception
    history = cache.indicator_history("ghg_emissions_total")
    assert history[["year", "value"]].values.tolist() == [[2005, 5000.5]]
    assert history["recorded_by"].tolist() == ["secretariat"] and history["import_id"].isna().all()
    text = rendered_text(app)
    assert "was added" in text
    # 5000,5 in 2005, -40 % by 2030: 3000,3; 2017 needs 5000,5 - 12/25 × 2000,2 = 4040,4; 3694,41 is below.
    assert text.count("On track") >= 2 and "4,040.40" in text
    app = open_page(INDICATORS, lang="en")
    assert "2005" not in app.table[0].value.columns  # a base year far back stays out of the key-figures table
    app = open_page(INDICATORS, indicator="ghg_emissions_total", lang="en")
    assert app.dataframe[0].value["Year"].tolist()[0] == "2005"


def test_an_editor_cannot_add_a_base_value(people):
    app = open_page(TARGETS, "cabinet", lang="en")
    assert not _base_form(app)
    with pytest.raises(Exception, match="secretariat"):
        entries.add_value(
            accounts.find("cabinet"),
            entries.NewValue("ghg_emissions_total", 2005, 1.0, "x", date(2020, 1, 1)),
            0,
            ["ghg_emissions_total"],
        )


@pytest.mark.parametrize("code", ["1.1", "2.2", "1.8"])
def test_the_objective_fiche_lists_its_editorially_linked_indicators(app_db, code):
    app = open_page("pages/explore/objectives.py", objective=code, lang="en")
    assert not app.exception and not app.error
    text = rendered_text(app)
    linked = cache.query("indicators_of_objective", code=code)
    assert f"Context indicators ({len(linked)})" in text and "Editorial links" in text
    assert "contribution, never to attribution" in text
    measured = "Target measured" in text and "Insufficient data: base year value missing" in text
    assert measured == (code == "1.1")  # only objective 1.1 has a target a key figure measures


def test_delivery_context_with_sample_progress(people):
    sample.generate(300, seed=11)
    app = open_page(INDICATORS, lang="en")
    assert not app.exception and not app.error
    text = rendered_text(app)
    assert "contribution, never to attribution" in text
    table = app.dataframe[-1].value
    frame = cache.delivery_context(cache.filtered_codes(cache.Filters()))
    assert len(table) == len(frame) == 17
    boxes = [m.value for m in app.markdown if m.value.startswith(("On track, context", "Off track, context"))]
    inside = frame["delivery"].isin(["on_track", "off_track"]) & frame["context"].isin(["improving", "worsening"])
    assert sum(int(b.rsplit(": ", 1)[1]) for b in boxes) == int(inside.sum())


@pytest.mark.parametrize(
    "query",
    [COMBINATIONS[0], COMBINATIONS[1], COMBINATIONS[3], COMBINATIONS[5]],
    ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()) or "none",
)
@pytest.mark.parametrize("page", [INDICATORS, TARGETS, "pages/progress/indicator_import.py"])
def test_every_indicator_page_under_filter_combinations(app_db, page, query):
    sample.generate(150, seed=2)
    app = open_page(page, **query)
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    assert "⟦" not in rendered_text(app)


def test_a_gap_is_judged_on_its_size(app_db):
    app = open_page(INDICATORS, indicator="unemployment_rate_gap_men_women", lang="en")
    text = rendered_text(app)
    # -0,3 pp in 2017, -2,6 pp in 2018: the gap grew by 2,3 points whatever its sign
    assert "From 2017 to 2018: -0.3 → -2.6 pp; the size of the gap, whatever its sign, changed by 2.30 points" in text
