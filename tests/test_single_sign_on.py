"""Single sign-on without a browser: the settings read from the secrets, which account a provider's identity is
(monitor.storage.single_sign_on), linking addresses to accounts (monitor.storage.accounts and its command line),
the sign-in log, and the Account page as AppTest renders it for someone signed in through the provider."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from monitor.storage import accounts, sign_ins, single_sign_on, store
from monitor.storage.single_sign_on import Settings
from monitor.ui.auth import SESSION_KEY
from tests.people import PASSWORD
from tests.rendered import DASHBOARD
from tests.test_accounts_cli import MEMBER, run

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-cookie-secret",
    "client_id": "g4b-monitor",
    "client_secret": "a-client-secret",
    "server_metadata_url": "https://login.example/.well-known/openid-configuration",
}
LINKED = "anna.peeters@cabinet.example"


# --- settings ---------------------------------------------------------------------------------------------------


def test_single_sign_on_is_off_unless_auth_has_every_key_st_login_needs():
    assert single_sign_on.settings({}) is None
    assert single_sign_on.settings({"session_secret": "x"}) is None  # the Monitor's own secret alone
    for missing in single_sign_on.AUTH_KEYS:
        assert single_sign_on.settings({"auth": {k: v for k, v in AUTH.items() if k != missing}}) is None
    assert single_sign_on.settings({"auth": AUTH}) == Settings(provider_name=None, passwords=True)


def test_the_provider_name_and_passwords_or_not_come_from_the_monitors_own_section():
    own = {"provider_name": "  IRISbox  ", "passwords": False}
    assert single_sign_on.settings({"auth": AUTH, "single_sign_on": own}) == Settings("IRISbox", passwords=False)
    assert single_sign_on.settings({"auth": AUTH, "single_sign_on": {"provider_name": ""}}).provider_name is None
    assert not single_sign_on.settings({"auth": AUTH}).addresses_verified_by_provider
    trusting = {"auth": AUTH, "single_sign_on": {"addresses_verified_by_provider": True}}
    assert single_sign_on.settings(trusting).addresses_verified_by_provider


# --- identity -> account ----------------------------------------------------------------------------------------


@pytest.fixture()
def users(tmp_path):
    path = tmp_path / "users.yaml"
    accounts.add("cabinet", PASSWORD, "editor", MEMBER, "Anna Peeters", path=path, rounds=4, email=LINKED)
    accounts.add("secretariat", PASSWORD, "admin", path=path, rounds=4)
    return path


def _claims(**claims) -> dict:
    """A provider's claims for a signed-in person; it says it verified the address unless told otherwise."""
    return {"is_logged_in": True, "sub": "provider-subject-1", "email_verified": True, **claims}


def test_a_verified_linked_address_is_its_account_whatever_its_case(users):
    found = single_sign_on.identity(_claims(email="Anna.Peeters@Cabinet.example", email_verified=True), path=users)
    assert found.user == accounts.find("cabinet", users) and found.user.member_id == MEMBER
    assert found.verified and found.key == "cabinet"


def test_an_address_the_provider_does_not_say_it_verified_stands_only_when_the_operator_trusts_it(users):
    silent = {key: value for key, value in _claims(email=LINKED).items() if key != "email_verified"}
    assert single_sign_on.identity(silent, path=users).user is None  # a typed-in address could be anyone's
    trusted = single_sign_on.identity(silent, path=users, addresses_verified_by_provider=True)
    assert trusted.user.username == "cabinet"
    for unclear in (0, 1, "yes", "", [True]):  # only a clear yes makes an account
        assert single_sign_on.identity(_claims(email=LINKED, email_verified=unclear), path=users).user is None
    said_false = _claims(email=LINKED, email_verified=False)  # said unverified: never, even when trusted
    assert single_sign_on.identity(said_false, path=users, addresses_verified_by_provider=True).user is None
    assert single_sign_on.identity(_claims(email=LINKED, email_verified="true"), path=users).user is not None


def test_an_address_written_into_the_accounts_file_by_hand_is_found_whatever_its_case_or_spaces(users):
    """The command line keeps addresses in lower case; one typed into users.yaml by hand may not be."""
    text = users.read_text(encoding="utf-8").replace(f"email: {LINKED}", "email: ' Anna.Peeters@Cabinet.example '")
    users.write_text(text, encoding="utf-8")
    assert single_sign_on.identity(_claims(email=LINKED), path=users).user.username == "cabinet"


@pytest.mark.parametrize("said", [False, "false", "False"])
def test_an_address_the_provider_says_is_unverified_is_no_account(users, said):
    found = single_sign_on.identity(_claims(email=LINKED, email_verified=said), path=users)
    assert found.user is None and not found.verified and found.email == LINKED


