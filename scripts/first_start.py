"""First start from a fresh clone: `make run` until the first page is served and rendered. Prints figures.

For each uv cache state asked for (`warm`: the machine's own uv cache, as a developer who installed once before;
`cold`: an empty cache, as a new machine, so every package is downloaded), the checkout is cloned into a scratch
folder (no venv, no uv, no strategy database, no user store), `make run PORT=...` is started there, and these
moments are taken from the start of `make run`:

- installed: the venv's runtime stamp appears (uv fetched and the packages installed);
- built: the strategy database file appears (`python -m monitor.build --if-stale` has published it);
- health: the server answers `/_stcore/health` with "ok";
- first page: headless Chromium (Debian's) opens the address and the Overview's first script run has finished.

Usage: scripts/first_start.py [--caches warm,cold] [--repo PATH]   (run it with the dev venv's Python: it needs
playwright). Loopback only; the server and the scratch folders are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, free_port, wait_until_ready  # noqa: E402

TIMEOUT_S = 300


def first_start(repo: Path, cache: str, scratch: Path) -> dict[str, float]:
    """Clone, `make run`, and the seconds from its start to each moment of the module's docstring."""
    clone = scratch / f"clone-{cache}"
    subprocess.run(["git", "clone", "--quiet", str(repo), str(clone)], check=True)
    environment = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    if cache == "cold":
        environment["UV_CACHE_DIR"] = str(scratch / "uv-cache-cold")
        environment["PIP_NO_CACHE_DIR"] = "1"  # uv itself is fetched by pip: no pip cache either
    port = free_port()
    log = (scratch / f"make-run-{cache}.log").open("w")
    started = time.perf_counter()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}"],
        cwd=clone,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, ended as a whole below
    )
    moments: dict[str, float] = {}
    watched = {"installed": clone / ".venv" / ".runtime", "built": clone / "data" / "go4brussels.duckdb"}
    try:
        while "health" not in moments:
            if process.poll() is not None:
                raise RuntimeError(f"make run ended ({process.returncode}); see {log.name}")
            if time.perf_counter() - started > TIMEOUT_S:
                raise RuntimeError(f"no answer after {TIMEOUT_S} s; see {log.name}")
            for name, path in watched.items():
                if name not in moments and path.exists():
                    moments[name] = time.perf_counter() - started
            if _healthy(port):
                moments["health"] = time.perf_counter() - started
            time.sleep(0.05)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(f"http://127.0.0.1:{port}/")
            wait_until_ready(page, timeout_ms=TIMEOUT_S * 1000)
            moments["first page"] = time.perf_counter() - started
            browser.close()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    return moments


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as answer:
            return answer.status == 200
    except OSError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--caches", default="warm,cold", help="uv cache states, in order: warm, cold")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the git checkout to clone (default: this one)")
    arguments = parser.parse_args()
    print(f"{'uv cache':<9} {'installed':>10} {'built':>8} {'health':>8} {'first page':>11}   (s from `make run`)")
    for cache in arguments.caches.split(","):
        with tempfile.TemporaryDirectory(prefix="first-start-") as scratch:
            moments = first_start(arguments.repo, cache, Path(scratch))
        figures = "".join(
            f" {moments.get(name, float('nan')):>{width}.1f}"
            for name, width in (("installed", 10), ("built", 8), ("health", 8), ("first page", 11))
        )
        print(f"{cache:<9}{figures}", flush=True)


if __name__ == "__main__":
    main()
