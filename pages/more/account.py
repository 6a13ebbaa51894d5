"""Account: sign in (cabinet editors and the secretariat) or out. Viewers need no account.

A sign-in lasts across reloads, tabs and bookmarks (monitor.ui.auth); opened from a page that needs an account,
the Account page goes back to it after signing in. With single sign-on configured, it also offers the provider's
sign-in (and, if so configured, only that)."""

import streamlit as st

from monitor import cache
from monitor.ui import auth
from monitor.ui.language import t

st.title(t("account.title"))
auth.finish_sign_in_or_out()
user = auth.current_user()
identity = auth.provider_identity()
if user:
    member = cache.option_labels("member").get(user.member_id, "") if user.member_id else ""
    st.write(t("account.signed_in_as", name=user.full_name, role=t(f"role.{user.role}")))
    if member:
        st.write(t("account.works_for", member=member))
    if identity is not None and identity.user == user:
        st.caption(auth.signed_in_through(identity))
elif identity is not None:  # signed in through the provider, with no account: reading only
    st.warning(auth.no_account_message(identity))
if user or identity is not None:
    if st.button(t("account.sign_out"), key="account_sign_out"):
        auth.sign_out()
        st.rerun()
    if user and user.is_admin:
        auth.sign_in_log()
    st.stop()

st.caption(t("account.intro"))
single_sign_on = auth.single_sign_on_settings()
if single_sign_on is not None:
    provider = auth.provider_label(single_sign_on)
    if st.button(t("account.sso_sign_in", provider=provider), key="account_single_sign_on", type="primary"):
        auth.sign_in_with_provider()
    if not single_sign_on.passwords:
        st.stop()
    st.caption(t("account.sso_or_password"))
with st.form("account_sign_in_form"):
    username = st.text_input(t("account.username"), key="account_username")
    password = st.text_input(t("account.password"), type="password", key="account_password")
    submitted = st.form_submit_button(t("account.sign_in"), key="account_sign_in_submit")
if submitted:
    attempt = auth.sign_in(username, password, return_to=auth.return_page())
    if attempt.user:
        st.rerun()
    st.error(auth.refusal(attempt))
