"""First-render A/B: one page served from several checkouts, interleaved with the bare page, in one sitting.

Usage: scripts/render_ab.py [--runs N] [--page PATH] [--charts N] NAME=CHECKOUT [NAME=CHECKOUT ...]

For example, to measure what the Overview's members table costs:
    git worktree add /tmp/variant HEAD      # then remove the table from /tmp/variant/pages/explore/overview.py
    .venv/bin/python scripts/render_ab.py as-is=. without-table=/tmp/variant
    git worktree remove --force /tmp/variant

Each render is timed as in scripts/benchmark.py (navigation start → script finished and the page's plotly charts
drawn, headless Chromium, 1366 px). The variants take turns, so that the VM's drifting speed weighs on all alike;
prints each one's median and its ratio to the bare page (a title and one small plotly chart).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from monitor.build.database import build_database  # noqa: E402
from scripts.benchmark import first_render  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

BARE = "bare page"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("variants", nargs="+", metavar="NAME=CHECKOUT")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--page", default="", help="URL path of the page, e.g. members (default: the Overview)")
    parser.add_argument("--charts", type=int, default=1, help="plotly charts the page draws")
    arguments = parser.parse_args()
    checkouts = {name: Path(path).resolve() for name, path in (v.split("=", 1) for v in arguments.variants)}
    with tempfile.TemporaryDirectory() as scratch_dir, ExitStack() as servers, sync_playwright() as playwright:
        scratch = Path(scratch_dir)
        database = build_database(scratch / "strategy.duckdb")
        pages = {
            BARE: (servers.enter_context(streamlit_server(database, scratch, ROOT / "scripts" / "bare_app.py")), 1)
        }
        for name, checkout in checkouts.items():
            log_dir = scratch / name
            log_dir.mkdir()
            url = servers.enter_context(streamlit_server(database, log_dir, root=checkout))
            pages[name] = (f"{url}/{arguments.page}", arguments.charts)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for url, charts in pages.values():
            first_render(browser, url, charts)  # warm each server once
        times: dict[str, list[float]] = {name: [] for name in pages}
        for _ in range(arguments.runs):
            for name, (url, charts) in pages.items():
                times[name].append(first_render(browser, url, charts))
        browser.close()
    bare = statistics.median(times[BARE])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:20s} median {median:5.2f} s   ratio {median / bare:4.2f}   runs {[round(v, 2) for v in values]}")


if __name__ == "__main__":
    main()
