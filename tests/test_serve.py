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
        modules = [m.name for m in pkgutil.iter_modules(monitor.__path__, prefix=f"{monitor.__name__}.")]
        assert modules and all(name in sys.modules for name in modules)
        assert gc.get_freeze_count() > 10_000  # pandas, plotly, duckdb and the app's own objects
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
