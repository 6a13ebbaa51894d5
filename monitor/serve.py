"""Start the app: `python -m monitor.serve [streamlit options]` (what `make run` and the browser tests use).

Why not plain `streamlit run dashboard.py`: Streamlit treats a folder named `pages/` beside the entry script
as a legacy multipage app until the first session has called `st.navigation`. Until then, a deep link such
as /objectives?objective=1.4 opened as the first visit after a start would run pages/objectives.py on its
own, without the router (no sidebar, no filters, no language). Declaring up front that the app navigates
with `st.navigation` closes that gap; everything else is `streamlit run`.

It also readies the process before the first visitor (see prepare_process).
"""

from __future__ import annotations

import atexit
import gc
import importlib
import pkgutil
import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from monitor.paths import PROJECT_ROOT


def prepare_process() -> None:
    """Import every module the pages use, then freeze what exists so far out of Python's garbage collector.

    The first visitor no longer waits for the imports (pandas, plotly, duckdb: ~2 s here). And the ~120,000
    objects they create live as long as the process: a full collection walked them all, ~100-150 ms in the
    middle of some filter change; frozen, it walks only what came later (~25 ms).
    """
    import monitor

    for module in pkgutil.iter_modules(monitor.__path__, prefix=f"{monitor.__name__}."):
        importlib.import_module(module.name)
    gc.freeze()
    atexit.register(gc.unfreeze)  # at exit, let them go as usual (duckdb's bindings report what is never freed)


def main(arguments: list[str]) -> None:
    PagesManager.uses_pages_directory = False  # the router (dashboard.py) uses st.navigation
    prepare_process()
    sys.argv = ["streamlit", "run", str(PROJECT_ROOT / "dashboard.py"), *arguments]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
