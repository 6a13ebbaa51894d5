"""End to end in headless Chromium: a sign-in lasts across reloads and tabs, until the user signs out; a
cookie altered to name another account signs no one in."""

from __future__ import annotations

import base64
import json
import time

import pytest

from monitor.storage import sessions
from tests.browser import streamlit_server, wait_until_ready
from tests.people import PASSWORD, add_people
from tests.test_browser import chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    logs = tmp_path_factory.mktemp("sign-in-e2e")
    add_people(logs / "users.yaml")
    with streamlit_server(built_db, logs) as url:
        yield url


def _session_cookie(context) -> dict | None:
    return next((cookie for cookie in context.cookies() if cookie["name"] == sessions.COOKIE_NAME), None)


def test_a_sign_in_lasts_across_reloads_and_tabs_until_signed_out(chromium, server):  # noqa: F811
    context = chromium.new_context(viewport={"width": 1366, "height": 1600})
    page = context.new_page()
    page.goto(f"{server}/report")
    wait_until_ready(page)
    page.get_by_text("Sign in as a cabinet editor").wait_for()
    page.get_by_role("link", name="Sign in on the Account page").click()  # the prompt links to Account
    page.get_by_role("button", name="Sign in").wait_for()
    wait_until_ready(page)
    page.get_by_label("User name").fill("cabinet")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # back on the page the user came from, through the sign-in route, which set the lasting cookie
    page.wait_for_url(f"{server}/report", timeout=45_000)
    workstream = page.get_by_role("combobox", name="Workstream", exact=True)
    workstream.wait_for(timeout=45_000)
    cookie = _session_cookie(context)
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert cookie["expires"] > 0  # a lasting cookie, not one that dies with the browser's session

    _altered_cookie_is_refused(chromium, server, cookie["value"])
    _cookie_signs_in(chromium, server, cookie["value"], expected=True)  # the genuine one, in another browser

    page.reload()  # a new Streamlit session: the cookie signs it in
    wait_until_ready(page)
    workstream.wait_for(timeout=45_000)
    assert not page.get_by_text("Sign in as a cabinet editor").count()

    tab = context.new_page()  # a new tab, as from a bookmark
    tab.goto(f"{server}/account")
    wait_until_ready(tab)
    tab.get_by_text("Signed in as Anna Peeters").wait_for()
    tab.get_by_role("button", name="Sign out").click()
    tab.get_by_role("button", name="Sign in").wait_for(timeout=45_000)
    _wait_for(lambda: _session_cookie(context) is None)  # the sign-out route expired it

    page.reload()
    wait_until_ready(page)
    page.get_by_text("Sign in as a cabinet editor").wait_for()
    context.close()
    _cookie_signs_in(chromium, server, cookie["value"], expected=False)  # a copy kept elsewhere: ended too


def _cookie_signs_in(chromium, server: str, value: str, expected: bool) -> None:  # noqa: F811
    """Whether a browser holding only this cookie value (another device, a copied one) is signed in by it."""
    context = chromium.new_context()
    context.add_cookies([{"name": sessions.COOKIE_NAME, "value": value, "url": server}])
    page = context.new_page()
    page.goto(f"{server}/account")
    wait_until_ready(page)
    page.get_by_role("button", name="Sign out" if expected else "Sign in").wait_for(timeout=45_000)
    assert bool(page.get_by_text("Signed in as").count()) is expected
    context.close()


def _wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.2)


def _altered_cookie_is_refused(chromium, server: str, genuine: str) -> None:  # noqa: F811
    """The cabinet's genuine cookie with its name part made the secretariat's, its signature kept."""
    payload = base64.urlsafe_b64encode(json.dumps({"user": "secretariat"}).encode()).rstrip(b"=").decode()
    altered = ".".join([payload, *genuine.split(".")[1:]])
    context = chromium.new_context()
    context.add_cookies([{"name": sessions.COOKIE_NAME, "value": altered, "url": server}])
    page = context.new_page()
    page.goto(f"{server}/account")
    wait_until_ready(page)
    page.get_by_role("button", name="Sign in").wait_for()
    assert not page.get_by_text("Signed in as").count()
    context.close()


def test_twelve_wrong_passwords_lock_the_account_even_for_the_right_one(chromium, server):  # noqa: F811
    page = chromium.new_page()
    page.goto(f"{server}/account")
    wait_until_ready(page)
    refusal = page.get_by_test_id("stAlertContentError")
    for n in range(13):
        page.get_by_label("User name").fill("other")
        page.get_by_label("Password", exact=True).fill(PASSWORD if n == 12 else f"wrong guess {n}")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_timeout(200)
        wait_until_ready(page)
        refusal.wait_for()
    assert "signing in is locked. Try again in 15 minutes." in refusal.inner_text()
    assert not page.get_by_text("Signed in as").count()
    assert _session_cookie(page.context) is None
    page.close()
