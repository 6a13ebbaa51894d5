"""Session fixtures: one database built through the real pipeline, and helpers for pages."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb
import pytest

from monitor.build.database import build_database
from monitor.core.paths import (
    DB_PATH_ENV,
    DOCUMENTS_DIR,
    SOURCES_DIR,
    STORE_PATH_ENV,
    STORE_URL_ENV,
    USERS_PATH_ENV,
)
from monitor.storage import db, local_postgres, store
from monitor.storage.accounts import User
from tests.people import add_people
from tests.stores import postgres_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The strategy database built from data/ into a temporary file, used by the whole session."""
    path = tmp_path_factory.mktemp("db") / "strategy.duckdb"
    build_database(path, SOURCES_DIR, DOCUMENTS_DIR)
    return path


@pytest.fixture(scope="session")
def con(built_db: Path):
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture()
def app_db(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points the app at the session database and clears every cache around the test."""
    import streamlit as st

    monkeypatch.setenv(DB_PATH_ENV, str(built_db))
    db.close_all()
    st.cache_data.clear()
    yield built_db
    db.close_all()
    st.cache_data.clear()


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty user store and accounts file: tests never touch data/store/."""
    path = tmp_path / "store" / "monitor_store.duckdb"
    monkeypatch.setenv(STORE_PATH_ENV, str(path))
    monkeypatch.setenv(USERS_PATH_ENV, str(tmp_path / "store" / "users.yaml"))
    monkeypatch.delenv(STORE_URL_ENV, raising=False)  # a store on PostgreSQL only where a test asks for one
    yield path
    store.close_all()


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """A real PostgreSQL server (Debian's, `make postgresql`) for the test run, thrown away at its end: the URL
    of its `postgres` database. A short directory: a Unix socket's path may not exceed 107 bytes."""
    directory = Path(tempfile.mkdtemp(prefix="g4b-pg-"))
    url = local_postgres.start(directory, port=5432, durable=False)
    yield url
    store.close_all()
    local_postgres.remove(directory)


@pytest.fixture(params=["duckdb", "postgresql"])
def store_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs the test on both engines of the user store: its own DuckDB file, or its own PostgreSQL schema."""
    if request.param == "postgresql":
        monkeypatch.setenv(STORE_URL_ENV, postgres_store(request.getfixturevalue("postgres_server")))
    yield request.param
    store.close_all()


@pytest.fixture()
def people(app_db: Path) -> dict[str, User]:
    """The test accounts (tests/people.py) in the test's own accounts file."""
    return add_people()


@pytest.fixture()
def admin(people: dict[str, User]) -> User:
    return people["admin"]


@pytest.fixture()
def editor(people: dict[str, User]) -> User:
    return people["editor"]
