"""What a page says when something is wrong or special: the database or the store cannot be used, the sample
data banner, a list of rule violations."""

from __future__ import annotations

import logging
import secrets

import streamlit as st

from monitor import cache
from monitor.core.errors import DatabaseUnavailable, StoreUnavailable
from monitor.storage import store
from monitor.ui.language import t


def database_error(error: DatabaseUnavailable) -> None:
    st.error(t(f"error.database.{error.reason}"))


def store_error(error: StoreUnavailable) -> None:
    st.error(t(f"error.store.{error.reason}"))


def script_error(error: Exception) -> bool:
    """Streamlit's `on_script_error` (st.App in dashboard.py): an error no page expected is said in words with a
    reference, and the server log carries the same reference with the traceback; the browser gets neither the
    traceback nor the server's paths. True: Streamlit shows nothing of its own."""
    reference = secrets.token_hex(4)
    logging.getLogger("monitor").error("script error %s", reference, exc_info=error)
    st.error(t("error.unexpected", reference=reference))
    return True


def sample_banner() -> None:
    """While generated sample progress is in the store, every page says so before anything else; so too while
    the store can be read but not written (why: permissions, a read-only or a full disk)."""
    try:
        read_only = store.read_only_reason()
        samples = cache.sample_rows()
    except StoreUnavailable as error:
        store_error(error)
        return
    if read_only:
        st.warning(t(f"error.store.{read_only}"))
    if samples:
        st.warning(t("sample.banner", rows=samples))


def problem_list(problems) -> str:
    """Rule violations (objects with column, key, values) as a Markdown list: 'Field: why'."""
    return "\n".join(f"- **{t(f'column.{p.column}')}**: {t(p.key, **p.values)}" for p in problems)
