"""monitor.serve readies the process before the first visitor: every module imported, the message catalogue
loaded and the caches warm, then frozen out of the GC; and the server listens on this machine only unless told
otherwise."""

from __future__ import annotations

import gc
import http.client
import os
import pkgutil
import subprocess
import sys
import time
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

import monitor
from monitor import cache
from monitor.core.paths import DB_PATH_ENV, PROJECT_ROOT, STORE_PATH_ENV, USERS_PATH_ENV
from monitor.i18n import catalogue
from monitor.serve import prepare_process
from monitor.storage import db, sessions, store
from tests.browser import free_port, streamlit_server
from tests.people import add_people
from tests.rendered import open_page


def test_prepare_process_imports_every_module_then_freezes_what_exists(app_db):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    prepare_process()
    try:
        modules = [m.name for m in pkgutil.walk_packages(monitor.__path__, prefix=f"{monitor.__name__}.")]
        modules = [name for name in modules if not name.endswith("__main__")]
        assert "monitor.ui.sidebar" in modules and "monitor.storage.store" in modules  # subpackages' modules too
        assert all(name in sys.modules for name in modules)
        assert gc.get_freeze_count() > 10_000  # pandas, plotly, duckdb and the app's own objects
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual


def test_the_first_visitor_after_a_start_reads_nothing_from_the_files(app_db, monkeypatch: pytest.MonkeyPatch):
    """Start-up has read the catalogue, the strategy and the progress: the Overview's first run only shows them."""
    catalogue.cache_clear()
    gc.unfreeze()
    try:
        prepare_process()
    finally:
        gc.unfreeze()
    assert catalogue.cache_info().currsize == 1
    reads: list[str] = []
    for module in (db, store):
        run = module.run
        monkeypatch.setattr(
            module, "run", lambda name, *args, run=run, **kwargs: reads.append(name) or run(name, *args, **kwargs)
        )
    app = open_page()
    assert not app.exception
    assert app.title[0].value and reads == []


def test_a_run_looks_at_the_database_file_once_and_the_next_run_sees_a_rebuild(tmp_path, monkeypatch):
    from monitor.build.database import build_database

    target = tmp_path / "strategy.duckdb"
    build_database(target)
    monkeypatch.setenv("G4B_DB_PATH", str(target))
    with cache.one_run():
        during = cache.database_key()
        build_database(target)  # a new file renamed into place
        assert cache.database_key() == during  # one run reads one file throughout
    after = cache.database_key()
    assert after != during
    with cache.one_run():
        assert cache.database_key() == after


def test_make_run_listens_on_this_machine_only_unless_told_otherwise():
    venv = Path(sys.executable).parent.parent  # the one running the tests: make sees its venv as installed
    dry_run = ["make", "--no-print-directory", "-n", "run", f"VENV={venv}"]
    default = subprocess.run(dry_run, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    assert "--server.address 127.0.0.1" in default
    widened = subprocess.run([*dry_run, "ADDRESS=0.0.0.0"], cwd=PROJECT_ROOT, capture_output=True, text=True).stdout
    assert "--server.address 0.0.0.0" in widened


def test_a_bare_streamlit_run_is_reachable_from_this_machine_only(built_db, tmp_path):
    """`streamlit run dashboard.py` without options (the config file's address): not on the network address."""
    network = next((a for a in _own_addresses() if not a.startswith("127.")), None)
    if network is None:
        pytest.skip("this machine has no network address to try")
    port = free_port()
    log = (tmp_path / "streamlit.log").open("w")
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port)]
    environment = {**os.environ, DB_PATH_ENV: str(built_db), STORE_PATH_ENV: str(tmp_path / "store.duckdb")}
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not _answers(f"http://127.0.0.1:{port}/_stcore/health"):
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)
        assert not _answers(f"http://{network}:{port}/_stcore/health")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _own_addresses() -> list[str]:
    return subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as answer:
            return answer.status == 200
    except OSError:
        return False


