"""End to end in headless Chromium: a cabinet editor reports, the secretariat validates, everyone sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from monitor.core import tabular
from monitor.core.paths import STORE_PATH_ENV
from monitor.progress import sample
from monitor.storage import store
from monitor.ui.tables import grid_row_height
from tests.browser import (
    choose,
    cut_or_scrolling_sideways,
    go,
    import_journey,
    sign_in,
    streamlit_server,
    upload,
    wait_until_ready,
)
from tests.people import add_people
from tests.test_browser import ARTIFACTS, chromium  # noqa: F401 - the shared browser fixture
from tests.test_hostile_uploads import bombs, corrupt_workbook

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    logs = tmp_path_factory.mktemp("progress-e2e")
    users = logs / "users.yaml"
    add_people(users)
    with streamlit_server(built_db, logs) as url:
        yield url


def test_report_validate_and_see_it(chromium, server):  # noqa: F811 - pytest fixture
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(f"{server}/progress")
    wait_until_ready(page)
    page.get_by_text("No progress has been reported yet").wait_for()

    sign_in(page, "cabinet")
    go(page, "Report progress")
    main = page.get_by_test_id("stMainBlockContainer")
    workstream = main.get_by_role("combobox", name="Workstream", exact=True).input_value()
    assert workstream.startswith("1.2.3 ")  # the first workstream the Minister-President may report on
    choose(page, "Status", "◐ In progress", where=page.get_by_test_id("stMainBlockContainer"))
    page.get_by_text("Amber: feasible, significant issues").click()
    wait_until_ready(page)
    page.get_by_role("textbox", name="Narrative").fill("Call for projects launched with Brupartners.")
    page.get_by_role("button", name="Propose this update").click()
    page.get_by_text("Your update is proposed").wait_for()
    assert cut_or_scrolling_sideways(page) == []  # the workstream's history fits at 1366 px
    page.screenshot(path=str(ARTIFACTS / "e2e-report.png"))

    go(page, "Progress")  # proposed, not validated: official nowhere yet
    page.get_by_text("Nothing has been validated yet: 1 proposal from a cabinet awaits validation").wait_for()
    page.get_by_text("Not yet assessed 100").first.wait_for()

    go(page, "Account")
    page.get_by_role("button", name="Sign out").click()
    wait_until_ready(page)
    sign_in(page, "secretariat")
    go(page, "Validate")
    page.get_by_text("Proposed updates awaiting validation (1)").wait_for()
    assert cut_or_scrolling_sideways(page) == []  # the queue fits at 1366 px
    page.get_by_text("Select the 1 update shown").click()
    wait_until_ready(page)
    page.get_by_text("proposed by Anna Peeters").wait_for()  # the person, not the account "cabinet"
    page.get_by_test_id("stText").get_by_text("Call for projects launched with Brupartners.").wait_for()
    page.get_by_role("button", name="Validate 1 selected update", exact=True).click()
    page.get_by_text("1 update validated.").wait_for()
    page.screenshot(path=str(ARTIFACTS / "e2e-validate.png"))

    go(page, "Progress")
    page.get_by_text("Not yet assessed 99, In progress 1").first.wait_for()
    page.get_by_text("1 update validated since the last Summit").wait_for()
    page.locator('[data-testid="stTable"]').nth(1).wait_for()  # the counts and the transitions, to read
    page.locator('[data-testid="stDataFrame"]').first.wait_for()  # the list of changes, to sort and scroll
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "e2e-progress.png"), full_page=True)
    page.close()


def test_the_secretariat_ticks_rows_in_the_grid_and_validates_them_at_once(
    chromium,  # noqa: F811 - pytest fixture
    app_db,
    tmp_path,
    monkeypatch,
):
    """The grid's own row boxes select several updates (AppTest can only set the selection's state)."""
    monkeypatch.setenv(STORE_PATH_ENV, str(tmp_path / "store.duckdb"))  # the store the server below opens
    sample.generate()  # dozens of proposals awaiting validation
    store.close_all()
    add_people(tmp_path / "users.yaml")
    with streamlit_server(app_db, tmp_path) as url:
        page = chromium.new_page(viewport={"width": 1366, "height": 2000})
        page.goto(f"{url}/progress")
        wait_until_ready(page)
        sign_in(page, "secretariat")
        go(page, "Validate", shows=page.get_by_text("Select all"))
        grid = page.get_by_test_id("stDataFrame").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        header, row = 35, grid_row_height(3)  # the queue's rows are 3 lines tall
        for position in (0, 2):  # the row's box, in the grid's first column
            page.mouse.click(box["x"] + 15, box["y"] + header + row * position + row / 2)
            wait_until_ready(page)
        validate = page.get_by_role("button", name="Validate 2 selected updates", exact=True)
        validate.wait_for()
        page.screenshot(path=str(ARTIFACTS / "e2e-validate-selection.png"))
        page.get_by_role("textbox", name="Comment").fill("Seen at the Summit")
        validate.click()
        page.get_by_text("2 updates validated.").wait_for()
        page.get_by_role("button", name="Validate 0 selected updates", exact=True).wait_for()  # a fresh selection
        page.close()


def test_upload_preview_and_commit(chromium, server, tmp_path):  # noqa: F811 - pytest fixture
    upload = Path(tmp_path) / "updates.csv"
    upload.write_text(
        "workstream,status,as_of,confidence,stall_reason,narrative,evidence_url\n"
        "2.1.1,stalled,2026-10-01,red,budget,Waiting for the budget,\n"
        "2.1.2,delivered,2026-10-01,,,Done,https://be.brussels/\n",
        encoding="utf-8",
    )
    broken = Path(tmp_path) / "broken.csv"
    broken.write_text("workstream,status,as_of\n9.9.9,done,tomorrow\n", encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(f"{server}/import-export")
    wait_until_ready(page)
    sign_in(page, "secretariat")
    import_journey(
        page,
        "Import and export",
        broken,
        upload,
        "2 updates are ready",
        "Import these 2 updates",
        "2 updates imported.",
        ("Problem", "Narrative"),
    )
    page.screenshot(path=str(ARTIFACTS / "e2e-import.png"), full_page=True)
    page.close()


def test_a_corrupt_workbook_and_a_workbook_bomb_get_a_message_not_a_traceback(
    chromium,  # noqa: F811 - pytest fixture
    server,
    tmp_path,
):
    corrupt, bomb = Path(tmp_path) / "corrupt.xlsx", Path(tmp_path) / "bomb.xlsx"
    corrupt.write_bytes(corrupt_workbook())
    bomb.write_bytes(bombs()[0])  # 121 kB holding a million cells
    page = chromium.new_page(viewport={"width": 1366, "height": 1400})
    page.goto(f"{server}/import-export")
    wait_until_ready(page)
    sign_in(page, "secretariat")
    go(page, "Import and export")
    upload(page, corrupt, "corrupt.xlsx cannot be read: it is not a readable Excel (XLSX) workbook.")
    megabytes = tabular.MAX_UNZIPPED_TOTAL // 1_000_000
    upload(page, bomb, re.compile(rf"bomb\.xlsx cannot be read: once unpacked it would take more than {megabytes} MB"))
    assert page.get_by_test_id("stException").count() == 0
    assert "Traceback" not in page.content() and "zlib" not in page.content()
    page.close()
