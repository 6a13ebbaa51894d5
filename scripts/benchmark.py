"""Benchmarks of the Go4Brussels 2030 Monitor; prints figures (no pass/fail). Run: make bench

1. Time to first complete render in headless Chromium (navigation start → script finished and every plotly
   chart drawn) of the Overview and of the busiest page, next to a bare Streamlit page (a title and one
   small plotly chart) served the same way. The ratio is what the Monitor adds on top of Streamlit+plotly.
2. Server-side time of a filter change: the duration of the script rerun after a filter widget changes
   (dashboard.py records it; AppTest runs the same script in-process, in a process prepared as the served
   app's start-up prepares the server's (monitor.serve.lifespan), each script compiled once as the server
   does), median and p95 over many changes across all pages.
3. Query time of every named query (median of warm runs); the heaviest is reported.
4. The Progress page's filter change with 1,000,000 generated (sample) updates in the user store: median
   and p95 server-side, plus the one-off cost of deriving the progress state after a write.

Run one part only with e.g. `scripts/benchmark.py progress` (parts: render, filters, queries, progress).
"""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RENDER_RUNS = 7
FILTER_CHANGES = 60
QUERY_RUNS = 20


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def first_render(browser, url: str, charts: int) -> float:
    """Seconds from navigation start until the script has finished and `charts` plotly charts are drawn."""
    from tests.browser import wait_until_ready

    page = browser.new_page(viewport={"width": 1366, "height": 2400})
    started = time.perf_counter()
    page.goto(url)
    wait_until_ready(page, timeout_ms=60_000)
    page.locator('[data-testid="stPlotlyChart"] svg.main-svg').nth(charts - 1).wait_for(timeout=60_000)
    elapsed = time.perf_counter() - started - 0.3  # wait_until_ready holds 300 ms to see the state is stable
    page.close()
    return elapsed


def render_times(database: Path, scratch: Path) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server

    def measure(url: str, charts: int) -> float:
        return first_render(browser, url, charts)

    results: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit_server(database, scratch, ROOT / "scripts" / "bare_app.py") as bare:
            measure(bare, 1)  # warm the server once, as for the Monitor
            results["bare page (title + 1 plotly chart)"] = [measure(bare, 1) for _ in range(RENDER_RUNS)]
        with streamlit_server(database, scratch) as monitor:
            measure(f"{monitor}/", 1)
            results["Monitor: Overview"] = [measure(f"{monitor}/", 1) for _ in range(RENDER_RUNS)]
            measure(f"{monitor}/members", 2)
            results["Monitor: Who does what (busiest)"] = [measure(f"{monitor}/members", 2) for _ in range(RENDER_RUNS)]
        browser.close()
    return results


PROGRESS_UPDATES = 1_000_000
EXPLORE_PAGES = (
    "pages/explore/overview.py",
    "pages/explore/objectives.py",
    "pages/explore/members.py",
    "pages/explore/partners.py",
    "pages/explore/workstreams.py",
)


