"""Account administration that scripts can drive: `python -m monitor.storage.accounts` run as a subprocess with no
terminal takes its password from standard input or MONITOR_PASSWORD, and its errors list what is valid."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.core.paths import DB_PATH_ENV, PROJECT_ROOT, STORE_PATH_ENV, USERS_PATH_ENV
from monitor.storage import accounts, sign_ins, store

MEMBER = "brussels_minister_president"


def run(tmp_path: Path, built_db: Path, *arguments: str, stdin: str | None = "", **environment: str):
    """The command line as a script runs it: no terminal (standard input a pipe, or nothing at all)."""
    env = {key: value for key, value in os.environ.items() if key != accounts.PASSWORD_ENV}
    env.update({DB_PATH_ENV: str(built_db), USERS_PATH_ENV: str(tmp_path / "users.yaml"), **environment})
    env[STORE_PATH_ENV] = str(tmp_path / "store.duckdb")
    store.close_all()  # this process's connection would keep the command's process out of the store
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


@pytest.fixture()
def two_accounts(tmp_path, built_db, monkeypatch):
    """A secretariat and a cabinet account, made through the command line; this process uses the same files."""
    monkeypatch.setenv(USERS_PATH_ENV, str(tmp_path / "users.yaml"))
    monkeypatch.setenv(STORE_PATH_ENV, str(tmp_path / "store.duckdb"))
    for name, role in (("secretariat", "admin"), ("cabinet-mp", "editor")):
        extra = ("--member", MEMBER) if role == "editor" else ()
        assert run(tmp_path, built_db, "add", name, "--role", role, *extra, stdin=f"{name} password\n").returncode == 0
    yield
    store.close_all()


def sign_in(name: str, password: str) -> sign_ins.Attempt:
    attempt = sign_ins.sign_in(name, password, "192.0.2.7")
    store.close_all()
    return attempt


def audit(tmp_path: Path) -> list[tuple[str, str]]:
    """(actor, action) of the audit log's lines about locks, oldest first."""
    rows = (
        store.connection(tmp_path / "store.duckdb")
        .execute("SELECT actor, action, detail FROM audit_log ORDER BY audit_id")
        .fetchall()
    )
    store.close_all()
    return [(actor, action) for actor, action, detail in rows if "lock" in action]


def test_a_locked_account_cannot_sign_in_until_unlocked_and_both_are_audited(tmp_path, built_db, two_accounts):
    assert sign_in("cabinet-mp", "cabinet-mp password").user is not None
    locked = run(tmp_path, built_db, "lock", "cabinet-mp", "--reason", "left the cabinet")
    assert locked.returncode == 0, locked.stderr
    attempt = sign_in("cabinet-mp", "cabinet-mp password")
    assert attempt.user is None and attempt.refused == "locked_by_admin"
    assert accounts.find("cabinet-mp") is None  # an open sign-in ends at its next page run
    assert accounts.find("secretariat") is not None
    rows = [line.split("\t") for line in run(tmp_path, built_db, "list").stdout.splitlines()]
    listed = {row[0]: row[-1] for row in rows}  # the account and its state, the last column
    assert listed == {"cabinet-mp": "locked", "secretariat": "active"}
    state = {
        line.split("\t")[0]: line.split("\t")[-1] for line in run(tmp_path, built_db, "failures").stdout.splitlines()
    }
    assert state["cabinet-mp"] == "locked by an administrator: left the cabinet"
    # a new password does not unlock it
    assert (
        run(
            tmp_path, built_db, "add", "cabinet-mp", "--role", "editor", "--member", MEMBER, stdin="a new pass 1\n"
        ).returncode
        == 0
    )
    assert sign_in("cabinet-mp", "a new pass 1").refused == "locked_by_admin"
    unlocked = run(tmp_path, built_db, "unlock", "cabinet-mp")
    assert unlocked.returncode == 0, unlocked.stderr
    assert sign_in("cabinet-mp", "a new pass 1").user is not None
    operator = f"command line ({getpass.getuser()})"
    assert audit(tmp_path) == [(operator, "lock_account"), (operator, "unlock_account")]


def test_failed_sign_ins_are_listed_and_an_unlock_lifts_their_lockout(tmp_path, built_db, two_accounts):
    for _ in range(sign_ins.max_failures()):
        assert sign_in("cabinet-mp", "wrong password").user is None
    sign_in("no-such-name", "guess")
    assert sign_in("cabinet-mp", "cabinet-mp password").refused == "locked"
    listed = run(tmp_path, built_db, "failures")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert rows[0] == ["account", "failures", "last failure", "clients", "state"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"cabinet-mp", "no-such-name"}  # names tried, existing or not; none for secretariat
    failures, clients, state = by_name["cabinet-mp"][1], by_name["cabinet-mp"][3], by_name["cabinet-mp"][4]
    assert int(failures) == sign_ins.max_failures() + 1  # the refused right password counts too
    assert clients == "192.0.2.7" and state == f"locked for {sign_ins.lockout_minutes()} more minutes"
    assert by_name["no-such-name"][1:2] == ["1"] and by_name["no-such-name"][4] == "-"
    assert run(tmp_path, built_db, "unlock", "cabinet-mp").returncode == 0
    assert "cabinet-mp" not in run(tmp_path, built_db, "failures").stdout
    assert sign_in("cabinet-mp", "cabinet-mp password").user is not None


def test_locking_an_unknown_account_lists_the_accounts_without_a_traceback(tmp_path, built_db, two_accounts):
    for command in ("lock", "unlock"):
        done = run(tmp_path, built_db, command, "cabinet-xx")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "no account named 'cabinet-xx'; the accounts are: cabinet-mp, secretariat" in done.stderr
    assert audit(tmp_path) == []


def test_tabs_newlines_and_terminal_escapes_in_names_and_reasons_stay_in_their_cell(tmp_path, built_db, two_accounts):
    """The account name of a failed sign-in is whatever was typed on the sign-in form (and a lock's reason and a
    full name whatever the administrator wrote): in the tab-separated output each stays one cell of one line,
    its control characters written out, so a script reading the columns, or a terminal, is not fooled."""
    sign_in("evil\tname\nforged\t0\t-\t-\t-\x1b[2J", "guess")
    assert run(tmp_path, built_db, "lock", "cabinet-mp", "--reason", "left\tthe\ncabinet").returncode == 0
    accounts.add("secretariat", None, "admin", full_name="The\tSecretariat\n", email="sec@example.org", rounds=4)
    for command, columns in (("failures", 5), ("list", 6)):
        lines = run(tmp_path, built_db, command).stdout.splitlines()
        assert all(line.count("\t") == columns - 1 and "\x1b" not in line for line in lines), (command, lines)
    failures = {
        line.split("\t")[0]: line.split("\t") for line in run(tmp_path, built_db, "failures").stdout.splitlines()
    }
    assert "evil\\tname\\nforged\\t0\\t-\\t-\\t-\\x1b[2j" in failures
    assert failures["cabinet-mp"][-1] == "locked by an administrator: left\\tthe\\ncabinet"
    listed = {line.split("\t")[0]: line.split("\t") for line in run(tmp_path, built_db, "list").stdout.splitlines()}
    assert listed["secretariat"][4] == "The\\tSecretariat\\n"
