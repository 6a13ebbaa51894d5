"""Helpers for end-to-end tests: a real Streamlit server and Debian's headless Chromium."""

from __future__ import annotations

import os
import re
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from monitor.core.paths import DB_PATH_ENV, PROJECT_ROOT, STORE_PATH_ENV, USERS_PATH_ENV
from monitor.serve_many import stop, streamlit_command, wait_answering

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def streamlit_server(
    database: Path,
    log_dir: Path,
    script: Path | None = None,
    root: Path = PROJECT_ROOT,
    make_run: bool = False,
    options: tuple[str, ...] = (),
) -> Iterator[str]:
    """Serve the dashboard (`streamlit run dashboard.py`, as `make run` does) or another `script`; yields the base URL.
    `root`: the checkout served (another one, e.g. a worktree holding a variant, for scripts/render_ab.py).
    `make_run`: start it with the README's command itself, `make run` (which also builds the database if stale).
    `options`: more command-line settings, e.g. ("--runner.postScriptGC", "true") (scripts/capacity.py's A/B)."""
    port = free_port()
    environment = {  # the server's own user store and accounts file live beside its log
        **os.environ,
        "PYTHONPATH": str(root),
        DB_PATH_ENV: str(database),
        STORE_PATH_ENV: str(log_dir / "store.duckdb"),
        USERS_PATH_ENV: str(log_dir / "users.yaml"),
    }
    log = (log_dir / f"streamlit-{port}.log").open("w")  # never an unread pipe (see TECH_NOTES)
    command = streamlit_command(port, str(script or root / "dashboard.py"), options)
    if make_run:
        command = ["make", "--no-print-directory", "run", f"PORT={port}"]
    process = subprocess.Popen(command, cwd=root, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_answering(f"{url}/_stcore/health", f"streamlit did not start; see {log.name}", process, seconds=30)
        yield url
    finally:
        stop(process)
        log.close()


def wait_until_ready(page, timeout_ms: int = 30_000) -> None:
    """The script has finished (and stayed finished briefly), so the page shows its final state."""
    page.wait_for_selector(READY, timeout=timeout_ms)
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=timeout_ms)


def go(page, link: str, shows=None) -> None:
    """Follow a navigation link (a client-side page switch keeps the session, and so the sign-in).

    A click that lands while the current page is still rerunning can be lost on a busy machine, leaving the
    old page (sometimes under the new address). As a user would, the link is clicked once more when the
    address has not changed after a while, or when `shows` (a locator of the new page) has not appeared.
    """
    anchor = page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=link, exact=True)
    target = anchor.get_attribute("href")
    for attempt in range(2):
        anchor.click()
        try:
            page.wait_for_function("target => location.href.split('?')[0] === target", arg=target, timeout=20_000)
            if shows is not None:
                shows.wait_for(timeout=30_000)
            break
        except PlaywrightTimeout:
            if attempt:
                main = page.locator('[data-testid="stMain"]').inner_text()[:1500]
                raise AssertionError(f"{link} did not open; at {page.url} the page shows:\n{main}") from None
    wait_until_ready(page)