def test_a_locked_account_is_no_account_through_the_provider_either(users):
    accounts.set_locked("cabinet", "left the cabinet", users)
    assert single_sign_on.identity(_claims(email=LINKED), path=users).user is None
    accounts.set_locked("cabinet", None, users)
    assert single_sign_on.identity(_claims(email=LINKED), path=users).user.username == "cabinet"


def test_an_unlinked_address_is_a_reader_recorded_by_its_address(users):
    found = single_sign_on.identity(_claims(email="visitor@elsewhere.example"), path=users)
    assert found.user is None and found.verified and found.key == "visitor@elsewhere.example"
    no_email = single_sign_on.identity(_claims(email_verified=None), path=users)
    assert no_email.user is None and no_email.email is None and not no_email.verified


def test_no_identity_when_not_signed_in_or_signed_in_longer_ago_than_a_sign_in_lasts(users):
    assert single_sign_on.identity({"email": LINKED}, path=users) is None  # AppTest's default st.user
    assert single_sign_on.identity({"is_logged_in": False, "email": LINKED}, path=users) is None
    issued = 1_800_000_000
    fresh = single_sign_on.identity(_claims(email=LINKED, iat=issued), 3600, users, now=issued + 3599)
    assert fresh.user.username == "cabinet"
    assert single_sign_on.identity(_claims(email=LINKED, iat=issued), 3600, users, now=issued + 3601) is None


# --- linking addresses ------------------------------------------------------------------------------------------


def test_one_address_links_one_account_and_must_look_like_an_address(users):
    with pytest.raises(ValueError, match="already linked to the account cabinet"):
        accounts.link("secretariat", LINKED.upper(), users)
    with pytest.raises(ValueError, match="not an e-mail address"):
        accounts.link("secretariat", "secretariat", users)
    with pytest.raises(ValueError, match="the accounts are: cabinet, secretariat"):
        accounts.link("nobody", "nobody@example.org", users)
    assert accounts.link("secretariat", "Sofie.Claes@gov.example", users).email == "sofie.claes@gov.example"
    assert accounts.find_by_email("sofie.claes@gov.example", users).username == "secretariat"
    assert accounts.link("secretariat", None, users).email is None
    assert accounts.find_by_email("sofie.claes@gov.example", users) is None


def test_an_account_without_a_password_signs_in_only_through_the_provider(users):
    with pytest.raises(ValueError, match="give --email"):
        accounts.add("nopass", None, "admin", path=users)
    accounts.add("nopass", None, "admin", path=users, email="no.pass@gov.example")
    assert accounts.authenticate("nopass", "", users) is None
    assert accounts.authenticate("nopass", "any password at all", users) is None
    with pytest.raises(ValueError, match="could not sign in at all"):
        accounts.link("nopass", None, users)


def test_the_command_line_links_and_adds_accounts_for_single_sign_on_without_a_terminal(tmp_path, built_db):
    done = run(
        tmp_path, built_db, "add", "anna", "--role", "editor", "--member", MEMBER, "--email", LINKED, "--no-password"
    )
    assert done.returncode == 0, done.stderr
    done = run(tmp_path, built_db, "add", "sofie", "--role", "admin", stdin="long enough pw\n")
    assert done.returncode == 0, done.stderr
    assert run(tmp_path, built_db, "link", "sofie", "sofie.claes@gov.example").returncode == 0
    listed = run(tmp_path, built_db, "list").stdout
    assert f"anna\teditor\t{MEMBER}\t{LINKED}\t" in listed and "sofie\tadmin\t-\tsofie.claes@gov.example\t" in listed
    taken = run(tmp_path, built_db, "link", "sofie", LINKED)
    assert taken.returncode == 1 and "already linked to the account anna" in taken.stderr
    unknown = run(tmp_path, built_db, "link", "nobody", "x@example.org")
    assert unknown.returncode == 1 and "the accounts are: anna, sofie" in unknown.stderr
    assert "Traceback" not in taken.stderr + unknown.stderr
    assert run(tmp_path, built_db, "unlink", "sofie").returncode == 0
    assert accounts.find("sofie", tmp_path / "users.yaml").email is None


# --- the sign-in log --------------------------------------------------------------------------------------------


def test_a_provider_sign_in_is_logged_and_audited_apart_from_password_ones(isolated_store):
    accounts.add("cabinet", PASSWORD, "editor", MEMBER, rounds=4, email=LINKED)
    sign_ins.sign_in("cabinet", PASSWORD, "192.0.2.10")
    sign_ins.single_sign_on("cabinet", "192.0.2.11")
    sign_ins.single_sign_on("Visitor@Elsewhere.example", None)
    recent = sign_ins.recent()
    assert list(zip(recent["username"], recent["outcome"], recent["method"], strict=True)) == [
        ("visitor@elsewhere.example", "signed_in", "single_sign_on"),
        ("cabinet", "signed_in", "single_sign_on"),
        ("cabinet", "signed_in", "password"),
    ]
    actions = store.connection().execute("SELECT actor, action, detail FROM audit_log ORDER BY audit_id").fetchall()
    assert [(actor, action, json.loads(detail)["client"]) for actor, action, detail in actions] == [
        ("cabinet", "sign_in", "192.0.2.10"),
        ("cabinet", "sign_in_single_sign_on", "192.0.2.11"),
        ("visitor@elsewhere.example", "sign_in_single_sign_on", "unknown"),
    ]


