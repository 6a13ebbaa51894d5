"""The user store: everything users enter (progress, validations, imports, cycles), kept apart from the strategy.

By default the store is its own DuckDB file; when $G4B_STORE_URL names a PostgreSQL database, it is there, and
several app processes can share it (monitor/storage/engines.py: the two engines behind one seam).

The strategy database is rebuilt from `data/` and replaced wholesale; the user store is never touched by
that build, so entered data survives every rebuild. Its schema evolves by numbered migrations
(`queries/store/migrations/NNN_name.sql`, the same on both engines), applied in order when the store is opened
and recorded in `schema_migrations`; a store written by a newer version of the code is refused rather than
guessed at.

Writes are serialised (in the process by a lock; across processes on PostgreSQL by a lock in the database) and
run in one transaction that also appends to the audit log.

Command line (DuckDB: the app must be stopped, the file is locked while it runs):
    python -m monitor.storage.store backup [FILE]   # a consistent copy of the store (PostgreSQL: pg_dump)
    python -m monitor.storage.store restore FILE    # replace the store by a backup (the old one is kept aside)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
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
from monitor.core.paths import DATA_DIR, MIGRATIONS_DIR, QUERIES_DIR, store_path, store_url
from monitor.storage.engines import DuckDBEngine, Engine, PostgresEngine, file_fault

MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")

_engines: dict[Path | str, Engine] = {}  # the opened stores of this process: a file's path, or a database's URL
_open_lock = threading.Lock()
_write_lock = threading.RLock()
WRITE_FAULTS = ("denied", "full")  # the store is fine, the system refuses writes: serve it read-only
_generation_counter = itertools.count(1)
fault = file_fault  # what an error of a store file means (kept under its old name for callers and tests)


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


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations the store has not had yet, each in its own write transaction; return their names.

    Each transaction holds the write lock and reads what was applied again: two processes that open a new
    PostgreSQL store at once apply each migration once.
    """
    done = []
    while True:
        with engine.writing() as cursor:
            engine.execute(cursor, "create_migrations_table")
            applied = {row[0] for row in engine.execute(cursor, "applied_migrations").fetchall()}
            if applied and max(applied) > schema_version():
                raise StoreUnavailable("newer", engine.where)
            pending = [migration for migration in migrations() if migration[0] not in applied]
            if not pending:
                return done
            version, name, sql = pending[0]
            engine.run_script(cursor, sql)
            engine.execute(cursor, "record_migration", {"version": version, "name": name})
        done.append(name)


def _target(path: Path | None) -> Path | str:
    """Which store: the file given, else the PostgreSQL database of $G4B_STORE_URL, else the store file."""
    if path is not None:
        return Path(path)
    return store_url() or store_path()


def _open(target: Path | str) -> Engine:
    return _open_postgres(target) if isinstance(target, str) else _open_file(target)


def _open_file(path: Path) -> Engine:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path))
    except (duckdb.IOException, OSError) as error:
        reason = fault(error)
        if reason in WRITE_FAULTS and path.exists():
            return _open_file_read_only(path, reason)
        raise StoreUnavailable(reason, str(path)) from error
    except duckdb.Error as error:
        raise StoreUnavailable("corrupt", str(path)) from error
    engine = DuckDBEngine(con, str(path))
    try:
        migrate(engine)
    except BaseException:
        con.close()
        raise
    return engine


def _open_file_read_only(path: Path, reason: str) -> Engine:
    """The store that cannot be written, for reading: only if its schema is current (no migration can run)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
        engine = DuckDBEngine(con, str(path), read_only=reason)
        _check_current(engine, reason)
    except duckdb.Error as error:
        raise StoreUnavailable(reason, str(path)) from error
    return engine


def _check_current(engine: Engine, reason: str) -> None:
    with engine.reading() as cursor:
        applied = {row[0] for row in engine.execute(cursor, "applied_migrations").fetchall()}
    if not applied or max(applied) != schema_version():
        engine.close()
        raise StoreUnavailable("newer" if applied and max(applied) > schema_version() else reason, engine.where)


def _open_postgres(url: str) -> Engine:
    import psycopg

    try:
        engine = PostgresEngine(url)
    except psycopg.Error as error:
        raise StoreUnavailable("unreachable", url_for_messages(url)) from error
    try:
        migrate(engine)
    except StoreUnavailable:
        engine.close()
        raise
    except psycopg.Error as error:
        reason = engine.fault(error)
        if reason in WRITE_FAULTS:  # e.g. a role that may only read: served for reading if the schema is current
            engine.read_only = reason
            try:
                _check_current(engine, reason)
            except psycopg.Error as unreadable:
                engine.close()
                raise StoreUnavailable(reason, engine.where) from unreadable
            return engine
        engine.close()
        raise StoreUnavailable(reason or "corrupt", engine.where) from error
    return engine


def url_for_messages(url: str) -> str:
    return re.sub(r"(//[^:/@]*):[^@]*@", r"\1@", url)


def _engine(path: Path | None = None) -> Engine:
    target = _target(path)
    with _open_lock:
        if target not in _engines:
            _engines[target] = _open(target)
            _engines[target].generation = next(_generation_counter)
        return _engines[target]


def read_only_reason(path: Path | None = None) -> str | None:
    """Why the store can be read but not written ('denied', 'full'), or None when it can be written."""
    return _engine(path).read_only


def engine_kind(path: Path | None = None) -> str:
    """'duckdb' or 'postgresql': the engine of the store in use."""
    return _engine(path).kind


def connection(path: Path | None = None) -> Any:
    """Open the store (created and migrated on first use). DuckDB: the process-wide read-write connection;
    PostgreSQL: the process's connection pool."""
    engine = _engine(path)
    return engine.con if isinstance(engine, DuckDBEngine) else engine.pool