def test_signing_out_needs_the_token_made_for_the_browser_s_own_cookie(built_db, tmp_path, monkeypatch):
    """Over HTTP, against the served app: a sign-out link of another site (no token, or a token made for another
    sign-in) gets a plain refusal and leaves the cookie; the Account page's link expires it and ends it: a copy
    of the cookie no longer signs in."""
    monkeypatch.setenv(sessions.SECRET_ENV, "the secret of this test's install")  # the server's and ours
    monkeypatch.setenv(USERS_PATH_ENV, str(tmp_path / "users.yaml"))  # the server's accounts file (browser.py)
    add_people()
    with streamlit_server(built_db, tmp_path) as url:
        host, port = url.removeprefix("http://").split(":")
        signed_in = _get(host, port, f"{sessions.SIGN_IN_PATH}?token={sessions.handover_token('cabinet')}")
        cookie = SimpleCookie(signed_in.getheader("Set-Cookie"))[sessions.COOKIE_NAME].value
        header = {"Cookie": f"{sessions.COOKIE_NAME}={cookie}", "Accept-Language": "fr-BE,fr;q=0.9"}
        someone_else = sessions.sign_out_token(sessions.issue_cookie("secretariat"))
        for query in ["?next=/", f"?next=/&token={someone_else}", f"?token={cookie}"]:
            refused = _get(host, port, sessions.SIGN_OUT_PATH + query, header)
            assert refused.status == 403 and refused.getheader("Set-Cookie") is None, (query, refused.getheaders())
            assert refused.body.decode() == catalogue()["account.sign_out_refused"]["fr"]
        assert _get(host, port, f"{sessions.SIGN_OUT_PATH}?lang=nl", header).body.decode().startswith("U bent")
        signed_out = _get(
            host, port, f"{sessions.SIGN_OUT_PATH}?next=/account&token={sessions.sign_out_token(cookie)}", header
        )
        assert signed_out.status == 303 and signed_out.getheader("Location") == "/account"
        expired = SimpleCookie(signed_out.getheader("Set-Cookie"))[sessions.COOKIE_NAME]
        assert expired.value in ("", '""') and expired["max-age"] == "0"
        # a copy of the ended cookie is no sign-in for the server: even its own sign-out link is refused now
        again = _get(host, port, f"{sessions.SIGN_OUT_PATH}?token={sessions.sign_out_token(cookie)}", header)
        assert again.status == 403 and again.getheader("Set-Cookie") is None


def _get(host: str, port: str, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """One GET, redirects not followed (the answer itself is what is checked)."""
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers=headers or {})
    answer = connection.getresponse()
    answer.body = answer.read()  # read before the connection closes
    return answer


def test_another_site_cannot_sign_out_through_the_provider_s_sign_out_route(built_db, tmp_path, monkeypatch):
    """/auth/logout (Streamlit's, for single sign-on) also expires the lasting cookie, but only when the browser
    says the request came from this site or from the user (the address bar): a link or image of another site
    would otherwise sign anyone out without the sign-out token, whether single sign-on is configured or not."""
    monkeypatch.setenv(sessions.SECRET_ENV, "the secret of this test's install")
    monkeypatch.setenv(USERS_PATH_ENV, str(tmp_path / "users.yaml"))  # the server's accounts file (browser.py)
    add_people()
    cookie = {"Cookie": f"{sessions.COOKIE_NAME}={sessions.issue_cookie('cabinet')}"}
    with streamlit_server(built_db, tmp_path) as url:
        host, port = url.removeprefix("http://").split(":")
        for site in ("cross-site", "same-site"):
            answer = _get(host, port, "/auth/logout", {**cookie, "Sec-Fetch-Site": site})
            assert sessions.COOKIE_NAME not in (answer.getheader("Set-Cookie") or ""), site
        for site in ("same-origin", "none"):  # st.logout's own navigation; a typed address or a bookmark
            answer = _get(host, port, "/auth/logout", {**cookie, "Sec-Fetch-Site": site})
            expired = SimpleCookie(answer.getheader("Set-Cookie"))[sessions.COOKIE_NAME]
            assert expired["max-age"] == "0", site


def test_make_test_installs_the_postgresql_server_when_only_its_client_is_there(tmp_path):
    """Debian's postgresql-client (pg_dump for `make backup`) also fills /usr/lib/postgresql/NN/bin: only the
    server's initdb, which the store's tests start, means the server is installed."""
    client_only = tmp_path / "postgresql"
    (client_only / "15" / "bin").mkdir(parents=True)
    (client_only / "15" / "bin" / "psql").touch()
    dry_run = ["make", "--no-print-directory", "-n", "postgresql", f"POSTGRES={client_only}"]
    planned = subprocess.run(dry_run, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    assert "apt-get install" in planned and "postgresql" in planned
    (client_only / "15" / "bin" / "initdb").touch()
    planned = subprocess.run(dry_run, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    assert "apt-get" not in planned