def filter_change_times(database: Path, pages: tuple[str, ...] = EXPLORE_PAGES) -> list[float]:
    import os

    import streamlit as st
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test

    from monitor.serve import prepare_process

    os.environ["G4B_DB_PATH"] = str(database)
    compiled = ScriptCache()  # the server compiles each script once; AppTest would compile it on every run
    app_test.ScriptCache = lambda: compiled
    prepare_process()  # as the served app does before the first visitor (monitor.serve.lifespan)
    st.cache_data.clear()
    changes = itertools.cycle(
        [
            ("filter_pillar", [1]),
            ("filter_priority", ["shared"]),
            ("filter_theme", ["employment"]),
            ("filter_pillar", []),
            ("filter_member", ["brussels_minister_employment"]),
            ("filter_priority", []),
            ("filter_role", ["steering"]),
            ("filter_theme", []),
            ("filter_org", ["brupartners"]),
            ("filter_member", []),
            ("filter_role", []),
            ("filter_ws_priority", ["none"]),
            ("filter_org", []),
            ("filter_ws_priority", []),
        ]
    )
    timings: list[float] = []
    for page in pages:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        app.run()
        if page != "pages/explore/overview.py":
            app.switch_page(page).run()
        for _ in range(FILTER_CHANGES // len(pages) + 2):
            key, value = next(changes)
            app.sidebar.multiselect(key=key).set_value(value)
            app.run()
            assert not app.exception, app.exception
            timings.append(app.session_state["_script_seconds"])
    return timings[5:]  # the first changes warm the caches of each new combination


def query_times(database: Path) -> dict[str, float]:
    from monitor.core.paths import QUERIES_DIR
    from monitor.storage import db

    # one realistic value per named parameter: an objective, a workstream, a member
    examples = {"code": "1.4", "member_id": "brussels_minister_employment"}
    results = {}
    for path in sorted((QUERIES_DIR / "strategy").glob("*.sql")):
        name = path.stem
        text = path.read_text(encoding="utf-8")
        arguments = {key: value for key, value in examples.items() if f"${key}" in text}
        if name.startswith("workstream_") and "code" in arguments:
            arguments["code"] = "2.6.4"
        db.run(name, arguments, path=database)
        runs = []
        for _ in range(QUERY_RUNS):
            started = time.perf_counter()
            db.run(name, arguments, path=database)
            runs.append(time.perf_counter() - started)
        results[name] = statistics.median(runs)
    return results


def progress_times(database: Path, scratch: Path) -> tuple[list[float], float]:
    """Filter changes on the Progress page over a store holding PROGRESS_UPDATES sample updates."""
    import os

    from monitor.progress import sample
    from monitor.storage import store

    os.environ["G4B_DB_PATH"] = str(database)
    os.environ["G4B_STORE_PATH"] = str(scratch / "store.duckdb")
    started = time.perf_counter()
    sample.generate(PROGRESS_UPDATES, seed=2030)
    print(f"  generated {PROGRESS_UPDATES:,} sample updates in {time.perf_counter() - started:.1f} s")
    from monitor import cache

    started = time.perf_counter()
    cache._progress_state(cache.database_key(), store.generation(), __import__("datetime").date.today())
    derive = time.perf_counter() - started
    return filter_change_times(database, ("pages/progress/progress.py",) * 5), derive


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop (median of 5): this VM's speed drifts by a third from minute to
    minute, so the figures are printed next to it; compare runs only at similar speeds."""
    runs = []
    for _ in range(5):
        started, total = time.perf_counter(), 0
        for number in range(2_000_000):
            total += number
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def report(changes: list[float]) -> str:
    return (
        f"  n={len(changes)}  median {statistics.median(changes) * 1000:.1f} ms"
        f"  p95 {percentile(changes, 0.95) * 1000:.1f} ms  max {max(changes) * 1000:.1f} ms"
    )


def main() -> None:
    from monitor.build.database import build_database

    parts = set(sys.argv[1:]) or {"render", "filters", "queries", "progress"}
    print(f"== Machine speed: a fixed Python loop takes {machine_speed() * 1000:.0f} ms (lower is faster)")
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        database = build_database(scratch / "strategy.duckdb")
        if "render" in parts:
            print(
                f"== Time to first complete render (headless Chromium, 1366×2400, median of {RENDER_RUNS}, warm server)"
            )
            renders = render_times(database, scratch)
            medians = {name: statistics.median(values) for name, values in renders.items()}
            bare = medians["bare page (title + 1 plotly chart)"]
            for name, value in medians.items():
                print(f"  {name:40s} {value * 1000:7.0f} ms   ratio {value / bare:4.2f}")
        if "filters" in parts:
            print(
                f"== Server-side filter change (script rerun after a filter widget change, {FILTER_CHANGES}+ changes)"
            )
            print(report(filter_change_times(database)))
            print(f"  machine speed after: {machine_speed() * 1000:.0f} ms")
        if "queries" in parts:
            print(f"== Query times (median of {QUERY_RUNS} warm runs)")
            queries = query_times(database)
            for name, value in sorted(queries.items(), key=lambda item: -item[1])[:5]:
                print(f"  {name:40s} {value * 1000:7.1f} ms")
            heaviest = max(queries, key=queries.get)
            print(f"  heaviest: {heaviest} {queries[heaviest] * 1000:.1f} ms")
        if "progress" in parts:
            print(f"== Progress page filter change with {PROGRESS_UPDATES:,} updates (server side)")
            changes, derive = progress_times(database, scratch)
            print(f"  deriving the progress state after a write (once per write): {derive * 1000:.0f} ms")
            print(report(changes))


if __name__ == "__main__":
    main()
