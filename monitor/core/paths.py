"""Where things live. The file paths can be overridden with G4B_DB_PATH, G4B_STORE_PATH and G4B_USERS_PATH; the
user store moves to a PostgreSQL database with G4B_STORE_URL."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
DOCUMENTS_DIR = DATA_DIR / "documents"
SOURCES_DIR = DATA_DIR / "sources"
QUERIES_DIR = PROJECT_ROOT / "queries"
DEFAULT_DB_PATH = DATA_DIR / "go4brussels.duckdb"
DB_PATH_ENV = "G4B_DB_PATH"
MIGRATIONS_DIR = QUERIES_DIR / "store" / "migrations"
DEFAULT_STORE_PATH = DATA_DIR / "store" / "monitor_store.duckdb"
STORE_PATH_ENV = "G4B_STORE_PATH"
STORE_URL_ENV = "G4B_STORE_URL"
DEFAULT_USERS_PATH = DATA_DIR / "store" / "users.yaml"
USERS_PATH_ENV = "G4B_USERS_PATH"


def database_path() -> Path:
    """The strategy database file: $G4B_DB_PATH if set, else data/go4brussels.duckdb."""
    return _overridable(DB_PATH_ENV, DEFAULT_DB_PATH)


def _overridable(env: str, default: Path) -> Path:
    override = os.environ.get(env)
    return _resolved(override) if override else default


@cache
def _resolved(path: str) -> Path:
    # Asked for on every cached read (it is part of the cache key): resolving walks the file system each time.
    return Path(path).expanduser().resolve()


def store_path() -> Path:
    """The user store (progress, imports, audit log): $G4B_STORE_PATH, else data/store/monitor_store.duckdb.

    It is a separate file from the strategy database, so that rebuilding the strategy never touches it.
    """
    return _overridable(STORE_PATH_ENV, DEFAULT_STORE_PATH)


def store_url() -> str | None:
    """The PostgreSQL database of the user store ($G4B_STORE_URL, a postgresql:// URL), or None: the store file."""
    return os.environ.get(STORE_URL_ENV) or None


def users_path() -> Path:
    """The accounts file with hashed passwords (never committed): $G4B_USERS_PATH, else data/store/users.yaml."""
    return _overridable(USERS_PATH_ENV, DEFAULT_USERS_PATH)
