"""Build the strategy database from the curated sources: `python -m monitor.build [--if-stale]`.

Reads and validates every source (monitor.sources), writes a new DuckDB file next to the target
with the schema's keys and constraints, then renames it into place: a reader never sees half a
database, and a failed build leaves the previous file untouched.

The build records two fingerprints: of the sources and documents, and of the code that shapes the file
(schema, build, source reader). A file whose code fingerprint differs was built by another version of the
Monitor and may not match its queries: `--if-stale` (what `make run` uses) and the app's first open rebuild it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

from monitor.build.sources import load_sources, sources_fingerprint
from monitor.core.errors import SourceError
from monitor.core.paths import DOCUMENTS_DIR, QUERIES_DIR, SOURCES_DIR, database_path
from monitor.core.sql import statement

# What shapes the database besides its sources: a change here means the file must be rebuilt.
BUILD_CODE = (
    *sorted((QUERIES_DIR / "build").glob("*.sql")),
    Path(__file__),
    Path(__file__).with_name("sources.py"),
    Path(__file__).with_name("own_texts.py"),
)

SCHEMA_VERSION = 1

# Insertion order respects the foreign keys.
TABLE_ORDER = [
    "documents",
    "pillars",
    "objectives",
    "objective_fields",
    "workstreams",
    "government_members",
    "member_aliases",
    "organisations",
    "organisation_aliases",
    "responsibilities",
    "organisation_roles",
    "committee_members",
    "workstream_consultations",
    "name_footnotes",
    "cross_references",
    "indicators",
    "indicator_values",
    "targets",
    "policy_domains",
    "shared_priorities",
    "summit_events",
    "objective_themes",
    "indicator_directions",
    "indicator_objectives",
    "target_indicators",
    "source_versions",
    "source_version_roles",
    "source_version_items",
    "irregularities",
]


def _insert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = connection.table(table).columns  # the relational API: the table's name is never put into SQL text
    frame = pd.DataFrame([{column: row.get(column) for column in columns} for row in rows], columns=columns)
    try:
        connection.from_df(frame).insert_into(table)
    except duckdb.ConstraintException as error:
        raise SourceError.from_constraint(table, str(error)) from None


def build_database(
    target: Path | None = None, sources_dir: Path = SOURCES_DIR, documents_dir: Path = DOCUMENTS_DIR
) -> Path:
    """Validate the sources and write the database atomically to `target`; returns the path."""
    target = Path(target or database_path())
    tables = load_sources(sources_dir, documents_dir)  # raises SourceError before anything is written
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".building", dir=target.parent)
    os.close(handle)
    os.unlink(temporary)  # DuckDB wants to create the file itself
    try:
        with duckdb.connect(temporary) as connection:
            connection.execute(statement("build/schema"))
            for table in TABLE_ORDER:
                _insert(connection, table, tables.get(table, []))
            connection.execute(statement("build/derive_filter_tables"))
            connection.execute(
                statement("build/record_build_info"),
                {
                    "built_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    "fingerprint": sources_fingerprint(sources_dir, documents_dir),
                    "version": SCHEMA_VERSION,
                    "code": code_fingerprint(),
                },
            )
            connection.checkpoint()
        os.replace(temporary, target)
    finally:
        for leftover in (Path(temporary), Path(f"{temporary}.wal")):
            leftover.unlink(missing_ok=True)
    return target


def code_fingerprint() -> str:
    """One hash over the schema and the build code (see BUILD_CODE)."""
    digest = hashlib.sha256()
    for path in BUILD_CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stale_reason(
    target: Path, sources_dir: Path = SOURCES_DIR, documents_dir: Path = DOCUMENTS_DIR, check_sources: bool = True
) -> str | None:
    """Why `target` should be rebuilt: "missing", "code" (built by another version), "sources"; None if current.

    "unreadable" when the file cannot be opened (locked by a writer, or not a database): that is reported to
    the user as such rather than silently replaced.
    """
    if not target.exists():
        return "missing"
    try:
        connection = duckdb.connect(str(target), read_only=True)
    except duckdb.Error:
        return "unreadable"
    try:
        sources, code = connection.execute(statement("build/build_fingerprints")).fetchone()
    except (duckdb.Error, TypeError):  # no build_info, no code_sha256 column, no row: an older version's file
        return "code"
    finally:
        connection.close()
    if code != code_fingerprint():
        return "code"
    if check_sources and sources != sources_fingerprint(sources_dir, documents_dir):
        return "sources"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Go4Brussels 2030 strategy database.")
    parser.add_argument("--db", type=Path, default=None, help="target file (default: $G4B_DB_PATH or data/)")
    parser.add_argument(
        "--if-stale",
        action="store_true",
        help="only build when the file is missing or was built from other sources or by another version",
    )
    arguments = parser.parse_args(argv)
    target = arguments.db or database_path()
    if arguments.if_stale and (reason := stale_reason(target)) is None:
        print(f"database up to date: {target}")
        return 0
    if arguments.if_stale:
        print(f"rebuilding {target} ({reason})")
    started = time.perf_counter()
    try:
        build_database(target)
    except SourceError as error:
        print(f"build failed, nothing written:\n{error}", file=sys.stderr)
        return 1
    print(f"built {target} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
