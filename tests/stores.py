"""The user store on both engines in tests: a schema of the session's PostgreSQL server per test, and the test's
own SQL on whichever store is in use (the fixtures `postgres_server` and `store_engine` are in conftest.py)."""

from __future__ import annotations

import itertools
import os

import psycopg
import pytest

from monitor.storage import store

both_engines = pytest.mark.usefixtures("store_engine")  # the test runs on DuckDB and on PostgreSQL

_schemas = itertools.count(1)


def postgres_store(server: str) -> str:
    """A new, empty schema of the test server, and the URL of a store in it (each test its own: fast)."""
    schema = f"test_{os.getpid()}_{next(_schemas)}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    return f"{server}&options=-csearch_path%3D{schema}"


def store_sql(text: str) -> list[tuple]:
    """Rows of a test's own SQL (no parameters) on the store in use, whichever its engine."""
    engine = store._engine()
    with engine.reading() as cursor:
        cursor.execute(text)
        return [tuple(row) for row in cursor.fetchall()] if cursor.description else []
