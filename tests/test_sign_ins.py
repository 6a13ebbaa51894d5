"""Sign-ins resist guessing (monitor.storage.sign_ins and the Account page): backoff, lockout, all recorded."""

from __future__ import annotations

import json

import pytest

from monitor.storage import accounts, sign_ins, store
from tests.people import PASSWORD
from tests.rendered import open_page, rendered_text
from tests.stores import both_engines, store_sql

CLIENT = "192.0.2.10"


@pytest.fixture()
def cabinet(isolated_store):
    return accounts.add("cabinet", PASSWORD, "editor", "brussels_minister_president", rounds=4)


def _audit() -> list[tuple[str, str, dict]]:
    rows = store_sql("SELECT actor, action, detail FROM audit_log ORDER BY audit_id")
    return [(actor, action, json.loads(detail)) for actor, action, detail in rows]


@both_engines
def test_a_right_password_signs_in_and_both_outcomes_are_audited(cabinet):
    assert sign_ins.sign_in("cabinet", "not the password", CLIENT).refused == "wrong"
    assert sign_ins.sign_in("Cabinet ", PASSWORD, CLIENT).user == cabinet  # one slip: no wait yet
    assert _audit() == [
        ("cabinet", "sign_in_refused", {"client": CLIENT, "outcome": "wrong"}),
        ("cabinet", "sign_in", {"client": CLIENT, "outcome": "signed_in"}),
    ]
    assert list(sign_ins.recent()["outcome"]) == ["signed_in", "wrong"]  # newest first


@both_engines
def test_quick_retries_wait_longer_and_are_refused_unseen_then_the_account_locks(cabinet):
    outcomes = [sign_ins.sign_in("cabinet", f"guess {n}", CLIENT) for n in range(12)]
    assert outcomes[0].refused == outcomes[1].refused == "wrong"
    assert outcomes[2].refused == "too_soon" and outcomes[2].wait_seconds == 1  # 2 failures: wait 1 s
    assert outcomes[4].refused == "locked"  # the 5th failure locks (default)
    assert 14 * 60 < outcomes[-1].wait_seconds <= 15 * 60 + 1
    refused = sign_ins.sign_in("cabinet", PASSWORD, CLIENT)  # the right password, too late
    assert refused.user is None and refused.refused == "locked"


@both_engines
def test_a_lockout_holds_for_another_process_and_another_client_and_ends(cabinet, monkeypatch):
    monkeypatch.setenv(sign_ins.LOCKOUT_MINUTES_ENV, "1")
    for n in range(5):
        sign_ins.sign_in("cabinet", f"guess {n}", CLIENT)
    store.close_all()  # as another process would: only the store remembers
    assert sign_ins.sign_in("cabinet", PASSWORD, "198.51.100.7").refused == "locked"
    with store.transaction("test", "age the attempts", {}) as cursor:  # a minute later
        cursor.execute("UPDATE sign_in_attempts SET attempted_at = attempted_at - INTERVAL '2 minutes'")
    assert sign_ins.sign_in("cabinet", PASSWORD, CLIENT).user == cabinet


@both_engines
def test_one_client_guessing_many_names_is_locked_too(cabinet):
    limit = sign_ins.max_failures() * sign_ins.CLIENT_FACTOR
    for n in range(limit):
        sign_ins.sign_in(f"name-{n}", "guess", CLIENT)  # each name fails once: no account lock
    assert sign_ins.sign_in("cabinet", PASSWORD, CLIENT).refused == "locked"
    assert sign_ins.sign_in("cabinet", PASSWORD, "198.51.100.7").user == cabinet  # another client is not


@both_engines
def test_an_administrators_unlock_ends_a_lockout_and_the_failures_list_follows(cabinet):
    for n in range(sign_ins.max_failures()):
        sign_ins.sign_in("cabinet", f"guess {n}", CLIENT)
    listed = {row[0]: row for row in sign_ins.failures()}
    assert listed["cabinet"][1] == sign_ins.max_failures() and listed["cabinet"][3] == CLIENT
    assert listed["cabinet"][4].startswith("locked for ")
    sign_ins.unlock("cabinet", "secretariat")
    assert "cabinet" not in {row[0] for row in sign_ins.failures()}
    assert sign_ins.sign_in("cabinet", PASSWORD, "198.51.100.7").user == cabinet
    sign_ins.lock("cabinet", "left the cabinet", "secretariat")
    assert sign_ins.failures() == [("cabinet", 0, "-", "-", "locked by an administrator: left the cabinet")]


def test_twelve_wrong_passwords_on_the_account_page_then_the_right_one_is_refused(people):
    app = open_page("pages/more/account.py")
    for n in range(12):
        app.text_input(key="account_username").input("cabinet")
        app.text_input(key="account_password").input(f"wrong guess {n}")
        app.button(key="account_sign_in_submit").click().run()
    app.text_input(key="account_username").input("cabinet")
    app.text_input(key="account_password").input(PASSWORD)
    app.button(key="account_sign_in_submit").click().run()
    assert "signing in is locked. Try again in 15 minutes." in app.error[0].value
    assert "Signed in as" not in rendered_text(app)


def test_the_secretariat_sees_the_attempts_in_its_language(people):
    sign_ins.sign_in("cabinet", "wrong guess", CLIENT)
    sign_ins.sign_in("other", "wrong guess", None)  # no address known (no header, no connection's)
    app = open_page("pages/more/account.py", "secretariat", lang="fr")
    grid = app.dataframe[0].value
    assert list(grid.columns) == ["Quand", "Nom de compte saisi", "Depuis (adresse)", "Résultat"]
    assert list(grid["Résultat"]) == ["mot de passe ou nom incorrect"] * 2
    assert list(grid["Depuis (adresse)"]) == ["inconnue", CLIENT]  # newest first, in the reader's language
    assert open_page("pages/more/account.py", "cabinet").dataframe == []  # an editor sees none
