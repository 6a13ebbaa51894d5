"""End to end in real headless Chromium (Debian's package) against a running app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    choose,
    cut_or_scrolling_sideways,
    go,
    shows,
    streamlit_server,
    wait_until_ready,
)

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
    page.locator('[data-testid="stMetric"]').nth(7).wait_for()

    def metric(label: str) -> str:
        labelled = page.locator('[data-testid="stMetric"]').filter(has=page.get_by_text(label, exact=True))
        return labelled.locator('[data-testid="stMetricValue"]').inner_text()

    (expected,) = con.execute("SELECT count(*) FROM workstreams").fetchone()
    assert metric("Workstreams with a validated status") == f"0 of {expected}"  # where things stand, first
    assert metric("Objectives") == "17" and metric("Workstreams") == str(expected)
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
    documents = page.locator('[data-testid="stTable"]').first  # to read: titles and descriptions in full
    documents.wait_for()
    assert documents.locator("tbody tr").count() == 5
    assert cut_or_scrolling_sideways(page) == []
    assert page.locator('[data-testid="stExpander"]').count() >= 10
    page.screenshot(path=str(ARTIFACTS / "about-fr-1366.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("launcher", ["make run", "streamlit run dashboard.py"])
def test_first_visit_by_deep_link_gets_the_router(chromium, built_db, tmp_path, launcher):
    """A fresh server whose first visitor opens a deep link gets that page through dashboard.py's router (menu,
    sidebar, filters) and no "Page not found" dialog, started with the README's command or as every Streamlit
    user starts an app."""
    with streamlit_server(built_db, tmp_path, make_run=launcher == "make run") as url:
        page = chromium.new_page(viewport={"width": 1366, "height": 1600})
        page.goto(f"{url}/objectives?objective=1.4&lang=fr")
        wait_until_ready(page)
        page.get_by_role("heading", name="1.4 · [NL] De economie ondersteunen", exact=False).wait_for()
        navigation = page.locator('[data-testid="stSidebarNav"]')
        links = [link.get_attribute("href").removeprefix(url) for link in navigation.get_by_role("link").all()]
        assert "Qui fait quoi" in navigation.inner_text() and "dashboard" not in navigation.inner_text()
        assert links[:3] == ["/", "/objectives", "/workstreams"] and "/import-export" in links  # the router's
        assert not any(legacy in link for link in links for legacy in ("about_data", "import_export", "overview"))
        assert page.locator('[data-testid="stSidebar"]').get_by_text("Pilier", exact=False).count()  # filters
        assert page.get_by_role("dialog").count() == 0  # Streamlit's "Page not found" of its legacy page folder
        page.close()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "objectives",
        "workstreams",
        "partners?lang=fr",
        "progress",
        "import-export",
        "indicators",
        "indicators?indicator=ghg_emissions_total",
        "about",
    ],  # every page that opens with a grid or a table in view (Validate and Report: the progress journey)
)
def test_lists_show_long_titles_without_scrolling_sideways_at_1366(chromium, base_url, path):
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(f"{base_url}/{path}")
    wait_until_ready(page)
    page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').first.wait_for()  # a grid or a table
    assert cut_or_scrolling_sideways(page) == []
    page.close()


def test_cabinet_portfolio_and_csv_download_hold_exactly_the_filtered_rows(chromium, base_url, con):
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(base_url)
    wait_until_ready(page)
    choose(page, "My portfolio", "Minister van Mobiliteit")
    shows(page, page.get_by_role("heading", name="Portfolio: [NL] Minister van Mobiliteit", exact=False))
    assert "member=brussels_minister_mobility" in page.url and "/members" in page.url
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").first.click()
    rows = download.value.path().read_text(encoding="utf-8-sig").strip().splitlines()
    # "My portfolio" opens on what the cabinet answers for: the workstreams it initiates or steers, and on
    # them each of its responsibilities once (an objective it joins shows where it also steers a workstream)
    expected = con.execute("""
        WITH answers_for AS (
            SELECT DISTINCT workstream_code FROM workstream_members
            WHERE member_id = 'brussels_minister_mobility' AND role IN ('initiating', 'steering'))
        SELECT count(DISTINCT (r.role, coalesce(r.workstream_code, r.objective_code))) FROM responsibilities AS r
        WHERE r.member_id = 'brussels_minister_mobility' AND (
            r.workstream_code IN (SELECT * FROM answers_for) OR (r.workstream_code IS NULL AND r.objective_code IN (
                SELECT w.objective_code FROM workstreams AS w WHERE w.code IN (SELECT * FROM answers_for))))
        """).fetchone()[0]
    assert (
        rows[0].startswith("Role,How sure,Code,Title,Title (language),Where it stands,") and len(rows) - 1 == expected
    )
    assert cut_or_scrolling_sideways(page) == []  # the portfolio's grid fits at 1366 px
    # the grid's own toolbar offers search but not its "Download as CSV", which would skip the defusing
    page.get_by_test_id("stDataFrame").first.hover()
    page.get_by_role("button", name="Search").first.wait_for()
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    page.screenshot(path=str(ARTIFACTS / "journey-portfolio-1366.png"), full_page=True)
    page.close()


MENU_WALK = (("Objectives", "/objectives"), ("Progress", "/progress"), ("Overview", "/"), ("Who does what", "/members"))


@pytest.mark.parametrize("start", ["", "objectives", "progress"])
@pytest.mark.parametrize("preset", ["My portfolio", "Shared with the social partners"])
def test_after_a_preset_the_menu_still_opens_every_page(chromium, base_url, start, preset):
    """A preset sets the filters and opens its page once; the menu then goes anywhere (after "My portfolio" it
    kept sending the user back to the portfolio, 4 times out of 4)."""
    page = chromium.new_page(viewport={"width": 1366, "height": 1400})
    page.goto(f"{base_url}/{start}")
    wait_until_ready(page)
    sidebar = page.get_by_test_id("stSidebar")
    if preset == "My portfolio":
        choose(page, preset, "Minister van Mobiliteit", where=sidebar)
        shows(page, page.get_by_role("heading", name="Portfolio: [NL] Minister van Mobiliteit", exact=False))
    else:
        sidebar.get_by_role("button", name=preset).click()
        wait_until_ready(page)
    kept = "member=brussels_minister_mobility" if preset == "My portfolio" else "priority=shared"
    for link, path in MENU_WALK:
        go(page, link)
        address = page.url.removeprefix(base_url)
        assert address.split("?")[0] == path and kept in address, (link, address)  # there, with the filters
    page.close()


def test_brupartners_view_is_reproduced_by_its_url(chromium, base_url):
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(f"{base_url}/partners?lang=fr")
    wait_until_ready(page)
    page.get_by_role("button", name="Partagé avec les partenaires sociaux").click()
    wait_until_ready(page)
    choose(page, "Domaine politique (Sommet social 2026)", "TEWERKSTELLING")
    status = page.get_by_text("Vue filtrée", exact=False).first
    status.wait_for()
    shown = status.inner_text()
    url = page.url
    assert "priority=shared" in url and "theme=employment" in url and "lang=fr" in url
    copy = chromium.new_context().new_page()
    copy.set_viewport_size({"width": 1366, "height": 2400})
    copy.goto(url)
    wait_until_ready(copy)
    copy.get_by_text("Vue filtrée", exact=False).first.wait_for()
    assert copy.get_by_text("Vue filtrée", exact=False).first.inner_text() == shown
    assert copy.get_by_role("heading", name="Partenaires et thèmes").is_visible()
    tables = copy.locator('[data-testid="stTable"]')  # tables to read: long texts wrapped, in full
    tables.nth(1).wait_for()
    assert tables.count() == page.locator('[data-testid="stTable"]').count() == 2  # the partners: a grid
    rows = [
        [table.locator("tbody tr").count() for table in view.locator('[data-testid="stTable"]').all()]
        for view in (copy, page)
    ]
    assert rows[0] == rows[1] and all(rows[0]), rows
    assert cut_or_scrolling_sideways(copy) == []  # at 1366 px every cell shows its whole text
    copy.screenshot(path=str(ARTIFACTS / "journey-brupartners-fr-1366.png"), full_page=True)
    page.close()
    copy.close()


def test_filters_survive_a_page_that_does_not_draw_them(chromium, base_url):
    """The Account page draws no filters, yet its URL keeps them and the way back shows the same view."""
    page = chromium.new_page(viewport={"width": 1366, "height": 1600})
    page.goto(f"{base_url}/objectives?lang=en&pillar=2&priority=shared")
    wait_until_ready(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Pillar 2 (").wait_for()
    assert sidebar.get_by_role("combobox", name="Pillar").count() == 1
    for path, link in (("account", "Account"), ("objectives", "Objectives")):
        go(page, link)
        page.wait_for_url(lambda url, path=path: f"/{path}?" in url and "pillar=2" in url and "priority=shared" in url)
        wait_until_ready(page)
        if path == "account":
            page.get_by_role("button", name="Sign in").wait_for()
            assert sidebar.get_by_role("combobox", name="Pillar").count() == 0  # not drawn there
    sidebar.get_by_text("Pillar 2 (").wait_for()
    sidebar.get_by_text("Shared (").wait_for()
    page.close()


def test_clicking_a_bar_drills_down_to_the_objective(chromium, base_url):
    page = chromium.new_page(viewport={"width": 1366, "height": 2000})
    page.goto(f"{base_url}/objectives")
    wait_until_ready(page)
    bar = page.locator('[data-testid="stPlotlyChart"] g.trace.bars g.point path').first
    bar.wait_for(timeout=20_000)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_role("heading", name="1.1 · [NL] De voorwaarden creëren", exact=False).wait_for(timeout=20_000)
    assert "objective=1.1" in page.url
    page.close()


def test_a_table_to_read_shows_entered_texts_as_typed(chromium, built_db, tmp_path):
    """st.table reads every cell as Markdown: titles entered by admins and narratives are shown as typed."""
    from tests.apps.literal_table import TEXTS

    app = Path(__file__).resolve().parent / "apps" / "literal_table.py"
    with streamlit_server(built_db, tmp_path, app) as url:
        page = chromium.new_page()
        page.goto(url)
        wait_until_ready(page)
        tables = page.locator('[data-testid="stTable"]')
        tables.nth(1).wait_for()
        shown = [table.locator("tbody tr td:first-child").all_inner_texts() for table in tables.all()]
        page.close()
    # an invisible word joiner may remain
    assert [[text.strip().replace("\u2060", "") for text in texts] for texts in shown] == [TEXTS, TEXTS]
