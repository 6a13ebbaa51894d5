"""Single sign-on, optional: whether an OpenID Connect provider is configured, and which account of the accounts
file (monitor.storage.accounts) the provider's identity is. No Streamlit here: monitor.ui.auth passes in the
secrets and the provider's claims (st.secrets, st.user).

Streamlit's own st.login does the sign-in with the provider configured under `[auth]` in .streamlit/secrets.toml;
the Monitor adds an optional `[single_sign_on]` section: `provider_name` (shown on the button "Sign in with …"),
`passwords` (false: the Account page offers only the provider, not the password form) and
`addresses_verified_by_provider` (see below).

An identity is its e-mail address, and only one the provider says it verified (`email_verified` true): where a
user may type their own address, an unverified one could name someone else's account. A provider that sends no
`email_verified` but gives only addresses of its own directory (an organisation's, e.g. Microsoft Entra with
its domains) is trusted for them only when the operator says so (`addresses_verified_by_provider = true`); an
address it says is unverified never stands. An address linked to an account (`accounts.py link NAME ADDRESS`)
is that account, with its role and member; anyone else signed in through the provider may read, as everyone
may, and write nothing.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from monitor.storage import accounts
from monitor.storage.accounts import User

# What st.login needs under [auth] for the one (unnamed) provider the Monitor offers.
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
OWN_SECTION = "single_sign_on"


@dataclass(frozen=True)
class Settings:
    """How single sign-on is offered: the provider's name on the button (None: a general wording), and whether
    the password form is offered beside it."""

    provider_name: str | None = None
    passwords: bool = True
    addresses_verified_by_provider: bool = False


def settings(secrets: Mapping) -> Settings | None:
    """The single sign-on settings of these secrets, or None when `[auth]` lacks one of AUTH_KEYS (then the
    Monitor offers passwords only, as when nothing is configured)."""
    auth = secrets.get("auth")
    if not isinstance(auth, Mapping) or not all(auth.get(key) for key in AUTH_KEYS):
        return None
    own = secrets.get(OWN_SECTION)
    own = own if isinstance(own, Mapping) else {}
    name = str(own.get("provider_name") or "").strip() or None
    return Settings(name, own.get("passwords", True) is not False, own.get("addresses_verified_by_provider") is True)


@dataclass(frozen=True)
class Identity:
    """Who the provider says signed in: the address (None if it gave none), whether it may stand for an
    account (not said to be unverified), and the account it maps to, if any."""

    email: str | None
    verified: bool
    user: User | None

    @property
    def key(self) -> str:
        """The name the sign-in log records: the account, else the address."""
        return self.user.username if self.user else (self.email or "?")


def identity(
    claims: Mapping,
    max_age_seconds: int | None = None,
    path: Path | None = None,
    now: float | None = None,
    addresses_verified_by_provider: bool = False,
) -> Identity | None:
    """The identity of a provider's claims (st.user), or None when they are not of a signed-in person, or when
    the provider's sign-in (its `iat`, issued at) is older than `max_age_seconds`: a provider sign-in then lasts
    as long as a password sign-in (monitor.storage.sessions), not the 30 days of Streamlit's own cookie."""
    if claims.get("is_logged_in") is not True:
        return None
    issued = claims.get("iat")
    too_old = isinstance(issued, int | float) and (time.time() if now is None else now) - issued > (
        max_age_seconds if max_age_seconds is not None else float("inf")
    )
    if too_old:
        return None
    email = claims.get("email")
    email = email.strip().lower() if isinstance(email, str) and "@" in email else None
    said = _said(claims.get("email_verified"))
    verified = email is not None and (said is True or (said is None and addresses_verified_by_provider))
    return Identity(email, verified, accounts.find_by_email(email, path) if verified else None)


def _said(value: object) -> bool | None:
    """What the provider said of the address: True or False (a JSON boolean, or the string some send), None when
    it said nothing. Anything else (0, 1, "yes") is taken as False: only a clear yes makes an account."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return value is True
