"""End to end in headless Chromium: the key figures page draws every indicator with readable axes and units, the
table fits 1366 px, and the secretariat adds a year of indicators that then shows everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.core.paths import SOURCES_DIR
from tests.browser import go, import_journey, sign_in, streamlit_server, wait_until_ready
from tests.people import add_people
from tests.test_browser import ARTIFACTS, chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser
INDICATOR_COUNT = sum(1 for _line in (SOURCES_DIR / "indicators.csv").open(encoding="utf-8")) - 1


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    logs = tmp_path_factory.mktemp("indicators-e2e")
    add_people(logs / "users.yaml")
    with streamlit_server(built_db, logs) as url:
        yield url


def _charts_drawn(page, count: int) -> None:
    page.locator('[data-testid="stPlotlyChart"] svg.main-svg').nth(count - 1).wait_for()
    page.wait_for_timeout(800)


@pytest.mark.parametrize(("lang", "decimal"), [("nl", "13,4"), ("en", "13.4")])
def test_every_indicator_is_drawn_with_its_unit_and_axes(chromium, server, lang, decimal):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 4600})
    page.goto(f"{server}/indicators?lang={lang}")
    wait_until_ready(page, 90_000)  # a first load on a busy 2-core machine
    _charts_drawn(page, 1)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    titles = chart.locator("g.annotation").all_text_contents()
    assert len(titles) == INDICATOR_COUNT
    assert any("kt CO2 eq" in title for title in titles) and any(title.endswith("pp") for title in titles)
    for axis in ("x", "y"):  # every panel has labelled ticks on both axes (plotly: g.xtick, g.x2tick, …)
        labelled = chart.locator(f'g[class^="{axis}"][class$="tick"]').all_text_contents()
        assert len([text for text in labelled if text.strip()]) >= 2 * INDICATOR_COUNT, axis
    years = chart.locator('g[class^="x"][class$="tick"]').all_text_contents()
    assert years.count("2014") == INDICATOR_COUNT
    overlaps = page.evaluate(
        """() => {
        const boxes = [...document.querySelectorAll('[data-testid="stPlotlyChart"] g.annotation')]
            .map(e => e.getBoundingClientRect());
        let found = 0;
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found++;
        }));
        return found;
    }"""
    )
    assert overlaps == 0  # panel titles never run into each other
    table = page.locator('[data-testid="stTable"]').first
    widths = table.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] <= widths[1] + 1, widths  # no sideways scrolling at 1366 px
    cells = table.locator("td, th")
    clipped = cells.evaluate_all("cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1).length")
    assert clipped == 0  # every name and value shows whole
    table_text = page.evaluate("() => document.body.innerText")
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"e2e-indicators-{lang}.png"), full_page=True)
    assert "Uitstoot van broeikasgassen" in table_text or table.is_visible()
    page.close()


def test_the_secretariat_adds_a_year_and_it_shows_everywhere(chromium, server, tmp_path):  # noqa: F811
    upload = Path(tmp_path) / "bisa-2020.csv"
    upload.write_text(
        "indicator,year,value,source,date\n"
        'unemployment_rate_15_64,2019,"12,7",BISA kerncijfers (test),2020-09-01\n'
        "unemployment_rate_15_64,2018,13.5,BISA kerncijfers (test),2020-09-01\n",
        encoding="utf-8",
    )
    broken = Path(tmp_path) / "broken.csv"
    broken.write_text("indicator,year,value,source,date\nnonsense,2019,1,x,2020-01-01\n", encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    # sign in on the Account page opened directly (a secretariat member's first step), then use the menu
    page.goto(f"{server}/account?lang=en")
    wait_until_ready(page, 90_000)
    sign_in(page, "secretariat")
    import_journey(
        page,
        "Import indicator values",
        broken,
        upload,
        "2 values are ready (revising a value in force: 1;",
        "Import these 2 values",
        "2 values imported.",
        ("Problem", "Change"),
        preview_shot=ARTIFACTS / "e2e-indicator-import-preview.png",
    )
    go(page, "Indicators")
    page.get_by_test_id("stMainBlockContainer").get_by_role("combobox", name="Indicator", exact=True).click()
    page.get_by_role("option", name="Werkloosheidsgraad bij de leeftijdscategorie 15-64 jaar").click()
    wait_until_ready(page)
    assert "indicator=unemployment_rate_15_64" in page.url
    page.get_by_text("History of entered values (2)").wait_for()
    page.get_by_text("Latest value (2019), %").wait_for()
    _charts_drawn(page, 1)
    assert "2019" in page.locator('[data-testid="stPlotlyChart"] g.xtick').all_text_contents()
    page.screenshot(path=str(ARTIFACTS / "e2e-indicator-after-import.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()
