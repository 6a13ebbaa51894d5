"""End to end in real headless Chromium (Debian's package) against a running app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_until_ready

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="module")
def base_url(built_db, tmp_path_factory):
    with streamlit_server(built_db, tmp_path_factory.mktemp("logs")) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("viewport", [(1366, 768), (1920, 1080)])
def test_overview_shows_seventeen_objectives_and_the_chart(chromium, base_url, con, viewport):
    width, height = viewport
    page = chromium.new_page(viewport={"width": width, "height": height * 3})
    page.goto(base_url)
    wait_until_ready(page)
    page.locator('[data-testid="stMetric"]').nth(3).wait_for()
    objectives = page.locator('[data-testid="stMetric"]', has_text="Objectives")
    assert objectives.locator('[data-testid="stMetricValue"]').inner_text() == "17"
    workstreams = page.locator('[data-testid="stMetric"]', has_text="Workstreams")
    (expected,) = con.execute("SELECT count(*) FROM workstreams").fetchone()
    assert workstreams.locator('[data-testid="stMetricValue"]').inner_text() == str(expected)
    chart = page.locator('[data-testid="stPlotlyChart"] svg.main-svg').first
    chart.wait_for(timeout=20_000)
    assert page.locator('[data-testid="stPlotlyChart"] g.trace.bars').count() >= 2
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"overview-{width}x{height}.png"), full_page=True)
    page.close()


def test_about_page_and_french_deep_link(chromium, base_url):
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(f"{base_url}/about?lang=fr")
    wait_until_ready(page)
    page.get_by_role("heading", name="À propos des données").wait_for()
    tables = page.locator('[data-testid="stDataFrame"]')
    tables.nth(1).wait_for()
    assert tables.count() == 2
    assert page.locator('[data-testid="stExpander"]').count() >= 10
    page.screenshot(path=str(ARTIFACTS / "about-fr-1366.png"), full_page=True)
    page.close()
