"""Who is signed in, for this browser session (Streamlit side of monitor.accounts).

A session remembers only the user name; the account (role, member) is read from the accounts file on
every use, so a removed account or a changed role takes effect at once.
"""

from __future__ import annotations

import streamlit as st

from monitor.storage import accounts
from monitor.storage.accounts import User

SESSION_KEY = "_signed_in_user"


def current_user() -> User | None:
    username = st.session_state.get(SESSION_KEY)
    if not username:
        return None
    user = accounts.find(username)
    if user is None:
        st.session_state.pop(SESSION_KEY, None)
    return user


def sign_in(username: str, password: str) -> User | None:
    user = accounts.authenticate(username, password)
    if user:
        st.session_state[SESSION_KEY] = user.username
    return user


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
