"""Sign-ins that resist guessing: every attempt is recorded in the user store (and its audit log); after failed
attempts an account, and a client, must wait longer before the next one (backoff), and after too many it is
locked for a while (per account name, and per client: its address). The counts live in the store, so they hold
across sessions, tabs and processes.

An attempt made while waiting or locked is refused without looking at the password, and counts as a failure:
guessing faster gains nothing. Settings: $G4B_SIGN_IN_MAX_FAILURES (default 5) failures lock an account for
$G4B_SIGN_IN_LOCKOUT_MINUTES (default 15) minutes after the last one; a client (one address, any account name)
is locked after CLIENT_FACTOR times as many (an office behind one address holds several people).

A sign-in through single sign-on (an OpenID Connect provider) is recorded too (method 'single_sign_on'): the
provider checked the person, so there is nothing to count or lock here. An administrator can also lock an
account until it is unlocked (lock, unlock: `python -m monitor.storage.accounts lock|unlock NAME`); unlocking also
forgets the account's failed sign-ins. `failures` lists them per account name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from monitor.storage import accounts, store
from monitor.storage.accounts import User

MAX_FAILURES_ENV = "G4B_SIGN_IN_MAX_FAILURES"
LOCKOUT_MINUTES_ENV = "G4B_SIGN_IN_LOCKOUT_MINUTES"
DEFAULT_MAX_FAILURES = 5
DEFAULT_LOCKOUT_MINUTES = 15
CLIENT_FACTOR = 4
MAX_BACKOFF_SECONDS = 30
OUTCOMES = ("signed_in", "wrong", "too_soon", "locked")  # as the store's CHECK lists them
PASSWORD, SINGLE_SIGN_ON = "password", "single_sign_on"  # how a sign-in was made (the store's `method`)
UNKNOWN_CLIENT = "unknown"


@dataclass(frozen=True)
class Attempt:
    """What a sign-in attempt gave: the user, or why not (`refused`: an outcome) and how long to wait."""

    user: User | None
    refused: str | None = None  # an outcome, or "locked_by_admin" (recorded as "locked")
    wait_seconds: int = 0


def max_failures() -> int:
    return _setting(MAX_FAILURES_ENV, DEFAULT_MAX_FAILURES)


def lockout_minutes() -> int:
    return _setting(LOCKOUT_MINUTES_ENV, DEFAULT_LOCKOUT_MINUTES)


def _setting(env: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(env, default)))
    except ValueError:
        return default


def backoff_seconds(failures: int) -> int:
    """How long to wait after `failures` failed attempts: none after the first slip, then 1, 2, 4 … s."""
    return 0 if failures < 2 else min(2 ** (failures - 2), MAX_BACKOFF_SECONDS)


def sign_in(username: str, password: str, client: str | None, path: Path | None = None) -> Attempt:
    """Check the password unless the account or the client must wait; record the attempt either way."""
    name, client = username.strip().lower()[:60], (client or UNKNOWN_CLIENT)[:64]
    if accounts.locked_reason(name):
        _record(name, client, "locked", path)
        return Attempt(None, "locked_by_admin")
    waiting = _waiting(name, client, path)
    user = None if waiting.refused else accounts.authenticate(name, password)
    _record(name, client, "signed_in" if user else (waiting.refused or "wrong"), path)
    if user:
        return Attempt(user)
    after = _waiting(name, client, path)  # this failure may be the one that locks: say so now
    if after.refused == "locked":
        return after
    return waiting if waiting.refused else Attempt(None, "wrong")


def _waiting(name: str, client: str, path: Path | None) -> Attempt:
    minutes = lockout_minutes()
    account = store.run("sign_in_failures_of_account", {"username": name, "minutes": minutes}, path).iloc[0]
    by_client = store.run("sign_in_failures_of_client", {"client": client, "minutes": minutes}, path).iloc[0]
    wait = 0
    for counts, limit in ((account, max_failures()), (by_client, max_failures() * CLIENT_FACTOR)):
        if counts["failures"] >= limit:
            wait = max(wait, int(minutes * 60 - counts["seconds_since_last"]) + 1)
    if wait:
        return Attempt(None, "locked", wait)
    # a client's backoff grows CLIENT_FACTOR times slower: one person's slips barely slow the others behind it
    for counts, failures in ((account, account["failures"]), (by_client, by_client["failures"] // CLIENT_FACTOR)):
        wait = max(wait, int(backoff_seconds(int(failures)) - counts["seconds_since_last"] + 0.999))
    return Attempt(None, "too_soon", wait) if wait > 0 else Attempt(None)


def single_sign_on(name: str, client: str | None, path: Path | None = None) -> None:
    """Record a sign-in through the single sign-on provider: `name` is the account it maps to, else the e-mail
    address the provider vouched for (someone who may read, with no account)."""
    _record(name.strip().lower()[:60], (client or UNKNOWN_CLIENT)[:64], "signed_in", path, SINGLE_SIGN_ON)


def _record(name: str, client: str, outcome: str, path: Path | None, method: str = PASSWORD) -> None:
    action = "sign_in" if outcome == "signed_in" else "sign_in_refused"
    if method == SINGLE_SIGN_ON:
        action = "sign_in_single_sign_on"
    parameters = {"username": name, "client": client, "outcome": outcome, "method": method}
    with store.transaction(name, action, {"client": client, "outcome": outcome}, path) as cursor:
        store.execute(cursor, "record_sign_in_attempt", parameters)


def recent(limit: int = 50, path: Path | None = None) -> pd.DataFrame:
    """The last `limit` attempts, newest first (for the secretariat)."""
    return store.run("recent_sign_in_attempts", {"limit": limit}, path)


def lock(username: str, reason: str, by: str, path: Path | None = None) -> None:
    """Refuse every sign-in of the account until unlocked; its open sign-ins end at their next page run."""
    with store.transaction(by, "lock_account", {"username": username, "reason": reason}, path):
        accounts.set_locked(username, reason)  # inside: a file that cannot be written rolls the audit line back


def unlock(username: str, by: str, path: Path | None = None) -> None:
    """Lift an administrator's lock and the lockout by failures: the account's count starts anew."""
    with store.transaction(by, "unlock_account", {"username": username}, path) as cursor:
        store.execute(cursor, "record_sign_in_unlock", {"username": username, "by": by})
        accounts.set_locked(username, None)


def failures(path: Path | None = None) -> list[tuple[str, int, str, str, str]]:
    """(account name, failures, last failure, clients, state) for every name with failed sign-ins in the lockout
    window, and every account locked by an administrator. State: "locked by an administrator: REASON", "locked
    for N more minutes" (failures), "waiting" (backoff) or "-"."""
    rows = store.run("sign_in_failures_by_account", {"minutes": lockout_minutes()}, path)
    listed = []
    for name, count, last, since, clients in rows.itertuples(index=False):
        state = "-"
        if count >= max_failures():
            state = f"locked for {max(1, -(-int(lockout_minutes() * 60 - since) // 60))} more minutes"
        elif backoff_seconds(int(count)) > since:
            state = "waiting"
        if reason := accounts.locked_reason(name):
            state = f"locked by an administrator: {reason}"
        listed.append((name, int(count), str(last)[:19], clients, state))
    named = {row[0] for row in listed}
    for user in accounts.users():
        if user.username not in named and (reason := accounts.locked_reason(user.username)):
            listed.append((user.username, 0, "-", "-", f"locked by an administrator: {reason}"))
    return listed