def close_all() -> None:
    with _open_lock:
        for engine in _engines.values():
            engine.close()
        _engines.clear()


def generation(path: Path | None = None) -> int:
    """A number that changes after every committed write: cached reads take it as part of their key.

    DuckDB: only this process writes the file, so its own commits are all there is. PostgreSQL: also when another
    process has written (the highest audit id, read at most every second: a write elsewhere shows within ~1 s).
    """
    engine = _engine(path)
    try:
        elsewhere = engine.written_elsewhere()
    except Exception as error:
        reason = engine.fault(error)
        if reason:  # e.g. the server went away: every page says so, as when it could not be opened
            raise StoreUnavailable(reason, engine.where) from error
        raise
    with _open_lock:
        if elsewhere != getattr(engine, "seen_elsewhere", None):
            engine.seen_elsewhere = elsewhere
            engine.generation = next(_generation_counter)
        return engine.generation


def execute(cursor: Any, name: str, params: dict[str, Any] | None = None, path: Path | None = None) -> Any:
    """Run queries/store/<name>.sql on `cursor` (a write's cursor, see transaction()) with named parameters."""
    return _engine(path).execute(cursor, name, params)


def execute_many(cursor: Any, name: str, rows: list[dict[str, Any]], path: Path | None = None) -> None:
    """Run queries/store/<name>.sql once for every row of parameters, on a write's cursor."""
    _engine(path).execute_many(cursor, name, rows)


def run(name: str, params: dict[str, Any] | None = None, path: Path | None = None) -> pd.DataFrame:
    """Run queries/store/<name>.sql with named parameters and return the result."""
    engine = _engine(path)
    try:
        with engine.reading() as cursor:
            engine.execute(cursor, name, params)
            return engine.frame(cursor)
    except Exception as error:
        reason = engine.fault(error)
        if reason:
            raise StoreUnavailable(reason, engine.where) from error
        raise


@contextmanager
def transaction(
    actor: str, action: str, detail: dict[str, Any] | list[dict[str, Any]], path: Path | None = None
) -> Iterator[Any]:
    """One write: a cursor inside a transaction that also appends (actor, action, detail) to the audit log.

    A list of details is a batch of like writes in one transaction: one audit line each, as each would have
    alone. Writes are serialised (see the module's docstring); any exception rolls everything back and is
    re-raised.
    """
    with _write_lock:
        engine = _engine(path)
        if engine.read_only:  # opened for reading only: say why, before anything is tried
            raise StoreUnavailable(engine.read_only, engine.where)
        try:
            with engine.writing() as cursor:
                yield cursor
                for each in detail if isinstance(detail, list) else [detail]:
                    written = json.dumps(each, default=str, ensure_ascii=False)
                    engine.execute(cursor, "append_audit_entry", {"actor": actor, "action": action, "detail": written})
        except BaseException as error:
            # e.g. the disk filled up (DuckDB: "Failed to commit: … No space left on device"), the file was made
            # read-only, the server went away: a fault of the system, not of the data
            reason = engine.fault(error)
            if reason:
                raise StoreUnavailable(reason, engine.where) from error
            raise
        engine.generation = next(_generation_counter)
        engine.committed()


