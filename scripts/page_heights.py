"""How tall pages are at 1366 px wide (the main column's height in px, and in screens of 768 px): the fiches were
8,860 px; issue 19 asks for about three screens. Prints one line per page.

Usage: .venv/bin/python scripts/page_heights.py ["objectives?objective=1.4" ...]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from monitor.build.database import build_database
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_until_ready

PATHS = ["objectives?objective=1.4", "objectives?objective=2.1", "workstreams?workstream=2.6.4", "partners", "about"]
WIDTH, SCREEN = 1366, 768


def main() -> None:
    paths = sys.argv[1:] or PATHS
    with tempfile.TemporaryDirectory() as scratch:
        database = build_database(Path(scratch) / "strategy.duckdb")
        with streamlit_server(database, Path(scratch)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": SCREEN})
            for path in paths:
                page.goto(f"{url}/{path}")
                wait_until_ready(page)
                page.wait_for_timeout(1500)  # plotly draws after the script ends
                height = page.get_by_test_id("stMainBlockContainer").evaluate("node => node.scrollHeight")
                print(f"{path or '/'}: {height} px, {height / SCREEN:.1f} screens of {SCREEN} px at {WIDTH} px wide")
            browser.close()


if __name__ == "__main__":
    main()
