"""monitor.serve readies the process before the first visitor: every module imported, then frozen out of the GC."""

from __future__ import annotations

import gc
import pkgutil
import sys

import monitor
from monitor.serve import prepare_process


def test_prepare_process_imports_every_module_then_freezes_what_exists():
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
