"""Indicators and targets: direction and on-track logic on hand-made series, the editorial files, and the
numbers the app shows against the numbers printed in the document (one test per indicator per year)."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest

from monitor.core.numbers import parse_printed_number
from monitor.core.paths import DOCUMENTS_DIR, SOURCES_DIR
from monitor.core.text import document_lines
from monitor.indicators import analysis

# --- direction -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("series", "desired", "threshold", "kind", "state"),
    [
        ({2014: 18.5, 2015: 17.0}, "down", 1.0, "points", "improving"),
        ({2014: 17.0, 2015: 18.5}, "down", 1.0, "points", "worsening"),
        ({2014: 17.0, 2015: 17.5}, "down", 1.0, "points", "stable"),
        ({2014: 17.0, 2015: 18.0}, "down", 1.0, "points", "worsening"),  # exactly the threshold counts
        ({2014: 100.0, 2015: 103.0}, "up", 2.0, "percent", "improving"),
        ({2014: 100.0, 2015: 101.0}, "up", 2.0, "percent", "stable"),
        ({2014: 100.0, 2015: 97.0}, "up", 2.0, "percent", "worsening"),
        ({2014: -0.3, 2015: -2.6}, "towards_zero", 1.0, "points", "worsening"),  # the gap grew, sign aside
        ({2014: -4.2, 2015: 1.0}, "towards_zero", 1.0, "points", "improving"),
        ({2014: 5.0, 2015: -5.0}, "towards_zero", 1.0, "points", "stable"),
        ({2014: 1.0, 2015: 9.0}, "none", None, None, "not_judged"),
    ],
)
def test_direction_between_the_last_two_values(series, desired, threshold, kind, state):
    assert analysis.direction(series, desired, threshold, kind).state == state


def test_direction_skips_missing_years_and_never_reads_them_as_zero():
    series = {2014: 16936.0, 2015: 16894.0, 2016: 17590.0, 2017: None, 2018: math.nan}
    reading = analysis.direction(series, "up", 2.0, "percent")
    assert reading.previous == (2015, 16894.0) and reading.latest == (2016, 17590.0)
    assert reading.state == "improving"
    assert reading.change == pytest.approx((17590 - 16894) / 16894 * 100)


@pytest.mark.parametrize("series", [{}, {2014: None, 2015: None}, {2014: 3.0, 2015: None, 2016: math.nan}])
def test_direction_needs_two_values(series):
    assert analysis.direction(series, "down", 1.0, "points").state == "insufficient"


def test_a_percent_change_from_zero_is_insufficient():
    assert analysis.direction({2014: 0.0, 2015: 3.0}, "up", 1.0, "percent").state == "insufficient"


# --- targets ---------------------------------------------------------------------------------------------------


def test_a_missing_base_year_value_is_said_not_guessed():
    series = {2014: 3471.62, 2015: 3749.45, 2016: 3811.48, 2017: 3694.41, 2018: None}
    check = analysis.check_target(series, 2005, 2030, -40)
    assert check.state == "base_missing"
    assert check.base_value is None and check.needed is None and check.path() == []


def test_on_track_means_at_or_below_the_straight_path():
    # base 1000 in 2005, -40 % by 2030: the path loses 16 a year, so 2015 needs 840 or less.
    check = analysis.check_target({2005: 1000.0, 2015: 840.0}, 2005, 2030, -40)
    assert check.state == "on_track"
    assert check.target_level == pytest.approx(600.0) and check.needed == pytest.approx(840.0)
    assert analysis.check_target({2005: 1000.0, 2015: 841.0}, 2005, 2030, -40).state == "off_track"
    path = dict(check.path())
    assert path[2005] == pytest.approx(1000.0) and path[2030] == pytest.approx(600.0) and len(path) == 26


def test_the_latest_value_after_a_gap_is_the_one_judged():
    series = {2005: 1000.0, 2010: 700.0, 2015: 900.0, 2016: None}
    check = analysis.check_target(series, 2005, 2030, -40)
    assert check.latest == (2015, 900.0) and check.state == "off_track"


def test_after_the_target_year_a_target_is_reached_or_missed():
    assert analysis.check_target({2005: 10.0, 2031: 5.9}, 2005, 2030, -40).state == "reached"
    assert analysis.check_target({2005: 10.0, 2030: 6.5}, 2005, 2030, -40).state == "missed"


def test_no_value_after_the_base_year():
    check = analysis.check_target({2005: 10.0, 2006: None}, 2005, 2030, -40)
    assert check.state == "no_value_since_base" and check.path()


def test_a_target_that_rises():
    assert analysis.check_target({2010: 50.0, 2015: 56.0}, 2010, 2020, 20, desired="up").state == "on_track"
    assert analysis.check_target({2010: 50.0, 2015: 54.0}, 2010, 2020, 20, desired="up").state == "off_track"


# --- values in force -------------------------------------------------------------------------------------------


def test_a_revision_replaces_the_value_in_force_and_counts_the_history():
    document = pd.DataFrame(
        {"indicator_id": ["a", "a"], "year": [2017, 2018], "value": [3.0, None], "source": ["doc", "doc"]}
    )
    revisions = pd.DataFrame(
        {
            "revision_id": [2, 1, 3],
            "indicator_id": ["a", "a", "a"],
            "year": [2018, 2018, 2019],
            "value": [4.5, 4.0, 5.0],
            "source": ["BISA 2021", "BISA 2020", "BISA 2021"],
            "source_date": [None, None, None],
        }
    )
    values = analysis.values_in_force(document, revisions).set_index("year")
    assert values.at[2017, "value"] == 3.0 and values.at[2017, "origin"] == "document"
    assert values.at[2018, "value"] == 4.5 and values.at[2018, "revisions"] == 2
    assert values.at[2018, "source"] == "BISA 2021"
    assert values.at[2019, "value"] == 5.0 and values.at[2019, "revisions"] == 1
    empty = analysis.values_in_force(document, revisions.iloc[0:0])
    assert empty["value"].isna().sum() == 1 and (empty["origin"] == "document").all()


# --- objective context and delivery ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("readings", "context"),
    [
        (["improving", "stable"], "improving"),
        (["worsening", "insufficient"], "worsening"),
        (["improving", "worsening"], "mixed"),
        (["stable", "not_judged"], "stable"),
        (["not_judged", "insufficient"], "none"),
        ([], "none"),
    ],
)
def test_objective_context(readings, context):
    assert analysis.objective_context(readings) == context


@pytest.mark.parametrize(
    ("status", "confidence", "delivery"),
    [
        ("in_progress", "green", "on_track"),
        ("not_started", "amber", "on_track"),
        ("in_progress", "red", "off_track"),
        ("stalled", "amber", "off_track"),
        ("abandoned", None, "off_track"),
        ("partially_delivered", None, "on_track"),
        ("delivered", None, "on_track"),
        ("not_assessed", None, "not_assessed"),
    ],
)
def test_workstream_delivery(status, confidence, delivery):
    assert analysis.workstream_delivery(status, confidence) == delivery


def test_objective_delivery_counts_only_assessed_workstreams():
    current = {"1.1.1": ("in_progress", "green"), "1.1.2": ("stalled", "red"), "1.1.3": ("delivered", None)}
    assert analysis.delivery_of(["1.1.1", "1.1.2", "1.1.3", "1.1.4"], current) == ("on_track", 2, 1, 1)
    assert analysis.delivery_of(["1.1.1", "1.1.2"], current)[0] == "off_track"  # a tie is not on track
    assert analysis.delivery_of(["1.1.4"], current) == ("not_assessed", 0, 0, 1)


# --- the editorial files in the built database ----------------------------------------------------------------


def test_every_indicator_has_a_direction_with_a_rationale(con):
    rows = con.execute("""
        SELECT i.indicator_id, d.desired, d.threshold, d.rationale
        FROM indicators AS i LEFT JOIN indicator_directions AS d USING (indicator_id)""").fetchall()
    assert rows and all(desired and len(rationale) > 20 for _i, desired, _t, rationale in rows)
    assert all((threshold is None) == (desired == "none") for _i, desired, threshold, _r in rows)


def test_every_editorial_link_has_a_one_line_rationale(con):
    links = con.execute("SELECT indicator_id, objective_code, rationale FROM indicator_objectives").fetchall()
    assert len(links) >= 15
    assert all(rationale.strip() and "\n" not in rationale for _i, _o, rationale in links)
    linked = {indicator for indicator, _o, _r in links}
    assert linked == {i for (i,) in con.execute("SELECT indicator_id FROM indicators").fetchall()}


def test_measurable_targets_are_numeric_with_a_base_year_and_quote_their_document(con):
    rows = con.execute("""
        SELECT t.quote, t.kind, t.target_value, t.target_year, m.base_year, m.document, m.line_start, m.line_end
        FROM target_indicators AS m JOIN targets AS t USING (target_id)""").fetchall()
    assert rows
    for quote, kind, value, year, base_year, document, start, end in rows:
        assert kind == "numeric_target" and value is not None and year > base_year
        text = " ".join(" ".join(document_lines(DOCUMENTS_DIR / document)[start - 1 : end]).split())
        assert f"{abs(int(value))} %" in text and str(year) in text, quote


# --- numbers in the app equal the numbers in the document ------------------------------------------------------


def _printed_table() -> list[tuple[str, int, str]]:
    """(indicator, year, printed value) read from the document's key-figures table itself."""
    lines = document_lines(DOCUMENTS_DIR / "001_bf1477ece2e32ef4.txt")
    header = next(line for line in lines if line.strip().startswith("Indicatoren Eenheid Bron"))
    years = [int(token) for token in header.split() if token.isdigit()]
    cases = []
    with (SOURCES_DIR / "indicators.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            start, end = int(row["line_start"]), int(row["line_end"])
            tokens = " ".join(lines[start - 1 : end]).replace(" pp", "").replace(" %", "").split()
            printed = [t for t in tokens if t == "n.b." or t[-1].isdigit()][-len(years) :]
            cases.extend((row["indicator_id"], year, text) for year, text in zip(years, printed, strict=True))
    return cases


@pytest.mark.parametrize(("indicator_id", "year", "printed"), _printed_table())
def test_the_app_shows_the_printed_number(app_db, indicator_id, year, printed):
    from monitor import cache

    shown = cache.indicator_series(indicator_id).get(year, "absent")
    expected = parse_printed_number(printed)
    if expected is None:
        assert shown is None  # "n.b." is a gap, never zero
    else:
        assert shown == pytest.approx(expected)


def test_readings_of_the_document_series(app_db):
    """Hand-checked against the printed table and data/sources/indicator_directions.csv."""
    from monitor import cache

    readings = cache.indicator_readings().set_index("indicator_id")
    # 15,0 % -> 13,4 %: -1,6 points, threshold 1 point, lower is better.
    assert readings.at["unemployment_rate_15_64", "state"] == "improving"
    # |-0,3| -> |-2,6| pp: the gap grew by 2,3 points.
    assert readings.at["unemployment_rate_gap_men_women", "state"] == "worsening"
    # 2018 is n.b.: 2016 -> 2017 (76.431 -> 77.694, +1,65 %) is below the 2 % threshold.
    assert readings.at["regional_gdp", "latest_year"] == 2017
    assert readings.at["regional_gdp", "state"] == "stable"
    assert readings.at["social_integration_income_recipients", "state"] == "not_judged"


def test_the_ghg_targets_lack_their_base_year_in_the_documents(app_db):
    from monitor import cache

    checks = cache.target_checks()
    assert checks and {check.state for check in checks.values()} == {"base_missing"}
    assert {check.base_year for check in checks.values()} == {2005}


def test_objective_key_indicator(app_db):
    from monitor import cache

    key = cache.objective_key_indicator("1.1")
    assert key["indicator_id"] == "ghg_emissions_total" and key["latest_year"] == 2017
    assert key["latest_value"] == pytest.approx(3694.41) and key["unit"] == "kt CO2 eq"
    assert cache.objective_key_indicator("1.8") is not None
    assert cache.objective_indicator_directions()["2.2"]


def test_the_counts_the_data_docs_state_are_true(app_db, con):
    import re

    from monitor.core.paths import PROJECT_ROOT

    readme = (PROJECT_ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    from monitor import cache

    states = cache.indicator_readings()["state"].value_counts()
    stated = re.search(r"(\d+) improving, (\d+) stable, (\d+) worsening\s+\(both gaps\), (\d+) not judged", readme)
    assert tuple(map(int, stated.groups())) == tuple(
        int(states.get(s, 0)) for s in ("improving", "stable", "worsening", "not_judged")
    )
    kinds = dict(con.execute("SELECT kind, count(*) FROM targets GROUP BY ALL").fetchall())
    numeric, milestones = map(int, re.search(r"(\d+) numeric targets and (\d+) milestones", readme).groups())
    assert (numeric, milestones) == (kinds["numeric_target"], kinds["milestone"])
    assert int(re.search(r"(\d+) commitments stated without a figure", readme).group(1)) == kinds["commitment"]
    links = int(re.search(r"(\d+) links indicator → objective", readme).group(1))
    assert links == con.execute("SELECT count(*) FROM indicator_objectives").fetchone()[0]
    assert con.execute("SELECT count(DISTINCT objective_code) FROM indicator_objectives").fetchone()[0] == 17


def test_every_year_breaks_the_line_over_years_the_sources_do_not_give():
    years, values = analysis.every_year({2005: 4.0, 2014: 3.0, 2015: None, 2016: 2.5})
    assert years == list(range(2005, 2017))
    assert values[0] == 4.0 and values[1:9] == [None] * 8 and values[9:] == [3.0, None, 2.5]
    assert analysis.every_year({}) == ([], [])


# --- the editorial files are checked by the build --------------------------------------------------------------
@pytest.mark.parametrize(
    ("file", "old", "new", "row", "column"),
    [
        (
            "indicator_directions.csv",
            "unemployment_rate_15_64,down,1.0,points",
            "unemployment_rate_15_64,down,,",
            "2",
            "threshold",
        ),
        (
            "indicator_directions.csv",
            "regional_gdp,up,2.0,percent",
            "regional_gdp,sideways,2.0,percent",
            "9",
            "desired",
        ),
        (
            "indicator_directions.csv",
            "early_school_leavers_rate,down",
            "early_school_leavers,down",
            "-",
            "indicator_id",
        ),
        ("indicator_objectives.csv", "regional_gdp,1.6,", "regional_gdp,9.9,", "9", "objective_code"),
        (
            "target_indicators.csv",
            ",001_bf1477ece2e32ef4.txt,256,",
            ",001_bf1477ece2e32ef4.txt,255,",
            "3",
            "line_start",
        ),
        ("target_indicators.csv", "256,ghg_emissions_total,2005,", "256,ghg_emissions_total,,", "3", "base_year"),
    ],
)
def test_a_malformed_editorial_file_stops_the_build(tmp_path, file, old, new, row, column):
    import shutil

    from monitor.build.database import build_database
    from monitor.core.errors import SourceError

    sources = tmp_path / "data" / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    path = sources / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SourceError) as failure:
        build_database(tmp_path / "strategy.duckdb", sources, DOCUMENTS_DIR)
    problems = [p for p in failure.value.problems if p.file.endswith(file)]
    assert any(p.row == row and p.column == column for p in problems), str(failure.value)
    assert not (tmp_path / "strategy.duckdb").exists()
