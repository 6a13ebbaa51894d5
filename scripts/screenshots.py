"""Screenshots of every page at 1366×768, 1920×1080 and 390×844 (a phone) into artifacts/ (for looking, not
asserting): <page>-<width>.png shows three screens' height, <page>-<width>-first.png the first screen only.

Usage: .venv/bin/python scripts/screenshots.py [URL paths, e.g. "objectives?objective=1.4"]

The server runs on a scratch store holding a generated sample history, so that the progress pages have
something to draw (and show their "sample data" banner). Without paths, the pages that need a sign-in are
then taken too, signed in as a scratch secretariat account (files named <page>-signed-in-<width>.png).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from monitor.build.database import build_database
from monitor.core.paths import DB_PATH_ENV, STORE_PATH_ENV
from monitor.i18n import translate
from monitor.progress import sample
from monitor.storage import accounts, store
from tests.browser import CHROMIUM, CHROMIUM_ARGS, go, sign_in, streamlit_server, wait_until_ready

PATHS = [
    "",  # the Overview is the default page, at /
    "objectives",
    "objectives?objective=1.4",
    "workstreams",
    "workstreams?workstream=2.6.4",
    "members",
    "members?member=brussels_minister_employment",
    "partners",
    "partners?priority=shared&lang=fr",
    "about",
    "progress",
    "progress?priority=shared&lang=fr",
    "import-export",
    "indicators",
    "indicators?indicator=ghg_emissions_total&lang=nl",
    "targets",
    "indicator-import",
]
SIGNED_IN = ["report", "validate", "translations", "presentations"]  # opened from the menu, signed in
OUT = Path(__file__).resolve().parent.parent / "artifacts"


SIZES = ((1366, 768), (1920, 1080), (390, 844))


def shoot(page, name: str, first_screen: dict[str, int]) -> None:
    wait_until_ready(page)
    page.wait_for_timeout(1500)  # plotly draws after the script ends
    page.screenshot(path=str(OUT / f"{name}.png"))
    page.screenshot(path=str(OUT / f"{name}-first.png"), clip={"x": 0, "y": 0, **first_screen})
    print(OUT / f"{name}.png")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    paths = sys.argv[1:] or PATHS
    with tempfile.TemporaryDirectory() as scratch:
        database = build_database(Path(scratch) / "strategy.duckdb")
        os.environ[STORE_PATH_ENV] = str(Path(scratch) / "store.duckdb")
        os.environ[DB_PATH_ENV] = str(database)
        sample.generate(400)
        store.close_all()
        accounts.add("secretariat", "long-enough-1", "admin", path=Path(scratch) / "users.yaml", rounds=4)
        with streamlit_server(database, Path(scratch)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width, height in SIZES:
                first_screen = {"width": width, "height": height}
                page = browser.new_page(viewport={"width": width, "height": height * 3})
                for path in paths:
                    page.goto(f"{url}/{path}")
                    name = path.replace("?", "_").replace("=", "-").replace("&", "_").replace(",", "+") or "overview"
                    shoot(page, f"{name}-{width}", first_screen)
                if not sys.argv[1:] and width > 400:  # the secretariat's pages are not for a phone
                    sign_in(page, "secretariat")
                    for key in SIGNED_IN:
                        go(page, translate(f"nav.{key}", "en"))
                        shoot(page, f"{key}-signed-in-{width}", first_screen)
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
