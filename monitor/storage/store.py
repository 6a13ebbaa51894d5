"""The user store: everything users enter (progress, validations, imports, cycles), in its own DuckDB file.

The strategy database is rebuilt from `data/` and replaced wholesale; the user store is never touched by
that build, so entered data survives every rebuild. Its schema evolves by numbered migrations
(`queries/store/migrations/NNN_name.sql`), applied in order when the store is opened and recorded in
`schema_migrations`; a store written by a newer version of the code is refused rather than guessed at.

One read-write connection per file is kept for the process (DuckDB allows one writing process per file);
every statement runs on its own cursor, because Streamlit serves each session from its own thread.
Writes are serialised in the process by a lock and run in one transaction that also appends to the audit log.

Command line (the app must be stopped, the file is locked while it runs):
    python -m monitor.storage.store backup FILE     # a consistent copy of the store
    python -m monitor.storage.store restore FILE    # replace the store by a backup (the old one is kept aside)
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from monitor.core.errors import StoreUnavailable
from monitor.core.paths import MIGRATIONS_DIR, store_path
from monitor.core.sql import statement

MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")

_connections: dict[Path, duckdb.DuckDBPyConnection] = {}
_open_lock = threading.Lock()
_write_lock = threading.RLock()
_generations: dict[Path, int] = {}
_read_only: dict[Path, str] = {}  # stores that could only be opened for reading, and why (a StoreUnavailable reason)
WRITE_FAULTS = ("denied", "full")  # the file is fine, the system refuses writes: serve it read-only
_generation_counter = itertools.count(1)


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration, in order."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = MIGRATION_NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file {path.name} is not named NNN_name.sql")
        found.append((int(match.group(1)), path.name, path.read_text(encoding="utf-8")))
    versions = [version for version, _name, _sql in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"two migrations share a number: {versions}")
    return found


def schema_version() -> int:
    """The schema version this code writes (the number of its last migration)."""
    return max(version for version, _name, _sql in migrations())


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations the store has not had yet, each in its own transaction; return their names."""
    execute(con, "create_migrations_table")
    applied = {row[0] for row in execute(con, "applied_migrations").fetchall()}
    if applied and max(applied) > schema_version():
        raise StoreUnavailable("newer", "the store was written by a newer version of the Monitor")
    done = []
    for version, name, sql in migrations():
        if version in applied:
            continue
        con.begin()
        try:
            con.execute(sql)
            execute(con, "record_migration", {"version": version, "name": name})
            con.commit()
        except Exception:
            con.rollback()
            raise
        done.append(name)
    return done


def fault(error: BaseException) -> str:
    """What an input/output error of DuckDB or the system means for the store (a StoreUnavailable reason).
    Only an error that is none of the known faults of the system is taken for a damaged file."""
    message = str(error).lower()
    if "permission denied" in message or "read-only file system" in message or "operation not permitted" in message:
        return "denied"
    if "no space left" in message or "disk quota" in message:
        return "full"
    if "lock" in message:
        return "locked"
    return "corrupt"


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path))
    except (duckdb.IOException, OSError) as error:
        reason = fault(error)
        if reason in WRITE_FAULTS and path.exists():
            return _open_read_only(path, reason)
        raise StoreUnavailable(reason, str(path)) from error
    except duckdb.Error as error:
        raise StoreUnavailable("corrupt", str(path)) from error
    try:
        migrate(con)
    except BaseException:
        con.close()
        raise
    return con


