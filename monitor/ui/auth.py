"""Who is signed in, for this browser (Streamlit side of monitor.storage.accounts and monitor.storage.sessions).

A sign-in lasts (a working day by default) across reloads, tabs and bookmarks: the Account page checks the
password, then sends the browser through the sign-in route (monitor.serve) with a one-time token; the route sets
a signed HttpOnly cookie and sends the browser back. Each run of a new session reads that cookie. A session
remembers only the user name; the account (role, member) is read from the accounts file on every use, so a
removed account or a changed role takes effect at once.

Single sign-on, when `[auth]` is configured in .streamlit/secrets.toml (monitor.storage.single_sign_on): the
Account page also offers Streamlit's st.login; whoever the provider signed in is the account linked to their
verified e-mail address, read on every run as well. Someone with no linked account may read, not write, and is
told whom to ask. Signing out then also ends the provider's sign-in (st.logout; its route also expires the
lasting cookie, monitor.serve).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from urllib.parse import urlencode

import streamlit as st
from streamlit import config
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner import get_script_run_ctx

from monitor.storage import accounts, sessions, sign_ins, single_sign_on
from monitor.storage.accounts import User
from monitor.storage.sign_ins import Attempt
from monitor.storage.single_sign_on import Identity, Settings
from monitor.ui.language import language, t
from monitor.ui.markdown import plain
from monitor.ui.tables import table

SESSION_KEY = "_signed_in_user"
SIGNED_OUT = "_signed_out"  # this session signed out: its (expiring) cookie is no longer read
HANDOVER = "_sign_in_handover"  # the route to send the browser through, in the run after a sign-in or sign-out
RETURN_TO = "next"  # the Account page's URL parameter: the page to go back to after signing in
ACCOUNT_PAGE = "pages/more/account.py"
LOGOUT_THROUGH_PROVIDER = "st.logout"  # HANDOVER's value when the sign-out must also end the provider's sign-in

_recorded_provider_sign_ins: set[tuple[str, str]] = set()  # (sub, iat) already in the sign-in log, this process
_recorded_lock = threading.Lock()


def current_user() -> User | None:
    """This browser's account: signed in with a password (this session, else the lasting cookie), else through
    single sign-on with an e-mail address linked to an account."""
    user = _password_user()
    if user is None and (identity := provider_identity()) is not None:
        user = identity.user
    return user


def _password_user() -> User | None:
    username = st.session_state.get(SESSION_KEY)
    if not username and not st.session_state.get(SIGNED_OUT):
        username = sessions.cookie_user(st.context.cookies.get(sessions.COOKIE_NAME))
    if not username:
        return None
    user = accounts.find(username)
    if user is None:
        st.session_state.pop(SESSION_KEY, None)
    else:
        st.session_state[SESSION_KEY] = username
    return user


def single_sign_on_settings() -> Settings | None:
    """How single sign-on is offered, or None when it is not configured (then nothing of it shows)."""
    if not st.secrets.load_if_toml_exists():
        return None
    return single_sign_on.settings(st.secrets.to_dict())


def provider_identity() -> Identity | None:
    """Who signed in through the single sign-on provider in this browser, if anyone (and single sign-on is on).
    The first run that sees a provider sign-in records it in the sign-in log."""
    settings = single_sign_on_settings()
    if settings is None:
        return None
    claims = st.user.to_dict()
    trusted = settings.addresses_verified_by_provider
    identity = single_sign_on.identity(claims, sessions.lifetime_seconds(), addresses_verified_by_provider=trusted)
    if identity is not None:
        _record_once(claims, identity)
    return identity


def _record_once(claims: Mapping, identity: Identity) -> None:
    """One row in the sign-in log per provider sign-in (its subject and time of issue), not one per page run or
    tab. Remembered in this process: after a restart, a browser still signed in is recorded once more."""
    sign_in_id = (str(claims.get("sub")), str(claims.get("iat")))
    with _recorded_lock:
        if sign_in_id in _recorded_provider_sign_ins:
            return
        _recorded_provider_sign_ins.add(sign_in_id)
    sign_ins.single_sign_on(identity.key, client_address())


def provider_label(settings: Settings | None) -> str:
    """The provider's name as configured (as plain text for Markdown), else a general wording."""
    return plain(settings.provider_name) if settings and settings.provider_name else t("account.sso_default_provider")


def sign_in_with_provider() -> None:
    """Send the browser to the provider (st.login); it comes back to the Monitor's first page, signed in."""
    st.login()


def no_account_message(identity: Identity) -> str:
    """What someone signed in through the provider with no account may do, and whom to ask, in their language."""
    key = "account.sso_no_account" if identity.verified else "account.sso_unverified"
    return t(key, provider=provider_label(single_sign_on_settings()), email=plain(identity.email or "?"))


def signed_in_through(identity: Identity) -> str:
    return t(
        "account.sso_through", provider=provider_label(single_sign_on_settings()), email=plain(identity.email or "?")
    )


