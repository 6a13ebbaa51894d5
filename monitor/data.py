"""Cached data access: the only place where Streamlit caching meets the database.

Every function takes the database's identity as its first argument, so a rebuilt or switched
database file is a different cache entry; pages call them through `load(...)`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor import db
from monitor.paths import database_path

DatabaseKey = tuple[str, int, int]


def database_key() -> DatabaseKey:
    """Identifies the database file as it is now (path, inode, mtime)."""
    path = database_path()
    return (str(path), *db.file_identity(path))


@st.cache_data(show_spinner=False, max_entries=256)
def _query(key: DatabaseKey, name: str, params: tuple[tuple[str, object], ...] = ()) -> pd.DataFrame:
    return db.run(name, dict(params))


def query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/<name>.sql with named parameters, cached per database file."""
    db.connection()  # builds the file on first start, so the key below names the real file
    return _query(database_key(), name, tuple(sorted(params.items())))


def counts_by_pillar() -> pd.DataFrame:
    return query("counts_by_pillar")


def objectives_by_priority_type() -> pd.DataFrame:
    return query("objectives_by_priority_type")


def members_overview() -> pd.DataFrame:
    return query("members_overview")


def documents() -> pd.DataFrame:
    return query("documents")


def irregularities() -> pd.DataFrame:
    return query("irregularities")


def build_info() -> pd.DataFrame:
    return query("build_info")


def table_row_counts() -> pd.DataFrame:
    return query("table_row_counts")
