"""The two engines the user store runs on, behind one seam: DuckDB (a file, the default) and PostgreSQL (a server,
when $G4B_STORE_URL names one). `monitor.storage.store` holds the rules (migrations, audited transactions,
generations); an engine only knows how to run a named statement, read, write, and say what went wrong.

Both engines run the same files of queries/store/; a statement that has no portable form has an engine's own
file beside the default (`name.postgresql.sql` beside `name.sql`). Statements are written with DuckDB's `$name`
parameters; for psycopg they are translated once, mechanically, to its `%(name)s` placeholders (values are
still bound by the driver, never formatted into the SQL).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import duckdb
import pandas as pd

from monitor.core.paths import QUERIES_DIR

ENGINES = ("duckdb", "postgresql")


@cache
def statement_text(name: str, kind: str) -> str:
    """queries/store/<name>.<kind>.sql if the engine has its own, else queries/store/<name>.sql."""
    for path in (QUERIES_DIR / "store" / f"{name}.{kind}.sql", QUERIES_DIR / "store" / f"{name}.sql"):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise KeyError(f"no store statement named {name!r}")


# A single-quoted literal (kept), a comment (dropped: a $name there is no placeholder), a $name, or a % sign.
_SQL_TOKENS = re.compile(r"('(?:[^']|'')*')|(--[^\n]*)|\$([A-Za-z_]\w*)|(%)")


def psycopg_placeholders(sql: str) -> str:
    """DuckDB's `$name` parameters as psycopg's `%(name)s`; a literal % doubled (psycopg reads % as its own)."""

    def swap(match: re.Match[str]) -> str:
        literal, _comment, name, _percent = match.groups()
        if literal is not None:
            return literal.replace("%", "%%")
        if name is not None:
            return f"%({name})s"
        return "" if _comment is not None else "%%"

    return _SQL_TOKENS.sub(swap, sql)


class Engine(ABC):
    """One opened store: how to run statements on it, read, write in a transaction, and name its faults."""

    kind: str
    where: str  # the file, or the server and database (never a password): for messages
    read_only: str | None = None  # a StoreUnavailable reason when the store can be read but not written

    def __init__(self) -> None:
        self.generation = 0
        self._lock = threading.Lock()

    @abstractmethod
    def execute(self, cursor: Any, name: str, params: dict[str, Any] | None = None) -> Any: ...

    @abstractmethod
    def execute_many(self, cursor: Any, name: str, rows: list[dict[str, Any]]) -> None: ...

    @abstractmethod
    def run_script(self, cursor: Any, sql: str) -> None:
        """A migration: several statements, no parameters."""

    @abstractmethod
    def reading(self) -> contextlib.AbstractContextManager[Any]:
        """A cursor for reads (no transaction of its own beyond the statement)."""

    @abstractmethod
    def writing(self) -> contextlib.AbstractContextManager[Any]:
        """A cursor in a transaction that holds the store's write lock (`write_lock`), committed when the block
        ends, rolled back when it raises."""

    @abstractmethod
    def frame(self, cursor: Any) -> pd.DataFrame:
        """The result of the last statement on `cursor` as DuckDB's `.df()` gives it (same dtypes on both)."""

    @abstractmethod
    def fault(self, error: BaseException) -> str | None:
        """The StoreUnavailable reason for an error of the engine that is a fault of the system, else None."""

    def written_elsewhere(self) -> object:
        """Something that changes when another process has written (None when no other process can)."""
        return None

    @abstractmethod
    def committed(self) -> None:
        """This process has committed a write."""

    @abstractmethod
    def close(self) -> None: ...


class DuckDBEngine(Engine):
    """A DuckDB file: one read-write connection for the process (DuckDB lets one process write a file), one
    cursor per statement, since Streamlit serves each session from its own thread."""

    kind = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection, where: str, read_only: str | None = None) -> None:
        super().__init__()
        self.con = con
        self.where = where
        self.read_only = read_only

    def execute(self, cursor: Any, name: str, params: dict[str, Any] | None = None) -> Any:
        return cursor.execute(statement_text(name, self.kind), params or {})

    def execute_many(self, cursor: Any, name: str, rows: list[dict[str, Any]]) -> None:
        sql = statement_text(name, self.kind)
        for row in rows:
            cursor.execute(sql, row)

    def run_script(self, cursor: Any, sql: str) -> None:
        cursor.execute(sql)

    @contextmanager
    def reading(self) -> Iterator[Any]:
        cursor = self.con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def writing(self) -> Iterator[Any]:
        cursor = self.con.cursor()
        try:
            cursor.begin()
            try:
                self.execute(cursor, "write_lock").fetchall()  # DuckDB: a pending result blocks the cursor
                yield cursor
                cursor.commit()
            except BaseException:
                with contextlib.suppress(duckdb.Error):  # a failed commit has already ended the transaction
                    cursor.rollback()
                raise
        finally:
            cursor.close()

    def frame(self, cursor: Any) -> pd.DataFrame:
        return cursor.df()

    def fault(self, error: BaseException) -> str | None:
        if not isinstance(error, duckdb.Error):
            return None
        reason = file_fault(error)
        return reason if reason in ("denied", "full") else None

    def committed(self) -> None:
        """Nothing to do: the store's generation counter has moved on, and no other process writes this file."""

    def close(self) -> None:
        self.con.close()


def file_fault(error: BaseException) -> str:
    """What an input/output error of DuckDB or the system means for a store file (a StoreUnavailable reason).
    Only an error that is none of the known faults of the system is taken for a damaged file."""
    message = str(error).lower()
    if "permission denied" in message or "read-only file system" in message or "operation not permitted" in message:
        return "denied"
    if "no space left" in message or "disk quota" in message:
        return "full"
    if "lock" in message:
        return "locked"
    return "corrupt"


