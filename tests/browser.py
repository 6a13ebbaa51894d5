"""Helpers for end-to-end tests: a real Streamlit server and Debian's headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from monitor.paths import DB_PATH_ENV, PROJECT_ROOT, STORE_PATH_ENV, USERS_PATH_ENV

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
def streamlit_server(database: Path, log_dir: Path, script: Path | None = None) -> Iterator[str]:
    """Serve the dashboard (through monitor.serve, like `make run`) or another `script`; yields the base URL."""
    port = free_port()
    environment = {  # the server's own user store and accounts file live beside its log
        **os.environ,
        DB_PATH_ENV: str(database),
        STORE_PATH_ENV: str(log_dir / "store.duckdb"),
        USERS_PATH_ENV: str(log_dir / "users.yaml"),
    }
    log = (log_dir / f"streamlit-{port}.log").open("w")  # never an unread pipe (see TECH_NOTES)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            *(["streamlit", "run", str(script)] if script else ["monitor.serve"]),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_until_ready(page, timeout_ms: int = 30_000) -> None:
    """The script has finished (and stayed finished briefly), so the page shows its final state."""
    page.wait_for_selector(READY, timeout=timeout_ms)
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=timeout_ms)