def open_options(page, label: str, where=None) -> None:
    """Open the dropdown of the select box or multiselect labelled `label` and wait for its list of options."""
    box = (where or page).get_by_role("combobox", name=label, exact=True).first
    for attempt in range(3):  # a click that lands while the box is still being drawn opens nothing: click again
        box.click()
        try:
            page.locator('[role="listbox"]').first.wait_for(timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def choose(page, label: str, option: str, where=None, timeout_ms: int = 30_000) -> None:
    """Pick `option` in the select box or multiselect labelled `label` (within the locator `where`, else anywhere
    on the page), then close its dropdown and wait for the rerun.

    The option's text is typed, which narrows a long list to it, and the option is then clicked: Enter would take
    whichever option is highlighted at that moment, which on a busy machine can still be another one.
    """
    open_options(page, label, where)
    page.keyboard.type(option)
    page.get_by_role("option", name=option).first.click()
    if page.locator('[role="listbox"]').count():  # a multiselect stays open and hides the page from locators
        page.keyboard.press("Escape")
    page.wait_for_selector('[role="listbox"]', state="detached", timeout=5_000)
    wait_until_ready(page, timeout_ms)


def shows(page, locator, timeout_ms: int = 30_000) -> None:
    """Wait for `locator`; if it does not come, say where the browser was and what it showed, not only what was
    missing (an intermittent failure is then explained by its first report)."""
    try:
        locator.wait_for(timeout=timeout_ms)
    except PlaywrightTimeout as timeout:
        raise AssertionError(f"{timeout.message}\n{_where(page)}") from None


def _where(page) -> str:
    state = page.locator("[data-test-script-state]").first.get_attribute("data-test-script-state")
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()[:800]
    main = page.locator('[data-testid="stMain"]').inner_text()[:1500]
    return f"at {page.url}, script {state}, the sidebar shows:\n{sidebar}\nthe page shows:\n{main}"


def sign_in(page, username: str) -> None:
    """Sign in on the Account page (every test account's password is long-enough-1)."""
    try:
        _sign_in(page, username)
    except PlaywrightTimeout as timeout:
        raise AssertionError(f"{timeout.message}\n{_where(page)}") from None


def _sign_in(page, username: str) -> None:
    go(page, "Account", shows=page.get_by_role("button", name="Sign in"))
    for attempt in range(2):
        # the link click may return before the page switch has run: wait for the form, then for the run to end,
        # so that the fields are not drawn again (and emptied) after they were filled
        page.get_by_role("button", name="Sign in").wait_for(timeout=60_000)
        wait_until_ready(page)
        page.get_by_label("User name").fill(username)
        page.get_by_label("Password", exact=True).fill("long-enough-1")
        page.get_by_role("button", name="Sign in").click()
        try:
            page.get_by_text("Signed in as").wait_for(timeout=45_000)
            return
        except PlaywrightTimeout:
            if page.get_by_text("Signed in as").count():  # it got there after all
                return
            if attempt:  # twice without signing in: show what the page said
                raise AssertionError(page.locator('[data-testid="stMain"]').inner_text()[:2000]) from None


def upload(page, path: Path, expected: str | re.Pattern) -> None:
    """Give the page's file uploader `path`, then wait for `expected` on the page (its preview or problems)."""
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_text(expected).wait_for()


def cut_or_scrolling_sideways(page) -> list[str]:
    """Static tables and their cells cut at their edge, and grids wider than the page (they scroll sideways)."""
    page.wait_for_function(  # a grid lays out its columns only once its data arrived
        """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
            .every(grid => grid.querySelector('.dvn-stack')?.getBoundingClientRect().width > 0)"""
    )
    return page.evaluate(
        """() => [...document.querySelectorAll(
                '[data-testid="stTable"], [data-testid="stTable"] td, [data-testid="stDataFrame"] .dvn-scroller')]
            .filter(box => box.scrollWidth > box.clientWidth + 1)
            .map(box => box.innerText.slice(0, 60) || box.closest('[data-testid]').dataset.testid)"""
    )


def grid_row_height(page, column: str) -> float:
    """The row height in px of the data grid with a column headed `column` (as tall as its rows: under its
    maximum height). A grid has no key in the page; its hidden table for screen readers names its columns."""
    table = page.locator("table[role=grid]", has=page.locator(f'th:text-is("{column}")'))
    table.wait_for(state="attached")
    rows = int(table.get_attribute("aria-rowcount")) - 1  # the header is a row
    grid = page.get_by_test_id("stDataFrame").filter(has=table)
    return (grid.bounding_box()["height"] - GRID_HEADER_HEIGHT) / rows


GRID_HEADER_HEIGHT = 38  # the grid's header row and border, in px


def import_journey(
    page,
    link: str,
    broken: Path,
    good: Path,
    ready: str,
    commit: str,
    done: str,
    grids: tuple[str, str],
    preview_shot: Path | None = None,
) -> None:
    """A signed-in secretariat member's import: open the page from the menu, the broken file is refused with its
    problems, the good one is previewed (`ready`), committed with the button `commit`, and `done` is said.
    `grids`: a column heading of the problems' grid and one of the preview's."""
    go(page, link)
    page.get_by_text("or XLSX file, up to 5 MB and 5,000 rows").wait_for()  # the limits, in the label
    assert page.get_by_test_id("stFileUploaderDropzoneInstructions").is_hidden()  # not Streamlit's "200MB per file"
    upload(page, broken, re.compile(rf"^\d+ problems? in {re.escape(broken.name)}\."))
    # the problems, then the preview, fit at 1366 px in rows tall enough to wrap (Streamlit wraps above 64 px)
    assert grid_row_height(page, grids[0]) > 64 and cut_or_scrolling_sideways(page) == []
    upload(page, good, ready)
    assert grid_row_height(page, grids[1]) > 64 and cut_or_scrolling_sideways(page) == []
    if preview_shot is not None:
        page.screenshot(path=str(preview_shot), full_page=True)
    page.get_by_role("button", name=commit).click()
    page.get_by_text(done).wait_for()