# --- the Account page -------------------------------------------------------------------------------------------


def _account_page(
    secrets: dict | None, user: dict | None = None, signed_in: str | None = None, lang: str = "en"
) -> AppTest:
    """The Account page in `lang`, with these secrets (None: none configured) and this st.user."""
    app = AppTest.from_file(str(DASHBOARD), default_timeout=90)
    app.query_params["lang"] = lang
    if secrets:
        app.secrets.update(secrets)
    if user is not None:
        app.user = user
    app.run()
    if signed_in:
        app.session_state[SESSION_KEY] = signed_in
    app.switch_page("pages/more/account.py")
    return app.run()


def _texts(app: AppTest) -> str:
    return "\n".join(
        [e.value for e in [*app.markdown, *app.caption, *app.warning, *app.info]] + [b.label for b in app.button]
    )


@pytest.fixture()
def linked(app_db, isolated_store):
    accounts.add("cabinet", PASSWORD, "editor", MEMBER, "Anna Peeters", rounds=4, email=LINKED)
    accounts.add("secretariat", PASSWORD, "admin", None, "Sofie Claes", rounds=4, email="sofie.claes@gov.example")


def test_without_single_sign_on_the_account_page_offers_the_password_form_only(linked):
    app = _account_page(None, {"is_logged_in": True, "email": LINKED, "sub": "s-0"})  # st.user without [auth]
    assert [b.key for b in app.button] == ["account_sign_in_submit"]
    assert "Signed in" not in _texts(app)


def test_with_single_sign_on_the_account_page_offers_the_provider_beside_or_instead_of_passwords(linked):
    app = _account_page({"auth": AUTH, "single_sign_on": {"provider_name": "IRISbox"}})
    assert app.button(key="account_single_sign_on").label == "Sign in with IRISbox"
    assert app.text_input(key="account_username") is not None
    only = _account_page({"auth": AUTH, "single_sign_on": {"passwords": False}})
    assert only.button(key="account_single_sign_on").label == "Sign in with your organisation's account"
    assert not only.text_input and [b.key for b in only.button] == ["account_single_sign_on"]


def test_a_linked_provider_sign_in_is_the_account_and_the_secretariat_sees_it_logged(linked):
    app = _account_page(
        {"auth": AUTH}, {"is_logged_in": True, "email": "sofie.claes@gov.example", "sub": "s-1", "email_verified": True}
    )
    shown = _texts(app)
    assert "Signed in as Sofie Claes, secretariat (admin)." in shown
    assert "Signed in through your organisation's account as sofie.claes@gov.example." in shown
    log = app.dataframe[0].value  # recorded once, by the first run that saw the provider's sign-in
    assert [list(row)[1:] for row in log.itertuples(index=False)] == [
        ["secretariat", "not known", "signed in through single sign-on"]
    ]
    app.run()
    assert len(app.dataframe[0].value) == 1


def test_an_unlinked_provider_sign_in_reads_only_and_is_told_whom_to_ask_in_its_language(linked):
    visitor = {"is_logged_in": True, "email": "visitor@elsewhere.example", "sub": "s-2", "email_verified": True}
    app = _account_page({"auth": AUTH, "single_sign_on": {"provider_name": "IRISbox"}}, visitor)
    warning = app.warning[0].value
    assert warning.startswith("You are signed in through IRISbox as visitor@elsewhere.example, but this address")
    assert "Ask the secretariat" in warning and "Signed in as" not in _texts(app)
    assert app.button(key="account_sign_out") is not None
    app.switch_page("pages/progress/report.py").run()  # a page that writes: the same words, no form
    assert app.warning[0].value == warning
    assert [box.key for box in app.selectbox] == ["lang"] and not app.info  # no workstream, no sign-in prompt
    french = _account_page({"auth": AUTH}, {**visitor, "sub": "s-2-fr"}, lang="fr")
    assert french.warning[0].value.startswith("Vous êtes connecté via le compte de votre organisation en tant que")
    assert "Demandez au secrétariat" in french.warning[0].value


def test_a_password_sign_in_is_kept_beside_an_unlinked_provider_sign_in(linked):
    visitor = {"is_logged_in": True, "email": "visitor@elsewhere.example", "sub": "s-3", "email_verified": True}
    app = _account_page({"auth": AUTH}, visitor, signed_in="cabinet")
    assert "Signed in as Anna Peeters, cabinet editor." in _texts(app) and not app.warning
