"""`make serve`, for real: a local PostgreSQL, two app processes and Debian's HAProxy in front (monitor.serve_many).
Sessions are spread over both processes and each browser stays on one; a lasting sign-in is valid on either; an
update made through one process shows in a session served by the other."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import websockets

from monitor.core.paths import DB_PATH_ENV, PROJECT_ROOT, STORE_PATH_ENV, STORE_URL_ENV, USERS_PATH_ENV
from monitor.serve_many import (
    SERVED_BY_HEADER,
    STICKY_COOKIE,
    free_ports,
    haproxy_program,
    ports_free,
    serving,
    wait_healthy,
)
from monitor.storage import local_postgres, sessions
from tests.browser import choose, go, shows, wait_until_ready
from tests.people import add_people
from tests.test_browser import chromium  # noqa: F401 - the shared browser fixture

SECRET = "one-secret-for-every-process-of-this-test"


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """A folder for the module's servers, not under pytest's own (owner-only): the cluster's directory is handed
    to the postgres user, who must reach it. It holds the accounts file the app processes share."""
    folder = Path(tempfile.mkdtemp(prefix="g4b-serve-many-"))
    folder.chmod(0o755)
    add_people(folder / "users.yaml")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def served(built_db: Path, scratch: Path):
    """PostgreSQL + 2 app processes + HAProxy, started once for the module (about 10 s), stopped after it."""
    haproxy_program()  # fails with how to install it, rather than skipping
    store_url = local_postgres.start(scratch / "postgres", durable=False)
    environment = {
        DB_PATH_ENV: str(built_db),
        USERS_PATH_ENV: str(scratch / "users.yaml"),
        sessions.SECRET_ENV: SECRET,
        STORE_PATH_ENV: str(scratch / "store.duckdb"),  # must stay unused: the store is the URL's
    }
    port = free_ports(3)  # HAProxy's, then the two processes'
    try:
        with serving(2, port, scratch / "logs", store_url=store_url, environment=environment) as running:
            yield running
    finally:
        local_postgres.remove(scratch / "postgres")


def get(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    """(the process that answered, the stickiness cookie HAProxy set, if it set one)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200
        set_cookies = [value.split(";")[0] for value in answer.headers.get_all("Set-Cookie") or []]
        sticky = next((value for value in set_cookies if value.startswith(f"{STICKY_COOKIE}=")), None)
        return answer.headers[SERVED_BY_HEADER], sticky


def test_new_browsers_are_spread_over_both_processes_and_each_stays_on_its_own(served):
    first_visits = [get(f"{served.url}/") for _ in range(6)]
    assert Counter(process for process, _cookie in first_visits) == {"app1": 3, "app2": 3}  # round robin
    assert all(cookie == f"{STICKY_COOKIE}={process}" for process, cookie in first_visits)
    for process, cookie in first_visits[:2]:
        # the page, Streamlit's own routes and its health check all go where the browser's sessions live
        for path in ("/", "/objectives", "/_stcore/health", "/_stcore/host-config"):
            assert get(f"{served.url}{path}", cookie) == (process, None)  # and the cookie is not set again


def test_the_websocket_goes_through_the_proxy_to_the_browsers_process(served):
    async def stream_served_by(cookie: str) -> str:
        address = served.url.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(address, subprotocols=["streamlit"], additional_headers={"Cookie": cookie}) as ws:
            return ws.response.headers[SERVED_BY_HEADER]

    for process in ("app1", "app2", "app2", "app1"):
        assert asyncio.run(stream_served_by(f"{STICKY_COOKIE}={process}")) == process


def signed_in_browser(chromium, served, scratch: Path, process: str, username: str):  # noqa: F811 - pytest fixture
    """A browser that HAProxy sends to `process`, holding `username`'s lasting sign-in cookie (the install's
    secret signed it, as the sign-in route would)."""
    context = chromium.new_context(viewport={"width": 1366, "height": 2000})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(sessions.SECRET_ENV, SECRET)
        patch.setenv(USERS_PATH_ENV, str(scratch / "users.yaml"))  # the cookie names the stamp of their password
        lasting = sessions.issue_cookie(username)
    context.add_cookies(
        [
            {"name": STICKY_COOKIE, "value": process, "url": served.url},
            {"name": sessions.COOKIE_NAME, "value": lasting, "url": served.url},
        ]
    )
    return context


@pytest.mark.browser
def test_a_lasting_sign_in_is_valid_on_every_process(chromium, served, scratch):  # noqa: F811 - pytest fixture
    for process in ("app1", "app2"):
        context = signed_in_browser(chromium, served, scratch, process, "cabinet")
        page = context.new_page()
        answer = page.goto(f"{served.url}/account")
        assert answer.headers[SERVED_BY_HEADER.lower()] == process
        wait_until_ready(page)
        shows(page, page.get_by_text("Signed in as Anna Peeters"))
        context.close()


@pytest.mark.browser
def test_an_update_made_through_one_process_shows_in_a_session_of_the_other(chromium, served, scratch):  # noqa: F811
    reader = signed_in_browser(chromium, served, scratch, "app2", "secretariat").new_page()
    reader.goto(f"{served.url}/progress")  # a session on app2, open before the update (its caches are warm)
    wait_until_ready(reader)
    shows(reader, reader.get_by_text("No progress has been reported yet"))

    writer = signed_in_browser(chromium, served, scratch, "app1", "cabinet").new_page()
    writer.goto(f"{served.url}/report")
    wait_until_ready(writer)
    main = writer.get_by_test_id("stMainBlockContainer")
    choose(writer, "Status", "◐ In progress", where=main)
    writer.get_by_text("Amber: feasible, significant issues").click()
    wait_until_ready(writer)
    writer.get_by_role("textbox", name="Narrative").fill("Reported through the first process.")
    writer.get_by_role("button", name="Propose this update").click()
    shows(writer, writer.get_by_text("Your update is proposed"))

    reader.wait_for_timeout(1_500)  # another process's write shows within ~1 s (monitor.storage.store.generation)
    go(reader, "Validate")  # the same session on app2, its next run
    shows(reader, reader.get_by_text("Proposed updates awaiting validation (1)"))
    reader.get_by_text("Select the 1 update shown").click()
    wait_until_ready(reader)
    shows(reader, reader.get_by_test_id("stText").get_by_text("Reported through the first process."))


def test_the_command_serves_until_ctrl_c_then_stops_everything_it_started(served, built_db: Path, tmp_path: Path):
    """`python -m monitor.serve_many` (what `make serve` runs), on the store of the fixture: Ctrl-C (SIGINT) ends
    the command, HAProxy and the app process, and frees their ports."""
    port = free_ports(2)
    environment = {
        **os.environ,
        DB_PATH_ENV: os.environ.get(DB_PATH_ENV, str(built_db)),
        USERS_PATH_ENV: str(tmp_path / "users.yaml"),
        sessions.SECRET_ENV: SECRET,
        STORE_URL_ENV: served.store_url,
    }
    command = [sys.executable, "-m", "monitor.serve_many", "--processes", "1", "--port", str(port)]
    command += ["--directory", str(tmp_path / "logs")]
    with (tmp_path / "command.log").open("w") as log:
        launcher = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", what="make serve's HAProxy", log_dir=tmp_path / "logs")
        assert get(f"http://127.0.0.1:{port}/")[0] == "app1"
        launcher.send_signal(signal.SIGINT)
        assert launcher.wait(timeout=30) == 0
    finally:
        if launcher.poll() is None:
            launcher.kill()
    assert "Stopped." in (tmp_path / "command.log").read_text()
    assert ports_free(port, 2)  # nothing of it listens any more
