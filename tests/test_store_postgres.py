"""The user store on a real PostgreSQL server: several processes writing, what another process wrote showing here,
backup and restore with pg_dump, and the faults a server has (not there, a role that may only read)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import date

import psycopg
import pytest

from monitor import cache
from monitor.core.errors import StoreUnavailable
from monitor.core.paths import PROJECT_ROOT, STORE_URL_ENV
from monitor.progress import workflow
from monitor.progress.workflow import Proposal
from monitor.storage import store
from monitor.storage.accounts import User
from monitor.storage.engines import PostgresEngine, psycopg_placeholders
from tests.rendered import open_page, rendered_text
from tests.stores import postgres_store, store_sql

SECRETARIAT = User("secretariat", "-", "admin")
TODAY = date.today()
CODE = "1.1.1"

# A writer process: `writers` threads, each proposing an update to CODE through the real workflow, all starting
# from the version they read before the parent says "go"; on a conflict a writer tries again on the newer version.
WRITER = """
import json, sys, threading
from datetime import date
from monitor.core.errors import Conflict
from monitor.progress import workflow
from monitor.progress.workflow import Proposal
from monitor.storage.accounts import User

name, writers = sys.argv[1], int(sys.argv[2])
user = User("secretariat", "-", "admin")
seen = workflow.version_of("1.1.1")
outcomes, go = [], threading.Event()

def write(number):
    based_on, refused = seen, []
    go.wait()
    while True:
        try:
            landed = workflow.propose(user, Proposal("1.1.1", "in_progress", date.today(), f"{name}-{number}", "green"),
                                      based_on)
            outcomes.append({"writer": f"{name}-{number}", "landed": landed, "refused": refused})
            return
        except Conflict as conflict:
            refused.append(based_on)
            based_on = conflict.current_version

threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
for thread in threads:
    thread.start()
print("ready", flush=True)
sys.stdin.readline()
go.set()
for thread in threads:
    thread.join()
print(json.dumps(outcomes), flush=True)
"""


@pytest.fixture()
def on_postgres(postgres_server, app_db, monkeypatch) -> str:
    """This test's store: its own schema of the session's server; the strategy database of the session."""
    url = postgres_store(postgres_server)
    monkeypatch.setenv(STORE_URL_ENV, url)
    return url


def other_process(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=PROJECT_ROOT,
        env=os.environ.copy(),  # the same store URL and strategy database as this test
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_named_parameters_become_psycopg_placeholders_in_one_place():
    sql = "-- Parameters: $gone\nSELECT $code, '5%' AS cut, '$literal' AS kept, x % 2 FROM t WHERE a = $code_2"
    assert psycopg_placeholders(sql) == (
        "\nSELECT %(code)s, '5%%' AS cut, '$literal' AS kept, x %% 2 FROM t WHERE a = %(code_2)s"
    )


def test_an_update_written_by_another_process_shows_here_within_a_second(on_postgres):
    before = cache.store_query("full_history")
    generation = store.generation()
    assert before.empty
    writer = other_process(
        "import sys; from datetime import date; from monitor.progress import workflow;"
        "from monitor.progress.workflow import Proposal; from monitor.storage.accounts import User;"
        "print(workflow.propose(User('secretariat', '-', 'admin'),"
        " Proposal('1.1.1', 'in_progress', date.today(), 'from elsewhere', 'green'), 0))"
    )
    written, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors
    deadline = time.monotonic() + PostgresEngine.POLL_SECONDS + 1
    while store.generation() == generation and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store.generation() != generation  # the cache key moved on: the next read is fresh
    assert cache.store_query("full_history")["update_id"].tolist() == [int(written)]
    assert workflow.version_of(CODE) == int(written)


def test_twenty_writers_in_two_processes_lose_nothing_and_stale_versions_are_refused(on_postgres):
    store.connection()  # the schema exists before the writers start: they only write
    writers = [other_process(WRITER, name, "10") for name in ("a", "b")]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    for writer in writers:  # both processes let their ten threads go at the same moment
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outcomes = []
    for writer in writers:
        out, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
        outcomes += json.loads(out.strip().splitlines()[-1])
    assert len(outcomes) == 20
    chain = store_sql("SELECT update_id, based_on, narrative FROM progress_updates ORDER BY update_id")
    assert sorted(narrative for _id, _based_on, narrative in chain) == sorted(o["writer"] for o in outcomes)
    # every update is based on the one before it: no two writes were accepted on the same version
    assert [based_on for _id, based_on, _n in chain] == [0] + [update_id for update_id, _b, _n in chain[:-1]]
    refusals = sum(len(o["refused"]) for o in outcomes)
    assert refusals >= 19  # all 20 started from version 0: only one could land on it, each other one was told
    assert workflow.version_of(CODE) == chain[-1][0]
    audited = store_sql("SELECT count(*) FROM audit_log WHERE action = 'propose_update'")
    assert audited == [(20,)]  # one audit line per landed write, none for a refused one


@pytest.fixture()
def own_database(postgres_server, app_db, monkeypatch) -> str:
    """A database of its own (a dump holds a whole database)."""
    name = f"backup_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    url = postgres_server.replace("/postgres?", f"/{name}?")
    monkeypatch.setenv(STORE_URL_ENV, url)
    return url


def propose(narrative: str, code: str = CODE) -> int:
    return workflow.propose(
        SECRETARIAT, Proposal(code, "in_progress", TODAY, narrative, "green"), workflow.version_of(code)
    )


def test_pg_dump_backup_and_restore_round_trip(own_database, tmp_path):
    kept = [propose("before backup", code) for code in ("1.1.1", "1.2.1", "2.8.1")]
    workflow.decide(SECRETARIAT, kept[0], "validated", date(2026, 6, 11))
    command = [sys.executable, "-m", "monitor.storage.store"]
    backup = tmp_path / "store.dump"
    done = subprocess.run([*command, "backup", str(backup)], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # make backup, while this process keeps its connections
    lost = propose("after the backup")
    previous = store.restore(backup)
    assert previous.exists() and previous != backup  # the store as it was before the restore, dumped aside
    history = store.run("full_history")
    assert history["update_id"].tolist() == kept and lost not in history["update_id"].tolist()
    assert history["decision"].tolist()[0] == "validated"
    assert propose("after restore") > max(kept)  # the sequences continue after the restored rows


def test_a_backup_made_by_an_older_version_restores_over_a_newer_store(own_database, tmp_path):
    """The backup lacks the last migration's table; the store has it. After the restore the store is the
    backup's, brought up to date by the migration (before, the newer table survived and the migration stopped)."""
    propose("in the older store")
    newest, _name, sql = store.migrations()[-1]
    table = re.search(r"CREATE TABLE (\w+)", sql).group(1)  # what the last migration adds
    with store.transaction("test", "make the store an older version's", {}) as cursor:
        cursor.execute(f"DROP TABLE {table}")
        cursor.execute(f"DELETE FROM schema_migrations WHERE version = {newest}")
    older = store.backup(tmp_path / "older.dump")
    store.close_all()
    propose("in the newer store")  # reopened: migrated again, the table is back
    assert store_sql(f"SELECT count(*) FROM {table}") == [(0,)]
    store.restore(older)
    assert store.run("full_history")["narrative"].tolist() == ["in the older store"]
    assert max(store_sql("SELECT version FROM schema_migrations"))[0] == newest
    assert propose("after the restore")