def sign_in(username: str, password: str, return_to: str | None = None) -> Attempt:
    """Check the password (unless the account or this client must wait, monitor.storage.sign_ins); if right,
    this session is signed in, and its next run (finish_sign_in) sends the browser to the sign-in route, which
    makes the sign-in last, then back to `return_to` (a page's URL path)."""
    attempt = sign_ins.sign_in(username, password, client_address())
    user = attempt.user
    if user:
        st.session_state[SESSION_KEY] = user.username
        st.session_state.pop(SIGNED_OUT, None)
        query = {"token": sessions.handover_token(user.username), "next": _site_path(return_to or "account")}
        st.session_state[HANDOVER] = f"{_site_path(sessions.SIGN_IN_PATH.lstrip('/'))}?{urlencode(query)}"
    return attempt


def refusal(attempt: Attempt) -> str:
    """Why a sign-in was refused, in the user's language (never which of the name or the password was wrong)."""
    if attempt.refused == "locked_by_admin":
        return t("account.locked_by_admin")
    if attempt.refused == "locked":
        return t("account.locked", count=max(1, -(-attempt.wait_seconds // 60)))
    if attempt.refused == "too_soon":
        return t("account.too_soon", count=attempt.wait_seconds)
    return t("account.failed")


def client_address() -> str | None:
    """The browser's address. Streamlit gives none for a connection from this machine: that is also a reverse
    proxy on this machine (docs/operations.md), whose X-Real-IP (else X-Forwarded-For) header then names it."""
    address = st.context.ip_address
    if isinstance(address, str) and address:  # (a test harness without a connection gives no string)
        return address
    headers = st.context.headers
    forwarded = headers.get("X-Real-Ip") or (headers.get("X-Forwarded-For") or "").split(",")[0].strip()
    return forwarded if isinstance(forwarded, str) and forwarded else None


def sign_in_log() -> None:
    """The last sign-in attempts, right and refused, for the secretariat."""
    st.subheader(t("account.attempts_title"))
    st.caption(t("account.attempts_help", count=sign_ins.max_failures(), minutes=sign_ins.lockout_minutes()))
    attempts = sign_ins.recent()
    outcomes = {
        "signed_in": t("account.outcome.signed_in"),
        "wrong": t("account.outcome.wrong"),
        "too_soon": t("account.outcome.too_soon"),
        "locked": t("account.outcome.locked"),
    }
    through_provider = attempts["method"] == sign_ins.SINGLE_SIGN_ON
    attempts["outcome"] = attempts["outcome"].map(outcomes)
    attempts.loc[through_provider, "outcome"] = t("account.outcome.single_sign_on")
    attempts.loc[attempts["client"] == sign_ins.UNKNOWN_CLIENT, "client"] = t("account.attempts.unknown_client")
    columns = {
        "attempted_at": "account.attempts.when",
        "username": "account.attempts.account",
        "client": "account.attempts.client",
        "outcome": "account.attempts.outcome",
    }
    table(attempts, columns, key="account_sign_in_attempts")


def finish_sign_in_or_out() -> None:
    """Send the browser through the sign-in or sign-out route if one was just made (see sign_in, sign_out).

    Done in the run that follows (the page reruns at once): a message sent by a run that is then cut short
    by a rerun could be lost."""
    url = st.session_state.pop(HANDOVER, None)
    if url == LOGOUT_THROUGH_PROVIDER:
        st.logout()
    elif url:
        _send_browser_to(url)


def sign_out() -> None:
    """This session is signed out at once; a provider sign-in is ended through the provider, and a lasting
    sign-in cookie is expired by the sign-out route, with the token bound to that cookie (the route refuses a
    sign-out without it: another site cannot make one)."""
    st.session_state.pop(SESSION_KEY, None)
    st.session_state[SIGNED_OUT] = True
    if provider_identity() is not None:
        st.session_state[HANDOVER] = LOGOUT_THROUGH_PROVIDER
        return
    cookie = st.context.cookies.get(sessions.COOKIE_NAME)
    if not cookie:
        return  # nothing lasting to expire
    query = {"token": sessions.sign_out_token(cookie), "next": _site_path("account"), "lang": language()}
    st.session_state[HANDOVER] = f"{_site_path(sessions.SIGN_OUT_PATH.lstrip('/'))}?{urlencode(query)}"


def sign_in_prompt(message_key: str, page: str) -> None:
    """On a page that needs an account: say so, with a link to the Account page that comes back to `page`
    (its URL path) after signing in. Someone signed in through the provider with no account is told instead
    that they may read only, and whom to ask."""
    identity = provider_identity()
    if identity is not None and identity.user is None:
        st.warning(no_account_message(identity))
        return
    st.info(t(message_key))
    st.page_link(ACCOUNT_PAGE, label=t("account.go_sign_in"), query_params={RETURN_TO: page})


def return_page() -> str | None:
    """The page the Account page was opened from (its URL parameter), if it names one of ours."""
    target = st.query_params.get(RETURN_TO, "")
    return target if target.replace("-", "").isalnum() else None


def _site_path(path: str) -> str:
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return "/" + "/".join(part for part in (base, path) if part)


def _send_browser_to(url: str) -> None:
    """A full page load of `url` in this browser tab. Streamlit's own st.login/st.logout do it with this message
    (ForwardMsg.auth_redirect): the only private name of Streamlit the sign-in uses."""
    context = get_script_run_ctx()
    if context is not None:
        message = ForwardMsg()
        message.auth_redirect.url = url
        context.enqueue(message)
