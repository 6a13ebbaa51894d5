"""The accounts the tests sign in with, made the same way for AppTest (the test's own accounts file) and for a
served app in Chromium (the file its server reads)."""

from __future__ import annotations

from pathlib import Path

from monitor.storage import accounts
from monitor.storage.accounts import User

PASSWORD = "long-enough-1"
EDITOR_MEMBER = "brussels_minister_president"


def add_people(path: Path | None = None) -> dict[str, User]:
    """An editor of the Minister-President's cabinet ("cabinet"), an editor of another member ("other"), and the
    secretariat ("secretariat"), in the accounts file `path` (default: the configured one)."""
    return {
        "editor": accounts.add("cabinet", PASSWORD, "editor", EDITOR_MEMBER, path=path, rounds=4),
        "other": accounts.add("other", PASSWORD, "editor", "brussels_minister_employment", path=path, rounds=4),
        "admin": accounts.add("secretariat", PASSWORD, "admin", path=path, rounds=4),
    }
