"""Account administration that scripts can drive: `python -m monitor.storage.accounts` run as a subprocess with no
terminal takes its password from standard input or MONITOR_PASSWORD, and its errors list what is valid."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.core.paths import DB_PATH_ENV, PROJECT_ROOT, USERS_PATH_ENV
from monitor.storage import accounts

MEMBER = "brussels_minister_president"


def run(tmp_path: Path, built_db: Path, *arguments: str, stdin: str | None = "", **environment: str):
    """The command line as a script runs it: no terminal (standard input a pipe, or nothing at all)."""
    env = {key: value for key, value in os.environ.items() if key != accounts.PASSWORD_ENV}
    env.update({DB_PATH_ENV: str(built_db), USERS_PATH_ENV: str(tmp_path / "users.yaml"), **environment})
    return subprocess.run(
        [sys.executable, "-m", "monitor.storage.accounts", *arguments],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=60,
    )


def signs_in(tmp_path: Path, name: str, password: str) -> bool:
    return accounts.authenticate(name, password, tmp_path / "users.yaml") is not None


def test_the_password_comes_from_standard_input_without_a_terminal(tmp_path, built_db):
    done = run(
        tmp_path, built_db, "add", "cabinet-mp", "--role", "editor", "--member", MEMBER, stdin="long enough pw\n"
    )
    assert done.returncode == 0, done.stderr
    assert signs_in(tmp_path, "cabinet-mp", "long enough pw")


def test_the_password_comes_from_the_environment(tmp_path, built_db):
    done = run(tmp_path, built_db, "add", "secretariat", "--role", "admin", stdin=None, MONITOR_PASSWORD="from env 123")
    assert done.returncode == 0, done.stderr
    assert signs_in(tmp_path, "secretariat", "from env 123")


@pytest.mark.parametrize("stdin", [None, ""])  # standard input closed, or empty: EOFError before
def test_no_password_at_all_says_how_to_give_one_without_a_traceback(tmp_path, built_db, stdin):
    done = run(tmp_path, built_db, "add", "secretariat", "--role", "admin", stdin=stdin)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "standard input" in done.stderr and accounts.PASSWORD_ENV in done.stderr
    assert not (tmp_path / "users.yaml").exists()


def test_an_unknown_member_is_refused_with_the_valid_ids(tmp_path, built_db):
    done = run(tmp_path, built_db, "add", "cab", "--role", "editor", "--member", "nobody", stdin="long enough pw\n")
    assert done.returncode == 1 and "unknown member id 'nobody'" in done.stderr
    listed = done.stderr.split("the member ids are:", 1)[1].split()
    assert listed == accounts.member_ids() and MEMBER in listed


def test_an_editor_without_a_member_gets_the_valid_ids(tmp_path, built_db):
    done = run(tmp_path, built_db, "add", "cab", "--role", "editor", stdin="long enough pw\n")
    assert done.returncode == 1 and "give --member" in done.stderr and MEMBER in done.stderr


def test_an_unknown_role_is_refused_with_the_valid_roles(tmp_path, built_db):
    done = run(tmp_path, built_db, "add", "cab", "--role", "boss", stdin="long enough pw\n")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert all(f"'{role}'" in done.stderr for role in accounts.ROLES)


def test_a_short_password_is_refused_in_words(tmp_path, built_db):
    done = run(tmp_path, built_db, "add", "secretariat", "--role", "admin", stdin="short\n")
    assert done.returncode == 1 and "at least 10 characters" in done.stderr and "Traceback" not in done.stderr
