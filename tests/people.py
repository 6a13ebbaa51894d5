"""The accounts the tests sign in with, made the same way for AppTest (the test's own accounts file) and for a
served app in Chromium (the file its server reads)."""

from __future__ import annotations

from pathlib import Path

from monitor.storage import accounts
from monitor.storage.accounts import User

PASSWORD = "long-enough-1"
EDITOR_MEMBER = "brussels_minister_president"


FULL_NAMES = {"cabinet": "Anna Peeters", "other": "Karim Haddad", "secretariat": "Sofie Claes"}  # made up


def add_people(path: Path | None = None) -> dict[str, User]:
    """An editor of the Minister-President's cabinet ("cabinet"), an editor of another member ("other"), and the
    secretariat ("secretariat"), each with a person's full name (FULL_NAMES), in the accounts file `path`
    (default: the configured one)."""

    def add(username: str, role: str, member: str | None = None) -> User:
        return accounts.add(username, PASSWORD, role, member, FULL_NAMES[username], path=path, rounds=4)

    return {
        "editor": add("cabinet", "editor", EDITOR_MEMBER),
        "other": add("other", "editor", "brussels_minister_employment"),
        "admin": add("secretariat", "admin"),
    }
