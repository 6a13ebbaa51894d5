"""The signed sign-in cookie and the one-time hand-over token (monitor.storage.sessions)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from monitor.core.paths import PROJECT_ROOT, USERS_PATH_ENV
from monitor.storage import accounts, sessions, store
from tests.people import PASSWORD
from tests.stores import both_engines, store_sql


@pytest.fixture(autouse=True)
def own_secret(tmp_path, monkeypatch, isolated_store):
    monkeypatch.delenv(sessions.SECRET_ENV, raising=False)
    monkeypatch.setattr(sessions, "SECRETS_FILE", tmp_path / "no-secrets.toml")
    monkeypatch.setenv(USERS_PATH_ENV, str(tmp_path / "users.yaml"))
    accounts.add("cabinet", PASSWORD, "editor", "brussels_minister_president", rounds=4)
    accounts.add("secretariat", PASSWORD, "admin", rounds=4)


def test_a_secret_is_generated_once_per_install_readable_by_its_owner_only(tmp_path):
    first = sessions.secret()
    assert len(first) >= 40 and sessions.secret() == first
    assert (tmp_path / sessions.SECRET_FILE_NAME).stat().st_mode & 0o777 == 0o600


def test_the_environment_then_the_secrets_file_give_the_secret(tmp_path, monkeypatch):
    (tmp_path / "secrets.toml").write_text('session_secret = "from-the-secrets-file"\n')
    monkeypatch.setattr(sessions, "SECRETS_FILE", tmp_path / "secrets.toml")
    assert sessions.secret() == "from-the-secrets-file"
    monkeypatch.setenv(sessions.SECRET_ENV, "from-the-environment")
    assert sessions.secret() == "from-the-environment"


def test_a_cookie_names_its_user_until_altered_or_signed_with_another_secret(monkeypatch):
    cookie = sessions.issue_cookie("cabinet")
    assert sessions.cookie_user(cookie) == "cabinet"
    # (the first character: every bit of it counts, unlike the last one of a base64 signature)
    assert sessions.cookie_user(("f" if cookie[0] != "f" else "g") + cookie[1:]) is None
    assert sessions.cookie_user(None) is None
    monkeypatch.setenv(sessions.SECRET_ENV, "another install")
    assert sessions.cookie_user(cookie) is None


def test_a_cookie_lasts_its_configured_hours(monkeypatch):
    assert sessions.lifetime_seconds() == 10 * 3600  # a working day by default
    cookie = sessions.issue_cookie("cabinet")
    later = time.time() + 2 * 3600
    monkeypatch.setenv(sessions.HOURS_ENV, "1")
    monkeypatch.setattr(time, "time", lambda: later)  # itsdangerous reads the clock through time.time
    assert sessions.cookie_user(cookie) is None
    monkeypatch.setenv(sessions.HOURS_ENV, "3")
    assert sessions.cookie_user(cookie) == "cabinet"


@both_engines
def test_a_lasting_sign_in_ends_with_sign_out_or_a_new_password_copies_included():
    cookie, other = sessions.issue_cookie("cabinet"), sessions.issue_cookie("cabinet")  # two browsers
    copy = str(cookie)  # the same cookie, kept elsewhere (copied, stolen)
    sessions.end(cookie)  # Sign out in one browser: that cookie, and every copy of it, are refused
    assert sessions.cookie_user(cookie) is None and sessions.cookie_user(copy) is None
    assert sessions.cookie_user(other) == "cabinet"  # the other browser's sign-in holds
    assert store_sql("SELECT actor, action FROM audit_log") == [("cabinet", "sign_out")]
    accounts.add("cabinet", "a new password, long enough", "editor", "brussels_minister_president", rounds=4)
    assert sessions.cookie_user(other) is None  # a new password ends every lasting sign-in made before it
    fresh = sessions.issue_cookie("cabinet")
    assert sessions.cookie_user(fresh) == "cabinet"
    accounts.remove("cabinet")
    accounts.add("cabinet", PASSWORD, "editor", "brussels_minister_president", rounds=4)
    assert sessions.cookie_user(fresh) is None  # the account removed and made again: a new hash, a new stamp


@both_engines
def test_a_hand_over_token_is_used_once_in_every_process_and_is_not_a_cookie(monkeypatch):
    token = sessions.handover_token("cabinet")
    assert sessions.cookie_user(token) is None  # another purpose, another signature
    assert sessions.redeem(token) == "cabinet"
    assert sessions.redeem(token) is None
    assert sessions.redeem("forged") is None
    # replayed to another app process (make serve): the store, not a process's memory, says it was used
    monkeypatch.setenv(sessions.SECRET_ENV, sessions.secret())
    replay = "from monitor.storage import sessions; import sys; print(sessions.redeem(sys.argv[1]))"
    fresh = sessions.handover_token("cabinet")
    other = [sys.executable, "-c", replay, fresh]
    store.close_all()  # DuckDB: one process holds the file at a time
    assert subprocess.run(other, capture_output=True, text=True, check=True, cwd=PROJECT_ROOT).stdout == "cabinet\n"
    assert sessions.redeem(fresh) is None
    assert store_sql("SELECT actor, action FROM audit_log") == [("cabinet", "lasting_sign_in")] * 2  # replays: none


def test_the_way_back_stays_on_this_site():
    assert sessions.safe_return_path("/report") == "/report"
    for elsewhere in ["https://evil.example/", "//evil.example/", "/\\\\evil.example", None, ""]:
        assert sessions.safe_return_path(elsewhere) == "/"


def test_a_sign_out_token_holds_only_for_the_cookie_it_was_made_for(monkeypatch):
    cookie, other = sessions.issue_cookie("cabinet"), sessions.issue_cookie("secretariat")
    token = sessions.sign_out_token(cookie)
    assert sessions.sign_out_allowed(token, cookie)
    assert not sessions.sign_out_allowed(token, other)  # another browser's sign-in
    assert not sessions.sign_out_allowed(None, cookie) and not sessions.sign_out_allowed("", cookie)
    assert not sessions.sign_out_allowed(token, None)
    assert not sessions.sign_out_allowed(sessions.handover_token("cabinet"), cookie)  # another purpose
    assert not sessions.sign_out_allowed(cookie, cookie)  # the cookie itself is no token
    assert "cabinet" not in token and cookie not in token  # the link does not carry the sign-in
    monkeypatch.setenv(sessions.SECRET_ENV, "another install")
    assert not sessions.sign_out_allowed(token, cookie)