def backup(target: Path | None = None, path: Path | None = None) -> Path:
    """Write a consistent copy of the store to `target` (a new file; default data/store/backup-<time>.<kind>).

    DuckDB: a checkpoint writes everything committed into the file itself; while this process's writes wait on
    the write lock (no other process can write: the file is locked), the file is then a complete copy to take.
    PostgreSQL: pg_dump's custom format, one consistent snapshot while the app keeps running.
    """
    store = _target(path)
    suffix = "dump" if isinstance(store, str) else "duckdb"
    target = Path(target or DATA_DIR / "store" / f"backup-{datetime.now():%Y%m%d-%H%M%S}.{suffix}").resolve()
    if target.exists():
        raise FileExistsError(f"{target} exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(store, str):
        _pg_tool("pg_dump", "--format=custom", "--no-owner", f"--file={target}", url=store)
        return target
    engine = _engine(store)
    with _write_lock:
        engine.con.checkpoint()
        shutil.copyfile(store, target)
    return target


def restore(source: Path, path: Path | None = None) -> Path | None:
    """Replace the store by the backup `source` after checking it is a store; the old store is kept.

    Returns where the previous store was kept (None if there was none). DuckDB: the store must be closed (the
    app stopped); the old file is moved aside. PostgreSQL: the current database is dumped beside the backup
    first, then, in one transaction, its schema is emptied and the backup's script (pg_restore) run.
    """
    store = _target(path)
    source = Path(source).resolve()
    if not source.is_file():
        raise FileNotFoundError(source)
    close_all()
    if isinstance(store, str):
        return _restore_postgres(source, store)
    return _restore_file(source, store)


def _restore_file(source: Path, path: Path) -> Path | None:
    with tempfile.TemporaryDirectory(dir=path.parent if path.parent.exists() else None) as work:
        candidate = Path(work) / "restored.duckdb"
        shutil.copyfile(source, candidate)
        try:
            check = duckdb.connect(str(candidate))
        except duckdb.Error as error:
            raise StoreUnavailable("corrupt", str(source)) from error
        engine = DuckDBEngine(check, str(source))
        try:
            tables = set(run_on(engine, "store_tables")["table_name"])
            if "schema_migrations" not in tables:
                raise StoreUnavailable("corrupt", str(source))
            migrate(engine)
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


def _restore_postgres(source: Path, url: str) -> Path:
    listing = subprocess.run(["pg_restore", "--list", str(source)], capture_output=True, text=True)
    if listing.returncode or not re.search(r" TABLE \S+ schema_migrations ", listing.stdout):
        raise StoreUnavailable("corrupt", str(source))
    kept = backup(source.with_name(f"before-restore-{datetime.now():%Y%m%d-%H%M%S}.dump"))
    script = _pg_tool("pg_restore", "--no-owner", "--file=-", str(source))
    # One transaction: the schema emptied (so tables newer than the backup go too), then the backup's script.
    # Anything failing leaves the store as it was.
    clear = QUERIES_DIR / "store" / "clear_store_for_restore.postgresql.sql"
    psql = ["psql", "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1"]
    _pg_tool(*psql, f"--file={clear}", "--file=-", url=url, stdin=script)
    _engine()  # reopened: migrated if the backup is older than this code
    return kept


def _pg_tool(*command: str, url: str | None = None, stdin: str | None = None) -> str:
    """Run a PostgreSQL client program, on the store at `url` when given; return what it wrote."""
    arguments, environment = pg_command(list(command), url) if url is not None else (list(command), None)
    done = subprocess.run(arguments, input=stdin, capture_output=True, text=True, env=environment)
    if done.returncode:
        raise StoreUnavailable("unreachable" if "connection" in done.stderr else "corrupt", done.stderr.strip())
    return done.stdout


def pg_command(command: list[str], url: str) -> tuple[list[str], dict[str, str]]:
    """The command with the store's address (--dbname) and its environment: the password goes through PGPASSWORD,
    never the command line, which every user of the machine can read (ps)."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo  # only for PostgreSQL: not loaded for DuckDB

    settings = conninfo_to_dict(url)
    password = settings.pop("password", None)
    environment = {**os.environ, **({"PGPASSWORD": str(password)} if password is not None else {})}
    return [*command, f"--dbname={make_conninfo(**settings)}"], environment


def run_on(engine: Engine, name: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    with engine.reading() as cursor:
        engine.execute(cursor, name, params)
        return engine.frame(cursor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.storage.store", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("backup", help="copy the store to FILE").add_argument("file", type=Path, nargs="?")
    commands.add_parser("restore", help="replace the store by the backup FILE").add_argument("file", type=Path)
    commands.add_parser("migrate", help="create the store or bring it to the current schema")
    args = parser.parse_args(argv)
    target = _target(None)
    where = url_for_messages(target) if isinstance(target, str) else str(target)
    try:
        if args.command == "backup":
            print(f"Backed up {where} to {backup(args.file)}")
        elif args.command == "restore":
            kept = restore(args.file)
            print(f"Restored {where} from {args.file}" + (f"; the previous store is kept as {kept}" if kept else ""))
        else:
            connection()
            print(f"{where} is at schema version {schema_version()}")
    except StoreUnavailable as error:
        print(f"The store cannot be used ({error.reason}): {error.path}. Is the app running?", file=sys.stderr)
        return 1
    except (FileNotFoundError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