class PostgresEngine(Engine):
    """A PostgreSQL database: a pool of connections per process (psycopg 3, psycopg-pool), autocommit for reads,
    an explicit transaction for each write.

    Several processes write at once here. Every write transaction first takes one transaction-scoped advisory
    lock (`write_lock.postgresql.sql`), so writes are serialised across processes as the process's own lock
    serialises them within one: the write path's read-check-write (workstream versions, playlist owners,
    "decided meanwhile") then sees every earlier commit, and a stale version is refused, never overwritten.
    A lock rather than SERIALIZABLE with retries: a write is the caller's block inside `store.transaction`,
    which cannot be run again, and writes are few and short (milliseconds), so waiting costs nothing measurable.
    """

    kind = "postgresql"
    POLL_SECONDS = 1.0  # how stale another process's write may look in this one (the generation)

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self.where = _without_password(url)
        self._seen: object = None
        self._checked = 0.0
        with psycopg.connect(url, autocommit=True, connect_timeout=10):  # unreachable: say so now, not in 30 s
            pass
        self.pool = ConnectionPool(
            url,
            min_size=1,
            max_size=10,
            kwargs={"autocommit": True, "connect_timeout": 10},
            configure=_json_as_text,
            check=ConnectionPool.check_connection,  # a connection the server dropped is replaced, not handed out
            timeout=10,
            open=True,
        )

    def execute(self, cursor: Any, name: str, params: dict[str, Any] | None = None) -> Any:
        # always parameters, if only {}: psycopg turns the doubled %% back into % only when it has some to bind
        return cursor.execute(_postgres_statement(name), params or {})

    def execute_many(self, cursor: Any, name: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            cursor.executemany(_postgres_statement(name), rows)

    def run_script(self, cursor: Any, sql: str) -> None:
        cursor.execute(sql)  # no parameters: psycopg sends it as one simple query, several statements allowed

    @contextmanager
    def reading(self) -> Iterator[Any]:
        with self.pool.connection() as connection, connection.cursor() as cursor:
            yield cursor

    @contextmanager
    def writing(self) -> Iterator[Any]:
        with self.pool.connection() as connection, connection.transaction(), connection.cursor() as cursor:
            self.execute(cursor, "write_lock").fetchall()
            yield cursor

    def frame(self, cursor: Any) -> pd.DataFrame:
        columns = [column.name for column in cursor.description]
        rows = cursor.fetchall()
        frame = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
        for column, described in zip(columns, cursor.description, strict=True):
            frame[column] = _like_duckdb(frame[column], described.type_code)
        return frame

    def fault(self, error: BaseException) -> str | None:
        import psycopg
        from psycopg import errors
        from psycopg_pool import PoolTimeout

        if isinstance(error, errors.InsufficientPrivilege | errors.ReadOnlySqlTransaction):
            return "denied"  # a role that may only read, or a read-only server (a standby)
        if isinstance(error, errors.DiskFull):
            return "full"
        if isinstance(error, PoolTimeout):
            return "unreachable"
        if isinstance(error, psycopg.OperationalError) and (error.sqlstate or "08")[:2] in ("08", "57"):
            return "unreachable"  # no connection (refused, lost, no such host) or the server shutting down
        return None

    def written_elsewhere(self) -> object:
        """The highest audit id (every write appends one), read at most every POLL_SECONDS."""
        with self._lock:
            now = time.monotonic()
            if now - self._checked >= self.POLL_SECONDS:
                with self.reading() as cursor:
                    self._seen = self.execute(cursor, "last_audit_id").fetchone()[0]
                self._checked = now
            return self._seen

    def committed(self) -> None:
        with self._lock:
            self._checked = 0.0  # read the audit log again at once: this process sees its own write

    def close(self) -> None:
        self.pool.close()


@cache
def _postgres_statement(name: str) -> str:
    return psycopg_placeholders(statement_text(name, PostgresEngine.kind))


def _json_as_text(connection: Any) -> None:
    """JSON columns come back as text, as DuckDB gives them (callers parse them when they need to)."""
    from psycopg.types.string import TextLoader

    for json_type in ("json", "jsonb"):
        connection.adapters.register_loader(json_type, TextLoader)


# PostgreSQL type oids (pg_type) and the dtype DuckDB's .df() gives the same SQL type.
_INTEGERS = {20, 21, 23}  # int8, int2, int4
_BOOLEAN = 16
_FLOATS = {700, 701, 1700}  # float4, float8, numeric
_DATES = {1082, 1114}  # date, timestamp (without time zone)
_TEXTS = {19, 25, 114, 1042, 1043, 3802}  # name, text, json, char, varchar, jsonb


def _like_duckdb(column: pd.Series, type_code: int) -> pd.Series:
    """A column read through psycopg with the dtype DuckDB gives it: dates as datetime64[us], integers and
    booleans nullable only when a value is missing, text as str (objects when every value is missing)."""
    missing = column.isna().any()
    if type_code in _INTEGERS:
        return column.astype("Int64" if missing else "int64")
    if type_code == _BOOLEAN:
        return column.astype("boolean" if missing else "bool")
    if type_code in _FLOATS:
        return column.astype("float64")
    if type_code in _DATES:
        return pd.to_datetime(column).astype("datetime64[us]")
    if type_code in _TEXTS:  # DuckDB: str, unless no value is there at all (then objects, None)
        return column.astype("str") if column.notna().any() else column.astype(object).where(column.notna(), None)
    return column


def _without_password(url: str) -> str:
    return re.sub(r"(//[^:/@]*):[^@]*@", r"\1@", url)
