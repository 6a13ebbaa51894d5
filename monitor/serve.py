"""Start the app: `python -m monitor.serve [streamlit options]` (what `make run` and the browser tests use).

Why not plain `streamlit run dashboard.py`: Streamlit treats a folder named `pages/` beside the entry script
as a legacy multipage app until the first session has called `st.navigation`. Until then, a deep link such
as /objectives?objective=1.4 opened as the first visit after a start would run pages/objectives.py on its
own, without the router (no sidebar, no filters, no language). Declaring up front that the app navigates
with `st.navigation` closes that gap; everything else is `streamlit run`.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from monitor.paths import PROJECT_ROOT


def main(arguments: list[str]) -> None:
    PagesManager.uses_pages_directory = False  # the router (dashboard.py) uses st.navigation
    sys.argv = ["streamlit", "run", str(PROJECT_ROOT / "dashboard.py"), *arguments]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
