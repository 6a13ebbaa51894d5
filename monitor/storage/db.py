"""Read-only access to the strategy database through the named SQL files in queries/strategy/.

One read-only connection per database file is kept for the process; every query runs on its own
cursor, because Streamlit serves each browser session from its own thread and a DuckDB connection
cannot run two statements at once. Queries take named parameters ($name) only.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from monitor.core.errors import DatabaseUnavailable, SourceError
from monitor.core.paths import database_path
from monitor.core.sql import statement

# path -> (connection, identity of the file it opened): a rebuild renames a new file into place,
# which changes the identity, and the stale connection is then replaced.
_connections: dict[Path, tuple[duckdb.DuckDBPyConnection, tuple[int, int]]] = {}
_lock = threading.Lock()


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    from monitor.build.database import build_database, stale_reason

    # Built from data/ on first start, and again when the file was built by another version of the Monitor
    # (its tables may not match these queries). A file built from other sources is left alone: it may be
    # deliberate (`make build` after editing data/, or a test's database).
    reason = stale_reason(path, check_sources=False)  # hashing every document is for `make run`, not each open
    if reason in ("missing", "code"):
        try:
            build_database(path)
        except (SourceError, OSError) as error:
            raise DatabaseUnavailable("missing" if reason == "missing" else "stale", str(path)) from error
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as error:
        reason = "locked" if "lock" in str(error).lower() else "corrupt"
        raise DatabaseUnavailable(reason, str(path)) from error
    except duckdb.Error as error:
        raise DatabaseUnavailable("corrupt", str(path)) from error


def connection(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """The process-wide read-only connection to `path` (default: the configured database)."""
    path = Path(path or database_path())
    with _lock:
        cached = _connections.get(path)
        if cached and cached[1] == file_identity(path):
            return cached[0]
        if cached:
            cached[0].close()
        opened = _open(path)
        _connections[path] = (opened, file_identity(path))
        return opened


def file_identity(path: Path | None = None) -> tuple[int, int]:
    """(inode, mtime) of the database file, or (0, 0) when it does not exist."""
    try:
        status = Path(path or database_path()).stat()
    except FileNotFoundError:
        return (0, 0)
    return (status.st_ino, status.st_mtime_ns)


def close_all() -> None:
    """Drop cached connections, e.g. after a rebuild renamed a new file into place."""
    with _lock:
        for open_connection, _identity in _connections.values():
            open_connection.close()
        _connections.clear()


def run(name: str, params: dict[str, Any] | None = None, path: Path | None = None) -> pd.DataFrame:
    """Run queries/strategy/<name>.sql with named parameters and return the result as a DataFrame."""
    cursor = connection(path).cursor()
    try:
        return cursor.execute(statement(f"strategy/{name}"), params or {}).df()
    except duckdb.IOException as error:
        raise DatabaseUnavailable("corrupt", str(path or database_path())) from error
    finally:
        cursor.close()
