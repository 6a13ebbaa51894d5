"""Lasting sign-ins: the signed cookie that keeps a browser signed in, and the one-time token that hands a
verified sign-in from the Account page to the route that sets that cookie (monitor.serve).

The cookie holds only the account name and when it was issued, signed with the install's secret (itsdangerous):
whoever changes it loses the signature. The role is read from the accounts file on every use, so a removed
account is signed out at its next page run. The secret comes from $G4B_SESSION_SECRET, else `session_secret` in
.streamlit/secrets.toml, else a file generated once beside the accounts file (never committed).
Signing out needs a token bound to the cookie (sign_out_token), so that another site cannot sign a user out.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tomllib
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer

from monitor.core.errors import StoreUnavailable
from monitor.core.paths import PROJECT_ROOT, users_path
from monitor.storage import accounts, store

COOKIE_NAME = "g4b_session"
# The routes of monitor.serve: not under Streamlit's own paths (/_stcore, /media, /component, /static, /auth).
SIGN_IN_PATH = "/session/sign-in"
SIGN_OUT_PATH = "/session/sign-out"
SECRET_ENV = "G4B_SESSION_SECRET"
HOURS_ENV = "G4B_SESSION_HOURS"
DEFAULT_HOURS = 10.0  # one working day
HANDOVER_SECONDS = 60  # the Account page's token is redeemed by the browser within a second; a minute is slack
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"
SECRET_FILE_NAME = "session_secret"


def lifetime_seconds() -> int:
    """How long a sign-in lasts: $G4B_SESSION_HOURS hours (default 10, a working day)."""
    try:
        hours = float(os.environ.get(HOURS_ENV, DEFAULT_HOURS))
    except ValueError:
        hours = DEFAULT_HOURS
    return max(60, int(hours * 3600))


def secret() -> str:
    """The signing secret of this install (see the module's docstring for where it comes from)."""
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
    if SECRETS_FILE.exists():
        configured = tomllib.loads(SECRETS_FILE.read_text(encoding="utf-8")).get("session_secret")
        if configured:
            return str(configured)
    return _generated_secret(users_path().parent / SECRET_FILE_NAME)


def _generated_secret(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # two first runs: one file wins
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret(), salt=f"g4b-{purpose}")


def issue_cookie(username: str) -> str:
    """The cookie's value for `username`: its name, the stamp of its password (accounts.credential_stamp), a
    random part (two browsers signed in within the same second get two cookies, each ended on its own) and,
    signed in with them, its time of issue."""
    stamp = accounts.credential_stamp(username)
    return _serializer("session").dumps({"user": username, "stamp": stamp, "nonce": secrets.token_urlsafe(8)})


def cookie_user(value: str | None) -> str | None:
    """The account name a cookie was issued for, or None if it is missing, altered, older than its lifetime,
    issued before the account's password last changed, or ended by Sign out (read once per browser session)."""
    if not value:
        return None
    try:
        payload = _serializer("session").loads(value, max_age=lifetime_seconds())
    except BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("user"), str):
        return None
    stamp = accounts.credential_stamp(payload["user"])
    if stamp is None or payload.get("stamp") != stamp:
        return None
    try:
        ended = bool(store.run("sign_in_ended", {"digest": _fingerprint(value)}).iloc[0]["ended"])
    except StoreUnavailable:  # cannot tell whether it was ended: not signed in (reading needs no account)
        return None
    return None if ended else payload["user"]


def end(value: str) -> None:
    """Sign out: the cookie, and every copy of it (another device's, a stolen one), is refused from now on."""
    user = cookie_user(value)
    if user is None:
        return
    with store.transaction(user, "sign_out", {}) as cursor:
        store.execute(cursor, "forget_old_ended_sign_ins", {"hours": lifetime_seconds() / 3600})
        store.execute(cursor, "record_ended_sign_in", {"digest": _fingerprint(value)})


def handover_token(username: str) -> str:
    """A one-time token, valid HANDOVER_SECONDS, that the sign-in route exchanges for the lasting cookie."""
    return _serializer("handover").dumps({"user": username, "nonce": secrets.token_urlsafe(16)})


def sign_out_token(cookie: str) -> str:
    """The token the sign-out link carries, bound to this browser's sign-in cookie: another site can neither read
    the cookie nor sign a token, so a link or form of its own cannot sign the user out (cross-site request)."""
    return _serializer("sign-out").dumps({"cookie": _fingerprint(cookie)})


def sign_out_allowed(token: str | None, cookie: str | None) -> bool:
    """Whether `token` was made by sign_out_token for this very `cookie` (and the cookie is still a valid one)."""
    if not token or not cookie:
        return False
    try:
        payload = _serializer("sign-out").loads(token, max_age=lifetime_seconds())
    except BadSignature:
        return False
    made_for = payload.get("cookie") if isinstance(payload, dict) else None
    if not isinstance(made_for, str) or not hmac.compare_digest(made_for, _fingerprint(cookie)):
        return False
    return cookie_user(cookie) is not None  # an ended, expired or outdated sign-in has nothing left to sign out


def _fingerprint(cookie: str) -> str:
    # A digest, not the cookie itself: the link's address may be kept in a browser's history or a proxy's log.
    return hashlib.sha256(cookie.encode("utf-8", "replace")).hexdigest()


def redeem(token: str | None) -> str | None:
    """The account name of a valid token not used before (it is then used up, in the store: every app process
    sees it used), else None. Using it up is audited: it is when the browser's lasting sign-in starts."""
    if not token:
        return None
    try:
        payload = _serializer("handover").loads(token, max_age=HANDOVER_SECONDS)
    except BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("nonce"), str):
        return None
    user = payload.get("user")
    try:
        with store.transaction(str(user), "lasting_sign_in", {"user": user}) as cursor:
            store.execute(cursor, "forget_old_sign_in_tokens")
            if not store.execute(cursor, "redeem_sign_in_token", {"nonce": payload["nonce"]}).fetchall():
                raise _AlreadyUsed  # a replay: roll the audit line back
    except _AlreadyUsed:
        return None
    except StoreUnavailable:  # a store that cannot be written: this tab stays signed in, no lasting cookie
        return None
    return user


class _AlreadyUsed(Exception):
    """The token's nonce is in the store already."""


def safe_return_path(target: str | None) -> str:
    """Where to send the browser back to: a path of this site only (never another site: '//x' or 'http:')."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
