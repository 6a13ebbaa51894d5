"""Single sign-on end to end in headless Chromium, against a real OpenID Connect provider started here
(oidc-provider-mock, whose authorisation form lets the tester say who signs in: the subject, which is also the
e-mail address it vouches for). The Monitor reads its `[auth]` secrets from a file of the test's own, given with
Streamlit's secrets.files option: the checkout's .streamlit/secrets.toml is never touched.

A person whose address is linked to the cabinet's account reports progress as that cabinet; someone with no
linked address reads only and is told whom to ask; signing out ends the provider's sign-in and the Monitor's."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from monitor.serve_many import stop, wait_answering
from monitor.storage import accounts, sessions
from tests.browser import free_port, streamlit_server, wait_until_ready
from tests.people import add_people
from tests.test_browser import chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser

PROVIDER_NAME = "Test provider"
CABINET_EMAIL = "anna.peeters@cabinet.example"  # linked to the cabinet's account (tests/people.py)
STRANGER_EMAIL = "visitor@elsewhere.example"  # linked to no account
STREAMLIT_USER_COOKIE = "_streamlit_user"  # st.login's identity cookie


@contextmanager
def oidc_provider(log_dir: Path) -> Iterator[str]:
    """oidc-provider-mock served on a free port of this machine; yields its base URL."""
    port = free_port()
    log = (log_dir / f"oidc-provider-{port}.log").open("w")  # never an unread pipe (see TECH_NOTES)
    command = [sys.executable, "-m", "oidc_provider_mock", "--port", str(port), "--host", "127.0.0.1"]
    for email in (CABINET_EMAIL, STRANGER_EMAIL):  # a provider that vouches for its addresses (email_verified)
        command += ["--user-claims", json.dumps({"sub": email, "email": email, "email_verified": True})]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        failure = f"the OpenID Connect provider did not start; see {log.name}"
        wait_answering(f"{url}/.well-known/openid-configuration", failure, process, seconds=30)
        yield url
    finally:
        stop(process)
        log.close()


def secrets_file(directory: Path, provider: str) -> Path:
    """st.login's settings for this provider (Streamlit fills in {port}), and the Monitor's own section."""
    path = directory / "secrets.toml"
    path.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-cookie-secret-for-the-single-sign-on-journey"\n'
        'client_id = "g4b-monitor"\n'
        'client_secret = "any-secret-the-mock-accepts"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
        "\n[single_sign_on]\n"
        f'provider_name = "{PROVIDER_NAME}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    logs = tmp_path_factory.mktemp("single-sign-on-e2e")
    users = logs / "users.yaml"
    add_people(users)
    accounts.link("cabinet", CABINET_EMAIL, path=users)
    with oidc_provider(logs) as provider:
        options = ("--secrets.files", str(secrets_file(logs, provider)))
        with streamlit_server(built_db, logs, options=options) as url:
            yield url, provider


def _cookie(context, name: str) -> dict | None:
    return next((cookie for cookie in context.cookies() if cookie["name"] == name), None)


def _sign_in_through_provider(page, server: str, provider: str, email: str) -> None:
    """From the Account page to the provider's form, which signs in `email`, and back to the Monitor."""
    page.goto(f"{server}/account")
    wait_until_ready(page)
    page.get_by_role("button", name=f"Sign in with {PROVIDER_NAME}").click()
    page.wait_for_url(f"{provider}/oauth2/authorize*", timeout=30_000)
    page.get_by_placeholder("sub").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{server}/", timeout=30_000)  # st.login comes back to the first page
    wait_until_ready(page)
    assert _cookie(page.context, STREAMLIT_USER_COOKIE) is not None


def _open(page, url: str) -> None:
    page.goto(url)
    wait_until_ready(page)


def test_a_linked_address_reports_as_its_cabinet_until_signed_out(chromium, server):  # noqa: F811
    url, provider = server
    context = chromium.new_context(viewport={"width": 1366, "height": 1600})
    page = context.new_page()
    _sign_in_through_provider(page, url, provider, CABINET_EMAIL)

    _open(page, f"{url}/account")
    page.get_by_text("Signed in as Anna Peeters, cabinet editor.").wait_for(timeout=30_000)
    page.get_by_text(f"Signed in through {PROVIDER_NAME} as {CABINET_EMAIL}.").wait_for()
    assert _cookie(context, sessions.COOKIE_NAME) is None  # the provider's sign-in alone makes the account

    _open(page, f"{url}/report")  # the cabinet's own workstreams, to report on
    page.get_by_role("combobox", name="Workstream", exact=True).wait_for(timeout=45_000)
    assert not page.get_by_text("Sign in as a cabinet editor").count()

    _open(page, f"{url}/account")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{provider}/oauth2/end_session*", timeout=30_000)  # the provider's sign-in ends too
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{url}/", timeout=30_000)
    wait_until_ready(page)
    assert _cookie(context, STREAMLIT_USER_COOKIE) is None

    _open(page, f"{url}/report")
    page.get_by_text("Sign in as a cabinet editor").wait_for(timeout=30_000)
    _open(page, f"{url}/account")
    page.get_by_role("button", name=f"Sign in with {PROVIDER_NAME}").wait_for()
    assert not page.get_by_text("Signed in as").count()
    context.close()


def test_an_address_linked_to_no_account_reads_only_and_is_told_whom_to_ask(chromium, server):  # noqa: F811
    url, provider = server
    context = chromium.new_context(viewport={"width": 1366, "height": 1600})
    page = context.new_page()
    _sign_in_through_provider(page, url, provider, STRANGER_EMAIL)

    _open(page, f"{url}/report")
    told = f"You are signed in through {PROVIDER_NAME} as {STRANGER_EMAIL}, but this address is not linked"
    page.get_by_text(told).wait_for(timeout=30_000)
    assert "Ask the secretariat to link your address" in page.get_by_text(told).inner_text()
    assert not page.get_by_role("combobox", name="Workstream", exact=True).count()
    assert not page.get_by_role("link", name="Sign in on the Account page").count()

    _open(page, f"{url}/account")
    page.get_by_text(told).wait_for(timeout=30_000)
    assert not page.get_by_text("Signed in as").count()
    page.get_by_role("button", name="Sign out").wait_for()
    context.close()


def test_the_provider_sign_out_route_also_expires_the_lasting_cookie(server):
    """st.logout's route (Streamlit's own) answers with our cookie expired as well (monitor.serve's middleware);
    our routes under /session/ answer beside Streamlit's /auth/… ones (sign-out without its token: refused)."""
    url, _provider = server
    address = urlparse(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", "/auth/logout", headers={"Cookie": f"{sessions.COOKIE_NAME}=anything"})
    answer = connection.getresponse()
    expired = [value for name, value in answer.getheaders() if name.lower() == "set-cookie"]
    assert answer.status in (302, 303, 307)
    assert any(value.startswith(f"{sessions.COOKIE_NAME}=") and "Max-Age=0" in value for value in expired)
    connection.close()

    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", f"{sessions.SIGN_OUT_PATH}?next=/account")  # ours answers: no token, refused
    answer = connection.getresponse()
    assert answer.status == 403 and answer.getheader("set-cookie") is None
    assert "sign" in answer.read().decode("utf-8").lower()
    connection.close()