def _open_read_only(path: Path, reason: str) -> duckdb.DuckDBPyConnection:
    """The store that cannot be written, for reading: only if its schema is current (no migration can run)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
        applied = {row[0] for row in execute(con, "applied_migrations").fetchall()}
    except duckdb.Error as error:
        raise StoreUnavailable(reason, str(path)) from error
    if not applied or max(applied) != schema_version():
        con.close()
        raise StoreUnavailable("newer" if applied and max(applied) > schema_version() else reason, str(path))
    _read_only[path] = reason
    return con


def read_only_reason(path: Path | None = None) -> str | None:
    """Why the store can be read but not written ('denied', 'full'), or None when it can be written."""
    path = Path(path or store_path())
    connection(path)
    return _read_only.get(path)


def connection(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """The process-wide read-write connection to the store (created and migrated on first use)."""
    path = Path(path or store_path())
    with _open_lock:
        if path not in _connections:
            _connections[path] = _open(path)
            _generations[path] = next(_generation_counter)
        return _connections[path]


def close_all() -> None:
    with _open_lock:
        for con in _connections.values():
            con.close()
        _connections.clear()
        _read_only.clear()


def generation(path: Path | None = None) -> int:
    """A number that changes after every committed write: cached reads take it as part of their key."""
    path = Path(path or store_path())
    connection(path)
    return _generations[path]


def execute(
    cursor: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """Run queries/store/<name>.sql on `cursor` (a write's cursor, see transaction()) with named parameters."""
    return cursor.execute(statement(f"store/{name}"), params or {})


def run(name: str, params: dict[str, Any] | None = None, path: Path | None = None) -> pd.DataFrame:
    """Run queries/store/<name>.sql with named parameters and return the result."""
    cursor = connection(path).cursor()
    try:
        return execute(cursor, name, params).df()
    finally:
        cursor.close()


@contextmanager
def transaction(
    actor: str, action: str, detail: dict[str, Any] | list[dict[str, Any]], path: Path | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """One write: a cursor inside a transaction that also appends (actor, action, detail) to the audit log.

    A list of details is a batch of like writes in one transaction: one audit line each, as each would have
    alone. Writes of this process are serialised; any exception rolls everything back and is re-raised.
    """
    path = Path(path or store_path())
    with _write_lock:
        cursor = connection(path).cursor()
        if path in _read_only:  # opened for reading only: say why, before anything is tried
            cursor.close()
            raise StoreUnavailable(_read_only[path], str(path))
        try:
            cursor.begin()
            try:
                yield cursor
                for each in detail if isinstance(detail, list) else [detail]:
                    written = json.dumps(each, default=str, ensure_ascii=False)
                    execute(cursor, "append_audit_entry", {"actor": actor, "action": action, "detail": written})
                cursor.commit()
            except BaseException as error:
                _roll_back(cursor)
                # e.g. the disk filled up (DuckDB: "Failed to commit: … No space left on device"), or the file
                # was made read-only: a fault of the system, not of the data or the file
                if isinstance(error, duckdb.Error) and fault(error) in WRITE_FAULTS:
                    raise StoreUnavailable(fault(error), str(path)) from error
                raise
            _generations[path] = next(_generation_counter)
        finally:
            cursor.close()


def _roll_back(cursor: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.Error):  # a failed commit has already ended the transaction
        cursor.rollback()


def backup(target: Path, path: Path | None = None) -> Path:
    """Write a consistent copy of the store to `target` (a new DuckDB file).

    A checkpoint writes everything committed into the file itself; while this process's writes wait on the
    write lock (no other process can write: the file is locked), the file is then a complete copy to take.
    """
    path = Path(path or store_path())
    target = Path(target).resolve()
    if target.exists():
        raise FileExistsError(f"{target} exists; choose a new file name")
    con = connection(path)
    with _write_lock:
        con.checkpoint()
        shutil.copyfile(path, target)
    return target


def restore(source: Path, path: Path | None = None) -> Path | None:
    """Replace the store by the backup `source` after checking it opens and migrates; the old file is kept.

    Returns where the previous store was moved (None if there was none). Needs the store to be closed.
    """
    path = Path(path or store_path())
    source = Path(source).resolve()
    if not source.is_file():
        raise FileNotFoundError(source)
    close_all()
    with tempfile.TemporaryDirectory(dir=path.parent if path.parent.exists() else None) as work:
        candidate = Path(work) / "restored.duckdb"
        shutil.copyfile(source, candidate)
        try:
            check = duckdb.connect(str(candidate))
        except duckdb.Error as error:
            raise StoreUnavailable("corrupt", str(source)) from error
        try:
            tables = {row[0] for row in execute(check, "store_tables").fetchall()}
            if "schema_migrations" not in tables:
                raise StoreUnavailable("corrupt", str(source))
            migrate(check)
            check.checkpoint()
        finally:
            check.close()
        kept = None
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            kept = path.with_name(f"{path.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
            os.replace(path, kept)
        os.replace(candidate, path)
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.storage.store", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("backup", help="copy the store to FILE").add_argument("file", type=Path)
    commands.add_parser("restore", help="replace the store by the backup FILE").add_argument("file", type=Path)
    commands.add_parser("migrate", help="create the store or bring it to the current schema")
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            print(f"Backed up {store_path()} to {backup(args.file)}")
        elif args.command == "restore":
            kept = restore(args.file)
            print(
                f"Restored {store_path()} from {args.file}"
                + (f"; the previous store is kept as {kept}" if kept else "")
            )
        else:
            connection()
            print(f"{store_path()} is at schema version {schema_version()}")
    except StoreUnavailable as error:
        print(f"The store cannot be used ({error.reason}): {error.path}. Is the app running?", file=sys.stderr)
        return 1
    except (FileNotFoundError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
