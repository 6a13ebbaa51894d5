"""Where things live. The database path can be overridden with G4B_DB_PATH."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DOCUMENTS_DIR = DATA_DIR / "documents"
SOURCES_DIR = DATA_DIR / "sources"
QUERIES_DIR = PROJECT_ROOT / "queries"
SCHEMA_FILE = Path(__file__).resolve().parent / "schema.sql"
DEFAULT_DB_PATH = DATA_DIR / "go4brussels.duckdb"
DB_PATH_ENV = "G4B_DB_PATH"


def database_path() -> Path:
    """The strategy database file: $G4B_DB_PATH if set, else data/go4brussels.duckdb."""
    override = os.environ.get(DB_PATH_ENV)
    return Path(override).expanduser().resolve() if override else DEFAULT_DB_PATH
