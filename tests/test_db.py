"""Database access: first start builds the file; locked and corrupt files give a reason, not a crash."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from monitor.core.errors import DatabaseUnavailable
from monitor.storage import db


@pytest.fixture(autouse=True)
def fresh_connections():
    db.close_all()
    yield
    db.close_all()


def test_missing_database_is_built_on_first_use(tmp_path):
    target = tmp_path / "nested" / "strategy.duckdb"
    result = db.run("counts_by_pillar", path=target)
    assert target.exists()
    assert result["objectives"].sum() == 17


def test_named_parameters_are_bound_not_formatted(built_db):
    cursor = db.connection(built_db).cursor()
    hostile = "1.1'; DROP TABLE objectives; --"
    assert cursor.execute("SELECT count(*) FROM objectives WHERE code = $code", {"code": hostile}).fetchone() == (0,)
    assert cursor.execute("SELECT count(*) FROM objectives").fetchone() == (17,)


def test_every_sql_file_states_its_grain_or_purpose_and_parameters():
    from monitor.core.paths import MIGRATIONS_DIR, QUERIES_DIR

    statements = [path for path in QUERIES_DIR.rglob("*.sql") if path.parent != MIGRATIONS_DIR]
    assert {path.parent.name for path in statements} == {"strategy", "store", "build"}
    for path in sorted(statements):
        lines = path.read_text(encoding="utf-8").splitlines()
        head = [line for line in lines[: next(i for i, x in enumerate(lines) if not x.startswith("--"))]]
        assert head[0].startswith(("-- Grain:", "-- Purpose:")), path
        assert any("Parameters:" in line for line in head), path
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):  # a migration opens with its number and what it adds
        assert path.read_text(encoding="utf-8").startswith(f"-- {path.name[:3]}: "), path


def test_an_engine_specific_statement_sits_beside_its_default_and_says_why():
    """Where no portable form exists, the store has `name.<engine>.sql` beside `name.sql` (both headed as above)."""
    from monitor.core.paths import QUERIES_DIR
    from monitor.storage.engines import ENGINES

    specific = [path for path in QUERIES_DIR.rglob("*.sql") if path.name.count(".") > 1]
    assert specific, "the store's write lock has a PostgreSQL form"
    for path in specific:
        name, engine, _sql = path.name.split(".")
        assert path.parent == QUERIES_DIR / "store" and engine in ENGINES, path
        assert (path.parent / f"{name}.sql").is_file(), f"{path.name} has no default {name}.sql beside it"


def test_no_sql_is_written_outside_queries():
    """Every statement is a named file: no SQL text in Python (transactions and checkpoints use DuckDB's API)."""
    from monitor.core.paths import PROJECT_ROOT

    sql = re.compile(r"""["'](SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|ATTACH|COPY|PRAGMA|BEGIN)\b""")
    for path in sorted((PROJECT_ROOT / "monitor").rglob("*.py")):
        assert not sql.search(path.read_text(encoding="utf-8")), path


def test_corrupt_file_is_reported_as_corrupt(tmp_path):
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"\0garbage" * 1000)
    with pytest.raises(DatabaseUnavailable) as failure:
        db.run("counts_by_pillar", path=broken)
    assert failure.value.reason == "corrupt"


def test_file_locked_by_a_writer_is_reported_as_locked(built_db, tmp_path):
    copy = tmp_path / "locked.duckdb"
    copy.write_bytes(built_db.read_bytes())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)",
            str(copy),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseUnavailable) as failure:
            db.run("counts_by_pillar", path=copy)
        assert failure.value.reason == "locked"
    finally:
        holder.kill()
        holder.wait()


def test_a_rebuild_is_seen_without_restarting(tmp_path):
    from monitor.build.database import build_database

    target = tmp_path / "strategy.duckdb"
    build_database(target)
    first = db.run("build_info", path=target)["built_at"].iloc[0]
    time.sleep(0.01)
    build_database(target)
    assert db.run("build_info", path=target)["built_at"].iloc[0] > first


def _built_by_an_older_version(target) -> None:
    """A file as an earlier Monitor wrote it: no code fingerprint, and a table shape this version does not use."""
    import duckdb

    from monitor.build.database import build_database

    build_database(target)
    with duckdb.connect(str(target)) as writer:
        writer.execute("ALTER TABLE build_info DROP COLUMN code_sha256")
        writer.execute("DROP TABLE target_indicators")


def test_a_database_built_by_an_older_version_is_rebuilt_on_first_use(tmp_path):
    from monitor.build.database import code_fingerprint, stale_reason

    target = tmp_path / "strategy.duckdb"
    _built_by_an_older_version(target)
    assert stale_reason(target) == "code"
    assert len(db.run("targets_all", path=target)) > 0  # the query reads a table the old file lacked
    assert db.run("build_info", path=target)["code_sha256"].iloc[0] == code_fingerprint()
    assert stale_reason(target) is None


def test_a_database_built_from_other_sources_is_used_as_it_is(tmp_path):
    import duckdb

    from monitor.build.database import build_database, stale_reason

    target = tmp_path / "strategy.duckdb"
    build_database(target)
    with duckdb.connect(str(target)) as writer:
        writer.execute("UPDATE build_info SET sources_sha256 = 'edited sources'")
    assert stale_reason(target) == "sources"
    assert db.run("build_info", path=target)["sources_sha256"].iloc[0] == "edited sources"  # not rebuilt


def test_a_stale_database_that_cannot_be_rebuilt_says_so(tmp_path, monkeypatch):
    from monitor.build import database as build
    from monitor.core.errors import SourceError

    target = tmp_path / "strategy.duckdb"
    _built_by_an_older_version(target)

    def failing(path):
        raise SourceError([])

    monkeypatch.setattr(build, "build_database", failing)
    with pytest.raises(DatabaseUnavailable) as failure:
        db.run("targets_all", path=target)
    assert failure.value.reason == "stale"


def test_make_run_rebuilds_only_a_stale_database(tmp_path, capsys):
    from monitor.build.database import main

    target = tmp_path / "strategy.duckdb"
    assert main(["--db", str(target), "--if-stale"]) == 0 and "(missing)" in capsys.readouterr().out
    identity = target.stat().st_ino, target.stat().st_mtime_ns
    assert main(["--db", str(target), "--if-stale"]) == 0 and "up to date" in capsys.readouterr().out
    assert (target.stat().st_ino, target.stat().st_mtime_ns) == identity
    _built_by_an_older_version(target)
    assert main(["--db", str(target), "--if-stale"]) == 0 and "(code)" in capsys.readouterr().out
