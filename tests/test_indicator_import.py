"""Yearly indicator imports: malformed files, unknown indicators, duplicate years, revisions, conflicts; nothing
partial, every revision kept with its import, time and author."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook

from monitor import cache
from monitor.core.errors import Conflict, PermissionDenied
from monitor.core.tabular import UnreadableFile, read_table
from monitor.i18n import translations
from monitor.indicators import entries
from monitor.storage import store
from tests.rendered import open_page, rendered_text

TODAY = date(2026, 11, 1)
HEADER = "indicator,year,value,source,date\n"


def known() -> dict[str, str]:
    readings = cache.indicator_readings()
    return dict(zip(readings["indicator_id"], readings["name"], strict=True))


def preview(text: str, name: str = "values.csv"):
    return entries.preview_values(read_table(name, text.encode()), known(), cache.indicator_values(), TODAY)


def revision_count() -> int:
    return int(store.connection().execute("SELECT count(*) FROM indicator_revisions").fetchone()[0])


def test_a_new_year_and_a_revision_are_told_apart_and_both_written(admin):
    found = preview(
        HEADER
        + 'unemployment_rate_15_64,2019,"12,7",BISA kerncijfers 2020,2020-09-01\n'
        + "regional_gdp,2018,80100,INR 2020,2020-02-15\n"  # n.b. in the document: a new value for a gap
        + "unemployment_rate_15_64,2018,13.5,BISA kerncijfers 2020,2020-09-01\n"  # the document prints 13,4
    )
    assert found.ok, found.problems
    kinds = {(p.new.indicator_id, p.new.year): (p.is_revision, p.previous) for p in found.planned}
    assert kinds[("unemployment_rate_15_64", 2019)] == (False, None)
    assert kinds[("regional_gdp", 2018)] == (False, None)
    assert kinds[("unemployment_rate_15_64", 2018)] == (True, 13.4)
    import_id = entries.commit_values(admin, found)
    series = cache.indicator_series("unemployment_rate_15_64")
    assert series[2019] == 12.7 and series[2018] == 13.5 and series[2014] == 18.5
    assert cache.indicator_series("regional_gdp")[2018] == 80100
    history = cache.indicator_history("unemployment_rate_15_64")
    assert set(history["import_id"]) == {import_id} and set(history["recorded_by"]) == {"secretariat"}
    assert history["file_name"].tolist() == ["values.csv", "values.csv"]


def test_a_second_revision_keeps_the_first_in_the_history(admin):
    entries.commit_values(admin, preview(HEADER + "early_school_leavers_rate,2019,10.1,BISA 2020,2020-09-01\n"))
    second = preview(HEADER + "early_school_leavers_rate,2019,9.9,BISA 2021 (herzien),2021-09-01\n")
    assert second.planned[0].is_revision and second.planned[0].previous == 10.1
    entries.commit_values(admin, second)
    history = cache.indicator_history("early_school_leavers_rate")
    assert history["value"].tolist() == [10.1, 9.9] and history["import_id"].nunique() == 2
    assert cache.indicator_series("early_school_leavers_rate")[2019] == 9.9
    values = cache.indicator_values()
    row = values[(values["indicator_id"] == "early_school_leavers_rate") & (values["year"] == 2019)].iloc[0]
    assert row["revisions"] == 2 and row["source"] == "BISA 2021 (herzien)"


def test_the_same_value_and_source_again_writes_nothing(admin):
    text = HEADER + "vat_registered_enterprises,2018,108000,Statbel 2020,2020-05-01\n"
    entries.commit_values(admin, preview(text))
    again = preview(text)
    assert not again.planned and again.unchanged == 1 and not again.ok


@pytest.mark.parametrize(
    ("line", "column", "key"),
    [
        ("nonsense,2019,1,src,2020-01-01", "indicator", "indicators.error.unknown_indicator"),
        ("regional_gdp,19,1,src,2020-01-01", "year", "indicators.error.bad_year"),
        ("regional_gdp,2019.5,1,src,2020-01-01", "year", "indicators.error.bad_year"),
        ("regional_gdp,2019,72.154.1,src,2020-01-01", "value", "indicators.error.bad_value"),
        ('regional_gdp,2019,"1 000",src,2020-01-01', "value", "indicators.error.bad_value"),
        ("regional_gdp,2019,n.b.,src,2020-01-01", "value", "indicators.error.missing_value"),
        ("regional_gdp,2019,,src,2020-01-01", "value", "indicators.error.missing_value"),
        ("regional_gdp,2019,1,,2020-01-01", "source", "indicators.error.missing_source"),
        ("regional_gdp,2019,1,src,01/02/2020", "date", "import.error.bad_date"),
        ("regional_gdp,2019,1,src,2099-01-01", "date", "indicators.error.future_date"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(admin, line, column, key):
    found = preview(HEADER + "early_school_leavers_rate,2019,10.1,BISA 2020,2020-09-01\n" + line + "\n")
    assert (found.problems[0].row, found.problems[0].column, found.problems[0].key) == (3, column, key)
    assert not found.ok
    with pytest.raises(ValueError):
        entries.commit_values(admin, found)
    assert revision_count() == 0


def test_a_repeated_indicator_and_year_is_refused(admin):
    found = preview(HEADER + "regional_gdp,2019,1,a,2020-01-01\nregional_gdp,2019,2,b,2020-01-01\n")
    assert [(p.row, p.key, p.values) for p in found.problems] == [(3, "indicators.error.repeated_row", {"row": 2})]


@pytest.mark.parametrize(
    ("content", "name", "key"),
    [
        (b"\xff\xfe\x00garbage", "values.csv", "import.error.not_utf8"),
        (b"not a workbook", "values.xlsx", "import.error.bad_xlsx"),
        (b"", "values.csv", "import.error.empty"),
        (b"a,b\n1,2\n", "values.pdf", "import.error.file_type"),
    ],
)
def test_an_unreadable_file_is_refused_with_its_reason(content, name, key):
    with pytest.raises(UnreadableFile) as refused:
        read_table(name, content)
    assert refused.value.problem.key == key


def test_a_wrong_header_is_refused(admin):
    found = preview("indicator,year,amount,source\nregional_gdp,2019,1,a\n")
    reported = {(p.column, p.key) for p in found.problems}
    assert ("value", "import.error.missing_column") in reported and ("date", "import.error.missing_column") in reported
    assert ("amount", "import.error.unknown_column") in reported and not found.planned


def test_xlsx_with_numbers_and_dates_as_cells(admin):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["indicator", "year", "value", "source", "date"])
    sheet.append(["ghg_emissions_total", 2018, 3600.25, "Leefmilieu Brussel 2020", date(2020, 6, 30)])
    sheet.append(["Voortijdige schoolverlaters", 2019, 9.8, "Statbel 2020", date(2020, 6, 30)])  # the name works too
    buffer = io.BytesIO()
    workbook.save(buffer)
    found = entries.preview_values(
        read_table("values.xlsx", buffer.getvalue()), known(), cache.indicator_values(), TODAY
    )
    assert found.ok, found.problems
    assert [(p.new.indicator_id, p.new.year, p.new.value) for p in found.planned] == [
        ("ghg_emissions_total", 2018, 3600.25),
        ("early_school_leavers_rate", 2019, 9.8),
    ]
    assert found.planned[0].new.source_date == date(2020, 6, 30)


def test_blank_template_rows_are_skipped():
    template = entries.template(known())
    text = template.to_csv(index=False)
    found = preview(text)
    assert found.skipped == len(known()) and not found.problems and not found.planned


def test_a_value_far_from_the_nearest_year_is_flagged_not_refused(admin):
    found = preview(HEADER + "regional_gdp,2018,78.5,INR 2020,2020-02-15\n")  # 78.5 where 77.694 was printed
    assert found.ok and found.planned[0].suspicious


def test_a_change_since_the_preview_stops_the_whole_import(admin):
    first = preview(HEADER + "regional_gdp,2018,80100,INR 2020,2020-02-15\nregional_gdp,2019,82000,INR,2020-02-15\n")
    meanwhile = preview(HEADER + "regional_gdp,2019,81000,INR (voorlopig),2020-01-15\n")
    entries.commit_values(admin, meanwhile)
    with pytest.raises(Conflict):
        entries.commit_values(admin, first)
    history = cache.indicator_history("regional_gdp")
    assert history["value"].tolist() == [81000.0]  # the 2018 row of the stopped import was not written either


def test_only_the_secretariat_imports(admin, editor):
    found = preview(HEADER + "regional_gdp,2019,82000,INR,2020-02-15\n")
    for user in (None, editor):
        with pytest.raises(PermissionDenied):
            entries.commit_values(user, found)
    assert revision_count() == 0


def test_imports_are_audited(admin):
    entries.commit_values(admin, preview(HEADER + "regional_gdp,2019,82000,INR,2020-02-15\n"))
    actions = store.connection().execute("SELECT actor, action FROM audit_log").fetchall()
    kinds = store.connection().execute("SELECT kind, row_count, imported_by FROM imports").fetchall()
    assert actions == [("secretariat", "import_indicator_values")]
    assert kinds == [("indicator_values", 1, "secretariat")]


def test_imported_years_show_on_the_indicators_page(admin):
    entries.commit_values(admin, preview(HEADER + "regional_gdp,2019,82000,INR 2021,2021-02-15\n"))
    app = open_page("pages/explore/indicators.py", lang="en")
    table = app.table[0].value
    assert "2019" in table.columns
    gdp_name = f"{translations.ORIGINAL_MARK} BBP van het Gewest"  # the Dutch name, marked in the English interface
    gdp = table.set_index(table.columns[0]).loc[gdp_name]
    assert gdp["2019"] == "82,000" and gdp["2018"] == "n/a"
    others = table[table[table.columns[0]] != gdp_name]
    assert set(others["2019"]) == {"—"}  # no value given, which is not the source's "not available"
    app = open_page("pages/explore/indicators.py", indicator="regional_gdp", lang="en")
    text = rendered_text(app)
    assert "History of entered values (1)" in text
    history = app.dataframe[1]
    assert history.value["By"].tolist() == ["Sofie Claes"]  # the person behind the account "secretariat"
    assert history.value["Published on"].tolist() == ["15 February 2021"]  # dates as written in the language
    assert history.proto.row_height > 64  # a long source or file name wraps


@pytest.mark.parametrize("user", [None, "secretariat"])
def test_the_import_page_for_viewers_and_the_secretariat(admin, user):
    app = open_page("pages/progress/indicator_import.py", user, lang="en")
    assert not app.exception and not app.error
    text = rendered_text(app)
    assert "Yearly update of the indicators" in text
    assert ("Imports are run by the secretariat" in text) == (user is None)
