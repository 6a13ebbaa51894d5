"""The user store: migrations, survival across strategy rebuilds, backup and restore, locking, sample data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from monitor.build.database import build_database
from monitor.core.errors import StoreUnavailable
from monitor.core.paths import DOCUMENTS_DIR, MIGRATIONS_DIR, PROJECT_ROOT, SOURCES_DIR, STORE_PATH_ENV
from monitor.deck import playlists
from monitor.progress import sample, workflow
from monitor.progress.workflow import Proposal
from monitor.storage import store
from monitor.storage.accounts import User
from tests.rendered import open_page, rendered_text
from tests.stores import both_engines, store_sql

TODAY = date.today()


def propose(admin, code: str, narrative: str) -> int:
    return workflow.propose(admin, Proposal(code, "in_progress", TODAY, narrative, "green"), workflow.version_of(code))


@both_engines
def test_a_new_store_has_every_migration():
    applied = store_sql("SELECT version, name FROM schema_migrations ORDER BY version")
    assert [name for _version, name in applied] == [path.name for path in sorted(MIGRATIONS_DIR.glob("*.sql"))]
    assert store.schema_version() == applied[-1][0]


@both_engines
def test_an_upgrade_applies_only_new_migrations_and_keeps_the_data(admin, tmp_path, monkeypatch):
    propose(admin, "1.1.1", "entered before the upgrade")
    store.close_all()
    newer = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, newer)
    (newer / "999_add_a_column.sql").write_text("ALTER TABLE progress_updates ADD COLUMN reviewed BOOLEAN;\n")
    monkeypatch.setattr(store, "MIGRATIONS_DIR", newer)
    history = store.run("full_history")
    assert history["narrative"].tolist() == ["entered before the upgrade"]
    columns = store_sql(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'progress_updates' AND table_schema = current_schema()"
    )
    assert ("reviewed",) in columns
    assert store_sql("SELECT max(version) FROM schema_migrations") == [(999,)]


@both_engines
def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path, monkeypatch):
    newer = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, newer)
    (newer / "999_future.sql").write_text("CREATE TABLE future (x INTEGER);\n")
    monkeypatch.setattr(store, "MIGRATIONS_DIR", newer)
    store.connection()
    store.close_all()
    monkeypatch.setattr(store, "MIGRATIONS_DIR", MIGRATIONS_DIR)
    with pytest.raises(StoreUnavailable) as refused:
        store.connection()
    assert refused.value.reason == "newer"


@both_engines
def test_progress_survives_a_rebuild_of_the_strategy_database(admin, app_db):
    first = propose(admin, "2.1.1", "survives the rebuild")
    build_database(app_db, SOURCES_DIR, DOCUMENTS_DIR)  # renames a new strategy file into place
    assert store.run("full_history")["update_id"].tolist() == [first]
    assert workflow.version_of("2.1.1") == first
    assert "2.1.1" in workflow.workstream_codes()


def test_backup_wipe_restore(admin, isolated_store, tmp_path):
    kept = [propose(admin, code, f"before backup {code}") for code in ("1.1.1", "1.2.1", "2.8.1")]
    workflow.decide(admin, kept[0], "validated", date(2026, 6, 11))
    backup = store.backup(tmp_path / "backup.duckdb")
    store.close_all()
    isolated_store.unlink()  # the wipe
    assert store.run("update_count")["updates"].iloc[0] == 0
    previous = store.restore(backup)
    assert previous is not None and previous.exists()
    history = store.run("full_history")
    assert history["update_id"].tolist() == kept
    assert history["decision"].tolist()[0] == "validated"
    newer = propose(admin, "1.1.1", "after restore")  # sequences continue after the restored rows
    assert newer > max(kept)


def test_backup_and_restore_from_the_command_line(admin, isolated_store, tmp_path):
    propose(admin, "1.3.1", "command line")
    store.close_all()
    target = tmp_path / "cli-backup.duckdb"
    command = [sys.executable, "-m", "monitor.storage.store"]
    done = subprocess.run([*command, "backup", str(target)], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    isolated_store.unlink()
    done = subprocess.run([*command, "restore", str(target)], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert store.run("full_history")["narrative"].tolist() == ["command line"]


def test_restoring_a_file_that_is_not_a_store_changes_nothing(admin, isolated_store, tmp_path):
    propose(admin, "1.3.1", "still here")
    store.close_all()
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreUnavailable):
        store.restore(junk)
    assert store.run("full_history")["narrative"].tolist() == ["still here"]


def test_a_store_locked_by_another_process_is_reported_as_locked(isolated_store):
    store.connection()
    store.close_all()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)",
            str(isolated_store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreUnavailable) as locked:
            store.connection()
        assert locked.value.reason == "locked"
    finally:
        holder.kill()
        holder.wait()


@both_engines
def test_sample_rows_are_labelled_and_removed_without_touching_real_ones(admin):
    real = propose(admin, "1.1.1", "real update")
    sample.generate(300, seed=7)
    history = store.run("full_history")
    assert history["is_sample"].sum() == 300 and not history.loc[history["update_id"] == real, "is_sample"].item()
    assert set(history.loc[history["is_sample"], "proposed_by"]) == {sample.SAMPLE_ACTOR}
    again = sample._rows(workflow.workstream_codes(), 300, 7, TODAY)[0]
    assert again["workstream_code"].tolist() == history.loc[history["is_sample"], "workstream_code"].tolist()
    assert sample.remove() == 300
    left = store.run("full_history")
    assert left["update_id"].tolist() == [real]
    assert store.run("sample_counts").iloc[0].sum() == 0
    assert workflow.version_of("1.1.1") == real


# Faults of the system are not corruption. Tests run as root here, and root ignores file permissions: a
# read-only disk is made with a read-only bind mount, a full disk with a small tmpfs (both need root: skipped
# otherwise), and a refused permission with sysfs, where even root may not create files.
@contextmanager
def mounted(*arguments: str) -> Iterator[None]:
    target = Path(arguments[-1])
    done = subprocess.run(["mount", *arguments], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount here ({done.stderr.strip()})")
    try:
        yield
    finally:
        store.close_all()
        subprocess.run(["umount", str(target)], check=True)


def test_a_store_the_system_forbids_to_create_is_denied_not_corrupt(monkeypatch):
    monkeypatch.setenv(STORE_PATH_ENV, "/sys/g4b-monitor/store.duckdb")
    with pytest.raises(StoreUnavailable) as refused:
        store.connection()
    assert refused.value.reason == "denied"


def test_a_store_on_a_read_only_disk_is_served_for_reading_and_refuses_writes_saying_why(app_db, isolated_store):
    playlists.create(User("presenter", "-", "editor", "m"), "Kept", ["title"])
    store.close_all()
    folder = str(isolated_store.parent)
    with mounted("--bind", "-o", "ro", folder, folder):
        assert store.read_only_reason() == "denied"
        assert [p.name for p in playlists.all_playlists()] == ["Kept"]  # reads work
        with pytest.raises(StoreUnavailable) as refused:
            playlists.create(User("presenter", "-", "editor", "m"), "New", [])
        assert refused.value.reason == "denied"
        shown = open_page()  # every page says why saving is off, and never to restore a backup
        warnings = " ".join(warning.value for warning in shown.warning)
        assert "the disk is read-only" in warnings and "backup" not in rendered_text(shown).lower()
    assert store.read_only_reason() is None  # writable again: no restart needed beyond the reopen


def test_a_full_disk_refuses_the_write_whole_and_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "small-disk"
    folder.mkdir()
    monkeypatch.setenv(STORE_PATH_ENV, str(folder / "store.duckdb"))
    with mounted("-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)):
        presenter = User("presenter", "-", "editor", "m")
        with pytest.raises(StoreUnavailable) as refused:
            for _ in range(20):  # ~800 kB of WAL each: the 3 MB disk fills up
                playlists.freeze(presenter, date(2026, 1, 1), {"blob": os.urandom(400_000).hex()})
        assert refused.value.reason == "full"
        frozen = len(store.run("snapshots_list"))
        (audited,) = store.connection().execute("SELECT count(*) FROM audit_log").fetchone()
        assert 0 < frozen == audited  # the refused write left no half: no snapshot without its audit line
