"""monitor.serve readies the process before the first visitor: every module imported, the message catalogue
loaded and the caches warm, then frozen out of the GC."""

from __future__ import annotations

import gc
import pkgutil
import sys

import pytest

import monitor
from monitor import cache
from monitor.i18n import catalogue
from monitor.serve import prepare_process
from monitor.storage import db, store
from tests.rendered import open_page


def test_prepare_process_imports_every_module_then_freezes_what_exists(app_db):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    prepare_process()
    try:
        modules = [m.name for m in pkgutil.walk_packages(monitor.__path__, prefix=f"{monitor.__name__}.")]
        modules = [name for name in modules if not name.endswith("__main__")]
        assert "monitor.ui.sidebar" in modules and "monitor.storage.store" in modules  # subpackages' modules too
        assert all(name in sys.modules for name in modules)
        assert gc.get_freeze_count() > 10_000  # pandas, plotly, duckdb and the app's own objects
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual


def test_the_first_visitor_after_a_start_reads_nothing_from_the_files(app_db, monkeypatch: pytest.MonkeyPatch):
    """Start-up has read the catalogue, the strategy and the progress: the Overview's first run only shows them."""
    catalogue.cache_clear()
    gc.unfreeze()
    try:
        prepare_process()
    finally:
        gc.unfreeze()
    assert catalogue.cache_info().currsize == 1
    reads: list[str] = []
    for module in (db, store):
        run = module.run
        monkeypatch.setattr(
            module, "run", lambda name, *args, run=run, **kwargs: reads.append(name) or run(name, *args, **kwargs)
        )
    app = open_page()
    assert not app.exception
    assert app.title[0].value and reads == []


def test_a_run_looks_at_the_database_file_once_and_the_next_run_sees_a_rebuild(tmp_path, monkeypatch):
    from monitor.build.database import build_database

    target = tmp_path / "strategy.duckdb"
    build_database(target)
    monkeypatch.setenv("G4B_DB_PATH", str(target))
    with cache.one_run():
        during = cache.database_key()
        build_database(target)  # a new file renamed into place
        assert cache.database_key() == during  # one run reads one file throughout
    after = cache.database_key()
    assert after != during
    with cache.one_run():
        assert cache.database_key() == after
