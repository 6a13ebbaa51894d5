"""Streamlit pieces shared by the pages: the language, translated labels, tables, error messages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor.errors import DatabaseUnavailable
from monitor.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate

LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}


def language_picker() -> str:
    """The language select box in the sidebar, kept in the URL as ?lang=…"""
    if st.session_state.get("lang") not in LANGUAGES:
        st.session_state["lang"] = DEFAULT_LANGUAGE
    return st.sidebar.selectbox(
        "Taal · Langue · Language", LANGUAGES, key="lang", format_func=LANGUAGE_NAMES.get, bind="query-params"
    )


def language() -> str:
    chosen = st.session_state.get("lang")
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    """The interface string `key` in the current language."""
    return translate(key, language(), **values)


def table(frame: pd.DataFrame, columns: dict[str, str], key: str, **options) -> None:
    """A data table with translated headers (columns: data column -> catalogue key), index hidden."""
    shown = frame[list(columns)].rename(columns={c: t(k) for c, k in columns.items()})
    st.dataframe(shown, hide_index=True, key=key, **options)


def database_error(error: DatabaseUnavailable) -> None:
    st.error(t(f"error.database.{error.reason}"))