def test_restoring_a_file_that_is_not_a_dump_of_a_store_changes_nothing(own_database, tmp_path):
    propose("still here")
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"not a dump" * 100)
    with pytest.raises(StoreUnavailable) as refused:
        store.restore(junk)
    assert refused.value.reason == "corrupt"
    assert store.run("full_history")["narrative"].tolist() == ["still here"]


def test_a_server_that_does_not_answer_is_unreachable_not_corrupt(app_db, monkeypatch, tmp_path):
    monkeypatch.setenv(STORE_URL_ENV, f"postgresql://postgres@/postgres?host={tmp_path}&port=5432")
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as refused:
        store.run("full_history")
    assert refused.value.reason == "unreachable" and time.monotonic() - started < 5
    shown = open_page()  # the page says so in words, and never to restore a backup
    errors = " ".join(error.value for error in shown.error)
    assert "database server does not answer" in errors and "backup" not in rendered_text(shown).lower()


def test_a_role_that_may_only_read_serves_the_store_read_only(on_postgres, postgres_server, monkeypatch):
    propose("readable")
    store.close_all()
    schema = on_postgres.rsplit("%3D", 1)[1]
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f"DROP ROLE IF EXISTS reader_{schema}")
        connection.execute(f"CREATE ROLE reader_{schema} LOGIN")
        connection.execute(f"GRANT USAGE ON SCHEMA {schema} TO reader_{schema}")
        connection.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO reader_{schema}")
    monkeypatch.setenv(STORE_URL_ENV, on_postgres.replace("postgresql://postgres@", f"postgresql://reader_{schema}@"))
    assert store.read_only_reason() == "denied"
    assert store.run("full_history")["narrative"].tolist() == ["readable"]  # reads work
    with pytest.raises(StoreUnavailable) as refused:
        propose("refused")
    assert refused.value.reason == "denied"


def test_a_literal_percent_reads_as_itself_in_a_statement_without_parameters(postgres_server, tmp_path, monkeypatch):
    """psycopg_placeholders doubles a literal %; psycopg undoes that only when it is given parameters to bind, so a
    statement with none must still be given (empty) ones, or PostgreSQL reads '5%%'."""
    from monitor.storage import engines

    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "a_share.sql").write_text("-- Purpose: a test's.\n-- Parameters: none.\nSELECT '5%' AS share")
    monkeypatch.setattr(engines, "QUERIES_DIR", tmp_path)
    engines.statement_text.cache_clear()
    engines._postgres_statement.cache_clear()
    engine = PostgresEngine(postgres_server)
    try:
        with engine.reading() as cursor:
            assert engine.execute(cursor, "a_share").fetchone()[0] == "5%"
            assert engine.execute(cursor, "a_share", {}).fetchone()[0] == "5%"
    finally:
        engine.close()
        engines.statement_text.cache_clear()
        engines._postgres_statement.cache_clear()


def test_pg_dump_and_psql_get_the_password_from_the_environment_not_the_command_line():
    url = "postgresql://monitor:s3cret-word@db.example:5433/monitor?sslmode=require"
    arguments, environment = store.pg_command(["pg_dump", "--format=custom"], url)
    assert not any("s3cret-word" in argument for argument in arguments)  # ps shows every argument to everyone
    assert environment["PGPASSWORD"] == "s3cret-word"
    dbname = arguments[-1].removeprefix("--dbname=")
    assert {"host=db.example", "port=5433", "dbname=monitor", "user=monitor", "sslmode=require"} <= set(dbname.split())
    no_password = store.pg_command(["psql"], "postgresql://monitor@/monitor?host=/run/pg")[1]
    assert no_password.get("PGPASSWORD") == os.environ.get("PGPASSWORD")  # none added; the operator's own kept
